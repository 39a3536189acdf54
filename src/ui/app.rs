//! `FluxoApp`: owns the document, draws the panels, applies the frame's edits once.
//!
//! A frame: the panels and the canvas read the flow and push [`Edit`]s and [`AppCommand`]s; after
//! drawing, the app runs the commands, applies the edits through the `History` (a refused edit
//! becomes a notice saying why), keeps the selection valid, and re-runs the checks only when the
//! flow changed. Files, prompts, autosave, the clipboard, find and the shortcuts sheet live in
//! their own files below `app/`.

mod autosave;
mod banner;
mod clipboard;
mod document;
mod edits;
pub mod files;
pub mod find;
mod menu;
mod modals;
mod native;
pub mod prefs;
mod pt_br;
mod run_actions;
mod saving;
pub mod shortcuts;
mod start;
mod status;

use std::path::Path;
use std::time::Duration;

use egui::{CentralPanel, Key, Modifiers, Panel};
use fluxo_core::file::{self, Format};
use fluxo_core::{Finding, Flow};

use banner::Banner;
pub use document::Document;
pub use files::{Intent, Screen};
pub use native::run;
pub use prefs::{Preferences, Theme};
pub(crate) use pt_br::PT_BR as WINDOW_PT_BR;

use super::actions::{self, Action, HelpAction};
use super::canvas::{self, Badges, Canvas, CanvasCx, Overlay, Selection, ViewRequest};
use super::findings::{self, Counts};
use super::i18n::{Lang, Tr};
use super::sim_panel::SimPanel;
use super::{Edit, inspector, team_panel};

/// The bundled sample flow that `fluxo` opens with no argument. One constant, so that it can
/// point at `sample_flows/carteirizacao.flow.ron` once that file exists.
pub const SAMPLE_FLOW: &str = include_str!("../../sample_flows/carteirizacao.flow.ron");

/// Portuguese for this module's strings.
pub(crate) const PT_BR: &[(&str, &str)] = &[
    ("File", "Arquivo"),
    ("Edit", "Editar"),
    ("View", "Exibir"),
    ("Help", "Ajuda"),
    ("Could not open {path}", "Não foi possível abrir {path}"),
    (
        "Unknown fields were ignored and will be dropped on the next save: {list}",
        "Campos desconhecidos foram ignorados e sairão no próximo salvamento: {list}",
    ),
    ("Dismiss", "Fechar"),
    ("{n} nodes", "{n} nós"),
    ("1 node", "1 nó"),
    ("{n} selected", "{n} selecionados"),
    ("unsaved changes", "alterações não salvas"),
    ("sample flow", "fluxo de exemplo"),
    ("Mocked team", "Equipe simulada"),
    ("Nothing to undo", "Nada para desfazer"),
    ("Nothing to redo", "Nada para refazer"),
];

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

/// The editor window.
pub struct FluxoApp {
    pub doc: Document,
    pub selection: Selection,
    pub canvas: Canvas,
    /// Marks drawn over the canvas (the simulator fills it).
    pub overlay: Overlay,
    pub panels: Panels,
    /// The simulator dock (`ui::sim_panel`).
    pub sim: SimPanel,
    checker: Checker,
    findings: FindingsCache,
    filter: findings::Filter,
    /// Changes exactly when the flow changes.
    revision: u64,
    /// Input time of the last change, for debouncing slow checks.
    changed_at: f64,
    notices: status::Notices,
    banners: Vec<Banner>,
    title: String,
    focused: Option<egui::Id>,
    /// The document's files, saves, autosave and the modal prompts.
    files: files::Files,
    find: find::FindBox,
    shortcuts_open: bool,
    settings: prefs::Settings,
}

