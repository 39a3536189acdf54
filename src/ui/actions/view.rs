//! View actions: panels, zoom, fit, fullscreen, theme, language.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{ActionInfo, keys};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ViewAction {
    TogglePalette,
    ToggleInspector,
    ToggleFindings,
    ToggleTeam,
    ToggleMinimap,
    Fit,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ToggleFullscreen,
    ThemeSystem,
    ThemeDark,
    ThemeLight,
    LangEnglish,
    LangPortuguese,
}

const FIT: &[KeyboardShortcut] = &[keys(Modifiers::NONE, Key::F)];
const ZOOM_IN: &[KeyboardShortcut] = &[
    keys(Modifiers::NONE, Key::Plus),
    keys(Modifiers::NONE, Key::Equals),
];
const ZOOM_OUT: &[KeyboardShortcut] = &[keys(Modifiers::NONE, Key::Minus)];
const ZOOM_RESET: &[KeyboardShortcut] = &[keys(Modifiers::COMMAND, Key::Num0)];
const FULLSCREEN: &[KeyboardShortcut] = &[keys(Modifiers::NONE, Key::F11)];

impl ActionInfo for ViewAction {
    const ALL: &'static [Self] = &[
        ViewAction::TogglePalette,
        ViewAction::ToggleInspector,
        ViewAction::ToggleFindings,
        ViewAction::ToggleTeam,
        ViewAction::ToggleMinimap,
        ViewAction::Fit,
        ViewAction::ZoomIn,
        ViewAction::ZoomOut,
        ViewAction::ZoomReset,
        ViewAction::ToggleFullscreen,
        ViewAction::ThemeSystem,
        ViewAction::ThemeDark,
        ViewAction::ThemeLight,
        ViewAction::LangEnglish,
        ViewAction::LangPortuguese,
    ];

    fn label(self) -> &'static str {
        match self {
            ViewAction::TogglePalette => "action-view-toggle-palette",
            ViewAction::ToggleInspector => "action-view-toggle-inspector",
            ViewAction::ToggleFindings => "action-view-toggle-findings",
            ViewAction::ToggleTeam => "action-view-toggle-team",
            ViewAction::ToggleMinimap => "action-view-toggle-minimap",
            ViewAction::Fit => "action-view-fit",
            ViewAction::ZoomIn => "action-view-zoom-in",
            ViewAction::ZoomOut => "action-view-zoom-out",
            ViewAction::ZoomReset => "action-view-zoom-reset",
            ViewAction::ToggleFullscreen => "action-view-toggle-fullscreen",
            ViewAction::ThemeSystem => "action-view-theme-system",
            ViewAction::ThemeDark => "action-view-theme-dark",
            ViewAction::ThemeLight => "action-view-theme-light",
            // Each language by its own name, readable whatever the window speaks.
            ViewAction::LangEnglish => "action-view-lang-english",
            ViewAction::LangPortuguese => "action-view-lang-portuguese",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            ViewAction::TogglePalette => "action-view-toggle-palette-tooltip",
            ViewAction::ToggleInspector => "action-view-toggle-inspector-tooltip",
            ViewAction::ToggleFindings => "action-view-toggle-findings-tooltip",
            ViewAction::ToggleTeam => "action-view-toggle-team-tooltip",
            ViewAction::ToggleMinimap => "action-view-toggle-minimap-tooltip",
            ViewAction::Fit => "action-view-fit-tooltip",
            ViewAction::ZoomIn => "action-view-zoom-in-tooltip",
            ViewAction::ZoomOut => "action-view-zoom-out-tooltip",
            ViewAction::ZoomReset => "action-view-zoom-reset-tooltip",
            ViewAction::ToggleFullscreen => "action-view-toggle-fullscreen-tooltip",
            ViewAction::ThemeSystem => "action-view-theme-system-tooltip",
            ViewAction::ThemeDark => "action-view-theme-dark-tooltip",
            ViewAction::ThemeLight => "action-view-theme-light-tooltip",
            ViewAction::LangEnglish => "action-view-lang-english-tooltip",
            ViewAction::LangPortuguese => "action-view-lang-portuguese-tooltip",
        }
    }

    fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            ViewAction::Fit => FIT,
            ViewAction::ZoomIn => ZOOM_IN,
            ViewAction::ZoomOut => ZOOM_OUT,
            ViewAction::ZoomReset => ZOOM_RESET,
            ViewAction::ToggleFullscreen => FULLSCREEN,
            _ => &[],
        }
    }

    fn works_while_typing(self) -> bool {
        self == ViewAction::ToggleFullscreen
    }
}
