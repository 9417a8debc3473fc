//! Intake figures (issue 13 §2): referrals received in the period, how they were decided,
//! by source, and the days from a referral to the admission of the stay it became.
//!
//! The population is the referrals **received in the period** (a cohort): each counts once,
//! under its decision as it stands now (accepted, declined, or still waiting). Days to
//! admission: for those of them that became a stay (not cancelled), from the date received
//! to the stay's admission date; the median over them.

use crate::domain::referral::{Referral, Source, Verdict, days_to_admission, median};
use crate::domain::{Stay, StayStatus};
use jiff::civil::Date;
use serde::Serialize;

/// Received, and how they stand now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Decided {
    pub received: usize,
    pub accepted: usize,
    pub declined: usize,
    pub waiting: usize,
}

impl Decided {
    fn add(&mut self, r: &Referral) {
        self.received += 1;
        match r.decision {
            Verdict::Accepted => self.accepted += 1,
            Verdict::Declined => self.declined += 1,
            Verdict::Waiting => self.waiting += 1,
        }
    }
}

/// [`Decided`] for one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BySource {
    /// `hospital`, `gp`, `allocation_office`, `home_care`, `other`.
    pub source: &'static str,
    #[serde(flatten)]
    pub figures: Decided,
}

/// Days from referral to admission.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct ToAdmission {
    /// Referrals of the period that became a stay.
    pub admitted: usize,
    /// Median days from received to admitted; `null` when none was admitted.
    pub median_days: Option<f64>,
}

/// The `referrals` section of the report.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ReferralFigures {
    #[serde(flatten)]
    pub total: Decided,
    /// Every source, in a fixed order (0 where none came).
    pub by_source: Vec<BySource>,
    pub days_to_admission: ToAdmission,
}

impl ReferralFigures {
    /// The figures of the referrals received in `[from, to]`; `stays` gives the admission
    /// dates of the stays they became.
    pub fn compute(referrals: &[Referral], stays: &[Stay], from: Date, to: Date) -> Self {
        let mut out = ReferralFigures {
            by_source: Source::ALL
                .iter()
                .map(|s| BySource {
                    source: s.as_str(),
                    figures: Decided::default(),
                })
                .collect(),
            ..Default::default()
        };
        let mut days = Vec::new();
        for r in referrals
            .iter()
            .filter(|r| from <= r.received_on && r.received_on <= to)
        {
            out.total.add(r);
            if let Some(b) = out
                .by_source
                .iter_mut()
                .find(|b| b.source == r.source.as_str())
            {
                b.figures.add(r);
            }
            let admitted = r.stay_id.and_then(|id| {
                stays
                    .iter()
                    .find(|s| s.id == id && s.status != StayStatus::Cancelled)
                    .map(|s| s.admitted)
            });
            if let Some(a) = admitted {
                days.push(days_to_admission(r.received_on, a));
            }
        }
        out.days_to_admission = ToAdmission {
            admitted: days.len(),
            median_days: median(&days),
        };
        out
    }

    /// The CSV records: `period,referrals_received,,,,8`, one per figure and per source.
    pub fn csv_records(&self) -> Vec<Vec<String>> {
        let row = |key: String, v: String| {
            vec![
                "period".to_string(),
                key,
                String::new(),
                String::new(),
                String::new(),
                v,
            ]
        };
        let mut out = Vec::new();
        let mut figures = |prefix: &str, d: &Decided| {
            for (k, v) in [
                ("received", d.received),
                ("accepted", d.accepted),
                ("declined", d.declined),
                ("waiting", d.waiting),
            ] {
                out.push(row(format!("referrals_{k}{prefix}"), v.to_string()));
            }
        };
        figures("", &self.total);
        for b in &self.by_source {
            figures(&format!(".{}", b.source), &b.figures);
        }
        out.push(row(
            "referrals_admitted".to_string(),
            self.days_to_admission.admitted.to_string(),
        ));
        out.push(row(
            "days_referral_to_admission_median".to_string(),
            self.days_to_admission
                .median_days
                .map_or(String::new(), |m| format!("{m:.1}")),
        ));
        out
    }

