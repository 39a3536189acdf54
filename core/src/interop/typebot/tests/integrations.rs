//! HTTP requests, Chatwoot, and every block fluxo cannot run (a noted pass-through node).

use serde_json::{Value, json};

use super::*;
use crate::flow::{KindTag, Method, Route};
use crate::interop::typebot::BlockStatus;

fn request_of(options: &Value) -> (NodeKind, Imported) {
    let imported = run_import(&one_group(
        json!([{"id": "w", "type": "Webhook", "options": options}]),
    ));
    (node(&imported.flow, "main_1").kind.clone(), imported)
}

#[test]
fn an_http_request_keeps_method_url_headers_body_and_response_mapping() {
    let (kind, imported) = request_of(&json!({
        "isCustomBody": true,
        "timeout": 3,
        "responseVariableMapping": [
            {"id": "m1", "variableId": "v1", "bodyPath": "data.user.name"},
            {"id": "m2", "variableId": "v2", "bodyPath": "data[0].email"},
            {"id": "m3", "variableId": "v3", "bodyPath": "data"}
        ],
        "webhook": {
            "method": "PUT",
            "url": "https://api.x.io/users/{{Name}}",
            "queryParams": [{"id": "q", "key": "lang", "value": "pt"}, {"id": "q2", "key": "", "value": "x"}],
            "headers": [{"id": "h", "key": "Authorization", "value": "Bearer {{Email}}"}],
            "body": "{\"score\": {{Score}}}"
        }
    }));
    assert_eq!(
        kind,
        NodeKind::Request {
            method: Method::Put,
            url: "https://api.x.io/users/{{name}}?lang=pt".into(),
            headers: [("Authorization".to_owned(), "Bearer {{email}}".to_owned())].into(),
            body: "{\"score\": {{score}}}".into(),
            timeout_ms: 3000,
            save: [
                ("name".to_owned(), "user.name".to_owned()),
                ("email".to_owned(), "0.email".to_owned()),
                ("preco_medio".to_owned(), String::new()),
            ]
            .into(),
        }
    );
    let flow = &imported.flow;
    assert_eq!(to(flow, "main_1", "ok"), Some("fim"));
    assert_eq!(to(flow, "main_1", "error"), Some("fim"));
    assert!(issues(&imported).is_empty());
}

#[test]
fn a_request_saves_from_a_mocked_answer() {
    let (_, imported) = request_of(&json!({
        "responseVariableMapping": [{"id": "m1", "variableId": "v1", "bodyPath": "data.user.name"}],
        "webhook": {"method": "GET", "url": "https://api.x.io/u"}
    }));
    let mut scenario = imported.flow.scenarios[0].clone();
    scenario.mocks.push(crate::flow::Mock {
        body: r#"{"user": {"name": "Bia"}}"#.into(),
        ..crate::flow::Mock::default()
    });
    let mut run = Run::new(&imported.flow, &scenario, Options::default());
    run.run_to_end();
    assert_eq!(run.variable("name").as_deref(), Some("Bia"));
}

#[test]
fn a_status_code_mapping_is_set_after_the_request() {
    let (_, imported) = request_of(&json!({
        "responseVariableMapping": [{"id": "m1", "variableId": "v4", "bodyPath": "statusCode"}],
        "webhook": {"method": "GET", "url": "https://api.x.io/u"}
    }));
    let flow = &imported.flow;
    assert_eq!(to(flow, "main_1", "ok"), Some("main_2"));
    assert_eq!(to(flow, "main_1", "error"), Some("main_2"));
    assert_eq!(
        node(flow, "main_2").kind,
        NodeKind::SetVariable {
            set: [("score".to_owned(), "{{http.status}}".to_owned())].into()
        }
    );
    assert_eq!(to(flow, "main_2", "next"), Some("fim"));
}

