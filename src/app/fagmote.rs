//! Fagmøte mode (`F`): the weekly VIPS case meeting. The plan lists the meeting dates and
//! each meeting's agenda; holding a meeting steps through the evaluations due and then each
//! case's four steps (situation, perspective with the VIPS prompts, measures, evaluation
//! date), each with its own time box. Every change is one audited write on the writer
//! thread ([`Request::Fagmote`]); the plan comes back with the result.

use super::form::{Field, Form, FormKind, Input, edit_error};
use super::{Action, App, Mode, Request, Status};
use crate::domain::StayId;
use crate::domain::dates::{add_days, parse_user_date};
use crate::domain::edit::{MAX_NOTE, MAX_SHORT, MAX_TEXT, checked_text};
use crate::domain::fagmote::{
    CaseMeeting, Evaluation, MeetingStatus, Plan, Step, evaluation_default, steps, weekly_series,
};
use crate::i18n::{edit_strings, fagmote_review_strings, fagmote_strings};
use crate::store::fagmote::{CaseError, CaseOp};
use crate::store::write::Target;
use jiff::civil::{Date, DateTime};
use std::collections::HashMap;

/// Which fagmøte form is open, and what it acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FForm {
    AddMeeting,
    MoveMeeting(i64),
    AddCase(i64),
    Withdraw(i64),
    Hold(i64),
    Attend(i64),
    Situation(i64),
    Perspective(i64),
    Measure(i64),
    EvaluateOn(i64),
    /// (measure, meeting)
    Evaluate(i64, i64),
}

/// What a key asks of the fagmøte mode; the app resolves it against the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FagmoteAction {
    /// Move the plan's cursor, or the cursor within a step's list.
    Move(i64),
    /// Generate the weekly series for the semester.
    Series,
    NewMeeting,
    MoveMeeting,
    ToggleCancel,
    AddCase,
    Withdraw,
    /// Enter: hold the selected meeting (plan) or write the step (meeting).
    Enter,
    Step(i64),
    AddMeasure,
    /// Who attends: the checklist of the configured staff (the stand-up's `M` list).
    Attend,
    /// From the checklist: someone not on the staff list (a form with name and discipline).
    AttendOther,
    /// End the meeting; with loose ends, ask first.
    End,
    /// `u`: the board's undo restores a stay's own record, which the fagmøte's rows are not
    /// part of; say how to correct instead of doing nothing.
    Undo,
    /// The answer to the question: end it all the same, or go back to the meeting.
    EndAnyway,
    KeepOpen,
    /// Back from the meeting to the plan, or out of the mode.
    Close,
}

/// A meeting being held.
#[derive(Debug, Clone, PartialEq)]
pub struct Hold {
    pub meeting_id: i64,
    pub steps: Vec<(Step, Option<i64>)>,
    pub pos: usize,
    /// Cursor in the step's list (the measures to evaluate).
    pub item: usize,
    step_since: DateTime,
    /// Seconds spent on each step before its current visit.
    spent: HashMap<usize, i64>,
}

impl Hold {
    /// Seconds spent on the step in view, this visit and earlier ones.
    pub fn used(&self, now: DateTime) -> i64 {
        self.spent.get(&self.pos).copied().unwrap_or(0) + seconds(self.step_since, now)
    }
    pub fn step(&self) -> Option<(Step, Option<i64>)> {
        self.steps.get(self.pos).copied()
    }
    fn go(&mut self, pos: usize, now: DateTime) {
        *self.spent.entry(self.pos).or_insert(0) += seconds(self.step_since, now);
        self.pos = pos;
        self.step_since = now;
        self.item = 0;
    }
}

fn seconds(from: DateTime, to: DateTime) -> i64 {
    from.until(to)
        .ok()
        .and_then(|s| s.total(jiff::Unit::Second).ok())
        .unwrap_or(0.0)
        .max(0.0) as i64
}

/// The fagmøte mode's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fagmote {
    /// Index into [`visible`] of the selected meeting.
    pub cursor: usize,
    pub hold: Option<Hold>,
    /// The change sent to the writer, to act on its result.
    pending: Option<CaseOp>,
    /// `t` found loose ends: the meeting asks «Avslutte likevel? (j/n)» before it ends.
    pub confirm_end: bool,
}

