//! Nodes: the eleven kinds of SPEC.md section 2, their fields with defaults, and their output ports.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// A node's id: letters, digits, `_` and `-`, unique in a flow.
pub type NodeId = String;

/// An ordered map of names to templates (headers, `save`, `set`, `extra_info`, `contact_info`).
/// Insertion-ordered so that the editor can reorder rows and a saved file keeps the user's order.
pub type TemplateMap = IndexMap<String, String>;

/// One box on the canvas.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: NodeId,
    /// Canvas position of the node's top-left corner, in canvas units.
    #[serde(default, deserialize_with = "finite_pos")]
    pub pos: (f32, f32),
    pub kind: NodeKind,
    /// A designer's remark on the node (an imported block fluxo cannot run says what it was).
    /// Shown by the window as a marker and a tooltip; the checks and the simulator ignore it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A position is two finite numbers: `inf` or `NaN` would put the card nowhere, and JSON cannot
/// hold them, so `fluxo convert` could not keep them.
fn finite_pos<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<(f32, f32), D::Error> {
    let (x, y) = <(f32, f32)>::deserialize(deserializer)?;
    if x.is_finite() && y.is_finite() {
        Ok((x, y))
    } else {
        Err(serde::de::Error::custom(format!(
            "a position is two finite numbers, not ({x}, {y})"
        )))
    }
}

impl Node {
    pub fn new(id: impl Into<NodeId>, pos: (f32, f32), kind: NodeKind) -> Self {
        Self {
            id: id.into(),
            pos,
            kind,
            note: String::new(),
        }
    }
}

/// The channels a contact can write on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Channel {
    WhatsApp,
    Web,
    Instagram,
    Facebook,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::WhatsApp,
        Channel::Web,
        Channel::Instagram,
        Channel::Facebook,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::WhatsApp => "WhatsApp",
            Channel::Web => "Web",
            Channel::Instagram => "Instagram",
            Channel::Facebook => "Facebook",
        }
    }
}

/// HTTP method of a Request node.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Method {
    #[default]
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub const ALL: [Method; 5] = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
    ];

    /// The method as HTTP writes it: `GET`, `POST`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// What an Ask accepts as a valid reply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AskExpect {
    /// Any non-empty reply.
    #[default]
    Any,
    /// A number: `42`, `-3`, `1.5`, `1,5`.
    Number,
    /// `name@domain.tld`.
    Email,
    /// A Brazilian CPF, checked by its two check digits (dots and dash optional).
    Cpf,
    /// A phone number: 8 to 15 digits, with optional `+`, spaces, dashes and brackets.
    Phone,
    /// One of these options (case and surrounding blanks ignored), or its 1-based number.
    Options(Vec<String>),
    /// The whole reply matches this regular expression.
    Regex(String),
}

impl AskExpect {
    pub fn label(&self) -> &'static str {
        match self {
            AskExpect::Any => "Any",
            AskExpect::Number => "Number",
            AskExpect::Email => "Email",
            AskExpect::Cpf => "Cpf",
            AskExpect::Phone => "Phone",
            AskExpect::Options(_) => "Options",
            AskExpect::Regex(_) => "Regex",
        }
    }
}

/// How the rules of a Condition case combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    /// Every rule must hold (and).
    #[default]
    All,
    /// One rule is enough (or).
    Any,
}

/// A Condition operator. See SPEC.md section 2 for how sides are compared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Op {
    #[default]
    Equals,
    NotEquals,
    Contains,
    StartsWith,
    EndsWith,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    IsEmpty,
    IsNotEmpty,
    Matches,
    In,
}

impl Op {
    pub const ALL: [Op; 13] = [
        Op::Equals,
        Op::NotEquals,
        Op::Contains,
        Op::StartsWith,
        Op::EndsWith,
        Op::Greater,
        Op::GreaterOrEqual,
        Op::Less,
        Op::LessOrEqual,
        Op::IsEmpty,
        Op::IsNotEmpty,
        Op::Matches,
        Op::In,
    ];

