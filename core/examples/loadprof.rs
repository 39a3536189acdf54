//! The load benchmark's days, in the core alone: a quick loop for profiling `load::simulate`
//! (`cargo run --release -p fluxo-core --example loadprof [routes|generated] [CHATS]`), small
//! enough to run under `perf` or `valgrind --tool=callgrind`. The root bench `benches/load.rs`
//! stays the reference figure.

// A profiling example whose input does not build must stop loudly.
#![allow(clippy::expect_used)]

use std::path::Path;
use std::time::Instant;

use fluxo_core::file;
use fluxo_core::flow::{Arrivals, LoadPlan};
use fluxo_core::generator;
use fluxo_core::load::{LoadOptions, simulate};

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "routes".into());
    let chats: f64 = args
        .next()
        .map_or(100_000.0, |n| n.parse().expect("CHATS is a number"));
    let flow = if which == "generated" {
        generator::flow_with_scenarios(200, 1, 50)
    } else {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../sample_flows/rotas_livechat.flow.ron");
        file::load(&path).expect("the routes sample loads").flow
    };
    let plan = LoadPlan {
        hours: 10,
        arrivals_per_hour: Arrivals::Each(chats / 10.0),
        handle_time_s: 30.0,
        patience_s: 300.0,
        seed: 1,
        ..LoadPlan::default()
    };
    let start = Instant::now();
    let report = simulate(&flow, &plan, &LoadOptions::default()).expect("the day runs");
    let time = start.elapsed();
    println!(
        "{which}: {} chats in {time:.2?}: {:.1} µs a chat",
        report.chats,
        time.as_secs_f64() * 1e6 / report.chats as f64
    );
}
