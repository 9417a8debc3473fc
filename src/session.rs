//! The glue between the app and the store for the editing board: performs the writes and
//! history loads the app requested, and feeds the results back as actions. The terminal
//! runtime and the tests drive keys through the same [`Session::key`].
//!
//! The terminal runtime performs requests on a writer thread ([`Editor::spawn`]): a write can
//! wait seconds for another process's lock, and the board must keep drawing and answering
//! keys meanwhile. Tests use [`Editor::new`], which performs them at once, in order.

use crate::app::{Action, App, MeetingOp, Request, keys};
use crate::clock::Clock;
use crate::store::identity::FileIdentity;
use crate::store::write::{self, Failure, WriteError};
use crate::store::{self, StoreError, meetings};
use crossterm::event::KeyEvent;
use jiff::civil::Date;
use rusqlite::Connection;
use std::sync::Arc;
use tokio::sync::mpsc::UnboundedSender;

/// How long a save waits for another process's write lock before reporting failure.
pub const WRITE_WAIT: std::time::Duration = std::time::Duration::from_secs(15);

/// How many history rows the detail pane shows.
pub const HISTORY_ROWS: usize = 200;

/// The writing connection and who writes through it.
struct Writer {
    conn: Connection,
    user: String,
    clock: Arc<dyn Clock>,
    /// The file the connection opened; a write into a replaced file is refused.
    identity: Option<FileIdentity>,
}

enum Backend {
    /// Requests are performed at once, in the caller's thread.
    Inline(Box<Writer>),
    /// Requests go to the writer thread; results come back on the runtime's channel.
    Thread(std::sync::mpsc::Sender<(Request, Date)>),
}

/// The editing board's access to the database.
pub struct Editor {
    backend: Backend,
    user: String,
}

impl Editor {
    /// Write through `conn` as `user`, stamping changes with `clock`, in the caller's thread.
    pub fn new(conn: Connection, user: String, clock: Arc<dyn Clock>) -> Self {
        Self {
            backend: Backend::Inline(Box::new(Writer {
                conn,
                user: user.clone(),
                clock,
                identity: None,
            })),
            user,
        }
    }

    /// Write through `conn` on a thread of its own; each result is sent to `results` as an
    /// action. Before each write the file at `db` must still be the one `conn` opened.
    pub fn spawn(
        conn: Connection,
        db: &std::path::Path,
        user: String,
        clock: Arc<dyn Clock>,
        results: UnboundedSender<Action>,
    ) -> std::io::Result<Self> {
        // Off the UI thread a longer wait costs nothing: the board keeps answering and shows
        // who holds the lock; most outside holders (a backup, a DB browser) finish in time.
        let _ = conn.busy_timeout(WRITE_WAIT);
        let mut w = Writer {
            conn,
            user: user.clone(),
            clock,
            identity: FileIdentity::of(db),
        };
        let (tx, rx) = std::sync::mpsc::channel::<(Request, Date)>();
        std::thread::Builder::new()
            .name("db-writer".into())
            .spawn(move || {
                // Ends when the board drops its sender; a write under way finishes first.
                while let Ok((req, today)) = rx.recv() {
                    if let Some(a) = w.perform(req, today)
                        && results.send(a).is_err()
                    {
                        return;
                    }
                }
            })?;
        Ok(Self {
            backend: Backend::Thread(tx),
            user,
        })
    }

    /// The name written in the audit log.
    pub fn user(&self) -> &str {
        &self.user
    }
}

