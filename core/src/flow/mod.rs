//! The model: a `Flow` is the graph, the mocked team and the test scenarios, as one file holds them.
//! SPEC.md sections 1 and 2 define every field; this module is that definition in Rust.

mod load;
mod node;
mod scenario;
mod scope;
mod team;

pub use load::{
    Arrivals, DEFAULT_HANDLE_TIME_S, DEFAULT_LOAD_HOURS, DEFAULT_LOAD_START,
    DEFAULT_SERVICE_LEVEL_S, LoadPlan,
};
pub use node::{
    AskExpect, Case, Channel, ELSE_PORT, FieldKey, KindTag, LiveChatOutcome, Method, Mode, Node,
    NodeId, NodeKind, Op, Route, Rule, TemplateField, TemplateMap, is_valid_id,
};
pub use scenario::{
    ChatList, Contact, DEFAULT_CLOCK, EndReason, Expectations, Mock, MockFail, Reply, Scenario,
};
pub use scope::{BUILT_IN_NAMES, BuiltIn, Origin, ScopedName, is_in_scope, names_in_scope};
pub use team::{
    Agent, AgentStatus, AutoAssign, CustomField, FieldKind, Schedule, Team, Weekday, WeeklyHours,
};

use serde::{Deserialize, Serialize};

/// The file format this build reads and writes. A file with a newer number is refused.
pub const FORMAT_VERSION: u32 = 1;

/// One wire: from an output port of a node to another node's input.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Edge {
    pub from: NodeId,
    pub port: String,
    pub to: NodeId,
}

impl Edge {
    pub fn new(from: impl Into<NodeId>, port: impl Into<String>, to: impl Into<NodeId>) -> Self {
        Self {
            from: from.into(),
            port: port.into(),
            to: to.into(),
        }
    }
}

/// A whole flow file. A flow that breaks the model (an edge to a missing node, two Entries) still
/// loads: the checks report what is wrong, so the designer can open it and mend it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flow {
    /// File format version; see [`FORMAT_VERSION`].
    pub format: u32,
    #[serde(default)]
    pub name: String,
    /// Internal note, never shown to the contact.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub nodes: Vec<Node>,
    #[serde(default)]
    pub edges: Vec<Edge>,
    #[serde(default)]
    pub team: Team,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// A day of chats for `fluxo load` (SPEC.md section 10); none when the file has no section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<LoadPlan>,
}

impl Default for Flow {
    fn default() -> Self {
        Self {
            format: FORMAT_VERSION,
            name: String::new(),
            description: String::new(),
            nodes: Vec::new(),
            edges: Vec::new(),
            team: Team::default(),
            scenarios: Vec::new(),
            load: None,
        }
    }
}

impl Flow {
    /// A new flow: just the fixed Entry node, `inicio`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            nodes: vec![Node::new(
                "inicio",
                (40.0, 120.0),
                KindTag::Entry.default_kind(),
            )],
            ..Self::default()
        }
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|node| node.id == id)
    }

    pub fn node_mut(&mut self, id: &str) -> Option<&mut Node> {
        self.nodes.iter_mut().find(|node| node.id == id)
    }

    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|node| node.id == id)
    }

    /// The first Entry node, if any.
    pub fn entry(&self) -> Option<&Node> {
        self.nodes
            .iter()
            .find(|node| matches!(node.kind, NodeKind::Entry { .. }))
    }

    /// The edge leaving `from` by `port`, if any (the first, when a broken file has several).
    pub fn edge_from(&self, from: &str, port: &str) -> Option<&Edge> {
        self.edges
            .iter()
            .find(|edge| edge.from == from && edge.port == port)
    }

    pub fn scenario(&self, name: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|scenario| scenario.name == name)
    }

    /// A readable id not used yet: `stem_1`, `stem_2`, ... (the smallest free number).
    pub fn unique_id(&self, stem: &str) -> NodeId {
        let stem = if stem.is_empty() { "no" } else { stem };
        // Among n + 1 candidates at most n are taken.
        (1..=self.nodes.len() + 1)
            .map(|n| format!("{stem}_{n}"))
            .find(|id| self.node(id).is_none())
            .unwrap_or_else(|| stem.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_ids_are_readable() {
        let mut flow = Flow::new("t");
        assert_eq!(flow.unique_id("pergunta"), "pergunta_1");
        flow.nodes.push(Node::new(
            "pergunta_1",
            (0.0, 0.0),
            KindTag::Ask.default_kind(),
        ));
        assert_eq!(flow.unique_id("pergunta"), "pergunta_2");
    }
}
