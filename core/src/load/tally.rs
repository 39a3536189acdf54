//! The day's running sums: per department (offered, answered, waits...), per hour (arrivals and
//! the time-weighted chats waiting and agents busy), per bot end and per scenario. Sums of time
//! are kept in whole microseconds, so the same day always adds up to the same figures.

use std::collections::BTreeMap;

use crate::flow::EndReason;

use super::plan::US_PER_HOUR;
use super::report::{BotEndCount, DepartmentLoad, HourLoad, WAIT_BUCKETS_S, WaitBucket};

/// One department's sums.
#[derive(Clone, Debug, Default)]
pub(crate) struct LineTally {
    pub(crate) offered: u64,
    pub(crate) answered: u64,
    pub(crate) within_service_level: u64,
    pub(crate) waited: u64,
    pub(crate) abandoned: u64,
    pub(crate) timed_out: u64,
    /// The wait of every answered chat, in microseconds.
    pub(crate) waits_us: Vec<u64>,
    pub(crate) longest_line: u64,
}

impl LineTally {
    pub(crate) fn report(&self, department: &str, still_waiting: u64) -> DepartmentLoad {
        let mut waits = self.waits_us.clone();
        waits.sort_unstable();
        let total_us: u128 = waits.iter().map(|&wait| u128::from(wait)).sum();
        let answered = waits.len() as f64;
        let settled = self.answered + self.abandoned + self.timed_out;
        DepartmentLoad {
            department: department.to_owned(),
            offered: self.offered,
            answered: self.answered,
            abandoned: self.abandoned,
            timed_out: self.timed_out,
            still_waiting,
            service_level: share(self.within_service_level, settled),
            waited_share: share(self.waited, self.answered),
            mean_wait_s: (!waits.is_empty()).then(|| seconds(total_us as f64 / answered)),
            p90_wait_s: percentile(&waits, 90).map(|wait| seconds(wait as f64)),
            longest_wait_s: waits.last().map(|&wait| seconds(wait as f64)),
            longest_line: self.longest_line,
            wait_histogram: wait_histogram(&waits),
        }
    }
}

/// The sorted waits (microseconds) counted in the buckets of [`WAIT_BUCKETS_S`], and one more
/// for the longer ones.
pub(crate) fn wait_histogram(sorted_us: &[u64]) -> Vec<WaitBucket> {
    let mut out = Vec::with_capacity(WAIT_BUCKETS_S.len() + 1);
    let mut from = 0;
    for bound_s in WAIT_BUCKETS_S {
        let bound_us = (bound_s * 1e6) as u64;
        let to = from + sorted_us[from..].partition_point(|&wait| wait <= bound_us);
        out.push(WaitBucket {
            up_to_s: Some(bound_s),
            chats: (to - from) as u64,
        });
        from = to;
    }
    out.push(WaitBucket {
        up_to_s: None,
        chats: (sorted_us.len() - from) as u64,
    });
    out
}

/// One hour's sums.
#[derive(Clone, Debug, Default)]
pub(crate) struct HourTally {
    pub(crate) arrivals: u64,
    pub(crate) to_human: u64,
    pub(crate) answered: u64,
    pub(crate) abandoned: u64,
    /// Chats waiting × microseconds, agents busy × microseconds, and the microseconds covered.
    waiting_us: u128,
    busy_us: u128,
    covered_us: u64,
    pub(crate) waiting_max: u64,
}

/// The day's sums.
#[derive(Clone, Debug)]
pub(crate) struct Tally {
    pub(crate) lines: Vec<LineTally>,
    pub(crate) hours: Vec<HourTally>,
    pub(crate) bot_ends: BTreeMap<(EndReason, Option<String>), u64>,
    pub(crate) scenarios: Vec<u64>,
    pub(crate) chats: u64,
    pub(crate) to_human: u64,
    pub(crate) in_bot_at_close: u64,
    service_level_us: u64,
    /// Integrated up to here.
    last_us: u64,
}

impl Tally {
    pub(crate) fn new(hours: u32, scenarios: usize, service_level_us: u64) -> Tally {
        Tally {
            lines: Vec::new(),
            hours: vec![HourTally::default(); hours as usize],
            bot_ends: BTreeMap::new(),
            scenarios: vec![0; scenarios],
            chats: 0,
            to_human: 0,
            in_bot_at_close: 0,
            service_level_us,
            last_us: 0,
        }
    }

