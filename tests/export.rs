//! Data in and out: JSON export/import round trip, refused imports change nothing, CSV for
//! spreadsheets, and consistent backups of a database that is being written.

use jiff::civil::{Date, date};
use rusqlite::{Connection, params};
use std::path::{Path, PathBuf};
use tavle::domain::{FollowUp, Goal, GoalStatus, MedStatus, Rules, Stay, StayStatus};
use tavle::store::{self, backup, export};

const NOW: i64 = 1_795_600_000;

fn today() -> Date {
    date(2026, 11, 25)
}

/// A database with the demo ward plus rows in every table, including awkward text.
fn full_db(dir: &Path) -> PathBuf {
    let p = dir.join("full.db");
    let mut c = store::open_read_write(&p).unwrap();
    store::demo::seed_demo(&mut c, today(), NOW, &Rules::default()).unwrap();
    let tx = c.transaction().unwrap();
    let mut s = Stay::new(
        0,
        "Ola \"Quote\", Nordmann",
        date(2026, 9, 1),
        date(2026, 10, 6),
    );
    s.status = StayStatus::Cancelled;
    s.note = "linje 1\nlinje 2\t— æøå ÆØÅ 😀 \u{0}".into();
    store::demo::insert_stay(&tx, &s, NOW).unwrap();
    tx.execute_batch(
        "INSERT INTO audit_log (at, user, stay_id, field, old_value, new_value, change_id, action)
           VALUES (1795600000, 'anne', 1, 'note', NULL, 'ny', 1, 'edit'),
                  (1795600100, 'anne', NULL, 'stay', 'x', NULL, 2, 'delete');
         -- The demo's own stand-up history is replaced by two hand-made meetings.
         DELETE FROM meeting_stays;
         DELETE FROM meetings;
         INSERT INTO meetings (id, date, started_at, ended_at, led_by)
           VALUES (1, '2026-11-24', 1795510000, 1795510900, 'Anne Sykepleier'),
                  (2, '2026-11-25', 1795596400, NULL, 'Eva Sykepleier');
         INSERT INTO meeting_stays (meeting_id, stay_id, discussed_at)
           VALUES (1, 1, 1795510100), (1, 3, 1795510200), (2, 1, 1795596500);
         -- Schema 4's tables, each with a row (the demo may or may not fill them).
         DELETE FROM attendance; DELETE FROM measures; DELETE FROM cases;
         DELETE FROM case_meetings; DELETE FROM events; DELETE FROM referrals;
         DELETE FROM next_of_kin; DELETE FROM fidelity_acknowledgements;
         INSERT INTO case_meetings (id, date, status, started_at, ended_at, led_by, supervisor)
           VALUES (1, '2026-11-19', 'held', 1795080000, 1795083600, 'Kari Ressurs', 'Vera Veileder'),
                  (2, '2026-11-26', 'planned', NULL, NULL, '', '');
         INSERT INTO cases (id, meeting_id, stay_id, position, title, situation, perspective, evaluate_on, status)
           VALUES (1, 1, 1, 1, 'Uro om kvelden', 'Kl. 18–20 i stua', 'Hun virker redd', '2026-12-03', 'discussed');
         INSERT INTO measures (id, case_id, stay_id, text, who, from_on, evaluate_on, evaluation, evaluated_on, evaluation_note, evaluated_in)
           VALUES (1, 1, 1, 'Kveldsbesøk «rolig prat»', 'Hjemmesykepleien', '2026-11-20', '2026-12-03', 'partly', '2026-11-26', 'Bedre', 2);
         INSERT INTO attendance (kind, meeting_id, name, discipline)
           VALUES ('case', 1, 'Kari Ressurs', 'nurse'), ('standup', 1, 'Per Fysio', 'physio');
         INSERT INTO events (id, stay_id, occurred_on, occurred_time, kind, note, recorded_by, recorded_at)
           VALUES (1, 1, '2026-11-24', '14:30', 'fall', 'På badet', 'anne', 1795510000),
                  (2, 1, '2026-11-25', NULL, 'gp_contact', '', 'anne', 1795596400);
         INSERT INTO referrals (id, name, source, received_on, target_group, decision, decided_on, decline_reason, planned_admission, stay_id, note, created_at, updated_at)
           VALUES (1, 'Olga Ny', 'hospital', '2026-11-20', 'from_hospital', 'accepted', '2026-11-21', '', '2026-11-30', NULL, '', 1795000000, 1795000000),
                  (2, 'Nils Nei', 'gp', '2026-11-21', 'new_user', 'declined', '2026-11-22', 'Trenger sykehjem', NULL, NULL, '', 1795000000, 1795000000);
         INSERT INTO next_of_kin (id, stay_id, name, relation, phone, in_goal_setting, in_evaluation)
           VALUES (1, 1, 'Per Hansen', 'sønn', '+47 900 00 000', 1, 0);
         INSERT INTO fidelity_acknowledgements (stay_id, element, note, acknowledged_on)
           VALUES (1, 'gp', 'Fastlege på ferie', '2026-11-25');
         UPDATE goals SET score_start = 3, score_end = 8 WHERE id = (SELECT min(id) FROM goals);",
    )
    .unwrap();
    tx.commit().unwrap();
    p
}

