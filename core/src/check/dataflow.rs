//! `maybe-unset-variable`: some path from the Entry reaches a read without setting the variable.
//!
//! The question is the forward "definitely set" data-flow problem: the variables set on entry to
//! a node are the intersection, over the edges into it, of what the predecessor had plus what
//! the predecessor sets when it leaves by that edge's port (`NodeKind::variables_set_on`: an Ask
//! sets `save_as` only on `answered`, a Request its `save` only on `ok`). `fixpoint` solves it
//! with bitsets over the variables, sets starting full (the Entry's empty) and shrinking to a
//! fixpoint in reverse postorder.
//!
//! Most reads in a big flow are of a variable set a few nodes above (an Ask's answer read by the
//! Condition after it). Each read is therefore first decided by a short backward search from the
//! reading node that does not cross a port setting the variable: reaching the Entry proves a
//! path on which it is unset, exhausting the search proves it set on every path. Both answers
//! are exact; only variables whose search grows past a few dozen nodes (a variable set once at
//! the top and read everywhere) go to the bitset fixpoint, which then has few columns.
//!
//! The analysis follows flow variables, `http.*` and `live_chat.status` that some node sets (a
//! name set nowhere is `unknown-variable`), at nodes the Entry reaches. A node reads before it
//! sets, except that a SetVariable renders its entries in order, so an entry may read the ones
//! above it.

mod fixpoint;
mod search;

use std::collections::VecDeque;
use std::sync::OnceLock;

use crate::flow::{KindTag, NodeKind};

use rustc_hash::FxHashMap;

pub(crate) use self::fixpoint::Order;

use self::fixpoint::Fixpoint;
use self::search::Search;
use super::index::{FlowIndex, Place, Read};
use super::variables::Name;
use super::{Code, Severity, Sink};

/// Nodes a backward search may visit before its variable goes to the fixpoint.
const SEARCH_BUDGET: usize = 48;
/// Variables whose findings show a whole path (a path costs a search of the graph); findings
/// about later ones say less.
const PATHS_SHOWN: usize = 20;
/// Hops of a path shown in a message; longer paths show their end.
const HOPS_SHOWN: usize = 6;

/// What the analysis concluded about one read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Verdict {
    /// Not a read the analysis follows (a given name, an unreachable node, a name set nowhere).
    Ignored,
    /// Set on every path from the Entry.
    Set,
    /// Some path from the Entry reaches the read without setting it.
    MaybeUnset,
}

/// Finds the fixpoint's [`Order`] into `order`, unless it is there already (a task of its own on
/// a big flow, beside [`check`]).
pub(crate) fn prepare(index: &FlowIndex<'_>, order: &OnceLock<Order>) {
    if let Some(entry) = index.entry {
        order.get_or_init(|| Order::new(index, entry));
    }
}

/// The `maybe-unset-variable` findings. `order` is where [`prepare`] puts the fixpoint's order
/// (found here if it is not there when needed).
pub(crate) fn check(index: &FlowIndex<'_>, order: &OnceLock<Order>, sink: &mut Sink<'_>) {
    let Some(entry) = index.entry else {
        return;
    };
    let Some(analysis) = Analysis::new(index) else {
        return;
    };
    let verdicts = analysis.verdicts(index, entry, order, SEARCH_BUDGET);
    // One search of the graph per variable gives the paths of all its findings (for the first
    // `PATHS_SHOWN` variables with findings).
    let mut paths: FxHashMap<u32, Option<Vec<Option<usize>>>> = FxHashMap::default();
    for (read, verdict) in index.reads.iter().zip(verdicts) {
        if verdict != Verdict::MaybeUnset {
            continue;
        }
        let var = read.name_id;
        let shown = paths.len();
        let came_by = paths
            .entry(var)
            .or_insert_with(|| (shown < PATHS_SHOWN).then(|| came_by(index, entry, var)));
        let name = index.name_of(read);
        let path = came_by
            .as_ref()
            .and_then(|came_by| path_to(index, came_by, entry, read.node()));
        let message = match path {
            Some(path) => path_message(index, name, &path, read.node(), var),
            None => format!(
                "`{name}` may be empty here: some path from the Entry reaches this node without setting it; {MEND}"
            ),
        };
        sink.node(
            read.node(),
            Severity::Warning,
            Code::MaybeUnsetVariable,
            Some(read.path(index.flow)),
            message,
        );
    }
}

