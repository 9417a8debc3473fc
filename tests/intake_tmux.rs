//! The referral queue on the real binary in a real terminal (tmux), as a coordinator uses
//! it: register a referral, accept it with a planned admission, admit it in one step, see the
//! stay on the board, and undo. The database is checked with the real `sqlite3` tool (another
//! process, its own SQLite). Skips without tmux or sqlite3 unless `TAVLE_REQUIRE_TMUX=1` /
//! `TAVLE_REQUIRE_SQLITE3=1`.

#[path = "common/tmux.rs"]
mod tmux;

use std::path::Path;
use tmux::{Tmux, sqlite3, tools_available};

/// The editing board on an empty ward database, with the built-in defaults.
fn editing_board(name: &str, db: &Path, cfg: &Path) -> Tmux {
    let bin = env!("CARGO_BIN_EXE_tavle");
    let t = Tmux::start(
        name,
        (120, 30),
        &format!(
            "USER=kari {bin} --db {} --config {}",
            db.display(),
            cfg.display()
        ),
    );
    t.wait_for("Ingen aktive innleggelser");
    t
}

#[test]
fn a_referral_is_registered_accepted_admitted_and_undone_on_the_real_binary() {
    if !tools_available("a_referral_is_registered_accepted_admitted_and_undone_on_the_real_binary")
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let cfg = dir.path().join("tavle.json");
    std::fs::write(&cfg, "{}").unwrap();
    let board = editing_board("intake", &db, &cfg);

    // The queue is empty and says how to start.
    board.keys(&["H"]);
    board.wait_for("Ingen henvisninger å vise");
    // Register: from the GP (the source starts on «velg»: two → reach «Fastlege»),
    // received today.
    board.keys(&["n"]);
    board.wait_for("Ny henvisning");
    board.text("Kari Nordmann");
    board.keys(&["Tab", "Right", "Right", "Enter"]);
    board.wait_for("Henvisningen er lagret");
    let s = board.wait_for("Venter på beslutning");
    assert!(s.contains("Kari Nordmann"), "{s}");
    assert_eq!(
        sqlite3(
            &db,
            "SELECT name || '|' || source || '|' || received_on || '|' || decision FROM referrals"
        ),
        "Kari Nordmann|gp|2026-11-25|waiting"
    );

    // Accept (the decision starts on «velg»; g picks «godkjent»), admission planned for
    // Friday 27.11.
    board.keys(&["b"]);
    board.wait_for("Beslutning om henvisning");
    board.keys(&["g", "Tab"]);
    board.text("27.11.2026");
    board.keys(&["Enter"]);
    let s = board.wait_for("innlegges 27.11");
    assert!(
        s.contains("Godkjent – venter på innleggelse") && s.contains("Kari Nordmann"),
        "{s}"
    );
    assert_eq!(
        sqlite3(
            &db,
            "SELECT decision || '|' || planned_admission || '|' || coalesce(stay_id, '-') FROM referrals"
        ),
        "accepted|2026-11-27|-"
    );

    // Admit: asked first, then one step to the board.
    // The admit step asks for the target group (none on the referral) and the contact.
    board.keys(&["l"]);
    board.wait_for("Legg inn Kari Nordmann");
    board.keys(&["Right", "Tab"]);
    board.text("Eva Sykepleier");
    board.keys(&["Enter"]);
    board.wait_for("Legge inn Kari Nordmann fra 27.11.2026?");
    board.keys(&["j"]);
    let s = board.wait_for("Lagt inn: Kari Nordmann fra 27.11.2026");
    assert_eq!(
        sqlite3(
            &db,
            "SELECT target_group || '|' || primary_contact FROM stays"
        ),
        "new_user|Eva Sykepleier"
    );
    // The queue is closed and the new stay is on the board: admitted in two days.
    assert!(!s.contains("Henvisninger"), "{s}");
    let row = s
        .lines()
        .find(|l| l.contains("Kari Nordmann") && !l.contains("Lagt inn"))
        .unwrap_or_else(|| panic!("no row for Kari Nordmann:\n{s}"));
    // Not begun: no day number, the board's one wording for a planned stay.
    assert!(row.contains("om 2d"), "{row}");
    // The detail pane names the admission date.
    board.keys(&["Enter"]);
    board.wait_until("the detail pane's admission date", |s| {
        s.contains("Detaljer")
            && s.lines()
                .any(|l| l.contains("Innlagt") && l.contains("27.11.2026"))
    });
    board.keys(&["Escape"]);

    // The database, read by another program: one active stay admitted 27.11 with the usual
    // planned discharge, the referral linked to it, and the admission audited as kari.
    assert_eq!(
        sqlite3(
            &db,
            "SELECT s.name || '|' || s.admitted || '|' || s.status || '|' || r.decision
             FROM referrals r JOIN stays s ON s.id = r.stay_id"
        ),
        "Kari Nordmann|2026-11-27|active|accepted"
    );
    assert_eq!(sqlite3(&db, "SELECT count(*) FROM stays"), "1");
    let audited = sqlite3(
        &db,
        "SELECT count(*) FROM audit_log
         WHERE user = 'kari' AND action = 'create' AND field = 'admitted' AND new_value = '2026-11-27'",
    );
    assert_eq!(audited, "1");
    assert_eq!(
        sqlite3(
            &db,
            "SELECT count(*) FROM audit_log
             WHERE change_id = (SELECT change_id FROM audit_log WHERE field = 'admitted')
               AND field LIKE 'referral.%.stay_id'"
        ),
        "1",
        "the link is recorded in the same change as the stay"
    );

    // Undo: the stay is gone, the referral is accepted and waits for admission again.
    board.keys(&["u"]);
    board.wait_for("Angret");
    board.wait_for("Ingen aktive innleggelser");
    assert_eq!(sqlite3(&db, "SELECT count(*) FROM stays"), "0");
    assert_eq!(
        sqlite3(
            &db,
            "SELECT decision || '|' || planned_admission || '|' || coalesce(stay_id, '-') FROM referrals"
        ),
        "accepted|2026-11-27|-"
    );
    board.keys(&["H"]);
    let s = board.wait_for("innlegges 27.11");
    assert!(
        s.contains("Godkjent – venter på innleggelse") && s.contains("Kari Nordmann"),
        "{s}"
    );
}

