//! `maybe-unset-variable`: some path from the Entry reaches a read without setting the variable.
//!
//! A forward "definitely set" analysis: the set of variables known to be set on entry to a node
//! is the intersection, over the edges into it, of what its predecessor had plus what that
//! predecessor sets when it leaves by that edge's port (`NodeKind::variables_set_on`: an Ask sets
//! `save_as` only on `answered`, a Request its `save` only on `ok`). Sets start full (but the
//! Entry's, empty) and shrink to a fixpoint, visiting nodes in reverse postorder; each set is a
//! bitset over the variables that are both read by a reachable node and set somewhere (a name
//! set nowhere is `unknown-variable` instead). A node reads before it sets, except that a
//! SetVariable renders its entries in order, so an entry may read the ones above it.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::flow::NodeKind;

use super::index::{FlowIndex, Place, Read};
use super::variables::{Name, classify};
use super::{Code, Severity, Sink};

/// Findings beyond this many name a predecessor instead of a whole path (a path costs a search).
const PATHS_SHOWN: usize = 20;
/// Hops of a path shown in a message; longer paths show their end.
const HOPS_SHOWN: usize = 6;

pub(crate) fn check(index: &FlowIndex<'_>, set_anywhere: &HashSet<&str>, sink: &mut Sink<'_>) {
    let Some(entry) = index.entry else {
        return;
    };
    let universe = Universe::new(index, set_anywhere);
    if universe.names.is_empty() {
        return;
    }
    let analysis = Analysis::run(index, &universe, entry);
    let mut paths_left = PATHS_SHOWN;
    for &node in &analysis.order {
        for read in index.reads_of(node) {
            let Some(&var) = universe.ids.get(read.name.as_str()) else {
                continue;
            };
            if analysis.is_set(node, var) || is_set_above(index, read) {
                continue;
            }
            let route = if paths_left > 0 {
                paths_left -= 1;
                analysis.witness(index, entry, node, var)
            } else {
                None
            };
            let message = match route {
                Some(path) => path_message(index, &analysis, &read.name, &path, var),
                None => predecessor_message(index, &analysis, &read.name, node, var),
            };
            sink.node(
                node,
                Severity::Warning,
                Code::MaybeUnsetVariable,
                Some(read.place.path()),
                message,
            );
        }
    }
}

/// The variables the analysis follows, numbered.
struct Universe<'i> {
    ids: HashMap<&'i str, usize>,
    names: Vec<&'i str>,
}

impl<'i> Universe<'i> {
    fn new(index: &'i FlowIndex<'_>, set_anywhere: &HashSet<&str>) -> Self {
        let mut ids = HashMap::new();
        let mut names = Vec::new();
        for read in &index.reads {
            let name = read.name.as_str();
            let is_reached = index.reachable.get(read.node).copied().unwrap_or(false);
            if !is_reached || ids.contains_key(name) {
                continue;
            }
            if classify(name) == Name::Tracked && set_anywhere.contains(name) {
                ids.insert(name, names.len());
                names.push(name);
            }
        }
        Self { ids, names }
    }
}

/// The fixpoint: for each node, the variables set on every path from the Entry to it.
struct Analysis {
    words: usize,
    /// Node `i`'s set is `sets[i * words..(i + 1) * words]`.
    sets: Vec<u64>,
    /// What each slot sets: `gen[gen_start[s]..gen_start[s + 1]]`.
    gen_start: Vec<usize>,
    gen_vars: Vec<usize>,
    /// Reachable nodes in reverse postorder from the Entry.
    order: Vec<usize>,
}

impl Analysis {
    fn run(index: &FlowIndex<'_>, universe: &Universe<'_>, entry: usize) -> Self {
        let words = universe.names.len().div_ceil(64);
        let count = index.flow.nodes.len();
        let mut analysis = Analysis {
            words,
            sets: vec![u64::MAX; count * words],
            gen_start: Vec::with_capacity(index.slots.len() + 1),
            gen_vars: Vec::new(),
            order: reverse_postorder(index, entry),
        };
        for slot in &index.slots {
            analysis.gen_start.push(analysis.gen_vars.len());
            let Some(node) = index.flow.nodes.get(slot.node) else {
                continue;
            };
            for name in node.kind.variables_set_on(slot.port) {
                if let Some(&var) = universe.ids.get(name) {
                    analysis.gen_vars.push(var);
                }
            }
        }
        analysis.gen_start.push(analysis.gen_vars.len());
        if let Some(set) = analysis.sets.get_mut(entry * words..(entry + 1) * words) {
            set.fill(0);
        }
        analysis.solve(index, entry);
        analysis
    }

    fn solve(&mut self, index: &FlowIndex<'_>, entry: usize) {
        let words = self.words;
        let mut meet = vec![0_u64; words];
        let mut incoming = vec![0_u64; words];
        let mut is_changed = true;
        while is_changed {
            is_changed = false;
            for &node in &self.order {
                if node == entry {
                    continue;
                }
                meet.fill(u64::MAX);
                for &slot in index.preds_of(node) {
                    let Some(pred) = index.slots.get(slot).map(|slot| slot.node) else {
                        continue;
                    };
                    if !index.reachable.get(pred).copied().unwrap_or(false) {
                        continue;
                    }
                    incoming.copy_from_slice(self.set(pred));
                    for &var in self.sets_on(slot) {
                        if let Some(word) = incoming.get_mut(var / 64) {
                            *word |= 1 << (var % 64);
                        }
                    }
                    for (m, i) in meet.iter_mut().zip(&incoming) {
                        *m &= i;
                    }
                }
                if let Some(set) = self.sets.get_mut(node * words..(node + 1) * words)
                    && set != meet.as_slice()
                {
                    set.copy_from_slice(&meet);
                    is_changed = true;
                }
            }
        }
    }

