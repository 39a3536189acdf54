//! The day against queueing theory: Erlang C without patience, Erlang A with it.

use super::erlang::{erlang_a, erlang_c};
use super::{department, handoff_flow, plan, run};

/// Relative difference.
fn off(got: f64, want: f64) -> f64 {
    (got - want).abs() / want
}

/// One department of `agents` agents of capacity 1, no patience, exponential handle times:
/// the probability of waiting and the mean wait over some 200,000 chats are within 5 % of
/// Erlang C, at load `rho` (below 0.9, where the estimate settles within such a day).
fn agrees_with_erlang_c(agents: u32, rho: f64, handle_time_s: f64, seed: u64) {
    let mu = 1.0 / handle_time_s;
    let lambda = rho * f64::from(agents) * mu;
    let rate = lambda * 3600.0;
    let hours = (200_000.0 / rate).ceil() as u32;
    let flow = handoff_flow("Department", agents as usize, 1);
    let report = run(
        &flow,
        &crate::flow::LoadPlan {
            seed,
            ..plan(rate, hours, handle_time_s, 0.0)
        },
    );
    assert!(report.chats >= 195_000, "{}", report.chats);
    let suporte = department(&report, "Suporte");
    let (waits, mean_wait) = erlang_c(lambda, mu, agents);
    let got_waits = suporte.waited_share.unwrap_or_default();
    let got_mean = suporte.mean_wait_s.unwrap_or_default();
    assert!(
        off(got_waits, waits) < 0.05,
        "c={agents} ρ={rho}: P(wait) {got_waits} against Erlang C {waits}"
    );
    assert!(
        off(got_mean, mean_wait) < 0.05,
        "c={agents} ρ={rho}: mean wait {got_mean} s against Erlang C {mean_wait} s"
    );
    assert_eq!(suporte.abandoned, 0);
    assert_eq!(suporte.offered, report.chats);
}

#[test]
fn five_agents_at_load_0_8_agree_with_erlang_c() {
    agrees_with_erlang_c(5, 0.8, 30.0, 1);
}

#[test]
fn one_agent_at_load_0_6_agrees_with_erlang_c() {
    agrees_with_erlang_c(1, 0.6, 5.0, 2);
}

/// With patience (exponential, mean 60 s) the same department agrees with Erlang A, computed
/// from its birth-death chain: probability of waiting, of abandoning, and the mean wait.
#[test]
fn with_patience_it_agrees_with_erlang_a() {
    let agents = 3;
    let handle_time_s = 30.0;
    let patience_s = 60.0;
    let (mu, theta) = (1.0 / handle_time_s, 1.0 / patience_s);
    // Offered load at capacity: only abandonment keeps the line finite.
    let lambda = 1.0 * f64::from(agents) * mu;
    let rate = lambda * 3600.0;
    let hours = (200_000.0 / rate).ceil() as u32;
    let flow = handoff_flow("Department", agents as usize, 1);
    let report = run(&flow, &plan(rate, hours, handle_time_s, patience_s));
    let suporte = department(&report, "Suporte");
    let want = erlang_a(lambda, mu, theta, agents);
    let settled = (suporte.answered + suporte.abandoned) as f64;
    let waited = suporte.waited_share.unwrap_or_default() * suporte.answered as f64
        + suporte.abandoned as f64;
    let got_waits = waited / settled;
    let got_abandons = suporte.abandoned as f64 / settled;
    assert!(
        off(got_waits, want.waits) < 0.05,
        "P(wait) {got_waits} against Erlang A {}",
        want.waits
    );
    assert!(
        off(got_abandons, want.abandons) < 0.05,
        "P(abandon) {got_abandons} against Erlang A {}",
        want.abandons
    );
    // The mean wait of the answered chats: E[W | answered] = (E[W] − P(ab)·E[W | ab]) / P(ans).
    // Simpler to hold: the time-average line length against E[(N−c)+] by Little's law.
    let mean_line: f64 =
        report.hourly.iter().map(|h| h.chats_waiting).sum::<f64>() / report.hourly.len() as f64;
    let want_line = want.mean_wait * lambda;
    assert!(
        off(mean_line, want_line) < 0.05,
        "mean line {mean_line} against Erlang A {want_line}"
    );
}
