use crate::check::testing::{around, assert_clean, at, place, spec, with_code};
use crate::check::variables::{Name, classify};
use crate::check::{Code, Severity};
use crate::flow::{Edge, KindTag, Node, NodeKind, TemplateMap};

fn message(text: &str) -> NodeKind {
    NodeKind::Message {
        text: text.into(),
        buttons: vec![],
    }
}

#[test]
fn names_are_classified() {
    assert_eq!(classify("nome"), Name::Tracked);
    assert_eq!(classify("http.status"), Name::Tracked);
    assert_eq!(classify("live_chat.status"), Name::Tracked);
    assert_eq!(classify("contact.custom.plano"), Name::Custom("plano"));
    for given in [
        "contact.name",
        "chat.protocol",
        "team.api_base",
        "now.weekday",
        "secret.qualquer",
    ] {
        assert_eq!(classify(given), Name::Given, "{given}");
    }
    for unknown in [
        "contact.nome",
        "http.headers",
        "secret",
        "contact.custom",
        "x.y",
    ] {
        assert_eq!(
            classify(unknown),
            if unknown.contains('.') {
                Name::Unknown
            } else {
                Name::Tracked
            }
        );
    }
}

#[test]
fn a_flow_variable_no_node_sets() {
    let bad = around(message("Olá {{nome}}"));
    let found = with_code(&bad, Code::UnknownVariable);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(
        (found[0].node.clone(), found[0].field.clone()),
        place("n", "text")
    );
    // Unknown, and therefore not also "maybe unset".
    assert!(at(&bad, Code::MaybeUnsetVariable).is_empty());

    let mut good = around(message("Olá {{nome}}"));
    let mut set = TemplateMap::new();
    set.insert("nome".into(), "{{contact.name}}".into());
    good.nodes
        .insert(1, Node::new("v", (0.0, 0.0), NodeKind::SetVariable { set }));
    good.edges.retain(|e| e.from != "inicio");
    good.edges.push(Edge::new("inicio", "next", "v"));
    good.edges.push(Edge::new("v", "next", "n"));
    assert_clean(&good);
}

#[test]
fn a_near_name_is_suggested() {
    let mut flow = around(message("Olá {{nmoe}}"));
    let mut set = TemplateMap::new();
    set.insert("nome".into(), "{{contact.name}}".into());
    flow.nodes
        .push(Node::new("v", (0.0, 0.0), NodeKind::SetVariable { set }));
    let found = with_code(&flow, Code::UnknownVariable);
    assert!(
        found[0].message.contains("did you mean `nome`"),
        "{}",
        found[0].message
    );
}

#[test]
fn http_needs_a_request_and_live_chat_status_a_live_chat() {
    let bad = around(message("{{http.status}} {{live_chat.status}}"));
    let found = with_code(&bad, Code::UnknownVariable);
    assert_eq!(found.len(), 2);
    assert!(found.iter().any(|f| f.message.contains("no Request")));
    assert!(found.iter().any(|f| f.message.contains("no LiveChat")));
    // The SPEC example has Requests: http.status is known there.
    let mut good = spec();
    if let Some(node) = good.node_mut("fim") {
        node.kind = NodeKind::End {
            message: "Status {{http.status}}".into(),
        };
    }
    assert!(at(&good, Code::UnknownVariable).is_empty());
}

#[test]
fn dotted_names_must_be_known() {
    let bad = around(message(
        "{{contact.nome}} {{huggy.chat.contact.custom.gerente_de_contas}} {{input.live_chat.status}}",
    ));
    let found = with_code(&bad, Code::UnknownVariable);
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(found.len(), 3, "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`contact.nome`") && m.contains("did you mean `contact.name`"))
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("did you mean `contact.custom.gerente_de_contas`"))
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("did you mean `live_chat.status`"))
    );
    let good = around(message(
        "{{contact.name}} {{contact.phone}} {{contact.email}} {{contact.channel}} {{contact.last_agent}} {{chat.id}} {{chat.protocol}} {{team.api_base}} {{now.date}} {{now.time}} {{now.weekday}} {{now.hour}} {{secret.qualquer_nome}}",
    ));
    assert_clean(&good);
}

#[test]
fn reads_of_unreachable_nodes_are_still_checked() {
    let mut flow = around(message("ok"));
    flow.nodes
        .push(Node::new("solto", (0.0, 0.0), KindTag::End.default_kind()));
    if let Some(node) = flow.node_mut("solto") {
        node.kind = NodeKind::End {
            message: "{{sumiu}}".into(),
        };
    }
    assert_eq!(
        at(&flow, Code::UnknownVariable),
        [place("solto", "message")]
    );
}