fn counts(p: &Path) -> Vec<(String, i64)> {
    let c = Connection::open(p).unwrap();
    export::TABLES
        .iter()
        .map(|t| {
            let n: i64 = c
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap();
            (t.to_string(), n)
        })
        .collect()
}

fn export_of(p: &Path) -> String {
    export::export_json(&store::open_read_only(p).unwrap()).unwrap()
}

#[test]
fn every_table_of_the_schema_is_exported() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.db");
    let c = store::open_read_write(&p).unwrap();
    let mut tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.sort();
    let mut exported: Vec<String> = export::TABLES.iter().map(|s| s.to_string()).collect();
    exported.sort();
    assert_eq!(tables, exported);
}

#[test]
fn export_import_export_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let src = full_db(dir.path());
    let before = counts(&src);
    assert!(before.iter().all(|(_, n)| *n > 0), "{before:?}");
    let first = export_of(&src);
    let file = dir.path().join("export.json");
    std::fs::write(&file, &first).unwrap();

    let target = dir.path().join("sub/imported.db");
    let summary = export::import_file(&target, &file).unwrap();
    for (t, n) in &before {
        assert_eq!(summary.count(t) as i64, *n, "{t}");
    }
    assert_eq!(counts(&target), before);
    let second = export_of(&target);
    assert_eq!(first, second);

    // The imported board loads the same stays, whatever their status.
    let a = store::load_all(&store::open_read_only(&src).unwrap()).unwrap();
    let b = store::load_all(&store::open_read_only(&target).unwrap()).unwrap();
    assert_eq!(a, b);
    assert!(b.iter().any(|s| s.status == StayStatus::Cancelled));
    let m = store::load_meetings(&store::open_read_only(&target).unwrap()).unwrap();
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].discussed, vec![1, 3]);
    assert_eq!(m[1].ended_at, None);

    // The file is JSON with the format marker and schema version at the top.
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["format"], "tavle-export");
    assert_eq!(v["schema_version"], store::LATEST_VERSION);
}

#[test]
fn import_into_an_existing_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let src = full_db(dir.path());
    let file = dir.path().join("e.json");
    std::fs::write(&file, export_of(&src)).unwrap();
    let target = dir.path().join("empty.db");
    drop(store::open_read_write(&target).unwrap());
    export::import_file(&target, &file).unwrap();
    assert_eq!(counts(&target), counts(&src));
}

fn db_bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

/// Apply `edit` to the parsed export of a full database and return the edited text.
fn edited(src: &str, edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(src).unwrap();
    edit(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

fn table<'a>(v: &'a mut serde_json::Value, name: &str) -> &'a mut serde_json::Value {
    v["tables"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["name"] == name)
        .unwrap()
}

