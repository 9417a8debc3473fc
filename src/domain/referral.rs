//! Referrals (henvisninger) to the virtual ward: who is referred, from where, and what was
//! decided. Pure data and rules; the store reads and writes them, the queue view shows them.

use super::dates::days_between;
use super::edit::{EditError, MAX_NAME, MAX_NOTE, MAX_SHORT, checked_text};
use super::model::StayId;
use jiff::civil::Date;

/// Row id of a referral.
pub type ReferralId = i64;

/// Who referred the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    Hospital,
    Gp,
    AllocationOffice,
    HomeCare,
    Other,
}

impl Source {
    /// Every source, in the order forms and reports list them.
    pub const ALL: [Source; 5] = [
        Source::Hospital,
        Source::Gp,
        Source::AllocationOffice,
        Source::HomeCare,
        Source::Other,
    ];
    /// Stable database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hospital => "hospital",
            Self::Gp => "gp",
            Self::AllocationOffice => "allocation_office",
            Self::HomeCare => "home_care",
            Self::Other => "other",
        }
    }
    /// Parse the database spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// What was decided about a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    Waiting,
    Accepted,
    Declined,
}

impl Verdict {
    /// Every decision, in the order the form offers them.
    pub const ALL: [Verdict; 3] = [Verdict::Waiting, Verdict::Accepted, Verdict::Declined];
    /// Stable database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
        }
    }
    /// Parse the database spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// One referral, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Referral {
    pub id: ReferralId,
    pub name: String,
    pub source: Source,
    pub received_on: Date,
    pub target_group: String,
    pub decision: Verdict,
    pub decided_on: Option<Date>,
    pub decline_reason: String,
    pub planned_admission: Option<Date>,
    /// The stay the referral became (set in the same transaction that created it).
    pub stay_id: Option<StayId>,
    pub note: String,
    /// Bumped on every change; a stale editor gets a conflict, not a silent overwrite.
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Referral {
    /// Accepted and not yet a stay: a planned admission the ward must make room for.
    pub fn awaiting_admission(&self) -> bool {
        self.decision == Verdict::Accepted && self.stay_id.is_none()
    }
}

/// The fields the referral form holds (who, from where, when, which group, note).
#[derive(Debug, Clone, PartialEq)]
pub struct ReferralFields {
    pub name: String,
    pub source: Source,
    pub received_on: Date,
    pub target_group: String,
    pub note: String,
}

/// A decision as the decide form holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionFields {
    pub decision: Verdict,
    pub decided_on: Option<Date>,
    pub planned_admission: Option<Date>,
    pub decline_reason: String,
}

/// Why a referral change was refused (worded by the UI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferralError {
    /// A text: empty, invisible or too long.
    Text(EditError),
    /// Received after today: a referral cannot arrive in the future.
    ReceivedInFuture,
    /// Accepted without a planned admission date.
    NoPlannedAdmission,
    /// The planned admission lies before the referral was received.
    AdmissionBeforeReceived,
    /// Declined without a reason.
    NoDeclineReason,
    /// Decided before the referral was received.
    DecidedBeforeReceived,
    /// Only an accepted referral without a stay can become a stay.
    NotAdmittable,
}

/// Check and clean the referral form's fields.
pub fn check_fields(f: &ReferralFields, today: Date) -> Result<ReferralFields, ReferralError> {
    if f.received_on > today {
        return Err(ReferralError::ReceivedInFuture);
    }
    Ok(ReferralFields {
        name: checked_text(&f.name, MAX_NAME, true).map_err(ReferralError::Text)?,
        source: f.source,
        received_on: f.received_on,
        target_group: f.target_group.clone(),
        note: checked_text(&f.note, MAX_NOTE, false).map_err(ReferralError::Text)?,
    })
}

