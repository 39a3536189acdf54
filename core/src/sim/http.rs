//! Who answers a Request (SPEC.md section 4, docs/decisions.md "Request"): the scenario's mocks
//! in order (method if given, url glob on the whole expanded url), then the built-in mock of the
//! platform's API under `team.api_base`, else nobody. Nothing here touches the network.

use std::borrow::Cow;

use serde_json::{Value, json};

use crate::flow::Method;

use super::program::TeamData;
use super::setup::MockOp;
use super::text::SharedStr;
use super::world::World;

/// An answer of the built-in platform API.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlatformAnswer<'a> {
    pub(crate) status: u16,
    /// The answer's JSON, borrowed from the team's cache when it is an agent's.
    pub(crate) json: Cow<'a, Value>,
    /// The body as text, when the cache has it.
    cached_body: Option<&'a SharedStr>,
    /// The agent (index in the team) a transfer assigns the chat to, and why in words.
    pub(crate) assign: Option<(usize, String)>,
}

impl PlatformAnswer<'_> {
    /// The body as text.
    pub(crate) fn body(&self) -> SharedStr {
        match self.cached_body {
            Some(body) => body.clone(),
            None => serde_json::to_string(&*self.json)
                .unwrap_or_default()
                .into(),
        }
    }
}

/// Who answers.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Resolution<'a> {
    Mock(usize),
    Platform(PlatformAnswer<'a>),
    Unmocked,
}

/// Decides who answers `method url` with `body`, without side effects. `team` is the world's
/// team, passed apart so that the answer can borrow from it while the world changes.
pub(crate) fn resolve<'a>(
    mocks: &[MockOp],
    team: &'a TeamData,
    world: &World,
    method: Method,
    url: &str,
    body: &str,
) -> Resolution<'a> {
    if let Some(index) = mock_for(mocks, method, url) {
        return Resolution::Mock(index);
    }
    platform(team, world, method, url, body).map_or(Resolution::Unmocked, Resolution::Platform)
}

/// The first scenario mock that answers `method url`, if any (a live run asks only these).
pub(crate) fn mock_for(mocks: &[MockOp], method: Method, url: &str) -> Option<usize> {
    mocks
        .iter()
        .position(|mock| mock.method.is_none_or(|wanted| wanted == method) && glob(&mock.url, url))
}

/// Whether `text` matches `pattern` as a whole, `*` matching any run of characters (also none).
pub(crate) fn glob(pattern: &str, text: &str) -> bool {
    let pattern = pattern.as_bytes();
    let text = text.as_bytes();
    let (mut p, mut t) = (0, 0);
    // The last `*` seen, and where in `text` it started matching: backtrack to it on a mismatch.
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&byte) if byte == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((star_p, star_t)) => {
                    p = star_p + 1;
                    t = star_t + 1;
                    star = Some((star_p, star_t + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&byte| byte == b'*')
}

/// The built-in platform API: `GET /agents/{id}` and `POST /chats/{id}/transfer` under a
/// non-empty `team.api_base` (query and fragment ignored). Anything else is none of its business.
fn platform<'a>(
    team: &'a TeamData,
    world: &World,
    method: Method,
    url: &str,
    body: &str,
) -> Option<PlatformAnswer<'a>> {
    let base = team.api_base.as_str();
    if base.is_empty() {
        return None;
    }
    let rest = url.trim().strip_prefix(base)?;
    let path = rest.split(['?', '#']).next().unwrap_or("");
    if !path.is_empty() && !path.starts_with('/') {
        return None;
    }
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let parts = (
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
    );
    match (method, parts) {
        (Method::Get, (Some("agents"), Some(id), None, None)) => Some(agent(team, world, id)),
        (Method::Post, (Some("chats"), Some(chat), Some("transfer"), None)) => {
            Some(transfer(team, world, chat, body))
        }
        _ => None,
    }
}

fn answer<'a>(status: u16, json: Value) -> PlatformAnswer<'a> {
    PlatformAnswer {
        status,
        json: Cow::Owned(json),
        cached_body: None,
        assign: None,
    }
}

fn not_found<'a>(id: &str) -> PlatformAnswer<'a> {
    answer(404, json!({"error": format!("agent `{id}` not found")}))
}

/// `{"available", "departments", "id", "name", "status"}` from the run's current team.
fn agent<'a>(team: &'a TeamData, world: &World, id: &str) -> PlatformAnswer<'a> {
    let cached = team.agent_index(id).and_then(|index| {
        let state = world.agents.get(index)?;
        team.agent_answer(index, state.status, world.is_available(index))
    });
    match cached {
        Some(cached) => PlatformAnswer {
            status: 200,
            json: Cow::Borrowed(&cached.json),
            cached_body: Some(&cached.body),
            assign: None,
        },
        None => not_found(id),
    }
}

fn transfer<'a>(team: &TeamData, world: &World, chat: &str, body: &str) -> PlatformAnswer<'a> {
    let agent_id =
        serde_json::from_str::<Value>(body)
            .ok()
            .and_then(|value| match value.get("agentId") {
                Some(Value::String(id)) => Some(id.trim().to_owned()),
                Some(Value::Number(id)) => Some(id.to_string()),
                _ => None,
            });
    let Some(agent_id) = agent_id else {
        return answer(
            400,
            json!({"error": "the body must be JSON with an agentId, e.g. {\"agentId\": \"ana\"}"}),
        );
    };
    let Some(index) = team.agent_index(&agent_id) else {
        return not_found(&agent_id);
    };
    if !world.is_available(index) {
        let status = world
            .agents
            .get(index)
            .map_or("offline", |state| state.status.as_str());
        return answer(
            409,
            json!({"error": "agent not available", "agentId": agent_id, "status": status}),
        );
    }
    PlatformAnswer {
        status: 200,
        json: Cow::Owned(json!({"chatId": chat, "agentId": agent_id, "status": "transferred"})),
        cached_body: None,
        assign: Some((
            index,
            format!("POST /chats/{chat}/transfer transferred the chat"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_whole_urls() {
        assert!(glob("*", ""));
        assert!(glob("*", "https://x/y"));
        assert!(glob("*/agents/*", "https://api.huggy.app/v3/agents/ana"));
        assert!(!glob("*/agents/*", "https://api.huggy.app/v3/chats/1"));
        assert!(glob("https://x/a", "https://x/a"));
        assert!(
            !glob("https://x/a", "https://x/ab"),
            "the whole url must match"
        );
        assert!(!glob("https://x/a", "xhttps://x/a"));
        assert!(glob("*a*b*c", "xxaxxbxxbxc"));
        assert!(!glob("*a*b*c", "xxaxxbxxbx"));
        assert!(glob("a**b", "ab"));
        assert!(glob(
            "*/agents/*/status",
            "h/agents/ana/x/agents/bia/status"
        ));
    }
}
