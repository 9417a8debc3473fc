//! Indicators on hand-built data: every expected figure is worked out in the comments from the
//! stays below, with the default rules (assessment and goals by day 3 = admitted + 2; GP and
//! medication by day 14 = admitted + 13; stay length 35 days, so the discharge deadline is day
//! 35 = admitted + 34), except that deadlines on weekends are kept (`mark`) so the dates below
//! read plainly; `deadlines_as_the_board_places_them` covers moved deadlines.

use jiff::civil::{Date, date};
use tavle::domain::{DeadlineKind, Delay, Goal, GoalStatus, MedStatus, Rules, Stay, StayStatus};
use tavle::report::{self, DeadlineShare, Report, Share};
use tavle::store::{self, Meeting};

/// The default rules with weekend and holiday deadlines kept where they fall.
fn rules() -> Rules {
    Rules {
        non_working_days: tavle::domain::holidays::NonWorkingDays::Mark,
        ..Rules::default()
    }
}

fn d(m: i8, day: i8) -> Date {
    date(2026, m, day)
}

fn stay(id: i64, name: &str, admitted: Date) -> Stay {
    Stay::new(id, name, admitted, rules().default_discharge(admitted))
}

fn goal(set_on: Date, status: GoalStatus) -> Goal {
    Goal {
        id: 0,
        position: 0,
        text: "Gå tur".into(),
        status,
        set_on,
        closed_on: None,
        score_start: None,
        score_end: None,
    }
}

fn discharge(s: &mut Stay, on: Date, outcome: &str) {
    s.status = StayStatus::Discharged;
    s.discharged_on = Some(on);
    s.discharge_outcome = Some(outcome.into());
}

/// Period under test: Monday 2 Nov – Sunday 22 Nov 2026 (ISO weeks 45, 46, 47).
const FROM: (i8, i8) = (11, 2);
const TO: (i8, i8) = (11, 22);

fn ward() -> Vec<Stay> {
    // A, admitted 2 Nov: deadlines day 3 = 4 Nov, day 14 = 15 Nov, discharge 6 Dec.
    let mut a = stay(1, "Astrid A", d(11, 2));
    a.assessment_done = Some(d(11, 4)); // on the deadline: met
    a.goals.push(goal(d(11, 3), GoalStatus::Open)); // met
    a.gp.done_on = Some(d(11, 15)); // on the deadline: met
    a.med_status = MedStatus::Done;
    a.med_done = Some(d(11, 16)); // a day late: missed

    // B, admitted 3 Nov: day 3 = 5 Nov, day 14 = 16 Nov.
    let mut b = stay(2, "Bjørn B", d(11, 3));
    b.assessment_done = Some(d(11, 6)); // late: missed
    // no goals: missed
    b.gp.booked_for = Some(d(11, 10)); // booked in time but never held: missed
    b.med_status = MedStatus::Done; // done without a date: missed

    // C, admitted 4 Nov: day 3 = 6 Nov, day 14 = 17 Nov; discharged to hospital 10 Nov.
    let mut c = stay(3, "Cecilie C", d(11, 4));
    c.assessment_done = Some(d(11, 4)); // met
    c.goals.push(goal(d(11, 6), GoalStatus::Open));
    c.goals.push(goal(d(11, 5), GoalStatus::Dropped)); // earliest goal 5 Nov: met
    discharge(&mut c, d(11, 10), "hospital"); // GP and medication: ended before deadline

    // D, admitted 20 Nov: day 3 = 22 Nov (= to), day 14 = 3 Dec (after to: not yet due).
    let mut d_ = stay(4, "Dag D", d(11, 20));
    d_.assessment_done = Some(d(11, 21)); // met
    d_.goals.push(goal(d(11, 20), GoalStatus::Open)); // met

    // E, admitted 5 Nov but cancelled: left out of everything.
    let mut e = stay(5, "Eva E", d(11, 5));
    e.status = StayStatus::Cancelled;

    // F, admitted 1 Oct, discharged home 4 Nov = day 35 = admitted + 34: on time, length 35.
    let mut f = stay(6, "Frida F", d(10, 1));
    f.assessment_done = Some(d(10, 2));
    f.goals = vec![
        goal(d(10, 2), GoalStatus::Achieved),
        goal(d(10, 2), GoalStatus::Achieved),
        goal(d(10, 2), GoalStatus::Open),
        goal(d(10, 2), GoalStatus::Dropped),
    ]; // 2 achieved of 3 not dropped
    discharge(&mut f, d(11, 4), "home_ordinary");

    // G, admitted 10 Oct, discharged to a nursing home 20 Nov (day 42, deadline 13 Nov:
    // late); was in hospital during the stay (delay reason in_hospital on the GP deadline).
    let mut g = stay(7, "Gunnar G", d(10, 10));
    g.goals = vec![goal(d(10, 11), GoalStatus::Achieved)];
    g.delays.push(Delay {
        kind: DeadlineKind::Gp,
        reason: "in_hospital".into(),
        text: String::new(),
    });
    discharge(&mut g, d(11, 20), "nursing_home");

    // H, admitted 12 Oct, still active (discharge deadline 15 Nov passed: late).
    let h = stay(8, "Hilde H", d(10, 12));
    vec![a, b, c, d_, e, f, g, h]
}

