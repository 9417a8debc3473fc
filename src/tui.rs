//! The terminal runtime: owns the terminal, runs the event loop, and feeds actions to the app.
//! Events (key, tick, db-changed, config-changed, signal) → actions → state → render.

use crate::app::{Action, App, Mode, keys};
use crate::clock::Clock;
use crate::config::{self, Config};
use crate::session::{self, Editor};
use crate::store::identity::{FileIdentity, lock_holder};
use crate::store::wake::{DbWake, Hint};
use crate::store::{self, StoreError, poll::ChangeDetector};
use crossterm::event::{Event, EventStream, KeyEventKind};
use futures::StreamExt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

/// How long a save may take before the board says it is waiting, and how often it updates.
const SAVE_WATCH: Duration = Duration::from_millis(250);

/// How often the database is checked when no file-system event came (events can be lost,
/// and some file systems have none). Also how often the file's identity is checked.
pub const DB_FALLBACK: Duration = Duration::from_secs(1);

/// How often the database is checked when its folder cannot be watched at all (e.g. no
/// inotify instance left: `fs.inotify.max_user_instances`).
pub const DB_POLL_UNWATCHED: Duration = Duration::from_millis(100);

/// After a hint that found no change yet, look again after these pauses (doubling, half a
/// second in all): a commit's pages reach `-wal` (the event) a moment *before* SQLite
/// publishes the commit in `-shm`, and on a busy machine the writer may be paused in
/// between. Measured here: a third of the commits were first seen by one of these looks.
/// Each look is one `PRAGMA data_version` (microseconds).
const SETTLE: [Duration; 9] = [
    Duration::from_millis(1),
    Duration::from_millis(2),
    Duration::from_millis(4),
    Duration::from_millis(8),
    Duration::from_millis(16),
    Duration::from_millis(32),
    Duration::from_millis(64),
    Duration::from_millis(128),
    Duration::from_millis(256),
];

/// How long a board that must stop waits for a save under way (the writer itself gives up
/// after [`session::WRITE_WAIT`]).
const QUIT_GRACE: Duration = Duration::from_secs(20);

/// At most this many queued actions are applied between two looks at keys and signals.
const DRAIN_MAX: usize = 256;

/// Everything needed to run a board.
pub struct Options {
    pub mode: Mode,
    pub db: PathBuf,
    pub config: Config,
    /// A config error found at start-up (the board then runs on the defaults).
    pub config_error: Option<crate::config::ConfigError>,
    /// The file to watch for config changes.
    pub config_path: PathBuf,
    pub clock: Arc<dyn Clock>,
}

/// How the follower learns of changes (tests set a very long fallback to show that the
/// wake-up, not the timer, brings a commit; or no watch, to test the timer alone).
#[derive(Debug, Clone, Copy)]
pub struct Follow {
    /// Check this often even without an event.
    pub fallback: Duration,
    /// Watch the database's folder (`false`: as on a file system without events).
    pub watch: bool,
}

impl Default for Follow {
    fn default() -> Self {
        Follow {
            fallback: DB_FALLBACK,
            watch: true,
        }
    }
}

/// Spawn a thread that reloads the board whenever another connection commits, and sends the
/// result. It stops when the receiver is dropped.
///
/// It sleeps until a file-system event on the database's files hints at a change
/// ([`store::wake`]), then asks SQLite (`PRAGMA data_version`) and reloads only if another
/// connection committed; it also checks every second ([`DB_FALLBACK`]) for anything events
/// missed. At each of those checks and on every create/remove/rename event it also checks
/// that the path still names the file it opened, with its `-wal`. When not (the file was
/// replaced, moved or deleted, or the WAL unlinked by someone), it opens the file now at
/// the path and shows that, and sends [`Action::DbReplaced`] so an editing board stops
/// saving into a file nobody else sees.
pub fn spawn_db_follower(db: PathBuf, tx: mpsc::UnboundedSender<Action>) -> Result<(), StoreError> {
    spawn_follower(db, tx, Follow::default(), false)
}

