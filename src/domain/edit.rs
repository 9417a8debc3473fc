//! Changes to a stay as pure functions: a [`Change`] turns the stay as it is now into the
//! stay as it should be, or says why it cannot. The store writes the result in one
//! transaction; undo is the same mechanism with a [`Change::Restore`] of the old snapshot.

use super::discharge::{OpenItem, undecided};
use super::events::EventFields;
use super::model::{
    DeadlineKind, Decision, Delay, Event, FidelityAck, FollowUp, Goal, GoalStatus, Handover,
    MedStatus, Stay, StayStatus,
};
use super::text::{clean_input, has_visible};
use jiff::civil::Date;

/// Longest name, in characters.
pub const MAX_NAME: usize = 80;
/// Longest initials, in characters.
pub const MAX_INITIALS: usize = 8;
/// Longest goal or follow-up text, in characters.
pub const MAX_TEXT: usize = 200;
/// Longest note, in characters.
pub const MAX_NOTE: usize = 500;
/// Longest contact name or free delay text, in characters.
pub const MAX_SHORT: usize = 80;
/// The top of the person's own goal score (patient-specific functional scale, 0–10).
pub const MAX_SCORE: u8 = 10;

/// Why an edit was refused. Worded by the UI (see `i18n`), so this only names the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// A required text is empty after trimming, or has no visible character (only
    /// zero-width characters, combining marks with no letter, blank symbols): it would show
    /// as an empty cell.
    Empty,
    /// A text is longer than the limit (characters).
    TooLong(usize),
    /// A date lies before the admission date.
    BeforeAdmission,
    /// The stay is not active any more (discharged, cancelled or deleted).
    NotActive,
    /// The stay is already active (undoing a discharge when someone re-admitted it).
    NoSuchItem,
    /// A value is not in the configured list.
    UnknownChoice,
    /// Discharge: an open item (goal, follow-up, deadline; its key as
    /// [`super::discharge::OpenItem::key`] spells it) has no evaluation or decision yet.
    Undecided(String),
    /// Reopen: the stay is already active.
    AlreadyActive,
    /// A date that records something done lies after today.
    InFuture,
    /// The admission would start after this date, on which something is already recorded
    /// (an assessment, a GP visit, a goal, an event…).
    RecordedBefore(Date),
    /// A phone number without enough digits to be dialled.
    NotAPhone,
}

/// Clean typed text (NFC, no control characters, trimmed) and check it against a limit.
pub fn checked_text(input: &str, max: usize, required: bool) -> Result<String, EditError> {
    let s = clean_input(input);
    if required && !has_visible(&s) {
        return Err(EditError::Empty);
    }
    if s.chars().count() > max {
        return Err(EditError::TooLong(max));
    }
    Ok(s)
}

/// The fields of the stay itself, as the add and edit forms hold them.
#[derive(Debug, Clone, PartialEq)]
pub struct StayFields {
    pub name: String,
    pub initials: String,
    pub target_group: String,
    pub admitted: Date,
    pub planned_discharge: Date,
    pub primary_contact: String,
    pub note: String,
}

