//! The in-app indicators view: the figures of `Report::compute` on hand-made stays, rendered
//! headless at 80x24, 120x40 and 200x50, in both languages, and with no data at all.
//!
//! Today is 25.11.2026; the period is 01.09.2026–25.11.2026 (ISO weeks 36–48, 13 weeks).
//! Default rules: assessment and goals by day 3 (admitted + 2), stay length 35 days.
//!
//! Process (stays admitted in the period: 1, 2, 3, 4):
//! * 1 admitted 05.11, assessed 06.11 (met), goal set 06.11 (met);
//! * 2 admitted 10.11, assessed 12.11 = deadline (met), no goals (missed);
//! * 3 admitted 15.11, not assessed, deadline 17.11 (missed), no goals (missed);
//! * 4 admitted 24.11, deadline 26.11 is after today (not yet due).
//!
//! → assessment 2/3 = 67 %, goals 1/3 = 33 %.
//!
//! Stand-ups: 20.11 active 1, 2, 3, discussed 1, 2 → 2/3; 24.11 active 1–3 (4 was admitted
//! that day and not discussed, so not owed), discussed 1, 2, 3 → 3/3. Pooled 5/6 = 83 %,
//! 2 stand-ups.
//!
//! Outcome (discharged in the period: 5 and 6, both admitted before it):
//! * 5 admitted 17.08, discharged 21.09 home (on day 36), goals 3 achieved + 1 open;
//! * 6 admitted 20.08, discharged 10.09 to hospital (on day 22), one open goal.
//!
//! → 2 discharged, median (22 + 36) / 2 = 29 days (the day of the stay, as the day counter); home 1/2, hospital 1/2 = 50 %; hospital
//! admissions 1/2; goals achieved 3/5 = 60 %; stays with every goal achieved 0/2 = 0 %.

mod common;

use common::{lines, stay, today};
use jiff::civil::{Date, date};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tavle::config::{Config, Language, SymbolSet};
use tavle::domain::dates::add_days;
use tavle::domain::{Goal, GoalStatus, Stay, StayStatus};
use tavle::report::Report;
use tavle::store::Meeting;
use tavle::ui::theme::Theme;

fn d(m: i8, day: i8) -> Date {
    date(2026, m, day)
}

