//! Process and outcome indicators of the virtual ward: pure functions of the loaded stays,
//! the meeting log, the rules and a period. No I/O, no clock: the same numbers for the command
//! line (`tavle report`) and an in-app view.
//!
//! Definitions (also in the README, section "Indicators"):
//!
//! * **Period** `[from, to]`, both dates included. `to` is the "as of" date: it must not be
//!   after today (the command line clamps it). Every figure depends only on events dated on or
//!   before `to`, so a report for a past period gives the same numbers later (unless the
//!   records themselves are corrected).
//! * **Cancelled stays** are left out of everything.
//! * **Process indicators** are over the stays *admitted* in the period. Day numbering: the
//!   admission date is day 1; "by day N" means on or before admitted + N − 1. For each
//!   deadline a stay is
//!   - *not yet due* (left out) when the deadline date is after `to`, or is `to` itself
//!     and the work is not done yet (it is *due* that day, as the board's `! i dag`);
//!   - *met* when the work was done on or before the deadline date;
//!   - *ended before the deadline* (left out) when it was not met and the stay was discharged
//!     before the deadline date, so the work could not be done in the ward;
//!   - *missed* otherwise.
//!
//!   The share is met / (met + missed). Done dates: assessment = `assessments.done_on`;
//!   goals = the earliest `set_on` of any goal (dropped goals count: they were set);
//!   GP = `gp_appointments.done_on` (the appointment took place; a booking alone does not
//!   count, as on the board, where a booked but not held appointment turns red after the
//!   deadline); medication = `done_on` of a reconciliation with status done (done without a
//!   date cannot be shown to be on time and counts as missed). Deadline dates are the
//!   board's (`Rules::deadline`): the target group's days, moved off weekends and holidays
//!   when the rules move them.
//! * **Discharged on time**: deadline = the default planned discharge (day 35, admitted + 34,
//!   moved off a weekend or holiday when the rules move deadlines); met = discharged on or
//!   before it; a stay still active after it is missed.
//! * **Stand-ups**: for each meeting dated in the period, the stays active that day (admitted
//!   on or before it, not cancelled, not discharged before it; the discharge day counts) and
//!   how many of those were recorded as discussed. Discussed stays that were not active that
//!   day are reported apart and not in the share. The period figure pools all meetings.
//! * **Outcome indicators** are over the stays *discharged* in the period (discharge date in
//!   `[from, to]`, whenever admitted): number, median length of stay in days
//!   (the day of the stay it was discharged on, as the board's day counter: discharge
//!   date − admission date + 1, so a stay discharged on its planned date, day 35, is 35),
//!   discharge outcomes, hospital admissions, goals achieved.
//! * **Hospital admission during the stay**: the stay ended with discharge outcome
//!   `hospital`, or a `hospital_admission` event was recorded during it. Only for a stay
//!   with no events at all (recorded before events existed) is a delay with reason
//!   `in_hospital` taken as a sign of one, as before.
//! * **Events** (`events`): over every stay not cancelled, the events that happened in the
//!   period during the stay; falls per 100 stay-days (stay-days: each stay's days in the
//!   period from admission to the discharge day, both counted); deteriorations and the
//!   median hours to the first GP, out-of-hours or ambulance contact after each (before the
//!   next deterioration; both times needed, else counted apart).
//! * **Attendance** (`attendance`): for the stand-ups of the period with attendance
//!   recorded, per discipline the meetings with at least one of it present.
//! * **Goals achieved at discharge**: achieved goals / goals not dropped, pooled over the
//!   discharged stays; and the stays whose every (not dropped) goal was achieved.
//! * **Weeks**: ISO weeks (Monday–Sunday) that overlap the period. Admitted / discharged count
//!   the stays admitted / discharged that week (within the period); the process shares of a
//!   week are over the stays admitted that week, with the same rules as above.

pub mod case_meetings;
pub mod events;
pub mod fidelity;
pub mod referrals;
pub mod render;
pub mod wards;

