//! A short backward search that decides one read exactly, or gives up.

use crate::check::reference::index::FlowIndex;

use super::fixpoint::PortSets;

/// Reusable marks for many searches: a node is marked when `marks[node] == round`.
pub(super) struct Search {
    marks: Vec<u32>,
    round: u32,
    stack: Vec<usize>,
}

impl Search {
    pub(super) fn new(nodes: usize) -> Self {
        Self {
            marks: vec![0; nodes],
            round: 0,
            stack: Vec::new(),
        }
    }

    /// Whether some path from the Entry reaches `node` without a port that sets `var`: walks
    /// back from `node` over edges from reachable nodes, never through such a port. `Some(true)`
    /// when the walk meets the Entry, `Some(false)` when it ends without meeting it, `None` when
    /// it would visit more than `budget` nodes.
    pub(super) fn is_unset(
        &mut self,
        index: &FlowIndex<'_>,
        port_sets: &PortSets,
        entry: usize,
        node: usize,
        var: usize,
        budget: usize,
    ) -> Option<bool> {
        if budget == 0 {
            return None;
        }
        self.round = self.round.wrapping_add(1);
        if self.round == 0 {
            self.marks.fill(0);
            self.round = 1;
        }
        self.stack.clear();
        self.stack.push(node);
        *self.marks.get_mut(node)? = self.round;
        let mut visited = 1;
        while let Some(at) = self.stack.pop() {
            for &slot in index.preds_of(at) {
                let Some(pred) = index.slots.get(slot).map(|slot| slot.node) else {
                    continue;
                };
                if !index.reachable.get(pred).copied().unwrap_or(false) || port_sets.sets(slot, var)
                {
                    continue;
                }
                if pred == entry {
                    return Some(true);
                }
                let mark = self.marks.get_mut(pred)?;
                if *mark != self.round {
                    *mark = self.round;
                    visited += 1;
                    if visited > budget {
                        return None;
                    }
                    self.stack.push(pred);
                }
            }
        }
        Some(false)
    }
}
