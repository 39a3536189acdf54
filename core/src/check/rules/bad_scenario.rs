//! `bad-scenario`: a test scenario names what the flow or the team lacks, or cannot be run as
//! written (a scenario's `contact.custom` and `expect.vars` keys the team lacks are
//! `unknown-custom-field`). Flow-level: the field is a path from the top of the file
//! (`scenarios[0].expect.end_node`).
//!
//! - Why: `fluxo test` reports a scenario by name and holds the run to what it expects; an
//!   expectation about a node, agent or department that does not exist can never pass, and an
//!   override of an agent the team lacks changes nothing.
//! - Example: `expect: (end_node: "Fim")` when the node is `fim`; `clock: "amanhã"`;
//!   `expect: (position: 0)`; two scenarios named `Cliente novo`.
//! - Mend: fix the name (the finding suggests a near one), write the clock as RFC 3339
//!   (`2026-11-23T10:15:00-03:00`), count queue positions from 1, give each scenario its own
//!   name.

use std::collections::HashSet;

use crate::check::finding::{Args, Code, Reason, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::names::{Name, classify};
use crate::check::sink::Sink;
use crate::check::suggest::did_you_mean;
use crate::clock::parse_rfc3339;
use crate::flow::Scenario;
use crate::template::is_valid_name;

/// Unknown node ids for which a near id is looked for (each search reads every id).
const SUGGESTIONS: usize = 100;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let mut names = HashSet::new();
    let mut suggestions_left = SUGGESTIONS;
    for (i, scenario) in index.flow.scenarios.iter().enumerate() {
        let mut push =
            |severity: Severity, code: Code, field: &str, variant: &'static str, args: Args| {
                let path = format!("scenarios[{i}].{field}");
                sink.flow(severity, code, Some(path), variant, args);
            };
        if scenario.name.trim().is_empty() {
            push(
                Severity::Error,
                Code::BadScenario,
                "name",
                "unnamed",
                Args::new(),
            );
        } else if !names.insert(scenario.name.as_str()) {
            push(
                Severity::Error,
                Code::BadScenario,
                "name",
                "name-twice",
                Args::new().text("name", &scenario.name),
            );
        }
        let mut found = Vec::new();
        world(index, scenario, &mut found);
        expectations(index, scenario, &mut suggestions_left, &mut found);
        for (j, mock) in scenario.mocks.iter().enumerate() {
            if !(100..=599).contains(&mock.status) {
                found.push((
                    Code::BadScenario,
                    format!("mocks[{j}].status"),
                    "status",
                    Args::new().number("status", i64::from(mock.status)),
                ));
            }
        }
        for (code, field, variant, args) in found {
            push(Severity::Error, code, &field, variant, args);
        }
    }
}

type Found = Vec<(Code, String, &'static str, Args)>;

fn team_lacks(field: String, reason: Reason) -> (Code, String, &'static str, Args) {
    (
        Code::BadScenario,
        field,
        "team-lacks",
        Args::new().reason("problem", reason),
    )
}

/// The world the run starts in: contact, agent overrides, clock.
fn world(index: &FlowIndex<'_>, scenario: &Scenario, found: &mut Found) {
    let team = &index.team;
    for key in scenario.contact.custom.keys() {
        if team.custom_field(key).is_none() {
            found.push((
                Code::UnknownCustomField,
                format!("contact.custom.{key}"),
                "",
                Args::new().reason("problem", team.lacks_custom_field(key)),
            ));
        }
    }
    let last_agent = &scenario.contact.last_agent;
    if !last_agent.is_empty() && !team.has_agent(last_agent) {
        found.push(team_lacks(
            "contact.last_agent".into(),
            team.lacks_agent(last_agent),
        ));
    }
    for id in scenario.agents.keys() {
        if !team.has_agent(id) {
            found.push(team_lacks(format!("agents.{id}"), team.lacks_agent(id)));
        }
    }
    if let Some(clock) = &scenario.clock
        && parse_rfc3339(clock).is_err()
    {
        found.push((
            Code::BadScenario,
            "clock".into(),
            "clock",
            Args::new().text("clock", clock),
        ));
    }
}

fn expectations(
    index: &FlowIndex<'_>,
    scenario: &Scenario,
    suggestions_left: &mut usize,
    found: &mut Found,
) {
    let expect = &scenario.expect;
    let team = &index.team;
    let mut unknown_node = |field: String, id: &str| {
        let suggestion = if *suggestions_left > 0 {
            *suggestions_left -= 1;
            did_you_mean(id, index.flow.nodes.iter().map(|node| node.id.as_str()))
        } else {
            None
        };
        (
            Code::BadScenario,
            field,
            "node",
            Args::new()
                .text("id", id)
                .suggestion("suggestion", suggestion),
        )
    };
    // `CALL/NODE` is a node of the flow the SubFlow `CALL` calls: a run names it so. The called
    // flow's own nodes are not known here (the checks read one file).
    let is_node = |id: &str| {
        index.node_index(id).is_some()
            || id.split_once('/').is_some_and(|(call, _)| {
                index
                    .node_index(call)
                    .and_then(|at| index.flow.nodes.get(at))
                    .is_some_and(|node| node.kind.tag() == crate::flow::KindTag::SubFlow)
            })
    };
    if let Some(id) = &expect.end_node
        && !is_node(id)
    {
        found.push(unknown_node("expect.end_node".into(), id));
    }
    for (k, id) in expect.path.iter().flatten().enumerate() {
        if !is_node(id) {
            found.push(unknown_node(format!("expect.path[{k}]"), id));
        }
    }
    if let Some(agent) = &expect.agent
        && !agent.is_empty()
        && !team.has_agent(agent)
    {
        found.push(team_lacks("expect.agent".into(), team.lacks_agent(agent)));
    }
    if let Some(queue) = &expect.queue
        && let Some(reason) = team.lacks_department(queue)
    {
        found.push(team_lacks("expect.queue".into(), reason));
    }
    if expect.position == Some(0) {
        found.push((
            Code::BadScenario,
            "expect.position".into(),
            "position",
            Args::new(),
        ));
    }
    for name in expect.vars.keys() {
        let field = format!("expect.vars.{name}");
        if !is_valid_name(name) {
            found.push((
                Code::BadScenario,
                field,
                "var-name",
                Args::new().text("name", name),
            ));
            continue;
        }
        match classify(name) {
            Name::Given => {}
            Name::Custom(key) => {
                if team.custom_field(key).is_none() {
                    found.push((
                        Code::UnknownCustomField,
                        field,
                        "",
                        Args::new().reason("problem", team.lacks_custom_field(key)),
                    ));
                }
            }
            Name::Tracked if index.is_set_anywhere(name) => {}
            Name::Tracked => {
                found.push((
                    Code::BadScenario,
                    field,
                    "var-unset",
                    Args::new().text("name", name),
                ));
            }
            Name::Unknown => {
                found.push((
                    Code::BadScenario,
                    field,
                    "var-unknown",
                    Args::new().text("name", name),
                ));
            }
        }
    }
}
