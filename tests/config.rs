//! The shipped config file, and bad configs (one fixture per failure mode).

use std::path::Path;
use tavle::config::{Config, load_file};

#[test]
fn shipped_config_file_is_complete_and_equals_the_defaults() {
    let c = load_file(Path::new("config/tavle.json")).unwrap();
    assert_eq!(c, Config::default());
}

#[test]
fn every_invalid_fixture_is_refused_with_a_located_message() {
    let dir = Path::new("tests/fixtures/config");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("invalid_") || !name.ends_with(".json") {
            continue;
        }
        n += 1;
        let err = load_file(&p).expect_err(&name);
        assert!(err.line > 0, "{name}: {err}");
        let expected = std::fs::read_to_string(p.with_extension("expect")).unwrap();
        let expected = expected.trim();
        assert!(
            err.to_string().contains(expected),
            "{name}: {err} does not contain {expected:?}"
        );
    }
    assert!(n >= 6, "only {n} fixtures");
}
