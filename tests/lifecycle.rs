//! A board's life when the world around it goes away: the real binary in tmux, with real
//! outside processes. A board whose folder is deleted keeps a core idle and still stops on
//! SIGTERM; a board whose terminal closes in the middle of a save finishes the save, then
//! exits (the edit is not lost, and nothing is left running).
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

fn tavle_cmd(db: &Path, cfg: &Path, extra: &str) -> String {
    format!(
        "USER=kari {BIN} --db '{}' --config '{}' {extra}",
        db.display(),
        cfg.display()
    )
}

const INSERT_GUNVOR: &str = "INSERT INTO stays (name, initials, target_group, admitted, \
     planned_discharge, created_at, updated_at) \
     VALUES ('Gunvor Borte', 'GB', 'concern', '2026-11-11', '2026-12-16', 0, 0)";

fn config(dir: &Path) -> std::path::PathBuf {
    let cfg = dir.join("tavle.json");
    // Kiosks show names, so the test can see the board is up.
    std::fs::write(&cfg, r#"{"privacy": {"kiosk": {"names": true}}}"#).unwrap();
    cfg
}

/// CPU time (user + system) the process has used, in clock ticks (1/100 s here).
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

fn alive(pid: u32) -> bool {
    // A zombie has ended; only the reaping is left to its parent.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|s| s.rfind(')').is_some_and(|i| !s[i + 2..].starts_with('Z')))
}

fn wait_gone(pid: u32, within: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < within {
        if !alive(pid) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// Make sure a board that failed the test does not outlive it.
struct KillOnDrop(u32);
impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-9", &self.0.to_string()])
            .status();
    }
}

#[test]
fn a_board_whose_folder_is_deleted_stays_idle_and_stops_on_sigterm() {
    if !tools_available("the deleted-folder lifecycle test") {
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let cfg = config(root.path());
    let ward = root.path().join("ward");
    std::fs::create_dir(&ward).unwrap();
    let db = ward.join("ward.db");
    drop(tavle::store::open_read_write(&db).unwrap());
    sqlite3(&db, INSERT_GUNVOR);
    for extra in ["", "kiosk"] {
        let t = Tmux::start(
            if extra.is_empty() {
                "gone-edit"
            } else {
                "gone-kiosk"
            },
            (120, 30),
            &tavle_cmd(&db, &cfg, extra),
        );
        t.wait_for("Gunvor");
        let pid = t.program_pid("tavle");
        let _guard = KillOnDrop(pid);
        // The board may create `-wal`/`-shm` while the folder is emptied: try again.
        let start = Instant::now();
        while let Err(e) = std::fs::remove_dir_all(&ward) {
            assert!(start.elapsed() < Duration::from_secs(5), "{e}");
        }
        // Let the follower find the file gone, then measure two seconds of its life.
        std::thread::sleep(Duration::from_millis(1500));
        let before = cpu_ticks(pid).expect("the board is running");
        std::thread::sleep(Duration::from_secs(2));
        let used = cpu_ticks(pid).expect("the board is running") - before;
        // A spinning follower uses ~200 ticks here; an idle board a few.
        assert!(
            used < 40,
            "{extra:?} board used {used} ticks of CPU in 2 s with its folder gone; screen:\n{}",
            t.screen()
        );
        let ok = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok);
        assert!(
            wait_gone(pid, Duration::from_secs(5)),
            "{extra:?} board ignored SIGTERM with its folder gone"
        );
        std::fs::create_dir(&ward).unwrap();
        drop(tavle::store::open_read_write(&db).unwrap());
        sqlite3(&db, INSERT_GUNVOR);
    }
}

#[test]
fn a_board_whose_terminal_closes_during_a_save_finishes_the_save_then_exits() {
    if !tools_available("the closed-terminal lifecycle test") {
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let cfg = config(root.path());
    let db = root.path().join("ward.db");
    drop(tavle::store::open_read_write(&db).unwrap());
    let board = Tmux::start("hup-save", (120, 40), &tavle_cmd(&db, &cfg, ""));
    board.wait_for("Ingen aktive innleggelser");
    let pid = board.program_pid("tavle");
    let _guard = KillOnDrop(pid);

    // Another process holds the write lock, as a backup or a DB browser can.
    let mut holder = Command::new("sqlite3")
        .arg(&db)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut sql = holder.stdin.take().unwrap();
    writeln!(sql, "BEGIN IMMEDIATE; CREATE TABLE held_by_test(x);").unwrap();
    sql.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));

    board.keys(&["a"]);
    board.wait_for("Ny innleggelse");
    board.text("Halvard Lukket");
    board.keys(&["Tab", "Tab", "Right", "Enter"]);
    board.wait_for("Lagrer");

    // The terminal goes away (a closed SSH session, a killed tmux) while the save waits.
    drop(board);
    std::thread::sleep(Duration::from_millis(1500));
    let spin_start = cpu_ticks(pid);
    std::thread::sleep(Duration::from_millis(1000));
    if let (Some(a), Some(b)) = (spin_start, cpu_ticks(pid)) {
        assert!(
            b - a < 30,
            "the board spun ({} ticks in 1 s) without a terminal",
            b - a
        );
    }
    // The lock is released: the save goes through, and then the board is gone.
    writeln!(sql, "ROLLBACK;").unwrap();
    drop(sql);
    let _ = holder.wait();
    assert!(
        wait_gone(pid, Duration::from_secs(20)),
        "the board did not exit after its terminal closed"
    );
    assert_eq!(
        sqlite3(&db, "SELECT name FROM stays"),
        "Halvard Lukket",
        "the save that was under way when the terminal closed was lost"
    );
}
