//! Controls shared by the inspector and the team editor: a text buffer kept while the user types
//! (so a half-typed invalid value is shown and never lost), labels with help, units, row buttons.
//!
//! The flow changes only after the frame, when the app applies the edits. A field therefore keeps
//! what the user typed in egui memory together with the model value it expects to see next
//! frame; when the model holds something else (undo, another panel) the buffer is dropped and the
//! field shows the model again.

use crate::i18n::Lang;
use crate::ui::theme;
use egui::{Color32, Id, Response, RichText, Ui};
use fluxo_core::Severity;

/// How a form's working copy changed this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Change {
    /// One undo step (a click, a combo, a commit on Enter).
    Step,
    /// Typing in the field with this merge key.
    Typing(String),
}

/// When a field's value reaches the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Commit {
    /// On every valid keystroke (merged into one undo step by the field's key).
    Typing,
    /// On Enter or when focus leaves (ids and port names: a rename is one step). Escape cancels.
    OnEnter,
}

/// What the user typed, and the model text it was typed against.
#[derive(Clone, Debug)]
struct Draft {
    text: String,
    expected: String,
}

/// The text a field edits this frame. Load, show a widget on `text`, then [`Buffer::finish`].
pub(crate) struct Buffer {
    id: Id,
    pub text: String,
    model: String,
}

/// What a field produced this frame.
pub(crate) struct Finished<T> {
    /// A valid new value to apply now.
    pub value: Option<T>,
    /// Why the text is not valid (shown in red under the field).
    pub error: Option<String>,
}

impl Buffer {
    /// The buffer of field `id` whose model text is `model`.
    pub fn load(ui: &Ui, id: Id, model: String) -> Buffer {
        let draft: Option<Draft> = ui.data(|data| data.get_temp(id.with("draft")));
        let text = match draft {
            Some(draft) if draft.expected == model => draft.text,
            _ => model.clone(),
        };
        Buffer { id, text, model }
    }

    /// Whether the text differs from the model (typed but not applied yet).
    pub fn is_pending(&self) -> bool {
        self.text != self.model
    }

    /// Decides what to apply and what to remember. `parse` gives the value and its model text
    /// (`"007"` is 7, shown as `"7"`), or why the text is not valid.
    pub fn finish<T>(
        self,
        ui: &Ui,
        response: &Response,
        commit: Commit,
        parse: impl Fn(&str) -> Result<(T, String), String>,
    ) -> Finished<T> {
        let Buffer { id, text, model } = self;
        let storage = id.with("draft");
        let cancelled = commit == Commit::OnEnter
            && response.lost_focus()
            && ui.input(|input| input.key_pressed(egui::Key::Escape));
        if cancelled {
            ui.data_mut(|data| data.remove::<Draft>(storage));
            return Finished {
                value: None,
                error: None,
            };
        }
        let parsed = parse(&text);
        let error = parsed.as_ref().err().cloned();
        let mut value = None;
        let mut expected = model.clone();
        let wants_apply = match commit {
            Commit::Typing => true,
            Commit::OnEnter => response.lost_focus(),
        };
        if wants_apply
            && text != model
            && let Ok((parsed, canonical)) = parsed
            && canonical != model
        {
            value = Some(parsed);
            expected = canonical;
        }
        let is_uncommitted = commit == Commit::OnEnter && text != model && value.is_none();
        let keep = text != expected && (response.has_focus() || error.is_some() || is_uncommitted);
        ui.data_mut(|data| {
            if keep {
                data.insert_temp(storage, Draft { text, expected });
            } else {
                data.remove::<Draft>(storage);
            }
        });
        Finished { value, error }
    }
}

/// Accepts any text as it is.
#[allow(clippy::unnecessary_wraps)] // the shape every parser has
pub(crate) fn any_text(text: &str) -> Result<(String, String), String> {
    Ok((text.to_owned(), text.to_owned()))
}

/// A field's label above it, with an optional hover help. Returns the label's response, whose
/// id labels the field (for screen readers and the UI tests).
pub(crate) fn label_ui(ui: &mut Ui, text: &str, problem: Option<Severity>) -> Response {
    let mut rich = RichText::new(text).size(12.5);
    rich = match problem {
        Some(severity) => rich.color(theme::severity_color(severity)),
        None => rich.color(ui.visuals().strong_text_color()),
    };
    ui.label(rich)
}

