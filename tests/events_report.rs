//! The report's events and attendance sections: hospital admissions counted from events
//! (the delay-reason guess only for stays without events), falls per 100 stay-days,
//! deterioration → contact hours, attendance by discipline; in JSON (`events`,
//! `attendance`), CSV and the text table; and in the indicators view at 80x24 and 200x50.

mod common;

use jiff::civil::{Date, date, time};
use tavle::app::{Action, Mode};
use tavle::config::Config;
use tavle::domain::{DeadlineKind, Delay, Event, Stay, StayStatus};
use tavle::report::{Report, Share, render};
use tavle::store::Meeting;

fn d(m: i8, day: i8) -> Date {
    date(2026, m, day)
}

fn ev(id: i64, kind: &str, on: Date, at: Option<(i8, i8)>) -> Event {
    Event {
        id,
        occurred_on: on,
        occurred_time: at.map(|(h, m)| time(h, m, 0, 0)),
        kind: kind.into(),
        note: String::new(),
        recorded_by: "anne".into(),
        recorded_at: 0,
    }
}

fn discharged(mut s: Stay, on: Date, outcome: &str) -> Stay {
    s.status = StayStatus::Discharged;
    s.discharged_on = Some(on);
    s.discharge_outcome = Some(outcome.into());
    s
}

/// Period 1.11–30.11.
/// A: 1.11–20.11 (20 days), a hospital admission event, two falls.
/// B: 5.11–10.11 (6 days), a delay «in hospital» but events recorded (none a hospital
///    admission): not counted as admitted.
/// C: 2.11–6.11 (5 days), no events, delay «in hospital»: the old guess counts it.
/// D: 21.11, active to 30.11 (10 days), deterioration 22:00 → out-of-hours 01:00 (3 h),
///    deterioration 10:00 → GP 11:00 (1 h), one fall.
fn ward() -> Vec<Stay> {
    let mut a = discharged(
        Stay::new(1, "A", d(11, 1), d(12, 5)),
        d(11, 20),
        "home_ordinary",
    );
    a.events = vec![
        ev(1, "fall", d(11, 3), Some((7, 0))),
        ev(2, "hospital_admission", d(11, 8), None),
        ev(3, "hospital_return", d(11, 12), None),
        ev(4, "fall", d(11, 15), None),
    ];
    let mut b = discharged(
        Stay::new(2, "B", d(11, 5), d(12, 9)),
        d(11, 10),
        "home_ordinary",
    );
    b.delays.push(Delay {
        kind: DeadlineKind::Gp,
        reason: "in_hospital".into(),
        text: String::new(),
    });
    b.events = vec![ev(5, "gp_contact", d(11, 6), None)];
    let mut c = discharged(
        Stay::new(3, "C", d(11, 2), d(12, 6)),
        d(11, 6),
        "home_ordinary",
    );
    c.delays = b.delays.clone();
    let mut dd = Stay::new(4, "D", d(11, 21), d(12, 25));
    dd.events = vec![
        ev(6, "deterioration", d(11, 22), Some((22, 0))),
        ev(7, "out_of_hours", d(11, 23), Some((1, 0))),
        ev(8, "deterioration", d(11, 25), Some((10, 0))),
        ev(9, "gp_contact", d(11, 25), Some((11, 0))),
        ev(10, "fall", d(11, 26), Some((3, 0))),
    ];
    vec![a, b, c, dd]
}

fn meetings() -> Vec<Meeting> {
    let m = |id, day, present: &[(&str, &str)]| Meeting {
        id,
        date: d(11, day),
        started_at: 0,
        ended_at: Some(600),
        led_by: "Anne".into(),
        discussed: vec![],
        present: present
            .iter()
            .map(|(n, dsc)| (n.to_string(), dsc.to_string()))
            .collect(),
    };
    vec![
        m(
            1,
            23,
            &[("Anne", "nurse"), ("Eva", "nurse"), ("Bjørn", "physio")],
        ),
        m(2, 24, &[("Anne", "nurse"), ("Fredrik", "gp")]),
        // Not recorded: counts as a meeting, not in the shares.
        m(3, 25, &[]),
    ]
}

fn report() -> Report {
    Report::compute(
        &ward(),
        &meetings(),
        &Config::default().rules(),
        d(11, 1),
        d(11, 30),
    )
}

