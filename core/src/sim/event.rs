//! What a run did, as data: the events of each step, the step records, the run's end and the
//! chat transcript. The core never prints them; the CLI and the window show them (`Display` gives
//! one readable English line per event).

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::flow::{AgentStatus, EndReason, KindTag};

use super::conversation::History;
use super::library::LibraryError;
pub use super::mask::MASK;
pub(crate) use super::mask::{Secrets, mask_shared, mask_text};
use super::text::SharedStr;
use super::transport::TransportError;

/// Which text the contact received.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// A Message node.
    Message,
    /// An Ask's prompt.
    Prompt,
    /// An Ask's retry message (or its prompt again) after an invalid reply.
    Retry,
    /// A Queue node's message.
    Queue,
    /// An End node's message.
    End,
    /// A LiveChat's closing message.
    Closing,
}

/// Who answered an HTTP request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum AnswerSource {
    /// The scenario's mock at this index (0-based, in the scenario's order).
    Mock { index: usize },
    /// The built-in mock of the platform's API at `team.api_base`.
    PlatformApi,
    /// Nobody: no mock matched and the url is not the platform's.
    Unmocked,
    /// The real server: a live run sent the request out (SPEC.md section 11).
    Live,
}

/// Why an agent got the chat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignedBy {
    /// The LiveChat's route picked the agent.
    Route,
    /// The route's agent was not available: the department rule picked this one.
    Fallback,
    /// A `POST /chats/{id}/transfer` to the platform API.
    PlatformApi,
}

/// Ordered name-value pairs (headers, `extra_info`, `contact_info`), in the flow's order.
pub type Pairs = Vec<(SharedStr, SharedStr)>;

/// Writes pairs as a JSON object, in order.
pub(crate) fn pairs_as_map<S: Serializer>(pairs: &Pairs, serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(pairs.len()))?;
    for (name, value) in pairs {
        map.serialize_entry(name, value)?;
    }
    map.end()
}

/// An HTTP request as sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Request {
    pub method: &'static str,
    pub url: SharedStr,
    #[serde(serialize_with = "pairs_as_map")]
    pub headers: Pairs,
    pub body: SharedStr,
}

/// One message of the conversation before a handoff, as ALTU's OPEN_CONVERSATION event carries
/// it (`include_history`): who wrote it (`bot` or `contact`) and the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HistoryLine {
    pub from: Speaker,
    pub text: SharedStr,
}

/// A LiveChat handoff as the agent's widget shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Handoff {
    pub department: SharedStr,
    /// The route as written: `Agent("ana")`, `Sequential`.
    pub route: SharedStr,
    pub integration_id: i64,
    pub skill_id: SharedStr,
    #[serde(serialize_with = "pairs_as_map")]
    pub extra_info: Pairs,
    #[serde(serialize_with = "pairs_as_map")]
    pub contact_info: Pairs,
    pub include_history: bool,
    /// With `include_history`: every message the bot sent and every reply the contact gave since
    /// the run started, in order (the last [`HISTORY_LIMIT`]; `history_omitted` earlier ones).
    /// Each line was masked at its own step: a secret shows as `••••`.
    #[serde(skip_serializing_if = "History::is_empty")]
    pub history: History,
    #[serde(skip_serializing_if = "is_zero")]
    pub history_omitted: usize,
}

/// The most history lines a handoff carries: a long run's earlier lines are counted, not copied.
pub const HISTORY_LIMIT: usize = 1000;

// serde's `skip_serializing_if` hands a reference to the field.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(value: &usize) -> bool {
    *value == 0
}

/// A chat that opened without an agent: for `department` (tagged with it in the open chats), or
/// for anyone when `department` is empty (the `Unassigned` route). Any of `candidates` may take
/// it; `fallback` says why the route's own agent did not get it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Opened {
    pub department: SharedStr,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback: Option<Fallback>,
    pub candidates: Vec<Candidate>,
}

