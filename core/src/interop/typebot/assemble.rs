//! The blocks' pieces put together: node ids and positions (each group a column at its
//! coordinates), every exit resolved to a node (an End where Typebot's conversation ends), the
//! Entry, and the report of what became of each block.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use crate::flow::{Edge, Flow, KindTag, Node, NodeId, NodeKind};

use super::blocks::{self, Ctx, Exit, Piece};
use super::initial;
use super::names::{Names, Unique, slug};
use super::report::{BlockReport, BlockStatus, Issue, Item, Report, kind_name};
use super::source::{Export, Target, block_type, str_at};

/// The id of the imported flow's Entry.
pub(super) const ENTRY_ID: &str = "inicio";
/// The stem of the Ends made where a conversation ends.
const END_STEM: &str = "fim";
/// Width of a card on the canvas (the window draws every card this wide).
const CARD_WIDTH: f32 = 180.0;
/// Space between two stacked cards.
const GAP: f32 = 24.0;

/// A card's height on the canvas with `ports` output ports (the window's layout: header, body,
/// one row per port, a pad).
pub(super) fn card_height(ports: usize) -> f32 {
    26.0 + 44.0 + 20.0 * ports as f32 + 6.0
}

/// The flow before its team and scenario, the report so far, and a fitting reply per Ask.
pub(super) struct Built {
    pub flow: Flow,
    pub report: Report,
    pub samples: HashMap<NodeId, String>,
}

/// One step of following the flow through blocks that became no node.
#[derive(Clone, Copy, Debug)]
enum Walk<'w> {
    Entry(usize, usize),
    Next(usize, usize),
    Edge(&'w str),
    Target(Target<'w>),
}

/// Where a resolved exit leads.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Dest {
    Node(NodeId),
    /// The End of a group (made when first needed).
    End(usize),
    /// Nothing there (a missing group, block or edge): `what` names it.
    Missing(String),
    Nowhere,
}

struct Slot<'a> {
    piece: Piece<'a>,
    ids: Vec<NodeId>,
}

struct Assembler<'e, 'a> {
    export: &'e Export<'a>,
    slots: Vec<Vec<Slot<'a>>>,
    group_index: HashMap<&'a str, usize>,
    taken: Unique,
    nodes: Vec<Node>,
    /// Each group's End, once made, and where the next card of the group goes.
    ends: Vec<Option<NodeId>>,
    bottoms: Vec<f32>,
    /// More steps than a walk through every block and edge can take.
    walk_limit: usize,
    /// Missing targets already reported.
    missing_told: HashSet<String>,
    /// Block id -> (group, block), the first of each id.
    block_index: HashMap<&'a str, (usize, usize)>,
    /// Where a run entering a block ends up, once walked: long chains of Jumps and merged
    /// blocks are followed once, not once per exit that reaches them.
    entries: RefCell<HashMap<(usize, usize), Dest>>,
}