fn meetings() -> Vec<Meeting> {
    vec![
        // Out of the period.
        Meeting {
            id: 1,
            date: d(10, 30),
            started_at: 1_000,
            ended_at: Some(2_000),
            led_by: "Anne".into(),
            discussed: vec![6, 7, 8],
            present: Vec::new(),
        },
        // 9 Nov: active = A, B, C (discharged 10 Nov), G, H = 5 (F left 5 Nov, D not yet
        // admitted, E cancelled). Discussed A, C, G and F (not active): 3 of 5, 1 not active.
        Meeting {
            id: 2,
            date: d(11, 9),
            started_at: 10_000,
            ended_at: Some(10_000 + 14 * 60 + 30),
            led_by: "Anne".into(),
            discussed: vec![1, 3, 7, 6],
            present: Vec::new(),
        },
        // 20 Nov: active = A, B, D (admitted today), G (discharged today), H = 5; all
        // discussed: 5 of 5. Not ended.
        Meeting {
            id: 3,
            date: d(11, 20),
            started_at: 20_000,
            ended_at: None,
            led_by: "Eva".into(),
            discussed: vec![1, 2, 4, 7, 8],
            present: Vec::new(),
        },
    ]
}

fn compute() -> Report {
    Report::compute(
        &ward(),
        &meetings(),
        &rules(),
        d(FROM.0, FROM.1),
        d(TO.0, TO.1),
    )
}

fn ds(met: usize, of: usize, not_yet_due: usize, ended: usize) -> DeadlineShare {
    DeadlineShare {
        share: Share { met, of },
        not_yet_due,
        ended_before_deadline: ended,
    }
}

#[test]
fn process_indicators_follow_the_definitions() {
    let r = compute();
    // Admitted in the period and not cancelled: A, B, C, D.
    assert_eq!(r.admitted, 4);
    let p = &r.process;
    // A met, B missed, C met, D met.
    assert_eq!(p.assessment, ds(3, 4, 0, 0));
    assert_eq!(p.assessment.share.percent(), Some(75.0));
    assert_eq!(p.goals, ds(3, 4, 0, 0));
    // A met, B missed (booking only), C ended before, D not yet due.
    assert_eq!(p.gp, ds(1, 2, 1, 1));
    assert_eq!(p.gp.share.percent(), Some(50.0));
    // A late, B undated, C ended before, D not yet due.
    assert_eq!(p.medication, ds(0, 2, 1, 1));
    // Discharge deadlines 6, 7, 8 Dec and 24 Dec: all after 22 Nov.
    assert_eq!(p.discharged_on_time, ds(0, 0, 4, 0));
    assert_eq!(p.discharged_on_time.share.percent(), None);
}

