//! The terminal runtime: owns the terminal, runs the event loop, and feeds actions to the app.
//! Events (key, tick, db-changed, config-changed, signal) → actions → state → render.

use crate::app::{Action, App, Mode, keys};
use crate::clock::Clock;
use crate::config::{self, Config};
use crate::session::{self, Editor};
use crate::store::identity::{FileIdentity, lock_holder};
use crate::store::{self, StoreError, poll::ChangeDetector};
use crossterm::event::{Event, EventStream, KeyEventKind};
use futures::StreamExt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// How long a save may take before the board says it is waiting, and how often it updates.
const SAVE_WATCH: Duration = Duration::from_millis(250);

/// How often the database is checked for other processes' commits.
pub const DB_POLL: Duration = Duration::from_millis(50);

/// Everything needed to run a board.
pub struct Options {
    pub mode: Mode,
    pub db: PathBuf,
    pub config: Config,
    /// A config error found at start-up (the board then runs on the defaults).
    pub config_error: Option<String>,
    /// The file to watch for config changes.
    pub config_path: PathBuf,
    pub clock: Arc<dyn Clock>,
}

/// How often the follower checks that the file at the path is still the one it opened.
const IDENTITY_EVERY: u32 = 20;

/// Spawn a thread that reloads the board whenever another connection commits, and sends the
/// result. It stops when the receiver is dropped.
///
/// About once a second it also checks that the path still names the file it opened, with
/// its `-wal`. When not (the file was replaced, moved or deleted, or the WAL unlinked by
/// someone), it opens the file now at the path and shows that, and sends
/// [`Action::DbReplaced`] so an editing board stops saving into a file nobody else sees.
pub fn spawn_db_follower(db: PathBuf, tx: mpsc::UnboundedSender<Action>) -> Result<(), StoreError> {
    spawn_follower(db, tx, false)
}

/// [`spawn_db_follower`] for the editing board: after the stays it also sends the
/// referrals (the queue and the capacity forecast). A kiosk never loads them.
pub fn spawn_editing_follower(
    db: PathBuf,
    tx: mpsc::UnboundedSender<Action>,
) -> Result<(), StoreError> {
    spawn_follower(db, tx, true)
}

fn spawn_follower(
    db: PathBuf,
    tx: mpsc::UnboundedSender<Action>,
    referrals: bool,
) -> Result<(), StoreError> {
    let mut conn = store::open_read_only(&db)?;
    let mut detector = ChangeDetector::new(&conn)?;
    let mut identity = FileIdentity::of(&db);
    std::thread::Builder::new()
        .name("db-follower".into())
        .spawn(move || {
            let mut polls = 0u32;
            loop {
                std::thread::sleep(DB_POLL);
                if tx.is_closed() {
                    return;
                }
                polls = polls.wrapping_add(1);
                let replaced = polls.is_multiple_of(IDENTITY_EVERY)
                    && identity.as_ref().is_some_and(|i| !i.still_same());
                if replaced {
                    if tx.send(Action::DbReplaced).is_err() {
                        return;
                    }
                    let Ok(fresh) = store::open_read_only(&db) else {
                        continue;
                    };
                    conn = fresh;
                    identity = FileIdentity::of(&db);
                    if let Ok(d) = ChangeDetector::new(&conn) {
                        detector = d;
                    }
                }
                // A file newly opened is shown whole, as after any other commit.
                let changed = if replaced {
                    Ok(true)
                } else {
                    detector.changed(&conn)
                };
                let action = match changed {
                    Ok(false) => continue,
                    Ok(true) => match store::load_active(&conn) {
                        Ok(stays) => {
                            if referrals
                                && let Ok(r) = store::referrals::load_referrals(&conn)
                                && tx.send(Action::ReferralsLoaded(r)).is_err()
                            {
                                return;
                            }
                            Action::DataLoaded(stays)
                        }
                        Err(e) => Action::DataError(e.to_string()),
                    },
                    Err(e) => Action::DataError(e.to_string()),
                };
                if tx.send(action).is_err() {
                    return;
                }
            }
        })
        .map_err(|e| StoreError::Sqlite(e.to_string()))?;
    Ok(())
}

/// Fail in one line, before anything is opened or created, when there is no terminal to
/// draw in (`ssh host tavle kiosk` without `-t`, output redirected).
pub fn require_terminal() -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the board needs a terminal to draw in, and this has none (output or input is redirected, or ssh was run without a terminal). Over SSH ask for one: ssh -t HOST. For data without a screen use `tavle export` or `tavle report`."
        );
    }
    Ok(())
}

