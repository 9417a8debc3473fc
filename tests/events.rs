//! Events ("since last time"): recorded with `h` from the board through the writer path,
//! audited, corrected and deleted from the events panel (`E`), undone; the form refuses
//! what cannot be; the config list is validated; attendance is stored per meeting kind.

mod common;

use common::board::Board;
use common::today;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rusqlite::Connection;
use std::path::Path;
use tavle::app::Overlay;
use tavle::session::{self};
use tavle::store;
use tavle::store::attendance::{self, MeetingKind};

fn board(size: (u16, u16)) -> Board {
    Board::prepared(size, |conn| {
        let tx = conn.transaction().unwrap();
        for s in [
            common::stay(0, "Kari Hansen", 6),
            common::stay(0, "Ola Nordmann", 2),
        ] {
            store::demo::insert_stay(&tx, &s, 1_795_000_000).unwrap();
        }
        tx.commit().unwrap();
    })
}

fn rows(c: &Connection, sql: &str) -> Vec<Vec<String>> {
    let mut stmt = c.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        Ok((0..n)
            .map(|i| match r.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Null => "NULL".to_string(),
                rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                _ => "?".into(),
            })
            .collect())
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn h_records_an_event_with_time_now_and_an_audit_row() {
    let mut b = board((120, 40));
    b.key(KeyCode::Char('h'));
    let f = b.app.form.as_ref().expect("h opens the event form");
    assert_eq!(f.fields[0].value(), "", "the kind starts on «velg»");
    assert_eq!(f.fields[1].value(), "25.11.2026", "date defaults to today");
    assert_eq!(f.fields[2].value(), "09:05", "time defaults to now");
    // Enter without a kind saves nothing and points at the kind.
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_some());
    assert_eq!(b.app.form.as_ref().unwrap().focus, 0);
    // «f» jumps to Fall.
    b.keys("f");
    b.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Tab);
    b.keys("Funnet på badegulvet");
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none(), "{:?}", b.app.form);
    let c = b.db();
    assert_eq!(
        rows(
            &c,
            "SELECT s.name, e.occurred_on, e.occurred_time, e.kind, e.note, e.recorded_by,
                    e.recorded_at FROM events e JOIN stays s ON s.id = e.stay_id"
        ),
        [[
            "Kari Hansen",
            "2026-11-25",
            "09:05",
            "fall",
            "Funnet på badegulvet",
            "anne",
            // FixedClock at 09:05 UTC.
            &today()
                .at(9, 5, 0, 0)
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .unwrap()
                .timestamp()
                .as_second()
                .to_string()
        ]
        .map(String::from)]
    );
    let audit = rows(
        &c,
        "SELECT user, field, old_value, new_value FROM audit_log WHERE field LIKE 'event.%'",
    );
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0][0], "anne");
    assert_eq!(audit[0][2], "NULL");
    assert_eq!(audit[0][3], "2026-11-25 09:05 fall: Funnet på badegulvet");
    assert_eq!(b.app.selected_stay().unwrap().1.events.len(), 1);
}

#[test]
fn the_form_refuses_bad_times_future_dates_and_dates_before_admission() {
    let mut b = board((120, 40));
    b.key(KeyCode::Char('h')).keys("f");
    b.key(KeyCode::Tab).key(KeyCode::Tab);
    b.key(KeyCode::Char('u'));
    // Ctrl-U empties the field.
    session::key(
        &mut b.app,
        Some(&mut b.editor),
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
    b.keys("25:10");
    b.key(KeyCode::Enter);
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.focus, 2);
    assert!(f.fields[2].error.as_deref().unwrap().contains("14:30"));
    // Tomorrow is refused, on the date field.
    session::key(
        &mut b.app,
        Some(&mut b.editor),
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
    b.key(KeyCode::BackTab).keys("+1");
    b.key(KeyCode::Enter);
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.focus, 1);
    assert!(f.fields[1].error.is_some());
    // Before admission (day 7 of the stay: admitted 19.11).
    b.keys("18.11");
    b.key(KeyCode::Enter);
    let f = b.app.form.as_ref().unwrap();
    assert!(f.fields[1].error.is_some());
    b.keys("i går");
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none());
    let c = b.db();
    assert_eq!(
        rows(&c, "SELECT occurred_on, occurred_time FROM events"),
        [["2026-11-24", "NULL"].map(String::from)],
        "an empty time is stored as unknown"
    );
}

