//! Executing one node: the context a step runs in (program, scenario, world, event log), the
//! helpers every kind uses (render a template, set a variable, move the clock, send a text), and
//! the kinds small enough to live here: Entry, Message, SetVariable, Condition, BusinessHours,
//! Queue and End. Ask, Request and LiveChat have their own files.

use crate::flow::{EndReason, Mode};

use super::compare;
use super::conversation::History;
use super::event::{End, Event, MASK, MessageKind, mask_shared};
use super::program::{CaseOp, NodeCode, NodeOp, Program, RuleOp, port};
use super::setup::Setup;
use super::text::{SharedStr, concat};
use super::vars::{CPart, CTemplate, Var, VarRef};
use super::world::World;
use super::{ask, live_chat, request};

/// What a node decided.
#[derive(Debug)]
pub(crate) enum Next {
    /// Leave by this port number.
    Port(u16),
    /// Stay on the node (an Ask that asked again).
    Stay,
    /// Go to this node without leaving by a port (into a called flow, at its Entry).
    Jump(u32),
    /// The run ends here.
    End(End),
}

/// The context of one step.
pub(crate) struct Exec<'a> {
    pub(crate) program: &'a Program,
    pub(crate) setup: &'a Setup,
    pub(crate) world: &'a mut World,
    pub(crate) events: &'a mut Vec<Event>,
    pub(crate) node: &'a NodeCode,
    pub(crate) node_index: u32,
    /// A buffer templates are expanded into, kept across steps: the text is then copied once
    /// into a value of exactly its size.
    pub(crate) scratch: &'a mut String,
    /// The last expansion of each template with a memo slot (see `CTemplate::memo`).
    pub(crate) memo: &'a mut [Option<SharedStr>],
    /// Whether the last expanded template read a secret or a value derived from one.
    pub(crate) last_tainted: bool,
    /// Whether the text being expanded is only ever shown (a request header): secrets then
    /// expand to `••••` directly.
    pub(crate) shown_only: bool,
    /// For a LiveChat with `include_history`: the conversation so far, and how many earlier
    /// lines were left out (gathered by the engine, which holds the whole log).
    pub(crate) history: Option<(History, usize)>,
}