/// Open the database, then run the board full screen until the user (or a signal) quits.
pub async fn run(mut opts: Options) -> anyhow::Result<()> {
    // `symbols: auto` becomes what this terminal can show (ASCII on a Linux console).
    opts.config.theme.symbols = opts.config.theme.symbols.for_terminal();
    // A database that is not there is not created for a board that cannot be shown; one
    // that is there is checked first, so a refusal names the file, terminal or not.
    if std::fs::metadata(&opts.db).is_err() {
        require_terminal()?;
    }
    // Everything that can fail for a plain reason fails here, before the screen is taken.
    let conn = match opts.mode {
        Mode::Edit => store::open_read_write(&opts.db)?,
        Mode::Kiosk => store::open_read_only(&opts.db)?,
    };
    let stays = store::load_active(&conn).map_err(|e| e.at(&opts.db))?;
    if opts.mode == Mode::Edit {
        // Copies left by a killed backup or import hold health data: never let them pile up.
        let dir = opts.db.parent().filter(|d| !d.as_os_str().is_empty());
        store::sweep_stale(dir.unwrap_or(std::path::Path::new(".")));
    }
    let (tx, mut rx) = mpsc::unbounded_channel::<Action>();
    let referrals = match opts.mode {
        Mode::Edit => {
            spawn_editing_follower(opts.db.clone(), tx.clone())?;
            Some(store::referrals::load_referrals(&conn).map_err(|e| e.at(&opts.db))?)
        }
        Mode::Kiosk => {
            spawn_db_follower(opts.db.clone(), tx.clone())?;
            None
        }
    };
    let cfg_tx = tx.clone();
    // A watcher that cannot start (e.g. no config folder) leaves the board on its config.
    let _watcher = config::watch::watch(&opts.config_path, move |r| {
        let r = match r {
            config::watch::Reloaded::Loaded(mut c) => {
                c.theme.symbols = c.theme.symbols.for_terminal();
                config::watch::Reloaded::Loaded(c)
            }
            other => other,
        };
        let _ = cfg_tx.send(Action::ConfigReloaded(Box::new(r)));
    })
    .ok();

    require_terminal()?;
    let mut terminal = crate::ansi16::init()?;
    // Pasted text arrives as one event, so a newline in it cannot press Enter in a form.
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
    let size = terminal
        .size()
        .map(|s| (s.width, s.height))
        .unwrap_or((80, 24));
    let user = store::write::editor_name(opts.config.user.as_deref());
    let mut app = App::new(opts.mode, opts.config, stays, opts.clock.now(), size);
    app.config_error = opts.config_error;
    app.network_fs = store::network_fs(&opts.db);
    if let Some(r) = referrals {
        app.update(Action::ReferralsLoaded(r));
    }
    // Only the editing board holds a connection that can write.
    let mut editor = match opts.mode {
        Mode::Edit => Some(Editor::spawn(
            conn,
            &opts.db,
            user,
            opts.clock.clone(),
            tx.clone(),
        )?),
        Mode::Kiosk => {
            drop(conn);
            None
        }
    };
    let result = event_loop(
        &mut terminal,
        &mut app,
        editor.as_mut(),
        &mut rx,
        opts.clock.as_ref(),
        &opts.db,
    )
    .await;
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::restore();
    result
}

async fn event_loop(
    terminal: &mut crate::ansi16::Terminal16,
    app: &mut App,
    mut editor: Option<&mut Editor>,
    rx: &mut mpsc::UnboundedReceiver<Action>,
    clock: &dyn Clock,
    db: &std::path::Path,
) -> anyhow::Result<()> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate())?;
    let mut hup = signal(SignalKind::hangup())?;
    let mut int = signal(SignalKind::interrupt())?;
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut dirty = true;
    let mut zone = app.config.time_zone.clone();
    // While a save waits for the database, say so (and on whom) a few times a second.
    let mut save_tick = tokio::time::interval(SAVE_WATCH);
    save_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut saving_since: Option<std::time::Instant> = None;
    loop {
        saving_since = match (&app.saving, saving_since) {
            (Some(_), None) => Some(std::time::Instant::now()),
            (Some(_), since) => since,
            (None, _) => None,
        };
        // A reloaded config may move the ward to another time zone: the clock follows.
        if app.config.time_zone != zone {
            zone = app.config.time_zone.clone();
            clock.set_zone(&zone);
            dirty |= session::dispatch(app, editor.as_deref_mut(), Action::Tick(clock.now()));
        }
        if dirty {
            draw(terminal, app)?;
            dirty = false;
        }
        if app.quit {
            return Ok(());
        }
        let action = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(Event::Key(k))) if k.kind == KeyEventKind::Press => keys::action_for_key(app, k),
                Some(Ok(Event::Resize(w, h))) => Some(Action::Resize(w, h)),
                Some(Ok(Event::Paste(text))) => keys::action_for_paste(app, text),
                Some(Ok(_)) => None,
                Some(Err(e)) => return Err(e.into()),
                None => Some(Action::Quit),
            },
            _ = tick.tick() => Some(Action::Tick(clock.now())),
            Some(a) = rx.recv() => Some(a),
            _ = save_tick.tick(), if saving_since.is_some() => {
                let waited = saving_since.map(|t| t.elapsed()).unwrap_or_default();
                (waited >= SAVE_WATCH).then(|| Action::SaveWaiting {
                    secs: waited.as_secs(),
                    holder: lock_holder(db),
                })
            }
            _ = term.recv() => Some(Action::Quit),
            _ = hup.recv() => Some(Action::Quit),
            _ = int.recv() => Some(Action::Quit),
        };
        if let Some(a) = action {
            dirty |= session::dispatch(app, editor.as_deref_mut(), a);
        }
        // Apply everything else already queued before drawing once (coalesces bursts).
        while let Ok(a) = rx.try_recv() {
            dirty |= session::dispatch(app, editor.as_deref_mut(), a);
        }
    }
}

fn draw(terminal: &mut crate::ansi16::Terminal16, app: &App) -> anyhow::Result<()> {
    use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
    let _ = crossterm::execute!(std::io::stdout(), BeginSynchronizedUpdate);
    terminal.draw(|f| crate::ui::draw(f, app))?;
    let _ = crossterm::execute!(std::io::stdout(), EndSynchronizedUpdate);
    Ok(())
}
