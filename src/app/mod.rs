//! Application state and the actions that change it. Keys become actions in [`keys`];
//! [`App::update`] is the only place state changes.

pub mod archive;
pub mod discharge;
mod edit;
pub mod fagmote;
pub mod fidelity;
pub mod form;
pub mod keys;
pub mod kin;
pub mod referrals;
pub mod standup;
pub mod view;

use crate::config::watch::Reloaded;
use crate::config::{Config, PrivacyView};
use crate::domain::{GoalStatus, Stay, StayId};
use crate::store::write::{AuditEntry, Committed, WriteError, WriteRequest};
pub use form::{Form, FormKey, FormKind};
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
pub use standup::{MeetingOp, Standup, Summary};
pub use view::RowView;

/// Editing board or read-only kiosk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Edit,
    Kiosk,
}

/// What is drawn over the board. Forms are drawn over any of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Detail,
    Help,
    /// The selected stay's goals, with a cursor.
    Goals,
    /// The selected stay's follow-ups, with a cursor.
    FollowUps,
    /// The configured risks, toggled for the selected stay.
    Risks,
    /// A yes/no question before a drastic change.
    Confirm(Confirm),
    /// The indicators of the last 12 weeks.
    Indicators,
    /// Discharged and cancelled stays: search, details with history, reopen.
    Archive,
    /// The selected stay's events, with a cursor: correct or delete a mis-typed one.
    Events,
    /// Who is present at the running stand-up: the staff list, ticked.
    Attendance,
    /// The referral queue (henvisninger); the editing board only.
    Referrals,
    /// The selected stay's next of kin (pårørende), with a cursor; the editing board only.
    Kin,
}

/// Changes that ask first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Cancel,
    Delete,
    /// One recorded event (its id), asked from the events panel: a fall deleted by a
    /// slip of the finger is a fall the indicators never count.
    DeleteEvent(i64),
}

/// Work the app asks the runtime to do; results come back as actions.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Write one change; `undo` marks an undo (not pushed on the undo stack).
    Write { req: WriteRequest, undo: bool },
    /// Load a stay's audit history for the detail pane.
    History(StayId),
    /// Write to the stand-up meeting log.
    Meeting(MeetingOp),
    /// Load every stay and meeting for the indicators.
    ReportData,
    /// Load every discharged and cancelled stay for the archive.
    Archive,
    /// Load every referral (the queue and the capacity forecast).
    Referrals,
    /// Write one change to the referral queue.
    Referral(crate::store::referrals::ReferralOp),
    /// One change to the fagmøte plan or a meeting; the fresh plan comes back.
    Fagmote(crate::store::fagmote::CaseOp),
}

/// One step the user can undo: the stay as it was, and the version the change produced.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoEntry {
    pub stay_id: StayId,
    pub before: Option<Stay>,
    pub after_version: Option<i64>,
}

/// How many changes `u` can take back.
pub const UNDO_DEPTH: usize = 50;

