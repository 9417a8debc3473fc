//! Words for a person in hospital during the stay, and for the capacity and target-group
//! questions asked before an admission (from a referral, the archive or `a`).

use crate::config::Language;

/// The words of the hospital badge and the admission checks.
#[derive(Debug)]
pub struct HospitalStrings {
    /// The board's badge, from long to short; `{date}` is the day admitted (`24.11`).
    pub badge: &'static [&'static str],
    /// The badge on a screen that may not show events (a corridor kiosk): the home-visit
    /// deadlines are paused without saying why.
    pub on_hold: [&'static str; 2],
    /// Detail pane: `{date}`, `{days}` days in hospital.
    pub detail: &'static str,
    /// Detail pane, second line: what pausing means and how it ends.
    pub detail_paused: &'static str,
    /// Stand-up heading for the stay.
    pub standup: &'static str,
    /// After the stand-up's «Frister» heading.
    pub deadlines_paused: &'static str,
    /// Legend on the board.
    pub legend: &'static str,
    /// The capacity line of an admission question: `{n}` of `{cap}` places on `{when}`.
    pub over_today: &'static str,
    pub over_on: &'static str,
    /// Asked after the capacity line.
    pub admit_anyway: &'static str,
    pub reopen_anyway: &'static str,
    /// The add-stay form cannot take j/n (they are letters of a name): Enter again.
    pub add_anyway: &'static str,
    /// The admit form's title (`{name}`), and its fields.
    pub admit_title: &'static str,
    pub target_group: &'static str,
    pub primary_contact: &'static str,
    pub err_target_group: &'static str,
    /// The admit question without a capacity problem: `{name}`, `{date}`.
    pub admit_confirm: &'static str,
}

const NB: HospitalStrings = HospitalStrings {
    badge: &[
        "PÅ SYKEHUS fra {date} · frister på vent",
        "SYKEHUS fra {date} · frister på vent",
        "SYKEHUS {date} · frister på vent",
        "PÅ SYKEHUS fra {date}",
        "SYKEHUS {date}",
        "SYKEHUS",
    ],
    on_hold: ["PÅ VENT · frister stoppet", "PÅ VENT"],
    detail: "PÅ SYKEHUS fra {date} ({days}. døgn)",
    detail_paused: "Frister for hjemmebesøk (kartlegging, legetime, legemidler) står på vent til «Tilbake fra sykehus» er registrert (h).",
    standup: "PÅ SYKEHUS fra {date}",
    deadlines_paused: "på vent (på sykehus)",
    legend: "SYKEHUS = innlagt på sykehus, frister på vent",
    over_today: "Dette gir {n} av {cap} plasser i dag.",
    over_on: "Dette gir {n} av {cap} plasser {when}.",
    admit_anyway: "Legge inn likevel? (j/n)",
    reopen_anyway: "Gjenåpne likevel? (j/n)",
    add_anyway: "Enter igjen lagrer likevel.",
    admit_title: "Legg inn {name}",
    target_group: "Målgruppe",
    primary_contact: "Primærkontakt",
    err_target_group: "Velg målgruppe – den bestemmer fristene",
    admit_confirm: "Legge inn {name} {date}? (j/n)",
};

const EN: HospitalStrings = HospitalStrings {
    badge: &[
        "IN HOSPITAL since {date} · deadlines paused",
        "HOSPITAL {date} · deadlines paused",
        "IN HOSPITAL since {date}",
        "HOSPITAL {date}",
        "HOSPITAL",
    ],
    on_hold: ["ON HOLD · deadlines paused", "ON HOLD"],
    detail: "IN HOSPITAL since {date} (day {days})",
    detail_paused: "Home-visit deadlines (assessment, GP, medication) are paused until «Back from hospital» is recorded (h).",
    standup: "IN HOSPITAL since {date}",
    deadlines_paused: "paused (in hospital)",
    legend: "HOSPITAL = admitted to hospital, deadlines paused",
    over_today: "This makes {n} of {cap} places today.",
    over_on: "This makes {n} of {cap} places on {when}.",
    admit_anyway: "Admit anyway? (y/n)",
    reopen_anyway: "Reopen anyway? (y/n)",
    add_anyway: "Enter again saves anyway.",
    admit_title: "Admit {name}",
    target_group: "Target group",
    primary_contact: "Primary contact",
    err_target_group: "Choose a target group – it sets the deadlines",
    admit_confirm: "Admit {name} on {date}? (y/n)",
};

/// The hospital words in `lang`.
pub fn hospital_strings(lang: Language) -> &'static HospitalStrings {
    match lang {
        Language::Nb => &NB,
        Language::En => &EN,
    }
}
