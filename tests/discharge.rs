//! Discharge as the systematic evaluation (issue 11), driven by keys against a temporary
//! database: the form lists every open item, refuses until each goal is evaluated and each
//! follow-up and unmet deadline decided, and writes one change with an audit row per item.

mod common;

use common::board::Board;
use common::today;
use crossterm::event::KeyCode;
use tavle::domain::dates::add_days;
use tavle::domain::{FollowUp, Goal, GoalStatus, MedStatus, Stay, StayStatus};
use tavle::store;

impl Board {
    fn tab(&mut self) -> &mut Self {
        self.key(KeyCode::Tab)
    }
    fn enter(&mut self) -> &mut Self {
        self.key(KeyCode::Enter)
    }
    fn status(&self) -> String {
        self.db()
            .query_row("SELECT status FROM stays WHERE id = 1", [], |r| r.get(0))
            .unwrap()
    }
    /// Audit rows of the discharge: (field, old, new).
    fn discharge_audit(&self) -> Vec<(String, Option<String>, Option<String>)> {
        let c = self.db();
        let mut st = c
            .prepare(
                "SELECT field, old_value, new_value FROM audit_log
                 WHERE action = 'discharge' ORDER BY id",
            )
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }
}

/// Kari Hansen on day 20: one goal open (her own score 3 at the home visit) and one
/// achieved (never scored), a follow-up due today,
/// medication reconciliation in progress, a GP appointment booked after today (so after a
/// discharge today), assessment done.
fn kari() -> Stay {
    let mut s = common::stay(1, "Kari Hansen", 19);
    s.goals.push(Goal {
        id: 1,
        position: 1,
        text: "Klare meg hjemme med hjelp morgen og kveld".into(),
        status: GoalStatus::Open,
        set_on: add_days(today(), -18),
        closed_on: None,
        score_start: Some(3),
        score_end: None,
    });
    s.goals.push(Goal {
        id: 2,
        position: 2,
        text: "Gå til postkassen".into(),
        status: GoalStatus::Achieved,
        set_on: add_days(today(), -18),
        closed_on: Some(add_days(today(), -3)),
        score_start: None,
        score_end: None,
    });
    s.follow_ups.push(FollowUp {
        id: 1,
        text: "Søke trygghetsalarm".into(),
        discipline: "ot".into(),
        due: Some(today()),
        done_on: None,
        created_on: add_days(today(), -10),
    });
    s.assessment_done = Some(add_days(today(), -18));
    s.med_status = MedStatus::InProgress;
    s.gp.booked_for = Some(add_days(today(), 10));
    s
}

fn board(stays: &[Stay], size: (u16, u16)) -> Board {
    Board::prepared(size, |conn| {
        let tx = conn.transaction().unwrap();
        for s in stays {
            store::demo::insert_stay(&tx, s, s.updated_at).unwrap();
        }
        // Discussed at a stand-up every day since admission, so the board meetings of the
        // model are met and the form asks only about what these tests are about.
        for s in stays {
            let mut d = s.admitted;
            while d < today() {
                tx.execute(
                    "INSERT INTO meetings (date, started_at, led_by) VALUES (?1, 0, 'Anne')",
                    [d.to_string()],
                )
                .unwrap();
                tx.execute(
                    "INSERT INTO meeting_stays (meeting_id, stay_id, discussed_at)
                     VALUES (last_insert_rowid(), ?1, 0)",
                    [s.id],
                )
                .unwrap();
                d = add_days(d, 1);
            }
        }
        tx.commit().unwrap();
    })
}

