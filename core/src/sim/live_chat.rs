//! The LiveChat node, ALTU's `start_live_chat` handoff (docs/decisions.md "LiveChat routing").
//!
//! The handoff starts (its `extra_info` and `contact_info` expanded and, with `include_history`,
//! the conversation so far), the route decides ([`super::routing`]):
//! - an agent gets the chat: their `active_chats` grows by one;
//! - the chat opens without an agent (a department that does not assign automatically, or the
//!   `Unassigned` route) and someone who may take it is available: it does not wait;
//! - nobody who may take it is available: with `wait_timeout_s` the clock moves by it and the
//!   handoff ends by `timeout`; without, the run ends `Queued` (in the department, or open for
//!   anyone).
//!
//! A human conversation ends by the scenario's next outcome (default `agent_closed`).
//! `live_chat.status` holds the outcome's word, `result_variable` a JSON object; when the agent
//! closes, the scenario's `closing` fields for that conversation are set as `contact.custom.KEY`;
//! then `closing_message` is sent on `agent_closed` and `user_closed`.

use serde::Serialize;

use crate::flow::{EndReason, LiveChatOutcome};

use super::conversation::History;
use super::event::{End, EndCause, Event, Handoff, MessageKind, Opened, Pairs, pairs_as_map};
use super::exec::{Exec, Next};
use super::program::{LiveChatOp, RouteOp, outcome_port};
use super::routing::{self, Routed};
use super::setup::FieldTarget;
use super::text::SharedStr;

/// What `result_variable` holds, in this key order.
#[derive(Serialize)]
struct HandoffResult<'a> {
    status: &'static str,
    agent: &'a str,
    department: &'a str,
    route: &'a str,
    integration_id: i64,
    skill_id: &'a str,
    #[serde(serialize_with = "pairs_as_map")]
    extra_info: &'a Pairs,
    #[serde(serialize_with = "pairs_as_map")]
    contact_info: &'a Pairs,
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<&'a History>,
    #[serde(skip_serializing_if = "is_zero")]
    history_omitted: usize,
}

// serde's `skip_serializing_if` hands a reference to the field.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(value: &usize) -> bool {
    *value == 0
}

pub(crate) fn run(x: &mut Exec<'_>, op: &LiveChatOp) -> Next {
    let render = |x: &mut Exec<'_>, map: &[(SharedStr, super::vars::CTemplate)]| {
        map.iter()
            .map(|(key, value)| (key.clone(), x.render(value)))
            .collect::<Pairs>()
    };
    let extra_info = render(x, &op.extra_info);
    let contact_info = render(x, &op.contact_info);
    let (history, history_omitted) = if op.include_history {
        x.history.take().unwrap_or_default()
    } else {
        (History::default(), 0)
    };
    // The handoff event keeps the maps; `finish` reads them back for `result_variable`.
    let started = x.events.len();
    x.events.push(Event::HandoffStarted(Box::new(Handoff {
        department: op.department.clone(),
        route: op.route_text.clone(),
        integration_id: op.integration_id,
        skill_id: op.skill_id.clone(),
        extra_info,
        contact_info,
        include_history: op.include_history,
        history,
        history_omitted,
    })));
    let field_value = match &op.route {
        RouteOp::AgentFromField(_, var) => x.world.value(*var, x.setup),
        _ => None,
    };
    match routing::route(x.world, &op.route, &op.department, field_value.as_deref()) {
        Routed::Nobody { department, why } => wait(x, op, started, &department, why),
        Routed::Open {
            department,
            fallback,
            candidates,
        } => {
            x.world.open_for(department.clone());
            let candidates = candidates
                .iter()
                .map(|&index| routing::candidate(x.world, index))
                .collect();
            x.events.push(Event::ChatOpened(Box::new(Opened {
                department,
                fallback,
                candidates,
            })));
            let conversation = converse(x, op);
            finish(x, op, started, conversation.1, Some((conversation.0, None)))
        }
        Routed::Agent {
            index,
            by,
            why,
            department,
        } => {
            let Some((id, name)) = x.world.team.labels.get(index).cloned() else {
                return finish(x, op, started, LiveChatOutcome::Timeout, None);
            };
            if let Some(state) = x.world.agents.get_mut(index) {
                state.active_chats = state.active_chats.saturating_add(1);
            }
            x.world.give_to(id.clone(), department);
            x.events.push(Event::AgentAssigned {
                agent: id.clone(),
                name,
                by,
                why,
            });
            let conversation = converse(x, op);
            finish(
                x,
                op,
                started,
                conversation.1,
                Some((conversation.0, Some(&id))),
            )
        }
    }
}

