//! The report as text: a table for the terminal, JSON, or CSV (one figure per row).

use super::{DeadlineShare, Process, Report, Share};

fn pct(s: &Share) -> String {
    match s.percent() {
        Some(p) => format!("{p:.1} %"),
        None => "–".into(),
    }
}

fn frac(s: &Share) -> String {
    format!("{} of {}", s.met, s.of)
}

/// The process rows: (key, label, figure).
fn process_rows<'a>(r: &Report, p: &'a Process) -> [(&'static str, String, &'a DeadlineShare); 5] {
    let u = &r.rules;
    [
        (
            "assessment_by_day",
            format!("Assessment done by day {}", u.assessment_day),
            &p.assessment,
        ),
        (
            "goals_by_day",
            format!("Goals set by day {}", u.assessment_day),
            &p.goals,
        ),
        (
            "gp_by_day",
            format!("GP appointment held by day {}", u.gp_day),
            &p.gp,
        ),
        (
            "medication_by_day",
            format!("Medication reconciled by day {}", u.medication_day),
            &p.medication,
        ),
        (
            "discharged_on_time",
            format!("Discharged within {} days", u.stay_length_days),
            &p.discharged_on_time,
        ),
    ]
}

/// A plain-text table for the terminal. `outcome_label` turns an outcome key into the text to
/// show (e.g. the configured label).
pub fn table(r: &Report, outcome_label: &dyn Fn(&str) -> String) -> String {
    let mut s = String::new();
    let line = |s: &mut String, t: String| {
        s.push_str(&t);
        s.push('\n');
    };
    line(
        &mut s,
        format!("Indicators {} – {} (both days included)", r.from, r.to),
    );
    line(&mut s, String::new());
    line(
        &mut s,
        format!(
            "Process: {} stays admitted in the period (deadlines after {} not yet counted)",
            r.admitted, r.to
        ),
    );
    for (_, label, d) in process_rows(r, &r.process) {
        line(
            &mut s,
            format!(
                "  {label:<36} {:>12} {:>8}   not yet due {}, ended before {}",
                frac(&d.share),
                pct(&d.share),
                d.not_yet_due,
                d.ended_before_deadline
            ),
        );
    }
    let st = &r.standups;
    line(
        &mut s,
        format!(
            "  {:<36} {:>12} {:>8}   {} stand-ups",
            "Active stays discussed at stand-ups",
            frac(&st.discussed),
            pct(&st.discussed),
            st.meetings
        ),
    );
    line(&mut s, String::new());
    let o = &r.outcome;
    line(
        &mut s,
        format!("Outcome: {} stays discharged in the period", o.discharged),
    );
    line(
        &mut s,
        format!(
            "  {:<36} {}",
            "Median length of stay",
            o.median_length_days
                .map_or("–".into(), |m| format!("{m} days"))
        ),
    );
    line(&mut s, "  Discharge outcome".into());
    for oc in &o.outcomes {
        let sh = Share {
            met: oc.count,
            of: o.discharged,
        };
        line(
            &mut s,
            format!(
                "    {:<34} {:>12} {:>8}",
                outcome_label(&oc.key),
                oc.count,
                pct(&sh)
            ),
        );
    }
    for (label, sh) in [
        ("Hospital admission during the stay", &o.hospital_admissions),
        ("Goals achieved at discharge", &o.goals_achieved),
        (
            "Stays with every goal achieved",
            &o.stays_all_goals_achieved,
        ),
    ] {
        line(
            &mut s,
            format!("  {label:<36} {:>12} {:>8}", frac(sh), pct(sh)),
        );
    }
    if !st.each.is_empty() {
        line(&mut s, String::new());
        line(&mut s, "Stand-ups".into());
        line(
            &mut s,
            format!(
                "  {:<10}  {:<24} {:>7}  {:>12} {:>8}",
                "date", "led by", "minutes", "discussed", ""
            ),
        );
        for m in &st.each {
            line(
                &mut s,
                format!(
                    "  {:<10}  {:<24} {:>7}  {:>12} {:>8}{}",
                    m.date.to_string(),
                    crate::domain::text::sanitize(&m.led_by),
                    m.minutes.map_or("–".into(), |n| n.to_string()),
                    frac(&m.discussed),
                    pct(&m.discussed),
                    if m.discussed_not_active > 0 {
                        format!("  (+{} not active)", m.discussed_not_active)
                    } else {
                        String::new()
                    }
                ),
            );
        }
    }
    line(&mut s, String::new());
    line(
        &mut s,
        "Per ISO week (process shares over the stays admitted that week)".into(),
    );
    let cell = |sh: &Share| match sh.percent() {
        Some(p) => format!("{}/{} {:.0}%", sh.met, sh.of, p),
        None => "–".into(),
    };
    let u = &r.rules;
    line(
        &mut s,
        format!(
            "  {:<9} {:>6} {:>6} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}",
            "week",
            "admit",
            "disch",
            format!("assess d{}", u.assessment_day),
            format!("goals d{}", u.assessment_day),
            format!("GP d{}", u.gp_day),
            format!("med d{}", u.medication_day),
            "on time",
            "stand-ups"
        ),
    );
    for w in &r.weeks {
        let p = &w.process;
        line(
            &mut s,
            format!(
                "  {:<9} {:>6} {:>6} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}",
                w.week,
                w.admitted,
                w.discharged,
                cell(&p.assessment.share),
                cell(&p.goals.share),
                cell(&p.gp.share),
                cell(&p.medication.share),
                cell(&p.discharged_on_time.share),
                cell(&w.standups)
            ),
        );
    }
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
    use crate::csv::row;
    let mut s = row(&["scope", "indicator", "met", "of", "percent", "value"]);
    let share = |s: &mut String, scope: &str, key: &str, sh: &Share| {
        s.push_str(&row(&[
            scope.to_string(),
            key.to_string(),
            sh.met.to_string(),
            sh.of.to_string(),
            sh.percent().map_or(String::new(), |p| format!("{p:.1}")),
            String::new(),
        ]));
    };
    let value = |s: &mut String, scope: &str, key: &str, v: String| {
        s.push_str(&row(&[scope, key, "", "", "", &v]));
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
    for (key, _, d) in process_rows(r, &r.process) {
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
        for (key, _, d) in process_rows(r, &w.process) {
            share(&mut s, &w.week, key, &d.share);
        }
        share(&mut s, &w.week, "standups_discussed", &w.standups);
    }
    s
}