#[test]
fn discharge_refuses_until_every_item_is_decided_and_audits_each_decision() {
    let mut b = board(&[kari()], (120, 30));
    b.keys("x");
    let form = b.app.form.as_ref().expect("the evaluation opens");
    assert!(
        form.intro
            .as_deref()
            .unwrap()
            .contains("1 mål · 1 oppfølging")
    );
    // Enter at once: nothing is written, the cursor is on the goal, the form says why.
    b.enter();
    assert!(b.app.form.is_some());
    assert_eq!(b.status(), "active");
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.focus, 0);
    assert!(f.fields[0].error.as_deref().unwrap().contains("nådd"));
    // Four open items, both goals' end scores, and two core elements of the model not met
    // (GP, medication).
    assert!(
        f.error.as_deref().unwrap().contains("8 punkt mangler"),
        "{:?}",
        f.error
    );
    let s = b.screen();
    assert!(s.contains("Evalueringen er ikke ferdig"), "{s}");
    // The goal: partly achieved ('d' jumps to «delvis nådd»). Enter: now its end score.
    b.keys("d").enter();
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.fields[0].value(), "partly");
    assert_eq!(f.focus, 1);
    assert!(f.fields[1].error.as_deref().unwrap().contains("ikke målt"));
    // Her own score now: 6 (from 3). Enter: the achieved goal's end score, then «ikke målt».
    b.keys("6").enter();
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.fields[1].value(), "6");
    assert_eq!(f.focus, 2);
    b.keys("i").enter();
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.fields[2].value(), "none");
    assert_eq!(f.focus, 3);
    // The follow-up carried over to home care; a carry-over needs a note.
    b.keys("v").enter();
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.fields[3].value(), "home_care");
    assert_eq!(f.focus, 4);
    assert!(f.fields[4].error.as_deref().unwrap().contains("notat"));
    b.keys("Søknad sendt, hjemmetjenesten følger opp");
    // GP: carried over to the GP (second 'v'), with a note.
    b.tab().keys("vv").tab().keys("Time 05.12 hos fastlegen");
    // Medication: carried over to home care.
    b.tab().keys("v").tab().keys("Fullføres ved første besøk");
    assert_eq!(b.app.form.as_ref().unwrap().fields[5].value(), "gp");
    // The model: why the GP appointment and the reconciliation were not done in time.
    b.enter();
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.fields[f.focus].item.as_deref(), Some("fidelity.gp"));
    assert!(
        f.fields[f.focus]
            .heading
            .as_deref()
            .unwrap()
            .contains("Ikke oppfylt: Legetime"),
        "{:?}",
        f.fields[f.focus].heading
    );
    b.keys("Fastlegen hadde ingen ledige timer");
    b.tab().keys("Venter på epikrise fra sykehuset");
    // Date stays today; no outcome chosen yet: Enter points at the outcome.
    b.enter();
    let f = b.app.form.as_ref().unwrap();
    assert_eq!(f.focus, f.fields.len() - 1);
    assert_eq!(b.status(), "active");
    assert!(b.discharge_audit().is_empty());
    // Outcome: the first in the list. Enter saves.
    b.key(KeyCode::Right).enter();
    assert!(b.app.form.is_none(), "{:?}", b.app.form);
    assert_eq!(b.status(), "discharged");
    assert!(b.app.stays.is_empty(), "the stay leaves the board");
    let audit = b.discharge_audit();
    let has = |field: &str, new: &str| {
        audit
            .iter()
            .any(|(f, _, n)| f == field && n.as_deref().is_some_and(|n| n.starts_with(new)))
    };
    assert!(has("goal.1.status", "partly"), "{audit:?}");
    assert!(
        has("decision.follow_up.1", "home_care: Søknad sendt"),
        "{audit:?}"
    );
    assert!(has("decision.gp", "gp: Time 05.12"), "{audit:?}");
    assert!(
        has("decision.medication", "home_care: Fullføres"),
        "{audit:?}"
    );
    assert!(has("status", "discharged"), "{audit:?}");
    assert!(has("discharged_on", &today().to_string()), "{audit:?}");
    // The achieved goal was already evaluated: not touched.
    assert!(!audit.iter().any(|(f, _, _)| f == "goal.2.status"));
    // The person's own end score, in the same change; «ikke målt» leaves none.
    assert!(has("goal.1.score_end", "6"), "{audit:?}");
    assert!(!audit.iter().any(|(f, _, _)| f == "goal.2.score_end"));
    // One change: every row has the same change id.
    let ids: i64 = b
        .db()
        .query_row(
            "SELECT count(DISTINCT change_id) FROM audit_log WHERE action = 'discharge'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(ids, 1);
    // Stored: the decisions and the evaluation, loaded back with the stay.
    let stay = store::load_stay(&b.db(), 1).unwrap().unwrap();
    assert_eq!(stay.status, StayStatus::Discharged);
    assert_eq!(stay.goals[0].status, GoalStatus::PartlyAchieved);
    assert_eq!(
        (stay.goals[0].score_start, stay.goals[0].score_end),
        (Some(3), Some(6))
    );
    assert_eq!(stay.goals[1].score_end, None);
    assert_eq!(stay.handovers.len(), 3);
    assert_eq!(stay.follow_ups[0].done_on, None, "carried over, not done");
    // The unmet elements of the model, with their reasons, in the same change.
    let acks: Vec<(String, String)> = stay
        .fidelity_acks
        .iter()
        .map(|a| (a.element.clone(), a.note.clone()))
        .collect();
    assert_eq!(
        acks,
        [
            ("gp".into(), "Fastlegen hadde ingen ledige timer".into()),
            (
                "medication".into(),
                "Venter på epikrise fra sykehuset".into()
            )
        ]
    );
    assert!(has("fidelity.gp", "Fastlegen hadde"), "{audit:?}");
}

