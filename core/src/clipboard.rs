//! Nodes on the clipboard: copying selected nodes (with the wires among them) as RON text, and
//! pasting that text into a flow with fresh readable ids.
//!
//! The text is a small RON value, `(fluxo_clipboard: 1, nodes: [...], edges: [...])`, written as
//! a flow file writes nodes and edges, so that nodes move between windows and files and a user
//! can read what was copied. Pasting refuses any other text with a clear message. The Entry node
//! is never copied nor pasted: a flow has exactly one.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::edit::Command;
use crate::file::{self, FileError, Format, ParseError};
use crate::flow::{Edge, Flow, KindTag, Node, NodeId, is_valid_id};

/// The clipboard format this build writes; a newer number is refused by name.
pub const CLIPBOARD_VERSION: u32 = 1;

/// Copied nodes and the wires among them, as the clipboard text holds them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clip {
    /// Marks the text as fluxo's; see [`CLIPBOARD_VERSION`].
    pub fluxo_clipboard: u32,
    #[serde(default)]
    pub nodes: Vec<Node>,
    #[serde(default)]
    pub edges: Vec<Edge>,
}

/// What [`Clip::copy`] took.
#[derive(Clone, Debug, PartialEq)]
pub struct Copied {
    pub clip: Clip,
    /// The Entry was among the ids and was left out.
    pub skipped_entry: bool,
}

/// What [`Clip::paste`] would add to a flow.
#[derive(Clone, Debug, PartialEq)]
pub struct Pasted {
    /// The nodes with their fresh ids and shifted positions, in clipboard order.
    pub nodes: Vec<Node>,
    /// The wires among them, renamed.
    pub edges: Vec<Edge>,
    /// The clipboard held an Entry, which was not pasted.
    pub skipped_entry: bool,
}

impl Pasted {
    /// The one undo step that adds the pasted nodes.
    pub fn command(&self) -> Command {
        Command::AddNodes {
            nodes: self.nodes.clone(),
            edges: self.edges.clone(),
        }
    }

    pub fn ids(&self) -> Vec<NodeId> {
        self.nodes.iter().map(|node| node.id.clone()).collect()
    }
}

/// Why a text cannot be pasted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClipError {
    #[error("the clipboard holds no fluxo nodes: copy nodes in fluxo first (Ctrl+C)")]
    NotFluxo,
    #[error(
        "these nodes were copied by a newer fluxo (clipboard format {0}, this one reads {CLIPBOARD_VERSION}): update fluxo to paste them"
    )]
    TooNew(u32),
    #[error("the copied nodes cannot be read: {0}")]
    Invalid(ParseError),
}

impl Clip {
    /// The nodes of `flow` named in `ids` (in flow order, the Entry left out) and the edges whose
    /// both ends are among them. Unknown ids are ignored.
    pub fn copy(flow: &Flow, ids: &[NodeId]) -> Copied {
        let wanted: HashSet<&str> = ids.iter().map(String::as_str).collect();
        let mut skipped_entry = false;
        let nodes: Vec<Node> = flow
            .nodes
            .iter()
            .filter(|node| wanted.contains(node.id.as_str()))
            .filter(|node| {
                let is_entry = node.kind.tag() == KindTag::Entry;
                skipped_entry |= is_entry;
                !is_entry
            })
            .cloned()
            .collect();
        let copied: HashSet<&str> = nodes.iter().map(|node| node.id.as_str()).collect();
        let edges = flow
            .edges
            .iter()
            .filter(|edge| copied.contains(edge.from.as_str()) && copied.contains(edge.to.as_str()))
            .cloned()
            .collect();
        Copied {
            clip: Clip {
                fluxo_clipboard: CLIPBOARD_VERSION,
                nodes,
                edges,
            },
            skipped_entry,
        }
    }

    /// The clipboard text: RON, as a flow file writes nodes.
    pub fn to_text(&self) -> Result<String, FileError> {
        file::to_text_any(self, Format::Ron)
    }

    /// Reads clipboard text. Anything but fluxo's clipboard RON is refused.
    pub fn parse(text: &str) -> Result<Clip, ClipError> {
        #[derive(Deserialize)]
        struct Probe {
            fluxo_clipboard: u32,
        }
        match file::parse_ron::<Clip>(text) {
            Ok((clip, _unknown)) if clip.fluxo_clipboard > CLIPBOARD_VERSION => {
                Err(ClipError::TooNew(clip.fluxo_clipboard))
            }
            Ok((clip, _unknown)) if clip.fluxo_clipboard == 0 => Err(ClipError::NotFluxo),
            Ok((clip, _unknown)) => Ok(clip),
            Err(err) => {
                // A newer version may not parse as this one: name the version if it can be read.
                match file::parse_ron::<Probe>(text) {
                    Ok((probe, _)) if probe.fluxo_clipboard > CLIPBOARD_VERSION => {
                        Err(ClipError::TooNew(probe.fluxo_clipboard))
                    }
                    Ok(_) => Err(ClipError::Invalid(err)),
                    Err(_) => Err(ClipError::NotFluxo),
                }
            }
        }
    }

