//! The values variables hold before the first block: Typebot's default values (a variable's
//! `value` in the export), and empty for the variables the bot reads but never sets (Typebot
//! fills those from the link or the page that embeds the bot; without that they are empty). A
//! SetVariable right after the Entry sets them, so that the flow checks and runs as the bot did,
//! and the report names the ones that start empty so the designer can give them values.

use serde_json::Value;

use crate::flow::{Edge, Node, NodeKind, TemplateMap};

use super::assemble::{ENTRY_ID, card_height};
use super::names::Names;
use super::report::{Issue, Item, Report};
use super::source::str_at;

/// The id of the SetVariable after the Entry.
pub(super) const INITIAL_ID: &str = "valores_iniciais";

/// The default values the export gives its variables, by fluxo name (a list joined by commas,
/// as Typebot shows a list in a text).
pub(super) fn defaults(variables: &[Value], names: &mut Names) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for variable in variables {
        let Some(id) = str_at(variable, "id") else {
            continue;
        };
        let value = match variable.get("value") {
            Some(Value::String(text)) => text.clone(),
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            Some(Value::Number(number)) => number.to_string(),
            Some(Value::Bool(flag)) => flag.to_string(),
            _ => continue,
        };
        out.push((names.of_id(id), value));
    }
    out
}

/// Adds the SetVariable after the Entry when some variable needs a value to start with.
pub(super) fn add(
    nodes: &mut Vec<Node>,
    edges: &mut Vec<Edge>,
    defaults: Vec<(String, String)>,
    report: &mut Report,
) {
    let mut set: TemplateMap = defaults.into_iter().collect();
    let mut empty = Vec::new();
    let is_set: std::collections::HashSet<&str> = nodes
        .iter()
        .flat_map(|node| node.kind.variables_set())
        .collect();
    for node in nodes.iter() {
        for name in node.kind.variables_read() {
            if !name.contains('.')
                && !is_set.contains(name.as_str())
                && !set.contains_key(&name)
                && !empty.contains(&name)
            {
                empty.push(name);
            }
        }
    }
    for name in &empty {
        set.insert(name.clone(), String::new());
    }
    if set.is_empty() {
        return;
    }
    let pos = nodes
        .iter()
        .find(|node| node.id == ENTRY_ID)
        .map_or((0.0, 0.0), |entry| {
            (entry.pos.0, entry.pos.1 + card_height(1) + 24.0)
        });
    let node = Node::new(INITIAL_ID, pos, NodeKind::SetVariable { set });
    if !empty.is_empty() {
        let issue = Issue::StartEmpty {
            variables: empty.join(", "),
        };
        report.items.push(Item {
            block_id: None,
            block_type: String::new(),
            group: String::new(),
            node: Some(INITIAL_ID.to_owned()),
            issue,
        });
    }
    nodes.insert(1.min(nodes.len()), node);
    if let Some(edge) = edges
        .iter_mut()
        .find(|edge| edge.from == ENTRY_ID && edge.port == "next")
    {
        INITIAL_ID.clone_into(&mut edge.from);
    }
    edges.insert(0, Edge::new(ENTRY_ID, "next", INITIAL_ID));
}