    /// Whether the operator reads its `value` (IsEmpty and IsNotEmpty do not).
    pub fn has_value(self) -> bool {
        !matches!(self, Op::IsEmpty | Op::IsNotEmpty)
    }

    /// A short symbol for summaries on the canvas.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Equals => "=",
            Op::NotEquals => "≠",
            Op::Contains => "contains",
            Op::StartsWith => "starts with",
            Op::EndsWith => "ends with",
            Op::Greater => ">",
            Op::GreaterOrEqual => "≥",
            Op::Less => "<",
            Op::LessOrEqual => "≤",
            Op::IsEmpty => "is empty",
            Op::IsNotEmpty => "is not empty",
            Op::Matches => "matches",
            Op::In => "in",
        }
    }
}

/// One test of a Condition case: `var op value`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// The variable read (a flow variable or a dotted name such as `contact.custom.plano`).
    pub var: String,
    #[serde(default)]
    pub op: Op,
    /// A template; for `In`, a comma-separated list.
    #[serde(default)]
    pub value: String,
}

/// One case of a Condition: its port is taken when its rules hold.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub port: String,
    #[serde(default)]
    pub mode: Mode,
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// Who gets the chat of a LiveChat handoff. See SPEC.md section 2.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Route {
    /// The chat opens for the department without an agent: any available agent of it may take
    /// it, unless the department assigns automatically (the team's `auto_assign`).
    #[default]
    Department,
    /// "Abrir conversa sem atribuir departamento ou agente": the chat opens for anyone; any
    /// available agent of the team may take it. The LiveChat's `department` is not used.
    Unassigned,
    /// That agent, if available.
    Agent(String),
    /// "Carteirização": the agent whose id is in the contact's custom field `key`.
    AgentFromField(String),
    /// A random available agent of the department, from the scenario's seed.
    Random,
    /// `contact.last_agent` if available; none goes to the department.
    LastAgent,
    /// Round robin in id order over the department's available agents.
    Sequential,
}

impl Route {
    pub fn label(&self) -> &'static str {
        match self {
            Route::Department => "Department",
            Route::Unassigned => "Unassigned",
            Route::Agent(_) => "Agent",
            Route::AgentFromField(_) => "AgentFromField",
            Route::Random => "Random",
            Route::LastAgent => "LastAgent",
            Route::Sequential => "Sequential",
        }
    }
}

/// How a live-chat conversation with a human ended; also the LiveChat's output port names.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum LiveChatOutcome {
    /// Closed by the agent.
    #[default]
    AgentClosed,
    /// Closed by the contact.
    UserClosed,
    /// No agent answered within `wait_timeout_s`.
    Timeout,
    /// The contact did not write within `inactivity_timeout_s`.
    UserInactivityTimeout,
}

impl LiveChatOutcome {
    pub const ALL: [LiveChatOutcome; 4] = [
        LiveChatOutcome::AgentClosed,
        LiveChatOutcome::UserClosed,
        LiveChatOutcome::Timeout,
        LiveChatOutcome::UserInactivityTimeout,
    ];

    /// The port name and the `live_chat.status` word: `agent_closed`, `user_closed`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            LiveChatOutcome::AgentClosed => "agent_closed",
            LiveChatOutcome::UserClosed => "user_closed",
            LiveChatOutcome::Timeout => "timeout",
            LiveChatOutcome::UserInactivityTimeout => "user_inactivity_timeout",
        }
    }
}

fn default_retries() -> u32 {
    2
}

fn default_timeout_ms() -> u64 {
    5000
}

