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

pub(super) const PT_BR: &[(&str, &str)] = &[
    ("Simulator", "Simulador"),
    (
        "Show or hide the simulator: scenarios, the run step by step, run all",
        "Mostra ou esconde o simulador: cenários, a execução passo a passo, executar todos",
    ),
    ("Step", "Avançar"),
    (
        "Execute the current node and move along one wire",
        "Executa o nó atual e segue por uma conexão",
    ),
    ("Back", "Voltar"),
    (
        "Undo the last step: the previous node, variables and team",
        "Desfaz o último passo: o nó, as variáveis e a equipe de antes",
    ),
    ("Run", "Executar"),
    (
        "Run until the end, a breakpoint or a question without a reply",
        "Executa até o fim, um ponto de parada ou uma pergunta sem resposta",
    ),
    ("Play / Pause", "Reproduzir / Pausar"),
    (
        "Step on a timer, one step at a time, for a class to follow",
        "Avança sozinho, um passo de cada vez, para uma turma acompanhar",
    ),
    ("Reset", "Reiniciar"),
    (
        "Start the run over from the scenario (breakpoints, switched statuses and the round-robin cursors stay)",
        "Recomeça a execução a partir do cenário (pontos de parada, status trocados e o rodízio continuam)",
    ),
    ("Toggle breakpoint", "Alternar ponto de parada"),
    (
        "Stop a run before the selected node",
        "Para a execução antes do nó selecionado",
    ),
    ("Clear breakpoints", "Remover pontos de parada"),
    (
        "Remove every breakpoint",
        "Remove todos os pontos de parada",
    ),
    ("Run all", "Executar todos"),
    (
        "Run every scenario, check its expectations and show the coverage on the canvas",
        "Executa todos os cenários, confere as expectativas e mostra a cobertura no palco",
    ),
    ("Save run as scenario", "Salvar execução como cenário"),
    (
        "Keep this run as a new scenario: its replies, and expectations of how it ended",
        "Guarda esta execução como um novo cenário: as respostas e as expectativas de como terminou",
    ),
];

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
            SimAction::TogglePanel => "Simulator",
            SimAction::Step => "Step",
            SimAction::Back => "Back",
            SimAction::Run => "Run",
            SimAction::PlayPause => "Play / Pause",
            SimAction::Reset => "Reset",
            SimAction::ToggleBreakpoint => "Toggle breakpoint",
            SimAction::ClearBreakpoints => "Clear breakpoints",
            SimAction::RunAll => "Run all",
            SimAction::SaveRunAsScenario => "Save run as scenario",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            SimAction::TogglePanel => {
                "Show or hide the simulator: scenarios, the run step by step, run all"
            }
            SimAction::Step => "Execute the current node and move along one wire",
            SimAction::Back => "Undo the last step: the previous node, variables and team",
            SimAction::Run => "Run until the end, a breakpoint or a question without a reply",
            SimAction::PlayPause => "Step on a timer, one step at a time, for a class to follow",
            SimAction::Reset => {
                "Start the run over from the scenario (breakpoints, switched statuses and the round-robin cursors stay)"
            }
            SimAction::ToggleBreakpoint => "Stop a run before the selected node",
            SimAction::ClearBreakpoints => "Remove every breakpoint",
            SimAction::RunAll => {
                "Run every scenario, check its expectations and show the coverage on the canvas"
            }
            SimAction::SaveRunAsScenario => {
                "Keep this run as a new scenario: its replies, and expectations of how it ended"
            }
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
