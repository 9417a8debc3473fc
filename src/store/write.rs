//! Writing edits: one SQLite transaction per change, a per-stay version check so two boards
//! never overwrite each other silently, and an audit row for every field that changed.

use super::error::StoreError;
use super::load::load_stay;
use crate::domain::edit::{Change, EditError, diff};
use crate::domain::{Stay, StayId};
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

/// What a change is applied to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A new stay.
    New,
    /// An existing stay, as the editor last saw it (`None`: the editor saw it deleted).
    Stay { id: StayId, version: Option<i64> },
}

/// One change to write, as the app asks for it.
#[derive(Debug, Clone, PartialEq)]
pub struct WriteRequest {
    pub target: Target,
    pub change: Change,
}

/// A change that was committed.
#[derive(Debug, Clone, PartialEq)]
pub struct Committed {
    pub stay_id: StayId,
    /// The stay before the change (`None` when the change created it).
    pub before: Option<Stay>,
    /// The stay as now stored (`None` when the change deleted it).
    pub after: Option<Stay>,
    /// Groups the audit rows of this change.
    pub change_id: i64,
    /// The undone change's kind, for `Restore`; otherwise the change's own kind.
    pub action: &'static str,
}

/// Why nothing was written.
#[derive(Debug, Clone, PartialEq)]
pub enum WriteError {
    /// Someone else changed (or deleted) the stay since the editor loaded it.
    Conflict {
        fresh: Option<Box<Stay>>,
        by: Option<String>,
    },
    /// The change itself is not allowed.
    Invalid(EditError),
    /// The database refused; nothing was written.
    Store(Failure),
}

/// Why the database refused a write, so the UI can say it in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Locked by another writer for longer than the busy timeout.
    Busy,
    DiskFull,
    ReadOnly,
    /// The file at the board's path is no longer the database it opened.
    Replaced,
    Other(String),
}

impl From<StoreError> for WriteError {
    fn from(e: StoreError) -> Self {
        WriteError::Store(match e {
            StoreError::Busy => Failure::Busy,
            StoreError::DiskFull => Failure::DiskFull,
            StoreError::ReadOnly => Failure::ReadOnly,
            other => Failure::Other(other.to_string()),
        })
    }
}

impl From<rusqlite::Error> for WriteError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::from(e).into()
    }
}

/// Apply `req` as `user` at `now` (Unix seconds) with `today` as the local date.
/// Either everything is written (stay, children, audit) or nothing is.
pub fn commit(
    conn: &mut Connection,
    req: &WriteRequest,
    user: &str,
    now: i64,
    today: Date,
) -> Result<Committed, WriteError> {
    // IMMEDIATE takes the write lock up front, so the version check and the write see the
    // same state; the connection's busy timeout makes a second board wait instead of fail.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (id, before) = match req.target {
        Target::New => (0, None),
        Target::Stay { id, version } => {
            let current = load_stay(&tx, id)?;
            if current.as_ref().map(|s| s.version) != version {
                let by = last_editor(&tx, id)?;
                return Err(WriteError::Conflict {
                    fresh: current.map(Box::new),
                    by,
                });
            }
            (id, current)
        }
    };
    let mut wanted = req
        .change
        .apply(before.as_ref(), today)
        .map_err(WriteError::Invalid)?;
    // A new event is stamped here, where who and when are known (the change is pure).
    for e in wanted.iter_mut().flat_map(|s| s.events.iter_mut()) {
        if e.id == 0 {
            e.recorded_by = user.to_string();
            e.recorded_at = now;
        }
    }
    let stay_id = match (&before, wanted) {
        (_, None) => {
            tx.execute("DELETE FROM stays WHERE id = ?1", [id])?;
            id
        }
        (None, Some(mut s)) => {
            // A restored stay continues its version line, so stale editors still conflict.
            s.version = match req.target {
                Target::New => 1,
                Target::Stay { .. } => s.version + 1,
            };
            s.updated_at = now;
            if matches!(req.target, Target::Stay { .. }) {
                s.id = id;
            }
            let id = write_row(&tx, &s, now)?;
            insert_children(&tx, id, &s, today)?;
            id
        }
        (Some(b), Some(mut s)) => {
            s.id = id;
            s.version = b.version + 1;
            s.updated_at = now;
            write_row(&tx, &s, now)?;
            delete_children(&tx, id)?;
            insert_children(&tx, id, &s, today)?;
            id
        }
    };
    let after = load_stay(&tx, stay_id)?;
    // The id of this change's first audit row: O(1) on the rowid, unlike max(change_id).
    let change_id: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM audit_log", [], |r| {
            r.get(0)
        })?;
    let action = req.change.action();
    let mut stmt = tx.prepare_cached(
        "INSERT INTO audit_log (at, user, stay_id, field, old_value, new_value, change_id, action)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for c in diff(before.as_ref(), after.as_ref()) {
        stmt.execute(params![
            now, user, stay_id, c.field, c.old, c.new, change_id, action
        ])?;
    }
    drop(stmt);
    tx.commit()?;
    Ok(Committed {
        stay_id,
        before,
        after,
        change_id,
        action,
    })
}

