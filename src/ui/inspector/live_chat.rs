//! The LiveChat form (ALTU `start_live_chat`, "Transbordo"): who gets the chat, how long to
//! wait, what the agent's widget shows, and the integration's details.

use egui::Ui;
use fluxo_core::flow::{FieldKind, Route, TemplateMap};

use super::form::{Choice, Form};
use super::kinds::department_choices;
use super::tables::{MapSpec, map_ui};
use super::template_edit::TemplateStyle;
use crate::ui::widgets::fields;
use crate::ui::widgets::fields::Controls as _;

/// The fields of a LiveChat, borrowed from the working copy.
pub(crate) struct LiveChatFields<'k> {
    pub department: &'k mut String,
    pub route: &'k mut Route,
    pub integration_id: &'k mut i64,
    pub skill_id: &'k mut String,
    pub extra_info: &'k mut TemplateMap,
    pub contact_info: &'k mut TemplateMap,
    pub wait_timeout_s: &'k mut u64,
    pub inactivity_timeout_s: &'k mut u64,
    pub include_history: &'k mut bool,
    pub result_variable: &'k mut String,
    pub closing_message: &'k mut String,
}

pub(crate) fn live_chat_ui(form: &mut Form<'_>, ui: &mut Ui, chat: LiveChatFields<'_>) {
    let LiveChatFields {
        department,
        route,
        integration_id,
        skill_id,
        extra_info,
        contact_info,
        wait_timeout_s,
        inactivity_timeout_s,
        include_history,
        result_variable,
        closing_message,
    } = chat;
    let section = form.tr("inspector-who-gets-the-chat");
    fields::section_ui(ui, form.id("section.route"), section, |ui| {
        route_ui(form, ui, route);
        let choices = department_choices(form);
        form.picker(
            ui,
            form.tr("inspector-department"),
            form.tr("inspector-also-where-chat-goes-when"),
            "department",
            department,
            &choices,
            form.tr("inspector-team-has-no-departments-yet"),
        );
    });
    let section = form.tr("inspector-waiting");
    fields::section_ui(ui, form.id("section.waiting"), section, |ui| {
        form.number(
            ui,
            form.tr("inspector-wait-for-an-agent"),
            "wait_timeout_s",
            wait_timeout_s,
            "s",
            form.tr("inspector-0-no-limit-nobody-available"),
        );
        form.number(
            ui,
            form.tr("inspector-contact-inactivity"),
            "inactivity_timeout_s",
            inactivity_timeout_s,
            "s",
            form.tr("inspector-0-no-limit-silent-contact"),
        );
    });
    widget_ui(form, ui, extra_info, contact_info);
    ending_ui(
        form,
        ui,
        Ending {
            integration_id,
            skill_id,
            include_history,
            result_variable,
            closing_message,
        },
    );
}

fn widget_ui(
    form: &mut Form<'_>,
    ui: &mut Ui,
    extra_info: &mut TemplateMap,
    contact_info: &mut TemplateMap,
) {
    let section = form.tr("inspector-agent-s-widget");
    fields::section_ui(ui, form.id("section.widget"), section, |ui| {
        let spec = MapSpec {
            key_header: form.tr("inspector-field"),
            value_header: form.tr("inspector-value"),
            key_hint: "matricula",
            value_hint: "<? $matricula ?>",
            values_are_templates: true,
            add: form.tr("inspector-add-field"),
            new_key: "campo",
            empty: form.tr("inspector-nothing-extra"),
        };
        let label = form.tr("inspector-conversation-info-extra-info");
        map_ui(form, ui, label, "extra_info", extra_info, &spec);
        let label = form.tr("inspector-contact-info-contact-info");
        map_ui(form, ui, label, "contact_info", contact_info, &spec);
    });
}

/// The fields about how the handoff ends and its integration.
struct Ending<'k> {
    integration_id: &'k mut i64,
    skill_id: &'k mut String,
    include_history: &'k mut bool,
    result_variable: &'k mut String,
    closing_message: &'k mut String,
}

