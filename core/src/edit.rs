//! Every change the editor can make to a flow, as a [`Command`], and the undo/redo [`History`].
//!
//! A command applied to a flow returns its exact inverse (indices included), so that undo gives
//! back the very flow of before, field for field and in the same order. Commands that cannot be
//! done (a duplicate id, deleting the last Entry) change nothing and say why.

use crate::flow::{
    Edge, Flow, KindTag, LoadPlan, Node, NodeId, NodeKind, Scenario, Team, is_valid_id,
};

/// One change to a flow.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Appends nodes and then edges (a new node, a paste). Ids must be valid and unused.
    AddNodes {
        nodes: Vec<Node>,
        edges: Vec<Edge>,
    },
    /// Removes the last `nodes` nodes and `edges` edges (the inverse of `AddNodes`).
    RemoveAppended {
        nodes: usize,
        edges: usize,
    },
    /// Removes these nodes and every edge that touches them. The last Entry cannot go.
    RemoveNodes {
        ids: Vec<NodeId>,
    },
    /// Puts removed nodes and edges back at their indices (ascending).
    RestoreNodes {
        nodes: Vec<(usize, Node)>,
        edges: Vec<(usize, Edge)>,
    },
    /// Sets the positions of these nodes.
    MoveNodes {
        moves: Vec<(NodeId, (f32, f32))>,
    },
    /// Replaces a node's kind and fields (every inspector edit).
    SetKind {
        id: NodeId,
        kind: NodeKind,
    },
    /// Gives a node a new id; its edges and the scenarios that name it follow.
    Rename {
        from: NodeId,
        to: NodeId,
    },
    /// Sets the id of the node at an index, nothing else (part of an exact inverse).
    SetNodeId {
        index: usize,
        id: NodeId,
    },
    /// Moves the edges that leave `node` by port `from` to port `to` (a renamed Condition case).
    RenamePort {
        node: NodeId,
        from: String,
        to: String,
    },
    /// Connects a port to a node; an occupied port is rewired.
    Connect {
        from: NodeId,
        port: String,
        to: NodeId,
    },
    /// Removes the edge leaving `from` by `port`.
    Disconnect {
        from: NodeId,
        port: String,
    },
    /// Inserts an edge at an index (part of an exact inverse).
    InsertEdge {
        index: usize,
        edge: Edge,
    },
    /// Removes the edge at an index (part of an exact inverse).
    RemoveEdge {
        index: usize,
    },
    /// Sets edges at indices (part of an exact inverse).
    ReplaceEdges {
        edges: Vec<(usize, Edge)>,
    },
    SetName(String),
    SetDescription(String),
    SetTeam(Team),
    SetScenarios(Vec<Scenario>),
    /// Replaces the `load` section (the Load tab); `None` removes it.
    SetLoad(Option<LoadPlan>),
    /// Several commands as one step; if one fails, none is applied.
    Batch(Vec<Command>),
}

/// Why a command could not be applied. The flow is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no node `{0}`")]
    NoSuchNode(NodeId),
    #[error("the id `{0}` is already used by another node")]
    IdTaken(NodeId),
    #[error("`{0}` is not a valid id: use letters, digits, `_` and `-`, without spaces")]
    InvalidId(String),
    #[error("the Entry node is where every run starts: a flow keeps one")]
    LastEntry,
    #[error("a flow has exactly one Entry node: it cannot be added or duplicated")]
    SecondEntry,
    #[error("node `{node}` has no port `{port}`")]
    NoSuchPort { node: NodeId, port: String },
    #[error("nothing enters the Entry node: connect it to the first step instead")]
    IntoEntry,
    #[error("port `{port}` of `{node}` is not connected")]
    NotConnected { node: NodeId, port: String },
    #[error("an index is out of range: the flow changed under this command")]
    BadIndex,
}

