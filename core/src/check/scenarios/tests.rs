use crate::check::scenarios::{Piece, overlap};
use crate::check::testing::{assert_clean, at, flow_place, spec, with_code};
use crate::check::{Code, Severity};
use crate::flow::{AgentStatus, Method, Mock};

/// `*` any text, `+` any text without `/`.
fn pieces(text: &str) -> Vec<Piece> {
    text.chars()
        .map(|c| match c {
            '*' => Piece::Any,
            '+' => Piece::Segment,
            c => Piece::Char(c),
        })
        .collect()
}

#[test]
fn globs_overlap() {
    let yes = [
        ("https://a/agents/+", "*/agents/*"),
        ("https://a/chats/+/transfer", "*/chats/*/transfer"),
        ("https://a/agents/*", "*/chats/*"),
        ("https://a/x", "https://a/x"),
        ("*", ""),
        ("a*c", "ab*"),
        ("*b*", "a*"),
    ];
    for (a, b) in yes {
        assert!(overlap(&pieces(a), &pieces(b)), "{a} {b}");
        assert!(overlap(&pieces(b), &pieces(a)), "{b} {a}");
    }
    let no = [
        ("https://a/agents/+", "*/chats/*"),
        ("https://a/+", "https://a/b/c"),
        ("https://a/+/transfer", "*/chats/*/transfer"),
        ("https://a/x", "https://a/y"),
        ("a*", "b*"),
        ("*a", "*b"),
        ("abc", "ab"),
    ];
    for (a, b) in no {
        assert!(!overlap(&pieces(a), &pieces(b)), "{a} {b}");
    }
}

#[test]
fn bad_scenario_names_unknown_nodes_agents_and_departments() {
    let mut bad = spec();
    let scenario = &mut bad.scenarios[0];
    scenario.expect.end_node = Some("fimm".into());
    scenario.expect.path = Some(vec!["inicio".into(), "consultar".into()]);
    scenario.expect.agent = Some("carla".into());
    scenario.expect.queue = Some("Vendas".into());
    scenario.agents.insert("diego".into(), AgentStatus::Away);
    scenario.contact.last_agent = "elisa".into();
    let found = at(&bad, Code::BadScenario);
    assert_eq!(
        found,
        [
            flow_place("scenarios[0].agents.diego"),
            flow_place("scenarios[0].contact.last_agent"),
            flow_place("scenarios[0].expect.agent"),
            flow_place("scenarios[0].expect.end_node"),
            flow_place("scenarios[0].expect.path[1]"),
            flow_place("scenarios[0].expect.queue"),
        ]
    );
    let messages = with_code(&bad, Code::BadScenario);
    assert!(
        messages[3].message.contains("did you mean `fim`"),
        "{}",
        messages[3].message
    );
    assert!(messages.iter().all(|f| f.severity == Severity::Error));
    assert_clean(&spec());

    let mut nobody = spec();
    nobody.scenarios[0].expect.agent = Some(String::new());
    assert!(
        at(&nobody, Code::BadScenario).is_empty(),
        "\"\" means nobody"
    );
}

#[test]
fn a_node_of_a_called_flow_is_named_under_its_subflow() {
    let mut flow = spec();
    flow.nodes.push(crate::flow::Node::new(
        "coleta",
        (0.0, 0.0),
        crate::flow::NodeKind::SubFlow {
            flow: "Coleta de CPF".into(),
        },
    ));
    let scenario = &mut flow.scenarios[0];
    scenario.expect.end_node = Some("coleta/fila".into());
    scenario.expect.path = Some(vec![
        "inicio".into(),
        "coleta/inicio".into(),
        "fim/x".into(),
        "sumiu/x".into(),
    ]);
    assert_eq!(
        at(&flow, Code::BadScenario),
        [
            flow_place("scenarios[0].expect.path[2]"),
            flow_place("scenarios[0].expect.path[3]"),
        ],
        "only a SubFlow's id may stand before the slash"
    );
}

#[test]
fn bad_scenario_names_clocks_and_more() {
    let mut bad = spec();
    let mut second = bad.scenarios[0].clone();
    second.clock = Some("23/11/2026 10:15".into());
    second.expect.position = Some(0);
    second
        .expect
        .vars
        .insert("statos_gerente".into(), "x".into());
    second.mocks.push(Mock {
        status: 1000,
        ..Mock::default()
    });
    bad.scenarios.push(second);
    bad.scenarios.push(crate::flow::Scenario::default());
    assert_eq!(
        at(&bad, Code::BadScenario),
        [
            flow_place("scenarios[1].clock"),
            flow_place("scenarios[1].expect.position"),
            flow_place("scenarios[1].expect.vars.statos_gerente"),
            flow_place("scenarios[1].mocks[0].status"),
            flow_place("scenarios[1].name"),
            flow_place("scenarios[2].name"),
        ]
    );
}

#[test]
fn unknown_custom_field_in_a_scenario_contact() {
    let mut bad = spec();
    bad.scenarios[0]
        .contact
        .custom
        .insert("plano".into(), "ouro".into());
    assert_eq!(
        at(&bad, Code::UnknownCustomField),
        [flow_place("scenarios[0].contact.custom.plano")]
    );
}

#[test]
fn unused_mock() {
    let mut flow = spec();
    flow.scenarios[0].mocks = vec![
        Mock {
            method: Some(Method::Get),
            url: "*/agents/*".into(),
            ..Mock::default()
        },
        Mock {
            method: Some(Method::Post),
            url: "*/chats/*/transfer".into(),
            ..Mock::default()
        },
        Mock::default(),
        // The transfer is a POST: a GET never matches it.
        Mock {
            method: Some(Method::Get),
            url: "*/chats/*/transfer".into(),
            ..Mock::default()
        },
        Mock {
            url: "https://outra.api/*".into(),
            ..Mock::default()
        },
    ];
    let found = with_code(&flow, Code::UnusedMock);
    let places: Vec<_> = found
        .iter()
        .map(|f| f.field.clone().unwrap_or_default())
        .collect();
    assert_eq!(places, ["scenarios[0].mocks[3]", "scenarios[0].mocks[4]"]);
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(
        found[0].message.contains("`GET */chats/*/transfer`"),
        "{}",
        found[0].message
    );
}
