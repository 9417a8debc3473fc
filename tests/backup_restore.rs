//! The README's restore drill, step by step with the real binary and the same shell tools
//! (`install`, `sqlite3`): back up, damage, see tavle refuse the damaged file, restore, check
//! integrity, and the board opens the restored ward. And the rotation of
//! `tavle backup --to DIR` over six weeks of daily runs.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tavle");

fn tavle(db: &Path, now: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("TAVLE_NOW", now)
        .env("HOME", "/nonexistent")
        .current_dir(db.parent().unwrap())
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn add_stays(db: &Path, names: &[&str]) {
    let c = tavle::store::open_read_write(db).unwrap();
    for (i, n) in names.iter().enumerate() {
        c.execute(
            "INSERT INTO stays (name, initials, target_group, admitted, planned_discharge, created_at, updated_at)
             VALUES (?1, ?2, 'from_hospital', '2026-11-20', '2026-12-24', 1, 1)",
            rusqlite::params![n, format!("S{i}")],
        )
        .unwrap();
    }
}

/// `sqlite3 FILE SQL` when the tool is installed (as on a ward host after
/// `apt-get install sqlite3`); else the same SQL through this test's own SQLite.
fn sqlite3(db: &Path, sql: &str) -> String {
    match Command::new("sqlite3").arg(db).arg(sql).output() {
        Ok(out) => {
            assert!(out.status.success(), "sqlite3: {}", stderr(&out));
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        }
        Err(_) => {
            assert!(
                std::env::var("TAVLE_REQUIRE_SQLITE3").is_err(),
                "TAVLE_REQUIRE_SQLITE3 is set but sqlite3 is not installed"
            );
            let c = rusqlite::Connection::open(db).unwrap();
            let mut lines = Vec::new();
            for stmt in sql.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                let v: String = c.query_row(stmt, [], |r| r.get(0)).unwrap();
                lines.push(v);
            }
            lines.join("\n")
        }
    }
}

