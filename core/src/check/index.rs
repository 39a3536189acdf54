//! The flow as the checks read it, built once per run: node ids to indices, every output port
//! with the edge that leaves it, predecessors, what the Entry reaches, and every variable read.
//!
//! Everything is indices into `flow.nodes` and flat arrays (one slot per output port, ports of a
//! node contiguous), so that the checks on a 10,000-node flow do no lookups by string in their
//! loops and allocate per flow, not per node.

use std::collections::HashMap;
use std::collections::hash_map::Entry as MapEntry;

use crate::flow::{ELSE_PORT, Flow, NodeKind, TemplateField};
use crate::template::{Part, parse_parts};

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

/// One output port of one node.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Slot<'a> {
    pub node: usize,
    pub port: &'a str,
    /// The first edge leaving this port, if any.
    pub edge: Option<usize>,
    /// The node that edge leads to, when it exists and is not an Entry: what the graph follows.
    pub target: Option<usize>,
    /// A Condition port that repeats an earlier port of the same node: no edge can use it.
    pub is_repeat: bool,
}

/// Where inside a node a variable is read.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Place<'a> {
    /// A template field; `position` is its place in `NodeKind::template_fields` (for a
    /// SetVariable, the index of the entry in `set`).
    Template {
        field: TemplateField<'a>,
        position: usize,
    },
    /// The `var` of a Condition rule.
    RuleVar { case: usize, rule: usize },
}

impl Place<'_> {
    /// The field path a finding names.
    pub(crate) fn path(&self) -> String {
        match self {
            Place::Template { field, .. } => field.path(),
            Place::RuleVar { case, rule } => format!("cases[{case}].rules[{rule}].var"),
        }
    }
}

/// One variable read by a node.
#[derive(Clone, Debug)]
pub(crate) struct Read<'a> {
    pub node: usize,
    pub place: Place<'a>,
    pub name: String,
}

/// The flow, indexed. See the module documentation.
pub(crate) struct FlowIndex<'a> {
    pub flow: &'a Flow,
    /// The first node with each id.
    pub ids: HashMap<&'a str, usize>,
    /// The first Entry node.
    pub entry: Option<usize>,
    /// Slots of node `i` are `slots[port_start[i]..port_start[i + 1]]`.
    pub port_start: Vec<usize>,
    pub slots: Vec<Slot<'a>>,
    pub edges: Vec<EdgeStatus>,
    /// The node each edge's `to` names, if it exists.
    pub edge_to: Vec<Option<usize>>,
    /// Slots leading into node `i` are `preds[pred_start[i]..pred_start[i + 1]]`.
    pub pred_start: Vec<usize>,
    pub preds: Vec<usize>,
    /// Whether a path from the Entry reaches the node (all false without an Entry).
    pub reachable: Vec<bool>,
    /// Reads of node `i` are `reads[read_start[i]..read_start[i + 1]]`, in form order.
    pub read_start: Vec<usize>,
    pub reads: Vec<Read<'a>>,
    /// Template fields with an opening mark that makes no reference.
    pub broken: Vec<(usize, TemplateField<'a>)>,
    pub has_request: bool,
    pub has_live_chat: bool,
}

impl<'a> FlowIndex<'a> {
    pub(crate) fn new(flow: &'a Flow) -> Self {
        let count = flow.nodes.len();
        let mut ids = HashMap::with_capacity(count);
        let mut entry = None;
        let mut port_start = Vec::with_capacity(count + 1);
        let mut slots = Vec::with_capacity(count * 2);
        for (index, node) in flow.nodes.iter().enumerate() {
            if let MapEntry::Vacant(vacant) = ids.entry(node.id.as_str()) {
                vacant.insert(index);
            }
            if entry.is_none() && matches!(node.kind, NodeKind::Entry { .. }) {
                entry = Some(index);
            }
            port_start.push(slots.len());
            push_slots(index, &node.kind, &mut slots);
        }
        port_start.push(slots.len());
        let mut index = FlowIndex {
            flow,
            ids,
            entry,
            port_start,
            slots,
            edges: Vec::with_capacity(flow.edges.len()),
            edge_to: Vec::with_capacity(flow.edges.len()),
            pred_start: Vec::new(),
            preds: Vec::new(),
            reachable: vec![false; count],
            read_start: Vec::with_capacity(count + 1),
            reads: Vec::new(),
            broken: Vec::new(),
            has_request: false,
            has_live_chat: false,
        };
        index.link_edges();
        index.build_preds();
        index.mark_reachable();
        index.collect_reads();
        index
    }

    /// The node with this id (the first, when ids repeat).
    pub(crate) fn node_index(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// Whether node `index` is the one its id names (not a later node with a repeated id).
    pub(crate) fn is_first_of_id(&self, index: usize) -> bool {
        self.flow
            .nodes
            .get(index)
            .and_then(|node| self.ids.get(node.id.as_str()))
            == Some(&index)
    }

    /// The slot indices of node `index`'s ports.
    pub(crate) fn slot_range(&self, index: usize) -> std::ops::Range<usize> {
        let start = self.port_start.get(index).copied().unwrap_or(0);
        let end = self.port_start.get(index + 1).copied().unwrap_or(start);
        start..end
    }

    /// The slots (of other nodes, or its own) whose edges lead into node `index`.
    pub(crate) fn preds_of(&self, index: usize) -> &[usize] {
        let start = self.pred_start.get(index).copied().unwrap_or(0);
        let end = self.pred_start.get(index + 1).copied().unwrap_or(start);
        self.preds.get(start..end).unwrap_or(&[])
    }

    /// The variables node `index` reads.
    pub(crate) fn reads_of(&self, index: usize) -> &[Read<'a>] {
        let start = self.read_start.get(index).copied().unwrap_or(0);
        let end = self.read_start.get(index + 1).copied().unwrap_or(start);
        self.reads.get(start..end).unwrap_or(&[])
    }

    /// The nodes node `index`'s ports lead to (graph edges only), in port order.
    pub(crate) fn successors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        self.slots
            .get(self.slot_range(index))
            .unwrap_or(&[])
            .iter()
            .filter_map(|slot| slot.target)
    }