/// The meetings the plan shows: from five weeks back (the recent ones and their
/// evaluations), and every later one.
pub fn visible(plan: &Plan, today: Date) -> Vec<&CaseMeeting> {
    let from = add_days(today, -35);
    plan.meetings.iter().filter(|m| m.date >= from).collect()
}

impl App {
    /// The meeting under the plan's cursor.
    pub fn fagmote_selected(&self) -> Option<&CaseMeeting> {
        let f = self.fagmote.as_ref()?;
        visible(&self.plan, self.today()).get(f.cursor).copied()
    }

    /// Active stays on the board, for "who is active" questions.
    fn active_ids(&self) -> Vec<StayId> {
        self.stays.iter().map(|s| s.id).collect()
    }

    /// The measures the meeting opens with: due by its planned date, or by the day it was
    /// held when that is later. A planned meeting whose date has passed shows what it would
    /// take up if held today.
    pub fn hold_evaluations(&self, meeting: &CaseMeeting) -> Vec<&crate::domain::fagmote::Measure> {
        let cutoff = match meeting.status {
            MeetingStatus::Planned => meeting.date.max(self.today()),
            _ => meeting.evaluation_cutoff(&self.tz),
        };
        self.plan
            .to_evaluate(meeting.id, cutoff, &self.active_ids())
    }

    fn fsay(&mut self, text: String, error: bool) {
        match (&mut self.form, error) {
            (Some(f), true) => f.error = Some(text),
            _ => self.status = Some(Status { text, error }),
        }
    }

    pub(super) fn apply_fagmote(&mut self, action: Action) -> bool {
        match action {
            Action::PlanLoaded(plan) => {
                self.plan = *plan;
                self.after_plan();
                return true;
            }
            Action::FagmoteDone(result) => {
                self.fagmote_done(*result);
                return true;
            }
            _ => {}
        }
        // The mode is the editing board's: a kiosk shows the measures flag only.
        if self.mode == Mode::Kiosk {
            return false;
        }
        match action {
            Action::OpenFagmote => {
                if self.fagmote.is_some() || self.standup.is_some() {
                    return false;
                }
                let today = self.today();
                let list = visible(&self.plan, today);
                let cursor = list
                    .iter()
                    .position(|m| m.status == MeetingStatus::Planned && m.date >= today)
                    .unwrap_or(list.len().saturating_sub(1));
                self.fagmote = Some(Fagmote {
                    cursor,
                    ..Fagmote::default()
                });
                self.overlay = super::Overlay::None;
                true
            }
            Action::Fagmote(a) => self.fagmote_action(a),
            _ => false,
        }
    }

    /// The plan changed: keep the cursor and the meeting's steps in step with it.
    fn after_plan(&mut self) {
        self.rebuild();
        let today = self.today();
        let n = visible(&self.plan, today).len();
        let mut steps_now = None;
        if let Some(f) = &self.fagmote
            && let Some(h) = &f.hold
            && let Some(m) = self.plan.meeting(h.meeting_id)
        {
            let evals = self.hold_evaluations(m).len();
            let cases: Vec<i64> = self.plan.agenda(m.id).iter().map(|c| c.id).collect();
            steps_now = Some(steps(evals, &cases));
        }
        if let Some(f) = &mut self.fagmote {
            f.cursor = f.cursor.min(n.saturating_sub(1));
            if let (Some(h), Some(s)) = (&mut f.hold, steps_now) {
                // A step added in front (the first evaluation) keeps the view on its step.
                let current = h.step();
                h.steps = s;
                if let Some(cur) = current
                    && let Some(p) = h.steps.iter().position(|x| *x == cur)
                {
                    h.pos = p;
                }
                h.pos = h.pos.min(h.steps.len().saturating_sub(1));
            }
        }
    }

