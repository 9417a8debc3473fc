//! The board table: which columns fit, how wide, and one line per stay.

use super::cells::{cell_at, fits, goal_lines, levels};
use super::theme::Theme;
use crate::app::App;
use crate::config::Column;
use crate::domain::text::{simple_char, width};
use crate::i18n::{Strings, strings};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Columns with this priority or better are core: they stay on the narrowest board.
/// Risks are core: a fall or pressure-ulcer risk must not vanish from a laptop-sized board
/// while the group code and the contact's name (read in the detail pane) give way first.
const CORE: u8 = 9;

/// What the layout needs to know about the rows besides the columns.
#[derive(Debug, Clone, Copy)]
pub struct Hints {
    /// Goal texts are shown (else the goals column holds counts only).
    pub goal_text: bool,
    /// The widest person label on the board (names or initials, with their marks).
    pub person: u16,
}

impl Default for Hints {
    fn default() -> Self {
        Self {
            goal_text: true,
            person: 20,
        }
    }
}

/// (minimum width to be shown, width it would like, priority: lower is kept longer).
/// A minimum is never less than the column's title (or its short form, see [`title`]): a
/// title cut mid-word («Oppfø…») is read from three metres as a different word.
/// Preferred widths are what the longest usual content needs (`✗ ikke bestilt 3d over ⓘ`,
/// `✗ 22.11 3d over ⓘ`); the goals column takes whatever is left.
fn spec(c: Column, h: Hints) -> (u16, u16, u8) {
    match c {
        Column::Person => (10, h.person.clamp(10, 22), 0),
        Column::Day => (5, 12, 1),
        Column::Gp => (11, 24, 2),
        Column::Assessment => (10, 14, 3),
        Column::Medication => (11, 16, 4),
        // `○ 05.12 10d (helg)`: a weekend discharge says so.
        Column::Discharge => (9, 17, 5),
        Column::Goals if h.goal_text => (5, 40, 6),
        Column::Goals => (5, 14, 6),
        Column::FollowUps => (5, 10, 7),
        Column::Updated => (6, 6, 8),
        Column::Risks => (10, 14, 9),
        Column::Group => (6, 6, 10),
        Column::Contact => (12, 15, 11),
    }
}

/// A column's title in `w` cells: the whole word where it fits, else its short form
/// («Kartl.», «Oppf.»), never a word cut at the edge.
fn title(s: &Strings, c: Column, w: usize) -> &'static str {
    let full = full_title(s, c);
    if width(full) <= w {
        return full;
    }
    short_title(s, c).unwrap_or(full)
}

fn full_title(s: &Strings, c: Column) -> &'static str {
    match c {
        Column::Person => s.col_person,
        Column::Group => s.col_group,
        Column::Day => s.col_day,
        Column::Contact => s.col_contact,
        Column::Goals => s.col_goals,
        Column::Assessment => s.col_assessment,
        Column::Gp => s.col_gp,
        Column::Medication => s.col_medication,
        Column::Risks => s.col_risks,
        Column::FollowUps => s.col_follow_ups,
        Column::Discharge => s.col_discharge,
        Column::Updated => s.col_updated,
    }
}

/// The abbreviation of a title too long for its column's narrowest width.
fn short_title(s: &Strings, c: Column) -> Option<&'static str> {
    let t = crate::i18n::legend_strings(lang_of(s));
    match c {
        Column::Assessment => Some(t.short_assessment),
        Column::FollowUps => Some(t.short_follow_ups),
        Column::Discharge => Some(t.short_discharge),
        Column::Contact => Some(t.short_contact),
        Column::Medication => Some(t.short_medication),
        _ => None,
    }
}

fn lang_of(s: &Strings) -> crate::config::Language {
    use crate::config::Language;
    if std::ptr::eq(s, strings(Language::En)) {
        Language::En
    } else {
        Language::Nb
    }
}

/// Columns (in configured order) and their widths for a table `total` cells wide.
#[cfg(test)]
pub fn layout_columns(configured: &[Column], total: u16) -> Vec<(Column, u16)> {
    layout_columns_with(configured, total, Hints::default())
}

