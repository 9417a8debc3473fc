//! Every UI string, in one place, in bokmål and English.

use crate::config::Language;

mod legend;
pub use legend::{LegendStrings, legend_strings};
mod deploy;
pub use deploy::{DeployStrings, deploy_strings};
mod wards;
pub use wards::{WardStrings, ward_strings};
mod events;
pub use events::{EventStrings, event_strings};
mod hospital;
pub use hospital::{HospitalStrings, hospital_strings};
mod intake;
pub use intake::{IntakeStrings, intake_strings};
mod fagmote;
pub use fagmote::*;
mod fagmote_review;
pub use fagmote_review::{FagmoteReviewStrings, fagmote_review_strings};
mod fidelity;
pub use fidelity::{FidelityStrings, fidelity_strings};
mod discharge_scores;
pub use discharge_scores::{DischargeScoreStrings, discharge_score_strings};
mod wording;
pub use wording::{ProblemStrings, WordingStrings, problem_strings, wording_strings};
mod days;
pub use days::{
    DayForm, DayStrings, day_strings, not_working_warning, stay_day_text, week_label, week_text,
};

/// All user-facing words of the board.
#[derive(Debug)]
pub struct Strings {
    pub weekdays: [&'static str; 7],
    pub week: &'static str,
    pub active: &'static str,
    pub red_flags: &'static str,
    pub page: &'static str,
    pub read_only: &'static str,
    pub col_person: &'static str,
    pub col_group: &'static str,
    pub col_day: &'static str,
    pub col_contact: &'static str,
    pub col_goals: &'static str,
    pub col_assessment: &'static str,
    pub col_gp: &'static str,
    pub col_medication: &'static str,
    pub col_risks: &'static str,
    pub col_follow_ups: &'static str,
    pub col_discharge: &'static str,
    pub col_updated: &'static str,
    pub day: &'static str,
    pub days_short: &'static str,
    pub hours_short: &'static str,
    pub today: &'static str,
    pub not_booked: &'static str,
    pub booked: &'static str,
    pub done: &'static str,
    pub med_not_started: &'static str,
    pub med_in_progress: &'static str,
    pub med_done: &'static str,
    pub overdue_short: &'static str,
    pub left_short: &'static str,
    pub delay_known: &'static str,
    pub stale: &'static str,
    pub same_initials: &'static str,
    pub not_discussed: &'static str,
    pub no_goals: &'static str,
    pub none: &'static str,
    pub empty_title: &'static str,
    pub empty_hint_edit: &'static str,
    pub empty_hint_kiosk: &'static str,
    pub legend_done: &'static str,
    pub legend_ok: &'static str,
    pub legend_soon: &'static str,
    pub legend_overdue: &'static str,
    pub keys_board: &'static str,
    /// The board's keys for narrow screens.
    pub keys_board_short: &'static str,
    pub keys_kiosk: &'static str,
    pub keys_detail: &'static str,
    pub detail_title: &'static str,
    pub admitted: &'static str,
    pub planned_discharge: &'static str,
    pub primary_contact: &'static str,
    pub target_group: &'static str,
    pub goals: &'static str,
    pub follow_ups: &'static str,
    pub risks: &'static str,
    pub deadlines: &'static str,
    pub assessment: &'static str,
    pub gp: &'static str,
    pub medication: &'static str,
    pub discharge: &'static str,
    pub note: &'static str,
    pub hidden: &'static str,
    pub delay_reason: &'static str,
    pub last_changed: &'static str,
    pub history: &'static str,
    pub due: &'static str,
    pub achieved: &'static str,
    pub dropped: &'static str,
    /// A stay's status, as the history shows it.
    pub stay_active: &'static str,
    pub stay_discharged: &'static str,
    pub stay_cancelled: &'static str,
    /// A goal's place in the person's list, as the history names it.
    pub goal_order: &'static str,
    pub config_error: &'static str,
    /// The config file is gone; `{path}` is replaced by its path.
    pub config_missing: &'static str,
    /// The same, shorter, for narrow screens.
    pub config_missing_short: &'static str,
    pub db_error: &'static str,
    pub too_small: &'static str,
    pub help_title: &'static str,
    pub help_board: &'static [(&'static str, &'static str)],
    pub help_kiosk: &'static [(&'static str, &'static str)],
}

/// The strings for `lang`.
pub fn strings(lang: Language) -> &'static Strings {
    match lang {
        Language::Nb => &NB,
        Language::En => &EN,
    }
}

