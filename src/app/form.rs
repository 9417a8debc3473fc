//! Forms: fields the user types into, and turning them into one [`Change`] on Enter.
//! A form never writes; it only produces a request or points at the field that is wrong.

use crate::config::{Choice, Config, Language};
use crate::domain::dates::{DateInputError, fmt_date, parse_user_date};
use crate::domain::edit::{
    Change, EditError, MAX_INITIALS, MAX_NAME, MAX_NOTE, MAX_SHORT, MAX_TEXT, StayFields,
    checked_text,
};
use crate::domain::flags::evaluate;
use crate::domain::text::clean_input;
use crate::domain::{DeadlineKind, GoalStatus, Level, MedStatus, Stay, initials};
use crate::i18n::{edit_strings, strings};
use crate::store::write::Target;
use jiff::civil::Date;

/// What the user does inside a form field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    Char(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Empty the field.
    Clear,
}

/// One field's input.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// Free text; `suggestions` are offered as a completion (→ at the end accepts).
    Text {
        value: String,
        cursor: usize,
        max: usize,
        required: bool,
        suggestions: Vec<String>,
    },
    /// A typed date; empty means "none" when `optional`.
    Date {
        value: String,
        cursor: usize,
        optional: bool,
    },
    /// One of a fixed list (key, label), cycled with ←/→.
    Choice {
        options: Vec<(String, String)>,
        index: usize,
    },
}

/// A labelled field with its inline error.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub label: &'static str,
    pub input: Input,
    pub error: Option<String>,
    /// Set once the user typed here, so derived defaults stop overwriting it.
    pub touched: bool,
    /// Just focused and not yet edited: typing into a date replaces it (like a selection).
    pub fresh: bool,
    /// Typing into this text field while it is fresh replaces it too (a prefilled time:
    /// «2330» must not become «08:302330»).
    pub replace: bool,
    /// A line drawn above the field: what it decides (the discharge evaluation's items).
    pub heading: Option<String>,
    /// The open item this field decides (`goal.12`, `follow_up.3`, `gp`; a decision's note
    /// ends in `#note`), in the discharge evaluation.
    pub item: Option<String>,
}

impl Field {
    pub(super) fn text(label: &'static str, value: &str, max: usize, required: bool) -> Self {
        Self {
            label,
            input: Input::Text {
                value: value.to_string(),
                cursor: value.chars().count(),
                max,
                required,
                suggestions: Vec::new(),
            },
            error: None,
            touched: false,
            fresh: true,
            replace: false,
            heading: None,
            item: None,
        }
    }
    pub(super) fn date(label: &'static str, value: Option<Date>, optional: bool) -> Self {
        let value = value.map(fmt_date).unwrap_or_default();
        Self {
            label,
            input: Input::Date {
                cursor: value.chars().count(),
                value,
                optional,
            },
            error: None,
            touched: false,
            fresh: true,
            replace: false,
            heading: None,
            item: None,
        }
    }
    pub(super) fn choice(
        label: &'static str,
        options: Vec<(String, String)>,
        selected: &str,
    ) -> Self {
        let index = options.iter().position(|(k, _)| k == selected).unwrap_or(0);
        Self {
            label,
            input: Input::Choice { options, index },
            error: None,
            touched: false,
            fresh: true,
            replace: false,
            heading: None,
            item: None,
        }
    }

    /// The text as typed (or the chosen key).
    pub fn value(&self) -> &str {
        match &self.input {
            Input::Text { value, .. } | Input::Date { value, .. } => value,
            Input::Choice { options, index } => options.get(*index).map_or("", |o| o.0.as_str()),
        }
    }

    /// The completion offered for a text field, if any: the first suggestion that starts
    /// with what was typed (case-insensitively) and is longer.
    pub fn completion(&self) -> Option<&str> {
        let Input::Text {
            value, suggestions, ..
        } = &self.input
        else {
            return None;
        };
        let typed = value.to_lowercase();
        suggestions
            .iter()
            .find(|s| s.to_lowercase().starts_with(&typed) && s.len() > value.len())
            .map(String::as_str)
    }

    /// Set the value as `value()` reads it (a choice by its key).
    pub(crate) fn set_value(&mut self, v: &str) {
        match &mut self.input {
            Input::Choice { options, index } => {
                if let Some(i) = options.iter().position(|o| o.0 == v) {
                    *index = i;
                }
            }
            _ => self.set_text(v.to_string()),
        }
    }

    pub(crate) fn set_text(&mut self, text: String) {
        if let Input::Text { value, cursor, .. } | Input::Date { value, cursor, .. } =
            &mut self.input
        {
            *cursor = text.chars().count();
            *value = text;
        }
    }

