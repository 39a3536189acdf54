//! Colours, glyphs and names shared by the canvas, the palette, the findings and the inspector:
//! one palette that reads well on the dark and the light theme, kind icons painted with shapes
//! (so they never depend on a font), and the colours of template parts.

use egui::Color32;
use fluxo_core::Severity;
use fluxo_core::flow::KindTag;

/// The colour of a kind: card headers, palette chips, minimap boxes. Saturated enough to carry
/// white text, dark enough not to glare on a light canvas.
pub fn kind_color(tag: KindTag) -> Color32 {
    match tag {
        KindTag::Entry => Color32::from_rgb(0x16, 0xA3, 0x4A),
        KindTag::Message => Color32::from_rgb(0x02, 0x84, 0xC7),
        KindTag::Ask => Color32::from_rgb(0x7C, 0x3A, 0xED),
        KindTag::Request => Color32::from_rgb(0xEA, 0x58, 0x0C),
        KindTag::Condition => Color32::from_rgb(0xB4, 0x83, 0x09),
        KindTag::SetVariable => Color32::from_rgb(0x0D, 0x94, 0x88),
        KindTag::BusinessHours => Color32::from_rgb(0x4F, 0x46, 0xE5),
        KindTag::Queue => Color32::from_rgb(0xDB, 0x27, 0x77),
        KindTag::LiveChat => Color32::from_rgb(0xDC, 0x26, 0x26),
        KindTag::End => Color32::from_rgb(0x52, 0x5F, 0x73),
        KindTag::SubFlow => Color32::from_rgb(0x08, 0x91, 0xB2),
    }
}

/// A glyph the bundled fonts draw (egui's monochrome emoji fonts), one per kind.
pub fn kind_glyph(tag: KindTag) -> &'static str {
    match tag {
        KindTag::Entry => "▶",
        KindTag::Message => "💬",
        KindTag::Ask => "❓",
        KindTag::Request => "🌐",
        KindTag::Condition => "🔀",
        KindTag::SetVariable => "✏",
        KindTag::BusinessHours => "⏰",
        KindTag::Queue => "⏳",
        KindTag::LiveChat => "👤",
        KindTag::End => "⏹",
        KindTag::SubFlow => "↪",
    }
}

/// The message id of the kind's name (`lang.tr(kind_label(tag))`).
pub fn kind_label(tag: KindTag) -> &'static str {
    match tag {
        KindTag::Entry => "kind-entry",
        KindTag::Message => "kind-message",
        KindTag::Ask => "kind-ask",
        KindTag::Request => "kind-request",
        KindTag::Condition => "kind-condition",
        KindTag::SetVariable => "kind-set-variable",
        KindTag::BusinessHours => "kind-business-hours",
        KindTag::Queue => "kind-queue",
        KindTag::LiveChat => "kind-live-chat",
        KindTag::End => "kind-end",
        KindTag::SubFlow => "kind-subflow",
    }
}

/// The message id of what the kind does, in a few words.
pub fn kind_description(tag: KindTag) -> &'static str {
    match tag {
        KindTag::Entry => "kind-entry-description",
        KindTag::Message => "kind-message-description",
        KindTag::Ask => "kind-ask-description",
        KindTag::Request => "kind-request-description",
        KindTag::Condition => "kind-condition-description",
        KindTag::SetVariable => "kind-set-variable-description",
        KindTag::BusinessHours => "kind-business-hours-description",
        KindTag::Queue => "kind-queue-description",
        KindTag::LiveChat => "kind-live-chat-description",
        KindTag::End => "kind-end-description",
        KindTag::SubFlow => "kind-subflow-description",
    }
}

/// Errors red, warnings amber, readable on both themes.
pub fn severity_color(severity: Severity) -> Color32 {
    match severity {
        Severity::Error => Color32::from_rgb(0xE5, 0x48, 0x4D),
        Severity::Warning => Color32::from_rgb(0xE0, 0x9A, 0x1B),
    }
}

