//! `bad-variable-name`: a name a node sets, or a rule tests, that no template can name, or that
//! the flow may not set.
//!
//! - Why: a template reads `{{name}}` with letters, digits, `_`, `-` and dots between parts; a
//!   value saved as `minha var` can never be read. `chat.*`, `now.*`, `team.*`, `http.*`,
//!   `live_chat.status`, `secret.*` and `contact.channel` are given by the run: setting one
//!   changes nothing (the simulator warns and leaves it).
//! - Example: `Ask(save_as: "minha var")`, `SetVariable(set: {"chat.id": "1"})`, a rule whose
//!   var is `{{plano}}`.
//! - Mend: use a flow variable (no dots), `contact.name`/`phone`/`email`/`last_agent` or
//!   `contact.custom.KEY`; write a rule's variable alone, without braces.

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;
use crate::flow::NodeKind;
use crate::template::is_valid_name;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for (i, node) in index.flow.nodes.iter().enumerate() {
        let mut bad = |field: String, variant: &'static str, args: Args| {
            sink.node(
                i,
                Severity::Error,
                Code::BadVariableName,
                Some(field),
                variant,
                args,
            );
        };
        match &node.kind {
            NodeKind::Ask { save_as, .. } if !save_as.is_empty() => {
                if let Some((variant, args)) = unsettable(save_as, "read-only") {
                    bad("save_as".into(), variant, args);
                }
            }
            NodeKind::Request { save, .. } => {
                for key in save.keys().filter(|key| !key.is_empty()) {
                    if let Some((variant, args)) = unsettable(key, "read-only") {
                        bad(format!("save.{key}"), variant, args);
                    }
                }
            }
            NodeKind::SetVariable { set } => {
                for key in set.keys().filter(|key| !key.is_empty()) {
                    if let Some((variant, args)) = unsettable(key, "read-only-set") {
                        bad(format!("set.{key}"), variant, args);
                    }
                }
            }
            NodeKind::LiveChat {
                result_variable, ..
            } if !result_variable.is_empty() => {
                if let Some((variant, args)) = unsettable(result_variable, "read-only") {
                    bad("result_variable".into(), variant, args);
                }
            }
            NodeKind::Condition { cases } => {
                for (c, case) in cases.iter().enumerate() {
                    for (r, rule) in case.rules.iter().enumerate() {
                        let var = rule.var.trim();
                        if var.is_empty() || is_valid_name(var) {
                            continue;
                        }
                        let bare = var.trim_start_matches("{{").trim_end_matches("}}").trim();
                        bad(
                            format!("cases[{c}].rules[{r}].var"),
                            "rule-var",
                            Args::new().text("name", var).text("example", bare),
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

/// The contact's fields a node may change, besides `contact.custom.KEY` (as the simulator does):
/// a bot that asks the contact's e-mail may keep it as `contact.email`.
const SETTABLE_CONTACT: [&str; 4] = [
    "contact.name",
    "contact.phone",
    "contact.email",
    "contact.last_agent",
];

/// A name a node may set: a flow variable, a writable contact field, or `contact.custom.KEY`.
fn is_settable(name: &str) -> bool {
    let is_flow_variable = !name.contains('.') && is_valid_name(name);
    is_flow_variable
        || SETTABLE_CONTACT.contains(&name)
        || name
            .strip_prefix("contact.custom.")
            .is_some_and(|key| !key.is_empty() && is_valid_name(name))
}

/// Why `name` cannot be set: `read_only` is the variant for a valid but read-only name.
fn unsettable(name: &str, read_only: &'static str) -> Option<(&'static str, Args)> {
    if is_settable(name) {
        return None;
    }
    if is_valid_name(name) {
        return Some((
            read_only,
            Args::new()
                .text("name", name)
                .text("example", name.replace('.', "_")),
        ));
    }
    let example: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Some((
        "unreadable",
        Args::new().text("name", name).text("example", example),
    ))
}
