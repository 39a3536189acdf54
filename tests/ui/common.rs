//! Helpers shared by the window's tests.

use egui_kittest::Harness;
use fluxo::ui::app::FluxoApp;
use fluxo::ui::context::{AppCommand, Selection};

/// Selects node `id` alone, through the command channel the panels use.
pub fn select(harness: &mut Harness<'_, FluxoApp>, id: &str) {
    let mut selection = Selection::default();
    selection.select_only(id);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_commands(&ctx, vec![AppCommand::Select(selection)]);
    harness.run();
}
