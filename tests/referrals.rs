//! The referral queue (issue 13 §2): registered, decided and admitted through the keys
//! against a temporary database; one transaction per change with audit rows; a colleague's
//! change in between is a conflict; a kiosk never sees referrals.

mod common;

use common::board::Board;
use common::{lines, render, today};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::date;
use tavle::app::{Action, App, Mode, Overlay};
use tavle::config::Config;
use tavle::domain::referral::{DecisionFields, ReferralError, ReferralFields, Source, Verdict};
use tavle::session::{self};
use tavle::store::referrals::{ReferralOp, ReferralWriteError, commit_referral, load_referrals};
use tavle::store::{self};

fn fields(name: &str, source: Source, received: jiff::civil::Date) -> ReferralFields {
    ReferralFields {
        name: name.into(),
        source,
        received_on: received,
        target_group: "from_hospital".into(),
        note: String::new(),
    }
}

/// One active stay and a queue: Randi waiting, Torill accepted for 01.12, Jens declined.
fn board(size: (u16, u16)) -> Board {
    Board::prepared(size, |conn| {
        let tx = conn.transaction().unwrap();
        let s = common::stay(1, "Ola Aktiv", 5);
        store::demo::insert_stay(&tx, &s, s.updated_at).unwrap();
        tx.commit().unwrap();
        let now = 1_795_000_000;
        let t = today();
        let mut op = |o: ReferralOp| commit_referral(conn, &o, "lead", now, t).unwrap();
        op(ReferralOp::Create(fields(
            "Randi Fossum",
            Source::Hospital,
            date(2026, 11, 24),
        )));
        let torill = op(ReferralOp::Create(fields(
            "Torill Vik",
            Source::AllocationOffice,
            date(2026, 11, 19),
        )))
        .referral;
        op(ReferralOp::Decide {
            id: torill.id,
            version: torill.version,
            decision: DecisionFields {
                decision: Verdict::Accepted,
                decided_on: Some(date(2026, 11, 21)),
                planned_admission: Some(date(2026, 12, 1)),
                decline_reason: String::new(),
            },
        });
        let jens = op(ReferralOp::Create(fields(
            "Jens Aas",
            Source::HomeCare,
            date(2026, 11, 16),
        )))
        .referral;
        op(ReferralOp::Decide {
            id: jens.id,
            version: jens.version,
            decision: DecisionFields {
                decision: Verdict::Declined,
                decided_on: None,
                planned_admission: None,
                decline_reason: "Trenger sykehjemsplass".into(),
            },
        });
    })
}

#[test]
fn the_queue_lists_waiting_then_accepted_then_decided_at_both_sizes() {
    for size in [(80, 24), (200, 50)] {
        let mut b = board(size);
        b.keys("H");
        assert_eq!(b.app.overlay, Overlay::Referrals);
        let screen = b.screen();
        let at = |needle: &str| {
            screen
                .find(needle)
                .unwrap_or_else(|| panic!("{needle} missing at {size:?}:\n{screen}"))
        };
        assert!(at("Venter på beslutning") < at("Randi Fossum"));
        assert!(at("Randi Fossum") < at("Godkjent – venter på innleggelse"));
        assert!(at("Godkjent – venter på innleggelse") < at("Torill Vik"));
        assert!(at("Torill Vik") < at("Besluttet siste 30 dager"));
        assert!(at("Besluttet siste 30 dager") < at("Jens Aas"));
        at("innlegges 01.12");
        at("venter 1d");
        at("avslått 25.11");
    }
}

