//! Next of kin (pårørende) of the selected stay: the panel (`P`) lists them; `n` adds, `e`
//! edits, `D` removes (u undoes). The discharge evaluation asks whether each took part.
//! The editing board only: a kiosk drops them as soon as the stays arrive.

use super::form::{Field, Form, FormKind};
use super::{Action, App, Mode, Overlay, Stay};
use crate::config::{Config, Language};
use crate::domain::edit::{Change, MAX_NAME, MAX_SHORT};
use crate::domain::kin::{KinFields, MAX_PHONE, NextOfKin};
use crate::i18n::intake_strings;

/// Prefix of the discharge form's item key of a next-of-kin question (`kin.4`).
pub const KIN_ITEM: &str = "kin.";

/// What the user does in the next-of-kin panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KinAction {
    /// Edit the next of kin under the cursor.
    Edit,
    /// Remove the next of kin under the cursor.
    Remove,
}

fn yes_no(lang: Language) -> Vec<(String, String)> {
    let t = intake_strings(lang);
    vec![
        ("no".to_string(), t.no.to_string()),
        ("yes".to_string(), t.yes.to_string()),
    ]
}

fn yn(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// The next-of-kin form: new (`None`) or one of the stay's.
pub(super) fn open(
    kind: FormKind,
    stay: &Stay,
    cfg: &Config,
    target: crate::store::write::Target,
) -> Option<Form> {
    let t = intake_strings(cfg.language);
    let (title, k) = match kind {
        FormKind::EditKin(id) => (t.kin_edit, stay.next_of_kin.iter().find(|k| k.id == id)?),
        _ => (t.kin_add, &EMPTY),
    };
    let mut relation = Field::text(t.kin_relation, &k.relation, MAX_SHORT, false);
    if let super::form::Input::Text { suggestions, .. } = &mut relation.input {
        *suggestions = t.relations.iter().map(|s| s.to_string()).collect();
    }
    let fields = vec![
        Field::text(t.kin_name, &k.name, MAX_NAME, true),
        relation,
        Field::text(t.kin_phone, &k.phone, MAX_PHONE, false),
        Field::choice(
            t.kin_goal_setting,
            yes_no(cfg.language),
            yn(k.in_goal_setting),
        ),
        Field::choice(t.kin_evaluation, yes_no(cfg.language), yn(k.in_evaluation)),
    ];
    Some(Form::new(kind, title, fields, target, cfg))
}

static EMPTY: NextOfKin = NextOfKin {
    id: 0,
    name: String::new(),
    relation: String::new(),
    phone: String::new(),
    in_goal_setting: false,
    in_evaluation: false,
};

/// The change the form asks for (its texts are checked by the change itself, and a refusal
/// lands on the name or the field in focus).
pub(super) fn build(form: &Form) -> Result<Change, (usize, String)> {
    let v = |i: usize| form.fields[i].value().to_string();
    // The name is required: say so on its field before anything is sent.
    if !crate::domain::text::has_visible(&crate::domain::text::clean_input(&v(0))) {
        return Err((
            0,
            super::form::edit_error(form.lang, &crate::domain::edit::EditError::Empty),
        ));
    }
    let fields = KinFields {
        name: v(0),
        relation: v(1),
        phone: v(2),
        in_goal_setting: v(3) == "yes",
        in_evaluation: v(4) == "yes",
    };
    crate::domain::kin::kin_from(0, &fields).map_err(|e| {
        let field = match e {
            crate::domain::edit::EditError::NotAPhone => 2,
            _ => form.focus,
        };
        (field, super::form::edit_error(form.lang, &e))
    })?;
    Ok(match form.kind {
        FormKind::EditKin(id) => Change::EditKin(id, fields),
        _ => Change::AddKin(fields),
    })
}

/// The discharge form's questions: did each next of kin take part in the evaluation?
/// Each opens on what is recorded (usually «nei»), under a heading that names them.
pub(super) fn discharge_fields(stay: &Stay, cfg: &Config) -> Vec<Field> {
    let t = intake_strings(cfg.language);
    stay.next_of_kin
        .iter()
        .map(|k| {
            let mut f = Field::choice(t.kin_took_part, yes_no(cfg.language), yn(k.in_evaluation));
            f.heading = Some(format!("{}: {}", t.kin_title, who(k)));
            f.item = Some(format!("{KIN_ITEM}{}", k.id));
            f
        })
        .collect()
}

/// The answer of a discharge-form field, when it is a next-of-kin question.
pub(super) fn discharge_answer(item: &str, value: &str) -> Option<(i64, bool)> {
    let id = item.strip_prefix(KIN_ITEM)?.parse().ok()?;
    Some((id, value == "yes"))
}

/// «Per Hansen (sønn)», sanitised for the screen.
pub fn who(k: &NextOfKin) -> String {
    let name = crate::domain::text::sanitize(&k.name);
    if k.relation.trim().is_empty() {
        name
    } else {
        format!("{name} ({})", crate::domain::text::sanitize(&k.relation))
    }
}

/// A kiosk never holds next of kin: they are dropped from the stays as they arrive.
pub(super) fn drop_for_kiosk(mode: Mode, stays: &mut [Stay]) {
    if mode == Mode::Kiosk {
        for s in stays {
            s.next_of_kin.clear();
        }
    }
}

impl App {
    /// The next-of-kin panel's actions; nothing on a kiosk.
    pub(super) fn apply_kin(&mut self, action: Action) -> bool {
        if self.mode == Mode::Kiosk || self.overlay != Overlay::Kin {
            return false;
        }
        let Action::Kin(act) = action else {
            return false;
        };
        let Some(id) = self
            .selected_stay()
            .and_then(|(_, s)| s.next_of_kin.get(self.cursor))
            .map(|k| k.id)
        else {
            return false;
        };
        match act {
            KinAction::Edit => self.apply_edit(Action::OpenForm(FormKind::EditKin(id))),
            KinAction::Remove => {
                self.write_selected(Change::RemoveKin(id));
                true
            }
        }
    }
}
