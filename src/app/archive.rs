//! The archive: discharged and cancelled stays, found again by name (typing filters) and by
//! period, shown whole with their history (the detail pane), and reopened with audit.
//! The editing board only; a kiosk never shows it.

use super::{Action, App, FormKey, Mode, Overlay, Request};
use crate::domain::dates::parse_user_date;
use crate::domain::edit::Change;
use crate::domain::{Stay, StayId, StayStatus};
use crate::store::write::Target;
use jiff::civil::Date;

/// The search fields, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchField {
    Name,
    From,
    To,
}

/// What the user does in the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveAction {
    /// Typing into the focused search field.
    Key(FormKey),
    /// Next (true) or previous search field.
    Field(bool),
    /// Move the selection by this many stays.
    Move(i64),
    /// Show (true) or leave (false) the selected stay's details.
    Detail(bool),
    /// Ask before reopening the selected stay.
    AskReopen,
    /// The user said yes: reopen it.
    Reopen,
    /// The user said no.
    CancelReopen,
}

/// The archive's state.
#[derive(Debug, Clone, Default)]
pub struct Archive {
    /// Every discharged and cancelled stay, latest first; `None` while loading.
    pub stays: Option<Vec<Stay>>,
    pub name: String,
    pub from: String,
    pub to: String,
    pub field: Option<SearchField>,
    /// The selected stay (kept across reloads and filtering when it still matches).
    pub selected: Option<StayId>,
    /// The selected stay's details are shown.
    pub detail: bool,
    /// The reopen question is shown.
    pub confirm: bool,
    /// With it, the capacity line when reopening overfills the ward («Dette gir 13 av 12
    /// plasser i dag.»).
    pub warning: Option<String>,
}

/// A typed period bound: `Ok(None)` when empty, `Err(())` when not a date.
fn bound(text: &str, today: Date) -> Result<Option<Date>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_user_date(text, today).map(Some).map_err(|_| ())
}

/// The last day of a stay for the period search: the discharge date; for a cancelled stay
/// the planned period (it never ran, but that is when it was meant to be).
pub fn last_day(s: &Stay) -> Date {
    s.discharged_on
        .unwrap_or(s.planned_discharge)
        .max(s.admitted)
}

impl Archive {
    /// The focused search field (the name unless the user moved).
    pub fn focus(&self) -> SearchField {
        self.field.unwrap_or(SearchField::Name)
    }

    /// The period typed, each bound `None` when empty or not a date.
    pub fn period(&self, today: Date) -> (Option<Date>, Option<Date>) {
        (
            bound(&self.from, today).ok().flatten(),
            bound(&self.to, today).ok().flatten(),
        )
    }

    /// True when a period field holds something that is not a date.
    pub fn bad_date(&self, today: Date) -> (bool, bool) {
        (
            bound(&self.from, today).is_err(),
            bound(&self.to, today).is_err(),
        )
    }

    /// The stays that match the search: the name (or initials) contains what was typed,
    /// ignoring case, and the stay (admission to discharge) overlaps the period.
    pub fn matches(&self, today: Date) -> Vec<&Stay> {
        let Some(stays) = &self.stays else {
            return Vec::new();
        };
        let needle = self.name.trim().to_lowercase();
        let (from, to) = self.period(today);
        stays
            .iter()
            .filter(|s| {
                needle.is_empty()
                    || s.name.to_lowercase().contains(&needle)
                    || s.initials.to_lowercase() == needle
            })
            .filter(|s| from.is_none_or(|f| last_day(s) >= f))
            .filter(|s| to.is_none_or(|t| s.admitted <= t))
            .collect()
    }

    /// Index of the selected stay among the matches (the first when it no longer matches).
    pub fn cursor(&self, today: Date) -> usize {
        let m = self.matches(today);
        self.selected
            .and_then(|id| m.iter().position(|s| s.id == id))
            .unwrap_or(0)
    }

    /// The selected stay, if any matches.
    pub fn selected_stay(&self, today: Date) -> Option<&Stay> {
        let i = self.cursor(today);
        self.matches(today).get(i).copied()
    }

