//! The structural diff: the two flows serialized as the model writes them, compared section by
//! section. Nodes are matched by id and edges by the port they leave; the team, each scenario
//! (by name) and every other top-level field go through the generic comparison, so a field the
//! model grows is compared without code here. Only what needs a meaning is singled out: a node
//! moved, its kind changed, a wire rewired, and which changes no run can see.

use std::collections::HashMap;

use indexmap::IndexMap;

use crate::flow::{Flow, Scenario};
use crate::sim::MASK;

use super::compare::{compare, join_key, reordered};
use super::tree::Tree;
use super::{Change, ChangeKind, Effect, Target};

/// The top-level fields that have a section of their own; the rest are compared as the flow's.
const SECTIONS: [&str; 4] = ["nodes", "edges", "team", "scenarios"];

/// Top-level fields no run reads: the designer's description, notes and frames.
const COSMETIC_FLOW_FIELDS: [&str; 3] = ["description", "notes", "frames"];

/// Node fields (beside `pos`) no run reads.
const COSMETIC_NODE_FIELDS: [&str; 1] = ["note"];

/// Every structural change from `old` to `new` (two serialized flows): the flow's own fields,
/// then node by node (the new file's order, then the nodes it no longer has), each with the
/// wires that leave it, then the team, then the scenarios.
pub(crate) fn changes(old: &Tree, new: &Tree, flows: (&Flow, &Flow)) -> Vec<Change> {
    let mut out = Vec::new();
    flow_fields(old, new, &mut out);
    nodes(old, new, &mut out);
    let mut team = Vec::new();
    compare(
        "",
        old.get("team").unwrap_or(&Tree::Null),
        new.get("team").unwrap_or(&Tree::Null),
        &mut team,
    );
    out.extend(team.into_iter().map(|kind| Change {
        target: Target::Team,
        kind,
        effect: Effect::Behaviour,
    }));
    scenarios(old, new, flows, &mut out);
    out
}

/// The first name of a path: `load` of `load.hours`, `notes` of `notes[2].text`.
fn first_segment(path: &str) -> &str {
    path.split(['.', '[']).next().unwrap_or(path)
}

fn path_of(kind: &ChangeKind) -> &str {
    match kind {
        ChangeKind::Field { path, .. }
        | ChangeKind::ItemAdded { path, .. }
        | ChangeKind::ItemRemoved { path, .. }
        | ChangeKind::Reordered { path, .. } => path,
        _ => "",
    }
}

fn flow_fields(old: &Tree, new: &Tree, out: &mut Vec<Change>) {
    let rest = |tree: &Tree| match tree {
        Tree::Object(pairs) => Tree::Object(
            pairs
                .iter()
                .filter(|(key, _)| !SECTIONS.contains(&key.as_str()))
                .cloned()
                .collect(),
        ),
        _ => Tree::Object(Vec::new()),
    };
    let mut kinds = Vec::new();
    compare("", &rest(old), &rest(new), &mut kinds);
    for kind in kinds {
        let effect = if COSMETIC_FLOW_FIELDS.contains(&first_segment(path_of(&kind))) {
            Effect::Cosmetic
        } else {
            Effect::Behaviour
        };
        out.push(Change {
            target: Target::Flow,
            kind,
            effect,
        });
    }
}

fn items<'a>(flow: &'a Tree, section: &str) -> &'a [Tree] {
    match flow.get(section) {
        Some(Tree::Array(items)) => items,
        _ => &[],
    }
}

/// Items by the text of `field`; a repeated name (a broken file) is told apart as `name#2`.
fn by_name<'a>(items: &'a [Tree], field: &str) -> IndexMap<String, &'a Tree> {
    let mut out = IndexMap::new();
    // How many items had each name so far, so that many repeats stay linear.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for item in items {
        let name = item.get(field).and_then(Tree::as_str).unwrap_or_default();
        let count = seen.entry(name).or_insert(0);
        *count += 1;
        let mut key = if *count == 1 {
            name.to_owned()
        } else {
            format!("{name}#{count}")
        };
        while out.contains_key(&key) {
            *count += 1;
            key = format!("{name}#{count}");
        }
        out.insert(key, item);
    }
    out
}

/// A node's kind as (tag, fields): `{"Request": {...}}` is ("Request", {...}).
fn kind_parts(node: &Tree) -> (String, Tree) {
    match node.get("kind") {
        Some(Tree::Object(pairs)) if pairs.len() == 1 => match pairs.first() {
            Some((tag, fields)) => (tag.clone(), fields.clone()),
            None => (String::new(), Tree::Null),
        },
        Some(Tree::String(tag)) => (tag.clone(), Tree::Object(Vec::new())),
        Some(other) => (String::new(), other.clone()),
        None => (String::new(), Tree::Null),
    }
}

