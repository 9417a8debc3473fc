//! How one event reads on screen (events panel, detail pane, stand-up), in one place.

use super::theme::Theme;
use crate::app::App;
use crate::config::Config;
use crate::domain::Event;
use crate::domain::dates::fmt_short;
use crate::domain::events::fmt_time;
use crate::domain::text::sanitize;
use ratatui::text::{Line, Span};

/// `ti 24.11 14:30  Fall  Funnet på badegulvet  reg. anne`: when, what (bold), the note
/// (if this screen shows notes) and, with `recorder`, who recorded it.
pub fn event_spans(app: &App, th: &Theme, e: &Event, recorder: bool) -> Vec<Span<'static>> {
    let lang = app.config.language;
    let s = crate::i18n::strings(lang);
    let wd: String = s.weekdays[e.occurred_on.weekday().to_monday_zero_offset() as usize]
        .chars()
        .take(3)
        .collect();
    let when = match e.occurred_time {
        Some(t) => format!("{wd} {} {}", fmt_short(e.occurred_on), fmt_time(t)),
        None => format!("{wd} {}      ", fmt_short(e.occurred_on)),
    };
    let mut v = vec![
        Span::styled(when, th.dim()),
        Span::raw("  "),
        Span::styled(
            Config::label_of(&app.config.event_kinds, &e.kind, lang),
            th.strong(),
        ),
    ];
    if app.privacy().notes && !e.note.is_empty() {
        v.push(Span::raw(format!("  {}", sanitize(&e.note))));
    }
    if recorder && !e.recorded_by.is_empty() {
        let ev = crate::i18n::event_strings(lang);
        v.push(Span::styled(
            format!("  {} {}", ev.recorded_by, sanitize(&e.recorded_by)),
            th.dim(),
        ));
    }
    v
}

/// `line` cut to `w` cells, the cut span ending in «…» (one event, one line).
pub fn fit_line(line: Line<'static>, w: usize) -> Line<'static> {
    let mut left = w;
    let mut out = Vec::new();
    for sp in line.spans {
        let sw = crate::domain::text::width(&sp.content);
        if sw <= left {
            left -= sw;
            out.push(sp);
            continue;
        }
        if left > 0 {
            let cut = crate::domain::text::truncate(&sp.content, left);
            out.push(Span::styled(cut, sp.style));
        }
        break;
    }
    Line::from(out)
}
