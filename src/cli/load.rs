//! `fluxo load FILE [--rate N] [--hours H] [--seed S] [--format json]`: the day of a team under
//! a stream of chats through the flow (SPEC.md section 10). The flags override the file's `load`
//! section; a file without one runs every scenario, weight 1, at `--rate`. Exit 0 when the day
//! ran, 2 on bad input (an unreadable file, no section and no `--rate`, a plan that cannot run).

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use fluxo_core::flow::{AgentStatus, Arrivals, Flow, LoadPlan};
use fluxo_core::load::{EarlyStop, LoadError, LoadOptions, LoadProblem, LoadReport, simulate};
use serde::Serialize;

use super::OutputFormat;
use super::load_flow;
use super::run::print;
use crate::i18n::Lang;
use crate::secrets::env_secrets;
use crate::tr;

/// What the command line changes in the file's plan.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Overrides {
    /// Chats per hour, every hour.
    pub rate: Option<f64>,
    pub hours: Option<u32>,
    pub seed: Option<u64>,
}

pub fn main(file: &Path, overrides: Overrides, format: OutputFormat, lang: Lang) -> ExitCode {
    let Ok(flow) = load_flow("load", file, lang) else {
        return ExitCode::from(2);
    };
    let Some(plan) = plan_for(&flow, overrides) else {
        say!(
            "fluxo load: {}",
            tr!(lang, "load-no-section", file = file.display().to_string())
        );
        return ExitCode::from(2);
    };
    let options = LoadOptions {
        env_secrets: env_secrets(),
    };
    let report = match simulate(&flow, &plan, &options) {
        Ok(report) => report,
        Err(LoadError::Invalid(problems)) => {
            for problem in &problems {
                say!("{}", problem_line(file, problem, lang));
            }
            return ExitCode::from(2);
        }
        Err(err @ LoadError::Cancelled) => {
            say!("fluxo load: {err}");
            return ExitCode::from(2);
        }
    };
    for problem in &report.warnings {
        say!("{}", problem_line(file, problem, lang));
    }
    if let Some(stop) = &report.stopped_early {
        say!("fluxo load: {}: {}", file.display(), early_stop(stop, lang));
    }
    let text = match format {
        OutputFormat::Text => text_report(&report, lang),
        OutputFormat::Json => match json(file, &report, lang) {
            Ok(text) => text,
            Err(err) => {
                say!("fluxo load: cannot write the report as JSON: {err}");
                return ExitCode::from(2);
            }
        },
    };
    if print(&text) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// The file's plan with the flags applied; a file without one takes `--rate` for every
/// scenario. None when there is neither.
pub fn plan_for(flow: &Flow, overrides: Overrides) -> Option<LoadPlan> {
    let mut plan = match (&flow.load, overrides.rate) {
        (Some(plan), _) => plan.clone(),
        (None, Some(_)) => LoadPlan::default(),
        (None, None) => return None,
    };
    if let Some(rate) = overrides.rate {
        // The day keeps its length when one rate replaces the list.
        plan.hours = plan.day_hours();
        plan.arrivals_per_hour = Arrivals::Each(rate);
    }
    if let Some(hours) = overrides.hours {
        plan.hours = hours;
    }
    if let Some(seed) = overrides.seed {
        plan.seed = seed;
    }
    Some(plan)
}

/// `FILE: warning[load-unknown-scenario] load.mix: message`, as `fluxo check` prints findings.
fn problem_line(file: &Path, problem: &LoadProblem, lang: Lang) -> String {
    let severity = if problem.blocks_run() {
        "error"
    } else {
        "warning"
    };
    format!(
        "{}: {severity}[{}] {}: {}",
        file.display(),
        problem.code(),
        problem.field(),
        problem_message(problem, lang)
    )
}

/// A problem in the user's language.
pub fn problem_message(problem: &LoadProblem, lang: Lang) -> String {
    let number = |value: f64| plain_number(value, lang);
    let id = format!(
        "load-problem-{}",
        problem.code().trim_start_matches("load-")
    );
    match problem {
        LoadProblem::UnknownScenario { scenario } => {
            tr!(lang, &id, scenario = scenario.as_str())
        }
        LoadProblem::BadRate { hour, rate } => {
            tr!(lang, &id, hour = hour + 1, rate = number(*rate))
        }
        LoadProblem::HoursBeyondRates { hours, rates }
        | LoadProblem::UnusedRates { hours, rates } => {
            tr!(lang, &id, hours = *hours, rates = *rates)
        }
        LoadProblem::BadWeight { scenario, weight } => {
            tr!(
                lang,
                &id,
                scenario = scenario.as_str(),
                weight = number(*weight)
            )
        }
        LoadProblem::BadDuration { field, seconds } => {
            tr!(lang, &id, field = *field, seconds = number(*seconds))
        }
        LoadProblem::BadStart { start } => tr!(lang, &id, start = start.as_str()),
        LoadProblem::TooManyHours { hours, max } => tr!(lang, &id, hours = *hours, max = *max),
        LoadProblem::TooManyChats { expected, max } => {
            tr!(lang, &id, expected = number(expected.round()), max = *max)
        }
        LoadProblem::NothingToDraw | LoadProblem::NoArrivals => tr!(lang, &id),
    }
}

pub(crate) fn early_stop(stop: &EarlyStop, lang: Lang) -> String {
    match stop {
        EarlyStop::StepBudget { at_s, steps } => tr!(
            lang,
            "load-stopped-steps",
            at = duration(Some(*at_s), lang),
            steps = *steps
        ),
        EarlyStop::ChatCap { at_s, chats } => tr!(
            lang,
            "load-stopped-chats",
            at = duration(Some(*at_s), lang),
            chats = *chats
        ),
    }
}

/// The report for people: the day, the departments, the agents, the bot-only ends, the
/// scenarios drawn and the hours.
pub fn text_report(report: &LoadReport, lang: Lang) -> String {
    let mut out = String::new();
    let flow = if report.flow.is_empty() {
        tr!(lang, "load-unnamed-flow")
    } else {
        report.flow.clone()
    };
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "load-title",
            flow = flow,
            start = readable_start(&report.start),
            hours = report.hours,
            seed = report.seed.to_string()
        )
    );
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "load-chats",
            chats = report.chats,
            to_human = report.to_human,
            bot_only = report.bot_only,
            in_bot = report.in_bot_at_close
        )
    );
    let patience = if report.patience_s > 0.0 {
        duration(Some(report.patience_s), lang)
    } else {
        tr!(lang, "load-patience-never")
    };
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "load-plan",
            handle = duration(Some(report.handle_time_s), lang),
            patience = patience,
            service_level = duration(Some(report.service_level_s), lang)
        )
    );
    if let Some(stop) = &report.stopped_early {
        let _ = writeln!(out, "{}", early_stop(stop, lang));
    }
    departments(&mut out, report, lang);
    agents(&mut out, report, lang);
    bot_ends(&mut out, report, lang);
    scenarios(&mut out, report, lang);
    hours(&mut out, report, lang);
    out
}