/// [`spawn_db_follower`] for the editing board: after the stays it also sends the
/// referrals (the queue and the capacity forecast). A kiosk never loads them.
pub fn spawn_editing_follower(
    db: PathBuf,
    tx: mpsc::UnboundedSender<Action>,
) -> Result<(), StoreError> {
    spawn_follower(db, tx, Follow::default(), true)
}

/// [`spawn_db_follower`] with the wake-up set by `follow`.
pub fn spawn_db_follower_with(
    db: PathBuf,
    tx: mpsc::UnboundedSender<Action>,
    follow: Follow,
) -> Result<(), StoreError> {
    spawn_follower(db, tx, follow, false)
}

fn spawn_follower(
    db: PathBuf,
    tx: mpsc::UnboundedSender<Action>,
    follow: Follow,
    referrals: bool,
) -> Result<(), StoreError> {
    let mut conn = store::open_read_only(&db)?;
    let mut detector = ChangeDetector::new(&conn)?;
    let mut identity = FileIdentity::of(&db);
    let new_wake = move |db: &std::path::Path| {
        if follow.watch {
            DbWake::new(db)
        } else {
            DbWake::inactive(db)
        }
    };
    // Watch first, then read: a commit after `detector` was made is either seen by it or
    // raises an event (the watch is set up before the thread's first wait).
    let mut wake = new_wake(&db);
    std::thread::Builder::new()
        .name("db-follower".into())
        .spawn(move || {
            let mut settle: Option<usize> = None;
            let mut last_identity = Instant::now();
            let mut announced = false;
            loop {
                let fallback = if wake.active() {
                    follow.fallback
                } else {
                    follow.fallback.min(DB_POLL_UNWATCHED)
                };
                let timeout = settle.map_or(fallback, |i| SETTLE[i]);
                let hint = wake.wait(timeout);
                if tx.is_closed() {
                    return;
                }
                let timer = hint.is_none() && settle.is_none();
                let look = timer
                    || hint == Some(Hint::Structure)
                    || last_identity.elapsed() >= DB_FALLBACK;
                let replaced = look && {
                    last_identity = Instant::now();
                    identity.as_ref().is_some_and(|i| !i.still_same())
                };
                if replaced {
                    // Said once per replacement: while nothing can be opened at the path
                    // the follower keeps looking at the fallback pace, quietly.
                    if !announced {
                        announced = true;
                        if tx.send(Action::DbReplaced).is_err() {
                            return;
                        }
                    }
                    let Ok(fresh) = store::open_read_only(&db) else {
                        continue;
                    };
                    announced = false;
                    // The folder may have been replaced too: watch what is there now.
                    wake = new_wake(&db);
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
                settle = match (&changed, hint, settle) {
                    // A hint with nothing to see yet: look again shortly.
                    (Ok(false), Some(_), _) => Some(0),
                    (Ok(false), None, Some(i)) if i + 1 < SETTLE.len() => Some(i + 1),
                    _ => None,
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
                let loaded = matches!(action, Action::DataLoaded(_));
                if tx.send(action).is_err() {
                    return;
                }
                // The fagmøte plan marks the board (cases on the next meeting, measures due).
                if loaded
                    && let Ok(plan) = store::fagmote::load_plan(&conn)
                    && tx.send(Action::PlanLoaded(Box::new(plan))).is_err()
                {
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
    if let Ok(plan) = store::fagmote::load_plan(&conn) {
        app.update(Action::PlanLoaded(Box::new(plan)));
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
    let mut events = Some(EventStream::new());
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut dirty = true;
    let mut zone = app.config.time_zone.clone();
    // While a save waits for the database, say so (and on whom) a few times a second.
    let mut save_tick = tokio::time::interval(SAVE_WATCH);
    save_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut saving_since: Option<std::time::Instant> = None;
    let mut input_open = true;
    let mut input_error: Option<std::io::Error> = None;
    let mut quit_asked: Option<Instant> = None;
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
        if dirty && input_open {
            if let Err(e) = draw(terminal, app) {
                // The terminal is gone (a closed SSH session, a killed tmux): stop drawing
                // and quit as on an ended input, after a save under way.
                input_open = false;
                events = None;
                park_terminal_input();
                input_error.get_or_insert(std::io::Error::other(e.to_string()));
                if app.saving.is_some() {
                    quit_asked.get_or_insert_with(Instant::now);
                }
                session::dispatch(app, editor.as_deref_mut(), Action::Quit);
            }
            dirty = false;
        }
        if app.quit {
            return input_error.map_or(Ok(()), |e| Err(e.into()));
        }
        // A save that never answers (a hung file system) must not keep a board that was
        // told to stop, or lost its terminal, alive for ever.
        if quit_asked.is_some_and(|t| t.elapsed() > QUIT_GRACE) {
            return input_error.map_or(Ok(()), |e| Err(e.into()));
        }
        let action = tokio::select! {
            ev = next_event(&mut events), if input_open => match ev {
                Some(Ok(Event::Key(k))) if k.kind == KeyEventKind::Press => keys::action_for_key(app, k),
                Some(Ok(Event::Resize(w, h))) => Some(Action::Resize(w, h)),
                Some(Ok(Event::Paste(text))) => keys::action_for_paste(app, text),
                Some(Ok(_)) => None,
                Some(Err(e)) => {
                    // Same as an ended terminal, but the error is reported once a save
                    // under way has finished.
                    input_open = false;
                    input_error = Some(e);
                    Some(Action::Quit)
                }
                None => {
                    // The terminal is gone: polling an ended stream would return at once,
                    // forever (a spinning core while a save finishes first).
                    input_open = false;
                    Some(Action::Quit)
                }
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
            _ = hup.recv() => {
                // The terminal hung up: nothing more can be drawn or read.
                input_open = false;
                Some(Action::Quit)
            }
            _ = int.recv() => Some(Action::Quit),
        };
        if matches!(action, Some(Action::Quit)) && app.saving.is_some() {
            quit_asked.get_or_insert_with(Instant::now);
        }
        if !input_open && events.is_some() {
            events = None;
            park_terminal_input();
        }
        if let Some(a) = action {
            dirty |= session::dispatch(app, editor.as_deref_mut(), a);
        }
        // Apply what else is already queued before drawing once (coalesces bursts), but
        // never so much that keys and signals wait behind a sender that does not stop.
        for _ in 0..DRAIN_MAX {
            let Ok(a) = rx.try_recv() else { break };
            dirty |= session::dispatch(app, editor.as_deref_mut(), a);
        }
    }
}

/// Once the terminal is gone, crossterm's reader thread reads end-of-file from it in a loop
/// that never returns (100 % of a core while a save under way finishes). Standard input is
/// swapped for a pipe that never delivers anything, on which that read simply waits.
fn park_terminal_input() {
    let mut fds = [0; 2];
    // SAFETY: plain libc calls on descriptors this process owns; the pipe's write end is
    // left open on purpose, so its read end blocks instead of reporting end-of-file.
    unsafe {
        if libc::pipe(fds.as_mut_ptr()) == 0 {
            libc::dup2(fds[0], libc::STDIN_FILENO);
            libc::close(fds[0]);
        }
    }
}

/// The next terminal event; `None` once the stream was dropped (as when it ended).
async fn next_event(events: &mut Option<EventStream>) -> Option<std::io::Result<Event>> {
    events.as_mut()?.next().await
}

fn draw(terminal: &mut crate::ansi16::Terminal16, app: &App) -> anyhow::Result<()> {
    use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
    let _ = crossterm::execute!(std::io::stdout(), BeginSynchronizedUpdate);
    terminal.draw(|f| crate::ui::draw(f, app))?;
    let _ = crossterm::execute!(std::io::stdout(), EndSynchronizedUpdate);
    Ok(())
}