#[test]
fn a_new_referral_is_registered_decided_and_admitted_in_one_step() {
    let mut b = board((80, 24));
    b.keys("Hn");
    assert!(b.app.form.is_some());
    b.keys("Kari Nordmann");
    // The source starts on «velg»: Enter asks for one.
    b.key(KeyCode::Enter);
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.focus, 1);
    assert_eq!(
        f.fields[1].error.as_deref(),
        Some("Velg fra listen med ←/→")
    );
    b.key(KeyCode::Right).key(KeyCode::Right); // sykehus, fastlege
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none(), "{}", b.screen());
    let list = load_referrals(&b.db()).unwrap();
    let kari = list.iter().find(|r| r.name == "Kari Nordmann").unwrap();
    assert_eq!(
        (kari.source, kari.decision, kari.received_on),
        (Source::Gp, Verdict::Waiting, today())
    );
    // The referral just saved is selected.
    assert_eq!(
        b.app.intake.selected_referral(today()).unwrap().name,
        "Kari Nordmann"
    );
    // Decide: nothing is chosen for you; «godkjent» (g) needs a planned admission.
    b.keys("b");
    assert_eq!(b.app.form.as_ref().unwrap().fields[0].value(), "");
    b.key(KeyCode::Enter);
    assert_eq!(b.app.form.as_ref().unwrap().focus, 0);
    b.keys("g");
    b.key(KeyCode::Enter);
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.focus, 1);
    assert!(
        f.fields[1].error.as_deref().unwrap().contains("planlagt"),
        "{:?}",
        f.fields[1].error
    );
    b.keys("+6");
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none(), "{}", b.screen());
    // Now in the accepted part; admit asks for the target group first, Esc goes back.
    b.keys("l");
    assert!(
        b.app
            .form
            .as_ref()
            .unwrap()
            .title
            .contains("Legg inn Kari Nordmann"),
        "{}",
        b.screen()
    );
    b.key(KeyCode::Esc);
    assert!(b.app.form.is_none(), "{}", b.screen());
    assert!(!b.app.intake.confirm);
    assert!(
        load_referrals(&b.db())
            .unwrap()
            .iter()
            .all(|r| r.name != "Kari Nordmann" || r.stay_id.is_none())
    );
    let sel = b.app.intake.selected_referral(today()).unwrap().clone();
    assert_eq!(sel.name, "Kari Nordmann");
    b.keys("l");
    // The referral has no group: «velg» is refused (the group sets the deadlines).
    b.key(KeyCode::Enter);
    let f = b.app.form.as_ref().expect("the admit form stays open");
    assert!(
        f.fields[0].error.as_deref().unwrap().contains("målgruppe"),
        "{:?}",
        f.fields[0].error
    );
    b.key(KeyCode::Right); // Ny bruker, kartlegging
    b.key(KeyCode::Tab).keys("Eva Sykepleier");
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none(), "{}", b.screen());
    assert!(
        b.screen()
            .contains("Legge inn Kari Nordmann fra 01.12.2026?")
    );
    // Two people on a ward of twelve: no capacity line.
    assert!(!b.screen().contains("plasser"), "{}", b.screen());
    // `n` says no, and asks again from the form.
    b.keys("n");
    assert!(!b.app.intake.confirm && b.app.intake.admit.is_none());
    b.keys("l")
        .key(KeyCode::Right)
        .key(KeyCode::Tab)
        .keys("Eva Sykepleier");
    b.key(KeyCode::Enter);
    b.keys("j");
    // One step: the stay exists, is on the board, linked, and audited.
    assert_eq!(b.app.overlay, Overlay::None);
    let (_, stay) = b.app.selected_stay().unwrap();
    assert_eq!(stay.name, "Kari Nordmann");
    assert_eq!(stay.admitted, date(2026, 12, 1));
    assert_eq!(stay.target_group, "new_user");
    assert_eq!(stay.primary_contact, "Eva Sykepleier");
    assert!(
        b.screen()
            .contains("Lagt inn: Kari Nordmann fra 01.12.2026")
    );
    let db = b.db();
    let linked: Option<i64> = db
        .query_row(
            "SELECT stay_id FROM referrals WHERE name = 'Kari Nordmann'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(linked, Some(stay.id));
    let audit: Vec<(Option<i64>, String, String, String)> = db
        .prepare(
            "SELECT stay_id, field, coalesce(new_value, ''), user FROM audit_log
             WHERE change_id = (SELECT max(change_id) FROM audit_log) ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(audit.iter().all(|a| a.3 == "anne" && a.0 == Some(stay.id)));
    assert!(
        audit
            .iter()
            .any(|a| a.1 == "name" && a.2 == "Kari Nordmann")
    );
    assert!(
        audit
            .iter()
            .any(|a| a.1.ends_with(".stay_id") && a.2 == stay.id.to_string()),
        "{audit:?}"
    );
    // Undo takes the stay away; the referral waits for admission again.
    b.keys("u");
    assert!(b.app.stays.iter().all(|s| s.name != "Kari Nordmann"));
    let back = load_referrals(&b.db())
        .unwrap()
        .into_iter()
        .find(|r| r.name == "Kari Nordmann")
        .unwrap();
    assert!(back.awaiting_admission());
}

#[test]
fn a_decline_needs_a_reason_in_the_form_and_in_the_database() {
    let mut b = board((200, 50));
    b.keys("H"); // Randi is selected (waiting, oldest)
    b.keys("b");
    b.key(KeyCode::Left); // «velg» → declined (cycles)
    assert_eq!(b.app.form.as_ref().unwrap().fields[0].value(), "declined");
    b.key(KeyCode::Enter);
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.focus, 2);
    assert!(f.fields[2].error.as_deref().unwrap().contains("avslått"));
    b.keys("Ønsker ikke tilbudet");
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none());
    let randi = load_referrals(&b.db())
        .unwrap()
        .into_iter()
        .find(|r| r.name == "Randi Fossum")
        .unwrap();
    assert_eq!(randi.decision, Verdict::Declined);
    assert_eq!(randi.decline_reason, "Ønsker ikke tilbudet");
    assert_eq!(randi.decided_on, Some(today()));
    // The schema refuses a decline without a reason whoever writes it.
    let err = b
        .db()
        .execute(
            "UPDATE referrals SET decline_reason = ' ' WHERE id = ?1",
            [randi.id],
        )
        .unwrap_err();
    assert!(err.to_string().contains("CHECK"), "{err}");
}

