//! `fluxo convert IN OUT`: RON to JSON or back, by extension, without loss. OUT may not be IN
//! under any name (a link or a hard link to it): a flow file is never converted onto itself.
//! What a save cannot keep (unknown fields, comments) is named on stderr.

use crate::i18n::Lang;
use crate::i18n::files::{clean, load_error_message, save_error_message};
use crate::tr;
use std::path::Path;
use std::process::ExitCode;

use fluxo_core::file;

pub fn main(input: &Path, output: &Path, lang: Lang) -> ExitCode {
    let output_name = clean(&output.display().to_string());
    if file::Format::from_path(output).is_none() {
        say!(
            "fluxo convert: {}",
            tr!(lang, "cli-save-unknown-extension", path = output_name)
        );
        return ExitCode::from(2);
    }
    if is_same_file(input, output) {
        say!(
            "fluxo convert: {}",
            tr!(lang, "cli-convert-same-file", output = output_name)
        );
        return ExitCode::from(2);
    }
    let loaded = match file::load(input) {
        Ok(loaded) => loaded,
        Err(err) => {
            say!("fluxo convert: {}", load_error_message(lang, &err));
            return ExitCode::from(2);
        }
    };
    super::say_unknown_fields("convert", input, &loaded, "cli-unknown-field-dropped", lang);
    if loaded.has_comments() {
        say!(
            "fluxo convert: {}",
            tr!(
                lang,
                "cli-comments-dropped",
                path = clean(&input.display().to_string()),
                count = loaded.comments,
                output = output_name
            )
        );
    }
    match file::save(&loaded.flow, output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            say!("fluxo convert: {}", save_error_message(lang, &err));
            ExitCode::from(2)
        }
    }
}

/// Whether `output` names the file `input` names: the same path once links are resolved, or
/// (on Unix) the same device and inode, which also catches a hard link. An output that does not
/// exist yet is never the input.
fn is_same_file(input: &Path, output: &Path) -> bool {
    let (Ok(input_meta), Ok(output_meta)) = (std::fs::metadata(input), std::fs::metadata(output))
    else {
        return false;
    };
    if let (Ok(a), Ok(b)) = (std::fs::canonicalize(input), std::fs::canonicalize(output))
        && a == b
    {
        return true;
    }
    same_inode(&input_meta, &output_meta)
}

#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}