fn ending_ui(form: &mut Form<'_>, ui: &mut Ui, ending: Ending<'_>) {
    let Ending {
        integration_id,
        skill_id,
        include_history,
        result_variable,
        closing_message,
    } = ending;
    let section = form.tr("inspector-when-it-ends");
    fields::section_ui(ui, form.id("section.end"), section, |ui| {
        form.template(
            ui,
            form.tr("inspector-closing-message"),
            "closing_message",
            closing_message,
            TemplateStyle::Text,
            form.tr("inspector-sent-when-agent-contact-closes"),
        );
        form.text(
            ui,
            form.tr("inspector-result-variable"),
            "result_variable",
            result_variable,
            "transfer_response",
        );
        fields::help_ui(ui, form.tr("inspector-holds-handoff-json-live-chat"));
    });
    let section = form.tr("inspector-integration");
    fields::section_ui(ui, form.id("section.integration"), section, |ui| {
        form.number(
            ui,
            form.tr("inspector-integration-id"),
            "integration_id",
            integration_id,
            "",
            "",
        );
        form.text(
            ui,
            form.tr("inspector-skill-id"),
            "skill_id",
            skill_id,
            "adf003438nsfmvof9d0s0emds",
        );
        let before = *include_history;
        ui.checkbox(
            include_history,
            form.tr("inspector-include-the-message-history"),
        );
        if *include_history != before {
            form.step();
        }
    });
}

/// The route kind in a combo, and the agent or the contact field it names.
fn route_ui(form: &mut Form<'_>, ui: &mut Ui, route: &mut Route) {
    let mut tag = route.label();
    let choices = [
        ("Department", form.tr("inspector-any-agent-department")),
        ("Unassigned", form.tr("inspector-route-unassigned")),
        ("Agent", form.tr("inspector-a-specific-agent")),
        ("AgentFromField", form.tr("inspector-agent-contact-field")),
        ("Random", form.tr("inspector-random-agent-department")),
        (
            "LastAgent",
            form.tr("inspector-last-agent-who-served-contact"),
        ),
        (
            "Sequential",
            form.tr("inspector-next-agent-turn-round-robin"),
        ),
    ];
    form.combo_field(ui, form.tr("inspector-route"), "route", &mut tag, &choices);
    if tag != route.label() {
        *route = match tag {
            "Agent" => Route::Agent(
                form.flow
                    .team
                    .agents
                    .first()
                    .map(|agent| agent.id.clone())
                    .unwrap_or_default(),
            ),
            "AgentFromField" => Route::AgentFromField(
                field_choices(form)
                    .first()
                    .map(|choice| choice.value.clone())
                    .unwrap_or_default(),
            ),
            "Random" => Route::Random,
            "LastAgent" => Route::LastAgent,
            "Sequential" => Route::Sequential,
            "Unassigned" => Route::Unassigned,
            _ => Route::Department,
        };
    }
    match route {
        Route::Agent(agent) => {
            let choices: Vec<Choice> = form
                .flow
                .team
                .agents
                .iter()
                .map(|agent| Choice {
                    value: agent.id.clone(),
                    label: format!("{} ({})", agent.display_name(), agent.id),
                })
                .collect();
            form.picker(
                ui,
                form.tr("inspector-agent"),
                form.tr("inspector-gets-chat-when-available-else"),
                "route.agent",
                agent,
                &choices,
                form.tr("inspector-team-has-no-agents-yet"),
            );
        }
        Route::AgentFromField(key) => {
            let choices = field_choices(form);
            form.picker(
                ui,
                form.tr("inspector-contact-field"),
                form.tr("inspector-carteirizacao-agent-whose-id-custom"),
                "route.field",
                key,
                &choices,
                form.tr("inspector-team-has-no-custom-fields"),
            );
        }
        Route::LastAgent => {
            fields::help_ui(ui, form.tr("inspector-contact-last-agent-when-available"));
        }
        Route::Sequential => fields::help_ui(ui, form.tr("inspector-round-robin-id-order-over")),
        Route::Random => fields::help_ui(ui, form.tr("inspector-drawn-scenario-seed-run-replayed")),
        Route::Department => {
            fields::help_ui(ui, form.tr("inspector-opens-for-department-any-agent"));
        }
        Route::Unassigned => fields::help_ui(ui, form.tr("inspector-opens-for-anyone")),
    }
}

/// The team's custom fields, Agent fields first: `Gerente de Contas (gerente_de_contas)`.
fn field_choices(form: &Form<'_>) -> Vec<Choice> {
    let mut fields: Vec<_> = form.flow.team.custom_fields.iter().collect();
    fields.sort_by_key(|field| field.kind != FieldKind::Agent);
    fields
        .into_iter()
        .map(|field| Choice {
            value: field.key.clone(),
            label: if field.label.is_empty() {
                field.key.clone()
            } else {
                format!("{} ({})", field.label, field.key)
            },
        })
        .collect()
}
