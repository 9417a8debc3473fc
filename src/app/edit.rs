//! The editing half of [`App::update`]: forms, panels, confirmations, undo and the results
//! of writes. Writes are only *requested* here; the runtime performs them and reports back.

use super::form::{Form, FormKind, edit_error, toggled};
use super::{Action, App, Confirm, Mode, Overlay, Request, Status, UNDO_DEPTH, UndoEntry};
use crate::domain::edit::Change;
use crate::domain::{StayId, StayStatus};
use crate::i18n::edit_strings;
use crate::store::write::{Committed, Failure, Target, WriteError, WriteRequest};

impl App {
    /// «Ikke lagret: …» for a write the database refused, in the user's language. A
    /// replaced file also sets `db_replaced`, so every later save is refused the same way.
    pub(super) fn not_saved_because(&mut self, failure: &Failure) -> String {
        let e = edit_strings(self.config.language);
        let why = match failure {
            Failure::Busy => e.busy.to_string(),
            Failure::DiskFull => e.disk_full.to_string(),
            Failure::ReadOnly => e.read_only_db.to_string(),
            Failure::Replaced => {
                self.db_replaced = true;
                e.db_replaced.to_string()
            }
            Failure::Other(m) => m.clone(),
        };
        format!("{}: {why}", e.not_saved)
    }

