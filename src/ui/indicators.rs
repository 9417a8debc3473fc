//! The in-app indicators view: the figures of [`Report`] (the same ones `tavle report` prints)
//! with a share bar per process figure, and the trends per ISO week as a bar chart
//! (admitted / discharged) and sparklines (weekly process shares). Pure: no I/O.
//!
//! Layout: figures first. Charts go to the right of the figures when the area is wide
//! enough for every week, below them when it is tall enough, and are left out (with a hint)
//! otherwise. A share with nothing to divide by shows "–".

use super::theme::Theme;
use crate::config::{ColorMode, Config, Language};
use crate::domain::dates::fmt_date;
use crate::domain::text::sanitize;
use crate::report::{DeadlineShare, NOT_RECORDED, OutcomeCount, Report, Share, Week};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Clear, Paragraph, Sparkline};

use crate::i18n::{IndicatorStrings as Words, indicator_strings as words};

mod fidelity;

/// `template` with `{n}` replaced.
fn fill(template: &str, n: impl std::fmt::Display) -> String {
    template.replace("{n}", &n.to_string())
}

/// Dash for "nothing to divide by".
const DASH: &str = "–";

/// Whole percent as on the board ("67 %"), or "–".
fn pct(s: &Share) -> String {
    s.percent()
        .map_or_else(|| DASH.to_string(), |p| format!("{p:.0} %"))
}

/// A number with the decimal separator of the language (35,5 in Norwegian).
fn decimal(v: f64, lang: Language) -> String {
    let s = format!("{v}");
    match lang {
        Language::Nb => s.replace('.', ","),
        Language::En => s,
    }
}

/// Colours are only used when the config asks for them (the theme's rule).
struct Look {
    color: bool,
    ascii: bool,
}

impl Look {
    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }
    fn bar_set(&self) -> symbols::bar::Set<'static> {
        if self.ascii {
            symbols::bar::Set {
                full: "#",
                seven_eighths: "#",
                three_quarters: "#",
                five_eighths: "=",
                half: "=",
                three_eighths: "-",
                one_quarter: "-",
                one_eighth: ".",
                empty: " ",
            }
        } else {
            symbols::bar::NINE_LEVELS
        }
    }
    fn absent(&self) -> &'static str {
        if self.ascii { "-" } else { "·" }
    }
}

/// One figure row: a label and a share (with its bar), or a plain value.
#[derive(Clone)]
enum Figure {
    Share {
        label: String,
        share: Share,
        note: String,
    },
    Value {
        label: String,
        value: String,
    },
    Heading(String),
    /// A dim explanation under the figures it concerns.
    Note(String),
    Blank,
}

/// Whether a row is left out when space is short.
#[derive(Clone)]
struct Row {
    figure: Figure,
    optional: bool,
}

fn rows(report: &Report, config: &Config, w: &Words) -> Vec<Row> {
    let lang = config.language;
    let u = &report.rules;
    let p = &report.process;
    let mut out = Vec::new();
    let mut push = |figure, optional| out.push(Row { figure, optional });
    push(Figure::Heading(w.process.of(report.admitted)), false);
    let deadline = |label: String, d: &DeadlineShare| Figure::Share {
        label,
        share: d.share,
        note: format!(
            "{} {}, {} {}",
            w.not_yet_due, d.not_yet_due, w.ended_before, d.ended_before_deadline
        ),
    };
    push(
        deadline(fill(w.assessment, u.day("assessment")), &p.assessment),
        false,
    );
    push(
        deadline(fill(w.goals, u.day("assessment")), &p.goals),
        false,
    );
    push(deadline(fill(w.gp, u.day("gp")), &p.gp), false);
    push(
        deadline(fill(w.medication, u.day("medication")), &p.medication),
        false,
    );
    push(
        deadline(fill(w.on_time, u.stay_length_days), &p.discharged_on_time),
        false,
    );
    if !u.varies_by_group.is_empty() {
        push(Figure::Note(w.group_days_note.to_string()), true);
    }
    push(
        Figure::Share {
            label: w.standups_discussed.to_string(),
            share: report.standups.discussed,
            note: w.standups.of(report.standups.meetings),
        },
        false,
    );
    let cm = &report.case_meetings;
    if cm.any() {
        let t = crate::i18n::fagmote_strings(lang);
        push(Figure::Blank, true);
        push(Figure::Heading(t.ind_title.to_string()), false);
        push(
            Figure::Share {
                label: t.ind_held.to_string(),
                share: cm.held,
                note: format!("{} {}", cm.cancelled, t.ind_cancelled),
            },
            false,
        );
        push(
            Figure::Value {
                label: t.ind_cases.to_string(),
                value: cm.cases_per_meeting.map_or_else(
                    || DASH.to_string(),
                    |v| decimal((v * 10.0).round() / 10.0, lang),
                ),
            },
            false,
        );
        push(
            Figure::Share {
                label: t.ind_on_time.to_string(),
                share: cm.evaluated_on_time,
                note: String::new(),
            },
            false,
        );
        let att: Vec<String> = cm
            .attendance_by_discipline
            .iter()
            .map(|d| {
                let name = if d.discipline.is_empty() {
                    crate::i18n::event_strings(lang).no_discipline.to_string()
                } else {
                    Config::short_of(&config.disciplines, &d.discipline, lang)
                };
                format!("{name} {}", d.count)
            })
            .collect();
        push(
            Figure::Value {
                label: t.ind_attendance.to_string(),
                value: if att.is_empty() {
                    t.ind_none.to_string()
                } else {
                    att.join(" · ")
                },
            },
            true,
        );
    }
    push(Figure::Blank, true);
    let o = &report.outcome;
    push(Figure::Heading(w.outcome.of(o.discharged)), false);
    push(
        Figure::Value {
            label: w.median.to_string(),
            value: o.median_length_days.map_or_else(
                || DASH.to_string(),
                |m| w.days.with(m == 1.0, &decimal(m, lang)),
            ),
        },
        false,
    );
    push(Figure::Heading(format!("  {}", w.discharge_outcome)), true);
    for oc in ordered_outcomes(&o.outcomes, config) {
        let label = match Config::choice(&config.discharge_outcomes, &oc.key) {
            Some(c) => c.label.get(lang).to_string(),
            None if oc.key == NOT_RECORDED => w.not_recorded.to_string(),
            None => sanitize(&oc.key),
        };
        push(
            Figure::Share {
                label: format!("  {label}"),
                share: Share {
                    met: oc.count,
                    of: o.discharged,
                },
                note: String::new(),
            },
            oc.count == 0,
        );
    }
    for (label, share) in [
        (w.hospital, o.hospital_admissions),
        (w.goals_achieved, o.goals_achieved),
        (w.all_goals, o.stays_all_goals_achieved),
    ] {
        push(
            Figure::Share {
                label: label.to_string(),
                share,
                note: String::new(),
            },
            false,
        );
    }
    event_rows(report, config, &mut push);
    out
}

