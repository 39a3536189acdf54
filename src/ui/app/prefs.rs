//! Preferences kept across starts in eframe's storage (`app.ron` in the app's data folder):
//! language, theme, panels, minimap, recent files and the last open file. Never the flow itself:
//! the flow lives in its file (and, unsaved, in its recovery file only).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::files::Screen;
use super::{FluxoApp, Panels};
use crate::i18n::Lang;
use crate::ui::context::SaveCheck;
use crate::ui::files::RecentFiles;

/// The key under which eframe's storage keeps them.
pub const STORAGE_KEY: &str = "fluxo.preferences";

/// The theme chosen in View.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Dark,
    Light,
}

impl Theme {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Dark => egui::ThemePreference::Dark,
            Theme::Light => egui::ThemePreference::Light,
        }
    }

    pub fn of(preference: egui::ThemePreference) -> Self {
        match preference {
            egui::ThemePreference::System => Theme::System,
            egui::ThemePreference::Dark => Theme::Dark,
            egui::ThemePreference::Light => Theme::Light,
        }
    }
}

/// What is remembered between starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// `None` until chosen: the system's language is followed.
    pub lang: Option<Lang>,
    pub theme: Theme,
    pub panels: Panels,
    pub minimap: bool,
    pub recent: RecentFiles,
    /// The file open when the window closed; reopened at the next start when it still exists.
    pub last_file: Option<PathBuf>,
    pub save_check: SaveCheck,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            lang: None,
            theme: Theme::System,
            panels: Panels::default(),
            minimap: true,
            recent: RecentFiles::default(),
            last_file: None,
            save_check: SaveCheck::default(),
        }
    }
}

impl Preferences {
    /// Read from eframe's storage; missing or unreadable preferences are the defaults.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|storage| eframe::get_value(storage, STORAGE_KEY))
            .unwrap_or_default()
    }

    /// The language to show: the saved choice, else the system's.
    pub fn lang_or_system(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_system)
    }
}

impl FluxoApp {
    /// The preferences as they stand (what `eframe::App::save` stores).
    pub fn preferences(&self) -> Preferences {
        Preferences {
            lang: self.settings.lang,
            theme: self.settings.theme,
            panels: self.panels,
            minimap: self.canvas.show_minimap,
            recent: self.files.recent.clone(),
            last_file: match self.files.screen {
                Screen::Editor => self.state.doc.path.clone(),
                Screen::Start => None,
            },
            save_check: self.settings.save_check,
        }
    }

    /// Applies saved preferences: language and theme on `ctx`, panels, minimap, recent files.
    pub fn apply_preferences(&mut self, ctx: &egui::Context, prefs: &Preferences) {
        self.state.lang = prefs.lang_or_system();
        ctx.set_theme(prefs.theme.preference());
        self.settings.lang = prefs.lang;
        self.settings.theme = prefs.theme;
        self.settings.save_check = prefs.save_check;
        self.panels = prefs.panels;
        self.canvas.show_minimap = prefs.minimap;
        self.files.recent = prefs.recent.clone();
    }

    /// Picks a language now and remembers the choice. Everything on screen is worded in it
    /// from the next frame: texts are kept as messages and worded when drawn.
    pub fn set_language(&mut self, ctx: &egui::Context, lang: Lang) {
        self.state.lang = lang;
        self.settings.lang = Some(lang);
        ctx.request_repaint();
    }

    /// Picks a theme now and remembers the choice.
    pub fn set_theme(&mut self, ctx: &egui::Context, theme: Theme) {
        ctx.set_theme(theme.preference());
        self.settings.theme = theme;
    }
}

/// Language and theme as chosen (the context holds what is shown).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub lang: Option<Lang>,
    pub theme: Theme,
    pub save_check: SaveCheck,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_round_trip_through_ron_and_tolerate_old_files() {
        let mut prefs = Preferences {
            lang: Some(Lang::PtBr),
            theme: Theme::Light,
            minimap: false,
            ..Preferences::default()
        };
        prefs.panels.team = true;
        prefs.recent.add(std::path::Path::new("/tmp/a.flow.ron"));
        let text = ron::to_string(&prefs).unwrap();
        let back: Preferences = ron::from_str(&text).unwrap();
        assert_eq!(back, prefs);
        // A file from an older build, with fields missing, reads with defaults.
        let old_file = "(theme: Dark)";
        let old: Preferences = ron::from_str(old_file).unwrap();
        assert_eq!(old.theme, Theme::Dark);
        assert!(old.minimap);
        assert_eq!(old.lang, None);
    }
}
