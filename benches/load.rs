//! `fluxo load` speed. Target: a day of 100,000 chats through a realistic flow in at most 2 s on
//! the 2-core machine of NOTES.md. Run with `cargo bench --bench load`.
//!
//! Two realistic flows: the routes sample (a menu Ask, a Condition on the answer, a LiveChat per
//! route, with its 23 scenarios as the mix) and a 200-node generated flow (greetings, questions,
//! conditions, platform API requests, variables, business hours, handoffs; 50 scenarios). Each
//! day is run five times; p50 and best are wall clock on a shared machine.
//!
//! Then the queueing check at release speed: days of some 200,000 chats against Erlang C (no
//! patience) and Erlang A (with patience), as the core's tests do, for more loads and seeds.

// A benchmark whose input does not build must stop loudly.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use fluxo_core::file;
use fluxo_core::flow::{Arrivals, Flow, LoadPlan};
use fluxo_core::generator;
use fluxo_core::load::{LoadOptions, LoadReport, simulate};

const TARGET: Duration = Duration::from_secs(2);

/// This thread's time on a CPU so far (Linux), to tell the work from the waiting on a machine
/// shared with other builds.
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn day(flow: &Flow, plan: &LoadPlan) -> (Duration, Option<Duration>, LoadReport) {
    let cpu = cpu_time();
    let start = Instant::now();
    let report = simulate(flow, plan, &LoadOptions::default()).expect("the day runs");
    let wall = start.elapsed();
    let cpu = cpu
        .zip(cpu_time())
        .map(|(before, after)| after.saturating_sub(before));
    (wall, cpu, black_box(report))
}

fn time_day(label: &str, flow: &Flow, plan: &LoadPlan) {
    let mut times = Vec::new();
    let mut cpu_times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let (time, cpu, report) = day(flow, plan);
        times.push(time);
        cpu_times.extend(cpu);
        last = Some(report);
    }
    times.sort();
    cpu_times.sort();
    let report = last.expect("five days ran");
    let p50 = times[times.len() / 2];
    let rate = report.chats as f64 / p50.as_secs_f64();
    let verdict = if p50 <= TARGET { "meets" } else { "MISSES" };
    let cpu = cpu_times
        .get(cpu_times.len() / 2)
        .map_or_else(String::new, |cpu| format!(" (on a CPU: {cpu:.2?})"));
    println!(
        "{label}: {} chats ({} to a human, {} bot only): p50 {p50:.2?}{cpu}, best {:.2?}, {:.0} chats/s ({verdict} the {TARGET:?} target)",
        report.chats, report.to_human, report.bot_only, times[0], rate
    );
}

fn realistic_days() {
    let routes = file::load(Path::new("sample_flows/rotas_livechat.flow.ron"))
        .expect("the routes sample loads")
        .flow;
    let plan = LoadPlan {
        hours: 10,
        arrivals_per_hour: Arrivals::Each(10_000.0),
        handle_time_s: 30.0,
        patience_s: 300.0,
        seed: 1,
        ..LoadPlan::default()
    };
    time_day("routes sample, 100,000 chats in 10 h", &routes, &plan);
    let generated = generator::flow_with_scenarios(200, 1, 50);
    time_day(
        "generated 200-node flow, 100,000 chats in 10 h",
        &generated,
        &plan,
    );
}

/// Erlang C: (probability of waiting, mean wait) for arrivals `lambda`, service `mu`, `c` agents.
fn erlang_c(lambda: f64, mu: f64, agents: u32) -> (f64, f64) {
    let load = lambda / mu;
    let c = f64::from(agents);
    let mut term = 1.0;
    let mut below = 0.0;
    for k in 0..agents {
        below += term;
        term *= load / f64::from(k + 1);
    }
    let top = term * c / (c - load);
    let waits = top / (below + top);
    (waits, waits / (c * mu - lambda))
}

/// Erlang A: (probability of waiting, probability of abandoning) with abandonment rate `theta`.
fn erlang_a(lambda: f64, mu: f64, theta: f64, agents: u32) -> (f64, f64) {
    let mut p = vec![1.0_f64];
    let c = f64::from(agents);
    for n in 1..agents as usize + 20_000 {
        let n_f = n as f64;
        let death = n_f.min(c) * mu + (n_f - c).max(0.0) * theta;
        let next = p[n - 1] * lambda / death;
        p.push(next);
        if next < 1e-300 {
            break;
        }
    }
    let total: f64 = p.iter().sum();
    let waits = p.iter().skip(agents as usize).sum::<f64>() / total;
    let queue: f64 = p
        .iter()
        .enumerate()
        .skip(agents as usize)
        .map(|(n, pn)| (n - agents as usize) as f64 * pn)
        .sum::<f64>()
        / total;
    (waits, theta * queue / lambda)
}