impl Command {
    /// Applies the command and returns its exact inverse. On error the flow is unchanged.
    pub fn apply(self, flow: &mut Flow) -> Result<Command, EditError> {
        match self {
            Command::AddNodes { nodes, edges } => add_nodes(flow, nodes, edges),
            Command::RemoveAppended { nodes, edges } => remove_appended(flow, nodes, edges),
            Command::RemoveNodes { ids } => remove_nodes(flow, &ids),
            Command::RestoreNodes { nodes, edges } => restore_nodes(flow, nodes, edges),
            Command::MoveNodes { moves } => move_nodes(flow, moves),
            Command::SetKind { id, kind } => {
                let node = flow
                    .node_mut(&id)
                    .ok_or_else(|| EditError::NoSuchNode(id.clone()))?;
                let old = std::mem::replace(&mut node.kind, kind);
                Ok(Command::SetKind { id, kind: old })
            }
            Command::Rename { from, to } => rename(flow, &from, to),
            Command::SetNodeId { index, id } => {
                let node = flow.nodes.get_mut(index).ok_or(EditError::BadIndex)?;
                let old = std::mem::replace(&mut node.id, id);
                Ok(Command::SetNodeId { index, id: old })
            }
            Command::RenamePort { node, from, to } => {
                let edges = flow
                    .edges
                    .iter()
                    .enumerate()
                    .filter(|(_, edge)| edge.from == node && edge.port == from)
                    .map(|(index, edge)| {
                        (
                            index,
                            Edge {
                                port: to.clone(),
                                ..edge.clone()
                            },
                        )
                    })
                    .collect();
                replace_edges(flow, edges)
            }
            Command::Connect { from, port, to } => connect(flow, from, port, to),
            Command::Disconnect { from, port } => {
                let index = flow
                    .edges
                    .iter()
                    .position(|edge| edge.from == from && edge.port == port)
                    .ok_or(EditError::NotConnected { node: from, port })?;
                let edge = flow.edges.remove(index);
                Ok(Command::InsertEdge { index, edge })
            }
            Command::InsertEdge { index, edge } => {
                if index > flow.edges.len() {
                    return Err(EditError::BadIndex);
                }
                flow.edges.insert(index, edge);
                Ok(Command::RemoveEdge { index })
            }
            Command::RemoveEdge { index } => {
                if index >= flow.edges.len() {
                    return Err(EditError::BadIndex);
                }
                let edge = flow.edges.remove(index);
                Ok(Command::InsertEdge { index, edge })
            }
            Command::ReplaceEdges { edges } => replace_edges(flow, edges),
            Command::SetName(name) => Ok(Command::SetName(std::mem::replace(&mut flow.name, name))),
            Command::SetDescription(text) => Ok(Command::SetDescription(std::mem::replace(
                &mut flow.description,
                text,
            ))),
            Command::SetTeam(team) => Ok(Command::SetTeam(std::mem::replace(&mut flow.team, team))),
            Command::SetScenarios(scenarios) => Ok(Command::SetScenarios(std::mem::replace(
                &mut flow.scenarios,
                scenarios,
            ))),
            Command::SetLoad(load) => Ok(Command::SetLoad(std::mem::replace(&mut flow.load, load))),
            Command::Batch(commands) => batch(flow, commands),
        }
    }
}

fn add_nodes(flow: &mut Flow, nodes: Vec<Node>, edges: Vec<Edge>) -> Result<Command, EditError> {
    let mut seen = std::collections::HashSet::new();
    let has_entry = flow.entry().is_some();
    for node in &nodes {
        if !is_valid_id(&node.id) {
            return Err(EditError::InvalidId(node.id.clone()));
        }
        if flow.node(&node.id).is_some() || !seen.insert(node.id.as_str()) {
            return Err(EditError::IdTaken(node.id.clone()));
        }
        if node.kind.tag() == KindTag::Entry && has_entry {
            return Err(EditError::SecondEntry);
        }
    }
    let inverse = Command::RemoveAppended {
        nodes: nodes.len(),
        edges: edges.len(),
    };
    flow.nodes.extend(nodes);
    flow.edges.extend(edges);
    Ok(inverse)
}

