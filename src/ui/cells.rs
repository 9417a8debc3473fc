//! The text of each board cell. Each cell offers variants from long to short; the longest
//! that fits the column is used, so a narrow terminal abbreviates instead of wrapping.

use super::theme::Theme;
use crate::app::{App, RowView};
use crate::config::{Column, Config};
use crate::domain::dates::fmt_short;
use crate::domain::flags::{DeadlineFlag, GpState};
use crate::domain::holidays::NonWorking;
use crate::domain::stay_day::{StayDay, stay_day};
use crate::domain::text::{sanitize, truncate, width};
use crate::domain::{GoalStatus, Level, MedStatus, Stay};
use crate::i18n::{DayForm, Strings, stay_day_text};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// A cell variant: styled segments.
type Variant = Vec<(String, Style)>;

fn variant_width(v: &Variant) -> usize {
    v.iter().map(|(t, _)| width(t)).sum()
}

/// Pick the longest variant that fits `w`; truncate the last one if none does.
fn fit(variants: Vec<Variant>, w: usize) -> Line<'static> {
    // Take the variant by value: this runs for every cell of every frame.
    let last = variants.len().saturating_sub(1);
    let chosen = variants
        .into_iter()
        .enumerate()
        .find(|(i, v)| *i == last || variant_width(v) <= w)
        .map(|(_, v)| v)
        .unwrap_or_default();
    let mut left = w;
    let mut spans: Vec<Span<'static>> = Vec::with_capacity(chosen.len());
    for (text, style) in chosen {
        if left == 0 {
            break;
        }
        let t = truncate(&text, left);
        left -= width(&t);
        // Neighbours in the same style become one span: fewer spans to draw per frame.
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(&t),
            _ => spans.push(Span::styled(t, style)),
        }
    }
    Line::from(spans)
}

/// How many levels of detail `column` has (0 = the most). Deadline columns pick one level
/// for the whole column, so that one column never mixes `3d over` with `-3d`.
pub fn levels(column: Column) -> u8 {
    match column {
        Column::Assessment | Column::Gp | Column::Medication | Column::Discharge => 3,
        _ => 1,
    }
}

/// Whether `row`'s cell in `column` fits `w` cells at `detail`, in its shortest form.
pub fn fits(
    app: &App,
    th: &Theme,
    s: &Strings,
    row: &RowView,
    column: Column,
    w: usize,
    detail: u8,
) -> bool {
    variants(app, th, s, row, column, w, detail)
        .last()
        .is_none_or(|v| variant_width(v) <= w)
}

/// Render one cell of `column` for `row` into `w` cells, at the most detailed level at
/// which this cell fits on its own.
pub fn cell(
    app: &App,
    th: &Theme,
    s: &Strings,
    row: &RowView,
    column: Column,
    w: usize,
) -> Line<'static> {
    let last = levels(column) - 1;
    let detail = (0..last)
        .find(|d| fits(app, th, s, row, column, w, *d))
        .unwrap_or(last);
    cell_at(app, th, s, row, column, w, detail)
}

/// Render one cell at a given level of detail (see [`levels`]).
pub fn cell_at(
    app: &App,
    th: &Theme,
    s: &Strings,
    row: &RowView,
    column: Column,
    w: usize,
    detail: u8,
) -> Line<'static> {
    fit(variants(app, th, s, row, column, w, detail), w)
}

