//! The open document: the flow, where it lives, its undo history and the state it was saved at.

use std::path::PathBuf;

use fluxo_core::{Flow, History};

pub struct Document {
    pub flow: Flow,
    /// `None` until saved (the bundled sample, a new flow).
    pub path: Option<PathBuf>,
    pub history: History,
    /// `history.state()` when the flow was last saved or opened.
    pub saved_state: u64,
}

impl Document {
    pub fn new(flow: Flow, path: Option<PathBuf>) -> Self {
        let history = History::default();
        let saved_state = history.state();
        Self {
            flow,
            path,
            history,
            saved_state,
        }
    }

    /// Whether the flow differs from the saved one (undo back to it makes it clean again).
    pub fn is_dirty(&self) -> bool {
        self.history.state() != self.saved_state
    }
}
