//! The scenario editor: every field of the picked scenario, on a working copy that becomes one
//! `SetScenarios` edit (typing merges by field, a click is one step), so undo works as
//! everywhere else. This file holds the form and the world the run starts in: the name, the
//! contact with the team's custom fields by kind, the agents' status overrides, the clock and the
//! seed. The script (replies, outcomes, mocks, secrets) and the expectations have their own
//! files.

use egui::{Id, RichText, Ui};
use fluxo_core::Command;
use fluxo_core::clock;
use fluxo_core::flow::{
    AgentStatus, Channel, CustomField, DEFAULT_CLOCK, FieldKind, Flow, Scenario,
};

use super::{scenario_expect, scenario_script};
use crate::i18n::Lang;
use crate::i18n::events::status_words;
use crate::tr;
use crate::ui::Edit;
use crate::ui::widgets::fields::Change;
use crate::ui::widgets::fields::{self, Controls};
use crate::ui::widgets::{utc_offset_text, weekday_name};

/// The form of scenario `index`: how the working copy changed this frame.
pub(crate) struct ScenarioForm {
    pub index: usize,
    lang: Lang,
    change: Option<Change>,
}

impl Controls for ScenarioForm {
    fn id(&self, path: &str) -> Id {
        Id::unique(("fluxo.sim.scenario", self.index, path))
    }

    fn typing(&mut self, path: &str) {
        if self.change.is_none() {
            self.change = Some(Change::Typing(format!(
                "sim:scenario:{}:{path}",
                self.index
            )));
        }
    }

    fn step(&mut self) {
        self.change = Some(Change::Step);
    }

    fn lang(&self) -> Lang {
        self.lang
    }
}

impl ScenarioForm {
    pub fn words(&self) -> Lang {
        self.lang
    }

    /// A combo whose choices are labelled by owned strings.
    pub fn combo_owned<T: PartialEq + Clone>(
        &mut self,
        ui: &mut Ui,
        path: &str,
        value: &mut T,
        choices: &[(T, String)],
        width: f32,
        name: &str,
    ) {
        let borrowed: Vec<(T, &str)> = choices
            .iter()
            .map(|(value, label)| (value.clone(), label.as_str()))
            .collect();
        self.combo(ui, path, value, &borrowed, width, name);
    }
}

/// A two-column grid of labelled fields.
pub(crate) fn grid<R>(ui: &mut Ui, id: Id, body: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([10.0, 5.0])
        .show(ui, body)
        .inner
}

/// The editor of scenario `index` of `flow`; the one edit the user made, if any.
pub(crate) fn scenario_editor_ui(
    ui: &mut Ui,
    lang: Lang,
    flow: &Flow,
    index: usize,
) -> Option<Edit> {
    let original = flow.scenarios.get(index)?;
    let mut form = ScenarioForm {
        index,
        lang,
        change: None,
    };
    let mut working = original.clone();
    ui.spacing_mut().item_spacing.y = 5.0;
    name_ui(&mut form, ui, flow, &mut working);
    contact_ui(&mut form, ui, flow, &mut working);
    overrides_ui(&mut form, ui, flow, &mut working);
    clock_ui(&mut form, ui, &mut working);
    scenario_script::script_ui(&mut form, ui, &mut working);
    scenario_script::mocks_ui(&mut form, ui, &mut working);
    scenario_script::secrets_ui(&mut form, ui, &mut working);
    scenario_expect::expect_ui(&mut form, ui, flow, &mut working);
    if working == *original {
        return None;
    }
    let mut scenarios = flow.scenarios.clone();
    if let Some(slot) = scenarios.get_mut(index) {
        *slot = working;
    }
    let command = Command::SetScenarios(scenarios);
    Some(match form.change {
        Some(Change::Typing(key)) => Edit::typing(command, key),
        _ => Edit::new(command),
    })
}

fn name_ui(form: &mut ScenarioForm, ui: &mut Ui, flow: &Flow, scenario: &mut Scenario) {
    let w = form.words();
    let label = fields::label_ui(ui, w.tr("sim-scenario-name"), None);
    let index = form.index;
    let empty = w.tr("sim-scenario-needs-name");
    let taken = w.tr("sim-another-scenario-has-name");
    let changed = form.validated_inline(
        ui,
        "name",
        &mut scenario.name,
        "",
        f32::INFINITY,
        Some(label.id),
        |text| {
            let name = text.trim();
            if name.is_empty() {
                return Err(empty.to_owned());
            }
            let is_taken = flow
                .scenarios
                .iter()
                .enumerate()
                .any(|(other, scenario)| other != index && scenario.name == name);
            if is_taken {
                return Err(taken.to_owned());
            }
            Ok((name.to_owned(), name.to_owned()))
        },
    );
    if changed {
        form.typing("name");
    }
}

