//! Deadlines and flag levels: pure functions of (stay, rules, today).
//!
//! Day numbering: the admission date is day 1. A deadline "by day N" falls on the date of
//! day N (admitted + N − 1) and is overdue from the day after. The planned discharge
//! defaults to admitted + stay length (five weeks to the weekday).

use super::dates::{add_days, days_between};
use super::model::{DeadlineKind, GoalStatus, MedStatus, Stay};
use jiff::civil::Date;

/// How urgent an item is. Ordered so that `max` gives the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Finished.
    Done,
    /// Nothing to worry about yet.
    Ok,
    /// Deadline within the due-soon window (including today).
    DueSoon,
    /// Deadline passed and not done.
    Overdue,
}

/// The numbers the rules need, taken from config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    pub stay_length_days: u32,
    pub assessment_day: u32,
    pub gp_day: u32,
    pub medication_day: u32,
    pub due_soon_days: u32,
    pub stale_after_days: u32,
    /// Mark a stay not discussed at a stand-up for more than this many days (0: never).
    pub not_discussed_days: u32,
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
        }
    }
}

impl Rules {
    /// The date of day `n` of a stay admitted on `admitted`.
    pub fn date_of_day(&self, admitted: Date, n: u32) -> Date {
        add_days(admitted, i64::from(n) - 1)
    }
    /// Default planned discharge for an admission date.
    pub fn default_discharge(&self, admitted: Date) -> Date {
        add_days(admitted, i64::from(self.stay_length_days))
    }
}

/// Day N of the stay (admission date = day 1). Zero or negative before admission.
pub fn day_of_stay(admitted: Date, today: Date) -> i64 {
    days_between(admitted, today) + 1
}

/// Level of an open deadline on `deadline`.
pub fn deadline_level(deadline: Date, today: Date, due_soon_days: u32) -> Level {
    let left = days_between(today, deadline);
    if left < 0 {
        Level::Overdue
    } else if left <= i64::from(due_soon_days) {
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
    deadline: Date,
    done_on: Option<Date>,
    today: Date,
    rules: &Rules,
    delay: bool,
) -> DeadlineFlag {
    let level = if done_on.is_some() {
        Level::Done
    } else {
        deadline_level(deadline, today, rules.due_soon_days)
    };
    DeadlineFlag {
        level,
        deadline,
        days_left: days_between(today, deadline),
        done_on,
        delay_known: delay,
    }
}

/// Derive every flag for `stay` on `today`. `updated_today` is the local date of the
/// stay's last change (the caller converts the timestamp in the ward's time zone).
pub fn evaluate(stay: &Stay, rules: &Rules, today: Date, updated_on: Date) -> StayFlags {
    let before_admission = today < stay.admitted;
    let delay = |k| stay.delay(k).is_some();
    let mut assessment = flag(
        rules.date_of_day(stay.admitted, rules.assessment_day),
        stay.assessment_done,
        today,
        rules,
        delay(DeadlineKind::Assessment),
    );
    let gp_deadline = rules.date_of_day(stay.admitted, rules.gp_day);
    let gp_state = match (stay.gp.done_on, stay.gp.booked_for) {
        (Some(d), _) => GpState::Done(d),
        (None, Some(b)) => GpState::Booked(b),
        (None, None) => GpState::NotBooked,
    };
    let mut gp = flag(
        gp_deadline,
        stay.gp.done_on,
        today,
        rules,
        delay(DeadlineKind::Gp),
    );
    if let GpState::Booked(b) = gp_state {
        // A booking in time is fine until the deadline passes; a booking after the
        // deadline is a warning now, so the team can try for an earlier slot.
        gp.level = match gp.level {
            Level::Overdue => Level::Overdue,
            _ if b > gp_deadline => Level::DueSoon,
            _ => Level::Ok,
        };
    }
    let med_done = (stay.med_status == MedStatus::Done).then(|| stay.med_done.unwrap_or(today));
    let mut medication = flag(
        rules.date_of_day(stay.admitted, rules.medication_day),
        med_done,
        today,
        rules,
        delay(DeadlineKind::Medication),
    );
    let discharge = flag(
        stay.planned_discharge,
        stay.discharged_on,
        today,
        rules,
        delay(DeadlineKind::Discharge),
    );
    if before_admission {
        for f in [&mut assessment, &mut gp, &mut medication] {
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
    fn default_discharge_is_five_weeks_to_the_weekday() {
        let r = Rules::default();
        assert_eq!(r.default_discharge(date(2026, 11, 23)), date(2026, 12, 28));
        assert_eq!(r.default_discharge(date(2028, 2, 1)), date(2028, 3, 7));
    }

    #[test]
    fn deadline_exactly_on_the_day_is_due_not_overdue() {
        let s = stay(date(2026, 11, 1));
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
            ..Rules::default()
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
        });
        s.goals.push(Goal {
            id: 2,
            position: 1,
            text: "Dusje selv".into(),
            status: GoalStatus::Dropped,
            set_on: date(2026, 10, 2),
            closed_on: None,
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
}
