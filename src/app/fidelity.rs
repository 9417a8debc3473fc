//! Model fidelity as people read it: each element's evidence in words (for the detail pane
//! and the discharge form).

use crate::config::Config;
use crate::domain::dates::fmt_date;
use crate::domain::fidelity::{Check, Evidence, State};
use crate::domain::text::sanitize;
use crate::i18n::fidelity_strings;

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