// serde's `skip_serializing_if` hands a reference to the field.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_default_retries(value: &u32) -> bool {
    *value == default_retries()
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_default_timeout_ms(value: &u64) -> bool {
    *value == default_timeout_ms()
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero_u64(value: &u64) -> bool {
    *value == 0
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero_i64(value: &i64) -> bool {
    *value == 0
}

fn default_true() -> bool {
    true
}

// serde's `skip_serializing_if` hands a reference to the field.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_true(value: &bool) -> bool {
    *value
}

/// What a node does when a run reaches it. Fields and defaults: SPEC.md, section 2.
///
/// Every field has a default except where a node is meaningless without it; even those default to
/// empty so that a half-written file loads and the checks can say what is missing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum NodeKind {
    /// Where every run starts. Exactly one per flow.
    Entry {
        /// Channels served; empty means all four.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        channels: Vec<Channel>,
    },
    /// Sends a text with optional quick-reply buttons.
    Message {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        buttons: Vec<String>,
    },
    /// Sends a prompt and waits for the contact's reply.
    Ask {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        prompt: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        save_as: String,
        #[serde(default)]
        expect: AskExpect,
        #[serde(
            default = "default_retries",
            skip_serializing_if = "is_default_retries"
        )]
        retries: u32,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        retry_message: String,
        #[serde(default, skip_serializing_if = "is_zero_u64")]
        timeout_s: u64,
    },
    /// "Enviar requisição": an HTTP call.
    Request {
        #[serde(default)]
        method: Method,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        url: String,
        #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
        headers: TemplateMap,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        body: String,
        #[serde(
            default = "default_timeout_ms",
            skip_serializing_if = "is_default_timeout_ms"
        )]
        timeout_ms: u64,
        /// Variable name to JSON path in the answer (`""` is the whole body).
        #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
        save: TemplateMap,
    },
    /// The first case whose rules hold picks its port; none: `else`.
    Condition {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        cases: Vec<Case>,
    },
    /// Sets flow variables (or `contact.custom.KEY`), in order.
    SetVariable {
        #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
        set: TemplateMap,
    },
    /// "Expediente": open or closed at the simulated clock.
    BusinessHours {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        schedule: String,
    },
    /// "Colocar na fila": the chat waits in a department's queue. Ends the run.
    Queue {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        queue: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        message: String,
    },
    /// ALTU `start_live_chat`: hands the chat to a human and goes on by how it ended.
    LiveChat {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        department: String,
        #[serde(default)]
        route: Route,
        #[serde(default, skip_serializing_if = "is_zero_i64")]
        integration_id: i64,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        skill_id: String,
        #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
        extra_info: TemplateMap,
        #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
        contact_info: TemplateMap,
        #[serde(default, skip_serializing_if = "is_zero_u64")]
        wait_timeout_s: u64,
        #[serde(default, skip_serializing_if = "is_zero_u64")]
        inactivity_timeout_s: u64,
        #[serde(default = "default_true", skip_serializing_if = "is_true")]
        include_history: bool,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        result_variable: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        closing_message: String,
    },
    /// Ends the run after the optional message.
    End {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        message: String,
    },
    /// Mosia's "Nó de Fluxo": runs another flow of the library (the calling file's folder) from
    /// its Entry with the same world; its End goes on by `done`, any other end ends the run.
    SubFlow {
        /// The called flow's `name`, or a path relative to the calling file.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        flow: String,
    },
}

/// The eleven kinds without their fields: for palettes, colours and counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum KindTag {
    Entry,
    Message,
    Ask,
    Request,
    Condition,
    SetVariable,
    BusinessHours,
    Queue,
    LiveChat,
    End,
    SubFlow,
}

