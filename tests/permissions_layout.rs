//! The README's permission layout, with real second users (`setpriv` as root, like
//! tests/faults_permissions.rs): the folder 2775 root:GROUP, the database 0664, editors and
//! kiosk accounts in GROUP.
//! - a kiosk in the group opens a cleanly closed database (it creates `-shm`/`-wal`, which
//!   SQLite gives the database's mode and the folder gives the group), and an editor, another
//!   user, then writes through those files;
//! - a kiosk outside the group is refused on a clean folder, in one line with the path and
//!   the fix, and reads while another user's side files exist (SQLite's read-only `-shm`);
//! - an editor outside the group is refused at start, in one line with the path and the fix
//!   (SQLite alone would open the file read-only in silence, and every save would fail).
//!
//! Needs root (to be other users); otherwise it says so and passes.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tavle");
const KIOSK: u32 = 65534;
const EDITOR: u32 = 4243;
const OUTSIDER: u32 = 4244;

fn is_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Run `program args` as `uid`, in `group` when given (else no supplementary groups).
fn as_user(uid: u32, group: Option<u32>, program: &str, args: &[&str]) -> Output {
    let mut c = Command::new("setpriv");
    c.arg(format!("--reuid={uid}"))
        .arg(format!("--regid={uid}"));
    match group {
        Some(g) => c.arg(format!("--groups={g}")),
        None => c.arg("--clear-groups"),
    };
    c.arg(program)
        .args(args)
        .env("HOME", "/nonexistent")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_one_line_with_fix(o: &Output, db: &str, what: &str) {
    let e = err(o);
    assert!(!o.status.success(), "{what}: {e}");
    assert_eq!(e.trim().lines().count(), 1, "{what}: one line: {e}");
    assert!(e.contains(db), "{what}: names the path: {e}");
    assert!(e.contains("usermod -aG "), "{what}: says the fix: {e}");
    assert!(e.contains("chmod 2775"), "{what}: {e}");
    assert!(!e.contains("needs a terminal"), "{what}: {e}");
}

fn have_setpriv() -> bool {
    Command::new("setpriv").arg("--version").output().is_ok()
}

#[test]
fn the_group_layout_works_and_every_refusal_says_the_fix() {
    if !is_root() || !have_setpriv() {
        eprintln!("skipped: needs root and setpriv to act as other users");
        return;
    }
    let top = tempfile::tempdir().unwrap();
    std::fs::set_permissions(top.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = top.path().join("tavle");
    std::fs::create_dir(&dir).unwrap();
    // A group none of the test users has by default.
    let group: u32 = 4242;
    std::os::unix::fs::chown(&dir, Some(0), Some(group)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2775)).unwrap();
    let db = dir.join("ward.db");
    {
        let c = tavle::store::open_read_write(&db).unwrap();
        c.execute(
            "INSERT INTO stays (name, initials, target_group, admitted, planned_discharge, created_at, updated_at)
             VALUES ('Kari Nordmann', 'KN', 'from_hospital', '2026-11-20', '2026-12-24', 1, 1)",
            [],
        )
        .unwrap();
    }
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o664)).unwrap();
    assert_eq!(
        std::fs::metadata(&db).unwrap().gid(),
        group,
        "setgid folder"
    );
    for s in ["-wal", "-shm"] {
        assert!(
            !tavle::store::open::side_file(&db, s).exists(),
            "closed cleanly"
        );
    }
    let d = db.display().to_string();

    // A kiosk outside the group, on a clean folder: refused, one line, the fix.
    let o = as_user(OUTSIDER, None, BIN, &["kiosk", "--db", &d]);
    assert_one_line_with_fix(&o, &d, "kiosk outside the group");
    assert!(err(&o).contains("write permission"), "{}", err(&o));
    assert!(!tavle::store::open::side_file(&db, "-shm").exists());

    // A kiosk in the group: reads, and leaves group-writable side files behind.
    let o = as_user(KIOSK, Some(group), BIN, &["export", "--db", &d]);
    assert!(o.status.success(), "kiosk in the group: {}", err(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Kari Nordmann"));
    let shm = tavle::store::open::side_file(&db, "-shm");
    let m = std::fs::metadata(&shm).expect("the kiosk created -shm");
    assert_eq!(m.uid(), KIOSK);
    assert_eq!(m.gid(), group, "-shm in the folder's group");
    assert_eq!(m.mode() & 0o777, 0o664, "-shm takes the database's mode");

    // An editor, another user in the group, writes through the kiosk's -shm and -wal.
    if Command::new("sqlite3").arg("-version").output().is_ok() {
        let o = as_user(
            EDITOR,
            Some(group),
            "sqlite3",
            &[
                &d,
                "INSERT INTO stays (name, initials, target_group, admitted, planned_discharge, created_at, updated_at) VALUES ('Ola Dunk', 'OD', 'from_hospital', '2026-11-21', '2026-12-24', 1, 1);",
            ],
        );
        assert!(o.status.success(), "editor in the group: {}", err(&o));
    }
    // The editing board opens it read-write (it then stops only for want of a terminal).
    let o = as_user(EDITOR, Some(group), BIN, &["--db", &d]);
    assert!(
        err(&o).contains("needs a terminal"),
        "editor in the group got past every permission check: {}",
        err(&o)
    );

    // A kiosk outside the group reads while the side files exist (read-only -shm)…
    let o = as_user(OUTSIDER, None, BIN, &["export", "--db", &d]);
    assert!(o.status.success(), "{}", err(&o));

    // …but an editor outside the group is refused at start, naming the file it cannot write.
    let o = as_user(OUTSIDER, None, BIN, &["--db", &d]);
    assert_one_line_with_fix(&o, &d, "editor outside the group");
    assert!(err(&o).contains("cannot edit"), "{}", err(&o));

    // A -shm the editor cannot write (made by a kiosk when the database was 0644) is named.
    std::os::unix::fs::chown(&shm, Some(KIOSK), Some(group)).unwrap();
    std::fs::set_permissions(&shm, std::fs::Permissions::from_mode(0o644)).unwrap();
    let o = as_user(EDITOR, Some(group), BIN, &["--db", &d]);
    assert_one_line_with_fix(&o, &d, "editor with a read-only -shm");
    assert!(
        err(&o).contains(&format!("write {}", shm.display())),
        "{}",
        err(&o)
    );
}
