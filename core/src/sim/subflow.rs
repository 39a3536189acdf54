//! Compiling the flows SubFlow nodes call (Mosia's "Nó de Fluxo", SPEC.md section 2) into the
//! caller's program.
//!
//! A call is static: each SubFlow node always calls the same flow and always goes on by its own
//! `done`. So each call is compiled in place, like an inlined function: the called flow's nodes
//! follow the caller's, named `SUBFLOW_NODE/NODE` (nested calls `a/b/c`), its edges resolve among
//! its own nodes, and each of its End nodes becomes a return that sends the End's message and
//! leads where the SubFlow's `done` leads. Variables live in the one table of the run, so what a
//! called flow sets is visible after `done`; the called flow's team and scenarios are not used.
//!
//! What cannot be called is decided here and ends a run `Error` at the SubFlow when it is
//! reached: a flow the library cannot give, a flow already on the chain of calls (a cycle),
//! calls nested deeper than [`MAX_CALL_DEPTH`], or called flows holding more than
//! [`MAX_CALLED_NODES`] nodes in all (a flow calling another twice compiles it twice: the bound
//! keeps a chain of such calls from growing without end).

use std::collections::HashMap;

use crate::flow::{Flow, KindTag, NodeKind};

use super::event::{CallProblem, EndCause};
use super::library::{Called, Library, LibraryError};
use super::program::{NodeCode, NodeOp, ReturnOp, SubFlowOp, Target, compile_node};
use super::text::SharedStr;
use super::vars::Names;

/// Calls nested deeper than this end the run `Error` at the call.
pub const MAX_CALL_DEPTH: usize = 32;

/// The most nodes the called flows of one program may hold together.
pub const MAX_CALLED_NODES: usize = 200_000;

/// A flow on the chain of calls being compiled.
struct Frame {
    key: String,
    name: String,
}

/// Where the End nodes of a called flow lead.
struct Return {
    call: u32,
    target: Target,
    flow: SharedStr,
}

/// Builds a program's node table: the flow's nodes, then each called flow's.
pub(crate) struct Linker<'a> {
    library: &'a Library,
    pub(crate) names: Names,
    pub(crate) nodes: Vec<NodeCode>,
    /// Every node id (called flows' prefixed) to its index; the first of twins wins.
    pub(crate) node_of: HashMap<String, u32>,
    called_nodes: usize,
    resolved: HashMap<(String, String), Result<Called, LibraryError>>,
}

fn index_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