static NB: Strings = Strings {
    weekdays: [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    ],
    week: "uke",
    active: "aktive",
    red_flags: "over frist",
    page: "side",
    read_only: "SKRIVEBESKYTTET",
    col_person: "Person",
    col_group: "Gruppe",
    col_day: "Dag",
    col_contact: "Primærkontakt",
    col_goals: "Mål",
    col_assessment: "Kartlegging",
    col_gp: "Legetime",
    col_medication: "Legemidler",
    col_risks: "Risiko",
    col_follow_ups: "Oppfølging",
    col_discharge: "Utskriving",
    col_updated: "Endret",
    day: "dag",
    days_short: "d",
    hours_short: "t",
    today: "i dag",
    not_booked: "ikke bestilt",
    booked: "bestilt",
    done: "gjennomført",
    med_not_started: "ikke startet",
    med_in_progress: "pågår",
    med_done: "samstemt",
    overdue_short: "over",
    left_short: "igjen",
    delay_known: "årsak kjent",
    stale: "ikke oppdatert",
    same_initials: "like initialer",
    not_discussed: "ikke drøftet nylig",
    no_goals: "ingen mål ennå",
    none: "–",
    empty_title: "Ingen aktive innleggelser",
    empty_hint_edit: "Trykk a for å legge inn den første innleggelsen.\nSe et eksempel med: tavle --demo",
    empty_hint_kiosk: "Innleggelser legges inn fra redigeringstavlen.",
    legend_done: "gjennomført",
    legend_ok: "i rute",
    legend_soon: "snart frist",
    legend_overdue: "over frist",
    keys_board: "t tavlemøte · a ny · e endre · m mål · l legetime · s legemidler · x utskriving · A arkiv · u angre · Enter detaljer · ? alle taster · q avslutt",
    keys_board_short: "t møte · a ny · e endre · u angre · A arkiv · ? alle taster · q avslutt",
    keys_kiosk: "Kun visning",
    keys_detail: "Esc lukk · ↑↓ forrige/neste · PgUp/PgDn bla · redigeringstastene virker også her",
    detail_title: "Detaljer",
    admitted: "Innlagt",
    planned_discharge: "Planlagt utskriving",
    primary_contact: "Primærkontakt",
    target_group: "Målgruppe",
    goals: "Mål (hva er viktig for deg)",
    follow_ups: "Oppfølging",
    risks: "Risiko",
    deadlines: "Frister",
    assessment: "Kartlegging",
    gp: "Legetime",
    medication: "Legemiddelsamstemming",
    discharge: "Utskriving",
    note: "Notat",
    hidden: "(skjult på denne skjermen)",
    delay_reason: "årsak til forsinkelse",
    last_changed: "Sist endret",
    history: "Historikk",
    due: "frist",
    achieved: "nådd",
    dropped: "ikke lenger aktuelt",
    stay_active: "aktiv",
    stay_discharged: "utskrevet",
    stay_cancelled: "avbrutt",
    goal_order: "rekkefølge",
    config_error: "Feil i konfigurasjonen – bruker siste gyldige oppsett",
    config_missing: "Finner ikke konfigurasjonsfilen {path} – tavlen bruker siste gyldige oppsett",
    config_missing_short: "Finner ikke {path} – bruker siste gyldige oppsett",
    db_error: "Databasefeil",
    too_small: "Vinduet er for lite – gjør det større",
    help_title: " Taster ",
    help_board: &[
        ("↑/↓ j/k", "velg forrige/neste innleggelse"),
        ("PgUp/PgDn ←/→ Space", "forrige/neste side"),
        ("Home/End g/G", "første/siste"),
        ("Enter", "vis/lukk detaljer og historikk"),
        ("a", "ny innleggelse"),
        ("e", "endre innleggelsen (navn, datoer, kontakt, notat)"),
        (
            "m",
            "mål: n nytt · e endre · x nådd · d ikke lenger aktuelt · J/K flytt",
        ),
        ("v", "kartlegging gjennomført (dato)"),
        ("l", "legetime: bestilt til, gjennomført, tøm"),
        ("s", "legemiddelsamstemming: status og dato"),
        ("r", "risiko: slå av/på med mellomrom"),
        ("f", "oppfølging: n ny · x gjennomført"),
        (
            "d",
            "årsak til forsinkelse (kartlegging, legetime, legemidler, utskriving)",
        ),
        (
            "x",
            "utskriving: evaluer hvert mål (nådd / delvis nådd / ikke nådd), avslutt eller viderefør hver åpne oppfølging og frist med et notat, så dato og utfall",
        ),
        ("c", "avbryt innleggelsen (spør først)"),
        ("D  Delete", "slett innleggelsen (spør først)"),
        ("u", "angre siste endring (flere trinn)"),
        (
            "t",
            "tavlemøte: én innleggelse om gangen med tidsramme; →/← neste/forrige, o drøftet, t/Esc avslutt",
        ),
        (
            "i",
            "indikatorer for de siste 12 ukene (prosess, utfall, per uke)",
        ),
        (
            "A",
            "arkiv: utskrevne og avbrutte innleggelser – søk på navn og periode, se hele oppholdet og historikken, g gjenåpne",
        ),
        (
            "Skjema",
            "Tab/⇧Tab felt · ←→ velg/markør · Enter lagre · Esc avbryt · Ctrl-U tøm felt",
        ),
        (
            "Datoer",
            "25.11.2026 · 25.11 · i dag · i morgen · i går · +3 · -2",
        ),
        ("Esc", "lukk"),
        ("?", "denne hjelpen"),
        ("q  Ctrl-C", "avslutt"),
    ],
    help_kiosk: &[
        ("PgUp/PgDn ←/→", "forrige/neste side"),
        (
            "",
            "Skjermen er skrivebeskyttet. Administrator stopper den med et signal (kill/SIGTERM).",
        ),
    ],
};

static EN: Strings = Strings {
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    week: "week",
    active: "active",
    red_flags: "overdue",
    page: "page",
    read_only: "READ-ONLY",
    col_person: "Person",
    col_group: "Group",
    col_day: "Day",
    col_contact: "Primary contact",
    col_goals: "Goals",
    col_assessment: "Assessment",
    col_gp: "GP",
    col_medication: "Medication",
    col_risks: "Risks",
    col_follow_ups: "Follow-ups",
    col_discharge: "Discharge",
    col_updated: "Edited",
    day: "day",
    days_short: "d",
    hours_short: "h",
    today: "today",
    not_booked: "not booked",
    booked: "booked",
    done: "done",
    med_not_started: "not started",
    med_in_progress: "in progress",
    med_done: "reconciled",
    overdue_short: "late",
    left_short: "left",
    delay_known: "reason known",
    stale: "not updated",
    same_initials: "same initials",
    not_discussed: "not discussed recently",
    no_goals: "no goals yet",
    none: "–",
    empty_title: "No active stays",
    empty_hint_edit: "Press a to add the first stay.\nSee an example with: tavle --demo",
    empty_hint_kiosk: "Stays are added from the editing board.",
    legend_done: "done",
    legend_ok: "on track",
    legend_soon: "due soon",
    legend_overdue: "overdue",
    keys_board: "t stand-up · a add · e edit · m goals · l GP · s medication · x discharge · A archive · u undo · Enter details · ? all keys · q quit",
    keys_board_short: "t stand-up · a add · e edit · u undo · A archive · ? all keys · q quit",
    keys_kiosk: "View only",
    keys_detail: "Esc close · ↑↓ previous/next · PgUp/PgDn scroll · editing keys work here too",
    detail_title: "Details",
    admitted: "Admitted",
    planned_discharge: "Planned discharge",
    primary_contact: "Primary contact",
    target_group: "Target group",
    goals: "Goals (what matters to you)",
    follow_ups: "Follow-ups",
    risks: "Risks",
    deadlines: "Deadlines",
    assessment: "Assessment",
    gp: "GP appointment",
    medication: "Medication reconciliation",
    discharge: "Discharge",
    note: "Note",
    hidden: "(hidden on this screen)",
    delay_reason: "delay",
    last_changed: "Last changed",
    history: "History",
    due: "due",
    achieved: "achieved",
    dropped: "no longer relevant",
    stay_active: "active",
    stay_discharged: "discharged",
    stay_cancelled: "cancelled",
    goal_order: "order",
    config_error: "Config error, using the last good config",
    config_missing: "Config file {path} not found – the board runs on the last good config",
    config_missing_short: "No {path} – using the last good config",
    db_error: "Database error",
    too_small: "The window is too small – make it larger",
    help_title: " Keys ",
    help_board: &[
        ("↑/↓ j/k", "select previous/next stay"),
        ("PgUp/PgDn ←/→ Space", "previous/next page"),
        ("Home/End g/G", "first/last"),
        ("Enter", "show/close details and history"),
        ("a", "add a stay"),
        ("e", "edit the stay (name, dates, contact, note)"),
        (
            "m",
            "goals: n new · e edit · x achieved · d no longer relevant · J/K move",
        ),
        ("v", "assessment done (date)"),
        ("l", "GP appointment: book, done, clear"),
        ("s", "medication reconciliation: status and date"),
        ("r", "risks: toggle with Space"),
        ("f", "follow-ups: n new · x done"),
        ("d", "reason for a missed deadline"),
        (
            "x",
            "discharge: evaluate each goal (achieved / partly / not achieved), close or carry over each open follow-up and deadline with a note, then date and outcome",
        ),
        ("c", "cancel the stay (asks first)"),
        ("D  Delete", "delete the stay (asks first)"),
        ("u", "undo the last change (several steps)"),
        (
            "t",
            "stand-up: one stay at a time in a time box; →/← next/previous, o discussed, t/Esc end",
        ),
        (
            "i",
            "indicators for the last 12 weeks (process, outcome, per week)",
        ),
        (
            "A",
            "archive: discharged and cancelled stays – search by name and period, see the whole stay and its history, g reopen",
        ),
        (
            "Forms",
            "Tab/⇧Tab field · ←→ choose/cursor · Enter save · Esc cancel · Ctrl-U clear field",
        ),
        (
            "Dates",
            "25.11.2026 · 25.11 · today · tomorrow · yesterday · +3 · -2",
        ),
        ("Esc", "close"),
        ("?", "this help"),
        ("q  Ctrl-C", "quit"),
    ],
    help_kiosk: &[
        ("PgUp/PgDn ←/→", "previous/next page"),
        (
            "",
            "This screen is read-only. An administrator stops it with a signal (kill/SIGTERM).",
        ),
    ],
};

