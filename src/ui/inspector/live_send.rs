//! "Send for real" on a Request node's inspector (SPEC.md section 11): the one place in the
//! window where a request leaves the machine, and only on that click.
//!
//! The request is expanded with the simulator's picked scenario (its contact, clock, secrets and
//! preset `vars`); the names it reads that the scenario does not set are asked for, each with
//! the last value given. It runs on a thread of its own (`fluxo::live::send_for_real`) while the
//! inspector shows a spinner and a Cancel; the answer is shown by `live_answer`, and "Keep as
//! mock" adds it to that scenario's mocks as one undo step. Everything shown masks secrets.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use egui::{Color32, RichText, Ui};
use fluxo_core::Flow;
use fluxo_core::flow::{BUILT_IN_NAMES, Node, NodeId, Scenario};
use fluxo_core::sim::{
    SendOneError, SentForReal, keep_as_mock, keep_as_mock_command, request_inputs,
};

use super::live_answer;
use crate::i18n::Lang;
use crate::tr;
use crate::ui::Edit;
use crate::ui::widgets::fields;

/// The red of everything that says a request goes to the real API.
pub(crate) const LIVE_RED: Color32 = Color32::from_rgb(0xDC, 0x26, 0x26);

/// How often the window looks at a request under way.
const POLL: Duration = Duration::from_millis(100);

/// What "Send for real" gave, and with which scenario.
pub(crate) struct Sent {
    /// The scenario's name when it was sent (none: the flow had no scenario).
    pub scenario: Option<String>,
    pub result: Result<SentForReal, SendOneError>,
    /// The answer's body as shown (pretty-printed, cut), made once.
    pub body: String,
    /// Characters of the body not shown.
    pub body_left_out: usize,
}

impl Sent {
    fn new(scenario: Option<String>, result: Result<SentForReal, SendOneError>) -> Sent {
        let (body, body_left_out) = match &result {
            Ok(SentForReal {
                outcome: Ok(received),
                ..
            }) => live_answer::shown_body(received),
            _ => (String::new(), 0),
        };
        Sent {
            scenario,
            result,
            body,
            body_left_out,
        }
    }
}

/// A request on its way.
struct Job {
    node: NodeId,
    scenario: Option<String>,
    started: Instant,
    cancel: Arc<AtomicBool>,
    rx: Receiver<Result<SentForReal, SendOneError>>,
}

/// The inspector's live requests: the values given, the request under way, the last answer of
/// each node sent.
#[derive(Default)]
pub struct LiveSend {
    /// The last value given for each name a request reads, kept across nodes and sends.
    values: BTreeMap<String, String>,
    job: Option<Job>,
    answers: HashMap<NodeId, Sent>,
    /// The simulator's picked scenario (the app tells it every frame).
    scenario: usize,
}

impl LiveSend {
    pub fn set_scenario(&mut self, index: usize) {
        self.scenario = index;
    }

    /// Whether a request is on its way to the real API.
    pub fn is_sending(&self) -> bool {
        self.job.is_some()
    }

    /// What the last "Send for real" of `node` gave, if it was sent.
    pub(crate) fn answer(&self, node: &str) -> Option<&Sent> {
        self.answers.get(node)
    }

