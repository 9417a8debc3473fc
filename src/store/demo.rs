//! Demo and synthetic data. The demo is a dozen realistic stays relative to today that
//! exercise every column and every flag level; the synthetic fill feeds benchmarks.

use super::error::StoreError;
use crate::domain::dates::add_days;
use crate::domain::{
    DeadlineKind, Delay, FollowUp, Goal, GoalStatus, MedStatus, Rules, Stay, StayStatus, initials,
};
use jiff::civil::Date;
use rusqlite::{Connection, Transaction};

/// Insert a complete stay as built in memory (a zero `stay.id` lets SQLite pick one);
/// returns the id. `updated_at` is written as given.
pub fn insert_stay(tx: &Transaction<'_>, s: &Stay, created_at: i64) -> Result<i64, StoreError> {
    let id = super::write::write_row(tx, s, created_at)?;
    super::write::insert_children(tx, id, s, s.admitted)?;
    Ok(id)
}

/// A small builder so the demo reads like a list of people rather than SQL.
struct B {
    stay: Stay,
    today: Date,
}

impl B {
    fn new(
        name: &str,
        group: &str,
        days_ago: i64,
        contact: &str,
        today: Date,
        rules: &Rules,
    ) -> Self {
        let admitted = add_days(today, -days_ago);
        let mut stay = Stay::new(0, name, admitted, rules.default_discharge(admitted));
        stay.target_group = group.into();
        stay.primary_contact = contact.into();
        stay.initials = initials::derive(name);
        Self { stay, today }
    }
    fn day(&self, n: i64) -> Date {
        add_days(self.stay.admitted, n - 1)
    }
    fn assessed(mut self, on_day: i64) -> Self {
        self.stay.assessment_done = Some(self.day(on_day));
        self
    }
    fn goal(mut self, text: &str, achieved_ago: Option<i64>) -> Self {
        let set_on = self.day(2).min(self.today);
        self.stay.goals.push(Goal {
            id: 0,
            position: self.stay.goals.len() as i64,
            text: text.into(),
            status: if achieved_ago.is_some() {
                GoalStatus::Achieved
            } else {
                GoalStatus::Open
            },
            set_on,
            closed_on: achieved_ago.map(|a| add_days(self.today, -a)),
            score_start: None,
            score_end: None,
        });
        self
    }
    fn gp_booked(mut self, in_days: i64) -> Self {
        self.stay.gp.booked_for = Some(add_days(self.today, in_days));
        self
    }
    fn gp_done(mut self, on_day: i64) -> Self {
        self.stay.gp.booked_for = Some(self.day(on_day));
        self.stay.gp.done_on = Some(self.day(on_day));
        self
    }
    fn med(mut self, status: MedStatus, on_day: Option<i64>) -> Self {
        self.stay.med_status = status;
        self.stay.med_done = on_day.map(|d| self.day(d));
        self
    }
    fn risks(mut self, r: &[&str]) -> Self {
        self.stay.risks = r.iter().map(|s| s.to_string()).collect();
        self
    }
    fn follow_up(mut self, text: &str, discipline: &str, due_in: i64, done: bool) -> Self {
        let due = add_days(self.today, due_in);
        self.stay.follow_ups.push(FollowUp {
            id: 0,
            text: text.into(),
            discipline: discipline.into(),
            due: Some(due),
            done_on: done.then_some(due),
            created_on: self.stay.admitted.min(self.today),
        });
        self
    }
    fn delay(mut self, kind: DeadlineKind, reason: &str, text: &str) -> Self {
        self.stay.delays.push(Delay {
            kind,
            reason: reason.into(),
            text: text.into(),
        });
        self
    }
    fn kin(mut self, name: &str, relation: &str, phone: &str, goals: bool, eval: bool) -> Self {
        self.stay.next_of_kin.push(crate::domain::kin::NextOfKin {
            id: 0,
            name: name.into(),
            relation: relation.into(),
            phone: phone.into(),
            in_goal_setting: goals,
            in_evaluation: eval,
        });
        self
    }
    fn note(mut self, n: &str) -> Self {
        self.stay.note = n.into();
        self
    }
    fn updated_hours_ago(mut self, h: i64, now: i64) -> Self {
        self.stay.updated_at = now - h * 3600;
        self
    }
    fn discharged(mut self, ago: i64, outcome: &str) -> Self {
        self.stay.status = StayStatus::Discharged;
        self.stay.discharged_on = Some(add_days(self.today, -ago));
        self.stay.discharge_outcome = Some(outcome.into());
        self
    }
    /// A goal as evaluated at discharge (`closed_ago` days before today).
    fn goal_evaluated(mut self, text: &str, status: GoalStatus, closed_ago: i64) -> Self {
        self = self.goal(text, Some(closed_ago));
        if let Some(g) = self.stay.goals.last_mut() {
            g.status = status;
        }
        self
    }
    /// A decision recorded at discharge about an open deadline (`gp`, `medication`, …).
    fn handover(mut self, item: &str, decision: crate::domain::Decision, note: &str) -> Self {
        self.stay.handovers.push(crate::domain::Handover {
            item: item.into(),
            decision,
            note: note.into(),
        });
        self
    }
    fn cancelled(mut self) -> Self {
        self.stay.status = StayStatus::Cancelled;
        self
    }
}

