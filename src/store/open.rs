//! Opening the database. Every refusal happens before anything is written to the file, and
//! leaves its folder exactly as it was.
//!
//! The database file is never opened outside SQLite: POSIX advisory locks belong to the
//! process, and closing *any* descriptor of the file drops every lock the process holds on it
//! (SQLite's "How To Corrupt An SQLite Database File", 2.2). A header sniff with `std::fs`
//! while another connection of this process is open lets an outside `sqlite3` believe it is
//! the last user: it checkpoints and unlinks the `-wal`/`-shm` under the running boards.
//! So existence is checked with `stat` (no descriptor) and the content is asked of SQLite.

use super::error::StoreError;
use super::migrations::{LATEST_VERSION, migrate};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `PRAGMA application_id` of a tavle database ("tavl").
pub const APPLICATION_ID: i64 = 0x7461_766c;

/// How long a write waits for another board's lock before giving up. Writes run off the UI
/// thread, so the board keeps answering while it waits.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

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

/// `path` with `suffix` appended (`-wal`, `-shm`, `-journal`).
pub fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// SQLite's side files of a database `x.db`: `x.db-journal`, `x.db-wal`, `x.db-shm`.
pub const SIDE_SUFFIXES: [&str; 3] = ["-journal", "-wal", "-shm"];

/// Remembers which side files (and the database itself) existed before an open, so that a
/// refusal can remove exactly what the attempt created and nothing else.
struct Untouched {
    paths: Vec<PathBuf>,
}

impl Untouched {
    fn before(path: &Path) -> Self {
        let mut paths: Vec<PathBuf> = SIDE_SUFFIXES.iter().map(|s| side_file(path, s)).collect();
        paths.push(path.to_path_buf());
        // `symlink_metadata` is a stat: no descriptor on the file is opened or closed.
        paths.retain(|p| std::fs::symlink_metadata(p).is_err());
        Self { paths }
    }

    /// Close `conn` and remove what this open created. Only called on refusal, when no other
    /// connection of this process has the file open.
    fn undo(self, conn: Option<Connection>) {
        if let Some(c) = conn {
            let _ = c.close();
        }
        for p in self.paths {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Free bytes on the file system holding `path` (its folder when it does not exist yet).
fn free_bytes(path: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let dir = if std::fs::metadata(path).is_ok() {
        path
    } else {
        path.parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    };
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a valid NUL-terminated path and `st` a writable statvfs.
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
        return None;
    }
    Some(st.f_bavail as u64 * st.f_frsize as u64)
}

/// Word an SQLite error met while opening or first reading `path` for the person at the board.
pub fn explain(path: &Path, e: rusqlite::Error, read_only: bool) -> StoreError {
    use rusqlite::ErrorCode as C;
    let reason = e.to_string();
    match e.sqlite_error_code() {
        Some(C::DatabaseCorrupt) => StoreError::Corrupt(path.into()),
        Some(C::NotADatabase) => StoreError::NotADatabase(path.into()),
        Some(C::DiskFull) => StoreError::DiskFullAtOpen(path.into()),
        Some(C::SystemIoFailure | C::CannotOpen)
            if free_bytes(path).is_some_and(|b| b < 1 << 20) =>
        {
            StoreError::DiskFullAtOpen(path.into())
        }
        Some(C::CannotOpen | C::ReadOnly | C::PermissionDenied) if read_only => {
            StoreError::ReadOnlySetup {
                path: path.into(),
                reason,
                fix: super::perms::fix(path),
            }
        }
        Some(C::ReadOnly | C::PermissionDenied) => StoreError::EditorCannotWrite {
            path: path.into(),
            blocked: path.into(),
            fix: super::perms::fix(path),
        },
        Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::CannotOpen {
            path: path.into(),
            reason: "another program kept the database locked for too long".into(),
        },
        _ => StoreError::CannotOpen {
            path: path.into(),
            reason,
        },
    }
}

/// Application id, schema version and whether the file has any tables.
fn identify(conn: &Connection) -> rusqlite::Result<(i64, i64, bool)> {
    let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
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

/// A file cut short (a truncated copy, a full disk during a copy) is refused at start, with
/// its path, instead of failing later in the middle of the morning. With no WAL content the
/// main file must hold every page the header counts; the check costs two `stat`s, where
/// `PRAGMA quick_check` would read the whole file (~55 ms for 30 MB). Damage deeper inside
/// is reported with the path when a read meets it (see [`StoreError::at`]).
fn check_pages(conn: &Connection, path: &Path) -> rusqlite::Result<Option<String>> {
    let wal = std::fs::metadata(side_file(path, "-wal")).map_or(0, |m| m.len());
    if wal > 0 {
        return Ok(None);
    }
    let Ok(len) = std::fs::metadata(path).map(|m| m.len()) else {
        return Ok(None);
    };
    let pages: i64 = conn.pragma_query_value(None, "page_count", |r| r.get(0))?;
    let size: i64 = conn.pragma_query_value(None, "page_size", |r| r.get(0))?;
    Ok((pages.max(0) as u64 * size.max(0) as u64 > len)
        .then(|| format!("{len} bytes, header counts {pages} pages")))
}

/// Open (creating if needed) the database for the editing board and upgrade its schema.
pub fn open_read_write(path: &Path) -> Result<Connection, StoreError> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(StoreError::NotADatabase(path.into()));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::CannotOpen {
            path: path.into(),
            reason: e.to_string(),
        })?;
    }
    // SQLite would open a file it may not write read-only without a word, and every save
    // would then fail: say it now, with the path and the fix.
    if let Some(blocked) = super::perms::first_not_writable(path) {
        return Err(StoreError::EditorCannotWrite {
            path: path.into(),
            blocked,
            fix: super::perms::fix(path),
        });
    }
    let untouched = Untouched::before(path);
    let conn = match Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        Ok(c) => c,
        Err(e) => {
            untouched.undo(None);
            return Err(explain(path, e, false));
        }
    };
    let mut conn = conn;
    match set_up_read_write(path, &mut conn) {
        Ok(()) => Ok(conn),
        Err(e) => {
            untouched.undo(Some(conn));
            Err(e)
        }
    }
}

