//! "Run from here": a scenario's `start` begins the run at a node instead of the Entry, and its
//! `vars` preset flow variables (and contact fields) before the first step.

use super::{end_node, flow, reason, run_with, var};
use crate::flow::{EndReason, Flow};
use crate::sim::{EndCause, expect};

fn long_flow() -> Flow {
    flow(
        r#"(id: "inicio", kind: Entry(channels: [Web])),
           (id: "cpf", kind: Ask(prompt: "CPF?", save_as: "cpf", expect: Cpf)),
           (id: "plano", kind: Ask(prompt: "Plano?", save_as: "plano")),
           (id: "resumo", kind: Message(text: "{{contact.name}}, CPF {{cpf}}, plano {{plano}}")),
           (id: "fim", kind: End())"#,
        r#"(from: "inicio", port: "next", to: "cpf"), (from: "cpf", port: "answered", to: "plano"),
           (from: "plano", port: "answered", to: "resumo"), (from: "resumo", port: "next", to: "fim")"#,
        "",
    )
}

#[test]
fn a_run_can_begin_mid_flow_with_preset_variables() {
    let flow = long_flow();
    let run = run_with(
        &flow,
        r#"(name: "s", start: "plano", vars: {"cpf": "123.456.789-09", "contact.name": "Rui"},
            replies: [Text("Ouro")])"#,
    );
    assert_eq!(reason(&run), EndReason::End);
    assert_eq!(
        run.path(),
        ["plano", "resumo", "fim"],
        "the Entry (Web only) never runs"
    );
    assert_eq!(
        run.messages(),
        ["Plano?", "Rui, CPF 123.456.789-09, plano Ouro"]
    );
    assert_eq!(var(&run, "cpf"), "123.456.789-09");
    // A preset of a name the flow never reads is kept, shown and expected.
    let run = run_with(
        &flow,
        r#"(name: "s", start: "resumo", vars: {"cpf": "1", "plano": "Prata", "origem": "site"})"#,
    );
    assert_eq!(run.messages(), [", CPF 1, plano Prata"]);
    assert_eq!(
        run.variables().get("origem").map(String::as_str),
        Some("site")
    );
    let scenario = super::scenario(
        r#"(name: "x", expect: (end_node: "fim", path: ["resumo", "fim"], vars: {"origem": "site", "plano": "Prata"}))"#,
    );
    assert_eq!(expect::check(&scenario.expect, &run), vec![]);
    assert!(
        !super::warnings(&run).iter().any(|w| w.contains("cpf")),
        "a preset variable has a value"
    );
}

#[test]
fn a_start_that_is_no_node_or_a_read_only_preset_cannot_run() {
    let flow = long_flow();
    let run = run_with(&flow, r#"(name: "s", start: "sumiu")"#);
    let end = run.end().unwrap();
    assert_eq!((end.reason, end.node.as_deref()), (EndReason::Error, None));
    assert_eq!(
        end.cause.as_deref(),
        Some(&EndCause::UnknownStart {
            node: "sumiu".into()
        })
    );
    assert_eq!(
        end.message,
        "the scenario starts at `sumiu`, which is not a node of the flow"
    );
    assert_eq!(run.step_count(), 0);
    for name in [
        "chat.id",
        "now.date",
        "secret.token",
        "contact.channel",
        "team.api_base",
    ] {
        let run = run_with(&flow, &format!(r#"(name: "s", vars: {{"{name}": "x"}})"#));
        let end = run.end().unwrap();
        assert_eq!(end.reason, EndReason::Error, "{name}");
        assert_eq!(
            end.cause.as_deref(),
            Some(&EndCause::ReadOnlyPreset { name: name.into() }),
            "{name}"
        );
    }
    // A blank start is no start.
    let run = run_with(&flow, r#"(name: "s", start: " ", contact: (channel: Web))"#);
    assert_eq!(run.path().first().copied(), Some("inicio"));
    assert_eq!(end_node(&run), "cpf");
}
