//! Fidelity to the virtual-ward model (modelltrofasthet): for one stay, how each core element
//! of the model stands, and which record shows it. Pure functions of (stay, rules, today).
//!
//! The seed lists the core elements; each is checked against the board's own deadlines
//! ([`Rules::deadline`]: target-group days, weekends and holidays), so fidelity never says
//! something the board contradicts:
//!
//! | element | met when | record |
//! |---|---|---|
//! | 5-week stay | discharged by day 35 (the default planned discharge, moved off a weekend or holiday as the rules move deadlines) | `stays.discharged_on`, `delays` |
//! | home visit | assessment done by the assessment day (day 3) | `assessments.done_on` |
//! | goals with the person | a goal set by the assessment day | earliest `goals.set_on` |
//! | primary contact | a named primary contact | `stays.primary_contact` |
//! | board meetings | discussed at a stand-up by day N and never more than N days without (N = `not_discussed_days`, the board's «not discussed» mark) | `meeting_stays` |
//! | GP appointment | held by the GP day (day 14) | `gp_appointments.done_on` |
//! | medication reconciliation | done by the medication day | `medication_reconciliations` |
//! | systematic evaluation | discharged with every open item evaluated or decided and an outcome | `goals.status`, `discharge_items`, `stays.discharge_outcome` |
//!
//! Each element is *met* (done in time), *met late* (done after its deadline; for the 5-week
//! stay: discharged after day 35 with a recorded delay reason), *not met* (its deadline has
//! passed without it; for the 5-week stay also a late discharge without a reason), or *not
//! yet due* (its deadline is still ahead, or the stay was discharged before it: as the
//! report's «ended before the deadline», never owed and left out of the shares). Cancelled
//! stays have no fidelity.

use super::dates::{add_days, days_between};
use super::discharge::undecided;
use super::flags::Rules;
use super::model::{DeadlineKind, GoalStatus, MedStatus, Stay, StayStatus};
use jiff::civil::Date;

/// One core element of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Element {
    StayLength,
    HomeVisit,
    Goals,
    PrimaryContact,
    BoardMeetings,
    Gp,
    Medication,
    Evaluation,
}

impl Element {
    /// Every element, in the order of the model (and of every list that shows them).
    pub const ALL: [Element; 8] = [
        Element::StayLength,
        Element::HomeVisit,
        Element::Goals,
        Element::PrimaryContact,
        Element::BoardMeetings,
        Element::Gp,
        Element::Medication,
        Element::Evaluation,
    ];

    /// Stable spelling: database (`fidelity_acknowledgements.element`), JSON, CSV, config.
    pub fn key(self) -> &'static str {
        match self {
            Self::StayLength => "stay_length",
            Self::HomeVisit => "home_visit",
            Self::Goals => "goals",
            Self::PrimaryContact => "primary_contact",
            Self::BoardMeetings => "board_meetings",
            Self::Gp => "gp",
            Self::Medication => "medication",
            Self::Evaluation => "evaluation",
        }
    }

    /// Parse [`Element::key`].
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.key() == s)
    }
}

/// How a stay stands against one element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    Met,
    MetLate,
    NotMet,
    NotYetDue,
}

