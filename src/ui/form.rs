//! The form popup: one line per field, the focused one highlighted with a cursor, inline
//! errors under their field, and a preview of what a typed date means.

use super::theme::Theme;
use crate::app::form::{Field, Form, Input};
use crate::domain::dates::{fmt_date, parse_user_date};
use crate::domain::text::{sanitize, truncate, width};
use crate::i18n::{edit_strings, strings};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// Lines the form needs at `width` (fields, their errors, the wrapped form message, the
/// key hint and the border).
pub fn height(form: &Form, width: u16) -> u16 {
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let errors = form.fields.iter().filter(|f| f.error.is_some()).count();
    let msg = form
        .error
        .as_ref()
        .map_or(0, |m| 1 + (width_of(m) + 2).div_ceil(inner));
    // The discharge evaluation: its list of open items and a heading above each decision.
    let wrapped = |t: &str| wrap(t, inner).len();
    // An intro's own line breaks start new lines.
    let intro = form
        .intro
        .as_deref()
        .map_or(0, |t| t.split('\n').map(wrapped).sum::<usize>() + 1);
    let headings: usize = form
        .fields
        .iter()
        .filter_map(|f| f.heading.as_deref())
        .map(wrapped)
        .sum();
    let notice = usize::from(form.notice.is_some());
    (form.fields.len() + errors + msg + 4 + intro + headings + notice) as u16
}

/// `text` in lines of at most `w` cells, broken at spaces (a longer word is cut).
fn wrap(text: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut out = Vec::new();
    let mut cur = String::new();
    for word in text.split(' ') {
        if !cur.is_empty() && width(&cur) + 1 + width(word) > w {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    out.push(cur);
    out.into_iter().map(|l| truncate(&l, w)).collect()
}

fn width_of(s: &str) -> usize {
    crate::domain::text::width(s)
}

/// Draw `form` into `area` (already sized by the caller).
/// `who` is the person the form acts on, as this screen names them: the title says it, so
/// the form never leaves doubt about whose record it changes.
pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    form: &Form,
    who: Option<&str>,
    today: Date,
    th: &Theme,
) {
    let e = edit_strings(form.lang);
    let label_w = form
        .fields
        .iter()
        .map(|f| width(f.label))
        .max()
        .unwrap_or(0)
        + 2;
    let inner_w = usize::from(area.width.saturating_sub(2));
    let value_w = inner_w.saturating_sub(label_w + 2).max(4);
    let mut lines = Vec::new();
    // A form with a list of open items (the discharge evaluation) says first what is open
    // and what is missing, and scrolls to keep the focused field in view.
    if let Some(intro) = &form.intro {
        for l in intro.split('\n').flat_map(|p| wrap(&sanitize(p), inner_w)) {
            lines.push(Line::styled(l, th.strong()));
        }
        if let Some(msg) = &form.error {
            for l in wrap(&format!("⚠ {}", sanitize(msg)), inner_w) {
                lines.push(Line::styled(l, th.warn()));
            }
        }
        lines.push(Line::raw(""));
    }
    let mut focus_lines = (0, 0);
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let top = lines.len();
        if let Some(h) = &f.heading {
            let style = if focused { th.strong() } else { th.titles() };
            for l in wrap(&sanitize(h), inner_w) {
                lines.push(Line::styled(l, style));
            }
        }
        let marker = if focused { "▶ " } else { "  " };
        let label_style = if focused { th.strong() } else { th.dim() };
        let mut spans = vec![
            Span::styled(marker, th.strong()),
            Span::styled(format!("{:<w$}", f.label, w = label_w), label_style),
        ];
        spans.extend(value_spans(f, focused, value_w, today, form, th));
        lines.push(Line::from(clip(spans, inner_w)));
        if let Some(err) = &f.error {
            lines.push(Line::styled(
                format!("{:w$}⚠ {err}", "", w = label_w + 2),
                th.level(crate::domain::Level::Overdue),
            ));
        }
        // A warning, not an error: amber, and the form still saves.
        if let Some((_, note)) = form.notice.as_ref().filter(|(at, _)| *at == i) {
            lines.push(Line::styled(
                truncate(&format!("{:w$}{note}", "", w = label_w + 2), inner_w),
                th.warn(),
            ));
        }
        if focused {
            focus_lines = (top, lines.len());
        }
    }
    if let Some(msg) = form.error.as_ref().filter(|_| form.intro.is_none()) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("⚠ {msg}"), th.warn()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(e.keys_form, th.dim()));
    let title = match who {
        Some(name) => format!(" {name} · {} ", form.title),
        None => format!(" {} ", form.title),
    };
    let mut block = th.framed(title);
    let inner_h = usize::from(area.height.saturating_sub(2));
    let mut scroll = 0;
    if lines.len() > inner_h {
        // Keep the intro in view when the focused field fits under it; else scroll to it.
        let (top, bottom) = focus_lines;
        if bottom > inner_h {
            scroll = (bottom - inner_h).min(top);
        }
        scroll = scroll.min(lines.len() - inner_h);
        let more = if scroll + inner_h < lines.len() {
            "↓"
        } else {
            "↑"
        };
        block = block.title_bottom(Span::styled(format!(" {more} {} ", e.keys_form), th.dim()));
    }
    super::boxed_at(frame, area, block, lines, scroll as u16);
}