/// One change a person can make. Each is applied (and undone) as a whole.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Admit a new person.
    Create(StayFields),
    /// Change the stay's own fields.
    Edit(StayFields),
    /// Record (or clear) the assessment date.
    Assessment(Option<Date>),
    /// Book, mark done, or clear the GP appointment.
    Gp {
        booked_for: Option<Date>,
        done_on: Option<Date>,
    },
    /// Medication reconciliation status, with the date when done.
    Medication(MedStatus, Option<Date>),
    /// Turn one configured risk on or off.
    ToggleRisk(String),
    /// Add a goal set today.
    AddGoal(String),
    /// Add a goal set on a date (typed in after the home visit): not before admission, not
    /// after today.
    AddGoalOn(String, Date),
    /// Change a goal's text.
    EditGoal(i64, String),
    /// Change a goal's text and the date it was set (same limits as [`Change::AddGoalOn`]).
    EditGoalOn(i64, String, Date),
    /// Set a goal's status (achieved/dropped close it today; open reopens it).
    GoalStatus(i64, GoalStatus),
    /// Move a goal up (-1) or down (+1) in the person's order.
    MoveGoal(i64, i64),
    AddFollowUp {
        text: String,
        discipline: String,
        due: Option<Date>,
    },
    /// Mark a follow-up done today, or open again.
    ToggleFollowUp(i64),
    /// Record why a deadline was missed; `None` clears it.
    Delay(DeadlineKind, Option<(String, String)>),
    /// Record something that happened to the person (not before admission, not after
    /// today). Who and when it was recorded is stamped by the store.
    AddEvent(EventFields),
    /// Correct a mis-typed event (kind, date, time, note); who recorded it stays.
    EditEvent(i64, EventFields),
    /// Remove an event recorded by mistake (the audit log keeps it).
    DeleteEvent(i64),
    /// Evaluate and discharge: the stay leaves the active board. Every open item must be
    /// decided: each open goal evaluated in `goals` (achieved / partly / not achieved), each
    /// open follow-up and unmet deadline in `decisions` (a follow-up `Done` is marked done
    /// on the discharge date; anything else is recorded as a [`Handover`] with its note).
    Discharge {
        on: Date,
        outcome: String,
        goals: Vec<(i64, GoalStatus)>,
        decisions: Vec<Handover>,
        /// Core elements of the model not met, each with the reason (element key, note):
        /// stored as [`super::FidelityAck`]s dated `today`, replacing any earlier ones.
        acknowledgements: Vec<(String, String)>,
        /// Whether each next of kin (by id) took part in the evaluation, as asked at
        /// discharge; next of kin not listed keep what is recorded.
        kin_in_evaluation: Vec<(i64, bool)>,
        /// The person's own end score (0–10) of each goal (by id), as asked at discharge;
        /// `None` is «ikke målt» (no end score). Goals not listed keep what is recorded.
        end_scores: Vec<(i64, Option<u8>)>,
    },
    /// Add a next of kin (pårørende).
    AddKin(super::kin::KinFields),
    /// Change a next of kin.
    EditKin(i64, super::kin::KinFields),
    /// Remove a next of kin (the audit log keeps them).
    RemoveKin(i64),
    /// Set the person's own scores (0–10) of a goal, at the home visit and at discharge;
    /// `None` clears a score.
    GoalScores(i64, Option<u8>, Option<u8>),
    /// Put a discharged or cancelled stay back on the board: discharge date and outcome are
    /// cleared, goals evaluated partly/not achieved are open again and the discharge
    /// decisions are removed (achieved goals and done follow-ups stay as they are).
    Reopen,
    /// The stay did not happen; it leaves the board but is kept.
    Cancel,
    /// Remove the stay and everything under it (the audit log keeps its history).
    Delete,
    /// Put a stay back exactly as a snapshot (undo); `None` removes it.
    Restore(Option<Box<Stay>>),
}

