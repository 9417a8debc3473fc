//! `tavle kiosk --demo` beside a running `tavle --demo`: the kiosk shows the same demo and
//! follows its changes, and never re-creates the file under the editing board.
//! Needs tmux and sqlite3 (skipped with a note unless `.ci/run` requires them).

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, sqlite3, tools_available};

const BIN: &str = env!("CARGO_BIN_EXE_tavle");

#[test]
fn a_demo_kiosk_follows_the_demo_board_and_never_reseeds_it() {
    if !tools_available("the demo kiosk test") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let env = format!(
        "HOME='{}' XDG_DATA_HOME= TAVLE_DB= USER=kari",
        home.path().display()
    );
    let board = Tmux::start("demo-edit", (160, 40), &format!("{env} {BIN} --demo"));
    board.wait_for("Arne Johansen");
    let kiosk = Tmux::start(
        "demo-kiosk",
        (160, 40),
        &format!("{env} {BIN} kiosk --demo"),
    );
    kiosk.wait_for("SKRIVEBESKYTTET");
    let db = home.path().join(".local/share/tavle/demo.db");
    let before = sqlite3(&db, "SELECT count(*) FROM stays");
    // A change on the editing board reaches the kiosk; the kiosk started after the board
    // did not replace the board's file (the board's save landed in the file it shows).
    board.keys(&["a"]);
    board.wait_for("Ny innleggelse");
    board.text("Zakarias Demosen");
    board.keys(&["Tab", "Tab", "Right", "Enter"]);
    // The demo ward is full (12/12): the form says so once, Enter again saves.
    board.wait_for("Dette gir 13 av 12 plasser i dag");
    board.keys(&["Enter"]);
    board.wait_until("saved", |s| {
        s.contains("Lagret") && !s.contains("Ny innleggelse")
    });
    let after: i64 = sqlite3(&db, "SELECT count(*) FROM stays").parse().unwrap();
    assert_eq!(after, before.parse::<i64>().unwrap() + 1);
    // The kiosk shows initials by default: ZD.
    kiosk.wait_for("ZD");
}