/// A one-line message in the footer until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Everything that can change the app's state.
#[derive(Debug, Clone)]
pub enum Action {
    Quit,
    /// Ctrl-C: quits, but asks once more while a form holds typed, unsaved text.
    Interrupt,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    OpenDetail,
    /// Scroll the help overlay or detail pane by this many lines.
    Scroll(i16),
    CloseOverlay,
    ToggleHelp,
    /// The wall clock moved on.
    Tick(DateTime),
    /// The terminal now has this size (columns, rows).
    Resize(u16, u16),
    /// Fresh data from the database.
    DataLoaded(Vec<Stay>),
    /// Loading data failed; the last good data stays on screen.
    DataError(String),
    /// The config file changed on disk: new content (valid or not), or gone.
    ConfigReloaded(Box<Reloaded>),
    /// Open a form for the selected stay (or a new one).
    OpenForm(FormKind),
    /// Open the form to edit the goal under the cursor.
    EditGoalAtCursor,
    /// Open the form for the person's own scores of the goal under the cursor.
    GoalScoreAtCursor,
    FormKey(FormKey),
    /// Text pasted into the open form (line breaks become spaces).
    Paste(String),
    FormNext,
    FormPrev,
    SubmitForm,
    CancelForm,
    /// Show a panel or question over the board.
    Open(Overlay),
    /// Set the goal under the cursor to this status (again: back to open).
    GoalStatus(GoalStatus),
    /// Move the goal under the cursor up (-1) or down (+1).
    MoveGoal(i64),
    /// Mark the follow-up under the cursor done (or open again).
    ToggleFollowUp,
    /// Turn the risk under the cursor on or off.
    ToggleRisk,
    /// Open the form to correct the event under the cursor.
    EditEventAtCursor,
    /// Delete the event under the cursor (undo brings it back).
    DeleteEventAtCursor,
    /// Tick (or untick) the staff member under the cursor as present at the stand-up.
    ToggleAttendance,
    /// The user said yes to the open question.
    Confirmed,
    Undo,
    /// A requested write is still waiting for the database (another process holds its
    /// write lock): how long so far, and who holds it when the system can tell.
    SaveWaiting {
        secs: u64,
        holder: Option<String>,
    },
    /// The database file at the board's path is no longer the one it opened (replaced,
    /// moved, deleted, or its `-wal` vanished): nothing more may be saved through it.
    DbReplaced,
    /// A write finished.
    Written {
        result: Box<Result<Committed, WriteError>>,
        undo: bool,
    },
    /// A stay's audit history arrived.
    HistoryLoaded(StayId, Vec<AuditEntry>),
    /// Start the stand-up (tavlemøte).
    StartStandup,
    /// Move the stand-up's focus forward (+1) or back (-1); the stay left is discussed.
    StandupStep(i64),
    /// Record the stay in focus as discussed now (without waiting for the dwell time).
    MarkDiscussed,
    /// End the stand-up and show its summary.
    EndStandup,
    CloseSummary,
    /// The meeting row exists.
    MeetingStarted(i64),
    /// A meeting-log write failed.
    MeetingError(String),
    /// Open the indicators view (loads its data first).
    OpenIndicators,
    /// Everything the indicators are computed from.
    ReportDataLoaded(Box<(Vec<Stay>, Vec<crate::store::Meeting>)>),
    /// Open the archive of discharged and cancelled stays (loads them first).
    OpenArchive,
    /// The archived stays arrived.
    ArchiveLoaded(Vec<Stay>),
    /// Searching, selecting and reopening in the archive.
    Archive(archive::ArchiveAction),
    /// Open the referral queue (loads it first).
    OpenReferrals,
    /// The referrals as stored now.
    ReferralsLoaded(Vec<crate::domain::referral::Referral>),
    /// A referral write finished.
    ReferralWritten(
        Box<
            Result<
                crate::store::referrals::ReferralCommitted,
                crate::store::referrals::ReferralWriteError,
            >,
        >,
    ),
    /// Selecting, registering, deciding and admitting in the referral queue.
    Intake(referrals::IntakeAction),
    /// Editing or removing the next of kin under the cursor.
    Kin(kin::KinAction),
    /// Open the fagmøte mode (`F`).
    OpenFagmote,
    /// A key inside the fagmøte mode.
    Fagmote(fagmote::FagmoteAction),
    /// The fagmøte plan as now stored (loaded with the board, or after another's change).
    PlanLoaded(Box<crate::domain::fagmote::Plan>),
    /// A fagmøte change finished: the fresh plan and the id of a row it created, or why not.
    FagmoteDone(Box<FagmoteResult>),
}

/// What the writer answers to a fagmøte change.
pub type FagmoteResult =
    Result<(crate::domain::fagmote::Plan, Option<i64>), crate::store::fagmote::CaseError>;

impl Action {
    /// Actions that come from the user (and so clear the last footer message).
    fn is_user(&self) -> bool {
        !matches!(
            self,
            Action::Tick(_)
                | Action::Resize(..)
                | Action::DataLoaded(_)
                | Action::DataError(_)
                | Action::ConfigReloaded(_)
                | Action::Written { .. }
                | Action::SaveWaiting { .. }
                | Action::DbReplaced
                | Action::HistoryLoaded(..)
                | Action::MeetingStarted(_)
                | Action::MeetingError(_)
                | Action::ReportDataLoaded(_)
                | Action::ArchiveLoaded(_)
                | Action::ReferralsLoaded(_)
                | Action::ReferralWritten(_)
                | Action::PlanLoaded(_)
                | Action::FagmoteDone(_)
        )
    }
}

