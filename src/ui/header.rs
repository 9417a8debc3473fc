//! The header line: ward, date, week, clock, occupancy, red flags, page.

use super::theme::Theme;
use crate::app::{App, Mode};
use crate::domain::Level;
use crate::domain::dates::fmt_date;
use crate::domain::text::{sanitize, truncate, width};
use crate::i18n::strings;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draw the header into a one-line `area`.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    let s = strings(app.config.language);
    let now = app.now;
    let date = now.date();
    let weekday = s.weekdays[date.weekday().to_monday_zero_offset() as usize];
    let week = date.iso_week_date().week();
    let red: usize = app.rows.iter().map(|r| r.flags.overdue_count).sum();
    let (pages, page) = app.paging();
    let mut right = format!(
        "{weekday} {} · {} {week} · {:02}:{:02} │ {}/{} {} │ {} {} {}",
        fmt_date(date),
        s.week,
        now.hour(),
        now.minute(),
        app.rows.len(),
        app.config.capacity,
        s.active,
        th.symbol(Level::Overdue),
        red,
        s.red_flags,
    );
    if pages > 1 {
        right.push_str(&format!(" │ {} {}/{}", s.page, page + 1, pages));
    }
    if app.mode == Mode::Kiosk {
        right.push_str(&format!(" │ {}", s.read_only));
    }
    right.push(' ');
    let total = usize::from(area.width);
    if width(&right) > total.saturating_sub(8) {
        // Narrow: drop the weekday name first.
        right = right.replacen(&format!("{weekday} "), "", 1);
    }
    let left_w = total.saturating_sub(width(&right));
    let left = truncate(&format!(" {}", sanitize(&app.config.ward_name)), left_w);
    let pad = left_w.saturating_sub(width(&left));
    let mut spans = vec![
        Span::raw(left),
        Span::raw(" ".repeat(pad)),
        Span::raw(truncate(&right, total)),
    ];
    if let Some(st) = &app.standup {
        // The time box replaces the ward name: it is what the room watches now.
        let t = crate::i18n::standup_strings(app.config.language);
        let tb = crate::domain::standup::time_box(st.started, now, app.config.standup.minutes);
        let word = if tb.seconds_left < 0 { t.over } else { t.left };
        let clock = format!(
            " {} {} {word} ",
            t.standup,
            crate::domain::standup::fmt_clock(tb.seconds_left)
        );
        let style = match tb.level {
            Level::Ok => th.header().add_modifier(ratatui::style::Modifier::BOLD),
            lvl => th
                .level(lvl)
                .add_modifier(ratatui::style::Modifier::REVERSED),
        };
        let cw = width(&clock);
        let rest = total.saturating_sub(cw);
        spans = vec![
            Span::styled(clock, style),
            Span::raw(" ".repeat(rest.saturating_sub(width(&right)))),
            Span::raw(truncate(&right, rest)),
        ];
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(th.header()), area);
}
