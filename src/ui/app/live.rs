//! The app's side of "Send for real": the inspector's live request is looked at every frame
//! (the inspector may be hidden while it runs), and it uses the simulator's picked scenario.

use super::FluxoApp;

impl FluxoApp {
    pub(super) fn poll_live(&mut self, ctx: &egui::Context) {
        self.inspector.set_scenario(self.sim.selected_scenario());
        self.inspector.poll_live(ctx);
    }

    /// Whether a request is on its way to the real API.
    pub fn is_sending_live(&self) -> bool {
        self.inspector.is_sending_live()
    }

    /// The status of the last live answer of `node` (tests, and the window's badge).
    pub fn live_status(&self, node: &str) -> Option<u16> {
        self.inspector.live_status(node)
    }
}