fn remove_appended(flow: &mut Flow, nodes: usize, edges: usize) -> Result<Command, EditError> {
    if nodes > flow.nodes.len() || edges > flow.edges.len() {
        return Err(EditError::BadIndex);
    }
    let removed_edges = flow.edges.split_off(flow.edges.len() - edges);
    let removed_nodes = flow.nodes.split_off(flow.nodes.len() - nodes);
    Ok(Command::AddNodes {
        nodes: removed_nodes,
        edges: removed_edges,
    })
}

fn remove_nodes(flow: &mut Flow, ids: &[NodeId]) -> Result<Command, EditError> {
    for id in ids {
        if flow.node(id).is_none() {
            return Err(EditError::NoSuchNode(id.clone()));
        }
    }
    let is_removed = |id: &str| ids.iter().any(|removed| removed == id);
    let entries_left = flow
        .nodes
        .iter()
        .filter(|node| node.kind.tag() == KindTag::Entry && !is_removed(&node.id))
        .count();
    let entries_removed = flow
        .nodes
        .iter()
        .any(|node| node.kind.tag() == KindTag::Entry && is_removed(&node.id));
    if entries_removed && entries_left == 0 {
        return Err(EditError::LastEntry);
    }
    let mut removed_nodes = Vec::new();
    let mut kept_nodes = Vec::with_capacity(flow.nodes.len());
    for (index, node) in std::mem::take(&mut flow.nodes).into_iter().enumerate() {
        if is_removed(&node.id) {
            removed_nodes.push((index, node));
        } else {
            kept_nodes.push(node);
        }
    }
    flow.nodes = kept_nodes;
    let mut removed_edges = Vec::new();
    let mut kept_edges = Vec::with_capacity(flow.edges.len());
    for (index, edge) in std::mem::take(&mut flow.edges).into_iter().enumerate() {
        if is_removed(&edge.from) || is_removed(&edge.to) {
            removed_edges.push((index, edge));
        } else {
            kept_edges.push(edge);
        }
    }
    flow.edges = kept_edges;
    Ok(Command::RestoreNodes {
        nodes: removed_nodes,
        edges: removed_edges,
    })
}

fn restore_nodes(
    flow: &mut Flow,
    nodes: Vec<(usize, Node)>,
    edges: Vec<(usize, Edge)>,
) -> Result<Command, EditError> {
    // Validate every index first so that a failure changes nothing.
    // Each insert grows the list by one, so the i-th index may be at most `len + i`.
    let nodes_fit = (flow.nodes.len()..)
        .zip(&nodes)
        .all(|(len, (index, _))| *index <= len);
    let edges_fit = (flow.edges.len()..)
        .zip(&edges)
        .all(|(len, (index, _))| *index <= len);
    if !nodes_fit || !edges_fit {
        return Err(EditError::BadIndex);
    }
    let ids: Vec<NodeId> = nodes.iter().map(|(_, node)| node.id.clone()).collect();
    for (index, node) in nodes {
        flow.nodes.insert(index, node);
    }
    for (index, edge) in edges {
        flow.edges.insert(index, edge);
    }
    Ok(Command::RemoveNodes { ids })
}

fn move_nodes(flow: &mut Flow, moves: Vec<(NodeId, (f32, f32))>) -> Result<Command, EditError> {
    let mut old = Vec::with_capacity(moves.len());
    for (id, _) in &moves {
        let node = flow
            .node(id)
            .ok_or_else(|| EditError::NoSuchNode(id.clone()))?;
        old.push((id.clone(), node.pos));
    }
    for (id, pos) in moves {
        if let Some(node) = flow.node_mut(&id) {
            node.pos = pos;
        }
    }
    // Restore in reverse so that a node named twice ends where it started.
    old.reverse();
    Ok(Command::MoveNodes { moves: old })
}

