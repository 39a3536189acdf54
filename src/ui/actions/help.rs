//! Help: the shortcuts sheet.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{ActionInfo, keys};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HelpAction {
    Shortcuts,
}

pub(super) const PT_BR: &[(&str, &str)] = &[
    ("Keyboard shortcuts", "Atalhos de teclado"),
    (
        "Every action with its key, and the canvas gestures",
        "Todas as ações com suas teclas, e os gestos do palco",
    ),
];

const SHORTCUTS: &[KeyboardShortcut] = &[keys(Modifiers::NONE, Key::F1)];

impl ActionInfo for HelpAction {
    const ALL: &'static [Self] = &[HelpAction::Shortcuts];

    fn label(self) -> &'static str {
        match self {
            HelpAction::Shortcuts => "Keyboard shortcuts",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            HelpAction::Shortcuts => "Every action with its key, and the canvas gestures",
        }
    }

    fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            HelpAction::Shortcuts => SHORTCUTS,
        }
    }

    fn works_while_typing(self) -> bool {
        true
    }
}