/// Nobody who may take the chat is available: it waits, open for `department` ("" = anyone),
/// until `wait_timeout_s` runs out (`timeout`), or, with none, the run ends `Queued`.
fn wait(
    x: &mut Exec<'_>,
    op: &LiveChatOp,
    started: usize,
    department: &SharedStr,
    why: String,
) -> Next {
    x.world.open_for(department.clone());
    x.events.push(Event::NoAgentAvailable {
        department: department.clone(),
        why,
    });
    if op.wait_timeout_s == 0 {
        if department.is_empty() {
            return Next::End(End::caused(
                EndReason::Queued,
                Some(&x.node.id),
                EndCause::OpenForAnyone,
            ));
        }
        return x.queue(department);
    }
    x.advance(
        op.wait_timeout_s.saturating_mul(1000),
        format!(
            "nobody took the chat within wait_timeout_s ({} s)",
            op.wait_timeout_s
        ),
    );
    finish(x, op, started, LiveChatOutcome::Timeout, None)
}

/// The human conversation: the scenario's next outcome (default `agent_closed`) and its
/// number among the run's conversations; the clock moves by a time-out's length.
fn converse(x: &mut Exec<'_>, op: &LiveChatOp) -> (usize, LiveChatOutcome) {
    let number = x.world.outcomes_used;
    let outcome = x.setup.outcomes.get(number).copied().unwrap_or_default();
    x.world.outcomes_used += 1;
    match outcome {
        LiveChatOutcome::Timeout => x.advance(
            op.wait_timeout_s.saturating_mul(1000),
            format!(
                "the handoff timed out (wait_timeout_s {} s)",
                op.wait_timeout_s
            ),
        ),
        LiveChatOutcome::UserInactivityTimeout => x.advance(
            op.inactivity_timeout_s.saturating_mul(1000),
            format!(
                "the contact was inactive (inactivity_timeout_s {} s)",
                op.inactivity_timeout_s
            ),
        ),
        LiveChatOutcome::AgentClosed | LiveChatOutcome::UserClosed => {}
    }
    (number, outcome)
}

/// Ends the handoff by `outcome`. `conversation` is the human conversation's number and its
/// agent, when there was one (none when nobody took the chat in time).
fn finish(
    x: &mut Exec<'_>,
    op: &LiveChatOp,
    started: usize,
    outcome: LiveChatOutcome,
    conversation: Option<(usize, Option<&SharedStr>)>,
) -> Next {
    let agent = conversation.and_then(|(_, agent)| agent);
    let word = outcome.as_str();
    x.events.push(Event::HandoffEnded {
        outcome: word,
        agent: agent.cloned(),
    });
    let program = x.program;
    x.set(
        &op.status_var,
        program.outcome_words[usize::from(outcome_port(outcome))].clone(),
    );
    if let Some(target) = &op.result_variable {
        let department = match op.route {
            RouteOp::Unassigned => "",
            _ => op.department.as_str(),
        };
        let json = match x.events.get(started) {
            Some(Event::HandoffStarted(handoff)) => serde_json::to_string(&HandoffResult {
                status: word,
                agent: agent.map_or("", |agent| agent.as_str()),
                department,
                route: op.route_label,
                integration_id: op.integration_id,
                skill_id: &op.skill_id,
                extra_info: &handoff.extra_info,
                contact_info: &handoff.contact_info,
                history: handoff.include_history.then_some(&handoff.history),
                history_omitted: handoff.history_omitted,
            })
            .unwrap_or_default(),
            _ => String::new(),
        };
        x.set(target, json.into());
    }
    if outcome == LiveChatOutcome::AgentClosed
        && let Some((number, _)) = conversation
    {
        closing_fields(x, number);
    }
    // Last: the closing message may say how the conversation ended (`{{live_chat.status}}`) and
    // read the closing fields.
    if matches!(
        outcome,
        LiveChatOutcome::AgentClosed | LiveChatOutcome::UserClosed
    ) && !op.closing_message.is_empty()
    {
        let text = x.render(&op.closing_message);
        x.say(MessageKind::Closing, text, Vec::new());
    }
    Next::Port(outcome_port(outcome))
}

/// The custom fields the agent filled when closing conversation `number` (the scenario's
/// `closing`), set as `contact.custom.KEY`.
fn closing_fields(x: &mut Exec<'_>, number: usize) {
    let setup = x.setup;
    let Some(fields) = setup.closing.get(number) else {
        return;
    };
    for field in fields {
        match &field.target {
            FieldTarget::Var(target) => x.set(target, field.value.clone()),
            FieldTarget::Extra(name) => {
                let old = x.world.set_extra(name, field.value.clone());
                x.events.push(Event::VariableSet {
                    name: name.clone(),
                    old,
                    new: field.value.clone(),
                });
            }
        }
    }
}
