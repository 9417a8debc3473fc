//! Deadlines and flag levels: pure functions of (stay, rules, today).
//!
//! Day numbering: the admission date is day 1. A deadline "by day N" falls on the date of
//! day N (admitted + N − 1) and is overdue from the day after. "Five weeks" is 35 days of
//! the stay, day 1 to day 35: the default planned discharge is the date of day 35
//! (admitted + 34), so the day counter reads `35/35` on the planned discharge day and turns
//! red only on the day after it, when the discharge is overdue.
//!
//! A deadline whose day is a weekend or a Norwegian public holiday is marked, or moved to the
//! working day before (`Rules::non_working_days`). Each deadline may start warning on a
//! given day of the stay (`Rules::warn_from_day`), earlier than the due-soon window; target
//! groups may have their own deadline days (`Rules::group_days`).

use super::dates::{add_days, days_between};
use super::holidays::{NonWorking, NonWorkingDays, place};
use super::model::{DeadlineKind, GoalStatus, MedStatus, Stay};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How urgent an item is. Ordered so that `max` gives the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Finished.
    Done,
    /// Nothing to worry about yet.
    Ok,
    /// Deadline within the due-soon window (including today), or past its warn-from day.
    DueSoon,
    /// Deadline passed and not done.
    Overdue,
}

/// The day of the stay from which each open deadline is a warning (`!`), even when the
/// due-soon window has not started yet. `None`: the due-soon window only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WarnFromDays {
    pub assessment: Option<u32>,
    /// Default day 7: a GP appointment not booked in the first week is hard to get in two.
    pub gp: Option<u32>,
    pub medication: Option<u32>,
    pub discharge: Option<u32>,
}

impl Default for WarnFromDays {
    fn default() -> Self {
        Self {
            assessment: None,
            gp: Some(7),
            medication: None,
            discharge: None,
        }
    }
}

impl WarnFromDays {
    /// The warn-from day of one deadline.
    pub fn get(&self, kind: DeadlineKind) -> Option<u32> {
        match kind {
            DeadlineKind::Assessment => self.assessment,
            DeadlineKind::Gp => self.gp,
            DeadlineKind::Medication => self.medication,
            DeadlineKind::Discharge => self.discharge,
        }
    }
}

/// Deadline days of one target group; a day not given is the ward's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GroupDays {
    pub assessment_day: Option<u32>,
    pub gp_day: Option<u32>,
    pub medication_day: Option<u32>,
}

/// The numbers the rules need, taken from config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub stay_length_days: u32,
    pub assessment_day: u32,
    pub gp_day: u32,
    pub medication_day: u32,
    pub due_soon_days: u32,
    pub stale_after_days: u32,
    /// Mark a stay not discussed at a stand-up for more than this many days (0: never).
    pub not_discussed_days: u32,
    /// Per deadline, the day of the stay from which it warns.
    pub warn_from_day: WarnFromDays,
    /// What a deadline on a weekend or public holiday does.
    pub non_working_days: NonWorkingDays,
    /// Deadline days per target group key (overriding the ward's days above).
    pub group_days: BTreeMap<String, GroupDays>,
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            stay_length_days: 35,
            assessment_day: 3,
            gp_day: 14,
            medication_day: 14,
            due_soon_days: 2,
            stale_after_days: 3,
            not_discussed_days: 3,
            warn_from_day: WarnFromDays::default(),
            non_working_days: NonWorkingDays::default(),
            group_days: BTreeMap::new(),
        }
    }
}

/// Where one deadline of a stay falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    /// The date it is due (after moving it off a non-working day, when the rules say so).
    pub date: Date,
    /// The date of its day of the stay (the planned discharge date for the discharge).
    pub nominal: Date,
    /// Why `nominal` is not a working day, if it is not.
    pub non_working: Option<NonWorking>,
}

impl Rules {
    /// The date of day `n` of a stay admitted on `admitted`.
    pub fn date_of_day(&self, admitted: Date, n: u32) -> Date {
        add_days(admitted, i64::from(n) - 1)
    }

