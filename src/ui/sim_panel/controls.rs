//! The simulator's toolbar (Reset, Back, Step, Run, Play with its speed, the breakpoint of the
//! selected node) and the line that says where the run is. Every button is an action of the
//! registry, so it does exactly what its key does.

use egui::{Color32, RichText, Sense, Ui, vec2};
use fluxo_core::flow::{EndReason, Flow};

use super::session::{Halt, Session};
use crate::i18n::Lang;
use crate::i18n::events::end_line;
use crate::tr;
use crate::ui::actions::{self, Action, SimAction};
use crate::ui::context::AppCommand;
use crate::ui::theme;
use crate::ui::widgets::{decimal_text, parse_decimal};

/// What the toolbar needs to know.
pub(crate) struct ToolbarState<'a> {
    pub session: Option<&'a Session>,
    pub selected_node: Option<&'a str>,
    pub has_breakpoint: bool,
    pub breakpoints: &'a std::collections::BTreeSet<fluxo_core::flow::NodeId>,
}

fn action_button(ui: &mut Ui, w: Lang, glyph: &str, action: SimAction, enabled: bool) -> bool {
    let action = Action::Sim(action);
    let text = format!("{glyph} {}", w.tr(action.label()));
    ui.add_enabled(enabled, egui::Button::new(text))
        .on_hover_text(actions::hover_text(ui.ctx(), w, action))
        .on_disabled_hover_text(actions::hover_text(ui.ctx(), w, action))
        .clicked()
}

/// The buttons; the chosen actions are pushed to `out`. Returns a breakpoint the user
/// removed from the list.
pub(crate) fn toolbar_ui(
    ui: &mut Ui,
    w: Lang,
    state: &ToolbarState<'_>,
    interval_s: &mut f32,
    out: &mut Vec<AppCommand>,
) -> Option<fluxo_core::flow::NodeId> {
    let run = state.session.map(|session| &session.run);
    let can_step = run.is_some_and(fluxo_core::sim::Run::is_running);
    let can_back = run.is_some_and(fluxo_core::sim::Run::can_back);
    let is_playing = state.session.is_some_and(Session::is_playing);
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (glyph, action, enabled) in [
            ("⟲", SimAction::Reset, state.session.is_some()),
            ("⏴", SimAction::Back, can_back),
            ("⏵", SimAction::Step, can_step),
            ("⏩", SimAction::Run, can_step || is_playing),
        ] {
            if action_button(ui, w, glyph, action, enabled) {
                out.push(AppCommand::Action(Action::Sim(action)));
            }
        }
        let (glyph, label) = if is_playing {
            ("⏸", w.tr("sim-pause"))
        } else {
            ("▶", w.tr("sim-play"))
        };
        let play = Action::Sim(SimAction::PlayPause);
        if ui
            .add_enabled(
                can_step || is_playing,
                egui::Button::new(format!("{glyph} {label}")),
            )
            .on_hover_text(actions::hover_text(ui.ctx(), w, play))
            .clicked()
        {
            out.push(AppCommand::Action(play));
        }
    });
    ui.horizontal(|ui| {
        ui.spacing_mut().slider_width = 90.0;
        ui.add(
            egui::Slider::new(interval_s, 0.2..=3.0)
                .step_by(0.1)
                .custom_formatter(move |value, _| decimal_text(w, value, 1))
                .custom_parser(parse_decimal)
                .suffix(w.tr("sim-s-per-step")),
        )
        .on_hover_text(w.tr("sim-how-long-play-shows-each"));
        ui.separator();
        let toggle = Action::Sim(SimAction::ToggleBreakpoint);
        let text = match state.selected_node {
            Some(node) if state.has_breakpoint => {
                tr!(w, "sim-remove-breakpoint-on-node", node = node)
            }
            Some(node) => tr!(w, "sim-breakpoint-on-node", node = node),
            None => w.tr("sim-select-node-set-breakpoint").to_owned(),
        };
        breakpoint_dot_ui(ui, state.has_breakpoint);
        if ui
            .add_enabled(
                state.selected_node.is_some(),
                egui::Button::new(RichText::new(text).small()),
            )
            .on_hover_text(actions::hover_text(ui.ctx(), w, toggle))
            .clicked()
        {
            out.push(AppCommand::Action(toggle));
        }
    });
    if state.breakpoints.is_empty() {
        return None;
    }
    let mut removed = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = vec2(4.0, 4.0);
        ui.label(RichText::new(w.tr("sim-breakpoints")).small().weak());
        for node in state.breakpoints {
            if ui
                .add(egui::Button::new(
                    RichText::new(format!("{node}  ×")).small(),
                ))
                .on_hover_text(w.tr("sim-remove-this-breakpoint"))
                .clicked()
            {
                removed = Some(node.clone());
            }
        }
        let clear = Action::Sim(SimAction::ClearBreakpoints);
        if ui
            .add(egui::Button::new(
                RichText::new(w.tr("sim-clear-all")).small(),
            ))
            .on_hover_text(actions::hover_text(ui.ctx(), w, clear))
            .clicked()
        {
            out.push(AppCommand::Action(clear));
        }
    });
    removed
}

/// A red dot like the canvas draws on a breakpoint (hollow when there is none).
fn breakpoint_dot_ui(ui: &mut Ui, is_set: bool) {
    let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
    let color = theme::severity_color(fluxo_core::Severity::Error);
    if is_set {
        ui.painter().circle_filled(rect.center(), 5.0, color);
    } else {
        ui.painter().circle_stroke(
            rect.center(),
            4.5,
            egui::Stroke::new(1.2, color.gamma_multiply(0.7)),
        );
    }
}

/// Where the run is, as a coloured line.
pub(crate) fn status_line_ui(ui: &mut Ui, w: Lang, flow: &Flow, session: &Session) {
    let run = &session.run;
    let (text, color) = match (run.end(), &session.halt) {
        (Some(end), _) if end.reason == EndReason::WaitingReply => (
            tr!(
                w,
                "sim-waiting-contact-reply-node-type",
                node = end.node.as_deref().unwrap_or("")
            ),
            theme::ACCENT,
        ),
        (Some(end), _) => {
            let color = match end.reason {
                EndReason::End | EndReason::Queued => Color32::from_rgb(0x22, 0xA0, 0x55),
                EndReason::ChannelNotServed => theme::severity_color(fluxo_core::Severity::Warning),
                _ => theme::severity_color(fluxo_core::Severity::Error),
            };
            (end_line(w, end), color)
        }
        (None, Some(Halt::Breakpoint(node))) => (
            tr!(w, "sim-paused-breakpoint-node", node = node),
            theme::severity_color(fluxo_core::Severity::Error),
        ),
        (None, None) => {
            let next = run.current_node().unwrap_or("");
            let kind = flow
                .node(next)
                .map(|node| w.tr(theme::kind_label(node.kind.tag())))
                .unwrap_or_default();
            let text = if run.step_count() == 0 {
                tr!(w, "sim-ready-run-starts-node", node = next)
            } else {
                tr!(
                    w,
                    "sim-n-steps-next-node-kind",
                    n = run.step_count(),
                    node = next,
                    kind = kind
                )
            };
            (text, ui.visuals().text_color())
        }
    };
    egui::Frame::new()
        .fill(color.gamma_multiply(0.12))
        .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.6)))
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(8, 4))
        .show(ui, |ui| {
            // Claiming the whole width would make the dock grow by the frame's margin each frame.
            ui.set_min_width(ui.available_width() - 2.0);
            ui.add(egui::Label::new(RichText::new(text).color(color).strong()).wrap());
        });
}