    fn link_edges(&mut self) {
        for (edge_index, edge) in self.flow.edges.iter().enumerate() {
            let to = self.ids.get(edge.to.as_str()).copied();
            self.edge_to.push(to);
            let Some(from) = self.ids.get(edge.from.as_str()).copied() else {
                self.edges.push(EdgeStatus::UnknownFrom);
                continue;
            };
            let range = self.slot_range(from);
            let found = self
                .slots
                .get(range.clone())
                .and_then(|slots| slots.iter().position(|slot| slot.port == edge.port))
                .map(|offset| range.start + offset);
            let Some(slot_index) = found else {
                self.edges.push(EdgeStatus::UnknownPort { from });
                continue;
            };
            let into_entry = to.is_some_and(|to| {
                self.flow
                    .nodes
                    .get(to)
                    .is_some_and(|node| matches!(node.kind, NodeKind::Entry { .. }))
            });
            let Some(slot) = self.slots.get_mut(slot_index) else {
                continue;
            };
            if slot.edge.is_some() {
                self.edges.push(EdgeStatus::Reused {
                    from,
                    slot: slot_index,
                });
                continue;
            }
            slot.edge = Some(edge_index);
            slot.target = to.filter(|_| !into_entry);
            self.edges.push(EdgeStatus::Linked {
                from,
                slot: slot_index,
            });
        }
    }

    fn build_preds(&mut self) {
        let count = self.flow.nodes.len();
        let mut counts = vec![0_usize; count + 1];
        for slot in &self.slots {
            if let Some(target) = slot.target
                && let Some(counter) = counts.get_mut(target + 1)
            {
                *counter += 1;
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut fill = counts.clone();
        let mut preds = vec![0; counts.last().copied().unwrap_or(0)];
        for (slot_index, slot) in self.slots.iter().enumerate() {
            if let Some(target) = slot.target
                && let Some(at) = fill.get_mut(target)
                && let Some(place) = preds.get_mut(*at)
            {
                *place = slot_index;
                *at += 1;
            }
        }
        self.pred_start = counts;
        self.preds = preds;
    }

    fn mark_reachable(&mut self) {
        let Some(entry) = self.entry else {
            return;
        };
        let mut stack = vec![entry];
        if let Some(flag) = self.reachable.get_mut(entry) {
            *flag = true;
        }
        while let Some(node) = stack.pop() {
            for slot in self.slot_range(node) {
                let Some(target) = self.slots.get(slot).and_then(|slot| slot.target) else {
                    continue;
                };
                if let Some(flag) = self.reachable.get_mut(target)
                    && !*flag
                {
                    *flag = true;
                    stack.push(target);
                }
            }
        }
    }

    fn collect_reads(&mut self) {
        let flow = self.flow;
        for (index, node) in flow.nodes.iter().enumerate() {
            self.read_start.push(self.reads.len());
            match node.kind {
                NodeKind::Request { .. } => self.has_request = true,
                NodeKind::LiveChat { .. } => self.has_live_chat = true,
                _ => {}
            }
            for (position, field) in node.kind.template_fields().into_iter().enumerate() {
                if !field.text.contains("{{") && !field.text.contains("<?") {
                    continue;
                }
                for part in parse_parts(field.text) {
                    match part {
                        Part::Var { name, .. } => self.reads.push(Read {
                            node: index,
                            place: Place::Template { field, position },
                            name,
                        }),
                        Part::Broken(_) => {
                            if self.broken.last() != Some(&(index, field)) {
                                self.broken.push((index, field));
                            }
                        }
                        Part::Text(_) => {}
                    }
                }
            }
            if let NodeKind::Condition { cases } = &node.kind {
                for (case_index, case) in cases.iter().enumerate() {
                    for (rule_index, rule) in case.rules.iter().enumerate() {
                        let name = rule.var.trim();
                        if name.is_empty() {
                            continue;
                        }
                        self.reads.push(Read {
                            node: index,
                            place: Place::RuleVar {
                                case: case_index,
                                rule: rule_index,
                            },
                            name: name.to_owned(),
                        });
                    }
                }
            }
        }
        self.read_start.push(self.reads.len());
    }
}

/// One slot per output port of `kind`, in drawing order (a Condition: its cases, then `else`).
fn push_slots<'a>(node: usize, kind: &'a NodeKind, slots: &mut Vec<Slot<'a>>) {
    let start = slots.len();
    let push = |port: &'a str, slots: &mut Vec<Slot<'a>>| {
        let is_repeat = slots
            .get(start..)
            .is_some_and(|mine| mine.iter().any(|slot| slot.port == port));
        slots.push(Slot {
            node,
            port,
            edge: None,
            target: None,
            is_repeat,
        });
    };
    match kind {
        NodeKind::Condition { cases } => {
            for case in cases {
                push(case.port.as_str(), slots);
            }
            push(ELSE_PORT, slots);
        }
        other => {
            for port in other.fixed_ports() {
                push(port, slots);
            }
        }
    }
}
