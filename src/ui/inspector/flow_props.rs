//! With nothing selected: the flow's name and description (Mosia: "Nome do fluxo", "Descrição —
//! interna, nunca exibida ao contato") and the findings that are about no node.

use egui::{RichText, Ui};
use fluxo_core::flow::Flow;
use fluxo_core::{Command, Finding};

use super::fields::{self, Buffer, Commit};
use crate::ui::Edit;
use crate::ui::i18n::Tr as _;

pub(crate) fn flow_ui(ui: &mut Ui, flow: &Flow, findings: &[Finding], edits: &mut Vec<Edit>) {
    ui.label(RichText::new(ui.tr("Flow")).size(17.0).strong());
    fields::help_ui(ui, ui.tr("Select a node on the canvas to edit its fields."));
    ui.add_space(6.0);

    let label = fields::label_ui(ui, ui.tr("Flow name"), None);
    let id = egui::Id::unique("fluxo.inspector.flow.name");
    let mut buffer = Buffer::load(ui, id, flow.name.clone());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut buffer.text)
                .id(id)
                .hint_text(ui.tr("e.g. Atendimento - carteirização"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if let Some(name) = buffer
        .finish(ui, &response, Commit::Typing, fields::any_text)
        .value
    {
        edits.push(Edit::typing(Command::SetName(name), "flow:name"));
    }
    fields::help_ui(
        ui,
        ui.tr("Names the flow in lists. A shared prefix groups flows with a similar job."),
    );

    ui.add_space(4.0);
    let label = fields::label_ui(ui, ui.tr("Description"), None);
    let id = egui::Id::unique("fluxo.inspector.flow.description");
    let mut buffer = Buffer::load(ui, id, flow.description.clone());
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut buffer.text)
                .id(id)
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if let Some(text) = buffer
        .finish(ui, &response, Commit::Typing, fields::any_text)
        .value
    {
        edits.push(Edit::typing(
            Command::SetDescription(text),
            "flow:description",
        ));
    }
    fields::help_ui(ui, ui.tr("Internal, never shown to the contact."));

    ui.add_space(8.0);
    let summary = ui
        .tr("Nodes: {nodes} · wires: {edges} · scenarios: {scenarios}")
        .replace("{nodes}", &flow.nodes.len().to_string())
        .replace("{edges}", &flow.edges.len().to_string())
        .replace("{scenarios}", &flow.scenarios.len().to_string());
    ui.label(RichText::new(summary).weak());

    let flow_findings: Vec<&Finding> = findings
        .iter()
        .filter(|finding| finding.node.is_none())
        .collect();
    if !flow_findings.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(ui.tr("About the whole flow")).strong());
        for finding in flow_findings {
            let message =
                crate::i18n::findings::finding_message(crate::ui::i18n::lang(ui.ctx()), finding);
            fields::finding_line_ui(ui, finding.severity, &message, false);
        }
    }
}
