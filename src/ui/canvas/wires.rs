//! Wire geometry: a cubic bezier that leaves a port to the right and enters a node from the left,
//! flattened to as few points as the screen needs, with hit testing.

use egui::{Pos2, Rect, Vec2, vec2};

/// The four control points of a wire from `from` to `to` (screen points).
pub fn bezier(from: Pos2, to: Pos2, zoom: f32) -> [Pos2; 4] {
    let dx = (to.x - from.x).abs();
    let dy = (to.y - from.y).abs();
    // A wire going back (to the left) bows out further so that it does not cut through cards.
    let reach = if to.x >= from.x {
        (dx * 0.5).max(48.0 * zoom)
    } else {
        (dx * 0.35 + dy * 0.25).max(80.0 * zoom)
    };
    [from, from + vec2(reach, 0.0), to - vec2(reach, 0.0), to]
}

/// The bounding box of a bezier (it lies inside its control points' hull).
pub fn bounds(points: &[Pos2; 4]) -> Rect {
    Rect::from_points(points)
}

/// A point of the curve at `t` in 0..=1.
pub fn point_at(points: &[Pos2; 4], t: f32) -> Pos2 {
    let u = 1.0 - t;
    let [p0, p1, p2, p3] = points.map(Pos2::to_vec2);
    let v = p0 * (u * u * u) + p1 * (3.0 * u * u * t) + p2 * (3.0 * u * t * t) + p3 * (t * t * t);
    v.to_pos2()
}

/// How many straight segments make the curve look smooth at its screen size.
pub fn segments_for(points: &[Pos2; 4]) -> usize {
    let length = (points[1] - points[0]).length()
        + (points[2] - points[1]).length()
        + (points[3] - points[2]).length();
    ((length / 14.0) as usize).clamp(1, 28)
}

/// The curve as a polyline of `segments + 1` points, appended to `out`.
pub fn flatten_into(points: &[Pos2; 4], segments: usize, out: &mut Vec<Pos2>) {
    let segments = segments.max(1);
    out.reserve(segments + 1);
    for i in 0..=segments {
        out.push(point_at(points, i as f32 / segments as f32));
    }
}

/// The distance from `point` to the curve, and the curve parameter of the nearest sample.
pub fn distance(points: &[Pos2; 4], point: Pos2) -> (f32, f32) {
    const SAMPLES: usize = 32;
    let mut best = (f32::INFINITY, 0.0);
    let mut previous = points[0];
    for i in 1..=SAMPLES {
        let t = i as f32 / SAMPLES as f32;
        let next = point_at(points, t);
        let d = segment_distance(previous, next, point);
        if d < best.0 {
            best = (d, t);
        }
        previous = next;
    }
    best
}

fn segment_distance(a: Pos2, b: Pos2, p: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq <= f32::EPSILON {
        return (p - a).length();
    }
    let t = ((p - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    (p - (a + ab * t)).length()
}

/// The small arrow head at a wire's end, pointing right into the node.
pub fn arrow_head(tip: Pos2, size: f32) -> Vec<Pos2> {
    vec![
        tip,
        tip - Vec2::new(size, size * 0.6),
        tip - Vec2::new(size, -size * 0.6),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curve_ends_at_its_anchors() {
        let points = bezier(Pos2::new(0.0, 0.0), Pos2::new(200.0, 100.0), 1.0);
        assert_eq!(point_at(&points, 0.0), points[0]);
        assert!((point_at(&points, 1.0) - points[3]).length() < 1e-3);
        let mut line = Vec::new();
        flatten_into(&points, segments_for(&points), &mut line);
        assert!(line.len() >= 3);
        assert!(
            line.iter()
                .all(|p| bounds(&points).expand(0.1).contains(*p))
        );
    }

    #[test]
    fn hit_testing_finds_the_curve() {
        let points = bezier(Pos2::new(0.0, 0.0), Pos2::new(200.0, 0.0), 1.0);
        let (near, t) = distance(&points, Pos2::new(190.0, 2.0));
        assert!(near < 3.0);
        assert!(t > 0.8);
        let (far, _) = distance(&points, Pos2::new(100.0, 80.0));
        assert!(far > 50.0);
    }
}
