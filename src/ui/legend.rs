//! The kiosk's legend. A corridor or staff-room screen has no help key, so its footer
//! explains every mark the board shows, and only those (so it fits), on as many lines as
//! that takes: a mark nobody can look up must not be left to guessing.

use super::table::{Marks, marks};
use super::theme::Theme;
use crate::app::App;
use crate::domain::Level;
use crate::domain::text::width;
use crate::i18n::{legend_strings, strings};
use ratatui::text::{Line, Span};

/// At most this many legend lines: on a tiny screen the rows come first.
const MAX_LINES: usize = 4;

/// One mark and what it means.
pub struct Entry {
    mark: Span<'static>,
    word: String,
}

impl Entry {
    fn width(&self) -> usize {
        self.mark.width() + 1 + width(&self.word)
    }
}

/// The legend's entries for `marks`, in the order the eye meets them: the deadline
/// symbols, then the marks before a name, then those inside cells.
pub fn entries(app: &App, th: &Theme, m: &Marks) -> Vec<Entry> {
    let lang = app.config.language;
    let s = strings(lang);
    let t = legend_strings(lang);
    let mut v = Vec::new();
    let mut push = |on: bool, mark: Span<'static>, word: String| {
        if on {
            v.push(Entry { mark, word });
        }
    };
    for (i, (lvl, word)) in [
        (Level::Done, s.legend_done),
        (Level::Ok, s.legend_ok),
        (Level::DueSoon, s.legend_soon),
        (Level::Overdue, s.legend_overdue),
    ]
    .into_iter()
    .enumerate()
    {
        push(
            m.levels[i],
            Span::styled(th.symbol(lvl), th.level(lvl)),
            word.to_string(),
        );
    }
    push(
        m.events,
        Span::styled(th.event_mark(), th.warn()),
        t.legend_events.to_string(),
    );
    push(
        m.measure_due,
        Span::styled(th.measure_mark(), th.level(Level::DueSoon)),
        t.legend_measure_due.to_string(),
    );
    push(
        m.measure_overdue,
        Span::styled(th.measure_mark(), th.level(Level::Overdue)),
        t.legend_measure_overdue.to_string(),
    );
    push(
        m.case,
        Span::styled(th.case_mark(), th.titles_plain()),
        t.legend_case.to_string(),
    );
    push(
        m.undiscussed,
        Span::styled(th.undiscussed_mark(), th.stale()),
        t.legend_undiscussed.to_string(),
    );
    push(
        m.collide,
        Span::styled(th.collide_mark(), th.warn()),
        t.legend_collide.to_string(),
    );
    push(
        m.delay,
        Span::raw(th.delay_mark()),
        t.legend_delay.to_string(),
    );
    let n = app.config.stay.stale_after_days;
    push(
        m.stale,
        Span::styled(format!("{n}{}!", s.days_short), th.stale()),
        t.legend_stale.replace("{n}", &n.to_string()),
    );
    v
}

/// `entries` packed into lines of `w` cells (an entry is never split), with `keys` at the
/// right of the last line where they fit. At most [`MAX_LINES`] lines.
pub fn pack(entries: Vec<Entry>, w: usize, keys: &str, th: &Theme) -> Vec<Line<'static>> {
    const GAP: usize = 2;
    let mut rows: Vec<(Vec<Span<'static>>, usize)> = Vec::new();
    for e in entries {
        let ew = e.width();
        let fits_last = rows.last().is_some_and(|(_, used)| used + GAP + ew <= w);
        if fits_last {
            let (spans, used) = rows.last_mut().expect("checked");
            spans.push(Span::raw(" ".repeat(GAP)));
            spans.push(e.mark);
            spans.push(Span::raw(format!(" {}", e.word)));
            *used += GAP + ew;
        } else if rows.len() < MAX_LINES {
            rows.push((
                vec![Span::raw(" "), e.mark, Span::raw(format!(" {}", e.word))],
                1 + ew,
            ));
        }
    }
    if rows.is_empty() {
        rows.push((vec![Span::raw(" ")], 1));
    }
    let kw = width(keys);
    let (spans, used) = rows.last_mut().expect("one row at least");
    if *used + 1 + kw <= w {
        spans.push(Span::raw(" ".repeat(w - *used - kw)));
        spans.push(Span::styled(keys.to_string(), th.dim()));
    }
    rows.into_iter().map(|(s, _)| Line::from(s)).collect()
}

/// The kiosk's legend at `w` cells.
pub fn kiosk_lines(app: &App, th: &Theme, w: u16) -> Vec<Line<'static>> {
    let m = cached_marks(app, th, w);
    let keys = strings(app.config.language).keys_kiosk;
    pack(entries(app, th, &m), usize::from(w), keys, th)
}

/// Lines the kiosk's legend takes at `w` cells.
pub fn kiosk_height(app: &App, w: u16) -> u16 {
    let th = Theme::new(&app.config);
    kiosk_lines(app, &th, w).len() as u16
}

/// [`marks`], kept until the rows are rebuilt or the width changes.
fn cached_marks(app: &App, th: &Theme, w: u16) -> Marks {
    if let Some((g, cw, m)) = app.legend_marks.get()
        && (g, cw) == (app.rows_generation, w)
    {
        return m;
    }
    let m = marks(app, th, w);
    app.legend_marks.set(Some((app.rows_generation, w, m)));
    m
}
