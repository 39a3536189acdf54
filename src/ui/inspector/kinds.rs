//! The forms of the simpler kinds: Entry, Message, Ask, SetVariable, BusinessHours, Queue, End.

use egui::{RichText, Ui};
use fluxo_core::flow::{AskExpect, Channel, Schedule, TemplateMap};

use super::form::{Choice, Form};
use super::tables::{MapSpec, list_ui, map_ui};
use super::template_edit::TemplateStyle;
use crate::tr;
use crate::ui::widgets::fields;
use crate::ui::widgets::fields::Controls as _;
use crate::ui::widgets::{utc_offset_text, weekday_short};

pub(crate) fn entry_ui(form: &mut Form<'_>, ui: &mut Ui, channels: &mut Vec<Channel>) {
    let label = form.label(ui, form.tr("inspector-channels-served"), "channels");
    ui.horizontal_wrapped(|ui| {
        let mut picked: Vec<Channel> = channels.clone();
        for channel in Channel::ALL {
            let mut is_on = channels.contains(&channel);
            if ui
                .checkbox(&mut is_on, channel.as_str())
                .labelled_by(label.id)
                .changed()
            {
                if is_on {
                    picked.push(channel);
                } else {
                    picked.retain(|other| *other != channel);
                }
            }
        }
        if &picked != channels {
            // Keep the platform's order, whatever the order of the clicks.
            *channels = Channel::ALL
                .into_iter()
                .filter(|channel| picked.contains(channel))
                .collect();
            form.step();
        }
    });
    let help = if channels.is_empty() {
        form.tr("inspector-none-checked-every-channel-served")
    } else {
        form.tr("inspector-contact-another-channel-ends-run")
    };
    fields::help_ui(ui, help);
    form.findings_ui(ui, "channels");
}

pub(crate) fn message_ui(
    form: &mut Form<'_>,
    ui: &mut Ui,
    text: &mut String,
    buttons: &mut Vec<String>,
) {
    form.template(
        ui,
        form.tr("kind-message"),
        "text",
        text,
        TemplateStyle::Text,
        form.tr("inspector-what-bot-says-type-insert"),
    );
    list_ui(
        form,
        ui,
        form.tr("inspector-quick-reply-buttons"),
        "buttons",
        buttons,
        true,
        form.tr("inspector-add-button"),
        form.tr("inspector-no-buttons-contact-replies-freely"),
    );
}

/// The fields of an Ask, borrowed from the working copy.
pub(crate) struct AskFields<'k> {
    pub prompt: &'k mut String,
    pub save_as: &'k mut String,
    pub expect: &'k mut AskExpect,
    pub retries: &'k mut u32,
    pub retry_message: &'k mut String,
    pub timeout_s: &'k mut u64,
}

pub(crate) fn ask_ui(form: &mut Form<'_>, ui: &mut Ui, ask: AskFields<'_>) {
    let AskFields {
        prompt,
        save_as,
        expect,
        retries,
        retry_message,
        timeout_s,
    } = ask;
    form.template(
        ui,
        form.tr("inspector-question"),
        "prompt",
        prompt,
        TemplateStyle::Text,
        form.tr("inspector-what-bot-asks-type-insert"),
    );
    form.text(
        ui,
        form.tr("inspector-save-the-answer-as"),
        "save_as",
        save_as,
        form.tr("inspector-variable-name-e-g-cpf"),
    );
    expect_ui(form, ui, expect);
    form.number(
        ui,
        form.tr("inspector-retries"),
        "retries",
        retries,
        form.tr("inspector-times"),
        form.tr("inspector-invalid-answer-asked-again-many"),
    );
    form.template(
        ui,
        form.tr("inspector-retry-message"),
        "retry_message",
        retry_message,
        TemplateStyle::Text,
        form.tr("inspector-empty-question-sent-again"),
    );
    form.number(
        ui,
        form.tr("inspector-timeout"),
        "timeout_s",
        timeout_s,
        "s",
        form.tr("inspector-0-wait-ever-silent-contact"),
    );
}

fn expect_ui(form: &mut Form<'_>, ui: &mut Ui, expect: &mut AskExpect) {
    let mut tag = expect.label();
    let choices = [
        ("Any", form.tr("inspector-any-answer")),
        ("Number", form.tr("inspector-a-number")),
        ("Email", form.tr("inspector-an-e-mail-address")),
        ("Cpf", form.tr("inspector-cpf-check-digits-verified")),
        ("Phone", form.tr("inspector-a-phone-number")),
        ("Options", form.tr("inspector-one-of-the-options")),
        ("Regex", form.tr("inspector-matches-a-regular-expression")),
    ];
    form.combo_field(
        ui,
        form.tr("inspector-accept"),
        "expect",
        &mut tag,
        &choices,
    );
    if tag != expect.label() {
        *expect = match tag {
            "Number" => AskExpect::Number,
            "Email" => AskExpect::Email,
            "Cpf" => AskExpect::Cpf,
            "Phone" => AskExpect::Phone,
            "Options" => AskExpect::Options(Vec::new()),
            "Regex" => AskExpect::Regex(String::new()),
            _ => AskExpect::Any,
        };
    }
    match expect {
        AskExpect::Options(options) => list_ui(
            form,
            ui,
            form.tr("inspector-options"),
            "expect.options",
            options,
            false,
            form.tr("inspector-add-option"),
            form.tr("inspector-no-options-yet-every-answer"),
        ),
        AskExpect::Regex(pattern) => {
            form.text(
                ui,
                form.tr("inspector-pattern"),
                "expect.regex",
                pattern,
                "^[0-9]{5}-?[0-9]{3}$",
            );
            fields::help_ui(ui, form.tr("inspector-whole-trimmed-answer-must-match"));
        }
        _ => {}
    }
}

