//! The follower wakes on file-system events, not a fast poll: a commit by a separate process
//! reaches it at once even when its fallback timer is an hour; without events, the timer
//! alone still finds it; a replaced file is noticed from its event.
//! Tests that need the `sqlite3` command-line tool skip (with a message) when it is missing,
//! unless `TAVLE_REQUIRE_SQLITE3=1`.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use tavle::app::Action;
use tavle::store;
use tavle::tui::{Follow, spawn_db_follower_with};
use tokio::sync::mpsc::UnboundedReceiver;

/// Far longer than any test: whatever arrives was brought by an event.
const NEVER: Duration = Duration::from_secs(3600);

fn have_sqlite3() -> bool {
    let ok = Command::new("sqlite3").arg("-version").output().is_ok();
    if !ok {
        assert!(
            std::env::var("TAVLE_REQUIRE_SQLITE3").is_err(),
            "sqlite3 is required (TAVLE_REQUIRE_SQLITE3=1) but not installed"
        );
        eprintln!("skipped: sqlite3 is not installed");
    }
    ok
}

fn sqlite3(db: &Path, sql: &str) {
    let out = Command::new("sqlite3").arg(db).arg(sql).output().unwrap();
    assert!(
        out.status.success(),
        "sqlite3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn insert_sql(name: &str) -> String {
    format!(
        "INSERT INTO stays (name, initials, target_group, admitted, planned_discharge, created_at, updated_at)
         VALUES ('{name}', 'XX', 'concern', '2026-11-11', '2026-12-16', 0, 0)"
    )
}

/// A follower on `db` that checks every `fallback` and watches the folder when `watch`.
fn follow(db: &Path, fallback: Duration, watch: bool) -> UnboundedReceiver<Action> {
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    spawn_db_follower_with(db.to_path_buf(), tx, Follow { fallback, watch }).unwrap();
    rx
}

/// The next action within `within` (generous: a loaded machine), else `None`.
fn next(rx: &mut UnboundedReceiver<Action>, within: Duration) -> Option<Action> {
    let deadline = Instant::now() + within;
    loop {
        // Each reload is followed by the fagmøte plan (the board's marks); these tests are
        // about the reload itself.
        if let Ok(a) = rx.try_recv() {
            if matches!(a, Action::PlanLoaded(_)) {
                continue;
            }
            return Some(a);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn names(a: &Action) -> Vec<String> {
    match a {
        Action::DataLoaded(stays) => stays.iter().map(|s| s.name.clone()).collect(),
        other => panic!("expected a reload, got {other:?}"),
    }
}

#[test]
fn a_commit_by_a_separate_sqlite3_wakes_the_follower_without_the_fallback() {
    if !have_sqlite3() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    drop(store::open_read_write(&db).unwrap());
    let mut rx = follow(&db, NEVER, true);
    for k in 1..=5 {
        let name = format!("Fra sqlite3 {k}");
        sqlite3(&db, &insert_sql(&name));
        let a = next(&mut rx, Duration::from_secs(10)).unwrap_or_else(|| {
            panic!("commit {k} by sqlite3 not seen: the event did not wake the follower")
        });
        assert!(names(&a).contains(&name), "{:?}", names(&a));
    }
    // A read by another process, and a checkpoint (it writes the database file, the data
    // stay the same), wake the follower but reload nothing.
    sqlite3(&db, "SELECT count(*) FROM stays");
    sqlite3(&db, "PRAGMA wal_checkpoint(PASSIVE)");
    assert!(next(&mut rx, Duration::from_millis(500)).is_none());
}

#[test]
fn a_commit_on_another_connection_wakes_the_follower_within_a_moment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let writer = store::open_read_write(&db).unwrap();
    let mut rx = follow(&db, NEVER, true);
    for k in 1..=20 {
        let name = format!("Opphold {k}");
        writer.execute(&insert_sql(&name), []).unwrap();
        let a = next(&mut rx, Duration::from_secs(10))
            .unwrap_or_else(|| panic!("commit {k} not seen without the fallback"));
        assert!(names(&a).contains(&name));
        // Jitter, so a commit can land at any moment of the follower's cycle.
        std::thread::sleep(Duration::from_millis(k % 7));
    }
}

#[test]
fn without_events_the_fallback_timer_finds_the_commit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let writer = store::open_read_write(&db).unwrap();
    let mut rx = follow(&db, Duration::from_millis(200), false);
    writer.execute(&insert_sql("Uten hendelser"), []).unwrap();
    let a = next(&mut rx, Duration::from_secs(10)).expect("the fallback timer found nothing");
    assert!(names(&a).contains(&"Uten hendelser".to_string()));
}

#[test]
fn a_replaced_file_is_noticed_from_its_event_not_the_timer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    drop(store::open_read_write(&db).unwrap());
    let other = dir.path().join("other.db");
    {
        let c = store::open_read_write(&other).unwrap();
        c.execute(&insert_sql("I den nye fila"), []).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let mut rx = follow(&db, NEVER, true);
    std::fs::rename(&other, &db).unwrap();
    let a = next(&mut rx, Duration::from_secs(10)).expect("the replaced file was not noticed");
    assert!(matches!(a, Action::DbReplaced), "{a:?}");
    let a = next(&mut rx, Duration::from_secs(10)).expect("the new file was not shown");
    assert!(names(&a).contains(&"I den nye fila".to_string()));
}

#[test]
fn a_deleted_database_is_announced_once_and_the_follower_then_rests() {
    let dir = tempfile::tempdir().unwrap();
    let ward = dir.path().join("ward");
    std::fs::create_dir(&ward).unwrap();
    let db = ward.join("ward.db");
    drop(store::open_read_write(&db).unwrap());
    let mut rx = follow(&db, Duration::from_millis(50), true);
    std::fs::remove_dir_all(&ward).unwrap();
    let a = next(&mut rx, Duration::from_secs(10)).expect("the deletion was not noticed");
    assert!(matches!(a, Action::DbReplaced), "{a:?}");
    // Nothing can be opened at the path: looked for at the fallback pace, said no more.
    std::thread::sleep(Duration::from_millis(600));
    let mut more = 0;
    while rx.try_recv().is_ok() {
        more += 1;
    }
    assert_eq!(more, 0, "the follower kept announcing a file that is gone");
    // When a database is there again, it is shown.
    std::fs::create_dir(&ward).unwrap();
    {
        let c = store::open_read_write(&db).unwrap();
        c.execute(&insert_sql("Tilbake igjen"), []).unwrap();
    }
    let a = next(&mut rx, Duration::from_secs(10)).expect("the new file was not shown");
    assert!(names(&a).contains(&"Tilbake igjen".to_string()), "{a:?}");
}