fn value_spans(
    f: &Field,
    focused: bool,
    w: usize,
    today: Date,
    form: &Form,
    th: &Theme,
) -> Vec<Span<'static>> {
    let input_style = if focused {
        Style::default().add_modifier(Modifier::UNDERLINED)
    } else {
        Style::default()
    };
    match &f.input {
        Input::Choice { options, index } => {
            let label = options
                .get(*index)
                .map(|o| sanitize(&o.1))
                .unwrap_or_default();
            let text = if focused {
                format!("◀ {label} ▶")
            } else {
                label
            };
            vec![Span::styled(truncate(&text, w), input_style)]
        }
        Input::Text { value, cursor, .. } | Input::Date { value, cursor, .. } => {
            let mut spans = cursor_spans(value, *cursor, focused, w, input_style);
            let value = sanitize(value);
            if focused && let Some(c) = f.completion() {
                let rest: String = c.chars().skip(value.chars().count()).collect();
                spans.push(Span::styled(
                    format!("{rest}  ({})", edit_strings(form.lang).suggestion),
                    th.dim(),
                ));
            }
            if let Input::Date { .. } = f.input
                && !value.trim().is_empty()
                && let Ok(d) = parse_user_date(&value, today)
            {
                let s = strings(form.lang);
                let wd = s.weekdays[d.weekday().to_monday_zero_offset() as usize];
                spans.push(Span::styled(format!("  = {wd} {}", fmt_date(d)), th.dim()));
            }
            spans
        }
    }
}

/// The text with a visible block cursor, scrolled so the cursor stays in view, in at most
/// `w` cells (measured as drawn: wide characters count two). `cursor` counts chars of the
/// raw `value`; each part is sanitised on its own so the cursor stays on the char it is on.
fn cursor_spans(
    value: &str,
    cursor: usize,
    focused: bool,
    w: usize,
    style: Style,
) -> Vec<Span<'static>> {
    let chars: Vec<char> = value.chars().collect();
    let cursor = cursor.min(chars.len());
    let part = |r: &[char]| sanitize(&r.iter().collect::<String>());
    let at = chars
        .get(cursor)
        .map(|c| part(std::slice::from_ref(c)))
        .filter(|a| width(a) > 0)
        .unwrap_or_else(|| " ".to_string());
    // Keep the cursor, and one cell after it, within the visible width.
    let budget = w.saturating_sub(width(&at) + 1);
    let mut start = cursor;
    while start > 0 && width(&part(&chars[start - 1..cursor])) <= budget {
        start -= 1;
    }
    if width(&part(&chars[start..cursor])) > budget {
        start += 1;
    }
    let before = part(&chars[start..cursor]);
    if !focused {
        return vec![Span::styled(truncate(&part(&chars[start..]), w), style)];
    }
    let after = chars.get(cursor + 1..).map_or(String::new(), part);
    let left = w.saturating_sub(width(&before) + width(&at));
    vec![
        Span::styled(before, style),
        Span::styled(at, style.add_modifier(Modifier::REVERSED)),
        Span::styled(truncate(&after, left), style),
    ]
}

/// `spans` cut to at most `w` cells, so a field's line never wraps into the next one.
fn clip(spans: Vec<Span<'static>>, w: usize) -> Vec<Span<'static>> {
    let mut left = w;
    let mut out = Vec::with_capacity(spans.len());
    for sp in spans {
        if left == 0 {
            break;
        }
        let t = truncate(&sp.content, left);
        left -= width(&t);
        out.push(Span::styled(t, sp.style));
    }
    out
}
