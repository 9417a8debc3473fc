//! The fagmøte in the store (tables `case_meetings`, `cases`, `measures`, `attendance`,
//! schema v4): loading the whole plan, and each change as one audited transaction.

use super::attendance::{self, MeetingKind};
use super::error::StoreError;
use super::load::{date_at, opt_date_at};
use crate::domain::StayId;
use crate::domain::fagmote::{
    Case, CaseMeeting, CaseStatus, Evaluation, Measure, MeetingStatus, Plan,
};
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, TransactionBehavior, params};

/// One change to the fagmøte plan or a meeting, as the app asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseOp {
    /// Plan meetings on these dates (a generated series, or one added by hand).
    AddMeetings { dates: Vec<Date> },
    /// Move a planned meeting to another date.
    MoveMeeting { id: i64, date: Date },
    /// Cancel a planned meeting, or plan a cancelled one again.
    SetMeetingStatus { id: i64, status: MeetingStatus },
    /// Put a case on a meeting's agenda.
    AddCase {
        meeting_id: i64,
        stay_id: StayId,
        title: String,
        put_up_by: String,
    },
    /// Take a case off the agenda (kept, marked withdrawn).
    WithdrawCase { id: i64 },
    /// The meeting is being held now: who leads it (ressursperson) and supervises (veileder).
    Hold {
        id: i64,
        led_by: String,
        supervisor: String,
    },
    /// Someone is at the meeting, with their discipline.
    Attend {
        meeting_id: i64,
        name: String,
        discipline: String,
    },
    /// Someone recorded as at the meeting was not.
    Leave { meeting_id: i64, name: String },
    /// (a) The situation of a case.
    Situation { case_id: i64, text: String },
    /// (b) The person's perspective, with the four VIPS prompts' answers.
    Perspective {
        case_id: i64,
        value: String,
        individual: String,
        perspective: String,
        social: String,
    },
    /// (c) A measure: who does what from when.
    AddMeasure {
        case_id: i64,
        text: String,
        who: String,
        from_on: Option<Date>,
    },
    /// (d) When the case's measures are evaluated (measures without a date of their own
    /// take it).
    EvaluateOn { case_id: i64, date: Date },
    /// A measure evaluated at a meeting.
    Evaluate {
        measure_id: i64,
        meeting_id: i64,
        evaluation: Evaluation,
        note: String,
        on: Date,
    },
    /// The meeting is over.
    End { id: i64 },
}

