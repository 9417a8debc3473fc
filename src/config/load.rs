//! Reading and validating a config file. Errors carry file, line and column so that the
//! banner on a running board and `tavle check-config` can say exactly what is wrong.

pub use super::problem::{Problem, Unreadable};
use super::schema::{Choice, Config, Language};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Where `tavle` looks for its config when `--config` is not given.
pub const DEFAULT_PATH: &str = "config/tavle.json";

/// A config file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line, 0 when the error is not tied to a place in the file.
    pub line: usize,
    pub column: usize,
    /// What is wrong, as data: worded in the board's language on the board, in English by
    /// `check-config` and in logs.
    pub problem: Problem,
}

impl ConfigError {
    /// The problem in English (what `check-config` prints after the place).
    pub fn message(&self) -> String {
        self.problem.text(Language::En)
    }

    /// `path:line:column: problem`, the problem worded in `lang` (the board's banner).
    pub fn localized(&self, lang: Language) -> String {
        self.place_and_text(&self.path.display().to_string(), lang)
    }

    /// The same with the file's name only, for a narrow screen.
    pub fn localized_short(&self, lang: Language) -> String {
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        self.place_and_text(&name, lang)
    }

    fn place_and_text(&self, place: &str, lang: Language) -> String {
        let text = self.problem.text(lang);
        if self.line > 0 {
            format!("{place}:{}:{}: {text}", self.line, self.column)
        } else {
            format!("{place}: {text}")
        }
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localized(Language::En))
    }
}

impl std::error::Error for ConfigError {}

/// Load and validate the file at `path`.
pub fn load_file(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        problem: Problem::Unreadable(io_reason(&e)),
    })?;
    parse(&text, path)
}

/// Load `path` if given; otherwise the default path if that file exists; otherwise the
/// built-in defaults. Returns the config and the path to watch.
pub fn load_or_default(path: Option<&Path>) -> Result<(Config, PathBuf), ConfigError> {
    match path {
        Some(p) => load_file(p).map(|c| (c, p.to_path_buf())),
        None => {
            let p = PathBuf::from(DEFAULT_PATH);
            if p.exists() {
                load_file(&p).map(|c| (c, p))
            } else {
                Ok((Config::default(), p))
            }
        }
    }
}

fn io_reason(e: &std::io::Error) -> Unreadable {
    match e.kind() {
        std::io::ErrorKind::NotFound => Unreadable::NotFound,
        std::io::ErrorKind::PermissionDenied => Unreadable::PermissionDenied,
        _ => Unreadable::Other(e.to_string()),
    }
}

/// Parse and validate config text; `path` is only used in messages.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let config: Config = serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        ConfigError {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            problem: Problem::Json(friendlier(&message)),
        }
    })?;
    validate(&config).map_err(|(key, problem)| {
        let (line, column) = locate(text, key);
        ConfigError {
            path: path.to_path_buf(),
            line,
            column,
            problem,
        }
    })?;
    Ok(config)
}

fn friendlier(msg: &str) -> String {
    if msg.contains("expected u32") && msg.contains("integer `-") {
        return format!("{msg} (must be zero or more)");
    }
    msg.to_string()
}

/// Line and column of the first `"key"` in the text, or (0, 0).
fn locate(text: &str, key: &str) -> (usize, usize) {
    let needle = format!("\"{key}\"");
    match text.find(&needle) {
        Some(pos) => {
            let before = &text[..pos];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            (line, column)
        }
        None => (0, 0),
    }
}