/// Which record shows the state, with what it says (worded by the UI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// Discharged on a date, on day `day` of the stay; `delay`: the recorded delay reason
    /// (key, free text).
    Discharged {
        on: Date,
        day: i64,
        delay: Option<(String, String)>,
    },
    /// Still on the board on day `day`; `delay`: a recorded delay reason for the discharge.
    Active {
        day: i64,
        delay: Option<(String, String)>,
    },
    /// The assessment (home visit) recorded done.
    Assessment(Date),
    /// `count` goals, the first set on `first`.
    Goals { count: usize, first: Date },
    /// The named primary contact.
    Contact(String),
    /// Discussed at `times` stand-ups, the first on `first`, the last on `last`; the longest
    /// stretch without being discussed was `longest_gap` days, ending on `gap_end`.
    Discussed {
        times: usize,
        first: Date,
        last: Date,
        longest_gap: i64,
        gap_end: Date,
    },
    /// The GP appointment held.
    GpHeld(Date),
    /// The GP appointment booked (not held).
    GpBooked(Date),
    /// The reconciliation marked done (the date, when recorded).
    MedicationDone(Option<Date>),
    /// The reconciliation in progress.
    MedicationInProgress,
    /// The discharge evaluation: goals evaluated of goals to evaluate, decisions recorded,
    /// the outcome.
    Evaluation {
        goals_evaluated: usize,
        goals: usize,
        decisions: usize,
        undecided: usize,
        outcome: Option<String>,
    },
    /// No record shows it (yet).
    Missing,
}

/// One element checked for one stay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub element: Element,
    pub state: State,
    /// When it was done (or the stay discharged), if it was.
    pub date: Option<Date>,
    /// The date it is due by, when the element has a deadline.
    pub due: Option<Date>,
    pub evidence: Evidence,
    /// The note it was acknowledged with at discharge, if it was.
    pub acknowledged: Option<String>,
}

/// The end of the stay as fidelity sees it: the discharge date, if discharged.
fn ended(stay: &Stay) -> Option<Date> {
    (stay.status == StayStatus::Discharged)
        .then_some(stay.discharged_on)
        .flatten()
}

/// A deadline element: done by `due` is met, done later met late; not done is not met once
/// the deadline has passed. A stay discharged before the deadline without it never came to
/// owe it: not yet due (and left out of the shares), as the report's «ended before the
/// deadline».
fn by_deadline(stay: &Stay, due: Date, done: Option<Date>, today: Date) -> (State, Option<Date>) {
    match done {
        Some(d) if d <= due => (State::Met, Some(d)),
        Some(d) => (State::MetLate, Some(d)),
        None => match ended(stay) {
            Some(end) if end < due => (State::NotYetDue, None),
            Some(_) => (State::NotMet, None),
            None if today > due => (State::NotMet, None),
            None => (State::NotYetDue, None),
        },
    }
}

/// True when the stay was discharged before `due` (so an element due then was never owed).
pub fn ended_before(stay: &Stay, due: Option<Date>) -> bool {
    matches!((ended(stay), due), (Some(end), Some(due)) if end < due)
}

/// The date the model's five weeks end for `stay`: day `stay_length_days` (the default
/// planned discharge), the same date the report's «discharged on time» uses.
pub fn stay_length_due(stay: &Stay, rules: &Rules) -> Date {
    rules.default_discharge(stay.admitted)
}

fn stay_length(stay: &Stay, rules: &Rules, today: Date) -> Check {
    let due = stay_length_due(stay, rules);
    let delay = stay
        .delay(DeadlineKind::Discharge)
        .map(|d| (d.reason.clone(), d.text.clone()));
    let day = |d: Date| days_between(stay.admitted, d) + 1;
    let (state, date, evidence) = match ended(stay) {
        Some(on) => {
            let state = if on <= due {
                State::Met
            } else if delay.is_some() {
                State::MetLate
            } else {
                State::NotMet
            };
            let evidence = Evidence::Discharged {
                on,
                day: day(on),
                delay,
            };
            (state, Some(on), evidence)
        }
        None => {
            let state = if today > due {
                State::NotMet
            } else {
                State::NotYetDue
            };
            (
                state,
                None,
                Evidence::Active {
                    day: day(today),
                    delay,
                },
            )
        }
    };
    Check {
        element: Element::StayLength,
        state,
        date,
        due: Some(due),
        evidence,
        acknowledged: None,
    }
}

