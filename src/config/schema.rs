//! The configuration schema. Every field has a default, so an empty `{}` is a valid file;
//! unknown keys are rejected so that a typo never silently does nothing.

use crate::domain::Rules;
use crate::domain::flags::{GroupDays, WarnFromDays};
use crate::domain::holidays::NonWorkingDays;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Norwegian bokmål.
    #[default]
    Nb,
    /// English.
    En,
}

/// Text that is either the same in every language or given per language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    /// One text for all languages.
    Plain(String),
    /// Bokmål and English.
    PerLanguage { nb: String, en: String },
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Language) -> &str {
        match (self, lang) {
            (Text::Plain(s), _) => s,
            (Text::PerLanguage { nb, .. }, Language::Nb) => nb,
            (Text::PerLanguage { en, .. }, Language::En) => en,
        }
    }
    fn both(nb: &str, en: &str) -> Self {
        Text::PerLanguage {
            nb: nb.into(),
            en: en.into(),
        }
    }
}

/// One entry of a configured list (target group, risk, discipline, outcome, delay reason).
/// `key` is what the database stores; `short` is shown in board columns; `label` in forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub key: String,
    pub short: Text,
    pub label: Text,
}

impl Choice {
    fn new(key: &str, short: (&str, &str), label: (&str, &str)) -> Self {
        Self {
            key: key.into(),
            short: Text::both(short.0, short.1),
            label: Text::both(label.0, label.1),
        }
    }
}

/// A member of staff: a name to choose as primary contact or tick as present at a meeting,
/// and their discipline (a key of `disciplines`), which attendance is counted by.
/// Written in the file as a plain name (no discipline) or `{"name": …, "discipline": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Staff {
    pub name: String,
    /// Empty when not given.
    pub discipline: String,
}

impl Staff {
    fn new(name: &str, discipline: &str) -> Self {
        Self {
            name: name.into(),
            discipline: discipline.into(),
        }
    }
}

impl<'de> Deserialize<'de> for Staff {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        /// The object form, strict about its keys like the rest of the file.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            name: String,
            #[serde(default)]
            discipline: String,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Name(String),
            Full(Full),
        }
        Ok(
            match Either::deserialize(de).map_err(|_| {
                serde::de::Error::custom(
                    "a staff entry is a name or {\"name\": \"…\", \"discipline\": \"…\"}",
                )
            })? {
                Either::Name(name) => Staff {
                    name,
                    discipline: String::new(),
                },
                Either::Full(f) => Staff {
                    name: f.name,
                    discipline: f.discipline,
                },
            },
        )
    }
}

/// Stay length and deadlines, in days of the stay (admission date = day 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StayConfig {
    pub length_days: u32,
    pub assessment_day: u32,
    pub gp_day: u32,
    /// Defaults to `gp_day` when absent or null.
    pub medication_day: Option<u32>,
    pub due_soon_days: u32,
    pub stale_after_days: u32,
}

impl Default for StayConfig {
    fn default() -> Self {
        Self {
            length_days: 35,
            assessment_day: 3,
            gp_day: 14,
            medication_day: None,
            due_soon_days: 2,
            stale_after_days: 3,
        }
    }
}

/// How deadlines meet the calendar and the target groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeadlinesConfig {
    /// A deadline on a weekend or public holiday: `move_earlier` (default) or `mark`.
    pub non_working_days: NonWorkingDays,
    /// Per deadline, the day of the stay from which an open deadline warns.
    pub warn_from_day: WarnFromDays,
    /// Deadline days per target group key, overriding `stay.*_day`.
    pub target_groups: BTreeMap<String, GroupDays>,
}

impl Default for DeadlinesConfig {
    fn default() -> Self {
        Self {
            non_working_days: NonWorkingDays::default(),
            warn_from_day: WarnFromDays::default(),
            // People coming from hospital get their medicines reconciled at the first
            // visits: the discharge letter's list and what is in the house often differ.
            target_groups: BTreeMap::from([(
                "from_hospital".to_string(),
                GroupDays {
                    medication_day: Some(3),
                    ..GroupDays::default()
                },
            )]),
        }
    }
}

/// A board column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    Person,
    Group,
    Day,
    Contact,
    Goals,
    Assessment,
    Gp,
    Medication,
    Risks,
    FollowUps,
    Discharge,
    Updated,
}

