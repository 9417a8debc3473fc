//! Shared test helpers: build apps from hand-made stays and render them headless.
#![allow(dead_code)]

use jiff::civil::{Date, date};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tavle::app::{App, Mode};
use tavle::config::Config;
use tavle::domain::dates::add_days;
use tavle::domain::{Rules, Stay};

pub mod board;

/// The fixed "today" of every test.
pub const TODAY: (i16, i8, i8) = (2026, 11, 25);

pub fn today() -> Date {
    date(TODAY.0, TODAY.1, TODAY.2)
}

/// A stay admitted `days_ago` days before today (so it is on day `days_ago + 1`).
pub fn stay(id: i64, name: &str, days_ago: i64) -> Stay {
    let admitted = add_days(today(), -days_ago);
    let mut s = Stay::new(
        id,
        name,
        admitted,
        Rules::default().default_discharge(admitted),
    );
    s.target_group = "from_hospital".into();
    s.primary_contact = "Anne Sykepleier".into();
    // Updated at noon today, Oslo time.
    s.updated_at = today()
        .at(7, 0, 0, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
        .as_second();
    s
}

pub fn app(mode: Mode, config: Config, stays: Vec<Stay>, size: (u16, u16)) -> App {
    App::new(mode, config, stays, today().at(9, 5, 0, 0), size)
}

pub fn render(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| tavle::ui::draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

/// The screen as lines of text.
pub fn lines(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < area.width {
                let cell = &buf[(x, y)];
                line.push_str(cell.symbol());
                x += 1;
            }
            line
        })
        .collect()
}

pub fn screen(buf: &Buffer) -> String {
    lines(buf).join("\n")
}

/// Position (x, y) of the first occurrence of `needle` on screen.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for (y, line) in lines(buf).iter().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..byte]);
            return Some((x as u16, y as u16));
        }
    }
    None
}