    /// The hour `at_us` falls in (the last hour for the very end of the day).
    pub(crate) fn hour_mut(&mut self, at_us: u64) -> Option<&mut HourTally> {
        let count = self.hours.len();
        let index = usize::try_from(at_us / US_PER_HOUR).unwrap_or(usize::MAX);
        self.hours.get_mut(index.min(count.saturating_sub(1)))
    }

    pub(crate) fn line_mut(&mut self, line: usize) -> &mut LineTally {
        if self.lines.len() <= line {
            self.lines.resize_with(line + 1, LineTally::default);
        }
        &mut self.lines[line]
    }

    /// Adds the time from the last call to `to_us` with `waiting` chats in lines and `busy`
    /// agents, split at the hours' ends. A new hour's most waiting starts at `waiting`.
    pub(crate) fn advance(&mut self, to_us: u64, waiting: u64, busy: u64) {
        while self.last_us < to_us {
            let index = usize::try_from(self.last_us / US_PER_HOUR).unwrap_or(usize::MAX);
            let hour_end = (self.last_us / US_PER_HOUR + 1).saturating_mul(US_PER_HOUR);
            let until = to_us.min(hour_end);
            let span = until - self.last_us;
            if let Some(hour) = self.hours.get_mut(index) {
                hour.waiting_us += u128::from(waiting) * u128::from(span);
                hour.busy_us += u128::from(busy) * u128::from(span);
                hour.covered_us += span;
                hour.waiting_max = hour.waiting_max.max(waiting);
            }
            self.last_us = until;
            if until == hour_end
                && let Some(next) = self.hours.get_mut(index + 1)
            {
                next.waiting_max = next.waiting_max.max(waiting);
            }
        }
    }

    /// A chat answered after waiting `wait_us`, at `at_us`.
    pub(crate) fn answered(&mut self, line: usize, wait_us: u64, at_us: u64) {
        let within = wait_us <= self.service_level_us;
        let sums = self.line_mut(line);
        sums.answered += 1;
        sums.within_service_level += u64::from(within);
        sums.waited += u64::from(wait_us > 0);
        sums.waits_us.push(wait_us);
        if let Some(hour) = self.hour_mut(at_us) {
            hour.answered += 1;
        }
    }

    pub(crate) fn abandoned(&mut self, line: usize, at_us: u64) {
        self.line_mut(line).abandoned += 1;
        if let Some(hour) = self.hour_mut(at_us) {
            hour.abandoned += 1;
        }
    }

    pub(crate) fn offered(&mut self, line: usize, at_us: u64) {
        self.line_mut(line).offered += 1;
        if let Some(hour) = self.hour_mut(at_us) {
            hour.to_human += 1;
        }
    }

    /// A line grew to `length` chats, and all lines together hold `waiting`.
    pub(crate) fn line_grew(&mut self, line: usize, length: u64, waiting: u64, at_us: u64) {
        let sums = self.line_mut(line);
        sums.longest_line = sums.longest_line.max(length);
        if let Some(hour) = self.hour_mut(at_us) {
            hour.waiting_max = hour.waiting_max.max(waiting);
        }
    }

    pub(crate) fn bot_end(&mut self, reason: EndReason, node: Option<String>) {
        *self.bot_ends.entry((reason, node)).or_insert(0) += 1;
    }

    /// The bot ends, most first (then by reason and node).
    pub(crate) fn bot_end_counts(&self) -> Vec<BotEndCount> {
        let mut out: Vec<BotEndCount> = self
            .bot_ends
            .iter()
            .map(|((reason, node), &chats)| BotEndCount {
                reason: *reason,
                node: node.clone(),
                chats,
            })
            .collect();
        // Stable: equal counts keep the map's order.
        out.sort_by_key(|end| std::cmp::Reverse(end.chats));
        out
    }

    /// The hours as reported; `from` gives each hour's local start.
    pub(crate) fn hour_reports(&self, from: impl Fn(u32) -> String) -> Vec<HourLoad> {
        self.hours
            .iter()
            .enumerate()
            .map(|(index, hour)| {
                let index = u32::try_from(index).unwrap_or(u32::MAX);
                let mean = |sum: u128| {
                    if hour.covered_us == 0 {
                        0.0
                    } else {
                        round(sum as f64 / hour.covered_us as f64, 3)
                    }
                };
                HourLoad {
                    hour: index,
                    from: from(index),
                    arrivals: hour.arrivals,
                    to_human: hour.to_human,
                    answered: hour.answered,
                    abandoned: hour.abandoned,
                    chats_waiting: mean(hour.waiting_us),
                    chats_waiting_max: hour.waiting_max,
                    agents_busy: mean(hour.busy_us),
                }
            })
            .collect()
    }
}

