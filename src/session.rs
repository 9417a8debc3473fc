//! The glue between the app and the store for the editing board: performs the writes and
//! history loads the app requested, and feeds the results back as actions. The terminal
//! runtime and the tests drive keys through the same [`Session::key`].

use crate::app::{Action, App, MeetingOp, Request, keys};
use crate::clock::Clock;
use crate::store::write;
use crate::store::{self, meetings};
use crossterm::event::KeyEvent;
use rusqlite::Connection;
use std::sync::Arc;

/// How many history rows the detail pane shows.
pub const HISTORY_ROWS: usize = 200;

/// The editing connection and who writes through it.
pub struct Editor {
    conn: Connection,
    user: String,
    clock: Arc<dyn Clock>,
}

impl Editor {
    /// Write through `conn` as `user`, stamping changes with `clock`.
    pub fn new(conn: Connection, user: String, clock: Arc<dyn Clock>) -> Self {
        Self { conn, user, clock }
    }

    /// The name written in the audit log.
    pub fn user(&self) -> &str {
        &self.user
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
    // Results can ask for more (e.g. history after a write); bounded to avoid any loop.
    for _ in 0..8 {
        let requests = app.take_requests();
        if requests.is_empty() {
            break;
        }
        for r in requests {
            let result = match r {
                Request::Write { req, undo } => {
                    let today = app.today();
                    let r = write::commit(&mut ed.conn, &req, &ed.user, ed.clock.unix_now(), today);
                    Action::Written {
                        result: Box::new(r),
                        undo,
                    }
                }
                Request::Meeting(op) => match meeting(ed, op) {
                    Some(a) => a,
                    None => continue,
                },
                Request::ReportData => {
                    let data = store::load_all(&ed.conn)
                        .and_then(|s| Ok((s, store::load_meetings(&ed.conn)?)));
                    match data {
                        Ok(d) => Action::ReportDataLoaded(Box::new(d)),
                        Err(e) => Action::DataError(e.to_string()),
                    }
                }
                Request::History(id) => match write::load_history(&ed.conn, id, HISTORY_ROWS) {
                    Ok(h) => Action::HistoryLoaded(id, h),
                    Err(e) => Action::DataError(e.to_string()),
                },
            };
            dirty |= app.update(result);
        }
    }
    dirty
}

/// Perform a meeting-log write; only a new meeting's id or an error goes back to the app.
fn meeting(ed: &mut Editor, op: MeetingOp) -> Option<Action> {
    let now = ed.clock.unix_now();
    let result = match op {
        MeetingOp::Start { date } => meetings::start_meeting(&ed.conn, date, now, &ed.user)
            .map(|id| Some(Action::MeetingStarted(id))),
        MeetingOp::Discussed {
            meeting_id,
            stay_id,
        } => meetings::mark_discussed(&ed.conn, meeting_id, stay_id, now).map(|()| None),
        MeetingOp::End { meeting_id } => {
            meetings::end_meeting(&ed.conn, meeting_id, now).map(|()| None)
        }
    };
    match result {
        Ok(a) => a,
        Err(e) => Some(Action::MeetingError(e.to_string())),
    }
}

/// A key press, through the one key map, then [`dispatch`].
pub fn key(app: &mut App, editor: Option<&mut Editor>, key: KeyEvent) -> bool {
    match keys::action_for_key(app, key) {
        Some(a) => dispatch(app, editor, a),
        None => false,
    }
}
