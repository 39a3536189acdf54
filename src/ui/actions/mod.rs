//! Every action of the window, defined once: its label, tooltip and shortcuts. The menu bar, the
//! context menus, the shortcuts sheet and the keyboard all go through here, so a key shown in a
//! menu is the key that works.
//!
//! Actions come in groups, one file each; the app runs them after drawing (`FluxoApp::run_action`).

mod edit;
mod file;
mod help;
mod sim;
mod view;

pub use edit::EditAction;
pub use file::FileAction;
pub use help::HelpAction;
pub use sim::SimAction;
pub use view::ViewAction;

use egui::{Key, KeyboardShortcut, ModifierNames, Modifiers};

use crate::i18n::Lang;

/// What a group tells about each of its actions.
pub trait ActionInfo: Copy + 'static {
    /// Every action of the group, in menu order.
    const ALL: &'static [Self];
    /// The message id of its menu label.
    fn label(self) -> &'static str;
    /// The message id of what it does, for tooltips and the shortcuts sheet.
    fn tooltip(self) -> &'static str;
    /// Its keys; the first is the one menus show. Empty: no key.
    fn shortcuts(self) -> &'static [KeyboardShortcut] {
        &[]
    }
    /// Whether its keys work while a text field has the keyboard (Ctrl+S, F-keys).
    fn works_while_typing(self) -> bool {
        false
    }
}

/// Any action of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    File(FileAction),
    Edit(EditAction),
    View(ViewAction),
    Sim(SimAction),
    Help(HelpAction),
}

macro_rules! delegate {
    ($self:ident, $method:ident) => {
        match $self {
            Action::File(action) => action.$method(),
            Action::Edit(action) => action.$method(),
            Action::View(action) => action.$method(),
            Action::Sim(action) => action.$method(),
            Action::Help(action) => action.$method(),
        }
    };
}

impl Action {
    pub fn label(self) -> &'static str {
        delegate!(self, label)
    }

    pub fn tooltip(self) -> &'static str {
        delegate!(self, tooltip)
    }

    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        delegate!(self, shortcuts)
    }

    pub fn works_while_typing(self) -> bool {
        delegate!(self, works_while_typing)
    }

    /// The message id of its group's name (the menu it sits in).
    pub fn group(self) -> &'static str {
        match self {
            Action::File(_) => "window-file",
            Action::Edit(_) => "window-edit",
            Action::View(_) => "window-view",
            Action::Sim(_) => "window-simulator",
            Action::Help(_) => "window-help",
        }
    }

    /// Every shortcut as the keyboard shows it, joined (`Ctrl+Shift+Z / Ctrl+Y`), or "".
    pub fn all_shortcuts_text(self, ctx: &egui::Context, lang: Lang) -> String {
        self.shortcuts()
            .iter()
            .map(|shortcut| shortcut_text(ctx, lang, shortcut))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// Every action, grouped as the menus are.
    pub fn all() -> impl Iterator<Item = Action> {
        FileAction::ALL
            .iter()
            .map(|&a| Action::File(a))
            .chain(EditAction::ALL.iter().map(|&a| Action::Edit(a)))
            .chain(ViewAction::ALL.iter().map(|&a| Action::View(a)))
            .chain(SimAction::ALL.iter().map(|&a| Action::Sim(a)))
            .chain(HelpAction::ALL.iter().map(|&a| Action::Help(a)))
    }

    /// The first shortcut as the keyboard shows it (`Ctrl+S`, `⌘S`), or "".
    pub fn shortcut_text(self, ctx: &egui::Context, lang: Lang) -> String {
        self.shortcuts()
            .first()
            .map(|shortcut| shortcut_text(ctx, lang, shortcut))
            .unwrap_or_default()
    }
}

/// A shortcut as the keyboard shows it, in `lang`: `Ctrl+Shift+Z`, `F10`, `Plus` ("Mais" in
/// Portuguese). A Mac shows its own symbols (`⌘S`).
pub fn shortcut_text(ctx: &egui::Context, lang: Lang, shortcut: &KeyboardShortcut) -> String {
    if ctx.os().is_mac() {
        return ctx.format_shortcut(shortcut);
    }
    let mut text = ModifierNames::NAMES.format(&shortcut.modifiers, false);
    if !text.is_empty() {
        text.push_str(ModifierNames::NAMES.concat);
    }
    text.push_str(key_name(lang, shortcut.logical_key));
    text
}

/// A key's name in `lang`: the keys whose name is a word are worded; letters, digits and F-keys
/// are the same everywhere.
pub fn key_name(lang: Lang, key: Key) -> &'static str {
    match key {
        Key::Plus => lang.tr("key-plus"),
        Key::Equals => lang.tr("key-equals"),
        Key::Minus => lang.tr("key-minus"),
        Key::Delete => lang.tr("key-delete"),
        Key::Backspace => lang.tr("key-backspace"),
        Key::Escape => lang.tr("key-escape"),
        Key::Enter => lang.tr("key-enter"),
        Key::Space => lang.tr("key-space"),
        Key::Tab => lang.tr("key-tab"),
        _ => key.name(),
    }
}