/// Columns are admitted by priority while their minimum widths fit; spare room then grows
/// columns toward their preferred width, in priority order; the rest goes to goals (the
/// person's own words), or is spread over every column when goal texts are not shown.
pub fn layout_columns_with(configured: &[Column], total: u16, h: Hints) -> Vec<(Column, u16)> {
    let spec = |c: Column| spec(c, h);
    let mut by_prio: Vec<Column> = configured.to_vec();
    by_prio.sort_by_key(|c| spec(*c).2);
    // Core columns are admitted at their minimum width; extras only when every core
    // column can also have its preferred width (goals counted at a modest 30).
    let core_ideal: u16 = by_prio
        .iter()
        .filter(|c| spec(**c).2 <= CORE)
        .map(|c| {
            if *c == Column::Goals {
                spec(*c).1.min(30)
            } else {
                spec(*c).1
            }
        } + 1)
        .sum();
    let mut chosen: Vec<Column> = Vec::new();
    let mut used: u16 = 0;
    let mut extras: u16 = 0;
    for c in by_prio {
        let (min, _, prio) = spec(c);
        let need = min + u16::from(!chosen.is_empty());
        let fits = if prio <= CORE {
            used + need <= total
        } else {
            core_ideal + extras + min <= total && used + need <= total
        };
        if fits {
            used += need;
            if prio > CORE {
                extras += min + 1;
            }
            chosen.push(c);
        }
    }
    let mut widths: Vec<(Column, u16)> = chosen.iter().map(|c| (*c, spec(*c).0)).collect();
    let mut spare = total.saturating_sub(used);
    // Grow in two rounds (halfway, then all the way), so that no column is starved
    // while a more important one gets its last few cells; the name first, whole. Goals grow to a modest 30 with
    // the others, and take all that is left after.
    for round in [2u16, 1] {
        for (c, w) in widths.iter_mut() {
            let (min, mut ideal, _) = spec(*c);
            if *c == Column::Goals {
                ideal = ideal.min(30);
            }
            // The person's name grows whole first: a cut name is a different person.
            let target = if *c == Column::Person {
                ideal
            } else {
                min + (ideal - min) / round
            };
            let grow = target.saturating_sub(*w).min(spare);
            *w += grow;
            spare -= grow;
        }
    }
    match widths
        .iter()
        .position(|(c, _)| *c == Column::Goals && h.goal_text)
    {
        Some(i) => widths[i].1 += spare,
        // No words to give the room to: spread it, so the columns stand apart evenly.
        None if !widths.is_empty() => {
            let n = widths.len() as u16;
            for (i, (_, w)) in widths.iter_mut().enumerate() {
                *w += spare / n + u16::from((i as u16) < spare % n);
            }
        }
        None => {}
    }
    let order = |c: &Column| configured.iter().position(|x| x == c).unwrap_or(usize::MAX);
    widths.sort_by_key(|(c, _)| order(c));
    widths
}

/// The columns this screen shows: the configured ones, minus what its privacy hides.
pub fn shown_columns(app: &App) -> Vec<Column> {
    let p = app.privacy();
    app.config
        .board
        .columns
        .iter()
        .copied()
        .filter(|c| p.shows(*c))
        .collect()
}

/// Lines per row and how many of them hold text (the rest is spacing) for `n` rows in
/// `avail` lines: one line when rows are paged, the screen is narrow or goal texts would
/// have less than 24 cells (`goals_w`, when they are shown); on a wide screen with room to
/// spare, up to three lines of text and a blank line between rows.
pub fn row_height(
    n: usize,
    avail: usize,
    width: u16,
    paged: bool,
    goals_w: Option<u16>,
) -> (usize, usize) {
    if paged || width < 120 || n == 0 || goals_w.is_some_and(|w| w < 24) {
        return (1, 1);
    }
    let h = (avail / n).clamp(1, 4);
    (h, if h >= 3 { h - 1 } else { h })
}

/// Where the current page goes in `area`: its columns, its rows and their height. One
/// computation for drawing and for placing a form beside the selected row.
struct PageLayout {
    cols: Vec<(Column, u16)>,
    /// Index of the page's first row and number of rows per page.
    start: usize,
    per: usize,
    /// Lines per row, and how many of them hold text (the rest is spacing).
    row_h: usize,
    text_h: usize,
}

