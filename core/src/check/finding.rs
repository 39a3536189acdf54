//! What a check hands over: a [`Finding`] is its severity, its [`Code`], its place (a node and a
//! field, or a path from the top of the file) and the typed arguments its message needs. No
//! sentence is written here: the binary words each finding in the user's language
//! (`src/i18n/findings.rs` and `assets/locales/*/findings.ftl`).

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Serialize, Serializer};

use crate::flow::{KindTag, NodeId};

/// Whether a finding blocks publishing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

/// Writes the [`Code`] enum, its list [`Code::ALL`] (in the order findings of one node sort),
/// its strings ([`Code::as_str`], [`std::str::FromStr`]) and its serde form (the same string)
/// from one list: a code is added in one place and cannot be spelt two ways. A macro rather
/// than `strum`'s derives: the strings stay written out where a reader greps for them, serde
/// goes through `as_str` so the two cannot disagree, and the core takes no proc-macro crate.
macro_rules! codes {
    ($($(#[doc = $doc:literal])* $name:ident = $text:literal,)+) => {
        /// The stable code of a finding (SPEC.md section 5, and the extra codes of
        /// docs/decisions.md). Written as its kebab-case string (`maybe-unset-variable`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[doc = $doc])* $name,)+
        }

        impl Code {
            /// Every code, in the order findings of one node are sorted.
            pub const ALL: &'static [Code] = &[$(Code::$name,)+];

            /// The code as `fluxo check` prints it: `maybe-unset-variable`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $text,)+
                }
            }
        }
    };
}

codes! {
    /// The flow has no Entry.
    MissingEntry = "missing-entry",
    /// An Entry after the first.
    DuplicateEntry = "duplicate-entry",
    /// A node whose id an earlier node already has.
    DuplicateId = "duplicate-id",
    /// A node id that is not letters, digits, `_` and `-`.
    InvalidId = "invalid-id",
    /// An edge names a node that does not exist.
    UnknownNode = "unknown-node",
    /// An edge leaves by a port its node's kind lacks.
    UnknownPort = "unknown-port",
    /// A second edge leaves the same port.
    PortReused = "port-reused",
    /// An edge leads into an Entry.
    EntryHasInput = "entry-has-input",
    /// A Condition case port that repeats another case's port, or is named `else`.
    DuplicatePort = "duplicate-port",
    /// A required field is empty.
    EmptyField = "empty-field",
    /// A url that is not an absolute http(s) URL once its templates hold values.
    BadUrl = "bad-url",
    /// A JSON body that does not parse once its templates hold values.
    BadJson = "bad-json",
    /// A regular expression that does not compile.
    BadRegex = "bad-regex",
    /// A name a node sets that no template can read (`minha var`, `contact.channel`).
    BadVariableName = "bad-variable-name",
    /// A department the team does not have.
    UnknownDepartment = "unknown-department",
    /// An agent the team does not have.
    UnknownAgent = "unknown-agent",
    /// A schedule the team does not have.
    UnknownSchedule = "unknown-schedule",
    /// A contact custom field the team does not have.
    UnknownCustomField = "unknown-custom-field",
    /// `AgentFromField` names a custom field that is not of kind Agent.
    WrongFieldKind = "wrong-field-kind",
    /// A read of a variable that nothing can give a value.
    UnknownVariable = "unknown-variable",
    /// Some path from the Entry reaches a read without setting the variable.
    MaybeUnsetVariable = "maybe-unset-variable",
    /// No run reaches the node.
    Unreachable = "unreachable",
    /// An output port with no edge.
    DanglingPort = "dangling-port",
    /// A cycle with no Ask or LiveChat: it can spin forever.
    LoopWithoutWait = "loop-without-wait",
    /// A credential written in the flow instead of `{{secret.NAME}}`.
    InlineSecret = "inline-secret",
    /// A `{{` or `<?` that never makes a reference: it is sent as literal text.
    BrokenTemplate = "broken-template",
    /// A scenario names what the flow or team lacks, or is malformed.
    BadScenario = "bad-scenario",
    /// A scenario mock that no Request of the flow can ever call.
    UnusedMock = "unused-mock",
    /// A schedule with malformed hours, days, holidays or offset.
    BadSchedule = "bad-schedule",
    /// The team contradicts itself (two agents with one id, an agent in a department it lacks).
    BadTeam = "bad-team",
    /// A field the model does not know, reported by the loader (`fluxo check` and the editor).
    UnknownField = "unknown-field",
}