fn set_up_read_write(path: &Path, conn: &mut Connection) -> Result<(), StoreError> {
    let ex = |e: rusqlite::Error| explain(path, e, false);
    conn.busy_timeout(BUSY_TIMEOUT).map_err(ex)?;
    let (app, version, has_tables) = identify(conn).map_err(ex)?;
    check_identity(path, app, version, has_tables)?;
    // Only now, with the file known to be ours (or new), may anything be written.
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(ex)?;
    conn.pragma_update(None, "foreign_keys", "ON").map_err(ex)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(ex)?;
    if check_pages(conn, path).map_err(ex)?.is_some() {
        return Err(StoreError::Corrupt(path.into()));
    }
    if version < LATEST_VERSION {
        migrate(conn, version, APPLICATION_ID).map_err(ex)?;
    }
    Ok(())
}

/// Open the database strictly read-only (SQLite's read-only flag plus `query_only`), so that
/// no code path of a kiosk can write.
pub fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => {}
        Ok(_) => return Err(StoreError::NotADatabase(path.into())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::Missing(path.into()));
        }
        Err(e) => {
            return Err(StoreError::CannotOpen {
                path: path.into(),
                reason: e.to_string(),
            });
        }
    }
    let untouched = Untouched::before(path);
    let conn = match Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        Ok(c) => c,
        Err(e) => {
            untouched.undo(None);
            return Err(explain(path, e, true));
        }
    };
    match set_up_read_only(path, &conn) {
        Ok(()) => Ok(conn),
        Err(e) => {
            untouched.undo(Some(conn));
            Err(e)
        }
    }
}

fn set_up_read_only(path: &Path, conn: &Connection) -> Result<(), StoreError> {
    let ex = |e: rusqlite::Error| explain(path, e, true);
    conn.busy_timeout(BUSY_TIMEOUT).map_err(ex)?;
    let (app, version, has_tables) = identify(conn).map_err(ex)?;
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
    if check_pages(conn, path).map_err(ex)?.is_some() {
        return Err(StoreError::Corrupt(path.into()));
    }
    conn.pragma_update(None, "query_only", "ON").map_err(ex)?;
    Ok(())
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

    fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    }

    /// A WAL-mode file as another program (or a newer tavle) leaves it: no side files.
    fn wal_file(p: &Path, sql: &str) {
        let c = Connection::open(p).unwrap();
        c.pragma_update(None, "journal_mode", "WAL").unwrap();
        c.execute_batch(sql).unwrap();
        c.close().unwrap();
        assert!(!side_file(p, "-wal").exists());
    }

    #[test]
    fn refusals_leave_the_folder_exactly_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let foreign = dir.path().join("foreign.db");
        wal_file(&foreign, "CREATE TABLE recipes (x TEXT);");
        let newer = dir.path().join("newer.db");
        drop(open_read_write(&newer).unwrap());
        wal_file(
            &newer,
            &format!("PRAGMA user_version = {};", LATEST_VERSION + 1),
        );
        let before = listing(dir.path());
        for p in [&foreign, &newer] {
            assert!(open_read_only(p).is_err());
            assert!(open_read_write(p).is_err());
            assert_eq!(
                listing(dir.path()),
                before,
                "after refusing {}",
                p.display()
            );
        }
    }

    #[test]
    fn a_truncated_database_is_refused_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("cut.db");
        {
            let c = open_read_write(&p).unwrap();
            c.execute_batch(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 3000)
                 INSERT INTO audit_log (at, user, field, old_value, new_value)
                 SELECT i, 'x', 'name', hex(randomblob(40)), hex(randomblob(40)) FROM n;",
            )
            .unwrap();
            c.pragma_update(None, "journal_mode", "DELETE").unwrap();
        }
        let len = std::fs::metadata(&p).unwrap().len();
        let f = std::fs::OpenOptions::new().write(true).open(&p).unwrap();
        f.set_len(len / 2).unwrap();
        drop(f);
        let before = listing(dir.path());
        for ro in [true, false] {
            let err = if ro {
                open_read_only(&p).unwrap_err()
            } else {
                open_read_write(&p).unwrap_err()
            };
            assert!(matches!(err, StoreError::Corrupt(_)), "{err}");
            assert!(err.to_string().contains(&p.display().to_string()), "{err}");
            assert_eq!(listing(dir.path()), before);
        }
    }
}