/// Small grey help text under a field.
pub(crate) fn help_ui(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).small().weak());
}

/// A red line under a field that holds an invalid value.
pub(crate) fn error_ui(ui: &mut Ui, text: &str) {
    finding_line_ui(ui, Severity::Error, text, true);
}

/// A line with a painted severity mark and its text (wrapped), in the severity's colour.
pub(crate) fn finding_line_ui(ui: &mut Ui, severity: Severity, text: &str, is_small: bool) {
    let color = theme::severity_color(severity);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 5.0;
        let size = if is_small { 11.0 } else { 13.0 };
        let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size + 3.0), egui::Sense::hover());
        let mark = egui::Rect::from_center_size(
            rect.center() + egui::vec2(0.0, 1.5),
            egui::vec2(size, size),
        );
        theme::paint_severity_mark(ui.painter(), mark, severity, color);
        let mut rich = RichText::new(text).color(color);
        if is_small {
            rich = rich.small();
        }
        ui.add(egui::Label::new(rich).wrap());
    });
}

/// The text of a value the team does not have: `! bruno`, in the warning colour.
pub(crate) fn foreign_text(value: &str) -> RichText {
    RichText::new(format!("! {value}")).color(foreign_color())
}

/// A unit after a number (`ms`, `s`).
pub(crate) fn unit_ui(ui: &mut Ui, unit: &str) {
    ui.label(RichText::new(unit).weak());
}

/// What a row's buttons asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RowAction {
    Up,
    Down,
    Remove,
}

/// Up, down and remove buttons of row `index` of `len`.
pub(crate) fn row_buttons_ui(
    ui: &mut Ui,
    lang: Lang,
    index: usize,
    len: usize,
) -> Option<RowAction> {
    let mut action = None;
    let up = ui
        .add_enabled(index > 0, icon_button("▲"))
        .on_hover_text(lang.tr("inspector-move-up"));
    if up.clicked() {
        action = Some(RowAction::Up);
    }
    let down = ui
        .add_enabled(index + 1 < len, icon_button("▼"))
        .on_hover_text(lang.tr("inspector-move-down"));
    if down.clicked() {
        action = Some(RowAction::Down);
    }
    if remove_button_ui(ui, lang).clicked() {
        action = Some(RowAction::Remove);
    }
    action
}

/// A small frameless button with a symbol the monospace font has (▲ ▼ ▾).
pub(crate) fn icon_button(symbol: &str) -> egui::Button<'static> {
    egui::Button::new(RichText::new(symbol).monospace().size(10.0))
        .small()
        .frame(false)
}

/// A frameless `×` that removes a row.
pub(crate) fn remove_button_ui(ui: &mut Ui, lang: Lang) -> Response {
    ui.add(
        egui::Button::new(RichText::new("×").size(16.0))
            .small()
            .frame(false),
    )
    .on_hover_text(lang.tr("inspector-remove"))
}

/// Applies a row action to a list.
pub(crate) fn apply_row_action<T>(items: &mut Vec<T>, index: usize, action: RowAction) {
    match action {
        RowAction::Up if index > 0 && index < items.len() => items.swap(index, index - 1),
        RowAction::Down if index + 1 < items.len() => items.swap(index, index + 1),
        RowAction::Remove if index < items.len() => {
            items.remove(index);
        }
        _ => {}
    }
}

/// A "+ Add …" button.
pub(crate) fn add_button_ui(ui: &mut Ui, text: &str) -> Response {
    ui.add(egui::Button::new(
        RichText::new(format!("+ {text}")).small(),
    ))
}

/// A titled group of fields.
pub(crate) fn section_ui<R>(
    ui: &mut Ui,
    id: Id,
    title: &str,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> Option<R> {
    egui::CollapsingHeader::new(RichText::new(title).strong().size(13.5))
        .id_salt(id)
        .default_open(true)
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 4.0;
            add_contents(ui)
        })
        .body_returned
}

/// A text colour for a value that the team does not have.
pub(crate) fn foreign_color() -> Color32 {
    theme::severity_color(Severity::Warning)
}

