//! The simulator in the window: a dock on the right with the run of the picked scenario (the
//! chat, its variables, HTTP log, events and the team as the run has it), the scenario editor,
//! and "run all" with coverage. The canvas shows the run (or the coverage) through its
//! `Overlay`; the keys and menu entries are the `SimAction`s of the action registry.
//!
//! The panel owns the live run (`session`), the breakpoints (kept across resets, never saved)
//! and the last "run all" report. Like every panel it reads the frame's `FrameCx` and pushes
//! `AppCommand`s: `SetScenarios` edits, the simulator's actions (its buttons do what the keys
//! do), the node a step shows, the canvas marks. It never mutates the flow nor the app. Each
//! frame the app calls [`SimPanel::prepare`] (the run moves, the marks follow), then draws the
//! dock while it is open; [`SimPanel::run_action`] runs the simulator's actions.

mod agents;
mod canvas_marks;
mod controls;
mod dock;
mod http_log;
mod load_tab;
pub mod menu;
mod run_all;
mod scenario_expect;
mod scenario_form;
mod scenario_list;
mod scenario_script;
mod session;
mod step_events;
mod transcript;
mod variables;

use std::collections::{BTreeMap, BTreeSet};

use fluxo_core::Command;
use fluxo_core::Flow;
use fluxo_core::flow::{AgentStatus, NodeId};
use fluxo_core::sim::{Cursors, Run};

pub use load_tab::LoadTab;
pub use run_all::{Report, Row};
pub use session::Stale;

use run_all::RunAll;
use scenario_list::unique_name;
use session::Session;
use transcript::Chat;

use crate::tr;
use crate::ui::Edit;
use crate::ui::actions::SimAction;
use crate::ui::context::{AppCommand, FrameCx, ViewRequest};

/// The panel's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Chat,
    Scenario,
    RunAll,
    Load,
}

/// What the lower half of the chat tab shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Detail {
    #[default]
    Variables,
    Events,
    Http,
    Agents,
}

/// What the canvas shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CanvasView {
    #[default]
    Run,
    Coverage,
}

/// Everything the canvas marks depend on: rebuilt only when this changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct MarksKey {
    is_open: bool,
    view: CanvasView,
    serial: u64,
    generation: u64,
    breakpoints: u64,
    report: u64,
    revision: u64,
    lang: crate::i18n::Lang,
}

/// The simulator panel's state.
pub struct SimPanel {
    is_open: bool,
    tab: Tab,
    detail: Detail,
    /// The picked scenario's index.
    selected: usize,
    session: Option<Session>,
    /// Grows with each new session (the caches and marks follow it).
    serial: u64,
    breakpoints: BTreeSet<NodeId>,
    breakpoints_version: u64,
    /// Seconds Play shows each step.
    interval_s: f32,
    reply: String,
    var_filter: String,
    run_all: RunAll,
    view: CanvasView,
    chat_cache: Option<((u64, u64, crate::i18n::Lang, usize), Chat)>,
    marks_key: Option<MarksKey>,
    /// Whether the palette and the inspector were open before the simulator hid them
    /// (restored on close).
    panels_before: Option<(bool, bool)>,
    env_secrets: BTreeMap<String, String>,
    /// Where SubFlow nodes find their flows: the folder of the open file, and which file it was
    /// made for (none for a flow never saved).
    library: (Option<std::path::PathBuf>, fluxo_core::sim::Library),
    /// The run's moment the canvas last followed (session, generation).
    followed: Option<(u64, u64)>,
    /// Frames until the canvas is fitted to its new width (after the dock opens or closes).
    refit_in: u8,
    /// A scenario to pick once the edit that adds it has been applied.
    pending_pick: Option<usize>,
    /// The Load tab: the day simulated and the one before it.
    load: LoadTab,
}

