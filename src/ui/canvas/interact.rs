//! Gestures: pan and zoom, select (click, Shift/Ctrl-click, rubber band), move, connect and
//! rewire by dragging from a port or a wire, drop from the palette, the context menu and the
//! keyboard. Each gesture becomes at most one edit when it ends.

use egui::{Modifiers, PointerButton, Pos2, Rect, Response, Vec2};
use fluxo_core::Command;
use fluxo_core::Flow;

use super::layout::{self, PORT_RADIUS};
use super::selection_draft::SelectionDraft;
use super::{Canvas, Gesture, wires};
use crate::i18n::Lang;
use crate::ui::Edit;
use crate::ui::context::AppCommand;

/// The model side of one canvas frame.
pub(super) struct Frame<'a, 'o> {
    pub flow: &'a Flow,
    pub lang: Lang,
    pub selection: SelectionDraft<'a>,
    pub out: &'o mut Vec<AppCommand>,
}

impl Frame<'_, '_> {
    /// Pushes a change of the flow.
    pub fn edit(&mut self, command: Command) {
        self.out.push(AppCommand::Edit(Edit::new(command)));
    }
}

/// What is under a screen point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Hit {
    Port(usize, usize),
    Node(usize),
    Wire(usize),
    Empty,
}

/// How close (screen points) the pointer must be to a wire to pick it.
const WIRE_PICK: f32 = 6.0;

pub(super) fn pan_and_zoom(canvas: &mut Canvas, ui: &egui::Ui, response: &Response) {
    let area = canvas.area;
    if response.contains_pointer() {
        let (scroll, zoom, hover) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        if (zoom - 1.0).abs() > f32::EPSILON {
            if let Some(anchor) = hover {
                canvas.view.zoom_around(area, anchor, zoom);
            }
        } else if scroll != Vec2::ZERO {
            canvas.view.pan(scroll);
        }
    }
    if response.dragged_by(PointerButton::Middle) {
        canvas.view.pan(response.drag_delta());
    }
}

/// What is under `screen`: an output port first, then a card (its input dot picks the wire
/// that arrives there), then a wire.
pub(super) fn hit(canvas: &Canvas, screen: Pos2) -> Hit {
    let to_screen = canvas.view.to_screen(canvas.area);
    let zoom = canvas.view.zoom;
    let port_reach = (PORT_RADIUS * zoom + 4.0).max(7.0);
    for &index in canvas.visible.iter().rev() {
        let rect = canvas.node_rect(index);
        let screen_rect = to_screen * rect;
        if !screen_rect.expand(port_reach).contains(screen) {
            continue;
        }
        for port in 0..canvas.index.nodes[index].ports.len() {
            let anchor = to_screen * layout::port_anchor(rect, port);
            if anchor.distance(screen) <= port_reach {
                return Hit::Port(index, port);
            }
        }
        let input = to_screen * layout::input_anchor(rect);
        if input.distance(screen) <= port_reach
            && let Some(&wire) = canvas.index.incoming[index].last()
        {
            return Hit::Wire(wire);
        }
        if screen_rect.contains(screen) {
            return Hit::Node(index);
        }
    }
    wire_at(canvas, screen).map_or(Hit::Empty, Hit::Wire)
}

/// The wire nearest to `screen` within picking distance.
fn wire_at(canvas: &Canvas, screen: Pos2) -> Option<usize> {
    let mut best: Option<(f32, usize)> = None;
    for &index in &canvas.visible_wires {
        let points = canvas.wire_points(index);
        if !wires::bounds(&points).expand(WIRE_PICK).contains(screen) {
            continue;
        }
        let (distance, _) = wires::distance(&points, screen);
        if distance <= WIRE_PICK && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, index));
        }
    }
    best.map(|(_, index)| index)
}

