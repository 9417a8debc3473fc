//! The capacity forecast under the header (editing board only): places taken on each of
//! the next 14 days against the configured capacity, as bars with day labels on a wide
//! screen and a compact sparkline on a narrow one, with a warning naming the first day
//! over capacity («over kapasitet tor 03.12»).

use super::theme::Theme;
use crate::app::App;
use crate::domain::Level;
use crate::domain::capacity::{DayLoad, FORECAST_DAYS, forecast, over_capacity};
use crate::domain::dates::fmt_short;
use crate::domain::text::width;
use crate::i18n::intake_strings;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The forecast for the app's data and today.
pub fn app_forecast(app: &App) -> Vec<DayLoad> {
    forecast(
        &app.stays,
        &app.intake.referrals,
        &app.config.rules(),
        app.today(),
        FORECAST_DAYS,
    )
}

/// The bar for a day: its share of the places, full (and more) at capacity.
fn bar(d: &DayLoad, capacity: u32) -> char {
    let cap = capacity.max(1) as usize;
    BARS[(d.occupied * (BARS.len() - 1) / cap).min(BARS.len() - 1)]
}

fn level(d: &DayLoad, capacity: u32) -> Option<Level> {
    if d.over(capacity) {
        Some(Level::Overdue)
    } else if d.occupied == capacity as usize {
        Some(Level::DueSoon)
    } else {
        None
    }
}

/// «over kapasitet tor 03.12», with how many more days when there are more.
pub fn warning(app: &App, days: &[DayLoad]) -> Option<String> {
    let t = intake_strings(app.config.language);
    let over = over_capacity(days, app.config.capacity);
    let first = over.first()?;
    let wd = t.weekdays_short[first.date.weekday().to_monday_zero_offset() as usize];
    let mut text = format!("{} {wd} {}", t.over_on, fmt_short(first.date));
    if over.len() > 1 {
        text.push_str(&format!(
            " ({})",
            t.more_days.replace("{n}", &(over.len() - 1).to_string())
        ));
    }
    Some(text)
}

/// Draw the forecast line into `area`, in the most detailed form that fits.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    let t = intake_strings(app.config.language);
    let cap = app.config.capacity;
    let days = app_forecast(app);
    let warn = warning(app, &days);
    let total = usize::from(area.width);
    let ascii = th.is_ascii();
    // Detail levels: 0 weekday + bar + count, 1 bar + count, 2 bar only (count in ASCII).
    for detail in 0..3 {
        let label = if detail == 0 {
            format!(" {} ({} {}): ", t.forecast, cap, t.capacity)
        } else {
            format!(" {}: ", t.forecast_short)
        };
        let mut spans = vec![Span::styled(label, th.strong())];
        for (i, d) in days.iter().enumerate() {
            let wd = t.weekdays_short[d.date.weekday().to_monday_zero_offset() as usize];
            let mark = if d.over(cap) { "!" } else { "" };
            let b = if ascii {
                String::new()
            } else {
                bar(d, cap).to_string()
            };
            let cell = match detail {
                0 => format!("{wd} {b}{}{mark}", d.occupied),
                1 => format!("{b}{}{mark}", d.occupied),
                _ if ascii => format!("{}{mark}", d.occupied),
                _ => format!("{b}{mark}"),
            };
            let sep = match (detail, i) {
                (_, 0) => "",
                (0, _) => "  ",
                (1, _) => " ",
                _ if ascii => " ",
                _ => "",
            };
            spans.push(Span::raw(sep));
            let style = level(d, cap).map_or(Style::new(), |l| th.level(l));
            // Monday starts a week: underlined, so the weeks read apart.
            let style = if d.date.weekday() == jiff::civil::Weekday::Monday {
                style.add_modifier(Modifier::UNDERLINED)
            } else {
                style
            };
            spans.push(Span::styled(cell, style));
        }
        match &warn {
            Some(w) => {
                spans.push(Span::raw("  "));
                spans.push(Span::styled(
                    format!("{} {w}", th.symbol(Level::Overdue)),
                    th.level(Level::Overdue),
                ));
            }
            None => {
                let max = days.iter().map(|d| d.occupied).max().unwrap_or(0);
                spans.push(Span::styled(
                    format!("  {} {max}/{cap}", t.max_word),
                    th.dim(),
                ));
            }
        }
        let w: usize = spans.iter().map(|s| width(&s.content)).sum();
        if w <= total || detail == 2 {
            frame.render_widget(Paragraph::new(Line::from(spans)), area);
            return;
        }
    }
}
