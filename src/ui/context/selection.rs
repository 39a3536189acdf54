//! The selected nodes, in the order they were picked (the last one is the inspector's).

use indexmap::IndexSet;

use fluxo_core::flow::NodeId;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    ids: IndexSet<NodeId>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// The node picked last: the one the inspector shows.
    pub fn primary(&self) -> Option<&str> {
        self.ids.last().map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.ids.iter().map(String::as_str)
    }

    pub fn ids(&self) -> Vec<NodeId> {
        self.ids.iter().cloned().collect()
    }

    pub fn clear(&mut self) {
        self.ids.clear();
    }

    /// Selects `id` alone.
    pub fn select_only(&mut self, id: impl Into<NodeId>) {
        self.ids.clear();
        self.ids.insert(id.into());
    }

    /// Adds `id` and makes it the primary.
    pub fn add(&mut self, id: impl Into<NodeId>) {
        let id = id.into();
        self.ids.shift_remove(&id);
        self.ids.insert(id);
    }

    /// Adds `id`, or removes it when it was selected.
    pub fn toggle(&mut self, id: &str) {
        if !self.ids.shift_remove(id) {
            self.ids.insert(id.to_owned());
        }
    }

    pub fn set(&mut self, ids: impl IntoIterator<Item = NodeId>) {
        self.ids = ids.into_iter().collect();
    }

    /// Keeps only the ids for which `keep` holds (after a delete or an undo).
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.ids.retain(|id| keep(id));
    }

    /// Follows a renamed node.
    pub fn rename(&mut self, from: &str, to: &str) {
        if let Some(index) = self.ids.get_index_of(from) {
            let mut ids: Vec<NodeId> = self.ids.drain(..).collect();
            to.clone_into(&mut ids[index]);
            self.ids = ids.into_iter().collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_is_the_last_picked() {
        let mut selection = Selection::default();
        selection.select_only("a");
        selection.add("b");
        selection.add("a");
        assert_eq!(selection.primary(), Some("a"));
        selection.toggle("a");
        assert_eq!(selection.primary(), Some("b"));
        selection.rename("b", "c");
        assert!(selection.contains("c") && !selection.contains("b"));
        selection.retain(|id| id != "c");
        assert!(selection.is_empty());
    }
}
