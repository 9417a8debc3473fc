//! Stand-up mode: step through the stays one at a time inside a time box, record each one
//! discussed in the meeting log, and sum up at the end. Editing keys keep working on the
//! stay in focus, so follow-ups are added without leaving the mode.

use super::{Action, App, Overlay, Request};
use crate::domain::StayId;
use crate::domain::standup::order;
use jiff::civil::{Date, DateTime};

/// A meeting-log write the runtime performs (it adds who and when).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeetingOp {
    Start {
        date: Date,
    },
    Discussed {
        meeting_id: i64,
        stay_id: StayId,
    },
    End {
        meeting_id: i64,
    },
    /// `name` (of `discipline`) is present at the meeting, or not.
    Attend {
        meeting_id: i64,
        name: String,
        discipline: String,
        present: bool,
    },
}

/// A running stand-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Standup {
    /// Set once the meeting row exists.
    pub meeting_id: Option<i64>,
    pub started: DateTime,
    pub order: Vec<StayId>,
    pub pos: usize,
    /// Recorded as discussed, in order.
    pub discussed: Vec<StayId>,
    /// Discussed before the meeting row existed; sent when it does.
    unsent: Vec<StayId>,
    pub follow_ups_created: usize,
    /// When the stay in focus came into focus.
    focus_since: DateTime,
    /// Seconds spent on each stay before its current visit.
    dwelt: std::collections::HashMap<StayId, i64>,
    /// Per stay, when its events were last seen at a stand-up, as it was when this meeting
    /// started: what this meeting shows as "since last time" stays put while the meeting
    /// itself records the stay as discussed.
    pub seen_at: std::collections::HashMap<StayId, Option<i64>>,
    /// Who is ticked present (name, discipline), in ticking order.
    pub present: Vec<(String, String)>,
}

impl Standup {
    /// The events of `stay` recorded since it was last discussed, as of the meeting's start.
    pub fn new_events<'a>(&self, stay: &'a crate::domain::Stay) -> Vec<&'a crate::domain::Event> {
        let seen = self
            .seen_at
            .get(&stay.id)
            .copied()
            .unwrap_or(stay.events_seen_at);
        crate::domain::events::new_since(stay, seen)
    }

    /// The stay in focus.
    pub fn focused(&self) -> Option<StayId> {
        self.order.get(self.pos).copied()
    }

    /// Seconds the meeting has spent on the stay in focus, this visit and earlier ones.
    pub fn dwell(&self, now: DateTime) -> i64 {
        let Some(id) = self.focused() else { return 0 };
        self.dwelt.get(&id).copied().unwrap_or(0) + seconds(self.focus_since, now)
    }

    /// Whether the stay in focus is already recorded as discussed.
    pub fn focused_discussed(&self) -> bool {
        self.focused()
            .is_some_and(|id| self.discussed.contains(&id))
    }

    /// Leave the stay in focus for `pos` at `now`, keeping the time spent on it.
    fn move_focus(&mut self, pos: usize, now: DateTime) {
        if let Some(id) = self.focused() {
            *self.dwelt.entry(id).or_insert(0) += seconds(self.focus_since, now);
        }
        self.pos = pos;
        self.focus_since = now;
    }
}

fn seconds(from: DateTime, to: DateTime) -> i64 {
    from.until(to)
        .ok()
        .and_then(|s| s.total(jiff::Unit::Second).ok())
        .unwrap_or(0.0)
        .max(0.0) as i64
}

/// What the end-of-meeting screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub discussed: usize,
    pub of: usize,
    /// Red items on the board at the end.
    pub overdue_items: usize,
    pub follow_ups_created: usize,
    pub minutes_used: i64,
    /// Names (as shown) of the stays not discussed.
    pub missed: Vec<String>,
}

