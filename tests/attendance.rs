//! Who is at the stand-up: `M` opens the staff list, Space ticks, the meeting shows the
//! disciplines present («Til stede: SPL 1 · FYS 1 …») and the attendance table records
//! them for the meeting (kind 'standup'); unticking removes the row. 80x24 and 200x50.

mod common;

use common::{lines, render, today};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;
use tavle::app::{Mode, Overlay};
use tavle::clock::FixedClock;
use tavle::config::Config;
use tavle::session::{self, Editor};
use tavle::store;

#[test]
fn m_ticks_who_is_present_and_the_stand_up_shows_the_disciplines() {
    for size in [(80u16, 24u16), (200, 50)] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let mut conn = store::open_read_write(&path).unwrap();
        let tx = conn.transaction().unwrap();
        store::demo::insert_stay(&tx, &common::stay(0, "Kari Hansen", 4), 0).unwrap();
        tx.commit().unwrap();
        let stays = store::load_active(&conn).unwrap();
        let mut app = common::app(Mode::Edit, Config::default(), stays, size);
        let clock = Arc::new(FixedClock::new(today().at(9, 5, 0, 0)));
        let mut ed = Editor::new(conn, "anne".into(), clock);
        let mut key = |app: &mut tavle::app::App, code| {
            session::key(app, Some(&mut ed), KeyEvent::new(code, KeyModifiers::NONE));
        };
        key(&mut app, KeyCode::Char('t'));
        let s = lines(&render(&app)).join("\n");
        assert!(
            s.contains("Til stede: ikke registrert – trykk M"),
            "{size:?}\n{s}"
        );
        key(&mut app, KeyCode::Char('M'));
        assert_eq!(app.overlay, Overlay::Attendance);
        let s = lines(&render(&app)).join("\n");
        assert!(s.contains("Hvem er til stede?"), "{s}");
        assert!(s.contains("Bjørn Fysioterapeut"), "{s}");
        // Anne (nurse), Bjørn (physio), Eva (nurse); then Eva again: not present after all.
        key(&mut app, KeyCode::Char(' '));
        key(&mut app, KeyCode::Down);
        key(&mut app, KeyCode::Char(' '));
        for _ in 0..3 {
            key(&mut app, KeyCode::Down);
        }
        key(&mut app, KeyCode::Char('x'));
        key(&mut app, KeyCode::Char('x'));
        key(&mut app, KeyCode::Esc);
        assert_eq!(app.overlay, Overlay::None);
        assert!(
            app.standup.is_some(),
            "Esc closes the list, not the meeting"
        );
        let s = lines(&render(&app)).join("\n");
        assert!(
            s.contains("Til stede: SPL 1 · HFA – · FYS 1 · ERGO – · LEGE –"),
            "{size:?}\n{s}"
        );
        let c = rusqlite::Connection::open(&path).unwrap();
        let rows: Vec<(String, i64, String, String)> = c
            .prepare("SELECT kind, meeting_id, name, discipline FROM attendance ORDER BY name")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let meeting: i64 = c
            .query_row("SELECT max(id) FROM meetings", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            rows,
            [
                (
                    "standup".into(),
                    meeting,
                    "Anne Sykepleier".into(),
                    "nurse".into()
                ),
                (
                    "standup".into(),
                    meeting,
                    "Bjørn Fysioterapeut".into(),
                    "physio".into()
                ),
            ]
        );
        // The meeting log now carries who was there, for the indicators.
        let m = store::load_meetings(&c).unwrap();
        assert_eq!(m.last().unwrap().present.len(), 2);
    }
}
