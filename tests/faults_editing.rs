//! Editing against other processes, with the real binary in tmux: a save while another
//! process (`sqlite3`) holds the write lock, and two editing boards on one stay. Part of the
//! fault suite (see `tests/faults.rs` for the outside-process and crash faults).
//!
//! Needs tmux and sqlite3: without them each test says so and passes, unless
//! `TAVLE_REQUIRE_TMUX=1` / `TAVLE_REQUIRE_SQLITE3=1` (set by `.ci/run`).

#[path = "common/tmux.rs"]
mod tmux;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tmux::{Tmux, sqlite3, tools_available};

const BIN: &str = env!("CARGO_BIN_EXE_tavle");

/// An editing board as `user` on `db`, on the built-in config.
fn board(name: &str, db: &Path, cfg: &Path, user: &str) -> Tmux {
    let b = Tmux::start(
        name,
        (120, 30),
        &format!(
            "USER={user} {BIN} --db '{}' --config '{}'",
            db.display(),
            cfg.display()
        ),
    );
    b.wait_for("aktive");
    b
}

fn config(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("tavle.json");
    std::fs::write(&p, "{}").unwrap();
    p
}

fn add_stay(b: &Tmux, name: &str) {
    b.keys(&["a"]);
    b.wait_for("Ny innleggelse");
    b.text(name);
    b.keys(&["Tab", "Tab", "Right", "Enter"]);
    b.wait_until("the stay saved", |s| {
        s.contains("Lagret") && s.contains(name) && !s.contains("Ny innleggelse")
    });
}

