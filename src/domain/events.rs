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

/// Event kinds the indicators read (keys of the default `event_kinds`).
pub const FALL: &str = "fall";
pub const HOSPITAL_ADMISSION: &str = "hospital_admission";
pub const DETERIORATION: &str = "deterioration";
/// A doctor or the ambulance reached about the person: what "acting on deterioration" means.
pub const CONTACTS: [&str; 3] = ["gp_contact", "out_of_hours", "ambulance"];

/// The days of `stay` that lie in `[from, to]`: from admission to the discharge day (both
/// counted, as the board's day counter; a stay still active runs to `to`). Cancelled stays
/// were never in the ward: 0.
pub fn stay_days_in(stay: &Stay, from: Date, to: Date) -> i64 {
    if stay.status == super::StayStatus::Cancelled {
        return 0;
    }
    let start = stay.admitted.max(from);
    let end = stay.discharged_on.unwrap_or(to).min(to);
    if end < start {
        0
    } else {
        super::dates::days_between(start, end) + 1
    }
}

/// Events of `kind` that happened in `[from, to]` during the stay (not before admission,
/// not after discharge).
pub fn count_in(stay: &Stay, kind: &str, from: Date, to: Date) -> usize {
    stay.events
        .iter()
        .filter(|e| e.kind == kind && within_stay(stay, e.occurred_on, from, to))
        .count()
}

fn within_stay(stay: &Stay, d: Date, from: Date, to: Date) -> bool {
    from <= d
        && d <= to
        && stay.admitted <= d
        && stay.discharged_on.is_none_or(|x| d <= x)
        && stay.status != super::StayStatus::Cancelled
}

/// Falls per 100 stay-days over `stays` in `[from, to]`: (falls, stay-days, rate). The rate
/// is `None` without stay-days.
pub fn falls_per_100_stay_days(stays: &[Stay], from: Date, to: Date) -> (usize, i64, Option<f64>) {
    let falls: usize = stays.iter().map(|s| count_in(s, FALL, from, to)).sum();
    let days: i64 = stays.iter().map(|s| stay_days_in(s, from, to)).sum();
    let rate = (days > 0).then(|| 100.0 * falls as f64 / days as f64);
    (falls, days, rate)
}

/// What became of one deterioration: hours until the first contact with a doctor or the
/// ambulance at or after it in the same stay, before the next deterioration.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Response {
    /// Hours from the deterioration to the contact (both with a time of day).
    Hours(f64),
    /// A contact followed, but one of the two has no time: how long is unknown.
    NoTime,
    /// No contact was recorded after it.
    NoContact,
}

/// Each deterioration of `stay` that happened in `[from, to]`, with what followed it.
pub fn deterioration_responses(stay: &Stay, from: Date, to: Date) -> Vec<Response> {
    let mut ev: Vec<&Event> = stay.events.iter().collect();
    ev.sort_by_key(|e| (e.occurred_on, e.occurred_time, e.recorded_at, e.id));
    let mut out = Vec::new();
    for d in &ev {
        if d.kind != DETERIORATION || !within_stay(stay, d.occurred_on, from, to) {
            continue;
        }
        // After it: a later day, or the same day at or after its time (an event without a
        // time on the same day may be either side, so it counts as after).
        let after = |e: &&&Event| {
            e.id != d.id
                && (e.occurred_on > d.occurred_on
                    || (e.occurred_on == d.occurred_on
                        && match (e.occurred_time, d.occurred_time) {
                            (Some(a), Some(b)) => a >= b,
                            _ => true,
                        }))
        };
        let next = ev
            .iter()
            .filter(after)
            .take_while(|e| e.kind != DETERIORATION)
            .find(|e| CONTACTS.contains(&e.kind.as_str()));
        out.push(match next {
            None => Response::NoContact,
            Some(c) => match (d.occurred_time, c.occurred_time) {
                (Some(a), Some(b)) => {
                    let a = d.occurred_on.to_datetime(a);
                    let b = c.occurred_on.to_datetime(b);
                    let mins = a
                        .until(b)
                        .ok()
                        .and_then(|s| s.total(jiff::Unit::Minute).ok())
                        .unwrap_or(0.0);
                    Response::Hours((mins / 60.0).max(0.0))
                }
                _ => Response::NoTime,
            },
        });
    }
    out
}

