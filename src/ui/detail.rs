//! The detail pane of one stay: all goals, follow-ups, risks, dates and the note.

use super::theme::Theme;
use crate::app::App;
use crate::config::Config;
use crate::domain::dates::fmt_date;
use crate::domain::flags::{DeadlineFlag, GpState, follow_up_level};
use crate::domain::holidays::NonWorking;
use crate::domain::stay_day::StayDay;
use crate::domain::text::sanitize;
use crate::domain::{DeadlineKind, GoalStatus, Level, MedStatus, Stay, StayStatus};
use crate::i18n::strings;
use crate::store::write::AuditEntry;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draw the selected stay's details into `area`.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    let Some((row, stay)) = app.selected_stay() else {
        return;
    };
    draw_stay(frame, area, app, stay, &row.label, &row.flags, th);
}

/// Draw `stay`'s details into `area`, named `who` (as this screen names people), with its
/// `flags`: the board's selected stay, or one from the archive.
pub fn draw_stay(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    stay: &Stay,
    who: &str,
    f: &crate::domain::StayFlags,
    th: &Theme,
) {
    let s = strings(app.config.language);
    let lang = app.config.language;
    let cfg = &app.config;
    let privacy = app.privacy();
    // The widest label and two spaces, so no label runs into its value in any language.
    let label_w = [
        s.target_group,
        s.admitted,
        s.primary_contact,
        s.assessment,
        s.gp,
        s.medication,
        s.discharge,
        s.risks,
        s.note,
        s.last_changed,
    ]
    .iter()
    .map(|l| crate::domain::text::width(l))
    .max()
    .unwrap_or(0)
        + 2;
    let label = |l: &str| Span::styled(format!("{l:<label_w$}"), th.strong());
    let mut lines: Vec<Line> = Vec::new();
    hospital(&mut lines, app, stay, th);
    let group = Config::label_of(&cfg.target_groups, &stay.target_group, lang);
    lines.push(Line::from(vec![label(s.target_group), Span::raw(group)]));
    // The day and state in the words every screen uses: a planned stay has no day number,
    // an ended one shows how it ended, not a counter that keeps running.
    let day = super::cells::day_of(app, stay);
    let day_text = crate::i18n::stay_day_text(day, lang, crate::i18n::DayForm::Long);
    let ended = day.ended();
    lines.push(Line::from(vec![
        label(s.admitted),
        Span::raw(match day {
            StayDay::Planned { .. } => day_text.clone(),
            StayDay::Active { .. } => format!("{}  ({day_text})", fmt_date(stay.admitted)),
            _ => format!("{} · {day_text}", fmt_date(stay.admitted)),
        }),
    ]));
    lines.push(Line::from(vec![
        label(s.primary_contact),
        Span::raw(sanitize(&stay.primary_contact)),
    ]));
    lines.push(Line::raw(""));
    let paused = privacy.risks && crate::domain::hospital::in_hospital(stay, app.today()).is_some();
    if paused {
        let h = crate::i18n::hospital_strings(lang);
        lines.push(Line::from(vec![
            Span::styled(s.deadlines, th.titles()),
            Span::styled(format!(" · {}", h.deadlines_paused), th.badge()),
        ]));
    } else {
        lines.push(Line::styled(s.deadlines, th.titles()));
    }
    let deadline =
        |name: &str, fl: &DeadlineFlag, state: String, kind: DeadlineKind| -> Line<'static> {
            let dw = crate::i18n::deadline_strings(lang);
            // Done after the deadline: as on the board, the tick says it was late.
            let late = if fl.late_days > 0 {
                format!(", {}{} {}", fl.late_days, s.days_short, dw.late)
            } else {
                String::new()
            };
            // A deadline moved off a weekend or holiday says from where.
            // (Only while it is open: for done work it is history, not planning.)
            let moved = match (fl.moved_from, fl.non_working) {
                // Done work, or a stay that has ended: history, not planning.
                _ if fl.done_on.is_some() || ended => String::new(),
                (Some(m), _) => format!(", {} {}", dw.moved_from, fmt_date(m)),
                // Kept on its day (a chosen discharge, or `mark`): say what day it is.
                (None, Some(NonWorking::Weekend)) => format!(", {}", dw.weekend),
                (None, Some(NonWorking::Holiday)) => format!(", {}", dw.holiday),
                (None, None) => String::new(),
            };
            // A stay that has ended keeps what was done, and what was not, without a flag
            // that keeps counting days: a neutral mark for work left undone.
            let (sym, style) = if ended && fl.done_on.is_none() {
                (s.none.to_string(), th.dim())
            } else {
                (th.symbol(fl.level).to_string(), th.level(fl.level))
            };
            let mut spans = vec![
                label(name),
                Span::styled(format!("{sym} "), style),
                Span::styled(format!("{state}{late}"), style),
                Span::styled(
                    format!("  ({} {}{moved})", s.due, fmt_date(fl.deadline)),
                    th.dim(),
                ),
            ];
            if let Some(d) = stay.delay(kind) {
                let reason = Config::label_of(&cfg.delay_reasons, &d.reason, lang);
                let text = if d.text.is_empty() {
                    String::new()
                } else {
                    format!(": {}", sanitize(&d.text))
                };
                spans.push(Span::styled(
                    format!("  {} {}: {reason}{text}", th.delay_mark(), s.delay_reason),
                    th.warn(),
                ));
            }
            Line::from(spans)
        };
    let dw = crate::i18n::day_strings(lang);
    let status = |fl: &DeadlineFlag| match fl.done_on {
        Some(d) => format!("{} {}", s.done, fmt_date(d)),
        None if ended => dw.not_done.to_string(),
        None if fl.level == Level::Overdue => {
            format!("{}{} {}", -fl.days_left, s.days_short, s.overdue_short)
        }
        // As on the board: «i dag», never «0d igjen».
        None if fl.days_left == 0 => s.today.to_string(),
        None => format!("{}{} {}", fl.days_left, s.days_short, s.left_short),
    };
    lines.push(deadline(
        s.assessment,
        &f.assessment,
        status(&f.assessment),
        DeadlineKind::Assessment,
    ));
    let gp = match f.gp_state {
        GpState::NotBooked if ended => s.not_booked.to_string(),
        GpState::NotBooked => format!("{} · {}", s.not_booked, status(&f.gp)),
        GpState::Booked(d) => format!("{} {}", s.booked, fmt_date(d)),
        GpState::Done(d) => format!("{} {}", s.done, fmt_date(d)),
    };
    lines.push(deadline(s.gp, &f.gp, gp, DeadlineKind::Gp));
    let med = match stay.med_status {
        MedStatus::NotStarted if ended => s.med_not_started.to_string(),
        MedStatus::InProgress if ended => dw.begun.to_string(),
        MedStatus::NotStarted => format!("{} · {}", s.med_not_started, status(&f.medication)),
        MedStatus::InProgress => format!("{} · {}", s.med_in_progress, status(&f.medication)),
        MedStatus::Done => status(&f.medication),
    };
    lines.push(deadline(
        s.medication,
        &f.medication,
        med,
        DeadlineKind::Medication,
    ));
    // A cancelled stay was never discharged: it says how it ended instead.
    let discharge = match day {
        StayDay::Cancelled { .. } => day_text.clone(),
        _ => status(&f.discharge),
    };
    lines.push(deadline(
        s.discharge,
        &f.discharge,
        discharge,
        DeadlineKind::Discharge,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("{} {}/{}", s.goals, f.goals_achieved, f.goals_total),
        th.titles(),
    ));
    if !privacy.goals {
        lines.push(Line::styled(s.hidden, th.dim()));
    } else if stay.goals.is_empty() {
        lines.push(Line::styled(format!("  {}", s.no_goals), th.dim()));
    }
    if privacy.goals {
        let dis = crate::i18n::discharge_strings(lang);
        for g in &stay.goals {
            let (lvl, word) = match g.status {
                GoalStatus::Open => (Level::Ok, ""),
                GoalStatus::Achieved => (Level::Done, s.achieved),
                GoalStatus::PartlyAchieved => (Level::Ok, dis.eval_partly),
                GoalStatus::NotAchieved => (Level::Ok, dis.eval_not),
                GoalStatus::Dropped => (Level::Ok, s.dropped),
            };
            let mut spans = vec![
                Span::styled(format!("  {} ", th.symbol(lvl)), th.level(lvl)),
                Span::raw(format!("«{}»", sanitize(&g.text))),
            ];
            if !word.is_empty() {
                let when = g
                    .closed_on
                    .map(|d| format!(" {}", fmt_date(d)))
                    .unwrap_or_default();
                spans.push(Span::styled(format!("  ({word}{when})"), th.dim()));
            }
            if let Some(t) = crate::app::fidelity::score_text(g) {
                let w = crate::i18n::fidelity_strings(lang);
                spans.push(Span::styled(
                    format!("  {} {t}", crate::i18n::lower_first(w.goal_scores)),
                    th.strong(),
                ));
            }
            lines.push(Line::from(spans));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.follow_ups, th.titles()));
    if stay.follow_ups.is_empty() {
        lines.push(Line::styled(format!("  {}", s.none), th.dim()));
    }
    for fu in &stay.follow_ups {
        let lvl = follow_up_level(fu, app.today(), cfg.stay.due_soon_days);
        let disc = Config::short_of(&cfg.disciplines, &fu.discipline, lang);
        let due = fu.due.map(fmt_date).unwrap_or_default();
        // After the stay ended an open follow-up is history, not a deadline that ticks.
        let (sym, style) = if ended && lvl != Level::Done {
            (s.none.to_string(), th.dim())
        } else {
            (th.symbol(lvl).to_string(), th.level(lvl))
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {sym} "), style),
            Span::styled(format!("{disc:<6}"), th.dim()),
            Span::raw(sanitize(&fu.text)),
            Span::styled(format!("  {due}"), style),
        ]));
    }
    super::fagmote::detail_lines(&mut lines, app, stay.id, privacy.notes, th);
    lines.push(Line::raw(""));
    let risks: Vec<String> = stay
        .risks
        .iter()
        .map(|r| Config::label_of(&cfg.risks, r, lang))
        .collect();
    lines.push(Line::from(vec![
        label(s.risks),
        Span::raw(if !privacy.risks {
            s.hidden.to_string()
        } else if risks.is_empty() {
            s.none.to_string()
        } else {
            risks.join(", ")
        }),
    ]));
    lines.push(Line::from(vec![
        label(s.note),
        note(stay, privacy.notes, s.hidden, s.none),
    ]));
    lines.extend(super::kin::detail_lines(
        app,
        th,
        &stay.next_of_kin,
        label_w,
    ));
    // An ended stay: the date of its last change, not an age that grows.
    let changed = match crate::app::view::local_date(stay.updated_at, &app.tz) {
        Some(d) if ended => fmt_date(d),
        _ => super::cells::updated_age(app, stay, f.days_since_update),
    };
    lines.push(Line::from(vec![
        label(s.last_changed),
        Span::styled(
            changed,
            if f.stale && !ended {
                th.stale()
            } else {
                th.dim()
            },
        ),
    ]));
    super::archive::discharge_lines(&mut lines, app, stay, th);
    super::fidelity::lines(&mut lines, app, stay, th);
    events(&mut lines, app, stay, th);
    history(&mut lines, app, stay.id, th);
    let title = format!(" {} · {} ", who, s.detail_title);
    let block = th.framed(title);
    super::boxed_scrolling(frame, area, block, lines, app.scroll, "PgUp/PgDn", th);
}

