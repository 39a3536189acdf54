//! What an import did, as data: each block and what became of it, what was not carried over
//! (a code and its arguments, worded by the binary in the user's language), the variables
//! renamed, whether the nodes overlap, and how the first scenario ran.

use serde::Serialize;

use crate::flow::{EndReason, KindTag, NodeId};

/// What became of one Typebot block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockStatus {
    /// Mapped to a node that does what the block did.
    Imported,
    /// Mapped, but something of it was not carried over (see the report's items).
    Partial,
    /// fluxo cannot run it: a pass-through node keeps its place and its outgoing edge.
    Placeholder,
    /// It became an edge, not a node (Jump, a link to a group of the same bot).
    Edge,
    /// Its text became the prompt of the question that follows it.
    Merged,
}

impl BlockStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockStatus::Imported => "imported",
            BlockStatus::Partial => "partial",
            BlockStatus::Placeholder => "placeholder",
            BlockStatus::Edge => "edge",
            BlockStatus::Merged => "merged",
        }
    }
}

/// One block of the export and the node it became.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BlockReport {
    pub block_id: String,
    /// Typebot's block type (`text`, `choice input`, `openai`, ...).
    pub block_type: String,
    /// The group's title.
    pub group: String,
    /// The node the block became (for a merged bubble: the question's node).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<NodeId>,
    /// The kind of that node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    pub status: BlockStatus,
}

/// Something the import could not carry over, or did differently. Each has a stable code and
/// named arguments (see [`Issue::code`], [`Issue::args`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issue {
    /// A block fluxo cannot run; `detail` is what the block was set to do (its action, url,
    /// seconds...), possibly empty.
    Placeholder { detail: String },
    /// A block type this importer does not know.
    UnknownBlock,
    /// A link to another Typebot bot: a SubFlow calling the flow file `file` named after the
    /// bot's id (the group it started at, if any, is not kept: a SubFlow starts at the Entry).
    LinkedBot {
        typebot_id: String,
        group_id: String,
        file: String,
    },
    /// A Chatwoot "Show widget": the chat opens for anyone (the `Unassigned` route), and the flow
    /// goes on when the human conversation ends (Typebot's bot went on at once).
    ChatwootWidget,
    /// A value Typebot computes (`Today`, `Random ID`, ...); `value` is what fluxo sets instead
    /// (empty: nothing).
    ComputedValue {
        variable: String,
        value_type: String,
        value: String,
    },
    /// A JavaScript expression: set as the text it is (its references expanded).
    Expression {
        variable: String,
        expression: String,
    },
    /// JavaScript code: the variable is set to "".
    Code { variable: String },
    /// A list operation (append, pop, shift, map): fluxo has no lists.
    ListOperation { variable: String, operation: String },
    /// Multiple choice: the contact's one reply is kept as it is.
    MultipleChoice,
    /// Buttons taken from a list variable at run time: any reply is accepted.
    DynamicChoice { variable: String },
    /// Buttons shown only under a condition (`items`, quoted, comma separated): fluxo always
    /// offers them.
    ItemCondition { items: String },
    /// A file, audio or attachment reply: the contact's text stands for it.
    FileReply,
    /// A response mapping with JavaScript: the part before it is saved.
    ResponsePath {
        variable: String,
        path: String,
        saved: String,
    },
    /// An HTTP method fluxo does not send: GET is used.
    Method { method: String },
    /// No custom body: Typebot sent every variable; fluxo sends none.
    DefaultBody,
    /// Typebot's inline code (`{{= ... =}}`): kept as text.
    InlineCode { code: String },
    /// A comparison fluxo cannot express in one case: left out of it.
    ConditionRule { operator: String },
    /// A comparison without a variable or an operator: never holds in Typebot, left out.
    ConditionIncomplete,
    /// An A/B test: split by the chat's id instead of at random.
    AbTest { percent: String },
    /// A wait for an embed's event: fluxo goes on at once.
    EmbedEvent,
    /// An edge, Jump or link to a group or block that does not exist: the run ends there.
    MissingTarget { target: String },
    /// Events other than the start, left out.
    EventIgnored { event: String },
    /// No start event, or it leads nowhere: the Entry leads nowhere.
    NoStart,
    /// Variables the bot reads but never sets (Typebot fills them from the link or the page):
    /// they start empty (`variables`: their names, comma separated).
    StartEmpty { variables: String },
    /// Not a v6 export: read as one, as well as it goes.
    Version { version: String },
}