type Invalid = (&'static str, Problem);

/// `field` must be `min..=max`.
fn range(field: impl Into<String>, min: u32, max: u32, got: impl ToString) -> Problem {
    Problem::Range {
        field: field.into(),
        min,
        max,
        got: got.to_string(),
    }
}

/// Checks that types alone cannot express. Returns the offending key and the problem.
pub fn validate(c: &Config) -> Result<(), Invalid> {
    let s = &c.stay;
    if !(1..=365).contains(&s.length_days) {
        return Err((
            "length_days",
            range("stay.length_days", 1, 365, s.length_days),
        ));
    }
    for (key, v) in [
        ("assessment_day", s.assessment_day),
        ("gp_day", s.gp_day),
        ("medication_day", s.medication_day.unwrap_or(s.gp_day)),
    ] {
        if v == 0 || v > s.length_days {
            return Err((
                key,
                Problem::StayDay {
                    field: format!("stay.{key}"),
                    max: s.length_days,
                    got: v,
                    or_null: false,
                },
            ));
        }
    }
    let day_ok = |v: u32| (1..=s.length_days).contains(&v);
    let w = &c.deadlines.warn_from_day;
    for (key, v) in [
        ("assessment", w.assessment),
        ("gp", w.gp),
        ("medication", w.medication),
        ("discharge", w.discharge),
    ] {
        if let Some(v) = v.filter(|v| !day_ok(*v)) {
            return Err((
                "warn_from_day",
                Problem::StayDay {
                    field: format!("deadlines.warn_from_day.{key}"),
                    max: s.length_days,
                    got: v,
                    or_null: true,
                },
            ));
        }
    }
    for (group, g) in &c.deadlines.target_groups {
        for (key, v) in [
            ("assessment_day", g.assessment_day),
            ("gp_day", g.gp_day),
            ("medication_day", g.medication_day),
        ] {
            if let Some(v) = v.filter(|v| !day_ok(*v)) {
                return Err((
                    "target_groups",
                    Problem::StayDay {
                        field: format!("deadlines.target_groups.{group}.{key}"),
                        max: s.length_days,
                        got: v,
                        or_null: true,
                    },
                ));
            }
        }
    }
    if s.due_soon_days > 30 {
        return Err((
            "due_soon_days",
            range("stay.due_soon_days", 0, 30, s.due_soon_days),
        ));
    }
    if s.stale_after_days == 0 {
        return Err((
            "stale_after_days",
            Problem::AtLeast {
                field: "stay.stale_after_days".into(),
                min: 1,
            },
        ));
    }
    if !(1..=240).contains(&c.standup.minutes) {
        return Err((
            "minutes",
            range("standup.minutes", 1, 240, c.standup.minutes),
        ));
    }
    if c.standup.discussed_after_seconds > 600 {
        return Err((
            "discussed_after_seconds",
            range(
                "standup.discussed_after_seconds",
                0,
                600,
                c.standup.discussed_after_seconds,
            ),
        ));
    }
    let f = &c.fagmote;
    let time_ok = f.time.len() == 5
        && f.time.as_bytes()[2] == b':'
        && f.time[..2].parse::<u8>().is_ok_and(|h| h < 24)
        && f.time[3..].parse::<u8>().is_ok_and(|m| m < 60);
    if !time_ok {
        return Err((
            "time",
            Problem::Time {
                field: "fagmote.time".into(),
                got: f.time.clone(),
            },
        ));
    }
    let m = &f.step_minutes;
    for (key, v) in [
        ("evaluate", m.evaluate),
        ("situation", m.situation),
        ("perspective", m.perspective),
        ("measures", m.measures),
        ("evaluate_on", m.evaluate_on),
    ] {
        if !(1..=120).contains(&v) {
            return Err((
                "step_minutes",
                range(format!("fagmote.step_minutes.{key}"), 1, 120, v),
            ));
        }
    }
    if !(1..=365).contains(&f.evaluate_after_days) {
        return Err((
            "evaluate_after_days",
            range("fagmote.evaluate_after_days", 1, 365, f.evaluate_after_days),
        ));
    }
    if f.evaluation_grace_days > 60 {
        return Err((
            "evaluation_grace_days",
            range(
                "fagmote.evaluation_grace_days",
                0,
                60,
                f.evaluation_grace_days,
            ),
        ));
    }
    for lang in [Language::Nb, Language::En] {
        for (key, t) in [
            ("value", &f.prompts.value),
            ("individual", &f.prompts.individual),
            ("perspective", &f.prompts.perspective),
            ("social", &f.prompts.social),
        ] {
            if t.get(lang).trim().is_empty() {
                return Err((
                    "prompts",
                    Problem::Empty {
                        field: format!("fagmote.prompts.{key}"),
                    },
                ));
            }
        }
    }
    // The same checks as `FidelityConfig::problem`, kept as data for the board's language.
    let fi = &c.fidelity;
    let sc = fi.scale;
    if sc.iter().any(|&t| t == 0 || t > 100) || sc.windows(2).any(|w| w[0] >= w[1]) {
        return Err((
            "fidelity",
            Problem::FidelityScale {
                got: format!("{sc:?}"),
            },
        ));
    }
    if !(1..=10).contains(&fi.goal_improved_points) {
        return Err((
            "fidelity",
            range(
                "fidelity.goal_improved_points",
                1,
                10,
                fi.goal_improved_points,
            ),
        ));
    }
    if c.capacity == 0 || c.capacity > 1000 {
        return Err(("capacity", range("capacity", 1, 1000, c.capacity)));
    }
    if c.ward_name.trim().is_empty() {
        return Err((
            "ward_name",
            Problem::Empty {
                field: "ward_name".into(),
            },
        ));
    }
    if jiff::tz::TimeZone::get(&c.time_zone).is_err() {
        return Err((
            "time_zone",
            Problem::UnknownZone {
                got: c.time_zone.clone(),
            },
        ));
    }
    if c.kiosk.rotate_seconds < 3 {
        return Err((
            "rotate_seconds",
            Problem::AtLeast {
                field: "kiosk.rotate_seconds".into(),
                min: 3,
            },
        ));
    }
    if c.board.columns.is_empty() {
        return Err(("columns", Problem::NoColumns));
    }
    let mut seen = HashSet::new();
    for col in &c.board.columns {
        if !seen.insert(col) {
            return Err((
                "columns",
                Problem::ColumnTwice {
                    got: format!("{col:?}"),
                },
            ));
        }
    }
    for (key, list) in [
        ("target_groups", &c.target_groups),
        ("risks", &c.risks),
        ("disciplines", &c.disciplines),
        ("discharge_outcomes", &c.discharge_outcomes),
        ("delay_reasons", &c.delay_reasons),
        ("event_kinds", &c.event_kinds),
    ] {
        check_choices(key, list)?;
    }
    // An event kind is picked by its label in the form and read from the stand-up's TV:
    // a blank label would be an invisible choice.
    for ch in &c.event_kinds {
        for lang in [super::Language::Nb, super::Language::En] {
            if ch.label.get(lang).trim().is_empty() || ch.short.get(lang).trim().is_empty() {
                return Err((
                    "event_kinds",
                    Problem::EmptyLabel {
                        field: "event_kinds".into(),
                        got: ch.key.clone(),
                    },
                ));
            }
        }
    }
    let mut names = HashSet::new();
    for st in &c.staff {
        if st.name.trim().is_empty() {
            return Err(("staff", Problem::StaffNoName));
        }
        if !names.insert(st.name.trim()) {
            return Err((
                "staff",
                Problem::StaffTwice {
                    name: st.name.clone(),
                },
            ));
        }
        if !st.discipline.is_empty() && Config::choice(&c.disciplines, &st.discipline).is_none() {
            return Err((
                "staff",
                Problem::StaffDiscipline {
                    name: st.name.clone(),
                    got: st.discipline.clone(),
                },
            ));
        }
    }
    Ok(())
}

fn check_choices(key: &'static str, list: &[Choice]) -> Result<(), Invalid> {
    if list.is_empty() {
        return Err((key, Problem::NoEntries { field: key.into() }));
    }
    let mut seen = HashSet::new();
    for ch in list {
        if ch.key.trim().is_empty() {
            return Err((key, Problem::EmptyKey { field: key.into() }));
        }
        if !seen.insert(ch.key.as_str()) {
            return Err((
                key,
                Problem::KeyTwice {
                    field: key.into(),
                    got: ch.key.clone(),
                },
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> ConfigError {
        parse(text, Path::new("t.json")).unwrap_err()
    }

    #[test]
    fn empty_object_is_the_defaults() {
        assert_eq!(parse("{}", Path::new("t.json")).unwrap(), Config::default());
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let e = err("{\n  \"ward_name\": \"A\",\n  \"capacity\": 12,,\n}");
        assert_eq!((e.line, e.column), (3, 18));
        assert!(e.to_string().starts_with("t.json:3:18: "), "{e}");
    }

    #[test]
    fn unknown_key_is_refused() {
        let e = err("{\"ward_nmae\": \"x\"}");
        assert!(e.message().contains("unknown field `ward_nmae`"), "{e}");
    }

    #[test]
    fn wrong_type_and_negative_values_are_refused() {
        assert!(
            err("{\"capacity\": \"twelve\"}")
                .message()
                .contains("expected u32")
        );
        let e = err("{\"stay\": {\"length_days\": -5}}");
        assert!(e.message().contains("zero or more"), "{e}");
    }

    #[test]
    fn impossible_values_point_at_the_key() {
        let e = err("{\n \"stay\": {\n  \"length_days\": 0\n }\n}");
        assert_eq!(e.line, 3);
        assert!(e.message().contains("length_days"));
        let e = err("{\"stay\": {\"gp_day\": 40}}");
        assert!(e.message().contains("gp_day"), "{e}");
        let e = err("{\"time_zone\": \"Mars/Olympus\"}");
        assert!(e.message().contains("Mars/Olympus"));
        let e = err("{\"board\": {\"columns\": [\"day\", \"day\"]}}");
        assert!(e.message().contains("twice"));
        let e = err("{\"board\": {\"columns\": [\"shoe_size\"]}}");
        assert!(e.message().contains("unknown variant"), "{e}");
    }

    #[test]
    fn deadlines_section_has_defaults_and_is_checked() {
        // An old file without the section gets the defaults.
        let c = parse("{\"stay\": {\"gp_day\": 10}}", Path::new("t")).unwrap();
        let r = c.rules();
        assert_eq!(r.warn_from_day.gp, Some(7));
        assert_eq!(
            r.non_working_days,
            crate::domain::holidays::NonWorkingDays::MoveEarlier
        );
        assert_eq!(
            r.deadline_day("from_hospital", crate::domain::DeadlineKind::Medication),
            3
        );
        let c = parse(
            r#"{"deadlines": {"non_working_days": "mark", "warn_from_day": {"gp": 5},
                "target_groups": {"worsened": {"gp_day": 7}}}}"#,
            Path::new("t"),
        )
        .unwrap();
        let r = c.rules();
        assert_eq!(
            r.non_working_days,
            crate::domain::holidays::NonWorkingDays::Mark
        );
        assert_eq!(r.warn_from_day.gp, Some(5));
        assert_eq!(
            r.deadline_day("worsened", crate::domain::DeadlineKind::Gp),
            7
        );
        // Giving target_groups replaces the default map.
        assert_eq!(
            r.deadline_day("from_hospital", crate::domain::DeadlineKind::Medication),
            14
        );
        let e = err(r#"{"deadlines": {"warn_from_day": {"gp": 40}}}"#);
        assert!(e.message().contains("warn_from_day.gp"), "{e}");
        let e = err(r#"{"deadlines": {"target_groups": {"x": {"medication_day": 0}}}}"#);
        assert!(
            e.message().contains("target_groups.x.medication_day"),
            "{e}"
        );
        let e = err(r#"{"deadlines": {"non_working_days": "skip"}}"#);
        assert!(e.message().contains("unknown variant"), "{e}");
        let e = err(r#"{"deadlines": {"warn_from_day": {"gpp": 5}}}"#);
        assert!(e.message().contains("unknown field"), "{e}");
    }

    #[test]
    fn medication_day_defaults_to_gp_day() {
        let c = parse("{\"stay\": {\"gp_day\": 10}}", Path::new("t")).unwrap();
        assert_eq!(c.rules().medication_day, 10);
    }
}
