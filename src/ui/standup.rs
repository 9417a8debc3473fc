//! The stand-up screen: one stay at a time, large enough to read from across the room, and
//! the summary at the end.

use super::bigtext::{big, big_width};
use super::cells::cell;
use super::theme::Theme;
use crate::app::{App, Standup, Summary};
use crate::config::{Column, Config};
use crate::domain::dates::fmt_date;
use crate::domain::text::sanitize;
use crate::domain::{DeadlineKind, GoalStatus, Level};
use crate::i18n::{standup_strings, strings};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

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
    // The day in the words of every screen («12/35»; a planned stay has no day number).
    let stay_day = super::cells::day_of(app, stay);
    let day = crate::i18n::stay_day_text(stay_day, cfg.language, crate::i18n::DayForm::Short);
    let big_h: u16 = if tall { 6 } else { 3 };
    // What happened since last time comes first, right under the name, full width.
    let since = since_lines(app, st, stay, th, tall, usize::from(area.width));
    let [top, events_area, rest] = Layout::vertical([
        Constraint::Length(big_h),
        Constraint::Length(since.len() as u16),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(since), events_area);
    let group = Config::label_of(&cfg.target_groups, &stay.target_group, lang);
    let next = st
        .order
        .get(st.pos + 1)
        .and_then(|id| app.rows.iter().find(|r| app.stays[r.stay].id == *id))
        .map(|r| format!(" · {} {}", t.next, r.label))
        .unwrap_or_default();
    // In hospital: said in the heading, where everyone in the room looks first.
    let hospital = row
        .hospital
        .filter(|_| app.privacy().risks)
        .map(|since| {
            let h = crate::i18n::hospital_strings(lang);
            vec![
                Span::raw("  "),
                Span::styled(
                    h.standup
                        .replace("{date}", &crate::domain::dates::fmt_short(since)),
                    th.badge(),
                ),
            ]
        })
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
        Line::from(vec![
            Span::styled(
                format!(" {} {} {} {}", t.stay, st.pos + 1, t.of, st.order.len()),
                th.dim(),
            ),
            // Whether this stay already counts as discussed, so nobody has to guess.
            if st.focused_discussed() {
                Span::styled(format!(" · ✓ {}", t.discussed_mark), th.level(Level::Ok))
            } else {
                Span::styled(
                    format!(
                        " · {} {} s",
                        t.discussing,
                        st.dwell(app.now)
                            .min(i64::from(cfg.standup.discussed_after_seconds))
                    ),
                    th.dim(),
                )
            },
            Span::styled(next, th.dim()),
        ]),
    ];
    for (k, span) in hospital.into_iter().enumerate() {
        title[0].spans.insert(1 + k, span);
    }
    // Who is here, by discipline: «Til stede: SPL 2 · FYS 1 · ERGO – · LEGE –».
    title.push(present_line(app, st, th));
    let day_style = if f.discharge.level == Level::Overdue {
        th.level(Level::Overdue)
    } else {
        th.strong()
    };
    let numeric = matches!(stay_day, crate::domain::stay_day::StayDay::Active { .. });
    if numeric && tall && usize::from(top.width) > big_width(&day) + 40 {
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
        title[0].spans.insert(
            1,
            Span::styled(
                format!(
                    "   {}",
                    crate::i18n::stay_day_text(stay_day, cfg.language, crate::i18n::DayForm::Long)
                ),
                day_style,
            ),
        );
        frame.render_widget(Paragraph::new(title), top);
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(rest);
    let lw = usize::from(left.width);
    let rw = usize::from(right.width);
    let privacy = app.privacy();

    // Left: the person's goals (on a TV in bold, a blank line apart) and the open follow-ups.
    let mut l: Vec<Line<'static>> = Vec::new();
    gap(&mut l);
    l.push(Line::styled(
        format!(" {} {}/{}", s.goals, f.goals_achieved, f.goals_total),
        th.titles(),
    ));
    if !privacy.goals {
        l.push(Line::styled(format!("   {}", s.hidden), th.dim()));
    } else if stay.goals.is_empty() {
        l.push(Line::styled(format!("   {}", s.no_goals), th.warn()));
    }
    if privacy.goals {
        let goal_style = if tall {
            th.strong().add_modifier(Modifier::BOLD)
        } else {
            th.strong()
        };
        for (i, g) in stay.goals.iter().enumerate() {
            let lvl = match g.status {
                GoalStatus::Achieved => Level::Done,
                _ => Level::Ok,
            };
            let mut text = format!("«{}»", sanitize(&g.text));
            if g.status == GoalStatus::Dropped {
                text.push_str(&format!("  ({})", s.dropped));
            }
            if tall && i > 0 {
                l.push(Line::raw(""));
            }
            l.extend(hang(
                Span::styled(format!("   {} ", th.symbol(lvl)), th.level(lvl)),
                &text,
                if g.status == GoalStatus::Dropped {
                    th.dim()
                } else {
                    goal_style
                },
                lw,
            ));
        }
    }
    gap(&mut l);
    l.push(Line::styled(format!(" {}", s.follow_ups), th.titles()));
    let mut open: Vec<_> = stay
        .follow_ups
        .iter()
        .filter(|x| x.done_on.is_none())
        .collect();
    open.sort_by_key(|x| (x.due.is_none(), x.due, x.id));
    if open.is_empty() {
        l.push(Line::styled(format!("   {}", s.none), th.dim()));
    }
    for fu in open {
        let lvl = crate::domain::flags::follow_up_level(fu, app.today(), cfg.stay.due_soon_days);
        let disc = if tall {
            Config::label_of(&cfg.disciplines, &fu.discipline, lang)
        } else {
            Config::short_of(&cfg.disciplines, &fu.discipline, lang)
        };
        let text = if privacy.notes {
            sanitize(&fu.text)
        } else {
            s.hidden.to_string()
        };
        let due = fu
            .due
            .map(|d| {
                let wd = s.weekdays[d.weekday().to_monday_zero_offset() as usize];
                format!("  {} {wd} {}", s.due, fmt_date(d))
            })
            .unwrap_or_default();
        l.extend(hang(
            Span::styled(format!("   {} ", th.symbol(lvl)), th.level(lvl)),
            &format!("{disc}: {text}{due}"),
            if lvl == Level::Ok {
                Style::new()
            } else {
                th.level(lvl)
            },
            lw,
        ));
    }
    // Measures from the fagmøte live on here, with their evaluation date, until evaluated.
    let measures: Vec<_> = app
        .plan
        .measures
        .iter()
        .filter(|m| m.stay_id == stay.id && m.evaluation.is_none())
        .collect();
    if !measures.is_empty() {
        let t = crate::i18n::fagmote_strings(lang);
        gap(&mut l);
        l.push(Line::styled(
            format!(" {}", t.standup_measures),
            th.titles(),
        ));
        for m in measures {
            l.extend(super::hang_wrap(
                super::fagmote::measure_line(app, m, "  ", th),
                lw,
            ));
        }
    }
    frame.render_widget(Paragraph::new(l), left);

    // Right: deadlines as on the board (with their dates and recorded reasons on a TV),
    // risks, the note and the last change.
    let mut r: Vec<Line<'static>> = Vec::new();
    gap(&mut r);
    match row.hospital.filter(|_| privacy.risks) {
        Some(_) => r.push(Line::from(vec![
            Span::styled(format!(" {}", s.deadlines), th.titles()),
            Span::styled(
                format!(
                    " · {}",
                    crate::i18n::hospital_strings(lang).deadlines_paused
                ),
                th.badge(),
            ),
        ])),
        None => r.push(Line::styled(format!(" {}", s.deadlines), th.titles())),
    }
    let w = rw.saturating_sub(16).max(8);
    for (name, col, fl, kind) in [
        (
            s.col_assessment,
            Column::Assessment,
            &f.assessment,
            DeadlineKind::Assessment,
        ),
        (s.col_gp, Column::Gp, &f.gp, DeadlineKind::Gp),
        (
            s.col_medication,
            Column::Medication,
            &f.medication,
            DeadlineKind::Medication,
        ),
        (
            s.col_discharge,
            Column::Discharge,
            &f.discharge,
            DeadlineKind::Discharge,
        ),
    ] {
        let mut line = cell(app, th, s, row, col, w);
        line.spans
            .insert(0, Span::styled(format!("   {name:<13}"), th.strong()));
        r.push(line);
        if tall {
            let mut more = format!("{} {}", s.due, fmt_date(fl.deadline));
            if let Some(d) = stay.delay(kind) {
                more.push_str(&format!(
                    " · {}",
                    Config::label_of(&cfg.delay_reasons, &d.reason, lang)
                ));
                if privacy.notes && !d.text.is_empty() {
                    more.push_str(&format!(": {}", sanitize(&d.text)));
                }
            }
            r.extend(hang(Span::raw(" ".repeat(16)), &more, th.dim(), rw));
        }
    }
    if privacy.risks {
        gap(&mut r);
        let risks: Vec<String> = stay
            .risks
            .iter()
            .map(|k| Config::label_of(&cfg.risks, k, lang))
            .collect();
        r.push(Line::styled(format!(" {}", s.risks), th.titles()));
        let (text, style) = if risks.is_empty() {
            (s.none.to_string(), th.dim())
        } else {
            (risks.join(", "), th.warn())
        };
        r.extend(hang(Span::raw("   "), &text, style, rw));
    }
    if tall && privacy.notes && !stay.note.trim().is_empty() {
        gap(&mut r);
        r.push(Line::styled(format!(" {}", s.note), th.titles()));
        r.extend(hang(
            Span::raw("   "),
            &sanitize(&stay.note),
            Style::new(),
            rw,
        ));
    }
    gap(&mut r);
    r.push(Line::from(vec![
        Span::styled(format!(" {}  ", s.last_changed), th.titles()),
        Span::styled(
            super::cells::updated_age(app, stay, f.days_since_update),
            if f.stale { th.stale() } else { th.dim() },
        ),
    ]));
    // What the last change was, from the audit log.
    if let Some((id, entries)) = &app.history
        && *id == stay.id
        && let Some(a) = entries.first()
    {
        let what = format!(
            "{}: {}",
            super::detail::field_label(&a.field, app),
            super::detail::old_to_new(a, app)
        );
        r.extend(hang(Span::raw("   "), &what, th.dim(), rw));
        let when = super::detail::stamp(a.at, &app.tz);
        r.push(Line::styled(
            format!("   {} · {when}", sanitize(&a.user)),
            th.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(r), right);
}

/// «Til stede: SPL 2 · FYS 1 · ERGO – · LEGE –»: every discipline of the staff list, with
/// how many are ticked present (`M`); before anyone is ticked, the hint to do it.
fn present_line(app: &App, st: &Standup, th: &Theme) -> Line<'static> {
    let cfg = &app.config;
    let lang = cfg.language;
    let ev = crate::i18n::event_strings(lang);
    if st.present.is_empty() {
        return Line::styled(format!(" {} {}", ev.present, ev.present_hint), th.dim());
    }
    let mut keys: Vec<String> = cfg
        .disciplines
        .iter()
        .map(|d| d.key.clone())
        .filter(|k| {
            cfg.staff.iter().any(|s| s.discipline == *k) || st.present.iter().any(|p| p.1 == *k)
        })
        .collect();
    for (_, d) in &st.present {
        if !keys.contains(d) {
            keys.push(d.clone());
        }
    }
    let parts: Vec<String> = keys
        .iter()
        .map(|k| {
            let n = st.present.iter().filter(|p| p.1 == *k).count();
            let name = if k.is_empty() {
                ev.no_discipline.to_string()
            } else {
                Config::short_of(&cfg.disciplines, k, lang)
            };
            if n == 0 {
                format!("{name} –")
            } else {
                format!("{name} {n}")
            }
        })
        .collect();
    Line::from(vec![
        Span::styled(format!(" {} ", ev.present), th.dim()),
        Span::styled(parts.join(" · "), th.strong()),
    ])
}

/// The stand-up's opening for the stay: its events since it was last discussed (or since
/// admission when it never was), prominent on a TV; one quiet line when there are none.
fn since_lines(
    app: &App,
    st: &Standup,
    stay: &crate::domain::Stay,
    th: &Theme,
    tall: bool,
    w: usize,
) -> Vec<Line<'static>> {
    if !app.privacy().risks {
        return Vec::new();
    }
    let lang = app.config.language;
    let s = strings(lang);
    let ev = crate::i18n::event_strings(lang);
    let events = st.new_events(stay);
    let mut lines = Vec::new();
    if tall {
        lines.push(Line::raw(""));
    }
    let heading = match stay.last_discussed {
        Some(d) => format!(
            " {}  ({} {} {})",
            ev.since_last,
            ev.last_discussed,
            s.weekdays[d.weekday().to_monday_zero_offset() as usize],
            crate::domain::dates::fmt_short(d)
        ),
        None => format!(" {}", ev.since_admission),
    };
    if events.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(heading, th.titles()),
            Span::styled(format!("   {}", ev.nothing_since), th.dim()),
        ]));
        return lines;
    }
    lines.push(Line::styled(
        heading,
        th.titles().add_modifier(Modifier::BOLD),
    ));
    // Newest last, as they happened; on a laptop the latest three, on a TV six.
    let room = if tall { 6 } else { 3 };
    let hidden = events.len().saturating_sub(room);
    for e in &events[hidden..] {
        let mut spans = vec![Span::styled(
            format!("   {} ", th.event_mark()),
            th.warn().add_modifier(Modifier::BOLD),
        )];
        spans.extend(
            super::events::event_spans(app, th, e, false)
                .into_iter()
                .map(|sp| {
                    if tall {
                        sp.patch_style(Style::new().add_modifier(Modifier::BOLD))
                    } else {
                        sp
                    }
                }),
        );
        let line = Line::from(spans);
        // One line per event: a long note is cut, the panel (E) has it whole.
        lines.push(super::events::fit_line(line, w));
    }
    if hidden > 0 {
        lines.push(Line::styled(
            format!("     {}", ev.more.replace("{n}", &hidden.to_string())),
            th.dim(),
        ));
    }
    lines
}

/// `text` after `head`, wrapped at `w` cells with every further line indented under the
/// text's first character (a hanging indent), so wrapped text never runs under a symbol.
fn hang(head: Span<'static>, text: &str, style: Style, w: usize) -> Vec<Line<'static>> {
    let indent = head.width();
    super::cells::wrap(text, w.saturating_sub(indent).max(8))
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let first = if i == 0 {
                head.clone()
            } else {
                Span::raw(" ".repeat(indent))
            };
            Line::from(vec![first, Span::styled(part, style)])
        })
        .collect()
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
