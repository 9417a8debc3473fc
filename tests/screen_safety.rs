//! Screen integrity with unusual text, and what a plain terminal can show (issue 10, items 8
//! and 9). Every screen that can be reached is rendered at 80x24 and 200x50:
//! - stays whose names, goals, notes and contacts hold flags, ZWJ emoji, skin tones, CJK and
//!   zero-width characters: no cell holds an emoji cluster whose width terminals disagree
//!   about, and every box border is drawn on every row;
//! - the `ascii` symbol set draws only ASCII; the `ansi` colours are only named colours.

mod common;

use common::*;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use tavle::app::{Action, App, Confirm, FormKey, FormKind, Mode, Overlay, Summary};
use tavle::config::{ColorMode, Config, Language, SymbolSet};
use tavle::domain::{FollowUp, Goal, GoalStatus, Stay};
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

/// Typed into every form in the unusual-text tests.
const UNUSUAL_TYPED: &str =
    "李小龍 🇳🇴 👩\u{200d}⚕\u{fe0f} Ørjan Ødegård-Li 王小明王小明王小明王小明王小明";

fn goal(id: i64, text: &str) -> Goal {
    Goal {
        id,
        position: id,
        text: text.into(),
        status: GoalStatus::Open,
        set_on: tavle::domain::dates::add_days(today(), -3),
        closed_on: None,
        score_start: None,
        score_end: None,
    }
}

fn follow_up(id: i64, text: &str) -> FollowUp {
    FollowUp {
        id,
        text: text.into(),
        discipline: "nurse".into(),
        due: Some(today()),
        done_on: None,
        created_on: tavle::domain::dates::add_days(today(), -1),
    }
}

/// Stays full of text that terminals draw at another width than `unicode-width` says, and
/// CJK at both parities, so some wide character straddles every popup's border somewhere.
fn unusual_stays() -> Vec<Stay> {
    let cjk = "李小龍王小明李小龍王小明李小龍王小明李小龍王小明李小龍王小明李小龍王小明";
    let names = [
        "Ola Nordmann 🇳🇴",
        "👩\u{200d}⚕\u{fe0f} Kari Lege",
        "李小龍李小龍李小龍李小龍李小龍李小龍",
        "A李小龍李小龍李小龍李小龍李小龍李小龍",
        "\u{200b}",
        "\u{301}\u{301}",
        "Familie 👨\u{200d}👩\u{200d}👧\u{200d}👦 👍\u{1f3fd}",
        "B李小龍李小龍李小龍李小龍李小龍李小龍",
    ];
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut s = stay(i as i64 + 1, name, (i as i64 * 4) % 30);
            let pad = "x".repeat(i % 2);
            s.goals.push(goal(1, &format!("{pad}{cjk}")));
            s.goals.push(goal(2, "Gå tur 🇳🇴 med 👩\u{200d}⚕\u{fe0f}"));
            s.follow_ups.push(follow_up(
                1,
                &format!("{pad}Ring 👨\u{200d}👩\u{200d}👧 {cjk}"),
            ));
            s.primary_contact = format!("{pad}王小明 {cjk}");
            s.note = format!("{pad}{cjk} 🇸🇪 notat");
            s.risks = vec!["fall".into()];
            s
        })
        .collect()
}

/// ASCII-only stays, for the ASCII theme test (the data is shown as stored).
fn ascii_stays() -> Vec<Stay> {
    (0..6)
        .map(|i| {
            let mut s = stay(i + 1, &format!("Ola Hansen{i}"), i * 6);
            s.goals.push(goal(1, "Walk to the shop"));
            s.follow_ups.push(follow_up(1, "Call the daughter"));
            s.primary_contact = "Anne Nurse".into();
            s.note = "Daughter Liv".into();
            s.risks = vec!["fall".into()];
            s
        })
        .collect()
}