impl Default for SimPanel {
    fn default() -> Self {
        Self {
            is_open: false,
            tab: Tab::Chat,
            detail: Detail::Variables,
            selected: 0,
            session: None,
            serial: 0,
            breakpoints: BTreeSet::new(),
            breakpoints_version: 0,
            interval_s: 1.0,
            reply: String::new(),
            var_filter: String::new(),
            run_all: RunAll::default(),
            view: CanvasView::Run,
            chat_cache: None,
            marks_key: None,
            panels_before: None,
            env_secrets: crate::secrets::env_secrets(),
            library: (None, fluxo_core::sim::Library::default()),
            followed: None,
            refit_in: 0,
            pending_pick: None,
            load: LoadTab::default(),
        }
    }
}

impl SimPanel {
    /// Forgets everything tied to the open flow (the run, breakpoints, run-all results, the
    /// reply being typed) when another flow replaces it; the dock's layout stays as it was.
    pub fn forget_document(&mut self) {
        self.selected = 0;
        self.session = None;
        self.serial += 1;
        self.breakpoints.clear();
        self.breakpoints_version += 1;
        self.reply.clear();
        self.var_filter.clear();
        self.run_all.clear();
        self.view = CanvasView::Run;
        self.chat_cache = None;
        self.marks_key = None;
        self.followed = None;
        self.pending_pick = None;
        self.load = LoadTab::default();
    }

    /// The Load tab (its days).
    pub fn load_tab(&self) -> &LoadTab {
        &self.load
    }

    /// The live run, if one was made.
    pub fn run(&self) -> Option<&Run> {
        self.session.as_ref().map(|session| &session.run)
    }

    /// The picked scenario's index.
    pub fn selected_scenario(&self) -> usize {
        self.selected
    }

    /// Why the run no longer matches the flow, if it does not.
    pub fn stale(&self) -> Option<Stale> {
        self.session.as_ref().and_then(|session| session.stale)
    }

    pub fn breakpoints(&self) -> &BTreeSet<NodeId> {
        &self.breakpoints
    }

    /// The last "run all" report.
    pub fn report(&self) -> Option<&Report> {
        self.run_all.report.as_ref()
    }

    pub fn is_running_all(&self) -> bool {
        self.run_all.is_busy()
    }

    pub fn canvas_view(&self) -> CanvasView {
        self.view
    }

    /// The step whose events and variables the panel shows.
    pub fn shown_step(&self) -> Option<usize> {
        self.session.as_ref().and_then(Session::shown_step)
    }

    fn bump_breakpoints(&mut self) {
        self.breakpoints_version += 1;
    }

    /// Makes a new run of the picked scenario. `carry` keeps the trainer's status switches
    /// (Reset does; picking another scenario does not). The round-robin cursors always carry.
    fn rebuild(&mut self, flow: &Flow, revision: u64, carry: bool) {
        let (cursors, statuses) = match &self.session {
            Some(session) => {
                let (cursors, statuses) = session.carried();
                (cursors, if carry { statuses } else { BTreeMap::new() })
            }
            None => (Cursors::new(), BTreeMap::new()),
        };
        self.rebuild_with(flow, revision, cursors, &statuses);
    }

    fn rebuild_with(
        &mut self,
        flow: &Flow,
        revision: u64,
        cursors: Cursors,
        statuses: &BTreeMap<String, AgentStatus>,
    ) {
        self.serial += 1;
        self.session = Some(Session::new(
            flow,
            self.selected,
            revision,
            (&self.env_secrets, &self.library.1),
            cursors,
            statuses,
        ));
    }

