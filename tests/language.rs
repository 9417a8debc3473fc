//! The words a clinician reads (issue 11): the ward's own bokmål on the board, in the history
//! (labels and dd.mm.yyyy, never stored keys or ISO dates), in the messages after a delete or
//! an undo, and English that does not run labels into values. At 80x24 and at 200x50.

mod common;

use common::{app, lines, render, screen, stay, today};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;
use tavle::app::{Action, App, Mode};
use tavle::clock::FixedClock;
use tavle::config::{Config, Language};
use tavle::domain::dates::add_days;
use tavle::session::{self, Editor};
use tavle::store;
use tavle::store::write::AuditEntry;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

/// Invoice words and anglicisms the ward does not use.
const NOT_OURS: [&str; 6] = [
    "forfalt", "droppet", "skriv ut", "utført", "liggetid", "15:00",
];

fn assert_ours(text: &str, size: (u16, u16)) {
    for w in NOT_OURS {
        assert!(!text.contains(w), "{w:?} at {size:?}:\n{text}");
    }
}

#[test]
fn the_board_and_its_help_use_the_wards_words() {
    for size in SIZES {
        let mut done = stay(1, "Per Lie", 5);
        done.assessment_done = Some(add_days(today(), -4));
        let mut a = app(
            Mode::Edit,
            Config::default(),
            vec![done, stay(2, "Kari Hansen", 10)],
            size,
        );
        let board = screen(&render(&a));
        assert_ours(&board, size);
        if size.0 >= 200 {
            // The legend and the footer, in full.
            assert!(board.contains("✓ gjennomført"), "{board}");
            assert!(board.contains("✗ over frist"), "{board}");
            assert!(board.contains("x utskriving"), "{board}");
            assert!(board.contains("l legetime"), "{board}");
        }
        a.update(Action::ToggleHelp);
        let help = screen(&render(&a));
        assert_ours(&help, size);
        if size.0 >= 200 {
            assert!(help.contains("d ikke lenger aktuelt"), "{help}");
            assert!(help.contains("kartlegging gjennomført (dato)"), "{help}");
        }
    }
}

fn entry(field: &str, old: Option<&str>, new: Option<&str>) -> AuditEntry {
    AuditEntry {
        at: 1_795_000_000,
        user: "anne".into(),
        field: field.into(),
        old: old.map(String::from),
        new: new.map(String::from),
        action: "edit".into(),
    }
}

/// Every kind of stored value, as the audit log holds it.
fn history() -> Vec<AuditEntry> {
    vec![
        entry("status", None, Some("active")),
        entry("target_group", None, Some("from_hospital")),
        entry("gp_booked_for", None, Some("2026-11-30")),
        entry("med_status", Some("not_started"), Some("done")),
        entry("risks", None, Some("fall, nutrition")),
        entry(
            "follow_up.3",
            None,
            Some("Ringe datter [nurse] → 2026-11-26"),
        ),
        entry("delay.gp", None, Some("waiting_gp: ferie")),
        entry("goal.2.status", Some("open"), Some("dropped")),
        entry("goal.2.position", Some("0"), Some("1")),
        entry("goal.2.set_on", Some("2026-11-24"), Some("2026-11-23")),
        entry("discharge_outcome", None, Some("home_ordinary")),
        entry("status", Some("active"), Some("discharged")),
    ]
}

#[test]
fn the_history_shows_labels_and_norwegian_dates_not_keys() {
    let mut a = app(
        Mode::Edit,
        Config::default(),
        vec![stay(7, "Ingrid Sæther", 3)],
        (200, 50),
    );
    a.update(Action::OpenDetail);
    a.update(Action::HistoryLoaded(7, history()));
    let text = screen(&render(&a));
    for want in [
        "Status: – → aktiv",
        "Status: aktiv → utskrevet",
        "Målgruppe: – → Utskrevet fra sykehus",
        "Bestilt til: – → 30.11.2026",
        "Legemiddelsamstemming: ikke startet → samstemt",
        "Risiko: – → Fall, Ernæring",
        "Oppfølging: – → Ringe datter (Sykepleier, frist 26.11.2026)",
        "Årsak til forsinkelse (legetime): – → Venter på fastlege: ferie",
        "Mål (status): aktivt → ikke lenger aktuelt",
        "Mål (rekkefølge): 1 → 2",
        "Mål (satt dato): 24.11.2026 → 23.11.2026",
        "Utfall: – → Hjem med ordinære tjenester",
    ] {
        assert!(text.contains(want), "missing {want:?}\n{text}");
    }
    for raw in [
        "active",
        "discharged",
        "2026-11-",
        "[nurse]",
        "waiting_gp",
        "(gp)",
        "not_started",
        "from_hospital",
        "home_ordinary",
        "dropped",
    ] {
        assert!(!text.contains(raw), "raw {raw:?} shown\n{text}");
    }
}

