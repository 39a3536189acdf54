//! The flow as the checks read it, built once per run: node ids to indices, every output port
//! with the edge that leaves it, predecessors, what the Entry reaches, and every variable read.
//!
//! Everything is indices into `flow.nodes` and flat arrays (one slot per output port, ports of a
//! node contiguous), so that the checks on a 10,000-node flow do no lookups by string in their
//! loops and allocate per flow, not per node.

use std::collections::hash_map::Entry as MapEntry;

use rustc_hash::FxHashMap;

use crate::flow::{ELSE_PORT, Flow, NodeKind, TemplateField};
use crate::template::{PartRef, has_opening_mark, scan_parts};

use super::variables::{Name, classify};

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
pub(crate) struct Read<'a> {
    pub node: u32,
    pub place: Place,
    pub name: &'a str,
    /// The name's number in `FlowIndex::names`.
    pub name_id: u32,
}

impl Read<'_> {
    /// The node's index in `flow.nodes`.
    pub(crate) fn node(&self) -> usize {
        self.node as usize
    }

    /// The field path a finding names (`text`, `set.nome`, `cases[0].rules[1].var`).
    pub(crate) fn path(&self, flow: &Flow) -> String {
        match self.place {
            Place::Template { position } => flow
                .nodes
                .get(self.node())
                .and_then(|node| {
                    node.kind
                        .template_fields()
                        .get(position as usize)
                        .map(TemplateField::path)
                })
                .unwrap_or_default(),
            Place::RuleVar { case, rule } => format!("cases[{case}].rules[{rule}].var"),
        }
    }
}

/// The flow, indexed. See the module documentation.
pub(crate) struct FlowIndex<'a> {
    pub flow: &'a Flow,
    /// The first node with each id.
    pub ids: FxHashMap<&'a str, usize>,
    /// Whether each node is the first with its id (a later one with the same id is shadowed).
    pub first_of_id: Vec<bool>,
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
    /// Every distinct name read, numbered (`Read::name_id`), and what each is.
    pub names: Names<'a>,
    /// For each name read, whether some node sets it.
    pub is_set: Vec<bool>,
    /// What each slot sets (names read, by number): `slot_sets[slot_set_start[s]..][..]`.
    slot_set_start: Vec<usize>,
    slot_sets: Vec<u32>,
    /// Template fields with an opening mark that makes no reference.
    pub broken: Vec<(usize, TemplateField<'a>)>,
}

impl<'a> FlowIndex<'a> {
    pub(crate) fn new(flow: &'a Flow) -> Self {
        let count = flow.nodes.len();
        let mut ids = FxHashMap::default();
        ids.reserve(count);
        let mut first_of_id = Vec::with_capacity(count);
        let mut entry = None;
        let mut port_start = Vec::with_capacity(count + 1);
        let mut slots = Vec::with_capacity(count * 2);
        for (index, node) in flow.nodes.iter().enumerate() {
            let is_first = match ids.entry(node.id.as_str()) {
                MapEntry::Vacant(vacant) => {
                    vacant.insert(index);
                    true
                }
                MapEntry::Occupied(_) => false,
            };
            first_of_id.push(is_first);
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
            first_of_id,
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
            names: Names::default(),
            is_set: Vec::new(),
            slot_set_start: Vec::new(),
            slot_sets: Vec::new(),
            broken: Vec::new(),
        };
        index.link_edges();
        index.build_preds();
        index.mark_reachable();
        index.collect_reads();
        index.collect_sets();
        index
    }

