//! The stand-up screen: one stay at a time, large enough to read from across the room, and
//! the summary at the end.

use super::bigtext::{big, big_width};
use super::cells::cell;
use super::theme::Theme;
use crate::app::{App, Standup, Summary};
use crate::config::{Column, Config};
use crate::domain::dates::fmt_date;
use crate::domain::text::sanitize;
use crate::domain::{GoalStatus, Level};
use crate::i18n::{standup_strings, strings};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Draw the stay in focus into the board's body area.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, st: &Standup, th: &Theme) {
    let s = strings(app.config.language);
    let t = standup_strings(app.config.language);
    let Some((row, stay)) = app.selected_stay() else {
        return;
    };
    let f = &row.flags;
    let cfg = &app.config;
    let lang = cfg.language;
    let tall = area.height >= 30 && area.width >= 100;
    let gap = |lines: &mut Vec<Line<'static>>| {
        if tall {
            lines.push(Line::raw(""));
        }
    };
    // Title: who, where in the meeting, and the day counter.
    let day = format!("{}/{}", f.day.max(0), cfg.stay.length_days);
    let big_h: u16 = if tall { 6 } else { 2 };
    let [top, rest] = Layout::vertical([Constraint::Length(big_h), Constraint::Min(1)]).areas(area);
    let group = Config::label_of(&cfg.target_groups, &stay.target_group, lang);
    let next = st
        .order
        .get(st.pos + 1)
        .and_then(|id| app.rows.iter().find(|r| app.stays[r.stay].id == *id))
        .map(|r| format!(" · {} {}", t.next, r.label))
        .unwrap_or_default();
    let mut title = vec![
        Line::from(vec![
            Span::styled(
                format!(" {}", row.label),
                th.strong().add_modifier(Modifier::BOLD),
            ),
            Span::styled(
                format!("   {group} · {}", sanitize(&stay.primary_contact)),
                th.dim(),
            ),
        ]),
        Line::styled(
            format!(
                " {} {} {} {}{next}",
                t.stay,
                st.pos + 1,
                t.of,
                st.order.len()
            ),
            th.dim(),
        ),
    ];
    let day_style = if f.discharge.level == Level::Overdue {
        th.level(Level::Overdue)
    } else {
        th.strong()
    };
    if tall && usize::from(top.width) > big_width(&day) + 40 {
        let [left, right] = Layout::horizontal([
            Constraint::Min(20),
            Constraint::Length(big_width(&day) as u16 + 8),
        ])
        .areas(top);
        title.insert(0, Line::raw(""));
        frame.render_widget(Paragraph::new(title), left);
        let mut digits: Vec<Line> = big(&day, th.is_ascii())
            .into_iter()
            .map(|r| Line::styled(r, day_style))
            .collect();
        digits.insert(0, Line::styled(s.day.to_uppercase(), th.dim()));
        frame.render_widget(Paragraph::new(digits), right);
    } else {
        // The day counter goes right after the name, before anything a narrow screen cuts.
        title[0]
            .spans
            .insert(1, Span::styled(format!("   {} {day}", s.day), day_style));
        frame.render_widget(Paragraph::new(title), top);
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(rest);

    // Left: the person's goals and the open follow-ups.
    let mut l: Vec<Line<'static>> = Vec::new();
    gap(&mut l);
    l.push(Line::styled(
        format!(" {} {}/{}", s.goals, f.goals_achieved, f.goals_total),
        th.titles(),
    ));
    if !app.privacy().goals {
        l.push(Line::styled(format!("   {}", s.hidden), th.dim()));
    } else if stay.goals.is_empty() {
        l.push(Line::styled(format!("   {}", s.no_goals), th.warn()));
    }
    if app.privacy().goals {
        for g in &stay.goals {
            let lvl = match g.status {
                GoalStatus::Achieved => Level::Done,
                _ => Level::Ok,
            };
            let mut spans = vec![
                Span::styled(format!("   {} ", th.symbol(lvl)), th.level(lvl)),
                Span::styled(format!("«{}»", sanitize(&g.text)), th.strong()),
            ];
            if g.status == GoalStatus::Dropped {
                spans.push(Span::styled(format!("  ({})", s.dropped), th.dim()));
            }
            l.push(Line::from(spans));
        }
    }
    gap(&mut l);
    l.push(Line::styled(format!(" {}", s.follow_ups), th.titles()));
    let open: Vec<_> = stay
        .follow_ups
        .iter()
        .filter(|x| x.done_on.is_none())
        .collect();
    if open.is_empty() {
        l.push(Line::styled(format!("   {}", s.none), th.dim()));
    }
    for fu in open {
        let lvl = crate::domain::flags::follow_up_level(fu, app.today(), cfg.stay.due_soon_days);
        let disc = Config::short_of(&cfg.disciplines, &fu.discipline, lang);
        l.push(Line::from(vec![
            Span::styled(format!("   {} ", th.symbol(lvl)), th.level(lvl)),
            Span::styled(format!("{disc:<6}"), th.dim()),
            Span::raw(sanitize(&fu.text)),
            Span::styled(
                fu.due
                    .map(|d| format!("  {} {}", s.due, fmt_date(d)))
                    .unwrap_or_default(),
                th.level(lvl),
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(l).wrap(Wrap { trim: false }), left);

    // Right: deadlines as on the board, risks, and the last change.
    let mut r: Vec<Line<'static>> = Vec::new();
    gap(&mut r);
    r.push(Line::styled(format!(" {}", s.deadlines), th.titles()));
    let w = usize::from(right.width).saturating_sub(16).max(8);
    for (name, col) in [
        (s.col_assessment, Column::Assessment),
        (s.col_gp, Column::Gp),
        (s.col_medication, Column::Medication),
        (s.col_discharge, Column::Discharge),
    ] {
        let mut line = cell(app, th, s, row, col, w);
        line.spans
            .insert(0, Span::styled(format!("   {name:<13}"), th.strong()));
        r.push(line);
    }
    gap(&mut r);
    let risks: Vec<String> = stay
        .risks
        .iter()
        .map(|k| Config::label_of(&cfg.risks, k, lang))
        .collect();
    r.push(Line::styled(format!(" {}", s.risks), th.titles()));
    r.push(Line::styled(
        format!(
            "   {}",
            if risks.is_empty() {
                s.none.to_string()
            } else {
                risks.join(", ")
            }
        ),
        if risks.is_empty() {
            th.dim()
        } else {
            th.warn()
        },
    ));
    gap(&mut r);
    r.push(Line::from(vec![
        Span::styled(format!(" {}  ", s.last_changed), th.titles()),
        Span::styled(
            format!("{} {}", f.days_since_update, s.days_short),
            if f.stale { th.stale() } else { th.dim() },
        ),
    ]));
    // What the last change was, from the audit log.
    if let Some((id, entries)) = &app.history
        && *id == stay.id
        && let Some(a) = entries.first()
    {
        r.push(Line::styled(
            format!(
                "   {}: {}",
                super::detail::field_label(&a.field, app),
                super::detail::old_to_new(a, app)
            ),
            th.dim(),
        ));
        let when = super::detail::stamp(a.at, &app.tz);
        r.push(Line::styled(
            format!("   {} · {when}", sanitize(&a.user)),
            th.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(r).wrap(Wrap { trim: false }), right);
}

/// The end-of-meeting summary over the board.
pub fn summary(frame: &mut Frame<'_>, area: Rect, app: &App, sum: &Summary, th: &Theme) {
    let t = standup_strings(app.config.language);
    let row = |label: &str, value: String, style| {
        Line::from(vec![
            Span::styled(format!("  {label:<28}"), th.strong()),
            Span::styled(value, style),
        ])
    };
    let discussed_style = if sum.discussed < sum.of {
        th.warn()
    } else {
        th.level(Level::Done)
    };
    let mut lines = vec![
        Line::raw(""),
        row(
            t.discussed,
            format!("{} {} {}", sum.discussed, t.of, sum.of),
            discussed_style,
        ),
        row(
            t.overdue_items,
            sum.overdue_items.to_string(),
            if sum.overdue_items > 0 {
                th.level(Level::Overdue)
            } else {
                th.level(Level::Done)
            },
        ),
        row(
            t.follow_ups_created,
            sum.follow_ups_created.to_string(),
            th.strong(),
        ),
        row(
            t.minutes_used,
            format!("{} / {}", sum.minutes_used, app.config.standup.minutes),
            if sum.minutes_used > i64::from(app.config.standup.minutes) {
                th.level(Level::Overdue)
            } else {
                th.strong()
            },
        ),
    ];
    if !sum.missed.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("  {}", t.not_discussed), th.warn()));
        lines.push(Line::raw(format!("  {}", sum.missed.join(", "))));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(format!("  {}", t.keys_summary), th.dim()));
    let block = th.framed(format!(" {} ", t.summary_title));
    super::boxed(frame, area, block, lines);
}

/// Lines the summary needs.
pub fn summary_height(sum: &Summary) -> u16 {
    if sum.missed.is_empty() { 10 } else { 14 }
}
