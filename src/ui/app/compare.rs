//! The app's side of the comparison (`ui::compare`): File > Compare with saved and Compare with
//! file… start it (the file read here, a path field when no dialog opens), each frame it is made
//! again after an edit and its marks replace the simulator's on the canvas, and its list and the
//! two runs of a scenario are drawn. Another document closes it.

use fluxo_core::diff;
use fluxo_core::file;
use fluxo_core::sim::Options;

use super::FluxoApp;
use super::files::{Intent, Modal};
use crate::ui::compare::{self, Against, Comparison, PanelAnswer};
use crate::ui::context::{AppCommand, CompareRequest, Message, NodeFocus, Notice, SaveCheck};
use crate::ui::files::{DialogOutcome, PathPrompt, PathPurpose, path_prompt};

/// The open comparison, and the document it belongs to.
pub(super) struct OpenComparison {
    pub(crate) comparison: Comparison,
    /// `Files::generation` when it was opened: another document closes it.
    pub generation: u64,
}

impl FluxoApp {
    /// Runs a request of the comparison (File menu, the list, the path field).
    pub(super) fn run_compare(&mut self, ctx: &egui::Context, request: CompareRequest) {
        ctx.request_repaint();
        match request {
            CompareRequest::WithSaved => {
                if let Some(path) = self.state.doc.path.clone() {
                    self.compare_with(Against::Saved(path));
                } else {
                    let now = ctx.input(|i| i.time);
                    let notice = Notice::hint(Message::new("compare-not-saved-yet"));
                    self.notices.push(notice.message, notice.is_error, now);
                }
            }
            CompareRequest::WithFile => {
                let folder = self
                    .state
                    .doc
                    .path
                    .as_deref()
                    .and_then(std::path::Path::parent)
                    .map(std::path::Path::to_owned)
                    .or_else(|| std::env::current_dir().ok());
                match self.files.dialogs.open_path(folder.as_deref()) {
                    DialogOutcome::Picked(path) => self.compare_with(Against::File(path)),
                    DialogOutcome::Cancelled => {}
                    DialogOutcome::Unavailable => {
                        let text = path_prompt::suggestion(folder.as_deref(), "");
                        self.files.modals.push_back(Modal::Path {
                            prompt: PathPrompt::new(PathPurpose::Compare, text),
                            then: None,
                        });
                    }
                }
            }
            CompareRequest::WithPath(path) => self.compare_with(Against::File(path)),
            CompareRequest::ShowRuns(index) => {
                if let Some(open) = &mut self.compare {
                    open.comparison.open_runs(index);
                }
            }
            CompareRequest::Close => self.close_comparison(),
            CompareRequest::SaveCheck(check) => self.settings.save_check = check,
        }
    }

    /// Save (then `then`), asking first when the preference is on and a scenario of the flow
    /// would end differently than with the file as saved: the scenarios of either version run on
    /// both, here, before anything is written.
    pub(super) fn save_checked(&mut self, ctx: &egui::Context, then: Option<Intent>) {
        match self.outcomes_a_save_changes() {
            Some((changed, total)) if !changed.is_empty() => {
                self.files.modals.push_back(Modal::ConfirmSave {
                    changed,
                    total,
                    then,
                });
            }
            _ => self.save_then(ctx, then),
        }
    }

    /// The scenarios a save would make end differently (and how many were compared); none when
    /// there is nothing to check: the preference is off, no file yet, nothing unsaved, no
    /// scenarios, or the file no longer reads.
    fn outcomes_a_save_changes(&self) -> Option<(Vec<String>, usize)> {
        let doc = &self.state.doc;
        let has_scenarios = !doc.flow.scenarios.is_empty();
        if self.settings.save_check != SaveCheck::WarnOnOutcomeChange
            || !doc.is_dirty()
            || !has_scenarios
        {
            return None;
        }
        let path = doc.path.as_deref()?;
        let saved = file::load(path).ok()?.flow;
        let options = Options {
            env_secrets: crate::secrets::env_secrets(),
            library: crate::library::library_for(path),
            ..Options::default()
        };
        let comparisons = diff::compare_runs(&saved, &doc.flow, &options);
        let changed = comparisons
            .iter()
            .filter(|comparison| comparison.is_changed())
            .map(|comparison| comparison.scenario.clone())
            .collect();
        Some((changed, comparisons.len()))
    }

    /// Reads the other version and opens the comparison (the first one is made next frame).
    fn compare_with(&mut self, against: Against) {
        match file::load(against.path()) {
            Ok(loaded) => {
                let comparison =
                    Comparison::new(against, loaded.flow, self.state.doc.path.as_deref());
                self.compare = Some(OpenComparison {
                    comparison,
                    generation: self.files.generation,
                });
                self.state.compare_overlay = None;
            }
            Err(err) => self.show_error(
                "compare-could-not-read",
                Message::new("window-detail").with("detail", err),
            ),
        }
    }

    fn close_comparison(&mut self) {
        self.compare = None;
        self.state.compare_overlay = None;
    }

    /// Each frame before drawing: the comparison follows the flow and gives the canvas its marks.
    pub(super) fn compare_frame(&mut self, ctx: &egui::Context) {
        if self
            .compare
            .as_ref()
            .is_some_and(|open| open.generation != self.files.generation)
        {
            self.close_comparison();
        }
        let Some(open) = &mut self.compare else {
            return;
        };
        let comparison = &mut open.comparison;
        comparison.tick(ctx, &self.state.doc.flow, self.state.revision);
        let key = (comparison.version, self.state.lang);
        if comparison.marked != Some(key) {
            if comparison.marked.is_none() {
                // The list takes room beside the canvas: show the whole flow in what is left.
                self.canvas.request(crate::ui::context::ViewRequest::Fit);
            }
            self.state.compare_overlay = Some(comparison.overlay(self.state.lang));
            comparison.marked = Some(key);
            ctx.request_repaint();
        }
    }

    /// The two runs of a scenario side by side, when opened.
    pub(super) fn compare_windows_ui(&mut self, ctx: &egui::Context) {
        let lang = self.state.lang;
        let Some(open) = &mut self.compare else {
            return;
        };
        let name = compare::against_name(open.comparison.against());
        if let Some(runs) = &mut open.comparison.runs
            && !compare::side_by_side_ui(ctx, lang, &name, runs)
        {
            open.comparison.runs = None;
        }
    }

    /// The open comparison, if any.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.compare.as_ref().map(|open| &open.comparison)
    }
}

/// The comparison's list, in a panel on the right of the canvas, when one is open; what the
/// user asks for goes to `out`.
pub(super) fn compare_panel_ui(
    ui: &mut egui::Ui,
    open: Option<&OpenComparison>,
    lang: crate::i18n::Lang,
    revision: u64,
    out: &mut Vec<AppCommand>,
) {
    let Some(open) = open else {
        return;
    };
    let answer = egui::Panel::right("fluxo.compare")
        .resizable(true)
        .default_size(380.0)
        .min_size(280.0)
        .show(ui, |ui| {
            compare::panel_ui(ui, lang, &open.comparison, revision)
        })
        .inner;
    out.extend(answer.map(|answer| match answer {
        PanelAnswer::Close => AppCommand::Compare(CompareRequest::Close),
        PanelAnswer::ShowRuns(index) => AppCommand::Compare(CompareRequest::ShowRuns(index)),
        PanelAnswer::ShowNode(id) => AppCommand::ShowNode(id, NodeFocus::Center),
    }));
}
