//! The one line a card shows under its id, and the rule a Condition case stands for beside its
//! port: enough to read a flow without opening the inspector.

use fluxo_core::flow::{Case, Mode, NodeKind, Op, Route, Rule};

use crate::i18n::Lang;
use crate::tr;

/// A card's summary line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub text: String,
    /// Nothing filled in yet: drawn fainter.
    pub is_placeholder: bool,
}

impl Summary {
    fn of(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            is_placeholder: false,
        }
    }

    fn placeholder(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            is_placeholder: true,
        }
    }

    fn or_placeholder(text: &str, placeholder: &str) -> Self {
        let line = first_line(text);
        if line.is_empty() {
            Self::placeholder(placeholder)
        } else {
            Self::of(line)
        }
    }
}

fn first_line(text: &str) -> &str {
    text.trim().lines().next().unwrap_or("").trim()
}

/// The summary of a node; the few words it adds are in `lang`.
pub fn summary(kind: &NodeKind, lang: Lang) -> Summary {
    match kind {
        NodeKind::Entry { channels } => {
            if channels.is_empty() {
                Summary::of(lang.tr("canvas-all-channels"))
            } else {
                let names: Vec<&str> = channels.iter().map(|c| c.as_str()).collect();
                Summary::of(names.join(", "))
            }
        }
        NodeKind::Message { text, .. } => {
            Summary::or_placeholder(text, lang.tr("canvas-no-text-yet"))
        }
        NodeKind::Ask { prompt, .. } => {
            Summary::or_placeholder(prompt, lang.tr("canvas-no-question-yet"))
        }
        NodeKind::Request { method, url, .. } => {
            // The api base is the same in every request of a flow: show what differs.
            let url = url.trim();
            let shown = url
                .strip_prefix("{{team.api_base}}")
                .or_else(|| url.strip_prefix("{{ team.api_base }}"))
                .unwrap_or(url);
            if url.is_empty() {
                Summary::placeholder(&tr!(lang, "canvas-no-url-yet", method = method.as_str()))
            } else {
                Summary::of(format!("{} {shown}", method.as_str()))
            }
        }
        NodeKind::Condition { cases } => {
            // The rules stand beside their ports; the line says what is tested.
            let mut vars: Vec<&str> = Vec::new();
            for rule in cases.iter().flat_map(|case| &case.rules) {
                let var = rule.var.trim();
                if !var.is_empty() && !vars.contains(&var) {
                    vars.push(var);
                }
            }
            if cases.is_empty() {
                Summary::placeholder(lang.tr("canvas-no-cases-yet"))
            } else if vars.is_empty() {
                Summary::placeholder(lang.tr("canvas-no-rules-yet"))
            } else {
                Summary::of(tr!(lang, "canvas-checks", vars = vars.join(", ")))
            }
        }
        NodeKind::SetVariable { set } => {
            let names: Vec<&str> = set.keys().map(String::as_str).collect();
            if names.is_empty() {
                Summary::placeholder(lang.tr("canvas-nothing-set-yet"))
            } else {
                Summary::of(names.join(", "))
            }
        }
        NodeKind::BusinessHours { schedule } => {
            Summary::or_placeholder(schedule, lang.tr("canvas-no-schedule-chosen"))
        }
        NodeKind::Queue { queue, .. } => {
            Summary::or_placeholder(queue, lang.tr("canvas-no-queue-chosen"))
        }
        NodeKind::LiveChat {
            department, route, ..
        } => {
            let route = route_text(route, lang);
            if department.trim().is_empty() {
                Summary::placeholder(&tr!(lang, "canvas-no-department", route = route))
            } else {
                Summary::of(format!("{} · {route}", department.trim()))
            }
        }
        NodeKind::End { message } => Summary::or_placeholder(message, lang.tr("canvas-ends-here")),
        NodeKind::SubFlow { flow } => {
            Summary::or_placeholder(flow, lang.tr("canvas-no-flow-chosen"))
        }
    }
}

fn route_text(route: &Route, lang: Lang) -> String {
    match route {
        Route::Department => lang.tr("canvas-any-agent").to_owned(),
        Route::Unassigned => lang.tr("canvas-anyone").to_owned(),
        Route::Agent(id) => tr!(lang, "canvas-agent", id = id.as_str()),
        Route::AgentFromField(key) => tr!(lang, "canvas-agent-in-field", key = key.as_str()),
        Route::Random => lang.tr("canvas-random-agent").to_owned(),
        Route::LastAgent => lang.tr("canvas-last-agent").to_owned(),
        Route::Sequential => lang.tr("canvas-in-sequence").to_owned(),
    }
}

