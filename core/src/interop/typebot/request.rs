//! Typebot's HTTP request block (`Webhook` in exports) as a Request node: method, url with its
//! query parameters, headers, body, time limit, and the response mapping as `save` json paths.
//!
//! Typebot maps from the response object `{statusCode, data}`: `data.results[0].id` is the
//! body's `results[0].id`, `data` the whole body. A mapping of `statusCode` becomes a SetVariable
//! after the Request (`{{http.status}}`). Typebot goes on by one edge whatever the answer, so
//! both `ok` and `error` lead there.

use serde_json::Value;

use crate::flow::{Method, NodeKind, TemplateMap};

use super::blocks::{Ctx, Exit, Piece};
use super::report::Issue;
use super::source::{flag_at, list_at, number_at, options, str_at, text_at};

/// Typebot's default time limit, in seconds.
const DEFAULT_TIMEOUT_S: f64 = 10.0;

fn method(name: &str) -> Option<Method> {
    Some(match name.to_ascii_uppercase().as_str() {
        "GET" => Method::Get,
        "POST" => Method::Post,
        "PUT" => Method::Put,
        "PATCH" => Method::Patch,
        "DELETE" => Method::Delete,
        _ => return None,
    })
}

/// A response mapping's `bodyPath` as a fluxo json path, and whether all of it could be kept.
fn body_path(path: &str) -> (String, bool) {
    let path = path.trim();
    let is_plain = |c: char| c.is_alphanumeric() || "_-.[]$".contains(c);
    let (plain, is_whole) = match path.find(|c: char| !is_plain(c)) {
        None => (path, true),
        Some(cut) => {
            // `data.genres.flatMap(item => ...)`: what stands before the call.
            let before = &path[..cut];
            let before = match before.rfind('.') {
                Some(dot) if path[cut..].starts_with('(') => &before[..dot],
                _ => before,
            };
            (before.trim_end_matches(['.', '[']), false)
        }
    };
    let inside = match plain.strip_prefix("data") {
        Some(rest) if rest.is_empty() || rest.starts_with(['.', '[']) => rest,
        _ => return (plain.to_owned(), false),
    };
    let inside = inside.strip_prefix('.').unwrap_or(inside);
    // A leading index (`[0].name`) as a key (`0.name`).
    let inside = match inside
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
    {
        Some((index, rest)) => format!("{index}{rest}"),
        None => inside.to_owned(),
    };
    (inside, is_whole)
}

pub(super) fn piece<'a>(cx: &mut Ctx<'_, 'a>) -> Piece<'a> {
    let opts = options(cx.block);
    let webhook = opts.get("webhook").unwrap_or(&Value::Null);
    let mut issues = Vec::new();
    let method_name = text_at(webhook, "method").unwrap_or("POST");
    let method = method(method_name).unwrap_or_else(|| {
        issues.push(Issue::Method {
            method: method_name.to_owned(),
        });
        Method::Get
    });
    let mut url = cx.text(text_at(webhook, "url").unwrap_or(""), &mut issues);
    let mut query = Vec::new();
    for param in list_at(webhook, "queryParams") {
        if let Some(key) = text_at(param, "key") {
            let value = cx.text(str_at(param, "value").unwrap_or(""), &mut issues);
            query.push(format!("{key}={value}"));
        }
    }
    if !query.is_empty() {
        url.push(if url.contains('?') { '&' } else { '?' });
        url.push_str(&query.join("&"));
    }
    let mut headers = TemplateMap::new();
    for header in list_at(webhook, "headers") {
        if let Some(key) = text_at(header, "key") {
            let value = cx.text(str_at(header, "value").unwrap_or(""), &mut issues);
            headers.insert(key.to_owned(), value);
        }
    }
    let written_body = str_at(webhook, "body").unwrap_or("");
    let is_custom = match opts.get("isCustomBody") {
        Some(_) => flag_at(opts, "isCustomBody"),
        None => !written_body.trim().is_empty(),
    };
    let body = if is_custom {
        cx.text(written_body, &mut issues)
    } else {
        if method != Method::Get {
            issues.push(Issue::DefaultBody);
        }
        String::new()
    };
    let timeout_s = number_at(opts, "timeout").unwrap_or(DEFAULT_TIMEOUT_S);
    let timeout_ms = (timeout_s.clamp(0.0, 3600.0) * 1000.0).round() as u64;
    let mut save = TemplateMap::new();
    let mut status_variables = Vec::new();
    for mapping in list_at(opts, "responseVariableMapping") {
        let Some(variable) = cx.names.at(mapping, "variableId") else {
            continue;
        };
        let written = text_at(mapping, "bodyPath").unwrap_or("data");
        if written == "statusCode" {
            status_variables.push(variable);
            continue;
        }
        let (path, is_whole) = body_path(written);
        if !is_whole {
            issues.push(Issue::ResponsePath {
                variable: variable.clone(),
                path: written.to_owned(),
                saved: path.clone(),
            });
        }
        save.insert(variable, path);
    }
    let request = NodeKind::Request {
        method,
        url,
        headers,
        body,
        timeout_ms,
        save,
    };
    let mut piece = Piece::one(request);
    let after = if status_variables.is_empty() {
        Exit::Next
    } else {
        let set = status_variables
            .into_iter()
            .map(|variable| (variable, "{{http.status}}".to_owned()))
            .collect();
        piece.nodes.push(NodeKind::SetVariable { set });
        piece = piece.exit(1, "next", Exit::Next);
        Exit::Own(1)
    };
    piece = piece.exit(0, "ok", after).exit(0, "error", after);
    for issue in issues {
        piece.issue(issue);
    }
    piece
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_paths_lose_data_and_keep_what_stands_before_code() {
        assert_eq!(body_path("data"), (String::new(), true));
        assert_eq!(
            body_path("data.results[0].id"),
            ("results[0].id".into(), true)
        );
        assert_eq!(body_path("data[0].name"), ("0.name".into(), true));
        assert_eq!(
            body_path("data.genres.flatMap(item => item.name)"),
            ("genres".into(), false)
        );
        assert_eq!(
            body_path("data.results.map(movie => movie.title).join(', ')"),
            ("results".into(), false)
        );
        assert_eq!(body_path("other.path"), ("other.path".into(), false));
    }
}
