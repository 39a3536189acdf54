//! The structural diff: each kind of change, with its target, path, values and effect.

use serde_json::json;

use super::super::{Change, ChangeKind, Effect, Target, Tree, structure};
use super::{BASE, base, edited, flow};

/// A tree from JSON text, keys in the order written.
fn tree(json: &str) -> Tree {
    serde_json::from_str(json).unwrap()
}

fn value(value: &serde_json::Value) -> Tree {
    tree(&value.to_string())
}

fn node(id: &str, kind: &str) -> Target {
    Target::Node {
        node: id.into(),
        node_kind: Some(kind.into()),
    }
}

// Taken by value so that a test writes `Some(json!(..))`.
#[allow(clippy::needless_pass_by_value)]
fn field(path: &str, old: Option<serde_json::Value>, new: Option<serde_json::Value>) -> ChangeKind {
    ChangeKind::Field {
        path: path.into(),
        old: old.as_ref().map(value),
        new: new.as_ref().map(value),
    }
}

fn change(target: Target, kind: ChangeKind, effect: Effect) -> Change {
    Change {
        target,
        kind,
        effect,
    }
}

#[test]
fn the_same_flow_has_no_changes() {
    assert_eq!(structure(&base(), &base()).unwrap(), []);
}

#[test]
fn a_rule_value_is_named_by_its_path_with_old_and_new() {
    let new = edited(r#"value: "sim""#, r#"value: "s""#);
    assert_eq!(
        structure(&base(), &new).unwrap(),
        [change(
            node("cliente", "Condition"),
            field(
                "cases[0].rules[0].value",
                Some(json!("sim")),
                Some(json!("s"))
            ),
            Effect::Behaviour
        )]
    );
}

#[test]
fn a_wire_is_rewired_connected_and_disconnected_under_the_node_it_leaves() {
    let new = edited(
        r#"(from: "consulta", port: "error", to: "fila"),"#,
        r#"(from: "consulta", port: "error", to: "fim"),"#,
    );
    assert_eq!(
        structure(&base(), &new).unwrap(),
        [change(
            node("consulta", "Request"),
            ChangeKind::Wire {
                port: "error".into(),
                old: Some("fila".into()),
                new: Some("fim".into()),
            },
            Effect::Behaviour
        )]
    );
    let new = edited(r#"(from: "menu", port: "timeout", to: "fim"),"#, "");
    assert_eq!(
        structure(&base(), &new).unwrap(),
        [change(
            node("menu", "Ask"),
            ChangeKind::Wire {
                port: "timeout".into(),
                old: Some("fim".into()),
                new: None,
            },
            Effect::Behaviour
        )]
    );
    let changes = structure(&new, &base()).unwrap();
    assert!(
        matches!(&changes[..], [Change { kind: ChangeKind::Wire { old: None, new: Some(to), .. }, .. }] if to == "fim"),
        "{changes:?}"
    );
}

#[test]
fn a_node_added_and_one_removed_carry_the_node_and_their_wires() {
    let text = BASE
        .replacen(
            r#"(id: "fila", pos: (600.0, 200.0), kind: Queue(queue: "Suporte", message: "Você está na fila do suporte.")),"#,
            r#"(id: "aviso", pos: (600.0, 200.0), kind: Message(text: "Sem fila hoje.")),"#,
            1,
        )
        .replace(r#"to: "fila""#, r#"to: "aviso""#);
    let new = flow(&text);
    let changes = structure(&base(), &new).unwrap();
    let kinds: Vec<(&Target, &ChangeKind)> = changes
        .iter()
        .map(|change| (&change.target, &change.kind))
        .collect();
    // The new file's order: `cliente` and `consulta` come before the added node.
    assert_eq!(changes.len(), 4, "{changes:#?}");
    assert_eq!(
        kinds[0],
        (
            &node("cliente", "Condition"),
            &ChangeKind::Wire {
                port: "else".into(),
                old: Some("fila".into()),
                new: Some("aviso".into())
            }
        )
    );
    assert_eq!(kinds[1].0, &node("consulta", "Request"));
    assert_eq!(
        kinds[2],
        (
            &node("aviso", "Message"),
            &ChangeKind::Added {
                value: tree(
                    r#"{"id": "aviso", "pos": [600.0, 200.0], "kind": {"Message": {"text": "Sem fila hoje."}}}"#
                )
            }
        )
    );
    assert!(
        matches!(kinds[3], (Target::Node { node, node_kind: Some(kind) }, ChangeKind::Removed { .. }) if node == "fila" && kind == "Queue"),
        "{changes:#?}"
    );
}

#[test]
fn a_move_is_cosmetic_and_so_is_the_description() {
    let new = edited(
        "(id: \"fim\", pos: (1000.0, 0.0)",
        "(id: \"fim\", pos: (1040.5, 80.0)",
    );
    let changes = structure(&base(), &new).unwrap();
    assert_eq!(
        changes,
        [change(
            node("fim", "End"),
            ChangeKind::Moved {
                from: (1000.0, 0.0),
                to: (1040.5, 80.0)
            },
            Effect::Cosmetic
        )]
    );
    let new = edited("Atende clientes e não clientes", "Atende todo mundo");
    let changes = structure(&base(), &new).unwrap();
    assert_eq!(
        changes,
        [change(
            Target::Flow,
            field(
                "description",
                Some(json!("Atende clientes e não clientes")),
                Some(json!("Atende todo mundo"))
            ),
            Effect::Cosmetic
        )]
    );
}

#[test]
fn request_and_live_chat_fields_are_named_as_the_inspector_names_them() {
    let new = flow(
        &BASE
            .replacen(
                "/clientes/{{contact.phone}}",
                "/contatos/{{contact.phone}}",
                1,
            )
            .replacen("\"Obrigado, {{contact.name}}!\"", "\"Valeu!\"", 1)
            .replacen(
                "\"Authorization\": \"Bearer {{secret.token}}\"",
                "\"Authorization\": \"Bearer {{secret.token}}\", \"X-Canal\": \"fluxo\"",
                1,
            ),
    );
    let changes = structure(&base(), &new).unwrap();
    assert_eq!(
        changes,
        [
            change(
                node("consulta", "Request"),
                field(
                    "url",
                    Some(json!("{{team.api_base}}/clientes/{{contact.phone}}")),
                    Some(json!("{{team.api_base}}/contatos/{{contact.phone}}"))
                ),
                Effect::Behaviour
            ),
            change(
                node("consulta", "Request"),
                field("headers.X-Canal", None, Some(json!("fluxo"))),
                Effect::Behaviour
            ),
            change(
                node("gerente", "LiveChat"),
                field(
                    "closing_message",
                    Some(json!("Obrigado, {{contact.name}}!")),
                    Some(json!("Valeu!"))
                ),
                Effect::Behaviour
            ),
        ]
    );
}

#[test]
fn a_kind_changed_is_said_and_its_fields_follow() {
    let new = edited(
        r#"kind: End(message: "Até logo!")"#,
        r#"kind: Message(text: "Até logo!")"#,
    );
    let changes = structure(&base(), &new).unwrap();
    let kinds: Vec<&ChangeKind> = changes.iter().map(|change| &change.kind).collect();
    assert_eq!(
        kinds,
        [
            &ChangeKind::KindChanged {
                old: "End".into(),
                new: "Message".into()
            },
            &field("message", Some(json!("Até logo!")), None),
            &field("text", None, Some(json!("Até logo!"))),
        ]
    );
    assert!(
        changes
            .iter()
            .all(|change| change.target == node("fim", "Message"))
    );
}

#[test]
fn team_changes_are_by_agent_id_and_department() {
    let new = flow(
        &BASE
            .replacen(
                r#"(id: "ana", name: "Ana Souza", departments: ["Comercial"]),"#,
                r#"(id: "ana", name: "Ana Souza", departments: ["Comercial"], status: Offline, capacity: 3),
            (id: "caio", name: "Caio", departments: ["Suporte"]),"#,
                1,
            )
            .replacen("\"Suporte\": 2", "\"Suporte\": 5", 1),
    );
    let changes = structure(&base(), &new).unwrap();
    assert!(changes.iter().all(|change| change.target == Target::Team));
    let kinds: Vec<&ChangeKind> = changes.iter().map(|change| &change.kind).collect();
    assert_eq!(
        kinds,
        [
            &field(
                "agents[ana].status",
                Some(json!("Online")),
                Some(json!("Offline"))
            ),
            &field("agents[ana].capacity", None, Some(json!(3))),
            &ChangeKind::ItemAdded {
                path: "agents[caio]".into(),
                value: tree(
                    r#"{"id": "caio", "name": "Caio", "departments": ["Suporte"], "status": "Online"}"#
                )
            },
            &field("waiting.Suporte", Some(json!(2)), Some(json!(5))),
        ]
    );
}

#[test]
fn scenarios_by_name_added_removed_changed_and_reordered() {
    let text = BASE
        .replacen("name: \"Não cliente\",\n            replies: [Text(\"não\")],", "name: \"Não cliente\",\n            replies: [Text(\"nao\")],\n            expect: (end_reason: Queued),", 1)
        .replacen("name: \"Cliente, API fora do ar\"", "name: \"API fora do ar\"", 1)
        .replacen("name: \"Cliente\",", "name: \"Cliente, de novo\",", 1);
    let new = flow(&text);
    let mut new_order = new.clone();
    new_order.scenarios.swap(1, 3);
    let changes = structure(&base(), &new_order).unwrap();
    let got: Vec<(&Target, &ChangeKind, Effect)> = changes
        .iter()
        .map(|change| (&change.target, &change.kind, change.effect))
        .collect();
    let scenario = |name: &str| Target::Scenario {
        scenario: name.into(),
    };
    assert_eq!(got.len(), 7, "{got:#?}");
    assert!(got.iter().all(|(_, _, effect)| *effect == Effect::Test));
    assert_eq!(got[0].0, &scenario("Cliente, de novo"));
    let names: Vec<String> = got
        .iter()
        .filter_map(|(target, kind, _)| match (target, kind) {
            (Target::Scenario { scenario }, ChangeKind::Added { .. }) => {
                Some(format!("+{scenario}"))
            }
            (Target::Scenario { scenario }, ChangeKind::Removed { .. }) => {
                Some(format!("-{scenario}"))
            }
            (Target::Scenario { scenario }, ChangeKind::Field { path, .. }) => {
                Some(format!("{scenario}: {path}"))
            }
            (Target::Flow, ChangeKind::Reordered { path, old, new }) => {
                Some(format!("{path}: {old:?} -> {new:?}"))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        names,
        [
            "+Cliente, de novo",
            "Não cliente: replies[0].Text",
            "Não cliente: expect",
            "+API fora do ar",
            "-Cliente",
            "-Cliente, API fora do ar",
            r#"scenarios: ["Cliente, em maiúsculas", "Não cliente"] -> ["Não cliente", "Cliente, em maiúsculas"]"#,
        ]
    );
}

#[test]
fn a_secret_value_never_shows_in_a_change() {
    let new = edited("s3cr3t-do-cenario", "outro-s3cr3t");
    let changes = structure(&base(), &new).unwrap();
    let cliente = Target::Scenario {
        scenario: "Cliente".into(),
    };
    assert_eq!(
        changes,
        [change(
            cliente.clone(),
            field("secrets.token", Some(json!("••••")), Some(json!("••••"))),
            Effect::Test
        )]
    );
    // A file saved by fluxo holds the name only: its value is "".
    let new = edited("s3cr3t-do-cenario", "");
    assert_eq!(
        structure(&base(), &new).unwrap(),
        [change(
            cliente,
            field("secrets.token", Some(json!("••••")), Some(json!(""))),
            Effect::Test
        )]
    );
    let json = serde_json::to_string(&structure(&flow("(format: 1)"), &base()).unwrap()).unwrap();
    assert!(!json.contains("s3cr3t"), "{json}");
}

#[test]
fn top_level_sections_the_model_does_not_single_out_are_the_flow_s_fields() {
    let new = edited("name: \"Clientes\"", "name: \"Clientes 2\"");
    let changes = structure(&base(), &new).unwrap();
    assert_eq!(
        changes,
        [change(
            Target::Flow,
            field("name", Some(json!("Clientes")), Some(json!("Clientes 2"))),
            Effect::Behaviour
        )]
    );
}

#[test]
fn changes_serialize_flat_with_stable_keys() {
    let new = edited(r#"value: "sim""#, r#"value: "s""#);
    let changes = structure(&base(), &new).unwrap();
    assert_eq!(
        serde_json::to_value(&changes).unwrap(),
        json!([{
            "section": "node", "node": "cliente", "node_kind": "Condition",
            "change": "field", "path": "cases[0].rules[0].value", "old": "sim", "new": "s",
            "effect": "behaviour"
        }])
    );
    let team = change(
        Target::Team,
        ChangeKind::Reordered {
            path: "agents".into(),
            old: vec![],
            new: vec![],
        },
        Effect::Behaviour,
    );
    assert_eq!(
        serde_json::to_value(&team).unwrap(),
        json!({"section": "team", "change": "reordered", "path": "agents", "old": [], "new": [], "effect": "behaviour"})
    );
}

#[test]
fn fields_the_model_grows_are_compared_and_notes_frames_and_node_notes_are_cosmetic() {
    // Sections and fields this model does not have yet (notes, frames, load, a node's note, a
    // new node kind): the comparison reads them from the serialized flow all the same.
    let old = tree(
        r#"{"format": 1, "nodes": [
            {"id": "a", "pos": [0, 0], "kind": {"SubFlow": {"flow": "coleta"}}, "note": "antes"}
        ], "edges": [], "team": {"auto_assign": {"Suporte": "LeastBusy"}},
        "notes": [{"id": "n1", "text": "rever"}], "frames": [], "load": {"hours": 8}}"#,
    );
    let new = tree(
        r#"{"format": 1, "nodes": [
            {"id": "a", "pos": [0, 0], "kind": {"SubFlow": {"flow": "coleta_cpf"}}, "note": "depois"}
        ], "edges": [], "team": {"auto_assign": {"Suporte": "RoundRobin"}},
        "notes": [{"id": "n1", "text": "revisto"}], "frames": [{"title": "Menu"}], "load": {"hours": 10}}"#,
    );
    let flow = crate::flow::Flow::default();
    let got: Vec<(Target, String, Effect)> =
        super::super::structure::changes(&old, &new, (&flow, &flow))
            .into_iter()
            .map(|change| {
                let path = match change.kind {
                    ChangeKind::Field { path, .. } | ChangeKind::ItemAdded { path, .. } => path,
                    other => format!("{other:?}"),
                };
                (change.target, path, change.effect)
            })
            .collect();
    let subflow = node("a", "SubFlow");
    assert_eq!(
        got,
        [
            (Target::Flow, "notes[n1].text".into(), Effect::Cosmetic),
            (Target::Flow, "frames[0]".into(), Effect::Cosmetic),
            (Target::Flow, "load.hours".into(), Effect::Behaviour),
            (subflow.clone(), "flow".into(), Effect::Behaviour),
            (subflow, "note".into(), Effect::Cosmetic),
            (
                Target::Team,
                "auto_assign.Suporte".into(),
                Effect::Behaviour
            ),
        ]
    );
}

#[test]
fn repeated_ids_in_a_broken_file_are_told_apart() {
    let text = BASE.replacen(
        r#"(id: "fim", pos: (1000.0, 0.0), kind: End(message: "Até logo!")),"#,
        r#"(id: "fim", pos: (1000.0, 0.0), kind: End(message: "Até logo!")),
        (id: "fim", pos: (1000.0, 100.0), kind: End(message: "Tchau!")),"#,
        1,
    );
    let changes = structure(&base(), &flow(&text)).unwrap();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert!(
        matches!(&changes[0], Change { target: Target::Node { node, .. }, kind: ChangeKind::Added { .. }, .. } if node == "fim#2"),
        "{changes:#?}"
    );
}
