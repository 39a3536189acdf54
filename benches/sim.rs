//! Simulator speed. Targets: at least 2M steps per second on a realistic flow, and the work of
//! `fluxo test` (parse the file, run and check every scenario, coverage, the report) on 1,000
//! scenarios of a 200-node flow in at most 1 s. Run with `cargo bench --bench sim`.
//!
//! Times are wall clock on a shared machine: p50 and p95 show the spread, "best" is the run
//! least disturbed by other processes.

// A benchmark whose generated input does not build must stop loudly.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fluxo_core::file::{self, Format};
use fluxo_core::flow::{EndReason, Flow};
use fluxo_core::generator;
use fluxo_core::sim::{Batch, Options, Program, Run, test_flow};

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() - 1) * p / 100]
}

/// Times `run_to_end` alone (the run's setup is timed apart) over `iterations` runs.
fn time_steps(
    program: &Arc<Program>,
    flow: &Flow,
    options: &Options,
    iterations: usize,
) -> (Vec<Duration>, usize) {
    let mut times = Vec::with_capacity(iterations);
    let mut steps = 0;
    for _ in 0..iterations {
        let mut run = Run::with_program(Arc::clone(program), &flow.scenarios[0], options.clone());
        let start = Instant::now();
        run.run_to_end();
        times.push(start.elapsed());
        steps = run.step_count();
        assert_eq!(
            run.end().map(|end| end.reason),
            Some(EndReason::End),
            "{:?}",
            run.end()
        );
        black_box(run);
    }
    times.sort();
    (times, steps)
}

fn steps_per_second() {
    let flow = generator::loop_free(1_000);
    let options = Options {
        step_limit: 1_000_000,
        ..Options::default()
    };
    let program = Arc::new(Program::new(&flow));
    let (times, steps) = time_steps(&program, &flow, &options, 50);
    let rate = |time: Duration| steps as f64 / time.as_secs_f64() / 1e6;
    println!(
        "steps, realistic loop-free flow ({} nodes, {steps} steps a run, every node kind but Queue):",
        program.len()
    );
    for (label, time) in [
        ("p50", percentile(&times, 50)),
        ("p95", percentile(&times, 95)),
        ("best", times[0]),
    ] {
        println!(
            "  {label:4} {time:>9.2?} a run, {:.2} M steps/s",
            rate(time)
        );
    }
    let history = Options {
        history: true,
        ..options
    };
    let (times, _) = time_steps(&program, &flow, &history, 20);
    println!(
        "  with history (the window's Back): p50 {:.2?}, {:.2} M steps/s",
        percentile(&times, 50),
        rate(percentile(&times, 50))
    );
}

fn test_command() {
    let mut flow = generator::flow(200, 42);
    flow.scenarios = generator::scenarios(1_000, 43);
    let text = file::to_text(&flow, Format::Ron).expect("the flow writes");
    let mut times = Vec::new();
    let mut batch_times = Vec::new();
    for _ in 0..15 {
        let start = Instant::now();
        let flow = file::parse(&text, Format::Ron)
            .expect("the flow reads")
            .flow;
        let parsed = start.elapsed();
        let report = test_flow(&flow, &Options::default());
        let json = serde_json::to_string(&report).expect("the report writes");
        let total = start.elapsed();
        times.push(total);
        batch_times.push(total.saturating_sub(parsed));
        black_box((report, json));
    }
    let mut batch = Batch::new(&flow, Options::default());
    let steps: usize = flow
        .scenarios
        .iter()
        .map(|scenario| batch.run(scenario).step_count())
        .sum();
    times.sort();
    batch_times.sort();
    println!(
        "test: 1,000 scenarios of a 200-node generated flow ({steps} steps), parse + run + check + coverage + JSON report:"
    );
    println!(
        "  p50 {:.2?}, p95 {:.2?}, best {:.2?} (target: 1 s); without the parse: p50 {:.2?}",
        percentile(&times, 50),
        percentile(&times, 95),
        times[0],
        percentile(&batch_times, 50)
    );
}

fn main() {
    steps_per_second();
    test_command();
}
