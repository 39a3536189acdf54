//! What the other version had and this one has not, painted over the canvas where it was: the
//! removed nodes as dashed, faded cards ("ghosts") with their id and kind, and the wires that no
//! longer exist as dashed red lines from their port to where they led. The canvas draws only the
//! flow; this paints in the canvas's area with the canvas's view, after it.

use egui::{Align2, FontId, Pos2, Rect, Shape, Stroke, Ui, pos2};

use super::Comparison;
use super::marks::{Ghost, REMOVED};
use crate::i18n::Lang;
use crate::ui::canvas::{
    Canvas, flatten_wire, input_anchor, node_size, port_anchor, wire_bezier, wire_segments,
};
use crate::ui::theme;

/// Below this zoom the ghosts' text would not be read: boxes only.
const TEXT_ZOOM: f32 = 0.45;

/// Paints the comparison's ghosts over the canvas drawn this frame.
pub fn ghosts_ui(ui: &Ui, canvas: &Canvas, comparison: &Comparison, lang: Lang) {
    let Some(shown) = comparison.shown() else {
        return;
    };
    let marks = &shown.marks;
    if marks.ghosts.is_empty() && marks.ghost_wires.is_empty() {
        return;
    }
    let area = canvas.area();
    let painter = ui.painter_at(area);
    let to_screen = canvas.view.to_screen(area);
    let zoom = canvas.view.zoom;
    let ghost_rect = |ghost: &Ghost| {
        to_screen
            * Rect::from_min_size(pos2(ghost.pos.0, ghost.pos.1), node_size(ghost.ports.len()))
    };
    let ghost = |id: &str| marks.ghosts.iter().find(|ghost| ghost.id == id);
    let stroke = Stroke::new((1.5 * zoom).clamp(1.0, 2.0), REMOVED.gamma_multiply(0.8));
    for wire in &marks.ghost_wires {
        let from = canvas.port_screen_pos(&wire.from, &wire.port).or_else(|| {
            let ghost = ghost(&wire.from)?;
            let index = ghost.ports.iter().position(|port| port == &wire.port)?;
            Some(port_anchor(ghost_rect(ghost), index))
        });
        let to = canvas
            .input_screen_pos(&wire.to)
            .or_else(|| ghost(&wire.to).map(|ghost| input_anchor(ghost_rect(ghost))));
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        let points = wire_bezier(from, to, zoom);
        let mut line: Vec<Pos2> = Vec::new();
        flatten_wire(&points, wire_segments(&points), &mut line);
        painter.extend(Shape::dashed_line(
            &line,
            stroke,
            8.0 * zoom.max(0.3),
            5.0 * zoom.max(0.3),
        ));
    }
    for ghost in &marks.ghosts {
        let rect = ghost_rect(ghost);
        if !rect.intersects(area) {
            continue;
        }
        painter.rect_filled(rect, 8.0 * zoom, REMOVED.gamma_multiply(0.08));
        let corners = [
            rect.left_top(),
            rect.right_top(),
            rect.right_bottom(),
            rect.left_bottom(),
            rect.left_top(),
        ];
        painter.extend(Shape::dashed_line(
            &corners,
            Stroke::new(1.5, REMOVED),
            6.0 * zoom.max(0.3),
            4.0 * zoom.max(0.3),
        ));
        if zoom < TEXT_ZOOM {
            continue;
        }
        let kind = format!(
            "{} {}",
            theme::kind_glyph(ghost.tag),
            lang.tr(theme::kind_label(ghost.tag))
        );
        painter.text(
            rect.left_top() + egui::vec2(10.0, 13.0) * zoom,
            Align2::LEFT_CENTER,
            kind,
            FontId::proportional(12.0 * zoom),
            REMOVED.gamma_multiply(0.9),
        );
        painter.text(
            rect.left_top() + egui::vec2(10.0, 42.0) * zoom,
            Align2::LEFT_CENTER,
            &ghost.id,
            FontId::proportional(13.0 * zoom),
            REMOVED,
        );
        let tag = lang.tr("compare-status-removed");
        let galley = painter.layout_no_wrap(
            tag.to_owned(),
            FontId::proportional(10.5 * zoom.max(0.6)),
            egui::Color32::WHITE,
        );
        let center = Pos2::new(rect.min.x + 30.0 * zoom, rect.min.y - 12.0 * zoom);
        let pill = Rect::from_center_size(
            center,
            galley.size() + egui::vec2(10.0, 4.0) * zoom.max(0.6),
        );
        painter.rect_filled(pill, pill.height() / 2.0, REMOVED);
        painter.galley(
            pill.center() - galley.size() / 2.0,
            galley,
            egui::Color32::WHITE,
        );
    }
}