/// Board meetings: the stretches without a stand-up, as the board counts them (from the day
/// before admission, so a stay admitted today has missed nothing).
fn board_meetings(stay: &Stay, rules: &Rules, today: Date) -> Check {
    let n = i64::from(rules.not_discussed_days);
    let start = add_days(stay.admitted, -1);
    let end = ended(stay).unwrap_or(today);
    let mut dates: Vec<Date> = stay
        .discussed_on
        .iter()
        .copied()
        .filter(|d| *d >= stay.admitted && *d <= end)
        .collect();
    dates.sort_unstable();
    dates.dedup();
    // Without the board's rule (0), one stand-up during the stay is enough, by its end.
    let due = (n > 0).then(|| add_days(start, n));
    let check = |state, date, evidence| Check {
        element: Element::BoardMeetings,
        state,
        date,
        due,
        evidence,
        acknowledged: None,
    };
    let (Some(&first), Some(&last)) = (dates.first(), dates.last()) else {
        let state = if today < stay.admitted || due.is_some_and(|d| end <= d) {
            State::NotYetDue
        } else {
            State::NotMet
        };
        return check(state, None, Evidence::Missing);
    };
    let mut longest = (0i64, first);
    let mut prev = start;
    for d in dates.iter().copied().chain(std::iter::once(end)) {
        let gap = days_between(prev, d);
        if gap > longest.0 {
            longest = (gap, d);
        }
        prev = d;
    }
    let trailing = days_between(last, end);
    let state = if n == 0 || longest.0 <= n {
        State::Met
    } else if ended(stay).is_none() && trailing > n {
        // The board marks the stay «not discussed» right now.
        State::NotMet
    } else {
        State::MetLate
    };
    check(
        state,
        Some(first),
        Evidence::Discussed {
            times: dates.len(),
            first,
            last,
            longest_gap: longest.0,
            gap_end: longest.1,
        },
    )
}

fn evaluation(stay: &Stay, today: Date) -> Check {
    let goals: Vec<_> = stay
        .goals
        .iter()
        .filter(|g| g.status != GoalStatus::Dropped)
        .collect();
    let goals_evaluated = goals.iter().filter(|g| g.status.is_evaluation()).count();
    let open = undecided(stay).len();
    let outcome = stay.discharge_outcome.clone().filter(|o| !o.is_empty());
    let evidence = Evidence::Evaluation {
        goals_evaluated,
        goals: goals.len(),
        decisions: stay.handovers.len(),
        undecided: open,
        outcome: outcome.clone(),
    };
    let (state, date) = match ended(stay) {
        Some(on) if open == 0 && outcome.is_some() => (State::Met, Some(on)),
        Some(_) => (State::NotMet, None),
        // Still admitted after the planned discharge: the evaluation is overdue, as the
        // board's discharge deadline says; "not yet due" would contradict it.
        None if today > stay.planned_discharge => (State::NotMet, None),
        None => (State::NotYetDue, None),
    };
    Check {
        element: Element::Evaluation,
        state,
        date,
        due: (ended(stay).is_none()).then_some(stay.planned_discharge),
        evidence,
        acknowledged: None,
    }
}

