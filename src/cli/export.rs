//! `fluxo export altu FILE --node ID`: a LiveChat node as ALTU's `start_live_chat` action JSON
//! on stdout (SPEC.md section 13, seed 002), ready to paste into the ALTU Builder; what the
//! action cannot carry is said on stderr. Exit 0, or 2 when the file cannot be read or the node
//! is missing or not a LiveChat.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use fluxo_core::interop::altu::{self, ExportError, LeftOut};

use crate::i18n::Lang;
use crate::tr;

/// Where a node is exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// The ALTU Builder's `start_live_chat` action (a LiveChat node).
    Altu,
}

pub fn main(target: Target, file: &Path, node: &str, lang: Lang) -> ExitCode {
    match target {
        Target::Altu => export_altu(file, node, lang),
    }
}

fn export_altu(file: &Path, node: &str, lang: Lang) -> ExitCode {
    let Ok(flow) = super::load_flow("export", file, lang) else {
        return ExitCode::from(2);
    };
    let export = match altu::start_live_chat(&flow, node) {
        Ok(export) => export,
        Err(err) => {
            say!("fluxo export: {}", error_text(file, &err, lang));
            return ExitCode::from(2);
        }
    };
    if !export.left_out.is_empty() {
        say!("{}", tr!(lang, "interop-export-left-out"));
        for left_out in &export.left_out {
            say!("  {}", left_out_text(*left_out, lang));
        }
    }
    let mut text = export.to_json();
    text.push('\n');
    if super::run::print(&text) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn error_text(file: &Path, err: &ExportError, lang: Lang) -> String {
    let path = file.display().to_string();
    match err {
        ExportError::NoSuchNode { node } => {
            tr!(
                lang,
                "interop-export-no-node",
                path = path,
                node = node.clone()
            )
        }
        ExportError::NotLiveChat { node, kind } => tr!(
            lang,
            "interop-export-not-live-chat",
            path = path,
            node = node.clone(),
            kind = kind.as_str()
        ),
    }
}

/// Why a field of the node is not in the action.
pub fn left_out_text(left_out: LeftOut, lang: Lang) -> String {
    let id = match left_out {
        LeftOut::Department => "interop-export-left-out-department",
        LeftOut::Route => "interop-export-left-out-route",
        LeftOut::WaitTimeout => "interop-export-left-out-wait",
        LeftOut::InactivityTimeout => "interop-export-left-out-inactivity",
        LeftOut::IncludeHistory => "interop-export-left-out-history",
        LeftOut::ClosingMessage => "interop-export-left-out-closing",
    };
    tr!(lang, id)
}
