//! Config chaos against the real binary in tmux: write in place, save by rename, delete, and
//! the whole folder replaced (as deploy tools do). The running board follows every valid
//! save, and says so when the file is gone or broken while it keeps the last good config.
//!
//! Needs tmux: without it the test says so and passes, unless `TAVLE_REQUIRE_TMUX=1`.

#[path = "common/tmux.rs"]
mod tmux;

use std::path::Path;
use tmux::{Tmux, tools_available};

const BIN: &str = env!("CARGO_BIN_EXE_tavle");

fn ward(dir: &Path, name: &str) {
    std::fs::write(
        dir.join("tavle.json"),
        format!(r#"{{"ward_name": "{name}"}}"#),
    )
    .unwrap();
}

#[test]
fn a_running_board_follows_every_kind_of_config_save_or_says_why_not() {
    if !tools_available("a_running_board_follows_every_kind_of_config_save") {
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let cfg_dir = root.path().join("config");
    std::fs::create_dir(&cfg_dir).unwrap();
    ward(&cfg_dir, "Sone Start");
    let db = root.path().join("ward.db");
    let board = Tmux::start(
        "cfg",
        (140, 30),
        &format!(
            "{BIN} --db '{}' --config '{}'",
            db.display(),
            cfg_dir.join("tavle.json").display()
        ),
    );
    board.wait_for("Sone Start");
    // Write in place.
    ward(&cfg_dir, "Sone Inplace");
    board.wait_for("Sone Inplace");
    // Save by rename, as most editors do.
    ward(root.path(), "Sone Renamed");
    std::fs::rename(root.path().join("tavle.json"), cfg_dir.join("tavle.json")).unwrap();
    board.wait_for("Sone Renamed");
    // A broken save keeps the last good config and says so.
    std::fs::write(cfg_dir.join("tavle.json"), "{\"ward_name\": ").unwrap();
    let s = board.wait_for("tavle.json:1:14");
    assert!(
        s.contains("Sone Renamed"),
        "the last good config stays:\n{s}"
    );
    // Deleted: the last good config stays, with a banner.
    std::fs::remove_file(cfg_dir.join("tavle.json")).unwrap();
    let s = board.wait_for("siste gyldige");
    assert!(s.contains("Sone Renamed"), "{s}");
    // The folder moved away and a new one put in its place.
    ward(&cfg_dir, "Sone Tilbake");
    board.wait_for("Sone Tilbake");
    std::fs::rename(&cfg_dir, root.path().join("config.old")).unwrap();
    std::fs::create_dir(&cfg_dir).unwrap();
    ward(&cfg_dir, "Sone Ny Mappe");
    let s = board.wait_for("Sone Ny Mappe");
    assert!(
        !s.contains("siste gyldige"),
        "the banner goes once a valid file is back:\n{s}"
    );
    // A write into the old, moved folder is not the board's config any more.
    ward(&root.path().join("config.old"), "Sone Gammel");
    // The folder deleted entirely, then re-created.
    std::fs::remove_dir_all(&cfg_dir).unwrap();
    board.wait_for("siste gyldige");
    std::fs::create_dir(&cfg_dir).unwrap();
    ward(&cfg_dir, "Sone Gjenskapt");
    let s = board.wait_for("Sone Gjenskapt");
    assert!(!s.contains("Sone Gammel"), "{s}");
}
