//! Two rows with one name are easily mixed up at the stand-up: adding a stay with the name
//! of one already on the board warns first (with that stay's admission date), and a second
//! Enter saves, because two people can share a name.

mod common;

use common::board::Board;
use crossterm::event::KeyCode;

fn count(b: &Board) -> i64 {
    b.db()
        .query_row("SELECT count(*) FROM stays", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_name_already_on_the_board_warns_once_then_saves() {
    let mut b = Board::with_stays(&[common::stay(0, "Ragnhild Ødegård", 5)], (120, 40));
    b.keys("a").keys("ragnhild  ødegård");
    b.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Right);
    b.key(KeyCode::Enter);
    let s = b.screen();
    assert!(
        s.contains("Ragnhild Ødegård står alt på tavla (innlagt 20.11.2026)"),
        "{s}"
    );
    assert_eq!(count(&b), 1, "nothing is saved on the first Enter");
    assert!(b.app.form.is_some());
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none(), "{:?}", b.app.form);
    assert_eq!(count(&b), 2);
}

#[test]
fn another_name_saves_at_once() {
    let mut b = Board::with_stays(&[common::stay(0, "Ragnhild Ødegård", 5)], (120, 40));
    b.keys("a").keys("Ragnhild Ødegaard");
    b.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Right);
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none(), "{:?}", b.app.form);
    assert_eq!(count(&b), 2);
}
