//! The indicators view's model fidelity and goal-score figures: each element's share met
//! (with its 1–5 score), all met, the total score, the months' trend of «all met», and the
//! person's own goal scores: the same numbers as `tavle report`.

use super::{DASH, Figure, Row, decimal};
use crate::config::Config;
use crate::domain::fidelity::Element;
use crate::i18n::fidelity_strings;
use crate::report::Report;

/// The figure rows, appended under the outcome figures.
pub(super) fn rows(report: &Report, config: &Config, ascii: bool) -> Vec<Row> {
    let sep = if ascii { "|" } else { "·" };
    let lang = config.language;
    let w = fidelity_strings(lang);
    let f = &report.fidelity;
    let mut out = Vec::new();
    let mut push = |figure, optional| out.push(Row { figure, optional });
    push(Figure::Blank, true);
    push(
        Figure::Heading(w.rep_title.replace("{n}", &f.stays.to_string())),
        false,
    );
    for e in Element::ALL {
        let sh = f.element(e);
        let mut note = format!(
            "{} {}",
            w.rep_score,
            sh.score.map_or(DASH.to_string(), |n| n.to_string())
        );
        if sh.late > 0 {
            note = format!("{note} {sep} {} {}", sh.late, w.rep_late);
        }
        push(
            Figure::Share {
                label: w.element(e).to_string(),
                share: sh.share,
                note,
            },
            false,
        );
    }
    push(
        Figure::Share {
            label: w.rep_all_met.to_string(),
            share: f.all_met,
            note: String::new(),
        },
        false,
    );
    push(
        Figure::Value {
            label: w.rep_total.to_string(),
            value: w
                .rep_total_value
                .replace("{t}", &f.total_score.to_string())
                .replace("{m}", &f.max_score.to_string()),
        },
        false,
    );
    // The trend: every element met, month by month.
    for m in &report.fidelity_months {
        push(
            Figure::Share {
                label: format!(
                    "  {} – {}",
                    m.month,
                    crate::i18n::lower_first(w.rep_all_met)
                ),
                share: m.fidelity.all_met,
                note: if m.fidelity.max_score == 0 {
                    String::new()
                } else {
                    format!(
                        "{} {}",
                        w.rep_score,
                        w.rep_total_value
                            .replace("{t}", &m.fidelity.total_score.to_string())
                            .replace("{m}", &m.fidelity.max_score.to_string())
                    )
                },
            },
            true,
        );
    }
    let g = &report.goal_scores;
    push(Figure::Blank, true);
    push(Figure::Heading(w.rep_goal_title.to_string()), false);
    push(
        Figure::Value {
            label: w.rep_with_both.to_string(),
            value: format!("{} {} {}", g.with_both, w.of, g.goals),
        },
        false,
    );
    push(
        Figure::Value {
            label: w.rep_mean_change.to_string(),
            value: g.mean_change.map_or(DASH.to_string(), |m| {
                let sign = if m > 0.0 { "+" } else { "" };
                format!("{sign}{} {}", decimal(m, lang), w.rep_points)
            }),
        },
        false,
    );
    push(
        Figure::Share {
            label: w.rep_improved.replace("{n}", &g.improved_by.to_string()),
            share: g.improved,
            note: String::new(),
        },
        false,
    );
    out
}

/// One line for a screen with no room for the figures: the total score, every element met,
/// and the mean goal-score change.
pub(super) fn summary(report: &Report, config: &Config, ascii: bool) -> String {
    let sep = if ascii { "|" } else { "·" };
    let lang = config.language;
    let w = fidelity_strings(lang);
    let f = &report.fidelity;
    let mut t = format!(
        "{}: {} {} {sep} {} {}/{}",
        w.title,
        crate::i18n::lower_first(w.rep_total),
        w.rep_total_value
            .replace("{t}", &f.total_score.to_string())
            .replace("{m}", &f.max_score.to_string()),
        crate::i18n::lower_first(w.rep_all_met),
        f.all_met.met,
        f.all_met.of
    );
    if let Some(m) = report.goal_scores.mean_change {
        let sign = if m > 0.0 { "+" } else { "" };
        t = format!(
            "{t} {sep} {} {sign}{} {}",
            crate::i18n::lower_first(w.goal_scores),
            decimal(m, lang),
            w.rep_points
        );
    }
    t
}