    fn fagmote_action(&mut self, a: FagmoteAction) -> bool {
        let t = fagmote_strings(self.config.language);
        let today = self.today();
        let now = self.now;
        let Some(f) = &self.fagmote else { return false };
        let holding = f.hold.is_some();
        match a {
            FagmoteAction::Close => {
                let Some(f) = &mut self.fagmote else {
                    return false;
                };
                if f.confirm_end {
                    f.confirm_end = false;
                } else if f.hold.is_some() {
                    f.hold = None;
                } else {
                    self.fagmote = None;
                }
            }
            FagmoteAction::Move(d) if holding => {
                let n = self.step_items();
                if let Some(h) = self.fagmote.as_mut().and_then(|f| f.hold.as_mut()) {
                    let next = (h.item as i64 + d).clamp(0, n.saturating_sub(1) as i64);
                    h.item = next as usize;
                }
            }
            FagmoteAction::Move(d) => {
                let n = visible(&self.plan, today).len();
                if let Some(f) = &mut self.fagmote {
                    let next = (f.cursor as i64 + d).clamp(0, n.saturating_sub(1) as i64);
                    f.cursor = next as usize;
                }
            }
            FagmoteAction::Series if !holding => {
                let existing: Vec<Date> = self
                    .plan
                    .meetings
                    .iter()
                    .filter(|m| m.status != MeetingStatus::Cancelled)
                    .map(|m| m.date)
                    .collect();
                let dates = weekly_series(today, self.config.fagmote.weekday.to_jiff(), &existing);
                if dates.is_empty() {
                    self.fsay(t.series_complete.to_string(), false);
                } else {
                    self.case_write(CaseOp::AddMeetings { dates });
                }
            }
            FagmoteAction::NewMeeting if !holding => self.open_fform(FForm::AddMeeting),
            FagmoteAction::MoveMeeting if !holding => match self.fagmote_selected() {
                Some(m) => self.open_fform(FForm::MoveMeeting(m.id)),
                None => self.fsay(t.err_no_meeting.into(), true),
            },
            FagmoteAction::ToggleCancel if !holding => {
                let Some(m) = self.fagmote_selected() else {
                    return false;
                };
                let status = match m.status {
                    MeetingStatus::Planned => MeetingStatus::Cancelled,
                    MeetingStatus::Cancelled => MeetingStatus::Planned,
                    MeetingStatus::Held => {
                        self.fsay(t.err_not_planned.into(), true);
                        return true;
                    }
                };
                let id = m.id;
                self.case_write(CaseOp::SetMeetingStatus { id, status });
            }
            FagmoteAction::AddCase if !holding => match self.fagmote_selected() {
                _ if self.stays.is_empty() => self.fsay(t.err_no_stays.into(), true),
                Some(m) if m.status == MeetingStatus::Cancelled => {
                    self.fsay(t.err_not_planned.into(), true)
                }
                Some(m) => self.open_fform(FForm::AddCase(m.id)),
                None => self.fsay(t.err_no_meeting.into(), true),
            },
            FagmoteAction::Withdraw if !holding => match self.fagmote_selected() {
                Some(m) if !self.plan.agenda(m.id).is_empty() => {
                    self.open_fform(FForm::Withdraw(m.id))
                }
                _ => return false,
            },
            FagmoteAction::Enter if !holding => match self.fagmote_selected() {
                Some(m) if m.status == MeetingStatus::Cancelled => {
                    self.fsay(t.err_not_held.into(), true)
                }
                // A meeting already opened (held today, or reopened) goes straight in.
                Some(m) if m.status == MeetingStatus::Held => {
                    let id = m.id;
                    self.start_hold(id);
                }
                Some(m) => self.open_fform(FForm::Hold(m.id)),
                None => self.fsay(t.err_no_meeting.into(), true),
            },
            FagmoteAction::Step(d) => {
                if let Some(h) = self.fagmote.as_mut().and_then(|f| f.hold.as_mut()) {
                    let next = h.pos as i64 + d;
                    if next < 0 || next as usize >= h.steps.len() {
                        return false;
                    }
                    h.go(next as usize, now);
                }
            }
            FagmoteAction::Enter | FagmoteAction::AddMeasure => {
                let Some(h) = self.fagmote.as_ref().and_then(|f| f.hold.as_ref()) else {
                    return false;
                };
                let (meeting, item) = (h.meeting_id, h.item);
                let Some((step, case)) = h.step() else {
                    return false;
                };
                let form = match (step, case, a) {
                    (_, Some(c), FagmoteAction::AddMeasure) => FForm::Measure(c),
                    (Step::Evaluate, _, _) => {
                        let Some(m) = self.plan.meeting(meeting) else {
                            return false;
                        };
                        let Some(id) = self.hold_evaluations(m).get(item).map(|x| x.id) else {
                            return false;
                        };
                        FForm::Evaluate(id, meeting)
                    }
                    (Step::Situation, Some(c), _) => FForm::Situation(c),
                    (Step::Perspective, Some(c), _) => FForm::Perspective(c),
                    (Step::Measures, Some(c), _) => FForm::Measure(c),
                    (Step::EvaluateOn, Some(c), _) => FForm::EvaluateOn(c),
                    _ => return false,
                };
                self.open_fform(form);
            }
            FagmoteAction::Attend => {
                if self.attendance_meeting().is_none() {
                    return false;
                }
                self.overlay = super::Overlay::Attendance;
                self.cursor = 0;
            }
            FagmoteAction::AttendOther => {
                let Some(id) = self.attendance_meeting().map(|m| m.id) else {
                    return false;
                };
                self.overlay = super::Overlay::None;
                self.open_fform(FForm::Attend(id));
            }
            FagmoteAction::End | FagmoteAction::EndAnyway => {
                let Some(h) = self.fagmote.as_ref().and_then(|f| f.hold.as_ref()) else {
                    return false;
                };
                let id = h.meeting_id;
                let ask = a == FagmoteAction::End && !self.end_question().0.is_empty();
                if let Some(f) = &mut self.fagmote {
                    f.confirm_end = ask;
                }
                if !ask {
                    self.case_write(CaseOp::End { id });
                }
            }
            FagmoteAction::Undo => {
                let text = fagmote_review_strings(self.config.language).no_undo;
                self.fsay(text.to_string(), true);
            }
            FagmoteAction::KeepOpen => {
                let Some(f) = &mut self.fagmote else {
                    return false;
                };
                f.confirm_end = false;
            }
            _ => return false,
        }
        true
    }