impl Change {
    /// Short stable name for the audit log's `action` column.
    pub fn action(&self) -> &'static str {
        match self {
            Change::Create(_) => "create",
            Change::Delete => "delete",
            Change::Restore(_) => "undo",
            Change::Discharge { .. } => "discharge",
            Change::Cancel => "cancel",
            Change::Reopen => "reopen",
            _ => "edit",
        }
    }

    /// The stay after this change, given the stay now (`None` when it does not exist).
    /// `today` dates what the change closes or opens. Pure: no clock, no I/O.
    pub fn apply(&self, before: Option<&Stay>, today: Date) -> Result<Option<Stay>, EditError> {
        if let Change::Create(f) = self {
            let mut s = Stay::new(0, "", f.admitted, f.planned_discharge);
            set_fields(&mut s, f)?;
            return Ok(Some(s));
        }
        if let Change::Restore(snapshot) = self {
            return Ok(snapshot.as_deref().cloned());
        }
        if let Change::Reopen = self {
            return reopen(before.ok_or(EditError::NoSuchItem)?).map(Some);
        }
        let before = before.ok_or(EditError::NotActive)?;
        if before.status != StayStatus::Active {
            return Err(EditError::NotActive);
        }
        let mut s = before.clone();
        match self {
            // Both returned above; kept total without a panic path.
            Change::Create(_) | Change::Restore(_) => return Err(EditError::NoSuchItem),
            Change::Edit(f) => {
                if let Some(first) = first_recorded(&s).filter(|d| *d < f.admitted) {
                    return Err(EditError::RecordedBefore(first));
                }
                set_fields(&mut s, f)?
            }
            Change::Assessment(d) => {
                not_in_future(*d, today)?;
                not_before_admission(&s, *d)?;
                s.assessment_done = *d;
            }
            Change::Gp {
                booked_for,
                done_on,
            } => {
                not_in_future(*done_on, today)?;
                not_before_admission(&s, *done_on)?;
                s.gp.booked_for = *booked_for;
                s.gp.done_on = *done_on;
            }
            Change::Medication(status, d) => {
                s.med_status = *status;
                s.med_done = match status {
                    MedStatus::Done => Some(d.unwrap_or(today)),
                    _ => None,
                };
                not_in_future(s.med_done, today)?;
                not_before_admission(&s, s.med_done)?;
            }
            Change::ToggleRisk(key) => {
                if let Some(i) = s.risks.iter().position(|r| r == key) {
                    s.risks.remove(i);
                } else {
                    s.risks.push(key.clone());
                    s.risks.sort();
                }
            }
            Change::AddGoal(text) | Change::AddGoalOn(text, _) => {
                let set_on = match self {
                    Change::AddGoalOn(_, d) => goal_date(&s, *d, today)?,
                    _ => today,
                };
                let text = checked_text(text, MAX_TEXT, true)?;
                let position = s.goals.iter().map(|g| g.position).max().unwrap_or(0) + 1;
                s.goals.push(Goal {
                    id: 0,
                    position,
                    text,
                    status: GoalStatus::Open,
                    set_on,
                    closed_on: None,
                    score_start: None,
                    score_end: None,
                });
            }
            Change::EditGoal(id, text) => {
                let text = checked_text(text, MAX_TEXT, true)?;
                goal_mut(&mut s, *id)?.text = text;
            }
            Change::EditGoalOn(id, text, set_on) => {
                let set_on = goal_date(&s, *set_on, today)?;
                let text = checked_text(text, MAX_TEXT, true)?;
                let g = goal_mut(&mut s, *id)?;
                g.text = text;
                g.set_on = set_on;
            }
            Change::GoalStatus(id, status) => {
                let g = goal_mut(&mut s, *id)?;
                g.status = *status;
                g.closed_on = match status {
                    GoalStatus::Open => None,
                    _ => Some(today),
                };
            }
            Change::GoalScores(id, start, end) => {
                if start.is_some_and(|n| n > MAX_SCORE) || end.is_some_and(|n| n > MAX_SCORE) {
                    return Err(EditError::UnknownChoice);
                }
                let g = goal_mut(&mut s, *id)?;
                g.score_start = *start;
                g.score_end = *end;
            }
            Change::MoveGoal(id, delta) => {
                let i = s
                    .goals
                    .iter()
                    .position(|g| g.id == *id)
                    .ok_or(EditError::NoSuchItem)?;
                let j = i as i64 + delta;
                if (0..s.goals.len() as i64).contains(&j) {
                    s.goals.swap(i, j as usize);
                }
                for (n, g) in s.goals.iter_mut().enumerate() {
                    g.position = n as i64 + 1;
                }
            }
            Change::AddFollowUp {
                text,
                discipline,
                due,
            } => {
                let text = checked_text(text, MAX_TEXT, true)?;
                if discipline.is_empty() {
                    return Err(EditError::UnknownChoice);
                }
                s.follow_ups.push(FollowUp {
                    id: 0,
                    text,
                    discipline: discipline.clone(),
                    due: *due,
                    done_on: None,
                    created_on: today,
                });
            }
            Change::ToggleFollowUp(id) => {
                let f = s
                    .follow_ups
                    .iter_mut()
                    .find(|f| f.id == *id)
                    .ok_or(EditError::NoSuchItem)?;
                f.done_on = match f.done_on {
                    Some(_) => None,
                    None => Some(today),
                };
            }
            Change::Delay(kind, reason) => {
                s.delays.retain(|d| d.kind != *kind);
                if let Some((reason, text)) = reason {
                    if reason.is_empty() {
                        return Err(EditError::UnknownChoice);
                    }
                    s.delays.push(Delay {
                        kind: *kind,
                        reason: reason.clone(),
                        text: checked_text(text, MAX_SHORT, false)?,
                    });
                    s.delays.sort_by_key(|d| d.kind);
                }
            }
            Change::AddEvent(f) => {
                let e = event_from(&s, f, today)?;
                s.events.push(e);
                super::events::sort(&mut s.events);
            }
            Change::EditEvent(id, f) => {
                let new = event_from(&s, f, today)?;
                let e = s
                    .events
                    .iter_mut()
                    .find(|e| e.id == *id)
                    .ok_or(EditError::NoSuchItem)?;
                e.occurred_on = new.occurred_on;
                e.occurred_time = new.occurred_time;
                e.kind = new.kind;
                e.note = new.note;
                super::events::sort(&mut s.events);
            }
            Change::DeleteEvent(id) => {
                let n = s.events.len();
                s.events.retain(|e| e.id != *id);
                if s.events.len() == n {
                    return Err(EditError::NoSuchItem);
                }
            }
            Change::Discharge {
                on,
                outcome,
                goals,
                decisions,
                acknowledgements,
                kin_in_evaluation,
                end_scores,
            } => {
                not_in_future(Some(*on), today)?;
                not_before_admission(&s, Some(*on))?;
                for (id, score) in end_scores {
                    if score.is_some_and(|n| n > MAX_SCORE) {
                        return Err(EditError::UnknownChoice);
                    }
                    goal_mut(&mut s, *id)?.score_end = *score;
                }
                for (id, took_part) in kin_in_evaluation {
                    let k = s
                        .next_of_kin
                        .iter_mut()
                        .find(|k| k.id == *id)
                        .ok_or(EditError::NoSuchItem)?;
                    k.in_evaluation = *took_part;
                }
                evaluate_open_items(&mut s, *on, goals, decisions)?;
                s.fidelity_acks = acknowledgements
                    .iter()
                    .map(|(element, note)| {
                        let element = super::fidelity::Element::parse(element)
                            .ok_or(EditError::UnknownChoice)?;
                        Ok(FidelityAck {
                            element: element.key().to_string(),
                            note: checked_text(note, MAX_TEXT, true)?,
                            acknowledged_on: today,
                        })
                    })
                    .collect::<Result<_, EditError>>()?;
                if outcome.is_empty() {
                    return Err(EditError::UnknownChoice);
                }
                s.status = StayStatus::Discharged;
                s.discharged_on = Some(*on);
                s.discharge_outcome = Some(outcome.clone());
            }
            Change::AddKin(f) => s.next_of_kin.push(super::kin::kin_from(0, f)?),
            Change::EditKin(id, f) => {
                let k = s
                    .next_of_kin
                    .iter_mut()
                    .find(|k| k.id == *id)
                    .ok_or(EditError::NoSuchItem)?;
                *k = super::kin::kin_from(*id, f)?;
            }
            Change::RemoveKin(id) => {
                let n = s.next_of_kin.len();
                s.next_of_kin.retain(|k| k.id != *id);
                if s.next_of_kin.len() == n {
                    return Err(EditError::NoSuchItem);
                }
            }
            // Handled above, before the active check.
            Change::Reopen => return Err(EditError::AlreadyActive),
            Change::Cancel => s.status = StayStatus::Cancelled,
            Change::Delete => return Ok(None),
        }
        Ok(Some(s))
    }
}

