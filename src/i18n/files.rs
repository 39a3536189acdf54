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
mod tests {
    use super::*;
    use fluxo_core::file::{Format, TextError, parse};
    use std::path::PathBuf;

    fn message(lang: Lang, text: &str, format: Format) -> String {
        let Err(err) = parse(text, format) else {
            return "loaded".into();
        };
        let kind = match err {
            TextError::Parse(err) => LoadErrorKind::Parse(Box::new(err)),
            TextError::TooNew(found) => LoadErrorKind::TooNew {
                found,
                supported: 1,
            },
        };
        load_error_message(
            lang,
            &LoadError {
                path: PathBuf::from("x.flow.ron"),
                kind,
            },
        )
    }

    #[test]
    fn common_problems_have_our_words_in_both_languages() {
        let cases = [
            (
                "(format: 1, nodes: [(id: \"a\" kind: Entry())])",
                Format::Ron,
                "x.flow.ron:1:30: expected a comma `,` here (at nodes[0])",
                "x.flow.ron:1:30: era esperado uma vírgula `,` aqui (em nodes[0])",
            ),
            (
                "(format: 1, nodes: [(id: \"a\", kind: Entry(channels: [Telegram]))])",
                Format::Ron,
                "x.flow.ron:1:54: `Telegram` is not known here: use one of `WhatsApp`, `Web`, `Instagram`, `Facebook` (at nodes[0].kind.Entry.channels[0])",
                "x.flow.ron:1:54: `Telegram` não é reconhecido aqui: use um destes: `WhatsApp`, `Web`, `Instagram`, `Facebook` (em nodes[0].kind.Entry.channels[0])",
            ),
            (
                "(format: 1, nodes: [(kind: Entry())])",
                Format::Ron,
                "x.flow.ron:1:35: the field `id` is missing (at nodes[0])",
                "x.flow.ron:1:35: falta o campo `id` (em nodes[0])",
            ),
            (
                "(format: 1, team: (agents: [(id: \"a\", capacity: \"x\")]))",
                Format::Ron,
                "x.flow.ron:1:48: expected a whole number here (at team.agents[0].capacity)",
                "x.flow.ron:1:48: era esperado um número inteiro aqui (em team.agents[0].capacity)",
            ),
            (
                "(format: 1) x",
                Format::Ron,
                "x.flow.ron:1:12: there is more text after the end of the flow",
                "x.flow.ron:1:12: há mais texto depois do fim do fluxo",
            ),
            (
                "{\"format\": 1, \"nodes\": [",
                Format::Json,
                "x.flow.ron:1:24: the file ends too early: a bracket or a quote is never closed (at nodes)",
                "x.flow.ron:1:24: o arquivo termina antes da hora: falta fechar um colchete, parêntese ou aspas (em nodes)",
            ),
            (
                "{\"format\": 1, \"nodes\": [{\"id\": 3}]}",
                Format::Json,
                "x.flow.ron:1:32: expected a text in quotes, found the number 3 (at nodes[0].id)",
                "x.flow.ron:1:32: era esperado um texto entre aspas, mas veio o número 3 (em nodes[0].id)",
            ),
            (
                "{\"format\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": {\"Telegram\": {}}}]}",
                Format::Json,
                "x.flow.ron:1:55: `Telegram` is not known here: use one of `Entry`,",
                "x.flow.ron:1:55: `Telegram` não é reconhecido aqui: use um destes: `Entry`,",
            ),
            (
                "{\"format\": 1, \"nodes\": [] \"edges\": []}",
                Format::Json,
                "x.flow.ron:1:27: expected a comma `,` here",
                "x.flow.ron:1:27: era esperado uma vírgula `,` aqui",
            ),
            (
                "{\"format\": 1} {",
                Format::Json,
                "x.flow.ron:1:15: there is more text after the end of the flow",
                "x.flow.ron:1:15: há mais texto depois do fim do fluxo",
            ),
            (
                "{\"format\": 1, \"nodes\": [{\"id\": \"a\", \"pos\": [1.0], \"kind\": {\"End\": {}}}]}",
                Format::Json,
                "x.flow.ron:1:48: expected 2 values, found one value (at nodes[0].pos)",
                "x.flow.ron:1:48: era esperado 2 valores, mas veio um valor só (em nodes[0].pos)",
            ),
        ];
        let mut wrong = Vec::new();
        for (text, format, english, portuguese) in cases {
            let en = message(Lang::En, text, format);
            if !en.starts_with(english) {
                wrong.push(format!("{text}\n  got  {en}\n  want {english}"));
            }
            let pt = message(Lang::PtBr, text, format);
            if !pt.starts_with(portuguese) {
                wrong.push(format!("{text}\n  got  {pt}\n  want {portuguese}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn deep_nesting_is_refused_in_our_words() {
        let text = format!("(format: 1, x: {}{})", "[".repeat(200), "]".repeat(200));
        for lang in Lang::ALL {
            let words = message(lang, &text, Format::Ron);
            assert!(words.starts_with("x.flow.ron:1:"), "{words}");
            assert!(words.contains("128"), "{words}");
            assert!(
                !words.contains("recursion_limit") && !words.contains("serde_stacker"),
                "{words}"
            );
            assert!(words.len() < 400, "a line, not the whole path: {words}");
        }
        // JSON skips an unknown field without recursion: deep nesting there costs nothing.
        let json = format!(
            "{{\"format\": 1, \"x\": {}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(message(Lang::En, &json, Format::Json), "loaded");
    }

    #[test]
    fn quoted_text_from_a_file_cannot_reach_the_terminal() {
        let hostile = format!(
            "(format: 1, nodes: [(id: \"a\", kind: Entry(channels: [Tele\u{1b}[31mgram{}]))])",
            "x".repeat(5000)
        );
        // ron refuses the escape character in an identifier before it sees a variant; JSON
        // carries it into the unknown variant's name.
        let json = format!(
            "{{\"format\": 1, \"nodes\": [{{\"id\": \"a\", \"kind\": {{\"Tele\\u001b[31m{}\": {{}}}}}}]}}",
            "x".repeat(5000)
        );
        for (text, format) in [(hostile, Format::Ron), (json, Format::Json)] {
            let words = message(Lang::En, &text, format);
            assert!(!words.contains('\u{1b}'), "{words:?}");
            assert!(words.len() < 600, "{}", words.len());
        }
    }

    #[test]
    fn every_problem_is_worded_whole_in_both_languages() {
        let expected = [
            Expected::Comma,
            Expected::Colon,
            Expected::Quote,
            Expected::OpenList,
            Expected::CloseList,
            Expected::OpenGroup,
            Expected::CloseGroup,
            Expected::OpenMap,
            Expected::CloseMap,
            Expected::StringEnd,
            Expected::Name,
            Expected::Value,
            Expected::Integer {
                min: Some("0".into()),
                max: Some("255".into()),
            },
            Expected::Integer {
                min: None,
                max: None,
            },
            Expected::Number,
            Expected::Text,
            Expected::Bool,
            Expected::List,
            Expected::Map,
            Expected::Group,
            Expected::Variant {
                name: "NodeKind".into(),
            },
            Expected::Tuple { len: 2 },
            Expected::Other("x".into()),
        ];
        let found = [
            Found::Bool(true),
            Found::Number("3".into()),
            Found::Text("t".into()),
            Found::Null,
            Found::List,
            Found::Map,
            Found::Variant,
            Found::Other("o".into()),
        ];
        let mut problems = vec![
            Problem::NotUtf8,
            Problem::TooDeep { limit: 128 },
            Problem::UnexpectedEnd,
            Problem::TrailingCharacters,
            Problem::UnexpectedChar('\u{1b}'),
            Problem::UnknownVariant {
                found: "a".into(),
                expected: vec![],
            },
            Problem::UnknownVariant {
                found: "a".into(),
                expected: (0..20).map(|i| format!("V{i}")).collect(),
            },
            Problem::MissingField { field: "id".into() },
            Problem::DuplicateField { field: "id".into() },
            Problem::NumberOutOfRange,
            Problem::InvalidNumber,
            Problem::InvalidEscape,
            Problem::ControlCharacter,
            Problem::UnclosedComment,
            Problem::FormatZero { supported: 1 },
            Problem::Other("o".into()),
        ];
        for (index, expected) in expected.iter().enumerate() {
            problems.push(Problem::Expected(expected.clone()));
            problems.push(Problem::WrongType {
                found: found[index % found.len()].clone(),
                expected: expected.clone(),
            });
            problems.push(Problem::WrongLength {
                found: index % 3,
                expected: expected.clone(),
            });
        }
        let kinds = [
            LoadErrorKind::UnknownExtension,
            LoadErrorKind::Missing,
            LoadErrorKind::Denied,
            LoadErrorKind::Unreadable {
                os_message: "Input/output error".into(),
            },
            LoadErrorKind::NotRegular(Special::Socket),
            LoadErrorKind::NotRegular(Special::Other),
            LoadErrorKind::TooNew {
                found: 2,
                supported: 1,
            },
        ];
        super::super::record_gaps();
        for lang in Lang::ALL {
            for problem in &problems {
                let err = LoadError {
                    path: PathBuf::from("a.flow.ron"),
                    kind: LoadErrorKind::Parse(Box::new(ParseError {
                        line: 1,
                        column: 2,
                        problem: problem.clone(),
                        field: Some("nodes[0]".into()),
                    })),
                };
                let words = load_error_message(lang, &err);
                assert!(words.starts_with("a.flow.ron:1:2: "), "{words}");
                assert!(!words.contains("{$"), "{words}");
                assert!(!words.contains('\u{1b}'), "{words}");
            }
            for kind in &kinds {
                let err = LoadError {
                    path: PathBuf::from("a.flow.ron"),
                    kind: kind.clone(),
                };
                assert!(load_error_message(lang, &err).starts_with("a.flow.ron: "));
            }
        }
        let gaps: Vec<String> = super::super::take_gaps()
            .into_iter()
            .filter(|gap| gap.contains("cli-"))
            .collect();
        assert!(gaps.is_empty(), "{gaps:?}");
        assert_eq!(
            problem_message(Lang::En, &Problem::Expected(Expected::OpenMap)),
            "expected `{` here"
        );
    }

    #[test]
    fn file_kinds_are_named() {
        let cases = [
            (
                LoadErrorKind::Missing,
                "x.flow.ron: cannot read the file: no such file",
            ),
            (
                LoadErrorKind::NotRegular(Special::Fifo),
                "x.flow.ron: this is a named pipe (FIFO), not a regular file",
            ),
            (
                LoadErrorKind::NotRegular(Special::Device),
                "x.flow.ron: this is a device, not a regular file",
            ),
            (
                LoadErrorKind::NotRegular(Special::Folder),
                "x.flow.ron: this is a folder, not a flow file",
            ),
            (
                LoadErrorKind::TooBig {
                    limit_bytes: 64 * 1024 * 1024,
                },
                "x.flow.ron: the file is larger than 64 MiB",
            ),
        ];
        for (kind, english) in cases {
            let err = LoadError {
                path: PathBuf::from("x.flow.ron"),
                kind,
            };
            let en = load_error_message(Lang::En, &err);
            assert!(en.starts_with(english), "{en}");
            let pt = load_error_message(Lang::PtBr, &err);
            assert!(pt.starts_with("x.flow.ron: "), "{pt}");
            assert_ne!(pt, en);
        }
    }
}
