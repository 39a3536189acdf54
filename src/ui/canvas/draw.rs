//! Painting: the dotted background, the wires on screen, the cards on screen (full cards, plain
//! boxes when zoomed out, coloured dots when far out), the overlays, and the gesture feedback.

use egui::epaint::{CornerRadius, PathShape, PathStroke};
use egui::{
    Align2, Color32, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, vec2,
};
use fluxo_core::Flow;
use fluxo_core::flow::KindTag;

use super::interact::{Hit, hit};
use super::layout::{self, HEADER_HEIGHT, PORT_RADIUS};
use super::texts::{CardTexts, PAD};
use super::{Badges, Canvas, Coverage, Gesture, Overlay, Selection, wires};
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
enum Detail {
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

const WHITE: Color32 = Color32::WHITE;

pub(super) fn canvas(canvas: &mut Canvas, painter: &Painter, scene: &Scene) {
    let zoom = canvas.view.zoom;
    let detail = Detail::at(zoom);
    background(canvas, painter, &scene.colors);
    let hover = match (&canvas.gesture, scene.hover) {
        (Gesture::Idle, Some(pointer)) => hit(canvas, pointer),
        _ => Hit::Empty,
    };
    wires_layer(canvas, painter, scene, detail, hover);
    nodes_layer(canvas, painter, scene, detail, hover);
    gesture_feedback(canvas, painter, scene);
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

fn wires_layer(canvas: &Canvas, painter: &Painter, scene: &Scene, detail: Detail, hover: Hit) {
    let clip = painter.clip_rect().expand(8.0);
    let zoom = canvas.view.zoom;
    let width = (2.0 * zoom).clamp(1.0, 3.0);
    let lifted = match &canvas.gesture {
        Gesture::Connect { lifted, .. } => *lifted,
        _ => None,
    };
    let picked = canvas.selected_wire.as_ref();
    // Far out, thousands of wires are a few pixels each: one mesh of thin quads, no feathering.
    let mut far = Mesh::default();
    for &index in &canvas.visible_wires {
        let wire = &canvas.index.wires[index];
        if lifted == Some(index) {
            continue;
        }
        let points = canvas.wire_points(index);
        if !wires::bounds(&points).intersects(clip) {
            continue;
        }
        let from = &scene.flow.nodes[wire.from];
        let to = &scene.flow.nodes[wire.to];
        let port = &canvas.index.nodes[wire.from].ports[wire.port];
        let mut color = scene.colors.wire;
        let mut stroke_width = width;
        if scene.selection.contains(&from.id) || scene.selection.contains(&to.id) {
            color = ACCENT.gamma_multiply(0.8);
        }
        if hover == Hit::Wire(index) {
            color = scene.colors.wire_hover;
        }
        if picked.is_some_and(|(f, p)| *f == from.id && p == port) {
            color = ACCENT;
            stroke_width += 1.0;
        }
        let mark = scene.overlay.edge(&from.id, port);
        if let Some(mark) = mark {
            if let Some(tint) = mark.tint {
                color = tint;
            }
            if mark.is_emphasized {
                stroke_width *= 2.0;
            }
        }
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
                pill(
                    painter,
                    wires::point_at(&points, 0.5),
                    label,
                    color,
                    zoom,
                    &scene.colors,
                );
            }
        }
    }
    if !far.is_empty() {
        painter.add(Shape::mesh(far));
    }
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

/// Per-card facts gathered once per card.
struct CardState {
    is_selected: bool,
    /// Some(true) when a dragged wire would connect here, Some(false) when it would be refused.
    target: Option<bool>,
    hovered_port: Option<usize>,
}

fn nodes_layer(canvas: &mut Canvas, painter: &Painter, scene: &Scene, detail: Detail, hover: Hit) {
    let target = match &canvas.gesture {
        Gesture::Connect { pointer, .. } => canvas
            .drop_target(*pointer)
            .map(|index| (index, canvas.index.nodes[index].tag != KindTag::Entry)),
        _ => None,
    };
    let band = match &canvas.gesture {
        Gesture::Band {
            origin, pointer, ..
        } => Some(Rect::from_two_pos(*origin, *pointer)),
        _ => None,
    };
    let visible = std::mem::take(&mut canvas.visible);
    // Far out, every card is one quad of one mesh.
    let mut dots = Mesh::default();
    // Selected cards are drawn last, on top.
    for pass_selected in [false, true] {
        for &index in &visible {
            let node = &scene.flow.nodes[index];
            let rect = canvas.node_rect(index);
            let is_selected = scene.selection.contains(&node.id)
                || band.is_some_and(|band| band.intersects(rect));
            if is_selected != pass_selected {
                continue;
            }
            let state = CardState {
                is_selected,
                target: target.and_then(|(t, ok)| (t == index).then_some(ok)),
                hovered_port: match hover {
                    Hit::Port(node, port) if node == index => Some(port),
                    _ => None,
                },
            };
            let screen = canvas.view.to_screen(canvas.area) * rect;
            if !painter.clip_rect().intersects(screen.expand(20.0)) {
                continue;
            }
            match detail {
                Detail::Full => card(canvas, painter, scene, index, screen, &state),
                Detail::Box => card_box(painter, scene, index, screen, &state, canvas.view.zoom),
                Detail::Dot => card_dot(painter, &mut dots, scene, index, screen, &state),
            }
        }
    }
    if !dots.is_empty() {
        painter.add(Shape::mesh(dots));
    }
    canvas.visible = visible;
}

fn radius(zoom: f32) -> CornerRadius {
    CornerRadius::from((8.0 * zoom).clamp(1.0, 24.0))
}

fn card(
    canvas: &mut Canvas,
    painter: &Painter,
    scene: &Scene,
    index: usize,
    r: Rect,
    state: &CardState,
) {
    let zoom = canvas.view.zoom;
    let node = &scene.flow.nodes[index];
    let tag = node.kind.tag();
    let colors = &scene.colors;
    let kind_color = theme::kind_color(tag);
    let rounding = radius(zoom);
    let mark = scene.overlay.node(&node.id);

    if let Some(glow) = mark.and_then(|mark| mark.glow) {
        painter.rect_filled(
            r.expand(7.0 * zoom),
            radius(zoom * 1.8),
            glow.gamma_multiply(0.22),
        );
    }
    painter.rect_filled(
        r.translate(vec2(0.0, 3.0 * zoom)).expand(zoom),
        rounding,
        colors.shadow,
    );
    painter.rect(
        r,
        rounding,
        colors.card,
        Stroke::new(1.0, colors.card_border),
        StrokeKind::Inside,
    );
    let header = Rect::from_min_max(r.min, Pos2::new(r.max.x, r.min.y + HEADER_HEIGHT * zoom));
    let header_radius = CornerRadius {
        sw: 0,
        se: 0,
        ..rounding
    };
    painter.rect_filled(header, header_radius, kind_color);
    if let Some(tint) = mark.and_then(|mark| mark.tint) {
        painter.rect_filled(r, rounding, tint);
    }

    let to_screen = canvas.view.to_screen(canvas.area);
    let placed = canvas.node_rect(index);
    if let Some(texts) = canvas.texts.card(index, node, painter) {
        card_text(painter, texts, r, zoom, colors);
    }
    let connected = &canvas.index.port_wires[index];
    for (port, wire) in connected.iter().enumerate() {
        let anchor = to_screen * layout::port_anchor(placed, port);
        let is_hovered = state.hovered_port == Some(port);
        let dot = PORT_RADIUS * zoom * if is_hovered { 1.5 } else { 1.0 };
        if wire.is_some() {
            painter.circle_filled(anchor, dot, kind_color);
        } else {
            painter.circle(
                anchor,
                dot,
                colors.card,
                Stroke::new(1.5 * zoom.min(1.5), kind_color),
            );
        }
    }
    if tag != KindTag::Entry {
        let input = to_screen * layout::input_anchor(placed);
        let fill = match state.target {
            Some(true) => ACCENT,
            Some(false) => theme::severity_color(fluxo_core::Severity::Error),
            None => colors.card,
        };
        painter.circle(
            input,
            PORT_RADIUS * zoom,
            fill,
            Stroke::new(1.5 * zoom.min(1.5), colors.wire),
        );
    }
    if let Some(badge) = scene.badges.get(&node.id) {
        // A filled pill with a light ring: it stands out on every header colour.
        let color = theme::severity_color(badge.worst);
        let text = painter.layout_no_wrap(
            format!("{} {}", theme::severity_glyph(badge.worst), badge.count),
            FontId::proportional(10.0 * zoom),
            WHITE,
        );
        let size = vec2(text.size().x + 10.0 * zoom, 16.0 * zoom);
        let pill_rect = Rect::from_min_size(
            Pos2::new(r.max.x - 5.0 * zoom - size.x, r.min.y + 5.0 * zoom),
            size,
        );
        painter.rect(
            pill_rect,
            CornerRadius::from(size.y / 2.0),
            color,
            Stroke::new(1.0, WHITE.gamma_multiply(0.85)),
            StrokeKind::Outside,
        );
        painter.galley(pill_rect.center() - text.size() / 2.0, text, WHITE);
    }
    outline(painter, r, state, zoom);
    node_marks(painter, scene, &node.id, r, zoom);
}

fn card_text(painter: &Painter, texts: &CardTexts, r: Rect, zoom: f32, colors: &CanvasColors) {
    let header_mid = r.min.y + HEADER_HEIGHT * zoom / 2.0;
    let glyph_pos = Pos2::new(
        r.min.x + 9.0 * zoom,
        header_mid - texts.glyph.size().y / 2.0,
    );
    painter.galley(glyph_pos, texts.glyph.clone(), WHITE);
    let kind_pos = Pos2::new(
        glyph_pos.x + texts.glyph.size().x + 6.0 * zoom,
        header_mid - texts.kind.size().y / 2.0,
    );
    painter.galley(kind_pos, texts.kind.clone(), WHITE);
    let left = r.min.x + PAD * zoom;
    painter.galley(
        Pos2::new(left, r.min.y + (HEADER_HEIGHT + 5.0) * zoom),
        texts.id.clone(),
        colors.text,
    );
    let summary_color = if texts.is_placeholder {
        colors.weak_text.gamma_multiply(0.7)
    } else {
        colors.weak_text
    };
    painter.galley(
        Pos2::new(left, r.min.y + (HEADER_HEIGHT + 24.0) * zoom),
        texts.summary.clone(),
        summary_color,
    );
    if texts.ports.is_empty() {
        return;
    }
    let divider_y = r.min.y + (HEADER_HEIGHT + layout::BODY_HEIGHT - 2.0) * zoom;
    painter.hline(
        r.min.x + zoom..=r.max.x - zoom,
        divider_y,
        Stroke::new(1.0, colors.card_border),
    );
    for (port, label) in texts.ports.iter().enumerate() {
        let row_mid = r.min.y + layout::port_offset_y(port) * zoom;
        let right = r.max.x - (PAD + 2.0) * zoom;
        painter.galley(
            Pos2::new(right - label.size().x, row_mid - label.size().y / 2.0),
            label.clone(),
            colors.text,
        );
        if let Some(Some(hint)) = texts.hints.get(port) {
            painter.galley(
                Pos2::new(left, row_mid - hint.size().y / 2.0),
                hint.clone(),
                colors.weak_text,
            );
        }
    }
}

fn outline(painter: &Painter, r: Rect, state: &CardState, zoom: f32) {
    let color = match state.target {
        Some(true) => Some(ACCENT),
        Some(false) => Some(theme::severity_color(fluxo_core::Severity::Error)),
        None => state.is_selected.then_some(ACCENT),
    };
    if let Some(color) = color {
        let gap = 2.5 * zoom.min(1.0);
        painter.rect_stroke(
            r.expand(gap),
            radius(zoom * 1.2),
            Stroke::new(2.0, color),
            StrokeKind::Outside,
        );
    }
}

/// The overlay's marks on one card: label, breakpoint, coverage, dimming.
fn node_marks(painter: &Painter, scene: &Scene, id: &str, r: Rect, zoom: f32) {
    let overlay = scene.overlay;
    if overlay.is_empty() {
        return;
    }
    let colors = &scene.colors;
    if let Some(mark) = overlay.node(id) {
        if let Some(glow) = mark.glow {
            painter.rect_stroke(
                r.expand(3.0 * zoom),
                radius(zoom * 1.4),
                Stroke::new(2.5, glow),
                StrokeKind::Outside,
            );
        }
        if let Some(label) = &mark.label {
            pill(
                painter,
                Pos2::new(r.min.x + 30.0 * zoom, r.min.y - 12.0 * zoom),
                label,
                ACCENT,
                zoom,
                colors,
            );
        }
        if mark.is_dimmed {
            painter.rect_filled(
                r.expand(1.0),
                radius(zoom),
                colors.background.gamma_multiply(0.65),
            );
        }
    }
    if overlay.breakpoints.contains(id) {
        let center = Pos2::new(r.min.x + 2.0 * zoom, r.min.y + 2.0 * zoom);
        painter.circle(
            center,
            6.0 * zoom,
            theme::severity_color(fluxo_core::Severity::Error),
            Stroke::new(1.5, WHITE),
        );
    }
    if let Some(coverage) = overlay.coverage.get(id) {
        let (text, color) = match coverage {
            Coverage::Covered(runs) => (format!("✔ {runs}"), Color32::from_rgb(0x22, 0xA0, 0x55)),
            Coverage::Missed => ("✖ 0".to_owned(), colors.weak_text),
        };
        pill(
            painter,
            Pos2::new(r.max.x - 22.0 * zoom, r.min.y - 12.0 * zoom),
            &text,
            color,
            zoom,
            colors,
        );
    }
}

/// A small rounded tag centred at `center`.
fn pill(
    painter: &Painter,
    center: Pos2,
    text: &str,
    color: Color32,
    zoom: f32,
    colors: &CanvasColors,
) {
    let galley = painter.layout_no_wrap(
        text.to_owned(),
        FontId::proportional(10.5 * zoom.max(0.6)),
        WHITE,
    );
    let rect = Rect::from_center_size(center, galley.size() + vec2(10.0, 4.0) * zoom.max(0.6));
    painter.rect(
        rect,
        CornerRadius::from(rect.height() / 2.0),
        color,
        Stroke::new(1.0, colors.card),
        StrokeKind::Outside,
    );
    painter.galley(rect.center() - galley.size() / 2.0, galley, WHITE);
}

fn card_box(painter: &Painter, scene: &Scene, index: usize, r: Rect, state: &CardState, zoom: f32) {
    let node = &scene.flow.nodes[index];
    let colors = &scene.colors;
    let rounding = radius(zoom);
    painter.rect(
        r,
        rounding,
        colors.card,
        Stroke::new(1.0, colors.card_border),
        StrokeKind::Inside,
    );
    let header = Rect::from_min_max(r.min, Pos2::new(r.max.x, r.min.y + HEADER_HEIGHT * zoom));
    painter.rect_filled(
        header,
        CornerRadius {
            sw: 0,
            se: 0,
            ..rounding
        },
        theme::kind_color(node.kind.tag()),
    );
    if let Some(badge) = scene.badges.get(&node.id) {
        painter.circle_filled(
            Pos2::new(r.max.x - 8.0 * zoom, r.min.y + 8.0 * zoom),
            (6.0 * zoom).max(2.5),
            theme::severity_color(badge.worst),
        );
    }
    outline(painter, r, state, zoom);
    node_marks(painter, scene, &node.id, r, zoom);
}

fn card_dot(
    painter: &Painter,
    dots: &mut Mesh,
    scene: &Scene,
    index: usize,
    r: Rect,
    state: &CardState,
) {
    let node = &scene.flow.nodes[index];
    let r = if r.width() < 2.0 {
        Rect::from_center_size(r.center(), r.size().max(Vec2::splat(2.0)))
    } else {
        r
    };
    dots.add_colored_rect(r, theme::kind_color(node.kind.tag()));
    let ring = if state.is_selected || state.target.is_some() {
        Some(ACCENT)
    } else {
        scene
            .badges
            .get(&node.id)
            .map(|badge| theme::severity_color(badge.worst))
    };
    if let Some(color) = ring {
        painter.rect_stroke(
            r.expand(1.0),
            0.0,
            Stroke::new(1.5, color),
            StrokeKind::Outside,
        );
    }
    if let Some(mark) = scene.overlay.node(&node.id)
        && let Some(glow) = mark.glow
    {
        painter.rect_stroke(
            r.expand(2.0),
            0.0,
            Stroke::new(2.0, glow),
            StrokeKind::Outside,
        );
    }
}

/// The wire being dragged, the rubber band and where a palette drop would land.
fn gesture_feedback(canvas: &Canvas, painter: &Painter, scene: &Scene) {
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
    // A node dragged from the palette: show where it will land.
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
            radius(zoom),
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
    let _ = scene;
}
