//! The Simulator menu of the top bar: every simulator action with its key, greyed out when it
//! cannot run now.

use crate::ui::actions::{self, Action, SimAction};
use crate::ui::i18n::Tr as _;

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

pub fn simulator_menu_ui(ui: &mut egui::Ui, state: &SimMenuState, chosen: &mut Vec<Action>) {
    ui.menu_button(ui.tr("Simulator"), |ui| {
        if actions::menu_toggle(ui, Action::Sim(SimAction::TogglePanel), state.is_open) {
            chosen.push(Action::Sim(SimAction::TogglePanel));
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
            if actions::menu_item(ui, Action::Sim(action), enabled) {
                chosen.push(Action::Sim(action));
            }
        }
        ui.separator();
        for (action, enabled) in [
            (SimAction::ToggleBreakpoint, state.has_selection),
            (SimAction::ClearBreakpoints, state.has_breakpoints),
        ] {
            if actions::menu_item(ui, Action::Sim(action), enabled) {
                chosen.push(Action::Sim(action));
            }
        }
        ui.separator();
        for (action, enabled) in [
            (SimAction::RunAll, !state.is_running_all),
            (SimAction::SaveRunAsScenario, state.has_ended),
        ] {
            if actions::menu_item(ui, Action::Sim(action), enabled) {
                chosen.push(Action::Sim(action));
            }
        }
    });
}

impl crate::ui::app::FluxoApp {
    /// The Simulator menu's state now.
    pub fn sim_menu_state(&self) -> SimMenuState {
        let run = self.sim.run();
        SimMenuState {
            is_open: self.sim.is_open,
            can_step: run.is_some_and(fluxo_core::sim::Run::is_running),
            can_back: run.is_some_and(fluxo_core::sim::Run::can_back),
            has_ended: run.is_some_and(|run| run.end().is_some()),
            has_selection: !self.selection.is_empty(),
            has_breakpoints: !self.sim.breakpoints().is_empty(),
            is_running_all: self.sim.is_running_all(),
        }
    }
}
