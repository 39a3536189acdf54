//! `fluxo gen`: a generated, valid flow of any size on stdout, for benchmarks.

use crate::i18n::Lang;
use std::io::Write;
use std::process::ExitCode;

use fluxo_core::file::{self, Format};
use fluxo_core::generator;

pub fn main(nodes: usize, seed: u64, to: &str, _lang: Lang) -> ExitCode {
    let format = match to {
        "ron" => Format::Ron,
        "json" => Format::Json,
        other => {
            say!("fluxo gen: --to must be `ron` or `json`, not `{other}`");
            return ExitCode::from(2);
        }
    };
    let flow = generator::flow_with_scenarios(nodes, seed, 3);
    let text = match file::to_text(&flow, format) {
        Ok(text) => text,
        Err(err) => {
            say!("fluxo gen: {err:#}");
            return ExitCode::from(2);
        }
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            say!("fluxo gen: cannot write to stdout: {err}");
            ExitCode::from(2)
        }
    }
}