/// Every core element of the model for `stay` on `today`, in [`Element::ALL`] order.
pub fn check_stay(stay: &Stay, rules: &Rules, today: Date) -> Vec<Check> {
    let dl = |k| rules.deadline(stay, k).date;
    let mut out = Vec::with_capacity(Element::ALL.len());
    out.push(stay_length(stay, rules, today));

    let due = dl(DeadlineKind::Assessment);
    let (state, date) = by_deadline(stay, due, stay.assessment_done, today);
    out.push(Check {
        element: Element::HomeVisit,
        state,
        date,
        due: Some(due),
        evidence: stay
            .assessment_done
            .map_or(Evidence::Missing, Evidence::Assessment),
        acknowledged: None,
    });

    let first_goal = stay.goals.iter().map(|g| g.set_on).min();
    let (state, date) = by_deadline(stay, due, first_goal, today);
    out.push(Check {
        element: Element::Goals,
        state,
        date,
        due: Some(due),
        evidence: first_goal.map_or(Evidence::Missing, |first| Evidence::Goals {
            count: stay.goals.len(),
            first,
        }),
        acknowledged: None,
    });

    let contact = stay.primary_contact.trim();
    let state = if !contact.is_empty() {
        State::Met
    } else if today < stay.admitted && ended(stay).is_none() {
        State::NotYetDue
    } else {
        State::NotMet
    };
    out.push(Check {
        element: Element::PrimaryContact,
        state,
        date: None,
        due: Some(stay.admitted),
        evidence: if contact.is_empty() {
            Evidence::Missing
        } else {
            Evidence::Contact(contact.to_string())
        },
        acknowledged: None,
    });

    out.push(board_meetings(stay, rules, today));

    let due = dl(DeadlineKind::Gp);
    let (state, date) = by_deadline(stay, due, stay.gp.done_on, today);
    out.push(Check {
        element: Element::Gp,
        state,
        date,
        due: Some(due),
        evidence: match (stay.gp.done_on, stay.gp.booked_for) {
            (Some(d), _) => Evidence::GpHeld(d),
            (None, Some(b)) => Evidence::GpBooked(b),
            (None, None) => Evidence::Missing,
        },
        acknowledged: None,
    });

    let due = dl(DeadlineKind::Medication);
    let done = stay.med_status == MedStatus::Done;
    let (state, date) = match (done, stay.med_done) {
        // Marked done without a date (older records): done, and no date to call it late.
        (true, None) => (State::Met, None),
        (true, d) => by_deadline(stay, due, d, today),
        (false, _) => by_deadline(stay, due, None, today),
    };
    out.push(Check {
        element: Element::Medication,
        state,
        date,
        due: Some(due),
        evidence: match stay.med_status {
            MedStatus::Done => Evidence::MedicationDone(stay.med_done),
            MedStatus::InProgress => Evidence::MedicationInProgress,
            MedStatus::NotStarted => Evidence::Missing,
        },
        acknowledged: None,
    });

    out.push(evaluation(stay, today));

    for c in &mut out {
        c.acknowledged = stay
            .fidelity_acks
            .iter()
            .find(|a| a.element == c.element.key())
            .map(|a| a.note.clone());
    }
    out
}

/// The elements that would be *not met* if `stay` were discharged on `on` with its open
/// items evaluated and decided (as the discharge form requires): what the discharge must
/// acknowledge.
pub fn unmet_at_discharge(stay: &Stay, rules: &Rules, on: Date) -> Vec<Check> {
    let mut s = stay.clone();
    s.status = StayStatus::Discharged;
    s.discharged_on = Some(on);
    if s.discharge_outcome.as_deref().is_none_or(str::is_empty) {
        s.discharge_outcome = Some("-".into());
    }
    // The form evaluates every open goal and decides every other open item.
    for g in &mut s.goals {
        if g.status == GoalStatus::Open {
            g.status = GoalStatus::PartlyAchieved;
        }
    }
    for item in undecided(&s) {
        s.handovers.push(super::Handover {
            item: item.key(),
            decision: super::Decision::Closed,
            note: "-".into(),
        });
    }
    check_stay(&s, rules, on)
        .into_iter()
        .filter(|c| c.state == State::NotMet)
        .collect()
}

/// How the report scores fidelity and goal scores (config section `fidelity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FidelityConfig {
    /// The IPS-style scale: the share (percent) of stays that met an element from which it
    /// scores 2, 3, 4 and 5; below the first it scores 1. Strictly increasing, 1–100.
    pub scale: [u8; 4],
    /// A goal counts as improved when the person's own score rose by at least this much.
    pub goal_improved_points: u8,
}

impl Default for FidelityConfig {
    fn default() -> Self {
        Self {
            scale: [40, 60, 75, 90],
            goal_improved_points: 2,
        }
    }
}

