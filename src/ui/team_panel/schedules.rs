//! Schedules ("Expediente"): name, UTC offset, weekly hours (day toggles, open and close as
//! `HH:MM`) and holidays (`YYYY-MM-DD`), each validated as typed.

use egui::{RichText, Ui};
use fluxo_core::clock::{parse_date, parse_hhmm};
use fluxo_core::flow::{Schedule, Team, Weekday, WeeklyHours};

use super::TeamForm;
use super::departments::unique_name;
use crate::ui::widgets::fields::{self, Controls};
use crate::ui::widgets::{utc_offset_text, weekday_short};

pub(crate) fn schedules_ui(form: &mut TeamForm, ui: &mut Ui, team: &mut Team) {
    let title = form.tr("team-schedules");
    fields::section_ui(ui, form.id("section.schedules"), title, |ui| {
        fields::help_ui(
            ui,
            form.tr("team-business-hours-expediente-businesshours-nodes"),
        );
        let len = team.schedules.len();
        let mut action = None;
        for index in 0..len {
            let names: Vec<String> = team
                .schedules
                .iter()
                .enumerate()
                .filter(|(other, _)| *other != index)
                .map(|(_, schedule)| schedule.name.clone())
                .collect();
            let Some(schedule) = team.schedules.get_mut(index) else {
                continue;
            };
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                if let Some(row) = schedule_ui(form, ui, index, len, schedule, &names) {
                    action = Some((index, row));
                }
            });
        }
        if let Some((index, row)) = action {
            fields::apply_row_action(&mut team.schedules, index, row);
            form.step();
        }
        if fields::add_button_ui(ui, form.tr("team-add-schedule")).clicked() {
            let taken: Vec<String> = team.schedules.iter().map(|s| s.name.clone()).collect();
            team.schedules.push(Schedule {
                name: unique_name(&taken, "Expediente"),
                utc_offset_min: -180,
                weekly: vec![WeeklyHours {
                    days: Weekday::ALL[..5].to_vec(),
                    open: "08:00".into(),
                    close: "18:00".into(),
                }],
                holidays: Vec::new(),
            });
            form.step();
        }
    });
}

/// One schedule's card.
fn schedule_ui(
    form: &mut TeamForm,
    ui: &mut Ui,
    index: usize,
    len: usize,
    schedule: &mut Schedule,
    others: &[String],
) -> Option<fields::RowAction> {
    let path = format!("schedules[{index}]");
    let mut action = None;
    let (empty, taken) = (
        form.tr("team-give-schedule-name"),
        form.tr("team-another-schedule-has-name"),
    );
    ui.horizontal(|ui| {
        let label = TeamForm::label(ui, form.tr("team-name"));
        let changed = form.validated_inline(
            ui,
            &format!("{path}.name"),
            &mut schedule.name,
            "Expediente",
            160.0,
            Some(label.id),
            |text| {
                let text = text.trim();
                if text.is_empty() {
                    Err(empty.to_owned())
                } else if others.iter().any(|other| other == text) {
                    Err(taken.to_owned())
                } else {
                    Ok((text.to_owned(), text.to_owned()))
                }
            },
        );
        if changed {
            form.typing(&format!("{path}.name"));
        }
        offset_ui(form, ui, &path, &mut schedule.utc_offset_min);
        action = fields::row_buttons_ui(ui, form.lang(), index, len);
    });
    weekly_ui(form, ui, &path, &mut schedule.weekly);
    holidays_ui(form, ui, &path, &mut schedule.holidays);
    action
}

/// The UTC offsets in use in the world, in minutes.
fn offsets() -> Vec<i32> {
    let mut out: Vec<i32> = (-24..=28).map(|half_hours| half_hours * 30).collect();
    out.extend([345, 525, 765]);
    out.sort_unstable();
    out
}

