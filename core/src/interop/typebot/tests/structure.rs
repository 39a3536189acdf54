//! The export as a whole: what is refused, the start, versions and events, positions, the team
//! and first scenario, and that no shape of input makes the import fail or panic.

use serde_json::{Value, json};

use super::*;
use crate::flow::{AgentStatus, EndReason, KindTag};
use crate::interop::typebot::{ImportError, Item, NotTypebot};

#[test]
fn what_is_not_a_typebot_export_is_refused_with_a_reason() {
    let options = ImportOptions::default();
    assert_eq!(
        import("{\n  \"groups\": [,]\n}", &options),
        Err(ImportError::Json {
            line: 2,
            column: 14,
            problem: crate::file::Problem::Expected(crate::file::Expected::Value)
        })
    );
    assert_eq!(
        import("[1, 2]", &options),
        Err(ImportError::NotTypebot(NotTypebot::NotAnObject))
    );
    assert_eq!(
        import(r#"{"name": "x", "nodes": []}"#, &options),
        Err(ImportError::NotTypebot(NotTypebot::NoGroups))
    );
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    assert!(matches!(
        import(&deep, &options),
        Err(ImportError::Json { .. })
    ));
}

#[test]
fn a_wrapped_export_and_an_empty_one_import() {
    let wrapped = json!({"typebot": one_group(json!([{"id": "t", "type": "text", "content": {"plainText": "oi"}}]))});
    let imported = run_import(&wrapped);
    assert_eq!(imported.flow.name, "Test bot");
    assert_eq!(to(&imported.flow, "inicio", "next"), Some("main_1"));

    let imported = run_import(&json!({"groups": []}));
    assert_eq!(ids(&imported.flow), ["inicio"]);
    assert_eq!(imported.flow.name, "Typebot");
    let codes: Vec<&str> = imported
        .report
        .items
        .iter()
        .map(|i| i.issue.code())
        .collect();
    assert_eq!(codes, ["version", "no-start"]);
}

#[test]
fn a_v5_start_block_starts_the_flow_and_other_events_are_reported() {
    let value = json!({
        "version": "5",
        "events": [{"id": "cmd", "type": "command"}],
        "groups": [
            {"id": "s", "title": "Start", "graphCoordinates": {"x": 10, "y": 20}, "blocks": [
                {"id": "start", "type": "start", "outgoingEdgeId": "e"}
            ]},
            {"id": "g", "title": "Hello", "graphCoordinates": {"x": 300, "y": 20}, "blocks": [
                {"id": "t", "type": "text", "content": {"plainText": "oi"}}
            ]}
        ],
        "edges": [{"id": "e", "from": {"blockId": "start"}, "to": {"groupId": "g"}}],
        "variables": []
    });
    let imported = run_import(&value);
    let flow = &imported.flow;
    assert_eq!(to(flow, "inicio", "next"), Some("hello_1"));
    assert_eq!(node(flow, "inicio").pos, (10.0, 20.0));
    assert_eq!(
        issues(&imported),
        [
            &Issue::Version {
                version: "5".into()
            },
            &Issue::EventIgnored {
                event: "command".into()
            }
        ]
    );
}

#[test]
fn groups_are_columns_at_their_coordinates_and_overlaps_are_counted() {
    let value = export(
        &[
            (
                "g",
                "Boas-vindas",
                json!([
                    {"id": "a", "type": "text", "content": {"plainText": "1"}},
                    {"id": "b", "type": "text", "content": {"plainText": "2"}},
                    {"id": "c", "type": "email input", "options": {"variableId": "v2"}}
                ]),
            ),
            (
                "h",
                "Boas-vindas",
                json!([{"id": "d", "type": "text", "content": {"plainText": "3"}}]),
            ),
        ],
        json!([]),
        variables(),
    );
    let imported = run_import(&value);
    let flow = &imported.flow;
    assert_eq!(node(flow, "boas_vindas_1").pos, (0.0, 0.0));
    assert_eq!(
        node(flow, "boas_vindas_2").pos,
        (0.0, 120.0),
        "card 96 high + 24"
    );
    let ask = node(flow, "boas_vindas_2");
    assert!(
        is_kind(ask, KindTag::Ask),
        "the second bubble is the question"
    );
    // The End goes under the Ask (136 high + 24).
    let end = to(flow, "boas_vindas_2", "answered").unwrap();
    assert_eq!(node(flow, end).pos, (0.0, 280.0));
    assert_eq!(
        node(flow, "boas_vindas_2_1").pos,
        (400.0, 0.0),
        "a second group of that name"
    );
    assert_eq!(imported.report.overlaps, 0);
    assert!(!imported.report.is_tidy_up_recommended());

    let crowded = export(
        &[
            (
                "g",
                "A",
                json!([{"id": "a", "type": "text", "content": {"plainText": "1"}}, {"id": "b", "type": "text", "content": {"plainText": "2"}}]),
            ),
            (
                "h",
                "B",
                json!([{"id": "c", "type": "text", "content": {"plainText": "3"}}]),
            ),
        ],
        json!([]),
        variables(),
    );
    let mut crowded = crowded;
    crowded["groups"][1]["graphCoordinates"] = json!({"x": 50, "y": 100});
    let imported = run_import(&crowded);
    assert!(imported.report.overlaps > 0);
    assert!(imported.report.is_tidy_up_recommended());
}

#[test]
fn odd_coordinates_stay_finite() {
    let mut value = one_group(json!([{"id": "a", "type": "text", "content": {"plainText": "1"}}]));
    value["groups"][0]["graphCoordinates"] = json!({"x": 1e300, "y": "12.5"});
    let imported = run_import(&value);
    assert_eq!(node(&imported.flow, "main_1").pos, (1.0e7, 12.5));
}

#[test]
fn the_flow_gets_a_team_and_a_first_scenario_that_passes() {
    let value = export(
        &[
            (
                "g",
                "Main",
                json!([
                    {"id": "q", "type": "text", "content": {"plainText": "Nome?"}},
                    {"id": "a", "type": "text input", "options": {"variableId": "v1"}},
                    {"id": "c", "type": "choice input", "items": [{"id": "i1", "content": "Sim", "outgoingEdgeId": "e1"}, {"id": "i2", "content": "Não"}]},
                    {"id": "t", "type": "text", "content": {"plainText": "Não!"}}
                ]),
            ),
            (
                "h",
                "Sim",
                json!([{"id": "j", "type": "Jump", "options": {"groupId": "g"}}]),
            ),
        ],
        json!([{"id": "e1", "from": {"blockId": "c", "itemId": "i1"}, "to": {"groupId": "h"}}]),
        variables(),
    );
    let imported = run_import(&value);
    let flow = &imported.flow;
    assert_eq!(flow.team.departments, ["Atendimento"]);
    assert_eq!(flow.team.agents[0].id, "atendente");
    assert_eq!(flow.team.agents[0].status, AgentStatus::Online);
    let scenario = &flow.scenarios[0];
    assert_eq!(scenario.name, "Primeiro caminho");
    // "Sim" loops back to the name: the walk stops when it comes back to a question.
    assert_eq!(
        scenario.replies,
        vec![Reply::Text("Maria".into()), Reply::Text("Sim".into())]
    );
    assert_eq!(scenario.expect.end_reason, Some(EndReason::WaitingReply));
    let mut run = Run::new(flow, scenario, Options::default());
    run.run_to_end();
    assert_eq!(crate::sim::expect::check(&scenario.expect, &run), vec![]);
    let summary = imported.report.scenario.as_ref().unwrap();
    assert_eq!(summary.replies, 2);
    assert_eq!(summary.end_node.as_deref(), Some("main_1"));

    let named = import(
        &flow_json(),
        &ImportOptions {
            scenario_name: "First path".into(),
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert_eq!(named.flow.scenarios[0].name, "First path");
}

fn flow_json() -> String {
    one_group(json!([{"id": "t", "type": "text", "content": {"plainText": "oi"}}])).to_string()
}

#[test]
fn variables_get_fluxo_names_everywhere_and_the_report_lists_them() {
    let imported = run_import(&one_group(json!([
        {"id": "s", "type": "Set variable", "options": {"variableId": "v3", "expressionToEvaluate": "{{Name}}"}},
        {"id": "c", "type": "Condition", "items": [{"id": "i", "content": {"comparisons": [
            {"id": "x", "variableId": "v3", "comparisonOperator": "Equal to", "value": "{{Email}}"}
        ]}}]}
    ])));
    let flow = &imported.flow;
    assert_eq!(
        node(flow, "main_1").kind,
        NodeKind::SetVariable {
            set: [("preco_medio".to_owned(), "{{name}}".to_owned())].into()
        }
    );
    let NodeKind::Condition { cases } = &node(flow, "main_2").kind else {
        panic!("a Condition");
    };
    assert_eq!(
        cases[0].port, "caso_1",
        "a port is not named after a reference"
    );
    assert_eq!(
        cases[0].rules,
        [crate::flow::Rule {
            var: "preco_medio".into(),
            op: crate::flow::Op::Equals,
            value: "{{email}}".into()
        }]
    );
    let renamed: Vec<(&str, &str)> = imported
        .report
        .variables
        .iter()
        .map(|r| (r.typebot.as_str(), r.fluxo.as_str()))
        .collect();
    assert_eq!(
        renamed,
        [
            ("Name", "name"),
            ("Email", "email"),
            ("Preço médio", "preco_medio"),
            ("Score", "score")
        ]
    );
}

#[test]
fn default_values_and_variables_never_set_start_after_the_entry() {
    let mut vars = variables();
    vars[0]["value"] = json!("Maria");
    vars[1]["value"] = json!(["a@x.io", "b@x.io"]);
    let value = export(
        &[(
            "g",
            "Main",
            json!([{"id": "t", "type": "text", "content": {"plainText": "{{Name}} {{Email}} {{Score}} {{Score}}"}}]),
        )],
        json!([]),
        vars,
    );
    let imported = run_import(&value);
    let flow = &imported.flow;
    assert_eq!(ids(flow)[..2], ["inicio", "valores_iniciais"]);
    assert_eq!(
        node(flow, "valores_iniciais").kind,
        NodeKind::SetVariable {
            set: [
                ("name".to_owned(), "Maria".to_owned()),
                ("email".to_owned(), "a@x.io, b@x.io".to_owned()),
                ("score".to_owned(), String::new()),
            ]
            .into()
        }
    );
    assert_eq!(node(flow, "valores_iniciais").pos, (-300.0, 120.0));
    assert_eq!(to(flow, "inicio", "next"), Some("valores_iniciais"));
    assert_eq!(to(flow, "valores_iniciais", "next"), Some("main_1"));
    let starts_empty: Vec<&Item> = imported
        .report
        .items
        .iter()
        .filter(|item| matches!(item.issue, Issue::StartEmpty { .. }))
        .collect();
    assert_eq!(starts_empty.len(), 1);
    assert_eq!(
        starts_empty[0].issue,
        Issue::StartEmpty {
            variables: "score".into()
        }
    );
    assert_eq!(starts_empty[0].node.as_deref(), Some("valores_iniciais"));
    let (_, run) = walk(flow, &[]);
    assert_eq!(said(&run), ["Maria a@x.io, b@x.io  "]);
    assert!(
        crate::check::check(flow)
            .iter()
            .all(|finding| finding.code != crate::check::Code::UnknownVariable)
    );

    let plain = run_import(&one_group(
        json!([{"id": "t", "type": "text", "content": {"plainText": "oi"}}]),
    ));
    assert_eq!(
        to(&plain.flow, "inicio", "next"),
        Some("main_1"),
        "nothing to set"
    );
}

#[test]
fn an_edge_to_a_missing_group_ends_there_and_is_reported() {
    let value = export(
        &[(
            "g",
            "Main",
            json!([{"id": "t", "type": "text", "outgoingEdgeId": "lost", "content": {"plainText": "oi"}}]),
        )],
        json!([]),
        variables(),
    );
    let imported = run_import(&value);
    let flow = &imported.flow;
    assert!(is_kind(
        node(flow, to(flow, "main_1", "next").unwrap()),
        KindTag::End
    ));
    assert_eq!(
        issues(&imported),
        [&Issue::MissingTarget {
            target: "lost".into()
        }]
    );
}

/// Every field of a small but complete export replaced, one at a time, by values of every other
/// JSON type: the import never fails on a block or field it does not understand (only the
/// document's own shape may be refused) and never panics.
#[test]
fn no_shape_of_field_breaks_the_import() {
    let base = export(
        &[
            (
                "g",
                "Main",
                json!([
                    {"id": "t", "type": "text", "content": {"richText": [{"type": "p", "children": [{"text": "oi {{Name}}"}]}]}},
                    {"id": "c", "type": "choice input", "options": {"variableId": "v1"}, "items": [{"id": "i1", "content": "A", "outgoingEdgeId": "e1"}]},
                    {"id": "k", "type": "Condition", "items": [{"id": "i2", "content": {"logicalOperator": "OR", "comparisons": [{"id": "x", "variableId": "v1", "comparisonOperator": "Contains", "value": "a"}]}}]},
                    {"id": "s", "type": "Set variable", "options": {"variableId": "v2", "type": "Custom", "expressionToEvaluate": "1 + 1"}},
                    {"id": "w", "type": "Webhook", "options": {"responseVariableMapping": [{"id": "m", "variableId": "v1", "bodyPath": "data.x"}], "webhook": {"url": "https://x.io", "headers": [{"id": "h", "key": "A", "value": "b"}]}}},
                    {"id": "r", "type": "rating input", "options": {"length": 5}},
                    {"id": "ab", "type": "AB test", "items": [{"id": "a", "path": "a"}, {"id": "b", "path": "b"}]},
                    {"id": "j", "type": "Jump", "options": {"groupId": "h"}}
                ]),
            ),
            (
                "h",
                "Other",
                json!([{"id": "cw", "type": "Chatwoot", "options": {"user": {"name": "x"}}}]),
            ),
        ],
        json!([{"id": "e1", "from": {"blockId": "c", "itemId": "i1"}, "to": {"groupId": "h", "blockId": "cw"}}]),
        variables(),
    );
    let replacements = [
        Value::Null,
        json!(-1.5e300),
        json!("{{"),
        json!([null, 1]),
        json!({"id": 1}),
    ];
    let mut paths = Vec::new();
    collect_paths(&base, &mut Vec::new(), &mut paths);
    assert!(paths.len() > 100, "{}", paths.len());
    for path in &paths {
        for replacement in &replacements {
            let mut value = base.clone();
            if let Some(slot) = pointer_mut(&mut value, path) {
                *slot = replacement.clone();
            }
            let result = import(&value.to_string(), &ImportOptions::default());
            let refused_whole = path.len() <= 1;
            match result {
                // The import ran the flow for its first scenario: that run ended.
                Ok(imported) => assert!(
                    imported
                        .report
                        .scenario
                        .is_some_and(|run| run.end_reason.is_some()),
                    "{path:?} = {replacement}"
                ),
                Err(err) => assert!(refused_whole, "{path:?} = {replacement}: {err}"),
            }
        }
    }
}

fn collect_paths(value: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                at.push(key.clone());
                collect_paths(child, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                at.push(index.to_string());
                collect_paths(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn pointer_mut<'v>(value: &'v mut Value, path: &[String]) -> Option<&'v mut Value> {
    let pointer = path.iter().fold(String::new(), |mut pointer, part| {
        pointer.push('/');
        pointer.push_str(part);
        pointer
    });
    value.pointer_mut(&pointer)
}

/// A large export with long chains: every block forwarding to the next, thousands of variables
/// of one name, a group of thousands of blocks in one column, many choices on one label. Each
/// is followed once (the work grows with the export, not with its square).
#[test]
fn long_chains_many_names_and_one_tall_column_import() {
    const N: usize = 20_000;
    let mut blocks: Vec<Value> = (0..N)
        .map(|i| json!({"id": format!("s{i}"), "type": "Set variable", "options": {"expressionToEvaluate": "x"}}))
        .collect();
    blocks.extend(
        (0..N).map(
            |i| json!({"id": format!("t{i}"), "type": "text", "content": {"plainText": "oi"}}),
        ),
    );
    blocks.push(json!({"id": "c", "type": "choice input", "items": (0..N).map(|i| json!({"id": format!("i{i}"), "content": format!("Opção {}", i % 3), "outgoingEdgeId": "e"})).collect::<Vec<_>>()}));
    let jumps: Vec<Value> = (0..N)
        .map(|i| json!({"id": format!("j{i}"), "type": "Jump", "options": {"groupId": "g", "blockId": format!("t{i}")}}))
        .collect();
    let variables: Vec<Value> = (0..N)
        .map(|i| json!({"id": format!("v{i}"), "name": format!("x{}", i % 2)}))
        .collect();
    let value = export(
        &[
            ("g", "Main", Value::Array(blocks)),
            ("h", "Jumps", Value::Array(jumps)),
        ],
        json!([{"id": "e", "from": {"blockId": "c"}, "to": {"groupId": "h"}}]),
        Value::Array(variables),
    );
    let imported = run_import(&value);
    let flow = &imported.flow;
    assert_eq!(
        to(flow, "inicio", "next"),
        Some("main_1"),
        "20,000 forwards followed"
    );
    assert_eq!(imported.report.variables.len(), 2);
    assert_eq!(imported.report.overlaps, 0, "one column, stacked");
    let NodeKind::Ask { expect, .. } = &node(flow, &format!("main_{N}")).kind else {
        panic!("the choice");
    };
    assert_eq!(
        *expect,
        crate::flow::AskExpect::Options(vec!["Opção 0".into(), "Opção 1".into(), "Opção 2".into()])
    );
}
