//! The loader's and the writer's errors in the user's language, for every caller (the command
//! line and the window): `PATH:LINE:COLUMN: what is wrong`. The core hands the error over as data
//! ([`LoadError`]: a kind, its arguments and a position); the words are in `cli.ftl`.
//!
//! Anything quoted from a file (a name, a value, a field path) is shown with its control
//! characters escaped and cut to a line, so that a hostile file cannot write to the terminal.

use fluxo_core::file::{
    Expected, FileError, Found, LoadError, LoadErrorKind, ParseError, Problem, Special, quote,
};

use super::Lang;
use crate::tr;

/// `PATH: what is wrong`, or `PATH:LINE:COLUMN: what is wrong (at FIELD)` for a text that is
/// not a flow.
pub fn load_error_message(lang: Lang, err: &LoadError) -> String {
    let path = clean(&err.path.display().to_string());
    match &err.kind {
        LoadErrorKind::Parse(parse) => {
            let place = format!("{path}:{}:{}", parse.line, parse.column);
            tr!(
                lang,
                "cli-load-at",
                place = place,
                problem = parse_problem_message(lang, parse)
            )
        }
        kind => tr!(
            lang,
            "cli-load-at",
            place = path,
            problem = kind_message(lang, kind)
        ),
    }
}

/// `LINE:COLUMN: what is wrong (at FIELD)`: a text that is not what it should be (a pasted
/// clipboard, say), without a file.
pub fn parse_error_message(lang: Lang, err: &ParseError) -> String {
    let place = format!("{}:{}", err.line, err.column);
    tr!(
        lang,
        "cli-load-at",
        place = place,
        problem = parse_problem_message(lang, err)
    )
}

/// Why a flow could not be saved (or written as text).
pub fn save_error_message(lang: Lang, err: &FileError) -> String {
    match err {
        FileError::UnknownExtension { path } => tr!(
            lang,
            "cli-save-unknown-extension",
            path = clean(&path.display().to_string())
        ),
        FileError::Write { source, path } => tr!(
            lang,
            "cli-save-write",
            path = clean(&path.display().to_string()),
            reason = os_reason(source)
        ),
        FileError::Serialize { format, message } => tr!(
            lang,
            "cli-save-serialize",
            format = format.extension().to_ascii_uppercase(),
            reason = clean(message)
        ),
    }
}

/// An OS error without its number: "No space left on device".
pub fn os_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    let text = match text.rfind(" (os error ") {
        Some(cut) => &text[..cut],
        None => text.as_str(),
    };
    clean(text)
}

fn parse_problem_message(lang: Lang, err: &ParseError) -> String {
    let problem = problem_message(lang, &err.problem);
    match &err.field {
        Some(field) => tr!(
            lang,
            "cli-load-in-field",
            problem = problem,
            field = clean(field)
        ),
        None => problem,
    }
}

fn kind_message(lang: Lang, kind: &LoadErrorKind) -> String {
    match kind {
        LoadErrorKind::UnknownExtension => tr!(lang, "cli-load-unknown-extension"),
        LoadErrorKind::Missing => tr!(lang, "cli-load-missing"),
        LoadErrorKind::Denied => tr!(lang, "cli-load-denied"),
        LoadErrorKind::Unreadable { os_message } => {
            tr!(lang, "cli-load-unreadable", reason = clean(os_message))
        }
        LoadErrorKind::NotRegular(special) => {
            tr!(lang, "cli-load-not-regular", kind = special_word(*special))
        }
        LoadErrorKind::TooBig { limit_bytes } => tr!(
            lang,
            "cli-load-too-big",
            limit_mib = limit_bytes / (1024 * 1024)
        ),
        LoadErrorKind::Parse(err) => parse_error_message(lang, err),
        LoadErrorKind::TooNew { found, supported } => tr!(
            lang,
            "cli-load-too-new",
            found = *found,
            supported = *supported
        ),
    }
}

fn special_word(special: Special) -> &'static str {
    special.as_str()
}

