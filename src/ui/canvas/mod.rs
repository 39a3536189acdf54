//! Our node canvas: draws the `Flow` directly, lays out only what is on screen.
//!
//! A frame: sync the index with the flow's revision (only after an edit), apply pan and zoom,
//! query the grid for what is on screen, turn gestures into commands (edits, the selection,
//! notices), then paint the wires and the cards on screen, the overlays, the minimap and the zoom
//! controls. The canvas never mutates the flow: moves are drawn as an offset until the pointer is
//! released, then pushed as one edit.

mod actions;
mod cards;
mod controls;
mod draw;
mod grid;
mod index;
mod interact;
mod layout;
mod minimap;
pub mod palette;
mod selection_draft;
pub(crate) mod summary;
mod texts;
mod view;
mod wires;

use egui::{Pos2, Rect, Sense, Vec2};
use fluxo_core::Flow;
use fluxo_core::flow::{NodeId, NodeKind};

use super::context::{AppCommand, FrameCx, Panel};
pub use super::context::{
    Badge, Badges, Coverage, EdgeMark, NodeMark, Overlay, Selection, ViewRequest,
};
use super::theme;
pub use layout::{NODE_WIDTH, card_origin_at, input_anchor, node_size, port_anchor};
use selection_draft::SelectionDraft;
pub use view::View;
pub use wires::{
    bezier as wire_bezier, flatten_into as flatten_wire, segments_for as wire_segments,
};

/// Something to do to the selection, asked for from outside (menus, keys through the action
/// registry); done during the next canvas frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionRequest {
    /// The picked wire, or the selected nodes (never the only Entry).
    Delete,
    Duplicate,
    SelectAll,
}

/// A gesture in progress.
#[derive(Clone, Debug, Default, PartialEq)]
enum Gesture {
    #[default]
    Idle,
    Pan,
    /// Dragging the selection; drawn as an offset until release.
    Move {
        nodes: Vec<usize>,
        /// Where the drag started, in canvas units.
        origin: Pos2,
        delta: Vec2,
    },
    /// Dragging a wire from an output port; `lifted` is the wire it replaces, if any.
    Connect {
        from: usize,
        port: usize,
        lifted: Option<usize>,
        pointer: Pos2,
    },
    /// Rubber-band selection, in canvas units.
    Band {
        origin: Pos2,
        pointer: Pos2,
        is_additive: bool,
    },
}

/// What the context menu was opened on.
#[derive(Clone, Debug, PartialEq)]
enum MenuTarget {
    Node,
    /// A wire, as `(from, port)`.
    Wire(NodeId, String),
    Empty,
}

/// The canvas's state between frames.
pub struct Canvas {
    pub view: View,
    pub show_minimap: bool,
    index: index::CanvasIndex,
    texts: texts::TextCache,
    gesture: Gesture,
    /// Where the canvas was drawn last frame (screen points).
    area: Rect,
    /// Nodes on screen this frame, in drawing order.
    visible: Vec<usize>,
    /// Wires that may cross the screen this frame.
    visible_wires: Vec<usize>,
    /// A wire picked by a click (Del disconnects it): `(from, port)`.
    selected_wire: Option<(NodeId, String)>,
    /// Where the context menu was opened (canvas units) and what it was opened on.
    menu_at: Option<(Pos2, MenuTarget)>,
    requests: Vec<ViewRequest>,
    selection_requests: Vec<SelectionRequest>,
    minimap: minimap::MinimapCache,
    /// Whether a node is being moved, by node index (sized when a move starts).
    moving: Vec<bool>,
    /// A finished move whose edit has not reached the index yet: the offset to keep drawing.
    settle: Option<Vec2>,
}

impl Default for Canvas {
    fn default() -> Self {
        Self {
            view: View::default(),
            show_minimap: true,
            index: index::CanvasIndex::default(),
            texts: texts::TextCache::default(),
            gesture: Gesture::Idle,
            area: Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0)),
            visible: Vec::new(),
            visible_wires: Vec::new(),
            selected_wire: None,
            menu_at: None,
            requests: Vec::new(),
            selection_requests: Vec::new(),
            minimap: minimap::MinimapCache::default(),
            moving: Vec::new(),
            settle: None,
        }
    }
}