const MEND: &str = "set it on every path that leads here (a SetVariable before the branch can give it a default), or read it only where it is set";

/// The variables followed, by the number of their name in `FlowIndex::names`.
pub(super) struct Analysis {
    /// Per name: whether the analysis follows it.
    followed: Vec<bool>,
}

impl Analysis {
    /// `None` when no reachable node reads a variable worth following.
    pub(super) fn new(index: &FlowIndex<'_>) -> Option<Self> {
        let names = &index.names;
        let mut followed = vec![false; names.len()];
        let mut any = false;
        for read in &index.reads {
            let id = read.name_id;
            if index.is_reachable(read.node())
                && names.kind(id) == Name::Tracked
                && names.is_set(id)
                && let Some(flag) = followed.get_mut(id as usize)
            {
                *flag = true;
                any = true;
            }
        }
        any.then_some(Self { followed })
    }

    fn follows(&self, read: &Read) -> bool {
        self.followed
            .get(read.name_id as usize)
            .copied()
            .unwrap_or(false)
    }

    /// A verdict for each read of `index.reads`. A search that visits more than `budget` nodes
    /// hands its variable to the fixpoint (0: the fixpoint decides everything), which takes its
    /// order from `order` (finding it if it is not there).
    pub(super) fn verdicts(
        &self,
        index: &FlowIndex<'_>,
        entry: usize,
        order: &OnceLock<Order>,
        budget: usize,
    ) -> Vec<Verdict> {
        let mut verdicts = vec![Verdict::Ignored; index.reads.len()];
        let mut hard = Hard::new(index.names.len());
        let mut search = Search::new(index.kinds.len());
        let mut pending = Vec::new();
        // A node often reads a variable twice (two rules on one answer): one search for both.
        let mut searched: (usize, Vec<(u32, Verdict)>) = (usize::MAX, Vec::new());
        for (at, read) in index.reads.iter().enumerate() {
            let (node, var) = (read.node(), read.name_id);
            if !self.follows(read) || !index.is_reachable(node) {
                continue;
            }
            if is_set_above(index, read) {
                verdicts[at] = Verdict::Set;
                continue;
            }
            if hard.has(var) {
                pending.push(at);
                continue;
            }
            if searched.0 != node {
                searched = (node, Vec::new());
            }
            if let Some(&(_, verdict)) = searched.1.iter().find(|(seen, _)| *seen == var) {
                verdicts[at] = verdict;
                continue;
            }
            verdicts[at] = match search.is_unset(index, entry, node, var, budget) {
                Some(true) => Verdict::MaybeUnset,
                Some(false) => Verdict::Set,
                None => {
                    hard.add(var);
                    pending.push(at);
                    continue;
                }
            };
            searched.1.push((var, verdicts[at]));
        }
        if !pending.is_empty() {
            let order = order.get_or_init(|| Order::new(index, entry));
            let fixpoint = Fixpoint::solve(index, &hard.vars, entry, order);
            for at in pending {
                let Some(read) = index.reads.get(at) else {
                    continue;
                };
                verdicts[at] = match hard.position(read.name_id) {
                    Some(var) if !fixpoint.is_set(read.node(), var) => Verdict::MaybeUnset,
                    _ => Verdict::Set,
                };
            }
        }
        verdicts
    }
}

/// The variables left to the fixpoint, numbered in the order their searches gave up.
struct Hard {
    /// Per name: its place in `vars`, or `u32::MAX`.
    position: Vec<u32>,
    vars: Vec<u32>,
}

impl Hard {
    fn new(names: usize) -> Self {
        Self {
            position: vec![u32::MAX; names],
            vars: Vec::new(),
        }
    }

    fn has(&self, var: u32) -> bool {
        self.position(var).is_some()
    }

