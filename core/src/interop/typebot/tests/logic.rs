//! Logic blocks: Condition (every operator, AND and OR, the negated ones through a second
//! Condition), Set variable (each value type), Jump, Typebot link, A/B test, Return.

use serde_json::{Value, json};

use super::*;
use crate::flow::{EndReason, KindTag, Mode, Op, Rule};
use crate::interop::typebot::BlockStatus;

/// A group that sets Score (v4) to `value`, then a Condition with `items` whose item `n` leads
/// to a group saying `case n`, the block's own edge to one saying `else`.
fn condition_flow(value: &str, items: &Value) -> Value {
    let mut groups = vec![(
        "g",
        "Main",
        json!([
            {"id": "set", "type": "Set variable", "options": {"variableId": "v4", "expressionToEvaluate": value}},
            {"id": "c", "type": "Condition", "outgoingEdgeId": "e-else", "items": items}
        ]),
    )];
    let mut edges =
        vec![json!({"id": "e-else", "from": {"blockId": "c"}, "to": {"groupId": "else"}})];
    let count = items.as_array().map_or(0, Vec::len);
    let titles: Vec<String> = (0..count).map(|n| format!("case {n}")).collect();
    let ids: Vec<String> = (0..count).map(|n| format!("t{n}")).collect();
    for (n, (id, title)) in ids.iter().zip(&titles).enumerate() {
        edges.push(json!({"id": format!("e{n}"), "from": {"blockId": "c", "itemId": format!("i{n}")}, "to": {"groupId": id}}));
        groups.push((
            id.as_str(),
            title.as_str(),
            json!([{"id": format!("say{n}"), "type": "text", "content": {"plainText": title}}]),
        ));
    }
    groups.push((
        "else",
        "Else",
        json!([{"id": "say-else", "type": "text", "content": {"plainText": "else"}}]),
    ));
    export(&groups, Value::Array(edges), variables())
}

fn item(n: usize, operator: &str, comparisons: &[(&str, &str, &str)]) -> Value {
    let comparisons: Vec<Value> = comparisons
        .iter()
        .map(|(var, op, value)| json!({"id": "x", "variableId": var, "comparisonOperator": op, "value": value}))
        .collect();
    json!({"id": format!("i{n}"), "outgoingEdgeId": format!("e{n}"), "content": {"logicalOperator": operator, "comparisons": comparisons}})
}

/// What the flow says last when Score is `value`.
fn outcome(value: &str, items: &Value) -> String {
    let imported = run_import(&condition_flow(value, items));
    let (_, run) = walk(&imported.flow, &[]);
    assert_eq!(run.end().map(|end| end.reason), Some(EndReason::End));
    said(&run).last().cloned().unwrap_or_default()
}

#[test]
fn each_operator_holds_as_in_typebot() {
    // (operator, compared value, Score values where it holds, where it does not)
    let table: &[(&str, &str, &[&str], &[&str])] = &[
        ("Equal to", "abc", &["abc", "ABC"], &["abd"]),
        ("Not equal", "abc", &["abd"], &["abc"]),
        ("Contains", "b", &["abc"], &["xyz"]),
        ("Does not contain", "b", &["xyz"], &["abc"]),
        ("Greater than", "8", &["9", "10"], &["8", "2"]),
        ("Less than", "8", &["7"], &["8", "10"]),
        ("Greater or equal to", "8", &["8", "9"], &["7"]),
        ("Less or equal to", "8", &["8", "1"], &["9"]),
        ("Is set", "", &["x"], &[""]),
        ("Is empty", "", &[""], &["x"]),
        ("Starts with", "ab", &["abc"], &["cab"]),
        ("Ends with", "bc", &["abc"], &["bca"]),
        ("Matches regex", "/^A/i", &["abc"], &["bca"]),
        ("Does not match regex", "^a", &["bca"], &["abc"]),
    ];
    for (operator, compared, holds, fails) in table {
        let items = json!([item(0, "AND", &[("v4", operator, compared)])]);
        for value in *holds {
            assert_eq!(
                outcome(value, &items),
                "case 0",
                "{operator} {compared} on {value:?}"
            );
        }
        for value in *fails {
            assert_eq!(
                outcome(value, &items),
                "else",
                "{operator} {compared} on {value:?}"
            );
        }
    }
}

