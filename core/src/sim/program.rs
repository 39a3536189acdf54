//! A flow compiled once for running: nodes by index, each output port's target resolved, every
//! template parsed and every name resolved, regexes and JSON paths compiled, schedules parsed.
//! A step then does no id lookup and no parsing. Runs of one batch share one program.
//!
//! The flows that SubFlow nodes call are compiled into the same program (see `subflow.rs`):
//! their nodes follow the caller's, named `CALLER_NODE/NODE`, with every End of a called flow
//! leading back to the caller's `done`. A run, its path, coverage and breakpoints therefore see
//! one graph, and a step inside a called flow costs what any step costs.

use std::collections::HashMap;
use std::sync::Arc;

use regex::Regex;

use crate::flow::{
    Channel, Flow, KindTag, LiveChatOutcome, Method, Mode, Node, NodeKind, Op, Route, Rule,
};

use super::compare::{Prepared, compile_regex};
use super::event::{CallProblem, EndCause};
use super::json_path::JsonPath;
use super::library::Library;
use super::subflow::Linker;
use super::text::SharedStr;
use super::validate::Expect;
use super::vars::{CTemplate, Names, Var, VarRef};

pub(crate) use super::team_data::TeamData;

/// Where an output port leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// No edge: leaving by it ends the run `DeadEnd`.
    Dangling,
    Node(u32),
    /// An edge to an id no node has: leaving by it ends the run `Error`.
    Missing(String),
}

/// Port numbers of the kinds with fixed ports (the order of `NodeKind::ports`).
pub(crate) mod port {
    pub(crate) const NEXT: u16 = 0;
    pub(crate) const ANSWERED: u16 = 0;
    pub(crate) const INVALID: u16 = 1;
    pub(crate) const TIMEOUT: u16 = 2;
    pub(crate) const OK: u16 = 0;
    pub(crate) const ERROR: u16 = 1;
    pub(crate) const OPEN: u16 = 0;
    pub(crate) const CLOSED: u16 = 1;
}

/// A Condition rule with its value parsed (and, for a `Matches` whose value reads no variable,
/// its regex compiled).
#[derive(Clone, Debug)]
pub(crate) struct RuleOp {
    pub(crate) var: Var,
    pub(crate) var_name: String,
    pub(crate) op: Op,
    pub(crate) value: CTemplate,
    /// The value read once, when it reads no variable.
    pub(crate) prepared: Option<Prepared>,
    pub(crate) regex: Option<Result<Regex, String>>,
}

#[derive(Clone, Debug)]
pub(crate) struct CaseOp {
    pub(crate) mode: Mode,
    pub(crate) rules: Vec<RuleOp>,
}

/// A LiveChat's route with its names resolved.
#[derive(Clone, Debug)]
pub(crate) enum RouteOp {
    Department,
    Unassigned,
    Agent(String),
    /// The custom field's key and its variable.
    AgentFromField(String, Var),
    Random,
    LastAgent,
    Sequential,
}

#[derive(Clone, Debug)]
pub(crate) struct LiveChatOp {
    pub(crate) department: SharedStr,
    pub(crate) route: RouteOp,
    /// The route as written: `Agent("ana")`, `Sequential`.
    pub(crate) route_text: SharedStr,
    /// The route's kind: `Agent`, `Sequential`.
    pub(crate) route_label: &'static str,
    pub(crate) integration_id: i64,
    pub(crate) skill_id: SharedStr,
    pub(crate) extra_info: Vec<(SharedStr, CTemplate)>,
    pub(crate) contact_info: Vec<(SharedStr, CTemplate)>,
    pub(crate) wait_timeout_s: u64,
    pub(crate) inactivity_timeout_s: u64,
    pub(crate) include_history: bool,
    pub(crate) result_variable: Option<VarRef>,
    pub(crate) closing_message: CTemplate,
    pub(crate) status_var: VarRef,
}

#[derive(Clone, Debug)]
pub(crate) struct RequestOp {
    pub(crate) method: Method,
    pub(crate) url: CTemplate,
    pub(crate) headers: Vec<(SharedStr, CTemplate)>,
    pub(crate) body: CTemplate,
    pub(crate) timeout_ms: u64,
    /// Variable and the path (or why the path does not parse).
    pub(crate) save: Vec<(VarRef, Result<JsonPath, String>)>,
}

#[derive(Clone, Debug)]
pub(crate) struct AskOp {
    pub(crate) prompt: CTemplate,
    /// The retry message; the prompt again when the flow leaves it empty.
    pub(crate) retry: Option<CTemplate>,
    pub(crate) save_as: Option<VarRef>,
    pub(crate) expect: Expect,
    pub(crate) retries: u32,
    pub(crate) timeout_s: u64,
}