/// Fill an empty database with the demo ward, relative to `today` and `now` (unix seconds).
pub fn seed_demo(
    conn: &mut Connection,
    today: Date,
    now: i64,
    rules: &Rules,
) -> Result<usize, StoreError> {
    use MedStatus::*;
    let t = today;
    let r = rules;
    // Knut's GP deadline (day 14) falls on the first Sunday at least three days ahead, so the
    // demo always shows a weekend deadline (moved to the Friday before, or marked).
    let to_sunday = (1..=7i64)
        .map(|k| k + 2)
        .find(|k| add_days(t, *k).weekday() == jiff::civil::Weekday::Sunday)
        .unwrap_or(4);
    let knut_ago = i64::from(r.deadline_day("from_nursing_home", DeadlineKind::Gp)) - 1 - to_sunday;
    let stays = vec![
        B::new(
            "Astrid Bakken",
            "from_hospital",
            20,
            "Anne Sykepleier",
            t,
            r,
        )
        .assessed(2)
        .gp_done(10)
        .med(Done, Some(12))
        .goal("Gå til postkassen selv", Some(4))
        .goal("Lage middag til meg og Arvid", None)
        .goal("Klare trappa opp til soverommet", None)
        .risks(&["fall", "nutrition"])
        .follow_up("Vurdere trappeheis", "ot", 5, false)
        .kin("Arvid Bakken", "ektefelle", "900 11 222", true, false)
        .note("Ektemann Arvid er pårørende og hjemme på dagtid.")
        .updated_hours_ago(3, now),
        B::new("Per Olav Lie", "new_user", 0, "Dag Helsefagarbeider", t, r)
            .risks(&["fall"])
            .note("Første hjemmebesøk i dag kl. 13.")
            .updated_hours_ago(1, now),
        B::new("Kari Hansen", "worsened", 2, "Eva Sykepleier", t, r)
            .gp_booked(8)
            .risks(&["deterioration", "urinary_infection"])
            .follow_up("Ta urinprøve", "nurse", 0, false)
            .updated_hours_ago(20, now),
        B::new(
            "Knut Hansen",
            "from_nursing_home",
            knut_ago,
            "Bjørn Fysioterapeut",
            t,
            r,
        )
        .goal("Få orden på medisinene", None)
        .med(InProgress, None)
        .risks(&["fall", "pressure_ulcer"])
        .updated_hours_ago(30, now),
        B::new(
            "Solveig Nilsen",
            "from_hospital",
            14,
            "Anne Sykepleier",
            t,
            r,
        )
        .assessed(3)
        .med(InProgress, None)
        .goal("Komme meg i dusjen uten hjelp", None)
        .goal("Være med i koret igjen", None)
        .risks(&["pressure_ulcer", "nutrition"])
        .follow_up("Veie ukentlig", "health_worker", 2, false)
        .updated_hours_ago(26, now),
        B::new("Bjørn Åsheim", "concern", 12, "Camilla Ergoterapeut", t, r)
            .assessed(3)
            .gp_booked(1)
            .med(InProgress, None)
            .goal("Sove gjennom natta", None)
            .goal("Slippe å være redd for å falle", None)
            .risks(&["fall"])
            .follow_up("Montere sengehest", "ot", -1, true)
            .updated_hours_ago(8, now),
        B::new("Ingrid Sæther", "from_hospital", 33, "Eva Sykepleier", t, r)
            .assessed(2)
            .gp_done(9)
            .med(Done, Some(9))
            .goal("Være hjemme til jul", Some(10))
            .goal("Handle selv på butikken", Some(3))
            .goal("Gå tur med hunden Tassen", None)
            .follow_up("Evalueringsmøte med datter", "nurse", 1, false)
            .kin("Liv Sæther", "datter", "411 22 333", true, false)
            .kin("Odd Sæther", "sønn", "", false, false)
            .note("Datter Liv ønsker å være med på evalueringen.")
            .updated_hours_ago(5, now),
        B::new(
            "Arne Johansen",
            "worsened",
            38,
            "Dag Helsefagarbeider",
            t,
            r,
        )
        .assessed(3)
        .gp_done(12)
        .med(Done, Some(13))
        .goal("Klare meg hjemme med litt hjelp", None)
        .risks(&["deterioration"])
        .delay(
            DeadlineKind::Discharge,
            "other",
            "Venter på vedtak om sykehjemsplass",
        )
        .updated_hours_ago(22, now),
        B::new("Gunvor Dahl", "concern", 9, "Bjørn Fysioterapeut", t, r)
            .assessed(4)
            .gp_booked(3)
            .goal("Få tilbake matlysten", None)
            .goal("Ringe barnebarna på video", None)
            .risks(&["nutrition"])
            .follow_up("Kartlegge ernæring (MNA)", "nurse", -2, false)
            .updated_hours_ago(24 * 5, now),
        B::new("Olav Haugen", "new_user", -2, "Anne Sykepleier", t, r)
            .note("Kommer hjem fra korttidsopphold på mandag.")
            .updated_hours_ago(2, now),
        B::new(
            "Marit Strand",
            "from_nursing_home",
            16,
            "Camilla Ergoterapeut",
            t,
            r,
        )
        .assessed(3)
        .gp_booked(2)
        .med(Done, Some(15))
        .goal("Strikke ferdig genseren til barnebarnet", None)
        .delay(DeadlineKind::Gp, "waiting_gp", "")
        .updated_hours_ago(10, now),
        B::new("Eirik Berg", "from_hospital", 7, "Eva Sykepleier", t, r)
            .assessed(3)
            .gp_booked(10)
            .goal("Gå uten rullator inne", None)
            .goal("Kjøre bil til hytta i påsken", None)
            .risks(&["fall", "deterioration"])
            .follow_up("Gangtrening", "physio", 3, false)
            .follow_up("Time hos fysio avtalt", "physio", -3, true)
            .updated_hours_ago(28, now),
        B::new("Liv Andersen", "from_hospital", 50, "Anne Sykepleier", t, r)
            .assessed(2)
            .gp_done(8)
            .med(Done, Some(8))
            .goal("Bo hjemme", Some(15))
            .discharged(15, "home_ordinary")
            .updated_hours_ago(24 * 15, now),
        // The archive: a discharge evaluated with a goal partly achieved and the GP
        // appointment carried over to the GP, and a stay cancelled before it began.
        B::new("Sverre Moen", "worsened", 40, "Eva Sykepleier", t, r)
            .assessed(3)
            .gp_booked(4)
            .med(Done, Some(11))
            .goal("Klare meg selv om morgenen", Some(6))
            .goal_evaluated(
                "Gå trappen til loftet uten hjelp",
                GoalStatus::PartlyAchieved,
                6,
            )
            .handover(
                "gp",
                crate::domain::Decision::Gp,
                "Time hos fastlegen er bestilt; epikrise sendt",
            )
            .kin("Kari Moen", "datter", "922 33 444", true, true)
            .discharged(6, "home_ordinary")
            .updated_hours_ago(24 * 6, now),
        B::new("Helga Moe", "from_hospital", 10, "Anne Sykepleier", t, r)
            .note("Ble lagt inn på sykehus igjen før første hjemmebesøk.")
            .cancelled()
            .updated_hours_ago(24 * 9, now),
    ];
    let mut stays = stays;
    let over_day = plan_over_capacity(&mut stays, today, now, rules);
    let tx = conn.transaction()?;
    let mut ids = Vec::new();
    for b in &stays {
        ids.push(insert_stay(&tx, &b.stay, now - 40 * 86_400)?);
    }
    seed_meetings(&tx, &stays, &ids, today, now)?;
    seed_events(&tx, &stays, &ids, now)?;
    seed_hospital(&tx, &stays, &ids, now)?;
    seed_attendance(&tx)?;
    seed_fagmote(&tx, &stays, &ids, today, now)?;
    seed_history(&tx, &stays, &ids)?;
    seed_intake(&tx, &stays, &ids, today, now, over_day)?;
    seed_fidelity(&tx, &stays, &ids, today, rules)?;
    tx.commit()?;
    Ok(stays.len())
}

