//! Words of the person's own end score (sluttskår) as the discharge evaluation asks for it.

use crate::config::Language;

/// The end-score questions of the discharge form, in one language.
#[derive(Debug)]
pub struct DischargeScoreStrings {
    /// The field's label: the person's score of the goal now, at discharge.
    pub end_score: &'static str,
    /// Appended to a goal's heading: `{n}` the score given at the home visit.
    pub start_score: &'static str,
    /// Appended to a goal's heading when no score was given at the home visit.
    pub no_start_score: &'static str,
    /// The explicit skip: the person was not asked, or could not answer.
    pub not_measured: &'static str,
    /// A goal evaluated before the discharge: `{status}` what it was evaluated as.
    pub evaluated: &'static str,
    /// The field left on «velg»: a score or the explicit skip is needed.
    pub err_score: &'static str,
}

/// The end-score strings for `lang`.
pub fn discharge_score_strings(lang: Language) -> &'static DischargeScoreStrings {
    match lang {
        Language::Nb => &NB,
        Language::En => &EN,
    }
}

static NB: DischargeScoreStrings = DischargeScoreStrings {
    end_score: "Sluttskår (0–10)",
    start_score: "startskår {n}",
    no_start_score: "ingen startskår",
    not_measured: "ikke målt",
    evaluated: "allerede {status}",
    err_score: "Velg brukerens skår nå (0–10, ←/→ eller tall), eller «ikke målt»",
};

static EN: DischargeScoreStrings = DischargeScoreStrings {
    end_score: "End score (0–10)",
    start_score: "start score {n}",
    no_start_score: "no start score",
    not_measured: "not measured",
    evaluated: "already {status}",
    err_score: "Choose the person's score now (0–10, ←/→ or a number), or «not measured»",
};
