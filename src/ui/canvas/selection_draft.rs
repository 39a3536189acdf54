//! The selection as the canvas changes it during one frame: read through to the frame's
//! selection until the first change, then a copy. At the end of the frame a changed selection
//! becomes one `AppCommand::Select`; an unchanged one costs nothing (no copy of a 2,000-node
//! selection every frame).

use std::ops::Deref;

use fluxo_core::flow::NodeId;

use crate::ui::context::Selection;

pub(super) struct SelectionDraft<'a> {
    base: &'a Selection,
    changed: Option<Selection>,
}

impl<'a> SelectionDraft<'a> {
    pub fn new(base: &'a Selection) -> Self {
        Self {
            base,
            changed: None,
        }
    }

    fn edit(&mut self) -> &mut Selection {
        self.changed.get_or_insert_with(|| self.base.clone())
    }

    pub fn clear(&mut self) {
        if !self.is_empty() {
            self.edit().clear();
        }
    }

    pub fn select_only(&mut self, id: impl Into<NodeId>) {
        let id = id.into();
        if self.len() != 1 || !self.contains(&id) {
            self.edit().select_only(id);
        }
    }

    pub fn add(&mut self, id: impl Into<NodeId>) {
        let id = id.into();
        if self.primary() != Some(id.as_str()) {
            self.edit().add(id);
        }
    }

    pub fn toggle(&mut self, id: &str) {
        self.edit().toggle(id);
    }

    pub fn set(&mut self, ids: impl IntoIterator<Item = NodeId>) {
        self.edit().set(ids);
    }

    /// The new selection, if it differs from the frame's.
    pub fn into_changed(self) -> Option<Selection> {
        self.changed.filter(|changed| changed != self.base)
    }
}

impl Deref for SelectionDraft<'_> {
    type Target = Selection;

    fn deref(&self) -> &Selection {
        self.changed.as_ref().unwrap_or(self.base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_copies_only_when_it_changes() {
        let mut base = Selection::default();
        base.select_only("a");
        let mut draft = SelectionDraft::new(&base);
        draft.select_only("a");
        draft.add("a");
        draft.clear();
        draft.add("b");
        assert!(draft.contains("b") && !draft.contains("a"));
        let changed = draft.into_changed().unwrap();
        assert_eq!(changed.ids(), vec!["b".to_owned()]);
        let mut draft = SelectionDraft::new(&base);
        draft.select_only("a");
        assert!(draft.into_changed().is_none());
    }
}