    /// Default planned discharge for an admission date: the date of the last day of the stay
    /// (day `stay_length_days`, admitted + 34 for five weeks), moved to the working day
    /// before when it is a weekend or holiday and the rules move deadlines.
    pub fn default_discharge(&self, admitted: Date) -> Date {
        let nominal = self.date_of_day(admitted, self.stay_length_days.max(1));
        place(nominal, self.non_working_days).0
    }

    /// The day of the stay by which `kind` is due for a stay in `group` (the discharge:
    /// the stay length).
    pub fn deadline_day(&self, group: &str, kind: DeadlineKind) -> u32 {
        let g = self.group_days.get(group).copied().unwrap_or_default();
        match kind {
            DeadlineKind::Assessment => g.assessment_day.unwrap_or(self.assessment_day),
            DeadlineKind::Gp => g.gp_day.unwrap_or(self.gp_day),
            DeadlineKind::Medication => g.medication_day.unwrap_or(self.medication_day),
            DeadlineKind::Discharge => self.stay_length_days,
        }
    }

    /// Where `kind` falls for `stay`. Assessment, GP and medication are days of the stay
    /// (moved or marked per `non_working_days`); the discharge is the stay's planned
    /// discharge date as recorded (never moved: it was chosen, but marked when it is a
    /// weekend or holiday).
    pub fn deadline(&self, stay: &Stay, kind: DeadlineKind) -> Deadline {
        if kind == DeadlineKind::Discharge {
            let d = stay.planned_discharge;
            return Deadline {
                date: d,
                nominal: d,
                non_working: super::holidays::non_working(d),
            };
        }
        let nominal = self.date_of_day(stay.admitted, self.deadline_day(&stay.target_group, kind));
        let (mut date, non_working) = place(nominal, self.non_working_days);
        // Moving earlier must not turn "by day 3" into "on the admission day" (admitted on a
        // Friday, day 3 is Sunday): when no working day after admission comes before the
        // nominal day, the deadline moves to the next working day instead.
        if date <= stay.admitted && nominal > stay.admitted {
            date = super::holidays::working_day_on_or_after(nominal);
        }
        Deadline {
            date,
            nominal,
            non_working,
        }
    }

    /// The date from which `kind` warns for `stay`, if it has a warn-from day.
    pub fn warn_from(&self, stay: &Stay, kind: DeadlineKind) -> Option<Date> {
        self.warn_from_day
            .get(kind)
            .map(|n| self.date_of_day(stay.admitted, n))
    }
}

/// Day N of the stay (admission date = day 1). Zero or negative before admission.
pub fn day_of_stay(admitted: Date, today: Date) -> i64 {
    days_between(admitted, today) + 1
}

/// Level of an open deadline on `deadline`.
pub fn deadline_level(deadline: Date, today: Date, due_soon_days: u32) -> Level {
    open_level(deadline, None, today, due_soon_days)
}

/// Level of an open deadline on `deadline` that also warns from `warn_from` (if any):
/// overdue after its day; a warning within the due-soon window or from `warn_from` on,
/// whichever comes first; else on track.
pub fn open_level(
    deadline: Date,
    warn_from: Option<Date>,
    today: Date,
    due_soon_days: u32,
) -> Level {
    let left = days_between(today, deadline);
    if left < 0 {
        Level::Overdue
    } else if left <= i64::from(due_soon_days) || warn_from.is_some_and(|w| today >= w) {
        Level::DueSoon
    } else {
        Level::Ok
    }
}

/// Level of one follow-up: done, or its due date's level (on track when it has none).
pub fn follow_up_level(f: &super::FollowUp, today: Date, due_soon_days: u32) -> Level {
    match (f.done_on, f.due) {
        (Some(_), _) => Level::Done,
        (None, Some(d)) => deadline_level(d, today, due_soon_days),
        (None, None) => Level::Ok,
    }
}