/// An audit history for every demo stay, so the detail pane shows one: the stay as it was
/// admitted (by the team lead, at 08:00 on the admission day), then everything recorded
/// since, as one change by the primary contact at the stay's last change.
fn seed_history(tx: &Transaction<'_>, stays: &[B], ids: &[i64]) -> Result<(), StoreError> {
    use crate::domain::edit::diff;
    let mut stmt = tx.prepare(
        "INSERT INTO audit_log (at, user, stay_id, field, old_value, new_value, change_id, action)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut change_id = 0i64;
    for (b, &id) in stays.iter().zip(ids) {
        let mut stay = b.stay.clone();
        stay.id = id;
        // Next of kin as stored (with their ids), so the history names the rows that exist.
        if let Some(stored) = super::load::load_stay(tx, id)? {
            stay.next_of_kin = stored.next_of_kin;
        }
        let mut base = Stay::new(id, &stay.name, stay.admitted, stay.planned_discharge);
        base.initials = stay.initials.clone();
        base.target_group = stay.target_group.clone();
        base.primary_contact = stay.primary_contact.clone();
        let admitted_at = stay
            .admitted
            .at(7, 0, 0, 0)
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp().as_second())
            .unwrap_or(stay.updated_at)
            // A planned admission was registered before it begins: never stamp the
            // history after the stay's last change (or after now).
            .min(stay.updated_at - 3600);
        let contact = stay
            .primary_contact
            .split_whitespace()
            .next()
            .unwrap_or("anne")
            .to_lowercase();
        let action = match stay.status {
            StayStatus::Discharged => "discharge",
            StayStatus::Cancelled => "cancel",
            StayStatus::Active => "edit",
        };
        for (at, user, before, after, action) in [
            (admitted_at, "kari", None, Some(&base), "create"),
            (
                stay.updated_at,
                contact.as_str(),
                Some(&base),
                Some(&stay),
                action,
            ),
        ] {
            change_id += 1;
            for c in diff(before, after) {
                stmt.execute(rusqlite::params![
                    at, user, id, c.field, c.old, c.new, change_id, action
                ])?;
            }
        }
    }
    Ok(())
}