/// An agent who may take a chat that opened without one: chats now against capacity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub agent: SharedStr,
    pub name: SharedStr,
    pub active_chats: u32,
    /// 0 = no limit.
    pub capacity: u32,
}

/// Why the agent a route names did not get the chat, so that it went to the department.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Fallback {
    /// The agent is not available: their status and chats against capacity.
    Unavailable {
        agent: SharedStr,
        status: AgentStatus,
        active_chats: u32,
        capacity: u32,
    },
    /// No agent of the team has this id.
    NotInTeam { agent: SharedStr },
    /// The contact's custom field (`AgentFromField`) is empty.
    EmptyField { key: SharedStr },
    /// The contact has no last agent (`LastAgent`).
    NoLastAgent,
}

impl fmt::Display for Fallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fallback::Unavailable {
                agent,
                status,
                active_chats,
                capacity,
            } => {
                if *status == AgentStatus::Online {
                    write!(
                        f,
                        "{agent} is at capacity ({active_chats} of {capacity} chats)"
                    )
                } else {
                    write!(f, "{agent} is {}", status.as_str())
                }
            }
            Fallback::NotInTeam { agent } => write!(f, "`{agent}` is not in the team"),
            Fallback::EmptyField { key } => write!(f, "contact.custom.{key} is empty"),
            Fallback::NoLastAgent => f.write_str("the contact has no last agent"),
        }
    }
}

/// Why a SubFlow cannot run the flow it names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum CallProblem {
    /// The node names no flow.
    NoFlow,
    /// The library cannot give the flow.
    Library { error: LibraryError },
    /// The flow is already running: it calls itself, directly or through others (`chain`, from
    /// the flow being run to the one called again).
    Cycle { chain: Vec<String> },
    /// Calls nested deeper than [`super::subflow::MAX_CALL_DEPTH`].
    TooDeep { depth: usize },
    /// The called flows would hold more than [`super::subflow::MAX_CALLED_NODES`] nodes.
    TooLarge { nodes: usize },
    /// The called flow has no Entry to start at.
    NoEntry,
}

/// Why a run ended when the end's reason alone does not say it (data; `End::message` is the
/// same in English).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "cause", rename_all = "snake_case")]
pub enum EndCause {
    /// The scenario's `start` names no node of the flow.
    UnknownStart { node: String },
    /// A scenario `vars` entry names a value a flow cannot set (`chat.id`, `now.date`...).
    ReadOnlyPreset { name: String },
    /// A SubFlow cannot run the flow it names.
    SubFlow { flow: String, problem: CallProblem },
    /// An `Unassigned` handoff found nobody in the whole team available and has no wait time:
    /// the chat waits open for anyone.
    OpenForAnyone,
}

impl fmt::Display for EndCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndCause::UnknownStart { node } => write!(
                f,
                "the scenario starts at `{node}`, which is not a node of the flow"
            ),
            EndCause::ReadOnlyPreset { name } => write!(
                f,
                "the scenario presets `{name}`, which a flow cannot set: remove it from `vars`"
            ),
            EndCause::SubFlow { flow, problem } => match problem {
                CallProblem::NoFlow => {
                    f.write_str("the SubFlow names no flow: pick the flow it calls")
                }
                CallProblem::Library { error } => write!(f, "the called flow: {error}"),
                CallProblem::Cycle { chain } => write!(
                    f,
                    "the flow `{flow}` is already running: it calls itself ({})",
                    chain.join(" -> ")
                ),
                CallProblem::TooDeep { depth } => write!(
                    f,
                    "calling `{flow}` would nest {depth} called flows, more than a run allows"
                ),
                CallProblem::TooLarge { nodes } => write!(
                    f,
                    "calling `{flow}` would make the called flows hold {nodes} nodes, more than a run allows"
                ),
                CallProblem::NoEntry => write!(f, "the called flow `{flow}` has no Entry node"),
            },
            EndCause::OpenForAnyone => {
                f.write_str("nobody in the team is available: the chat waits open for anyone")
            }
        }
    }
}

