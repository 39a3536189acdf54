//! The parts of one pass over the nodes joined into one index, in node order: ids and names
//! numbered again for the whole flow (a part numbers its own), slots and reads appended.

use crate::flow::{Flow, KindTag};

use super::ids::NodeIds;
use super::part::{Part, number};
use super::{FlowIndex, NONE};

/// One index from the ids and the parts (in node order). The edges are not linked yet.
pub(super) fn join<'a>(flow: &'a Flow, ids: NodeIds, parts: Vec<Part<'a>>) -> FlowIndex<'a> {
    let mut parts = parts.into_iter();
    let mut whole = match parts.next() {
        Some(first) => first,
        None => Part::scan(flow, 0..0, &mut |_, _| {}),
    };
    let rest: Vec<Part<'a>> = parts.collect();
    reserve(&mut whole, &rest);
    for part in &rest {
        append(&mut whole, part);
    }
    index_of(flow, ids, whole)
}

/// Room in `whole` for every part of `rest`: grown once, not doubled and copied part by part.
fn reserve(whole: &mut Part<'_>, rest: &[Part<'_>]) {
    let total = |size: fn(&Part<'_>) -> usize| rest.iter().map(size).sum::<usize>();
    whole.kinds.reserve(total(|part| part.kinds.len()));
    // One more for the closing offset `index_of` appends.
    whole
        .port_start
        .reserve(total(|part| part.port_start.len()) + 1);
    whole.slot_node.reserve(total(|part| part.slot_node.len()));
    whole.reads.reserve(total(|part| part.reads.len()));
    whole
        .slot_set_start
        .reserve(total(|part| part.slot_set_start.len()));
    whole.slot_sets.reserve(total(|part| part.slot_sets.len()));
}

/// Appends `part` (the nodes right after `whole`'s) to `whole`.
fn append<'a>(whole: &mut Part<'a>, part: &Part<'a>) {
    let remap = |map: &[u32], k: u32| map.get(k as usize).copied().unwrap_or(u32::MAX);
    whole.kinds.extend_from_slice(&part.kinds);
    let slot_shift = number(whole.slot_node.len());
    whole
        .port_start
        .extend(part.port_start.iter().map(|&start| start + slot_shift));
    whole.slot_node.extend_from_slice(&part.slot_node);
    let name_map = whole.names.absorb(&part.names);
    whole
        .reads
        .extend(part.reads.iter().map(|read| super::Read {
            name_id: remap(&name_map, read.name_id),
            ..*read
        }));
    let set_shift = number(whole.slot_sets.len());
    whole
        .slot_set_start
        .extend(part.slot_set_start.iter().map(|&start| start + set_shift));
    whole
        .slot_sets
        .extend(part.slot_sets.iter().map(|&k| remap(&name_map, k)));
    whole.broken.extend_from_slice(&part.broken);
    whole.requests.extend_from_slice(&part.requests);
    whole.nodes.end = part.nodes.end;
}

/// The index of a part that covers every node.
fn index_of<'a>(flow: &'a Flow, ids: NodeIds, whole: Part<'a>) -> FlowIndex<'a> {
    let count = whole.kinds.len();
    let entry = whole.kinds.iter().position(|&kind| kind == KindTag::Entry);
    let slots = whole.slot_node.len();
    let mut port_start = whole.port_start;
    port_start.push(number(slots));
    let (slot_set_start, slot_sets) =
        read_sets_only(&whole.names, &whole.slot_set_start, &whole.slot_sets);
    FlowIndex {
        flow,
        ids,
        kinds: whole.kinds,
        entry,
        port_start,
        slot_node: whole.slot_node,
        slot_edge: vec![NONE; slots],
        targets: vec![NONE; slots],
        edge_problems: Vec::new(),
        pred_start: Vec::new(),
        preds: Vec::new(),
        reachable: vec![false; count],
        reads: whole.reads,
        names: whole.names,
        slot_set_start,
        slot_sets,
        broken: whole.broken,
        requests: whole.requests,
    }
}

/// What each slot sets, keeping only names some node reads (the others matter to no check),
/// with the closing offset appended.
fn read_sets_only(names: &super::Names, starts: &[u32], sets: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let mut kept_start = Vec::with_capacity(starts.len() + 1);
    let mut kept = Vec::with_capacity(sets.len());
    for (slot, &start) in starts.iter().enumerate() {
        let end = starts.get(slot + 1).map_or(sets.len(), |&end| end as usize);
        kept_start.push(number(kept.len()));
        let slot_sets = sets.get(start as usize..end).unwrap_or(&[]);
        kept.extend(slot_sets.iter().filter(|&&name| names.is_read(name)));
    }
    kept_start.push(number(kept.len()));
    (kept_start, kept)
}
