//! The simulated clock: RFC 3339 times, calendar dates and local times at a UTC offset.
//!
//! Small and exact on purpose (proleptic Gregorian calendar, whole minutes of offset): the
//! simulator needs weekdays, `HH:MM` and dates at a schedule's offset, nothing more, and it must
//! never read the real time.

use crate::flow::Weekday;

/// A moment: milliseconds since 1970-01-01T00:00Z, and the offset it is shown at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Clock {
    pub unix_ms: i64,
    /// Offset from UTC of the time as written, in minutes; times are shown at it.
    pub offset_min: i32,
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A moment seen at some offset: date, weekday and minutes since local midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    pub weekday: Weekday,
    /// 0..1440.
    pub minute_of_day: u32,
    pub second: u32,
}

impl LocalTime {
    pub fn hour(&self) -> u32 {
        self.minute_of_day / 60
    }

    /// `HH:MM`.
    pub fn hhmm(&self) -> String {
        format!(
            "{:02}:{:02}",
            self.minute_of_day / 60,
            self.minute_of_day % 60
        )
    }
}

const MS_PER_DAY: i64 = 86_400_000;

impl Clock {
    /// The moment seen at `offset_min` minutes from UTC.
    pub fn local_at(&self, offset_min: i32) -> LocalTime {
        let local_ms = self.unix_ms + i64::from(offset_min) * 60_000;
        let days = local_ms.div_euclid(MS_PER_DAY);
        let ms_of_day = local_ms.rem_euclid(MS_PER_DAY);
        let seconds_of_day = (ms_of_day / 1000) as u32;
        LocalTime {
            date: civil_from_days(days),
            // 1970-01-01 was a Thursday (index 3, Monday being 0).
            weekday: Weekday::from_index((days + 3).rem_euclid(7) as usize),
            minute_of_day: seconds_of_day / 60,
            second: seconds_of_day % 60,
        }
    }

    /// The moment seen at its own offset.
    pub fn local(&self) -> LocalTime {
        self.local_at(self.offset_min)
    }

    /// The clock moved forward by `ms` (saturating).
    #[must_use]
    pub fn plus_ms(self, ms: u64) -> Clock {
        Clock {
            unix_ms: self
                .unix_ms
                .saturating_add(i64::try_from(ms).unwrap_or(i64::MAX)),
            ..self
        }
    }

    /// RFC 3339 at its own offset: `2026-01-05T10:00:00-03:00`.
    pub fn to_rfc3339(&self) -> String {
        let local = self.local();
        let offset = if self.offset_min == 0 {
            "Z".to_owned()
        } else {
            let sign = if self.offset_min < 0 { '-' } else { '+' };
            let abs = self.offset_min.unsigned_abs();
            format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
        };
        format!(
            "{}T{}:{:02}{offset}",
            local.date,
            local.hhmm(),
            local.second
        )
    }
}

/// Reads `2026-11-23T10:15:00-03:00` (also `Z`, fractional seconds, a space or `t` for `T`).
pub fn parse_rfc3339(text: &str) -> Result<Clock, String> {
    let text = text.trim();
    let fail = || format!("`{text}` is not an RFC 3339 time such as 2026-11-23T10:15:00-03:00");
    let bytes = text.as_bytes();
    if bytes.len() < 20 || !matches!(bytes[10], b'T' | b't' | b' ') {
        return Err(fail());
    }
    let date = parse_date(&text[..10]).ok_or_else(fail)?;
    let time = &text[11..];
    if time.len() < 8 || !time.is_char_boundary(8) {
        return Err(fail());
    }
    let (hms, rest) = time.split_at(8);
    let mut fields = hms.split(':');
    let hour = number(fields.next(), 0, 23).ok_or_else(fail)?;
    let minute = number(fields.next(), 0, 59).ok_or_else(fail)?;
    // 60 is a leap second; treat it as 59.
    let second = number(fields.next(), 0, 60).ok_or_else(fail)?.min(59);
    let mut rest = rest;
    let mut millis = 0_i64;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(fail());
        }
        for (i, byte) in fraction.bytes().take(3).take(digits).enumerate() {
            millis += i64::from(byte - b'0') * [100, 10, 1][i];
        }
        rest = &fraction[digits..];
    }
    let offset_min = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return Err(fail()),
            };
            let body = &rest[1..];
            if body.len() != 5 || body.as_bytes()[2] != b':' {
                return Err(fail());
            }
            let hours = number(Some(&body[..2]), 0, 23).ok_or_else(fail)?;
            let minutes = number(Some(&body[3..]), 0, 59).ok_or_else(fail)?;
            sign * i32::try_from(hours * 60 + minutes).unwrap_or(0)
        }
    };
    let days = days_from_civil(date);
    let local_ms = days * MS_PER_DAY
        + i64::from(hour) * 3_600_000
        + i64::from(minute) * 60_000
        + i64::from(second) * 1000
        + millis;
    Ok(Clock {
        unix_ms: local_ms - i64::from(offset_min) * 60_000,
        offset_min,
    })
}