/// A glyph for a severity.
pub fn severity_glyph(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "⛔",
        Severity::Warning => "⚠",
    }
}

/// The selection and focus colour.
pub const ACCENT: Color32 = Color32::from_rgb(0x3B, 0x8E, 0xF6);

/// Colours of the canvas surface for the current theme.
#[derive(Clone, Copy, Debug)]
pub struct CanvasColors {
    pub background: Color32,
    pub dots: Color32,
    pub card: Color32,
    pub card_border: Color32,
    pub shadow: Color32,
    pub text: Color32,
    pub weak_text: Color32,
    pub wire: Color32,
    pub wire_hover: Color32,
    pub overlay_fill: Color32,
}

impl CanvasColors {
    pub fn for_visuals(visuals: &egui::Visuals) -> Self {
        if visuals.dark_mode {
            Self {
                background: Color32::from_rgb(0x17, 0x19, 0x1E),
                dots: Color32::from_rgb(0x2C, 0x30, 0x38),
                card: Color32::from_rgb(0x25, 0x28, 0x30),
                card_border: Color32::from_rgb(0x3A, 0x3F, 0x4A),
                shadow: Color32::from_black_alpha(90),
                text: Color32::from_rgb(0xEC, 0xEE, 0xF2),
                weak_text: Color32::from_rgb(0x9A, 0xA1, 0xAE),
                wire: Color32::from_rgb(0x6B, 0x74, 0x85),
                wire_hover: Color32::from_rgb(0xC8, 0xD0, 0xDC),
                overlay_fill: Color32::from_rgba_unmultiplied(0x20, 0x23, 0x2A, 235),
            }
        } else {
            Self {
                background: Color32::from_rgb(0xF3, 0xF4, 0xF7),
                dots: Color32::from_rgb(0xD3, 0xD7, 0xDE),
                card: Color32::WHITE,
                card_border: Color32::from_rgb(0xD5, 0xD9, 0xE0),
                shadow: Color32::from_black_alpha(28),
                text: Color32::from_rgb(0x1C, 0x20, 0x27),
                weak_text: Color32::from_rgb(0x5E, 0x66, 0x73),
                wire: Color32::from_rgb(0x9A, 0xA3, 0xB2),
                wire_hover: Color32::from_rgb(0x3A, 0x42, 0x50),
                overlay_fill: Color32::from_rgba_unmultiplied(0xFF, 0xFF, 0xFF, 240),
            }
        }
    }
}

/// The symbols egui's bundled fonts lack (arrows, ≠ ≤ ≥, ●, ✓ ...): a small subset of DejaVu
/// Sans (`assets/fonts/`, with its licence), the last fallback of every family.
const SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/fluxo-symbols.ttf");

/// Adds the symbol font to `ctx`'s fonts once (later calls cost a name lookup).
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        "fluxo-symbols",
        egui::FontData::from_static(SYMBOLS),
        families,
    ));
}

/// The window's style: a little more air than egui's defaults, rounder windows.
pub fn install_style(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.visuals.window_corner_radius = egui::CornerRadius::same(10);
        style.visuals.menu_corner_radius = egui::CornerRadius::same(8);
    });
}