use crate::domain::dates::{add_days, days_between};
use crate::domain::{DeadlineKind, GoalStatus, MedStatus, Rules, Stay, StayId, StayStatus};
use crate::store::Meeting;
use jiff::civil::Date;
use serde::{Serialize, Serializer};
use std::collections::{BTreeMap, HashSet};

/// Discharge outcome key that means "to hospital".
pub const HOSPITAL_OUTCOME: &str = "hospital";
/// Delay reason key that means "in hospital".
pub const IN_HOSPITAL_DELAY: &str = "in_hospital";
/// Outcome key used for a discharge without a recorded outcome.
pub const NOT_RECORDED: &str = "not_recorded";

fn ser_date<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.to_string())
}

/// `met` out of `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Share {
    pub met: usize,
    pub of: usize,
}

impl Share {
    /// Percentage, `None` when there is nothing to divide by.
    pub fn percent(&self) -> Option<f64> {
        (self.of > 0).then(|| 100.0 * self.met as f64 / self.of as f64)
    }
    pub(crate) fn add(&mut self, met: bool) {
        self.of += 1;
        if met {
            self.met += 1;
        }
    }
}

impl Serialize for Share {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out {
            met: usize,
            of: usize,
            percent: Option<f64>,
        }
        Out {
            met: self.met,
            of: self.of,
            percent: self.percent().map(|p| (p * 10.0).round() / 10.0),
        }
        .serialize(s)
    }
}

/// One deadline indicator over a set of stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DeadlineShare {
    #[serde(flatten)]
    pub share: Share,
    /// Stays whose deadline falls after `to` (left out).
    pub not_yet_due: usize,
    /// Stays discharged before the deadline without it being met (left out).
    pub ended_before_deadline: usize,
}

/// How one stay stands against one deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineResult {
    Met,
    Missed,
    NotYetDue,
    EndedBefore,
}

/// Classify one deadline of a stay (see the module documentation).
pub fn deadline_result(
    stay: &Stay,
    deadline: Date,
    done: Option<Date>,
    to: Date,
) -> DeadlineResult {
    if deadline > to {
        DeadlineResult::NotYetDue
    } else if done.is_some_and(|d| d <= deadline) {
        DeadlineResult::Met
    } else if deadline == to {
        // On `to` itself and not done yet: still due that day, as the board's `! i dag`,
        // not missed.
        DeadlineResult::NotYetDue
    } else if stay.discharged_on.is_some_and(|end| end < deadline) {
        DeadlineResult::EndedBefore
    } else {
        DeadlineResult::Missed
    }
}

impl DeadlineShare {
    fn add(&mut self, r: DeadlineResult) {
        match r {
            DeadlineResult::Met => self.share.add(true),
            DeadlineResult::Missed => self.share.add(false),
            DeadlineResult::NotYetDue => self.not_yet_due += 1,
            DeadlineResult::EndedBefore => self.ended_before_deadline += 1,
        }
    }
}

/// The process indicators over one set of stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Process {
    pub assessment: DeadlineShare,
    pub goals: DeadlineShare,
    pub gp: DeadlineShare,
    pub medication: DeadlineShare,
    pub discharged_on_time: DeadlineShare,
}

impl Process {
    fn over<'a>(stays: impl Iterator<Item = &'a Stay>, rules: &Rules, to: Date) -> Self {
        let mut p = Process::default();
        for s in stays {
            // The deadlines exactly as the board places them (target group days, weekends
            // and holidays).
            let day = |k| rules.deadline(s, k).date;
            let goals_set = s.goals.iter().map(|g| g.set_on).min();
            let med_done = (s.med_status == MedStatus::Done)
                .then_some(s.med_done)
                .flatten();
            let discharged = (s.status == StayStatus::Discharged)
                .then_some(s.discharged_on)
                .flatten();
            p.assessment.add(deadline_result(
                s,
                day(DeadlineKind::Assessment),
                s.assessment_done,
                to,
            ));
            p.goals.add(deadline_result(
                s,
                day(DeadlineKind::Assessment),
                goals_set,
                to,
            ));
            p.gp.add(deadline_result(s, day(DeadlineKind::Gp), s.gp.done_on, to));
            p.medication.add(deadline_result(
                s,
                day(DeadlineKind::Medication),
                med_done,
                to,
            ));
            p.discharged_on_time.add(deadline_result(
                s,
                rules.default_discharge(s.admitted),
                discharged,
                to,
            ));
        }
        p
    }
}