impl Panel for Canvas {
    /// Draws the canvas in all of `ui`'s remaining space; the user's edits, selection changes
    /// and refusals go to `out`.
    fn ui(&mut self, ui: &mut egui::Ui, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        let flow = cx.flow;
        let (area, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        self.area = area;
        if self.index.sync(flow, cx.revision) {
            self.forget_stale(flow);
        } else if self.settle.take().is_some() {
            // The move was refused: the cards go back.
            self.moving.clear();
        }
        self.run_requests(flow);
        interact::pan_and_zoom(self, ui, &response);
        self.texts
            .begin(cx.revision, self.view.zoom, cx.lang, flow.nodes.len());
        self.collect_visible();
        let mut frame = interact::Frame {
            flow,
            lang: cx.lang,
            selection: SelectionDraft::new(cx.selection),
            out,
        };
        interact::gestures(self, ui, &response, &mut frame);
        actions::requests(self, ui, &mut frame);
        actions::context_menu(self, &response, &mut frame);
        actions::palette_drop(self, &response, &mut frame);
        let painter = ui.painter_at(area);
        draw::canvas(
            self,
            &painter,
            &draw::Scene {
                flow,
                selection: &frame.selection,
                badges: cx.badges,
                overlay: cx.overlay,
                colors: theme::CanvasColors::for_visuals(ui.visuals()),
                hover: response.hover_pos(),
            },
        );
        if let Some(selection) = frame.selection.into_changed() {
            frame.out.push(AppCommand::Select(selection));
        }
        if self.show_minimap {
            minimap::ui(self, ui, flow);
        }
        controls::ui(self, ui, cx.lang);
    }
}

impl Canvas {
    /// Asks for a view change, done at the start of the next canvas frame.
    pub fn request(&mut self, request: ViewRequest) {
        self.requests.push(request);
    }

    /// Asks for something to be done to the selection during the next canvas frame.
    pub fn request_on_selection(&mut self, request: SelectionRequest) {
        self.selection_requests.push(request);
    }

    fn run_requests(&mut self, flow: &Flow) {
        for request in std::mem::take(&mut self.requests) {
            match request {
                ViewRequest::Fit => {
                    if flow.nodes.is_empty() {
                        self.view = View::default();
                    } else {
                        self.view.fit(self.area, self.index.bounds);
                    }
                }
                ViewRequest::Overview => {
                    if flow.nodes.is_empty() {
                        self.view = View::default();
                    } else {
                        let start = flow
                            .nodes
                            .iter()
                            .find(|node| matches!(node.kind, NodeKind::Entry { .. }))
                            .and_then(|node| self.index.by_id.get(node.id.as_str()))
                            .map(|&index| self.index.nodes[index].rect);
                        self.view.overview(self.area, self.index.bounds, start);
                    }
                }
                ViewRequest::Reveal(id) => {
                    if let Some(&index) = self.index.by_id.get(&id) {
                        let rect = self.index.nodes[index].rect;
                        self.view.reveal(self.area, rect, 60.0);
                    }
                }
                ViewRequest::Follow(id) => {
                    if let Some(&index) = self.index.by_id.get(&id) {
                        let rect = self.index.nodes[index].rect;
                        let room = self.area.shrink(30.0);
                        let on_screen = self.view.to_screen(self.area) * rect;
                        if room.is_positive() && !room.contains_rect(on_screen) {
                            self.view.reveal(self.area, rect, 60.0);
                        }
                    }
                }
                ViewRequest::CenterOn(id) => {
                    if let Some(&index) = self.index.by_id.get(&id) {
                        let center = self.index.nodes[index].rect.center();
                        self.view.center_on(self.area, center);
                    }
                }
                ViewRequest::ZoomBy(factor) => {
                    self.view.zoom_around(self.area, self.area.center(), factor);
                }
                ViewRequest::ZoomTo(zoom) => {
                    let factor = zoom / self.view.zoom;
                    self.view.zoom_around(self.area, self.area.center(), factor);
                }
            }
        }
    }