/// First in the pane, when the person is in hospital: since when, and that the home-visit
/// deadlines below are paused. A health detail, so only where risks may be shown.
fn hospital(lines: &mut Vec<Line<'static>>, app: &App, stay: &Stay, th: &Theme) {
    let today = app.today();
    let Some(since) = crate::domain::hospital::in_hospital(stay, today) else {
        return;
    };
    if !app.privacy().risks {
        return;
    }
    let h = crate::i18n::hospital_strings(app.config.language);
    let days = crate::domain::dates::days_between(since, today) + 1;
    lines.push(Line::from(Span::styled(
        h.detail
            .replace("{date}", &fmt_date(since))
            .replace("{days}", &days.to_string()),
        th.badge(),
    )));
    lines.push(Line::styled(h.detail_paused, th.dim()));
    lines.push(Line::raw(""));
}

/// The stay's events (if any), newest first, those not yet seen at a stand-up marked as on the
/// board; health details, so only where risks may be shown.
fn events(lines: &mut Vec<Line<'static>>, app: &App, stay: &Stay, th: &Theme) {
    // No events, no section: the pane is long enough, and the history says the rest.
    if !app.privacy().risks || stay.events.is_empty() {
        return;
    }
    let ev = crate::i18n::event_strings(app.config.language);
    lines.push(Line::raw(""));
    lines.push(Line::styled(ev.events, th.titles()));
    let new = crate::domain::events::new_since(stay, stay.events_seen_at);
    for e in stay.events.iter().rev() {
        let mark = if new.iter().any(|n| n.id == e.id) {
            Span::styled(format!("  {} ", th.event_mark()), th.warn())
        } else {
            Span::raw("    ")
        };
        let mut spans = vec![mark];
        spans.extend(super::events::event_spans(app, th, e, true));
        lines.push(Line::from(spans));
    }
}

