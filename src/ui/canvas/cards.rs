//! The cards on screen: full cards with their text, ports, badge and overlay marks; plain boxes
//! when zoomed out; one mesh of coloured quads when far out.

use egui::epaint::CornerRadius;
use egui::{Color32, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, vec2};
use fluxo_core::Severity;
use fluxo_core::flow::KindTag;

use super::draw::{Detail, Scene, WHITE};
use super::interact::Hit;
use super::layout::{self, HEADER_HEIGHT, PORT_RADIUS};
use super::texts::{CardTexts, PAD};
use super::{Badge, Canvas, Coverage, Gesture};
use crate::ui::theme::{self, ACCENT, CanvasColors};

/// Per-card facts gathered once per card.
struct CardState {
    is_selected: bool,
    /// Some(true) when a dragged wire would connect here, Some(false) when it would be refused.
    target: Option<bool>,
    hovered_port: Option<usize>,
}

pub(super) fn nodes_layer(
    canvas: &mut Canvas,
    painter: &Painter,
    scene: &Scene,
    detail: Detail,
    hover: Hit,
) {
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

pub(super) fn radius(zoom: f32) -> CornerRadius {
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
    card_frame(
        painter,
        scene,
        &node.id,
        theme::kind_color(node.kind.tag()),
        r,
        zoom,
    );
    if let Some(texts) = canvas.texts.card(index, node, painter) {
        card_text(painter, texts, r, zoom, &scene.colors);
    }
    ports(canvas, painter, scene, index, state);
    if let Some(badge) = scene.badges.get(&node.id) {
        badge_pill(painter, *badge, r, zoom);
    }
    outline(painter, r, state, zoom);
    node_marks(painter, scene, &node.id, r, zoom);
}

/// Glow, shadow, body, header band and tint of a full card.
fn card_frame(painter: &Painter, scene: &Scene, id: &str, kind_color: Color32, r: Rect, zoom: f32) {
    let colors = &scene.colors;
    let rounding = radius(zoom);
    let mark = scene.overlay.node(id);
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
}

/// The output port dots (filled when wired) and the input dot (coloured while a dragged wire
/// would connect here).
fn ports(canvas: &Canvas, painter: &Painter, scene: &Scene, index: usize, state: &CardState) {
    let zoom = canvas.view.zoom;
    let colors = &scene.colors;
    let tag = canvas.index.nodes[index].tag;
    let kind_color = theme::kind_color(tag);
    let to_screen = canvas.view.to_screen(canvas.area);
    let placed = canvas.node_rect(index);
    let ring = Stroke::new(1.5 * zoom.min(1.5), kind_color);
    for (port, wire) in canvas.index.port_wires[index].iter().enumerate() {
        let anchor = to_screen * layout::port_anchor(placed, port);
        let is_hovered = state.hovered_port == Some(port);
        let dot = PORT_RADIUS * zoom * if is_hovered { 1.5 } else { 1.0 };
        if wire.is_some() {
            painter.circle_filled(anchor, dot, kind_color);
        } else {
            painter.circle(anchor, dot, colors.card, ring);
        }
    }
    if tag != KindTag::Entry {
        let input = to_screen * layout::input_anchor(placed);
        let fill = match state.target {
            Some(true) => ACCENT,
            Some(false) => theme::severity_color(Severity::Error),
            None => colors.card,
        };
        painter.circle(
            input,
            PORT_RADIUS * zoom,
            fill,
            Stroke::new(1.5 * zoom.min(1.5), colors.wire),
        );
    }
}

/// The findings count in the header: a filled pill with a light ring, readable on every
/// header colour.
fn badge_pill(painter: &Painter, badge: Badge, r: Rect, zoom: f32) {
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
        Some(false) => Some(theme::severity_color(Severity::Error)),
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
            theme::severity_color(Severity::Error),
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
pub(super) fn pill(
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
