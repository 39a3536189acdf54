//! Saving off the UI thread: Save, Save As (the extension picks RON or JSON), one writer at a
//! time, "Saving…" while it runs, and what happens after. A save marks clean only the state it
//! wrote (`History::state()` when it started), so edits made while it runs stay unsaved; a failed
//! save says why and leaves the document dirty.

use std::path::PathBuf;
use std::time::Duration;

use fluxo_core::Flow;
use fluxo_core::file;

use super::FluxoApp;
use super::files::{Intent, Modal, file_name};
use crate::ui::context::Message;
use crate::ui::files::path_prompt::with_flow_extension;
use crate::ui::files::{DialogOutcome, Job, PathPrompt, PathPurpose};

/// A save to run: what to write, where, and what it makes clean.
pub(super) struct SaveRequest {
    flow: Flow,
    path: PathBuf,
    /// `History::state()` when the save was asked for: the state it makes clean.
    state: u64,
    /// The document it belongs to (a replaced document is not marked clean).
    generation: u64,
    /// What to do once it succeeded.
    then: Option<Intent>,
}

pub(super) struct SaveJob {
    job: Job<Result<(), Message>>,
    path: PathBuf,
    state: u64,
    generation: u64,
    then: Option<Intent>,
}

impl FluxoApp {
    /// Saves to the document's file (asking where when it has none), then does `then`.
    pub fn save_then(&mut self, ctx: &egui::Context, then: Option<Intent>) {
        match self.state.doc.path.clone() {
            Some(path) => self.start_save(ctx, path, then),
            None => self.save_as_then(ctx, then),
        }
    }

    /// Asks where to save (the extension picks RON or JSON), saves, then does `then`.
    pub fn save_as_then(&mut self, ctx: &egui::Context, then: Option<Intent>) {
        let suggested = self.suggested_path();
        match self.files.dialogs.save_path(&suggested) {
            DialogOutcome::Picked(path) => self.start_save(ctx, with_flow_extension(path), then),
            DialogOutcome::Cancelled => {}
            DialogOutcome::Unavailable => self.files.modals.push_back(Modal::Path {
                prompt: PathPrompt::new(PathPurpose::SaveAs, suggested.display().to_string()),
                then,
            }),
        }
    }

    /// Where Save As proposes to save: the file itself, or a name made from the flow's name in
    /// the current folder.
    fn suggested_path(&self) -> PathBuf {
        if let Some(path) = &self.state.doc.path {
            return path.clone();
        }
        let stem: String = self
            .state
            .doc
            .flow
            .name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .collect();
        let stem = stem.trim_matches('_');
        let stem = if stem.is_empty() { "fluxo" } else { stem };
        let folder = std::env::current_dir().unwrap_or_default();
        folder.join(format!("{stem}.flow.ron"))
    }

    /// Starts saving the current flow to `path` off the UI thread.
    pub(super) fn start_save(&mut self, ctx: &egui::Context, path: PathBuf, then: Option<Intent>) {
        let mut request = SaveRequest {
            flow: self.state.doc.flow.clone(),
            path,
            state: self.state.doc.history.state(),
            generation: self.files.generation,
            then,
        };
        if let Some(running) = &mut self.files.saving {
            // The intent waits for the newest save.
            if request.then.is_none() {
                request.then = running.then.take();
            }
            self.files.queued = Some(request);
            return;
        }
        self.spawn_save(ctx, request);
    }

    fn spawn_save(&mut self, ctx: &egui::Context, request: SaveRequest) {
        let SaveRequest {
            flow,
            path,
            state,
            generation,
            then,
        } = request;
        let target = path.clone();
        let job = Job::spawn(Some(ctx), move || {
            file::save(&flow, &target)
                .map_err(|err| Message::new("window-detail").with("detail", err))
        });
        self.files.saving = Some(SaveJob {
            job,
            path,
            state,
            generation,
            then,
        });
        ctx.request_repaint();
    }

    pub(super) fn poll_save(&mut self, ctx: &egui::Context) {
        let Some(result) = self.files.saving.as_ref().map(|saving| saving.job.poll()) else {
            return;
        };
        let Some(result) = result else {
            ctx.request_repaint_after(Duration::from_millis(50));
            return;
        };
        let Some(saving) = self.files.saving.take() else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let result = result.unwrap_or_else(|_| Err(Message::new("window-save-stopped")));
        match result {
            Ok(()) => {
                if saving.generation == self.files.generation {
                    self.state.doc.path = Some(saving.path.clone());
                    self.state.doc.saved_state = saving.state;
                    if !self.state.doc.is_dirty() {
                        self.files.autosave.discard();
                    }
                }
                self.files.recent.add(&saving.path);
                let name = file_name(&saving.path);
                self.notices.push(
                    Message::new("window-saved-name").with("name", name),
                    false,
                    now,
                );
                if self.files.queued.is_none()
                    && let Some(then) = saving.then
                {
                    self.request(ctx, then);
                }
            }
            Err(detail) => {
                self.files.queued = None;
                let notice =
                    Message::new("window-could-not-save-because").with("detail", detail.clone());
                self.notices.push(notice, true, now);
                self.show_error("window-could-not-save-flow", detail);
            }
        }
        if let Some(request) = self.files.queued.take() {
            self.spawn_save(ctx, request);
        }
    }

    /// Does `intent` once the running (or queued) save has landed.
    pub(super) fn then_after_save(&mut self, intent: Intent) {
        if let Some(queued) = &mut self.files.queued {
            queued.then = Some(intent);
        } else if let Some(saving) = &mut self.files.saving {
            saving.then = Some(intent);
        }
    }
}