impl Issue {
    /// The stable code (`placeholder`, `unknown-block`, ...).
    pub fn code(&self) -> &'static str {
        match self {
            Issue::Placeholder { .. } => "placeholder",
            Issue::UnknownBlock => "unknown-block",
            Issue::LinkedBot { .. } => "linked-bot",
            Issue::ChatwootWidget => "chatwoot-widget",
            Issue::ComputedValue { .. } => "computed-value",
            Issue::Expression { .. } => "expression",
            Issue::Code { .. } => "code",
            Issue::ListOperation { .. } => "list-operation",
            Issue::MultipleChoice => "multiple-choice",
            Issue::DynamicChoice { .. } => "dynamic-choice",
            Issue::ItemCondition { .. } => "item-condition",
            Issue::FileReply => "file-reply",
            Issue::ResponsePath { .. } => "response-path",
            Issue::Method { .. } => "method",
            Issue::DefaultBody => "default-body",
            Issue::InlineCode { .. } => "inline-code",
            Issue::ConditionRule { .. } => "condition-rule",
            Issue::ConditionIncomplete => "condition-incomplete",
            Issue::AbTest { .. } => "ab-test",
            Issue::EmbedEvent => "embed-event",
            Issue::MissingTarget { .. } => "missing-target",
            Issue::EventIgnored { .. } => "event-ignored",
            Issue::NoStart => "no-start",
            Issue::StartEmpty { .. } => "start-empty",
            Issue::Version { .. } => "version",
        }
    }

    /// The arguments, by name, in a stable order.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Issue::Placeholder { detail } => vec![("detail", detail.clone())],
            Issue::LinkedBot {
                typebot_id,
                group_id,
                file,
            } => vec![
                ("typebot_id", typebot_id.clone()),
                ("group_id", group_id.clone()),
                ("file", file.clone()),
            ],
            Issue::ComputedValue {
                variable,
                value_type,
                value,
            } => vec![
                ("variable", variable.clone()),
                ("value_type", value_type.clone()),
                ("value", value.clone()),
            ],
            Issue::Expression {
                variable,
                expression,
            } => vec![
                ("variable", variable.clone()),
                ("expression", expression.clone()),
            ],
            Issue::Code { variable } | Issue::DynamicChoice { variable } => {
                vec![("variable", variable.clone())]
            }
            Issue::ListOperation {
                variable,
                operation,
            } => vec![
                ("variable", variable.clone()),
                ("operation", operation.clone()),
            ],
            Issue::ItemCondition { items } => vec![("items", items.clone())],
            Issue::ResponsePath {
                variable,
                path,
                saved,
            } => vec![
                ("variable", variable.clone()),
                ("path", path.clone()),
                ("saved", saved.clone()),
            ],
            Issue::Method { method } => vec![("method", method.clone())],
            Issue::InlineCode { code } => vec![("code", code.clone())],
            Issue::ConditionRule { operator } => vec![("operator", operator.clone())],
            Issue::AbTest { percent } => vec![("percent", percent.clone())],
            Issue::MissingTarget { target } => vec![("target", target.clone())],
            Issue::EventIgnored { event } => vec![("event", event.clone())],
            Issue::Version { version } => vec![("version", version.clone())],
            Issue::StartEmpty { variables } => vec![("variables", variables.clone())],
            Issue::UnknownBlock
            | Issue::ChatwootWidget
            | Issue::MultipleChoice
            | Issue::FileReply
            | Issue::DefaultBody
            | Issue::ConditionIncomplete
            | Issue::EmbedEvent
            | Issue::NoStart => vec![],
        }
    }
}

impl Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let args = self.args();
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("code", self.code())?;
        map.serialize_entry(
            "args",
            &args
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        )?;
        map.end()
    }
}

/// One thing not carried over, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    /// The block it is about (none for the export as a whole).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_id: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub block_type: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub group: String,
    /// The node that carries the note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<NodeId>,
    #[serde(flatten)]
    pub issue: Issue,
}

/// A Typebot variable's fluxo name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Renamed {
    pub typebot: String,
    pub fluxo: String,
}

/// How the first scenario's run ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RunSummary {
    pub name: String,
    pub replies: usize,
    pub end_reason: Option<EndReason>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_node: Option<NodeId>,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The bot's name and export version.
    pub typebot_name: String,
    pub version: String,
    pub blocks: Vec<BlockReport>,
    pub items: Vec<Item>,
    pub variables: Vec<Renamed>,
    /// Pairs of nodes whose cards overlap once the blocks are stacked: tidy up recommended.
    pub overlaps: usize,
    pub scenario: Option<RunSummary>,
}

impl Report {
    /// How many blocks ended with `status`.
    pub fn count(&self, status: BlockStatus) -> usize {
        self.blocks
            .iter()
            .filter(|block| block.status == status)
            .count()
    }

    /// Whether the layout should be tidied up.
    pub fn is_tidy_up_recommended(&self) -> bool {
        self.overlaps > 0
    }

    /// The items about the node `id`, in order.
    pub fn items_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items
            .iter()
            .filter(move |item| item.node.as_deref() == Some(id))
    }
}

/// The kind name of a tag, for [`BlockReport::kind`].
pub(super) fn kind_name(tag: KindTag) -> &'static str {
    tag.as_str()
}
