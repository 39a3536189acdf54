//! Node ids to node indices: every id read once, in file order, so that the first node with an
//! id is the one edges and scenarios reach. A task of its own: it needs all the ids in order,
//! while the rest of the nodes' data can be read in ranges by other threads meanwhile.

use crate::check::interner::Interner;
use crate::flow::{Flow, is_valid_id};

use super::part::number;

/// The flow's node ids. See the module documentation.
pub(crate) struct NodeIds {
    ids: Interner,
    /// Per id of `ids`: the first node with it.
    first_node: Vec<u32>,
    /// Per node: whether it is the first with its id (a later one with the same id is shadowed).
    first_of_id: Vec<bool>,
    /// The nodes whose id is not a valid id, in file order.
    pub(crate) bad_ids: Vec<u32>,
}

impl NodeIds {
    pub(crate) fn read(flow: &Flow) -> Self {
        let count = flow.nodes.len();
        let mut ids = NodeIds {
            ids: Interner::with_capacity(count, count * 16),
            first_node: Vec::with_capacity(count),
            first_of_id: Vec::with_capacity(count),
            bad_ids: Vec::new(),
        };
        for (index, node) in flow.nodes.iter().enumerate() {
            let (_, is_new) = ids.ids.intern(&node.id);
            if is_new {
                ids.first_node.push(number(index));
            }
            ids.first_of_id.push(is_new);
            if !is_valid_id_fast(&node.id) {
                ids.bad_ids.push(number(index));
            }
        }
        ids
    }

    /// The node with this id (the first, when ids repeat).
    pub(crate) fn node_index(&self, id: &str) -> Option<usize> {
        let number = self.ids.get(id)?;
        self.first_node
            .get(number as usize)
            .map(|&node| node as usize)
    }

    /// Whether node `index` is the one its id names (not a later node with a repeated id).
    pub(crate) fn is_first_of_id(&self, index: usize) -> bool {
        self.first_of_id.get(index).copied().unwrap_or(false)
    }
}

/// `is_valid_id`, with a quick answer for the usual ASCII id: one table lookup per byte.
fn is_valid_id_fast(id: &str) -> bool {
    /// The ASCII bytes an id may have.
    const ID_BYTES: [bool; 128] = {
        let mut table = [false; 128];
        let mut byte = 0;
        while byte < 128 {
            let b = byte as u8;
            table[byte] = b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
            byte += 1;
        }
        table
    };
    if id.is_ascii() {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| ID_BYTES.get(usize::from(b)).copied().unwrap_or(false))
    } else {
        is_valid_id(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{KindTag, Node};

    #[test]
    fn the_first_node_with_an_id_wins() {
        let mut flow = Flow::default();
        for id in ["a", "b", "a", "c d", "", "ação", "b"] {
            flow.nodes
                .push(Node::new(id, (0.0, 0.0), KindTag::End.default_kind()));
        }
        let ids = NodeIds::read(&flow);
        assert_eq!(ids.node_index("a"), Some(0));
        assert_eq!(ids.node_index("b"), Some(1));
        assert_eq!(ids.node_index("ação"), Some(5));
        assert_eq!(ids.node_index("x"), None);
        let firsts: Vec<bool> = (0..7).map(|i| ids.is_first_of_id(i)).collect();
        assert_eq!(firsts, [true, true, false, true, true, true, false]);
        assert_eq!(ids.bad_ids, [3, 4]);
    }

    #[test]
    fn the_quick_id_test_is_is_valid_id() {
        for id in [
            "a", "a-b_c", "A1", "", "a b", "ação", "日本", "a.b", "é!", "-",
        ] {
            assert_eq!(is_valid_id_fast(id), is_valid_id(id), "{id}");
        }
    }
}
