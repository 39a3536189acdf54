//! `bad-schedule`: a team schedule ("Expediente") that cannot say when the team is open.
//! Flow-level: the field is a path from the top of the file (`team.schedules[0].weekly[1].open`).
//!
//! - Why: a BusinessHours node decides open or closed from the schedule's weekly hours, its
//!   holidays and its UTC offset; hours that do not parse are left out, so the node answers
//!   "closed" when the team is open.
//! - Example: `open: "8h"`, `close: "25:00"`, `open` equal to `close`, `utc_offset_min: -1000`,
//!   a holiday `25/12/2026`.
//! - Mend: write hours as `HH:MM` (00:00 to 24:00), dates as `YYYY-MM-DD`, the offset in
//!   minutes from UTC (Brasília is -180); give the schedule a name and its days.

use std::collections::HashSet;

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;
use crate::clock::{parse_date, parse_hhmm};
use crate::flow::Schedule;

/// Most west and most east offsets in use on Earth: UTC-12 and UTC+14.
const OFFSETS_MIN: std::ops::RangeInclusive<i32> = -720..=840;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let mut names = HashSet::new();
    for (i, schedule) in index.flow.team.schedules.iter().enumerate() {
        let mut bad = |field: String, variant: &'static str, args: Args| {
            sink.flow(
                Severity::Error,
                Code::BadSchedule,
                Some(format!("team.schedules[{i}]{field}")),
                variant,
                args,
            );
        };
        if schedule.name.trim().is_empty() {
            bad(".name".into(), "unnamed", Args::new());
        } else if !names.insert(schedule.name.as_str()) {
            bad(
                ".name".into(),
                "twice",
                Args::new().text("name", &schedule.name),
            );
        }
        hours(schedule, &mut bad);
    }
}

fn hours(schedule: &Schedule, bad: &mut impl FnMut(String, &'static str, Args)) {
    if !OFFSETS_MIN.contains(&schedule.utc_offset_min) {
        bad(
            ".utc_offset_min".into(),
            "offset",
            Args::new().number("minutes", schedule.utc_offset_min),
        );
    }
    if schedule.weekly.is_empty() {
        bad(".weekly".into(), "no-hours", Args::new());
    }
    for (j, hours) in schedule.weekly.iter().enumerate() {
        let at = format!(".weekly[{j}]");
        if hours.days.is_empty() {
            bad(format!("{at}.days"), "no-days", Args::new());
        }
        let open = parse_hhmm(&hours.open);
        let close = parse_hhmm(&hours.close);
        match open {
            None => time(bad, format!("{at}.open"), &hours.open),
            Some(1440) => bad(format!("{at}.open"), "open-24", Args::new()),
            Some(_) => {}
        }
        if close.is_none() {
            time(bad, format!("{at}.close"), &hours.close);
        }
        if let (Some(open), Some(close)) = (open, close)
            && open == close
        {
            bad(
                format!("{at}.close"),
                "never-open",
                Args::new().text("time", hours.open.trim()),
            );
        }
    }
    for (k, holiday) in schedule.holidays.iter().enumerate() {
        if parse_date(holiday).is_none() {
            bad(
                format!(".holidays[{k}]"),
                "holiday",
                Args::new().text("date", holiday),
            );
        }
    }
}

fn time(bad: &mut impl FnMut(String, &'static str, Args), field: String, text: &str) {
    if text.trim().is_empty() {
        bad(field, "time-empty", Args::new());
    } else {
        bad(field, "time", Args::new().text("time", text));
    }
}