impl FidelityConfig {
    /// Why the settings cannot be used, if they cannot (for the config file's message).
    pub fn problem(&self) -> Option<String> {
        let s = self.scale;
        if s.iter().any(|&t| t == 0 || t > 100) || s.windows(2).any(|w| w[0] >= w[1]) {
            return Some(format!(
                "fidelity.scale must be four increasing percentages 1–100 (the share from which an element scores 2, 3, 4 and 5), not {s:?}"
            ));
        }
        if !(1..=10).contains(&self.goal_improved_points) {
            return Some(format!(
                "fidelity.goal_improved_points must be 1–10, not {}",
                self.goal_improved_points
            ));
        }
        None
    }

    /// The 1–5 score of an element met by `percent` of the stays.
    pub fn score(&self, percent: f64) -> u8 {
        1 + self
            .scale
            .iter()
            .filter(|&&t| percent >= f64::from(t))
            .count() as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Decision, Delay, FidelityAck, Goal, Handover};
    use jiff::civil::date;

    // Admitted Monday 2.11.2026: day 3 = Wednesday 4.11, day 14 = Sunday 15.11 (moved to
    // Friday 13.11 by the default rules), day 35 = Sunday 6.12 (moved to Friday 4.12).
    const ADMITTED: Date = date(2026, 11, 2);

    fn stay() -> Stay {
        let r = Rules::default();
        let mut s = Stay::new(1, "Kari Nordmann", ADMITTED, r.default_discharge(ADMITTED));
        s.primary_contact = "Anne Sykepleier".into();
        s
    }

    fn goal(set_on: Date, status: GoalStatus) -> Goal {
        Goal {
            id: 1,
            position: 1,
            text: "Gå til butikken".into(),
            status,
            set_on,
            closed_on: None,
            score_start: None,
            score_end: None,
        }
    }

    fn get(s: &Stay, today: Date, e: Element) -> Check {
        check_stay(s, &Rules::default(), today)
            .into_iter()
            .find(|c| c.element == e)
            .unwrap()
    }

    #[test]
    fn the_scale_scores_1_to_5_on_its_thresholds_and_refuses_a_bad_one() {
        let c = FidelityConfig::default();
        assert_eq!(c.score(0.0), 1);
        assert_eq!(c.score(39.9), 1);
        assert_eq!(c.score(40.0), 2);
        assert_eq!(c.score(74.9), 3);
        assert_eq!(c.score(75.0), 4);
        assert_eq!(c.score(90.0), 5);
        assert_eq!(c.score(100.0), 5);
        assert_eq!(c.problem(), None);
        for bad in [
            [40, 40, 75, 90],
            [0, 60, 75, 90],
            [40, 60, 75, 101],
            [90, 75, 60, 40],
        ] {
            let c = FidelityConfig {
                scale: bad,
                ..FidelityConfig::default()
            };
            assert!(c.problem().unwrap().contains("fidelity.scale"), "{bad:?}");
        }
        let c = FidelityConfig {
            goal_improved_points: 0,
            ..FidelityConfig::default()
        };
        assert!(c.problem().unwrap().contains("goal_improved_points"));
    }

    #[test]
    fn keys_round_trip_in_model_order() {
        for e in Element::ALL {
            assert_eq!(Element::parse(e.key()), Some(e));
        }
        assert_eq!(Element::parse("nope"), None);
        let checks = check_stay(&stay(), &Rules::default(), ADMITTED);
        let order: Vec<Element> = checks.iter().map(|c| c.element).collect();
        assert_eq!(order, Element::ALL);
    }

