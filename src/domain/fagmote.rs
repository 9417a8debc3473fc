//! The weekly VIPS fagmøte (case meeting): its plan, cases and measures (tiltak), as plain
//! data and pure functions of (data, today). The store loads a [`Plan`]; the board, the
//! fagmøte mode, the detail pane and the indicators all read it.

use super::StayId;
use super::dates::{add_days, days_between};
use super::holidays::is_public_holiday;
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;

/// Where a meeting is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingStatus {
    Planned,
    Held,
    Cancelled,
}

impl MeetingStatus {
    /// Stable database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Held => "held",
            Self::Cancelled => "cancelled",
        }
    }
    /// Parse the database spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "planned" => Self::Planned,
            "held" => Self::Held,
            "cancelled" => Self::Cancelled,
            _ => return None,
        })
    }
}

/// Where a case on the agenda is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseStatus {
    Planned,
    Discussed,
    Withdrawn,
}

impl CaseStatus {
    /// Stable database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Discussed => "discussed",
            Self::Withdrawn => "withdrawn",
        }
    }
    /// Parse the database spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "planned" => Self::Planned,
            "discussed" => Self::Discussed,
            "withdrawn" => Self::Withdrawn,
            _ => return None,
        })
    }
}

/// How a measure worked, as the fagmøte judged it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evaluation {
    Worked,
    Partly,
    DidNotWork,
}

impl Evaluation {
    /// Every answer, in the order the form offers them.
    pub const ALL: [Evaluation; 3] = [Self::Worked, Self::Partly, Self::DidNotWork];
    /// Stable database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Worked => "worked",
            Self::Partly => "partly",
            Self::DidNotWork => "did_not_work",
        }
    }
    /// Parse the database spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == s)
    }
}

/// Someone at a meeting, with their discipline (a key of the configured disciplines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub name: String,
    pub discipline: String,
}

/// One fagmøte: planned on a date, then held (or cancelled).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseMeeting {
    pub id: i64,
    pub date: Date,
    pub status: MeetingStatus,
    /// Unix seconds.
    pub started_at: Option<i64>,
    pub ended_at: Option<i64>,
    /// The ressursperson who led it.
    pub led_by: String,
    /// The veileder (supervising nurse).
    pub supervisor: String,
    pub note: String,
    pub attendance: Vec<Attendee>,
}

impl CaseMeeting {
    /// The day the meeting was actually held: the local date (in the ward's zone) of its
    /// start, which the `Hold` write stamps with the clock. A meeting is often held a day
    /// early or late, and the record must say when it was, not when it was meant to be
    /// (`date` stays the planned date). `None` unless held; a held meeting without a start
    /// (written by hand or imported) falls back to its planned date.
    pub fn held_on(&self, tz: &TimeZone) -> Option<Date> {
        if self.status != MeetingStatus::Held {
            return None;
        }
        let started = self
            .started_at
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .map(|t| t.to_zoned_datetime(tz.clone()).date());
        Some(started.unwrap_or(self.date))
    }

    /// The day the meeting counts on: the day it was held, else its planned date.
    pub fn day(&self, tz: &TimeZone) -> Date {
        self.held_on(tz).unwrap_or(self.date)
    }

    /// The last evaluation date the meeting takes up. Held early, it still takes the
    /// measures meant for its planned date; held late, also those due by the day it was held.
    pub fn evaluation_cutoff(&self, tz: &TimeZone) -> Date {
        self.day(tz).max(self.date)
    }
}

/// A case put up for a meeting: one concrete situation of one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub id: i64,
    pub meeting_id: i64,
    pub stay_id: StayId,
    pub position: i64,
    pub title: String,
    /// The primary contact (or other) who put it up.
    pub put_up_by: String,
    /// What, when, where: bounded in time and place.
    pub situation: String,
    pub value_prompt: String,
    pub individual_prompt: String,
    /// How the person seems to experience the situation.
    pub perspective: String,
    pub social_prompt: String,
    pub evaluate_on: Option<Date>,
    pub status: CaseStatus,
}

/// A measure (tiltak) agreed at a fagmøte: who does what from when; evaluated later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    pub id: i64,
    pub case_id: i64,
    pub stay_id: StayId,
    pub text: String,
    pub who: String,
    pub from_on: Option<Date>,
    pub evaluate_on: Option<Date>,
    pub evaluation: Option<Evaluation>,
    pub evaluated_on: Option<Date>,
    pub evaluation_note: String,
    /// The meeting that evaluated it.
    pub evaluated_in: Option<i64>,
}