#[test]
fn a_follow_up_done_at_discharge_is_marked_done_and_needs_no_note() {
    let mut s = kari();
    s.goals.truncate(1);
    s.med_status = MedStatus::Done;
    s.med_done = Some(today());
    s.gp.done_on = Some(today());
    let mut b = board(&[s], (120, 30));
    // Goal achieved; follow-up done now ('g' jumps to «gjennomført nå»).
    // End score 8; follow-up done now ('g' jumps to «gjennomført nå»).
    b.keys("x")
        .keys("n")
        .tab()
        .keys("8")
        .tab()
        .keys("g")
        .tab()
        .tab()
        .tab();
    b.key(KeyCode::Right).enter();
    assert!(b.app.form.is_none(), "{:?}", b.app.form);
    let stay = store::load_stay(&b.db(), 1).unwrap().unwrap();
    assert_eq!(stay.status, StayStatus::Discharged);
    assert_eq!(stay.goals[0].status, GoalStatus::Achieved);
    assert_eq!(stay.goals[0].score_end, Some(8));
    assert_eq!(stay.follow_ups[0].done_on, Some(today()));
    assert!(stay.handovers.is_empty());
    let audit = b.discharge_audit();
    assert!(
        audit
            .iter()
            .any(|(f, _, n)| f == "follow_up.1.done_on" && n.is_some())
    );
}

#[test]
fn a_stay_with_nothing_open_is_discharged_with_date_and_outcome_only() {
    let mut s = common::stay(1, "Ola Nordmann", 34);
    s.assessment_done = Some(add_days(today(), -33));
    s.gp.done_on = Some(add_days(today(), -25));
    s.med_status = MedStatus::Done;
    s.med_done = Some(add_days(today(), -25));
    s.goals.push(Goal {
        id: 1,
        position: 1,
        text: "Bo hjemme".into(),
        status: GoalStatus::Achieved,
        set_on: add_days(today(), -33),
        closed_on: Some(add_days(today(), -1)),
        score_start: Some(4),
        score_end: Some(8),
    });
    let mut b = board(&[s], (80, 24));
    b.keys("x");
    let s = b.screen();
    assert!(s.contains("Ingen åpne punkter"), "{s}");
    // The goal's end score typed in the goals panel is the answer already, shown with
    // the change; the form still shows it so it can be corrected.
    assert!(s.contains("allerede nådd · startskår 4"), "{s}");
    assert!(s.contains("8 (+4)"), "{s}");
    b.tab().tab().key(KeyCode::Right).enter();
    assert_eq!(b.status(), "discharged");
    let stay = store::load_stay(&b.db(), 1).unwrap().unwrap();
    assert_eq!(stay.goals[0].score_end, Some(8));
    assert!(
        !b.discharge_audit()
            .iter()
            .any(|(f, _, _)| f.starts_with("goal.")),
        "an unchanged score is not a change"
    );
}

/// Every open item, the person's name and what to do, on the screen.
fn assert_evaluation_shown(screen: &str) {
    for needle in [
        "Kari Hansen",
        "Åpne punkter: 1 mål · 1 oppfølging",
        "Legetime bestilt 05.12.2026",
        "Legemiddelsamstemming pågår",
        "Mål 1: «Klare meg hjemme",
        "Søke trygghetsalarm",
        "Evaluering",
        "Beslutning",
        // Each goal's end score, asked with its start score (or that there is none).
        "kveld» · startskår 3",
        "Sluttskår (0–10)",
        "Mål 2: «Gå til postkassen» · allerede nådd · ingen startskår",
    ] {
        assert!(screen.contains(needle), "{needle:?} missing:\n{screen}");
    }
}

