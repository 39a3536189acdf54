//! The simulator dock in the window: drawn on the right, full height, while it is open. The dock
//! itself (`ui::sim_panel`) owns the run and pushes commands; the app only places it, opens and
//! closes it (the palette and the inspector make room), and hands it the simulator's actions.

use egui::Panel as EguiPanel;

use super::FluxoApp;
use crate::ui::actions::SimAction;
use crate::ui::context::{AppCommand, Panel as _};

/// The dock's width at first; it can be dragged between the bounds.
const DOCK_WIDTH: f32 = 440.0;

impl FluxoApp {
    /// The simulator for this frame: moves the run and keeps the canvas marks up to date, then
    /// draws the dock when it is open.
    pub(super) fn simulator_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<AppCommand>) {
        let cx = self.state.cx();
        self.sim.prepare(ui.ctx(), &cx, out);
        if self.sim.is_open() {
            EguiPanel::right("fluxo.sim")
                .resizable(true)
                .default_size(DOCK_WIDTH)
                .min_size(360.0)
                .max_size(760.0)
                .show(ui, |ui| self.sim.ui(ui, &cx, out));
        }
    }

    /// Runs one simulator action, from a key, a menu or a button of the dock.
    pub fn run_sim_action(&mut self, ctx: &egui::Context, action: SimAction) {
        ctx.request_repaint();
        if action == SimAction::TogglePanel {
            self.set_simulator_open(!self.sim.is_open());
            return;
        }
        let mut out = Vec::new();
        let cx = self.state.cx();
        let opens_dock = self.sim.run_action(ctx, &cx, action, &mut out);
        self.apply_commands(ctx, out);
        if opens_dock {
            self.set_simulator_open(true);
        }
    }

    /// Opens or closes the dock. The palette and the inspector make room while it is open (the
    /// View menu brings them back): stepping through a run needs the canvas and the chat side by
    /// side, and at 1440 points there is no width for all four (docs/decisions.md).
    pub fn set_simulator_open(&mut self, is_open: bool) {
        if is_open == self.sim.is_open() {
            return;
        }
        if is_open {
            let before = (self.panels.palette, self.panels.inspector);
            self.sim.open(before);
            self.panels.palette = false;
            self.panels.inspector = false;
        } else if let Some((palette, inspector)) = self.sim.close() {
            self.panels.palette = palette;
            self.panels.inspector = inspector;
        }
    }
}
