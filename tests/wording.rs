//! The clinician's review of the wording: what the board says in places where it said
//! something wrong, unnatural or English (see the README's language notes).

mod common;

use common::{lines, render};
use tavle::app::Mode;
use tavle::config::{Config, Language};

/// A ward with nothing overdue says so with a ✓, not a red «✗ 0 over frist».
#[test]
fn the_header_says_nothing_is_overdue_plainly() {
    for size in [(80u16, 24u16), (200, 50)] {
        for (lang, wide, narrow) in [
            (Language::Nb, "✓ ingen over frist", "✓ 0"),
            (Language::En, "✓ none overdue", "✓ 0"),
        ] {
            // Day 2: every deadline is still ahead.
            let s = common::stay(1, "Kari Hansen", 1);
            let cfg = Config {
                language: lang,
                ..Config::default()
            };
            let app = common::app(Mode::Edit, cfg, vec![s], size);
            let head = lines(&render(&app))[0].clone();
            assert!(
                head.contains(wide) || (size.0 < 100 && head.contains(narrow)),
                "{size:?} {lang:?}\n{head}"
            );
            assert!(!head.contains('✗'), "{size:?}\n{head}");
        }
    }
}

/// Every bad-config fixture, worded for a Norwegian board: the field path and the value are
/// kept, and no English sentence is left.
#[test]
fn config_problems_are_worded_in_the_boards_language() {
    let dir = std::path::Path::new("tests/fixtures/config");
    let mut seen = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    for p in names {
        let e = tavle::config::load_file(&p).unwrap_err();
        let nb = e.localized(Language::Nb);
        let en = e.localized(Language::En);
        assert_eq!(en, e.to_string(), "check-config's English is the Display");
        for english in [
            " must ",
            " not ",
            "unknown ",
            "expected ",
            "invalid ",
            " entry",
        ] {
            assert!(!nb.contains(english), "{nb}");
        }
        seen.push(nb);
    }
    assert!(seen.len() >= 13, "{seen:?}");
}

/// The banner of a board whose config file broke says it in the board's language, with the
/// field and the bad value (was «…: capacity must be 1–1000, not 0» on a Norwegian board);
/// on the built-in defaults it says so instead of «siste gyldige oppsett»; on a narrow
/// screen the file's name alone leaves room for the problem.
#[test]
fn the_config_banner_is_in_the_boards_language() {
    let err = tavle::config::ConfigError {
        path: "/etc/tavle/tavle.json".into(),
        line: 4,
        column: 3,
        problem: tavle::config::Problem::Range {
            field: "capacity".into(),
            min: 1,
            max: 1000,
            got: "0".into(),
        },
    };
    let nb_defaults = Config::default();
    let nb_own = Config {
        ward_name: "Sone Nord".into(),
        ..Config::default()
    };
    let en_own = Config {
        language: Language::En,
        ..Config::default()
    };
    for (cfg, wide, narrow) in [
        (
            nb_defaults,
            "Feil i konfigurasjonen – bruker standardoppsettet: /etc/tavle/tavle.json:4:3: capacity må være 1–1000, ikke 0",
            "Feil i konfigurasjonen: tavle.json:4:3: capacity må være 1–1000, ikke 0",
        ),
        (
            nb_own,
            "Feil i konfigurasjonen – bruker siste gyldige oppsett: /etc/tavle/tavle.json:4:3: capacity må være 1–1000, ikke 0",
            "Feil i konfigurasjonen: tavle.json:4:3: capacity må være 1–1000, ikke 0",
        ),
        (
            en_own,
            "Config error, using the last good config: /etc/tavle/tavle.json:4:3: capacity must be 1–1000, not 0",
            "Config error: tavle.json:4:3: capacity must be 1–1000, not 0",
        ),
    ] {
        for (size, want) in [((200u16, 50u16), wide), ((80, 24), narrow)] {
            let mut app = common::app(
                Mode::Edit,
                cfg.clone(),
                vec![common::stay(1, "Kari Hansen", 3)],
                size,
            );
            app.config_error = Some(err.clone());
            let screen = lines(&render(&app));
            assert_eq!(
                screen[1].trim_end(),
                want,
                "{size:?}\n{}",
                screen.join("\n")
            );
        }
    }
}
