//! What the user asks of the selection and the canvas beyond gestures: keys (delete,
//! duplicate, select all, fit, zoom), the context menu, and nodes added from the palette.

use egui::{Key, Modifiers, Pos2, Response};
use fluxo_core::Command;
use fluxo_core::Flow;
use fluxo_core::flow::{Edge, KindTag, Node, NodeId};

use super::interact::{Frame, Hit, hit};
use super::layout::card_origin_at;
use super::{Canvas, Gesture, MenuTarget, SelectionRequest, palette};
use crate::i18n::Lang;
use crate::ui::actions::{self, Action, EditAction};
use crate::ui::context::{AppCommand, Message, Notice};

/// Where duplicates land, relative to their originals.
const DUPLICATE_OFFSET: f32 = 30.0;

/// Adds a node of kind `tag` centred under `at` (canvas units) and selects it.
fn add_node(canvas: &mut Canvas, frame: &mut Frame, tag: KindTag, at: Pos2) {
    let id = frame.flow.unique_id(tag.id_stem());
    frame.edit(Command::AddNodes {
        nodes: vec![Node::new(
            id.clone(),
            card_origin_at(at),
            tag.default_kind(),
        )],
        edges: vec![],
    });
    frame.selection.select_only(id);
    canvas.selected_wire = None;
}

/// Runs the selection requests of this frame (Delete, Duplicate, Select all come from the action
/// registry: menus and keys) and Escape, which belongs to the canvas: it cancels a gesture, or
/// clears the selection.
pub(super) fn requests(canvas: &mut Canvas, ui: &egui::Ui, frame: &mut Frame) {
    for request in std::mem::take(&mut canvas.selection_requests) {
        match request {
            SelectionRequest::Delete => delete_selection(canvas, frame),
            SelectionRequest::Duplicate => duplicate_selection(canvas, frame),
            SelectionRequest::SelectAll => frame
                .selection
                .set(frame.flow.nodes.iter().map(|node| node.id.clone())),
        }
    }
    // Typing in a field must never clear the selection.
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        if canvas.gesture == Gesture::Idle {
            frame.selection.clear();
            canvas.selected_wire = None;
        } else {
            canvas.gesture = Gesture::Idle;
            canvas.moving.clear();
        }
    }
}

/// Deletes the picked wire, or the selected nodes (never the flow's only Entry).
pub(super) fn delete_selection(canvas: &mut Canvas, frame: &mut Frame) {
    if let Some((from, port)) = canvas.selected_wire.take() {
        frame.edit(Command::Disconnect { from, port });
        return;
    }
    let mut ids = frame.selection.ids();
    if ids.is_empty() {
        return;
    }
    let is_entry = |id: &str| {
        frame
            .flow
            .node(id)
            .is_some_and(|node| node.kind.tag() == KindTag::Entry)
    };
    let entries = frame
        .flow
        .nodes
        .iter()
        .filter(|node| node.kind.tag() == KindTag::Entry)
        .count();
    let selected_entries = ids.iter().filter(|id| is_entry(id)).count();
    if selected_entries > 0 && selected_entries >= entries {
        ids.retain(|id| !is_entry(id));
        frame.out.push(AppCommand::Notify(Notice::hint(Message::new(
            "canvas-entry-cannot-be-deleted",
        ))));
    }
    if !ids.is_empty() {
        frame.edit(Command::RemoveNodes { ids });
    }
}

/// Duplicates the selected nodes (and the wires between them) with fresh readable ids.
pub(super) fn duplicate_selection(canvas: &mut Canvas, frame: &mut Frame) {
    let originals: Vec<&Node> = frame
        .selection
        .iter()
        .filter_map(|id| frame.flow.node(id))
        .collect();
    if originals
        .iter()
        .any(|node| node.kind.tag() == KindTag::Entry)
    {
        frame.out.push(AppCommand::Notify(Notice::hint(Message::new(
            "canvas-entry-cannot-be-duplicated",
        ))));
    }
    let originals: Vec<&Node> = originals
        .into_iter()
        .filter(|node| node.kind.tag() != KindTag::Entry)
        .collect();
    if originals.is_empty() {
        return;
    }
    let mut taken = std::collections::HashSet::new();
    let mut renamed = std::collections::HashMap::new();
    let mut nodes = Vec::with_capacity(originals.len());
    for node in &originals {
        let id = fresh_id(frame.flow, id_stem(&node.id), &taken);
        taken.insert(id.clone());
        renamed.insert(node.id.as_str(), id.clone());
        nodes.push(Node {
            id,
            pos: (node.pos.0 + DUPLICATE_OFFSET, node.pos.1 + DUPLICATE_OFFSET),
            kind: node.kind.clone(),
            note: node.note.clone(),
        });
    }
    let edges: Vec<Edge> = frame
        .flow
        .edges
        .iter()
        .filter_map(|edge| {
            let from = renamed.get(edge.from.as_str())?;
            let to = renamed.get(edge.to.as_str())?;
            Some(Edge::new(from.clone(), edge.port.clone(), to.clone()))
        })
        .collect();
    let ids: Vec<NodeId> = nodes.iter().map(|node| node.id.clone()).collect();
    frame.edit(Command::AddNodes { nodes, edges });
    frame.selection.set(ids);
    canvas.selected_wire = None;
}

