//! English and Brazilian Portuguese. Code writes English (`ui.tr("Save")`); each UI module keeps
//! a `PT_BR` table of its strings, gathered here. The language lives in the egui context, so two
//! windows (or two tests) can speak different languages at once.

use std::collections::HashMap;
use std::sync::OnceLock;

pub use crate::i18n::Lang;

fn lang_id() -> egui::Id {
    egui::Id::unique("fluxo.lang")
}

/// Sets the language of everything drawn in this context from the next frame on.
pub fn set_lang(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|data| data.insert_temp(lang_id(), lang));
}

/// The language of this context.
pub fn lang(ctx: &egui::Context) -> Lang {
    ctx.data(|data| data.get_temp(lang_id()))
        .unwrap_or_default()
}

/// Every module's Portuguese table.
const TABLES: &[&[(&str, &str)]] = &[
    COMMON_PT_BR,
    super::app::PT_BR,
    super::app::WINDOW_PT_BR,
    super::files::PT_BR,
    super::canvas::PT_BR,
    super::canvas::summary::PT_BR,
    super::findings::PT_BR,
    super::inspector::PT_BR,
    super::sim_panel::PT_BR,
    super::team_panel::PT_BR,
    super::theme::PT_BR,
];

/// Words every part of the window uses.
const COMMON_PT_BR: &[(&str, &str)] = &[
    ("English", "English"),
    ("Português (Brasil)", "Português (Brasil)"),
];

/// Every table: the modules' and the action groups'.
fn all_tables() -> impl Iterator<Item = &'static [(&'static str, &'static str)]> {
    TABLES
        .iter()
        .copied()
        .chain(super::actions::PT_BR.iter().copied())
}

fn portuguese() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        all_tables()
            .flat_map(|table| table.iter().copied())
            .collect()
    })
}

/// `english` in `lang`; English itself when no translation is known.
pub fn translate(lang: Lang, english: &'static str) -> &'static str {
    match lang {
        Lang::En => english,
        Lang::PtBr => portuguese().get(english).copied().unwrap_or(english),
    }
}

/// Translation for anything that knows its egui context: `ui.tr("Save")`.
pub trait Tr {
    fn tr(&self, english: &'static str) -> &'static str;
}

impl Tr for egui::Context {
    fn tr(&self, english: &'static str) -> &'static str {
        translate(lang(self), english)
    }
}

impl Tr for egui::Ui {
    fn tr(&self, english: &'static str) -> &'static str {
        self.ctx().tr(english)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_string_is_translated_twice() {
        let mut seen = std::collections::HashSet::new();
        for (english, _) in all_tables().flat_map(|table| table.iter()) {
            assert!(seen.insert(*english), "`{english}` is in two PT_BR tables");
        }
    }

    /// Every `tr("...")` literal in the window's source has a Portuguese entry.
    #[test]
    fn every_visible_string_has_portuguese() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
        let mut missing = Vec::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                // Comments may quote `tr("...")` as an example; only code counts.
                let code: String = source
                    .lines()
                    .filter(|line| !line.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                for piece in code.split("tr(\"").skip(1) {
                    let Some(end) = piece.find("\")") else {
                        continue;
                    };
                    let english = &piece[..end];
                    if english.contains('"') {
                        continue;
                    }
                    if !portuguese().contains_key(english) {
                        missing.push(format!("{}: {english}", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "no pt-BR for:\n{}", missing.join("\n"));
    }
}