#[test]
fn an_event_is_corrected_and_deleted_from_the_panel_and_undo_brings_it_back() {
    let mut b = board((120, 40));
    b.key(KeyCode::Char('h')).keys("f").key(KeyCode::Enter);
    b.key(KeyCode::Char('h')).keys("k").key(KeyCode::Enter);
    assert_eq!(b.app.selected_stay().unwrap().1.events.len(), 2);
    b.key(KeyCode::Char('E'));
    assert_eq!(b.app.overlay, Overlay::Events);
    assert_eq!(b.app.cursor, 1, "the panel starts on the newest event");
    let s = b.screen();
    assert!(s.contains("Hendelser"), "{s}");
    assert!(s.contains("Fall"), "{s}");
    assert!(s.contains("Kontakt med legevakt"), "{s}");
    assert!(s.contains("reg. anne"), "{s}");
    // Correct the legevakt contact into an ambulance call.
    b.key(KeyCode::Enter);
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.fields[0].value(), "out_of_hours");
    assert_eq!(f.fields[2].value(), "09:05");
    b.key(KeyCode::Right).key(KeyCode::Enter);
    assert!(b.app.form.is_none());
    let c = b.db();
    assert_eq!(
        rows(&c, "SELECT kind FROM events ORDER BY id"),
        [["fall"], ["ambulance"]].map(|r| r.map(String::from))
    );
    let edit = rows(
        &c,
        "SELECT old_value, new_value FROM audit_log WHERE field LIKE 'event.%' ORDER BY id DESC LIMIT 1",
    );
    assert_eq!(
        edit[0],
        [
            "2026-11-25 09:05 out_of_hours",
            "2026-11-25 09:05 ambulance"
        ]
        .map(String::from)
    );
    // Delete the first: asked first, naming the event; «n» keeps it and goes back to the
    // list, «j» deletes; then undo.
    b.key(KeyCode::Up).key(KeyCode::Char('D'));
    let s = b.screen();
    assert!(
        s.contains("Slette hendelsen «ons 25.11 09:05 Fall") && s.contains("Kari Hansen"),
        "{s}"
    );
    assert_eq!(rows(&c, "SELECT kind FROM events").len(), 2);
    b.key(KeyCode::Char('n'));
    assert_eq!(b.app.overlay, Overlay::Events);
    assert_eq!(rows(&c, "SELECT kind FROM events").len(), 2);
    b.key(KeyCode::Char('D')).key(KeyCode::Char('j'));
    assert_eq!(b.app.overlay, Overlay::Events);
    assert_eq!(rows(&c, "SELECT kind FROM events").len(), 1);
    assert_eq!(b.app.status.as_ref().unwrap().text, "Lagret");
    b.key(KeyCode::Char('u'));
    assert_eq!(
        rows(&c, "SELECT kind FROM events ORDER BY id"),
        [["fall"], ["ambulance"]].map(|r| r.map(String::from))
    );
    let st = b.app.status.as_ref().unwrap();
    assert!(st.text.contains("hendelser"), "{}", st.text);
}

#[test]
fn event_panel_and_form_fit_80x24() {
    let mut b = board((80, 24));
    b.key(KeyCode::Char('h'));
    let s = b.screen();
    assert!(s.contains("Ny hendelse"), "{s}");
    assert!(s.contains("Hva skjedde"), "{s}");
    assert!(s.contains("Klokkeslett"), "{s}");
    b.keys("f").key(KeyCode::Enter).key(KeyCode::Char('E'));
    let s = b.screen();
    assert!(s.contains("Fall"), "{s}");
    assert!(s.contains("h/n ny"), "{s}");
}

