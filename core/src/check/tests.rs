use std::str::FromStr;

use super::testing::{assert_clean, render, spec};
use super::*;
use crate::file::{Format, Loaded, parse};
use crate::flow::{Edge, KindTag, Node};
use crate::generator;
use crate::rng::Rng;

#[test]
fn the_spec_example_checks_clean() {
    assert_clean(&spec());
}

#[test]
fn generated_flows_check_clean() {
    for size in [3, 4, 12, 13, 50, 200, 1000] {
        for seed in [1, 2, 3, 7] {
            let flow = generator::flow_with_scenarios(size, seed, 3);
            let findings = check(&flow);
            assert!(
                findings.is_empty(),
                "generator::flow({size}, {seed}):\n{}",
                render(&findings)
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
    let findings = check(&flow);
    let summary: Vec<(Severity, &str, String)> = findings
        .iter()
        .map(|f| (f.severity, f.code.as_str(), f.location()))
        .collect();
    assert_eq!(
        summary,
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
        ],
        "{}",
        render(&findings)
    );
}

#[test]
fn findings_are_not_repeated() {
    let mut flow = spec();
    if let Some(node) = flow.node_mut("fim") {
        node.kind = crate::flow::NodeKind::End {
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
fn checking_is_deterministic() {
    let mut flow = generator::flow(300, 5);
    flow.edges.truncate(200);
    flow.nodes.swap(10, 20);
    assert_eq!(check(&flow), check(&flow));
}

#[test]
fn odd_flows_never_panic() {
    let mut rng = Rng::new(42);
    for round in 0..200 {
        let mut flow = generator::flow(40 + round % 30, round as u64);
        for _ in 0..rng.below(12) {
            let nodes = flow.nodes.len().max(1);
            let edges = flow.edges.len().max(1);
            match rng.below(7) {
                0 if !flow.nodes.is_empty() => {
                    flow.nodes.remove(rng.below(nodes));
                }
                1 if !flow.edges.is_empty() => {
                    flow.edges.remove(rng.below(edges));
                }
                2 if !flow.edges.is_empty() => {
                    let to = flow
                        .nodes
                        .get(rng.below(nodes))
                        .map(|n| n.id.clone())
                        .unwrap_or_default();
                    flow.edges[rng.below(edges)].to = to;
                }
                3 if !flow.edges.is_empty() => flow.edges[rng.below(edges)].port = "x".into(),
                4 if !flow.nodes.is_empty() => {
                    let id = flow.nodes[0].id.clone();
                    flow.nodes[rng.below(nodes)].id = id;
                }
                5 if !flow.nodes.is_empty() => {
                    let tag = KindTag::ALL[rng.below(KindTag::ALL.len())];
                    flow.nodes[rng.below(nodes)].kind = tag.default_kind();
                }
                _ => flow.edges.push(Edge::new("inicio", "next", "inicio")),
            }
        }
        let findings = check(&flow);
        let mut sorted = findings.clone();
        sorted.dedup();
        assert_eq!(sorted.len(), findings.len());
    }
    assert!(
        check(&Flow::default())
            .iter()
            .any(|f| f.code == Code::MissingEntry)
    );
}

#[test]
fn unknown_fields_from_the_loader_become_warnings() {
    let text = r#"(format: 1, colour: "blue",
        nodes: [(id: "inicio", kind: Entry()), (id: "r", kind: Request(url: "https://x.com", timout_ms: 3))],
        edges: [(from: "inicio", port: "next", to: "r")])"#;
    let loaded: Loaded = parse(text, Format::Ron).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(
        loaded.unknown_fields.len(),
        2,
        "{:?}",
        loaded.unknown_fields
    );
    let found: Vec<_> = check_loaded(&loaded)
        .into_iter()
        .filter(|f| f.code == Code::UnknownField)
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].location(), "colour");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[1].location(), "r.timout_ms");
    assert!(
        found[1].message.contains("not a field of Request"),
        "{}",
        found[1].message
    );
    assert!(
        check_loaded(&Loaded {
            flow: spec(),
            ..Loaded::default()
        })
        .is_empty()
    );
}

#[test]
fn paths_read_well() {
    assert_eq!(
        readable_path(&["scenarios", "0", "expect", "x"]),
        "scenarios[0].expect.x"
    );
    assert_eq!(
        readable_path(&["team", "agents", "1", "nome"]),
        "team.agents[1].nome"
    );
}

#[test]
fn codes_are_kebab_case_strings_everywhere() {
    for code in Code::ALL {
        assert_eq!(Code::from_str(code.as_str()), Ok(code));
        let json = serde_json::to_string(&code).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", code.as_str()));
        assert!(
            code.as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-')
        );
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
    let finding = |node: Option<&str>, field: Option<&str>| Finding {
        severity: Severity::Error,
        code: Code::EmptyField,
        node: node.map(str::to_owned),
        field: field.map(str::to_owned),
        message: String::new(),
    };
    assert_eq!(finding(Some("n"), Some("url")).location(), "n.url");
    assert_eq!(finding(Some("n"), None).location(), "n");
    assert_eq!(
        finding(None, Some("scenarios[0].name")).location(),
        "scenarios[0].name"
    );
    assert_eq!(finding(None, None).location(), "flow");
}