    fn key(&mut self, key: FormKey) {
        let completion = self.completion().map(str::to_string);
        if self.fresh
            && (self.replace || matches!(self.input, Input::Date { .. }))
            && matches!(key, FormKey::Char(c) if !c.is_control())
        {
            self.set_text(String::new());
        }
        let was_fresh = std::mem::replace(&mut self.fresh, false);
        match &mut self.input {
            Input::Choice { options, index } => {
                let n = options.len().max(1);
                // Typing on in the same field continues the chosen key when an option has
                // it: «1» then «0» is 10 on a 0–10 scale, not 0.
                let continued = match key {
                    FormKey::Char(c) if !was_fresh => {
                        let cur = options.get(*index).map_or("", |o| o.0.as_str());
                        let want = format!("{cur}{c}");
                        options.iter().position(|o| !cur.is_empty() && o.0 == want)
                    }
                    _ => None,
                };
                match key {
                    FormKey::Char(_) if continued.is_some() => {
                        *index = continued.unwrap_or(*index);
                    }
                    FormKey::Left => *index = (*index + n - 1) % n,
                    FormKey::Right | FormKey::Char(' ') => *index = (*index + 1) % n,
                    FormKey::Home => *index = 0,
                    FormKey::End => *index = n - 1,
                    // Typing a letter jumps to the next option starting with it.
                    FormKey::Char(c) => {
                        let c = c.to_lowercase().to_string();
                        if let Some(i) = (1..=n).map(|k| (*index + k) % n).find(|&i| {
                            options.get(i).is_some_and(|(key, label)| {
                                label.to_lowercase().starts_with(&c)
                                    || key.to_lowercase().starts_with(&c)
                            })
                        }) {
                            *index = i;
                        }
                    }
                    _ => {}
                }
            }
            Input::Text { value, cursor, .. } | Input::Date { value, cursor, .. } => {
                let len = value.chars().count();
                let byte = |s: &str, i: usize| s.char_indices().nth(i).map_or(s.len(), |(b, _)| b);
                match key {
                    FormKey::Char(c) if !c.is_control() => {
                        let at = byte(value, *cursor);
                        value.insert(at, c);
                        *cursor += 1;
                    }
                    FormKey::Char(_) => {}
                    FormKey::Backspace if *cursor > 0 => {
                        let at = byte(value, *cursor - 1);
                        value.remove(at);
                        *cursor -= 1;
                    }
                    FormKey::Delete if *cursor < len => {
                        let at = byte(value, *cursor);
                        value.remove(at);
                    }
                    FormKey::Backspace | FormKey::Delete => {}
                    FormKey::Left => *cursor = cursor.saturating_sub(1),
                    FormKey::Right if *cursor == len => {
                        if let Some(c) = completion {
                            *cursor = c.chars().count();
                            *value = c;
                        }
                    }
                    FormKey::Right => *cursor += 1,
                    FormKey::Home => *cursor = 0,
                    FormKey::End => *cursor = len,
                    FormKey::Clear => {
                        value.clear();
                        *cursor = 0;
                    }
                }
            }
        }
        self.touched = true;
        self.error = None;
    }
}

/// Which change a form makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    AddStay,
    EditStay,
    AddGoal,
    EditGoal(i64),
    Assessment,
    Gp,
    Medication,
    AddFollowUp,
    Delay,
    Discharge,
    /// Record what happened to the person (`h`).
    AddEvent,
    /// Correct a recorded event.
    EditEvent(i64),
    /// The person's own scores (0–10) of one goal, at the home visit and at discharge.
    GoalScore(i64),
    /// A new referral (`None`) or an existing one (id, version seen).
    Referral(Option<(crate::domain::referral::ReferralId, i64)>),
    /// The decision on a referral (id, version seen).
    Decide(crate::domain::referral::ReferralId, i64),
    /// Admitting an accepted referral: its target group and primary contact (id, version).
    Admit(crate::domain::referral::ReferralId, i64),
    /// Add a next of kin to the stay.
    AddKin,
    /// Edit one of the stay's next of kin.
    EditKin(i64),
    /// A fagmøte form (built and sent by [`super::fagmote`]).
    Fagmote(super::fagmote::FForm),
}

impl FormKind {
    /// Forms of the referral queue: built and submitted by [`super::referrals`].
    pub fn is_referral(self) -> bool {
        matches!(
            self,
            FormKind::Referral(_) | FormKind::Decide(..) | FormKind::Admit(..)
        )
    }
}

/// An open form.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A message for the whole form (a conflict or a failed write); what was typed is kept.
    pub error: Option<String>,
    /// A line above the fields (the discharge evaluation's list of open items).
    pub intro: Option<String>,
    pub target: Target,
    pub lang: Language,
    /// The deadline rules, for the planned-discharge default of the stay forms.
    rules: crate::domain::Rules,
    /// The stay's admission date: a goal cannot be set before it.
    admitted: Option<Date>,
    /// The clock when the form opened: an event today cannot be timed after it.
    now: Option<jiff::civil::DateTime>,
    /// Warnings already shown, one per kind with what they were about (a new stay's
    /// name on the board already, its dates overfilling the ward): Enter again on the
    /// same thing saves it knowingly ([`Form::warn_once`]).
    warned: Vec<(&'static str, String)>,
    /// Esc was pressed once on a discharge evaluation with typing in it.
    pub esc_armed: bool,
    /// The delay reasons already recorded, so the delay form shows the chosen deadline's.
    delays: Vec<crate::domain::Delay>,
    /// Each field's value when the form was opened (or last rebased on a colleague's save):
    /// what the user did not change is never written back over someone else's change.
    opened: Vec<String>,
    /// The discharge form's stay as it was opened on, so the unmet elements of the model
    /// can be checked again for the discharge date typed.
    pub(super) snapshot: Option<Box<Stay>>,
    /// A gentle warning under a field (its index), not a refusal: a GP appointment booked
    /// on a weekend or public holiday («NB: 25.12.2026 er 1. juledag»).
    pub notice: Option<(usize, String)>,
}

fn choices(list: &[Choice], lang: Language) -> Vec<(String, String)> {
    list.iter()
        .map(|c| (c.key.clone(), c.label.get(lang).to_string()))
        .collect()
}

