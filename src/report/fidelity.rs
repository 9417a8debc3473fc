//! Model fidelity and the person's own goal scores over a period: pure functions of the
//! loaded stays, the rules, the scale and a period (definitions also in the README, section
//! "Model fidelity").
//!
//! * **Population**: the stays *discharged* in the period (discharge date in `[from, to]`,
//!   not cancelled): complete stays, each judged once, as [`check_stay`] judges it (the
//!   board's deadlines, target-group days, weekends and holidays).
//! * **Per element**: `met` = stays where it was met on time; `late` = met late; `not_met`;
//!   `of` = met + late + not met (a stay discharged before an element fell due never owed
//!   it and is left out); `percent` = met / of.
//! * **All met**: the stays where every element they owed was met on time.
//! * **Scale** (IPS style): each element scores 1–5 from its percent on the configured
//!   thresholds (`fidelity.scale`); an element no stay owed has no score. The total is the
//!   sum over scored elements, out of 5 × their number.
//! * **Months**: calendar months overlapping the period; the same figures over the stays
//!   discharged that month (within the period).
//! * **Goal scores**: the goals (not dropped) of the same stays. `with_both` have a start
//!   and an end score; the mean change is over those; `improved` = those whose score rose by
//!   at least `fidelity.goal_improved_points`, of `with_both`.

use super::Share;
use crate::domain::fidelity::{Element, FidelityConfig, State, check_stay};
use crate::domain::{GoalStatus, Rules, Stay, StayStatus};
use crate::store::Meeting;
use jiff::civil::Date;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// One element over a set of stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ElementShare {
    #[serde(flatten)]
    pub share: Share,
    pub late: usize,
    pub not_met: usize,
    /// 1–5 on the scale; `None` when no stay owed the element.
    pub score: Option<u8>,
}

/// Fidelity over one set of stays.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fidelity {
    pub stays: usize,
    /// One entry per element, in [`Element::ALL`] order.
    pub elements: Vec<(Element, ElementShare)>,
    pub all_met: Share,
    /// Sum of the elements' scores, and the most it could be (5 per scored element).
    pub total_score: u32,
    pub max_score: u32,
    /// The thresholds the scores were given with.
    pub scale: [u8; 4],
}

/// The JSON shape: `{"stays": n, "stay_length": {...}, …, "all_met": {...},
/// "total_score": t, "max_score": m}`: one entry per element at the top.
impl Serialize for Fidelity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.elements.len() + 5))?;
        m.serialize_entry("stays", &self.stays)?;
        for (e, sh) in &self.elements {
            m.serialize_entry(e.key(), sh)?;
        }
        m.serialize_entry("all_met", &self.all_met)?;
        m.serialize_entry("total_score", &self.total_score)?;
        m.serialize_entry("max_score", &self.max_score)?;
        m.serialize_entry("scale", &self.scale)?;
        m.end()
    }
}

impl Fidelity {
    /// Fidelity over `stays` (already the population), as of `to`, with the board meetings
    /// read from `meetings` (the report's stand-up log, as every other figure).
    pub fn over(stays: &[&Stay], meetings: &[Meeting], rules: &Rules, to: Date) -> Self {
        let mut out = Fidelity {
            stays: stays.len(),
            elements: Element::ALL
                .iter()
                .map(|e| (*e, ElementShare::default()))
                .collect(),
            ..Fidelity::default()
        };
        for s in stays {
            let mut s = (*s).clone();
            s.discussed_on = meetings
                .iter()
                .filter(|m| m.discussed.contains(&s.id))
                .map(|m| m.date)
                .collect();
            let checks = check_stay(&s, rules, to);
            let mut all = true;
            for c in &checks {
                let Some((_, sh)) = out.elements.iter_mut().find(|(e, _)| *e == c.element) else {
                    continue;
                };
                match c.state {
                    State::Met => sh.share.add(true),
                    State::MetLate => {
                        sh.share.add(false);
                        sh.late += 1;
                    }
                    State::NotMet => {
                        sh.share.add(false);
                        sh.not_met += 1;
                    }
                    State::NotYetDue => {}
                }
                all &= matches!(c.state, State::Met | State::NotYetDue);
            }
            out.all_met.add(all);
        }
        out.rescore(&FidelityConfig::default());
        out
    }

