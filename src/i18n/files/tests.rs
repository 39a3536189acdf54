//! The loader's errors in both languages: our words for the common problems, nothing from a
//! file that can reach the terminal, and no message or argument missing.

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

/// One of each [`Problem`], with every [`Expected`] and [`Found`] inside one.
fn every_problem() -> Vec<Problem> {
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
    problems
}

#[test]
fn every_problem_is_worded_whole_in_both_languages() {
    let problems = every_problem();
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
