//! Words that make the screens readable at a glance: the kiosk's legend of every mark it
//! shows, and short column titles for narrow screens.

use crate::config::Language;

/// The kiosk legend and the short column titles.
#[derive(Debug)]
pub struct LegendStrings {
    /// Legend: a deadline done or overdue has a recorded reason for the delay (ⓘ).
    pub legend_delay: &'static str,
    /// Legend: not changed for `{n}` days or more (`{n}d!`).
    pub legend_stale: &'static str,
    /// Legend: two people share initials (≈).
    pub legend_collide: &'static str,
    /// Legend: not discussed at a stand-up for a while (◌).
    pub legend_undiscussed: &'static str,
    /// Legend: events since the stay was last discussed (◆).
    pub legend_events: &'static str,
    /// Legend: a fagmøte measure due for evaluation (amber `T`).
    pub legend_measure_due: &'static str,
    /// Legend: a fagmøte measure's evaluation is late (red `T`).
    pub legend_measure_overdue: &'static str,
    /// Legend: a case on the next fagmøte (`F`).
    pub legend_case: &'static str,
    /// Column titles where the full word does not fit: natural abbreviations a nurse
    /// reads at once. Each is at most as wide as its column's narrowest width.
    pub short_assessment: &'static str,
    pub short_follow_ups: &'static str,
    pub short_discharge: &'static str,
    pub short_contact: &'static str,
    pub short_medication: &'static str,
}

/// The legend words and short titles in `lang`.
pub fn legend_strings(lang: Language) -> &'static LegendStrings {
    match lang {
        Language::Nb => &NB,
        Language::En => &EN,
    }
}

const NB: LegendStrings = LegendStrings {
    legend_delay: "årsak til forsinkelse notert",
    legend_stale: "ikke oppdatert på {n}+ dager",
    legend_collide: "like initialer",
    legend_undiscussed: "ikke drøftet nylig",
    legend_events: "nye hendelser",
    legend_measure_due: "tiltak skal evalueres",
    legend_measure_overdue: "evaluering av tiltak forsinket",
    legend_case: "sak på neste fagmøte",
    short_assessment: "Kartl.",
    short_follow_ups: "Oppf.",
    short_discharge: "Utskr.",
    short_contact: "Kontakt",
    short_medication: "Legem.",
};

const EN: LegendStrings = LegendStrings {
    legend_delay: "reason for delay noted",
    legend_stale: "not updated for {n}+ days",
    legend_collide: "same initials",
    legend_undiscussed: "not discussed recently",
    legend_events: "new events",
    legend_measure_due: "measure due for evaluation",
    legend_measure_overdue: "measure evaluation overdue",
    legend_case: "case at the next case meeting",
    short_assessment: "Assess.",
    short_follow_ups: "F/U",
    short_discharge: "Disch.",
    short_contact: "Contact",
    short_medication: "Meds",
};
