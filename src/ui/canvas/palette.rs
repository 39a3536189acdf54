//! The palette of the ten node kinds: drag one onto the canvas (it lands where it is dropped) or
//! click it (it lands in the middle of the view). The canvas's context menu lists the same kinds.

use egui::text::LayoutJob;
use egui::{
    Align2, Color32, CornerRadius, FontId, Id, LayerId, Order, Rect, Role, Sense, Stroke,
    StrokeKind, TextFormat, WidgetInfo, vec2,
};
use fluxo_core::flow::KindTag;

use crate::i18n::Lang;
use crate::ui::context::{AppCommand, FrameCx, Panel};
use crate::ui::theme;

const ROW_HEIGHT: f32 = 42.0;
const CHIP: f32 = 28.0;

/// The palette panel (its search text lives in egui's memory).
#[derive(Clone, Copy, Debug, Default)]
pub struct Palette;

impl Panel for Palette {
    /// Draws the palette; a kind clicked is added in the middle of the view.
    fn ui(&mut self, ui: &mut egui::Ui, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        if let Some(tag) = palette_ui(ui, cx) {
            out.push(AppCommand::AddNode(tag));
        }
    }
}

/// Draws the palette. Returns a kind that was clicked.
fn palette_ui(ui: &mut egui::Ui, cx: &FrameCx<'_>) -> Option<KindTag> {
    let (flow, lang) = (cx.flow, cx.lang);
    let filter_id = ui.scope_id().with("fluxo.palette.filter");
    let mut filter: String = ui.data(|d| d.get_temp(filter_id)).unwrap_or_default();
    ui.add_space(4.0);
    ui.label(
        egui::RichText::new(lang.tr("canvas-nodes"))
            .strong()
            .size(15.0),
    );
    ui.add_space(2.0);
    ui.add(
        egui::TextEdit::singleline(&mut filter)
            .hint_text(lang.tr("canvas-search-nodes"))
            .desired_width(f32::INFINITY),
    );
    ui.data_mut(|d| d.insert_temp(filter_id, filter.clone()));
    ui.add_space(6.0);
    let needle = filter.trim().to_lowercase();
    let has_entry = flow.entry().is_some();
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for tag in KindTag::ALL {
                let label = lang.tr(theme::kind_label(tag));
                let description = lang.tr(theme::kind_description(tag));
                if !needle.is_empty()
                    && !label.to_lowercase().contains(&needle)
                    && !description.to_lowercase().contains(&needle)
                    && !tag.as_str().to_lowercase().contains(&needle)
                {
                    continue;
                }
                let is_enabled = tag != KindTag::Entry || !has_entry;
                if item_ui(ui, lang, tag, is_enabled).clicked() {
                    clicked = Some(tag);
                }
            }
            ui.add_space(8.0);
            ui.label(
                egui::RichText::new(lang.tr("canvas-drag-onto-canvas-right-click"))
                    .weak()
                    .small(),
            );
        });
    clicked
}

fn item_ui(ui: &mut egui::Ui, lang: Lang, tag: KindTag, is_enabled: bool) -> egui::Response {
    let label = lang.tr(theme::kind_label(tag));
    let description = lang.tr(theme::kind_description(tag));
    let sense = if is_enabled {
        Sense::click_and_drag()
    } else {
        Sense::hover()
    };
    let fade = if is_enabled { 1.0 } else { 0.4 };
    let visuals = ui.visuals();
    let colors = (
        visuals.strong_text_color().gamma_multiply(fade),
        visuals.weak_text_color().gamma_multiply(fade),
    );
    let width = ui.available_width();
    let galley = item_text(ui, label, description, width - TEXT_LEFT - 4.0, colors);
    // A description longer than one line ("Espera na fila de um departamento") gets a second.
    let height = ROW_HEIGHT.max(galley.size().y + 10.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), sense);
    response.widget_info(|| WidgetInfo::labeled(Role::Button, is_enabled, label));
    let response = if is_enabled {
        response.on_hover_cursor(egui::CursorIcon::Grab)
    } else {
        response.on_hover_text(lang.tr("canvas-flow-has-one-entry-node"))
    };
    if response.drag_started() {
        egui::DragAndDrop::set_payload(ui.ctx(), tag);
    }
    let visuals = ui.visuals();
    if response.hovered() && is_enabled {
        ui.painter().rect_filled(
            rect,
            CornerRadius::same(6),
            visuals.widgets.hovered.weak_bg_fill,
        );
    }
    let painter = ui.painter();
    let chip = Rect::from_min_size(
        rect.min + vec2(6.0, (rect.height() - CHIP) / 2.0),
        vec2(CHIP, CHIP),
    );
    chip_ui(painter, chip, tag, fade);
    painter.galley(
        egui::pos2(
            rect.min.x + TEXT_LEFT,
            rect.center().y - galley.size().y / 2.0,
        ),
        galley,
        colors.0,
    );
    if response.dragged() {
        drag_ghost(ui, tag, label);
    }
    response
}

