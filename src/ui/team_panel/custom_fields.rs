//! Contact custom fields ("Campos personalizados"): key, label and kind. A field of kind Agent
//! ("Gerente de Contas") is what the `AgentFromField` route reads.

use egui::Ui;
use fluxo_core::flow::{CustomField, FieldKind, Team, is_valid_id};

use super::TeamForm;
use crate::ui::widgets::fields::{self, Controls};

pub(crate) fn custom_fields_ui(form: &mut TeamForm, ui: &mut Ui, team: &mut Team) {
    let title = form.tr("team-custom-fields");
    fields::section_ui(ui, form.id("section.custom_fields"), title, |ui| {
        fields::help_ui(ui, form.tr("team-read-field-kind-agent-holds"));
        if team.custom_fields.is_empty() {
            fields::help_ui(ui, form.tr("team-no-custom-fields-yet"));
        }
        let kinds = [
            (FieldKind::Text, form.tr("team-text")),
            (FieldKind::Number, form.tr("team-number")),
            (FieldKind::Date, form.tr("team-date")),
            (FieldKind::Boolean, form.tr("team-yes-no")),
            (FieldKind::Agent, form.tr("inspector-agent")),
        ];
        let mut action = None;
        let len = team.custom_fields.len();
        egui::Grid::new(form.id("custom_fields.grid"))
            .num_columns(4)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                if len > 0 {
                    TeamForm::header(ui, form.tr("team-key"));
                    TeamForm::header(ui, form.tr("team-label"));
                    TeamForm::header(ui, form.tr("team-kind"));
                    ui.label("");
                    ui.end_row();
                }
                for index in 0..len {
                    let keys: Vec<String> = team
                        .custom_fields
                        .iter()
                        .enumerate()
                        .filter(|(other, _)| *other != index)
                        .map(|(_, field)| field.key.clone())
                        .collect();
                    let Some(field) = team.custom_fields.get_mut(index) else {
                        continue;
                    };
                    key_cell_ui(form, ui, index, field, &keys);
                    form.text_inline(
                        ui,
                        &format!("custom_fields[{index}].label"),
                        &mut field.label,
                        "Gerente de Contas",
                        150.0,
                        None,
                    );
                    form.combo(
                        ui,
                        &format!("custom_fields[{index}].kind"),
                        &mut field.kind,
                        &kinds,
                        90.0,
                        form.tr("team-kind"),
                    );
                    ui.horizontal(|ui| {
                        if let Some(row) = fields::row_buttons_ui(ui, form.lang(), index, len) {
                            action = Some((index, row));
                        }
                    });
                    ui.end_row();
                }
            });
        if let Some((index, row)) = action {
            fields::apply_row_action(&mut team.custom_fields, index, row);
            form.step();
        }
        if fields::add_button_ui(ui, form.tr("team-add-custom-field")).clicked() {
            let key = (1..=len + 1)
                .map(|n| format!("campo_{n}"))
                .find(|key| team.custom_fields.iter().all(|field| &field.key != key))
                .unwrap_or_default();
            team.custom_fields.push(CustomField {
                key,
                ..CustomField::default()
            });
            form.step();
        }
    });
}

/// The key: letters, digits, `_` and `-`, unique.
fn key_cell_ui(
    form: &mut TeamForm,
    ui: &mut Ui,
    index: usize,
    field: &mut CustomField,
    others: &[String],
) {
    let (invalid, taken) = (
        form.tr("inspector-use-letters-digits-without-spaces"),
        form.tr("team-another-field-has-key"),
    );
    let path = format!("custom_fields[{index}].key");
    let changed = form.validated_inline(
        ui,
        &path,
        &mut field.key,
        "gerente_de_contas",
        140.0,
        None,
        |text| {
            if !is_valid_id(text) {
                Err(invalid.to_owned())
            } else if others.iter().any(|other| other == text) {
                Err(taken.to_owned())
            } else {
                Ok((text.to_owned(), text.to_owned()))
            }
        },
    );
    if changed {
        form.typing(&path);
    }
}
