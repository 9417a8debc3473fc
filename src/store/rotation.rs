//! Dated backups in one folder, and which of them to keep.
//!
//! `tavle backup --to DIR` writes `DIR/<ward>-YYYY-MM-DD.db` (`<ward>` is the database's file
//! name without `.db`), replacing today's copy when it runs again the same day, so a timer can
//! run it hourly and the day's last copy is the one kept. Then it removes the dated copies of
//! the same ward that no rule keeps (the rules of restic's `forget`):
//! - **daily N**: the newest copy of each of the N newest days that have one;
//! - **weekly M**: the newest copy of each of the M newest ISO weeks that have one.
//!
//! A file is kept when any rule keeps it. Only names of exactly that form are ever touched,
//! so other files, other wards' copies and copies made by hand with `tavle backup FILE` in
//! the same folder are left alone.

use jiff::civil::Date;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// How many copies to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keep {
    pub daily: usize,
    pub weekly: usize,
}

/// The ward's name for dated copies: the database's file name without `.db`.
pub fn ward_stem(db: &Path) -> String {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "tavle".into());
    match name.strip_suffix(".db") {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => name,
    }
}

/// The file name of `stem`'s copy of `day`.
pub fn dated_name(stem: &str, day: Date) -> String {
    format!("{stem}-{day}.db")
}

/// The day of a dated copy of `stem`, when `file_name` is exactly one.
pub fn parse_dated(stem: &str, file_name: &str) -> Option<Date> {
    let rest = file_name.strip_prefix(stem)?.strip_prefix('-')?;
    let day = rest.strip_suffix(".db")?;
    // `YYYY-MM-DD` exactly: jiff would also accept other forms.
    let b = day.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    day.parse().ok()
}

/// The days whose copies the rules keep, out of `days`.
pub fn keep(days: &BTreeSet<Date>, keep: Keep) -> BTreeSet<Date> {
    let mut kept: BTreeSet<Date> = days.iter().rev().take(keep.daily).copied().collect();
    let mut weeks = BTreeSet::new();
    for day in days.iter().rev() {
        if weeks.len() >= keep.weekly {
            break;
        }
        let w = day.iso_week_date();
        if weeks.insert((w.year(), w.week())) {
            // The first seen (newest) copy of a week is that week's.
            kept.insert(*day);
        }
    }
    kept
}

/// The dated copies of `stem` in `dir` that the rules do not keep (paths, oldest first).
pub fn to_remove(dir: &Path, stem: &str, rules: Keep) -> std::io::Result<Vec<PathBuf>> {
    let mut dated: Vec<(Date, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(day) = parse_dated(stem, &name)
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            dated.push((day, entry.path()));
        }
    }
    let days: BTreeSet<Date> = dated.iter().map(|(d, _)| *d).collect();
    let kept = keep(&days, rules);
    dated.sort();
    Ok(dated
        .into_iter()
        .filter(|(d, _)| !kept.contains(d))
        .map(|(_, p)| p)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn days_back(from: Date, n: i64) -> BTreeSet<Date> {
        (0..n)
            .map(|i| from.checked_sub(jiff::Span::new().days(i)).unwrap())
            .collect()
    }

    #[test]
    fn names() {
        assert_eq!(ward_stem(Path::new("/srv/tavle/ward.db")), "ward");
        assert_eq!(ward_stem(Path::new("avd-nord.sqlite")), "avd-nord.sqlite");
        assert_eq!(ward_stem(Path::new(".db")), ".db");
        let d = date(2026, 11, 25);
        assert_eq!(dated_name("ward", d), "ward-2026-11-25.db");
        assert_eq!(parse_dated("ward", "ward-2026-11-25.db"), Some(d));
        for other in [
            "ward-2026-11-25.db-wal",
            "ward-2026-11-25.db.tmp",
            "ward-20261125.db",
            "ward-2026-1-25.db",
            "ward-2026-13-01.db",
            "ward.db",
            "ward-old.db",
            "ward-nord-2026-11-25.db",
        ] {
            assert_eq!(parse_dated("ward", other), None, "{other}");
        }
        // Another ward whose name starts with this one's is not this ward.
        assert_eq!(parse_dated("ward-nord", "ward-nord-2026-11-25.db"), Some(d));
    }

    #[test]
    fn seven_daily_and_eight_weekly_over_ninety_days() {
        let today = date(2026, 11, 25); // a Wednesday, ISO week 48
        let kept = keep(
            &days_back(today, 90),
            Keep {
                daily: 7,
                weekly: 8,
            },
        );
        // The last seven days…
        for i in 0..7 {
            assert!(kept.contains(&today.checked_sub(jiff::Span::new().days(i)).unwrap()));
        }
        // …and the Sunday (last copy) of each of the seven weeks before this one.
        for sunday in [
            date(2026, 11, 22),
            date(2026, 11, 15),
            date(2026, 11, 8),
            date(2026, 11, 1),
            date(2026, 10, 25),
            date(2026, 10, 18),
            date(2026, 10, 11),
        ] {
            assert!(kept.contains(&sunday), "{sunday}");
        }
        assert!(
            !kept.contains(&date(2026, 10, 4)),
            "the ninth week back goes"
        );
        // 7 days (two of them Sundays... one: 22.11) + 6 more Sundays.
        assert_eq!(kept.len(), 7 + 6, "{kept:?}");
    }

    #[test]
    fn gaps_count_weeks_that_have_copies() {
        // Copies only on a few days: weekly rules reach back over empty weeks.
        let days: BTreeSet<Date> = [
            date(2026, 1, 5),
            date(2026, 3, 2),
            date(2026, 3, 4),
            date(2026, 6, 1),
        ]
        .into();
        let kept = keep(
            &days,
            Keep {
                daily: 1,
                weekly: 2,
            },
        );
        assert_eq!(
            kept,
            [date(2026, 3, 4), date(2026, 6, 1)].into(),
            "newest day, and the newest of each of the two newest weeks"
        );
        assert!(
            keep(
                &BTreeSet::new(),
                Keep {
                    daily: 3,
                    weekly: 3
                }
            )
            .is_empty()
        );
        assert_eq!(
            keep(
                &days,
                Keep {
                    daily: 0,
                    weekly: 0
                }
            )
            .len(),
            0
        );
    }

    #[test]
    fn removes_only_this_wards_dated_copies() {
        let dir = tempfile::tempdir().unwrap();
        let today = date(2026, 11, 25);
        for d in days_back(today, 20) {
            std::fs::write(dir.path().join(dated_name("ward", d)), "x").unwrap();
            std::fs::write(dir.path().join(dated_name("ward-nord", d)), "x").unwrap();
        }
        std::fs::write(dir.path().join("ward-before-upgrade.db"), "x").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        let gone = to_remove(
            dir.path(),
            "ward",
            Keep {
                daily: 3,
                weekly: 2,
            },
        )
        .unwrap();
        let names: Vec<String> = gone
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        // Kept: 25, 24, 23 (daily) and 22.11 (the Sunday of last week).
        assert_eq!(names.len(), 20 - 4, "{names:?}");
        assert!(
            names.iter().all(|n| n.starts_with("ward-2026-")),
            "{names:?}"
        );
        assert!(!names.contains(&"ward-2026-11-22.db".to_string()));
        assert_eq!(names[0], "ward-2026-11-06.db", "oldest first");
    }
}
