//! Footer (legend and the keys that apply now), the help overlay and the empty state.

use super::theme::Theme;
use crate::app::{App, Mode, Overlay};
use crate::domain::Level;
use crate::i18n::strings;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The keys that apply in the current state, as one line of text that fits `width`
/// (the board's own list has a short form for narrow screens).
pub fn keys_now(app: &App, width: u16) -> String {
    let keys = keys_full(app);
    let s = strings(app.config.language);
    let keys = if keys == s.keys_board && crate::domain::text::width(keys) + 2 > usize::from(width)
    {
        s.keys_board_short
    } else {
        keys
    };
    fit_keys(keys, usize::from(width).saturating_sub(2))
}

/// A `a · b · c · d` key list in at most `w` cells: items are dropped from the middle,
/// never the first (what moves on) or the last (how to leave).
pub fn fit_keys(keys: &str, w: usize) -> String {
    use crate::domain::text::width;
    let mut items: Vec<&str> = keys.split(" · ").collect();
    while width(&items.join(" · ")) > w && items.len() > 2 {
        items.remove(items.len() - 2);
    }
    items.join(" · ")
}

/// Lines the footer needs at `width`: two when a message does not fit on one.
pub fn footer_height(app: &App, width: u16) -> u16 {
    let status = match &app.status {
        Some(st) if crate::domain::text::width(&st.text) + 3 > usize::from(width) => 2,
        _ => 1,
    };
    // The kiosk keeps its legend's lines while a message shows: the rows stay put.
    if app.mode == Mode::Kiosk {
        status.max(super::legend::kiosk_height(app, width))
    } else {
        status
    }
}

fn keys_full(app: &App) -> &'static str {
    let s = strings(app.config.language);
    let e = crate::i18n::edit_strings(app.config.language);
    if app.mode == Mode::Kiosk {
        return s.keys_kiosk;
    }
    if app.form.is_some() {
        return e.keys_form;
    }
    if app.standup.is_some() && app.overlay == Overlay::None {
        return crate::i18n::standup_strings(app.config.language).keys;
    }
    if let Some(f) = &app.fagmote
        && app.overlay == Overlay::None
    {
        let t = crate::i18n::fagmote_strings(app.config.language);
        return match &f.hold {
            Some(_) if f.confirm_end => {
                crate::i18n::fagmote_review_strings(app.config.language).keys_confirm_end
            }
            None => t.keys_plan,
            Some(h) if matches!(h.step(), Some((crate::domain::fagmote::Step::Evaluate, _))) => {
                t.keys_hold_evaluate
            }
            Some(_) => t.keys_hold,
        };
    }
    match app.overlay {
        Overlay::Detail => s.keys_detail,
        Overlay::Goals => e.keys_goals,
        Overlay::FollowUps => e.keys_follow_ups,
        Overlay::Risks => e.keys_risks,
        Overlay::Events => crate::i18n::event_strings(app.config.language).keys_events,
        Overlay::Attendance if app.fagmote.is_some() => {
            crate::i18n::fagmote_review_strings(app.config.language).keys_attendance
        }
        Overlay::Attendance => crate::i18n::event_strings(app.config.language).keys_attendance,
        Overlay::Confirm(_) => e.keys_confirm,
        Overlay::Indicators => crate::i18n::standup_strings(app.config.language).keys_indicators,
        Overlay::Archive => {
            let d = crate::i18n::discharge_strings(app.config.language);
            match &app.archive {
                Some(a) if a.confirm => e.keys_confirm,
                Some(a) if a.detail => d.keys_archive_detail,
                _ => d.keys_archive,
            }
        }
        Overlay::Kin => crate::i18n::intake_strings(app.config.language).keys_kin,
        Overlay::Referrals => {
            let t = crate::i18n::intake_strings(app.config.language);
            if app.intake.confirm {
                t.keys_confirm
            } else {
                t.keys
            }
        }
        Overlay::Help | Overlay::None => s.keys_board,
    }
}

