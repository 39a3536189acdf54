//! The checks of SPEC.md section 5: every finding a flow has, as data, errors first.
//!
//! [`check`] builds one [`FlowIndex`](index::FlowIndex) (ids, ports, edges by port, successors,
//! predecessors, reachability, every variable read) and hands it to one module per family of
//! checks: `structure` (entry, ids, edges, ports, unreachable), `loops`, `fields` (required fields,
//! urls, JSON bodies, regexes, secrets, templates), `references` (what the team must have),
//! `team`, `scenarios`, `variables` (unknown names) and `dataflow` (maybe-unset variables). The
//! codes, their severities and the rules where SPEC.md is silent are listed in
//! `docs/decisions.md`, section "Checks".

mod dataflow;
mod fields;
mod index;
mod interner;
mod loops;
mod parallel;
mod passes;
mod references;
mod samples;
mod scenarios;
mod structure;
mod team;
mod text;
mod variables;

#[cfg(test)]
mod equivalence;
#[cfg(test)]
mod reference;
#[cfg(test)]
mod testing;

pub(crate) use text::{did_you_mean, is_blank, quote_list};

use serde::{Deserialize, Serialize};

use std::collections::HashSet;

use crate::flow::{Flow, KindTag, NodeId};

/// Whether a finding blocks publishing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks publishing; `fluxo check` exits 1.
    Error,
    /// Worth a look; does not block.
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The stable code of a finding (SPEC.md section 5, and the extra codes of docs/decisions.md).
/// Serialized as its kebab-case string (`maybe-unset-variable`), like [`Code::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    MissingEntry,
    DuplicateEntry,
    DuplicateId,
    /// A node id that is not letters, digits, `_` and `-`.
    InvalidId,
    UnknownNode,
    UnknownPort,
    PortReused,
    EntryHasInput,
    /// A Condition case port that repeats another case's port, or is named `else`.
    DuplicatePort,
    EmptyField,
    BadUrl,
    BadJson,
    BadRegex,
    /// A name a node sets that no template can read (`minha var`, `contact.name`).
    BadVariableName,
    UnknownDepartment,
    UnknownAgent,
    UnknownSchedule,
    UnknownCustomField,
    /// `AgentFromField` names a custom field that is not of kind Agent.
    WrongFieldKind,
    UnknownVariable,
    MaybeUnsetVariable,
    Unreachable,
    DanglingPort,
    LoopWithoutWait,
    InlineSecret,
    /// A `{{` or `<?` that never makes a reference: it is sent as literal text.
    BrokenTemplate,
    BadScenario,
    /// A scenario mock that no Request of the flow can ever call.
    UnusedMock,
    /// A schedule with malformed hours, days, holidays or offset.
    BadSchedule,
    /// The team contradicts itself (two agents with one id, an agent in a department it lacks).
    BadTeam,
    /// A field the model does not know, reported by the loader (`fluxo check` and the editor).
    UnknownField,
}

