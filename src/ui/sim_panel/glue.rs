//! Where the simulator meets the app: the dock drawn in the frame, the simulator's actions (keys,
//! menus, buttons), and the canvas marks refreshed when the run or the report changed. The app
//! calls `simulator_ui` once per frame and `run_sim_action` from `run_action`.

use egui::Panel;
use fluxo_core::Command;

use super::canvas_marks;
use super::dock::{DockCx, DockOutput};
use super::scenario_list::unique_name;
use super::words::Words;
use super::{CanvasView, MarksKey, Tab};
use crate::ui::Edit;
use crate::ui::actions::SimAction;
use crate::ui::app::FluxoApp;
use crate::ui::canvas::ViewRequest;

/// The dock's width at first; it can be dragged between the bounds.
const DOCK_WIDTH: f32 = 440.0;

impl FluxoApp {
    /// The simulator for this frame: moves the run, draws the dock when it is open, and keeps the
    /// canvas marks up to date. Call before the canvas is drawn.
    pub fn simulator_ui(&mut self, ui: &mut egui::Ui, edits: &mut Vec<Edit>) {
        let ctx = ui.ctx().clone();
        let revision = self.revision();
        self.sim.set_file(self.doc.path.as_deref());
        self.sim.prepare(&ctx, &self.doc.flow, revision);
        let mut chosen = Vec::new();
        let mut out = DockOutput::default();
        if self.sim.is_open {
            let selected_node = self.selection.primary().map(str::to_owned);
            Panel::right("fluxo.sim")
                .resizable(true)
                .default_size(DOCK_WIDTH)
                .min_size(360.0)
                .max_size(760.0)
                .show(ui, |ui| {
                    let mut cx = DockCx {
                        flow: &self.doc.flow,
                        revision,
                        selected_node: selected_node.as_deref(),
                        edits,
                        chosen: &mut chosen,
                    };
                    out = self.sim.dock_ui(ui, &mut cx);
                });
        }
        if let Some(node) = out.select {
            self.selection.select_only(node.clone());
            self.canvas.request(ViewRequest::Reveal(node));
        }
        for action in chosen {
            self.run_action(&ctx, action);
        }
        if self.sim.refit_in > 0 {
            self.sim.refit_in -= 1;
            if self.sim.refit_in == 0 {
                self.canvas.request(ViewRequest::Overview);
            }
            ctx.request_repaint();
        }
        self.follow_the_run();
        self.refresh_sim_marks(&ctx);
    }

    /// Brings the node the run stands on into view when a step moved it off the canvas, so a
    /// class never loses the run.
    fn follow_the_run(&mut self) {
        let sim = &mut self.sim;
        let Some(session) = &sim.session else {
            return;
        };
        let moment = (sim.serial, session.generation);
        if !sim.is_open || sim.view != CanvasView::Run || sim.followed == Some(moment) {
            return;
        }
        sim.followed = Some(moment);
        let Some(current) = session.run.current_node() else {
            return;
        };
        let area = self.canvas.area().shrink(30.0);
        if let Some(rect) = self.canvas.node_screen_rect(current)
            && area.is_positive()
            && !area.contains_rect(rect)
        {
            self.canvas.request(ViewRequest::Reveal(current.to_owned()));
        }
    }

    /// Fills the canvas overlay from the run or the coverage, only when what it shows changed.
    fn refresh_sim_marks(&mut self, ctx: &egui::Context) {
        let sim = &self.sim;
        let key = MarksKey {
            is_open: sim.is_open,
            view: sim.view,
            serial: sim.serial,
            generation: sim.session.as_ref().map_or(0, |session| session.generation),
            breakpoints: sim.breakpoints_version,
            report: sim.run_all.version,
            revision: self.revision(),
            lang: crate::ui::i18n::lang(ctx),
        };
        if sim.marks_key == Some(key) {
            return;
        }
        let w = Words::of(ctx);
        let flow = &self.doc.flow;
        self.overlay = match (sim.is_open, sim.view, &sim.run_all.report, &sim.session) {
            (true, CanvasView::Coverage, Some(report), _) => {
                canvas_marks::coverage_marks(flow, report, &sim.breakpoints)
            }
            (true, _, _, Some(session)) => {
                canvas_marks::run_marks(w, flow, &session.run, &sim.breakpoints)
            }
            _ => canvas_marks::breakpoints_only(&sim.breakpoints),
        };
        self.sim.marks_key = Some(key);
        ctx.request_repaint();
    }

