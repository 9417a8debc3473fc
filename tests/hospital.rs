//! A person admitted to hospital during the stay: `h` → «Innlagt på sykehus» puts a badge
//! over the row's home-visit deadlines (paused, no longer red, not counted in the header),
//! in the detail pane and in the stand-up's heading; «Tilbake fra sykehus» takes it away.
//! A corridor kiosk (no events shown) says only that the deadlines are on hold.

mod common;

use common::board::Board;
use common::{lines, render, today};
use crossterm::event::KeyCode;
use ratatui::style::Modifier;
use tavle::app::Mode;
use tavle::config::{Config, SymbolSet};
use tavle::domain::{Event, Stay};

/// Day 10 with nothing done: the assessment is 2 days over (red), GP and medication due.
fn knut() -> Stay {
    common::stay(0, "Knut Hansen", 9)
}

fn board(size: (u16, u16)) -> Board {
    Board::with_stays(&[knut(), common::stay(0, "Ola Nordmann", 2)], size)
}

fn record(b: &mut Board, first_letter: char) {
    b.key(KeyCode::Char('h')).keys(&first_letter.to_string());
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none(), "{:?}", b.app.form);
}

fn row<'a>(screen: &'a str, name: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("no row {name} in\n{screen}"))
}

#[test]
fn admission_puts_a_badge_over_the_paused_deadlines_and_return_takes_it_away() {
    for size in [(80, 24), (200, 50)] {
        let mut b = board(size);
        let before = b.screen();
        assert!(row(&before, "Knut").contains("over"), "{before}");
        assert!(before.contains("✗ 3 over frist"), "{before}");
        // «i» picks «Innlagt på sykehus».
        record(&mut b, 'i');
        let s = b.screen();
        let knut = row(&s, "Knut");
        let want = if size.0 == 80 {
            "SYKEHUS 25.11 · frister på vent"
        } else {
            "PÅ SYKEHUS fra 25.11 · frister på vent"
        };
        assert!(knut.contains(want), "{size:?}\n{s}");
        assert!(
            !knut.contains("over"),
            "no red deadline beside the badge:\n{s}"
        );
        assert!(
            s.contains("ingen over frist"),
            "paused deadlines are not counted:\n{s}"
        );
        assert!(!knut.contains('✗'), "nothing red on the row:\n{s}");
        // «t» picks «Tilbake fra sykehus»: back home, deadlines red again.
        record(&mut b, 't');
        let s = b.screen();
        assert!(!s.contains("SYKEHUS"), "{s}");
        assert!(row(&s, "Knut").contains("over"), "{s}");
        assert!(s.contains("✗ 3 over frist"), "{s}");
    }
}

#[test]
fn the_badge_is_reversed_bold_and_shown_in_the_detail_pane_and_the_stand_up() {
    let mut b = board((200, 50));
    record(&mut b, 'i');
    let buf = render(&b.app);
    let text = lines(&buf);
    let y = text.iter().position(|l| l.contains("PÅ SYKEHUS")).unwrap();
    let x = text[y].chars().position(|c| c == 'P').unwrap() as u16;
    let m = buf[(x + 3, y as u16)].modifier;
    assert!(m.contains(Modifier::REVERSED) && m.contains(Modifier::BOLD));
    // Detail pane: since when, which day, and what is paused.
    b.key(KeyCode::Enter);
    let s = b.screen();
    assert!(s.contains("PÅ SYKEHUS fra 25.11.2026 (1. døgn)"), "{s}");
    assert!(s.contains("Frister · på vent (på sykehus)"), "{s}");
    b.key(KeyCode::Esc);
    // The stand-up's heading for the stay says it next to the name.
    b.key(KeyCode::Char('t'));
    for _ in 0..2 {
        if b.screen()
            .lines()
            .take(6)
            .any(|l| l.starts_with(" Knut Hansen"))
        {
            break;
        }
        b.key(KeyCode::Right);
    }
    let s = b.screen();
    let head = s.lines().find(|l| l.starts_with(" Knut Hansen")).unwrap();
    assert!(head.contains("PÅ SYKEHUS fra 25.11"), "{s}");
    assert!(s.contains("Frister · på vent (på sykehus)"), "{s}");
}

fn in_hospital(mut s: Stay, on: jiff::civil::Date) -> Stay {
    s.events = vec![Event {
        id: 1,
        occurred_on: on,
        occurred_time: None,
        kind: "hospital_admission".into(),
        note: "Innlagt medisinsk avdeling".into(),
        recorded_by: "anne".into(),
        recorded_at: 0,
    }];
    s
}

#[test]
fn a_corridor_kiosk_says_on_hold_and_a_staff_room_kiosk_says_hospital_in_ascii() {
    let yesterday = tavle::domain::dates::add_days(today(), -1);
    let stays = vec![in_hospital(knut(), yesterday)];
    let mut cfg = Config::default();
    cfg.theme.symbols = SymbolSet::Ascii;
    for size in [(80, 24), (200, 50)] {
        let app = common::app(Mode::Kiosk, cfg.clone(), stays.clone(), size);
        let s = lines(&render(&app)).join("\n");
        let r = row(&s, "KH");
        assert!(r.contains("PÅ VENT"), "{s}");
        assert!(
            !s.contains("SYKEHUS"),
            "events are hidden on this kiosk:\n{s}"
        );
        assert!(!r.contains("over"), "{s}");
    }
    // A staff-room kiosk that may show events (risks) names the hospital.
    cfg.privacy.kiosk.risks = true;
    let app = common::app(Mode::Kiosk, cfg, stays, (80, 24));
    let s = lines(&render(&app)).join("\n");
    assert!(row(&s, "KH").contains("SYKEHUS 24.11"), "{s}");
    assert!(s.is_ascii() || !s.contains('✗'), "{s}");
}

