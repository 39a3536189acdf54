//! Painting: the dotted background, the wires on screen, the cards on screen (full cards, plain
//! boxes when zoomed out, coloured dots when far out), the overlays, and the gesture feedback.

use egui::epaint::{PathShape, PathStroke};
use egui::{
    Align2, Color32, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, vec2,
};
use fluxo_core::Flow;
use fluxo_core::flow::KindTag;

use super::interact::{Hit, hit};
use super::layout::{self, HEADER_HEIGHT, PORT_RADIUS};
use super::{Badges, Canvas, EdgeMark, Gesture, Overlay, Selection, cards, wires};
use crate::ui::theme::{self, ACCENT, CanvasColors};

/// What the painter needs from the app this frame.
pub(super) struct Scene<'a> {
    pub flow: &'a Flow,
    pub selection: &'a Selection,
    pub badges: &'a Badges,
    pub overlay: &'a Overlay,
    pub colors: CanvasColors,
    /// The pointer, when it is over the canvas.
    pub hover: Option<Pos2>,
}

/// How much of a card is drawn at the current zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Detail {
    /// Text, ports, badges.
    Full,
    /// A box with its header band: text would be unreadable.
    Box,
    /// A coloured rectangle: the flow's shape only.
    Dot,
}

impl Detail {
    fn at(zoom: f32) -> Self {
        if zoom >= 0.45 {
            Detail::Full
        } else if zoom >= 0.16 {
            Detail::Box
        } else {
            Detail::Dot
        }
    }
}

pub(super) const WHITE: Color32 = Color32::WHITE;

pub(super) fn canvas(canvas: &mut Canvas, painter: &Painter, scene: &Scene) {
    let zoom = canvas.view.zoom;
    let detail = Detail::at(zoom);
    background(canvas, painter, &scene.colors);
    let hover = match (&canvas.gesture, scene.hover) {
        (Gesture::Idle, Some(pointer)) => hit(canvas, pointer),
        _ => Hit::Empty,
    };
    let labels = wires_layer(canvas, painter, scene, detail, hover);
    cards::nodes_layer(canvas, painter, scene, detail, hover);
    // Wire labels (the simulator's branch rules) go on top: a short wire's label must not hide
    // under the card it leads to.
    for (at, label, color) in labels {
        cards::pill(painter, at, &label, color, zoom, &scene.colors);
    }
    gesture_feedback(canvas, painter);
}

fn background(canvas: &Canvas, painter: &Painter, colors: &CanvasColors) {
    let area = canvas.area;
    painter.rect_filled(area, 0.0, colors.background);
    // Dots every 24 units, thinned out when zoomed out so that there are never too many.
    let mut step = 24.0 * canvas.view.zoom;
    while step < 18.0 {
        step *= 2.0;
    }
    let origin = canvas.view.to_screen(area) * Pos2::ZERO;
    let start = Pos2::new(
        area.min.x + (origin.x - area.min.x).rem_euclid(step),
        area.min.y + (origin.y - area.min.y).rem_euclid(step),
    );
    let size = (1.6 * canvas.view.zoom.sqrt()).clamp(1.0, 2.2);
    let mut mesh = Mesh::default();
    let mut y = start.y;
    while y < area.max.y {
        let mut x = start.x;
        while x < area.max.x {
            mesh.add_colored_rect(
                Rect::from_center_size(Pos2::new(x, y), Vec2::splat(size)),
                colors.dots,
            );
            x += step;
        }
        y += step;
    }
    painter.add(Shape::mesh(mesh));
}

/// A label to draw at a point of a wire, in the wire's colour.
type WireLabel = (Pos2, String, Color32);

/// Paints the wires; returns their labels, drawn after the cards.
fn wires_layer(
    canvas: &Canvas,
    painter: &Painter,
    scene: &Scene,
    detail: Detail,
    hover: Hit,
) -> Vec<WireLabel> {
    let mut labels = Vec::new();
    let clip = painter.clip_rect().expand(8.0);
    let zoom = canvas.view.zoom;
    let lifted = match &canvas.gesture {
        Gesture::Connect { lifted, .. } => *lifted,
        _ => None,
    };
    // Far out, thousands of wires are a few pixels each: one mesh of thin quads, no feathering.
    let mut far = Mesh::default();
    for &index in &canvas.visible_wires {
        if lifted == Some(index) {
            continue;
        }
        let points = canvas.wire_points(index);
        if !wires::bounds(&points).intersects(clip) {
            continue;
        }
        let (color, stroke_width, mark) = wire_style(canvas, scene, index, hover);
        let stroke = Stroke::new(stroke_width, color);
        if detail == Detail::Dot {
            line_quad(&mut far, points[0], points[3], stroke_width, color);
            continue;
        }
        let mut line = Vec::new();
        wires::flatten_into(&points, wires::segments_for(&points), &mut line);
        painter.add(PathShape::line(line, PathStroke::from(stroke)));
        if detail == Detail::Full {
            let tip = points[3] - vec2(PORT_RADIUS * zoom, 0.0);
            painter.add(Shape::convex_polygon(
                wires::arrow_head(tip, 7.0 * zoom),
                color,
                Stroke::NONE,
            ));
            if let Some(label) = mark.and_then(|mark| mark.label.as_deref()) {
                labels.push((wires::point_at(&points, 0.5), label.to_owned(), color));
            }
        }
    }
    if !far.is_empty() {
        painter.add(Shape::mesh(far));
    }
    labels
}

