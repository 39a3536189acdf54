//! Agents as a table: id, name, departments (toggles of the team's departments), status,
//! capacity (0 = no limit) and active chats, with add, remove and reorder.

use egui::{Color32, RichText, Sense, Ui, vec2};
use fluxo_core::flow::{Agent, AgentStatus, Team, is_valid_id};

use super::TeamForm;
use crate::ui::widgets::fields::{self, Controls, RowAction};

pub(crate) fn agents_ui(form: &mut TeamForm, ui: &mut Ui, team: &mut Team) {
    let title = form.tr("team-agents");
    fields::section_ui(ui, form.id("section.agents"), title, |ui| {
        fields::help_ui(
            ui,
            form.tr("team-available-online-under-capacity-scenarios"),
        );
        if team.agents.is_empty() {
            fields::help_ui(ui, form.tr("team-no-agents-yet"));
        }
        let mut action = None;
        egui::ScrollArea::horizontal()
            .id_salt("fluxo.team.agents.scroll")
            .show(ui, |ui| {
                egui::Grid::new(form.id("agents.grid"))
                    .num_columns(7)
                    .spacing([8.0, 6.0])
                    .striped(true)
                    .show(ui, |ui| {
                        let headers = header_row_ui(form, ui);
                        for index in 0..team.agents.len() {
                            if let Some(row) = agent_row_ui(form, ui, team, index, &headers) {
                                action = Some((index, row));
                            }
                            ui.end_row();
                        }
                    });
            });
        if let Some((index, row)) = action {
            fields::apply_row_action(&mut team.agents, index, row);
            form.step();
        }
        if fields::add_button_ui(ui, form.tr("team-add-agent")).clicked() {
            let id = unique_agent_id(&team.agents);
            team.agents.push(Agent {
                id,
                ..Agent::default()
            });
            form.step();
        }
    });
}

/// The column headers' ids: each cell is labelled by its column's header.
struct Headers {
    id: egui::Id,
    name: egui::Id,
    capacity: egui::Id,
    active_chats: egui::Id,
}

fn header_row_ui(form: &TeamForm, ui: &mut Ui) -> Headers {
    let header = |ui: &mut Ui, text: &str| ui.label(RichText::new(text).small().weak()).id;
    let id = header(ui, form.tr("inspector-id"));
    let name = header(ui, form.tr("team-name"));
    header(ui, form.tr("team-departments"));
    header(ui, form.tr("team-status"));
    let capacity = ui
        .label(RichText::new(form.tr("team-capacity")).small().weak())
        .on_hover_text(form.tr("team-most-chats-once-0-no"))
        .id;
    let active_chats = header(ui, form.tr("team-active-chats"));
    ui.end_row();
    Headers {
        id,
        name,
        capacity,
        active_chats,
    }
}

/// One agent's cells.
fn agent_row_ui(
    form: &mut TeamForm,
    ui: &mut Ui,
    team: &mut Team,
    index: usize,
    headers: &Headers,
) -> Option<RowAction> {
    let len = team.agents.len();
    let others: Vec<String> = team
        .agents
        .iter()
        .enumerate()
        .filter(|(other, _)| *other != index)
        .map(|(_, agent)| agent.id.clone())
        .collect();
    let departments = team.departments.clone();
    let agent = team.agents.get_mut(index)?;
    let (invalid, taken) = (
        form.tr("inspector-use-letters-digits-without-spaces"),
        form.tr("team-another-agent-has-id"),
    );
    ui.horizontal(|ui| {
        availability_dot_ui(form, ui, agent);
        let path = format!("agents[{index}].id");
        let changed = form.validated_inline(
            ui,
            &path,
            &mut agent.id,
            "ana",
            80.0,
            Some(headers.id),
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
    });
    form.text_inline(
        ui,
        &format!("agents[{index}].name"),
        &mut agent.name,
        "Ana Souza",
        120.0,
        Some(headers.name),
    );
    departments_cell_ui(form, ui, agent, &departments);
    let statuses = [
        (AgentStatus::Online, form.tr("team-online")),
        (AgentStatus::Away, form.tr("team-away")),
        (AgentStatus::Offline, form.tr("team-offline")),
    ];
    form.combo(
        ui,
        &format!("agents[{index}].status"),
        &mut agent.status,
        &statuses,
        80.0,
        form.tr("team-status"),
    );
    form.number_inline(
        ui,
        &format!("agents[{index}].capacity"),
        &mut agent.capacity,
        44.0,
        Some(headers.capacity),
    );
    form.number_inline(
        ui,
        &format!("agents[{index}].active_chats"),
        &mut agent.active_chats,
        44.0,
        Some(headers.active_chats),
    );
    let mut action = None;
    ui.horizontal(|ui| action = fields::row_buttons_ui(ui, form.lang(), index, len));
    action
}

/// A green dot when the agent can take a chat now, grey otherwise.
fn availability_dot_ui(form: &TeamForm, ui: &mut Ui, agent: &Agent) {
    let (rect, response) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
    let color = match (agent.is_available(), agent.status) {
        (true, _) => Color32::from_rgb(0x2e, 0xb8, 0x5c),
        (false, AgentStatus::Online) => Color32::from_rgb(0xe0, 0x9a, 0x2a),
        (false, AgentStatus::Away) => Color32::from_rgb(0xc8, 0xa0, 0x40),
        (false, AgentStatus::Offline) => Color32::from_gray(130),
    };
    ui.painter().circle_filled(rect.center(), 4.5, color);
    let tip = if agent.is_available() {
        form.tr("team-available-now")
    } else {
        form.tr("team-not-available-away-offline-capacity")
    };
    response.on_hover_text(tip);
}

/// A toggle per department of the team; departments the agent lists but the team lacks are
/// shown marked and can be removed.
fn departments_cell_ui(
    form: &mut TeamForm,
    ui: &mut Ui,
    agent: &mut Agent,
    departments: &[String],
) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        ui.set_max_width(260.0);
        for department in departments {
            let is_on = agent.departments.contains(department);
            let text = RichText::new(department).small();
            if ui.selectable_label(is_on, text).clicked() {
                if is_on {
                    agent.departments.retain(|name| name != department);
                } else {
                    // Keep the team's order.
                    agent.departments.push(department.clone());
                    agent.departments.sort_by_key(|name| {
                        departments
                            .iter()
                            .position(|known| known == name)
                            .unwrap_or(usize::MAX)
                    });
                }
                form.step();
            }
        }
        let foreign: Vec<String> = agent
            .departments
            .iter()
            .filter(|name| !departments.contains(name))
            .cloned()
            .collect();
        for name in foreign {
            let text = fields::foreign_text(&name).small();
            let response = ui
                .selectable_label(true, text)
                .on_hover_text(form.tr("team-not-department-team-click-remove"));
            if response.clicked() {
                agent.departments.retain(|other| other != &name);
                form.step();
            }
        }
        if departments.is_empty() && agent.departments.is_empty() {
            ui.label(RichText::new("—").weak());
        }
    });
}

/// `agente_1`, `agente_2`... the first id no agent has.
fn unique_agent_id(agents: &[Agent]) -> String {
    (1..=agents.len() + 1)
        .map(|n| format!("agente_{n}"))
        .find(|id| agents.iter().all(|agent| &agent.id != id))
        .unwrap_or_else(|| format!("agente_{}", agents.len() + 2))
}
