//! Command line entry point.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use tavle::app::Mode;
use tavle::clock::{Clock, SystemClock};
use tavle::config;
use tavle::store;

/// Full-screen board for the daily stand-up of a home-care virtual ward.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// Database file [default: $TAVLE_DB, else ~/.local/share/tavle/tavle.db].
    /// `report` takes several, one per ward (`--db a.db --db b.db`, or `--db NAME=PATH`).
    #[arg(long, global = true, value_name = "PATH")]
    db: Vec<PathBuf>,
    /// Config file [default: config/tavle.json if present, else built-in defaults].
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Fill a fresh demo database with realistic stays and show it.
    #[arg(long)]
    demo: bool,
    /// Read-only kiosk display (same as the `kiosk` subcommand).
    #[arg(long)]
    kiosk: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

impl Cli {
    /// The one database of every command but `report` (the last `--db` given).
    fn db(&self) -> Option<PathBuf> {
        self.db.last().cloned()
    }
}

#[derive(Subcommand)]
enum Command {
    /// Show the board read-only, for corridor and staff-room screens.
    Kiosk {
        /// Show the demo ward read-only (as `tavle --kiosk --demo`).
        #[arg(long)]
        demo: bool,
    },
    /// Fill a fresh demo database and show it (same as --demo).
    Demo,
    /// Measure commit → visible and config → visible latency, idle CPU and memory.
    /// A developer's tool: hidden from `--help`, still runs.
    #[command(hide = true)]
    BenchLive {
        /// Number of board processes on one database.
        #[arg(long, default_value_t = 1)]
        boards: usize,
        /// Number of commits to time.
        #[arg(long, default_value_t = 200)]
        commits: u64,
        /// Milliseconds between commits: `MIN-MAX` for a uniformly random (jittered) gap,
        /// which a board's poll cannot phase-lock with, or one number for a fixed gap.
        #[arg(long, default_value = "50-250")]
        interval_ms: String,
        /// Number of config saves to time.
        #[arg(long, default_value_t = 20)]
        config_saves: u64,
        /// Seconds to watch an idle board for CPU and memory (0 = skip).
        #[arg(long, default_value_t = 60)]
        idle_secs: u64,
    },
    /// A board without a terminal that reports what it draws (used by bench-live).
    #[command(hide = true)]
    Headless,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to standard output.
    #[command(hide = true)]
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output: `tavle man | man -l -`.
    #[command(hide = true)]
    Man,
    /// Print the built-in default config as JSON (a complete, valid starting file).
    DefaultConfig,
    /// Validate a config file; exits non-zero with the error.
    CheckConfig {
        /// The file to check [default: config/tavle.json].
        path: Option<PathBuf>,
    },
    /// Write the database out: everything as JSON (for import), or the stays as CSV.
    Export {
        /// `json`: every table, for `tavle import`; `csv`: one row per stay, for spreadsheets.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to this file instead of standard output (created readable by you only).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Read a JSON export into an empty (or new) database, all or nothing.
    Import {
        /// The file written by `tavle export --format json`.
        file: PathBuf,
    },
    /// Copy the database consistently while boards keep running (SQLite online backup).
    #[command(group(clap::ArgGroup::new("dest").required(true).args(["file", "to"])))]
    Backup {
        /// Where to write the copy.
        file: Option<PathBuf>,
        /// Overwrite FILE if it exists.
        #[arg(long)]
        force: bool,
        /// Write a dated copy DIR/<ward>-YYYY-MM-DD.db instead (today's is replaced), then remove
        /// this ward's older dated copies that --keep-daily and --keep-weekly do not keep.
        #[arg(long, value_name = "DIR", conflicts_with_all = ["file", "force"])]
        to: Option<PathBuf>,
        /// With --to: keep the newest copy of each of the newest N days [default: 7].
        #[arg(long, value_name = "N", requires = "to",
              value_parser = clap::value_parser!(u16).range(1..))]
        keep_daily: Option<u16>,
        /// With --to: also keep the newest copy of each of the newest M ISO weeks [default: 8].
        #[arg(long, value_name = "M", requires = "to")]
        keep_weekly: Option<u16>,
    },
    /// Process and outcome indicators for a period (definitions in the README).
    Report {
        /// First day [default: Monday 11 weeks before the week of --to: 12 ISO weeks].
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day, included [default: today; a later date counts as today].
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// `table` for the terminal, `json`, or `csv` with one figure per row.
        #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    Json,
    Csv,
}