#[test]
fn and_and_or_join_the_comparisons_of_an_item() {
    let both = json!([item(
        0,
        "AND",
        &[("v4", "Contains", "a"), ("v4", "Contains", "b")]
    )]);
    assert_eq!(outcome("ab", &both), "case 0");
    assert_eq!(outcome("a", &both), "else");
    let either = json!([item(
        0,
        "OR",
        &[("v4", "Contains", "a"), ("v4", "Contains", "b")]
    )]);
    assert_eq!(outcome("b", &either), "case 0");
    assert_eq!(outcome("c", &either), "else");
    let imported = run_import(&condition_flow("x", &either));
    let NodeKind::Condition { cases } = &node(&imported.flow, "main_2").kind else {
        panic!("a Condition");
    };
    assert_eq!(cases[0].mode, Mode::Any);
    assert_eq!(
        cases[0].rules[1],
        Rule {
            var: "score".into(),
            op: Op::Contains,
            value: "b".into()
        }
    );
    assert!(imported.report.items.is_empty());
}

#[test]
fn items_are_tried_in_order_and_a_negated_one_keeps_its_place() {
    // item 0: contains "a"; item 1: does not contain "b" (a second Condition); item 2: "Is set".
    let items = json!([
        item(0, "AND", &[("v4", "Contains", "a")]),
        item(
            1,
            "AND",
            &[
                ("v4", "Does not contain", "b"),
                ("v4", "Does not contain", "c")
            ]
        ),
        item(2, "AND", &[("v4", "Is set", "")])
    ]);
    assert_eq!(outcome("ab", &items), "case 0");
    assert_eq!(outcome("xyz", &items), "case 1");
    assert_eq!(outcome("xbz", &items), "case 2");
    assert_eq!(
        outcome("", &items),
        "case 1",
        "an empty Score contains nothing"
    );
    let imported = run_import(&condition_flow("x", &items));
    let flow = &imported.flow;
    let NodeKind::Condition { cases } = &node(flow, "main_2").kind else {
        panic!("a Condition");
    };
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[1].port, "nao_caso_2");
    assert_eq!(cases[1].mode, Mode::Any, "not (b and c) = contains b or c");
    assert_eq!(to(flow, "main_2", "nao_caso_2"), Some("main_3"));
    assert_eq!(to(flow, "main_2", "else"), Some("case_1_1"));
    assert_eq!(to(flow, "main_3", "else"), Some("else_1"));
    assert!(
        imported.report.items.is_empty(),
        "all of it was carried over"
    );
}

#[test]
fn what_cannot_be_written_is_left_out_and_reported() {
    // An AND item with a comparison without variable never holds: left out.
    let items = json!([
        item(0, "AND", &[("", "Equal to", "x"), ("v4", "Equal to", "x")]),
        item(
            1,
            "OR",
            &[
                ("v4", "Bigger than", "x"),
                ("v4", "", "x"),
                ("v4", "Equal to", "x")
            ]
        ),
        item(
            2,
            "AND",
            &[("v4", "Starts with", "x"), ("v4", "Does not contain", "y")]
        )
    ]);
    let imported = run_import(&condition_flow("x", &items));
    assert_eq!(
        issues(&imported),
        [
            &Issue::ConditionIncomplete,
            &Issue::ConditionRule {
                operator: "Bigger than".into()
            },
            &Issue::ConditionIncomplete,
            &Issue::ConditionRule {
                operator: "Does not contain".into()
            }
        ]
    );
    let NodeKind::Condition { cases } = &node(&imported.flow, "main_2").kind else {
        panic!("a Condition");
    };
    assert_eq!(cases.len(), 2, "the first item is gone");
    assert_eq!(outcome("x", &items), "case 1");
}