/// Where a row's text starts: after the chip.
const TEXT_LEFT: f32 = 6.0 + CHIP + 10.0;

/// A row's name and description, wrapped at `width`: the name on one line, the description on
/// up to two (`colors`: strong, weak).
fn item_text(
    ui: &egui::Ui,
    label: &str,
    description: &str,
    width: f32,
    colors: (Color32, Color32),
) -> std::sync::Arc<egui::Galley> {
    let mut job = LayoutJob::default();
    job.append(
        label,
        0.0,
        TextFormat::simple(FontId::proportional(13.5), colors.0),
    );
    job.append(
        &format!("\n{description}"),
        0.0,
        TextFormat::simple(FontId::proportional(11.0), colors.1),
    );
    job.wrap.max_width = width.max(10.0);
    job.wrap.max_rows = 3;
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

/// A kind's coloured chip with its glyph.
fn chip_ui(painter: &egui::Painter, chip: Rect, tag: KindTag, fade: f32) {
    painter.rect_filled(
        chip,
        CornerRadius::same(7),
        theme::kind_color(tag).gamma_multiply(fade),
    );
    painter.text(
        chip.center(),
        Align2::CENTER_CENTER,
        theme::kind_glyph(tag),
        FontId::proportional(15.0),
        Color32::WHITE,
    );
}

/// The chip and name following the pointer while a kind is dragged.
fn drag_ghost(ui: &egui::Ui, tag: KindTag, label: &str) {
    let Some(pointer) = ui.ctx().pointer_interact_pos() else {
        return;
    };
    let painter = ui.ctx().layer_painter(LayerId::new(
        Order::Tooltip,
        Id::unique("fluxo.palette.ghost"),
    ));
    let visuals = ui.visuals();
    let text = painter.layout_no_wrap(
        label.to_owned(),
        FontId::proportional(13.0),
        visuals.strong_text_color(),
    );
    let rect = Rect::from_min_size(
        pointer + vec2(12.0, 8.0),
        vec2(CHIP + 18.0 + text.size().x, CHIP + 8.0),
    );
    painter.rect(
        rect,
        CornerRadius::same(8),
        visuals.window_fill,
        Stroke::new(1.0, theme::kind_color(tag)),
        StrokeKind::Inside,
    );
    let chip = Rect::from_min_size(rect.min + vec2(4.0, 4.0), vec2(CHIP, CHIP));
    chip_ui(&painter, chip, tag, 1.0);
    painter.galley(
        egui::pos2(chip.max.x + 8.0, rect.center().y - text.size().y / 2.0),
        text,
        visuals.strong_text_color(),
    );
}

/// The kinds as menu items (the canvas's context menu). Returns the one picked.
pub(super) fn kind_menu(ui: &mut egui::Ui, lang: Lang, has_entry: bool) -> Option<KindTag> {
    let mut picked = None;
    for tag in KindTag::ALL {
        let is_enabled = tag != KindTag::Entry || !has_entry;
        let glyph = egui::RichText::new(theme::kind_glyph(tag)).color(theme::kind_color(tag));
        let button = egui::Button::new((glyph, lang.tr(theme::kind_label(tag))));
        if ui.add_enabled(is_enabled, button).clicked() {
            picked = Some(tag);
        }
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    /// At the palette's width, no kind's name or description is cut, in either language.
    #[test]
    fn every_description_fits_whole() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            // The palette is 212 points wide, less its frame's margins.
            let width = 212.0 - 2.0 * 8.0 - TEXT_LEFT - 4.0;
            for lang in Lang::ALL {
                for tag in KindTag::ALL {
                    let label = lang.tr(theme::kind_label(tag));
                    let description = lang.tr(theme::kind_description(tag));
                    let colors = (Color32::WHITE, Color32::GRAY);
                    let galley = item_text(ui, label, description, width, colors);
                    assert!(!galley.elided, "{lang:?} {tag:?}: {description}");
                }
            }
        });
        output.textures_delta.clear();
    }
}
