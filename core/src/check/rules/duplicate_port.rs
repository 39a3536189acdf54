//! `duplicate-port`: a Condition case leaves by a port an earlier case already has, or by `else`.
//!
//! - Why: an edge names its port; two cases with one port cannot be told apart, so the later
//!   case's edge can never be drawn, and `else` is the port taken when no case holds.
//! - Example: `cases: [(port: "sim", ...), (port: "sim", ...)]`.
//! - Mend: give each case its own port.

use std::collections::HashSet;

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;
use crate::flow::{ELSE_PORT, NodeKind};

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for (i, node) in index.flow.nodes.iter().enumerate() {
        let NodeKind::Condition { cases } = &node.kind else {
            continue;
        };
        let mut seen = HashSet::with_capacity(cases.len());
        for (c, case) in cases.iter().enumerate() {
            let is_new = seen.insert(case.port.as_str());
            if case.port.trim().is_empty() {
                continue;
            }
            let (variant, args) = if case.port == ELSE_PORT {
                ("else", Args::new())
            } else if !is_new {
                ("", Args::new().text("port", &case.port))
            } else {
                continue;
            };
            sink.node(
                i,
                Severity::Error,
                Code::DuplicatePort,
                Some(format!("cases[{c}].port")),
                variant,
                args,
            );
        }
    }
}