/// Intake: referrals received in the period, the share accepted / declined / waiting, by
/// source, and the median days from referral to admission (as `tavle report`). Drawn
/// below the other figures where there is room (beside the charts on a TV; scrolled to
/// on a laptop), so the process and outcome figures and the charts keep their place.
/// The intake figures in one line, where the section does not fit.
fn referral_summary(report: &Report, lang: crate::config::Language) -> String {
    let t = crate::i18n::intake_strings(lang);
    let rf = &report.referrals;
    let median = rf.days_to_admission.median_days.map_or_else(
        || DASH.to_string(),
        |m| format!("{} {}", decimal(m, lang), t.days_word),
    );
    format!(
        "{}: {} {} · {} {} · {} {} · {} {} · {}: {median}",
        t.referrals_heading,
        rf.total.received,
        t.received_n,
        rf.total.accepted,
        t.accepted_n,
        rf.total.declined,
        t.declined_n,
        rf.total.waiting,
        t.waiting_n,
        t.median_short
    )
}

fn referral_rows(report: &Report, lang: crate::config::Language) -> Vec<Row> {
    let mut out = Vec::new();
    let mut push = |figure, optional| out.push(Row { figure, optional });
    let t = crate::i18n::intake_strings(lang);
    let rf = &report.referrals;
    let of = rf.total.received;
    push(
        Figure::Heading(format!("{}: {of} {}", t.referrals_heading, t.received_n)),
        false,
    );
    for (label, met) in [
        (t.accepted_n, rf.total.accepted),
        (t.declined_n, rf.total.declined),
        (t.waiting_n, rf.total.waiting),
    ] {
        push(
            Figure::Share {
                label: label.to_string(),
                share: Share { met, of },
                note: String::new(),
            },
            false,
        );
    }
    for b in rf.by_source.iter().filter(|b| b.figures.received > 0) {
        let label =
            crate::domain::referral::Source::parse(b.source).map_or(b.source, |s| t.source(s));
        push(
            Figure::Share {
                label: format!("  {label}"),
                share: Share {
                    met: b.figures.received,
                    of,
                },
                note: format!(
                    "{} {}, {} {}",
                    b.figures.accepted, t.accepted_n, b.figures.declined, t.declined_n
                ),
            },
            false,
        );
    }
    push(
        Figure::Value {
            label: t.median_short.to_string(),
            value: rf.days_to_admission.median_days.map_or_else(
                || DASH.to_string(),
                |m| {
                    format!(
                        "{} {} ({} {})",
                        decimal(m, lang),
                        t.days_word,
                        rf.days_to_admission.admitted,
                        t.admitted_n
                    )
                },
            ),
        },
        false,
    );
    out
}