/// The words of editing: forms, panels, confirmations and messages.
#[derive(Debug)]
pub struct EditStrings {
    pub add_stay: &'static str,
    pub edit_stay: &'static str,
    pub add_goal: &'static str,
    pub edit_goal: &'static str,
    pub assessment: &'static str,
    pub gp: &'static str,
    pub medication: &'static str,
    pub add_follow_up: &'static str,
    pub delay: &'static str,
    pub discharge: &'static str,
    pub name: &'static str,
    pub initials: &'static str,
    pub target_group: &'static str,
    pub admitted: &'static str,
    pub planned_discharge: &'static str,
    pub contact: &'static str,
    pub note: &'static str,
    pub goal_text: &'static str,
    pub done_on: &'static str,
    pub booked_for: &'static str,
    pub status: &'static str,
    pub text: &'static str,
    pub discipline: &'static str,
    pub due: &'static str,
    pub deadline: &'static str,
    pub reason: &'static str,
    pub outcome: &'static str,
    pub discharge_date: &'static str,
    pub no_reason: &'static str,
    pub none_choice: &'static str,
    pub pick: &'static str,
    pub goal_open: &'static str,
    pub err_empty: &'static str,
    pub err_too_long: &'static str,
    pub err_before_admission: &'static str,
    /// `{date}`: the earliest date with something recorded.
    pub err_recorded_before: &'static str,
    /// `{name}`, `{date}`: the stay on the board with the same name, and its admission.
    pub warn_twin: &'static str,
    pub err_phone: &'static str,
    pub err_not_active: &'static str,
    pub err_no_such_item: &'static str,
    pub err_unknown_choice: &'static str,
    pub err_date: &'static str,
    pub err_no_such_day: &'static str,
    pub err_date_empty: &'static str,
    pub conflict: &'static str,
    pub conflict_deleted: &'static str,
    pub conflict_quick: &'static str,
    pub conflict_field: &'static str,
    pub empty_value: &'static str,
    pub merged: &'static str,
    pub saving_wait: &'static str,
    pub saving_wait_on: &'static str,
    pub save_pending: &'static str,
    pub quit_after_save: &'static str,
    pub db_replaced: &'static str,
    pub saved: &'static str,
    /// A stay was deleted; `{name}` is the person.
    pub deleted: &'static str,
    pub undone: &'static str,
    /// An undo: `{what}` is what was undone (e.g. «legetime»), `{name}` the person.
    pub undone_what: &'static str,
    /// An undone deletion: the stay is back.
    pub undone_delete: &'static str,
    /// What an undone creation was, for `undone_what`.
    pub what_new_stay: &'static str,
    /// What an undone discharge or cancellation was, for `undone_what`.
    pub what_status: &'static str,
    /// What an undone change of the stay's own fields was, for `undone_what`.
    pub what_stay_fields: &'static str,
    pub nothing_to_undo: &'static str,
    pub undo_conflict: &'static str,
    pub not_saved: &'static str,
    pub busy: &'static str,
    pub disk_full: &'static str,
    pub read_only_db: &'static str,
    pub confirm_cancel: &'static str,
    pub confirm_delete: &'static str,
    pub goals_panel: &'static str,
    pub follow_ups_panel: &'static str,
    pub risks_panel: &'static str,
    pub keys_form: &'static str,
    pub keys_goals: &'static str,
    pub keys_follow_ups: &'static str,
    pub keys_risks: &'static str,
    pub keys_confirm: &'static str,
    pub saving: &'static str,
    pub history_empty: &'static str,
    pub history_undo: &'static str,
    pub suggestion: &'static str,
    pub unsaved_quit: &'static str,
}

/// The editing strings for `lang`.
pub fn edit_strings(lang: Language) -> &'static EditStrings {
    match lang {
        Language::Nb => &EDIT_NB,
        Language::En => &EDIT_EN,
    }
}

