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
    /// An undone change to a discharged stay's discharge (outcome, date): «utskriving».
    pub what_discharge: &'static str,
    /// The same for a cancelled stay.
    pub what_cancel: &'static str,
    /// Joins the last two topics of an undo: «legetime og legemidler».
    pub and: &'static str,
    /// Heading over the measures a fagmøte evaluated (with their answers).
    pub evaluated_at_meeting: &'static str,
    /// The header when no deadline is overdue (after a ✓), instead of «✗ 0 over frist».
    pub none_overdue: &'static str,
    /// The config banner when the board runs on the built-in defaults (a broken file at
    /// start: there was no last good config, and «siste gyldige oppsett» was untrue).
    pub config_error_defaults: &'static str,
    /// The config banner on a narrow screen, before `file:line:column: problem`.
    pub config_error_short: &'static str,
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
    what_discharge: "utskriving",
    what_cancel: "avbrudd",
    and: "og",
    evaluated_at_meeting: "Tiltak evaluert på møtet",
    none_overdue: "ingen over frist",
    config_error_defaults: "Feil i konfigurasjonen – bruker standardoppsettet",
    config_error_short: "Feil i konfigurasjonen",
};

const EN: WordingStrings = WordingStrings {
    undone_discharge: "Discharge undone: {name} is back on the board",
    undone_cancel: "Cancellation undone: {name} is back on the board",
    undone_reopen: "Reopening undone: {name} is back in the archive",
    what_discharge: "discharge",
    what_cancel: "cancellation",
    and: "and",
    evaluated_at_meeting: "Measures evaluated at this meeting",
    none_overdue: "none overdue",
    config_error_defaults: "Config error, using the built-in defaults",
    config_error_short: "Config error",
};

/// The words of a config problem (see `crate::config::Problem`): `{field}` is the path in
/// the file, `{got}` the value found, as written there.
#[derive(Debug)]
pub struct ProblemStrings {
    pub range: &'static str,
    pub stay_day: &'static str,
    pub stay_day_or_null: &'static str,
    pub at_least: &'static str,
    pub empty: &'static str,
    pub time: &'static str,
    pub unknown_zone: &'static str,
    pub no_columns: &'static str,
    pub column_twice: &'static str,
    pub no_entries: &'static str,
    pub empty_key: &'static str,
    pub key_twice: &'static str,
    pub empty_label: &'static str,
    pub staff_no_name: &'static str,
    pub staff_twice: &'static str,
    pub staff_discipline: &'static str,
    pub fidelity_scale: &'static str,
    /// `{reason}`: one of the three below or the system's message.
    pub unreadable: &'static str,
    pub not_found: &'static str,
    pub permission_denied: &'static str,
    pub not_utf8: &'static str,
    /// The JSON parser's messages.
    pub json_unknown_field: &'static str,
    pub json_unknown_variant: &'static str,
    pub json_missing_field: &'static str,
    pub json_duplicate_field: &'static str,
    pub json_wrong_value: &'static str,
    pub json_eof: &'static str,
    /// `{what}`: the particular syntax fault.
    pub json_syntax: &'static str,
    pub json_expected: &'static str,
    pub json_trailing_comma: &'static str,
    pub json_key_string: &'static str,
    pub json_trailing_chars: &'static str,
    pub json_invalid_number: &'static str,
    pub json_invalid_escape: &'static str,
    pub json_control_char: &'static str,
    /// A parser message not known here: `{what}` is the parser's own text.
    pub json_other: &'static str,
    /// After a message: what was expected instead.
    pub expected: &'static str,
    pub one_of: &'static str,
    pub or: &'static str,
    pub zero_or_more: &'static str,
    pub kind_text: &'static str,
    pub kind_integer: &'static str,
    pub kind_decimal: &'static str,
    pub kind_boolean: &'static str,
    pub kind_object: &'static str,
    pub kind_list: &'static str,
    pub kind_null: &'static str,
    pub kind_whole: &'static str,
}

/// The config problems' words in `lang`.
pub fn problem_strings(lang: Language) -> &'static ProblemStrings {
    match lang {
        Language::Nb => &PROBLEM_NB,
        Language::En => &PROBLEM_EN,
    }
}

