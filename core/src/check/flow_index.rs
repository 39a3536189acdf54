//! The flow as the rules read it, built once per check: node ids to indices, every output port
//! with the edge that leaves it, predecessors, the nodes a run can reach, and every variable
//! read.
//!
//! The graph is the one a run walks (`sim::Program`): each port follows the first edge that
//! leaves it, to the first node with the edge's id, an Entry included (a run that reaches a
//! second Entry, or comes back to the first, executes it and goes on by its `next`). A node
//! whose id repeats an earlier one is not part of it.

use std::collections::HashMap;
use std::collections::hash_map::Entry as MapEntry;

use crate::flow::{ELSE_PORT, Flow, NodeKind, TemplateField};
use crate::template::{PartRef, has_opening_mark, scan_parts};

use super::names::{Name, classify};
use super::team_index::TeamIndex;

/// How one edge of `flow.edges` resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EdgeStatus {
    /// Leaves an existing node by one of its ports, and is the first edge to leave that port.
    Linked { from: usize },
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
    /// The node that edge leads to, when it exists: what a run follows.
    pub target: Option<usize>,
    /// A Condition port that repeats an earlier port of the same node: no edge can use it.
    pub is_repeat: bool,
}

/// Where inside a node a variable is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// The template field at this position in `NodeKind::template_fields` (for a SetVariable,
    /// the index of the entry in `set`).
    Template { position: usize },
    /// The `var` of a Condition rule.
    RuleVar { case: usize, rule: usize },
}

/// One name read by one field of a node (a field that reads a name many times reads it once
/// here: a finding is about the field, and a field of millions of references stays linear).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Read<'a> {
    pub node: usize,
    pub place: Place,
    pub name: &'a str,
    /// The name's number in `FlowIndex::names`.
    pub name_id: usize,
    /// The template field, for a read by a template.
    pub field: Option<TemplateField<'a>>,
}

impl Read<'_> {
    /// The field path a finding names (`text`, `set.nome`, `cases[0].rules[1].var`).
    pub(crate) fn path(&self) -> String {
        match (self.place, &self.field) {
            (Place::RuleVar { case, rule }, _) => format!("cases[{case}].rules[{rule}].var"),
            (Place::Template { .. }, Some(field)) => field.path(),
            (Place::Template { .. }, None) => String::new(),
        }
    }
}

/// The flow, indexed. See the module documentation.
pub(crate) struct FlowIndex<'a> {
    pub flow: &'a Flow,
    /// The first node with each id.
    ids: HashMap<&'a str, usize>,
    /// Whether each node is the first with its id (a later one with the same id is shadowed).
    first_of_id: Vec<bool>,
    /// The first Entry node: where every run starts.
    pub entry: Option<usize>,
    /// Slots of node `i` are `slots[port_start[i]..port_start[i + 1]]`.
    port_start: Vec<usize>,
    pub slots: Vec<Slot<'a>>,
    /// How each edge of `flow.edges` resolved.
    pub edges: Vec<EdgeStatus>,
    /// The node each edge's `to` names, if it exists.
    pub edge_to: Vec<Option<usize>>,
    /// The slots leading into each node.
    preds: Vec<Vec<usize>>,
    /// Whether a run can reach the node (all false without an Entry).
    pub reachable: Vec<bool>,
    /// Every read, node by node, in form order.
    pub reads: Vec<Read<'a>>,
    /// Every distinct name read, numbered (`Read::name_id`), and what each is.
    pub names: Names<'a>,
    /// For each name read, whether some node sets it.
    pub is_set: Vec<bool>,
    /// What each slot sets, as names read (by number).
    slot_sets: Vec<Vec<usize>>,
    /// Every name some node sets.
    set_names: std::collections::HashSet<&'a str>,
    /// Template fields with an opening mark that makes no reference.
    pub broken: Vec<(usize, TemplateField<'a>)>,
    /// The team's names, as sets.
    pub team: TeamIndex<'a>,
}

