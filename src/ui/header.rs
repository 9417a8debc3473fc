//! The header line: ward, date, week, clock, occupancy, red flags, page.

use super::theme::Theme;
use crate::app::{App, Mode};
use crate::domain::Level;
use crate::domain::dates::{fmt_date, fmt_short};
use crate::domain::text::{sanitize, truncate, width};
use crate::i18n::{screen_strings, strings};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Stays that have started (admitted today or earlier) and planned admissions (admitted
/// after today). Only the first count against the ward's places.
pub fn occupancy(app: &App) -> (usize, usize) {
    let active = app.rows.iter().filter(|r| r.flags.day >= 1).count();
    (active, app.rows.len() - active)
}

/// How the occupancy reads: red when more stays are active than there are places, amber
/// when the planned admissions would take the ward over, else nothing to say.
pub fn occupancy_level(active: usize, planned: usize, capacity: u32) -> Option<Level> {
    let cap = capacity as usize;
    if active > cap {
        Some(Level::Overdue)
    } else if active + planned > cap {
        Some(Level::DueSoon)
    } else {
        None
    }
}

/// Draw the header into a one-line `area`.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    let s = strings(app.config.language);
    let o = screen_strings(app.config.language);
    let now = app.now;
    let date = now.date();
    let weekday = s.weekdays[date.weekday().to_monday_zero_offset() as usize];
    let week = date.iso_week_date().week();
    let red: usize = app.rows.iter().map(|r| r.flags.overdue_count).sum();
    let (pages, page) = app.paging();
    let clock = format!("{:02}:{:02}", now.hour(), now.minute());
    let when = [
        format!("{weekday} {} · {} {week} · {clock}", fmt_date(date), s.week),
        format!("{} · {} {week} · {clock}", fmt_date(date), s.week),
        format!("{} · {clock}", fmt_date(date)),
        format!("{} {clock}", fmt_short(date)),
    ];
    let (active, planned) = occupancy(app);
    let cap = app.config.capacity;
    // The amber warning follows the forecast under the header, so the two never disagree:
    // planned admissions that only replace people leaving that day are not overbelegg.
    let level = match occupancy_level(active, planned, cap) {
        Some(Level::DueSoon) => {
            let days = crate::ui::capacity::app_forecast(app);
            (!crate::domain::capacity::over_capacity(&days, cap).is_empty())
                .then_some(Level::DueSoon)
        }
        l => l,
    };
    let sym = level
        .map(|l| format!("{} ", th.symbol(l)))
        .unwrap_or_default();
    let plan = if planned > 0 {
        format!(" · {planned} {}", o.planned)
    } else {
        String::new()
    };
    let why = match level {
        Some(Level::Overdue) => format!(" – {}", o.over_capacity),
        Some(_) => format!(" – {}", o.planned_over),
        None => String::new(),
    };
    let occ = [
        format!("{sym}{active}/{cap} {}{plan}{why}", s.active),
        format!("{sym}{active}/{cap} {}{plan}", s.active),
        format!(
            "{sym}{active}/{cap}{}",
            if planned > 0 {
                format!(" +{planned}")
            } else {
                String::new()
            }
        ),
    ];
    let occ_style = match level {
        Some(l) => th.level(l).add_modifier(Modifier::BOLD),
        None => Style::new(),
    };
    // Nothing overdue is good news, said as such: «✓ ingen over frist», not a red «✗ 0».
    let reds = if red == 0 {
        let none = crate::i18n::wording_strings(app.config.language).none_overdue;
        [
            format!("{} {none}", th.symbol(Level::Done)),
            format!("{} 0", th.symbol(Level::Done)),
        ]
    } else {
        [
            format!("{} {red} {}", th.symbol(Level::Overdue), s.red_flags),
            format!("{} {red}", th.symbol(Level::Overdue)),
        ]
    };
    let mut tail = String::new();
    if pages > 1 {
        tail.push_str(&format!(" │ {} {}/{}", s.page, page + 1, pages));
    }
    if app.mode == Mode::Kiosk {
        tail.push_str(&format!(" │ {}", s.read_only));
    }
    tail.push(' ');
    // What stands on the left: the ward, or during the stand-up the time box.
    let (left, left_style) = match &app.standup {
        Some(st) => {
            let t = crate::i18n::standup_strings(app.config.language);
            let tb = crate::domain::standup::time_box(st.started, now, app.config.standup.minutes);
            let word = if tb.seconds_left < 0 { t.over } else { t.left };
            let text = format!(
                " {} {} {word} ",
                t.standup,
                crate::domain::standup::fmt_clock(tb.seconds_left)
            );
            let style = match tb.level {
                Level::Ok => th.header().add_modifier(Modifier::BOLD),
                lvl => th.level(lvl).add_modifier(Modifier::REVERSED),
            };
            (text, style)
        }
        None => (
            format!(" {} ", sanitize(&app.config.ward_name)),
            th.header(),
        ),
    };
    let total = usize::from(area.width);
    // From the fullest form down: drop the weekday, the week, the year, then the words;
    // the first that leaves the left part whole is used.
    let combos: [(usize, usize, usize); 7] = [
        (0, 0, 0),
        (1, 0, 0),
        (2, 0, 0),
        (2, 1, 0),
        (3, 1, 0),
        (3, 2, 0),
        (3, 2, 1),
    ];
    let right_of = |(w, c, r): (usize, usize, usize)| {
        vec![
            (format!("{} │ ", when[w]), Style::new()),
            (occ[c].clone(), occ_style),
            (format!(" │ {}{tail}", reds[r]), Style::new()),
        ]
    };
    let fits = |parts: &Vec<(String, Style)>| {
        width(&left) + parts.iter().map(|(t, _)| width(t)).sum::<usize>() <= total
    };
    let right = combos
        .iter()
        .map(|c| right_of(*c))
        .find(fits)
        .unwrap_or_else(|| right_of(combos[combos.len() - 1]));
    let right_w: usize = right.iter().map(|(t, _)| width(t)).sum();
    let left = truncate(&left, total.saturating_sub(right_w).max(1));
    let pad = total.saturating_sub(width(&left) + right_w);
    let mut spans = vec![Span::styled(left, left_style), Span::raw(" ".repeat(pad))];
    let mut room = total.saturating_sub(spans.iter().map(|x| x.width()).sum());
    for (t, st) in right {
        let t = truncate(&t, room);
        room -= width(&t);
        spans.push(Span::styled(t, st));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(th.header()), area);
}
