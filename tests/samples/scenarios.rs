//! The bundled sample flows prove themselves: every scenario of every `sample_flows/*.flow.ron`
//! passes (run as `fluxo test` runs them, cursors carried through each file), and together their
//! runs exercise every node kind, every LiveChat route, every Ask expect kind and every LiveChat
//! outcome, and each file's scenarios reach every node and take every branch (wired port). With no sample_flows/ folder (or an empty one) there is nothing to prove.
// Test helpers outside `#[test]` functions: failing there is failing the test.
#![allow(clippy::panic)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use fluxo_core::flow::{Flow, KindTag, LiveChatOutcome, NodeKind, Route};
use fluxo_core::sim::{Batch, Event, Options, Run, expect};

/// Every sample flow, by its path, sorted.
fn sample_flows() -> Vec<(String, Flow)> {
    // FLUXO_SAMPLE_FLOWS points the test at another folder (to try it on flows in the making).
    let dir = std::env::var_os("FLUXO_SAMPLE_FLOWS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_flows"),
        PathBuf::from,
    );
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.ends_with(".flow.ron"))
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let loaded = fluxo_core::load(&path).unwrap_or_else(|err| panic!("{err}"));
            assert!(
                loaded.unknown_fields.is_empty(),
                "{}: unknown fields {:?}",
                path.display(),
                loaded.unknown_fields
            );
            (path.display().to_string(), loaded.flow)
        })
        .collect()
}

/// What `fluxo test` runs a file with: the flows of its folder for its SubFlow nodes.
fn options(file: &str) -> Options {
    Options {
        library: fluxo::library::library_for(std::path::Path::new(file)),
        ..Options::default()
    }
}

/// Each file's runs, in scenario order, as `fluxo test` makes them.
fn runs(file: &str, flow: &Flow) -> Vec<Run> {
    let mut batch = Batch::new(flow, options(file));
    flow.scenarios
        .iter()
        .map(|scenario| batch.run(scenario))
        .collect()
}

/// A sample flow is the model of a tested flow: no node or branch is left to chance.
#[test]
fn each_sample_covers_every_node_and_branch() {
    for (file, flow) in sample_flows() {
        let mut batch = Batch::new(&flow, options(&file));
        for scenario in &flow.scenarios {
            batch.run(scenario);
        }
        let report = batch.coverage().report();
        assert!(
            report.uncovered_nodes.is_empty() && report.uncovered_branches.is_empty(),
            "{file}: {} of {} branches covered; not reached: {:?}, {:?}",
            report.branches_covered,
            report.branches_total,
            report.uncovered_nodes,
            report.uncovered_branches
        );
    }
}

#[test]
fn every_sample_scenario_passes() {
    let flows = sample_flows();
    if flows.is_empty() {
        eprintln!("no sample_flows/*.flow.ron yet: nothing to run");
        return;
    }
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, flow) in &flows {
        for (scenario, run) in flow.scenarios.iter().zip(runs(file, flow)) {
            count += 1;
            for failure in expect::check(&scenario.expect, &run) {
                failures.push(format!("{file}: {}: {failure}", scenario.name));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing expectations in {count} scenarios:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn route_label(route: &Route) -> &'static str {
    route.label()
}

#[test]
fn sample_runs_exercise_every_kind_route_expect_and_outcome() {
    let flows = sample_flows();
    if flows.is_empty() {
        eprintln!("no sample_flows/*.flow.ron yet: nothing to cover");
        return;
    }
    let mut kinds = BTreeSet::new();
    let mut routes = BTreeSet::new();
    let mut expects = BTreeSet::new();
    let mut outcomes = BTreeSet::new();
    for (file, flow) in &flows {
        for run in runs(file, flow) {
            for step in run.steps() {
                kinds.insert(step.kind);
                match flow.node(step.node).map(|node| &node.kind) {
                    Some(NodeKind::LiveChat { route, .. }) => {
                        routes.insert(route_label(route));
                    }
                    Some(NodeKind::Ask { expect, .. }) => {
                        expects.insert(expect.label());
                    }
                    _ => {}
                }
                for event in step.events {
                    if let Event::HandoffEnded { outcome, .. } = event {
                        outcomes.insert(*outcome);
                    }
                }
            }
        }
    }
    let missing_kinds: Vec<&str> = KindTag::ALL
        .iter()
        .filter(|kind| !kinds.contains(kind))
        .map(|kind| kind.as_str())
        .collect();
    let all_routes = [
        Route::Department,
        Route::Unassigned,
        Route::Agent(String::new()),
        Route::AgentFromField(String::new()),
        Route::Random,
        Route::LastAgent,
        Route::Sequential,
    ];
    let missing_routes: Vec<&str> = all_routes
        .iter()
        .map(route_label)
        .filter(|label| !routes.contains(label))
        .collect();
    let all_expects = ["Any", "Number", "Email", "Cpf", "Phone", "Options", "Regex"];
    let missing_expects: Vec<&str> = all_expects
        .into_iter()
        .filter(|label| !expects.contains(label))
        .collect();
    let missing_outcomes: Vec<&str> = LiveChatOutcome::ALL
        .iter()
        .map(|outcome| outcome.as_str())
        .filter(|word| !outcomes.contains(word))
        .collect();
    assert!(
        missing_kinds.is_empty()
            && missing_routes.is_empty()
            && missing_expects.is_empty()
            && missing_outcomes.is_empty(),
        "no sample scenario runs through: kinds {missing_kinds:?}, LiveChat routes \
         {missing_routes:?}, Ask expects {missing_expects:?}, LiveChat outcomes {missing_outcomes:?}"
    );
}