static EDIT_NB: EditStrings = EditStrings {
    add_stay: "Ny innleggelse",
    edit_stay: "Endre innleggelse",
    add_goal: "Nytt mål",
    edit_goal: "Endre mål",
    assessment: "Kartlegging",
    gp: "Legetime",
    medication: "Legemiddelsamstemming",
    add_follow_up: "Ny oppfølging",
    delay: "Årsak til forsinkelse",
    discharge: "Evaluering og utskriving",
    name: "Navn",
    initials: "Initialer",
    target_group: "Målgruppe",
    admitted: "Innlagt",
    planned_discharge: "Planlagt utskriving",
    contact: "Primærkontakt",
    note: "Notat",
    goal_text: "Målet med personens egne ord",
    done_on: "Gjennomført den",
    booked_for: "Bestilt til",
    status: "Status",
    text: "Tekst",
    discipline: "Faggruppe",
    due: "Frist",
    deadline: "Gjelder",
    reason: "Årsak",
    outcome: "Utfall",
    discharge_date: "Utskrivingsdato",
    no_reason: "– ingen (fjern årsak) –",
    none_choice: "–",
    pick: "(velg med ←/→)",
    goal_open: "aktivt",
    err_empty: "Må fylles ut",
    err_too_long: "For lang tekst: høyst {n} tegn",
    err_before_admission: "Kan ikke være før innleggelsesdatoen",
    err_recorded_before: "Kan ikke være etter første registrering ({date})",
    warn_twin: "{name} står alt på tavla (innlagt {date}). Enter igjen lagrer likevel.",
    err_phone: "Skriv et telefonnummer med sifre, f.eks. 912 34 567",
    err_not_active: "Innleggelsen er ikke aktiv lenger",
    err_no_such_item: "Finnes ikke lenger",
    err_unknown_choice: "Velg fra listen med ←/→",
    err_date: "Forstår ikke datoen – skriv f.eks. 25.11.2026, 25.11, i dag eller +3",
    err_no_such_day: "Den dagen finnes ikke i kalenderen",
    err_date_empty: "Skriv en dato",
    conflict: "{who} endret de samme feltene i mellomtiden (vist under feltene). Enter lagrer dine verdier der, Esc forkaster dine endringer. Andre felt er oppdatert.",
    conflict_deleted: "Innleggelsen er slettet i mellomtiden ({who}). Ingenting ble lagret.",
    conflict_quick: "{who} endret denne innleggelsen i mellomtiden; tavlen viser nå det nye. Ingenting ble lagret – prøv igjen.",
    conflict_field: "{who} lagret «{value}» i mellomtiden",
    empty_value: "(tomt)",
    merged: "Lagret – {who} hadde endret andre felt i mellomtiden; begge endringene er beholdt",
    saving_wait: "Lagrer … venter på at databasen blir ledig ({secs} s)",
    saving_wait_on: "Lagrer … venter på {who}, som holder databasen låst ({secs} s)",
    save_pending: "Venter på forrige lagring – prøv igjen om et øyeblikk",
    quit_after_save: "Avslutter når lagringen er ferdig (Ctrl-C igjen avslutter nå, og lagringen kan gå tapt)",
    db_replaced: "DATABASEFILEN ER BYTTET UT, FLYTTET ELLER SLETTET – ingenting mer lagres her. Avslutt og start tavlen på nytt.",
    saved: "Lagret",
    deleted: "Slettet: {name} (u angrer)",
    undone: "Angret",
    undone_what: "Angret: {what} for {name}",
    undone_delete: "Angret slettingen: {name} er tilbake på tavlen",
    what_new_stay: "ny innleggelse",
    what_status: "utskriving/avbrudd",
    what_stay_fields: "opplysninger om innleggelsen",
    nothing_to_undo: "Ingenting å angre i denne økten",
    undo_conflict: "Kan ikke angre: {who} har endret innleggelsen etterpå. Ingenting ble endret.",
    not_saved: "Ikke lagret",
    busy: "databasen var låst av et annet program hele ventetiden. Det du skrev er beholdt; trykk Enter for å prøve igjen.",
    disk_full: "disken er full. Det du skrev er beholdt; frigjør plass og trykk Enter igjen.",
    read_only_db: "databasefilen er skrivebeskyttet.",
    confirm_cancel: "Avbryte innleggelsen for {name}? Den fjernes fra tavlen, men beholdes i historikken.",
    confirm_delete: "Slette {name} og alt som hører til? Kan angres med u i denne økten.",
    goals_panel: "Mål",
    follow_ups_panel: "Oppfølging",
    risks_panel: "Risiko",
    keys_form: "Tab/⇧Tab felt · ←→ velg · Enter lagre · Esc avbryt",
    keys_goals: "n nytt · e endre · p skår · x nådd · d ikke lenger aktuelt · J/K flytt · u angre · Esc tilbake",
    keys_follow_ups: "n ny · x gjennomført · u angre · Esc tilbake",
    keys_risks: "Mellomrom/x slå av/på · u angre · Esc tilbake",
    keys_confirm: "j ja · n/Esc nei",
    saving: "Lagrer…",
    history_empty: "ingen endringer registrert",
    history_undo: "angret",
    suggestion: "→ fyller inn",
    unsaved_quit: "Skjemaet er ikke lagret. Ctrl-C igjen avslutter uten å lagre; Enter lagrer, Esc forkaster.",
};

