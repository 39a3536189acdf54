//! The team editor: the mocked account the flow is designed for.

use fluxo_core::flow::Team;

use super::Edit;

/// Portuguese for this module's strings.
pub(crate) const PT_BR: &[(&str, &str)] = &[];

/// Draws the team editor and pushes the user's edits (`Command::SetTeam`).
pub fn team_ui(ui: &mut egui::Ui, team: &Team, edits: &mut Vec<Edit>) {
    let _ = (ui, team, edits);
}