/// The places the demo is made for (the default `capacity`).
const DEMO_CAPACITY: usize = 12;

/// Make the capacity forecast show exactly one day over capacity, whatever weekday today
/// is (planned discharges move with weekends and holidays): pick a day `j` (next week when
/// possible) with at least as many places taken (`m`) as every day before it and at most 11
/// on every day after it, add `12 - m` stays still here on day `j` (planned out on day `j + 1`), and admit the accepted
/// referral on day `j`. Every day before `j` then has at most 12, day `j` has 13, and every
/// day after it at most 12. Returns `j` (days from today).
fn plan_over_capacity(stays: &mut Vec<B>, today: Date, now: i64, rules: &Rules) -> i64 {
    use crate::domain::capacity::{FORECAST_DAYS, forecast};
    let built: Vec<Stay> = stays.iter().map(|b| b.stay.clone()).collect();
    let days = forecast(&built, &[], rules, today, FORECAST_DAYS);
    let occ: Vec<usize> = days.iter().map(|d| d.occupied).collect();
    let fits = |j: usize| {
        occ[..j].iter().all(|&b| b <= occ[j])
            && occ[j + 1..].iter().all(|&b| b < DEMO_CAPACITY)
            && occ[j] <= DEMO_CAPACITY
    };
    let top = occ.iter().copied().max().unwrap_or(0);
    let j = (3..=9.min(occ.len().saturating_sub(1)))
        .rev()
        .find(|&j| fits(j))
        .or_else(|| occ.iter().rposition(|&b| b == top))
        .unwrap_or(0);
    let m = occ.get(j).copied().unwrap_or(0);
    let j = j as i64;
    let names = [
        (
            "Sigrid Lunde",
            "Eva Sykepleier",
            "Gå på kafé med venninnene",
        ),
        (
            "Oddvar Rønning",
            "Dag Helsefagarbeider",
            "Klare morgenstellet selv",
        ),
        ("Turid Eide", "Anne Sykepleier", "Lage frokost selv"),
    ];
    for (name, contact, goal) in names.iter().take(DEMO_CAPACITY.saturating_sub(m)) {
        // Planned out the day after j (a place is free on its discharge day), so they are
        // still here on day j when the referral comes in.
        let end = add_days(today, j + 1);
        let admitted = add_days(end, -34);
        let mut b = B::new(
            name,
            "from_hospital",
            crate::domain::dates::days_between(admitted, today),
            contact,
            today,
            rules,
        )
        .assessed(2)
        .gp_done(11)
        .med(MedStatus::Done, Some(6))
        .goal(goal, Some(3))
        .updated_hours_ago(4, now);
        b.stay.planned_discharge = end;
        stays.push(b);
    }
    j
}

/// The referral queue: two waiting, one accepted with a planned admission, one declined,
/// and the referrals three demo stays came from (so the indicators have days from
/// referral to admission).
fn seed_intake(
    tx: &Transaction<'_>,
    stays: &[B],
    ids: &[i64],
    today: Date,
    now: i64,
    over_day: i64,
) -> Result<(), StoreError> {
    let day = |n: i64| add_days(today, n).to_string();
    let add = |name: &str,
               source: &str,
               received: String,
               group: &str,
               decision: &str,
               decided: Option<String>,
               reason: &str,
               planned: Option<String>,
               stay: Option<i64>,
               note: &str|
     -> Result<(), StoreError> {
        tx.execute(
            "INSERT INTO referrals (name, source, received_on, target_group, decision,
                decided_on, decline_reason, planned_admission, stay_id, note, version,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?11)",
            rusqlite::params![
                name,
                source,
                received,
                group,
                decision,
                decided,
                reason,
                planned,
                stay,
                note,
                now - 86_400
            ],
        )?;
        Ok(())
    };
    add(
        "Randi Fossum",
        "hospital",
        day(-1),
        "from_hospital",
        "waiting",
        None,
        "",
        None,
        None,
        "Hoftebrudd, utskrives fra ortopedisk",
    )?;
    add(
        "Håkon Lund",
        "gp",
        day(-3),
        "worsened",
        "waiting",
        None,
        "",
        None,
        None,
        "Fastlegen er bekymret for vekttap",
    )?;
    add(
        "Torill Vik",
        "allocation_office",
        day(-6),
        "new_user",
        "accepted",
        Some(day(-4)),
        "",
        Some(day(over_day)),
        None,
        "",
    )?;
    add(
        "Jens Aas",
        "home_care",
        day(-9),
        "concern",
        "declined",
        Some(day(-8)),
        "Trenger heldøgns omsorg – søkt sykehjemsplass",
        None,
        None,
        "",
    )?;
    // Stays that came in through a referral.
    for (name, source, before) in [
        ("Astrid Bakken", "hospital", 2),
        ("Eirik Berg", "hospital", 1),
        ("Liv Andersen", "gp", 6),
        ("Bjørn Åsheim", "home_care", 4),
    ] {
        if let Some((b, id)) = stays.iter().zip(ids).find(|(b, _)| b.stay.name == name) {
            let s = &b.stay;
            add(
                name,
                source,
                add_days(s.admitted, -before).to_string(),
                &s.target_group,
                "accepted",
                Some(add_days(s.admitted, -before).to_string()),
                "",
                Some(s.admitted.to_string()),
                Some(*id),
                "",
            )?;
        }
    }
    Ok(())
}