    /// Score every element on `scale` (the shares stay as they are).
    pub fn rescore(&mut self, cfg: &FidelityConfig) {
        self.total_score = 0;
        self.max_score = 0;
        self.scale = cfg.scale;
        for (_, sh) in &mut self.elements {
            sh.score = sh.share.percent().map(|p| cfg.score(p));
            if let Some(n) = sh.score {
                self.total_score += u32::from(n);
                self.max_score += 5;
            }
        }
    }

    /// The figure of one element.
    pub fn element(&self, e: Element) -> ElementShare {
        self.elements
            .iter()
            .find(|(x, _)| *x == e)
            .map(|(_, s)| *s)
            .unwrap_or_default()
    }
}

/// One calendar month of the fidelity trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FidelityMonth {
    /// `2026-11`.
    pub month: String,
    pub fidelity: Fidelity,
}

/// The person's own goal scores over the stays discharged in the period.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GoalScores {
    /// Goals (not dropped) of those stays.
    pub goals: usize,
    pub with_start: usize,
    pub with_both: usize,
    /// Mean of end − start over the goals with both, one decimal.
    pub mean_change: Option<f64>,
    /// The points a goal must rise by to count as improved (from config).
    pub improved_by: u8,
    /// Goals improved by at least `improved_by`, of those with both scores.
    pub improved: Share,
    /// Every change (end − start), for rescoring with another threshold.
    #[serde(skip)]
    pub changes: Vec<i32>,
}

impl GoalScores {
    /// The goal scores of `stays`.
    pub fn over(stays: &[&Stay]) -> Self {
        let goals: Vec<_> = stays
            .iter()
            .flat_map(|s| s.goals.iter())
            .filter(|g| g.status != GoalStatus::Dropped)
            .collect();
        let changes: Vec<i32> = goals.iter().filter_map(|g| g.score_change()).collect();
        let mean = (!changes.is_empty()).then(|| {
            let m = f64::from(changes.iter().sum::<i32>()) / changes.len() as f64;
            (m * 10.0).round() / 10.0
        });
        let mut out = GoalScores {
            goals: goals.len(),
            with_start: goals.iter().filter(|g| g.score_start.is_some()).count(),
            with_both: changes.len(),
            mean_change: mean,
            changes,
            ..GoalScores::default()
        };
        out.rescore(&FidelityConfig::default());
        out
    }

    /// Count the improved goals with the configured threshold.
    pub fn rescore(&mut self, cfg: &FidelityConfig) {
        let by = i32::from(cfg.goal_improved_points);
        self.improved_by = cfg.goal_improved_points;
        self.improved = Share {
            met: self.changes.iter().filter(|&&c| c >= by).count(),
            of: self.changes.len(),
        };
    }
}

/// The stays discharged in `[from, to]`, not cancelled.
pub fn discharged_in(stays: &[Stay], from: Date, to: Date) -> Vec<&Stay> {
    stays
        .iter()
        .filter(|s| s.status == StayStatus::Discharged)
        .filter(|s| s.discharged_on.is_some_and(|d| from <= d && d <= to))
        .collect()
}

/// The first day of the month of `d`, and of the month after.
fn month_bounds(d: Date) -> (Date, Date) {
    let first = d.first_of_month();
    let next = first.last_of_month().tomorrow().unwrap_or(Date::MAX);
    (first, next)
}

/// Fidelity per calendar month overlapping `[from, to]`.
pub fn months(
    stays: &[Stay],
    meetings: &[Meeting],
    rules: &Rules,
    from: Date,
    to: Date,
) -> Vec<FidelityMonth> {
    let mut out = Vec::new();
    let (mut first, _) = month_bounds(from);
    while first <= to {
        let (_, next) = month_bounds(first);
        let last = next.yesterday().unwrap_or(first);
        let pop = discharged_in(stays, first.max(from), last.min(to));
        out.push(FidelityMonth {
            month: format!("{:04}-{:02}", first.year(), first.month()),
            fidelity: Fidelity::over(&pop, meetings, rules, to),
        });
        if next == Date::MAX {
            break;
        }
        first = next;
    }
    out
}

