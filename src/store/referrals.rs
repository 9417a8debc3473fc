//! Referrals (henvisninger): loading the queue and writing changes to it. Like stays, each
//! change is one IMMEDIATE transaction with a version check and audit rows (field
//! `referral.<id>.<column>`); turning an accepted referral into a stay creates the stay and
//! links it in the same transaction, so there is never a stay without its referral or the
//! other way round.

use super::error::StoreError;
use super::load::{date_at, load_stay, opt_date_at};
use super::write::{WriteError, insert_children, write_row};
use crate::domain::edit::{Change, StayFields, diff};
use crate::domain::referral::{
    DecisionFields, Referral, ReferralError, ReferralFields, ReferralId, Source, Verdict,
    check_decision, check_fields,
};
use crate::domain::{Stay, StayId};
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, TransactionBehavior, params};

const SELECT: &str = "SELECT id, name, source, received_on, target_group, decision, decided_on,
    decline_reason, planned_admission, stay_id, note, version, created_at, updated_at
    FROM referrals";

fn conv(col: usize, s: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unknown value {s:?}").into(),
    )
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Referral> {
    let source: String = r.get(2)?;
    let decision: String = r.get(5)?;
    Ok(Referral {
        id: r.get(0)?,
        name: r.get(1)?,
        source: Source::parse(&source).ok_or_else(|| conv(2, &source))?,
        received_on: date_at(r, 3)?,
        target_group: r.get(4)?,
        decision: Verdict::parse(&decision).ok_or_else(|| conv(5, &decision))?,
        decided_on: opt_date_at(r, 6)?,
        decline_reason: r.get(7)?,
        planned_admission: opt_date_at(r, 8)?,
        stay_id: r.get(9)?,
        note: r.get(10)?,
        version: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

/// Every referral, the oldest received first. The queue view orders them itself.
pub fn load_referrals(conn: &Connection) -> Result<Vec<Referral>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY received_on, id"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One referral by id.
pub fn load_referral(conn: &Connection, id: ReferralId) -> Result<Option<Referral>, StoreError> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// One change to the referral queue.
#[derive(Debug, Clone, PartialEq)]
pub enum ReferralOp {
    /// Register a new referral (waiting for a decision).
    Create(ReferralFields),
    /// Change who/where/when; `version` is the one the editor saw.
    Edit {
        id: ReferralId,
        version: i64,
        fields: ReferralFields,
    },
    /// Accept, decline or put back to waiting.
    Decide {
        id: ReferralId,
        version: i64,
        decision: DecisionFields,
    },
    /// The accepted referral becomes a stay with these fields (name, group, admitted on
    /// the planned admission, the default planned discharge), linked to it.
    Admit {
        id: ReferralId,
        version: i64,
        stay: StayFields,
    },
}

/// Why a referral change was not written.
#[derive(Debug, Clone, PartialEq)]
pub enum ReferralWriteError {
    /// The referral changed (or was removed) since the editor loaded it.
    Conflict {
        fresh: Option<Box<Referral>>,
        by: Option<String>,
    },
    /// The change itself is not allowed.
    Invalid(ReferralError),
    /// The stay the referral would become is not allowed (empty name, bad dates).
    InvalidStay(crate::domain::edit::EditError),
    /// The database refused; nothing was written.
    Store(super::write::Failure),
}

impl From<rusqlite::Error> for ReferralWriteError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::from(e).into()
    }
}

impl From<StoreError> for ReferralWriteError {
    fn from(e: StoreError) -> Self {
        match WriteError::from(e) {
            WriteError::Store(f) => ReferralWriteError::Store(f),
            other => ReferralWriteError::Store(super::write::Failure::Other(format!("{other:?}"))),
        }
    }
}

/// A referral change that was committed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferralCommitted {
    pub referral: Referral,
    /// The stay created by [`ReferralOp::Admit`].
    pub stay: Option<Stay>,
    /// The audit change id of this change.
    pub change_id: i64,
}

