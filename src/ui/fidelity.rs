//! Model fidelity in the detail pane: every core element of the model for one stay, with
//! its state, the record that shows it, and the reason given at discharge when unmet.

use super::theme::Theme;
use crate::app::App;
use crate::domain::dates::fmt_date;
use crate::domain::fidelity::{Check, Element, Evidence, State, check_stay, ended_before};
use crate::domain::text::{sanitize, width};
use crate::domain::{Level, Stay, StayStatus};
use crate::i18n::fidelity_strings;
use ratatui::text::{Line, Span};

/// The board's level for a fidelity state, so the colours and symbols mean the same.
pub fn level(s: State) -> Level {
    match s {
        State::Met => Level::Done,
        State::MetLate => Level::DueSoon,
        State::NotMet => Level::Overdue,
        State::NotYetDue => Level::Ok,
    }
}

/// The fidelity section of `stay`'s detail pane (nothing for a cancelled stay).
pub fn lines(lines: &mut Vec<Line<'static>>, app: &App, stay: &Stay, th: &Theme) {
    if stay.status == StayStatus::Cancelled {
        return;
    }
    let cfg = &app.config;
    let w = fidelity_strings(cfg.language);
    let checks = check_stay(stay, &cfg.rules(), app.today());
    let count = |s: State| checks.iter().filter(|c| c.state == s).count();
    let pending = count(State::NotYetDue);
    let mut summary = w
        .summary
        .replace("{met}", &count(State::Met).to_string())
        .replace("{n}", &(checks.len() - pending).to_string());
    if pending > 0 {
        summary = format!("{summary}, {pending} {}", w.not_yet_due);
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("{} · {summary}", w.title),
        th.titles(),
    ));
    let name_w = Element::ALL
        .iter()
        .map(|e| width(w.element(*e)))
        .max()
        .unwrap_or(0);
    let state_w = [State::Met, State::MetLate, State::NotMet, State::NotYetDue]
        .iter()
        .map(|s| width(w.state(*s)))
        .max()
        .unwrap_or(0);
    for c in &checks {
        lines.push(line(c, stay, app, th, name_w, state_w));
        if let Some(note) = &c.acknowledged {
            lines.push(Line::from(vec![
                Span::raw(format!("    {:name_w$}  ", "")),
                Span::styled(format!("{} «{}»", w.acknowledged, sanitize(note)), th.dim()),
            ]));
        }
    }
}

fn line(
    c: &Check,
    stay: &Stay,
    app: &App,
    th: &Theme,
    name_w: usize,
    state_w: usize,
) -> Line<'static> {
    let w = fidelity_strings(app.config.language);
    let lvl = level(c.state);
    let name = w.element(c.element);
    let pad = " ".repeat(name_w.saturating_sub(width(name)));
    let state = w.state(c.state);
    let state_pad = " ".repeat(state_w.saturating_sub(width(state)));
    let mut evidence = match (&c.evidence, super::cells::day_of(app, stay)) {
        // A stay not begun has no day number: it says when it starts, as every screen does.
        (Evidence::Active { .. }, d @ crate::domain::stay_day::StayDay::Planned { .. }) => {
            crate::i18n::stay_day_text(d, app.config.language, crate::i18n::DayForm::Long)
        }
        _ => crate::app::fidelity::evidence(c, &app.config),
    };
    // The due date helps while something is still missing; for the board meetings only
    // before the first one (after that the longest stretch without one is what counts).
    let gap = c.element == Element::BoardMeetings && c.evidence != Evidence::Missing;
    if let (State::NotYetDue | State::NotMet, Some(due), false) = (c.state, c.due, gap) {
        let when = if ended_before(stay, c.due) {
            w.ended_before
        } else {
            w.due
        };
        evidence = format!("{evidence} · {}", when.replace("{date}", &fmt_date(due)));
    }
    Line::from(vec![
        Span::styled(format!("  {} ", th.symbol(lvl)), th.level(lvl)),
        Span::raw(format!("{name}{pad}  ")),
        Span::styled(format!("{state}{state_pad}  "), th.level(lvl)),
        Span::styled(evidence, th.dim()),
    ])
}
