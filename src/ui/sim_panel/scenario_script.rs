//! What the scenario scripts for the run: the contact's replies (text or silence, in order), how
//! each live-chat handoff ends, the HTTP mocks tried before the platform API, and the secrets
//! (names kept in the file, values only in this window's memory).

use egui::{RichText, Ui};
use fluxo_core::flow::{LiveChatOutcome, Method, Mock, MockFail, Reply, Scenario};

use super::scenario_form::ScenarioForm;
use crate::i18n::events::outcome_words;
use crate::ui::widgets::fields::{self, Controls};

pub(crate) fn script_ui(form: &mut ScenarioForm, ui: &mut Ui, scenario: &mut Scenario) {
    replies_ui(form, ui, scenario);
    outcomes_ui(form, ui, scenario);
}

fn replies_ui(form: &mut ScenarioForm, ui: &mut Ui, scenario: &mut Scenario) {
    let w = form.words();
    fields::section_ui(
        ui,
        form.id("section.replies"),
        w.tr("sim-replies-of-the-contact"),
        |ui| {
            fields::help_ui(ui, w.tr("sim-read-order-each-ask-when"));
            let mut action = None;
            let len = scenario.replies.len();
            for index in 0..len {
                let Some(reply) = scenario.replies.get_mut(index) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    let number = ui.label(RichText::new(format!("{}.", index + 1)).weak());
                    let path = format!("replies[{index}]");
                    let mut is_silence = *reply == Reply::NoReply;
                    let choices = [(false, w.tr("team-text")), (true, w.tr("sim-no-reply"))];
                    form.combo(
                        ui,
                        &format!("{path}.kind"),
                        &mut is_silence,
                        &choices,
                        84.0,
                        w.tr("sim-reply-kind"),
                    );
                    match (is_silence, &mut *reply) {
                        (true, Reply::Text(_)) => *reply = Reply::NoReply,
                        (false, Reply::NoReply) => *reply = Reply::Text(String::new()),
                        (false, Reply::Text(text)) => {
                            let width = (ui.available_width() - 70.0).max(80.0);
                            form.text_inline(
                                ui,
                                &path,
                                text,
                                w.tr("sim-what-the-contact-writes"),
                                width,
                                Some(number.id),
                            );
                        }
                        (true, Reply::NoReply) => {
                            ui.label(RichText::new(w.tr("sim-stays-silent")).weak().italics());
                        }
                    }
                    if let Some(row) = fields::row_buttons_ui(ui, form.lang(), index, len) {
                        action = Some((index, row));
                    }
                });
            }
            if let Some((index, row)) = action {
                fields::apply_row_action(&mut scenario.replies, index, row);
                form.step();
            }
            if fields::add_button_ui(ui, w.tr("sim-add-reply")).clicked() {
                scenario.replies.push(Reply::Text(String::new()));
                form.step();
            }
        },
    );
}

fn outcomes_ui(form: &mut ScenarioForm, ui: &mut Ui, scenario: &mut Scenario) {
    let w = form.words();
    fields::section_ui(
        ui,
        form.id("section.live_chat"),
        w.tr("sim-live-chat-outcomes"),
        |ui| {
            fields::help_ui(ui, w.tr("sim-how-each-handoff-agent-takes"));
            let mut action = None;
            let len = scenario.live_chat.len();
            let choices: Vec<(LiveChatOutcome, &str)> = LiveChatOutcome::ALL
                .iter()
                .map(|&outcome| (outcome, outcome_words(w, outcome)))
                .collect();
            for index in 0..len {
                let Some(outcome) = scenario.live_chat.get_mut(index) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{}.", index + 1)).weak());
                    form.combo(
                        ui,
                        &format!("live_chat[{index}]"),
                        outcome,
                        &choices,
                        280.0,
                        w.tr("sim-outcome"),
                    );
                    if let Some(row) = fields::row_buttons_ui(ui, form.lang(), index, len) {
                        action = Some((index, row));
                    }
                });
            }
            if let Some((index, row)) = action {
                fields::apply_row_action(&mut scenario.live_chat, index, row);
                form.step();
            }
            if fields::add_button_ui(ui, w.tr("sim-add-outcome")).clicked() {
                scenario.live_chat.push(LiveChatOutcome::AgentClosed);
                form.step();
            }
        },
    );
}

pub(crate) fn mocks_ui(form: &mut ScenarioForm, ui: &mut Ui, scenario: &mut Scenario) {
    let w = form.words();
    fields::section_ui(ui, form.id("section.mocks"), w.tr("sim-http-mocks"), |ui| {
        fields::help_ui(ui, w.tr("sim-tried-order-before-platform-api"));
        let mut action = None;
        let len = scenario.mocks.len();
        for index in 0..len {
            let Some(mock) = scenario.mocks.get_mut(index) else {
                continue;
            };
            egui::Frame::group(ui.style()).show(ui, |ui| {
                if let Some(row) = mock_ui(form, ui, index, len, mock) {
                    action = Some((index, row));
                }
            });
        }
        if let Some((index, row)) = action {
            fields::apply_row_action(&mut scenario.mocks, index, row);
            form.step();
        }
        if fields::add_button_ui(ui, w.tr("sim-add-mock")).clicked() {
            scenario.mocks.push(Mock::default());
            form.step();
        }
    });
}

