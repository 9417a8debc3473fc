//! Panels over the board for one stay's goals, follow-ups and risks, and the yes/no
//! question before cancelling or deleting a stay.

use super::theme::Theme;
use crate::app::{App, Confirm, Overlay};
use crate::config::Config;
use crate::domain::dates::fmt_date;
use crate::domain::text::sanitize;
use crate::domain::{GoalStatus, Level};
use crate::i18n::{edit_strings, strings};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// Draw the open panel for the selected stay.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    if app.overlay == Overlay::Attendance {
        attendance(frame, area, app, th);
        return;
    }
    let Some((row, stay)) = app.selected_stay() else {
        return;
    };
    let e = edit_strings(app.config.language);
    let s = strings(app.config.language);
    let lang = app.config.language;
    let mark = |i: usize| {
        if i == app.cursor {
            Span::styled("▶ ", th.strong())
        } else {
            Span::raw("  ")
        }
    };
    let (title, keys, mut lines) = match app.overlay {
        Overlay::Goals => {
            let mut lines = Vec::new();
            if stay.goals.is_empty() {
                lines.push(Line::styled(format!("  {}", s.no_goals), th.dim()));
            }
            for (i, g) in stay.goals.iter().enumerate() {
                let (lvl, word) = match g.status {
                    GoalStatus::Open => (Level::Ok, String::new()),
                    GoalStatus::Achieved => (
                        Level::Done,
                        format!(
                            "  ({} {})",
                            s.achieved,
                            g.closed_on.map(fmt_date).unwrap_or_default()
                        ),
                    ),
                    GoalStatus::PartlyAchieved | GoalStatus::NotAchieved => {
                        let d = crate::i18n::discharge_strings(lang);
                        let word = if g.status == GoalStatus::PartlyAchieved {
                            d.eval_partly
                        } else {
                            d.eval_not
                        };
                        (
                            Level::Ok,
                            format!(
                                "  ({word} {})",
                                g.closed_on.map(fmt_date).unwrap_or_default()
                            ),
                        )
                    }
                    GoalStatus::Dropped => (Level::Ok, format!("  ({})", s.dropped)),
                };
                let text = if app.privacy().goals {
                    format!("«{}»", sanitize(&g.text))
                } else {
                    s.hidden.to_string()
                };
                // The person's own score, when recorded: «egen skår 3→7 (+4)».
                let score = crate::app::fidelity::score_text(g)
                    .filter(|_| app.privacy().goals)
                    .map(|t| {
                        let w = crate::i18n::fidelity_strings(lang);
                        format!("  {} {t}", crate::i18n::lower_first(w.goal_scores))
                    })
                    .unwrap_or_default();
                lines.push(Line::from(vec![
                    mark(i),
                    Span::styled(format!("{}. ", i + 1), th.dim()),
                    Span::styled(format!("{} ", th.symbol(lvl)), th.level(lvl)),
                    Span::raw(text),
                    Span::styled(word, th.dim()),
                    Span::styled(score, th.strong()),
                ]));
            }
            (e.goals_panel, e.keys_goals, lines)
        }
        Overlay::FollowUps => {
            let mut lines = Vec::new();
            if stay.follow_ups.is_empty() {
                lines.push(Line::styled(format!("  {}", s.none), th.dim()));
            }
            for (i, f) in stay.follow_ups.iter().enumerate() {
                let lvl = crate::domain::flags::follow_up_level(
                    f,
                    app.today(),
                    app.config.stay.due_soon_days,
                );
                let disc = Config::short_of(&app.config.disciplines, &f.discipline, lang);
                let when = match (f.done_on, f.due) {
                    (Some(d), _) => format!("  {} {}", s.done, fmt_date(d)),
                    (None, Some(d)) => format!("  {} {}", s.due, fmt_date(d)),
                    _ => String::new(),
                };
                lines.push(Line::from(vec![
                    mark(i),
                    Span::styled(format!("{} ", th.symbol(lvl)), th.level(lvl)),
                    Span::styled(format!("{disc:<6}"), th.dim()),
                    Span::raw(sanitize(&f.text)),
                    Span::styled(when, th.level(lvl)),
                ]));
            }
            (e.follow_ups_panel, e.keys_follow_ups, lines)
        }
        Overlay::Risks => {
            let lines = app
                .config
                .risks
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let on = stay.risks.contains(&r.key);
                    Line::from(vec![
                        mark(i),
                        Span::styled(
                            if on { "[x] " } else { "[ ] " },
                            if on { th.warn() } else { th.dim() },
                        ),
                        Span::raw(r.label.get(lang).to_string()),
                    ])
                })
                .collect();
            (e.risks_panel, e.keys_risks, lines)
        }
        Overlay::Events => {
            let ev = crate::i18n::event_strings(lang);
            let mut lines = Vec::new();
            if stay.events.is_empty() {
                lines.push(Line::styled(format!("  {}", ev.no_events), th.dim()));
            }
            for (i, x) in stay.events.iter().enumerate() {
                let mut spans = vec![mark(i)];
                spans.extend(super::events::event_spans(app, th, x, true));
                lines.push(Line::from(spans));
            }
            (ev.events, ev.keys_events, lines)
        }
        _ => return,
    };
    lines.push(Line::raw(""));
    lines.push(Line::styled(keys, th.dim()));
    let block = th.framed(format!(" {} · {title} ", row.label));
    super::boxed(frame, area, block, lines);
}

