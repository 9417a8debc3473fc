//! Model fidelity as people read it: each element's evidence in words (for the detail pane
//! and the discharge form).

use super::form::{Field, Form, FormKind};
use crate::config::Config;
use crate::domain::Goal;
use crate::domain::dates::fmt_date;
use crate::domain::edit::{Change, MAX_SCORE};
use crate::domain::fidelity::{Check, Evidence, State};
use crate::domain::text::sanitize;
use crate::i18n::fidelity_strings;
use crate::store::write::Target;

/// A goal's own scores as the board shows them: `3→7 (+4)`, `3→…` before the end score,
/// `…→7` without a start score; `None` when neither is recorded.
pub fn score_text(g: &Goal) -> Option<String> {
    let n = |v: Option<u8>| v.map_or("…".to_string(), |v| v.to_string());
    match (g.score_start, g.score_end, g.score_change()) {
        (None, None, _) => None,
        (_, _, Some(c)) => Some(format!(
            "{}→{} ({})",
            n(g.score_start),
            n(g.score_end),
            signed(c)
        )),
        _ => Some(format!("{}→{}", n(g.score_start), n(g.score_end))),
    }
}

/// A change of score with its sign, as the board writes it: `+4`, `±0`, `−2`.
pub fn signed(c: i32) -> String {
    match c {
        0 => "±0".to_string(),
        c if c > 0 => format!("+{c}"),
        c => format!("−{}", -c),
    }
}

/// The goal score form: the start and end score, each empty or 0–10; the goal's words and
/// the question the person answers above them.
pub(super) fn goal_score_form(g: &Goal, kind: FormKind, target: Target, cfg: &Config) -> Form {
    let w = fidelity_strings(cfg.language);
    let v = |s: Option<u8>| s.map(|n| n.to_string()).unwrap_or_default();
    let mut f = Form::new(
        kind,
        w.score_title,
        vec![
            Field::text(w.score_start, &v(g.score_start), 2, false),
            Field::text(w.score_end, &v(g.score_end), 2, false),
        ],
        target,
        cfg,
    );
    f.intro = Some(format!("«{}»\n{}", sanitize(&g.text), w.score_hint));
    f
}

/// The change the goal score form asks for, or the field with a score that is not 0–10.
pub(super) fn goal_score_change(form: &Form, id: i64) -> Result<Change, (usize, String)> {
    let w = fidelity_strings(form.lang);
    let score = |i: usize| -> Result<Option<u8>, (usize, String)> {
        let t = form.fields[i].value().trim();
        if t.is_empty() {
            return Ok(None);
        }
        match t.parse::<u8>() {
            Ok(n) if n <= MAX_SCORE => Ok(Some(n)),
            _ => Err((i, w.err_score.to_string())),
        }
    };
    Ok(Change::GoalScores(id, score(0)?, score(1)?))
}

/// The record behind a check, in words: `kartlegging registrert 04.11.2026`. Text from the
/// database (names) is sanitised; list keys become their configured labels.
pub fn evidence(c: &Check, cfg: &Config) -> String {
    let lang = cfg.language;
    let w = fidelity_strings(lang);
    let d = |date| fmt_date(date);
    // The reason's label, and its free text when there is one (it says the most).
    let delay = |reason: &Option<(String, String)>| {
        reason.as_ref().map(|(key, text)| {
            let label = if text.trim().is_empty() {
                crate::config::Config::label_of(&cfg.delay_reasons, key, lang)
            } else {
                sanitize(text)
            };
            w.ev_delay.replace("{reason}", &label)
        })
    };
    match &c.evidence {
        Evidence::Discharged { on, day, delay: r } => {
            let mut t = w
                .ev_discharged
                .replace("{date}", &d(*on))
                .replace("{day}", &day.to_string());
            if let Some(r) = delay(r) {
                t = format!("{t}; {r}");
            }
            t
        }
        Evidence::Active { day, delay: r } => {
            let mut t = w
                .ev_active
                .replace("{day}", &day.max(&0).to_string())
                .replace("{n}", &cfg.stay.length_days.to_string());
            if let Some(r) = delay(r) {
                t = format!("{t}; {r}");
            }
            t
        }
        Evidence::Assessment(on) => w.ev_assessment.replace("{date}", &d(*on)),
        Evidence::Goals { count, first } => w
            .ev_goals
            .replace("{n}", &count.to_string())
            .replace("{date}", &d(*first)),
        Evidence::Contact(name) => sanitize(name),
        Evidence::Discussed {
            times,
            first,
            last,
            longest_gap,
            gap_end,
        } => {
            let mut t = w
                .ev_discussed
                .replace("{times}", &times.to_string())
                .replace("{first}", &crate::domain::dates::fmt_short(*first))
                .replace("{last}", &crate::domain::dates::fmt_short(*last));
            if c.state != State::Met {
                let gap = w
                    .ev_gap
                    .replace("{days}", &longest_gap.to_string())
                    .replace("{date}", &crate::domain::dates::fmt_short(*gap_end));
                t = format!("{t}; {gap}");
            }
            t
        }
        Evidence::GpHeld(on) => w.ev_gp_held.replace("{date}", &d(*on)),
        Evidence::GpBooked(on) => w.ev_gp_booked.replace("{date}", &d(*on)),
        Evidence::MedicationDone(Some(on)) => w.ev_med_done.replace("{date}", &d(*on)),
        Evidence::MedicationDone(None) => w.ev_med_done_undated.to_string(),
        Evidence::MedicationInProgress => w.ev_med_in_progress.to_string(),
        Evidence::Evaluation {
            goals_evaluated,
            goals,
            decisions,
            undecided,
            outcome,
        } => {
            if c.state == State::NotYetDue {
                return w.ev_at_discharge.to_string();
            }
            let mut parts = vec![
                w.ev_evaluation
                    .replace("{done}", &goals_evaluated.to_string())
                    .replace("{n}", &goals.to_string())
                    .replace("{d}", &decisions.to_string()),
            ];
            if *undecided > 0 {
                parts.push(w.ev_undecided.replace("{n}", &undecided.to_string()));
            }
            match outcome {
                Some(o) => parts.push(crate::config::Config::label_of(
                    &cfg.discharge_outcomes,
                    o,
                    lang,
                )),
                None => parts.push(w.ev_no_outcome.to_string()),
            }
            parts.join(", ")
        }
        Evidence::Missing => w.ev_missing.to_string(),
    }
}
