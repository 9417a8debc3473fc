//! Plain data loaded from the store. No behaviour beyond small accessors.

use jiff::civil::{Date, Time};

/// Row id of a stay.
pub type StayId = i64;

/// Where a stay is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StayStatus {
    Active,
    Discharged,
    Cancelled,
}

impl StayStatus {
    /// Stable database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Discharged => "discharged",
            Self::Cancelled => "cancelled",
        }
    }
    /// Parse the database spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "active" => Self::Active,
            "discharged" => Self::Discharged,
            "cancelled" => Self::Cancelled,
            _ => return None,
        })
    }
}

/// Status of one of the person's goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalStatus {
    Open,
    Achieved,
    /// Evaluated at discharge: partly achieved.
    PartlyAchieved,
    /// Evaluated at discharge: not achieved.
    NotAchieved,
    Dropped,
}

impl GoalStatus {
    /// Stable database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Achieved => "achieved",
            Self::PartlyAchieved => "partly",
            Self::NotAchieved => "not_achieved",
            Self::Dropped => "dropped",
        }
    }
    /// Parse the database spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "open" => Self::Open,
            "achieved" => Self::Achieved,
            "partly" => Self::PartlyAchieved,
            "not_achieved" => Self::NotAchieved,
            "dropped" => Self::Dropped,
            _ => return None,
        })
    }
}

impl GoalStatus {
    /// True for the three answers of the discharge evaluation (achieved, partly, not).
    pub fn is_evaluation(self) -> bool {
        matches!(
            self,
            Self::Achieved | Self::PartlyAchieved | Self::NotAchieved
        )
    }
}

/// What was decided at discharge about an item still open (a follow-up not done, a
/// deadline not met).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Done now (follow-ups only): the follow-up is marked done on the discharge date.
    Done,
    /// Carried over to the ordinary home-care service (videreført til hjemmetjenesten).
    HomeCare,
    /// Carried over to the person's GP (videreført til fastlegen).
    Gp,
    /// Carried over to someone else, named in the note.
    Other,
    /// Closed without being done: no longer relevant (the note says why).
    Closed,
}

impl Decision {
    /// Every decision, in the order the form offers them.
    pub const ALL: [Decision; 5] = [
        Decision::Done,
        Decision::HomeCare,
        Decision::Gp,
        Decision::Other,
        Decision::Closed,
    ];
    /// Stable database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::HomeCare => "home_care",
            Self::Gp => "gp",
            Self::Other => "other",
            Self::Closed => "closed",
        }
    }
    /// Parse the database spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// A decision recorded at discharge for one open item (`item` as
/// [`crate::domain::discharge::OpenItem::key`] spells it: `follow_up.12`, `gp`, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Handover {
    pub item: String,
    pub decision: Decision,
    pub note: String,
}

/// Medication reconciliation (legemiddelsamstemming) progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MedStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl MedStatus {
    /// Stable database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::InProgress => "in_progress",
            Self::Done => "done",
        }
    }
    /// Parse the database spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "not_started" => Self::NotStarted,
            "in_progress" => Self::InProgress,
            "done" => Self::Done,
            _ => return None,
        })
    }
}

/// A deadline the board tracks; a delay reason can be recorded against each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeadlineKind {
    Assessment,
    Gp,
    Medication,
    Discharge,
}

impl DeadlineKind {
    /// All kinds, in board order.
    pub const ALL: [DeadlineKind; 4] = [
        DeadlineKind::Assessment,
        DeadlineKind::Gp,
        DeadlineKind::Medication,
        DeadlineKind::Discharge,
    ];
    /// Stable database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Assessment => "assessment",
            Self::Gp => "gp",
            Self::Medication => "medication",
            Self::Discharge => "discharge",
        }
    }
    /// Parse the database spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One goal in the person's own words ("hva er viktig for deg").
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub id: i64,
    pub position: i64,
    pub text: String,
    pub status: GoalStatus,
    pub set_on: Date,
    pub closed_on: Option<Date>,
    /// The person's own score (0–10, patient-specific functional scale) of how well they
    /// manage this goal, at the home visit.
    pub score_start: Option<u8>,
    /// The same score at discharge.
    pub score_end: Option<u8>,
}

impl Goal {
    /// The change in the person's own score (end − start), when both are recorded.
    pub fn score_change(&self) -> Option<i32> {
        Some(i32::from(self.score_end?) - i32::from(self.score_start?))
    }
}

