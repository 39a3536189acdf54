//! "Send for real" on one Request node (the window's inspector, SPEC.md section 11), and "Keep as
//! mock".
//!
//! [`send_one`] expands the node exactly as a run would: it runs a three-node flow (an Entry, a
//! SetVariable with the values given, the node itself) with the scenario's contact, clock, team
//! and secrets, live, with no scenario mock, so the request goes out through the transport. What
//! was sent and received comes back with secrets as `••••`. [`keep_as_mock`] turns the answer
//! into a scenario [`Mock`] (the url as sent with each secret as `*`, the status, the body, the
//! time it took as `delay_ms`), and [`keep_as_mock_command`] into one undoable edit.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use crate::edit::Command;
use crate::flow::{Edge, Flow, KindTag, Method, Mock, MockFail, NodeKind, Scenario};
use crate::template;

use super::{LiveAnswer, LiveTransport, Outgoing, Transport, TransportError};
use crate::sim::{Event, MASK, Options, Request, Run};

/// What came back from a request sent for real, secrets as `••••`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    pub status: u16,
    /// From sending to the last byte read.
    pub elapsed_ms: u64,
    pub headers: Vec<(String, String)>,
    /// The body as received (cut at [`super::LIVE_MAX_ANSWER_BYTES`] when `cut`).
    pub body: String,
    pub cut: bool,
}

impl Received {
    /// Whether the status is 2xx (the node would leave by `ok`).
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body to show: indented when it is JSON (keys in the order received), else as it is.
    pub fn shown_body(&self) -> String {
        pretty_json(&self.body).unwrap_or_else(|| self.body.clone())
    }
}

/// One Request node sent for real.
#[derive(Clone, Debug, PartialEq)]
pub struct SentForReal {
    pub node: String,
    pub method: Method,
    /// What was sent: url, headers and body expanded, secrets as `••••`.
    pub request: Request,
    /// The url as sent with each secret replaced by `*`: a mock glob that matches it again.
    pub mock_url: String,
    /// What the expansion warned about (a name with no value expands to "").
    pub warnings: Vec<String>,
    /// The answer, or why there is none.
    pub outcome: Result<Received, TransportError>,
}

/// Why a node could not be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendOneError {
    /// The flow has no node with this id.
    NoSuchNode { node: String },
    /// The node is not a Request.
    NotARequest { node: String },
    /// The request could not be made (its expansion ended the run): why, in the run's words.
    NotSent { node: String, why: String },
}

impl fmt::Display for SendOneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendOneError::NoSuchNode { node } => write!(f, "the flow has no node `{node}`"),
            SendOneError::NotARequest { node } => write!(f, "`{node}` is not a Request node"),
            SendOneError::NotSent { node, why } => write!(f, "`{node}` was not sent: {why}"),
        }
    }
}

impl std::error::Error for SendOneError {}

