//! The run: one scenario through one flow, one node per [`Run::step`] (SPEC.md section 4).
//!
//! A run records every step's events, the path and (only when [`Options::history`] is on) a copy
//! of its world before each step, so that [`Run::back`] restores the exact previous state while
//! headless batch runs pay nothing for it. It never blocks, never touches the network and ends
//! within the step limit; the same scenario gives the same run, byte for byte.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::flow::{AgentStatus, EndReason, Flow, KindTag, Scenario, Team};

use super::conversation::Conversation;
use super::event::{End, EndCause, Event, Status, Step, mask_text};
use super::exec::{Exec, Next};
use super::library::Library;
use super::lists::Place;
use super::log::{EventLog, Mark, Span};
use super::program::{NodeCode, NodeOp, Program, Target, TeamData};
use super::setup::{Said, Setup};
use super::text::SharedStr;
use super::transport::LiveTransport;
use super::world::{Cursors, World};

mod access;

/// A run ends `StepLimit` after this many steps unless [`Options::step_limit`] says otherwise.
pub const DEFAULT_STEP_LIMIT: usize = 10_000;

/// How a run is made. `Options::default()` suits a headless run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Secret values from the environment, by the part of the variable's name after
    /// `FLUXO_SECRET_` (upper case): they win over the scenario's `secrets`. The core never reads
    /// the environment itself; the caller collects these.
    pub env_secrets: BTreeMap<String, String>,
    /// Replies used after the scenario's own (`fluxo run --reply`).
    pub extra_replies: Vec<String>,
    /// Steps before the run ends `StepLimit`.
    pub step_limit: usize,
    /// Keep a copy of the world before each step so that [`Run::back`] works (the window).
    pub history: bool,
    /// The Sequential cursors the run starts with (a batch carries them from run to run).
    pub cursors: Cursors,
    /// Live requests (SPEC.md section 11): requests that no scenario mock answers go out through
    /// this transport, and the built-in platform mock is off. None: nothing leaves the machine.
    pub live: Option<LiveTransport>,
    /// Where the flows that SubFlow nodes call are found (none: a SubFlow ends the run
    /// `Error`). Read once, when the flow is compiled.
    pub library: Library,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            env_secrets: BTreeMap::new(),
            extra_replies: Vec::new(),
            step_limit: DEFAULT_STEP_LIMIT,
            history: false,
            cursors: Cursors::new(),
            live: None,
            library: Library::default(),
        }
    }
}

/// Why [`Run::run_until`] stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    /// Before executing this breakpoint node.
    Breakpoint(String),
    /// The run ended (see [`Run::status`]).
    Ended,
}

/// An agent as the run's team has it now.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AgentView {
    pub id: String,
    pub name: String,
    pub departments: Vec<String>,
    pub status: AgentStatus,
    pub capacity: u32,
    pub active_chats: u32,
    pub available: bool,
}

#[derive(Clone, Debug, PartialEq)]
struct StepRecord {
    node: u32,
    port: Option<u16>,
    to: Option<u32>,
    events: Span,
}

#[derive(Clone, Debug, PartialEq)]
struct Snapshot {
    world: World,
    current: Option<u32>,
    status: Status,
    steps: usize,
    events: Mark,
    path: usize,
    conversation: usize,
}

/// What a trainer changed on a paused run; kept across [`Run::reset`].
#[derive(Clone, Debug, Default, PartialEq)]
struct Edits {
    statuses: BTreeMap<String, AgentStatus>,
    team: Option<Arc<TeamData>>,
}

/// One scenario's run through one flow.
#[derive(Clone, Debug)]
pub struct Run {
    program: Arc<Program>,
    setup: Setup,
    step_limit: usize,
    keep_history: bool,
    world: World,
    current: Option<u32>,
    status: Status,
    steps: Vec<StepRecord>,
    events: EventLog,
    path: Vec<u32>,
    history: Vec<Snapshot>,
    /// The messages and replies so far, when some handoff carries them (see `conversation.rs`).
    conversation: Conversation,
    edits: Edits,
    /// Where templates are expanded (see `Exec::scratch`).
    scratch: String,
    /// Each template's last expansion (see `Exec::memo`): not state, only a saving.
    memo: Vec<Option<SharedStr>>,
}