fn page_layout(app: &App, area: Rect) -> PageLayout {
    let hints = Hints {
        goal_text: app.privacy().goals,
        person: person_width(app),
    };
    let cols = layout_columns_with(&shown_columns(app), area.width, hints);
    let per = app.rows_per_page().max(1);
    let (pages, page) = app.paging();
    let start = page * per;
    let on_page = app.rows.len().saturating_sub(start).min(per);
    let (row_h, text_h) = row_height(
        on_page,
        usize::from(area.height.saturating_sub(1)),
        area.width,
        pages > 1,
        goals_width(&cols, hints),
    );
    PageLayout {
        cols,
        start,
        per,
        row_h,
        text_h,
    }
}

/// Which marks the board carries, on any of its pages, in the columns a table `width`
/// cells wide shows: what the kiosk's legend must explain (and nothing more, so it fits).
/// All pages, not just this one: a rotating kiosk keeps one legend as its pages turn.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    /// Level symbols in cells, in [`Level`](crate::domain::Level) order: done, ok, due soon, overdue.
    pub levels: [bool; 4],
    pub delay: bool,
    pub stale: bool,
    pub undiscussed: bool,
    pub events: bool,
    pub measure_due: bool,
    pub measure_overdue: bool,
    pub case: bool,
    pub collide: bool,
}

/// The marks shown by the rows of `app` at `width` (see [`Marks`]). Cells are built as the
/// table builds them (same columns, same level of detail), so a mark the narrow table
/// drops is not explained, and one it keeps always is.
pub fn marks(app: &App, th: &Theme, width: u16) -> Marks {
    use crate::domain::Level;
    let s = strings(app.config.language);
    let hints = Hints {
        goal_text: app.privacy().goals,
        person: person_width(app),
    };
    let cols = layout_columns_with(&shown_columns(app), width, hints);
    let mut m = Marks::default();
    for r in &app.rows {
        m.undiscussed |= r.flags.not_discussed;
        m.events |= r.new_events > 0 && app.privacy().risks;
        match r.measure.map(super::cells::measure_level) {
            Some(Level::Overdue) => m.measure_overdue = true,
            Some(_) => m.measure_due = true,
            None => {}
        }
        m.case |= r.case_next;
        m.collide |= r.collides;
    }
    let symbols = [Level::Done, Level::Ok, Level::DueSoon, Level::Overdue].map(|l| th.symbol(l));
    for (c, w) in &cols {
        let w = usize::from(*w);
        let deadline = matches!(
            c,
            Column::Assessment | Column::Gp | Column::Medication | Column::Discharge
        );
        match c {
            Column::Updated => m.stale |= app.rows.iter().any(|r| r.flags.stale),
            _ if deadline || matches!(c, Column::FollowUps | Column::Goals) => {
                let last = levels(*c) - 1;
                let detail = (0..last)
                    .find(|d| app.rows.iter().all(|r| fits(app, th, s, r, *c, w, *d)))
                    .unwrap_or(last);
                for r in &app.rows {
                    let line = cell_at(app, th, s, r, *c, w, detail);
                    let text: String = line.spans.iter().map(|x| x.content.as_ref()).collect();
                    // Deadline cells hold only our own words and dates: the mark cannot
                    // come from a name or a goal's text.
                    m.delay |= deadline && text.contains(th.delay_mark());
                    for (i, sym) in symbols.iter().enumerate() {
                        m.levels[i] |= text.starts_with(&format!("{sym} "));
                    }
                }
            }
            _ => {}
        }
    }
    m
}

/// The screen line of the selected row's first line in a table drawn into `area`.
pub fn selected_y(app: &App, area: Rect) -> Option<u16> {
    let l = page_layout(app, area);
    let n = app.selected.checked_sub(l.start).filter(|n| *n < l.per)?;
    Some(area.y + 1 + (n * l.row_h) as u16)
}

fn person_width(app: &App) -> u16 {
    app.rows
        .iter()
        .map(|r| {
            width(&r.label)
                + if r.flags.not_discussed { 2 } else { 0 }
                + if r.new_events > 0 && app.privacy().risks {
                    2
                } else {
                    0
                }
                + if r.measure.is_some() { 2 } else { 0 }
                + if r.case_next { 2 } else { 0 }
                + if r.collides { 2 } else { 0 }
        })
        .max()
        .unwrap_or(0)
        .min(usize::from(u16::MAX)) as u16
}

fn goals_width(cols: &[(Column, u16)], hints: Hints) -> Option<u16> {
    cols.iter()
        .find(|(c, _)| *c == Column::Goals && hints.goal_text)
        .map(|(_, w)| *w)
}