/// What happened to the people and who came to the stand-ups (see `report::events`).
fn event_rows(report: &Report, config: &Config, push: &mut dyn FnMut(Figure, bool)) {
    let lang = config.language;
    let w = crate::i18n::event_strings(lang);
    let e = &report.events;
    // Nothing recorded, nothing shown: the charts keep their room (`tavle report` always
    // has both sections, with zeros).
    let a = &report.attendance;
    if e.by_kind.is_empty() && a.recorded == 0 {
        return;
    }
    push(Figure::Blank, true);
    push(
        Figure::Heading(w.r_events.replace("{d}", &e.stay_days.to_string())),
        false,
    );
    let fall = Config::label_of(&config.event_kinds, crate::domain::events::FALL, lang);
    push(
        Figure::Value {
            label: w.r_falls.to_string(),
            value: e.falls_per_100_stay_days.map_or_else(
                || DASH.to_string(),
                |r| {
                    format!(
                        "{}  ({} {})",
                        decimal(r, lang),
                        e.falls,
                        fall.to_lowercase()
                    )
                },
            ),
        },
        false,
    );
    push(
        Figure::Value {
            label: w.r_hospital.to_string(),
            value: e.hospital_admissions.to_string(),
        },
        false,
    );
    push(
        Figure::Value {
            label: w.r_deterioration.to_string(),
            value: e.median_hours_to_contact.map_or_else(
                || DASH.to_string(),
                |h| w.r_median_hours.replace("{h}", &decimal(h, lang)),
            ),
        },
        false,
    );
    push(
        Figure::Note(
            w.r_contact_note
                .replace("{n}", &e.deteriorations.to_string())
                .replace("{w}", &e.contact_with_time.to_string())
                .replace("{t}", &e.contact_without_time.to_string())
                .replace("{c}", &e.no_contact.to_string()),
        ),
        true,
    );
    if a.recorded == 0 {
        return;
    }
    push(Figure::Blank, true);
    push(
        Figure::Heading(
            w.r_attendance
                .replace("{n}", &a.recorded.to_string())
                .replace("{m}", &a.meetings.to_string()),
        ),
        false,
    );
    for d in &a.by_discipline {
        let label = if d.discipline.is_empty() {
            w.no_discipline.to_string()
        } else {
            Config::label_of(&config.disciplines, &d.discipline, lang)
        };
        push(
            Figure::Share {
                label: format!("  {label}"),
                share: d.meetings,
                note: w.r_people.replace("{p}", &d.people.to_string()),
            },
            d.people == 0,
        );
    }
}

/// Configured outcomes first (0 when no stay ended so), then the others, as
/// [`Report::order_outcomes`] does (the same result whether or not it was called).
fn ordered_outcomes(outcomes: &[OutcomeCount], config: &Config) -> Vec<OutcomeCount> {
    let mut out: Vec<OutcomeCount> = config
        .discharge_outcomes
        .iter()
        .map(|c| OutcomeCount {
            key: c.key.clone(),
            count: outcomes
                .iter()
                .filter(|o| o.key == c.key)
                .map(|o| o.count)
                .sum(),
        })
        .collect();
    out.extend(
        outcomes
            .iter()
            .filter(|o| Config::choice(&config.discharge_outcomes, &o.key).is_none())
            .cloned(),
    );
    out
}

/// Column widths of the figure rows.
struct Cols {
    label: usize,
    frac: usize,
    bar: usize,
    notes: bool,
}

const PCT_W: usize = 5;

fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

fn cols(rows: &[Row], avail: usize, notes: bool) -> Cols {
    let mut label = 0;
    let mut frac = 3;
    for r in rows {
        match &r.figure {
            Figure::Share {
                label: l, share, ..
            } => {
                label = label.max(width(l));
                frac = frac.max(width(&format!("{}/{}", share.met, share.of)));
            }
            Figure::Value { label: l, .. } => label = label.max(width(l)),
            _ => {}
        }
    }
    // label, frac, pct, bar with single spaces between and two before the bar; the notes,
    // when shown, keep their room (the bar gives way first).
    let fixed = label + 1 + frac + 1 + PCT_W + 2;
    // (The two cells of indent before the label count here too.)
    let reserved = if notes { notes_width(rows) + 2 } else { 0 };
    let bar = avail.saturating_sub(fixed + reserved).clamp(0, 12);
    let bar = if bar < 5 { 0 } else { bar };
    Cols {
        label,
        frac,
        bar,
        notes,
    }
}

fn pad(s: &str, w: usize) -> String {
    let n = w.saturating_sub(width(s));
    format!("{s}{}", " ".repeat(n))
}

fn lpad(s: &str, w: usize) -> String {
    let n = w.saturating_sub(width(s));
    format!("{}{s}", " ".repeat(n))
}

/// The share bar: `█████░░░░░` (or `#####-----`), empty when there is no denominator.
fn bar(share: &Share, w: usize, th: &Theme, look: &Look) -> Vec<Span<'static>> {
    if w == 0 {
        return Vec::new();
    }
    let (full, empty) = th.bar();
    match share.percent() {
        None => vec![Span::styled(" ".repeat(w), th.dim())],
        Some(p) => {
            let filled = ((p / 100.0) * w as f64).round() as usize;
            let filled = filled.min(w);
            vec![
                Span::styled(full.to_string().repeat(filled), look.fg(Color::Cyan)),
                Span::styled(empty.to_string().repeat(w - filled), th.dim()),
            ]
        }
    }
}

fn line(row: &Row, c: &Cols, th: &Theme, look: &Look) -> Line<'static> {
    match &row.figure {
        Figure::Blank => Line::default(),
        Figure::Heading(h) => Line::styled(h.clone(), th.strong()),
        Figure::Note(n) => Line::styled(format!("  {n}"), th.dim()),
        Figure::Value { label, value } => Line::from(vec![
            Span::raw(format!("  {} ", pad(label, c.label))),
            Span::styled(value.clone(), th.strong()),
        ]),
        Figure::Share { label, share, note } => {
            let mut spans = vec![
                Span::raw(format!("  {} ", pad(label, c.label))),
                Span::styled(
                    lpad(&format!("{}/{}", share.met, share.of), c.frac),
                    th.strong(),
                ),
                Span::raw(" "),
                Span::styled(lpad(&pct(share), PCT_W), th.strong()),
            ];
            if c.bar > 0 {
                spans.push(Span::raw("  "));
                spans.extend(bar(share, c.bar, th, look));
            }
            if c.notes && !note.is_empty() {
                spans.push(Span::styled(format!("  {note}"), th.dim()));
            }
            Line::from(spans)
        }
    }
}

