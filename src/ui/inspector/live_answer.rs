//! What "Send for real" got back, as the inspector shows it: the status and the time it took
//! (and which exit the node would leave by), what went wrong in plain words, what was sent, the
//! answer's headers and its body pretty-printed when it is JSON. Secrets show as `••••`: the
//! core masks everything it hands over.

use egui::{Color32, RichText, Ui};
use fluxo_core::sim::{Received, SentForReal};

use super::live_send::{LIVE_RED, Sent, badge_ui};
use crate::i18n::Lang;
use crate::live::words;
use crate::tr;

/// The body shown is cut after this many characters: a 5 MiB answer laid out every frame would
/// freeze the window (Keep as mock keeps it whole).
pub(crate) const SHOWN_BODY_CHARS: usize = 32 * 1024;

const OK_GREEN: Color32 = Color32::from_rgb(0x22, 0xA0, 0x55);

/// The body to show, and how many characters of it are left out.
pub(crate) fn shown_body(received: &Received) -> (String, usize) {
    let body = received.shown_body();
    match body.char_indices().nth(SHOWN_BODY_CHARS) {
        None => (body, 0),
        Some((at, _)) => {
            let left_out = body.get(at..).unwrap_or_default().chars().count();
            (body.get(..at).unwrap_or_default().to_owned(), left_out)
        }
    }
}

/// The last answer of the node.
pub(crate) fn answer_ui(ui: &mut Ui, lang: Lang, sent: &Sent) {
    let result = match &sent.result {
        Ok(result) => result,
        Err(error) => {
            ui.colored_label(LIVE_RED, words::send_error_text(lang, error));
            return;
        }
    };
    match &result.outcome {
        Ok(received) => received_ui(ui, lang, result, received, sent),
        Err(error) => {
            ui.horizontal_wrapped(|ui| {
                badge_ui(ui, lang);
                ui.colored_label(LIVE_RED, words::error_text(lang, error));
            });
            ui.label(
                RichText::new(tr!(lang, "live-window-leaves-by", port = "error"))
                    .small()
                    .weak(),
            );
            sent_ui(ui, lang, result);
        }
    }
    for warning in &result.warnings {
        ui.label(
            RichText::new(tr!(lang, "event-warning", message = warning.as_str()))
                .small()
                .color(crate::ui::theme::severity_color(
                    fluxo_core::Severity::Warning,
                )),
        );
    }
}

fn received_ui(ui: &mut Ui, lang: Lang, result: &SentForReal, received: &Received, sent: &Sent) {
    let color = if received.is_success() {
        OK_GREEN
    } else {
        LIVE_RED
    };
    ui.horizontal_wrapped(|ui| {
        badge_ui(ui, lang);
        ui.label(
            RichText::new(tr!(
                lang,
                "live-window-status",
                status = received.status,
                ms = received.elapsed_ms
            ))
            .strong()
            .color(color),
        );
        let port = if received.is_success() { "ok" } else { "error" };
        ui.label(
            RichText::new(tr!(lang, "live-window-leaves-by", port = port))
                .small()
                .weak(),
        );
    });
    if received.cut {
        ui.label(RichText::new(words::cut_text(lang)).small().color(LIVE_RED));
    }
    sent_ui(ui, lang, result);
    let headers_title = tr!(
        lang,
        "live-window-headers-heading",
        count = received.headers.len()
    );
    egui::CollapsingHeader::new(RichText::new(headers_title).small())
        .id_salt(("fluxo.live.headers", result.node.as_str()))
        .show(ui, |ui| {
            pairs_ui(
                ui,
                received
                    .headers
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str())),
            );
        });
    ui.label(RichText::new(lang.tr("live-window-body")).small().strong());
    let (body, left_out) = (&sent.body, sent.body_left_out);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::both()
            .id_salt(("fluxo.live.body", result.node.as_str()))
            .max_height(280.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if body.is_empty() {
                    ui.label(
                        RichText::new(lang.tr("live-window-body-empty"))
                            .weak()
                            .small(),
                    );
                } else {
                    ui.add(
                        egui::Label::new(RichText::new(body.as_str()).monospace().size(11.5))
                            .selectable(true)
                            .extend(),
                    );
                }
            });
    });
    if left_out > 0 {
        ui.label(
            RichText::new(tr!(lang, "live-window-body-left-out", count = left_out))
                .small()
                .weak(),
        );
    }
}

/// What went out: the method and url, the headers, the body (secrets as `••••`).
fn sent_ui(ui: &mut Ui, lang: Lang, result: &SentForReal) {
    let request = &result.request;
    egui::CollapsingHeader::new(RichText::new(lang.tr("live-window-sent-heading")).small())
        .id_salt(("fluxo.live.sent", result.node.as_str()))
        .show(ui, |ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(format!("{} {}", request.method, request.url))
                        .monospace()
                        .size(11.5),
                )
                .selectable(true)
                .wrap(),
            );
            pairs_ui(
                ui,
                request
                    .headers
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.as_str())),
            );
            if !request.body.is_empty() {
                ui.add(
                    egui::Label::new(RichText::new(request.body.as_str()).monospace().size(11.5))
                        .selectable(true)
                        .wrap(),
                );
            }
        });
}

fn pairs_ui<'a>(ui: &mut Ui, pairs: impl Iterator<Item = (&'a str, &'a str)>) {
    egui::Grid::new(ui.next_auto_id())
        .num_columns(2)
        .spacing([8.0, 2.0])
        .show(ui, |ui| {
            for (name, value) in pairs {
                ui.label(RichText::new(name).monospace().size(11.0).weak());
                ui.add(
                    egui::Label::new(RichText::new(value).monospace().size(11.0))
                        .selectable(true)
                        .wrap(),
                );
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_body_is_cut_for_the_eye_and_counted() {
        let received = Received {
            status: 200,
            elapsed_ms: 3,
            headers: Vec::new(),
            body: "é".repeat(SHOWN_BODY_CHARS + 5),
            cut: false,
        };
        let (shown, left_out) = shown_body(&received);
        assert_eq!(shown.chars().count(), SHOWN_BODY_CHARS);
        assert_eq!(left_out, 5);
        let small = Received {
            body: "{\"a\":1}".into(),
            ..received
        };
        assert_eq!(shown_body(&small), ("{\n  \"a\": 1\n}".to_owned(), 0));
    }
}
