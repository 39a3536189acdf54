//! The bundled sample flows (`sample_flows/*.flow.ron`): what users open first, what QA copies and
//! what CI runs. They load without unknown fields, convert to JSON and back without loss, have a
//! sound graph, check without findings, are laid out left to right without overlapping cards, and
//! every scenario states what its run must do. Together their scenarios walk through every node
//! kind, every LiveChat route, every Ask expect kind and every handoff outcome.
//!
//! The scenarios themselves run in `fluxo test` (and in the simulator's tests); here their
//! expectations are checked for consistency with the graph: an expected path follows edges from
//! the Entry to the expected end node (into the flows SubFlow nodes call, `CALL/NODE`, and back
//! by `done`), an expected queue position is `waiting + 1`.

// The helpers below run only inside tests: a panic there is a failing test with its message.
#![allow(clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluxo_core::file::{self, Format};
use fluxo_core::flow::{
    AskExpect, ChatList, EndReason, KindTag, LiveChatOutcome, NodeKind, Route, Scenario,
};
use fluxo_core::{Flow, Severity};

/// The samples every build must ship; more may sit beside them.
const REQUIRED: [&str; 6] = [
    "carteirizacao.flow.ron",
    "coleta_cpf.flow.ron",
    "transbordo_altu.flow.ron",
    "expediente.flow.ron",
    "rotas_livechat.flow.ron",
    "tour.flow.ron",
];

/// A node card on the canvas: 220 wide, 110 high, taller when it has many ports.
const CARD_WIDTH: f32 = 220.0;

fn card_height(kind: &NodeKind) -> f32 {
    (38.0 + 24.0 * kind.ports().len() as f32).max(110.0)
}

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_flows")
}

fn sample_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(sample_dir())
        .expect("sample_flows/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.ends_with(".flow.ron"))
        })
        .collect();
    paths.sort();
    paths
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every sample as (file name, flow).
fn samples() -> Vec<(String, Flow)> {
    sample_paths()
        .iter()
        .map(|path| {
            let loaded = file::load(path).unwrap_or_else(|err| panic!("{err}"));
            (file_name(path), loaded.flow)
        })
        .collect()
}

#[test]
fn the_required_samples_are_there() {
    let names: BTreeSet<String> = sample_paths().iter().map(|path| file_name(path)).collect();
    for required in REQUIRED {
        assert!(
            names.contains(required),
            "sample_flows/{required} is missing"
        );
    }
}

#[test]
fn every_sample_loads_without_unknown_fields() {
    for path in sample_paths() {
        let loaded = file::load(&path).unwrap_or_else(|err| panic!("{err}"));
        assert!(
            loaded.unknown_fields.is_empty(),
            "{}: unknown fields {:?}",
            path.display(),
            loaded.unknown_fields
        );
        let flow = &loaded.flow;
        assert_eq!(flow.format, 1, "{}", path.display());
        assert!(!flow.name.trim().is_empty(), "{}: no name", path.display());
        assert!(
            !flow.description.trim().is_empty(),
            "{}: no description",
            path.display()
        );
    }
}

#[test]
fn every_sample_converts_to_json_and_back_unchanged() {
    for (name, flow) in samples() {
        let json = file::to_text(&flow, Format::Json).expect("JSON text");
        let back = file::parse(&json, Format::Json).unwrap_or_else(|err| panic!("{name}: {err}"));
        assert!(back.unknown_fields.is_empty(), "{name}");
        assert_eq!(back.flow, flow, "{name}: JSON round trip changed the flow");

        let ron = file::to_text(&back.flow, Format::Ron).expect("RON text");
        let again = file::parse(&ron, Format::Ron).unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(again.flow, flow, "{name}: RON round trip changed the flow");
    }
}

