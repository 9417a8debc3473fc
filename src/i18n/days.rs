//! The words for a stay's day and state (planned, day N, discharged, cancelled), for week
//! numbers, and for a date that is not a working day (the GP booking's warning).
//!
//! Every screen words a stay's day through [`stay_day_text`], from the one domain function
//! [`crate::domain::stay_day::stay_day`], so the board, the kiosk, the detail pane, the
//! stand-up and the archive never disagree.

use crate::config::Language;
use crate::domain::dates::{fmt_date, fmt_short};
use crate::domain::holidays::{NonWorking, holiday};
use crate::domain::stay_day::StayDay;
use jiff::civil::{Date, Weekday};

/// Words of days, weeks and holidays in one language.
#[derive(Debug)]
pub struct DayStrings {
    /// `{day}` of `{n}`: «dag 12 av 35».
    pub day_of: &'static str,
    /// `{date}`: «planlagt 27.11.2026».
    pub planned: &'static str,
    /// `{n}` days from now: «om 2d».
    pub in_days: &'static str,
    /// `{date}`.
    pub discharged: &'static str,
    /// `{date}`: a stay stopped after it began.
    pub cancelled: &'static str,
    /// `{date}`: a stay called off before its admission day.
    pub called_off: &'static str,
    /// A cancelled stay whose date is not known.
    pub cancelled_undated: &'static str,
    /// A deadline of an ended stay that was never met.
    pub not_done: &'static str,
    /// Medication reconciliation begun but not finished when the stay ended.
    pub begun: &'static str,
    /// `{n}`: a week number where there is room.
    pub week: &'static str,
    /// `{n}`: a week number in a narrow column.
    pub week_short: &'static str,
    /// `{n}` and `{year}`: a week in a list over more than one ISO year.
    pub week_year: &'static str,
    /// `{date}` and `{what}` (a holiday's name or «en lørdag»): the GP booking's warning.
    pub not_working: &'static str,
    pub saturday: &'static str,
    pub sunday: &'static str,
    /// The public holidays, in [`crate::domain::holidays::Holiday`] order.
    pub holidays: [&'static str; 12],
}

/// The day and week words in `lang`.
pub fn day_strings(lang: Language) -> &'static DayStrings {
    match lang {
        Language::Nb => &NB,
        Language::En => &EN,
    }
}

const NB: DayStrings = DayStrings {
    day_of: "dag {day} av {n}",
    planned: "planlagt {date}",
    in_days: "om {n}d",
    discharged: "utskrevet {date}",
    cancelled: "avbrutt {date}",
    called_off: "avlyst {date}",
    cancelled_undated: "avbrutt",
    not_done: "ikke gjennomført",
    begun: "påbegynt",
    week: "uke {n}",
    week_short: "u{n}",
    week_year: "uke {n} {year}",
    not_working: "NB: {date} er {what}",
    saturday: "en lørdag",
    sunday: "en søndag",
    holidays: [
        "1. nyttårsdag",
        "skjærtorsdag",
        "langfredag",
        "1. påskedag",
        "2. påskedag",
        "1. mai, en helligdag",
        "17. mai, grunnlovsdagen",
        "Kristi himmelfartsdag",
        "1. pinsedag",
        "2. pinsedag",
        "1. juledag",
        "2. juledag",
    ],
};

const EN: DayStrings = DayStrings {
    day_of: "day {day} of {n}",
    planned: "planned {date}",
    in_days: "in {n}d",
    discharged: "discharged {date}",
    cancelled: "cancelled {date}",
    called_off: "called off {date}",
    cancelled_undated: "cancelled",
    not_done: "not done",
    begun: "begun",
    week: "week {n}",
    week_short: "W{n}",
    week_year: "week {n} {year}",
    not_working: "Note: {date} is {what}",
    saturday: "a Saturday",
    sunday: "a Sunday",
    holidays: [
        "New Year's Day",
        "Maundy Thursday",
        "Good Friday",
        "Easter Sunday",
        "Easter Monday",
        "May Day, a public holiday",
        "Constitution Day (17 May)",
        "Ascension Day",
        "Whit Sunday",
        "Whit Monday",
        "Christmas Day",
        "Boxing Day",
    ],
};

