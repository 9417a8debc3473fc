//! Hot reload: follow the config file by its path, whatever happens to the file or its folder.
//!
//! A watcher thread gets notify events from the config folder *and* its parent folder
//! (non-recursive, filtered by name), so it hears a file written in place, a file replaced by
//! rename (editors, `write tmp + rename`), and the folder itself being moved away, deleted or
//! replaced (`mv config config.old; mkdir config`, deploy tools). When the folder or its parent
//! is no longer the one watched (another device/inode, or gone), the watches are set up again
//! on whatever is at the path now. As a fallback for anything events miss (symlink swaps,
//! network filesystems, a full inotify queue), the file's stat signature is polled every
//! second. A report goes out only when what is at the path changed: new content (loaded or
//! refused), or the file gone.
//!
//! A valid save is applied at once: on an event the file is read and parsed straight away,
//! and if it parses it is reported then. Only a file that does not parse (or is missing) is
//! debounced: it may be half written (truncate, then write), or between the two steps of an
//! editor's save, so the watcher waits for quiet before saying it is broken — and a later
//! event that completes the file reports the good config at once instead.

use super::load::{ConfigError, load_file, parse};
use super::schema::Config;
use notify_debouncer_full::notify::{self, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::ffi::OsString;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What the config file at the watched path holds after a change on disk.
#[derive(Debug, Clone, PartialEq)]
pub enum Reloaded {
    /// A valid config: use it.
    Loaded(Box<Config>),
    /// The file is there but unusable: keep the last good config and show why.
    Error(ConfigError),
    /// No file at this path (deleted, or its folder moved away or deleted): keep the last
    /// good config and say so.
    Missing(PathBuf),
}

/// Quiet time after the last event before a file that does not parse (or is missing) is
/// reported as such.
const DEBOUNCE: Duration = Duration::from_millis(100);
/// A stream of events never delays that report longer than this.
const MAX_DELAY: Duration = Duration::from_millis(500);
/// How often the file's stat signature is checked when no event came.
const POLL: Duration = Duration::from_secs(1);

/// Keeps the watcher thread alive; dropping it stops watching.
pub struct ConfigWatcher {
    tx: mpsc::Sender<Msg>,
}

impl Drop for ConfigWatcher {
    fn drop(&mut self) {
        let _ = self.tx.send(Msg::Stop);
    }
}

enum Msg {
    Event(notify::Result<notify::Event>),
    Stop,
}

/// Start watching `path`. `on_change` receives a report each time what is at the path
/// changes (not for the state found at start). A missing file or folder at start is fine:
/// the watcher reports the file once it appears.
pub fn watch(
    path: &Path,
    on_change: impl Fn(Reloaded) + Send + 'static,
) -> Result<ConfigWatcher, String> {
    let (tx, rx) = mpsc::channel();
    let mut state = State::new(path, tx.clone(), Box::new(on_change))?;
    std::thread::Builder::new()
        .name("config-watch".into())
        .spawn(move || state.run(&rx))
        .map_err(|e| e.to_string())?;
    Ok(ConfigWatcher { tx })
}

/// What a look at the file came to.
enum Checked {
    /// Reported, or nothing new.
    Done,
    /// Something new that does not load (yet): wait for quiet before reporting it.
    Unsettled,
}

/// Device and inode: which folder or file is at a path right now.
type Id = (u64, u64);

/// Stat signature of the file: changes on any write, rename over, or replacement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sig {
    id: Id,
    size: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

/// What was at the path when last read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Seen {
    Missing,
    Bytes(Vec<u8>),
    Unreadable(std::io::ErrorKind),
}

struct State {
    /// The path as given (used in reports and messages).
    file: PathBuf,
    dir: PathBuf,
    parent: Option<PathBuf>,
    /// Names that make an event worth a look: the file, its folder, the folder's parent.
    names: Vec<OsString>,
    tx: mpsc::Sender<Msg>,
    on_change: Box<dyn Fn(Reloaded) + Send>,
    watcher: Option<RecommendedWatcher>,
    /// (parent, folder) identities the watches were set up on.
    ids: (Option<Id>, Option<Id>),
    sig: Option<Sig>,
    seen: Seen,
}

impl State {
    fn new(
        path: &Path,
        tx: mpsc::Sender<Msg>,
        on_change: Box<dyn Fn(Reloaded) + Send>,
    ) -> Result<Self, String> {
        let abs = std::path::absolute(path).map_err(|e| e.to_string())?;
        let dir = abs
            .parent()
            .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
        let parent = dir.parent().map(Path::to_path_buf);
        let names = [
            abs.file_name(),
            dir.file_name(),
            parent.as_deref().and_then(Path::file_name),
        ]
        .into_iter()
        .flatten()
        .map(|n| n.to_os_string())
        .collect();
        let mut st = Self {
            file: path.to_path_buf(),
            dir,
            parent,
            names,
            tx,
            on_change,
            watcher: None,
            ids: (None, None),
            sig: None,
            seen: Seen::Missing,
        };
        // Watches first, then the baseline: a change after this point is either in the
        // baseline or produces an event.
        st.ids = st.current_ids();
        st.rewatch();
        st.sig = signature(&st.file);
        st.seen = snapshot(&st.file);
        Ok(st)
    }

