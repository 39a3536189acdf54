//! `fluxo convert IN OUT`: RON to JSON or back, by extension, without loss.

use crate::i18n::Lang;
use std::path::Path;
use std::process::ExitCode;

use fluxo_core::file;

pub fn main(input: &Path, output: &Path, _lang: Lang) -> ExitCode {
    if file::Format::from_path(output).is_none() {
        say!(
            "fluxo convert: {}: the output name must end in .ron or .json",
            output.display()
        );
        return ExitCode::from(2);
    }
    let loaded = match file::load(input) {
        Ok(loaded) => loaded,
        Err(err) => {
            say!("fluxo convert: {err}");
            return ExitCode::from(2);
        }
    };
    for field in &loaded.unknown_fields {
        say!(
            "fluxo convert: {}: unknown field `{field}` ignored (it is not in the output)",
            input.display()
        );
    }
    match file::save(&loaded.flow, output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            say!("fluxo convert: {err}");
            ExitCode::from(2)
        }
    }
}