impl Run {
    /// A run of `scenario` through `flow` (and the flows it calls, from `options.library`),
    /// before its first step.
    pub fn new(flow: &Flow, scenario: &Scenario, options: Options) -> Run {
        let program = Program::compile(flow, &options.library);
        Run::with_program(Arc::new(program), scenario, options)
    }

    /// A run on an already compiled flow (a batch compiles once for all its scenarios).
    pub fn with_program(program: Arc<Program>, scenario: &Scenario, options: Options) -> Run {
        let mut setup = Setup::new(
            &program,
            scenario,
            &options.env_secrets,
            &options.extra_replies,
        );
        setup.live = options.live;
        let world = World::new(&program, &setup, options.cursors);
        let memo = vec![None; program.names.memo_count()];
        let mut run = Run {
            program,
            setup,
            step_limit: options.step_limit,
            keep_history: options.history,
            world,
            current: None,
            status: Status::Running,
            steps: Vec::new(),
            events: EventLog::default(),
            path: Vec::new(),
            history: Vec::new(),
            conversation: Conversation::default(),
            edits: Edits::default(),
            scratch: String::new(),
            memo,
        };
        run.start();
        run
    }

    fn start(&mut self) {
        self.current = None;
        self.status = Status::Running;
        if let Err(problem) = &self.setup.start {
            self.status = Status::Ended(End::new(EndReason::Error, None, problem.clone()));
            return;
        }
        if let Some(cause) = &self.setup.preset_problem {
            self.status = Status::Ended(End::caused(EndReason::Error, None, cause.clone()));
            return;
        }
        if let Some(start) = &self.setup.start_node {
            if let Some(index) = self.program.node_index(start) {
                self.current = u32::try_from(index).ok();
            } else {
                let cause = EndCause::UnknownStart {
                    node: start.clone(),
                };
                self.status = Status::Ended(End::caused(EndReason::Error, None, cause));
            }
            return;
        }
        match &self.program.entry {
            Ok(entry) => self.current = Some(*entry),
            Err(problem) => {
                self.status = Status::Ended(End::new(EndReason::Error, None, problem.clone()));
            }
        }
    }