/// What is wrong at a position, in our words.
pub fn problem_message(lang: Lang, problem: &Problem) -> String {
    match problem {
        Problem::NotUtf8 => tr!(lang, "cli-problem-not-utf8"),
        Problem::TooDeep { limit } => tr!(lang, "cli-problem-too-deep", limit = *limit),
        Problem::UnexpectedEnd => tr!(lang, "cli-problem-unexpected-end"),
        Problem::Expected(expected) => tr!(
            lang,
            "cli-problem-expected",
            expected = expected_words(lang, expected)
        ),
        Problem::TrailingCharacters => tr!(lang, "cli-problem-trailing"),
        Problem::UnexpectedChar(c) => tr!(
            lang,
            "cli-problem-unexpected-char",
            char = clean(&c.to_string())
        ),
        Problem::UnknownVariant { found, expected } => tr!(
            lang,
            "cli-problem-unknown-variant",
            found = clean(found),
            count = expected.len(),
            expected = names(expected)
        ),
        Problem::MissingField { field } => {
            tr!(lang, "cli-problem-missing-field", field = clean(field))
        }
        Problem::DuplicateField { field } => {
            tr!(lang, "cli-problem-duplicate-field", field = clean(field))
        }
        Problem::WrongType { found, expected } => tr!(
            lang,
            "cli-problem-wrong-type",
            expected = expected_words(lang, expected),
            found = found_words(lang, found)
        ),
        Problem::WrongLength { found, expected } => tr!(
            lang,
            "cli-problem-wrong-length",
            expected = expected_words(lang, expected),
            count = *found
        ),
        Problem::NumberOutOfRange => tr!(lang, "cli-problem-number-out-of-range"),
        Problem::InvalidNumber => tr!(lang, "cli-problem-invalid-number"),
        Problem::InvalidEscape => tr!(lang, "cli-problem-invalid-escape"),
        Problem::ControlCharacter => tr!(lang, "cli-problem-control-character"),
        Problem::UnclosedComment => tr!(lang, "cli-problem-unclosed-comment"),
        Problem::FormatZero { supported } => {
            tr!(lang, "cli-problem-format-zero", supported = *supported)
        }
        // As the library words it: rare enough not to have words of our own.
        Problem::Other(message) => clean(message),
    }
}

fn expected_words(lang: Lang, expected: &Expected) -> String {
    let id = match expected {
        Expected::Comma => "cli-expected-comma",
        Expected::Colon => "cli-expected-colon",
        Expected::Quote => "cli-expected-quote",
        Expected::OpenList => "cli-expected-open-list",
        Expected::CloseList => "cli-expected-close-list",
        Expected::OpenGroup => "cli-expected-open-group",
        Expected::CloseGroup => "cli-expected-close-group",
        Expected::OpenMap => "cli-expected-open-map",
        Expected::CloseMap => "cli-expected-close-map",
        Expected::StringEnd => "cli-expected-string-end",
        Expected::Name => "cli-expected-name",
        Expected::Value => "cli-expected-value",
        Expected::Integer {
            min: Some(min),
            max: Some(max),
        } => {
            return tr!(
                lang,
                "cli-expected-integer-range",
                min = min.as_str(),
                max = max.as_str()
            );
        }
        Expected::Integer { .. } => "cli-expected-integer",
        Expected::Number => "cli-expected-number",
        Expected::Text => "cli-expected-text",
        Expected::Bool => "cli-expected-bool",
        Expected::List => "cli-expected-list",
        Expected::Map => "cli-expected-map",
        Expected::Group => "cli-expected-group",
        Expected::Variant { name } => {
            return tr!(lang, "cli-expected-variant", name = clean(name));
        }
        Expected::Tuple { len } => return tr!(lang, "cli-expected-tuple", count = *len),
        Expected::Other(text) => return clean(text),
    };
    tr!(lang, id)
}

fn found_words(lang: Lang, found: &Found) -> String {
    match found {
        Found::Bool(value) => tr!(lang, "cli-found-bool", value = value.to_string()),
        Found::Number(value) => tr!(lang, "cli-found-number", value = clean(value)),
        Found::Text(value) => tr!(lang, "cli-found-text", value = clean(value)),
        Found::Null => tr!(lang, "cli-found-null"),
        Found::List => tr!(lang, "cli-found-list"),
        Found::Map => tr!(lang, "cli-found-map"),
        Found::Variant => tr!(lang, "cli-found-variant"),
        Found::Other(text) => clean(text),
    }
}

/// `` `A`, `B`, `C` `` (at most 12, then `…`).
fn names(list: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut text = list
        .iter()
        .take(SHOWN)
        .map(|name| format!("`{}`", clean(name)))
        .collect::<Vec<_>>()
        .join(", ");
    if list.len() > SHOWN {
        text.push_str(", …");
    }
    text
}

/// `text` safe to print on a line: cut to [`quote`]'s length, control characters (escape
/// sequences of a terminal, new lines) written as `\u{1b}`, `\n`.
pub fn clean(text: &str) -> String {
    let text = quote(text);
    if !text.chars().any(char::is_control) {
        return text;
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
