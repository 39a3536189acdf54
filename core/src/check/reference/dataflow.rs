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

use crate::flow::NodeKind;

use self::fixpoint::{Fixpoint, PortSets};
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

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let Some(entry) = index.entry else {
        return;
    };
    let Some(analysis) = Analysis::new(index) else {
        return;
    };
    let verdicts = analysis.verdicts(index, entry, SEARCH_BUDGET);
    // One search of the graph per variable gives the paths of all its findings.
    let mut paths: Vec<Option<Vec<Option<usize>>>> = vec![None; analysis.count];
    let mut paths_left = PATHS_SHOWN;
    for (read, verdict) in index.reads.iter().zip(verdicts) {
        if verdict != Verdict::MaybeUnset {
            continue;
        }
        let Some(var) = analysis.var_of(read) else {
            continue;
        };
        if paths[var].is_none() && paths_left > 0 {
            paths_left -= 1;
            paths[var] = Some(analysis.came_by(index, entry, var));
        }
        let path = paths[var]
            .as_ref()
            .and_then(|came_by| path_to(index, came_by, entry, read.node()));
        let message = match path {
            Some(path) => path_message(index, &analysis, read.name, &path, read.node(), var),
            None => format!(
                "`{}` may be empty here: some path from the Entry reaches this node without setting it; {MEND}",
                read.name
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

/// The variables followed, numbered, and what each port sets.
pub(super) struct Analysis {
    /// The variable number of each name of `FlowIndex::names`, if followed.
    var_of_name: Vec<Option<usize>>,
    count: usize,
    port_sets: PortSets,
}

impl Analysis {
    /// `None` when no reachable node reads a variable worth following.
    pub(super) fn new(index: &FlowIndex<'_>) -> Option<Self> {
        let mut var_of_name = vec![None; index.names.len()];
        let mut count = 0;
        for read in &index.reads {
            let id = read.name_id as usize;
            let is_reached = index.reachable.get(read.node()).copied().unwrap_or(false);
            let is_followed = index.names.kind(read.name_id) == Name::Tracked
                && index.is_set.get(id).copied().unwrap_or(false);
            if let Some(slot @ None) = var_of_name.get_mut(id)
                && is_reached
                && is_followed
            {
                *slot = Some(count);
                count += 1;
            }
        }
        if count == 0 {
            return None;
        }
        let port_sets = PortSets::new(index, &var_of_name);
        Some(Self {
            var_of_name,
            count,
            port_sets,
        })
    }

    fn var_of(&self, read: &Read<'_>) -> Option<usize> {
        self.var_of_name
            .get(read.name_id as usize)
            .copied()
            .flatten()
    }

    /// A verdict for each read of `index.reads`. A search that visits more than `budget` nodes
    /// hands its variable to the fixpoint (0: the fixpoint decides everything).
    pub(super) fn verdicts(
        &self,
        index: &FlowIndex<'_>,
        entry: usize,
        budget: usize,
    ) -> Vec<Verdict> {
        let mut verdicts = vec![Verdict::Ignored; index.reads.len()];
        let mut is_hard = vec![false; self.count];
        let mut search = Search::new(index.flow.nodes.len());
        let mut pending = Vec::new();
        for (at, read) in index.reads.iter().enumerate() {
            let Some(var) = self.var_of(read) else {
                continue;
            };
            if !index.reachable.get(read.node()).copied().unwrap_or(false) {
                continue;
            }
            verdicts[at] = if is_set_above(index, read) {
                Verdict::Set
            } else if is_hard[var] {
                pending.push(at);
                continue;
            } else {
                match search.is_unset(index, &self.port_sets, entry, read.node(), var, budget) {
                    Some(true) => Verdict::MaybeUnset,
                    Some(false) => Verdict::Set,
                    None => {
                        is_hard[var] = true;
                        pending.push(at);
                        continue;
                    }
                }
            };
        }
        if pending.is_empty() {
            return verdicts;
        }
        // The hard variables, renumbered from 0, for a fixpoint with few columns.
        let mut renumber = vec![None; self.count];
        let mut hard = 0;
        for (var, slot) in renumber.iter_mut().enumerate() {
            if is_hard[var] {
                *slot = Some(hard);
                hard += 1;
            }
        }
        let fixpoint = Fixpoint::solve(index, &self.port_sets.restrict(&renumber), hard, entry);
        for at in pending {
            let Some(read) = index.reads.get(at) else {
                continue;
            };
            let Some(var) = self.var_of(read).and_then(|var| renumber[var]) else {
                continue;
            };
            verdicts[at] = if fixpoint.is_set(read.node(), var) {
                Verdict::Set
            } else {
                Verdict::MaybeUnset
            };
        }
        verdicts
    }

    /// Breadth first from the Entry along edges whose port does not set `var`: for each node so
    /// reached, the slot it was reached by (so one of the shortest such paths leads to it).
    fn came_by(&self, index: &FlowIndex<'_>, entry: usize, var: usize) -> Vec<Option<usize>> {
        let count = index.flow.nodes.len();
        let mut came_by: Vec<Option<usize>> = vec![None; count];
        let mut seen = vec![false; count];
        let mut queue = VecDeque::from([entry]);
        if let Some(flag) = seen.get_mut(entry) {
            *flag = true;
        }
        while let Some(node) = queue.pop_front() {
            for slot in index.slot_range(node) {
                let Some(next) = index.slots.get(slot).and_then(|slot| slot.target) else {
                    continue;
                };
                if self.port_sets.sets(slot, var) || seen.get(next).copied().unwrap_or(true) {
                    continue;
                }
                seen[next] = true;
                came_by[next] = Some(slot);
                queue.push_back(next);
            }
        }
        came_by
    }
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
        at = index.slots.get(slot)?.node;
        if path.len() > came_by.len() {
            return None;
        }
    }
    path.reverse();
    Some(path)
}

/// Whether the node itself sets what it reads first: a SetVariable entry reading an entry above
/// it, or a LiveChat's `closing_message` reading `live_chat.status` or its `result_variable`.
fn is_set_above(index: &FlowIndex<'_>, read: &Read<'_>) -> bool {
    let (Some(node), Place::Template { position }) =
        (index.flow.nodes.get(read.node()), read.place)
    else {
        return false;
    };
    match &node.kind {
        NodeKind::SetVariable { set } => set
            .keys()
            .take(position as usize)
            .any(|key| *key == read.name),
        // The closing message, the last template field, goes out once the conversation ended.
        NodeKind::LiveChat {
            extra_info,
            contact_info,
            result_variable,
            ..
        } => {
            position as usize == extra_info.len() + contact_info.len()
                && (read.name == "live_chat.status" || read.name == result_variable.trim())
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
    target: usize,
    var: usize,
) -> String {
    let route = render_path(index, path, target);
    // A node on the path that sets the variable, but not by the port the path takes.
    let partial = path.iter().find_map(|&slot| {
        let node = index.slots.get(slot)?.node;
        let ports: Vec<&str> = index
            .slot_range(node)
            .filter(|&other| analysis.port_sets.sets(other, var))
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
        "`{name}` may be empty here: on the path {route}, {what}{}; {MEND}",
        partial.unwrap_or_default()
    )
}
