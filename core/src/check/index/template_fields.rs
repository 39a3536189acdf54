//! Every template field of a node handed to a closure, in [`NodeKind::template_fields`] order: the
//! same list without building a `Vec` for each node (10,000 of them on a big flow). The test
//! below holds the two to the same fields for every kind.

use crate::flow::{FieldKey, NodeKind, TemplateField, TemplateMap};

/// Calls `visit` with each template field of `kind`, in form order.
pub(crate) fn for_each<'a>(kind: &'a NodeKind, mut visit: impl FnMut(TemplateField<'a>)) {
    let whole = |field: &'a str, text: &'a str| TemplateField {
        field,
        key: FieldKey::Whole,
        text,
    };
    match kind {
        NodeKind::Entry { .. } | NodeKind::BusinessHours { .. } | NodeKind::SubFlow { .. } => {}
        NodeKind::Message { text, buttons } => {
            visit(whole("text", text));
            for (index, text) in buttons.iter().enumerate() {
                visit(TemplateField {
                    field: "buttons",
                    key: FieldKey::Item(index),
                    text,
                });
            }
        }
        NodeKind::Ask {
            prompt,
            retry_message,
            ..
        } => {
            visit(whole("prompt", prompt));
            visit(whole("retry_message", retry_message));
        }
        NodeKind::Request {
            url, headers, body, ..
        } => {
            visit(whole("url", url));
            entries("headers", headers, &mut visit);
            visit(whole("body", body));
        }
        NodeKind::Condition { cases } => {
            for (case_index, case) in cases.iter().enumerate() {
                for (rule_index, rule) in case.rules.iter().enumerate() {
                    visit(TemplateField {
                        field: "value",
                        key: FieldKey::Rule(case_index, rule_index),
                        text: &rule.value,
                    });
                }
            }
        }
        NodeKind::SetVariable { set } => entries("set", set, &mut visit),
        NodeKind::Queue { message, .. } | NodeKind::End { message } => {
            visit(whole("message", message));
        }
        NodeKind::LiveChat {
            extra_info,
            contact_info,
            closing_message,
            ..
        } => {
            entries("extra_info", extra_info, &mut visit);
            entries("contact_info", contact_info, &mut visit);
            visit(whole("closing_message", closing_message));
        }
    }
}

fn entries<'a>(field: &'a str, map: &'a TemplateMap, visit: &mut impl FnMut(TemplateField<'a>)) {
    for (key, text) in map {
        visit(TemplateField {
            field,
            key: FieldKey::Entry(key),
            text,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::spec;
    use crate::flow::KindTag;
    use crate::generator;

    #[test]
    fn the_same_fields_as_template_fields() {
        let mut kinds: Vec<NodeKind> = KindTag::ALL.iter().map(|tag| tag.default_kind()).collect();
        for flow in [spec(), generator::flow(200, 3)] {
            kinds.extend(flow.nodes.into_iter().map(|node| node.kind));
        }
        let mut kinds_seen = std::collections::BTreeSet::new();
        for kind in &kinds {
            let mut visited = Vec::new();
            for_each(kind, |field| visited.push(field));
            assert_eq!(visited, kind.template_fields(), "{kind:?}");
            if !visited.is_empty() {
                kinds_seen.insert(kind.tag().as_str());
            }
        }
        // Every kind with template fields, with maps and lists filled in by the flows.
        assert_eq!(kinds_seen.len(), 8, "{kinds_seen:?}");
    }
}
