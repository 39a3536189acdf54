//! Reading a Typebot export tolerantly: every accessor falls back to "absent" instead of failing,
//! so a field of another type or a newer shape is simply not used.

use std::collections::HashMap;

use serde_json::Value;

use super::NotTypebot;

/// The text at `key`, if it is a string.
pub(super) fn str_at<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// The text at `key`, trimmed, if it is a non-blank string.
pub(super) fn text_at<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    str_at(value, key)
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

/// The list at `key`, or an empty one.
pub(super) fn list_at<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The boolean at `key`; absent or not a boolean is false.
pub(super) fn flag_at(value: &Value, key: &str) -> bool {
    value.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// The number at `key`, written as a JSON number or as a numeric string.
pub(super) fn number_at(value: &Value, key: &str) -> Option<f64> {
    match value.get(key)? {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
    .filter(|number: &f64| number.is_finite())
}

/// A block's (or event's) options, or `Null`.
pub(super) fn options(block: &Value) -> &Value {
    block.get("options").unwrap_or(&Value::Null)
}

/// A block's type, as Typebot writes it (`text`, `choice input`, `Webhook`, `openai`, ...).
pub(super) fn block_type(block: &Value) -> &str {
    str_at(block, "type").unwrap_or("")
}

/// Where an edge (or a Jump) leads: a group, and maybe a block inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct Target<'a> {
    pub group: &'a str,
    pub block: Option<&'a str>,
}

/// One group: a titled column of blocks at a position.
#[derive(Clone, Debug)]
pub(super) struct Group<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub pos: (f32, f32),
    pub blocks: &'a [Value],
}

/// The parts of an export the import reads.
#[derive(Debug)]
pub(super) struct Export<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub version: String,
    pub groups: Vec<Group<'a>>,
    pub variables: &'a [Value],
    /// The start event: its position and the edge it leaves by.
    pub start: Option<Start<'a>>,
    /// Event types other than `start`, which the import leaves out.
    pub other_events: Vec<String>,
    /// Edge id -> where it leads.
    edges: HashMap<&'a str, Target<'a>>,
    /// `(block id, item id)` -> the id of the edge that leaves it (from the `edges` list).
    edges_from: HashMap<(&'a str, Option<&'a str>), &'a str>,
}

/// The start: a v6 `start` event, or a v5-style `start` block.
#[derive(Clone, Copy, Debug)]
pub(super) struct Start<'a> {
    pub pos: (f32, f32),
    pub edge: Option<&'a str>,
    /// The id of the event or block, for edges that name it as their source.
    pub id: &'a str,
}

/// Coordinates as fluxo keeps them: finite and within a sane range.
pub(super) fn coordinates(value: &Value) -> Option<(f32, f32)> {
    let at = value.get("graphCoordinates")?;
    let x = number_at(at, "x")?;
    let y = number_at(at, "y")?;
    let clamp = |v: f64| v.clamp(-1.0e7, 1.0e7) as f32;
    Some((clamp(x), clamp(y)))
}

impl<'a> Export<'a> {
    /// Reads the parts of an export; refuses a document that is not one.
    pub(super) fn read(root: &'a Value) -> Result<Export<'a>, NotTypebot> {
        let Value::Object(_) = root else {
            return Err(NotTypebot::NotAnObject);
        };
        // Some tools wrap the export: `{"typebot": {...}}`.
        let root = match root.get("typebot") {
            Some(inner) if inner.get("groups").is_some_and(Value::is_array) => inner,
            _ => root,
        };
        let Some(groups) = root.get("groups").and_then(Value::as_array) else {
            return Err(NotTypebot::NoGroups);
        };
        let version = match root.get("version") {
            Some(Value::String(text)) => text.clone(),
            Some(Value::Number(number)) => number.to_string(),
            _ => String::new(),
        };
        let groups: Vec<Group<'a>> = groups
            .iter()
            .enumerate()
            .map(|(index, group)| Group {
                id: str_at(group, "id").unwrap_or(""),
                title: str_at(group, "title").unwrap_or(""),
                pos: coordinates(group).unwrap_or((index as f32 * 340.0, 0.0)),
                blocks: list_at(group, "blocks"),
            })
            .collect();
        let mut edges = HashMap::new();
        let mut edges_from = HashMap::new();
        for edge in list_at(root, "edges") {
            let Some(id) = str_at(edge, "id") else {
                continue;
            };
            let to = edge.get("to").unwrap_or(&Value::Null);
            if let Some(group) = str_at(to, "groupId") {
                edges.insert(
                    id,
                    Target {
                        group,
                        block: str_at(to, "blockId"),
                    },
                );
            }
            let from = edge.get("from").unwrap_or(&Value::Null);
            if let Some(block) = str_at(from, "blockId").or_else(|| str_at(from, "eventId")) {
                edges_from
                    .entry((block, str_at(from, "itemId")))
                    .or_insert(id);
            }
        }
        let mut start = None;
        let mut other_events = Vec::new();
        for event in list_at(root, "events") {
            let kind = str_at(event, "type").unwrap_or("");
            if kind == "start" && start.is_none() {
                start = Some(Start {
                    pos: coordinates(event).unwrap_or((0.0, 0.0)),
                    edge: str_at(event, "outgoingEdgeId"),
                    id: str_at(event, "id").unwrap_or(""),
                });
            } else {
                other_events.push(kind.to_owned());
            }
        }
        Ok(Export {
            id: str_at(root, "id").unwrap_or(""),
            name: str_at(root, "name").unwrap_or(""),
            version,
            groups,
            variables: list_at(root, "variables"),
            start,
            other_events,
            edges,
            edges_from,
        })
    }

    /// How many edges the export has.
    pub(super) fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// Where the edge `id` leads.
    pub(super) fn edge(&self, id: &str) -> Option<Target<'a>> {
        self.edges.get(id).copied()
    }

    /// The edge that leaves a block (with `item` None) or one of its items: the block's or
    /// item's `outgoingEdgeId`, else an edge of the list that names it as its source.
    pub(super) fn edge_from(
        &self,
        block_id: &'a str,
        holder: &'a Value,
        item: Option<&'a str>,
    ) -> Option<&'a str> {
        str_at(holder, "outgoingEdgeId").or_else(|| self.edges_from.get(&(block_id, item)).copied())
    }

    /// The start's edge: the event's `outgoingEdgeId`, else an edge leaving the event.
    pub(super) fn start_edge(&self) -> Option<&'a str> {
        let start = self.start?;
        start.edge.or_else(|| {
            self.edges_from
                .get(&(start.id, None))
                .copied()
                .filter(|_| !start.id.is_empty())
        })
    }
}