fn departments(out: &mut String, report: &LoadReport, lang: Lang) {
    let _ = writeln!(out, "\n{}", tr!(lang, "load-departments"));
    let header = [
        "load-col-department",
        "load-col-offered",
        "load-col-answered",
        "load-col-abandoned",
        "load-col-timed-out",
        "load-col-still-waiting",
        "load-col-service-level",
        "load-col-waited",
        "load-col-mean-wait",
        "load-col-p90-wait",
        "load-col-longest-line",
    ];
    let mut rows = vec![header.iter().map(|id| tr!(lang, id)).collect::<Vec<_>>()];
    for department in &report.departments {
        let name = if department.department.is_empty() {
            tr!(lang, "load-no-department")
        } else {
            department.department.clone()
        };
        rows.push(vec![
            name,
            department.offered.to_string(),
            department.answered.to_string(),
            department.abandoned.to_string(),
            department.timed_out.to_string(),
            department.still_waiting.to_string(),
            percent(department.service_level, lang),
            percent(department.waited_share, lang),
            duration(department.mean_wait_s, lang),
            duration(department.p90_wait_s, lang),
            department.longest_line.to_string(),
        ]);
    }
    table(out, &rows);
}

fn agents(out: &mut String, report: &LoadReport, lang: Lang) {
    if report.agents.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", tr!(lang, "load-agents"));
    let header = [
        "load-col-agent",
        "load-col-handled",
        "load-col-occupancy",
        "load-col-in-hand",
    ];
    let mut rows = vec![header.iter().map(|id| tr!(lang, id)).collect::<Vec<_>>()];
    for agent in &report.agents {
        let mut label = if agent.name == agent.agent {
            agent.agent.clone()
        } else {
            format!("{} ({})", agent.name, agent.agent)
        };
        match agent.status {
            AgentStatus::Online => {}
            AgentStatus::Away => {
                let _ = write!(label, ", {}", tr!(lang, "load-status-away"));
            }
            AgentStatus::Offline => {
                let _ = write!(label, ", {}", tr!(lang, "load-status-offline"));
            }
        }
        let capacity = if agent.capacity == 0 {
            tr!(lang, "load-no-limit")
        } else {
            agent.capacity.to_string()
        };
        rows.push(vec![
            label,
            agent.handled.to_string(),
            percent(Some(agent.occupancy), lang),
            format!("{} / {capacity}", decimal(agent.mean_active_chats, 1, lang)),
        ]);
    }
    table(out, &rows);
}

