//! The `load` section's form: when the day starts, how long it lasts, the chats per hour, the
//! scenario mix and the times. Every field edits a copy of the plan that becomes one
//! `Command::SetLoad` (typing merges by field until focus leaves); a text that is not valid yet
//! stays in its field, red, unapplied. The problems `load::validate` finds are listed under it.

use std::collections::BTreeMap;

use egui::{Id, RichText, Ui};
use fluxo_core::Command;
use fluxo_core::Flow;
use fluxo_core::flow::{Arrivals, DEFAULT_LOAD_START, LoadPlan};
use fluxo_core::load::validate;

use crate::cli::load::problem_message;
use crate::i18n::Lang;
use crate::ui::Edit;
use crate::ui::context::AppCommand;
use crate::ui::theme;
use crate::ui::widgets::fields::{self, Change, Controls};
use crate::ui::widgets::{decimal_text, parse_decimal};

/// The plan's form: ids, how it changed, the language.
struct PlanForm {
    lang: Lang,
    change: Option<Change>,
}

impl Controls for PlanForm {
    fn id(&self, path: &str) -> Id {
        Id::unique(("fluxo.load", path))
    }

    fn typing(&mut self, path: &str) {
        if self.change.is_none() {
            self.change = Some(Change::Typing(format!("load:{path}")));
        }
    }

    fn step(&mut self) {
        self.change = Some(Change::Step);
    }

    fn lang(&self) -> Lang {
        self.lang
    }
}

/// The plan a flow without a `load` section starts from: 30 chats an hour through every
/// scenario, from 08:00 to 18:00, as `fluxo load --rate 30` would run.
pub(crate) fn starting_plan() -> LoadPlan {
    LoadPlan {
        arrivals_per_hour: Arrivals::Each(30.0),
        ..LoadPlan::default()
    }
}

/// A flow without a `load` section: what the tab does, and a button to add one.
pub(super) fn no_plan_ui(ui: &mut Ui, lang: Lang, out: &mut Vec<AppCommand>) {
    fields::help_ui(ui, lang.tr("load-window-explain"));
    ui.add_space(4.0);
    if ui.button(lang.tr("load-window-add-plan")).clicked() {
        out.push(AppCommand::Edit(Edit::new(Command::SetLoad(Some(
            starting_plan(),
        )))));
    }
}

/// The form of `load`; its edit goes to `out`.
pub(super) fn plan_ui(
    ui: &mut Ui,
    lang: Lang,
    flow: &Flow,
    load: &LoadPlan,
    out: &mut Vec<AppCommand>,
) {
    let mut form = PlanForm { lang, change: None };
    let mut plan = load.clone();
    let mut remove = false;
    egui::Grid::new("fluxo.load.plan")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(lang.tr("load-window-start"));
            form.text_inline(
                ui,
                "start",
                &mut plan.start,
                DEFAULT_LOAD_START,
                210.0,
                Some(label.id),
            );
            ui.end_row();

            let label = ui.label(lang.tr("load-window-rates"));
            rates_ui(&mut form, ui, &mut plan.arrivals_per_hour, label.id);
            ui.end_row();

            let label = ui.label(lang.tr("load-window-hours"));
            ui.horizontal(|ui| {
                form.number_inline(ui, "hours", &mut plan.hours, 48.0, Some(label.id));
                ui.label(
                    RichText::new(lang.tr("load-window-hours-help"))
                        .small()
                        .weak(),
                );
            });
            ui.end_row();

            for (path, label_id, value, help) in [
                (
                    "handle_time_s",
                    "load-window-handle-time",
                    &mut plan.handle_time_s,
                    "",
                ),
                (
                    "patience_s",
                    "load-window-patience",
                    &mut plan.patience_s,
                    "load-window-patience-help",
                ),
                (
                    "service_level_s",
                    "load-window-service-level",
                    &mut plan.service_level_s,
                    "",
                ),
            ] {
                let label = ui.label(lang.tr(label_id));
                ui.horizontal(|ui| {
                    number_ui(&mut form, ui, path, value, label.id);
                    ui.label("s");
                    if !help.is_empty() {
                        ui.label(RichText::new(lang.tr(help)).small().weak());
                    }
                });
                ui.end_row();
            }

            let label = ui.label(lang.tr("load-window-seed"));
            form.number_inline(ui, "seed", &mut plan.seed, 80.0, Some(label.id));
            ui.end_row();
        });
    ui.add_space(2.0);
    mix_ui(&mut form, ui, flow, &mut plan.mix);
    ui.horizontal(|ui| {
        if ui
            .small_button(lang.tr("load-window-remove-plan"))
            .on_hover_text(lang.tr("load-window-remove-plan-tooltip"))
            .clicked()
        {
            remove = true;
        }
    });
    problems_ui(ui, lang, flow);
    let command = if remove {
        Command::SetLoad(None)
    } else if &plan != load {
        Command::SetLoad(Some(plan))
    } else {
        return;
    };
    let edit = match form.change {
        Some(Change::Typing(key)) if !remove => Edit::typing(command, key),
        _ => Edit::new(command),
    };
    out.push(AppCommand::Edit(edit));
}