/// One stand-up and how many of the active stays it discussed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingCoverage {
    pub id: i64,
    #[serde(serialize_with = "ser_date")]
    pub date: Date,
    pub led_by: String,
    /// Begun minutes from start to end; `None` if the meeting was not ended.
    pub minutes: Option<i64>,
    /// Discussed stays among the stays active that day, of the stays active that day.
    pub discussed: Share,
    /// Stays recorded as discussed that were not active that day.
    pub discussed_not_active: usize,
}

/// All stand-ups of a period, pooled.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Standups {
    pub meetings: usize,
    pub discussed: Share,
    pub each: Vec<MeetingCoverage>,
}

fn active_on(s: &Stay, d: Date) -> bool {
    s.status != StayStatus::Cancelled && s.admitted <= d && s.discharged_on.is_none_or(|e| e >= d)
}

/// Which ward a row belongs to when several wards' data are reported together: the union
/// of [`wards`] puts ward *k*'s ids in `[k·STRIDE, (k+1)·STRIDE)`. A single database's ids
/// are all below the stride, so everything is in ward 0.
pub const WARD_ID_STRIDE: i64 = 1_000_000_000_000;

/// The ward of an id (see [`WARD_ID_STRIDE`]).
pub fn ward_of(id: i64) -> i64 {
    id.div_euclid(WARD_ID_STRIDE)
}

/// One stand-up per ward and day: a stand-up ended and started again the same day (`t`
/// twice) is one meeting in the figures, not a second meeting that covered almost nobody.
/// Stays discussed and people present are merged; the length is the sum of the parts.
pub fn one_per_day(meetings: &[Meeting]) -> Vec<Meeting> {
    let mut out: Vec<Meeting> = Vec::with_capacity(meetings.len());
    for m in meetings {
        let same = out
            .iter_mut()
            .find(|o| o.date == m.date && ward_of(o.id) == ward_of(m.id));
        let Some(o) = same else {
            out.push(m.clone());
            continue;
        };
        o.ended_at = match (o.ended_at, m.ended_at) {
            (Some(a), Some(b)) => Some(a + (b - m.started_at).max(0)),
            _ => None,
        };
        for sid in &m.discussed {
            if !o.discussed.contains(sid) {
                o.discussed.push(*sid);
            }
        }
        for p in &m.present {
            if !o.present.iter().any(|q| q.0 == p.0) {
                o.present.push(p.clone());
            }
        }
    }
    out
}

fn coverage(m: &Meeting, stays: &[Stay]) -> MeetingCoverage {
    // A stand-up covers the stays of its own ward only.
    let discussed: HashSet<StayId> = m.discussed.iter().copied().collect();
    // A stay admitted on the meeting's own day counts only if it was discussed: most are
    // admitted after the 08:30 meeting, which could not have covered them (the stand-up's
    // own summary counts the stays on the board when it started).
    let active: HashSet<StayId> = stays
        .iter()
        .filter(|s| ward_of(s.id) == ward_of(m.id) && active_on(s, m.date))
        .filter(|s| s.admitted < m.date || discussed.contains(&s.id))
        .map(|s| s.id)
        .collect();
    let met = discussed.intersection(&active).count();
    MeetingCoverage {
        id: m.id,
        date: m.date,
        led_by: m.led_by.clone(),
        // Begun minutes, as the stand-up's summary counts them (14 min 30 s is 15).
        minutes: m.ended_at.map(|e| ((e - m.started_at).max(0) + 59) / 60),
        discussed: Share {
            met,
            of: active.len(),
        },
        discussed_not_active: discussed.len() - met,
    }
}

