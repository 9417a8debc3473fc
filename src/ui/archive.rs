//! The archive view (discharged and cancelled stays): search line, list of matches, and
//! the selected stay's details with its history (the detail pane), with the reopen question.
//! Also the lines the detail pane shows about a stay that has left the board.

use super::theme::Theme;
use crate::app::App;
use crate::app::archive::{Archive, SearchField, last_day};
use crate::config::Config;
use crate::domain::dates::fmt_date;
use crate::domain::discharge::OpenItem;
use crate::domain::flags::evaluate;
use crate::domain::text::{sanitize, truncate, width};
use crate::domain::{Level, Stay, StayStatus};
use crate::i18n::{DayForm, discharge_strings, edit_strings, stay_day_text, strings};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// How the archive names a person: as the editing board does (name, or initials when
/// names are hidden).
fn who(app: &App, s: &Stay) -> String {
    let shown = if app.privacy().names {
        &s.name
    } else {
        &s.initials
    };
    let t = sanitize(shown);
    if crate::domain::text::has_visible(&t) {
        t
    } else {
        "?".to_string()
    }
}

/// Draw the archive into `area`.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    let Some(a) = &app.archive else {
        return;
    };
    let today = app.today();
    if a.detail
        && let Some(stay) = a.selected_stay(today)
    {
        // As of its last day: the day counter and deadlines as they stood when it ended. A
        // cancelled stay ended when it was cancelled (its last change), not on its planned
        // discharge: it never ran, so no deadline may look missed after that.
        let updated = crate::app::view::local_date(stay.updated_at, &app.tz).unwrap_or(today);
        let end = match stay.status {
            StayStatus::Cancelled => updated.max(stay.admitted),
            _ => last_day(stay),
        }
        .min(today);
        let flags = evaluate(stay, &app.config.rules(), end, updated);
        let name = who(app, stay);
        // The pane covers the footer on small screens: its keys go on the last line.
        let keys = discharge_strings(app.config.language).keys_archive_detail;
        let pane = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
        let foot = Rect::new(area.x, area.y + pane.height, area.width, 1);
        super::detail::draw_stay(frame, pane, app, stay, &name, &flags, th);
        frame.render_widget(
            ratatui::widgets::Paragraph::new(Line::styled(
                format!(
                    " {}",
                    truncate(keys, usize::from(area.width).saturating_sub(1))
                ),
                th.dim(),
            ))
            .alignment(ratatui::layout::Alignment::Right),
            foot,
        );
        if a.confirm {
            confirm(frame, area, app, &name, th);
        }
        return;
    }
    list(frame, area, app, a, th);
}

fn confirm(frame: &mut Frame<'_>, area: Rect, app: &App, name: &str, th: &Theme) {
    let d = discharge_strings(app.config.language);
    let e = edit_strings(app.config.language);
    let w = 70.min(area.width);
    let warned = app.archive.as_ref().is_some_and(|a| a.warning.is_some());
    let h = (7 + u16::from(warned)).min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let mut lines = vec![
        Line::raw(""),
        Line::styled(d.confirm_reopen.replace("{name}", name), th.strong()),
        Line::raw(""),
        Line::styled(e.keys_confirm, th.dim()),
    ];
    // Over capacity: said before anyone says yes, in one line.
    if let Some(w) = app.archive.as_ref().and_then(|a| a.warning.as_ref()) {
        let h = crate::i18n::hospital_strings(app.config.language);
        lines.insert(
            2,
            Line::styled(
                format!("{w} {}", h.reopen_anyway),
                th.level(crate::domain::Level::Overdue),
            ),
        );
    }
    super::boxed(frame, r, th.framed(format!(" {} ", d.archive)), lines);
}