fn rename(flow: &mut Flow, from: &str, to: NodeId) -> Result<Command, EditError> {
    if !is_valid_id(&to) {
        return Err(EditError::InvalidId(to));
    }
    let index = flow
        .node_index(from)
        .ok_or_else(|| EditError::NoSuchNode(from.to_owned()))?;
    if from == to {
        return Ok(Command::Batch(vec![]));
    }
    if flow.node(&to).is_some() {
        return Err(EditError::IdTaken(to));
    }
    let mut old_edges = Vec::new();
    for (edge_index, edge) in flow.edges.iter_mut().enumerate() {
        if edge.from == from || edge.to == from {
            old_edges.push((edge_index, edge.clone()));
            if edge.from == from {
                edge.from.clone_from(&to);
            }
            if edge.to == from {
                edge.to.clone_from(&to);
            }
        }
    }
    let old_scenarios = flow.scenarios.clone();
    let mut scenarios_changed = false;
    for scenario in &mut flow.scenarios {
        let expect = &mut scenario.expect;
        let ids = scenario
            .start
            .iter_mut()
            .chain(expect.end_node.iter_mut())
            .chain(expect.path.iter_mut().flatten());
        for id in ids {
            if let Some(renamed) = renamed_id(id, from, &to) {
                *id = renamed;
                scenarios_changed = true;
            }
        }
    }
    flow.nodes[index].id = to;
    let mut inverse = vec![
        Command::SetNodeId {
            index,
            id: from.to_owned(),
        },
        Command::ReplaceEdges { edges: old_edges },
    ];
    if scenarios_changed {
        inverse.push(Command::SetScenarios(old_scenarios));
    }
    Ok(Command::Batch(inverse))
}

/// `id` once node `from` is renamed `to`: the node itself, or a node of the flow it calls
/// (`from/NODE`, as a SubFlow names them); none when `id` is neither.
fn renamed_id(id: &str, from: &str, to: &str) -> Option<String> {
    if id == from {
        return Some(to.to_owned());
    }
    let inner = id.strip_prefix(from)?.strip_prefix('/')?;
    Some(format!("{to}/{inner}"))
}

fn replace_edges(flow: &mut Flow, edges: Vec<(usize, Edge)>) -> Result<Command, EditError> {
    if edges.iter().any(|(index, _)| *index >= flow.edges.len()) {
        return Err(EditError::BadIndex);
    }
    let mut old = Vec::with_capacity(edges.len());
    for (index, edge) in edges {
        old.push((index, std::mem::replace(&mut flow.edges[index], edge)));
    }
    old.reverse();
    Ok(Command::ReplaceEdges { edges: old })
}

fn connect(flow: &mut Flow, from: NodeId, port: String, to: NodeId) -> Result<Command, EditError> {
    let source = flow
        .node(&from)
        .ok_or_else(|| EditError::NoSuchNode(from.clone()))?;
    if !source.kind.has_port(&port) {
        return Err(EditError::NoSuchPort { node: from, port });
    }
    let target = flow
        .node(&to)
        .ok_or_else(|| EditError::NoSuchNode(to.clone()))?;
    if target.kind.tag() == KindTag::Entry {
        return Err(EditError::IntoEntry);
    }
    if let Some(index) = flow
        .edges
        .iter()
        .position(|edge| edge.from == from && edge.port == port)
    {
        let edge = Edge { from, port, to };
        return replace_edges(flow, vec![(index, edge)]);
    }
    flow.edges.push(Edge { from, port, to });
    Ok(Command::RemoveAppended { nodes: 0, edges: 1 })
}

