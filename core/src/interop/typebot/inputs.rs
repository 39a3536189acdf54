//! Typebot inputs as Ask nodes: the matching `expect`, the bubble before the input as the
//! question (else Typebot's own placeholder text), buttons as `Options` listed in the question,
//! and, when buttons lead to different places, a Condition on the answer after the Ask.
//! An invalid reply is asked again, as Typebot does (`invalid` leads back to the Ask).

use std::collections::HashSet;

use serde_json::Value;

use crate::flow::{AskExpect, Case, ELSE_PORT, Mode, NodeKind, Op, Rule};

use super::blocks::{Ctx, Exit, Piece};
use super::names::{Unique, slug};
use super::report::Issue;
use super::source::{block_type, flag_at, list_at, number_at, options, str_at, text_at};

/// Inputs that become an Ask.
const QUESTIONS: [&str; 12] = [
    "text input",
    "number input",
    "email input",
    "url input",
    "phone number input",
    "date input",
    "time input",
    "otp input",
    "rating input",
    "file input",
    "choice input",
    "picture choice input",
];

/// A url with or without its scheme (`https://site.com/x`, `site.com.br`).
pub(super) const URL_PATTERN: &str = r"(?i)(https?://)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]{1,5})?([/?#]\S*)?";
/// A date as Typebot's date picker writes it (`25/12/2026` by default; any order of day, month
/// and year with `/`, `-` or `.`).
pub(super) const DATE_PATTERN: &str = r"[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}";
/// A date and a time (`25/12/2026 14:30`).
pub(super) const DATE_TIME_PATTERN: &str =
    r"[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4},?\s+[0-9]{1,2}:[0-9]{2}(\s?[AaPp][Mm])?";
/// A time (`14:30`, `2:30 PM`).
pub(super) const TIME_PATTERN: &str = r"[0-9]{1,2}:[0-9]{2}(\s?[AaPp][Mm])?";
/// A one-time code.
pub(super) const OTP_PATTERN: &str = "[0-9A-Za-z]{4,10}";

/// Whether Typebot's block type is an input that becomes an Ask.
pub(super) fn is_input(kind: &str) -> bool {
    QUESTIONS.contains(&kind)
}

/// Whether a bubble before this block becomes its question.
pub(super) fn is_question(kind: &str) -> bool {
    is_input(kind)
}

/// What an input asks for: the expect, a reply that fits it, Typebot's default placeholder and
/// retry message.
struct Shape {
    expect: AskExpect,
    sample: String,
    placeholder: &'static str,
    retry: &'static str,
}

fn shape(kind: &str, opts: &Value, variable: &str) -> Shape {
    let plain = |expect, sample: &str, placeholder| Shape {
        expect,
        sample: sample.to_owned(),
        placeholder,
        retry: "",
    };
    match kind {
        "number input" => {
            let sample =
                number_at(opts, "min").map_or_else(|| "10".to_owned(), |min| min.to_string());
            plain(AskExpect::Number, &sample, "Type a number...")
        }
        "email input" => Shape {
            retry: "This email doesn't seem to be valid. Can you type it again?",
            ..plain(AskExpect::Email, "maria@example.com", "Type your email...")
        },
        "url input" => Shape {
            retry: "This URL doesn't seem to be valid. Can you type it again?",
            ..plain(
                AskExpect::Regex(URL_PATTERN.to_owned()),
                "https://example.com",
                "Type a URL...",
            )
        },
        "phone number input" => Shape {
            retry: "This phone number doesn't seem to be valid. Can you type it again?",
            ..plain(
                AskExpect::Phone,
                "+5511999990000",
                "Type your phone number...",
            )
        },
        "date input" if flag_at(opts, "isRange") => {
            plain(AskExpect::Any, "25/12/2026 - 31/12/2026", "Pick a date...")
        }
        "date input" if flag_at(opts, "hasTime") => plain(
            AskExpect::Regex(DATE_TIME_PATTERN.to_owned()),
            "25/12/2026 14:30",
            "Pick a date...",
        ),
        "date input" => plain(
            AskExpect::Regex(DATE_PATTERN.to_owned()),
            "25/12/2026",
            "Pick a date...",
        ),
        "time input" => plain(
            AskExpect::Regex(TIME_PATTERN.to_owned()),
            "14:30",
            "Pick a time...",
        ),
        "otp input" => plain(
            AskExpect::Regex(OTP_PATTERN.to_owned()),
            "123456",
            "Type the code...",
        ),
        "rating input" => rating(opts),
        "file input" => plain(
            AskExpect::Any,
            "https://example.com/arquivo.pdf",
            "Send a file...",
        ),
        _ => plain(AskExpect::Any, sample_text(variable), "Type your answer..."),
    }
}