fn position(node: &Tree) -> Option<(f64, f64)> {
    match node.get("pos") {
        Some(Tree::Array(pair)) => match pair.as_slice() {
            [x, y] => Some((x.as_f64()?, y.as_f64()?)),
            _ => None,
        },
        _ => None,
    }
}

/// The wires that leave each node, keyed by the node: connected, disconnected or rewired.
fn wires(old: &Tree, new: &Tree) -> IndexMap<String, Vec<ChangeKind>> {
    type ByPort<'a> = IndexMap<(&'a str, &'a str), Vec<&'a Tree>>;
    fn by_port(edges: &[Tree]) -> ByPort<'_> {
        let mut out = ByPort::new();
        for edge in edges {
            let from = edge.get("from").and_then(Tree::as_str).unwrap_or_default();
            let port = edge.get("port").and_then(Tree::as_str).unwrap_or_default();
            out.entry((from, port)).or_default().push(edge);
        }
        out
    }
    let target = |edge: &Tree| {
        edge.get("to")
            .and_then(Tree::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    // What an edge holds beside its ends (nothing today): compared as fields of the port.
    let extra = |edge: &Tree| match edge {
        Tree::Object(pairs) => Tree::Object(
            pairs
                .iter()
                .filter(|(key, _)| !["from", "port", "to"].contains(&key.as_str()))
                .cloned()
                .collect(),
        ),
        _ => Tree::Null,
    };
    let old_edges = by_port(items(old, "edges"));
    let new_edges = by_port(items(new, "edges"));
    let mut keys: Vec<(&str, &str)> = new_edges.keys().copied().collect();
    keys.extend(
        old_edges
            .keys()
            .filter(|key| !new_edges.contains_key(*key))
            .copied(),
    );
    let mut out: IndexMap<String, Vec<ChangeKind>> = IndexMap::new();
    for key in keys {
        let (from, port) = key;
        let none = Vec::new();
        let old_list = old_edges.get(&key).unwrap_or(&none);
        let new_list = new_edges.get(&key).unwrap_or(&none);
        let changes = out.entry(from.to_owned()).or_default();
        for index in 0..old_list.len().max(new_list.len()) {
            let old_edge = old_list.get(index).copied();
            let new_edge = new_list.get(index).copied();
            let old_to = old_edge.map(target);
            let new_to = new_edge.map(target);
            if old_to != new_to {
                changes.push(ChangeKind::Wire {
                    port: port.to_owned(),
                    old: old_to,
                    new: new_to,
                });
            }
            if let (Some(old_edge), Some(new_edge)) = (old_edge, new_edge) {
                compare(port, &extra(old_edge), &extra(new_edge), changes);
            }
        }
    }
    out.retain(|_, changes| !changes.is_empty());
    out
}

fn nodes(old: &Tree, new: &Tree, out: &mut Vec<Change>) {
    let old_nodes = by_name(items(old, "nodes"), "id");
    let new_nodes = by_name(items(new, "nodes"), "id");
    let mut wires = wires(old, new);
    let mut ids: Vec<&String> = new_nodes.keys().collect();
    ids.extend(old_nodes.keys().filter(|id| !new_nodes.contains_key(*id)));
    for id in ids {
        let old_node = old_nodes.get(id).copied();
        let new_node = new_nodes.get(id).copied();
        let Some(shown) = new_node.or(old_node) else {
            continue;
        };
        let target = Target::Node {
            node: id.clone(),
            node_kind: Some(kind_parts(shown).0).filter(|tag| !tag.is_empty()),
        };
        let mut push = |kind: ChangeKind, effect: Effect| {
            out.push(Change {
                target: target.clone(),
                kind,
                effect,
            });
        };
        match (old_node, new_node) {
            (Some(old_node), Some(new_node)) => {
                for (kind, effect) in node_changes(old_node, new_node) {
                    push(kind, effect);
                }
            }
            (None, Some(new_node)) => push(
                ChangeKind::Added {
                    value: new_node.clone(),
                },
                Effect::Behaviour,
            ),
            (Some(old_node), None) => push(
                ChangeKind::Removed {
                    value: old_node.clone(),
                },
                Effect::Behaviour,
            ),
            (None, None) => {}
        }
        for kind in wires.shift_remove(id.as_str()).unwrap_or_default() {
            push(kind, Effect::Behaviour);
        }
    }
    // Wires from a node neither version has (a broken file).
    for (from, kinds) in wires {
        for kind in kinds {
            out.push(Change {
                target: Target::Node {
                    node: from.clone(),
                    node_kind: None,
                },
                kind,
                effect: Effect::Behaviour,
            });
        }
    }
}

/// What changed in one node: its kind, its kind's fields, its other fields, its position.
fn node_changes(old: &Tree, new: &Tree) -> Vec<(ChangeKind, Effect)> {
    let mut out = Vec::new();
    let (old_tag, old_fields) = kind_parts(old);
    let (new_tag, new_fields) = kind_parts(new);
    if old_tag != new_tag {
        out.push((
            ChangeKind::KindChanged {
                old: old_tag,
                new: new_tag,
            },
            Effect::Behaviour,
        ));
    }
    let mut kinds = Vec::new();
    compare("", &old_fields, &new_fields, &mut kinds);
    out.extend(kinds.into_iter().map(|kind| (kind, Effect::Behaviour)));
    // Fields of the node itself, beside its id, position and kind (a `note`, say).
    let own = |node: &Tree| match node {
        Tree::Object(pairs) => Tree::Object(
            pairs
                .iter()
                .filter(|(key, _)| !["id", "pos", "kind"].contains(&key.as_str()))
                .cloned()
                .collect(),
        ),
        _ => Tree::Null,
    };
    let mut kinds = Vec::new();
    compare("", &own(old), &own(new), &mut kinds);
    out.extend(kinds.into_iter().map(|kind| {
        let effect = if COSMETIC_NODE_FIELDS.contains(&first_segment(path_of(&kind))) {
            Effect::Cosmetic
        } else {
            Effect::Behaviour
        };
        (kind, effect)
    }));
    match (position(old), position(new)) {
        (Some(from), Some(to)) if from != to => {
            out.push((ChangeKind::Moved { from, to }, Effect::Cosmetic));
        }
        (Some(_), Some(_)) => {}
        _ => {
            let mut kinds = Vec::new();
            compare(
                "pos",
                old.get("pos").unwrap_or(&Tree::Null),
                new.get("pos").unwrap_or(&Tree::Null),
                &mut kinds,
            );
            out.extend(kinds.into_iter().map(|kind| (kind, Effect::Cosmetic)));
        }
    }
    out
}

/// A secret's value as a change shows it: `""`, or masked.
fn masked(value: Option<&String>) -> Option<Tree> {
    value.map(|value| {
        Tree::String(if value.is_empty() {
            String::new()
        } else {
            MASK.to_owned()
        })
    })
}

/// The scenario's secrets whose values changed (the file writes only their names, so the
/// serialized comparison cannot see it), each value masked.
fn secret_changes(old: Option<&Scenario>, new: Option<&Scenario>) -> Vec<ChangeKind> {
    let (Some(old), Some(new)) = (old, new) else {
        return Vec::new();
    };
    old.secrets
        .iter()
        .filter_map(|(name, value)| {
            let new_value = new.secrets.get(name)?;
            (new_value != value).then(|| ChangeKind::Field {
                path: join_key("secrets", name),
                old: masked(Some(value)),
                new: masked(Some(new_value)),
            })
        })
        .collect()
}

fn scenarios(old: &Tree, new: &Tree, flows: (&Flow, &Flow), out: &mut Vec<Change>) {
    let old_scenarios = by_name(items(old, "scenarios"), "name");
    let new_scenarios = by_name(items(new, "scenarios"), "name");
    let mut names: Vec<&String> = new_scenarios.keys().collect();
    names.extend(
        old_scenarios
            .keys()
            .filter(|name| !new_scenarios.contains_key(*name)),
    );
    for name in names {
        let target = Target::Scenario {
            scenario: name.clone(),
        };
        let kinds = match (old_scenarios.get(name), new_scenarios.get(name)) {
            (Some(old_scenario), Some(new_scenario)) => {
                let mut kinds = Vec::new();
                compare("", old_scenario, new_scenario, &mut kinds);
                kinds.extend(secret_changes(
                    flows.0.scenario(name),
                    flows.1.scenario(name),
                ));
                kinds
            }
            (None, Some(new_scenario)) => vec![ChangeKind::Added {
                value: (*new_scenario).clone(),
            }],
            (Some(old_scenario), None) => vec![ChangeKind::Removed {
                value: (*old_scenario).clone(),
            }],
            (None, None) => Vec::new(),
        };
        out.extend(kinds.into_iter().map(|kind| Change {
            target: target.clone(),
            kind,
            effect: Effect::Test,
        }));
    }
    // The order of the scenarios is the order `fluxo test` runs them in (Sequential cursors
    // carry from one to the next).
    let old_names: Vec<&str> = old_scenarios.keys().map(String::as_str).collect();
    let new_names: Vec<&str> = new_scenarios.keys().map(String::as_str).collect();
    if let Some(kind) = reordered("scenarios", &old_names, &new_names) {
        out.push(Change {
            target: Target::Flow,
            kind,
            effect: Effect::Test,
        });
    }
}
