//! The LiveChat node, ALTU's `start_live_chat` handoff (docs/decisions.md "LiveChat routing").
//!
//! The handoff starts (its `extra_info` and `contact_info` expanded), the route picks an agent
//! ([`super::routing`]). Nobody available: with `wait_timeout_s` the clock moves by it and the
//! handoff ends by `timeout`; without, the run ends `Queued` in the department. An agent takes
//! the chat: their `active_chats` grows by one and the scenario's next outcome ends the handoff
//! (default `agent_closed`). `live_chat.status` holds the outcome's word, `result_variable` a JSON
//! object, and `closing_message` is sent on `agent_closed` and `user_closed`.

use serde::Serialize;

use crate::flow::LiveChatOutcome;

use super::event::{Event, Handoff, MessageKind, Pairs, pairs_as_map};
use super::exec::{Exec, Next};
use super::program::{LiveChatOp, RouteOp, outcome_port};
use super::routing::{self, Routed};
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
}

pub(crate) fn run(x: &mut Exec<'_>, op: &LiveChatOp) -> Next {
    let render = |x: &mut Exec<'_>, map: &[(SharedStr, super::vars::CTemplate)]| {
        map.iter()
            .map(|(key, value)| (key.clone(), x.render(value)))
            .collect::<Pairs>()
    };
    let extra_info = render(x, &op.extra_info);
    let contact_info = render(x, &op.contact_info);
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
    })));
    let field_value = match &op.route {
        RouteOp::AgentFromField(_, var) => x.world.value(*var, x.setup),
        _ => None,
    };
    match routing::route(x.world, &op.route, &op.department, field_value.as_deref()) {
        Routed::Nobody { why } => {
            x.events.push(Event::NoAgentAvailable {
                department: op.department.clone(),
                why,
            });
            if op.wait_timeout_s == 0 {
                return x.queue(&op.department);
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
        Routed::Agent { index, by, why } => {
            let Some((id, name)) = x.world.team.labels.get(index).cloned() else {
                return finish(x, op, started, LiveChatOutcome::Timeout, None);
            };
            if let Some(state) = x.world.agents.get_mut(index) {
                state.active_chats = state.active_chats.saturating_add(1);
            }
            x.world.assigned = Some(id.clone());
            x.events.push(Event::AgentAssigned {
                agent: id.clone(),
                name,
                by,
                why,
            });
            let outcome = x
                .setup
                .outcomes
                .get(x.world.outcomes_used)
                .copied()
                .unwrap_or_default();
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
            finish(x, op, started, outcome, Some(&id))
        }
    }
}

fn finish(
    x: &mut Exec<'_>,
    op: &LiveChatOp,
    started: usize,
    outcome: LiveChatOutcome,
    agent: Option<&SharedStr>,
) -> Next {
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
        let json = match x.events.get(started) {
            Some(Event::HandoffStarted(handoff)) => serde_json::to_string(&HandoffResult {
                status: word,
                agent: agent.map_or("", |agent| agent.as_str()),
                department: &op.department,
                route: op.route_label,
                integration_id: op.integration_id,
                skill_id: &op.skill_id,
                extra_info: &handoff.extra_info,
                contact_info: &handoff.contact_info,
            })
            .unwrap_or_default(),
            _ => String::new(),
        };
        x.set(target, json.into());
    }
    // Last: the closing message may say how the conversation ended (`{{live_chat.status}}`).
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