/// One thing that happened during a step.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// A text sent to the contact (templates expanded).
    MessageSent {
        kind: MessageKind,
        text: SharedStr,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        buttons: Vec<SharedStr>,
    },
    /// A reply of the contact, and whether the Ask accepted it (and if not, why).
    ReplyRead {
        text: SharedStr,
        valid: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        problem: Option<String>,
    },
    /// The contact stayed silent (`NoReply`); `timeout_s` is the Ask's.
    Silence { timeout_s: u64 },
    /// An HTTP request, url, headers and body expanded (secrets shown as `••••`).
    RequestSent(Box<Request>),
    /// The answer to the request; `status` is none when nothing answered or it timed out.
    AnswerReceived {
        source: AnswerSource,
        status: Option<u16>,
        body: SharedStr,
        delay_ms: u64,
        timed_out: bool,
    },
    /// A variable changed; `old` is none when it had no value.
    VariableSet {
        name: SharedStr,
        old: Option<SharedStr>,
        new: SharedStr,
    },
    /// A Condition or BusinessHours picked a port: the case and rule that decided it
    /// (Condition; none for `else`), and why in words.
    BranchTaken {
        port: SharedStr,
        case: Option<u32>,
        rule: Option<u32>,
        why: String,
    },
    /// A LiveChat handoff began: what the agent's widget would show.
    HandoffStarted(Box<Handoff>),
    /// An agent got the chat: who, and why (the route, the fallback or the platform API).
    AgentAssigned {
        agent: SharedStr,
        name: SharedStr,
        by: AssignedBy,
        why: String,
    },
    /// A handoff found nobody available.
    NoAgentAvailable { department: SharedStr, why: String },
    /// The chat opened without an agent, and who may take it.
    ChatOpened(Box<Opened>),
    /// The run entered the flow a SubFlow node calls: `node` is the SubFlow, `flow` the called
    /// flow's name; the called flow's nodes are named `node/ID`.
    SubFlowStarted { node: SharedStr, flow: SharedStr },
    /// The called flow ended by End: the run goes on by the SubFlow's `done`.
    SubFlowDone { node: SharedStr, flow: SharedStr },
    /// The chat waits in a queue at this position.
    Queued { queue: SharedStr, position: u32 },
    /// The human conversation ended (`agent_closed`, `user_closed`, `timeout`,
    /// `user_inactivity_timeout`).
    HandoffEnded {
        outcome: &'static str,
        agent: Option<SharedStr>,
    },
    /// The simulated clock moved (a delay or a time-out) and now reads `now`.
    ClockAdvanced {
        by_ms: u64,
        now: String,
        why: String,
    },
    /// Something worth a look that did not stop the run (an empty variable, an unmocked call).
    Warning { message: String },
    /// A live request got no answer: what went wrong, as data (SPEC.md section 11).
    LiveFailed { error: TransportError },
    /// A live answer was longer than `limit_bytes`: its body holds only that much.
    AnswerCut { limit_bytes: u64 },
}

