//! "Since last time": the board marks stays with events recorded after the stay was last
//! discussed at a stand-up, the stand-up opens each stay with those events (as they were
//! when the meeting started), and the detail pane lists every event. The meeting log gives
//! each stay's cut-off. Rendered at 80x24 and 200x50.

mod common;

use common::{lines, render, today};
use jiff::civil::{date, time};
use tavle::app::{Action, App, Mode};
use tavle::config::Config;
use tavle::domain::{Event, Stay};
use tavle::store;

const SEEN: i64 = 2_000;

fn event(
    id: i64,
    kind: &str,
    day: i8,
    at: Option<(i8, i8)>,
    note: &str,
    recorded_at: i64,
) -> Event {
    Event {
        id,
        occurred_on: date(2026, 11, day),
        occurred_time: at.map(|(h, m)| time(h, m, 0, 0)),
        kind: kind.into(),
        note: note.into(),
        recorded_by: "dag".into(),
        recorded_at,
    }
}

/// Kari: a fall last week (discussed) and one in the night (new). Ola: nothing new.
fn stays() -> Vec<Stay> {
    let mut kari = common::stay(1, "Kari Hansen", 12);
    kari.events = vec![
        event(1, "fall", 18, Some((14, 0)), "Skled på badematta", 1_000),
        event(
            2,
            "fall",
            25,
            Some((3, 30)),
            "Falt på vei til toalettet",
            3_000,
        ),
    ];
    kari.events_seen_at = Some(SEEN);
    kari.last_discussed = Some(date(2026, 11, 24));
    let mut ola = common::stay(2, "Ola Nordmann", 5);
    ola.events = vec![event(3, "gp_contact", 22, None, "Ringte fastlegen", 1_500)];
    ola.events_seen_at = Some(SEEN);
    ola.last_discussed = Some(date(2026, 11, 24));
    vec![kari, ola]
}

fn screen(app: &App) -> String {
    lines(&render(app)).join("\n")
}

fn row_of<'a>(s: &'a str, name: &str) -> &'a str {
    s.lines().find(|l| l.contains(name)).unwrap_or("")
}

#[test]
fn the_board_marks_only_stays_with_new_events_and_the_kiosk_not_at_all() {
    for size in [(80, 24), (200, 50)] {
        let app = common::app(Mode::Edit, Config::default(), stays(), size);
        let s = screen(&app);
        assert!(row_of(&s, "Kari").contains('◆'), "{size:?}\n{s}");
        assert!(!row_of(&s, "Ola").contains('◆'), "{size:?}\n{s}");
        assert_eq!(app.rows.iter().map(|r| r.new_events).sum::<usize>(), 1);
    }
    // Help explains the mark; so does the footer's legend where the keys leave room.
    let mut app = common::app(Mode::Edit, Config::default(), stays(), (200, 50));
    app.update(Action::ToggleHelp);
    let s = screen(&app);
    assert!(s.contains("◆ / #"), "{s}");
    assert!(
        s.contains("nye hendelser siden innleggelsen sist ble drøftet"),
        "{s}"
    );
    let s = screen(&common::app(
        Mode::Edit,
        Config::default(),
        stays(),
        (260, 50),
    ));
    assert!(s.contains("◆ nye hendelser siden forrige tavlemøte"), "{s}");
    // A corridor shows no health details: no mark.
    let k = screen(&common::app(
        Mode::Kiosk,
        Config::default(),
        stays(),
        (200, 50),
    ));
    assert!(!k.contains('◆'), "{k}");
}

