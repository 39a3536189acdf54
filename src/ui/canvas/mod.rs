//! Our node canvas: draws the `Flow` directly, lays out only what is on screen.

/// Portuguese for the canvas's strings.
pub(crate) const PT_BR: &[(&str, &str)] = &[];
