//! The shortcuts sheet (F1, Help > Keyboard shortcuts): generated from the action registry, so
//! every action is listed with the keys that really work, grouped as the menus are and in the
//! window's language, followed by the canvas's gestures.

use egui::{Grid, RichText};

use crate::i18n::Lang;
use crate::ui::actions::Action;

/// The canvas's gestures: (what to do, what it does), as message ids.
pub const GESTURES: &[(&str, &str)] = &[
    ("window-gesture-move", "window-gesture-move-does"),
    ("window-gesture-connect", "window-gesture-connect-does"),
    (
        "window-gesture-disconnect",
        "window-gesture-disconnect-does",
    ),
    ("window-gesture-pan", "window-gesture-pan-does"),
    ("window-gesture-zoom", "window-gesture-zoom-does"),
    ("window-gesture-band", "window-gesture-band-does"),
    ("window-gesture-band-add", "window-gesture-band-add-does"),
    ("window-gesture-toggle", "window-gesture-toggle-does"),
    ("window-gesture-menu", "window-gesture-menu-does"),
    ("window-gesture-escape", "window-gesture-escape-does"),
    ("window-gesture-drop", "window-gesture-drop-does"),
];

/// Draws the sheet while `is_open`.
pub fn shortcuts_ui(ctx: &egui::Context, lang: Lang, is_open: &mut bool) {
    egui::Window::new(lang.tr("action-help-shortcuts"))
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
                .show(ui, |ui| sheet_ui(ui, lang));
        });
}

/// Every action, grouped, then the canvas's gestures.
fn sheet_ui(ui: &mut egui::Ui, lang: Lang) {
    // One grid for every group, so that the columns line up.
    Grid::new("fluxo.shortcuts.actions")
        .num_columns(3)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            let mut group = "";
            for action in Action::all() {
                if action.group() != group {
                    group = action.group();
                    group_header_ui(ui, lang, group);
                }
                let keys = action.all_shortcuts_text(ui.ctx(), lang);
                ui.label(RichText::new(keys).monospace());
                ui.label(lang.tr(action.label()));
                ui.label(RichText::new(lang.tr(action.tooltip())).weak());
                ui.end_row();
            }
        });
    ui.add_space(10.0);
    ui.label(RichText::new(lang.tr("window-canvas")).strong().size(15.0));
    Grid::new("fluxo.shortcuts.gestures")
        .num_columns(2)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for (gesture, does) in GESTURES {
                ui.label(RichText::new(lang.tr(gesture)).monospace());
                ui.label(lang.tr(does));
                ui.end_row();
            }
        });
}

/// A group's name on a row of its own (spacing is not possible inside a grid: a taller font).
fn group_header_ui(ui: &mut egui::Ui, lang: Lang, group: &'static str) {
    ui.label(RichText::new(lang.tr(group)).strong().size(17.0));
    ui.end_row();
}
