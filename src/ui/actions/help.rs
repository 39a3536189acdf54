//! Help: the shortcuts sheet.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{ActionInfo, keys};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HelpAction {
    Shortcuts,
}

const SHORTCUTS: &[KeyboardShortcut] = &[keys(Modifiers::NONE, Key::F1)];

impl ActionInfo for HelpAction {
    const ALL: &'static [Self] = &[HelpAction::Shortcuts];

    fn label(self) -> &'static str {
        match self {
            HelpAction::Shortcuts => "action-help-shortcuts",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            HelpAction::Shortcuts => "action-help-shortcuts-tooltip",
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
