//! Render tests with ratatui's TestBackend at 80x24, 120x40 and 200x50.

mod common;

use common::*;
use ratatui::style::{Color, Modifier};
use tavle::app::{Action, Mode};
use tavle::config::{Config, Language};
use tavle::domain::{DeadlineKind, Delay, MedStatus};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 50)];

#[test]
fn stay_on_day_15_of_35_at_every_size() {
    for size in SIZES {
        let a = app(
            Mode::Edit,
            Config::default(),
            vec![stay(1, "Solveig Nilsen", 14)],
            size,
        );
        let buf = render(&a);
        let text = screen(&buf);
        assert!(text.contains("15/35"), "{size:?}\n{text}");
        assert!(text.contains("Solveig"), "{size:?}\n{text}");
        assert!(text.contains("25.11.2026"), "{size:?}\n{text}");
        assert!(text.contains("uke 48"), "{size:?}\n{text}");
        assert!(text.contains("09:05"), "{size:?}\n{text}");
        assert!(text.contains("1/12 aktive"), "{size:?}\n{text}");
    }
}

#[test]
fn overdue_gp_has_its_symbol_and_red_colour() {
    // Day 15, GP not booked: the day-14 deadline passed yesterday.
    let s = stay(1, "Solveig Nilsen", 14);
    for size in SIZES {
        let a = app(Mode::Edit, Config::default(), vec![s.clone()], size);
        let buf = render(&a);
        let text = screen(&buf);
        let needle = if size.0 >= 200 {
            "✗ ikke bestilt 1d over"
        } else {
            "✗ 1d over"
        };
        let (x, y) =
            find(&buf, needle).unwrap_or_else(|| panic!("{size:?}: no {needle:?}\n{text}"));
        let cell = &buf[(x, y)];
        assert_eq!(cell.symbol(), "✗");
        assert_eq!(cell.fg, Color::Red, "{size:?}");
        assert!(cell.modifier.contains(Modifier::BOLD));
    }
}

#[test]
fn booked_in_time_gp_is_not_red_and_done_is_green() {
    let mut s = stay(1, "Per Lie", 5);
    s.gp.booked_for = Some(add(3));
    // Admitted Friday 20.11: day 3 is a Sunday, so the assessment is due the Friday.
    s.assessment_done = Some(add(-5));
    let a = app(Mode::Edit, Config::default(), vec![s], (200, 50));
    let buf = render(&a);
    let (x, y) = find(&buf, "○ bestilt 28.11").unwrap_or_else(|| panic!("{}", screen(&buf)));
    assert_ne!(buf[(x, y)].fg, Color::Red);
    // «gjennomført» is too long for the column: the tick and the date say it.
    let (x, y) = find(&buf, "✓ 20.11").unwrap_or_else(|| panic!("{}", screen(&buf)));
    assert_eq!(buf[(x, y)].fg, Color::Green);
}

fn add(n: i64) -> jiff::civil::Date {
    tavle::domain::dates::add_days(today(), n)
}

#[test]
fn medication_late_and_discharge_overdue_and_delay_reason_shown() {
    let mut s = stay(1, "Arne Johansen", 38);
    s.med_status = MedStatus::InProgress;
    s.delays.push(Delay {
        kind: DeadlineKind::Discharge,
        reason: "other".into(),
        text: "venter".into(),
    });
    let a = app(Mode::Edit, Config::default(), vec![s], (200, 50));
    let buf = render(&a);
    let text = screen(&buf);
    assert!(text.contains("39/35"), "{text}");
    // From hospital: medication by day 3 (20.10); day 35 (Saturday 21.11) moved to 20.11.
    assert!(text.contains("✗ pågår 36d over"), "{text}");
    let (x, y) = find(&buf, "✗ 20.11 5d over ⓘ").unwrap_or_else(|| panic!("{text}"));
    assert_eq!(buf[(x, y)].fg, Color::Red);
}

