//! fluxo: a customer-service bot flow designer, checker and step-by-step simulator.
//!
//! `fluxo` opens the editor on the bundled sample flow, `fluxo FILE` opens FILE, and the
//! subcommands (`check`, `run`, `test`, `convert`, `gen`) work headless. See SPEC.md section 6.
//! A first word that is neither a command nor an existing file is a usage error (exit 2): the
//! window is never tried for a typo.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;
use fluxo::cli::{self, usage};
use fluxo::{i18n::Lang, ui};

fn say(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "fluxo: {message}");
}

fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = match usage::language(&argv) {
        Ok(lang) => lang,
        Err(message) => {
            say(&message);
            return ExitCode::from(2);
        }
    };
    // A panic is a bug: say so in the user's language, without the build machine's folders.
    std::panic::set_hook(Box::new(move |info| say(&usage::panic_message(lang, info))));
    if let Some(message) = usage::first_word_error(&argv, lang) {
        say(&message);
        return ExitCode::from(2);
    }
    let args = match cli::Args::try_parse_from(&argv) {
        Ok(args) => args,
        Err(err) => return clap_failed(&err, lang),
    };
    match args.command {
        Some(command) => cli::run(command, lang),
        None => match ui::run_window(args.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                say(&usage::window_error_message(lang, &format!("{err:#}")));
                ExitCode::from(2)
            }
        },
    }
}

/// A usage error in our words (exit 2); `--help` and `--version` as clap prints them.
fn clap_failed(err: &clap::Error, lang: Lang) -> ExitCode {
    if let Some(message) = usage::clap_error_message(err, lang) {
        say(&message);
        return ExitCode::from(2);
    }
    let _ = err.print();
    ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2))
}
