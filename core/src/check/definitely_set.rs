//! The forward "definitely set" data-flow problem behind `maybe-unset-variable`: the variables
//! set on entry to a node are the intersection, over the edges into it from nodes a run
//! reaches, of what the predecessor had plus what it sets when it leaves by that edge's port
//! (`NodeKind::variables_set_on`: an Ask sets `save_as` only on `answered`, a Request its `save`
//! only on `ok`). The Entry starts with nothing set, even when an edge leads back into it.
//!
//! Solved with bitsets over a block of at most [`BLOCK`] variables at a time, sets starting full
//! (the Entry's empty) and shrinking to a fixpoint in reverse postorder: memory is the nodes
//! times one block, and time grows with the nodes times the blocks.

use super::flow_index::FlowIndex;

/// Variables solved together: four 64-bit words per node.
pub(crate) const BLOCK: usize = 256;
const WORDS: usize = BLOCK / 64;

/// For each node the Entry reaches, which variables of one block are set on every path to it.
pub(crate) struct DefinitelySet {
    sets: Vec<[u64; WORDS]>,
}

impl DefinitelySet {
    /// Solves for the variables `first..first + BLOCK`; `port_sets[slot]` lists the variables
    /// (by number) each output port sets.
    pub(crate) fn solve(
        index: &FlowIndex<'_>,
        port_sets: &[Vec<usize>],
        order: &[usize],
        entry: usize,
        first: usize,
    ) -> Self {
        let mut solved = DefinitelySet {
            sets: vec![[u64::MAX; WORDS]; index.flow.nodes.len()],
        };
        if let Some(set) = solved.sets.get_mut(entry) {
            *set = [0; WORDS];
        }
        loop {
            let mut is_changed = false;
            for &node in order {
                if node == entry {
                    continue;
                }
                let meet = solved.meet(index, port_sets, node, first);
                if let Some(set) = solved.sets.get_mut(node)
                    && *set != meet
                {
                    *set = meet;
                    is_changed = true;
                }
            }
            if !is_changed {
                return solved;
            }
        }
    }

    /// The intersection of what arrives by each edge into `node` from a node a run reaches.
    fn meet(
        &self,
        index: &FlowIndex<'_>,
        port_sets: &[Vec<usize>],
        node: usize,
        first: usize,
    ) -> [u64; WORDS] {
        let mut meet = [u64::MAX; WORDS];
        for &slot in index.preds_of(node) {
            let Some(pred) = index.slot(slot).map(|slot| slot.node) else {
                continue;
            };
            if !index.is_reachable(pred) {
                continue;
            }
            let mut arriving = self.sets.get(pred).copied().unwrap_or([0; WORDS]);
            for &var in port_sets.get(slot).map_or(&[][..], Vec::as_slice) {
                if let Some(bit) = var.checked_sub(first).filter(|&bit| bit < BLOCK)
                    && let Some(word) = arriving.get_mut(bit / 64)
                {
                    *word |= 1 << (bit % 64);
                }
            }
            for (m, a) in meet.iter_mut().zip(arriving) {
                *m &= a;
            }
        }
        meet
    }

    /// Whether variable `var` (of this block) is set on every path from the Entry to `node`.
    pub(crate) fn is_set(&self, node: usize, var: usize, first: usize) -> bool {
        let Some(bit) = var.checked_sub(first).filter(|&bit| bit < BLOCK) else {
            return false;
        };
        self.sets
            .get(node)
            .and_then(|set| set.get(bit / 64))
            .is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }
}

/// The nodes the Entry reaches, in reverse postorder (each node before the nodes it leads to,
/// loops aside): the order in which the fixpoint settles fastest.
pub(crate) fn reverse_postorder(index: &FlowIndex<'_>, entry: usize) -> Vec<usize> {
    let mut seen = vec![false; index.flow.nodes.len()];
    let mut post = Vec::new();
    let mut stack = vec![(entry, index.slot_range(entry).start)];
    if let Some(flag) = seen.get_mut(entry) {
        *flag = true;
    }
    while let Some(&(node, next)) = stack.last() {
        if next >= index.slot_range(node).end {
            post.push(node);
            stack.pop();
            continue;
        }
        if let Some(top) = stack.last_mut() {
            top.1 += 1;
        }
        if let Some(target) = index.slot(next).and_then(|slot| slot.target)
            && let Some(flag) = seen.get_mut(target)
            && !*flag
        {
            *flag = true;
            stack.push((target, index.slot_range(target).start));
        }
    }
    post.reverse();
    post
}