impl KindTag {
    pub const ALL: [KindTag; 11] = [
        KindTag::Entry,
        KindTag::Message,
        KindTag::Ask,
        KindTag::Request,
        KindTag::Condition,
        KindTag::SetVariable,
        KindTag::BusinessHours,
        KindTag::Queue,
        KindTag::LiveChat,
        KindTag::End,
        KindTag::SubFlow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            KindTag::Entry => "Entry",
            KindTag::Message => "Message",
            KindTag::Ask => "Ask",
            KindTag::Request => "Request",
            KindTag::Condition => "Condition",
            KindTag::SetVariable => "SetVariable",
            KindTag::BusinessHours => "BusinessHours",
            KindTag::Queue => "Queue",
            KindTag::LiveChat => "LiveChat",
            KindTag::End => "End",
            KindTag::SubFlow => "SubFlow",
        }
    }

    /// The stem of ids given to new nodes of this kind (`pergunta_2`): Portuguese, like the flows.
    pub fn id_stem(self) -> &'static str {
        match self {
            KindTag::Entry => "inicio",
            KindTag::Message => "mensagem",
            KindTag::Ask => "pergunta",
            KindTag::Request => "requisicao",
            KindTag::Condition => "condicao",
            KindTag::SetVariable => "variavel",
            KindTag::BusinessHours => "expediente",
            KindTag::Queue => "fila",
            KindTag::LiveChat => "transbordo",
            KindTag::End => "fim",
            KindTag::SubFlow => "subfluxo",
        }
    }

    /// The output ports of this kind when they do not depend on the node's fields (a Condition's
    /// come from its cases: empty here), as [`NodeKind::fixed_ports`]: for code that keeps the
    /// kind but not the node (the checks' index).
    pub fn fixed_ports(self) -> &'static [&'static str] {
        match self {
            KindTag::Entry | KindTag::Message | KindTag::SetVariable => ENTRY_PORTS,
            KindTag::Ask => ASK_PORTS,
            KindTag::Request => REQUEST_PORTS,
            KindTag::BusinessHours => HOURS_PORTS,
            KindTag::LiveChat => LIVE_CHAT_PORTS,
            KindTag::SubFlow => SUBFLOW_PORTS,
            KindTag::Condition | KindTag::Queue | KindTag::End => &[],
        }
    }

    /// Whether a run waits for the outside world at a node of this kind: [`NodeKind::is_wait`].
    pub fn is_wait(self) -> bool {
        matches!(self, KindTag::Ask | KindTag::LiveChat)
    }

    /// A node of this kind with sensible defaults for a new node in the editor.
    pub fn default_kind(self) -> NodeKind {
        match self {
            KindTag::Entry => NodeKind::Entry { channels: vec![] },
            KindTag::Message => NodeKind::Message {
                text: String::new(),
                buttons: vec![],
            },
            KindTag::Ask => NodeKind::Ask {
                prompt: String::new(),
                save_as: String::new(),
                expect: AskExpect::Any,
                retries: default_retries(),
                retry_message: String::new(),
                timeout_s: 0,
            },
            KindTag::Request => NodeKind::Request {
                method: Method::Get,
                url: String::new(),
                headers: TemplateMap::new(),
                body: String::new(),
                timeout_ms: default_timeout_ms(),
                save: TemplateMap::new(),
            },
            KindTag::Condition => NodeKind::Condition {
                cases: vec![Case {
                    port: "sim".into(),
                    mode: Mode::All,
                    rules: vec![],
                }],
            },
            KindTag::SetVariable => NodeKind::SetVariable {
                set: TemplateMap::new(),
            },
            KindTag::BusinessHours => NodeKind::BusinessHours {
                schedule: String::new(),
            },
            KindTag::Queue => NodeKind::Queue {
                queue: String::new(),
                message: String::new(),
            },
            KindTag::LiveChat => NodeKind::LiveChat {
                department: String::new(),
                route: Route::Department,
                integration_id: 0,
                skill_id: String::new(),
                extra_info: TemplateMap::new(),
                contact_info: TemplateMap::new(),
                wait_timeout_s: 0,
                inactivity_timeout_s: 0,
                include_history: true,
                result_variable: String::new(),
                closing_message: String::new(),
            },
            KindTag::End => NodeKind::End {
                message: String::new(),
            },
            KindTag::SubFlow => NodeKind::SubFlow {
                flow: String::new(),
            },
        }
    }
}

/// Output ports of the kinds whose ports do not depend on their fields.
const ENTRY_PORTS: &[&str] = &["next"];
const ASK_PORTS: &[&str] = &["answered", "invalid", "timeout"];
const REQUEST_PORTS: &[&str] = &["ok", "error"];
const HOURS_PORTS: &[&str] = &["open", "closed"];
const LIVE_CHAT_PORTS: &[&str] = &[
    "agent_closed",
    "user_closed",
    "timeout",
    "user_inactivity_timeout",
];
const SUBFLOW_PORTS: &[&str] = &["done"];

