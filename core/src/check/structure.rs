//! The graph's shape: one Entry, unique and valid ids, edges that name existing nodes and ports,
//! one edge per port, nothing into the Entry, no port left open, nothing out of reach.

use crate::flow::NodeKind;

use super::index::{EdgeStatus, FlowIndex};
use super::{Code, Severity, Sink, is_blank, quote_list};

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
    for i in (entry + 1..index.kinds.len()).filter(|&i| index.is_entry(i)) {
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

fn ids(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let nodes = &index.flow.nodes;
    for (i, node) in index
        .ids
        .bad_ids
        .iter()
        .filter_map(|&i| Some((i as usize, nodes.get(i as usize)?)))
    {
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
    let shadowed = (0..nodes.len()).filter(|&i| !index.is_first_of_id(i));
    for (i, node) in shadowed.filter_map(|i| Some((i, nodes.get(i)?))) {
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

/// Edge findings: the index lists the edges with something to report.
fn edges(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let flow = index.flow;
    for problem in &index.edge_problems {
        let i = problem.edge;
        let Some(edge) = flow.edges.get(i) else {
            continue;
        };
        let from = match problem.status {
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
                unknown_port(index, from, &edge.port, sink);
                continue;
            }
            EdgeStatus::Reused { from, slot } => {
                let first = index
                    .edge_of(slot)
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
        match problem.to {
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
            Some(to) if index.is_entry(to) => {
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
            Some(_) => {}
        }
    }
}

fn unknown_port(index: &FlowIndex<'_>, from: usize, port: &str, sink: &mut Sink<'_>) {
    let kind = index.flow.nodes.get(from).map(|node| &node.kind);
    let ports = kind.map(NodeKind::ports).unwrap_or_default();
    let kind_name = kind.map_or("", |kind| kind.tag().as_str());
    let message = if ports.is_empty() {
        format!(
            "{} {kind_name} has no output ports, so no edge can leave it by `{port}`: delete the edge",
            super::text::article(kind_name)
        )
    } else {
        format!(
            "this {kind_name} has no port `{port}`: its ports are {}; move the edge to one of them",
            quote_list(ports.iter().copied(), 12)
        )
    };
    sink.node(
        from,
        Severity::Error,
        Code::UnknownPort,
        Some(port.to_owned()),
        message,
    );
}

fn dangling(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for slot in (0..index.slot_count()).filter(|&slot| index.edge_of(slot).is_none()) {
        let node = index.node_of(slot);
        if !index.is_first_of_id(node) || index.is_repeat(slot) {
            continue;
        }
        let port = index.port(slot);
        if is_blank(port) {
            continue;
        }
        if index.is_entry(node) {
            sink.node(
                node,
                Severity::Error,
                Code::DanglingPort,
                Some(port.to_owned()),
                "the Entry's `next` port leads nowhere, so every run stops at once: connect it to the first step of the flow"
                    .into(),
            );
        } else {
            sink.node(
                node,
                Severity::Warning,
                Code::DanglingPort,
                Some(port.to_owned()),
                format!(
                    "the port `{port}` leads nowhere: a run that leaves by it stops here (DeadEnd); connect it, for example to an End or a Queue"
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
    for i in 0..index.kinds.len() {
        if index.is_reachable(i) || index.is_entry(i) || !index.is_first_of_id(i) {
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

#[cfg(test)]
mod tests;