#[test]
fn what_a_request_cannot_carry_is_reported() {
    let (kind, imported) = request_of(&json!({
        "responseVariableMapping": [{"id": "m1", "variableId": "v1", "bodyPath": "data.items.map(i => i.name)"}],
        "webhook": {"method": "HEAD", "url": "https://api.x.io/u", "body": "ignored"},
        "isCustomBody": false
    }));
    let NodeKind::Request {
        method, body, save, ..
    } = kind
    else {
        panic!("a Request");
    };
    assert_eq!(method, Method::Get);
    assert_eq!(body, "");
    assert_eq!(save.get("name").map(String::as_str), Some("items"));
    assert_eq!(
        issues(&imported),
        [
            &Issue::Method {
                method: "HEAD".into()
            },
            &Issue::ResponsePath {
                variable: "name".into(),
                path: "data.items.map(i => i.name)".into(),
                saved: "items".into()
            }
        ]
    );
    let (kind, imported) = request_of(&json!({"webhook": {"url": "https://api.x.io/u"}}));
    assert!(matches!(
        kind,
        NodeKind::Request {
            method: Method::Post,
            timeout_ms: 10_000,
            ..
        }
    ));
    assert_eq!(
        issues(&imported),
        [&Issue::DefaultBody],
        "Typebot posts every variable"
    );
}

#[test]
fn chatwoot_hands_the_chat_to_a_human_and_goes_on() {
    let imported = run_import(&one_group(json!([
        {"id": "c", "type": "Chatwoot", "options": {"task": "Show widget", "user": {"email": "{{Email}}", "name": "{{Name}}"}}},
        {"id": "t", "type": "text", "content": {"plainText": "Até logo"}}
    ])));
    let flow = &imported.flow;
    let NodeKind::LiveChat {
        department,
        route,
        contact_info,
        ..
    } = &node(flow, "main_1").kind
    else {
        panic!("a LiveChat");
    };
    assert_eq!(department, "");
    assert_eq!(*route, Route::Unassigned);
    assert_eq!(
        contact_info.iter().collect::<Vec<_>>(),
        [
            (&"email".to_owned(), &"{{email}}".to_owned()),
            (&"name".to_owned(), &"{{name}}".to_owned())
        ]
    );
    for port in [
        "agent_closed",
        "user_closed",
        "timeout",
        "user_inactivity_timeout",
    ] {
        assert_eq!(to(flow, "main_1", port), Some("main_2"), "{port}");
    }
    let (path, run) = walk(flow, &[]);
    assert!(path.contains(&"main_1".to_owned()), "{path:?}");
    assert_eq!(
        run.variable("live_chat.status").as_deref(),
        Some("agent_closed")
    );
    assert_eq!(said(&run).last().map(String::as_str), Some("Até logo"));
    assert_eq!(issues(&imported), [&Issue::ChatwootWidget]);
    assert!(
        crate::check::check(flow)
            .iter()
            .all(|finding| finding.node.as_deref() != Some("main_1")),
        "an Unassigned handoff needs no department"
    );
}

/// Blocks fluxo cannot run, and the detail the report gives of each.
fn placeholders() -> Vec<(Value, &'static str)> {
    vec![
        (
            json!({"type": "Code", "options": {"name": "Calc", "content": "setVariable('x', 1)"}}),
            "Calc",
        ),
        (
            json!({"type": "Redirect", "options": {"url": "https://x.io/{{Name}}"}}),
            "https://x.io/{{Name}}",
        ),
        (
            json!({"type": "Wait", "options": {"secondsToWaitFor": "2"}}),
            "2 s",
        ),
        (
            json!({"type": "Email", "options": {"subject": "Oi", "recipients": ["a@x.io"]}}),
            "Oi",
        ),
        (
            json!({"type": "Email", "options": {"recipients": ["a@x.io", "b@x.io"]}}),
            "a@x.io, b@x.io",
        ),
        (
            json!({"type": "Google Sheets", "options": {"action": "Get data from sheet", "cellsToExtract": [{"column": "A", "variableId": "v1"}]}}),
            "Get data from sheet",
        ),
        (
            json!({"type": "OpenAI", "options": {"task": "Create chat completion", "model": "gpt-4o", "responseMapping": [{"valueToExtract": "Message content", "variableId": "v1"}], "messages": [{"role": "Dialogue", "dialogueVariableId": "v2"}]}}),
            "Create chat completion, gpt-4o",
        ),
        (
            json!({"type": "openai", "options": {"action": "Create transcription", "transcriptionVariableId": "v1"}}),
            "Create transcription",
        ),
        (
            json!({"type": "mistral", "options": {"action": "Generate variables", "variablesToExtract": [{"variableId": "v1"}]}}),
            "Generate variables",
        ),
        (
            json!({"type": "Zapier", "options": {"webhook": {"url": "https://hooks.zapier.com/x"}}}),
            "https://hooks.zapier.com/x",
        ),
        (json!({"type": "Make.com", "options": {}}), ""),
        (json!({"type": "Pabbly"}), ""),
        (
            json!({"type": "Google Analytics", "options": {"action": "signup"}}),
            "signup",
        ),
        (
            json!({"type": "Pixel", "options": {"eventType": "Lead"}}),
            "Lead",
        ),
        (
            json!({"type": "payment input", "options": {"amount": "9", "currency": "BRL"}}),
            "9 BRL",
        ),
        (
            json!({"type": "Chatwoot", "options": {"task": "Close widget"}}),
            "Close widget",
        ),
        (json!({"type": "Loop", "options": {"iterations": 3}}), "3"),
        (json!({"type": "webhook"}), ""),
    ]
}