/// Apply the discharge evaluation to `s`: goal evaluations, follow-ups done now, and the
/// decisions recorded for the rest. Refuses (naming the first one) while any open item is
/// left without a decision.
fn evaluate_open_items(
    s: &mut Stay,
    on: Date,
    goals: &[(i64, GoalStatus)],
    decisions: &[Handover],
) -> Result<(), EditError> {
    for (id, status) in goals {
        if !status.is_evaluation() {
            return Err(EditError::Undecided(OpenItem::Goal(*id).key()));
        }
        let g = goal_mut(s, *id)?;
        if g.status == GoalStatus::Open || g.closed_on.is_none() {
            g.closed_on = Some(on);
        }
        g.status = *status;
    }
    s.handovers.clear();
    for d in decisions {
        let item = OpenItem::parse(&d.item).ok_or(EditError::NoSuchItem)?;
        match item {
            OpenItem::Goal(_) => return Err(EditError::NoSuchItem),
            OpenItem::FollowUp(id) => {
                let f = s
                    .follow_ups
                    .iter_mut()
                    .find(|f| f.id == id)
                    .ok_or(EditError::NoSuchItem)?;
                if d.decision == Decision::Done {
                    f.done_on = Some(on);
                    continue;
                }
            }
            // A deadline is recorded done with its own form, not here.
            OpenItem::Deadline(_) if d.decision == Decision::Done => {
                return Err(EditError::UnknownChoice);
            }
            OpenItem::Deadline(_) => {}
        }
        // What the receiver must know, or why it is closed: never left blank.
        let note = checked_text(&d.note, MAX_TEXT, true)?;
        s.handovers.push(Handover {
            item: item.key(),
            decision: d.decision,
            note,
        });
    }
    match undecided(s).first() {
        Some(item) => Err(EditError::Undecided(item.key())),
        None => Ok(()),
    }
}

/// The stay back on the board (see [`Change::Reopen`]).
fn reopen(before: &Stay) -> Result<Stay, EditError> {
    if before.status == StayStatus::Active {
        return Err(EditError::AlreadyActive);
    }
    let mut s = before.clone();
    s.status = StayStatus::Active;
    s.discharged_on = None;
    s.discharge_outcome = None;
    for g in &mut s.goals {
        if matches!(
            g.status,
            GoalStatus::PartlyAchieved | GoalStatus::NotAchieved
        ) {
            g.status = GoalStatus::Open;
            g.closed_on = None;
        }
    }
    s.handovers.clear();
    s.fidelity_acks.clear();
    Ok(s)
}

