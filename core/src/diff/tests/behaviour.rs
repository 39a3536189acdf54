//! The behavioural diff: each kind of change, and which scenarios now end differently.

use crate::flow::EndReason;

use super::super::{Comparison, Version};
use super::{BASE, base, changed, compared, edited, flow};

fn find<'a>(comparisons: &'a [Comparison], name: &str) -> &'a Comparison {
    comparisons
        .iter()
        .find(|comparison| comparison.scenario == name)
        .unwrap_or_else(|| panic!("no comparison for {name}: {comparisons:#?}"))
}

#[test]
fn the_same_flow_changes_no_outcome_and_every_scenario_ran_on_both() {
    let diff = compared(&base(), &base());
    assert!(!diff.outcome_changed());
    assert_eq!(diff.scenarios.len(), 4);
    assert!(
        diff.scenarios
            .iter()
            .all(|c| c.version == Version::Both && c.old == c.new)
    );
    let cliente = find(&diff.scenarios, "Cliente");
    assert_eq!(cliente.old.end_reason, Some(EndReason::End));
    assert_eq!(cliente.old.agent, "ana");
    assert_eq!(
        cliente.old.path,
        ["inicio", "menu", "cliente", "consulta", "gerente", "fim"]
    );
}

#[test]
fn a_condition_value_changed_flips_two_scenarios_from_the_manager_to_the_queue() {
    let new = edited(r#"value: "sim""#, r#"value: "s""#);
    let diff = compared(&base(), &new);
    assert!(diff.outcome_changed());
    assert_eq!(
        changed(&diff),
        [
            "Cliente",
            "Cliente, em maiúsculas",
            "Cliente, API fora do ar"
        ]
    );
    for name in ["Cliente", "Cliente, em maiúsculas"] {
        let flipped = find(&diff.scenarios, name);
        assert_eq!(
            flipped.differences,
            [
                "end_reason",
                "end_node",
                "agent",
                "queue",
                "position",
                "messages",
                "path"
            ],
            "{name}"
        );
        assert_eq!(
            (flipped.old.end_reason, flipped.old.agent.as_str()),
            (Some(EndReason::End), "ana")
        );
        assert_eq!(
            (
                flipped.new.end_reason,
                flipped.new.end_node.as_deref(),
                flipped.new.queue.as_deref(),
                flipped.new.position
            ),
            (
                Some(EndReason::Queued),
                Some("fila"),
                Some("Suporte"),
                Some(3)
            )
        );
    }
    // It already ended in the queue; only the way there is shorter.
    let api_down = find(&diff.scenarios, "Cliente, API fora do ar");
    assert_eq!(api_down.differences, ["path"]);
    assert_eq!(
        api_down.old.path,
        ["inicio", "menu", "cliente", "consulta", "fila"]
    );
    assert_eq!(api_down.new.path, ["inicio", "menu", "cliente", "fila"]);
    assert!(!find(&diff.scenarios, "Não cliente").is_changed());
}

#[test]
fn a_port_rewired_changes_the_one_scenario_that_leaves_by_it() {
    let new = edited(
        r#"(from: "consulta", port: "error", to: "fila"),"#,
        r#"(from: "consulta", port: "error", to: "fim"),"#,
    );
    let diff = compared(&base(), &new);
    assert_eq!(changed(&diff), ["Cliente, API fora do ar"]);
    let api_down = find(&diff.scenarios, "Cliente, API fora do ar");
    assert_eq!(api_down.old.end_reason, Some(EndReason::Queued));
    assert_eq!(api_down.new.end_reason, Some(EndReason::End));
    assert_eq!(api_down.new.end_node.as_deref(), Some("fim"));
    assert_eq!(
        api_down.new.messages,
        ["Você já é cliente? (sim/não)", "Até logo!"]
    );
}

#[test]
fn a_node_removed_sends_the_scenarios_through_it_elsewhere() {
    let new = edited(
        r#"(id: "fila", pos: (600.0, 200.0), kind: Queue(queue: "Suporte", message: "Você está na fila do suporte.")),"#,
        "",
    );
    let diff = compared(&base(), &new);
    assert_eq!(changed(&diff), ["Cliente, API fora do ar", "Não cliente"]);
    let other = find(&diff.scenarios, "Não cliente");
    assert_eq!(other.old.end_reason, Some(EndReason::Queued));
    assert_eq!(other.old.end_node.as_deref(), Some("fila"));
    assert_ne!(other.new.end_reason, Some(EndReason::Queued));
    assert_ne!(other.new.end_node.as_deref(), Some("fila"));
    assert!(!other.new.path.contains(&"fila".into()));
}

#[test]
fn a_node_added_on_a_path_shows_in_its_messages_and_path() {
    let text = BASE
        .replacen(
            r#"(id: "fim","#,
            r#"(id: "aviso", pos: (400.0, 200.0), kind: Message(text: "Vou chamar o suporte.")),
        (id: "fim","#,
            1,
        )
        .replacen(
            r#"(from: "cliente", port: "else", to: "fila"),"#,
            r#"(from: "cliente", port: "else", to: "aviso"),
        (from: "aviso", port: "next", to: "fila"),"#,
            1,
        );
    let diff = compared(&base(), &flow(&text));
    assert_eq!(changed(&diff), ["Não cliente"]);
    let other = find(&diff.scenarios, "Não cliente");
    assert_eq!(other.differences, ["messages", "path"]);
    assert_eq!(
        other.new.messages,
        [
            "Você já é cliente? (sim/não)",
            "Vou chamar o suporte.",
            "Você está na fila do suporte."
        ]
    );
}

#[test]
fn a_request_url_changed_misses_its_mock_and_the_customers_go_to_the_queue() {
    let new = edited("/clientes/{{contact.phone}}", "/contatos/{{contact.phone}}");
    let diff = compared(&base(), &new);
    assert_eq!(changed(&diff), ["Cliente", "Cliente, em maiúsculas"]);
    let cliente = find(&diff.scenarios, "Cliente");
    assert_eq!(cliente.new.end_reason, Some(EndReason::Queued));
    assert_eq!(cliente.new.agent, "");
}

#[test]
fn a_live_chat_closing_message_changed_changes_what_the_contact_reads() {
    let new = edited("Obrigado, {{contact.name}}!", "Valeu, {{contact.name}}!");
    let diff = compared(&base(), &new);
    assert_eq!(changed(&diff), ["Cliente", "Cliente, em maiúsculas"]);
    let cliente = find(&diff.scenarios, "Cliente");
    assert_eq!(cliente.differences, ["messages"]);
    assert!(cliente.old.messages.contains(&"Obrigado, Maria!".into()));
    assert!(cliente.new.messages.contains(&"Valeu, Maria!".into()));
}

#[test]
fn the_manager_offline_changes_who_gets_the_chat() {
    let new = edited(
        r#"(id: "ana", name: "Ana Souza", departments: ["Comercial"]),"#,
        r#"(id: "ana", name: "Ana Souza", departments: ["Comercial"], status: Offline),"#,
    );
    let diff = compared(&base(), &new);
    assert_eq!(changed(&diff), ["Cliente", "Cliente, em maiúsculas"]);
    let cliente = find(&diff.scenarios, "Cliente");
    assert!(cliente.differences.contains(&"agent".into()));
    assert_eq!(cliente.old.agent, "ana");
    assert_ne!(cliente.new.agent, "ana");
}

#[test]
fn a_scenario_only_one_file_has_runs_on_both_versions() {
    let added = r#"(
            name: "Só no novo",
            contact: (name: "Rita"),
            replies: [Text("sim")],
            mocks: [(url: "*/clientes/*", body: "{}")],
        ),
        (
            name: "Não cliente","#;
    let with_new = BASE.replacen(
        r#"(
            name: "Não cliente","#,
        added,
        1,
    );
    // The flow the same: the new scenario does the same on both.
    let diff = compared(&base(), &flow(&with_new));
    assert!(!diff.outcome_changed());
    let only_new = find(&diff.scenarios, "Só no novo");
    assert_eq!(only_new.version, Version::New);
    assert_eq!(only_new.old.end_reason, Some(EndReason::End));
    // The flow changed too: the old version ran it and it ends differently now.
    let changed_flow = with_new.replacen(r#"value: "sim""#, r#"value: "s""#, 1);
    let diff = compared(&base(), &flow(&changed_flow));
    let only_new = find(&diff.scenarios, "Só no novo");
    assert!(only_new.is_changed());
    assert_eq!(only_new.new.end_reason, Some(EndReason::Queued));
    // A scenario the new file removed runs on both as the old file has it.
    let diff = compared(&flow(&changed_flow), &base().clone());
    let only_old = find(&diff.scenarios, "Só no novo");
    assert_eq!(only_old.version, Version::Old);
    assert_eq!(only_old.old.end_reason, Some(EndReason::Queued));
    assert_eq!(only_old.new.end_reason, Some(EndReason::End));
    assert_eq!(
        diff.scenarios.last().map(|c| c.scenario.as_str()),
        Some("Só no novo")
    );
}

#[test]
fn a_scenario_written_differently_runs_as_each_file_writes_it_side_by_side() {
    let new = edited(r#"replies: [Text("não")],"#, r#"replies: [Text("sim")],"#);
    let diff = compared(&base(), &new);
    let versions: Vec<(&str, Version)> = diff
        .scenarios
        .iter()
        .map(|c| (c.scenario.as_str(), c.version))
        .collect();
    assert_eq!(
        versions,
        [
            ("Cliente", Version::Both),
            ("Cliente, em maiúsculas", Version::Both),
            ("Cliente, API fora do ar", Version::Both),
            ("Não cliente", Version::New),
            ("Não cliente", Version::Old),
        ]
    );
    // The flow is the same: neither way of writing it ends differently.
    assert!(!diff.outcome_changed());
    assert!(diff.scenarios[3].new.path.contains(&"consulta".into()));
    assert!(!diff.scenarios[4].new.path.contains(&"consulta".into()));
}

#[test]
fn a_move_changes_nothing_a_run_sees() {
    let new = edited(
        "(id: \"consulta\", pos: (600.0, 0.0)",
        "(id: \"consulta\", pos: (640.0, 40.0)",
    );
    let diff = compared(&base(), &new);
    assert_eq!(diff.changes.len(), 1);
    assert!(diff.is_cosmetic_only());
    assert!(!diff.outcome_changed());
    assert_eq!(changed(&diff), Vec::<&str>::new());
}

#[test]
fn secrets_stay_masked_in_outcomes() {
    let new = edited("Obrigado, {{contact.name}}!", "Seu token: {{secret.token}}");
    let diff = compared(&base(), &new);
    let cliente = find(&diff.scenarios, "Cliente");
    assert!(
        cliente.new.messages.contains(&"Seu token: ••••".into()),
        "{cliente:#?}"
    );
    let json = serde_json::to_string(&diff).unwrap();
    assert!(!json.contains("s3cr3t"), "{json}");
}

#[test]
fn both_versions_see_the_same_sequence_of_conversations() {
    // Sequential routing: who gets a chat depends on the scenarios run before it.
    let sequential = |scenarios: &str| {
        flow(&format!(
            r#"(format: 1, nodes: [
                (id: "inicio", pos: (0.0, 0.0), kind: Entry()),
                (id: "suporte", pos: (200.0, 0.0), kind: LiveChat(department: "Suporte", route: Sequential)),
                (id: "fim", pos: (400.0, 0.0), kind: End()),
            ], edges: [
                (from: "inicio", port: "next", to: "suporte"),
                (from: "suporte", port: "agent_closed", to: "fim"),
            ], team: (departments: ["Suporte"], agents: [
                (id: "bia", departments: ["Suporte"]),
                (id: "caio", departments: ["Suporte"]),
            ]), scenarios: [{scenarios}])"#
        ))
    };
    let old = sequential(r#"(name: "Primeiro"), (name: "Segundo")"#);
    let new = sequential(r#"(name: "Antes de todos"), (name: "Primeiro"), (name: "Segundo")"#);
    let diff = compared(&old, &new);
    assert!(!diff.outcome_changed(), "{:#?}", diff.scenarios);
    let agents: Vec<&str> = diff
        .scenarios
        .iter()
        .map(|c| c.new.agent.as_str())
        .collect();
    assert_eq!(agents, ["bia", "caio", "bia"]);
}

#[test]
fn outcome_fields_are_compared_and_read_by_their_serialized_names() {
    use super::super::{Outcome, Tree};
    let outcome = Outcome {
        agent: "ana".into(),
        messages: vec!["Olá".into()],
        ..Outcome::default()
    };
    let Ok(Tree::Object(fields)) = Tree::of(&outcome) else {
        panic!("an outcome serializes to an object")
    };
    for (name, value) in &fields {
        assert_eq!(outcome.field(name).as_ref(), Some(value), "{name}");
    }
    assert_eq!(outcome.field("nothing"), None);
    let names: Vec<&str> = fields.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        Outcome::default().differences(&outcome),
        ["agent", "messages"]
    );
    assert!(names.contains(&"agent") && names.contains(&"messages"));
}
