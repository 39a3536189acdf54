//! How long a designer waits for findings: a 2,000-node flow read from a RON file and checked
//! (target: 100 ms), `check` alone on 2,000 nodes (within a frame: 16 ms) and on 10,000 nodes
//! (80 ms: linear), and the tour sample with one 10 MB field (SPEC.md section 8: well under a
//! second; target 500 ms). Run with `cargo bench --bench load_check`; prints p50 and p95 in
//! milliseconds against each target (the p95 must meet it).
//!
//! The last line times the least any check must do (hash every node id, resolve every edge): on
//! a machine shared with other work it says how much slower than usual the machine is running.

use std::collections::HashMap;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use fluxo_core::file;
use fluxo_core::flow::{Flow, NodeKind};
use fluxo_core::{check, generator};

fn main() {
    let folder = std::env::temp_dir().join(format!("fluxo-bench-{}", std::process::id()));
    let path = folder.join("gerado.flow.ron");
    let flow = generator::flow_with_scenarios(2_000, 1, 3);
    let written = std::fs::create_dir_all(&folder)
        .map_err(|err| err.to_string())
        .and_then(|()| file::save(&flow, &path).map_err(|err| err.to_string()));
    if let Err(err) = written {
        eprintln!("cannot write the bench flow: {err}");
        std::process::exit(2);
    }
    let size_kib = std::fs::metadata(&path).map_or(0, |meta| meta.len() / 1024);
    println!(
        "2,000-node flow: {size_kib} KiB of RON, {} edges, {} scenarios",
        flow.edges.len(),
        flow.scenarios.len()
    );

    report("load + check, 2,000 nodes (file)", 40, Some(100.0), || {
        load_and_check(&path)
    });
    report("  of which load alone", 40, None, || {
        file::load(&path).map_or(0, |loaded| loaded.flow.nodes.len())
    });
    report("check alone, 2,000 nodes", 200, Some(16.0), || {
        check(&flow).len()
    });

    let big = generator::flow_with_scenarios(10_000, 1, 3);
    let findings = check(&big).len();
    if findings > 0 {
        eprintln!("the generated 10,000-node flow has {findings} findings: it should have none");
        std::process::exit(2);
    }
    report("check alone, 10,000 nodes", 100, Some(80.0), || {
        check(&big).len()
    });
    report("reference: ids and edges, 10,000", 200, None, || {
        ids_and_edges(&big)
    });

    let _ = std::fs::remove_dir_all(&folder);

    let tour = include_str!("../sample_flows/tour.flow.ron");
    let Ok(tour) = file::parse(tour, file::Format::Ron).map(|loaded| loaded.flow) else {
        eprintln!("cannot read the tour sample");
        std::process::exit(2);
    };
    for (name, flow) in long_fields(&tour) {
        report(name, 10, Some(500.0), || check(&flow).len());
    }
}

/// The tour sample with one 10 MB field (issue 9, item 8): a url in its first Request, 2 million
/// `{{x}}` at the start of its first Message.
fn long_fields(tour: &Flow) -> Vec<(&'static str, Flow)> {
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
    vec![
        ("tour, a 10 MB url", with_url),
        ("tour, 2M {{x}} in a message", with_refs),
    ]
}

fn load_and_check(path: &Path) -> usize {
    match file::load(path) {
        Ok(loaded) => black_box(check(&loaded.flow).len()),
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(2);
        }
    }
}

/// The least a check does: every id into a map, every edge's two ends looked up.
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

/// Runs `work` a few times to warm up, then `runs` times, and prints p50/p95 against the target.
fn report(name: &str, runs: usize, target_ms: Option<f64>, mut work: impl FnMut() -> usize) {
    for _ in 0..3 {
        black_box(work());
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let at = |quantile: f64| {
        let index = ((times.len() as f64 - 1.0) * quantile).round() as usize;
        times.get(index).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    let (p50, p95) = (at(0.50), at(0.95));
    let verdict = match target_ms {
        None => String::new(),
        Some(target) if p95 <= target => format!("  target {target} ms: met"),
        Some(target) => format!("  target {target} ms: MISSED"),
    };
    println!("{name:<36} p50 {p50:>8.2} ms   p95 {p95:>8.2} ms   ({runs} runs){verdict}");
}