fn col(v: &serde_json::Value, name: &str) -> usize {
    v["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c == name)
        .unwrap()
}

#[test]
fn refused_imports_change_nothing_and_say_where() {
    let dir = tempfile::tempdir().unwrap();
    let good = export_of(&full_db(dir.path()));
    let n_stays = counts(&dir.path().join("full.db"))[0].1 as usize;
    let cases: Vec<(&str, String, &[&str])> = vec![
        (
            "truncated",
            good[..good.len() / 2].to_string(),
            &["not valid JSON", "line"],
        ),
        (
            "not json",
            "Handleliste: melk\n".into(),
            &["not valid JSON"],
        ),
        (
            "other format",
            edited(&good, |v| v["format"] = "something-else".into()),
            &["not a tavle export"],
        ),
        (
            "wrong version",
            edited(&good, |v| v["schema_version"] = 99.into()),
            &["schema version 99", "version 4"],
        ),
        (
            "missing table",
            edited(&good, |v| {
                v["tables"]
                    .as_array_mut()
                    .unwrap()
                    .retain(|t| t["name"] != "follow_ups")
            }),
            &["incomplete", "follow_ups"],
        ),
        (
            "short row",
            edited(&good, |v| {
                table(v, "goals")["rows"][1].as_array_mut().unwrap().pop();
            }),
            &["table goals, row 2", "values, expected"],
        ),
        (
            "bad date",
            edited(&good, |v| {
                let t = table(v, "stays");
                let c = col(t, "admitted");
                t["rows"][2][c] = "31.02.2026".into();
            }),
            &[
                "table stays, row 3 (id 3), field admitted",
                "expected a date",
            ],
        ),
        (
            "text for a number",
            edited(&good, |v| {
                let t = table(v, "audit_log");
                let c = col(t, "at");
                t["rows"][0][c] = "yesterday".into();
            }),
            &["table audit_log, row 1 (id 1), field at", "whole number"],
        ),
        (
            "null name",
            edited(&good, |v| {
                let t = table(v, "stays");
                let c = col(t, "name");
                t["rows"][0][c] = serde_json::Value::Null;
            }),
            &["field name", "must not be null"],
        ),
        (
            // Passes the file checks; the database refuses it inside the transaction after
            // every stay has been inserted, so this proves the rollback.
            "orphan goal",
            edited(&good, |v| {
                let t = table(v, "goals");
                let c = col(t, "stay_id");
                let last = t["rows"].as_array().unwrap().len() - 1;
                t["rows"][last][c] = 999.into();
            }),
            &["table goals, row", "FOREIGN KEY"],
        ),
        (
            "unknown status, last table",
            edited(&good, |v| {
                let t = table(v, "meeting_stays");
                let row = t["rows"][0].clone();
                t["rows"].as_array_mut().unwrap().push(row);
            }),
            &["table meeting_stays, row 4", "UNIQUE"],
        ),
        (
            "check constraint",
            edited(&good, |v| {
                let t = table(v, "stays");
                let c = col(t, "status");
                t["rows"][n_stays - 1][c] = "archived".into();
            }),
            &["table stays", "CHECK"],
        ),
    ];
    let target = dir.path().join("target.db");
    drop(store::open_read_write(&target).unwrap());
    let before = db_bytes(&target);
    let fresh = dir.path().join("never.db");
    for (name, text, expect) in cases {
        let file = dir.path().join("bad.json");
        std::fs::write(&file, &text).unwrap();
        let err = export::import_file(&target, &file).unwrap_err().to_string();
        for e in expect {
            assert!(err.contains(e), "{name}: {err:?} should mention {e:?}");
        }
        assert!(err.contains("nothing was imported"), "{name}: {err}");
        assert_eq!(db_bytes(&target), before, "{name} changed the database");
        assert!(counts(&target).iter().all(|(_, n)| *n == 0), "{name}");
        // Into a database that does not exist yet: no file is left behind.
        assert!(export::import_file(&fresh, &file).is_err());
        assert!(!fresh.exists(), "{name} left a database behind");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with(".tavle-"))
            .collect();
        assert!(leftovers.is_empty(), "{name}: {leftovers:?}");
    }
}

#[test]
fn import_refuses_a_database_with_data() {
    let dir = tempfile::tempdir().unwrap();
    let src = full_db(dir.path());
    let file = dir.path().join("e.json");
    std::fs::write(&file, export_of(&src)).unwrap();
    let before = counts(&src);
    let err = export::import_file(&src, &file).unwrap_err().to_string();
    assert!(err.contains("already holds data"), "{err}");
    // 16 people plus the one the capacity forecast needs to show a day over capacity.
    assert!(err.contains("stays: 17"), "{err}");
    assert_eq!(counts(&src), before);
}

