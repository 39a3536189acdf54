//! `unknown-variable`: a template or rule reads a name that nothing can give a value. Flow
//! variables (no dot) must be set by some node; `http.*` needs a Request in the flow and
//! `live_chat.status` a LiveChat; the other dotted names are the fixed ones of SPEC.md section 3
//! (`contact.custom.KEY` is checked against the team by `references`).

use super::index::{FlowIndex, Place, number};
use super::{Code, Severity, Sink, did_you_mean};

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

/// The names the run always has a value for (SPEC.md section 3), and `secret.NAME` aside: what
/// a suggestion may offer. `classify` is the rule.
const GIVEN: [&str; 12] = [
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

const TRACKED_DOTTED: [&str; 3] = ["http.status", "http.body", "live_chat.status"];

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

/// Reports `unknown-variable`.
pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let names = &index.names;
    // Only names set nowhere and unknown dotted names give findings: walk the reads only when
    // some name read is one.
    let is_wrong = |id: u32| match names.kind(id) {
        Name::Tracked => !names.is_set(id),
        Name::Unknown => true,
        Name::Given | Name::Custom(_) => false,
    };
    if !(0..names.len())
        .map(number)
        .any(|id| names.is_read(id) && is_wrong(id))
    {
        return;
    }
    let mut flow_variables: Option<Vec<&str>> = None;
    for read in &index.reads {
        let id = read.name_id;
        // Template references are valid names by construction; a rule's `var` may not be, and
        // then `bad-variable-name` says so.
        if matches!(read.place, Place::RuleVar { .. }) && !names.is_valid(id) {
            continue;
        }
        let name = names.text(id);
        let message = match names.kind(id) {
            Name::Given | Name::Custom(_) => continue,
            Name::Tracked if names.is_set(id) => continue,
            Name::Tracked if name.starts_with("http.") => format!(
                "`{name}` holds what a Request got back, and this flow has no Request: add the Request before this node, or remove the reference"
            ),
            Name::Tracked if name.starts_with("live_chat.") => format!(
                "`{name}` says how a LiveChat handoff ended, and this flow has no LiveChat: add one before this node, or remove the reference"
            ),
            Name::Tracked => format!(
                "no node sets `{name}`, so it is always empty: save it with an Ask (save_as), a Request (save), a SetVariable or a LiveChat (result_variable), or fix the name{}",
                did_you_mean(
                    name,
                    flow_variables
                        .get_or_insert_with(|| names.flow_variables_set())
                        .iter()
                        .copied()
                )
            ),
            Name::Unknown => unknown_dotted(name),
        };
        sink.node(
            read.node(),
            Severity::Error,
            Code::UnknownVariable,
            Some(read.path(index.flow)),
            message,
        );
    }
}

/// The message for a dotted name fluxo does not know, with the name it most likely means.
fn unknown_dotted(name: &str) -> String {
    // `huggy.chat.contact.custom.gerente`, `input.live_chat.status`: a platform's prefix.
    let mut rest = name;
    let mut suggestion = None;
    while let Some((_, after)) = rest.split_once('.') {
        rest = after;
        if classify(rest) != Name::Unknown && rest.contains('.') {
            suggestion = Some(rest);
            break;
        }
    }
    let hint = match suggestion {
        Some(known) => format!(" (did you mean `{known}`?)"),
        None => did_you_mean(name, GIVEN.iter().chain(&TRACKED_DOTTED).copied()),
    };
    format!(
        "`{name}` is not a variable fluxo knows{hint}: use a flow variable (no dots), contact.name/phone/email/channel/last_agent, contact.custom.KEY, chat.id/protocol, team.api_base, now.date/time/weekday/hour, http.status/body, live_chat.status or secret.NAME"
    )
}

#[cfg(test)]
mod tests;
