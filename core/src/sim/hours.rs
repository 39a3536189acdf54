//! "Expediente": whether a schedule is open at a moment (docs/decisions.md "Business hours").
//!
//! Open from the `open` minute up to, not including, the `close` minute, in the schedule's own
//! UTC offset. `close` may be `24:00`; a `close` earlier than `open` runs past midnight (the
//! span belongs to the day it opens). A holiday closes its whole date, the tail of an overnight
//! span included. An entry whose hours do not parse is left out, with a note.

use std::cmp::Ordering;

use crate::clock::{self, Clock, Date};
use crate::flow::{Schedule, Weekday};

use super::text::{push_two_digits, push_u64};

/// `2026-11-23`.
fn push_date(out: &mut String, date: Date) {
    let year = u64::try_from(date.year).unwrap_or(0);
    if let Ok(four @ 1000..=9999) = u32::try_from(year) {
        // Every year a clock reads: two pairs of digits, without the general number writer.
        push_two_digits(out, four / 100);
        push_two_digits(out, four % 100);
    } else {
        for pad in [1000, 100, 10] {
            if year < pad {
                out.push('0');
            }
        }
        push_u64(out, year);
    }
    out.push('-');
    push_two_digits(out, date.month);
    out.push('-');
    push_two_digits(out, date.day);
}

/// One weekly span, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Span {
    /// Bit `i` set when weekday `i` (Monday 0) opens.
    days: u8,
    open_min: u32,
    close_min: u32,
    label: String,
}

/// A schedule parsed once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Hours {
    pub(crate) name: String,
    offset_min: i32,
    spans: Vec<Span>,
    holidays: Vec<Date>,
    /// What could not be read (a bad `HH:MM`, a bad date): shown as warnings.
    pub(crate) problems: Vec<String>,
}

fn day_bit(day: Weekday) -> u8 {
    1 << day.index()
}