    /// Picks up a finished request (called every frame, whether the inspector shows or not).
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else {
            return;
        };
        let result = match job.rx.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(POLL);
                return;
            }
            Err(TryRecvError::Disconnected) => Err(SendOneError::NotSent {
                node: job.node.clone(),
                why: "the request's thread stopped without an answer".into(),
            }),
        };
        if let Some(job) = self.job.take() {
            self.answers
                .insert(job.node, Sent::new(job.scenario, result));
        }
        ctx.request_repaint();
    }

    /// Sends `node` for real on a worker thread, with `vars` on top of the scenario's.
    fn start(&mut self, flow: &Flow, node: &str, scenario: Option<&Scenario>) {
        if self.job.is_some() {
            return;
        }
        let mut vars = scenario.map(|s| s.vars.clone()).unwrap_or_default();
        for name in asked_names(flow, node, scenario) {
            let value = self.values.get(&name).cloned().unwrap_or_default();
            vars.insert(name, value);
        }
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let job_cancel = Arc::clone(&cancel);
        let flow = flow.clone();
        let node_id = node.to_owned();
        let picked = scenario.cloned().unwrap_or_default();
        let spawned = std::thread::Builder::new()
            .name("fluxo-send-for-real".into())
            .spawn(move || {
                let result =
                    crate::live::send_for_real(&flow, &node_id, &picked, &vars, job_cancel);
                let _ = tx.send(result);
            });
        match spawned {
            Ok(_) => {
                self.job = Some(Job {
                    node: node.to_owned(),
                    scenario: scenario.map(|s| s.name.clone()),
                    started: Instant::now(),
                    cancel,
                    rx,
                });
            }
            Err(err) => {
                let failed = Err(SendOneError::NotSent {
                    node: node.to_owned(),
                    why: err.to_string(),
                });
                self.answers.insert(
                    node.to_owned(),
                    Sent::new(scenario.map(|s| s.name.clone()), failed),
                );
            }
        }
    }

    fn cancel(&self) {
        if let Some(job) = &self.job {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// The "Send for real" section of a Request node: the scenario, the values asked for, the
    /// button (or the spinner and Cancel), and the last answer with "Keep as mock".
    pub(crate) fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        flow: &Flow,
        node: &Node,
        edits: &mut Vec<Edit>,
    ) {
        let scenario = flow.scenarios.get(self.scenario);
        let id = egui::Id::unique(("fluxo.inspector.live", node.id.as_str()));
        let title = lang.tr("live-window-section");
        fields::section_ui(ui, id, title, |ui| {
            fields::help_ui(ui, lang.tr("live-window-explain"));
            let scenario_text = match scenario {
                Some(scenario) => tr!(
                    lang,
                    "live-window-scenario",
                    scenario = scenario.name.as_str()
                ),
                None => lang.tr("live-window-no-scenario").to_owned(),
            };
            ui.label(RichText::new(scenario_text).small());
            self.inputs_ui(ui, lang, flow, &node.id, scenario);
            ui.add_space(4.0);
            self.button_ui(ui, lang, flow, &node.id, scenario);
            if let Some(sent) = self.answers.get(&node.id) {
                ui.add_space(4.0);
                live_answer::answer_ui(ui, lang, sent);
                keep_ui(ui, lang, flow, sent, edits);
            }
        });
    }

    /// A field for each name the request reads that the scenario does not set.
    fn inputs_ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        flow: &Flow,
        node: &str,
        scenario: Option<&Scenario>,
    ) {
        let names = asked_names(flow, node, scenario);
        if names.is_empty() {
            return;
        }
        ui.label(RichText::new(lang.tr("live-window-inputs")).small());
        egui::Grid::new(("fluxo.inspector.live.inputs", node))
            .num_columns(2)
            .spacing([6.0, 4.0])
            .show(ui, |ui| {
                for name in names {
                    let label = ui.label(RichText::new(&name).monospace().small());
                    let value = self.values.entry(name).or_default();
                    ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
                        .labelled_by(label.id);
                    ui.end_row();
                }
            });
    }

    fn button_ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        flow: &Flow,
        node: &str,
        scenario: Option<&Scenario>,
    ) {
        match &self.job {
            Some(job) if job.node == node => {
                let seconds = job.started.elapsed().as_secs_f64();
                let mut cancel = false;
                ui.horizontal(|ui| {
                    badge_ui(ui, lang);
                    ui.spinner();
                    ui.label(tr!(
                        lang,
                        "live-window-sending",
                        seconds = crate::ui::widgets::decimal_text(lang, seconds, 1)
                    ));
                    cancel = ui.button(lang.tr("window-cancel")).clicked();
                });
                if cancel {
                    self.cancel();
                }
            }
            other => {
                let is_busy = other.is_some();
                let button = egui::Button::new(
                    RichText::new(lang.tr("live-window-send"))
                        .strong()
                        .color(Color32::WHITE),
                )
                .fill(LIVE_RED);
                let response = ui
                    .add_enabled(!is_busy, button)
                    .on_hover_text(lang.tr("live-window-send-tooltip"))
                    .on_disabled_hover_text(lang.tr("live-window-one-at-a-time"));
                if response.clicked() {
                    self.start(flow, node, scenario);
                }
            }
        }
    }
}