fn contact_ui(form: &mut ScenarioForm, ui: &mut Ui, flow: &Flow, scenario: &mut Scenario) {
    let w = form.words();
    fields::section_ui(ui, form.id("section.contact"), w.tr("sim-contact"), |ui| {
        let contact = &mut scenario.contact;
        grid(ui, form.id("contact.grid"), |ui| {
            for (path, label, value, hint) in [
                (
                    "contact.name",
                    w.tr("team-name"),
                    &mut contact.name,
                    "Maria Silva",
                ),
                (
                    "contact.phone",
                    w.tr("sim-phone"),
                    &mut contact.phone,
                    "+5511999990000",
                ),
                (
                    "contact.email",
                    w.tr("sim-email"),
                    &mut contact.email,
                    "maria@exemplo.com",
                ),
            ] {
                let label = ui.label(label);
                form.text_inline(ui, path, value, hint, 220.0, Some(label.id));
                ui.end_row();
            }
            ui.label(w.tr("sim-channel"));
            let mut choices = vec![(None, w.tr("sim-whatsapp-default").to_owned())];
            choices
                .extend(Channel::ALL.map(|channel| (Some(channel), channel.as_str().to_owned())));
            form.combo_owned(
                ui,
                "contact.channel",
                &mut contact.channel,
                &choices,
                200.0,
                w.tr("sim-channel"),
            );
            ui.end_row();
            ui.label(w.tr("sim-last-agent"));
            let agents = agent_choices(flow, w.tr("sim-nobody"));
            agent_combo(
                form,
                ui,
                "contact.last_agent",
                &mut contact.last_agent,
                &agents,
                w.tr("sim-last-agent"),
            );
            ui.end_row();
        });
        custom_fields_ui(form, ui, flow, scenario);
    });
}

/// The team's agents as combo choices, `none` first (the empty id).
fn agent_choices(flow: &Flow, none: &str) -> Vec<(String, String)> {
    let mut choices = vec![(String::new(), none.to_owned())];
    choices.extend(flow.team.agents.iter().map(|agent| {
        (
            agent.id.clone(),
            format!("{} ({})", agent.display_name(), agent.id),
        )
    }));
    choices
}

/// A combo of agent ids; a value the team lacks is kept and shown marked.
fn agent_combo(
    form: &mut ScenarioForm,
    ui: &mut Ui,
    path: &str,
    value: &mut String,
    choices: &[(String, String)],
    name: &str,
) {
    let mut choices = choices.to_vec();
    if !choices.iter().any(|(id, _)| id == value) {
        choices.push((value.clone(), format!("! {value}")));
    }
    form.combo_owned(ui, path, value, &choices, 200.0, name);
}

fn custom_fields_ui(form: &mut ScenarioForm, ui: &mut Ui, flow: &Flow, scenario: &mut Scenario) {
    let w = form.words();
    if flow.team.custom_fields.is_empty() && scenario.contact.custom.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(
        RichText::new(w.tr("team-custom-fields"))
            .strong()
            .size(12.5),
    );
    let mut removed = None;
    grid(ui, form.id("contact.custom.grid"), |ui| {
        for field in &flow.team.custom_fields {
            let label = if field.label.is_empty() {
                field.key.clone()
            } else {
                format!("{} ({})", field.label, field.key)
            };
            let label = ui.label(label);
            custom_value_ui(
                form,
                ui,
                flow,
                field,
                &mut scenario.contact.custom,
                label.id,
            );
            ui.end_row();
        }
        // Values for fields the team does not have (a renamed field, say): shown, removable.
        let known: Vec<&str> = flow
            .team
            .custom_fields
            .iter()
            .map(|f| f.key.as_str())
            .collect();
        for key in scenario.contact.custom.keys() {
            if known.contains(&key.as_str()) {
                continue;
            }
            ui.label(fields::foreign_text(key))
                .on_hover_text(w.tr("sim-team-has-no-custom-field"));
            ui.horizontal(|ui| {
                ui.label(scenario.contact.custom.get(key).map_or("", String::as_str));
                if fields::remove_button_ui(ui, form.lang()).clicked() {
                    removed = Some(key.clone());
                }
            });
            ui.end_row();
        }
    });
    if let Some(key) = removed {
        scenario.contact.custom.remove(&key);
        form.step();
    }
}