/// Draw the current page of rows. Cells are written straight into the buffer at their
/// column's offset: the same result as a `Table` with fixed widths, with less per-cell work
/// (this runs for every visible cell of every frame).
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    let s = strings(app.config.language);
    let PageLayout {
        cols,
        start,
        per,
        row_h,
        text_h,
    } = page_layout(app, area);
    let buf = frame.buffer_mut();
    // Column x offsets, one space apart, clipped to the area.
    let mut xs = Vec::with_capacity(cols.len());
    let mut x = area.x;
    for (_, w) in &cols {
        xs.push(x);
        x = x.saturating_add(*w).saturating_add(1);
    }
    let right = area.x.saturating_add(area.width);
    let put = |buf: &mut ratatui::buffer::Buffer, y: u16, i: usize, line: &Line<'_>| {
        let x = xs[i];
        if x >= right {
            return;
        }
        let w = cols[i].1.min(right - x);
        put_line(buf, x, y, line, w);
    };
    if area.height == 0 {
        return;
    }
    for (i, (c, w)) in cols.iter().enumerate() {
        let t = Line::from(Span::styled(
            crate::domain::text::truncate(title(s, *c, usize::from(*w)), usize::from(*w)),
            th.titles(),
        ));
        put(buf, area.y, i, &t);
    }
    let rows: Vec<(usize, &crate::app::RowView)> =
        app.rows.iter().enumerate().skip(start).take(per).collect();
    // One level of detail per deadline column: the most detailed that every row fits.
    let detail: Vec<u8> = cols
        .iter()
        .map(|(c, w)| {
            let last = levels(*c) - 1;
            (0..last)
                .find(|d| {
                    rows.iter()
                        .all(|(_, r)| fits(app, th, s, r, *c, usize::from(*w), *d))
                })
                .unwrap_or(last)
        })
        .collect();
    let bottom = area.y + area.height;
    for (n, (i, row)) in rows.iter().enumerate() {
        let y = area.y + 1 + (n * row_h) as u16;
        if y >= bottom {
            break;
        }
        let lines = (text_h as u16).min(bottom - y);
        if *i == app.selected {
            buf.set_style(Rect::new(area.x, y, area.width, lines), th.selected());
        }
        // In hospital: one badge across the home-visit deadlines instead of their cells.
        let badge = row.hospital.and_then(|since| {
            let (a, b) = paused_run(&cols)?;
            let w: u16 = cols[a..=b].iter().map(|(_, w)| *w).sum::<u16>() + (b - a) as u16;
            let x = xs[a];
            (x < right).then(|| (a, b, x, w.min(right - x), since))
        });
        if let Some((_, _, x, w, since)) = badge {
            put_line(
                buf,
                x,
                y,
                &hospital_badge(app, th, since, usize::from(w)),
                w,
            );
        }
        for (k, (c, w)) in cols.iter().enumerate() {
            if badge.is_some_and(|(a, b, ..)| (a..=b).contains(&k)) {
                continue;
            }
            let w = usize::from(*w);
            if *c == Column::Goals && lines > 1 {
                for (j, line) in goal_lines(app, th, s, row, w, usize::from(lines))
                    .iter()
                    .enumerate()
                {
                    put(buf, y + j as u16, k, line);
                }
            } else {
                put(buf, y, k, &cell_at(app, th, s, row, *c, w, detail[k]));
            }
        }
    }
}

