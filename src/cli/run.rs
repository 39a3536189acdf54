//! `fluxo run FILE [--scenario NAME] [--reply TEXT]... [--format json]`: one scenario's run as a
//! transcript, step by step, then how it ended and the chat's place on the agents' screen (its
//! lists). SubFlow nodes call the flows of FILE's folder. Exit 0 when the run ended (End, Queued,
//! WaitingReply, ChannelNotServed), 1 on DeadEnd, StepLimit or Error, 2 on bad input.

use crate::i18n::Lang;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use fluxo_core::flow::{EndReason, Flow, Scenario};
use fluxo_core::sim::{ChatLists, Options, Run, Step};
use serde::Serialize;

use super::OutputFormat;
use crate::secrets::env_secrets;

/// Whether an end counts as a run that ended well (exit 0) or a broken one (exit 1).
pub fn is_failure(reason: EndReason) -> bool {
    matches!(
        reason,
        EndReason::DeadEnd | EndReason::StepLimit | EndReason::Error
    )
}

/// Writes `text` to stdout; false when stdout is gone.
pub fn print(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => true,
        Err(err) => {
            say!("fluxo: cannot write to stdout: {err}");
            false
        }
    }
}

pub fn main(
    file: &Path,
    scenario: Option<&str>,
    replies: &[String],
    format: OutputFormat,
    lang: Lang,
    live: bool,
) -> ExitCode {
    let Ok(flow) = super::load_flow("run", file, lang) else {
        return ExitCode::from(2);
    };
    let scenario = match pick_scenario(&flow, scenario) {
        Ok(scenario) => scenario,
        Err(message) => {
            say!("fluxo run: {}: {message}", file.display());
            return ExitCode::from(2);
        }
    };
    let options = Options {
        env_secrets: env_secrets(),
        extra_replies: replies.to_vec(),
        live: crate::live::cli::transport(live),
        library: crate::library::library_for(file),
        ..Options::default()
    };
    let mut run = Run::new(&flow, &scenario, options);
    run.run_to_end();
    let text = match format {
        OutputFormat::Text => crate::live::cli::mark_transcript(&run, lang, transcript(&run)),
        OutputFormat::Json => match json(file, &run) {
            Ok(text) => text,
            Err(err) => {
                say!("fluxo run: cannot write the run as JSON: {err}");
                return ExitCode::from(2);
            }
        },
    };
    if !print(&text) {
        return ExitCode::from(2);
    }
    match run.end() {
        Some(end) if !is_failure(end.reason) => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    }
}

/// The named scenario, or the first, or an empty one.
fn pick_scenario(flow: &Flow, name: Option<&str>) -> Result<Scenario, String> {
    let Some(name) = name else {
        return Ok(flow.scenarios.first().cloned().unwrap_or_else(|| Scenario {
            name: "(empty scenario)".into(),
            ..Scenario::default()
        }));
    };
    if let Some(scenario) = flow.scenario(name) {
        return Ok(scenario.clone());
    }
    if flow.scenarios.is_empty() {
        return Err(format!(
            "no scenario named `{name}`: the file has no scenarios (leave out --scenario to run an empty one)"
        ));
    }
    let names: Vec<String> = flow
        .scenarios
        .iter()
        .map(|scenario| format!("`{}`", scenario.name))
        .collect();
    Err(format!(
        "no scenario named `{name}`; the scenarios are: {}",
        names.join(", ")
    ))
}

/// The run for people: each step, each event on its own line, then the end.
pub fn transcript(run: &Run) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "scenario: {}", run.scenario_name());
    for step in run.steps() {
        write_step(&mut out, &step);
    }
    if let Some(end) = run.end() {
        let _ = writeln!(out, "ended: {end}");
        let _ = writeln!(out, "lists: {}", lists_line(&run.chat_lists()));
    }
    out
}

/// The chat's lists on the agents' screen: `All, Open (Suporte)`, `All, Mine (ana), InService`.
pub fn lists_line(lists: &ChatLists) -> String {
    lists
        .lists
        .iter()
        .map(|list| match list {
            fluxo_core::flow::ChatList::Open if !lists.department.is_empty() => {
                format!("Open ({})", lists.department)
            }
            fluxo_core::flow::ChatList::Mine if !lists.agent.is_empty() => {
                format!("Mine ({})", lists.agent)
            }
            other => other.as_str().to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn write_step(out: &mut String, step: &Step<'_>) {
    let _ = writeln!(
        out,
        "step {}  {} ({})",
        step.index + 1,
        step.node,
        step.kind.as_str()
    );
    for event in step.events {
        for (index, line) in event.to_string().lines().enumerate() {
            let indent = if index == 0 { "  " } else { "    " };
            let _ = writeln!(out, "{indent}{line}");
        }
    }
    match (step.port, step.to) {
        (Some(port), Some(to)) => {
            let _ = writeln!(out, "  -> {port}: {to}");
        }
        (Some(port), None) => {
            let _ = writeln!(out, "  -> {port}: (no node)");
        }
        (None, Some(to)) => {
            let _ = writeln!(out, "  -> {to}");
        }
        (None, None) => {}
    }
}

#[derive(Serialize)]
struct RunJson<'a> {
    file: String,
    scenario: &'a str,
    steps: Vec<Step<'a>>,
    end: Option<&'a fluxo_core::sim::End>,
    path: Vec<&'a str>,
    agent: Option<&'a str>,
    /// The department the chat was last opened for ("" none).
    department: &'a str,
    /// The agents' screen lists the chat is in, with the department tag and whose `Mine`.
    lists: ChatLists,
    variables: BTreeMap<String, String>,
    transcript: Vec<fluxo_core::sim::Line>,
    /// Made with `--live`, and how many requests went out for real (SPEC.md section 11).
    live: bool,
    live_calls: usize,
}

fn json(file: &Path, run: &Run) -> serde_json::Result<String> {
    let document = RunJson {
        file: file.display().to_string(),
        scenario: run.scenario_name(),
        steps: run.steps().collect(),
        end: run.end(),
        path: run.path(),
        agent: run.assigned_agent(),
        department: run.department(),
        lists: run.chat_lists(),
        variables: run.variables(),
        transcript: run.transcript(),
        live: run.is_live(),
        live_calls: run.live_calls(),
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}