/// One custom field's value, with a control that fits its kind; empty removes the value.
fn custom_value_ui(
    form: &mut ScenarioForm,
    ui: &mut Ui,
    flow: &Flow,
    field: &CustomField,
    custom: &mut std::collections::BTreeMap<String, String>,
    label: Id,
) {
    let w = form.words();
    let path = format!("contact.custom.{}", field.key);
    let mut value = custom.get(&field.key).cloned().unwrap_or_default();
    let before = value.clone();
    match field.kind {
        FieldKind::Agent => {
            let choices = agent_choices(flow, w.tr("sim-no-value"));
            agent_combo(form, ui, &path, &mut value, &choices, &field.key);
        }
        FieldKind::Boolean => {
            let choices = [
                (String::new(), w.tr("sim-no-value").to_owned()),
                ("true".to_owned(), w.tr("sim-yes-true").to_owned()),
                ("false".to_owned(), w.tr("sim-no-false").to_owned()),
            ];
            let mut choices = choices.to_vec();
            if !choices.iter().any(|(v, _)| *v == value) {
                choices.push((value.clone(), format!("! {value}")));
            }
            form.combo_owned(ui, &path, &mut value, &choices, 200.0, &field.key);
        }
        FieldKind::Number => {
            let message = w.tr("sim-write-number-like-42-1");
            if form.validated_inline(ui, &path, &mut value, "42", 200.0, Some(label), |text| {
                let text = text.trim();
                let number = text.replace(',', ".");
                if text.is_empty() || number.parse::<f64>().is_ok_and(f64::is_finite) {
                    Ok((text.to_owned(), text.to_owned()))
                } else {
                    Err(message.to_owned())
                }
            }) {
                form.typing(&path);
            }
        }
        FieldKind::Date => {
            let message = w.tr("sim-write-date-yyyy-mm-dd");
            if form.validated_inline(
                ui,
                &path,
                &mut value,
                "2026-11-23",
                200.0,
                Some(label),
                |text| {
                    let text = text.trim();
                    if text.is_empty() || clock::parse_date(text).is_some() {
                        Ok((text.to_owned(), text.to_owned()))
                    } else {
                        Err(message.to_owned())
                    }
                },
            ) {
                form.typing(&path);
            }
        }
        FieldKind::Text => form.text_inline(ui, &path, &mut value, "", 200.0, Some(label)),
    }
    if value != before {
        if value.is_empty() {
            custom.remove(&field.key);
        } else {
            custom.insert(field.key.clone(), value);
        }
    }
}

fn overrides_ui(form: &mut ScenarioForm, ui: &mut Ui, flow: &Flow, scenario: &mut Scenario) {
    let w = form.words();
    fields::section_ui(
        ui,
        form.id("section.agents"),
        w.tr("sim-agent-statuses"),
        |ui| {
            fields::help_ui(ui, w.tr("sim-each-agent-starts-team-status"));
            if flow.team.agents.is_empty() {
                fields::help_ui(ui, w.tr("sim-team-has-no-agents"));
                return;
            }
            let columns = egui::Grid::new(form.id("agents.grid"))
                .num_columns(3)
                .spacing([10.0, 5.0]);
            columns.show(ui, |ui| {
                for header in [
                    w.tr("inspector-agent"),
                    w.tr("sim-status-in-this-scenario"),
                    w.tr("sim-chats"),
                ] {
                    ui.label(RichText::new(header).small().weak());
                }
                ui.end_row();
                for agent in &flow.team.agents {
                    let chats = if agent.capacity == 0 {
                        format!("{} / {}", agent.active_chats, w.tr("sim-no-limit"))
                    } else {
                        format!("{} / {}", agent.active_chats, agent.capacity)
                    };
                    ui.label(agent.display_name()).on_hover_text(format!(
                        "{} · {}",
                        agent.id,
                        agent.departments.join(", ")
                    ));
                    let mut status = scenario.agents.get(&agent.id).copied();
                    let team_default = tr!(
                        w,
                        "sim-team-default-status",
                        status = status_words(w, agent.status)
                    );
                    let mut choices: Vec<(Option<AgentStatus>, String)> =
                        vec![(None, team_default)];
                    choices.extend(
                        AgentStatus::ALL
                            .map(|choice| (Some(choice), status_words(w, choice).to_owned())),
                    );
                    let name = format!("{} {}", w.tr("sim-override-for"), agent.id);
                    form.combo_owned(
                        ui,
                        &format!("agents.{}", agent.id),
                        &mut status,
                        &choices,
                        190.0,
                        &name,
                    );
                    ui.label(RichText::new(chats).weak())
                        .on_hover_text(w.tr("sim-active-chats-capacity-team"));
                    match status {
                        Some(status) => scenario.agents.insert(agent.id.clone(), status),
                        None => scenario.agents.remove(&agent.id),
                    };
                    ui.end_row();
                }
            });
            let unknown: Vec<String> = scenario
                .agents
                .keys()
                .filter(|id| flow.team.agents.iter().all(|agent| &agent.id != *id))
                .cloned()
                .collect();
            for id in unknown {
                ui.horizontal(|ui| {
                    ui.label(fields::foreign_text(&id))
                        .on_hover_text(w.tr("sim-team-has-no-agent-id"));
                    if fields::remove_button_ui(ui, form.lang()).clicked() {
                        scenario.agents.remove(&id);
                        form.step();
                    }
                });
            }
        },
    );
}