pub(crate) fn set_variable_ui(form: &mut Form<'_>, ui: &mut Ui, set: &mut TemplateMap) {
    let spec = MapSpec {
        key_header: form.tr("inspector-variable"),
        value_header: form.tr("inspector-value"),
        key_hint: form.tr("inspector-name"),
        value_hint: form.tr("inspector-text-or"),
        values_are_templates: true,
        add: form.tr("inspector-add-variable"),
        new_key: "variavel",
        empty: form.tr("inspector-no-variables-yet"),
    };
    map_ui(form, ui, form.tr("inspector-variables"), "set", set, &spec);
    fields::help_ui(ui, form.tr("inspector-set-order-value-use-ones"));
}

pub(crate) fn business_hours_ui(form: &mut Form<'_>, ui: &mut Ui, schedule: &mut String) {
    let choices: Vec<Choice> = form
        .flow
        .team
        .schedules
        .iter()
        .map(|schedule| Choice {
            value: schedule.name.clone(),
            label: schedule.name.clone(),
        })
        .collect();
    form.picker(
        ui,
        form.tr("inspector-schedule"),
        form.tr("inspector-leaves-open-closed-simulated-clock"),
        "schedule",
        schedule,
        &choices,
        form.tr("inspector-team-has-no-schedules-yet"),
    );
    if let Some(found) = form.flow.team.schedule(schedule) {
        schedule_summary_ui(ui, found, form);
    }
}

/// The schedule's hours, one line per row of weekly hours.
fn schedule_summary_ui(ui: &mut Ui, schedule: &Schedule, form: &Form<'_>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(utc_offset_text(schedule.utc_offset_min)).small());
        for hours in &schedule.weekly {
            let days: Vec<&str> = hours
                .days
                .iter()
                .map(|day| weekday_short(form.lang, *day))
                .collect();
            ui.label(
                RichText::new(format!(
                    "{}  {}–{}",
                    days.join(" "),
                    hours.open,
                    hours.close
                ))
                .small(),
            );
        }
        if !schedule.holidays.is_empty() {
            ui.label(
                RichText::new(format!(
                    "{}: {}",
                    form.tr("inspector-holidays"),
                    schedule.holidays.join(", ")
                ))
                .small()
                .weak(),
            );
        }
    });
}

pub(crate) fn queue_ui(form: &mut Form<'_>, ui: &mut Ui, queue: &mut String, message: &mut String) {
    let choices = department_choices(form);
    let waiting = form.flow.team.waiting.get(queue.as_str()).copied();
    let help = match waiting {
        Some(count) if count > 0 => tr!(
            form.lang,
            "inspector-queue-waiting",
            waiting = count,
            position = count + 1
        ),
        _ => form.tr("inspector-queue-bot-lets-go").to_owned(),
    };
    form.picker(
        ui,
        form.tr("inspector-queue-department"),
        &help,
        "queue",
        queue,
        &choices,
        form.tr("inspector-team-has-no-departments-yet"),
    );
    form.template(
        ui,
        form.tr("kind-message"),
        "message",
        message,
        TemplateStyle::Text,
        form.tr("inspector-sent-before-chat-waits-optional"),
    );
}

/// The team's departments as picker choices.
pub(crate) fn department_choices(form: &Form<'_>) -> Vec<Choice> {
    form.flow
        .team
        .departments
        .iter()
        .map(|name| Choice {
            value: name.clone(),
            label: name.clone(),
        })
        .collect()
}

pub(crate) fn end_ui(form: &mut Form<'_>, ui: &mut Ui, message: &mut String) {
    form.template(
        ui,
        form.tr("inspector-closing-message"),
        "message",
        message,
        TemplateStyle::Text,
        form.tr("inspector-sent-when-run-ends-here"),
    );
}

/// A SubFlow's called flow, typed by name or path (a picker of the folder's flows is to come).
pub(crate) fn subflow_ui(form: &mut Form<'_>, ui: &mut Ui, flow: &mut String) {
    let label = form.tr("inspector-called-flow");
    let hint = form.tr("inspector-called-flow-hint");
    form.text(ui, label, "flow", flow, hint);
}