/// Every screen a user can reach, by name, rendered at `size`.
/// `typed` is typed into every form.
fn every_screen(
    config: &Config,
    stays: &[Stay],
    typed: &str,
    size: (u16, u16),
) -> Vec<(String, Buffer)> {
    let fresh = |mode: Mode| app(mode, config.clone(), stays.to_vec(), size);
    let mut out = Vec::new();
    let mut shot = |name: &str, a: &App| out.push((format!("{name} {size:?}"), render(a)));
    shot("board", &fresh(Mode::Edit));
    shot("kiosk", &fresh(Mode::Kiosk));
    let mut a = fresh(Mode::Edit);
    a.update(Action::PageDown);
    shot("board page 2", &a);
    for (name, action) in [
        ("detail", Action::OpenDetail),
        ("help", Action::ToggleHelp),
        ("goals", Action::Open(Overlay::Goals)),
        ("follow-ups", Action::Open(Overlay::FollowUps)),
        ("risks", Action::Open(Overlay::Risks)),
        (
            "confirm cancel",
            Action::Open(Overlay::Confirm(Confirm::Cancel)),
        ),
        (
            "confirm delete",
            Action::Open(Overlay::Confirm(Confirm::Delete)),
        ),
        ("stand-up", Action::StartStandup),
    ] {
        for row in [0, 1, 2] {
            let mut a = fresh(Mode::Edit);
            for _ in 0..row {
                a.update(Action::Down);
            }
            a.update(action.clone());
            shot(&format!("{name} row {row}"), &a);
        }
    }
    let mut a = fresh(Mode::Kiosk);
    a.update(Action::OpenDetail);
    shot("kiosk detail", &a);
    let mut a = fresh(Mode::Kiosk);
    a.update(Action::ToggleHelp);
    shot("kiosk help", &a);
    for kind in [
        FormKind::AddStay,
        FormKind::EditStay,
        FormKind::AddGoal,
        FormKind::EditGoal(1),
        FormKind::Assessment,
        FormKind::Gp,
        FormKind::Medication,
        FormKind::AddFollowUp,
        FormKind::Delay,
        FormKind::Discharge,
    ] {
        let mut a = fresh(Mode::Edit);
        a.update(Action::OpenForm(kind));
        shot(&format!("form {kind:?}"), &a);
        // The same form with an inline error and a long value typed into it.
        for c in typed.chars() {
            a.update(Action::FormKey(FormKey::Char(c)));
        }
        a.update(Action::FormKey(FormKey::Left));
        shot(&format!("form {kind:?} typed"), &a);
        a.update(Action::FormKey(FormKey::Clear));
        a.update(Action::SubmitForm);
        shot(&format!("form {kind:?} error"), &a);
    }
    let mut a = fresh(Mode::Edit);
    a.update(Action::StartStandup);
    a.update(Action::StandupStep(1));
    a.update(Action::OpenDetail);
    shot("stand-up detail", &a);
    let mut a = fresh(Mode::Edit);
    a.summary = Some(Summary {
        discussed: 2,
        of: stays.len(),
        overdue_items: 3,
        follow_ups_created: 1,
        minutes_used: 14,
        missed: a.rows.iter().map(|r| r.label.clone()).collect(),
    });
    shot("stand-up summary", &a);
    let mut a = fresh(Mode::Edit);
    a.report = Some(tavle::report::Report::compute(
        stays,
        &[],
        &config.rules(),
        tavle::domain::dates::add_days(today(), -84),
        today(),
    ));
    a.overlay = Overlay::Indicators;
    shot("indicators", &a);
    let mut a = fresh(Mode::Edit);
    a.db_error = Some(format!("database is locked – {typed}"));
    a.status = None;
    shot("error banner", &a);
    out
}

/// Chars that make a grapheme whose width terminals disagree about.
fn unstable(c: char) -> bool {
    matches!(c as u32,
        0x1f1e6..=0x1f1ff // regional indicators (flags)
        | 0x200b..=0x200f | 0x2060..=0x2064 | 0xfeff // zero-width and joiners
        | 0xfe00..=0xfe0f // variation selectors
        | 0x1f3fb..=0x1f3ff // skin tones
        | 0x20e3 | 0xe0000..=0xe0fff)
}

fn check_cells(name: &str, buf: &Buffer) {
    let text = screen(buf);
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            assert!(
                !sym.chars().any(unstable),
                "{name}: unstable cluster {sym:?} at ({x},{y})\n{text}"
            );
            let bases = sym
                .chars()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .count();
            assert!(
                bases <= 1,
                "{name}: multi-codepoint cluster {sym:?} at ({x},{y})\n{text}"
            );
            assert!(
                sym.is_empty() || sym.width() > 0,
                "{name}: zero-width cell {sym:?} at ({x},{y})\n{text}"
            );
        }
    }
}

