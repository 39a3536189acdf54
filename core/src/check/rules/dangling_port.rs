//! `dangling-port`: an output port with no edge. A warning, an error on the Entry.
//!
//! - Why: a run that leaves by a port with no edge stops there (`DeadEnd`); an Entry whose
//!   `next` leads nowhere stops every run at once.
//! - Example: a Request whose `error` port is not connected.
//! - Mend: connect the port, for example to an End or a Queue.

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;
use crate::flow::NodeKind;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for slot in &index.slots {
        if slot.edge.is_some()
            || slot.is_repeat
            || slot.port.trim().is_empty()
            || !index.is_first_of_id(slot.node)
        {
            continue;
        }
        let Some(node) = index.flow.nodes.get(slot.node) else {
            continue;
        };
        let (severity, variant) = if matches!(node.kind, NodeKind::Entry { .. }) {
            (Severity::Error, "entry")
        } else {
            (Severity::Warning, "")
        };
        sink.node(
            slot.node,
            severity,
            Code::DanglingPort,
            Some(slot.port.to_owned()),
            variant,
            Args::new().text("port", slot.port),
        );
    }
}
