//! The names a template or a Condition rule can read at a node: what the inspector offers while
//! typing and marks when unknown (SPEC.md section 3).
//!
//! In scope at a node are the platform's names (`contact.*`, `chat.*`, `team.api_base`,
//! `now.*`), `contact.custom.KEY` for the team's custom fields, `secret.NAME` for the secrets the
//! flow names (in any Request header or a scenario's `secrets`), and every variable set
//! upstream: by a node that can reach this one, on a port that leads here (an Ask's `save_as`
//! only by `answered`, a Request's `save` only by `ok`; `http.*` by both). A node on a cycle
//! through itself sees its own variables. Downstream nodes and nodes on other branches add
//! nothing. The list says where each name comes from, for the suggestion popup.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::{Flow, KindTag, NodeId};
use crate::template;

/// Where a name in scope comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A field of the contact (`contact.name`, ...).
    Contact,
    /// A custom field of the team's contacts; `label` as the team writes it.
    CustomField { label: String },
    /// The chat (`chat.id`, `chat.protocol`).
    Chat,
    /// The team (`team.api_base`).
    Team,
    /// The simulated clock (`now.*`).
    Clock,
    /// A secret the flow names; its value comes from the environment or the scenario.
    Secret,
    /// A variable set by an upstream node (the first such node in the flow's order).
    SetBy { node: NodeId, kind: KindTag },
}

/// One name that can be read at a node, and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopedName {
    pub name: String,
    pub origin: Origin,
}

/// The platform names every node can read, in the order the inspector offers them.
pub const BUILT_IN_NAMES: &[(&str, BuiltIn)] = &[
    ("contact.name", BuiltIn::Contact),
    ("contact.phone", BuiltIn::Contact),
    ("contact.email", BuiltIn::Contact),
    ("contact.channel", BuiltIn::Contact),
    ("contact.last_agent", BuiltIn::Contact),
    ("chat.id", BuiltIn::Chat),
    ("chat.protocol", BuiltIn::Chat),
    ("team.api_base", BuiltIn::Team),
    ("now.date", BuiltIn::Clock),
    ("now.time", BuiltIn::Clock),
    ("now.weekday", BuiltIn::Clock),
    ("now.hour", BuiltIn::Clock),
];

/// The families of [`BUILT_IN_NAMES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltIn {
    Contact,
    Chat,
    Team,
    Clock,
}

impl BuiltIn {
    fn origin(self) -> Origin {
        match self {
            BuiltIn::Contact => Origin::Contact,
            BuiltIn::Chat => Origin::Chat,
            BuiltIn::Team => Origin::Team,
            BuiltIn::Clock => Origin::Clock,
        }
    }
}

/// Every name readable at `node`, each once: the platform names, the team's custom fields (team
/// order), the variables set upstream (sorted by name), then the secrets (sorted). A node that
/// does not exist sees the platform names, custom fields and secrets only.
pub fn names_in_scope(flow: &Flow, node: &str) -> Vec<ScopedName> {
    let mut out: Vec<ScopedName> = BUILT_IN_NAMES
        .iter()
        .map(|(name, family)| ScopedName {
            name: (*name).to_owned(),
            origin: family.origin(),
        })
        .collect();
    out.extend(flow.team.custom_fields.iter().map(|field| ScopedName {
        name: format!("contact.custom.{}", field.key),
        origin: Origin::CustomField {
            label: field.label.clone(),
        },
    }));
    out.extend(
        upstream_variables(flow, node)
            .into_iter()
            .map(|(name, (node, kind))| ScopedName {
                name,
                origin: Origin::SetBy { node, kind },
            }),
    );
    out.extend(secret_names(flow).into_iter().map(|name| ScopedName {
        name: format!("secret.{name}"),
        origin: Origin::Secret,
    }));
    let mut seen = HashSet::new();
    out.retain(|scoped| seen.insert(scoped.name.clone()));
    out
}

/// Whether `name` is one of `scope`'s names.
pub fn is_in_scope(scope: &[ScopedName], name: &str) -> bool {
    scope.iter().any(|scoped| scoped.name == name)
}

/// The nodes from which `node` can be reached by following edges forward (itself included only
/// when it sits on a cycle).
fn ancestors(flow: &Flow, node: &str) -> BTreeSet<NodeId> {
    let mut incoming: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for edge in &flow.edges {
        incoming
            .entry(edge.to.as_str())
            .or_default()
            .push(edge.from.as_str());
    }
    let mut seen: BTreeSet<NodeId> = BTreeSet::new();
    let mut stack: Vec<&str> = incoming.get(node).cloned().unwrap_or_default();
    while let Some(current) = stack.pop() {
        if !seen.insert(current.to_owned()) {
            continue;
        }
        if let Some(sources) = incoming.get(current) {
            stack.extend(sources.iter().copied());
        }
    }
    seen
}