#[test]
fn discharged_on_time_over_a_longer_period() {
    let r = Report::compute(&ward(), &meetings(), &rules(), d(10, 1), d(11, 22));
    // F (deadline 4 Nov, discharged 4 Nov) met; G (13 Nov, discharged 20 Nov) and H (15 Nov,
    // still active) missed; A–D not yet due.
    assert_eq!(r.process.discharged_on_time, ds(1, 3, 4, 0));
    // A longer configured stay moves the deadlines.
    let rules = Rules {
        stay_length_days: 42,
        ..rules()
    };
    let r = Report::compute(&ward(), &meetings(), &rules, d(10, 1), d(11, 22));
    // 42 days: F deadline 11 Nov met; G 20 Nov met (discharged 20 Nov); H 22 Nov = `to` and
    // still active: due that day, not yet missed.
    assert_eq!(r.process.discharged_on_time, ds(2, 2, 5, 0));
}

#[test]
fn stand_up_coverage_per_meeting_and_pooled() {
    let r = compute();
    let s = &r.standups;
    assert_eq!(s.meetings, 2);
    assert_eq!(s.each[0].date, d(11, 9));
    assert_eq!(s.each[0].discussed, Share { met: 3, of: 5 });
    assert_eq!(s.each[0].discussed_not_active, 1);
    // 14 min 30 s: 15 begun minutes, as the stand-up's own summary says.
    assert_eq!(s.each[0].minutes, Some(15));
    assert_eq!(s.each[1].discussed, Share { met: 5, of: 5 });
    assert_eq!(s.each[1].minutes, None);
    assert_eq!(s.discussed, Share { met: 8, of: 10 });
    assert_eq!(s.discussed.percent(), Some(80.0));
}

#[test]
fn outcome_indicators_follow_the_definitions() {
    let mut r = compute();
    let o = &r.outcome;
    // Discharged 2–22 Nov: C (day 7), F (day 35), G (day 42).
    assert_eq!(o.discharged, 3);
    assert_eq!(o.median_length_days, Some(35.0));
    // C by its outcome, G by its in_hospital delay.
    assert_eq!(o.hospital_admissions, Share { met: 2, of: 3 });
    // C 0 of 1, F 2 of 3, G 1 of 1.
    assert_eq!(o.goals_achieved, Share { met: 3, of: 5 });
    assert_eq!(o.goals_achieved.percent(), Some(60.0));
    assert_eq!(o.stays_all_goals_achieved, Share { met: 1, of: 3 });
    r.order_outcomes(&[
        "home_ordinary",
        "nursing_home",
        "hospital",
        "deceased",
        "other",
    ]);
    let got: Vec<(&str, usize)> = r
        .outcome
        .outcomes
        .iter()
        .map(|o| (o.key.as_str(), o.count))
        .collect();
    assert_eq!(
        got,
        vec![
            ("home_ordinary", 1),
            ("nursing_home", 1),
            ("hospital", 1),
            ("deceased", 0),
            ("other", 0)
        ]
    );
}

#[test]
fn a_deadline_on_the_to_day_not_done_is_due_not_missed() {
    // Admitted Friday 20 Nov: assessment by day 3 = Sunday 22 Nov = `to`.
    let mut s = stay(1, "Dag D", d(11, 20));
    let r = Report::compute(std::slice::from_ref(&s), &[], &rules(), d(11, 2), d(11, 22));
    assert_eq!(r.process.assessment, ds(0, 0, 1, 0));
    assert_eq!(r.process.goals, ds(0, 0, 1, 0));
    // The day after, it is missed.
    let r = Report::compute(std::slice::from_ref(&s), &[], &rules(), d(11, 2), d(11, 23));
    assert_eq!(r.process.assessment, ds(0, 1, 0, 0));
    // Done on `to` itself: met.
    s.assessment_done = Some(d(11, 22));
    let r = Report::compute(&[s], &[], &rules(), d(11, 2), d(11, 22));
    assert_eq!(r.process.assessment, ds(1, 1, 0, 0));
}

