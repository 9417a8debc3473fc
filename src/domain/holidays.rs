//! Norway's public holidays and working days, computed (no network, no table to update).
//!
//! The public holidays (*helligdager* and the two statutory *høytidsdager*, lov om
//! helligdager og helligdagsfred / lov om 1. og 17. mai som høytidsdager):
//! 1 January; skjærtorsdag (Maundy Thursday), langfredag (Good Friday), first and second
//! påskedag (Easter Sunday and Monday); 1 May; 17 May; Kristi himmelfartsdag (Ascension,
//! Easter + 39); first and second pinsedag (Whit Sunday and Monday, Easter + 49 and + 50);
//! 25 and 26 December.
//! Christmas Eve and New Year's Eve are not public holidays.
//!
//! A *non-working day* is a Saturday, a Sunday or one of these holidays.

use super::dates::add_days;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// Why a date is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NonWorking {
    /// Saturday or Sunday (and not a public holiday).
    Weekend,
    /// A Norwegian public holiday (whatever the weekday).
    Holiday,
}

/// What the board does with a deadline that falls on a non-working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NonWorkingDays {
    /// Keep the date and mark it, so the team sees it needs planning.
    Mark,
    /// Move the deadline to the working day before (and say so on the board).
    #[default]
    MoveEarlier,
}

/// Easter Sunday (1. påskedag) of `year` in the Gregorian calendar (the anonymous
/// Gregorian algorithm, also known as Meeus/Jones/Butcher).
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // Always March or April, day 1–31: the casts cannot truncate.
    Date::new(year, month as i8, day as i8).unwrap_or(Date::MIN)
}

/// Every Norwegian public holiday of `year`, in date order.
pub fn public_holidays(year: i16) -> Vec<Date> {
    let easter = easter_sunday(year);
    let fixed = |m: i8, d: i8| Date::new(year, m, d).unwrap_or(Date::MIN);
    let mut v = vec![
        fixed(1, 1),
        add_days(easter, -3), // skjærtorsdag
        add_days(easter, -2), // langfredag
        easter,               // 1. påskedag
        add_days(easter, 1),  // 2. påskedag
        fixed(5, 1),
        fixed(5, 17),
        add_days(easter, 39), // Kristi himmelfartsdag
        add_days(easter, 49), // 1. pinsedag
        add_days(easter, 50), // 2. pinsedag
        fixed(12, 25),
        fixed(12, 26),
    ];
    v.sort();
    v
}

/// True when `d` is a Norwegian public holiday.
pub fn is_public_holiday(d: Date) -> bool {
    let easter = easter_sunday(d.year());
    let from_easter = super::dates::days_between(easter, d);
    matches!(
        (d.month(), d.day()),
        (1, 1) | (5, 1) | (5, 17) | (12, 25) | (12, 26)
    ) || matches!(from_easter, -3 | -2 | 0 | 1 | 39 | 49 | 50)
}

/// A Norwegian public holiday, so a warning can name it («1. juledag»).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    NewYear,
    MaundyThursday,
    GoodFriday,
    EasterSunday,
    EasterMonday,
    MayDay,
    ConstitutionDay,
    Ascension,
    WhitSunday,
    WhitMonday,
    ChristmasDay,
    BoxingDay,
}

/// Which public holiday `d` is, if any. When two fall on one date (17 May and Whit Monday
/// in 2027, 1 May and Ascension in 2008) the fixed date is named.
pub fn holiday(d: Date) -> Option<Holiday> {
    let fixed = match (d.month(), d.day()) {
        (1, 1) => Some(Holiday::NewYear),
        (5, 1) => Some(Holiday::MayDay),
        (5, 17) => Some(Holiday::ConstitutionDay),
        (12, 25) => Some(Holiday::ChristmasDay),
        (12, 26) => Some(Holiday::BoxingDay),
        _ => None,
    };
    fixed.or(
        match super::dates::days_between(easter_sunday(d.year()), d) {
            -3 => Some(Holiday::MaundyThursday),
            -2 => Some(Holiday::GoodFriday),
            0 => Some(Holiday::EasterSunday),
            1 => Some(Holiday::EasterMonday),
            39 => Some(Holiday::Ascension),
            49 => Some(Holiday::WhitSunday),
            50 => Some(Holiday::WhitMonday),
            _ => None,
        },
    )
}

/// Whether `d` is a working day, and if not, why.
pub fn non_working(d: Date) -> Option<NonWorking> {
    if is_public_holiday(d) {
        Some(NonWorking::Holiday)
    } else if matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
        Some(NonWorking::Weekend)
    } else {
        None
    }
}

/// `d` itself when it is a working day, else the nearest working day before it.
pub fn working_day_on_or_before(d: Date) -> Date {
    let mut x = d;
    // At most a long weekend plus Easter: a handful of steps.
    while non_working(x).is_some() && x > Date::MIN {
        x = add_days(x, -1);
    }
    x
}

/// `d` itself when it is a working day, else the nearest working day after it.
pub fn working_day_on_or_after(d: Date) -> Date {
    let mut x = d;
    while non_working(x).is_some() && x < Date::MAX {
        x = add_days(x, 1);
    }
    x
}

