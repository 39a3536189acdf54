//! One Typebot block as a piece of flow: the nodes it becomes, where each of their ports leads
//! (in Typebot's terms, resolved to nodes by [`super::assemble`]), what was not carried over.
//! Bubbles and placeholders live here; inputs, logic and HTTP requests have files of their own.

use serde_json::Value;

use crate::flow::{NodeKind, Route, TemplateMap};

use super::names::Names;
use super::report::{BlockStatus, Issue};
use super::rich_text::bubble_text;
use super::source::{Export, Target, block_type, list_at, number_at, options, str_at, text_at};
use super::{inputs, logic, request};

/// Where a port leads, in Typebot's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Exit<'a> {
    /// What Typebot does after the block: its outgoing edge, else the next block of its group,
    /// else the conversation ends.
    Next,
    /// An edge of the export, by id (an item's, or the block's own).
    Edge(&'a str),
    /// A group (and block) directly: a Jump, a link to the same bot.
    To(Target<'a>),
    /// Another node of the same piece, by index (the node itself: asked again).
    Own(usize),
    /// The port stays unconnected (a run never leaves by it).
    Nowhere,
}

/// What one block becomes.
#[derive(Clone, Debug)]
pub(super) struct Piece<'a> {
    /// The nodes, first the one a run enters by; ids come later.
    pub nodes: Vec<NodeKind>,
    /// `(node index, port, where it leads)`.
    pub exits: Vec<(usize, String, Exit<'a>)>,
    /// No node: a run entering the block goes here (a Jump, a merged bubble).
    pub forward: Option<Exit<'a>>,
    pub status: BlockStatus,
    pub issues: Vec<Issue>,
    /// A reply that fits each Ask: `(node index, reply)`, for the first scenario.
    pub samples: Vec<(usize, String)>,
}

impl<'a> Piece<'a> {
    /// One node, imported as it was.
    pub(super) fn one(kind: NodeKind) -> Piece<'a> {
        Piece {
            nodes: vec![kind],
            exits: Vec::new(),
            forward: None,
            status: BlockStatus::Imported,
            issues: Vec::new(),
            samples: Vec::new(),
        }
    }

    /// No node: a run entering the block goes to `exit`.
    pub(super) fn forward(exit: Exit<'a>, status: BlockStatus) -> Piece<'a> {
        Piece {
            nodes: Vec::new(),
            exits: Vec::new(),
            forward: Some(exit),
            status,
            issues: Vec::new(),
            samples: Vec::new(),
        }
    }

    /// Adds an exit of node `node`.
    pub(super) fn exit(
        mut self,
        node: usize,
        port: impl Into<String>,
        exit: Exit<'a>,
    ) -> Piece<'a> {
        self.exits.push((node, port.into(), exit));
        self
    }

    /// Every fixed port of node 0 leads to `exit`.
    pub(super) fn all_ports(mut self, exit: Exit<'a>) -> Piece<'a> {
        if let Some(kind) = self.nodes.first() {
            for port in kind.fixed_ports() {
                self.exits.push((0, (*port).to_owned(), exit));
            }
        }
        self
    }

    /// Something not carried over: an imported block becomes partial.
    pub(super) fn issue(&mut self, issue: Issue) {
        if self.status == BlockStatus::Imported {
            self.status = BlockStatus::Partial;
        }
        self.issues.push(issue);
    }
}

/// What a block mapping reads besides the block.
pub(super) struct Ctx<'e, 'a> {
    pub export: &'e Export<'a>,
    pub names: &'e mut Names,
    pub block_id: &'a str,
    pub block: &'a Value,
    /// The text of the bubble just before an input, which becomes its question.
    pub prompt: Option<String>,
    /// The group's title, for names the block needs.
    pub group_title: &'a str,
}

impl Ctx<'_, '_> {
    /// A Typebot text with fluxo references; inline code is noted on `piece`.
    pub(super) fn text(&self, text: &str, piece_issues: &mut Vec<Issue>) -> String {
        let converted = self.names.template(text);
        piece_issues.extend(
            converted
                .inline_code
                .into_iter()
                .map(|code| Issue::InlineCode { code }),
        );
        converted.text
    }
}

/// Whether the block is an input that becomes a question (a bubble before it gives its text).
pub(super) fn is_question(block: &Value) -> bool {
    inputs::is_question(block_type(block))
}

/// The plain text of a text bubble.
pub(super) fn text_bubble(block: &Value) -> String {
    bubble_text(block.get("content").unwrap_or(&Value::Null))
}

/// The piece for one block.
pub(super) fn piece<'a>(cx: &mut Ctx<'_, 'a>) -> Piece<'a> {
    let kind = block_type(cx.block);
    if inputs::is_input(kind) {
        return inputs::piece(cx);
    }
    match kind {
        "text" => {
            let mut issues = Vec::new();
            let text = cx.text(&text_bubble(cx.block), &mut issues);
            let mut piece = Piece::one(NodeKind::Message {
                text,
                buttons: vec![],
            })
            .exit(0, "next", Exit::Next);
            for issue in issues {
                piece.issue(issue);
            }
            piece
        }
        "image" | "video" | "audio" | "embed" => media(cx, kind),
        "Condition" => logic::condition(cx),
        "Set variable" => logic::set_variable(cx),
        "Jump" => logic::jump(cx),
        "Typebot link" => logic::typebot_link(cx),
        "AB test" => logic::ab_test(cx),
        "Return" => Piece::one(NodeKind::End {
            message: String::new(),
        }),
        "Webhook" | "HTTP request" => request::piece(cx),
        "Chatwoot" => chatwoot(cx),
        _ => placeholder(cx),
    }
}

/// A media bubble: a Message with the link.
fn media<'a>(cx: &mut Ctx<'_, 'a>, kind: &str) -> Piece<'a> {
    let content = cx.block.get("content").unwrap_or(&Value::Null);
    let mut link = text_at(content, "url")
        .map(str::to_owned)
        .unwrap_or_default();
    if link.is_empty()
        && kind == "video"
        && let Some(id) = text_at(content, "id")
    {
        link = match str_at(content, "type") {
            Some("youtube") => format!("https://www.youtube.com/watch?v={id}"),
            Some("vimeo") => format!("https://vimeo.com/{id}"),
            _ => id.to_owned(),
        };
    }
    let mut issues = Vec::new();
    let mut text = cx.text(&link, &mut issues);
    if kind == "image"
        && let Some(click) = content
            .get("clickLink")
            .and_then(|click| text_at(click, "url"))
    {
        text = format!("{text}\n{}", cx.text(click, &mut issues));
    }
    let mut piece = Piece::one(NodeKind::Message {
        text,
        buttons: vec![],
    })
    .exit(0, "next", Exit::Next);
    for issue in issues {
        piece.issue(issue);
    }
    let waits = content
        .get("waitForEvent")
        .is_some_and(|wait| super::source::flag_at(wait, "isEnabled"));
    if kind == "embed" && waits {
        piece.issue(Issue::EmbedEvent);
    }
    piece
}

/// Chatwoot: "Show widget" is a handoff to a human, for anyone (`Unassigned`); "Close widget" a
/// placeholder.
fn chatwoot<'a>(cx: &mut Ctx<'_, 'a>) -> Piece<'a> {
    let opts = options(cx.block);
    if str_at(opts, "task") == Some("Close widget") {
        return placeholder(cx);
    }
    let mut contact_info = TemplateMap::new();
    if let Some(user) = opts.get("user") {
        for (key, field) in [
            ("id", "id"),
            ("email", "email"),
            ("name", "name"),
            ("phoneNumber", "phone"),
            ("avatarUrl", "avatar_url"),
        ] {
            if let Some(value) = text_at(user, key) {
                contact_info.insert(field.to_owned(), cx.names.text(value));
            }
        }
    }
    let kind = NodeKind::LiveChat {
        department: String::new(),
        route: Route::Unassigned,
        integration_id: 0,
        skill_id: String::new(),
        extra_info: TemplateMap::new(),
        contact_info,
        wait_timeout_s: 0,
        inactivity_timeout_s: 0,
        include_history: true,
        result_variable: String::new(),
        closing_message: String::new(),
    };
    let mut piece = Piece::one(kind).all_ports(Exit::Next);
    piece.issue(Issue::ChatwootWidget);
    piece
}

/// Built-in block types fluxo cannot run.
const BUILT_IN: [&str; 16] = [
    "Code",
    "Redirect",
    "Wait",
    "webhook",
    "Loop",
    "Email",
    "Google Sheets",
    "OpenAI",
    "Google Analytics",
    "Zapier",
    "Make.com",
    "Pabbly",
    "Pixel",
    "payment input",
    "Chatwoot",
    "cards input",
];

/// Typebot's integration blocks ("forged" blocks), by their type id.
const FORGED: [&str; 32] = [
    "openai",
    "mistral",
    "anthropic",
    "claude",
    "elevenlabs",
    "zendesk",
    "zendesk-chat",
    "posthog",
    "qrcode",
    "cal-com",
    "chat-node",
    "chatnode-ai",
    "dify-ai",
    "nocodb",
    "segment",
    "together-ai",
    "open-router",
    "groq",
    "perplexity",
    "deepseek",
    "blink",
    "gmail",
    "zemantic-ai",
    "razorpay",
    "google-analytics",
    "google-places-autocomplete",
    "litellm",
    "hackernews",
    "dataforseo",
    "frase-io",
    "pause",
    "workflow",
];

/// A block fluxo cannot run: a SetVariable that sets, to "", the variables the block would have
/// set (so that what reads them still finds them), and goes on where the block went on.
pub(super) fn placeholder<'a>(cx: &mut Ctx<'_, 'a>) -> Piece<'a> {
    let kind = block_type(cx.block);
    let mut set = TemplateMap::new();
    for id in variables_set_by(options(cx.block)) {
        set.insert(cx.names.of_id(id), String::new());
    }
    let exit = if cx.export.edge_from(cx.block_id, cx.block, None).is_some() {
        Exit::Next
    } else {
        // A block that leaves only by its items (an unknown choice): the first item's way.
        list_at(cx.block, "items")
            .iter()
            .find_map(|item| {
                let item_id = str_at(item, "id")?;
                cx.export.edge_from(cx.block_id, item, Some(item_id))
            })
            .map_or(Exit::Next, Exit::Edge)
    };
    let mut piece = Piece::one(NodeKind::SetVariable { set }).exit(0, "next", exit);
    piece.status = BlockStatus::Placeholder;
    let known = BUILT_IN.contains(&kind) || FORGED.contains(&kind);
    piece.issues.push(if known {
        Issue::Placeholder {
            detail: detail(kind, options(cx.block)),
        }
    } else {
        Issue::UnknownBlock
    });
    piece
}

/// What a block fluxo cannot run was set to do, in a few words of data.
fn detail(kind: &str, opts: &Value) -> String {
    let text = match kind {
        "Redirect" => text_at(opts, "url").map(str::to_owned),
        "Wait" => number_at(opts, "secondsToWaitFor").map(|seconds| format!("{seconds} s")),
        "Email" => text_at(opts, "subject").map(str::to_owned).or_else(|| {
            let to: Vec<&str> = list_at(opts, "recipients")
                .iter()
                .filter_map(Value::as_str)
                .collect();
            (!to.is_empty()).then(|| to.join(", "))
        }),
        "Code" => text_at(opts, "name")
            .or_else(|| text_at(opts, "content"))
            .map(|code| code.lines().next().unwrap_or("").to_owned()),
        "payment input" => text_at(opts, "amount").map(|amount| {
            let currency = text_at(opts, "currency").unwrap_or("");
            format!("{amount} {currency}").trim().to_owned()
        }),
        "Zapier" | "Make.com" | "Pabbly" => opts
            .get("webhook")
            .and_then(|webhook| text_at(webhook, "url"))
            .map(str::to_owned),
        "Pixel" => text_at(opts, "eventType").map(str::to_owned),
        "Loop" => number_at(opts, "iterations").map(|n| format!("{n}")),
        "Chatwoot" => text_at(opts, "task").map(str::to_owned),
        _ => {
            let action = text_at(opts, "action").or_else(|| text_at(opts, "task"));
            let model = text_at(opts, "model");
            match (action, model) {
                (Some(action), Some(model)) => Some(format!("{action}, {model}")),
                (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
                (None, None) => None,
            }
        }
    };
    let one_line: String = text
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match one_line.char_indices().nth(120) {
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
        None => one_line,
    }
}

/// Keys that name a variable a block reads, not one it sets.
const READ_KEYS: [&str; 7] = [
    "dialogueVariableId",
    "baseItemVariableId",
    "baseListVariableId",
    "titlesVariableId",
    "descriptionsVariableId",
    "pictureSrcsVariableId",
    "dynamicVariableId",
];

/// Lists whose items' `variableId` is set by the block.
const SET_LISTS: [&str; 5] = [
    "responseMapping",
    "variablesToExtract",
    "cellsToExtract",
    "responseVariableMapping",
    "mapping",
];

/// The ids of the variables a block's options say it sets: `*VariableId` keys (but those it
/// reads) and the `variableId` of response mappings, in order, without repeats.
pub(super) fn variables_set_by(opts: &Value) -> Vec<&str> {
    fn walk<'v>(value: &'v Value, in_set_list: bool, depth: usize, out: &mut Vec<&'v str>) {
        if depth > 16 {
            return;
        }
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let is_set_key = (key.ends_with("VariableId")
                        && !READ_KEYS.contains(&key.as_str()))
                        || (in_set_list && key == "variableId");
                    if is_set_key
                        && let Some(id) = child.as_str().filter(|id| !id.is_empty())
                        && !out.contains(&id)
                    {
                        out.push(id);
                    }
                    let is_list = SET_LISTS.contains(&key.as_str());
                    walk(child, is_list, depth + 1, out);
                }
            }
            Value::Array(items) => {
                for item in items {
                    walk(item, in_set_list, depth + 1, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(opts, false, 0, &mut out);
    out
}
