//! Portuguese for the inspector's strings (and the words the team editor shares with it).

/// Portuguese for the inspector's strings.
pub(crate) const PT_BR: &[(&str, &str)] = &[];
