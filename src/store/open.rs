//! Opening the database. Every refusal happens before anything is written to the file.

use super::error::StoreError;
use super::migrations::{LATEST_VERSION, migrate};
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `PRAGMA application_id` of a tavle database ("tavl").
pub const APPLICATION_ID: i64 = 0x7461_766c;

/// How long a write waits for another board's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Where the database lives when `--db` is not given: `$TAVLE_DB`, else
/// `$XDG_DATA_HOME/tavle/tavle.db`, else `~/.local/share/tavle/tavle.db`.
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("TAVLE_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    data_dir().join("tavle.db")
}

/// The per-user data folder for tavle.
pub fn data_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("XDG_DATA_HOME").filter(|p| !p.is_empty()) {
        return PathBuf::from(p).join("tavle");
    }
    match std::env::var_os("HOME").filter(|p| !p.is_empty()) {
        Some(h) => PathBuf::from(h).join(".local/share/tavle"),
        None => PathBuf::from(".tavle"),
    }
}

/// Refuse a non-empty file that does not start with the SQLite header.
fn check_header(path: &Path) -> Result<bool, StoreError> {
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => {
            return Err(StoreError::CannotOpen {
                path: path.into(),
                reason: e.to_string(),
            });
        }
    };
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) => {
                return Err(StoreError::CannotOpen {
                    path: path.into(),
                    reason: e.to_string(),
                });
            }
        }
    }
    if n == 0 {
        return Ok(true);
    }
    if &head[..n] != b"SQLite format 3\0" {
        return Err(StoreError::NotADatabase(path.into()));
    }
    Ok(true)
}

/// Application id, schema version and whether the file has any tables.
fn identify(conn: &Connection, path: &Path) -> Result<(i64, i64, bool), StoreError> {
    let map = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase(path.into()),
        _ => StoreError::from(e),
    };
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(map)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(map)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(map)?;
    Ok((app, version, tables > 0))
}

fn check_identity(path: &Path, app: i64, version: i64, has_tables: bool) -> Result<(), StoreError> {
    if app != APPLICATION_ID && (app != 0 || has_tables) {
        return Err(StoreError::NotTavle(path.into()));
    }
    if version > LATEST_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.into(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    Ok(())
}

/// Open (creating if needed) the database for the editing board and upgrade its schema.
pub fn open_read_write(path: &Path) -> Result<Connection, StoreError> {
    check_header(path)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::CannotOpen {
            path: path.into(),
            reason: e.to_string(),
        })?;
    }
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::CannotOpen {
        path: path.into(),
        reason: e.to_string(),
    })?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let (app, version, has_tables) = identify(&conn, path)?;
    check_identity(path, app, version, has_tables)?;
    // Only now, with the file known to be ours (or new), may anything be written.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    if version < LATEST_VERSION {
        migrate(&mut conn, version, APPLICATION_ID)?;
    }
    Ok(conn)
}

/// Open the database strictly read-only (SQLite's read-only flag plus `query_only`), so that
/// no code path of a kiosk can write.
pub fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    if !check_header(path)? {
        return Err(StoreError::Missing(path.into()));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::ReadOnlySetup {
        path: path.into(),
        reason: e.to_string(),
    })?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let (app, version, has_tables) = identify(&conn, path).map_err(|e| match e {
        StoreError::Sqlite(reason) | StoreError::CannotOpen { reason, .. } => {
            StoreError::ReadOnlySetup {
                path: path.into(),
                reason,
            }
        }
        other => other,
    })?;
    if !has_tables && app == 0 {
        return Err(StoreError::Missing(path.into()));
    }
    check_identity(path, app, version, has_tables)?;
    if version < LATEST_VERSION {
        return Err(StoreError::OlderSchemaReadOnly {
            path: path.into(),
            found: version,
        });
    }
    conn.pragma_update(None, "query_only", "ON")?;
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_and_reopens_at_latest_version() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/t.db");
        drop(open_read_write(&p).unwrap());
        let c = open_read_write(&p).unwrap();
        let v: i64 = c
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, LATEST_VERSION);
        let mode: String = c
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = c
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
    }

    #[test]
    fn refuses_newer_schema_and_leaves_it_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.db");
        drop(open_read_write(&p).unwrap());
        {
            let c = Connection::open(&p).unwrap();
            c.pragma_update(None, "user_version", LATEST_VERSION + 1)
                .unwrap();
            c.pragma_update(None, "journal_mode", "DELETE").unwrap();
        }
        let before = std::fs::read(&p).unwrap();
        let err = open_read_write(&p).unwrap_err();
        assert!(matches!(err, StoreError::NewerSchema { .. }), "{err}");
        assert!(err.to_string().contains("newer version"));
        assert!(matches!(
            open_read_only(&p).unwrap_err(),
            StoreError::NewerSchema { .. }
        ));
        assert_eq!(std::fs::read(&p).unwrap(), before);
    }

    #[test]
    fn refuses_a_file_that_is_not_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("notes.txt");
        std::fs::write(&p, "Handleliste: melk, brød\n").unwrap();
        let err = open_read_write(&p).unwrap_err();
        assert!(matches!(err, StoreError::NotADatabase(_)), "{err}");
        assert!(matches!(
            open_read_only(&p).unwrap_err(),
            StoreError::NotADatabase(_)
        ));
        assert_eq!(
            std::fs::read_to_string(&p).unwrap(),
            "Handleliste: melk, brød\n"
        );
    }

    #[test]
    fn refuses_someone_elses_sqlite_database() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("other.db");
        {
            let c = Connection::open(&p).unwrap();
            c.execute_batch(
                "CREATE TABLE recipes (x TEXT); INSERT INTO recipes VALUES ('lapskaus');",
            )
            .unwrap();
        }
        let before = std::fs::read(&p).unwrap();
        assert!(matches!(
            open_read_write(&p).unwrap_err(),
            StoreError::NotTavle(_)
        ));
        assert!(matches!(
            open_read_only(&p).unwrap_err(),
            StoreError::NotTavle(_)
        ));
        assert_eq!(std::fs::read(&p).unwrap(), before);
    }

    #[test]
    fn read_only_connection_cannot_write() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.db");
        drop(open_read_write(&p).unwrap());
        let ro = open_read_only(&p).unwrap();
        let err = ro
            .execute(
                "INSERT INTO audit_log (at, user, field) VALUES (1, 'x', 'y')",
                [],
            )
            .unwrap_err();
        assert!(matches!(
            StoreError::from(err),
            StoreError::ReadOnly | StoreError::Sqlite(_)
        ));
        let n: i64 = ro
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn read_only_refuses_a_missing_file_without_creating_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("none.db");
        assert!(matches!(
            open_read_only(&p).unwrap_err(),
            StoreError::Missing(_)
        ));
        assert!(!p.exists());
    }
}
