//! What a name read by a template or rule is (SPEC.md section 3): a name nodes set during a run,
//! a contact custom field, a name the run always has, or a name fluxo does not know.

/// What a name read by a template or rule is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Name<'n> {
    /// A name that nodes set during a run: a flow variable (no dot), `http.status`, `http.body`
    /// or `live_chat.status`. The data-flow analysis follows these.
    Tracked,
    /// `contact.custom.KEY`: the key.
    Custom(&'n str),
    /// A name the run always has: contact, chat, team, now, secret.
    Given,
    /// A dotted name fluxo does not know.
    Unknown,
}

/// The names the run always has a value for (SPEC.md section 3), `secret.NAME` aside: what a
/// suggestion may offer. [`classify`] is the rule.
pub(crate) const GIVEN: [&str; 12] = [
    "contact.name",
    "contact.phone",
    "contact.email",
    "contact.channel",
    "contact.last_agent",
    "chat.id",
    "chat.protocol",
    "team.api_base",
    "now.date",
    "now.time",
    "now.weekday",
    "now.hour",
];

/// The dotted names a node sets during a run.
pub(crate) const TRACKED_DOTTED: [&str; 3] = ["http.status", "http.body", "live_chat.status"];

pub(crate) fn classify(name: &str) -> Name<'_> {
    let Some((head, rest)) = name.split_once('.') else {
        return Name::Tracked;
    };
    match (head, rest) {
        ("http", "status" | "body") | ("live_chat", "status") => Name::Tracked,
        ("contact", "name" | "phone" | "email" | "channel" | "last_agent")
        | ("chat", "id" | "protocol")
        | ("team", "api_base")
        | ("now", "date" | "time" | "weekday" | "hour") => Name::Given,
        ("contact", custom) => match custom.strip_prefix("custom.") {
            Some(key) if !key.is_empty() => Name::Custom(key),
            _ => Name::Unknown,
        },
        ("secret", secret) if !secret.is_empty() => Name::Given,
        _ => Name::Unknown,
    }
}
