//! One file per code, or per small family of codes, as linters lay out their rules: each opens
//! with what it finds, why it matters, an example and how to mend it. Every rule is a
//! `check(&FlowIndex, &mut Sink)` that reads the index and pushes findings; [`run`] calls them
//! all.

pub(crate) mod bad_json;
pub(crate) mod bad_regex;
pub(crate) mod bad_scenario;
pub(crate) mod bad_schedule;
pub(crate) mod bad_team;
pub(crate) mod bad_url;
pub(crate) mod bad_variable_name;
pub(crate) mod broken_template;
pub(crate) mod dangling_port;
pub(crate) mod duplicate_port;
pub(crate) mod edges;
pub(crate) mod empty_field;
pub(crate) mod entry;
pub(crate) mod ids;
pub(crate) mod inline_secret;
pub(crate) mod loop_without_wait;
pub(crate) mod maybe_unset_variable;
pub(crate) mod team_lacks;
pub(crate) mod unknown_field;
pub(crate) mod unknown_variable;
pub(crate) mod unreachable;
pub(crate) mod unused_mock;

use super::flow_index::FlowIndex;
use super::sink::Sink;

/// Every rule of [`super::check`] (`unknown_field` aside: it needs the loader's report).
pub(crate) fn run(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    entry::check(index, sink);
    ids::check(index, sink);
    edges::check(index, sink);
    dangling_port::check(index, sink);
    unreachable::check(index, sink);
    loop_without_wait::check(index, sink);
    empty_field::check(index, sink);
    duplicate_port::check(index, sink);
    bad_variable_name::check(index, sink);
    bad_regex::check(index, sink);
    bad_url::check(index, sink);
    bad_json::check(index, sink);
    inline_secret::check(index, sink);
    broken_template::check(index, sink);
    team_lacks::check(index, sink);
    bad_team::check(index, sink);
    bad_schedule::check(index, sink);
    unknown_variable::check(index, sink);
    maybe_unset_variable::check(index, sink);
    bad_scenario::check(index, sink);
    unused_mock::check(index, sink);
}
