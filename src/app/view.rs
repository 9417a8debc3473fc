//! The board's derived rows: flags, shown labels and order, recomputed only when data,
//! config or the date changes (never per frame).

use crate::config::{Config, PrivacyView, SortKey};
use crate::domain::flags::evaluate;
use crate::domain::initials::disambiguate;
use crate::domain::text::{has_visible, sanitize};
use crate::domain::{Stay, StayFlags};
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// One row of the board, ready to render.
#[derive(Debug, Clone)]
pub struct RowView {
    /// Index into the app's stays.
    pub stay: usize,
    /// Name or initials, already sanitised.
    pub label: String,
    /// Shares initials with another active stay (only in initials mode).
    pub collides: bool,
    pub flags: StayFlags,
    /// Events recorded since the stay was last discussed at a stand-up (the board's mark).
    pub new_events: usize,
    /// The stay has a case on the next fagmøte.
    pub case_next: bool,
    /// The stay's worst fagmøte measure flag (evaluation due or overdue).
    pub measure: Option<crate::domain::fagmote::MeasureFlag>,
    /// In hospital since this day (an admission event with no return after it): the row
    /// shows a badge over its home-visit deadlines, which are paused (see `domain::hospital`).
    pub hospital: Option<Date>,
}

/// Local date of a unix timestamp in the ward's zone.
pub fn local_date(unix: i64, tz: &TimeZone) -> Option<Date> {
    jiff::Timestamp::from_second(unix)
        .ok()
        .map(|t| t.to_zoned_datetime(tz.clone()).date())
}

/// Build the sorted rows for `stays` on `today`.
pub fn build_rows(
    stays: &[Stay],
    config: &Config,
    privacy: PrivacyView,
    today: Date,
    tz: &TimeZone,
) -> Vec<RowView> {
    let rules = config.rules();
    let shown: Vec<(String, bool)> = if privacy.names {
        stays.iter().map(|s| (sanitize(&s.name), false)).collect()
    } else {
        let inits: Vec<(String, String)> = stays
            .iter()
            .map(|s| (sanitize(&s.initials), sanitize(&s.name)))
            .collect();
        let pairs: Vec<(&str, &str)> = inits
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        disambiguate(&pairs)
            .into_iter()
            .map(|s| (s.label, s.collides))
            .collect()
    };
    let mut rows: Vec<RowView> = stays
        .iter()
        .zip(shown)
        .enumerate()
        .map(|(i, (s, (label, collides)))| {
            // A name with nothing visible in it (stored before names were checked) would be
            // an empty cell: the row still needs something to point at.
            let label = if has_visible(&label) {
                label
            } else {
                "?".to_string()
            };
            let updated_on = local_date(s.updated_at, tz).unwrap_or(today);
            let hospital = crate::domain::hospital::in_hospital(s, today);
            let mut flags = evaluate(s, &rules, today, updated_on);
            if hospital.is_some() {
                crate::domain::hospital::pause_home_visits(&mut flags);
            }
            RowView {
                stay: i,
                label,
                collides,
                flags,
                new_events: crate::domain::events::new_since(s, s.events_seen_at).len(),
                case_next: false,
                measure: None,
                hospital,
            }
        })
        .collect();
    let by_admission = |a: &RowView, b: &RowView| {
        let (sa, sb) = (&stays[a.stay], &stays[b.stay]);
        sa.admitted.cmp(&sb.admitted).then(sa.id.cmp(&sb.id))
    };
    match config.board.sort {
        SortKey::Admitted => rows.sort_by(by_admission),
        SortKey::Discharge => rows.sort_by(|a, b| {
            stays[a.stay]
                .planned_discharge
                .cmp(&stays[b.stay].planned_discharge)
                .then_with(|| by_admission(a, b))
        }),
        SortKey::Urgency => rows.sort_by(|a, b| {
            b.flags
                .worst
                .cmp(&a.flags.worst)
                .then(b.flags.overdue_count.cmp(&a.flags.overdue_count))
                .then_with(|| by_admission(a, b))
        }),
        SortKey::Name => rows.sort_by(|a, b| {
            a.label
                .to_lowercase()
                .cmp(&b.label.to_lowercase())
                .then_with(|| by_admission(a, b))
        }),
    }
    rows
}
