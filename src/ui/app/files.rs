//! The document's files: new, open, Mosia's "save and close" and "back without saving", recent
//! and dropped files, closing the window, and the unsaved-changes prompt in front of anything
//! that would lose work (saving itself is in `saving.rs`).
//!
//! Anything that replaces or leaves the document is an [`Intent`]; [`FluxoApp::request`] asks
//! Save / Discard / Cancel first when there are unsaved changes.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use fluxo_core::Flow;
use fluxo_core::file::{self, Format};

use super::autosave::Autosave;
use super::banner::Banner;
use super::saving::{SaveJob, SaveRequest};
use super::{Document, FluxoApp, SAMPLE_FLOW};
use crate::i18n::Lang;
use crate::ui::actions::FileAction;
use crate::ui::canvas::{Canvas, Selection, ViewRequest};
use crate::ui::context::Message;
use crate::ui::files::path_prompt;
use crate::ui::files::{
    DialogOutcome, FileDialogs, NoDialogs, PathPrompt, PathPurpose, RecentFiles, RecoveryFile,
    RecoveryStore,
};

/// What the window shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Recent files, New, Open and the sample: where "save and close" and "back" lead.
    Start,
    Editor,
}

/// Something that replaces or leaves the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    New,
    Open(PathBuf),
    OpenSample,
    /// A recovery file's flow, read from `from`.
    Recover {
        file: Box<RecoveryFile>,
        from: PathBuf,
    },
    StartPage,
    Quit,
}

/// A modal window waiting for an answer; the first of the queue is shown.
#[derive(Clone, Debug)]
pub enum Modal {
    /// Save / Discard / Cancel before the intent.
    Unsaved(Intent),
    /// "Back without saving" with unsaved changes: Discard and go back / Cancel.
    ConfirmBack,
    /// Something failed: a title (a message id) and the details, worded when shown.
    Error {
        title: &'static str,
        detail: Message,
    },
    /// A recovery file found at start.
    Recover {
        from: PathBuf,
        file: Box<RecoveryFile>,
    },
    /// Our path field, when no native dialog can open; `then` runs after a Save As.
    Path {
        prompt: PathPrompt,
        then: Option<Intent>,
    },
    /// Save would make these scenarios end differently: Save anyway / Compare first / Cancel.
    ConfirmSave {
        changed: Vec<String>,
        total: usize,
        then: Option<Intent>,
    },
}

/// The app's file state.
pub struct Files {
    pub(super) dialogs: Box<dyn FileDialogs>,
    pub(super) recent: RecentFiles,
    pub(super) modals: VecDeque<Modal>,
    pub(super) screen: Screen,
    pub(super) autosave: Autosave,
    pub(super) saving: Option<SaveJob>,
    /// A save asked for while another ran: it starts when that one ends (one writer a file).
    pub(super) queued: Option<SaveRequest>,
    /// The window may close: a close request is no longer stopped.
    pub(super) may_close: bool,
    /// Changes whenever the document is replaced.
    pub(super) generation: u64,
}

impl Default for Files {
    fn default() -> Self {
        Self {
            dialogs: Box::new(NoDialogs),
            recent: RecentFiles::default(),
            modals: VecDeque::new(),
            screen: Screen::Editor,
            autosave: Autosave::default(),
            saving: None,
            queued: None,
            may_close: false,
            generation: 0,
        }
    }
}

impl FluxoApp {
    /// Uses `dialogs` for Open and Save As (the window: native ones; tests: fakes).
    #[must_use]
    pub fn with_dialogs(mut self, dialogs: Box<dyn FileDialogs>) -> Self {
        self.files.dialogs = dialogs;
        self
    }

    /// Autosaves unsaved changes to recovery files in `store` (off by default).
    #[must_use]
    pub fn with_recovery(mut self, store: RecoveryStore) -> Self {
        self.files.autosave.store = Some(store);
        self
    }

