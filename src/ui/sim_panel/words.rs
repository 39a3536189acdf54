//! The run in the user's language: the system lines of the chat ("Atribuído a Ana Souza — rota:
//! gerente da carteira"), one line per event for the step's event list, and how a run ended.
//! The core's own `Display` is English for the CLI; the window says the same in English or
//! Portuguese. Texts the core writes in words (a warning, why a branch was taken) are shown as
//! they are.

use fluxo_core::flow::{AgentStatus, EndReason, LiveChatOutcome};
use fluxo_core::sim::{AnswerSource, AssignedBy, End, Event, MessageKind};

use crate::ui::i18n::{Lang, translate};

/// Translation by a language known without a `Ui` (`w.tr("Queued")`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Words(pub Lang);

impl Words {
    pub fn tr(self, english: &'static str) -> &'static str {
        translate(self.0, english)
    }

    pub fn of(ctx: &egui::Context) -> Words {
        Words(crate::ui::i18n::lang(ctx))
    }
}

/// A route as written in the handoff (`AgentFromField("gerente")`), in words.
pub(crate) fn route_words(w: Words, route: &str) -> &'static str {
    let kind = route.split('(').next().unwrap_or(route).trim();
    match kind {
        "Agent" => w.tr("a specific agent"),
        "AgentFromField" => w.tr("account manager"),
        "Random" => w.tr("random agent"),
        "LastAgent" => w.tr("last agent who served"),
        "Sequential" => w.tr("round robin"),
        _ => w.tr("department"),
    }
}

/// The chat's line for a system event, or none for events the chat does not show. `route` is
/// the route of the step's handoff, when it had one.
pub(crate) fn system_line(w: Words, event: &Event, route: Option<&str>) -> Option<String> {
    let text = match event {
        Event::Silence { timeout_s } if *timeout_s > 0 => w
            .tr("The contact stays silent (time-out after {s} s)")
            .replace("{s}", &timeout_s.to_string()),
        Event::Silence { .. } => w.tr("The contact stays silent").to_owned(),
        Event::HandoffStarted(handoff) => w
            .tr("Handoff to {department} — route: {route}")
            .replace("{department}", &handoff.department)
            .replace("{route}", route_words(w, &handoff.route)),
        Event::AgentAssigned { name, by, .. } => match by {
            AssignedBy::Route => w
                .tr("Assigned to {name} — route: {route}")
                .replace("{name}", name)
                .replace("{route}", route.map_or("", |route| route_words(w, route))),
            AssignedBy::Fallback => w
                .tr("Assigned to {name} — the department's rule (the route's agent was not available)")
                .replace("{name}", name),
            AssignedBy::PlatformApi => w
                .tr("Assigned to {name} — transfer through the platform API")
                .replace("{name}", name),
        },
        Event::NoAgentAvailable { department, .. } => w
            .tr("Nobody of {department} is available")
            .replace("{department}", department),
        Event::Queued { queue, position } => w
            .tr("In the {queue} queue, position {n}")
            .replace("{queue}", queue)
            .replace("{n}", &position.to_string()),
        Event::HandoffEnded { outcome, .. } => w
            .tr("Handoff ended: {outcome}")
            .replace("{outcome}", outcome),
        _ => return None,
    };
    Some(text)
}

fn message_kind(w: Words, kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::Message => w.tr("Message sent"),
        MessageKind::Prompt => w.tr("Question sent"),
        MessageKind::Retry => w.tr("Question sent again"),
        MessageKind::Queue => w.tr("Queue message sent"),
        MessageKind::End => w.tr("Last message sent"),
        MessageKind::Closing => w.tr("Closing message sent"),
    }
}

/// Who answered a request, in words.
pub(crate) fn answer_source(w: Words, source: AnswerSource) -> String {
    match source {
        AnswerSource::Mock { index } => w
            .tr("the scenario's mock #{n}")
            .replace("{n}", &(index + 1).to_string()),
        AnswerSource::PlatformApi => w.tr("the platform API (mocked team)").to_owned(),
        AnswerSource::Unmocked => w.tr("nobody: no mock matched").to_owned(),
        AnswerSource::Live => crate::tr!(w.0, "live-answer-source"),
    }
}

/// `"text"`, or "no value".
fn quoted(w: Words, value: Option<&str>) -> String {
    value.map_or_else(|| w.tr("no value").to_owned(), |value| format!("“{value}”"))
}

/// One line for any event (the step's event list). Requests and answers get a short line; the
/// HTTP tab shows them whole.
pub(crate) fn event_line(w: Words, event: &Event, route: Option<&str>) -> String {
    if let Some(line) = system_line(w, event, route) {
        return line;
    }
    match event {
        Event::MessageSent {
            kind,
            text,
            buttons,
        } => {
            let mut line = format!("{}: {text}", message_kind(w, *kind));
            for button in buttons {
                line = format!("{line} [{button}]");
            }
            line
        }
        Event::ReplyRead {
            text,
            valid,
            problem,
        } => {
            let mut line = w
                .tr("Reply read: {text}")
                .replace("{text}", &format!("“{text}”"));
            if !valid {
                line = format!("{line} — {}", w.tr("invalid"));
                if let Some(problem) = problem {
                    line = format!("{line}: {problem}");
                }
            }
            line
        }
        Event::RequestSent(request) => format!(
            "{} {} {}",
            w.tr("Request:"),
            request.method,
            request.url.as_str()
        ),
        Event::AnswerReceived {
            source,
            status,
            delay_ms,
            timed_out,
            ..
        } => answer_line(w, *source, *status, *delay_ms, *timed_out),
        Event::VariableSet { name, old, new } => w
            .tr("{name} = {new} (was {old})")
            .replace("{name}", name)
            .replace("{new}", &quoted(w, Some(new)))
            .replace("{old}", &quoted(w, old.as_deref())),
        Event::BranchTaken { port, why, .. } => w
            .tr("Leaves by {port}: {why}")
            .replace("{port}", port)
            .replace("{why}", why),
        Event::ClockAdvanced { by_ms, now, why } => w
            .tr("Clock +{duration} ({why}): now {now}")
            .replace("{duration}", &duration_text(*by_ms))
            .replace("{why}", why)
            .replace("{now}", now),
        Event::Warning { message } => format!("{} {message}", w.tr("Warning:")),
        _ => event.to_string(),
    }
}

