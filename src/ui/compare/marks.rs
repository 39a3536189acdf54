//! What the canvas shows of a comparison: each node added, changed or only moved (a coloured
//! halo and a tag), each wire rewired or new (thick and coloured, with where it led before), and
//! what is gone: the removed nodes as ghosts where they stood, the wires that no longer exist as
//! dashed lines to where they led.

use std::collections::HashMap;

use egui::Color32;
use fluxo_core::Flow;
use fluxo_core::diff::{ChangeKind, Diff, Target};
use fluxo_core::flow::{KindTag, Node};

use crate::i18n::Lang;
use crate::tr;
use crate::ui::context::{EdgeMark, NodeMark, Overlay};

pub const ADDED: Color32 = Color32::from_rgb(0x22, 0xC5, 0x5E);
pub const CHANGED: Color32 = Color32::from_rgb(0xF5, 0x9E, 0x0B);
pub const REMOVED: Color32 = Color32::from_rgb(0xEF, 0x44, 0x44);
pub const REWIRED: Color32 = Color32::from_rgb(0xA8, 0x55, 0xF7);
pub const MOVED: Color32 = Color32::from_rgb(0x38, 0xBD, 0xF8);

/// What happened to a node between the two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NodeStatus {
    Added,
    Removed,
    /// A field, its kind or its note changed.
    Changed,
    /// Only the wires leaving it changed.
    Rewired,
    /// Only its place on the canvas changed.
    Moved,
}

impl NodeStatus {
    pub fn color(self) -> Color32 {
        match self {
            NodeStatus::Added => ADDED,
            NodeStatus::Removed => REMOVED,
            NodeStatus::Changed => CHANGED,
            NodeStatus::Rewired => REWIRED,
            NodeStatus::Moved => MOVED,
        }
    }

    /// The message id of its tag on the canvas and in the list.
    pub fn label(self) -> &'static str {
        match self {
            NodeStatus::Added => "compare-status-added",
            NodeStatus::Removed => "compare-status-removed",
            NodeStatus::Changed => "compare-status-changed",
            NodeStatus::Rewired => "compare-status-rewired",
            NodeStatus::Moved => "compare-status-moved",
        }
    }
}

/// A removed node, drawn where it stood.
#[derive(Clone, Debug, PartialEq)]
pub struct Ghost {
    pub id: String,
    pub tag: KindTag,
    pub pos: (f32, f32),
    pub ports: Vec<String>,
}

/// A wire of the old version that no longer exists: it left `from` by `port` to `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GhostWire {
    pub from: String,
    pub port: String,
    pub to: String,
}

/// A wire of the flow that is new or leads elsewhere now (`old`: where it led before).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireMark {
    pub from: String,
    pub port: String,
    pub old: Option<String>,
}

/// The comparison as the canvas shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// Each node that changed, in the diff's order, with what happened to it.
    pub nodes: Vec<(String, NodeStatus)>,
    pub wires: Vec<WireMark>,
    pub ghosts: Vec<Ghost>,
    pub ghost_wires: Vec<GhostWire>,
}

impl Marks {
    /// The marks of `diff`, made from `old` (the version compared with) to `new`.
    pub fn new(diff: &Diff, old: &Flow, new: &Flow) -> Marks {
        let old_nodes: HashMap<&str, &Node> = old
            .nodes
            .iter()
            .map(|node| (node.id.as_str(), node))
            .collect();
        let mut marks = Marks::default();
        let mut statuses: HashMap<String, NodeStatus> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for change in &diff.changes {
            let Target::Node { node, .. } = &change.target else {
                continue;
            };
            let status = match &change.kind {
                ChangeKind::Added { .. } => Some(NodeStatus::Added),
                ChangeKind::Removed { .. } => {
                    if let Some(old_node) = old_nodes.get(node.as_str()) {
                        marks.ghosts.push(Ghost {
                            id: node.clone(),
                            tag: old_node.kind.tag(),
                            pos: old_node.pos,
                            ports: old_node
                                .kind
                                .ports()
                                .iter()
                                .map(|p| (*p).to_owned())
                                .collect(),
                        });
                    }
                    Some(NodeStatus::Removed)
                }
                ChangeKind::Moved { .. } => Some(NodeStatus::Moved),
                ChangeKind::KindChanged { .. }
                | ChangeKind::Field { .. }
                | ChangeKind::ItemAdded { .. }
                | ChangeKind::ItemRemoved { .. }
                | ChangeKind::Reordered { .. } => Some(NodeStatus::Changed),
                ChangeKind::Wire { port, old, new: to } => {
                    if let Some(old) = old
                        && new.edge_from(node, port).is_none_or(|edge| &edge.to != old)
                    {
                        marks.ghost_wires.push(GhostWire {
                            from: node.clone(),
                            port: port.clone(),
                            to: old.clone(),
                        });
                    }
                    if to.is_some() {
                        marks.wires.push(WireMark {
                            from: node.clone(),
                            port: port.clone(),
                            old: old.clone(),
                        });
                    }
                    Some(NodeStatus::Rewired)
                }
            };
            let Some(status) = status else {
                continue;
            };
            // The strongest status wins: added or removed, then changed, rewired, moved.
            if let Some(known) = statuses.get_mut(node) {
                *known = (*known).min(status);
            } else {
                statuses.insert(node.clone(), status);
                order.push(node.clone());
            }
        }
        marks.nodes = order
            .into_iter()
            .filter_map(|id| statuses.get(&id).map(|status| (id, *status)))
            .collect();
        marks
    }

