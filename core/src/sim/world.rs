//! The world a run changes: the team's agents (statuses with the scenario's overrides, active
//! chats), the Sequential cursors, the clock, the random generator, the contact, the variables,
//! how many scripted replies and live-chat outcomes were used, and the Ask in progress.
//!
//! Everything a step may change lives here, so that a copy of it before each step is the whole
//! history `back()` needs (the team itself is shared, only the per-agent state is copied).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

use crate::clock::Clock;
use crate::flow::{AgentStatus, Channel};
use crate::rng::Rng;

use super::lists::Place;
use super::program::{Program, TeamData};
use super::setup::{Said, Setup};
use super::text::{SharedStr, push_two_digits};
use super::vars::Var;

/// The index of a settable contact field in `World::contact_tainted`.
fn contact_field(var: Var) -> Option<usize> {
    match var {
        Var::ContactName => Some(0),
        Var::ContactPhone => Some(1),
        Var::ContactEmail => Some(2),
        Var::ContactLastAgent => Some(3),
        _ => None,
    }
}

/// The Sequential route's cursors: per department, the id of the last agent it gave a chat to.
pub type Cursors = BTreeMap<String, String>;

/// What changes about an agent during a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AgentState {
    pub(crate) status: AgentStatus,
    pub(crate) active_chats: u32,
}

/// The contact's own fields (custom fields are variables: `contact.custom.KEY`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ContactState {
    pub(crate) name: String,
    pub(crate) phone: String,
    pub(crate) email: String,
    pub(crate) channel: Channel,
    pub(crate) last_agent: String,
}

/// An Ask whose prompt was sent and that is still reading replies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AskProgress {
    pub(crate) node: u32,
    /// Invalid replies so far in this visit.
    pub(crate) invalid: u32,
}

/// The run's mutable state.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct World {
    pub(crate) team: Arc<TeamData>,
    /// Per agent of `team.team.agents`, same order.
    pub(crate) agents: Vec<AgentState>,
    pub(crate) cursors: Cursors,
    pub(crate) clock: Clock,
    pub(crate) rng: Rng,
    /// Shared with the snapshots of the history until a step sets a contact field.
    pub(crate) contact: Arc<ContactState>,
    /// By slot (see `vars::Names`); none is "no value".
    pub(crate) vars: Vec<Option<SharedStr>>,
    /// Replies read so far (scripted first, then typed).
    pub(crate) replies_read: usize,
    /// Replies typed during the run ([`crate::sim::Run::give_reply`]), after the script.
    /// Replies typed during the run.
    pub(crate) typed: Vec<Said>,
    pub(crate) outcomes_used: usize,
    pub(crate) ask: Option<AskProgress>,
    /// Who got the chat last.
    pub(crate) assigned: Option<SharedStr>,
    /// Where the chat is for the agents' screen.
    pub(crate) place: Place,
    /// The department the chat was last opened for ("" for an agent or for anyone); none
    /// before it was ever handed to people.
    pub(crate) opened_for: Option<SharedStr>,
    /// Values of names the compiled flow never mentions (a scenario's `vars` presets, closing
    /// fields): shown and expected, never read by a node. Shared with the history's snapshots.
    pub(crate) extras: Arc<BTreeMap<String, SharedStr>>,
    /// Which slots may hold a secret's value: set during a step that read a secret or another
    /// tainted value. Only such steps' events are searched for secrets to mask.
    pub(crate) tainted: Vec<bool>,
    /// The same for `contact.name`, `contact.phone`, `contact.email`, `contact.last_agent`.
    pub(crate) contact_tainted: [bool; 4],
    /// Whether the step under way read a secret or a tainted value (what it sets is tainted).
    pub(crate) dirty: bool,
    /// Whether the step under way replaced a tainted value (its event shows the old one).
    pub(crate) replaced_tainted: bool,
}