impl<'a> Linker<'a> {
    pub(crate) fn new(library: &'a Library) -> Linker<'a> {
        Linker {
            library,
            names: Names::default(),
            nodes: Vec::new(),
            node_of: HashMap::new(),
            called_nodes: 0,
            resolved: HashMap::new(),
        }
    }

    /// Adds the flow being run, and every flow it calls. Returns its Entry nodes, in file order.
    pub(crate) fn add_root(&mut self, flow: &Flow) -> Vec<u32> {
        let mut chain = vec![Frame {
            key: self.library.root().to_owned(),
            name: flow.name.clone(),
        }];
        self.add(flow, "", &mut chain, None)
    }

    /// Adds `flow`'s nodes under `prefix`, resolves its edges, turns its Ends into returns (for a
    /// called flow) and compiles its own calls. Returns its Entry nodes.
    fn add(
        &mut self,
        flow: &Flow,
        prefix: &str,
        chain: &mut Vec<Frame>,
        back: Option<&Return>,
    ) -> Vec<u32> {
        let base = self.nodes.len();
        let mut local: HashMap<&str, u32> = HashMap::with_capacity(flow.nodes.len());
        for (offset, node) in flow.nodes.iter().enumerate() {
            let index = index_u32(base + offset);
            local.entry(node.id.as_str()).or_insert(index);
            let code = compile_node(node, prefix, &mut self.names);
            self.node_of.entry(code.id.clone()).or_insert(index);
            self.nodes.push(code);
        }
        for edge in &flow.edges {
            let Some(&from) = local.get(edge.from.as_str()) else {
                continue;
            };
            let Some(node) = self.nodes.get_mut(from as usize) else {
                continue;
            };
            let Some(port) = node.ports.iter().position(|port| **port == *edge.port) else {
                continue;
            };
            if let Some(target @ Target::Dangling) = node.targets.get_mut(port) {
                *target = match local.get(edge.to.as_str()) {
                    Some(&to) => Target::Node(to),
                    None => Target::Missing(format!("{prefix}{}", edge.to)),
                };
            }
        }
        if let Some(back) = back {
            for node in self.nodes.iter_mut().skip(base) {
                if let (KindTag::End, NodeOp::End(message)) = (node.tag, &node.op) {
                    node.op = NodeOp::Return(Box::new(ReturnOp {
                        message: message.clone(),
                        call: back.call,
                        flow: back.flow.clone(),
                    }));
                    node.ports = vec![SharedStr::from("done")];
                    node.targets = vec![back.target.clone()];
                }
            }
        }
        let entries: Vec<u32> = flow
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| node.kind.tag() == KindTag::Entry)
            .map(|(offset, _)| index_u32(base + offset))
            .collect();
        for (offset, node) in flow.nodes.iter().enumerate() {
            if let NodeKind::SubFlow { flow: reference } = &node.kind {
                let call = index_u32(base + offset);
                let op = self.call(call, reference.trim(), chain);
                if let Some(code) = self.nodes.get_mut(base + offset) {
                    code.op = NodeOp::SubFlow(op);
                }
            }
        }
        entries
    }

    /// Compiles the flow that the SubFlow at `call` names, or says why it cannot run.
    fn call(
        &mut self,
        call: u32,
        reference: &str,
        chain: &mut Vec<Frame>,
    ) -> Result<SubFlowOp, Box<EndCause>> {
        let fail = |problem: CallProblem| {
            Box::new(EndCause::SubFlow {
                flow: reference.to_owned(),
                problem,
            })
        };
        if reference.is_empty() {
            return Err(fail(CallProblem::NoFlow));
        }
        if chain.len() >= MAX_CALL_DEPTH {
            return Err(fail(CallProblem::TooDeep {
                depth: chain.len() + 1,
            }));
        }
        let from = chain
            .last()
            .map(|frame| frame.key.clone())
            .unwrap_or_default();
        let library = self.library;
        let called = self
            .resolved
            .entry((from, reference.to_owned()))
            .or_insert_with_key(|(from, reference)| library.resolve(from, reference))
            .clone()
            .map_err(|error| fail(CallProblem::Library { error }))?;
        let name = if called.flow.name.trim().is_empty() {
            called.key.clone()
        } else {
            called.flow.name.clone()
        };
        if chain.iter().any(|frame| frame.key == called.key) {
            let mut names: Vec<String> = chain.iter().map(|frame| frame.name.clone()).collect();
            names.push(name);
            return Err(fail(CallProblem::Cycle { chain: names }));
        }
        let nodes = self.called_nodes.saturating_add(called.flow.nodes.len());
        if nodes > MAX_CALLED_NODES {
            return Err(fail(CallProblem::TooLarge { nodes }));
        }
        self.called_nodes = nodes;
        let Some(caller) = self.nodes.get(call as usize) else {
            return Err(fail(CallProblem::NoEntry));
        };
        let back = Return {
            call,
            target: caller.targets.first().cloned().unwrap_or(Target::Dangling),
            flow: SharedStr::from(name.as_str()),
        };
        let prefix = format!("{}/", caller.id);
        chain.push(Frame {
            key: called.key.clone(),
            name: name.clone(),
        });
        let entries = self.add(&called.flow, &prefix, chain, Some(&back));
        chain.pop();
        match entries.first() {
            Some(&entry) => Ok(SubFlowOp {
                entry,
                flow: back.flow,
            }),
            None => Err(fail(CallProblem::NoEntry)),
        }
    }
}
