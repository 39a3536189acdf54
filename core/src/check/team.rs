//! The mocked team on its own: its api base is a URL (`bad-url`), its names are unique and
//! non-empty and its agents' departments exist (`bad-team`), and its schedules have real hours,
//! days, holidays and offsets (`bad-schedule`). These findings have no node: the field is a path
//! from the top of the file (`team.schedules[0].weekly[1].open`).

use std::collections::HashSet;

use crate::clock::{parse_date, parse_hhmm};
use crate::flow::{Schedule, Team};

use super::samples::url_problem;
use super::{Code, Severity, Sink, is_blank};

/// Most west and most east offsets in use on Earth: UTC-12 and UTC+14.
const OFFSETS_MIN: std::ops::RangeInclusive<i32> = -720..=840;

pub(crate) fn check(team: &Team, sink: &mut Sink<'_>) {
    let base = team.api_base.trim();
    if !base.is_empty()
        && let Some(problem) = url_problem(base)
    {
        sink.flow(
            Severity::Error,
            Code::BadUrl,
            Some("team.api_base".into()),
            format!(
                "the team's api base is not an absolute http(s) URL: {problem} (for example https://api.huggy.app/v3)"
            ),
        );
    }
    names(team, sink);
    for (i, schedule) in team.schedules.iter().enumerate() {
        schedule_hours(i, schedule, sink);
    }
}

fn bad_team(sink: &mut Sink<'_>, field: String, message: String) {
    sink.flow(Severity::Error, Code::BadTeam, Some(field), message);
}

fn names(team: &Team, sink: &mut Sink<'_>) {
    let mut seen = HashSet::new();
    for (i, department) in team.departments.iter().enumerate() {
        let field = format!("team.departments[{i}]");
        if is_blank(department) {
            bad_team(
                sink,
                field,
                "a department has no name: name it, or remove it".into(),
            );
        } else if !seen.insert(department.as_str()) {
            bad_team(
                sink,
                field,
                format!("the department `{department}` is listed twice: remove one"),
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, agent) in team.agents.iter().enumerate() {
        let field = format!("team.agents[{i}].id");
        if is_blank(&agent.id) {
            bad_team(
                sink,
                field,
                "an agent has no id: give it the id the platform uses (routes and scenarios name agents by id)".into(),
            );
        } else if !seen.insert(agent.id.as_str()) {
            bad_team(
                sink,
                field,
                format!(
                    "two agents have the id `{}`: routes reach only the first; give each its own id",
                    agent.id
                ),
            );
        }
        for (j, department) in agent.departments.iter().enumerate() {
            if !team.has_department(department) {
                bad_team(
                    sink,
                    format!("team.agents[{i}].departments[{j}]"),
                    format!(
                        "`{}` works in `{department}`, which is not one of the team's departments: add it to the departments, or fix the name",
                        agent.id
                    ),
                );
            }
        }
    }
    let mut seen = HashSet::new();
    for (i, field) in team.custom_fields.iter().enumerate() {
        let path = format!("team.custom_fields[{i}].key");
        if is_blank(&field.key) {
            bad_team(
                sink,
                path,
                "a custom field has no key: give it the key templates read (contact.custom.KEY)"
                    .into(),
            );
        } else if !seen.insert(field.key.as_str()) {
            bad_team(
                sink,
                path,
                format!(
                    "the custom field `{}` is listed twice: remove one",
                    field.key
                ),
            );
        }
    }
    for department in team.waiting.keys() {
        if !team.has_department(department) {
            bad_team(
                sink,
                format!("team.waiting.{department}"),
                format!(
                    "chats wait in `{department}`, which is not one of the team's departments: fix the name, or add the department"
                ),
            );
        }
    }
}

fn schedule_hours(i: usize, schedule: &Schedule, sink: &mut Sink<'_>) {
    let mut bad = |field: String, message: String| {
        sink.flow(
            Severity::Error,
            Code::BadSchedule,
            Some(format!("team.schedules[{i}]{field}")),
            message,
        );
    };
    if is_blank(&schedule.name) {
        bad(".name".into(), "the schedule has no name: name it (for example `Expediente`), so that BusinessHours nodes can pick it".into());
    }
    if !OFFSETS_MIN.contains(&schedule.utc_offset_min) {
        bad(
            ".utc_offset_min".into(),
            format!(
                "{} minutes is not a UTC offset: write minutes from UTC between -720 and 840 (Brasília is -180)",
                schedule.utc_offset_min
            ),
        );
    }
    if schedule.weekly.is_empty() {
        bad(".weekly".into(), "the schedule has no opening hours, so it is always closed: add the days and hours it is open".into());
    }
    for (j, hours) in schedule.weekly.iter().enumerate() {
        let at = format!(".weekly[{j}]");
        if hours.days.is_empty() {
            bad(
                format!("{at}.days"),
                "these hours apply to no day: pick the days (for example Mon to Fri)".into(),
            );
        }
        let open = parse_hhmm(&hours.open);
        let close = parse_hhmm(&hours.close);
        match open {
            None => bad(format!("{at}.open"), time_message(&hours.open)),
            Some(1440) => bad(
                format!("{at}.open"),
                "a day cannot open at 24:00: write 00:00 to open at midnight".into(),
            ),
            Some(_) => {}
        }
        if close.is_none() {
            bad(format!("{at}.close"), time_message(&hours.close));
        }
        if let (Some(open), Some(close)) = (open, close)
            && open == close
        {
            bad(
                format!("{at}.close"),
                format!(
                    "it opens and closes at {}, so it is never open: for all day write open 00:00 and close 24:00",
                    hours.open.trim()
                ),
            );
        }
    }
    for (k, holiday) in schedule.holidays.iter().enumerate() {
        if parse_date(holiday).is_none() {
            bad(
                format!(".holidays[{k}]"),
                format!("`{holiday}` is not a date: write YYYY-MM-DD (for example 2026-12-25)"),
            );
        }
    }
}

fn time_message(text: &str) -> String {
    if is_blank(text) {
        "the time is empty: write HH:MM (for example 08:00)".into()
    } else {
        format!("`{text}` is not a time: write HH:MM from 00:00 to 24:00 (for example 08:00)")
    }
}

#[cfg(test)]
mod tests;