impl World {
    /// The world at the start of a scenario's run.
    pub(crate) fn new(program: &Program, setup: &Setup, cursors: Cursors) -> World {
        let mut vars = vec![None; program.names.slot_count()];
        for (slot, value) in &setup.custom {
            if let Some(var) = vars.get_mut(*slot as usize) {
                *var = Some(value.as_str().into());
            }
        }
        let mut world = World {
            team: Arc::clone(&program.team),
            agents: Vec::new(),
            cursors,
            clock: setup.start.clone().unwrap_or(Clock {
                unix_ms: 0,
                offset_min: 0,
            }),
            rng: Rng::new(setup.seed),
            contact: Arc::new(setup.contact.clone()),
            vars,
            replies_read: 0,
            typed: Vec::new(),
            outcomes_used: 0,
            ask: None,
            assigned: None,
            place: Place::Bot,
            opened_for: None,
            extras: Arc::new(setup.extra_presets.clone()),
            tainted: vec![false; program.names.slot_count()],
            contact_tainted: [false; 4],
            dirty: false,
            replaced_tainted: false,
        };
        world.reset_agents(&setup.overrides);
        for (var, value) in &setup.presets {
            // Every preset kept here is settable (see `Setup`).
            let _ = world.set(*var, value.clone());
        }
        world
    }

    /// The chat waits, open without an agent for `department` ("" = for anyone).
    pub(crate) fn open_for(&mut self, department: SharedStr) {
        self.opened_for = Some(department.clone());
        self.place = Place::Open(department);
    }

    /// An agent has the chat, opened for `department` ("" when it was opened for the agent).
    pub(crate) fn give_to(&mut self, agent: SharedStr, department: SharedStr) {
        self.assigned = Some(agent.clone());
        self.opened_for = Some(department);
        self.place = Place::Agent(agent);
    }

    /// Sets a name the compiled flow never mentions; the old value.
    pub(crate) fn set_extra(&mut self, name: &str, value: SharedStr) -> Option<SharedStr> {
        Arc::make_mut(&mut self.extras).insert(name.to_owned(), value)
    }

    /// Agent states from the team, with `overrides` applied.
    pub(crate) fn reset_agents(&mut self, overrides: &BTreeMap<String, AgentStatus>) {
        self.agents = self
            .team
            .team
            .agents
            .iter()
            .map(|agent| AgentState {
                status: overrides.get(&agent.id).copied().unwrap_or(agent.status),
                active_chats: agent.active_chats,
            })
            .collect();
    }

    /// Online and under capacity (capacity 0 = no limit).
    pub(crate) fn is_available(&self, index: usize) -> bool {
        match (self.team.team.agents.get(index), self.agents.get(index)) {
            (Some(agent), Some(state)) => {
                state.status == AgentStatus::Online
                    && (agent.capacity == 0 || state.active_chats < agent.capacity)
            }
            _ => false,
        }
    }

    /// Why an agent is or is not available, in words: `ana is away`, `ana is at capacity (5 of
    /// 5 chats)`, `ana is online with 1 of 5 chats`.
    pub(crate) fn availability(&self, index: usize) -> String {
        let (Some(agent), Some(state)) = (self.team.team.agents.get(index), self.agents.get(index))
        else {
            return "not in the team".into();
        };
        let chats = if agent.capacity == 0 {
            format!("{} chats, no limit", state.active_chats)
        } else {
            format!("{} of {} chats", state.active_chats, agent.capacity)
        };
        match state.status {
            AgentStatus::Online if self.is_available(index) => {
                format!("{} is online with {chats}", agent.id)
            }
            AgentStatus::Online => format!("{} is at capacity ({chats})", agent.id),
            other => format!("{} is {}", agent.id, other.as_str()),
        }
    }

    /// The value of `var`, if it has one. An empty contact field or `api_base` is "no value"; a
    /// variable set to "" has one.
    pub(crate) fn text<'a>(&'a self, var: Var, setup: &'a Setup) -> Option<Cow<'a, str>> {
        let text: &str = match var {
            Var::Slot(slot) => {
                return self
                    .vars
                    .get(slot as usize)?
                    .as_ref()
                    .map(|value| Cow::Borrowed(value.as_str()));
            }
            Var::ContactName => &self.contact.name,
            Var::ContactPhone => &self.contact.phone,
            Var::ContactEmail => &self.contact.email,
            Var::ContactLastAgent => &self.contact.last_agent,
            Var::ContactChannel => self.contact.channel.as_str(),
            Var::ChatId => &setup.chat_id,
            Var::ChatProtocol => &setup.chat_protocol,
            Var::TeamApiBase => &self.team.team.api_base,
            Var::NowDate | Var::NowTime | Var::NowWeekday | Var::NowHour => {
                let local = self.clock.local();
                return Some(Cow::Owned(match var {
                    Var::NowDate => local.date.to_string(),
                    Var::NowTime => local.hhmm(),
                    Var::NowWeekday => local.weekday.as_str().to_owned(),
                    _ => local.hour().to_string(),
                }));
            }
            Var::Secret(index) => setup.secrets.get(index as usize)?.as_deref()?,
            Var::Absent => return None,
        };
        (!text.is_empty()).then_some(Cow::Borrowed(text))
    }

