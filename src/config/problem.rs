//! What is wrong with a config file, kept as data (the field's path and the bad value) so
//! that each place words it in its own language: the board's banner in the board's
//! language, `tavle check-config` (a command-line tool, English like the rest of the CLI)
//! in English. Before, the messages were English sentences built in `load.rs`, and a
//! Norwegian board showed «Feil i konfigurasjonen – …: capacity must be 1–1000, not 0».

use super::schema::Language;
use crate::i18n::{ProblemStrings, problem_strings};

/// One reason a config file cannot be used. `field` is the path in the file
/// (`stay.gp_day`, `fagmote.step_minutes.perspective`); `got` the value found, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A number outside `min..=max`.
    Range {
        field: String,
        min: u32,
        max: u32,
        got: String,
    },
    /// A day of the stay (1..=`max`); `or_null` when null is allowed too.
    StayDay {
        field: String,
        max: u32,
        got: u32,
        or_null: bool,
    },
    /// A number below `min`.
    AtLeast {
        field: String,
        min: u32,
    },
    /// A text that is empty or blank.
    Empty {
        field: String,
    },
    /// A clock time that is not `HH:MM`.
    Time {
        field: String,
        got: String,
    },
    UnknownZone {
        got: String,
    },
    /// `board.columns` is empty.
    NoColumns,
    /// A column listed twice (`got` as written in the file's spelling).
    ColumnTwice {
        got: String,
    },
    /// A list of choices with no entry.
    NoEntries {
        field: String,
    },
    /// An entry of a list of choices without a key.
    EmptyKey {
        field: String,
    },
    /// Two entries of a list with the same key.
    KeyTwice {
        field: String,
        got: String,
    },
    /// A choice (event kind) with an empty label or short form.
    EmptyLabel {
        field: String,
        got: String,
    },
    StaffNoName,
    StaffTwice {
        name: String,
    },
    /// A staff member's discipline that is not a key in `disciplines`.
    StaffDiscipline {
        name: String,
        got: String,
    },
    /// `fidelity.scale` not four increasing percentages; `got` as `[40, 60, 75, 90]`.
    FidelityScale {
        got: String,
    },
    /// The file could not be read.
    Unreadable(Unreadable),
    NotUtf8,
    /// The JSON parser's own message (English from serde_json), worded on demand; the
    /// line and column are in the error around it.
    Json(String),
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    NotFound,
    PermissionDenied,
    /// The system's message (rare: a disk error, a folder in the file's place).
    Other(String),
}

impl Problem {
    /// The sentence in `lang`, with the field path and the value found.
    pub fn text(&self, lang: Language) -> String {
        let w = problem_strings(lang);
        let f = |t: &str, field: &str| t.replace("{field}", field);
        match self {
            Problem::Range {
                field,
                min,
                max,
                got,
            } => f(w.range, field)
                .replace("{min}", &min.to_string())
                .replace("{max}", &max.to_string())
                .replace("{got}", got),
            Problem::StayDay {
                field,
                max,
                got,
                or_null,
            } => f(
                if *or_null {
                    w.stay_day_or_null
                } else {
                    w.stay_day
                },
                field,
            )
            .replace("{max}", &max.to_string())
            .replace("{got}", &got.to_string()),
            Problem::AtLeast { field, min } => {
                f(w.at_least, field).replace("{min}", &min.to_string())
            }
            Problem::Empty { field } => f(w.empty, field),
            Problem::Time { field, got } => f(w.time, field).replace("{got}", got),
            Problem::UnknownZone { got } => w.unknown_zone.replace("{got}", got),
            Problem::NoColumns => w.no_columns.to_string(),
            Problem::ColumnTwice { got } => w.column_twice.replace("{got}", got),
            Problem::NoEntries { field } => f(w.no_entries, field),
            Problem::EmptyKey { field } => f(w.empty_key, field),
            Problem::KeyTwice { field, got } => f(w.key_twice, field).replace("{got}", got),
            Problem::EmptyLabel { field, got } => f(w.empty_label, field).replace("{got}", got),
            Problem::StaffNoName => w.staff_no_name.to_string(),
            Problem::StaffTwice { name } => w.staff_twice.replace("{name}", name),
            Problem::StaffDiscipline { name, got } => w
                .staff_discipline
                .replace("{name}", name)
                .replace("{got}", got),
            Problem::FidelityScale { got } => w.fidelity_scale.replace("{got}", got),
            Problem::Unreadable(r) => w.unreadable.replace(
                "{reason}",
                &match r {
                    Unreadable::NotFound => w.not_found.to_string(),
                    Unreadable::PermissionDenied => w.permission_denied.to_string(),
                    Unreadable::Other(s) => s.clone(),
                },
            ),
            Problem::NotUtf8 => w.not_utf8.to_string(),
            Problem::Json(en) => json_text(en, w),
        }
    }
}

