//! The ward's data and rules as pure functions of (data, config rules, today).

pub mod capacity;
pub mod dates;
pub mod discharge;
pub mod edit;
pub mod events;
pub mod fagmote;
pub mod fidelity;
pub mod flags;
pub mod holidays;
pub mod hospital;
pub mod initials;
pub mod kin;
pub mod model;
pub mod referral;
pub mod standup;
pub mod stay_day;
pub mod text;

pub use flags::{Level, Rules, StayFlags};
pub use model::*;
