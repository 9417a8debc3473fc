//! A stay's day and state read the same on every screen: a planned stay has no day number
//! («om 2d», «planlagt 27.11.2026, om 2d»), a stay admitted today is on day 1, an ended stay
//! shows how it ended and no counter that keeps running; the GP form warns (and still
//! saves) when the appointment is booked on a weekend or public holiday.

mod common;

use common::*;
use tavle::app::archive::ArchiveAction;
use tavle::app::{Action, FormKey, FormKind, Mode};
use tavle::config::{Config, Language};
use tavle::domain::dates::add_days;
use tavle::domain::{Stay, StayStatus};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

/// Admitted in two days (27.11.2026), with the board's usual details.
fn planned() -> Stay {
    let mut s = stay(2, "Olav Haugen", -2);
    s.target_group = "new_user".into();
    s
}

fn no_day_number(text: &str) {
    for bad in ["dag -", "dag 0", "+2d", "-1/35", "0/35", "starter om"] {
        assert!(!text.contains(bad), "{bad:?} on screen:\n{text}");
    }
}

#[test]
fn a_planned_stay_reads_the_same_on_the_board_kiosk_and_detail_pane() {
    for size in SIZES {
        let stays = vec![stay(1, "Per Lie", 0), planned()];
        let mut a = app(Mode::Edit, Config::default(), stays.clone(), size);
        let board = screen(&render(&a));
        // Admitted today: day 1.
        assert!(board.contains("1/35"), "{size:?}\n{board}");
        // Not begun: no day number, the days until it starts.
        let row = board.lines().find(|l| l.contains("Olav")).unwrap();
        assert!(row.contains("om 2d"), "{size:?}\n{board}");
        no_day_number(&board);

        let k = app(Mode::Kiosk, Config::default(), stays.clone(), size);
        let kiosk = screen(&render(&k));
        let want = if size.0 >= 200 {
            "planlagt 27.11"
        } else {
            "om 2d"
        };
        assert!(kiosk.contains(want), "{size:?}\n{kiosk}");
        no_day_number(&kiosk);

        a.update(Action::Down);
        a.update(Action::OpenDetail);
        let detail = screen(&render(&a));
        assert!(
            detail.contains("planlagt 27.11.2026, om 2d"),
            "{size:?}\n{detail}"
        );
        no_day_number(&detail);
        if size.1 >= 50 {
            // The model fidelity line of the stay length says the same, not «dag 0 av 35».
            let line = detail
                .lines()
                .find(|l| l.contains("5 ukers opphold"))
                .unwrap_or_else(|| panic!("{detail}"));
            assert!(line.contains("planlagt 27.11.2026, om 2d"), "{detail}");
        }
        a.update(Action::Up);
        let detail = screen(&render(&a));
        assert!(detail.contains("(dag 1 av 35)"), "{size:?}\n{detail}");
    }
}

#[test]
fn english_words_for_a_planned_stay_and_day_one() {
    let cfg = Config {
        language: Language::En,
        ..Config::default()
    };
    let mut a = app(
        Mode::Edit,
        cfg,
        vec![stay(1, "Per Lie", 0), planned()],
        (200, 50),
    );
    let board = screen(&render(&a));
    assert!(board.contains("in 2d"), "{board}");
    a.update(Action::OpenDetail);
    assert!(screen(&render(&a)).contains("(day 1 of 35)"));
    a.update(Action::Down);
    let detail = screen(&render(&a));
    assert!(detail.contains("planned 27.11.2026, in 2d"), "{detail}");
}

/// Discharged on day 33 (20.11) with the GP appointment never held and a follow-up left
/// open; cancelled on its second day; called off before its admission day.
fn ended() -> Vec<Stay> {
    let at = |d: jiff::civil::Date| {
        d.at(12, 0, 0, 0)
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .unwrap()
            .timestamp()
            .as_second()
    };
    let mut out = stay(1, "Sverre Moen", 37);
    out.status = StayStatus::Discharged;
    out.discharged_on = Some(add_days(today(), -5));
    out.discharge_outcome = Some("home".into());
    out.assessment_done = Some(add_days(today(), -35));
    out.updated_at = at(add_days(today(), -5));
    out.follow_ups.push(tavle::domain::FollowUp {
        id: 1,
        text: "Ringe datter".into(),
        discipline: "nurse".into(),
        due: Some(add_days(today(), -10)),
        done_on: None,
        created_on: add_days(today(), -20),
    });
    let mut stopped = stay(2, "Helga Moe", 10);
    stopped.status = StayStatus::Cancelled;
    stopped.updated_at = at(add_days(today(), -9));
    let mut off = stay(3, "Arne Berg", 5);
    off.status = StayStatus::Cancelled;
    off.updated_at = at(add_days(today(), -7));
    vec![out, stopped, off]
}