/// The figure lines for an area of `avail_w` x `avail_h` (leaving out the optional rows if
/// not all fit; what still does not fit is cut off at the bottom).
fn figure_lines(
    all: &[Row],
    avail_w: usize,
    avail_h: usize,
    notes: bool,
    th: &Theme,
    look: &Look,
) -> Vec<Line<'static>> {
    figure_lines_aligned(all, all, avail_w, avail_h, notes, th, look)
}

/// [`figure_lines`] with the label and fraction widths of `align`: sections drawn one
/// under the other keep their numbers and bars in one column.
fn figure_lines_aligned(
    all: &[Row],
    align: &[Row],
    avail_w: usize,
    avail_h: usize,
    notes: bool,
    th: &Theme,
    look: &Look,
) -> Vec<Line<'static>> {
    let keep: Vec<&Row> = if all.len() <= avail_h {
        all.iter().collect()
    } else {
        all.iter().filter(|r| !r.optional).collect()
    };
    let c = cols(align, avail_w, notes);
    keep.iter()
        .flat_map(|r| match &r.figure {
            // An explanation wraps under itself rather than run off the edge.
            Figure::Note(n) => super::cells::wrap(n, avail_w.saturating_sub(2).max(10))
                .into_iter()
                .map(|l| Line::styled(format!("  {l}"), th.dim()))
                .collect(),
            _ => vec![line(r, &c, th, look)],
        })
        .collect()
}

/// Rows the figures take with everything, and with the optional rows left out.
fn figure_heights(all: &[Row]) -> (usize, usize) {
    (all.len(), all.iter().filter(|r| !r.optional).count())
}

/// Width of the figure column (label, fraction, percent and bar; no notes).
fn figure_width(all: &[Row]) -> usize {
    let c = cols(all, usize::MAX, false);
    2 + c.label + 1 + c.frac + 1 + PCT_W + 2 + 12
}

/// Width one week takes in the bar chart: two bars of two columns and a gap.
const WEEK_W: u16 = 5;
/// The smallest chart area worth drawing.
const MIN_CHART_H: u16 = 10;
const MIN_CHART_W: u16 = 36;

/// Draw the indicators view into `area` (clearing it first, so it can be an overlay).
pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    report: &Report,
    config: &Config,
    th: &Theme,
    scroll: u16,
) {
    let w = words(config.language);
    let look = Look {
        color: config.theme.colors == ColorMode::Ansi,
        ascii: config.theme.symbols.is_ascii(),
    };
    let title = format!(
        " {} {}{DASH}{} ",
        w.title,
        fmt_date(report.from),
        fmt_date(report.to)
    );
    let block = th.framed(title);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let all = rows(report, config, w);
    // Model fidelity and goal scores: under the figures where there is room, else one
    // summary line (and all of it on a small screen, which scrolls).
    let summary = Line::styled(fidelity::summary(report, config, look.ascii), th.dim());
    let (full_h, compact_h) = figure_heights(&all);
    let fig_w = figure_width(&all);
    let weeks = report.weeks.len() as u16;
    let chart_w = (weeks * WEEK_W + 2).max(MIN_CHART_W);
    let meetings = meeting_lines(report, w, th);

    if usize::from(inner.width) >= fig_w + 2 + usize::from(chart_w) {
        wide(frame, inner, report, config, th, &look, scroll);
    } else if inner.height >= full_h as u16 + MIN_CHART_H
        || inner.height >= compact_h as u16 + MIN_CHART_H
    {
        // Figures on top, charts below.
        let fig_h = if inner.height >= full_h as u16 + MIN_CHART_H {
            full_h
        } else {
            compact_h
        };
        let extra = usize::from(inner.height >= fig_h as u16 + 1 + MIN_CHART_H);
        let [top, bottom] = Layout::vertical([
            Constraint::Length((fig_h + extra) as u16),
            Constraint::Min(0),
        ])
        .areas(inner);
        let mut lines = figure_lines(&all, top.width.into(), fig_h, false, th, &look);
        if extra == 1 {
            lines.push(summary.clone());
        }
        frame.render_widget(Paragraph::new(lines), top);
        charts(frame, bottom, report, w, th, &look);
    } else {
        // A small screen: every figure, then the stand-ups, scrolled with ↑/↓; the last row
        // says there is more (nothing is silently dropped).
        let mut lines = figure_lines(
            &all,
            inner.width.into(),
            inner.height.into(),
            false,
            th,
            &look,
        );
        // Fidelity under them, all of it (the view scrolls).
        let fid = fidelity::rows(report, config, look.ascii);
        lines.extend(figure_lines(
            &fid,
            inner.width.into(),
            fid.len(),
            false,
            th,
            &look,
        ));
        if !report.referrals.is_empty() {
            let intake = referral_rows(report, config.language);
            lines.push(Line::default());
            lines.extend(figure_lines(
                &intake,
                inner.width.into(),
                intake.len(),
                false,
                th,
                &look,
            ));
        }
        if !meetings.is_empty() {
            lines.push(Line::default());
            lines.push(Line::styled(w.meetings_title, th.strong()));
            lines.extend(meetings.iter().cloned());
        }
        lines.push(Line::default());
        lines.push(Line::styled(w.charts_hint, th.dim()));
        let total = lines.len() as u16;
        let fits = total <= inner.height;
        let view_h = if fits { inner.height } else { inner.height - 1 };
        let scroll = scroll.min(total.saturating_sub(view_h));
        let body = Rect {
            height: view_h,
            ..inner
        };
        frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), body);
        if !fits {
            let below = total.saturating_sub(scroll + view_h);
            let hint = Rect {
                y: inner.y + inner.height - 1,
                height: 1,
                ..inner
            };
            let mut text = w.scroll_hint.replace("{n}", &below.to_string());
            if look.ascii {
                text = text.replace('↓', "v").replace('↑', "^").replace('·', "|");
            }
            frame.render_widget(Paragraph::new(Line::styled(text, th.dim())), hint);
        }
    }
}

