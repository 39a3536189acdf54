//! What every panel of the window reads in a frame, and the one way it asks the app to do
//! something (after rerun's `re_viewer_context`: a read-only context of borrowed references per
//! frame, one command enum that panels send and the app applies).
//!
//! A leaf: it knows the core's model and its own small types, never a panel. Each panel is a
//! [`Panel`]: it draws from a [`FrameCx`] and pushes [`AppCommand`]s; the app applies the frame's
//! commands once, in order, after drawing (edits through the undo history). No panel touches the
//! flow, the selection or another panel.

mod message;
mod overlay;
mod selection;

use std::collections::HashMap;
use std::path::PathBuf;

use fluxo_core::Finding;
use fluxo_core::Severity;
use fluxo_core::flow::{Flow, KindTag, Node, NodeId};

pub use message::{Arg, Message};
pub use overlay::{Coverage, EdgeMark, NodeMark, Overlay};
pub use selection::Selection;

use super::Edit;
use super::actions::Action;
use crate::i18n::Lang;

/// Findings of one node, for its badge on the canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Badge {
    pub count: usize,
    /// The worst severity among them (errors first).
    pub worst: Severity,
}

/// Badges by node id.
pub type Badges = HashMap<NodeId, Badge>;

/// What a panel reads in a frame. Built by the app from its own state; never mutable.
#[derive(Clone, Copy)]
pub struct FrameCx<'a> {
    pub flow: &'a Flow,
    /// The file the flow was opened from or saved to (none for a flow never saved): SubFlow
    /// nodes call the flows of its folder.
    pub path: Option<&'a std::path::Path>,
    /// Changes exactly when the flow changes (any applied edit, undo or redo).
    pub revision: u64,
    pub selection: &'a Selection,
    /// The checks' findings on this revision of the flow (as of the last check).
    pub findings: &'a [Finding],
    pub badges: &'a Badges,
    /// Marks drawn over the canvas (the simulator's run or coverage, breakpoints).
    pub overlay: &'a Overlay,
    /// The language every text is worded in this frame.
    pub lang: Lang,
}

impl<'a> FrameCx<'a> {
    /// The message `id` in the frame's language (`cx.tr("window-problems")`).
    pub fn tr(&self, id: &'static str) -> &'static str {
        self.lang.tr(id)
    }

    /// The node the inspector shows: the last one picked.
    pub fn selected_node(&self) -> Option<&'a Node> {
        self.selection.primary().and_then(|id| self.flow.node(id))
    }
}

/// A view change asked for from outside the canvas (menus, the findings list, the simulator).
#[derive(Clone, Debug, PartialEq)]
pub enum ViewRequest {
    /// Everything on screen, however small (F).
    Fit,
    /// The view a flow opens with: everything when it reads, else its start.
    Overview,
    CenterOn(NodeId),
    /// Pans as little as needed to bring the node into view (following a run).
    Reveal(NodeId),
    /// Like `Reveal`, but only when the node is not already well inside the view: a run being
    /// followed moves the view as rarely as possible.
    Follow(NodeId),
    /// Multiplies the zoom, around the centre of the view.
    ZoomBy(f32),
    ZoomTo(f32),
}

/// Something the user should read in the status bar and a toast: a refused edit (an error), or
/// a hint. Kept as a message, so that it is worded in the language of the moment it is shown.
#[derive(Clone, Debug)]
pub struct Notice {
    pub message: Message,
    pub is_error: bool,
}

impl Notice {
    pub fn hint(message: Message) -> Self {
        Self {
            message,
            is_error: false,
        }
    }

    pub fn error(message: Message) -> Self {
        Self {
            message,
            is_error: true,
        }
    }
}

/// Everything a panel can ask of the app. Applied once per frame, in the order pushed.
// A handful of commands a frame, most of them edits: boxing the edit would cost an allocation
// each and save nothing that matters.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum AppCommand {
    /// Change the flow: one undo step, or typing merged with the field's earlier edits.
    Edit(Edit),
    /// Run an action of the registry, exactly as its key or menu entry does.
    Action(Action),
    /// The selection from now on (nodes that do not exist are left out).
    Select(Selection),
    /// Select this node alone and bring it into view (a finding, a chat line, a search).
    ShowNode(NodeId, NodeFocus),
    /// Change the canvas's view.
    View(ViewRequest),
    /// Tell the user something.
    Notify(Notice),
    /// Add a node of this kind in the middle of the view and select it (a palette click).
    AddNode(KindTag),
    /// Open this flow file (asking about unsaved changes first).
    Open(PathBuf),
    /// The marks drawn over the canvas from now on.
    SetOverlay(Box<Overlay>),
    /// Compare the flow with another version of it, or stop comparing (`ui::compare`).
    Compare(CompareRequest),
}

/// What the comparison of two versions of the flow is asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareRequest {
    /// With the file as it was last saved (File > Compare with saved).
    WithSaved,
    /// With a flow file the user picks (File > Compare with file…).
    WithFile,
    /// With this flow file.
    WithPath(PathBuf),
    /// Open the two runs of the scenario at this index of the comparison, side by side.
    ShowRuns(usize),
    /// Stop comparing: the canvas shows the flow (and the simulator's marks) again.
    Close,
    /// Whether Save asks first when a scenario would end differently (a preference).
    SaveCheck(SaveCheck),
}

/// Whether Save first checks what the change does to the scenarios (SPEC.md section 12: Mosia's
/// flows are live the moment they are saved). A preference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SaveCheck {
    /// Save asks first when a scenario of the flow would end differently than with the file.
    #[default]
    WarnOnOutcomeChange,
    /// Save writes at once.
    Off,
}

/// How the view moves to a node shown by [`AppCommand::ShowNode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeFocus {
    /// Centre the view on it (a finding, a search result).
    Center,
    /// Pan as little as needed (a step of a run).
    Reveal,
}

/// A part of the window: it draws from the frame's context and asks for changes through
/// commands, so it can be drawn (and tested) alone.
pub trait Panel {
    fn ui(&mut self, ui: &mut egui::Ui, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>);
}
