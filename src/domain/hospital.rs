//! A person admitted to hospital during the stay: derived from the stay's events alone
//! (an admission with no later return), as a pure function of the events and `today`.
//!
//! While the person is in hospital nobody can visit them at home, so the home-visit
//! deadlines (assessment with its goals, GP appointment, medication reconciliation) are
//! *paused*: still computed and still counted by the indicators, but not alarming on the
//! board, in the header's count or in the stand-up's order. The planned discharge and the
//! follow-ups keep their colours: the stay's clock and the team's own tasks do not stop.

use super::flags::{Level, StayFlags};
use super::model::{Event, Stay, StayStatus};
use jiff::civil::Date;

/// Event kind keys (of the default `event_kinds`) that open and close a hospital stay.
pub const ADMISSION: &str = super::events::HOSPITAL_ADMISSION;
pub const RETURN: &str = "hospital_return";

/// The day the person was admitted to hospital, when they are there on `today`: the latest
/// hospital admission on or before `today` with no return at or after it (in the events'
/// own order: day, time, then the order recorded). An admission recorded for a day after
/// `today` does not count yet. Discharged and cancelled stays are not in the ward at all.
pub fn in_hospital(stay: &Stay, today: Date) -> Option<Date> {
    if stay.status != StayStatus::Active {
        return None;
    }
    in_hospital_events(&stay.events, today)
}

/// [`in_hospital`] over a list of events (any order).
pub fn in_hospital_events(events: &[Event], today: Date) -> Option<Date> {
    let mut ev: Vec<&Event> = events
        .iter()
        .filter(|e| e.occurred_on <= today && (e.kind == ADMISSION || e.kind == RETURN))
        .collect();
    ev.sort_by_key(|e| (e.occurred_on, e.occurred_time, e.recorded_at, e.id));
    ev.last()
        .filter(|e| e.kind == ADMISSION)
        .map(|e| e.occurred_on)
}

/// The flags as the board shows them while the person is in hospital: the home-visit
/// deadlines no longer make the row red or amber, nor count in the header's «over frist».
/// The flags themselves (levels, dates) are kept, so the detail pane can still tell.
pub fn pause_home_visits(flags: &mut StayFlags) {
    let levels = [flags.discharge.level, flags.follow_ups_level];
    flags.worst = levels.iter().copied().max().unwrap_or(Level::Ok);
    flags.overdue_count = levels.iter().filter(|l| **l == Level::Overdue).count();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flags::evaluate;
    use jiff::civil::{Time, date, time};

    const TODAY: Date = date(2026, 11, 25);

    fn ev(id: i64, kind: &str, on: Date, t: Option<Time>, recorded_at: i64) -> Event {
        Event {
            id,
            occurred_on: on,
            occurred_time: t,
            kind: kind.into(),
            note: String::new(),
            recorded_by: "anne".into(),
            recorded_at,
        }
    }

    #[test]
    fn the_latest_admission_without_a_later_return_is_a_hospital_stay() {
        let mut s = Stay::new(1, "A", date(2026, 11, 1), date(2026, 12, 5));
        assert_eq!(in_hospital(&s, TODAY), None);
        s.events = vec![
            ev(1, ADMISSION, date(2026, 11, 10), None, 1),
            ev(2, RETURN, date(2026, 11, 14), None, 2),
            ev(3, "fall", date(2026, 11, 20), None, 3),
        ];
        // Back home: not in hospital.
        assert_eq!(in_hospital(&s, TODAY), None);
        // On the 12th they were.
        assert_eq!(
            in_hospital(&s, date(2026, 11, 12)),
            Some(date(2026, 11, 10))
        );
        // Admitted again yesterday, typed in before the older events (order recorded
        // does not decide; the day does).
        s.events
            .insert(0, ev(4, ADMISSION, date(2026, 11, 24), None, 0));
        assert_eq!(in_hospital(&s, TODAY), Some(date(2026, 11, 24)));
        // Not yet on the 23rd.
        assert_eq!(in_hospital(&s, date(2026, 11, 23)), None);
        // A discharged stay is not in the ward, wherever the person is.
        s.status = StayStatus::Discharged;
        assert_eq!(in_hospital(&s, TODAY), None);
    }

    #[test]
    fn same_day_in_and_out_goes_by_time_then_by_order_recorded() {
        let t = |h| Some(time(h, 0, 0, 0));
        let d = date(2026, 11, 24);
        // Out at 18, in at 9: home.
        let v = [ev(1, RETURN, d, t(18), 1), ev(2, ADMISSION, d, t(9), 2)];
        assert_eq!(in_hospital_events(&v, TODAY), None);
        // Back at 9, in again at 18: in hospital.
        let v = [ev(1, ADMISSION, d, t(18), 1), ev(2, RETURN, d, t(9), 2)];
        assert_eq!(in_hospital_events(&v, TODAY), Some(d));
        // Without times: the later recorded decides.
        let v = [ev(1, ADMISSION, d, None, 5), ev(2, RETURN, d, None, 3)];
        assert_eq!(in_hospital_events(&v, TODAY), Some(d));
        // A return with no admission before it is just home.
        let v = [ev(1, RETURN, d, None, 1)];
        assert_eq!(in_hospital_events(&v, TODAY), None);
    }

    #[test]
    fn paused_home_visits_do_not_count_as_overdue_but_discharge_does() {
        // Day 39 of 35: everything open is overdue.
        let s = Stay::new(1, "A", date(2026, 10, 18), date(2026, 11, 21));
        let rules = crate::config::Config::default().rules();
        let mut f = evaluate(&s, &rules, TODAY, TODAY);
        assert!(f.overdue_count >= 4, "{}", f.overdue_count);
        let gp = f.gp.clone();
        pause_home_visits(&mut f);
        // Only the planned discharge, passed, is still red.
        assert_eq!(f.overdue_count, 1);
        assert_eq!(f.worst, Level::Overdue);
        assert_eq!(f.gp, gp, "the deadline itself is kept for the detail pane");
        // Before the discharge is due, nothing alarming is left.
        let s = Stay::new(1, "A", date(2026, 11, 1), date(2026, 12, 5));
        let mut f = evaluate(&s, &rules, TODAY, TODAY);
        pause_home_visits(&mut f);
        assert_eq!(f.overdue_count, 0);
        assert!(f.worst < Level::DueSoon);
    }
}