#[test]
fn hospital_admissions_come_from_events_and_the_old_guess_only_without_events() {
    let r = report();
    // A by its event, C by the old guess; B has events and none is an admission.
    assert_eq!(r.outcome.hospital_admissions, Share { met: 2, of: 3 });
    assert_eq!(r.events.hospital_admissions, 1);
}

#[test]
fn falls_stay_days_and_deterioration_to_contact() {
    let e = report().events;
    assert_eq!(e.stay_days, 20 + 6 + 5 + 10);
    assert_eq!(e.falls, 3);
    // 3 × 100 / 41 = 7.317…
    assert_eq!(e.falls_per_100_stay_days, Some(7.32));
    assert_eq!(e.deteriorations, 2);
    assert_eq!(e.contact_with_time, 2);
    assert_eq!(e.median_hours_to_contact, Some(2.0));
    assert_eq!((e.contact_without_time, e.no_contact), (0, 0));
    let kinds: Vec<(&str, usize)> = e
        .by_kind
        .iter()
        .map(|k| (k.key.as_str(), k.count))
        .collect();
    assert!(
        kinds.contains(&("fall", 3)) && kinds.contains(&("gp_contact", 2)),
        "{kinds:?}"
    );
}

#[test]
fn attendance_by_discipline_over_the_meetings_with_attendance() {
    let mut a = report().attendance;
    assert_eq!((a.meetings, a.recorded), (3, 2));
    a.order(&["nurse", "physio", "ot", "gp"]);
    let by: Vec<(&str, usize, usize, usize)> = a
        .by_discipline
        .iter()
        .map(|x| {
            (
                x.discipline.as_str(),
                x.meetings.met,
                x.meetings.of,
                x.people,
            )
        })
        .collect();
    assert_eq!(
        by,
        [
            ("nurse", 2, 2, 3),
            ("physio", 1, 2, 1),
            ("ot", 0, 2, 0),
            ("gp", 1, 2, 1)
        ]
    );
}

#[test]
fn json_csv_and_table_carry_the_sections() {
    let r = report();
    let v: serde_json::Value = serde_json::from_str(&render::json(&r)).unwrap();
    assert_eq!(v["events"]["falls"], 3);
    assert_eq!(v["events"]["falls_per_100_stay_days"], 7.32);
    assert_eq!(v["events"]["median_hours_to_contact"], 2.0);
    assert_eq!(v["events"]["hospital_admissions"], 1);
    assert_eq!(v["attendance"]["recorded"], 2);
    assert!(v.get("labels").is_none(), "labels are for the table only");
    let csv = render::csv(&r);
    assert!(
        csv.contains("period,falls_per_100_stay_days,,,,7.32"),
        "{csv}"
    );
    assert!(csv.contains("period,attendance_nurse,2,2,100.0,3"), "{csv}");
    let mut r = r;
    r.labels = Config::default()
        .event_kinds
        .into_iter()
        .chain(Config::default().disciplines)
        .collect();
    let t = render::table(&r, tavle::config::Language::Nb, &|k| k.to_string());
    assert!(t.contains("Fall per 100 liggedøgn"), "{t}");
    assert!(t.contains("7,32"), "{t}");
    assert!(t.contains("median 2,0 t"), "{t}");
    assert!(t.contains("Sykepleier"), "{t}");
    let t = render::table(&r, tavle::config::Language::En, &|k| k.to_string());
    assert!(t.contains("Falls per 100 stay-days"), "{t}");
    assert!(t.contains("Nurse"), "{t}");
}

#[test]
fn the_indicators_view_shows_them_at_80x24_and_200x50() {
    for size in [(80u16, 24u16), (200, 50)] {
        let mut app = common::app(Mode::Edit, Config::default(), ward(), size);
        app.update(Action::ReportDataLoaded(Box::new((ward(), meetings()))));
        // Scroll to the end on a small screen.
        let mut all = String::new();
        for _ in 0..12 {
            all.push_str(&common::lines(&common::render(&app)).join("\n"));
            app.update(Action::Scroll(10));
        }
        assert!(all.contains("Fall per 100 liggedøgn"), "{size:?}\n{all}");
        assert!(all.contains("Til stede på tavlemøtene"), "{size:?}\n{all}");
        assert!(all.contains("Fysioterapeut"), "{size:?}\n{all}");
    }
}
