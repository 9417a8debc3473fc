//! Discharge as the systematic evaluation the model asks for: what is still open on a stay,
//! and what must be decided about each item before the stay may leave the board.
//!
//! Open at discharge: goals not yet evaluated (status open), follow-ups not done, and the
//! assessment, GP appointment and medication reconciliation when not done (whatever their
//! deadline: a GP appointment booked for after the discharge is open too). Each goal gets an
//! evaluation (achieved / partly / not achieved); each other item is done now (follow-ups),
//! carried over (home care, GP, someone else) or closed, with a note.

use super::model::{DeadlineKind, GoalStatus, MedStatus, Stay};

/// One item still open on a stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenItem {
    Goal(i64),
    FollowUp(i64),
    /// Assessment, GP or medication (never `Discharge`).
    Deadline(DeadlineKind),
}

impl OpenItem {
    /// Stable spelling, used in the database (`discharge_items.item`) and the audit log.
    pub fn key(self) -> String {
        match self {
            Self::Goal(id) => format!("goal.{id}"),
            Self::FollowUp(id) => format!("follow_up.{id}"),
            Self::Deadline(k) => k.as_str().to_string(),
        }
    }

    /// Parse [`OpenItem::key`].
    pub fn parse(s: &str) -> Option<Self> {
        if let Some(id) = s.strip_prefix("goal.") {
            return id.parse().ok().map(Self::Goal);
        }
        if let Some(id) = s.strip_prefix("follow_up.") {
            return id.parse().ok().map(Self::FollowUp);
        }
        match DeadlineKind::parse(s)? {
            DeadlineKind::Discharge => None,
            k => Some(Self::Deadline(k)),
        }
    }
}

/// Everything still open on `stay`, in the order the evaluation asks about it: goals (in the
/// person's order), follow-ups (in board order), then assessment, GP and medication.
pub fn open_items(stay: &Stay) -> Vec<OpenItem> {
    let mut out: Vec<OpenItem> = stay
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Open)
        .map(|g| OpenItem::Goal(g.id))
        .collect();
    out.extend(
        stay.follow_ups
            .iter()
            .filter(|f| f.done_on.is_none())
            .map(|f| OpenItem::FollowUp(f.id)),
    );
    if stay.assessment_done.is_none() {
        out.push(OpenItem::Deadline(DeadlineKind::Assessment));
    }
    if stay.gp.done_on.is_none() {
        out.push(OpenItem::Deadline(DeadlineKind::Gp));
    }
    if stay.med_status != MedStatus::Done {
        out.push(OpenItem::Deadline(DeadlineKind::Medication));
    }
    out
}

/// The open items no decision covers yet (a goal is covered by being evaluated, anything
/// else by a recorded [`super::Handover`]).
pub fn undecided(stay: &Stay) -> Vec<OpenItem> {
    open_items(stay)
        .into_iter()
        .filter(|i| {
            let key = i.key();
            !stay.handovers.iter().any(|h| h.item == key)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{FollowUp, Goal};
    use jiff::civil::date;

    #[test]
    fn keys_round_trip_and_discharge_is_not_an_item() {
        for i in [
            OpenItem::Goal(3),
            OpenItem::FollowUp(12),
            OpenItem::Deadline(DeadlineKind::Gp),
            OpenItem::Deadline(DeadlineKind::Medication),
        ] {
            assert_eq!(OpenItem::parse(&i.key()), Some(i));
        }
        assert_eq!(OpenItem::parse("discharge"), None);
        assert_eq!(OpenItem::parse("goal.x"), None);
    }

    #[test]
    fn open_items_lists_goals_follow_ups_and_unmet_deadlines() {
        let d = date(2026, 11, 1);
        let mut s = Stay::new(1, "A", d, date(2026, 12, 6));
        s.goals.push(Goal {
            id: 7,
            position: 1,
            text: "g".into(),
            status: GoalStatus::Open,
            set_on: d,
            closed_on: None,
            score_start: None,
            score_end: None,
        });
        s.goals.push(Goal {
            id: 8,
            position: 2,
            text: "h".into(),
            status: GoalStatus::Achieved,
            set_on: d,
            closed_on: Some(d),
            score_start: None,
            score_end: None,
        });
        s.follow_ups.push(FollowUp {
            id: 4,
            text: "f".into(),
            discipline: "nurse".into(),
            due: None,
            done_on: None,
            created_on: d,
        });
        s.assessment_done = Some(d);
        s.med_status = MedStatus::InProgress;
        assert_eq!(
            open_items(&s),
            [
                OpenItem::Goal(7),
                OpenItem::FollowUp(4),
                OpenItem::Deadline(DeadlineKind::Gp),
                OpenItem::Deadline(DeadlineKind::Medication),
            ]
        );
    }
}