/// One deadline on the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineFlag {
    pub level: Level,
    pub deadline: Date,
    /// Days from today to the deadline (negative when overdue).
    pub days_left: i64,
    /// When it was done, if it was.
    pub done_on: Option<Date>,
    /// A delay reason has been recorded for this deadline.
    pub delay_known: bool,
    /// Days the work was done after the deadline (0 when done on time or not done).
    pub late_days: i64,
    /// The deadline's own day is a weekend or public holiday (marked on the board).
    pub non_working: Option<NonWorking>,
    /// The day it was moved from, when the rules moved it to the working day before.
    pub moved_from: Option<Date>,
}

impl DeadlineFlag {
    /// Done, but after the deadline.
    pub fn done_late(&self) -> bool {
        self.level == Level::Done && self.late_days > 0
    }
}

/// The GP appointment's state on the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GpState {
    NotBooked,
    Booked(Date),
    Done(Date),
}

/// Everything the board derives from one stay on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StayFlags {
    pub day: i64,
    pub assessment: DeadlineFlag,
    pub gp: DeadlineFlag,
    pub gp_state: GpState,
    /// The GP appointment is booked for a date that has passed and is not marked held.
    pub gp_booking_passed: bool,
    /// Goals in the person's words: due with the assessment; done on the earliest goal's
    /// set-on date. While there are none it warns, and after the assessment day it is red,
    /// whether or not the assessment is ticked.
    pub goals: DeadlineFlag,
    pub medication: DeadlineFlag,
    pub discharge: DeadlineFlag,
    pub goals_achieved: usize,
    pub goals_total: usize,
    pub follow_ups_open: usize,
    pub follow_ups_overdue: usize,
    pub follow_ups_level: Level,
    /// Whole days since the stay was last changed.
    pub days_since_update: i64,
    pub stale: bool,
    /// The worst level of all flags.
    pub worst: Level,
    /// Number of red (overdue) items.
    pub overdue_count: usize,
    /// Days since the stay was last discussed at a stand-up (since admission if never).
    pub days_since_discussed: i64,
    /// Not discussed for longer than the rules allow.
    pub not_discussed: bool,
}

fn flag(
    dl: Deadline,
    warn_from: Option<Date>,
    done_on: Option<Date>,
    today: Date,
    rules: &Rules,
    delay: bool,
) -> DeadlineFlag {
    let level = if done_on.is_some() {
        Level::Done
    } else {
        open_level(dl.date, warn_from, today, rules.due_soon_days)
    };
    DeadlineFlag {
        level,
        deadline: dl.date,
        days_left: days_between(today, dl.date),
        done_on,
        delay_known: delay,
        late_days: done_on.map_or(0, |d| days_between(dl.date, d).max(0)),
        non_working: dl.non_working,
        moved_from: (dl.date != dl.nominal).then_some(dl.nominal),
    }
}

