//! The forms of the simpler kinds: Entry, Message, Ask, SetVariable, BusinessHours, Queue, End.

use egui::{RichText, Ui};
use fluxo_core::flow::{AskExpect, Channel, Schedule, TemplateMap};

use super::form::{Choice, Form};
use super::tables::{MapSpec, list_ui, map_ui};
use super::template_edit::TemplateStyle;
use crate::ui::widgets::fields;
use crate::ui::widgets::fields::Controls as _;
use crate::ui::widgets::utc_offset_text;

pub(crate) fn entry_ui(form: &mut Form<'_>, ui: &mut Ui, channels: &mut Vec<Channel>) {
    let label = form.label(ui, form.tr("Channels served"), "channels");
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
        form.tr("None checked: every channel is served.")
    } else {
        form.tr("A contact on another channel ends the run at once (ChannelNotServed).")
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
        form.tr("Message"),
        "text",
        text,
        TemplateStyle::Text,
        form.tr("What the bot says. Type {{ to insert a variable."),
    );
    list_ui(
        form,
        ui,
        form.tr("Quick-reply buttons"),
        "buttons",
        buttons,
        true,
        form.tr("Add button"),
        form.tr("No buttons: the contact replies freely."),
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
        form.tr("Question"),
        "prompt",
        prompt,
        TemplateStyle::Text,
        form.tr("What the bot asks. Type {{ to insert a variable."),
    );
    form.text(
        ui,
        form.tr("Save the answer as"),
        "save_as",
        save_as,
        form.tr("variable name, e.g. cpf"),
    );
    expect_ui(form, ui, expect);
    form.number(
        ui,
        form.tr("Retries"),
        "retries",
        retries,
        form.tr("times"),
        form.tr("An invalid answer is asked again this many times, then leaves by invalid."),
    );
    form.template(
        ui,
        form.tr("Retry message"),
        "retry_message",
        retry_message,
        TemplateStyle::Text,
        form.tr("Empty: the question is sent again."),
    );
    form.number(
        ui,
        form.tr("Timeout"),
        "timeout_s",
        timeout_s,
        "s",
        form.tr("0 = wait for ever. A silent contact leaves by timeout."),
    );
}

fn expect_ui(form: &mut Form<'_>, ui: &mut Ui, expect: &mut AskExpect) {
    let mut tag = expect.label();
    let choices = [
        ("Any", form.tr("Any answer")),
        ("Number", form.tr("A number")),
        ("Email", form.tr("An e-mail address")),
        ("Cpf", form.tr("A CPF (check digits verified)")),
        ("Phone", form.tr("A phone number")),
        ("Options", form.tr("One of the options")),
        ("Regex", form.tr("Matches a regular expression")),
    ];
    form.combo_field(ui, form.tr("Accept"), "expect", &mut tag, &choices);
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
            form.tr("Options"),
            "expect.options",
            options,
            false,
            form.tr("Add option"),
            form.tr("No options yet: every answer is invalid."),
        ),
        AskExpect::Regex(pattern) => {
            form.text(
                ui,
                form.tr("Pattern"),
                "expect.regex",
                pattern,
                "^[0-9]{5}-?[0-9]{3}$",
            );
            fields::help_ui(ui, form.tr("The whole trimmed answer must match."));
        }
        _ => {}
    }
}

pub(crate) fn set_variable_ui(form: &mut Form<'_>, ui: &mut Ui, set: &mut TemplateMap) {
    let spec = MapSpec {
        key_header: form.tr("Variable"),
        value_header: form.tr("Value"),
        key_hint: form.tr("name"),
        value_hint: form.tr("text or {{variable}}"),
        values_are_templates: true,
        add: form.tr("Add variable"),
        new_key: "variavel",
        empty: form.tr("No variables yet."),
    };
    map_ui(form, ui, form.tr("Variables"), "set", set, &spec);
    fields::help_ui(
        ui,
        form.tr(
            "Set in order, so a value can use the ones above it. contact.custom.KEY updates the contact's custom field.",
        ),
    );
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
        form.tr("Schedule"),
        form.tr("Leaves by open or closed at the simulated clock."),
        "schedule",
        schedule,
        &choices,
        form.tr("The team has no schedules yet: add one in the team editor."),
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
                .map(|day| crate::ui::i18n::translate(form.lang, day.as_str()))
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
                    form.tr("Holidays"),
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
        Some(count) if count > 0 => form
            .tr("{n} chats wait in this queue: this one would be number {m}.")
            .replace("{n}", &count.to_string())
            .replace("{m}", &(count + 1).to_string()),
        _ => form
            .tr("The bot lets go and the chat waits for an agent of this department.")
            .to_owned(),
    };
    form.picker(
        ui,
        form.tr("Queue (department)"),
        &help,
        "queue",
        queue,
        &choices,
        form.tr("The team has no departments yet: add one in the team editor."),
    );
    form.template(
        ui,
        form.tr("Message"),
        "message",
        message,
        TemplateStyle::Text,
        form.tr("Sent before the chat waits (optional)."),
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
        form.tr("Closing message"),
        "message",
        message,
        TemplateStyle::Text,
        form.tr("Sent when the run ends here (optional)."),
    );
}
