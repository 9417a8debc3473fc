//! Next of kin (pårørende) on the editing board: the panel (`P`) and the detail pane's line
//! «Pårørende: Per (sønn) – med i målsetting ✓, evaluering –». Never drawn on a kiosk.

use super::theme::Theme;
use crate::app::kin::who;
use crate::app::{App, Mode};
use crate::domain::Level;
use crate::domain::kin::NextOfKin;
use crate::domain::text::sanitize;
use crate::i18n::intake_strings;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// ✓ when they took part, – when not.
fn mark(th: &Theme, b: bool) -> Span<'static> {
    if b {
        Span::styled(th.symbol(Level::Done), th.level(Level::Done))
    } else {
        Span::styled("–", th.dim())
    }
}

/// «Per (sønn) – med i målsetting ✓, evaluering –»
fn involvement(app: &App, th: &Theme, k: &NextOfKin) -> Vec<Span<'static>> {
    let t = intake_strings(app.config.language);
    // A board that hides names hides theirs too: the relation says who.
    let name = if app.privacy().names {
        who(k)
    } else if k.relation.trim().is_empty() {
        "?".to_string()
    } else {
        sanitize(&k.relation)
    };
    vec![
        Span::raw(format!("{name} – {} ", t.kin_in_goals)),
        mark(th, k.in_goal_setting),
        Span::raw(format!(", {} ", t.kin_in_eval)),
        mark(th, k.in_evaluation),
    ]
}

/// The detail pane's lines about next of kin (one per person): none when nobody is
/// recorded (the pane is long as it is; `P` says «ingen registrert»), none on a kiosk.
pub fn detail_lines(
    app: &App,
    th: &Theme,
    kin: &[NextOfKin],
    label_w: usize,
) -> Vec<Line<'static>> {
    if app.mode == Mode::Kiosk {
        return Vec::new();
    }
    let t = intake_strings(app.config.language);
    let label = |l: &str| Span::styled(format!("{l:<label_w$}"), th.strong());
    kin.iter()
        .enumerate()
        .map(|(i, k)| {
            let mut spans = vec![label(if i == 0 { t.kin_title } else { "" })];
            spans.extend(involvement(app, th, k));
            Line::from(spans)
        })
        .collect()
}

/// The panel's height for the selected stay.
pub fn panel_height(app: &App) -> u16 {
    let n = app
        .selected_stay()
        .map_or(0, |(_, s)| s.next_of_kin.len())
        .max(1);
    (n + 4) as u16
}

/// The next-of-kin panel for the selected stay.
pub fn draw_panel(frame: &mut Frame<'_>, area: Rect, app: &App, th: &Theme) {
    if app.mode == Mode::Kiosk {
        return;
    }
    let Some((row, stay)) = app.selected_stay() else {
        return;
    };
    let t = intake_strings(app.config.language);
    let mut lines = Vec::new();
    if stay.next_of_kin.is_empty() {
        lines.push(Line::styled(format!("  {}", t.kin_none), th.dim()));
    }
    for (i, k) in stay.next_of_kin.iter().enumerate() {
        let mut spans = vec![if i == app.cursor {
            Span::styled("▶ ", th.strong())
        } else {
            Span::raw("  ")
        }];
        spans.extend(involvement(app, th, k));
        if app.privacy().names && !k.phone.trim().is_empty() {
            spans.push(Span::styled(
                format!("  ☎ {}", sanitize(&k.phone)),
                th.dim(),
            ));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(t.keys_kin, th.dim()));
    let block = th.framed(format!(" {} · {} ", row.label, t.kin_title));
    super::boxed(frame, area, block, lines);
}