/// The columns a hospital badge covers: the longest run of adjacent home-visit deadline
/// columns (assessment, GP, medication), else the goals column; `None` when the screen
/// shows none of them.
fn paused_run(cols: &[(Column, u16)]) -> Option<(usize, usize)> {
    let paused = |c: Column| matches!(c, Column::Assessment | Column::Gp | Column::Medication);
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < cols.len() {
        if paused(cols[i].0) {
            let mut j = i;
            while j + 1 < cols.len() && paused(cols[j + 1].0) {
                j += 1;
            }
            if best.is_none_or(|(a, b)| j - i > b - a) {
                best = Some((i, j));
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    best.or_else(|| {
        cols.iter()
            .position(|(c, _)| *c == Column::Goals)
            .map(|i| (i, i))
    })
}

/// The badge of a person in hospital since `since`, the longest wording that fits `w`.
/// A screen that may not show events (a corridor kiosk) says only that the deadlines are
/// on hold, not why.
pub fn hospital_badge(app: &App, th: &Theme, since: jiff::civil::Date, w: usize) -> Line<'static> {
    let h = crate::i18n::hospital_strings(app.config.language);
    let date = crate::domain::dates::fmt_short(since);
    let words: Vec<String> = if app.privacy().risks {
        h.badge.iter().map(|b| b.replace("{date}", &date)).collect()
    } else {
        h.on_hold.iter().map(|b| b.to_string()).collect()
    };
    let text = words
        .iter()
        .find(|t| width(t) <= w)
        .or(words.last())
        .map(|t| crate::domain::text::truncate(t, w))
        .unwrap_or_default();
    Line::from(Span::styled(text, th.badge()))
}

/// `Buffer::set_line`, with a fast path for spans made only of [`simple_char`]s: those are
/// written cell by cell without grapheme segmentation, which dominates drawing a full board.
/// Anything else (emoji, CJK, combining marks) goes through ratatui as usual.
fn put_line(buf: &mut ratatui::buffer::Buffer, x: u16, y: u16, line: &Line<'_>, w: u16) {
    let mut cx = x;
    let end = x.saturating_add(w);
    for span in &line.spans {
        if cx >= end {
            break;
        }
        let style = line.style.patch(span.style);
        if span.content.chars().all(simple_char) {
            let mut tmp = [0u8; 4];
            for c in span.content.chars() {
                if cx >= end {
                    break;
                }
                if let Some(cell) = buf.cell_mut((cx, y)) {
                    cell.set_symbol(c.encode_utf8(&mut tmp)).set_style(style);
                }
                cx += 1;
            }
        } else {
            let styled = Span::styled(span.content.as_ref(), style);
            let (nx, _) = buf.set_span(cx, y, &styled, end - cx);
            cx = nx;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_draws_exactly_what_ratatui_draws() {
        use ratatui::buffer::Buffer;
        use ratatui::style::{Color, Style};
        let red = Style::default().fg(Color::Red);
        for text in [
            "Åse Ødegård ✓ 20.10 ░░█ «Gå» ◌ ≈ –",
            "李小龍 Ørjan 👩\u{200d}⚕\u{fe0f} Nguyễn e\u{301}",
            "x",
            "",
        ] {
            let line = Line::from(vec![Span::styled(text, red), Span::raw(" tail ✗")]);
            for w in [0u16, 3, 10, 40] {
                let area = Rect::new(0, 0, 45, 1);
                let mut a = Buffer::empty(area);
                let mut b = Buffer::empty(area);
                a.set_line(2, 0, &line, w);
                put_line(&mut b, 2, 0, &line, w);
                assert_eq!(a, b, "{text:?} at width {w}");
            }
        }
    }

    #[test]
    fn every_title_fits_its_narrowest_column_whole() {
        use crate::config::Language;
        for lang in [Language::Nb, Language::En] {
            let s = strings(lang);
            for c in Column::ALL {
                let min = usize::from(spec(c, Hints::default()).0);
                let t = title(s, c, min);
                assert!(width(t) <= min, "{lang:?} {c:?}: {t:?} in {min}");
                assert!(!t.ends_with('…'), "{lang:?} {c:?}: {t:?}");
            }
        }
    }

    #[test]
    fn narrow_terminal_drops_low_priority_columns_and_fits() {
        let cols = layout_columns(&Column::ALL, 80);
        let names: Vec<Column> = cols.iter().map(|(c, _)| *c).collect();
        assert!(
            names.contains(&Column::Person)
                && names.contains(&Column::Gp)
                && names.contains(&Column::Day)
        );
        assert!(!names.contains(&Column::Contact));
        let total: u16 = cols.iter().map(|(_, w)| w).sum::<u16>() + cols.len() as u16 - 1;
        assert!(total <= 80, "{total}");
    }

    #[test]
    fn tv_size_shows_every_column_in_configured_order() {
        let cols = layout_columns(&Column::ALL, 200);
        let names: Vec<Column> = cols.iter().map(|(c, _)| *c).collect();
        assert_eq!(names, Column::ALL.to_vec());
        let total: u16 = cols.iter().map(|(_, w)| w).sum::<u16>() + cols.len() as u16 - 1;
        assert_eq!(total, 200);
    }
}
