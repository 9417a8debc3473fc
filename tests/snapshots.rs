//! Snapshots of the key screens (insta): the board, the stand-up, the detail pane and the
//! indicators on the demo ward, at a laptop's 80x24 and a TV's 200x50, on a fixed day. A
//! change to any of them shows up as a reviewable diff (`cargo insta review`).

mod common;

use common::{render, screen, today};
use tavle::app::{Action, App, Mode};
use tavle::config::Config;
use tavle::store;

/// The demo ward on the tests' fixed day (Wednesday 25.11.2026, 09:05).
fn demo(size: (u16, u16)) -> App {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let mut conn = store::open_read_write(&path).unwrap();
    let cfg = Config::default();
    let now = today()
        .at(8, 5, 0, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
        .as_second();
    store::demo::seed_demo(&mut conn, today(), now, &cfg.rules()).unwrap();
    let mut app = common::app(Mode::Edit, cfg, store::load_active(&conn).unwrap(), size);
    // The editing board loads the referrals too (the capacity forecast counts them).
    app.update(Action::ReferralsLoaded(
        store::referrals::load_referrals(&conn).unwrap(),
    ));
    let data = (
        store::load_all(&conn).unwrap(),
        store::load_meetings(&conn).unwrap(),
    );
    app.update(Action::ReportDataLoaded(Box::new(data)));
    app.update(Action::CloseOverlay);
    app
}

fn name(what: &str, size: (u16, u16)) -> String {
    format!("{what}_{}x{}", size.0, size.1)
}

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

#[test]
fn board() {
    for size in SIZES {
        insta::assert_snapshot!(name("board", size), screen(&render(&demo(size))));
    }
}

#[test]
fn standup() {
    for size in SIZES {
        let mut a = demo(size);
        a.update(Action::StartStandup);
        insta::assert_snapshot!(name("standup", size), screen(&render(&a)));
    }
}

#[test]
fn detail() {
    for size in SIZES {
        let mut a = demo(size);
        a.update(Action::OpenDetail);
        insta::assert_snapshot!(name("detail", size), screen(&render(&a)));
    }
}

#[test]
fn indicators() {
    for size in SIZES {
        let mut a = demo(size);
        let data = {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("d.db");
            let mut conn = store::open_read_write(&path).unwrap();
            store::demo::seed_demo(
                &mut conn,
                today(),
                1_795_593_900,
                &Config::default().rules(),
            )
            .unwrap();
            (
                store::load_all(&conn).unwrap(),
                store::load_meetings(&conn).unwrap(),
            )
        };
        a.update(Action::ReportDataLoaded(Box::new(data)));
        insta::assert_snapshot!(name("indicators", size), screen(&render(&a)));
    }
}
