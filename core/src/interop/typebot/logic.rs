//! Typebot's logic blocks: Condition, Set variable, Jump, Typebot link and A/B test.
//!
//! Conditions: each item is a case (its comparisons joined by AND or OR, as the item says), in
//! order, and `else` is where the block goes on. Typebot's operators map to fluxo's one to one
//! but "Does not contain" and "Does not match regex", which fluxo has no operator for: an item
//! made only of such comparisons is written as its opposite (Contains, Matches; AND and OR
//! swapped) in a case that leads to a second Condition with the items after it, and the first
//! Condition's `else` leads where the item led. A comparison with no variable or operator never
//! holds in Typebot: an AND item with one never holds and is left out, an OR item drops it.

use serde_json::Value;

use crate::flow::{Case, ELSE_PORT, Mode, NodeKind, Op, Rule, TemplateMap};

use super::blocks::{Ctx, Exit, Piece};
use super::names::{Unique, slug};
use super::report::{BlockStatus, Issue};
use super::source::{Target, flag_at, list_at, number_at, options, str_at};

/// A Typebot comparison operator as fluxo's: `(what holds, what holds when it does not)`.
fn operator(name: &str) -> Option<(Option<Op>, Option<Op>)> {
    Some(match name {
        "Equal to" => (Some(Op::Equals), Some(Op::NotEquals)),
        "Not equal" => (Some(Op::NotEquals), Some(Op::Equals)),
        "Contains" => (Some(Op::Contains), None),
        "Does not contain" => (None, Some(Op::Contains)),
        "Greater than" => (Some(Op::Greater), Some(Op::LessOrEqual)),
        "Less than" => (Some(Op::Less), Some(Op::GreaterOrEqual)),
        "Greater or equal to" => (Some(Op::GreaterOrEqual), Some(Op::Less)),
        "Less or equal to" => (Some(Op::LessOrEqual), Some(Op::Greater)),
        "Is set" => (Some(Op::IsNotEmpty), Some(Op::IsEmpty)),
        "Is empty" => (Some(Op::IsEmpty), Some(Op::IsNotEmpty)),
        "Starts with" => (Some(Op::StartsWith), None),
        "Ends with" => (Some(Op::EndsWith), None),
        "Matches regex" => (Some(Op::Matches), None),
        "Does not match regex" => (None, Some(Op::Matches)),
        _ => return None,
    })
}

/// A Typebot regex (`/pattern/flags` or a bare pattern) as a Rust one: `i`, `m` and `s` become
/// inline flags, `g`, `u` and `y` mean nothing for a test.
fn regex(value: &str) -> String {
    let Some(body) = value.strip_prefix('/') else {
        return value.to_owned();
    };
    let Some(end) = body.rfind('/') else {
        return value.to_owned();
    };
    let (pattern, flags) = (&body[..end], &body[end + 1..]);
    if pattern.is_empty() || !flags.chars().all(|c| "gimsuy".contains(c)) {
        return value.to_owned();
    }
    let inline: String = flags.chars().filter(|c| "ims".contains(*c)).collect();
    if inline.is_empty() {
        pattern.to_owned()
    } else {
        format!("(?{inline}){pattern}")
    }
}

/// One item of a Condition, ready to be a case.
struct Spec<'a> {
    port: String,
    mode: Mode,
    rules: Vec<Rule>,
    /// The case holds when its rules do not (written as their opposite).
    is_negated: bool,
    exit: Exit<'a>,
}

pub(super) fn condition<'a>(cx: &mut Ctx<'_, 'a>) -> Piece<'a> {
    let mut issues = Vec::new();
    let mut specs = Vec::new();
    let mut ports = Unique::default();
    ports.reserve(ELSE_PORT);
    for (n, item) in list_at(cx.block, "items").iter().enumerate() {
        let exit = str_at(item, "id")
            .and_then(|item_id| cx.export.edge_from(cx.block_id, item, Some(item_id)))
            .map_or(Exit::Next, Exit::Edge);
        if let Some(spec) = spec(cx, item, n + 1, exit, &mut ports, &mut issues) {
            specs.push(spec);
        }
    }
    let mut piece = if specs.is_empty() {
        Piece::forward(Exit::Next, BlockStatus::Imported)
    } else {
        chain(specs)
    };
    for issue in issues {
        piece.issue(issue);
    }
    piece
}

