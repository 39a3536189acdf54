//! A scenario prepared for running against a compiled flow: its clock parsed, its replies and
//! outcomes, its mocks compiled, its secrets resolved (the caller's environment first, then the
//! scenario), `chat.id` and `chat.protocol` derived, the contact's custom fields placed, its
//! `vars` presets and `closing` fields resolved to where they are kept.

use std::collections::BTreeMap;

use crate::clock::{self, Clock};
use crate::flow::{AgentStatus, DEFAULT_CLOCK, LiveChatOutcome, Method, MockFail, Reply, Scenario};

use super::event::{EndCause, Secrets};
use super::program::Program;
use super::text::SharedStr;
use super::transport::LiveTransport;
use super::vars::{CTemplate, Var, VarRef};
use super::world::ContactState;

/// One reply of the contact, as a run reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Said {
    Text(SharedStr),
    /// `NoReply`: the contact stays silent.
    Silence,
}

/// A scenario mock with its body template parsed.
#[derive(Clone, Debug)]
pub(crate) struct MockOp {
    pub(crate) method: Option<Method>,
    pub(crate) url: String,
    pub(crate) status: u16,
    pub(crate) body: CTemplate,
    pub(crate) delay_ms: u64,
    pub(crate) fail: Option<MockFail>,
}

/// Where a value the scenario gives is kept: a name the flow mentions, or one it never does
/// (kept aside, for the variables shown and the expectations).
#[derive(Clone, Debug)]
pub(crate) enum FieldTarget {
    Var(VarRef),
    Extra(SharedStr),
}

/// A custom field the agent fills when closing a conversation.
#[derive(Clone, Debug)]
pub(crate) struct ClosingField {
    pub(crate) target: FieldTarget,
    pub(crate) value: SharedStr,
}

/// Names no flow may set, so no scenario may preset: `chat.*`, `now.*`, `team.*`, `secret.*`,
/// `contact.channel`.
fn is_read_only(name: &str) -> bool {
    ["chat.", "now.", "team.", "secret."]
        .iter()
        .any(|prefix| name.starts_with(prefix))
        || name == "contact.channel"
}

/// A scenario's `vars`: those of names the flow mentions, those of other names, and the first
/// name no flow may set.
struct Presets {
    known: Vec<(Var, SharedStr)>,
    extra: BTreeMap<String, SharedStr>,
    problem: Option<EndCause>,
}

fn presets(program: &Program, vars: &BTreeMap<String, String>) -> Presets {
    let mut presets = Vec::new();
    let mut extra = BTreeMap::new();
    let mut problem = None;
    for (name, value) in vars {
        let name = name.trim();
        match program.names.find(name) {
            var @ (Var::Slot(_)
            | Var::ContactName
            | Var::ContactPhone
            | Var::ContactEmail
            | Var::ContactLastAgent) => presets.push((var, SharedStr::from(value.as_str()))),
            Var::Absent if !name.is_empty() && !is_read_only(name) => {
                extra.insert(name.to_owned(), SharedStr::from(value.as_str()));
            }
            _ => {
                problem.get_or_insert_with(|| EndCause::ReadOnlyPreset {
                    name: name.to_owned(),
                });
            }
        }
    }
    Presets {
        known: presets,
        extra,
        problem,
    }
}

/// The `closing` fields, each as `contact.custom.KEY` where the run keeps it.
fn closing(program: &Program, closing: &[BTreeMap<String, String>]) -> Vec<Vec<ClosingField>> {
    closing
        .iter()
        .map(|fields| {
            fields
                .iter()
                .map(|(key, value)| {
                    let name = format!("contact.custom.{}", key.trim());
                    let target = match program.names.find(&name) {
                        var @ Var::Slot(_) => FieldTarget::Var(VarRef {
                            var,
                            name: name.into(),
                        }),
                        _ => FieldTarget::Extra(name.into()),
                    };
                    ClosingField {
                        target,
                        value: value.as_str().into(),
                    }
                })
                .collect()
        })
        .collect()
}

/// Everything a run reads from its scenario, and never changes.
#[derive(Clone, Debug)]
pub(crate) struct Setup {
    pub(crate) name: String,
    /// The start time, or why the scenario's clock does not parse.
    pub(crate) start: Result<Clock, String>,
    pub(crate) seed: u64,
    /// The scenario's replies, then the caller's extra replies.
    pub(crate) script: Vec<Said>,
    pub(crate) outcomes: Vec<LiveChatOutcome>,
    pub(crate) mocks: Vec<MockOp>,
    /// By the program's secret number.
    pub(crate) secrets: Vec<Option<String>>,
    /// Every resolved secret value: what events mask.
    pub(crate) secret_values: Secrets,
    pub(crate) chat_id: SharedStr,
    pub(crate) chat_protocol: SharedStr,
    pub(crate) contact: ContactState,
    /// Custom field values whose `contact.custom.KEY` the flow mentions, by slot.
    pub(crate) custom: Vec<(u32, String)>,
    /// The other custom field values (shown, never read by the flow).
    pub(crate) custom_unused: BTreeMap<String, String>,
    pub(crate) overrides: BTreeMap<String, AgentStatus>,
    /// The transport of a live run (SPEC.md section 11); none sends nothing.
    pub(crate) live: Option<LiveTransport>,
    /// The node the run begins at instead of the Entry (`start`).
    pub(crate) start_node: Option<String>,
    /// `vars` presets of names the flow mentions.
    pub(crate) presets: Vec<(Var, SharedStr)>,
    /// `vars` presets of names the flow never mentions.
    pub(crate) extra_presets: BTreeMap<String, SharedStr>,
    /// A preset that no flow may set: the run cannot start.
    pub(crate) preset_problem: Option<EndCause>,
    /// Per human conversation in order, the custom fields the agent fills when closing.
    pub(crate) closing: Vec<Vec<ClosingField>>,
}