    fn position(&self, var: u32) -> Option<usize> {
        match self.position.get(var as usize) {
            Some(&at) if at != u32::MAX => Some(at as usize),
            _ => None,
        }
    }

    fn add(&mut self, var: u32) {
        if let Some(at) = self.position.get_mut(var as usize) {
            *at = u32::try_from(self.vars.len()).unwrap_or(u32::MAX);
            self.vars.push(var);
        }
    }
}

/// Whether slot `slot` sets variable `var` (a name number).
fn sets(index: &FlowIndex<'_>, slot: usize, var: u32) -> bool {
    index.sets_on(slot).contains(&var)
}

/// Breadth first from the Entry along edges whose port does not set `var`: for each node so
/// reached, the slot it was reached by (so one of the shortest such paths leads to it).
fn came_by(index: &FlowIndex<'_>, entry: usize, var: u32) -> Vec<Option<usize>> {
    let count = index.kinds.len();
    let mut came_by: Vec<Option<usize>> = vec![None; count];
    let mut seen = vec![false; count];
    let mut queue = VecDeque::from([entry]);
    if let Some(flag) = seen.get_mut(entry) {
        *flag = true;
    }
    while let Some(node) = queue.pop_front() {
        for slot in index.slot_range(node) {
            let Some(next) = index.target(slot) else {
                continue;
            };
            if sets(index, slot, var) || seen.get(next).copied().unwrap_or(true) {
                continue;
            }
            seen[next] = true;
            came_by[next] = Some(slot);
            queue.push_back(next);
        }
    }
    came_by
}

/// The slots from the Entry to `target` that `came_by` recorded, or `None` if it has none.
fn path_to(
    index: &FlowIndex<'_>,
    came_by: &[Option<usize>],
    entry: usize,
    target: usize,
) -> Option<Vec<usize>> {
    let mut path = Vec::new();
    let mut at = target;
    while at != entry {
        let slot = came_by.get(at).copied().flatten()?;
        path.push(slot);
        at = index.node_of(slot);
        if path.len() > came_by.len() {
            return None;
        }
    }
    path.reverse();
    Some(path)
}

/// Whether the node itself sets what it reads before it reads it: a SetVariable entry reading
/// an entry above it, or a LiveChat's `closing_message` (its last template field, sent once the
/// conversation ended) reading `live_chat.status` or the node's `result_variable`.
fn is_set_above(index: &FlowIndex<'_>, read: &Read) -> bool {
    // Only these two kinds set what they read; the kind says so without reading the node.
    let Place::Template { position } = read.place else {
        return false;
    };
    if !matches!(
        index.kinds.get(read.node()),
        Some(&(KindTag::SetVariable | KindTag::LiveChat))
    ) {
        return false;
    }
    let name = index.name_of(read);
    match index.flow.nodes.get(read.node()).map(|node| &node.kind) {
        Some(NodeKind::SetVariable { set }) => {
            set.keys().take(position as usize).any(|key| key == name)
        }
        Some(NodeKind::LiveChat {
            extra_info,
            contact_info,
            result_variable,
            ..
        }) => {
            position as usize == extra_info.len() + contact_info.len()
                && (name == "live_chat.status" || name == result_variable.trim())
        }
        _ => false,
    }
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
        out.push_str(id_of(index, index.node_of(slot)));
        out.push_str(" -");
        out.push_str(index.port(slot));
        out.push_str("-> ");
    }
    out.push_str(id_of(index, target));
    out
}

fn path_message(
    index: &FlowIndex<'_>,
    name: &str,
    path: &[usize],
    target: usize,
    var: u32,
) -> String {
    let route = render_path(index, path, target);
    // A node on the path that sets the variable, but not by the port the path takes.
    let partial = path.iter().find_map(|&slot| {
        let node = index.node_of(slot);
        let ports: Vec<&str> = index
            .slot_range(node)
            .filter(|&other| sets(index, other, var))
            .map(|other| index.port(other))
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
        "`{name}` may be empty here: on the path {route}, {what}{}; {MEND}",
        partial.unwrap_or_default()
    )
}

#[cfg(test)]
mod tests;
