//! The fagmøte's words added after the clinicians' review: the day a meeting was actually
//! held, the question before ending a meeting with loose ends, and the attendance list.

use crate::config::Language;

#[derive(Debug)]
pub struct FagmoteReviewStrings {
    /// After the held date in a meeting's heading: `{day} {date}` it was planned for.
    pub planned_for: &'static str,
    /// Ending a meeting with loose ends: the counts (one, many with `{n}`) that make up the
    /// one-line question, then the question itself.
    pub not_evaluated: [&'static str; 2],
    pub no_measures: [&'static str; 2],
    pub no_date: [&'static str; 2],
    pub end_anyway: &'static str,
    /// What each loose end lacks, after its name in the list under the question.
    pub tag_not_evaluated: &'static str,
    pub tag_no_measures: &'static str,
    pub tag_no_date: &'static str,
    pub keys_confirm_end: &'static str,
    /// The attendance checklist (`M`) in the fagmøte: its title and keys.
    pub attendance_title: &'static str,
    pub keys_attendance: &'static str,
    /// `u` in the fagmøte: undo covers a stay's own changes, not the meeting's records.
    pub no_undo: &'static str,
}

const NB: FagmoteReviewStrings = FagmoteReviewStrings {
    planned_for: "planlagt {day} {date}",
    not_evaluated: ["1 tiltak er ikke evaluert", "{n} tiltak er ikke evaluert"],
    no_measures: ["1 sak har ingen tiltak", "{n} saker har ingen tiltak"],
    no_date: [
        "1 sak mangler dato for evaluering",
        "{n} saker mangler dato for evaluering",
    ],
    end_anyway: "Avslutte likevel? (j/n)",
    tag_not_evaluated: "ikke evaluert",
    tag_no_measures: "ingen tiltak",
    tag_no_date: "ingen dato for evaluering",
    keys_confirm_end: "j avslutt likevel · n/Esc tilbake til møtet",
    attendance_title: "Hvem er til stede på fagmøtet?",
    keys_attendance: "Mellomrom/x til stede · n en som ikke står på listen · ↑/↓ flytt · Esc ferdig",
    no_undo: "Angre (u) gjelder ikke fagmøtet: rett et steg eller en evaluering med Enter, trekk en sak med w i møteplanen",
};

const EN: FagmoteReviewStrings = FagmoteReviewStrings {
    planned_for: "planned for {day} {date}",
    not_evaluated: [
        "1 measure has not been evaluated",
        "{n} measures have not been evaluated",
    ],
    no_measures: ["1 case has no measure", "{n} cases have no measures"],
    no_date: [
        "1 case has no evaluation date",
        "{n} cases have no evaluation date",
    ],
    end_anyway: "End anyway? (y/n)",
    tag_not_evaluated: "not evaluated",
    tag_no_measures: "no measure",
    tag_no_date: "no evaluation date",
    keys_confirm_end: "y end anyway · n/Esc back to the meeting",
    attendance_title: "Who is at the case meeting?",
    keys_attendance: "Space/x present · n someone not on the list · ↑/↓ move · Esc done",
    no_undo: "Undo (u) does not cover the case meeting: correct a step or an evaluation with Enter, withdraw a case with w in the plan",
};

/// The words in `lang`.
pub fn fagmote_review_strings(lang: Language) -> &'static FagmoteReviewStrings {
    match lang {
        Language::Nb => &NB,
        Language::En => &EN,
    }
}