/// `pergunta_2` -> `pergunta`; `consulta` -> `consulta`.
fn id_stem(id: &str) -> &str {
    match id.rsplit_once('_') {
        Some((stem, number))
            if !stem.is_empty()
                && !number.is_empty()
                && number.bytes().all(|b| b.is_ascii_digit()) =>
        {
            stem
        }
        _ => id,
    }
}

/// `Flow::unique_id`, also avoiding the ids already given out in this batch.
fn fresh_id(flow: &Flow, stem: &str, taken: &std::collections::HashSet<NodeId>) -> NodeId {
    let first = flow.unique_id(stem);
    if !taken.contains(&first) {
        return first;
    }
    // Among this many candidates at least one is free.
    (1..=flow.nodes.len() + taken.len() + 1)
        .map(|n| format!("{stem}_{n}"))
        .find(|id| flow.node(id).is_none() && !taken.contains(id))
        .unwrap_or(first)
}

/// The context menu's items for what it was opened on. Returns the action picked.
fn menu_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    target: &MenuTarget,
    at: Pos2,
    has_entry: bool,
) -> Option<MenuAction> {
    match target {
        MenuTarget::Node => {
            if actions::menu_item(ui, lang, Action::Edit(EditAction::Duplicate), true) {
                return Some(MenuAction::Duplicate);
            }
            if actions::menu_item(ui, lang, Action::Edit(EditAction::Delete), true) {
                return Some(MenuAction::Delete);
            }
        }
        MenuTarget::Wire(from, port) => {
            if ui.button(lang.tr("canvas-disconnect")).clicked() {
                return Some(MenuAction::Disconnect(from.clone(), port.clone()));
            }
        }
        MenuTarget::Empty => {
            ui.label(
                egui::RichText::new(lang.tr("canvas-add-a-node-here"))
                    .weak()
                    .small(),
            );
            if let Some(tag) = palette::kind_menu(ui, lang, has_entry) {
                return Some(MenuAction::Add(tag, at));
            }
        }
    }
    None
}

/// An action picked in the context menu.
enum MenuAction {
    Add(KindTag, Pos2),
    Duplicate,
    Delete,
    Disconnect(NodeId, String),
}

pub(super) fn context_menu(canvas: &mut Canvas, response: &Response, frame: &mut Frame) {
    if response.secondary_clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let at = canvas.view.to_canvas(canvas.area) * pointer;
        let target = match hit(canvas, pointer) {
            Hit::Node(index) | Hit::Port(index, _) => {
                let id = &frame.flow.nodes[index].id;
                if !frame.selection.contains(id) {
                    frame.selection.select_only(id.clone());
                }
                MenuTarget::Node
            }
            Hit::Wire(wire) => {
                let wire = canvas.index.wires[wire];
                MenuTarget::Wire(
                    frame.flow.nodes[wire.from].id.clone(),
                    canvas.index.nodes[wire.from].ports[wire.port].clone(),
                )
            }
            Hit::Empty => MenuTarget::Empty,
        };
        canvas.menu_at = Some((at, target));
    }
    let Some((at, target)) = canvas.menu_at.clone() else {
        return;
    };
    let has_entry = frame.flow.entry().is_some();
    let mut action = None;
    response.context_menu(|ui| {
        action = menu_ui(ui, frame.lang, &target, at, has_entry);
        if action.is_some() {
            ui.close();
        }
    });
    match action {
        Some(MenuAction::Add(tag, at)) => add_node(canvas, frame, tag, at),
        Some(MenuAction::Duplicate) => duplicate_selection(canvas, frame),
        Some(MenuAction::Delete) => delete_selection(canvas, frame),
        Some(MenuAction::Disconnect(from, port)) => {
            frame.edit(Command::Disconnect { from, port });
        }
        None => {}
    }
}

pub(super) fn palette_drop(canvas: &mut Canvas, response: &Response, frame: &mut Frame) {
    if let Some(tag) = response.dnd_release_payload::<KindTag>()
        && let Some(pointer) = response.ctx.input(|i| i.pointer.interact_pos())
    {
        let at = canvas.view.to_canvas(canvas.area) * pointer;
        add_node(canvas, frame, *tag, at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_the_number() {
        assert_eq!(id_stem("pergunta_2"), "pergunta");
        assert_eq!(id_stem("consulta"), "consulta");
        assert_eq!(id_stem("s1_pergunta"), "s1_pergunta");
        assert_eq!(id_stem("_3"), "_3");
    }

    #[test]
    fn fresh_ids_do_not_collide_within_a_batch() {
        let flow = Flow::new("t");
        let mut taken = std::collections::HashSet::new();
        let first = fresh_id(&flow, "fila", &taken);
        taken.insert(first.clone());
        let second = fresh_id(&flow, "fila", &taken);
        assert_eq!((first.as_str(), second.as_str()), ("fila_1", "fila_2"));
    }
}
