//! The discharge form (utskriving): the systematic evaluation drawn over the board. It lists
//! every item still open on the stay — goals not evaluated, follow-ups not done, deadlines
//! not met — and asks for a decision on each (a goal's evaluation; for anything else: done
//! now, carried over, or closed, with a note), then the discharge date and outcome. Enter
//! on an incomplete evaluation points at the first item without a decision.

use super::form::{Field, Form, FormKind};
use crate::config::{Config, Language};
use crate::domain::dates::{DateInputError, fmt_date, parse_user_date};
use crate::domain::discharge::{OpenItem, open_items};
use crate::domain::edit::{Change, MAX_SCORE, MAX_TEXT, checked_text};
use crate::domain::fidelity::unmet_at_discharge;
use crate::domain::text::{clean_input, has_visible};
use crate::domain::{DeadlineKind, Decision, Goal, GoalStatus, Handover, MedStatus, Stay};
use crate::i18n::{discharge_score_strings, discharge_strings, edit_strings, strings};
use crate::store::write::Target;
use jiff::civil::Date;

/// Suffix of the item key of a decision's note field.
const NOTE: &str = "#note";
/// Prefix of the item key of an unmet element's reason field (`fidelity.gp`).
const FIDELITY: &str = "fidelity.";
/// Prefix of the item key of a goal's end-score field (`score.12`).
const SCORE: &str = "score.";
/// The end-score choice's key for «ikke målt».
const NOT_MEASURED: &str = "none";

fn pick(lang: Language) -> (String, String) {
    (String::new(), edit_strings(lang).pick.to_string())
}

fn evaluations(lang: Language) -> Vec<(String, String)> {
    let d = discharge_strings(lang);
    vec![
        pick(lang),
        (GoalStatus::Achieved.as_str().into(), d.eval_achieved.into()),
        (
            GoalStatus::PartlyAchieved.as_str().into(),
            d.eval_partly.into(),
        ),
        (GoalStatus::NotAchieved.as_str().into(), d.eval_not.into()),
    ]
}

/// The decisions offered for an item: a follow-up can also be done now.
fn decisions(lang: Language, follow_up: bool) -> Vec<(String, String)> {
    let d = discharge_strings(lang);
    let mut v = vec![pick(lang)];
    for dec in Decision::ALL {
        let label = match dec {
            Decision::Done if !follow_up => continue,
            Decision::Done => d.dec_done,
            Decision::HomeCare => d.dec_home_care,
            Decision::Gp => d.dec_gp,
            Decision::Other => d.dec_other,
            Decision::Closed => d.dec_closed,
        };
        v.push((dec.as_str().into(), label.into()));
    }
    v
}

/// The word for a decision, as the detail pane and the history show it.
pub fn decision_label(lang: Language, dec: Decision) -> &'static str {
    let d = discharge_strings(lang);
    match dec {
        Decision::Done => d.dec_done,
        Decision::HomeCare => d.dec_home_care,
        Decision::Gp => d.dec_gp,
        Decision::Other => d.dec_other,
        Decision::Closed => d.dec_closed,
    }
}