impl Canvas {
    /// The control points of wire `index` on screen this frame.
    pub(super) fn wire_points(&self, index: usize) -> [Pos2; 4] {
        let wire = self.index.wires[index];
        let to_screen = self.view.to_screen(self.area);
        let from = to_screen * layout::port_anchor(self.node_rect(wire.from), wire.port);
        let to = to_screen * layout::input_anchor(self.node_rect(wire.to));
        wires::bezier(from, to, self.view.zoom)
    }

    /// The node a wire dragged to `point` (canvas units) would connect to.
    pub(super) fn drop_target(&self, point: Pos2) -> Option<usize> {
        let reach = 14.0 / self.view.zoom.max(0.05);
        self.visible.iter().rev().copied().find(|&index| {
            let rect = self.node_rect(index);
            Rect::from_min_max(
                rect.min - Vec2::new(reach, 4.0),
                rect.max + Vec2::splat(4.0),
            )
            .contains(point)
        })
    }

    /// The centre of the view, in canvas units.
    pub fn view_center(&self) -> Pos2 {
        self.view.to_canvas(self.area) * self.area.center()
    }
}

pub(super) fn gestures(canvas: &mut Canvas, ui: &egui::Ui, response: &Response, frame: &mut Frame) {
    let (origin, pointer, modifiers) = ui.input(|i| {
        (
            i.pointer.press_origin(),
            i.pointer.interact_pos(),
            i.modifiers,
        )
    });
    if response.drag_started_by(PointerButton::Primary)
        && let Some(origin) = origin
    {
        start(canvas, frame, origin, modifiers);
    }
    let is_dragging = response.dragged_by(PointerButton::Primary);
    let has_stopped = response.drag_stopped_by(PointerButton::Primary);
    if (is_dragging || has_stopped)
        && let Some(pointer) = pointer
    {
        follow(canvas, response, pointer);
    }
    // A drag that ended without a release (the pointer left the window) ends the gesture too.
    if has_stopped || (!is_dragging && canvas.gesture != Gesture::Idle) {
        finish(canvas, frame);
    }
    if response.clicked()
        && let Some(pointer) = pointer
    {
        click(canvas, frame, pointer, modifiers);
    }
    if canvas.gesture == Gesture::Idle
        && let Some(hover) = response.hover_pos()
    {
        let icon = match hit(canvas, hover) {
            Hit::Port(..) => egui::CursorIcon::Crosshair,
            Hit::Wire(_) | Hit::Node(_) => egui::CursorIcon::PointingHand,
            Hit::Empty => egui::CursorIcon::Default,
        };
        ui.ctx().set_cursor_icon(icon);
    }
}

fn start(canvas: &mut Canvas, frame: &mut Frame, origin: Pos2, modifiers: Modifiers) {
    let at = canvas.view.to_canvas(canvas.area) * origin;
    canvas.gesture = match hit(canvas, origin) {
        Hit::Port(from, port) => Gesture::Connect {
            from,
            port,
            lifted: canvas.index.port_wires[from][port],
            pointer: at,
        },
        Hit::Wire(wire) => {
            let wire_ref = canvas.index.wires[wire];
            Gesture::Connect {
                from: wire_ref.from,
                port: wire_ref.port,
                lifted: Some(wire),
                pointer: at,
            }
        }
        Hit::Node(index) => {
            let id = &frame.flow.nodes[index].id;
            if modifiers.shift || modifiers.command {
                frame.selection.add(id.clone());
            } else if !frame.selection.contains(id) {
                frame.selection.select_only(id.clone());
            }
            canvas.selected_wire = None;
            let nodes: Vec<usize> = frame
                .selection
                .iter()
                .filter_map(|id| canvas.index.by_id.get(id).copied())
                .collect();
            canvas.moving = vec![false; canvas.index.nodes.len()];
            for &node in &nodes {
                canvas.moving[node] = true;
            }
            Gesture::Move {
                nodes,
                origin: at,
                delta: Vec2::ZERO,
            }
        }
        Hit::Empty if modifiers.shift || modifiers.command => Gesture::Band {
            origin: at,
            pointer: at,
            is_additive: modifiers.command,
        },
        Hit::Empty => Gesture::Pan,
    };
}