/// Apply `op` as `user` at `now` (Unix seconds); `today` is the local date.
pub fn commit_referral(
    conn: &mut Connection,
    op: &ReferralOp,
    user: &str,
    now: i64,
    today: Date,
) -> Result<ReferralCommitted, ReferralWriteError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let change_id: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM audit_log", [], |r| {
            r.get(0)
        })?;
    let (before, action) = match op {
        ReferralOp::Create(_) => (None, "referral_create"),
        ReferralOp::Edit { id, version, .. }
        | ReferralOp::Decide { id, version, .. }
        | ReferralOp::Admit { id, version, .. } => {
            let current = load_referral(&tx, *id)?;
            if current.as_ref().map(|r| r.version) != Some(*version) {
                let by = last_editor(&tx, *id)?;
                return Err(ReferralWriteError::Conflict {
                    fresh: current.map(Box::new),
                    by,
                });
            }
            let action = match op {
                ReferralOp::Edit { .. } => "referral_edit",
                ReferralOp::Decide { .. } => "referral_decide",
                _ => "referral_admit",
            };
            (current, action)
        }
    };
    let mut after = before.clone().unwrap_or(Referral {
        id: 0,
        name: String::new(),
        source: Source::Other,
        received_on: today,
        target_group: String::new(),
        decision: Verdict::Waiting,
        decided_on: None,
        decline_reason: String::new(),
        planned_admission: None,
        stay_id: None,
        note: String::new(),
        version: 0,
        created_at: now,
        updated_at: now,
    });
    let mut stay = None;
    match op {
        ReferralOp::Create(f) | ReferralOp::Edit { fields: f, .. } => {
            let f = check_fields(f, today).map_err(ReferralWriteError::Invalid)?;
            // A decision cannot come before the referral it decides.
            if after.decided_on.is_some_and(|d| d < f.received_on)
                || after.planned_admission.is_some_and(|d| d < f.received_on)
            {
                return Err(ReferralWriteError::Invalid(
                    ReferralError::DecidedBeforeReceived,
                ));
            }
            after.name = f.name;
            after.source = f.source;
            after.received_on = f.received_on;
            after.target_group = f.target_group;
            after.note = f.note;
        }
        ReferralOp::Decide { decision, .. } => {
            if after.stay_id.is_some() {
                return Err(ReferralWriteError::Invalid(ReferralError::NotAdmittable));
            }
            let d = check_decision(decision, after.received_on, today)
                .map_err(ReferralWriteError::Invalid)?;
            after.decision = d.decision;
            after.decided_on = d.decided_on;
            after.planned_admission = d.planned_admission;
            after.decline_reason = d.decline_reason;
        }
        ReferralOp::Admit { stay: fields, .. } => {
            if !after.awaiting_admission() {
                return Err(ReferralWriteError::Invalid(ReferralError::NotAdmittable));
            }
            let mut s = Change::Create(fields.clone())
                .apply(None, today)
                .map_err(ReferralWriteError::InvalidStay)?
                .ok_or(ReferralWriteError::Invalid(ReferralError::NotAdmittable))?;
            s.version = 1;
            s.updated_at = now;
            let stay_id = write_row(&tx, &s, now)?;
            insert_children(&tx, stay_id, &s, today)?;
            let created = load_stay(&tx, stay_id)?;
            audit_stay(&tx, stay_id, created.as_ref(), user, now, change_id)?;
            after.stay_id = Some(stay_id);
            stay = created;
        }
    }
    after.version += 1;
    after.updated_at = now;
    let id = write_referral(&tx, &after)?;
    after.id = id;
    audit_referral(&tx, before.as_ref(), &after, user, now, change_id, action)?;
    let stored = load_referral(&tx, id)?.ok_or(ReferralWriteError::Store(
        super::write::Failure::Other("referral vanished".into()),
    ))?;
    tx.commit()?;
    Ok(ReferralCommitted {
        referral: stored,
        stay,
        change_id,
    })
}

