//! A uniform grid of buckets over rects (canvas units): which items may touch an area, in time
//! proportional to what is there rather than to the whole flow.

use std::collections::HashMap;

use egui::Rect;

/// Side of a bucket, in canvas units (a few cards).
const CELL: f32 = 512.0;

#[derive(Debug)]
pub struct Grid {
    cells: HashMap<(i32, i32), Vec<u32>>,
    rects: Vec<Rect>,
    /// The union of every rect (`Rect::NOTHING` when empty).
    bounds: Rect,
    /// Marks for de-duplicating a query without clearing a set each time.
    stamps: Vec<u32>,
    stamp: u32,
}

impl Default for Grid {
    fn default() -> Self {
        Self {
            cells: HashMap::new(),
            rects: Vec::new(),
            bounds: Rect::NOTHING,
            stamps: Vec::new(),
            stamp: 0,
        }
    }
}

impl Grid {
    pub fn clear(&mut self) {
        self.cells.clear();
        self.rects.clear();
        self.stamps.clear();
        self.bounds = Rect::NOTHING;
    }

    /// Adds the next item (its index is the number of items before it).
    pub fn push(&mut self, rect: Rect) {
        let index = self.rects.len() as u32;
        for cell in cells(rect) {
            self.cells.entry(cell).or_default().push(index);
        }
        self.rects.push(rect);
        self.stamps.push(0);
        self.bounds = self.bounds.union(rect);
    }

    pub fn bounds(&self) -> Rect {
        self.bounds
    }

    /// Indices of the items whose rects touch `area`, ascending.
    pub fn query(&mut self, area: Rect, out: &mut Vec<usize>) {
        out.clear();
        if !area.intersects(self.bounds) {
            return;
        }
        if area.contains_rect(self.bounds) {
            out.extend(0..self.rects.len());
            return;
        }
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.stamps.fill(0);
            self.stamp = 1;
        }
        let area = area.intersect(self.bounds);
        for cell in cells(area) {
            let Some(bucket) = self.cells.get(&cell) else {
                continue;
            };
            for &index in bucket {
                let index = index as usize;
                if self.stamps[index] != self.stamp && self.rects[index].intersects(area) {
                    self.stamps[index] = self.stamp;
                    out.push(index);
                }
            }
        }
        out.sort_unstable();
    }
}

fn cells(rect: Rect) -> impl Iterator<Item = (i32, i32)> {
    let x0 = (rect.min.x / CELL).floor() as i32;
    let x1 = (rect.max.x / CELL).floor() as i32;
    let y0 = (rect.min.y / CELL).floor() as i32;
    let y1 = (rect.max.y / CELL).floor() as i32;
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Pos2;

    #[test]
    fn finds_what_touches_an_area_once() {
        let mut grid = Grid::default();
        grid.push(Rect::from_min_max(
            Pos2::new(0.0, 0.0),
            Pos2::new(100.0, 100.0),
        ));
        // Spans several cells: reported once.
        grid.push(Rect::from_min_max(
            Pos2::new(-900.0, 50.0),
            Pos2::new(2000.0, 60.0),
        ));
        grid.push(Rect::from_min_max(
            Pos2::new(5000.0, 5000.0),
            Pos2::new(5100.0, 5100.0),
        ));
        let mut out = Vec::new();
        grid.query(
            Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(1500.0, 600.0)),
            &mut out,
        );
        assert_eq!(out, vec![0, 1]);
        grid.query(
            Rect::from_min_max(Pos2::new(4900.0, 4900.0), Pos2::new(6000.0, 6000.0)),
            &mut out,
        );
        assert_eq!(out, vec![2]);
        grid.query(Rect::EVERYTHING, &mut out);
        assert_eq!(out, vec![0, 1, 2]);
    }
}