/// Check a decision against the referral it is about. Waiting clears the decision's
/// details; accepted needs a planned admission; declined needs a reason.
pub fn check_decision(
    d: &DecisionFields,
    received_on: Date,
    today: Date,
) -> Result<DecisionFields, ReferralError> {
    let reason = checked_text(&d.decline_reason, MAX_SHORT, false).map_err(ReferralError::Text)?;
    let on = d.decided_on.unwrap_or(today);
    if d.decision != Verdict::Waiting && on < received_on {
        return Err(ReferralError::DecidedBeforeReceived);
    }
    Ok(match d.decision {
        Verdict::Waiting => DecisionFields {
            decision: Verdict::Waiting,
            decided_on: None,
            planned_admission: None,
            decline_reason: String::new(),
        },
        Verdict::Accepted => {
            let planned = d
                .planned_admission
                .ok_or(ReferralError::NoPlannedAdmission)?;
            if planned < received_on {
                return Err(ReferralError::AdmissionBeforeReceived);
            }
            DecisionFields {
                decision: Verdict::Accepted,
                decided_on: Some(on),
                planned_admission: Some(planned),
                decline_reason: String::new(),
            }
        }
        Verdict::Declined => {
            if !super::text::has_visible(&reason) {
                return Err(ReferralError::NoDeclineReason);
            }
            DecisionFields {
                decision: Verdict::Declined,
                decided_on: Some(on),
                planned_admission: None,
                decline_reason: reason,
            }
        }
    })
}

/// Which part of the queue a referral belongs to, in the queue's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum QueuePart {
    /// Not decided yet: the oldest first, they have waited longest.
    Waiting,
    /// Accepted and not yet admitted: the earliest planned admission first.
    Accepted,
    /// Decided recently (declined, or accepted and admitted): the newest first.
    Recent,
}

/// How long a decided referral stays in the queue's «recent» part.
pub const RECENT_DAYS: i64 = 30;

/// The part of the queue a referral is in on `today`, `None` when it is old news.
pub fn queue_part(r: &Referral, today: Date) -> Option<QueuePart> {
    match r.decision {
        Verdict::Waiting => Some(QueuePart::Waiting),
        _ if r.awaiting_admission() => Some(QueuePart::Accepted),
        _ => {
            let on = r.decided_on.unwrap_or(r.received_on);
            (days_between(on, today) <= RECENT_DAYS).then_some(QueuePart::Recent)
        }
    }
}

/// The queue on `today`: waiting first (oldest first), then accepted not yet admitted
/// (earliest planned admission first), then decisions of the last [`RECENT_DAYS`] days
/// (newest first). Indices into `referrals`.
pub fn queue(referrals: &[Referral], today: Date) -> Vec<usize> {
    let mut q: Vec<(QueuePart, usize)> = referrals
        .iter()
        .enumerate()
        .filter_map(|(i, r)| queue_part(r, today).map(|p| (p, i)))
        .collect();
    q.sort_by(|(pa, a), (pb, b)| {
        let (ra, rb) = (&referrals[*a], &referrals[*b]);
        pa.cmp(pb)
            .then_with(|| match pa {
                QueuePart::Waiting => ra.received_on.cmp(&rb.received_on),
                QueuePart::Accepted => ra.planned_admission.cmp(&rb.planned_admission),
                QueuePart::Recent => rb
                    .decided_on
                    .cmp(&ra.decided_on)
                    .then(rb.received_on.cmp(&ra.received_on)),
            })
            .then(ra.id.cmp(&rb.id))
    });
    q.into_iter().map(|(_, i)| i).collect()
}

/// Days from a referral's receipt to the admission of the stay it became.
pub fn days_to_admission(received_on: Date, admitted: Date) -> i64 {
    days_between(received_on, admitted)
}

