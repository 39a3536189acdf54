//! The zoom controls in the canvas's bottom-left corner: zoom out, the zoom (click: 100 %),
//! zoom in, fit, and the minimap switch.

use egui::{Align, Layout, Rect, RichText, UiBuilder, vec2};

use super::{Canvas, ViewRequest};
use crate::i18n::Lang;
use crate::ui::actions::{self, Action, ViewAction};
use crate::ui::theme::ACCENT;

fn small_colored(text: &str, color: egui::Color32) -> egui::Button<'_> {
    egui::Button::new(RichText::new(text).size(15.0).color(color)).frame(false)
}

pub(super) fn ui(canvas: &mut Canvas, ui: &mut egui::Ui, lang: Lang) {
    let area = canvas.area;
    if area.width() < 320.0 || area.height() < 120.0 {
        return;
    }
    let bar = Rect::from_min_max(
        area.left_bottom() + vec2(12.0, -52.0),
        area.left_bottom() + vec2(420.0, -12.0),
    );
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(bar)
            .layout(Layout::left_to_right(Align::Max)),
    );
    egui::Frame::popup(child.style())
        .inner_margin(egui::Margin::symmetric(6, 4))
        .show(&mut child, |ui| buttons_ui(canvas, ui, lang));
}

fn buttons_ui(canvas: &mut Canvas, ui: &mut egui::Ui, lang: Lang) {
    ui.spacing_mut().item_spacing.x = 2.0;
    let small = |text: &str| egui::Button::new(RichText::new(text).size(15.0)).frame(false);
    if ui
        .add(small("➖"))
        .on_hover_text(actions::hover_text(
            ui.ctx(),
            lang,
            Action::View(ViewAction::ZoomOut),
        ))
        .clicked()
    {
        canvas.request(ViewRequest::ZoomBy(0.8));
    }
    let percent = format!("{} %", canvas.zoom_percent());
    if ui
        .add(
            egui::Button::new(RichText::new(percent).monospace())
                .frame(false)
                .min_size(vec2(58.0, 0.0)),
        )
        .on_hover_text(actions::hover_text(
            ui.ctx(),
            lang,
            Action::View(ViewAction::ZoomReset),
        ))
        .clicked()
    {
        canvas.request(ViewRequest::ZoomTo(1.0));
    }
    if ui
        .add(small("➕"))
        .on_hover_text(actions::hover_text(
            ui.ctx(),
            lang,
            Action::View(ViewAction::ZoomIn),
        ))
        .clicked()
    {
        canvas.request(ViewRequest::ZoomBy(1.25));
    }
    ui.separator();
    if ui
        .add(small("⛶"))
        .on_hover_text(actions::hover_text(
            ui.ctx(),
            lang,
            Action::View(ViewAction::Fit),
        ))
        .clicked()
    {
        canvas.request(ViewRequest::Fit);
    }
    ui.add_space(4.0);
    if ui
        .add(small_colored(
            "🗺",
            if canvas.show_minimap {
                ACCENT
            } else {
                ui.visuals().weak_text_color()
            },
        ))
        .on_hover_text(actions::hover_text(
            ui.ctx(),
            lang,
            Action::View(ViewAction::ToggleMinimap),
        ))
        .clicked()
    {
        canvas.show_minimap = !canvas.show_minimap;
    }
}