fn variants(
    app: &App,
    th: &Theme,
    s: &Strings,
    row: &RowView,
    column: Column,
    w: usize,
    detail: u8,
) -> Vec<Variant> {
    let stay = &app.stays[row.stay];
    let f = &row.flags;
    let cfg = &app.config;
    let lang = cfg.language;
    let variants: Vec<Variant> = match column {
        Column::Person => {
            let mut v = Vec::new();
            // In front, so that a narrow column never cuts it off.
            if row.flags.not_discussed {
                v.push((format!("{} ", th.undiscussed_mark()), th.stale()));
            }
            // Something happened since last time: a health detail, so only where risks
            // may be shown (not on a corridor kiosk by default).
            if row.new_events > 0 && app.privacy().risks {
                v.push((format!("{} ", th.event_mark()), th.warn()));
            }
            // The fagmøte's marks: a measure due (amber) or overdue (red) for evaluation,
            // and a case on the next meeting.
            if let Some(flag) = row.measure {
                v.push((
                    format!("{} ", th.measure_mark()),
                    th.level(measure_level(flag)),
                ));
            }
            if row.case_next {
                v.push((format!("{} ", th.case_mark()), th.titles_plain()));
            }
            v.push((row.label.clone(), th.strong()));
            if row.collides {
                v.push((format!(" {}", th.collide_mark()), th.warn()));
            }
            vec![v]
        }
        Column::Group => {
            let code = Config::short_of(&cfg.target_groups, &stay.target_group, lang);
            vec![vec![(code, th.dim())]]
        }
        Column::Day => day_cell(app, th, stay, row, cfg.stay.length_days, w),
        Column::Contact => {
            let full = sanitize(&stay.primary_contact);
            let first = full.split_whitespace().next().unwrap_or("").to_string();
            vec![vec![(full, Style::new())], vec![(first, Style::new())]]
        }
        Column::Goals => {
            let mut v = goals_cell(app, th, s, stay, row);
            // Too narrow for the words to say anything: the count alone.
            if w < 16
                && let Some(count) = v.first().and_then(|x| x.first()).cloned()
            {
                v.push(vec![count]);
            }
            v
        }
        Column::Assessment => deadline_cell(th, s, &f.assessment, None, detail),
        Column::Gp => {
            let state = match f.gp_state {
                GpState::NotBooked => s.not_booked.to_string(),
                // The day has passed and it is not marked held: ask.
                GpState::Booked(d) if f.gp_booking_passed => format!(
                    "{} {}",
                    fmt_short(d),
                    crate::i18n::deadline_strings(lang).gp_held
                ),
                GpState::Booked(d) => format!("{} {}", s.booked, fmt_short(d)),
                GpState::Done(_) => s.done.to_string(),
            };
            let booked = match f.gp_state {
                GpState::Booked(d) => Some(fmt_short(d)),
                _ => None,
            };
            // Booked for a day after a deadline still ahead: the appointment will be late.
            // Say so, rather than count days to a deadline the booking already misses.
            if let GpState::Booked(d) = f.gp_state
                && d > f.gp.deadline
                && f.gp.level == Level::DueSoon
                && !f.gp_booking_passed
            {
                let (sym, st) = (th.symbol(f.gp.level), th.level(f.gp.level));
                let mark = if f.gp.delay_known {
                    format!(" {}", th.delay_mark())
                } else {
                    String::new()
                };
                let after = crate::i18n::deadline_strings(lang).gp_after_deadline;
                return vec![
                    vec![(format!("{sym} {} {after}{mark}", fmt_short(d)), st)],
                    vec![(format!("{sym} {}{mark}", fmt_short(d)), st)],
                ];
            }
            deadline_cell(th, s, &f.gp, Some((state, booked)), detail)
        }
        Column::Medication => {
            let state = match stay.med_status {
                MedStatus::NotStarted => s.med_not_started,
                MedStatus::InProgress => s.med_in_progress,
                MedStatus::Done => s.med_done,
            };
            deadline_cell(
                th,
                s,
                &f.medication,
                Some((state.to_string(), None)),
                detail,
            )
        }
        Column::Risks => {
            let codes: Vec<String> = stay
                .risks
                .iter()
                .map(|r| Config::short_of(&cfg.risks, r, lang))
                .collect();
            if codes.is_empty() {
                vec![vec![(s.none.to_string(), th.dim())]]
            } else {
                vec![vec![(codes.join(" "), Style::new())]]
            }
        }
        Column::FollowUps => {
            if f.follow_ups_open == 0 {
                vec![vec![(s.none.to_string(), th.dim())]]
            } else {
                let lvl = f.follow_ups_level;
                let sym = th.symbol(lvl);
                let st = th.level(lvl);
                if f.follow_ups_overdue > 0 {
                    vec![
                        vec![(
                            format!(
                                "{sym} {} ({} {})",
                                f.follow_ups_open, f.follow_ups_overdue, s.overdue_short
                            ),
                            st,
                        )],
                        // Narrower: the overdue count alone ("✗ 1/2" read as "1 of 2 done").
                        vec![(
                            format!("{sym} {} {}", f.follow_ups_overdue, s.overdue_short),
                            st,
                        )],
                        vec![(format!("{sym} {}", f.follow_ups_overdue), st)],
                    ]
                } else {
                    vec![vec![(format!("{sym} {}", f.follow_ups_open), st)]]
                }
            }
        }
        Column::Discharge => {
            let d = &f.discharge;
            let sym = th.symbol(d.level);
            let st = th.level(d.level);
            let date = fmt_short(d.deadline);
            let rel = relative(s, d.days_left);
            let mark = if d.delay_known && d.level == Level::Overdue {
                format!(" {}", th.delay_mark())
            } else {
                String::new()
            };
            let short = short_rel(s, d.days_left);
            // A discharge on a weekend or holiday is kept (it was chosen) but said, so the
            // team plans the discharge visit: «○ 28.11 3d igjen (helg)».
            let off = day_off_mark(s, d).map_or(String::new(), |m| format!(" ({m})"));
            match detail {
                0 => vec![
                    vec![(format!("{sym} {date} {rel}{mark}{off}"), st)],
                    vec![(format!("{sym} {date} {short}{mark}{off}"), st)],
                    vec![(format!("{sym} {date}{mark}{off}"), st)],
                    vec![(format!("{sym} {date} {rel}{mark}"), st)],
                ],
                1 => vec![
                    vec![(format!("{sym} {date}{mark}{off}"), st)],
                    vec![(format!("{sym} {date}{mark}"), st)],
                ],
                _ => vec![
                    vec![(format!("{sym} {short}{mark}"), st)],
                    vec![(format!("{sym} {short}"), st)],
                ],
            }
        }
        Column::Updated => {
            let age = updated_age(app, stay, f.days_since_update);
            if f.stale {
                vec![vec![(format!("{age}!"), th.stale())]]
            } else {
                vec![vec![(age, th.dim())]]
            }
        }
    };
    variants
}