#[test]
fn a_save_waits_for_another_process_lock_while_the_board_keeps_answering() {
    if !tools_available("a_save_waits_for_another_process_lock") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let cfg = config(dir.path());
    let b = board("lock", &db, &cfg, "kari");
    add_stay(&b, "Kari Hansen");
    // An outside process takes the write lock and keeps it until told to stop.
    let mut other = Command::new("sqlite3")
        .arg(&db)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = other.stdin.take().unwrap();
    // It waits for the lock itself if the board happens to be writing at that moment.
    writeln!(stdin, ".timeout 10000").unwrap();
    writeln!(stdin, "BEGIN IMMEDIATE;").unwrap();
    stdin.flush().unwrap();
    // Wait until the lock is really held: a write from a third process is refused.
    let start = Instant::now();
    loop {
        let out = Command::new("sqlite3")
            .arg("-cmd")
            .arg(".timeout 0")
            .arg(&db)
            .arg("BEGIN IMMEDIATE; ROLLBACK;")
            .output()
            .unwrap();
        if !out.status.success() {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "sqlite3 never took the lock"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Book the GP appointment: the save must wait for the lock.
    b.keys(&["l"]);
    b.wait_for("Legetime");
    b.text("30.11");
    b.keys(&["Enter"]);
    // The board says whom it waits on, and keeps counting: its loop is running.
    b.wait_for("venter på sqlite3");
    b.wait_until("the wait counter to pass 1 s", |s| {
        s.contains("(2 s)") || s.contains("(3 s)")
    });
    // A key is answered at once (long before the 15 s wait would end), and the form stays.
    let pressed = Instant::now();
    b.text("x");
    b.wait_for("Venter på forrige lagring");
    assert!(
        pressed.elapsed() < Duration::from_secs(3),
        "the board froze while a save waited"
    );
    assert_eq!(
        sqlite3(
            &db,
            "SELECT count(*) FROM gp_appointments WHERE booked_for IS NOT NULL"
        ),
        "0"
    );
    // The lock is released: the save lands and the board says so.
    writeln!(stdin, "COMMIT;").unwrap();
    drop(stdin);
    let _ = other.wait();
    b.wait_until("the save to land", |s| {
        s.contains("Lagret") && !s.contains("venter på")
    });
    // "30.11" is read relative to the real today, so only its day and month are known here.
    assert!(sqlite3(&db, "SELECT booked_for FROM gp_appointments").ends_with("-11-30"));
    assert_eq!(
        sqlite3(
            &db,
            "SELECT count(*) FROM audit_log WHERE field='gp_booked_for'"
        ),
        "1"
    );
}

/// Clear the focused field and type `text`.
fn retype(b: &Tmux, text: &str) {
    b.keys(&["C-u"]);
    b.text(text);
}

#[test]
fn two_editing_boards_never_revert_each_others_fields() {
    if !tools_available("two_editing_boards_never_revert_each_others_fields") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let cfg = config(dir.path());
    let a = board("a", &db, &cfg, "kari");
    add_stay(&a, "Kari Hansen");
    let b = board("b", &db, &cfg, "bjorn");
    b.wait_for("Kari Hansen");
    // Different fields: A renames, B (opened before A saved) writes only the note.
    a.keys(&["e"]);
    b.keys(&["e"]);
    a.wait_for("Endre innleggelse");
    b.wait_for("Endre innleggelse");
    retype(&a, "Kari Hansen-Berg");
    a.keys(&["Enter"]);
    a.wait_until("A saved", |s| s.contains("Lagret"));
    for _ in 0..6 {
        b.keys(&["Tab"]);
    }
    b.text("Ringes før besøk");
    b.keys(&["Enter"]);
    b.wait_for("begge endringene er beholdt");
    assert_eq!(
        sqlite3(&db, "SELECT name || '|' || note FROM stays"),
        "Kari Hansen-Berg|Ringes før besøk"
    );
    assert_eq!(
        sqlite3(
            &db,
            "SELECT group_concat(field) FROM audit_log WHERE user='bjorn'"
        ),
        "note"
    );
    // The same field: B sees A's value beside its own and chooses.
    a.keys(&["e"]);
    b.keys(&["e"]);
    a.wait_for("Endre innleggelse");
    b.wait_for("Endre innleggelse");
    retype(&a, "Kari Berg");
    a.keys(&["Enter"]);
    a.wait_until("A saved", |s| s.contains("Lagret"));
    retype(&b, "Karin Hansen");
    b.keys(&["Enter"]);
    let s = b.wait_for("«Kari Berg» i mellomtiden");
    assert!(
        s.contains("Karin Hansen"),
        "B's own value is shown too:\n{s}"
    );
    assert_eq!(sqlite3(&db, "SELECT name FROM stays"), "Kari Berg");
    b.keys(&["Enter"]);
    b.wait_until("B saved", |s| s.contains("Lagret"));
    assert_eq!(
        sqlite3(&db, "SELECT name || '|' || note FROM stays"),
        "Karin Hansen|Ringes før besøk"
    );
    // No field was ever written back to an older value by someone who did not change it.
    assert_eq!(
        sqlite3(
            &db,
            "SELECT count(*) FROM audit_log WHERE user='bjorn' AND field='note'"
        ),
        "1"
    );
}

#[test]
fn a_board_whose_database_file_is_replaced_says_so_and_saves_nothing_into_it() {
    if !tools_available("a_board_whose_database_file_is_replaced") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let cfg = config(dir.path());
    let b = board("replaced", &db, &cfg, "kari");
    add_stay(&b, "Kari Hansen");
    // Someone "restores" a copy over the live file while the board runs.
    let copy = dir.path().join("copy.db");
    sqlite3(&db, &format!("VACUUM INTO '{}'", copy.display()));
    std::fs::rename(&copy, &db).unwrap();
    b.wait_for("BYTTET UT");
    b.keys(&["l"]);
    b.wait_for("Legetime");
    b.text("30.11");
    b.keys(&["Enter"]);
    let s = b.wait_for("Ikke lagret");
    assert!(s.contains("Legetime"), "the form stays open:\n{s}");
    assert_eq!(
        sqlite3(
            &db,
            "SELECT count(*) FROM gp_appointments WHERE booked_for IS NOT NULL"
        ),
        "0"
    );
}
