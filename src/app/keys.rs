//! The one place where keys are mapped to actions, per mode, form and overlay.

use super::archive::ArchiveAction;
use super::referrals::IntakeAction;
use super::{Action, App, Confirm, FormKey, FormKind, Mode, Overlay};
use crate::domain::GoalStatus;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The action for a key press in the app's current state, if any.
pub fn action_for_key(app: &App, key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match app.mode {
        Mode::Kiosk => kiosk_key(key),
        Mode::Edit if ctrl && key.code == KeyCode::Char('c') => Some(Action::Interrupt),
        Mode::Edit if app.form.is_some() => form_key(key, ctrl),
        Mode::Edit => board_key(app, key),
    }
}

/// Pasted text goes into the open form's field, as typed; anywhere else it does nothing.
pub fn action_for_paste(app: &App, text: String) -> Option<Action> {
    (app.mode == Mode::Edit && app.form.is_some()).then_some(Action::Paste(text))
}

fn navigation(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::PageUp | KeyCode::Left => Action::PageUp,
        KeyCode::PageDown | KeyCode::Right | KeyCode::Char(' ') => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::First,
        KeyCode::End | KeyCode::Char('G') => Action::Last,
        _ => return None,
    })
}

/// Keys inside a form: everything printable is typed, so no letter is a command here.
fn form_key(key: KeyEvent, ctrl: bool) -> Option<Action> {
    Some(match key.code {
        KeyCode::Esc => Action::CancelForm,
        KeyCode::Enter => Action::SubmitForm,
        KeyCode::Tab | KeyCode::Down => Action::FormNext,
        KeyCode::BackTab | KeyCode::Up => Action::FormPrev,
        KeyCode::Char('u') if ctrl => Action::FormKey(FormKey::Clear),
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char(c) => Action::FormKey(FormKey::Char(c)),
        KeyCode::Backspace => Action::FormKey(FormKey::Backspace),
        KeyCode::Delete => Action::FormKey(FormKey::Delete),
        KeyCode::Left => Action::FormKey(FormKey::Left),
        KeyCode::Right => Action::FormKey(FormKey::Right),
        KeyCode::Home => Action::FormKey(FormKey::Home),
        KeyCode::End => Action::FormKey(FormKey::End),
        _ => return None,
    })
}

/// Keys that change the selected stay, from the board or its detail pane.
fn stay_key(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        KeyCode::Char('a') => Action::OpenForm(FormKind::AddStay),
        KeyCode::Char('e') => Action::OpenForm(FormKind::EditStay),
        KeyCode::Char('m') => Action::Open(Overlay::Goals),
        KeyCode::Char('f') => Action::Open(Overlay::FollowUps),
        KeyCode::Char('r') => Action::Open(Overlay::Risks),
        KeyCode::Char('v') => Action::OpenForm(FormKind::Assessment),
        KeyCode::Char('l') => Action::OpenForm(FormKind::Gp),
        KeyCode::Char('s') => Action::OpenForm(FormKind::Medication),
        KeyCode::Char('d') => Action::OpenForm(FormKind::Delay),
        KeyCode::Char('x') => Action::OpenForm(FormKind::Discharge),
        KeyCode::Char('P') => Action::Open(Overlay::Kin),
        KeyCode::Char('c') => Action::Open(Overlay::Confirm(Confirm::Cancel)),
        KeyCode::Char('D') | KeyCode::Delete => Action::Open(Overlay::Confirm(Confirm::Delete)),
        KeyCode::Char('u') => Action::Undo,
        KeyCode::Char('h') => Action::OpenForm(FormKind::AddEvent),
        KeyCode::Char('E') => Action::Open(Overlay::Events),
        _ => return None,
    })
}