/// What an open item is, in one line (the heading above its decision).
pub fn describe(stay: &Stay, item: OpenItem, cfg: &Config, today: Date) -> String {
    let lang = cfg.language;
    let d = discharge_strings(lang);
    let s = strings(lang);
    let clean = crate::domain::text::sanitize;
    match item {
        OpenItem::Goal(id) => {
            let n = stay.goals.iter().position(|g| g.id == id).unwrap_or(0) + 1;
            let text = stay
                .goals
                .iter()
                .find(|g| g.id == id)
                .map(|g| clean(&g.text))
                .unwrap_or_default();
            format!("{} {n}: «{text}»", d.goal)
        }
        OpenItem::FollowUp(id) => {
            let Some(f) = stay.follow_ups.iter().find(|f| f.id == id) else {
                return d.follow_up.to_string();
            };
            let disc = Config::short_of(&cfg.disciplines, &f.discipline, lang);
            let due = match f.due {
                Some(due) if due < today => {
                    format!(" · {} {} ({})", s.due, fmt_date(due), s.legend_overdue)
                }
                Some(due) if due == today => format!(" · {} {}", s.due, s.today),
                Some(due) => format!(" · {} {}", s.due, fmt_date(due)),
                None => String::new(),
            };
            format!("{}: {} [{disc}]{due}", d.follow_up, clean(&f.text))
        }
        OpenItem::Deadline(DeadlineKind::Assessment) => d.assessment_open.to_string(),
        OpenItem::Deadline(DeadlineKind::Gp) => match stay.gp.booked_for {
            None => d.gp_not_booked.to_string(),
            Some(b) if b > today => d.gp_booked_later.replace("{date}", &fmt_date(b)),
            Some(b) => d.gp_booked.replace("{date}", &fmt_date(b)),
        },
        OpenItem::Deadline(_) => {
            let status = match stay.med_status {
                MedStatus::InProgress => s.med_in_progress,
                _ => s.med_not_started,
            };
            d.med_open.replace("{status}", status)
        }
    }
}

/// The open items of `stay` in a few words: `2 mål · 1 oppfølging · Legetime ikke bestilt`.
pub fn summary(stay: &Stay, cfg: &Config, today: Date) -> String {
    let d = discharge_strings(cfg.language);
    let items = open_items(stay);
    if items.is_empty() {
        return d.nothing_open.to_string();
    }
    let goals = items
        .iter()
        .filter(|i| matches!(i, OpenItem::Goal(_)))
        .count();
    let fus = items
        .iter()
        .filter(|i| matches!(i, OpenItem::FollowUp(_)))
        .count();
    let mut parts = Vec::new();
    if goals > 0 {
        parts.push(format!("{goals} {}", d.goals_n));
    }
    if fus > 0 {
        parts.push(format!("{fus} {}", d.follow_ups_n));
    }
    for i in &items {
        if let OpenItem::Deadline(_) = i {
            parts.push(describe(stay, *i, cfg, today));
        }
    }
    d.open_items.replace("{items}", &parts.join(" · "))
}

/// The person's own end score of a goal: «velg», 0–10 (each with the change from the start
/// score when there is one: `7 (+4)`) or «ikke målt»; opens on the end score already
/// recorded (typed in the goals panel), else on «velg» so it is never skipped unasked.
fn score_field(g: &Goal, lang: Language) -> Field {
    let sc = discharge_score_strings(lang);
    let mut options = vec![pick(lang)];
    for n in 0..=MAX_SCORE {
        let label = match g.score_start {
            Some(start) => format!(
                "{n} ({})",
                super::fidelity::signed(i32::from(n) - i32::from(start))
            ),
            None => n.to_string(),
        };
        options.push((n.to_string(), label));
    }
    options.push((NOT_MEASURED.to_string(), sc.not_measured.to_string()));
    let recorded = g.score_end.map(|n| n.to_string()).unwrap_or_default();
    let mut f = Field::choice(sc.end_score, options, &recorded);
    f.item = Some(format!("{SCORE}{}", g.id));
    f
}

/// A goal's heading in the evaluation: its words, how it was evaluated when that was done
/// before the discharge, and the start score (or that there is none), so the end score is
/// asked with the start in view.
fn goal_heading(stay: &Stay, g: &Goal, cfg: &Config, today: Date) -> String {
    let sc = discharge_score_strings(cfg.language);
    let mut parts = vec![describe(stay, OpenItem::Goal(g.id), cfg, today)];
    if g.status != GoalStatus::Open
        && let Some((_, label)) = evaluations(cfg.language)
            .into_iter()
            .find(|(k, _)| k == g.status.as_str())
    {
        parts.push(sc.evaluated.replace("{status}", &label));
    }
    parts.push(match g.score_start {
        Some(n) => sc.start_score.replace("{n}", &n.to_string()),
        None => sc.no_start_score.to_string(),
    });
    parts.join(" · ")
}

