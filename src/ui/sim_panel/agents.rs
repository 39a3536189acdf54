//! The team as the run has it now: each agent's status (a switch a trainer flips during a class:
//! it takes effect from the next step and stays across Reset), active chats against capacity,
//! whether they can take a chat, and the chats already waiting in each queue.

use egui::{RichText, Ui};
use fluxo_core::flow::AgentStatus;
use fluxo_core::sim::{AgentView, Run};

use crate::i18n::Lang;
use crate::i18n::events::status_words;
use crate::ui::theme;

/// Returns the status a user switched an agent to.
pub(crate) fn agents_ui(ui: &mut Ui, w: Lang, run: &Run) -> Option<(String, AgentStatus)> {
    let mut switched = None;
    let agents = run.agents();
    if agents.is_empty() {
        ui.label(
            RichText::new(w.tr("sim-team-has-no-agents"))
                .weak()
                .italics(),
        );
        return None;
    }
    ui.label(
        RichText::new(w.tr("sim-switch-takes-effect-next-step"))
            .small()
            .weak(),
    );
    egui::ScrollArea::vertical()
        .id_salt("fluxo.sim.agents")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("fluxo.sim.agents.grid")
                .num_columns(4)
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for header in [
                        w.tr("inspector-agent"),
                        w.tr("sim-status-now"),
                        w.tr("sim-chats"),
                        "",
                    ] {
                        ui.label(RichText::new(header).small().weak());
                    }
                    ui.end_row();
                    for agent in &agents {
                        let is_switched = run.status_edits().contains_key(&agent.id);
                        if let Some(status) = agent_row_ui(ui, w, agent, is_switched) {
                            switched = Some((agent.id.clone(), status));
                        }
                        ui.end_row();
                    }
                });
            let waiting = run.waiting();
            if !waiting.is_empty() {
                ui.add_space(6.0);
                let list: Vec<String> = waiting
                    .iter()
                    .map(|(queue, count)| format!("{queue}: {count}"))
                    .collect();
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        w.tr("sim-already-waiting"),
                        list.join(" · ")
                    ))
                    .small()
                    .weak(),
                );
            }
        });
    switched
}

/// One agent's row; returns the status the user switched them to.
fn agent_row_ui(ui: &mut Ui, w: Lang, agent: &AgentView, is_switched: bool) -> Option<AgentStatus> {
    let name = if agent.name.is_empty() {
        agent.id.clone()
    } else {
        agent.name.clone()
    };
    ui.label(name)
        .on_hover_text(format!("{} · {}", agent.id, agent.departments.join(", ")));
    let mut status = agent.status;
    let label = format!("{} {}", w.tr("sim-status-of"), agent.id);
    let combo = egui::ComboBox::from_id_salt(("fluxo.sim.agent", &agent.id))
        .selected_text(status_words(w, status))
        .width(96.0)
        .show_ui(ui, |ui| {
            for choice in AgentStatus::ALL {
                ui.selectable_value(&mut status, choice, status_words(w, choice));
            }
        })
        .response;
    combo.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &label));
    let chats = if agent.capacity == 0 {
        format!("{} / {}", agent.active_chats, w.tr("sim-no-limit"))
    } else {
        format!("{} / {}", agent.active_chats, agent.capacity)
    };
    ui.label(chats);
    ui.horizontal(|ui| {
        if agent.available {
            ui.label(
                RichText::new(w.tr("sim-available"))
                    .small()
                    .color(egui::Color32::from_rgb(0x22, 0xA0, 0x55)),
            );
        } else {
            ui.label(RichText::new(w.tr("sim-not-available")).small().weak());
        }
        if is_switched {
            ui.label(
                RichText::new(w.tr("sim-switched"))
                    .small()
                    .color(theme::ACCENT),
            )
            .on_hover_text(w.tr("sim-switched-during-session-not-saved"));
        }
    });
    (status != agent.status).then_some(status)
}
