//! The texts the window shows but does not word itself: a finding's message (the checks') and
//! why a file could not be read or written (the loader's). Each is read in exactly this one
//! place, so that it follows the user's language as soon as its owner words it by language.

use fluxo_core::Finding;
use fluxo_core::file::FileError;

use crate::i18n::Lang;

/// A finding's message, as the findings list, the inspector and the team editor show it.
pub fn finding_text(_lang: Lang, finding: &Finding) -> String {
    finding.message.clone()
}

/// Why a file could not be opened or saved (`PATH:LINE:COLUMN: what is wrong`).
pub fn file_error_text(_lang: Lang, error: &FileError) -> String {
    error.to_string()
}
