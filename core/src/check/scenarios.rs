//! The flow's test scenarios: what they name must exist (`bad-scenario`, `unknown-custom-field`),
//! their clocks must be RFC 3339 times, names unique, and each mock must be callable by some
//! Request of the flow (`unused-mock`). Findings have no node; the field is the path from the top
//! of the file (`scenarios[0].expect.end_node`).

use std::collections::HashSet;

use crate::clock::parse_rfc3339;
use crate::flow::{Method, Mock, Scenario};
use crate::template::{Part, is_valid_name, parse_parts};

use super::index::FlowIndex;
use super::references::{department_problem, unknown_agent, unknown_custom_field};
use super::variables::{Name, classify};
use super::{Code, Severity, Sink, did_you_mean, is_blank};

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let mut names = HashSet::new();
    let mut requests = Requests::new(index);
    for (i, scenario) in index.flow.scenarios.iter().enumerate() {
        let mut out = ScenarioSink { sink, at: i };
        if is_blank(&scenario.name) {
            out.bad(
                "name",
                "the scenario has no name: name it (`fluxo test` reports by name and `fluxo run --scenario` picks by name)".into(),
            );
        } else if !names.insert(scenario.name.as_str()) {
            out.bad(
                "name",
                format!(
                    "another scenario above is also named `{}`: give each its own name",
                    scenario.name
                ),
            );
        }
        world(index, scenario, &mut out);
        expectations(index, scenario, &mut out);
        for (j, mock) in scenario.mocks.iter().enumerate() {
            mock_check(&mut requests, j, mock, &mut out);
        }
    }
}

/// Findings about scenario `at`.
struct ScenarioSink<'s, 'f> {
    sink: &'s mut Sink<'f>,
    at: usize,
}

impl ScenarioSink<'_, '_> {
    fn push(&mut self, severity: Severity, code: Code, field: &str, message: String) {
        let path = format!("scenarios[{}].{field}", self.at);
        self.sink.flow(severity, code, Some(path), message);
    }

    fn bad(&mut self, field: &str, message: String) {
        self.push(Severity::Error, Code::BadScenario, field, message);
    }
}

/// The world the run starts in: contact, agent overrides, clock.
fn world(index: &FlowIndex<'_>, scenario: &Scenario, out: &mut ScenarioSink<'_, '_>) {
    let team = &index.flow.team;
    for key in scenario.contact.custom.keys() {
        if team.custom_field(key).is_none() {
            out.push(
                Severity::Error,
                Code::UnknownCustomField,
                &format!("contact.custom.{key}"),
                unknown_custom_field(team, key),
            );
        }
    }
    let last_agent = &scenario.contact.last_agent;
    if !last_agent.is_empty() && team.agent(last_agent).is_none() {
        out.bad("contact.last_agent", unknown_agent(team, last_agent));
    }
    for id in scenario.agents.keys() {
        if team.agent(id).is_none() {
            out.bad(&format!("agents.{id}"), unknown_agent(team, id));
        }
    }
    if let Some(clock) = &scenario.clock
        && let Err(problem) = parse_rfc3339(clock)
    {
        out.bad("clock", problem);
    }
}

fn expectations(index: &FlowIndex<'_>, scenario: &Scenario, out: &mut ScenarioSink<'_, '_>) {
    let expect = &scenario.expect;
    let team = &index.flow.team;
    let ids = || index.flow.nodes.iter().map(|node| node.id.as_str());
    let unknown_node = |id: &str| {
        format!(
            "the flow has no node `{id}`{}: fix the id (node ids are case-sensitive)",
            did_you_mean(id, ids())
        )
    };
    // `CALL/NODE` is a node of the flow the SubFlow `CALL` calls: the run names it so; the
    // called flow itself is not checked here.
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
        out.bad("expect.end_node", unknown_node(id));
    }
    for (k, id) in expect.path.iter().flatten().enumerate() {
        if !is_node(id) {
            out.bad(&format!("expect.path[{k}]"), unknown_node(id));
        }
    }
    if let Some(agent) = &expect.agent
        && !agent.is_empty()
        && team.agent(agent).is_none()
    {
        out.bad("expect.agent", unknown_agent(team, agent));
    }
    if let Some(queue) = &expect.queue
        && let Some(problem) = department_problem(team, queue)
    {
        out.bad("expect.queue", problem);
    }
    if expect.position == Some(0) {
        out.bad(
            "expect.position",
            "queue positions start at 1 (the first chat waiting): fix the expected position".into(),
        );
    }
    for name in expect.vars.keys() {
        let field = format!("expect.vars.{name}");
        if !is_valid_name(name) {
            out.bad(&field, format!("`{name}` is not a variable name: fix it"));
            continue;
        }
        match classify(name) {
            Name::Given => {}
            Name::Custom(key) => {
                if team.custom_field(key).is_none() {
                    out.push(Severity::Error, Code::UnknownCustomField, &field, unknown_custom_field(team, key));
                }
            }
            Name::Tracked if index.names.id(name).is_some_and(|id| index.names.is_set(id)) => {}
            Name::Tracked => out.bad(
                &field,
                format!("no node of the flow sets `{name}`, so the run never has it: fix the name, or expect it of a flow that sets it"),
            ),
            Name::Unknown => out.bad(&field, format!("`{name}` is not a variable fluxo knows: fix the name")),
        }
    }
}