    /// What happened to `node`, if anything.
    pub fn status(&self, node: &str) -> Option<NodeStatus> {
        self.nodes
            .iter()
            .find(|(id, _)| id == node)
            .map(|(_, status)| *status)
    }

    /// The canvas marks, worded in `lang`. Ghosts are painted apart (`ghosts.rs`): the canvas
    /// draws only the nodes the flow has.
    pub fn overlay(&self, lang: Lang) -> Overlay {
        let mut overlay = Overlay::default();
        for (id, status) in &self.nodes {
            if matches!(status, NodeStatus::Removed | NodeStatus::Rewired) {
                continue;
            }
            overlay.nodes.insert(
                id.clone(),
                NodeMark {
                    glow: Some(status.color()),
                    tint: (*status == NodeStatus::Added).then(|| ADDED.gamma_multiply(0.12)),
                    is_dimmed: false,
                    label: Some(lang.tr(status.label()).to_owned()),
                },
            );
        }
        for wire in &self.wires {
            let label = match &wire.old {
                Some(old) => tr!(lang, "compare-wire-was", old = old.as_str()),
                None => lang.tr("compare-wire-new").to_owned(),
            };
            overlay.edges.insert(
                (wire.from.clone(), wire.port.clone()),
                EdgeMark {
                    tint: Some(REWIRED),
                    is_emphasized: true,
                    label: Some(label),
                },
            );
        }
        overlay
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluxo_core::flow::Edge;

    fn flow() -> Flow {
        let mut flow = Flow::new("f");
        for (id, tag, x) in [
            ("msg", KindTag::Message, 200.0),
            ("fila", KindTag::Queue, 400.0),
            ("fim", KindTag::End, 400.0),
        ] {
            flow.nodes.push(Node::new(id, (x, 0.0), tag.default_kind()));
        }
        let entry = flow.nodes[0].id.clone();
        flow.edges.push(Edge::new(entry, "next", "msg"));
        flow.edges.push(Edge::new("msg", "next", "fila"));
        flow
    }

    #[test]
    fn each_kind_of_change_is_marked() {
        let old = flow();
        let mut new = old.clone();
        // Rewired: msg now leads to fim; fila removed; a node added; fim moved.
        new.edges[1].to = "fim".into();
        new.nodes.retain(|node| node.id != "fila");
        new.nodes
            .push(Node::new("novo", (600.0, 0.0), KindTag::Ask.default_kind()));
        if let Some(fim) = new.node_mut("fim") {
            fim.pos = (420.0, 40.0);
        }
        let diff =
            fluxo_core::diff::diff(&old, &new, &fluxo_core::sim::Options::default()).unwrap();
        let marks = Marks::new(&diff, &old, &new);
        assert_eq!(marks.status("msg"), Some(NodeStatus::Rewired));
        assert_eq!(marks.status("fila"), Some(NodeStatus::Removed));
        assert_eq!(marks.status("novo"), Some(NodeStatus::Added));
        assert_eq!(marks.status("fim"), Some(NodeStatus::Moved));
        assert_eq!(marks.ghosts.len(), 1);
        assert_eq!(marks.ghosts[0].pos, (400.0, 0.0));
        assert_eq!(
            marks.ghost_wires,
            [GhostWire {
                from: "msg".into(),
                port: "next".into(),
                to: "fila".into()
            }]
        );
        let overlay = marks.overlay(Lang::En);
        assert_eq!(
            overlay.edge("msg", "next").and_then(|m| m.label.as_deref()),
            Some("was fila")
        );
        assert_eq!(
            overlay.node("novo").and_then(|m| m.label.as_deref()),
            Some("new")
        );
        assert_eq!(
            overlay.node("fim").and_then(|m| m.label.as_deref()),
            Some("moved")
        );
        assert!(overlay.node("msg").is_none(), "its wire says it");
    }
}
