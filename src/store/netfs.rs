//! Is the database on a network filesystem?
//!
//! SQLite's WAL keeps its index in shared memory (`-shm`, mapped by every connection) and
//! relies on POSIX locks; both work only between processes of one host. On NFS, CIFS/SMB or
//! sshfs two hosts each see their own shared memory and locks that may silently not lock, so
//! commits can be lost or the file damaged (SQLite's "How To Corrupt An SQLite Database
//! File", 2.1 and "WAL mode": "WAL does not work over a network filesystem"). tavle still
//! opens such a file (a one-host NFS mount works until a second host opens it) but warns:
//! a banner on the board and one line on standard error for the commands.
//!
//! The filesystem is found in `/proc/self/mountinfo` by the longest mount point that holds
//! the database's folder; the parsing is a pure function, tested on sample text.

use std::path::{Path, PathBuf};

/// Filesystem types that live on another host, or that pass locks to one.
const NETWORK_TYPES: [&str; 15] = [
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "ceph",
    "glusterfs",
    "lustre",
    "gpfs",
    "beegfs",
    "fuse.sshfs",
    "fuse.glusterfs",
    "fuse.davfs2",
];

/// A network filesystem holding the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkFs {
    /// The filesystem type as the kernel names it (`nfs4`, `cifs`, `fuse.sshfs`).
    pub fs_type: String,
    /// Where it is mounted.
    pub mount_point: PathBuf,
}

impl NetworkFs {
    /// One line for standard error, with the path and what to do.
    pub fn warning(&self, db: &Path) -> String {
        format!(
            "warning: {} is on a network filesystem ({} at {}); SQLite's WAL needs one host's shared memory and locks, so changes can be lost or the file damaged. Move the database to a local disk (see the README, Install and deploy).",
            db.display(),
            self.fs_type,
            self.mount_point.display()
        )
    }
}

/// Whether `fs_type` (from mountinfo) is a network filesystem.
pub fn is_network_type(fs_type: &str) -> bool {
    NETWORK_TYPES.contains(&fs_type)
        || fs_type.starts_with("nfs")
        || fs_type.starts_with("fuse.sshfs")
}

