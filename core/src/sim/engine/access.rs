//! What a run shows: its status, steps, path, transcript, variables and team, for the window
//! and the CLI. Reading never changes the run.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::clock::Clock;
use crate::flow::{AgentStatus, LiveChatOutcome, Reply};

use super::super::event::{End, Event, Line, MASK, Status, Step, mask_text};
use super::super::lists::ChatLists;
use super::super::program::Program;
use super::super::setup::Said;
use super::super::text::SharedStr;
use super::super::vars::Var;
use super::super::world::Cursors;
use super::{AgentView, Run};

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

    /// The department the chat was last opened for: "" when it was opened for an agent or for
    /// anyone, or never handed to people.
    pub fn department(&self) -> &str {
        self.world.opened_for.as_deref().unwrap_or("")
    }

    /// The agents' screen lists the chat is in (seed 004): as the run ended, or `All` only
    /// while it runs.
    pub fn chat_lists(&self) -> ChatLists {
        ChatLists::of(&self.world.place, self.end().map(|end| end.reason))
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

    /// The replies the run has read so far, in order: the script's, then those typed during the
    /// run (`NoReply` for a silence). What a replay of this run needs.
    pub fn replies_used(&self) -> Vec<Reply> {
        let script = self.setup.script.iter();
        script
            .chain(self.world.typed.iter())
            .take(self.world.replies_read)
            .map(|said| match said {
                Said::Text(text) => Reply::Text(text.to_string()),
                Said::Silence => Reply::NoReply,
            })
            .collect()
    }

    /// The live-chat outcomes the run has used so far, in order (`AgentClosed` where the
    /// scenario had run out of outcomes).
    pub fn outcomes_used(&self) -> Vec<LiveChatOutcome> {
        (0..self.world.outcomes_used)
            .map(|index| self.setup.outcomes.get(index).copied().unwrap_or_default())
            .collect()
    }

    /// The agent statuses switched with [`Run::set_agent_status`] (kept across resets).
    pub fn status_edits(&self) -> &BTreeMap<String, AgentStatus> {
        &self.edits.statuses
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
            if let Some(value) = self.world.extras.get(name.trim()) {
                return Some(value.to_string());
            }
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
        for (name, value) in self.world.extras.iter() {
            out.insert(name.clone(), value.to_string());
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
                out.insert(format!("secret.{name}"), MASK.to_owned());
            }
        }
        for value in out.values_mut() {
            mask_text(value, &self.setup.secret_values);
        }
        out
    }
}
