//! The live run of the panel: a core `Run` (with history, so Back works), the copy of the flow
//! and scenario it was made from, and how it moves (one step, running to a stop within a time
//! budget per frame, or playing on a timer).
//!
//! The run keeps its own compiled copy of the flow. An edit of the team reaches it from the next
//! step (`set_team`); an edit of the graph or of its scenario marks it stale ("Reset to run the
//! new version") unless it has not taken a step yet, in which case it is made again at once.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use fluxo_core::Flow;
use fluxo_core::flow::{AgentStatus, Edge, EndReason, Node, NodeId, Scenario, Team};
use fluxo_core::sim::{Cursors, Options, Run};

/// Most time a frame spends running steps; the rest goes on the next frame.
const FRAME_BUDGET: Duration = Duration::from_millis(12);

/// Why the run no longer matches the flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stale {
    /// Nodes or wires changed.
    Flow,
    /// The run's scenario changed (or was removed).
    Scenario,
}

/// How the run is moving.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Motion {
    Idle,
    /// Running to the end or a breakpoint, a time budget per frame.
    Running,
    /// One step per interval (input time of the next step).
    Playing {
        next_at: f64,
    },
}

/// Why the last continuous motion stopped, for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Halt {
    Breakpoint(NodeId),
}

/// What the run was made from.
pub(crate) struct Built {
    pub scenario: Scenario,
    /// Index of the scenario in the flow; none for the empty scenario of a flow with none.
    pub index: Option<usize>,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    team: Team,
}

pub(crate) struct Session {
    pub run: Run,
    pub built: Built,
    /// The flow revision last compared with.
    revision: u64,
    pub stale: Option<Stale>,
    /// Grows on every change of the run (steps, back, statuses): caches and the canvas marks
    /// follow it.
    pub generation: u64,
    /// The step the user clicked (its events and variables are shown); none: the last one.
    pub inspected: Option<usize>,
    pub motion: Motion,
    /// How the user last moved the run: a reply goes on the same way.
    pub last_motion: Motion,
    pub halt: Option<Halt>,
}

/// The scenario used when the flow has none (it has no name: it is never shown nor saved).
pub(crate) fn empty_scenario() -> Scenario {
    Scenario::default()
}

impl Session {
    /// A run of scenario `index` of `flow` (the empty scenario when there is none), starting with
    /// `cursors` and the trainer's `statuses`.
    pub fn new(
        flow: &Flow,
        index: usize,
        revision: u64,
        (env_secrets, library): (&BTreeMap<String, String>, &fluxo_core::sim::Library),
        cursors: Cursors,
        statuses: &BTreeMap<String, AgentStatus>,
    ) -> Session {
        let (scenario, index) = match flow.scenarios.get(index) {
            Some(scenario) => (scenario.clone(), Some(index)),
            None => (empty_scenario(), None),
        };
        let options = Options {
            env_secrets: env_secrets.clone(),
            history: true,
            cursors,
            library: library.clone(),
            ..Options::default()
        };
        let mut run = Run::new(flow, &scenario, options);
        for (id, status) in statuses {
            run.set_agent_status(id, *status);
        }
        Session {
            run,
            built: Built {
                scenario,
                index,
                nodes: flow.nodes.clone(),
                edges: flow.edges.clone(),
                team: flow.team.clone(),
            },
            revision,
            stale: None,
            generation: 0,
            inspected: None,
            motion: Motion::Idle,
            last_motion: Motion::Idle,
            halt: None,
        }
    }

    /// Compares the run with the flow after an edit. True when the run should be made again now
    /// (it changed before its first step).
    pub fn sync(&mut self, flow: &Flow, revision: u64) -> bool {
        if revision == self.revision {
            return false;
        }
        self.revision = revision;
        if flow.team != self.built.team {
            self.run.set_team(&flow.team);
            self.built.team = flow.team.clone();
            self.touch();
        }
        let graph_changed = flow.nodes != self.built.nodes || flow.edges != self.built.edges;
        let scenario_changed = match self.built.index {
            Some(index) => flow.scenarios.get(index) != Some(&self.built.scenario),
            None => !flow.scenarios.is_empty(),
        };
        if !graph_changed && !scenario_changed {
            return false;
        }
        if self.run.step_count() == 0 && self.motion == Motion::Idle {
            return true;
        }
        let stale = if graph_changed {
            Stale::Flow
        } else {
            Stale::Scenario
        };
        // A flow change is the bigger news; keep it once seen.
        if self.stale != Some(Stale::Flow) {
            self.stale = Some(stale);
        }
        false
    }