/// What a node does, compiled.
#[derive(Clone, Debug)]
pub(crate) enum NodeOp {
    /// Channels served (all four when the flow lists none).
    Entry(Vec<Channel>),
    Message {
        text: CTemplate,
        buttons: Vec<CTemplate>,
    },
    Ask(Box<AskOp>),
    Request(Box<RequestOp>),
    Condition(Vec<CaseOp>),
    SetVariable(Vec<(VarRef, CTemplate)>),
    BusinessHours(String),
    Queue {
        queue: SharedStr,
        message: CTemplate,
    },
    LiveChat(Box<LiveChatOp>),
    End(CTemplate),
    /// Enter the called flow at its Entry, or why it cannot run.
    SubFlow(Result<SubFlowOp, Box<EndCause>>),
    /// An End of a called flow: its message, then on by the caller's `done` (this node's only
    /// port, whose target is the SubFlow's).
    Return(Box<ReturnOp>),
}

/// A SubFlow whose called flow is compiled in: where it starts.
#[derive(Clone, Debug)]
pub(crate) struct SubFlowOp {
    pub(crate) entry: u32,
    /// The called flow's name (its key when it has none).
    pub(crate) flow: SharedStr,
}

/// An End of a called flow.
#[derive(Clone, Debug)]
pub(crate) struct ReturnOp {
    pub(crate) message: CTemplate,
    /// The SubFlow node that called the flow.
    pub(crate) call: u32,
    pub(crate) flow: SharedStr,
}

/// A compiled node.
#[derive(Clone, Debug)]
pub(crate) struct NodeCode {
    pub(crate) id: String,
    pub(crate) tag: KindTag,
    pub(crate) op: NodeOp,
    /// Output port names, in `NodeKind::ports` order.
    pub(crate) ports: Vec<SharedStr>,
    /// Where each port leads, by port number.
    pub(crate) targets: Vec<Target>,
}

/// A flow compiled for running. Build it once with [`Program::new`] and share it between the
/// runs of a batch ([`crate::sim::Run::with_program`]).
#[derive(Clone, Debug)]
pub struct Program {
    pub(crate) nodes: Vec<NodeCode>,
    /// The Entry node to start at, or why there is none.
    pub(crate) entry: Result<u32, String>,
    /// A note for the first step (a flow with several Entries).
    pub(crate) entry_note: Option<String>,
    pub(crate) names: Names,
    pub(crate) team: Arc<TeamData>,
    node_of: HashMap<String, u32>,
    pub(crate) http_status: VarRef,
    pub(crate) http_body: VarRef,
    /// Values every run sets, shared: "" and the four `live_chat.status` words.
    pub(crate) empty: SharedStr,
    pub(crate) outcome_words: [SharedStr; 4],
    /// `http.status` values of the common statuses, shared.
    statuses: Vec<(u16, SharedStr)>,
    /// Whether some handoff carries the conversation (`include_history`): only then does a run
    /// keep it.
    pub(crate) keeps_conversation: bool,
}

impl Program {
    /// Compiles `flow` without a library: a SubFlow ends its run `Error` at the call. Never
    /// fails: what cannot run (no Entry, an edge to nowhere, a bad regex) becomes an `Error` end
    /// or a warning when a run reaches it.
    pub fn new(flow: &Flow) -> Program {
        Program::compile(flow, &Library::default())
    }

    /// Compiles `flow` with the flows its SubFlow nodes call, found in `library` (read once,
    /// here: a run never reads the library).
    pub fn compile(flow: &Flow, library: &Library) -> Program {
        let mut linker = Linker::new(library);
        let http_status = linker.names.register_ref("http.status");
        let http_body = linker.names.register_ref("http.body");
        let entries = linker.add_root(flow);
        let Linker {
            names,
            nodes,
            node_of,
            ..
        } = linker;
        let entry = entries.first().copied().ok_or_else(|| {
            "the flow has no Entry node: add one, every run starts there".to_owned()
        });
        let entry_note = match (&entries[..], &entry) {
            ([_, _, ..], Ok(first)) => Some(format!(
                "the flow has {} Entry nodes; the run starts at the first, `{}`",
                entries.len(),
                nodes
                    .get(*first as usize)
                    .map_or("", |node| node.id.as_str())
            )),
            _ => None,
        };
        let keeps_conversation = nodes
            .iter()
            .any(|node| matches!(&node.op, NodeOp::LiveChat(op) if op.include_history));
        Program {
            keeps_conversation,
            nodes,
            entry,
            entry_note,
            names,
            team: Arc::new(TeamData::new(&flow.team)),
            node_of,
            http_status,
            http_body,
            empty: SharedStr::from(""),
            outcome_words: LiveChatOutcome::ALL.map(|outcome| SharedStr::from(outcome.as_str())),
            statuses: [
                200, 201, 202, 204, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503,
            ]
            .into_iter()
            .map(|status| (status, SharedStr::decimal(u64::from(status))))
            .collect(),
        }
    }

