//! The Request node ("Enviar requisição"): expand url, headers and body; ask [`super::http`] who
//! answers; move the clock by the answer's delay (or the node's `timeout_ms` on a time-out); set
//! `http.status` and `http.body`; from a 2xx answer set each `save` variable from its JSON path.
//! A 2xx answer leaves by `ok`; any other status, a time-out or an unmocked call by `error`.
//! A live run sends what no mock answers through its transport (`super::transport`).

use std::sync::Arc;

use serde_json::Value;

use crate::flow::MockFail;

use super::event::{AnswerSource, AssignedBy, Event, Pairs, Request};
use super::exec::{Exec, Next};
use super::http::{self, Resolution};
use super::json_path::text_of;
use super::program::{RequestOp, port};
use super::text::SharedStr;
use super::transport;

pub(crate) fn run(x: &mut Exec<'_>, op: &RequestOp) -> Next {
    let dirty_before = x.world.dirty;
    let url = x.render(&op.url);
    let url_tainted = x.last_tainted;
    // A header (`Authorization: Bearer {{secret.token}}`) goes nowhere but this event: it is
    // expanded masked, so that the answer and what it sets stay clean.
    let headers: Pairs = op
        .headers
        .iter()
        .map(|(name, value)| (name.clone(), x.render_shown(value)))
        .collect();
    // A live run sends the headers' real values (SPEC.md section 11); the event shows `headers`.
    let live = x.setup.live.clone();
    let sent_headers = live.as_ref().map(|_| transport::real_headers(x, op));
    let body = x.render(&op.body);
    // Only the url and the body reach the answer (a transfer echoes its agentId).
    x.world.dirty = dirty_before || url_tainted || x.last_tainted;
    let team = Arc::clone(&x.world.team);
    let resolution = if live.is_some() {
        // Live: the scenario's mocks answer first; the built-in platform mock is off.
        http::mock_for(&x.setup.mocks, op.method, &url)
            .map_or(Resolution::Unmocked, Resolution::Mock)
    } else {
        http::resolve(&x.setup.mocks, &team, x.world, op.method, &url, &body)
    };
    let method = op.method.as_str();
    let live_call = match (live, sent_headers) {
        (Some(live), Some(headers)) if resolution == Resolution::Unmocked => {
            Some((live, headers, url.clone(), body.clone()))
        }
        _ => None,
    };
    let unmocked = (resolution == Resolution::Unmocked && live_call.is_none()).then(|| {
        format!(
            "no mock answers {method} {url}, and it is not the platform API at team.api_base: add a mock to the scenario"
        )
    });
    x.events.push(Event::RequestSent(Box::new(Request {
        method,
        url,
        headers,
        body,
    })));
    match resolution {
        Resolution::Mock(index) => mocked(x, op, index),
        Resolution::Platform(answer) => {
            let body = answer.body();
            x.events.push(Event::AnswerReceived {
                source: AnswerSource::PlatformApi,
                status: Some(answer.status),
                body: body.clone(),
                delay_ms: 0,
                timed_out: false,
            });
            if let Some((index, why)) = answer.assign.clone() {
                assign(x, index, why);
            }
            finish(x, op, answer.status, body, Some(&answer.json))
        }
        Resolution::Unmocked => {
            if let Some((live, headers, url, body)) = live_call {
                return transport::call(x, op, &live, &url, &headers, &body);
            }
            x.events.push(Event::AnswerReceived {
                source: AnswerSource::Unmocked,
                status: None,
                body: x.program.empty.clone(),
                delay_ms: 0,
                timed_out: false,
            });
            x.warn(unmocked.unwrap_or_default());
            clear(x);
            Next::Port(port::ERROR)
        }
    }
}

fn mocked(x: &mut Exec<'_>, op: &RequestOp, index: usize) -> Next {
    let setup = x.setup;
    let Some(mock) = setup.mocks.get(index) else {
        clear(x);
        return Next::Port(port::ERROR);
    };
    let timed_out = mock.fail == Some(MockFail::Timeout)
        || (op.timeout_ms > 0 && mock.delay_ms >= op.timeout_ms);
    if timed_out {
        x.events.push(Event::AnswerReceived {
            source: AnswerSource::Mock { index },
            status: None,
            body: x.program.empty.clone(),
            delay_ms: op.timeout_ms,
            timed_out: true,
        });
        x.advance(
            op.timeout_ms,
            format!(
                "the request timed out after its timeout_ms ({} ms)",
                op.timeout_ms
            ),
        );
        clear(x);
        return Next::Port(port::ERROR);
    }
    let body = x.render(&mock.body);
    x.events.push(Event::AnswerReceived {
        source: AnswerSource::Mock { index },
        status: Some(mock.status),
        body: body.clone(),
        delay_ms: mock.delay_ms,
        timed_out: false,
    });
    x.advance(
        mock.delay_ms,
        format!("mock #{} answered after {} ms", index + 1, mock.delay_ms),
    );
    finish(x, op, mock.status, body, None)
}

/// Gives the chat to an agent through the platform API's transfer.
fn assign(x: &mut Exec<'_>, index: usize, why: String) {
    let Some((id, name)) = x.world.team.labels.get(index).cloned() else {
        return;
    };
    if let Some(state) = x.world.agents.get_mut(index) {
        state.active_chats = state.active_chats.saturating_add(1);
    }
    // A transfer opens the chat for the agent: the agent takes the department's place.
    x.world
        .give_to(id.clone(), super::text::SharedStr::default());
    x.events.push(Event::AgentAssigned {
        agent: id,
        name,
        by: AssignedBy::PlatformApi,
        why,
    });
}

/// `http.status` and `http.body` empty: nothing answered.
pub(crate) fn clear(x: &mut Exec<'_>) {
    let program = x.program;
    x.set(&program.http_status, program.empty.clone());
    x.set(&program.http_body, program.empty.clone());
}

/// Sets `http.*` and, for a 2xx answer, the `save` variables; picks the port.
pub(crate) fn finish(
    x: &mut Exec<'_>,
    op: &RequestOp,
    status: u16,
    body: SharedStr,
    json: Option<&Value>,
) -> Next {
    let program = x.program;
    x.set(&program.http_status, program.status_text(status));
    let is_ok = (200..300).contains(&status);
    if is_ok && !op.save.is_empty() {
        save(x, op, &body, json);
    }
    x.set(&program.http_body, body);
    Next::Port(if is_ok { port::OK } else { port::ERROR })
}

fn save(x: &mut Exec<'_>, op: &RequestOp, body: &SharedStr, json: Option<&Value>) {
    let parsed;
    let json = if let Some(json) = json {
        Ok(json)
    } else {
        parsed = serde_json::from_str::<Value>(body.as_str());
        parsed.as_ref().map_err(ToString::to_string)
    };
    for (target, path) in &op.save {
        let name = &target.name;
        let value = match (path, &json) {
            (Err(problem), _) => {
                x.warn(format!("save `{name}`: {problem}"));
                x.program.empty.clone()
            }
            (Ok(path), _) if path.is_whole() => body.clone(),
            (Ok(path), Ok(json)) => {
                if let Some(found) = path.find(json) {
                    text_of(found)
                } else {
                    x.warn(format!(
                        "save `{name}`: the answer has nothing at this path"
                    ));
                    x.program.empty.clone()
                }
            }
            (Ok(_), Err(problem)) => {
                x.warn(format!("save `{name}`: the answer is not JSON ({problem})"));
                x.program.empty.clone()
            }
        };
        x.set(target, value);
    }
}
