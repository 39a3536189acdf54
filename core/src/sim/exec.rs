//! Executing one node: the context a step runs in (program, scenario, world, event log), the
//! helpers every kind uses (render a template, set a variable, move the clock, send a text), and
//! the kinds small enough to live here: Entry, Message, SetVariable, Condition, BusinessHours,
//! Queue and End. Ask, Request and LiveChat have their own files.

use crate::flow::{EndReason, Mode};

use super::compare;
use super::event::{End, Event, MessageKind};
use super::program::{CaseOp, NodeCode, NodeOp, Program, RuleOp, port};
use super::setup::Setup;
use super::vars::{CPart, CTemplate, Var};
use super::world::World;
use super::{ask, live_chat, request};

/// What a node decided.
#[derive(Debug)]
pub(crate) enum Next {
    /// Leave by this port number.
    Port(u16),
    /// Stay on the node (an Ask that asked again).
    Stay,
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
                let buttons: Vec<String> = buttons.iter().map(|b| self.render(b)).collect();
                self.say(MessageKind::Message, text, buttons);
                Next::Port(port::NEXT)
            }
            NodeOp::SetVariable(entries) => {
                for (var, name, template) in entries {
                    let value = self.render(template);
                    self.set(*var, name, value);
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
        }
    }

    /// An end on this node.
    pub(crate) fn end(&self, reason: EndReason, message: String) -> Next {
        Next::End(End::new(reason, Some(&self.node.id), message))
    }

    /// Ends the run `Queued` in `queue` at `waiting[queue] + 1`.
    pub(crate) fn queue(&mut self, queue: &str) -> Next {
        let waiting = self
            .world
            .team
            .team
            .waiting
            .get(queue)
            .copied()
            .unwrap_or(0);
        let position = waiting.saturating_add(1);
        self.events.push(Event::Queued {
            queue: queue.to_owned(),
            position,
        });
        let mut end = End::new(
            EndReason::Queued,
            Some(&self.node.id),
            format!("{waiting} chats were already waiting"),
        );
        end.queue = Some(queue.to_owned());
        end.position = Some(position);
        Next::End(end)
    }

    /// Expands a template; every name without a value expands to "" and logs a warning.
    pub(crate) fn render(&mut self, template: &CTemplate) -> String {
        let mut out = String::new();
        for part in template.parts() {
            match part {
                CPart::Text(text) => out.push_str(text),
                CPart::Var(var, name) => {
                    if !self.world.append(*var, self.setup, &mut out) {
                        self.warn_missing(name);
                    }
                }
            }
        }
        out
    }

    pub(crate) fn warn_missing(&mut self, name: &str) {
        self.warn(format!("`{name}` has no value: it expands to \"\""));
    }

    pub(crate) fn warn(&mut self, message: String) {
        self.events.push(Event::Warning { message });
    }

    /// Sends a text to the contact.
    pub(crate) fn say(&mut self, kind: MessageKind, text: String, buttons: Vec<String>) {
        self.events.push(Event::MessageSent {
            kind,
            text,
            buttons,
        });
    }

    /// Sets a variable and logs it; a read-only name logs a warning instead.
    pub(crate) fn set(&mut self, var: Var, name: &str, value: String) {
        match self.world.set(var, value.clone()) {
            Ok(old) => self.events.push(Event::VariableSet {
                name: name.to_owned(),
                old,
                new: value,
            }),
            Err(()) => self.warn(format!(
                "`{name}` cannot be set by a flow; it is left as it was"
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
            let port_name = self.port_name(case_index);
            if case.rules.is_empty() {
                self.warn(format!("case `{port_name}` has no rules: it never holds"));
                continue;
            }
            let mut decided = None;
            for (rule_index, rule) in case.rules.iter().enumerate() {
                let (held, why) = self.rule(rule);
                match (case.mode, held) {
                    (Mode::Any, true) => {
                        decided = Some((rule_index, why));
                        break;
                    }
                    (Mode::All, false) => break,
                    (Mode::All, true) if rule_index + 1 == case.rules.len() => {
                        decided = Some((rule_index, why));
                    }
                    _ => {}
                }
            }
            if let Some((rule_index, why)) = decided {
                let port_number = u16::try_from(case_index).unwrap_or(u16::MAX);
                self.events.push(Event::BranchTaken {
                    port: port_name,
                    case: Some(case_index),
                    rule: Some(rule_index),
                    why,
                });
                return Next::Port(port_number);
            }
        }
        self.events.push(Event::BranchTaken {
            port: crate::flow::ELSE_PORT.to_owned(),
            case: None,
            rule: None,
            why: "no case held".into(),
        });
        Next::Port(u16::try_from(cases.len()).unwrap_or(u16::MAX))
    }

    fn port_name(&self, port: usize) -> String {
        self.node.ports.get(port).cloned().unwrap_or_default()
    }

    /// Whether a rule holds, and the rule in words with both sides' values.
    fn rule(&mut self, rule: &RuleOp) -> (bool, String) {
        let left = if let Some(value) = self.world.value(rule.var, self.setup) {
            value
        } else {
            if rule.op.has_value() {
                self.warn_missing(&rule.var_name);
            }
            String::new()
        };
        let right = if rule.op.has_value() {
            self.render(&rule.value)
        } else {
            String::new()
        };
        let compiled;
        let regex = match (&rule.regex, rule.op) {
            (Some(Ok(regex)), _) => Some(regex),
            (Some(Err(problem)), _) => {
                self.warn(problem.clone());
                None
            }
            (None, crate::flow::Op::Matches) => {
                compiled = compare::compile_regex(&right);
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
        let held = compare::holds(rule.op, &left, &right, regex);
        let why = if rule.op.has_value() {
            format!(
                "{} ({left:?}) {} {right:?}",
                rule.var_name,
                rule.op.symbol()
            )
        } else {
            format!("{} ({left:?}) {}", rule.var_name, rule.op.symbol())
        };
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
            port: if open { "open" } else { "closed" }.to_owned(),
            case: None,
            rule: None,
            why,
        });
        Next::Port(if open { port::OPEN } else { port::CLOSED })
    }
}