/// The median of a list of day counts (the mean of the middle two for an even count);
/// `None` for an empty list.
pub fn median(values: &[i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2] as f64
    } else {
        (v[n / 2 - 1] + v[n / 2]) as f64 / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 25);

    fn r(id: i64, decision: Verdict, received: Date) -> Referral {
        Referral {
            id,
            name: format!("R{id}"),
            source: Source::Hospital,
            received_on: received,
            target_group: String::new(),
            decision,
            decided_on: None,
            decline_reason: String::new(),
            planned_admission: None,
            stay_id: None,
            note: String::new(),
            version: 1,
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn queue_puts_waiting_first_then_accepted_then_recent_and_drops_old_news() {
        let mut list = vec![
            r(1, Verdict::Declined, date(2026, 11, 1)),
            r(2, Verdict::Waiting, date(2026, 11, 20)),
            r(3, Verdict::Accepted, date(2026, 11, 10)),
            r(4, Verdict::Waiting, date(2026, 11, 18)),
            r(5, Verdict::Accepted, date(2026, 11, 12)),
            r(6, Verdict::Declined, date(2026, 9, 1)),
            r(7, Verdict::Accepted, date(2026, 11, 2)),
        ];
        list[0].decided_on = Some(date(2026, 11, 3));
        list[2].planned_admission = Some(date(2026, 12, 2));
        list[4].planned_admission = Some(date(2026, 11, 30));
        list[5].decided_on = Some(date(2026, 9, 2));
        // Admitted: recent, not waiting for a place any more.
        list[6].decided_on = Some(date(2026, 11, 5));
        list[6].stay_id = Some(9);
        let ids: Vec<i64> = queue(&list, TODAY).iter().map(|&i| list[i].id).collect();
        assert_eq!(ids, vec![4, 2, 5, 3, 7, 1]);
    }

    #[test]
    fn accepting_needs_a_planned_admission_and_declining_a_reason() {
        let received = date(2026, 11, 20);
        let mut d = DecisionFields {
            decision: Verdict::Accepted,
            decided_on: None,
            planned_admission: None,
            decline_reason: "ignored".into(),
        };
        assert_eq!(
            check_decision(&d, received, TODAY),
            Err(ReferralError::NoPlannedAdmission)
        );
        d.planned_admission = Some(date(2026, 11, 19));
        assert_eq!(
            check_decision(&d, received, TODAY),
            Err(ReferralError::AdmissionBeforeReceived)
        );
        d.planned_admission = Some(date(2026, 12, 1));
        let ok = check_decision(&d, received, TODAY).unwrap();
        assert_eq!(ok.decided_on, Some(TODAY));
        assert_eq!(ok.decline_reason, "", "an acceptance keeps no reason");
        d.decision = Verdict::Declined;
        d.decline_reason = " \u{200b} ".into();
        assert_eq!(
            check_decision(&d, received, TODAY),
            Err(ReferralError::NoDeclineReason)
        );
        d.decline_reason = "Trenger sykehjemsplass".into();
        let ok = check_decision(&d, received, TODAY).unwrap();
        assert_eq!(ok.planned_admission, None);
        d.decided_on = Some(date(2026, 11, 1));
        assert_eq!(
            check_decision(&d, received, TODAY),
            Err(ReferralError::DecidedBeforeReceived)
        );
        d.decision = Verdict::Waiting;
        let ok = check_decision(&d, received, TODAY).unwrap();
        assert_eq!((ok.decided_on, ok.planned_admission), (None, None));
    }

    #[test]
    fn names_need_a_visible_character_and_referrals_do_not_come_from_the_future() {
        let mut f = ReferralFields {
            name: "\u{200b}".into(),
            source: Source::Gp,
            received_on: TODAY,
            target_group: String::new(),
            note: String::new(),
        };
        assert_eq!(
            check_fields(&f, TODAY),
            Err(ReferralError::Text(EditError::Empty))
        );
        f.name = "  Kari  Nordmann ".into();
        assert_eq!(check_fields(&f, TODAY).unwrap().name, "Kari  Nordmann");
        f.received_on = date(2026, 11, 26);
        assert_eq!(
            check_fields(&f, TODAY),
            Err(ReferralError::ReceivedInFuture)
        );
    }

    #[test]
    fn days_to_admission_and_their_median() {
        assert_eq!(days_to_admission(date(2026, 11, 20), date(2026, 11, 25)), 5);
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[7, 1, 3]), Some(3.0));
        assert_eq!(median(&[4, 1, 3, 10]), Some(3.5));
    }
}