impl Writer {
    /// Perform one request; `None` when nothing needs to go back to the app.
    fn perform(&mut self, r: Request, today: Date) -> Option<Action> {
        Some(match r {
            Request::Write { req, undo } => {
                let r = match &self.identity {
                    Some(id) if !id.still_same() => Err(WriteError::Store(Failure::Replaced)),
                    _ => write::commit(
                        &mut self.conn,
                        &req,
                        &self.user,
                        self.clock.unix_now(),
                        today,
                    ),
                };
                Action::Written {
                    result: Box::new(r),
                    undo,
                }
            }
            Request::Meeting(op) => return self.meeting(op),
            Request::Fagmote(op) => {
                let r = match &self.identity {
                    Some(id) if !id.still_same() => Err(crate::store::fagmote::CaseError::Store(
                        StoreError::Replaced(std::path::PathBuf::new()).to_string(),
                    )),
                    _ => store::fagmote::apply(
                        &mut self.conn,
                        &op,
                        &self.user,
                        self.clock.unix_now(),
                    )
                    .and_then(|created| Ok((store::fagmote::load_plan(&self.conn)?, created))),
                };
                Action::FagmoteDone(Box::new(r))
            }
            Request::ReportData => {
                let data = store::load_all(&self.conn)
                    .and_then(|s| Ok((s, store::load_meetings(&self.conn)?)));
                match data {
                    Ok(d) => Action::ReportDataLoaded(Box::new(d)),
                    Err(e) => Action::DataError(e.to_string()),
                }
            }
            Request::Referrals => match store::referrals::load_referrals(&self.conn) {
                Ok(r) => Action::ReferralsLoaded(r),
                Err(e) => Action::DataError(e.to_string()),
            },
            Request::Referral(op) => {
                use store::referrals::{ReferralWriteError, commit_referral};
                let r = match &self.identity {
                    Some(id) if !id.still_same() => {
                        Err(ReferralWriteError::Store(Failure::Replaced))
                    }
                    _ => commit_referral(
                        &mut self.conn,
                        &op,
                        &self.user,
                        self.clock.unix_now(),
                        today,
                    ),
                };
                Action::ReferralWritten(Box::new(r))
            }
            Request::Archive => match store::load_archived(&self.conn) {
                Ok(s) => Action::ArchiveLoaded(s),
                Err(e) => Action::DataError(e.to_string()),
            },
            Request::History(id) => match write::load_history(&self.conn, id, HISTORY_ROWS) {
                Ok(h) => Action::HistoryLoaded(id, h),
                Err(e) => Action::DataError(e.to_string()),
            },
        })
    }

    /// Perform a meeting-log write; only a new meeting's id or an error goes back to the app.
    fn meeting(&mut self, op: MeetingOp) -> Option<Action> {
        let now = self.clock.unix_now();
        let result = match op {
            MeetingOp::Start { date } => meetings::start_meeting(&self.conn, date, now, &self.user)
                .map(|id| Some(Action::MeetingStarted(id))),
            MeetingOp::Discussed {
                meeting_id,
                stay_id,
            } => meetings::mark_discussed(&self.conn, meeting_id, stay_id, now).map(|()| None),
            MeetingOp::End { meeting_id } => {
                meetings::end_meeting(&self.conn, meeting_id, now).map(|()| None)
            }
            MeetingOp::Attend {
                meeting_id,
                name,
                discipline,
                present,
            } => crate::store::attendance::set_present(
                &self.conn,
                crate::store::attendance::MeetingKind::Standup,
                meeting_id,
                &name,
                &discipline,
                present,
            )
            .map(|()| None),
        };
        match result {
            Ok(a) => a,
            Err(e) => Some(Action::MeetingError(e.to_string())),
        }
    }
}

/// Apply one action and then everything it asked for. `editor` is `None` on a kiosk, where
/// requests are dropped (the app never makes write requests there anyway).
pub fn dispatch(app: &mut App, editor: Option<&mut Editor>, action: Action) -> bool {
    let mut dirty = app.update(action);
    let Some(ed) = editor else {
        app.requests.clear();
        return dirty;
    };
    match &mut ed.backend {
        Backend::Thread(tx) => {
            for r in app.take_requests() {
                let undo = match &r {
                    Request::Write { undo, .. } => Some(*undo),
                    _ => None,
                };
                let referral = matches!(r, Request::Referral(_));
                if tx.send((r, app.today())).is_err() {
                    // Never leave a form waiting for an answer that cannot come.
                    let why = "the writer thread stopped; restart tavle".to_string();
                    dirty |= app.update(match undo {
                        None if referral => Action::ReferralWritten(Box::new(Err(
                            crate::store::referrals::ReferralWriteError::Store(Failure::Other(why)),
                        ))),
                        Some(undo) => Action::Written {
                            result: Box::new(Err(WriteError::Store(Failure::Other(why)))),
                            undo,
                        },
                        None => Action::DataError(why),
                    });
                }
            }
        }
        Backend::Inline(w) => {
            // Results can ask for more (e.g. history after a write); bounded to avoid any loop.
            for _ in 0..8 {
                let requests = app.take_requests();
                if requests.is_empty() {
                    break;
                }
                for r in requests {
                    if let Some(result) = w.perform(r, app.today()) {
                        dirty |= app.update(result);
                    }
                }
            }
        }
    }
    dirty
}

/// A key press, through the one key map, then [`dispatch`].
pub fn key(app: &mut App, editor: Option<&mut Editor>, key: KeyEvent) -> bool {
    match keys::action_for_key(app, key) {
        Some(a) => dispatch(app, editor, a),
        None => false,
    }
}
