//! The generic field-by-field comparison of two serialized values: every leaf that differs, by
//! its path (`cases[0].rules[1].value`, `headers.Authorization`, `agents[ana].status`).
//!
//! Objects compare key by key. An array of objects that all carry a distinct `id`, `name` or
//! `key` compares item by that key (an agent added, removed or changed, not "item 3 changed"),
//! and says when the common items changed order; an array of plain values (departments,
//! channels, buttons) is one value; any other array compares by index.

use std::collections::{HashMap, HashSet};

use super::ChangeKind;
use super::tree::Tree;

/// The fields that name an item of a list, in the order they are tried.
const KEY_FIELDS: [&str; 3] = ["id", "name", "key"];

/// Whether a key can stand in a path as written (`headers.Content-Type`), or needs quotes.
fn is_plain(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

fn quoted(key: &str) -> String {
    serde_json::to_string(key).unwrap_or_else(|_| format!("\"{key}\""))
}

/// `path.key` (`key` alone at the top), or `path["odd key"]`.
pub(crate) fn join_key(path: &str, key: &str) -> String {
    if !is_plain(key) {
        format!("{path}[{}]", quoted(key))
    } else if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// `path[3]`.
pub(crate) fn join_index(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// `path[ana]`: the item of a keyed list, or `path["a b"]`.
pub(crate) fn join_item(path: &str, key: &str) -> String {
    if is_plain(key) {
        format!("{path}[{key}]")
    } else {
        format!("{path}[{}]", quoted(key))
    }
}

/// Every difference between `old` and `new`, below `path`, in the model's order.
pub(crate) fn compare(path: &str, old: &Tree, new: &Tree, out: &mut Vec<ChangeKind>) {
    if old == new {
        return;
    }
    match (old, new) {
        (Tree::Object(old), Tree::Object(new)) => compare_objects(path, old, new, out),
        (Tree::Array(old), Tree::Array(new)) => compare_arrays(path, old, new, out),
        _ => out.push(ChangeKind::Field {
            path: path.to_owned(),
            old: Some(old.clone()),
            new: Some(new.clone()),
        }),
    }
}

fn compare_objects(
    path: &str,
    old: &[(String, Tree)],
    new: &[(String, Tree)],
    out: &mut Vec<ChangeKind>,
) {
    let new_by_key: HashMap<&str, &Tree> = new
        .iter()
        .map(|(key, value)| (key.as_str(), value))
        .collect();
    let old_keys: HashSet<&str> = old.iter().map(|(key, _)| key.as_str()).collect();
    for (key, old_value) in old {
        let at = join_key(path, key);
        match new_by_key.get(key.as_str()) {
            Some(new_value) => compare(&at, old_value, new_value, out),
            None => out.push(ChangeKind::Field {
                path: at,
                old: Some(old_value.clone()),
                new: None,
            }),
        }
    }
    for (key, new_value) in new {
        if !old_keys.contains(key.as_str()) {
            out.push(ChangeKind::Field {
                path: join_key(path, key),
                old: None,
                new: Some(new_value.clone()),
            });
        }
    }
    // Rows of a map in another order (a SetVariable's entries may read the ones above them).
    let old_keys: Vec<&str> = old.iter().map(|(key, _)| key.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|(key, _)| key.as_str()).collect();
    out.extend(reordered(path, &old_keys, &new_keys));
}

/// The items of a list by the value of `field`, when every item is an object with a distinct
/// text there.
pub(crate) fn keyed<'a>(items: &'a [Tree], field: &str) -> Option<Vec<(&'a str, &'a Tree)>> {
    let mut seen = HashSet::new();
    items
        .iter()
        .map(|item| {
            let key = item.get(field)?.as_str()?;
            seen.insert(key).then_some((key, item))
        })
        .collect()
}

fn compare_arrays(path: &str, old: &[Tree], new: &[Tree], out: &mut Vec<ChangeKind>) {
    let objects = old
        .iter()
        .chain(new)
        .all(|item| matches!(item, Tree::Object(_)));
    if objects {
        for field in KEY_FIELDS {
            if let (Some(old), Some(new)) = (keyed(old, field), keyed(new, field)) {
                compare_keyed(path, &old, &new, out);
                return;
            }
        }
    }
    if old.iter().chain(new).all(Tree::is_scalar) {
        out.push(ChangeKind::Field {
            path: path.to_owned(),
            old: Some(Tree::Array(old.to_vec())),
            new: Some(Tree::Array(new.to_vec())),
        });
        return;
    }
    for (index, (old_item, new_item)) in old.iter().zip(new).enumerate() {
        compare(&join_index(path, index), old_item, new_item, out);
    }
    for (index, item) in old.iter().enumerate().skip(new.len()) {
        out.push(ChangeKind::ItemRemoved {
            path: join_index(path, index),
            value: item.clone(),
        });
    }
    for (index, item) in new.iter().enumerate().skip(old.len()) {
        out.push(ChangeKind::ItemAdded {
            path: join_index(path, index),
            value: item.clone(),
        });
    }
}

/// Items matched by key: changed, removed, added, and whether the common ones changed order.
pub(crate) fn compare_keyed(
    path: &str,
    old: &[(&str, &Tree)],
    new: &[(&str, &Tree)],
    out: &mut Vec<ChangeKind>,
) {
    let new_by_key: HashMap<&str, &Tree> = new.iter().copied().collect();
    let old_by_key: HashMap<&str, &Tree> = old.iter().copied().collect();
    for (key, old_item) in old {
        match new_by_key.get(key) {
            Some(new_item) => compare(&join_item(path, key), old_item, new_item, out),
            None => out.push(ChangeKind::ItemRemoved {
                path: join_item(path, key),
                value: (*old_item).clone(),
            }),
        }
    }
    for (key, new_item) in new {
        if !old_by_key.contains_key(key) {
            out.push(ChangeKind::ItemAdded {
                path: join_item(path, key),
                value: (*new_item).clone(),
            });
        }
    }
    let old_keys: Vec<&str> = old.iter().map(|(key, _)| *key).collect();
    let new_keys: Vec<&str> = new.iter().map(|(key, _)| *key).collect();
    out.extend(reordered(path, &old_keys, &new_keys));
}

/// Whether the keys both lists have come in another order: the two orders, common keys only.
pub(crate) fn reordered(path: &str, old: &[&str], new: &[&str]) -> Option<ChangeKind> {
    let old_set: HashSet<&str> = old.iter().copied().collect();
    let new_set: HashSet<&str> = new.iter().copied().collect();
    let old_order: Vec<String> = old
        .iter()
        .filter(|key| new_set.contains(*key))
        .map(|key| (*key).to_owned())
        .collect();
    let new_order: Vec<String> = new
        .iter()
        .filter(|key| old_set.contains(*key))
        .map(|key| (*key).to_owned())
        .collect();
    (old_order != new_order).then(|| ChangeKind::Reordered {
        path: path.to_owned(),
        old: old_order,
        new: new_order,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(json: &str) -> Tree {
        serde_json::from_str(json).unwrap()
    }

    fn changes(old: &str, new: &str) -> Vec<ChangeKind> {
        let mut out = Vec::new();
        compare("", &tree(old), &tree(new), &mut out);
        out
    }

    fn field(path: &str, old: Option<&str>, new: Option<&str>) -> ChangeKind {
        ChangeKind::Field {
            path: path.into(),
            old: old.map(tree),
            new: new.map(tree),
        }
    }

    #[test]
    fn nested_leaves_are_named_by_path() {
        let old = r#"{"cases": [{"port": "sim", "rules": [{"var": "a", "value": "x"}, {"var": "b", "value": "sim"}]}]}"#;
        let new = r#"{"cases": [{"port": "sim", "rules": [{"var": "a", "value": "x"}, {"var": "b", "value": "s"}]}]}"#;
        assert_eq!(
            changes(old, new),
            [field(
                "cases[0].rules[1].value",
                Some(r#""sim""#),
                Some(r#""s""#)
            )]
        );
    }

    #[test]
    fn a_key_set_or_left_out_is_a_field_with_no_value_on_one_side() {
        let old = r#"{"url": "u", "headers": {"Authorization": "Bearer x", "X Y": "1"}}"#;
        let new = r#"{"url": "u", "headers": {"Authorization": "Bearer y"}, "timeout_ms": 100}"#;
        assert_eq!(
            changes(old, new),
            [
                field(
                    "headers.Authorization",
                    Some(r#""Bearer x""#),
                    Some(r#""Bearer y""#)
                ),
                field(r#"headers["X Y"]"#, Some(r#""1""#), None),
                field("timeout_ms", None, Some("100")),
            ]
        );
    }

    #[test]
    fn lists_with_ids_compare_by_id_and_notice_a_new_order() {
        let old =
            r#"{"agents": [{"id": "ana", "status": "Online"}, {"id": "bia"}, {"id": "caio"}]}"#;
        let new =
            r#"{"agents": [{"id": "caio"}, {"id": "ana", "status": "Offline"}, {"id": "duda"}]}"#;
        let got = changes(old, new);
        assert_eq!(
            got,
            [
                field(
                    "agents[ana].status",
                    Some(r#""Online""#),
                    Some(r#""Offline""#)
                ),
                ChangeKind::ItemRemoved {
                    path: "agents[bia]".into(),
                    value: tree(r#"{"id": "bia"}"#)
                },
                ChangeKind::ItemAdded {
                    path: "agents[duda]".into(),
                    value: tree(r#"{"id": "duda"}"#)
                },
                ChangeKind::Reordered {
                    path: "agents".into(),
                    old: vec!["ana".into(), "caio".into()],
                    new: vec!["caio".into(), "ana".into()],
                },
            ]
        );
    }

    #[test]
    fn lists_of_plain_values_are_one_value_and_others_go_by_index() {
        assert_eq!(
            changes(r#"{"d": ["A", "B"]}"#, r#"{"d": ["A", "C", "B"]}"#),
            [field("d", Some(r#"["A","B"]"#), Some(r#"["A","C","B"]"#))]
        );
        // Two items with the same id: by index.
        let old = r#"{"m": [{"id": "x", "v": 1}, {"id": "x", "v": 2}]}"#;
        let new = r#"{"m": [{"id": "x", "v": 1}]}"#;
        assert_eq!(
            changes(old, new),
            [ChangeKind::ItemRemoved {
                path: "m[1]".into(),
                value: tree(r#"{"id": "x", "v": 2}"#)
            }]
        );
        // Rows of a map in another order.
        assert_eq!(
            changes(
                r#"{"set": {"a": "1", "b": "{{a}}"}}"#,
                r#"{"set": {"b": "{{a}}", "a": "1"}}"#
            ),
            [ChangeKind::Reordered {
                path: "set".into(),
                old: vec!["a".into(), "b".into()],
                new: vec!["b".into(), "a".into()],
            }]
        );
        // A value that changes type is one change.
        assert_eq!(
            changes(r#"{"expect": "Any"}"#, r#"{"expect": {"Options": ["a"]}}"#),
            [field(
                "expect",
                Some(r#""Any""#),
                Some(r#"{"Options": ["a"]}"#)
            )]
        );
    }
}