/// A rule as a card and a taken branch show it: `status_gerente = online`, `cpf está vazio`.
pub(crate) fn rule_text(rule: &Rule, lang: Lang) -> String {
    let op = op_text(rule.op, lang);
    if rule.op.has_value() {
        format!("{} {op} {}", rule.var.trim(), rule.value.trim())
    } else {
        format!("{} {op}", rule.var.trim())
    }
}

/// An operator in a rule's short form: a comparison is its symbol (`=`, `≠`, `≥`); the others
/// are words in `lang`.
pub(crate) fn op_text(op: Op, lang: Lang) -> &'static str {
    match op {
        Op::Equals
        | Op::NotEquals
        | Op::Greater
        | Op::GreaterOrEqual
        | Op::Less
        | Op::LessOrEqual => op.symbol(),
        Op::Contains => lang.tr("canvas-op-contains"),
        Op::StartsWith => lang.tr("canvas-op-starts-with"),
        Op::EndsWith => lang.tr("canvas-op-ends-with"),
        Op::IsEmpty => lang.tr("canvas-op-is-empty"),
        Op::IsNotEmpty => lang.tr("canvas-op-is-not-empty"),
        Op::Matches => lang.tr("canvas-op-matches"),
        Op::In => lang.tr("canvas-op-in"),
    }
}

/// A case's rules joined by "and"/"or".
pub fn case_text(case: &Case, lang: Lang) -> String {
    let joiner = match case.mode {
        Mode::All => lang.tr("canvas-and"),
        Mode::Any => lang.tr("canvas-or"),
    };
    let parts: Vec<String> = case
        .rules
        .iter()
        .map(|rule| rule_text(rule, lang))
        .collect();
    parts.join(&format!(" {joiner} "))
}

/// For each output port, the text shown to its left (a Condition's rules), if any.
pub fn port_hints(kind: &NodeKind, lang: Lang) -> Vec<String> {
    match kind {
        NodeKind::Condition { cases } => cases
            .iter()
            .map(|case| case_text(case, lang))
            .chain(std::iter::once(String::new()))
            .collect(),
        other => vec![String::new(); other.fixed_ports().len()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluxo_core::flow::{KindTag, Method, Op, TemplateMap};

    const EN: Lang = Lang::En;

    #[test]
    fn request_shows_method_and_path() {
        let kind = NodeKind::Request {
            method: Method::Post,
            url: "{{team.api_base}}/chats/{{chat.id}}/transfer".into(),
            headers: TemplateMap::new(),
            body: String::new(),
            timeout_ms: 5000,
            save: TemplateMap::new(),
        };
        assert_eq!(summary(&kind, EN).text, "POST /chats/{{chat.id}}/transfer");
        assert!(summary(&KindTag::Request.default_kind(), EN).is_placeholder);
    }

    #[test]
    fn condition_shows_its_cases() {
        let kind = NodeKind::Condition {
            cases: vec![Case {
                port: "sim".into(),
                mode: Mode::Any,
                rules: vec![
                    Rule {
                        var: "status".into(),
                        op: Op::Equals,
                        value: "online".into(),
                    },
                    Rule {
                        var: "vip".into(),
                        op: Op::IsNotEmpty,
                        value: String::new(),
                    },
                ],
            }],
        };
        assert_eq!(summary(&kind, EN).text, "checks status, vip");
        let hints = port_hints(&kind, EN);
        assert_eq!(hints[0], "status = online or vip is not empty");
        let hints = port_hints(&kind, Lang::PtBr);
        assert_eq!(hints[0], "status = online ou vip não está vazio");
        assert_eq!(hints.len(), kind.ports().len());
        assert_eq!(hints[1], "");
    }

    #[test]
    fn every_kind_has_a_line() {
        for tag in KindTag::ALL {
            let kind = tag.default_kind();
            assert!(!summary(&kind, EN).text.is_empty(), "{tag:?}");
            assert_eq!(port_hints(&kind, EN).len(), kind.ports().len());
        }
    }
}
