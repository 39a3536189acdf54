//! Each node's own fields: required fields left empty, Condition ports, variable names a node
//! sets, regular expressions, and templates with a broken opening mark. Requests (url, body,
//! headers) are in `http`.

use std::collections::HashMap;

use crate::flow::{AskExpect, Case, ELSE_PORT, Node, NodeKind, Op, Route, TemplateMap};
use crate::template::{Part, has_opening_mark, is_valid_name, parse_parts};

use super::index::FlowIndex;
use super::{Code, Severity, Sink};

mod http;

/// Checks the fields of every node, sharing compiled regexes across nodes.
pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let mut memo = Memo::default();
    for (i, node) in index.flow.nodes.iter().enumerate() {
        let mut out = NodeSink { sink, node: i };
        node_fields(index, node, &mut out, &mut memo);
    }
    broken_templates(index, sink);
}

/// Findings about one node.
struct NodeSink<'s, 'f> {
    sink: &'s mut Sink<'f>,
    node: usize,
}

impl NodeSink<'_, '_> {
    fn error(&mut self, code: Code, field: impl Into<String>, message: String) {
        self.sink.node(
            self.node,
            Severity::Error,
            code,
            Some(field.into()),
            message,
        );
    }

    fn warning(&mut self, code: Code, field: impl Into<String>, message: String) {
        self.sink.node(
            self.node,
            Severity::Warning,
            code,
            Some(field.into()),
            message,
        );
    }

    fn empty(&mut self, field: impl Into<String>, message: &str) {
        self.error(Code::EmptyField, field, message.to_owned());
    }
}

/// What is worth computing once per flow rather than once per node.
#[derive(Default)]
struct Memo<'a> {
    regexes: Regexes,
    urls: http::UrlMemo<'a>,
}

fn node_fields<'a>(
    index: &FlowIndex<'a>,
    node: &'a Node,
    out: &mut NodeSink<'_, '_>,
    memo: &mut Memo<'a>,
) {
    let regexes = &mut memo.regexes;
    match &node.kind {
        NodeKind::Entry { .. } | NodeKind::End { .. } | NodeKind::SubFlow { .. } => {}
        NodeKind::Message { text, buttons } => message(out, text, buttons),
        NodeKind::Ask {
            prompt,
            save_as,
            expect,
            ..
        } => {
            if prompt.trim().is_empty() {
                out.empty(
                    "prompt",
                    "the question is empty: write what to ask the contact",
                );
            }
            if save_as.is_empty() {
                out.empty(
                    "save_as",
                    "name the variable that keeps the answer (for example `resposta`), so that later nodes can read it",
                );
            } else {
                flow_variable_name(out, "save_as", save_as);
            }
            ask_expect(out, expect, regexes);
        }
        NodeKind::Request {
            url,
            headers,
            body,
            save,
            ..
        } => {
            let request = http::Request { url, headers, body };
            http::check(&index.flow.team, &request, &mut memo.urls, out);
            map_keys(
                out,
                "save",
                save,
                "a saved variable has no name: name it, or remove the row",
            );
            for key in save.keys().filter(|key| !key.is_empty()) {
                if !is_flow_variable(key) {
                    flow_variable_name(out, &format!("save.{key}"), key);
                }
            }
        }
        NodeKind::Condition { cases } => condition(out, cases, regexes),
        NodeKind::SetVariable { set } => {
            if set.is_empty() {
                out.empty(
                    "set",
                    "the node sets nothing: add a variable and its value, or delete the node",
                );
            }
            map_keys(
                out,
                "set",
                set,
                "a row has a value but no variable name: name it, or remove the row",
            );
            for key in set.keys().filter(|key| !key.is_empty()) {
                set_variable_name(out, key);
            }
        }
        NodeKind::BusinessHours { schedule } => {
            if schedule.trim().is_empty() {
                out.empty(
                    "schedule",
                    "pick the schedule (\"Expediente\") whose hours decide open or closed",
                );
            }
        }
        NodeKind::Queue { queue, .. } => {
            if queue.trim().is_empty() {
                out.empty("queue", "pick the department whose queue the chat waits in");
            }
        }
        NodeKind::LiveChat { .. } => live_chat(out, &node.kind),
    }
}

