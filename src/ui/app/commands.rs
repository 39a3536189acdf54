//! Applying the frame's commands: once per frame, after every panel has drawn, in the order the
//! panels pushed them. Edits go through the history (`edits.rs`); the rest changes the
//! selection, the view, the notices or the overlay, or runs an action as its key would.

use fluxo_core::Command;
use fluxo_core::flow::{KindTag, Node};

use super::FluxoApp;
use super::files::Intent;
use crate::ui::Edit;
use crate::ui::canvas::card_origin_at;
use crate::ui::context::{AppCommand, NodeFocus, ViewRequest};

impl FluxoApp {
    /// Applies `commands` in order.
    pub fn apply_commands(&mut self, ctx: &egui::Context, commands: Vec<AppCommand>) {
        for command in commands {
            self.apply_command(ctx, command);
        }
    }

    fn apply_command(&mut self, ctx: &egui::Context, command: AppCommand) {
        match command {
            AppCommand::Edit(edit) => self.apply_edits(ctx, vec![edit]),
            AppCommand::Action(action) => self.run_action(ctx, action),
            AppCommand::Select(mut selection) => {
                let flow = &self.state.doc.flow;
                selection.retain(|id| flow.node(id).is_some());
                if selection != self.state.selection {
                    self.state.selection = selection;
                    ctx.request_repaint();
                }
            }
            AppCommand::ShowNode(id, focus) => {
                if self.state.doc.flow.node(&id).is_none() {
                    return;
                }
                self.state.selection.select_only(id.clone());
                self.canvas.request(match focus {
                    NodeFocus::Center => ViewRequest::CenterOn(id),
                    NodeFocus::Reveal => ViewRequest::Reveal(id),
                });
                ctx.request_repaint();
            }
            AppCommand::View(request) => {
                self.canvas.request(request);
                ctx.request_repaint();
            }
            AppCommand::Notify(notice) => {
                let now = ctx.input(|i| i.time);
                self.notices.push(notice.message, notice.is_error, now);
            }
            AppCommand::AddNode(tag) => self.add_node(ctx, tag),
            AppCommand::Open(path) => self.request(ctx, Intent::Open(path)),
            AppCommand::SetOverlay(overlay) => {
                self.state.overlay = *overlay;
                ctx.request_repaint();
            }
            AppCommand::Compare(request) => self.run_compare(ctx, request),
        }
    }

    /// A node of kind `tag` in the middle of the view, selected (one undo step).
    fn add_node(&mut self, ctx: &egui::Context, tag: KindTag) {
        let flow = &self.state.doc.flow;
        let id = flow.unique_id(tag.id_stem());
        let pos = card_origin_at(self.canvas.view_center());
        let command = Command::AddNodes {
            nodes: vec![Node::new(id.clone(), pos, tag.default_kind())],
            edges: vec![],
        };
        let revision = self.state.revision;
        self.apply_edits(ctx, vec![Edit::new(command)]);
        if self.state.revision != revision {
            self.state.selection.select_only(id);
        }
    }
}
