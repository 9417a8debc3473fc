//! Next of kin (issue 13 §4): added, edited and removed from the `P` panel through the
//! audited writer path; shown with their involvement in the detail pane and asked about at
//! discharge; never on a kiosk, whatever the kiosk's privacy settings allow.

mod common;

use common::board::Board;
use common::{lines, render, today};
use crossterm::event::KeyCode;
use tavle::app::{Action, FormKind, Mode, Overlay};
use tavle::config::{Config, PrivacyView};
use tavle::domain::edit::Change;
use tavle::domain::kin::NextOfKin;
use tavle::domain::{GoalStatus, Stay};
use tavle::store;

impl Board {
    fn kin_rows(&self) -> Vec<(i64, String, String, String, bool, bool)> {
        self.db()
            .prepare(
                "SELECT id, name, relation, phone, in_goal_setting, in_evaluation
                 FROM next_of_kin ORDER BY id",
            )
            .unwrap()
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }
}

fn kin(name: &str, relation: &str, phone: &str) -> NextOfKin {
    NextOfKin {
        id: 0,
        name: name.into(),
        relation: relation.into(),
        phone: phone.into(),
        in_goal_setting: true,
        in_evaluation: false,
    }
}

fn board(stays: Vec<Stay>, size: (u16, u16)) -> Board {
    Board::with_stays(&stays, size)
}

#[test]
fn next_of_kin_are_added_edited_removed_and_undone_through_the_panel() {
    let mut b = board(vec![common::stay(1, "Kari Hansen", 10)], (80, 24));
    b.keys("P");
    assert_eq!(b.app.overlay, Overlay::Kin);
    assert!(b.screen().contains("ingen registrert"));
    b.keys("n");
    // A name is needed.
    b.key(KeyCode::Enter);
    assert_eq!(b.app.form.as_ref().unwrap().focus, 0);
    assert!(b.app.form.as_ref().unwrap().fields[0].error.is_some());
    b.keys("Per Hansen");
    b.key(KeyCode::Tab).keys("s");
    b.key(KeyCode::Right); // completes «sønn» from the suggestions… or «samboer»
    let relation = b.app.form.as_ref().unwrap().fields[1].value().to_string();
    assert!(relation.starts_with('s'), "{relation}");
    b.key(KeyCode::Tab).keys("99 88 77 66");
    b.key(KeyCode::Tab).key(KeyCode::Right); // med i målsettingen: ja
    b.key(KeyCode::Enter);
    assert!(b.app.form.is_none(), "{}", b.screen());
    let rows = b.kin_rows();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (&rows[0].1[..], &rows[0].3[..], rows[0].4, rows[0].5),
        ("Per Hansen", "99 88 77 66", true, false)
    );
    let id = rows[0].0;
    // Audited like every change to a stay.
    let audited: String = b
        .db()
        .query_row(
            "SELECT new_value FROM audit_log WHERE field = ?1",
            [format!("kin.{id}")],
            |r| r.get(0),
        )
        .unwrap();
    assert!(audited.starts_with("Per Hansen"), "{audited}");
    assert!(b.screen().contains("Per Hansen"), "{}", b.screen());
    // Edit: the evaluation too.
    b.keys("e");
    b.key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::Right);
    b.key(KeyCode::Enter);
    assert!(b.kin_rows()[0].5, "in the evaluation now");
    assert_eq!(b.kin_rows()[0].0, id, "keeps its id");
    // Remove, then undo: back with the same id.
    b.keys("D");
    assert!(b.kin_rows().is_empty());
    b.keys("u");
    assert_eq!(b.kin_rows().len(), 1);
    assert_eq!(b.kin_rows()[0].0, id);
    // The detail pane: involvement at a glance.
    b.key(KeyCode::Esc).key(KeyCode::Enter);
    let screen = b.screen();
    assert!(
        screen.contains("Pårørende") && screen.contains("– med i målsetting ✓, evaluering ✓"),
        "{screen}"
    );
}

#[test]
fn the_detail_pane_shows_involvement_at_both_sizes_and_hides_names_when_the_board_does() {
    let mut s = common::stay(1, "Kari Hansen", 10);
    s.next_of_kin.push(kin("Per Hansen", "sønn", "99 88 77 66"));
    for size in [(80, 24), (200, 50)] {
        let mut a = common::app(Mode::Edit, Config::default(), vec![s.clone()], size);
        a.update(Action::OpenDetail);
        let screen = lines(&render(&a)).join("\n");
        assert!(
            screen.contains("Per Hansen (sønn) – med i målsetting ✓, evaluering –"),
            "{size:?}\n{screen}"
        );
    }
    // A board that shows initials shows the relation, not the name or the phone.
    let mut cfg = Config::default();
    cfg.privacy.board.names = false;
    let mut a = common::app(Mode::Edit, cfg, vec![s], (200, 50));
    a.update(Action::OpenDetail);
    let screen = lines(&render(&a)).join("\n");
    assert!(screen.contains("sønn – med i målsetting"), "{screen}");
    assert!(
        !screen.contains("Per Hansen") && !screen.contains("99 88"),
        "{screen}"
    );
    a.update(Action::CloseOverlay);
    a.update(Action::Open(Overlay::Kin));
    let screen = lines(&render(&a)).join("\n");
    assert!(
        !screen.contains("Per Hansen") && !screen.contains("99 88"),
        "{screen}"
    );
}

