//! `theme.symbols: auto` (the default) follows the terminal: a TV on the Linux console
//! (`TERM=linux`, a small font) gets plain ASCII, a normal terminal gets ✓ ○ ✗. Real binary
//! in tmux; skipped without tmux unless `TAVLE_REQUIRE_TMUX=1`.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, tools_available};

fn board_on(term: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let cfg = dir.path().join("tavle.json");
    std::fs::write(&cfg, "{}").unwrap();
    let t = Tmux::start(
        &format!("term-{term}"),
        (120, 30),
        &format!(
            "TERM={term} {} --demo --db '{}' --config '{}'",
            env!("CARGO_BIN_EXE_tavle"),
            db.display(),
            cfg.display()
        ),
    );
    t.wait_for("Arne Johansen")
}

#[test]
fn the_linux_console_gets_ascii_and_a_normal_terminal_unicode() {
    if !tools_available("the_linux_console_gets_ascii") {
        return;
    }
    let console = board_on("linux");
    assert!(
        !console.contains('✓') && !console.contains('│'),
        "{console}"
    );
    assert!(
        console.contains("+ ") && console.contains(" | "),
        "{console}"
    );
    let xterm = board_on("xterm-256color");
    assert!(xterm.contains('✓') && xterm.contains('│'), "{xterm}");
}

#[test]
fn auto_is_the_default_and_draws_unicode_until_a_terminal_decides() {
    let cfg = tavle::config::Config::default();
    assert_eq!(cfg.theme.symbols, tavle::config::SymbolSet::Auto);
    assert!(!cfg.theme.symbols.is_ascii());
    assert!(tavle::config::SymbolSet::Ascii.is_ascii());
}