/// Height of the charts when sections share their column: the bars (a legend and 12 rows)
/// and the sparklines (8) with a line between; taller bars say nothing more.
const CHARTS_H: u16 = 21;

/// Width the widest note of `rows` takes beside its figure.
fn notes_width(rows: &[Row]) -> usize {
    rows.iter()
        .map(|r| match &r.figure {
            Figure::Share { note, .. } if !note.is_empty() => width(note) + 2,
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// The rows split where a section starts (a heading, with the blank line before it).
fn sections(rows: Vec<Row>) -> Vec<Vec<Row>> {
    let mut out: Vec<Vec<Row>> = Vec::new();
    let mut blank = false;
    for r in rows {
        match r.figure {
            Figure::Blank => blank = true,
            Figure::Heading(_) => {
                blank = false;
                out.push(vec![r]);
            }
            _ => {
                if blank && !out.is_empty() {
                    out.last_mut().expect("checked").push(Row {
                        figure: Figure::Blank,
                        optional: false,
                    });
                }
                blank = false;
                match out.last_mut() {
                    Some(s) => s.push(r),
                    None => out.push(vec![r]),
                }
            }
        }
    }
    out
}

/// A column being filled with whole sections, a blank line between them.
struct Stack {
    area: Rect,
    lines: Vec<Line<'static>>,
}

impl Stack {
    fn room(&self) -> usize {
        let gap = usize::from(!self.lines.is_empty());
        usize::from(self.area.height).saturating_sub(self.lines.len() + gap)
    }
    fn add(&mut self, lines: Vec<Line<'static>>) {
        if !self.lines.is_empty() {
            self.lines.push(Line::default());
        }
        self.lines.extend(lines);
    }
}

/// A TV: the process and outcome figures on the left, each section whole; the weekly charts
/// on the right, and under them the sections the left has no room for (model fidelity,
/// intake, the stand-ups one by one), so that no section is squeezed into a summary line
/// while half the screen is empty. What fits nowhere is still reachable: the left column
/// scrolls (↑/↓) and its last line says how much is below.
fn wide(
    frame: &mut Frame<'_>,
    inner: Rect,
    report: &Report,
    config: &Config,
    th: &Theme,
    look: &Look,
    scroll: u16,
) {
    let w = words(config.language);
    let all = rows(report, config, w);
    let fig_w = figure_width(&all);
    let weeks = report.weeks.len() as u16;
    let chart_w = (weeks * WEEK_W + 2).max(MIN_CHART_W);
    let notes_w = notes_width(&all);
    let left_w = if usize::from(inner.width) >= fig_w + notes_w + 2 + usize::from(chart_w) {
        fig_w + notes_w
    } else {
        fig_w
    };
    let [left, _, right] = Layout::horizontal([
        Constraint::Length(left_w as u16),
        Constraint::Length(2),
        Constraint::Min(0),
    ])
    .areas(inner);
    // Lines of a section for a column `width` wide, with the notes where they fit.
    // Notes beside the figures where the column has room for this section's notes.
    let render = |rows: &[Row], align: &[Row], width: u16, h: usize| -> Vec<Line<'static>> {
        // Without the bar (and the gap before it), the notes still fit?
        let bare = figure_width(align) - 12 - 2;
        let with_notes = usize::from(width) >= bare + notes_width(rows);
        figure_lines_aligned(rows, align, width.into(), h, with_notes, th, look)
    };
    let mut a = Stack {
        area: left,
        lines: Vec::new(),
    };
    let mut overflow: Vec<Line<'static>> = Vec::new();
    let main = rows(report, config, w);
    for sec in sections(all) {
        let lines = render(&sec, &main, left.width, usize::MAX);
        if overflow.is_empty() && lines.len() <= a.room() {
            a.add(lines);
        } else {
            if !overflow.is_empty() || !a.lines.is_empty() {
                overflow.push(Line::default());
            }
            overflow.extend(lines);
        }
    }
    // The right column: the charts, and what the left leaves over below them.
    let below_y = right.y + CHARTS_H.min(right.height) + 1;
    let mut b = Stack {
        area: Rect {
            y: below_y.min(right.y + right.height),
            height: (right.y + right.height).saturating_sub(below_y),
            ..right
        },
        lines: Vec::new(),
    };
    let fid: Vec<Row> = fidelity::rows(report, config, look.ascii)
        .into_iter()
        .skip_while(|r| matches!(r.figure, Figure::Blank))
        .collect();
    let intake = (!report.referrals.is_empty()).then(|| referral_rows(report, config.language));
    // (rows, their one-line summary, aligned with the main figures when under them)
    let mut extras: Vec<(Vec<Row>, Option<Line<'static>>, bool)> = vec![(
        fid,
        Some(Line::styled(
            fidelity::summary(report, config, look.ascii),
            th.dim(),
        )),
        true,
    )];
    if let Some(i) = intake {
        extras.push((
            i,
            Some(Line::styled(
                referral_summary(report, config.language),
                th.strong(),
            )),
            false,
        ));
    }
    for (rows, summary, align_main) in extras {
        let (full, compact) = figure_heights(&rows);
        // Under the main figures, in their columns; beside the charts, in its own.
        let with_main: Vec<Row> = if align_main {
            main.iter().chain(rows.iter()).cloned().collect()
        } else {
            rows.clone()
        };
        let place = |col: &mut Stack, align: &[Row]| -> bool {
            let room = col.room();
            if full <= room || compact <= room {
                col.add(render(&rows, align, col.area.width, room));
                true
            } else {
                false
            }
        };
        if overflow.is_empty() && place(&mut a, &with_main) || place(&mut b, &rows) {
            continue;
        }
        // Whole in the scrolled part. Unless it starts in sight with a few of its figures,
        // its figures in one line where there is room now.
        let starts_in_sight = overflow.is_empty() && a.room() >= 4;
        if let Some(l) = summary.filter(|_| !starts_in_sight) {
            if overflow.is_empty() && a.room() >= 1 {
                a.add(vec![l]);
            } else if b.room() >= 1 {
                b.add(vec![l]);
            }
        }
        overflow.push(Line::default());
        overflow.extend(render(&rows, &with_main, left.width, usize::MAX));
    }
    // The stand-ups one by one: the latest that fit, all of them when scrolled to.
    let meetings = meeting_lines(report, w, th);
    if !meetings.is_empty() {
        let col = if overflow.is_empty() && a.room() >= 3 {
            Some(&mut a)
        } else if b.room() >= 3 {
            Some(&mut b)
        } else {
            None
        };
        if let Some(col) = col {
            let n = meetings.len().min(col.room() - 1);
            let mut l = vec![Line::styled(w.meetings_title, th.strong())];
            l.extend(meetings[meetings.len() - n..].iter().cloned());
            col.add(l);
        }
        if col_missing(&meetings, &a, &b) {
            overflow.push(Line::default());
            overflow.push(Line::styled(w.meetings_title, th.strong()));
            overflow.extend(meetings.iter().cloned());
        }
    }
    // The charts take the whole right column when nothing is under them (the weeks as
    // numbers then fit below).
    let charts_area = if b.lines.is_empty() {
        right
    } else {
        Rect {
            height: CHARTS_H.min(right.height),
            ..right
        }
    };
    charts(frame, charts_area, report, w, th, look);
    frame.render_widget(Paragraph::new(b.lines), b.area);
    // The left column, scrolled into what did not fit.
    let mut lines = a.lines;
    lines.extend(overflow);
    let total = lines.len() as u16;
    let fits = total <= left.height;
    let view_h = if fits {
        left.height
    } else {
        left.height.saturating_sub(1)
    };
    let scroll = scroll.min(total.saturating_sub(view_h));
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)),
        Rect {
            height: view_h,
            ..left
        },
    );
    if !fits {
        let below = total.saturating_sub(scroll + view_h);
        let mut text = w.scroll_hint.replace("{n}", &below.to_string());
        if look.ascii {
            text = text.replace('↓', "v").replace('↑', "^").replace('·', "|");
        }
        frame.render_widget(
            Paragraph::new(Line::styled(text, th.dim())),
            Rect {
                y: left.y + left.height - 1,
                height: 1,
                ..left
            },
        );
    }
}