/// Every box (rounded corners) has its left and right border on every row.
fn check_borders(name: &str, buf: &Buffer) {
    let text = screen(buf);
    let (w, h) = (buf.area.width, buf.area.height);
    let mut boxes = 0;
    for y0 in 0..h {
        for x0 in 0..w {
            if buf[(x0, y0)].symbol() != "╭" {
                continue;
            }
            let Some(x1) = (x0 + 1..w).find(|&x| buf[(x, y0)].symbol() == "╮") else {
                panic!("{name}: box at ({x0},{y0}) has no top-right corner\n{text}");
            };
            boxes += 1;
            let mut y = y0 + 1;
            while y < h && buf[(x0, y)].symbol() != "╰" {
                for x in [x0, x1] {
                    assert_eq!(
                        buf[(x, y)].symbol(),
                        "│",
                        "{name}: border of the box at ({x0},{y0}) missing at ({x},{y})\n{text}"
                    );
                }
                y += 1;
            }
            assert!(y < h, "{name}: box at ({x0},{y0}) has no bottom\n{text}");
            assert_eq!(buf[(x1, y)].symbol(), "╯", "{name}: ({x1},{y})\n{text}");
        }
    }
    let popup = [
        "detail", "help", "goals", "follow", "risks", "confirm", "form",
    ];
    if popup.iter().any(|p| name.starts_with(p)) {
        assert!(boxes > 0, "{name}: no box found\n{text}");
    }
}

#[test]
fn unusual_text_never_breaks_a_border_or_leaves_an_unstable_cluster() {
    let stays = unusual_stays();
    for lang in [Language::Nb, Language::En] {
        let config = Config {
            language: lang,
            ..Config::default()
        };
        for size in SIZES {
            for (name, buf) in every_screen(&config, &stays, UNUSUAL_TYPED, size) {
                check_cells(&name, &buf);
                check_borders(&name, &buf);
            }
        }
    }
}

#[test]
fn a_flag_and_a_zwj_sequence_show_as_stable_text() {
    let stays = unusual_stays();
    let a = app(Mode::Edit, Config::default(), stays, (200, 50));
    let text = screen(&render(&a));
    assert!(text.contains("Ola Nordmann NO"), "{text}");
    // (A wide char's second cell reads as a space in the screen text.)
    assert!(text.contains("👩 ⚕ Kari Lege"), "{text}");
}

#[test]
fn a_stored_name_with_nothing_visible_is_not_a_blank_cell() {
    for name in ["\u{200b}", "\u{301}\u{301}", " \u{200d}\u{fe0f} "] {
        let a = app(
            Mode::Edit,
            Config::default(),
            vec![stay(1, name, 3)],
            (120, 40),
        );
        assert!(
            a.rows[0]
                .label
                .chars()
                .any(|c| c.is_alphanumeric() || c == '?'),
            "{name:?}: label {:?}",
            a.rows[0].label
        );
        let l = lines(&render(&a));
        // Under the header, the capacity forecast and the column titles.
        let person: String = l[3].chars().take(10).collect();
        assert!(
            person.chars().any(|c| c == '?'),
            "{name:?}: person cell {person:?}\n{}",
            l.join("\n")
        );
    }
}

#[test]
fn a_name_of_only_invisible_characters_is_refused() {
    use tavle::domain::edit::{EditError, MAX_NAME, checked_text};
    for blank in [
        "\u{200b}",
        "\u{301}\u{301}",
        "\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}",
        " \u{fe0f} ",
        "\u{3164}",
    ] {
        assert_eq!(
            checked_text(blank, MAX_NAME, true),
            Err(EditError::Empty),
            "{blank:?}"
        );
        // Through the add form: it stays open with the error under the name.
        let mut a = app(Mode::Edit, Config::default(), vec![], (120, 40));
        a.update(Action::OpenForm(FormKind::AddStay));
        for c in blank.chars() {
            a.update(Action::FormKey(FormKey::Char(c)));
        }
        a.update(Action::SubmitForm);
        let form = a.form.as_ref().expect("the form stays open");
        assert!(
            form.fields[0].error.is_some(),
            "{blank:?}: no error on the name"
        );
        assert!(a.requests.is_empty(), "{blank:?}: a write was requested");
    }
    // Visible text with invisible characters around it is fine, and cleaned.
    assert_eq!(
        checked_text("\u{200b}Kari\u{feff}", MAX_NAME, true).as_deref(),
        Ok("Kari")
    );
    assert!(checked_text("🇳🇴", MAX_NAME, true).is_ok());
}