fn number(text: Option<&str>, min: u32, max: u32) -> Option<u32> {
    let text = text?;
    if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: u32 = text.parse().ok()?;
    (min..=max).contains(&value).then_some(value)
}

/// Reads `YYYY-MM-DD`, checking that the day exists.
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    if !text
        .bytes()
        .enumerate()
        .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
    {
        return None;
    }
    let year: i32 = text[..4].parse().ok()?;
    let month: u32 = text[5..7].parse().ok()?;
    let day: u32 = text[8..].parse().ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(Date { year, month, day })
}

/// Reads `HH:MM` as minutes since midnight; `24:00` is 1440 (the end of the day).
pub fn parse_hhmm(text: &str) -> Option<u32> {
    let text = text.trim();
    let (hours, minutes) = text.split_once(':')?;
    if hours.is_empty() || hours.len() > 2 || minutes.len() != 2 {
        return None;
    }
    if !hours
        .bytes()
        .chain(minutes.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let hours: u32 = hours.parse().ok()?;
    let minutes: u32 = minutes.parse().ok()?;
    match (hours, minutes) {
        (24, 0) => Some(1440),
        (0..=23, 0..=59) => Some(hours * 60 + minutes),
        _ => None,
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn days_from_civil(date: Date) -> i64 {
    let year = i64::from(date.year) - i64::from(date.month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(date.month);
    let day_of_year =
        (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(date.day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 1970-01-01.
pub fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Date {
        year: year as i32,
        month,
        day,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offsets_and_converts() {
        let clock = parse_rfc3339("2026-11-23T10:15:00-03:00").unwrap();
        let utc = clock.local_at(0);
        assert_eq!(utc.hhmm(), "13:15");
        assert_eq!(utc.date.to_string(), "2026-11-23");
        assert_eq!(clock.local().weekday, Weekday::Mon);
        assert_eq!(clock.to_rfc3339(), "2026-11-23T10:15:00-03:00");

        let z = parse_rfc3339("2026-01-05T01:30:00Z").unwrap();
        let brasilia = z.local_at(-180);
        assert_eq!(brasilia.date.to_string(), "2026-01-04");
        assert_eq!(brasilia.weekday, Weekday::Sun);
        assert_eq!(brasilia.hhmm(), "22:30");
    }

    #[test]
    fn default_clock_is_a_monday() {
        let clock = parse_rfc3339(crate::flow::DEFAULT_CLOCK).unwrap();
        assert_eq!(clock.local().weekday, Weekday::Mon);
        assert_eq!(clock.local().hhmm(), "10:00");
    }

    #[test]
    fn fractions_and_forms() {
        let a = parse_rfc3339("2026-11-23t10:15:00.250z").unwrap();
        let b = parse_rfc3339("2026-11-23 10:15:00Z").unwrap();
        assert_eq!(a.unix_ms - b.unix_ms, 250);
        assert_eq!(a.plus_ms(750).local().second, 1);
    }

    #[test]
    fn refuses_nonsense() {
        for text in [
            "",
            "2026-02-30T10:00:00Z",
            "2026-11-23T25:00:00Z",
            "2026-11-23T10:00:00",
            "2026-11-23T10:00:00+3",
            "tomorrow",
            "2026-11-23T10:00:00.Z",
            "2026-11-23Té0:00:00Z",
        ] {
            assert!(parse_rfc3339(text).is_err(), "{text}");
        }
    }

    #[test]
    fn calendar_round_trips() {
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(days_from_civil(civil_from_days(days)), days);
        }
        assert_eq!(
            parse_date("2024-02-29"),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(parse_date("2026-02-29"), None);
    }

    #[test]
    fn hours() {
        assert_eq!(parse_hhmm("08:00"), Some(480));
        assert_eq!(parse_hhmm("8:30"), Some(510));
        assert_eq!(parse_hhmm("24:00"), Some(1440));
        assert_eq!(parse_hhmm("24:01"), None);
        assert_eq!(parse_hhmm("18:60"), None);
        assert_eq!(parse_hhmm("1800"), None);
    }
}
