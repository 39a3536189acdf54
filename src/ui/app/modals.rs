//! The modal windows: unsaved changes (Save / Discard / Cancel), "back without saving"
//! (Discard and go back / Cancel), an error (a file that would not open or save), the recovery
//! offer after a crash (Recover / Discard), and the path field. The safe answer has the keyboard
//! focus, so Enter never loses work; Escape cancels.

use egui::{Id, RichText};

use super::FluxoApp;
use super::files::{Intent, Modal, file_name};
use crate::i18n::Lang;
use crate::tr;
use crate::ui::context::Message;
use crate::ui::files::path_prompt::PathAnswer;
use crate::ui::files::{PathPurpose, RecoveryFile, recovery};
use crate::ui::theme;

/// An answer to the unsaved-changes prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unsaved {
    Save,
    Discard,
    Cancel,
}

/// An answer to a two-button question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Choice {
    Yes,
    No,
}

/// An answer to "this save changes what scenarios do".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SaveAnswer {
    SaveAnyway,
    CompareFirst,
    Cancel,
}

/// An answer to the recovery offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Recovery {
    Recover,
    Discard,
    /// Escape: keep the file and ask again at the next start.
    Later,
}

impl FluxoApp {
    /// Shows the first modal of the queue and acts on its answer.
    pub(super) fn modals_ui(&mut self, ctx: &egui::Context) {
        let name = self.document_name();
        let lang = self.state.lang;
        let Some(modal) = self.files.modals.front_mut() else {
            return;
        };
        match modal {
            Modal::Unsaved(intent) => {
                let intent = intent.clone();
                if let Some(answer) = unsaved_ui(ctx, lang, &name, &intent) {
                    self.files.modals.pop_front();
                    match answer {
                        Unsaved::Save => self.save_then(ctx, Some(intent)),
                        Unsaved::Discard => self.perform(ctx, intent),
                        Unsaved::Cancel => {}
                    }
                }
            }
            Modal::ConfirmBack => {
                if let Some(answer) = confirm_back_ui(ctx, lang, &name) {
                    self.files.modals.pop_front();
                    if answer == Choice::Yes {
                        self.perform(ctx, Intent::StartPage);
                    }
                }
            }
            Modal::Error { title, detail } => {
                if error_ui(ctx, lang, title, detail) {
                    self.files.modals.pop_front();
                }
            }
            Modal::Recover { from, file } => {
                if let Some(answer) = recover_ui(ctx, lang, file) {
                    let from = from.clone();
                    let file = file.clone();
                    self.files.modals.pop_front();
                    match answer {
                        Recovery::Recover => self.request(ctx, Intent::Recover { file, from }),
                        Recovery::Discard => recovery::remove(&from),
                        Recovery::Later => {}
                    }
                }
            }
            Modal::ConfirmSave {
                changed,
                total,
                then,
            } => {
                if let Some(answer) = confirm_save_ui(ctx, lang, &name, changed, *total) {
                    let then = then.take();
                    self.files.modals.pop_front();
                    match answer {
                        SaveAnswer::SaveAnyway => self.save_then(ctx, then),
                        SaveAnswer::CompareFirst => {
                            self.run_compare(ctx, crate::ui::context::CompareRequest::WithSaved);
                        }
                        SaveAnswer::Cancel => {}
                    }
                }
            }
            Modal::Path { prompt, then } => {
                let purpose = prompt.purpose;
                if let Some(answer) = prompt.ui(ctx, lang) {
                    let then = then.take();
                    self.files.modals.pop_front();
                    if let PathAnswer::Path(path) = answer {
                        match purpose {
                            PathPurpose::Open => self.request(ctx, Intent::Open(path)),
                            PathPurpose::SaveAs => self.start_save(ctx, path, then),
                            PathPurpose::Compare => self.run_compare(
                                ctx,
                                crate::ui::context::CompareRequest::WithPath(path),
                            ),
                        }
                    }
                }
            }
        }
    }

    /// The document as messages name it: its file, else its flow's name, else "this flow".
    pub(super) fn document_name(&self) -> String {
        let flow = &self.state.doc.flow;
        match &self.state.doc.path {
            Some(path) => file_name(path),
            None if !flow.name.trim().is_empty() => flow.name.clone(),
            None => self.state.lang.tr("window-this-flow").to_owned(),
        }
    }
}

/// A modal with a heading and a body; the buttons come from `buttons`.
fn question_ui<T>(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    body: &[String],
    buttons: impl FnOnce(&mut egui::Ui) -> Option<T>,
) -> (Option<T>, bool) {
    let response = egui::Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(heading);
        ui.add_space(4.0);
        for line in body {
            ui.add(egui::Label::new(line.as_str()).wrap());
        }
        ui.add_space(10.0);
        ui.horizontal(buttons).inner
    });
    let should_close = response.should_close();
    (response.inner, should_close)
}

/// A button that takes the keyboard focus when nothing in the modal has it.
fn default_button(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let button = ui.add(egui::Button::new(RichText::new(text).strong()));
    if ui.memory(|m| m.focused().is_none()) {
        button.request_focus();
    }
    button
}

