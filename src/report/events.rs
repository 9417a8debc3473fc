//! Indicators from the events (what happened to the people) and from stand-up attendance.
//! Pure, like the rest of the report; definitions in the README, section "Indicators".

use super::Share;
use crate::domain::events::{
    self, HOSPITAL_ADMISSION, Response, falls_per_100_stay_days, median_hours,
};
use crate::domain::{Stay, StayStatus};
use crate::store::Meeting;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// How many events of one kind happened in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindCount {
    pub key: String,
    pub count: usize,
}

/// Events in the period, during stays (not cancelled).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EventIndicators {
    /// Every event in the period, by kind (key order).
    pub by_kind: Vec<KindCount>,
    /// Days in the ward in the period, over all stays (admission to discharge day).
    pub stay_days: i64,
    pub falls: usize,
    /// Falls × 100 ÷ stay-days, two decimals; `None` without stay-days.
    pub falls_per_100_stay_days: Option<f64>,
    /// Hospital admissions recorded as events (`hospital_admission`) in the period.
    pub hospital_admissions: usize,
    /// Deteriorations in the period.
    pub deteriorations: usize,
    /// Of those, followed by a GP, out-of-hours or ambulance contact with both times known:
    /// the median hours to that contact.
    pub contact_with_time: usize,
    pub median_hours_to_contact: Option<f64>,
    /// Followed by a contact, but a time is missing on one of the two.
    pub contact_without_time: usize,
    /// No contact recorded after it (before the next deterioration).
    pub no_contact: usize,
}

impl EventIndicators {
    pub fn over(stays: &[Stay], from: Date, to: Date) -> Self {
        let live: Vec<Stay> = stays
            .iter()
            .filter(|s| s.status != StayStatus::Cancelled)
            .cloned()
            .collect();
        let (falls, stay_days, rate) = falls_per_100_stay_days(&live, from, to);
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        for s in &live {
            for e in &s.events {
                if from <= e.occurred_on
                    && e.occurred_on <= to
                    && s.admitted <= e.occurred_on
                    && s.discharged_on.is_none_or(|d| e.occurred_on <= d)
                {
                    *kinds.entry(e.kind.clone()).or_default() += 1;
                }
            }
        }
        let mut hours = Vec::new();
        let mut out = EventIndicators {
            stay_days,
            falls,
            falls_per_100_stay_days: rate.map(|r| (r * 100.0).round() / 100.0),
            hospital_admissions: live
                .iter()
                .map(|s| events::count_in(s, HOSPITAL_ADMISSION, from, to))
                .sum(),
            ..Default::default()
        };
        for s in &live {
            for r in events::deterioration_responses(s, from, to) {
                out.deteriorations += 1;
                match r {
                    Response::Hours(h) => hours.push(h),
                    Response::NoTime => out.contact_without_time += 1,
                    Response::NoContact => out.no_contact += 1,
                }
            }
        }
        out.contact_with_time = hours.len();
        out.median_hours_to_contact = median_hours(hours).map(|h| (h * 10.0).round() / 10.0);
        out.by_kind = kinds
            .into_iter()
            .map(|(key, count)| KindCount { key, count })
            .collect();
        out
    }
}

/// One discipline at the stand-ups of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisciplineAttendance {
    /// A key of `disciplines` (empty: staff without one).
    pub discipline: String,
    /// Meetings with at least one of this discipline present, of the meetings with
    /// attendance recorded.
    pub meetings: Share,
    /// Person-meetings: everyone of the discipline present, added up over the meetings.
    pub people: usize,
}

/// Who came to the stand-ups of the period, by discipline ("is the team interdisciplinary?").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Attendance {
    /// Stand-ups in the period.
    pub meetings: usize,
    /// Of those, with attendance recorded (`M` in the stand-up).
    pub recorded: usize,
    pub by_discipline: Vec<DisciplineAttendance>,
}

impl Attendance {
    pub fn over<'a>(meetings: impl Iterator<Item = &'a Meeting>) -> Self {
        let mut out = Attendance::default();
        let mut by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for m in meetings {
            out.meetings += 1;
            if m.present.is_empty() {
                continue;
            }
            out.recorded += 1;
            let mut seen: Vec<&str> = Vec::new();
            for (_, disc) in &m.present {
                let e = by.entry(disc.clone()).or_default();
                e.1 += 1;
                if !seen.contains(&disc.as_str()) {
                    seen.push(disc);
                    e.0 += 1;
                }
            }
        }
        out.by_discipline = by
            .into_iter()
            .map(|(discipline, (n, people))| DisciplineAttendance {
                discipline,
                meetings: Share {
                    met: n,
                    of: out.recorded,
                },
                people,
            })
            .collect();
        out
    }

    /// The disciplines in the configured order (each configured one listed, 0 when absent),
    /// then any others.
    pub fn order(&mut self, configured: &[&str]) {
        let mut rest = std::mem::take(&mut self.by_discipline);
        let mut ordered = Vec::new();
        for key in configured {
            match rest.iter().position(|d| d.discipline == *key) {
                Some(i) => ordered.push(rest.remove(i)),
                None => ordered.push(DisciplineAttendance {
                    discipline: key.to_string(),
                    meetings: Share {
                        met: 0,
                        of: self.recorded,
                    },
                    people: 0,
                }),
            }
        }
        ordered.extend(rest);
        self.by_discipline = ordered;
    }
}

