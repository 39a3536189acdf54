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
    let section = form.tr("Who gets the chat");
    fields::section_ui(ui, form.id("section.route"), section, |ui| {
        route_ui(form, ui, route);
        let choices = department_choices(form);
        form.picker(
            ui,
            form.tr("Department"),
            form.tr("Also where the chat goes when the chosen agent is not available."),
            "department",
            department,
            &choices,
            form.tr("The team has no departments yet: add one in the team editor."),
        );
    });
    let section = form.tr("Waiting");
    fields::section_ui(ui, form.id("section.waiting"), section, |ui| {
        form.number(
            ui,
            form.tr("Wait for an agent"),
            "wait_timeout_s",
            wait_timeout_s,
            "s",
            form.tr("0 = no limit: with nobody available the chat is queued. Otherwise it leaves by timeout."),
        );
        form.number(
            ui,
            form.tr("Contact inactivity"),
            "inactivity_timeout_s",
            inactivity_timeout_s,
            "s",
            form.tr("0 = no limit. A silent contact leaves by user_inactivity_timeout."),
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
    let section = form.tr("Agent's widget");
    fields::section_ui(ui, form.id("section.widget"), section, |ui| {
        let spec = MapSpec {
            key_header: form.tr("Field"),
            value_header: form.tr("Value"),
            key_hint: "matricula",
            value_hint: "<? $matricula ?>",
            values_are_templates: true,
            add: form.tr("Add field"),
            new_key: "campo",
            empty: form.tr("Nothing extra."),
        };
        let label = form.tr("Conversation info (extra_info)");
        map_ui(form, ui, label, "extra_info", extra_info, &spec);
        let label = form.tr("Contact info (contact_info)");
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
    let section = form.tr("When it ends");
    fields::section_ui(ui, form.id("section.end"), section, |ui| {
        form.template(
            ui,
            form.tr("Closing message"),
            "closing_message",
            closing_message,
            TemplateStyle::Text,
            form.tr("Sent when the agent or the contact closes the chat (optional)."),
        );
        form.text(
            ui,
            form.tr("Result variable"),
            "result_variable",
            result_variable,
            "transfer_response",
        );
        fields::help_ui(
            ui,
            form.tr("Holds the handoff as JSON. live_chat.status holds how it ended."),
        );
    });
    let section = form.tr("Integration");
    fields::section_ui(ui, form.id("section.integration"), section, |ui| {
        form.number(
            ui,
            form.tr("Integration id"),
            "integration_id",
            integration_id,
            "",
            "",
        );
        form.text(
            ui,
            form.tr("Skill id"),
            "skill_id",
            skill_id,
            "adf003438nsfmvof9d0s0emds",
        );
        let before = *include_history;
        ui.checkbox(include_history, form.tr("Include the message history"));
        if *include_history != before {
            form.step();
        }
    });
}

/// The route kind in a combo, and the agent or the contact field it names.
fn route_ui(form: &mut Form<'_>, ui: &mut Ui, route: &mut Route) {
    let mut tag = route.label();
    let choices = [
        ("Department", form.tr("Any agent of the department")),
        ("Agent", form.tr("A specific agent")),
        ("AgentFromField", form.tr("The agent in a contact field")),
        ("Random", form.tr("A random agent of the department")),
        (
            "LastAgent",
            form.tr("The last agent who served the contact"),
        ),
        (
            "Sequential",
            form.tr("The next agent in turn (round robin)"),
        ),
    ];
    form.combo_field(ui, form.tr("Route"), "route", &mut tag, &choices);
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
                form.tr("Agent"),
                form.tr("Gets the chat when available; else the department."),
                "route.agent",
                agent,
                &choices,
                form.tr("The team has no agents yet: add one in the team editor."),
            );
        }
        Route::AgentFromField(key) => {
            let choices = field_choices(form);
            form.picker(
                ui,
                form.tr("Contact field"),
                form.tr("Carteirização: the agent whose id is in this custom field, when available; else the department."),
                "route.field",
                key,
                &choices,
                form.tr("The team has no custom fields yet: add one in the team editor."),
            );
        }
        Route::LastAgent => fields::help_ui(
            ui,
            form.tr(
                "contact.last_agent when available; a contact with none goes to the department.",
            ),
        ),
        Route::Sequential => fields::help_ui(
            ui,
            form.tr("Round robin in id order over the department's available agents."),
        ),
        Route::Random => fields::help_ui(
            ui,
            form.tr("Drawn from the scenario's seed, so a run can be replayed."),
        ),
        Route::Department => fields::help_ui(
            ui,
            form.tr("The available agent with the fewest chats takes it."),
        ),
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
