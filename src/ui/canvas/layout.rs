//! The geometry of a node card in canvas units: its size, where its input and output ports are.
//! The same numbers serve drawing, hit testing, wires and the spatial index.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// Width of every card. The SPEC's sample puts columns 220 units apart: 40 are left for wires.
pub const NODE_WIDTH: f32 = 180.0;
/// The coloured band with the kind's glyph and name.
pub const HEADER_HEIGHT: f32 = 26.0;
/// The id line and the summary line.
pub const BODY_HEIGHT: f32 = 44.0;
/// One output port per row.
pub const PORT_ROW: f32 = 20.0;
/// Space under the last row.
pub const BOTTOM_PAD: f32 = 6.0;
/// Radius of a port dot at zoom 1.
pub const PORT_RADIUS: f32 = 5.0;

/// Size of a card with `ports` output ports.
pub fn node_size(ports: usize) -> Vec2 {
    vec2(
        NODE_WIDTH,
        HEADER_HEIGHT + BODY_HEIGHT + PORT_ROW * ports as f32 + BOTTOM_PAD,
    )
}

/// The `pos` of a new node whose header is centred under `at`, in whole canvas units.
pub fn card_origin_at(at: Pos2) -> (f32, f32) {
    (
        (at.x - NODE_WIDTH / 2.0).round(),
        (at.y - HEADER_HEIGHT / 2.0).round(),
    )
}

/// Where wires arrive: the middle of the left edge of the header.
pub fn input_anchor(rect: Rect) -> Pos2 {
    pos2(rect.min.x, rect.min.y + HEADER_HEIGHT / 2.0)
}

/// How far below the card's top the centre of output port `index` is.
pub fn port_offset_y(index: usize) -> f32 {
    HEADER_HEIGHT + BODY_HEIGHT + PORT_ROW * (index as f32 + 0.5)
}

/// The centre of output port `index`, on the right edge, in canvas units.
pub fn port_anchor(rect: Rect, index: usize) -> Pos2 {
    pos2(rect.max.x, rect.min.y + port_offset_y(index))
}

/// The card's rect for a node at `pos` with `ports` output ports.
pub fn node_rect(pos: (f32, f32), ports: usize) -> Rect {
    Rect::from_min_size(pos2(pos.0, pos.1), node_size(ports))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_stack_down_the_right_edge() {
        let rect = node_rect((10.0, 20.0), 2);
        assert!((rect.width() - NODE_WIDTH).abs() < 1e-4);
        let first = port_anchor(rect, 0);
        let second = port_anchor(rect, 1);
        assert!((first.x - rect.max.x).abs() < 1e-4);
        assert!((second.y - first.y - PORT_ROW).abs() < 1e-4);
        assert!(second.y < rect.max.y);
        assert!((input_anchor(rect).x - rect.min.x).abs() < 1e-4);
    }
}