impl Standups {
    fn over<'a>(meetings: impl Iterator<Item = &'a Meeting>, stays: &[Stay]) -> Self {
        let mut out = Standups::default();
        for m in meetings {
            let c = coverage(m, stays);
            out.meetings += 1;
            out.discussed.met += c.discussed.met;
            out.discussed.of += c.discussed.of;
            out.each.push(c);
        }
        out
    }
}

/// How many discharged stays ended in one outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutcomeCount {
    pub key: String,
    pub count: usize,
}

/// The outcome indicators over the stays discharged in the period.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Outcome {
    pub discharged: usize,
    /// Median of the day of the stay each was discharged on (discharge − admission + 1).
    pub median_length_days: Option<f64>,
    pub outcomes: Vec<OutcomeCount>,
    pub hospital_admissions: Share,
    pub goals_achieved: Share,
    pub stays_all_goals_achieved: Share,
}

/// Median of whole numbers (mean of the two middle values for an even count).
pub fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2] as f64
    } else {
        (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0
    })
}

impl Outcome {
    fn over(discharged: &[&Stay]) -> Self {
        let mut lengths: Vec<i64> = discharged
            .iter()
            .filter_map(|s| s.discharged_on.map(|d| days_between(s.admitted, d) + 1))
            .collect();
        let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
        let mut out = Outcome {
            discharged: discharged.len(),
            median_length_days: median(&mut lengths),
            ..Outcome::default()
        };
        for s in discharged {
            let key = s
                .discharge_outcome
                .clone()
                .filter(|k| !k.is_empty())
                .unwrap_or_else(|| NOT_RECORDED.into());
            // Recorded events decide; the old guess from a delay reason only for a stay
            // recorded before events existed (it has none at all).
            let hospital = key == HOSPITAL_OUTCOME
                || if s.events.is_empty() {
                    s.delays.iter().any(|d| d.reason == IN_HOSPITAL_DELAY)
                } else {
                    s.events.iter().any(|e| {
                        e.kind == crate::domain::events::HOSPITAL_ADMISSION
                            && s.admitted <= e.occurred_on
                            && s.discharged_on.is_none_or(|d| e.occurred_on <= d)
                    })
                };
            *outcomes.entry(key).or_default() += 1;
            out.hospital_admissions.add(hospital);
            let total = s
                .goals
                .iter()
                .filter(|g| g.status != GoalStatus::Dropped)
                .count();
            let achieved = s
                .goals
                .iter()
                .filter(|g| g.status == GoalStatus::Achieved)
                .count();
            out.goals_achieved.met += achieved;
            out.goals_achieved.of += total;
            if total > 0 {
                out.stays_all_goals_achieved.add(achieved == total);
            }
        }
        out.outcomes = outcomes
            .into_iter()
            .map(|(key, count)| OutcomeCount { key, count })
            .collect();
        out
    }
}

/// One ISO week of the trend table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Week {
    /// `2026-W48`.
    pub week: String,
    #[serde(serialize_with = "ser_date")]
    pub monday: Date,
    pub admitted: usize,
    pub discharged: usize,
    pub process: Process,
    pub standups: Share,
}

/// The day-numbers and stay length the figures were computed with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RulesUsed {
    pub stay_length_days: u32,
    pub assessment_day: u32,
    pub gp_day: u32,
    pub medication_day: u32,
    /// Deadlines some target group moves (`deadlines.target_groups`): `assessment`, `gp`,
    /// `medication`. The figures use each stay's own deadline; the labels say so.
    pub varies_by_group: Vec<&'static str>,
}