    /// The bounding box of the nodes' positions (their top-left corners): `(min, max)`.
    pub fn bounds(&self) -> Option<((f32, f32), (f32, f32))> {
        let first = self.nodes.first()?.pos;
        Some(self.nodes.iter().fold((first, first), |(min, max), node| {
            (
                (min.0.min(node.pos.0), min.1.min(node.pos.1)),
                (max.0.max(node.pos.0), max.1.max(node.pos.1)),
            )
        }))
    }

    /// The nodes as they would be pasted into `flow`: moved by `shift` (rounded to whole units),
    /// with readable ids unique in `flow` (`consulta` stays `consulta` when free, else becomes
    /// `consulta_2`, `consulta_3`...), the wires among them renamed alike. An Entry is left out,
    /// and so is a wire from a port its node lacks or a second wire from one port.
    pub fn paste(&self, flow: &Flow, shift: (f32, f32)) -> Pasted {
        let mut used: HashSet<String> = flow.nodes.iter().map(|node| node.id.clone()).collect();
        let mut renamed: HashMap<&str, NodeId> = HashMap::new();
        let mut nodes = Vec::with_capacity(self.nodes.len());
        let mut skipped_entry = false;
        for node in &self.nodes {
            if node.kind.tag() == KindTag::Entry {
                skipped_entry = true;
                continue;
            }
            if renamed.contains_key(node.id.as_str()) {
                // A second node with the same id in the clipboard: edges cannot tell them apart.
                continue;
            }
            let id = fresh_id(&node.id, node.kind.tag(), &used);
            used.insert(id.clone());
            renamed.insert(node.id.as_str(), id.clone());
            nodes.push(Node {
                id,
                pos: (
                    (node.pos.0 + shift.0).round(),
                    (node.pos.1 + shift.1).round(),
                ),
                kind: node.kind.clone(),
                note: node.note.clone(),
            });
        }
        let mut ports_taken = HashSet::new();
        let edges = self
            .edges
            .iter()
            .filter_map(|edge| {
                let from = renamed.get(edge.from.as_str())?;
                let to = renamed.get(edge.to.as_str())?;
                let source = nodes.iter().find(|node| &node.id == from)?;
                if !source.kind.has_port(&edge.port)
                    || !ports_taken.insert((from.clone(), edge.port.clone()))
                {
                    return None;
                }
                Some(Edge::new(from.clone(), edge.port.clone(), to.clone()))
            })
            .collect();
        Pasted {
            nodes,
            edges,
            skipped_entry,
        }
    }
}

/// `pergunta_2` -> `pergunta`; `consulta` -> `consulta`.
pub fn id_stem(id: &str) -> &str {
    match id.rsplit_once('_') {
        Some((stem, number))
            if !stem.is_empty()
                && !number.is_empty()
                && number.bytes().all(|b| b.is_ascii_digit()) =>
        {
            stem
        }
        _ => id,
    }
}

