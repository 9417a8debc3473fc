//! The person's own goal score set on the real binary in a real terminal (tmux), on the demo
//! ward: `m` opens the goals, `p` the score form; the panel shows the change and the
//! database holds it. Skips without tmux unless `TAVLE_REQUIRE_TMUX=1`.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::Tmux;

#[test]
fn a_goal_score_typed_on_the_real_board_is_shown_and_stored() {
    let have = std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok();
    if !have {
        assert!(
            std::env::var("TAVLE_REQUIRE_TMUX").is_err(),
            "tmux required"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let cfg = dir.path().join("tavle.json");
    std::fs::write(&cfg, "{}").unwrap();
    let bin = env!("CARGO_BIN_EXE_tavle");
    let board = Tmux::start(
        "fidelity-score",
        (120, 30),
        &format!(
            "USER=kari {bin} --db {} --config {} --demo",
            db.display(),
            cfg.display()
        ),
    );
    board.wait_for("Arne Johansen");
    // The first row's goals: «Klare meg hjemme med litt hjelp», no score yet.
    board.keys(&["m"]);
    board.wait_for("p skår");
    board.keys(&["p"]);
    board.wait_for("Skår ved hjemmebesøket (0–10)");
    board.text("3");
    board.keys(&["Tab"]);
    board.text("7");
    board.keys(&["Enter"]);
    let s = board.wait_for("egen skår 3→7 (+4)");
    assert!(s.contains("Klare meg hjemme med litt hjelp"), "{s}");
    let c = rusqlite::Connection::open(&db).unwrap();
    let (a, b): (i64, i64) = c
        .query_row(
            "SELECT score_start, score_end FROM goals WHERE text = 'Klare meg hjemme med litt hjelp'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((a, b), (3, 7));
    let who: String = c
        .query_row(
            "SELECT user FROM audit_log WHERE field LIKE 'goal.%.score_end' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(who, "kari");
}