/// Variables set on an edge that leads to `node` (directly or through other nodes), with the
/// first setting node in the flow's order.
fn upstream_variables(flow: &Flow, node: &str) -> BTreeMap<String, (NodeId, KindTag)> {
    let ancestors = ancestors(flow, node);
    let leads_here = |to: &str| to == node || ancestors.contains(to);
    let mut out: BTreeMap<String, (NodeId, KindTag)> = BTreeMap::new();
    for source in flow.nodes.iter().filter(|n| ancestors.contains(&n.id)) {
        for edge in flow
            .edges
            .iter()
            .filter(|edge| edge.from == source.id && leads_here(&edge.to))
        {
            for name in source.kind.variables_set_on(&edge.port) {
                out.entry(name.trim().to_owned())
                    .or_insert_with(|| (source.id.clone(), source.kind.tag()));
            }
        }
    }
    out
}

/// The secret names the flow uses: `secret.NAME` in any Request header, and every scenario's
/// `secrets` keys.
fn secret_names(flow: &Flow) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for node in &flow.nodes {
        for field in node.kind.template_fields() {
            if field.field != "headers" {
                continue;
            }
            for name in template::names_in(field.text) {
                if let Some(secret) = name.strip_prefix("secret.") {
                    out.insert(secret.to_owned());
                }
            }
        }
    }
    for scenario in &flow.scenarios {
        out.extend(scenario.secrets.keys().cloned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{
        Case, CustomField, Edge, FieldKind, Mode, Node, NodeKind, Rule, Scenario, TemplateMap,
    };

    fn node(id: &str, kind: NodeKind) -> Node {
        Node::new(id, (0.0, 0.0), kind)
    }

    fn ask(save_as: &str) -> NodeKind {
        let mut kind = KindTag::Ask.default_kind();
        if let NodeKind::Ask { save_as: field, .. } = &mut kind {
            *field = save_as.to_owned();
        }
        kind
    }

    fn set(name: &str) -> NodeKind {
        NodeKind::SetVariable {
            set: [(name.to_owned(), "x".to_owned())].into_iter().collect(),
        }
    }

    fn names(flow: &Flow, node: &str) -> Vec<String> {
        names_in_scope(flow, node)
            .into_iter()
            .map(|scoped| scoped.name)
            .collect()
    }

    fn has(flow: &Flow, node: &str, name: &str) -> bool {
        is_in_scope(&names_in_scope(flow, node), name)
    }

    /// inicio -> nome(Ask) -> cond -(sim)-> a(Set a_var) -> fim
    ///                            \-(else)-> b(Set b_var) -> fim
    fn branching() -> Flow {
        let mut flow = Flow::new("t");
        flow.nodes.extend([
            node("nome", ask("nome")),
            node(
                "cond",
                NodeKind::Condition {
                    cases: vec![Case {
                        port: "sim".into(),
                        mode: Mode::All,
                        rules: vec![Rule::default()],
                    }],
                },
            ),
            node("a", set("a_var")),
            node("b", set("b_var")),
            node("fim", KindTag::End.default_kind()),
        ]);
        flow.edges = vec![
            Edge::new("inicio", "next", "nome"),
            Edge::new("nome", "answered", "cond"),
            Edge::new("cond", "sim", "a"),
            Edge::new("cond", "else", "b"),
            Edge::new("a", "next", "fim"),
            Edge::new("b", "next", "fim"),
        ];
        flow
    }

    #[test]
    fn built_ins_come_first_in_order() {
        let flow = Flow::new("t");
        let all = names(&flow, "inicio");
        assert_eq!(all.len(), BUILT_IN_NAMES.len());
        assert_eq!(all[0], "contact.name");
        assert!(all.contains(&"now.weekday".to_owned()));
        assert!(all.contains(&"team.api_base".to_owned()));
    }

    #[test]
    fn upstream_only_not_downstream() {
        let flow = branching();
        assert!(has(&flow, "cond", "nome"), "set by the Ask before");
        assert!(
            !has(&flow, "nome", "nome"),
            "the Ask's own answer is not before it"
        );
        assert!(!has(&flow, "cond", "a_var"), "set downstream");
        assert!(!has(&flow, "inicio", "nome"));
        let scope = names_in_scope(&flow, "cond");
        let nome = scope.iter().find(|s| s.name == "nome");
        assert_eq!(
            nome.map(|s| &s.origin),
            Some(&Origin::SetBy {
                node: "nome".into(),
                kind: KindTag::Ask
            })
        );
    }

    #[test]
    fn branches_see_their_own_side() {
        let flow = branching();
        assert!(has(&flow, "a", "nome"));
        assert!(!has(&flow, "a", "b_var"), "the other branch");
        assert!(!has(&flow, "b", "a_var"), "the other branch");
        assert!(has(&flow, "fim", "a_var"), "both branches join at fim");
        assert!(has(&flow, "fim", "b_var"));
    }

    #[test]
    fn ports_decide_what_is_set() {
        let mut flow = branching();
        // nome reaches cond only by `invalid` now: its answer is never saved on that way.
        flow.edges[1].port = "invalid".into();
        assert!(!has(&flow, "cond", "nome"));
        // A Request reached by `error` still sets http.status but not its save names.
        flow.nodes.push(node(
            "req",
            NodeKind::Request {
                method: crate::flow::Method::Get,
                url: "https://x".into(),
                headers: TemplateMap::new(),
                body: String::new(),
                timeout_ms: 5000,
                save: [("status".to_owned(), "status".to_owned())]
                    .into_iter()
                    .collect(),
            },
        ));
        flow.edges.push(Edge::new("req", "error", "fim"));
        assert!(has(&flow, "fim", "http.status"));
        assert!(has(&flow, "fim", "http.body"));
        assert!(!has(&flow, "fim", "status"));
        flow.edges.push(Edge::new("req", "ok", "a"));
        assert!(has(&flow, "fim", "status"), "by ok through a");
        assert!(!has(&flow, "b", "status"));
    }

    #[test]
    fn a_loop_sees_its_own_variables() {
        let mut flow = branching();
        flow.edges.push(Edge::new("a", "next", "nome"));
        assert!(has(&flow, "nome", "nome"), "around the loop");
        assert!(has(&flow, "nome", "a_var"));
        assert!(!has(&flow, "nome", "b_var"));
    }

    #[test]
    fn live_chat_status_after_a_handoff() {
        let mut flow = branching();
        let mut handoff = KindTag::LiveChat.default_kind();
        if let NodeKind::LiveChat {
            result_variable, ..
        } = &mut handoff
        {
            "transfer".clone_into(result_variable);
        }
        flow.nodes.push(node("humano", handoff));
        flow.edges.push(Edge::new("humano", "user_closed", "b"));
        assert!(has(&flow, "b", "live_chat.status"));
        assert!(has(&flow, "b", "transfer"));
        assert!(!has(&flow, "a", "live_chat.status"));
    }

    #[test]
    fn custom_fields_from_the_team() {
        let mut flow = branching();
        flow.team.custom_fields = vec![
            CustomField {
                key: "gerente_de_contas".into(),
                label: "Gerente de Contas".into(),
                kind: FieldKind::Agent,
            },
            CustomField {
                key: "plano".into(),
                label: String::new(),
                kind: FieldKind::Text,
            },
        ];
        let scope = names_in_scope(&flow, "inicio");
        let custom: Vec<&ScopedName> = scope
            .iter()
            .filter(|s| s.name.starts_with("contact.custom."))
            .collect();
        assert_eq!(custom.len(), 2);
        assert_eq!(custom[0].name, "contact.custom.gerente_de_contas");
        assert_eq!(
            custom[0].origin,
            Origin::CustomField {
                label: "Gerente de Contas".into()
            }
        );
        assert!(!has(&flow, "inicio", "contact.custom.outro"));
    }

    #[test]
    fn secrets_from_headers_and_scenarios() {
        let mut flow = branching();
        flow.nodes.push(node(
            "req",
            NodeKind::Request {
                method: crate::flow::Method::Get,
                url: "{{secret.not_a_header}}".into(),
                headers: [(
                    "Authorization".to_owned(),
                    "Bearer {{secret.api_token}}".to_owned(),
                )]
                .into_iter()
                .collect(),
                body: String::new(),
                timeout_ms: 5000,
                save: TemplateMap::new(),
            },
        ));
        flow.scenarios.push(Scenario {
            name: "s".into(),
            secrets: [("crm_key".to_owned(), String::new())]
                .into_iter()
                .collect(),
            ..Scenario::default()
        });
        // Secrets are flow-wide: even a node before the Request sees them.
        let all = names(&flow, "inicio");
        let secrets: Vec<&String> = all.iter().filter(|n| n.starts_with("secret.")).collect();
        assert_eq!(secrets, ["secret.api_token", "secret.crm_key"]);
    }

    #[test]
    fn a_missing_node_sees_only_the_platform() {
        let flow = branching();
        assert_eq!(names(&flow, "nope").len(), BUILT_IN_NAMES.len());
    }

    #[test]
    fn each_name_once() {
        let mut flow = branching();
        // b sets nome too: fim sees `nome` once, from the first node in flow order.
        flow.nodes[4] = node("b", set("nome"));
        let scope = names_in_scope(&flow, "fim");
        let count = scope.iter().filter(|s| s.name == "nome").count();
        assert_eq!(count, 1);
    }
}
