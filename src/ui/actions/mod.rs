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

use egui::{Key, KeyboardShortcut, Modifiers};

use super::i18n::Tr;

/// Portuguese for every group's labels and tooltips.
pub(crate) const PT_BR: &[&[(&str, &str)]] = &[
    edit::PT_BR,
    file::PT_BR,
    help::PT_BR,
    sim::PT_BR,
    view::PT_BR,
];

/// What a group tells about each of its actions.
pub trait ActionInfo: Copy + 'static {
    /// Every action of the group, in menu order.
    const ALL: &'static [Self];
    /// The menu label, in English (translated when shown).
    fn label(self) -> &'static str;
    /// What it does, for tooltips and the shortcuts sheet, in English.
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

    /// The name of its group (the menu it sits in), in English (translated when shown).
    pub fn group(self) -> &'static str {
        match self {
            Action::File(_) => "File",
            Action::Edit(_) => "Edit",
            Action::View(_) => "View",
            Action::Sim(_) => "Simulator",
            Action::Help(_) => "Help",
        }
    }

    /// Every shortcut as the platform writes it, joined (`Ctrl+Shift+Z / Ctrl+Y`), or "".
    pub fn all_shortcuts_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .iter()
            .map(|shortcut| ctx.format_shortcut(shortcut))
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

    /// The first shortcut as the platform writes it (`Ctrl+S`, `⌘S`), or "".
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|shortcut| ctx.format_shortcut(shortcut))
            .unwrap_or_default()
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

/// A menu entry for `action`: its label, its key, its tooltip. True when clicked (the menu
/// closes). `enabled: false` greys it out, with `why` as the tooltip when given.
pub fn menu_item(ui: &mut egui::Ui, action: Action, enabled: bool) -> bool {
    let shortcut = action.shortcut_text(ui.ctx());
    let mut button = egui::Button::new(ui.tr(action.label()));
    // An empty shortcut text would still end the accessible name with a blank.
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(ui.tr(action.tooltip()));
    if response.clicked() {
        ui.close();
        return true;
    }
    false
}

/// A tooltip for a button that does `action`: its label, what it does, and its key.
pub fn hover_text(ctx: &egui::Context, action: Action) -> String {
    let shortcut = action.shortcut_text(ctx);
    let text = format!("{}\n{}", ctx.tr(action.label()), ctx.tr(action.tooltip()));
    if shortcut.is_empty() {
        text
    } else {
        format!("{text} ({shortcut})")
    }
}

/// A checkable menu entry for an on/off action.
pub fn menu_toggle(ui: &mut egui::Ui, action: Action, is_on: bool) -> bool {
    let shortcut = action.shortcut_text(ui.ctx());
    let mut button = egui::Button::selectable(is_on, ui.tr(action.label()));
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    ui.add(button)
        .on_hover_text(ui.tr(action.tooltip()))
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
    fn every_action_has_a_label_and_a_tooltip() {
        for action in Action::all() {
            assert!(!action.label().is_empty(), "{action:?}");
            assert!(!action.tooltip().is_empty(), "{action:?}");
        }
    }
}