/// Chats per hour: one number for every hour, or one per hour (`30, 60, 90`).
fn rates_ui(form: &mut PlanForm, ui: &mut Ui, arrivals: &mut Arrivals, label: Id) {
    let lang = form.lang;
    let mut text = rates_text(lang, arrivals);
    let not_rates = lang.tr("load-window-rates-invalid");
    let width = (ui.available_width() - 8.0).clamp(210.0, 420.0);
    let changed = form.validated_inline(
        ui,
        "rates",
        &mut text,
        "30, 60, 90",
        width,
        Some(label),
        |typed| {
            parse_rates(typed)
                .map(|rates| {
                    let text = rates_text(lang, &rates);
                    (text.clone(), text)
                })
                .ok_or_else(|| not_rates.to_owned())
        },
    );
    if changed && let Some(rates) = parse_rates(&text) {
        *arrivals = rates;
        form.typing("rates");
    }
}

/// The rates as written in the field: `30` for one rate, `30, 60, 90` for a list (`30; 60; 12,5`
/// in Portuguese, whose decimal mark is the comma).
pub(crate) fn rates_text(lang: Lang, arrivals: &Arrivals) -> String {
    let number = |rate: f64| match lang {
        Lang::En => rate.to_string(),
        Lang::PtBr => rate.to_string().replace('.', ","),
    };
    match arrivals {
        Arrivals::Each(rate) => number(*rate),
        Arrivals::PerHour(rates) => {
            let separator = match lang {
                Lang::En => ", ",
                Lang::PtBr => "; ",
            };
            rates
                .iter()
                .map(|rate| number(*rate))
                .collect::<Vec<_>>()
                .join(separator)
        }
    }
}

/// `30` is one rate for every hour; `30, 60, 90`, `30 60 90` or `30; 60; 12,5` one per hour (a
/// comma followed by a blank, a semicolon or blanks separate; a comma inside a number is a
/// decimal mark). None for anything else.
pub(crate) fn parse_rates(text: &str) -> Option<Arrivals> {
    let rates: Option<Vec<f64>> = text
        .split([';', ' ', '\t'])
        .map(|piece| piece.trim().trim_end_matches(','))
        .filter(|piece| !piece.is_empty())
        .map(|piece| parse_decimal(piece).filter(|rate| rate.is_finite()))
        .collect();
    let rates = rates?;
    let trimmed = text.trim();
    match rates.as_slice() {
        [] => None,
        [rate] if parse_decimal(trimmed).is_some() => Some(Arrivals::Each(*rate)),
        _ => Some(Arrivals::PerHour(rates)),
    }
}

/// A number (seconds, a weight), with either decimal mark. True when it changed.
fn number_ui(form: &mut PlanForm, ui: &mut Ui, path: &str, value: &mut f64, label: Id) -> bool {
    let lang = form.lang;
    let not_a_number = lang.tr("load-window-not-a-number");
    let mut text = seconds_text(lang, *value);
    let changed = form.validated_inline(ui, path, &mut text, "0", 64.0, Some(label), |typed| {
        parse_decimal(typed)
            .filter(|seconds| seconds.is_finite())
            .map(|seconds| (seconds_text(lang, seconds), seconds_text(lang, seconds)))
            .ok_or_else(|| not_a_number.to_owned())
    });
    if changed && let Some(seconds) = parse_decimal(&text) {
        *value = seconds;
        form.typing(path);
        return true;
    }
    false
}

