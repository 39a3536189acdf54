//! Mapping tests, one per Typebot block kind, over small exports written inline: each builds an
//! export, imports it and looks at the nodes, edges and report (and, where the meaning is in
//! the behaviour, runs the flow).

mod bubbles;
mod inputs;
mod integrations;
mod logic;
mod structure;

use serde_json::{Value, json};

use super::{ImportOptions, Imported, Issue, import};
use crate::flow::{Flow, Node, NodeKind, Reply, Scenario};
use crate::sim::{Options, Run};

/// An export whose start leads to the first group. `groups` are `(id, title, blocks)`.
fn export(groups: &[(&str, &str, Value)], edges: Value, variables: Value) -> Value {
    let groups: Vec<Value> = groups
        .iter()
        .enumerate()
        .map(|(i, (id, title, blocks))| {
            json!({"id": id, "title": title, "graphCoordinates": {"x": 400 * i, "y": 0}, "blocks": blocks})
        })
        .collect();
    let mut edges = match edges {
        Value::Array(edges) => edges,
        _ => Vec::new(),
    };
    let first = groups
        .first()
        .map_or(Value::Null, |group| group["id"].clone());
    edges.push(json!({"id": "start-edge", "from": {"eventId": "start"}, "to": {"groupId": first}}));
    let mut value = json!({
        "version": "6.1",
        "id": "bot",
        "name": "Test bot",
        "events": [{"id": "start", "type": "start", "outgoingEdgeId": "start-edge", "graphCoordinates": {"x": -300, "y": 0}}],
        "groups": groups,
        "edges": edges,
    });
    value["variables"] = variables;
    value
}

/// One group `g` holding `blocks`, no other edge, the variables `Name` (v1) and `Email` (v2).
fn one_group(blocks: Value) -> Value {
    export(&[("g", "Main", blocks)], json!([]), variables())
}

fn variables() -> Value {
    json!([
        {"id": "v1", "name": "Name"},
        {"id": "v2", "name": "Email"},
        {"id": "v3", "name": "Preço médio"},
        {"id": "v4", "name": "Score"}
    ])
}

fn run_import(value: &Value) -> Imported {
    import(&value.to_string(), &ImportOptions::default()).expect("the export imports")
}

fn node<'a>(flow: &'a Flow, id: &str) -> &'a Node {
    flow.node(id)
        .unwrap_or_else(|| panic!("no node {id} in {:?}", ids(flow)))
}

fn ids(flow: &Flow) -> Vec<&str> {
    flow.nodes.iter().map(|node| node.id.as_str()).collect()
}

/// Where `from`'s `port` leads.
fn to<'a>(flow: &'a Flow, from: &str, port: &str) -> Option<&'a str> {
    flow.edge_from(from, port).map(|edge| edge.to.as_str())
}

/// The issues reported, in order, but the variables that start empty (tested on their own).
fn issues(imported: &Imported) -> Vec<&Issue> {
    imported
        .report
        .items
        .iter()
        .map(|item| &item.issue)
        .filter(|issue| !matches!(issue, Issue::StartEmpty { .. }))
        .collect()
}

/// Runs the flow with these replies; the run's path and last node.
fn walk(flow: &Flow, replies: &[&str]) -> (Vec<String>, Run) {
    let scenario = Scenario {
        name: "t".into(),
        replies: replies
            .iter()
            .map(|r| Reply::Text((*r).to_owned()))
            .collect(),
        ..Scenario::default()
    };
    let mut run = Run::new(flow, &scenario, Options::default());
    run.run_to_end();
    let path = run.path().into_iter().map(str::to_owned).collect();
    (path, run)
}

fn is_kind(node: &Node, tag: crate::flow::KindTag) -> bool {
    node.kind.tag() == tag
}

/// The texts the contact received.
fn said(run: &Run) -> Vec<String> {
    run.messages().into_iter().map(str::to_owned).collect()
}

#[allow(dead_code)]
fn kind_of(flow: &Flow, id: &str) -> NodeKind {
    node(flow, id).kind.clone()
}
