//! The minimap: the whole flow in a corner, the view as a frame on it; click or drag to move the
//! view there. Its boxes are one mesh, rebuilt only when the flow or the corner changes.

use std::sync::Arc;

use egui::emath::TSTransform;
use egui::{CornerRadius, Mesh, Rect, Sense, Shape, Stroke, StrokeKind, Vec2, vec2};
use fluxo_core::Flow;

use super::Canvas;
use crate::ui::theme::{self, ACCENT, CanvasColors};

const SIZE: Vec2 = vec2(208.0, 140.0);
const MARGIN: f32 = 12.0;

/// The minimap's boxes for one revision and one place on screen.
#[derive(Default)]
pub(super) struct MinimapCache {
    key: Option<(u64, [u32; 4])>,
    mesh: Arc<Mesh>,
}

/// The minimap's rect in an area, or `None` when the area is too small to spare it.
pub(super) fn rect_in(area: Rect) -> Option<Rect> {
    (area.width() >= SIZE.x * 2.5 && area.height() >= SIZE.y * 2.0)
        .then(|| Rect::from_min_size(area.max - SIZE - Vec2::splat(MARGIN), SIZE))
}

pub(super) fn ui(canvas: &mut Canvas, ui: &mut egui::Ui, flow: &Flow) {
    if flow.nodes.is_empty() {
        return;
    }
    let Some(rect) = rect_in(canvas.area) else {
        return;
    };
    let response = ui.interact(
        rect,
        ui.scope_id().with("fluxo.minimap"),
        Sense::click_and_drag(),
    );
    let map = transform(canvas.index.bounds, rect.shrink(8.0));
    if (response.clicked() || response.dragged())
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let point = map.inverse() * pointer;
        canvas.view.center_on(canvas.area, point);
    }
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    let colors = CanvasColors::for_visuals(ui.visuals());
    let painter = ui.painter().with_clip_rect(rect.expand(2.0));
    painter.rect(
        rect,
        CornerRadius::same(8),
        colors.overlay_fill,
        Stroke::new(1.0, colors.card_border),
        StrokeKind::Inside,
    );
    let key = (
        canvas.index.revision().unwrap_or(u64::MAX),
        [rect.min.x, rect.min.y, rect.max.x, rect.max.y].map(f32::to_bits),
    );
    if canvas.minimap.key != Some(key) {
        let mut mesh = Mesh::default();
        for node in &canvas.index.nodes {
            let r = map * node.rect;
            let r = Rect::from_center_size(r.center(), r.size().max(Vec2::splat(1.5)));
            mesh.add_colored_rect(r, theme::kind_color(node.tag));
        }
        canvas.minimap.mesh = Arc::new(mesh);
        canvas.minimap.key = Some(key);
    }
    painter.add(Shape::Mesh(canvas.minimap.mesh.clone()));
    // When the whole flow is on screen the frame would only outline the minimap: leave it out.
    let visible = canvas.view.visible(canvas.area);
    let seen = (map * visible).intersect(rect.shrink(2.0));
    if seen.is_positive() && !visible.contains_rect(canvas.index.bounds) {
        painter.rect(
            seen,
            CornerRadius::same(2),
            ACCENT.gamma_multiply(0.10),
            Stroke::new(1.5, ACCENT),
            StrokeKind::Inside,
        );
    }
}

/// Canvas units to the minimap: `bounds` fitted into `inner`, aspect kept, centred.
fn transform(bounds: Rect, inner: Rect) -> TSTransform {
    let size = bounds.size().max(Vec2::splat(1.0));
    let scale = (inner.width() / size.x).min(inner.height() / size.y);
    let offset = inner.center().to_vec2() - bounds.center().to_vec2() * scale;
    TSTransform::new(offset, scale)
}