/// Keys of the running stand-up (no pane open): step, end, and every editing key.
fn standup_key(key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Right
        | KeyCode::Char(' ' | 'n')
        | KeyCode::PageDown
        | KeyCode::Down
        | KeyCode::Char('j') => Some(Action::StandupStep(1)),
        KeyCode::Left | KeyCode::Char('p') | KeyCode::PageUp | KeyCode::Up | KeyCode::Char('k') => {
            Some(Action::StandupStep(-1))
        }
        KeyCode::Char('t' | 'q') | KeyCode::Esc => Some(Action::EndStandup),
        KeyCode::Char('o') => Some(Action::MarkDiscussed),
        KeyCode::Char('M') => Some(Action::Open(Overlay::Attendance)),
        KeyCode::Enter => Some(Action::OpenDetail),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        _ => stay_key(key),
    }
}

fn board_key(app: &App, key: KeyEvent) -> Option<Action> {
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    if app.summary.is_some() && app.overlay == Overlay::None {
        return match key.code {
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | ' ') => Some(Action::CloseSummary),
            _ => None,
        };
    }
    if app.standup.is_some() && app.overlay == Overlay::None {
        return standup_key(key);
    }
    if let Some(f) = &app.fagmote
        && matches!(app.overlay, Overlay::None)
    {
        return fagmote_key(f.hold.is_some(), f.confirm_end, key);
    }
    match app.overlay {
        Overlay::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Enter => {
                Some(Action::CloseOverlay)
            }
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Scroll(-1)),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Scroll(1)),
            KeyCode::PageUp => Some(Action::Scroll(-10)),
            KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::Scroll(10)),
            _ => None,
        },
        Overlay::Archive => archive_key(app, key),
        Overlay::Referrals => referrals_key(app, key),
        Overlay::Indicators => match key.code {
            KeyCode::Esc | KeyCode::Char('q' | 'i') | KeyCode::Enter => Some(Action::CloseOverlay),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Scroll(-1)),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Scroll(1)),
            KeyCode::PageUp => Some(Action::Scroll(-10)),
            KeyCode::PageDown => Some(Action::Scroll(10)),
            _ => None,
        },
        Overlay::Confirm(_) => match key.code {
            KeyCode::Char('j' | 'J' | 'y' | 'Y') => Some(Action::Confirmed),
            _ => Some(Action::CloseOverlay),
        },
        Overlay::Goals => match key.code {
            KeyCode::Esc | KeyCode::Char('q') => Some(Action::CloseOverlay),
            KeyCode::Char('n' | 'a') => Some(Action::OpenForm(FormKind::AddGoal)),
            KeyCode::Char('e') | KeyCode::Enter => Some(Action::EditGoalAtCursor),
            // p: the person's own score (poeng/skår) at the home visit and at discharge.
            KeyCode::Char('p') => Some(Action::GoalScoreAtCursor),
            KeyCode::Char('x') => Some(Action::GoalStatus(GoalStatus::Achieved)),
            KeyCode::Char('d') => Some(Action::GoalStatus(GoalStatus::Dropped)),
            KeyCode::Char('K') => Some(Action::MoveGoal(-1)),
            KeyCode::Char('J') => Some(Action::MoveGoal(1)),
            KeyCode::Up if shift => Some(Action::MoveGoal(-1)),
            KeyCode::Down if shift => Some(Action::MoveGoal(1)),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::Char('u') => Some(Action::Undo),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            _ => None,
        },
        Overlay::FollowUps => match key.code {
            KeyCode::Esc | KeyCode::Char('q') => Some(Action::CloseOverlay),
            KeyCode::Char('n' | 'a') => Some(Action::OpenForm(FormKind::AddFollowUp)),
            KeyCode::Char('x' | ' ') | KeyCode::Enter => Some(Action::ToggleFollowUp),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::Char('u') => Some(Action::Undo),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            _ => None,
        },
        Overlay::Kin => match key.code {
            KeyCode::Esc | KeyCode::Char('q' | 'P') => Some(Action::CloseOverlay),
            KeyCode::Char('n' | 'a') => Some(Action::OpenForm(FormKind::AddKin)),
            KeyCode::Char('e') | KeyCode::Enter => Some(Action::Kin(super::kin::KinAction::Edit)),
            KeyCode::Char('D') | KeyCode::Delete => {
                Some(Action::Kin(super::kin::KinAction::Remove))
            }
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::Char('u') => Some(Action::Undo),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            _ => None,
        },
        Overlay::Attendance => match key.code {
            KeyCode::Esc | KeyCode::Char('q' | 'M') | KeyCode::Enter => Some(Action::CloseOverlay),
            KeyCode::Char('x' | ' ') => Some(Action::ToggleAttendance),
            // In the fagmøte: someone not on the staff list.
            KeyCode::Char('n' | 'a') if app.fagmote.is_some() => {
                Some(Action::Fagmote(super::fagmote::FagmoteAction::AttendOther))
            }
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            _ => None,
        },
        Overlay::Events => match key.code {
            KeyCode::Esc | KeyCode::Char('q') => Some(Action::CloseOverlay),
            KeyCode::Char('h' | 'n' | 'a') => Some(Action::OpenForm(FormKind::AddEvent)),
            KeyCode::Char('e') | KeyCode::Enter => Some(Action::EditEventAtCursor),
            KeyCode::Char('D') | KeyCode::Delete => Some(Action::DeleteEventAtCursor),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::Char('u') => Some(Action::Undo),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            _ => None,
        },
        Overlay::Risks => match key.code {
            KeyCode::Esc | KeyCode::Char('q') => Some(Action::CloseOverlay),
            KeyCode::Char('x' | ' ') | KeyCode::Enter => Some(Action::ToggleRisk),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::Char('u') => Some(Action::Undo),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            _ => None,
        },
        Overlay::Detail => match key.code {
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') => Some(Action::CloseOverlay),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            // The pane scrolls; ↑/↓ still move to the previous/next stay.
            KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::Scroll(10)),
            KeyCode::PageUp => Some(Action::Scroll(-10)),
            _ => stay_key(key).or_else(|| navigation(key)),
        },
        Overlay::None => match key.code {
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Enter => Some(Action::OpenDetail),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            KeyCode::Esc => Some(Action::CloseOverlay),
            KeyCode::Char('t') => Some(Action::StartStandup),
            KeyCode::Char('i') => Some(Action::OpenIndicators),
            KeyCode::Char('A') => Some(Action::OpenArchive),
            KeyCode::Char('H') => Some(Action::OpenReferrals),
            KeyCode::Char('F') => Some(Action::OpenFagmote),
            _ => stay_key(key).or_else(|| navigation(key)),
        },
    }
}

