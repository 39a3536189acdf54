//! What a Request's url and body become once their templates hold sample values, and whether that
//! is an absolute http(s) URL and valid JSON. Used by `bad-url`, `bad-json` and `unused-mock`.
//! Each problem is a [`Reason`]: `url-problem.*` and `json-problem.*` in the binary's words.

use crate::template::{Part, Template};

use super::finding::{Args, Reason};

/// The sample a reference stands for in a url (other than `team.api_base`).
pub(crate) const URL_SAMPLE: &str = "sample";
/// The sample a reference stands for inside a JSON string.
const JSON_TEXT_SAMPLE: &str = "sample";
/// The sample a reference stands for outside a JSON string: a number fits any value position.
const JSON_VALUE_SAMPLE: &str = "1";

fn url_reason(variant: &'static str, args: Args) -> Reason {
    Reason::new("url-problem", variant, args)
}

/// Why `url` is not an absolute http(s) URL with a host (`None` when it is one).
pub(crate) fn url_problem(url: &str) -> Option<Reason> {
    if url.trim().is_empty() {
        return Some(url_reason("empty", Args::new()));
    }
    if let Some(c) = url.chars().find(|c| c.is_whitespace()) {
        let variant = if c == ' ' { "space" } else { "line-break" };
        return Some(url_reason(variant, Args::new()));
    }
    if url.chars().any(char::is_control) {
        return Some(url_reason("control", Args::new()));
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return Some(url_reason("no-scheme", Args::new()));
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Some(url_reason("scheme", Args::new().text("scheme", scheme)));
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
        return Some(url_reason(
            "character",
            Args::new().text("character", c.to_string()),
        ));
    }
    None
}

fn host_problem(host_port: &str) -> Option<Reason> {
    let (host, port) = if let Some(v6) = host_port.strip_prefix('[') {
        let Some((address, after)) = v6.split_once(']') else {
            return Some(url_reason("ipv6-unclosed", Args::new()));
        };
        if address.is_empty()
            || !address
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return Some(url_reason("ipv6", Args::new().text("address", address)));
        }
        match after {
            "" => (address, None),
            _ => match after.strip_prefix(':') {
                Some(port) => (address, Some(port)),
                None => return Some(url_reason("after-host", Args::new().text("after", after))),
            },
        }
    } else {
        match host_port.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        }
    };
    if host.is_empty() {
        return Some(url_reason("no-host", Args::new()));
    }
    if !host_port.starts_with('[') {
        if let Some(c) = host
            .chars()
            .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '_')))
        {
            return Some(url_reason(
                "host-character",
                Args::new()
                    .text("host", host)
                    .text("character", c.to_string()),
            ));
        }
        if host.starts_with('.') || host.contains("..") {
            return Some(url_reason(
                "host-empty-part",
                Args::new().text("host", host),
            ));
        }
    }
    if let Some(port) = port {
        let is_port = !port.is_empty()
            && port.bytes().all(|b| b.is_ascii_digit())
            && port
                .parse::<u32>()
                .is_ok_and(|port| (1..=65_535).contains(&port));
        if !is_port {
            return Some(url_reason("port", Args::new().text("port", port)));
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

/// Where and why a JSON body does not parse once each reference holds a sample that fits where
/// it stands (inside a JSON string: text; elsewhere: a number): the line and column in the body
/// as written, and the reason.
pub(crate) fn json_problem(template: &Template) -> Option<(usize, usize, Reason)> {
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
    let at = pieces.partition_point(|(start, _, _)| *start <= sample_offset);
    let source_offset = at.checked_sub(1).and_then(|at| pieces.get(at)).map_or(
        0,
        |&(start, source_start, is_var)| {
            if is_var {
                source_start
            } else {
                source_start + (sample_offset - start)
            }
        },
    );
    let (line, column) = line_column(source, source_offset);
    Some((line, column, json_reason(&err)))
}

/// serde_json's messages (its `ErrorCode`s) and our reason for each.
const JSON_REASONS: [(&str, &str); 19] = [
    ("EOF while parsing a list", "eof-list"),
    ("EOF while parsing an object", "eof-object"),
    ("EOF while parsing a string", "eof-string"),
    ("EOF while parsing a value", "eof-value"),
    ("expected `:`", "expected-colon"),
    ("expected `,` or `]`", "expected-comma-or-bracket"),
    ("expected `,` or `}`", "expected-comma-or-brace"),
    ("expected ident", "expected-ident"),
    ("expected value", "expected-value"),
    ("invalid escape", "invalid-escape"),
    ("invalid number", "invalid-number"),
    ("number out of range", "number-out-of-range"),
    ("invalid unicode code point", "invalid-unicode"),
    ("key must be a string", "key-not-string"),
    ("trailing comma", "trailing-comma"),
    ("trailing characters", "trailing-characters"),
    ("recursion limit exceeded", "too-deep"),
    ("lone leading surrogate in hex escape", "invalid-unicode"),
    ("unexpected end of hex escape", "invalid-escape"),
];

/// serde_json's reason as one of ours: its messages are a fixed list (its `ErrorCode`).
fn json_reason(err: &serde_json::Error) -> Reason {
    let message = err.to_string();
    let message = message
        .rfind(" at line ")
        .map_or(message.as_str(), |cut| &message[..cut]);
    if message.starts_with("control character") {
        return Reason::new("json-problem", "control-character", Args::new());
    }
    match JSON_REASONS.iter().find(|(text, _)| *text == message) {
        Some((_, variant)) => Reason::new("json-problem", variant, Args::new()),
        None => Reason::new("json-problem", "other", Args::new().text("detail", message)),
    }
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