#[test]
fn a_colleagues_change_in_between_is_a_conflict_and_never_overwritten_silently() {
    let mut b = board((120, 30));
    b.keys("He");
    let randi = b.app.intake.selected_referral(today()).unwrap().clone();
    // A colleague changes the note meanwhile.
    let mut other = store::open_read_write(&b.path).unwrap();
    let mut f = fields("Randi Fossum", Source::Hospital, randi.received_on);
    f.target_group = randi.target_group.clone();
    f.note = "Ringt fra ortopedisk".into();
    commit_referral(
        &mut other,
        &ReferralOp::Edit {
            id: randi.id,
            version: randi.version,
            fields: f,
        },
        "berit",
        1_795_000_100,
        today(),
    )
    .unwrap();
    b.key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::Tab);
    b.keys("Hjemme fra fredag");
    b.key(KeyCode::Enter);
    let f = b.app.form.as_ref().expect("the form stays open");
    assert!(
        f.error.as_deref().unwrap().contains("berit"),
        "{:?}",
        f.error
    );
    let stored = |b: &Board| {
        load_referrals(&b.db())
            .unwrap()
            .into_iter()
            .find(|r| r.id == randi.id)
            .unwrap()
    };
    assert_eq!(stored(&b).note, "Ringt fra ortopedisk");
    // The second Enter saves what was typed, knowingly.
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none());
    assert_eq!(stored(&b).note, "Hjemme fra fredag");
    assert_eq!(stored(&b).version, randi.version + 2);
}

#[test]
fn the_store_refuses_what_the_rules_refuse() {
    let b = board((80, 24));
    let mut conn = store::open_read_write(&b.path).unwrap();
    let list = load_referrals(&conn).unwrap();
    let randi = list.iter().find(|r| r.name == "Randi Fossum").unwrap();
    let stay = tavle::app::referrals::stay_fields(randi, &Config::default().rules(), today());
    // Only an accepted referral becomes a stay.
    let r = commit_referral(
        &mut conn,
        &ReferralOp::Admit {
            id: randi.id,
            version: randi.version,
            stay: stay.clone(),
        },
        "x",
        1,
        today(),
    );
    assert_eq!(
        r.unwrap_err(),
        ReferralWriteError::Invalid(ReferralError::NotAdmittable)
    );
    // A stale version is a conflict that names who changed it.
    let r = commit_referral(
        &mut conn,
        &ReferralOp::Admit {
            id: randi.id,
            version: randi.version - 1,
            stay,
        },
        "x",
        1,
        today(),
    );
    match r {
        Err(ReferralWriteError::Conflict { fresh, by }) => {
            assert_eq!(fresh.unwrap().version, randi.version);
            assert_eq!(by.as_deref(), Some("lead"));
        }
        other => panic!("{other:?}"),
    }
    // Received in the future: refused, nothing written.
    let before = load_referrals(&conn).unwrap().len();
    let r = commit_referral(
        &mut conn,
        &ReferralOp::Create(fields("Ny", Source::Other, date(2026, 11, 26))),
        "x",
        1,
        today(),
    );
    assert_eq!(
        r.unwrap_err(),
        ReferralWriteError::Invalid(ReferralError::ReceivedInFuture)
    );
    assert_eq!(load_referrals(&conn).unwrap().len(), before);
}

#[test]
fn a_kiosk_never_opens_loads_or_shows_referrals() {
    let b = board((200, 50));
    let list = load_referrals(&b.db()).unwrap();
    let mut kiosk = common::app(
        Mode::Kiosk,
        Config::default(),
        b.app.stays.clone(),
        (200, 50),
    );
    kiosk.update(Action::ReferralsLoaded(list));
    assert!(kiosk.intake.referrals.is_empty());
    session::key(
        &mut kiosk,
        None,
        KeyEvent::new(KeyCode::Char('H'), KeyModifiers::SHIFT),
    );
    kiosk.update(Action::OpenReferrals);
    assert_eq!(kiosk.overlay, Overlay::None);
    let screen = lines(&render(&kiosk)).join("\n");
    for name in ["Randi", "Torill", "Jens", "Henvisninger"] {
        assert!(!screen.contains(name), "{name} on a kiosk:\n{screen}");
    }
}

