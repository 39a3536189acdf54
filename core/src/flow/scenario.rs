//! Test scenarios: the world a run starts in (contact, agent overrides, clock, seed, replies,
//! live-chat outcomes, HTTP mocks, secrets) and what the run must do (`expect`).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::node::{Channel, LiveChatOutcome, Method};
use super::team::AgentStatus;

/// The contact who writes in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// The channel the contact writes on; none means WhatsApp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// Custom field values by key (`gerente_de_contas: "ana"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub custom: BTreeMap<String, String>,
    /// Id of the agent who served this contact last (for the `LastAgent` route).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_agent: String,
}

impl Contact {
    pub fn channel_or_default(&self) -> Channel {
        self.channel.unwrap_or(Channel::WhatsApp)
    }
}

/// One scripted reply of the contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    Text(String),
    /// The contact stays silent.
    NoReply,
}

/// How a scripted HTTP answer fails instead of answering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MockFail {
    /// The call times out: the Request leaves by `error` after its `timeout_ms`.
    Timeout,
}

fn default_glob() -> String {
    "*".into()
}

fn is_glob_all(url: &str) -> bool {
    url == "*"
}

fn default_status() -> u16 {
    200
}

// serde's `skip_serializing_if` hands a reference to the field.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_status_ok(status: &u16) -> bool {
    *status == 200
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero_u64(value: &u64) -> bool {
    *value == 0
}

/// A scripted HTTP answer, tried in order before the built-in platform API.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mock {
    /// Only calls with this method; none matches every method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    /// Glob on the expanded url: `*` matches any run of characters. Default `*`.
    #[serde(default = "default_glob", skip_serializing_if = "is_glob_all")]
    pub url: String,
    #[serde(default = "default_status", skip_serializing_if = "is_status_ok")]
    pub status: u16,
    /// The answer's body: a template.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
    /// How long the answer takes; the simulated clock moves by it.
    #[serde(default, skip_serializing_if = "is_zero_u64")]
    pub delay_ms: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail: Option<MockFail>,
}

impl Default for Mock {
    fn default() -> Self {
        Self {
            method: None,
            url: default_glob(),
            status: default_status(),
            body: String::new(),
            delay_ms: 0,
            fail: None,
        }
    }
}

/// Why a run ended. See SPEC.md section 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EndReason {
    /// An End node.
    End,
    /// A Queue node, or a LiveChat with nobody available and no wait timeout.
    Queued,
    /// An Ask with no scripted reply left.
    WaitingReply,
    /// The contact's channel is not one the Entry serves.
    ChannelNotServed,
    /// An output port with no edge.
    DeadEnd,
    /// Too many steps: a loop.
    StepLimit,
    /// Something the run cannot go on from (the text is in the run's end).
    Error,
}

impl EndReason {
    pub const ALL: [EndReason; 7] = [
        EndReason::End,
        EndReason::Queued,
        EndReason::WaitingReply,
        EndReason::ChannelNotServed,
        EndReason::DeadEnd,
        EndReason::StepLimit,
        EndReason::Error,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EndReason::End => "End",
            EndReason::Queued => "Queued",
            EndReason::WaitingReply => "WaitingReply",
            EndReason::ChannelNotServed => "ChannelNotServed",
            EndReason::DeadEnd => "DeadEnd",
            EndReason::StepLimit => "StepLimit",
            EndReason::Error => "Error",
        }
    }
}

/// A list of the live-chat agents' screen (seed 004, "status dos chats") that a chat shows in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ChatList {
    /// "Todos os chats": every chat, always.
    All,
    /// "Chats abertos": open for a department (tagged with it) or for anyone, without an agent.
    Open,
    /// "Meus chats": of the agent who has the chat.
    Mine,
    /// "Em atendimento": every chat an agent has.
    InService,
}

impl ChatList {
    pub const ALL: [ChatList; 4] = [
        ChatList::All,
        ChatList::Open,
        ChatList::Mine,
        ChatList::InService,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChatList::All => "All",
            ChatList::Open => "Open",
            ChatList::Mine => "Mine",
            ChatList::InService => "InService",
        }
    }
}

/// What a scenario's run must do. Only the expectations written are checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expectations {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_reason: Option<EndReason>,
    /// Id of the node the run ended on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_node: Option<String>,
    /// Who got the chat last; `""` means nobody.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// The department the chat was last opened for; `""` means none (opened for an agent or
    /// for anyone, or never handed to people).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// The agents' screen lists the chat is in when the run ends, as a set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lists: Option<BTreeSet<ChatList>>,
    /// The queue (department) the chat ended waiting in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue: Option<String>,
    /// The position in that queue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// The visited node ids in order, one per node executed (an Ask that asks again counts once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<Vec<String>>,
    /// Variables that must equal these values at the end (dotted names allowed: `http.status`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub vars: BTreeMap<String, String>,
    /// Substrings, in order, of the texts the contact receives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<String>,
}

impl Expectations {
    /// Whether nothing is expected.
    pub fn is_empty(&self) -> bool {
        *self == Expectations::default()
    }
}

/// A test scenario. Every field but `name` may be left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    pub name: String,
    #[serde(default)]
    pub contact: Contact,
    /// Status overrides by agent id, over the team's statuses.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub agents: BTreeMap<String, AgentStatus>,
    /// RFC 3339 time the run starts at; none means Monday 2026-01-05 10:00 at -03:00.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<String>,
    /// Seed of the run's random choices (the `Random` route).
    #[serde(default, skip_serializing_if = "is_zero_u64")]
    pub seed: u64,
    /// The node the run begins at instead of the Entry ("run from here"); inside a called flow
    /// as `SUBFLOW_NODE/NODE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Flow variables preset before the first step (`{"cpf": "123.456.789-09"}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub vars: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    /// How each live-chat handoff ends, in order; when they run out, `AgentClosed`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub live_chat: Vec<LiveChatOutcome>,
    /// For each human conversation in order (as `live_chat`), the custom fields the agent fills
    /// when closing it (`[{"motivo": "resolvido"}]`): set as `contact.custom.KEY` when that
    /// conversation ends by `agent_closed`, before the flow goes on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mocks: Vec<Mock>,
    /// Secrets for this scenario's runs, by name (`secret.NAME`). Only the names are ever written
    /// to a file: values read from a file are used, and saved back as `""`.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        serialize_with = "serialize_secret_names"
    )]
    pub secrets: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Expectations::is_empty")]
    pub expect: Expectations,
}

/// The default start of a run: Monday 2026-01-05 10:00 at UTC-3.
pub const DEFAULT_CLOCK: &str = "2026-01-05T10:00:00-03:00";

/// Writes the secrets map with every value blanked: a secret's value never reaches a file.
fn serialize_secret_names<S: serde::Serializer>(
    secrets: &BTreeMap<String, String>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(secrets.len()))?;
    for name in secrets.keys() {
        map.serialize_entry(name, "")?;
    }
    map.end()
}
