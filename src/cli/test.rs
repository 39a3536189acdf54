use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::OutputFormat;

pub fn main(files: &[PathBuf], format: OutputFormat, junit: Option<&Path>) -> ExitCode {
    let _ = (files, format, junit);
    eprintln!("fluxo test: not built yet");
    ExitCode::from(2)
}