    /// How many nodes the program has: the flow's (same indices as in the flow), then those of
    /// the flows its SubFlow nodes call.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The id of the node at `index`.
    pub fn node_id(&self, index: usize) -> Option<&str> {
        self.nodes.get(index).map(|node| node.id.as_str())
    }

    /// The index of the node with `id` (the first, when a broken flow has several).
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.node_of.get(id).map(|&index| index as usize)
    }

    /// `status` as `http.status` holds it.
    pub(crate) fn status_text(&self, status: u16) -> SharedStr {
        self.statuses
            .iter()
            .find(|(code, _)| *code == status)
            .map_or_else(
                || SharedStr::decimal(u64::from(status)),
                |(_, text)| text.clone(),
            )
    }

    pub(crate) fn node(&self, index: u32) -> Option<&NodeCode> {
        self.nodes.get(index as usize)
    }

    pub(crate) fn id(&self, index: u32) -> &str {
        self.node(index).map_or("", |node| node.id.as_str())
    }
}

pub(crate) fn templates(
    map: &indexmap::IndexMap<String, String>,
    names: &mut Names,
) -> Vec<(SharedStr, CTemplate)> {
    map.iter()
        .map(|(key, value)| (key.as_str().into(), names.template(value)))
        .collect()
}

fn route_text(route: &Route) -> SharedStr {
    match route {
        Route::Agent(id) => format!("Agent({id:?})").into(),
        Route::AgentFromField(key) => format!("AgentFromField({key:?})").into(),
        other => other.label().into(),
    }
}

/// `node` compiled, its id after `prefix` (`coleta_cpf/` inside a called flow). A SubFlow is
/// left without its flow: the linker fills it in.
pub(crate) fn compile_node(node: &Node, prefix: &str, names: &mut Names) -> NodeCode {
    let op = match &node.kind {
        NodeKind::Entry { channels } => NodeOp::Entry(if channels.is_empty() {
            Channel::ALL.to_vec()
        } else {
            channels.clone()
        }),
        NodeKind::Message { text, buttons } => NodeOp::Message {
            text: names.template(text),
            buttons: buttons
                .iter()
                .map(|button| names.template(button))
                .collect(),
        },
        NodeKind::Ask {
            prompt,
            save_as,
            expect,
            retries,
            retry_message,
            timeout_s,
        } => NodeOp::Ask(Box::new(AskOp {
            prompt: names.template(prompt),
            retry: (!retry_message.trim().is_empty()).then(|| names.template(retry_message)),
            save_as: (!save_as.trim().is_empty()).then(|| names.register_ref(save_as)),
            expect: Expect::compile(expect),
            retries: *retries,
            timeout_s: *timeout_s,
        })),
        NodeKind::Request {
            method,
            url,
            headers,
            body,
            timeout_ms,
            save,
        } => NodeOp::Request(Box::new(RequestOp {
            method: *method,
            url: names.template(url),
            headers: templates(headers, names),
            body: names.template(body),
            timeout_ms: *timeout_ms,
            save: save
                .iter()
                .filter(|(name, _)| !name.trim().is_empty())
                .map(|(name, path)| (names.register_ref(name), JsonPath::parse(path)))
                .collect(),
        })),
        NodeKind::Condition { cases } => NodeOp::Condition(
            cases
                .iter()
                .map(|case| CaseOp {
                    mode: case.mode,
                    rules: case
                        .rules
                        .iter()
                        .map(|rule| compile_rule(rule, names))
                        .collect(),
                })
                .collect(),
        ),
        NodeKind::SetVariable { set } => NodeOp::SetVariable(
            set.iter()
                .filter(|(name, _)| !name.trim().is_empty())
                .map(|(name, value)| (names.register_ref(name), names.template(value)))
                .collect(),
        ),
        NodeKind::BusinessHours { schedule } => NodeOp::BusinessHours(schedule.trim().to_owned()),
        NodeKind::Queue { queue, message } => NodeOp::Queue {
            queue: queue.trim().into(),
            message: names.template(message),
        },
        NodeKind::LiveChat { .. } => compile_live_chat(&node.kind, names)
            .map_or(NodeOp::End(CTemplate::default()), |op| {
                NodeOp::LiveChat(Box::new(op))
            }),
        NodeKind::End { message } => NodeOp::End(names.template(message)),
        NodeKind::SubFlow { flow } => NodeOp::SubFlow(Err(Box::new(EndCause::SubFlow {
            flow: flow.trim().to_owned(),
            problem: CallProblem::NoFlow,
        }))),
    };
    let ports: Vec<SharedStr> = node.kind.ports().into_iter().map(SharedStr::from).collect();
    let id = if prefix.is_empty() {
        node.id.clone()
    } else {
        let mut id = String::with_capacity(prefix.len() + node.id.len());
        id.push_str(prefix);
        id.push_str(&node.id);
        id
    };
    NodeCode {
        id,
        tag: node.kind.tag(),
        op,
        targets: vec![Target::Dangling; ports.len()],
        ports,
    }
}