    /// The meeting `M` records attendance for: the one being held, else the selected
    /// meeting of the plan when it was held.
    pub fn attendance_meeting(&self) -> Option<&CaseMeeting> {
        let f = self.fagmote.as_ref()?;
        match &f.hold {
            Some(h) => self.plan.meeting(h.meeting_id),
            None => self
                .fagmote_selected()
                .filter(|m| m.status == MeetingStatus::Held),
        }
    }

    /// The attendance checklist (`M`), for the stand-up and the fagmøte alike: the
    /// configured staff in order, each (name, discipline key, present), and after them anyone
    /// recorded present at the fagmøte who is not on the staff list (added with `n`, or
    /// since gone from the config), so they can be ticked off too.
    pub fn attendance_list(&self) -> Vec<(String, String, bool)> {
        let present: Vec<(String, String)> = match (&self.standup, self.attendance_meeting()) {
            (Some(st), _) => st.present.clone(),
            (None, Some(m)) => m
                .attendance
                .iter()
                .map(|a| (a.name.clone(), a.discipline.clone()))
                .collect(),
            _ => Vec::new(),
        };
        let mut list: Vec<(String, String, bool)> = self
            .config
            .staff
            .iter()
            .map(|s| {
                let on = present.iter().any(|(n, _)| *n == s.name);
                (s.name.clone(), s.discipline.clone(), on)
            })
            .collect();
        for (n, d) in present {
            if !list.iter().any(|(x, _, _)| *x == n) {
                list.push((n, d, true));
            }
        }
        list
    }

    /// Space on the checklist in the fagmøte: the person at the cursor is there, or not
    /// (one audited write, as every fagmøte change).
    pub(super) fn toggle_case_attendance(&mut self) -> bool {
        let Some(meeting_id) = self.attendance_meeting().map(|m| m.id) else {
            return false;
        };
        let Some((name, discipline, present)) = self.attendance_list().get(self.cursor).cloned()
        else {
            return false;
        };
        self.case_write(if present {
            CaseOp::Leave { meeting_id, name }
        } else {
            CaseOp::Attend {
                meeting_id,
                name,
                discipline,
            }
        });
        true
    }