/// `stay`'s day and state today, for every screen: the one domain function, with the
/// cancellation date taken from the stay's last change (the stay row keeps no date of its
/// own for a cancellation; an archived stay is not changed after it).
pub fn day_of(app: &App, stay: &Stay) -> StayDay {
    // A stay never saved with a time (0) has no known date.
    let cancelled_on = (stay.updated_at > 0)
        .then(|| crate::app::view::local_date(stay.updated_at, &app.tz))
        .flatten();
    stay_day(stay, app.today(), app.config.stay.length_days, cancelled_on)
}

/// How long ago the stay was last changed: hours today («5t»), else days («3d»); the board,
/// the detail pane and the stand-up all say it the same way.
pub fn updated_age(app: &App, stay: &Stay, days_since_update: i64) -> String {
    let s = crate::i18n::strings(app.config.language);
    let hours = (app_now_unix(app) - stay.updated_at).max(0) / 3600;
    // A stay seen as of an earlier day (the archive) keeps its day count.
    if days_since_update == 0 && hours < 24 {
        format!("{hours}{}", s.hours_short)
    } else {
        format!("{days_since_update}{}", s.days_short)
    }
}

fn app_now_unix(app: &App) -> i64 {
    app.now
        .to_zoned_datetime(app.tz.clone())
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0)
}

/// "3d igjen" / "i dag" / "2d over".
fn relative(s: &Strings, days_left: i64) -> String {
    match days_left {
        0 => s.today.to_string(),
        n if n > 0 => format!("{n}{} {}", s.days_short, s.left_short),
        n => format!("{}{} {}", -n, s.days_short, s.overdue_short),
    }
}

/// "+3d" / "0d" / "-2d".
fn short_rel(s: &Strings, days_left: i64) -> String {
    match days_left {
        0 => s.today.to_string(),
        n if n > 0 => format!("{n}{}", s.days_short),
        n => format!("-{}{}", -n, s.days_short),
    }
}

