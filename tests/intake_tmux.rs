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
    // Register: from the GP (one → from «Sykehus»), received today.
    board.keys(&["n"]);
    board.wait_for("Ny henvisning");
    board.text("Kari Nordmann");
    board.keys(&["Tab", "Right", "Enter"]);
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

    // Accept, admission planned for Friday 27.11 (accepted is offered first).
    board.keys(&["b"]);
    board.wait_for("Beslutning om henvisning");
    board.keys(&["Tab"]);
    board.text("27.11.2026");
    board.keys(&["Enter"]);
    let s = board.wait_for("Godkjent – venter på innleggelse");
    assert!(s.contains("Kari Nordmann"), "{s}");
    assert_eq!(
        sqlite3(
            &db,
            "SELECT decision || '|' || planned_admission || '|' || coalesce(stay_id, '-') FROM referrals"
        ),
        "accepted|2026-11-27|-"
    );

    // Admit: asked first, then one step to the board.
    board.keys(&["l"]);
    board.wait_for("Legge inn Kari Nordmann fra 27.11.2026?");
    board.keys(&["j"]);
    let s = board.wait_for("Lagt inn: Kari Nordmann fra 27.11.2026");
    // The queue is closed and the new stay is on the board: admitted in two days.
    assert!(!s.contains("Henvisninger"), "{s}");
    let row = s
        .lines()
        .find(|l| l.contains("Kari Nordmann") && !l.contains("Lagt inn"))
        .unwrap_or_else(|| panic!("no row for Kari Nordmann:\n{s}"));
    assert!(row.contains("+2d"), "{row}");
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
    let s = board.wait_for("Godkjent – venter på innleggelse");
    assert!(s.contains("Kari Nordmann"), "{s}");
}