    fn set(&self, node: usize) -> &[u64] {
        self.sets
            .get(node * self.words..(node + 1) * self.words)
            .unwrap_or(&[])
    }

    fn sets_on(&self, slot: usize) -> &[usize] {
        let start = self.gen_start.get(slot).copied().unwrap_or(0);
        let end = self.gen_start.get(slot + 1).copied().unwrap_or(start);
        self.gen_vars.get(start..end).unwrap_or(&[])
    }

    fn is_set(&self, node: usize, var: usize) -> bool {
        self.set(node)
            .get(var / 64)
            .is_some_and(|word| word & (1 << (var % 64)) != 0)
    }

    /// A path of slots from the Entry to `target` on which no port sets `var` (breadth first, so
    /// one of the shortest).
    fn witness(
        &self,
        index: &FlowIndex<'_>,
        entry: usize,
        target: usize,
        var: usize,
    ) -> Option<Vec<usize>> {
        let mut came_by: Vec<Option<usize>> = vec![None; index.flow.nodes.len()];
        let mut seen = vec![false; index.flow.nodes.len()];
        let mut queue = VecDeque::from([entry]);
        *seen.get_mut(entry)? = true;
        while let Some(node) = queue.pop_front() {
            if node == target {
                let mut path = Vec::new();
                let mut at = node;
                while let Some(slot) = came_by.get(at).copied().flatten() {
                    path.push(slot);
                    at = index.slots.get(slot)?.node;
                }
                path.reverse();
                return Some(path);
            }
            for slot in index.slot_range(node) {
                let Some(next) = index.slots.get(slot).and_then(|slot| slot.target) else {
                    continue;
                };
                if self.sets_on(slot).contains(&var) || seen.get(next).copied().unwrap_or(true) {
                    continue;
                }
                seen[next] = true;
                came_by[next] = Some(slot);
                queue.push_back(next);
            }
        }
        None
    }
}

/// Whether a SetVariable entry reads a variable that an entry above it in the same node sets.
fn is_set_above(index: &FlowIndex<'_>, read: &Read<'_>) -> bool {
    let (Some(node), Place::Template { position, .. }) =
        (index.flow.nodes.get(read.node), read.place)
    else {
        return false;
    };
    match &node.kind {
        NodeKind::SetVariable { set } => set.keys().take(position).any(|key| *key == read.name),
        _ => false,
    }
}

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

fn id_of<'f>(index: &FlowIndex<'f>, node: usize) -> &'f str {
    index
        .flow
        .nodes
        .get(node)
        .map_or("", |node| node.id.as_str())
}

/// `inicio -next-> pergunta -invalid-> aviso`, the last hops of a path of slots.
fn render_path(index: &FlowIndex<'_>, path: &[usize], target: usize) -> String {
    let skipped = path.len().saturating_sub(HOPS_SHOWN);
    let mut out = String::new();
    if skipped > 0 {
        out.push_str("... ");
    }
    for &slot in path.iter().skip(skipped) {
        let Some(slot) = index.slots.get(slot) else {
            continue;
        };
        out.push_str(id_of(index, slot.node));
        out.push_str(" -");
        out.push_str(slot.port);
        out.push_str("-> ");
    }
    out.push_str(id_of(index, target));
    out
}

fn path_message(
    index: &FlowIndex<'_>,
    analysis: &Analysis,
    name: &str,
    path: &[usize],
    var: usize,
) -> String {
    let target = path
        .last()
        .and_then(|&slot| index.slots.get(slot))
        .and_then(|slot| slot.target)
        .unwrap_or_else(|| index.entry.unwrap_or(0));
    let route = render_path(index, path, target);
    // A node on the path that sets the variable, but not by the port the path takes.
    let partial = path.iter().find_map(|&slot| {
        let node = index.slots.get(slot)?.node;
        let ports: Vec<&str> = index
            .slot_range(node)
            .filter(|&other| analysis.sets_on(other).contains(&var))
            .filter_map(|other| index.slots.get(other).map(|slot| slot.port))
            .collect();
        (!ports.is_empty()).then(|| {
            format!(
                " (`{}` sets it only when it leaves by {})",
                id_of(index, node),
                ports.join(" or ")
            )
        })
    });
    let what = if name.starts_with("http.") {
        "no Request runs before it"
    } else {
        "nothing sets it"
    };
    format!(
        "`{name}` may be empty here: on the path {route}, {what}{}; set it on every path that leads here (a SetVariable before the branch can give it a default), or read it only where it is set",
        partial.unwrap_or_default()
    )
}

fn predecessor_message(
    index: &FlowIndex<'_>,
    analysis: &Analysis,
    name: &str,
    node: usize,
    var: usize,
) -> String {
    let from = index.preds_of(node).iter().find_map(|&slot| {
        let pred = index.slots.get(slot)?;
        let is_reached = index.reachable.get(pred.node).copied().unwrap_or(false);
        let sets = analysis.is_set(pred.node, var) || analysis.sets_on(slot).contains(&var);
        (is_reached && !sets).then(|| {
            format!(
                " when the run comes from `{}` by `{}`",
                id_of(index, pred.node),
                pred.port
            )
        })
    });
    format!(
        "`{name}` may be empty here{}: set it on every path that leads here (a SetVariable before the branch can give it a default), or read it only where it is set",
        from.unwrap_or_default()
    )
}

#[cfg(test)]
mod tests;
