//! Stand-up mode: key sequences produce the meeting log, the time box changes colour, the
//! board marks stays not discussed, and the screen fits a laptop and a TV.

mod common;

use common::board::Board;
use common::{render, today};
use crossterm::event::KeyCode;
use jiff::civil::date;
use rusqlite::Connection;
use tavle::app::Action;
use tavle::config::Config;
use tavle::domain::Level;
use tavle::session::{self};
use tavle::store;

/// A board with three stays: one overdue (admitted 10 days ago), one due soon (today),
/// one on track.
fn board(size: (u16, u16)) -> Board {
    Board::prepared(size, |conn| {
        let tx = conn.transaction().unwrap();
        let mut fine = common::stay(0, "Cecilie Fin", 5);
        fine.assessment_done = Some(date(2026, 11, 21));
        fine.gp.booked_for = Some(date(2026, 11, 30));
        fine.med_status = tavle::domain::MedStatus::Done;
        fine.med_done = Some(date(2026, 11, 22));
        // On track means the person's goals are written down too.
        fine.goals.push(tavle::domain::Goal {
            id: 0,
            position: 1,
            text: "Gå til butikken".into(),
            status: tavle::domain::GoalStatus::Open,
            set_on: date(2026, 11, 20),
            closed_on: None,
            score_start: None,
            score_end: None,
        });
        for s in [
            fine,
            common::stay(0, "Anne Sen", 10),
            common::stay(0, "Bodil Ny", 0),
        ] {
            store::demo::insert_stay(&tx, &s, 1_795_000_000).unwrap();
        }
        tx.commit().unwrap();
    })
}

impl Board {
    fn at(&mut self, h: i8, m: i8, s: i8) -> &mut Self {
        session::dispatch(
            &mut self.app,
            Some(&mut self.editor),
            Action::Tick(today().at(h, m, s, 0)),
        );
        self
    }
    fn focused_name(&self) -> String {
        self.app.selected_stay().unwrap().1.name.clone()
    }
}

