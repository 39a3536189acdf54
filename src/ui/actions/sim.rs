//! The simulator: show the panel, step, run, back, reset, play, breakpoints, run all, save a run
//! as a scenario. The F-keys work while a text field has the keyboard: they type nothing, and a
//! trainer stepping through a run while the reply box has the focus expects them to work
//! (Enter in the reply box sends the reply; that is the box's own key, not an action).

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{ActionInfo, keys};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SimAction {
    TogglePanel,
    Step,
    Back,
    Run,
    PlayPause,
    Reset,
    ToggleBreakpoint,
    ClearBreakpoints,
    RunAll,
    SaveRunAsScenario,
}

const TOGGLE: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::R)];
const STEP: &[KeyboardShortcut] = &[keys(Modifiers::NONE, Key::F10)];
const BACK: &[KeyboardShortcut] = &[keys(Modifiers::SHIFT, Key::F10)];
const RUN: &[KeyboardShortcut] = &[keys(Modifiers::NONE, Key::F5)];
const PLAY: &[KeyboardShortcut] = &[keys(Modifiers::NONE, Key::F8)];
const RESET: &[KeyboardShortcut] = &[keys(Modifiers::SHIFT, Key::F5)];
const BREAKPOINT: &[KeyboardShortcut] = &[keys(Modifiers::NONE, Key::F9)];
const RUN_ALL: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::F5)];

impl ActionInfo for SimAction {
    const ALL: &'static [Self] = &[
        SimAction::TogglePanel,
        SimAction::Step,
        SimAction::Back,
        SimAction::Run,
        SimAction::PlayPause,
        SimAction::Reset,
        SimAction::ToggleBreakpoint,
        SimAction::ClearBreakpoints,
        SimAction::RunAll,
        SimAction::SaveRunAsScenario,
    ];

    fn label(self) -> &'static str {
        match self {
            SimAction::TogglePanel => "action-sim-toggle-panel",
            SimAction::Step => "action-sim-step",
            SimAction::Back => "action-sim-back",
            SimAction::Run => "action-sim-run",
            SimAction::PlayPause => "action-sim-play-pause",
            SimAction::Reset => "action-sim-reset",
            SimAction::ToggleBreakpoint => "action-sim-toggle-breakpoint",
            SimAction::ClearBreakpoints => "action-sim-clear-breakpoints",
            SimAction::RunAll => "action-sim-run-all",
            SimAction::SaveRunAsScenario => "action-sim-save-run-as-scenario",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            SimAction::TogglePanel => "action-sim-toggle-panel-tooltip",
            SimAction::Step => "action-sim-step-tooltip",
            SimAction::Back => "action-sim-back-tooltip",
            SimAction::Run => "action-sim-run-tooltip",
            SimAction::PlayPause => "action-sim-play-pause-tooltip",
            SimAction::Reset => "action-sim-reset-tooltip",
            SimAction::ToggleBreakpoint => "action-sim-toggle-breakpoint-tooltip",
            SimAction::ClearBreakpoints => "action-sim-clear-breakpoints-tooltip",
            SimAction::RunAll => "action-sim-run-all-tooltip",
            SimAction::SaveRunAsScenario => "action-sim-save-run-as-scenario-tooltip",
        }
    }

    fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            SimAction::TogglePanel => TOGGLE,
            SimAction::Step => STEP,
            SimAction::Back => BACK,
            SimAction::Run => RUN,
            SimAction::PlayPause => PLAY,
            SimAction::Reset => RESET,
            SimAction::ToggleBreakpoint => BREAKPOINT,
            SimAction::RunAll => RUN_ALL,
            SimAction::ClearBreakpoints | SimAction::SaveRunAsScenario => &[],
        }
    }

    fn works_while_typing(self) -> bool {
        !self.shortcuts().is_empty()
    }
}
