//! `fluxo test FILE... [--format json] [--junit OUT.xml]`: every scenario of every file, pass or
//! fail with the failing expectations, node and branch coverage per flow, and last the line
//! `N passed, N failed`. Exit 0 all passed, 1 any failed, 2 bad input.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use fluxo_core::sim::{FlowReport, Options, test_flow};
use serde::Serialize;

use super::OutputFormat;
use super::junit;
use super::run::{env_secrets, load_flow, print};

/// One file's report.
#[derive(Serialize)]
pub struct FileReport {
    pub file: String,
    #[serde(flatten)]
    pub report: FlowReport,
}

#[derive(Serialize)]
struct TestJson<'a> {
    files: &'a [FileReport],
    passed: usize,
    failed: usize,
}

pub fn main(files: &[PathBuf], format: OutputFormat, junit_path: Option<&Path>) -> ExitCode {
    let options = Options {
        env_secrets: env_secrets(),
        ..Options::default()
    };
    let mut bad_input = false;
    let mut reports = Vec::new();
    for path in files {
        match load_flow("test", path) {
            Some(flow) => reports.push(FileReport {
                file: path.display().to_string(),
                report: test_flow(&flow, &options),
            }),
            None => bad_input = true,
        }
    }
    let passed: usize = reports.iter().map(|file| file.report.passed()).sum();
    let failed: usize = reports.iter().map(|file| file.report.failed()).sum();
    let text = match format {
        OutputFormat::Text => text(&reports, passed, failed),
        OutputFormat::Json => {
            let document = TestJson {
                files: &reports,
                passed,
                failed,
            };
            match serde_json::to_string_pretty(&document) {
                Ok(mut text) => {
                    text.push('\n');
                    text
                }
                Err(err) => {
                    eprintln!("fluxo test: cannot write the results as JSON: {err}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    if !print(&text) {
        return ExitCode::from(2);
    }
    if let Some(path) = junit_path
        && let Err(err) = fluxo_core::file::write_atomic(path, junit::xml(&reports).as_bytes())
    {
        eprintln!(
            "fluxo test: cannot write the JUnit report {}: {err}",
            path.display()
        );
        return ExitCode::from(2);
    }
    if bad_input {
        ExitCode::from(2)
    } else if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The results for people; the last line is `N passed, N failed`.
pub fn text(reports: &[FileReport], passed: usize, failed: usize) -> String {
    let mut out = String::new();
    for file in reports {
        let report = &file.report;
        let _ = writeln!(out, "{} ({})", file.file, report.flow);
        if report.results.is_empty() {
            let _ = writeln!(out, "  (no scenarios)");
        }
        for result in &report.results {
            let verdict = if result.passed { "PASS" } else { "FAIL" };
            match &result.end {
                Some(end) if !result.passed => {
                    let _ = writeln!(out, "  {verdict}  {} (ended {end})", result.name);
                }
                _ => {
                    let _ = writeln!(out, "  {verdict}  {}", result.name);
                }
            }
            for failure in &result.failures {
                let _ = writeln!(out, "        {failure}");
            }
        }
        let coverage = &report.coverage;
        let _ = writeln!(out, "  coverage: {coverage}");
        if !coverage.uncovered_nodes.is_empty() {
            let _ = writeln!(
                out,
                "    nodes no scenario reached: {}",
                coverage.uncovered_nodes.join(", ")
            );
        }
        if !coverage.uncovered_branches.is_empty() {
            let branches: Vec<String> = coverage
                .uncovered_branches
                .iter()
                .map(|branch| format!("{}.{} -> {}", branch.from, branch.port, branch.to))
                .collect();
            let _ = writeln!(
                out,
                "    branches no scenario took: {}",
                branches.join(", ")
            );
        }
    }
    let _ = writeln!(out, "{passed} passed, {failed} failed");
    out
}