fn follow(canvas: &mut Canvas, response: &Response, pointer: Pos2) {
    let at = canvas.view.to_canvas(canvas.area) * pointer;
    match &mut canvas.gesture {
        Gesture::Idle => {}
        Gesture::Pan => canvas.view.pan(response.drag_delta()),
        Gesture::Move { origin, delta, .. } => *delta = at - *origin,
        Gesture::Connect { pointer, .. } | Gesture::Band { pointer, .. } => *pointer = at,
    }
}

fn finish(canvas: &mut Canvas, frame: &mut Frame) {
    let mut moved = None;
    match std::mem::take(&mut canvas.gesture) {
        Gesture::Idle | Gesture::Pan => {}
        Gesture::Move { nodes, delta, .. } => {
            if delta.length() >= 0.5 {
                moved = Some(delta);
                let moves = nodes
                    .iter()
                    .filter_map(|&index| frame.flow.nodes.get(index))
                    .map(|node| {
                        let pos = (
                            (node.pos.0 + delta.x).round(),
                            (node.pos.1 + delta.y).round(),
                        );
                        (node.id.clone(), pos)
                    })
                    .collect();
                frame.edit(Command::MoveNodes { moves });
            }
        }
        Gesture::Connect {
            from,
            port,
            lifted,
            pointer,
        } => finish_connect(canvas, frame, (from, port), lifted, pointer),
        Gesture::Band {
            origin,
            pointer,
            is_additive,
        } => {
            let band = Rect::from_two_pos(origin, pointer);
            if !is_additive {
                frame.selection.clear();
            }
            let mut inside = Vec::new();
            canvas.index.query(band, &mut inside);
            for index in inside {
                frame.selection.add(frame.flow.nodes[index].id.clone());
            }
            canvas.selected_wire = None;
        }
    }
    // The moved cards stay where they were dropped until the edit lands and the index rebuilds
    // (otherwise they would flash back for one frame).
    if let Some(AppCommand::Edit(Edit {
        command: Command::MoveNodes { .. },
        ..
    })) = frame.out.last()
        && let Some(delta) = moved
    {
        canvas.settle = Some(delta);
    } else {
        canvas.moving.clear();
    }
}

fn finish_connect(
    canvas: &mut Canvas,
    frame: &mut Frame,
    (from, port): (usize, usize),
    lifted: Option<usize>,
    pointer: Pos2,
) {
    let from_id = frame.flow.nodes[from].id.clone();
    let port_name = canvas.index.nodes[from].ports[port].clone();
    match canvas.drop_target(pointer) {
        Some(target) => {
            let is_same = lifted.is_some_and(|wire| canvas.index.wires[wire].to == target);
            if !is_same {
                let to = frame.flow.nodes[target].id.clone();
                frame.edit(Command::Connect {
                    from: from_id,
                    port: port_name,
                    to,
                });
            }
        }
        None => {
            if lifted.is_some() {
                frame.edit(Command::Disconnect {
                    from: from_id,
                    port: port_name,
                });
            }
        }
    }
}

fn click(canvas: &mut Canvas, frame: &mut Frame, pointer: Pos2, modifiers: Modifiers) {
    let is_adding = modifiers.shift || modifiers.command;
    match hit(canvas, pointer) {
        Hit::Port(index, _) | Hit::Node(index) => {
            let id = &frame.flow.nodes[index].id;
            if is_adding {
                frame.selection.toggle(id);
            } else {
                frame.selection.select_only(id.clone());
            }
            canvas.selected_wire = None;
        }
        Hit::Wire(wire) => {
            let wire = canvas.index.wires[wire];
            canvas.selected_wire = Some((
                frame.flow.nodes[wire.from].id.clone(),
                canvas.index.nodes[wire.from].ports[wire.port].clone(),
            ));
            if !is_adding {
                frame.selection.clear();
            }
        }
        Hit::Empty => {
            if !is_adding {
                frame.selection.clear();
            }
            canvas.selected_wire = None;
        }
    }
}
