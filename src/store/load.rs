//! Loading the board: every active stay with everything under it, in a handful of queries
//! (one per table, not one per stay) so that 500 stays load in milliseconds.

use super::error::StoreError;
use crate::domain::{
    DeadlineKind, Decision, Delay, Event, FidelityAck, FollowUp, Goal, GoalStatus, GpAppointment,
    Handover, MedStatus, Stay, StayId, StayStatus,
};
use jiff::civil::Date;
use rusqlite::{Connection, Row};
use std::collections::HashMap;

fn conv_err(col: usize, msg: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, msg.into())
}

pub(crate) fn date_at(row: &Row<'_>, col: usize) -> rusqlite::Result<Date> {
    let s: String = row.get(col)?;
    s.parse()
        .map_err(|_| conv_err(col, format!("bad date {s:?}")))
}

pub(crate) fn opt_date_at(row: &Row<'_>, col: usize) -> rusqlite::Result<Option<Date>> {
    let s: Option<String> = row.get(col)?;
    match s {
        None => Ok(None),
        Some(s) if s.is_empty() => Ok(None),
        Some(s) => s
            .parse()
            .map(Some)
            .map_err(|_| conv_err(col, format!("bad date {s:?}"))),
    }
}

fn parse_with<T>(row: &Row<'_>, col: usize, f: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let s: String = row.get(col)?;
    f(&s).ok_or_else(|| conv_err(col, format!("unknown value {s:?}")))
}

const STAY_SELECT: &str = "
    SELECT s.id, s.name, s.initials, s.target_group, s.admitted, s.planned_discharge,
           s.primary_contact, s.status, s.discharged_on, s.discharge_outcome, s.note,
           s.version, s.updated_at, a.done_on, g.booked_for, g.done_on, m.status, m.done_on,
           (SELECT max(mt.date) FROM meeting_stays ms JOIN meetings mt ON mt.id = ms.meeting_id
             WHERE ms.stay_id = s.id),
           (SELECT max(coalesce(mt.ended_at, ms.discussed_at)) FROM meeting_stays ms
             JOIN meetings mt ON mt.id = ms.meeting_id WHERE ms.stay_id = s.id)
    FROM stays s
    LEFT JOIN assessments a ON a.stay_id = s.id
    LEFT JOIN gp_appointments g ON g.stay_id = s.id
    LEFT JOIN medication_reconciliations m ON m.stay_id = s.id";

fn stay_from_row(r: &Row<'_>) -> rusqlite::Result<Stay> {
    let med: Option<String> = r.get(16)?;
    Ok(Stay {
        id: r.get(0)?,
        name: r.get(1)?,
        initials: r.get(2)?,
        target_group: r.get(3)?,
        admitted: date_at(r, 4)?,
        planned_discharge: date_at(r, 5)?,
        primary_contact: r.get(6)?,
        status: parse_with(r, 7, StayStatus::parse)?,
        discharged_on: opt_date_at(r, 8)?,
        discharge_outcome: r.get(9)?,
        note: r.get(10)?,
        version: r.get(11)?,
        updated_at: r.get(12)?,
        assessment_done: opt_date_at(r, 13)?,
        gp: GpAppointment {
            booked_for: opt_date_at(r, 14)?,
            done_on: opt_date_at(r, 15)?,
        },
        med_status: med
            .as_deref()
            .map(|m| {
                MedStatus::parse(m).ok_or_else(|| conv_err(16, format!("unknown value {m:?}")))
            })
            .transpose()?
            .unwrap_or_default(),
        med_done: opt_date_at(r, 17)?,
        risks: Vec::new(),
        goals: Vec::new(),
        follow_ups: Vec::new(),
        delays: Vec::new(),
        handovers: Vec::new(),
        last_discussed: opt_date_at(r, 18)?,
        events: Vec::new(),
        events_seen_at: r.get(19)?,
        discussed_on: Vec::new(),
        fidelity_acks: Vec::new(),
        next_of_kin: Vec::new(),
    })
}

/// All active stays, each with goals, risks, follow-ups and delay reasons, in admission order.
pub fn load_active(conn: &Connection) -> Result<Vec<Stay>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "{STAY_SELECT} WHERE s.status = 'active' ORDER BY s.admitted, s.id"
    ))?;
    let mut stays: Vec<Stay> = stmt
        .query_map([], stay_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let index: HashMap<StayId, usize> = stays.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    const ACTIVE: &str = "stay_id IN (SELECT id FROM stays WHERE status = 'active')";
    fill_children(conn, ACTIVE, &[], &index, &mut stays)?;
    Ok(stays)
}