fn note(stay: &Stay, shown: bool, hidden: &'static str, none: &'static str) -> Span<'static> {
    if !shown {
        Span::raw(hidden)
    } else if stay.note.is_empty() {
        Span::raw(none)
    } else {
        Span::raw(sanitize(&stay.note))
    }
}

/// The stay's audit trail, newest first: when, who, what, old → new.
fn history(lines: &mut Vec<Line<'static>>, app: &App, id: i64, th: &Theme) {
    let s = strings(app.config.language);
    let e = crate::i18n::edit_strings(app.config.language);
    let Some((hid, entries)) = &app.history else {
        return;
    };
    if *hid != id {
        return;
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.history, th.titles()));
    if entries.is_empty() {
        lines.push(Line::styled(format!("  {}", e.history_empty), th.dim()));
    }
    for a in entries {
        let when = stamp(a.at, &app.tz);
        let undo = if a.action == "undo" {
            format!(" ({})", e.history_undo)
        } else {
            String::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {when}  "), th.dim()),
            Span::styled(format!("{:<12}", sanitize(&a.user)), th.dim()),
            Span::styled(
                format!("{}{undo}: ", field_label(&a.field, app)),
                th.strong(),
            ),
            Span::raw(old_to_new(a, app)),
        ]));
    }
}

