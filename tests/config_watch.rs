//! The config watcher against real file operations in a temporary folder, with the real
//! `watch` function: write-in-place, rename-save, a deleted file, a folder replaced, moved
//! away or deleted and re-created. Every wait is on the watcher's channel with a generous
//! timeout; nothing asserts on timing.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};
use tavle::config::watch::{self, ConfigWatcher, Reloaded};

const TIMEOUT: Duration = Duration::from_secs(10);

/// A config file `<tmp>/config/tavle.json` (ward "Sone 0") under a running watcher.
struct Watched {
    _tmp: tempfile::TempDir,
    folder: PathBuf,
    path: PathBuf,
    rx: Receiver<Reloaded>,
    _w: ConfigWatcher,
}

fn start() -> Watched {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("config");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("tavle.json");
    write(&path, "Sone 0");
    let (tx, rx) = mpsc::channel();
    let w = watch::watch(&path, move |r| {
        let _ = tx.send(r);
    })
    .unwrap();
    Watched {
        _tmp: tmp,
        folder,
        path,
        rx,
        _w: w,
    }
}

fn write(path: &Path, ward: &str) {
    std::fs::write(path, format!("{{\"ward_name\": \"{ward}\"}}\n")).unwrap();
}

fn loaded_name(r: &Reloaded) -> Option<&str> {
    match r {
        Reloaded::Loaded(c) => Some(&c.ward_name),
        _ => None,
    }
}

fn is_missing(r: &Reloaded, path: &Path) -> bool {
    matches!(r, Reloaded::Missing(p) if p == path)
}

/// Receive reports until one satisfies `f`; returns everything received before it.
fn wait_for(rx: &Receiver<Reloaded>, what: &str, f: impl Fn(&Reloaded) -> bool) -> Vec<Reloaded> {
    let deadline = Instant::now() + TIMEOUT;
    let mut before = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(r) if f(&r) => return before,
            Ok(r) => before.push(r),
            Err(_) => panic!("no report of {what} within {TIMEOUT:?}; got {before:?}"),
        }
    }
}

fn wait_loaded(rx: &Receiver<Reloaded>, ward: &str) -> Vec<Reloaded> {
    wait_for(rx, &format!("a loaded config named {ward:?}"), |r| {
        loaded_name(r) == Some(ward)
    })
}

#[test]
fn write_in_place_is_loaded() {
    let w = start();
    write(&w.path, "Sone 1");
    wait_loaded(&w.rx, "Sone 1");
    // Same size, new content: still seen.
    write(&w.path, "Sone 2");
    wait_loaded(&w.rx, "Sone 2");
}

#[test]
fn rename_save_is_loaded_every_time() {
    let w = start();
    for n in 1..=3 {
        let tmp = w.folder.join(".tavle.json.tmp");
        write(&tmp, &format!("Sone {n}"));
        std::fs::rename(&tmp, &w.path).unwrap();
        wait_loaded(&w.rx, &format!("Sone {n}"));
    }
}

#[test]
fn deleted_file_is_reported_missing_then_loaded_when_it_returns() {
    let w = start();
    std::fs::remove_file(&w.path).unwrap();
    wait_for(&w.rx, "the file missing", |r| is_missing(r, &w.path));
    write(&w.path, "Sone 1");
    wait_loaded(&w.rx, "Sone 1");
    // A broken file is reported as an error (the board keeps its config and shows it).
    std::fs::write(&w.path, "{ \"ward_name\": ").unwrap();
    wait_for(&w.rx, "a config error", |r| matches!(r, Reloaded::Error(_)));
}

#[test]
fn folder_replaced_new_file_is_loaded_and_followed() {
    let w = start();
    let old = w.folder.with_file_name("config.old");
    std::fs::rename(&w.folder, &old).unwrap();
    std::fs::create_dir(&w.folder).unwrap();
    write(&w.path, "Sone 1");
    wait_loaded(&w.rx, "Sone 1");
    // The new folder is the one followed; the moved-away one is not.
    write(&old.join("tavle.json"), "Sone X");
    write(&w.path, "Sone 2");
    let before = wait_loaded(&w.rx, "Sone 2");
    assert!(
        !before.iter().any(|r| loaded_name(r) == Some("Sone X")),
        "a file in the moved-away folder was loaded: {before:?}"
    );
}

#[test]
fn folder_moved_away_is_missing_and_moved_back_is_loaded() {
    let w = start();
    let old = w.folder.with_file_name("config.old");
    std::fs::rename(&w.folder, &old).unwrap();
    wait_for(&w.rx, "the file missing", |r| is_missing(r, &w.path));
    write(&old.join("tavle.json"), "Sone 1");
    std::fs::rename(&old, &w.folder).unwrap();
    wait_loaded(&w.rx, "Sone 1");
}

#[test]
fn folder_deleted_and_recreated_is_followed() {
    let w = start();
    std::fs::remove_dir_all(&w.folder).unwrap();
    wait_for(&w.rx, "the file missing", |r| is_missing(r, &w.path));
    std::fs::create_dir(&w.folder).unwrap();
    write(&w.path, "Sone 1");
    wait_loaded(&w.rx, "Sone 1");
    write(&w.path, "Sone 2");
    wait_loaded(&w.rx, "Sone 2");
}

#[test]
fn folder_that_does_not_exist_yet_is_followed_once_created() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("config").join("tavle.json");
    let (tx, rx) = mpsc::channel();
    let _w = watch::watch(&path, move |r| {
        let _ = tx.send(r);
    })
    .expect("a watcher starts even before its folder exists");
    std::fs::create_dir(tmp.path().join("config")).unwrap();
    write(&path, "Sone 1");
    wait_loaded(&rx, "Sone 1");
}