/// The small red tag that says a request goes to the real API.
pub fn badge_ui(ui: &mut Ui, lang: Lang) -> egui::Response {
    let text = RichText::new(lang.tr("live-window-badge"))
        .small()
        .strong()
        .color(Color32::WHITE)
        .background_color(LIVE_RED);
    ui.label(text)
}

/// "Keep as mock": enabled when there is an answer (or a time-out) and the scenario it was sent
/// with is still in the flow; says so once the mock is there.
fn keep_ui(ui: &mut Ui, lang: Lang, flow: &Flow, sent: &Sent, edits: &mut Vec<Edit>) {
    let Ok(result) = &sent.result else {
        return;
    };
    let Some(mock) = keep_as_mock(result) else {
        ui.label(
            RichText::new(lang.tr("live-window-nothing-to-keep"))
                .small()
                .weak(),
        );
        return;
    };
    let found = sent.scenario.as_ref().and_then(|name| {
        flow.scenarios
            .iter()
            .enumerate()
            .find(|(_, scenario)| &scenario.name == name)
    });
    let Some((index, scenario)) = found else {
        ui.label(
            RichText::new(lang.tr("live-window-keep-needs-scenario"))
                .small()
                .weak(),
        );
        return;
    };
    let name = scenario.name.as_str();
    if scenario.mocks.contains(&mock) {
        ui.label(
            RichText::new(tr!(lang, "live-window-kept", scenario = name))
                .small()
                .color(egui::Color32::from_rgb(0x22, 0xA0, 0x55)),
        );
        return;
    }
    let response = ui.button(lang.tr("live-window-keep")).on_hover_text(tr!(
        lang,
        "live-window-keep-tooltip",
        scenario = name
    ));
    if response.clicked()
        && let Some(command) = keep_as_mock_command(flow, index, result)
    {
        edits.push(Edit::new(command));
    }
}

/// The names the request at `node` reads that `scenario` does not set, in the order read:
/// flow variables it does not preset, custom fields its contact lacks, `http.*`... The
/// platform's names (`contact.name`, `chat.id`, `now.*`, `team.api_base`) come from the scenario
/// and the team; secrets from the environment or the scenario.
pub(crate) fn asked_names(flow: &Flow, node: &str, scenario: Option<&Scenario>) -> Vec<String> {
    request_inputs(flow, node)
        .into_iter()
        .filter(|name| !is_set_by(scenario, name))
        .collect()
}

fn is_set_by(scenario: Option<&Scenario>, name: &str) -> bool {
    if BUILT_IN_NAMES.iter().any(|(built_in, _)| *built_in == name) {
        return true;
    }
    let Some(scenario) = scenario else {
        return false;
    };
    match name.strip_prefix("contact.custom.") {
        Some(key) => scenario.contact.custom.contains_key(key),
        None => scenario.vars.contains_key(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_the_scenario_does_not_set_is_asked() {
        let flow: Flow = fluxo_core::file::parse(
            r#"(format: 1, nodes: [
                (id: "inicio", kind: Entry()),
                (id: "consulta", kind: Request(method: Get,
                    url: "{{team.api_base}}/x/{{cpf}}/{{contact.custom.gerente}}/{{contact.custom.plano}}?t={{secret.t}}&n={{contact.name}}&p={{pedido}}")),
            ], edges: [(from: "inicio", port: "next", to: "consulta")],
            scenarios: [(name: "s", contact: (custom: {"gerente": "ana"}), vars: {"pedido": "7"})])"#,
            fluxo_core::Format::Ron,
        )
        .unwrap()
        .flow;
        assert_eq!(
            asked_names(&flow, "consulta", flow.scenarios.first()),
            ["cpf", "contact.custom.plano"]
        );
        assert_eq!(
            asked_names(&flow, "consulta", None),
            [
                "cpf",
                "contact.custom.gerente",
                "contact.custom.plano",
                "pedido"
            ]
        );
    }
}