/// A new event from the form's fields, checked against the stay: a kind is chosen, the
/// date lies within the stay so far (not before admission, not after today).
fn event_from(s: &Stay, f: &EventFields, today: Date) -> Result<Event, EditError> {
    if f.kind.trim().is_empty() {
        return Err(EditError::UnknownChoice);
    }
    not_before_admission(s, Some(f.on))?;
    not_in_future(Some(f.on), today)?;
    Ok(Event {
        id: 0,
        occurred_on: f.on,
        // Minutes only: the database keeps `HH:MM`.
        occurred_time: f
            .time
            .and_then(|t| jiff::civil::Time::new(t.hour(), t.minute(), 0, 0).ok()),
        kind: f.kind.clone(),
        note: checked_text(&f.note, MAX_TEXT, false)?,
        recorded_by: String::new(),
        recorded_at: 0,
    })
}

fn goal_mut(s: &mut Stay, id: i64) -> Result<&mut Goal, EditError> {
    s.goals
        .iter_mut()
        .find(|g| g.id == id)
        .ok_or(EditError::NoSuchItem)
}

/// The date a goal was set: on or after admission and not after today.
fn goal_date(s: &Stay, d: Date, today: Date) -> Result<Date, EditError> {
    not_before_admission(s, Some(d))?;
    not_in_future(Some(d), today)?;
    Ok(d)
}

/// A date that records something done (an assessment, a GP visit, a reconciliation, a
/// discharge) cannot lie after today: the board would show as done what has not happened.
fn not_in_future(d: Option<Date>, today: Date) -> Result<(), EditError> {
    match d {
        Some(d) if d > today => Err(EditError::InFuture),
        _ => Ok(()),
    }
}

/// The earliest date on which something is recorded for the stay; moving its admission
/// after it would leave those records before the stay began.
fn first_recorded(s: &Stay) -> Option<Date> {
    [s.assessment_done, s.gp.done_on, s.med_done]
        .into_iter()
        .flatten()
        .chain(s.goals.iter().map(|g| g.set_on))
        .chain(s.events.iter().map(|e| e.occurred_on))
        .min()
}

fn not_before_admission(s: &Stay, d: Option<Date>) -> Result<(), EditError> {
    match d {
        Some(d) if d < s.admitted => Err(EditError::BeforeAdmission),
        _ => Ok(()),
    }
}

fn set_fields(s: &mut Stay, f: &StayFields) -> Result<(), EditError> {
    s.name = checked_text(&f.name, MAX_NAME, true)?;
    let initials = checked_text(&f.initials, MAX_INITIALS, false)?;
    s.initials = if initials.is_empty() {
        super::initials::derive(&s.name)
    } else {
        initials
    };
    s.target_group = f.target_group.clone();
    s.admitted = f.admitted;
    if f.planned_discharge < f.admitted {
        return Err(EditError::BeforeAdmission);
    }
    s.planned_discharge = f.planned_discharge;
    s.primary_contact = checked_text(&f.primary_contact, MAX_SHORT, false)?;
    s.note = checked_text(&f.note, MAX_NOTE, false)?;
    Ok(())
}

