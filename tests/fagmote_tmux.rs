//! One fagmøte on the real binary in a real terminal (tmux), as the team lead holds it: plan
//! the semester, put a case up, hold the meeting through its steps, end it; the database has
//! it all. Needs tmux; without it the test says so and passes unless `TAVLE_REQUIRE_TMUX=1`.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, Ward, tmux_available};

/// Wait until `needle` shows and the save behind it is done (its form closed): keys sent
/// while a save is under way go to the still-open form, or are refused, on a loaded machine.
fn saved(t: &Tmux, needle: &str) {
    t.wait_until(&format!("{needle:?} saved"), |s| {
        s.contains(needle) && !s.contains("Esc avbryt") && !s.contains("Lagrer")
    });
}

#[test]
fn one_fagmote_is_held_on_the_real_binary() {
    if !tmux_available("the fagmøte end-to-end test") {
        return;
    }
    let ward = Ward::new();
    let db = ward.db.clone();
    let cmd = ward.cmd("USER=kari", "");
    let t = Tmux::start("fagmote", (100, 30), &cmd);
    t.wait_for("Ingen aktive innleggelser");
    t.keys(&["a"]);
    t.wait_for("Ny innleggelse");
    t.text("Arne Johansen");
    t.keys(&["Tab", "Tab", "Right", "Enter"]);
    t.wait_for("Lagret");

    t.keys(&["F"]);
    t.wait_for("Ingen fagmøter er planlagt");
    t.keys(&["g"]);
    t.wait_for("fagmøter inn i møteplanen");
    t.keys(&["a"]);
    t.wait_for("Sett opp en sak");
    t.text("Uro om natta");
    t.keys(&["Enter"]);
    t.wait_for("1. Arne Johansen: Uro om natta");
    t.keys(&["Enter"]);
    t.wait_for("Hold fagmøtet");
    t.text("Dag Helsefagarbeider");
    t.keys(&["Enter"]);
    // Thursday's meeting held on Wednesday: the day it was held, and the day planned.
    t.wait_for("FAGMØTE  onsdag 25.11.2026 · planlagt torsdag 26.11");
    t.wait_for("a) Situasjonen");
    // Ending now would leave the case without a measure: asked first, and `n` goes back.
    t.keys(&["t"]);
    let s = t.wait_for("Avslutte likevel? (j/n)");
    assert!(
        s.contains("1 sak har ingen tiltak") && s.contains("Uro om natta – ingen tiltak"),
        "{s}"
    );
    t.keys(&["n"]);
    t.wait_for("a) Situasjonen");
    // Who is there: the staff checklist, Space ticks Anne (first on the list).
    t.keys(&["M"]);
    t.wait_for("Hvem er til stede på fagmøtet?");
    t.keys(&["Space"]);
    t.wait_for("[x] Anne Sykepleier");
    t.keys(&["Escape"]);
    t.wait_for("Til stede (1): Anne Sykepleier (SPL)");
    t.keys(&["Enter"]);
    t.text("Tirsdag kl. 02 på soverommet");
    t.keys(&["Enter"]);
    saved(&t, "   Tirsdag kl. 02 på soverommet");
    t.keys(&["Right"]);
    t.wait_for("b) Personens perspektiv");
    t.keys(&["Enter", "Tab", "Tab"]);
    t.text("Redd i mørket");
    t.keys(&["Enter"]);
    saved(&t, "   Redd i mørket");
    t.keys(&["Right", "a"]);
    t.wait_for("c) Nytt tiltak");
    t.text("Nattlampe og radio");
    t.keys(&["Tab"]);
    t.text("Kveldsvakt");
    t.keys(&["Enter"]);
    saved(&t, "Nattlampe og radio – Kveldsvakt");
    t.keys(&["Right", "Enter"]);
    t.wait_for("Når skal tiltakene evalueres");
    t.keys(&["Enter"]);
    t.wait_for("Evalueres: 10.12.2026");
    t.keys(&["t"]);
    t.wait_for("Fagmøtet er avsluttet");
    t.keys(&["Escape"]);
    // The board marks nothing yet (the measure is due on 10.12); the detail pane has it.
    t.keys(&["Enter"]);
    let s = t.wait_for("Fagmøter");
    assert!(
        s.contains("Uro om natta") && s.contains("evalueres 10.12"),
        "{s}"
    );

    let c = rusqlite::Connection::open(&db).unwrap();
    let (status, led, ended): (String, String, Option<i64>) = c
        .query_row(
            "SELECT status, led_by, ended_at FROM case_meetings WHERE date = '2026-11-26'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (status.as_str(), led.as_str()),
        ("held", "Dag Helsefagarbeider")
    );
    assert!(ended.is_some());
    // The planned date is kept (the query above found it); the start says when it was held.
    let started: i64 = c
        .query_row(
            "SELECT started_at FROM case_meetings WHERE date = '2026-11-26'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let held = jiff::Timestamp::from_second(started)
        .unwrap()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Oslo").unwrap())
        .date();
    assert_eq!(held, jiff::civil::date(2026, 11, 25));
    let (text, who, on): (String, String, String) = c
        .query_row("SELECT text, who, evaluate_on FROM measures", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(
        (text.as_str(), who.as_str(), on.as_str()),
        ("Nattlampe og radio", "Kveldsvakt", "2026-12-10")
    );
    let (name, disc): (String, String) = c
        .query_row(
            "SELECT name, discipline FROM attendance WHERE kind = 'case'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    // A name from the staff list brings its discipline.
    assert_eq!((name.as_str(), disc.as_str()), ("Anne Sykepleier", "nurse"));
    t.keys(&["Escape", "q"]);
}