impl Exec<'_> {
    /// Executes the node.
    pub(crate) fn run(&mut self) -> Next {
        let node = self.node;
        match &node.op {
            NodeOp::Entry(channels) => {
                let channel = self.world.contact.channel;
                if channels.contains(&channel) {
                    Next::Port(port::NEXT)
                } else {
                    let served: Vec<&str> = channels.iter().map(|c| c.as_str()).collect();
                    self.end(
                        EndReason::ChannelNotServed,
                        format!(
                            "the contact writes on {}; this Entry serves {}",
                            channel.as_str(),
                            served.join(", ")
                        ),
                    )
                }
            }
            NodeOp::Message { text, buttons } => {
                let text = self.render(text);
                let buttons: Vec<SharedStr> = buttons.iter().map(|b| self.render(b)).collect();
                self.say(MessageKind::Message, text, buttons);
                Next::Port(port::NEXT)
            }
            NodeOp::SetVariable(entries) => {
                for (target, template) in entries {
                    let value = self.render(template);
                    self.set(target, value);
                }
                Next::Port(port::NEXT)
            }
            NodeOp::Condition(cases) => self.condition(cases),
            NodeOp::BusinessHours(schedule) => self.business_hours(schedule),
            NodeOp::Queue { queue, message } => {
                if !message.is_empty() {
                    let text = self.render(message);
                    self.say(MessageKind::Queue, text, Vec::new());
                }
                self.queue(queue)
            }
            NodeOp::End(message) => {
                if !message.is_empty() {
                    let text = self.render(message);
                    self.say(MessageKind::End, text, Vec::new());
                }
                self.end(EndReason::End, String::new())
            }
            NodeOp::Ask(op) => ask::run(self, op),
            NodeOp::Request(op) => request::run(self, op),
            NodeOp::LiveChat(op) => live_chat::run(self, op),
            NodeOp::SubFlow(Ok(op)) => {
                self.events.push(Event::SubFlowStarted {
                    node: node.id.as_str().into(),
                    flow: op.flow.clone(),
                });
                Next::Jump(op.entry)
            }
            NodeOp::SubFlow(Err(cause)) => Next::End(End::caused(
                EndReason::Error,
                Some(&node.id),
                (**cause).clone(),
            )),
            NodeOp::Return(op) => {
                if !op.message.is_empty() {
                    let text = self.render(&op.message);
                    self.say(MessageKind::End, text, Vec::new());
                }
                self.events.push(Event::SubFlowDone {
                    node: self.program.id(op.call).into(),
                    flow: op.flow.clone(),
                });
                Next::Port(0)
            }
        }
    }

    /// An end on this node.
    pub(crate) fn end(&self, reason: EndReason, message: String) -> Next {
        Next::End(End::new(reason, Some(&self.node.id), message))
    }

    /// Ends the run `Queued` in `queue` at `waiting[queue] + 1`: the chat waits, open for the
    /// department.
    pub(crate) fn queue(&mut self, queue: &SharedStr) -> Next {
        self.world.open_for(queue.clone());
        let waiting = self
            .world
            .team
            .team
            .waiting
            .get(queue.as_str())
            .copied()
            .unwrap_or(0);
        let position = waiting.saturating_add(1);
        self.events.push(Event::Queued {
            queue: queue.clone(),
            position,
        });
        let mut end = End::new(
            EndReason::Queued,
            Some(&self.node.id),
            format!("{waiting} chats were already waiting"),
        );
        end.queue = Some(queue.to_string());
        end.position = Some(position);
        Next::End(end)
    }

    /// Expands a template; every name without a value expands to "" and logs a warning.
    /// A template without variables is shared as it is, without a copy.
    pub(crate) fn render(&mut self, template: &CTemplate) -> SharedStr {
        if let Some(plain) = template.plain() {
            self.last_tainted = false;
            return plain.clone();
        }
        if let [CPart::Var(var, _)] = template.parts()
            && !(self.shown_only && matches!(var, Var::Secret(_)))
            && let Some(value) = self.world.shared(*var, self.setup)
        {
            self.last_tainted = self.world.is_tainted(*var);
            self.world.dirty |= self.last_tainted;
            return value;
        }
        self.expand(template);
        // The same text as the template's last expansion (a prompt sent again, the same url)
        // shares it: comparing costs less than allocating.
        let memo = self.memo.get_mut(template.memo());
        if let Some(Some(last)) = &memo
            && last.as_str() == self.scratch.as_str()
        {
            return last.clone();
        }
        let text = SharedStr::from(self.scratch.as_str());
        if let Some(slot) = memo {
            *slot = Some(text.clone());
        }
        text
    }

    /// Expands a template into the scratch buffer, warning about names without a value.
    fn expand(&mut self, template: &CTemplate) {
        let dirty_before = std::mem::replace(&mut self.world.dirty, false);
        self.expand_parts(template);
        self.last_tainted = self.world.dirty;
        self.world.dirty |= dirty_before;
    }

    fn expand_parts(&mut self, template: &CTemplate) {
        let out = &mut *self.scratch;
        out.clear();
        let mut missing = false;
        for part in template.parts() {
            match part {
                CPart::Text(text) => out.push_str(text),
                CPart::Var(var @ Var::Secret(_), _) if self.shown_only => {
                    // Text that only an event shows never needs a secret's value.
                    if self.world.text(*var, self.setup).is_some() {
                        out.push_str(MASK);
                    } else {
                        missing = true;
                    }
                }
                CPart::Var(var, _) => missing |= !self.world.append(*var, self.setup, out),
            }
        }
        if missing {
            for part in template.parts() {
                if let CPart::Var(var, name) = part
                    && self.world.text(*var, self.setup).is_none()
                {
                    self.warn_missing(name);
                }
            }
        }
    }

    /// Expands a text that only an event shows (a header): secrets come out as `••••`, and a
    /// value derived from one is masked.
    pub(crate) fn render_shown(&mut self, template: &CTemplate) -> SharedStr {
        self.shown_only = true;
        let mut text = self.render(template);
        self.shown_only = false;
        if self.last_tainted {
            mask_shared(&mut text, &self.setup.secret_values);
        }
        text
    }

    pub(crate) fn warn_missing(&mut self, name: &str) {
        self.warn(format!("`{name}` has no value: it expands to \"\""));
    }

    pub(crate) fn warn(&mut self, message: String) {
        self.events.push(Event::Warning { message });
    }

    /// Sends a text to the contact.
    pub(crate) fn say(&mut self, kind: MessageKind, text: SharedStr, buttons: Vec<SharedStr>) {
        self.events.push(Event::MessageSent {
            kind,
            text,
            buttons,
        });
    }

    /// Sets a variable and logs it; a read-only name logs a warning instead.
    pub(crate) fn set(&mut self, target: &VarRef, value: SharedStr) {
        match self.world.set(target.var, value.clone()) {
            Ok(old) => self.events.push(Event::VariableSet {
                name: target.name.clone(),
                old,
                new: value,
            }),
            Err(()) => self.warn(format!(
                "`{}` cannot be set by a flow; it is left as it was",
                target.name
            )),
        }
    }

    /// Moves the simulated clock.
    pub(crate) fn advance(&mut self, ms: u64, why: String) {
        if ms == 0 {
            return;
        }
        self.world.clock = self.world.clock.plus_ms(ms);
        self.events.push(Event::ClockAdvanced {
            by_ms: ms,
            now: self.world.clock.to_rfc3339(),
            why,
        });
    }

    fn condition(&mut self, cases: &[CaseOp]) -> Next {
        for (case_index, case) in cases.iter().enumerate() {
            if case.rules.is_empty() {
                let port_name = self.port_name(case_index);
                self.warn(format!("case `{port_name}` has no rules: it never holds"));
                continue;
            }
            let last = case.rules.len() - 1;
            let mut decided = None;
            for (rule_index, rule) in case.rules.iter().enumerate() {
                // Only the rule that decides the case is put in words.
                let decides_if_held = case.mode == Mode::Any || rule_index == last;
                let (held, why) = self.rule(rule, decides_if_held);
                if held && decides_if_held {
                    decided = Some((rule_index, why));
                    break;
                }
                if !held && case.mode == Mode::All {
                    break;
                }
            }
            if let Some((rule_index, why)) = decided {
                self.events.push(Event::BranchTaken {
                    port: self.port_name(case_index),
                    case: u32::try_from(case_index).ok(),
                    rule: u32::try_from(rule_index).ok(),
                    why,
                });
                return Next::Port(u16::try_from(case_index).unwrap_or(u16::MAX));
            }
        }
        self.events.push(Event::BranchTaken {
            port: self.port_name(cases.len()),
            case: None,
            rule: None,
            why: "no case held".into(),
        });
        Next::Port(u16::try_from(cases.len()).unwrap_or(u16::MAX))
    }

    fn port_name(&self, port: usize) -> SharedStr {
        self.node.ports.get(port).cloned().unwrap_or_default()
    }

    /// Whether a rule holds, and when `explain`, the rule in words with both sides' values.
    fn rule(&mut self, rule: &RuleOp, explain: bool) -> (bool, String) {
        // A value that reads variables is expanded into the scratch buffer, taken out while it
        // is read (no copy) and put back after.
        let mut expanded = None;
        let right: &str = if !rule.op.has_value() {
            ""
        } else if let Some(text) = rule.value.plain_text() {
            text
        } else {
            self.expand(&rule.value);
            expanded.insert(std::mem::take(&mut *self.scratch))
        };
        let compiled;
        let regex = match (&rule.regex, rule.op) {
            (Some(Ok(regex)), _) => Some(regex),
            (Some(Err(problem)), _) => {
                self.warn(problem.clone());
                None
            }
            (None, crate::flow::Op::Matches) => {
                compiled = compare::compile_regex(right);
                match &compiled {
                    Ok(regex) => Some(regex),
                    Err(problem) => {
                        self.warn(problem.clone());
                        None
                    }
                }
            }
            (None, _) => None,
        };
        let (held, has_value, why) = {
            let left = self.world.text(rule.var, self.setup);
            let has_value = left.is_some();
            let left = left.as_deref().unwrap_or("");
            let held = match &rule.prepared {
                Some(prepared) => compare::holds_prepared(rule.op, left, prepared, regex),
                None => compare::holds(rule.op, left, right, regex),
            };
            let why = if !explain || !held {
                String::new()
            } else if rule.op.has_value() {
                concat(&[
                    &rule.var_name,
                    " (\"",
                    left,
                    "\") ",
                    rule.op.symbol(),
                    " \"",
                    right,
                    "\"",
                ])
            } else {
                concat(&[&rule.var_name, " (\"", left, "\") ", rule.op.symbol()])
            };
            (held, has_value, why)
        };
        if let Some(buffer) = expanded {
            *self.scratch = buffer;
        }
        if has_value && self.world.is_tainted(rule.var) {
            self.world.dirty = true;
        }
        if !has_value && rule.op.has_value() {
            self.warn_missing(&rule.var_name);
        }
        (held, why)
    }

    fn business_hours(&mut self, schedule: &str) -> Next {
        let team = std::sync::Arc::clone(&self.world.team);
        let Some(hours) = team.hours.iter().find(|hours| hours.name == schedule) else {
            return self.end(
                EndReason::Error,
                format!("the schedule `{schedule}` is not in the team: add it or pick another"),
            );
        };
        for problem in &hours.problems {
            self.warn(problem.clone());
        }
        let (open, why) = hours.is_open(self.world.clock);
        self.events.push(Event::BranchTaken {
            port: self.port_name(usize::from(if open { port::OPEN } else { port::CLOSED })),
            case: None,
            rule: None,
            why,
        });
        Next::Port(if open { port::OPEN } else { port::CLOSED })
    }
}