#[test]
fn every_graph_is_sound() {
    for (name, flow) in samples() {
        let mut ids = BTreeSet::new();
        for node in &flow.nodes {
            assert!(
                fluxo_core::flow::is_valid_id(&node.id),
                "{name}: bad id {}",
                node.id
            );
            assert!(
                ids.insert(node.id.as_str()),
                "{name}: duplicate id {}",
                node.id
            );
        }
        let entries = flow
            .nodes
            .iter()
            .filter(|node| node.kind.tag() == KindTag::Entry)
            .count();
        assert_eq!(entries, 1, "{name}: exactly one Entry");

        let mut used_ports = BTreeSet::new();
        for edge in &flow.edges {
            let from = flow
                .node(&edge.from)
                .unwrap_or_else(|| panic!("{name}: edge from missing node {}", edge.from));
            let to = flow
                .node(&edge.to)
                .unwrap_or_else(|| panic!("{name}: edge to missing node {}", edge.to));
            assert!(
                from.kind.has_port(&edge.port),
                "{name}: {} has no port {}",
                edge.from,
                edge.port
            );
            assert_ne!(to.kind.tag(), KindTag::Entry, "{name}: edge into the Entry");
            assert!(
                used_ports.insert((edge.from.as_str(), edge.port.as_str())),
                "{name}: port {}.{} has two edges",
                edge.from,
                edge.port
            );
        }
        for schedule in &flow.team.schedules {
            for hours in &schedule.weekly {
                assert!(
                    fluxo_core::clock::parse_hhmm(&hours.open).is_some()
                        && fluxo_core::clock::parse_hhmm(&hours.close).is_some(),
                    "{name}: schedule {} has bad hours",
                    schedule.name
                );
            }
            for day in &schedule.holidays {
                assert!(
                    fluxo_core::clock::parse_date(day).is_some(),
                    "{name}: schedule {} has a bad holiday {day}",
                    schedule.name
                );
            }
        }
        for node in &flow.nodes {
            for port in node.kind.ports() {
                assert!(
                    used_ports.contains(&(node.id.as_str(), port)),
                    "{name}: port {}.{port} is not connected",
                    node.id
                );
            }
        }
    }
}

#[test]
fn every_sample_checks_clean() {
    for (name, flow) in samples() {
        let findings = fluxo_core::check(&flow);
        let errors: Vec<_> = findings
            .iter()
            .filter(|finding| finding.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{name}: errors {errors:#?}");
        // No sample shows a warning on purpose: a warning here is a flaw of the sample.
        assert!(findings.is_empty(), "{name}: findings {findings:#?}");
    }
}

/// A sample as a run sees it: its nodes and those of the flows its SubFlow nodes call
/// (`CALL/NODE`), and the moves a step can make between them (an edge, into a called flow's
/// Entry, from a called flow's End back to where the caller's `done` leads).
#[derive(Default)]
struct Flat {
    kinds: BTreeMap<String, NodeKind>,
    moves: BTreeSet<(String, String)>,
}

/// The sample a SubFlow names: by its name, or by its file name.
fn called<'a>(samples: &'a [(String, Flow)], reference: &str) -> &'a Flow {
    match samples
        .iter()
        .find(|(file, flow)| flow.name == reference || file == reference)
    {
        Some((_, flow)) => flow,
        None => panic!("a SubFlow calls {reference:?}, which is no sample"),
    }
}

fn flatten(
    samples: &[(String, Flow)],
    flow: &Flow,
    prefix: &str,
    back: Option<&str>,
    flat: &mut Flat,
) {
    assert!(
        prefix.matches('/').count() < 8,
        "calls nested too deep: {prefix}"
    );
    for node in &flow.nodes {
        let id = format!("{prefix}{}", node.id);
        if let (Some(back), NodeKind::End { .. }) = (back, &node.kind) {
            flat.moves.insert((id.clone(), back.to_owned()));
        }
        flat.kinds.insert(id, node.kind.clone());
    }
    for edge in &flow.edges {
        flat.moves.insert((
            format!("{prefix}{}", edge.from),
            format!("{prefix}{}", edge.to),
        ));
    }
    for node in &flow.nodes {
        let NodeKind::SubFlow { flow: reference } = &node.kind else {
            continue;
        };
        let inner = called(samples, reference);
        let call = format!("{prefix}{}", node.id);
        let entry = inner.entry().expect("a called flow has an Entry");
        flat.moves
            .insert((call.clone(), format!("{call}/{}", entry.id)));
        let done = flow
            .edge_from(&node.id, "done")
            .map(|edge| format!("{prefix}{}", edge.to));
        flatten(samples, inner, &format!("{call}/"), done.as_deref(), flat);
    }
}

fn flat(samples: &[(String, Flow)], flow: &Flow) -> Flat {
    let mut flat = Flat::default();
    flatten(samples, flow, "", None, &mut flat);
    flat
}