fn mock_check(requests: &mut Requests, j: usize, mock: &Mock, out: &mut ScenarioSink<'_, '_>) {
    if !(100..=599).contains(&mock.status) {
        out.bad(
            &format!("mocks[{j}].status"),
            format!(
                "{} is not an HTTP status: write one from 100 to 599 (200 is OK)",
                mock.status
            ),
        );
    }
    if requests.can_call(mock) {
        return;
    }
    let method = mock.method.map_or("any method", Method::as_str);
    let message = if requests.patterns.is_empty() {
        "the flow has no Request, so this mock is never used: remove it, or add the Request it answers".to_owned()
    } else {
        format!(
            "no Request of this flow can call `{method} {}`, so this mock is never used: fix its method or url (it must match the whole url; `*` stands for any run of characters)",
            mock.url
        )
    };
    out.push(
        Severity::Warning,
        Code::UnusedMock,
        &format!("mocks[{j}]"),
        message,
    );
}

/// One piece of a url pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Piece {
    Char(char),
    /// Any run of characters, empty too (a mock's `*`).
    Any,
    /// Any run of characters but `/`, empty too (a template reference in a Request's url).
    Segment,
}

/// The calls the flow's Requests can make: a method and a url pattern in which every template
/// reference (but `team.api_base`, which is known) stands for any text without a `/`: references
/// fill in ids and words, not whole paths.
struct Requests {
    patterns: Vec<(Method, Vec<Piece>)>,
}

impl Requests {
    fn new(index: &FlowIndex<'_>) -> Self {
        let api_base = index.flow.team.api_base.trim();
        let patterns = index
            .requests
            .iter()
            .map(|&(method, url)| (method, request_pattern(url, api_base)))
            .collect();
        Self { patterns }
    }

    /// Whether some Request can make a call the mock matches.
    fn can_call(&mut self, mock: &Mock) -> bool {
        let glob: Vec<Piece> = mock
            .url
            .chars()
            .map(|c| if c == '*' { Piece::Any } else { Piece::Char(c) })
            .collect();
        self.patterns.iter().any(|(method, pattern)| {
            mock.method.is_none_or(|wanted| wanted == *method) && overlap(pattern, &glob)
        })
    }
}

fn request_pattern(url: &str, api_base: &str) -> Vec<Piece> {
    let mut out = Vec::with_capacity(url.len());
    for part in parse_parts(url) {
        match part {
            Part::Var { name, .. } if name == "team.api_base" && !api_base.is_empty() => {
                out.extend(api_base.chars().map(Piece::Char));
            }
            Part::Var { .. } => {
                if out.last() != Some(&Piece::Segment) {
                    out.push(Piece::Segment);
                }
            }
            Part::Text(span) | Part::Broken(span) => {
                out.extend(url.get(span).unwrap_or("").chars().map(Piece::Char));
            }
        }
    }
    out
}

/// Whether some text matches both patterns: a search over pairs of positions, one in each.
pub(super) fn overlap(a: &[Piece], b: &[Piece]) -> bool {
    let width = b.len() + 1;
    let mut seen = vec![false; (a.len() + 1) * width];
    let mut stack = vec![(0_usize, 0_usize)];
    while let Some((i, j)) = stack.pop() {
        let Some(flag) = seen.get_mut(i * width + j) else {
            continue;
        };
        if *flag {
            continue;
        }
        *flag = true;
        if i == a.len() && j == b.len() {
            return true;
        }
        let (here, there) = (a.get(i).copied(), b.get(j).copied());
        // A wildcard may match nothing.
        if matches!(here, Some(Piece::Any | Piece::Segment)) {
            stack.push((i + 1, j));
        }
        if matches!(there, Some(Piece::Any | Piece::Segment)) {
            stack.push((i, j + 1));
        }
        // Or one character that both sides accept: a literal moves on, a wildcard stays.
        match (here, there) {
            (Some(Piece::Char(x)), Some(Piece::Char(y))) if x == y => stack.push((i + 1, j + 1)),
            (Some(Piece::Char(x)), Some(wild)) if accepts(wild, x) => stack.push((i + 1, j)),
            (Some(wild), Some(Piece::Char(y))) if accepts(wild, y) => stack.push((i, j + 1)),
            _ => {}
        }
    }
    false
}

/// Whether wildcard `piece` can take the character `c`.
fn accepts(piece: Piece, c: char) -> bool {
    match piece {
        Piece::Any => true,
        Piece::Segment => c != '/',
        Piece::Char(_) => false,
    }
}

#[cfg(test)]
mod tests;