/// A list that starts on "pick one", so that nothing is recorded by accident.
pub(super) fn pick_one(list: &[Choice], lang: Language) -> Vec<(String, String)> {
    let mut v = vec![(String::new(), edit_strings(lang).pick.to_string())];
    v.extend(choices(list, lang));
    v
}

impl Form {
    pub(super) fn new(
        kind: FormKind,
        title: &str,
        fields: Vec<Field>,
        target: Target,
        cfg: &Config,
    ) -> Self {
        Self {
            kind,
            title: title.to_string(),
            fields,
            focus: 0,
            error: None,
            intro: None,
            target,
            lang: cfg.language,
            rules: cfg.rules(),
            admitted: None,
            now: None,
            warned: Vec::new(),
            esc_armed: false,
            delays: Vec::new(),
            opened: Vec::new(),
            snapshot: None,
            notice: None,
        }
    }

    /// The GP booking's date on a weekend or holiday gets a warning under it; any other
    /// date, or one not understood, none. Saving is never refused for it.
    fn update_notice(&mut self, today: Date) {
        self.notice = None;
        if self.kind == FormKind::Gp
            && let Some(f) = self.fields.first()
            && let Ok(d) = parse_user_date(f.value(), today)
        {
            self.notice = crate::i18n::not_working_warning(d, self.lang).map(|t| (0, t));
        }
    }

    /// Only when the config has no target groups at all may a new stay have none.
    fn opened_group_blank_allowed(&self) -> bool {
        matches!(&self.fields[2].input, Input::Choice { options, .. } if options.len() <= 1)
    }

    /// Values compared as meant, not as typed: `1.12` and `01.12.2026` are one date.
    fn canonical(&self, i: usize, today: Date) -> String {
        let f = &self.fields[i];
        match &f.input {
            Input::Date { value, .. } => match parse_user_date(value, today) {
                Ok(d) => fmt_date(d),
                Err(_) => value.trim().to_string(),
            },
            Input::Text { value, .. } => clean_input(value),
            Input::Choice { .. } => f.value().to_string(),
        }
    }

    fn remember_opened(&mut self, today: Date) {
        self.opened = (0..self.fields.len())
            .map(|i| self.canonical(i, today))
            .collect();
    }

    /// Indices of the fields the user changed since the form was opened.
    pub fn changed_fields(&self, today: Date) -> Vec<usize> {
        (0..self.fields.len())
            .filter(|&i| self.opened.get(i) != Some(&self.canonical(i, today)))
            .collect()
    }

    /// Someone else saved the stay while this form was open; `fresh` is this form opened on
    /// the stay as it is now. Fields the user left alone take the new values; fields the
    /// user changed keep the user's value. Returns the fields both changed to different
    /// values (each gets a message showing the other value), so the user can choose.
    pub fn rebase(&mut self, fresh: &Form, who: &str, today: Date) -> Vec<usize> {
        let items = |f: &Form| f.fields.iter().map(|x| x.item.clone()).collect::<Vec<_>>();
        if self.kind == FormKind::Discharge && items(self) != items(fresh) {
            super::discharge::rebase(self, fresh);
            self.opened = fresh.opened.clone();
            self.snapshot = fresh.snapshot.clone();
            self.target = fresh.target;
            return Vec::new();
        }
        let e = edit_strings(self.lang);
        let mut both = Vec::new();
        for i in 0..self.fields.len().min(fresh.fields.len()) {
            let mine = self.canonical(i, today);
            let base = self.opened.get(i).cloned().unwrap_or_default();
            let theirs = fresh.canonical(i, today);
            if mine == base {
                let v = fresh.fields[i].value().to_string();
                self.fields[i].set_value(&v);
            } else if theirs != base && theirs != mine {
                let shown = match &fresh.fields[i].input {
                    Input::Choice { options, index } => {
                        options.get(*index).map_or(theirs.clone(), |o| o.1.clone())
                    }
                    _ => theirs.clone(),
                };
                let shown = if shown.is_empty() {
                    e.empty_value.to_string()
                } else {
                    shown
                };
                self.fields[i].error = Some(
                    e.conflict_field
                        .replace("{who}", who)
                        .replace("{value}", &shown),
                );
                both.push(i);
            }
        }
        self.opened = fresh.opened.clone();
        self.target = fresh.target;
        self.delays = fresh.delays.clone();
        if let Some(&i) = both.first() {
            self.focus = i;
        }
        both
    }

