//! fluxo: a customer-service bot flow designer, checker and step-by-step simulator.
//!
//! `fluxo` opens the editor on the bundled sample flow, `fluxo FILE` opens FILE, and the
//! subcommands (`check`, `run`, `test`, `convert`, `gen`) work headless. See SPEC.md section 6.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;
use fluxo::{cli, ui};

fn main() -> ExitCode {
    let args = cli::Args::parse();
    let lang = match args.language() {
        Ok(lang) => lang,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "fluxo: {message}");
            return ExitCode::from(2);
        }
    };
    match args.command {
        Some(command) => cli::run(command, lang),
        None => match ui::run_window(args.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                let _ = writeln!(std::io::stderr(), "fluxo: {err:#}");
                ExitCode::from(2)
            }
        },
    }
}
