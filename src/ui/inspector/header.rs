//! The top of a node's form: its kind (colour and glyph, as on the canvas), its id (renamed on
//! Enter; its wires follow), its findings, and at the bottom where its exits lead.

use egui::{Color32, CornerRadius, RichText, Sense, Ui, vec2};
use fluxo_core::Command;
use fluxo_core::flow::{KindTag, Node, NodeKind, is_valid_id};

use super::fields::Controls as _;
use super::fields::{self, Buffer, Commit};
use super::form::Form;
use crate::ui::Edit;
use crate::ui::theme;

pub(crate) fn header_ui(form: &mut Form<'_>, ui: &mut Ui, node: &Node, edits: &mut Vec<Edit>) {
    let tag = node.kind.tag();
    ui.horizontal(|ui| {
        kind_chip_ui(ui, tag);
        ui.vertical(|ui| {
            ui.label(
                RichText::new(form.tr(theme::kind_label(tag)))
                    .size(17.0)
                    .strong(),
            );
            fields::help_ui(ui, kind_summary(form, tag));
        });
    });
    ui.add_space(4.0);
    id_field_ui(form, ui, node, edits);
    ui.separator();
}

/// A rounded square in the kind's colour with its glyph.
pub(crate) fn kind_chip_ui(ui: &mut Ui, tag: KindTag) {
    let (rect, _) = ui.allocate_exact_size(vec2(34.0, 34.0), Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, CornerRadius::same(7), theme::kind_color(tag));
    theme::paint_kind_icon(painter, rect.shrink(7.0), tag, Color32::WHITE);
}

/// One line on what the kind does.
fn kind_summary(form: &Form<'_>, tag: KindTag) -> &'static str {
    match tag {
        KindTag::Entry => form.tr("Where every run starts. A flow has exactly one."),
        KindTag::Message => form.tr("Sends a text, with optional quick-reply buttons."),
        KindTag::Ask => form.tr("Asks a question and waits for the contact's answer."),
        KindTag::Request => form.tr("Calls an HTTP API (Enviar requisição)."),
        KindTag::Condition => form.tr("Picks an exit by the rules of its cases."),
        KindTag::SetVariable => form.tr("Sets flow variables or the contact's custom fields."),
        KindTag::BusinessHours => form.tr("Checks the team's business hours (Expediente)."),
        KindTag::Queue => form.tr("Puts the chat in a department's queue; the bot lets go."),
        KindTag::LiveChat => {
            form.tr("Hands the chat to a human (Transbordo), then goes on by how it ended.")
        }
        KindTag::End => form.tr("Ends the run."),
    }
}

/// The id, renamed on Enter (`Command::Rename`: edges and scenarios follow). An invalid or
/// taken id is refused with a message and stays in the field.
fn id_field_ui(form: &Form<'_>, ui: &mut Ui, node: &Node, edits: &mut Vec<Edit>) {
    let label = fields::label_ui(ui, form.tr("Id"), form.problem_at("id"));
    let id = form.id("id");
    let mut buffer = Buffer::load(ui, id, node.id.clone());
    let is_pending = buffer.is_pending();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut buffer.text)
                .id(id)
                .font(egui::TextStyle::Monospace)
                .desired_width(ui.available_width().min(260.0)),
        )
        .labelled_by(label.id);
    let (invalid, taken) = (
        form.tr("Use letters, digits, _ and -, without spaces."),
        form.tr("Another node already has this id."),
    );
    let flow = form.flow;
    let finished = buffer.finish(ui, &response, Commit::OnEnter, |text| {
        if !is_valid_id(text) {
            Err(invalid.to_owned())
        } else if text != node.id && flow.node(text).is_some() {
            Err(taken.to_owned())
        } else {
            Ok((text.to_owned(), text.to_owned()))
        }
    });
    if let Some(error) = finished.error {
        fields::error_ui(ui, &error);
    } else if is_pending && response.has_focus() {
        fields::help_ui(
            ui,
            form.tr("Press Enter to rename; wires and scenarios follow."),
        );
    }
    if let Some(to) = finished.value {
        edits.push(Edit::new(Command::Rename {
            from: node.id.clone(),
            to,
        }));
    }
    form.findings_ui(ui, "id");
}

/// Every finding of the node, errors first, with the field each names.
pub(crate) fn findings_box_ui(form: &Form<'_>, ui: &mut Ui) {
    if form.findings.is_empty() {
        return;
    }
    let worst = form
        .findings
        .iter()
        .map(|finding| finding.severity)
        .min()
        .unwrap_or(fluxo_core::Severity::Warning);
    let color = theme::severity_color(worst);
    egui::Frame::new()
        .fill(color.gamma_multiply(0.12))
        .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.6)))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = if form.findings.len() == 1 {
                form.tr("1 problem").to_owned()
            } else {
                form.tr("{n} problems")
                    .replace("{n}", &form.findings.len().to_string())
            };
            ui.label(RichText::new(title).strong().color(color));
            let mut sorted = form.findings.clone();
            sorted.sort_by_key(|finding| finding.severity);
            for finding in sorted {
                let message = crate::i18n::findings::finding_message(
                    crate::ui::i18n::lang(ui.ctx()),
                    finding,
                );
                let text = match &finding.field {
                    Some(field) => format!("{field}: {message}"),
                    None => message,
                };
                fields::finding_line_ui(ui, finding.severity, &text, false);
            }
        });
}

/// Where each exit of the node leads.
pub(crate) fn exits_ui(form: &Form<'_>, ui: &mut Ui, kind: &NodeKind) {
    let ports = kind.ports();
    if ports.is_empty() {
        fields::help_ui(ui, form.tr("No exits: the run ends here."));
        return;
    }
    ui.label(RichText::new(form.tr("Exits")).strong());
    egui::Grid::new(form.id("exits"))
        .num_columns(2)
        .spacing(vec2(12.0, 3.0))
        .show(ui, |ui| {
            for port in ports {
                ui.label(RichText::new(port).monospace());
                match form.flow.edge_from(form.node, port) {
                    Some(edge) => ui.label(RichText::new(format!("→ {}", edge.to)).monospace()),
                    None => ui.label(
                        RichText::new(form.tr("not connected"))
                            .color(theme::severity_color(fluxo_core::Severity::Warning)),
                    ),
                };
                ui.end_row();
            }
        });
}
