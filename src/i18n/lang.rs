//! The languages fluxo speaks, and how one is chosen (SPEC section 6: `--lang`, else
//! `LC_ALL`/`LC_MESSAGES`/`LANG`, else English).

use serde::{Deserialize, Serialize};

/// A language the app speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    PtBr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::PtBr];

    /// The language's own name, for the language menu.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::PtBr => "Português (Brasil)",
        }
    }

    /// The BCP 47 tag of the Fluent bundle: `en-US`, `pt-BR`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::PtBr => "pt-BR",
        }
    }

    /// A `--lang` value: `en`, `en-US`, `pt`, `pt-BR`, `pt_BR` (any case); none for others.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        match tag.as_str() {
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            "pt" | "pt-br" => Some(Lang::PtBr),
            _ => None,
        }
    }

    /// The system language (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first that is set and not
    /// empty): Portuguese for `pt*`, else English.
    pub fn from_system() -> Lang {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        Lang::from_locale(&value)
    }

    /// `pt_BR.UTF-8`, `pt-BR`, `pt` are Portuguese; anything else (`C`, `POSIX`, `en_US`) English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("pt") {
            Lang::PtBr
        } else {
            Lang::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_and_tags() {
        assert_eq!(Lang::from_locale("pt_BR.UTF-8"), Lang::PtBr);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
        assert_eq!(Lang::from_tag("pt-BR"), Some(Lang::PtBr));
        assert_eq!(Lang::from_tag("PT_br"), Some(Lang::PtBr));
        assert_eq!(Lang::from_tag("en"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