    /// What ending the meeting being held now would leave undone: the one-line question
    /// («2 tiltak er ikke evaluert. Avslutte likevel? (j/n)»), empty when nothing is, and
    /// one line per loose end saying which (person: measure or case – what it lacks).
    pub fn end_question(&self) -> (String, Vec<String>) {
        let Some(m) = self
            .fagmote
            .as_ref()
            .and_then(|f| f.hold.as_ref())
            .and_then(|h| self.plan.meeting(h.meeting_id))
        else {
            return (String::new(), Vec::new());
        };
        let t = fagmote_review_strings(self.config.language);
        let l = self
            .plan
            .loose_ends(m.id, m.evaluation_cutoff(&self.tz), &self.active_ids());
        if l.is_empty() {
            return (String::new(), Vec::new());
        }
        let count = |forms: [&str; 2], n: usize| {
            (n > 0).then(|| match n {
                1 => forms[0].to_string(),
                _ => forms[1].replace("{n}", &n.to_string()),
            })
        };
        let parts: Vec<String> = [
            count(t.not_evaluated, l.not_evaluated.len()),
            count(t.no_measures, l.no_measures.len()),
            count(t.no_date, l.no_date.len()),
        ]
        .into_iter()
        .flatten()
        .collect();
        let question = format!("{}. {}", parts.join(", "), t.end_anyway);
        let mut which: Vec<String> = l
            .not_evaluated
            .iter()
            .map(|ms| {
                format!(
                    "{}: {} – {}",
                    self.stay_label(ms.stay_id),
                    crate::domain::text::sanitize(&ms.text),
                    t.tag_not_evaluated
                )
            })
            .collect();
        which.extend(
            l.no_measures
                .iter()
                .map(|c| format!("{} – {}", self.case_label(c), t.tag_no_measures)),
        );
        which.extend(
            l.no_date
                .iter()
                .map(|c| format!("{} – {}", self.case_label(c), t.tag_no_date)),
        );
        (question, which)
    }

    /// Items in the current step's list (the evaluations), for the cursor.
    fn step_items(&self) -> usize {
        let Some(h) = self.fagmote.as_ref().and_then(|f| f.hold.as_ref()) else {
            return 0;
        };
        match (h.step(), self.plan.meeting(h.meeting_id)) {
            (Some((Step::Evaluate, _)), Some(m)) => self.hold_evaluations(m).len(),
            _ => 0,
        }
    }

    fn start_hold(&mut self, meeting_id: i64) {
        let Some(m) = self.plan.meeting(meeting_id) else {
            return;
        };
        let evals = self.hold_evaluations(m).len();
        let cases: Vec<i64> = self.plan.agenda(m.id).iter().map(|c| c.id).collect();
        let now = self.now;
        if let Some(f) = &mut self.fagmote {
            f.hold = Some(Hold {
                meeting_id,
                steps: steps(evals, &cases),
                pos: 0,
                item: 0,
                step_since: now,
                spent: HashMap::new(),
            });
        }
    }

    /// Send one fagmøte change to the writer (never from a kiosk, one at a time).
    fn case_write(&mut self, op: CaseOp) {
        if self.mode == Mode::Kiosk {
            return;
        }
        let e = edit_strings(self.config.language);
        if self.db_replaced {
            self.fsay(format!("{}: {}", e.not_saved, e.db_replaced), true);
            return;
        }
        if self.saving.is_some() {
            self.fsay(e.save_pending.to_string(), true);
            return;
        }
        self.saving = Some(super::Saving::default());
        if let Some(f) = &mut self.fagmote {
            f.pending = Some(op.clone());
        }
        self.requests.push(Request::Fagmote(op));
    }

    fn fagmote_done(&mut self, result: Result<(Plan, Option<i64>), CaseError>) {
        let t = fagmote_strings(self.config.language);
        self.saving = None;
        if self.quit_after_save {
            self.quit = true;
        }
        let pending = self.fagmote.as_mut().and_then(|f| f.pending.take());
        match result {
            Ok((plan, _created)) => {
                let old_dates: Vec<Date> = self.plan.meetings.iter().map(|m| m.date).collect();
                self.plan = plan;
                self.form = None;
                self.after_plan();
                match pending {
                    Some(CaseOp::Hold { id, .. }) => self.start_hold(id),
                    Some(CaseOp::End { .. }) => {
                        if let Some(f) = &mut self.fagmote {
                            f.hold = None;
                        }
                        self.fsay(t.ended.to_string(), false);
                    }
                    Some(CaseOp::AddMeetings { dates }) => {
                        let n = dates.iter().filter(|d| !old_dates.contains(d)).count();
                        self.fsay(t.added_series.replace("{n}", &n.to_string()), false);
                        self.select_date(dates.first().copied());
                    }
                    Some(CaseOp::MoveMeeting { date, .. }) => self.select_date(Some(date)),
                    _ => self.fsay(edit_strings(self.config.language).saved.to_string(), false),
                }
            }
            Err(e) => {
                let text = match e {
                    CaseError::Gone => t.err_gone.to_string(),
                    CaseError::DateTaken => t.err_taken.to_string(),
                    CaseError::NotPlanned => t.err_not_planned.to_string(),
                    CaseError::Store(s) => {
                        let e = edit_strings(self.config.language);
                        format!("{}: {}", e.not_saved, crate::domain::text::sanitize(&s))
                    }
                };
                self.fsay(text, true);
            }
        }
    }