impl Column {
    /// Every column, in the default order.
    pub const ALL: [Column; 12] = [
        Column::Person,
        Column::Group,
        Column::Day,
        Column::Contact,
        Column::Goals,
        Column::Assessment,
        Column::Gp,
        Column::Medication,
        Column::Risks,
        Column::FollowUps,
        Column::Discharge,
        Column::Updated,
    ];
}

/// Row order on the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// Earliest admission first.
    #[default]
    Admitted,
    /// Nearest planned discharge first.
    Discharge,
    /// Worst flag first, then admission date.
    Urgency,
    /// Alphabetical by the shown name.
    Name,
}

/// What the board shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BoardConfig {
    pub columns: Vec<Column>,
    pub sort: SortKey,
}

impl Default for BoardConfig {
    fn default() -> Self {
        Self {
            columns: Column::ALL.to_vec(),
            sort: SortKey::Admitted,
        }
    }
}

/// Colour use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ColorMode {
    /// The 8 named ANSI colours (work on a Linux console too).
    #[default]
    Ansi,
    /// No colour: symbols, bold and reverse video only.
    Mono,
}

/// Glyphs for symbols and borders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SymbolSet {
    /// Unicode, except on a terminal known for small fonts (`TERM=linux`, `vt*`, `dumb`),
    /// where a ward TV on the Linux console would show ✓ ○ ✗ as boxes: there ASCII.
    #[default]
    Auto,
    /// ✓ ○ ! ✗ and box-drawing borders.
    Unicode,
    /// Plain ASCII for consoles with small fonts.
    Ascii,
}

impl SymbolSet {
    /// The set to draw with on the terminal this process runs in (`Auto` decided by `TERM`).
    /// Only the terminal runtime calls this, so rendering stays a function of the config.
    pub fn for_terminal(self) -> SymbolSet {
        match self {
            SymbolSet::Auto => {
                let term = std::env::var("TERM").unwrap_or_default();
                let small = term == "linux"
                    || term == "dumb"
                    || term == "ansi"
                    || term == "cons25"
                    || term.starts_with("vt");
                if small {
                    SymbolSet::Ascii
                } else {
                    SymbolSet::Unicode
                }
            }
            other => other,
        }
    }

    /// Whether to draw plain ASCII (`Auto` draws Unicode until resolved for a terminal).
    pub fn is_ascii(self) -> bool {
        self == SymbolSet::Ascii
    }
}

/// Look of the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeConfig {
    pub colors: ColorMode,
    pub symbols: SymbolSet,
}

/// A set of board columns (written in the file as a list of column names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ColumnSet(u16);

impl ColumnSet {
    fn bit(c: Column) -> u16 {
        1 << Column::ALL.iter().position(|x| *x == c).unwrap_or(0)
    }

    /// The set of `cols`.
    pub fn of(cols: &[Column]) -> Self {
        Self(cols.iter().fold(0, |acc, c| acc | Self::bit(*c)))
    }

    pub fn contains(self, c: Column) -> bool {
        self.0 & Self::bit(c) != 0
    }
}

impl Serialize for ColumnSet {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let cols: Vec<Column> = Column::ALL
            .into_iter()
            .filter(|c| self.contains(*c))
            .collect();
        cols.serialize(ser)
    }
}

impl<'de> Deserialize<'de> for ColumnSet {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        Ok(Self::of(&Vec::<Column>::deserialize(de)?))
    }
}

/// What one kind of screen may show about a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrivacyView {
    /// Full names; when false, initials only.
    pub names: bool,
    /// Goal texts in the person's words; when false, only counts.
    pub goals: bool,
    /// Free-text notes.
    pub notes: bool,
    /// The person's risks (column, detail pane, stand-up); when false the risks column is
    /// not shown at all.
    pub risks: bool,
    /// Board columns this screen never shows, whatever `board.columns` says.
    pub hide_columns: ColumnSet,
}

impl Default for PrivacyView {
    fn default() -> Self {
        Self {
            names: true,
            goals: true,
            notes: true,
            risks: true,
            hide_columns: ColumnSet::default(),
        }
    }
}

impl PrivacyView {
    /// Whether this screen shows `c` at all.
    pub fn shows(&self, c: Column) -> bool {
        !self.hide_columns.contains(c) && (c != Column::Risks || self.risks)
    }
}

/// Privacy per screen kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrivacyConfig {
    pub board: PrivacyView,
    pub kiosk: PrivacyView,
}

impl Default for PrivacyConfig {
    fn default() -> Self {
        Self {
            board: PrivacyView::default(),
            // A corridor is public: initials, goal counts without the person's words, no
            // risks, no notes. A staff-room TV can opt in per item.
            kiosk: PrivacyView {
                names: false,
                goals: false,
                notes: false,
                risks: false,
                hide_columns: ColumnSet::default(),
            },
        }
    }
}

