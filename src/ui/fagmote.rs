//! The fagmøte screens: the plan (meeting dates and each meeting's agenda) and the meeting
//! being held (one step at a time, with its guide, what is written so far and a timer).

use super::theme::Theme;
use crate::app::App;
use crate::app::fagmote::{Fagmote, Hold, evaluation_label, visible};
use crate::config::Config;
use crate::domain::Level;
use crate::domain::dates::{fmt_date, fmt_short};
use crate::domain::fagmote::{
    Case, CaseMeeting, CaseStatus, MeasureFlag, MeetingStatus, Step, TimeBox, time_box,
};
use crate::domain::text::sanitize;
use crate::i18n::{FagmoteStrings, fagmote_review_strings, fagmote_strings, strings};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Draw the fagmøte mode into the board's body area.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, f: &Fagmote, th: &Theme) {
    match &f.hold {
        Some(h) => hold(frame, area, app, h, th),
        None => plan(frame, area, app, f, th),
    }
}

fn weekday(app: &App, m: &CaseMeeting) -> &'static str {
    day_name(app, m.date)
}

fn day_name(app: &App, d: jiff::civil::Date) -> &'static str {
    let s = strings(app.config.language);
    s.weekdays[d.weekday().to_monday_zero_offset() as usize]
}

/// «onsdag 25.11.2026», the day a meeting was held (its planned date until then), and the
/// planned date after it when the meeting was held on another day.
fn when(app: &App, m: &CaseMeeting) -> (String, Option<String>) {
    let d = m.day(&app.tz);
    let planned = (d != m.date).then(|| {
        fagmote_review_strings(app.config.language)
            .planned_for
            .replace("{day}", weekday(app, m))
            .replace("{date}", &fmt_short(m.date))
    });
    (format!("{} {}", day_name(app, d), fmt_date(d)), planned)
}

fn status_word(t: &FagmoteStrings, s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Planned => t.planned,
        MeetingStatus::Held => t.held,
        MeetingStatus::Cancelled => t.cancelled,
    }
}

fn plan(frame: &mut Frame<'_>, area: Rect, app: &App, f: &Fagmote, th: &Theme) {
    let t = fagmote_strings(app.config.language);
    let today = app.today();
    let cfg = &app.config.fagmote;
    let s = strings(app.config.language);
    let day_name = s.weekdays[cfg.weekday.to_jiff().to_monday_zero_offset() as usize];
    let [top, rest] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {}", t.plan_title), th.titles()),
            Span::styled(
                format!(
                    "   {}",
                    t.every_week
                        .replace("{day}", day_name)
                        .replace("{time}", &sanitize(&cfg.time))
                ),
                th.dim(),
            ),
        ])),
        top,
    );
    let list = visible(&app.plan, today);
    if list.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::raw(" "),
                Span::styled(t.no_meetings, th.warn()),
            ]))
            .wrap(Wrap { trim: true }),
            rest,
        );
        return;
    }
    let left_w = if area.width >= 120 { 44 } else { 34 };
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w), Constraint::Min(10)]).areas(rest);
    let next = app.plan.next_meeting(today).map(|m| m.id);
    let per = usize::from(left.height).max(1);
    let start = (f.cursor / per) * per;
    let mut lines = Vec::new();
    for (i, m) in list.iter().enumerate().skip(start).take(per) {
        let n = app.plan.agenda(m.id).len();
        let mut text = if left_w >= 40 {
            format!(
                " {} {} {}",
                weekday(app, m),
                fmt_date(m.date),
                status_word(t, m.status)
            )
        } else {
            format!(" {} {}", fmt_date(m.date), status_word(t, m.status))
        };
        // Held on another day than planned: which day.
        if let Some(d) = m.held_on(&app.tz).filter(|d| *d != m.date) {
            text.push_str(&format!(" {}", fmt_short(d)));
        }
        if n > 0 {
            text.push_str(&format!(" · {n}"));
        }
        if Some(m.id) == next {
            text.push_str(&format!(" ← {}", t.next));
        }
        let mut style = match m.status {
            MeetingStatus::Cancelled => th.dim().add_modifier(Modifier::CROSSED_OUT),
            MeetingStatus::Held => th.level(Level::Done),
            MeetingStatus::Planned if Some(m.id) == next => th.strong(),
            MeetingStatus::Planned => ratatui::style::Style::new(),
        };
        if i == f.cursor {
            style = style.patch(th.selected());
        }
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines), left);
    if let Some(m) = list.get(f.cursor) {
        agenda(frame, right, app, m, th);
    }
}

