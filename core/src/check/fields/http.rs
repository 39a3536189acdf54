//! A Request's url (`empty-field`, `bad-url`), body (`bad-json`) and headers (`empty-field`,
//! `inline-secret`).

use rustc_hash::FxHashMap;

use crate::flow::{Team, TemplateMap};
use crate::template::{Part, PartRef, Template, scan_parts};

use super::super::samples::{is_json_body, json_problem, url_problem, url_sample};
use super::super::{Code, Severity, is_blank};
use super::NodeSink;

/// The fields of a Request the checks read.
pub(super) struct Request<'a> {
    pub url: &'a str,
    pub headers: &'a TemplateMap,
    pub body: &'a str,
}

/// What a url gives, and what a header gives, by their text: big flows call the same few urls
/// with the same few headers from many nodes.
#[derive(Default)]
pub(super) struct Memo<'a> {
    urls: FxHashMap<&'a str, Vec<(Severity, Code, String)>>,
    /// By (name, value): the `inline-secret` message, if the header holds a credential.
    secrets: FxHashMap<(&'a str, &'a str), Option<String>>,
}

pub(super) fn check<'a>(
    team: &Team,
    request: &Request<'a>,
    memo: &mut Memo<'a>,
    out: &mut NodeSink<'_, '_>,
) {
    let found = memo
        .urls
        .entry(request.url)
        .or_insert_with(|| url(team, request.url));
    for (severity, code, message) in found.iter() {
        match severity {
            Severity::Error => out.error(*code, "url", message.clone()),
            Severity::Warning => out.warning(*code, "url", message.clone()),
        }
    }
    headers(request.headers, &mut memo.secrets, out);
    body(request, out);
}

fn url(team: &Team, url: &str) -> Vec<(Severity, Code, String)> {
    let mut found = Vec::new();
    if is_blank(url) {
        found.push((
            Severity::Error,
            Code::EmptyField,
            "write the url to call (for example `{{team.api_base}}/agents/{{contact.custom.gerente_de_contas}}`)".to_owned(),
        ));
        return found;
    }
    let template = Template::parse(url);
    let base = team.api_base.trim();
    let uses_base = template.names().any(|name| name == "team.api_base");
    if uses_base && base.is_empty() {
        found.push((
            Severity::Error,
            Code::BadUrl,
            "the url starts from {{team.api_base}}, but the team's api base is empty: set the team's api base (for example https://api.huggy.app/v3)".into(),
        ));
        return found;
    }
    let sample = url_sample(&template, base);
    if let Some(problem) = url_problem(&sample) {
        let starts_unknown = match template.parts().first() {
            Some(Part::Var { name, .. }) => (name != "team.api_base").then_some(name.as_str()),
            _ => None,
        };
        let message = if let Some(name) = starts_unknown {
            format!(
                "the url starts with {{{{{name}}}}}, whose value the check cannot know: start it with https://, http:// or {{{{team.api_base}}}}"
            )
        } else if uses_base && url_problem(base).is_some() {
            format!(
                "the team's api base `{base}` is not an absolute http(s) URL, so this url is not either: mend the team's api base"
            )
        } else {
            format!(
                "the url is not an absolute http(s) URL once its templates hold values (`{sample}`): {problem}"
            )
        };
        found.push((Severity::Error, Code::BadUrl, message));
        return found;
    }
    query_secrets(url, &mut found);
    found
}

/// `?token=abc123` in a url: a credential written in the flow.
fn query_secrets(url: &str, found: &mut Vec<(Severity, Code, String)>) {
    let Some((_, query)) = url.split_once('?') else {
        return;
    };
    let query = query.split('#').next().unwrap_or("");
    for pair in query.split('&') {
        let Some((name, value)) = pair.split_once('=') else {
            continue;
        };
        if is_secret_name(name) && literal_words(value).next().is_some() {
            found.push((
                Severity::Warning,
                Code::InlineSecret,
                format!(
                    "the url's `{name}` parameter holds a credential written in the flow, which anyone who opens the file can read: write `{name}={{{{secret.{}}}}}` and give the value in FLUXO_SECRET_{} or the scenario's secrets",
                    secret_name(name),
                    secret_name(name).to_ascii_uppercase()
                ),
            ));
        }
    }
}

fn headers<'a>(
    headers: &'a TemplateMap,
    secrets: &mut FxHashMap<(&'a str, &'a str), Option<String>>,
    out: &mut NodeSink<'_, '_>,
) {
    if headers.keys().any(|key| is_blank(key)) {
        out.empty(
            "headers",
            "a header has a value but no name: name it (for example `Authorization`), or remove the row",
        );
    }
    for (name, value) in headers {
        let message = secrets
            .entry((name.as_str(), value.as_str()))
            .or_insert_with(|| secret_message(name, value));
        if let Some(message) = message {
            out.warning(
                Code::InlineSecret,
                format!("headers.{name}"),
                message.clone(),
            );
        }
    }
}

/// The `inline-secret` message for a header that holds a credential written in the flow.
fn secret_message(name: &str, value: &str) -> Option<String> {
    if !is_secret_name(name) {
        return None;
    }
    let mut words = literal_words(value).peekable();
    let scheme = words
        .peek()
        .copied()
        .filter(|word| is_auth_scheme(word) && value.trim_start().starts_with(word));
    if scheme.is_some() {
        words.next();
    }
    words.next()?;
    let secret = secret_name(name);
    let example = match scheme {
        Some(scheme) => format!("{scheme} {{{{secret.{secret}}}}}"),
        None => format!("{{{{secret.{secret}}}}}"),
    };
    Some(format!(
        "the header `{name}` holds a credential written in the flow, which anyone who opens the file can read: write `{example}` and give the value in FLUXO_SECRET_{} or the scenario's secrets",
        secret.to_ascii_uppercase()
    ))
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
fn literal_words(value: &str) -> impl Iterator<Item = &str> {
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
    words.into_iter()
}

fn body(request: &Request<'_>, out: &mut NodeSink<'_, '_>) {
    if is_blank(request.body) {
        return;
    }
    let template = Template::parse(request.body);
    let headers = request
        .headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()));
    if !is_json_body(&template, headers) {
        return;
    }
    if let Some(problem) = json_problem(&template) {
        out.error(
            Code::BadJson,
            "body",
            format!(
                "the body is not valid JSON ({problem}): mend it; a template may stand inside a string (\"{{{{nome}}}}\") or as a whole value"
            ),
        );
    }
}