/// Median of hours (mean of the two middle values for an even count).
pub fn median_hours(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
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

    fn kind(mut e: Event, k: &str) -> Event {
        e.kind = k.into();
        e
    }

    #[test]
    fn falls_per_100_stay_days_count_only_days_and_falls_inside_the_period_and_stay() {
        // 10 days in November in the period (21.–30.), discharged 30.11.
        let mut a = Stay::new(1, "A", date(2026, 11, 1), date(2026, 12, 5));
        a.status = crate::domain::StayStatus::Discharged;
        a.discharged_on = Some(date(2026, 11, 30));
        a.events = vec![
            ev(1, date(2026, 11, 20), None, 0), // before the period
            ev(2, date(2026, 11, 22), None, 0),
            ev(3, date(2026, 11, 30), None, 0),
            kind(ev(4, date(2026, 11, 23), None, 0), "gp_contact"),
        ];
        // Admitted 26.11, still active at `to` = 5.12: 10 days; one fall.
        let mut b = Stay::new(2, "B", date(2026, 11, 26), date(2026, 12, 30));
        b.events = vec![ev(5, date(2026, 12, 1), None, 0)];
        // Cancelled: no days, no falls.
        let mut c = Stay::new(3, "C", date(2026, 11, 21), date(2026, 12, 30));
        c.status = crate::domain::StayStatus::Cancelled;
        c.events = vec![ev(6, date(2026, 11, 22), None, 0)];
        let (from, to) = (date(2026, 11, 21), date(2026, 12, 5));
        assert_eq!(stay_days_in(&a, from, to), 10);
        assert_eq!(stay_days_in(&b, from, to), 10);
        assert_eq!(stay_days_in(&c, from, to), 0);
        let (falls, days, rate) = falls_per_100_stay_days(&[a, b, c], from, to);
        assert_eq!((falls, days), (3, 20));
        assert_eq!(rate, Some(15.0));
        assert_eq!(falls_per_100_stay_days(&[], from, to).2, None);
    }

    #[test]
    fn deterioration_to_contact_takes_the_first_contact_before_the_next_deterioration() {
        let mut s = Stay::new(1, "A", date(2026, 11, 1), date(2026, 12, 5));
        let t = |h, m| Some(time(h, m, 0, 0));
        s.events = vec![
            kind(ev(1, date(2026, 11, 10), t(22, 0), 1), DETERIORATION),
            // Next-of-kin talk is not a doctor: skipped.
            kind(
                ev(2, date(2026, 11, 10), t(22, 30), 2),
                "next_of_kin_contact",
            ),
            // Out-of-hours after midnight: 3.5 h.
            kind(ev(3, date(2026, 11, 11), t(1, 30), 3), "out_of_hours"),
            kind(ev(4, date(2026, 11, 11), t(2, 0), 4), "ambulance"),
            // Deterioration with a GP contact the same day but no time on the contact.
            kind(ev(5, date(2026, 11, 15), t(8, 0), 5), DETERIORATION),
            kind(ev(6, date(2026, 11, 15), None, 6), "gp_contact"),
            // A deterioration followed only by another one: no contact for the first.
            kind(ev(7, date(2026, 11, 20), t(9, 0), 7), DETERIORATION),
            kind(ev(8, date(2026, 11, 21), t(9, 0), 8), DETERIORATION),
            kind(ev(9, date(2026, 11, 21), t(9, 45), 9), "gp_contact"),
        ];
        let r = deterioration_responses(&s, date(2026, 11, 1), date(2026, 11, 30));
        assert_eq!(
            r,
            [
                Response::Hours(3.5),
                Response::NoTime,
                Response::NoContact,
                Response::Hours(0.75)
            ]
        );
        // Only deteriorations in the period count.
        assert_eq!(
            deterioration_responses(&s, date(2026, 11, 16), date(2026, 11, 30)).len(),
            2
        );
        assert_eq!(median_hours(vec![3.5, 0.75]), Some(2.125));
        assert_eq!(median_hours(vec![5.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median_hours(vec![]), None);
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