/// The port a Condition takes when no case holds.
pub const ELSE_PORT: &str = "else";

impl NodeKind {
    pub fn tag(&self) -> KindTag {
        match self {
            NodeKind::Entry { .. } => KindTag::Entry,
            NodeKind::Message { .. } => KindTag::Message,
            NodeKind::Ask { .. } => KindTag::Ask,
            NodeKind::Request { .. } => KindTag::Request,
            NodeKind::Condition { .. } => KindTag::Condition,
            NodeKind::SetVariable { .. } => KindTag::SetVariable,
            NodeKind::BusinessHours { .. } => KindTag::BusinessHours,
            NodeKind::Queue { .. } => KindTag::Queue,
            NodeKind::LiveChat { .. } => KindTag::LiveChat,
            NodeKind::End { .. } => KindTag::End,
            NodeKind::SubFlow { .. } => KindTag::SubFlow,
        }
    }

    /// Output ports in drawing order. A Condition has one per case, then `else`.
    pub fn ports(&self) -> Vec<&str> {
        match self {
            NodeKind::Condition { cases } => cases
                .iter()
                .map(|case| case.port.as_str())
                .chain(std::iter::once(ELSE_PORT))
                .collect(),
            other => other.fixed_ports().to_vec(),
        }
    }

    /// The ports of every kind but Condition (whose ports come from its cases: empty here).
    pub fn fixed_ports(&self) -> &'static [&'static str] {
        match self {
            NodeKind::Entry { .. } | NodeKind::Message { .. } | NodeKind::SetVariable { .. } => {
                ENTRY_PORTS
            }
            NodeKind::Ask { .. } => ASK_PORTS,
            NodeKind::Request { .. } => REQUEST_PORTS,
            NodeKind::BusinessHours { .. } => HOURS_PORTS,
            NodeKind::LiveChat { .. } => LIVE_CHAT_PORTS,
            NodeKind::SubFlow { .. } => SUBFLOW_PORTS,
            NodeKind::Condition { .. } | NodeKind::Queue { .. } | NodeKind::End { .. } => &[],
        }
    }

    /// Whether this kind has an output port of that name.
    pub fn has_port(&self, port: &str) -> bool {
        match self {
            NodeKind::Condition { cases } => {
                port == ELSE_PORT || cases.iter().any(|case| case.port == port)
            }
            other => other.fixed_ports().contains(&port),
        }
    }

    /// Whether a run waits for the outside world here (a reply or a human), which breaks loops.
    pub fn is_wait(&self) -> bool {
        matches!(self, NodeKind::Ask { .. } | NodeKind::LiveChat { .. })
    }
}

/// A template-bearing field of a node: its path (`url`, `headers.Authorization`,
/// `cases[0].rules[1].value`) and its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TemplateField<'a> {
    pub field: &'a str,
    /// For map entries and list items the path is built: see [`TemplateField::path`].
    pub key: FieldKey<'a>,
    pub text: &'a str,
}

/// Where inside a field a template stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKey<'a> {
    /// The field itself.
    Whole,
    /// A map entry's value (`headers`, `set`, `extra_info`, `contact_info`).
    Entry(&'a str),
    /// A list item (`buttons`).
    Item(usize),
    /// A Condition rule's value: case index, rule index.
    Rule(usize, usize),
}

impl TemplateField<'_> {
    /// The field path as findings and the inspector name it.
    pub fn path(&self) -> String {
        match self.key {
            FieldKey::Whole => self.field.to_owned(),
            FieldKey::Entry(key) => format!("{}.{key}", self.field),
            FieldKey::Item(index) => format!("{}[{index}]", self.field),
            FieldKey::Rule(case, rule) => format!("cases[{case}].rules[{rule}].value"),
        }
    }
}

