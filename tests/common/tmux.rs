//! Driving the real binary in a real terminal (tmux), and the outside tools the fault tests
//! use (`sqlite3`). Included with `#[path = "common/tmux.rs"] mod tmux;`.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The local time the real binary starts at in these tests (`TAVLE_NOW`): a Wednesday.
pub const NOW: &str = "2026-11-25T09:05:00";

/// One tmux session running one shell command; killed when dropped.
pub struct Tmux {
    pub session: String,
}

impl Tmux {
    /// Start `cmd` in a new detached session of `size` (columns, rows). After the command
    /// exits the pane shows `[exited N]` for a while, so its last words can be read.
    pub fn start(name: &str, size: (u16, u16), cmd: &str) -> Tmux {
        let session = format!("tavle-t-{}-{name}", std::process::id());
        // Tests start sessions in parallel: when no tmux server runs yet, two clients race
        // to start one and the loser fails. A retry finds the winner's server.
        let ok = (0..5).any(|attempt| {
            if attempt > 0 {
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
            Self::new_session(&session, size, cmd)
        });
        assert!(ok, "tmux new-session failed");
        Tmux { session }
    }

    fn new_session(session: &str, size: (u16, u16), cmd: &str) -> bool {
        Command::new("tmux")
            .args(["new-session", "-d", "-s", session, "-x"])
            .arg(size.0.to_string())
            .arg("-y")
            .arg(size.1.to_string())
            // Every board runs on the tests' fixed day, whatever the real date (time passes).
            .arg(format!(
                "export TAVLE_NOW={NOW}; {cmd}; echo '[exited' $?']'; sleep 60"
            ))
            .env("TERM", "xterm-256color")
            .status()
            .is_ok_and(|s| s.success())
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Wait until the screen shows `needle` (the board redraws asynchronously).
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?}"), |s| s.contains(needle))
    }

    /// Wait (up to 15 s) until `ok(screen)`; `what` names the wait in the failure message.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Send tmux key names (`Enter`, `Escape`, `C-c`, `a`…), one at a time.
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            let ok = Command::new("tmux")
                .args(["send-keys", "-t", &self.session, k])
                .status()
                .unwrap()
                .success();
            assert!(ok);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// Type `text` literally.
    pub fn text(&self, text: &str) {
        Command::new("tmux")
            .args(["send-keys", "-t", &self.session, "-l", text])
            .status()
            .unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    /// The process id of the pane's shell.
    pub fn pane_pid(&self) -> u32 {
        let out = Command::new("tmux")
            .args(["list-panes", "-t", &self.session, "-F", "#{pane_pid}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("pane pid")
    }

    /// The process id of the program the pane's shell started (its child named `comm`).
    pub fn program_pid(&self, comm: &str) -> u32 {
        let shell = self.pane_pid();
        let start = Instant::now();
        loop {
            if let Some(pid) = children(shell).into_iter().find(|p| {
                std::fs::read_to_string(format!("/proc/{p}/comm")).is_ok_and(|c| c.trim() == comm)
            }) {
                return pid;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no {comm} process under the pane's shell {shell}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .status();
    }
}

/// The child processes of `parent` (from `/proc/*/stat`).
pub fn children(parent: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .ok()
                .and_then(|s| {
                    // "pid (comm) state ppid …"; comm may hold spaces and parentheses.
                    let rest = &s[s.rfind(')')? + 1..];
                    rest.split_whitespace().nth(1)?.parse::<u32>().ok()
                })
                == Some(parent)
        })
        .collect()
}

/// A folder with a default config (`{}`) and the path of a database not yet created there.
pub struct Ward {
    pub dir: tempfile::TempDir,
    pub db: std::path::PathBuf,
    pub cfg: std::path::PathBuf,
}

impl Ward {
    pub fn new() -> Ward {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ward.db");
        let cfg = dir.path().join("tavle.json");
        std::fs::write(&cfg, "{}").unwrap();
        Ward { dir, db, cfg }
    }

    /// The shell command that runs the real binary on this ward: `env` before it
    /// (`USER=kari`), `extra` after it (`kiosk`).
    pub fn cmd(&self, env: &str, extra: &str) -> String {
        format!(
            "{env} {} --db '{}' --config '{}' {extra}",
            env!("CARGO_BIN_EXE_tavle"),
            self.db.display(),
            self.cfg.display()
        )
    }
}

/// Whether tmux is installed, for tests that need nothing else. Without it the test says
/// so and is skipped, unless `TAVLE_REQUIRE_TMUX=1` (set by `.ci/run`) demands it.
pub fn tmux_available(test: &str) -> bool {
    let ok = have("tmux", "-V");
    if !ok {
        assert!(
            std::env::var("TAVLE_REQUIRE_TMUX").is_err(),
            "TAVLE_REQUIRE_TMUX is set but tmux is not installed"
        );
        eprintln!("skipped {test}: tmux is not installed");
    }
    ok
}

fn have(tool: &str, arg: &str) -> bool {
    Command::new(tool).arg(arg).output().is_ok()
}

/// Whether tmux and sqlite3 are installed. When one is missing the test says so and is
/// skipped, unless `TAVLE_REQUIRE_TMUX=1` / `TAVLE_REQUIRE_SQLITE3=1` (set by `.ci/run`)
/// demands it.
pub fn tools_available(test: &str) -> bool {
    let tmux = have("tmux", "-V");
    let sqlite3 = have("sqlite3", "-version");
    if !tmux {
        assert!(
            std::env::var("TAVLE_REQUIRE_TMUX").is_err(),
            "TAVLE_REQUIRE_TMUX is set but tmux is not installed"
        );
        eprintln!("skipped {test}: tmux is not installed");
    }
    if !sqlite3 {
        assert!(
            std::env::var("TAVLE_REQUIRE_SQLITE3").is_err(),
            "TAVLE_REQUIRE_SQLITE3 is set but sqlite3 is not installed"
        );
        eprintln!("skipped {test}: sqlite3 is not installed");
    }
    tmux && sqlite3
}

/// Run the `sqlite3` command-line tool (a separate process, its own SQLite) on `db`.
pub fn sqlite3(db: &Path, sql: &str) -> String {
    let out = Command::new("sqlite3").arg(db).arg(sql).output().unwrap();
    assert!(
        out.status.success(),
        "sqlite3 {sql:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}
