//! `bad-regex`: a regular expression that does not compile: an Ask's `Regex(..)` expectation, or
//! the value of a Condition rule with `Matches` (when it has no template reference: then its
//! text is only known during a run).
//!
//! - Why: the simulator treats a regex that does not compile as never matching, so every answer
//!   is invalid and every rule fails.
//! - Example: `Regex("^(a|b$")`, an unclosed group.
//! - Mend: fix the expression (the finding says what is wrong and at which character).

use crate::check::finding::{Args, Code, Reason, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;
use crate::flow::{AskExpect, NodeKind, Op};
use crate::template::has_opening_mark;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for (i, node) in index.flow.nodes.iter().enumerate() {
        let mut check_one = |field: String, pattern: &str| {
            if let Some((problem, at)) = problem(pattern) {
                sink.node(
                    i,
                    Severity::Error,
                    Code::BadRegex,
                    Some(field),
                    "",
                    Args::new()
                        .reason("problem", problem)
                        .number("at", i64::try_from(at).unwrap_or(0)),
                );
            }
        };
        match &node.kind {
            NodeKind::Ask {
                expect: AskExpect::Regex(pattern),
                ..
            } if !pattern.is_empty() => check_one("expect".into(), pattern),
            NodeKind::Condition { cases } => {
                for (c, case) in cases.iter().enumerate() {
                    for (r, rule) in case.rules.iter().enumerate() {
                        if rule.op == Op::Matches && !has_opening_mark(&rule.value) {
                            check_one(format!("cases[{c}].rules[{r}].value"), &rule.value);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Why `pattern` does not compile, and at which character (1-based; 0 when unknown).
fn problem(pattern: &str) -> Option<(Reason, usize)> {
    let err = regex::Regex::new(pattern).err()?;
    Some(match &err {
        regex::Error::Syntax(text) => {
            let lines: Vec<&str> = text.lines().collect();
            let what = lines
                .iter()
                .find_map(|line| line.strip_prefix("error: "))
                .unwrap_or("invalid syntax");
            // The line of carets under the pattern says where (the pattern is indented by 4).
            let at = lines
                .iter()
                .find(|line| {
                    line.trim_start().starts_with('^') && line.trim().chars().all(|c| c == '^')
                })
                .map(|line| line.len() - line.trim_start().len())
                .filter(|&column| column >= 4)
                .map_or(0, |column| column - 3);
            (reason(what), at)
        }
        regex::Error::CompiledTooBig(_) => {
            (Reason::new("regex-problem", "too-big", Args::new()), 0)
        }
        other => (
            Reason::new(
                "regex-problem",
                "other",
                Args::new().text("detail", other.to_string()),
            ),
            0,
        ),
    })
}

/// The `regex` crate's words for a syntax error, as one of ours (its messages are a fixed
/// list); another comes through as the crate wrote it.
fn reason(what: &str) -> Reason {
    const KNOWN: [(&str, &str); 24] = [
        ("unclosed group", "unclosed-group"),
        ("unopened group", "unopened-group"),
        ("unclosed character class", "unclosed-class"),
        ("invalid character class range", "class-range"),
        ("invalid range boundary", "class-range"),
        (
            "invalid escape sequence found in character class",
            "class-escape",
        ),
        (
            "repetition operator missing expression",
            "repetition-missing",
        ),
        ("unclosed counted repetition", "unclosed-repetition"),
        ("invalid repetition count range", "repetition-range"),
        (
            "repetition quantifier expects a valid decimal",
            "repetition-decimal",
        ),
        ("decimal literal empty", "repetition-decimal"),
        ("decimal literal invalid", "repetition-decimal"),
        ("unrecognized escape sequence", "escape"),
        ("incomplete escape sequence", "escape-end"),
        ("hexadecimal literal", "escape-hex"),
        ("invalid hexadecimal digit", "escape-hex"),
        ("unrecognized flag", "flag"),
        ("duplicate flag", "flag"),
        ("dangling flag negation operator", "flag"),
        ("flag negation operator repeated", "flag"),
        ("expected flag but got end of regex", "flag"),
        ("look-around", "look-around"),
        ("backreferences are not supported", "backreference"),
        ("empty character classes are not allowed", "empty-class"),
    ];
    match KNOWN.iter().find(|(start, _)| what.starts_with(start)) {
        Some((_, variant)) => Reason::new("regex-problem", variant, Args::new()),
        None if what.contains("capture group name") || what.contains("capture group character") => {
            Reason::new("regex-problem", "group-name", Args::new())
        }
        None => Reason::new("regex-problem", "other", Args::new().text("detail", what)),
    }
}
