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
}