    /// The form for `kind`, filled from the stay (if any) and today.
    pub fn open(kind: FormKind, stay: Option<&Stay>, cfg: &Config, today: Date) -> Option<Self> {
        let e = edit_strings(cfg.language);
        let s = strings(cfg.language);
        let lang = cfg.language;
        let target = match stay {
            Some(st) => Target::Stay {
                id: st.id,
                version: Some(st.version),
            },
            None => Target::New,
        };
        let form = match kind {
            FormKind::AddStay | FormKind::EditStay => {
                let (title, blank);
                let st = match (kind, stay) {
                    (FormKind::EditStay, Some(st)) => {
                        title = e.edit_stay;
                        st.clone()
                    }
                    (FormKind::EditStay, None) => return None,
                    _ => {
                        title = e.add_stay;
                        // No group until someone picks one: the group sets the deadlines
                        // (from hospital: medication by day 3), so it is never a default.
                        blank = Stay::new(0, "", today, cfg.rules().default_discharge(today));
                        blank
                    }
                };
                let mut groups = choices(&cfg.target_groups, lang);
                if kind == FormKind::AddStay && !groups.is_empty() {
                    groups = pick_one(&cfg.target_groups, lang);
                } else if groups.is_empty() || !groups.iter().any(|g| g.0 == st.target_group) {
                    groups.insert(0, (st.target_group.clone(), e.none_choice.to_string()));
                }
                let mut contact = Field::text(e.contact, &st.primary_contact, MAX_SHORT, false);
                if let Input::Text { suggestions, .. } = &mut contact.input {
                    *suggestions = cfg.staff_names();
                }
                let mut fields = vec![
                    Field::text(e.name, &st.name, MAX_NAME, true),
                    Field::text(e.initials, &st.initials, MAX_INITIALS, false),
                    Field::choice(e.target_group, groups, &st.target_group),
                    Field::date(e.admitted, Some(st.admitted), false),
                    Field::date(e.planned_discharge, Some(st.planned_discharge), false),
                    contact,
                    Field::text(e.note, &st.note, MAX_NOTE, false),
                ];
                if kind == FormKind::EditStay {
                    // Existing values are the user's, not defaults to re-derive.
                    fields[1].touched = true;
                    fields[4].touched = true;
                }
                let target = if kind == FormKind::AddStay {
                    Target::New
                } else {
                    target
                };
                Self::new(kind, title, fields, target, cfg)
            }
            FormKind::AddGoal | FormKind::EditGoal(_) => {
                let st = stay?;
                let (title, text, set_on) = match kind {
                    FormKind::EditGoal(id) => {
                        let g = st.goals.iter().find(|g| g.id == id)?;
                        (e.edit_goal, g.text.as_str(), g.set_on)
                    }
                    _ => (e.add_goal, "", today),
                };
                let d = crate::i18n::deadline_strings(lang);
                let mut f = Self::new(
                    kind,
                    title,
                    vec![
                        Field::text(e.goal_text, text, MAX_TEXT, true),
                        // Goals written down the day after the visit were set at the visit.
                        Field::date(d.goal_set_on, Some(set_on), false),
                    ],
                    target,
                    cfg,
                );
                f.admitted = Some(st.admitted);
                f
            }
            FormKind::GoalScore(id) => {
                let g = stay?.goals.iter().find(|g| g.id == id)?;
                super::fidelity::goal_score_form(g, kind, target, cfg)
            }
            FormKind::Assessment => {
                let st = stay?;
                Self::new(
                    kind,
                    e.assessment,
                    vec![Field::date(
                        e.done_on,
                        Some(st.assessment_done.unwrap_or(today)),
                        true,
                    )],
                    target,
                    cfg,
                )
            }
            FormKind::Gp => {
                let st = stay?;
                Self::new(
                    kind,
                    e.gp,
                    vec![
                        Field::date(e.booked_for, st.gp.booked_for, true),
                        Field::date(e.done_on, st.gp.done_on, true),
                    ],
                    target,
                    cfg,
                )
            }
            FormKind::Medication => {
                let st = stay?;
                let statuses = [
                    (MedStatus::NotStarted, s.med_not_started),
                    (MedStatus::InProgress, s.med_in_progress),
                    (MedStatus::Done, s.med_done),
                ]
                .map(|(m, l)| (m.as_str().to_string(), l.to_string()))
                .to_vec();
                // Opens on what is recorded now, so Enter never records a step by accident.
                let next = st.med_status;
                Self::new(
                    kind,
                    e.medication,
                    vec![
                        Field::choice(e.status, statuses, next.as_str()),
                        // A date only with «samstemt»: "in progress, done today" misleads.
                        Field::date(
                            e.done_on,
                            (st.med_status == MedStatus::Done)
                                .then(|| st.med_done.unwrap_or(today)),
                            true,
                        ),
                    ],
                    target,
                    cfg,
                )
            }
            FormKind::AddFollowUp => {
                stay?;
                Self::new(
                    kind,
                    e.add_follow_up,
                    vec![
                        Field::text(e.text, "", MAX_TEXT, true),
                        Field::choice(e.discipline, pick_one(&cfg.disciplines, lang), ""),
                        Field::date(e.due, None, true),
                    ],
                    target,
                    cfg,
                )
            }
            FormKind::Delay => {
                let st = stay?;
                let flags = evaluate(st, &cfg.rules(), today, today);
                let kinds = [
                    (
                        DeadlineKind::Assessment,
                        s.assessment,
                        flags.assessment.level,
                    ),
                    (DeadlineKind::Gp, s.gp, flags.gp.level),
                    (
                        DeadlineKind::Medication,
                        s.medication,
                        flags.medication.level,
                    ),
                    (DeadlineKind::Discharge, s.discharge, flags.discharge.level),
                ];
                // Preselect the first overdue deadline without a known reason.
                let first = kinds
                    .iter()
                    .find(|(k, _, l)| *l == Level::Overdue && st.delay(*k).is_none())
                    .or_else(|| kinds.iter().find(|(_, _, l)| *l == Level::Overdue))
                    .map_or(DeadlineKind::Assessment, |k| k.0);
                let mut reasons = choices(&cfg.delay_reasons, lang);
                reasons.push((String::new(), e.no_reason.to_string()));
                let existing = st.delay(first);
                let mut f = Self::new(
                    kind,
                    e.delay,
                    vec![
                        Field::choice(
                            e.deadline,
                            kinds
                                .iter()
                                .map(|(k, l, _)| (k.as_str().to_string(), l.to_string()))
                                .collect(),
                            first.as_str(),
                        ),
                        Field::choice(e.reason, reasons, existing.map_or("", |d| &d.reason)),
                        Field::text(e.text, existing.map_or("", |d| &d.text), MAX_SHORT, false),
                    ],
                    target,
                    cfg,
                );
                f.delays = st.delays.clone();
                f
            }
            FormKind::Discharge => super::discharge::open(stay?, cfg, today, target),
            FormKind::AddEvent | FormKind::EditEvent(_) => {
                let st = stay?;
                let ev = crate::i18n::event_strings(lang);
                let existing = match kind {
                    FormKind::EditEvent(id) => Some(st.events.iter().find(|e| e.id == id)?),
                    _ => None,
                };
                let mut kinds = pick_one(&cfg.event_kinds, lang);
                // A kind no longer in the list stays choosable for the event that has it.
                if let Some(e) = existing
                    && !kinds.iter().any(|k| k.0 == e.kind)
                {
                    kinds.push((e.kind.clone(), crate::domain::text::sanitize(&e.kind)));
                }
                let title = if existing.is_some() {
                    ev.edit_event
                } else {
                    ev.add_event
                };
                let mut f = Self::new(
                    kind,
                    title,
                    vec![
                        Field::choice(ev.kind, kinds, existing.map_or("", |e| e.kind.as_str())),
                        Field::date(
                            ev.date,
                            Some(existing.map_or(today, |e| e.occurred_on)),
                            false,
                        ),
                        Field {
                            replace: true,
                            ..Field::text(
                                ev.time,
                                &existing
                                    .and_then(|e| e.occurred_time)
                                    .map(crate::domain::events::fmt_time)
                                    .unwrap_or_default(),
                                8,
                                false,
                            )
                        },
                        Field::text(
                            ev.note,
                            existing.map_or("", |e| e.note.as_str()),
                            MAX_TEXT,
                            false,
                        ),
                    ],
                    target,
                    cfg,
                );
                f.admitted = Some(st.admitted);
                f
            }
            // Opened from the referral queue, not from a stay.
            FormKind::Referral(_) | FormKind::Decide(..) | FormKind::Admit(..) => return None,
            FormKind::AddKin | FormKind::EditKin(_) => super::kin::open(kind, stay?, cfg, target)?,
            FormKind::Fagmote(_) => return None,
        };
        let mut form = form;
        form.remember_opened(today);
        form.update_notice(today);
        Some(form)
    }

