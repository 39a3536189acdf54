//! The node form's context and its labelled controls. Each control edits a field of a working
//! copy of the node's kind and records how it changed (typing, or one step); the inspector turns
//! the copy into one `SetKind` edit after the form is drawn.

use std::str::FromStr;

use egui::{Id, Response, RichText, Ui};
use fluxo_core::flow::{Flow, ScopedName};
use fluxo_core::{Command, Finding, Severity};

use super::fields::{self, Buffer, Commit, Controls};
use super::template_edit::{TemplateStyle, name_edit_ui, template_edit_ui};
use crate::ui::i18n::Lang;

/// How the working copy changed this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Change {
    /// One undo step (a click, a combo, a commit on Enter).
    Step,
    /// Typing in the field with this merge key.
    Typing(String),
}

/// A choice of a picker: the value and how to show it.
pub(crate) struct Choice {
    pub value: String,
    pub label: String,
}

/// Everything the controls of one node's form need.
pub(crate) struct Form<'a> {
    pub flow: &'a Flow,
    /// The node's id.
    pub node: &'a str,
    /// The node's findings.
    pub findings: Vec<&'a Finding>,
    pub scope: Vec<ScopedName>,
    pub lang: Lang,
    pub change: Option<Change>,
    /// Commands to apply with the `SetKind` in one step (a port rename, a disconnect).
    pub extra: Vec<Command>,
}

impl Controls for Form<'_> {
    fn id(&self, path: &str) -> Id {
        Id::unique(("fluxo.inspector", self.node, path))
    }

    fn typing(&mut self, path: &str) {
        if self.change.is_none() {
            self.change = Some(Change::Typing(self.key(path)));
        }
    }

    fn step(&mut self) {
        self.change = Some(Change::Step);
    }

    fn lang(&self) -> Lang {
        self.lang
    }
}

impl<'a> Form<'a> {
    pub fn new(
        flow: &'a Flow,
        node: &'a str,
        findings: Vec<&'a Finding>,
        scope: Vec<ScopedName>,
        lang: Lang,
    ) -> Self {
        Self {
            flow,
            node,
            findings,
            scope,
            lang,
            change: None,
            extra: Vec::new(),
        }
    }

    /// The merge key of typing in a field of this node.
    pub fn key(&self, path: &str) -> String {
        format!("node:{}:{path}", self.node)
    }

