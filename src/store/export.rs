//! Export of the whole database as JSON (every column of every table, rows ordered by primary
//! key) and import of such a file into an empty database in one transaction.
//!
//! The file is deterministic: the same database always gives the same bytes, so
//! export → import into an empty database → export is byte-identical. It carries a `format`
//! marker and the schema version; a file of another version is refused rather than guessed at.

use super::error::StoreError;
use super::migrations::LATEST_VERSION;
use rusqlite::Connection;
use rusqlite::types::{Value as SqlValue, ValueRef};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::Path;

/// The `format` marker of an export file.
pub const FORMAT: &str = "tavle-export";

/// Every table, parents before children (the import inserts in this order).
pub const TABLES: &[&str] = &[
    "stays",
    "goals",
    "assessments",
    "gp_appointments",
    "medication_reconciliations",
    "risks",
    "follow_ups",
    "delays",
    "discharge_items",
    "audit_log",
    "meetings",
    "meeting_stays",
    "case_meetings",
    "cases",
    "measures",
    "attendance",
    "events",
    "referrals",
    "next_of_kin",
    "fidelity_acknowledgements",
];

/// Columns that hold ISO calendar dates (`2026-11-25`); checked on import.
const DATE_COLUMNS: &[&str] = &[
    "admitted",
    "planned_discharge",
    "discharged_on",
    "set_on",
    "closed_on",
    "done_on",
    "booked_for",
    "due_on",
    "created_on",
    "recorded_on",
    "date",
    "evaluate_on",
    "from_on",
    "evaluated_on",
    "occurred_on",
    "received_on",
    "decided_on",
    "planned_admission",
    "acknowledged_on",
];

/// Why an import was refused. Every refusal leaves the database as it was.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("the file is not valid JSON ({0}); nothing was imported")]
    Syntax(String),
    #[error(
        "the file is not a tavle export (no \"format\": \"{FORMAT}\" at the top); nothing was imported"
    )]
    NotAnExport,
    #[error(
        "the file was exported from schema version {found}; this tavle imports version {expected} only; nothing was imported"
    )]
    Version { found: String, expected: i64 },
    #[error("{0}; nothing was imported")]
    Invalid(String),
    #[error(
        "the database already holds data ({0}); import only fills an empty database, nothing was changed. Use a new --db path."
    )]
    NotEmpty(String),
}

/// One table in an export file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableDump {
    name: String,
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

/// The whole export file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportFile {
    format: String,
    schema_version: i64,
    tables: Vec<TableDump>,
}

/// A column as the database declares it.
struct ColumnInfo {
    name: String,
    decl_type: String,
    not_null: bool,
    /// Position in the primary key (1-based), 0 when not part of it.
    pk: i64,
}