impl Code {
    /// Every code, in the order findings of one node are sorted.
    pub const ALL: [Code; 31] = [
        Code::MissingEntry,
        Code::DuplicateEntry,
        Code::DuplicateId,
        Code::InvalidId,
        Code::UnknownNode,
        Code::UnknownPort,
        Code::PortReused,
        Code::EntryHasInput,
        Code::DuplicatePort,
        Code::EmptyField,
        Code::BadUrl,
        Code::BadJson,
        Code::BadRegex,
        Code::BadVariableName,
        Code::UnknownDepartment,
        Code::UnknownAgent,
        Code::UnknownSchedule,
        Code::UnknownCustomField,
        Code::WrongFieldKind,
        Code::UnknownVariable,
        Code::MaybeUnsetVariable,
        Code::Unreachable,
        Code::DanglingPort,
        Code::LoopWithoutWait,
        Code::InlineSecret,
        Code::BrokenTemplate,
        Code::BadScenario,
        Code::UnusedMock,
        Code::BadSchedule,
        Code::BadTeam,
        Code::UnknownField,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::MissingEntry => "missing-entry",
            Code::DuplicateEntry => "duplicate-entry",
            Code::DuplicateId => "duplicate-id",
            Code::InvalidId => "invalid-id",
            Code::UnknownNode => "unknown-node",
            Code::UnknownPort => "unknown-port",
            Code::PortReused => "port-reused",
            Code::EntryHasInput => "entry-has-input",
            Code::DuplicatePort => "duplicate-port",
            Code::EmptyField => "empty-field",
            Code::BadUrl => "bad-url",
            Code::BadJson => "bad-json",
            Code::BadRegex => "bad-regex",
            Code::BadVariableName => "bad-variable-name",
            Code::UnknownDepartment => "unknown-department",
            Code::UnknownAgent => "unknown-agent",
            Code::UnknownSchedule => "unknown-schedule",
            Code::UnknownCustomField => "unknown-custom-field",
            Code::WrongFieldKind => "wrong-field-kind",
            Code::UnknownVariable => "unknown-variable",
            Code::MaybeUnsetVariable => "maybe-unset-variable",
            Code::Unreachable => "unreachable",
            Code::DanglingPort => "dangling-port",
            Code::LoopWithoutWait => "loop-without-wait",
            Code::InlineSecret => "inline-secret",
            Code::BrokenTemplate => "broken-template",
            Code::BadScenario => "bad-scenario",
            Code::UnusedMock => "unused-mock",
            Code::BadSchedule => "bad-schedule",
            Code::BadTeam => "bad-team",
            Code::UnknownField => "unknown-field",
        }
    }
}

impl std::str::FromStr for Code {
    type Err = String;

