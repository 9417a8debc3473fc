//! Store: the demo exercises every flag, data round-trips, other processes' commits are seen.

mod common;

use common::today;
use std::collections::HashSet;
use tavle::config::Config;
use tavle::domain::flags::{GpState, evaluate};
use tavle::domain::{Level, MedStatus};
use tavle::store::{self, poll::ChangeDetector};

fn demo_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("demo.db");
    let mut c = store::open_read_write(&p).unwrap();
    let now = 1_795_600_000; // 2026-11-25T…Z
    store::demo::seed_demo(&mut c, today(), now, &Config::default().rules()).unwrap();
    (dir, p)
}

#[test]
fn demo_exercises_every_column_and_flag_level() {
    let (_d, p) = demo_db();
    let c = store::open_read_only(&p).unwrap();
    let stays = store::load_active(&c).unwrap();
    assert!((10..=14).contains(&stays.len()), "{}", stays.len());
    let rules = Config::default().rules();
    let flags: Vec<_> = stays
        .iter()
        .map(|s| evaluate(s, &rules, today(), today()))
        .collect();
    let levels = |f: &dyn Fn(&tavle::domain::StayFlags) -> Level| {
        flags.iter().map(f).collect::<HashSet<_>>()
    };
    let all: HashSet<Level> = [Level::Done, Level::Ok, Level::DueSoon, Level::Overdue].into();
    assert_eq!(levels(&|f| f.assessment.level), all);
    assert_eq!(levels(&|f| f.gp.level), all);
    assert_eq!(levels(&|f| f.medication.level), all);
    assert!(
        levels(&|f| f.discharge.level)
            .is_superset(&[Level::Ok, Level::DueSoon, Level::Overdue].into())
    );
    assert!(
        flags
            .iter()
            .any(|f| matches!(f.gp_state, GpState::Booked(_)))
    );
    assert!(flags.iter().any(|f| f.day <= 0), "a future admission");
    // Issue 11: a late assessment (amber tick) and a deadline moved off a weekend.
    assert!(
        flags.iter().any(|f| f.assessment.done_late()),
        "a late assessment"
    );
    assert!(
        flags
            .iter()
            .any(|f| f.gp.moved_from.is_some() && f.gp.level != Level::Done),
        "an open GP deadline moved off a weekend"
    );
    assert!(flags.iter().any(|f| f.follow_ups_overdue > 0));
    assert!(stays.iter().any(|s| s.med_status == MedStatus::InProgress));
    assert!(stays.iter().any(|s| !s.delays.is_empty()));
    assert!(stays.iter().any(|s| s.goals.len() >= 3));
    // Two active stays share initials.
    let inits: Vec<_> = stays.iter().map(|s| s.initials.clone()).collect();
    assert!(
        inits
            .iter()
            .any(|i| inits.iter().filter(|j| *j == i).count() > 1)
    );
    // The discharged demo stay is not on the board.
    assert!(stays.iter().all(|s| s.name != "Liv Andersen"));
}

#[test]
fn loaded_stay_round_trips_every_field() {
    let (_d, p) = demo_db();
    let c = store::open_read_only(&p).unwrap();
    let stays = store::load_active(&c).unwrap();
    let astrid = stays.iter().find(|s| s.name == "Astrid Bakken").unwrap();
    assert_eq!(astrid.goals.len(), 3);
    assert_eq!(astrid.goals[0].text, "Gå til postkassen selv");
    assert_eq!(
        astrid.risks,
        vec!["fall".to_string(), "nutrition".to_string()]
    );
    assert_eq!(astrid.follow_ups[0].discipline, "ot");
    assert!(astrid.assessment_done.is_some() && astrid.gp.done_on.is_some());
    let again = store::load_stay(&c, astrid.id).unwrap().unwrap();
    assert_eq!(&again, astrid);
}

#[test]
fn another_connections_commit_is_detected_once() {
    let (_d, p) = demo_db();
    let reader = store::open_read_only(&p).unwrap();
    let mut det = ChangeDetector::new(&reader).unwrap();
    assert!(!det.changed(&reader).unwrap());
    let writer = store::open_read_write(&p).unwrap();
    writer
        .execute("UPDATE stays SET note = 'ny' WHERE id = 1", [])
        .unwrap();
    assert!(det.changed(&reader).unwrap());
    assert!(!det.changed(&reader).unwrap());
    // A burst of commits is one change for the next check.
    for i in 0..50 {
        writer
            .execute("UPDATE stays SET note = ?1 WHERE id = 1", [i.to_string()])
            .unwrap();
    }
    assert!(det.changed(&reader).unwrap());
    assert!(!det.changed(&reader).unwrap());
    let s = store::load_stay(&reader, 1).unwrap().unwrap();
    assert_eq!(s.note, "49");
}

#[test]
fn older_schema_is_upgraded_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("old.db");
    {
        // An empty file with tavle's id at version 0 is "older": it gets every migration.
        let c = rusqlite::Connection::open(&p).unwrap();
        c.pragma_update(None, "application_id", store::APPLICATION_ID)
            .unwrap();
    }
    let c = store::open_read_write(&p).unwrap();
    let v: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, store::LATEST_VERSION);
    assert!(store::load_active(&c).unwrap().is_empty());
}
