//! `maybe-unset-variable`: some path a run can take from the Entry reaches a read of a variable
//! without setting it.
//!
//! - Why: on that path the name expands to "" (the simulator warns), so the contact reads a
//!   blank or a Condition compares nothing.
//! - Example: an Ask saves `nome` only when it leaves by `answered`, and the End after its
//!   `invalid` port says `{{nome}}`.
//! - Mend: set it on every path that leads there (a SetVariable before the branch can give it
//!   a default), or read it only where it is set. The finding shows one shortest such path
//!   (its last six hops) for the first twenty variables, and names a node on it that sets the
//!   variable only by another port.
//!
//! Followed: flow variables, `http.*` and `live_chat.status` that some node sets (a name set
//! nowhere is `unknown-variable`), read at nodes a run reaches. A node reads before it sets,
//! except a SetVariable, whose entries may read the ones above them, and a LiveChat's closing
//! message, sent once the conversation ended (`live_chat.status` and `result_variable` are set
//! by then). The analysis is `definitely_set`.

use std::collections::VecDeque;

use crate::check::definitely_set::{BLOCK, DefinitelySet, reverse_postorder};
use crate::check::finding::{Args, Code, Reason, Severity};
use crate::check::flow_index::{FlowIndex, Place, Read};
use crate::check::names::Name;
use crate::check::sink::Sink;
use crate::flow::NodeKind;

/// Variables whose findings show a whole path (a path costs a search of the graph); findings
/// about later ones say less.
const PATHS_SHOWN: usize = 20;
/// Hops of a path shown in a finding; longer paths show their end.
const HOPS_SHOWN: usize = 6;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let Some(entry) = index.entry else {
        return;
    };
    // The variables followed, numbered in the order first read. Most reads come right after the
    // port that sets their variable (an Ask's answer read by the Condition after it): such a read
    // is set on every path, and a variable all of whose reads are so needs no fixpoint.
    let mut var_of_name: Vec<Option<usize>> = vec![None; index.names.len()];
    let mut count = 0;
    for read in &index.reads {
        let is_followed = index.names.kind(read.name_id) == Name::Tracked
            && index.is_set.get(read.name_id).copied().unwrap_or(false);
        if let Some(slot @ None) = var_of_name.get_mut(read.name_id)
            && is_followed
            && index.is_reachable(read.node)
            && !is_set_above(index, read)
            && !is_set_by_every_edge_in(index, read)
        {
            *slot = Some(count);
            count += 1;
        }
    }
    if count == 0 {
        return;
    }
    let var_of = |read: &Read<'_>| var_of_name.get(read.name_id).copied().flatten();
    let port_sets: Vec<Vec<usize>> = (0..index.slots.len())
        .map(|slot| {
            index
                .sets_on(slot)
                .iter()
                .filter_map(|&name| var_of_name.get(name).copied().flatten())
                .collect()
        })
        .collect();
    let order = reverse_postorder(index, entry);
    let mut is_unset = vec![false; index.reads.len()];
    for first in (0..count).step_by(BLOCK) {
        let solved = DefinitelySet::solve(index, &port_sets, &order, entry, first);
        for (at, read) in index.reads.iter().enumerate() {
            let Some(var) = var_of(read).filter(|var| (first..first + BLOCK).contains(var)) else {
                continue;
            };
            if index.is_reachable(read.node)
                && !is_set_above(index, read)
                && !is_set_by_every_edge_in(index, read)
                && !solved.is_set(read.node, var, first)
                && let Some(flag) = is_unset.get_mut(at)
            {
                *flag = true;
            }
        }
    }
    // One search of the graph per variable gives the paths of all its findings.
    let mut paths: Vec<Option<Vec<Option<usize>>>> = vec![None; count];
    let mut paths_left = PATHS_SHOWN;
    for (read, _) in index
        .reads
        .iter()
        .zip(&is_unset)
        .filter(|(_, unset)| **unset)
    {
        let Some(var) = var_of(read) else {
            continue;
        };
        let came_by = match paths.get_mut(var) {
            Some(Some(came_by)) => Some(&*came_by),
            Some(slot @ None) if paths_left > 0 => {
                paths_left -= 1;
                Some(&*slot.insert(came_by(index, &port_sets, entry, var)))
            }
            _ => None,
        };
        let path = came_by.and_then(|came_by| path_to(index, came_by, entry, read.node));
        let (variant, args) = match path {
            Some(path) => path_args(index, &port_sets, read, &path, var),
            None => ("no-path", Args::new().text("name", read.name)),
        };
        sink.node(
            read.node,
            Severity::Warning,
            Code::MaybeUnsetVariable,
            Some(read.path()),
            variant,
            args,
        );
    }
}