#[test]
fn deadlines_as_the_board_places_them() {
    // The default rules move a weekend deadline to the Friday before, and people from
    // hospital have their medication reconciled by day 3, exactly as on the board.
    // Admitted Monday 2 Nov: GP by day 14 = Sunday 15 Nov, moved to Friday 13 Nov.
    let mut a = stay(1, "Astrid A", d(11, 2));
    a.gp.done_on = Some(d(11, 14)); // on the Saturday: after the moved deadline
    a.target_group = "from_hospital".into();
    a.med_status = MedStatus::Done;
    a.med_done = Some(d(11, 5)); // day 4: after day 3 (Wednesday 4 Nov)
    let mut moved = Rules::default();
    moved.group_days.insert(
        "from_hospital".into(),
        tavle::domain::flags::GroupDays {
            medication_day: Some(3),
            ..Default::default()
        },
    );
    let r = Report::compute(std::slice::from_ref(&a), &[], &moved, d(11, 2), d(11, 22));
    assert_eq!(r.process.gp, ds(0, 1, 0, 0));
    assert_eq!(r.process.medication, ds(0, 1, 0, 0));
    let r = Report::compute(&[a], &[], &rules(), d(11, 2), d(11, 22));
    assert_eq!(r.process.gp, ds(1, 1, 0, 0));
    assert_eq!(r.process.medication, ds(1, 1, 0, 0));
}

#[test]
fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
    assert_eq!(report::median(&mut [41, 6, 50, 35]), Some(38.0));
    assert_eq!(report::median(&mut [7]), Some(7.0));
    assert_eq!(report::median(&mut []), None);
}

#[test]
fn weekly_trends() {
    let r = compute();
    let weeks: Vec<&str> = r.weeks.iter().map(|w| w.week.as_str()).collect();
    assert_eq!(weeks, ["2026-W45", "2026-W46", "2026-W47"]);
    let (w45, w46, w47) = (&r.weeks[0], &r.weeks[1], &r.weeks[2]);
    assert_eq!(w45.monday, d(11, 2));
    // W45 (2–8 Nov): admitted A, B, C; discharged F. Assessment A, C met, B missed.
    assert_eq!((w45.admitted, w45.discharged), (3, 1));
    assert_eq!(w45.process.assessment.share, Share { met: 2, of: 3 });
    assert_eq!(w45.standups, Share { met: 0, of: 0 });
    // W46: no admissions; C discharged; the 9 Nov stand-up.
    assert_eq!((w46.admitted, w46.discharged), (0, 1));
    assert_eq!(w46.standups, Share { met: 3, of: 5 });
    // W47: D admitted and assessed in time; G discharged; the 20 Nov stand-up.
    assert_eq!((w47.admitted, w47.discharged), (1, 1));
    assert_eq!(w47.process.assessment.share, Share { met: 1, of: 1 });
    assert_eq!(w47.standups, Share { met: 5, of: 5 });
    // The weeks add up to the period.
    let sum: usize = r.weeks.iter().map(|w| w.admitted).sum();
    assert_eq!(sum, r.admitted);
    let met: usize = r.weeks.iter().map(|w| w.process.assessment.share.met).sum();
    assert_eq!(met, r.process.assessment.share.met);
}

#[test]
fn a_week_cut_by_the_period_counts_only_days_inside() {
    // From Wednesday 4 Nov: A (2 Nov) and B (3 Nov) fall outside, C stays.
    let r = Report::compute(&ward(), &meetings(), &rules(), d(11, 4), d(11, 22));
    assert_eq!(r.weeks[0].week, "2026-W45");
    assert_eq!(r.weeks[0].admitted, 1);
    assert_eq!(r.admitted, 2); // C and D
    // F was discharged 5 Nov, inside.
    assert_eq!(r.weeks[0].discharged, 1);
}

