//! A read-only display in a folder its user cannot write: one line that names the path and
//! the permission it needs, never "nothing was saved", and the folder left as it was.
//! As root the display runs as `nobody` (setpriv); as another user the folder is made
//! read-only instead.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tavle");

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn run_as_other(args: &[&str]) -> Option<std::process::Output> {
    let mut c = if is_root() {
        if Command::new("setpriv").arg("--version").output().is_err() {
            return None;
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
        c
    } else {
        Command::new(BIN)
    };
    Some(c.args(args).env("HOME", "/nonexistent").output().unwrap())
}

fn listing(dir: &Path) -> Vec<(String, u64)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                e.metadata().unwrap().len(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_display_that_cannot_create_sqlites_side_files_says_what_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let wards = dir.path().join("wards");
    std::fs::create_dir(&wards).unwrap();
    let db = wards.join("ward.db");
    // A database closed cleanly by its board: no -wal or -shm beside it.
    drop(tavle::store::open_read_write(&db).unwrap());
    assert!(!wards.join("ward.db-shm").exists());
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&wards, std::fs::Permissions::from_mode(0o555)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let before = listing(&wards);
    let db_arg = db.display().to_string();
    for args in [
        vec!["kiosk", "--db", &db_arg],
        vec!["export", "--db", &db_arg],
    ] {
        let Some(out) = run_as_other(&args) else {
            eprintln!("skipped: setpriv is missing");
            return;
        };
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(err.contains(&db_arg), "names the path: {err}");
        assert!(
            err.contains("write permission"),
            "says what it needs: {err}"
        );
        assert!(!err.contains("nothing was saved"), "{err}");
        assert_eq!(
            listing(&wards),
            before,
            "{args:?} left the folder as it was"
        );
    }
    std::fs::set_permissions(&wards, std::fs::Permissions::from_mode(0o755)).unwrap();
}