/// The discharge form for `stay`.
pub(super) fn open(stay: &Stay, cfg: &Config, today: Date, target: Target) -> Form {
    let lang = cfg.language;
    let d = discharge_strings(lang);
    let e = edit_strings(lang);
    let mut fields = Vec::new();
    // Every goal still relevant, in the person's order: an open one is evaluated, and each
    // gets the person's own end score (the report's «mean change» needs both ends).
    for g in stay
        .goals
        .iter()
        .filter(|g| g.status != GoalStatus::Dropped)
    {
        let heading = Some(goal_heading(stay, g, cfg, today));
        let mut score = score_field(g, lang);
        if g.status == GoalStatus::Open {
            let mut f = Field::choice(d.evaluation, evaluations(lang), "");
            f.heading = heading;
            f.item = Some(OpenItem::Goal(g.id).key());
            fields.push(f);
        } else {
            score.heading = heading;
        }
        fields.push(score);
    }
    for item in open_items(stay) {
        let key = item.key();
        let mut f = match item {
            // Asked above, with the goal's end score.
            OpenItem::Goal(_) => continue,
            OpenItem::FollowUp(_) => Field::choice(d.decision, decisions(lang, true), ""),
            OpenItem::Deadline(_) => Field::choice(d.decision, decisions(lang, false), ""),
        };
        f.heading = Some(describe(stay, item, cfg, today));
        f.item = Some(key.clone());
        fields.push(f);
        let mut n = Field::text(d.note, "", MAX_TEXT, false);
        n.item = Some(format!("{key}{NOTE}"));
        fields.push(n);
    }
    // Core elements of the model not met: each needs its reason before the stay can go.
    let w = crate::i18n::fidelity_strings(lang);
    let unmet = unmet_at_discharge(stay, &cfg.rules(), today);
    for c in &unmet {
        let key = c.element.key();
        let before = stay
            .fidelity_acks
            .iter()
            .find(|a| a.element == key)
            .map_or("", |a| a.note.as_str());
        let mut f = Field::text(w.form_reason, before, MAX_TEXT, false);
        f.heading = Some(
            w.form_unmet
                .replace("{element}", w.element(c.element))
                .replace("{why}", &super::fidelity::evidence(c, cfg)),
        );
        f.item = Some(format!("{FIDELITY}{key}"));
        fields.push(f);
    }
    // Did the next of kin take part in the evaluation (asked for each)?
    fields.extend(super::kin::discharge_fields(stay, cfg));
    let mut date = Field::date(e.discharge_date, Some(today), false);
    date.heading = Some(strings(lang).discharge.to_string());
    fields.push(date);
    let mut outcomes = vec![pick(lang)];
    outcomes.extend(
        cfg.discharge_outcomes
            .iter()
            .map(|c| (c.key.clone(), c.label.get(lang).to_string())),
    );
    fields.push(Field::choice(e.outcome, outcomes, ""));
    let mut form = Form::new(FormKind::Discharge, e.discharge, fields, target, cfg);
    let mut intro = summary(stay, cfg, today);
    if !unmet.is_empty() {
        intro = format!(
            "{intro}\n{}",
            w.form_intro.replace("{n}", &unmet.len().to_string())
        );
    }
    form.intro = Some(intro);
    form.snapshot = Some(Box::new(stay.clone()));
    form
}

/// Items (and notes) still without what they need, as (field, message), in form order.
fn missing(form: &Form) -> Vec<(usize, String)> {
    let d = discharge_strings(form.lang);
    let mut out = Vec::new();
    for (i, f) in form.fields.iter().enumerate() {
        let Some(item) = f.item.as_deref() else {
            continue;
        };
        if item.ends_with(NOTE) || item.starts_with(super::kin::KIN_ITEM) {
            continue;
        }
        let v = f.value();
        if item.starts_with(SCORE) {
            if v.is_empty() {
                let sc = discharge_score_strings(form.lang);
                out.push((i, sc.err_score.to_string()));
            }
            continue;
        }
        if item.starts_with(FIDELITY) {
            if !has_visible(&clean_input(v)) {
                let w = crate::i18n::fidelity_strings(form.lang);
                out.push((i, w.err_reason.to_string()));
            }
            continue;
        }
        if v.is_empty() {
            let msg = if item.starts_with("goal.") {
                d.err_evaluate
            } else {
                d.err_decide
            };
            out.push((i, msg.to_string()));
        } else if !item.starts_with("goal.")
            && v != Decision::Done.as_str()
            && !form
                .fields
                .get(i + 1)
                .is_some_and(|n| has_visible(&clean_input(n.value())))
        {
            out.push((i + 1, d.err_note.to_string()));
        }
    }
    out
}