/// The agenda of one meeting: its cases, and the measures it opens by evaluating.
fn agenda(frame: &mut Frame<'_>, area: Rect, app: &App, m: &CaseMeeting, th: &Theme) {
    let t = fagmote_strings(app.config.language);
    let mut l: Vec<Line> = Vec::new();
    let time = if m.status == MeetingStatus::Planned {
        format!(" {}", sanitize(&app.config.fagmote.time))
    } else {
        String::new()
    };
    let (day, planned) = when(app, m);
    let mut head = vec![
        Span::styled(format!("{day}{time}"), th.strong()),
        Span::styled(format!(" · {}", status_word(t, m.status)), th.dim()),
    ];
    if let Some(p) = planned {
        head.push(Span::styled(format!(" · {p}"), th.dim()));
    }
    l.push(Line::from(head));
    if m.status == MeetingStatus::Held {
        l.push(roles(app, m, th));
        l.push(attendance(app, m, th));
    }
    l.push(Line::raw(""));
    l.push(Line::styled(t.cases, th.titles()));
    let cases = app.plan.agenda(m.id);
    if cases.is_empty() {
        l.push(Line::styled(format!("  {}", t.no_cases), th.dim()));
    }
    for (i, c) in cases.iter().enumerate() {
        let mut spans = vec![
            Span::raw(format!("{:>2}. ", i + 1)),
            Span::styled(app.case_label(c), th.strong()),
        ];
        if !c.put_up_by.trim().is_empty() {
            spans.push(Span::styled(
                format!(" ({} {})", t.put_up_by, sanitize(&c.put_up_by)),
                th.dim(),
            ));
        }
        if c.status == CaseStatus::Discussed {
            spans.push(Span::styled(
                format!(" · {}", t.discussed),
                th.level(Level::Done),
            ));
        }
        l.push(Line::from(spans));
        for ms in app.plan.measures_of(c.id) {
            l.push(measure_line(app, ms, "      ", th));
        }
    }
    if m.status != MeetingStatus::Cancelled {
        // The measures this meeting evaluated are done: they are listed under their own
        // heading with the answer, never under «to evaluate» (a held meeting read as if
        // its evaluated measures were still open).
        let (done, due): (Vec<_>, Vec<_>) = app
            .hold_evaluations(m)
            .into_iter()
            .partition(|ms| ms.evaluation.is_some());
        let who_line = |ms: &crate::domain::fagmote::Measure| {
            let who = app.stay_label(ms.stay_id);
            let mut line = measure_line(app, ms, "  ", th);
            line.spans
                .insert(1, Span::styled(format!("{who}: "), th.strong()));
            line
        };
        let any_done = !done.is_empty();
        if any_done {
            l.push(Line::raw(""));
            l.push(Line::styled(
                crate::i18n::wording_strings(app.config.language).evaluated_at_meeting,
                th.titles(),
            ));
            l.extend(done.into_iter().map(who_line));
        }
        // After evaluating everything, an empty «to evaluate» section says nothing.
        if !due.is_empty() || !any_done {
            l.push(Line::raw(""));
            l.push(Line::styled(t.to_evaluate, th.titles()));
            if due.is_empty() {
                l.push(Line::styled(
                    format!("  {}", t.nothing_to_evaluate),
                    th.dim(),
                ));
            }
            l.extend(due.into_iter().map(who_line));
        }
    }
    let l = super::hang_all(l, usize::from(area.width));
    frame.render_widget(Paragraph::new(l).wrap(Wrap { trim: false }), area);
}