/// Keys of the fagmøte mode: the plan (select, plan, put up cases, hold) or the meeting
/// being held (step, write, attendance, end).
fn fagmote_key(holding: bool, confirming: bool, key: KeyEvent) -> Option<Action> {
    use super::fagmote::FagmoteAction as F;
    let f = |a| Some(Action::Fagmote(a));
    // Ending with loose ends asks first: j/y ends it, any other key goes back to the meeting.
    if confirming {
        return match key.code {
            KeyCode::Char('j' | 'J' | 'y' | 'Y') => f(F::EndAnyway),
            _ => f(F::KeepOpen),
        };
    }
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => f(F::Close),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Up | KeyCode::Char('k') => f(F::Move(-1)),
        KeyCode::Down | KeyCode::Char('j') => f(F::Move(1)),
        KeyCode::Enter => f(F::Enter),
        KeyCode::Char('M') => f(F::Attend),
        KeyCode::Char('u') => f(F::Undo),
        KeyCode::Char('a') if holding => f(F::AddMeasure),
        KeyCode::Right | KeyCode::Char('n' | ' ') if holding => f(F::Step(1)),
        KeyCode::Left | KeyCode::Char('p') if holding => f(F::Step(-1)),
        KeyCode::Char('t') if holding => f(F::End),
        KeyCode::Char('F') if !holding => f(F::Close),
        KeyCode::PageUp if !holding => f(F::Move(-5)),
        KeyCode::PageDown if !holding => f(F::Move(5)),
        KeyCode::Char('g') if !holding => f(F::Series),
        KeyCode::Char('n') if !holding => f(F::NewMeeting),
        KeyCode::Char('e') if !holding => f(F::MoveMeeting),
        KeyCode::Char('c') if !holding => f(F::ToggleCancel),
        KeyCode::Char('a') if !holding => f(F::AddCase),
        KeyCode::Char('w') if !holding => f(F::Withdraw),
        _ => None,
    }
}

