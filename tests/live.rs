//! Live following: database commits and config edits reach a running board; midnight
//! advances every day counter.

mod common;

use common::*;
use std::sync::mpsc;
use std::time::Duration;
use tavle::app::{Action, Mode};
use tavle::config::{self, Config};
use tavle::store;

fn recv_config(rx: &mpsc::Receiver<config::watch::Reloaded>) -> config::watch::Reloaded {
    rx.recv_timeout(Duration::from_secs(5))
        .expect("no config reload within 5 s")
}

/// Drain reloads until one satisfies `f` (editors may produce several events per save).
fn wait_for(
    rx: &mpsc::Receiver<config::watch::Reloaded>,
    f: impl Fn(&config::watch::Reloaded) -> bool,
) {
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while std::time::Instant::now() < deadline {
        if let Ok(r) = rx.recv_timeout(Duration::from_millis(200))
            && f(&r)
        {
            return;
        }
    }
    panic!("expected reload did not arrive");
}

fn name_is(r: &config::watch::Reloaded, name: &str) -> bool {
    matches!(r, config::watch::Reloaded::Loaded(c) if c.ward_name == name)
}

#[test]
fn config_changes_reach_the_board_and_bad_ones_keep_the_last_good() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tavle.json");
    std::fs::write(&path, r#"{"ward_name": "Sone A"}"#).unwrap();
    let (tx, rx) = mpsc::channel();
    let _w = config::watch::watch(&path, move |r| {
        let _ = tx.send(r);
    })
    .unwrap();
    std::thread::sleep(Duration::from_millis(200));

    // A valid change is applied.
    std::fs::write(&path, r#"{"ward_name": "Sone B", "capacity": 20}"#).unwrap();
    wait_for(&rx, |r| name_is(r, "Sone B"));

    // An invalid change: the board keeps the last good config and shows where the error is.
    let mut app = app(
        Mode::Edit,
        Config {
            ward_name: "Sone B".into(),
            ..Config::default()
        },
        vec![stay(1, "Per Lie", 2)],
        (120, 40),
    );
    std::fs::write(
        &path,
        "{\n  \"ward_name\": \"Sone C\",\n  \"capacity\": -1\n}",
    )
    .unwrap();
    let r = recv_config(&rx);
    let config::watch::Reloaded::Error(err) = r.clone() else {
        panic!("invalid config must be an error: {r:?}");
    };
    app.update(Action::ConfigReloaded(Box::new(r)));
    let text = screen(&render(&app));
    assert!(text.contains("Sone B"), "{text}");
    assert!(text.contains("tavle.json:3:"), "{text}");
    assert_eq!(err.line, 3);
    // Fixing the file removes the banner.
    std::fs::write(&path, r#"{"ward_name": "Sone D"}"#).unwrap();
    let r = loop {
        let r = recv_config(&rx);
        if name_is(&r, "Sone D") {
            break r;
        }
    };
    app.update(Action::ConfigReloaded(Box::new(r)));
    let text = screen(&render(&app));
    assert!(
        text.contains("Sone D") && !text.contains("tavle.json:"),
        "{text}"
    );

    // Save by writing a new file and renaming it over the old one (vim, IDEs).
    let tmp = dir.path().join(".tavle.json.swp");
    std::fs::write(&tmp, r#"{"ward_name": "Sone E"}"#).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    wait_for(&rx, |r| name_is(r, "Sone E"));

    // Deleted and recreated.
    std::fs::remove_file(&path).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(&path, r#"{"ward_name": "Sone F"}"#).unwrap();
    wait_for(&rx, |r| name_is(r, "Sone F"));

    // Reading the file must not itself trigger reloads (that would loop and burn CPU).
    while rx.recv_timeout(Duration::from_millis(400)).is_ok() {}
    assert!(
        rx.recv_timeout(Duration::from_millis(800)).is_err(),
        "reload loop"
    );
}

#[test]
fn another_process_commit_reaches_the_rendered_board() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.db");
    let writer = store::open_read_write(&p).unwrap();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    tavle::tui::spawn_db_follower(p.clone(), tx).unwrap();
    let mut a = app(Mode::Kiosk, Config::default(), vec![], (120, 40));
    assert!(screen(&render(&a)).contains("Ingen aktive"));
    writer
        .execute(
            "INSERT INTO stays (name, initials, target_group, admitted, planned_discharge, created_at, updated_at)
             VALUES ('Gunnar Fjell', 'GF', 'concern', '2026-11-11', '2026-12-16', 0, 0)",
            [],
        )
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    let action = loop {
        if let Ok(a) = rx.try_recv() {
            break a;
        }
        assert!(std::time::Instant::now() < deadline, "no reload within 5 s");
        std::thread::sleep(Duration::from_millis(10));
    };
    a.update(action);
    let text = screen(&render(&a));
    assert!(text.contains("GF") && text.contains("15/35"), "{text}");
}

#[test]
fn selection_stays_on_the_same_stay_after_a_reload() {
    let stays = vec![
        stay(1, "Astrid Bakken", 10),
        stay(2, "Per Lie", 5),
        stay(3, "Kari Hansen", 1),
    ];
    let mut a = app(Mode::Edit, Config::default(), stays.clone(), (120, 40));
    a.update(Action::Down);
    assert_eq!(a.selected_stay().unwrap().1.name, "Per Lie");
    // A new, earlier admission moves every row down by one.
    let mut more = stays;
    more.push(stay(4, "Olav Haugen", 20));
    a.update(Action::DataLoaded(more));
    assert_eq!(a.selected_stay().unwrap().1.name, "Per Lie");
    assert_eq!(a.selected, 2);
}

#[test]
fn crossing_midnight_advances_every_day_counter() {
    let stays = vec![stay(1, "Astrid Bakken", 14), stay(2, "Per Lie", 0)];
    let mut a = tavle::app::App::new(
        Mode::Kiosk,
        Config::default(),
        stays,
        today().at(23, 59, 0, 0),
        (200, 50),
    );
    let text = screen(&render(&a));
    assert!(
        text.contains("15/35") && text.contains("1/35") && text.contains("23:59"),
        "{text}"
    );
    assert!(text.contains("onsdag 25.11.2026"));
    let redraw = a.update(Action::Tick(
        tavle::domain::dates::add_days(today(), 1).at(0, 0, 1, 0),
    ));
    assert!(redraw);
    let text = screen(&render(&a));
    assert!(
        text.contains("16/35") && text.contains("2/35") && text.contains("00:00"),
        "{text}"
    );
    assert!(text.contains("torsdag 26.11.2026"), "{text}");
    // Ticks within the same minute do not redraw.
    assert!(!a.update(Action::Tick(
        tavle::domain::dates::add_days(today(), 1).at(0, 0, 30, 0)
    )));
}
