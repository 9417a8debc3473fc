//! The fault suite: the real binary (editing board and kiosk in tmux, `export`, `report`,
//! `backup` as child processes) against real outside processes and real faults — an outside
//! `sqlite3` opening and closing the database, `kill -9` during a burst of writes, a full disk
//! (a tiny tmpfs), and databases tavle must refuse without leaving a trace.
//!
//! Needs tmux and sqlite3: without them each test says so and passes, unless
//! `TAVLE_REQUIRE_TMUX=1` / `TAVLE_REQUIRE_SQLITE3=1` (set by `.ci/run`). The disk-full test
//! needs to mount a tmpfs (root); where that is not allowed it says so and passes.

#[path = "common/tmux.rs"]
mod tmux;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tmux::{Tmux, sqlite3, tools_available};

const BIN: &str = env!("CARGO_BIN_EXE_tavle");

fn side(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// A config beside (not in) the database's folder: built-in defaults, but kiosks show names so
/// the test can read them.
fn config(dir: &Path) -> PathBuf {
    let cfg = dir.join("tavle.json");
    std::fs::write(
        &cfg,
        r#"{"privacy": {"kiosk": {"names": true, "goals": true, "notes": false}}}"#,
    )
    .unwrap();
    cfg
}

/// The shell command that starts tavle on `db` with `cfg` (`extra`: e.g. `kiosk`).
fn tavle_cmd(db: &Path, cfg: &Path, extra: &str) -> String {
    format!(
        "USER=kari {BIN} --db '{}' --config '{}' {extra}",
        db.display(),
        cfg.display()
    )
}

/// Add a stay called `name` on the editing board and wait until the board says it is saved.
fn add_stay(board: &Tmux, name: &str) {
    board.keys(&["a"]);
    board.wait_for("Ny innleggelse");
    board.text(name);
    board.keys(&["Tab", "Tab", "Right", "Enter"]);
    board.wait_until(&format!("{name:?} saved"), |s| {
        s.contains("Lagret") && s.contains(name) && !s.contains("Ny innleggelse")
    });
}

/// `tavle export --db db` in a fresh process.
fn export(db: &Path) -> String {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .arg("export")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn assert_wal_alive(db: &Path, when: &str) {
    for s in ["-wal", "-shm"] {
        assert!(
            side(db, s).exists(),
            "{s} vanished {when} while the boards run: their later edits would be invisible to every other process"
        );
    }
}

/// A fresh process (sqlite3, tavle export) and the kiosk all see `name`.
fn everyone_sees(db: &Path, kiosk: &Tmux, name: &str) {
    let names = sqlite3(db, "SELECT name FROM stays ORDER BY id");
    assert!(
        names.contains(name),
        "sqlite3 does not see {name:?}: {names:?}"
    );
    assert!(
        export(db).contains(name),
        "tavle export does not see {name:?}"
    );
    kiosk.wait_for(name);
}

#[test]
fn an_outside_sqlite3_never_hides_later_edits_from_other_processes() {
    if !tools_available("the outside-sqlite3 fault test") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let cfg = config(dir.path());
    let board = Tmux::start("outside-board", (160, 40), &tavle_cmd(&db, &cfg, ""));
    board.wait_for("Ingen aktive innleggelser");
    let kiosk = Tmux::start("outside-kiosk", (160, 40), &tavle_cmd(&db, &cfg, "kiosk"));
    kiosk.wait_for("SKRIVEBESKYTTET");
    add_stay(&board, "Åse Ødegård");
    kiosk.wait_for("Åse Ødegård");

    // Plain outside open/close, as a backup script or a DB browser would.
    // (`SELECT 1` alone does not read the file; a query of a table does.)
    for _ in 0..3 {
        assert_eq!(sqlite3(&db, "SELECT 1"), "1");
        assert_eq!(sqlite3(&db, "SELECT count(*) FROM stays"), "1");
    }
    assert_wal_alive(&db, "after `sqlite3 X 'select 1'`");
    add_stay(&board, "Berit Lien");
    everyone_sees(&db, &kiosk, "Berit Lien");

    // The same while tavle's own short-lived processes (export, report) open and close it.
    for _ in 0..3 {
        let children: Vec<_> = [vec!["export"], vec!["report", "--format", "json"]]
            .into_iter()
            .map(|args| {
                Command::new(BIN)
                    .arg("--db")
                    .arg(&db)
                    .arg("--config")
                    .arg(&cfg)
                    .args(args)
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        assert_eq!(sqlite3(&db, "SELECT 1"), "1");
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_eq!(sqlite3(&db, "SELECT 1"), "1");
    }
    assert_wal_alive(&db, "after export/report and sqlite3");
    add_stay(&board, "Cecilie Dahl");
    everyone_sees(&db, &kiosk, "Cecilie Dahl");
    // The first stay is still there for everyone.
    everyone_sees(&db, &kiosk, "Åse Ødegård");
}

#[test]
fn kill_9_during_a_burst_of_writes_keeps_every_acknowledged_change() {
    if !tools_available("the kill -9 fault test") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let cfg = config(dir.path());
    let board = Tmux::start("kill9-board", (160, 50), &tavle_cmd(&db, &cfg, ""));
    board.wait_for("Ingen aktive innleggelser");
    let pid = board.program_pid("tavle");
    // An outside process has opened and closed the database before (a backup script): the
    // board's writes must still land in the file everyone else reads. (`SELECT 1` alone does
    // not read the file; a query of a table does.)
    assert_eq!(sqlite3(&db, "SELECT count(*) FROM stays"), "0");

    const N: usize = 10;
    let names: Vec<String> = (1..=N).map(|i| format!("Pasient {i:02}")).collect();
    let mut acknowledged = BTreeSet::new();
    std::thread::scope(|s| {
        let typist = s.spawn(|| {
            // As fast as a person who does not wait for the screen.
            for name in &names {
                board.keys(&["a"]);
                board.text(name);
                board.keys(&["Tab", "Tab", "Right", "Enter"]);
            }
        });
        let start = Instant::now();
        loop {
            let screen = board.screen();
            // A name on the board with no form open is a stay the board says it saved.
            if !screen.contains("Ny innleggelse") && screen.contains("Lagret") {
                for n in &names {
                    if screen.contains(n.as_str()) {
                        acknowledged.insert(n.clone());
                    }
                }
            }
            // ...and one during the burst.
            if acknowledged.len() == 2 {
                sqlite3(&db, "SELECT count(*) FROM stays");
            }
            if acknowledged.len() >= N / 2 || typist.is_finished() {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the burst never got going:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        let ok = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -9 {pid}");
        typist.join().unwrap();
    });
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "tavle survived kill -9"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !acknowledged.is_empty(),
        "nothing was acknowledged before the kill"
    );

    assert_eq!(sqlite3(&db, "PRAGMA integrity_check"), "ok");
    let stored: BTreeSet<String> = sqlite3(&db, "SELECT name FROM stays")
        .lines()
        .map(str::to_string)
        .collect();
    // Keys typed while no form is open act on the board: a stray `e` in «Pasient» opens the
    // edit form of a saved stay and the rest of a name is appended to its name («Pasient
    // 03nt 06»). That stay was kept, and renamed by the typist, not lost.
    let lost: Vec<_> = acknowledged
        .iter()
        .filter(|a| !stored.iter().any(|s| s.starts_with(a.as_str())))
        .collect();
    assert!(
        lost.is_empty(),
        "the screen said these were saved, but after kill -9 they are not in the database: {lost:?} (stored: {stored:?})"
    );
    eprintln!(
        "kill -9: {} acknowledged, {} stored",
        acknowledged.len(),
        stored.len()
    );
}

/// A tiny tmpfs, unmounted when dropped.
struct Mount(PathBuf);

impl Mount {
    fn tmpfs(dir: &Path, size: &str) -> Result<Mount, String> {
        std::fs::create_dir_all(dir).unwrap();
        let out = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(dir)
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(Mount(dir.into()))
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
        }
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Write to `path` until the file system is full.
fn fill(path: &Path) {
    use std::io::Write;
    let mut f = std::fs::File::create(path).unwrap();
    for chunk in [65536, 4096, 512, 1] {
        let buf = vec![0x5a_u8; chunk];
        while f.write_all(&buf).and_then(|_| f.sync_data()).is_ok() {}
    }
}

#[test]
fn a_full_disk_keeps_the_form_says_so_and_saves_once_space_is_freed() {
    if !tools_available("the disk-full fault test") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("mnt");
    let _mount = match Mount::tmpfs(&mnt, "2m") {
        Ok(m) => m,
        Err(why) => {
            eprintln!("skipped the disk-full fault test: cannot mount a tmpfs ({why})");
            return;
        }
    };
    let db = mnt.join("ward.db");
    let cfg = config(dir.path());
    // Created and closed first, so the running board starts with an empty WAL: a save must
    // grow it.
    drop(tavle::store::open_read_write(&db).unwrap());
    let board = Tmux::start("full-board", (160, 40), &tavle_cmd(&db, &cfg, ""));
    board.wait_for("Ingen aktive innleggelser");
    let filler = mnt.join("filler");
    fill(&filler);

    board.keys(&["a"]);
    board.wait_for("Ny innleggelse");
    board.text("Dagny Fullstad");
    board.keys(&["Tab", "Tab", "Right", "Enter"]);
    let s = board.wait_until("a message about the full disk", |s| {
        s.contains("Ikke lagret") || s.contains("Lagret") || s.contains("[exited")
    });
    assert!(
        s.contains("Ikke lagret") && s.contains("full"),
        "no clear disk-full message:\n{s}"
    );
    assert!(!s.contains("disk I/O error"), "raw SQLite message:\n{s}");
    assert!(
        s.contains("Ny innleggelse") && s.contains("Dagny Fullstad"),
        "the form lost what was typed:\n{s}"
    );

    std::fs::remove_file(&filler).unwrap();
    board.keys(&["Enter"]);
    board.wait_until("saved after space was freed", |s| {
        s.contains("Lagret") && !s.contains("Ikke lagret") && !s.contains("Ny innleggelse")
    });
    assert_eq!(sqlite3(&db, "SELECT name FROM stays"), "Dagny Fullstad");
    assert_eq!(sqlite3(&db, "PRAGMA integrity_check"), "ok");

    // Starting on a full disk: one clear line with the path, or a running board.
    board.keys(&["q"]);
    board.wait_for("[exited 0]");
    drop(board);
    fill(&filler);
    let again = Tmux::start("full-again", (160, 40), &tavle_cmd(&db, &cfg, ""));
    let s = again.wait_until("the board or a message", |s| {
        s.contains("[exited") || s.contains("Dagny Fullstad")
    });
    if s.contains("[exited") {
        assert!(
            s.contains(&db.display().to_string()) && s.contains("full"),
            "starting on a full disk must say which file and that the disk is full:\n{s}"
        );
        assert!(!s.contains("disk I/O error"), "raw SQLite message:\n{s}");
    }
    drop(again);
}

/// Every file in `dir`: name → bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect()
}

fn listing(s: &BTreeMap<String, Vec<u8>>) -> Vec<(String, usize)> {
    s.iter().map(|(n, b)| (n.clone(), b.len())).collect()
}

/// Run the real binary with `args`, no terminal, at most 20 s.
fn run_refused(args: &[&std::ffi::OsStr], cwd: &Path) -> (bool, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("tavle {args:?} did not exit: it did not refuse the file");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn refused_databases_leave_their_folder_exactly_as_it_was() {
    if !tools_available("the refused-databases fault test") {
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let cfg = config(root.path());
    let mut fixtures: Vec<(&str, PathBuf)> = Vec::new();

    // Someone else's SQLite database, in WAL mode.
    let d = root.path().join("foreign");
    std::fs::create_dir(&d).unwrap();
    let foreign = d.join("recipes.db");
    assert_eq!(
        sqlite3(&foreign, "PRAGMA journal_mode=WAL; CREATE TABLE t(x);"),
        "wal"
    );
    fixtures.push(("foreign", foreign));

    // A tavle database written by a newer tavle.
    let d = root.path().join("newer");
    std::fs::create_dir(&d).unwrap();
    let newer = d.join("ward.db");
    drop(tavle::store::open_read_write(&newer).unwrap());
    sqlite3(
        &newer,
        &format!("PRAGMA user_version = {}", tavle::store::LATEST_VERSION + 1),
    );
    fixtures.push(("newer", newer));

    // A tavle database cut short (a copy interrupted, a full disk).
    let d = root.path().join("truncated");
    std::fs::create_dir(&d).unwrap();
    let truncated = d.join("ward.db");
    {
        let mut c = tavle::store::open_read_write(&truncated).unwrap();
        tavle::store::demo::seed_demo(
            &mut c,
            jiff::civil::date(2026, 11, 25),
            1_795_600_000,
            &tavle::domain::Rules::default(),
        )
        .unwrap();
    }
    let len = std::fs::metadata(&truncated).unwrap().len();
    assert!(len >= 8 * 4096, "the demo database is too small to cut");
    std::fs::OpenOptions::new()
        .write(true)
        .open(&truncated)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    fixtures.push(("truncated", truncated));

    let mut failures = Vec::new();
    for (what, db) in &fixtures {
        let folder = db.parent().unwrap();
        for suffix in ["-wal", "-shm", "-journal"] {
            assert!(!side(db, suffix).exists(), "{what}: fixture left {suffix}");
        }
        let out = folder.join("out.db");
        let commands: Vec<(&str, Vec<&std::ffi::OsStr>)> = vec![
            ("kiosk", vec!["kiosk".as_ref()]),
            ("export", vec!["export".as_ref()]),
            ("report", vec!["report".as_ref()]),
            ("backup", vec!["backup".as_ref(), out.as_os_str()]),
            ("editing board", vec![]),
        ];
        for (name, extra) in commands {
            let before = snapshot(folder);
            let mut args: Vec<&std::ffi::OsStr> = vec![
                "--db".as_ref(),
                db.as_os_str(),
                "--config".as_ref(),
                cfg.as_os_str(),
            ];
            args.extend(extra);
            let (ok, stderr) = run_refused(&args, root.path());
            let after = snapshot(folder);
            let msg = stderr.trim();
            let mut problems = Vec::new();
            if ok {
                problems.push("exited 0".to_string());
            }
            if msg.lines().count() != 1 || !msg.contains(&db.display().to_string()) {
                problems.push(format!("not one line naming the file: {msg:?}"));
            }
            if before != after {
                problems.push(format!(
                    "the folder changed: {:?} -> {:?}{}",
                    listing(&before),
                    listing(&after),
                    if listing(&before) == listing(&after) {
                        " (same names and sizes, other bytes)"
                    } else {
                        ""
                    }
                ));
            }
            if !problems.is_empty() {
                failures.push(format!("{what} db, {name}: {}", problems.join("; ")));
            }
            // Put the folder back for the next command, whatever happened.
            for (n, b) in &before {
                std::fs::write(folder.join(n), b).unwrap();
            }
            for n in after.keys().filter(|n| !before.contains_key(*n)) {
                let _ = std::fs::remove_file(folder.join(n));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "refusals must exit non-zero with one line naming the file and leave the folder as it was:\n{}",
        failures.join("\n")
    );
}
