//! The events of the shown step (the clicked one, or the last), one line each, with the node,
//! its kind and the wire the run left by; arrows move to the step before or after.

use egui::{RichText, Ui};
use fluxo_core::sim::{Event, Run};

use super::words::{Words, event_details, event_line};
use crate::ui::i18n::Tr as _;
use crate::ui::theme;

/// What the user asked for here.
pub(crate) enum StepRequest {
    /// Show this step (and select its node).
    Show(usize),
}

pub(crate) fn step_events_ui(ui: &mut Ui, run: &Run, shown: Option<usize>) -> Option<StepRequest> {
    let w = Words::of(ui.ctx());
    let Some(index) = shown else {
        ui.label(RichText::new(w.tr("No step yet.")).weak().italics());
        return None;
    };
    let step = run.step_at(index)?;
    let mut request = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(index > 0, egui::Button::new("◀").small())
            .on_hover_text(w.tr("Previous step"))
            .clicked()
        {
            request = Some(StepRequest::Show(index - 1));
        }
        if ui
            .add_enabled(index + 1 < run.step_count(), egui::Button::new("▶").small())
            .on_hover_text(w.tr("Next step"))
            .clicked()
        {
            request = Some(StepRequest::Show(index + 1));
        }
        let kind = ui.tr(theme::kind_label(step.kind));
        ui.label(
            RichText::new(
                w.tr("Step {n} of {total}")
                    .replace("{n}", &(index + 1).to_string())
                    .replace("{total}", &run.step_count().to_string()),
            )
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
                ui.label(RichText::new(w.tr("No events: the node only moves on.")).weak());
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
                        RichText::new(
                            w.tr("Leaves by {port} to {node}")
                                .replace("{port}", port)
                                .replace("{node}", to),
                        )
                        .weak(),
                    );
                }
                (Some(port), None) => {
                    ui.label(
                        RichText::new(w.tr("Leaves by {port}: no wire").replace("{port}", port))
                            .weak(),
                    );
                }
                _ => {}
            }
        });
    request
}
