//! Editable tables of the node form: maps (headers, `save`, `set`, `extra_info`,
//! `contact_info`) and lists (buttons, options), with add, remove and reorder.

use egui::{RichText, Ui};
use fluxo_core::flow::TemplateMap;

use super::form::Form;
use super::template_edit::TemplateStyle;
use crate::ui::widgets::fields::Controls as _;
use crate::ui::widgets::fields::{self, RowAction};

/// How a map table looks and what a new row is called.
pub(crate) struct MapSpec<'s> {
    pub key_header: &'s str,
    pub value_header: &'s str,
    pub key_hint: &'s str,
    pub value_hint: &'s str,
    /// Whether values are templates (coloured, with suggestions) or plain text.
    pub values_are_templates: bool,
    pub add: &'s str,
    /// The key of a new row: `stem`, then `stem_2`, `stem_3`...
    pub new_key: &'s str,
    /// Shown when the map is empty.
    pub empty: &'s str,
}

const ROW_BUTTONS_WIDTH: f32 = 64.0;

/// A map as a table: one row per entry, keys renamed in place (a taken or empty key is refused
/// with a message and kept in the field), values edited as templates or text.
pub(crate) fn map_ui(
    form: &mut Form<'_>,
    ui: &mut Ui,
    label: &str,
    path: &str,
    map: &mut TemplateMap,
    spec: &MapSpec<'_>,
) {
    ui.add_space(2.0);
    let label = form.label(ui, label, path);
    let total = ui.available_width();
    let key_width = (total * 0.36).max(80.0);
    let value_width = (total - key_width - ROW_BUTTONS_WIDTH - 12.0).max(80.0);
    if map.is_empty() {
        fields::help_ui(ui, spec.empty);
    } else {
        ui.horizontal(|ui| {
            for (text, width) in [
                (spec.key_header, key_width),
                (spec.value_header, value_width),
            ] {
                ui.allocate_ui_with_layout(
                    egui::vec2(width, 14.0),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        ui.set_min_width(width);
                        ui.label(RichText::new(text).small().weak());
                    },
                );
            }
        });
    }
    let mut action: Option<(usize, RowAction)> = None;
    let widths = (key_width, value_width);
    for index in 0..map.len() {
        if let Some(row) = map_row_ui(form, ui, path, map, index, spec, widths, label.id) {
            action = Some((index, row));
        }
    }
    if let Some((index, row)) = action {
        match row {
            RowAction::Up if index > 0 => map.swap_indices(index, index - 1),
            RowAction::Down if index + 1 < map.len() => map.swap_indices(index, index + 1),
            RowAction::Remove => {
                map.shift_remove_index(index);
            }
            _ => {}
        }
        form.step();
    }
    if fields::add_button_ui(ui, spec.add).clicked() {
        let key = unique_key(map, spec.new_key);
        map.insert(key, String::new());
        form.step();
    }
    form.findings_ui(ui, path);
}