    fn select_date(&mut self, d: Option<Date>) {
        let Some(d) = d else { return };
        let today = self.today();
        let pos = visible(&self.plan, today).iter().position(|m| m.date == d);
        if let (Some(f), Some(p)) = (&mut self.fagmote, pos) {
            f.cursor = p;
        }
    }

    fn open_fform(&mut self, kind: FForm) {
        let t = fagmote_strings(self.config.language);
        let cfg = &self.config;
        let lang = cfg.language;
        let today = self.today();
        let staff = |mut f: Field| {
            if let Input::Text { suggestions, .. } = &mut f.input {
                *suggestions = cfg.staff_names();
            }
            f
        };
        let mut disciplines = vec![(String::new(), edit_strings(lang).pick.to_string())];
        disciplines.extend(
            cfg.disciplines
                .iter()
                .map(|c| (c.key.clone(), c.label.get(lang).to_string())),
        );
        let (title, fields) = match kind {
            FForm::AddMeeting => (
                t.form_add_meeting,
                vec![Field::date(
                    t.f_date,
                    Some(
                        weekly_series(today, cfg.fagmote.weekday.to_jiff(), &[])
                            .first()
                            .copied()
                            .unwrap_or(today),
                    ),
                    false,
                )],
            ),
            FForm::MoveMeeting(id) => {
                let d = self.plan.meeting(id).map(|m| m.date);
                (t.form_move_meeting, vec![Field::date(t.f_date, d, false)])
            }
            FForm::AddCase(_) => {
                let people: Vec<(String, String)> = self
                    .rows
                    .iter()
                    .map(|r| (self.stays[r.stay].id.to_string(), r.label.clone()))
                    .collect();
                // The selected stay on the board is the likely one.
                let sel = self
                    .selected_stay()
                    .map(|(_, s)| s.id.to_string())
                    .unwrap_or_default();
                let contact = self
                    .selected_stay()
                    .map(|(_, s)| s.primary_contact.clone())
                    .unwrap_or_default();
                (
                    t.form_add_case,
                    vec![
                        Field::choice(t.f_person, people, &sel),
                        Field::text(t.f_title, "", MAX_SHORT, true),
                        staff(Field::text(t.f_put_up_by, &contact, MAX_SHORT, false)),
                    ],
                )
            }
            FForm::Withdraw(mid) => {
                let cases: Vec<(String, String)> = self
                    .plan
                    .agenda(mid)
                    .iter()
                    .map(|c| (c.id.to_string(), self.case_label(c)))
                    .collect();
                (t.form_withdraw, vec![Field::choice(t.f_case, cases, "")])
            }
            FForm::Hold(id) => {
                let m = self.plan.meeting(id);
                (
                    t.form_hold,
                    vec![
                        staff(Field::text(
                            t.f_led_by,
                            m.map_or("", |m| m.led_by.as_str()),
                            MAX_SHORT,
                            true,
                        )),
                        staff(Field::text(
                            t.f_supervisor,
                            m.map_or("", |m| m.supervisor.as_str()),
                            MAX_SHORT,
                            false,
                        )),
                    ],
                )
            }
            FForm::Attend(_) => (
                t.form_attend,
                vec![
                    staff(Field::text(t.f_name, "", MAX_SHORT, true)),
                    Field::choice(t.f_discipline, disciplines, ""),
                    Field::choice(
                        t.f_present,
                        vec![
                            ("yes".into(), t.present_yes.into()),
                            ("no".into(), t.present_no.into()),
                        ],
                        "yes",
                    ),
                ],
            ),
            FForm::Situation(c) => {
                let v = self.plan.case(c).map_or("", |c| c.situation.as_str());
                (
                    t.form_situation,
                    vec![Field::text(t.f_situation, v, MAX_NOTE, true)],
                )
            }
            FForm::Perspective(c) => {
                let case = self.plan.case(c);
                let get =
                    |f: fn(&crate::domain::fagmote::Case) -> &str| case.map_or("", f).to_string();
                let p = &cfg.fagmote.prompts;
                let mut fields = vec![
                    Field::text(t.f_value, &get(|c| &c.value_prompt), MAX_NOTE, false),
                    Field::text(
                        t.f_individual,
                        &get(|c| &c.individual_prompt),
                        MAX_NOTE,
                        false,
                    ),
                    Field::text(t.f_perspective, &get(|c| &c.perspective), MAX_NOTE, true),
                    Field::text(t.f_social, &get(|c| &c.social_prompt), MAX_NOTE, false),
                ];
                // Each VIPS element's question stands above its field.
                for (f, q) in
                    fields
                        .iter_mut()
                        .zip([&p.value, &p.individual, &p.perspective, &p.social])
                {
                    f.heading = Some(crate::domain::text::sanitize(q.get(lang)));
                }
                (t.form_perspective, fields)
            }
            FForm::Measure(_) => {
                // From the day the meeting is held (not the day it was planned for).
                let date = self
                    .fagmote
                    .as_ref()
                    .and_then(|f| f.hold.as_ref())
                    .and_then(|h| self.plan.meeting(h.meeting_id))
                    .map_or(today, |m| m.day(&self.tz));
                (
                    t.form_measure,
                    vec![
                        Field::text(t.f_measure, "", MAX_TEXT, true),
                        staff(Field::text(t.f_who, "", MAX_SHORT, true)),
                        Field::date(t.f_from, Some(date), true),
                    ],
                )
            }
            FForm::EvaluateOn(c) => {
                let case = self.plan.case(c);
                let held = case
                    .and_then(|c| self.plan.meeting(c.meeting_id))
                    .map_or(today, |m| m.day(&self.tz));
                let d = case.and_then(|c| c.evaluate_on).unwrap_or_else(|| {
                    evaluation_default(&self.plan, held, cfg.fagmote.evaluate_after_days)
                });
                (
                    t.form_evaluate_on,
                    vec![Field::date(t.f_evaluate_on, Some(d), false)],
                )
            }
            FForm::Evaluate(mid, _) => {
                let m = self.plan.measures.iter().find(|m| m.id == mid);
                // Starts on «velg», so that nothing is recorded by accident.
                let mut options = vec![(String::new(), edit_strings(lang).pick.to_string())];
                options.extend(
                    Evaluation::ALL
                        .iter()
                        .map(|e| (e.as_str().to_string(), evaluation_label(*e, lang).into())),
                );
                let sel = m.and_then(|m| m.evaluation).map_or("", |e| e.as_str());
                let mut fields = vec![
                    Field::choice(t.f_evaluation, options, sel),
                    Field::text(
                        t.f_note,
                        m.map_or("", |m| m.evaluation_note.as_str()),
                        MAX_NOTE,
                        false,
                    ),
                ];
                if let Some(m) = m {
                    fields[0].heading =
                        Some(format!("«{}»", crate::domain::text::sanitize(&m.text)));
                }
                (t.form_evaluate, fields)
            }
        };
        let mut form = Form::new(
            FormKind::Fagmote(kind),
            title,
            fields,
            Target::New,
            &self.config,
        );
        // The person is preselected (the board's selection): the title is what to type.
        if matches!(kind, FForm::AddCase(_)) {
            form.focus = 1;
        }
        self.form = Some(form);
    }

