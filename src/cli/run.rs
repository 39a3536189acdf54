use std::path::Path;
use std::process::ExitCode;

use super::OutputFormat;

pub fn main(
    file: &Path,
    scenario: Option<&str>,
    replies: &[String],
    format: OutputFormat,
) -> ExitCode {
    let _ = (file, scenario, replies, format);
    eprintln!("fluxo run: not built yet");
    ExitCode::from(2)
}