const PROBLEM_NB: ProblemStrings = ProblemStrings {
    range: "{field} må være {min}–{max}, ikke {got}",
    stay_day: "{field} må være en dag i oppholdet (1–{max}), ikke {got}",
    stay_day_or_null: "{field} må være en dag i oppholdet (1–{max}) eller null, ikke {got}",
    at_least: "{field} må være {min} eller mer",
    empty: "{field} kan ikke være tom",
    time: "{field} må være et klokkeslett som TT:MM (f.eks. \"13:00\"), ikke \"{got}\"",
    unknown_zone: "ukjent tidssone \"{got}\" (f.eks. \"Europe/Oslo\")",
    no_columns: "board.columns må ha minst én kolonne",
    column_twice: "board.columns har {got} to ganger",
    no_entries: "{field} må ha minst én oppføring",
    empty_key: "{field}: en oppføring mangler nøkkel (key)",
    key_twice: "{field}: nøkkelen \"{got}\" står to ganger",
    empty_label: "{field}: \"{got}\" mangler navn (label) eller kortnavn (short)",
    staff_no_name: "staff: en oppføring mangler navn",
    staff_twice: "staff: \"{name}\" står to ganger",
    staff_discipline: "staff: \"{name}\" har faget \"{got}\", som ikke finnes i disciplines",
    fidelity_scale: "fidelity.scale må være fire stigende prosenter 1–100 (andelen som gir skår 2, 3, 4 og 5), ikke {got}",
    unreadable: "kan ikke lese filen: {reason}",
    not_found: "filen finnes ikke",
    permission_denied: "mangler tilgang",
    not_utf8: "filen er ikke UTF-8-tekst",
    json_unknown_field: "ukjent innstilling {got}",
    json_unknown_variant: "ukjent verdi {got}",
    json_missing_field: "mangler innstillingen {got}",
    json_duplicate_field: "innstillingen {got} står to ganger",
    json_wrong_value: "feil verdi: {got}",
    json_eof: "filen slutter før JSON-oppsettet er ferdig",
    json_syntax: "feil i JSON-oppsettet: {what}",
    json_expected: "forventet {what}",
    json_trailing_comma: "komma for mye før } eller ]",
    json_key_string: "navnet på en innstilling må stå i anførselstegn",
    json_trailing_chars: "tegn etter slutten av oppsettet",
    json_invalid_number: "ugyldig tall",
    json_invalid_escape: "ugyldig \\-tegn i en tekst",
    json_control_char: "kontrolltegn i en tekst",
    json_other: "feil i JSON-oppsettet ({what})",
    expected: " (forventet {what})",
    one_of: "én av {list}",
    or: "eller",
    // Said already by `kind_whole` («forventet et helt tall, 0 eller mer»).
    zero_or_more: "",
    kind_text: "tekst",
    kind_integer: "heltall",
    kind_decimal: "desimaltall",
    kind_boolean: "true/false",
    kind_object: "et objekt { }",
    kind_list: "en liste [ ]",
    kind_null: "null",
    kind_whole: "et helt tall, 0 eller mer",
};

const PROBLEM_EN: ProblemStrings = ProblemStrings {
    range: "{field} must be {min}–{max}, not {got}",
    stay_day: "{field} must be a day of the stay (1–{max}), not {got}",
    stay_day_or_null: "{field} must be a day of the stay (1–{max}) or null, not {got}",
    at_least: "{field} must be {min} or more",
    empty: "{field} must not be empty",
    time: "{field} must be HH:MM (e.g. \"13:00\"), not \"{got}\"",
    unknown_zone: "unknown time zone \"{got}\" (e.g. \"Europe/Oslo\")",
    no_columns: "board.columns must list at least one column",
    column_twice: "board.columns lists {got} twice",
    no_entries: "{field} must have at least one entry",
    empty_key: "{field}: an entry has an empty key",
    key_twice: "{field}: key \"{got}\" appears twice",
    empty_label: "{field}: \"{got}\" has an empty label or short",
    staff_no_name: "staff: an entry has an empty name",
    staff_twice: "staff: \"{name}\" appears twice",
    staff_discipline: "staff: \"{name}\" has discipline \"{got}\", which is not a key in disciplines",
    fidelity_scale: "fidelity.scale must be four increasing percentages 1–100 (the share from which an element scores 2, 3, 4 and 5), not {got}",
    unreadable: "cannot read the file: {reason}",
    not_found: "no such file",
    permission_denied: "permission denied",
    not_utf8: "the file is not UTF-8 text",
    json_unknown_field: "unknown field {got}",
    json_unknown_variant: "unknown variant {got}",
    json_missing_field: "missing field {got}",
    json_duplicate_field: "duplicate field {got}",
    json_wrong_value: "invalid value: {got}",
    json_eof: "the file ends before the JSON is complete (EOF while parsing)",
    json_syntax: "JSON syntax error: {what}",
    json_expected: "expected {what}",
    json_trailing_comma: "trailing comma before } or ]",
    json_key_string: "key must be a string in quotes",
    json_trailing_chars: "trailing characters after the end of the config",
    json_invalid_number: "invalid number",
    json_invalid_escape: "invalid \\ escape in a string",
    json_control_char: "control character in a string",
    json_other: "JSON error ({what})",
    expected: ", expected {what}",
    one_of: "one of {list}",
    or: "or",
    zero_or_more: " (must be zero or more)",
    kind_text: "string",
    kind_integer: "integer",
    kind_decimal: "floating point",
    kind_boolean: "boolean",
    kind_object: "a map",
    kind_list: "a sequence",
    kind_null: "null",
    kind_whole: "u32",
};