impl<'a> FlowIndex<'a> {
    pub(crate) fn new(flow: &'a Flow) -> Self {
        let count = flow.nodes.len();
        let mut ids = HashMap::with_capacity(count);
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
            preds: vec![Vec::new(); count],
            reachable: vec![false; count],
            reads: Vec::new(),
            names: Names::default(),
            is_set: Vec::new(),
            slot_sets: Vec::new(),
            set_names: std::collections::HashSet::new(),
            broken: Vec::new(),
            team: TeamIndex::new(&flow.team),
        };
        index.link_edges();
        index.mark_reachable();
        index.collect_reads();
        index.collect_sets();
        index
    }

    /// The node with this id (the first, when ids repeat).
    pub(crate) fn node_index(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// The id of node `index`.
    pub(crate) fn id(&self, index: usize) -> &'a str {
        self.flow
            .nodes
            .get(index)
            .map_or("", |node| node.id.as_str())
    }

    /// Whether node `index` is the one its id names (not a later node with a repeated id).
    pub(crate) fn is_first_of_id(&self, index: usize) -> bool {
        self.first_of_id.get(index).copied().unwrap_or(false)
    }

    /// Whether a run can reach node `index`.
    pub(crate) fn is_reachable(&self, index: usize) -> bool {
        self.reachable.get(index).copied().unwrap_or(false)
    }

    /// The slot indices of node `index`'s ports.
    pub(crate) fn slot_range(&self, index: usize) -> std::ops::Range<usize> {
        let start = self.port_start.get(index).copied().unwrap_or(0);
        let end = self.port_start.get(index + 1).copied().unwrap_or(start);
        start..end
    }

    /// The slot at `slot`.
    pub(crate) fn slot(&self, slot: usize) -> Option<&Slot<'a>> {
        self.slots.get(slot)
    }

    /// The slots (of other nodes, or its own) whose edges lead into node `index`.
    pub(crate) fn preds_of(&self, index: usize) -> &[usize] {
        self.preds.get(index).map_or(&[], Vec::as_slice)
    }

    /// The nodes node `index`'s ports lead to, in port order.
    pub(crate) fn successors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        self.slots
            .get(self.slot_range(index))
            .unwrap_or(&[])
            .iter()
            .filter_map(|slot| slot.target)
    }

    /// Whether some node of the flow sets `name`.
    pub(crate) fn is_set_anywhere(&self, name: &str) -> bool {
        self.set_names.contains(name)
    }

    /// The names (by number) that slot `slot` sets, when some node reads them.
    pub(crate) fn sets_on(&self, slot: usize) -> &[usize] {
        self.slot_sets.get(slot).map_or(&[], Vec::as_slice)
    }

    fn link_edges(&mut self) {
        // The first slot of each (node, port): a Condition of many cases stays linear.
        let mut by_port: HashMap<(usize, &str), usize> = HashMap::with_capacity(self.slots.len());
        for (index, slot) in self.slots.iter().enumerate() {
            by_port.entry((slot.node, slot.port)).or_insert(index);
        }
        for (edge_index, edge) in self.flow.edges.iter().enumerate() {
            let to = self.ids.get(edge.to.as_str()).copied();
            self.edge_to.push(to);
            let Some(from) = self.ids.get(edge.from.as_str()).copied() else {
                self.edges.push(EdgeStatus::UnknownFrom);
                continue;
            };
            let Some(&slot_index) = by_port.get(&(from, edge.port.as_str())) else {
                self.edges.push(EdgeStatus::UnknownPort { from });
                continue;
            };
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
            slot.target = to;
            if let Some(preds) = to.and_then(|to| self.preds.get_mut(to)) {
                preds.push(slot_index);
            }
            self.edges.push(EdgeStatus::Linked { from });
        }
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
        let mut in_field: Vec<&'a str> = Vec::new();
        for (index, node) in flow.nodes.iter().enumerate() {
            for (position, field) in node.kind.template_fields().into_iter().enumerate() {
                if !has_opening_mark(field.text) {
                    continue;
                }
                in_field.clear();
                let mut is_broken = false;
                scan_parts(field.text, |part| match part {
                    PartRef::Var { name, .. } => in_field.push(name),
                    PartRef::Broken(_) => is_broken = true,
                    PartRef::Text(_) => {}
                });
                if is_broken {
                    self.broken.push((index, field));
                }
                // Each name once per field, in the order first read.
                let mut seen = std::collections::HashSet::with_capacity(in_field.len().min(64));
                for &name in &in_field {
                    if seen.insert(name) {
                        let name_id = self.names.number(name);
                        self.reads.push(Read {
                            node: index,
                            place: Place::Template { position },
                            name,
                            name_id,
                            field: Some(field),
                        });
                    }
                }
            }
            if let NodeKind::Condition { cases } = &node.kind {
                for (case, rules) in cases.iter().enumerate() {
                    for (rule, item) in rules.rules.iter().enumerate() {
                        let name = item.var.trim();
                        if name.is_empty() {
                            continue;
                        }
                        let name_id = self.names.number(name);
                        self.reads.push(Read {
                            node: index,
                            place: Place::RuleVar { case, rule },
                            name,
                            name_id,
                            field: None,
                        });
                    }
                }
            }
        }
    }

    /// What each port sets (`slot_sets`) and which names read are set anywhere (`is_set`).
    fn collect_sets(&mut self) {
        self.is_set = vec![false; self.names.len()];
        self.slot_sets = vec![Vec::new(); self.slots.len()];
        for (index, node) in self.flow.nodes.iter().enumerate() {
            for name in node.kind.variables_set() {
                self.set_names.insert(name);
                if let Some(id) = self.names.id(name)
                    && let Some(flag) = self.is_set.get_mut(id)
                {
                    *flag = true;
                }
            }
            for slot in self.slot_range(index) {
                let port = self.slots.get(slot).map_or("", |slot| slot.port);
                let sets: Vec<usize> = node
                    .kind
                    .variables_set_on(port)
                    .into_iter()
                    .filter_map(|name| self.names.id(name))
                    .collect();
                if let Some(place) = self.slot_sets.get_mut(slot) {
                    *place = sets;
                }
            }
        }
    }
}

