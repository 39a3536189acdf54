//! What other parts of the window draw on the canvas without touching its code: the simulator's
//! current node, visited path, unreachable nodes, taken wires, breakpoints and coverage. Empty
//! by default; the canvas draws whatever it holds.

use std::collections::{BTreeSet, HashMap};

use egui::Color32;
use fluxo_core::flow::NodeId;

/// Marks drawn over the flow. Keys are node ids and `(from, port)` for wires.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlay {
    pub nodes: HashMap<NodeId, NodeMark>,
    pub edges: HashMap<(NodeId, String), EdgeMark>,
    pub breakpoints: BTreeSet<NodeId>,
    pub coverage: HashMap<NodeId, Coverage>,
}

impl Overlay {
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
            && self.edges.is_empty()
            && self.breakpoints.is_empty()
            && self.coverage.is_empty()
    }

    pub fn node(&self, id: &str) -> Option<&NodeMark> {
        if self.nodes.is_empty() {
            return None;
        }
        self.nodes.get(id)
    }

    pub fn edge(&self, from: &str, port: &str) -> Option<&EdgeMark> {
        if self.edges.is_empty() {
            return None;
        }
        self.edges.get(&(from.to_owned(), port.to_owned()))
    }
}

/// How one node is set apart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeMark {
    /// A halo around the card (the node a run stands on).
    pub glow: Option<Color32>,
    /// A wash over the card (a node the run visited).
    pub tint: Option<Color32>,
    /// Drawn faded (a node no run reaches).
    pub is_dimmed: bool,
    /// A small tag above the card ("step 3", "×2").
    pub label: Option<String>,
}

impl NodeMark {
    /// The node a run stands on.
    pub fn current() -> Self {
        Self {
            glow: Some(Color32::from_rgb(0xFA, 0xCC, 0x15)),
            ..Self::default()
        }
    }

    /// A node the run went through.
    pub fn visited() -> Self {
        Self {
            tint: Some(Color32::from_rgba_unmultiplied(0x22, 0xC5, 0x5E, 40)),
            ..Self::default()
        }
    }

    /// A node no path reaches.
    pub fn dimmed() -> Self {
        Self {
            is_dimmed: true,
            ..Self::default()
        }
    }
}

/// How one wire is set apart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EdgeMark {
    pub tint: Option<Color32>,
    /// Drawn thicker (the path taken).
    pub is_emphasized: bool,
    /// A tag at the wire's middle ("2×", "taken").
    pub label: Option<String>,
}

/// Whether the scenarios of a test run went through a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// Reached by this many runs.
    Covered(u32),
    /// No run reached it.
    Missed,
}