/// The order in which the stand-up steps through the stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum StandupOrder {
    /// Stays with overdue, then due-soon items first; then by admission date.
    #[default]
    FlaggedFirst,
    /// Earliest admission first.
    Admitted,
    /// The board's own order.
    Board,
}

/// The daily stand-up (tavlemøte).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StandupConfig {
    /// The time box, in minutes.
    pub minutes: u32,
    pub order: StandupOrder,
    /// Mark a stay on the board when it has not been discussed at a stand-up for more than
    /// this many days (0: never mark).
    pub not_discussed_days: u32,
    /// A stay counts as discussed once the stand-up has stayed on it this many seconds in
    /// all (or it was edited, or marked with `o`), so paging through does not fake coverage.
    pub discussed_after_seconds: u32,
}

impl Default for StandupConfig {
    fn default() -> Self {
        Self {
            minutes: 15,
            order: StandupOrder::FlaggedFirst,
            not_discussed_days: 3,
            discussed_after_seconds: 20,
        }
    }
}

/// A day of the week, for the fagmøte's weekly series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WeekdayName {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl WeekdayName {
    pub fn to_jiff(self) -> jiff::civil::Weekday {
        use jiff::civil::Weekday as W;
        match self {
            Self::Monday => W::Monday,
            Self::Tuesday => W::Tuesday,
            Self::Wednesday => W::Wednesday,
            Self::Thursday => W::Thursday,
            Self::Friday => W::Friday,
            Self::Saturday => W::Saturday,
            Self::Sunday => W::Sunday,
        }
    }
}

/// The time box of each step of a fagmøte case, in minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StepMinutes {
    /// Evaluating the measures whose date has come (the meeting opens with it).
    pub evaluate: u32,
    /// (a) the situation: what, when, where.
    pub situation: u32,
    /// (b) the person's perspective, with the VIPS prompts.
    pub perspective: u32,
    /// (c) measures: who does what from when.
    pub measures: u32,
    /// (d) the date to evaluate.
    pub evaluate_on: u32,
}

impl Default for StepMinutes {
    /// 5 + 5 + 15 + 15 + 5 = 45 minutes: one case and the evaluations fit the usual
    /// 45-minute fagmøte, and the person's perspective and the measures get the most time.
    fn default() -> Self {
        Self {
            evaluate: 5,
            situation: 5,
            perspective: 15,
            measures: 15,
            evaluate_on: 5,
        }
    }
}

/// The four VIPS elements, as the prompts shown in step (b).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VipsPrompts {
    pub value: Text,
    pub individual: Text,
    pub perspective: Text,
    pub social: Text,
}

impl Default for VipsPrompts {
    fn default() -> Self {
        Self {
            value: Text::both(
                "V – Blir personen verdsatt som alle andre, uavhengig av alder og kognitiv funksjon?",
                "V – Is the person valued like everyone else, whatever their age and cognitive function?",
            ),
            individual: Text::both(
                "I – Er omsorgen tilrettelagt for akkurat denne personen?",
                "I – Is the care individualised for this very person?",
            ),
            perspective: Text::both(
                "P – Hvordan ser personen ut til å oppleve situasjonen og verden rundt seg?",
                "P – How does the person seem to experience the situation and the world around them?",
            ),
            social: Text::both(
                "S – Hva i det sosiale miljøet kan støtte personen?",
                "S – What in the social environment can support the person?",
            ),
        }
    }
}

/// The weekly VIPS fagmøte.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FagmoteConfig {
    /// The weekday of the weekly series.
    pub weekday: WeekdayName,
    /// The time of day, `HH:MM` (shown in the plan).
    pub time: String,
    pub step_minutes: StepMinutes,
    /// The evaluation date a case proposes: this many days after the meeting.
    pub evaluate_after_days: u32,
    /// Days a measure may wait for the next fagmøte after its evaluation date before it is
    /// overdue (and no longer counts as evaluated on time).
    pub evaluation_grace_days: u32,
    pub prompts: VipsPrompts,
}

impl Default for FagmoteConfig {
    fn default() -> Self {
        Self {
            weekday: WeekdayName::Thursday,
            time: "13:00".into(),
            step_minutes: StepMinutes::default(),
            evaluate_after_days: 14,
            evaluation_grace_days: 7,
            prompts: VipsPrompts::default(),
        }
    }
}

