//! Coverage over the runs of a flow: which nodes no run executed and which branches no run took.
//! A branch is an output port that has an edge; it is covered when some step left by it. The
//! nodes and branches of called flows count under their caller (`coleta_cpf/pede_cpf`); a
//! called flow's End leaving by the caller's `done` covers the SubFlow's `done`.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use super::engine::Run;
use super::program::{NodeOp, Program, Target};

/// What the runs added so far reached.
#[derive(Clone, Debug)]
pub struct Coverage {
    program: Arc<Program>,
    nodes: Vec<bool>,
    ports: Vec<Vec<bool>>,
}

/// A branch: the edge leaving `from` by `port`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Branch {
    pub from: String,
    pub port: String,
    pub to: String,
}

/// Coverage as numbers and the lists of what was not reached, in flow order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CoverageReport {
    pub nodes_total: usize,
    pub nodes_covered: usize,
    pub uncovered_nodes: Vec<String>,
    pub branches_total: usize,
    pub branches_covered: usize,
    pub uncovered_branches: Vec<Branch>,
}

impl fmt::Display for CoverageReport {
    /// `N of M nodes reached, N of M branches covered`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} of {} nodes reached, {} of {} branches covered",
            self.nodes_covered, self.nodes_total, self.branches_covered, self.branches_total
        )
    }
}

impl Coverage {
    pub fn new(program: Arc<Program>) -> Coverage {
        let nodes = vec![false; program.len()];
        let ports = program
            .nodes
            .iter()
            .map(|node| vec![false; node.targets.len()])
            .collect();
        Coverage {
            program,
            nodes,
            ports,
        }
    }

    /// Adds what `run` reached (a run of the same program).
    pub fn add(&mut self, run: &Run) {
        for &node in run.path_indices() {
            if let Some(seen) = self.nodes.get_mut(node as usize) {
                *seen = true;
            }
        }
        for (node, port) in run.ports_taken() {
            let (node, port) = match self.program.node(node).map(|code| &code.op) {
                Some(NodeOp::Return(op)) => (op.call, 0),
                _ => (node, port),
            };
            if let Some(seen) = self
                .ports
                .get_mut(node as usize)
                .and_then(|ports| ports.get_mut(usize::from(port)))
            {
                *seen = true;
            }
        }
    }

    /// Whether the node at `index` was executed by some run.
    pub fn is_node_covered(&self, index: usize) -> bool {
        self.nodes.get(index).copied().unwrap_or(false)
    }

    /// Whether some run left the node at `index` by `port`.
    pub fn is_port_covered(&self, index: usize, port: &str) -> bool {
        self.program.nodes.get(index).is_some_and(|node| {
            node.ports
                .iter()
                .position(|name| name == port)
                .and_then(|port| self.ports.get(index)?.get(port).copied())
                .unwrap_or(false)
        })
    }

    pub fn report(&self) -> CoverageReport {
        let uncovered_nodes: Vec<String> = self
            .program
            .nodes
            .iter()
            .zip(&self.nodes)
            .filter(|(_, seen)| !**seen)
            .map(|(node, _)| node.id.clone())
            .collect();
        let mut branches_total = 0;
        let mut uncovered_branches = Vec::new();
        for (node, seen) in self.program.nodes.iter().zip(&self.ports) {
            // A called flow's End leads by its caller's `done`: that branch is the caller's.
            if matches!(node.op, NodeOp::Return(_)) {
                continue;
            }
            for ((target, port), taken) in node.targets.iter().zip(&node.ports).zip(seen) {
                let to = match target {
                    Target::Dangling => continue,
                    Target::Node(to) => self.program.id(*to).to_owned(),
                    Target::Missing(id) => id.clone(),
                };
                branches_total += 1;
                if !taken {
                    uncovered_branches.push(Branch {
                        from: node.id.clone(),
                        port: port.to_string(),
                        to,
                    });
                }
            }
        }
        CoverageReport {
            nodes_total: self.nodes.len(),
            nodes_covered: self.nodes.len() - uncovered_nodes.len(),
            uncovered_nodes,
            branches_total,
            branches_covered: branches_total - uncovered_branches.len(),
            uncovered_branches,
        }
    }
}