/// Derive every flag for `stay` on `today`. `updated_today` is the local date of the
/// stay's last change (the caller converts the timestamp in the ward's time zone).
pub fn evaluate(stay: &Stay, rules: &Rules, today: Date, updated_on: Date) -> StayFlags {
    let before_admission = today < stay.admitted;
    let delay = |k| stay.delay(k).is_some();
    let warn = |k| rules.warn_from(stay, k);
    let dl = |k| rules.deadline(stay, k);
    let assessment_dl = dl(DeadlineKind::Assessment);
    let mut assessment = flag(
        assessment_dl,
        warn(DeadlineKind::Assessment),
        stay.assessment_done,
        today,
        rules,
        delay(DeadlineKind::Assessment),
    );
    let goals_set = stay.goals.iter().map(|g| g.set_on).min();
    let mut goals = flag(
        assessment_dl,
        warn(DeadlineKind::Assessment),
        goals_set,
        today,
        rules,
        delay(DeadlineKind::Assessment),
    );
    if goals.level == Level::Ok && stay.assessment_done.is_some() {
        // The visit is done but the person's goals are not written down: a warning.
        goals.level = Level::DueSoon;
    }
    let gp_dl = dl(DeadlineKind::Gp);
    let gp_deadline = gp_dl.date;
    let gp_state = match (stay.gp.done_on, stay.gp.booked_for) {
        (Some(d), _) => GpState::Done(d),
        (None, Some(b)) => GpState::Booked(b),
        (None, None) => GpState::NotBooked,
    };
    let mut gp = flag(
        gp_dl,
        warn(DeadlineKind::Gp),
        stay.gp.done_on,
        today,
        rules,
        delay(DeadlineKind::Gp),
    );
    let gp_booking_passed = matches!(gp_state, GpState::Booked(b) if b < today);
    if let GpState::Booked(b) = gp_state {
        // A booking in time is fine until the deadline passes; a booking after the
        // deadline is a warning now, so the team can try for an earlier slot; a booking
        // whose day has passed without the appointment marked held needs checking.
        gp.level = match gp.level {
            Level::Overdue => Level::Overdue,
            _ if gp_booking_passed || b > gp_deadline => Level::DueSoon,
            _ => Level::Ok,
        };
    }
    let med_done = (stay.med_status == MedStatus::Done).then(|| stay.med_done.unwrap_or(today));
    let mut medication = flag(
        dl(DeadlineKind::Medication),
        warn(DeadlineKind::Medication),
        med_done,
        today,
        rules,
        delay(DeadlineKind::Medication),
    );
    let discharge = flag(
        dl(DeadlineKind::Discharge),
        warn(DeadlineKind::Discharge),
        stay.discharged_on,
        today,
        rules,
        delay(DeadlineKind::Discharge),
    );
    if before_admission {
        for f in [&mut assessment, &mut goals, &mut gp, &mut medication] {
            if f.level != Level::Done {
                f.level = Level::Ok;
            }
        }
    }
    let goals_total = stay
        .goals
        .iter()
        .filter(|g| g.status != GoalStatus::Dropped)
        .count();
    let goals_achieved = stay
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Achieved)
        .count();
    let open: Vec<_> = stay
        .follow_ups
        .iter()
        .filter(|f| f.done_on.is_none())
        .collect();
    let follow_ups_overdue = open
        .iter()
        .filter(|f| f.due.is_some_and(|d| d < today))
        .count();
    let follow_ups_level = open
        .iter()
        .map(|f| follow_up_level(f, today, rules.due_soon_days))
        .max()
        .unwrap_or(Level::Done);
    let days_since_update = days_between(updated_on, today).max(0);
    let stale = days_since_update >= i64::from(rules.stale_after_days);
    let levels = [
        assessment.level,
        goals.level,
        gp.level,
        medication.level,
        discharge.level,
        follow_ups_level,
    ];
    let worst = levels.iter().copied().max().unwrap_or(Level::Ok);
    let overdue_count = levels.iter().filter(|l| **l == Level::Overdue).count();
    // A stay admitted today has not missed a stand-up yet: count from the day before admission.
    let days_since_discussed = days_between(
        stay.last_discussed
            .unwrap_or_else(|| super::dates::add_days(stay.admitted, -1)),
        today,
    )
    .max(0);
    let not_discussed = rules.not_discussed_days > 0
        && day_of_stay(stay.admitted, today) >= 1
        && days_since_discussed > i64::from(rules.not_discussed_days);
    StayFlags {
        days_since_discussed,
        not_discussed,
        day: day_of_stay(stay.admitted, today),
        assessment,
        gp,
        gp_state,
        gp_booking_passed,
        goals,
        medication,
        discharge,
        goals_achieved,
        goals_total,
        follow_ups_open: open.len(),
        follow_ups_overdue,
        follow_ups_level,
        days_since_update,
        stale,
        worst,
        overdue_count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{FollowUp, Goal};
    use jiff::civil::date;

    fn stay(admitted: Date) -> Stay {
        let r = Rules::default();
        Stay::new(1, "Kari Nordmann", admitted, r.default_discharge(admitted))
    }

    fn eval(s: &Stay, today: Date) -> StayFlags {
        evaluate(s, &Rules::default(), today, today)
    }

    /// The rules before weekends, warn-from days and group days existed.
    fn plain() -> Rules {
        Rules {
            warn_from_day: WarnFromDays {
                gp: None,
                ..WarnFromDays::default()
            },
            non_working_days: NonWorkingDays::Mark,
            ..Rules::default()
        }
    }

    #[test]
    fn day_counting_across_month_year_leap_and_dst() {
        assert_eq!(day_of_stay(date(2026, 11, 25), date(2026, 11, 25)), 1);
        assert_eq!(day_of_stay(date(2026, 11, 20), date(2026, 12, 4)), 15);
        assert_eq!(day_of_stay(date(2026, 12, 20), date(2027, 1, 3)), 15);
        // 2028 is a leap year: Feb has 29 days.
        assert_eq!(day_of_stay(date(2028, 2, 20), date(2028, 3, 5)), 15);
        assert_eq!(day_of_stay(date(2027, 2, 20), date(2027, 3, 6)), 15);
        // DST ends in Europe/Oslo on 2026-10-25 (a 25-hour day): still one day.
        assert_eq!(day_of_stay(date(2026, 10, 24), date(2026, 10, 26)), 3);
        // DST starts 2027-03-28 (a 23-hour day).
        assert_eq!(day_of_stay(date(2027, 3, 27), date(2027, 3, 29)), 3);
    }

    #[test]
    fn default_discharge_is_day_35_and_the_counter_agrees() {
        let r = Rules::default();
        // Admitted Monday 23.11: day 35 is Sunday 27.12, moved to Thursday 24.12 (25 and
        // 26.12 are holidays); marked instead, it stays on the Sunday.
        assert_eq!(r.default_discharge(date(2026, 11, 23)), date(2026, 12, 24));
        assert_eq!(
            plain().default_discharge(date(2026, 11, 23)),
            date(2026, 12, 27)
        );
        // Admitted Tuesday 1.2.2028 (leap year): day 35 is Monday 6.3.
        assert_eq!(r.default_discharge(date(2028, 2, 1)), date(2028, 3, 6));
        // On the planned discharge day the stay is on day 35 of 35, due today, not overdue;
        // the day after, both the counter (36) and the discharge are overdue.
        let s = stay(date(2028, 2, 1));
        let on = eval(&s, date(2028, 3, 6));
        assert_eq!((on.day, on.discharge.days_left), (35, 0));
        assert_eq!(on.discharge.level, Level::DueSoon);
        let after = eval(&s, date(2028, 3, 7));
        assert_eq!((after.day, after.discharge.level), (36, Level::Overdue));
    }

    #[test]
    fn default_discharge_on_christmas_or_new_year_is_moved_or_marked() {
        // Admitted 21.11.2026: day 35 is Friday 25.12; admitted 28.11: Friday 1.1.2027.
        let r = Rules::default();
        assert_eq!(r.default_discharge(date(2026, 11, 21)), date(2026, 12, 24));
        assert_eq!(r.default_discharge(date(2026, 11, 28)), date(2026, 12, 31));
        let m = plain();
        let xmas = date(2026, 12, 25);
        assert_eq!(m.default_discharge(date(2026, 11, 21)), xmas);
        let s = Stay::new(1, "A", date(2026, 11, 21), xmas);
        let f = evaluate(&s, &m, date(2026, 12, 20), date(2026, 12, 20));
        assert_eq!(f.discharge.non_working, Some(NonWorking::Holiday));
        assert_eq!(f.discharge.moved_from, None);
    }

    #[test]
    fn deadline_exactly_on_the_day_is_due_not_overdue() {
        let s = stay(date(2026, 11, 1));
        let eval = |s: &Stay, today| evaluate(s, &plain(), today, today);
        // Assessment by day 3 = 2026-11-03.
        assert_eq!(eval(&s, date(2026, 11, 3)).assessment.level, Level::DueSoon);
        assert_eq!(eval(&s, date(2026, 11, 3)).assessment.days_left, 0);
        assert_eq!(eval(&s, date(2026, 11, 4)).assessment.level, Level::Overdue);
        // GP by day 14 = 2026-11-14; due soon window 2 days.
        assert_eq!(eval(&s, date(2026, 11, 11)).gp.level, Level::Ok);
        assert_eq!(eval(&s, date(2026, 11, 12)).gp.level, Level::DueSoon);
        assert_eq!(eval(&s, date(2026, 11, 14)).gp.level, Level::DueSoon);
        assert_eq!(eval(&s, date(2026, 11, 15)).gp.level, Level::Overdue);
        assert_eq!(eval(&s, date(2026, 11, 15)).gp.days_left, -1);
    }

    #[test]
    fn done_items_are_done_whatever_the_date() {
        let mut s = stay(date(2026, 11, 1));
        s.assessment_done = Some(date(2026, 11, 2));
        s.gp.done_on = Some(date(2026, 11, 20));
        s.med_status = MedStatus::Done;
        s.med_done = Some(date(2026, 11, 21));
        let f = eval(&s, date(2026, 11, 30));
        assert_eq!(f.assessment.level, Level::Done);
        assert_eq!(f.gp.level, Level::Done);
        assert_eq!(f.gp_state, GpState::Done(date(2026, 11, 20)));
        assert_eq!(f.medication.level, Level::Done);
    }

    #[test]
    fn gp_booking_in_time_is_ok_and_late_booking_warns() {
        let mut s = stay(date(2026, 11, 1));
        let eval = |s: &Stay, today| evaluate(s, &plain(), today, today);
        s.gp.booked_for = Some(date(2026, 11, 10));
        assert_eq!(eval(&s, date(2026, 11, 5)).gp.level, Level::Ok);
        s.gp.booked_for = Some(date(2026, 11, 20));
        assert_eq!(eval(&s, date(2026, 11, 5)).gp.level, Level::DueSoon);
        assert_eq!(eval(&s, date(2026, 11, 16)).gp.level, Level::Overdue);
    }

    #[test]
    fn medication_has_its_own_deadline() {
        let mut s = stay(date(2026, 11, 1));
        s.med_status = MedStatus::InProgress;
        let rules = Rules {
            medication_day: 7,
            ..plain()
        };
        let f = evaluate(&s, &rules, date(2026, 11, 8), date(2026, 11, 8));
        assert_eq!(f.medication.level, Level::Overdue);
        assert_eq!(f.gp.level, Level::Ok);
    }

    #[test]
    fn future_admission_has_no_flags_yet() {
        let s = stay(date(2026, 12, 1));
        let f = eval(&s, date(2026, 11, 25));
        assert_eq!(f.day, -5);
        assert_eq!(f.assessment.level, Level::Ok);
        assert_eq!(f.worst, Level::Ok);
    }

    #[test]
    fn overdue_discharge_and_counts() {
        let mut s = stay(date(2026, 10, 1));
        s.goals.push(Goal {
            id: 1,
            position: 0,
            text: "Gå til butikken".into(),
            status: GoalStatus::Achieved,
            set_on: date(2026, 10, 2),
            closed_on: Some(date(2026, 10, 20)),
            score_start: None,
            score_end: None,
        });
        s.goals.push(Goal {
            id: 2,
            position: 1,
            text: "Dusje selv".into(),
            status: GoalStatus::Dropped,
            set_on: date(2026, 10, 2),
            closed_on: None,
            score_start: None,
            score_end: None,
        });
        s.follow_ups.push(FollowUp {
            id: 1,
            text: "Ring datter".into(),
            discipline: "nurse".into(),
            due: Some(date(2026, 11, 1)),
            done_on: None,
            created_on: date(2026, 10, 2),
        });
        let today = date(2026, 11, 10);
        let f = evaluate(&s, &Rules::default(), today, date(2026, 11, 5));
        assert_eq!(f.day, 41);
        assert_eq!(f.discharge.level, Level::Overdue);
        assert_eq!((f.goals_achieved, f.goals_total), (1, 1));
        assert_eq!((f.follow_ups_open, f.follow_ups_overdue), (1, 1));
        assert_eq!(f.days_since_update, 5);
        assert!(f.stale);
        assert_eq!(f.worst, Level::Overdue);
        // assessment, gp, medication, discharge, follow-ups
        assert_eq!(f.overdue_count, 5);
    }
    #[test]
    fn gp_not_booked_warns_from_day_7_not_two_days_before() {
        // Admitted Wednesday 4.11.2026; GP by day 14 = Tuesday 17.11.
        let s = stay(date(2026, 11, 4));
        // Day 6: on track. Day 7 (10.11), not booked: a warning, 7 days before the deadline.
        assert_eq!(eval(&s, date(2026, 11, 9)).gp.level, Level::Ok);
        let f = eval(&s, date(2026, 11, 10));
        assert_eq!((f.gp.level, f.gp.days_left), (Level::DueSoon, 7));
        // Booked in time, the warning goes away.
        let mut booked = s.clone();
        booked.gp.booked_for = Some(date(2026, 11, 16));
        assert_eq!(eval(&booked, date(2026, 11, 10)).gp.level, Level::Ok);
        // Without a warn-from day, only the 2-day window warns.
        assert_eq!(
            evaluate(&s, &plain(), date(2026, 11, 10), date(2026, 11, 10))
                .gp
                .level,
            Level::Ok
        );
        // A warn-from day never makes a deadline calmer than the due-soon window.
        let late_warn = Rules {
            warn_from_day: WarnFromDays {
                gp: Some(30),
                ..WarnFromDays::default()
            },
            ..Rules::default()
        };
        let f = evaluate(&s, &late_warn, date(2026, 11, 16), date(2026, 11, 16));
        assert_eq!(f.gp.level, Level::DueSoon);
    }

    #[test]
    fn gp_booking_whose_day_passed_unheld_is_flagged() {
        let mut s = stay(date(2026, 11, 4));
        s.gp.booked_for = Some(date(2026, 11, 12));
        let on_the_day = eval(&s, date(2026, 11, 12));
        assert_eq!(on_the_day.gp.level, Level::Ok);
        assert!(!on_the_day.gp_booking_passed);
        let after = eval(&s, date(2026, 11, 13));
        assert_eq!(after.gp.level, Level::DueSoon);
        assert!(after.gp_booking_passed);
        // After the deadline it is red; once marked held it is done.
        assert_eq!(eval(&s, date(2026, 11, 18)).gp.level, Level::Overdue);
        s.gp.done_on = Some(date(2026, 11, 12));
        assert_eq!(eval(&s, date(2026, 11, 13)).gp.level, Level::Done);
    }

    #[test]
    fn work_done_late_is_done_but_says_how_late_for_every_deadline() {
        // Admitted Wednesday 4.11.2026: assessment by Friday 6.11, GP and medication by
        // Tuesday 17.11.
        let mut s = stay(date(2026, 11, 4));
        s.assessment_done = Some(date(2026, 11, 8));
        s.gp.done_on = Some(date(2026, 11, 17));
        s.med_status = MedStatus::Done;
        s.med_done = Some(date(2026, 11, 20));
        s.discharged_on = Some(add_days(s.planned_discharge, 1));
        s.goals.push(Goal {
            id: 1,
            position: 1,
            text: "Gå til butikken".into(),
            status: GoalStatus::Open,
            set_on: date(2026, 11, 7),
            closed_on: None,
            score_start: None,
            score_end: None,
        });
        let f = eval(&s, date(2026, 11, 25));
        assert_eq!(
            (f.assessment.level, f.assessment.late_days),
            (Level::Done, 2)
        );
        assert!(f.assessment.done_late());
        assert_eq!((f.goals.level, f.goals.late_days), (Level::Done, 1));
        assert_eq!((f.gp.level, f.gp.late_days), (Level::Done, 0));
        assert!(!f.gp.done_late());
        assert_eq!(f.medication.late_days, 3);
        assert_eq!(f.discharge.late_days, 1);
    }

    #[test]
    fn missing_goals_stay_flagged_after_the_assessment_is_ticked() {
        let mut s = stay(date(2026, 11, 4));
        s.assessment_done = Some(date(2026, 11, 5));
        // Before the deadline, with the visit done: a warning, not calm.
        let before = eval(&s, date(2026, 11, 5));
        assert_eq!(before.assessment.level, Level::Done);
        assert_eq!(before.goals.level, Level::DueSoon);
        // After the deadline: red, and counted among the red items.
        let after = eval(&s, date(2026, 11, 9));
        assert_eq!(after.goals.level, Level::Overdue);
        assert!(after.overdue_count >= 1);
        s.goals.push(Goal {
            id: 1,
            position: 1,
            text: "Bo hjemme".into(),
            status: GoalStatus::Open,
            set_on: date(2026, 11, 5),
            closed_on: None,
            score_start: None,
            score_end: None,
        });
        assert_eq!(eval(&s, date(2026, 11, 9)).goals.level, Level::Done);
    }

    #[test]
    fn weekend_and_holiday_deadlines_are_moved_earlier_or_marked() {
        // Admitted Monday 16.11.2026: GP by day 14 = Sunday 29.11.
        let s = stay(date(2026, 11, 16));
        let today = date(2026, 11, 25);
        let moved = eval(&s, today);
        assert_eq!(moved.gp.deadline, date(2026, 11, 27));
        assert_eq!(moved.gp.moved_from, Some(date(2026, 11, 29)));
        assert_eq!(moved.gp.non_working, Some(NonWorking::Weekend));
        assert_eq!(moved.gp.days_left, 2);
        let marked = evaluate(&s, &plain(), today, today);
        assert_eq!(marked.gp.deadline, date(2026, 11, 29));
        assert_eq!(marked.gp.moved_from, None);
        assert_eq!(marked.gp.non_working, Some(NonWorking::Weekend));
        // Admitted Monday 23.3.2026: assessment by day 3 = Wednesday 25.3, a working day;
        // GP by day 14 = Sunday 5.4, Easter Sunday: moved over langfredag and skjærtorsdag
        // to Wednesday 1.4.
        let easter = stay(date(2026, 3, 23));
        let f = eval(&easter, date(2026, 3, 24));
        assert_eq!(f.assessment.moved_from, None);
        assert_eq!(f.gp.deadline, date(2026, 4, 1));
        assert_eq!(f.gp.non_working, Some(NonWorking::Holiday));
        // Admitted Friday 27.11.2026: assessment by day 3 = Sunday 29.11. The working day
        // before is the admission day itself, so it moves to Monday 30.11 instead.
        let friday = stay(date(2026, 11, 27));
        let f = eval(&friday, date(2026, 11, 27));
        assert_eq!(f.assessment.deadline, date(2026, 11, 30));
        assert_eq!(f.assessment.moved_from, Some(date(2026, 11, 29)));
        // Admitted Thursday 26.11.2026: day 3 = Saturday 28.11 moves back to Friday 27.11,
        // day 2, which is still after the admission day.
        let thursday = stay(date(2026, 11, 26));
        let f = eval(&thursday, date(2026, 11, 26));
        assert_eq!(f.assessment.deadline, date(2026, 11, 27));
    }

    #[test]
    fn target_groups_have_their_own_deadline_days() {
        let mut rules = Rules::default();
        rules.group_days.insert(
            "from_hospital".into(),
            GroupDays {
                medication_day: Some(3),
                ..GroupDays::default()
            },
        );
        // Admitted Monday 2.11.2026: day 3 = Wednesday 4.11.
        let mut s = stay(date(2026, 11, 2));
        s.med_status = MedStatus::InProgress;
        let today = date(2026, 11, 5);
        assert_eq!(
            evaluate(&s, &rules, today, today).medication.level,
            Level::Ok
        );
        s.target_group = "from_hospital".into();
        let f = evaluate(&s, &rules, today, today);
        assert_eq!(f.medication.deadline, date(2026, 11, 4));
        assert_eq!(f.medication.level, Level::Overdue);
        // The other deadlines are the ward's.
        assert_eq!(rules.deadline_day("from_hospital", DeadlineKind::Gp), 14);
        assert_eq!(rules.deadline_day("new_user", DeadlineKind::Medication), 14);
    }
}
