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
