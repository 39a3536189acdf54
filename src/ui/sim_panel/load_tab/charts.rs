//! The day as charts (egui_plot): the chats waiting and the agents busy hour by hour, how long the
//! answered chats waited, and how many chats each agent took. The day before, when shown, is
//! drawn beside the last one in the same colours, faded (dashed lines, the left bar of a pair).

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Corner, GridMark, Legend, Line, LineStyle, Plot, PlotPoints};
use fluxo_core::load::{LoadReport, WaitBucket};

use super::Day;
use crate::i18n::Lang;
use crate::tr;

const WAITING: Color32 = Color32::from_rgb(0xF5, 0x9E, 0x0B);
const BUSY: Color32 = Color32::from_rgb(0x3B, 0x82, 0xF6);
const CHATS: Color32 = Color32::from_rgb(0x22, 0xA0, 0x55);
const CHART_HEIGHT: f32 = 150.0;

/// The three charts.
pub(super) fn charts_ui(ui: &mut Ui, lang: Lang, current: &Day, previous: Option<&Day>) {
    heading_ui(ui, lang.tr("load-window-chart-hours"));
    hours_chart_ui(ui, lang, current, previous);
    heading_ui(ui, lang.tr("load-window-chart-waits"));
    waits_chart_ui(ui, lang, current, previous);
    heading_ui(ui, lang.tr("load-window-chart-agents"));
    agents_chart_ui(ui, lang, current, previous);
}

fn heading_ui(ui: &mut Ui, text: &str) {
    ui.add_space(4.0);
    ui.label(RichText::new(text).strong());
}

