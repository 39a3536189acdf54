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
    ("Cut", "Recortar"),
    (
        "Copy the selected nodes to the clipboard, then delete them",
        "Copia os nós selecionados para a área de transferência e os apaga",
    ),
    ("Copy", "Copiar"),
    (
        "Copy the selected nodes, with the wires between them, to the clipboard",
        "Copia os nós selecionados, com as conexões entre eles, para a área de transferência",
    ),
    ("Paste", "Colar"),
    (
        "Paste copied nodes at the pointer, with fresh ids",
        "Cola os nós copiados no ponteiro, com ids novos",
    ),
    ("Find node…", "Buscar nó…"),
    (
        "Find a node by id or text, select it and show it",
        "Busca um nó pelo id ou texto, seleciona e mostra",
    ),
    ("Select all", "Selecionar tudo"),
    ("Select every node", "Seleciona todos os nós"),
];

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
            EditAction::Undo => "Undo",
            EditAction::Redo => "Redo",
            EditAction::Cut => "Cut",
            EditAction::Copy => "Copy",
            EditAction::Paste => "Paste",
            EditAction::Find => "Find node…",
            EditAction::Delete => "Delete",
            EditAction::Duplicate => "Duplicate",
            EditAction::SelectAll => "Select all",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            EditAction::Undo => "Undo the last change",
            EditAction::Redo => "Redo the change just undone",
            EditAction::Cut => "Copy the selected nodes to the clipboard, then delete them",
            EditAction::Copy => {
                "Copy the selected nodes, with the wires between them, to the clipboard"
            }
            EditAction::Paste => "Paste copied nodes at the pointer, with fresh ids",
            EditAction::Find => "Find a node by id or text, select it and show it",
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
