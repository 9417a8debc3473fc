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
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(pad)),
        Span::raw(truncate(&right, total)),
    ]);
    frame.render_widget(Paragraph::new(line).style(th.header()), area);
}