/// A deadline cell at `detail` 0 (`✗ 3d over ⓘ`), 1 (`✗ -3d ⓘ`) or 2 (the same, the mark
/// dropped as a last resort). At level 0 a cell also offers longer forms with its state
/// (`✗ ikke bestilt 3d over ⓘ`); the last variant is the form every cell of the column
/// must fit for the level to be chosen.
fn deadline_cell(
    th: &Theme,
    s: &Strings,
    f: &DeadlineFlag,
    state: Option<(String, Option<String>)>,
    detail: u8,
) -> Vec<Variant> {
    let sym = th.symbol(f.level);
    let st = th.level(f.level);
    let mark = if f.delay_known && f.level != Level::Done {
        format!(" {}", th.delay_mark())
    } else {
        String::new()
    };
    if f.done_late() {
        return late_cell(th, s, f, detail);
    }
    if f.level == Level::Done {
        let when = f.done_on.map(fmt_short).unwrap_or_default();
        let mut v = vec![
            vec![(format!("{sym} {} {when}", s.done), st)],
            vec![(format!("{sym} {when}"), st)],
        ];
        if detail >= 2 {
            v.push(vec![(sym.to_string(), st)]);
        }
        return v;
    }
    let rel = if detail == 0 {
        relative(s, f.days_left)
    } else {
        short_rel(s, f.days_left)
    };
    let mut compact = format!("{sym} {rel}{mark}");
    let mut out = Vec::new();
    if let Some((state, booked)) = state {
        if detail == 0 {
            out.push(vec![(format!("{sym} {state} {rel}{mark}"), st)]);
            // Booked or not says more than the days left while on track, and a booking
            // stays visible next to a delay reason.
            if booked.is_some() || f.level == Level::Ok {
                out.push(vec![(format!("{sym} {state}{mark}"), st)]);
            }
        }
        if let Some(date) = booked.filter(|_| f.level != Level::Overdue) {
            compact = format!("{sym} {date}{mark}");
        }
    }
    // A deadline on a weekend or holiday (kept there by `mark`) says so before anything else:
    // the team must plan for it. One moved to the working day before already counts its days
    // to that day; it says so after its state, where there is room.
    if detail == 0
        && let Some(day_off) = day_off_mark(s, f)
    {
        let marked = |v: &Variant| {
            let mut m = v.clone();
            m.push((format!(" ({day_off})"), st));
            m
        };
        let compact_marked = marked(&vec![(compact.clone(), st)]);
        out = if f.moved_from.is_none() {
            let mut first: Vec<Variant> = out.iter().map(marked).collect();
            first.push(compact_marked);
            first.into_iter().chain(out).collect()
        } else {
            let mut v: Vec<Variant> = out.iter().flat_map(|v| [marked(v), v.clone()]).collect();
            v.push(compact_marked);
            v
        };
    }
    out.push(vec![(compact, st)]);
    if detail >= 2 {
        out.push(vec![(format!("{sym} {}", short_rel(s, f.days_left)), st)]);
    }
    out
}

/// `helg` / `helligdag` when an open deadline's day is a weekend or public holiday, or
/// `før helg` / `før helligdag` (`etter …`) when the rules moved it to the working day
/// before (after).
fn day_off_mark(s: &Strings, f: &DeadlineFlag) -> Option<&'static str> {
    let d = crate::i18n::deadline_strings(lang_of(s));
    let why = f.non_working?;
    let later = f.moved_from.is_some_and(|m| f.deadline > m);
    Some(match (why, f.moved_from.is_some(), later) {
        (NonWorking::Weekend, false, _) => d.weekend,
        (NonWorking::Holiday, false, _) => d.holiday,
        (NonWorking::Weekend, true, false) => d.before_weekend,
        (NonWorking::Holiday, true, false) => d.before_holiday,
        (NonWorking::Weekend, true, true) => d.after_weekend,
        (NonWorking::Holiday, true, true) => d.after_holiday,
    })
}

/// The language a `Strings` table is in.
fn lang_of(s: &Strings) -> crate::config::Language {
    if std::ptr::eq(s, crate::i18n::strings(crate::config::Language::En)) {
        crate::config::Language::En
    } else {
        crate::config::Language::Nb
    }
}

