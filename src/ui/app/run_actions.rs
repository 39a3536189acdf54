//! What the Edit and View actions of the registry do (File is in `files.rs`, Help opens the
//! shortcuts sheet).

use super::{FluxoApp, Theme};
use crate::i18n::Lang;
use crate::ui::actions::{EditAction, ViewAction};
use crate::ui::canvas::{SelectionRequest, ViewRequest};

impl FluxoApp {
    pub(super) fn run_edit_action(&mut self, ctx: &egui::Context, action: EditAction) {
        match action {
            EditAction::Undo => self.undo(ctx),
            EditAction::Redo => self.redo(ctx),
            EditAction::Copy => {
                self.copy_selection(ctx);
            }
            EditAction::Cut => self.cut_selection(ctx),
            // The window answers with `Event::Paste` and the clipboard's text.
            EditAction::Paste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            EditAction::Find => self.find.open(),
            EditAction::Delete => self.canvas.request_on_selection(SelectionRequest::Delete),
            EditAction::Duplicate => {
                self.canvas
                    .request_on_selection(SelectionRequest::Duplicate);
            }
            EditAction::SelectAll => {
                self.canvas
                    .request_on_selection(SelectionRequest::SelectAll);
            }
        }
    }

    pub(super) fn run_view_action(&mut self, ctx: &egui::Context, action: ViewAction) {
        match action {
            ViewAction::TogglePalette => self.panels.palette = !self.panels.palette,
            ViewAction::ToggleInspector => self.panels.inspector = !self.panels.inspector,
            ViewAction::ToggleFindings => self.panels.findings = !self.panels.findings,
            ViewAction::ToggleTeam => self.panels.team = !self.panels.team,
            ViewAction::ToggleMinimap => self.canvas.show_minimap = !self.canvas.show_minimap,
            ViewAction::Fit => self.canvas.request(ViewRequest::Fit),
            ViewAction::ZoomIn => self.canvas.request(ViewRequest::ZoomBy(1.25)),
            ViewAction::ZoomOut => self.canvas.request(ViewRequest::ZoomBy(0.8)),
            ViewAction::ZoomReset => self.canvas.request(ViewRequest::ZoomTo(1.0)),
            ViewAction::ToggleFullscreen => {
                let is_fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!is_fullscreen));
            }
            ViewAction::ThemeSystem => self.set_theme(ctx, Theme::System),
            ViewAction::ThemeDark => self.set_theme(ctx, Theme::Dark),
            ViewAction::ThemeLight => self.set_theme(ctx, Theme::Light),
            ViewAction::LangEnglish => self.set_language(ctx, Lang::En),
            ViewAction::LangPortuguese => self.set_language(ctx, Lang::PtBr),
        }
    }
}