/// A rating: its numbers as options (Typebot shows 0 to 10 by default); more than 11 numbers
/// are asked as a Number.
fn rating(opts: &Value) -> Shape {
    let starts_at = number_at(opts, "startsAt").unwrap_or(0.0).round();
    let length = number_at(opts, "length").unwrap_or(10.0).round();
    let first = starts_at.clamp(-1.0e6, 1.0e6) as i64;
    let length = length.clamp(0.0, 1.0e6) as i64;
    // Typebot counts 0 to `length` when it starts at 0, 1 to `length` when at 1.
    let last = if first == 0 {
        length
    } else {
        first + length - 1
    };
    let placeholder = "Type your answer...";
    if last >= first && last - first < 11 {
        let options: Vec<String> = (first..=last).map(|n| n.to_string()).collect();
        Shape {
            sample: options.last().cloned().unwrap_or_default(),
            expect: AskExpect::Options(options),
            placeholder,
            retry: "",
        }
    } else {
        Shape {
            expect: AskExpect::Number,
            sample: first.to_string(),
            placeholder,
            retry: "",
        }
    }
}

/// A reply for a free text question, guessed from the variable's name.
fn sample_text(variable: &str) -> &'static str {
    let has = |words: &[&str]| words.iter().any(|word| variable.contains(word));
    if has(&["email", "e_mail"]) {
        "maria@example.com"
    } else if has(&["phone", "telefone", "celular", "whatsapp"]) {
        "+5511999990000"
    } else if has(&["name", "nome"]) {
        "Maria"
    } else if has(&["company", "empresa", "business"]) {
        "Acme"
    } else {
        "ok"
    }
}