/// The case for one item, or None when it can never hold.
fn spec<'a>(
    cx: &mut Ctx<'_, 'a>,
    item: &Value,
    n: usize,
    exit: Exit<'a>,
    ports: &mut Unique,
    issues: &mut Vec<Issue>,
) -> Option<Spec<'a>> {
    let content = item.get("content").unwrap_or(&Value::Null);
    let mode = match str_at(content, "logicalOperator") {
        Some("OR") => Mode::Any,
        _ => Mode::All,
    };
    // (variable, operator name, value, what holds, its opposite)
    let mut comparisons = Vec::new();
    for comparison in list_at(content, "comparisons") {
        let variable = str_at(comparison, "variableId").filter(|id| !id.is_empty());
        let name = str_at(comparison, "comparisonOperator").unwrap_or("");
        let (Some(variable), Some((holds, opposite))) = (variable, operator(name)) else {
            if variable.is_none() || name.is_empty() {
                issues.push(Issue::ConditionIncomplete);
            } else {
                issues.push(Issue::ConditionRule {
                    operator: name.to_owned(),
                });
            }
            if mode == Mode::All {
                return None;
            }
            continue;
        };
        let raw = str_at(comparison, "value").unwrap_or("");
        let mut value = cx.text(raw, issues);
        if name.contains("regex") {
            value = regex(&value);
        }
        if matches!(name, "Is set" | "Is empty") {
            value.clear();
        }
        comparisons.push((cx.names.of_id(variable), name, value, holds, opposite));
    }
    if comparisons.is_empty() {
        return None;
    }
    let is_negated =
        comparisons.iter().any(|c| c.3.is_none()) && comparisons.iter().all(|c| c.4.is_some());
    let mut rules = Vec::new();
    for (var, name, value, holds, opposite) in comparisons {
        let op = if is_negated { opposite } else { holds };
        match op {
            Some(op) => rules.push(Rule { var, op, value }),
            None => issues.push(Issue::ConditionRule {
                operator: name.to_owned(),
            }),
        }
    }
    if rules.is_empty() {
        return None;
    }
    let mode = match (mode, is_negated) {
        (Mode::All, true) => Mode::Any,
        (Mode::Any, true) => Mode::All,
        (mode, false) => mode,
    };
    let stem = match rules.as_slice() {
        [rule]
            if !is_negated
                && matches!(rule.op, Op::Equals | Op::Contains)
                && !rule.value.contains("{{") =>
        {
            slug(&rule.value)
        }
        _ => String::new(),
    };
    let stem = if stem.is_empty() || stem == ELSE_PORT {
        format!("caso_{n}")
    } else {
        stem
    };
    let port = ports.take(&stem);
    Some(Spec {
        port,
        mode,
        rules,
        is_negated,
        exit,
    })
}

