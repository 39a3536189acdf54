//! A text bubble's rich text (Plate/Slate elements) flattened to plain text: one line per
//! paragraph, heading or list item (`• ` or `1. ` in front, nested lists indented), a link as
//! its text with the address in brackets when the text does not show it, bold and italics as
//! plain letters.

use serde_json::Value;

use super::source::{list_at, str_at};

/// Element types that sit inside a line rather than make one.
const INLINE: [&str; 4] = ["a", "inline-variable", "variable", "mention"];

/// The bubble's text: its `richText`, else `plainText`, else `html` without tags.
pub(super) fn bubble_text(content: &Value) -> String {
    if let Some(elements) = content.get("richText").and_then(Value::as_array) {
        let mut lines = Vec::new();
        for element in elements {
            block_lines(element, &mut lines, "");
        }
        while lines.last().is_some_and(|line| line.trim().is_empty()) {
            lines.pop();
        }
        return lines.join("\n");
    }
    if let Some(text) = str_at(content, "plainText") {
        return text.to_owned();
    }
    str_at(content, "html").map(strip_html).unwrap_or_default()
}

fn is_inline(node: &Value) -> bool {
    node.get("text").is_some() || str_at(node, "type").is_some_and(|kind| INLINE.contains(&kind))
}

/// The lines of one block-level element, each prefixed with `indent`.
fn block_lines(node: &Value, lines: &mut Vec<String>, indent: &str) {
    if is_inline(node) {
        lines.push(format!("{indent}{}", inline_text(node)));
        return;
    }
    let kind = str_at(node, "type").unwrap_or("");
    let children = list_at(node, "children");
    match kind {
        "ul" | "ol" => {
            let mut number = 0;
            for item in children {
                number += 1;
                let marker = if kind == "ol" {
                    format!("{number}. ")
                } else {
                    "• ".to_owned()
                };
                list_item(item, lines, indent, &marker);
            }
        }
        _ if children.iter().all(is_inline) => {
            let text: String = children.iter().map(inline_text).collect();
            lines.push(format!("{indent}{text}"));
        }
        _ => {
            for child in children {
                block_lines(child, lines, indent);
            }
        }
    }
}

/// A list item: its own text after the marker, nested lists below it, indented.
fn list_item(item: &Value, lines: &mut Vec<String>, indent: &str, marker: &str) {
    let nested_indent = format!("{indent}  ");
    let mut own = String::new();
    let mut nested = Vec::new();
    let children = if is_inline(item) {
        std::slice::from_ref(item)
    } else {
        list_at(item, "children")
    };
    for child in children {
        match str_at(child, "type") {
            Some("ul" | "ol") => block_lines(child, &mut nested, &nested_indent),
            _ if is_inline(child) => own.push_str(&inline_text(child)),
            // `lic` (list item content) and paragraphs inside an item.
            _ => {
                let mut inner = Vec::new();
                block_lines(child, &mut inner, "");
                own.push_str(&inner.join(" "));
            }
        }
    }
    lines.push(format!("{indent}{marker}{own}"));
    lines.extend(nested);
}

/// The text of an inline node: a leaf's text, a link's text (and address), or its children's.
fn inline_text(node: &Value) -> String {
    if let Some(text) = str_at(node, "text") {
        return text.to_owned();
    }
    let text: String = list_at(node, "children").iter().map(inline_text).collect();
    match (str_at(node, "type"), str_at(node, "url")) {
        (Some("a"), Some(url)) if !url.is_empty() && !text.contains(url) => {
            if text.trim().is_empty() {
                url.to_owned()
            } else {
                format!("{text} ({url})")
            }
        }
        _ => text,
    }
}

/// HTML as text: `<br>` and the end of a paragraph or item are line breaks, other tags go, the
/// common entities are decoded.
fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        if tag.starts_with("br") || tag == "/p" || tag == "/li" || tag == "/div" {
            out.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let text = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paragraphs_become_lines_and_marks_plain_letters() {
        let content = json!({"richText": [
            {"type": "p", "children": [{"text": "Welcome to "}, {"bold": true, "text": "AA"}, {"text": "!"}]},
            {"type": "p", "children": [{"text": ""}]},
            {"type": "p", "children": [{"text": "Second line "}, {"type": "a", "url": "https://x.io", "children": [{"text": "here"}]}]},
            {"type": "p", "children": [{"type": "a", "url": "https://y.io", "children": [{"text": "https://y.io"}]}]},
            {"type": "p", "children": [{"text": ""}]}
        ]});
        assert_eq!(
            bubble_text(&content),
            "Welcome to AA!\n\nSecond line here (https://x.io)\nhttps://y.io"
        );
    }

    #[test]
    fn lists_are_marked_and_nested_lists_indented() {
        let content = json!({"richText": [
            {"type": "h1", "children": [{"text": "Menu"}]},
            {"type": "ul", "children": [
                {"type": "li", "children": [{"type": "lic", "children": [{"text": "Pizza"}]},
                    {"type": "ol", "children": [
                        {"type": "li", "children": [{"type": "lic", "children": [{"text": "Big"}]}]},
                        {"type": "li", "children": [{"type": "lic", "children": [{"text": "Small"}]}]}
                    ]}]},
                {"type": "li", "children": [{"type": "lic", "children": [{"text": "Salad"}]}]}
            ]},
            {"type": "inline-variable", "children": [{"type": "p", "children": [{"text": "{{Name}}"}]}]}
        ]});
        assert_eq!(
            bubble_text(&content),
            "Menu\n• Pizza\n  1. Big\n  2. Small\n• Salad\n{{Name}}"
        );
    }

    #[test]
    fn plain_text_and_html_are_fallbacks() {
        assert_eq!(bubble_text(&json!({"plainText": "Olá"})), "Olá");
        assert_eq!(
            bubble_text(&json!({"html": "<p>Olá <b>Maria</b></p><p>A &amp; B<br/>fim</p>"})),
            "Olá Maria\nA & B\nfim"
        );
        assert_eq!(bubble_text(&json!({})), "");
        assert_eq!(bubble_text(&json!({"html": "a < b"})), "a < b");
    }
}