    pub(super) fn apply_edit(&mut self, action: Action) -> bool {
        // A kiosk has no forms and never asks for a write, whatever action reaches it.
        if self.mode == Mode::Kiosk && !matches!(action, Action::HistoryLoaded(..)) {
            return false;
        }
        let today = self.today();
        // While a save is under way the form is frozen (its result decides whether it
        // closes), so nothing typed now can be lost when it does.
        if self.saving.is_some()
            && self.form.is_some()
            && matches!(
                action,
                Action::FormKey(_)
                    | Action::Paste(_)
                    | Action::FormNext
                    | Action::FormPrev
                    | Action::SubmitForm
                    | Action::CancelForm
            )
        {
            self.say(edit_strings(self.config.language).save_pending, true);
            return true;
        }
        match action {
            Action::SaveWaiting { secs, holder } => {
                let Some(s) = &mut self.saving else {
                    return false;
                };
                s.waited_secs = secs;
                s.holder = holder.clone();
                let e = edit_strings(self.config.language);
                let text = match &holder {
                    Some(who) => e.saving_wait_on.replace("{who}", who),
                    None => e.saving_wait.to_string(),
                }
                .replace("{secs}", &secs.to_string());
                match &mut self.form {
                    Some(f) => f.error = Some(text),
                    None => self.say(&text, false),
                }
            }
            Action::DbReplaced => {
                if self.db_replaced {
                    return false;
                }
                self.db_replaced = true;
            }
            Action::OpenForm(kind) => {
                let stay = match kind {
                    FormKind::AddStay => None,
                    _ => match self.selected_stay() {
                        Some((_, s)) => Some(s.clone()),
                        None => return false,
                    },
                };
                self.form = self.open_form(kind, stay.as_ref());
            }
            Action::EditGoalAtCursor => {
                if let Some(id) = self.goal_at_cursor() {
                    return self.apply_edit(Action::OpenForm(FormKind::EditGoal(id)));
                }
                return false;
            }
            Action::GoalScoreAtCursor => {
                if let Some(id) = self.goal_at_cursor() {
                    return self.apply_edit(Action::OpenForm(FormKind::GoalScore(id)));
                }
                return false;
            }
            Action::FormKey(k) => match &mut self.form {
                Some(f) => {
                    // Typing on after «Esc once more» means the user is not leaving.
                    if std::mem::take(&mut f.esc_armed) {
                        f.error = None;
                    }
                    f.key(k, today)
                }
                None => return false,
            },
            Action::Paste(text) => match &mut self.form {
                Some(f) => {
                    // Whole escape sequences go, not just their ESC byte.
                    for c in crate::domain::text::sanitize(&text).chars() {
                        let c = if c.is_whitespace() { ' ' } else { c };
                        f.key(super::FormKey::Char(c), today);
                    }
                }
                None => return false,
            },
            Action::FormNext | Action::FormPrev => match &mut self.form {
                Some(f) => f.step(matches!(action, Action::FormNext)),
                None => return false,
            },
            // The discharge evaluation is long to write: Esc asks once before throwing it away.
            Action::CancelForm
                if self.form.as_ref().is_some_and(|f| {
                    f.kind == FormKind::Discharge
                        && !f.esc_armed
                        && f.fields.iter().any(|x| x.touched)
                }) =>
            {
                if let Some(f) = &mut self.form {
                    f.esc_armed = true;
                    f.error = Some(
                        crate::i18n::discharge_strings(self.config.language)
                            .esc_again
                            .to_string(),
                    );
                }
            }
            Action::CancelForm => self.form = None,
            Action::SubmitForm => {
                let Some(form) = &mut self.form else {
                    return false;
                };
                if form.kind.is_referral() {
                    return self.submit_referral_form();
                }
                if let FormKind::Fagmote(kind) = form.kind {
                    return self.submit_fagmote(kind);
                }
                if let Some(change) = form.submit(today) {
                    let target = form.target;
                    if let Change::Create(fields) = &change {
                        // Two rows with one name are easily mixed up at the stand-up; a
                        // second Enter with the same name saves (two people can share it).
                        if let Some(twin) = twin_of(&self.stays, &fields.name) {
                            let t = edit_strings(self.config.language);
                            let msg = t
                                .warn_twin
                                .replace("{name}", &crate::domain::text::sanitize(&twin.name))
                                .replace("{date}", &crate::domain::dates::fmt_date(twin.admitted));
                            if form.warn_once("twin", fields.name.clone(), Some(0), msg) {
                                return true;
                            }
                        }
                        // A new stay that overfills the ward on a day of the forecast says
                        // so first; Enter again with the same dates saves it knowingly.
                        let probe = crate::domain::Stay::new(
                            -1,
                            &fields.name,
                            fields.admitted,
                            fields.planned_discharge,
                        );
                        if let Some(w) = self.capacity_warning(&probe, &self.intake.referrals) {
                            let h = crate::i18n::hospital_strings(self.config.language);
                            let about = format!("{} {}", fields.admitted, fields.planned_discharge);
                            if let Some(f) = &mut self.form
                                && f.warn_once(
                                    "capacity",
                                    about,
                                    None,
                                    format!("{w} {}", h.add_anyway),
                                )
                            {
                                return true;
                            }
                        }
                    }
                    self.write(target, change, false);
                }
            }
            Action::Open(overlay) => {
                if self.rows.is_empty() && overlay != Overlay::Attendance {
                    return false;
                }
                self.overlay = overlay;
                self.cursor = 0;
                // A mis-typed event is usually the one just recorded: start on the newest.
                if overlay == Overlay::Events {
                    self.cursor = self.panel_len().saturating_sub(1);
                }
            }
            Action::EditEventAtCursor => match self.event_at_cursor() {
                Some(id) => return self.apply_edit(Action::OpenForm(FormKind::EditEvent(id))),
                None => return false,
            },
            Action::DeleteEventAtCursor => match self.event_at_cursor() {
                Some(id) => self.overlay = Overlay::Confirm(Confirm::DeleteEvent(id)),
                None => return false,
            },
            Action::GoalStatus(status) => {
                let Some(id) = self.goal_at_cursor() else {
                    return false;
                };
                let current = self
                    .selected_stay()
                    .and_then(|(_, s)| s.goals.iter().find(|g| g.id == id))
                    .map(|g| g.status);
                if let Some(current) = current {
                    self.write_selected(Change::GoalStatus(id, toggled(current, status)));
                }
            }
            Action::MoveGoal(delta) => {
                let Some(id) = self.goal_at_cursor() else {
                    return false;
                };
                let n = self.panel_len();
                let next = self.cursor as i64 + delta;
                if next >= 0 && (next as usize) < n {
                    self.cursor = next as usize;
                    self.write_selected(Change::MoveGoal(id, delta));
                }
            }
            Action::ToggleFollowUp => {
                let id = self
                    .selected_stay()
                    .and_then(|(_, s)| s.follow_ups.get(self.cursor))
                    .map(|f| f.id);
                match id {
                    Some(id) => self.write_selected(Change::ToggleFollowUp(id)),
                    None => return false,
                }
            }
            Action::ToggleRisk => {
                let Some(key) = self.config.risks.get(self.cursor).map(|r| r.key.clone()) else {
                    return false;
                };
                self.write_selected(Change::ToggleRisk(key));
            }
            Action::Confirmed => {
                let Overlay::Confirm(what) = self.overlay else {
                    return false;
                };
                self.overlay = match what {
                    Confirm::DeleteEvent(_) => Overlay::Events,
                    _ => Overlay::None,
                };
                self.write_selected(match what {
                    Confirm::Cancel => Change::Cancel,
                    Confirm::Delete => Change::Delete,
                    Confirm::DeleteEvent(id) => Change::DeleteEvent(id),
                });
            }
            // The entry stays on the stack until the write's result says what happened.
            Action::Undo => match self.undo.last().cloned() {
                Some(entry) => self.write(
                    Target::Stay {
                        id: entry.stay_id,
                        version: entry.after_version,
                    },
                    Change::Restore(entry.before.map(Box::new)),
                    true,
                ),
                None => self.say(edit_strings(self.config.language).nothing_to_undo, true),
            },
            Action::Written { result, undo } => self.written(*result, undo),
            Action::HistoryLoaded(id, entries) => self.history = Some((id, entries)),
            // Navigation inside panels reuses Up/Down; everything else is handled in `apply`.
            _ => return false,
        }
        true
    }