#[test]
fn event_kinds_are_validated() {
    let bad = |json: &str| {
        tavle::config::load_file(&write(json))
            .unwrap_err()
            .to_string()
    };
    fn write(json: &str) -> std::path::PathBuf {
        let dir = tempfile::tempdir().unwrap().keep();
        let p = dir.join("tavle.json");
        std::fs::write(&p, json).unwrap();
        p
    }
    let dup = bad(
        r#"{"event_kinds": [{"key": "fall", "short": "F", "label": "Fall"},
                               {"key": "fall", "short": "F", "label": "Fall igjen"}]}"#,
    );
    assert!(dup.contains("\"fall\" appears twice"), "{dup}");
    let blank = bad(
        r#"{"event_kinds": [{"key": "fall", "short": "F", "label": {"nb": "Fall", "en": " "}}]}"#,
    );
    assert!(blank.contains("empty label"), "{blank}");
    let none = bad(r#"{"event_kinds": []}"#);
    assert!(none.contains("at least one"), "{none}");
    let staff = bad(r#"{"staff": [{"name": "Anne", "discipline": "astronaut"}]}"#);
    assert!(staff.contains("astronaut"), "{staff}");
    let ok = tavle::config::load_file(&write(
        r#"{"staff": ["Anne", {"name": "Bjørn", "discipline": "physio"}]}"#,
    ))
    .unwrap();
    assert_eq!(ok.staff[0].discipline, "");
    assert_eq!(ok.staff[1].discipline, "physio");
}

#[test]
fn attendance_is_stored_per_meeting_kind() {
    let dir = tempfile::tempdir().unwrap();
    let c = store::open_read_write(&dir.path().join("t.db")).unwrap();
    attendance::set_present(&c, MeetingKind::Standup, 1, "Anne", "nurse", true).unwrap();
    attendance::set_present(&c, MeetingKind::Standup, 1, "Bjørn", "physio", true).unwrap();
    // Twice is once; the fagmøte's meeting 1 is another meeting.
    attendance::set_present(&c, MeetingKind::Standup, 1, "Anne", "nurse", true).unwrap();
    attendance::set_present(&c, MeetingKind::Case, 1, "Anne", "nurse", true).unwrap();
    attendance::set_present(&c, MeetingKind::Standup, 1, "Bjørn", "physio", false).unwrap();
    let standup = attendance::load_attendance(&c, MeetingKind::Standup).unwrap();
    assert_eq!(
        standup.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
        ["Anne"]
    );
    assert_eq!(
        attendance::load_present(&c, MeetingKind::Case, 1)
            .unwrap()
            .len(),
        1
    );
    let _ = Path::new(".");
}

#[test]
fn typing_a_time_replaces_the_default_and_a_later_time_today_is_refused() {
    let mut b = board((120, 40));
    b.key(KeyCode::Char('h'));
    b.keys("f").key(KeyCode::Tab).key(KeyCode::Tab);
    // The time field shows now (09:05); typing replaces it instead of appending.
    b.keys("23:00");
    assert_eq!(b.app.form.as_ref().unwrap().fields[2].value(), "23:00");
    b.key(KeyCode::Enter);
    let f = b.app.form.as_ref().expect("a time later today is refused");
    assert_eq!(
        f.fields[2].error.as_deref(),
        Some("Klokkeslettet kan ikke være senere enn nå")
    );
    assert!(rows(&b.db(), "SELECT id FROM events").is_empty());
    // Yesterday at 23:00 is fine; so is earlier today.
    b.key(KeyCode::BackTab);
    b.keys("i går").key(KeyCode::Enter);
    assert!(b.app.form.is_none(), "{:?}", b.app.form);
    assert_eq!(
        rows(&b.db(), "SELECT occurred_on, occurred_time FROM events"),
        [["2026-11-24", "23:00"].map(String::from)]
    );
}
