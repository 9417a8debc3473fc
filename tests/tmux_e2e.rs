//! End to end in a real terminal (tmux): the editing board and a kiosk on one database, driven
//! by keystrokes as a person would. Needs tmux; without it the test says so and passes unless
//! `TAVLE_REQUIRE_TMUX=1` (set by `.ci/run`, which installs tmux).

#[path = "common/tmux.rs"]
mod tmux;

use std::path::Path;
use std::time::Duration;
use tmux::{Tmux, tmux_available};

fn checksum(db: &Path) -> Vec<u8> {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    drop(c);
    std::fs::read(db).unwrap()
}

#[test]
fn a_person_runs_the_done_when_flow_and_the_kiosk_follows_and_refuses() {
    if !tmux_available("the end-to-end terminal test") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let bin = env!("CARGO_BIN_EXE_tavle");
    // Built-in defaults, whatever config the working directory holds.
    let cfg = dir.path().join("tavle.json");
    std::fs::write(&cfg, "{}").unwrap();
    let run = |extra: &str| {
        format!(
            "USER=kari {bin} --db {} --config {} {extra}",
            db.display(),
            cfg.display()
        )
    };
    let board = Tmux::start("board", (120, 30), &run(""));
    board.wait_for("Ingen aktive innleggelser");
    let kiosk = Tmux::start("kiosk", (120, 30), &run("kiosk"));
    kiosk.wait_for("SKRIVEBESKYTTET");

    board.keys(&["a"]);
    board.wait_for("Ny innleggelse");
    board.text("Åse Ødegård");
    board.keys(&["Tab", "Tab", "Right", "Enter"]);
    board.wait_for("Lagret");
    board.keys(&["m", "n"]);
    board.text("Gå til butikken");
    // Each save is waited for: keys typed while a save is in flight are not queued for the
    // next form (a loaded CI machine makes that window visible).
    board.keys(&["Enter"]);
    board.wait_for("«Gå til butikken»");
    board.keys(&["n"]);
    board.text("Sove hele natten");
    board.keys(&["Enter"]);
    board.wait_for("«Sove hele natten»");
    board.keys(&["Escape", "l"]);
    board.text("30.11");
    board.keys(&["Enter"]);
    board.wait_for("bestilt 30.11");
    board.keys(&["s", "Right", "Right", "Enter"]);
    let s = board.wait_for("✓ 25.11");
    assert!(s.contains("0/2"), "{s}");
    // The kiosk shows the same stay (as initials) with the same flags.
    let k = kiosk.wait_for("bestilt 30.11");
    assert!(k.contains("ÅØ") && !k.contains("Åse"), "{k}");

    // Discharge is the evaluation: each goal evaluated, each open deadline decided (with a
    // note), then the outcome. Enter before that points at what is missing.
    board.keys(&["x"]);
    board.wait_for("Evaluering og utskriving");
    board.keys(&["Enter"]);
    board.wait_for("mangler beslutning");
    // Each goal also asks the person's own end score: 7 for the first, «ikke målt» for the
    // second.
    board.keys(&[
        "Right", "Tab", "7", "Tab", "Right", "Tab", "i", "Tab", "Right", "Tab",
    ]);
    board.text("Hjemmetjenesten kartlegger");
    board.keys(&["Tab", "Right", "Tab"]);
    board.text("Beholder timen hos fastlegen");
    // The model: no primary contact was named, and that needs its reason.
    board.keys(&["Tab"]);
    board.wait_for("Ikke oppfylt: Primærkontakt");
    board.text("Utskrevet samme dag");
    board.keys(&["Tab", "Tab", "Right", "Enter"]);
    board.wait_for("Ingen aktive innleggelser");
    kiosk.wait_for("0/12 aktive");
    // The end scores went with the discharge: 7, and none for «ikke målt».
    let ends: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT group_concat(coalesce(score_end, '–'), ' ') FROM (SELECT score_end FROM goals ORDER BY position)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(ends, "7 –");
    board.keys(&["u"]);
    board.wait_for("Angret");
    kiosk.wait_for("1/12 aktive");

    // Every editing key on the kiosk does nothing to the database.
    let before = checksum(&db);
    for k in [
        "a", "e", "m", "n", "x", "u", "D", "Delete", "c", "j", "t", "i", "l", "s", "Enter", "q",
        "C-c", "Escape",
    ] {
        kiosk.keys(&[k]);
    }
    kiosk.text("Hei\n");
    std::thread::sleep(Duration::from_millis(300));
    let k = kiosk.screen();
    assert!(k.contains("SKRIVEBESKYTTET") && k.contains("ÅØ"), "{k}");
    assert_eq!(checksum(&db), before);

    // A stand-up: the time box in the header, one stay in focus, a follow-up added in the
    // mode, then the summary; the meeting log records it.
    board.keys(&["t"]);
    board.wait_for("TAVLEMØTE");
    board.wait_for("Innleggelse 1 av 1");
    board.keys(&["f", "n"]);
    board.text("Ringe datter");
    board.keys(&["Tab", "Right", "Enter"]);
    board.wait_for("Ringe datter");
    board.keys(&["Escape", "t"]);
    let s = board.wait_for("Tavlemøtet er avsluttet");
    assert!(s.contains("1 av 1"), "{s}");
    board.keys(&["Enter"]);
    let c = rusqlite::Connection::open(&db).unwrap();
    let (led, discussed): (String, i64) = c
        .query_row(
            "SELECT led_by, (SELECT count(*) FROM meeting_stays) FROM meetings WHERE ended_at IS NOT NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((led.as_str(), discussed), ("kari", 1));

    // Quitting restores the terminal and exits cleanly.
    board.keys(&["q"]);
    board.wait_for("[exited 0]");
}
