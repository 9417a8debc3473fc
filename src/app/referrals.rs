//! The referral queue (henvisninger): list, register, edit, decide, and turn an accepted
//! referral into a stay in one step. The editing board only: a kiosk never loads, shows or
//! writes referrals. Writes are requested here and performed by the writer thread.

use super::form::{Field, Form, FormKind, edit_error};
use super::{Action, App, Mode, Overlay, Request, Status, UNDO_DEPTH, UndoEntry};
use crate::config::Language;
use crate::domain::dates::{DateInputError, fmt_date, parse_user_date};
use crate::domain::edit::{MAX_NAME, MAX_NOTE, MAX_SHORT, StayFields};
use crate::domain::initials;
use crate::domain::referral::{
    DecisionFields, Referral, ReferralError, ReferralFields, ReferralId, Source, Verdict, queue,
};
use crate::i18n::{edit_strings, intake_strings};
use crate::store::referrals::{ReferralCommitted, ReferralOp, ReferralWriteError};
use crate::store::write::Target;
use jiff::civil::Date;

/// What the user does in the referral queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntakeAction {
    /// Move the selection by this many referrals.
    Move(i64),
    /// Register a new referral (form).
    New,
    /// Edit the selected referral (form).
    Edit,
    /// Decide on the selected referral (form).
    Decide,
    /// Ask before turning the selected accepted referral into a stay.
    AskAdmit,
    /// The user said yes: create the stay.
    Admit,
    /// The user said no.
    CancelAdmit,
}

/// The referral queue's state. `referrals` also feeds the capacity forecast, so the
/// editing board keeps it current (the follower reloads it with the stays).
#[derive(Debug, Clone, Default)]
pub struct Intake {
    pub referrals: Vec<Referral>,
    /// The list has arrived at least once.
    pub loaded: bool,
    /// The selected referral (kept across reloads while it is still in the queue).
    pub selected: Option<ReferralId>,
    /// The «legg inn?» question is shown.
    pub confirm: bool,
    /// What the question admits: the stay the admit form made, and the capacity line
    /// («Dette gir 13 av 12 plasser i dag.») when it overfills the ward.
    pub admit: Option<PendingAdmit>,
}

/// A stay about to be admitted from a referral, waiting for j/n.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingAdmit {
    pub referral: ReferralId,
    pub version: i64,
    pub stay: StayFields,
    pub warning: Option<String>,
}

/// The admit step: the target group (it sets the deadlines; prefilled from the referral
/// when it has one, else «velg») and the primary contact (staff names suggested).
pub fn admit_form(r: &Referral, cfg: &crate::config::Config) -> Form {
    let h = crate::i18n::hospital_strings(cfg.language);
    let mut groups = super::form::pick_one(&cfg.target_groups, cfg.language);
    if !r.target_group.is_empty() && !groups.iter().any(|g| g.0 == r.target_group) {
        groups.push((r.target_group.clone(), r.target_group.clone()));
    }
    let mut contact = Field::text(h.primary_contact, "", MAX_SHORT, false);
    if let super::form::Input::Text { suggestions, .. } = &mut contact.input {
        *suggestions = cfg.staff_names();
    }
    let fields = vec![
        Field::choice(h.target_group, groups, &r.target_group),
        contact,
    ];
    let title = h
        .admit_title
        .replace("{name}", &crate::domain::text::sanitize(&r.name));
    Form::new(
        FormKind::Admit(r.id, r.version),
        &title,
        fields,
        Target::New,
        cfg,
    )
}

impl Intake {
    /// The queue in its order on `today` (indices into `referrals`).
    pub fn order(&self, today: Date) -> Vec<usize> {
        queue(&self.referrals, today)
    }

    /// Position of the selected referral in the queue (the first when it is gone).
    pub fn cursor(&self, today: Date) -> usize {
        let order = self.order(today);
        self.selected
            .and_then(|id| order.iter().position(|&i| self.referrals[i].id == id))
            .unwrap_or(0)
    }

    /// The selected referral, if the queue has any.
    pub fn selected_referral(&self, today: Date) -> Option<&Referral> {
        let order = self.order(today);
        order.get(self.cursor(today)).map(|&i| &self.referrals[i])
    }

    /// Put a referral as now stored into the list.
    fn put(&mut self, r: Referral) {
        match self.referrals.iter_mut().find(|x| x.id == r.id) {
            Some(x) => *x = r,
            None => self.referrals.push(r),
        }
    }
}

