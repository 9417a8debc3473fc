//! Calendar arithmetic and the date formats Norwegians type and read.

use jiff::civil::Date;
use jiff::{ToSpan, Unit};

/// Whole days from `a` to `b` (negative when `b` is before `a`).
pub fn days_between(a: Date, b: Date) -> i64 {
    a.until((Unit::Day, b))
        .map(|s| i64::from(s.get_days()))
        .unwrap_or(0)
}

/// `d` moved by `n` days, saturating at the calendar's ends.
pub fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days())
        .unwrap_or(if n < 0 { Date::MIN } else { Date::MAX })
}

/// `25.11.2026`: how dates are written on the board.
pub fn fmt_date(d: Date) -> String {
    format!("{:02}.{:02}.{}", d.day(), d.month(), d.year())
}

/// `25.11`: the short form for narrow columns.
pub fn fmt_short(d: Date) -> String {
    format!("{:02}.{:02}", d.day(), d.month())
}

/// Why a typed date was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateInputError {
    #[error("empty")]
    Empty,
    #[error("not a date")]
    Unrecognised,
    #[error("no such day")]
    NoSuchDay,
}

/// Parse a date as typed by a user: `25.11.2026`, `25.11.26`, `25.11`, `2026-11-25`,
/// `i dag`/`today`, `i morgen`/`tomorrow`, `i går`/`yesterday`, `+3`/`-2` (days from today).
pub fn parse_user_date(input: &str, today: Date) -> Result<Date, DateInputError> {
    let s = input.trim().to_lowercase();
    if s.is_empty() {
        return Err(DateInputError::Empty);
    }
    match s.as_str() {
        "i dag" | "idag" | "today" => return Ok(today),
        "i morgen" | "imorgen" | "tomorrow" => return Ok(add_days(today, 1)),
        "i går" | "igår" | "yesterday" => return Ok(add_days(today, -1)),
        _ => {}
    }
    if let Some(rest) = s.strip_prefix('+').or_else(|| s.strip_prefix('-')) {
        let n: i64 = rest
            .trim()
            .parse()
            .map_err(|_| DateInputError::Unrecognised)?;
        if n > 3650 {
            return Err(DateInputError::NoSuchDay);
        }
        return Ok(add_days(today, if s.starts_with('-') { -n } else { n }));
    }
    if let Ok(d) = s.parse::<Date>() {
        return Ok(d);
    }
    let parts: Vec<&str> = s.split('.').map(str::trim).collect();
    let num = |p: &str| -> Result<i32, DateInputError> {
        if p.is_empty() || p.len() > 4 || !p.chars().all(|c| c.is_ascii_digit()) {
            return Err(DateInputError::Unrecognised);
        }
        p.parse().map_err(|_| DateInputError::Unrecognised)
    };
    let (day, month, year) = match parts.as_slice() {
        [d, m] | [d, m, ""] => (num(d)?, num(m)?, i32::from(today.year())),
        [d, m, y] => {
            let y = num(y)?;
            let y = match y {
                0..=99 if y_len(parts[2]) == 2 => 2000 + y,
                1900..=2200 => y,
                _ => return Err(DateInputError::NoSuchDay),
            };
            (num(d)?, num(m)?, y)
        }
        _ => return Err(DateInputError::Unrecognised),
    };
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(year), i8::try_from(month), i8::try_from(day))
    else {
        return Err(DateInputError::NoSuchDay);
    };
    Date::new(y, m, d).map_err(|_| DateInputError::NoSuchDay)
}

fn y_len(p: &str) -> usize {
    p.trim().len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn days_between_crosses_month_year_and_leap_day() {
        assert_eq!(days_between(date(2026, 11, 30), date(2026, 12, 1)), 1);
        assert_eq!(days_between(date(2026, 12, 31), date(2027, 1, 1)), 1);
        assert_eq!(days_between(date(2028, 2, 28), date(2028, 3, 1)), 2);
        assert_eq!(days_between(date(2027, 2, 28), date(2027, 3, 1)), 1);
        assert_eq!(days_between(date(2026, 12, 1), date(2026, 11, 30)), -1);
    }

    #[test]
    fn parses_norwegian_forms() {
        let today = date(2026, 11, 25);
        assert_eq!(parse_user_date("25.11.2026", today), Ok(date(2026, 11, 25)));
        assert_eq!(parse_user_date("1.2.27", today), Ok(date(2027, 2, 1)));
        assert_eq!(parse_user_date("3.12", today), Ok(date(2026, 12, 3)));
        assert_eq!(parse_user_date("I dag", today), Ok(today));
        assert_eq!(parse_user_date("today", today), Ok(today));
        assert_eq!(parse_user_date("+3", today), Ok(date(2026, 11, 28)));
        assert_eq!(parse_user_date("-30", today), Ok(date(2026, 10, 26)));
        assert_eq!(parse_user_date("2026-12-24", today), Ok(date(2026, 12, 24)));
    }

    #[test]
    fn rejects_bad_dates() {
        let today = date(2026, 11, 25);
        assert_eq!(parse_user_date("", today), Err(DateInputError::Empty));
        assert_eq!(
            parse_user_date("31.02.2026", today),
            Err(DateInputError::NoSuchDay)
        );
        assert_eq!(
            parse_user_date("29.02.2027", today),
            Err(DateInputError::NoSuchDay)
        );
        assert_eq!(parse_user_date("29.02.2028", today), Ok(date(2028, 2, 29)));
        assert_eq!(
            parse_user_date("tomorrow-ish", today),
            Err(DateInputError::Unrecognised)
        );
        assert_eq!(
            parse_user_date("12/11", today),
            Err(DateInputError::Unrecognised)
        );
        assert_eq!(
            parse_user_date("+x", today),
            Err(DateInputError::Unrecognised)
        );
        assert_eq!(
            parse_user_date("1.1.1066", today),
            Err(DateInputError::NoSuchDay)
        );
    }
}
