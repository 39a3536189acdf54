//! One panel drawn alone, as egui's `egui_kittest/tests/menu.rs` tests a menu: a small state
//! holding the flow, the selection and the panel, whose frame builds the panel's `FrameCx`, draws
//! the panel and applies its commands as the app does (edits through a `History`, typing merged
//! by key; a rename moves the selection; the history sealed when no field has the focus).

use egui_kittest::Harness;
use fluxo::i18n::Lang;
use fluxo::ui::Edit;
use fluxo::ui::context::{AppCommand, Badges, FrameCx, NodeFocus, Overlay, Panel, Selection};
use fluxo_core::flow::Flow;
use fluxo_core::{Command, Finding, History};

pub struct Host<P> {
    pub flow: Flow,
    pub selection: Selection,
    pub findings: Vec<Finding>,
    pub lang: Lang,
    pub history: History,
    pub panel: P,
    /// Every edit the panel pushed and the history took, in order.
    pub log: Vec<Edit>,
    /// Every command the panel pushed, in order.
    pub commands: Vec<AppCommand>,
    /// Edits the history refused.
    pub refused: Vec<Edit>,
    /// The marks the panel gave the canvas.
    pub overlay: Overlay,
    badges: Badges,
    revision: u64,
}

impl<P: Panel> Host<P> {
    pub fn new(flow: Flow, panel: P) -> Self {
        Self {
            flow,
            selection: Selection::default(),
            findings: Vec::new(),
            lang: Lang::En,
            history: History::default(),
            panel,
            log: Vec::new(),
            commands: Vec::new(),
            refused: Vec::new(),
            badges: Badges::new(),
            overlay: Overlay::default(),
            revision: 0,
        }
    }

    #[must_use]
    pub fn selecting(mut self, id: &str) -> Self {
        self.selection.select_only(id);
        self
    }

    #[must_use]
    pub fn speaking(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    #[must_use]
    pub fn with_findings(mut self, findings: Vec<Finding>) -> Self {
        self.findings = findings;
        self
    }

    /// The selected node, as the inspector sees it.
    pub fn selected(&self) -> Option<&str> {
        self.selection.primary()
    }

    /// One frame of the panel; its commands are applied at once.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        self.frame_with(ui, |_, _, _, _| {});
    }

    /// One frame, `before` run on the panel first with the same context (the simulator moves
    /// its run before it is drawn).
    pub fn frame_with(
        &mut self,
        ui: &mut egui::Ui,
        before: impl FnOnce(&mut P, &egui::Context, &FrameCx<'_>, &mut Vec<AppCommand>),
    ) {
        let mut out = Vec::new();
        let cx = FrameCx {
            flow: &self.flow,
            path: None,
            revision: self.revision,
            selection: &self.selection,
            findings: &self.findings,
            badges: &self.badges,
            overlay: &self.overlay,
            lang: self.lang,
        };
        before(&mut self.panel, ui.ctx(), &cx, &mut out);
        self.panel.ui(ui, &cx, &mut out);
        self.apply(ui.ctx(), out);
    }

    /// Runs `f` on the panel with the frame's context, then applies what it asked for (an
    /// action the app would run on the panel, say).
    pub fn run_on_panel(
        &mut self,
        ctx: &egui::Context,
        f: impl FnOnce(&mut P, &FrameCx<'_>, &mut Vec<AppCommand>),
    ) {
        let mut out = Vec::new();
        let cx = FrameCx {
            flow: &self.flow,
            path: None,
            revision: self.revision,
            selection: &self.selection,
            findings: &self.findings,
            badges: &self.badges,
            overlay: &self.overlay,
            lang: self.lang,
        };
        f(&mut self.panel, &cx, &mut out);
        self.apply(ctx, out);
    }

    /// Applies commands as the app does after a frame.
    pub fn apply(&mut self, ctx: &egui::Context, commands: Vec<AppCommand>) {
        for command in commands {
            match &command {
                AppCommand::Edit(edit) => self.apply_edit(edit.clone()),
                AppCommand::Select(selection) => self.selection = selection.clone(),
                AppCommand::ShowNode(id, NodeFocus::Center | NodeFocus::Reveal) => {
                    self.selection.select_only(id.clone());
                }
                AppCommand::SetOverlay(overlay) => self.overlay = (**overlay).clone(),
                _ => {}
            }
            self.commands.push(command);
        }
        if ctx.memory(|memory| memory.focused().is_none()) {
            self.history.seal();
        }
    }

    fn apply_edit(&mut self, edit: Edit) {
        if let Command::Rename { from, to } = &edit.command
            && self.selection.contains(from)
        {
            self.selection.rename(from, to);
        }
        let command = edit.command.clone();
        let result = match &edit.merge_key {
            Some(key) => self.history.apply_merged(&mut self.flow, command, key),
            None => self.history.apply(&mut self.flow, command),
        };
        match result {
            Ok(()) => {
                self.revision += 1;
                self.log.push(edit);
            }
            Err(_) => self.refused.push(edit),
        }
    }
}

impl<P: Panel + 'static> Host<P> {
    /// A harness drawing the panel alone in a window of `size`.
    pub fn into_harness(self, size: egui::Vec2) -> Harness<'static, Self> {
        Harness::builder()
            .with_size(size)
            .build_ui_state(|ui, host: &mut Self| host.frame(ui), self)
    }
}