/// One line of the audit trail: which field went from what to what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The field-level differences between two versions of a stay, for the audit log.
/// Goals and follow-ups are named by id (`goal.12.text`), so history survives reordering.
pub fn diff(before: Option<&Stay>, after: Option<&Stay>) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut push = |field: String, old: Option<String>, new: Option<String>| {
        if old != new {
            out.push(FieldChange { field, old, new });
        }
    };
    let ds = |d: Option<Date>| d.map(|d| d.to_string());
    let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let b = before;
    let a = after;
    macro_rules! field {
        ($name:expr, $get:expr) => {
            push($name.to_string(), b.and_then($get), a.and_then($get))
        };
    }
    field!("name", |s: &Stay| text(&s.name));
    field!("initials", |s: &Stay| text(&s.initials));
    field!("target_group", |s: &Stay| text(&s.target_group));
    field!("admitted", |s: &Stay| Some(s.admitted.to_string()));
    field!("planned_discharge", |s: &Stay| Some(
        s.planned_discharge.to_string()
    ));
    field!("primary_contact", |s: &Stay| text(&s.primary_contact));
    field!("note", |s: &Stay| text(&s.note));
    field!("status", |s: &Stay| Some(s.status.as_str().to_string()));
    field!("discharged_on", |s: &Stay| ds(s.discharged_on));
    field!("discharge_outcome", |s: &Stay| s.discharge_outcome.clone());
    field!("assessment_done", |s: &Stay| ds(s.assessment_done));
    field!("gp_booked_for", |s: &Stay| ds(s.gp.booked_for));
    field!("gp_done_on", |s: &Stay| ds(s.gp.done_on));
    field!("med_status", |s: &Stay| Some(
        s.med_status.as_str().to_string()
    ));
    field!("med_done", |s: &Stay| ds(s.med_done));
    field!("risks", |s: &Stay| text(&s.risks.join(", ")));
    let goal_ids = ids(b.map(|s| &s.goals[..]), a.map(|s| &s.goals[..]), |g| g.id);
    for id in goal_ids {
        let find = |s: &Stay| s.goals.iter().find(|g| g.id == id).cloned();
        let (gb, ga) = (b.and_then(find), a.and_then(find));
        // The date a goal was set counts for the indicators: recorded when it is added
        // (before its text, so the text stays the last line of an addition) and changed.
        if gb.is_some() || ga.is_some() {
            push(
                format!("goal.{id}.set_on"),
                gb.as_ref()
                    .filter(|_| ga.is_some())
                    .map(|g| g.set_on.to_string()),
                ga.as_ref().map(|g| g.set_on.to_string()),
            );
        }
        push(
            format!("goal.{id}.text"),
            gb.as_ref().map(|g| g.text.clone()),
            ga.as_ref().map(|g| g.text.clone()),
        );
        // A goal added or removed is one line; status and order only matter for a kept goal.
        if gb.is_none() || ga.is_none() {
            continue;
        }
        push(
            format!("goal.{id}.status"),
            gb.as_ref().map(|g| g.status.as_str().to_string()),
            ga.as_ref().map(|g| g.status.as_str().to_string()),
        );
        push(
            format!("goal.{id}.position"),
            gb.as_ref().map(|g| g.position.to_string()),
            ga.as_ref().map(|g| g.position.to_string()),
        );
        push(
            format!("goal.{id}.score_start"),
            gb.as_ref()
                .and_then(|g| g.score_start.map(|n| n.to_string())),
            ga.as_ref()
                .and_then(|g| g.score_start.map(|n| n.to_string())),
        );
        push(
            format!("goal.{id}.score_end"),
            gb.as_ref().and_then(|g| g.score_end.map(|n| n.to_string())),
            ga.as_ref().and_then(|g| g.score_end.map(|n| n.to_string())),
        );
    }
    let fu_ids = ids(
        b.map(|s| &s.follow_ups[..]),
        a.map(|s| &s.follow_ups[..]),
        |f| f.id,
    );
    for id in fu_ids {
        let find = |s: &Stay| s.follow_ups.iter().find(|f| f.id == id).cloned();
        let (fb, fa) = (b.and_then(find), a.and_then(find));
        let describe = |f: &FollowUp| {
            format!(
                "{} [{}]{}",
                f.text,
                f.discipline,
                f.due.map(|d| format!(" → {d}")).unwrap_or_default()
            )
        };
        push(
            format!("follow_up.{id}"),
            fb.as_ref().map(describe),
            fa.as_ref().map(describe),
        );
        push(
            format!("follow_up.{id}.done_on"),
            fb.as_ref().and_then(|f| ds(f.done_on)),
            fa.as_ref().and_then(|f| ds(f.done_on)),
        );
    }
    for kind in DeadlineKind::ALL {
        let get = |s: &Stay| {
            s.delay(kind).map(|d| {
                if d.text.is_empty() {
                    d.reason.clone()
                } else {
                    format!("{}: {}", d.reason, d.text)
                }
            })
        };
        push(
            format!("delay.{}", kind.as_str()),
            b.and_then(get),
            a.and_then(get),
        );
    }
    // One line per event: `event.7`: `2026-11-24 14:30 fall: note`.
    let event_ids = ids(b.map(|s| &s.events[..]), a.map(|s| &s.events[..]), |e| e.id);
    for id in event_ids {
        let get = |s: &Stay| {
            s.events
                .iter()
                .find(|e| e.id == id)
                .map(super::events::describe)
        };
        push(format!("event.{id}"), b.and_then(get), a.and_then(get));
    }
    // One line per next of kin: `kin.4`: `Per (sønn) 99887766 · mål: ja · evaluering: nei`.
    let kin_ids = ids(
        b.map(|s| &s.next_of_kin[..]),
        a.map(|s| &s.next_of_kin[..]),
        |k| k.id,
    );
    for id in kin_ids {
        let get = |s: &Stay| {
            s.next_of_kin
                .iter()
                .find(|k| k.id == id)
                .map(super::kin::describe)
        };
        push(format!("kin.{id}"), b.and_then(get), a.and_then(get));
    }
    // One line per discharge decision: `decision.follow_up.12`: `home_care: note`.
    let mut items: Vec<&str> = b
        .iter()
        .chain(a.iter())
        .flat_map(|s| s.handovers.iter().map(|h| h.item.as_str()))
        .collect();
    items.sort_unstable();
    items.dedup();
    for item in items {
        let get = |s: &Stay| {
            s.handovers.iter().find(|h| h.item == item).map(|h| {
                if h.note.is_empty() {
                    h.decision.as_str().to_string()
                } else {
                    format!("{}: {}", h.decision.as_str(), h.note)
                }
            })
        };
        push(format!("decision.{item}"), b.and_then(get), a.and_then(get));
    }
    // One line per acknowledged fidelity gap: `fidelity.gp`: the note.
    let mut elements: Vec<&str> = b
        .iter()
        .chain(a.iter())
        .flat_map(|s| s.fidelity_acks.iter().map(|x| x.element.as_str()))
        .collect();
    elements.sort_unstable();
    elements.dedup();
    for el in elements {
        let get = |s: &Stay| {
            s.fidelity_acks
                .iter()
                .find(|x| x.element == el)
                .map(|x| x.note.clone())
        };
        push(format!("fidelity.{el}"), b.and_then(get), a.and_then(get));
    }
    out
}