    /// The value of `var` when it is held as shared text (a variable, `chat.*`): a template
    /// that is only this name can share it instead of copying it.
    pub(crate) fn shared(&self, var: Var, setup: &Setup) -> Option<SharedStr> {
        match var {
            Var::Slot(slot) => self.vars.get(slot as usize)?.clone(),
            Var::ChatId => Some(setup.chat_id.clone()),
            Var::ChatProtocol => Some(setup.chat_protocol.clone()),
            _ => None,
        }
    }

    /// Appends the value of `var` to `out`; false when it has no value (nothing appended).
    /// Reading a secret marks the world so that events get masked from then on.
    pub(crate) fn append(&mut self, var: Var, setup: &Setup, out: &mut String) -> bool {
        if let Var::NowDate | Var::NowTime | Var::NowWeekday | Var::NowHour = var {
            let local = self.clock.local();
            // Writing to a String cannot fail.
            let _ = match var {
                Var::NowDate => write!(out, "{}", local.date),
                Var::NowTime => {
                    push_two_digits(out, local.minute_of_day / 60);
                    out.push(':');
                    push_two_digits(out, local.minute_of_day % 60);
                    Ok(())
                }
                Var::NowWeekday => write!(out, "{}", local.weekday.as_str()),
                _ => write!(out, "{}", local.hour()),
            };
            return true;
        }
        match self.text(var, setup) {
            Some(text) => {
                out.push_str(&text);
                if self.is_tainted(var) {
                    self.dirty = true;
                }
                true
            }
            None => false,
        }
    }

    /// Whether reading `var` may bring a secret's value into the step's text.
    pub(crate) fn is_tainted(&self, var: Var) -> bool {
        match var {
            Var::Secret(_) => true,
            Var::Slot(slot) => self.tainted.get(slot as usize).copied().unwrap_or(false),
            other => contact_field(other).is_some_and(|field| self.contact_tainted[field]),
        }
    }

    /// The value of `var`, if it has one (marks the step dirty, like [`World::append`]).
    pub(crate) fn value(&mut self, var: Var, setup: &Setup) -> Option<String> {
        let mut out = String::new();
        self.append(var, setup, &mut out).then_some(out)
    }

    /// Sets `var`; the old value (none when it had none), or `Err` when `var` is read-only.
    /// The value is tainted when the step under way is dirty. Replacing a tainted value marks
    /// the step's events for masking: they show the old value.
    pub(crate) fn set(&mut self, var: Var, value: SharedStr) -> Result<Option<SharedStr>, ()> {
        if self.is_tainted(var) {
            self.replaced_tainted = true;
        }
        let dirty = self.dirty;
        if let Some(field) = contact_field(var) {
            self.contact_tainted[field] = dirty;
        }
        let field = match var {
            Var::Slot(slot) => {
                if let Some(taint) = self.tainted.get_mut(slot as usize) {
                    *taint = dirty;
                }
                return match self.vars.get_mut(slot as usize) {
                    Some(held) => Ok(held.replace(value)),
                    None => Err(()),
                };
            }
            Var::ContactName => &mut Arc::make_mut(&mut self.contact).name,
            Var::ContactPhone => &mut Arc::make_mut(&mut self.contact).phone,
            Var::ContactEmail => &mut Arc::make_mut(&mut self.contact).email,
            Var::ContactLastAgent => &mut Arc::make_mut(&mut self.contact).last_agent,
            _ => return Err(()),
        };
        let old = std::mem::replace(field, value.to_string());
        Ok((!old.is_empty()).then(|| old.into()))
    }
}
