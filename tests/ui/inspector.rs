//! The inspector driven like a user: type, press Enter, click, pick in a combo. The edits it
//! pushes are applied through a `History` between frames, as the app does, and the tests assert
//! on the edits and on the flow.

// Test helpers outside `#[test]` functions fail loudly on purpose: a broken fixture is a
// failed test, not something to handle.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fluxo::ui::Edit;
use fluxo::ui::inspector::Inspector;
use fluxo_core::Command;
use fluxo_core::flow::{Edge, Flow, KindTag, Node, NodeKind, Route};

use crate::host::Host;

type State = Host<Inspector>;

/// The SPEC example with a LiveChat `humano` added after `fila`'s alternatives.
fn example() -> Flow {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("core/tests/data/spec_example.flow.ron");
    let mut flow = fluxo_core::load(&path).unwrap().flow;
    flow.nodes.push(Node::new(
        "humano",
        (900.0, 220.0),
        KindTag::LiveChat.default_kind(),
    ));
    flow.edges.push(Edge::new("humano", "agent_closed", "fim"));
    flow
}

fn harness(selected: &str) -> Harness<'static, State> {
    Host::new(example(), Inspector::default())
        .selecting(selected)
        .into_harness(egui::vec2(900.0, 1400.0))
}

fn select_all(harness: &Harness<'_, State>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
}

fn request_url(flow: &Flow, id: &str) -> String {
    match &flow.node(id).unwrap().kind {
        NodeKind::Request { url, .. } => url.clone(),
        other => panic!("not a Request: {other:?}"),
    }
}

#[test]
fn typing_a_url_is_one_merged_set_kind() {
    let mut harness = harness("consulta");
    harness.run();
    let before = request_url(&harness.state().flow, "consulta");
    harness.get_by_label("Method and URL").focus();
    harness.run();
    select_all(&harness);
    harness
        .get_by_label("Method and URL")
        .type_text("https://crm.example");
    harness.run();
    harness.get_by_label("Method and URL").type_text("/v2");
    harness.run();

    let state = harness.state();
    assert_eq!(
        request_url(&state.flow, "consulta"),
        "https://crm.example/v2"
    );
    assert!(state.log.len() >= 2, "one edit per typed piece");
    for edit in &state.log {
        assert!(
            matches!(&edit.command, Command::SetKind { id, .. } if id == "consulta"),
            "{edit:?}"
        );
        assert_eq!(edit.merge_key.as_deref(), Some("node:consulta:url"));
    }
    assert_eq!(state.history.undo_len(), 1, "typing merged into one step");
    let state = harness.state_mut();
    assert!(state.history.undo(&mut state.flow));
    assert_eq!(request_url(&state.flow, "consulta"), before);
}

#[test]
fn a_template_name_is_offered_after_braces() {
    let mut harness = harness("consulta");
    harness.run();
    harness.get_by_label("Method and URL").focus();
    harness.run();
    select_all(&harness);
    harness
        .get_by_label("Method and URL")
        .type_text("{{team.api");
    harness.run();
    // The popup lists the names that match; Enter takes the first and closes the reference.
    assert!(harness.query_by_label_contains("team.api_base").is_some());
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        request_url(&harness.state().flow, "consulta"),
        "{{team.api_base}}"
    );
}

#[test]
fn renaming_the_id_keeps_the_wires() {
    let mut harness = harness("consulta");
    harness.run();
    harness.get_by_label("Id").focus();
    harness.run();
    select_all(&harness);
    harness.get_by_label("Id").type_text("verifica");
    harness.run();
    assert!(
        harness.state().log.is_empty(),
        "nothing is renamed before Enter"
    );
    harness.key_press(Key::Enter);
    harness.run();

    let state = harness.state();
    assert_eq!(
        state.log.last().map(|edit| &edit.command),
        Some(&Command::Rename {
            from: "consulta".into(),
            to: "verifica".into()
        })
    );
    assert!(state.flow.node("verifica").is_some());
    assert_eq!(
        state
            .flow
            .edge_from("verifica", "ok")
            .map(|e| e.to.as_str()),
        Some("disponivel")
    );
    assert_eq!(state.selected(), Some("verifica"));
}

