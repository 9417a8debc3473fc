//! Capacity over the next 14 days (issue 13 §2): the demo always shows exactly one day over
//! capacity; the forecast line reads at a TV's 200x50 and fits a laptop's 80x24; a kiosk
//! shows no planning.

mod common;

use common::{lines, render, today};
use tavle::app::{Action, App, Mode};
use tavle::config::{Config, Language};
use tavle::domain::capacity::{FORECAST_DAYS, forecast, over_capacity};
use tavle::domain::dates::add_days;
use tavle::store;

fn seeded(day: jiff::civil::Date) -> (tempfile::TempDir, rusqlite::Connection) {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = store::open_read_write(&dir.path().join("d.db")).unwrap();
    let now = day
        .at(8, 0, 0, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
        .as_second();
    store::demo::seed_demo(&mut conn, day, now, &Config::default().rules()).unwrap();
    (dir, conn)
}

fn demo_app(config: Config, mode: Mode, size: (u16, u16)) -> App {
    let (_dir, conn) = seeded(today());
    let mut app = common::app(mode, config, store::load_active(&conn).unwrap(), size);
    app.update(Action::ReferralsLoaded(
        store::referrals::load_referrals(&conn).unwrap(),
    ));
    app
}

#[test]
fn the_demo_has_exactly_one_day_over_capacity_whatever_the_day() {
    let cfg = Config::default();
    // Six weeks, every weekday, Christmas and New Year included.
    for n in 0..42 {
        let day = add_days(jiff::civil::date(2026, 11, 20), n);
        let (_dir, conn) = seeded(day);
        let stays = store::load_active(&conn).unwrap();
        let refs = store::referrals::load_referrals(&conn).unwrap();
        let f = forecast(&stays, &refs, &cfg.rules(), day, FORECAST_DAYS);
        let over = over_capacity(&f, cfg.capacity);
        assert_eq!(over.len(), 1, "{day}: {f:?}");
        assert_eq!(over[0].occupied, cfg.capacity as usize + 1, "{day}");
    }
}

#[test]
fn the_forecast_line_names_the_day_over_capacity_at_both_sizes() {
    for size in [(80, 24), (200, 50)] {
        let app = demo_app(Config::default(), Mode::Edit, size);
        let screen = lines(&render(&app));
        let line = &screen[1];
        assert!(
            line.contains("over kapasitet fre 04.12"),
            "{size:?}: {line}"
        );
        if size.0 >= 200 {
            // Day labels, bars and counts; the day over is marked, not only coloured.
            assert!(
                line.contains("Kapasitet neste 14 dager (12 plasser)"),
                "{line}"
            );
            assert!(line.contains("ons █12"), "{line}");
            assert!(line.contains("fre █13!"), "{line}");
            // One bar per day; tomorrow one person has left before Olav comes (a place
            // is free on its discharge day).
            assert_eq!(
                line.matches('█').count() + line.matches('▇').count(),
                14,
                "{line}"
            );
            assert!(line.contains("tor ▇11"), "{line}");
        } else {
            assert!(line.starts_with(" 14d: "), "{line}");
            assert_eq!(line.matches('!').count(), 1, "{line}");
            assert!(unicode_width::UnicodeWidthStr::width(line.trim_end()) <= 80);
        }
        // The board still shows every stay under it.
        assert!(screen.iter().any(|l| l.contains("Olav Haug")), "{size:?}");
    }
}

#[test]
fn the_forecast_speaks_english_and_the_day_over_is_red() {
    let cfg = Config {
        language: Language::En,
        ..Config::default()
    };
    let app = demo_app(cfg, Mode::Edit, (200, 50));
    let buf = render(&app);
    let line = &lines(&buf)[1];
    assert!(line.contains("Capacity next 14 days (12 places)"), "{line}");
    assert!(line.contains("over capacity Fri 04.12"), "{line}");
    let (x, y) = common::find(&buf, "█13!").unwrap();
    assert_eq!(buf[(x, y)].fg, ratatui::style::Color::Red);
}

#[test]
fn without_a_day_over_the_line_says_the_highest_count() {
    let cfg = Config {
        capacity: 14,
        ..Config::default()
    };
    let app = demo_app(cfg, Mode::Edit, (120, 30));
    let line = &lines(&render(&app))[1];
    assert!(!line.contains("over kapasitet"), "{line}");
    assert!(line.contains("maks 13/14"), "{line}");
}

#[test]
fn a_kiosk_shows_no_forecast_and_no_referral() {
    for size in [(80, 24), (200, 50)] {
        let app = demo_app(Config::default(), Mode::Kiosk, size);
        let screen = lines(&render(&app)).join("\n");
        assert!(!screen.contains(" 14d: "), "{screen}");
        assert!(!screen.contains("Kapasitet"), "{screen}");
        assert!(!screen.contains("Torill"), "{screen}");
        assert!(app.intake.referrals.is_empty());
    }
}
