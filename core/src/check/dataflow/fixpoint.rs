//! The forward "definitely set" fixpoint, 64 variables at a time: one `u64` per node whose bits
//! say which of the variables are set on every path from the Entry to it.

use crate::check::index::FlowIndex;

/// Bits of each node, per group of 64 variables. See the module documentation.
pub(super) struct Fixpoint {
    /// `groups[g][node]`: variables `64 * g..64 * g + 63` at `node`.
    groups: Vec<Vec<u64>>,
}

/// The order the fixpoint visits the nodes in, which depends on the graph alone: on a big flow
/// another thread finds it while the searches run (see `passes`).
pub(crate) struct Order {
    /// The nodes the Entry reaches, in reverse postorder.
    nodes: Vec<usize>,
    /// Whether some edge leads back to a node at or before its own place in `nodes`.
    has_loops: bool,
}

impl Order {
    pub(crate) fn new(index: &FlowIndex<'_>, entry: usize) -> Self {
        let (nodes, has_loops) = reverse_postorder(index, entry);
        Self { nodes, has_loops }
    }
}

impl Fixpoint {
    /// Solves for the variables `vars` (name numbers); `is_set` asks by place in `vars`.
    pub(super) fn solve(index: &FlowIndex<'_>, vars: &[u32], entry: usize, order: &Order) -> Self {
        let groups = vars
            .chunks(64)
            .map(|group| solve_group(index, group, &order.nodes, entry, order.has_loops))
            .collect();
        Fixpoint { groups }
    }

    /// Whether variable `var` (its place in `vars`) is set on every path from the Entry to
    /// `node`.
    pub(super) fn is_set(&self, node: usize, var: usize) -> bool {
        self.groups
            .get(var / 64)
            .and_then(|group| group.get(node))
            .is_some_and(|bits| bits & (1 << (var % 64)) != 0)
    }
}

/// The bits of up to 64 variables at every node. Sets start full (the Entry's empty) and
/// shrink: a node's is the intersection, over the edges into it, of what the predecessor had
/// and what its port sets. Nodes the Entry does not reach keep their full set, which changes no
/// intersection: as if their edges were not there.
fn solve_group(
    index: &FlowIndex<'_>,
    group: &[u32],
    order: &[usize],
    entry: usize,
    has_loops: bool,
) -> Vec<u64> {
    let mut bit_of_name = vec![0_u64; index.names.len()];
    for (bit, &var) in group.iter().enumerate() {
        if let Some(place) = bit_of_name.get_mut(var as usize) {
            *place = 1 << bit;
        }
    }
    let port_bits: Vec<u64> = (0..index.slot_count())
        .map(|slot| {
            index.sets_on(slot).iter().fold(0, |bits, &name| {
                bits | bit_of_name.get(name as usize).copied().unwrap_or(0)
            })
        })
        .collect();
    let mut sets = vec![u64::MAX; index.kinds.len()];
    if let Some(set) = sets.get_mut(entry) {
        *set = 0;
    }
    loop {
        let mut is_changed = false;
        for &node in order.iter().filter(|&&node| node != entry) {
            let meet = index.preds_of(node).iter().fold(u64::MAX, |meet, &slot| {
                let before = sets.get(index.node_of(slot)).copied().unwrap_or(u64::MAX);
                meet & (before | port_bits.get(slot).copied().unwrap_or(0))
            });
            if let Some(set) = sets.get_mut(node)
                && *set != meet
            {
                *set = meet;
                is_changed = true;
            }
        }
        // Without an edge back to an earlier node (no loop), every predecessor is final when a
        // node is visited: one pass is enough.
        if !has_loops || !is_changed {
            break;
        }
    }
    sets
}

/// Where a node stands in the depth-first walk of [`reverse_postorder`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Walk {
    Unseen,
    /// On the walk's stack: an edge into it closes a loop.
    Open,
    Done,
}

/// The nodes the Entry reaches, in reverse postorder, and whether some edge among them leads
/// back to a node at or before its own place in that order (a loop). In a depth-first walk
/// those are exactly the edges into a node still on the stack: every other edge leads to a
/// node finished later in the order.
fn reverse_postorder(index: &FlowIndex<'_>, entry: usize) -> (Vec<usize>, bool) {
    let mut walk = vec![Walk::Unseen; index.kinds.len()];
    let mut has_loops = false;
    let mut post = Vec::new();
    let mut stack = vec![(entry, index.slot_range(entry).start)];
    if let Some(state) = walk.get_mut(entry) {
        *state = Walk::Open;
    }
    while let Some(&(node, next)) = stack.last() {
        if next >= index.slot_range(node).end {
            if let Some(state) = walk.get_mut(node) {
                *state = Walk::Done;
            }
            post.push(node);
            stack.pop();
            continue;
        }
        if let Some(top) = stack.last_mut() {
            top.1 += 1;
        }
        let Some(target) = index.target(next) else {
            continue;
        };
        match walk.get_mut(target) {
            Some(state @ Walk::Unseen) => {
                *state = Walk::Open;
                stack.push((target, index.slot_range(target).start));
            }
            Some(Walk::Open) => has_loops = true,
            Some(Walk::Done) | None => {}
        }
    }
    post.reverse();
    (post, has_loops)
}