    fn run(&mut self, rx: &mpsc::Receiver<Msg>) {
        // First and last relevant event of the burst being debounced.
        let mut burst: Option<(Instant, Instant)> = None;
        let mut next_poll = Instant::now() + POLL;
        loop {
            let due = match burst {
                Some((first, last)) => (last + DEBOUNCE).min(first + MAX_DELAY).min(next_poll),
                None => next_poll,
            };
            match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(Msg::Stop) | Err(mpsc::RecvTimeoutError::Disconnected) => return,
                Ok(Msg::Event(ev)) => {
                    if self.relevant(&ev) {
                        // Take everything already queued with it: one read answers all.
                        while let Ok(m) = rx.try_recv() {
                            if matches!(m, Msg::Stop) {
                                return;
                            }
                        }
                        let now = Instant::now();
                        // A good config is reported now; anything else waits for quiet.
                        burst = match self.check(true, false) {
                            Checked::Done => None,
                            Checked::Unsettled => {
                                Some((burst.map_or(now, |(first, _)| first), now))
                            }
                        };
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
            // Checked after every message too, so a stream of unrelated events cannot
            // starve the debounce or the poll.
            let now = Instant::now();
            if let Some((first, last)) = burst
                && (now >= last + DEBOUNCE || now >= first + MAX_DELAY)
            {
                burst = None;
                self.check(true, true);
                next_poll = now + POLL;
            } else if now >= next_poll {
                self.check(false, true);
                next_poll = now + POLL;
            }
        }
    }

    /// An event about the file, its folder or the folder's parent (by name). Access events
    /// are left out: reading the file ourselves produces them.
    fn relevant(&self, ev: &notify::Result<notify::Event>) -> bool {
        match ev {
            // Lost events (e.g. a full queue): look.
            Err(_) => true,
            Ok(ev) => {
                !matches!(ev.kind, EventKind::Access(_))
                    && ev.paths.iter().any(|p| {
                        p.file_name()
                            .is_some_and(|n| self.names.iter().any(|m| m == n))
                    })
            }
        }
    }

    /// Look at what is at the path now and report it if it changed. `event`: something
    /// happened, so read the file even if its stat signature looks the same (two same-size
    /// writes within one timestamp tick). `settled`: report whatever is there; otherwise
    /// only a config that loads is reported, and anything else is [`Checked::Unsettled`]
    /// (not reported, not remembered as seen).
    fn check(&mut self, event: bool, settled: bool) -> Checked {
        let ids = self.current_ids();
        let moved = ids != self.ids;
        if moved {
            self.ids = ids;
            self.rewatch();
        }
        let sig = signature(&self.file);
        if !event && !moved && sig == self.sig {
            return Checked::Done;
        }
        let seen = snapshot(&self.file);
        if seen == self.seen {
            self.sig = sig;
            return Checked::Done;
        }
        let report = self.read(&seen);
        if !settled && !matches!(report, Reloaded::Loaded(_)) {
            return Checked::Unsettled;
        }
        self.sig = sig;
        self.seen = seen;
        (self.on_change)(report);
        Checked::Done
    }

    /// What `seen` (just read from the path) means.
    fn read(&self, seen: &Seen) -> Reloaded {
        match seen {
            Seen::Missing => Reloaded::Missing(self.file.clone()),
            Seen::Bytes(bytes) => match std::str::from_utf8(bytes) {
                Ok(text) => match parse(text, &self.file) {
                    Ok(c) => Reloaded::Loaded(Box::new(c)),
                    Err(e) => Reloaded::Error(e),
                },
                Err(_) => Reloaded::Error(ConfigError {
                    path: self.file.clone(),
                    line: 0,
                    column: 0,
                    problem: super::Problem::NotUtf8,
                }),
            },
            // Let the loader word the reason (permission denied, …).
            Seen::Unreadable(_) => match load_file(&self.file) {
                Ok(c) => Reloaded::Loaded(Box::new(c)),
                Err(e) => Reloaded::Error(e),
            },
        }
    }

    fn current_ids(&self) -> (Option<Id>, Option<Id>) {
        (self.parent.as_deref().and_then(id_of), id_of(&self.dir))
    }

    /// (Re)create the watches on whatever folder and parent are at their paths now. A
    /// fresh watcher each time: the old one may still follow a moved-away folder.
    fn rewatch(&mut self) {
        self.watcher = None;
        let tx = self.tx.clone();
        let Ok(mut w) = notify::recommended_watcher(move |ev| {
            let _ = tx.send(Msg::Event(ev));
        }) else {
            // No watcher (e.g. out of inotify instances): the poll still follows the file.
            return;
        };
        if let Some(p) = &self.parent {
            let _ = w.watch(p, RecursiveMode::NonRecursive);
        }
        let _ = w.watch(&self.dir, RecursiveMode::NonRecursive);
        self.watcher = Some(w);
    }
}

fn id_of(path: &Path) -> Option<Id> {
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

fn signature(path: &Path) -> Option<Sig> {
    let m = std::fs::metadata(path).ok()?;
    Some(Sig {
        id: (m.dev(), m.ino()),
        size: m.size(),
        mtime: (m.mtime(), m.mtime_nsec()),
        ctime: (m.ctime(), m.ctime_nsec()),
    })
}

fn snapshot(path: &Path) -> Seen {
    match std::fs::read(path) {
        Ok(bytes) => Seen::Bytes(bytes),
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            Seen::Missing
        }
        Err(e) => Seen::Unreadable(e.kind()),
    }
}
