//! The status bar (problems, zoom, node count, the latest notice) and the toasts that say why an
//! edit was refused.

use egui::{Align, Align2, Id, Layout, Order, Rect, RichText, vec2};
use fluxo_core::Severity;

use crate::i18n::Lang;
use crate::tr;
use crate::ui::context::Message;
use crate::ui::findings::Counts;
use crate::ui::theme;

/// How long a toast stays, in seconds.
const TOAST_S: f64 = 6.0;

/// What the status bar shows.
pub struct StatusState<'a> {
    pub counts: Counts,
    pub zoom_percent: u32,
    pub nodes: usize,
    pub selected: usize,
    pub is_dirty: bool,
    pub is_saving: bool,
    pub notice: Option<&'a Notice>,
}

/// Something the user should read: a refused edit (an error), or a hint. Worded when shown.
#[derive(Clone, Debug)]
pub struct Notice {
    pub message: Message,
    pub is_error: bool,
    /// Input time it was raised at.
    pub at: f64,
}

#[derive(Default)]
pub struct Notices {
    items: Vec<Notice>,
}

impl Notices {
    pub fn push(&mut self, message: Message, is_error: bool, at: f64) {
        self.items.push(Notice {
            message,
            is_error,
            at,
        });
        // Keep a short history: the tests and the status bar read the latest ones.
        if self.items.len() > 50 {
            self.items.remove(0);
        }
    }

    /// Every notice worded in `lang`, oldest first.
    pub fn texts(&self, lang: Lang) -> Vec<String> {
        self.items
            .iter()
            .map(|notice| notice.message.text(lang))
            .collect()
    }

    pub fn latest(&self) -> Option<&Notice> {
        self.items.last()
    }

    /// The recent notices as toasts at the bottom of the canvas.
    pub fn toasts_ui(&self, ctx: &egui::Context, canvas: Rect, lang: Lang) {
        let now = ctx.input(|i| i.time);
        let live: Vec<&Notice> = self
            .items
            .iter()
            .filter(|notice| now - notice.at < TOAST_S)
            .collect();
        let Some(newest) = live.last() else {
            return;
        };
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(
            (TOAST_S - (now - newest.at)).max(0.05),
        ));
        egui::Area::new(Id::unique("fluxo.toasts"))
            .order(Order::Foreground)
            .interactable(false)
            .fixed_pos(canvas.center_bottom() - vec2(0.0, 70.0))
            .pivot(Align2::CENTER_BOTTOM)
            .show(ctx, |ui| {
                for notice in live.iter().rev().take(3).rev() {
                    toast_ui(ui, notice, lang);
                }
            });
    }
}

fn toast_ui(ui: &mut egui::Ui, notice: &Notice, lang: Lang) {
    let color = if notice.is_error {
        theme::severity_color(Severity::Error)
    } else {
        theme::ACCENT
    };
    egui::Frame::popup(ui.style())
        .stroke(egui::Stroke::new(1.0, color))
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_max_width(520.0);
            ui.horizontal(|ui| {
                let glyph = if notice.is_error { "⛔" } else { "ℹ" };
                ui.label(RichText::new(glyph).color(color));
                ui.add(egui::Label::new(notice.message.text(lang)).wrap());
            });
        });
    ui.add_space(4.0);
}

pub fn status_bar_ui(ui: &mut egui::Ui, state: &StatusState<'_>, lang: Lang) {
    ui.horizontal(|ui| {
        let counts = state.counts;
        let error_color = if counts.errors > 0 {
            theme::severity_color(Severity::Error)
        } else {
            ui.visuals().weak_text_color()
        };
        let warning_color = if counts.warnings > 0 {
            theme::severity_color(Severity::Warning)
        } else {
            ui.visuals().weak_text_color()
        };
        ui.label(RichText::new(format!("⛔ {}", counts.errors_text(lang))).color(error_color));
        ui.label(RichText::new(format!("⚠ {}", counts.warnings_text(lang))).color(warning_color));
        ui.separator();
        ui.label(tr!(lang, "window-nodes-count", n = state.nodes));
        if state.selected > 0 {
            let selected = tr!(lang, "window-selected-count", n = state.selected);
            ui.label(RichText::new(selected).weak());
        }
        ui.separator();
        let zoom = tr!(lang, "window-zoom-percent", percent = state.zoom_percent);
        ui.label(format!("🔍 {zoom}"));
        if state.is_saving {
            ui.separator();
            ui.label(RichText::new(lang.tr("window-saving")).weak());
        } else if state.is_dirty {
            ui.separator();
            ui.label(RichText::new(lang.tr("window-unsaved-changes")).weak());
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if let Some(notice) = state.notice {
                let color = if notice.is_error {
                    theme::severity_color(Severity::Error)
                } else {
                    ui.visuals().text_color()
                };
                let text = notice.message.text(lang);
                ui.add(egui::Label::new(RichText::new(text).color(color)).truncate());
            }
        });
    });
}
