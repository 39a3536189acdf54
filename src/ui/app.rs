//! `FluxoApp`: owns the document and the panels, builds the frame's context, applies the
//! frame's commands once.
//!
//! A frame: keys first (an action run now shows in this very frame), then every panel draws from
//! one read-only [`FrameCx`] and pushes [`AppCommand`]s; after drawing, the app applies them in
//! order (edits through the `History`; a refused edit becomes a notice saying why), keeps the
//! selection valid, and re-runs the checks only when the flow changed. Files, prompts, autosave,
//! the clipboard, find and the shortcuts sheet live in their own files below `app/`.

mod autosave;
mod banner;
mod clipboard;
mod commands;
mod compare;
mod document;
mod edits;
pub mod files;
pub mod find;
mod live;
mod menu;
mod modals;
mod native;
pub mod prefs;
mod run_actions;
mod saving;
pub mod shortcuts;
mod simulator;
mod start;
mod status;

use std::path::Path;
use std::time::Duration;

use egui::{CentralPanel, Key, Modifiers, Panel as EguiPanel};
use fluxo_core::file::{self, Format};
use fluxo_core::{Finding, Flow};

use banner::Banner;
pub use document::Document;
pub use files::{Intent, Screen};
pub use native::run;
pub use prefs::{Preferences, Theme};

use super::actions::{self, Action, HelpAction};
use super::canvas::palette::Palette;
use super::canvas::{Canvas, ViewRequest};
use super::context::{AppCommand, Badges, FrameCx, Message, Overlay, Panel, Selection};
use super::findings::{Counts, FindingsPanel};
use super::inspector::Inspector;
use super::sim_panel::SimPanel;
use super::team_panel::TeamPanel;
use crate::i18n::Lang;

/// The bundled sample flow that `fluxo` opens with no argument. One constant, so that it can
/// point at `sample_flows/carteirizacao.flow.ron` once that file exists.
pub const SAMPLE_FLOW: &str = include_str!("../../sample_flows/carteirizacao.flow.ron");

/// Checks slower than this are not re-run on every keystroke, only once typing pauses.
const SLOW_CHECK: Duration = Duration::from_millis(40);
const CHECK_PAUSE_S: f64 = 0.3;

/// The function that computes the findings (the core's checks; tests put their own).
pub type Checker = fn(&Flow) -> Vec<Finding>;

/// Which panels are open.
// Four independent switches, one per panel: an enum would not make them clearer.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Panels {
    pub palette: bool,
    pub inspector: bool,
    pub findings: bool,
    pub team: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Self {
            palette: true,
            inspector: true,
            findings: true,
            team: false,
        }
    }
}

/// The findings of one revision of the flow.
#[derive(Default)]
struct FindingsCache {
    list: Vec<Finding>,
    badges: Badges,
    counts: Counts,
    revision: Option<u64>,
    last_run: Duration,
}

/// What every panel reads: the document, the selection, the findings, the canvas marks, the
/// language. The panels see it only through [`FrameCx`].
struct EditorState {
    doc: Document,
    selection: Selection,
    /// Marks drawn over the canvas (the simulator fills it).
    overlay: Overlay,
    /// The comparison's marks, drawn instead while a comparison is open (`ui::compare`).
    compare_overlay: Option<Overlay>,
    findings: FindingsCache,
    /// Changes exactly when the flow changes.
    revision: u64,
    /// Input time of the last change, for debouncing slow checks.
    changed_at: f64,
    lang: Lang,
}

impl EditorState {
    fn cx(&self) -> FrameCx<'_> {
        FrameCx {
            flow: &self.doc.flow,
            path: self.doc.path.as_deref(),
            revision: self.revision,
            selection: &self.selection,
            findings: &self.findings.list,
            badges: &self.findings.badges,
            overlay: self.compare_overlay.as_ref().unwrap_or(&self.overlay),
            lang: self.lang,
        }
    }
}