/// Keys in the archive: the list takes typing as its search (so no letter is a command
/// there); the details of one stay scroll, step and reopen (`g`, asked first).
fn archive_key(app: &App, key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let a = |x| Some(Action::Archive(x));
    let Some(ar) = &app.archive else {
        return Some(Action::CloseOverlay);
    };
    if ar.confirm {
        return match key.code {
            KeyCode::Char('j' | 'J' | 'y' | 'Y') => a(ArchiveAction::Reopen),
            _ => a(ArchiveAction::CancelReopen),
        };
    }
    if ar.detail {
        return match key.code {
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') => a(ArchiveAction::Detail(false)),
            KeyCode::Char('g') => a(ArchiveAction::AskReopen),
            KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::Scroll(10)),
            KeyCode::PageUp => Some(Action::Scroll(-10)),
            KeyCode::Up | KeyCode::Char('k') => a(ArchiveAction::Move(-1)),
            KeyCode::Down | KeyCode::Char('j') => a(ArchiveAction::Move(1)),
            _ => None,
        };
    }
    match key.code {
        KeyCode::Esc => Some(Action::CloseOverlay),
        KeyCode::Enter => a(ArchiveAction::Detail(true)),
        KeyCode::Up => a(ArchiveAction::Move(-1)),
        KeyCode::Down => a(ArchiveAction::Move(1)),
        KeyCode::PageUp => a(ArchiveAction::Move(-10)),
        KeyCode::PageDown => a(ArchiveAction::Move(10)),
        KeyCode::Tab => a(ArchiveAction::Field(true)),
        KeyCode::BackTab => a(ArchiveAction::Field(false)),
        KeyCode::Char('u') if ctrl => a(ArchiveAction::Key(FormKey::Clear)),
        KeyCode::Char(_) if ctrl => None,
        KeyCode::Char(c) => a(ArchiveAction::Key(FormKey::Char(c))),
        KeyCode::Backspace => a(ArchiveAction::Key(FormKey::Backspace)),
        _ => None,
    }
}

/// Keys in the referral queue: select, register, edit, decide, admit (asked first).
fn referrals_key(app: &App, key: KeyEvent) -> Option<Action> {
    let a = |x| Some(Action::Intake(x));
    if app.intake.confirm {
        return match key.code {
            KeyCode::Char('j' | 'J' | 'y' | 'Y') => a(IntakeAction::Admit),
            _ => a(IntakeAction::CancelAdmit),
        };
    }
    match key.code {
        KeyCode::Esc | KeyCode::Char('q' | 'H') => Some(Action::CloseOverlay),
        KeyCode::Up | KeyCode::Char('k') => a(IntakeAction::Move(-1)),
        KeyCode::Down | KeyCode::Char('j') => a(IntakeAction::Move(1)),
        KeyCode::PageUp => a(IntakeAction::Move(-10)),
        KeyCode::PageDown => a(IntakeAction::Move(10)),
        KeyCode::Home | KeyCode::Char('g') => a(IntakeAction::Move(i64::from(i32::MIN))),
        KeyCode::End | KeyCode::Char('G') => a(IntakeAction::Move(i64::from(i32::MAX))),
        KeyCode::Char('n' | 'a') => a(IntakeAction::New),
        KeyCode::Char('e') | KeyCode::Enter => a(IntakeAction::Edit),
        KeyCode::Char('b') => a(IntakeAction::Decide),
        KeyCode::Char('l') => a(IntakeAction::AskAdmit),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        _ => None,
    }
}

/// A kiosk has no editing keys and no forms; only page turning. It is stopped by a signal
/// (SIGTERM/SIGINT from the administrator), never by a stray key.
fn kiosk_key(key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::PageUp | KeyCode::Left => Some(Action::PageUp),
        KeyCode::PageDown | KeyCode::Right => Some(Action::PageDown),
        _ => None,
    }
}
