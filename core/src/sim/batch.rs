//! Running every scenario of a flow, as `fluxo test` and the window's "run all" do: the flow is
//! compiled once, the scenarios run in file order, the Sequential cursors carry from each run to
//! the next, and coverage adds up.

use std::sync::Arc;

use serde::Serialize;

use crate::flow::{Flow, Scenario};

use super::coverage::{Coverage, CoverageReport};
use super::engine::{Options, Run};
use super::event::End;
use super::expect::{self, Failure};
use super::program::Program;
use super::world::Cursors;

/// The runs of one flow's scenarios, one after the other.
#[derive(Clone, Debug)]
pub struct Batch {
    program: Arc<Program>,
    options: Options,
    coverage: Coverage,
}

impl Batch {
    /// A batch over `flow` and the flows it calls (from `options.library`). History is never
    /// kept (batch runs do not step back).
    pub fn new(flow: &Flow, options: Options) -> Batch {
        let program = Arc::new(Program::compile(flow, &options.library));
        Batch {
            coverage: Coverage::new(Arc::clone(&program)),
            program,
            options: Options {
                history: false,
                ..options
            },
        }
    }

    /// Runs `scenario` to its end with the cursors the previous run left, and adds it to the
    /// coverage.
    pub fn run(&mut self, scenario: &Scenario) -> Run {
        let mut run = Run::with_program(Arc::clone(&self.program), scenario, self.options.clone());
        run.run_to_end();
        self.options.cursors.clone_from(run.cursors());
        self.coverage.add(&run);
        run
    }

    pub fn program(&self) -> &Arc<Program> {
        &self.program
    }

    /// The cursors the next run starts with.
    pub fn cursors(&self) -> &Cursors {
        &self.options.cursors
    }

    pub fn coverage(&self) -> &Coverage {
        &self.coverage
    }
}

/// One scenario's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScenarioResult {
    pub name: String,
    pub passed: bool,
    pub end: Option<End>,
    pub failures: Vec<Failure>,
    /// Requests the run sent out for real (a live batch; SPEC.md section 11).
    #[serde(skip_serializing_if = "is_zero")]
    pub live_calls: usize,
}

// serde's `skip_serializing_if` hands a reference to the field.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(count: &usize) -> bool {
    *count == 0
}

/// Every scenario of a flow, with coverage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FlowReport {
    pub flow: String,
    pub results: Vec<ScenarioResult>,
    pub coverage: CoverageReport,
    /// Whether the scenarios ran live: requests no mock answers went out for real.
    pub live: bool,
}

impl FlowReport {
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|result| result.passed).count()
    }

    pub fn failed(&self) -> usize {
        self.results.len() - self.passed()
    }
}

/// Runs every scenario of `flow` in order and checks its expectations.
pub fn test_flow(flow: &Flow, options: &Options) -> FlowReport {
    let mut batch = Batch::new(flow, options.clone());
    let results = flow
        .scenarios
        .iter()
        .map(|scenario| {
            let run = batch.run(scenario);
            let failures = expect::check(&scenario.expect, &run);
            ScenarioResult {
                name: scenario.name.clone(),
                passed: failures.is_empty(),
                end: run.end().cloned(),
                failures,
                live_calls: run.live_calls(),
            }
        })
        .collect();
    FlowReport {
        flow: flow.name.clone(),
        results,
        coverage: batch.coverage().report(),
        live: options.live.is_some(),
    }
}