/// Who is at the meeting: the configured staff (and, at a fagmøte, anyone else recorded),
/// ticked with Space. One checklist for the stand-up and the fagmøte.
fn attendance(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    let lang = app.config.language;
    let ev = crate::i18n::event_strings(lang);
    let (title, keys) = if app.standup.is_none() && app.fagmote.is_some() {
        let t = crate::i18n::fagmote_review_strings(lang);
        (t.attendance_title, t.keys_attendance)
    } else {
        (ev.attendance_title, ev.keys_attendance)
    };
    let list = app.attendance_list();
    let mut lines = Vec::new();
    if list.is_empty() {
        lines.push(Line::styled(format!("  {}", ev.no_staff), th.dim()));
    }
    for (i, (name, discipline, on)) in list.iter().enumerate() {
        let disc = if discipline.is_empty() {
            ev.no_discipline.to_string()
        } else {
            Config::label_of(&app.config.disciplines, discipline, lang)
        };
        let mark = if i == app.cursor {
            Span::styled("▶ ", th.strong())
        } else {
            Span::raw("  ")
        };
        lines.push(Line::from(vec![
            mark,
            Span::styled(
                if *on { "[x] " } else { "[ ] " },
                if *on { th.strong() } else { th.dim() },
            ),
            Span::raw(format!("{:<28}", sanitize(name))),
            Span::styled(sanitize(&disc), th.dim()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(keys, th.dim()));
    let block = th.framed(format!(" {title} "));
    super::boxed(frame, area, block, lines);
}

/// The key hint under the open panel.
pub fn keys_hint(app: &App) -> &'static str {
    let e = edit_strings(app.config.language);
    match app.overlay {
        Overlay::Goals => e.keys_goals,
        Overlay::FollowUps => e.keys_follow_ups,
        Overlay::Risks => e.keys_risks,
        Overlay::Events => crate::i18n::event_strings(app.config.language).keys_events,
        _ => "",
    }
}

/// The yes/no question.
pub fn confirm(frame: &mut Frame<'_>, area: Rect, app: &App, what: Confirm, th: &Theme) {
    let Some((row, _)) = app.selected_stay() else {
        return;
    };
    let e = edit_strings(app.config.language);
    let q = match what {
        Confirm::Cancel => e.confirm_cancel.replace("{name}", &row.label),
        Confirm::Delete => e.confirm_delete.replace("{name}", &row.label),
        Confirm::DeleteEvent(id) => {
            let ev = crate::i18n::event_strings(app.config.language);
            let what = app
                .selected_stay()
                .and_then(|(_, s)| s.events.iter().find(|x| x.id == id))
                .map(|x| {
                    super::events::event_spans(app, th, x, false)
                        .iter()
                        .map(|sp| sp.content.as_ref())
                        .collect::<String>()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            ev.confirm_delete
                .replace("{event}", &what)
                .replace("{name}", &row.label)
        }
    };
    let lines = vec![
        Line::raw(""),
        Line::styled(q, th.strong()),
        Line::raw(""),
        Line::styled(e.keys_confirm, th.dim()),
    ];
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(th.border())
        .border_style(th.warn());
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}