/// A percentage as the language writes it (`66,7 %`), or a dash.
fn pct(sh: &Share, lang: crate::config::Language) -> String {
    match sh.percent() {
        Some(p) => {
            let t = format!("{p:.1} %");
            match lang {
                crate::config::Language::Nb => t.replace('.', ","),
                crate::config::Language::En => t,
            }
        }
        None => "–".into(),
    }
}

/// `s` padded to `n` columns.
fn pad(s: &str, n: usize) -> String {
    let fill = " ".repeat(n.saturating_sub(crate::domain::text::width(s)));
    format!("{s}{fill}")
}

/// The fidelity and goal-score sections of the terminal table (after the weekly trend).
pub(super) fn table(s: &mut String, r: &super::Report, lang: crate::config::Language) {
    let w = crate::i18n::fidelity_strings(lang);
    let mut line = |t: String| {
        s.push_str(t.trim_end());
        s.push('\n');
    };
    let f = &r.fidelity;
    line(String::new());
    line(w.rep_title.replace("{n}", &f.stays.to_string()));
    let lw = Element::ALL
        .iter()
        .map(|e| w.element(*e))
        .chain([w.rep_all_met, w.rep_total])
        .map(crate::domain::text::width)
        .max()
        .unwrap_or(0);
    line(format!(
        "  {} {:>12} {:>8} {:>9} {:>13} {:>5}",
        pad("", lw),
        w.rep_met,
        w.rep_share,
        w.rep_late,
        w.rep_not_met,
        w.rep_score
    ));
    for (e, sh) in &f.elements {
        line(format!(
            "  {} {:>12} {:>8} {:>9} {:>13} {:>5}",
            pad(w.element(*e), lw),
            format!("{} {} {}", sh.share.met, w.of, sh.share.of),
            pct(&sh.share, lang),
            sh.late,
            sh.not_met,
            sh.score.map_or("–".to_string(), |n| n.to_string())
        ));
    }
    line(format!(
        "  {} {:>12} {:>8}",
        pad(w.rep_all_met, lw),
        format!("{} {} {}", f.all_met.met, w.of, f.all_met.of),
        pct(&f.all_met, lang)
    ));
    line(format!(
        "  {} {:>12}",
        pad(w.rep_total, lw),
        w.rep_total_value
            .replace("{t}", &f.total_score.to_string())
            .replace("{m}", &f.max_score.to_string())
    ));
    let [a, b, c, d] = f.scale;
    line(format!(
        "  {}",
        w.rep_scale
            .replace("{a}", &a.to_string())
            .replace("{b}", &b.to_string())
            .replace("{c}", &c.to_string())
            .replace("{d}", &d.to_string())
    ));
    if !r.fidelity_months.is_empty() {
        line(String::new());
        line(w.rep_months.to_string());
        let cell = |sh: &Share| match sh.percent() {
            Some(p) => format!("{}/{} {:.0}%", sh.met, sh.of, p),
            None => "–".into(),
        };
        let mut head = format!("  {:<8} {:>7}", w.rep_month, w.rep_stays);
        for n in w.short {
            head.push_str(&format!(" {n:>10}"));
        }
        head.push_str(&format!(" {:>10}", w.rep_all));
        line(head);
        for m in &r.fidelity_months {
            let mut row = format!("  {:<8} {:>7}", m.month, m.fidelity.stays);
            for (_, sh) in &m.fidelity.elements {
                row.push_str(&format!(" {:>10}", cell(&sh.share)));
            }
            row.push_str(&format!(" {:>10}", cell(&m.fidelity.all_met)));
            line(row);
        }
    }
    let g = &r.goal_scores;
    line(String::new());
    line(w.rep_goal_title.to_string());
    let improved = w.rep_improved.replace("{n}", &g.improved_by.to_string());
    let gw = [w.rep_with_both, w.rep_mean_change, improved.as_str()]
        .iter()
        .map(|t| crate::domain::text::width(t))
        .max()
        .unwrap_or(0);
    line(format!(
        "  {} {:>12}",
        pad(w.rep_with_both, gw),
        format!("{} {} {}", g.with_both, w.of, g.goals)
    ));
    let mean = g.mean_change.map_or("–".to_string(), |m| {
        let t = if m > 0.0 {
            format!("+{m:.1}")
        } else {
            format!("{m:.1}")
        };
        let t = match lang {
            crate::config::Language::Nb => t.replace('.', ",").replace('-', "−"),
            crate::config::Language::En => t,
        };
        format!("{t} {}", w.rep_points)
    });
    line(format!("  {} {:>12}", pad(w.rep_mean_change, gw), mean));
    line(format!(
        "  {} {:>12} {:>8}",
        pad(&improved, gw),
        format!("{} {} {}", g.improved.met, w.of, g.improved.of),
        pct(&g.improved, lang)
    ));
}

