//! Where a stay stands on a given day: planned, on day N, discharged or cancelled.
//!
//! One function decides it for every screen (board, kiosk, detail pane, stand-up, archive,
//! model fidelity), so the same stay never reads «+2d» in one place and «dag -1/35» in
//! another. A stay that has not started has no day number; a stay that has ended shows its
//! final state, never a day counter that keeps running. Day numbering is the board's
//! ([`super::flags::day_of_stay`]): the admission date is day 1.

use super::dates::days_between;
use super::flags::day_of_stay;
use super::model::{Stay, StayStatus};
use jiff::civil::Date;

/// A stay's state and day on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StayDay {
    /// The admission date is still ahead (`in_days` ≥ 1 days from today): no day number.
    Planned { starts: Date, in_days: i64 },
    /// On the ward: day `day` (admission day = 1) of a stay of `length` days. A day past
    /// `length` means the planned discharge has passed.
    Active { day: i64, length: u32 },
    /// Discharged on `on`, on day `day` of the stay.
    Discharged { on: Date, day: i64, length: u32 },
    /// Cancelled on `on` (when known). `day`: the day of the stay it was cancelled on, when
    /// the stay had begun; `None` when it was called off before the admission day
    /// (*avlyst*), or the date is unknown.
    Cancelled {
        on: Option<Date>,
        day: Option<i64>,
        length: u32,
    },
}

impl StayDay {
    /// True when the stay has left the board (discharged or cancelled).
    pub fn ended(self) -> bool {
        matches!(self, Self::Discharged { .. } | Self::Cancelled { .. })
    }
}

/// The state and day of `stay` on `today`, for a stay of `length` days.
/// `cancelled_on`: the date a cancelled stay was cancelled, when the caller knows it (the
/// stay row keeps no cancellation date; the board uses the date of the stay's last change,
/// which for an archived stay is the cancellation). Dates after `today` are read as today.
pub fn stay_day(stay: &Stay, today: Date, length: u32, cancelled_on: Option<Date>) -> StayDay {
    match stay.status {
        StayStatus::Discharged => {
            let on = stay.discharged_on.unwrap_or(today).min(today);
            StayDay::Discharged {
                on,
                day: day_of_stay(stay.admitted, on).max(1),
                length,
            }
        }
        StayStatus::Cancelled => {
            let on = cancelled_on.map(|d| d.min(today));
            StayDay::Cancelled {
                on,
                day: on
                    .filter(|d| *d >= stay.admitted)
                    .map(|d| day_of_stay(stay.admitted, d)),
                length,
            }
        }
        StayStatus::Active if today < stay.admitted => StayDay::Planned {
            starts: stay.admitted,
            in_days: days_between(today, stay.admitted),
        },
        StayStatus::Active => StayDay::Active {
            day: day_of_stay(stay.admitted, today),
            length,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 25);

    fn stay(admitted: Date) -> Stay {
        Stay::new(1, "Kari Nordmann", admitted, date(2026, 12, 31))
    }

    #[test]
    fn a_stay_admitted_in_the_future_is_planned_with_no_day_number() {
        assert_eq!(
            stay_day(&stay(date(2026, 11, 27)), TODAY, 35, None),
            StayDay::Planned {
                starts: date(2026, 11, 27),
                in_days: 2
            }
        );
        assert_eq!(
            stay_day(&stay(date(2026, 11, 26)), TODAY, 35, None),
            StayDay::Planned {
                starts: date(2026, 11, 26),
                in_days: 1
            }
        );
        // Across a year end.
        assert_eq!(
            stay_day(&stay(date(2027, 1, 2)), date(2026, 12, 30), 35, None),
            StayDay::Planned {
                starts: date(2027, 1, 2),
                in_days: 3
            }
        );
    }

    #[test]
    fn admitted_today_is_day_one_and_the_counter_runs_past_the_length() {
        assert_eq!(
            stay_day(&stay(TODAY), TODAY, 35, None),
            StayDay::Active { day: 1, length: 35 }
        );
        assert_eq!(
            stay_day(&stay(date(2026, 10, 22)), TODAY, 35, None),
            StayDay::Active {
                day: 35,
                length: 35
            }
        );
        assert_eq!(
            stay_day(&stay(date(2026, 10, 18)), TODAY, 35, None),
            StayDay::Active {
                day: 39,
                length: 35
            }
        );
    }

    #[test]
    fn a_discharged_stay_keeps_its_last_day_whatever_today_is() {
        let mut s = stay(date(2026, 10, 19));
        s.status = StayStatus::Discharged;
        s.discharged_on = Some(date(2026, 11, 20));
        let want = StayDay::Discharged {
            on: date(2026, 11, 20),
            day: 33,
            length: 35,
        };
        assert_eq!(stay_day(&s, TODAY, 35, None), want);
        assert_eq!(stay_day(&s, date(2027, 3, 1), 35, None), want);
        assert!(want.ended());
    }

    #[test]
    fn a_cancelled_stay_says_when_and_whether_it_had_begun() {
        let mut s = stay(date(2026, 11, 15));
        s.status = StayStatus::Cancelled;
        // Cancelled on its second day: avbrutt, day 2.
        assert_eq!(
            stay_day(&s, TODAY, 35, Some(date(2026, 11, 16))),
            StayDay::Cancelled {
                on: Some(date(2026, 11, 16)),
                day: Some(2),
                length: 35
            }
        );
        // Called off before the admission day: no day number (avlyst).
        assert_eq!(
            stay_day(&s, TODAY, 35, Some(date(2026, 11, 14))),
            StayDay::Cancelled {
                on: Some(date(2026, 11, 14)),
                day: None,
                length: 35
            }
        );
        // Date unknown.
        assert_eq!(
            stay_day(&s, TODAY, 35, None),
            StayDay::Cancelled {
                on: None,
                day: None,
                length: 35
            }
        );
        // Never a planned stay, even when the admission date is ahead.
        let mut later = stay(date(2026, 12, 1));
        later.status = StayStatus::Cancelled;
        assert!(stay_day(&later, TODAY, 35, Some(TODAY)).ended());
    }
}
