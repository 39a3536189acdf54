//! The flow as the checks read it, built once per run: node ids to indices, every output port
//! with the edge that leaves it, predecessors, what the Entry reaches, every variable read and
//! what each port sets.
//!
//! The nodes are read once, in one pass ([`Part::scan`], in ranges on two threads for a big
//! flow), while each node's data is in cache; everything after that pass works on what it left:
//! numbers and flat arrays (one slot per output port, the ports of a node contiguous, ids and
//! names numbered). On a 10,000-node flow the strings of the nodes are spread over several MiB of
//! heap, and every pass that walked them again would pay the cache misses again.

mod ids;
mod join;
mod link;
mod names;
mod part;
pub(crate) mod template_fields;

use crate::flow::{ELSE_PORT, Flow, KindTag, Method, Node, NodeKind, TemplateField};

pub(crate) use self::ids::NodeIds;
pub(crate) use self::link::{Resolved, resolve};
pub(crate) use self::names::Names;
pub(crate) use self::part::{Part, number};

/// How one edge of `flow.edges` resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EdgeStatus {
    /// Leaves an existing node by one of its ports, and is the first edge to leave that port.
    Linked { from: usize, slot: usize },
    /// `from` names no node.
    UnknownFrom,
    /// The node has no port of that name.
    UnknownPort { from: usize },
    /// An earlier edge already leaves the same port (the earlier one is the one that counts).
    Reused { from: usize, slot: usize },
}

/// An edge with something to report: its `from` or port is unknown, an earlier edge already
/// leaves its port, or its `to` names no node or an Entry. Kept apart so that a flow whose edges
/// are all fine costs the edge checks nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EdgeProblem {
    /// Its index in `flow.edges`.
    pub edge: usize,
    pub status: EdgeStatus,
    /// The node its `to` names, if it exists.
    pub to: Option<usize>,
}

/// Where inside a node a variable is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// The template field at this position in `NodeKind::template_fields` (for a SetVariable,
    /// the index of the entry in `set`).
    Template { position: u32 },
    /// The `var` of a Condition rule.
    RuleVar { case: u32, rule: u32 },
}

/// One variable read by a node. Small on purpose: a big flow has tens of thousands.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Read {
    pub node: u32,
    pub place: Place,
    /// The name's number in `FlowIndex::names`.
    pub name_id: u32,
}

impl Read {
    /// The node's index in `flow.nodes`.
    pub(crate) fn node(&self) -> usize {
        self.node as usize
    }

    /// The field path a finding names (`text`, `set.nome`, `cases[0].rules[1].var`).
    pub(crate) fn path(&self, flow: &Flow) -> String {
        match self.place {
            Place::Template { position } => field_path(flow, self.node(), position),
            Place::RuleVar { case, rule } => format!("cases[{case}].rules[{rule}].var"),
        }
    }
}

/// The path of template field number `position` of node `node`.
pub(crate) fn field_path(flow: &Flow, node: usize, position: u32) -> String {
    template_field(flow, node, position)
        .map(|field| field.path())
        .unwrap_or_default()
}

/// Template field number `position` of node `node`, in `NodeKind::template_fields` order.
pub(crate) fn template_field(flow: &Flow, node: usize, position: u32) -> Option<TemplateField<'_>> {
    let node = flow.nodes.get(node)?;
    let mut found = None;
    let mut at = 0;
    template_fields::for_each(&node.kind, |field| {
        if at == position {
            found = Some(field);
        }
        at += 1;
    });
    found
}

/// No target: a slot whose edge is missing, leads nowhere or into an Entry.
const NONE: u32 = u32::MAX;

/// The flow, indexed. See the module documentation.
pub(crate) struct FlowIndex<'a> {
    pub flow: &'a Flow,
    pub ids: NodeIds,
    /// Each node's kind.
    pub kinds: Vec<KindTag>,
    /// The first Entry node.
    pub entry: Option<usize>,
    /// A slot is one output port of one node: the slots of node `i` are
    /// `port_start[i]..port_start[i + 1]`, in drawing order. Per slot: its node, the first edge
    /// leaving it (`NONE`: none), and the node that edge leads to in the graph (`NONE` when it
    /// has no edge, the edge names no node, or leads into an Entry). Port names are not kept:
    /// [`FlowIndex::port`] finds them when a message needs one.
    port_start: Vec<u32>,
    slot_node: Vec<u32>,
    slot_edge: Vec<u32>,
    targets: Vec<u32>,
    /// The edges with something to report, in file order.
    pub edge_problems: Vec<EdgeProblem>,
    /// Slots leading into node `i` are `preds[pred_start[i]..pred_start[i + 1]]`.
    pred_start: Vec<u32>,
    preds: Vec<usize>,
    /// Whether a path from the Entry reaches the node (all false without an Entry).
    pub reachable: Vec<bool>,
    /// Every variable read, node by node, in form order (templates, then rule variables).
    pub reads: Vec<Read>,
    /// Every name read or set, numbered (`Read::name_id`), and what each is.
    pub names: Names,
    /// What each slot sets (names some node reads, by number): `slot_sets[slot_set_start[s]..]`.
    slot_set_start: Vec<u32>,
    slot_sets: Vec<u32>,
    /// (node, position in `template_fields`) of each field with a broken opening mark.
    pub broken: Vec<(u32, u32)>,
    /// The distinct (method, url) of the flow's Requests (a repeat is possible, harmless).
    pub requests: Vec<(Method, &'a str)>,
}

