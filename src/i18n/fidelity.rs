//! The words of model fidelity (modelltrofasthet) and of the person's own goal scores.

use crate::config::Language;
use crate::domain::fidelity::{Element, State};

/// Model fidelity and goal scores, in one language.
#[derive(Debug)]
pub struct FidelityStrings {
    pub title: &'static str,
    pub stay_length: &'static str,
    pub home_visit: &'static str,
    pub goals: &'static str,
    pub primary_contact: &'static str,
    pub board_meetings: &'static str,
    pub gp: &'static str,
    pub medication: &'static str,
    pub evaluation: &'static str,
    pub met: &'static str,
    pub met_late: &'static str,
    pub not_met: &'static str,
    pub not_yet_due: &'static str,
    /// `{date}`.
    pub due: &'static str,
    /// `{met}` of `{n}` elements met.
    pub summary: &'static str,
    /// `{date}`, `{day}`.
    pub ev_discharged: &'static str,
    /// `{day}`, `{n}`.
    pub ev_active: &'static str,
    /// `{reason}`.
    pub ev_delay: &'static str,
    /// `{date}`.
    pub ev_assessment: &'static str,
    /// `{n}` goals, the first set `{date}`.
    pub ev_goals: &'static str,
    /// `{times}`, `{first}`, `{last}`.
    pub ev_discussed: &'static str,
    /// `{days}`, `{date}` (the day the stretch ended).
    pub ev_gap: &'static str,
    /// `{date}`.
    pub ev_gp_held: &'static str,
    /// `{date}`.
    pub ev_gp_booked: &'static str,
    /// `{date}`.
    pub ev_med_done: &'static str,
    pub ev_med_done_undated: &'static str,
    pub ev_med_in_progress: &'static str,
    /// `{done}` of `{n}` goals evaluated, `{d}` decisions.
    pub ev_evaluation: &'static str,
    /// `{n}` items still without a decision.
    pub ev_undecided: &'static str,
    pub ev_no_outcome: &'static str,
    pub ev_at_discharge: &'static str,
    pub ev_missing: &'static str,
    /// `{date}`: the deadline the stay was discharged before.
    pub ended_before: &'static str,
    /// Before the note an unmet element was acknowledged with.
    pub acknowledged: &'static str,
    /// The discharge form: heading of an unmet element (`{element}`, `{why}`).
    pub form_unmet: &'static str,
    pub form_reason: &'static str,
    pub err_reason: &'static str,
    /// `{element}`: newly unmet with the date typed.
    pub err_date_unmet: &'static str,
    /// The discharge form's intro, after the open items: `{n}` elements to acknowledge.
    pub form_intro: &'static str,
    // Goal scores.
    pub score_title: &'static str,
    pub score_start: &'static str,
    pub score_end: &'static str,
    pub err_score: &'static str,
    pub score_hint: &'static str,
    /// History labels: the goal's start / end score.
    pub hist_score_start: &'static str,
    pub hist_score_end: &'static str,
    pub goal_scores: &'static str,
    // The report and the indicators view.
    /// `{n}`: stays discharged in the period.
    pub rep_title: &'static str,
    pub rep_met: &'static str,
    pub rep_share: &'static str,
    pub rep_late: &'static str,
    pub rep_not_met: &'static str,
    pub rep_score: &'static str,
    pub rep_all_met: &'static str,
    pub rep_total: &'static str,
    /// `{t}` of `{m}`.
    pub rep_total_value: &'static str,
    /// `{a}`…`{d}`: the scale's thresholds.
    pub rep_scale: &'static str,
    pub rep_months: &'static str,
    pub rep_month: &'static str,
    pub rep_stays: &'static str,
    pub rep_all: &'static str,
    /// Short element names for the month table, in model order.
    pub short: [&'static str; 8],
    pub rep_goal_title: &'static str,
    pub rep_with_both: &'static str,
    pub rep_mean_change: &'static str,
    pub rep_points: &'static str,
    /// `{n}`: the threshold in points.
    pub rep_improved: &'static str,
    pub of: &'static str,
}

impl FidelityStrings {
    /// The name of an element.
    pub fn element(&self, e: Element) -> &'static str {
        match e {
            Element::StayLength => self.stay_length,
            Element::HomeVisit => self.home_visit,
            Element::Goals => self.goals,
            Element::PrimaryContact => self.primary_contact,
            Element::BoardMeetings => self.board_meetings,
            Element::Gp => self.gp,
            Element::Medication => self.medication,
            Element::Evaluation => self.evaluation,
        }
    }

