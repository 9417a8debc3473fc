//! Editing from the keyboard, end to end through the key map, the app and the store:
//! key sequences produce rows and audit rows; bad input changes nothing; a kiosk never writes.

mod common;

use common::{lines, render, today};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tavle::app::{App, Mode, Overlay};
use tavle::clock::FixedClock;
use tavle::config::Config;
use tavle::session::{self, Editor};
use tavle::store;

struct Board {
    app: App,
    editor: Option<Editor>,
    _dir: Option<tempfile::TempDir>,
    path: PathBuf,
}

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(today().at(9, 5, 0, 0)))
}

/// An editing board on a fresh database.
fn board() -> Board {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut b = open(&path, Mode::Edit, "kari");
    b._dir = Some(dir);
    b
}

fn open(path: &Path, mode: Mode, user: &str) -> Board {
    let conn = match mode {
        Mode::Edit => store::open_read_write(path).unwrap(),
        Mode::Kiosk => store::open_read_only(path).unwrap(),
    };
    let stays = store::load_active(&conn).unwrap();
    let app = common::app(mode, Config::default(), stays, (120, 30));
    let editor = (mode == Mode::Edit).then(|| Editor::new(conn, user.into(), clock()));
    Board {
        app,
        editor,
        _dir: None,
        path: path.to_path_buf(),
    }
}

impl Board {
    fn key(&mut self, code: KeyCode) -> &mut Self {
        let k = KeyEvent::new(code, KeyModifiers::NONE);
        session::key(&mut self.app, self.editor.as_mut(), k);
        self
    }
    fn keys(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }
    fn enter(&mut self) -> &mut Self {
        self.key(KeyCode::Enter)
    }
    fn tab(&mut self) -> &mut Self {
        self.key(KeyCode::Tab)
    }
    fn esc(&mut self) -> &mut Self {
        self.key(KeyCode::Esc)
    }
    fn db(&self) -> Connection {
        Connection::open(&self.path).unwrap()
    }
    fn screen(&self) -> String {
        lines(&render(&self.app)).join("\n")
    }
    /// Add a stay named `name` with the form's defaults.
    fn add(&mut self, name: &str) -> &mut Self {
        // Name, then the target group (a new stay has none until one is picked).
        self.keys("a")
            .keys(name)
            .tab()
            .tab()
            .key(KeyCode::Right)
            .enter()
    }
}