/// What only the editing board may show: the referral queue (names, where from, why) and
/// the next of kin (names, phones).
const NEVER_ON_A_KIOSK: &[&str] = &[
    "Henvisninger",
    "Randi Fossum",
    "Håkon Lund",
    "Torill Vik",
    "Jens Aas",
    "Hoftebrudd",
    "vekttap",
    "Sigrid Testesen",
    "Pårørende",
    "Liv Sæther",
    "Odd Sæther",
    "Arvid Bakken",
    "Kari Moen",
    "Solfrid Testesen",
    "411 22 333",
    "900 11 222",
    "922 33 444",
    "98 76 54 32",
];

fn assert_nothing_secret(kiosk: &str) {
    for secret in NEVER_ON_A_KIOSK {
        assert!(!kiosk.contains(secret), "{secret:?} on the kiosk:\n{kiosk}");
    }
}

#[test]
fn a_kiosk_process_never_shows_referrals_or_next_of_kin_while_the_board_has_them_open() {
    if !tools_available(
        "a_kiosk_process_never_shows_referrals_or_next_of_kin_while_the_board_has_them_open",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let cfg = dir.path().join("tavle.json");
    // A staff-room TV that opted in to everything a kiosk may show: full names, the
    // person's words, notes and risks. Referrals and next of kin are still not among them.
    std::fs::write(
        &cfg,
        r#"{"privacy": {"kiosk": {"names": true, "goals": true, "notes": true, "risks": true}}}"#,
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_tavle");
    let run = |extra: &str| {
        format!(
            "USER=kari {bin} --db {} --config {} {extra}",
            db.display(),
            cfg.display()
        )
    };
    let board = Tmux::start("kiosk-editor", (120, 30), &run("--demo"));
    board.wait_for("Arne Johansen");
    let kiosk = Tmux::start("kiosk-tv", (200, 50), &run("kiosk"));
    kiosk.wait_for("SKRIVEBESKYTTET");
    // The kiosk shows the ward as configured: names and all.
    let k = kiosk.wait_for("Ingrid Sæther");
    assert_nothing_secret(&k);

    // The board opens the queue and registers a referral.
    board.keys(&["H"]);
    board.wait_for("Randi Fossum");
    board.keys(&["n"]);
    board.wait_for("Ny henvisning");
    board.text("Sigrid Testesen");
    board.keys(&["Tab", "Right", "Enter"]);
    board.wait_for("Henvisningen er lagret");
    assert!(board.screen().contains("Sigrid Testesen"));
    assert_nothing_secret(&kiosk.screen());

    // The board opens Ingrid's next of kin and adds one, with a phone number.
    board.keys(&["Escape", "j", "P"]);
    board.wait_for("Liv Sæther");
    board.keys(&["n"]);
    board.wait_for("Ny pårørende");
    board.text("Solfrid Testesen");
    board.keys(&["Tab"]);
    board.text("niese");
    board.keys(&["Tab"]);
    board.text("98 76 54 32");
    board.keys(&["Enter"]);
    // Saved: the form is closed and the panel lists her.
    board.wait_until("the new next of kin in the panel", |s| {
        s.contains("Solfrid Testesen") && !s.contains("Ny pårørende")
    });
    assert_eq!(
        sqlite3(
            &db,
            "SELECT count(*) FROM next_of_kin WHERE name = 'Solfrid Testesen'"
        ),
        "1"
    );
    // Then a goal for Ingrid: once the kiosk shows it (2 of 4 goals), it has loaded the
    // stay with the new next of kin too.
    board.keys(&["Escape", "m", "n"]);
    board.text("Bake lefser til jul");
    board.keys(&["Enter"]);
    board.wait_for("Bake lefser til jul");
    let k = kiosk.wait_until("Ingrid's fourth goal on the kiosk", |s| {
        s.lines()
            .any(|l| l.contains("Ingrid Sæther") && l.contains("2/4"))
    });
    assert_nothing_secret(&k);
    // The board still has them on its screen; the kiosk, whatever is pressed, does not.
    board.keys(&["Escape", "P"]);
    board.wait_for("Solfrid Testesen");
    // (A kiosk only pages; the editing keys, tried too, do nothing there.)
    for key in [
        "H", "P", "Enter", "Right", "PageDown", "Left", "j", "P", "H",
    ] {
        kiosk.keys(&[key]);
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert_nothing_secret(&kiosk.screen());
    }
    assert!(kiosk.screen().contains("SKRIVEBESKYTTET"));
}