#[test]
fn the_restore_drill_of_the_readme() {
    let dir = tempfile::tempdir().unwrap();
    let ward = dir.path().join("srv");
    std::fs::create_dir(&ward).unwrap();
    let db = ward.join("ward.db");
    let backups = dir.path().join("backups");
    add_stays(&db, &["Kari Nordmann", "Ola Dunk", "Per Hansen"]);
    let now = "2026-11-25T14:15:00";

    // 1. Back up: tavle --db /srv/tavle/ward.db backup --to /var/backups/tavle
    let out = tavle(&db, now, &["backup", "--to", backups.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let copy = backups.join("ward-2026-11-25.db");
    assert!(copy.is_file(), "{}", stderr(&out));
    assert!(stderr(&out).contains("3 stays") && stderr(&out).contains("integrity ok"));
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o600,
        "health data: owner only"
    );
    assert_eq!(
        std::fs::metadata(&backups).unwrap().permissions().mode() & 0o777,
        0o700
    );

    // 2. Damage: the file cut in half (a full disk during a copy, a bad block).
    let len = std::fs::metadata(&db).unwrap().len();
    // Every change is in the main file (the board checkpointed when it closed; the backup's
    // read-only connection may leave an empty -wal).
    assert_eq!(
        std::fs::metadata(ward.join("ward.db-wal")).map_or(0, |m| m.len()),
        0
    );
    let f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
    f.set_len(len / 2).unwrap();
    drop(f);

    // 3. tavle refuses it, in one line that says what to do.
    let out = tavle(&db, now, &["export"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("damaged") && err.contains("backup"), "{err}");

    // 4. Restore, with every board stopped:
    //    mkdir damaged && mv ward.db ward.db-wal ward.db-shm damaged/ (those that exist)
    let damaged = ward.join("damaged");
    std::fs::create_dir(&damaged).unwrap();
    for name in ["ward.db", "ward.db-wal", "ward.db-shm"] {
        if ward.join(name).exists() {
            std::fs::rename(ward.join(name), damaged.join(name)).unwrap();
        }
    }
    //    install -m 0664 /var/backups/tavle/ward-2026-11-25.db ward.db  (README adds -g tavle)
    let ok = Command::new("install")
        .args(["-m", "0664"])
        .arg(&copy)
        .arg(&db)
        .status()
        .unwrap()
        .success();
    assert!(ok, "install");
    assert_eq!(
        std::fs::metadata(&db).unwrap().permissions().mode() & 0o777,
        0o664
    );

    // 5. sqlite3 ward.db 'PRAGMA journal_mode=WAL; PRAGMA integrity_check;'  →  wal / ok
    assert_eq!(
        sqlite3(&db, "PRAGMA journal_mode=WAL; PRAGMA integrity_check;"),
        "wal\nok"
    );

    // 6. The ward is back: every stay of the backup, for the board and a kiosk alike.
    let out = tavle(&db, now, &["export", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = String::from_utf8_lossy(&out.stdout);
    for name in ["Kari Nordmann", "Ola Dunk", "Per Hansen"] {
        assert!(csv.contains(name), "{csv}");
    }
    let ro = tavle::store::open_read_only(&db).unwrap();
    let n: i64 = ro
        .query_row("SELECT count(*) FROM stays", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
    drop(ro);
    let rw = tavle::store::open_read_write(&db).unwrap();
    let mode: String = rw
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn dated_backups_rotate_over_six_weeks_of_daily_runs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    add_stays(&db, &["Kari Nordmann"]);
    let bk = dir.path().join("bk");
    std::fs::create_dir(&bk).unwrap();
    // Files that are not this ward's dated copies are never touched.
    std::fs::write(bk.join("ward-before-upgrade.db"), "x").unwrap();
    std::fs::write(bk.join("other-2026-10-01.db"), "x").unwrap();
    let start = jiff::civil::date(2026, 10, 15);
    let mut days = std::collections::BTreeSet::new();
    for i in 0..42 {
        let day = start.checked_add(jiff::Span::new().days(i)).unwrap();
        days.insert(day);
        let out = tavle(
            &db,
            &format!("{day}T02:15:00"),
            &[
                "backup",
                "--to",
                bk.to_str().unwrap(),
                "--keep-daily",
                "3",
                "--keep-weekly",
                "4",
            ],
        );
        assert!(out.status.success(), "{day}: {}", stderr(&out));
        assert_eq!(stderr(&out).trim().lines().count(), 1, "{}", stderr(&out));
    }
    // A second run on the last day replaces that day's copy.
    let last = *days.last().unwrap();
    let out = tavle(
        &db,
        &format!("{last}T15:15:00"),
        &[
            "backup",
            "--to",
            bk.to_str().unwrap(),
            "--keep-daily",
            "3",
            "--keep-weekly",
            "4",
        ],
    );
    assert!(out.status.success());
    let mut names: Vec<String> = std::fs::read_dir(&bk)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let kept = tavle::store::rotation::keep(
        &days,
        tavle::store::rotation::Keep {
            daily: 3,
            weekly: 4,
        },
    );
    let mut expected: Vec<String> = kept
        .iter()
        .map(|d| tavle::store::rotation::dated_name("ward", *d))
        .collect();
    expected.push("other-2026-10-01.db".into());
    expected.push("ward-before-upgrade.db".into());
    expected.sort();
    assert_eq!(names, expected);
    // 3 days (Wed 25.11 back to Mon 23.11) + the Sundays of the three weeks before.
    assert_eq!(kept.len(), 6, "{kept:?}");
    // Every copy kept is a whole, readable ward.
    for d in &kept {
        let p = bk.join(tavle::store::rotation::dated_name("ward", *d));
        assert_eq!(sqlite3(&p, "PRAGMA integrity_check;"), "ok");
    }
    // A FILE and the rotation flags do not mix.
    let out = tavle(
        &db,
        "2026-11-25T09:00",
        &["backup", "x.db", "--keep-daily", "2"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("x.db").exists());
}
