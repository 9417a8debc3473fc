//! The archive (issue 11), driven by keys against a temporary database: discharged and
//! cancelled stays are found again by name and by period, shown whole with their history,
//! and reopened with an audit row; a colleague's change in between is a conflict; a kiosk
//! never shows the archive.

mod common;

use common::{lines, render, today};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::date;
use rusqlite::Connection;
use std::path::PathBuf;
use std::sync::Arc;
use tavle::app::{Action, App, Mode, Overlay, keys};
use tavle::clock::FixedClock;
use tavle::config::Config;
use tavle::domain::edit::Change;
use tavle::domain::{Decision, Goal, GoalStatus, Handover, Stay, StayStatus};
use tavle::session::{self, Editor};
use tavle::store::{self, write};

struct Board {
    app: App,
    editor: Editor,
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Board {
    fn key(&mut self, code: KeyCode) -> &mut Self {
        self.key_mod(code, KeyModifiers::NONE)
    }
    fn key_mod(&mut self, code: KeyCode, m: KeyModifiers) -> &mut Self {
        session::key(
            &mut self.app,
            Some(&mut self.editor),
            KeyEvent::new(code, m),
        );
        self
    }
    fn keys(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }
    fn clear(&mut self) -> &mut Self {
        self.key_mod(KeyCode::Char('u'), KeyModifiers::CONTROL)
    }
    fn screen(&self) -> String {
        lines(&render(&self.app)).join("\n")
    }
    fn db(&self) -> Connection {
        Connection::open(&self.path).unwrap()
    }
    /// Names of the archived stays the search shows.
    fn found(&self) -> Vec<String> {
        let a = self.app.archive.as_ref().unwrap();
        a.matches(today()).iter().map(|s| s.name.clone()).collect()
    }
}

fn discharged(id: i64, name: &str, admitted: jiff::civil::Date, on: jiff::civil::Date) -> Stay {
    let mut s = Stay::new(id, name, admitted, on);
    s.target_group = "from_hospital".into();
    s.status = StayStatus::Discharged;
    s.discharged_on = Some(on);
    s.discharge_outcome = Some("home_ordinary".into());
    s.updated_at = 1_790_000_000;
    s
}

/// One active stay; Kari discharged in October with a partly achieved goal and the GP
/// appointment carried over; Berit discharged in June; Per cancelled in November.
fn stays() -> Vec<Stay> {
    let mut active = common::stay(1, "Ola Aktiv", 5);
    active.assessment_done = Some(today());
    let mut kari = discharged(2, "Kari Hansen", date(2026, 9, 15), date(2026, 10, 20));
    kari.goals.push(Goal {
        id: 0,
        position: 1,
        text: "Gå trappen til loftet".into(),
        status: GoalStatus::PartlyAchieved,
        set_on: date(2026, 9, 16),
        closed_on: Some(date(2026, 10, 20)),
        score_start: None,
        score_end: None,
    });
    kari.handovers.push(Handover {
        item: "gp".into(),
        decision: Decision::Gp,
        note: "Time hos fastlegen 28.10".into(),
    });
    let berit = discharged(3, "Berit Berg", date(2026, 5, 26), date(2026, 6, 30));
    let mut per = Stay::new(4, "Per Avbrutt", date(2026, 11, 1), date(2026, 12, 6));
    per.status = StayStatus::Cancelled;
    vec![active, kari, berit, per]
}

fn board(size: (u16, u16)) -> Board {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut conn = store::open_read_write(&path).unwrap();
    let tx = conn.transaction().unwrap();
    for s in stays() {
        store::demo::insert_stay(&tx, &s, s.updated_at).unwrap();
    }
    tx.commit().unwrap();
    let loaded = store::load_active(&conn).unwrap();
    let app = common::app(Mode::Edit, Config::default(), loaded, size);
    let clock = Arc::new(FixedClock::new(today().at(9, 5, 0, 0)));
    Board {
        app,
        editor: Editor::new(conn, "anne".into(), clock),
        _dir: dir,
        path,
    }
}

#[test]
fn archive_search_finds_a_stay_by_name_and_by_period() {
    let mut b = board((120, 30));
    b.keys("A");
    assert_eq!(b.app.overlay, Overlay::Archive);
    // Every discharged and cancelled stay, latest first; the active one is not there.
    assert_eq!(b.found(), ["Per Avbrutt", "Kari Hansen", "Berit Berg"]);
    // Typing filters by name, ignoring case; letters are not commands here.
    b.keys("kari");
    assert_eq!(b.found(), ["Kari Hansen"]);
    assert_eq!(b.app.overlay, Overlay::Archive);
    b.clear().keys("zz");
    assert!(b.found().is_empty());
    assert!(b.screen().contains("Ingen treff"), "{}", b.screen());
    // By period: June 2026 holds only Berit's stay.
    b.clear()
        .key(KeyCode::Tab)
        .keys("1.6.2026")
        .key(KeyCode::Tab)
        .keys("30.6.2026");
    assert_eq!(b.found(), ["Berit Berg"]);
    // From 1 October: Kari (discharged 20.10) and Per (cancelled, planned in November).
    b.clear().key(KeyCode::BackTab).clear().keys("1.10.2026");
    assert_eq!(b.found(), ["Per Avbrutt", "Kari Hansen"]);
    // A period bound that is not a date is ignored and says so.
    b.clear().keys("32.13");
    assert_eq!(b.found().len(), 3);
    assert!(b.screen().contains("forstår ikke datoen"), "{}", b.screen());
    b.key(KeyCode::Esc);
    assert_eq!(b.app.overlay, Overlay::None);
}

#[test]
fn archive_shows_the_whole_stay_with_its_evaluation_and_history_and_reopens_it() {
    let mut b = board((120, 40));
    b.keys("A").keys("kari").key(KeyCode::Enter);
    let s = b.screen();
    for needle in [
        "Kari Hansen · Detaljer",
        "Gå trappen til loftet",
        "delvis nådd",
        "utskrevet 20.10.2026",
        "Beslutninger ved utskriving",
        "videreført til fastlegen: Time hos fastlegen 28.10",
        "Modelltrofasthet",
    ] {
        assert!(s.contains(needle), "{needle:?} missing:\n{s}");
    }
    // The history follows the model fidelity, further down.
    b.key(KeyCode::PageDown);
    let s = b.screen();
    assert!(s.contains("Historikk"), "{s}");
    b.key(KeyCode::PageUp);
    // g asks first; anything but yes keeps it archived.
    b.keys("g");
    assert!(
        b.screen()
            .contains("Gjenåpne innleggelsen for Kari Hansen?")
    );
    b.keys("n");
    let status = |b: &Board| -> String {
        b.db()
            .query_row("SELECT status FROM stays WHERE id = 2", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(status(&b), "discharged");
    b.keys("g").keys("j");
    assert_eq!(status(&b), "active");
    // Back on the board, selected, and said so.
    assert_eq!(b.app.overlay, Overlay::None);
    let (_, sel) = b.app.selected_stay().unwrap();
    assert_eq!(sel.name, "Kari Hansen");
    assert_eq!(sel.status, StayStatus::Active);
    // The evaluation of a discharge that no longer holds is open again.
    assert_eq!(sel.goals[0].status, GoalStatus::Open);
    assert!(sel.handovers.is_empty());
    assert!(
        b.screen()
            .contains("Gjenåpnet – Kari Hansen er tilbake på tavlen")
    );
    // Audited: status, discharge date, outcome, the goal and the decision, as one reopen.
    let c = b.db();
    let fields: Vec<String> = c
        .prepare(
            "SELECT field FROM audit_log WHERE action = 'reopen' AND user = 'anne' ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for f in [
        "status",
        "discharged_on",
        "discharge_outcome",
        "decision.gp",
    ] {
        assert!(fields.iter().any(|x| x == f), "{f} not audited: {fields:?}");
    }
    assert!(fields.iter().any(|x| x.ends_with(".status")));
    // And undo puts it back in the archive.
    b.keys("u");
    assert_eq!(status(&b), "discharged");
    // Said as what it was, not as the fields it touched («utskriving/avbrudd, …»).
    let s = b.screen();
    assert!(
        s.contains("Angret gjenåpningen: Kari Hansen er tilbake i arkivet"),
        "{s}"
    );
}

#[test]
fn a_cancelled_stay_is_reopened_too() {
    let mut b = board((120, 30));
    b.keys("A")
        .keys("per")
        .key(KeyCode::Enter)
        .keys("g")
        .keys("j");
    let s: String = b
        .db()
        .query_row("SELECT status FROM stays WHERE id = 4", [], |r| r.get(0))
        .unwrap();
    assert_eq!(s, "active");
    assert!(b.app.stays.iter().any(|s| s.name == "Per Avbrutt"));
}

#[test]
fn reopening_a_stay_a_colleague_changed_meanwhile_is_refused_and_shown() {
    let mut b = board((120, 30));
    b.keys("A").keys("kari").key(KeyCode::Enter);
    // A colleague reopens Kari from another board first.
    let mut other = store::open_read_write(&b.path).unwrap();
    let req = write::WriteRequest {
        target: write::Target::Stay {
            id: 2,
            version: Some(1),
        },
        change: Change::Reopen,
    };
    write::commit(&mut other, &req, "per", 1_795_600_000, today()).unwrap();
    b.keys("g").keys("j");
    let reopens: i64 = b
        .db()
        .query_row(
            "SELECT count(DISTINCT change_id) FROM audit_log WHERE action = 'reopen'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reopens, 1, "only the colleague's reopen is written");
    let st = b.app.status.as_ref().unwrap();
    assert!(st.error && st.text.contains("per"), "{st:?}");
    // The archive was reloaded: Kari is no longer in it.
    assert!(!b.found().contains(&"Kari Hansen".to_string()));
}

#[test]
fn a_kiosk_never_shows_the_archive() {
    let mut app = common::app(Mode::Kiosk, Config::default(), vec![], (120, 30));
    let a = KeyEvent::new(KeyCode::Char('A'), KeyModifiers::SHIFT);
    assert!(keys::action_for_key(&app, a).is_none());
    app.update(Action::OpenArchive);
    assert_eq!(app.overlay, Overlay::None);
    assert!(app.archive.is_none());
    assert!(app.take_requests().is_empty());
}

#[test]
fn help_and_footer_name_the_archive_key() {
    let mut b = board((120, 60));
    assert!(b.screen().contains("A arkiv"), "{}", b.screen());
    b.keys("?");
    assert!(
        b.screen().contains("arkiv: utskrevne og avbrutte"),
        "{}",
        b.screen()
    );
}

fn assert_archive_list(s: &str) {
    for needle in [
        "Arkiv – utskrevne og avbrutte innleggelser",
        "Navn:",
        "Fra:",
        "Til:",
        "3 av 3",
        "Kari Hansen",
        "utskrevet 20.10.2026",
        "Berit Berg",
        "Per Avbrutt",
        "avbrutt",
    ] {
        assert!(s.contains(needle), "{needle:?} missing:\n{s}");
    }
    assert!(!s.contains("Ola Aktiv  "), "{s}");
}

#[test]
fn the_archive_at_80x24_and_200x50() {
    for size in [(80, 24), (200, 50)] {
        let mut b = board(size);
        b.keys("A");
        let s = b.screen();
        assert_archive_list(&s);
        // The keys are on the box's border, even where the box covers the footer.
        assert!(s.contains("Tab navn/fra/til"), "{s}");
        b.keys("kari").key(KeyCode::Enter);
        let s = b.screen();
        assert!(s.contains("Kari Hansen · Detaljer"), "{s}");
        assert!(s.contains("g gjenåpne"), "{s}");
    }
}

#[test]
fn the_archive_counts_days_as_the_day_counter_and_a_cancelled_stay_shows_no_missed_deadline() {
    let mut b = board((200, 50));
    b.keys("A");
    let s = b.screen();
    let line = |name: &str| s.lines().find(|l| l.contains(name)).unwrap().to_string();
    // Admitted 15.09, discharged 20.10: day 36 of the stay, as the day counter says, in
    // the words every screen uses for an ended stay.
    assert!(
        line("Kari Hansen").contains("utskrevet 20.10.2026 (dag 36 av 35)"),
        "{s}"
    );
    // Cancelled (no date known here): no day number, no length of stay.
    assert!(!line("Per Avbrutt").contains("dag "), "{s}");
    assert!(line("Per Avbrutt").contains("avbrutt"), "{s}");
    // Its details stand as of the cancellation, weeks before today: nothing is "over".
    b.keys("per").key(KeyCode::Enter);
    let s = b.screen();
    assert!(s.contains("Per Avbrutt · Detaljer"), "{s}");
    assert!(
        !s.contains("d over"),
        "a cancelled stay shows no missed deadline:\n{s}"
    );
}
