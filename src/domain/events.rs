//! Events: what happened to the person during the stay ("since last time"), as pure
//! functions of the stay's events and the meeting log's times.

use super::model::{Event, Stay};
use jiff::civil::{Date, Time};

/// What the event form asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFields {
    /// A key from the configured `event_kinds`.
    pub kind: String,
    pub on: Date,
    pub time: Option<Time>,
    pub note: String,
}

/// Events in the order they happened: by date, then time (an event without a time first
/// on its day, as "some time that day"), then the order they were recorded.
pub fn sort(events: &mut [Event]) {
    events.sort_by_key(|e| (e.occurred_on, e.occurred_time, e.recorded_at, e.id));
}

/// `HH:MM`, as stored and shown.
pub fn fmt_time(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A typed time that is not a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadTime;

/// A typed time of day: `14:30`, `14.30`, `1430`, `9`, `9:05`. Empty is `Ok(None)`.
pub fn parse_time(input: &str) -> Result<Option<Time>, BadTime> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None if s.len() > 2 => s.split_at(s.len() - 2),
        None => (s, "0"),
    };
    let digits = |x: &str| !x.is_empty() && x.len() <= 2 && x.chars().all(|c| c.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return Err(BadTime);
    }
    let (h, m): (i8, i8) = (
        h.parse().map_err(|_| BadTime)?,
        m.parse().map_err(|_| BadTime)?,
    );
    Time::new(h, m, 0, 0).map(Some).map_err(|_| BadTime)
}

/// The audit log's text for an event: `2026-11-24 14:30 fall: note`.
pub fn describe(e: &Event) -> String {
    let mut s = e.occurred_on.to_string();
    if let Some(t) = e.occurred_time {
        s.push(' ');
        s.push_str(&fmt_time(t));
    }
    s.push(' ');
    s.push_str(&e.kind);
    if !e.note.is_empty() {
        s.push_str(": ");
        s.push_str(&e.note);
    }
    s
}

/// The stay's events recorded after `seen_at` (Unix seconds; the end of the last
/// stand-up that discussed the stay). A stay never discussed has every event new.
/// Recorded time, not occurred time, decides: a fall in the night typed in after the
/// meeting was not discussed there, whenever it happened.
pub fn new_since(stay: &Stay, seen_at: Option<i64>) -> Vec<&Event> {
    stay.events
        .iter()
        .filter(|e| seen_at.is_none_or(|t| e.recorded_at > t))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    fn ev(id: i64, on: Date, t: Option<Time>, recorded_at: i64) -> Event {
        Event {
            id,
            occurred_on: on,
            occurred_time: t,
            kind: "fall".into(),
            note: String::new(),
            recorded_by: "anne".into(),
            recorded_at,
        }
    }

    #[test]
    fn times_parse_the_ways_nurses_type_them() {
        assert_eq!(parse_time(""), Ok(None));
        assert_eq!(parse_time("14:30"), Ok(Some(time(14, 30, 0, 0))));
        assert_eq!(parse_time("14.30"), Ok(Some(time(14, 30, 0, 0))));
        assert_eq!(parse_time("1430"), Ok(Some(time(14, 30, 0, 0))));
        assert_eq!(parse_time("930"), Ok(Some(time(9, 30, 0, 0))));
        assert_eq!(parse_time(" 9 "), Ok(Some(time(9, 0, 0, 0))));
        assert_eq!(parse_time("9:05"), Ok(Some(time(9, 5, 0, 0))));
        assert_eq!(parse_time("24:00"), Err(BadTime));
        assert_eq!(parse_time("12:60"), Err(BadTime));
        assert_eq!(parse_time("kl 12"), Err(BadTime));
        assert_eq!(parse_time("12345"), Err(BadTime));
    }

    #[test]
    fn events_since_last_meeting_go_by_when_they_were_recorded() {
        let mut s = Stay::new(1, "A", date(2026, 11, 10), date(2026, 12, 14));
        // Yesterday's meeting ended at 1000.
        s.events = vec![
            ev(1, date(2026, 11, 23), None, 900),
            // Happened before the meeting, typed in after it: not discussed, so new.
            ev(2, date(2026, 11, 23), Some(time(7, 0, 0, 0)), 1100),
            ev(3, date(2026, 11, 24), Some(time(2, 15, 0, 0)), 2000),
            // Recorded exactly as the meeting ended: seen.
            ev(4, date(2026, 11, 24), None, 1000),
        ];
        let ids = |v: Vec<&Event>| v.iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(ids(new_since(&s, Some(1000))), [2, 3]);
        // Never discussed: everything is new.
        assert_eq!(ids(new_since(&s, None)), [1, 2, 3, 4]);
        assert!(new_since(&s, Some(5000)).is_empty());
    }

    #[test]
    fn events_sort_by_day_then_time_with_untimed_first() {
        let mut v = vec![
            ev(1, date(2026, 11, 24), Some(time(9, 0, 0, 0)), 5),
            ev(2, date(2026, 11, 23), Some(time(22, 0, 0, 0)), 4),
            ev(3, date(2026, 11, 24), None, 9),
        ];
        sort(&mut v);
        assert_eq!(v.iter().map(|e| e.id).collect::<Vec<_>>(), [2, 3, 1]);
        let mut e = ev(7, date(2026, 11, 24), Some(time(14, 30, 0, 0)), 0);
        e.note = "Funnet på badegulvet".into();
        assert_eq!(describe(&e), "2026-11-24 14:30 fall: Funnet på badegulvet");
    }
}