fn last_editor(tx: &Transaction<'_>, id: StayId) -> Result<Option<String>, StoreError> {
    Ok(tx
        .query_row(
            "SELECT user FROM audit_log WHERE stay_id = ?1 ORDER BY id DESC LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Write the stay row: insert it (with `s.id` when set, else a fresh id), or update it in
/// place when that id exists, keeping its `created_at`. Returns its id.
pub(crate) fn write_row(
    tx: &Transaction<'_>,
    s: &Stay,
    created_at: i64,
) -> Result<i64, StoreError> {
    tx.prepare_cached(
        "INSERT INTO stays (id, name, initials, target_group, admitted, planned_discharge,
            primary_contact, status, discharged_on, discharge_outcome, note, version,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, initials = excluded.initials,
            target_group = excluded.target_group, admitted = excluded.admitted,
            planned_discharge = excluded.planned_discharge,
            primary_contact = excluded.primary_contact, status = excluded.status,
            discharged_on = excluded.discharged_on,
            discharge_outcome = excluded.discharge_outcome, note = excluded.note,
            version = excluded.version, updated_at = excluded.updated_at",
    )?
    .execute(params![
        (s.id > 0).then_some(s.id),
        s.name,
        s.initials,
        s.target_group,
        s.admitted.to_string(),
        s.planned_discharge.to_string(),
        s.primary_contact,
        s.status.as_str(),
        s.discharged_on.map(|d| d.to_string()),
        s.discharge_outcome,
        s.note,
        s.version,
        created_at,
        s.updated_at,
    ])?;
    // An update leaves last_insert_rowid alone, so a set id is the answer.
    Ok(if s.id > 0 {
        s.id
    } else {
        tx.last_insert_rowid()
    })
}

fn delete_children(tx: &Transaction<'_>, id: StayId) -> Result<(), StoreError> {
    for table in [
        "assessments",
        "gp_appointments",
        "medication_reconciliations",
        "risks",
        "goals",
        "follow_ups",
        "delays",
        "discharge_items",
        "events",
        "fidelity_acknowledgements",
        "next_of_kin",
    ] {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE stay_id = ?1"))?
            .execute([id])?;
    }
    Ok(())
}

/// Insert everything under a stay. Goals and follow-ups keep their ids when set, so their
/// history in the audit log stays attached; new ones (id 0) get fresh ids.
pub(crate) fn insert_children(
    tx: &Transaction<'_>,
    id: StayId,
    s: &Stay,
    recorded_on: Date,
) -> Result<(), StoreError> {
    let ds = |d: Option<Date>| d.map(|d| d.to_string());
    let opt_id = |i: i64| (i > 0).then_some(i);
    tx.prepare_cached("INSERT INTO assessments (stay_id, done_on) VALUES (?1, ?2)")?
        .execute(params![id, ds(s.assessment_done)])?;
    tx.prepare_cached(
        "INSERT INTO gp_appointments (stay_id, booked_for, done_on) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![id, ds(s.gp.booked_for), ds(s.gp.done_on)])?;
    tx.prepare_cached(
        "INSERT INTO medication_reconciliations (stay_id, status, done_on) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![id, s.med_status.as_str(), ds(s.med_done)])?;
    for r in &s.risks {
        tx.prepare_cached("INSERT INTO risks (stay_id, risk) VALUES (?1, ?2)")?
            .execute(params![id, r])?;
    }
    for g in &s.goals {
        tx.prepare_cached(
            "INSERT INTO goals (id, stay_id, position, text, status, set_on, closed_on,
                score_start, score_end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            opt_id(g.id),
            id,
            g.position,
            g.text,
            g.status.as_str(),
            g.set_on.to_string(),
            ds(g.closed_on),
            g.score_start,
            g.score_end
        ])?;
    }
    for f in &s.follow_ups {
        tx.prepare_cached(
            "INSERT INTO follow_ups (id, stay_id, text, discipline, due_on, done_on, created_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            opt_id(f.id),
            id,
            f.text,
            f.discipline,
            ds(f.due),
            ds(f.done_on),
            f.created_on.to_string()
        ])?;
    }
    for d in &s.delays {
        tx.prepare_cached(
            "INSERT INTO delays (stay_id, deadline, reason, text, recorded_on)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            id,
            d.kind.as_str(),
            d.reason,
            d.text,
            recorded_on.to_string()
        ])?;
    }
    // Kept events first: a new one (id 0) takes max(id) + 1, which must not be a kept id.
    let (kept, new): (Vec<_>, Vec<_>) = s.events.iter().partition(|e| e.id > 0);
    for e in kept.into_iter().chain(new) {
        tx.prepare_cached(
            "INSERT INTO events (id, stay_id, occurred_on, occurred_time, kind, note,
                recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            opt_id(e.id),
            id,
            e.occurred_on.to_string(),
            e.occurred_time.map(crate::domain::events::fmt_time),
            e.kind,
            e.note,
            e.recorded_by,
            e.recorded_at
        ])?;
    }
    for h in &s.handovers {
        tx.prepare_cached(
            "INSERT INTO discharge_items (stay_id, item, decision, note) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![id, h.item, h.decision.as_str(), h.note])?;
    }
    // Next of kin keep their ids, so their history in the audit log stays attached. Kept
    // ones first: a new one takes max(id) + 1, which must not be a kept id.
    let (kept, new): (Vec<_>, Vec<_>) = s.next_of_kin.iter().partition(|k| k.id > 0);
    for k in kept.into_iter().chain(new) {
        tx.prepare_cached(
            "INSERT INTO next_of_kin (id, stay_id, name, relation, phone, in_goal_setting,
                in_evaluation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            (k.id > 0).then_some(k.id),
            id,
            k.name,
            k.relation,
            k.phone,
            k.in_goal_setting,
            k.in_evaluation
        ])?;
    }
    for a in &s.fidelity_acks {
        tx.prepare_cached(
            "INSERT INTO fidelity_acknowledgements (stay_id, element, note, acknowledged_on)
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            id,
            a.element,
            a.note,
            a.acknowledged_on.to_string()
        ])?;
    }
    Ok(())
}

/// One audit row, for the detail pane's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: i64,
    pub user: String,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub action: String,
}

/// The newest `limit` audit rows of a stay, newest first.
pub fn load_history(
    conn: &Connection,
    id: StayId,
    limit: usize,
) -> Result<Vec<AuditEntry>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, user, field, old_value, new_value, action FROM audit_log
         WHERE stay_id = ?1 ORDER BY id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![id, limit as i64], |r| {
        Ok(AuditEntry {
            at: r.get(0)?,
            user: r.get(1)?,
            field: r.get(2)?,
            old: r.get(3)?,
            new: r.get(4)?,
            action: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Who edits: the configured name, else the OS user, else "ukjent".
pub fn editor_name(configured: Option<&str>) -> String {
    configured
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .or_else(|| std::env::var("USER").ok().filter(|s| !s.is_empty()))
        .or_else(|| std::env::var("LOGNAME").ok().filter(|s| !s.is_empty()))
        .or_else(os_user)
        .unwrap_or_else(|| "ukjent".to_string())
}

/// The login name when the environment does not say (services, some containers).
fn os_user() -> Option<String> {
    let out = std::process::Command::new("id").arg("-un").output().ok()?;
    let name = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !name.is_empty()).then_some(name)
}