/// The options of the «henvist fra» field.
/// The sources, after «velg»: a careless Enter must not record a referral as from the
/// hospital (the indicators count referrals by source).
fn sources(lang: Language) -> Vec<(String, String)> {
    let t = intake_strings(lang);
    let mut v = vec![(String::new(), edit_strings(lang).pick.to_string())];
    v.extend(
        Source::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), t.source(*s).to_string())),
    );
    v
}

/// The form for a new referral (`None`) or for editing one.
pub fn referral_form(r: Option<&Referral>, cfg: &crate::config::Config, today: Date) -> Form {
    let t = intake_strings(cfg.language);
    let lang = cfg.language;
    let mut groups = vec![(String::new(), t.no_group.to_string())];
    groups.extend(
        cfg.target_groups
            .iter()
            .map(|c| (c.key.clone(), c.label.get(lang).to_string())),
    );
    if let Some(r) = r
        && !groups.iter().any(|g| g.0 == r.target_group)
    {
        groups.push((r.target_group.clone(), r.target_group.clone()));
    }
    let fields = vec![
        Field::text(t.f_name, r.map_or("", |r| &r.name), MAX_NAME, true),
        Field::choice(
            t.f_source,
            sources(lang),
            r.map_or("", |r| r.source.as_str()),
        ),
        Field::date(
            t.f_received,
            Some(r.map_or(today, |r| r.received_on)),
            false,
        ),
        Field::choice(t.f_group, groups, r.map_or("", |r| &r.target_group)),
        Field::text(t.f_note, r.map_or("", |r| &r.note), MAX_NOTE, false),
    ];
    let (kind, title) = match r {
        Some(r) => (FormKind::Referral(Some((r.id, r.version))), t.edit_title),
        None => (FormKind::Referral(None), t.add_title),
    };
    Form::new(kind, title, fields, Target::New, cfg)
}

/// The decision form for a referral: opens on what is decided now, or on «velg» while
/// nothing is, with no date filled in that was not typed.
pub fn decide_form(r: &Referral, cfg: &crate::config::Config, today: Date) -> Form {
    let t = intake_strings(cfg.language);
    // Starts on «velg» while nothing is decided: a decision is made, not defaulted.
    let mut verdicts = vec![(String::new(), edit_strings(cfg.language).pick.to_string())];
    verdicts.extend(
        Verdict::ALL
            .iter()
            .map(|v| (v.as_str().to_string(), t.verdict(*v).to_string())),
    );
    let current = match r.decision {
        Verdict::Waiting => "",
        v => v.as_str(),
    };
    let fields = vec![
        Field::choice(t.f_decision, verdicts, current),
        Field::date(t.f_planned, r.planned_admission, true),
        Field::text(t.f_reason, &r.decline_reason, MAX_SHORT, false),
        Field::date(t.f_decided_on, Some(r.decided_on.unwrap_or(today)), true),
    ];
    let mut f = Form::new(
        FormKind::Decide(r.id, r.version),
        t.decide_title,
        fields,
        Target::New,
        cfg,
    );
    f.intro = Some(crate::domain::text::sanitize(&r.name));
    f
}

/// A refused referral change in words.
pub fn referral_error(lang: Language, e: &ReferralError) -> String {
    let t = intake_strings(lang);
    match e {
        ReferralError::Text(err) => edit_error(lang, err),
        ReferralError::ReceivedInFuture => t.err_received_future.to_string(),
        ReferralError::NoPlannedAdmission => t.err_no_planned.to_string(),
        ReferralError::AdmissionBeforeReceived => t.err_admission_before.to_string(),
        ReferralError::NoDeclineReason => t.err_no_reason.to_string(),
        ReferralError::DecidedBeforeReceived => t.err_decided_before.to_string(),
        ReferralError::NotAdmittable => t.err_not_admittable.to_string(),
    }
}

/// The field of a referral form a refusal is about.
fn error_field(kind: FormKind, e: &ReferralError) -> usize {
    match (kind, e) {
        (FormKind::Referral(_), ReferralError::ReceivedInFuture) => 2,
        (FormKind::Referral(_), ReferralError::DecidedBeforeReceived) => 2,
        (FormKind::Referral(_), ReferralError::Text(_)) => 0,
        (FormKind::Decide(..), ReferralError::NoPlannedAdmission)
        | (FormKind::Decide(..), ReferralError::AdmissionBeforeReceived) => 1,
        (FormKind::Decide(..), ReferralError::NoDeclineReason)
        | (FormKind::Decide(..), ReferralError::Text(_)) => 2,
        (FormKind::Decide(..), ReferralError::DecidedBeforeReceived) => 3,
        _ => 0,
    }
}