/// Stand-ups on the last three weeks' weekdays, each discussing the stays active that day,
/// except that one person has slipped through for a week (so the board marks her).
fn seed_meetings(
    tx: &Transaction<'_>,
    stays: &[B],
    ids: &[i64],
    today: Date,
    now: i64,
) -> Result<(), StoreError> {
    for back in 1..=21i64 {
        let date = add_days(today, -back);
        if date.weekday().to_monday_one_offset() > 5 {
            continue;
        }
        let started = now - back * 86_400;
        tx.execute(
            "INSERT INTO meetings (date, started_at, ended_at, led_by) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![
                date.to_string(),
                started,
                started + 14 * 60,
                "Anne Sykepleier"
            ],
        )?;
        let meeting = tx.last_insert_rowid();
        for (b, id) in stays.iter().zip(ids) {
            let s = &b.stay;
            let active = s.admitted <= date && s.discharged_on.is_none_or(|d| d >= date);
            let slipped = s.name == "Gunvor Dahl" && back <= 7;
            if active && !slipped {
                tx.execute(
                    "INSERT INTO meeting_stays (meeting_id, stay_id, discussed_at) VALUES (?1, ?2, ?3)",
                    rusqlite::params![meeting, id, started + 60],
                )?;
            }
        }
    }
    Ok(())
}

/// What happened to the people, relative to now: some since yesterday's stand-up (a fall
/// in the night, a deterioration that ended with the out-of-hours doctor), the rest
/// discussed already — including a hospital admission and return and a fall during a
/// stay now discharged, so the indicators have something to count.
fn seed_events(tx: &Transaction<'_>, stays: &[B], ids: &[i64], now: i64) -> Result<(), StoreError> {
    // (person, kind, hours ago it happened, minutes until recorded, note, recorded by)
    let events: &[(&str, &str, i64, i64, &str, &str)] = &[
        (
            "Bjørn Åsheim",
            "fall",
            5,
            110,
            "Falt på vei til toalettet i natt. Ingen synlige skader, trygghetsalarm brukt.",
            "dag",
        ),
        (
            "Solveig Nilsen",
            "deterioration",
            16,
            15,
            "Slapp og feber 38,4, spiste lite til middag.",
            "anne",
        ),
        (
            "Solveig Nilsen",
            "out_of_hours",
            14,
            5,
            "Legevakt ringt, urinprøve tas i morgen tidlig.",
            "anne",
        ),
        (
            "Solveig Nilsen",
            "next_of_kin_contact",
            13,
            10,
            "Sønnen informert på telefon.",
            "anne",
        ),
        (
            "Kari Hansen",
            "gp_contact",
            20,
            30,
            "Fastlegen kontaktet om urinprøve.",
            "eva",
        ),
        (
            "Ingrid Sæther",
            "deterioration",
            24 * 4 + 23,
            20,
            "Tung i pusten om morgenen.",
            "eva",
        ),
        (
            "Ingrid Sæther",
            "gp_contact",
            24 * 4 + 19,
            10,
            "Fastlegen økte vanndrivende.",
            "eva",
        ),
        (
            "Astrid Bakken",
            "fall",
            24 * 6 + 14,
            45,
            "Skled på badematta, slo hoften lett.",
            "anne",
        ),
        (
            "Astrid Bakken",
            "next_of_kin_contact",
            24 * 3 + 6,
            30,
            "Samtale med Arvid om trappeheis.",
            "camilla",
        ),
        (
            "Arne Johansen",
            "deterioration",
            24 * 13 + 14,
            10,
            "Brystsmerter og kvalme.",
            "dag",
        ),
        (
            "Arne Johansen",
            "ambulance",
            24 * 13 + 13,
            5,
            "AMK ringt.",
            "dag",
        ),
        (
            "Arne Johansen",
            "hospital_admission",
            24 * 13 + 12,
            60,
            "Innlagt kardiologisk avdeling.",
            "dag",
        ),
        (
            "Arne Johansen",
            "hospital_return",
            24 * 9 + 4,
            30,
            "Hjem med ny medisinliste.",
            "dag",
        ),
        (
            "Eirik Berg",
            "fall",
            24 * 2 + 7,
            60,
            "Falt i trappa ute, ingen skade.",
            "eva",
        ),
        (
            "Sverre Moen",
            "fall",
            24 * 20 + 10,
            30,
            "Falt i gangen om kvelden.",
            "eva",
        ),
    ];
    let zone = jiff::tz::TimeZone::get("Europe/Oslo").unwrap_or(jiff::tz::TimeZone::UTC);
    let mut stmt = tx.prepare(
        "INSERT INTO events (stay_id, occurred_on, occurred_time, kind, note, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (who, kind, hours_ago, after_min, note, by) in events {
        let Some(i) = stays.iter().position(|b| b.stay.name == *who) else {
            continue;
        };
        let at = now - hours_ago * 3600;
        let Ok(ts) = jiff::Timestamp::from_second(at) else {
            continue;
        };
        let local = ts.to_zoned_datetime(zone.clone()).datetime();
        // A stay admitted later in the day than "hours ago" never has an event before it.
        let on = local.date().max(stays[i].stay.admitted);
        stmt.execute(rusqlite::params![
            ids[i],
            on.to_string(),
            crate::domain::events::fmt_time(local.time()),
            kind,
            note,
            by,
            at + after_min * 60,
        ])?;
    }
    Ok(())
}

