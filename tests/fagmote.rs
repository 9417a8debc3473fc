//! The weekly VIPS fagmøte, driven by keys as the team lead would: plan the semester, put a
//! case on the agenda, hold the meeting step by step, and evaluate its measure at a later
//! meeting. The store holds what was said; the board, the detail pane and the stand-up show
//! the measures; the screens fit a laptop (80x24) and a TV (200x50).

mod common;

use common::board::Board;
use common::{lines, render, today};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::{Date, date};
use tavle::app::{Action, App, Mode};
use tavle::config::Config;
use tavle::domain::fagmote::{Evaluation, MeasureFlag, MeetingStatus};
use tavle::session::{self};
use tavle::store;

fn board(size: (u16, u16)) -> Board {
    let mut b = Board::prepared(size, |conn| {
        let tx = conn.transaction().unwrap();
        for s in [
            common::stay(0, "Arne Johansen", 10),
            common::stay(0, "Berit Dahl", 3),
        ] {
            store::demo::insert_stay(&tx, &s, 1_795_000_000).unwrap();
        }
        tx.commit().unwrap();
    });
    let plan = store::fagmote::load_plan(&b.db()).unwrap();
    b.app.update(Action::PlanLoaded(Box::new(plan)));
    b
}

impl Board {
    fn shift(&mut self, c: char) -> &mut Self {
        session::key(
            &mut self.app,
            Some(&mut self.editor),
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT),
        );
        self
    }
    fn at(&mut self, d: Date, h: i8, m: i8) -> &mut Self {
        self.clock.set(d.at(h, m, 0, 0));
        session::dispatch(
            &mut self.app,
            Some(&mut self.editor),
            Action::Tick(d.at(h, m, 0, 0)),
        );
        self
    }
    fn no_form_error(&self) {
        if let Some(f) = &self.app.form {
            let errs: Vec<_> = f.fields.iter().filter_map(|x| x.error.clone()).collect();
            panic!("form still open: {:?} {:?} {errs:?}", f.title, f.error);
        }
    }
}

