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
    Ok(meetings)
}
