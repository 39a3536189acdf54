//! The editor window: the only place that imports egui.
//!
//! Every panel (the canvas among them) reads one [`context::FrameCx`] and pushes
//! [`context::AppCommand`]s; the app applies them once per frame, after drawing, edits through
//! the core's `History`. Nothing else mutates the flow.

pub mod actions;
pub mod app;
pub mod canvas;
pub mod compare;
pub mod context;
pub mod files;
pub mod findings;
pub mod inspector;
pub mod sim_panel;
pub mod team_panel;
pub mod theme;
pub mod widgets;
pub mod wording;

use std::path::PathBuf;

use fluxo_core::Command;

/// A change a panel asks for: a core command, and for typing, the key of the field being typed
/// in (edits with the same key merge into one undo step until focus leaves).
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub command: Command,
    pub merge_key: Option<String>,
}

impl Edit {
    /// One undo step of its own.
    pub fn new(command: Command) -> Self {
        Self {
            command,
            merge_key: None,
        }
    }

    /// Merges with the previous edit of the same key (typing in one field).
    pub fn typing(command: Command, key: impl Into<String>) -> Self {
        Self {
            command,
            merge_key: Some(key.into()),
        }
    }
}

/// Opens the editor on `file`, or on the bundled sample flow.
pub fn run_window(file: Option<PathBuf>) -> anyhow::Result<()> {
    app::run(file)
}
