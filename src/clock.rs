//! Where "now" comes from. Date logic never calls the system clock directly, so tests
//! can pin today's date (and cross midnight) without depending on the real date.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use std::sync::{Arc, Mutex};

/// A source of the local wall-clock time in the ward's time zone.
pub trait Clock: Send + Sync {
    /// Local date and time now.
    fn now(&self) -> DateTime;
    /// Local calendar date now.
    fn today(&self) -> Date {
        self.now().date()
    }
    /// Seconds since the Unix epoch (for "last updated" stamps).
    fn unix_now(&self) -> i64;
    /// Follow a new time zone from a reloaded config (clocks that have none ignore it).
    fn set_zone(&self, _zone: &str) {}
}

/// The real clock, in a named IANA time zone (Europe/Oslo by default).
pub struct SystemClock {
    tz: Mutex<TimeZone>,
    /// Added to the real time: non-zero only when started with `TAVLE_NOW` (end-to-end tests
    /// and demonstrations run the real binary on a chosen day, and time still passes).
    shift: jiff::SignedDuration,
}

impl SystemClock {
    /// A clock in the given IANA zone; falls back to Europe/Oslo, then UTC, if unknown.
    pub fn new(zone: &str) -> Self {
        Self {
            tz: Mutex::new(Self::zone(zone)),
            shift: jiff::SignedDuration::ZERO,
        }
    }

    /// A clock that reads `start` (local time in `zone`) now and runs on from there.
    pub fn starting_at(zone: &str, start: DateTime) -> Self {
        let tz = Self::zone(zone);
        let shift = start
            .to_zoned_datetime(tz.clone())
            .map(|z| z.timestamp().duration_since(jiff::Timestamp::now()))
            .unwrap_or(jiff::SignedDuration::ZERO);
        Self {
            tz: Mutex::new(tz),
            shift,
        }
    }

    fn real_now(&self) -> jiff::Timestamp {
        jiff::Timestamp::now()
            .checked_add(self.shift)
            .unwrap_or_else(|_| jiff::Timestamp::now())
    }

    fn zone(zone: &str) -> TimeZone {
        TimeZone::get(zone)
            .or_else(|_| TimeZone::get("Europe/Oslo"))
            .unwrap_or(TimeZone::UTC)
    }

    fn tz(&self) -> TimeZone {
        self.tz.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> DateTime {
        self.real_now().to_zoned_datetime(self.tz()).datetime()
    }
    fn unix_now(&self) -> i64 {
        self.real_now().as_second()
    }
    fn set_zone(&self, zone: &str) {
        *self.tz.lock().unwrap_or_else(|e| e.into_inner()) = Self::zone(zone);
    }
}

/// A clock that stands still until moved: for tests and benchmarks.
#[derive(Clone)]
pub struct FixedClock {
    inner: Arc<Mutex<DateTime>>,
}

impl FixedClock {
    /// A clock pinned at `at` (interpreted as UTC for unix stamps).
    pub fn new(at: DateTime) -> Self {
        Self {
            inner: Arc::new(Mutex::new(at)),
        }
    }
    /// A clock pinned at noon on `date`.
    pub fn at_date(date: Date) -> Self {
        Self::new(date.at(12, 0, 0, 0))
    }
    /// Move the clock to a new instant.
    pub fn set(&self, at: DateTime) {
        *self.inner.lock().unwrap_or_else(|e| e.into_inner()) = at;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime {
        *self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
    fn unix_now(&self) -> i64 {
        self.now()
            .to_zoned_datetime(TimeZone::UTC)
            .map(|z| z.timestamp().as_second())
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_started_at_a_chosen_time_reads_it_and_runs_on() {
        let start = jiff::civil::date(2026, 11, 25).at(9, 5, 0, 0);
        let c = SystemClock::starting_at("Europe/Oslo", start);
        let now = c.now();
        assert_eq!(now.date(), start.date());
        let drift = start.until(now).unwrap().total(jiff::Unit::Second).unwrap();
        assert!((0.0..60.0).contains(&drift), "{drift}");
        // 09:05 in Oslo (UTC+1 in November) is 08:05 UTC.
        assert!(
            (c.unix_now() - 1_795_593_900).abs() < 60,
            "{}",
            c.unix_now()
        );
    }

    #[test]
    fn the_system_clock_follows_a_new_zone() {
        let clock = SystemClock::new("UTC");
        let utc = clock.now();
        clock.set_zone("Asia/Tokyo");
        let tokyo = clock.now();
        let secs = utc.until(tokyo).unwrap().total(jiff::Unit::Second).unwrap();
        // Tokyo is nine hours ahead of UTC all year; allow for the instants between calls.
        assert!((secs - 9.0 * 3600.0).abs() < 5.0, "{secs}");
        clock.set_zone("Not/AZone");
        let oslo = jiff::Timestamp::now()
            .to_zoned_datetime(TimeZone::get("Europe/Oslo").unwrap())
            .datetime();
        let secs = oslo
            .until(clock.now())
            .unwrap()
            .total(jiff::Unit::Second)
            .unwrap();
        assert!(
            secs.abs() < 5.0,
            "unknown zones fall back to Europe/Oslo: {secs}"
        );
    }
}
