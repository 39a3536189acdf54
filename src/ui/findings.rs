//! The findings list and the status bar counts.

/// Portuguese for this module's strings.
pub(crate) const PT_BR: &[(&str, &str)] = &[];