/// An audit entry's `old → new`, as people read it, with what this screen may not show
/// (goal texts, notes, names, per the privacy settings) as "…".
pub(super) fn old_to_new(a: &AuditEntry, app: &App) -> String {
    let privacy = app.privacy();
    let hidden = (!privacy.goals && a.field.starts_with("goal."))
        || (!privacy.notes && a.field == "note")
        || (!privacy.risks && a.field == "risks")
        || (!privacy.names && a.field == "name")
        || (!privacy.notes && a.field.starts_with("event."));
    let show = |v: &Option<String>| match v {
        _ if hidden => "…".to_string(),
        Some(v) => readable_value(&a.field, v, app),
        None => strings(app.config.language).none.to_string(),
    };
    format!("{} → {}", show(&a.old), show(&a.new))
}

/// An audit value as people read it: dates as 25.11.2026, list keys as their labels.
fn readable_value(field: &str, value: &str, app: &App) -> String {
    let s = strings(app.config.language);
    let lang = app.config.language;
    let cfg = &app.config;
    if let Ok(d) = value.parse::<jiff::civil::Date>() {
        return crate::domain::dates::fmt_date(d);
    }
    let label = |list, key| Config::label_of(list, key, lang);
    if field.starts_with("follow_up.") && !field.ends_with(".done_on") {
        return follow_up_value(value, app);
    }
    if field.starts_with("event.") {
        return event_value(value, app);
    }
    match field.rsplit('.').next().unwrap_or(field) {
        "status" if field == "status" => match StayStatus::parse(value) {
            Some(StayStatus::Active) => s.stay_active.to_string(),
            Some(StayStatus::Discharged) => s.stay_discharged.to_string(),
            Some(StayStatus::Cancelled) => s.stay_cancelled.to_string(),
            None => sanitize(value),
        },
        // Places in the person's list, counted from 1 as people count.
        "position" if field.starts_with("goal.") => value
            .parse::<i64>()
            .map_or_else(|_| sanitize(value), |n| (n + 1).to_string()),
        "target_group" => label(&cfg.target_groups, value),
        "discharge_outcome" => label(&cfg.discharge_outcomes, value),
        "risks" => value
            .split(", ")
            .map(|k| label(&cfg.risks, k))
            .collect::<Vec<_>>()
            .join(", "),
        "med_status" => match MedStatus::parse(value) {
            Some(MedStatus::NotStarted) => s.med_not_started.to_string(),
            Some(MedStatus::InProgress) => s.med_in_progress.to_string(),
            Some(MedStatus::Done) => s.med_done.to_string(),
            None => sanitize(value),
        },
        "status" if field.starts_with("goal.") => match GoalStatus::parse(value) {
            Some(GoalStatus::Achieved) => s.achieved.to_string(),
            Some(GoalStatus::PartlyAchieved) => {
                crate::i18n::discharge_strings(lang).eval_partly.to_string()
            }
            Some(GoalStatus::NotAchieved) => {
                crate::i18n::discharge_strings(lang).eval_not.to_string()
            }
            Some(GoalStatus::Dropped) => s.dropped.to_string(),
            _ => crate::i18n::edit_strings(lang).goal_open.to_string(),
        },
        _ if field.starts_with("decision.") => {
            let (key, rest) = value.split_once(": ").unwrap_or((value, ""));
            let l = crate::domain::Decision::parse(key).map_or_else(
                || sanitize(key),
                |d| crate::app::discharge::decision_label(lang, d).to_string(),
            );
            if rest.is_empty() {
                l
            } else {
                format!("{l}: {}", sanitize(rest))
            }
        }
        _ if field.starts_with("delay.") => {
            let (key, rest) = value.split_once(": ").unwrap_or((value, ""));
            let l = label(&cfg.delay_reasons, key);
            if rest.is_empty() {
                l
            } else {
                format!("{l}: {}", sanitize(rest))
            }
        }
        _ => sanitize(value),
    }
}