    #[test]
    fn home_visit_in_every_state_on_the_boards_deadline() {
        let mut s = stay();
        let e = Element::HomeVisit;
        // Day 3 itself: still not yet due (the board says «i dag»).
        let c = get(&s, date(2026, 11, 4), e);
        assert_eq!(
            (c.state, c.due),
            (State::NotYetDue, Some(date(2026, 11, 4)))
        );
        assert_eq!(c.evidence, Evidence::Missing);
        assert_eq!(get(&s, date(2026, 11, 5), e).state, State::NotMet);
        s.assessment_done = Some(date(2026, 11, 4));
        let c = get(&s, date(2026, 11, 20), e);
        assert_eq!((c.state, c.date), (State::Met, Some(date(2026, 11, 4))));
        assert_eq!(c.evidence, Evidence::Assessment(date(2026, 11, 4)));
        s.assessment_done = Some(date(2026, 11, 6));
        assert_eq!(get(&s, date(2026, 11, 20), e).state, State::MetLate);
        // The board agrees: done, two days late.
        let f = crate::domain::flags::evaluate(&s, &Rules::default(), date(2026, 11, 20), ADMITTED);
        assert_eq!(f.assessment.late_days, 2);
    }

    #[test]
    fn goals_with_the_person_by_the_assessment_day() {
        let mut s = stay();
        let e = Element::Goals;
        assert_eq!(get(&s, date(2026, 11, 3), e).state, State::NotYetDue);
        assert_eq!(get(&s, date(2026, 11, 5), e).state, State::NotMet);
        s.goals.push(goal(date(2026, 11, 5), GoalStatus::Open));
        let c = get(&s, date(2026, 11, 9), e);
        assert_eq!(c.state, State::MetLate);
        assert_eq!(
            c.evidence,
            Evidence::Goals {
                count: 1,
                first: date(2026, 11, 5)
            }
        );
        s.goals[0].set_on = date(2026, 11, 3);
        assert_eq!(get(&s, date(2026, 11, 9), e).state, State::Met);
    }

    #[test]
    fn primary_contact_is_met_when_named() {
        let mut s = stay();
        let c = get(&s, ADMITTED, Element::PrimaryContact);
        assert_eq!(c.state, State::Met);
        assert_eq!(c.evidence, Evidence::Contact("Anne Sykepleier".into()));
        s.primary_contact = "  ".into();
        assert_eq!(
            get(&s, ADMITTED, Element::PrimaryContact).state,
            State::NotMet
        );
        assert_eq!(
            get(&s, date(2026, 11, 1), Element::PrimaryContact).state,
            State::NotYetDue
        );
    }

    #[test]
    fn gp_uses_the_moved_deadline_and_a_booking_is_not_a_visit() {
        let mut s = stay();
        let e = Element::Gp;
        s.gp.booked_for = Some(date(2026, 11, 12));
        let c = get(&s, date(2026, 11, 13), e);
        // Day 14 is Sunday 15.11; the board moves it to Friday 13.11.
        assert_eq!(
            (c.state, c.due),
            (State::NotYetDue, Some(date(2026, 11, 13)))
        );
        assert_eq!(c.evidence, Evidence::GpBooked(date(2026, 11, 12)));
        assert_eq!(get(&s, date(2026, 11, 14), e).state, State::NotMet);
        s.gp.done_on = Some(date(2026, 11, 12));
        assert_eq!(get(&s, date(2026, 11, 14), e).state, State::Met);
        s.gp.done_on = Some(date(2026, 11, 16));
        assert_eq!(get(&s, date(2026, 11, 20), e).state, State::MetLate);
    }

    #[test]
    fn medication_states_including_done_without_a_date() {
        let mut s = stay();
        let e = Element::Medication;
        s.med_status = MedStatus::InProgress;
        let c = get(&s, date(2026, 11, 10), e);
        assert_eq!(
            (c.state, c.evidence),
            (State::NotYetDue, Evidence::MedicationInProgress)
        );
        assert_eq!(get(&s, date(2026, 11, 14), e).state, State::NotMet);
        s.med_status = MedStatus::Done;
        s.med_done = Some(date(2026, 11, 20));
        assert_eq!(get(&s, date(2026, 11, 25), e).state, State::MetLate);
        s.med_done = None;
        assert_eq!(get(&s, date(2026, 11, 25), e).state, State::Met);
    }

