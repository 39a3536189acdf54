//! `empty-field`: a field a node cannot work without is empty.
//!
//! - Why: the simulator and the platforms cannot run a Request without a url, queue a chat
//!   without a department, or keep an answer without a variable name; an empty row or button
//!   is sent or set as nothing.
//! - Example: `Queue(queue: "")`, `Ask(prompt: "Seu CPF?", save_as: "")`, a header row with a
//!   value but no name.
//! - Mend: fill the field in (each finding's wording says what it holds), or remove the row.
//!
//! `timeout_ms: 0` is no limit, not an empty field; the variant says which field is empty.

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;
use crate::flow::{AskExpect, Case, NodeKind, Route, TemplateMap};

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for (i, node) in index.flow.nodes.iter().enumerate() {
        let mut empty = |field: String, variant: &'static str| {
            sink.node(
                i,
                Severity::Error,
                Code::EmptyField,
                Some(field),
                variant,
                Args::new(),
            );
        };
        node_fields(&node.kind, &mut empty);
    }
}

/// Calls `empty(field, variant)` for each empty field of a node of `kind`.
fn node_fields(kind: &NodeKind, empty: &mut impl FnMut(String, &'static str)) {
    match kind {
        NodeKind::Entry { .. } | NodeKind::End { .. } => {}
        NodeKind::SubFlow { flow } => {
            if flow.trim().is_empty() {
                empty("flow".into(), "subflow");
            }
        }
        NodeKind::Message { text, buttons } => {
            if text.trim().is_empty() && buttons.is_empty() {
                empty("text".into(), "message-text");
            }
            for (b, button) in buttons.iter().enumerate() {
                if button.trim().is_empty() {
                    empty(format!("buttons[{b}]"), "button");
                }
            }
        }
        NodeKind::Ask {
            prompt,
            save_as,
            expect,
            ..
        } => {
            if prompt.trim().is_empty() {
                empty("prompt".into(), "prompt");
            }
            if save_as.is_empty() {
                empty("save_as".into(), "save-as");
            }
            ask_expect(expect, empty);
        }
        NodeKind::Request {
            url, headers, save, ..
        } => {
            if url.trim().is_empty() {
                empty("url".into(), "url");
            }
            if has_unnamed_row(headers) {
                empty("headers".into(), "header-name");
            }
            if has_unnamed_row(save) {
                empty("save".into(), "save-name");
            }
        }
        NodeKind::Condition { cases } => condition(cases, empty),
        NodeKind::SetVariable { set } => {
            if set.is_empty() {
                empty("set".into(), "set");
            }
            if has_unnamed_row(set) {
                empty("set".into(), "set-name");
            }
        }
        NodeKind::BusinessHours { schedule } => {
            if schedule.trim().is_empty() {
                empty("schedule".into(), "schedule");
            }
        }
        NodeKind::Queue { queue, .. } => {
            if queue.trim().is_empty() {
                empty("queue".into(), "queue");
            }
        }
        NodeKind::LiveChat {
            department,
            route,
            extra_info,
            contact_info,
            ..
        } => {
            // An Unassigned chat opens for anyone: it needs no department.
            if department.trim().is_empty() && *route != Route::Unassigned {
                empty("department".into(), "department");
            }
            match route {
                Route::Agent(id) if id.trim().is_empty() => {
                    empty("route".into(), "route-agent");
                }
                Route::AgentFromField(key) if key.trim().is_empty() => {
                    empty("route".into(), "route-field");
                }
                _ => {}
            }
            if has_unnamed_row(extra_info) {
                empty("extra_info".into(), "row-name");
            }
            if has_unnamed_row(contact_info) {
                empty("contact_info".into(), "row-name");
            }
        }
    }
}

fn ask_expect(expect: &AskExpect, empty: &mut impl FnMut(String, &'static str)) {
    match expect {
        AskExpect::Options(options) if options.is_empty() => {
            empty("expect".into(), "options");
        }
        AskExpect::Options(options) => {
            for (o, option) in options.iter().enumerate() {
                if option.trim().is_empty() {
                    empty(format!("expect[{o}]"), "option");
                }
            }
        }
        AskExpect::Regex(pattern) if pattern.is_empty() => {
            empty("expect".into(), "regex");
        }
        _ => {}
    }
}

fn condition(cases: &[Case], empty: &mut impl FnMut(String, &'static str)) {
    if cases.is_empty() {
        empty("cases".into(), "cases");
    }
    for (c, case) in cases.iter().enumerate() {
        if case.port.trim().is_empty() {
            empty(format!("cases[{c}].port"), "case-port");
        }
        if case.rules.is_empty() {
            empty(format!("cases[{c}].rules"), "case-rules");
        }
        for (r, rule) in case.rules.iter().enumerate() {
            if rule.var.trim().is_empty() {
                empty(format!("cases[{c}].rules[{r}].var"), "rule-var");
            }
        }
    }
}

fn has_unnamed_row(map: &TemplateMap) -> bool {
    map.keys().any(|key| key.trim().is_empty())
}
