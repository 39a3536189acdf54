//! The graph's shape: one Entry, unique and valid ids, edges that name existing nodes and ports,
//! one edge per port, nothing into the Entry, no port left open, nothing out of reach.

use crate::flow::{NodeKind, is_valid_id};

use super::index::{EdgeStatus, FlowIndex};
use super::{Code, Severity, Sink, quote_list};

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    entries(index, sink);
    ids(index, sink);
    edges(index, sink);
    dangling(index, sink);
    unreachable(index, sink);
}

fn entries(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let Some(entry) = index.entry else {
        sink.flow(
            Severity::Error,
            Code::MissingEntry,
            None,
            "the flow has no Entry node: add one (every run starts there) and connect its `next` port"
                .into(),
        );
        return;
    };
    let entry_id = index
        .flow
        .nodes
        .get(entry)
        .map_or("", |node| node.id.as_str());
    for (i, node) in index.flow.nodes.iter().enumerate().skip(entry + 1) {
        if matches!(node.kind, NodeKind::Entry { .. }) {
            sink.node(
                i,
                Severity::Error,
                Code::DuplicateEntry,
                None,
                format!(
                    "a flow has exactly one Entry and `{entry_id}` is it: delete this one, or turn it into another kind of node"
                ),
            );
        }
    }
}

fn ids(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for (i, node) in index.flow.nodes.iter().enumerate() {
        if !is_valid_id(&node.id) {
            let message = if node.id.is_empty() {
                "the node has no id: give it one (letters, digits, `_` and `-`)".to_owned()
            } else {
                format!(
                    "the id `{}` may only have letters, digits, `_` and `-`: rename it (for example `{}`)",
                    node.id,
                    suggest_id(&node.id)
                )
            };
            sink.node(
                i,
                Severity::Error,
                Code::InvalidId,
                Some("id".into()),
                message,
            );
        }
        if !index.is_first_of_id(i) {
            sink.node(
                i,
                Severity::Error,
                Code::DuplicateId,
                Some("id".into()),
                format!(
                    "another node above already has the id `{}`: edges and scenarios reach only the first; give this one its own id",
                    node.id
                ),
            );
        }
    }
}

/// `minha etapa!` as `minha_etapa`.
fn suggest_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_alphanumeric() || c == '-' {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let trimmed = out.trim_matches('_');
    if trimmed.is_empty() {
        "no_1".to_owned()
    } else {
        trimmed.to_owned()
    }
}

fn edges(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let flow = index.flow;
    for (i, (edge, status)) in flow.edges.iter().zip(&index.edges).enumerate() {
        let from = match *status {
            EdgeStatus::UnknownFrom => {
                sink.flow(
                    Severity::Error,
                    Code::UnknownNode,
                    Some(format!("edges[{i}]")),
                    format!(
                        "an edge leaves `{}`, which is not a node of this flow: delete the edge or fix the name",
                        edge.from
                    ),
                );
                continue;
            }
            EdgeStatus::UnknownPort { from } => {
                let kind = flow.nodes.get(from).map(|node| &node.kind);
                let ports = kind.map(NodeKind::ports).unwrap_or_default();
                let kind_name = kind.map_or("", |kind| kind.tag().as_str());
                let message = if ports.is_empty() {
                    format!(
                        "{} {kind_name} has no output ports, so no edge can leave it by `{}`: delete the edge",
                        super::text::article(kind_name),
                        edge.port
                    )
                } else {
                    format!(
                        "this {kind_name} has no port `{}`: its ports are {}; move the edge to one of them",
                        edge.port,
                        quote_list(ports.iter().copied(), 12)
                    )
                };
                sink.node(
                    from,
                    Severity::Error,
                    Code::UnknownPort,
                    Some(edge.port.clone()),
                    message,
                );
                continue;
            }
            EdgeStatus::Reused { from, slot } => {
                let first = index
                    .slots
                    .get(slot)
                    .and_then(|slot| slot.edge)
                    .and_then(|edge| flow.edges.get(edge))
                    .map_or("", |edge| edge.to.as_str());
                sink.node(
                    from,
                    Severity::Error,
                    Code::PortReused,
                    Some(edge.port.clone()),
                    format!(
                        "the port `{}` already leads to `{first}`; this second edge to `{}` is never taken: an output port has one edge, so delete one of them",
                        edge.port, edge.to
                    ),
                );
                from
            }
            EdgeStatus::Linked { from, .. } => from,
        };
        match index.edge_to.get(i).copied().flatten() {
            None => sink.node(
                from,
                Severity::Error,
                Code::UnknownNode,
                Some(edge.port.clone()),
                format!(
                    "the port `{}` leads to `{}`, which is not a node of this flow: connect it to an existing node",
                    edge.port, edge.to
                ),
            ),
            Some(to) => {
                if flow
                    .nodes
                    .get(to)
                    .is_some_and(|node| matches!(node.kind, NodeKind::Entry { .. }))
                {
                    let from_id = flow.nodes.get(from).map_or("", |node| node.id.as_str());
                    sink.node(
                        to,
                        Severity::Error,
                        Code::EntryHasInput,
                        None,
                        format!(
                            "the port `{}` of `{from_id}` leads into this Entry, which takes no input: to start over, connect it to the node after the Entry",
                            edge.port
                        ),
                    );
                }
            }
        }
    }
}

fn dangling(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for slot in &index.slots {
        if slot.edge.is_some() || slot.is_repeat || slot.port.trim().is_empty() {
            continue;
        }
        if !index.is_first_of_id(slot.node) {
            continue;
        }
        let Some(node) = index.flow.nodes.get(slot.node) else {
            continue;
        };
        if matches!(node.kind, NodeKind::Entry { .. }) {
            sink.node(
                slot.node,
                Severity::Error,
                Code::DanglingPort,
                Some(slot.port.to_owned()),
                "the Entry's `next` port leads nowhere, so every run stops at once: connect it to the first step of the flow"
                    .into(),
            );
        } else {
            sink.node(
                slot.node,
                Severity::Warning,
                Code::DanglingPort,
                Some(slot.port.to_owned()),
                format!(
                    "the port `{}` leads nowhere: a run that leaves by it stops here (DeadEnd); connect it, for example to an End or a Queue",
                    slot.port
                ),
            );
        }
    }
}

fn unreachable(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let Some(entry) = index.entry else {
        return;
    };
    let entry_id = index
        .flow
        .nodes
        .get(entry)
        .map_or("", |node| node.id.as_str());
    for (i, node) in index.flow.nodes.iter().enumerate() {
        let is_reached = index.reachable.get(i).copied().unwrap_or(false);
        if is_reached || matches!(node.kind, NodeKind::Entry { .. }) || !index.is_first_of_id(i) {
            continue;
        }
        sink.node(
            i,
            Severity::Warning,
            Code::Unreachable,
            None,
            format!(
                "no path from the Entry `{entry_id}` reaches this node, so it never runs: connect a port to it, or delete it"
            ),
        );
    }
}
