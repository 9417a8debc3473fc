//! The referral queue (henvisninger): waiting first, then accepted and not yet admitted,
//! then the last month's decisions, one line each, with the «legg inn?» question.

use super::theme::Theme;
use crate::app::App;
use crate::domain::Level;
use crate::domain::dates::{days_between, fmt_short};
use crate::domain::referral::{QueuePart, Referral, Verdict, queue_part};
use crate::domain::text::{has_visible, sanitize, truncate, width};
use crate::i18n::intake_strings;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// How the queue names a person: as the editing board does (name, or initials when the
/// board hides names).
pub fn shown_name(app: &App, r: &Referral) -> String {
    let name = if app.privacy().names {
        sanitize(&r.name)
    } else {
        sanitize(&crate::domain::initials::derive(&r.name))
    };
    if has_visible(&name) {
        name
    } else {
        "?".to_string()
    }
}

fn pad(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let n = width(&t);
    format!("{t}{}", " ".repeat(w.saturating_sub(n)))
}

/// Draw the queue into `area`.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    let lang = app.config.language;
    let t = intake_strings(lang);
    let today = app.today();
    let intake = &app.intake;
    let inner_w = usize::from(area.width.saturating_sub(2));
    let inner_h = usize::from(area.height.saturating_sub(2));
    let order = intake.order(today);
    let block = th
        .framed(format!(" {} ({}) ", t.title, order.len()))
        .title_bottom(Span::styled(
            format!(
                " {} ",
                super::help::fit_keys(
                    if intake.confirm {
                        t.keys_confirm
                    } else {
                        t.keys
                    },
                    inner_w.saturating_sub(2)
                )
            ),
            th.dim(),
        ));
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut selected_line = 0usize;
    if !intake.loaded {
        lines.push(Line::styled(format!(" {}", t.loading), th.dim()));
    } else if order.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::raw(format!(" {}", t.empty)));
    }
    // Columns: name, source, received, status; the rest (group, note) where room is left.
    let name_w = (inner_w / 4).clamp(12, 28);
    let source_w = if inner_w >= 100 { 19 } else { 11 };
    let received_w = 14;
    let cursor = intake.cursor(today);
    let mut part: Option<QueuePart> = None;
    for (pos, &i) in order.iter().enumerate() {
        let r = &intake.referrals[i];
        let p = queue_part(r, today);
        if p != part {
            part = p;
            let heading = match p {
                Some(QueuePart::Waiting) => t.part_waiting,
                Some(QueuePart::Accepted) => t.part_accepted,
                _ => t.part_recent,
            };
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(format!(" {heading}"), th.titles()));
        }
        let sel = pos == cursor;
        if sel {
            selected_line = lines.len();
        }
        let (status, level) = match (r.decision, r.stay_id) {
            (Verdict::Waiting, _) => (
                // Days as everywhere on the board: «venter 3d» (as «3d igjen»).
                format!(
                    "{} {}{}",
                    t.waited,
                    days_between(r.received_on, today).max(0),
                    crate::i18n::strings(lang).days_short
                ),
                Some(Level::DueSoon),
            ),
            (Verdict::Accepted, None) => (
                format!(
                    "{} {}",
                    t.planned,
                    r.planned_admission.map(fmt_short).unwrap_or_default()
                ),
                Some(Level::Ok),
            ),
            (Verdict::Accepted, Some(_)) => (
                format!(
                    "{} {}",
                    t.admitted,
                    r.planned_admission.map(fmt_short).unwrap_or_default()
                ),
                Some(Level::Done),
            ),
            (Verdict::Declined, _) => (
                format!(
                    "{} {} – {}",
                    t.declined,
                    r.decided_on.map(fmt_short).unwrap_or_default(),
                    sanitize(&r.decline_reason)
                ),
                None,
            ),
        };
        let group = app
            .config
            .target_groups
            .iter()
            .find(|g| g.key == r.target_group)
            .map(|g| g.label.get(lang).to_string())
            .unwrap_or_else(|| sanitize(&r.target_group));
        let mark = if sel { "▶ " } else { "  " };
        let mut spans = vec![
            Span::raw(format!(" {mark}")),
            Span::styled(pad(&shown_name(app, r), name_w), th.strong()),
            Span::raw(" "),
            Span::raw(pad(t.source(r.source), source_w)),
            Span::raw(" "),
            Span::styled(
                pad(
                    &format!("{} {}", t.received, fmt_short(r.received_on)),
                    received_w,
                ),
                th.dim(),
            ),
            Span::raw(" "),
        ];
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let rest = inner_w.saturating_sub(used);
        let status = truncate(&status, rest);
        let status_w = width(&status);
        spans.push(Span::styled(
            status,
            level.map_or(Style::new(), |l| th.level(l)),
        ));
        let mut tail = String::new();
        if !group.is_empty() {
            tail.push_str(&format!(" · {group}"));
        }
        if has_visible(&r.note) {
            tail.push_str(&format!(" · {}", sanitize(&r.note)));
        }
        let room = rest.saturating_sub(status_w);
        if room > 4 && !tail.is_empty() {
            spans.push(Span::styled(truncate(&tail, room), th.dim()));
        }
        let mut line = Line::from(spans);
        if sel {
            line = line.style(th.selected());
        }
        lines.push(line);
    }
    if intake.confirm
        && let Some(r) = intake.selected_referral(today)
    {
        let q = t
            .confirm_admit
            .replace("{name}", &shown_name(app, r))
            .replace(
                "{date}",
                &r.planned_admission
                    .map(crate::domain::dates::fmt_date)
                    .unwrap_or_default(),
            );
        lines.push(Line::raw(""));
        let mut q = vec![Line::from(vec![Span::raw(" "), Span::styled(q, th.warn())])];
        // Over capacity: said before anyone says yes, in one line.
        if let Some(w) = intake.admit.as_ref().and_then(|p| p.warning.as_ref()) {
            let h = crate::i18n::hospital_strings(lang);
            q.push(Line::from(vec![
                Span::raw(" "),
                Span::styled(
                    format!("{w} {}", h.admit_anyway),
                    th.level(crate::domain::Level::Overdue),
                ),
            ]));
        }
        lines.extend(super::hang_all(q, inner_w));
        lines.push(Line::styled(format!(" {}", t.keys_confirm), th.warn()));
        selected_line = lines.len() - 1;
    }
    // Keep the selected line (or the question) in sight.
    let scroll = selected_line.saturating_sub(inner_h.saturating_sub(1)) as u16;
    super::boxed_at(frame, area, block, lines, scroll);
}