    /// After an edit: a gesture or a picked wire that points at what is gone is dropped.
    fn forget_stale(&mut self, flow: &Flow) {
        if !matches!(
            self.gesture,
            Gesture::Idle | Gesture::Pan | Gesture::Band { .. }
        ) {
            self.gesture = Gesture::Idle;
        }
        if let Some((from, port)) = &self.selected_wire
            && flow.edge_from(from, port).is_none()
        {
            self.selected_wire = None;
        }
        self.moving.clear();
        self.settle = None;
    }

    /// Fills `visible` and `visible_wires` with what the view shows, plus a margin, plus
    /// whatever is being moved (its resting place may be off screen).
    fn collect_visible(&mut self) {
        let margin = 40.0 / self.view.zoom.max(View::MIN_ZOOM);
        let seen = self.view.visible(self.area).expand(margin);
        let mut visible = std::mem::take(&mut self.visible);
        let mut wires = std::mem::take(&mut self.visible_wires);
        self.index.query(seen, &mut visible);
        self.index.query_wires(seen, &mut wires);
        if !self.moving.is_empty() {
            for (node, _) in self.moving.iter().enumerate().filter(|(_, m)| **m) {
                visible.push(node);
                wires.extend(self.index.port_wires[node].iter().flatten().copied());
                wires.extend(self.index.incoming[node].iter().copied());
            }
            visible.sort_unstable();
            visible.dedup();
            wires.sort_unstable();
            wires.dedup();
        }
        self.visible = visible;
        self.visible_wires = wires;
    }

    /// The card of node `index` where it is drawn this frame (moved nodes follow the pointer).
    fn node_rect(&self, index: usize) -> Rect {
        let rect = self.index.nodes[index].rect;
        if !self.moving.get(index).copied().unwrap_or(false) {
            return rect;
        }
        match (&self.gesture, self.settle) {
            (Gesture::Move { delta, .. }, _) => rect.translate(*delta),
            (_, Some(delta)) => rect.translate(delta),
            _ => rect,
        }
    }

    /// The zoom as a whole percentage, for the status bar.
    pub fn zoom_percent(&self) -> u32 {
        (self.view.zoom * 100.0).round() as u32
    }

    /// Where the canvas was drawn last frame.
    pub fn area(&self) -> Rect {
        self.area
    }

    /// Screen rect of a node's card as of the last frame (tests and overlays place things by it).
    pub fn node_screen_rect(&self, id: &str) -> Option<Rect> {
        let index = *self.index.by_id.get(id)?;
        Some(self.view.to_screen(self.area) * self.node_rect(index))
    }

    /// Screen position of an output port's dot as of the last frame.
    pub fn port_screen_pos(&self, id: &str, port: &str) -> Option<Pos2> {
        let index = *self.index.by_id.get(id)?;
        let port = self.index.nodes[index]
            .ports
            .iter()
            .position(|p| p == port)?;
        Some(self.view.to_screen(self.area) * layout::port_anchor(self.node_rect(index), port))
    }

    /// Screen position of a node's input dot as of the last frame.
    pub fn input_screen_pos(&self, id: &str) -> Option<Pos2> {
        let index = *self.index.by_id.get(id)?;
        Some(self.view.to_screen(self.area) * layout::input_anchor(self.node_rect(index)))
    }

    /// Where the minimap is drawn (screen points), if the canvas has room for it.
    pub fn minimap_rect(&self) -> Option<Rect> {
        self.show_minimap
            .then(|| minimap::rect_in(self.area))
            .flatten()
    }

    /// How many cards were laid out last frame (the benchmark checks culling with it).
    pub fn visible_count(&self) -> usize {
        self.visible.len()
    }
}