    /// Executes the current node and moves along one edge. None when the run has ended.
    pub fn step(&mut self) -> Option<Step<'_>> {
        if self.advance() {
            self.step_at(self.steps.len() - 1)
        } else {
            None
        }
    }

    /// Executes the current node and moves along one edge; false when the run has ended. The
    /// step itself, without the [`Step`] view that only callers of `step` read.
    fn advance(&mut self) -> bool {
        if self.status != Status::Running {
            return false;
        }
        let Some(node_index) = self.current else {
            return false;
        };
        // Fields are borrowed one by one (no `&mut self` method below) so that the program is
        // read while the world and the log change, without an `Arc` clone per step.
        let program = &*self.program;
        let Some(node) = program.node(node_index) else {
            self.status = Status::Ended(End::new(
                EndReason::Error,
                None,
                format!("node #{node_index} does not exist"),
            ));
            return false;
        };
        if self.keep_history {
            self.history.push(Snapshot {
                world: self.world.clone(),
                current: self.current,
                status: self.status.clone(),
                steps: self.steps.len(),
                events: self.events.mark(),
                path: self.path.len(),
                conversation: self.conversation.len(),
            });
        }
        // A handoff carries the conversation so far, which only the run keeps.
        let history = match &node.op {
            NodeOp::LiveChat(op) if op.include_history => Some(self.conversation.recent()),
            _ => None,
        };
        let (chunk, events_start) = self.events.open_step();
        let events = self.events.chunk_mut(chunk);
        self.world.dirty = false;
        self.world.replaced_tainted = false;
        if self.steps.is_empty()
            && self.setup.start_node.is_none()
            && let Some(note) = &program.entry_note
        {
            events.push(Event::Warning {
                message: note.clone(),
            });
        }
        if self.world.ask.is_none_or(|ask| ask.node != node_index) {
            self.path.push(node_index);
        }
        let next = Exec {
            program,
            setup: &self.setup,
            world: &mut self.world,
            events,
            node,
            node_index,
            scratch: &mut self.scratch,
            memo: &mut self.memo,
            last_tainted: false,
            shown_only: false,
            history,
        }
        .run();
        let (port, to) = settle(
            next,
            node,
            program,
            &mut self.world,
            &mut self.current,
            &mut self.status,
        );
        // Only a step that read a secret, or a value set by such a step, can show one.
        let shows_taint = self.world.dirty || self.world.replaced_tainted;
        if shows_taint && !self.setup.secret_values.is_empty() {
            for event in self.events.chunk_mut(chunk).iter_mut().skip(events_start) {
                event.mask(&self.setup.secret_values);
            }
        }
        let events = self.events.close_step(chunk, events_start);
        if program.keeps_conversation {
            self.conversation.extend(self.events.get(events));
        }
        self.steps.push(StepRecord {
            node: node_index,
            port,
            to,
            events,
        });
        if self.status == Status::Running && self.steps.len() >= self.step_limit {
            let at = self.current.map(|index| program.id(index).to_owned());
            self.status = Status::Ended(End {
                reason: EndReason::StepLimit,
                node: at,
                message: format!(
                    "{} steps without ending: a loop that never waits?",
                    self.steps.len()
                ),
                queue: None,
                position: None,
                cause: None,
            });
        }
        true
    }

    /// Steps until the run ends (at most the step limit).
    pub fn run_to_end(&mut self) -> Option<&End> {
        while self.advance() {}
        self.end()
    }

    /// Steps until the run ends or is about to execute a breakpoint node. The node the run is on
    /// when called is executed even if it is a breakpoint, so that calling again goes on.
    pub fn run_until<S: AsRef<str>>(&mut self, breakpoints: impl IntoIterator<Item = S>) -> Stop {
        let mut marked = vec![false; self.program.len()];
        for id in breakpoints {
            if let Some(index) = self.program.node_index(id.as_ref()) {
                marked[index] = true;
            }
        }
        while self.advance() {
            if let Some(current) = self.current
                && self.status == Status::Running
                && marked.get(current as usize) == Some(&true)
            {
                return Stop::Breakpoint(self.program.id(current).to_owned());
            }
        }
        Stop::Ended
    }

    /// Back to the state before the last step. False when there is no step to undo or history
    /// is off.
    pub fn back(&mut self) -> bool {
        let Some(snapshot) = self.history.pop() else {
            return false;
        };
        self.world = snapshot.world;
        self.current = snapshot.current;
        self.status = snapshot.status;
        self.steps.truncate(snapshot.steps);
        self.events.truncate(snapshot.events);
        self.path.truncate(snapshot.path);
        self.conversation.truncate(snapshot.conversation);
        true
    }

    /// Whether the run was made live (with a transport: SPEC.md section 11).
    pub fn is_live(&self) -> bool {
        self.setup.live.is_some()
    }

    /// `text` as the run shows it: each secret value it knows as `••••`.
    pub fn masked(&self, text: &str) -> String {
        let mut text = text.to_owned();
        mask_text(&mut text, &self.setup.secret_values);
        text
    }

    /// Whether [`Run::back`] has a step to undo.
    pub fn can_back(&self) -> bool {
        !self.history.is_empty()
    }

    /// Back to the start of the scenario. The Sequential cursors, agent statuses set with
    /// [`Run::set_agent_status`] and a team swapped in with [`Run::set_team`] are kept.
    pub fn reset(&mut self) {
        let cursors = std::mem::take(&mut self.world.cursors);
        self.world = World::new(&self.program, &self.setup, cursors);
        if let Some(team) = &self.edits.team {
            self.world.team = Arc::clone(team);
        }
        let overrides = self.overrides();
        self.world.reset_agents(&overrides);
        self.steps.clear();
        self.events.clear();
        self.path.clear();
        self.history.clear();
        self.conversation.clear();
        self.start();
    }

    /// The scenario's status overrides, then the trainer's.
    fn overrides(&self) -> BTreeMap<String, AgentStatus> {
        let mut overrides = self.setup.overrides.clone();
        overrides.extend(self.edits.statuses.iter().map(|(id, s)| (id.clone(), *s)));
        overrides
    }

    /// The contact's reply, after a `WaitingReply` end (the run goes on from the Ask), or queued
    /// for later on a running run. False when the run ended otherwise.
    pub fn give_reply(&mut self, text: impl Into<String>) -> bool {
        self.give(Said::Text(SharedStr::from(text.into())))
    }

    /// The contact stays silent ([`Reply::NoReply`]), like [`Run::give_reply`].
    pub fn give_no_reply(&mut self) -> bool {
        self.give(Said::Silence)
    }

    fn give(&mut self, reply: Said) -> bool {
        match &self.status {
            Status::Running => {}
            Status::Ended(end) if end.reason == EndReason::WaitingReply => {
                self.status = Status::Running;
            }
            Status::Ended(_) => return false,
        }
        self.world.typed.push(reply);
        true
    }

    /// Sets an agent's status from the next step on (a trainer turns Ana offline). False for an
    /// id the team does not have.
    pub fn set_agent_status(&mut self, id: &str, status: AgentStatus) -> bool {
        let Some(index) = self.world.team.agent_index(id) else {
            return false;
        };
        if let Some(state) = self.world.agents.get_mut(index) {
            state.status = status;
        }
        self.edits.statuses.insert(id.to_owned(), status);
        true
    }

    /// Swaps in an edited team from the next step on: its agents (with the scenario's and the
    /// trainer's status overrides), departments, schedules, queues and api_base. Active chats come
    /// from the new team.
    pub fn set_team(&mut self, team: &Team) {
        let data = Arc::new(TeamData::new(team));
        self.world.team = Arc::clone(&data);
        self.edits.team = Some(data);
        let overrides = self.overrides();
        self.world.reset_agents(&overrides);
    }
}