/// The expectations of one scenario agree with the graph and the team.
fn check_scenario(name: &str, flow: &Flow, graph: &Flat, scenario: &Scenario) {
    let what = format!("{name}: scenario {:?}", scenario.name);
    let expect = &scenario.expect;
    let reason = expect
        .end_reason
        .unwrap_or_else(|| panic!("{what}: no end_reason"));
    let end_node = expect
        .end_node
        .as_deref()
        .unwrap_or_else(|| panic!("{what}: no end_node"));
    let path = expect
        .path
        .as_deref()
        .unwrap_or_else(|| panic!("{what}: no path"));

    let entry = flow.entry().expect("an Entry");
    assert_eq!(
        path.first(),
        Some(&entry.id),
        "{what}: path starts at the Entry"
    );
    assert_eq!(
        path.last().map(String::as_str),
        Some(end_node),
        "{what}: path ends at end_node"
    );
    for pair in path.windows(2) {
        assert!(
            graph.moves.contains(&(pair[0].clone(), pair[1].clone())),
            "{what}: no edge from {} to {}",
            pair[0],
            pair[1]
        );
    }

    let end = graph
        .kinds
        .get(end_node)
        .unwrap_or_else(|| panic!("{what}: end_node {end_node} does not exist"));
    match reason {
        EndReason::End => assert_eq!(end.tag(), KindTag::End, "{what}"),
        EndReason::WaitingReply => assert_eq!(end.tag(), KindTag::Ask, "{what}"),
        EndReason::ChannelNotServed => {
            assert_eq!(end.tag(), KindTag::Entry, "{what}");
            let served = match end {
                NodeKind::Entry { channels } => channels.clone(),
                _ => Vec::new(),
            };
            assert!(
                !served.is_empty() && !served.contains(&scenario.contact.channel_or_default()),
                "{what}: the contact's channel is served"
            );
        }
        EndReason::Queued => {
            let department = match end {
                NodeKind::Queue { queue, .. } => queue,
                NodeKind::LiveChat { department, .. } => department,
                _ => panic!("{what}: Queued on a {:?}", end.tag()),
            };
            assert_eq!(expect.queue.as_ref(), Some(department), "{what}: queue");
            // The caller's team: a called flow's own team is not used.
            let waiting = flow.team.waiting.get(department).copied().unwrap_or(0);
            assert_eq!(
                expect.position,
                Some(waiting + 1),
                "{what}: position is waiting + 1"
            );
        }
        other => panic!("{what}: a sample should not end {other:?}"),
    }
    if reason != EndReason::Queued {
        assert!(
            expect.queue.is_none() && expect.position.is_none(),
            "{what}: queue or position without Queued"
        );
    }
    if let Some(agent) = expect.agent.as_deref().filter(|agent| !agent.is_empty()) {
        assert!(
            flow.team.agent(agent).is_some(),
            "{what}: unknown agent {agent}"
        );
    }
    if let Some(department) = expect.department.as_deref().filter(|d| !d.is_empty()) {
        assert!(
            flow.team.has_department(department),
            "{what}: unknown department {department}"
        );
    }
    for agent in scenario.agents.keys() {
        assert!(
            flow.team.agent(agent).is_some(),
            "{what}: override of unknown agent {agent}"
        );
    }
    if let Some(clock) = &scenario.clock {
        assert!(
            fluxo_core::clock::parse_rfc3339(clock).is_ok(),
            "{what}: bad clock {clock}"
        );
    }
}

#[test]
fn every_scenario_states_expectations_that_fit_the_graph() {
    let samples = samples();
    for (name, flow) in &samples {
        let graph = flat(&samples, flow);
        assert!(!flow.scenarios.is_empty(), "{name}: no scenarios");
        let mut names = BTreeSet::new();
        for scenario in &flow.scenarios {
            assert!(
                names.insert(scenario.name.as_str()),
                "{name}: two scenarios named {:?}",
                scenario.name
            );
            check_scenario(name, flow, &graph, scenario);
        }
    }
}

/// What the samples' scenarios walk through: kinds, routes, expect kinds, handoff outcomes.
#[derive(Default)]
struct Walked {
    kinds: BTreeSet<KindTag>,
    routes: BTreeSet<&'static str>,
    expects: BTreeSet<&'static str>,
    outcomes: BTreeSet<String>,
    end_reasons: BTreeSet<EndReason>,
    lists: BTreeSet<ChatList>,
}