static EDIT_EN: EditStrings = EditStrings {
    add_stay: "New stay",
    edit_stay: "Edit stay",
    add_goal: "New goal",
    edit_goal: "Edit goal",
    assessment: "Assessment",
    gp: "GP appointment",
    medication: "Medication reconciliation",
    add_follow_up: "New follow-up",
    delay: "Reason for delay",
    discharge: "Evaluate and discharge",
    name: "Name",
    initials: "Initials",
    target_group: "Target group",
    admitted: "Admitted",
    planned_discharge: "Planned discharge",
    contact: "Primary contact",
    note: "Note",
    goal_text: "The goal in the person's words",
    done_on: "Done on",
    booked_for: "Booked for",
    status: "Status",
    text: "Text",
    discipline: "Discipline",
    due: "Due",
    deadline: "Deadline",
    reason: "Reason",
    outcome: "Outcome",
    discharge_date: "Discharged on",
    no_reason: "– none (clear the reason) –",
    none_choice: "–",
    pick: "(choose with ←/→)",
    goal_open: "open",
    err_empty: "Required",
    err_too_long: "Too long: at most {n} characters",
    err_before_admission: "Cannot be before the admission date",
    err_recorded_before: "Cannot be after the first record ({date})",
    warn_twin: "{name} is already on the board (admitted {date}). Enter again saves anyway.",
    err_phone: "Type a phone number with digits, e.g. 912 34 567",
    err_not_active: "This stay is no longer active",
    err_no_such_item: "No longer exists",
    err_unknown_choice: "Pick from the list with ←/→",
    err_date: "Not a date – type e.g. 25.11.2026, 25.11, today or +3",
    err_no_such_day: "That day does not exist",
    err_date_empty: "Type a date",
    conflict: "{who} changed the same fields meanwhile (shown under them). Enter saves your values there, Esc discards your changes. Other fields are updated.",
    conflict_deleted: "This stay was deleted meanwhile ({who}). Nothing was saved.",
    conflict_quick: "{who} changed this stay meanwhile; the board now shows their change. Nothing was saved – try again.",
    conflict_field: "{who} saved “{value}” meanwhile",
    empty_value: "(empty)",
    merged: "Saved – {who} had changed other fields meanwhile; both changes are kept",
    saving_wait: "Saving … waiting for the database to be free ({secs} s)",
    saving_wait_on: "Saving … waiting for {who}, which holds the database locked ({secs} s)",
    save_pending: "Waiting for the previous save – try again in a moment",
    quit_after_save: "Quitting when the save is done (Ctrl-C again quits now, and the save may be lost)",
    db_replaced: "THE DATABASE FILE WAS REPLACED, MOVED OR DELETED – nothing more is saved here. Quit and start tavle again.",
    saved: "Saved",
    deleted: "Deleted: {name} (u undoes it)",
    undone: "Undone",
    undone_what: "Undone: {what} for {name}",
    undone_delete: "Deletion undone: {name} is back on the board",
    what_new_stay: "new stay",
    what_status: "discharge/cancellation",
    what_stay_fields: "details of the stay",
    nothing_to_undo: "Nothing to undo in this session",
    undo_conflict: "Cannot undo: {who} changed the stay since. Nothing was changed.",
    not_saved: "Not saved",
    busy: "another program kept the database locked the whole wait. What you typed is kept; press Enter to try again.",
    disk_full: "the disk is full. What you typed is kept; free some space and press Enter again.",
    read_only_db: "the database file is read-only.",
    confirm_cancel: "Cancel the stay of {name}? It leaves the board but is kept in the history.",
    confirm_delete: "Delete {name} and everything under it? u undoes it in this session.",
    goals_panel: "Goals",
    follow_ups_panel: "Follow-ups",
    risks_panel: "Risks",
    keys_form: "Tab/⇧Tab field · ←→ choose · Enter save · Esc cancel",
    keys_goals: "n new · e edit · p score · x achieved · d no longer relevant · J/K move · u undo · Esc back",
    keys_follow_ups: "n new · x done · u undo · Esc back",
    keys_risks: "Space/x toggle · u undo · Esc back",
    keys_confirm: "y yes · n/Esc no",
    saving: "Saving…",
    history_empty: "no changes recorded",
    history_undo: "undone",
    suggestion: "→ fills in",
    unsaved_quit: "The form is not saved. Ctrl-C again quits without saving; Enter saves, Esc discards.",
};

/// The words of the stand-up mode.
#[derive(Debug)]
pub struct StandupStrings {
    pub standup: &'static str,
    pub left: &'static str,
    pub over: &'static str,
    pub stay: &'static str,
    pub of: &'static str,
    pub next: &'static str,
    /// Shown once the stay in focus counts as discussed.
    pub discussed_mark: &'static str,
    /// Shown before the seconds spent on the stay in focus, until it counts.
    pub discussing: &'static str,
    pub keys: &'static str,
    pub summary_title: &'static str,
    pub discussed: &'static str,
    pub overdue_items: &'static str,
    pub follow_ups_created: &'static str,
    pub minutes_used: &'static str,
    pub not_discussed: &'static str,
    pub keys_summary: &'static str,
    pub keys_indicators: &'static str,
}

/// The stand-up strings for `lang`.
pub fn standup_strings(lang: Language) -> &'static StandupStrings {
    match lang {
        Language::Nb => &STANDUP_NB,
        Language::En => &STANDUP_EN,
    }
}

static STANDUP_NB: StandupStrings = StandupStrings {
    standup: "TAVLEMØTE",
    left: "igjen",
    over: "over tiden",
    stay: "Innleggelse",
    of: "av",
    next: "neste:",
    discussed_mark: "drøftet",
    discussing: "drøftes",
    keys: "→/Mellomrom neste · ← forrige · o drøftet · f oppfølging · redigeringstaster virker · t/Esc avslutt møtet",
    summary_title: "Tavlemøtet er avsluttet",
    discussed: "Drøftet",
    overdue_items: "Over frist nå",
    follow_ups_created: "Nye oppfølginger",
    minutes_used: "Minutter brukt",
    not_discussed: "Ikke drøftet:",
    keys_summary: "Enter/Esc tilbake til tavlen",
    keys_indicators: "Esc/i lukk · ↑/↓ PgUp/PgDn blar · samme tall som «tavle report»",
};

static STANDUP_EN: StandupStrings = StandupStrings {
    standup: "STAND-UP",
    left: "left",
    over: "over time",
    stay: "Stay",
    of: "of",
    next: "next:",
    discussed_mark: "discussed",
    discussing: "on it",
    keys: "→/Space next · ← previous · o discussed · f follow-ups · editing keys work · t/Esc end the meeting",
    summary_title: "The stand-up is over",
    discussed: "Discussed",
    overdue_items: "Overdue items now",
    follow_ups_created: "Follow-ups created",
    minutes_used: "Minutes used",
    not_discussed: "Not discussed:",
    keys_summary: "Enter/Esc back to the board",
    keys_indicators: "Esc/i close · ↑/↓ PgUp/PgDn scroll · the same figures as `tavle report`",
};

/// Words for deadlines: late work, weekends and holidays, the GP booking, the goal's date.
#[derive(Debug)]
pub struct DeadlineStrings {
    /// After "2d": done this many days after the deadline.
    pub late: &'static str,
    /// The same, shortest.
    pub late_short: &'static str,
    /// The deadline's day is a Saturday or Sunday.
    pub weekend: &'static str,
    /// The deadline's day is a public holiday.
    pub holiday: &'static str,
    /// The deadline was moved to the working day before a weekend.
    pub before_weekend: &'static str,
    /// The deadline was moved to the working day before a public holiday.
    pub before_holiday: &'static str,
    /// Moved to the working day after a weekend (moving it earlier would have made it the
    /// admission day).
    pub after_weekend: &'static str,
    /// Moved to the working day after a public holiday (same reason).
    pub after_holiday: &'static str,
    /// After a GP booking whose date has passed: was it held?
    pub gp_held: &'static str,
    /// After a booking that lies after the deadline: the appointment will be late.
    pub gp_after_deadline: &'static str,
    /// Before the weekend or holiday date a deadline was moved from.
    pub moved_from: &'static str,
    /// The goal form's date field.
    pub goal_set_on: &'static str,
    pub err_future: &'static str,
}

