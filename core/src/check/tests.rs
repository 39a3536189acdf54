use std::str::FromStr;

use super::*;
use crate::file::{Format, Loaded, parse};
use crate::flow::{Edge, KindTag, Node, NodeKind};
use crate::generator;

fn flow(ron: &str) -> Flow {
    parse(ron, Format::Ron)
        .unwrap_or_else(|err| panic!("test flow does not parse: {err}\n{ron}"))
        .flow
}

fn spec() -> Flow {
    flow(include_str!("../../tests/data/spec_example.flow.ron"))
}

fn summary(findings: &[Finding]) -> Vec<(Severity, &'static str, String)> {
    findings
        .iter()
        .map(|f| (f.severity, f.code.as_str(), f.location()))
        .collect()
}

#[test]
fn the_spec_example_checks_clean() {
    assert_eq!(check(&spec()), []);
}

#[test]
fn generated_flows_check_clean() {
    for size in [3, 4, 12, 13, 50, 200, 1000] {
        for seed in [1, 2, 3, 7] {
            let flow = generator::flow_with_scenarios(size, seed, 3);
            let findings = check(&flow);
            assert!(
                findings.is_empty(),
                "generator::flow({size}, {seed}): {:?}",
                summary(&findings)
            );
        }
    }
}

#[test]
fn errors_come_first_then_file_order_with_the_flow_first() {
    let mut flow = spec();
    flow.nodes
        .push(Node::new("solto", (0.0, 0.0), KindTag::End.default_kind()));
    flow.nodes.push(Node::new(
        "vazio",
        (0.0, 0.0),
        KindTag::Queue.default_kind(),
    ));
    flow.edges
        .retain(|e| !(e.from == "transferir" && e.port == "error"));
    flow.scenarios[0].expect.end_node = Some("nenhum".into());
    assert_eq!(
        summary(&check(&flow)),
        [
            (
                Severity::Error,
                "bad-scenario",
                "scenarios[0].expect.end_node".to_owned()
            ),
            (Severity::Error, "empty-field", "vazio.queue".to_owned()),
            (
                Severity::Warning,
                "dangling-port",
                "transferir.error".to_owned()
            ),
            (Severity::Warning, "unreachable", "solto".to_owned()),
            (Severity::Warning, "unreachable", "vazio".to_owned()),
        ]
    );
}

#[test]
fn a_name_read_many_times_in_a_field_is_one_finding() {
    let mut flow = spec();
    if let Some(node) = flow.node_mut("fim") {
        node.kind = NodeKind::End {
            message: "{{x}} e {{x}} e {{ x }}".into(),
        };
    }
    let found: Vec<_> = check(&flow)
        .into_iter()
        .filter(|f| f.code == Code::UnknownVariable)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn unknown_fields_from_the_loader_become_warnings() {
    let text = r#"(format: 1, colour: "blue",
        nodes: [(id: "inicio", kind: Entry()), (id: "r", kind: Request(url: "https://x.com", timout_ms: 3))],
        edges: [(from: "inicio", port: "next", to: "r")])"#;
    let loaded: Loaded = parse(text, Format::Ron).unwrap_or_else(|err| panic!("{err}"));
    let found: Vec<_> = check_loaded(&loaded)
        .into_iter()
        .filter(|f| f.code == Code::UnknownField)
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].location(), "colour");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[1].location(), "r.timout_ms");
    assert_eq!(found[1].variant, "node");
    assert_eq!(found[1].arg("kind"), Some(&Arg::Kind(KindTag::Request)));
    let clean = Loaded {
        flow: spec(),
        ..Loaded::default()
    };
    assert_eq!(check_loaded(&clean), []);
}