fn offset_ui(form: &mut TeamForm, ui: &mut Ui, path: &str, offset: &mut i32) {
    let mut choices: Vec<(i32, String)> = offsets()
        .into_iter()
        .map(|minutes| (minutes, utc_offset_text(minutes)))
        .collect();
    if !choices.iter().any(|(minutes, _)| minutes == offset) {
        choices.push((*offset, utc_offset_text(*offset)));
    }
    let borrowed: Vec<(i32, &str)> = choices
        .iter()
        .map(|(minutes, text)| (*minutes, text.as_str()))
        .collect();
    form.combo(
        ui,
        &format!("{path}.utc_offset_min"),
        offset,
        &borrowed,
        100.0,
        form.tr("team-utc-offset"),
    )
    .on_hover_text(form.tr("team-schedule-local-time"));
}

fn weekly_ui(form: &mut TeamForm, ui: &mut Ui, path: &str, weekly: &mut Vec<WeeklyHours>) {
    TeamForm::header(ui, form.tr("team-weekly-hours"));
    if weekly.is_empty() {
        fields::help_ui(ui, form.tr("team-no-hours-always-closed"));
    }
    let len = weekly.len();
    let mut action = None;
    let bad_time = form.tr("team-write-time-hh-mm-24");
    for (index, hours) in weekly.iter_mut().enumerate() {
        let row_path = format!("{path}.weekly[{index}]");
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 2.0;
            for day in Weekday::ALL {
                let is_on = hours.days.contains(&day);
                let text = RichText::new(weekday_short(form.lang(), day)).small();
                if ui.selectable_label(is_on, text).clicked() {
                    if is_on {
                        hours.days.retain(|other| *other != day);
                    } else {
                        hours.days.push(day);
                        hours.days.sort();
                    }
                    form.step();
                }
            }
            ui.add_space(8.0);
            for (field, value) in [("open", &mut hours.open), ("close", &mut hours.close)] {
                let field_path = format!("{row_path}.{field}");
                let changed =
                    form.validated_inline(ui, &field_path, value, "08:00", 48.0, None, |text| {
                        parse_hhmm(text)
                            .map(|_| (text.trim().to_owned(), text.trim().to_owned()))
                            .ok_or_else(|| bad_time.to_owned())
                    });
                if changed {
                    form.typing(&field_path);
                }
                if field == "open" {
                    ui.label("–");
                }
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 6.0;
                if let Some(row) = fields::row_buttons_ui(ui, form.lang(), index, len) {
                    action = Some((index, row));
                }
            });
        });
    }
    if let Some((index, row)) = action {
        fields::apply_row_action(weekly, index, row);
        form.step();
    }
    if fields::add_button_ui(ui, form.tr("team-add-hours")).clicked() {
        weekly.push(WeeklyHours {
            days: vec![Weekday::Sat],
            open: "08:00".into(),
            close: "12:00".into(),
        });
        form.step();
    }
}

fn holidays_ui(form: &mut TeamForm, ui: &mut Ui, path: &str, holidays: &mut Vec<String>) {
    TeamForm::header(ui, form.tr("inspector-holidays"));
    let len = holidays.len();
    let mut action = None;
    let bad_date = form.tr("team-write-date-yyyy-mm-dd");
    ui.horizontal_wrapped(|ui| {
        for (index, day) in holidays.iter_mut().enumerate() {
            let day_path = format!("{path}.holidays[{index}]");
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 1.0;
                let changed =
                    form.validated_inline(ui, &day_path, day, "2026-12-25", 84.0, None, |text| {
                        parse_date(text.trim())
                            .map(|_| (text.trim().to_owned(), text.trim().to_owned()))
                            .ok_or_else(|| bad_date.to_owned())
                    });
                if changed {
                    form.typing(&day_path);
                }
                if fields::remove_button_ui(ui, form.lang()).clicked() {
                    action = Some((index, fields::RowAction::Remove));
                }
            });
            ui.add_space(6.0);
        }
        if len == 0 {
            fields::help_ui(ui, form.tr("team-no-holidays"));
        }
    });
    if let Some((index, row)) = action {
        fields::apply_row_action(holidays, index, row);
        form.step();
    }
    if fields::add_button_ui(ui, form.tr("team-add-holiday")).clicked() {
        holidays.push(String::new());
        form.step();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_cover_brasilia_and_nepal() {
        let all = offsets();
        assert!(all.contains(&-180));
        assert!(all.contains(&345));
        assert_eq!(all.first(), Some(&-720));
        assert_eq!(all.last(), Some(&840));
    }
}
