//! The queueing formulas the simulation is held to.
//!
//! Erlang C (M/M/c): arrivals at rate λ, `c` agents each serving at rate μ, nobody leaves. With
//! offered load A = λ/μ < c, the probability that a chat waits is
//! `C = (A^c/c! · c/(c−A)) / (Σ_{k<c} A^k/k! + A^c/c! · c/(c−A))` and the mean wait of all
//! chats is `C / (cμ − λ)`.
//!
//! Erlang A (M/M/c+M): the same with each waiting contact leaving at rate θ (mean patience 1/θ).
//! The number of chats in the system is a birth-death chain (births λ, deaths `min(n,c)μ +
//! max(n−c,0)θ`); its stationary distribution, summed far enough that the rest is negligible,
//! gives by PASTA the probability of waiting `P(N ≥ c)`, the probability of abandoning `θ
//! E[(N−c)+] / λ`, and by Little the mean wait of all chats `E[(N−c)+] / λ`.

/// Erlang C: (probability of waiting, mean wait of all chats in the unit of 1/`mu`).
pub(crate) fn erlang_c(lambda: f64, mu: f64, agents: u32) -> (f64, f64) {
    let load = lambda / mu;
    let c = f64::from(agents);
    // Σ_{k<c} A^k/k!, and A^c/c!, built term by term.
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

/// Erlang A figures.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ErlangA {
    pub(crate) waits: f64,
    pub(crate) abandons: f64,
    pub(crate) mean_wait: f64,
}

/// Erlang A with abandonment rate `theta`, by the birth-death chain.
pub(crate) fn erlang_a(lambda: f64, mu: f64, theta: f64, agents: u32) -> ErlangA {
    // Unnormalised probabilities p_n / p_0, far past where they matter.
    let mut p = vec![1.0_f64];
    let limit = agents as usize + 20_000;
    for n in 1..limit {
        let n_f = n as f64;
        let c = f64::from(agents);
        let death = n_f.min(c) * mu + (n_f - c).max(0.0) * theta;
        let next = p[n - 1] * lambda / death;
        p.push(next);
        if next < 1e-300 {
            break;
        }
    }
    let total: f64 = p.iter().sum();
    let c = agents as usize;
    let waits = p.iter().skip(c).sum::<f64>() / total;
    let queue: f64 = p
        .iter()
        .enumerate()
        .skip(c)
        .map(|(n, pn)| (n - c) as f64 * pn)
        .sum::<f64>()
        / total;
    ErlangA {
        waits,
        abandons: theta * queue / lambda,
        mean_wait: queue / lambda,
    }
}

#[test]
fn the_formulas_agree_with_known_figures() {
    // A textbook case: 2 agents, A = 1 erlang: C = 1/3.
    let (waits, mean) = erlang_c(1.0, 1.0, 2);
    assert!((waits - 1.0 / 3.0).abs() < 1e-12, "{waits}");
    assert!((mean - 1.0 / 3.0).abs() < 1e-12, "{mean}");
    // One agent is M/M/1: P(wait) = ρ, mean wait ρ/(μ−λ).
    let (waits, mean) = erlang_c(0.5, 1.0, 1);
    assert!((waits - 0.5).abs() < 1e-12);
    assert!((mean - 1.0).abs() < 1e-12);
    // Erlang A with patience as long as forever is Erlang C; with θ = μ it is M/M/∞ beyond c.
    let a = erlang_a(4.0, 1.0, 1e-9, 5);
    let (waits, mean) = erlang_c(4.0, 1.0, 5);
    assert!((a.waits - waits).abs() < 1e-4, "{a:?} {waits}");
    assert!((a.mean_wait - mean).abs() < 1e-3, "{a:?} {mean}");
    // θ = μ: N is Poisson(λ/μ), so P(N ≥ 1) = 1 − e^{−A} for one agent.
    let a = erlang_a(2.0, 1.0, 1.0, 1);
    assert!((a.waits - (1.0 - (-2.0_f64).exp())).abs() < 1e-12, "{a:?}");
}
