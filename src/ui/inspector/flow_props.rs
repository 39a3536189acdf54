//! With nothing selected: the flow's name and description (Mosia: "Nome do fluxo", "Descrição —
//! interna, nunca exibida ao contato") and the findings that are about no node.

use egui::{RichText, Ui};
use fluxo_core::{Command, Finding};

use crate::tr;
use crate::ui::Edit;
use crate::ui::context::FrameCx;
use crate::ui::widgets::fields::{self, Buffer, Commit};
use crate::ui::wording;

pub(crate) fn flow_ui(ui: &mut Ui, cx: &FrameCx<'_>, edits: &mut Vec<Edit>) {
    let (flow, findings, lang) = (cx.flow, cx.findings, cx.lang);
    ui.label(RichText::new(lang.tr("inspector-flow")).size(17.0).strong());
    fields::help_ui(ui, lang.tr("inspector-select-node-canvas-edit-fields"));
    ui.add_space(6.0);

    let label = fields::label_ui(ui, lang.tr("inspector-flow-name"), None);
    let id = egui::Id::unique("fluxo.inspector.flow.name");
    let mut buffer = Buffer::load(ui, id, flow.name.clone());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut buffer.text)
                .id(id)
                .hint_text(lang.tr("inspector-e-g-atendimento-carteirizacao"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if let Some(name) = buffer
        .finish(ui, &response, Commit::Typing, fields::any_text)
        .value
    {
        edits.push(Edit::typing(Command::SetName(name), "flow:name"));
    }
    fields::help_ui(ui, lang.tr("inspector-names-flow-lists-shared-prefix"));

    ui.add_space(4.0);
    let label = fields::label_ui(ui, lang.tr("inspector-description"), None);
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
    fields::help_ui(ui, lang.tr("inspector-internal-never-shown-contact"));

    ui.add_space(8.0);
    let summary = tr!(
        lang,
        "inspector-flow-counts",
        nodes = flow.nodes.len(),
        edges = flow.edges.len(),
        scenarios = flow.scenarios.len()
    );
    ui.label(RichText::new(summary).weak());

    let flow_findings: Vec<&Finding> = findings
        .iter()
        .filter(|finding| finding.node.is_none())
        .collect();
    if !flow_findings.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(lang.tr("inspector-about-the-whole-flow")).strong());
        for finding in flow_findings {
            let text = wording::finding_text(lang, finding);
            fields::finding_line_ui(ui, finding.severity, &text, false);
        }
    }
}
