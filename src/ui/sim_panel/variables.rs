//! The run's variables as of the shown step: name and value, the ones that step set picked out,
//! secrets shown as `••••` (the core masks them). Values of an earlier step are found by undoing
//! the later steps' `VariableSet` events on today's values.

use std::collections::{BTreeMap, BTreeSet};

use egui::{RichText, Ui};
use fluxo_core::sim::{Event, Run};

use crate::i18n::Lang;
use crate::ui::theme;

/// Longest value drawn in full; longer ones are cut (the tooltip has them whole).
const SHOWN_CHARS: usize = 160;

/// The variables after step `step` (all of them when it is the last), and the names that step
/// set.
pub(crate) fn variables_at(
    run: &Run,
    step: Option<usize>,
) -> (BTreeMap<String, String>, BTreeSet<String>) {
    let mut values = run.variables();
    let Some(step) = step else {
        return (values, BTreeSet::new());
    };
    let last = run.step_count();
    for later in (step + 1..last).rev() {
        let Some(record) = run.step_at(later) else {
            continue;
        };
        for event in record.events.iter().rev() {
            if let Event::VariableSet { name, old, .. } = event {
                match old {
                    Some(old) => values.insert(name.to_string(), old.to_string()),
                    None => values.remove(name.as_str()),
                };
            }
        }
    }
    let changed = run
        .step_at(step)
        .map(|record| {
            record
                .events
                .iter()
                .filter_map(|event| match event {
                    Event::VariableSet { name, .. } => Some(name.to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    (values, changed)
}

/// The variables table, filtered by `filter` (part of a name or value).
pub(crate) fn variables_ui(
    ui: &mut Ui,
    w: Lang,
    values: &BTreeMap<String, String>,
    changed: &BTreeSet<String>,
    filter: &mut String,
) {
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(filter)
                .hint_text(w.tr("sim-filter-variables"))
                .desired_width(170.0),
        );
        if !changed.is_empty() {
            ui.label(
                RichText::new(w.tr("sim-highlighted-set-step"))
                    .small()
                    .color(highlight()),
            );
        }
    });
    let needle = filter.trim().to_lowercase();
    let highlight = highlight();
    // Columns sized from the dock's width, so a long value wraps instead of widening the dock.
    let width = ui.available_width() - 24.0;
    let name_width = (width * 0.42).clamp(90.0, 240.0);
    let value_width = (width - name_width - 12.0).max(80.0);
    egui::ScrollArea::vertical()
        .id_salt("fluxo.sim.vars")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("fluxo.sim.vars.grid")
                .num_columns(2)
                .striped(true)
                .spacing([12.0, 3.0])
                .show(ui, |ui| {
                    for (name, value) in values {
                        if !needle.is_empty()
                            && !name.to_lowercase().contains(&needle)
                            && !value.to_lowercase().contains(&needle)
                        {
                            continue;
                        }
                        let is_changed = changed.contains(name);
                        let mut name_text = RichText::new(name).monospace().size(12.0);
                        let mut value_text = RichText::new(shown(value)).size(12.5);
                        if is_changed {
                            name_text = name_text.color(highlight).strong();
                            value_text = value_text.color(highlight).strong();
                        }
                        ui.scope(|ui| {
                            ui.set_max_width(name_width);
                            ui.add(egui::Label::new(name_text).truncate());
                        });
                        let response = ui
                            .scope(|ui| {
                                ui.set_max_width(value_width);
                                ui.add(egui::Label::new(value_text).wrap())
                            })
                            .inner;
                        if value.chars().count() > SHOWN_CHARS {
                            response.on_hover_text(value);
                        }
                        ui.end_row();
                    }
                });
        });
}

fn shown(value: &str) -> String {
    if value.is_empty() {
        return "\"\"".to_owned();
    }
    if value.chars().count() <= SHOWN_CHARS {
        return value.to_owned();
    }
    let cut: String = value.chars().take(SHOWN_CHARS).collect();
    format!("{cut}…")
}

/// The colour of what the shown step changed.
pub(crate) fn highlight() -> egui::Color32 {
    theme::severity_color(fluxo_core::Severity::Warning)
}
