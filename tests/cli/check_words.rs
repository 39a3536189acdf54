//! The findings in the user's language: every fixture of the checks
//! (`core/tests/fixtures/check/`) worded in English and Portuguese with no Fluent gap (a missing
//! message or argument), snapshotted; and `fluxo check` in Portuguese, by `--lang` or by `LANG`,
//! prints no English sentence, while `--lang en` keeps the English wording.
//!
//! After changing a finding's words: `INSTA_UPDATE=always cargo test --test cli check_words`,
//! read the changed `.snap` files under `tests/cli/snapshots/`, commit them.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use fluxo::i18n::findings::finding_message;
use fluxo::i18n::{self, Lang};
use fluxo_core::check::check_loaded;
use fluxo_core::file;

fn fixtures() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("core/tests/fixtures/check");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".flow.ron"))
        .collect();
    paths.sort();
    paths
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|name| {
            name.to_string_lossy()
                .trim_end_matches(".flow.ron")
                .to_owned()
        })
        .unwrap_or_default()
}

#[test]
fn every_fixture_is_worded_in_both_languages_without_gaps() {
    i18n::record_gaps();
    let mut worded = 0;
    for path in fixtures() {
        let loaded = file::load(&path).unwrap_or_else(|err| panic!("{err}"));
        let findings = check_loaded(&loaded);
        if findings.is_empty() {
            continue;
        }
        let mut out = String::new();
        for finding in &findings {
            let _ = writeln!(out, "{} [{}]", finding.location(), finding.code);
            for lang in Lang::ALL {
                let _ = writeln!(out, "  {}: {}", lang.tag(), finding_message(lang, finding));
                worded += 1;
            }
        }
        insta::assert_snapshot!(name_of(&path), out);
    }
    assert!(worded > 200, "{worded}");
    let gaps = i18n::take_gaps();
    assert!(gaps.is_empty(), "Fluent gaps: {gaps:#?}");
}

fn check_all(lang: Option<&str>, env_lang: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fluxo"));
    command.arg("check");
    if let Some(lang) = lang {
        command.args(["--lang", lang]);
    }
    command.args(fixtures());
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    if let Some(value) = env_lang {
        command.env("LANG", value);
    }
    command.output().unwrap()
}

/// Words that only English has (Portuguese shares `a`, `no`, `de`...).
const ENGLISH: &[&str] = &[
    "the", "is", "not", "has", "have", "and", "to", "of", "it", "its", "this", "with", "from",
    "must", "never", "cannot", "write", "pick", "delete", "remove", "add", "node", "port", "flow",
    "team", "empty", "missing", "unknown", "leads", "nowhere", "which", "here", "there", "be",
    "are", "or", "an", "for", "by", "mend", "fix", "name", "every", "run", "may", "set", "sets",
    "should", "would", "could", "no", "any", "one", "only", "that", "field", "value", "error",
    "errors", "warning", "warnings", "file", "files", "did", "you", "mean", "more", "none",
];

/// The words of a message outside `code`, "quotes" and {{templates}}: what a person reads.
fn prose_words(message: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut inside: Option<char> = None;
    for c in message.chars() {
        match (inside, c) {
            (None, '`' | '"') => inside = Some(c),
            (Some(open), c) if c == open => inside = None,
            (None, c) => prose.push(c),
            _ => {}
        }
    }
    // Names written as in the file (`contact.name/phone`, `save_as`, `https://...`, a path
    // `inicio -next-> fim`) are code.
    prose
        .split_whitespace()
        .filter(|token| !token.contains(['.', '_', '/', ':', '>']))
        .flat_map(|token| token.split(|c: char| !c.is_alphabetic()))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn english_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        // `FILE: severity[code] place: message`: the message is after the third `: `.
        let message = line.splitn(3, ": ").nth(2).unwrap_or(line);
        // Portuguese "no" ("no caminho") is a word of both: it counts only when English.
        let words = prose_words(message);
        for word in &words {
            if ENGLISH.contains(&word.as_str()) && word != "no" {
                found.push(format!("`{word}` in: {line}"));
            }
        }
    }
    found
}

#[test]
fn check_in_portuguese_prints_no_english_sentence() {
    let by_flag = check_all(Some("pt-BR"), None);
    let out = String::from_utf8_lossy(&by_flag.stdout).into_owned();
    let err = String::from_utf8_lossy(&by_flag.stderr).into_owned();
    assert_eq!(by_flag.status.code(), Some(1), "{err}");
    assert!(out.lines().count() > 100, "{out}");
    let english = english_in(&out);
    assert!(english.is_empty(), "{english:#?}");
    // The summary on stderr too.
    assert!(err.contains(" erros, "), "{err}");
    assert!(err.contains(" avisos em "), "{err}");
    assert!(english_in(&format!("x: y: {err}")).is_empty(), "{err}");
    // Codes, places and the line's shape do not change with the language.
    let english_run = check_all(Some("en"), None);
    let english_out = String::from_utf8_lossy(&english_run.stdout).into_owned();
    let prefixes = |text: &str| -> Vec<String> {
        text.lines()
            .map(|line| line.splitn(3, ": ").take(2).collect::<Vec<_>>().join(": "))
            .collect()
    };
    assert_eq!(prefixes(&out), prefixes(&english_out));
    assert_eq!(english_run.status.code(), by_flag.status.code());

    let by_env = check_all(None, Some("pt_BR.UTF-8"));
    assert_eq!(String::from_utf8_lossy(&by_env.stdout), out);
}

#[test]
fn check_in_english_keeps_its_wording_whatever_the_system_says() {
    let output = check_all(Some("en"), Some("pt_BR.UTF-8"));
    let out = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        out.contains(": warning[maybe-unset-variable] fim.message: `nome` may be empty here: on the path inicio -next-> pergunta -invalid-> fim, nothing sets it (`pergunta` sets it only when it leaves by answered); set it on every path that leads here (a SetVariable before the branch can give it a default), or read it only where it is set\n"),
        "{out}"
    );
    assert!(out.contains("error[missing-entry] flow: the flow has no Entry node: add one (every run starts there) and connect its `next` port\n"), "{out}");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains(" errors, ") && err.contains(" warnings in "),
        "{err}"
    );
}

#[test]
fn json_messages_follow_the_language_and_nothing_else_does() {
    let path = fixtures()
        .into_iter()
        .find(|path| name_of(path) == "unknown-port")
        .unwrap();
    let json = |lang: &str| -> serde_json::Value {
        let output = Command::new(env!("CARGO_BIN_EXE_fluxo"))
            .args(["check", "--format", "json", "--lang", lang])
            .arg(&path)
            .output()
            .unwrap();
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let (mut en, mut pt) = (json("en"), json("pt-BR"));
    let message = |value: &mut serde_json::Value| {
        value["files"][0]["findings"][0]["message"]
            .take()
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        message(&mut en),
        "this Request has no port `sucesso`: its ports are `ok` and `error`; move the edge to one of them"
    );
    assert_eq!(
        message(&mut pt),
        "este nó do tipo Enviar requisição não tem a porta `sucesso`: as portas dele são `ok` e `error`; mude a conexão para uma delas"
    );
    assert_eq!(
        en["files"][0]["findings"][0]["args"]["ports"],
        serde_json::json!(["ok", "error"])
    );
    // The rest of the document is the same in both languages.
    for finding in en["files"][0]["findings"].as_array_mut().unwrap() {
        finding["message"].take();
    }
    for finding in pt["files"][0]["findings"].as_array_mut().unwrap() {
        finding["message"].take();
    }
    assert_eq!(en, pt);
}