/// A shortcut of `modifiers` + `key` (for the groups' tables).
pub const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

/// The actions whose keys were pressed this frame (the presses are consumed). While a text field
/// has the keyboard only actions that work while typing fire, so typing never deletes nodes.
///
/// The native window turns Ctrl+C and Ctrl+X into `Event::Copy` and `Event::Cut` (never into key
/// presses): outside a text field they are the Copy and Cut actions. `Event::Paste` carries the
/// clipboard's text, so the app reads it itself.
pub fn pressed(ctx: &egui::Context) -> Vec<Action> {
    let is_typing = ctx.egui_wants_keyboard_input();
    let mut fired = Vec::new();
    if !is_typing {
        ctx.input(|input| {
            for event in &input.events {
                let action = match event {
                    egui::Event::Copy => Action::Edit(EditAction::Copy),
                    egui::Event::Cut => Action::Edit(EditAction::Cut),
                    _ => continue,
                };
                if !fired.contains(&action) {
                    fired.push(action);
                }
            }
        });
    }
    // Longer shortcuts first, so that Ctrl+Shift+Z is not taken for Ctrl+Z.
    let mut candidates: Vec<(Action, &KeyboardShortcut)> = Action::all()
        .filter(|action| !is_typing || action.works_while_typing())
        .flat_map(|action| action.shortcuts().iter().map(move |s| (action, s)))
        .collect();
    candidates.sort_by_key(|(_, shortcut)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
    ctx.input_mut(|input| {
        for (action, shortcut) in candidates {
            if input.consume_shortcut(shortcut) && !fired.contains(&action) {
                fired.push(action);
            }
        }
    });
    fired
}

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.alt)
        + u8::from(modifiers.shift)
        + u8::from(modifiers.command || modifiers.ctrl)
}

/// A menu entry for `action`: its label, its key, its tooltip, in `lang`. True when clicked
/// (the menu closes). `enabled: false` greys it out.
pub fn menu_item(ui: &mut egui::Ui, lang: Lang, action: Action, enabled: bool) -> bool {
    let shortcut = action.shortcut_text(ui.ctx(), lang);
    let mut button = egui::Button::new(lang.tr(action.label()));
    // An empty shortcut text would still end the accessible name with a blank.
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(lang.tr(action.tooltip()));
    if response.clicked() {
        ui.close();
        return true;
    }
    false
}

/// A tooltip for a button that does `action`: its label, what it does, and its key.
pub fn hover_text(ctx: &egui::Context, lang: Lang, action: Action) -> String {
    let shortcut = action.shortcut_text(ctx, lang);
    let text = format!("{}\n{}", lang.tr(action.label()), lang.tr(action.tooltip()));
    if shortcut.is_empty() {
        text
    } else {
        format!("{text} ({shortcut})")
    }
}

/// A checkable menu entry for an on/off action.
pub fn menu_toggle(ui: &mut egui::Ui, lang: Lang, action: Action, is_on: bool) -> bool {
    let shortcut = action.shortcut_text(ui.ctx(), lang);
    let mut button = egui::Button::selectable(is_on, lang.tr(action.label()));
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    ui.add(button)
        .on_hover_text(lang.tr(action.tooltip()))
        .clicked()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_does_two_things() {
        let mut seen = std::collections::HashMap::new();
        for action in Action::all() {
            for shortcut in action.shortcuts() {
                let key = (shortcut.modifiers, shortcut.logical_key);
                if let Some(other) = seen.insert(key, action) {
                    panic!("{other:?} and {action:?} share a key");
                }
            }
        }
    }

    #[test]
    fn every_action_has_a_label_and_a_tooltip_in_both_languages() {
        for action in Action::all() {
            for lang in Lang::ALL {
                for id in [action.label(), action.tooltip(), action.group()] {
                    assert!(
                        crate::i18n::has(lang, id),
                        "{lang:?} lacks {id} ({action:?})"
                    );
                }
            }
        }
    }

    #[test]
    fn key_names_are_worded() {
        let ctx = egui::Context::default();
        let zoom_in = Action::View(ViewAction::ZoomIn);
        assert_eq!(zoom_in.all_shortcuts_text(&ctx, Lang::En), "Plus / Equals");
        assert_eq!(zoom_in.all_shortcuts_text(&ctx, Lang::PtBr), "Mais / Igual");
        let undo = Action::Edit(EditAction::Undo);
        assert_eq!(undo.shortcut_text(&ctx, Lang::PtBr), "Ctrl+Z");
        let back = Action::Sim(SimAction::Back);
        assert_eq!(back.shortcut_text(&ctx, Lang::PtBr), "Shift+F10");
    }
}