    /// «Kari H.: Uro ved kveldsstell», with the name as this screen may show it.
    pub fn case_label(&self, c: &crate::domain::fagmote::Case) -> String {
        let who = self.stay_label(c.stay_id);
        format!("{who}: {}", crate::domain::text::sanitize(&c.title))
    }

    /// A stay's name as this screen shows it (initials when names are hidden); a stay no
    /// longer on the board is named by its id.
    pub fn stay_label(&self, id: StayId) -> String {
        self.rows
            .iter()
            .find(|r| self.stays[r.stay].id == id)
            .map(|r| r.label.clone())
            .unwrap_or_else(|| format!("#{id}"))
    }

    /// Enter in a fagmøte form: check the fields, then send the change.
    pub(super) fn submit_fagmote(&mut self, kind: FForm) -> bool {
        let today = self.today();
        let lang = self.config.language;
        let Some(form) = &mut self.form else {
            return false;
        };
        for f in &mut form.fields {
            f.error = None;
        }
        let built = build(form, kind, today, lang, &self.config.staff);
        match built {
            Ok(op) => self.case_write(op),
            Err((i, msg)) => {
                form.focus = i;
                form.fields[i].error = Some(msg);
                form.fields[i].fresh = true;
            }
        }
        true
    }
}

/// The answer's words.
pub fn evaluation_label(e: Evaluation, lang: crate::config::Language) -> &'static str {
    let t = fagmote_strings(lang);
    match e {
        Evaluation::Worked => t.worked,
        Evaluation::Partly => t.partly,
        Evaluation::DidNotWork => t.did_not_work,
    }
}