#[test]
fn a_taken_id_is_refused_and_kept_in_the_field() {
    let mut harness = harness("consulta");
    harness.run();
    harness.get_by_label("Id").focus();
    harness.run();
    select_all(&harness);
    harness.get_by_label("Id").type_text("fila");
    harness.run();
    assert!(
        harness
            .query_by_label("Another node already has this id.")
            .is_some()
    );
    harness.key_press(Key::Enter);
    harness.run();

    assert!(harness.state().log.is_empty(), "no edit for a taken id");
    assert!(harness.state().flow.node("consulta").is_some());
    assert_eq!(
        harness.get_by_label("Id").value().as_deref(),
        Some("fila"),
        "what the user typed stays"
    );
    assert!(
        harness
            .query_by_label("Another node already has this id.")
            .is_some()
    );
}

#[test]
fn adding_a_header_row() {
    let mut harness = harness("consulta");
    harness.run();
    harness.get_by_label("+ Add header").click();
    harness.run();

    let state = harness.state();
    let Some(Edit {
        command: Command::SetKind { kind, .. },
        merge_key: None,
    }) = state.log.last()
    else {
        panic!("one SetKind step: {:?}", state.log);
    };
    let NodeKind::Request { headers, .. } = kind else {
        panic!("{kind:?}");
    };
    let keys: Vec<&str> = headers.keys().map(String::as_str).collect();
    assert_eq!(keys, ["Authorization", "Header"]);
}

#[test]
fn renaming_a_case_renames_its_port_in_one_step() {
    let mut harness = harness("disponivel");
    harness.run();
    harness.get_by_label("Exit (port)").focus();
    harness.run();
    select_all(&harness);
    harness.get_by_label("Exit (port)").type_text("online");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();

    let state = harness.state();
    let Some(Command::Batch(commands)) = state.log.last().map(|edit| &edit.command) else {
        panic!("a batch: {:?}", state.log);
    };
    assert!(matches!(&commands[0], Command::SetKind { id, .. } if id == "disponivel"));
    assert_eq!(
        commands[1],
        Command::RenamePort {
            node: "disponivel".into(),
            from: "sim".into(),
            to: "online".into()
        }
    );
    assert_eq!(
        state
            .flow
            .edge_from("disponivel", "online")
            .map(|e| e.to.as_str()),
        Some("transferir")
    );
    assert!(state.flow.edge_from("disponivel", "sim").is_none());
    assert_eq!(state.history.undo_len(), 1);
}

#[test]
fn picking_a_route_and_an_agent() {
    let mut harness = harness("humano");
    harness.run();
    harness.get_by_label("Route").click();
    harness.run();
    harness.get_by_label("A specific agent").click();
    harness.run();
    let route =
        |harness: &Harness<'_, State>| match &harness.state().flow.node("humano").unwrap().kind {
            NodeKind::LiveChat { route, .. } => route.clone(),
            other => panic!("{other:?}"),
        };
    assert_eq!(
        route(&harness),
        Route::Agent("ana".into()),
        "the first agent"
    );

    harness.get_by_label("Agent").click();
    harness.run();
    harness.get_by_label("Bruno Lima (bruno)").click();
    harness.run();
    assert_eq!(route(&harness), Route::Agent("bruno".into()));
    assert!(
        harness
            .state()
            .log
            .iter()
            .all(|edit| edit.merge_key.is_none())
    );
}

