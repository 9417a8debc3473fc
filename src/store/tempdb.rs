//! Temporary database files of `tavle backup` and `tavle import`.
//!
//! Both build a full copy of the ward's record in a hidden file beside the target and rename it
//! into place only when it is complete. A process killed half-way (SIGKILL, power loss) cannot
//! remove its own file, so every temporary file carries the owning process id in its name
//! (`.tavle-backup-<pid>-<random>.db`), and [`sweep_stale`] (run at the start of every backup
//! and import, and by the editing board at start-up) removes the files — and their SQLite
//! `-journal`/`-wal`/`-shm` sidecars — whose process is gone. SIGINT/SIGTERM/SIGHUP remove them
//! at once ([`remove_on_signals`]). The files are created owner-only (0600); SQLite gives its
//! sidecars the mode of the database file.

use super::open::{SIDE_SUFFIXES, side_file};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// The kinds of temporary databases; part of the file name (`.tavle-<kind>-…`).
pub const KINDS: &[&str] = &["backup", "import"];

/// A file of the old naming (no process id) is removed once it has not changed for this long.
const LEGACY_MAX_AGE: Duration = Duration::from_secs(6 * 3600);

/// Temporary files of this process, removed by the signal handler.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

/// A temporary database file owned by this process. Dropping it removes the file and its
/// sidecars unless it was [`persist`](TempDb::persist)ed.
#[derive(Debug)]
pub struct TempDb {
    path: Option<tempfile::TempPath>,
}

impl TempDb {
    /// Create an empty owner-only file `.tavle-<kind>-<pid>-<random>.db` in `dir`.
    pub fn create(dir: &Path, kind: &str) -> std::io::Result<TempDb> {
        debug_assert!(KINDS.contains(&kind));
        let file = tempfile::Builder::new()
            .prefix(&format!(".tavle-{kind}-{}-", std::process::id()))
            .suffix(".db")
            .permissions(owner_only())
            .tempfile_in(dir)?;
        // Close our descriptor at once: SQLite opens the file itself, and no other descriptor
        // of this process may stay open on a file SQLite locks.
        let path = file.into_temp_path();
        live().push(path.to_path_buf());
        Ok(TempDb { path: Some(path) })
    }

    pub fn path(&self) -> &Path {
        self.path.as_ref().expect("a TempDb path until persisted")
    }

    /// Rename the finished file to `dest` (replacing it when `clobber`), leaving no sidecars.
    pub fn persist(mut self, dest: &Path, clobber: bool) -> std::io::Result<()> {
        let path = self.path.take().expect("persist once");
        let own = path.to_path_buf();
        remove_sidecars(&own);
        let result = if clobber {
            path.persist(dest)
        } else {
            path.persist_noclobber(dest)
        };
        match result {
            Ok(()) => {
                forget(&own);
                Ok(())
            }
            Err(e) => {
                // Put it back so that Drop removes it.
                self.path = Some(e.path);
                Err(e.error)
            }
        }
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            let own = path.to_path_buf();
            drop(path); // removes the file
            remove_sidecars(&own);
            forget(&own);
        }
    }
}

fn forget(p: &Path) {
    live().retain(|q| q != p);
}

fn owner_only() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o600)
}

/// Remove `p`'s `-journal`, `-wal` and `-shm` files, if any.
pub fn remove_sidecars(p: &Path) {
    for suffix in SIDE_SUFFIXES {
        let _ = std::fs::remove_file(side_file(p, suffix));
    }
}

/// What a file name in the folder says about a temporary database.
#[derive(Debug, PartialEq, Eq)]
enum Owner {
    /// Not one of ours.
    NotOurs,
    /// `.tavle-<kind>-<pid>-<random>.db` (or one of its sidecars).
    Pid(u32),
    /// `.tavle-<kind>-<random>.db` as written by tavle before the process id was in the name.
    Legacy,
}

fn owner_of(name: &str) -> Owner {
    let Some(rest) = name.strip_prefix(".tavle-") else {
        return Owner::NotOurs;
    };
    let Some(rest) = KINDS
        .iter()
        .find_map(|k| rest.strip_prefix(k).and_then(|r| r.strip_prefix('-')))
    else {
        return Owner::NotOurs;
    };
    let stem = SIDE_SUFFIXES
        .iter()
        .find_map(|s| rest.strip_suffix(s))
        .unwrap_or(rest);
    let Some(stem) = stem.strip_suffix(".db") else {
        return Owner::NotOurs;
    };
    match stem.split_once('-') {
        Some((pid, random))
            if !pid.is_empty() && !random.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) =>
        {
            pid.parse().map(Owner::Pid).unwrap_or(Owner::Legacy)
        }
        _ if !stem.is_empty() && !stem.contains('-') => Owner::Legacy,
        _ => Owner::NotOurs,
    }
}

/// Whether process `pid` is running. Where this cannot be known (no `/proc`), it is assumed
/// to be, so that nothing of a running process is ever removed.
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return true;
    }
    proc.join(pid.to_string()).exists()
}

