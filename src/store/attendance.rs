//! Who attended a meeting (table `attendance`, schema v4), for the daily stand-up
//! (`kind` 'standup', `meeting_id` = `meetings.id`) and the weekly fagmøte ('case',
//! `case_meetings.id`). One function set for both, keyed by [`MeetingKind`].
//!
//! Like the meeting log itself this is a record of the meeting, not a change to a stay:
//! it is written through the writer thread but not into the stay audit trail.

use super::error::StoreError;
use rusqlite::{Connection, params};

/// Which meeting table `meeting_id` points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingKind {
    /// The daily stand-up (tavlemøte): `meetings`.
    Standup,
    /// The weekly VIPS fagmøte: `case_meetings`.
    Case,
}

impl MeetingKind {
    /// The database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Standup => "standup",
            Self::Case => "case",
        }
    }
    /// Parse the database spelling.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "standup" => Some(Self::Standup),
            "case" => Some(Self::Case),
            _ => None,
        }
    }
}

/// One person present at one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub meeting_id: i64,
    pub name: String,
    /// A key of the configured `disciplines` (empty when the staff entry has none).
    pub discipline: String,
}

/// Record `name` (with `discipline`) as present at the meeting, or not present. Saying
/// present twice keeps one row (the discipline is updated); absent when not recorded is
/// no change.
pub fn set_present(
    conn: &Connection,
    kind: MeetingKind,
    meeting_id: i64,
    name: &str,
    discipline: &str,
    present: bool,
) -> Result<(), StoreError> {
    if present {
        conn.prepare_cached(
            "INSERT INTO attendance (kind, meeting_id, name, discipline) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (kind, meeting_id, name) DO UPDATE SET discipline = excluded.discipline",
        )?
        .execute(params![kind.as_str(), meeting_id, name, discipline])?;
    } else {
        conn.prepare_cached(
            "DELETE FROM attendance WHERE kind = ?1 AND meeting_id = ?2 AND name = ?3",
        )?
        .execute(params![kind.as_str(), meeting_id, name])?;
    }
    Ok(())
}

/// Everyone recorded present at meetings of `kind`, by meeting then name.
pub fn load_attendance(conn: &Connection, kind: MeetingKind) -> Result<Vec<Attendee>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT meeting_id, name, discipline FROM attendance WHERE kind = ?1
         ORDER BY meeting_id, name",
    )?;
    let rows = stmt.query_map([kind.as_str()], |r| {
        Ok(Attendee {
            meeting_id: r.get(0)?,
            name: r.get(1)?,
            discipline: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Who was present at one meeting, by name.
pub fn load_present(
    conn: &Connection,
    kind: MeetingKind,
    meeting_id: i64,
) -> Result<Vec<Attendee>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT meeting_id, name, discipline FROM attendance WHERE kind = ?1 AND meeting_id = ?2
         ORDER BY name",
    )?;
    let rows = stmt.query_map(params![kind.as_str(), meeting_id], |r| {
        Ok(Attendee {
            meeting_id: r.get(0)?,
            name: r.get(1)?,
            discipline: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