/// A follow-up as the audit log stores it, `text [discipline] → 2026-11-25`, as people read
/// it: `text (Sykepleier, frist 25.11.2026)`. A value in another shape is shown as it is.
fn follow_up_value(value: &str, app: &App) -> String {
    let s = strings(app.config.language);
    let (rest, due) = match value.rsplit_once(" → ") {
        Some((rest, d)) => match d.parse::<jiff::civil::Date>() {
            Ok(d) => (rest, Some(d)),
            Err(_) => (value, None),
        },
        None => (value, None),
    };
    let Some((text, disc)) = rest.strip_suffix(']').and_then(|r| r.rsplit_once(" [")) else {
        return sanitize(value);
    };
    let disc = Config::label_of(&app.config.disciplines, disc, app.config.language);
    let due = due
        .map(|d| format!(", {} {}", s.due, fmt_date(d)))
        .unwrap_or_default();
    format!("{} ({disc}{due})", sanitize(text))
}

/// An event as the audit log stores it, `2026-11-24 14:30 fall: note`, as people read it:
/// `24.11.2026 14:30 Fall: note`. A value in another shape is shown as it is.
fn event_value(value: &str, app: &App) -> String {
    let Some((day, rest)) = value.split_once(' ') else {
        return sanitize(value);
    };
    let Ok(d) = day.parse::<jiff::civil::Date>() else {
        return sanitize(value);
    };
    let (time, rest) = match rest.split_once(' ') {
        Some((t, r)) if crate::domain::events::parse_time(t).is_ok_and(|t| t.is_some()) => {
            (format!(" {t}"), r)
        }
        _ => (String::new(), rest),
    };
    let (kind, note) = rest.split_once(": ").unwrap_or((rest, ""));
    let label = Config::label_of(&app.config.event_kinds, kind, app.config.language);
    let note = if note.is_empty() {
        String::new()
    } else {
        format!(": {}", sanitize(note))
    };
    format!("{}{time} {label}{note}", fmt_date(d))
}

