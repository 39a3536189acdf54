//! Inputs: every kind as an Ask with its `expect`, buttons as options (and a Condition when
//! they branch), what cannot be carried over reported.

use serde_json::{Value, json};

use super::*;
use crate::flow::{AskExpect, Case, KindTag, Mode, Op, Rule};
use crate::interop::typebot::BlockStatus;
use crate::interop::typebot::inputs::{
    DATE_PATTERN, DATE_TIME_PATTERN, OTP_PATTERN, TIME_PATTERN, URL_PATTERN,
};

/// The Ask one input block becomes: `(prompt, save_as, expect, retry_message)`.
fn ask_of(block: &Value) -> (String, String, AskExpect, String, Imported) {
    let imported = run_import(&one_group(json!([block.clone()])));
    let NodeKind::Ask {
        prompt,
        save_as,
        expect,
        retry_message,
        ..
    } = node(&imported.flow, "main_1").kind.clone()
    else {
        panic!("an Ask: {:?}", imported.flow.nodes);
    };
    (prompt, save_as, expect, retry_message, imported)
}

#[test]
fn a_text_input_asks_anything_and_asks_again_when_invalid() {
    let (prompt, save_as, expect, _, imported) = ask_of(
        &json!({"id": "b", "type": "text input", "options": {"variableId": "v1", "isLong": true}}),
    );
    assert_eq!(prompt, "Type your answer...", "Typebot's own placeholder");
    assert_eq!(save_as, "name");
    assert_eq!(expect, AskExpect::Any);
    let flow = &imported.flow;
    assert_eq!(to(flow, "main_1", "answered"), Some("fim"));
    assert_eq!(to(flow, "main_1", "invalid"), Some("main_1"));
    assert_eq!(to(flow, "main_1", "timeout"), None);
    assert!(imported.report.items.is_empty());
    let (_, run) = walk(flow, &["Ana"]);
    assert_eq!(run.variable("name").as_deref(), Some("Ana"));
}

#[test]
fn an_input_without_a_variable_saves_under_its_group_and_a_label_is_its_prompt() {
    let (prompt, save_as, ..) = ask_of(&json!({
        "id": "b", "type": "text input", "options": {"labels": {"placeholder": "Conte mais, {{Name}}"}}
    }));
    assert_eq!(save_as, "main");
    assert_eq!(prompt, "Conte mais, {{name}}");
}

#[test]
fn each_input_kind_has_its_expect() {
    let cases = [
        (
            json!({"type": "number input", "options": {"variableId": "v4"}}),
            AskExpect::Number,
            "",
        ),
        (
            json!({"type": "email input", "options": {"variableId": "v2"}}),
            AskExpect::Email,
            "This email doesn't seem to be valid. Can you type it again?",
        ),
        (
            json!({"type": "phone number input", "options": {"retryMessageContent": "Número inválido, {{Name}}"}}),
            AskExpect::Phone,
            "Número inválido, {{name}}",
        ),
        (
            json!({"type": "url input"}),
            AskExpect::Regex(URL_PATTERN.into()),
            "This URL doesn't seem to be valid. Can you type it again?",
        ),
        (
            json!({"type": "date input"}),
            AskExpect::Regex(DATE_PATTERN.into()),
            "",
        ),
        (
            json!({"type": "date input", "options": {"hasTime": true}}),
            AskExpect::Regex(DATE_TIME_PATTERN.into()),
            "",
        ),
        (
            json!({"type": "date input", "options": {"isRange": true}}),
            AskExpect::Any,
            "",
        ),
        (
            json!({"type": "time input"}),
            AskExpect::Regex(TIME_PATTERN.into()),
            "",
        ),
        (
            json!({"type": "otp input"}),
            AskExpect::Regex(OTP_PATTERN.into()),
            "",
        ),
        (
            json!({"type": "rating input"}),
            AskExpect::Options((0..=10).map(|n| n.to_string()).collect()),
            "",
        ),
        (
            json!({"type": "rating input", "options": {"startsAt": 1, "length": 5}}),
            AskExpect::Options((1..=5).map(|n| n.to_string()).collect()),
            "",
        ),
        (
            json!({"type": "rating input", "options": {"length": 1e12}}),
            AskExpect::Number,
            "",
        ),
        (json!({"type": "file input"}), AskExpect::Any, ""),
    ];
    for (mut block, want, want_retry) in cases {
        block["id"] = json!("b");
        let (_, _, expect, retry, _) = ask_of(&block);
        assert_eq!(expect, want, "{block}");
        assert_eq!(retry, want_retry, "{block}");
    }
}

