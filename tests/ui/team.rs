//! The team editor driven like a user: add an agent, switch a status, type a capacity (an
//! invalid one is kept and refused). Edits go through a `History` between frames, as in the app.

// Test helpers outside `#[test]` functions fail loudly on purpose: a broken fixture is a
// failed test, not something to handle.
#![allow(clippy::unwrap_used, clippy::panic)]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fluxo::ui::Edit;
use fluxo::ui::team_panel::TeamPanel;
use fluxo_core::Command;
use fluxo_core::flow::{Agent, AgentStatus, Flow, Team};

use crate::host::Host;

type State = Host<TeamPanel>;

fn harness() -> Harness<'static, State> {
    let mut flow = Flow::new("t");
    flow.team = Team {
        departments: vec!["Atendimento".into(), "Suporte".into()],
        agents: vec![
            Agent {
                id: "ana".into(),
                name: "Ana Souza".into(),
                departments: vec!["Atendimento".into()],
                capacity: 5,
                ..Agent::default()
            },
            Agent {
                id: "bruno".into(),
                name: "Bruno Lima".into(),
                status: AgentStatus::Away,
                ..Agent::default()
            },
        ],
        ..Team::default()
    };
    Host::new(flow, TeamPanel).into_harness(egui::vec2(1000.0, 1400.0))
}

#[test]
fn adding_an_agent() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("+ Add agent").click();
    harness.run();
    let state = harness.state();
    assert!(matches!(
        state.log.last(),
        Some(Edit {
            command: Command::SetTeam(_),
            merge_key: None
        })
    ));
    let ids: Vec<&str> = state
        .flow
        .team
        .agents
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["ana", "bruno", "agente_1"]);
    assert_eq!(state.flow.team.agents[2].status, AgentStatus::Online);
}

#[test]
fn switching_a_status() {
    let mut harness = harness();
    harness.run();
    harness
        .get_all_by_role_and_label(Role::ComboBox, "Status")
        .nth(1)
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label("Offline").click();
    harness.run();
    let team = &harness.state().flow.team;
    assert_eq!(team.agents[1].status, AgentStatus::Offline);
    assert_eq!(team.agents[0].status, AgentStatus::Online, "ana unchanged");
}

#[test]
fn editing_a_capacity() {
    let mut harness = harness();
    harness.run();
    let capacity = first_capacity;
    capacity(&harness).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    capacity(&harness).type_text("12a");
    harness.run();
    assert!(harness.state().log.is_empty(), "12a is not a number");
    assert!(
        harness
            .query_by_label("Write a whole number, like 30")
            .is_some()
    );
    assert_eq!(capacity(&harness).value().as_deref(), Some("12a"), "kept");

    harness.key_press(Key::Backspace);
    harness.run();
    let state = harness.state();
    assert_eq!(state.flow.team.agents[0].capacity, 12);
    assert_eq!(
        state.log.last().and_then(|edit| edit.merge_key.as_deref()),
        Some("team:agents[0].capacity")
    );
    assert!(
        harness
            .query_by_label("Write a whole number, like 30")
            .is_none()
    );
}

fn first_capacity<'h>(harness: &'h Harness<'_, State>) -> egui_kittest::Node<'h> {
    harness.get_all_by_label("Capacity").next().unwrap()
}

#[test]
fn renaming_a_department_carries_the_agents() {
    let mut harness = harness();
    harness.run();
    let department_field = |harness: &Harness<'_, State>, value: &str| {
        harness
            .query_by(|node| {
                node.role() == Role::TextInput && node.value().as_deref() == Some(value)
            })
            .is_some()
    };
    assert!(department_field(&harness, "Atendimento"));
    harness
        .get_by(|node| {
            node.role() == Role::TextInput && node.value().as_deref() == Some("Atendimento")
        })
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.event(egui::Event::Text("Vendas".into()));
    harness.run();
    let team = &harness.state().flow.team;
    assert_eq!(team.departments, ["Vendas", "Suporte"]);
    assert_eq!(
        team.agents[0].departments,
        ["Vendas"],
        "ana follows the rename"
    );
    assert_eq!(harness.state().history.undo_len(), 1);
    assert!(department_field(&harness, "Vendas"));
}
