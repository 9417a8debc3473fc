//! Screens read from three metres: the kiosk's legend explains every mark it shows (and only
//! those), column titles are never cut, and the indicators use a TV's room. Rendered
//! headless (TestBackend) on the demo ward at a laptop's 80x24, a middle size and a TV's 200x50.

mod common;

use common::{lines, render, today};
use tavle::app::{Action, App, Mode};
use tavle::config::{Config, Language, SymbolSet};
use tavle::store;

/// The demo ward on the tests' fixed day, as `mode` shows it with `cfg`.
fn demo(mode: Mode, cfg: Config, size: (u16, u16)) -> App {
    demo_with(mode, cfg, size, false)
}

/// The demo ward, with its indicators view (`i`) open when `open` says so.
fn demo_with(mode: Mode, cfg: Config, size: (u16, u16), open: bool) -> App {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let mut conn = store::open_read_write(&path).unwrap();
    let now = today()
        .at(8, 5, 0, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
        .as_second();
    store::demo::seed_demo(&mut conn, today(), now, &cfg.rules()).unwrap();
    let mut app = common::app(mode, cfg, store::load_active(&conn).unwrap(), size);
    app.update(Action::PlanLoaded(Box::new(
        store::fagmote::load_plan(&conn).unwrap(),
    )));
    if mode == Mode::Edit {
        app.update(Action::ReferralsLoaded(
            store::referrals::load_referrals(&conn).unwrap(),
        ));
        // The report's data, as the board loads it for the indicators view (`i`).
        let data = (
            store::load_all(&conn).unwrap(),
            store::load_meetings(&conn).unwrap(),
        );
        app.update(Action::ReportDataLoaded(Box::new(data)));
        if !open {
            app.update(Action::CloseOverlay);
        }
    }
    app
}

fn kiosk(cfg: Config, size: (u16, u16)) -> (App, Vec<String>) {
    let a = demo(Mode::Kiosk, cfg, size);
    let l = lines(&render(&a));
    (a, l)
}

/// The footer: the lines after the last row of stays (the legend's lines).
fn footer(app: &App, screen: &[String]) -> Vec<String> {
    let last_row = screen
        .iter()
        .rposition(|l| {
            app.rows
                .iter()
                .any(|r| l.contains(&format!("{} ", r.label)))
        })
        .unwrap();
    screen[last_row + 1..]
        .iter()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.trim().is_empty())
        .collect()
}

#[test]
fn the_kiosk_legend_at_80x24_explains_every_mark_in_bokmal() {
    let (a, screen) = kiosk(Config::default(), (80, 24));
    let text = screen.join("\n");
    // The marks are on the board ...
    for mark in ["T IS", "F SN", "◌ F GD", "≈", "ⓘ", "5d!"] {
        assert!(text.contains(mark), "{mark}\n{text}");
    }
    // ... and the footer says what each means, whole entries on three lines.
    assert_eq!(
        footer(&a, &screen),
        vec![
            " ✓ gjennomført  ○ i rute  ! snart frist  ✗ over frist  T tiltak skal evalueres",
            " F sak på neste fagmøte  ◌ ikke drøftet nylig  ≈ like initialer",
            " ⓘ årsak til forsinkelse notert  3d! ikke oppdatert på 3+ dager      Kun visning",
        ],
        "{text}"
    );
    // Every stay is still on the one page (the legend's lines are taken from spare rows).
    assert_eq!(a.paging().0, 1);
    for r in &a.rows {
        assert!(text.contains(&r.label), "{}\n{text}", r.label);
    }
}

#[test]
fn the_kiosk_legend_in_english_and_on_the_linux_console() {
    let mut cfg = Config {
        language: Language::En,
        ..Config::default()
    };
    cfg.theme.symbols = SymbolSet::Ascii;
    let (a, screen) = kiosk(cfg, (80, 24));
    let f = footer(&a, &screen).join("\n");
    for entry in [
        "+ done",
        "o on track",
        "! due soon",
        "X overdue",
        "T measure due for evaluation",
        "F case at the next case meeting",
        "* not discussed recently",
        "= same initials",
        "(i) reason for delay noted",
        "3d! not updated for 3+ days",
    ] {
        assert!(f.contains(entry), "{entry}\n{f}");
    }
    assert!(f.is_ascii(), "{f}");
}

