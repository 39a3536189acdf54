//! Secrets never shown: every secret value a run knows, each with a precompiled search, and the
//! masking of texts that may hold one (`••••` in their place). The world keeps real values; only
//! what is shown is masked.

use super::text::SharedStr;

/// How a secret's value is shown.
pub const MASK: &str = "••••";

/// The secret values a run must never show, each with a precompiled search (masking runs on
/// every step that read a secret, so the search must cost next to nothing).
#[derive(Clone, Debug, Default)]
pub(crate) struct Secrets {
    /// Non-empty values, longest first (so a secret inside another is masked as part of it).
    finders: Vec<(String, memchr::memmem::Finder<'static>)>,
}

impl Secrets {
    pub(crate) fn new(mut values: Vec<String>) -> Secrets {
        values.retain(|value| !value.is_empty());
        values.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        values.dedup();
        let finders = values
            .into_iter()
            .map(|value| {
                let finder = memchr::memmem::Finder::new(value.as_bytes()).into_owned();
                (value, finder)
            })
            .collect();
        Secrets { finders }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.finders.is_empty()
    }
}

/// Like [`mask_text`] for shared text: a masked copy replaces it (the world keeps the value).
pub(crate) fn mask_shared(text: &mut SharedStr, secrets: &Secrets) {
    if secrets
        .finders
        .iter()
        .any(|(_, finder)| finder.find(text.as_bytes()).is_some())
    {
        let mut masked = text.to_string();
        mask_text(&mut masked, secrets);
        *text = masked.into();
    }
}

/// Replaces each secret value in `text` by [`MASK`].
pub(crate) fn mask_text(text: &mut String, secrets: &Secrets) {
    for (secret, finder) in &secrets.finders {
        if finder.find(text.as_bytes()).is_none() {
            continue;
        }
        let mut masked = String::with_capacity(text.len() + MASK.len());
        let mut from = 0;
        // A match of valid UTF-8 in valid UTF-8 starts and ends on character boundaries.
        for at in finder.find_iter(text.as_bytes()) {
            masked.push_str(text.get(from..at).unwrap_or(""));
            masked.push_str(MASK);
            from = at + secret.len();
        }
        masked.push_str(text.get(from..).unwrap_or(""));
        *text = masked;
    }
}