/// The cases as one Condition, or a chain of them where a case is negated.
fn chain(specs: Vec<Spec<'_>>) -> Piece<'_> {
    let mut piece = Piece::forward(Exit::Next, BlockStatus::Imported);
    piece.forward = None;
    let mut cases = Vec::new();
    let mut exits = Vec::new();
    for spec in specs {
        if spec.is_negated {
            let node = piece.nodes.len();
            let guard = format!("nao_{}", spec.port);
            cases.push(Case {
                port: guard.clone(),
                mode: spec.mode,
                rules: spec.rules,
            });
            exits.push((guard, Exit::Own(node + 1)));
            exits.push((ELSE_PORT.to_owned(), spec.exit));
            piece.nodes.push(NodeKind::Condition {
                cases: std::mem::take(&mut cases),
            });
            for (port, exit) in exits.drain(..) {
                piece = piece.exit(node, port, exit);
            }
        } else {
            cases.push(Case {
                port: spec.port.clone(),
                mode: spec.mode,
                rules: spec.rules,
            });
            exits.push((spec.port, spec.exit));
        }
    }
    let node = piece.nodes.len();
    piece.nodes.push(NodeKind::Condition { cases });
    for (port, exit) in exits {
        piece = piece.exit(node, port, exit);
    }
    piece.exit(node, ELSE_PORT, Exit::Next)
}

/// What a JavaScript-looking expression is: a literal fluxo can set as it is, or computed.
fn is_computed(expression: &str) -> bool {
    let code_marks = [
        "return ", "=>", ";", "function", "Math.", "new Date", "JSON.", "?.",
    ];
    if code_marks.iter().any(|mark| expression.contains(mark)) {
        return true;
    }
    // References stand for one operand each: `{{Score}} + 5` is arithmetic.
    let mut operands = String::new();
    let mut rest = expression;
    while let Some(open) = rest.find("{{") {
        operands.push_str(&rest[..open]);
        let Some(close) = rest[open..].find("}}") else {
            rest = &rest[open..];
            break;
        };
        operands.push('1');
        rest = &rest[open + close + 2..];
    }
    operands.push_str(rest);
    let compact: String = operands.chars().filter(|c| !c.is_whitespace()).collect();
    let is_arithmetic = !compact.is_empty()
        && compact
            .chars()
            .all(|c| c.is_ascii_digit() || "+-*/%().".contains(c))
        && compact
            .char_indices()
            .skip(1)
            .any(|(_, c)| "+-*/%".contains(c));
    // A call: `{{Name}}.toUpperCase()`, `parseInt(x)`.
    let is_call = operands
        .as_bytes()
        .windows(2)
        .any(|pair| pair[0].is_ascii_alphabetic() && pair[1] == b'(');
    is_arithmetic || is_call
}

/// A whole-string JavaScript literal (`"text"`, `'text'`) as its text.
fn string_literal(expression: &str) -> Option<&str> {
    let trimmed = expression.trim();
    ['"', '\'', '`'].iter().find_map(|quote| {
        let inner = trimmed.strip_prefix(*quote)?.strip_suffix(*quote)?;
        (!inner.contains(*quote)).then_some(inner)
    })
}

pub(super) fn set_variable<'a>(cx: &mut Ctx<'_, 'a>) -> Piece<'a> {
    let opts = options(cx.block);
    let value_type = str_at(opts, "type").unwrap_or("Custom");
    let mut issues = Vec::new();
    let mut set = TemplateMap::new();
    let variable = cx.names.at(opts, "variableId");
    let computed = |variable: &str, value: &str| Issue::ComputedValue {
        variable: variable.to_owned(),
        value_type: value_type.to_owned(),
        value: value.to_owned(),
    };
    match (value_type, variable) {
        ("Pop" | "Shift", variable) => {
            let list = variable.unwrap_or_default();
            if let Some(item) = cx.names.at(opts, "saveItemInVariableId") {
                set.insert(item, String::new());
            }
            issues.push(Issue::ListOperation {
                variable: list,
                operation: value_type.to_owned(),
            });
        }
        (_, None) => {}
        ("Custom", Some(variable)) => {
            let expression = str_at(opts, "expressionToEvaluate").unwrap_or("");
            let converted = cx.text(expression, &mut issues);
            let value = if flag_at(opts, "isCode") {
                issues.push(Issue::Code {
                    variable: variable.clone(),
                });
                String::new()
            } else if let Some(literal) = string_literal(&converted) {
                literal.to_owned()
            } else {
                if is_computed(expression) {
                    issues.push(Issue::Expression {
                        variable: variable.clone(),
                        expression: converted.trim().to_owned(),
                    });
                }
                converted.trim().to_owned()
            };
            set.insert(variable, value);
        }
        ("Empty", Some(variable)) => {
            set.insert(variable, String::new());
        }
        ("Append value(s)", Some(variable)) => {
            let item = cx.text(str_at(opts, "item").unwrap_or(""), &mut issues);
            issues.push(Issue::ListOperation {
                variable: variable.clone(),
                operation: value_type.to_owned(),
            });
            set.insert(variable.clone(), format!("{{{{{variable}}}}}, {item}"));
        }
        ("Map item with same index", Some(variable)) => {
            issues.push(Issue::ListOperation {
                variable: variable.clone(),
                operation: value_type.to_owned(),
            });
            set.insert(variable, String::new());
        }
        ("Phone number", Some(variable)) => {
            set.insert(variable, "{{contact.phone}}".to_owned());
        }
        ("Contact name", Some(variable)) => {
            set.insert(variable, "{{contact.name}}".to_owned());
        }
        (other, Some(variable)) => {
            let value = match other {
                "Today" => "{{now.date}}",
                "Now" => "{{now.date}} {{now.time}}",
                "Environment name" => "{{contact.channel}}",
                "User ID" => "{{contact.phone}}",
                "Result ID" => "{{chat.id}}",
                "Random ID" => "{{chat.protocol}}",
                _ => "",
            };
            issues.push(computed(&variable, value));
            set.insert(variable, value.to_owned());
        }
    }
    let mut piece = if set.is_empty() {
        Piece::forward(Exit::Next, BlockStatus::Imported)
    } else {
        Piece::one(NodeKind::SetVariable { set }).exit(0, "next", Exit::Next)
    };
    for issue in issues {
        piece.issue(issue);
    }
    piece
}

/// A Jump: an edge to the group (and block).
pub(super) fn jump<'a>(cx: &mut Ctx<'_, 'a>) -> Piece<'a> {
    let opts = options(cx.block);
    match str_at(opts, "groupId").filter(|id| !id.is_empty()) {
        Some(group) => Piece::forward(
            Exit::To(Target {
                group,
                block: str_at(opts, "blockId").filter(|id| !id.is_empty()),
            }),
            BlockStatus::Edge,
        ),
        None => Piece::forward(Exit::Next, BlockStatus::Edge),
    }
}

/// A link to a group of the same bot is an edge; a link to another bot calls it.
pub(super) fn typebot_link<'a>(cx: &mut Ctx<'_, 'a>) -> Piece<'a> {
    let opts = options(cx.block);
    let typebot_id = str_at(opts, "typebotId").unwrap_or("");
    let group = str_at(opts, "groupId").filter(|id| !id.is_empty());
    if typebot_id == "current" || (!typebot_id.is_empty() && typebot_id == cx.export.id) {
        let exit = match group {
            Some(group) => Exit::To(Target { group, block: None }),
            None => cx.export.start_edge().map_or(Exit::Next, Exit::Edge),
        };
        return Piece::forward(exit, BlockStatus::Edge);
    }
    // Typebot goes on when the link names no bot.
    let stem: String = typebot_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
        .collect();
    if stem.is_empty() {
        return Piece::forward(Exit::Next, BlockStatus::Edge);
    }
    // The export names the bot by its id only: the called flow is the file named after it, in
    // the calling flow's folder, where `fluxo import typebot` can put that bot.
    let file = format!("{stem}.flow.ron");
    let mut piece =
        Piece::one(NodeKind::SubFlow { flow: file.clone() }).exit(0, "done", Exit::Next);
    piece.issue(Issue::LinkedBot {
        typebot_id: typebot_id.to_owned(),
        group_id: group.unwrap_or("").to_owned(),
        file,
    });
    piece
}

/// An A/B test: a Condition on the last two digits of the chat's id, so that each scenario
/// (whose chat id is fixed) takes one path and another seed may take the other.
pub(super) fn ab_test<'a>(cx: &mut Ctx<'_, 'a>) -> Piece<'a> {
    let percent = number_at(options(cx.block), "aPercent")
        .unwrap_or(50.0)
        .round()
        .clamp(0.0, 100.0) as u32;
    let items = list_at(cx.block, "items");
    let exit_of = |path: &str| {
        items
            .iter()
            .find(|item| str_at(item, "path") == Some(path))
            .and_then(|item| {
                let item_id = str_at(item, "id")?;
                cx.export.edge_from(cx.block_id, item, Some(item_id))
            })
            .map_or(Exit::Next, Exit::Edge)
    };
    let (a, b) = (exit_of("a"), exit_of("b"));
    let pattern = if percent == 0 {
        "^$".to_owned()
    } else {
        let endings: Vec<String> = (0..percent).map(|n| format!("{n:02}")).collect();
        format!("({})$", endings.join("|"))
    };
    let kind = NodeKind::Condition {
        cases: vec![Case {
            port: "a".into(),
            mode: Mode::All,
            rules: vec![Rule {
                var: "chat.id".into(),
                op: Op::Matches,
                value: pattern,
            }],
        }],
    };
    let mut piece = Piece::one(kind).exit(0, "a", a).exit(0, ELSE_PORT, b);
    piece.issue(Issue::AbTest {
        percent: percent.to_string(),
    });
    piece
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regexes_lose_their_slashes_and_keep_their_flags() {
        assert_eq!(regex("/^ab+c$/i"), "(?i)^ab+c$");
        assert_eq!(regex("/a/g"), "a");
        assert_eq!(regex("^a$"), "^a$");
        assert_eq!(regex("/a/b/"), "a/b");
        assert_eq!(regex("/a/xyz"), "/a/xyz");
    }

    #[test]
    fn expressions_that_compute_are_told_from_literals() {
        for computed in [
            "{{Score}} + 5",
            "1 + 1",
            "{{Price}} * (1 - 0.1)",
            "Math.round({{x}})",
            "{{Name}}.toUpperCase()",
            "return 3",
            "new Date().toISOString()",
        ] {
            assert!(is_computed(computed), "{computed}");
        }
        for literal in [
            "0",
            "he",
            "Promoter",
            "https://image.tmdb.org/t/p/w185{{Poster path}}",
            "{{Name}}",
            "-3",
            "São Paulo - SP",
        ] {
            assert!(!is_computed(literal), "{literal}");
        }
        assert_eq!(string_literal(r#" "hello" "#), Some("hello"));
        assert_eq!(string_literal("'a' + 'b'"), None);
    }
}