/// The whole state the UI renders from.
pub struct App {
    pub mode: Mode,
    pub config: Config,
    pub tz: TimeZone,
    /// Set while the config file on disk is invalid; the last good config is in use.
    /// The config file's problem, kept as data: the banner words it in the board's language.
    pub config_error: Option<crate::config::ConfigError>,
    /// Set while the config file is missing (deleted, folder moved or deleted); the last
    /// good config is in use.
    pub config_missing: Option<std::path::PathBuf>,
    /// Set while the database could not be read; the last good data is shown.
    pub db_error: Option<String>,
    pub stays: Vec<Stay>,
    pub rows: Vec<RowView>,
    /// Bumped whenever `rows` are rebuilt (data, plan, config, a new day): what is worked
    /// out from the rows for drawing may be kept until it changes.
    pub rows_generation: u64,
    /// The marks the kiosk legend explains, for (`rows_generation`, width): finding them
    /// renders every cell, and the table, the paging and the footer each ask for them.
    pub legend_marks: std::cell::Cell<Option<(u64, u16, crate::ui::Marks)>>,
    pub now: DateTime,
    /// Index into `rows` of the selected row.
    pub selected: usize,
    pub overlay: Overlay,
    pub size: (u16, u16),
    pub quit: bool,
    /// The open form, drawn over everything; keys go to it.
    pub form: Option<Form>,
    /// Cursor in the goals, follow-ups or risks panel.
    pub cursor: usize,
    /// First line shown in the help overlay or detail pane (they scroll when they don't fit).
    pub scroll: u16,
    /// Footer message (saved, undone, why not).
    pub status: Option<Status>,
    /// Ctrl-C was pressed once over unsaved typing; the next one quits.
    interrupt_armed: bool,
    /// The detail pane's history, for the stay with this id.
    pub history: Option<(StayId, Vec<AuditEntry>)>,
    /// Requests for the runtime, drained by it after each update.
    pub requests: Vec<Request>,
    pub undo: Vec<UndoEntry>,
    /// The running stand-up, if any.
    pub standup: Option<Standup>,
    /// The last stand-up's summary, shown until closed.
    pub summary: Option<Summary>,
    /// The indicators, computed when the view opens.
    pub report: Option<crate::report::Report>,
    /// The archive of discharged and cancelled stays, while it is open.
    pub archive: Option<archive::Archive>,
    /// Referrals (queue and capacity forecast); always empty on a kiosk.
    pub intake: referrals::Intake,
    /// Every fagmøte with its cases and measures (the board's marks read it too).
    pub plan: crate::domain::fagmote::Plan,
    /// The fagmøte mode, while it is open.
    pub fagmote: Option<fagmote::Fagmote>,
    /// Kiosk page rotation: when the page last turned.
    last_rotation: DateTime,
    /// A write was requested and its result has not come back yet.
    pub saving: Option<Saving>,
    /// Quit was asked while a write was under way: quit when its result arrives.
    quit_after_save: bool,
    /// The database file was replaced under the board; writes are refused.
    pub db_replaced: bool,
    /// The database sits on a network filesystem (type, mount point): a standing warning.
    pub network_fs: Option<crate::store::NetworkFs>,
    /// A save was merged onto a colleague's newer version: their name, for the message.
    merged_with: Option<String>,
}

/// A write under way, as the footer shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saving {
    /// Seconds waited for another process's lock so far (0: not known to wait).
    pub waited_secs: u64,
    /// The process holding the lock, when known (e.g. `sqlite3 (pid 4242)`).
    pub holder: Option<String>,
}

