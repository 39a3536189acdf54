//! `unknown-node`, `unknown-port`, `port-reused` and `entry-has-input`: each edge leaves an
//! existing node by one of its ports, alone on that port, for an existing node other than an
//! Entry.
//!
//! - Why: a run follows the first edge of the port it leaves by. An edge to a node that does not
//!   exist ends the run `Error`; an edge from a port the kind lacks, or a second edge on a port,
//!   is never taken; an edge into an Entry restarts the conversation's greeting (the checks
//!   follow it, as a run does, but it is almost always a mistake).
//! - Example: `(from: "consulta", port: "sucesso", to: "fim")` on a Request, whose ports are
//!   `ok` and `error`.
//! - Mend: connect the port to an existing node; move the edge to a real port; delete the extra
//!   edge; to start over, connect to the node after the Entry.

use std::collections::HashMap;

use crate::check::finding::{Arg, Args, Code, Names, Severity};
use crate::check::flow_index::{EdgeStatus, FlowIndex};
use crate::check::sink::Sink;
use crate::flow::NodeKind;

/// Ports listed in an `unknown-port` finding.
const PORTS_SHOWN: usize = 12;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let flow = index.flow;
    // Each node's ports as listed, once per node however many edges name a wrong port.
    let mut ports_of: HashMap<usize, Names> = HashMap::new();
    for (i, (edge, status)) in flow.edges.iter().zip(&index.edges).enumerate() {
        let from = match *status {
            EdgeStatus::UnknownFrom => {
                sink.flow(
                    Severity::Error,
                    Code::UnknownNode,
                    Some(format!("edges[{i}]")),
                    "from",
                    Args::new().text("from", &edge.from),
                );
                continue;
            }
            EdgeStatus::UnknownPort { from } => {
                let kind = flow.nodes.get(from).map(|node| &node.kind);
                let ports = ports_of
                    .entry(from)
                    .or_insert_with(|| {
                        let ports = kind.map(NodeKind::ports).unwrap_or_default();
                        Names::new(ports.iter().copied(), PORTS_SHOWN)
                    })
                    .clone();
                let mut args = Args::new().text("port", &edge.port);
                if let Some(kind) = kind {
                    args = args.kind("kind", kind.tag());
                }
                let variant = if ports.shown.is_empty() {
                    "no-ports"
                } else {
                    args = args.with("ports", Arg::List(ports));
                    ""
                };
                sink.node(
                    from,
                    Severity::Error,
                    Code::UnknownPort,
                    Some(edge.port.clone()),
                    variant,
                    args,
                );
                continue;
            }
            EdgeStatus::Reused { from, slot } => {
                let first = index
                    .slot(slot)
                    .and_then(|slot| slot.edge)
                    .and_then(|edge| flow.edges.get(edge))
                    .map_or("", |edge| edge.to.as_str());
                sink.node(
                    from,
                    Severity::Error,
                    Code::PortReused,
                    Some(edge.port.clone()),
                    "",
                    Args::new()
                        .text("port", &edge.port)
                        .text("first", first)
                        .text("second", &edge.to),
                );
                from
            }
            EdgeStatus::Linked { from } => from,
        };
        match index.edge_to.get(i).copied().flatten() {
            None => sink.node(
                from,
                Severity::Error,
                Code::UnknownNode,
                Some(edge.port.clone()),
                "",
                Args::new().text("port", &edge.port).text("to", &edge.to),
            ),
            Some(to) => {
                if flow
                    .nodes
                    .get(to)
                    .is_some_and(|node| matches!(node.kind, NodeKind::Entry { .. }))
                {
                    sink.node(
                        to,
                        Severity::Error,
                        Code::EntryHasInput,
                        None,
                        "",
                        Args::new()
                            .text("port", &edge.port)
                            .text("from", index.id(from)),
                    );
                }
            }
        }
    }
}
