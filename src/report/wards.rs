//! The report over several wards, one database each (`tavle report --db a.db --db b.db`):
//! every ward's own report, and a total computed on the union of their data.
//!
//! This is a thin layer over the one-database report: [`ward_report`] is the only place that
//! turns a database into a [`Report`], and the total is that same function run on an
//! in-memory database holding every ward's rows ([`union`]). So whatever a report section
//! reads from the database, it is per ward and in total without code here; and totals are
//! counts over the union (a share is met/of over all stays), never an average of the wards'
//! percentages; medians are medians of all stays.
//!
//! Ids are per database, so the union shifts every id of ward *k* by *k*·10¹² (ward 0 keeps
//! its ids): the `id` column, every `…_id` column and every declared foreign key. Relations
//! inside a ward stay intact and no two wards share an id. Figures that relate rows by
//! something other than an id (a stand-up covers the stays active *in its ward* that day)
//! use [`super::ward_of`]. All wards are reported with the
//! one config given (`--config`): rules and labels are the municipality's.

use super::Report;
use crate::config::Config;
use crate::store::{self, StoreError};
use jiff::civil::Date;
use rusqlite::Connection;
use rusqlite::types::Value;
use std::path::{Path, PathBuf};

/// How far apart the wards' ids are put in the union (far above any real row count).
const ID_STRIDE: i64 = super::WARD_ID_STRIDE;

/// The ward name reserved for the total (the `ward` column of the CSV).
pub const TOTAL: &str = "total";

/// One ward on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ward {
    /// As shown in headings and the `ward` field: from `NAME=PATH`, else the file name
    /// without its extension (`sone-nord.db` → `sone-nord`).
    pub name: String,
    pub path: PathBuf,
}

impl Ward {
    /// `PATH` or `NAME=PATH`. A name holds no `/`, so `./a=b.db` is a path.
    pub fn parse(arg: &Path) -> Ward {
        let s = arg.to_string_lossy();
        if let Some((name, path)) = s.split_once('=')
            && !name.is_empty()
            && !name.contains('/')
            && !path.is_empty()
        {
            return Ward {
                name: name.to_string(),
                path: PathBuf::from(path),
            };
        }
        Ward {
            name: arg
                .file_stem()
                .map_or_else(|| s.to_string(), |n| n.to_string_lossy().into_owned()),
            path: arg.to_path_buf(),
        }
    }
}

/// The wards of `--db` arguments; names must differ and not be [`TOTAL`].
pub fn wards(args: &[PathBuf]) -> Result<Vec<Ward>, String> {
    let wards: Vec<Ward> = args.iter().map(|a| Ward::parse(a)).collect();
    for (i, w) in wards.iter().enumerate() {
        if w.name.eq_ignore_ascii_case(TOTAL) {
            return Err(format!(
                "the ward name {:?} ({}) is kept for the total; name it with --db NAME={}",
                w.name,
                w.path.display(),
                w.path.display()
            ));
        }
        if let Some(other) = wards[..i].iter().find(|o| o.name == w.name) {
            return Err(format!(
                "two wards are called {:?} ({} and {}); name them with --db NAME=PATH",
                w.name,
                other.path.display(),
                w.path.display()
            ));
        }
    }
    Ok(wards)
}

/// The report of one database: everything the report needs is loaded here, from `conn`.
pub fn ward_report(
    conn: &Connection,
    cfg: &Config,
    from: Date,
    to: Date,
) -> Result<Report, StoreError> {
    let stays = store::load_all(conn)?;
    let meetings = store::load_meetings(conn)?;
    let plan = store::fagmote::load_plan(conn)?;
    let mut report = Report::compute(&stays, &meetings, &cfg.rules(), from, to).with_case_meetings(
        &plan,
        cfg.fagmote.evaluation_grace_days,
        &jiff::tz::TimeZone::get(&cfg.time_zone).unwrap_or(jiff::tz::TimeZone::UTC),
    );
    report.referrals = super::referrals::ReferralFigures::compute(
        &store::referrals::load_referrals(conn)?,
        &stays,
        from,
        to,
    );
    let keys: Vec<&str> = cfg
        .discharge_outcomes
        .iter()
        .map(|c| c.key.as_str())
        .collect();
    report.order_outcomes(&keys);
    let disciplines: Vec<&str> = cfg.disciplines.iter().map(|c| c.key.as_str()).collect();
    report.attendance.order(&disciplines);
    report.labels = cfg
        .event_kinds
        .iter()
        .chain(&cfg.disciplines)
        .cloned()
        .collect();
    report.score_fidelity(&cfg.fidelity);
    Ok(report)
}

