//! The fagmøte figures for the leader (VIPS implementation: the unit leader follows up "how
//! the fagmøter work"): meetings held of planned, cases per meeting, measures evaluated on
//! time, and attendance by discipline, over the report's period.

use super::Share;
use crate::domain::fagmote::{Plan, leader_stats};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

/// Attendances of one discipline at the fagmøter held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisciplineCount {
    pub discipline: String,
    pub count: usize,
}

/// The fagmøter of the period (a held one counts on the day it was held).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CaseMeetings {
    /// Held of planned (planned: every meeting of the period that was not cancelled).
    pub held: Share,
    pub cancelled: usize,
    pub cases_discussed: usize,
    /// Cases discussed per meeting held.
    pub cases_per_meeting: Option<f64>,
    /// Measures whose evaluation window closed by the period's end (or that were
    /// evaluated), evaluated within the grace days after their date.
    pub evaluated_on_time: Share,
    pub attendance_by_discipline: Vec<DisciplineCount>,
}

impl CaseMeetings {
    /// The figures for meetings in `from..=to` (a held one on the day it was held, in the
    /// ward's zone `tz`), judged as of `to`.
    pub fn compute(plan: &Plan, from: Date, to: Date, grace: u32, tz: &TimeZone) -> Self {
        let s = leader_stats(plan, from, to, to, grace, tz);
        CaseMeetings {
            held: Share {
                met: s.held,
                of: s.planned,
            },
            cancelled: s.cancelled,
            cases_discussed: s.cases_discussed,
            cases_per_meeting: s.cases_per_meeting(),
            evaluated_on_time: Share {
                met: s.evaluated_on_time,
                of: s.measures_due,
            },
            attendance_by_discipline: s
                .by_discipline
                .into_iter()
                .map(|(discipline, count)| DisciplineCount { discipline, count })
                .collect(),
        }
    }

    /// True when there is anything to show.
    pub fn any(&self) -> bool {
        self.held.of > 0 || self.cancelled > 0 || self.evaluated_on_time.of > 0
    }
}
