//! `unused-mock`: a scenario mock that no Request of the flow can call.
//!
//! - Why: a mock answers a call whose method and whole url match it; one that matches no
//!   Request's url is never used, usually because its url has a typo or the Request changed,
//!   and the Request it was meant for then leaves by `error` (unmocked).
//! - Example: `mocks: [(url: "*/agentes/*")]` when the Request calls `.../agents/...`.
//! - Mend: fix the mock's method or url (it must match the whole url; `*` stands for any run
//!   of characters), or remove it.
//!
//! In a Request's url a reference stands for any text without `/` (an id or a word, not a path)
//! and `team.api_base` for the team's value; a mock's `*` for any text. A mock is used when some
//! Request with its method (any, when the mock has none) has a url both can match. Deciding that
//! costs the product of the two lengths; past [`WORK`] steps in one check, a mock is taken as
//! used (no finding) rather than making the check slow on a huge url.

use std::collections::HashSet;

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;
use crate::flow::{Method, Mock, NodeKind};
use crate::template::{PartRef, scan_parts};

/// Steps (a position in one pattern times a position in the other) spent on all mocks at most.
const WORK: usize = 1 << 26;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let mut requests: Option<Vec<Request<'_>>> = None;
    let mut work_left = WORK;
    for (i, scenario) in index.flow.scenarios.iter().enumerate() {
        for (j, mock) in scenario.mocks.iter().enumerate() {
            let requests = requests.get_or_insert_with(|| requests_of(index));
            let api_base = index.flow.team.api_base.trim();
            if can_call(requests, api_base, mock, &mut work_left) {
                continue;
            }
            let (variant, args) = match mock.method {
                _ if requests.is_empty() => ("no-request", Args::new()),
                Some(method) => (
                    "",
                    Args::new()
                        .text("method", method.as_str())
                        .text("url", &mock.url),
                ),
                None => ("any-method", Args::new().text("url", &mock.url)),
            };
            sink.flow(
                Severity::Warning,
                Code::UnusedMock,
                Some(format!("scenarios[{i}].mocks[{j}]")),
                variant,
                args,
            );
        }
    }
}

/// A call the flow's Requests can make: its method, its url, and the url as a pattern once it
/// is needed (a pattern is as long as the url: it is built only when a mock is compared with it
/// within the work left).
struct Request<'a> {
    method: Method,
    url: &'a str,
    pattern: Option<Vec<Piece>>,
}

/// One piece of a url pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece {
    Char(char),
    /// Any run of characters, empty too (a mock's `*`).
    Any,
    /// Any run of characters but `/`, empty too (a template reference in a Request's url).
    Segment,
}

/// The calls the flow's Requests can make: each distinct method and url once.
fn requests_of<'a>(index: &FlowIndex<'a>) -> Vec<Request<'a>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for node in &index.flow.nodes {
        if let NodeKind::Request { method, url, .. } = &node.kind
            && seen.insert((*method, url.as_str()))
        {
            out.push(Request {
                method: *method,
                url,
                pattern: None,
            });
        }
    }
    out
}

fn request_pattern(url: &str, api_base: &str) -> Vec<Piece> {
    let mut out = Vec::with_capacity(url.len());
    scan_parts(url, |part| match part {
        PartRef::Var { name, .. } if name == "team.api_base" && !api_base.is_empty() => {
            out.extend(api_base.chars().map(Piece::Char));
        }
        PartRef::Var { .. } => {
            if out.last() != Some(&Piece::Segment) {
                out.push(Piece::Segment);
            }
        }
        PartRef::Text(span) | PartRef::Broken(span) => {
            out.extend(url.get(span).unwrap_or("").chars().map(Piece::Char));
        }
    });
    out
}