/// `part / whole` rounded to 4 places; none when `whole` is 0.
pub(crate) fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| round(part as f64 / whole as f64, 4))
}

/// Microseconds as seconds, to the millisecond.
pub(crate) fn seconds(us: f64) -> f64 {
    round(us / 1e6, 3)
}

pub(crate) fn round(value: f64, places: i32) -> f64 {
    let scale = 10_f64.powi(places);
    (value * scale).round() / scale
}

/// The nearest-rank percentile of sorted values: the smallest value with at least `p` % of the
/// values at or below it.
pub(crate) fn percentile(sorted: &[u64], p: u64) -> Option<u64> {
    if sorted.is_empty() {
        return None;
    }
    let count = sorted.len() as u64;
    let rank = (count * p).div_ceil(100).max(1);
    sorted
        .get(usize::try_from(rank - 1).unwrap_or(usize::MAX))
        .copied()
}

#[cfg(test)]
// The values compared are exact: written in the test, or sums of exact binary fractions.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentile() {
        let values: Vec<u64> = (1..=10).collect();
        assert_eq!(percentile(&values, 90), Some(9));
        assert_eq!(percentile(&values, 100), Some(10));
        assert_eq!(percentile(&[5], 90), Some(5));
        assert_eq!(percentile(&[], 90), None);
        let hundred: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&hundred, 90), Some(90));
    }

    #[test]
    fn waits_fall_in_their_buckets() {
        let s = |seconds: u64| seconds * 1_000_000;
        let waits = [0, 0, s(15), s(15) + 1, s(61), s(7200)];
        let histogram = wait_histogram(&waits);
        let counts: Vec<u64> = histogram.iter().map(|bucket| bucket.chats).collect();
        assert_eq!(counts, [2, 1, 1, 0, 1, 0, 0, 0, 1]);
        assert_eq!(histogram[0].up_to_s, Some(0.0));
        assert_eq!(histogram[8].up_to_s, None);
        assert_eq!(wait_histogram(&[]).iter().map(|b| b.chats).sum::<u64>(), 0);
    }

    #[test]
    fn time_weighted_means_split_at_the_hours() {
        let mut tally = Tally::new(2, 1, 0);
        // Half an hour with 2 waiting, then 4 waiting until half past the second hour.
        tally.advance(US_PER_HOUR / 2, 0, 1);
        tally.advance(US_PER_HOUR * 3 / 2, 2, 1);
        tally.advance(2 * US_PER_HOUR, 4, 0);
        let hours = tally.hour_reports(|hour| format!("{hour}"));
        assert_eq!(hours[0].chats_waiting, 1.0);
        assert_eq!(hours[0].agents_busy, 1.0);
        assert_eq!(hours[0].chats_waiting_max, 2);
        assert_eq!(hours[1].chats_waiting, 3.0);
        assert_eq!(hours[1].agents_busy, 0.5);
        assert_eq!(hours[1].chats_waiting_max, 4);
    }

    #[test]
    fn a_department_report() {
        let mut tally = Tally::new(1, 1, 60_000_000);
        for wait_s in [0, 0, 30, 90] {
            tally.offered(0, 0);
            tally.answered(0, wait_s * 1_000_000, 0);
        }
        tally.offered(0, 0);
        tally.abandoned(0, 0);
        let report = tally.lines[0].report("Suporte", 2);
        assert_eq!(report.offered, 5);
        assert_eq!(report.answered, 4);
        assert_eq!(report.service_level, Some(0.6));
        assert_eq!(report.waited_share, Some(0.5));
        assert_eq!(report.mean_wait_s, Some(30.0));
        assert_eq!(report.p90_wait_s, Some(90.0));
        assert_eq!(report.still_waiting, 2);
        let empty = LineTally::default().report("Vazio", 0);
        assert_eq!(empty.service_level, None);
        assert_eq!(empty.mean_wait_s, None);
    }
}