/// Colour, width and overlay mark of wire `index`: selection, hover, pick and overlay tint.
fn wire_style<'a>(
    canvas: &Canvas,
    scene: &'a Scene,
    index: usize,
    hover: Hit,
) -> (Color32, f32, Option<&'a EdgeMark>) {
    let wire = &canvas.index.wires[index];
    let from = &scene.flow.nodes[wire.from];
    let to = &scene.flow.nodes[wire.to];
    let port = &canvas.index.nodes[wire.from].ports[wire.port];
    let mut color = scene.colors.wire;
    let mut width = (2.0 * canvas.view.zoom).clamp(1.0, 3.0);
    if scene.selection.contains(&from.id) || scene.selection.contains(&to.id) {
        color = ACCENT.gamma_multiply(0.8);
    }
    if hover == Hit::Wire(index) {
        color = scene.colors.wire_hover;
    }
    if canvas
        .selected_wire
        .as_ref()
        .is_some_and(|(f, p)| *f == from.id && p == port)
    {
        color = ACCENT;
        width += 1.0;
    }
    let mark = scene.overlay.edge(&from.id, port);
    if let Some(mark) = mark {
        if let Some(tint) = mark.tint {
            color = tint;
        }
        if mark.is_emphasized {
            width *= 2.0;
        }
    }
    (color, width, mark)
}

/// A straight line as two triangles.
fn line_quad(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let along = (b - a).normalized();
    let along = if along.is_finite() { along } else { Vec2::X };
    let across = along.rot90() * (width / 2.0);
    let first = mesh.vertices.len() as u32;
    for pos in [a + across, a - across, b - across, b + across] {
        mesh.colored_vertex(pos, color);
    }
    mesh.add_triangle(first, first + 1, first + 2);
    mesh.add_triangle(first, first + 2, first + 3);
}

/// The wire being dragged, the rubber band and where a palette drop would land.
fn gesture_feedback(canvas: &Canvas, painter: &Painter) {
    let to_screen = canvas.view.to_screen(canvas.area);
    let zoom = canvas.view.zoom;
    match &canvas.gesture {
        Gesture::Connect {
            from,
            port,
            pointer,
            ..
        } => {
            let start = to_screen * layout::port_anchor(canvas.node_rect(*from), *port);
            let (end, color) = match canvas.drop_target(*pointer) {
                Some(target) if canvas.index.nodes[target].tag == KindTag::Entry => (
                    to_screen * *pointer,
                    theme::severity_color(fluxo_core::Severity::Error),
                ),
                Some(target) => (
                    to_screen * layout::input_anchor(canvas.node_rect(target)),
                    ACCENT,
                ),
                None => (to_screen * *pointer, ACCENT.gamma_multiply(0.7)),
            };
            let points = wires::bezier(start, end, zoom);
            let mut line = Vec::new();
            wires::flatten_into(&points, wires::segments_for(&points), &mut line);
            painter.add(PathShape::line(
                line,
                PathStroke::new((2.0 * zoom).clamp(1.5, 3.0), color),
            ));
            painter.circle_filled(end, 4.0, color);
        }
        Gesture::Band {
            origin, pointer, ..
        } => {
            let band = to_screen * Rect::from_two_pos(*origin, *pointer);
            painter.rect(
                band,
                2.0,
                ACCENT.gamma_multiply(0.12),
                Stroke::new(1.0, ACCENT),
                StrokeKind::Inside,
            );
        }
        Gesture::Idle | Gesture::Pan | Gesture::Move { .. } => {}
    }
    palette_landing(canvas, painter);
}

/// A node dragged from the palette: where it will land.
fn palette_landing(canvas: &Canvas, painter: &Painter) {
    let to_screen = canvas.view.to_screen(canvas.area);
    let zoom = canvas.view.zoom;
    let ctx = painter.ctx();
    if let Some(tag) = egui::DragAndDrop::payload::<KindTag>(ctx)
        && let Some(pointer) = ctx.pointer_hover_pos()
        && canvas.area.contains(pointer)
    {
        let at = canvas.view.to_canvas(canvas.area) * pointer;
        let size = layout::node_size(tag.default_kind().ports().len());
        let rect = Rect::from_min_size(
            Pos2::new(at.x - size.x / 2.0, at.y - HEADER_HEIGHT / 2.0),
            size,
        );
        let color = theme::kind_color(*tag);
        painter.rect(
            to_screen * rect,
            cards::radius(zoom),
            color.gamma_multiply(0.15),
            Stroke::new(1.5, color),
            StrokeKind::Inside,
        );
        painter.text(
            to_screen * rect.center(),
            Align2::CENTER_CENTER,
            theme::kind_glyph(*tag),
            FontId::proportional((22.0 * zoom).max(8.0)),
            color,
        );
    }
}
