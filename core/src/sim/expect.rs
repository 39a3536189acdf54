//! A scenario's expectations against its run (SPEC.md section 4, docs/decisions.md
//! "Expectations"): only what the scenario states is checked; each failure names the
//! expectation, what was expected and what the run gave.

use std::fmt;

use serde::Serialize;

use crate::flow::Expectations;

use super::engine::Run;

/// One expectation that did not hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// `end_reason`, `end_node`, `agent`, `department`, `lists`, `queue`, `position`, `path`,
    /// `vars.NAME`, `messages`.
    pub expectation: String,
    pub expected: String,
    pub got: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: expected {}, got {}",
            self.expectation, self.expected, self.got
        )
    }
}

fn quoted(text: &str) -> String {
    format!("{text:?}")
}

fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| quoted(item)).collect();
    format!("[{}]", quoted.join(", "))
}

/// Every stated expectation that `run` (ended) breaks, in the order of the fields.
pub fn check(expect: &Expectations, run: &Run) -> Vec<Failure> {
    let mut failures = Vec::new();
    let mut fail = |expectation: &str, expected: String, got: String| {
        failures.push(Failure {
            expectation: expectation.to_owned(),
            expected,
            got,
        });
    };
    let end = run.end();
    if let Some(reason) = expect.end_reason {
        let got = end.map(|end| end.reason);
        if got != Some(reason) {
            let got = end.map_or_else(|| "a run still running".to_owned(), ToString::to_string);
            fail("end_reason", reason.as_str().to_owned(), got);
        }
    }
    if let Some(node) = &expect.end_node {
        let got = end.and_then(|end| end.node.as_deref()).unwrap_or("");
        if got != node.trim() {
            fail("end_node", quoted(node), quoted(got));
        }
    }
    if let Some(agent) = &expect.agent {
        let got = run.assigned_agent().unwrap_or("");
        if got != agent.trim() {
            let got = if got.is_empty() {
                "nobody (\"\")".to_owned()
            } else {
                quoted(got)
            };
            fail("agent", quoted(agent), got);
        }
    }
    screen(expect, run, &mut fail);
    let not_queued = || match end {
        Some(end) => format!("not queued (the run ended {})", end.reason.as_str()),
        None => "not queued".to_owned(),
    };
    if let Some(queue) = &expect.queue {
        match end.and_then(|end| end.queue.as_deref()) {
            Some(got) if got == queue.trim() => {}
            Some(got) => fail("queue", quoted(queue), quoted(got)),
            None => fail("queue", quoted(queue), not_queued()),
        }
    }
    if let Some(position) = expect.position {
        match end.and_then(|end| end.position) {
            Some(got) if got == position => {}
            Some(got) => fail("position", position.to_string(), got.to_string()),
            None => fail("position", position.to_string(), not_queued()),
        }
    }
    if let Some(path) = &expect.path {
        let got = run.path();
        let wanted: Vec<&str> = path.iter().map(|id| id.trim()).collect();
        if got != wanted {
            let at = got
                .iter()
                .zip(&wanted)
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| got.len().min(wanted.len()));
            fail(
                "path",
                list(&wanted),
                format!("{} (first difference at position {})", list(&got), at + 1),
            );
        }
    }
    for (name, wanted) in &expect.vars {
        let raw = run.raw_value(name).unwrap_or_default();
        if raw != *wanted {
            let shown = run
                .variable(name)
                .map_or_else(|| "no value (\"\")".to_owned(), |value| quoted(&value));
            fail(&format!("vars.{name}"), quoted(wanted), shown);
        }
    }
    messages(expect, run, &mut fail);
    failures
}

/// `messages`: the expected substrings, in order, in the texts the contact received.
fn messages(expect: &Expectations, run: &Run, fail: &mut impl FnMut(&str, String, String)) {
    if !expect.messages.is_empty() {
        let received = run.messages();
        if let Some(missing) = first_missing(&expect.messages, &received) {
            fail(
                "messages",
                format!(
                    "{} in this order",
                    list(
                        &expect
                            .messages
                            .iter()
                            .map(String::as_str)
                            .collect::<Vec<_>>()
                    )
                ),
                format!(
                    "{} was not received in order; received {}",
                    quoted(missing),
                    list(&received)
                ),
            );
        }
    }
}

/// `department` and `lists`: where the chat ended up on the agents' screen.
fn screen(expect: &Expectations, run: &Run, fail: &mut impl FnMut(&str, String, String)) {
    if let Some(department) = &expect.department {
        let got = run.department();
        if got != department.trim() {
            let got = if got.is_empty() {
                "none (\"\")".to_owned()
            } else {
                quoted(got)
            };
            fail("department", quoted(department), got);
        }
    }
    if let Some(lists) = &expect.lists {
        let got = run.chat_lists();
        if got.lists != *lists {
            let wanted: Vec<&str> = lists.iter().map(|list| list.as_str()).collect();
            fail("lists", list(&wanted), list(&got.names()));
        }
    }
}

/// The first expected substring that cannot be found in order in the received texts (each
/// search starts where the previous match ended; two may be found in one text).
fn first_missing<'a>(expected: &'a [String], received: &[&str]) -> Option<&'a str> {
    let all = received.join("\n");
    let mut from = 0;
    for wanted in expected {
        match all.get(from..).and_then(|rest| rest.find(wanted.as_str())) {
            Some(at) => from += at + wanted.len(),
            None => return Some(wanted),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_in_order() {
        let received = ["Olá Maria!", "Qual o seu CPF?", "Obrigado"];
        let want = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            first_missing(&want(&["Olá", "CPF", "Obrigado"]), &received),
            None
        );
        assert_eq!(
            first_missing(&want(&["Olá", "Maria"]), &received),
            None,
            "one text, in order"
        );
        assert_eq!(
            first_missing(&want(&["CPF", "Olá"]), &received),
            Some("Olá")
        );
        assert_eq!(first_missing(&want(&["Tchau"]), &received), Some("Tchau"));
        assert_eq!(
            first_missing(&want(&["Maria", "Maria"]), &received),
            Some("Maria")
        );
    }
}