/// The deadline words for `lang`.
pub fn deadline_strings(lang: Language) -> &'static DeadlineStrings {
    match lang {
        Language::Nb => &DEADLINE_NB,
        Language::En => &DEADLINE_EN,
    }
}

static DEADLINE_NB: DeadlineStrings = DeadlineStrings {
    late: "for sent",
    late_short: "sent",
    weekend: "helg",
    holiday: "helligdag",
    before_weekend: "før helg",
    before_holiday: "før helligdag",
    after_weekend: "etter helg",
    after_holiday: "etter helligdag",
    gp_held: "avholdt?",
    gp_after_deadline: "etter frist",
    moved_from: "flyttet fra",
    goal_set_on: "Satt dato",
    err_future: "Datoen kan ikke være fram i tid",
};

static DEADLINE_EN: DeadlineStrings = DeadlineStrings {
    late: "late",
    late_short: "late",
    weekend: "weekend",
    holiday: "holiday",
    before_weekend: "before weekend",
    before_holiday: "before holiday",
    after_weekend: "after weekend",
    after_holiday: "after holiday",
    gp_held: "held?",
    gp_after_deadline: "after deadline",
    moved_from: "moved from",
    goal_set_on: "Set on",
    err_future: "The date cannot be in the future",
};

/// Words of the header's occupancy and of the TV layout.
pub struct ScreenStrings {
    /// `1 planlagt`: admissions with a later admission date (not active yet).
    pub planned: &'static str,
    /// Said next to the count when more stays are active than the ward has places.
    pub over_capacity: &'static str,
    /// Said when the planned admissions would take the ward over capacity.
    pub planned_over: &'static str,
}

pub fn screen_strings(lang: Language) -> &'static ScreenStrings {
    match lang {
        Language::Nb => &SCREEN_NB,
        Language::En => &SCREEN_EN,
    }
}

static SCREEN_NB: ScreenStrings = ScreenStrings {
    planned: "planlagt",
    over_capacity: "over kapasitet",
    planned_over: "gir overbelegg",
};

static SCREEN_EN: ScreenStrings = ScreenStrings {
    planned: "planned",
    over_capacity: "over capacity",
    planned_over: "will exceed capacity",
};

/// A phrase with a number in it, singular and plural (`{n}` is the number).
#[derive(Debug)]
pub struct Counted {
    pub one: &'static str,
    pub many: &'static str,
}

impl Counted {
    /// The phrase for `n`: «1 tavlemøte», «3 tavlemøter».
    pub fn of(&self, n: usize) -> String {
        self.with(n == 1, &n.to_string())
    }

    /// The phrase with the number already written (e.g. a decimal); `one` picks the singular.
    pub fn with(&self, one: bool, n: &str) -> String {
        if one { self.one } else { self.many }.replace("{n}", n)
    }
}

/// The words of the indicators: the in-app view and `tavle report`. `{n}` is a number,
/// `{from}`/`{to}` dates.
#[derive(Debug)]
pub struct IndicatorStrings {
    pub title: &'static str,
    pub process: Counted,
    pub assessment: &'static str,
    pub goals: &'static str,
    pub gp: &'static str,
    pub medication: &'static str,
    /// Under the process figures when some target group has its own deadline days.
    pub group_days_note: &'static str,
    pub on_time: &'static str,
    pub standups_discussed: &'static str,
    pub standups: Counted,
    pub not_yet_due: &'static str,
    pub ended_before: &'static str,
    pub outcome: Counted,
    pub median: &'static str,
    pub days: Counted,
    pub discharge_outcome: &'static str,
    pub not_recorded: &'static str,
    pub hospital: &'static str,
    pub goals_achieved: &'static str,
    pub all_goals: &'static str,
    pub meetings_title: &'static str,
    pub minutes: &'static str,
    pub week_prefix: &'static str,
    pub per_week: &'static str,
    pub admitted: &'static str,
    pub discharged: &'static str,
    pub left: &'static str,
    pub right: &'static str,
    pub shares_per_week: &'static str,
    pub short_assessment: &'static str,
    pub short_goals: &'static str,
    pub short_gp: &'static str,
    pub short_medication: &'static str,
    pub short_on_time: &'static str,
    pub short_standups: &'static str,
    pub no_weeks: &'static str,
    pub col_week: &'static str,
    pub col_admitted: &'static str,
    pub col_discharged: &'static str,
    pub col_assessment: &'static str,
    pub col_goals: &'static str,
    pub col_gp: &'static str,
    pub col_medication: &'static str,
    pub col_on_time: &'static str,
    pub col_standups: &'static str,
    pub charts_hint: &'static str,
    /// Bottom row of a scrolled indicators view: `{n}` lines below.
    pub scroll_hint: &'static str,
    pub last_weeks: Counted,
    /// `tavle report`'s first line.
    pub report_title: &'static str,
    /// After the process heading: deadlines after the period are not counted.
    pub not_counted_after: &'static str,
    /// «3 av 4».
    pub of: &'static str,
    pub col_date: &'static str,
    pub col_led_by: &'static str,
    pub col_minutes: &'static str,
    pub col_discussed: &'static str,
    /// Stays discussed at a meeting that were not active then.
    pub not_active: &'static str,
    /// The heading of the report's weekly table.
    pub per_iso_week: &'static str,
}

/// The indicator words for `lang`.
pub fn indicator_strings(lang: Language) -> &'static IndicatorStrings {
    match lang {
        Language::Nb => &INDICATORS_NB,
        Language::En => &INDICATORS_EN,
    }
}