impl RulesUsed {
    /// The day to show in a label: `14`, or `14*` when some target group has its own.
    pub fn day(&self, kind: &str) -> String {
        let n = match kind {
            "assessment" => self.assessment_day,
            "gp" => self.gp_day,
            "medication" => self.medication_day,
            _ => self.stay_length_days,
        };
        if self.varies_by_group.contains(&kind) {
            format!("{n}*")
        } else {
            n.to_string()
        }
    }
}

/// Every indicator for one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    #[serde(serialize_with = "ser_date")]
    pub from: Date,
    #[serde(serialize_with = "ser_date")]
    pub to: Date,
    pub rules: RulesUsed,
    /// Stays (not cancelled) admitted in the period: the population of the process figures.
    pub admitted: usize,
    pub process: Process,
    pub standups: Standups,
    pub outcome: Outcome,
    /// What happened to the people: falls, hospital admissions, deterioration → contact.
    pub events: events::EventIndicators,
    /// Who came to the stand-ups, by discipline.
    pub attendance: events::Attendance,
    /// The configured event kinds and disciplines, to word the keys above in the text
    /// table (set by whoever has the config; keys are shown without it).
    #[serde(skip)]
    pub labels: Vec<crate::config::Choice>,
    pub weeks: Vec<Week>,
    /// Model fidelity over the stays discharged in the period (see [`fidelity`]).
    pub fidelity: fidelity::Fidelity,
    /// The same per calendar month.
    pub fidelity_months: Vec<fidelity::FidelityMonth>,
    /// The person's own goal scores over the stays discharged in the period.
    pub goal_scores: fidelity::GoalScores,
    /// The weekly fagmøte (VIPS): filled by [`Report::with_case_meetings`].
    pub case_meetings: case_meetings::CaseMeetings,
    /// Intake: referrals received in the period (filled from the referrals where they are
    /// loaded, see [`referrals::ReferralFigures::compute`]).
    pub referrals: referrals::ReferralFigures,
}