impl App {
    /// A new app showing `stays` at time `now` in a terminal of `size`.
    pub fn new(
        mode: Mode,
        config: Config,
        stays: Vec<Stay>,
        now: DateTime,
        size: (u16, u16),
    ) -> Self {
        let tz = zone(&config);
        let mut stays = stays;
        kin::drop_for_kiosk(mode, &mut stays);
        let mut app = Self {
            mode,
            config,
            tz,
            config_error: None,
            config_missing: None,
            db_error: None,
            stays,
            rows: Vec::new(),
            now,
            selected: 0,
            overlay: Overlay::None,
            size,
            quit: false,
            form: None,
            cursor: 0,
            scroll: 0,
            status: None,
            interrupt_armed: false,
            history: None,
            requests: Vec::new(),
            undo: Vec::new(),
            standup: None,
            summary: None,
            report: None,
            archive: None,
            intake: referrals::Intake::default(),
            plan: Default::default(),
            fagmote: None,
            last_rotation: now,
            saving: None,
            rows_generation: 0,
            legend_marks: std::cell::Cell::new(None),
            quit_after_save: false,
            db_replaced: false,
            network_fs: None,
            merged_with: None,
        };
        app.rebuild();
        app
    }

    /// Today's local date.
    pub fn today(&self) -> Date {
        self.now.date()
    }

    /// What this screen may show about a person.
    pub fn privacy(&self) -> PrivacyView {
        match self.mode {
            Mode::Edit => self.config.privacy.board,
            Mode::Kiosk => self.config.privacy.kiosk,
        }
    }

    /// The selected row's stay, if any.
    pub fn selected_stay(&self) -> Option<(&RowView, &Stay)> {
        let row = self.rows.get(self.selected)?;
        Some((row, self.stays.get(row.stay)?))
    }

    fn selected_id(&self) -> Option<StayId> {
        self.selected_stay().map(|(_, s)| s.id)
    }

    /// Rows that fit on one page at the current size.
    pub fn rows_per_page(&self) -> usize {
        crate::ui::rows_per_page(self.size, self.has_banner())
            .saturating_sub(usize::from(self.forecast_line()))
            .saturating_sub(crate::ui::footer_extra(self))
            .max(1)
    }

    /// True when a banner line (config error or missing file, database error) takes a row.
    pub fn has_banner(&self) -> bool {
        self.config_error.is_some()
            || self.config_missing.is_some()
            || self.db_error.is_some()
            || self.db_replaced
            || self.network_fs.is_some()
    }

    /// Number of pages and the current (0-based) page.
    pub fn paging(&self) -> (usize, usize) {
        let per = self.rows_per_page().max(1);
        let pages = self.rows.len().div_ceil(per).max(1);
        (pages, (self.selected / per).min(pages - 1))
    }

    /// Replace the stays, keeping the selection on the same stay.
    fn set_stays(&mut self, mut stays: Vec<Stay>) {
        kin::drop_for_kiosk(self.mode, &mut stays);
        let keep = self.selected_id();
        self.stays = stays;
        self.rebuild_keeping(keep);
    }

    /// Recompute rows after config or date changed, keeping the selection on the same stay.
    fn rebuild(&mut self) {
        let keep = self.selected_id();
        self.rebuild_keeping(keep);
    }

