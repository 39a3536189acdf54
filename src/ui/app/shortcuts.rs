//! The shortcuts sheet (F1, Help > Keyboard shortcuts): generated from the action registry, so
//! every action is listed with the keys that really work, grouped as the menus are and in the
//! window's language, followed by the canvas's gestures.

use egui::{Grid, RichText};

use crate::ui::actions::Action;
use crate::ui::i18n::Tr;

/// The canvas's gestures: (what to do, what it does), in English.
pub const GESTURES: &[(&str, &str)] = &[
    ("Drag a node", "Move it, with the rest of the selection"),
    (
        "Drag from an output port to a node",
        "Connect them (an occupied port is rewired)",
    ),
    ("Drag a wire's end off its node", "Disconnect it"),
    ("Drag the background, middle-drag or scroll", "Pan the view"),
    ("Ctrl+scroll or pinch", "Zoom around the pointer"),
    (
        "Shift+drag",
        "Select with a rubber band (replaces the selection)",
    ),
    ("Ctrl+drag", "Rubber band that adds to the selection"),
    ("Shift+click or Ctrl+click", "Add or remove one node"),
    (
        "Right-click",
        "Context menu: add a node here, duplicate, delete, disconnect",
    ),
    ("Escape", "Cancel a gesture, or clear the selection"),
    ("Drop a flow file on the window", "Open it"),
];

/// Draws the sheet while `is_open`.
pub fn shortcuts_ui(ctx: &egui::Context, is_open: &mut bool) {
    egui::Window::new(ctx.tr("Keyboard shortcuts"))
        .id(egui::Id::unique("fluxo.shortcuts"))
        .open(is_open)
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .resizable(false)
        .show(ctx, |ui| {
            // The window fits its content, up to most of the screen's height; then it scrolls.
            let max_height = (ui.ctx().content_rect().height() - 120.0).max(240.0);
            egui::ScrollArea::vertical()
                .max_height(max_height)
                .min_scrolled_height(max_height)
                .show(ui, sheet_ui);
        });
}

/// Every action, grouped, then the canvas's gestures.
fn sheet_ui(ui: &mut egui::Ui) {
    // One grid for every group, so that the columns line up.
    Grid::new("fluxo.shortcuts.actions")
        .num_columns(3)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            let mut group = "";
            for action in Action::all() {
                if action.group() != group {
                    group = action.group();
                    group_header_ui(ui, group);
                }
                let keys = action.all_shortcuts_text(ui.ctx());
                ui.label(RichText::new(keys).monospace());
                ui.label(ui.tr(action.label()));
                ui.label(RichText::new(ui.tr(action.tooltip())).weak());
                ui.end_row();
            }
        });
    ui.add_space(10.0);
    ui.label(RichText::new(ui.tr("Canvas")).strong().size(15.0));
    Grid::new("fluxo.shortcuts.gestures")
        .num_columns(2)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for (gesture, does) in GESTURES {
                ui.label(RichText::new(ui.tr(gesture)).monospace());
                ui.label(ui.tr(does));
                ui.end_row();
            }
        });
}

/// A group's name on a row of its own (spacing is not possible inside a grid: a taller font).
fn group_header_ui(ui: &mut egui::Ui, group: &'static str) {
    ui.label(RichText::new(ui.tr(group)).strong().size(17.0));
    ui.end_row();
}
