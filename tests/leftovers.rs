//! `tavle backup` and `tavle import` build a full copy of the ward's record in a hidden file.
//! Killed half-way (real processes, SIGKILL and SIGTERM), they must leave no such copy behind
//! for long: the next backup or import removes it, a signal removes it at once, and while it
//! exists it is readable by its owner only.

use rusqlite::Connection;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tavle::store;

const BIN: &str = env!("CARGO_BIN_EXE_tavle");

/// A tavle database of about `mb` megabytes (a filler table beside a few stays).
fn big_db(path: &Path, mb: usize) {
    let mut c = store::open_read_write(path).unwrap();
    store::demo::seed_demo(
        &mut c,
        jiff::civil::date(2026, 11, 25),
        1_795_600_000,
        &tavle::domain::Rules::default(),
    )
    .unwrap();
    c.execute_batch(&format!(
        "CREATE TABLE filler (x BLOB);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {})
           INSERT INTO filler SELECT randomblob(65536) FROM n;
         PRAGMA wal_checkpoint(TRUNCATE);",
        mb * 16
    ))
    .unwrap();
}

/// The hidden temporary files (`.tavle-<kind>-…`) in `dir`, with their modes.
fn temps(dir: &Path, kind: &str) -> Vec<(String, u32)> {
    let prefix = format!(".tavle-{kind}-");
    let mut v: Vec<(String, u32)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let mode = e.metadata().ok()?.permissions().mode() & 0o777;
            name.starts_with(&prefix).then_some((name, mode))
        })
        .collect();
    v.sort();
    v
}