/// One row of a map table; applies its own key and value edits to `map`.
#[allow(clippy::too_many_arguments)] // the row's place in its table, named at the one call
fn map_row_ui(
    form: &mut Form<'_>,
    ui: &mut Ui,
    path: &str,
    map: &mut TemplateMap,
    index: usize,
    spec: &MapSpec<'_>,
    (key_width, value_width): (f32, f32),
    label: egui::Id,
) -> Option<RowAction> {
    let len = map.len();
    let (key, value) = map.get_index(index)?;
    let (mut key, mut value) = (key.clone(), value.clone());
    let key_path = format!("{path}[{index}].key");
    let value_path = format!("{path}[{index}].value");
    let other_keys: Vec<String> = map
        .keys()
        .enumerate()
        .filter(|(other, _)| *other != index)
        .map(|(_, key)| key.clone())
        .collect();
    let empty_key = form.tr("inspector-give-row-name");
    let taken_key = form.tr("inspector-another-row-already-has-name");
    let mut key_changed = false;
    let mut value_changed = false;
    let mut action = None;
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.set_width(key_width);
            key_changed = form.validated_inline(
                ui,
                &key_path,
                &mut key,
                spec.key_hint,
                key_width,
                Some(label),
                |text| {
                    if text.trim().is_empty() {
                        Err(empty_key.to_owned())
                    } else if other_keys.iter().any(|other| other == text) {
                        Err(taken_key.to_owned())
                    } else {
                        Ok((text.to_owned(), text.to_owned()))
                    }
                },
            );
        });
        ui.vertical(|ui| {
            ui.set_width(value_width);
            let before = value.clone();
            if spec.values_are_templates {
                form.template_inline(
                    ui,
                    &value_path,
                    &mut value,
                    TemplateStyle::Line,
                    spec.value_hint,
                    Some(label),
                );
            } else {
                form.text_inline(
                    ui,
                    &value_path,
                    &mut value,
                    spec.value_hint,
                    value_width,
                    Some(label),
                );
            }
            value_changed = value != before;
        });
        action = fields::row_buttons_ui(ui, form.lang(), index, len);
    });
    form.findings_ui(ui, &format!("{path}.{key}"));
    if key_changed {
        form.typing(&key_path);
        *map = map
            .iter()
            .enumerate()
            .map(|(at, (old_key, old_value))| {
                let key = if at == index { &key } else { old_key };
                (key.clone(), old_value.clone())
            })
            .collect();
    }
    if value_changed && let Some((_, slot)) = map.get_index_mut(index) {
        *slot = value;
    }
    action
}

/// `stem`, or `stem_2`, `stem_3`... whichever is not a key yet.
fn unique_key(map: &TemplateMap, stem: &str) -> String {
    if !map.contains_key(stem) {
        return stem.to_owned();
    }
    (2..=map.len() + 2)
        .map(|n| format!("{stem}_{n}"))
        .find(|key| !map.contains_key(key))
        .unwrap_or_else(|| format!("{stem}_{}", map.len() + 3))
}

/// A list as a table: one row per item, edited as templates (buttons) or text (options).
#[allow(clippy::too_many_arguments)] // a table's few knobs, named at each call
pub(crate) fn list_ui(
    form: &mut Form<'_>,
    ui: &mut Ui,
    label: &str,
    path: &str,
    items: &mut Vec<String>,
    are_templates: bool,
    add: &str,
    empty: &str,
) {
    ui.add_space(2.0);
    let label = form.label(ui, label, path);
    if items.is_empty() {
        fields::help_ui(ui, empty);
    }
    let len = items.len();
    let width = (ui.available_width() - ROW_BUTTONS_WIDTH - 8.0).max(80.0);
    let mut action = None;
    for (index, item) in items.iter_mut().enumerate() {
        let item_path = format!("{path}[{index}]");
        ui.horizontal(|ui| {
            ui.vertical(|ui| {
                ui.set_width(width);
                if are_templates {
                    form.template_inline(
                        ui,
                        &item_path,
                        item,
                        TemplateStyle::Line,
                        "",
                        Some(label.id),
                    );
                } else {
                    form.text_inline(ui, &item_path, item, "", width, Some(label.id));
                }
            });
            if let Some(row) = fields::row_buttons_ui(ui, form.lang(), index, len) {
                action = Some((index, row));
            }
        });
        form.findings_ui(ui, &item_path);
    }
    if let Some((index, row)) = action {
        fields::apply_row_action(items, index, row);
        form.step();
    }
    if fields::add_button_ui(ui, add).clicked() {
        items.push(String::new());
        form.step();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_keys_are_unique() {
        let mut map = TemplateMap::new();
        assert_eq!(unique_key(&map, "Header"), "Header");
        map.insert("Header".into(), String::new());
        assert_eq!(unique_key(&map, "Header"), "Header_2");
        map.insert("Header_2".into(), String::new());
        assert_eq!(unique_key(&map, "Header"), "Header_3");
    }
}
