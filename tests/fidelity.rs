//! Model fidelity (modelltrofasthet) as the ward sees it: the detail pane, the discharge
//! form, the goal scores and the report.

mod common;

use common::board::Board;

use common::*;
use ratatui::style::Color;
use tavle::app::{Action, Mode};
use tavle::config::{Config, Language};
use tavle::domain::dates::add_days;
use tavle::domain::{Goal, GoalStatus, MedStatus, Stay};

fn add(n: i64) -> jiff::civil::Date {
    add_days(today(), n)
}

/// Day 21 of a stay: visit and goals in time, GP late, medication never done, discussed at
/// stand-ups but not for the last five days.
fn ingrid() -> Stay {
    let mut s = stay(1, "Ingrid Sæther", 20);
    s.assessment_done = Some(add(-19));
    s.goals.push(Goal {
        id: 1,
        position: 1,
        text: "Være hjemme til jul".into(),
        status: GoalStatus::Open,
        set_on: add(-19),
        closed_on: None,
        score_start: Some(3),
        score_end: None,
    });
    s.gp.done_on = Some(add(-2));
    s.med_status = MedStatus::InProgress;
    s.discussed_on = (-20..=-5).map(add).collect();
    s
}

/// The detail pane's lines from the fidelity heading on, at `size`, scrolled down to it.
fn fidelity_section(lang: Language, size: (u16, u16)) -> (String, ratatui::buffer::Buffer) {
    let cfg = Config {
        language: lang,
        ..Config::default()
    };
    let mut a = app(Mode::Edit, cfg, vec![ingrid()], size);
    a.update(Action::OpenDetail);
    let title = match lang {
        Language::Nb => "Modelltrofasthet",
        Language::En => "Model fidelity",
    };
    for _ in 0..20 {
        let buf = render(&a);
        if find(&buf, title).is_some()
            && find(&buf, "Evaluering ved utskr")
                .or(find(&buf, "Evaluation at dis"))
                .is_some()
        {
            return (screen(&buf), buf);
        }
        a.update(Action::Scroll(3));
    }
    panic!("no fidelity section:\n{}", screen(&render(&a)));
}

#[test]
fn detail_pane_shows_every_element_with_its_state_and_record_at_200x50() {
    let (text, buf) = fidelity_section(Language::Nb, (200, 50));
    for want in [
        "Modelltrofasthet · 3 av 6 forfalte oppfylt, 2 ikke forfalt ennå",
        "5 ukers opphold",
        "dag 21 av 35",
        "Hjemmebesøk/kartlegging",
        "kartlegging registrert 06.11.2026",
        "Mål satt med brukeren",
        "1 mål, det første satt 06.11.2026",
        "Primærkontakt",
        "Anne Sykepleier",
        "Drøftet på tavlemøter",
        "ikke oppfylt",
        "lengst tid uten drøfting: 5 dager (fram til 25.11)",
        "Legetime",
        "oppfylt for sent",
        "legetime 23.11.2026",
        "Legemiddelsamstemming",
        "pågår",
        "Evaluering ved utskriving",
        "ikke forfalt ennå",
    ] {
        assert!(text.contains(want), "missing {want:?}\n{text}");
    }
    // Colours say the same as the board: the late GP amber, the missed meetings red.
    let (x, y) = find(&buf, "oppfylt for sent").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
    let (_, y) = find(&buf, "Drøftet på tavlemøter").unwrap();
    let (x, _) = find(&buf, "ikke oppfylt").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Red);
    assert_eq!(buf[(x, y)].symbol(), "i");
}

#[test]
fn detail_pane_fidelity_fits_80x24_in_english() {
    let (text, _) = fidelity_section(Language::En, (80, 24));
    for want in [
        "Model fidelity",
        "5-week stay",
        "Discussed at board meetings",
        "not met",
        "met late",
        "not yet due",
        "Evaluation at discharge",
    ] {
        assert!(text.contains(want), "missing {want:?}\n{text}");
    }
    // Nothing runs past the frame.
    for l in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
    }
}

// ---- The person's own goal scores, typed in the goals panel against a real database ----

use crossterm::event::KeyCode;
use tavle::store;

