//! What makes an imported flow usable at once: a team (one department, one agent online) and a
//! first scenario whose replies walk the flow's first path. The path is found by running the
//! flow: each time the run waits at a question it gets a reply that fits (the first option of a
//! choice), until the run ends or comes back to a question it already answered (a loop).

use std::collections::HashMap;

use crate::flow::{
    Agent, AgentStatus, Contact, EndReason, Expectations, Flow, NodeId, Scenario, Team,
};
use crate::sim::{Options, Run, scenario_from_run};

use super::report::RunSummary;
use super::{AGENT_ID, AGENT_NAME, DEPARTMENT, ImportOptions};

/// Replies the first scenario gives at most.
const MAX_REPLIES: usize = 50;

pub(super) fn team() -> Team {
    Team {
        departments: vec![DEPARTMENT.to_owned()],
        agents: vec![Agent {
            id: AGENT_ID.to_owned(),
            name: AGENT_NAME.to_owned(),
            departments: vec![DEPARTMENT.to_owned()],
            status: AgentStatus::Online,
            ..Agent::default()
        }],
        ..Team::default()
    }
}

pub(super) struct FirstRun {
    pub scenario: Scenario,
    pub summary: RunSummary,
}

/// The first scenario: a contact, the replies that walk the first path, and what that run did
/// as its expectations.
pub(super) fn first_scenario(
    flow: &Flow,
    samples: &HashMap<NodeId, String>,
    options: &ImportOptions,
) -> FirstRun {
    let name = options.scenario_name.as_str();
    let base = Scenario {
        name: name.to_owned(),
        contact: Contact {
            name: "Maria Silva".to_owned(),
            phone: "+5511999990000".to_owned(),
            ..Contact::default()
        },
        ..Scenario::default()
    };
    let run_options = Options {
        library: options.library.clone(),
        ..Options::default()
    };
    let mut run = Run::new(flow, &base, run_options);
    let mut asked: HashMap<String, usize> = HashMap::new();
    let mut replies = 0;
    loop {
        run.run_to_end();
        let Some(end) = run.end() else {
            break;
        };
        if end.reason != EndReason::WaitingReply || replies >= MAX_REPLIES {
            break;
        }
        let Some(node) = end.node.clone() else {
            break;
        };
        let times = asked.entry(node.clone()).or_default();
        *times += 1;
        if *times > 1 {
            break;
        }
        let reply = samples.get(&node).map_or("ok", String::as_str);
        if !run.give_reply(reply) {
            break;
        }
        replies += 1;
    }
    let mut scenario = scenario_from_run(&run, &base, name);
    if run.end().is_some_and(|end| end.reason == EndReason::Error) {
        // A SubFlow whose flow is not there yet: nothing is expected of the end, so the scenario
        // still passes once the called flow is imported.
        scenario.expect = Expectations::default();
    }
    let summary = RunSummary {
        name: name.to_owned(),
        replies: scenario.replies.len(),
        end_reason: run.end().map(|end| end.reason),
        end_node: run.end().and_then(|end| end.node.clone()),
    };
    FirstRun { scenario, summary }
}