    /// A new event's time defaults to now (the form itself knows only today): set once
    /// when the form opens, as if it had opened with it.
    pub(super) fn default_event_time(&mut self, now: jiff::civil::DateTime, today: Date) {
        self.now = Some(now);
        if self.kind == FormKind::AddEvent
            && let Some(f) = self.fields.get_mut(2)
        {
            f.set_text(crate::domain::events::fmt_time(now.time()));
            self.remember_opened(today);
        }
    }

    /// Move to the next (or previous) field.
    pub fn step(&mut self, forward: bool) {
        let n = self.fields.len();
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
        self.fields[self.focus].fresh = true;
    }

    /// Type into the focused field; keeps derived defaults (initials, planned discharge)
    /// in step until the user edits them.
    pub fn key(&mut self, key: FormKey, today: Date) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.key(key);
        }
        self.error = None;
        self.update_notice(today);
        if self.kind == FormKind::Medication && self.focus == 0 {
            let done = MedStatus::parse(self.fields[0].value()) == Some(MedStatus::Done);
            if !done {
                self.fields[1].set_text(String::new());
            } else if self.fields[1].value().is_empty() {
                self.fields[1].set_text(fmt_date(today));
            }
        }
        if self.kind == FormKind::Delay && self.focus == 0 {
            // Show what is already recorded for the deadline now chosen.
            let kind = DeadlineKind::parse(self.fields[0].value());
            let existing = self.delays.iter().find(|d| Some(d.kind) == kind).cloned();
            if let Input::Choice { options, index } = &mut self.fields[1].input {
                let key = existing.as_ref().map_or("", |d| d.reason.as_str());
                *index = options.iter().position(|o| o.0 == key).unwrap_or(*index);
            }
            self.fields[2].set_text(existing.map(|d| d.text).unwrap_or_default());
        }
        if matches!(self.kind, FormKind::AddStay | FormKind::EditStay) {
            if self.focus == 0 && !self.fields[1].touched {
                let derived = initials::derive(self.fields[0].value());
                self.fields[1].set_text(derived);
            }
            if self.focus == 3
                && !self.fields[4].touched
                && let Ok(d) = parse_user_date(self.fields[3].value(), today)
            {
                self.fields[4].set_text(fmt_date(self.rules.default_discharge(d)));
            }
        }
    }

    /// The change this form asks for, or the first wrong field (focused, with its message).
    /// The deadline rules the form was opened with.
    pub(super) fn rules(&self) -> &crate::domain::Rules {
        &self.rules
    }

    pub fn submit(&mut self, today: Date) -> Option<Change> {
        for f in &mut self.fields {
            f.error = None;
        }
        match self.build(today) {
            Ok(c) => Some(c),
            Err((i, e)) => {
                self.focus = i;
                self.fields[i].error = Some(e);
                self.fields[i].fresh = true;
                if self.kind == FormKind::Discharge {
                    self.error = super::discharge::missing_message(self);
                }
                None
            }
        }
    }

    fn build(&self, today: Date) -> Result<Change, (usize, String)> {
        let e = edit_strings(self.lang);
        let text = |i: usize| -> Result<String, (usize, String)> {
            let f = &self.fields[i];
            let (max, required) = match &f.input {
                Input::Text { max, required, .. } => (*max, *required),
                _ => (MAX_SHORT, false),
            };
            checked_text(f.value(), max, required).map_err(|err| (i, edit_error(self.lang, &err)))
        };
        let date = |i: usize| -> Result<Option<Date>, (usize, String)> {
            let f = &self.fields[i];
            let optional = matches!(f.input, Input::Date { optional: true, .. });
            match parse_user_date(f.value(), today) {
                Ok(d) => Ok(Some(d)),
                Err(DateInputError::Empty) if optional => Ok(None),
                Err(err) => Err((i, date_error(self.lang, &err))),
            }
        };
        let required_date = |i: usize| date(i)?.ok_or_else(|| (i, e.err_date_empty.to_string()));
        // The date something was done: it cannot lie after today (a planned date can).
        let not_future = |i: usize, d: Date| -> Result<(), (usize, String)> {
            if d > today {
                let e = crate::i18n::deadline_strings(self.lang);
                return Err((i, e.err_future.to_string()));
            }
            Ok(())
        };
        let done_date = |i: usize| -> Result<Option<Date>, (usize, String)> {
            let d = date(i)?;
            if let Some(d) = d {
                not_future(i, d)?;
            }
            Ok(d)
        };
        let choice = |i: usize, required: bool| -> Result<String, (usize, String)> {
            let v = self.fields[i].value().to_string();
            if required && v.is_empty() {
                return Err((i, e.err_unknown_choice.to_string()));
            }
            Ok(v)
        };
        Ok(match self.kind {
            FormKind::AddStay | FormKind::EditStay => {
                let admitted = required_date(3)?;
                let planned_discharge = required_date(4)?;
                if planned_discharge < admitted {
                    return Err((4, e.err_before_admission.to_string()));
                }
                let fields = StayFields {
                    name: text(0)?,
                    initials: text(1)?,
                    // A new stay needs its group (it sets the deadlines); a stay stored
                    // without one (an old list) may keep it.
                    target_group: choice(
                        2,
                        self.kind == FormKind::AddStay && !self.opened_group_blank_allowed(),
                    )?,
                    admitted,
                    planned_discharge,
                    primary_contact: text(5)?,
                    note: text(6)?,
                };
                if self.kind == FormKind::AddStay {
                    Change::Create(fields)
                } else {
                    Change::Edit(fields)
                }
            }
            FormKind::AddGoal | FormKind::EditGoal(_) => {
                let goal = text(0)?;
                let set_on = required_date(1)?;
                if self.admitted.is_some_and(|a| set_on < a) {
                    return Err((1, e.err_before_admission.to_string()));
                }
                not_future(1, set_on)?;
                match self.kind {
                    FormKind::EditGoal(id) => Change::EditGoalOn(id, goal, set_on),
                    _ => Change::AddGoalOn(goal, set_on),
                }
            }
            FormKind::GoalScore(id) => super::fidelity::goal_score_change(self, id)?,
            FormKind::Assessment => Change::Assessment(done_date(0)?),
            FormKind::Gp => Change::Gp {
                booked_for: date(0)?,
                done_on: done_date(1)?,
            },
            FormKind::Medication => {
                let status = MedStatus::parse(self.fields[0].value()).unwrap_or_default();
                let done = if status == MedStatus::Done {
                    done_date(1)?
                } else {
                    None
                };
                Change::Medication(status, done)
            }
            FormKind::AddFollowUp => Change::AddFollowUp {
                text: text(0)?,
                discipline: choice(1, true)?,
                due: date(2)?,
            },
            FormKind::Delay => {
                let kind = DeadlineKind::parse(self.fields[0].value())
                    .ok_or_else(|| (0, e.err_unknown_choice.to_string()))?;
                let reason = choice(1, false)?;
                if reason.is_empty() {
                    Change::Delay(kind, None)
                } else {
                    Change::Delay(kind, Some((reason, text(2)?)))
                }
            }
            FormKind::Discharge => return super::discharge::build(self, today),
            FormKind::AddEvent | FormKind::EditEvent(_) => {
                let kind = choice(0, true)?;
                let on = required_date(1)?;
                if self.admitted.is_some_and(|a| on < a) {
                    return Err((1, e.err_before_admission.to_string()));
                }
                not_future(1, on)?;
                let time =
                    crate::domain::events::parse_time(self.fields[2].value()).map_err(|_| {
                        (
                            2,
                            crate::i18n::event_strings(self.lang).err_time.to_string(),
                        )
                    })?;
                // Something that happened cannot have happened later today.
                if let (Some(t), Some(now)) = (time, self.now)
                    && on == now.date()
                    && t > now.time()
                {
                    return Err((
                        2,
                        crate::i18n::event_strings(self.lang)
                            .err_time_future
                            .to_string(),
                    ));
                }
                let fields = crate::domain::events::EventFields {
                    kind,
                    on,
                    time,
                    note: text(3)?,
                };
                match self.kind {
                    FormKind::EditEvent(id) => Change::EditEvent(id, fields),
                    _ => Change::AddEvent(fields),
                }
            }
            FormKind::Referral(_) | FormKind::Decide(..) | FormKind::Admit(..) => {
                return super::referrals::build(self, today).map(|_| Change::Cancel);
            }
            FormKind::AddKin | FormKind::EditKin(_) => return super::kin::build(self),
            FormKind::Fagmote(_) => return Err((0, String::new())),
        })
    }

    /// Show a warning the first time `kind` is about `about`, on `field` (or on the form),
    /// and say so (`true`: do not save yet). The next Enter on the same `about` goes
    /// through; something else of that kind is warned about again.
    pub fn warn_once(
        &mut self,
        kind: &'static str,
        about: String,
        field: Option<usize>,
        message: String,
    ) -> bool {
        if self.warned.iter().any(|(k, a)| *k == kind && *a == about) {
            return false;
        }
        self.warned.retain(|(k, _)| *k != kind);
        self.warned.push((kind, about));
        match field {
            Some(i) => {
                self.focus = i;
                self.fields[i].error = Some(message);
            }
            None => self.error = Some(message),
        }
        true
    }

    /// Show a refused change on the field it concerns (or on the form).
    pub fn show_error(&mut self, err: &EditError) {
        let msg = edit_error(self.lang, err);
        let field = match (self.kind, err) {
            (FormKind::AddStay | FormKind::EditStay, EditError::Empty | EditError::TooLong(_)) => {
                Some(0)
            }
            (FormKind::AddStay | FormKind::EditStay, EditError::BeforeAdmission) => Some(4),
            (FormKind::EditStay, EditError::RecordedBefore(_)) => Some(3),
            (FormKind::Gp | FormKind::Medication, EditError::InFuture) => Some(1),
            (
                FormKind::AddGoal | FormKind::EditGoal(_),
                EditError::BeforeAdmission | EditError::InFuture,
            ) => Some(1),
            (
                FormKind::AddEvent | FormKind::EditEvent(_),
                EditError::BeforeAdmission | EditError::InFuture,
            ) => Some(1),
            (FormKind::AddEvent | FormKind::EditEvent(_), EditError::UnknownChoice) => Some(0),
            (FormKind::Discharge, EditError::Undecided(item)) => self
                .fields
                .iter()
                .position(|f| f.item.as_deref() == Some(item.as_str())),
            (_, EditError::NotActive | EditError::NoSuchItem) => None,
            _ => Some(self.focus),
        };
        match field {
            Some(i) => {
                self.focus = i;
                self.fields[i].error = Some(msg);
            }
            None => self.error = Some(msg),
        }
    }
}