    pub fn touch(&mut self) {
        self.generation += 1;
    }

    /// The Sequential cursors and the trainer's status switches, to carry into a new run.
    pub fn carried(&self) -> (Cursors, BTreeMap<String, AgentStatus>) {
        (self.run.cursors().clone(), self.run.status_edits().clone())
    }

    pub fn is_waiting_reply(&self) -> bool {
        self.run
            .end()
            .is_some_and(|end| end.reason == EndReason::WaitingReply)
    }

    /// One step. False when the run could not step (it ended).
    pub fn step(&mut self) -> bool {
        self.inspected = None;
        self.halt = None;
        let stepped = self.run.step().is_some();
        if stepped {
            self.touch();
        }
        stepped
    }

    /// One step inside a continuous motion: false when the motion should stop (the run ended
    /// or waits, or it now stands on a breakpoint).
    fn step_on(&mut self, breakpoints: &BTreeSet<NodeId>) -> bool {
        if !self.step() {
            return false;
        }
        if !self.run.is_running() {
            return false;
        }
        if let Some(node) = self.run.current_node()
            && breakpoints.contains(node)
        {
            self.halt = Some(Halt::Breakpoint(node.to_owned()));
            return false;
        }
        true
    }

    pub fn back(&mut self) -> bool {
        self.stop();
        self.inspected = None;
        self.halt = None;
        let moved = self.run.back();
        if moved {
            self.touch();
        }
        moved
    }

    pub fn start_running(&mut self) {
        self.motion = Motion::Running;
        self.last_motion = Motion::Running;
    }

    pub fn start_playing(&mut self, now: f64) {
        self.motion = Motion::Playing { next_at: now };
        self.last_motion = self.motion;
    }

    pub fn stop(&mut self) {
        self.motion = Motion::Idle;
    }

    pub fn is_playing(&self) -> bool {
        matches!(self.motion, Motion::Playing { .. })
    }

    /// Moves the run as its motion says, within this frame's budget; asks for the next frame
    /// when there is more to do.
    pub fn tick(&mut self, ctx: &egui::Context, breakpoints: &BTreeSet<NodeId>, interval_s: f32) {
        match self.motion {
            Motion::Idle => {}
            Motion::Running => {
                let started = Instant::now();
                loop {
                    if !self.step_on(breakpoints) {
                        self.motion = Motion::Idle;
                        break;
                    }
                    if started.elapsed() > FRAME_BUDGET {
                        ctx.request_repaint();
                        break;
                    }
                }
            }
            Motion::Playing { next_at } => {
                let now = ctx.input(|i| i.time);
                if now + 1e-6 < next_at {
                    ctx.request_repaint_after(Duration::from_secs_f64(next_at - now));
                    return;
                }
                if self.step_on(breakpoints) {
                    let next_at = now + f64::from(interval_s);
                    self.motion = Motion::Playing { next_at };
                    ctx.request_repaint_after(Duration::from_secs_f64(f64::from(interval_s)));
                } else {
                    self.motion = Motion::Idle;
                }
            }
        }
    }

    /// The contact's typed reply (or silence) on a run waiting for one; the run goes on the
    /// way it was last moved (one step, or on to the next stop).
    pub fn reply(&mut self, text: Option<String>, now: f64) -> bool {
        let given = match text {
            Some(text) => self.run.give_reply(text),
            None => self.run.give_no_reply(),
        };
        if !given {
            return false;
        }
        self.touch();
        match self.last_motion {
            Motion::Running => self.start_running(),
            Motion::Playing { .. } => self.start_playing(now),
            Motion::Idle => {
                self.step();
            }
        }
        true
    }

    pub fn set_agent_status(&mut self, id: &str, status: AgentStatus) {
        if self.run.set_agent_status(id, status) {
            self.touch();
        }
    }

    /// The step whose events and variables are shown: the clicked one, else the last.
    pub fn shown_step(&self) -> Option<usize> {
        self.inspected
            .filter(|&index| index < self.run.step_count())
            .or_else(|| self.run.step_count().checked_sub(1))
    }
}
