//! Consistent copies of a live database with SQLite's online backup API.
//!
//! The copy is taken from one read snapshot (all pages in one step), so boards can keep
//! writing while it runs (WAL: readers never block the writer). It is written to a temporary
//! file beside the target, checked, switched to a single self-contained file
//! (`journal_mode=DELETE`) and only then renamed into place: a half-written backup never
//! carries the target's name. The temporary file is owner-only and named with this process's
//! id, so one left by a killed backup is removed by the next backup, import or editing board
//! (see [`super::tempdb`]).

use super::error::StoreError;
use super::open::open_read_only;
use super::tempdb::{TempDb, sweep_stale};
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
    // Copies left by a backup or import that was killed half-way go first.
    sweep_stale(&dir);
    let tmp = TempDb::create(&dir, "backup").map_err(|e| write_err(dest, e))?;
    let result = copy_into(&source, tmp.path());
    drop(source);
    // On an error `tmp` is dropped: the file and its sidecars are removed.
    let info = result?;
    tmp.persist(dest, force).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            BackupError::Exists(dest.into())
        } else {
            write_err(dest, e)
        }
    })?;
    let file = std::fs::File::open(dest).map_err(|e| write_err(dest, e))?;
    file.sync_all().map_err(|e| write_err(dest, e))?;
    Ok(info)
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

/// What a dated backup with rotation did.
#[derive(Debug)]
pub struct Rotated {
    /// Today's copy.
    pub file: PathBuf,
    pub info: BackupInfo,
    /// Older copies removed by the rules.
    pub removed: Vec<PathBuf>,
    /// Copies the rules would remove but that could not be (path, why).
    pub not_removed: Vec<(PathBuf, String)>,
}

/// Copy `src` to `dir/<ward>-<today>.db` (replacing today's copy: the day's last run wins),
/// then remove this ward's dated copies that `keep` does not keep (see [`super::rotation`]).
/// Nothing is removed unless the new copy was written and passed its integrity check.
pub fn backup_rotated(
    src: &Path,
    dir: &Path,
    today: jiff::civil::Date,
    keep: super::rotation::Keep,
) -> Result<Rotated, BackupError> {
    use super::rotation;
    use std::os::unix::fs::DirBuilderExt;
    // Health data: a new backup folder is its owner's only.
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| write_err(dir, e))?;
    let stem = rotation::ward_stem(src);
    let file = dir.join(rotation::dated_name(&stem, today));
    let info = backup(src, &file, true)?;
    let mut removed = Vec::new();
    let mut not_removed = Vec::new();
    let old = rotation::to_remove(dir, &stem, keep).map_err(|e| write_err(dir, e))?;
    for p in old {
        if p == file {
            continue;
        }
        match std::fs::remove_file(&p) {
            Ok(()) => removed.push(p),
            Err(e) => not_removed.push((p, e.to_string())),
        }
    }
    Ok(Rotated {
        file,
        info,
        removed,
        not_removed,
    })
}