    /// Whether the dock is open.
    pub fn is_open(&self) -> bool {
        self.is_open
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// Opens the dock; `panels_before` is whether the palette and the inspector were open (they
    /// come back when it closes).
    pub fn open(&mut self, panels_before: (bool, bool)) {
        self.is_open = true;
        self.panels_before = Some(panels_before);
        // The canvas changes width: fit the flow to it once the dock has its size (a new panel
        // may take a frame or two to settle).
        self.refit_in = 2;
    }

    /// Closes the dock; returns whether the palette and the inspector were open before it.
    pub fn close(&mut self) -> Option<(bool, bool)> {
        self.is_open = false;
        self.refit_in = 2;
        self.panels_before.take()
    }

    /// Keeps the panel in step with the flow, picks up "run all" results, moves the run, brings
    /// the node it stands on into view and gives the canvas new marks when they changed (called
    /// once per frame, before drawing, whether the dock is open or not).
    /// Runs call the flows of `path`'s folder from now on (the next run made).
    fn set_file(&mut self, path: Option<&std::path::Path>) {
        if self.library.0.as_deref() != path {
            let library = path.map_or_else(fluxo_core::sim::Library::default, |path| {
                crate::library::library_for(path)
            });
            self.library = (path.map(std::path::Path::to_owned), library);
        }
    }

    pub fn prepare(&mut self, ctx: &egui::Context, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        let (flow, revision) = (cx.flow, cx.revision);
        self.set_file(cx.path);
        if self.run_all.poll(ctx) {
            self.view = CanvasView::Coverage;
        }
        if let Some(index) = self.pending_pick.take() {
            self.selected = index;
            self.rebuild(flow, revision, false);
        }
        if !flow.scenarios.is_empty() && self.selected >= flow.scenarios.len() {
            self.selected = flow.scenarios.len() - 1;
        }
        let needs_rebuild = match self.session.as_mut() {
            Some(session) => session.sync(flow, revision),
            None => self.is_open,
        };
        if needs_rebuild {
            self.rebuild(flow, revision, true);
        }
        if let Some(session) = self.session.as_mut() {
            session.tick(ctx, &self.breakpoints, self.interval_s);
        }
        if self.refit_in > 0 {
            self.refit_in -= 1;
            if self.refit_in == 0 {
                out.push(AppCommand::View(ViewRequest::Overview));
            }
            ctx.request_repaint();
        }
        self.follow_the_run(out);
        self.mark(ctx, cx, out);
    }

    /// Gives the canvas new marks when what they show changed (never every frame).
    fn mark(&mut self, ctx: &egui::Context, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        let key = MarksKey {
            is_open: self.is_open,
            view: self.view,
            serial: self.serial,
            generation: self
                .session
                .as_ref()
                .map_or(0, |session| session.generation),
            breakpoints: self.breakpoints_version,
            report: self.run_all.version,
            revision: cx.revision,
            lang: cx.lang,
        };
        if self.marks_key == Some(key) {
            return;
        }
        let w = cx.lang;
        let flow = cx.flow;
        let overlay = match (self.is_open, self.view, &self.run_all.report, &self.session) {
            (true, CanvasView::Coverage, Some(report), _) => {
                canvas_marks::coverage_marks(flow, report, &self.breakpoints)
            }
            (true, _, _, Some(session)) => {
                canvas_marks::run_marks(w, flow, &session.run, &self.breakpoints)
            }
            _ => canvas_marks::breakpoints_only(&self.breakpoints),
        };
        out.push(AppCommand::SetOverlay(Box::new(overlay)));
        self.marks_key = Some(key);
        ctx.request_repaint();
    }

    /// Brings the node the run stands on into view when a step moved it, so a class never loses
    /// the run.
    fn follow_the_run(&mut self, out: &mut Vec<AppCommand>) {
        let Some(session) = &self.session else {
            return;
        };
        let moment = (self.serial, session.generation);
        if !self.is_open || self.view != CanvasView::Run || self.followed == Some(moment) {
            return;
        }
        self.followed = Some(moment);
        if let Some(current) = session.run.current_node() {
            out.push(AppCommand::View(ViewRequest::Follow(current.to_owned())));
        }
    }

    /// Runs one simulator action (not `TogglePanel`, which is the app's: it moves panels).
    /// Returns whether the dock should open for it (any run action opens it).
    pub fn run_action(
        &mut self,
        ctx: &egui::Context,
        cx: &FrameCx<'_>,
        action: SimAction,
        out: &mut Vec<AppCommand>,
    ) -> bool {
        let (flow, revision) = (cx.flow, cx.revision);
        match action {
            SimAction::TogglePanel => return false,
            SimAction::ToggleBreakpoint => {
                if let Some(node) = cx.selection.primary() {
                    if !self.breakpoints.remove(node) {
                        self.breakpoints.insert(node.to_owned());
                    }
                    self.bump_breakpoints();
                }
                return false;
            }
            SimAction::ClearBreakpoints => {
                self.breakpoints.clear();
                self.bump_breakpoints();
                return false;
            }
            SimAction::SaveRunAsScenario => {
                self.save_run_as_scenario(cx, out);
                return false;
            }
            SimAction::RunAll => {
                self.run_all
                    .start(flow, revision, &self.env_secrets, &self.library.1);
                self.tab = Tab::RunAll;
            }
            SimAction::Reset => {
                self.rebuild(flow, revision, true);
                self.view = CanvasView::Run;
            }
            SimAction::Step => {
                let session = self.session_mut(flow, revision);
                session.stop();
                session.last_motion = session::Motion::Idle;
                session.step();
                self.view = CanvasView::Run;
            }
            SimAction::Back => {
                self.session_mut(flow, revision).back();
                self.view = CanvasView::Run;
            }
            SimAction::Run => {
                self.session_mut(flow, revision).start_running();
                self.view = CanvasView::Run;
            }
            SimAction::PlayPause => {
                let now = ctx.input(|i| i.time);
                let session = self.session_mut(flow, revision);
                if session.is_playing() {
                    session.stop();
                } else {
                    session.start_playing(now);
                }
                self.view = CanvasView::Run;
            }
        }
        !self.is_open
    }

    /// Keeps the ended run as a new scenario, picked once the edit is applied; one undo step.
    fn save_run_as_scenario(&mut self, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        let w = cx.lang;
        let Some(session) = &self.session else {
            return;
        };
        if session.run.end().is_none() {
            return;
        }
        let flow = cx.flow;
        // A run of a flow without scenarios ran an empty one: its recording is a new scenario.
        let name = match session.built.index {
            Some(_) => tr!(
                w,
                "sim-name-recorded",
                name = session.built.scenario.name.as_str()
            ),
            None => w.tr("sim-new-scenario").to_owned(),
        };
        let name = unique_name(flow, &name);
        let scenario =
            fluxo_core::sim::scenario_from_run(&session.run, &session.built.scenario, name);
        let mut scenarios = flow.scenarios.clone();
        let index = match session.built.index {
            Some(index) if index < scenarios.len() => index + 1,
            _ => scenarios.len(),
        };
        scenarios.insert(index, scenario);
        out.push(AppCommand::Edit(Edit::new(Command::SetScenarios(
            scenarios,
        ))));
        self.pending_pick = Some(index);
        self.tab = Tab::Scenario;
    }

    /// What the Simulator menu needs to grey entries out.
    pub fn menu_state(&self, cx: &FrameCx<'_>) -> menu::SimMenuState {
        let run = self.run();
        menu::SimMenuState {
            is_open: self.is_open,
            can_step: run.is_some_and(Run::is_running),
            can_back: run.is_some_and(Run::can_back),
            has_ended: run.is_some_and(|run| run.end().is_some()),
            has_selection: !cx.selection.is_empty(),
            has_breakpoints: !self.breakpoints.is_empty(),
            is_running_all: self.is_running_all(),
        }
    }

    /// The session, made now if there is none.
    fn session_mut(&mut self, flow: &Flow, revision: u64) -> &mut Session {
        if self.session.is_none() {
            self.serial += 1;
        }
        let (selected, env_secrets, library) = (self.selected, &self.env_secrets, &self.library.1);
        self.session.get_or_insert_with(|| {
            Session::new(
                flow,
                selected,
                revision,
                (env_secrets, library),
                Cursors::new(),
                &BTreeMap::new(),
            )
        })
    }

    /// The chat's last lines, cached per change of the run, language and length.
    fn chat(&mut self, lang: crate::i18n::Lang) -> Option<&Chat> {
        let session = self.session.as_ref()?;
        let limit = transcript::lines_shown(session.motion == session::Motion::Running);
        let key = (self.serial, session.generation, lang, limit);
        let stale = self
            .chat_cache
            .as_ref()
            .is_none_or(|(cached, _)| *cached != key);
        if stale {
            let chat = transcript::chat(lang, &session.run, limit);
            self.chat_cache = Some((key, chat));
        }
        self.chat_cache.as_ref().map(|(_, chat)| chat)
    }
}