/// One person in hospital now, so the board shows the badge over paused deadlines: Eirik
/// Berg (a fall two days ago, red medication deadline) admitted yesterday evening with no
/// return yet.
fn seed_hospital(
    tx: &Transaction<'_>,
    stays: &[B],
    ids: &[i64],
    now: i64,
) -> Result<(), StoreError> {
    let Some(i) = stays.iter().position(|b| b.stay.name == "Eirik Berg") else {
        return Ok(());
    };
    let zone = jiff::tz::TimeZone::get("Europe/Oslo").unwrap_or(jiff::tz::TimeZone::UTC);
    // Yesterday at 19:40 local time, recorded 25 minutes later.
    let Ok(ts) = jiff::Timestamp::from_second(now) else {
        return Ok(());
    };
    let yesterday = crate::domain::dates::add_days(ts.to_zoned_datetime(zone.clone()).date(), -1);
    let on = yesterday.max(stays[i].stay.admitted);
    let Ok(at) = on
        .at(19, 40, 0, 0)
        .to_zoned_datetime(zone)
        .map(|z| z.timestamp().as_second())
    else {
        return Ok(());
    };
    tx.execute(
        "INSERT INTO events (stay_id, occurred_on, occurred_time, kind, note, recorded_by, recorded_at)
         VALUES (?1, ?2, '19:40', ?3, ?4, 'eva', ?5)",
        rusqlite::params![
            ids[i],
            on.to_string(),
            crate::domain::hospital::ADMISSION,
            "Feber og forvirring, innlagt medisinsk avdeling via legevakt.",
            at + 25 * 60,
        ],
    )?;
    Ok(())
}

/// Who attended the demo's stand-ups: the nurses and a health worker every day, the
/// physiotherapist Monday, Wednesday and Friday, the occupational therapist Tuesday and
/// Thursday, the GP on Fridays — so the attendance figures show an uneven team.
fn seed_attendance(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let staff = crate::config::Config::default().staff;
    let mut meetings = tx.prepare("SELECT id, date FROM meetings ORDER BY id")?;
    let rows: Vec<(i64, String)> = meetings
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, date) in rows {
        let Ok(d) = date.parse::<Date>() else {
            continue;
        };
        let wd = d.weekday().to_monday_one_offset();
        for st in &staff {
            let here = match st.discipline.as_str() {
                "nurse" | "health_worker" => !(st.name.starts_with("Eva") && wd == 3),
                "physio" => matches!(wd, 1 | 3 | 5),
                "ot" => matches!(wd, 2 | 4),
                "gp" => wd == 5,
                _ => false,
            };
            if here {
                super::attendance::set_present(
                    tx,
                    super::attendance::MeetingKind::Standup,
                    id,
                    &st.name,
                    &st.discipline,
                    true,
                )?;
            }
        }
    }
    Ok(())
}

