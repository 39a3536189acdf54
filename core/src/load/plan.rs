//! A load plan made ready to simulate: its start read, its hours and rates fixed, the scenarios
//! of its mix with their weights, its durations in microseconds. What cannot be made ready is a
//! list of [`LoadProblem`]s.

use crate::clock::{self, Clock};
use std::collections::{BTreeMap, BTreeSet};

use crate::flow::{Expectations, Flow, LoadPlan, Scenario};
use crate::rng::Rng;

use super::chance;
use super::problems::{LoadProblem, validate_plan};

/// One microsecond is the simulation's tick.
pub(crate) const US_PER_S: f64 = 1e6;
pub(crate) const US_PER_HOUR: u64 = 3_600_000_000;

/// A plan ready to run.
#[derive(Clone, Debug)]
pub(crate) struct Day {
    pub(crate) start: Clock,
    pub(crate) hours: u32,
    /// Chats per hour, one per hour of the day (0 past the plan's list).
    pub(crate) rates: Vec<f64>,
    /// The scenarios chats are drawn from, each as a chat runs it: the team's statuses are the
    /// day's, so the scenario's status overrides and expectations are left out.
    pub(crate) scenarios: Vec<Scenario>,
    /// Running sums of the weights, one per scenario.
    cumulative: Vec<f64>,
    pub(crate) handle_time_s: f64,
    /// 0: contacts never leave the line.
    pub(crate) patience_s: f64,
    pub(crate) service_level_s: f64,
    pub(crate) seed: u64,
}

impl Day {
    /// The day `plan` describes for `flow`, with the problems it was run around (warnings), or
    /// every problem when one of them blocks the run.
    pub(crate) fn new(
        flow: &Flow,
        plan: &LoadPlan,
    ) -> Result<(Day, Vec<LoadProblem>), Vec<LoadProblem>> {
        let problems = validate_plan(flow, plan);
        if problems.iter().any(LoadProblem::blocks_run) {
            return Err(problems);
        }
        let start = clock::parse_rfc3339(plan.start_or_default()).map_err(|_| {
            vec![LoadProblem::BadStart {
                start: plan.start.clone(),
            }]
        })?;
        let hours = plan.day_hours();
        let rates = (0..hours as usize)
            .map(|hour| plan.arrivals_per_hour.rate(hour))
            .collect();
        let mut scenarios = Vec::new();
        let mut cumulative = Vec::new();
        let mut total = 0.0;
        let mut add = |scenario: &Scenario, weight: f64| {
            total += weight;
            cumulative.push(total);
            scenarios.push(Scenario {
                agents: BTreeMap::new(),
                expect: Expectations::default(),
                ..scenario.clone()
            });
        };
        if plan.mix.is_empty() {
            for scenario in &flow.scenarios {
                add(scenario, 1.0);
            }
            if flow.scenarios.is_empty() {
                // As `fluxo run` does for a file without scenarios: a contact who says nothing.
                add(&Scenario::default(), 1.0);
            }
        } else {
            // File order, so that the draws do not depend on how the mix happens to be sorted.
            let mut taken = BTreeSet::new();
            for scenario in &flow.scenarios {
                let weight = plan.mix.get(&scenario.name).copied().unwrap_or(0.0);
                if weight > 0.0 && taken.insert(scenario.name.as_str()) {
                    add(scenario, weight);
                }
            }
        }
        if scenarios.is_empty() {
            return Err(vec![LoadProblem::NothingToDraw]);
        }
        Ok((
            Day {
                start,
                hours,
                rates,
                scenarios,
                cumulative,
                handle_time_s: plan.handle_time_s,
                patience_s: plan.patience_s,
                service_level_s: plan.service_level_s,
                seed: plan.seed,
            },
            problems,
        ))
    }

    /// A scenario index drawn by weight.
    pub(crate) fn draw(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let point = chance::unit(rng) * total;
        self.cumulative
            .partition_point(|&sum| sum <= point)
            .min(self.cumulative.len().saturating_sub(1))
    }

    /// The end of the day, in microseconds from its start.
    pub(crate) fn end_us(&self) -> u64 {
        u64::from(self.hours) * US_PER_HOUR
    }

    /// Seconds as microseconds (saturating; never negative).
    pub(crate) fn us(seconds: f64) -> u64 {
        (seconds * US_PER_S).round() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{AgentStatus, Arrivals};

    fn scenario(name: &str) -> Scenario {
        Scenario {
            name: name.into(),
            agents: [("ana".to_owned(), AgentStatus::Away)].into(),
            ..Scenario::default()
        }
    }

    #[test]
    fn the_mix_draws_by_weight_in_file_order() {
        let flow = Flow {
            scenarios: vec![scenario("a"), scenario("b"), scenario("c")],
            ..Flow::new("t")
        };
        let plan = LoadPlan {
            arrivals_per_hour: Arrivals::Each(10.0),
            mix: [("c".to_owned(), 3.0), ("a".to_owned(), 1.0)].into(),
            ..LoadPlan::default()
        };
        let (day, warnings) = Day::new(&flow, &plan).unwrap();
        assert!(warnings.is_empty());
        let names: Vec<&str> = day.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["a", "c"]);
        assert!(day.scenarios.iter().all(|s| s.agents.is_empty()));
        let mut rng = Rng::new(1);
        let mut counts = [0_u32; 2];
        for _ in 0..40_000 {
            counts[day.draw(&mut rng)] += 1;
        }
        let share = f64::from(counts[1]) / 40_000.0;
        assert!((share - 0.75).abs() < 0.01, "{counts:?}");
        assert_eq!(day.rates, vec![10.0; 10]);
        assert_eq!(day.end_us(), 10 * US_PER_HOUR);
    }

    #[test]
    fn no_mix_is_every_scenario_and_no_scenario_is_an_empty_one() {
        let flow = Flow {
            scenarios: vec![scenario("a"), scenario("b")],
            ..Flow::new("t")
        };
        let plan = LoadPlan {
            arrivals_per_hour: Arrivals::PerHour(vec![5.0, 6.0]),
            hours: 3,
            ..LoadPlan::default()
        };
        let (day, warnings) = Day::new(&flow, &plan).unwrap();
        assert_eq!(day.scenarios.len(), 2);
        assert_eq!(day.rates, vec![5.0, 6.0, 0.0]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let (day, _) = Day::new(&Flow::new("t"), &plan).unwrap();
        assert_eq!(day.scenarios.len(), 1);
        assert_eq!(day.scenarios[0].name, "");
    }

    #[test]
    fn a_blocking_problem_refuses_the_day() {
        let plan = LoadPlan {
            arrivals_per_hour: Arrivals::Each(-1.0),
            ..LoadPlan::default()
        };
        let problems = Day::new(&Flow::new("t"), &plan).unwrap_err();
        assert_eq!(problems[0].code(), "load-bad-rate");
    }
}