fn bot_ends(out: &mut String, report: &LoadReport, lang: Lang) {
    if report.bot_ends.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", tr!(lang, "load-bot-ends"));
    let rows: Vec<Vec<String>> = report
        .bot_ends
        .iter()
        .map(|end| {
            let label = match &end.node {
                Some(node) => tr!(
                    lang,
                    "load-end-at",
                    reason = end.reason.as_str(),
                    node = node.as_str()
                ),
                None => end.reason.as_str().to_owned(),
            };
            vec![label, end.chats.to_string()]
        })
        .collect();
    table(out, &rows);
}

fn scenarios(out: &mut String, report: &LoadReport, lang: Lang) {
    let _ = writeln!(out, "\n{}", tr!(lang, "load-scenarios"));
    let rows: Vec<Vec<String>> = report
        .scenarios
        .iter()
        .map(|scenario| {
            let name = if scenario.scenario.is_empty() {
                tr!(lang, "load-empty-scenario")
            } else {
                scenario.scenario.clone()
            };
            vec![name, scenario.chats.to_string()]
        })
        .collect();
    table(out, &rows);
}

fn hours(out: &mut String, report: &LoadReport, lang: Lang) {
    let _ = writeln!(out, "\n{}", tr!(lang, "load-hours"));
    let header = [
        "load-col-hour",
        "load-col-arrivals",
        "load-col-to-human",
        "load-col-answered",
        "load-col-abandoned",
        "load-col-waiting",
        "load-col-waiting-max",
        "load-col-busy",
    ];
    let mut rows = vec![header.iter().map(|id| tr!(lang, id)).collect::<Vec<_>>()];
    for hour in &report.hourly {
        rows.push(vec![
            hour.from.clone(),
            hour.arrivals.to_string(),
            hour.to_human.to_string(),
            hour.answered.to_string(),
            hour.abandoned.to_string(),
            decimal(hour.chats_waiting, 1, lang),
            hour.chats_waiting_max.to_string(),
            decimal(hour.agents_busy, 1, lang),
        ]);
    }
    table(out, &rows);
}

