//! Typebot variable names as fluxo names (`First name` -> `first_name`, accents folded, unique),
//! and Typebot texts with their `{{Variable name}}` references rewritten to those names.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::report::Renamed;
use super::source::str_at;

/// Lower case letters with accents and ligatures as the plain ASCII a name keeps.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'þ' => "th",
        _ => return None,
    })
}

/// `text` as a fluxo name: ASCII lower case letters, digits and `_`, accents folded, every other
/// run of characters one `_`, none at either end. Empty when nothing is left.
pub(super) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut is_gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let mut buffer = [0; 4];
        let piece = if c.is_ascii_alphanumeric() {
            Some(&*c.encode_utf8(&mut buffer))
        } else {
            fold(c)
        };
        match piece {
            Some(piece) => {
                if is_gap && !out.is_empty() {
                    out.push('_');
                }
                is_gap = false;
                out.push_str(piece);
            }
            // A combining mark (the dot of `İ` lowered) belongs to the letter before it.
            None if ('\u{300}'..='\u{36f}').contains(&c) => {}
            None => is_gap = true,
        }
        // A name is for reading: a very long title is cut.
        if out.len() >= 48 {
            break;
        }
    }
    out
}

/// Names handed out once each: `stem`, then `stem_2`, `stem_3`... The next number is kept per
/// stem, so many names on one stem cost a step each, not a search from 2 every time.
#[derive(Debug, Default)]
pub(super) struct Unique {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Unique {
    /// Marks `name` as taken without handing it out.
    pub(super) fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_owned());
    }

    /// `stem` if it is free, else the next free `stem_N`; taken from then on.
    pub(super) fn take(&mut self, stem: &str) -> String {
        if self.taken.insert(stem.to_owned()) {
            return stem.to_owned();
        }
        let next = self.next.entry(stem.to_owned()).or_insert(1);
        loop {
            *next += 1;
            let candidate = format!("{stem}_{next}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// The names in use and the Typebot variables' fluxo names.
#[derive(Debug, Default)]
pub(super) struct Names {
    by_id: HashMap<String, String>,
    by_name: HashMap<String, String>,
    taken: Unique,
    renamed: Vec<Renamed>,
}

impl Names {
    /// Names for every variable of the export, in its order.
    pub(super) fn new(variables: &[Value]) -> Names {
        let mut names = Names::default();
        for variable in variables {
            let Some(id) = str_at(variable, "id") else {
                continue;
            };
            let typebot = str_at(variable, "name").unwrap_or(id);
            // Two variables with one name are one variable in Typebot's texts.
            let fluxo = if let Some(fluxo) = names.by_name.get(typebot) {
                fluxo.clone()
            } else {
                let fluxo = names.fresh(typebot);
                names.by_name.insert(typebot.to_owned(), fluxo.clone());
                names.renamed.push(Renamed {
                    typebot: typebot.to_owned(),
                    fluxo: fluxo.clone(),
                });
                fluxo
            };
            names.by_id.insert(id.to_owned(), fluxo);
        }
        names
    }

    /// A name not taken yet, from `stem` (`stem`, `stem_2`, `stem_3`, ...).
    pub(super) fn fresh(&mut self, stem: &str) -> String {
        let base = match slug(stem) {
            slug if slug.is_empty() => "variavel".to_owned(),
            slug => slug,
        };
        self.taken.take(&base)
    }

    /// The fluxo name of the variable with Typebot id `id`; an id the export does not declare
    /// gets a name of its own (once).
    pub(super) fn of_id(&mut self, id: &str) -> String {
        if let Some(name) = self.by_id.get(id) {
            return name.clone();
        }
        let name = self.fresh(id);
        self.by_id.insert(id.to_owned(), name.clone());
        name
    }

    /// The fluxo name of the variable at `key` of `value` (a `variableId`), if any.
    pub(super) fn at(&mut self, value: &Value, key: &str) -> Option<String> {
        str_at(value, key)
            .filter(|id| !id.is_empty())
            .map(|id| self.of_id(id))
    }

    /// Typebot name -> fluxo name, for the report.
    pub(super) fn renamed(&self) -> &[Renamed] {
        &self.renamed
    }

    /// `text` with each `{{Variable name}}` written as the fluxo name (`{{first_name}}`).
    /// Typebot's inline code (`{{= ... =}}`) is kept as written and returned apart.
    pub(super) fn template(&self, text: &str) -> Converted {
        let mut out = String::with_capacity(text.len());
        let mut inline_code = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find("{{") {
            out.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            if let Some(code) = after.strip_prefix('=')
                && let Some(end) = code.find("=}}")
            {
                let whole = &rest[open..open + 2 + 1 + end + 3];
                out.push_str(whole);
                inline_code.push(code[..end].trim().to_owned());
                rest = &rest[open + whole.len()..];
                continue;
            }
            let Some(close) = after.find("}}") else {
                out.push_str("{{");
                rest = after;
                continue;
            };
            let inner = &after[..close];
            out.push_str("{{");
            if let Some(name) = self.reference(inner) {
                out.push_str(&name);
                out.push_str("}}");
                rest = &after[close + 2..];
            } else {
                rest = after;
            }
        }
        out.push_str(rest);
        Converted {
            text: out,
            inline_code,
        }
    }

    /// [`Names::template`]'s text only.
    pub(super) fn text(&self, text: &str) -> String {
        self.template(text).text
    }

    /// The fluxo name for the inside of `{{...}}`: a declared variable's name, else (an
    /// undeclared one) its slug; None when it cannot be a name (JSON, several lines, nothing).
    fn reference(&self, inner: &str) -> Option<String> {
        if let Some(name) = self.by_name.get(inner) {
            return Some(name.clone());
        }
        let trimmed = inner.trim();
        if let Some(name) = self.by_name.get(trimmed) {
            return Some(name.clone());
        }
        if trimmed.is_empty()
            || trimmed
                .chars()
                .any(|c| matches!(c, '{' | '}' | '"' | '\n' | ':' | ','))
        {
            return None;
        }
        Some(slug(trimmed)).filter(|slug| !slug.is_empty())
    }
}

/// A Typebot text with fluxo references.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Converted {
    pub text: String,
    /// The inline code (`{{= ... =}}`) found, which fluxo cannot run.
    pub inline_code: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unique_names_count_on_per_stem() {
        let mut unique = Unique::default();
        unique.reserve("a_3");
        assert_eq!(unique.take("a"), "a");
        assert_eq!(unique.take("a"), "a_2");
        assert_eq!(unique.take("a"), "a_4", "a_3 was taken");
        assert_eq!(unique.take("a_2"), "a_2_2");
        assert_eq!(unique.take("b"), "b");
    }

    #[test]
    fn names_are_folded_lower_case_and_unique() {
        assert_eq!(slug("First name"), "first_name");
        assert_eq!(slug("  Preço médio (R$) "), "preco_medio_r");
        assert_eq!(slug("Ação/Serviço"), "acao_servico");
        assert_eq!(slug("🚀"), "");
        assert_eq!(slug("E-mail"), "e_mail");
        assert_eq!(slug("İSTANBUL Ñandú ÆON"), "istanbul_nandu_aeon");
        assert_eq!(slug(&"x".repeat(100)).len(), 48);
        let mut names = Names::new(&[
            json!({"id": "v1", "name": "First name"}),
            json!({"id": "v2", "name": "first-name"}),
            json!({"id": "v3", "name": "🚀"}),
            json!({"id": "v4", "name": "First name"}),
        ]);
        assert_eq!(names.of_id("v1"), "first_name");
        assert_eq!(names.of_id("v2"), "first_name_2");
        assert_eq!(names.of_id("v3"), "variavel");
        assert_eq!(names.of_id("v4"), "first_name", "one name, one variable");
        assert_eq!(names.of_id("unknown id"), "unknown_id");
        assert_eq!(names.fresh("first name"), "first_name_3");
        assert_eq!(names.renamed().len(), 3);
    }

    #[test]
    fn references_in_texts_take_the_fluxo_names() {
        let names = Names::new(&[
            json!({"id": "v1", "name": "First name"}),
            json!({"id": "v2", "name": "E-mail"}),
        ]);
        assert_eq!(
            names.text("Hi {{First name}}, we write to {{ E-mail }}."),
            "Hi {{first_name}}, we write to {{e_mail}}."
        );
        assert_eq!(names.text("{{Not declared}}!"), "{{not_declared}}!");
        assert_eq!(
            names.text(r#"{"a": {{First name}}}"#),
            r#"{"a": {{first_name}}}"#
        );
        assert_eq!(names.text(r#"{{"a": 1}}"#), r#"{{"a": 1}}"#);
        assert_eq!(names.text("unclosed {{First name"), "unclosed {{First name");
        let converted = names.template("Total: {{={{First name}}.length=}} ok");
        assert_eq!(converted.text, "Total: {{={{First name}}.length=}} ok");
        assert_eq!(converted.inline_code, vec!["{{First name}}.length"]);
    }
}