/// A readable name for an audit field such as `goal.12.status`.
pub(super) fn field_label(field: &str, app: &App) -> String {
    let s = strings(app.config.language);
    let e = crate::i18n::edit_strings(app.config.language);
    let head = field.split('.').next().unwrap_or(field);
    let tail = field.rsplit('.').next().unwrap_or("");
    let base = match head {
        "name" => e.name,
        "initials" => e.initials,
        "target_group" => e.target_group,
        "admitted" => e.admitted,
        "planned_discharge" => e.planned_discharge,
        "primary_contact" => e.contact,
        "note" => e.note,
        "status" => e.status,
        "discharged_on" => e.discharge_date,
        "discharge_outcome" => e.outcome,
        "assessment_done" => s.assessment,
        "gp_booked_for" => e.booked_for,
        "gp_done_on" => s.gp,
        "med_status" | "med_done" => s.medication,
        "risks" => s.risks,
        "goal" => s.col_goals,
        "follow_up" => s.follow_ups,
        "delay" => e.delay,
        "fidelity" => {
            // `fidelity.gp`: the reason an unmet element of the model was acknowledged with.
            let w = crate::i18n::fidelity_strings(app.config.language);
            let el = field.strip_prefix("fidelity.").unwrap_or("");
            return match crate::domain::fidelity::Element::parse(el) {
                Some(e) => format!("{} ({})", w.title, crate::i18n::lower_first(w.element(e))),
                None => format!("{} ({})", w.title, sanitize(el)),
            };
        }
        "event" => crate::i18n::event_strings(app.config.language).event,
        "kin" => crate::i18n::intake_strings(app.config.language).kin_title,
        "referral" => crate::i18n::intake_strings(app.config.language).referrals_heading,
        "case" => crate::i18n::fagmote_strings(app.config.language).detail_case,
        "measure" => crate::i18n::fagmote_strings(app.config.language).measures,
        "decision" => {
            let d = crate::i18n::discharge_strings(app.config.language);
            let what = match field.strip_prefix("decision.").unwrap_or("") {
                i if i.starts_with("follow_up.") => s.follow_ups,
                "assessment" => s.assessment,
                "gp" => s.gp,
                "medication" => s.medication,
                other => return format!("{} ({})", d.decision, sanitize(other)),
            };
            return format!("{} ({})", d.decision, what.to_lowercase());
        }
        _ => return sanitize(field),
    };
    match (head, tail) {
        ("goal", "status") => format!("{base} ({})", e.status.to_lowercase()),
        ("goal", "position") => format!("{base} ({})", s.goal_order),
        ("goal", "score_start") => format!(
            "{base} ({})",
            crate::i18n::fidelity_strings(app.config.language).hist_score_start
        ),
        ("goal", "score_end") => format!(
            "{base} ({})",
            crate::i18n::fidelity_strings(app.config.language).hist_score_end
        ),
        ("goal", "set_on") => format!(
            "{base} ({})",
            crate::i18n::lower_first(
                crate::i18n::deadline_strings(app.config.language).goal_set_on
            )
        ),
        ("follow_up", "done_on") => format!("{base} ({})", s.done),
        ("delay", kind) => {
            let what = match DeadlineKind::parse(kind) {
                Some(DeadlineKind::Assessment) => s.assessment,
                Some(DeadlineKind::Gp) => s.gp,
                Some(DeadlineKind::Medication) => s.medication,
                Some(DeadlineKind::Discharge) => s.discharge,
                None => return format!("{base} ({})", sanitize(kind)),
            };
            format!("{base} ({})", crate::i18n::lower_first(what))
        }
        _ => base.to_string(),
    }
}

/// A Unix time as the ward reads it: `25.11 09:14` in the ward's zone.
pub(super) fn stamp(at: i64, tz: &jiff::tz::TimeZone) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| {
            let dt = t.to_zoned_datetime(tz.clone()).datetime();
            format!(
                "{} {:02}:{:02}",
                crate::domain::dates::fmt_short(dt.date()),
                dt.hour(),
                dt.minute()
            )
        })
        .unwrap_or_default()
}