#[test]
fn rows_overflow_into_pages_and_the_user_can_move_between_them() {
    let stays: Vec<_> = (0..50)
        .map(|i| stay(i + 1, &format!("Ola Nr{i:02}"), i % 30))
        .collect();
    let mut a = app(Mode::Edit, Config::default(), stays, (80, 24));
    // 24 rows - header - capacity forecast - titles - footer = 20 rows per page → 3 pages.
    assert_eq!(a.rows_per_page(), 20);
    let text = screen(&render(&a));
    assert!(text.contains("side 1/3"), "{text}");
    let first_page_rows = text.matches("Ola Nr").count();
    assert_eq!(first_page_rows, 20);
    a.update(Action::PageDown);
    let text = screen(&render(&a));
    assert!(text.contains("side 2/3"), "{text}");
    a.update(Action::PageDown);
    a.update(Action::PageDown);
    let text = screen(&render(&a));
    assert!(text.contains("side 3/3"), "{text}");
    assert_eq!(text.matches("Ola Nr").count(), 10);
    a.update(Action::PageUp);
    assert!(screen(&render(&a)).contains("side 2/3"));
    // At TV size everything fits: no pager.
    let stays: Vec<_> = (0..40)
        .map(|i| stay(i + 1, &format!("Ola Nr{i:02}"), i % 30))
        .collect();
    let a = app(Mode::Edit, Config::default(), stays, (200, 50));
    let text = screen(&render(&a));
    assert!(!text.contains("side 1/"), "{text}");
}

#[test]
fn privacy_mode_shows_initials_and_tells_colliding_pairs_apart() {
    let stays = vec![
        stay(1, "Kari Hansen", 3),
        stay(2, "Knut Hansen", 2),
        stay(3, "Astrid Bakken", 1),
    ];
    for size in SIZES {
        let a = app(Mode::Kiosk, Config::default(), stays.clone(), size);
        let text = screen(&render(&a));
        assert!(!text.contains("Hansen"), "{size:?}\n{text}");
        assert!(!text.contains("Astrid"), "{size:?}\n{text}");
        assert!(text.contains("KH·a ≈"), "{size:?}\n{text}");
        assert!(text.contains("KH·n ≈"), "{size:?}\n{text}");
        assert!(text.contains("AB "), "{size:?}\n{text}");
        assert!(text.contains("SKRIVEBESKYTTET"), "{size:?}\n{text}");
    }
    // The editing board shows names by default…
    let a = app(Mode::Edit, Config::default(), stays.clone(), (120, 40));
    assert!(screen(&render(&a)).contains("Kari Hansen"));
    // …and initials when its privacy setting says so.
    let mut cfg = Config::default();
    cfg.privacy.board.names = false;
    let a = app(Mode::Edit, cfg, stays, (120, 40));
    let text = screen(&render(&a));
    assert!(!text.contains("Kari") && text.contains("KH·a"), "{text}");
}

#[test]
fn empty_state_says_how_to_add_the_first_stay() {
    for size in SIZES {
        let a = app(Mode::Edit, Config::default(), vec![], size);
        let text = screen(&render(&a));
        assert!(
            text.contains("Ingen aktive innleggelser"),
            "{size:?}\n{text}"
        );
        assert!(text.contains("tavle --demo"), "{size:?}\n{text}");
        assert!(text.contains("0/12 aktive"));
    }
    let cfg = Config {
        language: Language::En,
        ..Config::default()
    };
    let a = app(Mode::Kiosk, cfg, vec![], (80, 24));
    let text = screen(&render(&a));
    assert!(text.contains("No active stays"), "{text}");
    assert!(text.contains("editing board"), "{text}");
}

#[test]
fn narrow_terminal_never_wraps_a_row() {
    let mut s = stay(1, "Anne-Margrethe Kristiansen-Østby", 10);
    s.goals.push(tavle::domain::Goal {
        id: 1,
        position: 0,
        text: "Klare å gå helt ned til fjorden og tilbake uten å hvile på benken".into(),
        status: tavle::domain::GoalStatus::Open,
        set_on: add(-8),
        closed_on: None,
        score_start: None,
        score_end: None,
    });
    let a = app(
        Mode::Edit,
        Config::default(),
        vec![s, stay(2, "Per Lie", 3)],
        (80, 24),
    );
    let lines = lines(&render(&a));
    // Under the header and the capacity forecast, row 3 is the first stay, row 4 the
    // second: each on exactly one line.
    assert!(lines[3].contains("11/35"), "{}", lines.join("\n"));
    assert!(lines[4].contains("4/35"), "{}", lines.join("\n"));
    assert!(lines[3].contains('…'));
}