/// How much room a stay's day has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayForm {
    /// A sentence (detail pane, stand-up, archive): «planlagt 27.11.2026, om 2d»,
    /// «dag 12 av 35», «utskrevet 20.11.2026 (dag 33 av 35)».
    Long,
    /// A wide column (the kiosk's day column): «planlagt 27.11», «12/35».
    Medium,
    /// A narrow column: «om 2d», «12/35».
    Short,
}

/// `stay`'s day and state in words, as every screen shows it.
pub fn stay_day_text(d: StayDay, lang: Language, form: DayForm) -> String {
    let w = day_strings(lang);
    let date = |x: Date| match form {
        DayForm::Long => fmt_date(x),
        _ => fmt_short(x),
    };
    let day_of = |day: i64, n: u32| match form {
        DayForm::Long => w
            .day_of
            .replace("{day}", &day.to_string())
            .replace("{n}", &n.to_string()),
        _ => format!("{day}/{n}"),
    };
    match d {
        StayDay::Planned { starts, in_days } => {
            let soon = w.in_days.replace("{n}", &in_days.to_string());
            let planned = w.planned.replace("{date}", &date(starts));
            match form {
                DayForm::Long => format!("{planned}, {soon}"),
                DayForm::Medium => planned,
                DayForm::Short => soon,
            }
        }
        StayDay::Active { day, length } => day_of(day, length),
        StayDay::Discharged { on, day, length } => {
            let what = w.discharged.replace("{date}", &date(on));
            match form {
                DayForm::Long => format!("{what} ({})", day_of(day, length)),
                _ => what,
            }
        }
        StayDay::Cancelled { on, day, length } => match (on, day) {
            (None, _) => w.cancelled_undated.to_string(),
            (Some(on), None) => w.called_off.replace("{date}", &date(on)),
            (Some(on), Some(day)) => {
                let what = w.cancelled.replace("{date}", &date(on));
                match form {
                    DayForm::Long => format!("{what} ({})", day_of(day, length)),
                    _ => what,
                }
            }
        },
    }
}

/// The ISO week number of `d` in words: «uke 48» (or «u48» when `narrow`); English
/// «week 48» / «W48».
pub fn week_text(d: Date, lang: Language, narrow: bool) -> String {
    let w = day_strings(lang);
    let n = d.iso_week_date().week();
    let t = if narrow { w.week_short } else { w.week };
    t.replace("{n}", &n.to_string())
}

/// The ISO week of `d` in a list of weeks (the report's table): «uke 37», or «uke 1 2027»
/// when the list spans more than one ISO year (`with_year`). English keeps the ISO form
/// «2026-W37» it always had.
pub fn week_label(d: Date, lang: Language, with_year: bool) -> String {
    let w = day_strings(lang);
    let iso = d.iso_week_date();
    match lang {
        Language::En => format!("{}-W{:02}", iso.year(), iso.week()),
        Language::Nb if with_year => w
            .week_year
            .replace("{n}", &iso.week().to_string())
            .replace("{year}", &iso.year().to_string()),
        Language::Nb => w.week.replace("{n}", &iso.week().to_string()),
    }
}

