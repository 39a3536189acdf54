//! `fluxo gen`: a generated, valid flow of any size up to [`MAX_NODES`] on stdout, for
//! benchmarks.

use crate::i18n::Lang;
use crate::i18n::files::{clean, os_reason, save_error_message};
use crate::tr;
use std::io::Write;
use std::process::ExitCode;

use fluxo_core::file::{self, Format};
use fluxo_core::generator;

/// The most nodes `fluxo gen` writes: a million is ~700 MB of RON; more only runs out of memory.
pub const MAX_NODES: u64 = 1_000_000;

pub fn main(nodes: u64, seed: u64, to: &str, lang: Lang) -> ExitCode {
    let format = match to {
        "ron" => Format::Ron,
        "json" => Format::Json,
        other => {
            say!(
                "fluxo gen: {}",
                tr!(lang, "cli-gen-bad-format", value = clean(other))
            );
            return ExitCode::from(2);
        }
    };
    let nodes = match usize::try_from(nodes) {
        Ok(count) if nodes <= MAX_NODES => count,
        _ => {
            say!(
                "fluxo gen: {}",
                tr!(
                    lang,
                    "cli-gen-too-many",
                    count = nodes.to_string(),
                    limit = MAX_NODES.to_string()
                )
            );
            return ExitCode::from(2);
        }
    };
    let flow = generator::flow_with_scenarios(nodes, seed, 3);
    let text = match file::to_text(&flow, format) {
        Ok(text) => text,
        Err(err) => {
            say!("fluxo gen: {}", save_error_message(lang, &err));
            return ExitCode::from(2);
        }
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`fluxo gen | head`) is not worth a message.
            if err.kind() != std::io::ErrorKind::BrokenPipe {
                say!(
                    "fluxo gen: {}",
                    tr!(lang, "cli-stdout-failed", reason = os_reason(&err))
                );
            }
            ExitCode::from(2)
        }
    }
}