/// Every fagmøte with its cases and measures, meetings in date order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub meetings: Vec<CaseMeeting>,
    /// In meeting order, then position.
    pub cases: Vec<Case>,
    pub measures: Vec<Measure>,
}

/// A measure's place on the board: its evaluation date has come, or a weekly fagmøte
/// has gone by since without evaluating it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MeasureFlag {
    Due,
    Overdue,
}

/// How the board marks a measure on `today`; `grace` is the days a measure may wait for
/// the next fagmøte after its date (a weekly rhythm: 7).
pub fn measure_flag(m: &Measure, today: Date, grace: u32) -> Option<MeasureFlag> {
    if m.evaluation.is_some() {
        return None;
    }
    let on = m.evaluate_on?;
    let late = days_between(on, today);
    if late > i64::from(grace) {
        Some(MeasureFlag::Overdue)
    } else if late >= 0 {
        Some(MeasureFlag::Due)
    } else {
        None
    }
}

/// Whether a measure was evaluated on time: by its date plus `grace` days. `None` while the
/// question is still open (not evaluated and the window has not closed) or it has no date.
pub fn evaluated_on_time(m: &Measure, today: Date, grace: u32) -> Option<bool> {
    let on = m.evaluate_on?;
    let last = add_days(on, i64::from(grace));
    match m.evaluated_on {
        Some(d) if m.evaluation.is_some() => Some(d <= last),
        _ if today > last => Some(false),
        _ => None,
    }
}

/// The end of the semester `d` falls in: 30 June (spring) or 31 December (autumn).
pub fn semester_end(d: Date) -> Date {
    if d.month() <= 6 {
        Date::new(d.year(), 6, 30).unwrap_or(d)
    } else {
        Date::new(d.year(), 12, 31).unwrap_or(d)
    }
}

/// The weekly meeting dates for the semester from `today`: every `weekday` from today to
/// the semester's end, except public holidays and dates already in `existing`. In the last
/// four weeks of a semester the series runs on to the end of the next one, so a plan
/// made in December reaches into spring.
pub fn weekly_series(today: Date, weekday: Weekday, existing: &[Date]) -> Vec<Date> {
    let until = semester_end(add_days(today, 28));
    let ahead = i64::from(weekday.to_monday_zero_offset())
        - i64::from(today.weekday().to_monday_zero_offset());
    let mut d = add_days(today, ahead.rem_euclid(7));
    let mut out = Vec::new();
    while d <= until {
        if !is_public_holiday(d) && !existing.contains(&d) {
            out.push(d);
        }
        d = add_days(d, 7);
    }
    out
}

/// One step of a case in the meeting, in the VIPS order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The meeting opens by evaluating the measures whose date has come.
    Evaluate,
    /// (a) The situation: what, when, where.
    Situation,
    /// (b) The person's perspective, with the four VIPS elements as prompts.
    Perspective,
    /// (c) Measures: who does what from when.
    Measures,
    /// (d) When to evaluate.
    EvaluateOn,
}

/// The steps of a meeting: the evaluation first when any measure is up, then the four
/// steps of each case in agenda order.
pub fn steps(evaluations: usize, cases: &[i64]) -> Vec<(Step, Option<i64>)> {
    let mut v = Vec::new();
    if evaluations > 0 {
        v.push((Step::Evaluate, None));
    }
    for &c in cases {
        for s in [
            Step::Situation,
            Step::Perspective,
            Step::Measures,
            Step::EvaluateOn,
        ] {
            v.push((s, Some(c)));
        }
    }
    v
}

/// How far a step is into its time box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeBox {
    Within,
    /// The last fifth of the box.
    Nearly,
    Over,
}

/// Where `used` seconds stand against a box of `minutes`.
pub fn time_box(used_secs: i64, minutes: u32) -> TimeBox {
    let limit = i64::from(minutes) * 60;
    if used_secs > limit {
        TimeBox::Over
    } else if used_secs * 5 >= limit * 4 {
        TimeBox::Nearly
    } else {
        TimeBox::Within
    }
}