#[test]
fn an_item_without_an_edge_and_no_block_edge_goes_on_down_the_group() {
    let imported = run_import(&one_group(json!([
        {"id": "c", "type": "Condition", "items": [{"id": "i", "content": {"comparisons": [
            {"id": "x", "variableId": "v1", "comparisonOperator": "Is empty"}
        ]}}]},
        {"id": "t", "type": "text", "content": {"plainText": "depois"}}
    ])));
    let flow = &imported.flow;
    assert_eq!(to(flow, "main_1", "caso_1"), Some("main_2"));
    assert_eq!(to(flow, "main_1", "else"), Some("main_2"));
}

#[test]
fn a_condition_that_can_never_hold_is_no_node() {
    let imported = run_import(&one_group(json!([
        {"id": "c", "type": "Condition", "items": [{"id": "i", "content": {}}]},
        {"id": "t", "type": "text", "content": {"plainText": "depois"}}
    ])));
    assert_eq!(to(&imported.flow, "inicio", "next"), Some("main_1"));
    assert!(is_kind(node(&imported.flow, "main_1"), KindTag::Message));
}

/// The SetVariable one Set variable block becomes, and the issues.
fn set_of(options: &Value) -> (Vec<(String, String)>, Vec<Issue>) {
    let imported = run_import(&one_group(
        json!([{"id": "s", "type": "Set variable", "options": options}]),
    ));
    let issues = issues(&imported).into_iter().cloned().collect();
    match &node(&imported.flow, "main_1").kind {
        NodeKind::SetVariable { set } => (
            set.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            issues,
        ),
        other => panic!("{other:?}"),
    }
}

fn pair(name: &str, value: &str) -> Vec<(String, String)> {
    vec![(name.to_owned(), value.to_owned())]
}

#[test]
fn set_variable_sets_literals_and_notes_what_it_cannot_compute() {
    assert_eq!(
        set_of(&json!({"variableId": "v1", "expressionToEvaluate": "Ana {{Email}}"})),
        (pair("name", "Ana {{email}}"), vec![])
    );
    assert_eq!(
        set_of(&json!({"variableId": "v1", "expressionToEvaluate": "\"quoted\""})),
        (pair("name", "quoted"), vec![])
    );
    assert_eq!(
        set_of(
            &json!({"variableId": "v4", "type": "Custom", "expressionToEvaluate": "{{Score}} + 5"})
        ),
        (
            pair("score", "{{score}} + 5"),
            vec![Issue::Expression {
                variable: "score".into(),
                expression: "{{score}} + 5".into()
            }]
        )
    );
    assert_eq!(
        set_of(&json!({"variableId": "v4", "expressionToEvaluate": "return 1", "isCode": true})),
        (
            pair("score", ""),
            vec![Issue::Code {
                variable: "score".into()
            }]
        )
    );
    assert_eq!(
        set_of(&json!({"variableId": "v4", "type": "Empty"})),
        (pair("score", ""), vec![])
    );
    assert_eq!(
        set_of(&json!({"variableId": "v2", "type": "Phone number"})),
        (pair("email", "{{contact.phone}}"), vec![])
    );
    assert_eq!(
        set_of(&json!({"variableId": "v1", "type": "Contact name"})),
        (pair("name", "{{contact.name}}"), vec![])
    );
    for (value_type, value) in [
        ("Today", "{{now.date}}"),
        ("Now", "{{now.date}} {{now.time}}"),
        ("Result ID", "{{chat.id}}"),
        ("Random ID", "{{chat.protocol}}"),
        ("Environment name", "{{contact.channel}}"),
        ("Tomorrow", ""),
        ("Moment of the day", ""),
        ("Transcript", ""),
        ("Something new", ""),
    ] {
        assert_eq!(
            set_of(&json!({"variableId": "v4", "type": value_type})),
            (
                pair("score", value),
                vec![Issue::ComputedValue {
                    variable: "score".into(),
                    value_type: value_type.into(),
                    value: value.into()
                }]
            ),
            "{value_type}"
        );
    }
    assert_eq!(
        set_of(&json!({"variableId": "v4", "type": "Append value(s)", "item": "{{Name}}"})),
        (
            pair("score", "{{score}}, {{name}}"),
            vec![Issue::ListOperation {
                variable: "score".into(),
                operation: "Append value(s)".into()
            }]
        )
    );
    assert_eq!(
        set_of(&json!({"variableId": "v4", "type": "Pop", "saveItemInVariableId": "v1"})),
        (
            pair("name", ""),
            vec![Issue::ListOperation {
                variable: "score".into(),
                operation: "Pop".into()
            }]
        )
    );
}

