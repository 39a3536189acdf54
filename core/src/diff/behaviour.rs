//! The behavioural diff: every scenario of either file run on both versions, and what each run
//! did (its [`Outcome`]) before and now.
//!
//! The new file's scenarios run in its order, one batch per version, as `fluxo test` runs them
//! (the Sequential cursors carry from run to run, so both versions see the same sequence of
//! conversations). The old file's scenarios that the new file no longer has as written (removed,
//! or changed) run the same way in the old file's order. A scenario written the same in both
//! files is therefore compared once, and a changed one twice: as each file writes it.

use serde::Serialize;

use crate::flow::{EndReason, Flow, Scenario};
use crate::sim::{Batch, Event, Options, Run, SharedStr};

use super::tree::Tree;

/// Declares [`Outcome`] with its comparison and field access, from one list of fields: a field
/// added to the struct is compared, serialized and shown (by its name) with no other line.
/// (Its value in [`Outcome::of`] is the only other line.) No serde renames here: a field's
/// name is its key.
macro_rules! outcome {
    ($(#[$attr:meta])* pub struct Outcome { $($(#[$field_attr:meta])* pub $field:ident: $ty:ty,)* }) => {
        $(#[$attr])*
        pub struct Outcome {
            $($(#[$field_attr])* pub $field: $ty,)*
        }

        impl Outcome {
            /// The names of the fields in which `self` and `other` differ, in the struct's
            /// order.
            pub fn differences(&self, other: &Outcome) -> Vec<String> {
                let mut out = Vec::new();
                $(
                    if self.$field != other.$field {
                        out.push(stringify!($field).to_owned());
                    }
                )*
                out
            }

            /// The field `name` as the JSON writes it; none for a name the outcome lacks.
            pub fn field(&self, name: &str) -> Option<Tree> {
                match name {
                    $(stringify!($field) => Tree::of(&self.$field).ok(),)*
                    _ => None,
                }
            }
        }
    };
}

outcome! {
    /// What a run did, as far as a contact or the team can tell: how and where it ended, who got
    /// the chat, the queue, the texts the contact received, the nodes it went through. Secrets
    /// are masked as the simulator masks them (`••••`).
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Outcome {
        /// None only if the run could not end (it always does within the step limit).
        pub end_reason: Option<EndReason>,
        /// The node the run ended on; none when it could not start.
        pub end_node: Option<String>,
        /// For an `Error` end: what went wrong, as the simulator says it.
        pub error: Option<String>,
        /// Who got the chat last; "" is nobody.
        pub agent: String,
        /// For a `Queued` end: the queue and the position in it.
        pub queue: Option<String>,
        pub position: Option<u32>,
        /// The texts the contact received, in order (shared with the run, not copied: a loop
        /// that sends one long text many times holds it once).
        pub messages: Vec<SharedStr>,
        /// The nodes executed, in order.
        pub path: Vec<String>,
    }
}

impl Outcome {
    /// What `run` (ended) did.
    pub fn of(run: &Run) -> Outcome {
        let end = run.end();
        Outcome {
            end_reason: end.map(|end| end.reason),
            end_node: end.and_then(|end| end.node.clone()),
            error: end
                .filter(|end| end.reason == EndReason::Error)
                .map(|end| end.message.clone()),
            agent: run.assigned_agent().unwrap_or_default().to_owned(),
            queue: end.and_then(|end| end.queue.clone()),
            position: end.and_then(|end| end.position),
            messages: run
                .events()
                .filter_map(|event| match event {
                    Event::MessageSent { text, .. } => Some(text.clone()),
                    _ => None,
                })
                .collect(),
            path: run.path().into_iter().map(str::to_owned).collect(),
        }
    }
}

/// Which file's scenario a comparison ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Version {
    /// Both files write this scenario the same.
    Both,
    /// Only the old file has it as written (removed, or changed in the new file).
    Old,
    /// Only the new file has it as written (added, or changed).
    New,
}

/// One scenario run on both versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub scenario: String,
    /// Which file's scenario ran.
    pub version: Version,
    /// The outcome fields that differ (`end_reason`, `agent`, `path`...); empty when the run
    /// did the same on both versions.
    pub differences: Vec<String>,
    /// What it did on the old version.
    pub old: Outcome,
    /// What it does on the new version.
    pub new: Outcome,
}

impl Comparison {
    pub fn is_changed(&self) -> bool {
        !self.differences.is_empty()
    }
}

/// What each of `scenarios` does on `flow`, run in order through one batch. The only place
/// the diff runs the simulator.
pub fn outcomes(flow: &Flow, scenarios: &[Scenario], options: &Options) -> Vec<Outcome> {
    let mut batch = Batch::new(flow, options.clone());
    scenarios
        .iter()
        .map(|scenario| Outcome::of(&batch.run(scenario)))
        .collect()
}

/// Every scenario of either file, run on both versions: the new file's in its order (each
/// [`Version::Both`] or [`Version::New`]), each followed by the old file's scenario of the
/// same name when that one was written differently, then the old file's removed scenarios.
pub fn compare(old: &Flow, new: &Flow, options: &Options) -> Vec<Comparison> {
    let pair = |scenarios: &[Scenario]| {
        let before = outcomes(old, scenarios, options);
        let now = outcomes(new, scenarios, options);
        before.into_iter().zip(now)
    };
    let mut old_only: Vec<Comparison> = Vec::new();
    if old.scenarios.iter().any(|s| !new.scenarios.contains(s)) {
        for (scenario, (before, now)) in old.scenarios.iter().zip(pair(&old.scenarios)) {
            if !new.scenarios.contains(scenario) {
                old_only.push(comparison(scenario, Version::Old, before, now));
            }
        }
    }
    let mut out = Vec::new();
    for (scenario, (before, now)) in new.scenarios.iter().zip(pair(&new.scenarios)) {
        let version = if old.scenarios.contains(scenario) {
            Version::Both
        } else {
            Version::New
        };
        out.push(comparison(scenario, version, before, now));
        if version == Version::New
            && let Some(at) = old_only.iter().position(|c| c.scenario == scenario.name)
        {
            out.push(old_only.remove(at));
        }
    }
    out.extend(old_only);
    out
}

fn comparison(scenario: &Scenario, version: Version, old: Outcome, new: Outcome) -> Comparison {
    Comparison {
        scenario: scenario.name.clone(),
        version,
        differences: old.differences(&new),
        old,
        new,
    }
}
