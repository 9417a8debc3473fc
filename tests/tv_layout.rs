//! The board and the stand-up on the ward TV (200x50), a mid-size screen (120x30) and an
//! 80x24 terminal: space goes to the person's own words, kiosks show only what their
//! privacy allows, capacity counts only stays that have started, forms name the person.

mod common;

use common::*;
use ratatui::style::{Color, Modifier};
use tavle::app::{Action, App, FormKind, Mode, Overlay};
use tavle::config::Config;
use tavle::domain::{DeadlineKind, Delay, FollowUp, Goal, GoalStatus};

/// The demo ward, as `tavle --demo` shows it, on the tests' fixed day.
fn demo(mode: Mode, cfg: Config, size: (u16, u16)) -> App {
    let dir = std::env::temp_dir().join(format!(
        "tavle-tv-{}-{}",
        std::process::id(),
        std::thread::current()
            .name()
            .unwrap_or("t")
            .replace("::", "-")
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("demo.db");
    let mut conn = tavle::store::open_read_write(&path).unwrap();
    let now = today()
        .at(9, 5, 0, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Oslo").unwrap())
        .unwrap()
        .timestamp()
        .as_second();
    tavle::store::demo::seed_demo(&mut conn, today(), now, &cfg.rules()).unwrap();
    let stays = tavle::store::load_active(&conn).unwrap();
    drop(conn);
    let _ = std::fs::remove_dir_all(&dir);
    app(mode, cfg, stays, size)
}

fn goal(id: i64, text: &str) -> Goal {
    Goal {
        id,
        position: id,
        text: text.into(),
        status: GoalStatus::Open,
        set_on: add(-8),
        closed_on: None,
        score_start: None,
        score_end: None,
    }
}

fn add(n: i64) -> jiff::civil::Date {
    tavle::domain::dates::add_days(today(), n)
}

const LONG_GOAL: &str = "Klare å gå helt ned til fjorden og tilbake uten å hvile på benken ved butikken, slik jeg gjorde før fallet";

/// A stay whose goal is longer than any column, with a follow-up and a risk.
fn rich_stay() -> tavle::domain::Stay {
    let mut s = stay(1, "Marit Strand", 16);
    s.goals.push(goal(1, LONG_GOAL));
    s.goals
        .push(goal(2, "Strikke ferdig genseren til barnebarnet"));
    s.follow_ups.push(FollowUp {
        id: 1,
        text: "Ringe datter om helgen".into(),
        discipline: "nurse".into(),
        due: Some(add(2)),
        done_on: None,
        created_on: add(-1),
    });
    s.risks = vec!["fall".into()];
    s.note = "Datter Liv er pårørende".into();
    s
}

/// Every line's text, trimmed, joined by spaces: what a reader sees across wrapped lines.
fn flat(buf: &ratatui::buffer::Buffer) -> String {
    lines(buf)
        .iter()
        .map(|l| l.trim().to_string())
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_tv_gives_the_goal_column_the_room_and_shows_the_full_goal() {
    let a = demo(Mode::Edit, Config::default(), (200, 50));
    let buf = render(&a);
    let text = screen(&buf);
    assert!(text.contains("«Klare meg hjemme med litt hjelp»"), "{text}");
    // A goal longer than the column wraps onto the row's second line, under its own
    // first character, and is there in full.
    let mut stays = vec![rich_stay()];
    stays.extend((2..=8).map(|i| stay(i, &format!("Ola Nr{i}"), i)));
    let a = app(Mode::Edit, Config::default(), stays, (200, 50));
    let buf = render(&a);
    let (x0, y0) = find(&buf, "«Klare").unwrap();
    // The goals column, read down from the goal's first character: the whole goal, each
    // wrapped line starting under its first character.
    let parts: Vec<String> = lines(&buf)[usize::from(y0)..usize::from(y0) + 3]
        .iter()
        .map(|l| {
            let col: String = l.chars().skip(usize::from(x0)).collect();
            col.split("  ").next().unwrap().to_string()
        })
        .collect();
    assert!(parts.len() == 3 && parts[1].len() > 3, "{}", screen(&buf));
    assert_eq!(
        parts.join(" "),
        format!("«{LONG_GOAL}»"),
        "{}",
        screen(&buf)
    );
}

#[test]
fn few_stays_on_the_tv_use_the_height_with_the_next_step() {
    let mut first = rich_stay();
    first.goals.swap(0, 1);
    let mut stays = vec![first];
    stays.extend((2..=6).map(|i| stay(i, &format!("Ola Nr{i}"), 10 - i)));
    let a = app(Mode::Edit, Config::default(), stays, (200, 50));
    let buf = render(&a);
    let (_, y1) = find(&buf, "Marit Strand").unwrap();
    let (_, y2) = find(&buf, "Ola Nr2").unwrap();
    assert!(y2 - y1 >= 3, "rows take several lines\n{}", screen(&buf));
    // The next step (the follow-up due first) is on the row, under the goal.
    let (_, yf) = find(&buf, "Ringe datter").unwrap_or_else(|| panic!("{}", screen(&buf)));
    assert!(yf > y1 && yf < y2);
    // 40 stays don't fit twice over: one line each, as before.
    let stays: Vec<_> = (0..40)
        .map(|i| stay(i + 1, &format!("Ola Nr{i:02}"), i % 30))
        .collect();
    let a = app(Mode::Edit, Config::default(), stays, (200, 50));
    let l = lines(&render(&a));
    let rows: Vec<usize> = (0..l.len()).filter(|y| l[*y].contains("Ola Nr")).collect();
    assert_eq!(rows.len(), 40);
    assert_eq!(rows[39] - rows[0], 39, "{}", l.join("\n"));
    // 80x24 never spends lines on a row.
    let a = app(
        Mode::Edit,
        Config::default(),
        vec![rich_stay(), stay(2, "Per Lie", 3)],
        (80, 24),
    );
    let l = lines(&render(&a));
    // (Under the header and the capacity forecast.)
    assert!(
        l[3].contains("Marit") && l[4].contains("Per Lie"),
        "{}",
        l.join("\n")
    );
}

#[test]
fn the_stand_up_on_the_tv_uses_the_screen_for_the_person() {
    let mut s = rich_stay();
    s.delays.push(Delay {
        kind: DeadlineKind::Gp,
        reason: "waiting_gp".into(),
        text: "ringt to ganger".into(),
    });
    let mut a = app(Mode::Edit, Config::default(), vec![s], (200, 50));
    a.update(Action::StartStandup);
    let buf = render(&a);
    let text = flat(&buf);
    for want in [
        format!("«{LONG_GOAL}»"),
        "«Strikke ferdig genseren til barnebarnet»".to_string(),
        "Sykepleier: Ringe datter om helgen".to_string(),
        "Venter på fastlege: ringt to ganger".to_string(),
        "Datter Liv er pårørende".to_string(),
        "Fall".to_string(),
    ] {
        assert!(text.contains(&want), "missing {want:?}\n{}", screen(&buf));
    }
    // The goals are bold, and the deadlines carry their dates.
    let (x, y) = find(&buf, "«Klare").unwrap();
    assert!(buf[(x + 1, y)].modifier.contains(Modifier::BOLD));
    // Day 14 (Sunday 22.11) moved to the Friday before (deadlines.non_working_days).
    let gp_due = tavle::domain::dates::fmt_date(add(-16 + 13 - 2));
    assert!(
        text.contains(&gp_due),
        "GP deadline {gp_due}\n{}",
        screen(&buf)
    );
    // At 80x24 wrapped goals keep their indent too.
    let mut a = app(Mode::Edit, Config::default(), vec![rich_stay()], (80, 24));
    a.update(Action::StartStandup);
    let buf = render(&a);
    let l = lines(&buf);
    let (x0, y0) = find(&buf, "«Klare").unwrap();
    let next = &l[usize::from(y0) + 1];
    let indent =
        unicode_width::UnicodeWidthStr::width(&next[..next.find(|c: char| c != ' ').unwrap()]);
    assert_eq!(indent as u16, x0, "{}", l.join("\n"));
}

#[test]
fn kiosk_default_hides_goal_texts_risks_and_notes_and_a_staff_room_can_opt_in() {
    for size in [(80, 24), (120, 30), (200, 50)] {
        let mut k = app(Mode::Kiosk, Config::default(), vec![rich_stay()], size);
        let text = screen(&render(&k));
        assert!(
            !text.contains("Klare") && !text.contains("Strikke"),
            "{size:?}\n{text}"
        );
        assert!(
            !text.contains("FALL") && !text.contains("Risiko"),
            "{size:?}\n{text}"
        );
        assert!(!text.contains("Ringe datter"), "{size:?}\n{text}");
        assert!(text.contains("0/2"), "goal counts stay: {size:?}\n{text}");
        k.update(Action::OpenDetail);
        let text = screen(&render(&k));
        assert!(
            !text.contains("Datter Liv") && !text.contains("Fall"),
            "{text}"
        );
    }
    // A staff-room TV opts in to goals and risks.
    let mut cfg = Config::default();
    cfg.privacy.kiosk.goals = true;
    cfg.privacy.kiosk.risks = true;
    let k = app(Mode::Kiosk, cfg, vec![rich_stay()], (200, 50));
    let text = screen(&render(&k));
    assert!(text.contains("«Klare") && text.contains("FALL"), "{text}");
    assert!(!text.contains("Marit"), "names stay hidden: {text}");
    // Any column can be hidden per screen.
    let cfg: Config =
        serde_json::from_str(r#"{"privacy": {"board": {"hide_columns": ["contact", "group"]}}}"#)
            .unwrap();
    let a = app(Mode::Edit, cfg, vec![rich_stay()], (200, 50));
    let text = screen(&render(&a));
    assert!(
        !text.contains("Primærkontakt") && !text.contains("Gruppe"),
        "{text}"
    );
    assert!(!text.contains("Anne Sykepleier"), "{text}");
    assert!(text.contains("«Klare"), "{text}");
}

#[test]
fn capacity_counts_started_stays_and_warns_when_over() {
    let started = |n: i64| -> Vec<tavle::domain::Stay> {
        (1..=n)
            .map(|i| stay(i, &format!("Ola Nr{i:02}"), i))
            .collect()
    };
    let planned = |id: i64| {
        let mut s = stay(id, "Olav Haugen", 0);
        s.admitted = add(2);
        s.planned_discharge = add(36);
        s
    };
    for size in [(80, 24), (120, 30), (200, 50)] {
        // 12 started and one planned on 12 places: full, the planned one apart, amber.
        let mut stays = started(12);
        stays.push(planned(99));
        let a = app(Mode::Edit, Config::default(), stays, size);
        let buf = render(&a);
        let head = &lines(&buf)[0];
        assert!(head.contains("12/12"), "{size:?} {head}");
        assert!(!head.contains("13/12"), "{size:?} {head}");
        let (x, y) = find(&buf, "! 12/12").unwrap_or_else(|| panic!("{size:?} {head}"));
        assert_eq!(buf[(x, y)].fg, Color::Yellow, "{size:?}");
        if size.0 >= 120 {
            assert!(
                head.contains("12/12 aktive · 1 planlagt"),
                "{size:?} {head}"
            );
        }
        // 13 started on 12 places: red, with its symbol and words where there is room.
        let a = app(Mode::Edit, Config::default(), started(13), size);
        let buf = render(&a);
        let head = &lines(&buf)[0];
        let (x, y) = find(&buf, "✗ 13/12").unwrap_or_else(|| panic!("{size:?} {head}"));
        assert_eq!(buf[(x, y)].fg, Color::Red, "{size:?}");
        assert_eq!(buf[(x + 2, y)].fg, Color::Red, "{size:?}");
        if size.0 >= 120 {
            assert!(head.contains("over kapasitet"), "{size:?} {head}");
        }
        // Room to spare: no warning.
        let a = app(Mode::Edit, Config::default(), started(3), size);
        let buf = render(&a);
        let (x, y) = find(&buf, "3/12 aktive").unwrap();
        assert_ne!(buf[(x, y)].fg, Color::Red);
        assert_ne!(buf[(x, y)].fg, Color::Yellow);
    }
}

#[test]
fn forms_and_panels_name_the_person_and_leave_the_row_in_sight() {
    let stays: Vec<_> = (1..=12)
        .map(|i| stay(i, &format!("Ola {i:02}"), 20 - i))
        .collect();
    for kind in [
        FormKind::Discharge,
        FormKind::Gp,
        FormKind::Medication,
        FormKind::Assessment,
        FormKind::Delay,
        FormKind::EditStay,
        FormKind::AddFollowUp,
        FormKind::AddGoal,
    ] {
        for sel in [0usize, 5, 11] {
            let mut a = app(Mode::Edit, Config::default(), stays.clone(), (80, 24));
            for _ in 0..sel {
                a.update(Action::Down);
            }
            a.update(Action::OpenForm(kind));
            assert!(a.form.is_some(), "{kind:?}");
            let buf = render(&a);
            let text = screen(&buf);
            let name = format!("Ola {:02}", sel + 1);
            assert!(
                text.contains(&format!("{name} · ")),
                "{kind:?}: no title with {name}\n{text}"
            );
            // The row itself is still on screen, outside the form.
            let row_visible = lines(&buf)
                .iter()
                .any(|l| l.contains(&name) && l.contains("/35"));
            assert!(row_visible, "{kind:?} sel {sel}\n{text}");
        }
    }
    for overlay in [Overlay::Goals, Overlay::FollowUps, Overlay::Risks] {
        let mut a = app(Mode::Edit, Config::default(), stays.clone(), (80, 24));
        a.update(Action::Open(overlay));
        let text = screen(&render(&a));
        assert!(text.contains("Ola 01 ·"), "{overlay:?}\n{text}");
    }
}

#[test]
fn at_80x24_nothing_essential_is_cut() {
    // The stand-up's header keeps the red count, its footer how to end the meeting.
    let mut a = demo(Mode::Edit, Config::default(), (80, 24));
    a.update(Action::StartStandup);
    let l = lines(&render(&a));
    assert!(l[0].contains("over frist"), "{}", l[0]);
    assert!(l[23].contains("avslutt møtet"), "{}", l[23]);
    // The kiosk header keeps the ward's whole name.
    let cfg = Config {
        ward_name: "Virtuell avdeling Sone Nord".into(),
        ..Config::default()
    };
    let k = demo(Mode::Kiosk, cfg, (80, 24));
    let l = lines(&render(&k));
    assert!(l[0].contains("Virtuell avdeling Sone Nord"), "{}", l[0]);
    assert!(
        l[0].contains("SKRIVEBESKYTTET") && l[0].contains("│ ✗ "),
        "{}",
        l[0]
    );
    // Ctrl-C over unsaved typing says all of it, "Esc forkaster" included.
    let mut a = demo(Mode::Edit, Config::default(), (80, 24));
    a.update(Action::OpenForm(FormKind::AddGoal));
    a.update(Action::Paste("Gå til butikken".into()));
    a.update(Action::Interrupt);
    let text = flat(&render(&a));
    assert!(text.contains("Esc forkaster"), "{}", screen(&render(&a)));
    // One format per column: never `-3d` beside `1d over`.
    let a = demo(Mode::Edit, Config::default(), (80, 24));
    let text = screen(&render(&a));
    assert!(text.contains("d over"), "{text}");
    let short = regex_lite(&text);
    assert!(!short, "a column mixes -Nd with Nd over\n{text}");
}

/// Whether `text` holds a `-<digits>d` day count.
fn regex_lite(text: &str) -> bool {
    text.match_indices('-').any(|(i, _)| {
        let rest = &text[i + 1..];
        let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        digits > 0 && rest[digits..].starts_with('d')
    })
}

#[test]
fn a_gp_cell_with_a_delay_reason_still_says_whether_it_is_booked() {
    let reason = Delay {
        kind: DeadlineKind::Gp,
        reason: "waiting_gp".into(),
        text: String::new(),
    };
    let mut not_booked = stay(1, "Solveig Nilsen", 16);
    not_booked.delays.push(reason.clone());
    let mut booked = stay(2, "Marit Strand", 16);
    booked.gp.booked_for = Some(add(3));
    booked.delays.push(reason);
    let a = app(
        Mode::Edit,
        Config::default(),
        vec![not_booked, booked],
        (200, 50),
    );
    let text = screen(&render(&a));
    // Day 14 (Sunday 22.11) moved to Friday 20.11: 5 days over.
    assert!(text.contains("✗ ikke bestilt 5d over ⓘ"), "{text}");
    assert!(
        text.contains(&format!(
            "bestilt {}",
            tavle::domain::dates::fmt_short(add(3))
        )),
        "{text}"
    );
}

#[test]
fn a_gp_booking_after_the_deadline_says_it_will_be_late() {
    // Day 6; the GP deadline (day 14) is ahead, the booking is after it.
    let mut late = stay(1, "Eirik Berg", 5);
    late.gp.booked_for = Some(add(20));
    let mut in_time = stay(2, "Kari Hansen", 5);
    in_time.gp.booked_for = Some(add(3));
    for size in [(200, 50), (80, 24)] {
        let a = app(
            Mode::Edit,
            Config::default(),
            vec![late.clone(), in_time.clone()],
            size,
        );
        let text = screen(&render(&a));
        let row = |name: &str| {
            text.lines()
                .find(|l| l.contains(name))
                .unwrap_or_else(|| panic!("{name}:\n{text}"))
                .to_string()
        };
        let date = tavle::domain::dates::fmt_short(add(20));
        assert!(
            row("Eirik").contains(&format!("! {date}")),
            "{size:?}\n{text}"
        );
        if size.0 == 200 {
            assert!(
                row("Eirik").contains(&format!("! {date} etter frist")),
                "{text}"
            );
            assert!(!row("Kari").contains("etter frist"), "{text}");
        }
    }
}
