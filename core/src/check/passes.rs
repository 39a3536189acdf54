//! The order of the checks, and what may run side by side on a big flow.
//!
//! 1. One pass over the nodes: their ids (one task: the first node with an id must win), and the
//!    rest of each node in ranges, each node's own checks (`fields`, `references`) running right
//!    after the index reads it, while its data is in cache.
//! 2. The index joins the parts and links the edges (one thread: it is quick).
//! 3. The families that read only the index run side by side: the data-flow analysis, the
//!    graph's shape and loops, and the names (variables, custom fields, broken templates,
//!    scenarios, the team). The data-flow analysis is the longest: the order its fixpoint
//!    needs is a task of its own, which the other thread takes while the searches run.
//!
//! Every family writes to its own `Sink`; the sinks are joined and sorted at the end, so the
//! findings are the same, in the same order, whatever thread ran what.

use std::ops::Range;
use std::sync::OnceLock;

use crate::flow::Flow;

use super::index::{FlowIndex, NodeIds, Part, Resolved, resolve};
use super::parallel;
use super::{Sink, dataflow, fields, loops, references, scenarios, structure, team, variables};

/// Nodes per range of the pass over the nodes when threads share it: small enough for a thread
/// the system starts late to still take a fair share, big enough that joining the parts is
/// quick.
const RANGE_NODES: usize = 1_024;

/// Every finding of `flow`, unsorted.
pub(crate) fn run(flow: &Flow) -> Sink<'_> {
    let threads = parallel::threads_for(flow.nodes.len());
    let range_nodes = if threads > 1 {
        RANGE_NODES
    } else {
        flow.nodes.len()
    };
    run_on(flow, threads, range_nodes)
}

/// [`run`] on `threads` threads, reading the nodes in ranges of `range_nodes` (the tests force
/// threads and small ranges on small flows).
pub(crate) fn run_on(flow: &Flow, threads: usize, range_nodes: usize) -> Sink<'_> {
    let (ids, links, parts, mut sinks) = read_nodes(flow, threads, range_nodes);
    let index = FlowIndex::build(flow, ids, &links, parts);
    sinks.extend(analyse(&index, threads));
    let mut sink = Sink::new(flow);
    for other in sinks {
        sink.absorb(other);
    }
    sink
}

/// A task of the pass over the nodes.
enum NodeTask {
    /// The ids, then what each edge names.
    Links,
    Range(Range<usize>),
}

/// What a task of the pass over the nodes gives.
enum NodeWork<'a> {
    Links(NodeIds, Vec<Resolved>),
    Part(Box<Part<'a>>),
}

/// Step 1: the ids, the resolved edges, the parts of the index in node order, and the findings
/// of the nodes' own checks (one sink per thread).
fn read_nodes(
    flow: &Flow,
    threads: usize,
    range_nodes: usize,
) -> (NodeIds, Vec<Resolved>, Vec<Part<'_>>, Vec<Sink<'_>>) {
    let count = flow.nodes.len();
    let size = range_nodes.max(1);
    let mut tasks = vec![NodeTask::Links];
    tasks.extend(
        (0..count)
            .step_by(size)
            .map(|start| NodeTask::Range(start..(start + size).min(count))),
    );
    let (done, states) = parallel::map(
        &tasks,
        threads,
        || (Sink::new(flow), fields::Memo::default()),
        |(sink, memo), task| match task {
            NodeTask::Links => {
                let ids = NodeIds::read(flow);
                let links = resolve(flow, &ids);
                NodeWork::Links(ids, links)
            }
            NodeTask::Range(range) => {
                NodeWork::Part(Box::new(Part::scan(flow, range.clone(), &mut |i, node| {
                    fields::node(&flow.team, i, node, sink, memo);
                    references::node(&flow.team, i, node, sink);
                })))
            }
        },
    );
    let mut links = None;
    let mut parts = Vec::with_capacity(done.len());
    for work in done {
        match work {
            NodeWork::Links(ids, resolved) => links = Some((ids, resolved)),
            NodeWork::Part(part) => parts.push(*part),
        }
    }
    // The first task is always `Links`.
    let (ids, resolved) = links.unwrap_or_else(|| {
        let ids = NodeIds::read(flow);
        let resolved = resolve(flow, &ids);
        (ids, resolved)
    });
    let sinks = states.into_iter().map(|(sink, _)| sink).collect();
    (ids, resolved, parts, sinks)
}

/// The families of step 3, longest first (so that it starts first).
#[derive(Clone, Copy)]
enum Family {
    Dataflow,
    /// The order the data-flow fixpoint visits the nodes in: its own task when threads share
    /// the work, so that another thread finds it while the data-flow searches run.
    FixpointOrder,
    Graph,
    Names,
}

/// Step 3: the families that read only the index, one sink per thread.
fn analyse<'a>(index: &FlowIndex<'a>, threads: usize) -> Vec<Sink<'a>> {
    let families: &[Family] = if threads > 1 {
        &[
            Family::Dataflow,
            Family::FixpointOrder,
            Family::Graph,
            Family::Names,
        ]
    } else {
        &[Family::Dataflow, Family::Graph, Family::Names]
    };
    let order = OnceLock::new();
    let (_, sinks) = parallel::map(
        families,
        threads,
        || Sink::new(index.flow),
        |sink, family| match family {
            Family::Dataflow => dataflow::check(index, &order, sink),
            Family::FixpointOrder => dataflow::prepare(index, &order),
            Family::Graph => {
                structure::check(index, sink);
                loops::check(index, sink);
            }
            Family::Names => {
                fields::broken_templates(index, sink);
                references::reads(index, sink);
                team::check(&index.flow.team, sink);
                variables::check(index, sink);
                scenarios::check(index, sink);
            }
        },
    );
    sinks
}