/// Whether some Request can make a call the mock matches; `true` once `work_left` runs out.
fn can_call(
    requests: &mut [Request<'_>],
    api_base: &str,
    mock: &Mock,
    work_left: &mut usize,
) -> bool {
    let glob: Vec<Piece> = mock
        .url
        .chars()
        .map(|c| if c == '*' { Piece::Any } else { Piece::Char(c) })
        .collect();
    requests.iter_mut().any(|request| {
        if mock.method.is_some_and(|wanted| wanted != request.method) {
            return false;
        }
        // The pattern is at most the url's length plus the api base's for each reference to it.
        let most = request.pattern.as_ref().map_or_else(
            || {
                let bases = request.url.matches("team.api_base").count();
                request
                    .url
                    .len()
                    .saturating_add(bases.saturating_mul(api_base.len()))
            },
            Vec::len,
        );
        let cost = (most.max(glob.len()) + 1).saturating_mul(most.min(glob.len()) + 1);
        if cost > *work_left {
            *work_left = 0;
            return true;
        }
        *work_left -= cost;
        let pattern = request
            .pattern
            .get_or_insert_with(|| request_pattern(request.url, api_base));
        if pattern.len() >= glob.len() {
            overlap(pattern, &glob)
        } else {
            overlap(&glob, pattern)
        }
    })
}

/// Whether some text matches both patterns. Walks `a` piece by piece, keeping the set of
/// positions in `b` that can have matched the same text so far: time `a` times `b`, memory `b`.
fn overlap(a: &[Piece], b: &[Piece]) -> bool {
    let mut here = vec![false; b.len() + 1];
    if let Some(start) = here.first_mut() {
        *start = true;
    }
    close(&mut here, b, None);
    let mut next = vec![false; b.len() + 1];
    for &piece in a {
        next.fill(false);
        match piece {
            Piece::Char(c) => {
                for (j, &at) in here.iter().enumerate() {
                    if !at {
                        continue;
                    }
                    match b.get(j) {
                        Some(Piece::Char(d)) if *d == c => set(&mut next, j + 1),
                        Some(&wild @ (Piece::Any | Piece::Segment)) if accepts(wild, c) => {
                            set(&mut next, j);
                        }
                        _ => {}
                    }
                }
                close(&mut next, b, None);
            }
            wild @ (Piece::Any | Piece::Segment) => {
                // The wildcard takes some text (maybe none) that `b` takes from where it stands.
                next.clone_from(&here);
                close(&mut next, b, Some(wild));
            }
        }
        std::mem::swap(&mut here, &mut next);
        if !here.contains(&true) {
            return false;
        }
    }
    here.last().copied().unwrap_or(false)
}

/// Adds the positions reachable by `b`'s wildcards taking nothing and, when `a` stands on the
/// wildcard `taker`, by `b` taking characters `taker` accepts too.
fn close(set_of: &mut [bool], b: &[Piece], taker: Option<Piece>) {
    for j in 0..b.len() {
        if !set_of.get(j).copied().unwrap_or(false) {
            continue;
        }
        let advances = match (b.get(j), taker) {
            (Some(Piece::Any | Piece::Segment), _) => true,
            (Some(&Piece::Char(c)), Some(wild)) => accepts(wild, c),
            _ => false,
        };
        if advances {
            set(set_of, j + 1);
        }
    }
}

fn set(set_of: &mut [bool], at: usize) {
    if let Some(flag) = set_of.get_mut(at) {
        *flag = true;
    }
}

/// Whether wildcard `piece` can take the character `c`.
fn accepts(piece: Piece, c: char) -> bool {
    match piece {
        Piece::Any => true,
        Piece::Segment => c != '/',
        Piece::Char(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<Piece> {
        text.chars()
            .map(|c| match c {
                '*' => Piece::Any,
                '%' => Piece::Segment,
                c => Piece::Char(c),
            })
            .collect()
    }

    #[test]
    fn overlaps_as_globs_do() {
        let cases = [
            ("https://x/agents/%", "*/agents/*", true),
            ("https://x/agents/%", "*/agentes/*", false),
            ("https://x/%/transfer", "https://x/chats/transfer", true),
            (
                "https://x/%/transfer",
                "https://x/chats/1/2/transfer",
                false,
            ),
            ("https://x/%", "https://x/a*b", true),
            ("%", "*", true),
            ("", "", true),
            ("a", "", false),
            ("abc", "a*c", true),
            ("a%c", "abbbc", true),
            ("a%c", "ab/bc", false),
        ];
        for (a, b, expected) in cases {
            let (a, b) = (pieces(a), pieces(b));
            assert_eq!(overlap(&a, &b), expected, "{a:?} {b:?}");
            assert_eq!(overlap(&b, &a), expected, "{b:?} {a:?}");
        }
    }
}
