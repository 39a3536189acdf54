//! Laid-out text of the cards on screen, kept between frames: a card's galleys are built the
//! first time it shows at a zoom step and reused until the flow, the zoom step or the language
//! changes. Galleys are laid out uncoloured so that a theme switch needs no new layout.

use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, FontFamily, FontId, Galley, Painter, TextFormat};
use fluxo_core::flow::Node;

use super::layout::{NODE_WIDTH, PORT_RADIUS};
use super::summary;
use crate::i18n::Lang;
use crate::ui::theme;

/// Font sizes at zoom 1.
const KIND_SIZE: f32 = 11.5;
const GLYPH_SIZE: f32 = 12.5;
const ID_SIZE: f32 = 13.5;
const SUMMARY_SIZE: f32 = 11.5;
const PORT_SIZE: f32 = 11.0;
const HINT_SIZE: f32 = 10.5;
/// Horizontal padding inside a card, at zoom 1.
pub const PAD: f32 = 10.0;

/// The text of one card at one zoom step.
pub struct CardTexts {
    pub glyph: Arc<Galley>,
    pub kind: Arc<Galley>,
    pub id: Arc<Galley>,
    pub summary: Arc<Galley>,
    pub is_placeholder: bool,
    pub ports: Vec<Arc<Galley>>,
    pub hints: Vec<Option<Arc<Galley>>>,
}

/// Per-node galleys, invalidated by flow revision, zoom step and language.
#[derive(Default)]
pub struct TextCache {
    key: Option<(u64, u32, Lang)>,
    lang: Lang,
    cards: Vec<Option<CardTexts>>,
    /// Zoom the galleys are laid out for (the zoom rounded to a step).
    pub scale: f32,
}

impl TextCache {
    /// Starts a frame; drops every galley if the flow, the zoom step or the language changed.
    pub fn begin(&mut self, revision: u64, zoom: f32, lang: Lang, nodes: usize) {
        // 5 % steps: smooth enough on screen, and few enough font sizes for the glyph atlas.
        let step = (zoom * 20.0).round().max(1.0) as u32;
        let key = (revision, step, lang);
        if self.key != Some(key) || self.cards.len() != nodes {
            self.key = Some(key);
            self.lang = lang;
            self.cards.clear();
            self.cards.resize_with(nodes, || None);
            self.scale = step as f32 / 20.0;
        }
    }

    /// The texts of node `index`, laid out now if not cached.
    pub fn card(&mut self, index: usize, node: &Node, painter: &Painter) -> Option<&CardTexts> {
        let slot = self.cards.get_mut(index)?;
        if slot.is_none() {
            *slot = Some(lay_out(node, painter, self.scale, self.lang));
        }
        slot.as_ref()
    }
}

fn lay_out(node: &Node, painter: &Painter, scale: f32, lang: Lang) -> CardTexts {
    let tag = node.kind.tag();
    let inner = (NODE_WIDTH - 2.0 * PAD) * scale;
    let summary = summary::summary(&node.kind, lang);
    let ports: Vec<Arc<Galley>> = node
        .kind
        .ports()
        .iter()
        .map(|port| one_line(painter, port, PORT_SIZE * scale, inner * 0.6))
        .collect();
    let hints = summary::port_hints(&node.kind, lang)
        .into_iter()
        .zip(&ports)
        .map(|(hint, port)| {
            (!hint.is_empty()).then(|| {
                let room = inner - port.size().x - (PORT_RADIUS + 8.0) * scale;
                one_line(painter, &hint, HINT_SIZE * scale, room.max(8.0))
            })
        })
        .collect();
    CardTexts {
        glyph: one_line(
            painter,
            theme::kind_glyph(tag),
            GLYPH_SIZE * scale,
            f32::INFINITY,
        ),
        kind: one_line(
            painter,
            lang.tr(theme::kind_label(tag)),
            KIND_SIZE * scale,
            inner - 40.0 * scale,
        ),
        id: one_line(painter, &node.id, ID_SIZE * scale, inner),
        summary: one_line(painter, &summary.text, SUMMARY_SIZE * scale, inner),
        is_placeholder: summary.is_placeholder,
        ports,
        hints,
    }
}

/// One line of text cut with "…" at `max_width`.
fn one_line(painter: &Painter, text: &str, size: f32, max_width: f32) -> Arc<Galley> {
    let mut job = LayoutJob::single_section(
        text.to_owned(),
        TextFormat {
            font_id: FontId::new(size, FontFamily::Proportional),
            color: Color32::PLACEHOLDER,
            ..TextFormat::default()
        },
    );
    job.wrap = TextWrapping::truncate_at_width(max_width.max(1.0));
    painter.layout_job(job)
}
