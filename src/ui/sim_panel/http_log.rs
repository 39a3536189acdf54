//! Every HTTP request of the run, expanded as it was sent (method, url, headers, body; secrets
//! masked by the core) with its answer (status, body, delay) and who gave it: one of the
//! scenario's mocks, the platform API answering from the mocked team, or nobody.

use egui::{RichText, Ui};
use fluxo_core::sim::{AnswerSource, Event, Request, Run};

use crate::i18n::Lang;
use crate::i18n::events::answer_line;
use crate::ui::theme;

/// One request and its answer.
struct Exchange<'a> {
    step: usize,
    node: &'a str,
    request: &'a Request,
    answer: Option<Answer<'a>>,
}

struct Answer<'a> {
    source: AnswerSource,
    status: Option<u16>,
    body: &'a str,
    delay_ms: u64,
    timed_out: bool,
}

fn exchanges(run: &Run) -> Vec<Exchange<'_>> {
    let mut out = Vec::new();
    for step in run.steps() {
        let mut open: Option<Exchange<'_>> = None;
        for event in step.events {
            match event {
                Event::RequestSent(request) => {
                    out.extend(open.take());
                    open = Some(Exchange {
                        step: step.index,
                        node: step.node,
                        request,
                        answer: None,
                    });
                }
                Event::AnswerReceived {
                    source,
                    status,
                    body,
                    delay_ms,
                    timed_out,
                } => {
                    if let Some(exchange) = open.as_mut() {
                        exchange.answer = Some(Answer {
                            source: *source,
                            status: *status,
                            body,
                            delay_ms: *delay_ms,
                            timed_out: *timed_out,
                        });
                    }
                }
                _ => {}
            }
        }
        out.extend(open);
    }
    out
}

/// The log; the shown step's requests are open.
pub(crate) fn http_log_ui(ui: &mut Ui, w: Lang, run: &Run, shown_step: Option<usize>) {
    let list = exchanges(run);
    if list.is_empty() {
        ui.label(RichText::new(w.tr("sim-no-request-yet")).weak().italics());
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("fluxo.sim.http")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (index, exchange) in list.iter().enumerate() {
                let status = match &exchange.answer {
                    Some(answer) if answer.timed_out => w.tr("sim-timed-out").to_owned(),
                    Some(Answer {
                        status: Some(status),
                        ..
                    }) => status.to_string(),
                    _ => w.tr("sim-no-answer").to_owned(),
                };
                let title = format!(
                    "{} {} · {} {} · {status}",
                    w.tr("sim-step"),
                    exchange.step + 1,
                    exchange.request.method,
                    short_url(&exchange.request.url),
                );
                let is_ok = exchange
                    .answer
                    .as_ref()
                    .and_then(|answer| answer.status)
                    .is_some_and(|status| (200..300).contains(&status));
                let color = if is_ok {
                    ui.visuals().text_color()
                } else {
                    theme::severity_color(fluxo_core::Severity::Error)
                };
                // The shown step's requests open; the id changes with that, so the user can
                // still close or open any of them.
                let is_shown = shown_step == Some(exchange.step);
                egui::CollapsingHeader::new(RichText::new(title).color(color).size(12.5))
                    .id_salt(("fluxo.sim.http", index, is_shown))
                    .default_open(is_shown)
                    .show(ui, |ui| exchange_ui(ui, w, exchange));
            }
        });
}

/// The url without its scheme and host when it is long.
fn short_url(url: &str) -> String {
    let path = url
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..]))
        .unwrap_or(url);
    let shown: String = path.chars().take(48).collect();
    if shown.len() < path.len() {
        format!("{shown}…")
    } else {
        shown
    }
}

fn exchange_ui(ui: &mut Ui, w: Lang, exchange: &Exchange<'_>) {
    let request = exchange.request;
    ui.label(
        RichText::new(format!("{} · {}", w.tr("sim-request"), exchange.node))
            .strong()
            .size(12.0),
    );
    ui.add(
        egui::Label::new(
            RichText::new(format!("{} {}", request.method, request.url))
                .monospace()
                .size(12.0),
        )
        .wrap(),
    );
    for (name, value) in &request.headers {
        ui.add(
            egui::Label::new(
                RichText::new(format!("{name}: {value}"))
                    .monospace()
                    .size(11.5),
            )
            .wrap(),
        );
    }
    if !request.body.is_empty() {
        body_ui(ui, &request.body);
    }
    ui.add_space(4.0);
    ui.label(RichText::new(w.tr("inspector-answer")).strong().size(12.0));
    match &exchange.answer {
        Some(answer) => {
            ui.label(
                RichText::new(answer_line(
                    w,
                    answer.source,
                    answer.status,
                    answer.delay_ms,
                    answer.timed_out,
                ))
                .size(12.0),
            );
            if !answer.body.is_empty() {
                body_ui(ui, answer.body);
            }
        }
        None => {
            ui.label(RichText::new(w.tr("sim-no-answer")).weak());
        }
    }
}

/// A body, pretty-printed when it is JSON.
fn body_ui(ui: &mut Ui, body: &str) {
    let text = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|value| serde_json::to_string_pretty(&value).ok())
        .unwrap_or_else(|| body.to_owned());
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .corner_radius(4)
        .inner_margin(6)
        .show(ui, |ui| {
            ui.add(egui::Label::new(RichText::new(text).monospace().size(11.5)).wrap());
        });
}
