//! Edit actions: undo and redo, and what is done to the selection.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{ActionInfo, keys};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditAction {
    Undo,
    Redo,
    Delete,
    Duplicate,
    SelectAll,
}

pub(super) const PT_BR: &[(&str, &str)] = &[
    ("Undo", "Desfazer"),
    ("Undo the last change", "Desfaz a última alteração"),
    ("Redo", "Refazer"),
    ("Redo the change just undone", "Refaz a alteração desfeita"),
    ("Delete", "Excluir"),
    (
        "Delete the selected nodes and their wires, or the picked wire",
        "Exclui os nós selecionados e suas conexões, ou a conexão escolhida",
    ),
    ("Duplicate", "Duplicar"),
    (
        "Copy the selected nodes, with the wires between them, next to them",
        "Copia os nós selecionados, com as conexões entre eles, ao lado",
    ),
    ("Select all", "Selecionar tudo"),
    ("Select every node", "Seleciona todos os nós"),
];

const UNDO: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::Z)];
const REDO: &[KeyboardShortcut] = &[
    keys(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
    keys(Modifiers::COMMAND, Key::Y),
];
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
        EditAction::Delete,
        EditAction::Duplicate,
        EditAction::SelectAll,
    ];

    fn label(self) -> &'static str {
        match self {
            EditAction::Undo => "Undo",
            EditAction::Redo => "Redo",
            EditAction::Delete => "Delete",
            EditAction::Duplicate => "Duplicate",
            EditAction::SelectAll => "Select all",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            EditAction::Undo => "Undo the last change",
            EditAction::Redo => "Redo the change just undone",
            EditAction::Delete => "Delete the selected nodes and their wires, or the picked wire",
            EditAction::Duplicate => {
                "Copy the selected nodes, with the wires between them, next to them"
            }
            EditAction::SelectAll => "Select every node",
        }
    }

    fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            EditAction::Undo => UNDO,
            EditAction::Redo => REDO,
            EditAction::Delete => DELETE,
            EditAction::Duplicate => DUPLICATE,
            EditAction::SelectAll => SELECT_ALL,
        }
    }
}
