//! Waking a board when another process may have committed, instead of polling fast.
//!
//! A commit in WAL mode writes its pages to `DB-wal`; a checkpoint writes `DB`; `-wal` and
//! `-shm` are created and deleted as connections come and go. So the database's *folder* is
//! watched (non-recursive; a watch on `-wal` itself would die with the file) and events on
//! those three names are a **hint**: the follower then asks SQLite (`PRAGMA data_version`,
//! the truth) whether anything changed. Events can be missed (a file system without them, a
//! full inotify queue, no inotify instance left: `fs.inotify.max_user_instances`), so the
//! follower also checks on a slow fallback timer; without a watcher it polls faster.

use notify_debouncer_full::notify::{self, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::ffi::OsString;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// What an event says about the database files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Something was written (a commit into `-wal`, a checkpoint into the file).
    Write,
    /// A file was created, removed or renamed, or events were lost: besides
    /// `data_version`, check that the path still names the file that was opened.
    Structure,
}

/// Watches the folder of one database; [`DbWake::wait`] returns when a hint arrives.
pub struct DbWake {
    rx: mpsc::Receiver<Hint>,
    /// Kept so `rx` never disconnects: without a watch (or once the watcher's thread is
    /// gone) `recv_timeout` would return at once instead of waiting, and the follower
    /// would spin a core (seen on boards whose folder was deleted under them).
    _keep: mpsc::Sender<Hint>,
    /// Dropping it stops the watch; `None` when no watch could be set up.
    watcher: Option<RecommendedWatcher>,
}

impl DbWake {
    /// Watch the folder of `db` for events on `db`, `db-wal` and `db-shm`. Never fails: a
    /// folder that cannot be watched gives a `DbWake` that only times out ([`Self::active`]
    /// says so).
    pub fn new(db: &Path) -> Self {
        Self::build(db, true)
    }

    /// A `DbWake` without a watch, as on a file system without events (for tests of the
    /// fallback).
    pub fn inactive(db: &Path) -> Self {
        Self::build(db, false)
    }

    fn build(db: &Path, watch: bool) -> Self {
        let (tx, rx) = mpsc::channel();
        let keep = tx.clone();
        if !watch {
            return Self {
                rx,
                _keep: keep,
                watcher: None,
            };
        }
        let abs = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
        let dir = abs
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map_or_else(|| Path::new(".").to_path_buf(), Path::to_path_buf);
        let Some(name) = abs.file_name().map(|n| n.to_os_string()) else {
            return Self {
                rx,
                _keep: keep,
                watcher: None,
            };
        };
        let names: Vec<OsString> = ["", "-wal", "-shm"]
            .iter()
            .map(|s| {
                let mut n = name.clone();
                n.push(s);
                n
            })
            .collect();
        let handler = move |ev: notify::Result<notify::Event>| {
            if let Some(h) = hint(&ev, &names) {
                let _ = tx.send(h);
            }
        };
        let watcher = notify::recommended_watcher(handler)
            .ok()
            .and_then(|mut w| w.watch(&dir, RecursiveMode::NonRecursive).ok().map(|_| w));
        Self {
            rx,
            _keep: keep,
            watcher,
        }
    }

    /// Whether events arrive at all (else only the fallback timer wakes the follower).
    pub fn active(&self) -> bool {
        self.watcher.is_some()
    }

    /// Wait up to `timeout` for a hint, then take every hint already queued with it (a
    /// commit writes several pages: one check answers them all). `None`: timed out.
    pub fn wait(&self, timeout: Duration) -> Option<Hint> {
        let first = self.rx.recv_timeout(timeout).ok()?;
        let mut h = first;
        while let Ok(more) = self.rx.try_recv() {
            if more == Hint::Structure {
                h = Hint::Structure;
            }
        }
        Some(h)
    }
}

/// The hint in one event, if it is about the database's files. Access events (opens, reads,
/// closes after reading) are left out: every board's own reads make them.
fn hint(ev: &notify::Result<notify::Event>, names: &[OsString]) -> Option<Hint> {
    let ev = match ev {
        Err(_) => return Some(Hint::Structure),
        Ok(ev) => ev,
    };
    if ev.need_rescan() {
        return Some(Hint::Structure);
    }
    let ours = ev
        .paths
        .iter()
        .any(|p| p.file_name().is_some_and(|n| names.iter().any(|m| m == n)));
    if !ours {
        return None;
    }
    match ev.kind {
        EventKind::Access(_) => None,
        EventKind::Modify(notify::event::ModifyKind::Data(_))
        | EventKind::Modify(notify::event::ModifyKind::Metadata(_))
        | EventKind::Modify(notify::event::ModifyKind::Any) => Some(Hint::Write),
        _ => Some(Hint::Structure),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn writes_to_the_database_files_wake_and_others_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("w.db");
        std::fs::write(&db, b"x").unwrap();
        let wake = DbWake::new(&db);
        assert!(wake.active());
        // Another file in the same folder: no hint.
        std::fs::write(dir.path().join("other.txt"), b"y").unwrap();
        std::fs::write(dir.path().join("w.db.bak"), b"y").unwrap();
        assert_eq!(wake.wait(Duration::from_millis(200)), None);
        // `-wal` created: structure (the path may name another file now).
        std::fs::write(dir.path().join("w.db-wal"), b"").unwrap();
        assert_eq!(wake.wait(Duration::from_secs(5)), Some(Hint::Structure));
        // Written in place: a write.
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(dir.path().join("w.db-wal"))
            .unwrap();
        f.write_all(b"frame").unwrap();
        let t = Instant::now();
        assert_eq!(wake.wait(Duration::from_secs(5)), Some(Hint::Write));
        assert!(t.elapsed() < Duration::from_secs(2));
        // Reading is not a hint.
        drop(f);
        while wake.wait(Duration::from_millis(100)).is_some() {}
        let _ = std::fs::read(dir.path().join("w.db-wal")).unwrap();
        assert_eq!(wake.wait(Duration::from_millis(200)), None);
        // Removed: structure.
        std::fs::remove_file(dir.path().join("w.db-wal")).unwrap();
        assert_eq!(wake.wait(Duration::from_secs(5)), Some(Hint::Structure));
    }

    #[test]
    fn an_inactive_wake_only_times_out_and_does_wait() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("w.db");
        let wake = DbWake::inactive(&db);
        assert!(!wake.active());
        std::fs::write(&db, b"x").unwrap();
        let t = Instant::now();
        assert_eq!(wake.wait(Duration::from_millis(100)), None);
        // Returning at once would make the follower spin a core.
        assert!(
            t.elapsed() >= Duration::from_millis(100),
            "{:?}",
            t.elapsed()
        );
    }

    #[test]
    fn a_folder_that_is_gone_gives_a_wake_that_waits() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("gone").join("w.db");
        let wake = DbWake::new(&db);
        assert!(!wake.active());
        let t = Instant::now();
        assert_eq!(wake.wait(Duration::from_millis(100)), None);
        assert!(
            t.elapsed() >= Duration::from_millis(100),
            "{:?}",
            t.elapsed()
        );
    }
}
