//! What was done cannot be dated after today, and an admission cannot be moved after what
//! is already recorded for it: the board would otherwise show as done what has not
//! happened, or records from before the stay began. Refused in the form, on the field,
//! with the typing kept and nothing stored.

mod common;

use common::board::Board;
use common::today;
use crossterm::event::KeyCode;
use jiff::civil::date;
use rusqlite::OptionalExtension;

/// One stay admitted six days ago, with a goal set two days after admission.
fn board() -> Board {
    let mut s = common::stay(0, "Kari Hansen", 6);
    s.goals.push(tavle::domain::Goal {
        id: 0,
        position: 1,
        text: "Gå til postkassen".into(),
        status: tavle::domain::GoalStatus::Open,
        set_on: date(2026, 11, 21),
        closed_on: None,
        score_start: None,
        score_end: None,
    });
    Board::with_stays(&[s], (120, 40))
}

impl Board {
    fn column(&self, sql: &str) -> Option<String> {
        self.db()
            .query_row(sql, [], |r| r.get::<_, Option<String>>(0))
            .optional()
            .unwrap()
            .flatten()
    }
}

#[test]
fn an_assessment_done_tomorrow_is_refused_and_not_stored() {
    let mut b = board();
    b.keys("v").keys("+1").key(KeyCode::Enter);
    let s = b.screen();
    assert!(s.contains("Datoen kan ikke være fram i tid"), "{s}");
    assert_eq!(b.column("SELECT done_on FROM assessments"), None);
    // Today is fine.
    b.key(KeyCode::Esc)
        .keys("v")
        .keys("i dag")
        .key(KeyCode::Enter);
    assert_eq!(
        b.column("SELECT done_on FROM assessments").as_deref(),
        Some("2026-11-25")
    );
}

#[test]
fn a_gp_visit_may_be_booked_ahead_but_not_done_ahead() {
    let mut b = board();
    // Booked for 01.12 and "done" tomorrow: refused on the done field.
    b.keys("l").keys("1.12").key(KeyCode::Tab).keys("+1");
    b.key(KeyCode::Enter);
    let s = b.screen();
    assert!(s.contains("Datoen kan ikke være fram i tid"), "{s}");
    assert_eq!(b.column("SELECT booked_for FROM gp_appointments"), None);
    // The booking alone is a plan, and a plan may lie ahead.
    b.key(KeyCode::Esc)
        .keys("l")
        .keys("1.12")
        .key(KeyCode::Enter);
    assert_eq!(
        b.column("SELECT booked_for FROM gp_appointments")
            .as_deref(),
        Some("2026-12-01")
    );
    assert_eq!(b.column("SELECT done_on FROM gp_appointments"), None);
}

#[test]
fn moving_the_admission_after_a_recorded_goal_is_refused_with_the_date() {
    let mut b = board();
    // Admission is field 4 of the edit form (name, initials, group, admitted).
    b.keys("e");
    for _ in 0..3 {
        b.key(KeyCode::Tab);
    }
    b.keys("23.11").key(KeyCode::Enter);
    let s = b.screen();
    assert!(
        s.contains("Kan ikke være etter første registrering (21.11.2026)"),
        "{s}"
    );
    assert_eq!(
        b.column("SELECT admitted FROM stays").as_deref(),
        Some(
            tavle::domain::dates::add_days(today(), -6)
                .to_string()
                .as_str()
        )
    );
    // Earlier is allowed: a wrongly typed admission can still be corrected.
    b.key(KeyCode::Esc).keys("e");
    for _ in 0..3 {
        b.key(KeyCode::Tab);
    }
    b.keys("18.11").key(KeyCode::Enter);
    assert_eq!(
        b.column("SELECT admitted FROM stays").as_deref(),
        Some("2026-11-18")
    );
}