fn roles(app: &App, m: &CaseMeeting, th: &Theme) -> Line<'static> {
    let t = fagmote_strings(app.config.language);
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            "–".to_string()
        } else {
            sanitize(s)
        }
    };
    Line::from(vec![
        Span::styled(format!("{}: ", t.led_by), th.dim()),
        Span::raw(or_dash(&m.led_by)),
        Span::styled(format!(" · {}: ", t.supervisor), th.dim()),
        Span::raw(or_dash(&m.supervisor)),
    ])
}

fn attendance(app: &App, m: &CaseMeeting, th: &Theme) -> Line<'static> {
    let t = fagmote_strings(app.config.language);
    let lang = app.config.language;
    let people = if m.attendance.is_empty() {
        t.nobody_yet.to_string()
    } else {
        m.attendance
            .iter()
            .map(|a| {
                let d = Config::short_of(&app.config.disciplines, &a.discipline, lang);
                format!("{} ({})", sanitize(&a.name), sanitize(&d))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    Line::from(vec![
        Span::styled(
            format!("{} ({}): ", t.present, m.attendance.len()),
            th.dim(),
        ),
        Span::raw(people),
    ])
}

/// `• Kveldsstell før nyhetene – Kveldsvakt, fra 26.11 · evalueres 10.12` (or its result).
pub fn measure_line(
    app: &App,
    ms: &crate::domain::fagmote::Measure,
    indent: &str,
    th: &Theme,
) -> Line<'static> {
    let t = fagmote_strings(app.config.language);
    let mut tail = String::new();
    if !ms.who.trim().is_empty() {
        tail.push_str(&format!(" – {}", sanitize(&ms.who)));
    }
    if let Some(d) = ms.from_on {
        tail.push_str(&format!(", {} {}", t.from, fmt_short(d)));
    }
    let mut spans = vec![
        Span::raw(format!("{indent}• ")),
        Span::raw(format!("{}{tail}", sanitize(&ms.text))),
    ];
    match (ms.evaluation, ms.evaluate_on) {
        (Some(e), _) => {
            let lvl = match e {
                crate::domain::fagmote::Evaluation::Worked => Level::Done,
                _ => Level::Ok,
            };
            // «evaluert: virket – Dusjer nå selv»: the verdict after a colon, the note
            // after a dash (not «evaluert virket: …», which reads as one broken phrase).
            let mut s = format!(
                " · {}: {}",
                t.evaluated,
                evaluation_label(e, app.config.language)
            );
            if !ms.evaluation_note.trim().is_empty() {
                s.push_str(&format!(" – {}", sanitize(&ms.evaluation_note)));
            }
            spans.push(Span::styled(s, th.level(lvl)));
        }
        (None, Some(d)) => {
            let flag = crate::domain::fagmote::measure_flag(
                ms,
                app.today(),
                app.config.fagmote.evaluation_grace_days,
            );
            let style = match flag {
                Some(MeasureFlag::Overdue) => th.level(Level::Overdue),
                Some(MeasureFlag::Due) => th.level(Level::DueSoon),
                None => th.dim(),
            };
            spans.push(Span::styled(
                format!(" · {} {}", t.evaluate_on, fmt_short(d)),
                style,
            ));
        }
        (None, None) => {}
    }
    Line::from(spans)
}

fn step_name(t: &FagmoteStrings, s: Step) -> &'static str {
    match s {
        Step::Evaluate => t.step_evaluate,
        Step::Situation => t.step_situation,
        Step::Perspective => t.step_perspective,
        Step::Measures => t.step_measures,
        Step::EvaluateOn => t.step_evaluate_on,
    }
}

fn step_minutes(app: &App, s: Step) -> u32 {
    let m = &app.config.fagmote.step_minutes;
    match s {
        Step::Evaluate => m.evaluate,
        Step::Situation => m.situation,
        Step::Perspective => m.perspective,
        Step::Measures => m.measures,
        Step::EvaluateOn => m.evaluate_on,
    }
}