/// `wanted` when it is a valid id not in `used`; else its stem (or the kind's, for an invalid id)
/// with the smallest free number from 2.
fn fresh_id(wanted: &str, tag: KindTag, used: &HashSet<String>) -> NodeId {
    if is_valid_id(wanted) && !used.contains(wanted) {
        return wanted.to_owned();
    }
    let stem = if is_valid_id(wanted) {
        id_stem(wanted)
    } else {
        tag.id_stem()
    };
    // Among `used.len() + 1` candidates at least one is free.
    (2..=used.len() + 2)
        .map(|n| format!("{stem}_{n}"))
        .find(|id| !used.contains(id))
        .unwrap_or_else(|| format!("{stem}_{}", used.len() + 3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::NodeKind;

    fn flow() -> Flow {
        let mut flow = Flow::new("t");
        flow.nodes.push(Node::new(
            "consulta",
            (100.0, 0.0),
            KindTag::Request.default_kind(),
        ));
        flow.nodes.push(Node::new(
            "fila",
            (300.0, 50.0),
            NodeKind::Queue {
                queue: "Atendimento".into(),
                message: "Já vamos atender.".into(),
            },
        ));
        flow.nodes.push(Node::new(
            "fim",
            (300.0, 200.0),
            KindTag::End.default_kind(),
        ));
        flow.edges.push(Edge::new("inicio", "next", "consulta"));
        flow.edges.push(Edge::new("consulta", "error", "fila"));
        flow.edges.push(Edge::new("consulta", "ok", "fim"));
        flow
    }

    fn ids(list: &[&str]) -> Vec<NodeId> {
        list.iter().map(|id| (*id).to_owned()).collect()
    }

    #[test]
    fn copy_takes_the_nodes_and_the_wires_among_them_but_not_the_entry() {
        let copied = Clip::copy(&flow(), &ids(&["inicio", "consulta", "fila"]));
        assert!(copied.skipped_entry);
        let clip = copied.clip;
        let names: Vec<&str> = clip.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(names, ["consulta", "fila"]);
        assert_eq!(clip.edges, vec![Edge::new("consulta", "error", "fila")]);
    }

    #[test]
    fn the_text_round_trips_and_names_itself() {
        let clip = Clip::copy(&flow(), &ids(&["consulta", "fila", "fim"])).clip;
        let text = clip.to_text().unwrap();
        assert!(text.contains("fluxo_clipboard: 1"), "{text}");
        assert_eq!(Clip::parse(&text).unwrap(), clip);
    }

    #[test]
    fn pasting_into_the_same_flow_gives_readable_fresh_ids_and_keeps_the_wires() {
        let flow = flow();
        let clip = Clip::copy(&flow, &ids(&["consulta", "fila"])).clip;
        let pasted = clip.paste(&flow, (10.4, 20.0));
        assert_eq!(pasted.ids(), ids(&["consulta_2", "fila_2"]));
        assert_eq!(pasted.nodes[0].pos, (110.0, 20.0));
        assert_eq!(
            pasted.edges,
            vec![Edge::new("consulta_2", "error", "fila_2")]
        );
        let mut changed = flow.clone();
        pasted.command().apply(&mut changed).unwrap();
        assert_eq!(changed.nodes.len(), flow.nodes.len() + 2);
        // Pasting again skips the numbers now taken.
        let again = clip.paste(&changed, (0.0, 0.0));
        assert_eq!(again.ids(), ids(&["consulta_3", "fila_3"]));
    }

    #[test]
    fn pasting_into_another_flow_keeps_free_ids() {
        let clip = Clip::copy(&flow(), &ids(&["consulta", "fim"])).clip;
        let pasted = clip.paste(&Flow::new("outro"), (0.0, 0.0));
        assert_eq!(pasted.ids(), ids(&["consulta", "fim"]));
        assert_eq!(pasted.edges, vec![Edge::new("consulta", "ok", "fim")]);
    }

    #[test]
    fn numbered_ids_restart_from_their_stem() {
        let mut target = Flow::new("t");
        target.nodes.push(Node::new(
            "pergunta_1",
            (0.0, 0.0),
            KindTag::Ask.default_kind(),
        ));
        let clip = Clip {
            fluxo_clipboard: 1,
            nodes: vec![Node::new(
                "pergunta_1",
                (0.0, 0.0),
                KindTag::Ask.default_kind(),
            )],
            edges: vec![],
        };
        assert_eq!(clip.paste(&target, (0.0, 0.0)).ids(), ids(&["pergunta_2"]));
    }

    #[test]
    fn an_entry_on_the_clipboard_is_never_pasted() {
        let flow = flow();
        let clip = Clip {
            fluxo_clipboard: 1,
            nodes: flow.nodes.clone(),
            edges: flow.edges.clone(),
        };
        let pasted = clip.paste(&flow, (0.0, 0.0));
        assert!(pasted.skipped_entry);
        assert!(
            pasted
                .nodes
                .iter()
                .all(|node| node.kind.tag() != KindTag::Entry)
        );
        assert_eq!(pasted.edges.len(), 2, "the wire from the Entry is dropped");
    }

    #[test]
    fn wires_from_missing_ports_are_dropped() {
        let flow = flow();
        let mut clip = Clip::copy(&flow, &ids(&["consulta", "fila"])).clip;
        clip.edges.push(Edge::new("consulta", "nope", "fila"));
        clip.edges.push(Edge::new("consulta", "error", "consulta"));
        let pasted = clip.paste(&Flow::new("x"), (0.0, 0.0));
        assert_eq!(pasted.edges, vec![Edge::new("consulta", "error", "fila")]);
    }

    #[test]
    fn other_text_is_refused_by_name() {
        assert_eq!(Clip::parse("olá, mundo"), Err(ClipError::NotFluxo));
        assert_eq!(Clip::parse(""), Err(ClipError::NotFluxo));
        let flow_text = file::to_text(&flow(), Format::Ron).unwrap();
        assert_eq!(Clip::parse(&flow_text), Err(ClipError::NotFluxo));
        assert_eq!(
            Clip::parse("(fluxo_clipboard: 7, nodes: [], edges: [], more: Stuff(1))"),
            Err(ClipError::TooNew(7))
        );
        assert!(matches!(
            Clip::parse("(fluxo_clipboard: 1, nodes: [(id: 3)])"),
            Err(ClipError::Invalid(_))
        ));
        assert!(ClipError::NotFluxo.to_string().contains("no fluxo nodes"));
    }

    #[test]
    fn bounds_span_every_position() {
        let clip = Clip::copy(&flow(), &ids(&["consulta", "fila", "fim"])).clip;
        assert_eq!(clip.bounds(), Some(((100.0, 0.0), (300.0, 200.0))));
        assert_eq!(Clip::copy(&flow(), &[]).clip.bounds(), None);
    }

    #[test]
    fn stems() {
        assert_eq!(id_stem("pergunta_2"), "pergunta");
        assert_eq!(id_stem("consulta"), "consulta");
        assert_eq!(id_stem("_3"), "_3");
    }
}
