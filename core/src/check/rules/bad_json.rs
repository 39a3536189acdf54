//! `bad-json`: a Request body meant as JSON that does not parse once each template reference
//! holds a sample that fits where it stands (inside a JSON string: `sample`; elsewhere: the
//! number `1`).
//!
//! - Why: the API refuses a body that is not JSON, so the call fails on every run.
//! - Example: `body: "{\"agentId\": {{id}},}"` (a trailing comma).
//! - Mend: fix the JSON at the line and column the finding gives (in the body as written); a
//!   template may stand inside a string (`"{{nome}}"`) or as a whole value.
//!
//! A body is JSON when a `Content-Type` header says json, or when its first non-blank character
//! outside template references is `{` or `[`.

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::samples::{is_json_body, json_problem};
use crate::check::sink::Sink;
use crate::flow::NodeKind;
use crate::template::Template;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for (i, node) in index.flow.nodes.iter().enumerate() {
        let NodeKind::Request { body, headers, .. } = &node.kind else {
            continue;
        };
        if body.trim().is_empty() {
            continue;
        }
        let template = Template::parse(body);
        let headers = headers
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()));
        if !is_json_body(&template, headers) {
            continue;
        }
        if let Some((line, column, problem)) = json_problem(&template) {
            sink.node(
                i,
                Severity::Error,
                Code::BadJson,
                Some("body".into()),
                "",
                Args::new()
                    .number("line", i64::try_from(line).unwrap_or(i64::MAX))
                    .number("column", i64::try_from(column).unwrap_or(i64::MAX))
                    .reason("problem", problem),
            );
        }
    }
}