fn goal(set_on: Date, status: GoalStatus) -> Goal {
    Goal {
        id: 0,
        position: 0,
        text: "Gå tur til butikken".into(),
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

fn ward() -> (Vec<Stay>, Vec<Meeting>) {
    let mut s1 = stay(1, "Astrid A", 20);
    assert_eq!(s1.admitted, d(11, 5));
    s1.assessment_done = Some(d(11, 6));
    s1.goals.push(goal(d(11, 6), GoalStatus::Open));

    let mut s2 = stay(2, "Bjørn B", 15);
    s2.assessment_done = Some(d(11, 12));

    let s3 = stay(3, "Cecilie C", 10);
    let s4 = stay(4, "Dag D", 1);

    let mut s5 = stay(5, "Frida F", 100);
    assert_eq!(s5.admitted, d(8, 17));
    s5.assessment_done = Some(d(8, 18));
    for status in [
        GoalStatus::Achieved,
        GoalStatus::Achieved,
        GoalStatus::Achieved,
        GoalStatus::Open,
    ] {
        s5.goals.push(goal(d(8, 18), status));
    }
    let end = add_days(s5.admitted, 35);
    discharge(&mut s5, end, "home_ordinary");
    assert_eq!(s5.discharged_on, Some(d(9, 21)));

    let mut s6 = stay(6, "Gunnar G", 97);
    assert_eq!(s6.admitted, d(8, 20));
    s6.goals.push(goal(d(8, 21), GoalStatus::Open));
    discharge(&mut s6, d(9, 10), "hospital");

    let meetings = vec![
        Meeting {
            id: 1,
            date: d(11, 20),
            started_at: 1_000,
            ended_at: Some(1_000 + 12 * 60),
            led_by: "Anne Sykepleier".into(),
            discussed: vec![1, 2],
            present: Vec::new(),
        },
        Meeting {
            id: 2,
            date: d(11, 24),
            started_at: 90_000,
            ended_at: Some(90_000 + 15 * 60),
            led_by: "Anne Sykepleier".into(),
            discussed: vec![1, 2, 3],
            present: Vec::new(),
        },
    ];
    (vec![s1, s2, s3, s4, s5, s6], meetings)
}

fn report(stays: &[Stay], meetings: &[Meeting], config: &Config) -> Report {
    Report::compute(stays, meetings, &config.rules(), d(9, 1), today())
}

fn render(report: &Report, config: &Config, size: (u16, u16)) -> Buffer {
    render_scrolled(report, config, size, 0)
}

fn render_scrolled(report: &Report, config: &Config, size: (u16, u16), scroll: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    let th = Theme::new(config);
    t.draw(|f| {
        let area = f.area();
        tavle::ui::indicators::draw(f, area, report, config, &th, scroll)
    })
    .unwrap();
    t.backend().buffer().clone()
}

fn config(lang: Language) -> Config {
    Config {
        language: lang,
        ..Config::default()
    }
}

/// The screen line containing `label` (panics with the screen if none).
fn line_with(screen: &[String], label: &str) -> String {
    screen
        .iter()
        .find(|l| l.contains(label))
        .cloned()
        .unwrap_or_else(|| panic!("{label:?} not on screen:\n{}", screen.join("\n")))
}

fn row_of(screen: &[String], text: &str) -> usize {
    screen
        .iter()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("{text:?} not on screen:\n{}", screen.join("\n")))
}

/// The period figures every size must show, in Norwegian.
fn assert_figures_nb(screen: &[String]) {
    let all = screen.join("\n");
    assert!(
        all.contains(" Indikatorer 01.09.2026–25.11.2026 "),
        "title:\n{all}"
    );
    assert!(line_with(screen, "Prosess: 4 innleggelser i perioden").contains("Prosess"));
    let a = line_with(screen, "Kartlegging gjennomført innen dag 3");
    assert!(a.contains("2/3") && a.contains("67 %"), "{a}");
    let g = line_with(screen, "Mål satt innen dag 3");
    assert!(g.contains("1/3") && g.contains("33 %"), "{g}");
    let s = line_with(screen, "Aktive opphold drøftet på tavlemøter");
    assert!(s.contains("5/6") && s.contains("83 %"), "{s}");
    assert!(line_with(screen, "Utfall: 2 utskrevet i perioden").contains("2"));
    assert!(line_with(screen, "Median oppholdstid").contains("29 dager"));
    let h = line_with(screen, "Hjem med ordinære tjenester");
    assert!(h.contains("1/2") && h.contains("50 %"), "{h}");
    let sh = line_with(screen, "Innlagt på sykehus under oppholdet");
    assert!(sh.contains("1/2") && sh.contains("50 %"), "{sh}");
    let ga = line_with(screen, "Mål nådd ved utskriving");
    assert!(ga.contains("3/5") && ga.contains("60 %"), "{ga}");
    let all_goals = line_with(screen, "Opphold med alle mål nådd");
    assert!(
        all_goals.contains("0/2") && all_goals.contains("0 %"),
        "{all_goals}"
    );
}

#[test]
fn figures_at_80x24_without_charts() {
    let c = config(Language::Nb);
    let (stays, meetings) = ward();
    let r = report(&stays, &meetings, &c);
    let screen = lines(&render(&r, &c, (80, 24)));
    assert_figures_nb(&screen);
    // The share bar: 67 % of a bar is more filled than empty.
    let a = line_with(&screen, "Kartlegging gjennomført innen dag 3");
    assert!(a.contains('█') && a.contains('░'), "{a}");
    // More below than fits: the last row says so; scrolled down, the stand-ups and the
    // hint that the weekly charts need a larger window come into view.
    assert!(line_with(&screen, "linjer til").contains("PgDn"));
    let end = lines(&render_scrolled(&r, &c, (80, 24), 100));
    assert!(line_with(&end, "Ukegrafer: gjør vinduet større").contains("Ukegrafer"));
    assert!(end.join("\n").contains("Tavlemøter"), "{}", end.join("\n"));
    // Every line fits the width.
    for l in &screen {
        assert_eq!(unicode_width::UnicodeWidthStr::width(l.as_str()), 80);
    }
}

#[test]
fn compact_figures_when_the_area_is_short() {
    // 80x20 (as in an overlay over the board body): optional rows go, the figures stay.
    let c = config(Language::Nb);
    let (stays, meetings) = ward();
    let r = report(&stays, &meetings, &c);
    let screen = lines(&render(&r, &c, (80, 20)));
    let a = line_with(&screen, "Kartlegging gjennomført innen dag 3");
    assert!(a.contains("2/3") && a.contains("67 %"), "{a}");
    // The rest is reached by scrolling, never cut off (the outcomes, then model fidelity
    // and the goal scores further down).
    let end: Vec<String> = (1..=12)
        .flat_map(|k| lines(&render_scrolled(&r, &c, (80, 20), k * 5)))
        .collect();
    assert!(line_with(&end, "Bedret seg minst 2 poeng").contains("0/0"));
    assert!(line_with(&end, "Hjem med ordinære tjenester").contains("1/2"));
    assert!(line_with(&end, "Opphold med alle mål nådd").contains("0/2"));
    // Outcomes with no stays are left out first.
    assert!(!screen.join("\n").contains("Sykehjem"));
}

#[test]
fn figures_above_charts_at_120x40() {
    let c = config(Language::Nb);
    let (stays, meetings) = ward();
    let r = report(&stays, &meetings, &c);
    let screen = lines(&render(&r, &c, (120, 40)));
    assert_figures_nb(&screen);
    // Every configured outcome is listed, also with no stays.
    assert!(line_with(&screen, "Sykehjem").contains("0/2"));
    // Charts below the figures: bar chart legend, week labels, sparklines.
    let figures_end = row_of(&screen, "Opphold med alle mål nådd");
    let legend = row_of(&screen, "Per uke");
    assert!(legend > figures_end);
    let labels = line_with(&screen, "u48");
    for wk in 36..=48 {
        assert!(labels.contains(&format!("u{wk}")), "week {wk}: {labels}");
    }
    assert!(row_of(&screen, "Andel per uke") > legend);
    assert!(line_with(&screen, "Kartlegging d3").contains("Kartlegging d3"));
    // The latest week's stand-up share (24.11: 3/3) ends its sparkline row.
    assert!(line_with(&screen, "Tavlemøter ").contains("100 %"));
    assert!(!screen.join("\n").contains("Ukegrafer"));
}

#[test]
fn figures_left_charts_right_at_200x50() {
    let c = config(Language::Nb);
    let (stays, meetings) = ward();
    let r = report(&stays, &meetings, &c);
    let screen = lines(&render(&r, &c, (200, 50)));
    assert_figures_nb(&screen);
    // Charts beside the figures: the legend starts right of the process figures, on a row
    // near the top.
    let legend_row = row_of(&screen, "Per uke");
    assert!(legend_row < 3, "legend on row {legend_row}");
    let legend_x = screen[legend_row].find("Per uke").unwrap();
    let label_x = line_with(&screen, "Kartlegging gjennomført innen dag 3")
        .find("Kartlegging")
        .unwrap();
    assert!(legend_x > label_x + 60);
    let labels = line_with(&screen, "u36");
    assert!(labels.contains("u48"), "{labels}");
    // The not-yet-due and ended-before notes, and the stand-ups one by one.
    assert!(
        line_with(&screen, "Kartlegging gjennomført innen dag 3")
            .contains("fristen ikke passert 1")
    );
    assert!(line_with(&screen, "Aktive opphold drøftet").contains("2 tavlemøter"));
    let m = line_with(&screen, "24.11.2026");
    assert!(
        m.contains("Anne Sykepleier") && m.contains("3/3") && m.contains("100 %"),
        "{m}"
    );
    assert!(line_with(&screen, "20.11.2026").contains("12 min"));
    // Below the charts, the weeks as numbers in the cells of the CLI table: week 46 admitted
    // 2 and 3 (assessed 1 of 2), week 48 had the stand-up of 24.11 (3/3).
    let head = line_with(&screen, "kartl. d3");
    assert!(head.contains("uke") && head.contains("tavlem."), "{head}");
    let table = &screen[row_of(&screen, "kartl. d3")..];
    let w46 = line_with(table, "u46 ");
    assert!(w46.contains("1/2 50%") && w46.contains("0/2 0%"), "{w46}");
    assert!(line_with(table, "u48 ").contains("3/3 100%"));
    assert!(line_with(table, "u36 ").contains('–'));
}

#[test]
fn english_uses_the_report_labels() {
    let c = config(Language::En);
    let (stays, meetings) = ward();
    let r = report(&stays, &meetings, &c);
    for size in [(80, 24), (120, 40), (200, 50)] {
        let screen = lines(&render(&r, &c, size));
        let all = screen.join("\n");
        assert!(all.contains(" Indicators 01.09.2026–25.11.2026 "), "{all}");
        let a = line_with(&screen, "Assessment done by day 3");
        assert!(a.contains("2/3") && a.contains("67 %"), "{a}");
        assert!(line_with(&screen, "Goals set by day 3").contains("1/3"));
        assert!(line_with(&screen, "Active stays discussed at stand-ups").contains("5/6"));
        assert!(line_with(&screen, "Median length of stay").contains("29 days"));
        assert!(line_with(&screen, "Home with ordinary services").contains("50 %"));
        assert!(line_with(&screen, "Goals achieved at discharge").contains("3/5"));
        if size.0 >= 120 {
            assert!(line_with(&screen, "W36").contains("W48"));
        } else {
            let end = lines(&render_scrolled(&r, &c, size, 100)).join("\n");
            assert!(end.contains("Weekly charts: enlarge the window"), "{end}");
        }
    }
}

#[test]
fn view_matches_the_command_line_table() {
    // Every period share the CLI prints as "met of of" appears in the view as "met/of".
    let c = config(Language::En);
    let (stays, meetings) = ward();
    let r = report(&stays, &meetings, &c);
    let cli = tavle::report::render::table(&r, c.language, &|k| k.to_string());
    let screen = lines(&render(&r, &c, (200, 50)));
    // The star is explained under the figures, in the view and on the command line.
    assert!(
        cli.contains("* some target groups have their own deadlines"),
        "{cli}"
    );
    assert!(
        screen
            .join("\n")
            .contains("* some target groups have their own")
    );
    for label in [
        "Assessment done by day 3",
        "Goals set by day 3",
        "GP appointment held by day 14",
        // `*`: people from hospital have their own medication deadline (day 3).
        "Medication reconciled by day 14*",
        "Discharged within 35 days",
        "Active stays discussed at stand-ups",
        "Hospital admission during the stay",
        "Goals achieved at discharge",
        "Stays with every goal achieved",
    ] {
        let cli_line = cli.lines().find(|l| l.contains(label)).unwrap();
        let words: Vec<&str> = cli_line[cli_line.find(label).unwrap() + label.len()..]
            .split_whitespace()
            .collect();
        // "<met> of <of>"
        let frac = format!("{}/{}", words[0], words[2]);
        let view = line_with(&screen, label);
        assert!(
            view.contains(&frac),
            "{label}: CLI {cli_line:?}, view {view:?}"
        );
    }
}

#[test]
fn empty_data_shows_dashes_and_never_panics() {
    let c = config(Language::Nb);
    let r = report(&[], &[], &c);
    for size in [
        (200, 50),
        (120, 40),
        (80, 24),
        (80, 20),
        (40, 8),
        (20, 5),
        (3, 3),
        (1, 1),
    ] {
        let screen = lines(&render(&r, &c, size));
        if size.0 >= 80 {
            let a = line_with(&screen, "Kartlegging gjennomført innen dag 3");
            assert!(a.contains("0/0") && a.contains('–'), "{a}");
            assert!(!a.contains('%'), "{a}");
            assert!(line_with(&screen, "Median oppholdstid").contains('–'));
            assert!(line_with(&screen, "Prosess: 0 innleggelser").contains("0"));
        }
        if size.0 >= 120 {
            // Weeks without stays: zero bars and absent sparkline values.
            assert!(line_with(&screen, "u36").contains("u48"));
            assert!(line_with(&screen, "Kartlegging d3").contains('·'));
        }
    }
}

#[test]
fn no_weeks_at_all() {
    // A period that ends before it starts has no weeks (the CLI refuses it; the view copes).
    let c = config(Language::Nb);
    let (stays, meetings) = ward();
    let r = Report::compute(&stays, &meetings, &c.rules(), today(), d(9, 1));
    assert!(r.weeks.is_empty());
    for size in [(200, 50), (120, 40), (80, 24)] {
        let screen = lines(&render(&r, &c, size));
        if size.0 >= 120 {
            assert!(screen.join("\n").contains("Ingen uker i perioden"));
        }
    }
}

#[test]
fn ascii_symbols() {
    let mut c = config(Language::Nb);
    c.theme.symbols = SymbolSet::Ascii;
    let (stays, meetings) = ward();
    let r = report(&stays, &meetings, &c);
    for size in [(80, 24), (120, 40), (200, 50)] {
        let screen = lines(&render(&r, &c, size));
        let all = screen.join("\n");
        assert!(all.contains(" Indikatorer 01.09.2026–25.11.2026 "), "{all}");
        let a = line_with(&screen, "Kartlegging gjennomført innen dag 3");
        assert!(
            a.contains("2/3") && a.contains('#') && a.contains('-'),
            "{a}"
        );
        for ch in ['█', '░', '╭', '│', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '·']
        {
            assert!(!all.contains(ch), "{ch:?} in ASCII mode:\n{all}");
        }
    }
}

#[test]
#[ignore = "prints the screens, for a look: cargo test --test indicators_view -- --ignored --nocapture"]
fn show() {
    let (stays, meetings) = ward();
    for lang in [Language::Nb, Language::En] {
        let mut c = config(lang);
        if lang == Language::En {
            c.theme.colors = tavle::config::ColorMode::Mono;
        }
        let r = report(&stays, &meetings, &c);
        for size in [(80, 24), (120, 40), (200, 50)] {
            println!("{}\n", lines(&render(&r, &c, size)).join("\n"));
        }
    }
}

#[test]
fn odd_sizes_and_a_long_period_never_panic() {
    let (stays, meetings) = ward();
    let c = config(Language::Nb);
    let short = report(&stays, &meetings, &c);
    // A year: 53 ISO weeks, more than fit beside the figures.
    let long = Report::compute(&stays, &meetings, &c.rules(), d(1, 1), today());
    for r in [&short, &long] {
        for w in [
            1, 2, 5, 10, 15, 22, 30, 45, 60, 79, 81, 119, 121, 150, 199, 250,
        ] {
            for h in [1, 2, 3, 5, 8, 12, 20, 24, 31, 32, 40, 60] {
                render(r, &c, (w, h));
            }
        }
    }
    // At 200x50 the long period shows the latest weeks that fit, and says so.
    let screen = lines(&render(&long, &c, (200, 50)));
    assert!(line_with(&screen, "Per uke").contains("siste"));
    assert!(line_with(&screen, "u47").contains("u48"));
    // Over the year stays 5 (assessed in time) and 6 (never assessed) count too: 3/5.
    let a = line_with(&screen, "Kartlegging gjennomført innen dag 3");
    assert!(a.contains("3/5") && a.contains("60 %"), "{a}");
}

#[test]
fn monochrome_legend_says_which_bar_is_which() {
    let mut c = config(Language::Nb);
    c.theme.colors = tavle::config::ColorMode::Mono;
    let (stays, meetings) = ward();
    let r = report(&stays, &meetings, &c);
    let screen = lines(&render(&r, &c, (120, 40)));
    let legend = line_with(&screen, "Per uke");
    assert!(
        legend.contains("innlagt (venstre)") && legend.contains("utskrevet (høyre)"),
        "{legend}"
    );
}
