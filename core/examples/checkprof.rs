//! Timing of the checks without building the GUI (the root package's `cargo bench --bench
//! load_check` is the benchmark of record for the flow-size figures).
//!
//! `cargo run --release -p fluxo-core --example checkprof` prints p50/p95 of `check` on
//! generated flows of 2,000 and 10,000 nodes, of load + check of a 2,000-node RON file, and of
//! `check` on the tour sample with one 10 MB field (SPEC.md section 8: well under a second).
//! `cargo run --release -p fluxo-core --example checkprof -- NODES RUNS` times only `check` on a
//! flow of NODES nodes, RUNS times (for a profiler: `-- 10000 20` under callgrind); `-- long`
//! checks each 10 MB case once (under `/usr/bin/time -v` for the peak memory).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use fluxo_core::flow::{Flow, NodeKind};
use fluxo_core::{Format, check, file, generator};

fn main() -> ExitCode {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    if std::env::args().nth(1).as_deref() == Some("long") {
        // Each long-field case once (for `/usr/bin/time -v`: the peak memory of the three).
        let Some(tour) = tour() else {
            return ExitCode::FAILURE;
        };
        for (name, flow) in long_fields(&tour) {
            report(&name, 1, || check(&flow).len());
        }
        return ExitCode::SUCCESS;
    }
    if let [nodes, runs] = args[..] {
        let flow = generator::flow_with_scenarios(nodes, 1, 3);
        report(&format!("check alone, {nodes} nodes"), runs, || {
            check(&flow).len()
        });
        return ExitCode::SUCCESS;
    }
    for nodes in [2_000, 10_000] {
        let flow = generator::flow_with_scenarios(nodes, 1, 3);
        let findings = check(&flow).len();
        if findings > 0 {
            eprintln!(
                "the generated {nodes}-node flow has {findings} findings: it should have none"
            );
            return ExitCode::FAILURE;
        }
        report(&format!("check alone, {nodes} nodes"), 100, || {
            check(&flow).len()
        });
    }

    let folder = std::env::temp_dir().join(format!("fluxo-checkprof-{}", std::process::id()));
    let path = folder.join("gerado.flow.ron");
    let flow = generator::flow_with_scenarios(2_000, 1, 3);
    let written = std::fs::create_dir_all(&folder)
        .map_err(|err| err.to_string())
        .and_then(|()| file::save(&flow, &path).map_err(|err| err.to_string()));
    if let Err(err) = written {
        eprintln!("cannot write the flow: {err}");
        return ExitCode::FAILURE;
    }
    report("load + check, 2,000 nodes (file)", 40, || {
        file::load(&path).map_or(0, |loaded| check(&loaded.flow).len())
    });
    let _ = std::fs::remove_dir_all(&folder);

    let Some(tour) = tour() else {
        eprintln!("cannot read sample_flows/tour.flow.ron");
        return ExitCode::FAILURE;
    };
    for (name, flow) in long_fields(&tour) {
        report(&name, 5, || check(&flow).len());
    }
    ExitCode::SUCCESS
}

fn tour() -> Option<Flow> {
    let text = include_str!("../../sample_flows/tour.flow.ron");
    fluxo_core::file::parse(text, Format::Ron)
        .ok()
        .map(|loaded| loaded.flow)
}

/// The tour sample with one 10 MB field: a url in its first Request, 2 million `{{x}}` at the
/// start of its first Message; and the same url in a flow of three nodes.
fn long_fields(tour: &Flow) -> Vec<(String, Flow)> {
    let url = format!(
        "{{{{team.api_base}}}}/clientes?cpf={}",
        "A".repeat(10_000_000)
    );
    let mut with_url = tour.clone();
    if let Some(NodeKind::Request { url: at, .. }) = with_url
        .nodes
        .iter_mut()
        .map(|node| &mut node.kind)
        .find(|kind| matches!(kind, NodeKind::Request { .. }))
    {
        at.clone_from(&url);
    }
    let mut with_refs = tour.clone();
    if let Some(NodeKind::Message { text, .. }) = with_refs
        .nodes
        .iter_mut()
        .map(|node| &mut node.kind)
        .find(|kind| matches!(kind, NodeKind::Message { .. }))
    {
        *text = "{{x}}".repeat(2_000_000) + text;
    }
    let mut small = Flow::new("três nós");
    small.nodes = tour
        .nodes
        .iter()
        .filter(|node| {
            matches!(
                node.kind,
                NodeKind::Entry { .. } | NodeKind::Request { .. } | NodeKind::End { .. }
            )
        })
        .take(3)
        .cloned()
        .collect();
    small.team = tour.team.clone();
    for node in &mut small.nodes {
        if let NodeKind::Request { url: at, .. } = &mut node.kind {
            at.clone_from(&url);
        }
    }
    vec![
        ("tour, 10 MB url".to_owned(), with_url),
        ("tour, 2M {{x}} in a message".to_owned(), with_refs),
        ("3 nodes, 10 MB url".to_owned(), small),
    ]
}

/// Runs `work` once to warm up, then `runs` times, and prints p50 and p95.
fn report(name: &str, runs: usize, mut work: impl FnMut() -> usize) {
    black_box(work());
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let at = |percent: usize| {
        let index = (times.len() - 1) * percent / 100;
        times.get(index).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "{name:<36} p50 {:>8.2} ms   p95 {:>8.2} ms   ({} runs)",
        at(50),
        at(95),
        times.len()
    );
}