fn build(
    form: &Form,
    kind: FForm,
    today: Date,
    lang: crate::config::Language,
    staff: &[crate::config::Staff],
) -> Result<CaseOp, (usize, String)> {
    let e = edit_strings(lang);
    let text = |i: usize| -> Result<String, (usize, String)> {
        let f = &form.fields[i];
        let (max, required) = match &f.input {
            Input::Text { max, required, .. } => (*max, *required),
            _ => (MAX_SHORT, false),
        };
        checked_text(f.value(), max, required).map_err(|err| (i, edit_error(lang, &err)))
    };
    let date = |i: usize| -> Result<Option<Date>, (usize, String)> {
        let f = &form.fields[i];
        let optional = matches!(f.input, Input::Date { optional: true, .. });
        match parse_user_date(f.value(), today) {
            Ok(d) => Ok(Some(d)),
            Err(crate::domain::dates::DateInputError::Empty) if optional => Ok(None),
            Err(_) => Err((i, e.err_date_empty.to_string())),
        }
    };
    let required_date = |i: usize| date(i)?.ok_or_else(|| (i, e.err_date_empty.to_string()));
    let id = |i: usize| -> Result<i64, (usize, String)> {
        form.fields[i]
            .value()
            .parse()
            .map_err(|_| (i, e.err_unknown_choice.to_string()))
    };
    Ok(match kind {
        FForm::AddMeeting => CaseOp::AddMeetings {
            dates: vec![required_date(0)?],
        },
        FForm::MoveMeeting(id) => CaseOp::MoveMeeting {
            id,
            date: required_date(0)?,
        },
        FForm::AddCase(meeting_id) => CaseOp::AddCase {
            meeting_id,
            stay_id: id(0)?,
            title: text(1)?,
            put_up_by: text(2)?,
        },
        FForm::Withdraw(_) => CaseOp::WithdrawCase { id: id(0)? },
        FForm::Hold(id) => CaseOp::Hold {
            id,
            led_by: text(0)?,
            supervisor: text(1)?,
        },
        FForm::Attend(meeting_id) => {
            let name = text(0)?;
            if form.fields[2].value() == "no" {
                CaseOp::Leave { meeting_id, name }
            } else {
                // A name from the staff list brings its discipline when none is chosen.
                let mut discipline = form.fields[1].value().to_string();
                if discipline.is_empty()
                    && let Some(s) = staff.iter().find(|s| s.name == name)
                {
                    discipline = s.discipline.clone();
                }
                if discipline.is_empty() {
                    return Err((1, e.err_unknown_choice.to_string()));
                }
                CaseOp::Attend {
                    meeting_id,
                    name,
                    discipline,
                }
            }
        }
        FForm::Situation(case_id) => CaseOp::Situation {
            case_id,
            text: text(0)?,
        },
        FForm::Perspective(case_id) => CaseOp::Perspective {
            case_id,
            value: text(0)?,
            individual: text(1)?,
            perspective: text(2)?,
            social: text(3)?,
        },
        FForm::Measure(case_id) => CaseOp::AddMeasure {
            case_id,
            text: text(0)?,
            who: text(1)?,
            from_on: date(2)?,
        },
        FForm::EvaluateOn(case_id) => CaseOp::EvaluateOn {
            case_id,
            date: required_date(0)?,
        },
        FForm::Evaluate(measure_id, meeting_id) => CaseOp::Evaluate {
            measure_id,
            meeting_id,
            evaluation: Evaluation::parse(form.fields[0].value())
                .ok_or_else(|| (0, e.err_unknown_choice.to_string()))?,
            note: text(1)?,
            on: today,
        },
    })
}