/// Done after its deadline: an amber tick with the days late (`✓ 2d for sent`), never the
/// green of work done in time. A recorded delay reason keeps its mark.
fn late_cell(th: &Theme, s: &Strings, f: &DeadlineFlag, detail: u8) -> Vec<Variant> {
    let d = crate::i18n::deadline_strings(lang_of(s));
    let sym = th.symbol(Level::Done);
    let st = th.level(Level::DueSoon);
    let mark = if f.delay_known {
        format!(" {}", th.delay_mark())
    } else {
        String::new()
    };
    let when = f.done_on.map(fmt_short).unwrap_or_default();
    let n = format!("{}{}", f.late_days, s.days_short);
    let mut v = Vec::new();
    if detail == 0 {
        v.push(vec![(
            format!("{sym} {} {when}, {n} {}{mark}", s.done, d.late),
            st,
        )]);
        v.push(vec![(format!("{sym} {n} {}{mark}", d.late), st)]);
    }
    v.push(vec![(format!("{sym} {n} {}{mark}", d.late_short), st)]);
    if detail >= 2 {
        v.push(vec![(format!("{sym} {n} {}", d.late_short), st)]);
        v.push(vec![(format!("{sym} {}", d.late_short), st)]);
    }
    v
}

fn day_cell(
    app: &App,
    th: &Theme,
    stay: &Stay,
    row: &RowView,
    length: u32,
    w: usize,
) -> Vec<Variant> {
    let f = &row.flags;
    let day = day_of(app, stay);
    if let StayDay::Planned { .. } = day {
        // Not started: no day number, the same words as the detail pane and the kiosk.
        let lang = app.config.language;
        return vec![
            vec![(stay_day_text(day, lang, DayForm::Medium), th.dim())],
            vec![(stay_day_text(day, lang, DayForm::Short), th.dim())],
        ];
    }
    // Red only once the planned discharge day has passed (`35/35` on the discharge day is
    // the last day of the stay, not an overdue one).
    let over = f.discharge.level == Level::Overdue;
    let num_style = if over {
        th.level(Level::Overdue)
    } else {
        th.strong()
    };
    let num = format!("{}/{length}", f.day);
    // Bars start in the same column on every row, whatever the day number's width.
    let num_w = width(&format!("{length}/{length}"));
    let num = format!("{num:<num_w$}");
    let bar_w = w.saturating_sub(num_w + 1).min(10);
    let mut v = vec![vec![(num.clone(), num_style)]];
    if bar_w >= 4 {
        let (full, empty) = th.bar();
        let filled = ((f.day.min(i64::from(length)) as usize) * bar_w)
            .div_ceil(length as usize)
            .min(bar_w);
        let bar_style = th.level(f.discharge.level.max(Level::Ok));
        v.insert(
            0,
            vec![
                (num, num_style),
                (" ".into(), Style::new()),
                (full.to_string().repeat(filled), bar_style),
                (empty.to_string().repeat(bar_w - filled), th.dim()),
            ],
        );
    }
    v
}

fn goals_cell(app: &App, th: &Theme, s: &Strings, stay: &Stay, row: &RowView) -> Vec<Variant> {
    let f = &row.flags;
    if f.goals_total == 0 {
        // No goals yet: a flag with its symbol until they exist (ticking the assessment
        // does not make it calm). Goals that were all dropped are grey.
        if f.goals.level == Level::Done {
            return vec![
                vec![(s.no_goals.to_string(), th.dim())],
                vec![("0/0".into(), th.dim())],
            ];
        }
        // In hospital the goals wait with the assessment: not a red flag beside the badge.
        let (sym, st) = if row.hospital.is_some() {
            (th.symbol(Level::Ok), th.dim())
        } else {
            (th.symbol(f.goals.level), th.level(f.goals.level))
        };
        return vec![
            vec![(format!("{sym} {}", s.no_goals), st)],
            vec![(format!("{sym} 0/0"), st)],
        ];
    }
    let count = format!("{}/{}", f.goals_achieved, f.goals_total);
    let count_style = if f.goals_achieved == f.goals_total {
        th.level(Level::Done)
    } else {
        th.strong()
    };
    let first_open = stay.goals.iter().find(|g| g.status == GoalStatus::Open);
    match (app.privacy().goals, first_open) {
        (true, Some(g)) => vec![vec![
            (count, count_style),
            (" ".into(), Style::new()),
            (format!("«{}»", sanitize(&g.text)), Style::new()),
        ]],
        _ => vec![vec![(count, count_style)]],
    }
}

