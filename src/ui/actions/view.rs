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

pub(super) const PT_BR: &[(&str, &str)] = &[
    ("Palette", "Paleta"),
    (
        "Show or hide the node palette",
        "Mostra ou esconde a paleta de nós",
    ),
    ("Inspector", "Inspetor"),
    (
        "Show or hide the inspector of the selected node",
        "Mostra ou esconde o inspetor do nó selecionado",
    ),
    (
        "Show or hide the list of problems found by the checks",
        "Mostra ou esconde a lista de problemas encontrados",
    ),
    (
        "Edit and mock the team this flow is designed for",
        "Edite e simule a equipe deste fluxo",
    ),
    ("Minimap", "Minimapa"),
    ("Show or hide the minimap", "Mostra ou esconde o minimapa"),
    ("Fit to view", "Ajustar à tela"),
    ("Show the whole flow", "Mostra o fluxo inteiro"),
    ("Zoom in", "Aproximar"),
    ("Zoom in around the centre", "Aproxima em torno do centro"),
    ("Zoom out", "Afastar"),
    ("Zoom out around the centre", "Afasta em torno do centro"),
    ("Actual size", "Tamanho real"),
    ("Zoom to 100 %", "Zoom em 100 %"),
    ("Fullscreen", "Tela cheia"),
    ("Use the whole screen", "Usa a tela inteira"),
    ("System theme", "Tema do sistema"),
    (
        "Follow the system's light or dark theme",
        "Segue o tema claro ou escuro do sistema",
    ),
    ("Dark theme", "Tema escuro"),
    ("Easy on the eyes at night", "Confortável à noite"),
    ("Light theme", "Tema claro"),
    (
        "Dark text on a light background",
        "Texto escuro em fundo claro",
    ),
    ("Show the window in English", "Mostra a janela em inglês"),
    (
        "Show the window in Brazilian Portuguese",
        "Mostra a janela em português do Brasil",
    ),
];

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
            ViewAction::TogglePalette => "Palette",
            ViewAction::ToggleInspector => "Inspector",
            ViewAction::ToggleFindings => "Problems",
            ViewAction::ToggleTeam => "Team",
            ViewAction::ToggleMinimap => "Minimap",
            ViewAction::Fit => "Fit to view",
            ViewAction::ZoomIn => "Zoom in",
            ViewAction::ZoomOut => "Zoom out",
            ViewAction::ZoomReset => "Actual size",
            ViewAction::ToggleFullscreen => "Fullscreen",
            ViewAction::ThemeSystem => "System theme",
            ViewAction::ThemeDark => "Dark theme",
            ViewAction::ThemeLight => "Light theme",
            // Each language by its own name, readable whatever the window speaks.
            ViewAction::LangEnglish => "English",
            ViewAction::LangPortuguese => "Português (Brasil)",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            ViewAction::TogglePalette => "Show or hide the node palette",
            ViewAction::ToggleInspector => "Show or hide the inspector of the selected node",
            ViewAction::ToggleFindings => "Show or hide the list of problems found by the checks",
            ViewAction::ToggleTeam => "Edit and mock the team this flow is designed for",
            ViewAction::ToggleMinimap => "Show or hide the minimap",
            ViewAction::Fit => "Show the whole flow",
            ViewAction::ZoomIn => "Zoom in around the centre",
            ViewAction::ZoomOut => "Zoom out around the centre",
            ViewAction::ZoomReset => "Zoom to 100 %",
            ViewAction::ToggleFullscreen => "Use the whole screen",
            ViewAction::ThemeSystem => "Follow the system's light or dark theme",
            ViewAction::ThemeDark => "Easy on the eyes at night",
            ViewAction::ThemeLight => "Dark text on a light background",
            ViewAction::LangEnglish => "Show the window in English",
            ViewAction::LangPortuguese => "Show the window in Brazilian Portuguese",
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
