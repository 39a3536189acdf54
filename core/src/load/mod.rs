//! Load: what a flow does to the team over a day of chats (SPEC.md section 10).
//!
//! The step simulator answers "where does this chat go"; this module answers "what happens to
//! the team at N chats an hour". [`simulate`] runs a [`LoadPlan`] against a flow: chats arrive as
//! a Poisson stream at each hour's rate, each runs the flow's bot part through the step
//! simulator (a scenario drawn from the mix, the clock at its arrival, the team as it is at that
//! moment), and what reaches a human is taken at once, waits in its department's line (the
//! longest waiting first), or leaves when the contact's patience runs out. Handle times and
//! patience are exponential. The same flow, plan and seed give the same day, byte for byte.
//!
//! [`validate`] lists what is wrong with a flow's `load` section, as data, for the checks.
//! Where SPEC.md is silent, the rules are in docs/decisions.md, "Load".
//!
//! Files: `plan.rs` (the plan made ready), `bot.rs` (the only use of the step simulator),
//! `day.rs` (the event-driven day), `tally.rs` (running sums), `report.rs` (the result),
//! `problems.rs` (validation), `chance.rs` (seeded streams).

mod bot;
mod chance;
pub(crate) mod day;
mod plan;
mod problems;
mod report;
mod tally;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use crate::flow::{Flow, LoadPlan};

pub use day::{MAX_DAY_CHATS, MAX_DAY_STEPS};
pub use problems::{LoadProblem, MAX_CHATS, MAX_HOURS, validate, validate_plan};
pub use report::{
    AgentLoad, BotEndCount, DepartmentLoad, EarlyStop, HourLoad, LoadReport, ScenarioCount,
    WAIT_BUCKETS_S, WaitBucket,
};

use bot::Bot;
use day::{Engine, Limits};
use plan::Day;
use tally::{round, seconds};

/// What the caller brings to a day besides the flow and the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Secret values from the environment (as `sim::Options::env_secrets`).
    pub env_secrets: BTreeMap<String, String>,
}

/// Why a day was not simulated.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The plan cannot run: every problem found, those that block first.
    #[error("the load plan cannot run: {}", first_blocking(.0))]
    Invalid(Vec<LoadProblem>),
    /// The caller's progress function asked to stop.
    #[error("the simulation was stopped")]
    Cancelled,
}

fn first_blocking(problems: &[LoadProblem]) -> String {
    problems
        .iter()
        .find(|problem| problem.blocks_run())
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// How far a day has got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Simulated time done and the whole day, in microseconds.
    pub done_us: u64,
    pub day_us: u64,
}

/// Simulates `plan` against `flow`.
pub fn simulate(
    flow: &Flow,
    plan: &LoadPlan,
    options: &LoadOptions,
) -> Result<LoadReport, LoadError> {
    simulate_with(flow, plan, options, |_| true)
}

/// Simulates `plan` against `flow`, telling `progress` how far it got every few thousand events
/// (for a worker thread's progress bar); `progress` returning false stops the day
/// ([`LoadError::Cancelled`]).
pub fn simulate_with(
    flow: &Flow,
    plan: &LoadPlan,
    options: &LoadOptions,
    progress: impl FnMut(Progress) -> bool,
) -> Result<LoadReport, LoadError> {
    simulate_limited(flow, plan, options, Limits::default(), progress)
}

/// [`simulate_with`] within `limits`.
pub(crate) fn simulate_limited(
    flow: &Flow,
    plan: &LoadPlan,
    options: &LoadOptions,
    limits: Limits,
    mut progress: impl FnMut(Progress) -> bool,
) -> Result<LoadReport, LoadError> {
    let (day, warnings) = Day::new(flow, plan).map_err(|mut problems| {
        // Those that block first, each group in the section's order.
        problems.sort_by_key(|problem| !problem.blocks_run());
        LoadError::Invalid(problems)
    })?;
    let bot = Bot::new(flow, &options.env_secrets);
    let mut engine = Engine::new(flow, &day, &bot, limits);
    let mut report_progress = |done_us, day_us| progress(Progress { done_us, day_us });
    if !engine.run(&mut report_progress) {
        return Err(LoadError::Cancelled);
    }
    Ok(report(flow, &day, &engine, warnings))
}

fn report(flow: &Flow, day: &Day, engine: &Engine<'_>, warnings: Vec<LoadProblem>) -> LoadReport {
    let tally = &engine.tally;
    let still_waiting = engine.still_waiting();
    let departments = engine
        .lines
        .iter()
        .enumerate()
        .filter(|(index, line)| {
            // The team's departments always; others (and "no department") when a chat went there.
            flow.team.has_department(&line.name)
                || tally.lines.get(*index).is_some_and(|sums| sums.offered > 0)
        })
        .map(|(index, line)| {
            let waiting = still_waiting.get(index).copied().unwrap_or(0);
            tally
                .lines
                .get(index)
                .cloned()
                .unwrap_or_default()
                .report(&line.name, waiting)
        })
        .collect();
    let covered_us = engine.covered_us().max(1) as f64;
    let agents = flow
        .team
        .agents
        .iter()
        .zip(&engine.agents)
        .map(|(agent, live)| {
            let mean_active = live.active_us as f64 / covered_us;
            let occupancy = if agent.capacity == 0 {
                live.busy_us as f64 / covered_us
            } else {
                mean_active / f64::from(agent.capacity)
            };
            AgentLoad {
                agent: agent.id.clone(),
                name: agent.display_name().to_owned(),
                status: agent.status,
                capacity: agent.capacity,
                handled: live.handled,
                mean_active_chats: round(mean_active, 3),
                occupancy: round(occupancy, 4),
            }
        })
        .collect();
    let bot_only = tally.bot_ends.values().sum();
    let start = day.start;
    LoadReport {
        flow: flow.name.clone(),
        start: start.to_rfc3339(),
        hours: day.hours,
        seed: day.seed,
        arrivals_per_hour: day.rates.clone(),
        handle_time_s: day.handle_time_s,
        patience_s: day.patience_s,
        service_level_s: day.service_level_s,
        chats: tally.chats,
        to_human: tally.to_human,
        bot_only,
        in_bot_at_close: tally.in_bot_at_close,
        departments,
        agents,
        bot_ends: tally.bot_end_counts(),
        scenarios: day
            .scenarios
            .iter()
            .zip(&tally.scenarios)
            .map(|(scenario, &chats)| ScenarioCount {
                scenario: scenario.name.clone(),
                chats,
            })
            .collect(),
        hourly: tally
            .hour_reports(|hour| start.plus_ms(u64::from(hour) * 3_600_000).local().hhmm()),
        warnings,
        stopped_early: engine.stopped.clone().map(|stop| match stop {
            EarlyStop::StepBudget { at_s, steps } => EarlyStop::StepBudget {
                at_s: seconds(at_s * 1e6),
                steps,
            },
            EarlyStop::ChatCap { at_s, chats } => EarlyStop::ChatCap {
                at_s: seconds(at_s * 1e6),
                chats,
            },
        }),
    }
}
