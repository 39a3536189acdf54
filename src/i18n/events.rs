//! The simulator's events in the user's language: the chat's system lines ("Atribuído a Ana
//! Souza — rota: gerente da carteira"), one line per event of a step, who answered a request,
//! and how a run ended. Functions of a language and the core's data, for the window and the
//! command line alike; the texts are in `events.ftl`.
//!
//! A few payloads are still prose the core writes in English (a branch's `why`, a refused
//! reply's `problem`, a warning's `message`, an error end's `message`): they are shown as they
//! are until the core hands them over as data.

use fluxo_core::flow::{AgentStatus, EndReason, LiveChatOutcome};
use fluxo_core::sim::{AnswerSource, AssignedBy, End, Event, Fallback, MessageKind, Opened};

use super::Lang;
use crate::tr;

/// A route as the handoff writes it (`AgentFromField("gerente")`), in words.
pub fn route_words(lang: Lang, route: &str) -> &'static str {
    let kind = route.split('(').next().unwrap_or(route).trim();
    match kind {
        "Agent" => lang.tr("event-route-agent"),
        "AgentFromField" => lang.tr("event-route-agent-from-field"),
        "Random" => lang.tr("event-route-random"),
        "LastAgent" => lang.tr("event-route-last-agent"),
        "Sequential" => lang.tr("event-route-sequential"),
        _ => lang.tr("event-route-department"),
    }
}

/// The chat's line for an event that happens around the chat (a handoff, an agent, a queue, a
/// silence), or none for the others. `route` is the route of the step's handoff, if any.
pub fn system_line(lang: Lang, event: &Event, route: Option<&str>) -> Option<String> {
    let text = match event {
        Event::Silence { timeout_s } if *timeout_s > 0 => {
            tr!(lang, "event-silence-timeout", seconds = *timeout_s)
        }
        Event::Silence { .. } => lang.tr("event-silence").to_owned(),
        Event::HandoffStarted(handoff) => tr!(
            lang,
            "event-handoff-started",
            department = handoff.department.as_str(),
            route = route_words(lang, &handoff.route)
        ),
        Event::AgentAssigned { name, by, .. } => match by {
            AssignedBy::Route => tr!(
                lang,
                "event-assigned-by-route",
                name = name.as_str(),
                route = route.map_or("", |route| route_words(lang, route))
            ),
            AssignedBy::Fallback => tr!(lang, "event-assigned-by-fallback", name = name.as_str()),
            AssignedBy::PlatformApi => {
                tr!(lang, "event-assigned-by-platform-api", name = name.as_str())
            }
        },
        Event::NoAgentAvailable { department, .. } => {
            tr!(
                lang,
                "event-nobody-available",
                department = department.as_str()
            )
        }
        Event::Queued { queue, position } => tr!(
            lang,
            "event-queued",
            queue = queue.as_str(),
            position = *position
        ),
        Event::HandoffEnded { outcome, .. } => tr!(lang, "event-handoff-ended", outcome = *outcome),
        Event::ChatOpened(opened) => chat_opened_line(lang, opened),
        Event::SubFlowStarted { node, flow } => tr!(
            lang,
            "event-subflow-started",
            flow = flow.as_str(),
            node = node.as_str()
        ),
        Event::SubFlowDone { node, flow } => tr!(
            lang,
            "event-subflow-done",
            flow = flow.as_str(),
            node = node.as_str()
        ),
        Event::MessageSent { .. }
        | Event::ReplyRead { .. }
        | Event::RequestSent(_)
        | Event::AnswerReceived { .. }
        | Event::VariableSet { .. }
        | Event::BranchTaken { .. }
        | Event::ClockAdvanced { .. }
        | Event::Warning { .. }
        | Event::LiveFailed { .. }
        | Event::AnswerCut { .. } => return None,
    };
    Some(text)
}