/// Whether some stand-up is in neither column (then all of them go in the scrolled part).
fn col_missing(meetings: &[Line<'static>], a: &Stack, b: &Stack) -> bool {
    let shown = |c: &Stack| {
        c.lines
            .iter()
            .filter(|l| meetings.iter().any(|m| m == *l))
            .count()
    };
    shown(a) + shown(b) < meetings.len()
}

/// The stand-ups one per line: date, led by, minutes, discussed.
fn meeting_lines(report: &Report, w: &Words, th: &Theme) -> Vec<Line<'static>> {
    report
        .standups
        .each
        .iter()
        .map(|m| {
            let mut spans = vec![
                Span::raw(format!("  {}  ", fmt_date(m.date))),
                Span::raw(pad(&sanitize(&m.led_by), 24)),
                Span::styled(
                    lpad(
                        &m.minutes
                            .map_or_else(|| DASH.to_string(), |n| format!("{n} {}", w.minutes)),
                        7,
                    ),
                    th.dim(),
                ),
                Span::styled(
                    lpad(&format!("{}/{}", m.discussed.met, m.discussed.of), 8),
                    th.strong(),
                ),
                Span::raw(" "),
                Span::styled(lpad(&pct(&m.discussed), PCT_W), th.strong()),
            ];
            if m.discussed_not_active > 0 {
                spans.push(Span::styled(
                    format!("  (+{})", m.discussed_not_active),
                    th.dim(),
                ));
            }
            Line::from(spans)
        })
        .collect()
}

