//! The checks as they were before the single-pass rewrite, kept verbatim for the equivalence
//! tests (`super::equivalence`): `check` must give byte for byte the same findings.

#![allow(dead_code, clippy::all, clippy::pedantic)]

mod dataflow;
mod fields;
mod index;
mod loops;
mod references;
mod samples;
mod scenarios;
mod structure;
mod team;
mod text;
mod variables;

use text::{did_you_mean, quote_list};

use std::collections::HashSet;

use crate::flow::{Flow, KindTag};

use super::{Code, Finding, Severity};

/// Every finding, errors first, in a stable order: severity, then the node's place in the file
/// (findings about the whole flow first), then code, field and message. No duplicates.
pub(crate) fn check(flow: &Flow) -> Vec<Finding> {
    run(flow).finish()
}

fn run(flow: &Flow) -> Sink<'_> {
    let index = index::FlowIndex::new(flow);
    let mut sink = Sink::new(flow);
    structure::check(&index, &mut sink);
    loops::check(&index, &mut sink);
    fields::check(&index, &mut sink);
    references::check(&index, &mut sink);
    team::check(&flow.team, &mut sink);
    variables::check(&index, &mut sink);
    scenarios::check(&index, &mut sink);
    dataflow::check(&index, &mut sink);
    sink
}

/// The findings of a flow just loaded: [`check`], plus an `unknown-field` warning for each field
/// the loader ignored (`nodes.2.kind.Request.timout_ms` becomes node `consulta`, field
/// `timout_ms`). In the same order as [`check`].
pub(crate) fn check_loaded(loaded: &crate::file::Loaded) -> Vec<Finding> {
    let mut sink = run(&loaded.flow);
    for path in &loaded.unknown_fields {
        unknown_field(&loaded.flow, path, &mut sink);
    }
    sink.finish()
}

/// One `unknown-field` warning for a path as the loader reports it (dot-separated, numbers for
/// list items, `?` for an optional value).
fn unknown_field(flow: &Flow, path: &str, sink: &mut Sink<'_>) {
    let parts: Vec<&str> = path.split('.').filter(|part| *part != "?").collect();
    let name = parts.last().copied().unwrap_or(path);
    let node = match parts.as_slice() {
        ["nodes", number, ..] => number
            .parse::<usize>()
            .ok()
            .filter(|&index| index < flow.nodes.len()),
        _ => None,
    };
    let Some(node) = node else {
        let field = readable_path(&parts);
        sink.flow(
            Severity::Warning,
            Code::UnknownField,
            Some(field.clone()),
            format!(
                "`{name}` is not a field fluxo knows ({field}): it is ignored and dropped on the next save; check its spelling"
            ),
        );
        return;
    };
    // `nodes.2.kind.timout_ms` (or `nodes.2.kind.Request.timout_ms`): the field inside the node.
    let mut inner: &[&str] = parts.get(2..).unwrap_or(&[]);
    if let ["kind", rest @ ..] = inner
        && !rest.is_empty()
    {
        inner = rest;
        if let [tag, rest @ ..] = inner
            && !rest.is_empty()
            && KindTag::ALL.iter().any(|kind| kind.as_str() == *tag)
        {
            inner = rest;
        }
    }
    let kind = flow
        .nodes
        .get(node)
        .map_or("", |node| node.kind.tag().as_str());
    sink.node(
        node,
        Severity::Warning,
        Code::UnknownField,
        Some(readable_path(inner)),
        format!(
            "`{name}` is not a field of {kind}: it is ignored and dropped on the next save; check its spelling"
        ),
    );
}

/// `["scenarios", "0", "expect", "x"]` as `scenarios[0].expect.x`.
fn readable_path(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        if part.bytes().all(|b| b.is_ascii_digit()) && !part.is_empty() && !out.is_empty() {
            out.push('[');
            out.push_str(part);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    out
}

/// Where the checks put what they find. Keeps the index of the node each finding is about, so
/// that findings sort by the node's place in the file even when two nodes share an id.
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
        message: String,
    ) {
        let node = self.flow.nodes.get(index).map(|node| node.id.clone());
        self.items.push((
            Some(index),
            Finding {
                severity,
                code,
                node,
                field,
                message,
            },
        ));
    }

    /// A finding about the whole flow (`field` is then a path from the top of the file).
    pub(crate) fn flow(
        &mut self,
        severity: Severity,
        code: Code,
        field: Option<String>,
        message: String,
    ) {
        self.items.push((
            None,
            Finding {
                severity,
                code,
                node: None,
                field,
                message,
            },
        ));
    }

    /// The findings, sorted and without duplicates.
    pub(crate) fn finish(mut self) -> Vec<Finding> {
        self.items.sort_by(|(a_node, a), (b_node, b)| {
            (a.severity, a_node, a.code, &a.field, &a.message)
                .cmp(&(b.severity, b_node, b.code, &b.field, &b.message))
        });
        // Two nodes sharing an id can give the very same finding: say it once.
        let mut seen = HashSet::with_capacity(self.items.len());
        self.items
            .into_iter()
            .map(|(_, finding)| finding)
            .filter(|finding| seen.insert(finding.clone()))
            .collect()
    }
}