/// serde_json's message in the words of `w`: the known shapes are translated with the
/// names and values they carry; anything else keeps the parser's text after a lead-in in
/// the board's language, so nothing is lost.
fn json_text(en: &str, w: &ProblemStrings) -> String {
    // `(must be zero or more)` is added to a negative number by the loader.
    let (core, negative) = match en.strip_suffix(" (must be zero or more)") {
        Some(c) => (c, true),
        None => (en, false),
    };
    let after = |prefix: &str| core.strip_prefix(prefix);
    // «unknown field `x`, expected one of `a`, `b`» → the name and the list, translated.
    let split_expected = |rest: &str| -> (String, Option<String>) {
        match rest.split_once(", expected ") {
            Some((name, exp)) => (name.to_string(), Some(expected_text(exp, w))),
            None => (rest.to_string(), None),
        }
    };
    let with_expected = |t: &str, rest: &str| {
        let (name, exp) = split_expected(rest);
        let mut s = t.replace("{got}", &name);
        if let Some(e) = exp {
            s.push_str(&w.expected.replace("{what}", &e));
        }
        s
    };
    let text = if let Some(rest) = after("unknown field ") {
        with_expected(w.json_unknown_field, rest)
    } else if let Some(rest) = after("unknown variant ") {
        with_expected(w.json_unknown_variant, rest)
    } else if let Some(rest) = after("missing field ") {
        w.json_missing_field.replace("{got}", rest)
    } else if let Some(rest) = after("duplicate field ") {
        w.json_duplicate_field.replace("{got}", rest)
    } else if let Some(rest) = after("invalid type: ").or_else(|| after("invalid value: ")) {
        let (found, exp) = split_expected(rest);
        let mut s = w.json_wrong_value.replace("{got}", &value_text(&found, w));
        if let Some(e) = exp {
            s.push_str(&w.expected.replace("{what}", &e));
        }
        s
    } else if core.starts_with("EOF while parsing") {
        w.json_eof.to_string()
    } else if let Some(rest) = after("expected ") {
        w.json_syntax.replace(
            "{what}",
            &w.json_expected.replace("{what}", &expected_text(rest, w)),
        )
    } else {
        let known = [
            ("trailing comma", w.json_trailing_comma),
            ("key must be a string", w.json_key_string),
            ("trailing characters", w.json_trailing_chars),
            ("invalid number", w.json_invalid_number),
            ("invalid escape", w.json_invalid_escape),
            ("control character", w.json_control_char),
        ];
        match known.iter().find(|(k, _)| core.starts_with(k)) {
            Some((_, t)) => w.json_syntax.replace("{what}", t),
            None => w.json_other.replace("{what}", core),
        }
    };
    if negative {
        format!("{text}{}", w.zero_or_more)
    } else {
        text
    }
}

/// `one of `a`, `b`` / `u32` / `a string` in the words of `w`.
fn expected_text(exp: &str, w: &ProblemStrings) -> String {
    // serde lists two names as «`a` or `b`».
    let exp = exp.replace("` or `", &format!("` {} `", w.or));
    if let Some(list) = exp.strip_prefix("one of ") {
        return w.one_of.replace("{list}", list);
    }
    value_text(&exp, w)
}

/// serde's names of kinds of values (`string "x"`, `integer `-5``, `u32`, `a map`) in the
/// words of `w`; unknown ones as they are.
fn value_text(v: &str, w: &ProblemStrings) -> String {
    let v = v.trim();
    let v = v
        .strip_prefix("a ")
        .or_else(|| v.strip_prefix("an "))
        .unwrap_or(v);
    let kinds: [(&str, &str); 12] = [
        ("string", w.kind_text),
        ("integer", w.kind_integer),
        ("floating point", w.kind_decimal),
        ("boolean", w.kind_boolean),
        ("map", w.kind_object),
        ("sequence", w.kind_list),
        ("null", w.kind_null),
        ("unit value", w.kind_null),
        ("u8", w.kind_whole),
        ("u16", w.kind_whole),
        ("u32", w.kind_whole),
        ("u64", w.kind_whole),
    ];
    for (k, t) in kinds {
        if let Some(rest) = v.strip_prefix(k) {
            if rest.is_empty() {
                return t.to_string();
            }
            if let Some(value) = rest.strip_prefix(' ') {
                return format!("{t} {value}");
            }
        }
    }
    v.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_has_the_field_and_value_in_both_languages() {
        let p = Problem::Range {
            field: "capacity".into(),
            min: 1,
            max: 1000,
            got: "0".into(),
        };
        assert_eq!(p.text(Language::Nb), "capacity må være 1–1000, ikke 0");
        assert_eq!(p.text(Language::En), "capacity must be 1–1000, not 0");
    }

    #[test]
    fn the_parsers_messages_are_worded_in_norwegian() {
        let nb = |en: &str| Problem::Json(en.into()).text(Language::Nb);
        assert_eq!(
            nb("unknown field `wardname`, expected one of `ward_name`, `language`"),
            "ukjent innstilling `wardname` (forventet én av `ward_name`, `language`)"
        );
        assert_eq!(
            nb("unknown variant `sv`, expected `nb` or `en`"),
            "ukjent verdi `sv` (forventet `nb` eller `en`)"
        );
        assert_eq!(
            nb("invalid type: string \"twelve\", expected u32"),
            "feil verdi: tekst \"twelve\" (forventet et helt tall, 0 eller mer)"
        );
        assert_eq!(
            nb("invalid value: integer `-5`, expected u32 (must be zero or more)"),
            "feil verdi: heltall `-5` (forventet et helt tall, 0 eller mer)"
        );
        assert_eq!(
            nb("expected `,` or `}`"),
            "feil i JSON-oppsettet: forventet `,` eller `}`"
        );
        assert_eq!(
            nb("EOF while parsing an object"),
            "filen slutter før JSON-oppsettet er ferdig"
        );
        assert_eq!(
            nb("trailing comma"),
            "feil i JSON-oppsettet: komma for mye før } eller ]"
        );
    }
}