#[test]
fn english_by_config() {
    let cfg = Config {
        language: Language::En,
        ..Config::default()
    };
    let a = app(
        Mode::Edit,
        cfg,
        vec![stay(1, "Solveig Nilsen", 14)],
        (200, 50),
    );
    let text = screen(&render(&a));
    assert!(text.contains("Wednesday 25.11.2026 · week 48"), "{text}");
    assert!(text.contains("✗ not booked 1d late"), "{text}");
    assert!(text.contains("Discharge"), "{text}");
}

#[test]
fn control_characters_from_the_database_are_never_drawn() {
    let s = stay(1, "Kari\u{1b}[2J\u{1b}[31m Hansen\u{7}", 3);
    let a = app(Mode::Edit, Config::default(), vec![s], (120, 40));
    let buf = render(&a);
    let text = screen(&buf);
    assert!(text.contains("Kari Hansen"), "{text}");
    assert!(!text.contains('\u{1b}') && !text.contains("[2J") && !text.contains('\u{7}'));
}

#[test]
fn detail_pane_shows_everything_about_one_stay() {
    let mut s = stay(1, "Ingrid Sæther", 20);
    s.note = "Datter Liv er pårørende".into();
    s.risks = vec!["fall".into(), "nutrition".into()];
    s.goals.push(tavle::domain::Goal {
        id: 1,
        position: 0,
        text: "Være hjemme til jul".into(),
        status: tavle::domain::GoalStatus::Achieved,
        set_on: add(-19),
        closed_on: Some(add(-2)),
        score_start: None,
        score_end: None,
    });
    s.follow_ups.push(tavle::domain::FollowUp {
        id: 1,
        text: "Ringe datter".into(),
        discipline: "nurse".into(),
        due: Some(add(1)),
        done_on: None,
        created_on: add(-3),
    });
    let mut a = app(Mode::Edit, Config::default(), vec![s], (120, 40));
    a.update(Action::OpenDetail);
    let text = screen(&render(&a));
    for want in [
        "Være hjemme til jul",
        "(nådd 23.11.2026)",
        "Ringe datter",
        "Fall, Ernæring",
        "Datter Liv",
        "(dag 21 av 35)",
        "Utskrevet fra sykehus",
    ] {
        assert!(text.contains(want), "missing {want:?}\n{text}");
    }
    // A kiosk hides notes by default.
    let mut k = app(Mode::Kiosk, Config::default(), a.stays.clone(), (120, 40));
    k.update(Action::OpenDetail);
    assert!(!screen(&render(&k)).contains("Datter Liv"));
}

#[test]
fn tiny_terminal_gets_a_message_not_a_broken_screen() {
    let a = app(
        Mode::Edit,
        Config::default(),
        vec![stay(1, "Per Lie", 3)],
        (30, 6),
    );
    let text = screen(&render(&a));
    assert!(text.contains("for lite"), "{text}");
}

#[test]
fn monochrome_and_ascii_theme_still_mark_overdue() {
    let mut cfg = Config::default();
    cfg.theme.colors = tavle::config::ColorMode::Mono;
    cfg.theme.symbols = tavle::config::SymbolSet::Ascii;
    let a = app(
        Mode::Edit,
        cfg,
        vec![stay(1, "Solveig Nilsen", 14)],
        (200, 50),
    );
    let buf = render(&a);
    let (x, y) = find(&buf, "X ikke bestilt 1d over").unwrap_or_else(|| panic!("{}", screen(&buf)));
    assert_eq!(buf[(x, y)].fg, Color::Reset);
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(!screen(&buf).contains('█'));
}

#[test]
fn help_overlay_lists_the_keys_and_a_kiosk_ignores_every_other_key() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use tavle::app::keys::action_for_key;
    let mut a = app(
        Mode::Edit,
        Config::default(),
        vec![stay(1, "Per Lie", 3)],
        (120, 40),
    );
    a.update(Action::ToggleHelp);
    let text = screen(&render(&a));
    for want in ["Taster", "Enter", "vis/lukk detaljer", "avslutt"] {
        assert!(text.contains(want), "missing {want:?}\n{text}");
    }
    let k = app(
        Mode::Kiosk,
        Config::default(),
        vec![stay(1, "Per Lie", 3)],
        (120, 40),
    );
    let press = |c| KeyEvent::new(c, KeyModifiers::NONE);
    for c in (' '..='~').map(KeyCode::Char).chain([
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Delete,
        KeyCode::Tab,
    ]) {
        assert!(action_for_key(&k, press(c)).is_none(), "{c:?}");
    }
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(
        action_for_key(&k, ctrl_c).is_none(),
        "a stray Ctrl-C must not stop a kiosk"
    );
    assert!(matches!(
        action_for_key(&k, press(KeyCode::PageDown)),
        Some(Action::PageDown)
    ));
    assert!(matches!(
        action_for_key(&a, press(KeyCode::Char('q'))),
        Some(Action::CloseOverlay)
    ));
}