    /// The node with this id (the first, when ids repeat).
    pub(crate) fn node_index(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// Whether node `index` is the one its id names (not a later node with a repeated id).
    pub(crate) fn is_first_of_id(&self, index: usize) -> bool {
        self.first_of_id.get(index).copied().unwrap_or(false)
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

    /// The nodes node `index`'s ports lead to (graph edges only), in port order.
    pub(crate) fn successors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        self.slots
            .get(self.slot_range(index))
            .unwrap_or(&[])
            .iter()
            .filter_map(|slot| slot.target)
    }

    fn link_edges(&mut self) {
        let is_entry: Vec<bool> = self
            .flow
            .nodes
            .iter()
            .map(|node| matches!(node.kind, NodeKind::Entry { .. }))
            .collect();
        // Files list a node's edges together: the last `from` is usually the next one's too.
        let mut last_from: Option<(&str, usize)> = None;
        for (edge_index, edge) in self.flow.edges.iter().enumerate() {
            let to = self.ids.get(edge.to.as_str()).copied();
            self.edge_to.push(to);
            let from = match last_from {
                Some((name, from)) if name == edge.from => Some(from),
                _ => self.ids.get(edge.from.as_str()).copied(),
            };
            let Some(from) = from else {
                self.edges.push(EdgeStatus::UnknownFrom);
                continue;
            };
            last_from = Some((edge.from.as_str(), from));
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
            let into_entry = to.is_some_and(|to| is_entry.get(to).copied().unwrap_or(false));
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
            let node_number = u32::try_from(index).unwrap_or(u32::MAX);
            for (position, field) in node.kind.template_fields().into_iter().enumerate() {
                if !has_opening_mark(field.text) {
                    continue;
                }
                let (reads, broken, names) = (&mut self.reads, &mut self.broken, &mut self.names);
                let position = u32::try_from(position).unwrap_or(u32::MAX);
                scan_parts(field.text, |part| match part {
                    PartRef::Var { name, .. } => reads.push(Read {
                        node: node_number,
                        place: Place::Template { position },
                        name,
                        name_id: names.number(name),
                    }),
                    PartRef::Broken(_) => {
                        if broken.last() != Some(&(index, field)) {
                            broken.push((index, field));
                        }
                    }
                    PartRef::Text(_) => {}
                });
            }
            if let NodeKind::Condition { cases } = &node.kind {
                for (case_index, case) in cases.iter().enumerate() {
                    for (rule_index, rule) in case.rules.iter().enumerate() {
                        let name = rule.var.trim();
                        if name.is_empty() {
                            continue;
                        }
                        self.reads.push(Read {
                            node: node_number,
                            place: Place::RuleVar {
                                case: u32::try_from(case_index).unwrap_or(u32::MAX),
                                rule: u32::try_from(rule_index).unwrap_or(u32::MAX),
                            },
                            name,
                            name_id: self.names.number(name),
                        });
                    }
                }
            }
        }
        self.read_start.push(self.reads.len());
    }

    /// What each port sets (`slot_sets`) and which names read are set anywhere (`is_set`).
    ///
    /// Per node, `variables_set()` once; per port, `variables_set_on(port)` only for the kinds
    /// whose ports differ (Ask, Request): the others set the same on every port, as
    /// `variables_set_on` documents (a unit test holds it to that).
    fn collect_sets(&mut self) {
        let flow = self.flow;
        self.is_set = vec![false; self.names.len()];
        self.slot_set_start.reserve(self.slots.len() + 1);
        let mut node_sets: Vec<u32> = Vec::new();
        for (index, node) in flow.nodes.iter().enumerate() {
            let slots = self.slot_range(index);
            node_sets.clear();
            if matches!(
                node.kind,
                NodeKind::Ask { .. }
                    | NodeKind::Request { .. }
                    | NodeKind::SetVariable { .. }
                    | NodeKind::LiveChat { .. }
            ) {
                for name in node.kind.variables_set() {
                    if let Some(id) = self.names.id(name) {
                        node_sets.push(id);
                        if let Some(flag) = self.is_set.get_mut(id as usize) {
                            *flag = true;
                        }
                    }
                }
            }
            let differs_by_port =
                matches!(node.kind, NodeKind::Ask { .. } | NodeKind::Request { .. });
            for slot in slots {
                self.slot_set_start.push(self.slot_sets.len());
                if node_sets.is_empty() {
                    continue;
                }
                if !differs_by_port {
                    self.slot_sets.extend_from_slice(&node_sets);
                    continue;
                }
                let port = self.slots.get(slot).map_or("", |slot| slot.port);
                for name in node.kind.variables_set_on(port) {
                    if let Some(id) = self.names.id(name) {
                        self.slot_sets.push(id);
                    }
                }
            }
        }
        self.slot_set_start.push(self.slot_sets.len());
    }

    /// The names (by number) that slot `slot` sets, when some node reads them.
    pub(crate) fn sets_on(&self, slot: usize) -> &[u32] {
        let start = self.slot_set_start.get(slot).copied().unwrap_or(0);
        let end = self.slot_set_start.get(slot + 1).copied().unwrap_or(start);
        self.slot_sets.get(start..end).unwrap_or(&[])
    }
}

/// The distinct names read by a flow, numbered in the order they are first read, with what each
/// one is.
#[derive(Default)]
pub(crate) struct Names<'a> {
    ids: FxHashMap<&'a str, u32>,
    texts: Vec<&'a str>,
    kinds: Vec<Name<'a>>,
}

impl<'a> Names<'a> {
    /// The name's number, numbering it if it is new.
    fn number(&mut self, name: &'a str) -> u32 {
        let next = u32::try_from(self.texts.len()).unwrap_or(u32::MAX);
        *self.ids.entry(name).or_insert_with(|| {
            self.texts.push(name);
            self.kinds.push(classify(name));
            next
        })
    }

    pub(crate) fn id(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.texts.len()
    }

    /// What name number `id` is.
    pub(crate) fn kind(&self, id: u32) -> Name<'a> {
        self.kinds
            .get(id as usize)
            .copied()
            .unwrap_or(Name::Unknown)
    }
}

/// One slot per output port of `kind`, in drawing order (a Condition: its cases, then `else`).
fn push_slots<'a>(node: usize, kind: &'a NodeKind, slots: &mut Vec<Slot<'a>>) {
    let start = slots.len();
    let push = |port: &'a str, slots: &mut Vec<Slot<'a>>| {
        // Only a Condition's ports can repeat (two cases with one port, or a case named else).
        let is_repeat = matches!(kind, NodeKind::Condition { .. })
            && slots
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