/// The total over all wards: [`ward_report`] on their union. The per-meeting list is left
/// to each ward (the union's meeting ids are shifted and mean nothing to a reader).
pub fn total_report(
    conns: &[&Connection],
    cfg: &Config,
    from: Date,
    to: Date,
) -> Result<Report, StoreError> {
    let all = union(conns)?;
    let mut report = ward_report(&all, cfg, from, to)?;
    report.standups.each.clear();
    Ok(report)
}

/// An in-memory database at the current schema holding the rows of every table of every
/// ward, ids of ward *k* shifted by *k*·10¹² (see the module documentation).
pub fn union(wards: &[&Connection]) -> Result<Connection, StoreError> {
    let mut all = Connection::open_in_memory()?;
    store::migrate(&mut all, 0, store::APPLICATION_ID)?;
    let tx = all.transaction()?;
    for (k, ward) in wards.iter().enumerate() {
        let offset = ID_STRIDE * k as i64;
        for table in store::export::TABLES {
            copy_table(ward, &tx, table, offset)?;
        }
    }
    tx.commit()?;
    Ok(all)
}

/// Copy every row of `table` from `src` into `dst`, adding `offset` to id columns.
fn copy_table(
    src: &Connection,
    dst: &Connection,
    table: &str,
    offset: i64,
) -> rusqlite::Result<()> {
    let cols: Vec<String> = src
        .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let fks: Vec<String> = src
        .prepare(&format!(
            r#"SELECT "from" FROM pragma_foreign_key_list('{table}')"#
        ))?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let shift: Vec<bool> = cols
        .iter()
        .map(|c| c == "id" || c.ends_with("_id") || fks.contains(c))
        .collect();
    let list = cols
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let marks = vec!["?"; cols.len()].join(", ");
    let mut read = src.prepare(&format!("SELECT {list} FROM \"{table}\""))?;
    let mut write = dst.prepare(&format!(
        "INSERT INTO \"{table}\" ({list}) VALUES ({marks})"
    ))?;
    let mut rows = read.query([])?;
    while let Some(row) = rows.next()? {
        let mut values = Vec::with_capacity(cols.len());
        for (i, shifted) in shift.iter().enumerate() {
            let v: Value = row.get(i)?;
            values.push(match v {
                Value::Integer(n) if *shifted => Value::Integer(n + offset),
                other => other,
            });
        }
        write.execute(rusqlite::params_from_iter(values))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_argument_or_the_file() {
        let w = |s: &str| Ward::parse(Path::new(s));
        assert_eq!(w("/data/sone-nord.db").name, "sone-nord");
        assert_eq!(
            w("/data/sone-nord.db").path,
            Path::new("/data/sone-nord.db")
        );
        assert_eq!(w("Nord=/data/a.db").name, "Nord");
        assert_eq!(w("Nord=/data/a.db").path, Path::new("/data/a.db"));
        assert_eq!(w("./x=y.db").name, "x=y");
        assert_eq!(w("./x=y.db").path, Path::new("./x=y.db"));
    }

    #[test]
    fn names_must_differ_and_not_be_the_total() {
        let p = |v: &[&str]| v.iter().map(PathBuf::from).collect::<Vec<_>>();
        assert!(wards(&p(&["a/x.db", "b/y.db"])).is_ok());
        let e = wards(&p(&["a/x.db", "b/x.db"])).unwrap_err();
        assert!(e.contains("NAME=PATH"), "{e}");
        assert!(wards(&p(&["a/x.db", "X2=b/x.db"])).is_ok());
        assert!(wards(&p(&["/d/total.db"])).unwrap_err().contains("total"));
    }
}
