//! The report as text: a table for the terminal, JSON, or CSV (one figure per row).

use super::{DeadlineShare, Process, Report, Share};

use crate::config::Language;
use crate::domain::dates::fmt_date;
use crate::domain::text::width;
use crate::i18n::{IndicatorStrings, indicator_strings};

/// A number with the language's decimal separator (66,7 in Norwegian).
fn decimal(text: String, lang: Language) -> String {
    match lang {
        Language::Nb => text.replace('.', ","),
        Language::En => text,
    }
}

fn pct(s: &Share, lang: Language) -> String {
    match s.percent() {
        Some(p) => decimal(format!("{p:.1} %"), lang),
        None => "–".into(),
    }
}

fn frac(s: &Share, w: &IndicatorStrings) -> String {
    format!("{} {} {}", s.met, w.of, s.of)
}

/// `s` padded with spaces to `n` columns (on the left when `right`).
fn pad(s: &str, n: usize, right: bool) -> String {
    let fill = " ".repeat(n.saturating_sub(width(s)));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

/// The process rows: (key, figure); labels come from [`process_labels`].
fn process_rows(p: &Process) -> [(&'static str, &DeadlineShare); 5] {
    [
        ("assessment_by_day", &p.assessment),
        ("goals_by_day", &p.goals),
        ("gp_by_day", &p.gp),
        ("medication_by_day", &p.medication),
        ("discharged_on_time", &p.discharged_on_time),
    ]
}

/// The labels of [`process_rows`], in the same order.
fn process_labels(r: &Report, w: &IndicatorStrings) -> [String; 5] {
    let u = &r.rules;
    let fill = |t: &str, n: String| t.replace("{n}", &n);
    [
        fill(w.assessment, u.day("assessment")),
        fill(w.goals, u.day("assessment")),
        fill(w.gp, u.day("gp")),
        fill(w.medication, u.day("medication")),
        fill(w.on_time, u.stay_length_days.to_string()),
    ]
}

/// A plain-text table for the terminal, in `lang` (headings, units, plurals, dates as
/// 25.11.2026). `outcome_label` turns an outcome key into the text to show (e.g. the
/// configured label); `NOT_RECORDED` is worded here.
pub fn table(r: &Report, lang: Language, outcome_label: &dyn Fn(&str) -> String) -> String {
    let w = indicator_strings(lang);
    let mut s = String::new();
    let line = |s: &mut String, t: String| {
        s.push_str(t.trim_end());
        s.push('\n');
    };
    line(
        &mut s,
        w.report_title
            .replace("{from}", &fmt_date(r.from))
            .replace("{to}", &fmt_date(r.to)),
    );
    line(&mut s, String::new());
    line(
        &mut s,
        format!(
            "{} ({})",
            w.process.of(r.admitted),
            w.not_counted_after.replace("{to}", &fmt_date(r.to))
        ),
    );
    let labels = process_labels(r, w);
    let outcomes: Vec<String> = r
        .outcome
        .outcomes
        .iter()
        .map(|oc| {
            if oc.key == super::NOT_RECORDED {
                w.not_recorded.to_string()
            } else {
                outcome_label(&oc.key)
            }
        })
        .collect();
    // One label column for every figure, as wide as the widest label.
    let lw = labels
        .iter()
        .map(|l| width(l))
        .chain(
            [
                w.standups_discussed,
                w.median,
                w.hospital,
                w.goals_achieved,
                w.all_goals,
            ]
            .iter()
            .map(|l| width(l)),
        )
        .chain(outcomes.iter().map(|l| width(l) + 2))
        .max()
        .unwrap_or(0);
    let figure = |label: &str, sh: &Share, note: String| {
        format!(
            "  {} {:>12} {:>8}   {note}",
            pad(label, lw, false),
            frac(sh, w),
            pct(sh, lang)
        )
    };
    for (label, (_, d)) in labels.iter().zip(process_rows(&r.process)) {
        line(
            &mut s,
            figure(
                label,
                &d.share,
                format!(
                    "{} {}, {} {}",
                    w.not_yet_due, d.not_yet_due, w.ended_before, d.ended_before_deadline
                ),
            ),
        );
    }
    if !r.rules.varies_by_group.is_empty() {
        line(&mut s, format!("  {}", w.group_days_note));
    }
    let st = &r.standups;
    line(
        &mut s,
        figure(
            w.standups_discussed,
            &st.discussed,
            w.standups.of(st.meetings),
        ),
    );
    let cm = &r.case_meetings;
    if cm.any() {
        let t = crate::i18n::fagmote_strings(lang);
        line(&mut s, String::new());
        line(&mut s, t.ind_title.to_string());
        line(
            &mut s,
            figure(
                t.ind_held,
                &cm.held,
                format!("{} {}", cm.cancelled, t.ind_cancelled),
            ),
        );
        line(
            &mut s,
            format!(
                "  {} {:>12}",
                pad(t.ind_cases, lw, false),
                cm.cases_per_meeting
                    .map_or("–".into(), |v| decimal(format!("{v:.1}"), lang))
            ),
        );
        line(
            &mut s,
            figure(t.ind_on_time, &cm.evaluated_on_time, String::new()),
        );
        // The configured label (as the stand-up attendance below), never the raw key: the
        // key is the data's name for it (kept in CSV/JSON), not a word for the reader.
        let att: Vec<String> = cm
            .attendance_by_discipline
            .iter()
            .map(|d| {
                let name = if d.discipline.is_empty() {
                    crate::i18n::event_strings(lang).no_discipline.to_string()
                } else {
                    crate::config::Config::label_of(&r.labels, &d.discipline, lang)
                };
                format!("{name} {}", d.count)
            })
            .collect();
        line(
            &mut s,
            format!(
                "  {} {}",
                pad(t.ind_attendance, lw, false),
                if att.is_empty() {
                    t.ind_none.to_string()
                } else {
                    att.join(", ")
                }
            ),
        );
    }
    line(&mut s, String::new());
    let o = &r.outcome;
    line(&mut s, w.outcome.of(o.discharged));
    line(
        &mut s,
        format!(
            "  {} {}",
            pad(w.median, lw, false),
            o.median_length_days.map_or("–".into(), |m| w
                .days
                .with(m == 1.0, &decimal(m.to_string(), lang)))
        ),
    );
    line(&mut s, format!("  {}", w.discharge_outcome));
    for (oc, label) in o.outcomes.iter().zip(&outcomes) {
        let sh = Share {
            met: oc.count,
            of: o.discharged,
        };
        line(
            &mut s,
            format!(
                "    {} {:>12} {:>8}",
                pad(label, lw - 2, false),
                oc.count,
                pct(&sh, lang)
            ),
        );
    }
    for (label, sh) in [
        (w.hospital, &o.hospital_admissions),
        (w.goals_achieved, &o.goals_achieved),
        (w.all_goals, &o.stays_all_goals_achieved),
    ] {
        line(&mut s, figure(label, sh, String::new()));
    }
    line(&mut s, String::new());
    for l in r.referrals.table_lines(lang) {
        line(&mut s, l);
    }
    if !st.each.is_empty() {
        line(&mut s, String::new());
        line(&mut s, w.meetings_title.into());
        line(
            &mut s,
            format!(
                "  {:<10}  {:<24} {:>8}  {:>12} {:>8}",
                w.col_date, w.col_led_by, w.col_minutes, w.col_discussed, ""
            ),
        );
        for m in &st.each {
            line(
                &mut s,
                format!(
                    "  {:<10}  {} {:>8}  {:>12} {:>8}{}",
                    fmt_date(m.date),
                    pad(&crate::domain::text::sanitize(&m.led_by), 24, false),
                    m.minutes.map_or("–".into(), |n| n.to_string()),
                    frac(&m.discussed, w),
                    pct(&m.discussed, lang),
                    if m.discussed_not_active > 0 {
                        format!("  (+{} {})", m.discussed_not_active, w.not_active)
                    } else {
                        String::new()
                    }
                ),
            );
        }
    }
    line(&mut s, String::new());
    let label = |key: &str| crate::config::Config::label_of(&r.labels, key, lang);
    for l in super::events::table_lines(r, lang, &label, &label) {
        line(&mut s, l);
    }
    line(&mut s, String::new());
    line(&mut s, w.per_iso_week.into());
    // Weeks as people say them: «uke 37» in bokmål, «W37» in English; with the year only
    // when the period spans more than one ISO year (the CSV and JSON keep ISO `2026-W37`).
    let iso_year = |d: jiff::civil::Date| d.iso_week_date().year();
    let with_year = r
        .weeks
        .first()
        .zip(r.weeks.last())
        .is_some_and(|(a, b)| iso_year(a.monday) != iso_year(b.monday));
    let wk_w = if with_year { 12 } else { 9 };
    let cell = |sh: &Share| match sh.percent() {
        Some(p) => format!("{}/{} {:.0}%", sh.met, sh.of, p),
        None => "–".into(),
    };
    let u = &r.rules;
    let fill = |t: &str, n: u32| t.replace("{n}", &n.to_string());
    line(
        &mut s,
        format!(
            "  {:<wk_w$} {:>6} {:>6} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}",
            w.col_week,
            w.col_admitted,
            w.col_discharged,
            fill(w.col_assessment, u.assessment_day),
            fill(w.col_goals, u.assessment_day),
            fill(w.col_gp, u.gp_day),
            fill(w.col_medication, u.medication_day),
            w.col_on_time,
            w.col_standups
        ),
    );
    for wk in &r.weeks {
        let p = &wk.process;
        let label = crate::i18n::week_label(wk.monday, lang, with_year);
        line(
            &mut s,
            format!(
                "  {:<wk_w$} {:>6} {:>6} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}",
                label,
                wk.admitted,
                wk.discharged,
                cell(&p.assessment.share),
                cell(&p.goals.share),
                cell(&p.gp.share),
                cell(&p.medication.share),
                cell(&p.discharged_on_time.share),
                cell(&wk.standups)
            ),
        );
    }
    super::fidelity::table(&mut s, r, lang);
    s
}

/// The report as pretty JSON (ending in a newline).
pub fn json(r: &Report) -> String {
    let mut s =
        serde_json::to_string_pretty(r).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}

/// The report as CSV, one figure per row, for spreadsheets and pivot tables:
/// `scope,indicator,met,of,percent,value` where scope is `period` or an ISO week, and
/// counts without a denominator go in `value`.
pub fn csv(r: &Report) -> String {
    let mut sheet = crate::csv::Sheet::new();
    sheet.row(&CSV_HEADER);
    for rec in csv_records(r) {
        sheet.row(&rec);
    }
    sheet.finish()
}

/// The columns of [`csv`].
pub const CSV_HEADER: [&str; 6] = ["scope", "indicator", "met", "of", "percent", "value"];

/// The records of [`csv`] without the header, one `Vec` of [`CSV_HEADER`]'s columns each.
pub fn csv_records(r: &Report) -> Vec<Vec<String>> {
    let mut s: Vec<Vec<String>> = Vec::new();
    let share = |s: &mut Vec<Vec<String>>, scope: &str, key: &str, sh: &Share| {
        s.push(vec![
            scope.to_string(),
            key.to_string(),
            sh.met.to_string(),
            sh.of.to_string(),
            sh.percent().map_or(String::new(), |p| format!("{p:.1}")),
            String::new(),
        ]);
    };
    let value = |s: &mut Vec<Vec<String>>, scope: &str, key: &str, v: String| {
        s.push(vec![
            scope.to_string(),
            key.to_string(),
            String::new(),
            String::new(),
            String::new(),
            v,
        ]);
    };
    value(&mut s, "period", "from", r.from.to_string());
    value(&mut s, "period", "to", r.to.to_string());
    let u = &r.rules;
    for (key, v) in [
        ("stay_length_days", u.stay_length_days),
        ("assessment_day", u.assessment_day),
        ("gp_day", u.gp_day),
        ("medication_day", u.medication_day),
    ] {
        value(&mut s, "rules", key, v.to_string());
    }
    value(&mut s, "period", "admitted", r.admitted.to_string());
    for (key, d) in process_rows(&r.process) {
        share(&mut s, "period", key, &d.share);
        value(
            &mut s,
            "period",
            &format!("{key}_not_yet_due"),
            d.not_yet_due.to_string(),
        );
    }
    share(
        &mut s,
        "period",
        "standups_discussed",
        &r.standups.discussed,
    );
    value(
        &mut s,
        "period",
        "standups",
        r.standups.meetings.to_string(),
    );
    let cm = &r.case_meetings;
    share(&mut s, "period", "case_meetings_held", &cm.held);
    value(
        &mut s,
        "period",
        "case_meetings_cancelled",
        cm.cancelled.to_string(),
    );
    value(
        &mut s,
        "period",
        "case_meetings_cases_per_meeting",
        cm.cases_per_meeting
            .map_or(String::new(), |v| format!("{v:.2}")),
    );
    share(
        &mut s,
        "period",
        "measures_evaluated_on_time",
        &cm.evaluated_on_time,
    );
    for d in &cm.attendance_by_discipline {
        value(
            &mut s,
            "period",
            &format!("case_meeting_attendance_{}", d.discipline),
            d.count.to_string(),
        );
    }
    let o = &r.outcome;
    value(&mut s, "period", "discharged", o.discharged.to_string());
    value(
        &mut s,
        "period",
        "median_length_days",
        o.median_length_days
            .map_or(String::new(), |m| m.to_string()),
    );
    for oc in &o.outcomes {
        share(
            &mut s,
            "period",
            &format!("outcome_{}", oc.key),
            &Share {
                met: oc.count,
                of: o.discharged,
            },
        );
    }
    share(
        &mut s,
        "period",
        "hospital_admissions",
        &o.hospital_admissions,
    );
    share(&mut s, "period", "goals_achieved", &o.goals_achieved);
    share(
        &mut s,
        "period",
        "stays_all_goals_achieved",
        &o.stays_all_goals_achieved,
    );
    s.extend(super::events::csv_records(r));
    s.extend(r.referrals.csv_records());
    for m in &r.standups.each {
        share(
            &mut s,
            &m.date.to_string(),
            "standup_discussed",
            &m.discussed,
        );
    }
    for w in &r.weeks {
        value(&mut s, &w.week, "admitted", w.admitted.to_string());
        value(&mut s, &w.week, "discharged", w.discharged.to_string());
        for (key, d) in process_rows(&w.process) {
            share(&mut s, &w.week, key, &d.share);
        }
        share(&mut s, &w.week, "standups_discussed", &w.standups);
    }
    super::fidelity::csv(&mut s, r);
    s
}

/// The reports of several wards and their total, each under its own heading, as [`table`]
/// words them (the heading says which ward; the total comes last).
pub fn table_wards(
    wards: &[(&str, &Report)],
    total: &Report,
    lang: Language,
    outcome_label: &dyn Fn(&str) -> String,
) -> String {
    let w = crate::i18n::ward_strings(lang);
    let mut s = String::new();
    let heading = |s: &mut String, text: String| {
        let rule = "═".repeat(width(&text).max(3));
        s.push_str(&format!("{rule}\n{text}\n{rule}\n"));
    };
    for (name, r) in wards {
        heading(
            &mut s,
            w.ward
                .replace("{name}", &crate::domain::text::sanitize(name)),
        );
        s.push_str(&table(r, lang, outcome_label));
        s.push('\n');
    }
    heading(&mut s, w.total.replace("{n}", &wards.len().to_string()));
    s.push_str(w.total_note);
    s.push_str("\n\n");
    s.push_str(&table(total, lang, outcome_label));
    s
}

/// Several wards as JSON: `{"wards": [{"ward": NAME, …report}, …], "total": {"wards": N,
/// …report}}`, each report with the fields of [`json`].
pub fn json_wards(wards: &[(&str, &Report)], total: &Report) -> String {
    #[derive(serde::Serialize)]
    struct Named<'a> {
        ward: &'a str,
        #[serde(flatten)]
        report: &'a Report,
    }
    #[derive(serde::Serialize)]
    struct Total<'a> {
        wards: usize,
        #[serde(flatten)]
        report: &'a Report,
    }
    #[derive(serde::Serialize)]
    struct All<'a> {
        wards: Vec<Named<'a>>,
        total: Total<'a>,
    }
    let all = All {
        wards: wards
            .iter()
            .map(|(ward, report)| Named { ward, report })
            .collect(),
        total: Total {
            wards: wards.len(),
            report: total,
        },
    };
    let mut s =
        serde_json::to_string_pretty(&all).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}

/// Several wards as CSV: the rows of [`csv`] for each ward, then for the total, with a
/// first column `ward` (the ward's name, or `total`).
pub fn csv_wards(wards: &[(&str, &Report)], total: &Report) -> String {
    let mut sheet = crate::csv::Sheet::new();
    let mut header = vec!["ward"];
    header.extend(CSV_HEADER);
    sheet.row(&header);
    let all = wards.iter().copied().chain([(super::wards::TOTAL, total)]);
    for (name, r) in all {
        for rec in csv_records(r) {
            let mut row = vec![name.to_string()];
            row.extend(rec);
            sheet.row(&row);
        }
    }
    sheet.finish()
}