/// The editor window.
pub struct FluxoApp {
    state: EditorState,
    canvas: Canvas,
    palette: Palette,
    inspector: Inspector,
    findings_panel: FindingsPanel,
    team: TeamPanel,
    /// The simulator dock (`ui::sim_panel`).
    sim: SimPanel,
    panels: Panels,
    checker: Checker,
    notices: status::Notices,
    banners: Vec<Banner>,
    title: String,
    focused: Option<egui::Id>,
    /// The document's files, saves, autosave and the modal prompts.
    files: files::Files,
    find: find::FindBox,
    shortcuts_open: bool,
    settings: prefs::Settings,
    /// "Compare with saved" / "Compare with file…", while open.
    compare: Option<compare::OpenComparison>,
}

impl FluxoApp {
    /// The editor on `doc`, shown whole (or from its Entry, when too wide to read) on its
    /// first frame.
    pub fn new(doc: Document) -> Self {
        let mut canvas = Canvas::default();
        canvas.request(ViewRequest::Overview);
        Self {
            state: EditorState {
                doc,
                selection: Selection::default(),
                overlay: Overlay::default(),
                compare_overlay: None,
                findings: FindingsCache::default(),
                revision: 0,
                changed_at: 0.0,
                lang: Lang::default(),
            },
            canvas,
            palette: Palette,
            inspector: Inspector::default(),
            findings_panel: FindingsPanel::default(),
            team: TeamPanel,
            sim: SimPanel::default(),
            panels: Panels::default(),
            checker: fluxo_core::check,
            notices: status::Notices::default(),
            banners: Vec::new(),
            title: String::new(),
            focused: None,
            files: files::Files::default(),
            find: find::FindBox::default(),
            shortcuts_open: false,
            settings: prefs::Settings::default(),
            compare: None,
        }
    }

    /// The bundled carteirização sample (no path: saving it asks where).
    pub fn sample() -> Self {
        match file::parse(SAMPLE_FLOW, Format::Ron) {
            Ok(loaded) => Self::new(Document::new(loaded.flow, None)),
            Err(err) => {
                let mut app = Self::new(Document::new(Flow::new(""), None));
                app.banners.push(Banner::OpenFailed {
                    path: "carteirizacao.flow.ron".into(),
                    error: Message::new("window-detail").with("detail", err.to_string()),
                });
                app
            }
        }
    }

    /// The editor on the flow at `path`. A file that cannot be opened leaves an empty flow and
    /// says why above the canvas.
    pub fn open(path: &Path) -> Self {
        match file::load(path) {
            Ok(loaded) => {
                let mut app = Self::new(Document::new(loaded.flow, Some(path.to_owned())));
                if !loaded.unknown_fields.is_empty() {
                    app.banners
                        .push(Banner::UnknownFields(loaded.unknown_fields));
                }
                app
            }
            Err(err) => {
                // No name of its own: the window shows "New flow" in the language of the moment.
                let mut app = Self::new(Document::new(Flow::new(""), None));
                app.banners.push(Banner::OpenFailed {
                    path: path.display().to_string(),
                    error: Message::new("window-detail").with("detail", err),
                });
                app
            }
        }
    }

    /// Replaces the checks (tests inject findings through this).
    pub fn set_checker(&mut self, checker: Checker) {
        self.checker = checker;
        self.state.findings.revision = None;
    }

    /// The open document: the flow, its file and its history.
    pub fn doc(&self) -> &Document {
        &self.state.doc
    }

    /// The selected nodes.
    pub fn selection(&self) -> &Selection {
        &self.state.selection
    }

    /// The marks drawn over the canvas (the comparison's while one is open).
    pub fn overlay(&self) -> &Overlay {
        self.state
            .compare_overlay
            .as_ref()
            .unwrap_or(&self.state.overlay)
    }

    /// The canvas (its view, where things were drawn last frame).
    pub fn canvas(&self) -> &Canvas {
        &self.canvas
    }

    /// The simulator dock.
    pub fn sim(&self) -> &SimPanel {
        &self.sim
    }

    /// Which panels are open.
    pub fn panels(&self) -> Panels {
        self.panels
    }