#[test]
fn kiosk_pages_rotate_on_their_own() {
    let stays: Vec<_> = (0..30)
        .map(|i| stay(i + 1, &format!("Ola Nr{i:02}"), i % 30))
        .collect();
    let mut k = app(Mode::Kiosk, Config::default(), stays, (80, 24));
    assert_eq!(k.paging(), (2, 0));
    let t0 = today().at(9, 5, 0, 0);
    k.update(Action::Tick(
        t0.checked_add(jiff::Span::new().seconds(10)).unwrap(),
    ));
    assert_eq!(k.paging().1, 0, "not yet: rotate_seconds is 15");
    k.update(Action::Tick(
        t0.checked_add(jiff::Span::new().seconds(16)).unwrap(),
    ));
    assert_eq!(k.paging().1, 1);
    k.update(Action::Tick(
        t0.checked_add(jiff::Span::new().seconds(32)).unwrap(),
    ));
    assert_eq!(k.paging().1, 0, "wraps to the first page");
}

#[test]
fn the_detail_pane_says_late_work_and_a_moved_deadline_as_the_board_does() {
    // Admitted Monday 16.11.2026: assessment by day 3 (18.11), done 20.11, 2 days late. GP by
    // day 14 = Sunday 29.11, moved to Friday 27.11.
    let mut s = stay(1, "Per Olav Lie", 9);
    s.assessment_done = Some(jiff::civil::date(2026, 11, 20));
    let mut a = app(Mode::Edit, Config::default(), vec![s], (120, 40));
    a.update(Action::OpenDetail);
    let text = screen(&render(&a));
    let line = |w: &str| {
        text.lines()
            .find(|l| l.contains(w))
            .unwrap_or("")
            .to_string()
    };
    assert!(
        line("│Kartlegging").contains("20.11.2026, 2d for sent"),
        "{text}"
    );
    assert!(
        line("│Legetime").contains("frist 27.11.2026, flyttet fra 29.11.2026"),
        "{text}"
    );
}

#[test]
fn the_footer_legend_never_runs_into_the_keys() {
    for w in (80..=220).step_by(3) {
        let a = app(
            Mode::Edit,
            Config::default(),
            vec![stay(1, "Kari Hansen", 3)],
            (w, 30),
        );
        let buf = render(&a);
        let footer = lines(&buf).last().unwrap().clone();
        let keys_at = footer
            .find("t tavlemøte")
            .or_else(|| footer.find("? "))
            .unwrap_or_else(|| panic!("{w}: no keys in {footer:?}"));
        assert!(
            footer[..keys_at].ends_with(' '),
            "{w}: the legend runs into the keys: {footer:?}"
        );
    }
}

#[test]
fn wrapped_text_in_the_detail_pane_keeps_its_indent_at_80x24() {
    let mut s = stay(1, "Arne Johansen", 20);
    s.note =
        "Datter Liv ringer hver kveld og vil gjerne bli kontaktet før alle endringer i medisinene"
            .into();
    let mut a = app(Mode::Edit, Config::default(), vec![s], (80, 24));
    a.update(Action::OpenDetail);
    let text = screen(&render(&a));
    let rows: Vec<&str> = text.lines().collect();
    let i = rows
        .iter()
        .position(|l| l.contains("│Notat"))
        .unwrap_or_else(|| panic!("{text}"));
    // The label column is as wide as on the first row; the next row continues under the text.
    let col = rows[i].find("Datter").unwrap();
    let next = rows[i + 1];
    assert!(
        next[..col].trim_start_matches('│').trim().is_empty(),
        "{text}"
    );
    assert!(!next[col..].starts_with(' '), "{text}");
}