/// Where a deadline due on `nominal` lands under `policy`: the date it is due, and why the
/// nominal date is not a working day (if it is not).
pub fn place(nominal: Date, policy: NonWorkingDays) -> (Date, Option<NonWorking>) {
    let why = non_working(nominal);
    match (policy, why) {
        (NonWorkingDays::MoveEarlier, Some(_)) => (working_day_on_or_before(nominal), why),
        _ => (nominal, why),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn every_public_holiday_has_a_name_and_only_those() {
        for year in [2026, 2027, 2028] {
            for d in public_holidays(year) {
                assert!(holiday(d).is_some(), "{d}");
            }
        }
        assert_eq!(holiday(date(2026, 12, 25)), Some(Holiday::ChristmasDay));
        assert_eq!(holiday(date(2027, 3, 26)), Some(Holiday::GoodFriday));
        // 17 May 2027 is also Whit Monday: the fixed date is named.
        assert_eq!(holiday(date(2027, 5, 17)), Some(Holiday::ConstitutionDay));
        assert_eq!(holiday(date(2026, 12, 24)), None);
        assert_eq!(holiday(date(2026, 11, 28)), None);
    }

    #[test]
    fn easter_sundays() {
        assert_eq!(easter_sunday(2026), date(2026, 4, 5));
        assert_eq!(easter_sunday(2027), date(2027, 3, 28));
        assert_eq!(easter_sunday(2024), date(2024, 3, 31));
        assert_eq!(easter_sunday(2025), date(2025, 4, 20));
        assert_eq!(easter_sunday(2028), date(2028, 4, 16));
        // The extremes of the Gregorian range: 22 March and 25 April.
        assert_eq!(easter_sunday(2285), date(2285, 3, 22));
        assert_eq!(easter_sunday(2038), date(2038, 4, 25));
    }

    #[test]
    fn the_holidays_of_2026() {
        assert_eq!(
            public_holidays(2026),
            vec![
                date(2026, 1, 1),
                date(2026, 4, 2), // skjærtorsdag
                date(2026, 4, 3), // langfredag
                date(2026, 4, 5), // 1. påskedag
                date(2026, 4, 6), // 2. påskedag
                date(2026, 5, 1),
                date(2026, 5, 14), // Kristi himmelfartsdag
                date(2026, 5, 17), // grunnlovsdag (and 1. pinsedag is 24.5)
                date(2026, 5, 24),
                date(2026, 5, 25), // 2. pinsedag
                date(2026, 12, 25),
                date(2026, 12, 26),
            ]
        );
        for d in public_holidays(2026)
            .into_iter()
            .chain(public_holidays(2027))
        {
            assert!(is_public_holiday(d), "{d}");
            assert_eq!(non_working(d), Some(NonWorking::Holiday), "{d}");
        }
    }

    #[test]
    fn easter_2027_moves_with_easter() {
        assert!(is_public_holiday(date(2027, 3, 25))); // skjærtorsdag
        assert!(is_public_holiday(date(2027, 3, 26))); // langfredag
        assert!(is_public_holiday(date(2027, 3, 29))); // 2. påskedag
        assert!(is_public_holiday(date(2027, 5, 6))); // Kristi himmelfartsdag
        assert!(is_public_holiday(date(2027, 5, 17))); // 2. pinsedag and 17. mai
        // Not holidays: Easter Saturday is a weekend day, Christmas Eve and New Year's Eve
        // are ordinary days, 2026's Easter dates are ordinary in 2027.
        assert_eq!(non_working(date(2027, 3, 27)), Some(NonWorking::Weekend));
        assert_eq!(non_working(date(2026, 12, 24)), None);
        assert_eq!(non_working(date(2026, 12, 31)), None);
        assert_eq!(non_working(date(2027, 4, 2)), None);
    }

    #[test]
    fn weekends_and_working_days() {
        assert_eq!(non_working(date(2026, 11, 28)), Some(NonWorking::Weekend));
        assert_eq!(non_working(date(2026, 11, 29)), Some(NonWorking::Weekend));
        assert_eq!(non_working(date(2026, 11, 30)), None);
        // Sunday → Friday.
        assert_eq!(
            working_day_on_or_before(date(2026, 11, 29)),
            date(2026, 11, 27)
        );
        // 2. påskedag 2026 (Monday) → back over Easter and langfredag to Wednesday 1.4.
        assert_eq!(working_day_on_or_before(date(2026, 4, 6)), date(2026, 4, 1));
        // 26.12.2026 (Saturday) → Christmas Eve, Thursday, a working day.
        assert_eq!(
            working_day_on_or_before(date(2026, 12, 26)),
            date(2026, 12, 24)
        );
        // 1.1.2027 (Friday) → New Year's Eve.
        assert_eq!(
            working_day_on_or_before(date(2027, 1, 1)),
            date(2026, 12, 31)
        );
        assert_eq!(
            working_day_on_or_before(date(2026, 11, 25)),
            date(2026, 11, 25)
        );
    }

    #[test]
    fn place_marks_or_moves() {
        let sunday = date(2026, 11, 29);
        assert_eq!(
            place(sunday, NonWorkingDays::Mark),
            (sunday, Some(NonWorking::Weekend))
        );
        assert_eq!(
            place(sunday, NonWorkingDays::MoveEarlier),
            (date(2026, 11, 27), Some(NonWorking::Weekend))
        );
        let xmas = date(2026, 12, 25);
        assert_eq!(
            place(xmas, NonWorkingDays::MoveEarlier),
            (date(2026, 12, 24), Some(NonWorking::Holiday))
        );
        let wednesday = date(2026, 11, 25);
        assert_eq!(place(wednesday, NonWorkingDays::Mark), (wednesday, None));
        assert_eq!(
            place(wednesday, NonWorkingDays::MoveEarlier),
            (wednesday, None)
        );
    }
}