    fn rebuild_keeping(&mut self, keep: Option<StayId>) {
        self.rows_generation += 1;
        self.rows = view::build_rows(
            &self.stays,
            &self.config,
            self.privacy(),
            self.today(),
            &self.tz,
        );
        let today = self.today();
        let on_next = self.plan.on_next(today);
        let grace = self.config.fagmote.evaluation_grace_days;
        for r in &mut self.rows {
            let id = self.stays[r.stay].id;
            r.case_next = on_next.contains(&id);
            r.measure = self.plan.flag_of(id, today, grace);
        }
        if let Some(id) = keep
            && let Some(i) = self.rows.iter().position(|r| self.stays[r.stay].id == id)
        {
            self.selected = i;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        // Views of a stay close when no stay is left; the ward-wide ones stay open (a new
        // ward registers and admits its first referral from an empty board).
        if self.rows.is_empty()
            && !matches!(
                self.overlay,
                Overlay::Help | Overlay::Archive | Overlay::Referrals | Overlay::Indicators
            )
        {
            self.overlay = Overlay::None;
        }
    }

    /// Apply one action. Returns true when the screen must be redrawn.
    pub fn update(&mut self, action: Action) -> bool {
        if action.is_user() {
            self.status = None;
            if !matches!(action, Action::Interrupt) {
                self.interrupt_armed = false;
            }
        }
        let dirty = self.apply(action);
        self.sync_focus();
        self.want_history();
        dirty
    }

    /// Take the runtime's work out of the app.
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.requests)
    }

    fn apply(&mut self, action: Action) -> bool {
        let last = self.rows.len().saturating_sub(1);
        // Not computed up front: on a kiosk it lays out the legend, and every tick (once a
        // second) comes through here (it tripled an idle kiosk's CPU).
        let per = || self.rows_per_page().max(1);
        match action {
            // Quitting never abandons a save the user is waiting for; a second Ctrl-C does.
            Action::Quit | Action::Interrupt if self.saving.is_some() && !self.quit_after_save => {
                self.quit_after_save = true;
                self.status = Some(Status {
                    text: crate::i18n::edit_strings(self.config.language)
                        .quit_after_save
                        .to_string(),
                    error: true,
                });
            }
            Action::Interrupt if self.quit_after_save => self.quit = true,
            Action::Quit if self.quit_after_save => {}
            Action::Quit => self.quit = true,
            Action::Interrupt => {
                let typed = self
                    .form
                    .as_ref()
                    .is_some_and(|f| f.fields.iter().any(|x| x.touched));
                if typed && !self.interrupt_armed {
                    self.interrupt_armed = true;
                    self.status = Some(Status {
                        text: crate::i18n::edit_strings(self.config.language)
                            .unsaved_quit
                            .to_string(),
                        error: true,
                    });
                } else {
                    self.quit = true;
                }
            }
            Action::Scroll(delta) => {
                self.scroll = self.scroll.saturating_add_signed(delta).min(200);
            }
            Action::Up if self.in_panel() => self.cursor = self.cursor.saturating_sub(1),
            Action::Down if self.in_panel() => {
                self.cursor = (self.cursor + 1).min(self.panel_len().saturating_sub(1));
            }
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                self.scroll = 0;
            }
            Action::Down => {
                self.selected = (self.selected + 1).min(last);
                self.scroll = 0;
            }
            Action::PageUp => {
                let (_, page) = self.paging();
                self.selected = page.saturating_sub(1) * per();
            }
            Action::PageDown => {
                let (pages, page) = self.paging();
                self.selected = if page + 1 < pages {
                    (page + 1) * per()
                } else {
                    self.selected
                };
            }
            Action::First => self.selected = 0,
            Action::Last => self.selected = last,
            Action::OpenDetail => {
                if !self.rows.is_empty() {
                    self.scroll = 0;
                    self.overlay = Overlay::Detail;
                    self.history = None;
                }
            }
            // «No» to deleting an event goes back to the events it was asked from.
            Action::CloseOverlay
                if matches!(self.overlay, Overlay::Confirm(Confirm::DeleteEvent(_))) =>
            {
                self.overlay = Overlay::Events
            }
            Action::CloseOverlay => self.overlay = Overlay::None,
            Action::ToggleHelp => {
                self.scroll = 0;
                self.overlay = if self.overlay == Overlay::Help {
                    Overlay::None
                } else {
                    Overlay::Help
                };
            }
            Action::Tick(now) => return self.tick(now),
            Action::Resize(w, h) => self.size = (w, h),
            Action::DataLoaded(stays) => {
                self.set_stays(stays);
                self.db_error = None;
                // Someone may have changed the stay whose history is shown.
                self.history = None;
            }
            Action::DataError(e) => self.db_error = Some(e),
            Action::ConfigReloaded(result) => match *result {
                Reloaded::Loaded(config)
                    if *config == self.config
                        && self.config_error.is_none()
                        && self.config_missing.is_none() =>
                {
                    return false;
                }
                Reloaded::Loaded(config) => {
                    self.tz = zone(&config);
                    self.config = *config;
                    self.config_error = None;
                    self.config_missing = None;
                    self.rebuild();
                }
                // The file is back but broken, or gone: either way the last good config
                // stays, and the banner says the current reason.
                Reloaded::Error(e) => {
                    self.config_error = Some(e);
                    self.config_missing = None;
                }
                Reloaded::Missing(path) => {
                    self.config_missing = Some(path);
                    self.config_error = None;
                }
            },
            Action::OpenIndicators => {
                if self.mode == Mode::Kiosk {
                    return false;
                }
                self.requests.push(Request::ReportData);
            }
            Action::ReportDataLoaded(data) => {
                let (stays, meetings) = *data;
                let today = self.today();
                let (from, to) = crate::report::period(None, None, today).unwrap_or((today, today));
                let mut report = crate::report::Report::compute(
                    &stays,
                    &meetings,
                    &self.config.rules(),
                    from,
                    to,
                )
                .with_case_meetings(
                    &self.plan,
                    self.config.fagmote.evaluation_grace_days,
                    &self.tz,
                );
                report.score_fidelity(&self.config.fidelity);
                let keys: Vec<&str> = self
                    .config
                    .disciplines
                    .iter()
                    .map(|c| c.key.as_str())
                    .collect();
                report.attendance.order(&keys);
                // The editing board holds the referrals already (kept current with the stays).
                report.referrals = crate::report::referrals::ReferralFigures::compute(
                    &self.intake.referrals,
                    &stays,
                    from,
                    to,
                );
                self.report = Some(report);
                self.scroll = 0;
                self.overlay = Overlay::Indicators;
            }
            a @ (Action::StartStandup
            | Action::ToggleAttendance
            | Action::StandupStep(_)
            | Action::MarkDiscussed
            | Action::EndStandup
            | Action::CloseSummary
            | Action::MeetingStarted(_)
            | Action::MeetingError(_)) => {
                return self.mode == Mode::Edit && self.apply_standup(a);
            }
            a @ (Action::OpenArchive | Action::ArchiveLoaded(_) | Action::Archive(_)) => {
                return self.apply_archive(a);
            }
            a @ Action::Kin(_) => return self.apply_kin(a),
            a @ (Action::OpenReferrals
            | Action::ReferralsLoaded(_)
            | Action::ReferralWritten(_)
            | Action::Intake(_)) => {
                return self.apply_intake(a);
            }
            a @ (Action::OpenFagmote
            | Action::Fagmote(_)
            | Action::PlanLoaded(_)
            | Action::FagmoteDone(_)) => {
                return self.apply_fagmote(a);
            }
            other => return self.apply_edit(other),
        }
        true
    }

    /// Ask for the selected stay's history when the detail pane shows a stay without it.
    fn want_history(&mut self) {
        let wanted = self.overlay == Overlay::Detail || self.standup.is_some();
        let archived = self.archive_detail().map(|s| s.id);
        if !(wanted || archived.is_some()) || self.mode == Mode::Kiosk {
            return;
        }
        let Some(id) = archived.or_else(|| self.selected_id()) else {
            return;
        };
        let have = self.history.as_ref().is_some_and(|(h, _)| *h == id);
        let asked = self.requests.contains(&Request::History(id));
        if !have && !asked {
            self.requests.push(Request::History(id));
        }
    }

    fn tick(&mut self, now: DateTime) -> bool {
        let old = self.now;
        self.now = now;
        // The stand-up's countdown shows seconds.
        let mut dirty = old.date() != now.date()
            || (old.hour(), old.minute()) != (now.hour(), now.minute())
            || (self.standup.is_some() && old != now)
            // The fagmøte's step timer shows seconds too.
            || (self.fagmote.as_ref().is_some_and(|f| f.hold.is_some()) && old != now);
        if old.date() != now.date() {
            self.rebuild();
        }
        if self.mode == Mode::Edit {
            dirty |= self.discussed_if_dwelt();
        }
        if self.mode == Mode::Kiosk {
            let secs = self
                .last_rotation
                .until(now)
                .map(|s| s.total(jiff::Unit::Second).unwrap_or(0.0))
                .unwrap_or(0.0);
            if secs >= f64::from(self.config.kiosk.rotate_seconds) {
                self.last_rotation = now;
                let (pages, page) = self.paging();
                if pages > 1 {
                    let per = self.rows_per_page().max(1);
                    self.selected = ((page + 1) % pages) * per;
                    dirty = true;
                }
            }
        }
        dirty
    }
}

fn zone(config: &Config) -> TimeZone {
    TimeZone::get(&config.time_zone).unwrap_or(TimeZone::UTC)
}
