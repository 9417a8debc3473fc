//! The one place where keys are mapped to actions, per mode and overlay.

use super::{Action, App, Mode, Overlay};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The action for a key press in the app's current state, if any.
pub fn action_for_key(app: &App, key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match app.mode {
        Mode::Kiosk => kiosk_key(key, ctrl),
        Mode::Edit => board_key(app, key, ctrl),
    }
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

fn board_key(app: &App, key: KeyEvent, ctrl: bool) -> Option<Action> {
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    match app.overlay {
        Overlay::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Enter => {
                Some(Action::CloseOverlay)
            }
            _ => None,
        },
        Overlay::Detail => match key.code {
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') => Some(Action::CloseOverlay),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            _ => navigation(key),
        },
        Overlay::None => match key.code {
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Enter => Some(Action::OpenDetail),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            KeyCode::Esc => Some(Action::CloseOverlay),
            _ => navigation(key),
        },
    }
}

/// A kiosk has no editing keys and no forms; only page turning. It is stopped by a signal
/// (SIGTERM/SIGINT from the administrator), never by a stray key.
fn kiosk_key(key: KeyEvent, _ctrl: bool) -> Option<Action> {
    match key.code {
        KeyCode::PageUp | KeyCode::Left => Some(Action::PageUp),
        KeyCode::PageDown | KeyCode::Right => Some(Action::PageDown),
        _ => None,
    }
}
