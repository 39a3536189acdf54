//! Colours and glyphs of the ten node kinds, shared by the canvas, the palette and the inspector,
//! and the colours of template parts and findings.

use egui::Color32;
use fluxo_core::Severity;
use fluxo_core::flow::KindTag;

/// The accent colour of a kind (the canvas header, the inspector's kind chip).
pub fn kind_color(kind: KindTag) -> Color32 {
    match kind {
        KindTag::Entry => Color32::from_rgb(0x2e, 0x9e, 0x5b),
        KindTag::Message => Color32::from_rgb(0x3b, 0x82, 0xd6),
        KindTag::Ask => Color32::from_rgb(0x8b, 0x5c, 0xd6),
        KindTag::Request => Color32::from_rgb(0xe0, 0x8a, 0x1e),
        KindTag::Condition => Color32::from_rgb(0xd6, 0xa1, 0x1e),
        KindTag::SetVariable => Color32::from_rgb(0x2a, 0xa7, 0xa0),
        KindTag::BusinessHours => Color32::from_rgb(0x6b, 0x7d, 0xc9),
        KindTag::Queue => Color32::from_rgb(0xc9, 0x5b, 0x8e),
        KindTag::LiveChat => Color32::from_rgb(0xd9, 0x4f, 0x4f),
        KindTag::End => Color32::from_rgb(0x7a, 0x80, 0x8a),
    }
}

/// A one-character glyph for a kind that the bundled fonts draw.
pub fn kind_glyph(kind: KindTag) -> &'static str {
    match kind {
        KindTag::Entry => "▶",
        KindTag::Message => "✉",
        KindTag::Ask => "?",
        KindTag::Request => "⇄",
        KindTag::Condition => "⑂",
        KindTag::SetVariable => "=",
        KindTag::BusinessHours => "⏰",
        KindTag::Queue => "☰",
        KindTag::LiveChat => "☎",
        KindTag::End => "■",
    }
}

/// The kind's name in English, as the window shows it (translate it before showing).
pub fn kind_name(kind: KindTag) -> &'static str {
    match kind {
        KindTag::Entry => "Entry",
        KindTag::Message => "Message",
        KindTag::Ask => "Question",
        KindTag::Request => "HTTP request",
        KindTag::Condition => "Condition",
        KindTag::SetVariable => "Set variables",
        KindTag::BusinessHours => "Business hours",
        KindTag::Queue => "Queue",
        KindTag::LiveChat => "Live chat handoff",
        KindTag::End => "End",
    }
}

/// The colour of a finding's severity.
pub fn severity_color(severity: Severity, dark: bool) -> Color32 {
    match (severity, dark) {
        (Severity::Error, true) => Color32::from_rgb(0xff, 0x6b, 0x6b),
        (Severity::Error, false) => Color32::from_rgb(0xc6, 0x28, 0x28),
        (Severity::Warning, true) => Color32::from_rgb(0xf0, 0xb0, 0x40),
        (Severity::Warning, false) => Color32::from_rgb(0xb0, 0x6a, 0x00),
    }
}

/// Colours of a template's parts in the template editor.
#[derive(Clone, Copy, Debug)]
pub struct TemplateColors {
    pub text: Color32,
    /// `{{` `}}` and `<?` `?>`.
    pub mark: Color32,
    /// A name in scope.
    pub name: Color32,
    /// Background behind a whole reference.
    pub name_bg: Color32,
    /// A name not in scope.
    pub unknown: Color32,
    /// An opening mark that makes no reference.
    pub broken: Color32,
}

impl TemplateColors {
    pub fn new(visuals: &egui::Visuals) -> Self {
        let dark = visuals.dark_mode;
        Self {
            text: visuals.text_color(),
            mark: if dark {
                Color32::from_rgb(0x8a, 0x93, 0xc8)
            } else {
                Color32::from_rgb(0x6a, 0x72, 0xa8)
            },
            name: if dark {
                Color32::from_rgb(0x8c, 0xc8, 0xff)
            } else {
                Color32::from_rgb(0x1c, 0x5f, 0xb8)
            },
            name_bg: if dark {
                Color32::from_rgba_unmultiplied(0x5a, 0x8c, 0xff, 0x26)
            } else {
                Color32::from_rgba_unmultiplied(0x3c, 0x78, 0xe6, 0x1c)
            },
            unknown: severity_color(Severity::Error, dark),
            broken: severity_color(Severity::Warning, dark),
        }
    }
}
