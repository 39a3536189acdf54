//! Where the rules put what they find, and the one order every finding comes out in.

use std::collections::HashSet;

use crate::flow::Flow;

use super::finding::{Args, Code, Finding, Severity};

/// Collects findings. Keeps the index of the node each finding is about, so that findings sort
/// by the node's place in the file even when two nodes share an id.
pub(crate) struct Sink<'a> {
    flow: &'a Flow,
    items: Vec<(Option<usize>, Finding)>,
}

impl<'a> Sink<'a> {
    pub(crate) fn new(flow: &'a Flow) -> Self {
        Self {
            flow,
            items: Vec::new(),
        }
    }

    /// A finding about the node at `index` in `flow.nodes`.
    pub(crate) fn node(
        &mut self,
        index: usize,
        severity: Severity,
        code: Code,
        field: Option<String>,
        variant: &'static str,
        args: Args,
    ) {
        let node = self.flow.nodes.get(index).map(|node| node.id.clone());
        let finding = Finding {
            severity,
            code,
            node,
            field,
            variant,
            args,
        };
        self.items.push((Some(index), finding));
    }

    /// A finding about the whole flow (`field` is then a path from the top of the file).
    pub(crate) fn flow(
        &mut self,
        severity: Severity,
        code: Code,
        field: Option<String>,
        variant: &'static str,
        args: Args,
    ) {
        let finding = Finding {
            severity,
            code,
            node: None,
            field,
            variant,
            args,
        };
        self.items.push((None, finding));
    }

    /// The findings: errors first, then the node's place in the file (findings about the whole
    /// flow first), then code (in [`Code::ALL`]'s order), field, wording and arguments. The same
    /// finding is never listed twice (two nodes sharing an id can give the very same one).
    pub(crate) fn finish(mut self) -> Vec<Finding> {
        self.items.sort_by(|(a_node, a), (b_node, b)| {
            (a.severity, a_node, a.code, &a.field, a.variant, &a.args)
                .cmp(&(b.severity, b_node, b.code, &b.field, b.variant, &b.args))
        });
        let mut seen = HashSet::with_capacity(self.items.len());
        self.items
            .into_iter()
            .map(|(_, finding)| finding)
            .filter(|finding| seen.insert(finding.clone()))
            .collect()
    }
}