    /// The findings about exactly this field.
    pub fn findings_at(&self, path: &str) -> Vec<&'a Finding> {
        self.findings
            .iter()
            .copied()
            .filter(|finding| finding.field.as_deref() == Some(path))
            .collect()
    }

    /// The worst severity of the findings about this field or inside it (`headers.X`,
    /// `cases[0].rules[1].value`): its label turns that colour.
    pub fn problem_at(&self, path: &str) -> Option<Severity> {
        self.findings
            .iter()
            .filter(|finding| {
                finding.field.as_deref().is_some_and(|field| {
                    field.strip_prefix(path).is_some_and(|rest| {
                        rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')
                    })
                })
            })
            .map(|finding| finding.severity)
            .min()
    }

    /// The field's findings, under it.
    pub fn findings_ui(&self, ui: &mut Ui, path: &str) {
        for finding in self.findings_at(path) {
            let message = crate::i18n::findings::finding_message(self.lang, finding);
            fields::finding_line_ui(ui, finding.severity, &message, true);
        }
    }

    /// A label above a field.
    pub fn label(&self, ui: &mut Ui, text: &str, path: &str) -> Response {
        fields::label_ui(ui, text, self.problem_at(path))
    }

    /// A single-line text field (a variable name, an id). Typing applies at once.
    pub fn text(&mut self, ui: &mut Ui, label: &str, path: &str, value: &mut String, hint: &str) {
        ui.add_space(2.0);
        let label = self.label(ui, label, path);
        self.text_inline(ui, path, value, hint, f32::INFINITY, Some(label.id));
        self.findings_ui(ui, path);
    }

    /// A number with a unit (`ms`, `s`) and help. `12a` stays in the field, red, unapplied.
    pub fn number<T>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        path: &str,
        value: &mut T,
        unit: &str,
        help: &str,
    ) where
        T: FromStr + ToString + Copy,
    {
        ui.add_space(2.0);
        let label = self.label(ui, label, path);
        ui.horizontal(|ui| {
            self.number_inline(ui, path, value, 80.0, Some(label.id));
            fields::unit_ui(ui, unit);
        });
        if !help.is_empty() {
            fields::help_ui(ui, help);
        }
        self.findings_ui(ui, path);
    }

    /// A labelled template field.
    pub fn template(
        &mut self,
        ui: &mut Ui,
        label: &str,
        path: &str,
        value: &mut String,
        style: TemplateStyle,
        hint: &str,
    ) {
        ui.add_space(2.0);
        let label = self.label(ui, label, path);
        self.template_inline(ui, path, value, style, hint, Some(label.id));
        self.findings_ui(ui, path);
    }

    /// A template field without a label.
    pub fn template_inline(
        &mut self,
        ui: &mut Ui,
        path: &str,
        value: &mut String,
        style: TemplateStyle,
        hint: &str,
        labelled_by: Option<Id>,
    ) {
        let id = self.id(path);
        let mut buffer = Buffer::load(ui, id, value.clone());
        let response = template_edit_ui(ui, id, &mut buffer.text, &self.scope, style, hint);
        let response = match labelled_by {
            Some(label) => response.labelled_by(label),
            None => response,
        };
        let finished = buffer.finish(ui, &response, Commit::Typing, fields::any_text);
        if let Some(new) = finished.value {
            *value = new;
            self.typing(path);
        }
    }

    /// A variable name that offers the names in scope (a Condition rule's `var`).
    pub fn name_inline(
        &mut self,
        ui: &mut Ui,
        path: &str,
        value: &mut String,
        width: f32,
        hint: &str,
    ) -> Response {
        let id = self.id(path);
        let mut buffer = Buffer::load(ui, id, value.clone());
        let response = name_edit_ui(ui, id, &mut buffer.text, &self.scope, width, hint);
        let finished = buffer.finish(ui, &response, Commit::Typing, fields::any_text);
        if let Some(new) = finished.value {
            *value = new;
            self.typing(path);
        }
        response
    }

    /// A labelled combo box.
    pub fn combo_field<T: PartialEq + Clone>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        path: &str,
        value: &mut T,
        choices: &[(T, &str)],
    ) {
        ui.add_space(2.0);
        let name = label;
        let label = self.label(ui, label, path);
        let width = ui.available_width().min(260.0);
        self.combo(ui, path, value, choices, width, name)
            .labelled_by(label.id);
        self.findings_ui(ui, path);
    }

    /// A name from the team (a department, an agent, a schedule) picked in a combo box. A value
    /// the team does not have is listed too, marked; "Other value…" turns the combo into a text
    /// field for a name the team does not have yet.
    #[allow(clippy::too_many_arguments)] // a control's few knobs, named at each call
    pub fn picker(
        &mut self,
        ui: &mut Ui,
        label: &str,
        help: &str,
        path: &str,
        value: &mut String,
        choices: &[Choice],
        none_yet: &str,
    ) {
        ui.add_space(2.0);
        let label = self.label(ui, label, path);
        self.picker_inline(ui, path, value, choices, Some(label.id));
        let is_known = choices.iter().any(|choice| &choice.value == value);
        if !value.is_empty() && !is_known {
            ui.label(
                RichText::new(self.tr("Not in the team: the checks report it."))
                    .small()
                    .color(fields::foreign_color()),
            );
        }
        if choices.is_empty() {
            fields::help_ui(ui, none_yet);
        } else if !help.is_empty() {
            fields::help_ui(ui, help);
        }
        self.findings_ui(ui, path);
    }

    /// The picker without its label.
    pub fn picker_inline(
        &mut self,
        ui: &mut Ui,
        path: &str,
        value: &mut String,
        choices: &[Choice],
        labelled_by: Option<Id>,
    ) {
        let free_id = self.id(path).with("free");
        let is_free: bool = ui.data(|data| data.get_temp(free_id)).unwrap_or(false);
        let width = ui.available_width().min(260.0);
        if is_free {
            ui.horizontal(|ui| {
                self.text_inline(ui, path, value, "", width - 32.0, labelled_by);
                let back = ui
                    .add(fields::icon_button("▾"))
                    .on_hover_text(self.tr("Pick from the team"));
                if back.clicked() {
                    ui.data_mut(|data| data.insert_temp(free_id, false));
                }
            });
            return;
        }
        let is_known = choices.iter().any(|choice| &choice.value == value);
        let shown = if value.is_empty() {
            RichText::new(self.tr("(none)")).weak()
        } else if let Some(choice) = choices.iter().find(|choice| &choice.value == value) {
            RichText::new(&choice.label)
        } else {
            fields::foreign_text(value)
        };
        let mut picked: Option<String> = None;
        let mut go_free = false;
        let response = egui::ComboBox::from_id_salt(self.id(path))
            .selected_text(shown)
            .width(width)
            .show_ui(ui, |ui| {
                for choice in choices {
                    if ui
                        .selectable_label(&choice.value == value, &choice.label)
                        .clicked()
                    {
                        picked = Some(choice.value.clone());
                    }
                }
                if !is_known && !value.is_empty() {
                    let text = fields::foreign_text(value);
                    ui.selectable_label(true, text)
                        .on_hover_text(self.tr("Not in the team: the checks report it."));
                }
                ui.separator();
                if ui
                    .selectable_label(false, self.tr("Other value…"))
                    .clicked()
                {
                    go_free = true;
                }
            })
            .response;
        if let Some(label) = labelled_by {
            let _ = response.labelled_by(label);
        }
        if go_free {
            ui.data_mut(|data| data.insert_temp(free_id, true));
        }
        if let Some(new) = picked
            && &new != value
        {
            *value = new;
            self.step();
        }
    }
}
