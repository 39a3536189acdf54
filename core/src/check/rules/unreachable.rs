//! `unreachable`: a node no run can reach.
//!
//! - Why: a node no path from the Entry leads to never runs, which is usually a wire left out.
//!   The path follows what a run does (`flow_index`): an edge into a second Entry, or back into
//!   the first, is followed, so the nodes after it are reached.
//! - Example: a Message that no port leads to.
//! - Mend: connect a port to it, or delete it.
//!
//! Not reported without an Entry (`missing-entry` says it), nor on an Entry, nor on a node whose
//! id repeats an earlier one (`duplicate-id`).

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;
use crate::flow::NodeKind;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let Some(entry) = index.entry else {
        return;
    };
    for (i, node) in index.flow.nodes.iter().enumerate() {
        if index.is_reachable(i)
            || matches!(node.kind, NodeKind::Entry { .. })
            || !index.is_first_of_id(i)
        {
            continue;
        }
        sink.node(
            i,
            Severity::Warning,
            Code::Unreachable,
            None,
            "",
            Args::new().text("entry", index.id(entry)),
        );
    }
}
