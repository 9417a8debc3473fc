//! End to end in a real terminal (tmux), on a real database: «Innlagt på sykehus»
//! recorded with `h` on the real binary puts the badge on the row at 80x24 with ASCII
//! symbols (TERM=linux) and removes the red deadline; a kiosk process on the same file
//! says only «PÅ VENT»; «Tilbake fra sykehus» takes both away. Needs tmux; without it
//! the test says so and passes unless `TAVLE_REQUIRE_TMUX=1`.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, Ward, tmux_available};

#[test]
fn a_hospital_admission_shows_on_the_real_board_and_kiosk_and_a_return_ends_it() {
    if !tmux_available("the end-to-end hospital test") {
        return;
    }
    let ward = Ward::new();
    let _db = ward.db.clone();
    let cmd = ward.cmd("TERM=linux USER=dag", "");
    let board = Tmux::start("hospital", (80, 24), &cmd);
    board.wait_for("Ingen aktive innleggelser");
    // Admitted 15.11 (day 11): the assessment is overdue.
    board.keys(&["a"]);
    board.wait_for("Ny innleggelse");
    board.text("Knut Hansen");
    board.keys(&["Tab", "Tab", "Right", "Tab"]);
    board.text("15.11.2026");
    board.keys(&["Enter"]);
    let s = board.wait_for("Lagret");
    let row = |s: &str| {
        s.lines()
            .find(|l| l.contains("Knut"))
            .unwrap_or_else(|| panic!("no row:\n{s}"))
            .to_string()
    };
    assert!(row(&s).contains("X "), "overdue before:\n{s}");

    board.keys(&["h", "i", "Enter"]);
    let s = board.wait_for("SYKEHUS 25.11");
    let r = row(&s);
    assert!(r.contains("SYKEHUS 25.11"), "{s}");
    assert!(!r.contains("X "), "no red deadline beside the badge:\n{s}");

    let kcmd = ward.cmd("TERM=linux", "kiosk");
    let kiosk = Tmux::start("hospital-kiosk", (80, 24), &kcmd);
    let s = kiosk.wait_for("PÅ VENT");
    assert!(!s.contains("SYKEHUS"), "{s}");

    board.keys(&["h", "t", "Enter"]);
    board.wait_until("the badge gone", |s| !s.contains("SYKEHUS"));
    kiosk.wait_until("the kiosk's badge gone", |s| !s.contains("PÅ VENT"));
}