/// The evaluation date a meeting held on `held` proposes for its measures: `days` on, moved
/// to a planned fagmøte within three days of that (the measures are evaluated at a meeting,
/// and a meeting held a day early or late should not push them off the weekly rhythm).
pub fn evaluation_default(plan: &Plan, held: Date, days: u32) -> Date {
    let target = add_days(held, i64::from(days));
    plan.meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Planned && m.date > held)
        .map(|m| m.date)
        .filter(|d| days_between(target, *d).abs() <= 3)
        .min_by_key(|d| (days_between(target, *d).abs(), *d))
        .unwrap_or(target)
}

impl Plan {
    /// The next fagmøte still to be held: planned, on or after `today`.
    pub fn next_meeting(&self, today: Date) -> Option<&CaseMeeting> {
        self.meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Planned && m.date >= today)
            .min_by_key(|m| (m.date, m.id))
    }

    pub fn meeting(&self, id: i64) -> Option<&CaseMeeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    pub fn case(&self, id: i64) -> Option<&Case> {
        self.cases.iter().find(|c| c.id == id)
    }

    /// The cases on a meeting's agenda (not withdrawn), in order.
    pub fn agenda(&self, meeting_id: i64) -> Vec<&Case> {
        let mut v: Vec<&Case> = self
            .cases
            .iter()
            .filter(|c| c.meeting_id == meeting_id && c.status != CaseStatus::Withdrawn)
            .collect();
        v.sort_by_key(|c| (c.position, c.id));
        v
    }

    /// Stays with a case on the next fagmøte.
    pub fn on_next(&self, today: Date) -> Vec<StayId> {
        self.next_meeting(today)
            .map(|m| self.agenda(m.id).iter().map(|c| c.stay_id).collect())
            .unwrap_or_default()
    }

    /// The measures of a case, oldest first.
    pub fn measures_of(&self, case_id: i64) -> Vec<&Measure> {
        self.measures
            .iter()
            .filter(|m| m.case_id == case_id)
            .collect()
    }

    /// Every case of a stay (withdrawn ones too: the history is whole), oldest first.
    pub fn cases_of(&self, stay: StayId) -> Vec<(&Case, Option<&CaseMeeting>)> {
        let mut v: Vec<_> = self
            .cases
            .iter()
            .filter(|c| c.stay_id == stay)
            .map(|c| (c, self.meeting(c.meeting_id)))
            .collect();
        v.sort_by_key(|(c, m)| (m.map(|m| m.date), c.id));
        v
    }

    /// The stay's worst measure flag on `today`.
    pub fn flag_of(&self, stay: StayId, today: Date, grace: u32) -> Option<MeasureFlag> {
        self.measures
            .iter()
            .filter(|m| m.stay_id == stay)
            .filter_map(|m| measure_flag(m, today, grace))
            .max()
    }

    /// What the meeting would leave undone if ended now (see [`LooseEnds`]); `cutoff` and
    /// `active` as for [`Plan::to_evaluate`].
    pub fn loose_ends(&self, meeting_id: i64, cutoff: Date, active: &[StayId]) -> LooseEnds<'_> {
        let mut l = LooseEnds {
            not_evaluated: self
                .to_evaluate(meeting_id, cutoff, active)
                .into_iter()
                .filter(|m| m.evaluation.is_none())
                .collect(),
            ..LooseEnds::default()
        };
        for c in self.agenda(meeting_id) {
            if self.measures_of(c.id).is_empty() {
                l.no_measures.push(c);
            } else if c.evaluate_on.is_none() {
                l.no_date.push(c);
            }
        }
        l
    }

    /// The measures a meeting on `date` opens with: not yet evaluated, their date come,
    /// for the `active` stays (a discharged person's measures are closed at discharge).
    /// A measure evaluated at this meeting stays in the list, so the screen shows the answer.
    pub fn to_evaluate(&self, meeting_id: i64, date: Date, active: &[StayId]) -> Vec<&Measure> {
        self.measures
            .iter()
            .filter(|m| active.contains(&m.stay_id))
            .filter(|m| m.evaluate_on.is_some_and(|d| d <= date))
            .filter(|m| m.evaluation.is_none() || m.evaluated_in == Some(meeting_id))
            .collect()
    }
}

/// What a meeting would leave undone if it ended now: the measures it opened with that were
/// not evaluated, and the cases on its agenda without a measure or without a date to
/// evaluate them (a case is named once, for the first it lacks).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LooseEnds<'a> {
    pub not_evaluated: Vec<&'a Measure>,
    pub no_measures: Vec<&'a Case>,
    pub no_date: Vec<&'a Case>,
}

