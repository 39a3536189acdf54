//! The forward "definitely set" fixpoint over bitsets, and what each port sets.

use crate::check::reference::index::FlowIndex;

/// The variables each output port sets, by number: `vars[start[s]..start[s + 1]]`, sorted.
pub(super) struct PortSets {
    start: Vec<usize>,
    vars: Vec<usize>,
}

impl PortSets {
    /// What each slot sets, as variable numbers: `var_of_name` numbers the names followed.
    pub(super) fn new(index: &FlowIndex<'_>, var_of_name: &[Option<usize>]) -> Self {
        let mut sets = PortSets {
            start: Vec::with_capacity(index.slots.len() + 1),
            vars: Vec::new(),
        };
        for slot in 0..index.slots.len() {
            sets.start.push(sets.vars.len());
            let first = sets.vars.len();
            sets.vars.extend(
                index
                    .sets_on(slot)
                    .iter()
                    .filter_map(|&name| var_of_name.get(name as usize).copied().flatten()),
            );
            if let Some(added) = sets.vars.get_mut(first..) {
                added.sort_unstable();
            }
        }
        sets.start.push(sets.vars.len());
        sets
    }

    /// The same, keeping only the variables `renumber` maps, under their new numbers.
    pub(super) fn restrict(&self, renumber: &[Option<usize>]) -> Self {
        let mut out = PortSets {
            start: Vec::with_capacity(self.start.len()),
            vars: Vec::new(),
        };
        for slot in 0..self.start.len().saturating_sub(1) {
            out.start.push(out.vars.len());
            let first = out.vars.len();
            out.vars.extend(
                self.of(slot)
                    .iter()
                    .filter_map(|&var| renumber.get(var).copied().flatten()),
            );
            if let Some(added) = out.vars.get_mut(first..) {
                added.sort_unstable();
            }
        }
        out.start.push(out.vars.len());
        out
    }

    /// The variables slot `slot` sets, sorted.
    pub(super) fn of(&self, slot: usize) -> &[usize] {
        let start = self.start.get(slot).copied().unwrap_or(0);
        let end = self.start.get(slot + 1).copied().unwrap_or(start);
        self.vars.get(start..end).unwrap_or(&[])
    }

    pub(super) fn sets(&self, slot: usize, var: usize) -> bool {
        self.of(slot).contains(&var)
    }
}

/// For each node, the variables set on every path from the Entry to it.
pub(super) struct Fixpoint {
    words: usize,
    /// Node `i`'s set is `sets[i * words..(i + 1) * words]`.
    sets: Vec<u64>,
}

impl Fixpoint {
    /// Solves for `count` variables whose ports are `port_sets`.
    pub(super) fn solve(
        index: &FlowIndex<'_>,
        port_sets: &PortSets,
        count: usize,
        entry: usize,
    ) -> Self {
        let words = count.div_ceil(64);
        let nodes = index.flow.nodes.len();
        let mut fixpoint = Fixpoint {
            words,
            sets: vec![u64::MAX; nodes * words],
        };
        if let Some(set) = fixpoint.sets.get_mut(entry * words..(entry + 1) * words) {
            set.fill(0);
        }
        let order = reverse_postorder(index, entry);
        let mut position = vec![usize::MAX; nodes];
        for (at, &node) in order.iter().enumerate() {
            position[node] = at;
        }
        // Without an edge back to an earlier node (no loop), every predecessor is final when a
        // node is visited: one pass is enough.
        let has_loops = order.iter().any(|&node| {
            index.preds_of(node).iter().any(|&slot| {
                index
                    .slots
                    .get(slot)
                    .and_then(|slot| position.get(slot.node))
                    .is_some_and(|&from| from != usize::MAX && from >= position[node])
            })
        });
        let mut meet = vec![0_u64; words];
        loop {
            let mut is_changed = false;
            for &node in &order {
                if node != entry && fixpoint.meet_into(index, port_sets, node, &mut meet) {
                    is_changed = true;
                }
            }
            if !has_loops || !is_changed {
                break;
            }
        }
        fixpoint
    }

    /// Sets the node's set to the meet over its incoming edges; says whether it changed.
    fn meet_into(
        &mut self,
        index: &FlowIndex<'_>,
        port_sets: &PortSets,
        node: usize,
        meet: &mut [u64],
    ) -> bool {
        let words = self.words;
        let mut is_first = true;
        for &slot in index.preds_of(node) {
            let Some(pred) = index.slots.get(slot).map(|slot| slot.node) else {
                continue;
            };
            if !index.reachable.get(pred).copied().unwrap_or(false) {
                continue;
            }
            let incoming = self
                .sets
                .get(pred * words..(pred + 1) * words)
                .unwrap_or(&[]);
            // What arrives by this edge: the predecessor's set and what its port sets (sorted,
            // so that it is walked once along the words).
            let mut sets_on = port_sets.of(slot).iter().peekable();
            for (word, (m, &arriving)) in meet.iter_mut().zip(incoming).enumerate() {
                let mut arriving = arriving;
                while let Some(&&var) = sets_on.peek() {
                    if var / 64 != word {
                        break;
                    }
                    arriving |= 1 << (var % 64);
                    sets_on.next();
                }
                *m = if is_first { arriving } else { *m & arriving };
            }
            is_first = false;
        }
        if is_first {
            meet.fill(0); // no edge in: only the Entry, which the caller skips
        }
        match self.sets.get_mut(node * words..(node + 1) * words) {
            Some(set) if set != &*meet => {
                set.copy_from_slice(meet);
                true
            }
            _ => false,
        }
    }

    /// Whether `var` is set on every path from the Entry to `node`.
    pub(super) fn is_set(&self, node: usize, var: usize) -> bool {
        self.sets
            .get(node * self.words + var / 64)
            .is_some_and(|word| word & (1 << (var % 64)) != 0)
    }
}

/// The nodes the Entry reaches, in reverse postorder.
fn reverse_postorder(index: &FlowIndex<'_>, entry: usize) -> Vec<usize> {
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
        if let Some(target) = index.slots.get(next).and_then(|slot| slot.target)
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