    /// Runs one simulator action, from a key, a menu or a button of the dock.
    pub fn run_sim_action(&mut self, ctx: &egui::Context, action: SimAction) {
        ctx.request_repaint();
        let revision = self.revision();
        let flow = &self.doc.flow;
        let sim = &mut self.sim;
        match action {
            SimAction::TogglePanel => {
                self.set_simulator_open(!self.sim.is_open);
                return;
            }
            SimAction::ToggleBreakpoint => {
                if let Some(node) = self.selection.primary() {
                    if !sim.breakpoints.remove(node) {
                        sim.breakpoints.insert(node.to_owned());
                    }
                    sim.bump_breakpoints();
                }
                return;
            }
            SimAction::ClearBreakpoints => {
                sim.breakpoints.clear();
                sim.bump_breakpoints();
                return;
            }
            SimAction::RunAll => {
                sim.run_all
                    .start(flow, revision, &sim.env_secrets, &sim.library.1);
                sim.tab = Tab::RunAll;
            }
            SimAction::Reset => {
                sim.rebuild(flow, revision, true);
                sim.view = CanvasView::Run;
            }
            SimAction::Step => {
                let session = sim.session_mut(flow, revision);
                session.stop();
                session.last_motion = super::session::Motion::Idle;
                session.step();
                sim.view = CanvasView::Run;
            }
            SimAction::Back => {
                sim.session_mut(flow, revision).back();
                sim.view = CanvasView::Run;
            }
            SimAction::Run => {
                sim.session_mut(flow, revision).start_running();
                sim.view = CanvasView::Run;
            }
            SimAction::PlayPause => {
                let now = ctx.input(|i| i.time);
                let session = sim.session_mut(flow, revision);
                if session.is_playing() {
                    session.stop();
                } else {
                    session.start_playing(now);
                }
                sim.view = CanvasView::Run;
            }
            SimAction::SaveRunAsScenario => {
                self.save_run_as_scenario(ctx);
                return;
            }
        }
        if !self.sim.is_open {
            self.set_simulator_open(true);
        }
    }

    /// Opens or closes the dock. The palette and the inspector make room while it is open (the
    /// View menu brings them back): stepping through a run needs the canvas and the chat side by
    /// side, and at 1440 points there is no width for all four (docs/decisions.md).
    pub fn set_simulator_open(&mut self, is_open: bool) {
        if is_open == self.sim.is_open {
            return;
        }
        self.sim.is_open = is_open;
        if is_open {
            self.sim.panels_before = Some((self.panels.palette, self.panels.inspector));
            self.panels.palette = false;
            self.panels.inspector = false;
        } else if let Some((palette, inspector)) = self.sim.panels_before.take() {
            self.panels.palette = palette;
            self.panels.inspector = inspector;
        }
        // The canvas changes width: fit the flow to it once the dock has its size (a new panel
        // may take a frame or two to settle).
        self.sim.refit_in = 2;
    }

    /// Keeps the ended run as a new scenario, picked at once; one undo step.
    fn save_run_as_scenario(&mut self, ctx: &egui::Context) {
        let w = Words::of(ctx);
        let Some(session) = &self.sim.session else {
            return;
        };
        if session.run.end().is_none() {
            return;
        }
        let flow = &self.doc.flow;
        let name = unique_name(
            flow,
            &w.tr("{name} (recorded)")
                .replace("{name}", &session.built.scenario.name),
        );
        let scenario =
            fluxo_core::sim::scenario_from_run(&session.run, &session.built.scenario, name);
        let mut scenarios = flow.scenarios.clone();
        let index = match session.built.index {
            Some(index) if index < scenarios.len() => index + 1,
            _ => scenarios.len(),
        };
        scenarios.insert(index, scenario);
        self.apply_edits(ctx, vec![Edit::new(Command::SetScenarios(scenarios))]);
        self.sim.pending_pick = Some(index);
        self.sim.tab = Tab::Scenario;
    }
}