#[test]
fn the_patterns_take_what_typebot_sends_and_refuse_the_rest() {
    let full = |pattern: &str| regex::Regex::new(&format!("^(?:{pattern})$")).unwrap();
    let url = full(URL_PATTERN);
    for good in ["https://site.com/x?y=1", "site.com.br", "HTTP://A.IO:8080"] {
        assert!(url.is_match(good), "{good}");
    }
    for bad in ["site", "not a url.com", "https://"] {
        assert!(!url.is_match(bad), "{bad}");
    }
    assert!(full(DATE_PATTERN).is_match("25/12/2026"));
    assert!(full(DATE_PATTERN).is_match("2026-12-25"));
    assert!(!full(DATE_PATTERN).is_match("amanhã"));
    assert!(full(DATE_TIME_PATTERN).is_match("25/12/2026 14:30"));
    assert!(full(TIME_PATTERN).is_match("2:30 PM"));
    assert!(full(OTP_PATTERN).is_match("123456"));
}

#[test]
fn every_sample_reply_fits_its_question() {
    for kind in [
        "text input",
        "number input",
        "email input",
        "url input",
        "phone number input",
        "date input",
        "time input",
        "otp input",
        "rating input",
        "file input",
    ] {
        let imported = run_import(&one_group(json!([{"id": "b", "type": kind}])));
        let scenario = &imported.flow.scenarios[0];
        assert_eq!(scenario.replies.len(), 1, "{kind}");
        let (path, run) = walk(&imported.flow, &[]);
        let (_, replayed) = walk(
            &imported.flow,
            &[match &scenario.replies[0] {
                Reply::Text(text) => text.as_str(),
                Reply::NoReply => "",
            }],
        );
        assert_eq!(path, ["inicio", "main_1"], "{kind}: waits");
        drop(run);
        assert_eq!(replayed.path(), ["inicio", "main_1", "fim"], "{kind}");
    }
}

/// A menu whose first and third buttons lead to "Vendas", the rest where the block goes.
fn menu() -> Value {
    export(
        &[
            (
                "g",
                "Menu",
                json!([
                    {"id": "b0", "type": "text", "content": {"richText": [{"type": "p", "children": [{"text": "Como posso ajudar?"}]}]}},
                    {"id": "b1", "type": "choice input", "outgoingEdgeId": "e-else", "options": {"variableId": "v1"}, "items": [
                        {"id": "i1", "content": "Vendas", "outgoingEdgeId": "e1"},
                        {"id": "i2", "content": "Suporte técnico"},
                        {"id": "i3", "content": "Else"}
                    ]}
                ]),
            ),
            (
                "h",
                "Vendas",
                json!([{"id": "b2", "type": "text", "content": {"plainText": "Vendas!"}}]),
            ),
            (
                "k",
                "Outro",
                json!([{"id": "b3", "type": "text", "content": {"plainText": "Outro!"}}]),
            ),
        ],
        json!([
            {"id": "e1", "from": {"blockId": "b1", "itemId": "i1"}, "to": {"groupId": "h"}},
            {"id": "e-else", "from": {"blockId": "b1"}, "to": {"groupId": "k"}},
            {"id": "e3", "from": {"blockId": "b1", "itemId": "i3"}, "to": {"groupId": "h"}}
        ]),
        variables(),
    )
}

#[test]
fn buttons_are_options_listed_in_the_question_and_branch_by_a_condition() {
    let imported = run_import(&menu());
    let flow = &imported.flow;
    let NodeKind::Ask {
        prompt,
        expect,
        save_as,
        ..
    } = &node(flow, "menu_1").kind
    else {
        panic!("an Ask");
    };
    assert_eq!(
        prompt,
        "Como posso ajudar?\n1) Vendas\n2) Suporte técnico\n3) Else"
    );
    assert_eq!(
        *expect,
        AskExpect::Options(vec![
            "Vendas".into(),
            "Suporte técnico".into(),
            "Else".into()
        ])
    );
    assert_eq!(save_as, "name");
    assert_eq!(to(flow, "menu_1", "answered"), Some("menu_2"));
    assert_eq!(
        node(flow, "menu_2").kind,
        NodeKind::Condition {
            cases: vec![
                Case {
                    port: "vendas".into(),
                    mode: Mode::All,
                    rules: vec![Rule {
                        var: "name".into(),
                        op: Op::Equals,
                        value: "Vendas".into()
                    }]
                },
                Case {
                    port: "else_2".into(),
                    mode: Mode::All,
                    rules: vec![Rule {
                        var: "name".into(),
                        op: Op::Equals,
                        value: "Else".into()
                    }]
                },
            ]
        }
    );
    assert_eq!(to(flow, "menu_2", "vendas"), Some("vendas_1"));
    assert_eq!(
        to(flow, "menu_2", "else"),
        Some("outro_1"),
        "the block's own edge"
    );
    for (reply, end) in [
        ("1", "Vendas!"),
        ("suporte TÉCNICO", "Outro!"),
        ("else", "Vendas!"),
    ] {
        let (_, run) = walk(flow, &[reply]);
        assert_eq!(said(&run).last().map(String::as_str), Some(end), "{reply}");
    }
    assert_eq!(
        imported.flow.scenarios[0].replies,
        vec![Reply::Text("Vendas".into())],
        "the first scenario takes the first button"
    );
}