/// Kiosk behaviour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KioskConfig {
    /// Seconds between page turns when the rows don't fit.
    pub rotate_seconds: u32,
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self { rotate_seconds: 15 }
    }
}

/// The whole configuration file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub ward_name: String,
    pub language: Language,
    /// IANA time zone for "today".
    pub time_zone: String,
    /// Number of places on the ward.
    pub capacity: u32,
    /// Name written in the audit log; the OS user when null.
    pub user: Option<String>,
    pub stay: StayConfig,
    pub deadlines: DeadlinesConfig,
    pub board: BoardConfig,
    pub theme: ThemeConfig,
    pub privacy: PrivacyConfig,
    pub kiosk: KioskConfig,
    pub standup: StandupConfig,
    pub fagmote: FagmoteConfig,
    pub staff: Vec<Staff>,
    pub target_groups: Vec<Choice>,
    pub risks: Vec<Choice>,
    pub disciplines: Vec<Choice>,
    pub discharge_outcomes: Vec<Choice>,
    pub delay_reasons: Vec<Choice>,
    /// What can happen to a person during the stay (fall, hospital admission, …): the
    /// kinds of event `h` records. The keys `fall`, `hospital_admission`,
    /// `deterioration`, `gp_contact`, `out_of_hours` and `ambulance` feed the indicators.
    pub event_kinds: Vec<Choice>,
    /// How the report scores model fidelity and the person's own goal scores.
    pub fidelity: crate::domain::fidelity::FidelityConfig,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            ward_name: "Virtuell avdeling".into(),
            language: Language::Nb,
            time_zone: "Europe/Oslo".into(),
            capacity: 12,
            user: None,
            stay: StayConfig::default(),
            deadlines: DeadlinesConfig::default(),
            board: BoardConfig::default(),
            theme: ThemeConfig::default(),
            privacy: PrivacyConfig::default(),
            kiosk: KioskConfig::default(),
            standup: StandupConfig::default(),
            fagmote: FagmoteConfig::default(),
            staff: vec![
                Staff::new("Anne Sykepleier", "nurse"),
                Staff::new("Bjørn Fysioterapeut", "physio"),
                Staff::new("Camilla Ergoterapeut", "ot"),
                Staff::new("Dag Helsefagarbeider", "health_worker"),
                Staff::new("Eva Sykepleier", "nurse"),
                Staff::new("Fredrik Lege", "gp"),
            ],
            target_groups: vec![
                Choice::new(
                    "new_user",
                    ("NY", "NEW"),
                    ("Ny bruker, kartlegging", "New user, assessment"),
                ),
                Choice::new(
                    "from_hospital",
                    ("SH", "HOSP"),
                    ("Utskrevet fra sykehus", "Discharged from hospital"),
                ),
                Choice::new(
                    "from_nursing_home",
                    ("SHJ", "NH"),
                    ("Utskrevet fra sykehjem", "Discharged from nursing home"),
                ),
                Choice::new(
                    "worsened",
                    ("FF", "WORSE"),
                    (
                        "Forverret tilstand/funksjonsfall",
                        "Worsened condition or function",
                    ),
                ),
                Choice::new("concern", ("BEK", "CONC"), ("Bekymring", "Staff concern")),
            ],
            risks: vec![
                Choice::new("fall", ("FALL", "FALL"), ("Fall", "Fall")),
                Choice::new(
                    "pressure_ulcer",
                    ("TRYKK", "PU"),
                    ("Trykksår", "Pressure ulcer"),
                ),
                Choice::new("nutrition", ("ERN", "NUTR"), ("Ernæring", "Nutrition")),
                Choice::new(
                    "urinary_infection",
                    ("UVI", "UTI"),
                    ("Urinveisinfeksjon", "Urinary infection"),
                ),
                Choice::new(
                    "deterioration",
                    ("FORV", "DET"),
                    ("Forverring", "Deterioration"),
                ),
            ],
            disciplines: vec![
                Choice::new("nurse", ("SPL", "RN"), ("Sykepleier", "Nurse")),
                Choice::new(
                    "health_worker",
                    ("HFA", "HW"),
                    ("Helsefagarbeider", "Health worker"),
                ),
                Choice::new(
                    "physio",
                    ("FYS", "PT"),
                    ("Fysioterapeut", "Physiotherapist"),
                ),
                Choice::new(
                    "ot",
                    ("ERGO", "OT"),
                    ("Ergoterapeut", "Occupational therapist"),
                ),
                Choice::new("gp", ("LEGE", "GP"), ("Fastlege", "GP")),
                Choice::new("other", ("ANN", "OTH"), ("Annet", "Other")),
            ],
            discharge_outcomes: vec![
                Choice::new(
                    "home_ordinary",
                    ("HJEM", "HOME"),
                    ("Hjem med ordinære tjenester", "Home with ordinary services"),
                ),
                Choice::new("nursing_home", ("SHJ", "NH"), ("Sykehjem", "Nursing home")),
                Choice::new("hospital", ("SH", "HOSP"), ("Sykehus", "Hospital")),
                Choice::new("deceased", ("DØD", "DEC"), ("Død", "Deceased")),
                Choice::new("other", ("ANN", "OTH"), ("Annet", "Other")),
            ],
            delay_reasons: vec![
                Choice::new(
                    "waiting_gp",
                    ("LEGE", "GP"),
                    ("Venter på fastlege", "Waiting for GP"),
                ),
                Choice::new(
                    "declined",
                    ("AVSL", "DECL"),
                    ("Bruker takket nei", "Person declined"),
                ),
                Choice::new(
                    "in_hospital",
                    ("SH", "HOSP"),
                    ("Innlagt på sykehus", "In hospital"),
                ),
                Choice::new(
                    "other",
                    ("ANN", "OTH"),
                    ("Annet (se tekst)", "Other (see text)"),
                ),
            ],
            event_kinds: vec![
                Choice::new("fall", ("FALL", "FALL"), ("Fall", "Fall")),
                Choice::new(
                    "hospital_admission",
                    ("SH INN", "HOSP IN"),
                    ("Innlagt på sykehus", "Admitted to hospital"),
                ),
                Choice::new(
                    "hospital_return",
                    ("SH UT", "HOSP OUT"),
                    ("Tilbake fra sykehus", "Back from hospital"),
                ),
                Choice::new(
                    "out_of_hours",
                    ("LV", "OOH"),
                    ("Kontakt med legevakt", "Out-of-hours doctor contacted"),
                ),
                Choice::new(
                    "ambulance",
                    ("AMB", "AMB"),
                    ("Ambulanse tilkalt", "Ambulance called"),
                ),
                Choice::new(
                    "gp_contact",
                    ("LEGE", "GP"),
                    ("Kontakt med fastlege", "GP contacted"),
                ),
                Choice::new(
                    "deterioration",
                    ("FORV", "DET"),
                    ("Forverret tilstand", "Deterioration"),
                ),
                Choice::new(
                    "next_of_kin_contact",
                    ("PÅR", "NOK"),
                    ("Samtale med pårørende", "Talked with next of kin"),
                ),
            ],
            fidelity: crate::domain::fidelity::FidelityConfig::default(),
        }
    }
}