/// A symbol drawn in ASCII mode: ASCII, or a letter of the language (æøå in Norwegian words).
fn ascii_ok(sym: &str, lang: Language) -> bool {
    sym.is_ascii() || (lang == Language::Nb && sym.chars().all(|c| "æøåÆØÅé".contains(c)))
}

#[test]
fn the_ascii_symbol_set_draws_only_ascii_on_every_screen() {
    for lang in [Language::En, Language::Nb] {
        let mut config = Config {
            language: lang,
            ..Config::default()
        };
        config.theme.symbols = SymbolSet::Ascii;
        for mode_colors in [ColorMode::Ansi, ColorMode::Mono] {
            config.theme.colors = mode_colors;
            for size in SIZES {
                for (name, buf) in
                    every_screen(&config, &ascii_stays(), "Ola Hansen-Berg 25.11", size)
                {
                    let text = screen(&buf);
                    for y in 0..buf.area.height {
                        for x in 0..buf.area.width {
                            let sym = buf[(x, y)].symbol();
                            assert!(
                                ascii_ok(sym, lang),
                                "{lang:?} {name}: {sym:?} at ({x},{y})\n{text}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_ansi_colours_are_named_colours_only() {
    for symbols in [SymbolSet::Unicode, SymbolSet::Ascii] {
        let mut config = Config::default();
        config.theme.colors = ColorMode::Ansi;
        config.theme.symbols = symbols;
        for size in SIZES {
            for (name, buf) in every_screen(&config, &unusual_stays(), UNUSUAL_TYPED, size) {
                let mut coloured = 0;
                for cell in buf.content() {
                    for c in [cell.fg, cell.bg] {
                        assert!(
                            !matches!(c, Color::Indexed(_) | Color::Rgb(..)),
                            "{name}: {c:?} on {:?}",
                            cell.symbol()
                        );
                        coloured += usize::from(c != Color::Reset);
                    }
                }
                if name.starts_with("board") {
                    assert!(coloured > 0, "{name}: no colour");
                }
            }
        }
    }
}

/// A writer the test can read after the terminal has written to it.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What a board with the `ansi` colours sends to a terminal through `out` (which writes
/// into `sink`).
fn ansi_output<W: std::io::Write>(out: W, sink: &Shared) -> String {
    use ratatui::backend::CrosstermBackend;
    use ratatui::{Terminal, TerminalOptions, Viewport, layout::Rect};
    let mut config = Config::default();
    config.theme.colors = ColorMode::Ansi;
    let a = app(Mode::Edit, config, ascii_stays(), (120, 30));
    let mut t = Terminal::with_options(
        CrosstermBackend::new(out),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 120, 30)),
        },
    )
    .unwrap();
    t.draw(|f| tavle::ui::draw(f, &a)).unwrap();
    String::from_utf8_lossy(&sink.0.borrow()).into_owned()
}

#[test]
fn the_ansi_colours_reach_the_terminal_as_16_colour_sequences() {
    use tavle::ansi16::Ansi16;
    // crossterm alone writes even named colours as 256-colour sequences…
    let sink = Shared::default();
    let plain = ansi_output(sink.clone(), &sink);
    assert!(plain.contains("\x1b[38;5;"), "crossterm changed: {plain:?}");
    // …the board's output sends the classic ones a Linux console reads.
    let sink = Shared::default();
    let text = ansi_output(Ansi16::new(sink.clone()), &sink);
    assert!(
        !text.contains("38;5;") && !text.contains("48;5;"),
        "{text:?}"
    );
    assert!(
        !text.contains("38;2;") && !text.contains("48;2;"),
        "{text:?}"
    );
    assert!(text.contains("\x1b[31;49m"), "red as SGR 31: {text:?}");
    assert!(text.contains("Ola Hansen0"), "{text:?}");
}
