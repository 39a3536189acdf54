//! `loop-without-wait`: a cycle reachable from the Entry in which nothing waits for the contact or
//! a human (no Ask, no LiveChat) can spin forever. Cycles are the strongly connected components of
//! the reachable graph (Tarjan's algorithm, iterative so that long flows cannot overflow the
//! stack); each component that is a cycle gives one warning, on its first node in file order.

use super::index::FlowIndex;
use super::{Code, Severity, Sink, quote_list};

const UNVISITED: u32 = u32::MAX;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for mut component in cycles(index) {
        component.sort_unstable();
        let waits = component
            .iter()
            .any(|&node| index.kinds.get(node).is_some_and(|kind| kind.is_wait()));
        let Some(&first) = component.first() else {
            continue;
        };
        if waits {
            continue;
        }
        let names = quote_list(
            component
                .iter()
                .filter_map(|&node| index.flow.nodes.get(node))
                .map(|node| node.id.as_str()),
            10,
        );
        let message = if component.len() == 1 {
            format!(
                "{names} leads back to itself with no Ask or LiveChat to wait on: a run can go round it without end (the simulator stops at 10,000 steps); add an Ask to the loop, or lead the port elsewhere"
            )
        } else {
            format!(
                "{names} form a loop with no Ask or LiveChat to wait on: a run can go round it without end (the simulator stops at 10,000 steps); add an Ask to the loop, or make sure a Condition in it leaves after a few rounds"
            )
        };
        sink.node(
            first,
            Severity::Warning,
            Code::LoopWithoutWait,
            None,
            message,
        );
    }
}

/// The strongly connected components reachable from the Entry that contain a cycle (more than
/// one node, or one node with an edge to itself).
fn cycles(index: &FlowIndex<'_>) -> Vec<Vec<usize>> {
    let Some(entry) = index.entry else {
        return Vec::new();
    };
    let count = index.kinds.len();
    let mut order = vec![UNVISITED; count];
    let mut low = vec![0_u32; count];
    let mut on_stack = vec![false; count];
    let mut stack = Vec::new();
    let mut out = Vec::new();
    let mut counter = 0_u32;
    // (node, next slot to look at)
    let mut calls = vec![(entry, index.slot_range(entry).start)];
    order[entry] = counter;
    low[entry] = counter;
    counter += 1;
    stack.push(entry);
    on_stack[entry] = true;
    while let Some(&(node, next)) = calls.last() {
        if next < index.slot_range(node).end {
            if let Some(call) = calls.last_mut() {
                call.1 += 1;
            }
            let Some(target) = index.target(next) else {
                continue;
            };
            if order[target] == UNVISITED {
                order[target] = counter;
                low[target] = counter;
                counter += 1;
                stack.push(target);
                on_stack[target] = true;
                calls.push((target, index.slot_range(target).start));
            } else if on_stack[target] {
                low[node] = low[node].min(order[target]);
            }
            continue;
        }
        calls.pop();
        if let Some(&(parent, _)) = calls.last() {
            low[parent] = low[parent].min(low[node]);
        }
        if low[node] != order[node] {
            continue;
        }
        // Most components are one node, a cycle only with an edge to itself: no list for them.
        if stack.last() == Some(&node) {
            stack.pop();
            on_stack[node] = false;
            if index.successors(node).any(|next| next == node) {
                out.push(vec![node]);
            }
            continue;
        }
        let mut component = Vec::new();
        while let Some(member) = stack.pop() {
            on_stack[member] = false;
            component.push(member);
            if member == node {
                break;
            }
        }
        out.push(component);
    }
    out
}

#[cfg(test)]
mod tests;