/// What an event adds under its line: why an agent was (or was not) picked, what the agent's
/// widget shows of a handoff (`extra_info`, `contact_info`).
pub(crate) fn event_details(event: &Event) -> Vec<String> {
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

/// The answer's line: status, who answered, how long it took.
pub(crate) fn answer_line(
    w: Words,
    source: AnswerSource,
    status: Option<u16>,
    delay_ms: u64,
    timed_out: bool,
) -> String {
    let by = answer_source(w, source);
    if timed_out {
        w.tr("Answer: timed out after {ms} ms ({by})")
            .replace("{ms}", &delay_ms.to_string())
            .replace("{by}", &by)
    } else if let Some(status) = status {
        w.tr("Answer: {status} from {by} after {ms} ms")
            .replace("{status}", &status.to_string())
            .replace("{by}", &by)
            .replace("{ms}", &delay_ms.to_string())
    } else {
        w.tr("No answer ({by})").replace("{by}", &by)
    }
}

/// `450 ms`, `5 s`, `10 min`, `2 h 5 min`.
pub(crate) fn duration_text(ms: u64) -> String {
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

pub(crate) fn reason_words(w: Words, reason: EndReason) -> &'static str {
    match reason {
        EndReason::End => w.tr("Ended"),
        EndReason::Queued => w.tr("Queued"),
        EndReason::WaitingReply => w.tr("Waiting for the contact's reply"),
        EndReason::ChannelNotServed => w.tr("Channel not served"),
        EndReason::DeadEnd => w.tr("Dead end"),
        EndReason::StepLimit => w.tr("Step limit reached"),
        EndReason::Error => w.tr("Error"),
    }
}

/// How a run ended, in one line.
pub(crate) fn end_line(w: Words, end: &End) -> String {
    let mut line = reason_words(w, end.reason).to_owned();
    let place = match (&end.queue, end.position, &end.node) {
        (Some(queue), Some(position), _) => Some(
            w.tr("{queue}, position {n}")
                .replace("{queue}", queue)
                .replace("{n}", &position.to_string()),
        ),
        (_, _, Some(node)) => Some(w.tr("at {node}").replace("{node}", node)),
        _ => None,
    };
    if let Some(place) = place {
        line = format!("{line} — {place}");
    }
    if matches!(
        end.reason,
        EndReason::DeadEnd | EndReason::StepLimit | EndReason::Error | EndReason::ChannelNotServed
    ) && !end.message.is_empty()
    {
        line = format!("{line}: {}", end.message);
    }
    line
}

pub(crate) fn status_words(w: Words, status: AgentStatus) -> &'static str {
    match status {
        AgentStatus::Online => w.tr("Online"),
        AgentStatus::Away => w.tr("Away"),
        AgentStatus::Offline => w.tr("Offline"),
    }
}

pub(crate) fn outcome_words(w: Words, outcome: LiveChatOutcome) -> &'static str {
    match outcome {
        LiveChatOutcome::AgentClosed => w.tr("Agent closes (agent_closed)"),
        LiveChatOutcome::UserClosed => w.tr("Contact closes (user_closed)"),
        LiveChatOutcome::Timeout => w.tr("Nobody answers (timeout)"),
        LiveChatOutcome::UserInactivityTimeout => {
            w.tr("Contact goes quiet (user_inactivity_timeout)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluxo_core::sim::SharedStr;

    #[test]
    fn system_lines_speak_portuguese() {
        let w = Words(Lang::PtBr);
        let assigned = Event::AgentAssigned {
            agent: SharedStr::from("ana"),
            name: SharedStr::from("Ana Souza"),
            by: AssignedBy::Route,
            why: String::new(),
        };
        assert_eq!(
            system_line(w, &assigned, Some("AgentFromField(\"gerente_de_contas\")")).as_deref(),
            Some("Atribuído a Ana Souza — rota: gerente da carteira")
        );
        let queued = Event::Queued {
            queue: SharedStr::from("Atendimento"),
            position: 4,
        };
        assert_eq!(
            system_line(w, &queued, None).as_deref(),
            Some("Na fila Atendimento, posição 4")
        );
        let ended = Event::HandoffEnded {
            outcome: "agent_closed",
            agent: None,
        };
        assert_eq!(
            system_line(w, &ended, None).as_deref(),
            Some("Transbordo encerrado: agent_closed")
        );
        assert_eq!(
            system_line(Words(Lang::En), &queued, None).as_deref(),
            Some("In the Atendimento queue, position 4")
        );
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(duration_text(450), "450 ms");
        assert_eq!(duration_text(5_000), "5 s");
        assert_eq!(duration_text(600_000), "10 min");
        assert_eq!(duration_text(7_500_000), "2 h 5 min");
    }
}