fn handoff_flow(agents: u32) -> Flow {
    let team: Vec<String> = (1..=agents)
        .map(|n| format!(r#"(id: "a{n:02}", departments: ["Suporte"], capacity: 1)"#))
        .collect();
    let text = format!(
        r#"(format: 1, nodes: [
            (id: "inicio", pos: (0.0, 0.0), kind: Entry()),
            (id: "lc", pos: (0.0, 0.0), kind: LiveChat(department: "Suporte")),
            (id: "fim", pos: (0.0, 0.0), kind: End()),
        ], edges: [
            (from: "inicio", port: "next", to: "lc"),
            (from: "lc", port: "agent_closed", to: "fim"),
        ], team: (departments: ["Suporte"], agents: [{}]))"#,
        team.join(", ")
    );
    file::parse(&text, file::Format::Ron)
        .expect("the handoff flow parses")
        .flow
}

fn queueing_days() {
    println!("queueing check, some 200,000 chats a day (relative difference to the formula):");
    let handle_time_s = 30.0;
    let mu = 1.0 / handle_time_s;
    for (agents, rho) in [(1, 0.5), (2, 0.7), (5, 0.8), (10, 0.85), (20, 0.88)] {
        let lambda = rho * f64::from(agents) * mu;
        let rate = lambda * 3600.0;
        let hours = ((200_000.0 / rate).ceil() as u32).min(744);
        let flow = handoff_flow(agents);
        let (want_waits, want_mean) = erlang_c(lambda, mu, agents);
        let mut worst: (f64, f64) = (0.0, 0.0);
        for seed in 1..=5 {
            let plan = LoadPlan {
                hours,
                arrivals_per_hour: Arrivals::Each(rate),
                handle_time_s,
                seed,
                ..LoadPlan::default()
            };
            let (_, _, report) = day(&flow, &plan);
            let suporte = &report.departments[0];
            let waits = suporte.waited_share.unwrap_or_default();
            let mean = suporte.mean_wait_s.unwrap_or_default();
            worst.0 = worst.0.max((waits - want_waits).abs() / want_waits);
            worst.1 = worst.1.max((mean - want_mean).abs() / want_mean);
        }
        println!(
            "  Erlang C c={agents:2} ρ={rho}: P(wait) {want_waits:.4}, mean wait {want_mean:.2} s; worst of 5 seeds: {:.1} % and {:.1} %",
            worst.0 * 100.0,
            worst.1 * 100.0
        );
    }
    for (agents, rho, patience_s) in [(3, 1.0, 60.0), (5, 1.2, 120.0), (10, 0.9, 30.0)] {
        let theta = 1.0 / patience_s;
        let lambda = rho * f64::from(agents) * mu;
        let rate = lambda * 3600.0;
        let hours = ((200_000.0 / rate).ceil() as u32).min(744);
        let flow = handoff_flow(agents);
        let (want_waits, want_abandons) = erlang_a(lambda, mu, theta, agents);
        let mut worst: (f64, f64) = (0.0, 0.0);
        for seed in 1..=5 {
            let plan = LoadPlan {
                hours,
                arrivals_per_hour: Arrivals::Each(rate),
                handle_time_s,
                patience_s,
                seed,
                ..LoadPlan::default()
            };
            let (_, _, report) = day(&flow, &plan);
            let suporte = &report.departments[0];
            let settled = (suporte.answered + suporte.abandoned) as f64;
            let waited = suporte.waited_share.unwrap_or_default() * suporte.answered as f64
                + suporte.abandoned as f64;
            let waits = waited / settled;
            let abandons = suporte.abandoned as f64 / settled;
            worst.0 = worst.0.max((waits - want_waits).abs() / want_waits);
            worst.1 = worst
                .1
                .max((abandons - want_abandons).abs() / want_abandons);
        }
        println!(
            "  Erlang A c={agents:2} ρ={rho} patience {patience_s} s: P(wait) {want_waits:.4}, P(abandon) {want_abandons:.4}; worst of 5 seeds: {:.1} % and {:.1} %",
            worst.0 * 100.0,
            worst.1 * 100.0
        );
    }
}

fn main() {
    realistic_days();
    if std::env::args().any(|arg| arg == "--quick") {
        return;
    }
    queueing_days();
}