fn list(frame: &mut Frame<'_>, area: Rect, app: &App, a: &Archive, th: &Theme) {
    let lang = app.config.language;
    let d = discharge_strings(lang);
    let today = app.today();
    let inner_w = usize::from(area.width.saturating_sub(2));
    let inner_h = usize::from(area.height.saturating_sub(2));
    let field = |label: &str, value: &str, f: SearchField, bad: bool| -> Vec<Span<'static>> {
        let focused = a.focus() == f;
        let style = if focused {
            Style::default().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::default()
        };
        let mut v = vec![
            Span::styled(
                format!("{label}: "),
                if focused { th.strong() } else { th.dim() },
            ),
            Span::styled(sanitize(value), style),
        ];
        if focused {
            v.push(Span::styled(" ", style.add_modifier(Modifier::REVERSED)));
        }
        if bad {
            v.push(Span::styled(format!(" ⚠ {}", d.bad_date), th.warn()));
        }
        v.push(Span::raw("   "));
        v
    };
    let (bad_from, bad_to) = a.bad_date(today);
    let mut search = field(d.search_name, &a.name, SearchField::Name, false);
    search.extend(field(d.search_from, &a.from, SearchField::From, bad_from));
    search.extend(field(d.search_to, &a.to, SearchField::To, bad_to));
    let matches = a.matches(today);
    let total = a.stays.as_ref().map_or(0, Vec::len);
    let mut lines = vec![Line::from(search)];
    let count = match &a.stays {
        None => d.loading.to_string(),
        Some(_) => d
            .count
            .replace("{n}", &matches.len().to_string())
            .replace("{total}", &total.to_string()),
    };
    lines.push(Line::styled(count, th.dim()));
    lines.push(Line::raw(""));
    if a.stays.is_some() && matches.is_empty() {
        lines.push(Line::styled(format!("  {}", d.no_match), th.dim()));
    }
    // The list scrolls so the selection stays in view.
    let room = inner_h.saturating_sub(lines.len()).max(1);
    let cursor = a.cursor(today);
    let first = cursor.saturating_sub(room - 1);
    let name_w = (inner_w / 4).clamp(12, 32);
    let ends: Vec<String> = matches
        .iter()
        .map(|s| stay_day_text(super::cells::day_of(app, s), lang, DayForm::Long))
        .collect();
    let end_w = ends.iter().map(|e| width(e)).max().unwrap_or(0);
    for (i, s) in matches.iter().enumerate().skip(first).take(room) {
        let mark = if i == cursor { "▶ " } else { "  " };
        // How it ended, in the words of every screen: «utskrevet 20.11.2026 (dag 33 av
        // 35)», «avlyst 18.11.2026»; never a counter that is still running.
        let end = &ends[i];
        let outcome = s
            .discharge_outcome
            .as_deref()
            .map(|o| Config::label_of(&app.config.discharge_outcomes, o, lang))
            .unwrap_or_default();
        let text = format!(
            "{mark}{:<name_w$}  {:<end_w$}  {} {}  {outcome}",
            truncate(&who(app, s), name_w),
            end,
            strings(lang).admitted.to_lowercase(),
            fmt_date(s.admitted),
        );
        let style = if i == cursor {
            th.strong().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        lines.push(Line::styled(truncate(&text, inner_w), style));
    }
    let title = format!(" {} ", d.archive);
    let keys = if width(d.keys_archive) + 4 <= inner_w {
        d.keys_archive
    } else {
        ""
    };
    let block = th
        .framed(title)
        .title_bottom(Span::styled(format!(" {keys} "), th.dim()));
    super::boxed(frame, area, block, lines);
}

/// What the detail pane adds for a stay that has left the board: its status, outcome, and
/// every decision recorded at discharge.
pub fn discharge_lines(lines: &mut Vec<Line<'static>>, app: &App, stay: &Stay, th: &Theme) {
    if stay.status == StayStatus::Active {
        return;
    }
    let lang = app.config.language;
    let s = strings(lang);
    let d = discharge_strings(lang);
    let e = edit_strings(lang);
    lines.push(Line::raw(""));
    let status = stay_day_text(super::cells::day_of(app, stay), lang, DayForm::Long);
    let outcome = stay
        .discharge_outcome
        .as_deref()
        .map(|o| {
            format!(
                " · {}: {}",
                e.outcome,
                Config::label_of(&app.config.discharge_outcomes, o, lang)
            )
        })
        .unwrap_or_default();
    lines.push(Line::styled(
        format!("{}: {status}{outcome}", e.status),
        th.titles(),
    ));
    if stay.handovers.is_empty() {
        return;
    }
    lines.push(Line::styled(d.decisions_title, th.titles()));
    let today = app.today();
    for h in &stay.handovers {
        let what = match OpenItem::parse(&h.item) {
            Some(i) => crate::app::discharge::describe(stay, i, &app.config, today),
            None => sanitize(&h.item),
        };
        let note = if app.privacy().notes {
            sanitize(&h.note)
        } else {
            s.hidden.to_string()
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {} ", th.symbol(Level::Done)),
                th.level(Level::Done),
            ),
            Span::raw(what),
        ]));
        lines.push(Line::from(vec![
            Span::raw("      → "),
            Span::styled(
                crate::app::discharge::decision_label(lang, h.decision),
                th.strong(),
            ),
            Span::raw(format!(": {note}")),
        ]));
    }
}