/// The weekly fagmøte (Thursdays): two held meetings with cases, measures and attendance
/// (one measure evaluated on time, one due for evaluation now), the next one planned with
/// two cases on its agenda, and two more planned dates.
fn seed_fagmote(
    tx: &Transaction<'_>,
    stays: &[B],
    ids: &[i64],
    today: Date,
    now: i64,
) -> Result<(), StoreError> {
    use rusqlite::params;
    let id_of = |name: &str| {
        stays
            .iter()
            .zip(ids)
            .find(|(b, _)| b.stay.name == name)
            .map(|(_, id)| *id)
            .unwrap_or(0)
    };
    let ahead = (1..=7i64)
        .map(|k| k - 1)
        .find(|k| add_days(today, *k).weekday() == jiff::civil::Weekday::Thursday)
        .unwrap_or(0);
    let next = add_days(today, ahead);
    let (a_date, b_date) = (add_days(next, -14), add_days(next, -7));
    let meeting = |date: Date, status: &str, led: &str, sup: &str| -> Result<i64, StoreError> {
        let held = status == "held";
        let started = now - crate::domain::dates::days_between(date, today) * 86_400;
        tx.execute(
            "INSERT INTO case_meetings (date, status, started_at, ended_at, led_by, supervisor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                date.to_string(),
                status,
                held.then_some(started),
                held.then_some(started + 45 * 60),
                led,
                sup
            ],
        )?;
        Ok(tx.last_insert_rowid())
    };
    let a = meeting(a_date, "held", "Dag Helsefagarbeider", "Anne Sykepleier")?;
    let b = meeting(b_date, "held", "Dag Helsefagarbeider", "Eva Sykepleier")?;
    let c = meeting(next, "planned", "", "")?;
    meeting(add_days(next, 7), "planned", "", "")?;
    meeting(add_days(next, 14), "planned", "", "")?;
    for (m, who) in [
        (
            a,
            &[
                ("Dag Helsefagarbeider", "health_worker"),
                ("Anne Sykepleier", "nurse"),
                ("Eva Sykepleier", "nurse"),
                ("Camilla Ergoterapeut", "ot"),
            ][..],
        ),
        (
            b,
            &[
                ("Dag Helsefagarbeider", "health_worker"),
                ("Eva Sykepleier", "nurse"),
                ("Bjørn Fysioterapeut", "physio"),
            ][..],
        ),
    ] {
        for (name, disc) in who {
            tx.execute(
                "INSERT INTO attendance (kind, meeting_id, name, discipline) VALUES ('case', ?1, ?2, ?3)",
                params![m, name, disc],
            )?;
        }
    }
    #[allow(clippy::type_complexity)]
    let case = |m: i64,
                pos: i64,
                stay: &str,
                title: &str,
                by: &str,
                texts: Option<(&str, &str, &str, &str, &str)>,
                evaluate_on: Option<Date>|
     -> Result<i64, StoreError> {
        let (sit, v, i, p, s) = texts.unwrap_or_default();
        tx.execute(
            "INSERT INTO cases (meeting_id, stay_id, position, title, put_up_by, situation,
                value_prompt, individual_prompt, perspective, social_prompt, evaluate_on, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                m,
                id_of(stay),
                pos,
                title,
                by,
                sit,
                v,
                i,
                p,
                s,
                evaluate_on.map(|d| d.to_string()),
                if texts.is_some() {
                    "discussed"
                } else {
                    "planned"
                }
            ],
        )?;
        Ok(tx.last_insert_rowid())
    };
    let measure = |case: i64,
                   stay: &str,
                   text: &str,
                   who: &str,
                   from: Date,
                   evaluate_on: Date,
                   evaluated: Option<(&str, &str, i64)>|
     -> Result<(), StoreError> {
        tx.execute(
            "INSERT INTO measures (case_id, stay_id, text, who, from_on, evaluate_on, evaluation,
                evaluated_on, evaluation_note, evaluated_in)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                case,
                id_of(stay),
                text,
                who,
                from.to_string(),
                evaluate_on.to_string(),
                evaluated.map(|e| e.0),
                evaluated.map(|_| b_date.to_string()),
                evaluated.map_or("", |e| e.1),
                evaluated.map(|e| e.2)
            ],
        )?;
        Ok(())
    };
    let arne = case(
        a,
        0,
        "Arne Johansen",
        "Urolig og redd om natta",
        "Dag Helsefagarbeider",
        Some((
            "Natt til tirsdag kl. 02–04 i soverommet: Arne ringte vakta tre ganger og ville ha noen hos seg.",
            "Han skal møtes som den voksne mannen han er, ikke som «vanskelig».",
            "Han har sovet med radioen på i femti år.",
            "Han virker redd når det er mørkt og stille, og vet ikke om noen kommer.",
            "Kona Berit kan ringe ham før hun legger seg.",
        )),
        Some(b_date),
    )?;
    measure(
        arne,
        "Arne Johansen",
        "Nattlampe og radio på lavt, fast kveldsrutine",
        "Kveldsvakt",
        a_date,
        b_date,
        Some((
            "worked",
            "Sover bedre; har ikke ringt vakta om natta siden",
            b,
        )),
    )?;
    let ingrid = case(
        a,
        1,
        "Ingrid Sæther",
        "Vil ikke ta imot hjelp i dusjen",
        "Eva Sykepleier",
        Some((
            "Morgenstell mandag og onsdag kl. 09 på badet: Ingrid sa nei og ble sint.",
            "",
            "Hun har alltid dusjet om kvelden.",
            "Hun opplever det som at fremmede bestemmer over kroppen hennes.",
            "",
        )),
        Some(add_days(today, -1)),
    )?;
    measure(
        ingrid,
        "Ingrid Sæther",
        "Tilby dusj om kvelden, helst med samme pleier",
        "Eva Sykepleier",
        a_date,
        add_days(today, -1),
        None,
    )?;
    let marit = case(
        b,
        0,
        "Marit Strand",
        "Sitter alene og strikker ikke lenger",
        "Camilla Ergoterapeut",
        Some((
            "Ettermiddagene hjemme i stua, sist torsdag kl. 15: strikketøyet lå urørt.",
            "",
            "Strikking har vært det hun er kjent for i familien.",
            "Hun sier at hun ikke ser maskene godt nok lenger, og at det er flaut.",
            "Naboen Randi strikker og kan komme innom.",
        )),
        Some(add_days(next, 7)),
    )?;
    measure(
        marit,
        "Marit Strand",
        "Lyspære med dagslys og tykkere garn",
        "Camilla Ergoterapeut",
        b_date,
        add_days(next, 7),
        None,
    )?;
    measure(
        marit,
        "Marit Strand",
        "Randi kommer innom torsdager kl. 14",
        "Primærkontakt avtaler",
        b_date,
        add_days(next, 7),
        None,
    )?;
    case(
        c,
        0,
        "Gunvor Dahl",
        "Spiser lite når hun er alene",
        "Bjørn Fysioterapeut",
        None,
        None,
    )?;
    case(
        c,
        1,
        "Solveig Nilsen",
        "Vil ikke være med i koret likevel",
        "Anne Sykepleier",
        None,
        None,
    )?;
    Ok(())
}

