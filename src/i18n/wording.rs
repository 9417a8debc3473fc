//! Words from the clinician's review of the wording: undo messages that say what happened,
//! the fagmøte's evaluated measures, the header when nothing is overdue, and the config
//! problems shown in the banner in the board's language.

use crate::config::Language;

#[derive(Debug)]
pub struct WordingStrings {
    /// An undone discharge: the stay is back on the board (said alone: the evaluation,
    /// scores and outcome saved with it are part of the discharge, not other changes).
    pub undone_discharge: &'static str,
    /// An undone cancellation: the stay is back on the board.
    pub undone_cancel: &'static str,
    /// An undone reopening (from the archive): the stay is back in the archive.
    pub undone_reopen: &'static str,
    /// Joins the last two topics of an undo: «legetime og legemidler».
    pub and: &'static str,
    /// Heading over the measures a fagmøte evaluated (with their answers).
    pub evaluated_at_meeting: &'static str,
    /// The header when no deadline is overdue (after a ✓), instead of «✗ 0 over frist».
    pub none_overdue: &'static str,
}

/// The review's words in `lang`.
pub fn wording_strings(lang: Language) -> &'static WordingStrings {
    match lang {
        Language::Nb => &NB,
        Language::En => &EN,
    }
}

const NB: WordingStrings = WordingStrings {
    undone_discharge: "Angret utskrivingen: {name} er tilbake på tavlen",
    undone_cancel: "Angret at innleggelsen ble avbrutt: {name} er tilbake på tavlen",
    undone_reopen: "Angret gjenåpningen: {name} er tilbake i arkivet",
    and: "og",
    evaluated_at_meeting: "Tiltak evaluert på møtet",
    none_overdue: "ingen over frist",
};

const EN: WordingStrings = WordingStrings {
    undone_discharge: "Discharge undone: {name} is back on the board",
    undone_cancel: "Cancellation undone: {name} is back on the board",
    undone_reopen: "Reopening undone: {name} is back in the archive",
    and: "and",
    evaluated_at_meeting: "Measures evaluated at this meeting",
    none_overdue: "none overdue",
};
