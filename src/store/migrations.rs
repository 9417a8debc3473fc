//! Versioned schema migrations on `PRAGMA user_version`. Each step runs in one transaction.

use rusqlite::Connection;

/// Each entry upgrades the schema from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: the board.
    r#"
    CREATE TABLE stays (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        initials TEXT NOT NULL,
        target_group TEXT NOT NULL,
        admitted TEXT NOT NULL,
        planned_discharge TEXT NOT NULL,
        primary_contact TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','discharged','cancelled')),
        discharged_on TEXT,
        discharge_outcome TEXT,
        note TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    );
    CREATE INDEX stays_by_status ON stays (status, admitted);
    CREATE TABLE goals (
        id INTEGER PRIMARY KEY,
        stay_id INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','achieved','dropped')),
        set_on TEXT NOT NULL,
        closed_on TEXT
    );
    CREATE INDEX goals_by_stay ON goals (stay_id, position);
    CREATE TABLE assessments (
        stay_id INTEGER PRIMARY KEY REFERENCES stays (id) ON DELETE CASCADE,
        done_on TEXT
    );
    CREATE TABLE gp_appointments (
        stay_id INTEGER PRIMARY KEY REFERENCES stays (id) ON DELETE CASCADE,
        booked_for TEXT,
        done_on TEXT
    );
    CREATE TABLE medication_reconciliations (
        stay_id INTEGER PRIMARY KEY REFERENCES stays (id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','done')),
        done_on TEXT
    );
    CREATE TABLE risks (
        stay_id INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        risk TEXT NOT NULL,
        PRIMARY KEY (stay_id, risk)
    ) WITHOUT ROWID;
    CREATE TABLE follow_ups (
        id INTEGER PRIMARY KEY,
        stay_id INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        discipline TEXT NOT NULL,
        due_on TEXT,
        done_on TEXT,
        created_on TEXT NOT NULL
    );
    CREATE INDEX follow_ups_by_stay ON follow_ups (stay_id);
    CREATE TABLE delays (
        stay_id INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        deadline TEXT NOT NULL CHECK (deadline IN ('assessment','gp','medication','discharge')),
        reason TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        recorded_on TEXT NOT NULL,
        PRIMARY KEY (stay_id, deadline)
    ) WITHOUT ROWID;
    -- No foreign key: the history of a deleted stay stays readable.
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        user TEXT NOT NULL,
        stay_id INTEGER,
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT
    );
    CREATE INDEX audit_by_stay ON audit_log (stay_id, id);
    "#,
    // 2: editing (audit entries grouped per change, with the kind of change) and the stand-up
    // meeting log.
    r#"
    ALTER TABLE audit_log ADD COLUMN change_id INTEGER;
    ALTER TABLE audit_log ADD COLUMN action TEXT NOT NULL DEFAULT 'edit';
    CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        led_by TEXT NOT NULL
    );
    CREATE TABLE meeting_stays (
        meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        stay_id INTEGER NOT NULL,
        discussed_at INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, stay_id)
    ) WITHOUT ROWID;
    CREATE INDEX meeting_stays_by_stay ON meeting_stays (stay_id);
    "#,
    // 3: discharge as a systematic evaluation. Goals can be evaluated partly or not
    // achieved (the table is rebuilt for its CHECK; every row and id is kept), and every
    // item left open at discharge gets a recorded decision with a note.
    r#"
    CREATE TABLE goals_v3 (
        id INTEGER PRIMARY KEY,
        stay_id INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open','achieved','partly','not_achieved','dropped')),
        set_on TEXT NOT NULL,
        closed_on TEXT
    );
    INSERT INTO goals_v3 (id, stay_id, position, text, status, set_on, closed_on)
        SELECT id, stay_id, position, text, status, set_on, closed_on FROM goals;
    DROP TABLE goals;
    ALTER TABLE goals_v3 RENAME TO goals;
    CREATE INDEX goals_by_stay ON goals (stay_id, position);
    CREATE TABLE discharge_items (
        stay_id INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        item TEXT NOT NULL CHECK (item IN ('assessment','gp','medication')
            OR item GLOB 'follow_up.[0-9]*'),
        decision TEXT NOT NULL CHECK (decision IN ('home_care','gp','other','closed')),
        note TEXT NOT NULL CHECK (length(trim(note)) > 0),
        PRIMARY KEY (stay_id, item)
    ) WITHOUT ROWID;
    "#,
    // 4: how the ward meets and plans (issues 12 and 13). The weekly VIPS fagmøte with its
    // cases and measures; events per stay ("since last time"); who attended each meeting;
    // referrals; next of kin; the person's own goal scores; acknowledged fidelity gaps.
    // Nothing existing is rewritten: every new column is nullable or has a default.
    r#"
    CREATE TABLE case_meetings (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','cancelled')),
        started_at INTEGER,
        ended_at INTEGER,
        led_by TEXT NOT NULL DEFAULT '',
        supervisor TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX case_meetings_by_date ON case_meetings (date);
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES case_meetings (id) ON DELETE CASCADE,
        stay_id INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        put_up_by TEXT NOT NULL DEFAULT '',
        situation TEXT NOT NULL DEFAULT '',
        value_prompt TEXT NOT NULL DEFAULT '',
        individual_prompt TEXT NOT NULL DEFAULT '',
        perspective TEXT NOT NULL DEFAULT '',
        social_prompt TEXT NOT NULL DEFAULT '',
        evaluate_on TEXT,
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','discussed','withdrawn'))
    );
    CREATE INDEX cases_by_stay ON cases (stay_id);
    CREATE INDEX cases_by_meeting ON cases (meeting_id, position);
    CREATE TABLE measures (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        stay_id INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        who TEXT NOT NULL DEFAULT '',
        from_on TEXT,
        evaluate_on TEXT,
        evaluation TEXT CHECK (evaluation IN ('worked','partly','did_not_work')),
        evaluated_on TEXT,
        evaluation_note TEXT NOT NULL DEFAULT '',
        evaluated_in INTEGER REFERENCES case_meetings (id) ON DELETE SET NULL
    );
    CREATE INDEX measures_by_stay ON measures (stay_id);
    CREATE INDEX measures_by_case ON measures (case_id);
    -- Who attended a meeting; kind says which table meeting_id points into.
    CREATE TABLE attendance (
        kind TEXT NOT NULL CHECK (kind IN ('standup','case')),
        meeting_id INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        discipline TEXT NOT NULL,
        PRIMARY KEY (kind, meeting_id, name)
    ) WITHOUT ROWID;
    -- What happened to the person; kind is a key from the configured event list.
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        stay_id INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        occurred_on TEXT NOT NULL,
        occurred_time TEXT CHECK (occurred_time IS NULL OR occurred_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        kind TEXT NOT NULL CHECK (length(trim(kind)) > 0),
        note TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT '',
        recorded_at INTEGER NOT NULL
    );
    CREATE INDEX events_by_stay ON events (stay_id, occurred_on);
    CREATE TABLE referrals (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        source TEXT NOT NULL CHECK (source IN ('hospital','gp','allocation_office','home_care','other')),
        received_on TEXT NOT NULL,
        target_group TEXT NOT NULL DEFAULT '',
        decision TEXT NOT NULL DEFAULT 'waiting' CHECK (decision IN ('waiting','accepted','declined')),
        decided_on TEXT,
        decline_reason TEXT NOT NULL DEFAULT '',
        planned_admission TEXT,
        stay_id INTEGER REFERENCES stays (id) ON DELETE SET NULL,
        note TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK (decision <> 'declined' OR length(trim(decline_reason)) > 0)
    );
    CREATE INDEX referrals_by_decision ON referrals (decision, received_on);
    CREATE TABLE next_of_kin (
        id INTEGER PRIMARY KEY,
        stay_id INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        relation TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        in_goal_setting INTEGER NOT NULL DEFAULT 0 CHECK (in_goal_setting IN (0,1)),
        in_evaluation INTEGER NOT NULL DEFAULT 0 CHECK (in_evaluation IN (0,1))
    );
    CREATE INDEX next_of_kin_by_stay ON next_of_kin (stay_id);
    -- An unmet core element of the model, acknowledged (with a note) at discharge.
    CREATE TABLE fidelity_acknowledgements (
        stay_id INTEGER NOT NULL REFERENCES stays (id) ON DELETE CASCADE,
        element TEXT NOT NULL,
        note TEXT NOT NULL CHECK (length(trim(note)) > 0),
        acknowledged_on TEXT NOT NULL,
        PRIMARY KEY (stay_id, element)
    ) WITHOUT ROWID;
    -- The person's own score (0-10, patient-specific functional scale) of how well they
    -- manage the goal: at the home visit and at discharge.
    ALTER TABLE goals ADD COLUMN score_start INTEGER CHECK (score_start BETWEEN 0 AND 10);
    ALTER TABLE goals ADD COLUMN score_end INTEGER CHECK (score_end BETWEEN 0 AND 10);
    "#,
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Bring the schema from `from` up to [`LATEST_VERSION`], one transaction per step.
pub fn migrate(conn: &mut Connection, from: i64, application_id: i64) -> rusqlite::Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "application_id", application_id)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_3_keeps_every_goal_and_allows_the_evaluations() {
        let mut c = Connection::open_in_memory().unwrap();
        c.execute_batch("PRAGMA foreign_keys = ON").unwrap();
        for sql in &MIGRATIONS[..2] {
            c.execute_batch(sql).unwrap();
        }
        c.execute_batch(
            "INSERT INTO stays (id, name, initials, target_group, admitted, planned_discharge,
                 created_at, updated_at)
               VALUES (1, 'Kari', 'K', 'new_user', '2026-11-01', '2026-12-06', 0, 0);
             INSERT INTO goals (id, stay_id, position, text, status, set_on, closed_on)
               VALUES (7, 1, 1, 'Gå', 'achieved', '2026-11-02', '2026-11-20'),
                      (9, 1, 2, 'Sove', 'dropped', '2026-11-02', NULL),
                      (12, 1, 3, 'Dusje', 'open', '2026-11-03', NULL);",
        )
        .unwrap();
        migrate(&mut c, 2, 1).unwrap();
        let rows: Vec<(i64, String, String)> = c
            .prepare("SELECT id, text, status FROM goals ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            rows,
            [
                (7, "Gå".into(), "achieved".into()),
                (9, "Sove".into(), "dropped".into()),
                (12, "Dusje".into(), "open".into())
            ]
        );
        c.execute("UPDATE goals SET status = 'partly' WHERE id = 12", [])
            .unwrap();
        c.execute("UPDATE goals SET status = 'not_achieved' WHERE id = 9", [])
            .unwrap();
        assert!(
            c.execute("UPDATE goals SET status = 'maybe' WHERE id = 7", [])
                .is_err()
        );
        // A decision needs a note; a "done" is never stored as a decision.
        assert!(
            c.execute(
                "INSERT INTO discharge_items VALUES (1, 'gp', 'home_care', ' ')",
                []
            )
            .is_err()
        );
        assert!(
            c.execute(
                "INSERT INTO discharge_items VALUES (1, 'gp', 'done', 'x')",
                []
            )
            .is_err()
        );
        c.execute(
            "INSERT INTO discharge_items VALUES (1, 'follow_up.4', 'gp', 'Time')",
            [],
        )
        .unwrap();
        // Deleting the stay takes its goals and decisions with it.
        c.execute("DELETE FROM stays WHERE id = 1", []).unwrap();
        let left: i64 = c
            .query_row(
                "SELECT (SELECT count(*) FROM goals) + (SELECT count(*) FROM discharge_items)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
    }

    #[test]
    fn version_4_keeps_every_row_and_adds_the_meeting_and_intake_tables() {
        let mut c = Connection::open_in_memory().unwrap();
        c.execute_batch("PRAGMA foreign_keys = ON").unwrap();
        migrate(&mut c, 0, 1).unwrap();
        // Roll the version back to 3 to run step 4 on data written at version 3.
        let mut c3 = Connection::open_in_memory().unwrap();
        c3.execute_batch("PRAGMA foreign_keys = ON").unwrap();
        for sql in &MIGRATIONS[..3] {
            c3.execute_batch(sql).unwrap();
        }
        c3.execute_batch(
            "INSERT INTO stays (id, name, initials, target_group, admitted, planned_discharge,
                 created_at, updated_at)
               VALUES (4, 'Kari', 'K', 'new_user', '2026-11-01', '2026-12-05', 0, 0);
             INSERT INTO goals (id, stay_id, position, text, status, set_on)
               VALUES (3, 4, 1, 'Gå til butikken', 'partly', '2026-11-02');",
        )
        .unwrap();
        migrate(&mut c3, 3, 1).unwrap();
        let (text, status, s0): (String, String, Option<i64>) = c3
            .query_row(
                "SELECT text, status, score_start FROM goals WHERE id = 3",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            (text.as_str(), status.as_str(), s0),
            ("Gå til butikken", "partly", None)
        );
        assert!(
            c3.execute("UPDATE goals SET score_start = 11 WHERE id = 3", [])
                .is_err()
        );
        c3.execute(
            "UPDATE goals SET score_start = 3, score_end = 7 WHERE id = 3",
            [],
        )
        .unwrap();
        // A declined referral needs its reason; an event time is HH:MM.
        assert!(
            c3.execute(
                "INSERT INTO referrals (name, source, received_on, decision, created_at, updated_at)
                 VALUES ('Ola', 'gp', '2026-11-20', 'declined', 0, 0)",
                []
            )
            .is_err()
        );
        assert!(
            c3.execute(
                "INSERT INTO events (stay_id, occurred_on, occurred_time, kind, recorded_at)
                 VALUES (4, '2026-11-24', '25:99', 'fall', 0)",
                []
            )
            .is_err()
        );
        c3.execute_batch(
            "INSERT INTO events (stay_id, occurred_on, occurred_time, kind, recorded_at)
               VALUES (4, '2026-11-24', '14:30', 'fall', 0);
             INSERT INTO case_meetings (id, date) VALUES (1, '2026-11-26');
             INSERT INTO cases (id, meeting_id, stay_id, title) VALUES (1, 1, 4, 'Uro om kvelden');
             INSERT INTO measures (case_id, stay_id, text) VALUES (1, 4, 'Kveldsbesøk kl 19');
             INSERT INTO next_of_kin (stay_id, name) VALUES (4, 'Per');",
        )
        .unwrap();
        // Deleting the stay takes all of its new rows with it.
        c3.execute("DELETE FROM stays WHERE id = 4", []).unwrap();
        let left: i64 = c3
            .query_row(
                "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM cases)
                      + (SELECT count(*) FROM measures) + (SELECT count(*) FROM next_of_kin)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
        let v: i64 = c
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, LATEST_VERSION);
    }
}
