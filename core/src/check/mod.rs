//! The checks of SPEC.md section 5: every finding a flow has, as data, errors first.
//!
//! [`check`] builds one `FlowIndex` (ids, ports, the edge each port follows, predecessors, the
//! nodes a run reaches, every variable read) and hands it to every rule in `rules/`, one file
//! per code or small family of codes. A [`Finding`] carries no sentence: its code, severity,
//! place and typed [`Args`]; the binary words it in the user's language. The codes, their
//! severities and the rules where SPEC.md is silent are listed in `docs/decisions.md`, section
//! "Checks".
//!
//! # Adding a rule
//! 1. Add the code to the `codes!` list in `finding.rs` (its place there is its place in the
//!    sort order) and to the table in `docs/decisions.md` ("Checks"; a test reads it).
//! 2. Write `rules/CODE_NAME.rs` (snake case): a `//!` header saying what it finds, why it
//!    matters, an example and how to mend it; a `pub(crate) fn check(index: &FlowIndex, sink:
//!    &mut Sink)` that pushes findings with `sink.node(..)` or `sink.flow(..)`, each with a
//!    `variant` (`""` for the code's own wording) and its `Args`. Declare it in `rules/mod.rs`
//!    and call it from `rules::run`. A rule that needs more than the flow (another flow file,
//!    a `load` section) still reads it through the index or the flow, never from disk: the core
//!    does no I/O.
//! 3. Word it in `assets/locales/en-US/findings.ftl` and `assets/locales/pt-BR/findings.ftl`:
//!    the message `finding-CODE`, with an attribute `.VARIANT` for each other wording; every
//!    argument the rule passes by name (`{ $port }`); a list `NAME` also gives `NAME_count`.
//! 4. Add a fixture `core/tests/fixtures/check/CODE.flow.ron` (a small flow that triggers it;
//!    `CODE.clean.flow.ron` for a near miss that must stay clean, where that matters), then run
//!    `INSTA_UPDATE=always cargo test -p fluxo-core --test check_fixtures` and
//!    `INSTA_UPDATE=always cargo test --test cli check_words`, read the new `.snap` files under
//!    `core/tests/snapshots/` and `tests/cli/snapshots/`, and commit them.

mod definitely_set;
mod finding;
mod flow_index;
mod names;
mod rules;
mod samples;
mod sink;
mod suggest;
mod team_index;

pub use finding::{Arg, Args, Code, Finding, Names, Reason, Severity};

use crate::flow::Flow;

use self::flow_index::FlowIndex;
use self::sink::Sink;

/// Every finding, errors first, in a stable order: severity, then the node's place in the file
/// (findings about the whole flow first), then code, field, wording and arguments. No
/// duplicates.
pub fn check(flow: &Flow) -> Vec<Finding> {
    let index = FlowIndex::new(flow);
    let mut sink = Sink::new(flow);
    rules::run(&index, &mut sink);
    sink.finish()
}

/// The findings of a flow just loaded: [`check`], plus an `unknown-field` warning for each field
/// the loader ignored (`nodes.2.kind.Request.timout_ms` becomes node `consulta`, field
/// `timout_ms`). In the same order as [`check`].
pub fn check_loaded(loaded: &crate::file::Loaded) -> Vec<Finding> {
    let index = FlowIndex::new(&loaded.flow);
    let mut sink = Sink::new(&loaded.flow);
    rules::run(&index, &mut sink);
    for path in &loaded.unknown_fields {
        rules::unknown_field::check(&loaded.flow, path, &mut sink);
    }
    sink.finish()
}

#[cfg(test)]
mod tests;
