//! The top bar: the flow's name and the menus. Every entry is an [`Action`] from the registry
//! (`ui::actions`), so its label, tooltip and key are the ones the keyboard and the shortcuts
//! sheet use; the app runs the chosen actions after drawing.

use egui::{Align, Layout, RichText, ThemePreference};

use super::Panels;
use crate::ui::actions::{self, Action, EditAction, ViewAction};
use crate::ui::i18n::Tr;
use crate::ui::theme::ACCENT;

/// What the top bar shows.
// A snapshot of independent facts for drawing the menus, not a state machine.
#[allow(clippy::struct_excessive_bools)]
pub struct MenuState {
    pub name: String,
    pub file: Option<String>,
    pub is_dirty: bool,
    pub panels: Panels,
    pub show_minimap: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    pub has_selection: bool,
    pub sim: crate::ui::sim_panel::menu::SimMenuState,
}

pub fn top_bar_ui(ui: &mut egui::Ui, state: &MenuState, chosen: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.label(RichText::new("fluxo").strong().size(16.0).color(ACCENT));
        ui.add_space(6.0);
        edit_menu(ui, state, chosen);
        view_menu(ui, state, chosen);
        crate::ui::sim_panel::menu::simulator_menu_ui(ui, &state.sim, chosen);
        let team = Action::View(ViewAction::ToggleTeam);
        if ui
            .selectable_label(state.panels.team, format!("👥 {}", ui.tr(team.label())))
            .on_hover_text(ui.tr(team.tooltip()))
            .clicked()
        {
            chosen.push(team);
        }
        ui.separator();
        ui.label(RichText::new(&state.name).strong().size(14.5));
        if state.is_dirty {
            ui.label(RichText::new("•").color(ACCENT))
                .on_hover_text(ui.tr("unsaved changes"));
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let file = state
                .file
                .clone()
                .unwrap_or_else(|| ui.tr("sample flow").to_owned());
            ui.label(RichText::new(file).weak());
        });
    });
}

fn edit_menu(ui: &mut egui::Ui, state: &MenuState, chosen: &mut Vec<Action>) {
    ui.menu_button(ui.tr("Edit"), |ui| {
        for (action, enabled) in [
            (EditAction::Undo, state.can_undo),
            (EditAction::Redo, state.can_redo),
            (EditAction::Delete, state.has_selection),
            (EditAction::Duplicate, state.has_selection),
            (EditAction::SelectAll, true),
        ] {
            if action == EditAction::Delete {
                ui.separator();
            }
            if actions::menu_item(ui, Action::Edit(action), enabled) {
                chosen.push(Action::Edit(action));
            }
        }
    });
}

fn view_menu(ui: &mut egui::Ui, state: &MenuState, chosen: &mut Vec<Action>) {
    ui.menu_button(ui.tr("View"), |ui| {
        for (action, is_on) in [
            (ViewAction::TogglePalette, state.panels.palette),
            (ViewAction::ToggleInspector, state.panels.inspector),
            (ViewAction::ToggleFindings, state.panels.findings),
            (ViewAction::ToggleTeam, state.panels.team),
            (ViewAction::ToggleMinimap, state.show_minimap),
        ] {
            if actions::menu_toggle(ui, Action::View(action), is_on) {
                chosen.push(Action::View(action));
            }
        }
        ui.separator();
        for action in [
            ViewAction::Fit,
            ViewAction::ZoomIn,
            ViewAction::ZoomOut,
            ViewAction::ZoomReset,
            ViewAction::ToggleFullscreen,
        ] {
            if actions::menu_item(ui, Action::View(action), true) {
                chosen.push(Action::View(action));
            }
        }
        ui.separator();
        let current = ui.ctx().options(|o| o.theme_preference);
        for (action, preference) in [
            (ViewAction::ThemeSystem, ThemePreference::System),
            (ViewAction::ThemeDark, ThemePreference::Dark),
            (ViewAction::ThemeLight, ThemePreference::Light),
        ] {
            if actions::menu_toggle(ui, Action::View(action), current == preference) {
                chosen.push(Action::View(action));
                ui.close();
            }
        }
    });
}