/// An unmet core element of the model, acknowledged with a note at discharge
/// (`element` as [`crate::domain::fidelity::Element::key`] spells it).
#[derive(Debug, Clone, PartialEq)]
pub struct FidelityAck {
    pub element: String,
    pub note: String,
    pub acknowledged_on: Date,
}

/// An agreed follow-up task for one discipline.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub id: i64,
    pub text: String,
    pub discipline: String,
    pub due: Option<Date>,
    pub done_on: Option<Date>,
    pub created_on: Date,
}

/// A known reason why a deadline was missed.
#[derive(Debug, Clone, PartialEq)]
pub struct Delay {
    pub kind: DeadlineKind,
    pub reason: String,
    pub text: String,
}

/// The GP appointment (legetime) of a stay.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GpAppointment {
    pub booked_for: Option<Date>,
    pub done_on: Option<Date>,
}

/// Something that happened to the person during the stay (a fall, a hospital admission,
/// a call to the out-of-hours doctor…): what the stand-up asks about first.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: i64,
    pub occurred_on: Date,
    /// The time of day, when known (minutes; seconds are never stored).
    pub occurred_time: Option<Time>,
    /// A key from the configured `event_kinds` list.
    pub kind: String,
    pub note: String,
    /// Who recorded it and when (Unix seconds); set by the store when the event is new.
    pub recorded_by: String,
    pub recorded_at: i64,
}

/// One admission to the virtual ward, with everything the board shows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stay {
    pub id: StayId,
    pub name: String,
    pub initials: String,
    pub target_group: String,
    pub admitted: Date,
    pub planned_discharge: Date,
    pub primary_contact: String,
    pub status: StayStatus,
    pub discharged_on: Option<Date>,
    pub discharge_outcome: Option<String>,
    pub note: String,
    /// Bumped on every change; used for optimistic concurrency.
    pub version: i64,
    /// Unix seconds of the last change to the stay or anything under it.
    pub updated_at: i64,
    pub assessment_done: Option<Date>,
    pub gp: GpAppointment,
    pub med_status: MedStatus,
    pub med_done: Option<Date>,
    pub risks: Vec<String>,
    pub goals: Vec<Goal>,
    pub follow_ups: Vec<FollowUp>,
    pub delays: Vec<Delay>,
    /// Decisions made at discharge about items left open (carried over or closed).
    pub handovers: Vec<Handover>,
    /// The date of the last stand-up that discussed this stay (from the meeting log).
    pub last_discussed: Option<Date>,
    /// What happened to the person, oldest first (by date, then time; no time first).
    pub events: Vec<Event>,
    /// Unix seconds up to which this stay's events were seen at a stand-up: the end of
    /// the last meeting that discussed it (its discussion time while that meeting runs).
    /// Events recorded later are "new since last time". From the meeting log, not audited.
    pub events_seen_at: Option<i64>,
    /// Every date a stand-up discussed this stay, oldest first (from the meeting log; never
    /// written with the stay). Model fidelity reads the board meetings from it.
    pub discussed_on: Vec<Date>,
    /// Unmet core elements of the model acknowledged at discharge.
    pub fidelity_acks: Vec<FidelityAck>,
    /// Next of kin (pårørende); never shown on a kiosk (the kiosk drops them on load).
    pub next_of_kin: Vec<super::kin::NextOfKin>,
}

impl Stay {
    /// A new active stay with nothing recorded yet.
    pub fn new(id: StayId, name: &str, admitted: Date, planned_discharge: Date) -> Self {
        Self {
            id,
            name: name.to_string(),
            initials: super::initials::derive(name),
            target_group: String::new(),
            admitted,
            planned_discharge,
            primary_contact: String::new(),
            status: StayStatus::Active,
            discharged_on: None,
            discharge_outcome: None,
            note: String::new(),
            version: 1,
            updated_at: 0,
            assessment_done: None,
            gp: GpAppointment::default(),
            med_status: MedStatus::NotStarted,
            med_done: None,
            risks: Vec::new(),
            goals: Vec::new(),
            follow_ups: Vec::new(),
            delays: Vec::new(),
            handovers: Vec::new(),
            last_discussed: None,
            events: Vec::new(),
            events_seen_at: None,
            discussed_on: Vec::new(),
            fidelity_acks: Vec::new(),
            next_of_kin: Vec::new(),
        }
    }

    /// The recorded delay reason for a deadline, if any.
    pub fn delay(&self, kind: DeadlineKind) -> Option<&Delay> {
        self.delays.iter().find(|d| d.kind == kind)
    }
}