impl Config {
    /// The numbers the deadline rules need.
    pub fn rules(&self) -> Rules {
        Rules {
            stay_length_days: self.stay.length_days,
            assessment_day: self.stay.assessment_day,
            gp_day: self.stay.gp_day,
            medication_day: self.stay.medication_day.unwrap_or(self.stay.gp_day),
            due_soon_days: self.stay.due_soon_days,
            stale_after_days: self.stay.stale_after_days,
            not_discussed_days: self.standup.not_discussed_days,
            warn_from_day: self.deadlines.warn_from_day,
            non_working_days: self.deadlines.non_working_days,
            group_days: self.deadlines.target_groups.clone(),
        }
    }

    /// The names of the staff list (the primary-contact completion).
    pub fn staff_names(&self) -> Vec<String> {
        self.staff.iter().map(|s| s.name.clone()).collect()
    }

    /// Find a configured choice by key in one of the lists.
    pub fn choice<'a>(list: &'a [Choice], key: &str) -> Option<&'a Choice> {
        list.iter().find(|c| c.key == key)
    }

    /// How a stored `key` from `list` is shown in panes: its configured label, else the key
    /// itself, cleaned for the screen (the list may have changed since it was stored).
    pub fn label_of(list: &[Choice], key: &str, lang: Language) -> String {
        Self::choice(list, key)
            .map(|c| c.label.get(lang).to_string())
            .unwrap_or_else(|| crate::domain::text::sanitize(key))
    }

    /// The same in the short form used in columns.
    pub fn short_of(list: &[Choice], key: &str, lang: Language) -> String {
        Self::choice(list, key)
            .map(|c| c.short.get(lang).to_string())
            .unwrap_or_else(|| crate::domain::text::sanitize(key))
    }
}