/// Undo mountinfo's octal escapes (`\040` space, `\011` tab, `\012` newline, `\134` `\`).
fn unescape(field: &str) -> String {
    let b = field.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && i + 3 < b.len()
            && b[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c))
        {
            let v = (b[i + 1] - b'0') * 64 + (b[i + 2] - b'0') * 8 + (b[i + 3] - b'0');
            out.push(v);
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The mount (point, type) of every line of `mountinfo` text (`proc(5)`):
/// `id parent major:minor root MOUNT_POINT options [optional…] - TYPE source super-options`.
pub fn mounts(mountinfo: &str) -> Vec<(PathBuf, String)> {
    mountinfo
        .lines()
        .filter_map(|line| {
            let mut fields = line.split(' ');
            let point = fields.nth(4)?;
            let fs_type = fields.skip_while(|f| *f != "-").nth(1)?;
            Some((PathBuf::from(unescape(point)), fs_type.to_string()))
        })
        .collect()
}

/// The filesystem that holds `path` (absolute, symlinks resolved) according to `mountinfo`:
/// the longest mount point that is a whole-component prefix of it; the later line wins
/// between equal mount points (a mount over a mount).
pub fn fs_of(mountinfo: &str, path: &Path) -> Option<(PathBuf, String)> {
    let mut best: Option<(PathBuf, String)> = None;
    for (point, fs_type) in mounts(mountinfo) {
        if !path.starts_with(&point) {
            continue;
        }
        let longer = best
            .as_ref()
            .is_none_or(|(b, _)| point.components().count() >= b.components().count());
        if longer {
            best = Some((point, fs_type));
        }
    }
    best
}

/// The network filesystem holding `path` according to `mountinfo`, if it is on one.
pub fn network_fs_in(mountinfo: &str, path: &Path) -> Option<NetworkFs> {
    let (mount_point, fs_type) = fs_of(mountinfo, path)?;
    is_network_type(&fs_type).then_some(NetworkFs {
        fs_type,
        mount_point,
    })
}

/// The network filesystem holding the database at `db` (or the folder it would be created
/// in), if it is on one. Only `stat`/`readlink` touch the path: the file is never opened.
/// `TAVLE_MOUNTINFO` names another mountinfo file (tests of the real binary: no test machine
/// can mount NFS).
pub fn network_fs(db: &Path) -> Option<NetworkFs> {
    let source = std::env::var_os("TAVLE_MOUNTINFO")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/proc/self/mountinfo"));
    let text = std::fs::read_to_string(source).ok()?;
    network_fs_in(&text, &resolved(db))
}

/// `db`'s absolute path with symlinks resolved, through its nearest existing ancestor when
/// it (or its folder) does not exist yet.
fn resolved(db: &Path) -> PathBuf {
    let abs = if db.is_absolute() {
        db.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(db)
    };
    let mut rest = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(real) = std::fs::canonicalize(cur) {
            return rest.iter().rev().fold(real, |p: PathBuf, c| p.join(c));
        }
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                cur = parent;
            }
            _ => return abs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ward host: root on ext4, /srv/tavle local, an NFS share, a CIFS share with a space
    /// in its name, an sshfs mount, and a tmpfs mounted over part of the NFS share.
    const SAMPLE: &str = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
23 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:5 - proc proc rw
30 22 8:2 / /srv rw,relatime shared:9 - xfs /dev/sda2 rw
40 22 0:50 / /mnt/share rw,relatime shared:20 - nfs4 fileserver:/export/ward rw,vers=4.2
41 40 0:51 / /mnt/share/local rw,relatime - tmpfs tmpfs rw
50 22 0:60 / /mnt/kommune\\040data rw,relatime - cifs //kommune/data rw,vers=3.0
60 22 0:70 / /home/anne/remote rw,nosuid,nodev,relatime shared:30 - fuse.sshfs anne@host:/srv rw,user_id=1000
";

    #[test]
    fn parses_mount_points_and_types() {
        let m = mounts(SAMPLE);
        assert_eq!(m.len(), 7);
        assert_eq!(m[0], (PathBuf::from("/"), "ext4".to_string()));
        assert_eq!(
            m[4],
            (PathBuf::from("/mnt/share/local"), "tmpfs".to_string())
        );
        assert_eq!(
            m[5],
            (PathBuf::from("/mnt/kommune data"), "cifs".to_string())
        );
    }

    #[test]
    fn finds_the_longest_mount_point_that_holds_the_path() {
        let nfs = |p: &str| network_fs_in(SAMPLE, Path::new(p)).map(|n| n.fs_type);
        assert_eq!(nfs("/srv/tavle/ward.db"), None);
        assert_eq!(nfs("/var/lib/tavle/ward.db"), None);
        assert_eq!(nfs("/mnt/share/ward.db").as_deref(), Some("nfs4"));
        assert_eq!(nfs("/mnt/share/a/b/ward.db").as_deref(), Some("nfs4"));
        // A local mount inside the share is local.
        assert_eq!(nfs("/mnt/share/local/ward.db"), None);
        // Whole components only: /mnt/shared is not under /mnt/share.
        assert_eq!(nfs("/mnt/shared/ward.db"), None);
        assert_eq!(nfs("/mnt/kommune data/ward.db").as_deref(), Some("cifs"));
        assert_eq!(
            nfs("/home/anne/remote/ward.db").as_deref(),
            Some("fuse.sshfs")
        );
        let n = network_fs_in(SAMPLE, Path::new("/mnt/share/ward.db")).unwrap();
        assert_eq!(n.mount_point, PathBuf::from("/mnt/share"));
        let w = n.warning(Path::new("/mnt/share/ward.db"));
        assert_eq!(w.lines().count(), 1);
        assert!(w.contains("/mnt/share/ward.db") && w.contains("nfs4") && w.contains("local disk"));
    }

    #[test]
    fn a_later_mount_over_the_same_point_wins() {
        let text = "\
1 0 8:1 / / rw - ext4 /dev/sda1 rw
2 1 0:9 / /data rw - ext4 /dev/sdb1 rw
3 2 0:10 / /data rw - nfs server:/x rw
";
        assert!(network_fs_in(text, Path::new("/data/ward.db")).is_some());
    }

    #[test]
    fn odd_lines_are_ignored() {
        assert!(mounts("").is_empty());
        assert!(mounts("garbage\n1 2 3\n").is_empty());
        assert_eq!(unescape("a\\040b\\134c\\04"), "a b\\c\\04");
    }

    #[test]
    fn type_names() {
        for t in ["nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "ceph"] {
            assert!(is_network_type(t), "{t}");
        }
        for t in [
            "ext4",
            "xfs",
            "btrfs",
            "tmpfs",
            "overlay",
            "zfs",
            "fuse.gvfsd-fuse",
        ] {
            assert!(!is_network_type(t), "{t}");
        }
    }

    #[test]
    fn this_machines_temp_folder_is_resolved_and_looked_up() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("not/yet/ward.db");
        let r = resolved(&db);
        assert!(r.is_absolute() && r.ends_with("not/yet/ward.db"), "{r:?}");
        // Whatever the machine, a lookup does not create anything.
        let _ = network_fs(&db);
        assert!(!dir.path().join("not").exists());
    }
}