impl Event {
    /// Replaces every occurrence of each secret value by `••••` in the event's texts.
    pub(crate) fn mask(&mut self, secrets: &Secrets) {
        let visit = |text: &mut String| mask_text(text, secrets);
        match self {
            Event::MessageSent { text, buttons, .. } => {
                mask_shared(text, secrets);
                for button in buttons {
                    mask_shared(button, secrets);
                }
            }
            Event::ReplyRead { text, .. } => mask_shared(text, secrets),
            Event::RequestSent(request) => {
                mask_shared(&mut request.url, secrets);
                for (_, value) in &mut request.headers {
                    mask_shared(value, secrets);
                }
                mask_shared(&mut request.body, secrets);
            }
            Event::AnswerReceived { body, .. } => mask_shared(body, secrets),
            Event::VariableSet { old, new, .. } => {
                if let Some(old) = old {
                    mask_shared(old, secrets);
                }
                mask_shared(new, secrets);
            }
            Event::BranchTaken { why, .. }
            | Event::AgentAssigned { why, .. }
            | Event::NoAgentAvailable { why, .. } => visit(why),
            Event::HandoffStarted(handoff) => {
                let pairs = handoff.extra_info.iter_mut();
                for (_, value) in pairs.chain(handoff.contact_info.iter_mut()) {
                    mask_shared(value, secrets);
                }
                // The history's lines were masked at their own steps.
            }
            Event::Warning { message } => visit(message),
            Event::LiveFailed { error } => error.mask(secrets),
            Event::AnswerCut { .. }
            | Event::Silence { .. }
            | Event::ChatOpened(_)
            | Event::SubFlowStarted { .. }
            | Event::SubFlowDone { .. }
            | Event::Queued { .. }
            | Event::HandoffEnded { .. }
            | Event::ClockAdvanced { .. } => {}
        }
    }
}

fn quoted_or_none(value: Option<&SharedStr>) -> String {
    value.map_or_else(|| "unset".to_owned(), |value| format!("{value:?}"))
}

fn message_line(
    f: &mut fmt::Formatter<'_>,
    kind: MessageKind,
    text: &str,
    buttons: &[SharedStr],
) -> fmt::Result {
    let label = match kind {
        MessageKind::Message => "bot",
        MessageKind::Prompt => "bot asks",
        MessageKind::Retry => "bot asks again",
        MessageKind::Queue => "bot (queue)",
        MessageKind::End => "bot (end)",
        MessageKind::Closing => "bot (closing)",
    };
    write!(f, "{label}: {text}")?;
    for button in buttons {
        write!(f, " [{button}]")?;
    }
    Ok(())
}

fn handoff_lines(f: &mut fmt::Formatter<'_>, handoff: &Handoff) -> fmt::Result {
    write!(
        f,
        "handoff to {} by route {}",
        handoff.department, handoff.route
    )?;
    for (name, value) in &handoff.extra_info {
        write!(f, "\n  extra_info.{name}: {value}")?;
    }
    for (name, value) in &handoff.contact_info {
        write!(f, "\n  contact_info.{name}: {value}")?;
    }
    if handoff.history_omitted > 0 {
        write!(
            f,
            "\n  history: {} earlier messages left out",
            handoff.history_omitted
        )?;
    }
    for line in handoff.history.lines() {
        let from = match line.from {
            Speaker::Contact => "contact",
            Speaker::Bot | Speaker::System => "bot",
        };
        write!(f, "\n  history: {from}: {}", line.text)?;
    }
    Ok(())
}

