//! Helpers for the checks' unit tests: flows from RON text, the SPEC example, and findings
//! filtered by code.

// Each family's tests use some of these.
#![allow(dead_code)]

use crate::file::{Format, parse};
use crate::flow::{Flow, Node, NodeKind};

use super::{Code, Finding, Severity, check};

/// A flow from RON text (the test's own: a parse error fails the test).
pub(crate) fn flow(ron: &str) -> Flow {
    match parse(ron, Format::Ron) {
        Ok(loaded) => loaded.flow,
        Err(err) => panic!("test flow does not parse: {err}\n{ron}"),
    }
}

/// The SPEC.md example flow: clean.
pub(crate) fn spec() -> Flow {
    flow(include_str!("../../tests/data/spec_example.flow.ron"))
}

/// A minimal clean flow around one node `n` of `kind`: inicio -> n -> (each port) fim.
/// The team is the SPEC example's.
pub(crate) fn around(kind: NodeKind) -> Flow {
    let mut flow = spec();
    flow.scenarios.clear();
    flow.nodes = vec![
        Node::new("inicio", (0.0, 0.0), NodeKind::Entry { channels: vec![] }),
        Node::new("n", (200.0, 0.0), kind),
        Node::new(
            "fim",
            (400.0, 0.0),
            NodeKind::End {
                message: String::new(),
            },
        ),
    ];
    flow.edges = vec![crate::flow::Edge::new("inicio", "next", "n")];
    wire_ports(&mut flow, "n", "fim");
    if !flow.edges.iter().any(|edge| edge.to == "fim") {
        flow.nodes.retain(|node| node.id != "fim");
    }
    flow
}

/// Connects every open port of node `from` to `to`.
pub(crate) fn wire_ports(flow: &mut Flow, from: &str, to: &str) {
    let Some(node) = flow.node(from) else {
        return;
    };
    let ports: Vec<String> = node.kind.ports().into_iter().map(str::to_owned).collect();
    for port in ports {
        if flow.edge_from(from, &port).is_none() {
            flow.edges.push(crate::flow::Edge::new(from, port, to));
        }
    }
}

/// An Ask with default retries and no time-out.
pub(crate) fn ask_kind(prompt: &str, save_as: &str, expect: crate::flow::AskExpect) -> NodeKind {
    NodeKind::Ask {
        prompt: prompt.into(),
        save_as: save_as.into(),
        expect,
        retries: 2,
        retry_message: String::new(),
        timeout_s: 0,
    }
}

/// (node, field) of every finding with this code.
pub(crate) fn at(flow: &Flow, code: Code) -> Vec<(Option<String>, Option<String>)> {
    with_code(flow, code)
        .into_iter()
        .map(|finding| (finding.node, finding.field))
        .collect()
}

/// Every finding with this code.
pub(crate) fn with_code(flow: &Flow, code: Code) -> Vec<Finding> {
    check(flow)
        .into_iter()
        .filter(|finding| finding.code == code)
        .collect()
}

/// `(Some(node), Some(field))` as the tests write it.
pub(crate) fn place(node: &str, field: &str) -> (Option<String>, Option<String>) {
    (
        Some(node.to_owned()),
        (!field.is_empty()).then(|| field.to_owned()),
    )
}

/// A flow-level place (no node).
pub(crate) fn flow_place(field: &str) -> (Option<String>, Option<String>) {
    (None, (!field.is_empty()).then(|| field.to_owned()))
}

/// Fails with the findings when the flow has any error or warning.
pub(crate) fn assert_clean(flow: &Flow) {
    let findings = check(flow);
    assert!(
        findings.is_empty(),
        "expected no findings, got:\n{}",
        render(&findings)
    );
}

/// Fails when the flow has an error.
pub(crate) fn assert_no_errors(flow: &Flow) {
    let findings = check(flow);
    assert!(
        !findings.iter().any(|f| f.severity == Severity::Error),
        "expected no errors, got:\n{}",
        render(&findings)
    );
}

pub(crate) fn render(findings: &[Finding]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for f in findings {
        let _ = writeln!(
            out,
            "{}[{}] {}: {}",
            f.severity.as_str(),
            f.code.as_str(),
            f.location(),
            f.message
        );
    }
    out
}