fn goal(text: &str, status: GoalStatus) -> Goal {
    Goal {
        id: 0,
        position: 0,
        text: text.into(),
        status,
        set_on: date(2026, 11, 2),
        closed_on: None,
        score_start: None,
        score_end: None,
    }
}

#[test]
fn csv_has_every_stay_quoted_and_guarded_against_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.db");
    let mut c = store::open_read_write(&p).unwrap();
    let tx = c.transaction().unwrap();
    let mut a = Stay::new(
        0,
        "=HYPERLINK(\"http://x\")",
        date(2026, 11, 1),
        date(2026, 12, 6),
    );
    a.initials = "@A".into();
    a.target_group = "from_hospital".into();
    a.risks = vec!["fall".into(), "nutrition".into()];
    a.goals = vec![
        goal("Gå til butikken", GoalStatus::Achieved),
        goal("Dusje selv", GoalStatus::Open),
        goal("Sykle", GoalStatus::Dropped),
    ];
    a.follow_ups = vec![
        FollowUp {
            id: 0,
            text: "Ring datter".into(),
            discipline: "nurse".into(),
            due: None,
            done_on: None,
            created_on: date(2026, 11, 2),
        },
        FollowUp {
            id: 0,
            text: "Gangtrening".into(),
            discipline: "physio".into(),
            due: None,
            done_on: Some(date(2026, 11, 3)),
            created_on: date(2026, 11, 2),
        },
    ];
    a.assessment_done = Some(date(2026, 11, 3));
    a.med_status = MedStatus::Done;
    a.med_done = Some(date(2026, 11, 10));
    store::demo::insert_stay(&tx, &a, NOW).unwrap();
    let mut b = Stay::new(
        0,
        "Berg, Kari \"Kia\"",
        date(2026, 10, 1),
        date(2026, 11, 5),
    );
    b.status = StayStatus::Discharged;
    b.discharged_on = Some(date(2026, 11, 5));
    b.discharge_outcome = Some("home_ordinary".into());
    b.primary_contact = "-Anne".into();
    b.initials = "BK".into();
    store::demo::insert_stay(&tx, &b, NOW).unwrap();
    let mut cancelled = Stay::new(0, "Per Lie", date(2026, 11, 20), date(2026, 12, 25));
    cancelled.status = StayStatus::Cancelled;
    store::demo::insert_stay(&tx, &cancelled, NOW).unwrap();
    tx.commit().unwrap();

    let text = export::stays_csv(&store::load_all(&store::open_read_only(&p).unwrap()).unwrap());
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines.len(), 5, "{text}"); // header, 3 stays, final empty
    assert_eq!(lines[4], "");
    assert!(
        lines[0].starts_with("id,name,initials,target_group,admitted,planned_discharge,status,")
    );
    // Admission order: Kari (Oct), then the formula stay (Nov 1), then Per (Nov 20).
    assert_eq!(
        lines[1],
        "2,\"Berg, Kari \"\"Kia\"\"\",BK,,2026-10-01,2026-11-05,discharged,2026-11-05,home_ordinary,'-Anne,0,0,,,,not_started,,,0"
    );
    assert_eq!(
        lines[2],
        "1,\"'=HYPERLINK(\"\"http://x\"\")\",'@A,from_hospital,2026-11-01,2026-12-06,active,,,,1,2,2026-11-03,,,done,2026-11-10,fall; nutrition,1"
    );
    assert!(lines[3].starts_with("3,Per Lie,PL,,2026-11-20,2026-12-25,cancelled,"));
    // No cell anywhere starts with a formula character.
    for l in &lines[1..4] {
        for cell in l.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell} in {l}");
        }
    }
}

#[test]
fn backup_refuses_to_overwrite_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let src = full_db(dir.path());
    let dest = dir.path().join("copy.db");
    std::fs::write(&dest, "keep me").unwrap();
    let err = backup::backup(&src, &dest, false).unwrap_err();
    assert!(err.to_string().contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "keep me");
    let info = backup::backup(&src, &dest, true).unwrap();
    assert_eq!(info.stays, 17);
    assert_eq!(counts(&dest), counts(&src));
    assert_eq!(export_of(&dest), export_of(&src));
}