/// An editing board on a fresh database, driven by keys.
struct Board {
    app: App,
    editor: Editor,
    _dir: tempfile::TempDir,
}

fn board(size: (u16, u16)) -> Board {
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open_read_write(&dir.path().join("t.db")).unwrap();
    let app = app(Mode::Edit, Config::default(), Vec::new(), size);
    let clock = Arc::new(FixedClock::new(today().at(9, 5, 0, 0)));
    Board {
        app,
        editor: Editor::new(conn, "anne".into(), clock),
        _dir: dir,
    }
}

impl Board {
    fn key(&mut self, code: KeyCode) -> &mut Self {
        let k = KeyEvent::new(code, KeyModifiers::NONE);
        session::key(&mut self.app, Some(&mut self.editor), k);
        self
    }
    fn keys(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }
    fn screen(&self) -> String {
        lines(&render(&self.app)).join("\n")
    }
}

#[test]
fn delete_and_undo_say_what_happened() {
    for size in SIZES {
        let mut b = board(size);
        b.keys("a")
            .keys("Kari Hansen")
            .key(KeyCode::Tab)
            .key(KeyCode::Tab);
        b.key(KeyCode::Right).key(KeyCode::Enter);
        assert!(b.screen().contains("✓ Lagret"), "{}", b.screen());
        // Undo a GP booking: it says what was undone, and for whom.
        b.keys("l").keys("30.11").key(KeyCode::Enter);
        b.keys("u");
        let s = b.screen();
        assert!(
            s.contains("Angret: legetime for Kari Hansen"),
            "{size:?}\n{s}"
        );
        // Deleting says so, not «Lagret».
        b.keys("D").keys("j");
        let s = b.screen();
        assert!(s.contains("Slettet: Kari Hansen"), "{size:?}\n{s}");
        assert!(!s.contains("Lagret"), "{size:?}\n{s}");
        b.keys("u");
        let s = b.screen();
        assert!(
            s.contains("Angret slettingen: Kari Hansen er tilbake"),
            "{size:?}\n{s}"
        );
        // Undoing an admission names it.
        b.keys("a")
            .keys("Ola Nordmann")
            .key(KeyCode::Tab)
            .key(KeyCode::Tab);
        b.key(KeyCode::Right).key(KeyCode::Enter);
        b.keys("u");
        let s = b.screen();
        assert!(
            s.contains("Angret: ny innleggelse for Ola Nordmann"),
            "{size:?}\n{s}"
        );
    }
}

#[test]
fn the_stand_up_counts_minutes_and_shows_the_last_change_in_words() {
    for size in SIZES {
        let mut b = board(size);
        b.keys("a")
            .keys("Kari Hansen")
            .key(KeyCode::Tab)
            .key(KeyCode::Tab);
        b.key(KeyCode::Right).key(KeyCode::Enter);
        b.keys("t");
        assert!(
            b.screen().contains("TAVLEMØTE 15 min igjen"),
            "{}",
            b.screen()
        );
        // A follow-up added in the meeting: its discipline's label and a Norwegian date.
        b.keys("f").keys("n").keys("Ringe datter");
        b.key(KeyCode::Tab)
            .key(KeyCode::Right)
            .key(KeyCode::Tab)
            .keys("i morgen");
        b.key(KeyCode::Enter).key(KeyCode::Esc);
        // Wrapping may split the words; what matters is which words.
        let s = b.screen().split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(s.contains("Sykepleier,"), "{size:?}\n{s}");
        assert!(s.contains("26.11.2026"), "{size:?}\n{s}");
        assert!(
            !s.contains("[nurse]") && !s.contains("2026-11-26"),
            "{size:?}\n{s}"
        );
        assert_ours(&s, size);
    }
}

#[test]
fn english_labels_never_run_into_their_values() {
    for size in SIZES {
        let cfg = Config {
            language: Language::En,
            ..Config::default()
        };
        let mut s = stay(1, "Solveig Nilsen", 14);
        s.med_status = tavle::domain::MedStatus::Done;
        s.med_done = Some(today());
        let mut a = app(Mode::Edit, cfg, vec![s], size);
        if size.0 >= 200 {
            let board = screen(&render(&a));
            assert!(board.contains(" Edited"), "{board}");
        }
        a.update(Action::OpenDetail);
        let text = screen(&render(&a));
        assert!(
            text.contains("Medication reconciliation  ✓ done 25.11.2026"),
            "{size:?}\n{text}"
        );
        assert!(!text.contains("reconciliation✓"), "{text}");
    }
}