fn quote_ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn columns_of(conn: &Connection, table: &str) -> Result<Vec<ColumnInfo>, StoreError> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({})", quote_ident(table)))?;
    let cols = stmt
        .query_map([], |r| {
            Ok(ColumnInfo {
                name: r.get(1)?,
                decl_type: r.get::<_, String>(2)?.to_ascii_uppercase(),
                not_null: r.get::<_, i64>(3)? != 0,
                pk: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if cols.is_empty() {
        return Err(StoreError::BadData(format!(
            "table {table} is missing from the database"
        )));
    }
    Ok(cols)
}

fn order_by(cols: &[ColumnInfo]) -> String {
    let mut pk: Vec<&ColumnInfo> = cols.iter().filter(|c| c.pk > 0).collect();
    if pk.is_empty() {
        return "rowid".into();
    }
    pk.sort_by_key(|c| c.pk);
    pk.iter()
        .map(|c| quote_ident(&c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn to_json(table: &str, col: &str, v: ValueRef<'_>) -> Result<Value, StoreError> {
    Ok(match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| StoreError::BadData(format!("{table}.{col} holds {f}")))?,
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(_) => {
            return Err(StoreError::BadData(format!(
                "{table}.{col} holds binary data, which an export cannot carry"
            )));
        }
    })
}

fn dump_table(conn: &Connection, table: &str) -> Result<TableDump, StoreError> {
    let cols = columns_of(conn, table)?;
    let names: Vec<String> = cols.iter().map(|c| c.name.clone()).collect();
    let sql = format!(
        "SELECT {} FROM {} ORDER BY {}",
        names
            .iter()
            .map(|n| quote_ident(n))
            .collect::<Vec<_>>()
            .join(", "),
        quote_ident(table),
        order_by(&cols)
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut row = Vec::with_capacity(names.len());
        for (i, n) in names.iter().enumerate() {
            row.push(to_json(table, n, r.get_ref(i)?)?);
        }
        out.push(row);
    }
    Ok(TableDump {
        name: table.into(),
        columns: names,
        rows: out,
    })
}

/// The whole database as an export file (JSON text ending in a newline). Reads in one
/// transaction, so the file is a consistent snapshot even while a board is writing.
pub fn export_json(conn: &Connection) -> Result<String, StoreError> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    // A read transaction: every table is read from the same snapshot.
    conn.execute_batch("BEGIN")?;
    let dumped: Result<Vec<TableDump>, StoreError> =
        TABLES.iter().map(|t| dump_table(conn, t)).collect();
    conn.execute_batch("COMMIT")?;
    let file = ExportFile {
        format: FORMAT.into(),
        schema_version: version,
        tables: dumped?,
    };
    Ok(render(&file))
}

/// Pretty, stable layout with one row per line (diff-friendly, still plain JSON).
fn render(file: &ExportFile) -> String {
    let mut s = String::new();
    s.push_str("{\n");
    s.push_str(&format!("  \"format\": {},\n", j(&file.format)));
    s.push_str(&format!(
        "  \"schema_version\": {},\n",
        j(&file.schema_version)
    ));
    s.push_str("  \"tables\": [");
    for (ti, t) in file.tables.iter().enumerate() {
        s.push_str(if ti == 0 { "\n" } else { ",\n" });
        s.push_str("    {\n");
        s.push_str(&format!("      \"name\": {},\n", j(&t.name)));
        s.push_str(&format!("      \"columns\": {},\n", j(&t.columns)));
        if t.rows.is_empty() {
            s.push_str("      \"rows\": []\n");
        } else {
            s.push_str("      \"rows\": [\n");
            for (ri, r) in t.rows.iter().enumerate() {
                s.push_str("        ");
                s.push_str(&j(r.as_slice()));
                s.push_str(if ri + 1 < t.rows.len() { ",\n" } else { "\n" });
            }
            s.push_str("      ]\n");
        }
        s.push_str("    }");
    }
    s.push_str("\n  ]\n}\n");
    s
}

/// Compact JSON of one piece (cannot fail for the plain types used here).
fn j<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    /// Rows per table, in [`TABLES`] order.
    pub rows: Vec<(String, usize)>,
}

impl ImportSummary {
    /// Rows written to `table`.
    pub fn count(&self, table: &str) -> usize {
        self.rows
            .iter()
            .find(|(t, _)| t == table)
            .map_or(0, |(_, n)| *n)
    }
}

/// Parse and check an export file without touching any database.
fn parse(text: &str) -> Result<ExportFile, ImportError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::Syntax(e.to_string()))?;
    let obj = value.as_object().ok_or(ImportError::NotAnExport)?;
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    match obj.get("schema_version") {
        Some(v) if v.as_i64() == Some(LATEST_VERSION) => {}
        other => {
            return Err(ImportError::Version {
                found: other.map_or("(missing)".into(), Value::to_string),
                expected: LATEST_VERSION,
            });
        }
    }
    serde_json::from_value(value).map_err(|e| ImportError::Invalid(format!("bad file layout: {e}")))
}

fn describe(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

/// Check one value against its column; returns the SQL value to insert.
fn check_value(col: &ColumnInfo, v: &Value) -> Result<SqlValue, String> {
    let is_int = col.decl_type.contains("INT");
    let is_text = col.decl_type.contains("TEXT");
    match v {
        Value::Null if col.not_null || col.pk > 0 => Err("must not be null".into()),
        Value::Null => Ok(SqlValue::Null),
        Value::Number(n) if is_int => n
            .as_i64()
            .map(SqlValue::Integer)
            .ok_or_else(|| format!("expected a whole number, found {n}")),
        Value::String(s) if is_text => {
            if DATE_COLUMNS.contains(&col.name.as_str())
                && (col.not_null || !s.is_empty())
                && s.parse::<jiff::civil::Date>().is_err()
            {
                return Err(format!(
                    "expected a date like 2026-11-25, found {}",
                    describe(v)
                ));
            }
            Ok(SqlValue::Text(s.clone()))
        }
        other => Err(format!(
            "expected {}, found {}",
            if is_int { "a whole number" } else { "text" },
            describe(other)
        )),
    }
}

fn row_label(row_no: usize, columns: &[ColumnInfo], row: &[Value]) -> String {
    match columns.iter().position(|c| c.name == "id") {
        Some(i) => format!("row {row_no} (id {})", describe(&row[i])),
        None => format!("row {row_no}"),
    }
}

/// Row counts of every non-empty table, e.g. "12 stays, 40 audit_log rows".
fn non_empty(conn: &Connection) -> Result<Vec<(String, i64)>, StoreError> {
    let mut out = Vec::new();
    for t in TABLES {
        let n: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {}", quote_ident(t)),
            [],
            |r| r.get(0),
        )?;
        if n > 0 {
            out.push((t.to_string(), n));
        }
    }
    Ok(out)
}

