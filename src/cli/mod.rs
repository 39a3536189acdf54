//! The headless commands of SPEC.md section 6. Results go to stdout, messages to stderr.
//! Exit codes: 0 fine, 1 the flow or run has a problem, 2 bad input or usage.

/// `eprintln!` that never panics: `eprintln!` panics when stderr is a closed pipe
/// (`fluxo check ... 2>&1 >/dev/null | true`), and a message nobody reads is no reason to crash.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod check;
mod convert;
pub(crate) mod diff;
// `pub(crate)`: the window's File > Import and "Copy as ALTU action" word the same.
pub(crate) mod export;
mod generate;
pub(crate) mod import;
mod junit;
pub(crate) mod load;
// `pub(crate)`: the window's simulator reads the same FLUXO_SECRET_* variables.
pub(crate) mod run;
// `pub(crate)`: `crate::live` marks a live test's text and JUnit report.
pub(crate) mod test;
pub mod usage;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use fluxo_core::file::{self, Loaded};
use fluxo_core::flow::Flow;

use crate::i18n::Lang;
use crate::i18n::files::{clean, load_error_message};
use crate::tr;

/// fluxo: design, check and simulate customer-service bot flows.
#[derive(Debug, Parser)]
#[command(name = "fluxo", version, subcommand_negates_reqs = true)]
pub struct Args {
    /// A flow file to open in the editor (`.flow.ron` or `.flow.json`); none opens the sample.
    pub file: Option<PathBuf>,
    /// The language of findings, events and messages: `en` or `pt-BR` (default: `LC_ALL`,
    /// `LC_MESSAGES`, `LANG`, else English). Codes, node ids and JSON keys never change with it.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How results are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Lines for people.
    #[default]
    Text,
    /// One JSON document on stdout, for tools and CI.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check flows: prints `FILE: severity[code] node.field: message` per finding.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
    },
    /// Run one scenario and print the transcript step by step.
    Run {
        file: PathBuf,
        /// The scenario's name (default: the first, or an empty scenario).
        #[arg(long)]
        scenario: Option<String>,
        /// A contact reply, used after the scenario's own (repeatable).
        #[arg(long = "reply")]
        replies: Vec<String>,
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
        /// Send requests that no scenario mock answers to the network (the built-in platform
        /// mock is off). Without it nothing leaves the machine.
        #[arg(long)]
        live: bool,
    },
    /// Run every scenario of every file, with coverage.
    Test {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
        /// Also write the results as JUnit XML.
        #[arg(long)]
        junit: Option<PathBuf>,
        /// Send requests that no scenario mock answers to the network (the built-in platform
        /// mock is off). Without it nothing leaves the machine.
        #[arg(long)]
        live: bool,
    },
    /// What changed between two versions of a flow, and which scenarios now end differently.
    Diff {
        /// The version before the change (`.flow.ron` or `.flow.json`).
        old: PathBuf,
        /// The version after it.
        new: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
    },
    /// Convert between RON and JSON, by extension.
    Convert { input: PathBuf, output: PathBuf },
    /// Import a flow from another platform: `fluxo import typebot IN.json OUT.flow.ron`.
    Import {
        from: import::Source,
        /// The export to read (JSON).
        input: PathBuf,
        /// The flow to write (`.flow.ron` or `.flow.json`); never the input.
        output: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
    },
    /// Export a node for another platform: `fluxo export altu FILE --node ID`.
    Export {
        to: export::Target,
        file: PathBuf,
        /// The id of the node to export.
        #[arg(long)]
        node: String,
    },
    /// Write a generated, valid flow of N nodes to stdout (for benchmarks); at most 1,000,000.
    Gen {
        #[arg(long, default_value_t = 200)]
        nodes: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// `ron` or `json`.
        #[arg(long, default_value = "ron")]
        to: String,
    },
    /// A day of chats through the flow: what it does to the team (SPEC section 10).
    Load {
        file: PathBuf,
        /// Chats per hour, every hour (overrides the file's `load` section).
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        rate: Option<f64>,
        /// Hours the day lasts.
        #[arg(long, value_name = "H")]
        hours: Option<u32>,
        /// Seed of the day's chance: the same seed gives the same day.
        #[arg(long, value_name = "S")]
        seed: Option<u64>,
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
    },
}

pub fn run(command: Command, lang: Lang) -> ExitCode {
    match command {
        Command::Check { files, format } => check::main(&files, format, lang),
        Command::Run {
            file,
            scenario,
            replies,
            format,
            live,
        } => run::main(&file, scenario.as_deref(), &replies, format, lang, live),
        Command::Test {
            files,
            format,
            junit,
            live,
        } => test::main(&files, format, junit.as_deref(), lang, live),
        Command::Convert { input, output } => convert::main(&input, &output, lang),
        Command::Import {
            from,
            input,
            output,
            format,
        } => import::main(from, &input, &output, format, lang),
        Command::Export { to, file, node } => export::main(to, &file, &node, lang),
        Command::Diff { old, new, format } => diff::main(&old, &new, format, lang),
        Command::Gen { nodes, seed, to } => generate::main(nodes, seed, &to, lang),
        Command::Load {
            file,
            rate,
            hours,
            seed,
            format,
        } => load::main(&file, load::Overrides { rate, hours, seed }, format, lang),
    }
}

/// At most this many unknown fields are named on stderr per file; the rest are counted.
const UNKNOWN_FIELDS_SHOWN: usize = 20;

/// Names the unknown fields of a loaded file on stderr (the first few, then how many more).
/// `message` is `cli-unknown-field` or `cli-unknown-field-dropped`.
pub(crate) fn say_unknown_fields(
    command: &str,
    path: &Path,
    loaded: &Loaded,
    message: &str,
    lang: Lang,
) {
    let path = clean(&path.display().to_string());
    for field in loaded.unknown_fields.iter().take(UNKNOWN_FIELDS_SHOWN) {
        say!(
            "fluxo {command}: {}",
            tr!(lang, message, path = path.as_str(), field = clean(field))
        );
    }
    let more = loaded
        .unknown_field_count
        .saturating_sub(UNKNOWN_FIELDS_SHOWN);
    if more > 0 {
        say!(
            "fluxo {command}: {}",
            tr!(
                lang,
                "cli-unknown-fields-more",
                path = path.as_str(),
                count = more
            )
        );
    }
}

/// Loads a flow for a headless command; unknown fields go to stderr. The error, worded in
/// `lang` (`PATH:LINE:COLUMN: message`), goes to stderr too and is returned.
pub(crate) fn load_flow(command: &str, path: &Path, lang: Lang) -> Result<Flow, String> {
    match file::load(path) {
        Ok(loaded) => {
            say_unknown_fields(command, path, &loaded, "cli-unknown-field", lang);
            Ok(loaded.flow)
        }
        Err(err) => {
            let message = load_error_message(lang, &err);
            say!("{message}");
            Err(message)
        }
    }
}