#[test]
fn the_stand_up_opens_with_the_events_since_last_time_and_keeps_them_for_the_meeting() {
    for size in [(80, 24), (200, 50)] {
        let mut app = common::app(Mode::Edit, Config::default(), stays(), size);
        app.update(Action::StartStandup);
        // Kari first (flagged first: admitted earlier, assessment overdue).
        while app.selected_stay().unwrap().1.id != 1 {
            app.update(Action::StandupStep(1));
        }
        let s = screen(&app);
        let since = s
            .find("SIDEN SIST")
            .unwrap_or_else(|| panic!("{size:?}\n{s}"));
        let night = s.find("Falt på vei til toalettet").expect(&s);
        let goals = s.find("Mål").expect(&s);
        assert!(since < night && night < goals, "events come first:\n{s}");
        assert!(s.contains("sist drøftet tirsdag 24.11"), "{s}");
        assert!(
            !s.contains("Skled på badematta"),
            "discussed last week:\n{s}"
        );
        // The meeting records Kari as discussed; the reload moves her cut-off, but this
        // meeting still shows what was new when it began.
        let mut fresh = stays();
        fresh[0].events_seen_at = Some(9_000);
        app.update(Action::DataLoaded(fresh));
        let s = screen(&app);
        assert!(s.contains("Falt på vei til toalettet"), "{size:?}\n{s}");
        // Ola: nothing new, one quiet line.
        while app.selected_stay().unwrap().1.id != 2 {
            app.update(Action::StandupStep(1));
        }
        let s = screen(&app);
        assert!(s.contains("Ingen nye hendelser"), "{size:?}\n{s}");
        assert!(!s.contains("Ringte fastlegen"), "{s}");
    }
}

#[test]
fn a_stay_never_discussed_shows_everything_since_admission_and_many_events_are_capped() {
    let mut s = stays();
    s[1].events_seen_at = None;
    s[1].last_discussed = None;
    s[1].events = (0..9)
        .map(|i| {
            event(
                10 + i,
                "gp_contact",
                21 + (i as i8 % 4),
                None,
                &format!("samtale {i}"),
                100 + i,
            )
        })
        .collect();
    let mut app = common::app(Mode::Edit, Config::default(), s, (80, 24));
    app.update(Action::StartStandup);
    while app.selected_stay().unwrap().1.id != 2 {
        app.update(Action::StandupStep(1));
    }
    let text = screen(&app);
    assert!(text.contains("SIDEN INNLEGGELSEN"), "{text}");
    assert!(text.contains("+6 til (E viser alle)"), "{text}");
    assert!(text.contains("samtale 8"), "the latest is shown:\n{text}");
    assert!(!text.contains("samtale 0"), "{text}");
}

#[test]
fn the_detail_pane_lists_every_event_newest_first_with_who_recorded_it() {
    let mut app = common::app(Mode::Edit, Config::default(), stays(), (200, 50));
    app.update(Action::OpenDetail);
    let s = screen(&app);
    let head = s.find("Hendelser").expect(&s);
    let night = s.find("Falt på vei til toalettet").expect(&s);
    let week = s.find("Skled på badematta").expect(&s);
    assert!(head < night && night < week, "{s}");
    assert!(row_of(&s, "Falt på vei").contains('◆'), "{s}");
    assert!(!row_of(&s, "Skled på").contains('◆'), "{s}");
    assert!(row_of(&s, "Skled på").contains("reg. dag"), "{s}");
    assert!(row_of(&s, "Skled på").contains("ons 18.11 14:00"), "{s}");
}

#[test]
fn each_stays_cut_off_is_the_end_of_the_last_meeting_that_discussed_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = store::open_read_write(&dir.path().join("t.db")).unwrap();
    let tx = c.transaction().unwrap();
    for s in stays() {
        let mut s = s;
        s.id = 0;
        s.events.clear();
        store::demo::insert_stay(&tx, &s, 0).unwrap();
    }
    tx.commit().unwrap();
    let seen = |c: &rusqlite::Connection| {
        store::load_active(c)
            .unwrap()
            .iter()
            .map(|s| s.events_seen_at)
            .collect::<Vec<_>>()
    };
    assert_eq!(seen(&c), [None, None]);
    let m = store::meetings::start_meeting(&c, today(), 1_000, "anne").unwrap();
    store::meetings::mark_discussed(&c, m, 1, 1_100).unwrap();
    // While the meeting runs: the time the stay was discussed.
    assert_eq!(seen(&c), [Some(1_100), None]);
    store::meetings::end_meeting(&c, m, 1_800).unwrap();
    assert_eq!(seen(&c), [Some(1_800), None]);
    // A later meeting that skipped Kari leaves her cut-off alone.
    let m2 = store::meetings::start_meeting(&c, today(), 5_000, "anne").unwrap();
    store::meetings::mark_discussed(&c, m2, 2, 5_100).unwrap();
    store::meetings::end_meeting(&c, m2, 5_500).unwrap();
    assert_eq!(seen(&c), [Some(1_800), Some(5_500)]);
}
