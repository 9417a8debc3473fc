//! Is the file at the board's path still the database it opened, and who holds its lock?
//! Both are answered with `stat` and `/proc` only: opening the database file outside SQLite
//! would drop this process's locks on it (see `open`).

use super::open::side_file;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// The database file as it was when the board opened it.
#[derive(Debug, Clone)]
pub struct FileIdentity {
    path: PathBuf,
    dev: u64,
    ino: u64,
    /// Whether `-wal` existed when recorded: while this process keeps a connection open,
    /// SQLite never removes it, so its disappearance means someone else did.
    had_wal: bool,
}

impl FileIdentity {
    /// Record the file now at `path` (call after opening it).
    pub fn of(path: &Path) -> Option<Self> {
        let m = std::fs::metadata(path).ok()?;
        Some(Self {
            path: path.to_path_buf(),
            dev: m.dev(),
            ino: m.ino(),
            had_wal: side_file(path, "-wal").exists(),
        })
    }

    /// The path the board was started with.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True while the path still names the same file and its `-wal` is still there.
    pub fn still_same(&self) -> bool {
        let same = std::fs::metadata(&self.path)
            .map(|m| m.dev() == self.dev && m.ino() == self.ino)
            .unwrap_or(false);
        same && (!self.had_wal || side_file(&self.path, "-wal").exists())
    }
}

/// The process holding the write lock of the WAL database at `db`, as `name (pid N)`, when
/// Linux's `/proc/locks` can tell. SQLite's WAL write lock is a POSIX lock on byte 120 of
/// the `-shm` file; a rollback-journal writer locks the database file itself.
pub fn lock_holder(db: &Path) -> Option<String> {
    let locks = std::fs::read_to_string("/proc/locks").ok()?;
    let inode = |p: &Path| std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()));
    let shm = inode(&side_file(db, "-shm"));
    let main = inode(db);
    let me = std::process::id();
    for line in locks.lines() {
        // "1: POSIX  ADVISORY  WRITE 7603 fe:00:10010955 120 120"
        let f: Vec<&str> = line.split_whitespace().collect();
        let (Some(kind), Some(pid), Some(id), Some(start)) =
            (f.get(1), f.get(4), f.get(5), f.get(6))
        else {
            continue;
        };
        if *kind != "POSIX" || f.get(3) != Some(&"WRITE") {
            continue;
        }
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid == me {
            continue;
        }
        let Some(ino) = id.rsplit(':').next().and_then(|i| i.parse::<u64>().ok()) else {
            continue;
        };
        let on_shm = shm.is_some_and(|(_, i)| i == ino) && *start == "120";
        let on_main = main.is_some_and(|(_, i)| i == ino);
        if on_shm || on_main {
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .map(|s| s.trim().to_string())
                .unwrap_or_else(|_| "?".into());
            return Some(format!("{name} (pid {pid})"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_a_replaced_or_deleted_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.db");
        let c = crate::store::open_read_write(&p).unwrap();
        let n: i64 = c
            .query_row("SELECT count(*) FROM stays", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
        let id = FileIdentity::of(&p).unwrap();
        assert!(id.still_same());
        std::fs::rename(&p, dir.path().join("moved.db")).unwrap();
        assert!(!id.still_same());
        std::fs::write(&p, b"").unwrap();
        assert!(
            !id.still_same(),
            "a new file at the same path is not the same file"
        );
    }

    #[test]
    fn notices_a_vanished_wal() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.db");
        let _c = crate::store::open_read_write(&p).unwrap();
        let id = FileIdentity::of(&p).unwrap();
        assert!(id.had_wal);
        std::fs::remove_file(side_file(&p, "-wal")).unwrap();
        assert!(!id.still_same());
    }
}