fn date_field(f: &Form, i: usize, today: Date) -> Result<Option<Date>, (usize, String)> {
    let e = edit_strings(f.lang);
    match parse_user_date(f.fields[i].value(), today) {
        Ok(d) => Ok(Some(d)),
        Err(DateInputError::Empty) => Ok(None),
        Err(DateInputError::NoSuchDay) => Err((i, e.err_no_such_day.to_string())),
        Err(DateInputError::Unrecognised) => Err((i, e.err_date.to_string())),
    }
}

/// The change a referral form asks for, or the first wrong field with its message.
pub fn build(f: &Form, today: Date) -> Result<ReferralOp, (usize, String)> {
    let lang = f.lang;
    let refused = |e: ReferralError| (error_field(f.kind, &e), referral_error(lang, &e));
    match f.kind {
        FormKind::Referral(existing) => {
            let received = date_field(f, 2, today)?
                .ok_or_else(|| (2, edit_strings(lang).err_date_empty.to_string()))?;
            let fields = ReferralFields {
                name: f.fields[0].value().to_string(),
                source: Source::parse(f.fields[1].value())
                    .ok_or_else(|| (1, edit_strings(lang).err_unknown_choice.to_string()))?,
                received_on: received,
                target_group: f.fields[3].value().to_string(),
                note: f.fields[4].value().to_string(),
            };
            // Checked here too, so the message lands on the field before anything is sent.
            let fields = crate::domain::referral::check_fields(&fields, today).map_err(refused)?;
            Ok(match existing {
                None => ReferralOp::Create(fields),
                Some((id, version)) => ReferralOp::Edit {
                    id,
                    version,
                    fields,
                },
            })
        }
        FormKind::Decide(id, version) => {
            let decision = DecisionFields {
                decision: Verdict::parse(f.fields[0].value())
                    .ok_or_else(|| (0, edit_strings(lang).err_unknown_choice.to_string()))?,
                planned_admission: date_field(f, 1, today)?,
                decline_reason: f.fields[2].value().to_string(),
                decided_on: date_field(f, 3, today)?,
            };
            // The received date is checked by the store, which knows it for certain.
            let decision = crate::domain::referral::check_decision(&decision, Date::MIN, today)
                .map_err(refused)?;
            Ok(ReferralOp::Decide {
                id,
                version,
                decision,
            })
        }
        _ => Err((0, String::new())),
    }
}

/// The stay an accepted referral becomes: its name, group, admitted on the planned
/// admission (today when none was recorded), and the usual planned discharge.
pub fn stay_fields(r: &Referral, rules: &crate::domain::Rules, today: Date) -> StayFields {
    let admitted = r.planned_admission.unwrap_or(today);
    StayFields {
        name: r.name.clone(),
        initials: initials::derive(&r.name),
        target_group: r.target_group.clone(),
        admitted,
        planned_discharge: rules.default_discharge(admitted),
        primary_contact: String::new(),
        note: String::new(),
    }
}

impl App {
    /// The capacity forecast takes a line under the header: on the editing board (a kiosk
    /// shows no planning), when the screen has room for it and a page of stays.
    pub fn forecast_line(&self) -> bool {
        self.mode == Mode::Edit && self.size.1 >= 16
    }

    /// The referral queue's actions; nothing on a kiosk.
    pub(super) fn apply_intake(&mut self, action: Action) -> bool {
        if self.mode == Mode::Kiosk {
            return false;
        }
        let today = self.today();
        match action {
            Action::OpenReferrals => {
                if self.form.is_some() {
                    return false;
                }
                self.overlay = Overlay::Referrals;
                self.intake.confirm = false;
                self.scroll = 0;
                self.requests.push(Request::Referrals);
            }
            Action::ReferralsLoaded(list) => {
                let sel = self.intake.selected;
                self.intake.referrals = list;
                self.intake.loaded = true;
                let order = self.intake.order(today);
                if !sel.is_some_and(|id| order.iter().any(|&i| self.intake.referrals[i].id == id)) {
                    self.intake.selected = order.first().map(|&i| self.intake.referrals[i].id);
                }
            }
            Action::ReferralWritten(result) => self.referral_written(*result),
            Action::Intake(act) => return self.intake_action(act, today),
            _ => return false,
        }
        true
    }

