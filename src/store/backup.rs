//! Consistent copies of a live database with SQLite's online backup API.
//!
//! The copy is taken from one read snapshot (all pages in one step), so boards can keep
//! writing while it runs (WAL: readers never block the writer). It is written to a temporary
//! file beside the target, checked, switched to a single self-contained file
//! (`journal_mode=DELETE`) and only then renamed into place: a half-written backup never
//! carries the target's name.

use super::error::StoreError;
use super::open::open_read_only;
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Why a backup was not made.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists; pass --force to overwrite it")]
    Exists(PathBuf),
    #[error("cannot write the backup {path}: {reason}")]
    Write { path: PathBuf, reason: String },
    #[error("the copy failed its integrity check ({0}); no backup was written")]
    Corrupt(String),
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// What was copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub pages: i64,
    pub stays: i64,
}

fn write_err(path: &Path, e: impl ToString) -> BackupError {
    BackupError::Write {
        path: path.into(),
        reason: e.to_string(),
    }
}

/// Copy the database at `src` to `dest`. Refuses an existing `dest` unless `force`.
pub fn backup(src: &Path, dest: &Path, force: bool) -> Result<BackupInfo, BackupError> {
    if dest.exists() && !force {
        return Err(BackupError::Exists(dest.into()));
    }
    let source = open_read_only(src)?;
    let dir = match dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d.to_path_buf(),
        None => PathBuf::from("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".tavle-backup-")
        .suffix(".db")
        .tempfile_in(&dir)
        .map_err(|e| write_err(dest, e))?;
    let tmp_path = tmp.path().to_path_buf();
    let result = copy_into(&source, &tmp_path);
    drop(source);
    let info = match result {
        Ok(info) => info,
        Err(e) => {
            remove_sidecars(&tmp_path);
            return Err(e);
        }
    };
    let file = if force {
        tmp.persist(dest).map_err(|e| write_err(dest, e.error))?
    } else {
        tmp.persist_noclobber(dest).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                BackupError::Exists(dest.into())
            } else {
                write_err(dest, e.error)
            }
        })?
    };
    file.sync_all().map_err(|e| write_err(dest, e))?;
    Ok(info)
}

fn remove_sidecars(p: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut s = p.as_os_str().to_owned();
        s.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(s));
    }
}

fn copy_into(source: &Connection, tmp: &Path) -> Result<BackupInfo, BackupError> {
    let mut dst = Connection::open(tmp).map_err(|e| write_err(tmp, e))?;
    {
        let b = Backup::new(source, &mut dst).map_err(StoreError::from)?;
        let mut waits = 0;
        loop {
            // -1: every page in one step, from one snapshot of the source.
            match b.step(-1).map_err(StoreError::from)? {
                StepResult::Done => break,
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked => {
                    waits += 1;
                    if waits > 100 {
                        return Err(StoreError::Busy.into());
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                _ => {}
            }
        }
    }
    let check: String = dst
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(StoreError::from)?;
    if check != "ok" {
        return Err(BackupError::Corrupt(check));
    }
    // One self-contained file: no -wal needed to read the backup.
    dst.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))
        .map_err(StoreError::from)?;
    let pages: i64 = dst
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .map_err(StoreError::from)?;
    let stays: i64 = dst
        .query_row("SELECT count(*) FROM stays", [], |r| r.get(0))
        .map_err(StoreError::from)?;
    dst.close().map_err(|(_, e)| StoreError::from(e))?;
    Ok(BackupInfo { pages, stays })
}