fn message(out: &mut NodeSink<'_, '_>, text: &str, buttons: &[String]) {
    if text.trim().is_empty() && buttons.is_empty() {
        out.empty(
            "text",
            "the message has no text and no buttons: write what the contact should read",
        );
    }
    for (i, button) in buttons.iter().enumerate() {
        if button.trim().is_empty() {
            out.empty(
                format!("buttons[{i}]"),
                "this button has no text: write its label, or remove it",
            );
        }
    }
}

fn live_chat(out: &mut NodeSink<'_, '_>, kind: &NodeKind) {
    let NodeKind::LiveChat {
        department,
        route,
        extra_info,
        contact_info,
        result_variable,
        ..
    } = kind
    else {
        return;
    };
    if department.trim().is_empty() && *route != Route::Unassigned {
        out.empty(
            "department",
            "pick the department the chat goes to (also where it falls back when the chosen agent is not available)",
        );
    }
    match route {
        Route::Agent(id) if id.trim().is_empty() => {
            out.empty("route", "the route names no agent: pick the agent who gets the chat");
        }
        Route::AgentFromField(key) if key.trim().is_empty() => out.empty(
            "route",
            "the route names no custom field: pick the contact field (of kind Agent) that holds the agent's id",
        ),
        _ => {}
    }
    let no_name = "a row has a value but no name: name it, or remove the row";
    map_keys(out, "extra_info", extra_info, no_name);
    map_keys(out, "contact_info", contact_info, no_name);
    if !result_variable.is_empty() {
        flow_variable_name(out, "result_variable", result_variable);
    }
}

fn ask_expect(out: &mut NodeSink<'_, '_>, expect: &AskExpect, regexes: &mut Regexes) {
    match expect {
        AskExpect::Options(options) if options.is_empty() => {
            out.empty("expect", "list the options the contact may choose from");
        }
        AskExpect::Options(options) => {
            for (i, option) in options.iter().enumerate() {
                if option.trim().is_empty() {
                    out.empty(
                        format!("expect[{i}]"),
                        "this option is empty: write it, or remove it",
                    );
                }
            }
        }
        AskExpect::Regex(pattern) if pattern.is_empty() => {
            out.empty(
                "expect",
                "write the regular expression the whole answer must match",
            );
        }
        AskExpect::Regex(pattern) => {
            if let Some(problem) = regexes.problem(pattern) {
                out.error(
                    Code::BadRegex,
                    "expect",
                    format!("the regular expression does not compile: {problem}"),
                );
            }
        }
        _ => {}
    }
}

fn condition(out: &mut NodeSink<'_, '_>, cases: &[Case], regexes: &mut Regexes) {
    if cases.is_empty() {
        out.empty(
            "cases",
            "the condition has no case, so every run leaves by `else`: add a case with its rules",
        );
    }
    for (c, case) in cases.iter().enumerate() {
        let port = case.port.trim();
        if port.is_empty() {
            out.empty(
                format!("cases[{c}].port"),
                "name the port this case leaves by (for example `sim`)",
            );
        } else if case.port == ELSE_PORT {
            out.error(
                Code::DuplicatePort,
                format!("cases[{c}].port"),
                "`else` is the port taken when no case holds: name this case differently".into(),
            );
        } else if cases
            .get(..c)
            .is_some_and(|before| before.iter().any(|b| b.port == case.port))
        {
            out.error(
                Code::DuplicatePort,
                format!("cases[{c}].port"),
                format!(
                    "an earlier case already leaves by `{}`, so this case's edge can never be told apart: give it its own port",
                    case.port
                ),
            );
        }
        if case.rules.is_empty() {
            out.empty(
                format!("cases[{c}].rules"),
                "the case has no rules: add a rule (variable, operator, value), or remove the case",
            );
        }
        for (r, rule) in case.rules.iter().enumerate() {
            let var = rule.var.trim();
            if var.is_empty() {
                out.empty(
                    format!("cases[{c}].rules[{r}].var"),
                    "the rule tests no variable: pick the variable to compare",
                );
            } else if !is_valid_name(var) {
                let bare = var.trim_start_matches("{{").trim_end_matches("}}").trim();
                out.error(
                    Code::BadVariableName,
                    format!("cases[{c}].rules[{r}].var"),
                    format!(
                        "`{var}` is not a variable name: write the name alone, without braces or blanks (for example `{bare}`)"
                    ),
                );
            }
            if rule.op == Op::Matches
                && !has_opening_mark(&rule.value)
                && let Some(problem) = regexes.problem(&rule.value)
            {
                out.error(
                    Code::BadRegex,
                    format!("cases[{c}].rules[{r}].value"),
                    format!("the regular expression does not compile: {problem}"),
                );
            }
        }
    }
}