    fn intake_action(&mut self, act: IntakeAction, today: Date) -> bool {
        let selected = self.intake.selected_referral(today).cloned();
        match act {
            IntakeAction::Move(delta) => {
                let order = self.intake.order(today);
                if order.is_empty() {
                    return false;
                }
                let i = (self.intake.cursor(today) as i64 + delta).clamp(0, order.len() as i64 - 1);
                self.intake.selected = Some(self.intake.referrals[order[i as usize]].id);
            }
            IntakeAction::New => {
                self.form = Some(referral_form(None, &self.config, today));
            }
            IntakeAction::Edit => {
                let Some(r) = selected else { return false };
                self.form = Some(referral_form(Some(&r), &self.config, today));
            }
            IntakeAction::Decide => {
                let Some(r) = selected else { return false };
                if r.stay_id.is_some() {
                    let t = intake_strings(self.config.language);
                    self.say_intake(t.err_not_admittable, true);
                    return true;
                }
                self.form = Some(decide_form(&r, &self.config, today));
            }
            IntakeAction::AskAdmit => {
                let Some(r) = selected else { return false };
                if !r.awaiting_admission() {
                    let t = intake_strings(self.config.language);
                    self.say_intake(t.err_not_admittable, true);
                    return true;
                }
                self.form = Some(admit_form(&r, &self.config));
            }
            IntakeAction::CancelAdmit => {
                self.intake.confirm = false;
                self.intake.admit = None;
            }
            IntakeAction::Admit => {
                self.intake.confirm = false;
                let Some(p) = self.intake.admit.take() else {
                    return false;
                };
                self.write_referral(ReferralOp::Admit {
                    id: p.referral,
                    version: p.version,
                    stay: p.stay,
                });
            }
        }
        true
    }

    /// Enter in the admit form: a target group is required; then the «legg inn?» question,
    /// with the capacity line when the stay would overfill the ward.
    fn submit_admit_form(&mut self, id: ReferralId, version: i64) -> bool {
        let today = self.today();
        let h = crate::i18n::hospital_strings(self.config.language);
        let Some(form) = &mut self.form else {
            return false;
        };
        for f in &mut form.fields {
            f.error = None;
        }
        let group = form.fields[0].value().to_string();
        if group.is_empty() {
            form.focus = 0;
            form.fields[0].error = Some(h.err_target_group.to_string());
            return true;
        }
        let contact = crate::domain::text::clean_input(form.fields[1].value());
        let Some(r) = self.intake.referrals.iter().find(|r| r.id == id).cloned() else {
            form.error = Some(intake_strings(self.config.language).gone.to_string());
            return true;
        };
        let mut stay = stay_fields(&r, &self.config.rules(), today);
        stay.target_group = group;
        stay.primary_contact = contact;
        let others: Vec<Referral> = self
            .intake
            .referrals
            .iter()
            .filter(|x| x.id != id)
            .cloned()
            .collect();
        let mut probe =
            crate::domain::Stay::new(-1, &stay.name, stay.admitted, stay.planned_discharge);
        probe.target_group = stay.target_group.clone();
        let warning = self.capacity_warning(&probe, &others);
        self.form = None;
        self.intake.admit = Some(PendingAdmit {
            referral: id,
            version,
            stay,
            warning,
        });
        self.intake.confirm = true;
        true
    }

    /// One line when `extra` becoming active overfills the ward on a day it is there:
    /// «Dette gir 13 av 12 plasser i dag.» or «… fre 04.12.»; `referrals` are those still
    /// waiting besides it.
    pub fn capacity_warning(
        &self,
        extra: &crate::domain::Stay,
        referrals: &[Referral],
    ) -> Option<String> {
        let today = self.today();
        let cap = self.config.capacity;
        let day = crate::domain::capacity::over_with(
            &self.stays,
            extra,
            referrals,
            &self.config.rules(),
            today,
            cap,
        )?;
        let h = crate::i18n::hospital_strings(self.config.language);
        let t = intake_strings(self.config.language);
        let text = if day.date == today {
            h.over_today.to_string()
        } else {
            let wd = t.weekdays_short[day.date.weekday().to_monday_zero_offset() as usize];
            h.over_on.replace(
                "{when}",
                &format!("{wd} {}", crate::domain::dates::fmt_short(day.date)),
            )
        };
        Some(
            text.replace("{n}", &day.occupied.to_string())
                .replace("{cap}", &cap.to_string()),
        )
    }

