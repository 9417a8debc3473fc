//! Capacity over the coming days: how many places the ward's stays and accepted referrals
//! take each day, against the configured capacity. A pure function of the data, the rules
//! and an injected `today`.
//!
//! How a stay occupies days (the issue leaves it to us):
//! - from its admission date up to its **planned discharge date, exclusive** (a census at
//!   midnight, as bed occupancy is counted): a person discharged on a day frees the place
//!   for someone admitted that same day, the ward's normal swap, so that is not overbelegg.
//!   Today is the exception: every active stay is still here today and counts, so today's
//!   bar always agrees with the header's «12/12 aktive»;
//! - an active stay past its planned discharge (overdue) stays in the ward until someone
//!   discharges it: it is counted on every day of the forecast, since nobody knows when
//!   it will leave and counting it is the safe side;
//! - an accepted referral not yet admitted takes a place from its planned admission (today
//!   if that date has passed) through the planned discharge the stay would get (the rules'
//!   default, day 35);
//! - discharged and cancelled stays take no place.

use super::dates::add_days;
use super::flags::Rules;
use super::model::{Stay, StayStatus};
use super::referral::Referral;
use jiff::civil::Date;

/// How many days the board forecasts, today included.
pub const FORECAST_DAYS: usize = 14;

/// One day of the forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayLoad {
    pub date: Date,
    /// Places taken that day.
    pub occupied: usize,
    /// Of those, accepted referrals not yet admitted.
    pub from_referrals: usize,
}

impl DayLoad {
    /// More people than places that day.
    pub fn over(&self, capacity: u32) -> bool {
        self.occupied > capacity as usize
    }
}

/// The places taken on each of `days` days from `today` (today first).
pub fn forecast(
    stays: &[Stay],
    referrals: &[Referral],
    rules: &Rules,
    today: Date,
    days: usize,
) -> Vec<DayLoad> {
    // Each source as the span of days it takes: (first, last or None for open-ended).
    let stay_spans = stays
        .iter()
        .filter(|s| s.status == StayStatus::Active)
        .map(|s| {
            let last = (s.planned_discharge >= today).then_some(s.planned_discharge);
            (s.admitted, last)
        });
    let referral_spans: Vec<(Date, Option<Date>)> = referrals
        .iter()
        .filter(|r| r.awaiting_admission())
        .map(|r| {
            let first = r.planned_admission.unwrap_or(today).max(today);
            (first, Some(rules.default_discharge(first)))
        })
        .collect();
    let stay_spans: Vec<(Date, Option<Date>)> = stay_spans.collect();
    let takes = |d: Date, (first, last): &(Date, Option<Date>)| {
        *first <= d && last.is_none_or(|l| d < l || (d == today && d == l))
    };
    (0..days)
        .map(|i| {
            let date = add_days(today, i as i64);
            let from_stays = stay_spans.iter().filter(|s| takes(date, s)).count();
            let from_referrals = referral_spans.iter().filter(|s| takes(date, s)).count();
            DayLoad {
                date,
                occupied: from_stays + from_referrals,
                from_referrals,
            }
        })
        .collect()
}

/// The days of `forecast` with more people than `capacity` places.
pub fn over_capacity(forecast: &[DayLoad], capacity: u32) -> Vec<DayLoad> {
    forecast
        .iter()
        .filter(|d| d.over(capacity))
        .copied()
        .collect()
}

