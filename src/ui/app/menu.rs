//! The top bar: the menus, the flow's name, and Mosia's three buttons (Save, Save and close,
//! Back without saving). Every entry is an [`Action`] from the registry (`ui::actions`), so its
//! label, tooltip and key are the ones the keyboard and the shortcuts sheet use; the app runs
//! the chosen actions after drawing.

use std::path::PathBuf;

use egui::{Align, Layout, RichText, ThemePreference};

use super::Panels;
use super::files::file_name;
use crate::i18n::Lang;
use crate::ui::actions::{self, Action, EditAction, FileAction, HelpAction, ViewAction};
use crate::ui::context::{AppCommand, CompareRequest};
use crate::ui::files::RecentFiles;
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
    /// False on the start page: only files, view and help.
    pub is_editing: bool,
    pub is_saving: bool,
    pub sim: crate::ui::sim_panel::menu::SimMenuState,
    /// A request is on its way to the real API ("Send for real"): the bar says so.
    pub is_live: bool,
    /// Whether Save asks first when a scenario would end differently.
    pub save_check: crate::ui::context::SaveCheck,
    pub lang: Lang,
}

/// Draws the bar; the chosen actions (and a recent file picked in File > Open recent) are
/// pushed to `out`.
pub fn top_bar_ui(
    ui: &mut egui::Ui,
    state: &MenuState,
    recent: &mut RecentFiles,
    out: &mut Vec<AppCommand>,
) {
    let lang = state.lang;
    let mut chosen = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.label(RichText::new("fluxo").strong().size(16.0).color(ACCENT));
        ui.add_space(6.0);
        if let Some(path) = file_menu(ui, state, recent, &mut chosen, out) {
            out.push(AppCommand::Open(path));
        }
        if state.is_editing {
            edit_menu(ui, state, &mut chosen);
        }
        view_menu(ui, state, &mut chosen);
        if state.is_editing {
            crate::ui::sim_panel::menu::simulator_menu_ui(ui, lang, &state.sim, out);
        }
        help_menu(ui, lang, &mut chosen);
        language_menu(ui, state.lang, &mut chosen);
        if !state.is_editing {
            return;
        }
        let team = Action::View(ViewAction::ToggleTeam);
        if ui
            .selectable_label(state.panels.team, format!("👥 {}", lang.tr(team.label())))
            .on_hover_text(lang.tr(team.tooltip()))
            .clicked()
        {
            chosen.push(team);
        }
        ui.separator();
        ui.label(RichText::new(&state.name).strong().size(14.5));
        if state.is_dirty {
            ui.label(RichText::new("•").color(ACCENT))
                .on_hover_text(lang.tr("window-unsaved-changes"));
        }
        if state.is_live {
            crate::ui::inspector::live_badge_ui(ui, lang)
                .on_hover_text(lang.tr("live-window-running"));
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            mosia_buttons(ui, state, &mut chosen);
            let file = state
                .file
                .clone()
                .unwrap_or_else(|| lang.tr("window-not-saved-yet").to_owned());
            ui.label(RichText::new(file).weak());
        });
    });
    out.extend(chosen.into_iter().map(AppCommand::Action));
}

/// Save, Save and close, Back without saving: right to left.
fn mosia_buttons(ui: &mut egui::Ui, state: &MenuState, chosen: &mut Vec<Action>) {
    let lang = state.lang;
    for action in [
        FileAction::BackWithoutSaving,
        FileAction::SaveAndClose,
        FileAction::Save,
    ] {
        let action = Action::File(action);
        // The menu bar draws buttons flat: these three are framed, as Mosia's are, and Save
        // stands out while there is something to save.
        let is_primary = action == Action::File(FileAction::Save) && state.is_dirty;
        let visuals = ui.visuals();
        let (text, fill) = if is_primary {
            (
                RichText::new(lang.tr(action.label()))
                    .strong()
                    .color(egui::Color32::WHITE),
                ACCENT,
            )
        } else {
            (
                RichText::new(lang.tr(action.label())),
                visuals.widgets.inactive.bg_fill,
            )
        };
        let button = egui::Button::new(text)
            .fill(fill)
            .stroke(visuals.widgets.noninteractive.bg_stroke);
        let response = ui
            .add_enabled(!state.is_saving, button)
            .on_hover_text(actions::hover_text(ui.ctx(), state.lang, action));
        if response.clicked() {
            chosen.push(action);
        }
    }
    if state.is_saving {
        ui.add(egui::Spinner::new());
        ui.label(RichText::new(lang.tr("window-saving")).weak());
    }
}

fn file_menu(
    ui: &mut egui::Ui,
    state: &MenuState,
    recent: &mut RecentFiles,
    chosen: &mut Vec<Action>,
    out: &mut Vec<AppCommand>,
) -> Option<PathBuf> {
    let lang = state.lang;
    let mut picked = None;
    ui.menu_button(lang.tr("window-file"), |ui| {
        for action in [FileAction::New, FileAction::Open] {
            if actions::menu_item(ui, state.lang, Action::File(action), true) {
                chosen.push(Action::File(action));
            }
        }
        ui.menu_button(lang.tr("window-open-recent"), |ui| {
            // Gone files are pruned only when the list is shown.
            let paths = recent.existing();
            if paths.is_empty() {
                ui.weak(lang.tr("window-no-recent-files"));
            }
            for path in paths {
                let response = ui
                    .button(file_name(path))
                    .on_hover_text(path.display().to_string());
                if response.clicked() {
                    picked = Some(path.clone());
                    ui.close();
                }
            }
        });
        ui.separator();
        let can_save = state.is_editing && !state.is_saving;
        for action in [
            FileAction::Save,
            FileAction::SaveAs,
            FileAction::SaveAndClose,
            FileAction::BackWithoutSaving,
        ] {
            if actions::menu_item(ui, state.lang, Action::File(action), can_save) {
                chosen.push(Action::File(action));
            }
        }
        ui.separator();
        compare_items_ui(ui, state, out);
        ui.separator();
        if actions::menu_item(ui, state.lang, Action::File(FileAction::Quit), true) {
            chosen.push(Action::File(FileAction::Quit));
        }
    });
    picked
}