#[test]
fn english_badge() {
    let cfg = Config {
        language: tavle::config::Language::En,
        ..Config::default()
    };
    let stays = vec![in_hospital(knut(), today())];
    let app = common::app(Mode::Edit, cfg, stays, (200, 50));
    let s = lines(&render(&app)).join("\n");
    assert!(
        row(&s, "Knut").contains("IN HOSPITAL since 25.11 · deadlines paused"),
        "{s}"
    );
}

/// Twelve people on a ward of twelve (all here past 01.12), Torill accepted for 01.12 with
/// a target group, and Sverre discharged last week.
fn full_ward(size: (u16, u16)) -> Board {
    use tavle::domain::referral::{DecisionFields, ReferralFields, Source, Verdict};
    use tavle::store::referrals::{ReferralOp, commit_referral};
    Board::prepared(size, |conn| {
        let mut stays: Vec<Stay> = (0..12)
            .map(|i| common::stay(0, &format!("Person {i:02}"), 5))
            .collect();
        let mut sverre = common::stay(0, "Sverre Moen", 30);
        sverre.status = tavle::domain::StayStatus::Discharged;
        sverre.discharged_on = Some(tavle::domain::dates::add_days(today(), -6));
        stays.push(sverre);
        common::board::insert_stays(conn, &stays);
        let t = today();
        let mut op = |o: ReferralOp| commit_referral(conn, &o, "lead", 1_795_000_000, t).unwrap();
        let torill = op(ReferralOp::Create(ReferralFields {
            name: "Torill Vik".into(),
            source: Source::AllocationOffice,
            received_on: jiff::civil::date(2026, 11, 19),
            target_group: "from_hospital".into(),
            note: String::new(),
        }))
        .referral;
        op(ReferralOp::Decide {
            id: torill.id,
            version: torill.version,
            decision: DecisionFields {
                decision: Verdict::Accepted,
                decided_on: Some(jiff::civil::date(2026, 11, 21)),
                planned_admission: Some(jiff::civil::date(2026, 12, 1)),
                decline_reason: String::new(),
            },
        });
    })
}

fn active(b: &Board) -> i64 {
    b.db()
        .query_row(
            "SELECT count(*) FROM stays WHERE status = 'active'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn admitting_a_referral_onto_a_full_ward_says_so_before_yes_with_its_group_prefilled() {
    for size in [(80, 24), (200, 50)] {
        let mut b = full_ward(size);
        b.keys("H");
        assert_eq!(
            b.app.intake.selected_referral(today()).unwrap().name,
            "Torill Vik"
        );
        b.keys("l");
        let f = b.app.form.as_ref().expect("the admit form");
        assert_eq!(
            f.fields[0].value(),
            "from_hospital",
            "prefilled from the referral"
        );
        b.key(KeyCode::Tab).keys("Anne Sykepleier");
        b.key(KeyCode::Enter);
        let s = b.screen();
        assert!(s.contains("Legge inn Torill Vik fra 01.12.2026?"), "{s}");
        assert!(
            s.contains("Dette gir 13 av 12 plasser tir 01.12. Legge inn likevel? (j/n)"),
            "{size:?}\n{s}"
        );
        // No: nothing written.
        b.keys("n");
        assert_eq!(active(&b), 12);
        // Asked again, yes: admitted knowingly, with the group and the contact.
        b.keys("l").key(KeyCode::Enter).keys("j");
        assert_eq!(active(&b), 13);
        let (group, contact): (String, String) = b
            .db()
            .query_row(
                "SELECT target_group, primary_contact FROM stays WHERE name = 'Torill Vik'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((group.as_str(), contact.as_str()), ("from_hospital", ""));
    }
}

#[test]
fn reopening_from_the_archive_onto_a_full_ward_says_so_before_yes() {
    for size in [(80, 24), (200, 50)] {
        let mut b = full_ward(size);
        b.keys("A");
        b.key(KeyCode::Enter).keys("g");
        let s = b.screen();
        assert!(
            s.contains("Dette gir 13 av 12 plasser i dag. Gjenåpne likevel? (j/n)"),
            "{size:?}\n{s}"
        );
        assert!(s.contains("j ja"), "the keys still show:\n{s}");
        b.keys("n");
        assert_eq!(active(&b), 12);
    }
    // With room, no capacity line.
    let mut b = full_ward((120, 40));
    let mut cfg = b.app.config.clone();
    cfg.capacity = 14;
    b.app.config = cfg;
    b.keys("A");
    b.key(KeyCode::Enter).keys("g");
    let s = b.screen();
    assert!(s.contains("Gjenåpne innleggelsen for Sverre Moen?"), "{s}");
    assert!(!s.contains("plasser"), "{s}");
    b.keys("j");
    assert_eq!(active(&b), 13);
}

#[test]
fn adding_a_stay_onto_a_full_ward_warns_once_and_enter_again_saves() {
    for size in [(80, 24), (200, 50)] {
        let mut b = full_ward(size);
        b.keys("a").keys("Ola Ny");
        b.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Right);
        b.key(KeyCode::Enter);
        let f = b.app.form.as_ref().expect("the form stays open");
        assert_eq!(
            f.error.as_deref(),
            Some("Dette gir 13 av 12 plasser i dag. Enter igjen lagrer likevel.")
        );
        assert!(
            b.screen().contains("Dette gir 13 av 12 plasser i dag."),
            "{}",
            b.screen()
        );
        assert_eq!(active(&b), 12);
        b.key(KeyCode::Enter);
        assert!(b.app.form.is_none(), "{}", b.screen());
        assert_eq!(active(&b), 13);
    }
}
