//! Store errors, worded for the person in front of the board.

use std::path::PathBuf;

/// Why the database could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} is not a database file; tavle will not touch it. Pass another --db path.")]
    NotADatabase(PathBuf),
    #[error("{0} is an SQLite database that does not belong to tavle; tavle will not touch it.")]
    NotTavle(PathBuf),
    #[error(
        "{path} was written by a newer version of tavle (schema {found}, this version knows up to {supported}). Upgrade tavle; the file was left untouched."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "{path} uses an older schema ({found}); open it once with the editing board to upgrade it. A read-only display cannot upgrade it."
    )]
    OlderSchemaReadOnly { path: PathBuf, found: i64 },
    #[error(
        "there is no database at {0}. Start the editing board once to create it (or run `tavle --demo`)."
    )]
    Missing(PathBuf),
    #[error(
        "a read-only display cannot open {path} ({reason}): SQLite's WAL needs this user to be able to create and write the -shm and -wal files beside it, so it needs write permission on that folder: {fix}. The display itself still never writes to the database."
    )]
    ReadOnlySetup {
        path: PathBuf,
        reason: String,
        fix: String,
    },
    #[error(
        "cannot edit {path}: this user may not write {blocked}, so no change could be saved; {fix}."
    )]
    EditorCannotWrite {
        path: PathBuf,
        blocked: PathBuf,
        fix: String,
    },
    #[error("cannot open {path}: {reason}")]
    CannotOpen { path: PathBuf, reason: String },
    #[error(
        "{0} is damaged (SQLite reports it malformed or cut short); tavle will not use it. Restore the latest backup (see the README, `tavle backup`) or pass another --db path."
    )]
    Corrupt(PathBuf),
    #[error(
        "cannot start: the disk holding {0} is full. Free some space on it and start tavle again; nothing was changed."
    )]
    DiskFullAtOpen(PathBuf),
    #[error(
        "the database file {0} was replaced, moved or deleted while this board had it open, or its -wal file vanished; nothing more is saved here. Quit and start tavle again."
    )]
    Replaced(PathBuf),
    #[error("the database is busy (another board is writing); gave up after waiting. Try again.")]
    Busy,
    #[error("the disk is full; nothing was saved. Free some space and try again.")]
    DiskFull,
    #[error("the database is read-only for this user; nothing was saved.")]
    ReadOnly,
    #[error("the database holds a value tavle cannot read: {0}")]
    BadData(String),
    #[error("database error: {0}")]
    Sqlite(String),
}

impl StoreError {
    /// Name the database file in a message that did not know it yet.
    pub fn at(self, path: &std::path::Path) -> Self {
        match self {
            StoreError::Corrupt(p) if p.as_os_str().is_empty() => StoreError::Corrupt(path.into()),
            other => other,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            match f.code {
                // The path is filled in by `at` where it is known.
                ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                    return StoreError::Corrupt(PathBuf::new());
                }
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => return StoreError::Busy,
                ErrorCode::DiskFull => return StoreError::DiskFull,
                ErrorCode::ReadOnly => return StoreError::ReadOnly,
                _ => {}
            }
        }
        if let rusqlite::Error::FromSqlConversionFailure(_, _, inner) = &e {
            return StoreError::BadData(inner.to_string());
        }
        StoreError::Sqlite(e.to_string())
    }
}
