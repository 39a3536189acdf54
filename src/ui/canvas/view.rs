//! The view transform: where the canvas origin stands on screen and how far it is zoomed.

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Vec2};

/// Pan and zoom of the canvas. Canvas units are the flow's `pos` units; at zoom 1 one unit is
/// one screen point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Screen offset of the canvas origin from the canvas area's top-left corner.
    pub offset: Vec2,
    pub zoom: f32,
}

impl Default for View {
    fn default() -> Self {
        Self {
            offset: Vec2::new(24.0, 24.0),
            zoom: 1.0,
        }
    }
}

impl View {
    /// Far enough to fit a 5,000-node generated flow on a laptop screen.
    pub const MIN_ZOOM: f32 = 0.005;
    pub const MAX_ZOOM: f32 = 3.0;
    /// Fitting never zooms in past this: a small flow stays at a readable size.
    const FIT_MAX_ZOOM: f32 = 1.0;
    const FIT_MARGIN: f32 = 48.0;
    /// Opening a flow never shows it smaller than this: below it the cards lose their text.
    pub const OVERVIEW_MIN_ZOOM: f32 = 0.45;

    /// Canvas units to screen points, for a canvas area at `area`.
    pub fn to_screen(&self, area: Rect) -> TSTransform {
        TSTransform::new(area.min.to_vec2() + self.offset, self.zoom)
    }

    /// Screen points to canvas units.
    pub fn to_canvas(&self, area: Rect) -> TSTransform {
        self.to_screen(area).inverse()
    }

    /// The part of the canvas that is on screen, in canvas units.
    pub fn visible(&self, area: Rect) -> Rect {
        self.to_canvas(area) * area
    }

    pub fn pan(&mut self, delta: Vec2) {
        self.offset += delta;
    }

    /// Zooms by `factor` keeping the canvas point under `anchor` (a screen point) in place.
    pub fn zoom_around(&mut self, area: Rect, anchor: Pos2, factor: f32) {
        let new_zoom = (self.zoom * factor).clamp(Self::MIN_ZOOM, Self::MAX_ZOOM);
        if !new_zoom.is_finite() || (new_zoom - self.zoom).abs() < f32::EPSILON {
            return;
        }
        let canvas_point = self.to_canvas(area) * anchor;
        self.zoom = new_zoom;
        let now = self.to_screen(area) * canvas_point;
        self.offset += anchor - now;
    }

    /// Puts the canvas point `point` at the centre of `area`.
    pub fn center_on(&mut self, area: Rect, point: Pos2) {
        let now = self.to_screen(area) * point;
        self.offset += area.center() - now;
    }

    /// Pans as little as needed to bring `rect` (canvas units) inside `area` shrunk by `margin`
    /// points; a rect too big for that is centred (the simulator follows its run with this).
    pub fn reveal(&mut self, area: Rect, rect: Rect, margin: f32) {
        let room = area.shrink(margin);
        let on_screen = self.to_screen(area) * rect;
        if !room.is_positive()
            || on_screen.width() > room.width()
            || on_screen.height() > room.height()
        {
            self.center_on(area, rect.center());
            return;
        }
        let shift = |low: f32, high: f32, min: f32, max: f32| {
            if low < min {
                min - low
            } else if high > max {
                max - high
            } else {
                0.0
            }
        };
        self.offset += Vec2::new(
            shift(on_screen.min.x, on_screen.max.x, room.min.x, room.max.x),
            shift(on_screen.min.y, on_screen.max.y, room.min.y, room.max.y),
        );
    }

    /// Zooms and pans so that `bounds` (canvas units) fills `area`, with a margin.
    pub fn fit(&mut self, area: Rect, bounds: Rect) {
        if !bounds.is_finite() || bounds.is_negative() {
            return;
        }
        let room = (area.size() - Vec2::splat(2.0 * Self::FIT_MARGIN)).max(Vec2::splat(16.0));
        let size = bounds.size().max(Vec2::splat(1.0));
        self.zoom = (room.x / size.x)
            .min(room.y / size.y)
            .clamp(Self::MIN_ZOOM, Self::FIT_MAX_ZOOM);
        self.center_on(area, bounds.center());
    }

