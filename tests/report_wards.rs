//! `tavle report` over several wards: each ward's report is the one-database report, and the
//! total is computed on the union of the wards' data, so every count of the total is the sum
//! of the wards' counts (shares pooled as met/of, never averaged percentages).

use jiff::civil::{Date, date};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use tavle::config::Config;
use tavle::report::{render, wards};
use tavle::store;

fn d(y: i16, m: i8, day: i8) -> Date {
    date(y, m, day)
}

/// A demo ward as it stood on `today` (different days give different stays and figures).
fn demo_ward(dir: &Path, name: &str, today: Date) -> PathBuf {
    let p = dir.join(format!("{name}.db"));
    let mut c = store::open_read_write(&p).unwrap();
    store::demo::seed_demo(&mut c, today, 1_780_000_000, &Config::default().rules()).unwrap();
    p
}

/// Integer leaves of a report's JSON by path; list items are named by their `key` or
/// `week`. Left out: the rules (the same for every ward), percentages and the median (not
/// additive), and the per-meeting list (only in the wards).
fn counts(v: &Value, path: String, out: &mut BTreeMap<String, i64>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                // Not counts: shares, medians, and fidelity's scale-derived scores (a
                // total's score is read off its own shares, not summed over the wards).
                if matches!(
                    k.as_str(),
                    "rules"
                        | "percent"
                        | "median_length_days"
                        | "each"
                        | "ward"
                        | "wards"
                        | "score"
                        | "total_score"
                        | "max_score"
                        | "scale"
                        | "improved_by"
                        | "mean_change"
                ) {
                    continue;
                }
                counts(x, format!("{path}.{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let name = x
                    .get("key")
                    .or_else(|| x.get("week"))
                    .and_then(Value::as_str)
                    .map_or(i.to_string(), str::to_string);
                counts(x, format!("{path}[{name}]"), out);
            }
        }
        Value::Number(n) => {
            if let Some(n) = n.as_i64() {
                out.insert(path, n);
            }
        }
        _ => {}
    }
}

fn tavle(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tavle"))
        .env("TAVLE_NOW", "2026-11-25T08:30")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_total_is_the_sum_of_the_wards_over_their_union() {
    let dir = tempfile::tempdir().unwrap();
    // Two demo wards built on the same day have the same ids: the union must keep them apart.
    let a = demo_ward(dir.path(), "nord", d(2026, 11, 25));
    let b = demo_ward(dir.path(), "sor", d(2026, 11, 25));
    let c = demo_ward(dir.path(), "vest", d(2026, 11, 4));
    let cfg = Config::default();
    let (from, to) = (d(2026, 9, 1), d(2026, 11, 25));
    let conns: Vec<_> = [&a, &b, &c]
        .iter()
        .map(|p| store::open_read_only(p).unwrap())
        .collect();
    let reports: Vec<_> = conns
        .iter()
        .map(|c| wards::ward_report(c, &cfg, from, to).unwrap())
        .collect();
    let total = wards::total_report(&conns.iter().collect::<Vec<_>>(), &cfg, from, to).unwrap();
    // Same data, same figures.
    assert_eq!(reports[0], reports[1]);
    assert!(reports[0].admitted > 0 && reports[2].admitted > 0);
    assert_ne!(reports[0], reports[2]);

    let json = |r| serde_json::to_value(r).unwrap();
    let mut sum: BTreeMap<String, i64> = BTreeMap::new();
    for r in &reports {
        let mut c = BTreeMap::new();
        counts(&json(r), String::new(), &mut c);
        for (k, v) in c {
            *sum.entry(k).or_default() += v;
        }
    }
    let mut t = BTreeMap::new();
    counts(&json(&total), String::new(), &mut t);
    assert_eq!(t, sum);
    assert!(t[".standups.meetings"] > 0, "{t:?}");
    assert!(t[".outcome.discharged"] > 0, "{t:?}");
    assert_eq!(
        total.process.assessment.share.of,
        reports
            .iter()
            .map(|r| r.process.assessment.share.of)
            .sum::<usize>()
    );
    // Not an average of the wards' percentages: met/of over all stays.
    let p = total.process.gp.share;
    assert_eq!(p.percent(), Some(100.0 * p.met as f64 / p.of as f64));

    // The median is over every discharged stay of all wards.
    let mut lengths: Vec<i64> = Vec::new();
    for c in &conns {
        for s in store::load_all(c).unwrap() {
            if let Some(end) = s.discharged_on.filter(|e| from <= *e && *e <= to)
                && s.status == tavle::domain::StayStatus::Discharged
            {
                lengths.push(tavle::domain::dates::days_between(s.admitted, end) + 1);
            }
        }
    }
    assert_eq!(
        total.outcome.median_length_days,
        tavle::report::median(&mut lengths)
    );
    // Meetings are listed under their ward, not again in the total.
    assert!(total.standups.each.is_empty());
    assert!(!reports[0].standups.each.is_empty());
}

#[test]
fn one_ward_alone_is_its_own_total() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo_ward(dir.path(), "nord", d(2026, 11, 25));
    let cfg = Config::default();
    let (from, to) = (d(2026, 9, 1), d(2026, 11, 25));
    let conn = store::open_read_only(&a).unwrap();
    let mut one = wards::ward_report(&conn, &cfg, from, to).unwrap();
    let total = wards::total_report(&[&conn], &cfg, from, to).unwrap();
    one.standups.each.clear();
    assert_eq!(one, total);
}

