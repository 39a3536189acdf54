//! The scenario's expectations: how and where the run must end, who gets the chat, the queue and
//! position, the path, variables and messages. Only what is set is checked ("any" leaves it out).

use egui::{RichText, Ui};
use fluxo_core::flow::{EndReason, Expectations, Flow, Scenario};

use super::scenario_form::{ScenarioForm, grid};
use crate::i18n::events::reason_words;
use crate::tr;
use crate::ui::widgets::fields::{self, Controls};

pub(crate) fn expect_ui(
    form: &mut ScenarioForm,
    ui: &mut Ui,
    flow: &Flow,
    scenario: &mut Scenario,
) {
    let w = form.words();
    fields::section_ui(
        ui,
        form.id("section.expect"),
        w.tr("sim-expectations"),
        |ui| {
            fields::help_ui(ui, w.tr("sim-checked-run-all-fluxo-test"));
            end_ui(form, ui, flow, &mut scenario.expect);
            path_ui(form, ui, flow, &mut scenario.expect.path);
            vars_ui(form, ui, &mut scenario.expect.vars);
            messages_ui(form, ui, &mut scenario.expect.messages);
        },
    );
}

/// Choices of an optional expectation: "any", the known values, and the current value marked
/// when it is not one of them.
fn optional_choices(
    any: &str,
    known: impl Iterator<Item = (String, String)>,
    current: Option<&String>,
) -> Vec<(Option<String>, String)> {
    let mut choices: Vec<(Option<String>, String)> = vec![(None, any.to_owned())];
    choices.extend(known.map(|(value, label)| (Some(value), label)));
    if let Some(value) = current
        && !choices
            .iter()
            .any(|(known, _)| known.as_ref() == Some(value))
    {
        choices.push((Some(value.clone()), format!("! {value}")));
    }
    choices
}

/// How and where the run ends, who gets the chat, the queue and position.
fn end_ui(form: &mut ScenarioForm, ui: &mut Ui, flow: &Flow, expect: &mut Expectations) {
    let w = form.words();
    let any = w.tr("sim-any-2");
    grid(ui, form.id("expect.grid"), |ui| {
        ui.label(w.tr("sim-end-reason"));
        let mut reasons: Vec<(Option<EndReason>, String)> = vec![(None, any.to_owned())];
        reasons.extend(EndReason::ALL.iter().map(|&reason| {
            let label = format!("{} ({})", reason_words(w, reason), reason.as_str());
            (Some(reason), label)
        }));
        let name = w.tr("sim-end-reason");
        form.combo_owned(
            ui,
            "expect.end_reason",
            &mut expect.end_reason,
            &reasons,
            220.0,
            name,
        );
        ui.end_row();

        ui.label(w.tr("sim-end-node"));
        let ids = flow
            .nodes
            .iter()
            .map(|node| (node.id.clone(), node.id.clone()));
        let nodes = optional_choices(any, ids, expect.end_node.as_ref());
        let name = w.tr("sim-end-node");
        form.combo_owned(
            ui,
            "expect.end_node",
            &mut expect.end_node,
            &nodes,
            220.0,
            name,
        );
        ui.end_row();

        ui.label(w.tr("inspector-agent"));
        let nobody = std::iter::once((String::new(), w.tr("sim-nobody").to_owned()));
        let team = flow.team.agents.iter().map(|agent| {
            let label = format!("{} ({})", agent.display_name(), agent.id);
            (agent.id.clone(), label)
        });
        let agents = optional_choices(any, nobody.chain(team), expect.agent.as_ref());
        let name = w.tr("sim-expected-agent");
        form.combo_owned(ui, "expect.agent", &mut expect.agent, &agents, 220.0, name);
        ui.end_row();

        ui.label(w.tr("sim-in-queue"));
        let departments = flow.team.departments.iter().map(|d| (d.clone(), d.clone()));
        let queues = optional_choices(any, departments, expect.queue.as_ref());
        let name = w.tr("sim-expected-queue");
        form.combo_owned(ui, "expect.queue", &mut expect.queue, &queues, 220.0, name);
        ui.end_row();

        position_ui(form, ui, &mut expect.position);
        ui.end_row();
    });
}

