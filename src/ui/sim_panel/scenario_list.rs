//! The flow's scenarios: pick one, add, duplicate, delete (each one `SetScenarios` edit, so undo
//! works); the last "run all" marks each as passed or failed. Renaming is the editor's name
//! field.

use std::collections::HashMap;

use egui::{Color32, RichText, Ui};
use fluxo_core::Command;
use fluxo_core::flow::{Flow, Scenario};

use crate::i18n::Lang;
use crate::ui::Edit;
use crate::ui::theme;

/// What the list asked for.
pub(crate) enum ListRequest {
    Pick(usize),
    /// An edit that adds or removes scenarios, and the scenario to pick once it is applied.
    Change(Box<Edit>, usize),
}

/// A name not used by another scenario: `name`, else `name (2)`, `name (3)`...
pub(crate) fn unique_name(flow: &Flow, name: &str) -> String {
    if flow.scenario(name).is_none() {
        return name.to_owned();
    }
    // Among len + 1 numbers at most len are taken.
    (2..=flow.scenarios.len() + 2)
        .map(|n| format!("{name} ({n})"))
        .find(|candidate| flow.scenario(candidate).is_none())
        .unwrap_or_else(|| name.to_owned())
}

pub(crate) fn scenario_list_ui(
    ui: &mut Ui,
    w: Lang,
    flow: &Flow,
    selected: usize,
    verdicts: &HashMap<String, bool>,
) -> Option<ListRequest> {
    let mut request = None;
    egui::ScrollArea::vertical()
        .id_salt("fluxo.sim.scenarios")
        .max_height(150.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if flow.scenarios.is_empty() {
                ui.label(
                    RichText::new(w.tr("sim-no-scenarios-yet-runs-use"))
                        .weak()
                        .italics(),
                );
            }
            for (index, scenario) in flow.scenarios.iter().enumerate() {
                ui.horizontal(|ui| {
                    let (mark, color) = match verdicts.get(&scenario.name) {
                        Some(true) => ("✔", Color32::from_rgb(0x22, 0xA0, 0x55)),
                        Some(false) => ("✖", theme::severity_color(fluxo_core::Severity::Error)),
                        None => ("", ui.visuals().weak_text_color()),
                    };
                    ui.add_sized(
                        [14.0, 16.0],
                        egui::Label::new(RichText::new(mark).color(color)),
                    );
                    if ui
                        .selectable_label(index == selected, &scenario.name)
                        .clicked()
                        && index != selected
                    {
                        request = Some(ListRequest::Pick(index));
                    }
                });
            }
        });
    ui.horizontal(|ui| {
        if ui
            .button(format!("+ {}", w.tr("sim-new-scenario")))
            .clicked()
        {
            let mut scenarios = flow.scenarios.clone();
            scenarios.push(Scenario {
                name: unique_name(flow, w.tr("sim-new-scenario")),
                ..Scenario::default()
            });
            let index = scenarios.len() - 1;
            request = Some(ListRequest::Change(
                Box::new(Edit::new(Command::SetScenarios(scenarios))),
                index,
            ));
        }
        let current = flow.scenarios.get(selected);
        if ui
            .add_enabled(
                current.is_some(),
                egui::Button::new(w.tr("action-edit-duplicate")),
            )
            .clicked()
            && let Some(current) = current
        {
            let mut scenarios = flow.scenarios.clone();
            let copy = Scenario {
                name: unique_name(flow, &current.name),
                ..current.clone()
            };
            scenarios.insert(selected + 1, copy);
            request = Some(ListRequest::Change(
                Box::new(Edit::new(Command::SetScenarios(scenarios))),
                selected + 1,
            ));
        }
        if ui
            .add_enabled(
                current.is_some(),
                egui::Button::new(w.tr("sim-delete-scenario")),
            )
            .on_hover_text(w.tr("sim-undo-brings-it-back"))
            .clicked()
        {
            let mut scenarios = flow.scenarios.clone();
            if selected < scenarios.len() {
                scenarios.remove(selected);
            }
            let next = selected.min(scenarios.len().saturating_sub(1));
            request = Some(ListRequest::Change(
                Box::new(Edit::new(Command::SetScenarios(scenarios))),
                next,
            ));
        }
    });
    request
}