fn batch(flow: &mut Flow, commands: Vec<Command>) -> Result<Command, EditError> {
    let mut inverses = Vec::with_capacity(commands.len());
    for command in commands {
        match command.apply(flow) {
            Ok(inverse) => inverses.push(inverse),
            Err(err) => {
                // Undo what was applied, newest first; those inverses cannot fail.
                for inverse in inverses.into_iter().rev() {
                    let _ = inverse.apply(flow);
                }
                return Err(err);
            }
        }
    }
    inverses.reverse();
    Ok(Command::Batch(inverses))
}

/// One undo step.
#[derive(Clone, Debug)]
struct Step {
    inverse: Command,
    /// Edits with the same key merge into this step while it is open (typing in one field).
    merge_key: Option<String>,
    /// Names the document state after this step, for the dirty marker.
    state: u64,
}

/// Undo and redo of commands. Every edit the editor makes goes through [`History::apply`].
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    limit: usize,
    next_state: u64,
    is_merge_open: bool,
}

impl Default for History {
    fn default() -> Self {
        Self::new(500)
    }
}

impl History {
    /// A history that keeps at most `limit` undo steps (the oldest are dropped).
    pub fn new(limit: usize) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            limit: limit.max(1),
            next_state: 1,
            is_merge_open: false,
        }
    }

    /// Applies a command as one new undo step; clears redo.
    pub fn apply(&mut self, flow: &mut Flow, command: Command) -> Result<(), EditError> {
        self.push(flow, command, None)
    }

    /// Applies a command that merges with the previous step if that step has the same key and
    /// nothing sealed it since: typing in one field is one undo step until focus leaves.
    pub fn apply_merged(
        &mut self,
        flow: &mut Flow,
        command: Command,
        key: &str,
    ) -> Result<(), EditError> {
        let can_merge = self.is_merge_open
            && self
                .undo
                .last()
                .is_some_and(|step| step.merge_key.as_deref() == Some(key));
        if can_merge {
            command.apply(flow)?;
            let state = self.fresh_state();
            if let Some(step) = self.undo.last_mut() {
                step.state = state;
            }
            self.redo.clear();
            return Ok(());
        }
        self.push(flow, command, Some(key.to_owned()))
    }

    fn push(
        &mut self,
        flow: &mut Flow,
        command: Command,
        merge_key: Option<String>,
    ) -> Result<(), EditError> {
        let inverse = command.apply(flow)?;
        self.is_merge_open = merge_key.is_some();
        let state = self.fresh_state();
        self.undo.push(Step {
            inverse,
            merge_key,
            state,
        });
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    fn fresh_state(&mut self) -> u64 {
        let state = self.next_state;
        self.next_state += 1;
        state
    }

    /// Ends merging: the next edit is a new step (focus left the field, a drag ended).
    pub fn seal(&mut self) {
        self.is_merge_open = false;
    }

    /// Undoes the last step. False when there is nothing to undo.
    pub fn undo(&mut self, flow: &mut Flow) -> bool {
        self.is_merge_open = false;
        let Some(step) = self.undo.pop() else {
            return false;
        };
        match step.inverse.apply(flow) {
            Ok(redo) => {
                self.redo.push(Step {
                    inverse: redo,
                    merge_key: None,
                    state: step.state,
                });
                true
            }
            // Only possible if the flow was changed behind the history's back.
            Err(_) => false,
        }
    }

    /// Redoes the last undone step. False when there is nothing to redo.
    pub fn redo(&mut self, flow: &mut Flow) -> bool {
        self.is_merge_open = false;
        let Some(step) = self.redo.pop() else {
            return false;
        };
        match step.inverse.apply(flow) {
            Ok(undo) => {
                self.undo.push(Step {
                    inverse: undo,
                    merge_key: None,
                    state: step.state,
                });
                true
            }
            Err(_) => false,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Names the current document state: equal to an earlier value exactly when undo/redo led
    /// back to that state. Compare with the value at the last save for the dirty marker.
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(0, |step| step.state)
    }

    /// Forgets every step (a new or reopened document).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.is_merge_open = false;
    }
}

#[cfg(test)]
mod tests;