/// Compare with saved (a file to compare with is needed) and Compare with file….
fn compare_items_ui(ui: &mut egui::Ui, state: &MenuState, out: &mut Vec<AppCommand>) {
    let lang = state.lang;
    for (label, tooltip, request, enabled) in [
        (
            "compare-with-saved",
            "compare-with-saved-tooltip",
            CompareRequest::WithSaved,
            state.is_editing && state.file.is_some(),
        ),
        (
            "compare-with-file",
            "compare-with-file-tooltip",
            CompareRequest::WithFile,
            state.is_editing,
        ),
    ] {
        let response = ui
            .add_enabled(enabled, egui::Button::new(lang.tr(label)))
            .on_hover_text(lang.tr(tooltip))
            .on_disabled_hover_text(lang.tr("compare-with-saved-disabled"));
        if response.clicked() {
            out.push(AppCommand::Compare(request));
            ui.close();
        }
    }
    let is_on = state.save_check == crate::ui::context::SaveCheck::WarnOnOutcomeChange;
    let response = ui
        .add(egui::Button::selectable(
            is_on,
            lang.tr("compare-save-check"),
        ))
        .on_hover_text(lang.tr("compare-save-check-tooltip"));
    if response.clicked() {
        let check = if is_on {
            crate::ui::context::SaveCheck::Off
        } else {
            crate::ui::context::SaveCheck::WarnOnOutcomeChange
        };
        out.push(AppCommand::Compare(CompareRequest::SaveCheck(check)));
    }
}

fn edit_menu(ui: &mut egui::Ui, state: &MenuState, chosen: &mut Vec<Action>) {
    let lang = state.lang;
    ui.menu_button(lang.tr("window-edit"), |ui| {
        for (action, enabled) in [
            (EditAction::Undo, state.can_undo),
            (EditAction::Redo, state.can_redo),
            (EditAction::Cut, state.has_selection),
            (EditAction::Copy, state.has_selection),
            (EditAction::Paste, true),
            (EditAction::Delete, state.has_selection),
            (EditAction::Duplicate, state.has_selection),
            (EditAction::SelectAll, true),
            (EditAction::Find, true),
        ] {
            if matches!(
                action,
                EditAction::Cut | EditAction::Delete | EditAction::Find
            ) {
                ui.separator();
            }
            if actions::menu_item(ui, state.lang, Action::Edit(action), enabled) {
                chosen.push(Action::Edit(action));
            }
        }
    });
}

fn view_menu(ui: &mut egui::Ui, state: &MenuState, chosen: &mut Vec<Action>) {
    let lang = state.lang;
    ui.menu_button(lang.tr("window-view"), |ui| {
        if state.is_editing {
            for (action, is_on) in [
                (ViewAction::TogglePalette, state.panels.palette),
                (ViewAction::ToggleInspector, state.panels.inspector),
                (ViewAction::ToggleFindings, state.panels.findings),
                (ViewAction::ToggleTeam, state.panels.team),
                (ViewAction::ToggleMinimap, state.show_minimap),
            ] {
                if actions::menu_toggle(ui, state.lang, Action::View(action), is_on) {
                    chosen.push(Action::View(action));
                }
            }
            ui.separator();
            for action in [
                ViewAction::Fit,
                ViewAction::ZoomIn,
                ViewAction::ZoomOut,
                ViewAction::ZoomReset,
            ] {
                if actions::menu_item(ui, state.lang, Action::View(action), true) {
                    chosen.push(Action::View(action));
                }
            }
        }
        if actions::menu_item(
            ui,
            state.lang,
            Action::View(ViewAction::ToggleFullscreen),
            true,
        ) {
            chosen.push(Action::View(ViewAction::ToggleFullscreen));
        }
        ui.separator();
        let current = ui.ctx().options(|o| o.theme_preference);
        for (action, preference) in [
            (ViewAction::ThemeSystem, ThemePreference::System),
            (ViewAction::ThemeDark, ThemePreference::Dark),
            (ViewAction::ThemeLight, ThemePreference::Light),
        ] {
            if actions::menu_toggle(ui, state.lang, Action::View(action), current == preference) {
                chosen.push(Action::View(action));
                ui.close();
            }
        }
    });
}

fn help_menu(ui: &mut egui::Ui, lang: Lang, chosen: &mut Vec<Action>) {
    ui.menu_button(lang.tr("window-help"), |ui| {
        for &action in <HelpAction as actions::ActionInfo>::ALL {
            if actions::menu_item(ui, lang, Action::Help(action), true) {
                chosen.push(Action::Help(action));
            }
        }
    });
}

/// The language menu shows the current language by its own name, readable in either.
fn language_menu(ui: &mut egui::Ui, current: Lang, chosen: &mut Vec<Action>) {
    ui.menu_button(format!("🌐 {}", current.name()), |ui| {
        for (action, lang) in [
            (ViewAction::LangEnglish, Lang::En),
            (ViewAction::LangPortuguese, Lang::PtBr),
        ] {
            if actions::menu_toggle(ui, current, Action::View(action), current == lang) {
                chosen.push(Action::View(action));
                ui.close();
            }
        }
    });
}