impl App {
    pub(super) fn apply_standup(&mut self, action: Action) -> bool {
        match action {
            Action::StartStandup => {
                if self.rows.is_empty() || self.standup.is_some() {
                    return false;
                }
                // A planned admission is not yet the ward's to discuss: coverage is over the
                // stays active today, exactly as the indicators count them.
                let today = self.today();
                let pairs: Vec<_> = self
                    .rows
                    .iter()
                    .map(|r| (&self.stays[r.stay], &r.flags))
                    .filter(|(s, _)| s.admitted <= today)
                    .collect();
                if pairs.is_empty() {
                    return false;
                }
                let order = order(&pairs, self.config.standup.order);
                let seen_at = pairs
                    .iter()
                    .map(|(s, _)| (s.id, s.events_seen_at))
                    .collect();
                self.standup = Some(Standup {
                    meeting_id: None,
                    started: self.now,
                    order,
                    pos: 0,
                    discussed: Vec::new(),
                    unsent: Vec::new(),
                    follow_ups_created: 0,
                    focus_since: self.now,
                    dwelt: Default::default(),
                    seen_at,
                    present: Vec::new(),
                });
                self.summary = None;
                self.overlay = Overlay::None;
                self.requests
                    .push(Request::Meeting(MeetingOp::Start { date: self.today() }));
            }
            Action::StandupStep(delta) => {
                let Some(st) = &self.standup else {
                    return false;
                };
                let next = st.pos as i64 + delta;
                if next < 0 || next as usize >= st.order.len() {
                    return false;
                }
                self.discussed_if_dwelt();
                let now = self.now;
                if let Some(st) = &mut self.standup {
                    st.move_focus(next as usize, now);
                }
            }
            Action::EndStandup => {
                if self.standup.is_none() {
                    return false;
                }
                self.discussed_if_dwelt();
                let Some(st) = self.standup.take() else {
                    return false;
                };
                if let Some(id) = st.meeting_id {
                    self.requests
                        .push(Request::Meeting(MeetingOp::End { meeting_id: id }));
                }
                let missed = st
                    .order
                    .iter()
                    .filter(|id| !st.discussed.contains(id))
                    .filter_map(|id| {
                        self.rows
                            .iter()
                            .find(|r| self.stays[r.stay].id == *id)
                            .map(|r| r.label.clone())
                    })
                    .collect();
                let minutes = st
                    .started
                    .until(self.now)
                    .ok()
                    .and_then(|s| s.total(jiff::Unit::Second).ok())
                    .unwrap_or(0.0);
                self.summary = Some(Summary {
                    discussed: st.discussed.len(),
                    of: st.order.len(),
                    overdue_items: self.rows.iter().map(|r| r.flags.overdue_count).sum(),
                    follow_ups_created: st.follow_ups_created,
                    minutes_used: (minutes / 60.0).ceil() as i64,
                    missed,
                });
                self.overlay = Overlay::None;
            }
            Action::CloseSummary => self.summary = None,
            Action::ToggleAttendance => {
                // The same checklist records who is at the fagmøte.
                if self.standup.is_none() && self.fagmote.is_some() {
                    return self.toggle_case_attendance();
                }
                let Some(staff) = self.config.staff.get(self.cursor).cloned() else {
                    return false;
                };
                let Some(st) = &mut self.standup else {
                    return false;
                };
                let Some(meeting_id) = st.meeting_id else {
                    self.status = Some(super::Status {
                        text: crate::i18n::event_strings(self.config.language)
                            .meeting_not_ready
                            .to_string(),
                        error: true,
                    });
                    return true;
                };
                let present = !st.present.iter().any(|(n, _)| *n == staff.name);
                if present {
                    st.present
                        .push((staff.name.clone(), staff.discipline.clone()));
                } else {
                    st.present.retain(|(n, _)| *n != staff.name);
                }
                self.requests.push(Request::Meeting(MeetingOp::Attend {
                    meeting_id,
                    name: staff.name,
                    discipline: staff.discipline,
                    present,
                }));
            }
            Action::MarkDiscussed => {
                if self.standup.as_ref().is_none_or(|s| s.focused_discussed()) {
                    return false;
                }
                self.discussed_focus();
            }
            Action::MeetingStarted(id) => {
                let Some(st) = &mut self.standup else {
                    return false;
                };
                st.meeting_id = Some(id);
                for stay_id in std::mem::take(&mut st.unsent) {
                    self.requests.push(Request::Meeting(MeetingOp::Discussed {
                        meeting_id: id,
                        stay_id,
                    }));
                }
            }
            Action::MeetingError(msg) => {
                self.status = Some(super::Status {
                    text: msg,
                    error: true,
                });
            }
            _ => return false,
        }
        self.sync_focus();
        true
    }

    /// Record the stay in focus as discussed if the meeting stayed on it long enough.
    /// Called on every tick, so the mark appears while the team is still on the stay.
    pub(super) fn discussed_if_dwelt(&mut self) -> bool {
        let need = i64::from(self.config.standup.discussed_after_seconds);
        let Some(st) = &self.standup else {
            return false;
        };
        if st.focused_discussed() || st.dwell(self.now) < need {
            return false;
        }
        self.discussed_focus();
        true
    }

    /// Record the stay in focus as discussed (once).
    pub(super) fn discussed_focus(&mut self) {
        let Some(st) = &mut self.standup else { return };
        let Some(id) = st.focused() else { return };
        if st.discussed.contains(&id) {
            return;
        }
        st.discussed.push(id);
        match st.meeting_id {
            Some(meeting_id) => self.requests.push(Request::Meeting(MeetingOp::Discussed {
                meeting_id,
                stay_id: id,
            })),
            None => st.unsent.push(id),
        }
    }

    /// Keep the board's selection on the stay in focus, so every editing key acts on it.
    /// A stay that left the board during the meeting (discharged) counts as discussed.
    pub(super) fn sync_focus(&mut self) {
        loop {
            let Some(st) = &self.standup else { return };
            let Some(id) = st.focused() else { return };
            if let Some(i) = self.rows.iter().position(|r| self.stays[r.stay].id == id) {
                self.selected = i;
                return;
            }
            self.discussed_focus();
            let Some(st) = &mut self.standup else { return };
            st.order.remove(st.pos);
            if st.order.is_empty() {
                return;
            }
            st.pos = st.pos.min(st.order.len() - 1);
        }
    }
}