    /// The lines of the terminal table, in `lang`: totals, one line per source that sent
    /// any, and the median days to admission.
    pub fn table_lines(&self, lang: crate::config::Language) -> Vec<String> {
        let t = crate::i18n::intake_strings(lang);
        let num = |m: f64| match lang {
            crate::config::Language::Nb => format!("{m:.1}").replace('.', ","),
            crate::config::Language::En => format!("{m:.1}"),
        };
        let figures = |d: &Decided| {
            format!(
                "{:>4} {}  {:>4} {}  {:>4} {}  {:>4} {}",
                d.received,
                t.received_n,
                d.accepted,
                t.accepted_n,
                d.declined,
                t.declined_n,
                d.waiting,
                t.waiting_n
            )
        };
        let lw = 22;
        let mut out = vec![format!(
            "{}: {} {}",
            t.referrals_heading, self.total.received, t.received_n
        )];
        out.push(format!(
            "  {} {}",
            pad_label(t.total, lw),
            figures(&self.total)
        ));
        for b in self.by_source.iter().filter(|b| b.figures.received > 0) {
            let label = Source::parse(b.source).map_or(b.source, |s| t.source(s));
            out.push(format!(
                "    {} {}",
                pad_label(label, lw - 2),
                figures(&b.figures)
            ));
        }
        out.push(format!(
            "  {}: {}",
            t.median_days,
            match self.days_to_admission.median_days {
                Some(m) => format!(
                    "{} ({} {})",
                    num(m),
                    self.days_to_admission.admitted,
                    t.admitted_n
                ),
                None => t.no_admissions.to_string(),
            }
        ));
        out
    }
}

fn pad_label(s: &str, w: usize) -> String {
    let n = crate::domain::text::width(s);
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

impl ReferralFigures {
    /// Nothing to report: no referral received in the period.
    pub fn is_empty(&self) -> bool {
        self.total.received == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn r(
        id: i64,
        source: Source,
        received: Date,
        decision: Verdict,
        stay: Option<i64>,
    ) -> Referral {
        Referral {
            id,
            name: "R".into(),
            source,
            received_on: received,
            target_group: String::new(),
            decision,
            decided_on: None,
            decline_reason: if decision == Verdict::Declined {
                "x".into()
            } else {
                String::new()
            },
            planned_admission: None,
            stay_id: stay,
            note: String::new(),
            version: 1,
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn a_cohort_by_decision_and_source_with_the_median_days_to_admission() {
        let from = date(2026, 11, 1);
        let to = date(2026, 11, 30);
        let mut cancelled = Stay::new(12, "C", date(2026, 11, 20), date(2026, 12, 20));
        cancelled.status = StayStatus::Cancelled;
        let stays = vec![
            Stay::new(10, "A", date(2026, 11, 5), date(2026, 12, 9)),
            Stay::new(11, "B", date(2026, 11, 14), date(2026, 12, 18)),
            cancelled,
        ];
        let list = vec![
            r(
                1,
                Source::Hospital,
                date(2026, 11, 3),
                Verdict::Accepted,
                Some(10),
            ), // 2 days
            r(
                2,
                Source::Gp,
                date(2026, 11, 4),
                Verdict::Accepted,
                Some(11),
            ), // 10 days
            r(
                3,
                Source::Hospital,
                date(2026, 11, 10),
                Verdict::Declined,
                None,
            ),
            r(
                4,
                Source::HomeCare,
                date(2026, 11, 24),
                Verdict::Waiting,
                None,
            ),
            r(
                5,
                Source::Hospital,
                date(2026, 11, 12),
                Verdict::Accepted,
                Some(12),
            ), // cancelled
            r(
                6,
                Source::Hospital,
                date(2026, 10, 31),
                Verdict::Accepted,
                Some(10),
            ), // before
        ];
        let f = ReferralFigures::compute(&list, &stays, from, to);
        assert_eq!(
            f.total,
            Decided {
                received: 5,
                accepted: 3,
                declined: 1,
                waiting: 1
            }
        );
        let hospital = f.by_source.iter().find(|b| b.source == "hospital").unwrap();
        assert_eq!(
            (hospital.figures.received, hospital.figures.declined),
            (3, 1)
        );
        assert_eq!(f.by_source.len(), 5);
        assert_eq!(f.days_to_admission.admitted, 2);
        assert_eq!(f.days_to_admission.median_days, Some(6.0));
        let json = serde_json::to_value(&f).unwrap();
        assert_eq!(json["received"], 5);
        assert_eq!(json["by_source"][0]["source"], "hospital");
        assert_eq!(json["days_to_admission"]["median_days"], 6.0);
    }
}
