//! `missing-entry` and `duplicate-entry`: a flow has exactly one Entry.
//!
//! - Why: every run starts at the Entry. Without one nothing runs; with several, a run starts at
//!   the first in the file and the others only run when an edge leads into them.
//! - Example: a flow whose first node is a Message, or two `Entry()` nodes.
//! - Mend: add an Entry and connect its `next` port; delete the extra Entry, or turn it into
//!   another kind of node.

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;
use crate::flow::NodeKind;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let Some(entry) = index.entry else {
        sink.flow(Severity::Error, Code::MissingEntry, None, "", Args::new());
        return;
    };
    for (i, node) in index.flow.nodes.iter().enumerate().skip(entry + 1) {
        if matches!(node.kind, NodeKind::Entry { .. }) {
            sink.node(
                i,
                Severity::Error,
                Code::DuplicateEntry,
                None,
                "",
                Args::new().text("entry", index.id(entry)),
            );
        }
    }
}
