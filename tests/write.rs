//! Writing: one transaction per change, audit rows, version conflicts, restore (undo).

mod common;

use common::today;
use jiff::civil::date;
use rusqlite::Connection;
use tavle::domain::edit::{Change, EditError, StayFields};
use tavle::domain::{Decision, GoalStatus, Handover, StayStatus};
use tavle::store::write::{Target, WriteError, WriteRequest, commit, load_history};
use tavle::store::{self};

const NOW: i64 = 1_795_600_000;

fn db() -> (tempfile::TempDir, std::path::PathBuf, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.db");
    let c = store::open_read_write(&p).unwrap();
    (dir, p, c)
}

fn fields(name: &str) -> StayFields {
    StayFields {
        name: name.into(),
        initials: String::new(),
        target_group: "new_user".into(),
        admitted: today(),
        planned_discharge: date(2026, 12, 30),
        primary_contact: "Anne Sykepleier".into(),
        note: String::new(),
    }
}

fn on(id: i64, version: i64, change: Change) -> WriteRequest {
    WriteRequest {
        target: Target::Stay {
            id,
            version: Some(version),
        },
        change,
    }
}

/// (user, field, old, new, action)
type AuditRow = (String, String, Option<String>, Option<String>, String);

fn audit(c: &Connection) -> Vec<AuditRow> {
    c.prepare("SELECT user, field, old_value, new_value, action FROM audit_log ORDER BY id")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn create_then_goal_writes_rows_and_audit() {
    let (_d, _p, mut c) = db();
    let created = commit(
        &mut c,
        &WriteRequest {
            target: Target::New,
            change: Change::Create(fields("Åse Ødegård")),
        },
        "kari",
        NOW,
        today(),
    )
    .unwrap();
    let s = created.after.clone().unwrap();
    assert_eq!(
        (s.name.as_str(), s.initials.as_str(), s.version),
        ("Åse Ødegård", "ÅØ", 1)
    );
    let with_goal = commit(
        &mut c,
        &on(s.id, 1, Change::AddGoal("Gå til postkassen".into())),
        "kari",
        NOW + 60,
        today(),
    )
    .unwrap();
    let after = with_goal.after.unwrap();
    assert_eq!(after.version, 2);
    assert_eq!(after.updated_at, NOW + 60);
    assert_eq!(after.goals.len(), 1);
    let gid = after.goals[0].id;
    assert!(gid > 0);
    let rows = audit(&c);
    assert!(rows.iter().any(|r| r.1 == "name"
        && r.3.as_deref() == Some("Åse Ødegård")
        && r.4 == "create"
        && r.0 == "kari"));
    assert_eq!(
        rows.last().unwrap(),
        &(
            "kari".to_string(),
            format!("goal.{gid}.text"),
            None,
            Some("Gå til postkassen".to_string()),
            "edit".to_string()
        )
    );
    let hist = load_history(&c, s.id, 50).unwrap();
    assert_eq!(hist[0].field, format!("goal.{gid}.text"));
}

#[test]
fn second_editor_with_an_old_version_gets_a_conflict_and_nothing_is_lost() {
    let (_d, p, mut a) = db();
    let s = commit(
        &mut a,
        &WriteRequest {
            target: Target::New,
            change: Change::Create(fields("Per Berg")),
        },
        "a",
        NOW,
        today(),
    )
    .unwrap()
    .after
    .unwrap();
    let mut b = store::open_read_write(&p).unwrap();
    // Both loaded version 1. A writes first.
    commit(
        &mut a,
        &on(s.id, 1, Change::AddGoal("Sove hele natten".into())),
        "anne",
        NOW,
        today(),
    )
    .unwrap();
    let err = commit(
        &mut b,
        &on(s.id, 1, Change::AddGoal("Spise frokost selv".into())),
        "bjorn",
        NOW,
        today(),
    )
    .unwrap_err();
    match err {
        WriteError::Conflict { fresh, by } => {
            let fresh = fresh.unwrap();
            assert_eq!(fresh.version, 2);
            assert_eq!(fresh.goals[0].text, "Sove hele natten");
            assert_eq!(by.as_deref(), Some("anne"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let now = store::load_stay(&b, s.id).unwrap().unwrap();
    assert_eq!(now.goals.len(), 1);
    assert_eq!(now.goals[0].text, "Sove hele natten");
    // With the fresh version, B's change goes through and A's goal is kept.
    commit(
        &mut b,
        &on(s.id, 2, Change::AddGoal("Spise frokost selv".into())),
        "bjorn",
        NOW,
        today(),
    )
    .unwrap();
    let now = store::load_stay(&a, s.id).unwrap().unwrap();
    assert_eq!(now.goals.len(), 2);
}

#[test]
fn restore_undoes_discharge_delete_and_create_and_is_audited() {
    let (_d, _p, mut c) = db();
    let s = commit(
        &mut c,
        &WriteRequest {
            target: Target::New,
            change: Change::Create(fields("Liv Lund")),
        },
        "u",
        NOW,
        today(),
    )
    .unwrap()
    .after
    .unwrap();
    let g = commit(
        &mut c,
        &on(s.id, 1, Change::AddGoal("Gå i trappen".into())),
        "u",
        NOW,
        today(),
    )
    .unwrap()
    .after
    .unwrap();
    let d = commit(
        &mut c,
        &on(
            s.id,
            2,
            Change::Discharge {
                on: today(),
                outcome: "home_ordinary".into(),
                goals: vec![(g.goals[0].id, GoalStatus::PartlyAchieved)],
                decisions: ["assessment", "gp", "medication"]
                    .into_iter()
                    .map(|item| Handover {
                        item: item.into(),
                        decision: Decision::HomeCare,
                        note: "Videreført".into(),
                    })
                    .collect(),
                acknowledgements: vec![],
                kin_in_evaluation: vec![],
                end_scores: vec![],
            },
        ),
        "u",
        NOW,
        today(),
    )
    .unwrap();
    assert!(store::load_active(&c).unwrap().is_empty());
    // Undo the discharge.
    let back = commit(
        &mut c,
        &on(s.id, 3, Change::Restore(d.before.clone().map(Box::new))),
        "u",
        NOW,
        today(),
    )
    .unwrap()
    .after
    .unwrap();
    assert_eq!(back.status, StayStatus::Active);
    assert_eq!(back.goals, g.goals);
    assert_eq!(back.version, 4);
    assert_eq!(store::load_active(&c).unwrap().len(), 1);
    assert!(audit(&c).iter().any(|r| r.1 == "status"
        && r.2.as_deref() == Some("discharged")
        && r.3.as_deref() == Some("active")
        && r.4 == "undo"));
    // Delete, then restore the deleted stay with the same id and goal ids.
    let del = commit(&mut c, &on(s.id, 4, Change::Delete), "u", NOW, today()).unwrap();
    assert!(store::load_stay(&c, s.id).unwrap().is_none());
    let again = commit(
        &mut c,
        &WriteRequest {
            target: Target::Stay {
                id: s.id,
                version: None,
            },
            change: Change::Restore(del.before.map(Box::new)),
        },
        "u",
        NOW,
        today(),
    )
    .unwrap()
    .after
    .unwrap();
    assert_eq!(again.id, s.id);
    assert_eq!(again.goals[0].id, g.goals[0].id);
    // Undo of the creation removes it.
    commit(
        &mut c,
        &on(s.id, again.version, Change::Restore(None)),
        "u",
        NOW,
        today(),
    )
    .unwrap();
    assert!(store::load_stay(&c, s.id).unwrap().is_none());
}

#[test]
fn invalid_changes_write_nothing() {
    let (_d, p, mut c) = db();
    let s = commit(
        &mut c,
        &WriteRequest {
            target: Target::New,
            change: Change::Create(fields("Tor Ås")),
        },
        "u",
        NOW,
        today(),
    )
    .unwrap()
    .after
    .unwrap();
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    let before = std::fs::read(&p).unwrap();
    let audit_before = audit(&c).len();
    for change in [
        Change::AddGoal("   ".into()),
        Change::AddGoal("x".repeat(500)),
        Change::Edit(fields("")),
        Change::GoalStatus(999, GoalStatus::Achieved),
        Change::Assessment(Some(date(2020, 1, 1))),
    ] {
        let e = commit(&mut c, &on(s.id, 1, change), "u", NOW, today()).unwrap_err();
        assert!(matches!(e, WriteError::Invalid(_)), "{e:?}");
    }
    assert_eq!(
        commit(
            &mut c,
            &on(s.id, 1, Change::AddGoal(String::new())),
            "u",
            NOW,
            today()
        ),
        Err(WriteError::Invalid(EditError::Empty))
    );
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), before);
    assert_eq!(audit(&c).len(), audit_before);
}

#[test]
fn a_read_only_connection_cannot_write() {
    let (_d, p, _c) = db();
    let mut ro = store::open_read_only(&p).unwrap();
    let e = commit(
        &mut ro,
        &WriteRequest {
            target: Target::New,
            change: Change::Create(fields("Nei Nei")),
        },
        "u",
        NOW,
        today(),
    )
    .unwrap_err();
    assert!(matches!(e, WriteError::Store(_)), "{e:?}");
}