impl NodeKind {
    /// Every field of this node that is a template, in form order.
    pub fn template_fields(&self) -> Vec<TemplateField<'_>> {
        fn whole<'a>(field: &'a str, text: &'a str) -> TemplateField<'a> {
            TemplateField {
                field,
                key: FieldKey::Whole,
                text,
            }
        }
        fn entries<'a>(
            field: &'a str,
            map: &'a TemplateMap,
        ) -> impl Iterator<Item = TemplateField<'a>> {
            map.iter().map(move |(key, text)| TemplateField {
                field,
                key: FieldKey::Entry(key),
                text,
            })
        }
        let mut out = Vec::new();
        match self {
            NodeKind::Entry { .. } | NodeKind::BusinessHours { .. } | NodeKind::SubFlow { .. } => {}
            NodeKind::Message { text, buttons } => {
                out.push(whole("text", text));
                out.extend(
                    buttons
                        .iter()
                        .enumerate()
                        .map(|(index, text)| TemplateField {
                            field: "buttons",
                            key: FieldKey::Item(index),
                            text,
                        }),
                );
            }
            NodeKind::Ask {
                prompt,
                retry_message,
                ..
            } => {
                out.push(whole("prompt", prompt));
                out.push(whole("retry_message", retry_message));
            }
            NodeKind::Request {
                url, headers, body, ..
            } => {
                out.push(whole("url", url));
                out.extend(entries("headers", headers));
                out.push(whole("body", body));
            }
            NodeKind::Condition { cases } => {
                for (case_index, case) in cases.iter().enumerate() {
                    for (rule_index, rule) in case.rules.iter().enumerate() {
                        out.push(TemplateField {
                            field: "value",
                            key: FieldKey::Rule(case_index, rule_index),
                            text: &rule.value,
                        });
                    }
                }
            }
            NodeKind::SetVariable { set } => out.extend(entries("set", set)),
            NodeKind::Queue { message, .. } | NodeKind::End { message } => {
                out.push(whole("message", message));
            }
            NodeKind::LiveChat {
                extra_info,
                contact_info,
                closing_message,
                ..
            } => {
                out.extend(entries("extra_info", extra_info));
                out.extend(entries("contact_info", contact_info));
                out.push(whole("closing_message", closing_message));
            }
        }
        out
    }

    /// The variables this node can set, whatever port it leaves by (empty names left out):
    /// Ask `save_as`; Request `http.status`, `http.body` and its `save` names; SetVariable its
    /// `set` names (`contact.custom.KEY` included); LiveChat `live_chat.status` and
    /// `result_variable`. Which port sets what: [`NodeKind::variables_set_on`].
    pub fn variables_set(&self) -> Vec<&str> {
        let mut out: Vec<&str> = match self {
            NodeKind::Ask { save_as, .. } => vec![save_as.as_str()],
            NodeKind::Request { save, .. } => ["http.status", "http.body"]
                .into_iter()
                .chain(save.keys().map(String::as_str))
                .collect(),
            NodeKind::SetVariable { set } => set.keys().map(String::as_str).collect(),
            NodeKind::LiveChat {
                result_variable, ..
            } => vec!["live_chat.status", result_variable.as_str()],
            _ => vec![],
        };
        out.retain(|name| !name.trim().is_empty());
        out
    }

    /// The variables set when the run leaves by `port`: an Ask's `save_as` only when
    /// `answered`, a Request's `save` names only when `ok` (an error answer saves nothing; both
    /// ports set `http.status` and `http.body`), everything else on every port.
    pub fn variables_set_on(&self, port: &str) -> Vec<&str> {
        match self {
            NodeKind::Ask { .. } if port != "answered" => vec![],
            NodeKind::Request { .. } if port != "ok" => vec!["http.status", "http.body"],
            _ => self.variables_set(),
        }
    }

    /// The variable names this node reads: template references and Condition rule variables.
    pub fn variables_read(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .template_fields()
            .iter()
            .flat_map(|field| crate::template::names_in(field.text))
            .collect();
        if let NodeKind::Condition { cases } = self {
            out.extend(
                cases
                    .iter()
                    .flat_map(|case| &case.rules)
                    .map(|rule| rule.var.trim().to_owned())
                    .filter(|name| !name.is_empty()),
            );
        }
        out
    }
}