/// The distinct names read by a flow, numbered in the order they are first read, with what each
/// one is.
#[derive(Default)]
pub(crate) struct Names<'a> {
    ids: HashMap<&'a str, usize>,
    kinds: Vec<Name<'a>>,
}

impl<'a> Names<'a> {
    /// The name's number, numbering it if it is new.
    fn number(&mut self, name: &'a str) -> usize {
        let next = self.kinds.len();
        *self.ids.entry(name).or_insert_with(|| {
            self.kinds.push(classify(name));
            next
        })
    }

    pub(crate) fn id(&self, name: &str) -> Option<usize> {
        self.ids.get(name).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.kinds.len()
    }

    /// What name number `id` is.
    pub(crate) fn kind(&self, id: usize) -> Name<'a> {
        self.kinds.get(id).copied().unwrap_or(Name::Unknown)
    }
}

/// One slot per output port of `kind`, in drawing order (a Condition: its cases, then `else`).
fn push_slots<'a>(node: usize, kind: &'a NodeKind, slots: &mut Vec<Slot<'a>>) {
    let slot = |port: &'a str, is_repeat: bool| Slot {
        node,
        port,
        edge: None,
        target: None,
        is_repeat,
    };
    match kind {
        NodeKind::Condition { cases } => {
            // Only a Condition's ports can repeat (two cases with one port, or a case named else).
            let mut seen = std::collections::HashSet::with_capacity(cases.len() + 1);
            for port in cases
                .iter()
                .map(|case| case.port.as_str())
                .chain([ELSE_PORT])
            {
                let is_repeat = !seen.insert(port);
                slots.push(slot(port, is_repeat));
            }
        }
        other => {
            for port in other.fixed_ports() {
                slots.push(slot(port, false));
            }
        }
    }
}