    fn select(&mut self, i: usize, today: Date) {
        let m = self.matches(today);
        self.selected = m.get(i.min(m.len().saturating_sub(1))).map(|s| s.id);
    }
}

impl App {
    pub(super) fn apply_archive(&mut self, action: Action) -> bool {
        if self.mode == Mode::Kiosk {
            return false;
        }
        let today = self.today();
        match action {
            Action::OpenArchive => {
                if self.form.is_some() {
                    return false;
                }
                self.archive = Some(Archive::default());
                self.overlay = Overlay::Archive;
                self.scroll = 0;
                self.history = None;
                self.requests.push(Request::Archive);
            }
            Action::ArchiveLoaded(stays) => {
                let Some(a) = &mut self.archive else {
                    return false;
                };
                a.stays = Some(stays);
                // The selected stay may be gone (reopened, deleted).
                let i = a.cursor(today);
                a.select(i, today);
                if a.selected.is_none() {
                    a.detail = false;
                    a.confirm = false;
                }
                // Its history may have changed.
                self.history = None;
            }
            Action::Archive(act) => return self.archive_action(act, today),
            _ => return false,
        }
        true
    }

    fn archive_action(&mut self, act: ArchiveAction, today: Date) -> bool {
        // Reopening puts the stay back on the board: say first if that overfills the ward.
        let warning = match act {
            ArchiveAction::AskReopen => self
                .archive
                .as_ref()
                .and_then(|a| a.selected_stay(today))
                .and_then(|s| self.capacity_warning(s, &self.intake.referrals)),
            _ => None,
        };
        let Some(a) = &mut self.archive else {
            return false;
        };
        match act {
            ArchiveAction::Key(k) => {
                let text = match a.focus() {
                    SearchField::Name => &mut a.name,
                    SearchField::From => &mut a.from,
                    SearchField::To => &mut a.to,
                };
                match k {
                    FormKey::Char(c) if !c.is_control() => text.push(c),
                    FormKey::Backspace => {
                        text.pop();
                    }
                    FormKey::Clear => text.clear(),
                    _ => return false,
                }
                // Filtering starts again at the top of the matches.
                a.select(0, today);
            }
            ArchiveAction::Field(forward) => {
                use SearchField::*;
                a.field = Some(match (a.focus(), forward) {
                    (Name, true) | (To, false) => From,
                    (From, true) | (Name, false) => To,
                    (To, true) | (From, false) => Name,
                });
            }
            ArchiveAction::Move(delta) => {
                let n = a.matches(today).len();
                if n == 0 {
                    return false;
                }
                let i = (a.cursor(today) as i64 + delta).clamp(0, n as i64 - 1) as usize;
                a.select(i, today);
                self.scroll = 0;
            }
            ArchiveAction::Detail(show) => {
                if show && a.selected_stay(today).is_none() {
                    return false;
                }
                a.select(a.cursor(today), today);
                a.detail = show;
                a.confirm = false;
                self.scroll = 0;
            }
            ArchiveAction::AskReopen => {
                if !a.detail || a.selected_stay(today).is_none() {
                    return false;
                }
                a.confirm = true;
                a.warning = warning;
            }
            ArchiveAction::CancelReopen => a.confirm = false,
            ArchiveAction::Reopen => {
                a.confirm = false;
                let Some(s) = a.selected_stay(today) else {
                    return false;
                };
                let target = Target::Stay {
                    id: s.id,
                    version: Some(s.version),
                };
                self.write(target, Change::Reopen, false);
            }
        }
        true
    }

    /// The archived stay whose details are shown, if any.
    pub fn archive_detail(&self) -> Option<&Stay> {
        let a = self.archive.as_ref()?;
        if self.overlay != Overlay::Archive || !a.detail {
            return None;
        }
        a.selected_stay(self.today())
    }
}

/// True for the statuses the archive holds.
pub fn archived(s: &Stay) -> bool {
    s.status != StayStatus::Active
}
