//! The inspector: a form for the selected node (every field of its kind), or the flow's name and
//! description when nothing is selected.

use fluxo_core::Finding;
use fluxo_core::flow::Flow;

use super::Edit;

/// Portuguese for the inspector's strings.
pub(crate) const PT_BR: &[(&str, &str)] = &[];

/// Draws the form for `selected` (or the flow's properties) and pushes the user's edits.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    flow: &Flow,
    selected: Option<&str>,
    findings: &[Finding],
    edits: &mut Vec<Edit>,
) {
    let _ = (ui, flow, selected, findings, edits);
}