/// `420`, `12.5` (`12,5` in Portuguese).
fn seconds_text(lang: Lang, seconds: f64) -> String {
    if seconds.fract() == 0.0 && seconds.abs() < 1e15 {
        format!("{seconds:.0}")
    } else {
        decimal_text(lang, seconds, 1)
    }
}

/// The scenario mix: a weight per scenario (none listed: every scenario, weight 1).
fn mix_ui(form: &mut PlanForm, ui: &mut Ui, flow: &Flow, mix: &mut BTreeMap<String, f64>) {
    let lang = form.lang;
    ui.label(RichText::new(lang.tr("load-window-mix")).strong());
    if flow.scenarios.is_empty() {
        fields::help_ui(ui, lang.tr("load-window-mix-no-scenarios"));
        return;
    }
    if mix.is_empty() {
        fields::help_ui(ui, lang.tr("load-window-mix-all"));
    }
    let mut weights: Vec<(String, f64)> = flow
        .scenarios
        .iter()
        .map(|scenario| {
            let weight = if mix.is_empty() {
                1.0
            } else {
                mix.get(&scenario.name).copied().unwrap_or(0.0)
            };
            (scenario.name.clone(), weight)
        })
        .collect();
    let mut changed = false;
    egui::Grid::new("fluxo.load.mix")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (index, (name, weight)) in weights.iter_mut().enumerate() {
                let label = ui.label(name.as_str());
                let path = format!("mix.{index}");
                changed |= number_ui(form, ui, &path, weight, label.id);
                ui.end_row();
            }
        });
    // Names the mix lists that are not scenarios stay as written (the problems below say so).
    if changed {
        let known: Vec<&String> = weights.iter().map(|(name, _)| name).collect();
        mix.retain(|name, _| !known.contains(&name));
        mix.extend(weights);
    }
    if !mix.is_empty() && ui.small_button(lang.tr("load-window-mix-reset")).clicked() {
        mix.clear();
        form.step();
    }
}

/// What `load::validate` finds, worded.
fn problems_ui(ui: &mut Ui, lang: Lang, flow: &Flow) {
    for problem in validate(flow) {
        let severity = if problem.blocks_run() {
            fluxo_core::Severity::Error
        } else {
            fluxo_core::Severity::Warning
        };
        ui.label(
            RichText::new(problem_message(&problem, lang))
                .small()
                .color(theme::severity_color(severity)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_read_in_either_language() {
        assert_eq!(parse_rates("30"), Some(Arrivals::Each(30.0)));
        assert_eq!(parse_rates(" 12,5 "), Some(Arrivals::Each(12.5)));
        assert_eq!(
            parse_rates("30, 60, 90"),
            Some(Arrivals::PerHour(vec![30.0, 60.0, 90.0]))
        );
        assert_eq!(
            parse_rates("30; 12,5"),
            Some(Arrivals::PerHour(vec![30.0, 12.5]))
        );
        assert_eq!(
            parse_rates("30 60"),
            Some(Arrivals::PerHour(vec![30.0, 60.0]))
        );
        assert_eq!(parse_rates("30;"), Some(Arrivals::PerHour(vec![30.0])));
        assert_eq!(parse_rates(""), None);
        assert_eq!(parse_rates("trinta"), None);
        assert_eq!(parse_rates("30, x"), None);
        assert_eq!(parse_rates("inf"), None);
        let list = Arrivals::PerHour(vec![30.0, 12.5]);
        assert_eq!(rates_text(Lang::En, &list), "30, 12.5");
        assert_eq!(rates_text(Lang::PtBr, &list), "30; 12,5");
        for lang in Lang::ALL {
            assert_eq!(parse_rates(&rates_text(lang, &list)), Some(list.clone()));
        }
    }
}