    /// Offers every recovery file a crashed window left (newest first): Recover / Discard.
    pub fn offer_recovery(&mut self) {
        let Some(store) = &self.files.autosave.store else {
            return;
        };
        for (from, file) in store.pending() {
            self.files.modals.push_back(Modal::Recover {
                from,
                file: Box::new(file),
            });
        }
    }

    /// Whether a save is running.
    pub fn is_saving(&self) -> bool {
        self.files.saving.is_some() || self.files.queued.is_some()
    }

    /// Whether the window was let close (after a clean close request, or Quit).
    pub fn is_closing(&self) -> bool {
        self.files.may_close
    }

    pub fn screen(&self) -> Screen {
        self.files.screen
    }

    /// The recent files, newest first (as remembered; gone files are pruned when shown).
    pub fn recent_files(&self) -> &[PathBuf] {
        self.files.recent.paths()
    }

    /// Whether a modal window (a prompt, an error, the path field) waits for an answer.
    pub fn has_modal(&self) -> bool {
        !self.files.modals.is_empty()
    }

    /// The recovery file autosave last wrote for this document, if any.
    pub fn recovery_file(&self) -> Option<&Path> {
        self.files.autosave.written()
    }

    pub(super) fn run_file_action(&mut self, ctx: &egui::Context, action: FileAction) {
        match action {
            FileAction::New => self.request(ctx, Intent::New),
            FileAction::Open => self.open_dialog(ctx),
            FileAction::Save => self.save_checked(ctx, None),
            FileAction::SaveAs => self.save_as_then(ctx, None),
            FileAction::SaveAndClose => self.save_checked(ctx, Some(Intent::StartPage)),
            FileAction::BackWithoutSaving => {
                if self.state.doc.is_dirty() {
                    self.files.modals.push_back(Modal::ConfirmBack);
                } else {
                    self.perform(ctx, Intent::StartPage);
                }
            }
            FileAction::Quit => self.request(ctx, Intent::Quit),
        }
    }

    /// Does `intent`, asking Save / Discard / Cancel first when there are unsaved changes.
    pub fn request(&mut self, ctx: &egui::Context, intent: Intent) {
        let has_changes = self.files.screen == Screen::Editor && self.state.doc.is_dirty();
        if has_changes {
            self.files.modals.push_back(Modal::Unsaved(intent));
        } else {
            self.perform(ctx, intent);
        }
    }