/// FNV-1a: a stable hash (std's hasher may change between releases; `chat.id` must not).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `chat.id`: a 7-digit number derived from the scenario's name and seed.
pub(crate) fn chat_id(name: &str, seed: u64) -> u64 {
    let mixed = fnv1a(name.as_bytes()) ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    1_000_000 + mixed % 9_000_000
}

impl Setup {
    /// `env_secrets` maps the part after `FLUXO_SECRET_` (upper case) to its value.
    pub(crate) fn new(
        program: &Program,
        scenario: &Scenario,
        env_secrets: &BTreeMap<String, String>,
        extra_replies: &[String],
    ) -> Setup {
        let start = match &scenario.clock {
            Some(text) => clock::parse_rfc3339(text)
                .map_err(|err| format!("the scenario's clock cannot be read: {err}")),
            None => clock::parse_rfc3339(DEFAULT_CLOCK),
        };
        let id = chat_id(&scenario.name, scenario.seed);
        let chat_protocol = match &start {
            Ok(clock) => {
                let date = clock.local().date;
                format!("{:04}{:02}{:02}{id}", date.year, date.month, date.day)
            }
            Err(_) => id.to_string(),
        };
        let secrets: Vec<Option<String>> = program
            .names
            .secret_names()
            .iter()
            .map(|name| {
                env_secrets
                    .get(&name.to_uppercase())
                    .or_else(|| scenario.secrets.get(&**name))
                    .cloned()
            })
            .collect();
        let secret_values = Secrets::new(secrets.iter().flatten().cloned().collect());
        let mut custom = Vec::new();
        let mut custom_unused = BTreeMap::new();
        for (key, value) in &scenario.contact.custom {
            match program.names.find(&format!("contact.custom.{key}")) {
                Var::Slot(slot) => custom.push((slot, value.clone())),
                _ => {
                    custom_unused.insert(key.clone(), value.clone());
                }
            }
        }
        let script = scenario
            .replies
            .iter()
            .map(|reply| match reply {
                Reply::Text(text) => Said::Text(text.as_str().into()),
                Reply::NoReply => Said::Silence,
            })
            .chain(
                extra_replies
                    .iter()
                    .map(|text| Said::Text(text.as_str().into())),
            )
            .collect();
        let Presets {
            known: presets,
            extra: extra_presets,
            problem: preset_problem,
        } = presets(program, &scenario.vars);
        let closing = closing(program, &scenario.closing);
        Setup {
            name: scenario.name.clone(),
            start,
            seed: scenario.seed,
            script,
            outcomes: scenario.live_chat.clone(),
            mocks: scenario
                .mocks
                .iter()
                .map(|mock| MockOp {
                    method: mock.method,
                    url: mock.url.trim().to_owned(),
                    status: mock.status,
                    body: program.names.template_found(&mock.body),
                    delay_ms: mock.delay_ms,
                    fail: mock.fail,
                })
                .collect(),
            secrets,
            secret_values,
            chat_id: id.to_string().into(),
            chat_protocol: chat_protocol.into(),
            contact: ContactState {
                name: scenario.contact.name.clone(),
                phone: scenario.contact.phone.clone(),
                email: scenario.contact.email.clone(),
                channel: scenario.contact.channel_or_default(),
                last_agent: scenario.contact.last_agent.trim().to_owned(),
            },
            custom,
            custom_unused,
            overrides: scenario.agents.clone(),
            live: None,
            start_node: scenario
                .start
                .as_deref()
                .map(str::trim)
                .filter(|start| !start.is_empty())
                .map(str::to_owned),
            presets,
            extra_presets,
            preset_problem,
            closing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_id_is_stable_and_depends_on_name_and_seed() {
        // Pinned: a change here changes every recorded `chat.id` and `chat.protocol`.
        assert_eq!(
            chat_id("Gerente disponível", 0),
            chat_id("Gerente disponível", 0)
        );
        assert_ne!(chat_id("a", 0), chat_id("b", 0));
        assert_ne!(chat_id("a", 0), chat_id("a", 1));
        for seed in 0..100 {
            let id = chat_id("x", seed);
            assert!((1_000_000..10_000_000).contains(&id));
        }
    }
}