#[test]
fn same_figures_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("r.db");
    let mut c = store::open_read_write(&p).unwrap();
    let tx = c.transaction().unwrap();
    for s in ward() {
        // Inserted in id order, so the database ids match the hand-made ones.
        let id = store::demo::insert_stay(&tx, &s, 0).unwrap();
        assert_eq!(id, s.id);
    }
    for m in meetings() {
        tx.execute(
            "INSERT INTO meetings (id, date, started_at, ended_at, led_by) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![m.id, m.date.to_string(), m.started_at, m.ended_at, m.led_by],
        )
        .unwrap();
        for (i, sid) in m.discussed.iter().enumerate() {
            tx.execute(
                "INSERT INTO meeting_stays (meeting_id, stay_id, discussed_at) VALUES (?1, ?2, ?3)",
                rusqlite::params![m.id, sid, m.started_at + i as i64],
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
    drop(c);
    let ro = store::open_read_only(&p).unwrap();
    let stays = store::load_all(&ro).unwrap();
    assert_eq!(stays.len(), 8);
    let loaded = store::load_meetings(&ro).unwrap();
    assert_eq!(loaded, meetings());
    let from_db = Report::compute(&stays, &loaded, &rules(), d(FROM.0, FROM.1), d(TO.0, TO.1));
    assert_eq!(from_db, compute());
}

#[test]
fn json_csv_and_table_carry_the_same_figures() {
    let mut r = compute();
    r.order_outcomes(&["home_ordinary", "nursing_home", "hospital"]);
    let v: serde_json::Value = serde_json::from_str(&report::render::json(&r)).unwrap();
    assert_eq!(v["from"], "2026-11-02");
    assert_eq!(v["process"]["assessment"]["met"], 3);
    assert_eq!(v["process"]["assessment"]["of"], 4);
    assert_eq!(v["process"]["assessment"]["percent"], 75.0);
    assert_eq!(v["process"]["gp"]["not_yet_due"], 1);
    assert_eq!(v["standups"]["discussed"]["percent"], 80.0);
    assert_eq!(v["outcome"]["median_length_days"], 35.0);
    assert_eq!(v["outcome"]["hospital_admissions"]["percent"], 66.7);
    assert_eq!(v["weeks"][0]["week"], "2026-W45");

    let csv = report::render::csv(&r);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "scope,indicator,met,of,percent,value");
    assert!(lines.contains(&"period,assessment_by_day,3,4,75.0,"));
    assert!(lines.contains(&"period,gp_by_day,1,2,50.0,"));
    assert!(lines.contains(&"period,discharged_on_time,0,0,,"));
    assert!(lines.contains(&"period,median_length_days,,,,35"));
    assert!(lines.contains(&"period,outcome_hospital,1,3,33.3,"));
    assert!(lines.contains(&"2026-11-09,standup_discussed,3,5,60.0,"));
    assert!(lines.contains(&"2026-W47,admitted,,,,1"));
    assert!(lines.contains(&"rules,gp_day,,,,14"));

    let table = report::render::table(&r, tavle::config::Language::En, &|k| k.to_uppercase());
    assert!(table.contains("02.11.2026 – 22.11.2026"), "{table}");
    let row = |label: &str| {
        table
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("{label} missing:\n{table}"))
            .to_string()
    };
    assert!(row("Assessment done by day 3").contains("3 of 4"));
    assert!(row("Assessment done by day 3").contains("75.0 %"));
    assert!(
        row("GP appointment held by day 14").contains("not yet due 1, ended before the deadline 1")
    );
    assert!(row("NURSING_HOME").contains("33.3 %"));
    assert!(row("Median length of stay").contains("35 days"));
    assert!(row("2026-W46").contains("3/5 60%"));

    // In bokmål the weeks read as people say them: «uke 46», never «W46».
    let nb = report::render::table(&r, tavle::config::Language::Nb, &|k| k.to_uppercase());
    let week_row = nb
        .lines()
        .find(|l| l.trim_start().starts_with("uke 46 "))
        .unwrap_or_else(|| panic!("uke 46 missing:\n{nb}"));
    assert!(week_row.contains("3/5 60%"), "{nb}");
    assert!(!nb.contains("W4"), "{nb}");
}

#[test]
fn period_defaults_and_errors() {
    let today = d(11, 25); // a Wednesday in ISO week 48
    // Default: the current ISO week and the eleven before it.
    let (from, to) = report::period(None, None, today).unwrap();
    assert_eq!(to, today);
    assert_eq!(from, d(9, 7)); // Monday of week 37
    assert_eq!(report::iso_week_label(from), "2026-W37");
    assert_eq!(
        report::period(Some("2.11.2026"), Some("2026-11-22"), today).unwrap(),
        (d(11, 2), d(11, 22))
    );
    // A --to after today counts as today.
    assert_eq!(
        report::period(Some("1.11"), Some("31.12.2026"), today).unwrap(),
        (d(11, 1), today)
    );
    let e = report::period(Some("31.02.2026"), None, today).unwrap_err();
    assert!(
        e.to_string()
            .contains("--from \"31.02.2026\" is not a date"),
        "{e}"
    );
    let e = report::period(Some("22.11.2026"), Some("2.11.2026"), today).unwrap_err();
    assert!(e.to_string().contains("after --to"), "{e}");
}