/// Plan the semester, put Arne's case up for Thursday, and hold that meeting through its
/// four steps; the store holds every answer.
fn hold_first_meeting(b: &mut Board) {
    b.shift('F');
    assert!(b.app.fagmote.is_some());
    assert!(b.screen().contains("Ingen fagmøter er planlagt"));
    b.keys("g");
    // Wednesday 25 November: the Thursdays to the end of the year.
    assert_eq!(b.app.plan.meetings.len(), 6, "{:?}", b.app.status);
    assert_eq!(b.app.plan.meetings[0].date, date(2026, 11, 26));
    assert!(b.screen().contains("La 6 fagmøter inn i møteplanen"));
    // Pressing it again adds nothing.
    b.keys("g");
    assert_eq!(b.app.plan.meetings.len(), 6);

    b.keys("a");
    assert!(b.app.form.is_some());
    // The person is chosen from the board (Arne, the selected row, first).
    b.keys("Uro om natta");
    b.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Enter);
    b.no_form_error();
    let agenda = b.app.plan.agenda(b.app.plan.meetings[0].id);
    assert_eq!(agenda.len(), 1);
    assert_eq!(agenda[0].title, "Uro om natta");
    assert_eq!(
        agenda[0].put_up_by, "Anne Sykepleier",
        "the primary contact"
    );
    // The board marks Arne: a case on the next fagmøte.
    let arne = b
        .app
        .rows
        .iter()
        .find(|r| b.app.stays[r.stay].name == "Arne Johansen")
        .unwrap();
    assert!(arne.case_next);

    // Hold it: who leads and who supervises, then who is there.
    b.key(KeyCode::Enter);
    b.keys("Dag Helsefagarbeider");
    b.key(KeyCode::Tab).keys("Anne Sykepleier");
    b.key(KeyCode::Enter);
    b.no_form_error();
    let hold = b.app.fagmote.as_ref().unwrap().hold.clone().expect("held");
    assert_eq!(
        hold.steps.len(),
        4,
        "no evaluations due: the case's four steps"
    );
    // Who is there: the staff checklist, ticked with Space (Anne first, Dag fourth).
    b.shift('M').key(KeyCode::Char(' '));
    b.key(KeyCode::Down).key(KeyCode::Down).key(KeyCode::Down);
    b.key(KeyCode::Char(' ')).key(KeyCode::Esc);
    b.no_form_error();

    // (a) the situation.
    assert!(b.screen().contains("a) Situasjonen"));
    b.key(KeyCode::Enter)
        .keys("Natt til tirsdag kl. 02 på soverommet")
        .key(KeyCode::Enter);
    b.no_form_error();
    // (b) the perspective, with the four VIPS prompts.
    b.key(KeyCode::Right);
    let s = b.screen();
    assert!(s.contains("b) Personens perspektiv"), "{s}");
    assert!(
        s.contains("P – Hvordan ser personen ut til å oppleve"),
        "{s}"
    );
    b.key(KeyCode::Enter).key(KeyCode::Tab).key(KeyCode::Tab);
    b.keys("Redd i mørket").key(KeyCode::Enter);
    b.no_form_error();
    // (c) a measure: who does what from when (the day it is held proposed).
    b.key(KeyCode::Right).key(KeyCode::Enter);
    b.keys("Nattlampe og radio");
    b.key(KeyCode::Tab).keys("Kveldsvakt").key(KeyCode::Enter);
    b.no_form_error();
    // (d) the evaluation date: proposed two weeks after the meeting.
    b.key(KeyCode::Right).key(KeyCode::Enter);
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.fields[0].value(), "10.12.2026");
    b.key(KeyCode::Enter);
    b.no_form_error();
    b.keys("t");
    assert!(b.app.fagmote.as_ref().unwrap().hold.is_none());
    assert!(b.screen().contains("Fagmøtet er avsluttet"));
}