impl Board {
    fn scores(&self) -> (Option<i64>, Option<i64>) {
        rusqlite::Connection::open(&self.path)
            .unwrap()
            .query_row(
                "SELECT score_start, score_end FROM goals WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    }
}

fn with_goal() -> Stay {
    let mut s = ingrid();
    s.goals[0].score_start = None;
    s
}

#[test]
fn goal_scores_are_typed_in_the_goals_panel_stored_audited_and_shown() {
    for size in [(80, 24), (200, 50)] {
        let mut b = Board::with_stays(&[with_goal()], size);
        b.keys("m").keys("p");
        let s = b.screen();
        assert!(s.contains("Brukerens egen skår"), "{s}");
        assert!(s.contains("«Være hjemme til jul»"), "{s}");
        assert!(s.contains("Skår ved hjemmebesøket (0–10)"), "{s}");
        // Out of range: refused on the field, nothing written.
        b.keys("11").key(KeyCode::Enter);
        assert!(b.screen().contains("fra 0 til 10"), "{}", b.screen());
        assert_eq!(b.scores(), (None, None));
        b.key(KeyCode::Backspace).key(KeyCode::Backspace).keys("3");
        b.key(KeyCode::Tab).keys("7").key(KeyCode::Enter);
        assert!(b.app.form.is_none(), "{:?}", b.app.form);
        assert_eq!(b.scores(), (Some(3), Some(7)));
        // The panel shows the change, and so does the detail pane.
        let s = b.screen();
        assert!(s.contains("egen skår 3→7 (+4)"), "{s}");
        b.key(KeyCode::Esc).key(KeyCode::Enter);
        let s = b.screen();
        assert!(s.contains("egen skår 3→7 (+4)"), "{s}");
        // Audited, one row per score.
        let c = rusqlite::Connection::open(&b.path).unwrap();
        let n: i64 = c
            .query_row(
                "SELECT count(*) FROM audit_log WHERE field IN ('goal.1.score_start', 'goal.1.score_end') AND user = 'anne'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 2);
        // An empty field clears its score.
        b.key(KeyCode::Esc).keys("m").keys("p");
        b.key(KeyCode::Tab);
        b.key(KeyCode::Backspace).key(KeyCode::Enter);
        assert_eq!(b.scores(), (Some(3), None));
        assert!(b.screen().contains("egen skår 3→…"), "{}", b.screen());
        // u takes it back.
        b.keys("u");
        assert_eq!(b.scores(), (Some(3), Some(7)));
    }
}

#[test]
fn goal_score_change_reads_as_the_ward_writes_it() {
    use tavle::app::fidelity::score_text;
    let mut g = with_goal().goals[0].clone();
    assert_eq!(score_text(&g), None);
    g.score_start = Some(3);
    assert_eq!(score_text(&g).as_deref(), Some("3→…"));
    g.score_end = Some(7);
    assert_eq!(score_text(&g).as_deref(), Some("3→7 (+4)"));
    g.score_end = Some(1);
    assert_eq!(score_text(&g).as_deref(), Some("3→1 (−2)"));
    g.score_end = Some(3);
    assert_eq!(score_text(&g).as_deref(), Some("3→3 (±0)"));
    g.score_start = None;
    assert_eq!(score_text(&g).as_deref(), Some("…→3"));
}

// ---- Fidelity and goal scores per period: the report and the indicators view ----

/// The demo ward in a fresh database file, as `tavle --demo` fills it on the tests' day.
fn demo_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("demo.db");
    let mut c = store::open_read_write(&p).unwrap();
    let now = today()
        .at(8, 0, 0, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
        .as_second();
    store::demo::seed_demo(&mut c, today(), now, &Config::default().rules()).unwrap();
    drop(c);
    (dir, p)
}

fn report_out(db: &std::path::Path, cfg: Option<&std::path::Path>, format: &str) -> String {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tavle"));
    cmd.env("TAVLE_NOW", "2026-11-25T09:05").arg("--db").arg(db);
    if let Some(c) = cfg {
        cmd.arg("--config").arg(c);
    }
    let out = cmd.args(["report", "--format", format]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn report_json_has_fidelity_per_element_with_the_total_and_goal_scores() {
    let (dir, db) = demo_db();
    let v: serde_json::Value = serde_json::from_str(&report_out(&db, None, "json")).unwrap();
    let f = &v["fidelity"];
    assert_eq!(f["stays"], 2, "{f}");
    for key in [
        "stay_length",
        "home_visit",
        "goals",
        "primary_contact",
        "board_meetings",
        "gp",
        "medication",
        "evaluation",
    ] {
        let e = &f[key];
        assert!(e["met"].is_u64() && e["of"].is_u64(), "{key}: {e}");
        assert!(
            e["percent"].is_number() || e["percent"].is_null(),
            "{key}: {e}"
        );
        assert!(
            (1..=5).contains(&e["score"].as_u64().unwrap()),
            "{key}: {e}"
        );
    }
    // The demo is not all green: the GP of one discharged stay was never held.
    assert_eq!(
        (f["gp"]["met"].as_u64(), f["gp"]["of"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(f["gp"]["percent"], 50.0);
    assert_eq!(f["primary_contact"]["percent"], 100.0);
    assert!(f["total_score"].as_u64().unwrap() < f["max_score"].as_u64().unwrap());
    assert_eq!(f["max_score"], 40);
    assert_eq!(f["scale"], serde_json::json!([40, 60, 75, 90]));
    assert!(f["all_met"]["of"].is_u64());
    assert!(v["fidelity_months"].as_array().unwrap().len() >= 3);
    let g = &v["goal_scores"];
    assert_eq!(g["with_both"], 3, "{g}");
    assert_eq!(g["mean_change"], 3.0);
    assert_eq!(g["improved_by"], 2);
    assert_eq!(
        (g["improved"]["met"].as_u64(), g["improved"]["of"].as_u64()),
        (Some(2), Some(3))
    );

    // The thresholds come from config: a stricter scale, a higher bar for «improved».
    let cfg = dir.path().join("tavle.json");
    std::fs::write(
        &cfg,
        r#"{"fidelity": {"scale": [60, 70, 80, 95], "goal_improved_points": 4}}"#,
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&report_out(&db, Some(&cfg), "json")).unwrap();
    assert_eq!(v["fidelity"]["gp"]["score"], 1);
    assert_eq!(v["fidelity"]["scale"], serde_json::json!([60, 70, 80, 95]));
    assert_eq!(v["goal_scores"]["improved"]["met"], 2);
    assert_eq!(v["goal_scores"]["improved_by"], 4);

    // The table and the CSV carry the same figures.
    let t = report_out(&db, None, "table");
    assert!(
        t.contains("Modelltrofasthet (opphold utskrevet i perioden: 2)"),
        "{t}"
    );
    assert!(t.contains("Totalskår (1–5 per element)"), "{t}");
    assert!(
        t.contains("Bedret seg minst 2 poeng                   2 av 3   66,7 %"),
        "{t}"
    );
    assert!(
        t.contains("Gjennomsnittlig endring                +3,0 poeng"),
        "{t}"
    );
    let csv = report_out(&db, None, "csv");
    assert!(csv.contains("period,fidelity_gp,1,2,50.0,2"), "{csv}");
    assert!(csv.contains("period,goals_improved,2,3,66.7,2"), "{csv}");
    assert!(csv.contains("2026-11,fidelity_all_met,"), "{csv}");
}

#[test]
fn indicators_view_shows_fidelity_and_goal_scores_at_80x24_and_200x50() {
    let (_dir, db) = demo_db();
    let c = store::open_read_only(&db).unwrap();
    let stays = store::load_all(&c).unwrap();
    let meetings = store::load_meetings(&c).unwrap();
    let cfg = Config::default();
    let (from, to) = tavle::report::period(None, None, today()).unwrap();
    let mut r = tavle::report::Report::compute(&stays, &meetings, &cfg.rules(), from, to);
    r.score_fidelity(&cfg.fidelity);
    let draw = |size: (u16, u16), scroll: u16| {
        let mut t =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(size.0, size.1)).unwrap();
        let th = tavle::ui::theme::Theme::new(&cfg);
        t.draw(|f| tavle::ui::indicators::draw(f, f.area(), &r, &cfg, &th, scroll))
            .unwrap();
        screen(t.backend().buffer())
    };
    // At 200x50 the whole section stands under the weekly charts (the events and the
    // attendance fill the left column); a taller screen shows it too.
    for size in [(200, 50), (200, 80)] {
        let big = draw(size, 0);
        for want in [
            "Modelltrofasthet (opphold utskrevet i perioden: 2)",
            "skår 2",
            "Alle elementer oppfylt",
            "Totalskår (1–5 per element)",
            "Brukerens egen skår på mål",
        ] {
            assert!(big.contains(want), "{size:?}: missing {want:?}\n{big}");
        }
    }
    let big = draw((200, 80), 0);
    for want in [
        "Modelltrofasthet (opphold utskrevet i perioden: 2)",
        "Legetime                                 1/2  50 %",
        "skår 2",
        "Alle elementer oppfylt",
        "Totalskår (1–5 per element)",
        "2026-11 – alle elementer oppfylt",
        "Brukerens egen skår på mål",
        "Bedret seg minst 2 poeng                 2/3  67 %",
    ] {
        assert!(big.contains(want), "missing {want:?}\n{big}");
    }
    // At 80x24 the figures scroll; every one of them is reachable.
    let mut seen = String::new();
    for scroll in (0..80).step_by(10) {
        seen.push_str(&draw((80, 24), scroll));
    }
    for want in [
        "Modelltrofasthet",
        "Drøftet på tavlemøter",
        "Gjennomsnittlig endring",
    ] {
        assert!(seen.contains(want), "missing {want:?}\n{seen}");
    }
}
