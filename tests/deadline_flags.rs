//! Issue 11, deadlines and flags, rendered at 80x24 and 200x50: the day counter and the
//! discharge cell agree on day 35, the GP warns from day 7, a booking whose day passed asks
//! whether it was held, late work is an amber tick with the days late, missing goals stay a
//! flag, and weekend deadlines are moved (or marked). Today is Wednesday 25.11.2026.

mod common;

use common::*;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use tavle::app::Mode;
use tavle::config::Config;
use tavle::domain::holidays::NonWorkingDays;
use tavle::domain::{Goal, GoalStatus, Stay};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

fn add(n: i64) -> jiff::civil::Date {
    tavle::domain::dates::add_days(today(), n)
}

fn with_goal(mut s: Stay) -> Stay {
    s.goals.push(Goal {
        id: 1,
        position: 1,
        text: "Bo hjemme".into(),
        status: GoalStatus::Open,
        set_on: s.admitted,
        closed_on: None,
        score_start: None,
        score_end: None,
    });
    s
}

/// The first cell showing `needle`, and its foreground colour.
fn fg_of(buf: &Buffer, needle: &str, size: (u16, u16)) -> Color {
    let (x, y) =
        find(buf, needle).unwrap_or_else(|| panic!("{size:?}: no {needle:?}\n{}", screen(buf)));
    buf[(x, y)].fg
}

fn board(stays: Vec<Stay>, config: Config, size: (u16, u16)) -> Buffer {
    render(&app(Mode::Edit, config, stays, size))
}

#[test]
fn day_35_is_the_planned_discharge_day_and_not_red() {
    // Admitted Thursday 22.10: day 35 is today, the default planned discharge.
    let s = with_goal(stay(1, "Kari Dag", 34));
    assert_eq!(s.planned_discharge, today());
    for size in SIZES {
        let buf = board(vec![s.clone()], Config::default(), size);
        assert_ne!(fg_of(&buf, "35/35", size), Color::Red, "{size:?}");
        let due = if size.0 >= 200 { "! 25.11 i dag" } else { "! " };
        let (x, y) = find(&buf, due).unwrap();
        assert_eq!(buf[(x, y)].fg, Color::Yellow, "{size:?}\n{}", screen(&buf));
    }
    // The day after, the counter and the discharge turn red together.
    let late = with_goal(stay(1, "Kari Dag", 35));
    for size in SIZES {
        let buf = board(vec![late.clone()], Config::default(), size);
        assert_eq!(fg_of(&buf, "36/35", size), Color::Red, "{size:?}");
    }
    let buf = board(vec![late], Config::default(), (200, 50));
    assert_eq!(fg_of(&buf, "✗ 24.11 1d over", (200, 50)), Color::Red);
}

#[test]
fn an_unbooked_gp_appointment_warns_from_day_7() {
    // Admitted Wednesday 18.11 (day 8): GP by day 14 = Tuesday 1.12, 6 days left.
    let s = with_goal(stay(1, "Ola Lege", 7));
    for size in SIZES {
        let buf = board(vec![s.clone()], Config::default(), size);
        let needle = if size.0 >= 200 {
            "! ikke bestilt 6d igjen"
        } else {
            "! 6d"
        };
        assert_eq!(fg_of(&buf, needle, size), Color::Yellow, "{size:?}");
    }
    // Without a warn-from day it is calm (the old behaviour, still available).
    let mut c = Config::default();
    c.deadlines.warn_from_day.gp = None;
    let buf = board(vec![s], c, (200, 50));
    assert_eq!(
        fg_of(&buf, "○ ikke bestilt 6d igjen", (200, 50)),
        Color::Reset
    );
}

#[test]
fn a_gp_booking_whose_day_passed_unheld_asks_whether_it_was_held() {
    // Admitted Thursday 12.11 (day 14 = Wednesday 25.11, today), booked for Monday 23.11.
    let mut s = with_goal(stay(1, "Per Time", 13));
    s.gp.booked_for = Some(add(-2));
    for size in SIZES {
        let buf = board(vec![s.clone()], Config::default(), size);
        let needle = if size.0 >= 200 {
            "! 23.11 avholdt?"
        } else {
            "! 23.11"
        };
        assert_eq!(fg_of(&buf, needle, size), Color::Yellow, "{size:?}");
    }
}

#[test]
fn an_assessment_done_late_is_an_amber_tick_with_the_days_late() {
    // Admitted Monday 16.11: assessment by day 3 = Wednesday 18.11, done Friday 20.11.
    let mut s = with_goal(stay(1, "Siri Sen", 9));
    s.assessment_done = Some(add(-5));
    for size in SIZES {
        let buf = board(vec![s.clone()], Config::default(), size);
        // However wide the column: `✓ utført 20.11, 2d for sent`, `✓ 2d for sent`, `✓ 2d sent`.
        let needle = if size.0 >= 200 {
            "2d for sent"
        } else {
            "2d sent"
        };
        assert!(find(&buf, "✓ ").is_some(), "{size:?}");
        assert_eq!(fg_of(&buf, needle, size), Color::Yellow, "{size:?}");
    }
    // Done in time stays green.
    s.assessment_done = Some(add(-7));
    let buf = board(vec![s], Config::default(), (200, 50));
    assert_eq!(fg_of(&buf, "✓ 18.11", (200, 50)), Color::Green);
}

#[test]
fn missing_goals_stay_a_flag_after_the_assessment_is_ticked() {
    // Admitted yesterday, visit done today, no goals written down yet: a warning.
    let mut s = stay(1, "Nils Ny", 1);
    s.assessment_done = Some(today());
    for size in SIZES {
        let buf = board(vec![s.clone()], Config::default(), size);
        let needle = if size.0 >= 200 {
            "! ingen mål ennå"
        } else {
            "! "
        };
        let (x, y) = find(&buf, needle).unwrap();
        assert_eq!(buf[(x, y)].fg, Color::Yellow, "{size:?}\n{}", screen(&buf));
    }
    // After the assessment day: red, with its symbol.
    let mut late = stay(1, "Nils Ny", 6);
    late.assessment_done = Some(add(-5));
    let buf = board(vec![late], Config::default(), (200, 50));
    assert_eq!(fg_of(&buf, "✗ ingen mål ennå", (200, 50)), Color::Red);
}

#[test]
fn a_weekend_deadline_is_moved_to_the_friday_or_marked() {
    // Admitted Monday 16.11: GP by day 14 = Sunday 29.11 → Friday 27.11 (2 days left).
    let s = with_goal(stay(1, "Eva Helg", 9));
    // The cell counts to the Friday (its state keeps the column's room).
    let buf = board(vec![s.clone()], Config::default(), (200, 50));
    assert_eq!(
        fg_of(&buf, "! ikke bestilt 2d igjen", (200, 50)),
        Color::Yellow
    );
    let buf = board(vec![s.clone()], Config::default(), (80, 24));
    assert!(find(&buf, "! 2d").is_some(), "{}", screen(&buf));
    // Marked instead: the Sunday stays, and says so before anything else.
    let mut c = Config::default();
    c.deadlines.non_working_days = NonWorkingDays::Mark;
    let buf = board(vec![s], c, (200, 50));
    assert_eq!(fg_of(&buf, "4d igjen (helg)", (200, 50)), Color::Yellow);
}
