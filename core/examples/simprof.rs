//! The simulator benchmark's realistic flow, in the core alone: a quick loop for profiling the
//! step (`cargo run --release -p fluxo-core --example simprof [ITERATIONS] [history]`), and
//! small enough to run under `valgrind --tool=callgrind` or `--tool=dhat`. The flow is the bench's
//! (`generator::loop_free`); the root bench `benches/sim.rs` stays the reference figure.

// A profiling example whose generated input does not build must stop loudly.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fluxo_core::flow::EndReason;
use fluxo_core::generator;
use fluxo_core::sim::{Options, Program, Run};

fn main() {
    let mut args = std::env::args().skip(1);
    let iterations: usize = args
        .next()
        .map_or(50, |n| n.parse().expect("ITERATIONS is a number"));
    let history = args.next().is_some_and(|arg| arg == "history");
    let flow = generator::loop_free(1_000);
    let options = Options {
        step_limit: 1_000_000,
        history,
        ..Options::default()
    };
    let program = Arc::new(Program::new(&flow));
    let mut times = Vec::with_capacity(iterations);
    let mut steps = 0;
    let mut events = 0;
    for _ in 0..iterations.max(1) {
        let mut run = Run::with_program(Arc::clone(&program), &flow.scenarios[0], options.clone());
        let start = Instant::now();
        run.run_to_end();
        times.push(start.elapsed());
        steps = run.step_count();
        events = run.events().count();
        assert_eq!(
            run.end().map(|end| end.reason),
            Some(EndReason::End),
            "{:?}",
            run.end()
        );
        black_box(run);
    }
    times.sort();
    let rate = |time: Duration| steps as f64 / time.as_secs_f64() / 1e6;
    let p50 = times[(times.len() - 1) / 2];
    println!(
        "{steps} steps, {events} events a run (history {history}): p50 {p50:.2?} {:.2} M steps/s, best {:.2?} {:.2} M steps/s",
        rate(p50),
        times[0],
        rate(times[0])
    );
}
