//! Edit actions: undo and redo, the clipboard, find, and what is done to the selection.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{ActionInfo, keys};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditAction {
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    Delete,
    Duplicate,
    SelectAll,
    Find,
}

const UNDO: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::Z)];
const REDO: &[KeyboardShortcut] = &[
    keys(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
    keys(Modifiers::COMMAND, Key::Y),
];
const CUT: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::X)];
const COPY: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::C)];
const PASTE: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::V)];
const FIND: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::F)];
const DELETE: &[KeyboardShortcut] = &[
    keys(Modifiers::NONE, Key::Delete),
    keys(Modifiers::NONE, Key::Backspace),
];
const DUPLICATE: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::D)];
const SELECT_ALL: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::A)];

impl ActionInfo for EditAction {
    const ALL: &'static [Self] = &[
        EditAction::Undo,
        EditAction::Redo,
        EditAction::Cut,
        EditAction::Copy,
        EditAction::Paste,
        EditAction::Delete,
        EditAction::Duplicate,
        EditAction::SelectAll,
        EditAction::Find,
    ];

    fn label(self) -> &'static str {
        match self {
            EditAction::Undo => "action-edit-undo",
            EditAction::Redo => "action-edit-redo",
            EditAction::Cut => "action-edit-cut",
            EditAction::Copy => "action-edit-copy",
            EditAction::Paste => "action-edit-paste",
            EditAction::Find => "action-edit-find",
            EditAction::Delete => "action-edit-delete",
            EditAction::Duplicate => "action-edit-duplicate",
            EditAction::SelectAll => "action-edit-select-all",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            EditAction::Undo => "action-edit-undo-tooltip",
            EditAction::Redo => "action-edit-redo-tooltip",
            EditAction::Cut => "action-edit-cut-tooltip",
            EditAction::Copy => "action-edit-copy-tooltip",
            EditAction::Paste => "action-edit-paste-tooltip",
            EditAction::Find => "action-edit-find-tooltip",
            EditAction::Delete => "action-edit-delete-tooltip",
            EditAction::Duplicate => "action-edit-duplicate-tooltip",
            EditAction::SelectAll => "action-edit-select-all-tooltip",
        }
    }

    fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            EditAction::Undo => UNDO,
            EditAction::Redo => REDO,
            EditAction::Cut => CUT,
            EditAction::Copy => COPY,
            EditAction::Paste => PASTE,
            EditAction::Find => FIND,
            EditAction::Delete => DELETE,
            EditAction::Duplicate => DUPLICATE,
            EditAction::SelectAll => SELECT_ALL,
        }
    }

    /// Find opens from anywhere; Ctrl+C/X/V in a text field belong to the field.
    fn works_while_typing(self) -> bool {
        self == EditAction::Find
    }
}