/// Kinds with their fields filled, so that every control of every form is drawn.
fn every_form() -> Vec<NodeKind> {
    use fluxo_core::flow::{AskExpect, Case, Mode, Op, Rule};
    let mut out: Vec<NodeKind> = KindTag::ALL.iter().map(|tag| tag.default_kind()).collect();
    out.push(NodeKind::Message {
        text: "Oi {{contact.name}} {{nada}} {{".into(),
        buttons: vec!["Sim".into(), "<? $x ?>".into()],
    });
    for expect in [
        AskExpect::Options(vec!["a".into(), "b".into()]),
        AskExpect::Regex("^x$".into()),
    ] {
        out.push(NodeKind::Ask {
            prompt: "?".into(),
            save_as: "x".into(),
            expect,
            retries: 1,
            retry_message: String::new(),
            timeout_s: 5,
        });
    }
    out.push(NodeKind::SetVariable {
        set: [("a".to_owned(), "{{b}}".to_owned())].into_iter().collect(),
    });
    out.push(NodeKind::Condition {
        cases: vec![Case {
            port: "sim".into(),
            mode: Mode::Any,
            rules: vec![
                Rule {
                    var: "x".into(),
                    op: Op::IsEmpty,
                    value: String::new(),
                },
                Rule {
                    var: "y".into(),
                    op: Op::In,
                    value: "a, b".into(),
                },
            ],
        }],
    });
    for route in [
        Route::Agent("ana".into()),
        Route::Agent("ghost".into()),
        Route::AgentFromField("gerente_de_contas".into()),
        Route::Sequential,
    ] {
        let mut kind = KindTag::LiveChat.default_kind();
        if let NodeKind::LiveChat {
            route: slot,
            department,
            ..
        } = &mut kind
        {
            *slot = route;
            "Nowhere".clone_into(department);
        }
        out.push(kind);
    }
    out.push(NodeKind::BusinessHours {
        schedule: "Expediente".into(),
    });
    out.push(NodeKind::Queue {
        queue: "Atendimento".into(),
        message: String::new(),
    });
    out
}

/// Every form draws without a missing glyph and with every input named (the harness checks
/// both after each run), in both languages, with a finding on a field.
#[test]
fn every_form_draws_and_is_accessible() {
    use fluxo::i18n::Lang;
    use fluxo_core::{Code, Finding, Severity};
    for lang in Lang::ALL {
        for kind in every_form() {
            let mut flow = example();
            flow.nodes.push(Node::new("alvo", (0.0, 0.0), kind.clone()));
            let finding = Finding {
                variant: "row-name",
                ..Finding::new(
                    Severity::Error,
                    Code::EmptyField,
                    Some("alvo".into()),
                    kind.template_fields()
                        .first()
                        .map(fluxo_core::flow::TemplateField::path),
                )
            };
            let message = fluxo::i18n::findings::finding_message(lang, &finding);
            let mut harness = Host::new(flow, Inspector::default())
                .selecting("alvo")
                .speaking(lang)
                .with_findings(vec![finding])
                .into_harness(egui::vec2(420.0, 1600.0));
            harness.run();
            assert!(
                harness.state().commands.is_empty(),
                "drawing alone edits nothing: {:?}",
                harness.state().commands
            );
            assert!(
                harness.query_all_by_label_contains(&message).count() >= 1,
                "the finding is shown for {kind:?}"
            );
        }
    }
}

#[test]
fn nothing_selected_edits_the_flow_name() {
    let mut harness = harness("nada");
    harness.run();
    harness.get_by_label("Flow name").focus();
    harness.run();
    select_all(&harness);
    harness.get_by_label("Flow name").type_text("Carteira VIP");
    harness.run();
    let state = harness.state();
    assert_eq!(state.flow.name, "Carteira VIP");
    assert_eq!(
        state.log.last().and_then(|edit| edit.merge_key.as_deref()),
        Some("flow:name")
    );
}

#[test]
fn a_department_the_team_lacks_is_typed_and_marked() {
    let mut harness = harness("humano");
    harness.run();
    harness.get_by_label("Department").click();
    harness.run();
    harness.get_by_label("Other value…").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Not in the team: the checks report it.")
            .is_none()
    );
    harness.get_by_label("Department").focus();
    harness.run();
    harness.get_by_label("Department").type_text("Financeiro");
    harness.run();
    let department = match &harness.state().flow.node("humano").unwrap().kind {
        NodeKind::LiveChat { department, .. } => department.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(department, "Financeiro");
    assert!(
        harness
            .query_by_label("Not in the team: the checks report it.")
            .is_some()
    );
}
