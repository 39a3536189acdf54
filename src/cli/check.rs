//! `fluxo check FILE... [--format json]`: the findings of each file.
//!
//! Text: one line per finding on stdout, `FILE: severity[code] node.field: message` (see
//! `Finding::location` for findings without a node or field). A file that cannot be read or
//! parsed prints the loader's `PATH:LINE:COLUMN: message` on stderr and the other files are still
//! checked. JSON: one document, `{"files": [{"file", "findings", "error"}], "errors", "warnings"}`,
//! each finding `{"severity", "code", "node", "field", "message", "args"}`.
//! Exit: 2 when a file could not be read, else 1 when any finding is an error, else 0.
//!
//! Messages are in `--lang`'s words (`i18n::findings`); severities, codes, node ids, fields,
//! JSON keys, `args` and exit codes are the same in every language.

use crate::i18n::Lang;
use crate::i18n::findings::finding_message;
use crate::tr;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use fluxo_core::check::Args;
use fluxo_core::check::check_loaded;
use fluxo_core::{Finding, Severity, file};
use serde::Serialize;

use super::OutputFormat;

/// What `--format json` prints.
#[derive(Debug, Serialize)]
struct Report {
    files: Vec<FileReport>,
    /// Error findings in all files (unreadable files are not counted here: see `error`).
    errors: usize,
    warnings: usize,
}

#[derive(Debug, Serialize)]
struct FileReport {
    file: String,
    findings: Vec<JsonFinding>,
    /// Why the file could not be read or parsed (`PATH:LINE:COLUMN: message`), or null.
    error: Option<String>,
}

/// One finding as `--format json` prints it: the core's data and its message in `--lang`.
#[derive(Debug, Serialize)]
struct JsonFinding {
    severity: Severity,
    code: fluxo_core::Code,
    node: Option<String>,
    field: Option<String>,
    message: String,
    args: Args,
    /// `node.field`, as the text line prints it.
    #[serde(skip)]
    location: String,
}

impl JsonFinding {
    fn new(lang: Lang, finding: Finding) -> Self {
        JsonFinding {
            message: finding_message(lang, &finding),
            location: finding.location(),
            severity: finding.severity,
            code: finding.code,
            node: finding.node,
            field: finding.field,
            args: finding.args,
        }
    }
}

pub fn main(files: &[PathBuf], format: OutputFormat, lang: Lang) -> ExitCode {
    let mut report = Report {
        files: Vec::with_capacity(files.len()),
        errors: 0,
        warnings: 0,
    };
    let mut is_unreadable = false;
    for path in files {
        let name = path.display().to_string();
        match file::load(path) {
            Ok(loaded) => {
                let findings = check_loaded(&loaded);
                for finding in &findings {
                    match finding.severity {
                        Severity::Error => report.errors += 1,
                        Severity::Warning => report.warnings += 1,
                    }
                }
                report.files.push(FileReport {
                    file: name,
                    findings: findings
                        .into_iter()
                        .map(|finding| JsonFinding::new(lang, finding))
                        .collect(),
                    error: None,
                });
            }
            Err(err) => {
                is_unreadable = true;
                let message = crate::i18n::files::load_error_message(lang, &err);
                say!("{message}");
                report.files.push(FileReport {
                    file: name,
                    findings: Vec::new(),
                    error: Some(message),
                });
            }
        }
    }
    let printed = match format {
        OutputFormat::Text => print_text(&report),
        OutputFormat::Json => print_json(&report),
    };
    if let Err(err) = printed {
        // A closed pipe (`fluxo check ... | head`) is not worth a message.
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            say!("fluxo check: cannot write to stdout: {err}");
        }
        return ExitCode::from(2);
    }
    if format == OutputFormat::Text && (report.errors > 0 || report.warnings > 0) {
        say!(
            "{}",
            tr!(
                lang,
                "check-summary",
                errors = report.errors,
                warnings = report.warnings,
                files = files.len()
            )
        );
    }
    if is_unreadable {
        ExitCode::from(2)
    } else if report.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A line break inside a name or message would break the one-line-per-finding contract.
fn one_line(text: &str) -> String {
    if text.contains(['\n', '\r']) {
        text.replace('\r', "\\r").replace('\n', "\\n")
    } else {
        text.to_owned()
    }
}

fn print_text(report: &Report) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    for file in &report.files {
        for finding in &file.findings {
            // `FILE: severity[code] where: message`
            let text = format!(
                "{}: {}[{}] {}: {}",
                file.file,
                finding.severity.as_str(),
                finding.code.as_str(),
                finding.location,
                finding.message
            );
            writeln!(out, "{}", one_line(&text))?;
        }
    }
    out.flush()
}

fn print_json(report: &Report) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, report)?;
    writeln!(out)?;
    out.flush()
}
