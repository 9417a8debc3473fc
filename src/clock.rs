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
}

/// The real clock, in a named IANA time zone (Europe/Oslo by default).
pub struct SystemClock {
    tz: TimeZone,
}

impl SystemClock {
    /// A clock in the given IANA zone; falls back to Europe/Oslo, then UTC, if unknown.
    pub fn new(zone: &str) -> Self {
        let tz = TimeZone::get(zone)
            .or_else(|_| TimeZone::get("Europe/Oslo"))
            .unwrap_or(TimeZone::UTC);
        Self { tz }
    }
}

impl Clock for SystemClock {
    fn now(&self) -> DateTime {
        jiff::Timestamp::now()
            .to_zoned_datetime(self.tz.clone())
            .datetime()
    }
    fn unix_now(&self) -> i64 {
        jiff::Timestamp::now().as_second()
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
