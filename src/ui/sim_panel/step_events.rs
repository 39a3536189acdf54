//! The events of the shown step (the clicked one, or the last), one line each, with the node,
//! its kind and the wire the run left by; arrows move to the step before or after.

use egui::{RichText, Ui};
use fluxo_core::sim::{Event, Run};

use crate::i18n::Lang;
use crate::i18n::events::{event_details, event_line};
use crate::tr;
use crate::ui::theme;

/// What the user asked for here.
pub(crate) enum StepRequest {
    /// Show this step (and select its node).
    Show(usize),
}

pub(crate) fn step_events_ui(
    ui: &mut Ui,
    w: Lang,
    run: &Run,
    shown: Option<usize>,
) -> Option<StepRequest> {
    let Some(index) = shown else {
        ui.label(RichText::new(w.tr("sim-no-step-yet")).weak().italics());
        return None;
    };
    let step = run.step_at(index)?;
    let mut request = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(index > 0, egui::Button::new("◀").small())
            .on_hover_text(w.tr("sim-previous-step"))
            .clicked()
        {
            request = Some(StepRequest::Show(index - 1));
        }
        if ui
            .add_enabled(index + 1 < run.step_count(), egui::Button::new("▶").small())
            .on_hover_text(w.tr("sim-next-step"))
            .clicked()
        {
            request = Some(StepRequest::Show(index + 1));
        }
        let kind = w.tr(theme::kind_label(step.kind));
        ui.label(
            RichText::new(tr!(
                w,
                "sim-step-n-of-total",
                n = index + 1,
                total = run.step_count()
            ))
            .strong(),
        );
        ui.label(
            RichText::new(format!("{} {}", theme::kind_glyph(step.kind), step.node))
                .color(theme::kind_color(step.kind)),
        )
        .on_hover_text(kind);
    });
    let route = step.events.iter().find_map(|event| match event {
        Event::HandoffStarted(handoff) => Some(handoff.route.as_str()),
        _ => None,
    });
    egui::ScrollArea::vertical()
        .id_salt("fluxo.sim.events")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if step.events.is_empty() {
                ui.label(RichText::new(w.tr("sim-no-events-node-only-moves")).weak());
            }
            for (position, event) in step.events.iter().enumerate() {
                let line = event_line(w, event, route);
                let mut text = RichText::new(line).size(12.5);
                if matches!(event, Event::Warning { .. }) {
                    text = text.color(theme::severity_color(fluxo_core::Severity::Warning));
                }
                ui.add(egui::Label::new(text).wrap());
                for detail in event_details(event) {
                    ui.indent(("fluxo.sim.detail", index, position), |ui| {
                        ui.add(egui::Label::new(RichText::new(detail).small().weak()).wrap());
                    });
                }
            }
            match (step.port, step.to) {
                (Some(port), Some(to)) => {
                    ui.label(
                        RichText::new(tr!(w, "sim-leaves-port-node", port = port, node = to))
                            .weak(),
                    );
                }
                (Some(port), None) => {
                    ui.label(RichText::new(tr!(w, "sim-leaves-port-no-wire", port = port)).weak());
                }
                _ => {}
            }
        });
    request
}
