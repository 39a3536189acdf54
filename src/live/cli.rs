//! `fluxo run --live` and `fluxo test --live` (SPEC.md section 11): the transport, and the marks
//! that keep a live run from being mistaken for an offline one: a banner and the list of live
//! calls in the text, `live` in the JSON, properties in the JUnit report.

use std::fmt::Write as _;

use fluxo_core::sim::{
    AnswerSource, Event, FlowReport, LiveTransport, Request, Run, ScenarioResult,
};

use super::client::HttpTransport;
use super::words::{answer_text, cut_text, error_text};
use crate::cli::test::FileReport;
use crate::i18n::Lang;
use crate::tr;

/// The transport for `--live`, none without it: then nothing leaves the machine.
pub fn transport(live: bool) -> Option<LiveTransport> {
    live.then(|| LiveTransport::new(HttpTransport::from_env()))
}

/// `fluxo run`'s text: for a live run, the banner first and, after the end, each live call
/// with what came back (or what went wrong, in words). An offline run's text is unchanged.
pub fn mark_transcript(run: &Run, lang: Lang, transcript: String) -> String {
    if !run.is_live() {
        return transcript;
    }
    let mut out = tr!(lang, "live-banner");
    out.push('\n');
    out.push_str(&transcript);
    let _ = writeln!(
        out,
        "{}",
        tr!(lang, "live-calls-heading", count = run.live_calls())
    );
    for line in call_lines(run, lang) {
        let _ = writeln!(out, "  {line}");
    }
    out
}

/// One line per live call: step, node, request, and its outcome.
fn call_lines(run: &Run, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    for step in run.steps() {
        let mut request: Option<&Request> = None;
        let mut outcome = None;
        let mut cut = false;
        for event in step.events {
            match event {
                Event::RequestSent(sent) => request = Some(sent),
                Event::AnswerReceived {
                    source: AnswerSource::Live,
                    status: Some(status),
                    body,
                    delay_ms,
                    ..
                } => outcome = Some(answer_text(lang, *status, *delay_ms, body)),
                Event::LiveFailed { error } => outcome = Some(error_text(lang, error)),
                Event::AnswerCut { .. } => cut = true,
                _ => {}
            }
        }
        let (Some(request), Some(outcome)) = (request, outcome) else {
            continue;
        };
        lines.push(tr!(
            lang,
            "live-call",
            step = step.index + 1,
            node_id = step.node,
            method = request.method,
            url = request.url.as_str(),
            outcome = outcome
        ));
        if cut {
            lines.push(format!("  {}", cut_text(lang)));
        }
    }
    lines
}

/// `fluxo test`'s text: for a live test, the banner first and, before the last line, each
/// scenario's live calls. An offline test's text is unchanged.
pub fn mark_test_text(text: String, reports: &[FileReport], lang: Lang) -> String {
    if !reports.iter().any(|file| file.report.live) {
        return text;
    }
    let trimmed = text.trim_end_matches('\n');
    let (head, last) = trimmed.rsplit_once('\n').unwrap_or(("", trimmed));
    let mut out = tr!(lang, "live-banner");
    out.push('\n');
    if !head.is_empty() {
        out.push_str(head);
        out.push('\n');
    }
    let _ = writeln!(out, "{}", tr!(lang, "live-test-heading"));
    for file in reports.iter().filter(|file| file.report.live) {
        let _ = writeln!(out, "  {}", file.file);
        for result in &file.report.results {
            let _ = writeln!(
                out,
                "    {}",
                tr!(
                    lang,
                    "live-test-scenario",
                    scenario = result.name.as_str(),
                    count = result.live_calls
                )
            );
        }
    }
    out.push_str(last);
    out.push('\n');
    out
}

/// The suite's property for a live file (beside coverage), or nothing.
pub fn junit_suite_property(report: &FlowReport) -> &'static str {
    if report.live {
        "<property name=\"live\" value=\"true\"/>"
    } else {
        ""
    }
}

/// The test case's properties in a live file (`live`, `live_calls`), or nothing.
pub fn junit_case_properties(report: &FlowReport, result: &ScenarioResult) -> String {
    if !report.live {
        return String::new();
    }
    format!(
        "      <properties><property name=\"live\" value=\"true\"/><property name=\"live_calls\" value=\"{}\"/></properties>\n",
        result.live_calls
    )
}