/// `text` broken into lines of at most `w` cells, at spaces where it can (a word longer
/// than a line is split).
pub fn wrap(text: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|x| !x.is_empty()) {
        let sep = usize::from(!line.is_empty());
        if width(&line) + sep + width(word) <= w {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        let mut rest = word.to_string();
        while width(&rest) > w {
            let head = truncate_plain(&rest, w);
            rest = rest[head.len()..].to_string();
            out.push(head);
        }
        line = rest;
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

/// The longest prefix of `s` at most `w` cells wide (at least one char).
pub(crate) fn truncate_plain(s: &str, w: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let next = format!("{out}{c}");
        if width(&next) > w && !out.is_empty() {
            break;
        }
        out = next;
    }
    out
}

/// The goals cell over `n` lines of `w` cells, for rows with room to spare (the TV): the
/// count and the first open goal in full (wrapped lines keep the goal's indent), then the
/// next step (the open follow-up due first) and the other open goals while lines are left.
/// Texts follow the screen's privacy: goal texts with `goals`, follow-up texts with `notes`.
pub fn goal_lines(
    app: &App,
    th: &Theme,
    s: &Strings,
    row: &RowView,
    w: usize,
    n: usize,
) -> Vec<Line<'static>> {
    let stay = &app.stays[row.stay];
    let f = &row.flags;
    let privacy = app.privacy();
    let open: Vec<_> = stay
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Open)
        .collect();
    let mut blocks: Vec<Vec<Line<'static>>> = Vec::new();
    if f.goals_total == 0 || !privacy.goals || open.is_empty() {
        blocks.push(vec![fit(goals_cell(app, th, s, stay, row), w)]);
    }
    let count = format!("{}/{}", f.goals_achieved, f.goals_total);
    let indent = width(&count) + 1;
    let goal_block = |i: usize, text: &str| -> Vec<Line<'static>> {
        wrap(&format!("«{}»", sanitize(text)), w.saturating_sub(indent))
            .into_iter()
            .enumerate()
            .map(|(j, part)| {
                let head = if i == 0 && j == 0 {
                    Span::styled(format!("{count} "), th.strong())
                } else {
                    Span::raw(" ".repeat(indent))
                };
                Line::from(vec![head, Span::raw(part)])
            })
            .collect()
    };
    let others: Vec<Vec<Line<'static>>> = if privacy.goals {
        open.iter()
            .enumerate()
            .map(|(i, g)| goal_block(i, &g.text))
            .collect()
    } else {
        Vec::new()
    };
    let mut others = others.into_iter();
    if let Some(first) = others.next() {
        blocks.push(first);
    }
    if privacy.notes {
        let next = stay
            .follow_ups
            .iter()
            .filter(|x| x.done_on.is_none())
            .min_by_key(|x| (x.due.is_none(), x.due, x.id));
        if let Some(fu) = next {
            let lvl = crate::domain::flags::follow_up_level(
                fu,
                app.today(),
                app.config.stay.due_soon_days,
            );
            let disc =
                Config::short_of(&app.config.disciplines, &fu.discipline, app.config.language);
            let due = fu
                .due
                .map(|d| format!(" {}", fmt_short(d)))
                .unwrap_or_default();
            let pad = if blocks.is_empty() { 0 } else { indent };
            blocks.push(vec![fit(
                vec![vec![
                    (" ".repeat(pad), Style::new()),
                    (format!("{} ", th.symbol(lvl)), th.level(lvl)),
                    (format!("{disc}{due}: "), th.level(lvl)),
                    (sanitize(&fu.text), Style::new()),
                ]],
                w,
            )]);
        }
    }
    blocks.extend(others);
    let mut out: Vec<Line<'static>> = Vec::new();
    let total: usize = blocks.iter().map(Vec::len).sum();
    for line in blocks.into_iter().flatten() {
        if out.len() == n {
            break;
        }
        out.push(line);
    }
    if total > n
        && let Some(last) = out.last_mut()
    {
        // Say that there is more rather than cut a goal silently.
        let text: String = last.spans.iter().map(|x| x.content.as_ref()).collect();
        if width(&text) + 1 > w {
            let keep = truncate(&text, w);
            *last = Line::raw(keep);
        } else {
            last.spans.push(Span::styled("…", th.dim()));
        }
    }
    out
}

/// The level a measure flag is drawn with: due amber, overdue red.
pub fn measure_level(flag: crate::domain::fagmote::MeasureFlag) -> Level {
    match flag {
        crate::domain::fagmote::MeasureFlag::Due => Level::DueSoon,
        crate::domain::fagmote::MeasureFlag::Overdue => Level::Overdue,
    }
}