    /// Items in the open panel, for cursor bounds.
    pub fn panel_len(&self) -> usize {
        // Who attends is about the meeting, not the selected stay.
        if self.overlay == Overlay::Attendance {
            return self.attendance_list().len();
        }
        let Some((_, s)) = self.selected_stay() else {
            return 0;
        };
        match self.overlay {
            Overlay::Goals => s.goals.len(),
            Overlay::FollowUps => s.follow_ups.len(),
            Overlay::Risks => self.config.risks.len(),
            Overlay::Events => s.events.len(),
            Overlay::Kin => s.next_of_kin.len(),
            _ => 0,
        }
    }

    /// True when Up/Down move the panel cursor rather than the board selection.
    pub fn in_panel(&self) -> bool {
        matches!(
            self.overlay,
            Overlay::Goals
                | Overlay::FollowUps
                | Overlay::Risks
                | Overlay::Events
                | Overlay::Kin
                | Overlay::Attendance
        )
    }

    fn event_at_cursor(&self) -> Option<i64> {
        let (_, s) = self.selected_stay()?;
        s.events.get(self.cursor).map(|e| e.id)
    }

    fn goal_at_cursor(&self) -> Option<i64> {
        let (_, s) = self.selected_stay()?;
        s.goals.get(self.cursor).map(|g| g.id)
    }

    pub(super) fn write_selected(&mut self, change: Change) {
        let Some((_, s)) = self.selected_stay() else {
            return;
        };
        let target = Target::Stay {
            id: s.id,
            version: Some(s.version),
        };
        self.write(target, change, false);
    }

    pub(super) fn write(&mut self, target: Target, change: Change, undo: bool) {
        if self.mode == Mode::Kiosk {
            return;
        }
        let e = edit_strings(self.config.language);
        if self.db_replaced {
            let text = format!("{}: {}", e.not_saved, e.db_replaced);
            match &mut self.form {
                Some(f) => f.error = Some(text),
                None => self.say(&text, true),
            }
            return;
        }
        // One write at a time: the next one must see this one's version of the stay.
        if self.saving.is_some() {
            self.say(e.save_pending, true);
            return;
        }
        self.saving = Some(super::Saving::default());
        self.requests.push(Request::Write {
            req: WriteRequest { target, change },
            undo,
        });
    }

    /// The form for `kind`, with the defaults that need the clock (a new event's time).
    fn open_form(&self, kind: FormKind, stay: Option<&crate::domain::Stay>) -> Option<Form> {
        let mut f = Form::open(kind, stay, &self.config, self.today())?;
        f.default_event_time(self.now, self.today());
        Some(f)
    }

    pub(super) fn say(&mut self, text: &str, error: bool) {
        self.status = Some(Status {
            text: text.to_string(),
            error,
        });
    }

    /// Put a stay as now stored into the board (or take it off), without waiting for the
    /// follower's reload, so the next key already edits the new version.
    pub(super) fn replace_stay(&mut self, id: StayId, fresh: Option<crate::domain::Stay>) {
        let keep = self.selected_id();
        self.stays.retain(|s| s.id != id);
        if let Some(s) = fresh.filter(|s| s.status == StayStatus::Active) {
            self.stays.push(s);
        }
        self.rebuild_keeping(keep);
        if self.panel_len() > 0 {
            self.cursor = self.cursor.min(self.panel_len() - 1);
        }
    }

