//! What a Request's url and body become once their templates hold sample values, and whether that
//! is an absolute http(s) URL and valid JSON. Used by `bad-url` and `bad-json`.

use crate::template::{Part, Template};

/// The sample a reference stands for in a url (other than `team.api_base`).
pub(crate) const URL_SAMPLE: &str = "sample";
/// The sample a reference stands for inside a JSON string.
const JSON_TEXT_SAMPLE: &str = "sample";
/// The sample a reference stands for outside a JSON string: a number fits any value position.
const JSON_VALUE_SAMPLE: &str = "1";

/// Why `url` is not an absolute http(s) URL with a host (`None` when it is one). The answer
/// completes "the url ... is not an absolute http(s) URL: ...".
pub(crate) fn url_problem(url: &str) -> Option<String> {
    if url.trim().is_empty() {
        return Some("it is empty".into());
    }
    if let Some(c) = url.chars().find(|c| c.is_whitespace()) {
        return Some(if c == ' ' {
            "it has a space (write %20, or put the text in a template)".into()
        } else {
            "it has a line break or a tab".into()
        });
    }
    if url.chars().any(char::is_control) {
        return Some("it has a control character".into());
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return Some("it must start with https:// or http://".into());
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Some(format!("`{scheme}://` is not http:// or https://"));
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    // user:password@host is legal, though a secret has no place there.
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    if let Some(problem) = host_problem(host_port) {
        return Some(problem);
    }
    if let Some(c) = path
        .chars()
        .find(|c| matches!(c, '<' | '>' | '"' | '{' | '}' | '\\' | '`'))
    {
        return Some(format!(
            "it has the character `{c}`, which a url cannot hold"
        ));
    }
    None
}

fn host_problem(host_port: &str) -> Option<String> {
    let (host, port) = if let Some(v6) = host_port.strip_prefix('[') {
        let Some((address, after)) = v6.split_once(']') else {
            return Some("its IPv6 host has no closing `]`".into());
        };
        if address.is_empty()
            || !address
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return Some(format!("`[{address}]` is not an IPv6 address"));
        }
        match after {
            "" => (address, None),
            _ => match after.strip_prefix(':') {
                Some(port) => (address, Some(port)),
                None => return Some(format!("`{after}` after the host is not a port")),
            },
        }
    } else {
        match host_port.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        }
    };
    if host.is_empty() {
        return Some("it has no host (https://HOST/...)".into());
    }
    if !host_port.starts_with('[') {
        if let Some(c) = host
            .chars()
            .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '_')))
        {
            return Some(format!("the host `{host}` has the character `{c}`"));
        }
        if host.starts_with('.') || host.contains("..") {
            return Some(format!("the host `{host}` has an empty part"));
        }
    }
    if let Some(port) = port {
        let is_port = !port.is_empty()
            && port.bytes().all(|b| b.is_ascii_digit())
            && port
                .parse::<u32>()
                .is_ok_and(|port| (1..=65_535).contains(&port));
        if !is_port {
            return Some(format!("`{port}` is not a port number (1 to 65535)"));
        }
    }
    None
}

/// A url template with `team.api_base` expanded to `api_base` and every other reference to a
/// sample value.
pub(crate) fn url_sample(template: &Template, api_base: &str) -> String {
    template.replace_vars(|_, name| {
        if name == "team.api_base" {
            api_base.to_owned()
        } else {
            URL_SAMPLE.to_owned()
        }
    })
}

/// Whether a body is JSON: a `Content-Type` saying json, or a first non-blank character outside
/// any template reference that is `{` or `[`.
pub(crate) fn is_json_body<'h>(
    template: &Template,
    mut headers: impl Iterator<Item = (&'h str, &'h str)>,
) -> bool {
    if headers.any(|(name, value)| {
        name.trim().eq_ignore_ascii_case("content-type")
            && value.to_ascii_lowercase().contains("json")
    }) {
        return true;
    }
    let source = template.source();
    for part in template.parts() {
        match part {
            Part::Var { .. } => {}
            Part::Text(span) | Part::Broken(span) => {
                let text = source.get(span.clone()).unwrap_or("");
                if let Some(c) = text.chars().find(|c| !c.is_whitespace()) {
                    return c == '{' || c == '[';
                }
            }
        }
    }
    false
}

/// Why a JSON body does not parse once each reference holds a sample that fits where it stands
/// (inside a JSON string: text; elsewhere: a number). The answer names the line and column in
/// the body as written.
pub(crate) fn json_problem(template: &Template) -> Option<String> {
    let source = template.source();
    let mut sample = String::with_capacity(source.len());
    // (offset in sample, offset in source, whether the piece is a replaced reference)
    let mut pieces: Vec<(usize, usize, bool)> = Vec::new();
    let mut is_in_string = false;
    let mut is_escaped = false;
    for part in template.parts() {
        let span = part.span();
        pieces.push((sample.len(), span.start, matches!(part, Part::Var { .. })));
        match part {
            Part::Var { .. } => sample.push_str(if is_in_string {
                JSON_TEXT_SAMPLE
            } else {
                JSON_VALUE_SAMPLE
            }),
            Part::Text(_) | Part::Broken(_) => {
                let text = source.get(span).unwrap_or("");
                for c in text.chars() {
                    if is_escaped {
                        is_escaped = false;
                    } else if c == '\\' && is_in_string {
                        is_escaped = true;
                    } else if c == '"' {
                        is_in_string = !is_in_string;
                    }
                }
                sample.push_str(text);
            }
        }
    }
    let err = serde_json::from_str::<serde::de::IgnoredAny>(&sample).err()?;
    let sample_offset = offset_of(&sample, err.line(), err.column());
    let source_offset = pieces
        .iter()
        .rev()
        .find(|(start, _, _)| *start <= sample_offset)
        .map_or(0, |&(start, source_start, is_var)| {
            if is_var {
                source_start
            } else {
                source_start + (sample_offset - start)
            }
        });
    let (line, column) = line_column(source, source_offset);
    let message = err.to_string();
    let message = message
        .rfind(" at line ")
        .map_or(message.as_str(), |cut| &message[..cut]);
    Some(format!("line {line}, column {column}: {message}"))
}

/// The byte offset of serde_json's 1-based line and column (a column counts bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(at, _)| at + 1)
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or("");
    let line = 1 + before.matches('\n').count();
    let column = 1 + before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count());
    (line, column)
}