/// `2026-W48` for the ISO week of `d`.
pub fn iso_week_label(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The Monday of the ISO week of `d`.
pub fn monday_of(d: Date) -> Date {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

fn within(d: Date, from: Date, to: Date) -> bool {
    from <= d && d <= to
}

impl Report {
    /// Compute every indicator for the period `[from, to]` (see the module documentation;
    /// `to` should not be after today).
    pub fn compute(
        stays: &[Stay],
        meetings: &[Meeting],
        rules: &Rules,
        from: Date,
        to: Date,
    ) -> Report {
        let merged = one_per_day(meetings);
        let meetings = &merged[..];
        let live = || stays.iter().filter(|s| s.status != StayStatus::Cancelled);
        let admitted_in =
            |a: Date, b: Date| live().filter(move |s| within(s.admitted, a.max(from), b.min(to)));
        let discharged_in = |a: Date, b: Date| -> Vec<&Stay> {
            live()
                .filter(|s| s.status == StayStatus::Discharged)
                .filter(|s| {
                    s.discharged_on
                        .is_some_and(|d| within(d, a.max(from), b.min(to)))
                })
                .collect()
        };
        let meetings_in = |a: Date, b: Date| {
            meetings
                .iter()
                .filter(move |m| within(m.date, a.max(from), b.min(to)))
        };
        let mut weeks = Vec::new();
        let mut monday = monday_of(from);
        while monday <= to {
            let sunday = add_days(monday, 6);
            weeks.push(Week {
                week: iso_week_label(monday),
                monday,
                admitted: admitted_in(monday, sunday).count(),
                discharged: discharged_in(monday, sunday).len(),
                process: Process::over(admitted_in(monday, sunday), rules, to),
                standups: Standups::over(meetings_in(monday, sunday), stays).discussed,
            });
            monday = add_days(monday, 7);
        }
        Report {
            from,
            to,
            rules: RulesUsed {
                stay_length_days: rules.stay_length_days,
                assessment_day: rules.assessment_day,
                gp_day: rules.gp_day,
                medication_day: rules.medication_day,
                varies_by_group: {
                    let g = rules.group_days.values();
                    let mut v = Vec::new();
                    if g.clone().any(|d| d.assessment_day.is_some()) {
                        v.push("assessment");
                    }
                    if g.clone().any(|d| d.gp_day.is_some()) {
                        v.push("gp");
                    }
                    if g.clone().any(|d| d.medication_day.is_some()) {
                        v.push("medication");
                    }
                    v
                },
            },
            admitted: admitted_in(from, to).count(),
            process: Process::over(admitted_in(from, to), rules, to),
            standups: Standups::over(meetings_in(from, to), stays),
            outcome: Outcome::over(&discharged_in(from, to)),
            events: events::EventIndicators::over(stays, from, to),
            attendance: events::Attendance::over(meetings_in(from, to)),
            labels: Vec::new(),
            weeks,
            fidelity: fidelity::Fidelity::over(&discharged_in(from, to), meetings, rules, to),
            fidelity_months: fidelity::months(stays, meetings, rules, from, to),
            goal_scores: fidelity::GoalScores::over(&discharged_in(from, to)),
            case_meetings: Default::default(),
            referrals: referrals::ReferralFigures::default(),
        }
    }

    /// Score fidelity and goal scores with the configured scale and threshold (the report
    /// is computed with the defaults; the shares do not change).
    pub fn score_fidelity(&mut self, cfg: &crate::domain::fidelity::FidelityConfig) {
        self.fidelity.rescore(cfg);
        for m in &mut self.fidelity_months {
            m.fidelity.rescore(cfg);
        }
        self.goal_scores.rescore(cfg);
    }

    /// Add the fagmøte figures of the period from `plan` (`grace`: the days a measure may
    /// wait after its date and still count as evaluated on time).
    pub fn with_case_meetings(
        mut self,
        plan: &crate::domain::fagmote::Plan,
        grace: u32,
        tz: &jiff::tz::TimeZone,
    ) -> Self {
        self.case_meetings =
            case_meetings::CaseMeetings::compute(plan, self.from, self.to, grace, tz);
        self
    }

    /// Put the outcomes in the configured order, listing configured outcomes with no stays as
    /// 0; outcomes not in the list (and [`NOT_RECORDED`]) follow.
    pub fn order_outcomes(&mut self, configured: &[&str]) {
        let mut rest = std::mem::take(&mut self.outcome.outcomes);
        let mut ordered = Vec::new();
        for key in configured {
            let count = match rest.iter().position(|o| o.key == *key) {
                Some(i) => rest.remove(i).count,
                None => 0,
            };
            ordered.push(OutcomeCount {
                key: key.to_string(),
                count,
            });
        }
        ordered.extend(rest);
        self.outcome.outcomes = ordered;
    }
}

/// Why a period was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("--{which} {input:?} is not a date ({reason}); write e.g. 25.11.2026 or 2026-11-25")]
    BadDate {
        which: &'static str,
        input: String,
        reason: crate::domain::dates::DateInputError,
    },
    #[error("--from {from} is after --to {to}")]
    Reversed { from: Date, to: Date },
}

/// The report period from the command line. Default `to`: today; a `to` after today is
/// treated as today (figures cannot be known for days that have not happened). Default
/// `from`: the Monday eleven weeks before the week of `to`, so the default period is the
/// current ISO week and the eleven before it (12 weeks).
pub fn period(
    from: Option<&str>,
    to: Option<&str>,
    today: Date,
) -> Result<(Date, Date), PeriodError> {
    use crate::domain::dates::parse_user_date;
    let parse = |which, s: &str| {
        parse_user_date(s, today).map_err(|reason| PeriodError::BadDate {
            which,
            input: s.to_string(),
            reason,
        })
    };
    let to = match to {
        Some(s) => parse("to", s)?.min(today),
        None => today,
    };
    let from = match from {
        Some(s) => parse("from", s)?,
        None => add_days(monday_of(to), -7 * 11),
    };
    if from > to {
        return Err(PeriodError::Reversed { from, to });
    }
    Ok((from, to))
}