fn hold(frame: &mut Frame<'_>, area: Rect, app: &App, h: &Hold, th: &Theme) {
    let t = fagmote_strings(app.config.language);
    let lang = app.config.language;
    let Some(m) = app.plan.meeting(h.meeting_id) else {
        return;
    };
    let (day, planned) = when(app, m);
    let mut head = vec![
        Span::styled(format!(" {} ", t.hold_title), th.titles()),
        Span::styled(format!(" {day}"), th.strong()),
    ];
    if let Some(p) = planned {
        head.push(Span::styled(format!(" · {p}"), th.dim()));
    }
    let mut l: Vec<Line> = vec![
        Line::from(head),
        {
            let mut r = roles(app, m, th);
            r.spans.insert(0, Span::raw(" "));
            r
        },
        {
            let mut a = attendance(app, m, th);
            a.spans.insert(0, Span::raw(" "));
            a
        },
        Line::raw(""),
    ];
    // Ending with loose ends: the question, and which, in place of the step.
    let (question, which) = app.end_question();
    if app.fagmote.as_ref().is_some_and(|f| f.confirm_end) && !question.is_empty() {
        l.push(Line::from(vec![
            Span::raw(" "),
            Span::styled(question, th.warn()),
        ]));
        for w in which {
            l.push(Line::from(vec![
                Span::raw("   • "),
                Span::styled(w, th.strong()),
            ]));
        }
        let l = super::hang_all(l, usize::from(area.width));
        frame.render_widget(Paragraph::new(l).wrap(Wrap { trim: false }), area);
        return;
    }
    let Some((step, case_id)) = h.step() else {
        l.push(Line::styled(format!(" {}", t.no_steps), th.warn()));
        let l = super::hang_all(l, usize::from(area.width));
        frame.render_widget(Paragraph::new(l).wrap(Wrap { trim: false }), area);
        return;
    };
    // The step, the case and the timer: amber in the last fifth of the box, red past it.
    let used = h.used(app.now);
    let minutes = step_minutes(app, step);
    let (tstyle, over) = match time_box(used, minutes) {
        TimeBox::Within => (th.strong(), ""),
        TimeBox::Nearly => (th.level(Level::DueSoon), ""),
        TimeBox::Over => (th.level(Level::Overdue), t.over),
    };
    let timer = format!(
        "{:02}:{:02} / {:02}:00 {over}",
        used / 60,
        used % 60,
        minutes
    );
    let step_of = t
        .step_of
        .replace("{n}", &(h.pos + 1).to_string())
        .replace("{of}", &h.steps.len().to_string());
    l.push(Line::from(vec![
        Span::styled(format!(" {step_of} · "), th.dim()),
        Span::styled(step_name(t, step), th.strong().add_modifier(Modifier::BOLD)),
        Span::raw("   "),
        Span::styled(timer.trim_end().to_string(), tstyle),
    ]));
    let case = case_id.and_then(|c| app.plan.case(c));
    if let Some(c) = case {
        l.push(Line::styled(format!(" {}", app.case_label(c)), th.strong()));
    }
    let guide = match step {
        Step::Evaluate => t.guide_evaluate,
        Step::Situation => t.guide_situation,
        Step::Perspective => t.guide_perspective,
        Step::Measures => t.guide_measures,
        Step::EvaluateOn => t.guide_evaluate_on,
    };
    l.push(Line::from(vec![
        Span::raw(" "),
        Span::styled(guide, th.dim()),
    ]));
    l.push(Line::raw(""));
    let answer = |text: &str| -> Line<'static> {
        if text.trim().is_empty() {
            Line::from(vec![
                Span::raw("   "),
                Span::styled(t.not_written, th.dim()),
            ])
        } else {
            Line::from(vec![Span::raw("   "), Span::raw(sanitize(text))])
        }
    };
    match (step, case) {
        (Step::Evaluate, _) => {
            for (i, ms) in app.hold_evaluations(m).iter().enumerate() {
                let who = app.stay_label(ms.stay_id);
                let mut line = measure_line(app, ms, "  ", th);
                line.spans
                    .insert(1, Span::styled(format!("{who}: "), th.strong()));
                if i == h.item {
                    line.spans[0] = Span::styled(" ▶ ", th.strong());
                    line = line.style(th.selected());
                }
                l.push(line);
            }
        }
        (Step::Situation, Some(c)) => l.push(answer(&c.situation)),
        (Step::Perspective, Some(c)) => perspective(&mut l, app, c, &answer, th),
        (Step::Measures, Some(c)) => measures(&mut l, app, c, th),
        (Step::EvaluateOn, Some(c)) => {
            match c.evaluate_on {
                Some(d) => l.push(Line::styled(
                    format!("   {}: {}", t.f_evaluate_on, fmt_date(d)),
                    th.strong(),
                )),
                None => l.push(answer("")),
            }
            l.push(Line::raw(""));
            measures(&mut l, app, c, th);
        }
        _ => {}
    }
    let _ = lang;
    let l = super::hang_all(l, usize::from(area.width));
    frame.render_widget(Paragraph::new(l).wrap(Wrap { trim: false }), area);
}