/// An input block as an Ask (and a Condition on its answer when its buttons branch).
pub(super) fn piece<'a>(cx: &mut Ctx<'_, 'a>) -> Piece<'a> {
    let kind = block_type(cx.block);
    let opts = options(cx.block);
    let variable = cx.names.at(opts, "variableId").unwrap_or_else(|| {
        let stem = if slug(cx.group_title).is_empty() {
            "resposta"
        } else {
            cx.group_title
        };
        cx.names.fresh(stem)
    });
    let mut issues = Vec::new();
    let mut shape = shape(kind, opts, &variable);
    let is_choice = matches!(kind, "choice input" | "picture choice input");
    let mut branches: Vec<(String, &'a str)> = Vec::new();
    let mut listed = Vec::new();
    if is_choice {
        let choice = choice(cx, &mut issues);
        listed.clone_from(&choice.options);
        if choice.is_open {
            shape.expect = AskExpect::Any;
            shape.sample = choice
                .options
                .first()
                .cloned()
                .unwrap_or_else(|| "1".into());
        } else if !choice.options.is_empty() {
            shape.sample = choice.options.first().cloned().unwrap_or_default();
            shape.expect = AskExpect::Options(choice.options);
            branches = choice.branches;
        }
    }
    if matches!(kind, "file input") {
        issues.push(Issue::FileReply);
    }
    let file_variables = file_variables(cx, kind, &variable, &mut issues);
    let prompt = prompt(cx, &listed, shape.placeholder);
    let retry_message = text_at(opts, "retryMessageContent")
        .map_or_else(|| shape.retry.to_owned(), |retry| cx.names.text(retry));
    let ask = NodeKind::Ask {
        prompt,
        save_as: variable.clone(),
        expect: shape.expect,
        retries: 2,
        retry_message,
        timeout_s: 0,
    };
    let mut piece =
        Piece::one(ask)
            .exit(0, "invalid", Exit::Own(0))
            .exit(0, "timeout", Exit::Nowhere);
    piece.samples.push((0, shape.sample));
    if !file_variables.is_empty() {
        let set = file_variables
            .into_iter()
            .map(|name| (name, String::new()))
            .collect();
        piece.nodes.push(NodeKind::SetVariable { set });
        piece = piece
            .exit(0, "answered", Exit::Own(1))
            .exit(1, "next", Exit::Next);
    } else if branches.is_empty() {
        piece = piece.exit(0, "answered", Exit::Next);
    } else {
        piece = branch(piece, &variable, branches);
    }
    for issue in issues {
        piece.issue(issue);
    }
    piece
}

/// The question: the bubble before the input, then the buttons as a numbered list; else the
/// input's placeholder label, else Typebot's default one.
fn prompt(cx: &Ctx<'_, '_>, listed: &[String], placeholder: &str) -> String {
    let mut prompt = cx.prompt.clone().unwrap_or_default();
    if !listed.is_empty() {
        let menu: Vec<String> = listed
            .iter()
            .enumerate()
            .map(|(i, option)| format!("{}) {option}", i + 1))
            .collect();
        if !prompt.is_empty() {
            prompt.push('\n');
        }
        prompt.push_str(&menu.join("\n"));
    }
    if prompt.trim().is_empty() {
        let labels = options(cx.block).get("labels").unwrap_or(&Value::Null);
        prompt = text_at(labels, "placeholder")
            .map_or_else(|| placeholder.to_owned(), |label| cx.names.text(label));
    }
    prompt
}

/// A voice clip or attachment is saved in a variable of its own: those variables, set to empty
/// after the answer so that what reads them finds them.
fn file_variables(
    cx: &mut Ctx<'_, '_>,
    kind: &str,
    variable: &str,
    issues: &mut Vec<Issue>,
) -> Vec<String> {
    let mut names = Vec::new();
    if kind != "text input" {
        return names;
    }
    let opts = options(cx.block);
    for key in ["audioClip", "attachments"] {
        let Some(files) = opts.get(key).filter(|files| flag_at(files, "isEnabled")) else {
            continue;
        };
        if !issues.contains(&Issue::FileReply) {
            issues.push(Issue::FileReply);
        }
        if let Some(name) = cx.names.at(files, "saveVariableId")
            && name != variable
        {
            names.push(name);
        }
    }
    names
}

/// After the Ask, a Condition on its answer: a case per button with an edge of its own, `else`
/// where the block goes on.
fn branch<'a>(mut piece: Piece<'a>, variable: &str, branches: Vec<(String, &'a str)>) -> Piece<'a> {
    let mut ports = Unique::default();
    ports.reserve(ELSE_PORT);
    let mut cases = Vec::new();
    let mut exits = Vec::new();
    for (n, (option, edge)) in branches.into_iter().enumerate() {
        let port = unique_port(&option, n + 1, &mut ports);
        cases.push(Case {
            port: port.clone(),
            mode: Mode::All,
            rules: vec![Rule {
                var: variable.to_owned(),
                op: Op::Equals,
                value: option,
            }],
        });
        exits.push((port, edge));
    }
    piece.nodes.push(NodeKind::Condition { cases });
    piece = piece.exit(0, "answered", Exit::Own(1));
    for (port, edge) in exits {
        piece = piece.exit(1, port, Exit::Edge(edge));
    }
    piece.exit(1, ELSE_PORT, Exit::Next)
}

/// A port name for an option: its slug, unique in the node, never `else`.
fn unique_port(option: &str, n: usize, taken: &mut Unique) -> String {
    let mut base = slug(option);
    if base.is_empty() {
        base = format!("opcao_{n}");
    }
    if base == ELSE_PORT {
        base = format!("{base}_{n}");
    }
    taken.take(&base)
}

/// The buttons of a choice input.
struct Choice<'a> {
    options: Vec<String>,
    /// `(option, edge id)` for the buttons with an edge of their own.
    branches: Vec<(String, &'a str)>,
    /// Any reply is accepted (multiple choice, or buttons from a variable).
    is_open: bool,
}

fn choice<'a>(cx: &mut Ctx<'_, 'a>, issues: &mut Vec<Issue>) -> Choice<'a> {
    let opts = options(cx.block);
    let is_picture = block_type(cx.block) == "picture choice input";
    let mut options = Vec::new();
    let mut branches = Vec::new();
    let mut seen = HashSet::new();
    let mut conditional = Vec::new();
    for (n, item) in list_at(cx.block, "items").iter().enumerate() {
        let label = if is_picture {
            text_at(item, "title")
                .or_else(|| text_at(item, "description"))
                .map_or_else(|| (n + 1).to_string(), str::to_owned)
        } else {
            match text_at(item, "content") {
                Some(content) => content.to_owned(),
                None => continue,
            }
        };
        let label = cx.text(&label, issues);
        if item
            .get("displayCondition")
            .is_some_and(|shown| flag_at(shown, "isEnabled"))
        {
            conditional.push(format!("“{label}”"));
        }
        if !seen.insert(label.to_lowercase()) {
            continue;
        }
        if let Some(item_id) = str_at(item, "id")
            && let Some(edge) = cx.export.edge_from(cx.block_id, item, Some(item_id))
        {
            branches.push((label.clone(), edge));
        }
        options.push(label);
    }
    if !conditional.is_empty() {
        issues.push(Issue::ItemCondition {
            items: conditional.join(", "),
        });
    }
    let dynamic = if is_picture {
        opts.get("dynamicItems")
            .filter(|items| flag_at(items, "isEnabled"))
            .and_then(|items| str_at(items, "titlesVariableId"))
    } else {
        str_at(opts, "dynamicVariableId")
    }
    .filter(|id| !id.is_empty());
    if let Some(id) = dynamic {
        issues.push(Issue::DynamicChoice {
            variable: cx.names.of_id(id),
        });
        return Choice {
            options: Vec::new(),
            branches: Vec::new(),
            is_open: true,
        };
    }
    if flag_at(opts, "isMultipleChoice") {
        issues.push(Issue::MultipleChoice);
        return Choice {
            options,
            branches: Vec::new(),
            is_open: true,
        };
    }
    Choice {
        options,
        branches,
        is_open: false,
    }
}