static INDICATORS_NB: IndicatorStrings = IndicatorStrings {
    title: "Indikatorer",
    process: Counted {
        one: "Prosess: {n} innleggelse i perioden",
        many: "Prosess: {n} innleggelser i perioden",
    },
    assessment: "Kartlegging gjennomført innen dag {n}",
    goals: "Mål satt innen dag {n}",
    gp: "Legetime gjennomført innen dag {n}",
    medication: "Legemiddelsamstemming innen dag {n}",
    group_days_note: "* noen målgrupper har egne frister (f.eks. legemidler dag 3 for utskrevne fra sykehus); tallene bruker hver innleggelses egen frist",
    on_time: "Utskrevet innen {n} dager",
    standups_discussed: "Aktive opphold drøftet på tavlemøter",
    standups: Counted {
        one: "{n} tavlemøte",
        many: "{n} tavlemøter",
    },
    not_yet_due: "fristen ikke passert",
    ended_before: "avsluttet før fristen",
    outcome: Counted {
        one: "Utfall: {n} utskrevet i perioden",
        many: "Utfall: {n} utskrevet i perioden",
    },
    median: "Median oppholdstid",
    days: Counted {
        one: "{n} dag",
        many: "{n} dager",
    },
    discharge_outcome: "Utskrevet til",
    not_recorded: "(ikke registrert)",
    hospital: "Innlagt på sykehus under oppholdet",
    goals_achieved: "Mål nådd ved utskriving",
    all_goals: "Opphold med alle mål nådd",
    meetings_title: "Tavlemøter",
    minutes: "min",
    week_prefix: "u",
    per_week: "Per uke",
    admitted: "innlagt",
    discharged: "utskrevet",
    left: "venstre",
    right: "høyre",
    shares_per_week: "Andel per uke (innleggelser den uka)",
    short_assessment: "Kartlegging d{n}",
    short_goals: "Mål d{n}",
    short_gp: "Legetime d{n}",
    short_medication: "Legemidler d{n}",
    short_on_time: "Utskr. i tide",
    short_standups: "Tavlemøter",
    no_weeks: "Ingen uker i perioden",
    col_week: "uke",
    col_admitted: "innl.",
    col_discharged: "utskr.",
    col_assessment: "kartl. d{n}",
    col_goals: "mål d{n}",
    col_gp: "lege d{n}",
    col_medication: "legem. d{n}",
    col_on_time: "i tide",
    col_standups: "tavlem.",
    charts_hint: "Ukegrafer: gjør vinduet større",
    scroll_hint: "↓ {n} linjer til · ↑/↓ PgUp/PgDn blar",
    last_weeks: Counted {
        one: "siste {n} uke",
        many: "siste {n} uker",
    },
    report_title: "Indikatorer {from} – {to} (begge dagene medregnet)",
    not_counted_after: "frister etter {to} er ikke talt med ennå",
    of: "av",
    col_date: "dato",
    col_led_by: "ledet av",
    col_minutes: "minutter",
    col_discussed: "drøftet",
    not_active: "ikke aktive",
    per_iso_week: "Per uke (andel av innleggelsene den uka)",
};

static INDICATORS_EN: IndicatorStrings = IndicatorStrings {
    title: "Indicators",
    process: Counted {
        one: "Process: {n} stay admitted in the period",
        many: "Process: {n} stays admitted in the period",
    },
    assessment: "Assessment done by day {n}",
    goals: "Goals set by day {n}",
    gp: "GP appointment held by day {n}",
    medication: "Medication reconciled by day {n}",
    group_days_note: "* some target groups have their own deadlines (e.g. medication by day 3 after hospital); the figures use each stay's own deadline",
    on_time: "Discharged within {n} days",
    standups_discussed: "Active stays discussed at stand-ups",
    standups: Counted {
        one: "{n} stand-up",
        many: "{n} stand-ups",
    },
    not_yet_due: "not yet due",
    ended_before: "ended before the deadline",
    outcome: Counted {
        one: "Outcome: {n} stay discharged in the period",
        many: "Outcome: {n} stays discharged in the period",
    },
    median: "Median length of stay",
    days: Counted {
        one: "{n} day",
        many: "{n} days",
    },
    discharge_outcome: "Discharge outcome",
    not_recorded: "(not recorded)",
    hospital: "Hospital admission during the stay",
    goals_achieved: "Goals achieved at discharge",
    all_goals: "Stays with every goal achieved",
    meetings_title: "Stand-ups",
    minutes: "min",
    week_prefix: "W",
    per_week: "Per week",
    admitted: "admitted",
    discharged: "discharged",
    left: "left",
    right: "right",
    shares_per_week: "Share per week (stays admitted that week)",
    short_assessment: "Assessment d{n}",
    short_goals: "Goals d{n}",
    short_gp: "GP d{n}",
    short_medication: "Medication d{n}",
    short_on_time: "On time",
    short_standups: "Stand-ups",
    no_weeks: "No weeks in the period",
    col_week: "week",
    col_admitted: "admit",
    col_discharged: "disch",
    col_assessment: "assess d{n}",
    col_goals: "goals d{n}",
    col_gp: "GP d{n}",
    col_medication: "med d{n}",
    col_on_time: "on time",
    col_standups: "stand-ups",
    charts_hint: "Weekly charts: enlarge the window",
    scroll_hint: "↓ {n} more lines · ↑/↓ PgUp/PgDn scroll",
    last_weeks: Counted {
        one: "last {n} week",
        many: "last {n} weeks",
    },
    report_title: "Indicators {from} – {to} (both days included)",
    not_counted_after: "deadlines after {to} not yet counted",
    of: "of",
    col_date: "date",
    col_led_by: "led by",
    col_minutes: "minutes",
    col_discussed: "discussed",
    not_active: "not active",
    per_iso_week: "Per ISO week (process shares over the stays admitted that week)",
};

/// What an audit field is about, for «Angret: legetime for …»: the topic, not the detail
/// (`gp_booked_for` and `gp_done_on` are both the GP appointment).
pub fn field_topic(field: &str, lang: Language) -> &'static str {
    let s = strings(lang);
    let e = edit_strings(lang);
    match field.split('.').next().unwrap_or(field) {
        "assessment_done" => s.assessment,
        "gp_booked_for" | "gp_done_on" => s.gp,
        "med_status" | "med_done" => s.medication,
        "risks" => s.risks,
        "goal" => s.col_goals,
        "follow_up" => s.follow_ups,
        "delay" => e.delay,
        "event" => event_strings(lang).events,
        "kin" => intake_strings(lang).kin_title,
        "status" | "discharged_on" | "discharge_outcome" => e.what_status,
        _ => e.what_stay_fields,
    }
}

/// `Legetime` → `legetime` inside a sentence; `GP appointment` stays as it is.
pub fn lower_first(word: &str) -> String {
    let mut cs = word.chars();
    match (cs.next(), cs.next()) {
        (Some(a), Some(b)) if b.is_lowercase() => {
            a.to_lowercase().chain(word.chars().skip(1)).collect()
        }
        _ => word.to_string(),
    }
}