/// The form-level message when the evaluation is not complete.
pub(super) fn missing_message(form: &Form) -> Option<String> {
    let n = missing(form).len();
    (n > 0).then(|| {
        discharge_strings(form.lang)
            .missing
            .replace("{n}", &n.to_string())
    })
}

/// The change the form asks for, or the first field that needs something.
pub(super) fn build(form: &Form, today: Date) -> Result<Change, (usize, String)> {
    if let Some(first) = missing(form).into_iter().next() {
        return Err(first);
    }
    let e = edit_strings(form.lang);
    let mut goals = Vec::new();
    let mut handovers = Vec::new();
    let mut acks: Vec<(String, String)> = Vec::new();
    let mut kin_in_evaluation = Vec::new();
    let mut end_scores = Vec::new();
    for (i, f) in form.fields.iter().enumerate() {
        let Some(item) = f.item.as_deref() else {
            continue;
        };
        if item.ends_with(NOTE) {
            continue;
        }
        if let Some(id) = item.strip_prefix(SCORE) {
            let id = id
                .parse()
                .map_err(|_| (i, e.err_no_such_item.to_string()))?;
            let score = match f.value() {
                NOT_MEASURED => None,
                v => Some(
                    v.parse::<u8>()
                        .ok()
                        .filter(|n| *n <= MAX_SCORE)
                        .ok_or_else(|| (i, e.err_unknown_choice.to_string()))?,
                ),
            };
            end_scores.push((id, score));
            continue;
        }
        if let Some(answer) = super::kin::discharge_answer(item, f.value()) {
            kin_in_evaluation.push(answer);
            continue;
        }
        if let Some(key) = item.strip_prefix(FIDELITY) {
            let note = checked_text(f.value(), MAX_TEXT, true)
                .map_err(|err| (i, super::form::edit_error(form.lang, &err)))?;
            acks.push((key.to_string(), note));
            continue;
        }
        match OpenItem::parse(item) {
            Some(OpenItem::Goal(id)) => {
                let status = GoalStatus::parse(f.value())
                    .ok_or_else(|| (i, e.err_unknown_choice.to_string()))?;
                goals.push((id, status));
            }
            Some(_) => {
                let decision = Decision::parse(f.value())
                    .ok_or_else(|| (i, e.err_unknown_choice.to_string()))?;
                let note = form.fields.get(i + 1).map_or("", |n| n.value());
                let note = checked_text(note, MAX_TEXT, false)
                    .map_err(|err| (i + 1, super::form::edit_error(form.lang, &err)))?;
                handovers.push(Handover {
                    item: item.to_string(),
                    decision,
                    note,
                });
            }
            None => return Err((i, e.err_no_such_item.to_string())),
        }
    }
    let n = form.fields.len();
    let on = match parse_user_date(form.fields[n - 2].value(), today) {
        Ok(d) => d,
        Err(DateInputError::Empty) => return Err((n - 2, e.err_date_empty.to_string())),
        Err(DateInputError::NoSuchDay) => return Err((n - 2, e.err_no_such_day.to_string())),
        Err(DateInputError::Unrecognised) => return Err((n - 2, e.err_date.to_string())),
    };
    // A discharge is recorded on the day the person leaves, not ahead of it: a future date
    // would take them off the board and the capacity count before they have gone.
    if on > today {
        return Err((
            n - 2,
            crate::i18n::deadline_strings(form.lang)
                .err_future
                .to_string(),
        ));
    }
    let outcome = form.fields[n - 1].value().to_string();
    if outcome.is_empty() {
        return Err((n - 1, e.err_unknown_choice.to_string()));
    }
    // The discharge date decides what is met (the five weeks above all): every element
    // unmet on that date needs its reason; a reason for one met after all is not kept.
    let mut acknowledgements = Vec::new();
    if let Some(stay) = &form.snapshot {
        let w = crate::i18n::fidelity_strings(form.lang);
        for c in unmet_at_discharge(stay, form.rules(), on) {
            match acks.iter().find(|a| a.0 == c.element.key()) {
                Some(ack) => acknowledgements.push(ack.clone()),
                None => {
                    return Err((
                        n - 2,
                        w.err_date_unmet.replace("{element}", w.element(c.element)),
                    ));
                }
            }
        }
    }
    Ok(Change::Discharge {
        on,
        outcome,
        goals,
        decisions: handovers,
        acknowledgements,
        kin_in_evaluation,
        end_scores,
    })
}