fn perspective(
    l: &mut Vec<Line<'static>>,
    app: &App,
    c: &Case,
    answer: &dyn Fn(&str) -> Line<'static>,
    th: &Theme,
) {
    let lang = app.config.language;
    let p = &app.config.fagmote.prompts;
    for (q, a) in [
        (&p.value, &c.value_prompt),
        (&p.individual, &c.individual_prompt),
        (&p.perspective, &c.perspective),
        (&p.social, &c.social_prompt),
    ] {
        l.push(Line::from(vec![
            Span::raw(" "),
            Span::styled(sanitize(q.get(lang)), th.titles_plain()),
        ]));
        l.push(answer(a));
    }
}

fn measures(l: &mut Vec<Line<'static>>, app: &App, c: &Case, th: &Theme) {
    let t = fagmote_strings(app.config.language);
    l.push(Line::styled(format!(" {}", t.measures), th.titles()));
    let ms = app.plan.measures_of(c.id);
    if ms.is_empty() {
        l.push(Line::styled(format!("   {}", t.no_measures), th.dim()));
    }
    for m in ms {
        l.push(measure_line(app, m, "   ", th));
    }
}

/// The person's history in the fagmøte, for the detail pane (when there is one): every case over the stay
/// (with its meeting's date), what was said when `texts` may be shown, and its measures.
pub fn detail_lines(
    lines: &mut Vec<Line<'static>>,
    app: &App,
    stay: crate::domain::StayId,
    texts: bool,
    th: &Theme,
) {
    let t = fagmote_strings(app.config.language);
    let cases = app.plan.cases_of(stay);
    // Most stays never come up at a fagmøte: no empty section for them.
    if cases.is_empty() {
        return;
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(t.detail_title, th.titles()));
    for (c, m) in cases {
        // The day the meeting was held, else the day it is planned for.
        let when = m.map(|m| fmt_date(m.day(&app.tz))).unwrap_or_default();
        let mut spans = vec![
            Span::styled(format!("  {when}  "), th.dim()),
            Span::styled(format!("«{}»", sanitize(&c.title)), th.strong()),
        ];
        let state = match (c.status, m.map(|m| m.status)) {
            (CaseStatus::Withdrawn, _) => Some(t.withdrawn),
            (_, Some(MeetingStatus::Cancelled)) => Some(t.cancelled),
            (CaseStatus::Discussed, _) => Some(t.discussed),
            _ => None,
        };
        if let Some(w) = state {
            spans.push(Span::styled(format!(" · {w}"), th.dim()));
        }
        if !c.put_up_by.trim().is_empty() {
            spans.push(Span::styled(
                format!(" ({} {})", t.put_up_by, sanitize(&c.put_up_by)),
                th.dim(),
            ));
        }
        lines.push(Line::from(spans));
        if texts {
            for (label, text) in [
                (t.d_situation, &c.situation),
                (t.d_perspective, &c.perspective),
            ] {
                if !text.trim().is_empty() {
                    lines.push(Line::from(vec![
                        Span::styled(format!("      {label}: "), th.dim()),
                        Span::raw(sanitize(text)),
                    ]));
                }
            }
        }
        for ms in app.plan.measures_of(c.id) {
            lines.push(measure_line(app, ms, "    ", th));
        }
    }
}