pub(super) fn build(export: &Export<'_>) -> Built {
    let mut names = Names::new(export.variables);
    let mut report = Report {
        typebot_name: export.name.to_owned(),
        version: export.version.clone(),
        ..Report::default()
    };
    if !matches!(export.version.as_str(), "6" | "6.1") {
        report.items.push(whole(Issue::Version {
            version: export.version.clone(),
        }));
    }
    for event in &export.other_events {
        report.items.push(whole(Issue::EventIgnored {
            event: event.clone(),
        }));
    }
    let (slots, start_block) = pieces(export, &mut names);
    let defaults = initial::defaults(export.variables, &mut names);
    report.variables = names.renamed().to_vec();
    let mut assembler = Assembler::new(export, slots);
    let entry_pos = export
        .start
        .map(|start| start.pos)
        .or_else(|| start_block.and_then(|(group, _)| export.groups.get(group).map(|g| g.pos)))
        .unwrap_or((0.0, 0.0));
    assembler.nodes.push(Node::new(
        ENTRY_ID,
        entry_pos,
        NodeKind::Entry { channels: vec![] },
    ));
    assembler.place();
    let mut edges = Vec::new();
    let entry_dest = match (export.start_edge(), start_block) {
        (Some(edge), _) => assembler.edge_target(edge),
        (None, Some((group, block))) => assembler.next_of(group, block),
        (None, None) => Dest::Nowhere,
    };
    match entry_dest {
        Dest::Nowhere | Dest::Missing(_) => report.items.push(whole(Issue::NoStart)),
        dest => {
            let group = start_block.map_or(0, |(group, _)| group);
            if let Some(to) = assembler.node_of(dest, group) {
                edges.push(Edge::new(ENTRY_ID, "next", to));
            }
        }
    }
    let mut samples = HashMap::new();
    for group_index in 0..assembler.slots.len() {
        for block_index in 0..assembler.slots[group_index].len() {
            assembler.connect(group_index, block_index, &mut edges);
            let slot = &assembler.slots[group_index][block_index];
            for (node, reply) in &slot.piece.samples {
                if let Some(id) = slot.ids.get(*node) {
                    samples.insert(id.clone(), reply.clone());
                }
            }
        }
    }
    assembler.report_blocks(&mut report);
    initial::add(&mut assembler.nodes, &mut edges, defaults, &mut report);
    report.overlaps = overlaps(&assembler.nodes);
    let flow = Flow {
        name: if export.name.trim().is_empty() {
            "Typebot".to_owned()
        } else {
            export.name.trim().to_owned()
        },
        nodes: assembler.nodes,
        edges,
        ..Flow::default()
    };
    Built {
        flow,
        report,
        samples,
    }
}

/// Each block's piece, by group; and where a v5-style `start` block stands, if any.
type Slots<'a> = (Vec<Vec<Slot<'a>>>, Option<(usize, usize)>);

fn pieces<'a>(export: &Export<'a>, names: &mut Names) -> Slots<'a> {
    let mut start_block = None;
    let mut slots = Vec::with_capacity(export.groups.len());
    for (group_index, group) in export.groups.iter().enumerate() {
        let mut pieces = Vec::with_capacity(group.blocks.len());
        let mut prompt = None;
        for (block_index, block) in group.blocks.iter().enumerate() {
            let block_id = str_at(block, "id").unwrap_or("");
            let next_is_question = group
                .blocks
                .get(block_index + 1)
                .is_some_and(blocks::is_question);
            let piece = if block_type(block) == "start" {
                if start_block.is_none() {
                    start_block = Some((group_index, block_index));
                }
                Piece::forward(Exit::Next, BlockStatus::Edge)
            } else if block_type(block) == "text"
                && next_is_question
                && export.edge_from(block_id, block, None).is_none()
                && !blocks::text_bubble(block).trim().is_empty()
            {
                let mut issues = Vec::new();
                let cx = Ctx {
                    export,
                    names: &mut *names,
                    block_id,
                    block,
                    prompt: None,
                    group_title: group.title,
                };
                prompt = Some(cx.text(&blocks::text_bubble(block), &mut issues));
                let mut piece = Piece::forward(Exit::Next, BlockStatus::Merged);
                piece.issues = issues;
                piece
            } else {
                let mut cx = Ctx {
                    export,
                    names: &mut *names,
                    block_id,
                    block,
                    prompt: prompt.take(),
                    group_title: group.title,
                };
                blocks::piece(&mut cx)
            };
            pieces.push(Slot {
                piece,
                ids: Vec::new(),
            });
        }
        slots.push(pieces);
    }
    (slots, start_block)
}

/// An item about the export as a whole.
fn whole(issue: Issue) -> Item {
    Item {
        block_id: None,
        block_type: String::new(),
        group: String::new(),
        node: None,
        issue,
    }
}