/// The names a Request node's url, headers and body read, in order, each once, secrets left
/// out: what the window asks for before "Send for real" (with their last values).
pub fn request_inputs(flow: &Flow, node_id: &str) -> Vec<String> {
    let Some(NodeKind::Request {
        url, headers, body, ..
    }) = flow.node(node_id).map(|node| &node.kind)
    else {
        return Vec::new();
    };
    let mut names: Vec<String> = Vec::new();
    let sources = std::iter::once(url.as_str())
        .chain(headers.values().map(String::as_str))
        .chain(std::iter::once(body.as_str()));
    for source in sources {
        for name in template::names_in(source) {
            if !name.starts_with("secret.") && !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// Keeps what the transport answered, so that the caller gets the headers and the whole body.
struct Recorder {
    inner: Arc<dyn Transport>,
    got: Mutex<Option<Result<LiveAnswer, TransportError>>>,
}

impl Transport for Recorder {
    fn send(&self, request: &Outgoing<'_>) -> Result<LiveAnswer, TransportError> {
        let result = self.inner.send(request);
        if let Ok(mut got) = self.got.lock() {
            *got = Some(result.clone());
        }
        result
    }
}

/// Sends the Request node `node_id` for real, expanded with `scenario`'s contact, clock, team
/// state and secrets (`env_secrets` first, as in a run), plus `vars` (flow variables and
/// `contact.custom.KEY` values, set before the request as a SetVariable would). The scenario's
/// mocks are ignored and the platform mock is off: the request goes out through `transport`,
/// on the caller's thread. Everything returned shows secrets as `••••`.
pub fn send_one(
    flow: &Flow,
    node_id: &str,
    scenario: &Scenario,
    vars: &BTreeMap<String, String>,
    env_secrets: &BTreeMap<String, String>,
    transport: Arc<dyn Transport>,
) -> Result<SentForReal, SendOneError> {
    let node = flow.node(node_id).ok_or_else(|| SendOneError::NoSuchNode {
        node: node_id.to_owned(),
    })?;
    let NodeKind::Request { method, .. } = &node.kind else {
        return Err(SendOneError::NotARequest {
            node: node_id.to_owned(),
        });
    };
    let method = *method;
    let one = one_request_flow(flow, node_id, vars);
    // Only the world the request is expanded in: no mocks, replies or expectations, and none
    // of what a scenario may add later (a `start` would name a node this run does not have).
    let scenario = Scenario {
        name: scenario.name.clone(),
        contact: scenario.contact.clone(),
        agents: scenario.agents.clone(),
        clock: scenario.clock.clone(),
        seed: scenario.seed,
        secrets: scenario.secrets.clone(),
        ..Scenario::default()
    };
    let recorder = Arc::new(Recorder {
        inner: transport,
        got: Mutex::new(None),
    });
    let options = Options {
        env_secrets: env_secrets.clone(),
        live: Some(LiveTransport::from_arc(recorder.clone())),
        step_limit: 8,
        ..Options::default()
    };
    let mut run = Run::new(&one, &scenario, options);
    run.run_to_end();
    let not_sent = |run: &Run| SendOneError::NotSent {
        node: node_id.to_owned(),
        why: run.end().map(|end| end.message.clone()).unwrap_or_default(),
    };
    let Some(step) = run.steps().find(|step| step.node == node_id) else {
        return Err(not_sent(&run));
    };
    let mut request = None;
    let mut failure = None;
    let mut warnings = Vec::new();
    for event in step.events {
        match event {
            Event::RequestSent(sent) => request = Some((**sent).clone()),
            Event::LiveFailed { error } => failure = Some(error.clone()),
            Event::Warning { message } => warnings.push(message.clone()),
            _ => {}
        }
    }
    let got = recorder.got.lock().ok().and_then(|mut got| got.take());
    let (Some(request), Some(got)) = (request, got) else {
        return Err(not_sent(&run));
    };
    let outcome = match got {
        Ok(answer) => Ok(Received {
            status: answer.status,
            elapsed_ms: answer.elapsed_ms,
            headers: answer
                .headers
                .iter()
                .map(|(name, value)| (name.clone(), run.masked(value)))
                .collect(),
            body: run.masked(&answer.body),
            cut: answer.cut,
        }),
        // The event's copy is masked.
        Err(error) => Err(failure.unwrap_or(error)),
    };
    Ok(SentForReal {
        node: node_id.to_owned(),
        method,
        mock_url: request.url.replace(MASK, "*"),
        request,
        warnings,
        outcome,
    })
}

/// Entry -> SetVariable(`vars`) -> the Request `node_id`, with the flow's team.
fn one_request_flow(flow: &Flow, node_id: &str, vars: &BTreeMap<String, String>) -> Flow {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    if let Some(request) = flow.node(node_id) {
        let mut entry = request.clone();
        entry.id = format!("{node_id}-entry");
        entry.kind = KindTag::Entry.default_kind();
        let mut from = entry.id.clone();
        nodes.push(entry);
        if !vars.is_empty() {
            let mut setter = request.clone();
            setter.id = format!("{node_id}-vars");
            let mut kind = KindTag::SetVariable.default_kind();
            if let NodeKind::SetVariable { set } = &mut kind {
                set.extend(
                    vars.iter()
                        .map(|(name, value)| (name.clone(), value.clone())),
                );
            }
            setter.kind = kind;
            let to = setter.id.clone();
            edges.push(Edge::new(
                std::mem::replace(&mut from, to),
                "next",
                setter.id.clone(),
            ));
            nodes.push(setter);
        }
        edges.push(Edge::new(from, "next", node_id));
        nodes.push(request.clone());
    }
    Flow {
        name: flow.name.clone(),
        nodes,
        edges,
        team: flow.team.clone(),
        ..Flow::default()
    }
}

/// The answer as a scenario mock: the url as sent with each secret as `*`, the method, the
/// status, the body (secrets as `••••`) and the time it took as `delay_ms`. A time-out is kept
/// as `fail: Timeout`; a request that got no answer otherwise (a refused connection, a name that
/// does not resolve) has nothing to keep.
pub fn keep_as_mock(sent: &SentForReal) -> Option<Mock> {
    match &sent.outcome {
        Ok(received) => Some(Mock {
            method: Some(sent.method),
            url: sent.mock_url.clone(),
            status: received.status,
            body: received.body.clone(),
            delay_ms: received.elapsed_ms,
            fail: None,
        }),
        Err(TransportError::TimedOut { .. }) => Some(Mock {
            method: Some(sent.method),
            url: sent.mock_url.clone(),
            fail: Some(MockFail::Timeout),
            ..Mock::default()
        }),
        Err(_) => None,
    }
}

/// Adds a kept mock where it answers: in place of a mock with the same method and url (kept
/// again), else first, so that no broader mock (`*/agents/*`) shadows it.
pub fn add_kept_mock(mocks: &mut Vec<Mock>, mock: Mock) {
    match mocks
        .iter_mut()
        .find(|old| old.method == mock.method && old.url == mock.url)
    {
        Some(old) => *old = mock,
        None => mocks.insert(0, mock),
    }
}

/// "Keep as mock" as one undoable edit: the flow's scenarios with the answer added to the
/// scenario at `scenario_index`. None when there is no such scenario or nothing to keep.
pub fn keep_as_mock_command(
    flow: &Flow,
    scenario_index: usize,
    sent: &SentForReal,
) -> Option<Command> {
    let mock = keep_as_mock(sent)?;
    let mut scenarios = flow.scenarios.clone();
    add_kept_mock(&mut scenarios.get_mut(scenario_index)?.mocks, mock);
    Some(Command::SetScenarios(scenarios))
}

/// `text` indented two spaces per level when it is JSON, keys and numbers exactly as written;
/// none when it is not JSON.
pub(crate) fn pretty_json(text: &str) -> Option<String> {
    serde_json::from_str::<serde::de::IgnoredAny>(text).ok()?;
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut depth = 0_usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = text.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                while chars.next_if(|next| next.is_whitespace()).is_some() {}
                let close = if c == '{' { '}' } else { ']' };
                out.push(c);
                if chars.next_if_eq(&close).is_some() {
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    Some(out)
}