    /// The view a flow opens with: all of it when it fits at a readable zoom; else its start
    /// (`start`, the Entry's card) at the left edge, at the smallest readable zoom, the rest
    /// reached by panning. A wide flow fitted whole would be a strip of unreadable boxes.
    pub fn overview(&mut self, area: Rect, bounds: Rect, start: Option<Rect>) {
        self.fit(area, bounds);
        if self.zoom >= Self::OVERVIEW_MIN_ZOOM || !bounds.is_finite() || bounds.is_negative() {
            return;
        }
        self.zoom = Self::OVERVIEW_MIN_ZOOM;
        let start = start.unwrap_or(bounds);
        let room = area.shrink(Self::FIT_MARGIN);
        // Across: the start at the left margin. Down: the whole height when it fits, else the
        // start in the middle.
        let y = if bounds.height() * self.zoom <= room.height() {
            bounds.center().y
        } else {
            start.center().y
        };
        let x = start.min.x + room.width() / 2.0 / self.zoom;
        self.center_on(area, Pos2::new(x, y));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area() -> Rect {
        Rect::from_min_size(Pos2::new(100.0, 50.0), Vec2::new(800.0, 600.0))
    }

    #[test]
    fn round_trip() {
        let view = View {
            offset: Vec2::new(10.0, -20.0),
            zoom: 0.5,
        };
        let p = Pos2::new(300.0, 400.0);
        let back = view.to_canvas(area()) * (view.to_screen(area()) * p);
        assert!((back - p).length() < 1e-3);
        assert_eq!(view.to_screen(area()) * Pos2::ZERO, Pos2::new(110.0, 30.0));
    }

    #[test]
    fn zoom_keeps_the_anchor_still() {
        let mut view = View::default();
        let anchor = Pos2::new(400.0, 300.0);
        let under = view.to_canvas(area()) * anchor;
        view.zoom_around(area(), anchor, 2.0);
        assert!((view.zoom - 2.0).abs() < 1e-6);
        let after = view.to_screen(area()) * under;
        assert!((after - anchor).length() < 1e-3);
        view.zoom_around(area(), anchor, 1e9);
        assert!((view.zoom - View::MAX_ZOOM).abs() < 1e-6);
    }

    #[test]
    fn reveal_pans_only_as_far_as_needed() {
        let mut view = View::default();
        let off_right = Rect::from_min_size(Pos2::new(1200.0, 100.0), Vec2::new(180.0, 80.0));
        view.reveal(area(), off_right, 30.0);
        let on_screen = view.to_screen(area()) * off_right;
        assert!(
            (on_screen.max.x - (area().max.x - 30.0)).abs() < 1e-3,
            "{on_screen:?}"
        );
        let before = view;
        view.reveal(area(), off_right, 30.0);
        assert_eq!(view, before, "a visible rect does not move the view");
    }

    #[test]
    fn fit_shows_everything() {
        let mut view = View::default();
        let bounds = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(4000.0, 20000.0));
        view.fit(area(), bounds);
        let visible = view.visible(area());
        assert!(visible.contains_rect(bounds), "{visible:?}");
        assert!(view.zoom < 0.05);
        // A small flow is not blown up past 100 %.
        view.fit(area(), Rect::from_min_size(Pos2::ZERO, Vec2::splat(50.0)));
        assert!((view.zoom - 1.0).abs() < 1e-6);
    }

    #[test]
    fn overview_fits_what_reads_and_starts_at_the_entry_otherwise() {
        // A flow that fits at a readable zoom is fitted whole.
        let mut view = View::default();
        let small = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(1000.0, 600.0));
        view.overview(area(), small, None);
        assert!(view.visible(area()).contains_rect(small));
        assert!(view.zoom >= View::OVERVIEW_MIN_ZOOM);
        // A wide one opens readable, its Entry on screen at the left, the whole height shown.
        let wide = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(6000.0, 700.0));
        let entry = Rect::from_min_size(Pos2::new(0.0, 300.0), Vec2::new(200.0, 80.0));
        view.overview(area(), wide, Some(entry));
        assert!((view.zoom - View::OVERVIEW_MIN_ZOOM).abs() < 1e-6);
        let on_screen = view.to_screen(area()) * entry;
        assert!(
            (on_screen.min.x - (area().min.x + View::FIT_MARGIN)).abs() < 1e-3,
            "{on_screen:?}"
        );
        let visible = view.visible(area());
        assert!(
            visible.min.y <= wide.min.y && visible.max.y >= wide.max.y,
            "{visible:?}"
        );
        // A tall one keeps the Entry in the middle.
        let tall = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(6000.0, 9000.0));
        view.overview(area(), tall, Some(entry));
        let on_screen = view.to_screen(area()) * entry;
        assert!((on_screen.center().y - area().center().y).abs() < 1e-3);
    }
}