    /// The word for a state.
    pub fn state(&self, s: State) -> &'static str {
        match s {
            State::Met => self.met,
            State::MetLate => self.met_late,
            State::NotMet => self.not_met,
            State::NotYetDue => self.not_yet_due,
        }
    }
}

/// Fidelity and goal-score strings for `lang`.
pub fn fidelity_strings(lang: Language) -> &'static FidelityStrings {
    match lang {
        Language::Nb => &FIDELITY_NB,
        Language::En => &FIDELITY_EN,
    }
}

static FIDELITY_NB: FidelityStrings = FidelityStrings {
    title: "Modelltrofasthet",
    stay_length: "5 ukers opphold",
    home_visit: "Hjemmebesøk/kartlegging",
    goals: "Mål satt med brukeren",
    primary_contact: "Primærkontakt",
    board_meetings: "Drøftet på tavlemøter",
    gp: "Legetime",
    medication: "Legemiddelsamstemming",
    evaluation: "Evaluering ved utskriving",
    met: "oppfylt",
    met_late: "oppfylt for sent",
    not_met: "ikke oppfylt",
    not_yet_due: "ikke forfalt ennå",
    due: "frist {date}",
    summary: "{met} av {n} forfalte oppfylt",
    ev_discharged: "utskrevet {date}, dag {day}",
    ev_active: "dag {day} av {n}",
    ev_delay: "forsinkelsesårsak: {reason}",
    ev_assessment: "kartlegging registrert {date}",
    ev_goals: "{n} mål, det første satt {date}",
    ev_discussed: "drøftet {times} ganger, {first}–{last}",
    ev_gap: "lengst tid uten drøfting: {days} dager (fram til {date})",
    ev_gp_held: "legetime {date}",
    ev_gp_booked: "bestilt til {date}, ikke holdt ennå",
    ev_med_done: "samstemt {date}",
    ev_med_done_undated: "samstemt, dato ikke registrert",
    ev_med_in_progress: "pågår",
    ev_evaluation: "{done} av {n} mål evaluert, beslutninger: {d}",
    ev_undecided: "uten beslutning: {n}",
    ev_no_outcome: "utfall ikke registrert",
    ev_at_discharge: "gjøres ved utskriving (x)",
    ev_missing: "ikke registrert",
    ended_before: "utskrevet før fristen {date}",
    acknowledged: "Begrunnelse ved utskriving:",
    form_unmet: "Ikke oppfylt: {element} ({why})",
    form_reason: "Begrunnelse",
    err_reason: "Skriv hvorfor modellen ikke ble fulgt her",
    err_date_unmet: "Med denne datoen blir også «{element}» ikke oppfylt: lukk skjemaet (Esc) og åpne det igjen",
    form_intro: "Modelltrofasthet: {n} ikke oppfylt – skriv en begrunnelse for hvert",
    score_title: "Brukerens egen skår",
    score_start: "Skår ved hjemmebesøket (0–10)",
    score_end: "Skår ved utskriving (0–10)",
    err_score: "Skriv et tall fra 0 til 10, eller la feltet stå tomt",
    score_hint: "Hvor godt klarer du dette i dag? 0 = ikke i det hele tatt, 10 = helt fint",
    hist_score_start: "skår ved start",
    hist_score_end: "skår ved utskriving",
    goal_scores: "Egen skår",
    rep_title: "Modelltrofasthet (opphold utskrevet i perioden: {n})",
    rep_met: "oppfylt",
    rep_share: "andel",
    rep_late: "for sent",
    rep_not_met: "ikke oppfylt",
    rep_score: "skår",
    rep_all_met: "Alle elementer oppfylt",
    rep_total: "Totalskår (1–5 per element)",
    rep_total_value: "{t} av {m}",
    rep_scale: "Skala: 2 fra {a} %, 3 fra {b} %, 4 fra {c} %, 5 fra {d} %, ellers 1",
    rep_months: "Per måned (opphold utskrevet den måneden, andel oppfylt)",
    rep_month: "Måned",
    rep_stays: "Opphold",
    rep_all: "Alle",
    short: [
        "5 uker", "Besøk", "Mål", "Kontakt", "Tavlem.", "Lege", "Legem.", "Evaluer.",
    ],
    rep_goal_title: "Brukerens egen skår på mål (opphold utskrevet i perioden)",
    rep_with_both: "Mål med skår ved start og utskriving",
    rep_mean_change: "Gjennomsnittlig endring",
    rep_points: "poeng",
    rep_improved: "Bedret seg minst {n} poeng",
    of: "av",
};

