//! Who answers a Request (SPEC.md section 4, docs/decisions.md "Request"): the scenario's mocks
//! in order (method if given, url glob on the whole expanded url), then the built-in mock of the
//! platform's API under `team.api_base`, else nobody. Nothing here touches the network.

use serde_json::{Value, json};

use crate::flow::Method;

use super::setup::MockOp;
use super::world::World;

/// An answer of the built-in platform API.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlatformAnswer {
    pub(crate) status: u16,
    pub(crate) json: Value,
    /// The agent (index in the team) a transfer assigns the chat to.
    pub(crate) assign: Option<usize>,
    /// The request as the platform API reads it (`POST /chats/123/transfer`).
    pub(crate) route: String,
}

/// Who answers.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Resolution {
    Mock(usize),
    Platform(PlatformAnswer),
    Unmocked,
}

/// Decides who answers `method url` with `body`, without side effects.
pub(crate) fn resolve(
    mocks: &[MockOp],
    world: &World,
    method: Method,
    url: &str,
    body: &str,
) -> Resolution {
    if let Some(index) = mocks
        .iter()
        .position(|mock| mock.method.is_none_or(|wanted| wanted == method) && glob(&mock.url, url))
    {
        return Resolution::Mock(index);
    }
    platform(world, method, url, body).map_or(Resolution::Unmocked, Resolution::Platform)
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
fn platform(world: &World, method: Method, url: &str, body: &str) -> Option<PlatformAnswer> {
    let base = world.team.team.api_base.trim().trim_end_matches('/');
    if base.is_empty() {
        return None;
    }
    let rest = url.trim().strip_prefix(base)?;
    let path = rest.split(['?', '#']).next().unwrap_or("");
    if !path.is_empty() && !path.starts_with('/') {
        return None;
    }
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match (method, segments.as_slice()) {
        (Method::Get, ["agents", id]) => Some(agent(world, id)),
        (Method::Post, ["chats", chat, "transfer"]) => Some(transfer(world, chat, body)),
        _ => None,
    }
}

fn answer(status: u16, json: Value, route: String) -> PlatformAnswer {
    PlatformAnswer {
        status,
        json,
        assign: None,
        route,
    }
}

fn agent(world: &World, id: &str) -> PlatformAnswer {
    let route = format!("GET /agents/{id}");
    let Some(index) = world.team.agent_index(id) else {
        return answer(
            404,
            json!({"error": format!("agent `{id}` not found")}),
            route,
        );
    };
    let (Some(agent), Some(state)) = (world.team.team.agents.get(index), world.agents.get(index))
    else {
        return answer(
            404,
            json!({"error": format!("agent `{id}` not found")}),
            route,
        );
    };
    answer(
        200,
        json!({
            "id": agent.id,
            "name": agent.name,
            "status": state.status.as_str(),
            "departments": agent.departments,
            "available": world.is_available(index),
        }),
        route,
    )
}

fn transfer(world: &World, chat: &str, body: &str) -> PlatformAnswer {
    let route = format!("POST /chats/{chat}/transfer");
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
            route,
        );
    };
    let Some(index) = world.team.agent_index(&agent_id) else {
        return answer(
            404,
            json!({"error": format!("agent `{agent_id}` not found")}),
            route,
        );
    };
    if !world.is_available(index) {
        let status = world
            .agents
            .get(index)
            .map_or("offline", |state| state.status.as_str());
        return answer(
            409,
            json!({"error": "agent not available", "agentId": agent_id, "status": status}),
            route,
        );
    }
    PlatformAnswer {
        status: 200,
        json: json!({"chatId": chat, "agentId": agent_id, "status": "transferred"}),
        assign: Some(index),
        route,
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
