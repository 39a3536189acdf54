//! The top bar: the flow's name, the menus and the Team switch. Menus push [`AppCommand`]s that
//! the app runs after drawing; new menus (files, edit, language) add commands here.

use egui::{Align, Layout, RichText, ThemePreference};

use super::Panels;
use crate::ui::i18n::Tr;
use crate::ui::theme::ACCENT;

/// Something a menu or a shortcut asks the app to do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AppCommand {
    TogglePalette,
    ToggleInspector,
    ToggleFindings,
    ToggleTeam,
    ToggleMinimap,
    Fit,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ToggleFullscreen,
    SetTheme(ThemePreference),
    Undo,
    Redo,
}

/// What the top bar shows.
pub struct MenuState {
    pub name: String,
    pub file: Option<String>,
    pub is_dirty: bool,
    pub panels: Panels,
    pub show_minimap: bool,
}

pub fn top_bar_ui(ui: &mut egui::Ui, state: &MenuState, commands: &mut Vec<AppCommand>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.label(RichText::new("fluxo").strong().size(16.0).color(ACCENT));
        ui.add_space(6.0);
        view_menu(ui, state, commands);
        if ui
            .selectable_label(state.panels.team, format!("👥 {}", ui.tr("Team")))
            .on_hover_text(ui.tr("Edit and mock the team this flow is designed for"))
            .clicked()
        {
            commands.push(AppCommand::ToggleTeam);
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

fn view_menu(ui: &mut egui::Ui, state: &MenuState, commands: &mut Vec<AppCommand>) {
    ui.menu_button(ui.tr("View"), |ui| {
        let mut toggle = |ui: &mut egui::Ui, is_on: bool, label: &str, command: AppCommand| {
            let mut shown = is_on;
            if ui.checkbox(&mut shown, label).clicked() {
                commands.push(command);
            }
        };
        toggle(
            ui,
            state.panels.palette,
            ui.tr("Palette"),
            AppCommand::TogglePalette,
        );
        toggle(
            ui,
            state.panels.inspector,
            ui.tr("Inspector"),
            AppCommand::ToggleInspector,
        );
        toggle(
            ui,
            state.panels.findings,
            ui.tr("Problems"),
            AppCommand::ToggleFindings,
        );
        toggle(ui, state.panels.team, ui.tr("Team"), AppCommand::ToggleTeam);
        toggle(
            ui,
            state.show_minimap,
            ui.tr("Minimap"),
            AppCommand::ToggleMinimap,
        );
        ui.separator();
        let mut item = |ui: &mut egui::Ui, label: &str, shortcut: &str, command: AppCommand| {
            if ui
                .add(egui::Button::new(label).shortcut_text(shortcut))
                .clicked()
            {
                commands.push(command);
                ui.close();
            }
        };
        item(ui, ui.tr("Fit to view"), "F", AppCommand::Fit);
        item(ui, ui.tr("Zoom in"), "+", AppCommand::ZoomIn);
        item(ui, ui.tr("Zoom out"), "-", AppCommand::ZoomOut);
        item(ui, ui.tr("Actual size"), "", AppCommand::ZoomReset);
        item(ui, ui.tr("Fullscreen"), "F11", AppCommand::ToggleFullscreen);
        ui.separator();
        ui.menu_button(ui.tr("Theme"), |ui| {
            let current = ui.ctx().options(|o| o.theme_preference);
            for (preference, label) in [
                (ThemePreference::System, ui.tr("System")),
                (ThemePreference::Dark, ui.tr("Dark")),
                (ThemePreference::Light, ui.tr("Light")),
            ] {
                if ui
                    .add(egui::Button::selectable(current == preference, label))
                    .clicked()
                {
                    commands.push(AppCommand::SetTheme(preference));
                    ui.close();
                }
            }
        });
    });
}
