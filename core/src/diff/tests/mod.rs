//! The diff's tests: a small flow and its scenarios, changed one way at a time.

mod behaviour;
mod structure;

use crate::file::{Format, parse};
use crate::flow::Flow;
use crate::sim::Options;

use super::{Diff, diff};

/// A menu for customers: a yes/no question, a Condition on it, a request for the customer's
/// plan, a handoff to the account manager, a queue for the rest.
pub(super) const BASE: &str = r#"(
    format: 1,
    name: "Clientes",
    description: "Atende clientes e não clientes",
    nodes: [
        (id: "inicio", pos: (0.0, 0.0), kind: Entry()),
        (id: "menu", pos: (200.0, 0.0), kind: Ask(prompt: "Você já é cliente? (sim/não)", save_as: "cliente")),
        (id: "cliente", pos: (400.0, 0.0), kind: Condition(cases: [
            (port: "sim", rules: [(var: "cliente", op: Equals, value: "sim")]),
        ])),
        (id: "consulta", pos: (600.0, 0.0), kind: Request(
            url: "{{team.api_base}}/clientes/{{contact.phone}}",
            headers: {"Authorization": "Bearer {{secret.token}}"},
            save: {"plano": "plano"},
        )),
        (id: "gerente", pos: (800.0, 0.0), kind: LiveChat(
            department: "Comercial",
            route: Agent("ana"),
            closing_message: "Obrigado, {{contact.name}}!",
        )),
        (id: "fila", pos: (600.0, 200.0), kind: Queue(queue: "Suporte", message: "Você está na fila do suporte.")),
        (id: "fim", pos: (1000.0, 0.0), kind: End(message: "Até logo!")),
    ],
    edges: [
        (from: "inicio", port: "next", to: "menu"),
        (from: "menu", port: "answered", to: "cliente"),
        (from: "menu", port: "invalid", to: "fim"),
        (from: "menu", port: "timeout", to: "fim"),
        (from: "cliente", port: "sim", to: "consulta"),
        (from: "cliente", port: "else", to: "fila"),
        (from: "consulta", port: "ok", to: "gerente"),
        (from: "consulta", port: "error", to: "fila"),
        (from: "gerente", port: "agent_closed", to: "fim"),
        (from: "gerente", port: "user_closed", to: "fim"),
        (from: "gerente", port: "timeout", to: "fim"),
        (from: "gerente", port: "user_inactivity_timeout", to: "fim"),
    ],
    team: (
        api_base: "https://api.exemplo.test/v1",
        departments: ["Comercial", "Suporte"],
        agents: [
            (id: "ana", name: "Ana Souza", departments: ["Comercial"]),
            (id: "bia", name: "Bia Lima", departments: ["Comercial", "Suporte"], status: Away),
        ],
        waiting: {"Suporte": 2},
    ),
    scenarios: [
        (
            name: "Cliente",
            contact: (name: "Maria", phone: "11999990000"),
            replies: [Text("sim")],
            mocks: [(url: "*/clientes/*", body: "{\"plano\": \"ouro\"}")],
            secrets: {"token": "s3cr3t-do-cenario"},
        ),
        (
            name: "Cliente, em maiúsculas",
            contact: (name: "João"),
            replies: [Text("SIM")],
            mocks: [(url: "*/clientes/*", body: "{\"plano\": \"prata\"}")],
        ),
        (
            name: "Cliente, API fora do ar",
            replies: [Text("sim")],
            mocks: [(url: "*/clientes/*", fail: Timeout)],
        ),
        (
            name: "Não cliente",
            replies: [Text("não")],
        ),
    ],
)"#;

pub(super) fn flow(text: &str) -> Flow {
    let loaded = parse(text, Format::Ron).unwrap_or_else(|err| panic!("{err}\n{text}"));
    assert!(
        loaded.unknown_fields.is_empty(),
        "{:?}",
        loaded.unknown_fields
    );
    loaded.flow
}

pub(super) fn base() -> Flow {
    flow(BASE)
}

/// The base flow with `edit` applied to its RON text (`from` must occur in it).
pub(super) fn edited(from: &str, to: &str) -> Flow {
    assert!(BASE.contains(from), "the base flow has no {from:?}");
    flow(&BASE.replacen(from, to, 1))
}

pub(super) fn compared(old: &Flow, new: &Flow) -> Diff {
    diff(old, new, &Options::default()).unwrap()
}

/// The names of the scenarios whose outcome changed.
pub(super) fn changed(diff: &Diff) -> Vec<&str> {
    diff.changed_scenarios()
        .map(|comparison| comparison.scenario.as_str())
        .collect()
}