fn chat_opened_line(
    f: &mut fmt::Formatter<'_>,
    department: &str,
    fallback: Option<&Fallback>,
    candidates: &[Candidate],
) -> fmt::Result {
    if let Some(fallback) = fallback {
        write!(f, "{fallback}; ")?;
    }
    if department.is_empty() {
        f.write_str("chat opened for anyone, without a department or an agent")?;
    } else {
        write!(
            f,
            "chat opened for department {department} without an agent"
        )?;
    }
    f.write_str("; may take it: ")?;
    for (index, candidate) in candidates.iter().enumerate() {
        if index > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{} ({}, ", candidate.name, candidate.agent)?;
        if candidate.capacity == 0 {
            write!(f, "{} chats, no limit)", candidate.active_chats)?;
        } else {
            write!(
                f,
                "{} of {} chats)",
                candidate.active_chats, candidate.capacity
            )?;
        }
    }
    Ok(())
}

fn answer_line(
    f: &mut fmt::Formatter<'_>,
    source: AnswerSource,
    status: Option<u16>,
    body: &str,
    delay_ms: u64,
    timed_out: bool,
) -> fmt::Result {
    let by = match source {
        AnswerSource::Mock { index } => format!("mock #{}", index + 1),
        AnswerSource::PlatformApi => "platform API".to_owned(),
        AnswerSource::Unmocked => "nobody (unmocked)".to_owned(),
        AnswerSource::Live => "the live API".to_owned(),
    };
    if timed_out {
        write!(f, "answer: timed out ({by}, {delay_ms} ms)")
    } else if let Some(status) = status {
        write!(f, "answer: {status} from {by} after {delay_ms} ms: {body}")
    } else {
        write!(f, "answer: none from {by}")
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::MessageSent {
                kind,
                text,
                buttons,
            } => message_line(f, *kind, text, buttons),
            Event::ReplyRead {
                text,
                valid,
                problem,
            } => {
                write!(f, "contact: {text}")?;
                if !valid {
                    write!(
                        f,
                        "  (invalid: {})",
                        problem.as_deref().unwrap_or("rejected")
                    )?;
                }
                Ok(())
            }
            Event::Silence { timeout_s } => {
                if *timeout_s > 0 {
                    write!(f, "contact stays silent ({timeout_s} s time-out)")
                } else {
                    write!(f, "contact stays silent (the Ask has no time-out)")
                }
            }
            Event::RequestSent(request) => {
                write!(f, "request: {} {}", request.method, request.url)?;
                for (name, value) in &request.headers {
                    write!(f, "\n  {name}: {value}")?;
                }
                if !request.body.is_empty() {
                    write!(f, "\n  body: {}", request.body)?;
                }
                Ok(())
            }
            Event::AnswerReceived {
                source,
                status,
                body,
                delay_ms,
                timed_out,
            } => answer_line(f, *source, *status, body, *delay_ms, *timed_out),
            Event::VariableSet { name, old, new } => {
                write!(
                    f,
                    "set {name} = {new:?} (was {})",
                    quoted_or_none(old.as_ref())
                )
            }
            Event::BranchTaken { port, why, .. } => write!(f, "branch `{port}`: {why}"),
            Event::HandoffStarted(handoff) => handoff_lines(f, handoff),
            Event::AgentAssigned {
                agent, name, why, ..
            } => {
                write!(f, "agent assigned: {name} ({agent}): {why}")
            }
            // `why` already names the department and each member's state.
            Event::NoAgentAvailable { why, .. } => f.write_str(why),
            Event::ChatOpened(opened) => chat_opened_line(
                f,
                &opened.department,
                opened.fallback.as_ref(),
                &opened.candidates,
            ),
            Event::SubFlowStarted { node, flow } => {
                write!(f, "enters the flow {flow:?} (called by {node})")
            }
            Event::SubFlowDone { node, flow } => {
                write!(f, "the flow {flow:?} ended: back to {node} by done")
            }
            Event::Queued { queue, position } => {
                write!(f, "queued in {queue} at position {position}")
            }
            Event::HandoffEnded { outcome, agent } => match agent {
                Some(agent) => write!(f, "handoff ended: {outcome} (agent {agent})"),
                None => write!(f, "handoff ended: {outcome}"),
            },
            Event::ClockAdvanced { by_ms, now, why } => {
                write!(f, "clock +{by_ms} ms ({why}): now {now}")
            }
            Event::Warning { message } => write!(f, "warning: {message}"),
            Event::LiveFailed { error } => write!(f, "live request failed: {error}"),
            Event::AnswerCut { limit_bytes } => {
                write!(
                    f,
                    "answer cut: only its first {limit_bytes} bytes were kept"
                )
            }
        }
    }
}

/// One executed step, with the events it caused.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Step<'a> {
    /// 0-based position in the run.
    pub index: usize,
    /// The node executed.
    pub node: &'a str,
    pub kind: KindTag,
    /// The output port the run left by; none when the run ended or stayed on an Ask.
    pub port: Option<&'a str>,
    /// The node the run moved to.
    pub to: Option<&'a str>,
    pub events: &'a [Event],
}