/// Legend (or the last message) on the left, keys on the right.
pub fn footer(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    let s = strings(app.config.language);
    if let Some(st) = &app.status {
        let style = if st.error {
            th.level(Level::Overdue)
        } else {
            th.level(Level::Done)
        };
        let mark = if st.error { "⚠" } else { "✓" };
        let msg = format!(" {mark} {}", st.text);
        let keys = keys_now(app, area.width);
        let line = if crate::domain::text::width(&msg) + 3 + crate::domain::text::width(&keys)
            <= usize::from(area.width)
        {
            Line::from(vec![
                Span::styled(msg, style),
                Span::raw("   "),
                Span::styled(keys, th.dim()),
            ])
        } else {
            // The message is what matters now; it wraps (the footer grew to hold it).
            Line::styled(msg, style)
        };
        frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), area);
        return;
    }
    if app.mode == Mode::Kiosk {
        // No help key on a kiosk: the footer itself explains every mark on the board.
        let lines = super::legend::kiosk_lines(app, th, area.width);
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    for (lvl, word) in [
        (Level::Done, s.legend_done),
        (Level::Ok, s.legend_ok),
        (Level::DueSoon, s.legend_soon),
        (Level::Overdue, s.legend_overdue),
    ] {
        spans.push(Span::styled(th.symbol(lvl), th.level(lvl)));
        spans.push(Span::raw(format!(" {word}  ")));
    }
    // One space always separates the legend from the keys.
    let keys_w = crate::domain::text::width(&keys_now(app, area.width)) + 1;
    let base_w: usize = spans.iter().map(|s| s.width()).sum();
    // The keys matter more than the rarer legend entries: those come only where they fit.
    let extras = vec![
        Span::raw(format!("{} {}  ", th.delay_mark(), s.delay_known)),
        Span::styled("3d!", th.stale()),
        Span::raw(format!(" {}  ", s.stale)),
        Span::styled(th.collide_mark(), th.warn()),
        Span::raw(format!(" {}  ", s.same_initials)),
        Span::styled(th.undiscussed_mark(), th.stale()),
        Span::raw(format!(" {}  ", s.not_discussed)),
    ];
    // The event mark is explained whenever a row shows it and there is room for it.
    let mut event_legend = vec![
        Span::styled(th.event_mark(), th.warn()),
        Span::raw(format!(
            " {}",
            crate::i18n::event_strings(app.config.language).legend_new
        )),
    ];
    let marked = app.privacy().risks && app.rows.iter().any(|r| r.new_events > 0);
    let event_w: usize = event_legend.iter().map(|s| s.width()).sum();
    let t = crate::i18n::fagmote_strings(app.config.language);
    let mut extras = extras;
    // The fagmøte's marks, only when the board shows one (they mean nothing otherwise).
    if app.rows.iter().any(|r| r.measure.is_some()) {
        extras.push(Span::raw("  "));
        extras.push(Span::styled(th.measure_mark(), th.level(Level::DueSoon)));
        extras.push(Span::raw(format!(" {}/", t.legend_due)));
        extras.push(Span::styled(th.measure_mark(), th.level(Level::Overdue)));
        extras.push(Span::raw(format!(" {}", t.legend_overdue)));
    }
    if app.rows.iter().any(|r| r.case_next) {
        extras.push(Span::raw("  "));
        extras.push(Span::styled(th.case_mark(), th.titles_plain()));
        extras.push(Span::raw(format!(" {}", t.legend_case)));
    }
    let extras_w: usize = extras.iter().map(|s| s.width()).sum();
    let room = usize::from(area.width);
    let event_w = if marked { event_w } else { 0 };
    if area.width >= 120 && room >= base_w + extras_w + event_w + keys_w {
        spans.extend(extras);
        if marked {
            spans.append(&mut event_legend);
        }
    } else if area.width >= 120 && room >= base_w + extras_w + keys_w {
        spans.extend(extras);
    } else if marked && area.width >= 100 && room >= base_w + event_w + keys_w {
        spans.append(&mut event_legend);
    }
    let legend_w: usize = spans.iter().map(|s| s.width()).sum();
    let keys = keys_now(app, area.width);
    if legend_w + keys_w > usize::from(area.width) {
        // Too narrow for both: the keys alone.
        spans = vec![Span::raw(" ")];
        let pad = usize::from(area.width).saturating_sub(keys_w + 1);
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(keys, th.dim()));
    } else {
        spans.push(Span::raw(
            " ".repeat(usize::from(area.width) - legend_w - keys_w),
        ));
        spans.push(Span::styled(format!(" {keys}"), th.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The friendly empty board.
pub fn empty_state(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    let s = strings(app.config.language);
    let hint = match app.mode {
        Mode::Edit => s.empty_hint_edit,
        Mode::Kiosk => s.empty_hint_kiosk,
    };
    let top = area.height.saturating_sub(3) / 2;
    let mut lines: Vec<Line> = (0..top).map(|_| Line::raw("")).collect();
    lines.push(Line::styled(s.empty_title, th.strong()));
    lines.push(Line::raw(""));
    lines.extend(hint.lines().map(Line::raw));
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// Every key, per mode.
pub fn help_lines(app: &App) -> Vec<(&'static str, &'static str)> {
    let s = strings(app.config.language);
    let t = crate::i18n::fagmote_strings(app.config.language);
    let marks = [t.help_marks];
    match app.mode {
        Mode::Kiosk => {
            let mut v = s.help_kiosk.to_vec();
            v.extend(marks);
            v
        }
        Mode::Edit => {
            let mut v = s.help_board.to_vec();
            // The intake keys go after the archive's (`A`), else at the end.
            let at = v
                .iter()
                .position(|(k, _)| *k == "A")
                .map_or(v.len(), |i| i + 1);
            let extra = crate::i18n::intake_strings(app.config.language).help;
            v.splice(at..at, extra.iter().copied());
            v.extend_from_slice(crate::i18n::event_strings(app.config.language).help);
            v.push(("F", t.help_key));
            v.extend(t.help_mode.iter().copied());
            v.extend(marks);
            v
        }
    }
}

/// The help overlay. On a short screen it scrolls (↑/↓), and says so in its border.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    let title = strings(app.config.language).help_title;
    let key_w = 22;
    let inner_w = usize::from(area.width.saturating_sub(2));
    let text_w = inner_w.saturating_sub(key_w).max(10);
    // Wrap descriptions under their own column, so keys stay easy to scan.
    let mut lines: Vec<Line> = Vec::new();
    for (k, v) in help_lines(app) {
        let mut first = true;
        for chunk in wrap_words(v, text_w) {
            let key = if first { k } else { "" };
            first = false;
            lines.push(Line::from(vec![
                Span::styled(format!("{key:<key_w$}"), th.strong()),
                Span::raw(chunk),
            ]));
        }
    }
    super::boxed_scrolling(frame, area, th.framed(title), lines, app.scroll, "↑/↓", th);
}

/// Split `text` into lines of at most `w` cells at spaces.
fn wrap_words(text: &str, w: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for word in text.split(' ') {
        let needed = crate::domain::text::width(&cur) + 1 + crate::domain::text::width(word);
        if !cur.is_empty() && needed > w {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    out.push(cur);
    out
}
