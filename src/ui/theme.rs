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
            unknown: severity_color(Severity::Error, dark),
            broken: severity_color(Severity::Warning, dark),
        }
    }
}