    #[test]
    fn stay_length_five_weeks_or_a_recorded_delay() {
        let mut s = stay();
        let e = Element::StayLength;
        let due = date(2026, 12, 4);
        let c = get(&s, due, e);
        assert_eq!((c.state, c.due), (State::NotYetDue, Some(due)));
        // Still on the board after day 35: not met (the board's day counter is red).
        assert_eq!(get(&s, date(2026, 12, 7), e).state, State::NotMet);
        s.status = StayStatus::Discharged;
        s.discharged_on = Some(due);
        let c = get(&s, date(2026, 12, 20), e);
        assert_eq!((c.state, c.date), (State::Met, Some(due)));
        s.discharged_on = Some(date(2026, 12, 9));
        let c = get(&s, date(2026, 12, 20), e);
        assert_eq!(c.state, State::NotMet);
        assert_eq!(
            c.evidence,
            Evidence::Discharged {
                on: date(2026, 12, 9),
                day: 38,
                delay: None
            }
        );
        s.delays.push(Delay {
            kind: DeadlineKind::Discharge,
            reason: "waiting_place".into(),
            text: String::new(),
        });
        assert_eq!(get(&s, date(2026, 12, 20), e).state, State::MetLate);
    }

    #[test]
    fn board_meetings_follow_the_boards_not_discussed_rule() {
        let mut s = stay();
        let e = Element::BoardMeetings;
        // Never discussed: not yet due through day 3, not met from day 4 (the board marks it).
        let c = get(&s, date(2026, 11, 4), e);
        assert_eq!(
            (c.state, c.due),
            (State::NotYetDue, Some(date(2026, 11, 4)))
        );
        assert_eq!(get(&s, date(2026, 11, 5), e).state, State::NotMet);
        // Every working day, Friday to Monday is three days: met.
        s.discussed_on = vec![
            date(2026, 11, 3),
            date(2026, 11, 4),
            date(2026, 11, 5),
            date(2026, 11, 6),
            date(2026, 11, 9),
        ];
        let c = get(&s, date(2026, 11, 9), e);
        assert_eq!(c.state, State::Met);
        assert_eq!(
            c.evidence,
            Evidence::Discussed {
                times: 5,
                first: date(2026, 11, 3),
                last: date(2026, 11, 9),
                longest_gap: 3,
                gap_end: date(2026, 11, 9)
            }
        );
        // Not discussed for four days now: not met, as the board's mark says.
        let f = crate::domain::flags::evaluate(&s, &Rules::default(), date(2026, 11, 13), ADMITTED);
        assert!(f.not_discussed);
        assert_eq!(get(&s, date(2026, 11, 13), e).state, State::NotMet);
        // Discussed again after the gap: met late.
        s.discussed_on.push(date(2026, 11, 13));
        let c = get(&s, date(2026, 11, 13), e);
        assert_eq!(c.state, State::MetLate);
        assert!(matches!(
            c.evidence,
            Evidence::Discussed { longest_gap: 4, .. }
        ));
        // Without the board's rule, once is enough.
        let rules = Rules {
            not_discussed_days: 0,
            ..Rules::default()
        };
        let c = check_stay(&s, &rules, date(2026, 11, 13));
        assert_eq!(c[4].state, State::Met);
    }

    #[test]
    fn evaluation_is_met_by_a_complete_discharge_only() {
        let mut s = stay();
        s.goals.push(goal(ADMITTED, GoalStatus::Open));
        let e = Element::Evaluation;
        assert_eq!(get(&s, date(2026, 11, 20), e).state, State::NotYetDue);
        // Past the planned discharge and still admitted: overdue, not "not yet due".
        let late = Stay {
            planned_discharge: date(2026, 11, 19),
            ..s.clone()
        };
        assert_eq!(get(&late, date(2026, 11, 20), e).state, State::NotMet);
        // Discharged by hand (an import) with a goal never evaluated: not met.
        s.status = StayStatus::Discharged;
        s.discharged_on = Some(date(2026, 11, 30));
        s.discharge_outcome = Some("home_ordinary".into());
        s.assessment_done = Some(ADMITTED);
        s.gp.done_on = Some(ADMITTED);
        s.med_status = MedStatus::Done;
        s.med_done = Some(ADMITTED);
        assert_eq!(get(&s, date(2026, 12, 1), e).state, State::NotMet);
        s.goals[0].status = GoalStatus::Achieved;
        let c = get(&s, date(2026, 12, 1), e);
        assert_eq!((c.state, c.date), (State::Met, Some(date(2026, 11, 30))));
    }