/// A plot that shows and does not move: the dock scrolls, the chart does not zoom.
fn still_plot(id: &'static str, legend_at: Corner) -> Plot<'static> {
    Plot::new(id)
        .height(CHART_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_y(0.0)
        .legend(Legend::default().position(legend_at).background_alpha(0.6))
}

/// Marks at whole numbers only, about a dozen at most, for category axes.
fn whole_marks(count: usize) -> impl Fn(egui_plot::GridInput) -> Vec<GridMark> {
    let step = count.div_ceil(12).max(1) as f64;
    move |input| {
        let (min, max) = input.bounds;
        let mut marks = Vec::new();
        let mut value = (min / step).ceil() * step;
        while value <= max && marks.len() < 64 {
            if value >= 0.0 {
                marks.push(GridMark {
                    value,
                    step_size: step,
                });
            }
            value += step;
        }
        marks
    }
}

/// The label of category `value` (a whole number), else nothing.
fn category(labels: &[String], value: f64) -> String {
    if value.fract() != 0.0 || value < 0.0 {
        return String::new();
    }
    labels.get(value as usize).cloned().unwrap_or_default()
}

/// The name of a series of a day: `waiting chats (day 2)`.
fn series(lang: Lang, id: &'static str, day: &Day) -> String {
    tr!(lang, id, number = day.number)
}

fn hours_chart_ui(ui: &mut Ui, lang: Lang, current: &Day, previous: Option<&Day>) {
    let hours: Vec<String> = current
        .report
        .hourly
        .iter()
        .map(|hour| hour.from.clone())
        .collect();
    let count = hours.len();
    let line = |report: &LoadReport, value: fn(&fluxo_core::load::HourLoad) -> f64| {
        PlotPoints::new(
            report
                .hourly
                .iter()
                .enumerate()
                .map(|(index, hour)| [index as f64, value(hour)])
                .collect(),
        )
    };
    let waiting = |hour: &fluxo_core::load::HourLoad| hour.chats_waiting;
    let busy = |hour: &fluxo_core::load::HourLoad| hour.agents_busy;
    let lines = [
        Line::new(
            series(lang, "load-window-series-waiting", current),
            line(&current.report, waiting),
        )
        .color(WAITING)
        .width(2.0),
        Line::new(
            series(lang, "load-window-series-busy", current),
            line(&current.report, busy),
        )
        .color(BUSY)
        .width(2.0),
    ];
    let before = previous.map(|previous| {
        [
            Line::new(
                series(lang, "load-window-series-waiting", previous),
                line(&previous.report, waiting),
            )
            .color(WAITING.gamma_multiply(0.55))
            .style(LineStyle::dashed_dense()),
            Line::new(
                series(lang, "load-window-series-busy", previous),
                line(&previous.report, busy),
            )
            .color(BUSY.gamma_multiply(0.55))
            .style(LineStyle::dashed_dense()),
        ]
    });
    still_plot("fluxo.load.chart.hours", Corner::LeftTop)
        .x_grid_spacer(whole_marks(count))
        .x_axis_formatter(move |mark, _| category(&hours, mark.value))
        .show(ui, |plot| {
            for line in before.into_iter().flatten() {
                plot.line(line);
            }
            for line in lines {
                plot.line(line);
            }
        });
}

/// The answered chats of every department, by how long they waited.
pub(crate) fn wait_counts(report: &LoadReport) -> Vec<u64> {
    let mut counts: Vec<u64> = Vec::new();
    for department in &report.departments {
        for (index, bucket) in department.wait_histogram.iter().enumerate() {
            if counts.len() <= index {
                counts.resize(index + 1, 0);
            }
            if let Some(count) = counts.get_mut(index) {
                *count += bucket.chats;
            }
        }
    }
    counts
}

/// The buckets' names: `at once`, `≤ 15 s`, ..., `> 30 min`.
fn bucket_labels(lang: Lang, report: &LoadReport) -> Vec<String> {
    let buckets: &[WaitBucket] = report
        .departments
        .first()
        .map_or(&[], |department| &department.wait_histogram);
    let mut last = 0.0;
    buckets
        .iter()
        .map(|bucket| match bucket.up_to_s {
            Some(0.0) => lang.tr("load-window-bucket-at-once").to_owned(),
            Some(bound) => {
                last = bound;
                format!("≤ {}", short_duration(bound))
            }
            None => format!("> {}", short_duration(last)),
        })
        .collect()
}

/// `15 s`, `1 min`, `30 min`.
fn short_duration(seconds: f64) -> String {
    if seconds >= 60.0 && (seconds % 60.0) == 0.0 {
        format!("{} min", seconds / 60.0)
    } else {
        format!("{seconds} s")
    }
}

/// Two bars per category when the day before is shown (before on the left), else one.
fn paired_bars(counts: &[f64], is_before: bool, has_pair: bool, color: Color32) -> Vec<Bar> {
    let (offset, width) = match (has_pair, is_before) {
        (false, _) => (0.0, 0.7),
        (true, true) => (-0.2, 0.38),
        (true, false) => (0.2, 0.38),
    };
    counts
        .iter()
        .enumerate()
        .map(|(index, &count)| {
            Bar::new(index as f64 + offset, count)
                .width(width)
                .fill(color)
        })
        .collect()
}

/// Bars per category: the last day's, and the day before's beside them (faded, on the left),
/// with room above the tallest for the legend.
struct Paired {
    id: &'static str,
    labels: Vec<String>,
    now: (String, Vec<f64>),
    before: Option<(String, Vec<f64>)>,
    color: Color32,
}

fn paired_chart_ui(ui: &mut Ui, chart: Paired) {
    let Paired {
        id,
        labels,
        now,
        before,
        color,
    } = chart;
    let count = labels.len();
    let top = now
        .1
        .iter()
        .chain(before.iter().flat_map(|(_, counts)| counts))
        .copied()
        .fold(0.0, f64::max);
    let has_pair = before.is_some();
    let bars = BarChart::new(now.0, paired_bars(&now.1, false, has_pair, color)).color(color);
    let faded = color.gamma_multiply(0.45);
    let before = before.map(|(name, counts)| {
        BarChart::new(name, paired_bars(&counts, true, true, faded)).color(faded)
    });
    still_plot(id, Corner::RightTop)
        .include_y(top * 1.4)
        .x_grid_spacer(whole_marks(count))
        .x_axis_formatter(move |mark, _| category(&labels, mark.value))
        .show(ui, |plot| {
            if let Some(before) = before {
                plot.add(before);
            }
            plot.add(bars);
        });
}

fn waits_chart_ui(ui: &mut Ui, lang: Lang, current: &Day, previous: Option<&Day>) {
    let as_f64 = |report: &LoadReport| -> Vec<f64> {
        wait_counts(report).into_iter().map(|c| c as f64).collect()
    };
    let id = "load-window-series-answered";
    paired_chart_ui(
        ui,
        Paired {
            id: "fluxo.load.chart.waits",
            labels: bucket_labels(lang, &current.report),
            now: (series(lang, id, current), as_f64(&current.report)),
            before: previous.map(|day| (series(lang, id, day), as_f64(&day.report))),
            color: WAITING,
        },
    );
}

fn agents_chart_ui(ui: &mut Ui, lang: Lang, current: &Day, previous: Option<&Day>) {
    let agents = &current.report.agents;
    if agents.is_empty() {
        ui.label(
            RichText::new(lang.tr("load-window-no-agents"))
                .small()
                .weak(),
        );
        return;
    }
    // The day before by agent id: an agent added between the days has nothing beside it.
    let before = previous.map(|day| {
        let counts = agents
            .iter()
            .map(|agent| {
                day.report
                    .agents
                    .iter()
                    .find(|old| old.agent == agent.agent)
                    .map_or(0.0, |old| old.handled as f64)
            })
            .collect();
        (series(lang, "load-window-series-chats", day), counts)
    });
    paired_chart_ui(
        ui,
        Paired {
            id: "fluxo.load.chart.agents",
            labels: agents.iter().map(|agent| agent.name.clone()).collect(),
            now: (
                series(lang, "load-window-series-chats", current),
                agents.iter().map(|agent| agent.handled as f64).collect(),
            ),
            before,
            color: CHATS,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_read_as_durations() {
        assert_eq!(short_duration(15.0), "15 s");
        assert_eq!(short_duration(120.0), "2 min");
        assert_eq!(category(&["08:00".into(), "09:00".into()], 1.0), "09:00");
        assert_eq!(category(&["08:00".into()], 0.5), "");
        assert_eq!(category(&["08:00".into()], 3.0), "");
    }
}