#[test]
fn the_kiosk_legend_names_only_marks_on_the_board_at_every_size() {
    for size in [(80, 24), (120, 40), (200, 50)] {
        let (a, screen) = kiosk(Config::default(), size);
        let f = footer(&a, &screen).join("\n");
        for entry in [
            "T tiltak skal evalueres",
            "F sak på neste fagmøte",
            "◌ ikke drøftet nylig",
            "≈ like initialer",
            "ⓘ årsak til forsinkelse notert",
            "3d! ikke oppdatert på 3+ dager",
            "Kun visning",
        ] {
            assert!(f.contains(entry), "{size:?}: {entry}\n{f}");
        }
        // A corridor kiosk shows no events (a health detail) and the demo no late
        // evaluation: neither is explained.
        assert!(!f.contains("hendelser"), "{size:?}\n{f}");
        assert!(!f.contains("forsinket"), "{size:?}\n{f}");
        // Never a cut entry.
        assert!(!f.contains('…'), "{size:?}: {f}");
    }
    // One new stay, never discussed, its assessment overdue: the symbols it shows (no ✓,
    // no !) and nothing more.
    let a = common::app(
        Mode::Kiosk,
        Config::default(),
        vec![common::stay(1, "Kari Hansen", 3)],
        (80, 24),
    );
    let screen = lines(&render(&a));
    let f = footer(&a, &screen).join("\n");
    assert_eq!(
        f,
        " ○ i rute  ✗ over frist  ◌ ikke drøftet nylig                        Kun visning",
        "{}",
        screen.join("\n")
    );
}

#[test]
fn a_staff_room_kiosk_that_shows_events_explains_their_mark() {
    let mut cfg = Config::default();
    cfg.privacy.kiosk.risks = true;
    let (a, screen) = kiosk(cfg, (200, 50));
    let text = screen.join("\n");
    assert!(text.contains("◆ "), "{text}");
    assert!(
        footer(&a, &screen).join("\n").contains("◆ nye hendelser"),
        "{text}"
    );
}

/// The column-title row of a board screen.
fn header_row(screen: &[String]) -> &str {
    screen
        .iter()
        .find(|l| l.starts_with("Person"))
        .map(String::as_str)
        .unwrap_or_else(|| panic!("no title row:\n{}", screen.join("\n")))
}

const TITLES: [&str; 17] = [
    "Person",
    "Gruppe",
    "Dag",
    "Primærkontakt",
    "Kontakt",
    "Mål",
    "Kartlegging",
    "Kartl.",
    "Legetime",
    "Legemidler",
    "Legem.",
    "Risiko",
    "Oppfølging",
    "Oppf.",
    "Utskriving",
    "Utskr.",
    "Endret",
];

#[test]
fn column_titles_are_whole_words_or_their_abbreviations_at_every_size() {
    for size in [(80, 24), (100, 30), (120, 40), (200, 50)] {
        for mode in [Mode::Edit, Mode::Kiosk] {
            for ascii in [false, true] {
                let mut cfg = Config::default();
                if ascii {
                    cfg.theme.symbols = SymbolSet::Ascii;
                }
                let a = demo(mode, cfg, size);
                let screen = lines(&render(&a));
                let row = header_row(&screen);
                assert!(!row.contains('…'), "{size:?} {mode:?}: {row}");
                for word in row.split_whitespace() {
                    assert!(
                        TITLES.contains(&word),
                        "{size:?} {mode:?}: {word:?} in {row}"
                    );
                }
                // The deadlines are always there, whole or abbreviated.
                for t in ["Person", "Dag", "Mål", "Legetime", "Endret"] {
                    assert!(row.contains(t), "{size:?} {mode:?}: {t} in {row}");
                }
                if mode == Mode::Edit && size.0 >= 100 {
                    // A fall or pressure-ulcer risk does not vanish from a laptop board,
                    // and no name is cut for it.
                    assert!(row.contains("Risiko"), "{size:?}: {row}");
                    let text = screen.join("\n");
                    assert!(text.contains("Ingrid Sæther"), "{size:?}\n{text}");
                }
            }
        }
    }
}

