//! The simulator in the window: a dock on the right with the run of the picked scenario (the
//! chat, its variables, HTTP log, events and the team as the run has it), the scenario editor,
//! and "run all" with coverage. The canvas shows the run (or the coverage) through its
//! `Overlay`; the keys and menu entries are the `SimAction`s of the action registry.
//!
//! The panel owns the live run (`session`), the breakpoints (kept across resets, never saved)
//! and the last "run all" report. It reads the flow and pushes `SetScenarios` edits; it never
//! mutates the flow.

mod agents;
mod canvas_marks;
mod controls;
mod dock;
mod glue;
mod http_log;
pub mod menu;
mod pt_br;
mod run_all;
mod scenario_expect;
mod scenario_form;
mod scenario_list;
mod scenario_script;
mod session;
mod step_events;
mod transcript;
mod variables;
mod words;

use std::collections::{BTreeMap, BTreeSet};

use fluxo_core::Flow;
use fluxo_core::flow::{AgentStatus, NodeId};
use fluxo_core::sim::{Cursors, Run};

pub(crate) use pt_br::PT_BR;
pub use run_all::{Report, Row};
pub use session::Stale;

use run_all::RunAll;
use session::Session;
use transcript::ChatItem;

/// The panel's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Chat,
    Scenario,
    RunAll,
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
    lang: crate::ui::i18n::Lang,
}

/// The simulator panel's state.
pub struct SimPanel {
    pub is_open: bool,
    pub tab: Tab,
    pub detail: Detail,
    /// The picked scenario's index.
    selected: usize,
    session: Option<Session>,
    /// Grows with each new session (the caches and marks follow it).
    serial: u64,
    breakpoints: BTreeSet<NodeId>,
    breakpoints_version: u64,
    /// Seconds Play shows each step.
    pub interval_s: f32,
    reply: String,
    var_filter: String,
    run_all: RunAll,
    view: CanvasView,
    chat_cache: Option<((u64, u64, crate::ui::i18n::Lang), Vec<ChatItem>)>,
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
            env_secrets: crate::cli::run::env_secrets(),
            library: (None, fluxo_core::sim::Library::default()),
            followed: None,
            refit_in: 0,
            pending_pick: None,
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

    /// Keeps the panel in step with the flow, picks up "run all" results and moves the run
    /// (called once per frame, before drawing).
    /// Runs call the flows of `path`'s folder from now on (the next run made).
    pub(crate) fn set_file(&mut self, path: Option<&std::path::Path>) {
        if self.library.0.as_deref() != path {
            let library = path.map_or_else(fluxo_core::sim::Library::default, |path| {
                crate::library::library_for(path)
            });
            self.library = (path.map(std::path::Path::to_owned), library);
        }
    }

    fn prepare(&mut self, ctx: &egui::Context, flow: &Flow, revision: u64) {
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
    }

    /// The session, made now if there is none.
    fn session_mut(&mut self, flow: &Flow, revision: u64) -> &mut Session {
        if self.session.is_none() {
            self.serial += 1;
        }
        let (selected, env_secrets) = (self.selected, &self.env_secrets);
        let library = &self.library.1;
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

    /// The chat lines of the run, cached per change of the run and language.
    fn chat_items(&mut self, lang: crate::ui::i18n::Lang) -> &[ChatItem] {
        let Some(session) = &self.session else {
            return &[];
        };
        let key = (self.serial, session.generation, lang);
        let stale = self
            .chat_cache
            .as_ref()
            .is_none_or(|(cached, _)| *cached != key);
        if stale {
            let items = transcript::chat_items(words::Words(lang), &session.run);
            self.chat_cache = Some((key, items));
        }
        self.chat_cache
            .as_ref()
            .map_or(&[], |(_, items)| items.as_slice())
    }
}