/// A colleague saved the stay while the evaluation was open and the open items changed
/// (a follow-up added or done): the form takes the fresh list, keeping every decision the
/// user made for an item that is still there. A new item is left undecided, so Enter
/// points at it.
pub(super) fn rebase(form: &mut Form, fresh: &Form) {
    let mut fields = fresh.fields.clone();
    for f in &mut fields {
        let mine = form.fields.iter().find(|m| match (&m.item, &f.item) {
            (Some(a), Some(b)) => a == b,
            (None, None) => m.label == f.label,
            _ => false,
        });
        if let Some(m) = mine
            && m.touched
        {
            let v = m.value().to_string();
            f.set_value(&v);
            f.touched = true;
        }
    }
    let focused = form.fields.get(form.focus).and_then(|f| f.item.clone());
    form.fields = fields;
    form.focus = focused
        .and_then(|k| form.fields.iter().position(|f| f.item.as_ref() == Some(&k)))
        .unwrap_or(0);
    form.intro = fresh.intro.clone();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::FormKey;
    use crate::app::form::Input;
    use crate::domain::FollowUp;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 25);

    fn stay() -> Stay {
        let mut s = Stay::new(1, "Kari Hansen", date(2026, 11, 1), date(2026, 12, 6));
        s.goals.push(Goal {
            id: 5,
            position: 1,
            text: "Gå til butikken".into(),
            status: GoalStatus::Open,
            set_on: date(2026, 11, 2),
            closed_on: None,
            score_start: None,
            score_end: None,
        });
        s.follow_ups.push(FollowUp {
            id: 9,
            text: "Trygghetsalarm".into(),
            discipline: "nurse".into(),
            due: Some(TODAY),
            done_on: None,
            created_on: date(2026, 11, 2),
        });
        s.assessment_done = Some(date(2026, 11, 2));
        s.gp.booked_for = Some(date(2026, 12, 10));
        s.med_status = MedStatus::InProgress;
        s.primary_contact = "Anne Sykepleier".into();
        s.discussed_on = (0..24)
            .map(|d| crate::domain::dates::add_days(s.admitted, d))
            .collect();
        s
    }

    #[test]
    fn lists_every_open_item_and_refuses_until_each_is_decided() {
        let cfg = Config::default();
        let s = stay();
        let mut f = Form::open(FormKind::Discharge, Some(&s), &cfg, TODAY).unwrap();
        let heads: Vec<String> = f.fields.iter().filter_map(|f| f.heading.clone()).collect();
        assert!(heads[0].contains("Gå til butikken"), "{heads:?}");
        assert!(heads[1].contains("Trygghetsalarm"), "{heads:?}");
        assert!(heads[2].contains("10.12.2026"), "{heads:?}");
        assert!(heads[3].contains("pågår"), "{heads:?}");
        assert_eq!(f.submit(TODAY), None);
        assert_eq!(f.focus, 0);
        // Four open items, the goal's end score, and the GP and medication not met in the
        // model: seven.
        assert!(
            f.error.as_deref().unwrap().contains("7 punkt"),
            "{:?}",
            f.error
        );
        let items: Vec<&str> = f.fields.iter().filter_map(|f| f.item.as_deref()).collect();
        assert!(items.contains(&"fidelity.gp") && items.contains(&"fidelity.medication"));
        assert_eq!(items[..2], ["goal.5", "score.5"]);
        // Goal: partly achieved.
        f.key(FormKey::Right, TODAY);
        f.key(FormKey::Right, TODAY);
        assert_eq!(f.submit(TODAY), None);
        assert_eq!(f.focus, 1);
        assert!(f.fields[1].error.as_deref().unwrap().contains("ikke målt"));
        // The end score: «1», «0» is 10 (typed on in the same field).
        f.key(FormKey::Char('1'), TODAY);
        assert_eq!(f.fields[1].value(), "1");
        f.key(FormKey::Char('0'), TODAY);
        assert_eq!(f.fields[1].value(), "10");
        assert_eq!(f.submit(TODAY), None);
        assert_eq!(f.focus, 2);
        // Follow-up: carried over to home care, but no note yet.
        f.key(FormKey::Char('v'), TODAY);
        assert_eq!(f.fields[2].value(), "home_care");
        assert_eq!(f.submit(TODAY), None);
        assert_eq!(f.focus, 3);
        for c in "Alarm bestilt".chars() {
            f.key(FormKey::Char(c), TODAY);
        }
        assert_eq!(f.submit(TODAY), None);
        assert_eq!(f.focus, 4);
    }

    #[test]
    fn every_goal_still_relevant_asks_its_end_score_with_the_start_in_view() {
        let cfg = Config::default();
        let mut s = stay();
        s.goals[0].score_start = Some(3);
        s.goals.push(Goal {
            id: 6,
            position: 2,
            text: "Dusje selv".into(),
            status: GoalStatus::Achieved,
            set_on: date(2026, 11, 2),
            closed_on: Some(date(2026, 11, 20)),
            score_start: None,
            score_end: Some(8),
        });
        s.goals.push(Goal {
            id: 7,
            position: 3,
            text: "Sykle".into(),
            status: GoalStatus::Dropped,
            set_on: date(2026, 11, 2),
            closed_on: Some(date(2026, 11, 20)),
            score_start: Some(2),
            score_end: None,
        });
        let mut f = Form::open(FormKind::Discharge, Some(&s), &cfg, TODAY).unwrap();
        let items: Vec<&str> = f.fields.iter().filter_map(|f| f.item.as_deref()).collect();
        // The dropped goal is not scored (the report leaves it out too).
        assert_eq!(items[..3], ["goal.5", "score.5", "score.6"], "{items:?}");
        let head = |i: usize| f.fields[i].heading.clone().unwrap_or_default();
        assert!(head(0).ends_with("· startskår 3"), "{}", head(0));
        assert_eq!(
            head(2),
            "Mål 2: «Dusje selv» · allerede nådd · ingen startskår"
        );
        // The end score typed in the goals panel is already the answer.
        assert_eq!(f.fields[2].value(), "8");
        // Each score shows the change from the start: 7 is +4, and «ikke målt» is last.
        f.focus = 1;
        f.fields[1].fresh = true;
        f.key(FormKey::Char('7'), TODAY);
        let Input::Choice { options, index } = &f.fields[1].input else {
            panic!("a choice");
        };
        assert_eq!(options[*index].1, "7 (+4)");
        assert_eq!(options.last().unwrap().1, "ikke målt");
        f.key(FormKey::Char('i'), TODAY);
        assert_eq!(f.fields[1].value(), "none");
        // English is complete.
        let en = Config {
            language: Language::En,
            ..Config::default()
        };
        let f = Form::open(FormKind::Discharge, Some(&s), &en, TODAY).unwrap();
        let h = f.fields[2].heading.clone().unwrap();
        assert_eq!(
            h,
            "Goal 2: «Dusje selv» · already achieved · no start score"
        );
        assert_eq!(f.fields[1].label, "End score (0–10)");
    }
}
