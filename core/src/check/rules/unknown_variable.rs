//! `unknown-variable`: a template or rule reads a name that nothing gives a value.
//!
//! - Why: the name expands to "" on every run (the simulator warns each time), which is almost
//!   always a typo or a node left out.
//! - Example: `{{nmoe}}` when an Ask saves `nome`; `{{http.status}}` in a flow with no
//!   Request; `{{huggy.contact.name}}`.
//! - Mend: save the variable with an Ask (`save_as`), a Request (`save`), a SetVariable or a
//!   LiveChat (`result_variable`), or fix the name (the finding suggests a near one).
//!
//! Flow variables (no dot) must be set by some node, reachable or not (a variable set only by
//! unreachable nodes is `maybe-unset-variable`); `http.*` needs a Request in the flow and
//! `live_chat.status` a LiveChat; other dotted names are the fixed ones of SPEC.md section 3
//! (`contact.custom.KEY` is checked against the team by `team_lacks`).

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::{FlowIndex, Place};
use crate::check::names::{GIVEN, Name, TRACKED_DOTTED, classify};
use crate::check::sink::Sink;
use crate::check::suggest::did_you_mean;
use crate::flow::Flow;
use crate::template::is_valid_name;

/// Variables a suggestion is looked for among (the first, by name): each costs an edit distance.
const CANDIDATES: usize = 1_000;
/// Findings that get a suggestion in one check (the first): a flow of many typos stays linear.
const SUGGESTIONS: usize = 100;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let mut flow_variables: Option<Vec<&str>> = None;
    let mut suggestions_left = SUGGESTIONS;
    for read in &index.reads {
        let name = read.name;
        // Template references are valid names by construction; a rule's `var` may not be, and
        // then `bad-variable-name` says so.
        if matches!(read.place, Place::RuleVar { .. }) && !is_valid_name(name) {
            continue;
        }
        let is_set = index.is_set.get(read.name_id).copied().unwrap_or(false);
        let (variant, args) = match index.names.kind(read.name_id) {
            Name::Given | Name::Custom(_) => continue,
            Name::Tracked if is_set => continue,
            Name::Tracked if name.starts_with("http.") => ("http", Args::new().text("name", name)),
            Name::Tracked if name.starts_with("live_chat.") => {
                ("live-chat", Args::new().text("name", name))
            }
            Name::Tracked => {
                let known = flow_variables.get_or_insert_with(|| flow_variables_set(index.flow));
                let near = (suggestions_left > 0).then(|| {
                    suggestions_left -= 1;
                    did_you_mean(name, known.iter().take(CANDIDATES).copied())
                });
                (
                    "",
                    Args::new()
                        .text("name", name)
                        .suggestion("suggestion", near.flatten()),
                )
            }
            Name::Unknown => {
                let near = (suggestions_left > 0).then(|| {
                    suggestions_left -= 1;
                    dotted_suggestion(name)
                });
                (
                    "dotted",
                    Args::new()
                        .text("name", name)
                        .suggestion("suggestion", near.flatten()),
                )
            }
        };
        sink.node(
            read.node,
            Severity::Error,
            Code::UnknownVariable,
            Some(read.path()),
            variant,
            args,
        );
    }
}

/// The flow variables (no dot) some node sets, sorted, without repeats.
fn flow_variables_set(flow: &Flow) -> Vec<&str> {
    let mut names: Vec<&str> = flow
        .nodes
        .iter()
        .flat_map(|node| node.kind.variables_set())
        .filter(|name| !name.contains('.'))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The known name a dotted name fluxo does not know most likely means.
fn dotted_suggestion(name: &str) -> Option<String> {
    // `huggy.chat.contact.custom.gerente`, `input.live_chat.status`: a platform's prefix.
    let mut rest = name;
    while let Some((_, after)) = rest.split_once('.') {
        rest = after;
        if classify(rest) != Name::Unknown && rest.contains('.') {
            return Some(rest.to_owned());
        }
    }
    did_you_mean(name, GIVEN.iter().chain(&TRACKED_DOTTED).copied())
}