impl std::str::FromStr for Code {
    type Err = String;

    /// The code with this kebab-case string.
    fn from_str(text: &str) -> Result<Code, String> {
        Code::ALL
            .iter()
            .copied()
            .find(|code| code.as_str() == text)
            .ok_or_else(|| format!("`{text}` is not a check code"))
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// One thing wrong with a flow. Data, not an `Err`: a flow can have many.
///
/// `node` is the node it is about; `field` is a path inside that node (`url`,
/// `cases[0].rules[1].value`, `headers.Authorization`, or an output port's name for edge and port
/// findings). A finding with no node is about the flow: then `field`, if any, is a path from the
/// top of the file (`scenarios[2].expect.agent`, `team.schedules[0].open`, `edges[3]`).
///
/// What to say is `code`, `variant` and `args`: the binary's message id is `finding-CODE` when
/// `variant` is empty, else the attribute `finding-CODE.VARIANT`; `args` fill it in.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub code: Code,
    /// The node it is about, if any.
    pub node: Option<NodeId>,
    /// The field it is about (`url`, `cases[0].rules[1].value`, `scenarios[2].expect.agent`).
    pub field: Option<String>,
    /// Which of the code's wordings fits (`""`: the code's own; `"no-host"`, `"url"`...).
    #[serde(skip_serializing_if = "str::is_empty")]
    pub variant: &'static str,
    /// What the wording needs: the node, the port, the missing name, the suggestion...
    pub args: Args,
}

impl Finding {
    /// A finding with the code's own wording and no arguments (tests and previews build their
    /// own findings with this, then add to `variant` and `args`).
    pub fn new(
        severity: Severity,
        code: Code,
        node: Option<NodeId>,
        field: Option<String>,
    ) -> Self {
        Finding {
            severity,
            code,
            node,
            field,
            variant: "",
            args: Args::new(),
        }
    }

    /// Where the finding is, as `fluxo check` prints it: `node.field`, `node`, the field path of
    /// a flow-level finding (`scenarios[0].expect.end_node`), or `flow`.
    pub fn location(&self) -> String {
        match (&self.node, &self.field) {
            (Some(node), Some(field)) => format!("{node}.{field}"),
            (Some(node), None) => node.clone(),
            (None, Some(field)) => field.clone(),
            (None, None) => "flow".to_owned(),
        }
    }

    /// The argument called `name`, if the finding has it.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.get(name)
    }
}

/// The arguments of a finding (or of a [`Reason`]), by name, in the order they were given.
/// Written as a JSON object (`{"port": "ok", "ports": {"shown": [...], "more": 0}}`).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Args(Vec<(&'static str, Arg)>);

impl Args {
    pub fn new() -> Self {
        Args(Vec::new())
    }

    /// Adds an argument (builder style).
    #[must_use]
    pub fn with(mut self, name: &'static str, arg: Arg) -> Self {
        self.0.push((name, arg));
        self
    }

    /// Adds a name, id, port or value as written in the flow.
    #[must_use]
    pub fn text(self, name: &'static str, text: impl Into<String>) -> Self {
        self.with(name, Arg::Text(text.into()))
    }

    /// Adds a number.
    #[must_use]
    pub fn number(self, name: &'static str, number: impl Into<i64>) -> Self {
        self.with(name, Arg::Number(number.into()))
    }

    /// Adds a node kind.
    #[must_use]
    pub fn kind(self, name: &'static str, kind: KindTag) -> Self {
        self.with(name, Arg::Kind(kind))
    }