/// A refused edit in words.
pub fn edit_error(lang: Language, err: &EditError) -> String {
    let e = edit_strings(lang);
    match err {
        EditError::Empty => e.err_empty.to_string(),
        EditError::TooLong(n) => e.err_too_long.replace("{n}", &n.to_string()),
        EditError::BeforeAdmission => e.err_before_admission.to_string(),
        EditError::NotActive => e.err_not_active.to_string(),
        EditError::NoSuchItem => e.err_no_such_item.to_string(),
        EditError::UnknownChoice => e.err_unknown_choice.to_string(),
        EditError::Undecided(_) => crate::i18n::discharge_strings(lang)
            .err_undecided
            .to_string(),
        EditError::AlreadyActive => crate::i18n::discharge_strings(lang)
            .err_already_active
            .to_string(),
        EditError::InFuture => crate::i18n::deadline_strings(lang).err_future.to_string(),
        EditError::NotAPhone => e.err_phone.to_string(),
        EditError::RecordedBefore(d) => e
            .err_recorded_before
            .replace("{date}", &crate::domain::dates::fmt_date(*d)),
    }
}

fn date_error(lang: Language, err: &DateInputError) -> String {
    let e = edit_strings(lang);
    match err {
        DateInputError::Empty => e.err_date_empty.to_string(),
        DateInputError::Unrecognised => e.err_date.to_string(),
        DateInputError::NoSuchDay => e.err_no_such_day.to_string(),
    }
}

