//! The step-by-step simulator (SPEC.md section 4; the exact rules are in docs/decisions.md,
//! "Simulator").
//!
//! A [`Run`] takes a flow and a scenario (and the caller's environment secrets) and executes one
//! node per [`Run::step`], recording what happened as [`Event`]s: data, never printed here. The
//! flow is compiled once into a [`Program`] (node indices, port-to-edge table, parsed templates,
//! and the flows its SubFlow nodes call, found in the caller's [`Library`] and compiled in as
//! `CALLER/NODE`) so that a step does no id lookup and no parsing; a [`Batch`] shares one program
//! across a flow's scenarios and carries the Sequential cursors from run to run.
//! [`expect::check`] holds a run against its scenario's expectations, [`Run::chat_lists`] says
//! where the chat ended up on the agents' screen, [`Coverage`] adds up what the runs reached, and
//! [`scenario_from_run`] keeps a run as a new scenario.
//!
//! Nothing here reads the real clock, the environment or the network, and nothing panics on a
//! flow the loader accepts: what cannot run ends the run with `Error` or logs a warning. A live
//! run (SPEC.md section 11) sends requests through a [`Transport`] the caller provides.

mod ask;
mod batch;
mod compare;
mod conversation;
mod coverage;
mod engine;
mod event;
mod exec;
pub mod expect;
mod hours;
mod http;
mod json_path;
mod library;
mod lists;
mod live_chat;
mod log;
mod mask;
mod program;
mod record;
mod request;
mod routing;
mod setup;
mod subflow;
mod team_data;
mod text;
mod transport;
mod validate;
mod vars;
mod world;

#[cfg(test)]
mod tests;

pub use batch::{Batch, FlowReport, ScenarioResult, test_flow};
pub use conversation::History;
pub use coverage::{Branch, Coverage, CoverageReport};
pub use engine::{AgentView, DEFAULT_STEP_LIMIT, Options, Run, Stop};
pub use event::{
    AnswerSource, AssignedBy, CallProblem, Candidate, End, EndCause, Event, Fallback,
    HISTORY_LIMIT, Handoff, HistoryLine, Line, MASK, MessageKind, Opened, Pairs, Request, Speaker,
    Status, Step,
};
pub use expect::Failure;
pub use library::{Called, FlowShelf, FlowSource, Library, LibraryError};
pub use lists::ChatLists;
pub use program::Program;
pub use record::{expectations_of, scenario_from_run};
pub use subflow::{MAX_CALL_DEPTH, MAX_CALLED_NODES};
pub use text::SharedStr;
pub use transport::{
    LIVE_DEFAULT_TIMEOUT_MS, LIVE_MAX_ANSWER_BYTES, LIVE_MAX_REDIRECTS, LiveAnswer, LiveTransport,
    Outgoing, Received, SendOneError, SentForReal, TlsReason, Transport, TransportError,
    add_kept_mock, keep_as_mock, keep_as_mock_command, live_timeout_ms, request_inputs, send_one,
};
pub use world::Cursors;