/// Common UTC offsets (Brazil's first), in minutes.
const OFFSETS: [i32; 7] = [-180, -240, -300, -120, 0, 60, 120];

fn clock_ui(form: &mut ScenarioForm, ui: &mut Ui, scenario: &mut Scenario) {
    let w = form.words();
    fields::section_ui(
        ui,
        form.id("section.clock"),
        w.tr("sim-clock-and-seed"),
        |ui| {
            let mut is_fixed = scenario.clock.is_some();
            if ui
                .checkbox(&mut is_fixed, w.tr("sim-run-starts-set-time"))
                .on_hover_text(w.tr("sim-otherwise-monday-2026-01-05"))
                .changed()
            {
                scenario.clock = is_fixed.then(|| DEFAULT_CLOCK.to_owned());
                form.step();
            }
            if let Some(text) = scenario.clock.clone() {
                match clock::parse_rfc3339(&text) {
                    Ok(start) => start_time_ui(form, ui, &mut scenario.clock, start),
                    Err(error) => {
                        fields::error_ui(ui, &error);
                        let mut raw = text;
                        form.text_inline(
                            ui,
                            "clock.raw",
                            &mut raw,
                            DEFAULT_CLOCK,
                            f32::INFINITY,
                            None,
                        );
                        scenario.clock = Some(raw);
                    }
                }
            }
            grid(ui, form.id("seed.grid"), |ui| {
                let label = ui
                    .label(w.tr("sim-seed"))
                    .on_hover_text(w.tr("sim-picks-random-route-agent-same"));
                form.number_inline(ui, "seed", &mut scenario.seed, 120.0, Some(label.id));
                ui.end_row();
            });
        },
    );
}

/// Date, time and UTC offset of a valid start time; each edit is checked again as RFC 3339.
fn start_time_ui(
    form: &mut ScenarioForm,
    ui: &mut Ui,
    target: &mut Option<String>,
    start: clock::Clock,
) {
    let w = form.words();
    let local = start.local();
    let mut date = local.date.to_string();
    let mut time = local.hhmm();
    let mut offset = start.offset_min;
    grid(ui, form.id("clock.grid"), |ui| {
        let label = ui.label(w.tr("team-date"));
        let bad_date = w.tr("sim-write-date-yyyy-mm-dd");
        if form.validated_inline(
            ui,
            "clock.date",
            &mut date,
            "2026-11-23",
            120.0,
            Some(label.id),
            |text| {
                clock::parse_date(text.trim())
                    .map(|date| (date.to_string(), date.to_string()))
                    .ok_or_else(|| bad_date.to_owned())
            },
        ) {
            form.typing("clock.date");
        }
        ui.label(RichText::new(weekday_name(w, local.weekday)).weak());
        ui.end_row();
        let label = ui.label(w.tr("sim-time"));
        let bad_time = w.tr("sim-write-time-hh-mm-like");
        if form.validated_inline(
            ui,
            "clock.time",
            &mut time,
            "10:15",
            120.0,
            Some(label.id),
            |text| match clock::parse_hhmm(text) {
                Some(minutes) if minutes < 1440 => {
                    let canonical = format!("{:02}:{:02}", minutes / 60, minutes % 60);
                    Ok((canonical.clone(), canonical))
                }
                _ => Err(bad_time.to_owned()),
            },
        ) {
            form.typing("clock.time");
        }
        ui.label("");
        ui.end_row();
        ui.label(w.tr("team-utc-offset"));
        let mut choices: Vec<(i32, String)> = OFFSETS
            .iter()
            .map(|&minutes| (minutes, utc_offset_text(minutes)))
            .collect();
        if !choices.iter().any(|(minutes, _)| *minutes == offset) {
            choices.push((offset, utc_offset_text(offset)));
        }
        form.combo_owned(
            ui,
            "clock.offset",
            &mut offset,
            &choices,
            120.0,
            w.tr("team-utc-offset"),
        );
        ui.label("");
        ui.end_row();
    });
    let sign = if offset < 0 { '-' } else { '+' };
    let abs = offset.unsigned_abs();
    let text = format!(
        "{date}T{time}:{:02}{sign}{:02}:{:02}",
        local.second,
        abs / 60,
        abs % 60
    );
    if clock::parse_rfc3339(&text).is_ok_and(|clock| clock != start) {
        *target = Some(text);
    }
}
