//! A planned discharge typed onto a weekend is kept (it was chosen) but said, on the board
//! and in the detail pane, so the team plans the discharge visit.

mod common;

use common::{app, lines, render};
use jiff::civil::date;
use tavle::app::{Action, Mode};
use tavle::config::Config;

fn saturday_discharge(size: (u16, u16)) -> tavle::app::App {
    let mut s = common::stay(1, "Kari Hansen", 20);
    s.planned_discharge = date(2026, 11, 28); // a Saturday
    app(Mode::Edit, Config::default(), vec![s], size)
}

#[test]
fn the_board_marks_a_weekend_discharge() {
    let a = saturday_discharge((200, 50));
    let row = lines(&render(&a))
        .into_iter()
        .find(|l| l.contains("Kari Hansen"))
        .unwrap();
    assert!(row.contains("28.11 3d (helg)"), "{row}");
}

#[test]
fn the_detail_pane_marks_a_weekend_discharge() {
    for size in [(80, 24), (200, 50)] {
        let mut a = saturday_discharge(size);
        a.update(Action::OpenDetail);
        let screen = lines(&render(&a)).join("\n");
        assert!(screen.contains("(frist 28.11.2026, helg)"), "{screen}");
    }
}