    /// Does `intent` now, whatever is unsaved.
    pub(super) fn perform(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::New => {
                let flow = Flow::new(self.state.lang.tr("window-new-flow"));
                self.replace_document(Document::new(flow, None));
            }
            Intent::Open(path) => self.open_now(ctx, &path),
            Intent::OpenSample => match file::parse(SAMPLE_FLOW, Format::Ron) {
                Ok(loaded) => self.replace_document(Document::new(loaded.flow, None)),
                Err(err) => self.show_error(
                    "window-could-not-open-file",
                    Message::new("window-detail").with("detail", err.to_string()),
                ),
            },
            Intent::Recover { file, from } => {
                let mut doc = Document::new(file.flow, file.file);
                // Recovered changes are unsaved until saved: no state of the history is clean.
                doc.saved_state = u64::MAX;
                self.replace_document(doc);
                self.files.autosave.adopt(from);
            }
            Intent::StartPage => {
                self.replace_document(Document::new(Flow::new(""), None));
                self.files.screen = Screen::Start;
            }
            Intent::Quit => {
                self.files.autosave.discard();
                self.files.may_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn open_now(&mut self, ctx: &egui::Context, path: &Path) {
        match file::load(path) {
            Ok(loaded) => {
                self.replace_document(Document::new(loaded.flow, Some(path.to_owned())));
                if !loaded.unknown_fields.is_empty() {
                    self.banners
                        .push(Banner::UnknownFields(loaded.unknown_fields));
                }
                self.files.recent.add(path);
                let now = ctx.input(|i| i.time);
                let name = file_name(path);
                self.notices.push(
                    Message::new("window-opened-name").with("name", name),
                    false,
                    now,
                );
            }
            Err(err) => self.show_error(
                "window-could-not-open-file",
                Message::new("window-detail").with("detail", err),
            ),
        }
    }

    /// Shows a modal with `title` (a message id) and the details.
    pub(super) fn show_error(&mut self, title: &'static str, detail: Message) {
        self.files.modals.push_back(Modal::Error { title, detail });
    }

    /// Puts `doc` in the editor: a fresh selection and view, the checks re-run, the old
    /// document's recovery file removed (it was saved or discarded on purpose).
    fn replace_document(&mut self, doc: Document) {
        self.files.autosave.discard();
        self.files.generation += 1;
        self.state.doc = doc;
        self.state.selection = Selection::default();
        let show_minimap = self.canvas.show_minimap;
        self.canvas = Canvas::default();
        self.canvas.show_minimap = show_minimap;
        self.canvas.request(ViewRequest::Overview);
        self.state.overlay = crate::ui::canvas::Overlay::default();
        self.sim.forget_document();
        self.banners.clear();
        self.find.close();
        self.state.revision += 1;
        self.state.findings = super::FindingsCache::default();
        self.files.screen = Screen::Editor;
    }

    fn open_dialog(&mut self, ctx: &egui::Context) {
        let folder = self
            .state
            .doc
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_owned)
            .or_else(|| std::env::current_dir().ok());
        let folder = folder.as_deref();
        match self.files.dialogs.open_path(folder) {
            DialogOutcome::Picked(path) => self.request(ctx, Intent::Open(path)),
            DialogOutcome::Cancelled => {}
            DialogOutcome::Unavailable => {
                let text = path_prompt::suggestion(folder, "");
                self.files.modals.push_back(Modal::Path {
                    prompt: PathPrompt::new(PathPurpose::Open, text),
                    then: None,
                });
            }
        }
    }

    /// Each frame: a finished save, the autosave.
    pub(super) fn poll_files(&mut self, ctx: &egui::Context) {
        self.poll_save(ctx);
        let now = ctx.input(|i| i.time);
        let is_editing = self.files.screen == Screen::Editor;
        if let Some(error) =
            self.files
                .autosave
                .tick(ctx, &self.state.doc, self.files.generation, is_editing)
        {
            let message = Message::new("window-autosave-could-not-write").with("error", error);
            self.notices.push(message, true, now);
        }
    }

    /// The window's close button (or the system's close): with unsaved changes, stop it and ask.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.files.may_close {
            return;
        }
        if self.is_saving() {
            // Close once the save has landed.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.then_after_save(Intent::Quit);
            return;
        }
        if self.files.screen == Screen::Editor && self.state.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            let is_asking = self
                .files
                .modals
                .iter()
                .any(|modal| matches!(modal, Modal::Unsaved(Intent::Quit)));
            if !is_asking {
                self.files.modals.push_back(Modal::Unsaved(Intent::Quit));
            }
            // A minimised window shows the question.
            ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
            ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
            return;
        }
        // A clean close: nothing to recover.
        self.files.autosave.discard();
        self.files.may_close = true;
    }

    /// A flow file dropped on the window opens (through the unsaved-changes prompt).
    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_owned())
                .collect()
        });
        let Some(path) = dropped.first().cloned() else {
            return;
        };
        if self.has_modal() {
            return;
        }
        if dropped.len() > 1 {
            let now = ctx.input(|i| i.time);
            let message = Message::new("window-one-flow-at-a-time").with("name", file_name(&path));
            self.notices.push(message, false, now);
        }
        self.request(ctx, Intent::Open(path));
    }

    /// While files are dragged over the window: say that dropping opens them.
    pub(super) fn drop_hint_ui(ctx: &egui::Context, lang: Lang) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let screen = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("fluxo.drop_hint"),
        ));
        painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(150));
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            lang.tr("window-drop-flow-file-open"),
            egui::FontId::proportional(24.0),
            egui::Color32::WHITE,
        );
    }
}

/// The file's name, for messages and the title.
pub(super) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