#[test]
fn the_evaluation_at_80x24_shows_the_name_and_every_open_item() {
    let mut b = board(&[kari()], (80, 24));
    b.keys("x");
    let s = b.screen();
    assert_evaluation_shown(&s);
    // Nothing of the list of open items is cut: it wraps inside the box.
    assert!(s.contains("Legemiddelsamstemming pågår"), "{s}");
    // The incomplete evaluation says so without losing the focused field.
    b.enter();
    let s = b.screen();
    assert!(s.contains("Evalueringen er ikke ferdig"), "{s}");
    assert!(s.contains("▶ Evaluering"), "{s}");
    // The end score shows its change from the start score as it is chosen.
    b.keys("d").tab().keys("6");
    let s = b.screen();
    assert!(s.contains("▶ Sluttskår (0–10)  ◀ 6 (+3) ▶"), "{s}");
    // Moving to the last field scrolls the box; the outcome is then in view.
    for _ in 0..11 {
        b.tab();
    }
    let s = b.screen();
    assert!(s.contains("▶ Utfall"), "{s}");
}

#[test]
fn the_evaluation_at_200x50_shows_the_name_and_every_open_item() {
    let mut b = board(&[kari()], (200, 50));
    b.keys("x");
    let s = b.screen();
    assert_evaluation_shown(&s);
    assert!(s.contains("Utfall"), "{s}");
    // The model's unmet elements ask for their reasons in the same form.
    assert!(s.contains("Ikke oppfylt: Legetime"), "{s}");
    assert!(s.contains("Ikke oppfylt: Legemiddelsamstemming"), "{s}");
    assert!(
        s.contains("Klare meg hjemme med hjelp morgen og kveld»"),
        "{s}"
    );
    // «ikke målt» is the explicit skip, the last choice (← from «velg»).
    b.tab().tab().key(KeyCode::Left);
    let s = b.screen();
    assert!(s.contains("▶ Sluttskår (0–10)  ◀ ikke målt ▶"), "{s}");
}

#[test]
fn esc_on_a_written_evaluation_asks_once_before_throwing_it_away() {
    let mut b = board(&[kari()], (120, 40));
    // Esc on an untouched evaluation closes at once.
    b.keys("x");
    assert!(b.app.form.is_some());
    b.key(KeyCode::Esc);
    assert!(b.app.form.is_none());
    // With something chosen, the first Esc only warns; typing on disarms it.
    b.keys("x").keys("n");
    b.key(KeyCode::Esc);
    assert!(
        b.app.form.is_some(),
        "the first Esc threw the evaluation away"
    );
    assert!(
        b.screen().contains("Esc en gang til forkaster"),
        "{}",
        b.screen()
    );
    b.tab().keys("8");
    b.key(KeyCode::Esc);
    assert!(b.app.form.is_some(), "typing on must disarm the second Esc");
    b.key(KeyCode::Esc);
    assert!(b.app.form.is_none());
    let stay = store::load_stay(&b.db(), 1).unwrap().unwrap();
    assert_eq!(stay.status, StayStatus::Active);
}

/// Undoing a discharge says that, once: not «utskriving/avbrudd, endring av innleggelsen»
/// (the outcome and scores saved with it are part of the discharge).
#[test]
fn undoing_a_discharge_says_the_stay_is_back() {
    for size in [(80, 24), (200, 50)] {
        let mut s = common::stay(1, "Ola Nordmann", 34);
        s.assessment_done = Some(add_days(today(), -33));
        s.gp.done_on = Some(add_days(today(), -25));
        s.med_status = MedStatus::Done;
        s.med_done = Some(add_days(today(), -25));
        s.goals.push(Goal {
            id: 1,
            position: 1,
            text: "Bo hjemme".into(),
            status: GoalStatus::Achieved,
            set_on: add_days(today(), -33),
            closed_on: Some(add_days(today(), -1)),
            score_start: Some(4),
            score_end: Some(8),
        });
        let mut b = board(&[s], size);
        b.keys("x");
        b.tab().tab().key(KeyCode::Right).enter();
        assert_eq!(b.status(), "discharged");
        b.keys("u");
        assert_eq!(b.status(), "active");
        let s = b.screen();
        assert!(
            s.contains("Angret utskrivingen: Ola Nordmann er tilbake på tavlen"),
            "{size:?}\n{s}"
        );
        assert!(!s.contains("utskriving/avbrudd"), "{size:?}\n{s}");
    }
}