/// Whether `id` is a valid node id: non-empty, letters, digits, `_` and `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_follow_the_spec() {
        assert_eq!(KindTag::Entry.default_kind().ports(), ["next"]);
        assert_eq!(
            KindTag::Ask.default_kind().ports(),
            ["answered", "invalid", "timeout"]
        );
        assert_eq!(KindTag::Request.default_kind().ports(), ["ok", "error"]);
        assert_eq!(KindTag::Condition.default_kind().ports(), ["sim", "else"]);
        assert!(KindTag::Queue.default_kind().ports().is_empty());
        assert!(KindTag::End.default_kind().ports().is_empty());
        assert_eq!(
            KindTag::LiveChat.default_kind().ports(),
            LiveChatOutcome::ALL.map(LiveChatOutcome::as_str)
        );
        assert_eq!(KindTag::SubFlow.default_kind().ports(), ["done"]);
        assert!(KindTag::Condition.default_kind().has_port("else"));
        assert!(!KindTag::Request.default_kind().has_port("next"));
    }

    #[test]
    fn a_kind_tag_knows_its_fixed_ports_and_waits() {
        for tag in KindTag::ALL {
            let kind = tag.default_kind();
            assert_eq!(tag.fixed_ports(), kind.fixed_ports(), "{tag:?}");
            assert_eq!(tag.is_wait(), kind.is_wait(), "{tag:?}");
        }
    }

    #[test]
    fn template_fields_and_variables() {
        let kind = NodeKind::Request {
            method: Method::Post,
            url: "{{team.api_base}}/x".into(),
            headers: [("Authorization".to_owned(), "Bearer {{secret.t}}".to_owned())].into(),
            body: "{\"a\": \"{{nome}}\"}".into(),
            timeout_ms: 1,
            save: [("status".to_owned(), "data.status".to_owned())].into(),
        };
        let paths: Vec<String> = kind
            .template_fields()
            .iter()
            .map(TemplateField::path)
            .collect();
        assert_eq!(paths, ["url", "headers.Authorization", "body"]);
        assert_eq!(kind.variables_set(), ["http.status", "http.body", "status"]);
        assert_eq!(kind.variables_set_on("error"), ["http.status", "http.body"]);
        assert_eq!(kind.variables_read(), ["team.api_base", "secret.t", "nome"]);

        let condition = NodeKind::Condition {
            cases: vec![Case {
                port: "sim".into(),
                mode: Mode::All,
                rules: vec![Rule {
                    var: "idade".into(),
                    op: Op::Greater,
                    value: "{{limite}}".into(),
                }],
            }],
        };
        assert_eq!(
            condition.template_fields()[0].path(),
            "cases[0].rules[0].value"
        );
        assert_eq!(condition.variables_read(), ["limite", "idade"]);
        let ask = KindTag::Ask.default_kind();
        assert!(
            ask.variables_set().is_empty(),
            "an empty save_as sets nothing"
        );
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("pergunta_2"));
        assert!(is_valid_id("a-b"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id("a.b"));
    }

    #[test]
    fn a_note_is_optional_and_written_only_when_there_is_one() {
        let node: Node =
            serde_json::from_str(r#"{"id": "a", "pos": [0, 0], "kind": {"End": {}}}"#).unwrap();
        assert_eq!(node.note, "");
        let json = serde_json::to_string(&node).unwrap();
        assert!(!json.contains("note"), "{json}");
        let noted = Node {
            note: "Typebot: Code".into(),
            ..node
        };
        let json = serde_json::to_string(&noted).unwrap();
        assert!(json.contains(r#""note":"Typebot: Code""#), "{json}");
        let back: Node = serde_json::from_str(&json).unwrap();
        assert_eq!(back, noted);
    }
}