/// Import `text` (an export file) into `conn`, which must be an empty tavle database at the
/// current schema (as [`super::open_read_write`] leaves it). All or nothing: the file is
/// checked completely, then written in one transaction; any error leaves the database empty.
pub fn import_json(conn: &mut Connection, text: &str) -> Result<ImportSummary, ImportError> {
    let file = parse(text)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(StoreError::from)?;
    if version != LATEST_VERSION {
        return Err(ImportError::Store(StoreError::BadData(format!(
            "the target database is at schema {version}, expected {LATEST_VERSION}"
        ))));
    }
    // Every table exactly once, with exactly this version's columns.
    for t in &file.tables {
        if !TABLES.contains(&t.name.as_str()) {
            return Err(ImportError::Invalid(format!("unknown table {:?}", t.name)));
        }
        if file.tables.iter().filter(|u| u.name == t.name).count() > 1 {
            return Err(ImportError::Invalid(format!(
                "table {} appears twice",
                t.name
            )));
        }
    }
    // (table, column names, checked rows)
    type Checked = (&'static str, Vec<String>, Vec<Vec<SqlValue>>);
    let mut checked: Vec<Checked> = Vec::new();
    for &table in TABLES {
        let dump = file
            .tables
            .iter()
            .find(|t| t.name == table)
            .ok_or_else(|| {
                ImportError::Invalid(format!("the file is incomplete: table {table} is missing"))
            })?;
        let cols = columns_of(conn, table)?;
        let names: Vec<String> = cols.iter().map(|c| c.name.clone()).collect();
        if dump.columns != names {
            return Err(ImportError::Invalid(format!(
                "table {table}: columns {:?} do not match this version's {:?}",
                dump.columns, names
            )));
        }
        let mut rows = Vec::with_capacity(dump.rows.len());
        for (i, row) in dump.rows.iter().enumerate() {
            if row.len() != cols.len() {
                return Err(ImportError::Invalid(format!(
                    "table {table}, {}: {} values, expected {}",
                    row_label(i + 1, &cols, row),
                    row.len(),
                    cols.len()
                )));
            }
            let mut vals = Vec::with_capacity(cols.len());
            for (c, v) in cols.iter().zip(row) {
                vals.push(check_value(c, v).map_err(|e| {
                    ImportError::Invalid(format!(
                        "table {table}, {}, field {}: {e}",
                        row_label(i + 1, &cols, row),
                        c.name
                    ))
                })?);
            }
            rows.push(vals);
        }
        checked.push((table, names, rows));
    }
    // IMMEDIATE: take the write lock now, so a board writing meanwhile makes us wait
    // (busy_timeout) instead of failing half-way on a stale read snapshot.
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(StoreError::from)?;
    // Checked inside the write transaction, so no other writer can slip rows in between.
    let existing = non_empty(&tx)?;
    if !existing.is_empty() {
        let what = existing
            .iter()
            .map(|(t, n)| format!("{t}: {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(ImportError::NotEmpty(what));
    }
    let mut summary = Vec::new();
    for (table, names, rows) in &checked {
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            quote_ident(table),
            names
                .iter()
                .map(|n| quote_ident(n))
                .collect::<Vec<_>>()
                .join(", "),
            (1..=names.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut stmt = tx.prepare(&sql).map_err(StoreError::from)?;
        for (i, row) in rows.iter().enumerate() {
            stmt.execute(rusqlite::params_from_iter(row.iter()))
                .map_err(|e| {
                    let id = names
                        .iter()
                        .position(|n| n == "id")
                        .map(|p| match &row[p] {
                            SqlValue::Integer(n) => format!(" (id {n})"),
                            other => format!(" (id {other:?})"),
                        })
                        .unwrap_or_default();
                    match StoreError::from(e) {
                        StoreError::Sqlite(msg) => {
                            ImportError::Invalid(format!("table {table}, row {}{id}: {msg}", i + 1))
                        }
                        other => ImportError::Store(other),
                    }
                })?;
        }
        summary.push((table.to_string(), rows.len()));
    }
    tx.commit().map_err(StoreError::from)?;
    Ok(ImportSummary { rows: summary })
}

/// The columns of [`stays_csv`], in order.
pub const STAYS_CSV_HEADER: &[&str] = &[
    "id",
    "name",
    "initials",
    "target_group",
    "admitted",
    "planned_discharge",
    "status",
    "discharged_on",
    "discharge_outcome",
    "primary_contact",
    "goals_achieved",
    "goals_total",
    "assessment_done",
    "gp_booked_for",
    "gp_done_on",
    "medication_status",
    "medication_done_on",
    "risks",
    "open_follow_ups",
];

/// The stays as CSV for spreadsheets: a header and one row per stay (every status), keys as
/// stored (e.g. `from_hospital`), dates as ISO `2026-11-25`, risks joined with `; `. Goals
/// total leaves out dropped goals (as the board counts them).
pub fn stays_csv(stays: &[crate::domain::Stay]) -> String {
    use crate::domain::GoalStatus;
    let d = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut out = crate::csv::Sheet::new();
    out.row(STAYS_CSV_HEADER);
    for s in stays {
        let achieved = s
            .goals
            .iter()
            .filter(|g| g.status == GoalStatus::Achieved)
            .count();
        let total = s
            .goals
            .iter()
            .filter(|g| g.status != GoalStatus::Dropped)
            .count();
        let open = s.follow_ups.iter().filter(|f| f.done_on.is_none()).count();
        out.row(&[
            s.id.to_string(),
            s.name.clone(),
            s.initials.clone(),
            s.target_group.clone(),
            s.admitted.to_string(),
            s.planned_discharge.to_string(),
            s.status.as_str().to_string(),
            d(s.discharged_on),
            s.discharge_outcome.clone().unwrap_or_default(),
            s.primary_contact.clone(),
            achieved.to_string(),
            total.to_string(),
            d(s.assessment_done),
            d(s.gp.booked_for),
            d(s.gp.done_on),
            s.med_status.as_str().to_string(),
            d(s.med_done),
            s.risks.join("; "),
            open.to_string(),
        ]);
    }
    out.finish()
}

/// Import the export file at `file` into the database at `db`. An existing database must be
/// empty; a missing one is built in a temporary file beside it and renamed into place only
/// when the whole import succeeded, so a failed import never leaves a file behind.
pub fn import_file(db: &Path, file: &Path) -> Result<ImportSummary, ImportError> {
    let text = std::fs::read_to_string(file).map_err(|e| ImportError::Read {
        path: file.display().to_string(),
        reason: e.to_string(),
    })?;
    // Refuse a bad file before any database file is opened or created.
    parse(&text)?;
    if db.exists() {
        let mut conn = super::open_read_write(db)?;
        return import_json(&mut conn, &text);
    }
    let dir = match db.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => {
            std::fs::create_dir_all(d).map_err(|e| cannot_write(db, e))?;
            d.to_path_buf()
        }
        None => std::path::PathBuf::from("."),
    };
    // Copies left by an import or backup that was killed half-way go first.
    super::tempdb::sweep_stale(&dir);
    // Owner-only, named with this process's id; removed (with its sidecars) on any error.
    let tmp = super::tempdb::TempDb::create(&dir, "import").map_err(|e| cannot_write(db, e))?;
    let summary = {
        let mut conn = super::open_read_write(tmp.path())?;
        let s = import_json(&mut conn, &text);
        conn.close().map_err(|(_, e)| StoreError::from(e))?;
        s?
    };
    tmp.persist(db, false).map_err(|e| cannot_write(db, e))?;
    Ok(summary)
}

fn cannot_write(db: &Path, e: impl ToString) -> ImportError {
    ImportError::Store(StoreError::CannotOpen {
        path: db.into(),
        reason: e.to_string(),
    })
}