#[test]
fn a_kiosk_never_shows_a_next_of_kins_name_or_phone() {
    let mut s = common::stay(1, "Kari Hansen", 10);
    s.next_of_kin
        .push(kin("Ragnhild Kinnsdatter", "datter", "41 23 45 67"));
    s.note = "Ragnhild ringer kl 14".into();
    // Even a kiosk allowed to show everything else shows no next of kin.
    let mut cfg = Config::default();
    cfg.privacy.kiosk = PrivacyView {
        names: true,
        goals: true,
        notes: false,
        risks: true,
        ..PrivacyView::default()
    };
    for size in [(80, 24), (200, 50), (120, 30)] {
        let mut a = common::app(Mode::Kiosk, cfg.clone(), vec![s.clone()], size);
        assert!(a.stays.iter().all(|s| s.next_of_kin.is_empty()));
        // Whatever reaches it: fresh data, or actions a kiosk never maps from keys.
        a.update(Action::DataLoaded(vec![s.clone()]));
        assert!(a.stays.iter().all(|s| s.next_of_kin.is_empty()));
        for action in [
            Action::OpenDetail,
            Action::Open(Overlay::Kin),
            Action::OpenForm(FormKind::EditKin(1)),
        ] {
            a.update(action);
            let screen = lines(&render(&a)).join("\n");
            assert!(screen.contains("Kari Hansen"), "{screen}");
            for secret in ["Ragnhild", "Kinnsdatter", "41 23 45 67", "Pårørende"] {
                assert!(!screen.contains(secret), "{secret} on a kiosk:\n{screen}");
            }
        }
        assert!(a.form.is_none());
    }
}

#[test]
fn discharge_asks_whether_each_next_of_kin_took_part_in_the_evaluation() {
    let mut s = common::stay(1, "Kari Hansen", 34);
    // Nothing else open, so the discharge itself has nothing to decide.
    s.assessment_done = Some(s.admitted);
    s.gp.done_on = Some(s.admitted);
    s.med_status = tavle::domain::MedStatus::Done;
    s.med_done = Some(s.admitted);
    s.next_of_kin.push(kin("Per Hansen", "sønn", ""));
    s.next_of_kin.push(kin("Liv Hansen", "datter", ""));
    let mut b = board(vec![s], (200, 50));
    b.keys("x");
    let screen = b.screen();
    assert!(screen.contains("Pårørende: Per Hansen (sønn)"), "{screen}");
    assert!(
        screen.contains("Pårørende: Liv Hansen (datter)"),
        "{screen}"
    );
    assert!(screen.contains("Var med i evalueringen"), "{screen}");
    let stay = b.app.stays[0].clone();
    let ids: Vec<i64> = stay.next_of_kin.iter().map(|k| k.id).collect();
    // The change the form makes records the answers with the discharge, in one write.
    let mut conn = store::open_read_write(&b.path).unwrap();
    let c = store::write::commit(
        &mut conn,
        &store::write::WriteRequest {
            target: store::write::Target::Stay {
                id: stay.id,
                version: Some(stay.version),
            },
            change: Change::Discharge {
                on: today(),
                outcome: "home_ordinary".into(),
                goals: Vec::<(i64, GoalStatus)>::new(),
                decisions: vec![],
                acknowledgements: vec![],
                kin_in_evaluation: vec![(ids[0], true), (ids[1], false)],
                end_scores: vec![],
            },
        },
        "anne",
        1_795_000_000,
        today(),
    )
    .unwrap();
    let after = c.after.unwrap();
    assert!(after.next_of_kin[0].in_evaluation);
    assert!(!after.next_of_kin[1].in_evaluation);
    let rows = b.kin_rows();
    assert!(rows.iter().any(|r| r.1 == "Per Hansen" && r.5));
}

#[test]
fn a_phone_without_digits_is_refused_on_its_field() {
    let mut b = board(vec![common::stay(1, "Kari Hansen", 10)], (120, 40));
    b.keys("P").keys("n").keys("Per Hansen");
    b.key(KeyCode::Tab).key(KeyCode::Tab).keys("abc");
    b.key(KeyCode::Enter);
    let f = b.app.form.as_ref().expect("the form stays open");
    assert_eq!(f.focus, 2);
    assert_eq!(
        f.fields[2].error.as_deref(),
        Some("Skriv et telefonnummer med sifre, f.eks. 912 34 567")
    );
    assert!(b.kin_rows().is_empty());
}