#[test]
fn backup_while_another_thread_commits_is_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("live.db");
    {
        let mut c = store::open_read_write(&src).unwrap();
        store::demo::fill_synthetic(&mut c, 300, 3000, today(), NOW).unwrap();
    }
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let committed = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(0));
    let writer = {
        let (src, stop, committed) = (src.clone(), stop.clone(), committed.clone());
        std::thread::spawn(move || {
            let mut c = store::open_read_write(&src).unwrap();
            let mut i = 0i64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                i += 1;
                // Each commit adds one stay and one audit entry naming it: a consistent
                // copy always has exactly as many of each.
                let tx = c.transaction().unwrap();
                let s = Stay::new(0, &format!("Ny Person {i}"), today(), date(2026, 12, 30));
                let id = store::demo::insert_stay(&tx, &s, NOW + i).unwrap();
                tx.execute(
                    "INSERT INTO audit_log (at, user, stay_id, field, action) VALUES (?1, 'w', ?2, 'stay', 'create')",
                    params![NOW + i, id],
                )
                .unwrap();
                tx.commit().unwrap();
                committed.store(i, std::sync::atomic::Ordering::SeqCst);
            }
            i
        })
    };
    while committed.load(std::sync::atomic::Ordering::SeqCst) < 20 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let mut results = Vec::new();
    for k in 0..3 {
        let before = committed.load(std::sync::atomic::Ordering::SeqCst);
        let dest = dir.path().join(format!("backup{k}.db"));
        backup::backup(&src, &dest, false).unwrap();
        results.push((dest, before));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let total = writer.join().unwrap();
    for (dest, before) in results {
        let c = store::open_read_only(&dest).unwrap();
        let ok: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        let mode: String = c
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete", "a self-contained file");
        let (stays, audits, orphans): (i64, i64, i64) = c
            .query_row(
                "SELECT (SELECT count(*) FROM stays WHERE name LIKE 'Ny Person %'),
                        (SELECT count(*) FROM audit_log WHERE action = 'create'),
                        (SELECT count(*) FROM audit_log a WHERE action = 'create'
                           AND NOT EXISTS (SELECT 1 FROM stays s WHERE s.id = a.stay_id))",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(stays, audits);
        assert_eq!(orphans, 0);
        assert!(
            stays >= before && stays <= total,
            "{before} ≤ {stays} ≤ {total}"
        );
        // Every stay in the copy has its one-to-one rows.
        let missing: i64 = c
            .query_row(
                "SELECT count(*) FROM stays s WHERE NOT EXISTS
                   (SELECT 1 FROM medication_reconciliations m WHERE m.stay_id = s.id)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(missing, 0);
        assert_eq!(store::load_all(&c).unwrap().len() as i64, 3300 + stays);
    }
}

fn tavle(db: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tavle"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn command_line_round_trip_and_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let src = full_db(dir.path());
    let json = dir.path().join("out.json");
    let out = tavle(&src, &["export", "--out", json.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // stdout and --out give the same bytes.
    let stdout = tavle(&src, &["export", "--format", "json"]);
    assert_eq!(stdout.stdout, std::fs::read(&json).unwrap());

    let target = dir.path().join("new.db");
    let out = tavle(&target, &["import", json.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("imported 17 stays"));
    assert_eq!(tavle(&target, &["export"]).stdout, stdout.stdout);

    // Importing again is refused with one line on stderr and a failure code.
    let out = tavle(&target, &["import", json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("tavle: the database already holds data"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");

    let csv = tavle(&src, &["export", "--format", "csv"]);
    assert!(csv.status.success());
    assert_eq!(
        String::from_utf8_lossy(&csv.stdout).matches("\r\n").count(),
        // A header and one line per demo stay.
        18
    );

    let copy = dir.path().join("copy.db");
    assert!(
        tavle(&src, &["backup", copy.to_str().unwrap()])
            .status
            .success()
    );
    let again = tavle(&src, &["backup", copy.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert!(
        tavle(&src, &["backup", copy.to_str().unwrap(), "--force"])
            .status
            .success()
    );
    assert_eq!(tavle(&copy, &["export"]).stdout, stdout.stdout);
}
