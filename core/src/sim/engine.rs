//! The run: one scenario through one flow, one node per [`Run::step`] (SPEC.md section 4).
//!
//! A run records every step's events, the path and (only when [`Options::history`] is on) a copy
//! of its world before each step, so that [`Run::back`] restores the exact previous state while
//! headless batch runs pay nothing for it. It never blocks, never touches the network and ends
//! within the step limit; the same scenario gives the same run, byte for byte.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::clock::Clock;
use crate::flow::{AgentStatus, EndReason, Flow, Scenario, Team};

use super::event::{End, Event, Line, Status, Step, mask_text};
use super::exec::{Exec, Next};
use super::log::{EventLog, Mark, Span};
use super::program::{Program, Target, TeamData};
use super::setup::{Said, Setup};
use super::text::SharedStr;
use super::vars::Var;
use super::world::{Cursors, World};

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
}

impl Default for Options {
    fn default() -> Self {
        Options {
            env_secrets: BTreeMap::new(),
            extra_replies: Vec::new(),
            step_limit: DEFAULT_STEP_LIMIT,
            history: false,
            cursors: Cursors::new(),
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
    edits: Edits,
    /// Where templates are expanded (see `Exec::scratch`).
    scratch: String,
}

impl Run {
    /// A run of `scenario` through `flow`, before its first step.
    pub fn new(flow: &Flow, scenario: &Scenario, options: Options) -> Run {
        Run::with_program(Arc::new(Program::new(flow)), scenario, options)
    }

    /// A run on an already compiled flow (a batch compiles once for all its scenarios).
    pub fn with_program(program: Arc<Program>, scenario: &Scenario, options: Options) -> Run {
        let setup = Setup::new(
            &program,
            scenario,
            &options.env_secrets,
            &options.extra_replies,
        );
        let world = World::new(&program, &setup, options.cursors);
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
            edits: Edits::default(),
            scratch: String::new(),
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
        match &self.program.entry {
            Ok(entry) => self.current = Some(*entry),
            Err(problem) => {
                self.status = Status::Ended(End::new(EndReason::Error, None, problem.clone()));
            }
        }
    }

    /// Executes the current node and moves along one edge. None when the run has ended.
    pub fn step(&mut self) -> Option<Step<'_>> {
        if self.status != Status::Running {
            return None;
        }
        let node_index = self.current?;
        let program = Arc::clone(&self.program);
        let Some(node) = program.node(node_index) else {
            self.status = Status::Ended(End::new(
                EndReason::Error,
                None,
                format!("node #{node_index} does not exist"),
            ));
            return None;
        };
        if self.keep_history {
            self.history.push(Snapshot {
                world: self.world.clone(),
                current: self.current,
                status: self.status.clone(),
                steps: self.steps.len(),
                events: self.events.mark(),
                path: self.path.len(),
            });
        }
        let (chunk, events_start) = self.events.open_step();
        let events = self.events.chunk_mut(chunk);
        self.world.dirty = false;
        self.world.replaced_tainted = false;
        if self.steps.is_empty()
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
            program: &program,
            setup: &self.setup,
            world: &mut self.world,
            events,
            node,
            node_index,
            scratch: &mut self.scratch,
            last_tainted: false,
            shown_only: false,
        }
        .run();
        let (port, to) = match next {
            Next::Port(port) => (Some(port), self.follow(node, port)),
            Next::Stay => (None, None),
            Next::End(end) => {
                self.status = Status::Ended(end);
                (None, None)
            }
        };
        // Only a step that read a secret, or a value set by such a step, can show one.
        let shows_taint = self.world.dirty || self.world.replaced_tainted;
        if shows_taint && !self.setup.secret_values.is_empty() {
            for event in self.events.chunk_mut(chunk).iter_mut().skip(events_start) {
                event.mask(&self.setup.secret_values);
            }
        }
        self.steps.push(StepRecord {
            node: node_index,
            port,
            to,
            events: self.events.close_step(chunk, events_start),
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
            });
        }
        self.step_at(self.steps.len() - 1)
    }

    /// Moves along the edge of `port`; ends the run when there is none or it leads nowhere.
    fn follow(&mut self, node: &super::program::NodeCode, port: u16) -> Option<u32> {
        let port_name = node
            .ports
            .get(usize::from(port))
            .map_or("", |name| name.as_str());
        match node.targets.get(usize::from(port)) {
            Some(Target::Node(to)) => {
                self.current = Some(*to);
                Some(*to)
            }
            Some(Target::Missing(id)) => {
                self.status = Status::Ended(End::new(
                    EndReason::Error,
                    Some(&node.id),
                    format!(
                        "the edge from `{}` by `{port_name}` goes to `{id}`, which is not in the flow",
                        node.id
                    ),
                ));
                None
            }
            Some(Target::Dangling) | None => {
                self.status = Status::Ended(End::new(
                    EndReason::DeadEnd,
                    Some(&node.id),
                    format!("the port `{port_name}` has no edge"),
                ));
                None
            }
        }
    }

    /// Steps until the run ends (at most the step limit).
    pub fn run_to_end(&mut self) -> Option<&End> {
        while self.step().is_some() {}
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
        while self.step().is_some() {
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
        true
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

/// Accessors: what the window and the CLI show.
impl Run {
    pub fn program(&self) -> &Arc<Program> {
        &self.program
    }

    pub fn scenario_name(&self) -> &str {
        &self.setup.name
    }

    pub fn status(&self) -> &Status {
        &self.status
    }

    /// How the run ended; none while it runs.
    pub fn end(&self) -> Option<&End> {
        match &self.status {
            Status::Ended(end) => Some(end),
            Status::Running => None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.status == Status::Running
    }

    /// The node the next step executes (on a `WaitingReply` end: the Ask waiting).
    pub fn current_node(&self) -> Option<&str> {
        self.current.map(|index| self.program.id(index))
    }

    pub fn step_count(&self) -> usize {
        self.steps.len()
    }

    /// The step at `index`, with its events.
    pub fn step_at(&self, index: usize) -> Option<Step<'_>> {
        let record = self.steps.get(index)?;
        let node = self.program.node(record.node)?;
        Some(Step {
            index,
            node: &node.id,
            kind: node.tag,
            port: record
                .port
                .and_then(|port| node.ports.get(usize::from(port)))
                .map(SharedStr::as_str),
            to: record.to.map(|to| self.program.id(to)),
            events: self.events.get(record.events),
        })
    }

    /// Every step so far.
    pub fn steps(&self) -> impl Iterator<Item = Step<'_>> {
        (0..self.steps.len()).filter_map(|index| self.step_at(index))
    }

    /// Every event so far, in order.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.events.iter()
    }

    /// The nodes executed, in order (an Ask that asks again counts once per visit).
    pub fn path(&self) -> Vec<&str> {
        self.path
            .iter()
            .map(|&index| self.program.id(index))
            .collect()
    }

    /// Node indices executed, in order.
    pub(crate) fn path_indices(&self) -> &[u32] {
        &self.path
    }

    /// (node, port) of every step that left by a port, for coverage.
    pub(crate) fn ports_taken(&self) -> impl Iterator<Item = (u32, u16)> + '_ {
        self.steps
            .iter()
            .filter_map(|record| record.port.map(|port| (record.node, port)))
    }

    /// The chat as the contact and the team saw it, each line with its step.
    pub fn transcript(&self) -> Vec<Line> {
        self.steps()
            .flat_map(|step| {
                step.events
                    .iter()
                    .filter_map(move |event| Line::from_event(step.index, event))
            })
            .collect()
    }

    /// The texts the contact received, in order.
    pub fn messages(&self) -> Vec<&str> {
        self.events
            .iter()
            .filter_map(|event| match event {
                Event::MessageSent { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// Who got the chat last (a LiveChat or a platform API transfer).
    pub fn assigned_agent(&self) -> Option<&str> {
        self.world.assigned.as_deref()
    }

    pub fn clock(&self) -> Clock {
        self.world.clock
    }

    /// The agents as the run has them now (statuses, active chats, availability).
    pub fn agents(&self) -> Vec<AgentView> {
        self.world
            .team
            .team
            .agents
            .iter()
            .zip(&self.world.agents)
            .enumerate()
            .map(|(index, (agent, state))| AgentView {
                id: agent.id.clone(),
                name: agent.name.clone(),
                departments: agent.departments.clone(),
                status: state.status,
                capacity: agent.capacity,
                active_chats: state.active_chats,
                available: self.world.is_available(index),
            })
            .collect()
    }

    /// Chats already waiting per queue.
    pub fn waiting(&self) -> &BTreeMap<String, u32> {
        &self.world.team.team.waiting
    }

    /// The Sequential cursors now (hand them to the next run of a batch).
    pub fn cursors(&self) -> &Cursors {
        &self.world.cursors
    }

    /// The value of a variable by its name (`protocolo`, `http.status`, `contact.custom.plano`,
    /// `now.date`...), secrets masked. None when it has no value.
    pub fn variable(&self, name: &str) -> Option<String> {
        let mut value = self.raw_value(name)?;
        mask_text(&mut value, &self.setup.secret_values);
        Some(value)
    }

    /// The unmasked value, for expectations.
    pub(crate) fn raw_value(&self, name: &str) -> Option<String> {
        let var = self.program.names.find(name);
        if var == Var::Absent {
            let key = name.trim().strip_prefix("contact.custom.")?;
            return self.setup.custom_unused.get(key).cloned();
        }
        self.world.text(var, &self.setup).map(Cow::into_owned)
    }

    /// Every variable with a value, by name, sorted; secrets shown as `••••`.
    pub fn variables(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let names = &self.program.names;
        for (slot, value) in self.world.vars.iter().enumerate() {
            if let Some(value) = value {
                out.insert(
                    names
                        .slot_name(u32::try_from(slot).unwrap_or(u32::MAX))
                        .to_owned(),
                    value.to_string(),
                );
            }
        }
        for (key, value) in &self.setup.custom_unused {
            out.insert(format!("contact.custom.{key}"), value.clone());
        }
        for name in [
            "contact.name",
            "contact.phone",
            "contact.email",
            "contact.channel",
            "contact.last_agent",
            "chat.id",
            "chat.protocol",
            "team.api_base",
            "now.date",
            "now.time",
            "now.weekday",
            "now.hour",
        ] {
            if let Some(value) = self.raw_value(name) {
                out.insert(name.to_owned(), value);
            }
        }
        for (index, name) in names.secret_names().iter().enumerate() {
            if self.setup.secrets.get(index).is_some_and(Option::is_some) {
                out.insert(format!("secret.{name}"), super::event::MASK.to_owned());
            }
        }
        for value in out.values_mut() {
            mask_text(value, &self.setup.secret_values);
        }
        out
    }
}