    #[test]
    fn a_stay_that_ends_early_never_owed_what_was_due_later() {
        let mut s = stay();
        s.status = StayStatus::Discharged;
        s.discharged_on = Some(date(2026, 11, 3));
        s.discharge_outcome = Some("hospital".into());
        s.handovers = ["assessment", "gp", "medication"]
            .iter()
            .map(|i| Handover {
                item: i.to_string(),
                decision: Decision::Closed,
                note: "Innlagt på sykehus".into(),
            })
            .collect();
        s.primary_contact.clear();
        s.fidelity_acks.push(FidelityAck {
            element: "primary_contact".into(),
            note: "Innlagt på sykehus før primærkontakt ble valgt".into(),
            acknowledged_on: date(2026, 11, 3),
        });
        let c = check_stay(&s, &Rules::default(), date(2026, 11, 25));
        let state = |e: Element| c.iter().find(|x| x.element == e).unwrap().state;
        // Discharged on day 2: the visit (day 3), the GP and the reconciliation were never
        // owed, as the report leaves them out («ended before the deadline»).
        assert_eq!(state(Element::HomeVisit), State::NotYetDue);
        assert_eq!(state(Element::Goals), State::NotYetDue);
        assert_eq!(state(Element::Gp), State::NotYetDue);
        assert_eq!(state(Element::Medication), State::NotYetDue);
        assert_eq!(state(Element::BoardMeetings), State::NotYetDue);
        assert!(ended_before(&s, c[5].due));
        // A primary contact is owed from day 1.
        assert_eq!(state(Element::PrimaryContact), State::NotMet);
        assert_eq!(state(Element::StayLength), State::Met);
        assert_eq!(state(Element::Evaluation), State::Met);
        assert_eq!(
            c[3].acknowledged.as_deref(),
            Some("Innlagt på sykehus før primærkontakt ble valgt")
        );
        // Discharged on the deadline day itself without the visit: not met.
        s.discharged_on = Some(date(2026, 11, 4));
        let c = check_stay(&s, &Rules::default(), date(2026, 11, 25));
        assert_eq!(c[1].state, State::NotMet);
    }

    #[test]
    fn unmet_at_discharge_is_what_the_form_must_acknowledge() {
        let mut s = stay();
        s.assessment_done = Some(date(2026, 11, 3));
        s.goals.push(goal(date(2026, 11, 3), GoalStatus::Open));
        s.discussed_on = (0..30).map(|d| add_days(ADMITTED, d)).collect();
        s.gp.booked_for = Some(date(2026, 12, 10));
        s.med_status = MedStatus::Done;
        s.med_done = Some(date(2026, 11, 10));
        let unmet: Vec<Element> = unmet_at_discharge(&s, &Rules::default(), date(2026, 12, 1))
            .iter()
            .map(|c| c.element)
            .collect();
        // The evaluation is met by the discharge itself; only the GP is missing.
        assert_eq!(unmet, [Element::Gp]);
        // Discharging after day 35 without a delay reason adds the stay length.
        let unmet: Vec<Element> = unmet_at_discharge(&s, &Rules::default(), date(2026, 12, 8))
            .iter()
            .map(|c| c.element)
            .collect();
        assert_eq!(unmet, [Element::StayLength, Element::Gp]);
    }
}