#[test]
fn the_archive_shows_how_a_stay_ended_and_nothing_that_ticks() {
    for size in SIZES {
        let mut a = app(Mode::Edit, Config::default(), vec![], size);
        a.update(Action::OpenArchive);
        a.update(Action::ArchiveLoaded(ended()));
        let list = screen(&render(&a));
        let row = |name: &str| {
            list.lines()
                .find(|l| l.contains(name))
                .unwrap_or_else(|| panic!("{name}\n{list}"))
                .to_string()
        };
        assert!(
            row("Sverre Moen").contains("utskrevet 20.11.2026 (dag 33 av 35)"),
            "{size:?}\n{list}"
        );
        assert!(
            row("Helga Moe").contains("avbrutt 16.11.2026 (dag 2 av 35)"),
            "{size:?}\n{list}"
        );
        assert!(
            row("Arne Berg").contains("avlyst 18.11.2026"),
            "{size:?}\n{list}"
        );
        // The details of each, as they stood when it ended: no days left, nothing over.
        let names = a
            .archive
            .as_ref()
            .unwrap()
            .matches(today())
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>();
        a.update(Action::Archive(ArchiveAction::Detail(true)));
        for name in names {
            let detail = screen(&render(&a));
            assert!(detail.contains(&format!("{name} · Detaljer")), "{detail}");
            for bad in ["igjen", "d over", "i dag"] {
                assert!(
                    !detail.contains(bad),
                    "{name} {size:?}: {bad:?} on an ended stay:\n{detail}"
                );
            }
            a.update(Action::Archive(ArchiveAction::Move(1)));
        }
    }
}

/// Search the archive for `name` and show its details.
fn show(a: &mut tavle::app::App, name: &str) -> String {
    a.update(Action::Archive(ArchiveAction::Detail(false)));
    a.update(Action::Archive(ArchiveAction::Key(FormKey::Clear)));
    for c in name.chars() {
        a.update(Action::Archive(ArchiveAction::Key(FormKey::Char(c))));
    }
    a.update(Action::Archive(ArchiveAction::Detail(true)));
    screen(&render(a))
}

#[test]
fn an_ended_stays_detail_names_its_final_state() {
    let mut a = app(Mode::Edit, Config::default(), vec![], (200, 50));
    a.update(Action::OpenArchive);
    a.update(Action::ArchiveLoaded(ended()));
    let s = show(&mut a, "Sverre");
    assert!(
        s.contains("19.10.2026 · utskrevet 20.11.2026 (dag 33 av 35)"),
        "{s}"
    );
    assert!(s.contains("Legetime               – ikke bestilt"), "{s}");
    assert!(s.contains("Sist endret            20.11.2026"), "{s}");
    assert!(
        s.contains("Status: utskrevet 20.11.2026 (dag 33 av 35)"),
        "{s}"
    );
    let s = show(&mut a, "Arne");
    assert!(s.contains("avlyst 18.11.2026"), "{s}");
    assert!(
        !s.contains("(dag "),
        "called off before day 1: no day number\n{s}"
    );
    let s = show(&mut a, "Helga");
    assert!(s.contains("avbrutt 16.11.2026 (dag 2 av 35)"), "{s}");
}

fn type_into(a: &mut tavle::app::App, text: &str) {
    a.update(Action::FormKey(FormKey::Clear));
    for c in text.chars() {
        a.update(Action::FormKey(FormKey::Char(c)));
    }
}

#[test]
fn a_gp_appointment_on_a_holiday_or_weekend_is_warned_about_not_refused() {
    for size in SIZES {
        let mut a = app(
            Mode::Edit,
            Config::default(),
            vec![stay(1, "Per Lie", 3)],
            size,
        );
        a.update(Action::OpenForm(FormKind::Gp));
        type_into(&mut a, "25.12.2026");
        let s = screen(&render(&a));
        assert!(s.contains("NB: 25.12.2026 er 1. juledag"), "{size:?}\n{s}");
        type_into(&mut a, "28.11");
        let s = screen(&render(&a));
        assert!(s.contains("NB: 28.11.2026 er en lørdag"), "{size:?}\n{s}");
        // A working day: no warning.
        type_into(&mut a, "1.12.2026");
        let s = screen(&render(&a));
        assert!(!s.contains("NB:"), "{size:?}\n{s}");
        // Back on a holiday, Enter still saves (a write is requested, no error).
        type_into(&mut a, "25.12.2026");
        a.requests.clear();
        a.update(Action::SubmitForm);
        assert!(
            a.form.as_ref().is_none_or(|f| f.error.is_none()),
            "{size:?}"
        );
        assert!(
            !a.requests.is_empty(),
            "{size:?}: the booking was not saved"
        );
    }
}

#[test]
fn the_gp_warning_in_english() {
    let cfg = Config {
        language: Language::En,
        ..Config::default()
    };
    let mut a = app(Mode::Edit, cfg, vec![stay(1, "Per Lie", 3)], (80, 24));
    a.update(Action::OpenForm(FormKind::Gp));
    type_into(&mut a, "26.12.2026");
    let s = screen(&render(&a));
    assert!(s.contains("Note: 26.12.2026 is Boxing Day"), "{s}");
}
