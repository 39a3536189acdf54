//! `invalid-id` and `duplicate-id`: every node has its own id, of letters, digits, `_` and `-`.
//!
//! - Why: edges and scenarios name nodes by id. An id with other characters cannot be written
//!   in every place that names it; a repeated id makes edges and scenarios reach only the first
//!   node that has it.
//! - Example: `minha etapa!`, or two nodes called `fim`.
//! - Mend: rename the node (`minha_etapa`, `fim_2`).

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;
use crate::flow::is_valid_id;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for (i, node) in index.flow.nodes.iter().enumerate() {
        if !is_valid_id(&node.id) {
            let (variant, args) = if node.id.is_empty() {
                ("empty", Args::new())
            } else {
                (
                    "",
                    Args::new()
                        .text("id", &node.id)
                        .text("example", suggest_id(&node.id)),
                )
            };
            sink.node(
                i,
                Severity::Error,
                Code::InvalidId,
                Some("id".into()),
                variant,
                args,
            );
        }
        if !index.is_first_of_id(i) {
            sink.node(
                i,
                Severity::Error,
                Code::DuplicateId,
                Some("id".into()),
                "",
                Args::new().text("id", &node.id),
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
