//! The Simulator menu of the top bar: every simulator action with its key, greyed out when it
//! cannot run now.

use crate::i18n::Lang;
use crate::ui::actions::{self, Action, SimAction};
use crate::ui::context::AppCommand;

/// What the menu needs to know to grey entries out.
// Independent facts for drawing a menu, not a state machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Copy, Debug, Default)]
pub struct SimMenuState {
    pub is_open: bool,
    pub can_step: bool,
    pub can_back: bool,
    pub has_ended: bool,
    pub has_selection: bool,
    pub has_breakpoints: bool,
    pub is_running_all: bool,
}

pub fn simulator_menu_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &SimMenuState,
    out: &mut Vec<AppCommand>,
) {
    ui.menu_button(lang.tr("window-simulator"), |ui| {
        if actions::menu_toggle(ui, lang, Action::Sim(SimAction::TogglePanel), state.is_open) {
            out.push(AppCommand::Action(Action::Sim(SimAction::TogglePanel)));
            ui.close();
        }
        ui.separator();
        for (action, enabled) in [
            (SimAction::Step, state.can_step || !state.is_open),
            (SimAction::Back, state.can_back),
            (SimAction::Run, state.can_step || !state.is_open),
            (SimAction::PlayPause, state.can_step || !state.is_open),
            (SimAction::Reset, true),
        ] {
            if actions::menu_item(ui, lang, Action::Sim(action), enabled) {
                out.push(AppCommand::Action(Action::Sim(action)));
            }
        }
        ui.separator();
        for (action, enabled) in [
            (SimAction::ToggleBreakpoint, state.has_selection),
            (SimAction::ClearBreakpoints, state.has_breakpoints),
        ] {
            if actions::menu_item(ui, lang, Action::Sim(action), enabled) {
                out.push(AppCommand::Action(Action::Sim(action)));
            }
        }
        ui.separator();
        for (action, enabled) in [
            (SimAction::RunAll, !state.is_running_all),
            (SimAction::SaveRunAsScenario, state.has_ended),
        ] {
            if actions::menu_item(ui, lang, Action::Sim(action), enabled) {
                out.push(AppCommand::Action(Action::Sim(action)));
            }
        }
    });
}
