//! End to end in a real terminal (tmux): an event recorded with `h` on the real binary is
//! marked on the board, opens the stay at the stand-up, and an event recorded inside the
//! stand-up appears there at once; after the meeting the mark is gone. Needs tmux; without
//! it the test says so and passes unless `TAVLE_REQUIRE_TMUX=1`.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, Ward, tmux_available};

#[test]
fn an_event_recorded_with_h_opens_the_stay_at_the_stand_up() {
    if !tmux_available("the end-to-end events test") {
        return;
    }
    let ward = Ward::new();
    let db = ward.db.clone();
    let cmd = ward.cmd("USER=dag", "");
    let board = Tmux::start("events", (120, 30), &cmd);
    board.wait_for("Ingen aktive innleggelser");
    board.keys(&["a"]);
    board.wait_for("Ny innleggelse");
    board.text("Åse Ødegård");
    board.keys(&["Tab", "Tab", "Right", "Enter"]);
    board.wait_for("Lagret");

    // h: Fall, today, now (09:05), with a note.
    board.keys(&["h"]);
    let s = board.wait_for("Ny hendelse");
    assert!(s.contains("09:05"), "{s}");
    board.keys(&["f", "Tab", "Tab", "Tab"]);
    board.text("Falt i stua i natt");
    board.keys(&["Enter"]);
    let s = board.wait_for("Lagret");
    assert!(s.contains("◆ Åse Ødegård"), "{s}");

    board.keys(&["t"]);
    let s = board.wait_for("SIDEN INNLEGGELSEN");
    assert!(s.contains("Falt i stua i natt"), "{s}");
    // Recorded during the meeting: shown at once.
    board.keys(&["h", "k", "Tab", "Tab", "Tab"]);
    board.text("Legevakt ringt");
    board.keys(&["Enter"]);
    let s = board.wait_for("Legevakt ringt");
    assert!(s.contains("Kontakt med legevakt"), "{s}");
    assert!(s.contains("Falt i stua i natt"), "{s}");
    board.keys(&["o", "t"]);
    board.wait_for("Tavlemøtet er avsluttet");
    board.keys(&["Enter"]);
    let s = board.wait_until("the mark is gone after the meeting", |s| {
        s.contains("Åse Ødegård") && !s.contains('◆')
    });
    assert!(!s.contains("◆ Åse"), "{s}");

    let c = rusqlite::Connection::open(&db).unwrap();
    let rows: Vec<(String, String, String)> = c
        .prepare("SELECT kind, note, recorded_by FROM events ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        rows,
        [
            ("fall", "Falt i stua i natt", "dag"),
            ("out_of_hours", "Legevakt ringt", "dag")
        ]
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    );
    board.keys(&["q"]);
    board.wait_for("[exited 0]");
}
