//! `inline-secret`: a credential written in the flow: a header named Authorization, or whose
//! name has token, key, secret, password or senha, that holds literal text besides an auth
//! scheme word; or such a url query parameter.
//!
//! - Why: anyone who opens, shares or commits the flow file can read the credential, and it
//!   goes with every copy of the flow.
//! - Example: `headers: {"Authorization": "Bearer abc123"}`, `url: "https://x.com/a?api_key=abc"`.
//! - Mend: write `Bearer {{secret.api_token}}` and give the value in `FLUXO_SECRET_API_TOKEN`
//!   or in the scenario's `secrets`.
//!
//! The finding never repeats the credential. Auth scheme words: Bearer, Basic, Token, Bot,
//! Digest, ApiKey, JWT. A reference to a flow variable (`Bearer {{token}}`) is not literal text.

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;
use crate::flow::NodeKind;
use crate::template::{PartRef, scan_parts};

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for (i, node) in index.flow.nodes.iter().enumerate() {
        let NodeKind::Request { url, headers, .. } = &node.kind else {
            continue;
        };
        for name in query_secrets(url) {
            let secret = secret_name(name);
            sink.node(
                i,
                Severity::Warning,
                Code::InlineSecret,
                Some("url".into()),
                "query",
                Args::new()
                    .text("name", name)
                    .text("example", format!("{name}={{{{secret.{secret}}}}}"))
                    .text(
                        "variable",
                        format!("FLUXO_SECRET_{}", secret.to_ascii_uppercase()),
                    ),
            );
        }
        for (name, value) in headers {
            if !is_secret_name(name) {
                continue;
            }
            let mut words = literal_words(value).into_iter().peekable();
            let scheme = words
                .peek()
                .copied()
                .filter(|word| is_auth_scheme(word) && value.trim_start().starts_with(word));
            if scheme.is_some() {
                words.next();
            }
            if words.next().is_none() {
                continue;
            }
            let secret = secret_name(name);
            let example = match scheme {
                Some(scheme) => format!("{scheme} {{{{secret.{secret}}}}}"),
                None => format!("{{{{secret.{secret}}}}}"),
            };
            sink.node(
                i,
                Severity::Warning,
                Code::InlineSecret,
                Some(format!("headers.{name}")),
                "",
                Args::new()
                    .text("name", name)
                    .text("example", example)
                    .text(
                        "variable",
                        format!("FLUXO_SECRET_{}", secret.to_ascii_uppercase()),
                    ),
            );
        }
    }
}

/// The names of the url's query parameters that hold a literal credential.
fn query_secrets(url: &str) -> Vec<&str> {
    let Some((_, query)) = url.split_once('?') else {
        return Vec::new();
    };
    let query = query.split('#').next().unwrap_or("");
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(name, value)| is_secret_name(name) && !literal_words(value).is_empty())
        .map(|(name, _)| name)
        .collect()
}

/// Authorization, and any header or parameter whose name says token, key, secret or password.
fn is_secret_name(name: &str) -> bool {
    let name = name.trim();
    name.eq_ignore_ascii_case("authorization")
        || name.eq_ignore_ascii_case("proxy-authorization")
        || ["token", "key", "secret", "password", "passwd", "senha"]
            .iter()
            .any(|word| contains_ignoring_case(name, word))
}

/// Whether `text` contains `word` (ASCII, lower case), ignoring ASCII case.
fn contains_ignoring_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|window| window.eq_ignore_ascii_case(word.as_bytes()))
}

fn is_auth_scheme(word: &str) -> bool {
    ["bearer", "basic", "token", "bot", "digest", "apikey", "jwt"]
        .iter()
        .any(|scheme| word.eq_ignore_ascii_case(scheme))
}

/// The secret name to suggest for a header: `api_token` for Authorization, else the header's
/// name in snake case (`X-Api-Key` as `x_api_key`).
fn secret_name(header: &str) -> String {
    let lower = header.trim().to_ascii_lowercase();
    if lower.ends_with("authorization") {
        return "api_token".to_owned();
    }
    let name: String = lower
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let name = name.trim_matches('_');
    if name.is_empty() {
        "api_token".to_owned()
    } else {
        name.to_owned()
    }
}

/// The words of a value's literal text (outside any template reference) that hold a letter or
/// digit.
fn literal_words(value: &str) -> Vec<&str> {
    let mut words = Vec::new();
    scan_parts(value, |part| match part {
        PartRef::Text(span) | PartRef::Broken(span) => words.extend(
            value
                .get(span)
                .unwrap_or("")
                .split_whitespace()
                .filter(|word| word.chars().any(char::is_alphanumeric)),
        ),
        PartRef::Var { .. } => {}
    });
    words
}
