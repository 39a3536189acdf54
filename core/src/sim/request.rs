//! The Request node ("Enviar requisição"): expand url, headers and body; ask [`super::http`] who
//! answers; move the clock by the answer's delay (or the node's `timeout_ms` on a time-out); set
//! `http.status` and `http.body`; from a 2xx answer set each `save` variable from its JSON path.
//! A 2xx answer leaves by `ok`; any other status, a time-out or an unmocked call by `error`.

use indexmap::IndexMap;
use serde_json::Value;

use crate::flow::MockFail;

use super::event::{AnswerSource, AssignedBy, Event};
use super::exec::{Exec, Next};
use super::http::{self, Resolution};
use super::json_path::text_of;
use super::program::{RequestOp, port};

pub(crate) fn run(x: &mut Exec<'_>, op: &RequestOp) -> Next {
    let url = x.render(&op.url);
    let headers: IndexMap<String, String> = op
        .headers
        .iter()
        .map(|(name, value)| (name.clone(), x.render(value)))
        .collect();
    let body = x.render(&op.body);
    let resolution = http::resolve(&x.setup.mocks, x.world, op.method, &url, &body);
    let method = op.method.as_str();
    let shown = format!("{method} {url}");
    x.events.push(Event::RequestSent {
        method,
        url,
        headers,
        body,
    });
    match resolution {
        Resolution::Mock(index) => mocked(x, op, index),
        Resolution::Platform(answer) => {
            let body = answer.json.to_string();
            x.events.push(Event::AnswerReceived {
                source: AnswerSource::PlatformApi,
                status: Some(answer.status),
                body: body.clone(),
                delay_ms: 0,
                timed_out: false,
            });
            if let Some(index) = answer.assign {
                assign(x, index, &answer.route);
            }
            finish(x, op, answer.status, body, Some(&answer.json))
        }
        Resolution::Unmocked => {
            x.events.push(Event::AnswerReceived {
                source: AnswerSource::Unmocked,
                status: None,
                body: String::new(),
                delay_ms: 0,
                timed_out: false,
            });
            x.warn(format!(
                "no mock answers {shown}, and it is not the platform API at team.api_base: add a mock to the scenario"
            ));
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
            body: String::new(),
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
fn assign(x: &mut Exec<'_>, index: usize, route: &str) {
    let Some(agent) = x.world.team.team.agents.get(index) else {
        return;
    };
    let (id, name) = (agent.id.clone(), agent.display_name().to_owned());
    if let Some(state) = x.world.agents.get_mut(index) {
        state.active_chats = state.active_chats.saturating_add(1);
    }
    x.world.assigned = Some(id.clone());
    x.events.push(Event::AgentAssigned {
        agent: id,
        name,
        by: AssignedBy::PlatformApi,
        why: format!("{route} transferred the chat"),
    });
}

/// `http.status` and `http.body` empty: nothing answered.
fn clear(x: &mut Exec<'_>) {
    let (status, body) = (x.program.http_status, x.program.http_body);
    x.set(status, "http.status", String::new());
    x.set(body, "http.body", String::new());
}

/// Sets `http.*` and, for a 2xx answer, the `save` variables; picks the port.
fn finish(
    x: &mut Exec<'_>,
    op: &RequestOp,
    status: u16,
    body: String,
    json: Option<&Value>,
) -> Next {
    let (status_var, body_var) = (x.program.http_status, x.program.http_body);
    x.set(status_var, "http.status", status.to_string());
    let is_ok = (200..300).contains(&status);
    if is_ok && !op.save.is_empty() {
        save(x, op, &body, json);
    }
    x.set(body_var, "http.body", body);
    Next::Port(if is_ok { port::OK } else { port::ERROR })
}

fn save(x: &mut Exec<'_>, op: &RequestOp, body: &str, json: Option<&Value>) {
    let parsed;
    let json = if let Some(json) = json {
        Ok(json)
    } else {
        parsed = serde_json::from_str::<Value>(body);
        parsed.as_ref().map_err(ToString::to_string)
    };
    for (var, name, path) in &op.save {
        let value = match (path, &json) {
            (Err(problem), _) => {
                x.warn(format!("save `{name}`: {problem}"));
                String::new()
            }
            (Ok(path), _) if path.is_whole() => body.to_owned(),
            (Ok(path), Ok(json)) => {
                if let Some(found) = path.find(json) {
                    text_of(found)
                } else {
                    x.warn(format!(
                        "save `{name}`: the answer has nothing at this path"
                    ));
                    String::new()
                }
            }
            (Ok(_), Err(problem)) => {
                x.warn(format!("save `{name}`: the answer is not JSON ({problem})"));
                String::new()
            }
        };
        x.set(*var, name, value);
    }
}