    /// What the status line says after a saved change: «Lagret», «Slettet: Kari Hansen (u
    /// angrer)», «Angret: legetime for Kari Hansen».
    fn done_message(&self, c: &Committed, undo: bool) -> String {
        let lang = self.config.language;
        let e = edit_strings(lang);
        let w = crate::i18n::wording_strings(lang);
        let name = c
            .after
            .as_ref()
            .or(c.before.as_ref())
            .map_or_else(String::new, |s| {
                crate::domain::text::sanitize(if self.privacy().names {
                    &s.name
                } else {
                    &s.initials
                })
            });
        let what = |w: &str| e.undone_what.replace("{what}", w).replace("{name}", &name);
        match (undo, &c.before, &c.after) {
            (false, Some(_), None) => e.deleted.replace("{name}", &name),
            (false, _, _) => e.saved.to_string(),
            (true, None, Some(_)) => e.undone_delete.replace("{name}", &name),
            (true, Some(_), None) => what(e.what_new_stay),
            // A change of status is the whole story: the outcome, evaluation and scores
            // saved with a discharge are part of it, not other changes to list.
            (true, Some(b), Some(a)) if b.status != a.status => {
                let t = match (b.status, a.status) {
                    (StayStatus::Discharged, _) => w.undone_discharge,
                    (StayStatus::Cancelled, _) => w.undone_cancel,
                    (StayStatus::Active, _) => w.undone_reopen,
                };
                t.replace("{name}", &name)
            }
            (true, b, a) => {
                let mut topics: Vec<&str> = Vec::new();
                for f in crate::domain::edit::diff(b.as_ref(), a.as_ref()) {
                    let mut t = crate::i18n::field_topic(&f.field, lang);
                    // The stay's own status says which it was: «utskriving», not the
                    // «utskriving/avbrudd» that fits both.
                    if t == e.what_status {
                        match b.as_ref().map(|s| s.status) {
                            Some(StayStatus::Discharged) => t = w.what_discharge,
                            Some(StayStatus::Cancelled) => t = w.what_cancel,
                            _ => {}
                        }
                    }
                    if !topics.contains(&t) {
                        topics.push(t);
                    }
                }
                if topics.is_empty() {
                    e.undone.to_string()
                } else {
                    let mut words: Vec<String> =
                        topics.iter().map(|t| crate::i18n::lower_first(t)).collect();
                    // «legetime, legemidler og risiko»: a list as it is said.
                    let last = words.pop().unwrap_or_default();
                    let text = if words.is_empty() {
                        last
                    } else {
                        format!("{} {} {last}", words.join(", "), w.and)
                    };
                    what(&text)
                }
            }
        }
    }

