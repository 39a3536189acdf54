//! Departments (list with add, remove, rename, reorder) and the chats waiting in each queue.
//! Renaming or removing a department can carry the agents' department lists and the waiting
//! counts along, in the same edit.

use egui::{RichText, Ui};
use fluxo_core::flow::Team;

use super::TeamForm;
use crate::tr;
use crate::ui::widgets::fields::{self, Controls, RowAction};

/// Whether renames and removals also update agents and waiting counts (remembered per window).
fn keeps_in_step(ui: &Ui) -> bool {
    ui.data(|data| data.get_temp(keep_id())).unwrap_or(true)
}

fn keep_id() -> egui::Id {
    egui::Id::unique("fluxo.team.departments.keep_in_step")
}

pub(crate) fn departments_ui(form: &mut TeamForm, ui: &mut Ui, team: &mut Team) {
    let title = form.tr("team-departments");
    fields::section_ui(ui, form.id("section.departments"), title, |ui| {
        fields::help_ui(ui, form.tr("team-queues-filas-where-queue-livechat"));
        let mut keep = keeps_in_step(ui);
        if ui
            .checkbox(
                &mut keep,
                form.tr("team-renaming-removing-also-updates-agents"),
            )
            .changed()
        {
            ui.data_mut(|data| data.insert_temp(keep_id(), keep));
        }
        let len = team.departments.len();
        let mut action = None;
        for index in 0..len {
            if let Some(row) = department_row_ui(form, ui, team, index, keep) {
                action = Some((index, row));
            }
        }
        if let Some((index, row)) = action {
            if row == RowAction::Remove
                && keep
                && let Some(name) = team.departments.get(index).cloned()
            {
                for agent in &mut team.agents {
                    agent.departments.retain(|department| department != &name);
                }
                team.waiting.remove(&name);
            }
            fields::apply_row_action(&mut team.departments, index, row);
            form.step();
        }
        if fields::add_button_ui(ui, form.tr("team-add-department")).clicked() {
            let name = unique_name(&team.departments, form.tr("team-new-department"));
            team.departments.push(name);
            form.step();
        }
    });
}

/// One department: its name (a taken or empty name is refused), how many agents it has, and
/// its row buttons.
fn department_row_ui(
    form: &mut TeamForm,
    ui: &mut Ui,
    team: &mut Team,
    index: usize,
    keep: bool,
) -> Option<RowAction> {
    let mut name = team.departments.get(index)?.clone();
    let old = name.clone();
    let others: Vec<String> = team
        .departments
        .iter()
        .enumerate()
        .filter(|(other, _)| *other != index)
        .map(|(_, name)| name.clone())
        .collect();
    let (empty, taken) = (
        form.tr("team-give-department-name"),
        form.tr("team-another-department-has-name"),
    );
    let members = team
        .agents
        .iter()
        .filter(|agent| agent.departments.contains(&old))
        .count();
    let len = team.departments.len();
    let path = format!("departments[{index}]");
    let mut action = None;
    let mut changed = false;
    ui.horizontal(|ui| {
        let hint = form.tr("team-department-name");
        changed = form.validated_inline(ui, &path, &mut name, hint, 200.0, None, |text| {
            let text = text.trim();
            if text.is_empty() {
                Err(empty.to_owned())
            } else if others.iter().any(|other| other == text) {
                Err(taken.to_owned())
            } else {
                Ok((text.to_owned(), text.to_owned()))
            }
        });
        let count = tr!(form.lang(), "team-agents-count", n = members);
        ui.label(RichText::new(count).small().weak());
        action = fields::row_buttons_ui(ui, form.lang(), index, len);
    });
    if changed {
        form.typing(&path);
        if let Some(slot) = team.departments.get_mut(index) {
            slot.clone_from(&name);
        }
        if keep {
            rename_everywhere(team, &old, &name);
        }
    }
    action
}

/// Renames a department in the agents' lists and the waiting counts.
fn rename_everywhere(team: &mut Team, old: &str, new: &str) {
    for agent in &mut team.agents {
        for department in &mut agent.departments {
            if department == old {
                new.clone_into(department);
            }
        }
    }
    if let Some(count) = team.waiting.remove(old) {
        team.waiting.insert(new.to_owned(), count);
    }
}

/// `stem`, or `stem 2`, `stem 3`... whichever is free.
pub(crate) fn unique_name(taken: &[String], stem: &str) -> String {
    if !taken.iter().any(|name| name == stem) {
        return stem.to_owned();
    }
    (2..=taken.len() + 2)
        .map(|n| format!("{stem} {n}"))
        .find(|name| !taken.contains(name))
        .unwrap_or_else(|| format!("{stem} {}", taken.len() + 3))
}

/// Chats already waiting in each department's queue (a Queue node gives position waiting + 1).
pub(crate) fn waiting_ui(form: &mut TeamForm, ui: &mut Ui, team: &mut Team) {
    let title = form.tr("team-waiting-in-each-queue");
    fields::section_ui(ui, form.id("section.waiting"), title, |ui| {
        fields::help_ui(ui, form.tr("team-chats-already-waiting-chat-queued"));
        let mut names: Vec<String> = team.departments.clone();
        names.extend(
            team.waiting
                .keys()
                .filter(|name| !team.departments.contains(name))
                .cloned(),
        );
        egui::Grid::new(form.id("waiting.grid"))
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for name in names {
                    let is_known = team.departments.contains(&name);
                    let label = if is_known {
                        ui.label(&name)
                    } else {
                        ui.label(fields::foreign_text(&name))
                            .on_hover_text(form.tr("team-not-department-team"))
                    };
                    let mut count = team.waiting.get(&name).copied().unwrap_or(0);
                    let before = count;
                    let path = format!("waiting.{name}");
                    form.number_inline(ui, &path, &mut count, 60.0, Some(label.id));
                    if count != before {
                        if count == 0 {
                            team.waiting.remove(&name);
                        } else {
                            team.waiting.insert(name, count);
                        }
                    }
                    ui.end_row();
                }
            });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluxo_core::flow::Agent;

    #[test]
    fn renames_reach_agents_and_waiting() {
        let mut team = Team {
            departments: vec!["Suporte".into()],
            agents: vec![Agent {
                id: "ana".into(),
                departments: vec!["Suporte".into(), "Vendas".into()],
                ..Agent::default()
            }],
            waiting: [("Suporte".to_owned(), 3)].into_iter().collect(),
            ..Team::default()
        };
        rename_everywhere(&mut team, "Suporte", "Suporte N1");
        assert_eq!(team.agents[0].departments, ["Suporte N1", "Vendas"]);
        assert_eq!(team.waiting.get("Suporte N1"), Some(&3));
        assert!(!team.waiting.contains_key("Suporte"));
    }

    #[test]
    fn new_names_are_unique() {
        let taken = vec!["Novo".to_owned(), "Novo 2".to_owned()];
        assert_eq!(unique_name(&taken, "Novo"), "Novo 3");
        assert_eq!(unique_name(&taken, "Outro"), "Outro");
    }
}