    /// Adds a near name the user may have meant, if there is one.
    #[must_use]
    pub fn suggestion(self, name: &'static str, suggestion: Option<String>) -> Self {
        self.with(name, Arg::Suggestion(suggestion))
    }

    /// Adds a list of names: each once, at most `limit` of them, then a count of the rest.
    #[must_use]
    pub fn list<'s>(
        self,
        name: &'static str,
        items: impl IntoIterator<Item = &'s str>,
        limit: usize,
    ) -> Self {
        self.with(name, Arg::List(Names::new(items, limit)))
    }

    /// Adds a reason worded by a message of its own (`finding-url-problem.space`).
    #[must_use]
    pub fn reason(self, name: &'static str, reason: Reason) -> Self {
        self.with(name, Arg::Reason(reason))
    }

    /// The argument called `name`.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.0
            .iter()
            .find(|(given, _)| *given == name)
            .map(|(_, arg)| arg)
    }

    /// Every argument, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Arg)> {
        self.0.iter().map(|(name, arg)| (*name, arg))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Args {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, arg) in &self.0 {
            map.serialize_entry(name, arg)?;
        }
        map.end()
    }
}

/// One argument of a finding, typed by what it is, so that the binary can word it: a list is
/// joined with the language's "and", a suggestion becomes "(did you mean ...?)", a kind takes
/// its name in the language, a reason is a sentence of its own.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// A name, id, port, or value as written in the flow: shown as it is.
    Text(String),
    /// A count, a number of minutes, a position.
    Number(i64),
    /// A node kind (`Request`).
    Kind(KindTag),
    /// A near name the user may have meant, or none.
    Suggestion(Option<String>),
    /// Names to list.
    List(Names),
    /// Why something is wrong, worded by its own message.
    Reason(Reason),
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Text(text) => serializer.serialize_str(text),
            Arg::Number(number) => serializer.serialize_i64(*number),
            Arg::Kind(kind) => serializer.serialize_str(kind.as_str()),
            Arg::Suggestion(suggestion) => suggestion.serialize(serializer),
            Arg::List(names) => names.serialize(serializer),
            Arg::Reason(reason) => reason.serialize(serializer),
        }
    }
}

/// A list of names for a message: each once, in the order first given, at most a few of them
/// (`shown`), and how many more there are (`more`). The binary words it (`` `a`, `b` and `c` ``).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Names {
    pub shown: Vec<String>,
    pub more: usize,
}

impl Names {
    /// `items` once each (a Condition may repeat a port), the first `limit` kept.
    pub fn new<'s>(items: impl IntoIterator<Item = &'s str>, limit: usize) -> Self {
        let mut seen = std::collections::HashSet::new();
        let mut names = Names::default();
        for item in items {
            if !seen.insert(item) {
                continue;
            }
            if names.shown.len() < limit {
                names.shown.push(item.to_owned());
            } else {
                names.more += 1;
            }
        }
        names
    }
}

impl Serialize for Names {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.more == 0 {
            let mut seq = serializer.serialize_seq(Some(self.shown.len()))?;
            for name in &self.shown {
                seq.serialize_element(name)?;
            }
            return seq.end();
        }
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("shown", &self.shown)?;
        map.serialize_entry("more", &self.more)?;
        map.end()
    }
}

/// Why something is wrong, as data: the message `finding-GROUP.VARIANT` of the binary, with its
/// own arguments (`url-problem` / `scheme` with `scheme = "ftp"`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reason {
    pub group: &'static str,
    pub variant: &'static str,
    pub args: Args,
}

impl Reason {
    pub fn new(group: &'static str, variant: &'static str, args: Args) -> Self {
        Reason {
            group,
            variant,
            args,
        }
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1 + self.args.0.len()))?;
        map.serialize_entry("reason", self.variant)?;
        for (name, arg) in &self.args.0 {
            map.serialize_entry(name, arg)?;
        }
        map.end()
    }
}
