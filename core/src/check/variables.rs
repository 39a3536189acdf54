//! `unknown-variable`: a template or rule reads a name that nothing can give a value. Flow
//! variables (no dot) must be set by some node; `http.*` needs a Request in the flow and
//! `live_chat.status` a LiveChat; the other dotted names are the fixed ones of SPEC.md section 3
//! (`contact.custom.KEY` is checked against the team by `references`).

use std::collections::HashSet;

use crate::template::is_valid_name;

use super::index::FlowIndex;
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

/// The names the run always has a value for (SPEC.md section 3), and `secret.NAME` aside.
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
    if !name.contains('.') || TRACKED_DOTTED.contains(&name) {
        return Name::Tracked;
    }
    if GIVEN.contains(&name) {
        return Name::Given;
    }
    if let Some(key) = name.strip_prefix("contact.custom.")
        && !key.is_empty()
    {
        return Name::Custom(key);
    }
    if name
        .strip_prefix("secret.")
        .is_some_and(|secret| !secret.is_empty())
    {
        return Name::Given;
    }
    Name::Unknown
}

/// Reports `unknown-variable` and returns every name some node of the flow sets.
pub(crate) fn check<'a>(index: &FlowIndex<'a>, sink: &mut Sink<'_>) -> HashSet<&'a str> {
    let set_anywhere: HashSet<&'a str> = index
        .flow
        .nodes
        .iter()
        .flat_map(|node| node.kind.variables_set())
        .collect();
    let mut flow_variables: Option<Vec<&str>> = None;
    for read in &index.reads {
        let name = read.name.as_str();
        if !is_valid_name(name) {
            continue; // `bad-variable-name` says it.
        }
        let message = match classify(name) {
            Name::Given | Name::Custom(_) => continue,
            Name::Tracked if set_anywhere.contains(name) => continue,
            Name::Tracked if name.starts_with("http.") => format!(
                "`{name}` holds what a Request got back, and this flow has no Request: add the Request before this node, or remove the reference"
            ),
            Name::Tracked if name.starts_with("live_chat.") => format!(
                "`{name}` says how a LiveChat handoff ended, and this flow has no LiveChat: add one before this node, or remove the reference"
            ),
            Name::Tracked => {
                let known = flow_variables.get_or_insert_with(|| {
                    let mut names: Vec<&str> = set_anywhere
                        .iter()
                        .copied()
                        .filter(|name| !name.contains('.'))
                        .collect();
                    names.sort_unstable();
                    names
                });
                format!(
                    "no node sets `{name}`, so it is always empty: save it with an Ask (save_as), a Request (save), a SetVariable or a LiveChat (result_variable), or fix the name{}",
                    did_you_mean(name, known.iter().copied())
                )
            }
            Name::Unknown => unknown_dotted(name),
        };
        sink.node(
            read.node,
            Severity::Error,
            Code::UnknownVariable,
            Some(read.place.path()),
            message,
        );
    }
    set_anywhere
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
