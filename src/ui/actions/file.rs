//! File actions: new, open, save, save as, Mosia's "save and close" and "back without saving",
//! quit.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{ActionInfo, keys};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileAction {
    New,
    Open,
    Save,
    SaveAs,
    SaveAndClose,
    BackWithoutSaving,
    Quit,
}

const NEW: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::N)];
const OPEN: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::O)];
const SAVE: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::S)];
const SAVE_AS: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S)];
const BACK: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::W)];
const QUIT: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::Q)];

impl ActionInfo for FileAction {
    const ALL: &'static [Self] = &[
        FileAction::New,
        FileAction::Open,
        FileAction::Save,
        FileAction::SaveAs,
        FileAction::SaveAndClose,
        FileAction::BackWithoutSaving,
        FileAction::Quit,
    ];

    fn label(self) -> &'static str {
        match self {
            FileAction::New => "action-file-new",
            FileAction::Open => "action-file-open",
            FileAction::Save => "action-file-save",
            FileAction::SaveAs => "action-file-save-as",
            FileAction::SaveAndClose => "action-file-save-and-close",
            FileAction::BackWithoutSaving => "action-file-back-without-saving",
            FileAction::Quit => "action-file-quit",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            FileAction::New => "action-file-new-tooltip",
            FileAction::Open => "action-file-open-tooltip",
            FileAction::Save => "action-file-save-tooltip",
            FileAction::SaveAs => "action-file-save-as-tooltip",
            FileAction::SaveAndClose => "action-file-save-and-close-tooltip",
            FileAction::BackWithoutSaving => "action-file-back-without-saving-tooltip",
            FileAction::Quit => "action-file-quit-tooltip",
        }
    }

    fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            FileAction::New => NEW,
            FileAction::Open => OPEN,
            FileAction::Save => SAVE,
            FileAction::SaveAs => SAVE_AS,
            FileAction::SaveAndClose => &[],
            FileAction::BackWithoutSaving => BACK,
            FileAction::Quit => QUIT,
        }
    }

    /// Files are reachable from anywhere: Ctrl+S while typing in a field saves.
    fn works_while_typing(self) -> bool {
        self != FileAction::SaveAndClose
    }
}