#[test]
fn json_csv_and_table_name_every_ward_and_the_total() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo_ward(dir.path(), "sone-nord", d(2026, 11, 25));
    let b = demo_ward(dir.path(), "b", d(2026, 11, 11));
    let a = a.to_str().unwrap();
    let sor = format!("Sone Sør={}", b.display());
    let period = ["--from", "1.9.2026", "--to", "25.11.2026"];
    let run = |format: &str| {
        let mut args = vec!["report", "--db", a, "--db", &sor, "--format", format];
        args.extend(period);
        let out = tavle(&args);
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };

    let v: Value = serde_json::from_str(&run("json")).unwrap();
    let names: Vec<&str> = v["wards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["ward"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["sone-nord", "Sone Sør"]);
    assert_eq!(v["total"]["wards"], 2);
    assert_eq!(v["total"]["from"], "2026-09-01");
    let of = |x: &Value| x["process"]["assessment"]["of"].as_i64().unwrap();
    assert_eq!(of(&v["total"]), of(&v["wards"][0]) + of(&v["wards"][1]));
    assert!(of(&v["total"]) > 0);

    let csv = run("csv");
    let mut r = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "ward",
            "scope",
            "indicator",
            "met",
            "of",
            "percent",
            "value"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let figure = |ward: &str, indicator: &str, col: usize| -> i64 {
        rows.iter()
            .find(|r| r[0] == *ward && &r[1] == "period" && &r[2] == indicator)
            .unwrap_or_else(|| panic!("{ward} {indicator}"))[col]
            .parse()
            .unwrap()
    };
    for ind in ["assessment_by_day", "gp_by_day", "standups_discussed"] {
        for col in [3, 4] {
            assert_eq!(
                figure("total", ind, col),
                figure("sone-nord", ind, col) + figure("Sone Sør", ind, col),
                "{ind}"
            );
        }
    }
    assert_eq!(
        figure("total", "admitted", 6),
        figure("sone-nord", "admitted", 6) + figure("Sone Sør", "admitted", 6)
    );
    // Every ward has the same rows as the one-database CSV, in the same order.
    let single = {
        let mut args = vec!["report", "--db", a, "--format", "csv"];
        args.extend(period);
        String::from_utf8(tavle(&args).stdout).unwrap()
    };
    let nord: Vec<String> = csv
        .split("\r\n")
        .filter_map(|l| l.strip_prefix("sone-nord,"))
        .map(str::to_string)
        .collect();
    let one: Vec<&str> = single
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(nord, one);

    let table = run("table");
    let at = |s: &str| {
        table
            .find(s)
            .unwrap_or_else(|| panic!("{s} missing:\n{table}"))
    };
    assert!(at("Avdeling sone-nord") < at("Avdeling Sone Sør"));
    assert!(at("Avdeling Sone Sør") < at("Totalt for 2 avdelinger"));
    assert_eq!(table.matches("Prosess: ").count(), 3, "{table}");
}

#[test]
fn command_line_mistakes_exit_with_2_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo_ward(dir.path(), "x", d(2026, 11, 25));
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let b = demo_ward(&dir.path().join("sub"), "x", d(2026, 11, 25));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for args in [
        vec!["report", "--db", a, "--db", b],
        vec!["kiosk", "--db", a, "--db", b],
        vec!["export", "--db", a, "--db", b],
    ] {
        let out = tavle(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("--db"), "{err}");
    }
    // Named apart, they report.
    let named = format!("Andre={b}");
    let out = tavle(&["report", "--db", a, "--db", &named, "--format", "json"]);
    assert!(out.status.success(), "{out:?}");
    // A ward that cannot be opened is named by its path.
    let gone = dir.path().join("gone.db");
    let out = tavle(&["report", "--db", a, "--db", gone.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("gone.db"), "{err}");
}

#[test]
fn the_table_heads_each_ward_in_english_too() {
    let r = tavle::report::Report::compute(
        &[],
        &[],
        &Config::default().rules(),
        d(2026, 11, 2),
        d(2026, 11, 22),
    );
    let t = render::table_wards(
        &[("Nord", &r), ("Sør", &r)],
        &r,
        tavle::config::Language::En,
        &|k| k.into(),
    );
    assert!(t.contains("Ward Nord"), "{t}");
    assert!(t.contains("Total for 2 wards"), "{t}");
}