fn walked(samples: &[(String, Flow)]) -> Walked {
    let mut walked = Walked::default();
    for (_, flow) in samples {
        let graph = flat(samples, flow);
        for scenario in &flow.scenarios {
            let expect = &scenario.expect;
            walked.end_reasons.extend(expect.end_reason);
            walked.lists.extend(expect.lists.iter().flatten());
            if let Some(status) = expect.vars.get("live_chat.status") {
                walked.outcomes.insert(status.clone());
            }
            for id in expect.path.iter().flatten() {
                let Some(kind) = graph.kinds.get(id) else {
                    continue;
                };
                walked.kinds.insert(kind.tag());
                match kind {
                    NodeKind::LiveChat { route, .. } => {
                        walked.routes.insert(route.label());
                    }
                    NodeKind::Ask { expect, .. } => {
                        walked.expects.insert(expect.label());
                    }
                    _ => {}
                }
            }
        }
    }
    walked
}

#[test]
fn the_scenarios_walk_through_every_kind_route_expect_and_outcome() {
    let samples = samples();
    let walked = walked(&samples);
    for kind in KindTag::ALL {
        assert!(
            walked.kinds.contains(&kind),
            "no scenario reaches a {kind:?} node"
        );
    }
    let routes = [
        Route::Department,
        Route::Unassigned,
        Route::Agent(String::new()),
        Route::AgentFromField(String::new()),
        Route::Random,
        Route::LastAgent,
        Route::Sequential,
    ];
    for route in routes {
        assert!(
            walked.routes.contains(route.label()),
            "no scenario routes by {route:?}"
        );
    }
    let expects = [
        AskExpect::Any,
        AskExpect::Number,
        AskExpect::Email,
        AskExpect::Cpf,
        AskExpect::Phone,
        AskExpect::Options(Vec::new()),
        AskExpect::Regex(String::new()),
    ];
    for expect in expects {
        assert!(
            walked.expects.contains(expect.label()),
            "no scenario asks {expect:?}"
        );
    }
    for outcome in LiveChatOutcome::ALL {
        assert!(
            walked.outcomes.contains(outcome.as_str()),
            "no scenario expects live_chat.status {}",
            outcome.as_str()
        );
    }
    for reason in [
        EndReason::End,
        EndReason::Queued,
        EndReason::WaitingReply,
        EndReason::ChannelNotServed,
    ] {
        assert!(
            walked.end_reasons.contains(&reason),
            "no scenario ends {reason:?}"
        );
    }
    for list in ChatList::ALL {
        assert!(
            walked.lists.contains(&list),
            "no scenario expects the chat in the {list:?} list"
        );
    }
    let flows: Vec<&Flow> = samples.iter().map(|(_, flow)| flow).collect();
    assert!(
        flows.iter().any(|flow| !flow.team.auto_assign.is_empty()),
        "no sample has a department that assigns automatically"
    );
    assert!(
        flows
            .iter()
            .any(|flow| flow.scenarios.iter().any(|s| !s.closing.is_empty())),
        "no sample fills closing fields"
    );
}

#[test]
fn cards_run_left_to_right_without_overlapping() {
    for (name, flow) in samples() {
        let entry = flow.entry().expect("an Entry");
        for node in &flow.nodes {
            assert!(
                entry.pos.0 <= node.pos.0 && entry.pos.1 <= node.pos.1,
                "{name}: {} is above or left of the Entry",
                node.id
            );
        }
        for edge in &flow.edges {
            let (Some(from), Some(to)) = (flow.node(&edge.from), flow.node(&edge.to)) else {
                continue;
            };
            assert!(
                to.pos.0 >= from.pos.0,
                "{name}: the wire {}.{} -> {} runs right to left",
                edge.from,
                edge.port,
                edge.to
            );
        }
        let rects: BTreeMap<&str, (f32, f32, f32, f32)> = flow
            .nodes
            .iter()
            .map(|node| {
                let (x, y) = node.pos;
                (
                    node.id.as_str(),
                    (x, y, x + CARD_WIDTH, y + card_height(&node.kind)),
                )
            })
            .collect();
        for (a, ra) in &rects {
            for (b, rb) in
                rects.range::<&str, _>((std::ops::Bound::Excluded(a), std::ops::Bound::Unbounded))
            {
                let apart = ra.2 <= rb.0 || rb.2 <= ra.0 || ra.3 <= rb.1 || rb.3 <= ra.1;
                assert!(apart, "{name}: cards {a} and {b} overlap");
            }
        }
    }
}