#[test]
fn a_fagmote_is_planned_held_and_its_measure_evaluated_at_a_later_meeting() {
    let mut b = board((120, 30));
    hold_first_meeting(&mut b);

    let c = b.db();
    let (status, led, sup, started, ended): (String, String, String, i64, Option<i64>) = c
        .query_row(
            "SELECT status, led_by, supervisor, started_at, ended_at FROM case_meetings
             WHERE date = '2026-11-26'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(status, "held");
    assert_eq!(led, "Dag Helsefagarbeider");
    assert_eq!(sup, "Anne Sykepleier");
    assert!(ended.is_some_and(|e| e >= started));
    let att: Vec<(String, String)> = c
        .prepare("SELECT name, discipline FROM attendance WHERE kind = 'case' ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        att,
        vec![
            ("Anne Sykepleier".into(), "nurse".into()),
            ("Dag Helsefagarbeider".into(), "health_worker".into())
        ]
    );
    let (sit, persp, case_status): (String, String, String) = c
        .query_row(
            "SELECT situation, perspective, status FROM cases",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(sit, "Natt til tirsdag kl. 02 på soverommet");
    assert_eq!(persp, "Redd i mørket");
    assert_eq!(case_status, "discussed");
    let (text, who, from, eval_on): (String, String, String, String) = c
        .query_row(
            "SELECT text, who, from_on, evaluate_on FROM measures",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (text.as_str(), who.as_str(), from.as_str(), eval_on.as_str()),
        (
            "Nattlampe og radio",
            "Kveldsvakt",
            "2026-11-25",
            "2026-12-10"
        )
    );
    // Every step is in the audit log, the person's on their stay.
    let audited: i64 = c
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'fagmote' AND stay_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(audited >= 5, "{audited}");

    // Measures live on: the stand-up and the detail pane show it with its date.
    b.key(KeyCode::Esc);
    assert!(b.app.fagmote.is_none());
    b.key(KeyCode::Enter);
    let s = b.screen();
    assert!(s.contains("Fagmøter") && s.contains("Uro om natta"), "{s}");
    assert!(
        s.contains("Nattlampe og radio") && s.contains("evalueres 10.12"),
        "{s}"
    );
    b.key(KeyCode::Esc);

    // Two weeks on, the evaluation is due: the board flags it.
    let later = date(2026, 12, 10);
    b.at(later, 9, 0);
    let flag = |b: &Board| {
        b.app
            .rows
            .iter()
            .find(|r| b.app.stays[r.stay].name == "Arne Johansen")
            .unwrap()
            .measure
    };
    assert_eq!(flag(&b), Some(MeasureFlag::Due));
    assert_eq!(
        tavle::domain::fagmote::measure_flag(&b.app.plan.measures[0], date(2026, 12, 18), 7),
        Some(MeasureFlag::Overdue)
    );
    // That day's fagmøte opens with evaluating it.
    b.shift('F');
    let sel = b.app.fagmote_selected().unwrap();
    assert_eq!(sel.date, later);
    assert!(b.screen().contains("Tiltak som skal evalueres"));
    b.key(KeyCode::Enter)
        .keys("Eva Sykepleier")
        .key(KeyCode::Enter);
    b.no_form_error();
    let s = b.screen();
    assert!(
        s.contains("Evaluering av tiltak") && s.contains("Nattlampe og radio"),
        "{s}"
    );
    // The answer starts on «velg»: Enter alone is refused.
    b.key(KeyCode::Enter).key(KeyCode::Enter);
    assert!(b.app.form.is_some());
    b.key(KeyCode::Right).key(KeyCode::Right);
    b.key(KeyCode::Tab).keys("Sover bedre, men ikke hver natt");
    b.key(KeyCode::Enter);
    b.no_form_error();
    let m = &b.app.plan.measures[0];
    assert_eq!(m.evaluation, Some(Evaluation::Partly));
    assert_eq!(m.evaluated_on, Some(later));
    assert_eq!(flag(&b), None, "evaluated: the flag is gone");
    b.keys("t");
    let today_meeting = b
        .app
        .plan
        .meetings
        .iter()
        .find(|m| m.date == later)
        .unwrap();
    assert_eq!(today_meeting.status, MeetingStatus::Held);
    // The held meeting lists the measure it evaluated, with the answer, as evaluated — not
    // under «Tiltak som skal evalueres», where it read as still open.
    let s = b.screen();
    let eval_head = s.find("Tiltak evaluert på møtet").expect(&s);
    let measure = s.find("Nattlampe og radio").expect(&s);
    assert!(measure > eval_head, "{s}");
    assert!(
        s.contains("· evaluert:") && s.contains("virket delvis – Sover bedre, men ikke hver natt"),
        "{s}"
    );
    assert!(!s.contains("Tiltak som skal evalueres"), "{s}");

    // For the leader: held of planned, and the measure counted as evaluated on time.
    let st = tavle::domain::fagmote::leader_stats(
        &b.app.plan,
        date(2026, 11, 1),
        date(2026, 12, 31),
        later,
        7,
        &b.app.tz,
    );
    assert_eq!((st.held, st.planned), (2, 6));
    assert_eq!((st.evaluated_on_time, st.measures_due), (1, 1));
}

#[test]
fn the_plan_is_edited_moved_cancelled_and_a_case_withdrawn() {
    let mut b = board((120, 30));
    b.shift('F').keys("n");
    // A meeting on a date of one's own choosing.
    let f = b.app.form.as_mut().unwrap();
    assert_eq!(
        f.fields[0].value(),
        "26.11.2026",
        "the next Thursday proposed"
    );
    b.keys("01.12.2026").key(KeyCode::Enter);
    b.no_form_error();
    assert_eq!(b.app.plan.meetings[0].date, date(2026, 12, 1));
    // The same date again is refused, with the typed date kept.
    b.keys("n").keys("1.12").key(KeyCode::Enter);
    let f = b.app.form.as_ref().expect("kept open");
    assert!(
        f.error.as_deref().unwrap_or("").contains("allerede"),
        "{:?}",
        f.error
    );
    b.key(KeyCode::Esc);
    // Moved.
    b.keys("e").keys("03.12").key(KeyCode::Enter);
    b.no_form_error();
    assert_eq!(b.app.plan.meetings[0].date, date(2026, 12, 3));
    // A case put up, then withdrawn (kept in the history as withdrawn).
    b.keys("a").keys("Spiser lite").key(KeyCode::Enter);
    b.no_form_error();
    b.keys("w").key(KeyCode::Enter);
    b.no_form_error();
    assert!(b.app.plan.agenda(b.app.plan.meetings[0].id).is_empty());
    assert_eq!(b.app.plan.cases.len(), 1);
    // Cancelled: no case can be put up, it cannot be held, and c brings it back.
    b.keys("c");
    assert_eq!(b.app.plan.meetings[0].status, MeetingStatus::Cancelled);
    b.keys("a");
    assert!(b.app.form.is_none());
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none());
    assert!(b.screen().contains("avlyst"));
    b.keys("c");
    assert_eq!(b.app.plan.meetings[0].status, MeetingStatus::Planned);
    let moves: i64 = b
        .db()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE field LIKE 'case_meeting.%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(moves, 4, "added, moved, cancelled, planned again");
}

#[test]
fn the_step_timer_turns_amber_then_red_and_never_blocks() {
    for size in [(80, 24), (200, 50)] {
        let mut b = board(size);
        b.shift('F').keys("g").keys("a").keys("Uro om natta");
        b.key(KeyCode::Enter);
        b.key(KeyCode::Enter).keys("Dag").key(KeyCode::Enter);
        b.no_form_error();
        let t0 = today();
        b.at(t0, 9, 6);
        let s = b.screen();
        assert!(s.contains("01:00 / 05:00"), "{size:?}\n{s}");
        let style = |b: &Board, needle: &str| {
            let buf = render(&b.app);
            let (x, y) = common::find(&buf, needle).unwrap_or_else(|| panic!("{needle}"));
            buf[(x, y)].style()
        };
        let plain = style(&b, "01:00").fg;
        assert!(
            !matches!(
                plain,
                Some(ratatui::style::Color::Yellow | ratatui::style::Color::Red)
            ),
            "within the box: plain, not {plain:?}"
        );
        // The last fifth of the five minutes: amber.
        b.at(t0, 9, 9);
        assert_eq!(style(&b, "04:00").fg, Some(ratatui::style::Color::Yellow));
        // Past it: red, and says so; the next step is still there.
        b.at(t0, 9, 12);
        let s = b.screen();
        assert!(s.contains("07:00 / 05:00 over tiden"), "{size:?}\n{s}");
        assert_eq!(style(&b, "07:00").fg, Some(ratatui::style::Color::Red));
        b.key(KeyCode::Right);
        let s = b.screen();
        assert!(
            s.contains("b) Personens perspektiv") && s.contains("00:00 / 15:00"),
            "{s}"
        );
        // Every VIPS prompt is on screen, also on a laptop.
        for p in ["V –", "I –", "P –", "S –"] {
            assert!(s.contains(p), "{size:?} {p}\n{s}");
        }
        assert!(s.contains("Steg 2 av 4"), "{s}");
        // The plan and the keys fit.
        b.key(KeyCode::Esc);
        let s = b.screen();
        assert!(
            s.contains("26.11.2026") && s.contains("Uro om natta"),
            "{size:?}\n{s}"
        );
        assert!(s.contains("Esc lukk"), "{size:?}\n{s}");
    }
}

#[test]
fn a_kiosk_shows_the_measure_flag_but_never_the_mode() {
    let mut b = board((120, 30));
    hold_first_meeting(&mut b);
    let conn = store::open_read_only(&b.path).unwrap();
    let stays = store::load_active(&conn).unwrap();
    let plan = store::fagmote::load_plan(&conn).unwrap();
    let mut k = App::new(
        Mode::Kiosk,
        Config::default(),
        stays,
        date(2026, 12, 11).at(9, 0, 0, 0),
        (120, 30),
    );
    k.update(Action::PlanLoaded(Box::new(plan)));
    let row = k
        .rows
        .iter()
        .find(|r| k.stays[r.stay].name.starts_with("Arne"))
        .unwrap();
    assert_eq!(row.measure, Some(MeasureFlag::Due));
    let s = lines(&render(&k)).join("\n");
    assert!(s.contains("T AJ"), "{s}");
    let key = KeyEvent::new(KeyCode::Char('F'), KeyModifiers::SHIFT);
    assert!(tavle::app::keys::action_for_key(&k, key).is_none());
    k.update(Action::OpenFagmote);
    assert!(k.fagmote.is_none());
    k.update(Action::Fagmote(tavle::app::fagmote::FagmoteAction::Series));
    assert!(k.requests.is_empty(), "a kiosk asks for no write");
}

#[test]
fn the_report_counts_meetings_cases_measures_on_time_and_attendance() {
    let mut b = board((120, 30));
    hold_first_meeting(&mut b);
    // A day after the measure's window (10.12 + 7 days) closed.
    let later = date(2026, 12, 18);
    b.at(later, 9, 0);
    let conn = store::open_read_only(&b.path).unwrap();
    let cfg = Config::default();
    let from = date(2026, 11, 1);
    let r = tavle::report::wards::ward_report(&conn, &cfg, from, later).unwrap();
    let cm = &r.case_meetings;
    // Meetings dated 26.11–17.12 in the period: one held, three planned (none cancelled).
    assert_eq!((cm.held.met, cm.held.of, cm.cancelled), (1, 4, 0));
    assert_eq!(cm.cases_per_meeting, Some(1.0));
    // Its window has closed without an evaluation: not on time.
    assert_eq!((cm.evaluated_on_time.met, cm.evaluated_on_time.of), (0, 1));
    let att: Vec<(&str, usize)> = cm
        .attendance_by_discipline
        .iter()
        .map(|d| (d.discipline.as_str(), d.count))
        .collect();
    assert_eq!(att, vec![("health_worker", 1), ("nurse", 1)]);
    let json = tavle::report::render::json(&r);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["case_meetings"]["held"]["met"], 1);
    assert_eq!(v["case_meetings"]["evaluated_on_time"]["of"], 1);
    let csv = tavle::report::render::csv(&r);
    assert!(csv.contains("period,case_meetings_held,1,4,25.0,"), "{csv}");
    assert!(
        csv.contains("period,measures_evaluated_on_time,0,1,0.0,"),
        "{csv}"
    );
    assert!(
        csv.contains("period,case_meeting_attendance_nurse,,,,1"),
        "{csv}"
    );
    let table = tavle::report::render::table(&r, cfg.language, &|k: &str| k.to_string());
    assert!(
        table.contains("Fagmøter (VIPS)") && table.contains("Tiltak evaluert i tide"),
        "{table}"
    );
    // Who came is worded with the configured labels, as the stand-up attendance is; the raw
    // keys stay the data's names in JSON and CSV.
    let att_line = |t: &str, head: &str| {
        t.lines()
            .find(|l| l.trim_start().starts_with(head))
            .unwrap_or_else(|| panic!("no {head} in {t}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        att_line(&table, "Til stede etter fag"),
        "Til stede etter fag Helsefagarbeider 1, Sykepleier 1"
    );
    let en =
        tavle::report::render::table(&r, tavle::config::Language::En, &|k: &str| k.to_string());
    assert_eq!(
        att_line(&en, "Attendance by discipline"),
        "Attendance by discipline Health worker 1, Nurse 1"
    );
    assert_eq!(
        v["case_meetings"]["attendance_by_discipline"][0]["discipline"],
        "health_worker"
    );
    // The indicators view shows the same figures.
    b.keys("i");
    b.app.update(Action::ReportDataLoaded(Box::new((
        store::load_all(&conn).unwrap(),
        store::load_meetings(&conn).unwrap(),
    ))));
    let s = b.screen();
    assert!(
        s.contains("Fagmøter (VIPS)") && s.contains("Holdt av planlagt"),
        "{s}"
    );
}

#[test]
fn a_meeting_held_on_another_day_records_that_day_and_keeps_the_planned_one() {
    for size in [(80, 24), (200, 50)] {
        let mut b = board(size);
        // Thursday's meeting (26.11) is held on Wednesday 25.11.
        b.shift('F').keys("g").keys("a").keys("Uro om natta");
        b.key(KeyCode::Enter);
        b.key(KeyCode::Enter).keys("Dag").key(KeyCode::Enter);
        b.no_form_error();
        let s = b.screen();
        assert!(
            s.contains("FAGMØTE  onsdag 25.11.2026 · planlagt torsdag 26.11"),
            "{size:?}\n{s}"
        );
        b.app.config.language = tavle::config::Language::En;
        let s = b.screen();
        assert!(
            s.contains("Wednesday 25.11.2026 · planned for Thursday 26.11"),
            "{size:?}\n{s}"
        );
        b.app.config.language = tavle::config::Language::Nb;
        let m = b.app.plan.meetings[0].clone();
        assert_eq!(m.date, date(2026, 11, 26), "the planned date is kept");
        assert_eq!(m.held_on(&b.app.tz), Some(date(2026, 11, 25)));
        // The store: planned date as planned, the start stamped by the clock (09:05 UTC).
        let (d, started): (String, i64) = b
            .db()
            .query_row(
                "SELECT date, started_at FROM case_meetings WHERE id = ?1",
                [m.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(d, "2026-11-26");
        assert_eq!(
            jiff::Timestamp::from_second(started)
                .unwrap()
                .to_zoned_datetime(b.app.tz.clone())
                .date(),
            date(2026, 11, 25)
        );
        b.key(KeyCode::Esc);
        let s = b.screen();
        assert!(s.contains("holdt 25.11"), "{size:?}\n{s}");
        assert!(s.contains("onsdag 25.11.2026"), "{size:?}\n{s}");
        // The detail pane dates the case by the day it was discussed.
        b.key(KeyCode::Esc).key(KeyCode::Enter);
        let s = b.screen();
        assert!(s.contains("25.11.2026  «Uro om natta»"), "{size:?}\n{s}");
        // The report on today counts it, as planned and held, on the day it was held.
        let conn = store::open_read_only(&b.path).unwrap();
        let today = date(2026, 11, 25);
        let r = tavle::report::wards::ward_report(&conn, &Config::default(), today, today).unwrap();
        assert_eq!((r.case_meetings.held.met, r.case_meetings.held.of), (1, 1));
    }
}

#[test]
fn a_meeting_held_late_takes_up_the_measures_due_by_the_day_it_is_held() {
    let mut b = board((120, 30));
    hold_first_meeting(&mut b);
    // The measure is due 10.12; that meeting is held a day late, on Friday 11.12.
    b.at(date(2026, 12, 11), 9, 0);
    // Move the measure's date to the Friday: the Thursday meeting would not take it up.
    b.db()
        .execute("UPDATE measures SET evaluate_on = '2026-12-11'", [])
        .unwrap();
    b.app.update(Action::PlanLoaded(Box::new(
        store::fagmote::load_plan(&b.db()).unwrap(),
    )));
    b.key(KeyCode::Esc).shift('F');
    let mut guard = 0;
    while b.app.fagmote_selected().map(|m| m.date) != Some(date(2026, 12, 10)) && guard < 10 {
        b.key(KeyCode::Up);
        guard += 1;
    }
    // Planned for yesterday: the plan shows what it takes up if held today.
    let s = b.screen();
    assert!(s.contains("Nattlampe og radio"), "{s}");
    b.key(KeyCode::Enter).keys("Eva").key(KeyCode::Enter);
    b.no_form_error();
    let s = b.screen();
    assert!(
        s.contains("Evaluering av tiltak") && s.contains("Nattlampe og radio"),
        "{s}"
    );
    assert!(
        s.contains("fredag 11.12.2026 · planlagt torsdag 10.12"),
        "{s}"
    );
}

#[test]
fn ending_a_meeting_with_loose_ends_asks_first_and_says_which() {
    for size in [(80, 24), (200, 50)] {
        let mut b = board(size);
        b.shift('F').keys("g").keys("a").keys("Uro om natta");
        b.key(KeyCode::Enter);
        b.key(KeyCode::Enter).keys("Dag").key(KeyCode::Enter);
        b.no_form_error();
        let id = b.app.plan.meetings[0].id;
        let ended = |b: &Board| -> Option<i64> {
            b.db()
                .query_row(
                    "SELECT ended_at FROM case_meetings WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .unwrap()
        };
        // The case has no measure yet: `t` asks, in one line, and says which.
        b.keys("t");
        let s = b.screen();
        assert!(
            s.contains("1 sak har ingen tiltak. Avslutte likevel? (j/n)"),
            "{size:?}\n{s}"
        );
        assert!(
            s.contains("Arne Johansen: Uro om natta – ingen tiltak"),
            "{size:?}\n{s}"
        );
        assert!(s.contains("j avslutt likevel"), "{size:?}\n{s}");
        assert_eq!(ended(&b), None, "nothing written while asking");
        // n: back to the meeting, still held, nothing ended.
        b.keys("n");
        let f = b.app.fagmote.as_ref().unwrap();
        assert!(f.hold.is_some() && !f.confirm_end);
        assert!(b.screen().contains("a) Situasjonen"));
        assert_eq!(ended(&b), None);
        // A measure without a date to evaluate it: still asked, for the date now.
        b.keys("a").keys("Nattlampe og radio");
        b.key(KeyCode::Tab).keys("Kveldsvakt").key(KeyCode::Enter);
        b.no_form_error();
        b.keys("t");
        let s = b.screen();
        assert!(
            s.contains("1 sak mangler dato for evaluering. Avslutte likevel? (j/n)"),
            "{size:?}\n{s}"
        );
        // Esc too goes back to the meeting, not to the plan.
        b.key(KeyCode::Esc);
        assert!(b.app.fagmote.as_ref().unwrap().hold.is_some());
        // In English.
        b.app.config.language = tavle::config::Language::En;
        b.keys("t");
        let s = b.screen();
        assert!(
            s.contains("1 case has no evaluation date. End anyway? (y/n)"),
            "{size:?}\n{s}"
        );
        assert!(
            s.contains("Uro om natta – no evaluation date"),
            "{size:?}\n{s}"
        );
        // y (or j): ended all the same.
        b.keys("y");
        assert!(b.app.fagmote.as_ref().unwrap().hold.is_none());
        assert!(ended(&b).is_some());
    }
}

#[test]
fn a_meeting_with_nothing_left_undone_ends_without_asking() {
    let mut b = board((120, 30));
    // hold_first_meeting ends with `t` after every step: no question.
    hold_first_meeting(&mut b);
    assert!(!b.app.fagmote.as_ref().unwrap().confirm_end);
    let n: i64 = b
        .db()
        .query_row(
            "SELECT count(*) FROM case_meetings WHERE ended_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn who_attends_is_a_checklist_of_the_staff_ticked_with_space() {
    for size in [(80, 24), (200, 50)] {
        let mut b = board(size);
        b.shift('F').keys("g").keys("a").keys("Uro om natta");
        b.key(KeyCode::Enter);
        b.key(KeyCode::Enter).keys("Dag").key(KeyCode::Enter);
        b.no_form_error();
        let id = b.app.plan.meetings[0].id;
        let present = |b: &Board| -> Vec<(String, String)> {
            b.db()
                .prepare(
                    "SELECT name, discipline FROM attendance
                     WHERE kind = 'case' AND meeting_id = ?1 ORDER BY name",
                )
                .unwrap()
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        b.shift('M');
        let s = b.screen();
        assert!(
            s.contains("Hvem er til stede på fagmøtet?"),
            "{size:?}\n{s}"
        );
        // Every configured person, with their discipline, unticked.
        assert!(s.contains("[ ] Anne Sykepleier"), "{size:?}\n{s}");
        assert!(s.contains("[ ] Fredrik Lege"), "{size:?}\n{s}");
        assert!(s.contains("Fysioterapeut"), "{size:?}\n{s}");
        assert!(s.contains("Mellomrom/x til stede"), "{size:?}\n{s}");
        // Space ticks Bjørn (second), x ticks Eva (fifth); the store has their disciplines.
        b.key(KeyCode::Down).key(KeyCode::Char(' '));
        b.key(KeyCode::Down).key(KeyCode::Down).key(KeyCode::Down);
        b.keys("x");
        assert_eq!(
            present(&b),
            vec![
                ("Bjørn Fysioterapeut".into(), "physio".into()),
                ("Eva Sykepleier".into(), "nurse".into())
            ]
        );
        let s = b.screen();
        assert!(
            s.contains("[x] Bjørn Fysioterapeut") && s.contains("[x] Eva Sykepleier"),
            "{size:?}\n{s}"
        );
        // Space again: Eva was not there after all.
        b.key(KeyCode::Char(' '));
        assert_eq!(present(&b).len(), 1);
        // n: someone not on the list (a student), with a discipline of their own.
        b.keys("n");
        assert!(b.app.form.is_some());
        b.keys("Siri Student")
            .key(KeyCode::Tab)
            .keys("s")
            .key(KeyCode::Enter);
        b.no_form_error();
        b.shift('M');
        // She is on the checklist, ticked, after the staff, and can be unticked.
        assert_eq!(b.app.attendance_list().len(), 7);
        let s = b.screen();
        assert!(s.contains("[x] Siri Student"), "{size:?}\n{s}");
        for _ in 0..6 {
            b.key(KeyCode::Down);
        }
        b.key(KeyCode::Char(' '));
        assert_eq!(
            present(&b),
            vec![("Bjørn Fysioterapeut".into(), "physio".into())]
        );
        // Esc: back to the meeting, which shows who is there.
        b.key(KeyCode::Esc);
        let s = b.screen();
        assert!(
            s.contains("Til stede (1): Bjørn Fysioterapeut (FYS)"),
            "{size:?}\n{s}"
        );
        // Every tick is in the audit log.
        let audited: i64 = b
            .db()
            .query_row(
                "SELECT count(*) FROM audit_log WHERE field LIKE 'attendance.case.%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(audited, 5);
    }
}

#[test]
fn undo_in_the_fagmote_says_how_to_correct_instead_of_doing_nothing() {
    let mut b = board((80, 24));
    b.shift('F').keys("g").keys("a").keys("Uro om natta");
    b.key(KeyCode::Enter);
    let before = b.app.plan.clone();
    b.keys("u");
    assert_eq!(b.app.plan, before, "nothing undone behind the user's back");
    assert!(b.app.requests.is_empty());
    let st = b.app.status.as_ref().expect("a message");
    assert!(
        st.error && st.text.contains("Angre (u) gjelder ikke fagmøtet"),
        "{st:?}"
    );
}