/// The words of the discharge evaluation (utskriving) and the archive.
#[derive(Debug)]
pub struct DischargeStrings {
    /// The evaluation's first line; `{items}` lists what is open.
    pub open_items: &'static str,
    pub nothing_open: &'static str,
    pub goal: &'static str,
    pub goals_n: &'static str,
    pub follow_ups_n: &'static str,
    pub evaluation: &'static str,
    pub decision: &'static str,
    pub note: &'static str,
    pub eval_achieved: &'static str,
    pub eval_partly: &'static str,
    pub eval_not: &'static str,
    pub dec_done: &'static str,
    pub dec_home_care: &'static str,
    pub dec_gp: &'static str,
    pub dec_other: &'static str,
    pub dec_closed: &'static str,
    pub follow_up: &'static str,
    pub assessment_open: &'static str,
    pub gp_not_booked: &'static str,
    /// `{date}`: the booked date.
    pub gp_booked: &'static str,
    /// `{date}`: the booked date, after today.
    pub gp_booked_later: &'static str,
    /// `{status}`: not started / in progress.
    pub med_open: &'static str,
    pub err_evaluate: &'static str,
    pub err_decide: &'static str,
    pub err_note: &'static str,
    /// `{n}`: items still without a decision.
    pub missing: &'static str,
    pub err_undecided: &'static str,
    pub esc_again: &'static str,
    pub err_already_active: &'static str,
    pub decisions_title: &'static str,
    pub archive: &'static str,
    pub search_name: &'static str,
    pub search_from: &'static str,
    pub search_to: &'static str,
    pub bad_date: &'static str,
    pub no_match: &'static str,
    pub loading: &'static str,
    /// `{n}` shown of `{total}`.
    pub count: &'static str,
    pub status_discharged: &'static str,
    pub status_cancelled: &'static str,
    pub keys_archive: &'static str,
    pub keys_archive_detail: &'static str,
    /// `{name}`: the person.
    pub confirm_reopen: &'static str,
    /// `{name}`: the person.
    pub reopened: &'static str,
}

/// The discharge and archive strings for `lang`.
pub fn discharge_strings(lang: Language) -> &'static DischargeStrings {
    match lang {
        Language::Nb => &DISCHARGE_NB,
        Language::En => &DISCHARGE_EN,
    }
}

static DISCHARGE_NB: DischargeStrings = DischargeStrings {
    open_items: "Åpne punkter: {items}",
    nothing_open: "Ingen åpne punkter – alle mål er evaluert og alt er avsluttet",
    goal: "Mål",
    goals_n: "mål",
    follow_ups_n: "oppfølging",
    evaluation: "Evaluering",
    decision: "Beslutning",
    note: "Notat",
    eval_achieved: "nådd",
    eval_partly: "delvis nådd",
    eval_not: "ikke nådd",
    dec_done: "gjennomført nå",
    dec_home_care: "videreført til hjemmetjenesten",
    dec_gp: "videreført til fastlegen",
    dec_other: "videreført til andre (hvem: i notatet)",
    dec_closed: "avsluttet – ikke lenger aktuelt",
    follow_up: "Oppfølging",
    assessment_open: "Kartlegging ikke gjennomført",
    gp_not_booked: "Legetime ikke bestilt",
    gp_booked: "Legetime bestilt {date}, ikke gjennomført",
    gp_booked_later: "Legetime bestilt {date} – etter utskrivingen",
    med_open: "Legemiddelsamstemming {status}",
    err_evaluate: "Evaluer målet: nådd, delvis nådd eller ikke nådd (←/→)",
    err_decide: "Velg hva som skjer med punktet (←/→)",
    err_note: "Skriv et kort notat: hva mottakeren må vite, eller hvorfor det avsluttes",
    missing: "Evalueringen er ikke ferdig: {n} punkt mangler beslutning. Markøren står på det første.",
    err_undecided: "Et åpent punkt mangler beslutning",
    esc_again: "Esc en gang til forkaster det du har skrevet i evalueringen",
    err_already_active: "Innleggelsen er allerede aktiv",
    decisions_title: "Beslutninger ved utskriving",
    archive: "Arkiv – utskrevne og avbrutte innleggelser",
    search_name: "Navn",
    search_from: "Fra",
    search_to: "Til",
    bad_date: "forstår ikke datoen",
    no_match: "Ingen treff",
    loading: "Henter arkivet …",
    count: "{n} av {total}",
    status_discharged: "utskrevet",
    status_cancelled: "avbrutt",
    keys_archive: "skriv for å søke · Tab navn/fra/til · ↑↓ velg · Enter vis · Esc lukk",
    keys_archive_detail: "g gjenåpne · PgUp/PgDn bla · ↑↓ forrige/neste · Esc tilbake",
    confirm_reopen: "Gjenåpne innleggelsen for {name}? Den kommer tilbake på tavlen som aktiv.",
    reopened: "Gjenåpnet – {name} er tilbake på tavlen",
};

static DISCHARGE_EN: DischargeStrings = DischargeStrings {
    open_items: "Open items: {items}",
    nothing_open: "Nothing open – every goal is evaluated and everything is closed",
    goal: "Goal",
    goals_n: "goals",
    follow_ups_n: "follow-ups",
    evaluation: "Evaluation",
    decision: "Decision",
    note: "Note",
    eval_achieved: "achieved",
    eval_partly: "partly achieved",
    eval_not: "not achieved",
    dec_done: "done now",
    dec_home_care: "carried over to home care",
    dec_gp: "carried over to the GP",
    dec_other: "carried over to others (who: in the note)",
    dec_closed: "closed – no longer relevant",
    follow_up: "Follow-up",
    assessment_open: "Assessment not done",
    gp_not_booked: "GP appointment not booked",
    gp_booked: "GP appointment booked for {date}, not held",
    gp_booked_later: "GP appointment booked for {date} – after the discharge",
    med_open: "Medication reconciliation {status}",
    err_evaluate: "Evaluate the goal: achieved, partly or not achieved (←/→)",
    err_decide: "Choose what happens to this item (←/→)",
    err_note: "Write a short note: what the receiver must know, or why it is closed",
    missing: "The evaluation is not complete: {n} item(s) without a decision. The cursor is on the first.",
    err_undecided: "An open item has no decision",
    esc_again: "Esc once more throws away what you wrote in the evaluation",
    err_already_active: "The stay is already active",
    decisions_title: "Decisions at discharge",
    archive: "Archive – discharged and cancelled stays",
    search_name: "Name",
    search_from: "From",
    search_to: "To",
    bad_date: "not a date",
    no_match: "No match",
    loading: "Loading the archive …",
    count: "{n} of {total}",
    status_discharged: "discharged",
    status_cancelled: "cancelled",
    keys_archive: "type to search · Tab name/from/to · ↑↓ select · Enter show · Esc close",
    keys_archive_detail: "g reopen · PgUp/PgDn scroll · ↑↓ previous/next · Esc back",
    confirm_reopen: "Reopen the stay of {name}? It comes back on the board as active.",
    reopened: "Reopened – {name} is back on the board",
};
