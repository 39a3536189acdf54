//! A quick timing loop for the checks that does not build the GUI (the root package's
//! `cargo bench --bench load_check` is the benchmark of record; this prints the same two figures).
//!
//! `cargo run --release -p fluxo-core --example checkprof` prints p50/p95 of `check` on a
//! generated 10,000-node flow and of load + check on a 2,000-node RON file.
//! `cargo run --release -p fluxo-core --example checkprof -- NODES RUNS` times only `check` on a
//! flow of NODES nodes, RUNS times (for a profiler: `-- 10000 20` under callgrind).

use std::collections::HashMap;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use fluxo_core::flow::Flow;
use fluxo_core::{check, file, generator};

fn main() -> ExitCode {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    if let [nodes, runs] = args[..] {
        let flow = generator::flow_with_scenarios(nodes, 1, 3);
        report(&format!("check alone, {nodes} nodes"), runs, || {
            check(&flow).len()
        });
        return ExitCode::SUCCESS;
    }

    let big = generator::flow_with_scenarios(10_000, 1, 3);
    let findings = check(&big).len();
    if findings > 0 {
        eprintln!("the generated 10,000-node flow has {findings} findings: it should have none");
        return ExitCode::FAILURE;
    }
    report("check alone, 10,000 nodes", 300, || check(&big).len());
    report("reference: ids and edges, 10,000", 300, || {
        ids_and_edges(&big)
    });

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
    ExitCode::SUCCESS
}

/// The least a check does: every id into a map, every edge's two ends looked up (on a machine
/// shared with other work, says how much slower than usual it is running).
fn ids_and_edges(flow: &Flow) -> usize {
    let ids: HashMap<&str, usize> = flow
        .nodes
        .iter()
        .enumerate()
        .map(|(index, node)| (node.id.as_str(), index))
        .collect();
    flow.edges
        .iter()
        .filter(|edge| ids.contains_key(edge.from.as_str()) && ids.contains_key(edge.to.as_str()))
        .count()
}

/// Runs `work` three times to warm up, then `runs` times, and prints p50 and p95.
fn report(name: &str, runs: usize, mut work: impl FnMut() -> usize) {
    for _ in 0..3 {
        black_box(work());
    }
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
