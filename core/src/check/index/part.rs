//! One pass over a range of nodes, reading each node once while its data is in cache: its kind,
//! ports, the names its templates and rules read, what it sets on each port, its broken
//! templates and the call it makes (a Request). What it learns is compact and numbered (names by
//! number, ports as slots), so that everything after it runs on small arrays instead of the
//! flow's scattered strings. (The ids are read apart, in `ids`.)
//!
//! A range, not the whole flow: a big flow is read in ranges by two threads, and
//! `FlowIndex::build` joins the parts in order.

use std::ops::Range;

use rustc_hash::FxHashSet;

use crate::flow::{Flow, KindTag, Method, Node, NodeKind};
use crate::template::{PartRef, has_opening_mark, scan_parts};

use crate::check::is_blank;

use super::names::Names;
use super::template_fields;
use super::{Place, Read};

/// What one pass over a range of nodes learned. Node numbers are the flow's; slot and name
/// numbers are the part's own until `FlowIndex::build` joins the parts.
pub(crate) struct Part<'a> {
    /// The nodes read.
    pub(super) nodes: Range<usize>,
    pub(super) kinds: Vec<KindTag>,
    /// Per node: the part's first slot of its ports (relative to the part).
    pub(super) port_start: Vec<u32>,
    /// Per slot: its node.
    pub(super) slot_node: Vec<u32>,
    pub(super) names: Names,
    pub(super) reads: Vec<Read>,
    /// Per slot: the start of what it sets in `slot_sets` (relative to the part).
    pub(super) slot_set_start: Vec<u32>,
    pub(super) slot_sets: Vec<u32>,
    /// (node, position in `template_fields`) of each field with a broken opening mark.
    pub(super) broken: Vec<(u32, u32)>,
    /// The distinct (method, url) of the range's Requests.
    pub(super) requests: Vec<(Method, &'a str)>,
    /// A node's set names, kept to save an allocation per node.
    scratch: Vec<u32>,
}

/// Numbers are `u32` in the index: a flow has far fewer than 4 billion nodes, slots or names.
pub(crate) fn number(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

impl<'a> Part<'a> {
    /// Reads nodes `nodes` of `flow`, calling `visit` on each one right after (so that other
    /// checks of the node find its data in cache).
    pub(crate) fn scan(
        flow: &'a Flow,
        nodes: Range<usize>,
        visit: &mut impl FnMut(usize, &'a Node),
    ) -> Self {
        let count = nodes.len();
        let mut part = Part {
            nodes: nodes.clone(),
            kinds: Vec::with_capacity(count),
            port_start: Vec::with_capacity(count),
            slot_node: Vec::with_capacity(count * 3),
            // Big flows read a few names per segment of about ten nodes.
            names: Names::with_capacity(count / 2),
            reads: Vec::with_capacity(count * 2),
            slot_set_start: Vec::with_capacity(count * 3),
            slot_sets: Vec::with_capacity(count),
            broken: Vec::new(),
            requests: Vec::new(),
            scratch: Vec::new(),
        };
        let mut calls = FxHashSet::default();
        for (index, node) in flow.nodes.get(nodes).unwrap_or(&[]).iter().enumerate() {
            let index = part.nodes.start + index;
            part.kinds.push(node.kind.tag());
            part.port_start.push(number(part.slot_node.len()));
            let ports = match &node.kind {
                NodeKind::Condition { cases } => cases.len() + 1,
                kind => kind.fixed_ports().len(),
            };
            part.slot_node
                .extend(std::iter::repeat_n(number(index), ports));
            part.add_reads(index, &node.kind);
            part.add_sets(&node.kind, ports);
            if let NodeKind::Request { method, url, .. } = &node.kind
                && calls.insert((*method, url.as_str()))
            {
                part.requests.push((*method, url.as_str()));
            }
            visit(index, node);
        }
        part
    }

    /// The names read by the node's templates (in form order), then by its rules' variables.
    fn add_reads(&mut self, index: usize, kind: &'a NodeKind) {
        let node = number(index);
        let mut position = 0;
        template_fields::for_each(kind, |field| {
            let place = Place::Template { position };
            if has_opening_mark(field.text) {
                let mut is_broken = false;
                scan_parts(field.text, |part| match part {
                    PartRef::Var { name, .. } => self.reads.push(Read {
                        node,
                        place,
                        name_id: self.names.read(name),
                    }),
                    PartRef::Broken(_) => is_broken = true,
                    PartRef::Text(_) => {}
                });
                if is_broken {
                    self.broken.push((node, position));
                }
            }
            position += 1;
        });
        if let NodeKind::Condition { cases } = kind {
            for (case_index, case) in cases.iter().enumerate() {
                for (rule_index, rule) in case.rules.iter().enumerate() {
                    let name = rule.var.trim();
                    if name.is_empty() {
                        continue;
                    }
                    self.reads.push(Read {
                        node,
                        place: Place::RuleVar {
                            case: number(case_index),
                            rule: number(rule_index),
                        },
                        name_id: self.names.read(name),
                    });
                }
            }
        }
    }

    /// What each port of the node sets, as `NodeKind::variables_set_on` says: an Ask's `save_as`
    /// only on `answered`, a Request's `save` only on `ok` (`http.*` on both), everything else on
    /// every port. Empty names are left out, as `variables_set` leaves them out.
    fn add_sets(&mut self, kind: &NodeKind, ports: usize) {
        let mut sets = std::mem::take(&mut self.scratch);
        sets.clear();
        let mut push = |name: &str| {
            if !is_blank(name) {
                sets.push(self.names.set(name));
            }
        };
        match kind {
            NodeKind::Ask { save_as, .. } => push(save_as),
            NodeKind::Request { save, .. } => {
                // First, so that `sets[..2]` is what every port sets.
                push("http.status");
                push("http.body");
                save.keys().for_each(|name| push(name));
            }
            NodeKind::SetVariable { set } => set.keys().for_each(|name| push(name)),
            NodeKind::LiveChat {
                result_variable, ..
            } => {
                push("live_chat.status");
                push(result_variable);
            }
            _ => {}
        }
        // Only an Ask's and a Request's ports differ in what they set (their ports are fixed).
        let port_names = match kind {
            NodeKind::Ask { .. } | NodeKind::Request { .. } => kind.fixed_ports(),
            _ => &[],
        };
        for at in 0..ports {
            self.slot_set_start.push(number(self.slot_sets.len()));
            let port = port_names.get(at).copied().unwrap_or("");
            let on_port = match kind {
                NodeKind::Ask { .. } if port != "answered" => &[],
                NodeKind::Request { .. } if port != "ok" => sets.get(..2).unwrap_or(&[]),
                _ => sets.as_slice(),
            };
            self.slot_sets.extend_from_slice(on_port);
        }
        self.scratch = sets;
    }
}