/// The gentle warning for a date that is a weekend day or a public holiday («NB:
/// 25.12.2026 er 1. juledag», «NB: 28.11.2026 er en lørdag»); `None` on a working day.
pub fn not_working_warning(d: Date, lang: Language) -> Option<String> {
    let w = day_strings(lang);
    let what = match (crate::domain::holidays::non_working(d)?, holiday(d)) {
        (NonWorking::Holiday, Some(h)) => w.holidays[h as usize],
        _ if d.weekday() == Weekday::Saturday => w.saturday,
        _ if d.weekday() == Weekday::Sunday => w.sunday,
        _ => return None,
    };
    Some(
        w.not_working
            .replace("{date}", &fmt_date(d))
            .replace("{what}", what),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{En, Nb};
    use jiff::civil::date;

    #[test]
    fn one_wording_per_state_in_each_form() {
        let planned = StayDay::Planned {
            starts: date(2026, 11, 27),
            in_days: 2,
        };
        assert_eq!(
            stay_day_text(planned, Nb, DayForm::Long),
            "planlagt 27.11.2026, om 2d"
        );
        assert_eq!(
            stay_day_text(planned, Nb, DayForm::Medium),
            "planlagt 27.11"
        );
        assert_eq!(stay_day_text(planned, Nb, DayForm::Short), "om 2d");
        assert_eq!(
            stay_day_text(planned, En, DayForm::Long),
            "planned 27.11.2026, in 2d"
        );
        let day1 = StayDay::Active { day: 1, length: 35 };
        assert_eq!(stay_day_text(day1, Nb, DayForm::Long), "dag 1 av 35");
        assert_eq!(stay_day_text(day1, Nb, DayForm::Short), "1/35");
        assert_eq!(stay_day_text(day1, En, DayForm::Long), "day 1 of 35");
        let out = StayDay::Discharged {
            on: date(2026, 11, 20),
            day: 33,
            length: 35,
        };
        assert_eq!(
            stay_day_text(out, Nb, DayForm::Long),
            "utskrevet 20.11.2026 (dag 33 av 35)"
        );
        assert_eq!(stay_day_text(out, Nb, DayForm::Medium), "utskrevet 20.11");
        assert_eq!(
            stay_day_text(out, En, DayForm::Long),
            "discharged 20.11.2026 (day 33 of 35)"
        );
        let stopped = StayDay::Cancelled {
            on: Some(date(2026, 11, 16)),
            day: Some(2),
            length: 35,
        };
        assert_eq!(
            stay_day_text(stopped, Nb, DayForm::Long),
            "avbrutt 16.11.2026 (dag 2 av 35)"
        );
        let off = StayDay::Cancelled {
            on: Some(date(2026, 11, 18)),
            day: None,
            length: 35,
        };
        assert_eq!(stay_day_text(off, Nb, DayForm::Long), "avlyst 18.11.2026");
        assert_eq!(stay_day_text(off, En, DayForm::Short), "called off 18.11");
    }

    #[test]
    fn week_numbers_are_uke_in_bokmal_and_w_in_english() {
        let d = date(2026, 9, 7);
        assert_eq!(week_text(d, Nb, false), "uke 37");
        assert_eq!(week_text(d, Nb, true), "u37");
        assert_eq!(week_text(d, En, false), "week 37");
        assert_eq!(week_text(d, En, true), "W37");
        assert_eq!(week_label(d, Nb, false), "uke 37");
        assert_eq!(week_label(d, En, false), "2026-W37");
        // 1 January 2027 is a Friday in ISO week 53 of 2026.
        assert_eq!(week_label(date(2027, 1, 1), Nb, true), "uke 53 2026");
        assert_eq!(week_label(date(2027, 1, 4), En, true), "2027-W01");
    }

    #[test]
    fn weekends_and_holidays_get_a_gentle_warning() {
        assert_eq!(
            not_working_warning(date(2026, 12, 25), Nb).as_deref(),
            Some("NB: 25.12.2026 er 1. juledag")
        );
        assert_eq!(
            not_working_warning(date(2026, 11, 28), Nb).as_deref(),
            Some("NB: 28.11.2026 er en lørdag")
        );
        assert_eq!(
            not_working_warning(date(2026, 11, 29), En).as_deref(),
            Some("Note: 29.11.2026 is a Sunday")
        );
        // Easter 2027 is 28 March: Maundy Thursday 25.3, Whit Monday 17.5.
        assert_eq!(
            not_working_warning(date(2027, 3, 25), Nb).as_deref(),
            Some("NB: 25.03.2027 er skjærtorsdag")
        );
        assert_eq!(
            not_working_warning(date(2027, 5, 17), Nb).as_deref(),
            Some("NB: 17.05.2027 er 17. mai, grunnlovsdagen")
        );
        // Christmas Eve is not a public holiday (a Thursday in 2026).
        assert_eq!(not_working_warning(date(2026, 12, 24), Nb), None);
        assert_eq!(not_working_warning(date(2026, 11, 25), Nb), None);
    }
}