/// Applies what the node decided: the next node, or the run's end. The port left by and the
/// node moved to, for the step's record.
fn settle(
    next: Next,
    node: &NodeCode,
    program: &Program,
    world: &mut World,
    current: &mut Option<u32>,
    status: &mut Status,
) -> (Option<u16>, Option<u32>) {
    match next {
        Next::Port(port) => match follow(node, port) {
            Ok(to) => {
                // The flow goes on after a handoff: the human conversation has closed.
                if node.tag == KindTag::LiveChat {
                    world.place = Place::Bot;
                }
                *current = Some(to);
                (Some(port), Some(to))
            }
            Err(mut end) => {
                // A called flow's End leaves by its caller's `done`: the port is the caller's.
                if let NodeOp::Return(op) = &node.op {
                    end.node = Some(program.id(op.call).to_owned());
                }
                *status = Status::Ended(*end);
                (Some(port), None)
            }
        },
        Next::Jump(to) => {
            *current = Some(to);
            (None, Some(to))
        }
        Next::Stay => (None, None),
        Next::End(end) => {
            *status = Status::Ended(end);
            (None, None)
        }
    }
}

/// Where the edge of `port` leads, or the end of a run that leaves by a port with no edge
/// (`DeadEnd`) or with an edge to no node (`Error`).
fn follow(node: &NodeCode, port: u16) -> Result<u32, Box<End>> {
    let port_name = node
        .ports
        .get(usize::from(port))
        .map_or("", |name| name.as_str());
    match node.targets.get(usize::from(port)) {
        Some(Target::Node(to)) => Ok(*to),
        Some(Target::Missing(id)) => Err(Box::new(End::new(
            EndReason::Error,
            Some(&node.id),
            format!(
                "the edge from `{}` by `{port_name}` goes to `{id}`, which is not in the flow",
                node.id
            ),
        ))),
        Some(Target::Dangling) | None => Err(Box::new(End::new(
            EndReason::DeadEnd,
            Some(&node.id),
            format!("the port `{port_name}` has no edge"),
        ))),
    }
}

/// Everything a step can change, for tests of `back()`.
#[cfg(test)]
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct WholeState {
    world: World,
    current: Option<u32>,
    status: Status,
    steps: Vec<StepRecord>,
    events: Vec<Event>,
    path: Vec<u32>,
}

#[cfg(test)]
impl Run {
    pub(crate) fn world(&self) -> &World {
        &self.world
    }

    pub(crate) fn whole_state(&self) -> WholeState {
        WholeState {
            world: self.world.clone(),
            current: self.current,
            status: self.status.clone(),
            steps: self.steps.clone(),
            events: self.events.iter().cloned().collect(),
            path: self.path.clone(),
        }
    }
}
