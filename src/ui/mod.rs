//! Rendering: pure functions from [`App`] state to a frame. No I/O here.

mod archive;
mod bigtext;
pub mod capacity;
mod cells;
mod detail;
mod events;
pub mod fagmote;
pub mod fidelity;
mod form;
mod header;
mod help;
pub mod indicators;
pub mod integrity;
mod kin;
mod legend;
mod panels;
mod referrals;
mod standup;
mod table;
pub use table::Marks;
pub mod theme;

use crate::app::{App, Overlay};
use crate::i18n::strings;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// Smallest terminal the board draws into.
pub const MIN_SIZE: (u16, u16) = (40, 8);

/// Rows of stays that fit at `size` (header, column titles and footer take three lines;
/// an error banner takes one more).
pub fn rows_per_page(size: (u16, u16), banner: bool) -> usize {
    usize::from(size.1)
        .saturating_sub(3 + usize::from(banner))
        .max(1)
}

/// Lines the footer takes beyond its usual one: the kiosk's legend may need more to
/// explain every mark the board shows. The app pages its rows with this.
pub fn footer_extra(app: &App) -> usize {
    if app.mode == crate::app::Mode::Kiosk {
        usize::from(legend::kiosk_height(app, app.size.0).saturating_sub(1))
    } else {
        0
    }
}

/// The standing warning for a database on a network filesystem, short when it does not fit.
fn network_fs_banner(app: &App, n: &crate::store::NetworkFs, width: u16) -> String {
    let d = crate::i18n::deploy_strings(app.config.language);
    let mount = n.mount_point.display().to_string();
    let full = d
        .network_fs
        .replace("{fs}", &n.fs_type)
        .replace("{mount}", &mount);
    if crate::domain::text::width(&full) <= usize::from(width) {
        full
    } else {
        d.network_fs_short.replace("{fs}", &n.fs_type)
    }
}