fn ids<T>(b: Option<&[T]>, a: Option<&[T]>, id: fn(&T) -> i64) -> Vec<i64> {
    let mut v: Vec<i64> = b
        .unwrap_or(&[])
        .iter()
        .chain(a.unwrap_or(&[]).iter())
        .map(id)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn stay() -> Stay {
        let mut s = Stay::new(7, "Kari Hansen", date(2026, 11, 20), date(2026, 12, 25));
        s.goals.push(Goal {
            id: 1,
            position: 1,
            text: "Gå til butikken".into(),
            status: GoalStatus::Open,
            set_on: date(2026, 11, 20),
            closed_on: None,
            score_start: None,
            score_end: None,
        });
        s.goals.push(Goal {
            id: 2,
            position: 2,
            text: "Lage middag".into(),
            status: GoalStatus::Open,
            set_on: date(2026, 11, 20),
            closed_on: None,
            score_start: None,
            score_end: None,
        });
        s
    }

    const TODAY: Date = date(2026, 11, 25);

    #[test]
    fn goal_achieved_closes_today_and_reopen_clears() {
        let s = stay();
        let a = Change::GoalStatus(2, GoalStatus::Achieved)
            .apply(Some(&s), TODAY)
            .unwrap()
            .unwrap();
        assert_eq!(a.goals[1].closed_on, Some(TODAY));
        let d = diff(Some(&s), Some(&a));
        assert_eq!(
            d,
            vec![FieldChange {
                field: "goal.2.status".into(),
                old: Some("open".into()),
                new: Some("achieved".into())
            }]
        );
        let back = Change::GoalStatus(2, GoalStatus::Open)
            .apply(Some(&a), TODAY)
            .unwrap()
            .unwrap();
        assert_eq!(back.goals, s.goals);
    }

    #[test]
    fn move_goal_swaps_and_renumbers_and_stops_at_the_ends() {
        let s = stay();
        let a = Change::MoveGoal(2, -1)
            .apply(Some(&s), TODAY)
            .unwrap()
            .unwrap();
        assert_eq!(a.goals.iter().map(|g| g.id).collect::<Vec<_>>(), [2, 1]);
        assert_eq!(
            a.goals.iter().map(|g| g.position).collect::<Vec<_>>(),
            [1, 2]
        );
        let b = Change::MoveGoal(2, -1)
            .apply(Some(&a), TODAY)
            .unwrap()
            .unwrap();
        assert_eq!(b.goals, a.goals);
    }

    #[test]
    fn bad_texts_are_refused() {
        let s = stay();
        assert_eq!(
            Change::AddGoal("  \u{7}\t ".into()).apply(Some(&s), TODAY),
            Err(EditError::Empty)
        );
        assert_eq!(
            Change::AddGoal("x".repeat(MAX_TEXT + 1)).apply(Some(&s), TODAY),
            Err(EditError::TooLong(MAX_TEXT))
        );
        let ok = Change::AddGoal("Gå tur med 🐕 i\u{1b}[31m parken".into())
            .apply(Some(&s), TODAY)
            .unwrap()
            .unwrap();
        assert_eq!(ok.goals[2].text, "Gå tur med 🐕 i parken");
    }

    #[test]
    fn what_was_done_cannot_be_dated_after_today_but_a_booking_can() {
        let s = stay();
        let tomorrow = TODAY.tomorrow().unwrap();
        for change in [
            Change::Assessment(Some(tomorrow)),
            Change::Gp {
                booked_for: None,
                done_on: Some(tomorrow),
            },
            Change::Medication(MedStatus::Done, Some(tomorrow)),
            Change::Discharge {
                on: tomorrow,
                outcome: "home_ordinary".into(),
                goals: vec![],
                decisions: vec![],
                acknowledgements: vec![],
                kin_in_evaluation: vec![],
                end_scores: vec![],
            },
        ] {
            assert_eq!(
                change.apply(Some(&s), TODAY),
                Err(EditError::InFuture),
                "{change:?}"
            );
        }
        let booked = Change::Gp {
            booked_for: Some(tomorrow),
            done_on: None,
        }
        .apply(Some(&s), TODAY)
        .unwrap()
        .unwrap();
        assert_eq!(booked.gp.booked_for, Some(tomorrow));
    }

    #[test]
    fn discharged_stays_cannot_be_edited_and_dates_respect_admission() {
        let mut s = stay();
        s.goals[1].score_end = Some(5);
        assert_eq!(
            Change::Assessment(Some(date(2026, 11, 1))).apply(Some(&s), TODAY),
            Err(EditError::BeforeAdmission)
        );
        let change = Change::Discharge {
            on: TODAY,
            outcome: "home_ordinary".into(),
            goals: vec![(1, GoalStatus::Achieved), (2, GoalStatus::NotAchieved)],
            decisions: vec![
                Handover {
                    item: "assessment".into(),
                    decision: Decision::Closed,
                    note: "x".into(),
                },
                Handover {
                    item: "gp".into(),
                    decision: Decision::Gp,
                    note: "x".into(),
                },
                Handover {
                    item: "medication".into(),
                    decision: Decision::HomeCare,
                    note: "x".into(),
                },
            ],
            acknowledgements: vec![],
            kin_in_evaluation: vec![],
            end_scores: vec![(1, Some(7)), (2, None)],
        };
        let d = change.apply(Some(&s), TODAY).unwrap().unwrap();
        assert_eq!(d.status, StayStatus::Discharged);
        // The end scores asked at discharge: 7, and «ikke målt» clears the 5 typed earlier.
        assert_eq!(d.goals[0].score_end, Some(7));
        assert_eq!(d.goals[1].score_end, None);
        let audit = diff(Some(&s), Some(&d));
        assert!(audit.iter().any(|c| c.field == "goal.1.score_end"
            && c.old.is_none()
            && c.new.as_deref() == Some("7")));
        let mut eleven = change.clone();
        if let Change::Discharge { end_scores, .. } = &mut eleven {
            end_scores[0].1 = Some(11);
        }
        assert_eq!(eleven.apply(Some(&s), TODAY), Err(EditError::UnknownChoice));
        assert_eq!(
            Change::AddGoal("x".into()).apply(Some(&d), TODAY),
            Err(EditError::NotActive)
        );
        assert_eq!(
            Change::Restore(Some(Box::new(s.clone()))).apply(Some(&d), TODAY),
            Ok(Some(s))
        );
    }

    #[test]
    fn creation_diff_lists_every_set_field() {
        let created = Change::Create(StayFields {
            name: "Ola Nordmann".into(),
            initials: String::new(),
            target_group: "new_user".into(),
            admitted: TODAY,
            planned_discharge: date(2026, 12, 30),
            primary_contact: String::new(),
            note: String::new(),
        })
        .apply(None, TODAY)
        .unwrap()
        .unwrap();
        assert_eq!(created.initials, "ON");
        let fields: Vec<String> = diff(None, Some(&created))
            .into_iter()
            .map(|c| c.field)
            .collect();
        assert!(fields.contains(&"name".to_string()));
        assert!(fields.contains(&"status".to_string()));
        assert!(!fields.contains(&"note".to_string()));
    }

    #[test]
    fn a_goal_set_on_date_is_checked_stored_and_audited() {
        let s = stay();
        assert_eq!(
            Change::AddGoalOn("x".into(), date(2026, 11, 19)).apply(Some(&s), TODAY),
            Err(EditError::BeforeAdmission)
        );
        assert_eq!(
            Change::AddGoalOn("x".into(), date(2026, 11, 26)).apply(Some(&s), TODAY),
            Err(EditError::InFuture)
        );
        let added = Change::AddGoalOn("Bake brød".into(), date(2026, 11, 22))
            .apply(Some(&s), TODAY)
            .unwrap()
            .unwrap();
        assert_eq!(added.goals[2].set_on, date(2026, 11, 22));
        let edited = Change::EditGoalOn(1, "Gå til butikken".into(), date(2026, 11, 21))
            .apply(Some(&s), TODAY)
            .unwrap()
            .unwrap();
        assert_eq!(
            diff(Some(&s), Some(&edited)),
            vec![FieldChange {
                field: "goal.1.set_on".into(),
                old: Some("2026-11-20".into()),
                new: Some("2026-11-21".into())
            }]
        );
    }
}