fn count(c: &Connection, sql: &str) -> i64 {
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn text(c: &Connection, sql: &str) -> String {
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Everything in the database, as the bytes of the checkpointed file.
fn file_bytes(path: &Path) -> Vec<u8> {
    let c = Connection::open(path).unwrap();
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    drop(c);
    std::fs::read(path).unwrap()
}

#[test]
fn add_stay_goals_gp_medication_discharge_and_undo() {
    let mut b = board();
    b.add("Åse Ødegård");
    let c = b.db();
    assert_eq!(
        count(&c, "SELECT count(*) FROM stays WHERE status='active'"),
        1
    );
    assert_eq!(text(&c, "SELECT initials FROM stays"), "ÅØ");
    assert_eq!(text(&c, "SELECT admitted FROM stays"), "2026-11-25");
    assert_eq!(
        text(&c, "SELECT planned_discharge FROM stays"),
        // Day 35 of a stay admitted Wednesday 25.11 is Tuesday 29.12.
        "2026-12-29"
    );
    assert!(b.screen().contains("Åse Ødegård"), "{}", b.screen());

    // Two goals in the person's words.
    b.keys("m").keys("n").keys("Gå til butikken selv").enter();
    b.keys("n").keys("Sove hele natten 😴").enter().esc();
    assert_eq!(
        text(
            &c,
            "SELECT group_concat(text, '|') FROM (SELECT text FROM goals ORDER BY position)"
        ),
        "Gå til butikken selv|Sove hele natten 😴"
    );
    // Book the GP for Monday (today is Wednesday 25.11).
    b.keys("l").keys("30.11").enter();
    assert_eq!(
        text(&c, "SELECT booked_for FROM gp_appointments"),
        "2026-11-30"
    );
    // Medication: the form opens on the recorded status ("not started"); → → is done, today.
    b.keys("s").key(KeyCode::Right).key(KeyCode::Right).enter();
    assert_eq!(
        text(
            &c,
            "SELECT status || ' ' || done_on FROM medication_reconciliations"
        ),
        "done 2026-11-25"
    );
    // Discharge home with ordinary services, after the evaluation: one goal achieved, one
    // not; the assessment never done is closed, the GP appointment carried over to the GP.
    // Each goal's own end score is asked too: 5 for the first, «ikke målt» for the second.
    b.keys("x")
        .keys("n")
        .tab()
        .keys("5")
        .tab()
        .keys("i")
        .tab()
        .keys("i")
        .tab();
    b.keys("a").tab().keys("Innlagt på sykehus dag 2").tab();
    b.keys("vv").tab().keys("Time 30.11 hos fastlegen").tab();
    // The model: no primary contact was named; that needs a reason too.
    b.keys("Ikke valgt før sykehusinnleggelsen").tab();
    b.tab().key(KeyCode::Right).enter();
    assert_eq!(
        text(
            &c,
            "SELECT status || ' ' || discharged_on || ' ' || discharge_outcome FROM stays"
        ),
        "discharged 2026-11-25 home_ordinary"
    );
    assert_eq!(
        text(
            &c,
            "SELECT group_concat(coalesce(score_end, '–'), ' ') FROM (SELECT score_end FROM goals ORDER BY position)"
        ),
        "5 –"
    );
    assert!(b.app.rows.is_empty());
    // Undo brings it back on the board, as a recorded change.
    b.keys("u");
    assert_eq!(text(&c, "SELECT status FROM stays"), "active");
    assert_eq!(b.app.rows.len(), 1);
    assert!(b.screen().contains("Åse Ødegård"));
    assert_eq!(
        count(
            &c,
            "SELECT count(*) FROM audit_log WHERE action='undo' AND field='status' AND old_value='discharged' AND new_value='active'"
        ),
        1
    );
    // Every change is audited, by the editing user.
    for field in [
        "name",
        "gp_booked_for",
        "med_status",
        "status",
        "discharge_outcome",
    ] {
        assert!(
            count(
                &c,
                &format!("SELECT count(*) FROM audit_log WHERE field='{field}' AND user='kari'")
            ) >= 1,
            "no audit row for {field}"
        );
    }
    assert_eq!(
        count(
            &c,
            "SELECT count(*) FROM audit_log WHERE field LIKE 'goal.%.text'"
        ),
        2
    );
}

#[test]
fn undo_goes_back_twenty_steps_and_more() {
    let mut b = board();
    b.add("Per Berg");
    b.keys("m");
    for i in 0..25 {
        b.keys("n").keys(&format!("Mål {i}")).enter();
    }
    b.esc();
    let c = b.db();
    assert_eq!(count(&c, "SELECT count(*) FROM goals"), 25);
    for _ in 0..25 {
        b.keys("u");
    }
    assert_eq!(count(&c, "SELECT count(*) FROM goals"), 0);
    assert_eq!(count(&c, "SELECT count(*) FROM stays"), 1);
    b.keys("u");
    assert_eq!(count(&c, "SELECT count(*) FROM stays"), 0);
    b.keys("u");
    assert!(b.screen().contains("Ingenting å angre"), "{}", b.screen());
}

#[test]
fn goals_can_be_achieved_dropped_reordered_and_edited() {
    let mut b = board();
    b.add("Liv Lund").keys("m");
    b.keys("n")
        .keys("En")
        .enter()
        .keys("n")
        .keys("To")
        .enter()
        .keys("n")
        .keys("Tre")
        .enter();
    // Cursor on the first goal: achieve it, drop the second, move the third up twice.
    b.keys("x")
        .key(KeyCode::Down)
        .keys("d")
        .key(KeyCode::Down)
        .keys("K")
        .keys("K");
    // Edit the (now first) goal's text.
    b.keys("e").key(KeyCode::End).keys(" igjen").enter();
    let c = b.db();
    assert_eq!(
        text(
            &c,
            "SELECT group_concat(text || ':' || status, '|') FROM (SELECT * FROM goals ORDER BY position)"
        ),
        "Tre igjen:open|En:achieved|To:dropped"
    );
    assert_eq!(
        text(&c, "SELECT closed_on FROM goals WHERE text='En'"),
        "2026-11-25"
    );
}

#[test]
fn risks_follow_ups_assessment_and_delay_reason() {
    let mut b = board();
    b.add("Tor Ås");
    b.keys("r")
        .key(KeyCode::Char(' '))
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .keys("x")
        .esc();
    b.keys("f")
        .keys("n")
        .keys("Ringe datter")
        .tab()
        .key(KeyCode::Right)
        .tab()
        .keys("+2")
        .enter();
    b.keys("x").esc();
    b.keys("v").enter();
    b.keys("d")
        .tab()
        .key(KeyCode::Right)
        .tab()
        .keys("kommer på mandag")
        .enter();
    let c = b.db();
    assert_eq!(
        text(
            &c,
            "SELECT group_concat(risk, ',') FROM (SELECT risk FROM risks ORDER BY risk)"
        ),
        "fall,nutrition"
    );
    assert_eq!(
        text(
            &c,
            "SELECT text || ' ' || discipline || ' ' || due_on || ' ' || done_on FROM follow_ups"
        ),
        "Ringe datter nurse 2026-11-27 2026-11-25"
    );
    assert_eq!(text(&c, "SELECT done_on FROM assessments"), "2026-11-25");
    assert_eq!(
        text(
            &c,
            "SELECT deadline || ' ' || reason || ' ' || text FROM delays"
        ),
        "assessment waiting_gp kommer på mandag"
    );
}

#[test]
fn cancel_and_delete_ask_first() {
    let mut b = board();
    b.add("Ola Nordmann");
    let c = b.db();
    b.keys("c");
    assert_eq!(b.app.overlay, Overlay::Confirm(tavle::app::Confirm::Cancel));
    b.keys("n");
    assert_eq!(text(&c, "SELECT status FROM stays"), "active");
    b.keys("c").keys("j");
    assert_eq!(text(&c, "SELECT status FROM stays"), "cancelled");
    b.keys("u");
    b.keys("D").esc();
    assert_eq!(count(&c, "SELECT count(*) FROM stays"), 1);
    b.keys("D").keys("j");
    assert_eq!(count(&c, "SELECT count(*) FROM stays"), 0);
    // The audit trail keeps the history of a deleted stay.
    assert!(count(&c, "SELECT count(*) FROM audit_log WHERE action='delete'") >= 1);
    b.keys("u");
    assert_eq!(text(&c, "SELECT name FROM stays"), "Ola Nordmann");
}

#[test]
fn bad_input_leaves_the_database_byte_identical() {
    let mut b = board();
    b.add("Kari Hansen");
    let before = file_bytes(&b.path);
    // Each case: open a form, type something wrong, press Enter, then Esc.
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    let cases: Vec<(&str, usize, String)> = vec![
        ("l", 0, "32.13".into()),
        ("l", 0, "i overmorgen kanskje".into()),
        ("l", 0, "31.02.2027".into()),
        ("v", 0, "1.1.2020".into()), // before admission
        ("e", 0, String::new()),     // empty name
        ("e", 0, "   ".into()),
        ("e", 0, "x".repeat(81)),
        ("e", 3, "25/11/2026".into()),
        ("e", 4, "1.11.2026".into()), // discharge before admission
        ("x", 0, "+".into()),
    ];
    for (form, field, input) in cases {
        b.keys(form);
        assert!(b.app.form.is_some(), "form {form} did not open");
        for _ in 0..field {
            b.tab();
        }
        session::key(&mut b.app, b.editor.as_mut(), ctrl_u);
        b.keys(&input).enter();
        let f = b
            .app
            .form
            .as_ref()
            .expect("the form stays open on bad input");
        assert!(
            f.fields.iter().any(|f| f.error.is_some()) || f.error.is_some(),
            "no message for {form}/{input:?}"
        );
        b.esc();
        if form == "x" {
            // The discharge evaluation asks once before throwing typing away.
            b.esc();
        }
        assert!(b.app.form.is_none());
    }
    // Goal texts: empty, over-long, control characters only.
    b.keys("m");
    for input in ["", "   ", &"å".repeat(201), "\u{7}\u{1}\u{9b}"] {
        b.keys("n").keys(input).enter();
        assert!(b.app.form.is_some(), "goal {input:?} was accepted");
        b.esc();
    }
    b.esc();
    // Discharge without an outcome.
    b.keys("x").enter();
    assert!(b.app.form.is_some());
    b.esc();
    assert_eq!(file_bytes(&b.path), before);
    let shown = b.screen();
    assert!(shown.contains("Kari Hansen"));
}

#[test]
fn the_bad_value_gets_an_inline_message_and_what_was_typed_is_kept() {
    let mut b = board();
    b.add("Kari Hansen");
    b.keys("l").keys("32.11").enter();
    let s = b.screen();
    assert!(b.app.form.is_some(), "{s}");
    assert!(s.contains("Den dagen finnes ikke"), "{s}");
    assert!(s.contains("32.11"), "{s}");
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    session::key(&mut b.app, b.editor.as_mut(), ctrl_u);
    b.keys("neste uke").enter();
    let s = b.screen();
    assert!(s.contains("Forstår ikke datoen"), "{s}");
    assert!(s.contains("neste uke"), "{s}");
}

#[test]
fn kiosk_keys_change_nothing_and_its_connection_cannot_write() {
    let mut b = board();
    b.add("Kari Hansen")
        .keys("m")
        .keys("n")
        .keys("Gå tur")
        .enter()
        .esc();
    let path = b.path.clone();
    let before = file_bytes(&path);
    let mut k = open(&path, Mode::Kiosk, "kiosk");
    assert!(k.editor.is_none());
    let mut codes: Vec<KeyCode> = (0x20u8..0x7f).map(|c| KeyCode::Char(c as char)).collect();
    codes.extend("æøåÆØÅ".chars().map(KeyCode::Char));
    codes.extend([
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Delete,
        KeyCode::Backspace,
        KeyCode::Insert,
        KeyCode::F(1),
        KeyCode::F(2),
    ]);
    for code in codes {
        for m in [
            KeyModifiers::NONE,
            KeyModifiers::SHIFT,
            KeyModifiers::CONTROL,
        ] {
            session::key(&mut k.app, None, KeyEvent::new(code, m));
            assert!(k.app.form.is_none());
            assert!(k.app.requests.is_empty());
            assert!(!k.app.quit);
        }
    }
    assert_eq!(file_bytes(&path), before);
    // And at SQLite level: the kiosk's connection refuses writes.
    let ro = store::open_read_only(&path).unwrap();
    let err = ro
        .execute("UPDATE stays SET name = 'x'", [])
        .expect_err("a read-only connection wrote");
    assert!(
        err.to_string().contains("readonly") || err.to_string().contains("read-only"),
        "{err}"
    );
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn two_boards_editing_the_same_stay_conflict_instead_of_overwriting() {
    let mut a = board();
    a.add("Kari Hansen");
    let mut b = open(&a.path.clone(), Mode::Edit, "bjorn");
    // Both see version 1. A books the GP; B, still on the old version, sets an assessment date.
    a.keys("l").keys("30.11").enter();
    b.keys("l").keys("1.12").enter();
    let f = b.app.form.as_ref().expect("B's form stays open");
    let msg = f.error.clone().unwrap_or_default();
    assert!(
        msg.contains("kari") && msg.contains("i mellomtiden"),
        "{msg}"
    );
    let c = a.db();
    assert_eq!(
        text(&c, "SELECT booked_for FROM gp_appointments"),
        "2026-11-30"
    );
    // B now sees A's change on the board …
    assert_eq!(
        b.app.stays[0].gp.booked_for,
        Some(jiff::civil::date(2026, 11, 30))
    );
    // … and saving again is a deliberate choice that is audited as B's.
    b.enter();
    assert!(b.app.form.is_none());
    assert_eq!(
        text(&c, "SELECT booked_for FROM gp_appointments"),
        "2026-12-01"
    );
    assert_eq!(
        text(
            &c,
            "SELECT user FROM audit_log WHERE field='gp_booked_for' ORDER BY id DESC LIMIT 1"
        ),
        "bjorn"
    );
    // A quick toggle on a stale version is refused too, never silently applied.
    a.keys("r").key(KeyCode::Char(' '));
    assert_eq!(count(&c, "SELECT count(*) FROM risks"), 0);
    assert!(a.screen().contains("bjorn"), "{}", a.screen());
    a.key(KeyCode::Char(' '));
    assert_eq!(count(&c, "SELECT count(*) FROM risks"), 1);
}

/// Clear the focused field and type `s` into it.
fn retype(b: &mut Board, s: &str) {
    let k = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    session::key(&mut b.app, b.editor.as_mut(), k);
    b.keys(s);
}

#[test]
fn a_save_after_a_colleagues_save_writes_only_the_fields_this_user_changed() {
    let mut a = board();
    a.add("Kari Hansen");
    let mut b = open(&a.path.clone(), Mode::Edit, "bjorn");
    // Both open the stay's form on version 1. A renames and saves.
    a.keys("e");
    b.keys("e");
    retype(&mut a, "Kari Hansen-Berg");
    a.enter();
    assert!(a.app.form.is_none());
    // B changes only the note (the last field) and saves on the old version.
    for _ in 0..6 {
        b.tab();
    }
    b.keys("Ringes før besøk");
    b.enter();
    assert!(
        b.app.form.is_none(),
        "{:?}",
        b.app.form.as_ref().map(|f| &f.error)
    );
    let c = a.db();
    assert_eq!(text(&c, "SELECT name FROM stays"), "Kari Hansen-Berg");
    assert_eq!(text(&c, "SELECT note FROM stays"), "Ringes før besøk");
    // B's audit rows name only the note: nothing of A's was written back.
    assert_eq!(
        count(
            &c,
            "SELECT count(*) FROM audit_log WHERE user='bjorn' AND field='name'"
        ),
        0
    );
    assert_eq!(
        count(
            &c,
            "SELECT count(*) FROM audit_log WHERE user='bjorn' AND field='note'"
        ),
        1
    );
    assert!(
        b.screen().contains("begge endringene er beholdt"),
        "{}",
        b.screen()
    );
}

#[test]
fn when_both_change_the_same_field_both_values_are_shown_and_the_user_chooses() {
    let mut a = board();
    a.add("Kari Hansen");
    let mut b = open(&a.path.clone(), Mode::Edit, "bjorn");
    a.keys("e");
    b.keys("e");
    retype(&mut a, "Kari Berg");
    a.tab();
    retype(&mut a, "KB");
    a.enter();
    // B renames too, differently, and leaves the initials alone.
    retype(&mut b, "Karin Hansen");
    b.enter();
    let f = b
        .app
        .form
        .as_ref()
        .expect("B must choose: the form stays open");
    assert_eq!(f.fields[0].value(), "Karin Hansen", "B's value is kept");
    let shown = f.fields[0].error.clone().unwrap_or_default();
    assert!(
        shown.contains("kari") && shown.contains("Kari Berg"),
        "{shown}"
    );
    // The field B did not touch took A's value.
    assert_eq!(f.fields[1].value(), "KB");
    let c = a.db();
    assert_eq!(text(&c, "SELECT name FROM stays"), "Kari Berg");
    // Both values are on screen; Enter is B's deliberate choice.
    let screen = b.screen();
    assert!(
        screen.contains("Kari Berg") && screen.contains("Karin Hansen"),
        "{screen}"
    );
    b.enter();
    assert!(b.app.form.is_none());
    assert_eq!(text(&c, "SELECT name FROM stays"), "Karin Hansen");
    assert_eq!(text(&c, "SELECT initials FROM stays"), "KB");
    assert_eq!(
        count(
            &c,
            "SELECT count(*) FROM audit_log WHERE user='bjorn' AND field='initials'"
        ),
        0
    );
    // Esc instead would have kept A's value: try it on a second round (A restarts, so it
    // sees B's save; these test boards have no follower).
    let mut a = open(&b.path.clone(), Mode::Edit, "kari");
    a.keys("e");
    b.keys("e");
    retype(&mut a, "Kari A");
    a.enter();
    retype(&mut b, "Kari B");
    b.enter();
    assert!(b.app.form.is_some());
    b.esc();
    assert_eq!(text(&c, "SELECT name FROM stays"), "Kari A");
}

#[test]
fn a_failed_write_keeps_the_form_and_what_was_typed() {
    let mut b = board();
    b.add("Kari Hansen");
    // Make the database file read-only underneath the running board.
    let c = b.db();
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    drop(c);
    let ro = store::open_read_only(&b.path).unwrap();
    let stays = store::load_active(&ro).unwrap();
    let mut app = common::app(Mode::Edit, Config::default(), stays, (120, 30));
    let mut editor = Editor::new(ro, "kari".into(), clock());
    session::key(
        &mut app,
        Some(&mut editor),
        KeyEvent::new(KeyCode::Char('l'), KeyModifiers::NONE),
    );
    for ch in "30.11".chars() {
        session::key(
            &mut app,
            Some(&mut editor),
            KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE),
        );
    }
    session::key(
        &mut app,
        Some(&mut editor),
        KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
    );
    let f = app.form.as_ref().expect("the form stays open");
    assert!(
        f.error.as_deref().unwrap_or("").contains("Ikke lagret"),
        "{:?}",
        f.error
    );
    assert_eq!(f.fields[0].value(), "30.11");
    assert!(app.stays[0].gp.booked_for.is_none());
}

#[test]
fn detail_pane_shows_the_history() {
    let mut b = board();
    b.add("Kari Hansen").keys("l").keys("30.11").enter();
    b.enter();
    assert_eq!(b.app.overlay, Overlay::Detail);
    // The history is at the end of the pane, after the model fidelity.
    b.key(KeyCode::PageDown);
    let s = b.screen();
    assert!(s.contains("Historikk"), "{s}");
    assert!(s.contains("Bestilt til") && s.contains("30.11.2026"), "{s}");
    assert!(s.contains("kari"), "{s}");
}

#[test]
fn a_locked_database_waits_then_says_so_and_keeps_the_form() {
    let mut b = board();
    b.add("Kari Hansen");
    // Another process holds the write lock for longer than this board is willing to wait.
    let other = Connection::open(&b.path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let conn = store::open_read_write(&b.path).unwrap();
    conn.busy_timeout(std::time::Duration::from_millis(200))
        .unwrap();
    let stays = store::load_active(&conn).unwrap();
    let mut app = common::app(Mode::Edit, Config::default(), stays, (120, 30));
    let mut editor = Editor::new(conn, "kari".into(), clock());
    let started = std::time::Instant::now();
    for code in "l30.11".chars().map(KeyCode::Char).chain([KeyCode::Enter]) {
        session::key(
            &mut app,
            Some(&mut editor),
            KeyEvent::new(code, KeyModifiers::NONE),
        );
    }
    // It waited for the lock rather than failing at once.
    assert!(started.elapsed() >= std::time::Duration::from_millis(150));
    let f = app.form.as_ref().expect("the form stays open");
    assert!(
        f.error.as_deref().unwrap_or("").contains("låst"),
        "{:?}",
        f.error
    );
    assert_eq!(f.fields[0].value(), "30.11");
    // Once the lock is released, Enter saves.
    other.execute_batch("ROLLBACK").unwrap();
    session::key(
        &mut app,
        Some(&mut editor),
        KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
    );
    assert!(app.form.is_none());
    assert_eq!(
        text(&b.db(), "SELECT booked_for FROM gp_appointments"),
        "2026-11-30"
    );
}

#[test]
fn forms_and_panels_fit_at_80x24_and_200x50() {
    for size in [(80, 24), (200, 50), (100, 30)] {
        let mut b = board();
        b.app.size = size;
        b.add("Kari Hansen")
            .keys("m")
            .keys("n")
            .keys("Gå til butikken")
            .enter();
        let s = lines(&render(&b.app)).join("\n");
        assert!(s.contains("«Gå til butikken»"), "{size:?}\n{s}");
        assert!(s.contains("J/K flytt"), "{size:?}\n{s}");
        b.esc().keys("a");
        let s = lines(&render(&b.app)).join("\n");
        for label in [
            "Navn",
            "Initialer",
            "Målgruppe",
            "Innlagt",
            "Planlagt utskriving",
            "Primærkontakt",
            "Notat",
            "Enter lagre",
        ] {
            assert!(s.contains(label), "{label} missing at {size:?}\n{s}");
        }
        b.esc().keys("x");
        let s = lines(&render(&b.app)).join("\n");
        assert!(
            s.contains("Evaluering og utskriving") && s.contains("(velg med ←/→)"),
            "{size:?}\n{s}"
        );
    }
}

#[test]
fn help_lists_every_key_and_scrolls_at_80x24() {
    let mut b = board();
    b.app.size = (80, 24);
    b.keys("?");
    let first = b.screen();
    assert!(
        first.contains("ny innleggelse") && first.contains("↓ ↑/↓"),
        "{first}"
    );
    assert!(!first.contains("q  Ctrl-C"), "{first}");
    for _ in 0..30 {
        b.key(KeyCode::Down);
    }
    let last = b.screen();
    assert!(
        last.contains("q  Ctrl-C") && last.contains("i går"),
        "{last}"
    );
    b.app.size = (200, 50);
    let tv = b.screen();
    for key in [
        "a ", "e ", "m ", "v ", "l ", "s ", "r ", "f ", "d ", "x ", "c ", "u ", "t ", "i ",
    ] {
        assert!(tv.contains(&format!("│{key}")), "{key:?} missing\n{tv}");
    }
}

#[test]
fn pasted_text_is_typed_into_the_field_without_pressing_enter() {
    let mut b = board();
    b.add("Kari Hansen").keys("m").keys("n");
    let paste = "Gå til butikken\n\u{1b}[31msammen med datter\r\n";
    let a = tavle::app::keys::action_for_paste(&b.app, paste.into()).expect("a form is open");
    session::dispatch(&mut b.app, b.editor.as_mut(), a);
    let f = b
        .app
        .form
        .as_ref()
        .expect("still open: the newline did not submit");
    assert_eq!(f.fields[0].value(), "Gå til butikken sammen med datter  ");
    b.enter();
    assert_eq!(
        text(&b.db(), "SELECT text FROM goals"),
        "Gå til butikken sammen med datter"
    );
    // Outside a form, a paste does nothing.
    b.esc();
    assert!(tavle::app::keys::action_for_paste(&b.app, "a".into()).is_none());
}

#[test]
fn the_delay_form_shows_the_reason_recorded_for_the_chosen_deadline() {
    let mut b = board();
    b.add("Kari Hansen");
    // GP: waiting for the GP, with a note.
    b.keys("d")
        .key(KeyCode::Right)
        .tab()
        .key(KeyCode::Home)
        .tab()
        .keys("ring mandag")
        .enter();
    assert_eq!(
        text(
            &b.db(),
            "SELECT deadline || ':' || reason || ':' || text FROM delays"
        ),
        "gp:waiting_gp:ring mandag"
    );
    b.keys("d");
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.fields[0].value(), "assessment");
    assert_eq!(f.fields[1].value(), "");
    b.key(KeyCode::Right);
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(
        (f.fields[1].value(), f.fields[2].value()),
        ("waiting_gp", "ring mandag")
    );
}

#[test]
fn the_footer_always_shows_help_and_quit() {
    for size in [(80, 24), (120, 30), (200, 50)] {
        let mut b = board();
        b.app.size = size;
        b.add("Kari Hansen");
        // Open and cancel a form: the next key clears the "saved" message.
        b.key(KeyCode::Char('x'));
        b.esc();
        let s = b.screen();
        let footer = s.lines().last().unwrap();
        assert!(
            footer.contains("? alle taster") && footer.contains("q avslutt"),
            "{size:?}: {footer}"
        );
    }
}

#[test]
fn the_detail_pane_scrolls_to_the_oldest_history() {
    let mut b = board();
    b.app.size = (80, 24);
    b.add("Kari Hansen").keys("m");
    for i in 0..15 {
        b.keys("n").keys(&format!("Mål nummer {i}")).enter();
    }
    b.esc().enter();
    let s = b.screen();
    assert!(s.contains("↓ PgUp/PgDn"), "{s}");
    assert!(!s.contains("Navn: – → Kari Hansen"), "{s}");
    for _ in 0..10 {
        b.key(KeyCode::PageDown);
    }
    let s = b.screen();
    assert!(s.contains("Navn: – → Kari Hansen"), "{s}");
    assert!(s.contains("↑ PgUp/PgDn"), "{s}");
    // Moving to another stay starts at the top again.
    b.key(KeyCode::Up);
    assert_eq!(b.app.scroll, 0);
}

#[test]
fn ctrl_c_over_unsaved_typing_asks_once_more() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let mut b = board();
    b.keys("a").keys("Kari");
    session::key(&mut b.app, b.editor.as_mut(), ctrl_c);
    assert!(!b.app.quit);
    assert!(b.screen().contains("Ctrl-C igjen"), "{}", b.screen());
    assert_eq!(b.app.form.as_ref().unwrap().fields[0].value(), "Kari");
    // Another key disarms; then two Ctrl-C in a row quit.
    b.keys("n");
    session::key(&mut b.app, b.editor.as_mut(), ctrl_c);
    assert!(!b.app.quit);
    session::key(&mut b.app, b.editor.as_mut(), ctrl_c);
    assert!(b.app.quit);
    // With nothing typed, one Ctrl-C quits.
    let mut b = board();
    session::key(&mut b.app, b.editor.as_mut(), ctrl_c);
    assert!(b.app.quit);
}
