//! The modal windows: unsaved changes (Save / Discard / Cancel), "back without saving"
//! (Discard and go back / Cancel), an error (a file that would not open or save), the recovery
//! offer after a crash (Recover / Discard), and the path field. The safe answer has the keyboard
//! focus, so Enter never loses work; Escape cancels.

use egui::{Id, RichText};

use super::FluxoApp;
use super::files::{Intent, Modal, file_name};
use crate::ui::files::path_prompt::PathAnswer;
use crate::ui::files::{PathPurpose, RecoveryFile, recovery};
use crate::ui::i18n::Tr;
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
        let name = self.document_name(ctx);
        let Some(modal) = self.files.modals.front_mut() else {
            return;
        };
        match modal {
            Modal::Unsaved(intent) => {
                let intent = intent.clone();
                if let Some(answer) = unsaved_ui(ctx, &name, &intent) {
                    self.files.modals.pop_front();
                    match answer {
                        Unsaved::Save => self.save_then(ctx, Some(intent)),
                        Unsaved::Discard => self.perform(ctx, intent),
                        Unsaved::Cancel => {}
                    }
                }
            }
            Modal::ConfirmBack => {
                if let Some(answer) = confirm_back_ui(ctx, &name) {
                    self.files.modals.pop_front();
                    if answer == Choice::Yes {
                        self.perform(ctx, Intent::StartPage);
                    }
                }
            }
            Modal::Error { title, detail } => {
                if error_ui(ctx, title, detail) {
                    self.files.modals.pop_front();
                }
            }
            Modal::Recover { from, file } => {
                if let Some(answer) = recover_ui(ctx, file) {
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
            Modal::Path { prompt, then } => {
                let purpose = prompt.purpose;
                if let Some(answer) = prompt.ui(ctx) {
                    let then = then.take();
                    self.files.modals.pop_front();
                    if let PathAnswer::Path(path) = answer {
                        match purpose {
                            PathPurpose::Open => self.request(ctx, Intent::Open(path)),
                            PathPurpose::SaveAs => self.start_save(ctx, path, then),
                        }
                    }
                }
            }
        }
    }

    /// The document as messages name it: its file, else its flow's name.
    pub(super) fn document_name(&self, ctx: &egui::Context) -> String {
        match &self.state.doc.path {
            Some(path) => file_name(path),
            None if !self.state.doc.flow.name.trim().is_empty() => self.state.doc.flow.name.clone(),
            None => ctx.tr("this flow").to_owned(),
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

fn unsaved_ui(ctx: &egui::Context, name: &str, intent: &Intent) -> Option<Unsaved> {
    let heading = match intent {
        Intent::New => ctx.tr("Save the changes to {name} before starting a new flow?"),
        Intent::Open(_) | Intent::OpenSample => {
            ctx.tr("Save the changes to {name} before opening another flow?")
        }
        Intent::Recover { .. } => {
            ctx.tr("Save the changes to {name} before recovering the unsaved ones?")
        }
        Intent::StartPage => {
            ctx.tr("Save the changes to {name} before going back to the start page?")
        }
        Intent::Quit => ctx.tr("Save the changes to {name} before closing?"),
    }
    .replace("{name}", name);
    let body = [ctx
        .tr("If you do not save them, your changes are lost.")
        .to_owned()];
    let (answer, should_close) = question_ui(ctx, "fluxo.unsaved", &heading, &body, |ui| {
        if default_button(ui, ui.tr("Save")).clicked() {
            return Some(Unsaved::Save);
        }
        if ui.button(ui.tr("Discard")).clicked() {
            return Some(Unsaved::Discard);
        }
        if ui.button(ui.tr("Cancel")).clicked() {
            return Some(Unsaved::Cancel);
        }
        None
    });
    answer.or(should_close.then_some(Unsaved::Cancel))
}

fn confirm_back_ui(ctx: &egui::Context, name: &str) -> Option<Choice> {
    let heading = ctx.tr("Go back without saving?");
    let body = [ctx
        .tr("The changes to {name} since it was last saved will be lost.")
        .replace("{name}", name)];
    let (answer, should_close) = question_ui(ctx, "fluxo.back", heading, &body, |ui| {
        let discard = egui::Button::new(
            RichText::new(ui.tr("Discard and go back"))
                .color(theme::severity_color(fluxo_core::Severity::Error)),
        );
        if ui.add(discard).clicked() {
            return Some(Choice::Yes);
        }
        if default_button(ui, ui.tr("Cancel")).clicked() {
            return Some(Choice::No);
        }
        None
    });
    answer.or(should_close.then_some(Choice::No))
}

/// True once dismissed.
fn error_ui(ctx: &egui::Context, title: &'static str, detail: &str) -> bool {
    let response = egui::Modal::new(Id::unique("fluxo.error")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new("⛔")
                    .size(18.0)
                    .color(theme::severity_color(fluxo_core::Severity::Error)),
            );
            ui.heading(ui.tr(title));
        });
        ui.add_space(4.0);
        ui.add(egui::Label::new(RichText::new(detail).monospace()).wrap());
        ui.add_space(10.0);
        default_button(ui, "OK").clicked()
    });
    response.inner || response.should_close()
}

fn recover_ui(ctx: &egui::Context, file: &RecoveryFile) -> Option<Recovery> {
    let heading = ctx.tr("Recover unsaved changes?");
    let whose = match &file.file {
        Some(path) => ctx
            .tr("fluxo closed without saving the changes to {file}.")
            .replace("{file}", &path.display().to_string()),
        None => ctx
            .tr("fluxo closed without saving a new flow, \"{name}\".")
            .replace("{name}", &file.flow.name),
    };
    let ago = match file.minutes_ago() {
        0 => ctx.tr("less than a minute ago").to_owned(),
        1 => ctx.tr("1 minute ago").to_owned(),
        minutes => ctx
            .tr("{n} minutes ago")
            .replace("{n}", &minutes.to_string()),
    };
    let when = ctx
        .tr("They were kept on {when} ({ago}).")
        .replace("{when}", &file.saved_at_text())
        .replace("{ago}", &ago);
    let body = [whose, when];
    let (answer, should_close) = question_ui(ctx, "fluxo.recover", heading, &body, |ui| {
        if default_button(ui, ui.tr("Recover")).clicked() {
            return Some(Recovery::Recover);
        }
        if ui.button(ui.tr("Discard")).clicked() {
            return Some(Recovery::Discard);
        }
        None
    });
    // Escape or a click beside it leaves the file for the next start.
    answer.or(should_close.then_some(Recovery::Later))
}