#[test]
fn english_titles_fit_whole_at_80x24() {
    let cfg = Config {
        language: Language::En,
        ..Config::default()
    };
    let a = demo(Mode::Edit, cfg, (80, 24));
    let screen = lines(&render(&a));
    let row = header_row(&screen);
    assert!(!row.contains('…'), "{row}");
    assert_eq!(
        row.split_whitespace().collect::<Vec<_>>(),
        [
            "Person",
            "Day",
            "Goals",
            "Assessment",
            "GP",
            "Medication",
            "F/U",
            "Discharge",
            "Edited"
        ],
        "{row}"
    );
}

#[test]
fn the_standup_names_each_deadline_whole_at_every_size() {
    for size in [(80, 24), (100, 30), (200, 50)] {
        let mut a = demo(Mode::Edit, Config::default(), size);
        a.update(Action::StartStandup);
        let text = lines(&render(&a)).join("\n");
        for t in ["Kartlegging ", "Legetime ", "Legemidler ", "Utskriving "] {
            assert!(text.contains(t), "{size:?}: {t}\n{text}");
        }
    }
}

/// The indicators view (`i`) of the demo ward at `size`, scrolled `scroll` lines.
fn indicators(size: (u16, u16), scroll: i16) -> Vec<String> {
    let mut a = demo_with(Mode::Edit, Config::default(), size, true);
    if scroll != 0 {
        a.update(Action::Scroll(scroll));
    }
    lines(&render(&a))
}

/// Every section heading of the indicators view, and a figure of each.
const SECTIONS: [(&str, &str); 8] = [
    (
        "Prosess: 14 innleggelser",
        "Kartlegging gjennomført innen dag 3",
    ),
    ("Fagmøter (VIPS)", "Holdt av planlagt"),
    ("Utfall: 2 utskrevet", "Median oppholdstid"),
    ("Hendelser i perioden", "Fall per 100 liggedøgn"),
    ("Til stede på tavlemøtene", "Fysioterapeut"),
    ("Modelltrofasthet (opphold", "Drøftet på tavlemøter"),
    ("Brukerens egen skår på mål", "Bedret seg minst 2 poeng"),
    ("Henvisninger: 8 mottatt", "godkjent"),
];

#[test]
fn the_indicators_on_a_tv_show_every_section_whole_beside_the_charts() {
    let screen = indicators((200, 50), 0);
    let text = screen.join("\n");
    // Every section starts on the first screen, its heading and its figures (the intake's
    // last rows continue below, scrolled to).
    for (heading, figure) in SECTIONS {
        assert!(text.contains(heading), "{heading}\n{text}");
        assert!(text.contains(figure), "{figure}\n{text}");
    }
    // Each element's 1–5 score beside its share, never cut; the long footnote wrapped,
    // not cut at the charts.
    for l in &screen {
        assert!(!l.contains('…'), "{l}");
    }
    assert!(text.contains("skår 1 · 2 for sent"), "{text}");
    assert!(text.contains("innleggelses egen frist"), "{text}");
    // Fidelity stands under the charts (right half), not squeezed into a summary line.
    let row = |needle: &str| screen.iter().position(|l| l.contains(needle)).unwrap();
    let col = |needle: &str| screen[row(needle)].find(needle).unwrap();
    assert!(row("Modelltrofasthet (opphold") > row("Andel per uke"));
    assert!(col("Modelltrofasthet (opphold") > col("Prosess: 14") + 60);
    assert!(!text.contains("Modelltrofasthet: totalskår"), "{text}");
    // What is below is said and reachable.
    assert!(text.contains("linjer til"), "{text}");
    let end = indicators((200, 50), 60).join("\n");
    assert!(
        end.contains("Median dager til innleggelse") || end.contains("Tildelingskontoret"),
        "{end}"
    );
}

#[test]
fn the_indicators_at_80x24_and_120x40_reach_every_section_by_scrolling() {
    for size in [(80, 24), (120, 40)] {
        let mut seen = String::new();
        for k in 0..8 {
            seen.push_str(&indicators(size, k * 15).join("\n"));
        }
        for (heading, figure) in SECTIONS {
            // The 120x40 view puts the charts under the figures and fidelity in one line.
            if size.0 == 120 && heading.starts_with("Modelltrofasthet") {
                assert!(seen.contains("Modelltrofasthet"), "{size:?}\n{seen}");
                continue;
            }
            if size.0 == 120 && heading.starts_with("Brukerens egen") {
                continue;
            }
            assert!(seen.contains(heading), "{size:?}: {heading}\n{seen}");
            assert!(seen.contains(figure), "{size:?}: {figure}\n{seen}");
        }
    }
}

