//! `FluxoApp`: owns the document, draws the panels, applies the frame's edits once.

use std::path::PathBuf;

/// Portuguese for this module's strings.
pub(crate) const PT_BR: &[(&str, &str)] = &[];

/// Opens the window.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let _ = file;
    anyhow::bail!("the editor window is not built yet")
}