/// Kubernetes ConfigMaps and some deploy tools swap a symlinked folder: no event names the
/// file, the folder or its parent, so only the stat poll can see it.
#[test]
fn symlink_swap_is_seen_by_the_poll() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("config");
    std::fs::create_dir_all(folder.join("v1")).unwrap();
    std::fs::create_dir_all(folder.join("v2")).unwrap();
    write(&folder.join("v1/tavle.json"), "Sone 1");
    write(&folder.join("v2/tavle.json"), "Sone 2");
    symlink("v1", folder.join("..data")).unwrap();
    let path = folder.join("tavle.json");
    symlink("..data/tavle.json", &path).unwrap();
    let (tx, rx) = mpsc::channel();
    let _w = watch::watch(&path, move |r| {
        let _ = tx.send(r);
    })
    .unwrap();
    symlink("v2", folder.join("..data_tmp")).unwrap();
    std::fs::rename(folder.join("..data_tmp"), folder.join("..data")).unwrap();
    wait_loaded(&rx, "Sone 2");
}

mod common;

use common::*;
use tavle::app::{Action, Mode};
use tavle::config::Config;

fn ward(name: &str) -> Config {
    Config {
        ward_name: name.into(),
        ..Config::default()
    }
}

/// The banner row (the line under the header).
fn banner_row(buf: &ratatui::buffer::Buffer) -> String {
    lines(buf)[1].clone()
}

#[test]
fn missing_config_shows_a_banner_until_a_valid_file_returns() {
    let path = PathBuf::from("/etc/tavle/config/tavle.json");
    for size in [(80, 24), (200, 50)] {
        let mut a = app(
            Mode::Edit,
            ward("Sone Nord"),
            vec![stay(1, "Solveig Nilsen", 14)],
            size,
        );
        let rows_before = a.rows_per_page();
        a.update(Action::ConfigReloaded(Box::new(Reloaded::Missing(
            path.clone(),
        ))));
        let buf = render(&a);
        let text = screen(&buf);
        let banner = banner_row(&buf);
        // The board keeps the last good config and says so, with the path.
        assert!(text.contains("Sone Nord"), "{size:?}\n{text}");
        assert!(text.contains("Solveig"), "{size:?}\n{text}");
        assert!(banner.contains("Finner ikke"), "{size:?}\n{text}");
        assert!(
            banner.contains(&path.display().to_string()),
            "{size:?}\n{text}"
        );
        assert!(
            banner.contains("bruker siste gyldige oppsett"),
            "{size:?}\n{text}"
        );
        if size.0 >= 200 {
            assert!(
                banner.contains(
                    "Finner ikke konfigurasjonsfilen /etc/tavle/config/tavle.json \
                     – tavlen bruker siste gyldige oppsett"
                ),
                "{text}"
            );
        }
        // The banner takes a row from the table, as the error banner does.
        assert_eq!(a.rows_per_page() + 1, rows_before, "{size:?}");

        // A broken file in its place: its error replaces the missing-file banner.
        let err = tavle::config::ConfigError {
            path: path.clone(),
            line: 1,
            column: 2,
            problem: tavle::config::Problem::Json("EOF while parsing an object".into()),
        };
        a.update(Action::ConfigReloaded(Box::new(Reloaded::Error(err))));
        let text = screen(&render(&a));
        assert!(!text.contains("Finner ikke"), "{size:?}\n{text}");
        assert!(text.contains("Feil i konfigurasjonen"), "{size:?}\n{text}");

        // Missing again, then a valid file: the banner goes and the new config is used.
        a.update(Action::ConfigReloaded(Box::new(Reloaded::Missing(
            path.clone(),
        ))));
        assert!(screen(&render(&a)).contains("Finner ikke"));
        a.update(Action::ConfigReloaded(Box::new(Reloaded::Loaded(
            Box::new(ward("Sone Sør")),
        ))));
        let buf = render(&a);
        let text = screen(&buf);
        assert!(!text.contains("Finner ikke"), "{size:?}\n{text}");
        assert!(text.contains("Sone Sør"), "{size:?}\n{text}");
        assert_eq!(a.rows_per_page(), rows_before, "{size:?}");
    }
}

#[test]
fn a_file_written_in_two_steps_is_loaded_without_an_error_between() {
    use std::io::Write;
    let w = start();
    // Truncate, write half, then the rest: as an editor saving in place. The half file
    // does not parse; it must not be shown as an error, only the finished file loaded.
    let mut f = std::fs::File::create(&w.path).unwrap();
    f.write_all(b"{\"ward_name\": \"So").unwrap();
    f.flush().unwrap();
    f.write_all(b"ne 2\"}\n").unwrap();
    drop(f);
    let before = wait_loaded(&w.rx, "Sone 2");
    assert!(
        before.is_empty(),
        "reported before the good file: {before:?}"
    );
    assert!(
        w.rx.recv_timeout(Duration::from_millis(500)).is_err(),
        "nothing more to report"
    );
}

#[test]
fn a_file_that_stays_broken_is_reported_once_it_is_quiet() {
    let w = start();
    std::fs::write(&w.path, "{\"ward_name\": ").unwrap();
    wait_for(&w.rx, "the error", |r| matches!(r, Reloaded::Error(_)));
    // Fixed: loaded.
    write(&w.path, "Sone 3");
    wait_loaded(&w.rx, "Sone 3");
}
