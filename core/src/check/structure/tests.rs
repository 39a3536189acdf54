use crate::check::testing::{assert_clean, at, flow_place, place, spec, with_code};
use crate::check::{Code, Severity};
use crate::flow::{Edge, KindTag, Node, NodeKind};

fn end(id: &str) -> Node {
    Node::new(id, (0.0, 0.0), KindTag::End.default_kind())
}

#[test]
fn the_spec_example_is_clean() {
    assert_clean(&spec());
}

#[test]
fn missing_entry() {
    let good = spec();
    assert!(at(&good, Code::MissingEntry).is_empty());
    let mut bad = spec();
    bad.nodes.retain(|node| node.id != "inicio");
    bad.edges.retain(|edge| edge.from != "inicio");
    assert_eq!(at(&bad, Code::MissingEntry), [flow_place("")]);
    // Without an Entry nothing is "unreachable": the missing Entry says it all.
    assert!(at(&bad, Code::Unreachable).is_empty());
}

#[test]
fn duplicate_entry_on_each_extra_entry() {
    let mut bad = spec();
    for id in ["outra", "mais_uma"] {
        bad.nodes.push(Node::new(
            id,
            (0.0, 0.0),
            NodeKind::Entry { channels: vec![] },
        ));
        bad.edges.push(Edge::new(id, "next", "fim"));
    }
    assert_eq!(
        at(&bad, Code::DuplicateEntry),
        [place("outra", ""), place("mais_uma", "")]
    );
    let mut good = spec();
    good.nodes.push(end("outra"));
    assert!(at(&good, Code::DuplicateEntry).is_empty());
}

#[test]
fn duplicate_id_on_the_second_only() {
    let mut bad = spec();
    bad.nodes.push(end("fila"));
    let found = with_code(&bad, Code::DuplicateId);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].node.as_deref(), Some("fila"));
    assert_eq!(found[0].field.as_deref(), Some("id"));
    // The shadowed node is not also reported unreachable.
    assert!(at(&bad, Code::Unreachable).is_empty());
    let mut good = spec();
    good.nodes.push(end("fila_2"));
    good.edges.push(Edge::new("transferir", "error", "fila_2"));
    good.edges
        .retain(|e| !(e.from == "transferir" && e.port == "error" && e.to == "fila"));
    assert!(at(&good, Code::DuplicateId).is_empty());
}

#[test]
fn invalid_id() {
    let mut bad = spec();
    bad.nodes.push(end("minha etapa!"));
    bad.edges
        .retain(|e| !(e.from == "transferir" && e.port == "error"));
    bad.edges
        .push(Edge::new("transferir", "error", "minha etapa!"));
    let found = with_code(&bad, Code::InvalidId);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field.as_deref(), Some("id"));
    assert!(
        found[0].message.contains("`minha_etapa`"),
        "{}",
        found[0].message
    );
    let mut good = spec();
    good.nodes.push(end("minha_etapa"));
    good.edges
        .retain(|e| !(e.from == "transferir" && e.port == "error"));
    good.edges
        .push(Edge::new("transferir", "error", "minha_etapa"));
    assert_clean(&good);
}

#[test]
fn unknown_node_in_to_and_from() {
    let mut bad = spec();
    for edge in &mut bad.edges {
        if edge.from == "transferir" && edge.port == "ok" {
            edge.to = "fimm".into();
        }
    }
    bad.edges.push(Edge::new("fantasma", "next", "fim"));
    let found = with_code(&bad, Code::UnknownNode);
    assert_eq!(
        found
            .iter()
            .map(|f| (f.node.clone(), f.field.clone()))
            .collect::<Vec<_>>(),
        [flow_place("edges[7]"), place("transferir", "ok")]
    );
    assert!(found[1].message.contains("`fimm`"));
    // The port has an edge (a broken one): not also dangling.
    assert!(at(&bad, Code::DanglingPort).is_empty());
    assert!(at(&spec(), Code::UnknownNode).is_empty());
}

#[test]
fn unknown_port_names_the_real_ports() {
    let mut bad = spec();
    for edge in &mut bad.edges {
        if edge.from == "consulta" && edge.port == "error" {
            edge.port = "erro".into();
        }
    }
    let found = with_code(&bad, Code::UnknownPort);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].node.as_deref(), Some("consulta"));
    assert_eq!(found[0].field.as_deref(), Some("erro"));
    assert!(
        found[0].message.contains("`ok` and `error`"),
        "{}",
        found[0].message
    );
    // And the real port is now open.
    assert_eq!(at(&bad, Code::DanglingPort), [place("consulta", "error")]);
    assert!(at(&spec(), Code::UnknownPort).is_empty());

    let mut end_port = spec();
    end_port.edges.push(Edge::new("fim", "next", "fila"));
    let found = with_code(&end_port, Code::UnknownPort);
    assert!(
        found[0].message.contains("no output ports"),
        "{}",
        found[0].message
    );
}

#[test]
fn port_reused_on_the_second_edge() {
    let mut bad = spec();
    bad.edges.push(Edge::new("consulta", "ok", "fila"));
    let found = with_code(&bad, Code::PortReused);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].node.as_deref(), Some("consulta"));
    assert_eq!(found[0].field.as_deref(), Some("ok"));
    assert!(
        found[0].message.contains("`disponivel`"),
        "{}",
        found[0].message
    );
    assert!(at(&spec(), Code::PortReused).is_empty());
}

#[test]
fn entry_has_input() {
    let mut bad = spec();
    for edge in &mut bad.edges {
        if edge.from == "transferir" && edge.port == "error" {
            edge.to = "inicio".into();
        }
    }
    let found = with_code(&bad, Code::EntryHasInput);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].node.clone(), found[0].field.clone()),
        place("inicio", "")
    );
    assert!(
        found[0].message.contains("`error` of `transferir`"),
        "{}",
        found[0].message
    );
    // An edge into the Entry is not a loop of the graph.
    assert!(at(&bad, Code::LoopWithoutWait).is_empty());
    assert!(at(&spec(), Code::EntryHasInput).is_empty());
}

#[test]
fn dangling_port_is_a_warning_but_an_error_on_the_entry() {
    let mut bad = spec();
    bad.edges
        .retain(|e| !(e.from == "transferir" && e.port == "error"));
    let found = with_code(&bad, Code::DanglingPort);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].field.as_deref(), Some("error"));

    let mut bad = spec();
    bad.edges.retain(|e| e.from != "inicio");
    let found = with_code(&bad, Code::DanglingPort);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].node.as_deref(), Some("inicio"));
    assert!(at(&spec(), Code::DanglingPort).is_empty());
}

#[test]
fn unreachable() {
    let mut bad = spec();
    bad.nodes.push(end("solto"));
    let found = with_code(&bad, Code::Unreachable);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].node.as_deref(), Some("solto"));
    let mut good = spec();
    good.nodes.push(end("solto"));
    good.edges
        .retain(|e| !(e.from == "transferir" && e.port == "error"));
    good.edges.push(Edge::new("transferir", "error", "solto"));
    assert_clean(&good);
}