/// The events and attendance sections as text lines (for `tavle report`), labels padded
/// to `lw`. `label` turns an event kind or discipline key into its configured label.
pub fn table_lines(
    r: &super::Report,
    lang: crate::config::Language,
    kind_label: &dyn Fn(&str) -> String,
    discipline_label: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let w = crate::i18n::event_strings(lang);
    let e = &r.events;
    let dec = |v: f64, digits: usize| {
        let s = format!("{v:.digits$}");
        match lang {
            crate::config::Language::Nb => s.replace('.', ","),
            crate::config::Language::En => s,
        }
    };
    let mut out = vec![w.r_events.replace("{d}", &e.stay_days.to_string())];
    let lw: usize = 40;
    let pad = |s: &str| {
        let n = crate::domain::text::width(s);
        format!("{s}{}", " ".repeat(lw.saturating_sub(n)))
    };
    out.push(format!(
        "  {} {:>8}   ({} {})",
        pad(w.r_falls),
        e.falls_per_100_stay_days.map_or("–".into(), |v| dec(v, 2)),
        e.falls,
        kind_label(crate::domain::events::FALL).to_lowercase()
    ));
    out.push(format!(
        "  {} {:>8}",
        pad(w.r_hospital),
        e.hospital_admissions
    ));
    out.push(format!(
        "  {} {:>8}   ({})",
        pad(w.r_deterioration),
        e.median_hours_to_contact.map_or("–".into(), |h| w
            .r_median_hours
            .replace("{h}", &dec(h, 1))),
        w.r_contact_note
            .replace("{n}", &e.deteriorations.to_string())
            .replace("{w}", &e.contact_with_time.to_string())
            .replace("{t}", &e.contact_without_time.to_string())
            .replace("{c}", &e.no_contact.to_string())
    ));
    out.push(format!("  {}", w.r_by_kind));
    for k in &e.by_kind {
        out.push(format!("    {} {:>6}", pad(&kind_label(&k.key)), k.count));
    }
    out.push(String::new());
    let a = &r.attendance;
    out.push(
        w.r_attendance
            .replace("{n}", &a.recorded.to_string())
            .replace("{m}", &a.meetings.to_string()),
    );
    for d in &a.by_discipline {
        let name = if d.discipline.is_empty() {
            w.no_discipline.to_string()
        } else {
            discipline_label(&d.discipline)
        };
        out.push(format!(
            "  {} {:>6}/{:<4} {:>6}   ({})",
            pad(&name),
            d.meetings.met,
            d.meetings.of,
            d.meetings
                .percent()
                .map_or("–".into(), |p| format!("{} %", dec(p, 0))),
            w.r_people.replace("{p}", &d.people.to_string())
        ));
    }
    out
}

/// The CSV records of the events and attendance sections (`scope` = `period`).
pub fn csv_records(r: &super::Report) -> Vec<Vec<String>> {
    let e = &r.events;
    let value = |key: String, v: String| {
        vec![
            "period".to_string(),
            key,
            String::new(),
            String::new(),
            String::new(),
            v,
        ]
    };
    let opt = |v: Option<f64>| v.map_or(String::new(), |v| v.to_string());
    let mut out = vec![
        value("stay_days".into(), e.stay_days.to_string()),
        value("falls".into(), e.falls.to_string()),
        value(
            "falls_per_100_stay_days".into(),
            opt(e.falls_per_100_stay_days),
        ),
        value(
            "hospital_admission_events".into(),
            e.hospital_admissions.to_string(),
        ),
        value("deteriorations".into(), e.deteriorations.to_string()),
        value(
            "median_hours_deterioration_to_contact".into(),
            opt(e.median_hours_to_contact),
        ),
        value(
            "deterioration_contact_without_time".into(),
            e.contact_without_time.to_string(),
        ),
        value("deterioration_no_contact".into(), e.no_contact.to_string()),
    ];
    for k in &e.by_kind {
        out.push(value(format!("event_{}", k.key), k.count.to_string()));
    }
    let a = &r.attendance;
    out.push(value(
        "standups_attendance_recorded".into(),
        a.recorded.to_string(),
    ));
    for d in &a.by_discipline {
        out.push(vec![
            "period".to_string(),
            format!("attendance_{}", d.discipline),
            d.meetings.met.to_string(),
            d.meetings.of.to_string(),
            d.meetings
                .percent()
                .map_or(String::new(), |p| format!("{p:.1}")),
            d.people.to_string(),
        ]);
    }
    out
}