#[test]
fn a_stand_up_steps_through_flagged_stays_first_and_logs_the_meeting() {
    let mut b = board((120, 30));
    b.keys("t");
    assert!(b.app.standup.is_some());
    // Overdue first, then due soon, then on track.
    assert_eq!(b.focused_name(), "Anne Sen");
    // The team stays on her half a minute: discussed.
    b.at(9, 5, 30);
    b.key(KeyCode::Right);
    assert_eq!(b.focused_name(), "Bodil Ny");
    // Add a follow-up without leaving the mode.
    b.keys("f").keys("n").keys("Ringe datter");
    b.key(KeyCode::Tab)
        .key(KeyCode::Right)
        .key(KeyCode::Tab)
        .keys("+1");
    b.key(KeyCode::Enter).key(KeyCode::Esc);
    assert!(b.app.standup.is_some(), "still in the stand-up");
    assert_eq!(b.focused_name(), "Bodil Ny");
    b.at(9, 17, 0);
    b.keys("t");
    assert!(b.app.standup.is_none());
    let sum = b.app.summary.clone().expect("a summary");
    assert_eq!((sum.discussed, sum.of), (2, 3));
    assert_eq!(sum.follow_ups_created, 1);
    assert_eq!(sum.minutes_used, 12);
    assert_eq!(sum.missed, vec!["Cecilie Fin".to_string()]);
    let s = b.screen();
    assert!(s.contains("2 av 3") && s.contains("Cecilie Fin"), "{s}");

    let c = Connection::open(&b.path).unwrap();
    let (d, start, end, led): (String, i64, Option<i64>, String) = c
        .query_row(
            "SELECT date, started_at, ended_at, led_by FROM meetings",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!((d.as_str(), led.as_str()), ("2026-11-25", "anne"));
    assert!(end.is_some() && end.unwrap() >= start);
    let discussed: Vec<String> = c
        .prepare(
            "SELECT s.name FROM meeting_stays m JOIN stays s ON s.id = m.stay_id ORDER BY m.discussed_at, s.name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(discussed, ["Anne Sen", "Bodil Ny"]);
    // The board now knows who was discussed today.
    let stays = store::load_active(&c).unwrap();
    let anne = stays.iter().find(|s| s.name == "Anne Sen").unwrap();
    assert_eq!(anne.last_discussed, Some(today()));
    b.key(KeyCode::Esc);
    assert!(b.app.summary.is_none());
}

#[test]
fn the_stand_up_shows_what_the_last_change_was() {
    let mut b = board((120, 40));
    // Book the GP for the stay that will be discussed first.
    b.keys("t");
    assert_eq!(b.focused_name(), "Anne Sen");
    b.keys("l").keys("30.11").key(KeyCode::Enter);
    let s = b.screen();
    assert!(s.contains("Bestilt til: – → 30.11.2026"), "{s}");
    assert!(s.contains("anne · 25.11"), "{s}");
}

#[test]
fn the_time_box_counts_down_and_turns_amber_then_red() {
    let mut b = board((120, 30));
    b.at(9, 0, 0).keys("t");
    assert!(
        b.screen().contains("TAVLEMØTE 15 min igjen"),
        "{}",
        b.screen()
    );
    b.at(9, 2, 30);
    assert!(b.screen().contains("TAVLEMØTE 13 min igjen"));
    let colour_of = |b: &Board, needle: &str| {
        let buf = render(&b.app);
        let (x, y) = common::find(&buf, needle).unwrap();
        buf[(x, y)].fg
    };
    let theme = tavle::ui::theme::Theme::new(&b.app.config);
    let normal = colour_of(&b, "TAVLEMØTE");
    b.at(9, 12, 30);
    let amber = colour_of(&b, "TAVLEMØTE");
    assert_eq!(Some(amber), theme.level(Level::DueSoon).fg);
    assert_ne!(normal, amber);
    b.at(9, 16, 5);
    assert!(
        b.screen().contains("TAVLEMØTE 2 min over tiden"),
        "{}",
        b.screen()
    );
    assert_eq!(
        Some(colour_of(&b, "TAVLEMØTE")),
        theme.level(Level::Overdue).fg
    );
}

#[test]
fn the_board_marks_stays_not_discussed_for_more_than_n_days() {
    let mut b = board((120, 30));
    // Admitted 10 days ago and never discussed: marked. Admitted today: not yet.
    let s = b.screen();
    let line = |name: &str| s.lines().find(|l| l.contains(name)).unwrap().to_string();
    assert!(line("Anne Sen").contains('◌'), "{s}");
    assert!(!line("Bodil Ny").contains('◌'), "{s}");
    // Discussing her clears the mark once the board reloads.
    b.keys("t").at(9, 5, 30).key(KeyCode::Right).keys("t");
    let c = Connection::open(&b.path).unwrap();
    let stays = store::load_active(&c).unwrap();
    session::dispatch(&mut b.app, Some(&mut b.editor), Action::DataLoaded(stays));
    b.key(KeyCode::Esc);
    let s = b.screen();
    let line = |name: &str| s.lines().find(|l| l.contains(name)).unwrap().to_string();
    assert!(!line("Anne Sen").contains('◌'), "{s}");
}

#[test]
fn the_stand_up_screen_fits_a_laptop_and_a_tv() {
    for size in [(80, 24), (200, 50)] {
        let mut b = board(size);
        b.keys("t");
        let s = b.screen();
        assert!(s.contains("Anne Sen"), "{size:?}\n{s}");
        assert!(s.contains("Innleggelse 1 av 3"), "{size:?}\n{s}");
        assert!(s.contains("Kartlegging"), "{size:?}\n{s}");
        assert!(s.contains("TAVLEMØTE"), "{size:?}\n{s}");
        if size.0 == 200 {
            // Day 11 of 35 in block digits.
            assert!(s.contains("██ ███"), "{s}");
        } else {
            assert!(s.contains("dag 11 av 35"), "{s}");
        }
    }
}

#[test]
fn key_i_shows_the_indicators_of_the_same_data() {
    let mut b = board((200, 50));
    b.keys("t")
        .at(9, 5, 30)
        .key(KeyCode::Right)
        .at(9, 6, 0)
        .keys("t")
        .key(KeyCode::Esc);
    b.keys("i");
    assert_eq!(b.app.overlay, tavle::app::Overlay::Indicators);
    let s = b.screen();
    assert!(s.contains("Indikatorer"), "{s}");
    // Three stays admitted in the period; today's stand-up discussed 2 of the 3 active.
    assert!(s.contains("3 innleggelser i perioden"), "{s}");
    assert!(s.contains("2/3"), "{s}");
    b.key(KeyCode::Esc);
    assert_eq!(b.app.overlay, tavle::app::Overlay::None);
}

#[test]
fn paging_through_does_not_count_as_discussed_and_summary_and_indicators_agree() {
    let mut b = board((200, 50));
    // A planned admission (tomorrow) is on the board but not yet the ward's to discuss.
    {
        let mut conn = store::open_read_write(&b.path).unwrap();
        let tx = conn.transaction().unwrap();
        let mut planned = common::stay(0, "Dagny Planlagt", 0);
        planned.admitted = jiff::civil::date(2026, 11, 26);
        store::demo::insert_stay(&tx, &planned, 1_795_000_000).unwrap();
        tx.commit().unwrap();
        let stays = store::load_active(&conn).unwrap();
        session::dispatch(&mut b.app, Some(&mut b.editor), Action::DataLoaded(stays));
    }
    b.keys("t");
    assert_eq!(
        b.app.standup.as_ref().unwrap().order.len(),
        3,
        "planned admission left out"
    );
    // Page through all three within seconds: nothing counts.
    b.at(9, 5, 3)
        .key(KeyCode::Right)
        .at(9, 5, 6)
        .key(KeyCode::Right);
    assert!(b.app.standup.as_ref().unwrap().discussed.is_empty());
    // Back on the first one: the earlier 3 s add up with the next 17 s, and a tick marks it
    // while the team is still on it.
    b.key(KeyCode::Left).key(KeyCode::Left);
    assert_eq!(b.focused_name(), "Anne Sen");
    b.at(9, 5, 23);
    assert_eq!(b.app.standup.as_ref().unwrap().discussed.len(), 1);
    // Marked explicitly with `o`, however short the visit.
    b.key(KeyCode::Right).keys("o");
    assert_eq!(b.app.standup.as_ref().unwrap().discussed.len(), 2);
    b.key(KeyCode::Right).at(9, 5, 25).keys("t");
    let sum = b.app.summary.clone().unwrap();
    assert_eq!((sum.discussed, sum.of), (2, 3));
    assert_eq!(sum.missed, vec!["Cecilie Fin".to_string()]);
    // The indicators count the same meeting the same way.
    b.key(KeyCode::Esc);
    let c = Connection::open(&b.path).unwrap();
    let stays = store::load_all(&c).unwrap();
    let meetings = store::load_meetings(&c).unwrap();
    let report = tavle::report::Report::compute(
        &stays,
        &meetings,
        &Config::default().rules(),
        today(),
        today(),
    );
    let m = &report.standups;
    assert_eq!((m.discussed.met, m.discussed.of), (2, 3));
}

#[test]
fn the_indicators_scroll_with_the_arrow_keys_on_a_small_terminal() {
    // 80x14 (a split tmux pane): not even the figures fit at once.
    let mut b = board((80, 14));
    b.keys("i");
    assert_eq!(b.app.overlay, tavle::app::Overlay::Indicators);
    let first = b.screen();
    assert!(first.contains("linjer til"), "{first}");
    for _ in 0..40 {
        b.key(KeyCode::Down);
    }
    let end = b.screen();
    assert!(end.contains("Ukegrafer"), "{end}");
    assert_ne!(first, end);
    b.key(KeyCode::PageUp)
        .key(KeyCode::PageUp)
        .key(KeyCode::PageUp)
        .key(KeyCode::PageUp);
    assert!(b.screen().contains("Prosess"), "{}", b.screen());
}
