//! `loop-without-wait`: a cycle a run can reach in which nothing waits for the contact or a human
//! (no Ask, no LiveChat).
//!
//! - Why: a run can go round such a loop without end; the simulator stops it at 10,000 steps,
//!   a live platform may not.
//! - Example: `tenta -ok-> conta -next-> tenta` through a Request and a SetVariable.
//! - Mend: add an Ask to the loop, or make sure a Condition in it leaves after a few rounds (a
//!   loop bounded by a counter is still reported: the check cannot prove the counter ends it).
//!
//! Cycles are the strongly connected components of the graph a run walks (Tarjan's algorithm,
//! iterative so that long flows cannot overflow the stack); each component that is a cycle gives
//! one warning, on its first node in file order, naming its nodes.

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;

/// Nodes named in a finding.
const NODES_SHOWN: usize = 10;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for mut component in cycles(index) {
        component.sort_unstable();
        let waits = component.iter().any(|&node| {
            index
                .flow
                .nodes
                .get(node)
                .is_some_and(|node| node.kind.is_wait())
        });
        let Some(&first) = component.first() else {
            continue;
        };
        if waits {
            continue;
        }
        let variant = if component.len() == 1 { "self" } else { "" };
        let nodes = component.iter().map(|&node| index.id(node));
        sink.node(
            first,
            Severity::Warning,
            Code::LoopWithoutWait,
            None,
            variant,
            Args::new().list("nodes", nodes, NODES_SHOWN),
        );
    }
}

/// Marks of Tarjan's algorithm for one node.
#[derive(Clone, Copy)]
struct Mark {
    order: usize,
    low: usize,
    is_on_stack: bool,
}

/// The strongly connected components the Entry reaches that contain a cycle (more than one node,
/// or one node with an edge to itself).
fn cycles(index: &FlowIndex<'_>) -> Vec<Vec<usize>> {
    let Some(entry) = index.entry else {
        return Vec::new();
    };
    let mut marks: Vec<Option<Mark>> = vec![None; index.flow.nodes.len()];
    let mut stack = Vec::new();
    let mut out = Vec::new();
    let mut counter = 0;
    let mut visit = |node: usize, marks: &mut Vec<Option<Mark>>, stack: &mut Vec<usize>| {
        if let Some(mark) = marks.get_mut(node) {
            *mark = Some(Mark {
                order: counter,
                low: counter,
                is_on_stack: true,
            });
        }
        counter += 1;
        stack.push(node);
    };
    // (node, next slot to look at)
    let mut calls = vec![(entry, index.slot_range(entry).start)];
    visit(entry, &mut marks, &mut stack);
    while let Some(&(node, next)) = calls.last() {
        if next < index.slot_range(node).end {
            if let Some(call) = calls.last_mut() {
                call.1 += 1;
            }
            let Some(target) = index.slot(next).and_then(|slot| slot.target) else {
                continue;
            };
            match marks.get(target).copied().flatten() {
                None => {
                    visit(target, &mut marks, &mut stack);
                    calls.push((target, index.slot_range(target).start));
                }
                Some(seen) if seen.is_on_stack => lower(&mut marks, node, seen.order),
                Some(_) => {}
            }
            continue;
        }
        calls.pop();
        let Some(mark) = marks.get(node).copied().flatten() else {
            continue;
        };
        if let Some(&(parent, _)) = calls.last() {
            lower(&mut marks, parent, mark.low);
        }
        if mark.low != mark.order {
            continue;
        }
        let mut component = Vec::new();
        while let Some(member) = stack.pop() {
            if let Some(Some(mark)) = marks.get_mut(member) {
                mark.is_on_stack = false;
            }
            component.push(member);
            if member == node {
                break;
            }
        }
        let is_cycle = component.len() > 1 || index.successors(node).any(|next| next == node);
        if is_cycle {
            out.push(component);
        }
    }
    out
}

fn lower(marks: &mut [Option<Mark>], node: usize, to: usize) {
    if let Some(Some(mark)) = marks.get_mut(node) {
        mark.low = mark.low.min(to);
    }
}