fn days_label(days: &[Weekday]) -> String {
    days.iter()
        .map(|day| day.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

impl Hours {
    pub(crate) fn parse(schedule: &Schedule) -> Hours {
        let mut problems = Vec::new();
        let mut spans = Vec::new();
        for (index, weekly) in schedule.weekly.iter().enumerate() {
            match (clock::parse_hhmm(&weekly.open), clock::parse_hhmm(&weekly.close)) {
                (Some(open_min), Some(close_min)) => spans.push(Span {
                    days: weekly.days.iter().fold(0, |bits, &day| bits | day_bit(day)),
                    open_min,
                    close_min,
                    label: format!(
                        "{} {}-{}",
                        days_label(&weekly.days),
                        weekly.open.trim(),
                        weekly.close.trim()
                    ),
                }),
                _ => problems.push(format!(
                    "schedule `{}`: weekly[{index}] has hours `{}`-`{}` that are not HH:MM; it is left out",
                    schedule.name, weekly.open, weekly.close
                )),
            }
        }
        let mut holidays = Vec::new();
        for holiday in &schedule.holidays {
            match clock::parse_date(holiday.trim()) {
                Some(date) => holidays.push(date),
                None => problems.push(format!(
                    "schedule `{}`: holiday `{holiday}` is not a YYYY-MM-DD date; it is left out",
                    schedule.name
                )),
            }
        }
        Hours {
            name: schedule.name.clone(),
            offset_min: schedule.utc_offset_min,
            spans,
            holidays,
            problems,
        }
    }

    /// Whether the schedule is open at `now`, and why, in words.
    pub(crate) fn is_open(&self, now: Clock) -> (bool, String) {
        let local = now.local_at(self.offset_min);
        let mut why = String::with_capacity(96);
        why.push_str(local.weekday.as_str());
        why.push(' ');
        push_date(&mut why, local.date);
        why.push(' ');
        push_two_digits(&mut why, local.minute_of_day / 60);
        why.push(':');
        push_two_digits(&mut why, local.minute_of_day % 60);
        why.push_str(" at UTC");
        why.push(if self.offset_min < 0 { '-' } else { '+' });
        let abs = self.offset_min.unsigned_abs();
        push_two_digits(&mut why, abs / 60);
        why.push(':');
        push_two_digits(&mut why, abs % 60);
        why.push_str(": ");
        if self.holidays.contains(&local.date) {
            why.push_str("closed, holiday ");
            push_date(&mut why, local.date);
            return (false, why);
        }
        let today = day_bit(local.weekday);
        let yesterday = day_bit(Weekday::from_index(local.weekday.index() + 6));
        let minute = local.minute_of_day;
        for span in &self.spans {
            let open = match span.open_min.cmp(&span.close_min) {
                Ordering::Less => {
                    span.days & today != 0 && (span.open_min..span.close_min).contains(&minute)
                }
                Ordering::Greater => {
                    (span.days & today != 0 && minute >= span.open_min)
                        || (span.days & yesterday != 0 && minute < span.close_min)
                }
                Ordering::Equal => false,
            };
            if open {
                why.push_str("open (");
                why.push_str(&span.label);
                why.push(')');
                return (true, why);
            }
        }
        why.push_str("closed (outside the hours of `");
        why.push_str(&self.name);
        why.push_str("`)");
        (false, why)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_rfc3339;
    use crate::flow::WeeklyHours;

    #[test]
    fn dates_are_written_like_display() {
        for (year, month, day) in [
            (2026, 11, 23),
            (999, 1, 2),
            (5, 12, 31),
            (10_000, 7, 4),
            (1000, 1, 1),
        ] {
            let date = Date { year, month, day };
            let mut out = String::new();
            push_date(&mut out, date);
            assert_eq!(out, date.to_string());
        }
    }

    fn brasilia(weekly: Vec<WeeklyHours>) -> Hours {
        Hours::parse(&Schedule {
            name: "Expediente".into(),
            utc_offset_min: -180,
            weekly,
            holidays: vec!["2026-12-25".into()],
        })
    }

    fn weekdays(open: &str, close: &str) -> WeeklyHours {
        WeeklyHours {
            days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            open: open.into(),
            close: close.into(),
        }
    }

    fn open_at(hours: &Hours, time: &str) -> bool {
        hours.is_open(parse_rfc3339(time).unwrap()).0
    }

    #[test]
    fn close_minute_is_excluded_open_minute_included() {
        let hours = brasilia(vec![weekdays("08:00", "18:00")]);
        assert!(open_at(&hours, "2026-11-23T08:00:00-03:00"));
        assert!(open_at(&hours, "2026-11-23T17:59:59-03:00"));
        assert!(!open_at(&hours, "2026-11-23T18:00:00-03:00"));
        assert!(!open_at(&hours, "2026-11-23T07:59:00-03:00"));
        assert!(!open_at(&hours, "2026-11-22T10:00:00-03:00"), "a Sunday");
    }

    #[test]
    fn clock_in_utc_against_a_brasilia_schedule() {
        let hours = brasilia(vec![weekdays("08:00", "18:00")]);
        // 20:30 UTC is 17:30 in Brasília: open. 21:00 UTC is 18:00: closed.
        assert!(open_at(&hours, "2026-11-23T20:30:00Z"));
        assert!(!open_at(&hours, "2026-11-23T21:00:00Z"));
        // Tuesday 02:00 UTC is Monday 23:00 in Brasília: closed, and the weekday is Monday's.
        let (open, why) = hours.is_open(parse_rfc3339("2026-11-24T02:00:00Z").unwrap());
        assert!(!open);
        assert!(
            why.starts_with("Mon 2026-11-23 23:00 at UTC-03:00"),
            "{why}"
        );
        // 11:00 UTC is 08:00 in Brasília: open, though 08:00 UTC would not be.
        assert!(open_at(&hours, "2026-11-23T11:00:00Z"));
        assert!(!open_at(&hours, "2026-11-23T08:30:00Z"));
    }

    #[test]
    fn holidays_close_the_whole_day() {
        let hours = brasilia(vec![weekdays("08:00", "18:00")]);
        let (open, why) = hours.is_open(parse_rfc3339("2026-12-25T10:00:00-03:00").unwrap());
        assert!(!open);
        assert!(why.contains("holiday 2026-12-25"), "{why}");
        // 2026-12-25 01:00 UTC is still the 24th in Brasília (a Thursday, 22:00): closed by hours,
        // not by the holiday.
        let (_, why) = hours.is_open(parse_rfc3339("2026-12-25T01:00:00Z").unwrap());
        assert!(!why.contains("holiday"), "{why}");
        assert!(open_at(&hours, "2026-12-24T10:00:00-03:00"));
    }

    #[test]
    fn midnight_and_overnight_spans() {
        let hours = brasilia(vec![
            WeeklyHours {
                days: vec![Weekday::Fri],
                open: "22:00".into(),
                close: "02:00".into(),
            },
            WeeklyHours {
                days: vec![Weekday::Sat],
                open: "12:00".into(),
                close: "24:00".into(),
            },
        ]);
        assert!(open_at(&hours, "2026-11-27T22:00:00-03:00"), "Friday night");
        assert!(
            open_at(&hours, "2026-11-28T01:59:00-03:00"),
            "past midnight into Saturday"
        );
        assert!(!open_at(&hours, "2026-11-28T02:00:00-03:00"));
        assert!(
            !open_at(&hours, "2026-11-27T01:00:00-03:00"),
            "Friday early: Thursday has no span"
        );
        assert!(
            open_at(&hours, "2026-11-28T23:59:00-03:00"),
            "24:00 closes at the end of the day"
        );
        assert!(!open_at(&hours, "2026-11-29T00:00:00-03:00"));
    }

    #[test]
    fn bad_entries_are_left_out_with_a_note() {
        let hours = Hours::parse(&Schedule {
            name: "X".into(),
            utc_offset_min: 0,
            weekly: vec![weekdays("8h", "18:00"), weekdays("09:00", "10:00")],
            holidays: vec!["25/12/2026".into()],
        });
        assert_eq!(hours.problems.len(), 2);
        assert!(open_at(&hours, "2026-11-23T09:30:00Z"));
        let (_, why) = hours.is_open(parse_rfc3339("0987-03-04T05:06:00Z").unwrap());
        assert!(
            why.starts_with("Sun 0987-03-04 05:06 at UTC+00:00: "),
            "{why}"
        );
        assert!(!open_at(&hours, "2026-11-23T08:30:00Z"));
        let equal = brasilia(vec![weekdays("10:00", "10:00")]);
        assert!(
            !open_at(&equal, "2026-11-23T10:00:00-03:00"),
            "an empty span is never open"
        );
    }
}