/// One stay by id, whatever its status.
pub fn load_stay(conn: &Connection, id: StayId) -> Result<Option<Stay>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{STAY_SELECT} WHERE s.id = ?1"))?;
    let mut stays: Vec<Stay> = stmt
        .query_map([id], stay_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    if stays.is_empty() {
        return Ok(None);
    }
    let index = HashMap::from([(id, 0usize)]);
    fill_children(conn, "stay_id = ?1", &[&id], &index, &mut stays)?;
    Ok(stays.pop())
}

fn fill_children(
    conn: &Connection,
    filter: &str,
    params: &[&dyn rusqlite::ToSql],
    index: &HashMap<StayId, usize>,
    stays: &mut [Stay],
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT stay_id, id, position, text, status, set_on, closed_on, score_start, score_end
         FROM goals WHERE {filter} ORDER BY stay_id, position, id"
    ))?;
    let rows = stmt.query_map(params, |r| {
        Ok((
            r.get::<_, StayId>(0)?,
            Goal {
                id: r.get(1)?,
                position: r.get(2)?,
                text: r.get(3)?,
                status: parse_with(r, 4, GoalStatus::parse)?,
                set_on: date_at(r, 5)?,
                closed_on: opt_date_at(r, 6)?,
                score_start: score_at(r, 7)?,
                score_end: score_at(r, 8)?,
            },
        ))
    })?;
    for row in rows {
        let (sid, g) = row?;
        if let Some(&i) = index.get(&sid) {
            stays[i].goals.push(g);
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT stay_id, id, text, discipline, due_on, done_on, created_on FROM follow_ups
         WHERE {filter} ORDER BY stay_id, due_on IS NULL, due_on, id"
    ))?;
    let rows = stmt.query_map(params, |r| {
        Ok((
            r.get::<_, StayId>(0)?,
            FollowUp {
                id: r.get(1)?,
                text: r.get(2)?,
                discipline: r.get(3)?,
                due: opt_date_at(r, 4)?,
                done_on: opt_date_at(r, 5)?,
                created_on: date_at(r, 6)?,
            },
        ))
    })?;
    for row in rows {
        let (sid, f) = row?;
        if let Some(&i) = index.get(&sid) {
            stays[i].follow_ups.push(f);
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT stay_id, risk FROM risks WHERE {filter} ORDER BY stay_id, risk"
    ))?;
    let rows = stmt.query_map(params, |r| {
        Ok((r.get::<_, StayId>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (sid, risk) = row?;
        if let Some(&i) = index.get(&sid) {
            stays[i].risks.push(risk);
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT stay_id, deadline, reason, text FROM delays WHERE {filter} ORDER BY stay_id, deadline"
    ))?;
    let rows = stmt.query_map(params, |r| {
        Ok((
            r.get::<_, StayId>(0)?,
            Delay {
                kind: parse_with(r, 1, DeadlineKind::parse)?,
                reason: r.get(2)?,
                text: r.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (sid, d) = row?;
        if let Some(&i) = index.get(&sid) {
            stays[i].delays.push(d);
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT stay_id, item, decision, note FROM discharge_items WHERE {filter}
         ORDER BY stay_id, item"
    ))?;
    let rows = stmt.query_map(params, |r| {
        Ok((
            r.get::<_, StayId>(0)?,
            Handover {
                item: r.get(1)?,
                decision: parse_with(r, 2, Decision::parse)?,
                note: r.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (sid, h) = row?;
        if let Some(&i) = index.get(&sid) {
            stays[i].handovers.push(h);
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT stay_id, id, occurred_on, occurred_time, kind, note, recorded_by, recorded_at
         FROM events WHERE {filter}
         ORDER BY stay_id, occurred_on, occurred_time IS NOT NULL, occurred_time, recorded_at, id"
    ))?;
    let rows = stmt.query_map(params, |r| {
        let t: Option<String> = r.get(3)?;
        let occurred_time = match t.as_deref() {
            None | Some("") => None,
            Some(t) => Some(
                crate::domain::events::parse_time(t)
                    .ok()
                    .flatten()
                    .ok_or_else(|| conv_err(3, format!("bad time {t:?}")))?,
            ),
        };
        Ok((
            r.get::<_, StayId>(0)?,
            Event {
                id: r.get(1)?,
                occurred_on: date_at(r, 2)?,
                occurred_time,
                kind: r.get(4)?,
                note: r.get(5)?,
                recorded_by: r.get(6)?,
                recorded_at: r.get(7)?,
            },
        ))
    })?;
    for row in rows {
        let (sid, e) = row?;
        if let Some(&i) = index.get(&sid) {
            stays[i].events.push(e);
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT stay_id, element, note, acknowledged_on FROM fidelity_acknowledgements
         WHERE {filter} ORDER BY stay_id, element"
    ))?;
    let rows = stmt.query_map(params, |r| {
        Ok((
            r.get::<_, StayId>(0)?,
            FidelityAck {
                element: r.get(1)?,
                note: r.get(2)?,
                acknowledged_on: date_at(r, 3)?,
            },
        ))
    })?;
    for row in rows {
        let (sid, a) = row?;
        if let Some(&i) = index.get(&sid) {
            stays[i].fidelity_acks.push(a);
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT stay_id, id, name, relation, phone, in_goal_setting, in_evaluation
         FROM next_of_kin WHERE {filter} ORDER BY stay_id, id"
    ))?;
    let rows = stmt.query_map(params, |r| {
        Ok((
            r.get::<_, StayId>(0)?,
            crate::domain::kin::NextOfKin {
                id: r.get(1)?,
                name: r.get(2)?,
                relation: r.get(3)?,
                phone: r.get(4)?,
                in_goal_setting: r.get(5)?,
                in_evaluation: r.get(6)?,
            },
        ))
    })?;
    for row in rows {
        let (sid, k) = row?;
        if let Some(&i) = index.get(&sid) {
            stays[i].next_of_kin.push(k);
        }
    }
    // Every stand-up that discussed the stay (meeting_stays has no foreign key to stays;
    // `meetings` has no `stay_id`, so the filter's bare column is meeting_stays').
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT DISTINCT stay_id, mt.date FROM meeting_stays
         JOIN meetings mt ON mt.id = meeting_stays.meeting_id
         WHERE {filter} ORDER BY stay_id, mt.date"
    ))?;
    let rows = stmt.query_map(params, |r| Ok((r.get::<_, StayId>(0)?, date_at(r, 1)?)))?;
    for row in rows {
        let (sid, d) = row?;
        if let Some(&i) = index.get(&sid) {
            stays[i].discussed_on.push(d);
        }
    }
    Ok(())
}

/// A goal score column: 0–10 or empty (the schema's CHECK keeps it in range).
fn score_at(row: &Row<'_>, col: usize) -> rusqlite::Result<Option<u8>> {
    let v: Option<i64> = row.get(col)?;
    v.map(|n| u8::try_from(n).map_err(|_| conv_err(col, format!("bad score {n}"))))
        .transpose()
}

/// Every discharged or cancelled stay (the archive), each with everything under it, the
/// latest first (by discharge date, else admission).
pub fn load_archived(conn: &Connection) -> Result<Vec<Stay>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "{STAY_SELECT} WHERE s.status <> 'active'
         ORDER BY coalesce(s.discharged_on, s.admitted) DESC, s.id DESC"
    ))?;
    let mut stays: Vec<Stay> = stmt
        .query_map([], stay_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let index: HashMap<StayId, usize> = stays.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    const ARCHIVED: &str = "stay_id IN (SELECT id FROM stays WHERE status <> 'active')";
    fill_children(conn, ARCHIVED, &[], &index, &mut stays)?;
    Ok(stays)
}

/// Every stay whatever its status (active, discharged, cancelled), each with goals, risks,
/// follow-ups and delay reasons, in admission order. For exports and indicators.
pub fn load_all(conn: &Connection) -> Result<Vec<Stay>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{STAY_SELECT} ORDER BY s.admitted, s.id"))?;
    let mut stays: Vec<Stay> = stmt
        .query_map([], stay_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let index: HashMap<StayId, usize> = stays.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    fill_children(conn, "1 = 1", &[], &index, &mut stays)?;
    Ok(stays)
}