fn compile_rule(rule: &Rule, names: &mut Names) -> RuleOp {
    let value = names.template(&rule.value);
    let regex = (rule.op == Op::Matches)
        .then(|| value.plain_text().map(compile_regex))
        .flatten();
    let prepared = value.plain_text().map(|text| Prepared::new(rule.op, text));
    RuleOp {
        var: names.register(&rule.var),
        var_name: rule.var.trim().to_owned(),
        op: rule.op,
        value,
        prepared,
        regex,
    }
}

/// The LiveChat of `kind` compiled; none for another kind.
fn compile_live_chat(kind: &NodeKind, names: &mut Names) -> Option<LiveChatOp> {
    let NodeKind::LiveChat {
        department,
        route,
        integration_id,
        skill_id,
        extra_info,
        contact_info,
        wait_timeout_s,
        inactivity_timeout_s,
        include_history,
        result_variable,
        closing_message,
    } = kind
    else {
        return None;
    };
    let route_op = match route {
        Route::Department => RouteOp::Department,
        Route::Unassigned => RouteOp::Unassigned,
        Route::Agent(id) => RouteOp::Agent(id.trim().to_owned()),
        Route::AgentFromField(key) => {
            let key = key.trim();
            RouteOp::AgentFromField(
                key.to_owned(),
                names.register(&format!("contact.custom.{key}")),
            )
        }
        Route::Random => RouteOp::Random,
        Route::LastAgent => RouteOp::LastAgent,
        Route::Sequential => RouteOp::Sequential,
    };
    Some(LiveChatOp {
        department: department.trim().into(),
        route: route_op,
        route_text: route_text(route),
        route_label: route.label(),
        integration_id: *integration_id,
        skill_id: skill_id.as_str().into(),
        extra_info: templates(extra_info, names),
        contact_info: templates(contact_info, names),
        wait_timeout_s: *wait_timeout_s,
        inactivity_timeout_s: *inactivity_timeout_s,
        include_history: *include_history,
        result_variable: (!result_variable.trim().is_empty())
            .then(|| names.register_ref(result_variable)),
        closing_message: names.template(closing_message),
        status_var: names.register_ref("live_chat.status"),
    })
}

/// The outcome's port number on a LiveChat (the order of `LiveChatOutcome::ALL`).
pub(crate) fn outcome_port(outcome: LiveChatOutcome) -> u16 {
    match outcome {
        LiveChatOutcome::AgentClosed => 0,
        LiveChatOutcome::UserClosed => 1,
        LiveChatOutcome::Timeout => 2,
        LiveChatOutcome::UserInactivityTimeout => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{Edge, KindTag};

    #[test]
    fn edges_resolve_to_indices_first_wins() {
        let mut flow = Flow::new("t");
        flow.nodes
            .push(Node::new("fim", (0.0, 0.0), KindTag::End.default_kind()));
        flow.nodes
            .push(Node::new("fim2", (0.0, 0.0), KindTag::End.default_kind()));
        flow.edges = vec![
            Edge::new("inicio", "next", "fim"),
            Edge::new("inicio", "next", "fim2"),
            Edge::new("inicio", "nope", "fim2"),
            Edge::new("ghost", "next", "fim2"),
        ];
        let program = Program::new(&flow);
        assert_eq!(program.entry, Ok(0));
        assert_eq!(program.nodes[0].targets, [Target::Node(1)]);
        assert_eq!(program.node_index("fim2"), Some(2));

        flow.edges = vec![Edge::new("inicio", "next", "sumiu")];
        let program = Program::new(&flow);
        assert_eq!(program.nodes[0].targets, [Target::Missing("sumiu".into())]);
    }

    #[test]
    fn entries_are_found_or_missed() {
        let mut flow = Flow::new("t");
        flow.nodes.push(Node::new(
            "outra",
            (0.0, 0.0),
            KindTag::Entry.default_kind(),
        ));
        let program = Program::new(&flow);
        assert_eq!(program.entry, Ok(0));
        assert!(
            program
                .entry_note
                .as_deref()
                .unwrap()
                .contains("2 Entry nodes")
        );
        flow.nodes.clear();
        assert!(Program::new(&flow).entry.is_err());
    }
}