static FIDELITY_EN: FidelityStrings = FidelityStrings {
    title: "Model fidelity",
    stay_length: "5-week stay",
    home_visit: "Home visit/assessment",
    goals: "Goals set with the person",
    primary_contact: "Primary contact",
    board_meetings: "Discussed at board meetings",
    gp: "GP appointment",
    medication: "Medication reconciliation",
    evaluation: "Evaluation at discharge",
    met: "met",
    met_late: "met late",
    not_met: "not met",
    not_yet_due: "not yet due",
    due: "due {date}",
    summary: "{met} of {n} due met",
    ev_discharged: "discharged {date}, day {day}",
    ev_active: "day {day} of {n}",
    ev_delay: "delay reason: {reason}",
    ev_assessment: "assessment recorded {date}",
    ev_goals: "{n} goals, the first set {date}",
    ev_discussed: "discussed {times} times, {first}–{last}",
    ev_gap: "longest time not discussed: {days} days (until {date})",
    ev_gp_held: "GP appointment {date}",
    ev_gp_booked: "booked for {date}, not held yet",
    ev_med_done: "reconciled {date}",
    ev_med_done_undated: "reconciled, date not recorded",
    ev_med_in_progress: "in progress",
    ev_evaluation: "{done} of {n} goals evaluated, decisions: {d}",
    ev_undecided: "without a decision: {n}",
    ev_no_outcome: "outcome not recorded",
    ev_at_discharge: "done at discharge (x)",
    ev_missing: "not recorded",
    ended_before: "discharged before the deadline {date}",
    acknowledged: "Reason given at discharge:",
    form_unmet: "Not met: {element} ({why})",
    form_reason: "Reason",
    err_reason: "Write why the model was not followed here",
    err_date_unmet: "With this date «{element}» is not met either: close the form (Esc) and open it again",
    form_intro: "Model fidelity: {n} not met – give a reason for each",
    score_title: "The person's own score",
    score_start: "Score at the home visit (0–10)",
    score_end: "Score at discharge (0–10)",
    err_score: "Type a number from 0 to 10, or leave the field empty",
    score_hint: "How well do you manage this today? 0 = not at all, 10 = fully",
    hist_score_start: "score at start",
    hist_score_end: "score at discharge",
    goal_scores: "Own score",
    rep_title: "Model fidelity (stays discharged in the period: {n})",
    rep_met: "met",
    rep_share: "share",
    rep_late: "late",
    rep_not_met: "not met",
    rep_score: "score",
    rep_all_met: "Every element met",
    rep_total: "Total score (1–5 per element)",
    rep_total_value: "{t} of {m}",
    rep_scale: "Scale: 2 from {a} %, 3 from {b} %, 4 from {c} %, 5 from {d} %, else 1",
    rep_months: "Per month (stays discharged that month, share met)",
    rep_month: "Month",
    rep_stays: "Stays",
    rep_all: "All",
    short: [
        "5 weeks", "Visit", "Goals", "Contact", "Boards", "GP", "Meds", "Eval.",
    ],
    rep_goal_title: "The person's own goal scores (stays discharged in the period)",
    rep_with_both: "Goals scored at start and discharge",
    rep_mean_change: "Mean change",
    rep_points: "points",
    rep_improved: "Improved by at least {n} points",
    of: "of",
};