    /// The code with this kebab-case string.
    fn from_str(text: &str) -> Result<Code, String> {
        Code::ALL
            .into_iter()
            .find(|code| code.as_str() == text)
            .ok_or_else(|| format!("`{text}` is not a check code"))
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing wrong with a flow. Data, not an `Err`: a flow can have many.
///
/// `node` is the node it is about; `field` is a path inside that node (`url`,
/// `cases[0].rules[1].value`, `headers.Authorization`, or an output port's name for edge and port
/// findings). A finding with no node is about the flow: then `field`, if any, is a path from the
/// top of the file (`scenarios[2].expect.agent`, `team.schedules[0].open`, `edges[3]`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Finding {
    pub severity: Severity,
    pub code: Code,
    /// The node it is about, if any.
    pub node: Option<NodeId>,
    /// The field it is about (`url`, `cases[0].rules[1].value`, `scenarios[2].expect.agent`).
    pub field: Option<String>,
    /// What is wrong and how to mend it.
    pub message: String,
}

impl Finding {
    /// Where the finding is, as `fluxo check` prints it: `node.field`, `node`, the field path of
    /// a flow-level finding (`scenarios[0].expect.end_node`), or `flow`.
    pub fn location(&self) -> String {
        match (&self.node, &self.field) {
            (Some(node), Some(field)) => format!("{node}.{field}"),
            (Some(node), None) => node.clone(),
            (None, Some(field)) => field.clone(),
            (None, None) => "flow".to_owned(),
        }
    }
}

/// Every finding, errors first, in a stable order: severity, then the node's place in the file
/// (findings about the whole flow first), then code, field and message. No duplicates.
pub fn check(flow: &Flow) -> Vec<Finding> {
    passes::run(flow).finish()
}

/// The findings of a flow just loaded: [`check`], plus an `unknown-field` warning for each field
/// the loader ignored (`nodes.2.kind.Request.timout_ms` becomes node `consulta`, field
/// `timout_ms`). In the same order as [`check`].
pub fn check_loaded(loaded: &crate::file::Loaded) -> Vec<Finding> {
    let mut sink = passes::run(&loaded.flow);
    for path in &loaded.unknown_fields {
        unknown_field(&loaded.flow, path, &mut sink);
    }
    sink.finish()
}

/// One `unknown-field` warning for a path as the loader reports it (dot-separated, numbers for
/// list items, `?` for an optional value).
fn unknown_field(flow: &Flow, path: &str, sink: &mut Sink<'_>) {
    let parts: Vec<&str> = path.split('.').filter(|part| *part != "?").collect();
    let name = parts.last().copied().unwrap_or(path);
    let node = match parts.as_slice() {
        ["nodes", number, ..] => number
            .parse::<usize>()
            .ok()
            .filter(|&index| index < flow.nodes.len()),
        _ => None,
    };
    let Some(node) = node else {
        let field = readable_path(&parts);
        sink.flow(
            Severity::Warning,
            Code::UnknownField,
            Some(field.clone()),
            format!(
                "`{name}` is not a field fluxo knows ({field}): it is ignored and dropped on the next save; check its spelling"
            ),
        );
        return;
    };
    // `nodes.2.kind.timout_ms` (or `nodes.2.kind.Request.timout_ms`): the field inside the node.
    let mut inner: &[&str] = parts.get(2..).unwrap_or(&[]);
    if let ["kind", rest @ ..] = inner
        && !rest.is_empty()
    {
        inner = rest;
        if let [tag, rest @ ..] = inner
            && !rest.is_empty()
            && KindTag::ALL.iter().any(|kind| kind.as_str() == *tag)
        {
            inner = rest;
        }
    }
    let kind = flow
        .nodes
        .get(node)
        .map_or("", |node| node.kind.tag().as_str());
    sink.node(
        node,
        Severity::Warning,
        Code::UnknownField,
        Some(readable_path(inner)),
        format!(
            "`{name}` is not a field of {kind}: it is ignored and dropped on the next save; check its spelling"
        ),
    );
}

/// `["scenarios", "0", "expect", "x"]` as `scenarios[0].expect.x`.
fn readable_path(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        if part.bytes().all(|b| b.is_ascii_digit()) && !part.is_empty() && !out.is_empty() {
            out.push('[');
            out.push_str(part);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    out
}

/// Where the checks put what they find. Keeps the index of the node each finding is about, so
/// that findings sort by the node's place in the file even when two nodes share an id.
pub(crate) struct Sink<'a> {
    flow: &'a Flow,
    items: Vec<(Option<usize>, Finding)>,
}

impl<'a> Sink<'a> {
    pub(crate) fn new(flow: &'a Flow) -> Self {
        Self {
            flow,
            items: Vec::new(),
        }
    }

    /// A finding about the node at `index` in `flow.nodes`.
    pub(crate) fn node(
        &mut self,
        index: usize,
        severity: Severity,
        code: Code,
        field: Option<String>,
        message: String,
    ) {
        let node = self.flow.nodes.get(index).map(|node| node.id.clone());
        self.items.push((
            Some(index),
            Finding {
                severity,
                code,
                node,
                field,
                message,
            },
        ));
    }

    /// A finding about the whole flow (`field` is then a path from the top of the file).
    pub(crate) fn flow(
        &mut self,
        severity: Severity,
        code: Code,
        field: Option<String>,
        message: String,
    ) {
        self.items.push((
            None,
            Finding {
                severity,
                code,
                node: None,
                field,
                message,
            },
        ));
    }

    /// Adds the findings of another sink (of another family, or thread).
    pub(crate) fn absorb(&mut self, other: Sink<'_>) {
        self.items.extend(other.items);
    }

    /// The findings, sorted and without duplicates.
    pub(crate) fn finish(mut self) -> Vec<Finding> {
        self.items.sort_by(|(a_node, a), (b_node, b)| {
            (a.severity, a_node, a.code, &a.field, &a.message)
                .cmp(&(b.severity, b_node, b.code, &b.field, &b.message))
        });
        // Two nodes sharing an id can give the very same finding: say it once.
        let mut seen = HashSet::with_capacity(self.items.len());
        self.items
            .into_iter()
            .map(|(_, finding)| finding)
            .filter(|finding| seen.insert(finding.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests;
