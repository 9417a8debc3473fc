//! A board's connections against a real outside process (the `sqlite3` command-line tool):
//! its open and close must not make SQLite's locks vanish from under a running board.
//! Skips (with a message) when `sqlite3` is missing, unless `TAVLE_REQUIRE_SQLITE3=1`.

use std::path::Path;
use std::process::Command;
use tavle::store;

fn sqlite3(db: &Path, sql: &str) -> Option<String> {
    let out = Command::new("sqlite3").arg(db).arg(sql).output().ok()?;
    assert!(
        out.status.success(),
        "sqlite3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

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

#[test]
fn an_outside_sqlite3_does_not_unlink_the_wal_under_a_running_board() {
    if !have_sqlite3() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    // As a running editing board: its writing connection, then the follower's reader.
    let writer = store::open_read_write(&db).unwrap();
    let follower = store::open_read_only(&db).unwrap();
    let n: i64 = follower
        .query_row("SELECT count(*) FROM stays", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    for _ in 0..3 {
        assert_eq!(sqlite3(&db, "SELECT count(*) FROM stays").unwrap(), "0");
    }
    for side in ["-wal", "-shm"] {
        assert!(
            store::open::side_file(&db, side).exists(),
            "{side} was unlinked by an outside sqlite3 while the board ran"
        );
    }
    writer
        .execute(
            "INSERT INTO stays (name, initials, target_group, admitted, planned_discharge, created_at, updated_at)
             VALUES ('Etter sqlite3', 'ES', 'g', '2026-11-25', '2026-12-30', 1, 1)",
            [],
        )
        .unwrap();
    // A fresh process sees the edit made after the outside call.
    assert_eq!(
        sqlite3(&db, "SELECT name FROM stays").unwrap(),
        "Etter sqlite3"
    );
    drop(follower);
    drop(writer);
}
