use std::path::PathBuf;
use std::process::ExitCode;

use super::OutputFormat;

pub fn main(files: &[PathBuf], format: OutputFormat) -> ExitCode {
    let _ = (files, format);
    eprintln!("fluxo check: not built yet");
    ExitCode::from(2)
}