    /// Enter in a referral form: the change, or the wrong field pointed at.
    pub(super) fn submit_referral_form(&mut self) -> bool {
        let today = self.today();
        if let Some(Form {
            kind: FormKind::Admit(id, version),
            ..
        }) = self.form
        {
            return self.submit_admit_form(id, version);
        }
        let Some(form) = &mut self.form else {
            return false;
        };
        for f in &mut form.fields {
            f.error = None;
        }
        match build(form, today) {
            Ok(op) => self.write_referral(op),
            Err((i, msg)) => {
                form.focus = i;
                form.fields[i].error = Some(msg);
                form.fields[i].fresh = true;
            }
        }
        true
    }

    fn say_intake(&mut self, text: &str, error: bool) {
        self.status = Some(Status {
            text: text.to_string(),
            error,
        });
    }

    fn write_referral(&mut self, op: ReferralOp) {
        let e = edit_strings(self.config.language);
        if self.db_replaced {
            let text = format!("{}: {}", e.not_saved, e.db_replaced);
            match &mut self.form {
                Some(f) => f.error = Some(text),
                None => self.say_intake(&text, true),
            }
            return;
        }
        if self.saving.is_some() {
            self.say_intake(e.save_pending, true);
            return;
        }
        self.saving = Some(super::Saving::default());
        self.requests.push(Request::Referral(op));
    }

    fn referral_written(&mut self, result: Result<ReferralCommitted, ReferralWriteError>) {
        let lang = self.config.language;
        let e = edit_strings(lang);
        let t = intake_strings(lang);
        self.saving = None;
        if self.quit_after_save {
            self.quit = true;
        }
        match result {
            Ok(c) => {
                self.intake.selected = Some(c.referral.id);
                let date = c
                    .referral
                    .planned_admission
                    .map(fmt_date)
                    .unwrap_or_default();
                self.intake.put(c.referral);
                self.form = None;
                match c.stay {
                    Some(stay) => {
                        let id = stay.id;
                        let name = crate::domain::text::sanitize(if self.privacy().names {
                            &stay.name
                        } else {
                            &stay.initials
                        });
                        // `u` takes the stay away again; the referral is then accepted and
                        // waiting for admission as before (its link is cleared with the stay).
                        self.undo.push(UndoEntry {
                            stay_id: id,
                            before: None,
                            after_version: Some(stay.version),
                        });
                        if self.undo.len() > UNDO_DEPTH {
                            self.undo.remove(0);
                        }
                        self.replace_stay(id, Some(stay));
                        if let Some(i) = self.rows.iter().position(|r| self.stays[r.stay].id == id)
                        {
                            self.selected = i;
                        }
                        self.overlay = Overlay::None;
                        let text = t
                            .admitted_msg
                            .replace("{name}", &name)
                            .replace("{date}", &date);
                        self.say_intake(&text, false);
                    }
                    None => self.say_intake(t.saved, false),
                }
            }
            Err(ReferralWriteError::Conflict { fresh, by }) => {
                let who = by.unwrap_or_else(|| "?".to_string());
                self.requests.push(Request::Referrals);
                match fresh {
                    Some(r) => {
                        let r = *r;
                        // The form keeps what was typed; the next Enter saves it over the
                        // colleague's version, knowingly.
                        if let Some(f) = &mut self.form {
                            f.kind = match f.kind {
                                FormKind::Referral(Some((id, _))) => {
                                    FormKind::Referral(Some((id, r.version)))
                                }
                                FormKind::Decide(id, _) => FormKind::Decide(id, r.version),
                                k => k,
                            };
                            f.error = Some(t.conflict.replace("{who}", &who));
                        } else {
                            self.say_intake(&t.conflict.replace("{who}", &who), true);
                        }
                        self.intake.put(r);
                    }
                    None => match &mut self.form {
                        Some(f) => f.error = Some(t.gone.to_string()),
                        None => self.say_intake(t.gone, true),
                    },
                }
            }
            Err(ReferralWriteError::Invalid(err)) => {
                let msg = referral_error(lang, &err);
                match &mut self.form {
                    Some(f) => {
                        let i = error_field(f.kind, &err).min(f.fields.len() - 1);
                        f.focus = i;
                        f.fields[i].error = Some(msg);
                    }
                    None => self.say_intake(&format!("{}: {msg}", e.not_saved), true),
                }
            }
            Err(ReferralWriteError::InvalidStay(err)) => {
                let msg = edit_error(lang, &err);
                self.say_intake(&format!("{}: {msg}", e.not_saved), true);
            }
            Err(ReferralWriteError::Store(failure)) => {
                let text = self.not_saved_because(&failure);
                match &mut self.form {
                    Some(f) => f.error = Some(text),
                    None => self.say_intake(&text, true),
                }
            }
        }
    }
}