    /// The findings of the current flow (as of the last frame).
    pub fn findings(&self) -> &[Finding] {
        &self.state.findings.list
    }

    /// Changes exactly when the flow changes.
    pub fn revision(&self) -> u64 {
        self.state.revision
    }

    /// Messages shown to the user, oldest first (refused edits, the Entry's rules...), in the
    /// window's language.
    pub fn notices(&self) -> Vec<String> {
        self.notices.texts(self.state.lang)
    }

    /// Messages shown above the canvas (a file that did not open...), in the window's language.
    pub fn banners(&self) -> Vec<String> {
        self.banners
            .iter()
            .map(|banner| banner.text(self.state.lang))
            .collect()
    }

    /// The language the window speaks.
    pub fn lang(&self) -> Lang {
        self.state.lang
    }

    /// Draws the whole window: used by eframe and by the UI tests alike.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        super::theme::install_fonts(&ctx);
        self.handle_close_request(&ctx);
        self.poll_files(&ctx);
        self.poll_live(&ctx);
        if !self.has_modal() {
            // Keys first: an action run now (a delete, a zoom) shows in this very frame.
            for action in actions::pressed(&ctx) {
                self.run_action(&ctx, action);
            }
            if self.files.screen == Screen::Editor {
                self.handle_paste_events(&ctx);
            }
            self.handle_dropped_files(&ctx);
            if self.shortcuts_open && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
            {
                self.shortcuts_open = false;
            }
        }
        // Before the panels: a modal's Escape is its own, not the canvas's.
        self.modals_ui(&ctx);
        let mut out = Vec::new();
        let menu_state = self.menu_state();
        EguiPanel::top("fluxo.top").show(ui, |ui| {
            menu::top_bar_ui(ui, &menu_state, &mut self.files.recent, &mut out);
        });
        if self.files.screen == Screen::Start {
            self.start_page_ui(ui);
        } else {
            self.editor_ui(ui, &mut out);
        }
        shortcuts::shortcuts_ui(&ctx, self.state.lang, &mut self.shortcuts_open);
        Self::drop_hint_ui(&ctx, self.state.lang);
        self.apply_commands(&ctx, out);
        if self.files.screen == Screen::Editor {
            self.refresh_findings(&ctx);
        }
        self.seal_when_gesture_ends(&ctx);
        self.update_title(&ctx);
    }

    /// The editor: panels, canvas, findings, team, find box. Every panel reads the same
    /// context and pushes to `out`.
    fn editor_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<AppCommand>) {
        let ctx = ui.ctx().clone();
        EguiPanel::bottom("fluxo.status").show(ui, |ui| {
            status::status_bar_ui(ui, &self.status_state(), self.state.lang);
        });
        // The simulator dock, full height on the right; it also refreshes the canvas marks.
        self.simulator_ui(ui, out);
        self.compare_frame(&ctx);
        let cx = self.state.cx();
        if self.panels.findings {
            EguiPanel::bottom("fluxo.findings")
                .resizable(true)
                .default_size(170.0)
                .min_size(60.0)
                .show(ui, |ui| self.findings_panel.ui(ui, &cx, out));
        }
        if self.panels.palette {
            EguiPanel::left("fluxo.palette")
                .resizable(false)
                .exact_size(212.0)
                .show(ui, |ui| self.palette.ui(ui, &cx, out));
        }
        compare::compare_panel_ui(ui, self.compare.as_ref(), cx.lang, cx.revision, out);
        if self.panels.inspector {
            EguiPanel::right("fluxo.inspector")
                .resizable(true)
                .default_size(330.0)
                .min_size(240.0)
                .show(ui, |ui| self.inspector.ui(ui, &cx, out));
        }
        CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                banner::banners_ui(ui, &mut self.banners, cx.lang);
                self.canvas.ui(ui, &cx, out);
                if let Some(open) = &self.compare {
                    super::compare::ghosts_ui(ui, &self.canvas, &open.comparison, cx.lang);
                }
            });
        egui::Window::new(cx.tr("window-mocked-team"))
            .id(egui::Id::unique("fluxo.team"))
            .open(&mut self.panels.team)
            .default_size([560.0, 460.0])
            .vscroll(true)
            .show(&ctx, |ui| self.team.ui(ui, &cx, out));
        self.find.ui(&ctx, &cx, self.canvas.area(), out);
        self.notices.toasts_ui(&ctx, self.canvas.area(), cx.lang);
        self.compare_windows_ui(&ctx);
    }

    /// Runs one action of the registry, from a menu or a key. On the start page only what
    /// needs no document runs (files, view, help).
    pub fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        let is_editing = self.files.screen == Screen::Editor;
        match action {
            Action::View(action) => self.run_view_action(ctx, action),
            Action::Edit(action) if is_editing => self.run_edit_action(ctx, action),
            Action::File(action) => self.run_file_action(ctx, action),
            Action::Help(HelpAction::Shortcuts) => self.shortcuts_open = !self.shortcuts_open,
            Action::Sim(action) if is_editing => self.run_sim_action(ctx, action),
            // Editing and the simulator need a document: nothing to do on the start page.
            Action::Edit(_) | Action::Sim(_) => {}
        }
    }

    /// The window's title: the file's name (else the flow's) and a dirty marker.
    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match self.files.screen {
            Screen::Start => "fluxo".to_owned(),
            Screen::Editor => {
                let dirty = if self.state.doc.is_dirty() {
                    "• "
                } else {
                    ""
                };
                format!("{dirty}{} — fluxo", self.display_name())
            }
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The document as the title shows it: its file, else its flow's name, else "New flow" in
    /// the window's language (a flow with no name yet, or the empty flow left by a file that
    /// did not open).
    fn display_name(&self) -> String {
        match &self.state.doc.path {
            Some(path) => files::file_name(path),
            None => self.flow_name(),
        }
    }

    /// The flow's name, or "New flow" in the window's language when it has none.
    fn flow_name(&self) -> String {
        let name = self.state.doc.flow.name.trim();
        if name.is_empty() {
            self.state.lang.tr("window-new-flow").to_owned()
        } else {
            name.to_owned()
        }
    }

    /// The window's title as last set.
    pub fn title(&self) -> &str {
        &self.title
    }

    fn menu_state(&self) -> menu::MenuState {
        let doc = &self.state.doc;
        menu::MenuState {
            name: self.flow_name(),
            file: doc
                .path
                .as_ref()
                .and_then(|path| path.file_name())
                .map(|name| name.to_string_lossy().into_owned()),
            is_dirty: doc.is_dirty(),
            panels: self.panels,
            show_minimap: self.canvas.show_minimap,
            can_undo: doc.history.can_undo(),
            can_redo: doc.history.can_redo(),
            has_selection: !self.state.selection.is_empty(),
            is_editing: self.files.screen == Screen::Editor,
            is_saving: self.is_saving(),
            sim: self.sim.menu_state(&self.state.cx()),
            is_live: self.inspector.is_sending_live(),
            save_check: self.settings.save_check,
            lang: self.state.lang,
        }
    }

    fn status_state(&self) -> status::StatusState<'_> {
        status::StatusState {
            counts: self.state.findings.counts,
            zoom_percent: self.canvas.zoom_percent(),
            nodes: self.state.doc.flow.nodes.len(),
            selected: self.state.selection.len(),
            is_dirty: self.state.doc.is_dirty(),
            is_saving: self.is_saving(),
            notice: self.notices.latest(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_parses() {
        let loaded = file::parse(SAMPLE_FLOW, Format::Ron).unwrap();
        assert!(loaded.flow.entry().is_some());
        assert!(loaded.unknown_fields.is_empty());
        assert!(FluxoApp::sample().banners().is_empty());
    }

    #[test]
    fn a_missing_file_opens_an_empty_flow_and_says_why() {
        let app = FluxoApp::open(Path::new("/no/such/dir/x.flow.ron"));
        assert_eq!(app.doc().flow.nodes.len(), 1);
        assert!(
            app.banners()[0].contains("x.flow.ron"),
            "{:?}",
            app.banners()
        );
    }
}