/// `u48` / `W48`.
fn week_label(week: &Week, w: &Words) -> String {
    format!("{}{:02}", w.week_prefix, week.monday.iso_week_date().week())
}

/// The weekly charts: admitted / discharged as a grouped bar chart on top, the weekly
/// process shares as sparklines below (when there is room for both).
fn charts(frame: &mut Frame<'_>, area: Rect, report: &Report, w: &Words, th: &Theme, look: &Look) {
    if area.width < 10 || area.height < 3 {
        return;
    }
    if report.weeks.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled(w.no_weeks, th.dim())), area);
        return;
    }
    // Spark block: a title, six rows and an axis.
    const SPARK_H: u16 = 8;
    // Bars: a legend and at most 15 rows (taller bars say nothing more).
    const BARS_MAX_H: u16 = 16;
    let (bars_area, spark_area) = if area.height >= SPARK_H + 7 {
        let bars_h = (area.height - SPARK_H).min(BARS_MAX_H);
        let [a, _, b] = Layout::vertical([
            Constraint::Length(bars_h),
            Constraint::Length(u16::from(area.height > bars_h + SPARK_H)),
            Constraint::Length(SPARK_H),
        ])
        .areas(area);
        (a, Some(b))
    } else {
        (
            area.intersection(Rect {
                height: BARS_MAX_H,
                ..area
            }),
            None,
        )
    };
    bar_chart(frame, bars_area, report, w, th, look);
    if let Some(s) = spark_area {
        sparklines(frame, s, report, w, th, look);
        // Below the charts, if there is room: the weeks as numbers (the CLI's table).
        let used = s.y + s.height - area.y;
        if area.height >= used + 4 {
            let rest = Rect {
                y: area.y + used + 1,
                height: area.height - used - 1,
                ..area
            };
            week_table(frame, rest, report, w, th);
        }
    }
}

/// Width of a cell of the week table: `10/12 83%`.
const CELL_W: usize = 10;

/// The weeks as numbers, the latest that fit, in the cells of `tavle report`'s table
/// (`met/of percent%`, or "–"). Drawn only when every column fits.
fn week_table(frame: &mut Frame<'_>, area: Rect, report: &Report, w: &Words, th: &Theme) {
    let u = &report.rules;
    let heads = [
        fill(w.col_assessment, u.assessment_day),
        fill(w.col_goals, u.assessment_day),
        fill(w.col_gp, u.gp_day),
        fill(w.col_medication, u.medication_day),
        w.col_on_time.to_string(),
        w.col_standups.to_string(),
    ];
    let cell_w = heads
        .iter()
        .map(|h| width(h))
        .max()
        .unwrap_or(0)
        .max(CELL_W);
    let total = 4 + 2 * 7 + heads.len() * (cell_w + 1);
    if usize::from(area.width) < total || area.height < 2 {
        return;
    }
    let cell = |sh: &Share| match sh.percent() {
        Some(p) => format!("{}/{} {:.0}%", sh.met, sh.of, p),
        None => DASH.to_string(),
    };
    let mut head = format!(
        "{}{}{}",
        pad(w.col_week, 4),
        lpad(w.col_admitted, 7),
        lpad(w.col_discharged, 7)
    );
    for h in &heads {
        head.push_str(&lpad(h, cell_w + 1));
    }
    let mut lines = vec![Line::styled(head, th.titles())];
    let n = usize::from(area.height - 1).min(report.weeks.len());
    for wk in &report.weeks[report.weeks.len() - n..] {
        let p = &wk.process;
        let mut text = format!(
            "{}{}{}",
            pad(&week_label(wk, w), 4),
            lpad(&wk.admitted.to_string(), 7),
            lpad(&wk.discharged.to_string(), 7)
        );
        for sh in [
            &p.assessment.share,
            &p.goals.share,
            &p.gp.share,
            &p.medication.share,
            &p.discharged_on_time.share,
            &wk.standups,
        ] {
            text.push_str(&lpad(&cell(sh), cell_w + 1));
        }
        lines.push(Line::raw(text));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The weeks that fit in `cols` columns at `per` columns each: the latest ones.
fn fitting(weeks: &[Week], cols: u16, per: u16) -> &[Week] {
    let n = usize::from((cols / per.max(1)).max(1)).min(weeks.len());
    &weeks[weeks.len() - n..]
}

fn bar_chart(
    frame: &mut Frame<'_>,
    area: Rect,
    report: &Report,
    w: &Words,
    th: &Theme,
    look: &Look,
) {
    let admitted_style = look.fg(Color::Cyan);
    let discharged_style = look.fg(Color::Green);
    let shown = fitting(&report.weeks, area.width, WEEK_W);
    // Without colours the two bars of a week look alike: say which is which.
    let (left, right) = if look.color {
        (String::new(), String::new())
    } else {
        (format!(" ({})", w.left), format!(" ({})", w.right))
    };
    let mut title = vec![
        Span::styled(format!("{} ", w.per_week), th.strong()),
        Span::styled(format!("{} ", th.bar().0), admitted_style),
        Span::raw(format!("{}{left} ", w.admitted)),
        Span::raw(if look.ascii { "| " } else { "│ " }),
        Span::styled(format!("{} ", th.bar().0), discharged_style),
        Span::raw(format!("{}{right}", w.discharged)),
    ];
    if shown.len() < report.weeks.len() {
        title.push(Span::styled(
            format!(" ({})", w.last_weeks.of(shown.len())),
            th.dim(),
        ));
    }
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(title)), head);
    if body.height < 2 {
        return;
    }
    let groups: Vec<BarGroup> = shown
        .iter()
        .map(|wk| {
            BarGroup::default()
                .label(Line::from(week_label(wk, w)))
                .bars(&[
                    Bar::default()
                        .value(wk.admitted as u64)
                        .style(admitted_style)
                        .value_style(admitted_style.add_modifier(Modifier::REVERSED)),
                    Bar::default()
                        .value(wk.discharged as u64)
                        .style(discharged_style)
                        .value_style(discharged_style.add_modifier(Modifier::REVERSED)),
                ])
        })
        .collect();
    let max = shown
        .iter()
        .map(|wk| wk.admitted.max(wk.discharged) as u64)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut chart = BarChart::default()
        .bar_width(2)
        .bar_gap(0)
        .group_gap(WEEK_W - 4)
        .bar_set(look.bar_set())
        .label_style(th.dim())
        .max(max);
    for g in groups {
        chart = chart.data(g);
    }
    frame.render_widget(chart, body);
}