#[test]
fn bad_dates_on_the_command_line_exit_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    drop(store::open_read_write(&db).unwrap());
    for args in [
        ["--from", "31.02.2026"],
        ["--to", "neste uke"],
        ["--from", "2026-13-01"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tavle"))
            .arg("--db")
            .arg(&db)
            .arg("report")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("is not a date"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
    }
}

/// One stay admitted, one discharged (no outcome recorded), one stand-up: `tavle report`'s
/// table in the configured language, with singular and plural right.
#[test]
fn the_table_speaks_the_configured_language_with_singular_and_plural() {
    use tavle::config::{Config, Language};
    let new = stay(1, "Ny N", d(11, 20));
    let mut gone = stay(2, "Gammel G", d(10, 10));
    gone.status = StayStatus::Discharged;
    gone.discharged_on = Some(d(11, 21)); // no outcome recorded
    let meeting = Meeting {
        id: 1,
        date: d(11, 21),
        started_at: 30_000,
        ended_at: Some(30_000 + 12 * 60),
        led_by: "Anne".into(),
        discussed: vec![1, 2],
        present: Vec::new(),
    };
    let r = Report::compute(
        &[new, gone],
        &[meeting],
        &Rules::default(),
        d(11, 20),
        d(11, 22),
    );
    let cfg = Config::default();
    let table = |lang: Language| {
        report::render::table(&r, lang, &|k| {
            Config::label_of(&cfg.discharge_outcomes, k, lang)
        })
    };
    let nb = table(Language::Nb);
    let row = |t: &str, label: &str| {
        t.lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("{label} missing:\n{t}"))
            .to_string()
    };
    assert!(
        nb.starts_with("Indikatorer 20.11.2026 – 22.11.2026 (begge dagene medregnet)"),
        "{nb}"
    );
    assert!(
        nb.contains(
            "Prosess: 1 innleggelse i perioden (frister etter 22.11.2026 er ikke talt med ennå)"
        ),
        "{nb}"
    );
    // Admitted Friday 20.11: day 3 is Sunday, and the working day before is the admission
    // day itself, so the deadline is Monday 23.11, after the period.
    let a = row(&nb, "Kartlegging gjennomført innen dag 3");
    assert!(
        a.contains("fristen ikke passert 1, avsluttet før fristen 0"),
        "{a}"
    );
    let st = row(&nb, "Aktive opphold drøftet på tavlemøter");
    assert!(st.ends_with("   1 tavlemøte"), "{st}");
    assert!(nb.contains("Utfall: 1 utskrevet i perioden"), "{nb}");
    // The length in days, however the ward counts it, with its unit in Norwegian.
    let median = r.outcome.median_length_days.unwrap().to_string();
    let m = row(&nb, "Median oppholdstid");
    assert!(
        m.contains(&format!("{} dager", median.replace('.', ","))),
        "{m}"
    );
    let nr = row(&nb, "(ikke registrert)");
    assert!(nr.contains("100,0 %"), "{nr}");
    assert!(row(&nb, "Tavlemøter").trim() == "Tavlemøter", "{nb}");
    assert!(row(&nb, "ledet av").contains("minutter"), "{nb}");
    assert!(row(&nb, "21.11.2026").contains("Anne"), "{nb}");
    assert!(
        nb.contains("Per uke (andel av innleggelsene den uka)"),
        "{nb}"
    );
    assert!(row(&nb, "kartl. d3").contains("innl."), "{nb}");
    for english in [
        "Indicators",
        "stays",
        "Process",
        "Outcome",
        "length",
        "days",
        "not recorded",
        "led by",
        "stand-up",
        " of ",
        "2026-11-2",
    ] {
        assert!(!nb.contains(english), "{english:?} in\n{nb}");
    }

    let en = table(Language::En);
    assert!(
        en.contains("Process: 1 stay admitted in the period"),
        "{en}"
    );
    assert!(
        en.contains("Outcome: 1 stay discharged in the period"),
        "{en}"
    );
    let st = row(&en, "Active stays discussed at stand-ups");
    assert!(
        st.contains("1 stand-up") && !st.contains("1 stand-ups"),
        "{st}"
    );
    assert!(
        row(&en, "Median length of stay").contains(&format!("{median} days")),
        "{en}"
    );
    assert!(row(&en, "(not recorded)").contains("100.0 %"), "{en}");

    // The plural, on the three-week ward above.
    let ward = compute();
    let nb = report::render::table(&ward, Language::Nb, &|k| k.to_string());
    assert!(nb.contains("Prosess: 4 innleggelser i perioden"), "{nb}");
    assert!(
        row(&nb, "Aktive opphold drøftet").contains("2 tavlemøter"),
        "{nb}"
    );
    assert!(nb.contains("Utfall: 3 utskrevet i perioden"), "{nb}");
    let median = ward.outcome.median_length_days.unwrap().to_string();
    let m = row(&nb, "Median oppholdstid");
    assert!(
        m.contains(&format!("{} dager", median.replace('.', ","))),
        "{m}"
    );
    let a = &ward.process.assessment.share;
    let want = format!("{} av {}", a.met, a.of);
    assert!(
        row(&nb, "Kartlegging gjennomført innen dag 3").contains(&want),
        "{nb}"
    );
}