impl<'e, 'a> Assembler<'e, 'a> {
    fn new(export: &'e Export<'a>, slots: Vec<Vec<Slot<'a>>>) -> Assembler<'e, 'a> {
        let mut block_index = HashMap::new();
        for (group_index, group) in export.groups.iter().enumerate() {
            for (index, block) in group.blocks.iter().enumerate() {
                if let Some(id) = str_at(block, "id") {
                    block_index.entry(id).or_insert((group_index, index));
                }
            }
        }
        let mut taken = Unique::default();
        taken.reserve(ENTRY_ID);
        taken.reserve(initial::INITIAL_ID);
        let walk_limit = 2 * slots.iter().map(Vec::len).sum::<usize>() + export.edge_count() + 4;
        Assembler {
            export,
            group_index: export
                .groups
                .iter()
                .enumerate()
                .map(|(index, group)| (group.id, index))
                .collect(),
            slots,
            taken,
            nodes: Vec::new(),
            ends: vec![None; export.groups.len()],
            bottoms: Vec::new(),
            walk_limit,
            missing_told: HashSet::new(),
            block_index,
            entries: RefCell::new(HashMap::new()),
        }
    }
}

impl<'a> Assembler<'_, 'a> {
    /// Gives every piece's nodes their ids and positions: a column per group.
    fn place(&mut self) {
        let mut group_stems = Unique::default();
        for (group_index, group) in self.export.groups.iter().enumerate() {
            let mut stem = slug(group.title);
            if stem.is_empty() {
                "grupo".clone_into(&mut stem);
            }
            let unique = group_stems.take(&stem);
            let (x, mut y) = group.pos;
            let mut count = 0;
            for slot in &mut self.slots[group_index] {
                for kind in std::mem::take(&mut slot.piece.nodes) {
                    count += 1;
                    let id = self.taken.take(&format!("{unique}_{count}"));
                    let height = card_height(kind.ports().len());
                    self.nodes.push(Node::new(id.clone(), (x, y), kind));
                    slot.ids.push(id);
                    y += height + GAP;
                }
            }
            self.bottoms.push(y);
        }
    }

    /// The node a destination is, making a group's End when it is first needed; a missing
    /// target ends in the End of the group it was reached from.
    fn node_of(&mut self, dest: Dest, from_group: usize) -> Option<NodeId> {
        let group = match dest {
            Dest::Node(id) => return Some(id),
            Dest::Nowhere => return None,
            Dest::End(group) => group,
            Dest::Missing(_) => from_group,
        };
        if let Some(Some(id)) = self.ends.get(group) {
            return Some(id.clone());
        }
        let x = self.export.groups.get(group)?.pos.0;
        let y = self.bottoms.get(group).copied().unwrap_or(0.0);
        let id = self.taken.take(END_STEM);
        self.nodes.push(Node::new(
            id.clone(),
            (x, y),
            NodeKind::End {
                message: String::new(),
            },
        ));
        if let Some(bottom) = self.bottoms.get_mut(group) {
            *bottom += card_height(0) + GAP;
        }
        if let Some(end) = self.ends.get_mut(group) {
            *end = Some(id.clone());
        }
        Some(id)
    }

    /// What Typebot does after block `block` of group `group`: its own edge, else the next
    /// block, else the end.
    fn next_of(&self, group: usize, block: usize) -> Dest {
        self.walk(Walk::Next(group, block))
    }

    fn edge_target(&self, edge: &'a str) -> Dest {
        self.walk(Walk::Edge(edge))
    }

    /// Where a run entering block `block` of group `group` goes: its first node, or where the
    /// block forwards to.
    fn entry_of(&self, group: usize, block: usize) -> Dest {
        self.walk(Walk::Entry(group, block))
    }

    /// Where an exit of block `block` of group `group` leads.
    fn resolve(&self, exit: Exit<'a>, group: usize, block: usize) -> Dest {
        match self.step_of(exit, group, block) {
            Ok(walk) => self.walk(walk),
            Err(dest) => dest,
        }
    }

    /// The first step of following an exit, or where it ends at once.
    fn step_of(&self, exit: Exit<'a>, group: usize, block: usize) -> Result<Walk<'a>, Dest> {
        match exit {
            Exit::Next => Ok(Walk::Next(group, block)),
            Exit::Edge(edge) => Ok(Walk::Edge(edge)),
            Exit::To(target) => Ok(Walk::Target(target)),
            Exit::Own(node) => Err(self
                .slots
                .get(group)
                .and_then(|g| g.get(block))
                .and_then(|slot| slot.ids.get(node))
                .map_or(Dest::Nowhere, |id| Dest::Node(id.clone()))),
            Exit::Nowhere => Err(Dest::Nowhere),
        }
    }

    /// Follows edges, Jumps and blocks that became no node until a node (or an end). A walk
    /// longer than the export has blocks and edges goes round a loop of Jumps: it ends there.
    fn walk(&self, mut step: Walk<'a>) -> Dest {
        let mut entered = Vec::new();
        let mut result = Dest::Missing("Jump".to_owned());
        for _ in 0..self.walk_limit {
            let next = match step {
                Walk::Entry(group, block) => {
                    if let Some(dest) = self.entries.borrow().get(&(group, block)) {
                        result = dest.clone();
                        break;
                    }
                    entered.push((group, block));
                    self.enter(group, block)
                }
                Walk::Next(group, block) => self.after(group, block),
                Walk::Edge(edge) => match self.export.edge(edge) {
                    Some(target) => Ok(Walk::Target(target)),
                    None => Err(Dest::Missing(edge.to_owned())),
                },
                Walk::Target(target) => self.target(target),
            };
            match next {
                Ok(next) => step = next,
                Err(dest) => {
                    result = dest;
                    break;
                }
            }
        }
        let mut entries = self.entries.borrow_mut();
        for key in entered {
            entries.insert(key, result.clone());
        }
        result
    }

    /// Entering a block: its first node, or where it forwards to.
    fn enter(&self, group: usize, block: usize) -> Result<Walk<'a>, Dest> {
        let Some(slot) = self.slots.get(group).and_then(|g| g.get(block)) else {
            return Err(Dest::End(group));
        };
        if let Some(id) = slot.ids.first() {
            return Err(Dest::Node(id.clone()));
        }
        match slot.piece.forward {
            Some(exit) => self.step_of(exit, group, block),
            None => Ok(Walk::Next(group, block)),
        }
    }

    /// After a block: its own edge, else the next block, else the group's end.
    fn after(&self, group: usize, block: usize) -> Result<Walk<'a>, Dest> {
        let blocks = self.export.groups.get(group).map_or(&[][..], |g| g.blocks);
        let Some(value) = blocks.get(block) else {
            return Err(Dest::End(group));
        };
        let block_id = str_at(value, "id").unwrap_or("");
        match self.export.edge_from(block_id, value, None) {
            Some(edge) => Ok(Walk::Edge(edge)),
            None if block + 1 < blocks.len() => Ok(Walk::Entry(group, block + 1)),
            None => Err(Dest::End(group)),
        }
    }

    /// A group (and block) an edge or Jump names.
    fn target(&self, target: Target<'a>) -> Result<Walk<'a>, Dest> {
        let Some(&group) = self.group_index.get(target.group) else {
            return Err(Dest::Missing(target.group.to_owned()));
        };
        let block = match target.block {
            Some(id) => match self.block_index.get(id) {
                Some(&(in_group, index)) if in_group == group => index,
                _ => return Err(Dest::Missing(id.to_owned())),
            },
            None => 0,
        };
        let is_empty = self
            .export
            .groups
            .get(group)
            .is_none_or(|g| g.blocks.is_empty());
        if is_empty {
            return Err(Dest::End(group));
        }
        Ok(Walk::Entry(group, block))
    }

    /// The edges of one block's nodes.
    fn connect(&mut self, group: usize, block: usize, edges: &mut Vec<Edge>) {
        let Some(slot) = self.slots.get(group).and_then(|g| g.get(block)) else {
            return;
        };
        let exits = slot.piece.exits.clone();
        let ids = slot.ids.clone();
        let forward = slot.piece.forward;
        let mut missing = Vec::new();
        for (node, port, exit) in exits {
            let Some(from) = ids.get(node) else {
                continue;
            };
            let dest = self.resolve(exit, group, block);
            if let Dest::Missing(what) = &dest {
                missing.push(what.clone());
            }
            if let Some(to) = self.node_of(dest, group) {
                edges.push(Edge::new(from.clone(), port, to));
            }
        }
        if ids.is_empty()
            && let Some(exit) = forward
            && let Dest::Missing(what) = self.resolve(exit, group, block)
        {
            missing.push(what);
        }
        // Each missing target is told once, on the first block whose way it cuts short.
        missing.retain(|target| self.missing_told.insert(target.clone()));
        if let Some(slot) = self.slots.get_mut(group).and_then(|g| g.get_mut(block)) {
            for target in missing {
                slot.piece.issue(Issue::MissingTarget { target });
            }
        }
    }

    /// One report line per block, and the items not carried over.
    fn report_blocks(&self, report: &mut Report) {
        let kinds: HashMap<&str, KindTag> = self
            .nodes
            .iter()
            .map(|node| (node.id.as_str(), node.kind.tag()))
            .collect();
        for (group_index, group) in self.export.groups.iter().enumerate() {
            for (block_index, block) in group.blocks.iter().enumerate() {
                let Some(slot) = self.slots.get(group_index).and_then(|g| g.get(block_index))
                else {
                    continue;
                };
                let block_id = str_at(block, "id").unwrap_or("").to_owned();
                let block_type = block_type(block).to_owned();
                let node = match slot.ids.first() {
                    Some(id) => Some(id.clone()),
                    None if slot.piece.status == BlockStatus::Merged => {
                        match self.entry_of(group_index, block_index) {
                            Dest::Node(id) => Some(id),
                            _ => None,
                        }
                    }
                    None => None,
                };
                let kind = node
                    .as_deref()
                    .and_then(|id| kinds.get(id))
                    .map(|tag| kind_name(*tag));
                for issue in &slot.piece.issues {
                    report.items.push(Item {
                        block_id: Some(block_id.clone()),
                        block_type: block_type.clone(),
                        group: group.title.to_owned(),
                        node: node.clone(),
                        issue: issue.clone(),
                    });
                }
                report.blocks.push(BlockReport {
                    block_id,
                    block_type,
                    group: group.title.to_owned(),
                    node,
                    kind,
                    status: slot.piece.status,
                });
            }
        }
    }
}