/// Fill with `active` + `discharged` generated stays (3 goals, 2 follow-ups, 2 risks each).
pub fn fill_synthetic(
    conn: &mut Connection,
    active: usize,
    discharged: usize,
    today: Date,
    now: i64,
) -> Result<(), StoreError> {
    const FIRST: [&str; 10] = [
        "Kari", "Ola", "Ingrid", "Per", "Astrid", "Knut", "Solveig", "Arne", "Marit", "Eirik",
    ];
    const LAST: [&str; 10] = [
        "Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Dahl", "Lie", "Haugen", "Bakken",
        "Strand",
    ];
    const GROUPS: [&str; 5] = [
        "new_user",
        "from_hospital",
        "from_nursing_home",
        "worsened",
        "concern",
    ];
    let rules = Rules::default();
    let tx = conn.transaction()?;
    for i in 0..active + discharged {
        let name = format!("{} {} {}", FIRST[i % 10], LAST[(i / 10) % 10], i);
        let ago = if i < active {
            (i % 40) as i64
        } else {
            40 + (i % 3000) as i64
        };
        let mut b = B::new(&name, GROUPS[i % 5], ago, "Anne Sykepleier", today, &rules)
            .goal("Klare seg selv hjemme", None)
            .goal("Gå tur hver dag", Some(1))
            .goal("Lage mat selv", None)
            .risks(&["fall", "nutrition"])
            .follow_up("Ringe pårørende", "nurse", 2 - (i % 5) as i64, false)
            .follow_up("Gangtrening", "physio", 3, i % 2 == 0)
            .updated_hours_ago((i % 100) as i64, now);
        if i % 3 == 0 {
            b = b.assessed(2).gp_booked(3);
        }
        if i >= active {
            b = b.discharged(ago - 35, "home_ordinary");
        }
        insert_stay(&tx, &b.stay, now)?;
    }
    tx.commit()?;
    Ok(())
}

/// The person's own goal scores on several goals (start scores from the home visit; end
/// scores on the stays near or past discharge), and, for each discharged stay, a reason for
/// every core element of the model it did not meet, as the discharge form asks for.
fn seed_fidelity(
    tx: &Transaction<'_>,
    stays: &[B],
    ids: &[i64],
    today: Date,
    rules: &Rules,
) -> Result<(), StoreError> {
    const SCORES: &[(&str, &str, i64, Option<i64>)] = &[
        ("Astrid Bakken", "Gå til postkassen selv", 3, Some(8)),
        ("Astrid Bakken", "Lage middag til meg og Arvid", 2, None),
        ("Astrid Bakken", "Klare trappa opp til soverommet", 1, None),
        ("Ingrid Sæther", "Være hjemme til jul", 4, Some(8)),
        ("Ingrid Sæther", "Handle selv på butikken", 2, Some(7)),
        ("Ingrid Sæther", "Gå tur med hunden Tassen", 3, None),
        ("Solveig Nilsen", "Komme meg i dusjen uten hjelp", 2, None),
        ("Liv Andersen", "Bo hjemme", 5, Some(9)),
        ("Sverre Moen", "Klare meg selv om morgenen", 3, Some(7)),
        (
            "Sverre Moen",
            "Gå trappen til loftet uten hjelp",
            2,
            Some(3),
        ),
    ];
    for (b, &id) in stays.iter().zip(ids) {
        for (who, goal, start, end) in SCORES {
            if b.stay.name == *who {
                tx.execute(
                    "UPDATE goals SET score_start = ?1, score_end = ?2 WHERE stay_id = ?3 AND text = ?4",
                    rusqlite::params![start, end, id, goal],
                )?;
            }
        }
        if b.stay.status != StayStatus::Discharged {
            continue;
        }
        let Some(stay) = super::load::load_stay(tx, id)? else {
            continue;
        };
        for c in crate::domain::fidelity::check_stay(&stay, rules, today) {
            use crate::domain::fidelity::{Element, State};
            if c.state != State::NotMet {
                continue;
            }
            let note = match c.element {
                Element::StayLength => "Ventet én dag på hjelpemidler før hjemreise",
                Element::Gp => {
                    "Fastlegen hadde ingen ledig time; epikrise sendt, timen følges opp av fastlegen"
                }
                Element::BoardMeetings => "Tavlemøtene ble ikke registrert de første ukene",
                _ => "Gjennomgått på evalueringsmøtet; videreført til hjemmetjenesten",
            };
            tx.execute(
                "INSERT INTO fidelity_acknowledgements (stay_id, element, note, acknowledged_on)
                 VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![
                    id,
                    c.element.key(),
                    note,
                    stay.discharged_on.unwrap_or(today).to_string()
                ],
            )?;
        }
    }
    Ok(())
}
