//! The dock's layout: the scenario picker, the toolbar and status line, then three tabs. "Chat"
//! is the run as a chat over a resizable lower half (variables, the step's events, the HTTP log,
//! the team now); "Scenario" edits the scenarios; "Run all" runs them all.

use std::collections::HashMap;

use egui::{RichText, Ui};
use fluxo_core::Flow;

use super::controls::{self, ToolbarState};
use super::run_all::{self, RunAllRequest};
use super::scenario_list::{self, ListRequest};
use super::step_events::{self, StepRequest};
use super::transcript::{self, ReplyAction};
use super::{CanvasView, Detail, SimPanel, Tab, agents, http_log, scenario_form, variables};
use crate::i18n::Lang;
use crate::ui::actions::{Action, SimAction};
use crate::ui::context::{AppCommand, FrameCx, NodeFocus, Panel};
use crate::ui::theme;

impl Panel for SimPanel {
    /// The dock: picker, toolbar, status line and the tabs.
    fn ui(&mut self, ui: &mut Ui, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        let w = cx.lang;
        let selected_node = cx.selection.primary();
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(w.tr("window-simulator")).strong().size(16.0));
            self.scenario_picker_ui(ui, w, cx.flow, cx.revision);
        });
        let state = ToolbarState {
            session: self.session.as_ref(),
            selected_node,
            has_breakpoint: selected_node.is_some_and(|node| self.breakpoints.contains(node)),
            breakpoints: &self.breakpoints,
        };
        let removed = controls::toolbar_ui(ui, w, &state, &mut self.interval_s, out);
        if let Some(node) = removed {
            self.breakpoints.remove(&node);
            self.bump_breakpoints();
        }
        if let Some(session) = &self.session {
            controls::status_line_ui(ui, w, cx.flow, session);
            if let Some(stale) = session.stale {
                stale_ui(ui, w, stale, out);
            }
        }
        ui.add_space(2.0);
        ui.horizontal(|ui| {
            for (tab, label) in [
                (Tab::Chat, w.tr("sim-chat")),
                (Tab::Scenario, w.tr("sim-scenarios")),
                (Tab::RunAll, w.tr("action-sim-run-all")),
                (Tab::Load, w.tr("load-window-tab")),
            ] {
                if ui.selectable_label(self.tab == tab, label).clicked() {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        match self.tab {
            Tab::Chat => self.chat_tab_ui(ui, cx, out),
            Tab::Scenario => self.scenario_tab_ui(ui, cx, out),
            Tab::RunAll => self.run_all_tab_ui(ui, cx, out),
            Tab::Load => self.load.ui(ui, cx, &self.env_secrets, out),
        }
    }
}

impl SimPanel {
    fn scenario_picker_ui(&mut self, ui: &mut Ui, w: Lang, flow: &Flow, revision: u64) {
        let current = flow
            .scenarios
            .get(self.selected)
            .map_or_else(|| w.tr("sim-no-scenario").to_owned(), |s| s.name.clone());
        let mut picked = None;
        let response = egui::ComboBox::from_id_salt("fluxo.sim.picker")
            .selected_text(current)
            .width(ui.available_width().max(120.0))
            .truncate()
            .show_ui(ui, |ui| {
                for (index, scenario) in flow.scenarios.iter().enumerate() {
                    if ui
                        .selectable_label(index == self.selected, &scenario.name)
                        .clicked()
                    {
                        picked = Some(index);
                    }
                }
            })
            .response;
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, w.tr("sim-scenario"))
        });
        if let Some(index) = picked
            && (index != self.selected || self.session.is_none())
        {
            self.selected = index;
            self.view = CanvasView::Run;
            self.rebuild(flow, revision, false);
        }
    }

    fn chat_tab_ui(&mut self, ui: &mut Ui, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        let w = cx.lang;
        // A fixed share of the height, whatever the tab holds, so the chat above never jumps.
        let height = (ui.available_height() * 0.45).clamp(160.0, 420.0);
        egui::Panel::bottom("fluxo.sim.details")
            .resizable(false)
            .exact_size(height)
            .show(ui, |ui| self.details_ui(ui, cx, out));
        let is_waiting = self
            .session
            .as_ref()
            .is_some_and(super::session::Session::is_waiting_reply);
        if is_waiting {
            egui::Panel::bottom("fluxo.sim.reply")
                .show_separator_line(false)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    if let Some(action) = transcript::reply_box_ui(ui, w, &mut self.reply) {
                        let now = ui.input(|i| i.time);
                        if let Some(session) = self.session.as_mut() {
                            let text = match action {
                                ReplyAction::Send(text) => Some(text),
                                ReplyAction::Silence => None,
                            };
                            session.reply(text, now);
                            self.view = CanvasView::Run;
                        }
                    }
                });
        }
        let inspected = self.session.as_ref().and_then(|session| session.inspected);
        let lang = w;
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .id_salt("fluxo.sim.chat")
            .stick_to_bottom(true)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(4.0);
                if let Some(chat) = self.chat(lang) {
                    clicked = transcript::chat_ui(ui, lang, chat, inspected);
                }
            });
        if let Some(step) = clicked {
            self.show_step(step, cx.flow, out);
        }
    }

    /// Shows step `index`: its events and variables below, its node selected on the canvas.
    fn show_step(&mut self, index: usize, flow: &Flow, out: &mut Vec<AppCommand>) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        session.inspected = Some(index);
        session.touch();
        if let Some(step) = session.run.step_at(index)
            && flow.node(step.node).is_some()
        {
            out.push(AppCommand::ShowNode(
                step.node.to_owned(),
                NodeFocus::Reveal,
            ));
        }
        if self.detail == Detail::Agents {
            self.detail = Detail::Events;
        }
    }

    fn details_ui(&mut self, ui: &mut Ui, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        let w = cx.lang;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            for (detail, label) in [
                (Detail::Variables, w.tr("inspector-variables")),
                (Detail::Events, w.tr("sim-events")),
                (Detail::Http, w.tr("sim-http")),
                (Detail::Agents, w.tr("sim-agents-now")),
            ] {
                if ui.selectable_label(self.detail == detail, label).clicked() {
                    self.detail = detail;
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let save = Action::Sim(SimAction::SaveRunAsScenario);
                let has_ended = self
                    .session
                    .as_ref()
                    .is_some_and(|session| session.run.end().is_some());
                if ui
                    .add_enabled(
                        has_ended,
                        egui::Button::new(RichText::new(w.tr(save.label())).small()),
                    )
                    .on_hover_text(crate::ui::actions::hover_text(ui.ctx(), w, save))
                    .on_disabled_hover_text(w.tr("sim-run-end-first-new-scenario"))
                    .clicked()
                {
                    out.push(AppCommand::Action(save));
                }
            });
        });
        ui.separator();
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let shown = session.shown_step();
        match self.detail {
            Detail::Variables => {
                let (values, changed) = variables::variables_at(&session.run, shown);
                variables::variables_ui(ui, w, &values, &changed, &mut self.var_filter);
            }
            Detail::Events => {
                if let Some(StepRequest::Show(index)) =
                    step_events::step_events_ui(ui, w, &session.run, shown)
                {
                    self.show_step(index, cx.flow, out);
                }
            }
            Detail::Http => http_log::http_log_ui(ui, w, &session.run, shown),
            Detail::Agents => {
                if let Some((id, status)) = agents::agents_ui(ui, w, &session.run) {
                    session.set_agent_status(&id, status);
                    self.view = CanvasView::Run;
                }
            }
        }
    }

    fn scenario_tab_ui(&mut self, ui: &mut Ui, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        let verdicts: HashMap<String, bool> = self
            .run_all
            .report
            .as_ref()
            .filter(|report| report.revision == cx.revision)
            .map(|report| {
                report
                    .rows
                    .iter()
                    .map(|row| (row.name.clone(), row.passed))
                    .collect()
            })
            .unwrap_or_default();
        match scenario_list::scenario_list_ui(ui, cx.lang, cx.flow, self.selected, &verdicts) {
            Some(ListRequest::Pick(index)) => {
                self.selected = index;
                self.view = CanvasView::Run;
                self.rebuild(cx.flow, cx.revision, false);
            }
            Some(ListRequest::Change(edit, index)) => {
                out.push(AppCommand::Edit(*edit));
                self.pending_pick = Some(index);
            }
            None => {}
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("fluxo.sim.editor")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(edit) =
                    scenario_form::scenario_editor_ui(ui, cx.lang, cx.flow, self.selected)
                {
                    out.push(AppCommand::Edit(edit));
                }
            });
    }

    fn run_all_tab_ui(&mut self, ui: &mut Ui, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        let shows = self.view == CanvasView::Coverage;
        match run_all::run_all_ui(ui, cx.lang, &self.run_all, cx.revision, shows) {
            Some(RunAllRequest::Start) => {
                out.push(AppCommand::Action(Action::Sim(SimAction::RunAll)));
            }
            Some(RunAllRequest::Open(index, cursors)) => {
                self.open_run(cx.flow, cx.revision, index, cursors);
            }
            Some(RunAllRequest::ShowCoverage(show)) => {
                self.view = if show {
                    CanvasView::Coverage
                } else {
                    CanvasView::Run
                };
            }
            None => {}
        }
    }

    /// Opens scenario `index`'s run as "run all" made it (same starting cursors), run to its end.
    pub(crate) fn open_run(
        &mut self,
        flow: &Flow,
        revision: u64,
        index: usize,
        cursors: fluxo_core::sim::Cursors,
    ) {
        self.selected = index;
        self.rebuild_with(flow, revision, cursors, &std::collections::BTreeMap::new());
        if let Some(session) = self.session.as_mut() {
            session.start_running();
        }
        self.view = CanvasView::Run;
        self.tab = Tab::Chat;
    }
}

fn stale_ui(ui: &mut Ui, w: Lang, stale: super::Stale, out: &mut Vec<AppCommand>) {
    let text = match stale {
        super::Stale::Flow => w.tr("sim-flow-changed-run-still-shows"),
        super::Stale::Scenario => w.tr("sim-scenario-changed-run-still-uses"),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(text)
                .small()
                .color(theme::severity_color(fluxo_core::Severity::Warning)),
        );
        let reset = Action::Sim(SimAction::Reset);
        if ui
            .small_button(w.tr("sim-reset-run-new-version"))
            .on_hover_text(crate::ui::actions::hover_text(ui.ctx(), w, reset))
            .clicked()
        {
            out.push(AppCommand::Action(reset));
        }
    });
}
