//! What the canvas knows about the flow between edits: node rects and wire bounds in grids of
//! buckets (so that a frame touches only what is on screen), ids to indices, and wires resolved
//! to node and port indices with a port-to-wire index. Rebuilt only when the flow's revision
//! changes.

use std::collections::HashMap;

use egui::Rect;
use fluxo_core::Flow;
use fluxo_core::flow::KindTag;

use super::grid::Grid;
use super::{layout, wires};

/// One node as the canvas draws it.
#[derive(Clone, Debug)]
pub struct NodeGeom {
    pub rect: Rect,
    pub tag: KindTag,
    /// Output port names in drawing order.
    pub ports: Vec<String>,
}

/// One wire whose both ends exist. Edges to missing nodes or ports are left to the checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wire {
    /// Index into `flow.edges`.
    pub edge: usize,
    pub from: usize,
    pub port: usize,
    pub to: usize,
}

/// The canvas's index of one revision of a flow.
#[derive(Debug)]
pub struct CanvasIndex {
    revision: Option<u64>,
    pub nodes: Vec<NodeGeom>,
    pub by_id: HashMap<String, usize>,
    pub wires: Vec<Wire>,
    /// For each node, for each port, the wire leaving it (an index into `wires`).
    pub port_wires: Vec<Vec<Option<usize>>>,
    /// For each node, the wires arriving at it.
    pub incoming: Vec<Vec<usize>>,
    /// The union of every card, in canvas units (`Rect::NOTHING` for an empty flow).
    pub bounds: Rect,
    node_grid: Grid,
    /// Wire bounds where they rest (a moved node's wires are found through the node).
    wire_grid: Grid,
}

impl Default for CanvasIndex {
    fn default() -> Self {
        Self {
            revision: None,
            nodes: Vec::new(),
            by_id: HashMap::new(),
            wires: Vec::new(),
            port_wires: Vec::new(),
            incoming: Vec::new(),
            bounds: Rect::NOTHING,
            node_grid: Grid::default(),
            wire_grid: Grid::default(),
        }
    }
}

impl CanvasIndex {
    /// Rebuilds when `revision` differs from the one indexed. True when it rebuilt.
    pub fn sync(&mut self, flow: &Flow, revision: u64) -> bool {
        if self.revision == Some(revision) && self.nodes.len() == flow.nodes.len() {
            return false;
        }
        self.rebuild(flow);
        self.revision = Some(revision);
        true
    }

    /// The revision indexed, if any.
    pub fn revision(&self) -> Option<u64> {
        self.revision
    }

    fn rebuild(&mut self, flow: &Flow) {
        self.nodes.clear();
        self.by_id.clear();
        self.node_grid.clear();
        self.wire_grid.clear();
        for (index, node) in flow.nodes.iter().enumerate() {
            let ports: Vec<String> = node.kind.ports().into_iter().map(str::to_owned).collect();
            let rect = layout::node_rect(node.pos, ports.len());
            // A broken file may repeat an id: the first node keeps it, as `Flow::node` does.
            self.by_id.entry(node.id.clone()).or_insert(index);
            self.node_grid.push(rect);
            self.nodes.push(NodeGeom {
                rect,
                tag: node.kind.tag(),
                ports,
            });
        }
        self.bounds = self.node_grid.bounds();
        self.port_wires = self
            .nodes
            .iter()
            .map(|node| vec![None; node.ports.len()])
            .collect();
        self.incoming = vec![Vec::new(); self.nodes.len()];
        self.wires.clear();
        for (edge_index, edge) in flow.edges.iter().enumerate() {
            let (Some(&from), Some(&to)) = (self.by_id.get(&edge.from), self.by_id.get(&edge.to))
            else {
                continue;
            };
            let Some(port) = self.nodes[from].ports.iter().position(|p| *p == edge.port) else {
                continue;
            };
            let slot = &mut self.port_wires[from][port];
            if slot.is_some() {
                // `port-reused`: the first edge is the one the simulator takes; the checks say so.
                continue;
            }
            *slot = Some(self.wires.len());
            self.incoming[to].push(self.wires.len());
            // The curve at zoom 1 in canvas units: its hull scales with the view.
            let curve = wires::bezier(
                layout::port_anchor(self.nodes[from].rect, port),
                layout::input_anchor(self.nodes[to].rect),
                1.0,
            );
            self.wire_grid.push(wires::bounds(&curve));
            self.wires.push(Wire {
                edge: edge_index,
                from,
                port,
                to,
            });
        }
    }

    /// Indices of the nodes whose cards may touch `area` (canvas units), ascending.
    pub fn query(&mut self, area: Rect, out: &mut Vec<usize>) {
        self.node_grid.query(area, out);
    }

    /// Indices of the wires (where they rest) that may cross `area` (canvas units), ascending.
    pub fn query_wires(&mut self, area: Rect, out: &mut Vec<usize>) {
        self.wire_grid.query(area, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Pos2;
    use fluxo_core::flow::{Edge, Node};

    fn flow() -> Flow {
        let mut flow = Flow::new("t");
        flow.nodes.push(Node::new(
            "a",
            (300.0, 0.0),
            KindTag::Request.default_kind(),
        ));
        flow.nodes.push(Node::new(
            "far",
            (5000.0, 5000.0),
            KindTag::End.default_kind(),
        ));
        flow.edges.push(Edge::new("inicio", "next", "a"));
        flow.edges.push(Edge::new("a", "error", "far"));
        flow.edges.push(Edge::new("a", "nope", "far"));
        flow.edges.push(Edge::new("a", "ok", "missing"));
        flow
    }

    #[test]
    fn resolves_wires_and_skips_broken_edges() {
        let mut index = CanvasIndex::default();
        assert!(index.sync(&flow(), 1));
        assert!(!index.sync(&flow(), 1));
        assert_eq!(index.wires.len(), 2);
        let a = index.by_id["a"];
        assert_eq!(index.port_wires[a], vec![None, Some(1)]);
        assert_eq!(index.incoming[index.by_id["far"]], vec![1]);
    }

    #[test]
    fn queries_only_what_is_in_view() {
        let mut index = CanvasIndex::default();
        index.sync(&flow(), 1);
        let mut out = Vec::new();
        index.query(
            Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(800.0, 600.0)),
            &mut out,
        );
        assert_eq!(out, vec![0, 1]);
        index.query(
            Rect::from_min_max(Pos2::new(4900.0, 4900.0), Pos2::new(5100.0, 5100.0)),
            &mut out,
        );
        assert_eq!(out, vec![2]);
        index.query(Rect::EVERYTHING, &mut out);
        assert_eq!(out, vec![0, 1, 2]);
    }
}