#[test]
fn blocks_fluxo_cannot_run_keep_their_place_their_edge_and_the_variables_they_set() {
    for (mut block, detail) in placeholders() {
        block["id"] = json!("p");
        block["outgoingEdgeId"] = json!("e");
        let value = export(
            &[
                ("g", "Main", json!([block.clone()])),
                (
                    "h",
                    "Next",
                    json!([{"id": "t", "type": "text", "content": {"plainText": "depois"}}]),
                ),
            ],
            json!([{"id": "e", "from": {"blockId": "p"}, "to": {"groupId": "h"}}]),
            variables(),
        );
        let imported = run_import(&value);
        let flow = &imported.flow;
        let NodeKind::SetVariable { set } = &node(flow, "main_1").kind else {
            panic!("{block}: a SetVariable");
        };
        let sets_name = set.contains_key("name");
        let should_set = block.to_string().contains("\"v1\"");
        assert_eq!(sets_name, should_set, "{block}: {set:?}");
        assert!(
            !set.contains_key("email"),
            "{block}: a dialogue is read, not set"
        );
        assert_eq!(to(flow, "main_1", "next"), Some("next_1"), "{block}");
        assert_eq!(imported.report.blocks[0].status, BlockStatus::Placeholder);
        assert_eq!(
            issues(&imported),
            [&Issue::Placeholder {
                detail: detail.into()
            }],
            "{block}"
        );
        assert_eq!(imported.report.items[0].node.as_deref(), Some("main_1"));
        let (_, run) = walk(flow, &[]);
        assert_eq!(said(&run), ["depois"], "{block}: the run passes through");
    }
}

#[test]
fn an_unknown_block_passes_through_by_its_edge_or_its_first_item() {
    let value = export(
        &[
            (
                "g",
                "Main",
                json!([{"id": "u", "type": "cards input", "items": [
                    {"id": "i1", "outgoingEdgeId": "e1"}, {"id": "i2", "outgoingEdgeId": "e2"}
                ]}, {"id": "u2", "type": "teleport", "options": {"where": [1, 2]}}]),
            ),
            (
                "h",
                "Next",
                json!([{"id": "t", "type": "text", "content": {"plainText": "depois"}}]),
            ),
        ],
        json!([{"id": "e1", "from": {"blockId": "u", "itemId": "i1"}, "to": {"groupId": "h"}}]),
        variables(),
    );
    let imported = run_import(&value);
    let flow = &imported.flow;
    assert_eq!(to(flow, "main_1", "next"), Some("next_1"));
    assert!(is_kind(node(flow, "main_2"), KindTag::SetVariable));
    assert_eq!(to(flow, "main_2", "next"), Some("fim"));
    assert_eq!(
        issues(&imported),
        [
            &Issue::Placeholder {
                detail: String::new()
            },
            &Issue::UnknownBlock
        ]
    );
}
