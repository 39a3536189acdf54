//! The Request form ("Enviar requisição"): method and url on one line, headers, body, timeout,
//! and the variables saved from the answer.

use egui::Ui;
use fluxo_core::flow::{Method, TemplateMap};

use super::form::Form;
use super::tables::{MapSpec, map_ui};
use super::template_edit::TemplateStyle;
use crate::ui::widgets::fields;
use crate::ui::widgets::fields::Controls as _;

/// The fields of a Request, borrowed from the working copy.
pub(crate) struct RequestFields<'k> {
    pub method: &'k mut Method,
    pub url: &'k mut String,
    pub headers: &'k mut TemplateMap,
    pub body: &'k mut String,
    pub timeout_ms: &'k mut u64,
    pub save: &'k mut TemplateMap,
}

pub(crate) fn request_ui(form: &mut Form<'_>, ui: &mut Ui, request: RequestFields<'_>) {
    let RequestFields {
        method,
        url,
        headers,
        body,
        timeout_ms,
        save,
    } = request;
    let section = form.tr("inspector-call");
    fields::section_ui(ui, form.id("section.call"), section, |ui| {
        call_ui(form, ui, method, url);
        let spec = MapSpec {
            key_header: form.tr("inspector-header"),
            value_header: form.tr("inspector-value"),
            key_hint: "Authorization",
            value_hint: "Bearer {{secret.api_token}}",
            values_are_templates: true,
            add: form.tr("inspector-add-header"),
            new_key: "Header",
            empty: form.tr("inspector-no-headers"),
        };
        let label = form.tr("inspector-headers");
        map_ui(form, ui, label, "headers", headers, &spec);
        let body_hint = if matches!(*method, Method::Get | Method::Delete) {
            form.tr("inspector-usually-empty-get-delete")
        } else {
            "{\"agentId\": \"{{contact.custom.gerente_de_contas}}\"}"
        };
        form.template(
            ui,
            form.tr("inspector-body-json"),
            "body",
            body,
            TemplateStyle::Code,
            body_hint,
        );
        form.number(
            ui,
            form.tr("inspector-timeout"),
            "timeout_ms",
            timeout_ms,
            "ms",
            form.tr("inspector-slower-answer-leaves-error"),
        );
    });
    let section = form.tr("inspector-answer");
    fields::section_ui(ui, form.id("section.answer"), section, |ui| {
        fields::help_ui(ui, form.tr("inspector-2xx-answer-leaves-ok-any"));
        let spec = MapSpec {
            key_header: form.tr("inspector-variable"),
            value_header: form.tr("inspector-json-path"),
            key_hint: form.tr("inspector-name"),
            value_hint: "data.agents[0].status",
            values_are_templates: false,
            add: form.tr("inspector-add-variable"),
            new_key: "variavel",
            empty: form.tr("inspector-nothing-saved-answer"),
        };
        let label = form.tr("inspector-save-from-the-answer");
        map_ui(form, ui, label, "save", save, &spec);
        fields::help_ui(ui, form.tr("inspector-empty-path-saves-whole-body"));
    });
}

/// Method and url side by side, as an HTTP client shows them.
fn call_ui(form: &mut Form<'_>, ui: &mut Ui, method: &mut Method, url: &mut String) {
    ui.add_space(2.0);
    let label = form.label(ui, form.tr("inspector-method-and-url"), "url");
    let choices: Vec<(Method, &str)> = Method::ALL
        .iter()
        .map(|method| (*method, method.as_str()))
        .collect();
    ui.horizontal(|ui| {
        let name = form.tr("inspector-http-method");
        form.combo(ui, "method", method, &choices, 64.0, name);
        ui.vertical(|ui| {
            form.template_inline(
                ui,
                "url",
                url,
                TemplateStyle::Line,
                "{{team.api_base}}/agents/{{contact.custom.gerente_de_contas}}",
                Some(label.id),
            );
        });
    });
    form.findings_ui(ui, "method");
    form.findings_ui(ui, "url");
}