    fn written(&mut self, result: Result<Committed, WriteError>, undo: bool) {
        // The archive shows stays as stored: after any write it reloads.
        if self.overlay == Overlay::Archive {
            self.requests.push(Request::Archive);
        }
        let e = edit_strings(self.config.language);
        let today = self.today();
        self.saving = None;
        if self.quit_after_save {
            self.quit = true;
        }
        let merged_with = self.merged_with.take();
        // A failed undo that changed nothing (busy, disk full) can be tried again.
        if undo && !matches!(result, Err(WriteError::Store(_))) {
            self.undo.pop();
            // The stay is now as the previous step left it, under a new version number:
            // that step's undo must expect the new number.
            if let Ok(c) = &result
                && let Some(prev) = self.undo.iter_mut().rev().find(|u| u.stay_id == c.stay_id)
            {
                prev.after_version = c.after.as_ref().map(|s| s.version);
            }
        }
        match result {
            Ok(c) => {
                let done = self.done_message(&c, undo);
                let reopened = c.action == "reopen" && !undo;
                let created = c.before.is_none() && !undo;
                let id = c.stay_id;
                if !undo {
                    self.undo.push(UndoEntry {
                        stay_id: id,
                        before: c.before.clone(),
                        after_version: c.after.as_ref().map(|s| s.version),
                    });
                    if self.undo.len() > UNDO_DEPTH {
                        self.undo.remove(0);
                    }
                }
                let active = c
                    .after
                    .as_ref()
                    .is_some_and(|s| s.status == StayStatus::Active);
                if let Some(st) = &mut self.standup {
                    let count = |s: &Option<crate::domain::Stay>| {
                        s.as_ref().map_or(0, |s| s.follow_ups.len() as i64)
                    };
                    let added = count(&c.after) - count(&c.before);
                    st.follow_ups_created = (st.follow_ups_created as i64 + added).max(0) as usize;
                }
                // Changing the stay in focus is discussing it, however short the visit.
                if self.standup.as_ref().and_then(|st| st.focused()) == Some(id) {
                    self.discussed_focus();
                }
                self.replace_stay(id, c.after);
                if (created || reopened || (undo && active))
                    && let Some(i) = self.rows.iter().position(|r| self.stays[r.stay].id == id)
                {
                    self.selected = i;
                }
                if !active && self.overlay != Overlay::Help {
                    self.overlay = Overlay::None;
                }
                self.form = None;
                self.history = None;
                match merged_with {
                    Some(who) if !undo => self.say(&e.merged.replace("{who}", &who), false),
                    _ => self.say(&done, false),
                }
                if reopened {
                    // Back on the board, selected: the archive has done its job.
                    self.archive = None;
                    if self.overlay == Overlay::Archive {
                        self.overlay = Overlay::None;
                    }
                    let name = self.selected_stay().map(|(r, _)| r.label.clone());
                    let text = crate::i18n::discharge_strings(self.config.language)
                        .reopened
                        .replace("{name}", &name.unwrap_or_default());
                    self.say(&text, false);
                }
            }
            Err(WriteError::Conflict { fresh, by }) => {
                let who = by.unwrap_or_else(|| "?".to_string());
                let id = match self.form.as_ref().map(|f| f.target) {
                    Some(Target::Stay { id, .. }) => Some(id),
                    _ => fresh.as_ref().map(|s| s.id),
                };
                let version = fresh.as_ref().map(|s| s.version);
                if let Some(id) = id.or_else(|| self.selected_id()) {
                    self.replace_stay(id, fresh.map(|b| *b));
                }
                let text = if undo {
                    e.undo_conflict
                } else if version.is_none() {
                    e.conflict_deleted
                } else if self.form.is_some() {
                    e.conflict
                } else {
                    e.conflict_quick
                }
                .replace("{who}", &who);
                let fresh_form = match (&self.form, version) {
                    (Some(f), Some(_)) if !undo => {
                        let stay = self.stays.iter().find(|s| Some(s.id) == id);
                        stay.and_then(|s| self.open_form(f.kind, Some(s)))
                    }
                    _ => None,
                };
                match (&mut self.form, fresh_form) {
                    (Some(f), Some(fresh)) => {
                        // Only what this user changed is theirs to write: untouched fields
                        // take the colleague's values; a field both changed shows both.
                        let both = f.rebase(&fresh, &who, today);
                        if both.is_empty() {
                            if let Some(change) = f.submit(today) {
                                let target = f.target;
                                self.merged_with = Some(who);
                                self.write(target, change, false);
                            }
                        } else {
                            f.error = Some(text);
                        }
                    }
                    (Some(f), None) if !undo => {
                        // The stay is gone or no longer active: nothing to save onto.
                        f.error = Some(text);
                        if version.is_some() {
                            f.target = Target::Stay {
                                id: id.unwrap_or(0),
                                version: None,
                            };
                        }
                    }
                    _ => self.say(&text, true),
                }
            }
            Err(WriteError::Invalid(err)) => match &mut self.form {
                Some(f) if !undo => f.show_error(&err),
                _ => {
                    let msg = edit_error(self.config.language, &err);
                    self.say(&format!("{}: {msg}", e.not_saved), true);
                }
            },
            Err(WriteError::Store(failure)) => {
                let text = self.not_saved_because(&failure);
                match &mut self.form {
                    // The form stays open with everything the user typed.
                    Some(f) if !undo => f.error = Some(text),
                    _ => self.say(&text, true),
                }
            }
        }
    }
}

/// A stay on the board whose name is the same as `name` (ignoring case and spacing).
fn twin_of<'a>(stays: &'a [crate::domain::Stay], name: &str) -> Option<&'a crate::domain::Stay> {
    let key = |n: &str| {
        n.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let want = key(name);
    stays.iter().find(|s| key(&s.name) == want)
}
