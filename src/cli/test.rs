//! `fluxo test FILE... [--format json] [--junit OUT.xml]`: every scenario of every file, pass or
//! fail with the failing expectations, node and branch coverage per flow (the nodes and branches
//! of the flows its SubFlow nodes call counted under the caller, `coleta/pede_cpf`), and last the
//! line `N passed, N failed`. SubFlow nodes call the flows of each file's folder. Exit 0 all
//! passed, 1 any failed, 2 bad input.

use crate::i18n::Lang;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use fluxo_core::sim::{FlowReport, Options, test_flow};
use serde::Serialize;

use super::OutputFormat;
use super::junit;
use super::run::print;
use crate::secrets::env_secrets;

/// One file's report.
#[derive(Serialize)]
pub struct FileReport {
    pub file: String,
    #[serde(flatten)]
    pub report: FlowReport,
}

/// A file that could not be read or parsed: no scenario of it ran.
pub struct Unreadable {
    pub file: String,
    /// `PATH:LINE:COLUMN: message`.
    pub error: String,
}

/// One entry of the JSON's `files`, in the order given: a report, or why there is none.
#[derive(Serialize)]
#[serde(untagged)]
enum FileJson<'a> {
    Tested(&'a FileReport),
    Unreadable { file: &'a str, error: &'a str },
}

#[derive(Serialize)]
struct TestJson<'a> {
    files: Vec<FileJson<'a>>,
    passed: usize,
    failed: usize,
    /// Files that could not be read (their scenarios are in neither count).
    unreadable: usize,
    /// Run with `--live`: requests no mock answers went out for real (SPEC.md section 11).
    live: bool,
}

pub fn main(
    files: &[PathBuf],
    format: OutputFormat,
    junit_path: Option<&Path>,
    lang: Lang,
    live: bool,
) -> ExitCode {
    let options = Options {
        env_secrets: env_secrets(),
        live: crate::live::cli::transport(live),
        ..Options::default()
    };
    let mut reports = Vec::new();
    let mut unreadable = Vec::new();
    // Where each file went, to list them in the order given.
    let mut order = Vec::new();
    for path in files {
        let file = path.display().to_string();
        match super::load_flow("test", path, lang) {
            Ok(flow) => {
                order.push(Ok(reports.len()));
                let options = Options {
                    library: crate::library::library_for(path),
                    ..options.clone()
                };
                reports.push(FileReport {
                    file,
                    report: test_flow(&flow, &options),
                });
            }
            Err(error) => {
                order.push(Err(unreadable.len()));
                unreadable.push(Unreadable { file, error });
            }
        }
    }
    let passed: usize = reports.iter().map(|file| file.report.passed()).sum();
    let failed: usize = reports.iter().map(|file| file.report.failed()).sum();
    let text = match format {
        OutputFormat::Text => crate::live::cli::mark_test_text(
            text(&reports, &unreadable, passed, failed),
            &reports,
            lang,
        ),
        OutputFormat::Json => {
            let document = TestJson {
                files: order
                    .iter()
                    .map(|&at| match at {
                        Ok(index) => FileJson::Tested(&reports[index]),
                        Err(index) => FileJson::Unreadable {
                            file: &unreadable[index].file,
                            error: &unreadable[index].error,
                        },
                    })
                    .collect(),
                passed,
                failed,
                unreadable: unreadable.len(),
                live,
            };
            match serde_json::to_string_pretty(&document) {
                Ok(mut text) => {
                    text.push('\n');
                    text
                }
                Err(err) => {
                    say!("fluxo test: cannot write the results as JSON: {err}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    if !print(&text) {
        return ExitCode::from(2);
    }
    if let Some(path) = junit_path
        && let Err(err) =
            fluxo_core::file::write_atomic(path, junit::xml(&reports, &unreadable).as_bytes())
    {
        say!(
            "fluxo test: cannot write the JUnit report {}: {err}",
            path.display()
        );
        return ExitCode::from(2);
    }
    if !unreadable.is_empty() {
        ExitCode::from(2)
    } else if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The results for people; the last line is `N passed, N failed`.
pub fn text(
    reports: &[FileReport],
    unreadable: &[Unreadable],
    passed: usize,
    failed: usize,
) -> String {
    let mut out = String::new();
    for file in unreadable {
        let _ = writeln!(out, "{}\n  not run: {}", file.file, file.error);
    }
    for file in reports {
        let report = &file.report;
        if report.flow.is_empty() {
            let _ = writeln!(out, "{}", file.file);
        } else {
            let _ = writeln!(out, "{} ({})", file.file, report.flow);
        }
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