/// "Open for Suporte — may take it: Ana Souza (1/5), Bruno Lima (0/∞)", with why the route's
/// agent did not get it first when it named one.
fn chat_opened_line(lang: Lang, opened: &Opened) -> String {
    let candidates = opened
        .candidates
        .iter()
        .map(|candidate| {
            let capacity = if candidate.capacity == 0 {
                "∞".to_owned()
            } else {
                candidate.capacity.to_string()
            };
            format!(
                "{} ({}/{capacity})",
                candidate.name.as_str(),
                candidate.active_chats
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut line = if opened.department.is_empty() {
        tr!(lang, "event-chat-opened-anyone", candidates = candidates)
    } else {
        tr!(
            lang,
            "event-chat-opened",
            department = opened.department.as_str(),
            candidates = candidates
        )
    };
    if let Some(fallback) = &opened.fallback {
        line.push_str(" — ");
        line.push_str(&fallback_text(lang, fallback));
    }
    line
}

/// Why the agent a route named did not get the chat.
pub fn fallback_text(lang: Lang, fallback: &Fallback) -> String {
    match fallback {
        Fallback::Unavailable {
            agent,
            status,
            active_chats,
            capacity,
        } => tr!(
            lang,
            "event-fallback-unavailable",
            agent = agent.as_str(),
            status = status_words(lang, *status),
            chats = *active_chats,
            capacity = *capacity
        ),
        Fallback::NotInTeam { agent } => {
            tr!(lang, "event-fallback-not-in-team", agent = agent.as_str())
        }
        Fallback::EmptyField { key } => tr!(lang, "event-fallback-empty-field", key = key.as_str()),
        Fallback::NoLastAgent => lang.tr("event-fallback-no-last-agent").to_owned(),
    }
}

/// `“text”`, or "no value".
fn quoted(lang: Lang, value: Option<&str>) -> String {
    value.map_or_else(
        || lang.tr("event-no-value").to_owned(),
        |value| format!("“{value}”"),
    )
}

/// One line for any event (a step's event list). Requests and answers get a short line; the
/// window's HTTP tab shows them whole.
pub fn event_line(lang: Lang, event: &Event, route: Option<&str>) -> String {
    if let Some(line) = system_line(lang, event, route) {
        return line;
    }
    match event {
        Event::MessageSent {
            kind,
            text,
            buttons,
        } => {
            let id = match kind {
                MessageKind::Message => "event-message-sent",
                MessageKind::Prompt => "event-prompt-sent",
                MessageKind::Retry => "event-retry-sent",
                MessageKind::Queue => "event-queue-message-sent",
                MessageKind::End => "event-end-message-sent",
                MessageKind::Closing => "event-closing-message-sent",
            };
            let mut line = tr!(lang, id, text = text.as_str());
            for button in buttons {
                line.push_str(" [");
                line.push_str(button);
                line.push(']');
            }
            line
        }
        Event::ReplyRead {
            text,
            valid,
            problem,
        } => match (valid, problem) {
            (true, _) => tr!(lang, "event-reply-read", text = text.as_str()),
            (false, Some(problem)) => tr!(
                lang,
                "event-reply-invalid-because",
                text = text.as_str(),
                problem = problem.as_str()
            ),
            (false, None) => tr!(lang, "event-reply-invalid", text = text.as_str()),
        },
        Event::RequestSent(request) => tr!(
            lang,
            "event-request-sent",
            method = request.method,
            url = request.url.as_str()
        ),
        Event::AnswerReceived {
            source,
            status,
            delay_ms,
            timed_out,
            ..
        } => answer_line(lang, *source, *status, *delay_ms, *timed_out),
        Event::VariableSet { name, old, new } => tr!(
            lang,
            "event-variable-set",
            name = name.as_str(),
            new = quoted(lang, Some(new)),
            old = quoted(lang, old.as_deref())
        ),
        Event::BranchTaken { port, why, .. } => tr!(
            lang,
            "event-branch-taken",
            port = port.as_str(),
            why = why.as_str()
        ),
        Event::ClockAdvanced { by_ms, now, why } => tr!(
            lang,
            "event-clock-advanced",
            duration = duration_text(*by_ms),
            why = why.as_str(),
            now = now.as_str()
        ),
        Event::Warning { message } => tr!(lang, "event-warning", message = message.as_str()),
        Event::LiveFailed { error } => crate::live::words::error_text(lang, error),
        Event::AnswerCut { .. } => crate::live::words::cut_text(lang),
        // Worded above, as the chat shows them.
        Event::Silence { .. }
        | Event::HandoffStarted(_)
        | Event::AgentAssigned { .. }
        | Event::NoAgentAvailable { .. }
        | Event::Queued { .. }
        | Event::HandoffEnded { .. }
        | Event::ChatOpened(_)
        | Event::SubFlowStarted { .. }
        | Event::SubFlowDone { .. } => String::new(),
    }
}

/// What an event adds under its line: why an agent was (or was not) picked, what the agent's
/// widget shows of a handoff (`extra_info`, `contact_info`).
pub fn event_details(event: &Event) -> Vec<String> {
    match event {
        Event::AgentAssigned { why, .. } | Event::NoAgentAvailable { why, .. } => {
            vec![why.clone()]
        }
        Event::HandoffStarted(handoff) => {
            let mut lines = Vec::new();
            if handoff.integration_id != 0 || !handoff.skill_id.is_empty() {
                lines.push(format!(
                    "integration_id {} · skill_id {}",
                    handoff.integration_id,
                    handoff.skill_id.as_str()
                ));
            }
            let extra = handoff.extra_info.iter().map(|pair| ("extra_info", pair));
            let contact = handoff
                .contact_info
                .iter()
                .map(|pair| ("contact_info", pair));
            for (map, (name, value)) in extra.chain(contact) {
                lines.push(format!("{map}.{}: {}", name.as_str(), value.as_str()));
            }
            lines
        }
        _ => Vec::new(),
    }
}

/// Who answered a request, in words.
pub fn answer_source(lang: Lang, source: AnswerSource) -> String {
    match source {
        AnswerSource::Mock { index } => tr!(lang, "event-answered-by-mock", number = index + 1),
        AnswerSource::PlatformApi => lang.tr("event-answered-by-platform-api").to_owned(),
        AnswerSource::Unmocked => lang.tr("event-answered-by-nobody").to_owned(),
        AnswerSource::Live => lang.tr("live-answer-source").to_owned(),
    }
}

/// An answer's line: its status, who gave it, how long it took.
pub fn answer_line(
    lang: Lang,
    source: AnswerSource,
    status: Option<u16>,
    delay_ms: u64,
    timed_out: bool,
) -> String {
    let by = answer_source(lang, source);
    match status {
        _ if timed_out => tr!(lang, "event-answer-timed-out", ms = delay_ms, by = by),
        Some(status) => tr!(
            lang,
            "event-answer",
            status = status,
            by = by,
            ms = delay_ms
        ),
        None => tr!(lang, "event-no-answer", by = by),
    }
}

/// `450 ms`, `5 s`, `10 min`, `2 h 5 min` (the same units in English and Portuguese).
pub fn duration_text(ms: u64) -> String {
    if ms < 1000 {
        return format!("{ms} ms");
    }
    let seconds = ms / 1000;
    if seconds < 60 {
        return format!("{seconds} s");
    }
    let minutes = seconds / 60;
    if minutes < 60 {
        return format!("{minutes} min");
    }
    format!("{} h {} min", minutes / 60, minutes % 60)
}

/// Why a run ended, in a few words.
pub fn reason_words(lang: Lang, reason: EndReason) -> &'static str {
    match reason {
        EndReason::End => lang.tr("event-end-end"),
        EndReason::Queued => lang.tr("event-end-queued"),
        EndReason::WaitingReply => lang.tr("event-end-waiting-reply"),
        EndReason::ChannelNotServed => lang.tr("event-end-channel-not-served"),
        EndReason::DeadEnd => lang.tr("event-end-dead-end"),
        EndReason::StepLimit => lang.tr("event-end-step-limit"),
        EndReason::Error => lang.tr("event-end-error"),
    }
}

/// How a run ended, in one line: why, where (the node, or the queue and position) and, for an
/// end that is a problem, the core's word on it.
pub fn end_line(lang: Lang, end: &End) -> String {
    let reason = reason_words(lang, end.reason);
    let mut line = match (&end.queue, end.position, &end.node) {
        (Some(queue), Some(position), _) => tr!(
            lang,
            "event-end-in-queue",
            reason = reason,
            queue = queue.as_str(),
            position = position
        ),
        (_, _, Some(node)) => tr!(
            lang,
            "event-end-at-node",
            reason = reason,
            node = node.as_str()
        ),
        _ => reason.to_owned(),
    };
    if matches!(
        end.reason,
        EndReason::DeadEnd | EndReason::StepLimit | EndReason::Error | EndReason::ChannelNotServed
    ) && !end.message.is_empty()
    {
        line = format!("{line}: {}", end.message);
    }
    line
}

/// An agent's status in words.
pub fn status_words(lang: Lang, status: AgentStatus) -> &'static str {
    match status {
        AgentStatus::Online => lang.tr("event-status-online"),
        AgentStatus::Away => lang.tr("event-status-away"),
        AgentStatus::Offline => lang.tr("event-status-offline"),
    }
}

/// How a handoff ends, in words (with the platform's own word).
pub fn outcome_words(lang: Lang, outcome: LiveChatOutcome) -> &'static str {
    match outcome {
        LiveChatOutcome::AgentClosed => lang.tr("event-outcome-agent-closed"),
        LiveChatOutcome::UserClosed => lang.tr("event-outcome-user-closed"),
        LiveChatOutcome::Timeout => lang.tr("event-outcome-timeout"),
        LiveChatOutcome::UserInactivityTimeout => lang.tr("event-outcome-user-inactivity-timeout"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluxo_core::sim::SharedStr;

    #[test]
    fn system_lines_speak_portuguese() {
        super::super::record_gaps();
        let assigned = Event::AgentAssigned {
            agent: SharedStr::from("ana"),
            name: SharedStr::from("Ana Souza"),
            by: AssignedBy::Route,
            why: String::new(),
        };
        assert_eq!(
            system_line(
                Lang::PtBr,
                &assigned,
                Some("AgentFromField(\"gerente_de_contas\")")
            )
            .as_deref(),
            Some("Atribuído a Ana Souza — rota: gerente da carteira")
        );
        let queued = Event::Queued {
            queue: SharedStr::from("Atendimento"),
            position: 4,
        };
        assert_eq!(
            system_line(Lang::PtBr, &queued, None).as_deref(),
            Some("Na fila Atendimento, posição 4")
        );
        let ended = Event::HandoffEnded {
            outcome: "agent_closed",
            agent: None,
        };
        assert_eq!(
            system_line(Lang::PtBr, &ended, None).as_deref(),
            Some("Transbordo encerrado: agent_closed")
        );
        assert_eq!(
            system_line(Lang::En, &queued, None).as_deref(),
            Some("In the Atendimento queue, position 4")
        );
        let set = Event::VariableSet {
            name: SharedStr::from("status"),
            old: None,
            new: SharedStr::from("online"),
        };
        assert_eq!(
            event_line(Lang::PtBr, &set, None),
            "status = “online” (antes: sem valor)"
        );
        let gaps: Vec<String> = super::super::take_gaps()
            .into_iter()
            .filter(|gap| gap.contains("event-"))
            .collect();
        assert!(gaps.is_empty(), "{gaps:?}");
    }

    #[test]
    fn a_run_end_reads_well() {
        let end = End {
            reason: EndReason::End,
            node: Some("fim".into()),
            message: String::new(),
            queue: None,
            position: None,
            cause: None,
        };
        assert_eq!(end_line(Lang::En, &end), "Ended — at fim");
        assert_eq!(end_line(Lang::PtBr, &end), "Encerrado — em fim");
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(duration_text(450), "450 ms");
        assert_eq!(duration_text(5_000), "5 s");
        assert_eq!(duration_text(600_000), "10 min");
        assert_eq!(duration_text(7_500_000), "2 h 5 min");
    }
}
