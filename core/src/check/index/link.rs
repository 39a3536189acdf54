//! The graph: each edge resolved to the slot it leaves and the node it reaches (once, by
//! number), the slots into each node, and what the Entry reaches.

use crate::flow::{ELSE_PORT, Flow, NodeKind};

use super::ids::NodeIds;
use super::part::number;
use super::{EdgeProblem, EdgeStatus, FlowIndex, NONE};

/// What one edge names, by number (`NONE`: no such node, or no such port).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resolved {
    from: u32,
    /// Its port's place among the ports of `from`.
    port: u32,
    to: u32,
}

/// Resolves every edge: the node it leaves, its port's place among that node's ports, and the
/// node it reaches. Needs the ids and the nodes the edges leave, not the index: it runs beside
/// the pass over the nodes.
pub(crate) fn resolve(flow: &Flow, ids: &NodeIds) -> Vec<Resolved> {
    let mut resolved = Vec::with_capacity(flow.edges.len());
    // Files list a node's edges together: the last `from` is usually the next one's too.
    let mut last_from: Option<(&str, Option<usize>)> = None;
    for edge in &flow.edges {
        let from = match last_from {
            Some((name, from)) if name == edge.from => from,
            _ => ids.node_index(&edge.from),
        };
        last_from = Some((edge.from.as_str(), from));
        let port = from
            .and_then(|from| flow.nodes.get(from))
            .and_then(|node| port_offset(&node.kind, &edge.port));
        let number_or_none = |value: Option<usize>| value.map_or(NONE, number);
        resolved.push(Resolved {
            from: number_or_none(from),
            port: number_or_none(port),
            to: number_or_none(ids.node_index(&edge.to)),
        });
    }
    resolved
}

/// The place of the port named `port` among the ports of `kind` (the first, when a Condition
/// repeats a port).
pub(super) fn port_offset(kind: &NodeKind, port: &str) -> Option<usize> {
    match kind {
        NodeKind::Condition { cases } => cases
            .iter()
            .position(|case| case.port == port)
            .or_else(|| (port == ELSE_PORT).then_some(cases.len())),
        other => other.fixed_ports().iter().position(|fixed| *fixed == port),
    }
}

/// Links the resolved edges, in file order: the first edge leaving a port is the port's, and
/// leads to its `to` node in the graph unless that is an Entry. Edges with something to report
/// are listed.
pub(super) fn link_edges(index: &mut FlowIndex<'_>, resolved: &[Resolved]) {
    for (edge, resolved) in resolved.iter().enumerate() {
        let to = (resolved.to != NONE).then_some(resolved.to as usize);
        let from = resolved.from as usize;
        let slot = index.slot_range(from).start + resolved.port as usize;
        let status = if resolved.from == NONE {
            EdgeStatus::UnknownFrom
        } else if resolved.port == NONE {
            EdgeStatus::UnknownPort { from }
        } else if index.edge_of(slot).is_some() {
            EdgeStatus::Reused { from, slot }
        } else {
            link(index, edge, slot, to);
            EdgeStatus::Linked { from, slot }
        };
        let into_entry = to.is_some_and(|to| index.is_entry(to));
        if !matches!(status, EdgeStatus::Linked { .. }) || to.is_none() || into_entry {
            index.edge_problems.push(EdgeProblem { edge, status, to });
        }
    }
}

/// Makes edge `edge` the one of slot `slot`, leading to `to` unless that is an Entry.
fn link(index: &mut FlowIndex<'_>, edge: usize, slot: usize, to: Option<usize>) {
    let target = to.filter(|&to| !index.is_entry(to));
    if let Some(first) = index.slot_edge.get_mut(slot) {
        *first = number(edge);
    }
    if let (Some(to), Some(place)) = (target, index.targets.get_mut(slot)) {
        *place = number(to);
    }
}

/// The slots into each node, grouped by node (counted, then placed).
pub(super) fn build_preds(index: &mut FlowIndex<'_>) {
    let count = index.kinds.len();
    let mut starts = vec![0_u32; count + 1];
    for &target in &index.targets {
        if target != NONE
            && let Some(counter) = starts.get_mut(target as usize + 1)
        {
            *counter += 1;
        }
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut fill = starts.clone();
    let mut preds = vec![0; starts.last().map_or(0, |&last| last as usize)];
    for (slot, &target) in index.targets.iter().enumerate() {
        if target != NONE
            && let Some(at) = fill.get_mut(target as usize)
            && let Some(place) = preds.get_mut(*at as usize)
        {
            *place = slot;
            *at += 1;
        }
    }
    index.pred_start = starts;
    index.preds = preds;
}

pub(super) fn mark_reachable(index: &mut FlowIndex<'_>) {
    let Some(entry) = index.entry else {
        return;
    };
    let mut stack = vec![entry];
    if let Some(flag) = index.reachable.get_mut(entry) {
        *flag = true;
    }
    while let Some(node) = stack.pop() {
        for slot in index.slot_range(node) {
            let Some(target) = index.target(slot) else {
                continue;
            };
            if let Some(flag) = index.reachable.get_mut(target)
                && !*flag
            {
                *flag = true;
                stack.push(target);
            }
        }
    }
}
