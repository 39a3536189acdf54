//! Copy, cut and paste of nodes through the system clipboard, as RON text (`fluxo_core::clipboard`),
//! so that nodes move between windows and files. Copying is `ctx.copy_text`; pasting arrives as
//! `Event::Paste(text)` (Ctrl+V outside a text field, or Edit > Paste asking the window for it),
//! handled here for the whole window. Pasted nodes land at the pointer, or the view's centre,
//! keeping their layout, as one undo step.

use egui::Pos2;
use fluxo_core::Command;
use fluxo_core::clipboard::{Clip, ClipError};

use super::FluxoApp;
use crate::ui::Edit;
use crate::ui::canvas::{NODE_WIDTH, node_size};
use crate::ui::context::Message;

impl FluxoApp {
    /// Copies the selected nodes and the wires among them. Returns the ids copied.
    pub fn copy_selection(&mut self, ctx: &egui::Context) -> Vec<String> {
        let now = ctx.input(|i| i.time);
        if self.state.selection.is_empty() {
            self.notices
                .push(Message::new("window-select-nodes-copy-first"), false, now);
            return Vec::new();
        }
        let copied = Clip::copy(&self.state.doc.flow, &self.state.selection.ids());
        if copied.skipped_entry {
            self.notices
                .push(Message::new("window-entry-not-copied"), false, now);
        }
        let clip = copied.clip;
        if clip.nodes.is_empty() {
            return Vec::new();
        }
        match clip.to_text() {
            Ok(text) => {
                ctx.copy_text(text);
                self.notices.push(
                    Message::new("window-copied-nodes").with("n", clip.nodes.len()),
                    false,
                    now,
                );
                clip.nodes.into_iter().map(|node| node.id).collect()
            }
            Err(err) => {
                let message = Message::new("window-detail").with("detail", err.to_string());
                self.notices.push(message, true, now);
                Vec::new()
            }
        }
    }

    /// Copies the selected nodes, then deletes them (the Entry stays) as one undo step.
    pub fn cut_selection(&mut self, ctx: &egui::Context) {
        let ids = self.copy_selection(ctx);
        if !ids.is_empty() {
            self.apply_edits(ctx, vec![Edit::new(Command::RemoveNodes { ids })]);
        }
    }

    /// Pastes clipboard text: fluxo's nodes land at the pointer (or the view's centre) with
    /// fresh ids and are selected; any other text is refused with a message.
    pub fn paste_text(&mut self, ctx: &egui::Context, text: &str) {
        let now = ctx.input(|i| i.time);
        let clip = match Clip::parse(text) {
            Ok(clip) => clip,
            Err(err) => {
                let message = match &err {
                    ClipError::NotFluxo => Message::new("window-nothing-to-paste"),
                    ClipError::TooNew(_) => Message::new("window-copied-by-newer-fluxo"),
                    ClipError::Invalid(parse) => Message::new("window-copied-nodes-unreadable")
                        .with("error", parse.to_string()),
                };
                self.notices.push(message, true, now);
                return;
            }
        };
        let anchor = self.paste_anchor(ctx);
        let shift = clip.bounds().map_or((0.0, 0.0), |(min, max)| {
            // The centre of the copied cards goes under the anchor.
            let size = node_size(2);
            let center = (
                (min.0 + max.0 + NODE_WIDTH) / 2.0,
                (min.1 + max.1 + size.y) / 2.0,
            );
            (anchor.x - center.0, anchor.y - center.1)
        });
        let pasted = clip.paste(&self.state.doc.flow, shift);
        if pasted.skipped_entry {
            self.notices
                .push(Message::new("window-entry-not-pasted"), false, now);
        }
        if pasted.nodes.is_empty() {
            return;
        }
        let revision = self.state.revision;
        self.apply_edits(ctx, vec![Edit::new(pasted.command())]);
        if self.state.revision != revision {
            self.state.selection.set(pasted.ids());
            self.notices.push(
                Message::new("window-pasted-nodes").with("n", pasted.nodes.len()),
                false,
                now,
            );
        }
    }

    /// Where pasted nodes go, in canvas units: the pointer when it is over the canvas, else
    /// the centre of the view.
    fn paste_anchor(&self, ctx: &egui::Context) -> Pos2 {
        let area = self.canvas.area();
        match ctx.input(|i| i.pointer.latest_pos()) {
            Some(pointer) if area.contains(pointer) => self.canvas.view.to_canvas(area) * pointer,
            _ => self.canvas.view_center(),
        }
    }

    /// Each frame, outside text fields and prompts: the texts pasted into the window.
    pub(super) fn handle_paste_events(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let texts: Vec<String> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|event| match event {
                    egui::Event::Paste(text) => Some(text.clone()),
                    _ => None,
                })
                .collect()
        });
        for text in texts {
            self.paste_text(ctx, &text);
        }
    }
}