/// The whole plan: every meeting (with attendance), case and measure.
pub fn load_plan(conn: &Connection) -> Result<Plan, StoreError> {
    let mut att: std::collections::HashMap<i64, Vec<crate::domain::fagmote::Attendee>> =
        std::collections::HashMap::new();
    for a in attendance::load_attendance(conn, MeetingKind::Case)? {
        att.entry(a.meeting_id)
            .or_default()
            .push(crate::domain::fagmote::Attendee {
                name: a.name,
                discipline: a.discipline,
            });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, date, status, started_at, ended_at, led_by, supervisor, note
         FROM case_meetings ORDER BY date, id",
    )?;
    let meetings = stmt
        .query_map([], |r| {
            Ok(CaseMeeting {
                id: r.get(0)?,
                date: date_at(r, 1)?,
                status: parse(r, 2, MeetingStatus::parse)?,
                started_at: r.get(3)?,
                ended_at: r.get(4)?,
                led_by: r.get(5)?,
                supervisor: r.get(6)?,
                note: r.get(7)?,
                attendance: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|mut m| {
            m.attendance = att.remove(&m.id).unwrap_or_default();
            m
        })
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.meeting_id, c.stay_id, c.position, c.title, c.put_up_by, c.situation,
                c.value_prompt, c.individual_prompt, c.perspective, c.social_prompt,
                c.evaluate_on, c.status
         FROM cases c JOIN case_meetings m ON m.id = c.meeting_id
         ORDER BY m.date, c.meeting_id, c.position, c.id",
    )?;
    let cases = stmt
        .query_map([], |r| {
            Ok(Case {
                id: r.get(0)?,
                meeting_id: r.get(1)?,
                stay_id: r.get(2)?,
                position: r.get(3)?,
                title: r.get(4)?,
                put_up_by: r.get(5)?,
                situation: r.get(6)?,
                value_prompt: r.get(7)?,
                individual_prompt: r.get(8)?,
                perspective: r.get(9)?,
                social_prompt: r.get(10)?,
                evaluate_on: opt_date_at(r, 11)?,
                status: parse(r, 12, CaseStatus::parse)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, case_id, stay_id, text, who, from_on, evaluate_on, evaluation, evaluated_on,
                evaluation_note, evaluated_in
         FROM measures ORDER BY case_id, id",
    )?;
    let measures = stmt
        .query_map([], |r| {
            let ev: Option<String> = r.get(7)?;
            Ok(Measure {
                id: r.get(0)?,
                case_id: r.get(1)?,
                stay_id: r.get(2)?,
                text: r.get(3)?,
                who: r.get(4)?,
                from_on: opt_date_at(r, 5)?,
                evaluate_on: opt_date_at(r, 6)?,
                evaluation: match ev {
                    None => None,
                    Some(s) => Some(Evaluation::parse(&s).ok_or_else(|| bad(7, &s))?),
                },
                evaluated_on: opt_date_at(r, 8)?,
                evaluation_note: r.get(9)?,
                evaluated_in: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Plan {
        meetings,
        cases,
        measures,
    })
}

fn bad(col: usize, s: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unknown value {s:?}").into(),
    )
}

fn parse<T>(r: &Row<'_>, col: usize, f: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let s: String = r.get(col)?;
    f(&s).ok_or_else(|| bad(col, &s))
}

/// Why a fagmøte change was refused before anything was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseError {
    /// The meeting, case or measure is gone (deleted by someone else).
    #[error("gone")]
    Gone,
    /// A meeting already on that date.
    #[error("taken")]
    DateTaken,
    /// Only a planned meeting can be moved or get cases; a held one only at the meeting.
    #[error("not planned")]
    NotPlanned,
    #[error("{0}")]
    Store(String),
}

impl From<StoreError> for CaseError {
    fn from(e: StoreError) -> Self {
        CaseError::Store(e.to_string())
    }
}

impl From<rusqlite::Error> for CaseError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::from(e).into()
    }
}

/// The audit trail of one change: every row shares the change's id and the action
/// `fagmote`; rows about one person carry their stay id, so the detail pane shows them.
struct Audit<'a> {
    user: &'a str,
    now: i64,
    change_id: Option<i64>,
}

impl Audit<'_> {
    fn row(
        &mut self,
        tx: &Transaction<'_>,
        stay: Option<StayId>,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Result<(), CaseError> {
        tx.prepare_cached(
            "INSERT INTO audit_log (at, user, stay_id, field, old_value, new_value, change_id, action)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'fagmote')",
        )?
        .execute(params![
            self.now,
            self.user,
            stay,
            field,
            old,
            new,
            self.change_id
        ])?;
        if self.change_id.is_none() {
            let id = tx.last_insert_rowid();
            tx.execute("UPDATE audit_log SET change_id = ?1 WHERE id = ?1", [id])?;
            self.change_id = Some(id);
        }
        Ok(())
    }
}

fn meeting_row(tx: &Transaction<'_>, id: i64) -> Result<(Date, MeetingStatus), CaseError> {
    let row: Option<(String, String)> = tx
        .query_row(
            "SELECT date, status FROM case_meetings WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (d, s) = row.ok_or(CaseError::Gone)?;
    Ok((
        d.parse()
            .map_err(|_| CaseError::Store(format!("bad date {d:?}")))?,
        MeetingStatus::parse(&s).ok_or(CaseError::Store(format!("bad status {s:?}")))?,
    ))
}

fn case_stay(tx: &Transaction<'_>, id: i64) -> Result<StayId, CaseError> {
    tx.query_row("SELECT stay_id FROM cases WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(CaseError::Gone)
}

fn date_taken(tx: &Transaction<'_>, date: Date, except: i64) -> Result<bool, CaseError> {
    Ok(tx
        .query_row(
            "SELECT 1 FROM case_meetings WHERE date = ?1 AND id <> ?2 AND status <> 'cancelled'",
            params![date.to_string(), except],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Apply `op` as `user` at `now` (Unix seconds): everything (the change and its audit rows)
/// or nothing. Returns the id of a row it created (a case, a measure, the first meeting).
pub fn apply(
    conn: &mut Connection,
    op: &CaseOp,
    user: &str,
    now: i64,
) -> Result<Option<i64>, CaseError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut audit = Audit {
        user,
        now,
        change_id: None,
    };
    let mut created = None;
    match op {
        CaseOp::AddMeetings { dates } => {
            for d in dates {
                if date_taken(&tx, *d, 0)? {
                    if dates.len() == 1 {
                        return Err(CaseError::DateTaken);
                    }
                    continue;
                }
                tx.execute(
                    "INSERT INTO case_meetings (date, status) VALUES (?1, 'planned')",
                    [d.to_string()],
                )?;
                let id = tx.last_insert_rowid();
                created.get_or_insert(id);
                let field = format!("case_meeting.{id}.date");
                audit.row(&tx, None, &field, None, Some(&d.to_string()))?;
            }
        }
        CaseOp::MoveMeeting { id, date } => {
            let (old, status) = meeting_row(&tx, *id)?;
            if status != MeetingStatus::Planned {
                return Err(CaseError::NotPlanned);
            }
            if date_taken(&tx, *date, *id)? {
                return Err(CaseError::DateTaken);
            }
            tx.execute(
                "UPDATE case_meetings SET date = ?2 WHERE id = ?1",
                params![id, date.to_string()],
            )?;
            let field = format!("case_meeting.{id}.date");
            audit.row(
                &tx,
                None,
                &field,
                Some(&old.to_string()),
                Some(&date.to_string()),
            )?;
        }
        CaseOp::SetMeetingStatus { id, status } => {
            let (date, old) = meeting_row(&tx, *id)?;
            if old == MeetingStatus::Held || *status == MeetingStatus::Held {
                return Err(CaseError::NotPlanned);
            }
            if *status == MeetingStatus::Planned && date_taken(&tx, date, *id)? {
                return Err(CaseError::DateTaken);
            }
            tx.execute(
                "UPDATE case_meetings SET status = ?2 WHERE id = ?1",
                params![id, status.as_str()],
            )?;
            let field = format!("case_meeting.{id}.status");
            audit.row(&tx, None, &field, Some(old.as_str()), Some(status.as_str()))?;
        }
        CaseOp::AddCase {
            meeting_id,
            stay_id,
            title,
            put_up_by,
        } => {
            let (_, status) = meeting_row(&tx, *meeting_id)?;
            if status == MeetingStatus::Cancelled {
                return Err(CaseError::NotPlanned);
            }
            let position: i64 = tx.query_row(
                "SELECT coalesce(max(position), -1) + 1 FROM cases WHERE meeting_id = ?1",
                [meeting_id],
                |r| r.get(0),
            )?;
            let exists = tx
                .query_row("SELECT 1 FROM stays WHERE id = ?1", [stay_id], |_| Ok(()))
                .optional()?
                .is_some();
            if !exists {
                return Err(CaseError::Gone);
            }
            tx.execute(
                "INSERT INTO cases (meeting_id, stay_id, position, title, put_up_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![meeting_id, stay_id, position, title, put_up_by],
            )?;
            let id = tx.last_insert_rowid();
            created = Some(id);
            let field = format!("case.{id}.title");
            audit.row(&tx, Some(*stay_id), &field, None, Some(title))?;
        }
        CaseOp::WithdrawCase { id } => {
            let stay = case_stay(&tx, *id)?;
            tx.execute("UPDATE cases SET status = 'withdrawn' WHERE id = ?1", [id])?;
            let field = format!("case.{id}.status");
            audit.row(&tx, Some(stay), &field, None, Some("withdrawn"))?;
        }
        CaseOp::Hold {
            id,
            led_by,
            supervisor,
        } => {
            let (_, status) = meeting_row(&tx, *id)?;
            if status == MeetingStatus::Cancelled {
                return Err(CaseError::NotPlanned);
            }
            tx.execute(
                "UPDATE case_meetings SET status = 'held', led_by = ?2, supervisor = ?3,
                    started_at = coalesce(started_at, ?4)
                 WHERE id = ?1",
                params![id, led_by, supervisor, now],
            )?;
            audit.row(
                &tx,
                None,
                &format!("case_meeting.{id}.status"),
                Some(status.as_str()),
                Some("held"),
            )?;
            audit.row(
                &tx,
                None,
                &format!("case_meeting.{id}.led_by"),
                None,
                Some(led_by),
            )?;
            audit.row(
                &tx,
                None,
                &format!("case_meeting.{id}.supervisor"),
                None,
                Some(supervisor),
            )?;
        }
        CaseOp::Attend {
            meeting_id,
            name,
            discipline,
        } => {
            meeting_row(&tx, *meeting_id)?;
            let before = attendance::load_present(&tx, MeetingKind::Case, *meeting_id)?
                .into_iter()
                .find(|a| a.name == *name)
                .map(|a| a.discipline);
            attendance::set_present(&tx, MeetingKind::Case, *meeting_id, name, discipline, true)?;
            let field = format!("attendance.case.{meeting_id}.{name}");
            audit.row(&tx, None, &field, before.as_deref(), Some(discipline))?;
        }
        CaseOp::Leave { meeting_id, name } => {
            let was = attendance::load_present(&tx, MeetingKind::Case, *meeting_id)?
                .into_iter()
                .any(|a| a.name == *name);
            attendance::set_present(&tx, MeetingKind::Case, *meeting_id, name, "", false)?;
            if was {
                let field = format!("attendance.case.{meeting_id}.{name}");
                audit.row(&tx, None, &field, Some("present"), None)?;
            }
        }
        CaseOp::Situation { case_id, text } => {
            let stay = case_stay(&tx, *case_id)?;
            let old: String = tx.query_row(
                "SELECT situation FROM cases WHERE id = ?1",
                [case_id],
                |r| r.get(0),
            )?;
            tx.execute(
                "UPDATE cases SET situation = ?2, status = 'discussed' WHERE id = ?1",
                params![case_id, text],
            )?;
            let field = format!("case.{case_id}.situation");
            audit.row(&tx, Some(stay), &field, Some(&old), Some(text))?;
        }
        CaseOp::Perspective {
            case_id,
            value,
            individual,
            perspective,
            social,
        } => {
            let stay = case_stay(&tx, *case_id)?;
            let old: (String, String, String, String) = tx.query_row(
                "SELECT value_prompt, individual_prompt, perspective, social_prompt
                 FROM cases WHERE id = ?1",
                [case_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
            tx.execute(
                "UPDATE cases SET value_prompt = ?2, individual_prompt = ?3, perspective = ?4,
                    social_prompt = ?5, status = 'discussed' WHERE id = ?1",
                params![case_id, value, individual, perspective, social],
            )?;
            for (name, o, n) in [
                ("value_prompt", &old.0, value),
                ("individual_prompt", &old.1, individual),
                ("perspective", &old.2, perspective),
                ("social_prompt", &old.3, social),
            ] {
                if o != n {
                    let field = format!("case.{case_id}.{name}");
                    audit.row(&tx, Some(stay), &field, Some(o), Some(n))?;
                }
            }
        }
        CaseOp::AddMeasure {
            case_id,
            text,
            who,
            from_on,
        } => {
            let stay = case_stay(&tx, *case_id)?;
            let evaluate_on: Option<String> = tx.query_row(
                "SELECT evaluate_on FROM cases WHERE id = ?1",
                [case_id],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO measures (case_id, stay_id, text, who, from_on, evaluate_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    case_id,
                    stay,
                    text,
                    who,
                    from_on.map(|d| d.to_string()),
                    evaluate_on
                ],
            )?;
            tx.execute(
                "UPDATE cases SET status = 'discussed' WHERE id = ?1",
                [case_id],
            )?;
            let id = tx.last_insert_rowid();
            created = Some(id);
            let field = format!("measure.{id}.text");
            audit.row(&tx, Some(stay), &field, None, Some(text))?;
        }
        CaseOp::EvaluateOn { case_id, date } => {
            let stay = case_stay(&tx, *case_id)?;
            let old: Option<String> = tx.query_row(
                "SELECT evaluate_on FROM cases WHERE id = ?1",
                [case_id],
                |r| r.get(0),
            )?;
            let d = date.to_string();
            tx.execute(
                "UPDATE cases SET evaluate_on = ?2, status = 'discussed' WHERE id = ?1",
                params![case_id, d],
            )?;
            // Measures not yet evaluated follow the case's date (they were agreed together).
            tx.execute(
                "UPDATE measures SET evaluate_on = ?2 WHERE case_id = ?1 AND evaluation IS NULL",
                params![case_id, d],
            )?;
            let field = format!("case.{case_id}.evaluate_on");
            audit.row(&tx, Some(stay), &field, old.as_deref(), Some(&d))?;
        }
        CaseOp::Evaluate {
            measure_id,
            meeting_id,
            evaluation,
            note,
            on,
        } => {
            let row: Option<(StayId, Option<String>)> = tx
                .query_row(
                    "SELECT stay_id, evaluation FROM measures WHERE id = ?1",
                    [measure_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (stay, old) = row.ok_or(CaseError::Gone)?;
            meeting_row(&tx, *meeting_id)?;
            tx.execute(
                "UPDATE measures SET evaluation = ?2, evaluation_note = ?3, evaluated_on = ?4,
                    evaluated_in = ?5 WHERE id = ?1",
                params![
                    measure_id,
                    evaluation.as_str(),
                    note,
                    on.to_string(),
                    meeting_id
                ],
            )?;
            let field = format!("measure.{measure_id}.evaluation");
            audit.row(
                &tx,
                Some(stay),
                &field,
                old.as_deref(),
                Some(evaluation.as_str()),
            )?;
            if !note.is_empty() {
                let field = format!("measure.{measure_id}.evaluation_note");
                audit.row(&tx, Some(stay), &field, None, Some(note))?;
            }
        }
        CaseOp::End { id } => {
            meeting_row(&tx, *id)?;
            tx.execute(
                "UPDATE case_meetings SET ended_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            let field = format!("case_meeting.{id}.ended_at");
            audit.row(&tx, None, &field, None, Some(&now.to_string()))?;
        }
    }
    tx.commit()?;
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn db() -> Connection {
        let dir = std::env::temp_dir().join(format!(
            "tavle-fagmote-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let conn = crate::store::open_read_write(&dir.join("t.db")).unwrap();
        conn.execute(
            "INSERT INTO stays (id, name, initials, target_group, admitted, planned_discharge,
                created_at, updated_at)
             VALUES (1, 'Kari Nordmann', 'KN', 'new_user', '2026-11-02', '2026-12-06', 0, 0)",
            [],
        )
        .unwrap();
        conn
    }

    fn audit_rows(conn: &Connection) -> Vec<(Option<i64>, String, Option<String>)> {
        let mut st = conn
            .prepare("SELECT stay_id, field, new_value FROM audit_log ORDER BY id")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn a_meeting_is_planned_held_and_its_measure_evaluated_with_an_audit_trail() {
        let mut conn = db();
        let d = date(2026, 11, 26);
        let first = apply(
            &mut conn,
            &CaseOp::AddMeetings {
                dates: vec![d, date(2026, 12, 3)],
            },
            "anne",
            100,
        )
        .unwrap()
        .unwrap();
        // A date already planned is refused for one meeting, skipped in a series.
        assert_eq!(
            apply(&mut conn, &CaseOp::AddMeetings { dates: vec![d] }, "a", 1),
            Err(CaseError::DateTaken)
        );
        let op = CaseOp::AddCase {
            meeting_id: first,
            stay_id: 1,
            title: "Uro ved kveldsstell".into(),
            put_up_by: "Eva".into(),
        };
        let case = apply(&mut conn, &op, "anne", 101).unwrap().unwrap();
        let hold = CaseOp::Hold {
            id: first,
            led_by: "Dag".into(),
            supervisor: "Anne".into(),
        };
        apply(&mut conn, &hold, "anne", 102).unwrap();
        for (name, disc) in [("Dag", "health_worker"), ("Anne", "nurse")] {
            let op = CaseOp::Attend {
                meeting_id: first,
                name: name.into(),
                discipline: disc.into(),
            };
            apply(&mut conn, &op, "anne", 103).unwrap();
        }
        let op = CaseOp::Situation {
            case_id: case,
            text: "Tirsdag kveld kl. 21 på badet".into(),
        };
        apply(&mut conn, &op, "anne", 104).unwrap();
        let op = CaseOp::AddMeasure {
            case_id: case,
            text: "Kveldsstell før nyhetene".into(),
            who: "Kveldsvakt".into(),
            from_on: Some(d),
        };
        let measure = apply(&mut conn, &op, "anne", 105).unwrap().unwrap();
        let op = CaseOp::EvaluateOn {
            case_id: case,
            date: date(2026, 12, 10),
        };
        apply(&mut conn, &op, "anne", 106).unwrap();
        apply(&mut conn, &CaseOp::End { id: first }, "anne", 107).unwrap();

        let plan = load_plan(&conn).unwrap();
        assert_eq!(plan.meetings.len(), 2);
        let m = &plan.meetings[0];
        assert_eq!(m.status, MeetingStatus::Held);
        assert_eq!((m.led_by.as_str(), m.supervisor.as_str()), ("Dag", "Anne"));
        assert_eq!((m.started_at, m.ended_at), (Some(102), Some(107)));
        assert_eq!(m.attendance.len(), 2);
        let c = plan.case(case).unwrap();
        assert_eq!(c.status, CaseStatus::Discussed);
        assert_eq!(c.evaluate_on, Some(date(2026, 12, 10)));
        let ms = plan.measures_of(case);
        assert_eq!(ms.len(), 1);
        // The measure takes the case's evaluation date.
        assert_eq!(ms[0].evaluate_on, Some(date(2026, 12, 10)));

        let op = CaseOp::Evaluate {
            measure_id: measure,
            meeting_id: plan.meetings[1].id,
            evaluation: Evaluation::Partly,
            note: "Roligere, men ikke hver kveld".into(),
            on: date(2026, 12, 10),
        };
        apply(&mut conn, &op, "eva", 108).unwrap();
        let plan = load_plan(&conn).unwrap();
        let m = &plan.measures[0];
        assert_eq!(m.evaluation, Some(Evaluation::Partly));
        assert_eq!(m.evaluated_in, Some(plan.meetings[1].id));

        let rows = audit_rows(&conn);
        // Case and measure rows carry the stay (the detail pane's history shows them).
        assert!(rows.contains(&(
            Some(1),
            format!("case.{case}.title"),
            Some("Uro ved kveldsstell".into())
        )));
        assert!(rows.contains(&(
            Some(1),
            format!("measure.{measure}.evaluation"),
            Some("partly".into())
        )));
        assert!(rows.contains(&(
            None,
            format!("case_meeting.{first}.led_by"),
            Some("Dag".into())
        )));
        // Every row of one change shares its change id.
        let groups: i64 = conn
            .query_row(
                "SELECT count(DISTINCT change_id) FROM audit_log WHERE action = 'fagmote'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(groups, 10);
    }

    #[test]
    fn a_held_meeting_cannot_be_moved_or_cancelled_and_a_cancelled_one_takes_no_cases() {
        let mut conn = db();
        let id = apply(
            &mut conn,
            &CaseOp::AddMeetings {
                dates: vec![date(2026, 11, 26)],
            },
            "a",
            1,
        )
        .unwrap()
        .unwrap();
        let cancel = CaseOp::SetMeetingStatus {
            id,
            status: MeetingStatus::Cancelled,
        };
        apply(&mut conn, &cancel, "a", 2).unwrap();
        let add = CaseOp::AddCase {
            meeting_id: id,
            stay_id: 1,
            title: "x".into(),
            put_up_by: String::new(),
        };
        assert_eq!(apply(&mut conn, &add, "a", 3), Err(CaseError::NotPlanned));
        // A cancelled date is free for another meeting.
        let other = CaseOp::AddMeetings {
            dates: vec![date(2026, 11, 26)],
        };
        assert!(apply(&mut conn, &other, "a", 4).is_ok());
        let again = CaseOp::SetMeetingStatus {
            id,
            status: MeetingStatus::Planned,
        };
        assert_eq!(apply(&mut conn, &again, "a", 5), Err(CaseError::DateTaken));
        let hold = CaseOp::Hold {
            id: 2,
            led_by: "Dag".into(),
            supervisor: String::new(),
        };
        apply(&mut conn, &hold, "a", 6).unwrap();
        let mv = CaseOp::MoveMeeting {
            id: 2,
            date: date(2026, 11, 27),
        };
        assert_eq!(apply(&mut conn, &mv, "a", 7), Err(CaseError::NotPlanned));
        // Nothing half-written: the refused changes left no audit rows.
        assert_eq!(audit_rows(&conn).len(), 6);
    }
}