/// Rows as columns two spaces apart: the first column left-aligned, the others right-aligned.
fn table(out: &mut String, rows: &[Vec<String>]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|column| {
            rows.iter()
                .filter_map(|row| row.get(column))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::from("  ");
        for (column, cell) in row.iter().enumerate() {
            let width = widths.get(column).copied().unwrap_or(0);
            let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
            if column == 0 {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str("  ");
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// `2026-11-23T08:00:00-03:00` as `2026-11-23 08:00 (-03:00)`.
fn readable_start(start: &str) -> String {
    match (start.get(..10), start.get(11..16), start.get(19..)) {
        (Some(date), Some(time), Some(offset)) if !offset.is_empty() => {
            let offset = if offset == "Z" { "UTC" } else { offset };
            format!("{date} {time} ({offset})")
        }
        _ => start.to_owned(),
    }
}

/// A number with `places` decimals and the language's decimal mark.
fn decimal(value: f64, places: usize, lang: Lang) -> String {
    let text = format!("{value:.places$}");
    match lang {
        Lang::PtBr => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A number as written in a file (`30`, `12.5`, `-5`), with the language's decimal mark.
fn plain_number(value: f64, lang: Lang) -> String {
    let text = value.to_string();
    match lang {
        Lang::PtBr => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A share as `81.2 %`; `–` when there is nothing to divide.
pub(crate) fn percent(share: Option<f64>, lang: Lang) -> String {
    share.map_or_else(
        || "–".to_owned(),
        |share| format!("{} %", decimal(share * 100.0, 1, lang)),
    )
}

/// Seconds as `4.2 s`, `45 s`, `2 min 10 s`, `1 h 05 min`; `–` for none.
pub(crate) fn duration(seconds: Option<f64>, lang: Lang) -> String {
    let Some(seconds) = seconds else {
        return "–".to_owned();
    };
    if seconds == 0.0 {
        return "0 s".to_owned();
    }
    if seconds < 10.0 {
        return format!("{} s", decimal(seconds, 1, lang));
    }
    let whole = seconds.round() as u64;
    match whole {
        0..60 => format!("{whole} s"),
        60..3600 if whole.is_multiple_of(60) => format!("{} min", whole / 60),
        60..3600 => format!("{} min {} s", whole / 60, whole % 60),
        _ => format!("{} h {:02} min", whole / 3600, whole / 60 % 60),
    }
}

/// A problem in the JSON: its code and arguments, where it is and what it says.
#[derive(Serialize)]
struct ProblemJson<'a> {
    #[serde(flatten)]
    problem: &'a LoadProblem,
    field: String,
    message: String,
}

/// The report as `--format json` prints it: the file, then the report's own fields, with each
/// warning's field and message beside its code (a test holds the keys to the report's).
#[derive(Serialize)]
struct ReportJson<'a> {
    file: String,
    flow: &'a str,
    start: &'a str,
    hours: u32,
    seed: u64,
    arrivals_per_hour: &'a [f64],
    handle_time_s: f64,
    patience_s: f64,
    service_level_s: f64,
    chats: u64,
    to_human: u64,
    bot_only: u64,
    in_bot_at_close: u64,
    departments: &'a [fluxo_core::load::DepartmentLoad],
    agents: &'a [fluxo_core::load::AgentLoad],
    bot_ends: &'a [fluxo_core::load::BotEndCount],
    scenarios: &'a [fluxo_core::load::ScenarioCount],
    hourly: &'a [fluxo_core::load::HourLoad],
    warnings: Vec<ProblemJson<'a>>,
    stopped_early: Option<&'a EarlyStop>,
}

fn json(file: &Path, report: &LoadReport, lang: Lang) -> serde_json::Result<String> {
    let document = ReportJson {
        file: file.display().to_string(),
        flow: &report.flow,
        start: &report.start,
        hours: report.hours,
        seed: report.seed,
        arrivals_per_hour: &report.arrivals_per_hour,
        handle_time_s: report.handle_time_s,
        patience_s: report.patience_s,
        service_level_s: report.service_level_s,
        chats: report.chats,
        to_human: report.to_human,
        bot_only: report.bot_only,
        in_bot_at_close: report.in_bot_at_close,
        departments: &report.departments,
        agents: &report.agents,
        bot_ends: &report.bot_ends,
        scenarios: &report.scenarios,
        hourly: &report.hourly,
        warnings: report
            .warnings
            .iter()
            .map(|problem| ProblemJson {
                problem,
                field: problem.field(),
                message: problem_message(problem, lang),
            })
            .collect(),
        stopped_early: report.stopped_early.as_ref(),
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_has_every_key_of_the_report() {
        let flow = Flow {
            load: Some(LoadPlan {
                arrivals_per_hour: Arrivals::PerHour(vec![5.0]),
                hours: 2,
                ..LoadPlan::default()
            }),
            ..Flow::new("t")
        };
        let plan = plan_for(&flow, Overrides::default()).unwrap();
        let report = simulate(&flow, &plan, &LoadOptions::default()).unwrap();
        assert_eq!(report.warnings.len(), 1);
        let core = serde_json::to_value(&report).unwrap();
        let cli: serde_json::Value =
            serde_json::from_str(&json(Path::new("t.flow.ron"), &report, Lang::En).unwrap())
                .unwrap();
        for key in core.as_object().unwrap().keys() {
            assert!(cli.get(key).is_some(), "`{key}` is missing from the JSON");
        }
        assert_eq!(cli["file"], "t.flow.ron");
        assert_eq!(cli["warnings"][0]["code"], "load-hours-beyond-rates");
        assert_eq!(cli["warnings"][0]["field"], "load.hours");
        assert_eq!(cli["warnings"][0]["hours"], 2);
        assert!(
            cli["warnings"][0]["message"]
                .as_str()
                .unwrap()
                .contains("2 hours")
        );
    }

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration(Some(4.25), Lang::En), "4.2 s");
        assert_eq!(duration(Some(4.25), Lang::PtBr), "4,2 s");
        assert_eq!(duration(Some(45.4), Lang::En), "45 s");
        assert_eq!(duration(Some(120.0), Lang::En), "2 min");
        assert_eq!(duration(Some(130.0), Lang::En), "2 min 10 s");
        assert_eq!(duration(Some(3900.0), Lang::En), "1 h 05 min");
        assert_eq!(duration(None, Lang::En), "–");
        assert_eq!(duration(Some(0.0), Lang::En), "0 s");
        assert_eq!(percent(Some(0.8123), Lang::PtBr), "81,2 %");
        assert_eq!(
            readable_start("2026-11-23T08:00:00-03:00"),
            "2026-11-23 08:00 (-03:00)"
        );
    }

    #[test]
    fn the_flags_override_the_plan() {
        let mut flow = Flow::new("t");
        assert_eq!(plan_for(&flow, Overrides::default()), None);
        let plan = plan_for(
            &flow,
            Overrides {
                rate: Some(12.0),
                ..Overrides::default()
            },
        )
        .unwrap();
        assert_eq!(plan.arrivals_per_hour, Arrivals::Each(12.0));
        assert_eq!(plan.day_hours(), 10);
        flow.load = Some(LoadPlan {
            arrivals_per_hour: Arrivals::PerHour(vec![1.0, 2.0, 3.0]),
            seed: 4,
            ..LoadPlan::default()
        });
        let plan = plan_for(
            &flow,
            Overrides {
                rate: Some(30.0),
                seed: Some(9),
                ..Overrides::default()
            },
        )
        .unwrap();
        assert_eq!(plan.arrivals_per_hour, Arrivals::Each(30.0));
        assert_eq!(plan.hours, 3, "the day keeps its three hours");
        assert_eq!(plan.seed, 9);
        let plan = plan_for(
            &flow,
            Overrides {
                hours: Some(2),
                ..Overrides::default()
            },
        )
        .unwrap();
        assert_eq!(plan.hours, 2);
        assert_eq!(plan.seed, 4);
    }

    #[test]
    fn every_problem_is_worded_in_both_languages() {
        let problems = [
            LoadProblem::UnknownScenario {
                scenario: "X".into(),
            },
            LoadProblem::BadRate {
                hour: 0,
                rate: -2.5,
            },
            LoadProblem::HoursBeyondRates { hours: 3, rates: 2 },
            LoadProblem::UnusedRates { hours: 1, rates: 2 },
            LoadProblem::BadWeight {
                scenario: "X".into(),
                weight: f64::NAN,
            },
            LoadProblem::NothingToDraw,
            LoadProblem::BadDuration {
                field: "handle_time_s",
                seconds: 0.0,
            },
            LoadProblem::BadDuration {
                field: "patience_s",
                seconds: -1.0,
            },
            LoadProblem::BadStart { start: "x".into() },
            LoadProblem::TooManyHours {
                hours: 800,
                max: 744,
            },
            LoadProblem::TooManyChats {
                expected: 2e6,
                max: 1_000_000,
            },
            LoadProblem::NoArrivals,
        ];
        // A missing message shows as its id, a missing argument as `{$name}`.
        for lang in Lang::ALL {
            for problem in &problems {
                let text = problem_message(problem, lang);
                assert!(!text.starts_with("load-problem"), "{text}");
                assert!(!text.contains("{$"), "{text}");
            }
        }
        assert_eq!(
            problem_message(&problems[1], Lang::PtBr),
            "a taxa da hora 1 é -2,5: uma taxa é de 0 ou mais chats por hora"
        );
        assert_eq!(
            problem_message(&problems[6], Lang::En),
            "handle_time_s is 0: it must be more than 0 seconds"
        );
        assert_eq!(
            problem_message(&problems[7], Lang::En),
            "patience_s is -1: it must be 0 or more seconds"
        );
    }
}