/// How and where a run ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct End {
    pub reason: EndReason,
    /// The node the run ended on (none when it could not start).
    pub node: Option<String>,
    /// Why, in words (the error text for `Error`).
    pub message: String,
    /// For `Queued`: the queue (department) and the position in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// Why, as data, for the ends that need more than the reason (a bad `start`, a SubFlow that
    /// cannot run, a chat waiting open for anyone); `message` says the same in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<Box<EndCause>>,
}

impl End {
    pub(crate) fn new(reason: EndReason, node: Option<&str>, message: impl Into<String>) -> End {
        End {
            reason,
            node: node.map(str::to_owned),
            message: message.into(),
            queue: None,
            position: None,
            cause: None,
        }
    }

    /// An end for `cause`, its message the cause in words.
    pub(crate) fn caused(reason: EndReason, node: Option<&str>, cause: EndCause) -> End {
        End {
            message: cause.to_string(),
            cause: Some(Box::new(cause)),
            ..End::new(reason, node, String::new())
        }
    }
}

impl fmt::Display for End {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.reason.as_str())?;
        if let Some(node) = &self.node {
            write!(f, " at {node}")?;
        }
        if let (Some(queue), Some(position)) = (&self.queue, self.position) {
            write!(f, " (queue {queue}, position {position})")?;
        }
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        Ok(())
    }
}

/// Whether a run can go on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    Running,
    /// Ended; a `WaitingReply` end goes on after [`crate::sim::Run::give_reply`].
    Ended(End),
}

/// Who speaks in a transcript line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Speaker {
    Bot,
    Contact,
    /// What happened around the chat: silence, handoffs, agents, queues.
    System,
}

/// One line of the chat as the contact and the team would see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    /// The step that produced it.
    pub step: usize,
    pub speaker: Speaker,
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<String>,
}

impl Line {
    /// The transcript line an event makes, if any.
    pub(crate) fn from_event(step: usize, event: &Event) -> Option<Line> {
        let (speaker, text, buttons) = match event {
            Event::MessageSent { text, buttons, .. } => (
                Speaker::Bot,
                text.to_string(),
                buttons.iter().map(ToString::to_string).collect(),
            ),
            Event::ReplyRead { text, .. } => (Speaker::Contact, text.to_string(), Vec::new()),
            Event::Silence { .. }
            | Event::AgentAssigned { .. }
            | Event::NoAgentAvailable { .. }
            | Event::ChatOpened(_)
            | Event::SubFlowStarted { .. }
            | Event::SubFlowDone { .. }
            | Event::Queued { .. }
            | Event::HandoffStarted(_)
            | Event::HandoffEnded { .. } => (Speaker::System, event.to_string(), Vec::new()),
            _ => return None,
        };
        Some(Line {
            step,
            speaker,
            text,
            buttons,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_hides_every_secret_occurrence() {
        let mut event = Event::RequestSent(Box::new(Request {
            method: "GET",
            url: "https://x/?t=s3cr3t".into(),
            headers: vec![("Authorization".into(), "Bearer s3cr3t".into())],
            body: "{\"k\": \"s3cr3t\", \"p\": \"pw\"}".into(),
        }));
        event.mask(&Secrets::new(vec![
            "s3cr3t".into(),
            "pw".into(),
            String::new(),
        ]));
        let text = event.to_string();
        assert!(!text.contains("s3cr3t"), "{text}");
        assert!(!text.contains("\"pw\""), "{text}");
        assert!(text.contains("Bearer ••••"), "{text}");
    }

    #[test]
    fn events_serialize_with_a_tag() {
        let event = Event::Queued {
            queue: "Suporte".into(),
            position: 2,
        };
        let json = serde_json::to_string(&event).unwrap();
        assert_eq!(json, r#"{"event":"queued","queue":"Suporte","position":2}"#);
        assert_eq!(event.to_string(), "queued in Suporte at position 2");
    }
}