/// The queue position: a whole number from 1, or empty for any.
fn position_ui(form: &mut ScenarioForm, ui: &mut Ui, position: &mut Option<u32>) {
    let w = form.words();
    let label = ui.label(w.tr("sim-position"));
    let mut text = position.map(|n| n.to_string()).unwrap_or_default();
    let message = w.tr("sim-position-1-up-empty-any");
    let changed = form.validated_inline(
        ui,
        "expect.position",
        &mut text,
        w.tr("sim-any-2"),
        80.0,
        Some(label.id),
        |text| {
            let text = text.trim();
            if text.is_empty() {
                return Ok((String::new(), String::new()));
            }
            match text.parse::<u32>() {
                Ok(n) if n > 0 => Ok((n.to_string(), n.to_string())),
                _ => Err(message.to_owned()),
            }
        },
    );
    if changed {
        *position = text.parse().ok();
        form.typing("expect.position");
    }
}

/// The path as node ids separated by commas; empty: not checked.
fn path_ui(form: &mut ScenarioForm, ui: &mut Ui, flow: &Flow, path: &mut Option<Vec<String>>) {
    let w = form.words();
    let label = fields::label_ui(ui, w.tr("sim-path-node-ids-order-separated"), None);
    let mut text = path.as_ref().map(|ids| ids.join(", ")).unwrap_or_default();
    let changed = form.validated_inline(
        ui,
        "expect.path",
        &mut text,
        "inicio, boas_vindas, fim",
        f32::INFINITY,
        Some(label.id),
        |text| {
            let canonical = split_ids(text).join(", ");
            Ok((canonical.clone(), canonical))
        },
    );
    if changed {
        let ids = split_ids(&text);
        *path = (!ids.is_empty()).then_some(ids);
        form.typing("expect.path");
    }
    if let Some(ids) = path {
        let unknown: Vec<&str> = ids
            .iter()
            .map(String::as_str)
            .filter(|id| flow.node(id).is_none())
            .collect();
        if !unknown.is_empty() {
            fields::error_ui(ui, &tr!(w, "sim-not-flow-list", list = unknown.join(", ")));
        }
    }
}

fn split_ids(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect()
}

fn vars_ui(
    form: &mut ScenarioForm,
    ui: &mut Ui,
    vars: &mut std::collections::BTreeMap<String, String>,
) {
    let w = form.words();
    ui.label(
        RichText::new(w.tr("sim-variables-at-the-end"))
            .strong()
            .size(12.5),
    );
    let mut removed = None;
    let names: Vec<String> = vars.keys().cloned().collect();
    for name in &names {
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new(name).monospace());
            ui.label("=");
            if let Some(value) = vars.get_mut(name) {
                let path = format!("expect.vars.{name}");
                form.text_inline(ui, &path, value, "", 180.0, Some(label.id));
            }
            if fields::remove_button_ui(ui, form.lang()).clicked() {
                removed = Some(name.clone());
            }
        });
    }
    if let Some(name) = removed {
        vars.remove(&name);
        form.step();
    }
    // A new name is typed first, then added with an empty value.
    let id = form.id("expect.vars.new");
    let mut draft: String = ui.data(|data| data.get_temp(id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(w.tr("sim-expect-a-variable")).small());
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut draft)
                    .id(id)
                    .hint_text(w.tr("sim-variable-name"))
                    .desired_width(160.0),
            )
            .labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let name = draft.trim().to_owned();
        let can_add = !name.is_empty() && !vars.contains_key(&name);
        if (ui
            .add_enabled(
                can_add,
                egui::Button::new(format!("+ {}", w.tr("inspector-add-variable"))).small(),
            )
            .clicked()
            || entered)
            && can_add
        {
            vars.insert(name, String::new());
            draft.clear();
            form.step();
        }
    });
    ui.data_mut(|data| data.insert_temp(id, draft));
}

fn messages_ui(form: &mut ScenarioForm, ui: &mut Ui, messages: &mut Vec<String>) {
    let w = form.words();
    ui.label(
        RichText::new(w.tr("sim-messages-received-order-parts-text"))
            .strong()
            .size(12.5),
    );
    let mut action = None;
    let len = messages.len();
    for index in 0..len {
        let Some(message) = messages.get_mut(index) else {
            continue;
        };
        ui.horizontal(|ui| {
            let number = ui.label(RichText::new(format!("{}.", index + 1)).weak());
            let width = (ui.available_width() - 70.0).max(80.0);
            form.text_inline(
                ui,
                &format!("expect.messages[{index}]"),
                message,
                "",
                width,
                Some(number.id),
            );
            if let Some(row) = fields::row_buttons_ui(ui, form.lang(), index, len) {
                action = Some((index, row));
            }
        });
    }
    if let Some((index, row)) = action {
        fields::apply_row_action(messages, index, row);
        form.step();
    }
    if fields::add_button_ui(ui, w.tr("sim-add-message")).clicked() {
        messages.push(String::new());
        form.step();
    }
}