impl<'a> FlowIndex<'a> {
    /// The index of `flow`, read in one pass (the tests' way; `check` runs its node checks in
    /// that pass).
    #[cfg(test)]
    pub(crate) fn new(flow: &'a Flow) -> Self {
        let ids = NodeIds::read(flow);
        let links = link::resolve(flow, &ids);
        let part = Part::scan(flow, 0..flow.nodes.len(), &mut |_, _| {});
        Self::build(flow, ids, &links, vec![part])
    }

    /// The index from the ids, the resolved edges (`link::resolve`) and the parts of one pass
    /// over the nodes (in order, together covering every node): joins the parts, then links the
    /// edges and walks the graph.
    pub(crate) fn build(
        flow: &'a Flow,
        ids: NodeIds,
        links: &[Resolved],
        parts: Vec<Part<'a>>,
    ) -> Self {
        let mut index = join::join(flow, ids, parts);
        link::link_edges(&mut index, links);
        link::build_preds(&mut index);
        link::mark_reachable(&mut index);
        index
    }

    /// The node with this id (the first, when ids repeat).
    pub(crate) fn node_index(&self, id: &str) -> Option<usize> {
        self.ids.node_index(id)
    }

    /// Whether node `index` is the one its id names (not a later node with a repeated id).
    pub(crate) fn is_first_of_id(&self, index: usize) -> bool {
        self.ids.is_first_of_id(index)
    }

    /// Whether node `index` is an Entry.
    pub(crate) fn is_entry(&self, index: usize) -> bool {
        self.kinds.get(index) == Some(&KindTag::Entry)
    }

    /// The slot indices of node `index`'s ports.
    pub(crate) fn slot_range(&self, index: usize) -> std::ops::Range<usize> {
        let start = self
            .port_start
            .get(index)
            .map_or(0, |&start| start as usize);
        let end = self
            .port_start
            .get(index + 1)
            .map_or(start, |&end| end as usize);
        start..end
    }

    /// How many slots (output ports) the flow has.
    pub(crate) fn slot_count(&self) -> usize {
        self.slot_node.len()
    }

    /// The name of the port of slot `slot`.
    pub(crate) fn port(&self, slot: usize) -> &'a str {
        let node = self.node_of(slot);
        let offset = slot - self.slot_range(node).start;
        match (self.kinds.get(node), self.flow.nodes.get(node)) {
            (
                Some(KindTag::Condition),
                Some(Node {
                    kind: NodeKind::Condition { cases },
                    ..
                }),
            ) => cases
                .get(offset)
                .map_or(ELSE_PORT, |case| case.port.as_str()),
            (Some(kind), _) => kind.fixed_ports().get(offset).copied().unwrap_or(""),
            (None, _) => "",
        }
    }

    /// The slot of node `node` whose port is named `port` (the first, when a Condition repeats
    /// a port).
    pub(crate) fn slot_of(&self, node: usize, port: &str) -> Option<usize> {
        let offset = link::port_offset(&self.flow.nodes.get(node)?.kind, port)?;
        Some(self.slot_range(node).start + offset)
    }

    /// Whether slot `slot` is a Condition port that repeats an earlier port of its node: no
    /// edge can use it.
    pub(crate) fn is_repeat(&self, slot: usize) -> bool {
        self.kinds.get(self.node_of(slot)) == Some(&KindTag::Condition)
            && self.slot_of(self.node_of(slot), self.port(slot)) != Some(slot)
    }

    /// The first edge leaving slot `slot`, if any.
    pub(crate) fn edge_of(&self, slot: usize) -> Option<usize> {
        match self.slot_edge.get(slot) {
            Some(&edge) if edge != NONE => Some(edge as usize),
            _ => None,
        }
    }

    /// The node slot `slot` leads to in the graph, if any.
    pub(crate) fn target(&self, slot: usize) -> Option<usize> {
        match self.targets.get(slot) {
            Some(&target) if target != NONE => Some(target as usize),
            _ => None,
        }
    }

    /// The node slot `slot` belongs to.
    pub(crate) fn node_of(&self, slot: usize) -> usize {
        self.slot_node
            .get(slot)
            .map_or(usize::MAX, |&node| node as usize)
    }

    /// The slots (of other nodes, or its own) whose edges lead into node `index`.
    pub(crate) fn preds_of(&self, index: usize) -> &[usize] {
        let start = self
            .pred_start
            .get(index)
            .map_or(0, |&start| start as usize);
        let end = self
            .pred_start
            .get(index + 1)
            .map_or(start, |&end| end as usize);
        self.preds.get(start..end).unwrap_or(&[])
    }

    /// The nodes node `index`'s ports lead to (graph edges only), in port order.
    pub(crate) fn successors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        self.slot_range(index).filter_map(|slot| self.target(slot))
    }

    /// Whether a path from the Entry reaches node `index`.
    pub(crate) fn is_reachable(&self, index: usize) -> bool {
        self.reachable.get(index).copied().unwrap_or(false)
    }

    /// The names (by number) that slot `slot` sets, when some node reads them.
    pub(crate) fn sets_on(&self, slot: usize) -> &[u32] {
        let start = self
            .slot_set_start
            .get(slot)
            .map_or(0, |&start| start as usize);
        let end = self
            .slot_set_start
            .get(slot + 1)
            .map_or(start, |&end| end as usize);
        self.slot_sets.get(start..end).unwrap_or(&[])
    }

    /// The text of a read's name.
    pub(crate) fn name_of(&self, read: &Read) -> &str {
        self.names.text(read.name_id)
    }
}

#[cfg(test)]
mod tests;