fn main() -> ExitCode {
    quiet_panics();
    let cli = Cli::parse();
    match real_main(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("tavle: {e}");
            ExitCode::FAILURE
        }
    }
}

fn real_main(cli: Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut cmd, "tavle", &mut std::io::stdout());
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Man) => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd).render(&mut std::io::stdout())?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    if cli.db.len() > 1 && !matches!(cli.command, Some(Command::Report { .. })) {
        eprintln!(
            "tavle: only `tavle report` takes several --db (one per ward); the board and the other commands work on one database"
        );
        return Ok(ExitCode::from(2));
    }
    if let Some(Command::DefaultConfig) = &cli.command {
        println!(
            "{}",
            serde_json::to_string_pretty(&config::Config::default())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(Command::CheckConfig { path }) = &cli.command {
        let p = path
            .clone()
            .unwrap_or_else(|| PathBuf::from(config::DEFAULT_PATH));
        return Ok(match config::load_file(&p) {
            Ok(_) => {
                println!("{}: ok", p.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        });
    }
    if let Some(code) = data_command(&cli)? {
        return Ok(code);
    }
    let (cfg, config_path, config_error) = match config::load_or_default(cli.config.as_deref()) {
        Ok((c, p)) => (c, p, None),
        Err(e) if cli.config.is_some() && e.line == 0 => return Err(e.into()),
        Err(e) => {
            let p = e.path.clone();
            (config::Config::default(), p, Some(e))
        }
    };
    let clock: Arc<dyn Clock> = Arc::new(match std::env::var("TAVLE_NOW") {
        // Run as if it were that local time (tests of the real binary, demonstrations).
        Ok(v) if !v.is_empty() => match v.parse::<jiff::civil::DateTime>() {
            Ok(start) => SystemClock::starting_at(&cfg.time_zone, start),
            Err(_) => anyhow::bail!(
                "TAVLE_NOW={v:?} is not a local date and time like 2026-11-25T09:05; unset it to use the real clock"
            ),
        },
        _ => SystemClock::new(&cfg.time_zone),
    });
    if let Some(Command::Backup {
        to: Some(dir),
        keep_daily,
        keep_weekly,
        ..
    }) = &cli.command
    {
        if let Some(e) = &config_error {
            eprintln!("tavle: warning: the config file has an error, using the defaults: {e}");
        }
        return dated_backup(
            &cli.db().unwrap_or_else(store::default_db_path),
            dir,
            clock.today(),
            store::rotation::Keep {
                daily: usize::from(keep_daily.unwrap_or(7)),
                weekly: usize::from(keep_weekly.unwrap_or(8)),
            },
        );
    }
    if let Some(Command::Report { from, to, format }) = &cli.command {
        if let Some(e) = &config_error {
            eprintln!("tavle: warning: the config file has an error, using the defaults: {e}");
        }
        let (from, to) = match tavle::report::period(from.as_deref(), to.as_deref(), clock.today())
        {
            Ok(p) => p,
            Err(e) => {
                eprintln!("tavle: {e}");
                return Ok(ExitCode::from(2));
            }
        };
        let text = match report_text(&cli.db, &cfg, from, to, *format) {
            Ok(t) => t,
            Err(ReportError::Usage(e)) => {
                eprintln!("tavle: {e}");
                return Ok(ExitCode::from(2));
            }
            Err(ReportError::Other(e)) => return Err(e),
        };
        write_output(None, &text)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(Command::BenchLive {
        boards,
        commits,
        interval_ms,
        config_saves,
        idle_secs,
    }) = &cli.command
    {
        tavle::bench_live::run(&tavle::bench_live::Plan {
            boards: *boards,
            commits: *commits,
            interval: tavle::bench_live::parse_interval(interval_ms).map_err(anyhow::Error::msg)?,
            config_saves: *config_saves,
            idle: std::time::Duration::from_secs(*idle_secs),
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(Command::Headless) = &cli.command {
        let db = cli.db().unwrap_or_else(store::default_db_path);
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        rt.block_on(tavle::headless::run(db, cfg, config_path, clock))?;
        return Ok(ExitCode::SUCCESS);
    }
    let kiosk = cli.kiosk || matches!(cli.command, Some(Command::Kiosk { .. }));
    let demo = cli.demo
        || matches!(
            cli.command,
            Some(Command::Demo | Command::Kiosk { demo: true })
        );
    if demo {
        // The demo file is not created for a board that cannot be shown.
        tavle::tui::require_terminal()?;
    }
    let db = if demo {
        let path = cli
            .db()
            .unwrap_or_else(|| store::open::data_dir().join("demo.db"));
        // A kiosk never writes: on a demo another board is showing (`tavle --demo` in the
        // next terminal) it follows that board live; only a missing demo is created.
        if !(kiosk && has_stays(&path)) {
            prepare_demo(&path, cli.db.is_empty(), clock.as_ref(), &cfg)?;
        }
        path
    } else {
        cli.db().unwrap_or_else(store::default_db_path)
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(tavle::tui::run(tavle::tui::Options {
        mode: if kiosk { Mode::Kiosk } else { Mode::Edit },
        db,
        config: cfg,
        config_error,
        config_path,
        clock,
    }))?;
    Ok(ExitCode::SUCCESS)
}

enum ReportError {
    /// A mistake on the command line (exit code 2).
    Usage(String),
    Other(anyhow::Error),
}

impl<E: Into<anyhow::Error>> From<E> for ReportError {
    fn from(e: E) -> Self {
        ReportError::Other(e.into())
    }
}

/// `tavle report`: one database as before, or several (one per ward) reported per ward and
/// in total (see `tavle::report::wards`).
fn report_text(
    dbs: &[PathBuf],
    cfg: &config::Config,
    from: jiff::civil::Date,
    to: jiff::civil::Date,
    format: ReportFormat,
) -> Result<String, ReportError> {
    use tavle::report::{render, wards};
    let label = |key: &str| config::Config::label_of(&cfg.discharge_outcomes, key, cfg.language);
    if dbs.len() <= 1 {
        let db = dbs.last().cloned().unwrap_or_else(store::default_db_path);
        warn_network_fs(&db);
        let conn = store::open_read_only(&db)?;
        let report = wards::ward_report(&conn, cfg, from, to).map_err(|e| e.at(&db))?;
        return Ok(match format {
            ReportFormat::Table => render::table(&report, cfg.language, &label),
            ReportFormat::Json => render::json(&report),
            ReportFormat::Csv => render::csv(&report),
        });
    }
    let list = wards::wards(dbs).map_err(ReportError::Usage)?;
    let mut conns = Vec::new();
    let mut reports = Vec::new();
    for w in &list {
        warn_network_fs(&w.path);
        let conn = store::open_read_only(&w.path)?;
        reports.push(wards::ward_report(&conn, cfg, from, to).map_err(|e| e.at(&w.path))?);
        conns.push(conn);
    }
    let total = wards::total_report(&conns.iter().collect::<Vec<_>>(), cfg, from, to)?;
    let named: Vec<(&str, &tavle::report::Report)> =
        list.iter().map(|w| w.name.as_str()).zip(&reports).collect();
    Ok(match format {
        ReportFormat::Table => render::table_wards(&named, &total, cfg.language, &label),
        ReportFormat::Json => render::json_wards(&named, &total),
        ReportFormat::Csv => render::csv_wards(&named, &total),
    })
}

/// Whether `path` is a tavle database with stays in it (read only; any failure is `false`).
fn has_stays(path: &std::path::Path) -> bool {
    store::open_read_only(path)
        .ok()
        .and_then(|c| {
            c.query_row("SELECT count(*) FROM stays", [], |r| r.get::<_, i64>(0))
                .ok()
        })
        .is_some_and(|n| n > 0)
}

/// Create a fresh demo database at `path`. The default demo file is replaced each time;
/// a path the user named is only filled when it holds no stays yet.
fn prepare_demo(
    path: &std::path::Path,
    replace: bool,
    clock: &dyn Clock,
    cfg: &config::Config,
) -> anyhow::Result<()> {
    if replace {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(store::open::side_file(path, suffix));
        }
    }
    let mut conn = store::open_read_write(path)?;
    let n: i64 = conn.query_row("SELECT count(*) FROM stays", [], |r| r.get(0))?;
    if n > 0 {
        anyhow::bail!(
            "{} already holds {n} stays; the demo only fills an empty database. Pick another --db path, or leave --db out to use the built-in demo file.",
            path.display()
        );
    }
    store::demo::seed_demo(&mut conn, clock.today(), clock.unix_now(), &cfg.rules())?;
    Ok(())
}

/// A bug must never put a backtrace on the ward's screen: say what happened in one line
/// (the terminal is restored by ratatui's hook, which runs before this one).
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "tavle stopped because of an internal error: {what}{at}. Every saved change is in the database; start tavle again."
        );
    }));
}

/// One line on standard error when the database sits on NFS, CIFS, sshfs… (the board shows
/// the same as a banner).
fn warn_network_fs(db: &std::path::Path) {
    if let Some(n) = store::network_fs(db) {
        eprintln!("tavle: {}", n.warning(db));
    }
}

/// Export, import and backup: they need only the database, not the config.
fn data_command(cli: &Cli) -> anyhow::Result<Option<ExitCode>> {
    let db = || cli.db().unwrap_or_else(store::default_db_path);
    if matches!(
        cli.command,
        Some(Command::Export { .. } | Command::Import { .. } | Command::Backup { .. })
    ) {
        warn_network_fs(&db());
    }
    match &cli.command {
        Some(Command::Export { format, out }) => {
            let conn = store::open_read_only(&db())?;
            let text = match format {
                ExportFormat::Json => store::export::export_json(&conn).map_err(|e| e.at(&db()))?,
                ExportFormat::Csv => {
                    store::export::stays_csv(&store::load_all(&conn).map_err(|e| e.at(&db()))?)
                }
            };
            write_output(out.as_deref(), &text)?;
        }
        Some(Command::Import { file }) => {
            let db = db();
            // Ctrl-C or a kill removes the half-built database (see store::tempdb).
            store::tempdb::remove_on_signals()?;
            let summary = store::export::import_file(&db, file)?;
            let stays = summary.count("stays");
            let total: usize = summary.rows.iter().map(|(_, n)| n).sum();
            eprintln!(
                "imported {stays} stays ({total} rows in all) into {}",
                db.display()
            );
        }
        Some(Command::Backup {
            file: Some(file),
            force,
            keep_daily,
            keep_weekly,
            ..
        }) => {
            if keep_daily.is_some() || keep_weekly.is_some() {
                eprintln!(
                    "tavle: --keep-daily and --keep-weekly rotate dated copies: use them with --to DIR, not with a FILE"
                );
                return Ok(Some(ExitCode::from(2)));
            }
            store::tempdb::remove_on_signals()?;
            let info = store::backup::backup(&db(), file, *force)?;
            eprintln!(
                "backup written to {} ({} stays, {} pages, integrity ok)",
                file.display(),
                info.stays,
                info.pages
            );
        }
        _ => return Ok(None),
    }
    Ok(Some(ExitCode::SUCCESS))
}

/// `tavle backup --to DIR`: today's dated copy, then the rotation; one line says what was
/// written and what was removed.
fn dated_backup(
    db: &std::path::Path,
    dir: &std::path::Path,
    today: jiff::civil::Date,
    keep: store::rotation::Keep,
) -> anyhow::Result<ExitCode> {
    store::tempdb::remove_on_signals()?;
    let r = store::backup::backup_rotated(db, dir, today, keep)?;
    let names = |v: &[std::path::PathBuf]| {
        v.iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let removed = if r.removed.is_empty() {
        String::new()
    } else {
        format!("; removed {} older: {}", r.removed.len(), names(&r.removed))
    };
    eprintln!(
        "backup written to {} ({} stays, {} pages, integrity ok){removed}",
        r.file.display(),
        r.info.stays,
        r.info.pages
    );
    for (p, why) in &r.not_removed {
        eprintln!(
            "tavle: warning: could not remove the old backup {}: {why}",
            p.display()
        );
    }
    Ok(if r.not_removed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Write `text` to standard output, or to `out` through a temporary file renamed into place
/// (so a failed write never leaves half a file; the file is readable by its owner only).
fn write_output(out: Option<&std::path::Path>, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    match out {
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()?;
        }
        Some(path) => {
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let write = || -> std::io::Result<()> {
                let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
                tmp.write_all(text.as_bytes())?;
                tmp.as_file().sync_all()?;
                tmp.persist(path).map_err(|e| e.error)?;
                Ok(())
            };
            write().map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(())
}