#[test]
fn set_variable_runs() {
    let imported = run_import(&one_group(json!([
        {"id": "s", "type": "Set variable", "options": {"variableId": "v4", "expressionToEvaluate": "10"}},
        {"id": "s2", "type": "Set variable", "options": {"variableId": "v1", "type": "Contact name"}}
    ])));
    let (_, run) = walk(&imported.flow, &[]);
    assert_eq!(run.variable("score").as_deref(), Some("10"));
    assert!(run.variable("name").is_some());
}

#[test]
fn a_set_variable_without_a_variable_is_no_node() {
    let imported = run_import(&one_group(json!([
        {"id": "s", "type": "Set variable", "options": {"expressionToEvaluate": "10"}}
    ])));
    assert_eq!(to(&imported.flow, "inicio", "next"), Some("fim"));
}

#[test]
fn a_jump_is_an_edge_to_its_group_or_block() {
    let value = export(
        &[
            (
                "g",
                "Main",
                json!([
                    {"id": "t", "type": "text", "content": {"plainText": "um"}},
                    {"id": "j", "type": "Jump", "options": {"groupId": "h", "blockId": "b2"}}
                ]),
            ),
            (
                "h",
                "Other",
                json!([
                    {"id": "b1", "type": "text", "content": {"plainText": "pulado"}},
                    {"id": "b2", "type": "text", "content": {"plainText": "aqui"}}
                ]),
            ),
        ],
        json!([]),
        variables(),
    );
    let imported = run_import(&value);
    assert_eq!(to(&imported.flow, "main_1", "next"), Some("other_2"));
    assert_eq!(imported.report.blocks[1].status, BlockStatus::Edge);
    assert_eq!(imported.report.blocks[1].node, None);
}

#[test]
fn a_jump_nowhere_or_round_in_a_loop_ends_and_is_reported() {
    let value = export(
        &[
            (
                "g",
                "Main",
                json!([
                    {"id": "t", "type": "text", "content": {"plainText": "um"}},
                    {"id": "j", "type": "Jump", "options": {"groupId": "h"}}
                ]),
            ),
            (
                "h",
                "Loop",
                json!([{"id": "j2", "type": "Jump", "options": {"groupId": "h"}}]),
            ),
            (
                "k",
                "Lost",
                json!([
                    {"id": "t2", "type": "text", "content": {"plainText": "dois"}},
                    {"id": "j3", "type": "Jump", "options": {"groupId": "missing"}}
                ]),
            ),
        ],
        json!([]),
        variables(),
    );
    let imported = run_import(&value);
    let flow = &imported.flow;
    assert!(is_kind(
        node(flow, to(flow, "main_1", "next").unwrap()),
        KindTag::End
    ));
    assert!(is_kind(
        node(flow, to(flow, "lost_1", "next").unwrap()),
        KindTag::End
    ));
    let missing: Vec<&Issue> = issues(&imported)
        .into_iter()
        .filter(|issue| matches!(issue, Issue::MissingTarget { .. }))
        .collect();
    assert_eq!(
        missing,
        [
            &Issue::MissingTarget {
                target: "Jump".into()
            },
            &Issue::MissingTarget {
                target: "missing".into()
            }
        ]
    );
}