/// Whether the node itself sets what it reads first: a SetVariable entry reading an entry above
/// it, or a LiveChat's `closing_message` reading `live_chat.status` or its `result_variable`.
fn is_set_above(index: &FlowIndex<'_>, read: &Read<'_>) -> bool {
    let (Some(node), Place::Template { position }) = (index.flow.nodes.get(read.node), read.place)
    else {
        return false;
    };
    match &node.kind {
        NodeKind::SetVariable { set } => {
            set.get_index_of(read.name).is_some_and(|at| at < position)
        }
        // The closing message, the last template field, goes out once the conversation ended.
        NodeKind::LiveChat {
            extra_info,
            contact_info,
            result_variable,
            ..
        } => {
            position == extra_info.len() + contact_info.len()
                && (read.name == "live_chat.status" || read.name == result_variable.trim())
        }
        _ => false,
    }
}

/// Whether every edge into the reading node from a node a run reaches leaves by a port that
/// sets the name (the Entry, where a run starts with nothing set, never).
fn is_set_by_every_edge_in(index: &FlowIndex<'_>, read: &Read<'_>) -> bool {
    if index.entry == Some(read.node) {
        return false;
    }
    let mut edges_in = index
        .preds_of(read.node)
        .iter()
        .filter(|&&slot| {
            index
                .slot(slot)
                .is_some_and(|slot| index.is_reachable(slot.node))
        })
        .peekable();
    edges_in.peek().is_some() && edges_in.all(|&slot| index.sets_on(slot).contains(&read.name_id))
}

/// Breadth first from the Entry along edges whose port does not set `var`: for each node so
/// reached, the slot it was reached by (so one of the shortest such paths leads to it).
fn came_by(
    index: &FlowIndex<'_>,
    port_sets: &[Vec<usize>],
    entry: usize,
    var: usize,
) -> Vec<Option<usize>> {
    let count = index.flow.nodes.len();
    let mut came_by: Vec<Option<usize>> = vec![None; count];
    let mut seen = vec![false; count];
    let mut queue = VecDeque::from([entry]);
    if let Some(flag) = seen.get_mut(entry) {
        *flag = true;
    }
    while let Some(node) = queue.pop_front() {
        for slot in index.slot_range(node) {
            let Some(next) = index.slot(slot).and_then(|slot| slot.target) else {
                continue;
            };
            let sets = port_sets.get(slot).is_some_and(|vars| vars.contains(&var));
            if sets || seen.get(next).copied().unwrap_or(true) {
                continue;
            }
            if let Some(flag) = seen.get_mut(next) {
                *flag = true;
            }
            if let Some(place) = came_by.get_mut(next) {
                *place = Some(slot);
            }
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
        at = index.slot(slot)?.node;
        if path.len() > came_by.len() {
            return None;
        }
    }
    path.reverse();
    Some(path)
}

/// The finding's wording and arguments for a read unset on `path`.
fn path_args(
    index: &FlowIndex<'_>,
    port_sets: &[Vec<usize>],
    read: &Read<'_>,
    path: &[usize],
    var: usize,
) -> (&'static str, Args) {
    // `inicio -next-> pergunta -invalid-> aviso`, the last hops: ids and ports, in any language.
    let skipped = path.len().saturating_sub(HOPS_SHOWN);
    let mut route = String::new();
    if skipped > 0 {
        route.push_str("... ");
    }
    for slot in path
        .iter()
        .skip(skipped)
        .filter_map(|&slot| index.slot(slot))
    {
        route.push_str(index.id(slot.node));
        route.push_str(" -");
        route.push_str(slot.port);
        route.push_str("-> ");
    }
    route.push_str(index.id(read.node));
    // A node on the path that sets the variable, but not by the port the path takes (an Ask
    // by `answered`, a Request by `ok`: one port).
    let partial = path.iter().find_map(|&slot| {
        let node = index.slot(slot)?.node;
        let port = index.slot_range(node).find_map(|other| {
            let sets = port_sets.get(other)?.contains(&var);
            sets.then(|| index.slot(other).map(|slot| slot.port))?
        })?;
        Some(Reason::new(
            "maybe-unset",
            "partial",
            Args::new().text("node", index.id(node)).text("port", port),
        ))
    });
    let partial = partial.unwrap_or_else(|| Reason::new("maybe-unset", "none", Args::new()));
    let variant = if read.name.starts_with("http.") {
        "http"
    } else {
        ""
    };
    (
        variant,
        Args::new()
            .text("name", read.name)
            .text("route", route)
            .reason("partial", partial),
    )
}
