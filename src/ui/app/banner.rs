//! Messages above the canvas until dismissed: a file that did not open, unknown fields.

use crate::i18n::Lang;
use crate::tr;
use crate::ui::context::Message;
use crate::ui::theme;

/// A message shown above the canvas until dismissed, worded when shown.
#[derive(Clone, Debug)]
pub(super) enum Banner {
    /// A file that did not open, and why.
    OpenFailed { path: String, error: Message },
    /// Fields the file had that the model does not know.
    UnknownFields(Vec<String>),
}

impl Banner {
    pub(super) fn is_error(&self) -> bool {
        matches!(self, Banner::OpenFailed { .. })
    }

    pub(super) fn text(&self, lang: Lang) -> String {
        match self {
            Banner::OpenFailed { path, error } => tr!(
                lang,
                "window-could-not-open-path",
                path = path.as_str(),
                error = error.text(lang)
            ),
            Banner::UnknownFields(fields) => {
                tr!(
                    lang,
                    "window-unknown-fields-ignored",
                    list = fields.join(", ")
                )
            }
        }
    }
}

/// The banners above the canvas, each with its Dismiss button.
pub(super) fn banners_ui(ui: &mut egui::Ui, banners: &mut Vec<Banner>, lang: Lang) {
    let mut dismissed = None;
    for (index, banner) in banners.iter().enumerate() {
        let color = if banner.is_error() {
            theme::severity_color(fluxo_core::Severity::Error)
        } else {
            theme::severity_color(fluxo_core::Severity::Warning)
        };
        egui::Frame::new()
            .fill(color.gamma_multiply(0.18))
            .stroke(egui::Stroke::new(1.0, color))
            .inner_margin(egui::Margin::symmetric(10, 6))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let glyph = if banner.is_error() { "⛔" } else { "⚠" };
                    ui.label(egui::RichText::new(glyph).color(color));
                    ui.add(egui::Label::new(banner.text(lang)).wrap());
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.small_button(lang.tr("window-dismiss")).clicked() {
                            dismissed = Some(index);
                        }
                    });
                });
            });
    }
    if let Some(index) = dismissed {
        banners.remove(index);
    }
}