/// Paints a kind's icon in `rect` with `color` (white on the kind's colour, usually). Painted
/// with shapes, so it does not depend on which symbol fonts are bundled.
pub fn paint_kind_icon(painter: &egui::Painter, rect: egui::Rect, kind: KindTag, color: Color32) {
    use egui::{Pos2, Shape, Stroke, pos2, vec2};
    let c = rect.center();
    let r = rect.width().min(rect.height()) * 0.5;
    let stroke = Stroke::new((r * 0.14).max(1.2), color);
    let at = |x: f32, y: f32| -> Pos2 { pos2(c.x + x * r, c.y + y * r) };
    match kind {
        KindTag::Entry => {
            let points = vec![at(-0.35, -0.5), at(0.55, 0.0), at(-0.35, 0.5)];
            painter.add(Shape::convex_polygon(points, color, Stroke::NONE));
        }
        KindTag::Message => {
            let bubble = egui::Rect::from_min_max(at(-0.6, -0.5), at(0.6, 0.3));
            painter.rect_stroke(bubble, r * 0.2, stroke, egui::StrokeKind::Middle);
            painter.line_segment([at(-0.25, 0.3), at(-0.4, 0.6)], stroke);
            painter.line_segment([at(-0.4, 0.6), at(0.05, 0.3)], stroke);
        }
        KindTag::Ask => {
            painter.text(
                c,
                egui::Align2::CENTER_CENTER,
                "?",
                egui::FontId::proportional(r * 1.5),
                color,
            );
        }
        KindTag::Request => {
            painter.arrow(at(-0.6, -0.25), vec2(1.2 * r, 0.0), stroke);
            painter.arrow(at(0.6, 0.3), vec2(-1.2 * r, 0.0), stroke);
        }
        KindTag::Condition => {
            let points = vec![at(0.0, -0.6), at(0.6, 0.0), at(0.0, 0.6), at(-0.6, 0.0)];
            painter.add(Shape::closed_line(points, stroke));
        }
        KindTag::SetVariable => {
            painter.text(
                c,
                egui::Align2::CENTER_CENTER,
                "x=",
                egui::FontId::monospace(r * 1.1),
                color,
            );
        }
        KindTag::BusinessHours => {
            painter.circle_stroke(c, r * 0.6, stroke);
            painter.line_segment([c, at(0.0, -0.38)], stroke);
            painter.line_segment([c, at(0.28, 0.1)], stroke);
        }
        KindTag::Queue => {
            for y in [-0.4, 0.0, 0.4] {
                painter.line_segment([at(-0.55, y), at(0.55, y)], stroke);
            }
        }
        KindTag::LiveChat => {
            painter.circle_filled(at(0.0, -0.28), r * 0.26, color);
            let body = vec![at(-0.5, 0.6), at(-0.42, 0.22), at(0.42, 0.22), at(0.5, 0.6)];
            painter.add(Shape::convex_polygon(body, color, Stroke::NONE));
        }
        KindTag::End => {
            let square = egui::Rect::from_center_size(c, vec2(r, r));
            painter.rect_filled(square, r * 0.12, color);
        }
        KindTag::SubFlow => {
            // A box (the called flow) with an arrow going in.
            let inner = egui::Rect::from_min_max(at(-0.1, -0.5), at(0.6, 0.5));
            painter.rect_stroke(inner, r * 0.12, stroke, egui::StrokeKind::Middle);
            painter.line_segment([at(-0.65, 0.0), at(0.25, 0.0)], stroke);
            painter.line_segment([at(0.25, 0.0), at(0.05, -0.2)], stroke);
            painter.line_segment([at(0.25, 0.0), at(0.05, 0.2)], stroke);
        }
    }
}

/// A small severity mark painted at the start of a line: a filled circle with `!` for an
/// error, a triangle with `!` for a warning.
pub fn paint_severity_mark(
    painter: &egui::Painter,
    rect: egui::Rect,
    severity: Severity,
    color: Color32,
) {
    use egui::{Shape, Stroke, pos2};
    let c = rect.center();
    let r = rect.width().min(rect.height()) * 0.5;
    match severity {
        Severity::Error => {
            painter.circle_filled(c, r, color);
        }
        Severity::Warning => {
            let points = vec![
                pos2(c.x, c.y - r),
                pos2(c.x + r, c.y + r * 0.8),
                pos2(c.x - r, c.y + r * 0.8),
            ];
            painter.add(Shape::convex_polygon(points, color, Stroke::NONE));
        }
    }
    painter.text(
        pos2(c.x, c.y + r * 0.08),
        egui::Align2::CENTER_CENTER,
        "!",
        egui::FontId::proportional(r * 1.5),
        Color32::BLACK,
    );
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
            // What a plain text field writes in.
            text: visuals.widgets.inactive.text_color(),
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
            unknown: severity_color(Severity::Error),
            broken: severity_color(Severity::Warning),
        }
    }
}