impl LooseEnds<'_> {
    pub fn is_empty(&self) -> bool {
        self.not_evaluated.is_empty() && self.no_measures.is_empty() && self.no_date.is_empty()
    }
}

/// What the leader follows up: how the fagmøter work, over a period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LeaderStats {
    /// Meetings dated in the period that were not cancelled (held or still planned).
    pub planned: usize,
    pub held: usize,
    pub cancelled: usize,
    /// Cases discussed at the meetings held.
    pub cases_discussed: usize,
    /// Measures whose evaluation window closed in the period (or that were evaluated in it),
    /// and how many of those were evaluated on time.
    pub measures_due: usize,
    pub evaluated_on_time: usize,
    /// Attendances at meetings held, per discipline key, most first.
    pub by_discipline: Vec<(String, usize)>,
}

impl LeaderStats {
    /// Cases discussed per meeting held (`None` with no meeting held).
    pub fn cases_per_meeting(&self) -> Option<f64> {
        (self.held > 0).then(|| self.cases_discussed as f64 / self.held as f64)
    }
    /// Share of measures evaluated on time, in percent (`None` with none due).
    pub fn on_time_percent(&self) -> Option<f64> {
        (self.measures_due > 0)
            .then(|| 100.0 * self.evaluated_on_time as f64 / self.measures_due as f64)
    }
}