/// The goal status a key toggles to: pressing the same key again reopens the goal.
pub fn toggled(current: GoalStatus, wanted: GoalStatus) -> GoalStatus {
    if current == wanted {
        GoalStatus::Open
    } else {
        wanted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 25);

    fn type_text(f: &mut Form, s: &str) {
        for c in s.chars() {
            f.key(FormKey::Char(c), TODAY);
        }
    }

    #[test]
    fn add_stay_derives_initials_and_discharge_until_touched() {
        let cfg = Config::default();
        let mut f = Form::open(FormKind::AddStay, None, &cfg, TODAY).unwrap();
        type_text(&mut f, "Åse Ødegård");
        assert_eq!(f.fields[1].value(), "ÅØ");
        f.focus = 3;
        f.key(FormKey::Clear, TODAY);
        type_text(&mut f, "1.12");
        // Day 35 of a stay admitted 1.12 is 4.1 (a Monday, a working day).
        assert_eq!(f.fields[4].value(), "04.01.2027");
        // The target group sets the deadlines: never a default, Enter points at it.
        assert_eq!(f.fields[2].value(), "");
        assert_eq!(f.submit(TODAY), None);
        assert_eq!(f.focus, 2);
        assert!(f.fields[2].error.as_deref().unwrap().contains("Velg"));
        f.key(FormKey::Right, TODAY);
        match f.submit(TODAY) {
            Some(Change::Create(s)) => {
                assert_eq!(s.name, "Åse Ødegård");
                assert_eq!(s.admitted, date(2026, 12, 1));
                assert_eq!(s.planned_discharge, date(2027, 1, 4));
                assert_eq!(s.target_group, "new_user");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_medication_form_shows_a_date_only_when_reconciled() {
        let cfg = Config::default();
        let mut s = Stay::new(1, "A", TODAY, TODAY);
        s.med_status = MedStatus::InProgress;
        let mut f = Form::open(FormKind::Medication, Some(&s), &cfg, TODAY).unwrap();
        assert_eq!(f.fields[0].value(), "in_progress");
        assert_eq!(f.fields[1].value(), "", "in progress is not done today");
        f.key(FormKey::Right, TODAY);
        assert_eq!(f.fields[0].value(), "done");
        assert_eq!(f.fields[1].value(), "25.11.2026");
        f.key(FormKey::Left, TODAY);
        assert_eq!(f.fields[1].value(), "");
        assert_eq!(
            f.submit(TODAY),
            Some(Change::Medication(MedStatus::InProgress, None))
        );
    }

    #[test]
    fn bad_date_points_at_the_field_and_builds_nothing() {
        let cfg = Config::default();
        let mut f = Form::open(FormKind::AddStay, None, &cfg, TODAY).unwrap();
        type_text(&mut f, "Ola");
        f.focus = 3;
        f.key(FormKey::Clear, TODAY);
        type_text(&mut f, "31.02");
        assert_eq!(f.submit(TODAY), None);
        assert_eq!(f.focus, 3);
        assert!(
            f.fields[3]
                .error
                .as_deref()
                .unwrap()
                .contains("finnes ikke")
        );
        f.key(FormKey::Clear, TODAY);
        type_text(&mut f, "i går");
        f.focus = 2;
        f.key(FormKey::Right, TODAY);
        assert!(f.submit(TODAY).is_some());
    }

    #[test]
    fn empty_name_is_refused_inline() {
        let cfg = Config::default();
        let mut f = Form::open(FormKind::AddStay, None, &cfg, TODAY).unwrap();
        f.focus = 2;
        assert_eq!(f.submit(TODAY), None);
        assert_eq!(f.focus, 0);
        assert_eq!(f.fields[0].error.as_deref(), Some("Må fylles ut"));
    }

    #[test]
    fn contact_completes_from_staff_and_choices_cycle() {
        let cfg = Config::default();
        let mut f = Form::open(FormKind::AddStay, None, &cfg, TODAY).unwrap();
        f.focus = 5;
        type_text(&mut f, "bj");
        f.key(FormKey::Right, TODAY);
        assert_eq!(f.fields[5].value(), "Bjørn Fysioterapeut");
        f.focus = 2;
        f.key(FormKey::Left, TODAY);
        assert_eq!(f.fields[2].value(), "concern");
        f.key(FormKey::Char('u'), TODAY);
        assert_eq!(f.fields[2].value(), "from_hospital");
    }

    #[test]
    fn typing_into_a_prefilled_date_replaces_it_but_editing_keys_keep_it() {
        let cfg = Config::default();
        let mut s = Stay::new(1, "A", TODAY, TODAY);
        s.gp.booked_for = Some(date(2026, 11, 30));
        let mut f = Form::open(FormKind::Gp, Some(&s), &cfg, TODAY).unwrap();
        type_text(&mut f, "+2");
        assert_eq!(f.fields[0].value(), "+2");
        f.step(true);
        f.step(false);
        f.key(FormKey::Backspace, TODAY);
        type_text(&mut f, "3");
        assert_eq!(f.fields[0].value(), "+3");
    }

    #[test]
    fn text_editing_handles_multibyte_cursor() {
        let cfg = Config::default();
        let s = Stay::new(1, "A", TODAY, TODAY);
        let mut f = Form::open(FormKind::AddGoal, Some(&s), &cfg, TODAY).unwrap();
        type_text(&mut f, "æøå🙂");
        f.key(FormKey::Left, TODAY);
        f.key(FormKey::Backspace, TODAY);
        f.key(FormKey::Home, TODAY);
        f.key(FormKey::Delete, TODAY);
        assert_eq!(f.fields[0].value(), "ø🙂");
    }

    #[test]
    fn goal_form_has_a_set_on_date_checked_against_admission_and_today() {
        let cfg = Config::default();
        let mut s = Stay::new(1, "A", date(2026, 11, 20), date(2026, 12, 24));
        let mut f = Form::open(FormKind::AddGoal, Some(&s), &cfg, TODAY).unwrap();
        assert_eq!(f.fields[1].value(), "25.11.2026");
        type_text(&mut f, "Bo hjemme");
        f.step(true);
        type_text(&mut f, "19.11");
        assert_eq!(f.submit(TODAY), None);
        assert_eq!(f.focus, 1);
        assert!(f.fields[1].error.is_some());
        f.key(FormKey::Clear, TODAY);
        type_text(&mut f, "+1");
        assert_eq!(f.submit(TODAY), None);
        assert!(f.fields[1].error.as_deref().unwrap().contains("fram i tid"));
        f.key(FormKey::Clear, TODAY);
        type_text(&mut f, "i går");
        assert_eq!(
            f.submit(TODAY),
            Some(Change::AddGoalOn("Bo hjemme".into(), date(2026, 11, 24)))
        );
        s.goals.push(crate::domain::Goal {
            id: 7,
            position: 1,
            text: "Bo hjemme".into(),
            status: GoalStatus::Open,
            set_on: date(2026, 11, 24),
            closed_on: None,
            score_start: None,
            score_end: None,
        });
        let mut f = Form::open(FormKind::EditGoal(7), Some(&s), &cfg, TODAY).unwrap();
        assert_eq!(f.fields[1].value(), "24.11.2026");
        f.step(true);
        type_text(&mut f, "21.11");
        assert_eq!(
            f.submit(TODAY),
            Some(Change::EditGoalOn(
                7,
                "Bo hjemme".into(),
                date(2026, 11, 21)
            ))
        );
    }
}