/// `empty-field` for a map row with no name.
fn map_keys(out: &mut NodeSink<'_, '_>, field: &str, map: &TemplateMap, message: &str) {
    if map.keys().any(|key| key.trim().is_empty()) {
        out.empty(field, message);
    }
}

fn is_flow_variable(name: &str) -> bool {
    !name.contains('.') && is_valid_name(name)
}

/// The contact's fields a node may change, besides `contact.custom.KEY` (as the simulator does):
/// a bot that asks the contact's e-mail may keep it as `contact.email`.
const SETTABLE_CONTACT: [&str; 4] = [
    "contact.name",
    "contact.phone",
    "contact.email",
    "contact.last_agent",
];

/// A name a node may set: a flow variable, a writable contact field, or `contact.custom.KEY`.
fn is_settable(name: &str) -> bool {
    is_flow_variable(name)
        || SETTABLE_CONTACT.contains(&name)
        || name
            .strip_prefix("contact.custom.")
            .is_some_and(|key| !key.is_empty() && is_valid_name(name))
}

const SETTABLE: &str = "a flow variable (a name without dots), contact.name/phone/email/last_agent or contact.custom.KEY";

/// A name an Ask, a Request's `save` or a LiveChat sets.
fn flow_variable_name(out: &mut NodeSink<'_, '_>, field: &str, name: &str) {
    if is_settable(name) {
        return;
    }
    let message = if is_valid_name(name) {
        format!(
            "`{name}` cannot be set: it is read-only; save into {SETTABLE} (for example `{}`)",
            name.replace('.', "_")
        )
    } else {
        unreadable_name(name)
    };
    out.error(Code::BadVariableName, field, message);
}

/// A SetVariable key.
fn set_variable_name(out: &mut NodeSink<'_, '_>, name: &str) {
    if is_settable(name) {
        return;
    }
    let field = format!("set.{name}");
    if !is_valid_name(name) {
        out.error(Code::BadVariableName, field, unreadable_name(name));
        return;
    }
    out.error(
        Code::BadVariableName,
        field,
        format!("`{name}` cannot be set: it is read-only; a SetVariable sets {SETTABLE}"),
    );
}

fn unreadable_name(name: &str) -> String {
    let suggestion: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "`{name}` can never be read by a template: use only letters, digits, `_` and `-` (for example `{suggestion}`)"
    )
}

fn broken_templates(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for (node, field) in &index.broken {
        let openers: Vec<&str> = parse_parts(field.text)
            .into_iter()
            .filter_map(|part| match part {
                Part::Broken(span) => field.text.get(span),
                _ => None,
            })
            .collect();
        let opener = openers.first().copied().unwrap_or("{{");
        let close = if opener == "<?" { "?>" } else { "}}" };
        sink.node(
            *node,
            Severity::Warning,
            Code::BrokenTemplate,
            Some(field.path()),
            format!(
                "`{opener}` here makes no reference (no `{close}` after it, or no variable name inside), so the contact gets it as written: write `{opener} name {close}`, or remove it"
            ),
        );
    }
}

/// Compiled regexes by pattern: a flow repeats the same few, and compiling is the slow part.
#[derive(Default)]
struct Regexes {
    seen: HashMap<String, Option<String>>,
}

impl Regexes {
    /// Why `pattern` does not compile, or `None`.
    fn problem(&mut self, pattern: &str) -> Option<String> {
        if let Some(known) = self.seen.get(pattern) {
            return known.clone();
        }
        let problem = regex::Regex::new(pattern)
            .err()
            .map(|err| regex_message(&err));
        self.seen.insert(pattern.to_owned(), problem.clone());
        problem
    }
}

/// regex's multi-line message as one line: what is wrong and at which character.
fn regex_message(err: &regex::Error) -> String {
    match err {
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
                .map(|line| line.len() - line.trim_start().len());
            match at {
                Some(column) if column >= 4 => format!("{what} (at character {})", column - 3),
                _ => what.to_owned(),
            }
        }
        regex::Error::CompiledTooBig(_) => "it is too big once compiled: simplify it".to_owned(),
        other => other.to_string(),
    }
}
