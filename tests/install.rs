//! What a ward sees of the installation: `tavle --help` shows the ward's commands and hides
//! the developer's (which still run), completions and the man page are generated, and a
//! database on a network filesystem is warned about (one stderr line for the commands, a
//! banner on the board).

mod common;
#[path = "common/tmux.rs"]
mod tmux;

use std::path::Path;
use std::process::Command;
use tavle::app::Mode;
use tavle::config::{Config, Language};

const BIN: &str = env!("CARGO_BIN_EXE_tavle");

fn run(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .env("HOME", "/nonexistent")
        .env_remove("TAVLE_DB")
        .output()
        .unwrap()
}

#[test]
fn help_shows_what_a_ward_uses_and_hides_developer_tools() {
    let out = run(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for cmd in [
        "kiosk",
        "demo",
        "backup",
        "report",
        "export",
        "import",
        "check-config",
    ] {
        assert!(
            help.contains(&format!("  {cmd} ")),
            "{cmd} missing:\n{help}"
        );
    }
    for hidden in ["bench-live", "headless", "completions", "man "] {
        assert!(!help.contains(hidden), "{hidden} shown:\n{help}");
    }
    // Hidden, not removed.
    let out = run(&["bench-live", "--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--boards"));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("tavle") && text.contains("kiosk"), "{shell}");
    }
    let out = run(&["man"]);
    assert!(out.status.success());
    let man = String::from_utf8_lossy(&out.stdout);
    assert!(man.contains(".TH tavle 1"), "{man}");
    assert!(man.contains("\\-\\-db"), "{man}");
    assert!(!run(&["completions", "tcsh"]).status.success());
}

/// A mountinfo file that puts `dir` on NFS (`TAVLE_MOUNTINFO` stands in for
/// /proc/self/mountinfo: no test machine can mount NFS).
fn nfs_mountinfo(dir: &Path) -> std::path::PathBuf {
    let real = std::fs::canonicalize(dir).unwrap();
    let mi = dir.join("mountinfo");
    std::fs::write(
        &mi,
        format!(
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n\
             40 22 0:50 / {} rw,relatime - nfs4 fileserver:/export/ward rw,vers=4.2\n",
            real.display()
        ),
    )
    .unwrap();
    mi
}

#[test]
fn commands_warn_in_one_line_when_the_database_is_on_nfs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    drop(tavle::store::open_read_write(&db).unwrap());
    let mi = nfs_mountinfo(dir.path());
    let db_arg = db.display().to_string();
    let out = Command::new(BIN)
        .args(["--db", &db_arg, "export"])
        .env("TAVLE_MOUNTINFO", &mi)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "a warning, not a refusal: {err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("network filesystem") && err.contains("nfs4") && err.contains(&db_arg),
        "{err}"
    );
    // On a local disk: nothing.
    let out = Command::new(BIN)
        .args(["--db", &db_arg, "export"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_board_shows_a_network_filesystem_banner_at_both_sizes() {
    for lang in [Language::Nb, Language::En] {
        for size in [(80, 24), (200, 50)] {
            let cfg = Config {
                language: lang,
                ..Config::default()
            };
            let mut app = common::app(
                Mode::Kiosk,
                cfg,
                vec![common::stay(1, "Kari Nordmann", 3)],
                size,
            );
            app.network_fs = Some(tavle::store::NetworkFs {
                fs_type: "nfs4".into(),
                mount_point: "/mnt/share".into(),
            });
            let buf = common::render(&app);
            let lines = common::lines(&buf);
            let banner = &lines[1];
            let word = if lang == Language::Nb {
                "nettverks"
            } else {
                "network filesystem"
            };
            assert!(
                banner.contains(word) && banner.contains("nfs4"),
                "{size:?}: {banner}"
            );
            // The full sentence where it fits, never cut off.
            if size.0 == 200 {
                assert!(banner.contains("/mnt/share"), "{banner}");
            }
            assert!(
                banner.trim_end().ends_with("disk") || banner.trim_end().ends_with("disk."),
                "{banner}"
            );
            // The board is still there.
            assert!(
                common::screen(&buf).contains("KN"),
                "{}",
                common::screen(&buf)
            );
        }
    }
}

#[test]
fn a_kiosk_on_nfs_shows_the_banner_in_a_real_terminal() {
    if !tmux::tools_available("a_kiosk_on_nfs_shows_the_banner_in_a_real_terminal") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    drop(tavle::store::open_read_write(&db).unwrap());
    let mi = nfs_mountinfo(dir.path());
    let t = tmux::Tmux::start(
        "nfs",
        (100, 30),
        &format!(
            "cd {} && TAVLE_MOUNTINFO={} {BIN} kiosk --db {}",
            dir.path().display(),
            mi.display(),
            db.display()
        ),
    );
    let s = t.wait_for("nettverksdisk");
    assert!(s.contains("nfs4"), "{s}");
}