/// The first day of the forecast on which `extra`, about to become an active stay
/// (admitted from a referral, reopened from the archive, added), would be one of more
/// people than `capacity` places; `None` when it fits every day it is here. `stays` and
/// `referrals` are the ward as it will be (a referral being admitted is left out of
/// `referrals` by the caller; a stay with `extra`'s id is replaced by it).
pub fn over_with(
    stays: &[Stay],
    extra: &Stay,
    referrals: &[Referral],
    rules: &Rules,
    today: Date,
    capacity: u32,
) -> Option<DayLoad> {
    let mut e = extra.clone();
    e.status = StayStatus::Active;
    e.discharged_on = None;
    let mut all: Vec<Stay> = stays.iter().filter(|s| s.id != e.id).cloned().collect();
    all.push(e.clone());
    let days = forecast(&all, referrals, rules, today, FORECAST_DAYS);
    let own = forecast(std::slice::from_ref(&e), &[], rules, today, FORECAST_DAYS);
    days.into_iter()
        .zip(own)
        .find(|(d, o)| o.occupied > 0 && d.over(capacity))
        .map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::referral::{Source, Verdict};
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 25);

    #[test]
    fn an_admission_that_overfills_the_ward_names_the_first_day_it_is_there() {
        let rules = crate::config::Config::default().rules();
        // Two places, two people; one leaves on 30.11 (the place is free that night).
        let mut a = stay(date(2026, 11, 1), date(2026, 12, 5));
        a.id = 1;
        let mut b = stay(date(2026, 11, 10), date(2026, 11, 30));
        b.id = 2;
        let stays = [a, b];
        let mut new = stay(TODAY, date(2026, 12, 29));
        new.id = 3;
        let d = over_with(&stays, &new, &[], &rules, TODAY, 2).unwrap();
        assert_eq!((d.date, d.occupied), (TODAY, 3));
        // Coming on 30.11, when one leaves: fits.
        let mut later = stay(date(2026, 11, 30), date(2026, 12, 29));
        later.id = 3;
        assert_eq!(over_with(&stays, &later, &[], &rules, TODAY, 2), None);
        // An accepted referral for 02.12 takes that place: over from the 2nd.
        let r = accepted(Some(date(2026, 12, 2)));
        let d = over_with(&stays, &later, &[r], &rules, TODAY, 2).unwrap();
        assert_eq!(d.date, date(2026, 12, 2));
        // Reopening a discharged stay (its id already in the list) counts it once.
        let mut back = stays[1].clone();
        back.status = StayStatus::Discharged;
        back.discharged_on = Some(date(2026, 11, 20));
        let d = over_with(
            &[stays[0].clone(), back.clone()],
            &back,
            &[],
            &rules,
            TODAY,
            2,
        );
        assert_eq!(d, None);
        assert!(
            over_with(
                &[stays[0].clone(), back.clone()],
                &back,
                &[],
                &rules,
                TODAY,
                1
            )
            .is_some()
        );
    }

    fn stay(admitted: Date, planned: Date) -> Stay {
        Stay::new(0, "A", admitted, planned)
    }

    fn accepted(planned: Option<Date>) -> Referral {
        Referral {
            id: 1,
            name: "R".into(),
            source: Source::Hospital,
            received_on: date(2026, 11, 20),
            target_group: String::new(),
            decision: Verdict::Accepted,
            decided_on: Some(date(2026, 11, 21)),
            decline_reason: String::new(),
            planned_admission: planned,
            stay_id: None,
            note: String::new(),
            version: 1,
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn a_stay_takes_its_place_until_its_planned_discharge_day() {
        let stays = vec![stay(date(2026, 11, 1), date(2026, 11, 27))];
        let f = forecast(&stays, &[], &Rules::default(), TODAY, 4);
        let occ: Vec<usize> = f.iter().map(|d| d.occupied).collect();
        assert_eq!(occ, vec![1, 1, 0, 0]);
        // Leaving today: still here today.
        let today_out = vec![stay(date(2026, 11, 1), TODAY)];
        let f = forecast(&today_out, &[], &Rules::default(), TODAY, 2);
        assert_eq!((f[0].occupied, f[1].occupied), (1, 0));
        // A discharge and an admission on the same day are a swap, not overbelegg.
        let swap = vec![
            stay(date(2026, 11, 1), date(2026, 11, 27)),
            stay(date(2026, 11, 27), date(2026, 12, 31)),
        ];
        let f = forecast(&swap, &[], &Rules::default(), TODAY, 4);
        assert!(f.iter().all(|d| d.occupied <= 1), "{f:?}");
        assert_eq!(f[0].date, TODAY);
        assert_eq!(f[3].date, date(2026, 11, 28));
    }

    #[test]
    fn overdue_stays_stay_and_finished_ones_do_not() {
        let mut gone = stay(date(2026, 10, 1), date(2026, 12, 31));
        gone.status = StayStatus::Discharged;
        let mut cancelled = stay(date(2026, 11, 30), date(2026, 12, 31));
        cancelled.status = StayStatus::Cancelled;
        let overdue = stay(date(2026, 10, 1), date(2026, 11, 20));
        let f = forecast(
            &[gone, cancelled, overdue],
            &[],
            &Rules::default(),
            TODAY,
            FORECAST_DAYS,
        );
        assert!(f.iter().all(|d| d.occupied == 1), "{f:?}");
    }

    #[test]
    fn planned_admissions_and_accepted_referrals_count_from_their_day() {
        let future = stay(date(2026, 11, 27), date(2026, 12, 31));
        let mut admitted = accepted(Some(date(2026, 11, 26)));
        admitted.stay_id = Some(5); // already a stay: counted as the stay, not twice
        let mut waiting = accepted(None);
        waiting.decision = Verdict::Waiting; // not decided: takes no place
        let late = accepted(Some(date(2026, 11, 2))); // date passed: counts from today
        let f = forecast(
            &[future],
            &[accepted(Some(date(2026, 11, 28))), admitted, waiting, late],
            &Rules::default(),
            TODAY,
            5,
        );
        let occ: Vec<(usize, usize)> = f.iter().map(|d| (d.occupied, d.from_referrals)).collect();
        assert_eq!(occ, vec![(1, 1), (1, 1), (2, 1), (3, 2), (3, 2)]);
    }

    #[test]
    fn exactly_the_day_over_capacity_is_named() {
        // Capacity 2: two stays all along, a third person for one day (admitted 03.12, the
        // day before the second stay's planned discharge).
        let stays = vec![
            stay(date(2026, 11, 1), date(2026, 12, 31)),
            stay(date(2026, 11, 1), date(2026, 12, 4)),
            stay(date(2026, 12, 3), date(2027, 1, 6)),
        ];
        let f = forecast(&stays, &[], &Rules::default(), TODAY, FORECAST_DAYS);
        assert_eq!(f.len(), FORECAST_DAYS);
        let over = over_capacity(&f, 2);
        assert_eq!(over.len(), 1);
        assert_eq!(over[0].date, date(2026, 12, 3));
        assert_eq!(over[0].occupied, 3);
        assert!(over_capacity(&f, 3).is_empty());
    }
}
