//! Text and media bubbles.

use serde_json::json;

use super::*;
use crate::flow::KindTag;
use crate::interop::typebot::BlockStatus;

#[test]
fn a_text_bubble_is_a_message_with_plain_text_and_fluxo_names() {
    let imported = run_import(&one_group(json!([
        {"id": "b1", "type": "text", "content": {"richText": [
            {"type": "p", "children": [{"text": "Olá "}, {"bold": true, "text": "{{Name}}"}, {"text": "!"}]},
            {"type": "p", "children": [{"text": "Preço: {{Preço médio}}"}]}
        ]}}
    ])));
    let flow = &imported.flow;
    assert_eq!(
        node(flow, "main_1").kind,
        NodeKind::Message {
            text: "Olá {{name}}!\nPreço: {{preco_medio}}".into(),
            buttons: vec![]
        }
    );
    assert_eq!(to(flow, "inicio", "next"), Some("valores_iniciais"));
    assert_eq!(to(flow, "valores_iniciais", "next"), Some("main_1"));
    assert_eq!(
        to(flow, "main_1", "next"),
        Some("fim"),
        "the conversation ends"
    );
    assert!(is_kind(node(flow, "fim"), KindTag::End));
    assert_eq!(imported.report.blocks[0].status, BlockStatus::Imported);
    assert!(issues(&imported).is_empty());
}

#[test]
fn bubbles_follow_each_other_down_the_group() {
    let imported = run_import(&one_group(json!([
        {"id": "b1", "type": "text", "content": {"richText": [{"type": "p", "children": [{"text": "Um"}]}]}},
        {"id": "b2", "type": "text", "content": {"richText": [{"type": "p", "children": [{"text": "Dois"}]}]}}
    ])));
    let flow = &imported.flow;
    assert_eq!(to(flow, "main_1", "next"), Some("main_2"));
    let (_, run) = walk(flow, &[]);
    assert_eq!(said(&run), ["Um", "Dois"]);
}

#[test]
fn the_bubble_before_a_question_becomes_its_prompt() {
    let imported = run_import(&one_group(json!([
        {"id": "b1", "type": "text", "content": {"richText": [{"type": "p", "children": [{"text": "Oi!"}]}]}},
        {"id": "b2", "type": "text", "content": {"richText": [{"type": "p", "children": [{"text": "Qual o seu nome?"}]}]}},
        {"id": "b3", "type": "text input", "options": {"variableId": "v1"}}
    ])));
    let flow = &imported.flow;
    assert_eq!(ids(flow), ["inicio", "main_1", "main_2", "fim"]);
    let NodeKind::Ask { prompt, .. } = &node(flow, "main_2").kind else {
        panic!("an Ask");
    };
    assert_eq!(prompt, "Qual o seu nome?");
    let blocks = &imported.report.blocks;
    assert_eq!(blocks[1].status, BlockStatus::Merged);
    assert_eq!(
        blocks[1].node.as_deref(),
        Some("main_2"),
        "the question carries it"
    );
    assert_eq!(blocks[0].status, BlockStatus::Imported);
}

#[test]
fn a_bubble_with_an_edge_of_its_own_stays_a_message() {
    let value = export(
        &[
            (
                "g",
                "Main",
                json!([
                    {"id": "b1", "type": "text", "outgoingEdgeId": "e1", "content": {"richText": [{"type": "p", "children": [{"text": "Vai"}]}]}},
                    {"id": "b2", "type": "text input", "options": {"variableId": "v1"}}
                ]),
            ),
            (
                "h",
                "Other",
                json!([{"id": "b3", "type": "text", "content": {"richText": [{"type": "p", "children": [{"text": "Aqui"}]}]}}]),
            ),
        ],
        json!([{"id": "e1", "from": {"blockId": "b1"}, "to": {"groupId": "h"}}]),
        variables(),
    );
    let imported = run_import(&value);
    let flow = &imported.flow;
    assert!(is_kind(node(flow, "main_1"), KindTag::Message));
    assert_eq!(to(flow, "main_1", "next"), Some("other_1"));
}

#[test]
fn media_bubbles_are_messages_with_the_link() {
    let imported = run_import(&one_group(json!([
        {"id": "i", "type": "image", "content": {"url": "https://x.io/a.png", "clickLink": {"url": "https://x.io/{{Name}}"}}},
        {"id": "v", "type": "video", "content": {"url": "https://x.io/a.mp4", "type": "url"}},
        {"id": "y", "type": "video", "content": {"id": "dQw4w9WgXcQ", "type": "youtube"}},
        {"id": "a", "type": "audio", "content": {"url": "{{Email}}"}},
        {"id": "e", "type": "embed", "content": {"url": "https://cal.com/x", "waitForEvent": {"isEnabled": true, "name": "booked"}}}
    ])));
    let flow = &imported.flow;
    let texts: Vec<String> = flow
        .nodes
        .iter()
        .filter_map(|node| match &node.kind {
            NodeKind::Message { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts,
        [
            "https://x.io/a.png\nhttps://x.io/{{name}}",
            "https://x.io/a.mp4",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "{{email}}",
            "https://cal.com/x"
        ]
    );
    assert_eq!(issues(&imported), [&Issue::EmbedEvent]);
    assert_eq!(imported.report.items[0].node.as_deref(), Some("main_5"));
    assert!(imported.report.items[0].block_id.is_some());
}
