//! The stand-up's rules as pure functions: the order stays are discussed in, and the time box.

use super::flags::{Level, StayFlags};
use super::{Stay, StayId};
use crate::config::StandupOrder;
use jiff::civil::DateTime;

/// The order to discuss `stays` (with their flags, in board order) in.
pub fn order(stays: &[(&Stay, &StayFlags)], how: StandupOrder) -> Vec<StayId> {
    let mut v: Vec<(&Stay, &StayFlags)> = stays.to_vec();
    match how {
        StandupOrder::Board => {}
        StandupOrder::Admitted => v.sort_by_key(|(s, _)| (s.admitted, s.id)),
        StandupOrder::FlaggedFirst => v.sort_by_key(|(s, f)| {
            let rank = match f.worst {
                Level::Overdue => 0,
                Level::DueSoon => 1,
                _ => 2,
            };
            (rank, s.admitted, s.id)
        }),
    }
    v.into_iter().map(|(s, _)| s.id).collect()
}

/// Where the time box stands: seconds left (negative: over time) and how urgent that is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeBox {
    pub seconds_left: i64,
    pub level: Level,
}

/// The time box of a stand-up of `minutes` started at `started`, seen at `now`. It turns
/// amber when a fifth of the time (at least one minute) is left, red when it is used up.
pub fn time_box(started: DateTime, now: DateTime, minutes: u32) -> TimeBox {
    let total = i64::from(minutes) * 60;
    let used = started
        .until(now)
        .ok()
        .and_then(|s| s.total(jiff::Unit::Second).ok())
        .unwrap_or(0.0) as i64;
    let left = total - used.max(0);
    let amber = (total / 5).max(60);
    let level = if left <= 0 {
        Level::Overdue
    } else if left <= amber {
        Level::DueSoon
    } else {
        Level::Ok
    };
    TimeBox {
        seconds_left: left,
        level,
    }
}

/// The time box as the room reads it, before «igjen»/«over tiden»: `15 min`, `13 min` (a
/// started minute counts), and in the last minute, or the first minute over, `45 s`. Never
/// `15:00`, which reads as a time of day.
pub fn fmt_clock(seconds_left: i64) -> String {
    let s = seconds_left.abs();
    if s < 60 {
        format!("{s} s")
    } else {
        format!("{} min", (s + 59) / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flags::evaluate;
    use crate::domain::{Rules, Stay};
    use jiff::civil::date;

    #[test]
    fn time_box_turns_amber_then_red() {
        let start = date(2026, 11, 25).at(9, 0, 0, 0);
        let at = |m: i8, s: i8| date(2026, 11, 25).at(9, m, s, 0);
        assert_eq!(time_box(start, at(0, 0), 15).level, Level::Ok);
        assert_eq!(time_box(start, at(11, 59), 15).level, Level::Ok);
        assert_eq!(time_box(start, at(12, 0), 15).level, Level::DueSoon);
        assert_eq!(time_box(start, at(14, 59), 15).seconds_left, 1);
        let over = time_box(start, at(16, 30), 15);
        assert_eq!((over.seconds_left, over.level), (-90, Level::Overdue));
        assert_eq!(fmt_clock(over.seconds_left), "2 min");
        assert_eq!(fmt_clock(725), "13 min");
        assert_eq!(fmt_clock(900), "15 min");
        assert_eq!(fmt_clock(45), "45 s");
        assert_eq!(fmt_clock(-20), "20 s");
    }

    #[test]
    fn flagged_stays_come_first_then_by_admission() {
        let today = date(2026, 11, 25);
        let rules = Rules::default();
        // Admitted 10 days ago, nothing done: overdue assessment.
        let late = Stay::new(1, "A", date(2026, 11, 15), date(2026, 12, 20));
        // Admitted today: assessment due in 2 days (due soon).
        let soon = Stay::new(2, "B", today, date(2026, 12, 30));
        // Admitted 5 days ago with everything done so far: on track.
        let mut fine = Stay::new(3, "C", date(2026, 11, 20), date(2026, 12, 25));
        fine.assessment_done = Some(date(2026, 11, 21));
        fine.gp.booked_for = Some(date(2026, 11, 28));
        fine.med_status = crate::domain::MedStatus::Done;
        fine.med_done = Some(date(2026, 11, 22));
        fine.goals.push(crate::domain::Goal {
            id: 1,
            position: 1,
            text: "Gå til butikken".into(),
            status: crate::domain::GoalStatus::Open,
            set_on: date(2026, 11, 21),
            closed_on: None,
            score_start: None,
            score_end: None,
        });
        let stays = [fine, soon, late];
        let flags: Vec<_> = stays
            .iter()
            .map(|s| evaluate(s, &rules, today, today))
            .collect();
        let pairs: Vec<_> = stays.iter().zip(flags.iter()).collect();
        assert_eq!(order(&pairs, StandupOrder::FlaggedFirst), vec![1, 2, 3]);
        assert_eq!(order(&pairs, StandupOrder::Admitted), vec![1, 3, 2]);
        assert_eq!(order(&pairs, StandupOrder::Board), vec![3, 2, 1]);
    }
}