fn unsaved_ui(ctx: &egui::Context, lang: Lang, name: &str, intent: &Intent) -> Option<Unsaved> {
    let heading = match intent {
        Intent::New => tr!(lang, "window-save-changes-before-new", name = name),
        Intent::Open(_) | Intent::OpenSample => {
            tr!(lang, "window-save-changes-before-opening", name = name)
        }
        Intent::Recover { .. } => tr!(lang, "window-save-changes-before-recovering", name = name),
        Intent::StartPage => tr!(lang, "window-save-changes-before-start-page", name = name),
        Intent::Quit => tr!(lang, "window-save-changes-before-closing", name = name),
    };
    let body = [lang.tr("window-if-you-do-not-save").to_owned()];
    let (answer, should_close) = question_ui(ctx, "fluxo.unsaved", &heading, &body, |ui| {
        if default_button(ui, lang.tr("action-file-save")).clicked() {
            return Some(Unsaved::Save);
        }
        if ui.button(lang.tr("window-discard")).clicked() {
            return Some(Unsaved::Discard);
        }
        if ui.button(lang.tr("window-cancel")).clicked() {
            return Some(Unsaved::Cancel);
        }
        None
    });
    answer.or(should_close.then_some(Unsaved::Cancel))
}

fn confirm_back_ui(ctx: &egui::Context, lang: Lang, name: &str) -> Option<Choice> {
    let heading = lang.tr("window-go-back-without-saving");
    let body = [tr!(lang, "window-changes-since-saved-lost", name = name)];
    let (answer, should_close) = question_ui(ctx, "fluxo.back", heading, &body, |ui| {
        let discard = egui::Button::new(
            RichText::new(lang.tr("window-discard-and-go-back"))
                .color(theme::severity_color(fluxo_core::Severity::Error)),
        );
        if ui.add(discard).clicked() {
            return Some(Choice::Yes);
        }
        if default_button(ui, lang.tr("window-cancel")).clicked() {
            return Some(Choice::No);
        }
        None
    });
    answer.or(should_close.then_some(Choice::No))
}

/// True once dismissed. `title` is a message id; `detail` is worded now, in `lang`.
fn error_ui(ctx: &egui::Context, lang: Lang, title: &'static str, detail: &Message) -> bool {
    let response = egui::Modal::new(Id::unique("fluxo.error")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new("⛔")
                    .size(18.0)
                    .color(theme::severity_color(fluxo_core::Severity::Error)),
            );
            ui.heading(lang.tr(title));
        });
        ui.add_space(4.0);
        ui.add(egui::Label::new(RichText::new(detail.text(lang)).monospace()).wrap());
        ui.add_space(10.0);
        default_button(ui, lang.tr("window-ok")).clicked()
    });
    response.inner || response.should_close()
}

fn recover_ui(ctx: &egui::Context, lang: Lang, file: &RecoveryFile) -> Option<Recovery> {
    let heading = lang.tr("window-recover-unsaved-changes");
    let whose = if let Some(path) = &file.file {
        let file = path.display().to_string();
        tr!(lang, "window-closed-without-saving-file", file = file)
    } else {
        let name = file.flow.name.as_str();
        tr!(lang, "window-closed-without-saving-new-flow", name = name)
    };
    let ago = tr!(lang, "window-minutes-ago", n = file.minutes_ago());
    let when = tr!(
        lang,
        "window-they-were-kept",
        when = file.saved_at_text(),
        ago = ago
    );
    let body = [whose, when];
    let (answer, should_close) = question_ui(ctx, "fluxo.recover", heading, &body, |ui| {
        if default_button(ui, lang.tr("window-recover")).clicked() {
            return Some(Recovery::Recover);
        }
        if ui.button(lang.tr("window-discard")).clicked() {
            return Some(Recovery::Discard);
        }
        None
    });
    // Escape or a click beside it leaves the file for the next start.
    answer.or(should_close.then_some(Recovery::Later))
}

/// "Saving changes what N scenarios do": which ones, then Save anyway / Compare first / Cancel
/// (the safe answer, Compare first, has the focus).
fn confirm_save_ui(
    ctx: &egui::Context,
    lang: Lang,
    name: &str,
    changed: &[String],
    total: usize,
) -> Option<SaveAnswer> {
    const LISTED: usize = 6;
    let heading = tr!(
        lang,
        "compare-save-heading",
        name = name,
        changed = changed.len(),
        total = total
    );
    let mut body = vec![lang.tr("compare-save-body").to_owned()];
    body.extend(
        changed
            .iter()
            .take(LISTED)
            .map(|scenario| format!("• {scenario}")),
    );
    if changed.len() > LISTED {
        body.push(tr!(
            lang,
            "compare-save-more",
            count = changed.len() - LISTED
        ));
    }
    let (answer, should_close) = question_ui(ctx, "fluxo.confirm_save", &heading, &body, |ui| {
        if default_button(ui, lang.tr("compare-save-compare-first")).clicked() {
            return Some(SaveAnswer::CompareFirst);
        }
        if ui.button(lang.tr("compare-save-anyway")).clicked() {
            return Some(SaveAnswer::SaveAnyway);
        }
        if ui.button(lang.tr("window-cancel")).clicked() {
            return Some(SaveAnswer::Cancel);
        }
        None
    });
    answer.or(should_close.then_some(SaveAnswer::Cancel))
}