#[test]
fn buttons_without_edges_of_their_own_go_on_down_the_group() {
    let imported = run_import(&one_group(json!([
        {"id": "b1", "type": "choice input", "items": [{"id": "i1", "content": "Sim"}, {"id": "i2", "content": "Não"}]},
        {"id": "b2", "type": "text", "content": {"plainText": "Depois"}}
    ])));
    let flow = &imported.flow;
    assert_eq!(to(flow, "main_1", "answered"), Some("main_2"));
    assert!(is_kind(node(flow, "main_2"), KindTag::Message));
}

#[test]
fn multiple_dynamic_and_conditional_buttons_are_reported() {
    let (_, _, expect, _, imported) = ask_of(&json!({
        "id": "b", "type": "choice input", "options": {"isMultipleChoice": true},
        "items": [{"id": "i1", "content": "A", "outgoingEdgeId": "x"}, {"id": "i2", "content": "B"}]
    }));
    assert_eq!(expect, AskExpect::Any);
    assert_eq!(issues(&imported), [&Issue::MultipleChoice]);
    assert_eq!(imported.report.blocks[0].status, BlockStatus::Partial);

    let (_, _, expect, _, imported) = ask_of(&json!({
        "id": "b", "type": "choice input", "options": {"dynamicVariableId": "v1"},
        "items": [{"id": "i1"}]
    }));
    assert_eq!(expect, AskExpect::Any);
    assert_eq!(
        issues(&imported),
        [&Issue::DynamicChoice {
            variable: "name".into()
        }]
    );

    let (_, _, expect, _, imported) = ask_of(&json!({
        "id": "b", "type": "choice input",
        "items": [
            {"id": "i1", "content": "A", "displayCondition": {"isEnabled": true}},
            {"id": "i2", "content": "B", "displayCondition": {"isEnabled": false}},
            {"id": "i3", "content": "C", "displayCondition": {"isEnabled": true}}
        ]
    }));
    assert_eq!(
        expect,
        AskExpect::Options(vec!["A".into(), "B".into(), "C".into()])
    );
    assert_eq!(
        issues(&imported),
        [&Issue::ItemCondition {
            items: "“A”, “C”".into()
        }]
    );
}

#[test]
fn picture_choices_offer_their_titles() {
    let (prompt, _, expect, _, _) = ask_of(&json!({
        "id": "b", "type": "picture choice input",
        "items": [
            {"id": "i1", "pictureSrc": "https://x.io/1.png", "title": "Filhote"},
            {"id": "i2", "pictureSrc": "https://x.io/2.png", "description": "Adulto"},
            {"id": "i3", "pictureSrc": "https://x.io/3.png"}
        ]
    }));
    assert_eq!(
        expect,
        AskExpect::Options(vec!["Filhote".into(), "Adulto".into(), "3".into()])
    );
    assert_eq!(prompt, "1) Filhote\n2) Adulto\n3) 3");
}

#[test]
fn a_voice_clip_variable_is_set_after_the_answer() {
    let imported = run_import(&one_group(json!([
        {"id": "b", "type": "text input", "options": {"variableId": "v1", "audioClip": {"isEnabled": true, "saveVariableId": "v2"}}}
    ])));
    let flow = &imported.flow;
    assert_eq!(to(flow, "main_1", "answered"), Some("main_2"));
    assert_eq!(
        node(flow, "main_2").kind,
        NodeKind::SetVariable {
            set: [("email".to_owned(), String::new())].into()
        }
    );
    assert_eq!(to(flow, "main_2", "next"), Some("fim"));
    assert_eq!(issues(&imported), [&Issue::FileReply]);
}
