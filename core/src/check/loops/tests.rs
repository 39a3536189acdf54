use crate::check::testing::{around, ask_kind, assert_clean, place, with_code};
use crate::check::{Code, Severity};
use crate::flow::{Edge, KindTag, Node, NodeKind};

fn message(text: &str) -> NodeKind {
    NodeKind::Message {
        text: text.into(),
        buttons: vec![],
    }
}

fn ask() -> NodeKind {
    ask_kind("De novo?", "resposta", crate::flow::AskExpect::Any)
}

/// inicio -> n -> m -> n (and m's other ports to fim).
fn cycle(second: NodeKind) -> crate::flow::Flow {
    let mut flow = around(message("Oi"));
    flow.edges.retain(|e| e.from != "n");
    flow.nodes.insert(2, Node::new("m", (0.0, 0.0), second));
    flow.edges.push(Edge::new("n", "next", "m"));
    let ports: Vec<String> = flow.nodes[2]
        .kind
        .ports()
        .into_iter()
        .map(str::to_owned)
        .collect();
    for (i, port) in ports.iter().enumerate() {
        let to = if i == 0 { "n" } else { "fim" };
        flow.edges.push(Edge::new("m", port.clone(), to));
    }
    flow
}

#[test]
fn a_loop_without_a_wait_is_reported_once_on_its_first_node() {
    let bad = cycle(message("Ainda aqui"));
    let found = with_code(&bad, Code::LoopWithoutWait);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].node.clone(), found[0].field.clone()),
        place("n", "")
    );
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(
        found[0].message.contains("`n` and `m`"),
        "{}",
        found[0].message
    );

    let good = cycle(ask());
    assert_clean(&good);
}

#[test]
fn a_self_loop_counts() {
    let mut bad = around(KindTag::Request.default_kind());
    if let NodeKind::Request { url, .. } = &mut bad.nodes[1].kind {
        *url = "https://x.com/status".into();
    }
    for edge in &mut bad.edges {
        if edge.from == "n" && edge.port == "error" {
            edge.to = "n".into();
        }
    }
    let found = with_code(&bad, Code::LoopWithoutWait);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.contains("leads back to itself"),
        "{}",
        found[0].message
    );
}

#[test]
fn an_unreachable_loop_is_not_reported() {
    let mut flow = cycle(message("x"));
    flow.edges.retain(|e| e.from != "inicio");
    flow.edges.push(Edge::new("inicio", "next", "fim"));
    assert!(with_code(&flow, Code::LoopWithoutWait).is_empty());
}

#[test]
fn a_long_loop_does_not_overflow_and_names_a_few() {
    let mut flow = around(message("0"));
    flow.edges.retain(|e| e.from != "n");
    let length = 20_000;
    let mut previous = "n".to_owned();
    for i in 1..length {
        let id = format!("m{i}");
        flow.nodes.push(Node::new(&id, (0.0, 0.0), message("x")));
        flow.edges.push(Edge::new(&previous, "next", &id));
        previous = id;
    }
    flow.edges.push(Edge::new(&previous, "next", "n"));
    let found = with_code(&flow, Code::LoopWithoutWait);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.contains("and 19990 more"),
        "{}",
        found[0].message
    );
}

#[test]
fn two_separate_loops_give_two_warnings() {
    let mut flow = cycle(message("a"));
    // A second cycle after the first: m's port goes to p, p -> q -> p.
    for id in ["p", "q"] {
        flow.nodes.push(Node::new(id, (0.0, 0.0), message(id)));
    }
    flow.edges.push(Edge::new("p", "next", "q"));
    flow.edges.push(Edge::new("q", "next", "p"));
    // A Condition in the first loop that can leave to the second.
    flow.nodes.push(Node::new(
        "c",
        (0.0, 0.0),
        NodeKind::Condition {
            cases: vec![crate::flow::Case {
                port: "sim".into(),
                mode: crate::flow::Mode::All,
                rules: vec![crate::flow::Rule {
                    var: "contact.name".into(),
                    op: crate::flow::Op::IsEmpty,
                    value: String::new(),
                }],
            }],
        },
    ));
    for edge in &mut flow.edges {
        if edge.from == "m" {
            edge.to = "c".into();
        }
    }
    flow.edges.push(Edge::new("c", "sim", "n"));
    flow.edges.push(Edge::new("c", "else", "p"));
    let found = with_code(&flow, Code::LoopWithoutWait);
    let nodes: Vec<_> = found
        .iter()
        .map(|f| f.node.clone().unwrap_or_default())
        .collect();
    assert_eq!(nodes, ["n", "p"], "{found:?}");
}
