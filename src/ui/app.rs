//! `FluxoApp`: owns the document, draws the panels, applies the frame's edits once.
//!
//! A frame: the panels and the canvas read the flow and push [`Edit`]s and [`AppCommand`]s; after
//! drawing, the app runs the commands, applies the edits through the `History` (a refused edit
//! becomes a notice saying why), keeps the selection valid, and re-runs the checks only when the
//! flow changed.

mod banner;
mod document;
mod edits;
mod menu;
mod status;

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::{CentralPanel, Panel};
use fluxo_core::file::{self, Format};
use fluxo_core::{Finding, Flow};

use banner::Banner;
pub use document::Document;

use super::actions::{self, Action, EditAction, ViewAction};
use super::canvas::{
    self, Badges, Canvas, CanvasCx, Overlay, Selection, SelectionRequest, ViewRequest,
};
use super::findings::{self, Counts};
use super::i18n::{self, Lang, Tr};
use super::sim_panel::SimPanel;
use super::{Edit, inspector, team_panel};

/// The bundled sample flow that `fluxo` opens with no argument. One constant, so that it can
/// point at `sample_flows/carteirizacao.flow.ron` once that file exists.
pub const SAMPLE_FLOW: &str = include_str!("../../sample_flows/carteirizacao.flow.ron");

/// Portuguese for this module's strings.
pub(crate) const PT_BR: &[(&str, &str)] = &[
    ("Edit", "Editar"),
    ("View", "Exibir"),
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
}

impl FluxoApp {
    /// The editor on `doc`, fitted to the view on its first frame.
    pub fn new(doc: Document) -> Self {
        let mut canvas = Canvas::default();
        canvas.request(ViewRequest::Fit);
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
        let mut edits = Vec::new();
        // Keys first: an action run now (a delete, a zoom) shows in this very frame.
        for action in actions::pressed(ui.ctx()) {
            self.run_action(ui.ctx(), action);
        }
        let mut chosen = Vec::new();
        Panel::top("fluxo.top").show(ui, |ui| {
            menu::top_bar_ui(ui, &self.menu_state(), &mut chosen);
        });
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
        self.notices.toasts_ui(ui.ctx(), self.canvas.area());
        for action in chosen {
            self.run_action(ui.ctx(), action);
        }
        self.apply_edits(ui.ctx(), edits);
        self.refresh_findings(ui.ctx());
        self.seal_when_gesture_ends(ui.ctx());
        self.update_title(ui.ctx());
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

    /// Runs one action of the registry, from a menu or a key.
    pub fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::View(action) => self.run_view_action(ctx, action),
            Action::Edit(action) => match action {
                EditAction::Undo => self.undo(ctx),
                EditAction::Redo => self.redo(ctx),
                EditAction::Delete => self.canvas.request_on_selection(SelectionRequest::Delete),
                EditAction::Duplicate => {
                    self.canvas
                        .request_on_selection(SelectionRequest::Duplicate);
                }
                EditAction::SelectAll => {
                    self.canvas
                        .request_on_selection(SelectionRequest::SelectAll);
                }
            },
            Action::File(action) => match action {},
            Action::Sim(action) => self.run_sim_action(ctx, action),
            Action::Help(action) => match action {},
        }
    }

    fn run_view_action(&mut self, ctx: &egui::Context, action: ViewAction) {
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
            ViewAction::ThemeSystem => ctx.set_theme(egui::ThemePreference::System),
            ViewAction::ThemeDark => ctx.set_theme(egui::ThemePreference::Dark),
            ViewAction::ThemeLight => ctx.set_theme(egui::ThemePreference::Light),
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let dirty = if self.doc.is_dirty() { "• " } else { "" };
        let name = if self.doc.flow.name.trim().is_empty() {
            "fluxo".to_owned()
        } else {
            self.doc.flow.name.clone()
        };
        let title = format!("{dirty}{name} — fluxo");
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
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
            notice: self.notices.latest(),
        }
    }
}

impl eframe::App for FluxoApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

/// Opens the window on `file`, or on the bundled sample.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("fluxo")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([880.0, 560.0])
            .with_position([0.0, 0.0]),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "fluxo",
        options,
        Box::new(move |cc| {
            i18n::set_lang(&cc.egui_ctx, Lang::from_system());
            super::theme::install_style(&cc.egui_ctx);
            let app = match &file {
                Some(path) => FluxoApp::open(path),
                None => FluxoApp::sample(),
            };
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| anyhow::anyhow!("cannot open the editor window: {err}"))
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