#[test]
fn a_paged_kiosk_keeps_every_row_of_its_page_above_the_legend() {
    // More stays than fit: the page holds as many rows as the legend leaves room for.
    let names = [
        "Kari Hansen",
        "Knut Hansen",
        "Per Lie",
        "Ola Nordmann",
        "Anne Berg",
        "Eva Dahl",
        "Lars Moe",
        "Siri Lund",
        "Tor Bakke",
        "Ida Holm",
        "Jon Vik",
        "Mia Strand",
        "Ove Aas",
        "Liv Ruud",
        "Arne Sand",
        "Berit Lie",
        "Geir Myhre",
        "Hege Ness",
        "Rolf Berg",
        "Tone Foss",
        "Unni Hauge",
        "Vidar Lien",
        "Åse Bø",
        "Øyvind Li",
        "Kjell Rød",
    ];
    let stays: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, n)| common::stay(i as i64 + 1, n, (i % 30) as i64))
        .collect();
    for size in [(80, 24), (200, 50)] {
        let a = common::app(Mode::Kiosk, Config::default(), stays.clone(), size);
        let screen = lines(&render(&a));
        let text = screen.join("\n");
        let (pages, _) = a.paging();
        let per = a.rows_per_page();
        if size == (80, 24) {
            assert!(pages > 1, "{text}");
        }
        // Every row of the first page is on screen, whole, above the legend's first line.
        let legend_at = screen
            .iter()
            .position(|l| l.contains("i rute"))
            .unwrap_or_else(|| panic!("{size:?}: no legend\n{text}"));
        for r in a.rows.iter().take(per) {
            let at = screen
                .iter()
                .position(|l| l.contains(&format!("{} ", r.label)))
                .unwrap_or_else(|| panic!("{size:?}: {} missing\n{text}", r.label));
            assert!(
                at < legend_at,
                "{size:?}: {} under the legend\n{text}",
                r.label
            );
        }
    }
}

#[test]
fn on_the_linux_console_no_mark_in_the_legend_has_two_meanings() {
    // A staff-room TV on tty1 that shows events: every legend entry's mark is its own.
    let mut cfg = Config::default();
    cfg.theme.symbols = SymbolSet::Ascii;
    cfg.privacy.kiosk.risks = true;
    let (a, screen) = kiosk(cfg, (200, 50));
    let f = footer(&a, &screen).join("  ");
    assert!(f.contains("# nye hendelser"), "{f}");
    assert!(f.contains("+ gjennomført"), "{f}");
    let marks: Vec<&str> = f
        .split("  ")
        .map(str::trim)
        .filter(|e| !e.is_empty() && *e != "Kun visning")
        .map(|e| e.split(' ').next().unwrap())
        .collect();
    let mut unique = marks.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), marks.len(), "{marks:?}\n{f}");
}

/// The legend is worked out once per change of the rows, not per frame: after new data
/// it must explain the new marks, not the old ones.
#[test]
fn the_kiosk_legend_follows_new_data() {
    use tavle::app::Action;
    let calm = common::stay(1, "Kari Hansen", 0);
    let mut a = common::app(
        tavle::app::Mode::Kiosk,
        tavle::config::Config::default(),
        vec![calm.clone()],
        (120, 30),
    );
    let before = common::lines(&common::render(&a)).join("\n");
    assert!(!before.contains("✗ over frist"), "{before}");
    // Admitted ten days ago and nothing done: overdue.
    let late = common::stay(2, "Ola Nordmann", 10);
    a.update(Action::DataLoaded(vec![calm, late]));
    let after = common::lines(&common::render(&a));
    let legend = after.last().unwrap();
    assert!(
        after
            .iter()
            .rev()
            .take(4)
            .any(|l| l.contains("✗ over frist")),
        "{legend}\n{}",
        after.join("\n")
    );
}