/// Wait until `child` has made a temporary file with some content in `dir` (one not there
/// before, named with its process id); check that every such file is owner-only while it
/// exists. Returns false if the child finished first.
fn wait_for_temp(child: &mut Child, dir: &Path, kind: &str) -> bool {
    let before = temps(dir, kind);
    let own = format!(".tavle-{kind}-{}-", child.id());
    let start = Instant::now();
    loop {
        let t = temps(dir, kind);
        for (name, mode) in &t {
            assert_eq!(*mode, 0o600, "{name} is not owner-only: {mode:o}");
        }
        let new = t.iter().find(|(name, _)| {
            !before.iter().any(|(b, _)| b == name)
                && std::fs::metadata(dir.join(name)).is_ok_and(|m| m.len() > 0)
        });
        if let Some((name, _)) = new {
            assert!(
                name.starts_with(&own),
                "{name}: the temporary file must carry the owner's process id ({own}…)"
            );
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no temp file");
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn kill(pid: u32, signal: &str) {
    let ok = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill {signal} {pid}");
}

/// A process id that no process has now.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

fn backup_cmd(db: &Path, dest: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--db")
        .arg(db)
        .arg("backup")
        .arg(dest)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn run_ok(mut c: Command) {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn stays_in(db: &Path) -> i64 {
    let c = Connection::open(db).unwrap();
    c.query_row("SELECT count(*) FROM stays", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_killed_backup_leaves_no_copy_after_the_next_run() {
    let src_dir = tempfile::tempdir().unwrap();
    let db = src_dir.path().join("ward.db");
    big_db(&db, 96);
    let stays = stays_in(&db);
    let out = tempfile::tempdir().unwrap();
    let dir = out.path();

    // A leftover of an older kill (its process is gone), with a journal.
    let dead = dead_pid();
    for s in ["", "-journal"] {
        let p = dir.join(format!(".tavle-backup-{dead}-Zz9Zz9.db{s}"));
        std::fs::write(&p, "half a copy").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    }

    // SIGKILL half-way: nothing in the process can clean up.
    let mut child = backup_cmd(&db, &dir.join("a.db")).spawn().unwrap();
    let pid = child.id();
    assert!(
        wait_for_temp(&mut child, dir, "backup"),
        "the backup finished before it could be killed; make the test database bigger"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    let left = temps(dir, "backup");
    assert!(
        left.iter()
            .any(|(n, _)| n.starts_with(&format!(".tavle-backup-{pid}-"))),
        "SIGKILL should have left the copy (else this test proves nothing): {left:?}"
    );
    assert!(!dir.join("a.db").exists());

    // The next backup sweeps every copy of a dead process and makes its own.
    run_ok(backup_cmd(&db, &dir.join("b.db")));
    assert_eq!(temps(dir, "backup"), vec![]);
    let mode = std::fs::metadata(dir.join("b.db"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(stays_in(&dir.join("b.db")), stays);
}

#[test]
fn sigterm_removes_the_copy_at_once_and_a_running_backup_is_never_swept() {
    let src_dir = tempfile::tempdir().unwrap();
    let db = src_dir.path().join("ward.db");
    big_db(&db, 96);
    let out = tempfile::tempdir().unwrap();
    let dir = out.path();

    for signal in ["-TERM", "-INT"] {
        let mut child = backup_cmd(&db, &dir.join("a.db")).spawn().unwrap();
        assert!(
            wait_for_temp(&mut child, dir, "backup"),
            "finished too early"
        );
        kill(child.id(), signal);
        let out = child.wait_with_output().unwrap();
        assert!(!out.status.success());
        assert_eq!(temps(dir, "backup"), vec![], "after {signal}");
        assert!(!dir.join("a.db").exists());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("removed"), "{err}");
    }

    // Two backups into one folder: the second must not remove the first one's copy.
    let mut first = backup_cmd(&db, &dir.join("first.db")).spawn().unwrap();
    assert!(
        wait_for_temp(&mut first, dir, "backup"),
        "finished too early"
    );
    run_ok(backup_cmd(&db, &dir.join("second.db")));
    let out = first.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.join("first.db").exists() && dir.join("second.db").exists());
    assert_eq!(temps(dir, "backup"), vec![]);
}

/// An export file large enough that importing it takes a moment.
fn big_export(dir: &Path) -> PathBuf {
    let db = dir.join("source.db");
    let c = store::open_read_write(&db).unwrap();
    c.execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000)
           INSERT INTO audit_log (at, user, stay_id, field, old_value, new_value, change_id, action)
           SELECT 1795600000 + i, 'anne', NULL, 'note', hex(randomblob(40)), hex(randomblob(40)), i, 'edit'
           FROM n;",
    )
    .unwrap();
    let json = store::export::export_json(&c).unwrap();
    let file = dir.join("export.json");
    std::fs::write(&file, json).unwrap();
    file
}

fn import_cmd(db: &Path, file: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--db")
        .arg(db)
        .arg("import")
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

#[test]
fn a_killed_import_leaves_no_copy_after_the_next_run() {
    let src = tempfile::tempdir().unwrap();
    let file = big_export(src.path());
    let ward = tempfile::tempdir().unwrap();
    let dir = ward.path();

    let dead = dead_pid();
    for s in ["", "-wal", "-shm"] {
        let p = dir.join(format!(".tavle-import-{dead}-Zz9Zz9.db{s}"));
        std::fs::write(&p, "x").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    }

    let mut child = import_cmd(&dir.join("a.db"), &file).spawn().unwrap();
    let pid = child.id();
    assert!(
        wait_for_temp(&mut child, dir, "import"),
        "the import finished before it could be killed; make the export bigger"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    let left = temps(dir, "import");
    assert!(
        left.iter()
            .any(|(n, _)| n.starts_with(&format!(".tavle-import-{pid}-"))),
        "SIGKILL should have left the copy: {left:?}"
    );
    assert!(!dir.join("a.db").exists());

    // SIGTERM: removed at once.
    let mut child = import_cmd(&dir.join("a.db"), &file).spawn().unwrap();
    let pid = child.id();
    assert!(
        wait_for_temp(&mut child, dir, "import"),
        "finished too early"
    );
    kill(pid, "-TERM");
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert!(
        !temps(dir, "import")
            .iter()
            .any(|(n, _)| n.starts_with(&format!(".tavle-import-{pid}-"))),
        "SIGTERM left the copy"
    );

    // The next import sweeps the dead processes' copies.
    run_ok(import_cmd(&dir.join("b.db"), &file));
    assert_eq!(temps(dir, "import"), vec![]);
    let mode = std::fs::metadata(dir.join("b.db"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(!dir.join("a.db").exists());
    let c = Connection::open(dir.join("b.db")).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 150000);
}
