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

pub(super) const PT_BR: &[(&str, &str)] = &[
    ("New", "Novo"),
    (
        "Start a new flow with just the Entry node",
        "Começa um fluxo novo só com o nó de entrada",
    ),
    ("Open…", "Abrir…"),
    (
        "Open a flow file (.flow.ron or .flow.json)",
        "Abre um arquivo de fluxo (.flow.ron ou .flow.json)",
    ),
    ("Save", "Salvar"),
    (
        "Save the flow without leaving the editor",
        "Salva o fluxo sem sair do editor",
    ),
    ("Save as…", "Salvar como…"),
    (
        "Save the flow in a new file; the extension picks RON or JSON",
        "Salva o fluxo em outro arquivo; a extensão escolhe RON ou JSON",
    ),
    ("Save and close", "Salvar e sair"),
    (
        "Save the flow, then go back to the start page",
        "Salva o fluxo e volta para a página inicial",
    ),
    ("Back without saving", "Voltar sem salvar"),
    (
        "Leave the editor without saving any change (asks first)",
        "Sai do editor sem salvar nenhuma alteração (pergunta antes)",
    ),
    ("Quit", "Sair"),
    (
        "Close the window (asks about unsaved changes)",
        "Fecha a janela (pergunta sobre alterações não salvas)",
    ),
];

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
            FileAction::New => "New",
            FileAction::Open => "Open…",
            FileAction::Save => "Save",
            FileAction::SaveAs => "Save as…",
            FileAction::SaveAndClose => "Save and close",
            FileAction::BackWithoutSaving => "Back without saving",
            FileAction::Quit => "Quit",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            FileAction::New => "Start a new flow with just the Entry node",
            FileAction::Open => "Open a flow file (.flow.ron or .flow.json)",
            FileAction::Save => "Save the flow without leaving the editor",
            FileAction::SaveAs => "Save the flow in a new file; the extension picks RON or JSON",
            FileAction::SaveAndClose => "Save the flow, then go back to the start page",
            FileAction::BackWithoutSaving => {
                "Leave the editor without saving any change (asks first)"
            }
            FileAction::Quit => "Close the window (asks about unsaved changes)",
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
