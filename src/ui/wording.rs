//! The texts the window shows but does not word itself: a finding's message (the checks') and
//! why a file could not be read or written (the loader's). Each is read in exactly this one
//! place, worded by its owner in the user's language.

use fluxo_core::Finding;
use fluxo_core::LoadError;
use fluxo_core::file::FileError;

use crate::i18n::Lang;

/// A finding's message, as the findings list, the inspector and the team editor show it.
pub fn finding_text(lang: Lang, finding: &Finding) -> String {
    crate::i18n::findings::finding_message(lang, finding)
}

/// Why a file could not be saved.
pub fn file_error_text(lang: Lang, error: &FileError) -> String {
    crate::i18n::files::save_error_message(lang, error)
}

/// Why a file could not be opened (`PATH:LINE:COLUMN: what is wrong`).
pub fn load_error_text(lang: Lang, error: &LoadError) -> String {
    crate::i18n::files::load_error_message(lang, error)
}