/// One weekly share out of a [`Week`].
type WeekShare = fn(&Week) -> Share;

fn sparklines(
    frame: &mut Frame<'_>,
    area: Rect,
    report: &Report,
    w: &Words,
    th: &Theme,
    look: &Look,
) {
    let u = &report.rules;
    let series: [(String, WeekShare); 6] = [
        (fill(w.short_assessment, u.assessment_day), |wk| {
            wk.process.assessment.share
        }),
        (fill(w.short_goals, u.assessment_day), |wk| {
            wk.process.goals.share
        }),
        (fill(w.short_gp, u.gp_day), |wk| wk.process.gp.share),
        (fill(w.short_medication, u.medication_day), |wk| {
            wk.process.medication.share
        }),
        (w.short_on_time.to_string(), |wk| {
            wk.process.discharged_on_time.share
        }),
        (w.short_standups.to_string(), |wk| wk.standups),
    ];
    let label_w = series.iter().map(|(l, _)| width(l)).max().unwrap_or(0) as u16 + 1;
    let last_w = 6u16;
    let avail = area.width.saturating_sub(label_w + last_w);
    let weeks = &report.weeks;
    let per = (avail / weeks.len().max(1) as u16).clamp(1, WEEK_W);
    let shown = fitting(weeks, avail, per);
    let spark_w = per * shown.len() as u16;
    let mut y = area.y;
    let bottom = area.y + area.height;
    // Every row is clipped to the area, however narrow it is.
    let row = |y: u16, x: u16, w: u16| {
        Rect {
            x,
            y,
            width: w,
            height: 1,
        }
        .intersection(area)
    };
    frame.render_widget(
        Paragraph::new(Line::styled(w.shares_per_week, th.strong())),
        row(y, area.x, area.width),
    );
    y += 1;
    for (label, get) in &series {
        if y + 1 >= bottom {
            break;
        }
        frame.render_widget(
            Paragraph::new(Line::raw(label.clone())),
            row(y, area.x, label_w),
        );
        let data: Vec<Option<u64>> = shown
            .iter()
            .flat_map(|wk| {
                let v = get(wk).percent().map(|p| p.round() as u64);
                std::iter::repeat_n(v, usize::from(per))
            })
            .collect();
        frame.render_widget(
            Sparkline::default()
                .data(data)
                .max(100)
                .bar_set(look.bar_set())
                .style(look.fg(Color::Cyan))
                .absent_value_symbol(look.absent())
                .absent_value_style(th.dim()),
            row(y, area.x + label_w, spark_w),
        );
        // The latest week's share at the end of the row.
        let last = shown.last().map(get).unwrap_or_default();
        let text = pct(&last);
        frame.render_widget(
            Paragraph::new(Line::styled(lpad(&text, usize::from(last_w)), th.dim())),
            row(y, area.x + label_w + spark_w, last_w),
        );
        y += 1;
    }
    // Axis: the first and the last week shown.
    if y < bottom
        && let (Some(first), Some(last)) = (shown.first(), shown.last())
    {
        let a = week_label(first, w);
        let b = week_label(last, w);
        let gap = usize::from(spark_w).saturating_sub(width(&a) + width(&b));
        let text = if shown.len() > 1 && gap > 0 {
            format!("{a}{}{b}", " ".repeat(gap))
        } else {
            b
        };
        frame.render_widget(
            Paragraph::new(Line::styled(text, th.dim())),
            row(y, area.x + label_w, area.width.saturating_sub(label_w)),
        );
    }
}
