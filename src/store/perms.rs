//! Who may write what, checked before SQLite is asked, so that a permission problem is one
//! line at start with the path and the fix, not a failed save in the middle of a meeting.
//!
//! SQLite opens a file it may not write *read-only without saying so*, and opens a `-shm` it
//! may not write in a read-only mode too; either way the editing board would start and every
//! save would fail. An editor must be able to write the database, its `-wal` and `-shm`
//! (when they exist: another user's kiosk may have created them) and the folder (where
//! SQLite creates them). `faccessat` answers for this process's effective user and groups
//! without opening anything (no descriptor on the database: see [`super::open`]).

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Whether this process may write `path` (false when it cannot be asked).
fn writable(path: &Path) -> bool {
    let Ok(c) = CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c` is a valid NUL-terminated path; faccessat only reads it.
    unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), libc::W_OK, libc::AT_EACCESS) == 0 }
}

/// The database's folder (`.` for a bare file name).
pub fn folder(db: &Path) -> PathBuf {
    db.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

/// The first path the editing board needs to write and this user cannot: the database, its
/// side files that exist, then its folder. `None` when all is writable (or does not exist
/// yet: creating is SQLite's to try and explain).
pub fn first_not_writable(db: &Path) -> Option<PathBuf> {
    let mut paths = vec![db.to_path_buf()];
    paths.extend(
        super::open::SIDE_SUFFIXES
            .iter()
            .map(|s| super::open::side_file(db, s)),
    );
    paths.push(folder(db));
    paths
        .into_iter()
        .find(|p| std::fs::symlink_metadata(p).is_ok() && !writable(p))
}

/// The name of group `gid`, or its number.
fn group_name(gid: u32) -> String {
    let mut buf = vec![0u8; 4096];
    let mut grp: libc::group = unsafe { std::mem::zeroed() };
    let mut out: *mut libc::group = std::ptr::null_mut();
    // SAFETY: every pointer is to a live, writable value of the right size.
    let rc =
        unsafe { libc::getgrgid_r(gid, &mut grp, buf.as_mut_ptr().cast(), buf.len(), &mut out) };
    if rc == 0 && !out.is_null() && !grp.gr_name.is_null() {
        // SAFETY: getgrgid_r set gr_name to a NUL-terminated string inside `buf`.
        let name = unsafe { std::ffi::CStr::from_ptr(grp.gr_name) };
        return name.to_string_lossy().into_owned();
    }
    gid.to_string()
}

/// The login name of this process's effective user, or its number.
fn user_name() -> String {
    // SAFETY: geteuid cannot fail.
    let uid = unsafe { libc::geteuid() };
    let mut buf = vec![0u8; 4096];
    let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
    let mut out: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: as in `group_name`.
    let rc =
        unsafe { libc::getpwuid_r(uid, &mut pw, buf.as_mut_ptr().cast(), buf.len(), &mut out) };
    if rc == 0 && !out.is_null() && !pw.pw_name.is_null() {
        // SAFETY: getpwuid_r set pw_name to a NUL-terminated string inside `buf`.
        let name = unsafe { std::ffi::CStr::from_ptr(pw.pw_name) };
        return name.to_string_lossy().into_owned();
    }
    uid.to_string()
}

/// What to do, with this machine's names: add this user to the folder's group and make the
/// folder and the files group-writable (the layout in the README, *Permissions*).
pub fn fix(db: &Path) -> String {
    let dir = folder(db);
    let group = std::fs::metadata(&dir)
        .map(|m| group_name(m.gid()))
        .unwrap_or_else(|_| "tavle".into());
    format!(
        "add the user to the folder's group (`usermod -aG {group} {user}`, then log in again) and make the folder and files group-writable (`chmod 2775 {dir}; chmod 0664 {db}*`); see Permissions in the README",
        user = user_name(),
        dir = dir.display(),
        db = db.display(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writable_new_database_passes() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(first_not_writable(&dir.path().join("ward.db")), None);
    }

    #[test]
    fn the_fix_names_this_machines_group_user_and_paths() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ward.db");
        let f = fix(&db);
        assert!(f.contains("usermod -aG "), "{f}");
        assert!(
            f.contains(&format!("chmod 2775 {}", dir.path().display())),
            "{f}"
        );
        assert!(f.contains(&format!("chmod 0664 {}*", db.display())), "{f}");
        assert!(!f.contains('\n'));
        assert_eq!(folder(Path::new("ward.db")), PathBuf::from("."));
    }
}