/// Draw the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    let th = theme::Theme::new(&app.config);
    let s = strings(app.config.language);
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        frame.render_widget(
            Paragraph::new(s.too_small)
                .style(th.warn())
                .wrap(Wrap { trim: true }),
            area,
        );
        integrity::finish(frame.buffer_mut(), th.is_ascii());
        return;
    }
    let banner = app.has_banner();
    // An error banner comes before the forecast: what is wrong now outranks planning.
    let [head, ban, cap, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(banner)),
        Constraint::Length(u16::from(app.forecast_line())),
        Constraint::Min(1),
        Constraint::Length(help::footer_height(app, area.width)),
    ])
    .areas(area);
    header::draw(frame, head, app, &th);
    if app.forecast_line() {
        capacity::draw(frame, cap, app, &th);
    }
    if banner {
        let text = match (&app.config_error, &app.config_missing, &app.db_error) {
            // Losing the database outranks every other banner: nothing more is saved.
            _ if app.db_replaced => crate::i18n::edit_strings(app.config.language)
                .db_replaced
                .to_string(),
            (Some(c), _, _) => {
                let lang = app.config.language;
                let w = crate::i18n::wording_strings(lang);
                // On the built-in defaults (a file broken since start) «last good config»
                // would be untrue; the same defaults as the last good one say both.
                let lead = if app.config == crate::config::Config::default() {
                    w.config_error_defaults
                } else {
                    s.config_error
                };
                let full = format!("{lead}: {}", c.localized(lang));
                if crate::domain::text::width(&full) <= usize::from(ban.width) {
                    full
                } else {
                    format!("{}: {}", w.config_error_short, c.localized_short(lang))
                }
            }
            (None, Some(p), _) => {
                let path = crate::domain::text::sanitize(&p.display().to_string());
                let full = s.config_missing.replace("{path}", &path);
                if crate::domain::text::width(&full) <= usize::from(ban.width) {
                    full
                } else {
                    s.config_missing_short.replace("{path}", &path)
                }
            }
            (None, None, Some(d)) => format!("{}: {d}", s.db_error),
            _ => match &app.network_fs {
                Some(n) => network_fs_banner(app, n, ban.width),
                None => String::new(),
            },
        };
        // Error texts carry paths and names from outside: shown, never interpreted.
        let text = crate::domain::text::sanitize(&text);
        frame.render_widget(Paragraph::new(Line::from(text)).style(th.banner()), ban);
    }
    if let Some(f) = &app.fagmote {
        fagmote::draw(frame, body, app, f, &th);
    } else if app.rows.is_empty() {
        help::empty_state(frame, body, app, &th);
    } else if let Some(st) = &app.standup {
        standup::draw(frame, body, app, st, &th);
    } else {
        table::draw(frame, body, app, &th);
    }
    help::footer(frame, foot, app, &th);
    match app.overlay {
        Overlay::Detail => detail::draw(frame, popup(area, 90, 90), app, &th),
        Overlay::Help => help::draw(frame, popup(area, 70, 80), app, &th),
        Overlay::Goals
        | Overlay::FollowUps
        | Overlay::Risks
        | Overlay::Events
        | Overlay::Attendance => {
            // The key hint may need a second row on a narrow screen.
            let inner = usize::from(area.width.min(100).saturating_sub(2)).max(1);
            let hint = crate::domain::text::width(panels::keys_hint(app)).div_ceil(inner);
            let h = (app.panel_len().max(1) + 3 + hint.max(1)) as u16;
            panels::draw(frame, centred(area, 100, h), app, &th);
        }
        Overlay::Confirm(what) => panels::confirm(frame, centred(area, 70, 7), app, what, &th),
        Overlay::Indicators => {
            if let Some(r) = &app.report {
                indicators::draw(frame, popup(area, 95, 95), r, &app.config, &th, app.scroll);
            }
        }
        Overlay::Archive => archive::draw(frame, popup(area, 95, 95), app, &th),
        Overlay::Kin => {
            kin::draw_panel(frame, centred(area, 100, kin::panel_height(app)), app, &th)
        }
        Overlay::Referrals => referrals::draw(frame, popup(area, 95, 95), app, &th),
        Overlay::None => {}
    }
    if let Some(sum) = &app.summary {
        standup::summary(
            frame,
            centred(area, 80, standup::summary_height(sum)),
            app,
            sum,
            &th,
        );
    }
    if let Some(f) = &app.form {
        let w = 90.min(area.width);
        // The person the form acts on, by the name this screen shows.
        let who = match f.target {
            crate::store::write::Target::Stay { id, .. } => app
                .rows
                .iter()
                .find(|r| app.stays.get(r.stay).is_some_and(|s| s.id == id))
                .map(|r| r.label.clone()),
            _ => None,
        };
        let mut at = centred(area, w, form::height(f, w));
        // Keep the selected row in sight: move the form below it, or above it.
        if app.standup.is_none()
            && app.fagmote.is_none()
            && !app.rows.is_empty()
            && let Some(y) = table::selected_y(app, body)
            && (at.y..at.y + at.height).contains(&y)
        {
            let below = (body.y + body.height).saturating_sub(y + 1);
            let above = y.saturating_sub(area.y);
            if at.height <= below {
                at.y = y + 1;
            } else if at.height <= above {
                at.y = y - at.height;
            } else if below.max(above) >= MIN_FORM_H {
                // Too tall for either side: it takes the larger side and scrolls inside.
                if below >= above {
                    (at.y, at.height) = (y + 1, below);
                } else {
                    (at.y, at.height) = (area.y, above);
                }
            }
        }
        form::draw(frame, at, f, who.as_deref(), app.today(), &th);
    }
    integrity::finish(frame.buffer_mut(), th.is_ascii());
}

/// A centred box at most `w` columns wide and `h` rows high.
/// The least height a form is squeezed to so that the selected row stays in sight.
const MIN_FORM_H: u16 = 9;

fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A centred rectangle of `pw`% × `ph`% of `area`, full size on small screens.
fn popup(area: Rect, pw: u16, ph: u16) -> Rect {
    if area.width < 100 || area.height < 30 {
        return area;
    }
    let w = area.width * pw / 100;
    let h = area.height * ph / 100;
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draw `lines` in `block` over whatever is below, wrapped at the box's width.
fn boxed(frame: &mut Frame<'_>, area: Rect, block: Block<'static>, lines: Vec<Line<'_>>) {
    let lines = hang_all(lines, area.width.saturating_sub(2).into());
    boxed_at(frame, area, block, lines, 0);
}

fn hang_all(lines: Vec<Line<'_>>, w: usize) -> Vec<Line<'_>> {
    lines.into_iter().flat_map(|l| hang_wrap(l, w)).collect()
}

/// A line wider than `w`, wrapped so that every further row starts under its second span
/// (a label column, a symbol, a time stamp): wrapped text never runs back under the label.
/// Words keep their styles. A line of one span, or with a first span half as wide as the
/// box, is left to the paragraph's own wrapping.
pub fn hang_wrap(line: Line<'_>, w: usize) -> Vec<Line<'_>> {
    use crate::domain::text::width;
    if line.width() <= w || line.spans.len() < 2 || w == 0 {
        return vec![line];
    }
    let indent = line.spans[0].width();
    if indent * 2 >= w {
        return vec![line];
    }
    let avail = w - indent;
    let head = line.spans[0].clone();
    let mut rows: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0usize;
    for span in &line.spans[1..] {
        for piece in span.content.split_inclusive(' ') {
            let word_w = width(piece.trim_end());
            if used > 0 && used + word_w > avail {
                rows.push(Vec::new());
                used = 0;
            }
            let mut piece = if used == 0 {
                piece.trim_start().to_string()
            } else {
                piece.to_string()
            };
            // A word longer than a row is cut where the row ends.
            while width(piece.trim_end()) > avail - used {
                let head_part = cells::truncate_plain(&piece, (avail - used).max(1));
                if head_part.is_empty() {
                    break;
                }
                piece = piece[head_part.len()..].to_string();
                rows.last_mut()
                    .expect("at least one row")
                    .push(Span::styled(head_part, span.style));
                rows.push(Vec::new());
                used = 0;
            }
            used += width(&piece);
            rows.last_mut()
                .expect("at least one row")
                .push(Span::styled(piece, span.style));
        }
    }
    rows.into_iter()
        .enumerate()
        .filter(|(i, r)| *i == 0 || !r.is_empty())
        .map(|(i, mut r)| {
            // A row's trailing space would make the paragraph wrap it once more.
            if let Some(last) = r.last_mut() {
                let t = last.content.trim_end().to_string();
                last.content = t.into();
            }
            let lead = if i == 0 {
                head.clone()
            } else {
                Span::raw(" ".repeat(indent))
            };
            let mut spans = vec![lead];
            spans.extend(r);
            Line::from(spans).style(line.style)
        })
        .collect()
}

/// Like [`boxed`], scrolled down `scroll` lines (clamped to the content). When the content
/// does not fit, the bottom border shows which way there is more and the `keys` that scroll.
fn boxed_scrolling(
    frame: &mut Frame<'_>,
    area: Rect,
    mut block: Block<'static>,
    lines: Vec<Line<'_>>,
    scroll: u16,
    keys: &str,
    th: &theme::Theme,
) {
    let lines = hang_all(lines, area.width.saturating_sub(2).into());
    let inner_h = usize::from(area.height.saturating_sub(2));
    let max_scroll = lines.len().saturating_sub(inner_h) as u16;
    let scroll = scroll.min(max_scroll);
    if max_scroll > 0 {
        let more = if scroll < max_scroll { "↓" } else { "↑" };
        block = block.title_bottom(Span::styled(format!(" {more} {keys} "), th.dim()));
    }
    boxed_at(frame, area, block, lines, scroll);
}

fn boxed_at(
    frame: &mut Frame<'_>,
    area: Rect,
    block: Block<'static>,
    lines: Vec<Line<'_>>,
    scroll: u16,
) {
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
