//! Tests of whole days: queueing theory (Erlang C and Erlang A), the routes' fairness, the
//! human part's rules (lines, patience, wait time-outs, the bot's own time), determinism and
//! the bounds.

mod days;
pub(crate) mod erlang;
mod queueing;
mod routes;

use crate::file::{Format, parse};
use crate::flow::{Arrivals, Flow, LoadPlan};

use super::{DepartmentLoad, LoadOptions, LoadReport, simulate};

/// A flow from RON text.
pub(crate) fn flow(text: &str) -> Flow {
    match parse(text, Format::Ron) {
        Ok(loaded) => loaded.flow,
        Err(err) => panic!("test flow does not parse: {err}\n{text}"),
    }
}

/// The smallest flow that hands every chat to a human: Entry, then a LiveChat for `Suporte`
/// with `route`, over `agents` agents `a1`, `a2`... of capacity `capacity`.
pub(crate) fn handoff_flow(route: &str, agents: usize, capacity: u32) -> Flow {
    let team: Vec<String> = (1..=agents)
        .map(|n| format!(r#"(id: "a{n:02}", departments: ["Suporte"], capacity: {capacity})"#))
        .collect();
    flow(&format!(
        r#"(
            format: 1,
            name: "Transbordo",
            nodes: [
                (id: "inicio", pos: (0.0, 0.0), kind: Entry()),
                (id: "lc", pos: (0.0, 0.0), kind: LiveChat(department: "Suporte", route: {route})),
                (id: "fim", pos: (0.0, 0.0), kind: End()),
            ],
            edges: [
                (from: "inicio", port: "next", to: "lc"),
                (from: "lc", port: "agent_closed", to: "fim"),
            ],
            team: (departments: ["Suporte"], agents: [{}]),
        )"#,
        team.join(", ")
    ))
}

/// A plan of `hours` hours at `rate` chats an hour.
pub(crate) fn plan(rate: f64, hours: u32, handle_time_s: f64, patience_s: f64) -> LoadPlan {
    LoadPlan {
        hours,
        arrivals_per_hour: Arrivals::Each(rate),
        handle_time_s,
        patience_s,
        service_level_s: 20.0,
        seed: 1,
        ..LoadPlan::default()
    }
}

pub(crate) fn run(flow: &Flow, plan: &LoadPlan) -> LoadReport {
    match simulate(flow, plan, &LoadOptions::default()) {
        Ok(report) => report,
        Err(err) => panic!("the day does not run: {err}"),
    }
}

pub(crate) fn department<'r>(report: &'r LoadReport, name: &str) -> &'r DepartmentLoad {
    match report.departments.iter().find(|d| d.department == name) {
        Some(department) => department,
        None => panic!("no department {name} in {:?}", report.departments),
    }
}