#[test]
fn a_link_to_the_same_bot_is_an_edge_and_to_another_a_subflow() {
    let value = export(
        &[
            (
                "g",
                "Main",
                json!([
                    {"id": "l", "type": "Typebot link", "options": {"typebotId": "current", "groupId": "h"}}
                ]),
            ),
            (
                "h",
                "Other",
                json!([
                    {"id": "t", "type": "text", "content": {"plainText": "aqui"}},
                    {"id": "l2", "type": "Typebot link", "options": {"typebotId": "outro-bot", "groupId": "x"}},
                    {"id": "t2", "type": "text", "content": {"plainText": "depois"}}
                ]),
            ),
        ],
        json!([]),
        variables(),
    );
    let imported = run_import(&value);
    let flow = &imported.flow;
    assert_eq!(to(flow, "inicio", "next"), Some("other_1"));
    assert_eq!(to(flow, "other_1", "next"), Some("other_2"));
    assert_eq!(
        node(flow, "other_2").kind,
        NodeKind::SubFlow {
            flow: "outro-bot.flow.ron".into()
        }
    );
    assert_eq!(
        to(flow, "other_2", "done"),
        Some("other_3"),
        "the link goes on"
    );
    assert_eq!(imported.report.blocks[2].status, BlockStatus::Partial);
    let scenario = &flow.scenarios[0];
    assert_eq!(
        imported
            .report
            .scenario
            .as_ref()
            .and_then(|run| run.end_reason),
        Some(EndReason::Error),
        "no library: the call cannot be made"
    );
    assert!(
        scenario.expect.is_empty(),
        "nothing expected of an end that is an Error"
    );
    assert_eq!(
        issues(&imported),
        [&Issue::LinkedBot {
            typebot_id: "outro-bot".into(),
            group_id: "x".into(),
            file: "outro-bot.flow.ron".into()
        }]
    );
    assert_eq!(imported.report.items[0].node.as_deref(), Some("other_2"));
}

#[test]
fn an_ab_test_splits_by_the_chat_id() {
    let value = export(
        &[
            (
                "g",
                "Main",
                json!([{"id": "ab", "type": "AB test", "options": {"aPercent": 30}, "items": [
                    {"id": "a", "path": "a", "outgoingEdgeId": "ea"},
                    {"id": "b", "path": "b", "outgoingEdgeId": "eb"}
                ]}]),
            ),
            (
                "h",
                "A",
                json!([{"id": "t", "type": "text", "content": {"plainText": "A"}}]),
            ),
            (
                "k",
                "B",
                json!([{"id": "t2", "type": "text", "content": {"plainText": "B"}}]),
            ),
        ],
        json!([
            {"id": "ea", "from": {"blockId": "ab", "itemId": "a"}, "to": {"groupId": "h"}},
            {"id": "eb", "from": {"blockId": "ab", "itemId": "b"}, "to": {"groupId": "k"}}
        ]),
        variables(),
    );
    let imported = run_import(&value);
    let flow = &imported.flow;
    assert_eq!(to(flow, "main_1", "a"), Some("a_1"));
    assert_eq!(to(flow, "main_1", "else"), Some("b_1"));
    assert_eq!(
        issues(&imported),
        [&Issue::AbTest {
            percent: "30".into()
        }]
    );
    // Over many chats, about 30 % take A.
    let mut a = 0;
    for seed in 0..200 {
        let scenario = Scenario {
            name: format!("s{seed}"),
            seed,
            ..Scenario::default()
        };
        let mut run = Run::new(flow, &scenario, Options::default());
        run.run_to_end();
        if run.path().contains(&"a_1") {
            a += 1;
        }
    }
    assert!((30..=90).contains(&a), "{a} of 200 took A");
}

#[test]
fn return_ends_the_flow() {
    let imported = run_import(&one_group(json!([{"id": "r", "type": "Return"}])));
    assert!(is_kind(node(&imported.flow, "main_1"), KindTag::End));
    assert!(imported.report.items.is_empty());
}
