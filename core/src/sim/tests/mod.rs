//! Engine tests: flows written as RON (as a designer writes them), run to their end, and held to
//! the rules of SPEC.md section 4 and docs/decisions.md.

mod ask;
mod basics;
mod control;
mod handoff;
mod live_chat;
mod report;
mod request;
mod robust;
mod start;
mod subflow;

use crate::file::{Format, parse, parse_ron};
use crate::flow::{EndReason, Flow, Scenario};

use super::{Event, Options, Run};

/// The team every test flow has.
pub(super) const TEAM: &str = r#"team: (
    api_base: "https://api.test/v1",
    departments: ["Suporte", "Comercial"],
    agents: [
        (id: "ana", name: "Ana Souza", departments: ["Comercial"], capacity: 2, active_chats: 1),
        (id: "bia", name: "Bia Lima", departments: ["Suporte"], capacity: 3, active_chats: 1),
        (id: "caio", name: "Caio", departments: ["Suporte"], status: Away),
        (id: "duda", name: "Duda", departments: ["Suporte"], active_chats: 2),
    ],
    schedules: [(name: "Expediente", utc_offset_min: -180,
        weekly: [(days: [Mon, Tue, Wed, Thu, Fri], open: "08:00", close: "18:00")],
        holidays: ["2026-12-25"])],
    waiting: {"Suporte": 4},
)"#;

/// A flow from its nodes, edges and scenarios (RON list bodies), with [`TEAM`].
pub(super) fn flow(nodes: &str, edges: &str, scenarios: &str) -> Flow {
    let text = format!(
        "(format: 1, name: \"teste\", nodes: [{nodes}], edges: [{edges}], {TEAM}, scenarios: [{scenarios}])"
    );
    let loaded = parse(&text, Format::Ron).unwrap_or_else(|err| panic!("{err}\n{text}"));
    assert!(
        loaded.unknown_fields.is_empty(),
        "{:?}",
        loaded.unknown_fields
    );
    loaded.flow
}

pub(super) fn scenario(text: &str) -> Scenario {
    parse_ron::<Scenario>(text)
        .unwrap_or_else(|err| panic!("{err}\n{text}"))
        .0
}

/// Runs the flow's scenario `name` to its end.
pub(super) fn run(flow: &Flow, name: &str) -> Run {
    let scenario = flow
        .scenario(name)
        .unwrap_or_else(|| panic!("no scenario {name}"));
    let mut run = Run::new(flow, scenario, Options::default());
    run.run_to_end();
    run
}

/// Runs `scenario` (RON) through `flow` to its end.
pub(super) fn run_with(flow: &Flow, scenario_text: &str) -> Run {
    let mut run = Run::new(flow, &scenario(scenario_text), Options::default());
    run.run_to_end();
    run
}

pub(super) fn reason(run: &Run) -> EndReason {
    run.end()
        .map_or_else(|| panic!("still running"), |end| end.reason)
}

pub(super) fn end_node(run: &Run) -> &str {
    run.end().and_then(|end| end.node.as_deref()).unwrap_or("")
}

pub(super) fn warnings(run: &Run) -> Vec<&str> {
    run.events()
        .filter_map(|event| match event {
            Event::Warning { message } => Some(message.as_str()),
            _ => None,
        })
        .collect()
}

pub(super) fn var(run: &Run, name: &str) -> String {
    run.variable(name).unwrap_or_default()
}