/// The fidelity and goal-score rows of the CSV: scope `period` or a month (`2026-11`),
/// indicators `fidelity_<element>`, `fidelity_all_met`, `fidelity_total_score`, `goal_…`.
pub(super) fn csv(s: &mut Vec<Vec<String>>, r: &super::Report) {
    let share = |s: &mut Vec<Vec<String>>, scope: &str, key: String, sh: &Share, v: String| {
        s.push(vec![
            scope.to_string(),
            key,
            sh.met.to_string(),
            sh.of.to_string(),
            sh.percent().map_or(String::new(), |p| format!("{p:.1}")),
            v,
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
    let all = std::iter::once(("period".to_string(), &r.fidelity)).chain(
        r.fidelity_months
            .iter()
            .map(|m| (m.month.clone(), &m.fidelity)),
    );
    for (scope, f) in all {
        value(s, &scope, "fidelity_stays", f.stays.to_string());
        for (e, sh) in &f.elements {
            // The element's 1–5 score goes in `value`.
            let score = sh.score.map_or(String::new(), |n| n.to_string());
            share(s, &scope, format!("fidelity_{}", e.key()), &sh.share, score);
        }
        share(
            s,
            &scope,
            "fidelity_all_met".into(),
            &f.all_met,
            String::new(),
        );
        value(s, &scope, "fidelity_total_score", f.total_score.to_string());
        value(s, &scope, "fidelity_max_score", f.max_score.to_string());
    }
    let g = &r.goal_scores;
    value(s, "period", "goals", g.goals.to_string());
    value(
        s,
        "period",
        "goals_with_both_scores",
        g.with_both.to_string(),
    );
    value(
        s,
        "period",
        "goal_score_mean_change",
        g.mean_change.map_or(String::new(), |m| m.to_string()),
    );
    share(
        s,
        "period",
        "goals_improved".into(),
        &g.improved,
        g.improved_by.to_string(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Goal, MedStatus};
    use jiff::civil::date;

    /// A complete stay admitted on `admitted`, discharged on day `day`, everything on time
    /// and discussed every day.
    fn complete(id: i64, admitted: Date, day: i64) -> Stay {
        let r = Rules::default();
        let mut s = Stay::new(id, "A", admitted, r.default_discharge(admitted));
        let on = crate::domain::dates::add_days(admitted, day - 1);
        s.primary_contact = "Anne".into();
        s.assessment_done = Some(admitted);
        s.gp.done_on = Some(admitted);
        s.med_status = MedStatus::Done;
        s.med_done = Some(admitted);
        s.goals.push(Goal {
            id,
            position: 1,
            text: "Gå".into(),
            status: GoalStatus::Achieved,
            set_on: admitted,
            closed_on: Some(on),
            score_start: Some(3),
            score_end: Some(7),
        });
        s.discussed_on = (0..day)
            .map(|d| crate::domain::dates::add_days(admitted, d))
            .collect();
        s.status = StayStatus::Discharged;
        s.discharged_on = Some(on);
        s.discharge_outcome = Some("home_ordinary".into());
        s
    }

    /// One stand-up per day a stay was discussed.
    fn meetings_of(stays: &[&Stay]) -> Vec<Meeting> {
        let mut days: Vec<Date> = stays.iter().flat_map(|s| s.discussed_on.clone()).collect();
        days.sort_unstable();
        days.dedup();
        days.into_iter()
            .enumerate()
            .map(|(i, d)| Meeting {
                id: i as i64 + 1,
                date: d,
                started_at: 0,
                ended_at: None,
                led_by: String::new(),
                present: Vec::new(),
                discussed: stays
                    .iter()
                    .filter(|s| s.discussed_on.contains(&d))
                    .map(|s| s.id)
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn shares_scores_and_all_met_on_hand_made_stays() {
        let a = complete(1, date(2026, 10, 5), 30);
        // GP late, medication never done (reason given), discharged on day 40 without a
        // delay reason.
        let mut b = complete(2, date(2026, 10, 1), 40);
        b.gp.done_on = Some(date(2026, 10, 20));
        b.med_status = MedStatus::InProgress;
        b.med_done = None;
        b.handovers.push(crate::domain::Handover {
            item: "medication".into(),
            decision: crate::domain::Decision::HomeCare,
            note: "x".into(),
        });
        b.goals[0].score_end = Some(4);
        // Discharged on day 2: the GP and medication were never owed.
        let mut c = complete(3, date(2026, 11, 1), 2);
        c.gp.done_on = None;
        c.med_status = MedStatus::NotStarted;
        c.med_done = None;
        c.handovers = ["gp", "medication"]
            .iter()
            .map(|i| crate::domain::Handover {
                item: i.to_string(),
                decision: crate::domain::Decision::Closed,
                note: "x".into(),
            })
            .collect();
        c.goals[0].score_start = None;
        let stays = [&a, &b, &c];
        let log = meetings_of(&stays);
        let f = Fidelity::over(&stays, &log, &Rules::default(), date(2026, 11, 25));
        assert_eq!(f.stays, 3);
        let gp = f.element(Element::Gp);
        assert_eq!((gp.share.met, gp.share.of, gp.late), (1, 2, 1));
        assert_eq!(gp.score, Some(2)); // 50 %
        let med = f.element(Element::Medication);
        assert_eq!((med.share.met, med.share.of, med.not_met), (1, 2, 1));
        let len = f.element(Element::StayLength);
        assert_eq!((len.share.met, len.share.of, len.not_met), (2, 3, 1));
        assert_eq!(len.score, Some(3)); // 66.7 %
        let contact = f.element(Element::PrimaryContact);
        assert_eq!((contact.share.met, contact.share.of), (3, 3));
        assert_eq!(contact.score, Some(5));
        // a and c met everything they owed; b did not.
        assert_eq!((f.all_met.met, f.all_met.of), (2, 3));
        // Eight elements scored: five at 5, the stay length 3, GP and medication 2: 32 of 40.
        assert_eq!((f.total_score, f.max_score), (32, 40));
        // A stricter scale lowers the scores, not the shares.
        let mut strict = f.clone();
        strict.rescore(&FidelityConfig {
            scale: [60, 70, 80, 100],
            ..FidelityConfig::default()
        });
        assert_eq!(strict.element(Element::StayLength).score, Some(2));
        assert_eq!(strict.element(Element::Gp).share, gp.share);

        let g = GoalScores::over(&stays);
        assert_eq!((g.goals, g.with_start, g.with_both), (3, 2, 2));
        // +4 and +1: mean 2.5; one of two improved by 2 or more.
        assert_eq!(g.mean_change, Some(2.5));
        assert_eq!((g.improved.met, g.improved.of), (1, 2));
        let mut g1 = g.clone();
        g1.rescore(&FidelityConfig {
            goal_improved_points: 1,
            ..FidelityConfig::default()
        });
        assert_eq!((g1.improved.met, g1.improved_by), (2, 1));
    }

    #[test]
    fn months_split_the_period_by_discharge_date() {
        let stays = vec![
            complete(1, date(2026, 9, 20), 20),  // discharged 9.10
            complete(2, date(2026, 10, 20), 20), // discharged 8.11
            complete(3, date(2026, 11, 1), 10),  // discharged 10.11
        ];
        let log = meetings_of(&stays.iter().collect::<Vec<_>>());
        let m = months(
            &stays,
            &log,
            &Rules::default(),
            date(2026, 10, 5),
            date(2026, 11, 25),
        );
        let got: Vec<(String, usize)> = m
            .iter()
            .map(|m| (m.month.clone(), m.fidelity.stays))
            .collect();
        assert_eq!(
            got,
            [("2026-10".to_string(), 1), ("2026-11".to_string(), 2)]
        );
        assert!(discharged_in(&stays, date(2026, 10, 10), date(2026, 11, 9)).len() == 1);
        let json = serde_json::to_value(&m[1].fidelity).unwrap();
        assert_eq!(json["stays"], 2);
        assert_eq!(json["gp"]["met"], 2);
        assert_eq!(json["gp"]["percent"], 100.0);
        assert_eq!(json["total_score"], 40);
    }
}