#[test]
fn codes_are_kebab_case_strings_everywhere() {
    assert_eq!(Code::ALL.len(), 31);
    for &code in Code::ALL {
        assert_eq!(Code::from_str(code.as_str()), Ok(code));
        let json = serde_json::to_string(&code).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", code.as_str()));
        assert_eq!(serde_json::from_str::<Code>(&json).ok(), Some(code));
        assert!(
            code.as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-')
        );
        // The string is the variant's name in kebab case: `MaybeUnsetVariable`.
        let camel: String = code
            .as_str()
            .split('-')
            .map(|word| {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(format!("{code:?}"), camel);
    }
    assert_eq!(
        serde_json::to_string(&Severity::Warning).unwrap_or_default(),
        "\"warning\""
    );
    assert!(Code::from_str("nonsense").is_err());
}

#[test]
fn every_code_is_documented_with_its_severity() {
    let decisions = include_str!("../../../docs/decisions.md");
    let checks = decisions
        .split("## Checks")
        .nth(1)
        .unwrap_or_else(|| panic!("docs/decisions.md has no Checks section"));
    for code in Code::ALL {
        assert!(
            checks.contains(&format!("| `{}` |", code.as_str())),
            "docs/decisions.md does not list `{}` in its table",
            code.as_str()
        );
    }
}

#[test]
fn locations_say_what_a_finding_is_about() {
    let finding = |node: Option<&str>, field: Option<&str>| {
        Finding::new(
            Severity::Error,
            Code::EmptyField,
            node.map(str::to_owned),
            field.map(str::to_owned),
        )
    };
    assert_eq!(finding(Some("n"), Some("url")).location(), "n.url");
    assert_eq!(finding(Some("n"), None).location(), "n");
    assert_eq!(
        finding(None, Some("scenarios[0].name")).location(),
        "scenarios[0].name"
    );
    assert_eq!(finding(None, None).location(), "flow");
}

#[test]
fn findings_are_data_in_json() {
    let mut flow = spec();
    flow.edges.push(Edge::new("consulta", "sucesso", "fim"));
    let findings = check(&flow);
    let json = serde_json::to_value(&findings).unwrap_or_default();
    assert_eq!(
        json,
        serde_json::json!([{
            "severity": "error",
            "code": "unknown-port",
            "node": "consulta",
            "field": "sucesso",
            "args": {"port": "sucesso", "kind": "Request", "ports": ["ok", "error"]}
        }])
    );
}

/// A flow whose run enters a second Entry: the nodes after it run, so they are reachable, and
/// the checks that follow reachability see them (SPEC.md section 4, `sim::Program`).
const SECOND_ENTRY: &str = r#"(format: 1,
    nodes: [
        (id: "inicio", kind: Entry()),
        (id: "oi", kind: Message(text: "Oi")),
        (id: "outra", kind: Entry()),
        (id: "conta", kind: SetVariable(set: {"n": "{{n}}1"})),
        (id: "fim", kind: End(message: "{{nome}}")),
    ],
    edges: [
        (from: "inicio", port: "next", to: "oi"),
        (from: "oi", port: "next", to: "outra"),
        (from: "outra", port: "next", to: "conta"),
        (from: "conta", port: "next", to: "outra"),
    ],
)"#;

#[test]
fn an_edge_into_an_entry_is_followed_as_a_run_follows_it() {
    let findings = check(&flow(SECOND_ENTRY));
    let codes: Vec<(&str, String)> = findings
        .iter()
        .map(|f| (f.code.as_str(), f.location()))
        .collect();
    assert!(
        !codes
            .iter()
            .any(|(code, at)| *code == "unreachable" && at != "fim"),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("entry-has-input", "outra".to_owned())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("loop-without-wait", "outra".to_owned())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("maybe-unset-variable", "conta.set.n".to_owned())),
        "{codes:?}"
    );
}

/// The work of a check grows with the flow, not with what surrounds a long field: one field of
/// many references reads each name once, and a huge url is compared with mocks in time and
/// memory bounded by the longer of the two (the old pattern match kept a table of their product).
#[test]
fn a_long_field_costs_what_it_holds() {
    let mut flow = spec();
    let text = "{{x}}".repeat(200_000);
    if let Some(node) = flow.node_mut("fim") {
        node.kind = NodeKind::End { message: text };
    }
    let index = flow_index::FlowIndex::new(&flow);
    let reads_of_fim = index
        .reads
        .iter()
        .filter(|read| index.id(read.node) == "fim")
        .count();
    assert_eq!(reads_of_fim, 1);
    let findings = check(&flow);
    assert_eq!(
        findings
            .iter()
            .filter(|f| f.code == Code::UnknownVariable)
            .count(),
        1
    );
}

#[test]
fn a_credential_is_never_repeated_in_a_finding() {
    let mut flow = spec();
    if let Some(NodeKind::Request { headers, url, .. }) =
        flow.node_mut("consulta").map(|node| &mut node.kind)
    {
        headers.insert("Authorization".into(), "Bearer s3cr3t-abc".into());
        url.push_str("?token=s3cr3t-def");
    }
    let findings = check(&flow);
    let secrets: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.code == Code::InlineSecret)
        .collect();
    assert_eq!(secrets.len(), 2, "{findings:?}");
    let json = serde_json::to_string(&findings).unwrap_or_default();
    assert!(!json.contains("s3cr3t"), "{json}");
}

#[test]
fn a_schedule_name_given_twice_is_reported_on_the_second() {
    let mut flow = spec();
    let copy = flow.team.schedules[0].clone();
    flow.team.schedules.push(copy);
    assert_eq!(
        summary(&check(&flow)),
        [(
            Severity::Error,
            "bad-schedule",
            "team.schedules[1].name".to_owned()
        )]
    );
}

/// Nothing in a check costs the product of two sizes of the flow: one node of 30,000 entries
/// that each read a name nobody sets (a finding's field path used to walk the node's fields, and
/// a SetVariable entry its entries above), and 3,000 routes to agents a 3,000-agent team lacks
/// (the team's lookups walked its lists). Quadratic, this takes minutes; linear, a blink.
#[test]
fn many_findings_about_one_big_node_or_team_stay_linear() {
    let mut flow = spec();
    let set: crate::flow::TemplateMap = (0..30_000)
        .map(|i| (format!("v{i}"), format!("{{{{u{i}}}}} {{{{v{i}}}}}")))
        .collect();
    flow.nodes.push(Node::new(
        "muitas",
        (0.0, 0.0),
        NodeKind::SetVariable { set },
    ));
    flow.edges.retain(|edge| edge.from != "fila");
    for i in 0..3_000 {
        flow.team.agents.push(crate::flow::Agent {
            id: format!("agente{i}"),
            ..crate::flow::Agent::default()
        });
        let mut kind = KindTag::LiveChat.default_kind();
        if let NodeKind::LiveChat {
            department, route, ..
        } = &mut kind
        {
            *department = "Atendimento".into();
            *route = crate::flow::Route::Agent(format!("outro{i}"));
        }
        flow.nodes
            .push(Node::new(format!("humano{i}"), (0.0, 0.0), kind));
    }
    let findings = check(&flow);
    let count = |code: Code| findings.iter().filter(|f| f.code == code).count();
    assert_eq!(count(Code::UnknownVariable), 30_000);
    assert_eq!(count(Code::UnknownAgent), 3_000);
}
