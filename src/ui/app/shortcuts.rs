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
        .default_size([640.0, 560.0])
        .vscroll(true)
        .show(ctx, |ui| {
            let mut group = "";
            let mut rows: Vec<Action> = Vec::new();
            for action in Action::all() {
                if action.group() != group && !rows.is_empty() {
                    group_ui(ui, group, &rows);
                    rows.clear();
                }
                group = action.group();
                rows.push(action);
            }
            if !rows.is_empty() {
                group_ui(ui, group, &rows);
            }
            ui.add_space(8.0);
            ui.label(RichText::new(ui.tr("Canvas")).strong().size(15.0));
            Grid::new("fluxo.shortcuts.gestures")
                .num_columns(2)
                .striped(true)
                .spacing([18.0, 4.0])
                .show(ui, |ui| {
                    for (gesture, does) in GESTURES {
                        ui.label(RichText::new(ui.tr(gesture)).monospace());
                        ui.label(ui.tr(does));
                        ui.end_row();
                    }
                });
        });
}

fn group_ui(ui: &mut egui::Ui, group: &'static str, actions: &[Action]) {
    ui.add_space(8.0);
    ui.label(RichText::new(ui.tr(group)).strong().size(15.0));
    Grid::new(("fluxo.shortcuts", group))
        .num_columns(3)
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for &action in actions {
                let keys = action.all_shortcuts_text(ui.ctx());
                ui.label(RichText::new(keys).monospace());
                ui.label(ui.tr(action.label()));
                ui.label(RichText::new(ui.tr(action.tooltip())).weak());
                ui.end_row();
            }
        });
}
