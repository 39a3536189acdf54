//! The start page, where "save and close" and "back without saving" lead (as Mosia goes back to
//! its list of flows): New, Open, the bundled sample, and the recent files (gone ones pruned).

use egui::{Align, Layout, RichText};

use super::FluxoApp;
use super::files::{Intent, file_name};
use crate::ui::actions::{self, Action, FileAction};
use crate::ui::theme::ACCENT;

impl FluxoApp {
    pub(super) fn start_page_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        let mut intent = None;
        let mut action = None;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.with_layout(Layout::top_down(Align::Center), |ui| {
                ui.add_space(48.0);
                ui.label(RichText::new("fluxo").size(40.0).strong().color(ACCENT));
                ui.label(
                    RichText::new(lang.tr("window-design-check-simulate-customer-service"))
                        .size(15.0)
                        .weak(),
                );
                ui.add_space(24.0);
                ui.horizontal(|ui| {
                    // Centre the three buttons.
                    ui.add_space((ui.available_width() - 460.0).max(0.0) / 2.0);
                    for file_action in [FileAction::New, FileAction::Open] {
                        let button = egui::Button::new(
                            RichText::new(lang.tr(start_label(file_action))).size(15.0),
                        )
                        .min_size(egui::vec2(140.0, 34.0));
                        if ui
                            .add(button)
                            .on_hover_text(actions::hover_text(
                                ui.ctx(),
                                lang,
                                Action::File(file_action),
                            ))
                            .clicked()
                        {
                            action = Some(file_action);
                        }
                    }
                    let sample = egui::Button::new(
                        RichText::new(lang.tr("window-open-the-sample-flow")).size(15.0),
                    )
                    .min_size(egui::vec2(140.0, 34.0));
                    if ui.add(sample).clicked() {
                        intent = Some(Intent::OpenSample);
                    }
                });
                ui.add_space(28.0);
                ui.label(
                    RichText::new(lang.tr("window-recent-files"))
                        .strong()
                        .size(16.0),
                );
                ui.add_space(6.0);
                let recent = self.files.recent.existing().to_vec();
                if recent.is_empty() {
                    ui.weak(lang.tr("window-no-recent-files-yet-files"));
                }
                for path in recent {
                    let folder = path
                        .parent()
                        .map(|folder| folder.display().to_string())
                        .unwrap_or_default();
                    let text = RichText::new(file_name(&path)).size(15.0);
                    let response = ui
                        .add(egui::Button::new(text).frame(false))
                        .on_hover_text(path.display().to_string());
                    ui.label(RichText::new(folder).weak().small());
                    if response.clicked() {
                        intent = Some(Intent::Open(path));
                    }
                    ui.add_space(4.0);
                }
            });
        });
        if let Some(file_action) = action {
            self.run_action(ui.ctx(), Action::File(file_action));
        }
        if let Some(intent) = intent {
            self.request(ui.ctx(), intent);
        }
    }
}

/// The start page's wording for New and Open (message ids).
fn start_label(action: FileAction) -> &'static str {
    match action {
        FileAction::New => "window-new-flow",
        _ => "action-file-open",
    }
}
