//! The stand-up meeting log (tables `meetings` and `meeting_stays`, schema v2).

use super::error::StoreError;
use super::load::date_at;
use crate::domain::StayId;
use jiff::civil::Date;
use rusqlite::Connection;
use std::collections::HashMap;

/// One stand-up (tavlemøte): when, who led it, and which stays were discussed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub id: i64,
    /// The local date of the meeting.
    pub date: Date,
    /// Unix seconds.
    pub started_at: i64,
    /// Unix seconds; `None` while the meeting is running (or if it was never closed).
    pub ended_at: Option<i64>,
    pub led_by: String,
    /// Stays recorded as discussed, in the order they were discussed.
    pub discussed: Vec<StayId>,
    /// Who was present (name, discipline key), by name; empty when not recorded.
    pub present: Vec<(String, String)>,
}

/// Every meeting, oldest first, with the stays discussed at each.
pub fn load_meetings(conn: &Connection) -> Result<Vec<Meeting>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, date, started_at, ended_at, led_by FROM meetings ORDER BY date, started_at, id",
    )?;
    let mut meetings: Vec<Meeting> = stmt
        .query_map([], |r| {
            Ok(Meeting {
                id: r.get(0)?,
                date: date_at(r, 1)?,
                started_at: r.get(2)?,
                ended_at: r.get(3)?,
                led_by: r.get(4)?,
                discussed: Vec::new(),
                present: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let index: HashMap<i64, usize> = meetings
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id, i))
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT meeting_id, stay_id FROM meeting_stays ORDER BY meeting_id, discussed_at, stay_id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, StayId>(1)?)))?;
    for row in rows {
        let (mid, sid) = row?;
        if let Some(&i) = index.get(&mid) {
            meetings[i].discussed.push(sid);
        }
    }
    for a in super::attendance::load_attendance(conn, super::attendance::MeetingKind::Standup)? {
        if let Some(&i) = index.get(&a.meeting_id) {
            meetings[i].present.push((a.name, a.discipline));
        }
    }
    Ok(meetings)
}

/// Open a stand-up led by `led_by` on `date`; returns its id.
pub fn start_meeting(
    conn: &Connection,
    date: Date,
    started_at: i64,
    led_by: &str,
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO meetings (date, started_at, ended_at, led_by) VALUES (?1, ?2, NULL, ?3)",
        rusqlite::params![date.to_string(), started_at, led_by],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Record that a stay was discussed (again: no change).
pub fn mark_discussed(
    conn: &Connection,
    meeting_id: i64,
    stay_id: StayId,
    at: i64,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR IGNORE INTO meeting_stays (meeting_id, stay_id, discussed_at) VALUES (?1, ?2, ?3)",
        rusqlite::params![meeting_id, stay_id, at],
    )?;
    Ok(())
}

/// Close a stand-up.
pub fn end_meeting(conn: &Connection, meeting_id: i64, ended_at: i64) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE meetings SET ended_at = ?2 WHERE id = ?1",
        rusqlite::params![meeting_id, ended_at],
    )?;
    Ok(())
}