fn mock_ui(
    form: &mut ScenarioForm,
    ui: &mut Ui,
    index: usize,
    len: usize,
    mock: &mut Mock,
) -> Option<fields::RowAction> {
    let w = form.words();
    let path = format!("mocks[{index}]");
    let mut action = None;
    ui.horizontal(|ui| {
        let mut methods: Vec<(Option<Method>, &str)> = vec![(None, w.tr("sim-any"))];
        methods.extend(
            Method::ALL
                .iter()
                .map(|&method| (Some(method), method.as_str())),
        );
        form.combo(
            ui,
            &format!("{path}.method"),
            &mut mock.method,
            &methods,
            74.0,
            w.tr("sim-method"),
        );
        let width = (ui.available_width() - 70.0).max(80.0);
        form.text_inline(
            ui,
            &format!("{path}.url"),
            &mut mock.url,
            "*/agents/*",
            width,
            None,
        );
        action = fields::row_buttons_ui(ui, form.lang(), index, len);
    });
    ui.horizontal(|ui| {
        let answers = [
            (None, w.tr("sim-answers")),
            (Some(MockFail::Timeout), w.tr("sim-times-out")),
        ];
        form.combo(
            ui,
            &format!("{path}.fail"),
            &mut mock.fail,
            &answers,
            100.0,
            w.tr("sim-mock-outcome"),
        );
        if mock.fail.is_none() {
            let status = ui.label(w.tr("sim-status"));
            let message = w.tr("sim-status-100-599");
            if form.validated_inline(
                ui,
                &format!("{path}.status"),
                &mut mock.status,
                "200",
                44.0,
                Some(status.id),
                |text| match text.trim().parse::<u16>() {
                    Ok(status) if (100..=599).contains(&status) => Ok((status, status.to_string())),
                    _ => Err(message.to_owned()),
                },
            ) {
                form.typing(&format!("{path}.status"));
            }
            let delay = ui.label(w.tr("sim-delay"));
            form.number_inline(
                ui,
                &format!("{path}.delay_ms"),
                &mut mock.delay_ms,
                56.0,
                Some(delay.id),
            );
            fields::unit_ui(ui, "ms");
        }
    });
    if mock.fail.is_none() {
        let body_path = format!("{path}.body");
        let id = form.id(&body_path);
        let mut buffer = fields::Buffer::load(ui, id, mock.body.clone());
        let response = ui.add(
            egui::TextEdit::multiline(&mut buffer.text)
                .id(id)
                .code_editor()
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("{\"status\": \"online\"}"),
        );
        let finished = buffer.finish(ui, &response, fields::Commit::Typing, fields::any_text);
        if let Some(body) = finished.value {
            mock.body = body;
            form.typing(&body_path);
        }
    }
    action
}

pub(crate) fn secrets_ui(form: &mut ScenarioForm, ui: &mut Ui, scenario: &mut Scenario) {
    let w = form.words();
    fields::section_ui(ui, form.id("section.secrets"), w.tr("sim-secrets"), |ui| {
        fields::help_ui(ui, w.tr("sim-values-scenario-runs-only-names"));
        let mut removed = None;
        let mut renamed = None;
        let names: Vec<String> = scenario.secrets.keys().cloned().collect();
        for name in &names {
            ui.horizontal(|ui| {
                let taken = w.tr("sim-another-secret-has-name");
                let invalid = w.tr("sim-letters-digits-and-only");
                let others: Vec<&String> = names.iter().filter(|other| *other != name).collect();
                // Renamed on Enter or when the focus leaves: the rows are sorted by name, so a
                // rename while typing would move the field under the cursor.
                let id = form.id(&format!("secrets.{name}.name"));
                let mut buffer = fields::Buffer::load(ui, id, name.clone());
                let response = ui.add(
                    egui::TextEdit::singleline(&mut buffer.text)
                        .id(id)
                        .hint_text("api_token")
                        .desired_width(130.0),
                );
                let finished = buffer.finish(ui, &response, fields::Commit::OnEnter, |text| {
                    let text = text.trim();
                    if text.is_empty()
                        || !text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        Err(invalid.to_owned())
                    } else if others.iter().any(|other| other.as_str() == text) {
                        Err(taken.to_owned())
                    } else {
                        Ok((text.to_owned(), text.to_owned()))
                    }
                });
                if let Some(new_name) = finished.value {
                    renamed = Some((name.clone(), new_name));
                }
                if let Some(error) = &finished.error {
                    response.on_hover_text(error.as_str());
                }
                if let Some(value) = scenario.secrets.get_mut(name) {
                    let id = form.id(&format!("secrets.{name}.value"));
                    let response = ui.add(
                        egui::TextEdit::singleline(value)
                            .id(id)
                            .password(true)
                            .hint_text(w.tr("sim-value-memory-only"))
                            .desired_width(150.0),
                    );
                    if response.changed() {
                        form.typing(&format!("secrets.{name}.value"));
                    }
                }
                if fields::remove_button_ui(ui, form.lang()).clicked() {
                    removed = Some(name.clone());
                }
            });
        }
        if let Some((old, new)) = renamed
            && let Some(value) = scenario.secrets.remove(&old)
        {
            scenario.secrets.insert(new, value);
            form.step();
        }
        if let Some(name) = removed {
            scenario.secrets.remove(&name);
            form.step();
        }
        if fields::add_button_ui(ui, w.tr("sim-add-secret")).clicked() {
            // Among len + 1 numbers at most len are taken.
            let name = (1..=scenario.secrets.len() + 1)
                .map(|n| {
                    if n == 1 {
                        "api_token".to_owned()
                    } else {
                        format!("secret_{n}")
                    }
                })
                .find(|name| !scenario.secrets.contains_key(name))
                .unwrap_or_default();
            scenario.secrets.insert(name, String::new());
            form.step();
        }
    });
}
