//! Typebot v6 / v6.1 exports as fluxo flows (SPEC.md section 13; every mapping choice is in
//! docs/decisions.md, "Interop").
//!
//! The export is read as loose JSON ([`serde_json::Value`]), so that a block or field this
//! importer does not know never fails the import: an unknown block becomes a pass-through node
//! that keeps its place and its outgoing edge, and the report lists it. Only a text that is not
//! JSON (refused with line and column) or JSON that is not a Typebot export is refused.
//!
//! Each block becomes one node (a choice with per-button edges becomes an Ask and a Condition
//! on its answer; an A/B test a Condition; a Jump or a link to the same bot only an edge), in
//! its group's column: the group's coordinates are the first node's position and the others
//! stack below. A port a Typebot run would leave by into nothing goes to an End. Variable names
//! become fluxo names everywhere they are read or set (`First name` -> `first_name`). The flow
//! gets a team (one "Atendimento" department with one agent) and a first scenario whose replies
//! walk the flow's first path, found by running it.

mod assemble;
mod blocks;
mod initial;
mod inputs;
mod logic;
mod names;
mod report;
mod request;
mod rich_text;
mod scenario;
mod source;

#[cfg(test)]
mod tests;

pub use report::{BlockReport, BlockStatus, Issue, Item, Renamed, Report, RunSummary};

use crate::file::Problem;
use crate::flow::Flow;
use crate::sim::Library;

/// The department and the agent an imported flow's team gets.
pub const DEPARTMENT: &str = "Atendimento";
pub const AGENT_ID: &str = "atendente";
pub const AGENT_NAME: &str = "Atendente";

/// What the caller gives the import.
#[derive(Clone)]
pub struct ImportOptions {
    /// The name of the first scenario (in the user's language).
    pub scenario_name: String,
    /// The flows a SubFlow of the imported flow may call (those of the folder it is written
    /// to), so that the first scenario walks into a linked bot already imported there. None
    /// (the default): a run that reaches a SubFlow ends there (`Error`), and the first scenario
    /// then expects nothing of its end.
    pub library: Library,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            scenario_name: "Primeiro caminho".to_owned(),
            library: Library::default(),
        }
    }
}

/// An imported flow and what the import could not carry over.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub flow: Flow,
    pub report: Report,
}

/// Why a text is not a Typebot export fluxo can read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not JSON at all: where (1-based) and what, as the loader says it of a flow file.
    #[error("{line}:{column}: not JSON: {problem}")]
    Json {
        line: usize,
        column: usize,
        problem: Problem,
    },
    /// JSON, but not a Typebot export.
    #[error("not a Typebot export: {0}")]
    NotTypebot(NotTypebot),
}

/// What a JSON document lacks to be a Typebot export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotTypebot {
    #[error("the document is not a JSON object")]
    NotAnObject,
    #[error(
        "it has no `groups` list (a Typebot export has `version`, `events`, `groups`, `edges` and `variables`)"
    )]
    NoGroups,
}

impl NotTypebot {
    /// A stable code for the binary to word.
    pub fn code(self) -> &'static str {
        match self {
            NotTypebot::NotAnObject => "not-an-object",
            NotTypebot::NoGroups => "no-groups",
        }
    }
}

/// Imports a Typebot export (the JSON text of "Export flow").
pub fn import(text: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|err| {
        let message = err.to_string();
        let message = message
            .rfind(" at line ")
            .map_or(message.as_str(), |cut| &message[..cut]);
        ImportError::Json {
            line: err.line().max(1),
            column: err.column().max(1),
            problem: Problem::from_json(message),
        }
    })?;
    let export = source::Export::read(&value).map_err(ImportError::NotTypebot)?;
    let mut built = assemble::build(&export);
    let team = scenario::team();
    built.flow.team = team;
    let run = scenario::first_scenario(&built.flow, &built.samples, options);
    built.flow.scenarios.push(run.scenario);
    built.report.scenario = Some(run.summary);
    Ok(Imported {
        flow: built.flow,
        report: built.report,
    })
}