/// What a form's controls need from their form: ids, how a change is recorded, the language.
/// The node form and the team form implement it and share the controls below.
pub(crate) trait Controls {
    /// The egui id of a field of this form.
    fn id(&self, path: &str) -> Id;
    /// Records typing in a field (merged into one undo step by the field's key).
    fn typing(&mut self, path: &str);
    /// Records a one-step change (a click, a combo).
    fn step(&mut self);
    fn lang(&self) -> Lang;

    /// The message `id` in the form's language.
    fn tr(&self, id: &'static str) -> &'static str {
        self.lang().tr(id)
    }

    /// A text field whose text must pass `parse` before it is applied; an invalid text stays
    /// in the field with the reason in red. Returns whether `value` changed (the caller records
    /// the change).
    #[allow(clippy::too_many_arguments)] // a control's few knobs, named at each call
    fn validated_inline<T: ToString>(
        &mut self,
        ui: &mut Ui,
        path: &str,
        value: &mut T,
        hint: &str,
        width: f32,
        labelled_by: Option<Id>,
        parse: impl Fn(&str) -> Result<(T, String), String>,
    ) -> bool {
        let id = self.id(path);
        // One cell in a grid or a row, whether or not an error shows under the field.
        let finished = ui
            .vertical(|ui| {
                if width.is_finite() {
                    // A grid sizes its columns from what they held last frame: claim the
                    // width up front, or the field stays as narrow as the first frame made it.
                    ui.set_min_width(width);
                }
                let mut buffer = Buffer::load(ui, id, value.to_string());
                let response = ui.add(
                    egui::TextEdit::singleline(&mut buffer.text)
                        .id(id)
                        .hint_text(hint.to_owned())
                        .desired_width(width),
                );
                let response = match labelled_by {
                    Some(label) => response.labelled_by(label),
                    None => response,
                };
                let finished = buffer.finish(ui, &response, Commit::Typing, parse);
                if let Some(error) = &finished.error {
                    error_ui(ui, error);
                }
                finished
            })
            .inner;
        match finished.value {
            Some(new) => {
                *value = new;
                true
            }
            None => false,
        }
    }

    /// A plain text field; typing applies at once.
    fn text_inline(
        &mut self,
        ui: &mut Ui,
        path: &str,
        value: &mut String,
        hint: &str,
        width: f32,
        labelled_by: Option<Id>,
    ) {
        if self.validated_inline(ui, path, value, hint, width, labelled_by, any_text) {
            self.typing(path);
        }
    }

    /// A whole number; `12a` stays in the field, red, unapplied.
    fn number_inline<T>(
        &mut self,
        ui: &mut Ui,
        path: &str,
        value: &mut T,
        width: f32,
        labelled_by: Option<Id>,
    ) where
        T: std::str::FromStr + ToString + Copy,
    {
        let not_a_number = self.tr("inspector-write-a-whole-number");
        let changed = self.validated_inline(ui, path, value, "0", width, labelled_by, |text| {
            text.trim()
                .parse::<T>()
                .map(|number| (number, number.to_string()))
                .map_err(|_| not_a_number.to_owned())
        });
        if changed {
            self.typing(path);
        }
    }

    /// A combo box over fixed choices; `name` is what a screen reader (and a UI test) calls it.
    fn combo<T: PartialEq + Clone>(
        &mut self,
        ui: &mut Ui,
        path: &str,
        value: &mut T,
        choices: &[(T, &str)],
        width: f32,
        name: &str,
    ) -> Response {
        let current = choices
            .iter()
            .find(|(choice, _)| choice == value)
            .map_or("", |(_, label)| *label);
        let mut picked = None;
        let response = egui::ComboBox::from_id_salt(self.id(path))
            .selected_text(current.to_owned())
            .width(width)
            .show_ui(ui, |ui| {
                for (choice, label) in choices {
                    if ui
                        .selectable_label(choice == value, (*label).to_owned())
                        .clicked()
                    {
                        picked = Some(choice.clone());
                    }
                }
            })
            .response;
        let enabled = response.enabled();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, enabled, name));
        if let Some(choice) = picked
            && &choice != value
        {
            *value = choice;
            self.step();
        }
        response
    }
}