fn write_referral(tx: &Transaction<'_>, r: &Referral) -> Result<ReferralId, StoreError> {
    let ds = |d: Option<Date>| d.map(|d| d.to_string());
    tx.prepare_cached(
        "INSERT INTO referrals (id, name, source, received_on, target_group, decision,
            decided_on, decline_reason, planned_admission, stay_id, note, version, created_at,
            updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, source = excluded.source,
            received_on = excluded.received_on, target_group = excluded.target_group,
            decision = excluded.decision, decided_on = excluded.decided_on,
            decline_reason = excluded.decline_reason,
            planned_admission = excluded.planned_admission, stay_id = excluded.stay_id,
            note = excluded.note, version = excluded.version, updated_at = excluded.updated_at",
    )?
    .execute(params![
        (r.id > 0).then_some(r.id),
        r.name,
        r.source.as_str(),
        r.received_on.to_string(),
        r.target_group,
        r.decision.as_str(),
        ds(r.decided_on),
        r.decline_reason,
        ds(r.planned_admission),
        r.stay_id,
        r.note,
        r.version,
        r.created_at,
        r.updated_at,
    ])?;
    Ok(if r.id > 0 {
        r.id
    } else {
        tx.last_insert_rowid()
    })
}

/// The referral's columns as the audit log records them.
fn audit_values(r: &Referral) -> Vec<(&'static str, Option<String>)> {
    let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let ds = |d: Option<Date>| d.map(|d| d.to_string());
    vec![
        ("received_on", Some(r.received_on.to_string())),
        ("name", text(&r.name)),
        ("source", Some(r.source.as_str().to_string())),
        ("target_group", text(&r.target_group)),
        ("note", text(&r.note)),
        ("decision", Some(r.decision.as_str().to_string())),
        ("decided_on", ds(r.decided_on)),
        ("planned_admission", ds(r.planned_admission)),
        ("decline_reason", text(&r.decline_reason)),
        ("stay_id", r.stay_id.map(|s| s.to_string())),
    ]
}

fn audit_referral(
    tx: &Transaction<'_>,
    before: Option<&Referral>,
    after: &Referral,
    user: &str,
    now: i64,
    change_id: i64,
    action: &str,
) -> Result<(), StoreError> {
    let old = before.map(audit_values);
    let mut stmt = tx.prepare_cached(
        "INSERT INTO audit_log (at, user, stay_id, field, old_value, new_value, change_id, action)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, (field, new)) in audit_values(after).into_iter().enumerate() {
        let old = old.as_ref().and_then(|o| o[i].1.clone());
        if old != new {
            stmt.execute(params![
                now,
                user,
                after.stay_id,
                format!("referral.{}.{field}", after.id),
                old,
                new,
                change_id,
                action
            ])?;
        }
    }
    Ok(())
}

/// The created stay's own audit rows, as a stay created from the board gets them.
fn audit_stay(
    tx: &Transaction<'_>,
    stay_id: StayId,
    after: Option<&Stay>,
    user: &str,
    now: i64,
    change_id: i64,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO audit_log (at, user, stay_id, field, old_value, new_value, change_id, action)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'create')",
    )?;
    for c in diff(None, after) {
        stmt.execute(params![
            now, user, stay_id, c.field, c.old, c.new, change_id
        ])?;
    }
    Ok(())
}

fn last_editor(tx: &Transaction<'_>, id: ReferralId) -> Result<Option<String>, StoreError> {
    let pattern = format!("referral.{id}.%");
    Ok(tx
        .query_row(
            "SELECT user FROM audit_log WHERE field LIKE ?1 ORDER BY id DESC LIMIT 1",
            [pattern],
            |r| r.get(0),
        )
        .optional()?)
}
