//! The fagmøte's words added after the clinicians' review: the day a meeting was actually
//! held, the question before ending a meeting with loose ends, and the attendance list.

use crate::config::Language;

#[derive(Debug)]
pub struct FagmoteReviewStrings {
    /// After the held date in a meeting's heading: `{day} {date}` it was planned for.
    pub planned_for: &'static str,
}

const NB: FagmoteReviewStrings = FagmoteReviewStrings {
    planned_for: "planlagt {day} {date}",
};

const EN: FagmoteReviewStrings = FagmoteReviewStrings {
    planned_for: "planned for {day} {date}",
};

/// The words in `lang`.
pub fn fagmote_review_strings(lang: Language) -> &'static FagmoteReviewStrings {
    match lang {
        Language::Nb => &NB,
        Language::En => &EN,
    }
}