/// Counting overlaps stops here: past it the layout needs tidying up whatever the number.
const MAX_OVERLAPS: usize = 9_999;

/// How many pairs of cards overlap (at most [`MAX_OVERLAPS`]). Cards go in a grid of cells of a
/// card's width; a pair is counted in the cell that holds the top left corner of where they
/// overlap, so each pair once.
pub(super) fn overlaps(nodes: &[Node]) -> usize {
    const CELL: f32 = CARD_WIDTH;
    let rects: Vec<(f32, f32, f32, f32)> = nodes
        .iter()
        .map(|node| {
            let (x, y) = node.pos;
            (
                x,
                y,
                x + CARD_WIDTH,
                y + card_height(node.kind.ports().len()),
            )
        })
        .collect();
    let cell = |v: f32| (v / CELL).floor() as i64;
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (index, rect) in rects.iter().enumerate() {
        for cx in cell(rect.0)..=cell(rect.2) {
            for cy in cell(rect.1)..=cell(rect.3) {
                grid.entry((cx, cy)).or_default().push(index);
            }
        }
    }
    let mut count = 0;
    for (&(cx, cy), members) in &grid {
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                let (ra, rb) = (rects[a], rects[b]);
                let left = ra.0.max(rb.0);
                let top = ra.1.max(rb.1);
                let is_overlap = left < ra.2.min(rb.2) && top < ra.3.min(rb.3);
                if is_overlap && cell(left) == cx && cell(top) == cy {
                    count += 1;
                    if count >= MAX_OVERLAPS {
                        return count;
                    }
                }
            }
        }
    }
    count
}