impl FluxoApp {
    /// The editor on `doc`, shown whole (or from its Entry, when too wide to read) on its
    /// first frame.
    pub fn new(doc: Document) -> Self {
        let mut canvas = Canvas::default();
        canvas.request(ViewRequest::Overview);
        Self {
            doc,
            selection: Selection::default(),
            canvas,
            overlay: Overlay::default(),
            panels: Panels::default(),
            sim: SimPanel::default(),
            checker: fluxo_core::check,
            findings: FindingsCache::default(),
            filter: findings::Filter::default(),
            revision: 0,
            changed_at: 0.0,
            notices: status::Notices::default(),
            banners: Vec::new(),
            title: String::new(),
            focused: None,
            files: files::Files::default(),
            find: find::FindBox::default(),
            shortcuts_open: false,
            settings: prefs::Settings::default(),
        }
    }

    /// The bundled carteirização sample (no path: saving it asks where).
    pub fn sample() -> Self {
        match file::parse(SAMPLE_FLOW, Format::Ron) {
            Ok(loaded) => Self::new(Document::new(loaded.flow, None)),
            Err(err) => {
                let mut app = Self::new(Document::new(Flow::new("Novo fluxo"), None));
                app.banners.push(Banner::OpenFailed {
                    path: "carteirizacao.flow.ron".into(),
                    error: err.to_string(),
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
                let mut app = Self::new(Document::new(Flow::new("Novo fluxo"), None));
                app.banners.push(Banner::OpenFailed {
                    path: path.display().to_string(),
                    error: format!("{err:#}"),
                });
                app
            }
        }
    }

    /// Replaces the checks (tests inject findings through this).
    pub fn set_checker(&mut self, checker: Checker) {
        self.checker = checker;
        self.findings.revision = None;
    }

    /// The findings of the current flow (as of the last frame).
    pub fn findings(&self) -> &[Finding] {
        &self.findings.list
    }

    /// Changes exactly when the flow changes.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Messages shown to the user, oldest first (refused edits, the Entry's rules...).
    pub fn notices(&self) -> Vec<&str> {
        self.notices.texts()
    }

    /// Messages shown above the canvas (a file that did not open...), in English.
    pub fn banners(&self) -> Vec<String> {
        self.banners
            .iter()
            .map(|banner| banner.text(Lang::En))
            .collect()
    }

    /// Draws the whole window: used by eframe and by the UI tests alike.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        self.poll_files(&ctx);
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
        let mut chosen = Vec::new();
        let menu_state = self.menu_state();
        let mut recent_chosen = None;
        Panel::top("fluxo.top").show(ui, |ui| {
            recent_chosen = menu::top_bar_ui(ui, &menu_state, &mut self.files.recent, &mut chosen);
        });
        if self.files.screen == Screen::Start {
            self.start_page_ui(ui);
        } else {
            self.editor_ui(ui, &mut chosen);
        }
        shortcuts::shortcuts_ui(&ctx, &mut self.shortcuts_open);
        Self::drop_hint_ui(&ctx);
        for action in chosen {
            self.run_action(&ctx, action);
        }
        if let Some(path) = recent_chosen {
            self.request(&ctx, Intent::Open(path));
        }
        self.seal_when_gesture_ends(&ctx);
        self.update_title(&ctx);
    }

    /// The editor: panels, canvas, findings, team, find box.
    fn editor_ui(&mut self, ui: &mut egui::Ui, chosen: &mut Vec<Action>) {
        let mut edits = Vec::new();
        Panel::bottom("fluxo.status").show(ui, |ui| {
            status::status_bar_ui(ui, &self.status_state());
        });
        // The simulator dock, full height on the right; it also refreshes the canvas marks.
        self.simulator_ui(ui, &mut edits);
        if self.panels.findings {
            Panel::bottom("fluxo.findings")
                .resizable(true)
                .default_size(170.0)
                .min_size(60.0)
                .show(ui, |ui| self.findings_panel(ui));
        }
        if self.panels.palette {
            Panel::left("fluxo.palette")
                .resizable(false)
                .exact_size(212.0)
                .show(ui, |ui| {
                    if let Some(tag) = canvas::palette::palette_ui(ui, &self.doc.flow) {
                        let at = self.canvas.view_center();
                        self.canvas.add_node(
                            &self.doc.flow,
                            tag,
                            at,
                            &mut self.selection,
                            &mut edits,
                        );
                    }
                });
        }
        if self.panels.inspector {
            Panel::right("fluxo.inspector")
                .resizable(true)
                .default_size(330.0)
                .min_size(240.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            inspector::inspector_ui(
                                ui,
                                &self.doc.flow,
                                self.selection.primary(),
                                &self.findings.list,
                                &mut edits,
                            );
                        });
                });
        }
        CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| self.central(ui, &mut edits));
        self.team_window(ui, &mut edits);
        if let Some(id) = self.find.ui(ui.ctx(), &self.doc.flow, self.canvas.area()) {
            self.selection.select_only(id.clone());
            self.canvas.request(ViewRequest::CenterOn(id));
        }
        self.notices.toasts_ui(ui.ctx(), self.canvas.area());
        // Actions chosen in menus run before the frame's edits are applied, as keys do.
        for action in std::mem::take(chosen) {
            self.run_action(ui.ctx(), action);
        }
        self.apply_edits(ui.ctx(), edits);
        self.refresh_findings(ui.ctx());
    }

    fn central(&mut self, ui: &mut egui::Ui, edits: &mut Vec<Edit>) {
        self.banners_ui(ui);
        let output = self.canvas.ui(
            ui,
            CanvasCx {
                flow: &self.doc.flow,
                revision: self.revision,
                selection: &mut self.selection,
                badges: &self.findings.badges,
                overlay: &self.overlay,
            },
            edits,
        );
        let now = ui.input(|i| i.time);
        for notice in output.notices {
            self.notices.push(notice, false, now);
        }
    }

    fn findings_panel(&mut self, ui: &mut egui::Ui) {
        let Some(index) = findings::findings_ui(ui, &self.findings.list, &mut self.filter) else {
            return;
        };
        let Some(node) = self.findings.list.get(index).and_then(|f| f.node.clone()) else {
            return;
        };
        if self.doc.flow.node(&node).is_some() {
            self.selection.select_only(node.clone());
            self.canvas.request(ViewRequest::CenterOn(node));
        }
    }

    fn team_window(&mut self, ui: &egui::Ui, edits: &mut Vec<Edit>) {
        let title = ui.tr("Mocked team");
        let team = &self.doc.flow.team;
        egui::Window::new(title)
            .id(egui::Id::unique("fluxo.team"))
            .open(&mut self.panels.team)
            .default_size([560.0, 460.0])
            .vscroll(true)
            .show(ui.ctx(), |ui| team_panel::team_ui(ui, team, edits));
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
                let dirty = if self.doc.is_dirty() { "• " } else { "" };
                format!("{dirty}{} — fluxo", self.document_name(ctx))
            }
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window's title as last set.
    pub fn title(&self) -> &str {
        &self.title
    }

    fn menu_state(&self) -> menu::MenuState {
        menu::MenuState {
            name: self.doc.flow.name.clone(),
            file: self
                .doc
                .path
                .as_ref()
                .and_then(|path| path.file_name())
                .map(|name| name.to_string_lossy().into_owned()),
            is_dirty: self.doc.is_dirty(),
            panels: self.panels,
            show_minimap: self.canvas.show_minimap,
            can_undo: self.doc.history.can_undo(),
            can_redo: self.doc.history.can_redo(),
            has_selection: !self.selection.is_empty(),
            is_editing: self.files.screen == Screen::Editor,
            is_saving: self.is_saving(),
            sim: self.sim_menu_state(),
        }
    }

    fn status_state(&self) -> status::StatusState<'_> {
        status::StatusState {
            counts: self.findings.counts,
            zoom_percent: self.canvas.zoom_percent(),
            nodes: self.doc.flow.nodes.len(),
            selected: self.selection.len(),
            is_dirty: self.doc.is_dirty(),
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
        assert_eq!(app.doc.flow.nodes.len(), 1);
        assert!(
            app.banners()[0].contains("x.flow.ron"),
            "{:?}",
            app.banners()
        );
    }
}