/// The leader's figures for meetings in `from..=to`, as of `today`. A held meeting counts
/// on the day it was held (in `tz`, see [`CaseMeeting::held_on`]), the others on their
/// planned date: a meeting planned for the 30th and held on the 1st belongs to the month it
/// was held in, once, as planned and held.
pub fn leader_stats(
    plan: &Plan,
    from: Date,
    to: Date,
    today: Date,
    grace: u32,
    tz: &TimeZone,
) -> LeaderStats {
    let mut s = LeaderStats::default();
    let mut disc: Vec<(String, usize)> = Vec::new();
    for m in plan.meetings.iter().filter(|m| {
        let d = m.day(tz);
        d >= from && d <= to
    }) {
        match m.status {
            MeetingStatus::Cancelled => s.cancelled += 1,
            MeetingStatus::Held => {
                s.planned += 1;
                s.held += 1;
                s.cases_discussed += plan
                    .cases
                    .iter()
                    .filter(|c| c.meeting_id == m.id && c.status == CaseStatus::Discussed)
                    .count();
                for a in &m.attendance {
                    match disc.iter_mut().find(|(d, _)| *d == a.discipline) {
                        Some((_, n)) => *n += 1,
                        None => disc.push((a.discipline.clone(), 1)),
                    }
                }
            }
            MeetingStatus::Planned => s.planned += 1,
        }
    }
    for m in &plan.measures {
        let Some(on) = m.evaluate_on else { continue };
        // A measure belongs to the period its evaluation was due in.
        if on < from || on > to {
            continue;
        }
        match evaluated_on_time(m, today, grace) {
            Some(true) => {
                s.measures_due += 1;
                s.evaluated_on_time += 1;
            }
            Some(false) => s.measures_due += 1,
            None => {}
        }
    }
    disc.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    s.by_discipline = disc;
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn measure(evaluate_on: Option<Date>) -> Measure {
        Measure {
            id: 1,
            case_id: 1,
            stay_id: 1,
            text: "Tur i hagen etter frokost".into(),
            who: "Dag".into(),
            from_on: None,
            evaluate_on,
            evaluation: None,
            evaluated_on: None,
            evaluation_note: String::new(),
            evaluated_in: None,
        }
    }

    #[test]
    fn the_series_is_every_thursday_to_the_semester_end_without_holidays() {
        // Wednesday 25 November 2026.
        let today = date(2026, 11, 25);
        let s = weekly_series(today, Weekday::Thursday, &[]);
        assert_eq!(s.last(), Some(&date(2026, 12, 31)));
        assert_eq!(s.len(), 6);
        // In the last four weeks of autumn the series runs on to the end of spring.
        let dec = weekly_series(date(2026, 12, 10), Weekday::Thursday, &[]);
        assert!(dec.iter().all(|d| d.weekday() == Weekday::Thursday));
        assert!(dec.windows(2).all(|w| days_between(w[0], w[1]) % 7 == 0));
        // Maundy Thursday 2027 (25 March) and Ascension Day (6 May) are holidays.
        assert!(!dec.contains(&date(2027, 3, 25)));
        assert!(!dec.contains(&date(2027, 5, 6)));
        assert!(dec.contains(&date(2027, 3, 18)));
        assert_eq!(dec.last(), Some(&date(2027, 6, 24)));
        // Dates already in the plan are not added twice.
        let again = weekly_series(today, Weekday::Thursday, &s[..3]);
        assert_eq!(again.len(), s.len() - 3);
        // Early in a semester it stops at the semester's end; a Thursday today is included.
        let sep = weekly_series(date(2026, 9, 3), Weekday::Thursday, &[]);
        assert_eq!(sep.first(), Some(&date(2026, 9, 3)));
        assert_eq!(sep.last(), Some(&date(2026, 12, 31)));
    }

    #[test]
    fn a_measure_is_due_on_its_date_and_overdue_after_a_missed_week() {
        let m = measure(Some(date(2026, 11, 20)));
        assert_eq!(measure_flag(&m, date(2026, 11, 19), 7), None);
        assert_eq!(
            measure_flag(&m, date(2026, 11, 20), 7),
            Some(MeasureFlag::Due)
        );
        assert_eq!(
            measure_flag(&m, date(2026, 11, 27), 7),
            Some(MeasureFlag::Due)
        );
        assert_eq!(
            measure_flag(&m, date(2026, 11, 28), 7),
            Some(MeasureFlag::Overdue)
        );
        let mut done = m.clone();
        done.evaluation = Some(Evaluation::Partly);
        done.evaluated_on = Some(date(2026, 11, 26));
        assert_eq!(measure_flag(&done, date(2026, 12, 28), 7), None);
        assert_eq!(measure_flag(&measure(None), date(2026, 12, 28), 7), None);
    }

    #[test]
    fn evaluated_on_time_counts_the_grace_week_and_waits_while_open() {
        let today = date(2026, 11, 25);
        let mut on_time = measure(Some(date(2026, 11, 1)));
        on_time.evaluation = Some(Evaluation::Worked);
        on_time.evaluated_on = Some(date(2026, 11, 8));
        let mut late = on_time.clone();
        late.evaluated_on = Some(date(2026, 11, 9));
        let missed = measure(Some(date(2026, 11, 1)));
        let open = measure(Some(date(2026, 11, 20)));
        assert_eq!(evaluated_on_time(&on_time, today, 7), Some(true));
        assert_eq!(evaluated_on_time(&late, today, 7), Some(false));
        assert_eq!(evaluated_on_time(&missed, today, 7), Some(false));
        assert_eq!(evaluated_on_time(&open, today, 7), None);

        let plan = Plan {
            measures: vec![on_time, late, missed, open],
            ..Plan::default()
        };
        let s = leader_stats(
            &plan,
            date(2026, 10, 1),
            date(2026, 11, 30),
            today,
            7,
            &TimeZone::UTC,
        );
        assert_eq!((s.evaluated_on_time, s.measures_due), (1, 3));
        let pct = s.on_time_percent().unwrap();
        assert!((pct - 100.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn leader_stats_count_meetings_cases_and_attendance_by_discipline() {
        let meeting = |id, d, status, att: &[(&str, &str)]| CaseMeeting {
            id,
            date: d,
            status,
            started_at: None,
            ended_at: None,
            led_by: String::new(),
            supervisor: String::new(),
            note: String::new(),
            attendance: att
                .iter()
                .map(|(n, d)| Attendee {
                    name: n.to_string(),
                    discipline: d.to_string(),
                })
                .collect(),
        };
        let case = |id, meeting_id, status| Case {
            id,
            meeting_id,
            stay_id: 1,
            position: 0,
            title: "Uro om kvelden".into(),
            put_up_by: String::new(),
            situation: String::new(),
            value_prompt: String::new(),
            individual_prompt: String::new(),
            perspective: String::new(),
            social_prompt: String::new(),
            evaluate_on: None,
            status,
        };
        let plan = Plan {
            meetings: vec![
                meeting(
                    1,
                    date(2026, 11, 5),
                    MeetingStatus::Held,
                    &[("Anne", "nurse"), ("Dag", "health_worker")],
                ),
                meeting(2, date(2026, 11, 12), MeetingStatus::Cancelled, &[]),
                meeting(
                    3,
                    date(2026, 11, 19),
                    MeetingStatus::Held,
                    &[("Eva", "nurse")],
                ),
                meeting(4, date(2026, 11, 26), MeetingStatus::Planned, &[]),
            ],
            cases: vec![
                case(1, 1, CaseStatus::Discussed),
                case(2, 1, CaseStatus::Discussed),
                case(3, 3, CaseStatus::Discussed),
                case(4, 3, CaseStatus::Withdrawn),
                case(5, 4, CaseStatus::Planned),
            ],
            measures: Vec::new(),
        };
        let today = date(2026, 11, 25);
        let s = leader_stats(
            &plan,
            date(2026, 11, 1),
            date(2026, 11, 30),
            today,
            7,
            &TimeZone::UTC,
        );
        assert_eq!((s.planned, s.held, s.cancelled), (3, 2, 1));
        assert_eq!(s.cases_per_meeting(), Some(1.5));
        assert_eq!(
            s.by_discipline,
            vec![("nurse".to_string(), 2), ("health_worker".to_string(), 1)]
        );
        assert_eq!(plan.next_meeting(today).map(|m| m.id), Some(4));
        assert_eq!(plan.on_next(today), vec![1]);
        assert_eq!(plan.next_meeting(date(2026, 11, 27)), None);
    }

    fn meeting_on(id: i64, d: Date, status: MeetingStatus, started_at: Option<i64>) -> CaseMeeting {
        CaseMeeting {
            id,
            date: d,
            status,
            started_at,
            ended_at: None,
            led_by: String::new(),
            supervisor: String::new(),
            note: String::new(),
            attendance: Vec::new(),
        }
    }

    /// Unix seconds of a UTC wall-clock time.
    fn utc(d: Date, h: i8, m: i8) -> i64 {
        d.at(h, m, 0, 0)
            .to_zoned_datetime(TimeZone::UTC)
            .unwrap()
            .timestamp()
            .as_second()
    }

    #[test]
    fn a_meeting_held_early_or_late_says_the_day_it_was_held_in_the_wards_zone() {
        let oslo = TimeZone::fixed(jiff::tz::offset(1));
        let planned = date(2026, 11, 26);
        // Held on Wednesday at 13:00 local time.
        let early = meeting_on(
            1,
            planned,
            MeetingStatus::Held,
            Some(utc(date(2026, 11, 25), 12, 0)),
        );
        assert_eq!(early.held_on(&oslo), Some(date(2026, 11, 25)));
        assert_eq!(early.day(&oslo), date(2026, 11, 25));
        assert_eq!(early.date, planned, "the planned date is kept");
        // Held early, it still takes up the measures meant for its planned date.
        assert_eq!(early.evaluation_cutoff(&oslo), planned);
        // 23:30 UTC is already the next day in Oslo.
        let late = meeting_on(
            2,
            planned,
            MeetingStatus::Held,
            Some(utc(date(2026, 11, 26), 23, 30)),
        );
        assert_eq!(late.held_on(&oslo), Some(date(2026, 11, 27)));
        assert_eq!(late.held_on(&TimeZone::UTC), Some(planned));
        assert_eq!(late.evaluation_cutoff(&oslo), date(2026, 11, 27));
        // Not held: no held date; held without a start: its planned date.
        let p = meeting_on(3, planned, MeetingStatus::Planned, Some(1));
        assert_eq!(p.held_on(&oslo), None);
        assert_eq!(p.day(&oslo), planned);
        let bare = meeting_on(4, planned, MeetingStatus::Held, None);
        assert_eq!(bare.held_on(&oslo), Some(planned));
    }

    #[test]
    fn the_evaluation_date_keeps_to_the_weekly_meetings() {
        let plan = Plan {
            meetings: vec![
                meeting_on(1, date(2026, 12, 3), MeetingStatus::Planned, None),
                meeting_on(2, date(2026, 12, 10), MeetingStatus::Planned, None),
                meeting_on(3, date(2026, 12, 17), MeetingStatus::Cancelled, None),
            ],
            ..Plan::default()
        };
        // Held on Thursday: two weeks on is a meeting day.
        assert_eq!(
            evaluation_default(&plan, date(2026, 11, 26), 14),
            date(2026, 12, 10)
        );
        // Held a day early or late: the nearest meeting two weeks on.
        assert_eq!(
            evaluation_default(&plan, date(2026, 11, 25), 14),
            date(2026, 12, 10)
        );
        assert_eq!(
            evaluation_default(&plan, date(2026, 11, 27), 14),
            date(2026, 12, 10)
        );
        // No meeting near (the 17th is cancelled): the date itself.
        assert_eq!(
            evaluation_default(&plan, date(2026, 12, 3), 14),
            date(2026, 12, 17)
        );
        assert_eq!(
            evaluation_default(&plan, date(2026, 12, 1), 21),
            date(2026, 12, 22)
        );
    }

    #[test]
    fn leader_stats_count_a_held_meeting_on_the_day_it_was_held() {
        let oslo = TimeZone::fixed(jiff::tz::offset(1));
        // Planned for Monday 30 November, held on Tuesday 1 December.
        let plan = Plan {
            meetings: vec![meeting_on(
                1,
                date(2026, 11, 30),
                MeetingStatus::Held,
                Some(utc(date(2026, 12, 1), 12, 0)),
            )],
            ..Plan::default()
        };
        let today = date(2026, 12, 20);
        let nov = leader_stats(
            &plan,
            date(2026, 11, 1),
            date(2026, 11, 30),
            today,
            7,
            &oslo,
        );
        assert_eq!((nov.held, nov.planned), (0, 0));
        let dec = leader_stats(
            &plan,
            date(2026, 12, 1),
            date(2026, 12, 31),
            today,
            7,
            &oslo,
        );
        assert_eq!((dec.held, dec.planned), (1, 1));
    }

    #[test]
    fn loose_ends_name_unevaluated_measures_and_cases_without_measures_or_a_date() {
        let case = |id, evaluate_on, status| Case {
            id,
            meeting_id: 2,
            stay_id: 1,
            position: id,
            title: format!("sak {id}"),
            put_up_by: String::new(),
            situation: String::new(),
            value_prompt: String::new(),
            individual_prompt: String::new(),
            perspective: String::new(),
            social_prompt: String::new(),
            evaluate_on,
            status,
        };
        let d = date(2026, 11, 26);
        let mut due = measure(Some(date(2026, 11, 20)));
        due.case_id = 9;
        let mut done = due.clone();
        done.id = 2;
        done.evaluation = Some(Evaluation::Worked);
        done.evaluated_in = Some(2);
        let mut later = due.clone();
        later.id = 3;
        later.evaluate_on = Some(date(2026, 12, 3));
        let mut agreed = measure(Some(date(2026, 12, 10)));
        agreed.id = 4;
        agreed.case_id = 11;
        let mut undated = agreed.clone();
        undated.id = 5;
        undated.case_id = 12;
        let plan = Plan {
            meetings: vec![meeting_on(2, d, MeetingStatus::Held, None)],
            cases: vec![
                case(10, None, CaseStatus::Planned),
                case(11, Some(date(2026, 12, 10)), CaseStatus::Discussed),
                case(12, None, CaseStatus::Discussed),
                case(13, None, CaseStatus::Withdrawn),
            ],
            measures: vec![due, done, later, agreed, undated],
        };
        let l = plan.loose_ends(2, d, &[1]);
        assert_eq!(
            l.not_evaluated.iter().map(|m| m.id).collect::<Vec<_>>(),
            vec![1]
        );
        assert_eq!(
            l.no_measures.iter().map(|c| c.id).collect::<Vec<_>>(),
            vec![10]
        );
        assert_eq!(l.no_date.iter().map(|c| c.id).collect::<Vec<_>>(), vec![12]);
        assert!(!l.is_empty());
        // A discharged person's measure is not the meeting's to evaluate.
        assert!(plan.loose_ends(2, d, &[]).not_evaluated.is_empty());
    }

    #[test]
    fn time_box_warns_in_the_last_fifth_and_says_over() {
        assert_eq!(time_box(0, 5), TimeBox::Within);
        assert_eq!(time_box(239, 5), TimeBox::Within);
        assert_eq!(time_box(240, 5), TimeBox::Nearly);
        assert_eq!(time_box(300, 5), TimeBox::Nearly);
        assert_eq!(time_box(301, 5), TimeBox::Over);
    }

    #[test]
    fn steps_open_with_evaluation_only_when_something_is_up() {
        assert_eq!(steps(0, &[]), vec![]);
        let s = steps(2, &[7, 8]);
        assert_eq!(s.len(), 9);
        assert_eq!(s[0], (Step::Evaluate, None));
        assert_eq!(s[1], (Step::Situation, Some(7)));
        assert_eq!(s[8], (Step::EvaluateOn, Some(8)));
    }
}