#[test]
fn the_report_counts_referrals_by_source_with_days_to_admission_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let mut conn = store::open_read_write(&path).unwrap();
    let cfg = Config::default();
    store::demo::seed_demo(&mut conn, today(), 1_795_000_000, &cfg.rules()).unwrap();
    let (from, to) = tavle::report::period(None, None, today()).unwrap();
    let r = tavle::report::wards::ward_report(&conn, &cfg, from, to).unwrap();
    // The demo: 2 waiting, Torill accepted, Jens declined, 4 stays that came by referral
    // (2, 1, 6 and 4 days from referral to admission: median 3).
    let json: serde_json::Value = serde_json::from_str(&tavle::report::render::json(&r)).unwrap();
    let f = &json["referrals"];
    assert_eq!(
        (
            &f["received"],
            &f["accepted"],
            &f["declined"],
            &f["waiting"]
        ),
        (&8.into(), &5.into(), &1.into(), &2.into())
    );
    assert_eq!(f["days_to_admission"]["admitted"], 4);
    assert_eq!(f["days_to_admission"]["median_days"], 3.0);
    let sources: Vec<&str> = f["by_source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        ["hospital", "gp", "allocation_office", "home_care", "other"]
    );
    assert_eq!(f["by_source"][3]["declined"], 1);
    let csv = tavle::report::render::csv(&r);
    assert!(csv.contains("period,referrals_received,,,,8\r\n"), "{csv}");
    assert!(
        csv.contains("period,referrals_declined.home_care,,,,1\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("period,days_referral_to_admission_median,,,,3.0\r\n"),
        "{csv}"
    );
    for (lang, want) in [
        (
            tavle::config::Language::Nb,
            "Dager fra henvisning til innleggelse (median): 3,0 (4 lagt inn)",
        ),
        (
            tavle::config::Language::En,
            "Days from referral to admission (median): 3.0 (4 admitted)",
        ),
    ] {
        let table = tavle::report::render::table(&r, lang, &|k| k.to_string());
        assert!(table.contains(want), "{table}");
    }
    let table = tavle::report::render::table(&r, tavle::config::Language::Nb, &|k| k.to_string());
    assert!(table.contains("Henvisninger: 8 mottatt"), "{table}");
    assert!(
        table
            .lines()
            .any(|l| l.contains("Hjemmetjenesten") && l.contains("1 avslått")),
        "{table}"
    );
    // The indicators view shows the same figures, at a TV's size and (scrolled) a laptop's.
    for size in [(200, 50), (80, 24)] {
        let mut app = common::app(
            Mode::Edit,
            cfg.clone(),
            store::load_active(&conn).unwrap(),
            size,
        );
        app.update(Action::ReferralsLoaded(load_referrals(&conn).unwrap()));
        app.update(Action::ReportDataLoaded(Box::new((
            store::load_all(&conn).unwrap(),
            store::load_meetings(&conn).unwrap(),
        ))));
        // On a laptop the view scrolls: find the section.
        let screen = (0..200u16)
            .map(|at| {
                app.scroll = at;
                b_screen(&app)
            })
            .find(|s| s.contains("Henvisninger: 8 mottatt") && s.contains("Dager til innleggelse"))
            .unwrap_or_else(|| b_screen(&app));
        assert!(
            screen.contains("Henvisninger: 8 mottatt"),
            "{size:?}\n{screen}"
        );
        assert!(
            screen.contains("Dager til innleggelse (median) 3 dager (4 lagt inn)")
                || screen.contains("2 venter · Dager til innleggelse (median): 3 dager"),
            "{size:?}\n{screen}"
        );
    }
}

fn b_screen(app: &App) -> String {
    lines(&render(app)).join("\n")
}

#[test]
fn an_empty_ward_keeps_the_queue_open_while_its_first_referral_is_registered() {
    let mut b = Board::prepared((120, 30), |_| {});
    b.keys("Hn").keys("Kari Nordmann");
    b.key(KeyCode::Tab).key(KeyCode::Right); // from the hospital
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none(), "{}", b.screen());
    // The board reloads its (still empty) list of stays after the write, as the terminal's
    // follower does: the queue stays open, with the referral in it.
    b.app.update(Action::DataLoaded(Vec::new()));
    assert_eq!(b.app.overlay, Overlay::Referrals);
    let s = b.screen();
    assert!(
        s.contains("Venter på beslutning") && s.contains("Kari Nordmann"),
        "{s}"
    );
}
