//! The day as tables: per department (offered, answered, abandoned, service level, waits), per
//! agent (chats, occupancy) and the chats that ended in the bot. With the day before shown, a
//! cell that changed reads `before → now`.

use egui::{RichText, Ui};
use fluxo_core::load::{AgentLoad, BotEndCount, DepartmentLoad, LoadReport};

use super::Day;
use crate::cli::load::{duration, percent};
use crate::i18n::Lang;
use crate::tr;

/// The three tables.
pub(super) fn tables_ui(ui: &mut Ui, lang: Lang, current: &Day, previous: Option<&Day>) {
    let before = previous.map(|day| &day.report);
    section_ui(
        ui,
        "fluxo.load.table.departments",
        lang.tr("load-departments"),
        |ui| {
            departments_ui(ui, lang, &current.report, before);
        },
    );
    if !current.report.agents.is_empty() {
        section_ui(
            ui,
            "fluxo.load.table.agents",
            lang.tr("load-agents"),
            |ui| {
                agents_ui(ui, lang, &current.report, before);
            },
        );
    }
    if !current.report.bot_ends.is_empty() {
        section_ui(
            ui,
            "fluxo.load.table.bot_ends",
            lang.tr("load-bot-ends"),
            |ui| {
                bot_ends_ui(ui, lang, &current.report, before);
            },
        );
    }
}

fn section_ui(ui: &mut Ui, id: &'static str, title: &str, add: impl FnOnce(&mut Ui)) {
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(id)
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::horizontal().id_salt(id).show(ui, add);
        });
}

/// A cell: `now`, or `before → now` when the day before says something else.
fn cell(now: String, before: Option<String>) -> String {
    match before {
        Some(before) if before != now => format!("{before} → {now}"),
        _ => now,
    }
}

fn header_row(ui: &mut Ui, lang: Lang, ids: &[&'static str]) {
    for id in ids {
        ui.label(RichText::new(lang.tr(id)).small().strong());
    }
    ui.end_row();
}

/// A department's name as the tables write it ("(no department)" for "").
fn department_name(lang: Lang, name: &str) -> String {
    if name.is_empty() {
        lang.tr("load-no-department").to_owned()
    } else {
        name.to_owned()
    }
}

/// The cells of a department's row.
pub(crate) fn department_cells(lang: Lang, department: &DepartmentLoad) -> [String; 6] {
    [
        department.offered.to_string(),
        department.answered.to_string(),
        department.abandoned.to_string(),
        percent(department.service_level, lang),
        duration(department.mean_wait_s, lang),
        duration(department.p90_wait_s, lang),
    ]
}

fn departments_ui(ui: &mut Ui, lang: Lang, report: &LoadReport, before: Option<&LoadReport>) {
    egui::Grid::new("fluxo.load.grid.departments")
        .striped(true)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            header_row(
                ui,
                lang,
                &[
                    "load-col-department",
                    "load-col-offered",
                    "load-col-answered",
                    "load-col-abandoned",
                    "load-col-service-level",
                    "load-col-mean-wait",
                    "load-col-p90-wait",
                ],
            );
            for department in &report.departments {
                ui.label(department_name(lang, &department.department));
                let old = before.and_then(|before| {
                    before
                        .departments
                        .iter()
                        .find(|old| old.department == department.department)
                });
                let old_cells = old.map(|old| department_cells(lang, old));
                for (index, now) in department_cells(lang, department).into_iter().enumerate() {
                    let was = old_cells
                        .as_ref()
                        .and_then(|cells| cells.get(index).cloned());
                    ui.label(cell(now, was));
                }
                ui.end_row();
            }
        });
}

fn agent_cells(lang: Lang, agent: &AgentLoad) -> [String; 2] {
    [
        agent.handled.to_string(),
        percent(Some(agent.occupancy), lang),
    ]
}

fn agents_ui(ui: &mut Ui, lang: Lang, report: &LoadReport, before: Option<&LoadReport>) {
    egui::Grid::new("fluxo.load.grid.agents")
        .striped(true)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            header_row(
                ui,
                lang,
                &["load-col-agent", "load-col-handled", "load-col-occupancy"],
            );
            for agent in &report.agents {
                ui.label(&agent.name);
                let old = before
                    .and_then(|before| before.agents.iter().find(|old| old.agent == agent.agent))
                    .map(|old| agent_cells(lang, old));
                for (index, now) in agent_cells(lang, agent).into_iter().enumerate() {
                    let was = old.as_ref().and_then(|cells| cells.get(index).cloned());
                    ui.label(cell(now, was));
                }
                ui.end_row();
            }
        });
}

fn end_label(lang: Lang, end: &BotEndCount) -> String {
    match &end.node {
        Some(node) => tr!(
            lang,
            "load-end-at",
            reason = end.reason.as_str(),
            node = node.as_str()
        ),
        None => end.reason.as_str().to_owned(),
    }
}

fn bot_ends_ui(ui: &mut Ui, lang: Lang, report: &LoadReport, before: Option<&LoadReport>) {
    egui::Grid::new("fluxo.load.grid.bot_ends")
        .striped(true)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            for end in &report.bot_ends {
                ui.label(end_label(lang, end));
                let was = before.map(|before| {
                    before
                        .bot_ends
                        .iter()
                        .find(|old| old.reason == end.reason && old.node == end.node)
                        .map_or(0, |old| old.chats)
                        .to_string()
                });
                ui.label(cell(end.chats.to_string(), was));
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_cell_reads_before_and_now() {
        assert_eq!(cell("12".into(), Some("9".into())), "9 → 12");
        assert_eq!(cell("12".into(), Some("12".into())), "12");
        assert_eq!(cell("12".into(), None), "12");
    }
}