/// Remove the temporary databases (and their sidecars) in `dir` left by `tavle backup` or
/// `tavle import` processes that are no longer running. Returns the files removed. Files of
/// running processes, and everything else in the folder, are left alone; errors are ignored
/// (a folder that cannot be read has nothing to sweep).
pub fn sweep_stale(dir: &Path) -> Vec<PathBuf> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let now = SystemTime::now();
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let stale = match owner_of(name) {
            Owner::NotOurs => false,
            Owner::Pid(pid) => !alive(pid),
            Owner::Legacy => entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|age| age > LEGACY_MAX_AGE),
        };
        // Only plain files: never follow or remove a directory or a link's target.
        let is_file = entry.file_type().map(|t| t.is_file()).unwrap_or(false);
        if stale && is_file && std::fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

/// On SIGINT, SIGTERM or SIGHUP, remove this process's temporary databases and exit
/// (status 128 + signal). For the `backup` and `import` commands, which have no event loop of
/// their own; call once, before creating any [`TempDb`].
pub fn remove_on_signals() -> std::io::Result<()> {
    use tokio::signal::unix::{SignalKind, signal};
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Register the handlers before returning, so no signal slips through afterwards.
    let (mut term, mut int, mut hup) = rt.block_on(async {
        Ok::<_, std::io::Error>((
            signal(SignalKind::terminate())?,
            signal(SignalKind::interrupt())?,
            signal(SignalKind::hangup())?,
        ))
    })?;
    std::thread::Builder::new()
        .name("tavle-signals".into())
        .spawn(move || {
            let code = rt.block_on(async {
                tokio::select! {
                    _ = term.recv() => 128 + 15,
                    _ = int.recv() => 128 + 2,
                    _ = hup.recv() => 128 + 1,
                }
            });
            for p in live().iter() {
                let _ = std::fs::remove_file(p);
                remove_sidecars(p);
            }
            eprintln!("tavle: stopped by a signal; the unfinished copy was removed");
            std::process::exit(code);
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(owner_of(".tavle-backup-123-abc.db"), Owner::Pid(123));
        assert_eq!(owner_of(".tavle-import-9-x1Y2z3.db-journal"), Owner::Pid(9));
        assert_eq!(owner_of(".tavle-import-9-x1Y2z3.db-wal"), Owner::Pid(9));
        assert_eq!(owner_of(".tavle-backup-9-x1Y2z3.db-shm"), Owner::Pid(9));
        assert_eq!(owner_of(".tavle-backup-Ab3xYz.db"), Owner::Legacy);
        assert_eq!(owner_of(".tavle-backup-Ab3xYz.db-journal"), Owner::Legacy);
        for other in [
            "ward.db",
            "ward.db-wal",
            ".tavle-backup-.db",
            ".tavle-other-1-a.db",
            ".tavle-backup-1-a.txt",
            ".tavle-backup-x-y.db",
            "tavle-backup-1-a.db",
        ] {
            assert_eq!(owner_of(other), Owner::NotOurs, "{other}");
        }
    }

    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[test]
    fn sweeps_only_files_of_dead_processes() {
        let dir = tempfile::tempdir().unwrap();
        let dead = dead_pid();
        let mine = std::process::id();
        let stale: Vec<String> = ["", "-journal", "-wal", "-shm"]
            .iter()
            .map(|s| format!(".tavle-backup-{dead}-aaaaaa.db{s}"))
            .chain([format!(".tavle-import-{dead}-bbbbbb.db")])
            .collect();
        let kept = [
            format!(".tavle-backup-{mine}-cccccc.db"),
            format!(".tavle-import-{mine}-cccccc.db-journal"),
            ".tavle-backup-Ab3xYz.db".to_string(), // legacy, but fresh
            "ward.db".to_string(),
            "ward.db-wal".to_string(),
        ];
        for n in stale.iter().chain(kept.iter()) {
            std::fs::write(dir.path().join(n), "x").unwrap();
        }
        let mut removed = sweep_stale(dir.path());
        removed.sort();
        let mut want: Vec<PathBuf> = stale.iter().map(|n| dir.path().join(n)).collect();
        want.sort();
        assert_eq!(removed, want);
        for n in &kept {
            assert!(dir.path().join(n).exists(), "{n}");
        }
    }

    #[test]
    fn temp_db_is_owner_only_and_removed_with_its_sidecars() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let t = TempDb::create(dir.path(), "backup").unwrap();
        let p = t.path().to_path_buf();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        assert!(
            name.starts_with(&format!(".tavle-backup-{}-", std::process::id())),
            "{name}"
        );
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        {
            let c = rusqlite::Connection::open(&p).unwrap();
            c.execute_batch("BEGIN; CREATE TABLE t(x); INSERT INTO t VALUES (1);")
                .unwrap();
            let j = side_file(&p, "-journal");
            let mode = std::fs::metadata(&j).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "SQLite's journal inherits the file's mode");
            c.execute_batch("COMMIT").unwrap();
        }
        std::fs::write(side_file(&p, "-wal"), "x").unwrap();
        assert!(live().contains(&p));
        drop(t);
        assert!(!live().contains(&p));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