#[test]
fn labels_mark_a_deadline_some_target_group_moves() {
    let (from, to) = (
        jiff::civil::date(2026, 11, 1),
        jiff::civil::date(2026, 11, 25),
    );
    let plain =
        tavle::report::Report::compute(&[], &[], &tavle::domain::Rules::default(), from, to);
    assert_eq!(plain.rules.day("medication"), "14");
    assert!(plain.rules.varies_by_group.is_empty());
    let text = tavle::report::render::table(&plain, tavle::config::Language::Nb, &|k| k.into());
    assert!(!text.contains('*'), "{text}");
    // The default ward config: people from hospital have medication reconciled by day 3.
    let ward = tavle::config::Config::default().rules();
    let r = tavle::report::Report::compute(&[], &[], &ward, from, to);
    assert_eq!(r.rules.day("medication"), "14*");
    assert_eq!(r.rules.day("gp"), "14");
    let text = tavle::report::render::table(&r, tavle::config::Language::Nb, &|k| k.into());
    assert!(
        text.contains("Legemiddelsamstemming innen dag 14*"),
        "{text}"
    );
    assert!(
        text.contains("* noen målgrupper har egne frister"),
        "{text}"
    );
}

/// `t` twice on one morning is one stand-up in the figures: stays and people merged, the
/// length the sum of the two parts; other days and other wards stay apart.
#[test]
fn a_stand_up_continued_the_same_day_counts_once() {
    let m = |id: i64, day: i8, start: i64, end: i64, discussed: Vec<i64>| Meeting {
        id,
        date: d(11, day),
        started_at: start,
        ended_at: Some(end),
        led_by: "Anne".into(),
        discussed,
        present: vec![("Anne".into(), "nurse".into())],
    };
    let merged = report::one_per_day(&[
        m(1, 24, 0, 600, vec![1]),
        m(2, 25, 1_000, 1_900, vec![1, 2]),
        m(3, 25, 9_000, 9_060, vec![2, 3]),
        m(report::WARD_ID_STRIDE + 4, 25, 1_000, 1_600, vec![7]),
    ]);
    assert_eq!(merged.len(), 3, "{merged:?}");
    assert_eq!(merged[1].discussed, vec![1, 2, 3]);
    assert_eq!(merged[1].ended_at, Some(1_960)); // 15 min + 1 min
    assert_eq!(merged[1].present.len(), 1);
}

#[test]
fn a_stay_admitted_on_the_meetings_day_counts_only_if_discussed() {
    // 20 Nov, discussing only A: D was admitted that day (after the meeting, as most are)
    // and is not owed; A, B, G (discharged today) and H are. Discussing D as well counts it.
    let mut m = meetings();
    m[2].discussed = vec![1];
    let r = Report::compute(&ward(), &m, &rules(), d(11, 1), d(11, 22));
    assert_eq!(r.standups.each[1].discussed, Share { met: 1, of: 4 });
    m[2].discussed = vec![1, 4];
    let r = Report::compute(&ward(), &m, &rules(), d(11, 1), d(11, 22));
    assert_eq!(r.standups.each[1].discussed, Share { met: 2, of: 5 });
}
