//! What the command line says before any command runs: the language (`--lang`), a first word
//! that is neither a command nor a file (`fluxo chek`: a usage error that suggests the nearest
//! command and never opens the window), clap's usage errors in our words, and a window that
//! cannot open, told without the build machine's paths.

use std::ffi::OsString;
use std::path::Path;

use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::Args;
use crate::i18n::Lang;
use crate::i18n::files::clean;
use crate::tr;

/// The language of `--lang TAG` / `--lang=TAG` (the last one given), else the system's; an
/// unknown tag is an error worded in the system's language. Read before clap, so that clap's own
/// usage errors can be worded in it too.
pub fn language(argv: &[OsString]) -> Result<Lang, String> {
    let mut tag = None;
    let mut args = argv.iter().skip(1);
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            tag = args
                .next()
                .map(|value| value.to_string_lossy().into_owned());
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            tag = Some(value.to_owned());
        }
    }
    match tag {
        None => Ok(Lang::from_system()),
        Some(tag) => Lang::from_tag(&tag).ok_or_else(|| {
            tr!(
                Lang::from_system(),
                "cli-language-unknown",
                tag = clean(&tag)
            )
        }),
    }
}

/// The commands clap knows (with their aliases), `help` included.
fn commands() -> Vec<String> {
    let command = Args::command();
    let mut names: Vec<String> = command
        .get_subcommands()
        .flat_map(|sub| {
            std::iter::once(sub.get_name().to_owned())
                .chain(sub.get_all_aliases().map(ToOwned::to_owned))
        })
        .collect();
    if !names.iter().any(|name| name == "help") {
        names.push("help".to_owned());
    }
    names
}

/// The first word that is not an option, and where it stands.
fn first_word(argv: &[OsString]) -> Option<&OsString> {
    let mut args = argv.iter().skip(1);
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        if text == "--" {
            return args.next();
        }
        if text == "--lang" {
            args.next();
            continue;
        }
        if text.starts_with('-') && text != "-" {
            continue;
        }
        return Some(arg);
    }
    None
}

/// A usage error when the first word is neither a command nor an existing file: `fluxo chek`
/// must not try to open a window with a file named `chek`.
pub fn first_word_error(argv: &[OsString], lang: Lang) -> Option<String> {
    let word = first_word(argv)?;
    let text = word.to_string_lossy();
    let commands = commands();
    if commands.iter().any(|command| *command == text) || Path::new(word).exists() {
        return None;
    }
    let looks_like_path = text.contains('/')
        || text.contains('\\')
        || Path::new(word)
            .extension()
            .is_some_and(|ext| ext == "ron" || ext == "json");
    let message = if looks_like_path {
        tr!(lang, "cli-usage-no-such-file", path = clean(&text))
    } else {
        let mut message = tr!(lang, "cli-usage-unknown-word", word = clean(&text));
        let known: Vec<&str> = commands
            .iter()
            .map(String::as_str)
            .filter(|name| *name != "help")
            .collect();
        message.push_str("; ");
        let advice = if let Some(command) = nearest(&text, &known) {
            tr!(lang, "cli-usage-did-you-mean", command = command)
        } else {
            tr!(lang, "cli-usage-commands", commands = known.join(", "))
        };
        message.push_str(&advice);
        message
    };
    Some(format!("{message}\n{}", tr!(lang, "cli-usage-hint")))
}

/// The command nearest to `word`: one it starts, or one a couple of edits away.
fn nearest<'a>(word: &str, commands: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    if word.is_empty() {
        return None;
    }
    if let Some(command) = commands.iter().find(|command| command.starts_with(&word)) {
        return Some(command);
    }
    let limit = (word.chars().count() / 3).clamp(1, 2);
    commands
        .iter()
        .map(|command| (edit_distance(&word, command), *command))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, command)| command)
}

/// Damerau–Levenshtein distance (adjacent swaps count one), on characters. Words here are short:
/// a long one is cut, so that the cost stays bounded.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let width = b.len() + 1;
    let mut rows = vec![0_usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
        }
    }
    rows[a.len() * width + b.len()]
}

/// clap's usage error in our words, or `None` for what clap prints itself (`--help`,
/// `--version`).
pub fn clap_error_message(err: &clap::Error, lang: Lang) -> Option<String> {
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(value)) => Some(clean(value)),
        Some(ContextValue::Strings(values)) => Some(clean(&values.join(", "))),
        Some(ContextValue::StyledStr(value)) => Some(clean(&value.to_string())),
        Some(ContextValue::StyledStrs(values)) => Some(clean(
            &values
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        )),
        Some(ContextValue::Number(number)) => Some(number.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let mut message = match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => {
            let mut message = tr!(lang, "cli-usage-unknown-argument", arg = arg);
            if let Some(suggested) = text(ContextKind::SuggestedArg) {
                message.push_str("; ");
                message.push_str(&tr!(lang, "cli-usage-suggest-argument", arg = suggested));
            }
            message
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation
            if text(ContextKind::InvalidValue).is_none_or(|value| value.is_empty()) =>
        {
            tr!(lang, "cli-usage-missing-value", arg = arg)
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let mut message = tr!(lang, "cli-usage-invalid-value", value = value, arg = arg);
            if let Some(values) = text(ContextKind::ValidValue).filter(|values| !values.is_empty())
            {
                message.push_str("; ");
                message.push_str(&tr!(lang, "cli-usage-possible-values", values = values));
            }
            message
        }
        ErrorKind::MissingRequiredArgument => tr!(lang, "cli-usage-missing-argument", args = arg),
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues
            if !arg.is_empty() =>
        {
            tr!(lang, "cli-usage-missing-value", arg = arg)
        }
        ErrorKind::TooManyValues => tr!(lang, "cli-usage-too-many", arg = arg),
        ErrorKind::ArgumentConflict if !arg.is_empty() => {
            tr!(lang, "cli-usage-repeated", arg = arg)
        }
        // Anything else as clap says it, first line only (the rest is its usage and hint).
        _ => {
            let rendered = err.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            clean(first.strip_prefix("error: ").unwrap_or(first))
        }
    };
    message.push('\n');
    message.push_str(&tr!(lang, "cli-usage-hint"));
    Some(message)
}

/// Why the window could not open, in our words: no display, or the graphics stack's reason
/// without the source paths it carries (winit names a file of the build machine's cargo
/// registry).
pub fn window_error_message(lang: Lang, detail: &str) -> String {
    let has_display = ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|value| !value.is_empty()));
    if cfg!(target_os = "linux") && !has_display {
        return tr!(lang, "cli-window-no-display");
    }
    let detail = detail
        .strip_prefix("cannot open the editor window: ")
        .unwrap_or(detail);
    tr!(
        lang,
        "cli-window-failed",
        reason = strip_build_paths(detail)
    )
}

/// `text` without source locations (`at /root/.cargo/registry/src/…/mod.rs:765:`, `src/x.rs:3`).
pub fn strip_build_paths(text: &str) -> String {
    let is_location = |word: &str| {
        let word = word.trim_end_matches([':', ',', ')']);
        word.contains(".rs:")
            || Path::new(word)
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("rs"))
            || word.contains("/.cargo/")
            || word.contains("/rustc/")
            || word.contains("\\.cargo\\")
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut kept: Vec<&str> = Vec::with_capacity(words.len());
    for (index, word) in words.iter().enumerate() {
        if is_location(word) {
            continue;
        }
        // "os error at PATH:" loses its "at" with the path.
        if *word == "at" && words.get(index + 1).is_some_and(|next| is_location(next)) {
            continue;
        }
        kept.push(word);
    }
    kept.join(" ")
}

/// A source file's path without the build machine's folders: `winit-0.30.13/src/x.rs` for a
/// crate of the cargo registry, `library/std/src/x.rs` for the standard library, the file's name
/// for any other absolute path; a relative path (our own crate's) as it is.
pub fn short_source_path(file: &str) -> String {
    let file = file.replace('\\', "/");
    let after = |marker: &str| {
        file.find(marker).map(|at| {
            let rest = &file[at + marker.len()..];
            // The registry's index folder, or the compiler's commit hash.
            rest.split_once('/')
                .map_or(rest, |(_, rest)| rest)
                .to_owned()
        })
    };
    if let Some(short) = after("/registry/src/").or_else(|| after("/rustc/")) {
        return short;
    }
    if file.starts_with('/') || file.get(1..3) == Some(":/") {
        return file.rsplit('/').next().unwrap_or_default().to_owned();
    }
    file
}

/// What a panic says on stderr: that it is a bug, what went wrong and where, in our source or a
/// library's, never with a folder of the build machine.
pub fn panic_message(lang: Lang, info: &std::panic::PanicHookInfo<'_>) -> String {
    let payload = info
        .payload()
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let place = info.location().map_or_else(String::new, |location| {
        format!("{}:{}", short_source_path(location.file()), location.line())
    });
    tr!(
        lang,
        "cli-internal-error",
        message = clean(&strip_build_paths(&payload)),
        place = place
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &[&str]) -> Vec<OsString> {
        std::iter::once("fluxo")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn typos_suggest_the_nearest_command() {
        let commands = ["check", "run", "test", "convert", "gen"];
        assert_eq!(nearest("chek", &commands), Some("check"));
        assert_eq!(nearest("chcek", &commands), Some("check"));
        assert_eq!(nearest("conv", &commands), Some("convert"));
        assert_eq!(nearest("tset", &commands), Some("test"));
        assert_eq!(nearest("rnu", &commands), Some("run"));
        assert_eq!(nearest("xyzzy", &commands), None);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance(&"a".repeat(10_000), "check"), 64);
    }

    #[test]
    fn the_first_word_decides() {
        let lang = Lang::En;
        let message = first_word_error(&argv(&["chek"]), lang).unwrap_or_default();
        assert!(
            message.contains("`chek`") && message.contains("fluxo check"),
            "{message}"
        );
        assert!(first_word_error(&argv(&["check", "x"]), lang).is_none());
        assert!(first_word_error(&argv(&["--lang", "pt-BR", "check"]), lang).is_none());
        let message =
            first_word_error(&argv(&["--lang", "en", "nada.flow.ron"]), lang).unwrap_or_default();
        assert!(
            message.starts_with("nada.flow.ron: no such file"),
            "{message}"
        );
        assert!(first_word_error(&argv(&[]), lang).is_none());
        assert!(first_word_error(&argv(&["--help"]), lang).is_none());
        // An existing file opens the window as before.
        let here = env!("CARGO_MANIFEST_DIR");
        assert!(first_word_error(&argv(&[here]), lang).is_none());
    }

    #[test]
    fn the_language_comes_before_clap() {
        assert_eq!(
            language(&argv(&["--lang", "pt-BR", "check"])),
            Ok(Lang::PtBr)
        );
        assert_eq!(language(&argv(&["check", "--lang=en"])), Ok(Lang::En));
        assert!(language(&argv(&["--lang", "fr"])).is_err());
    }

    #[test]
    fn source_paths_lose_the_build_machines_folders() {
        assert_eq!(
            short_source_path(
                "/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/winit-0.30.13/src/platform_impl/linux/mod.rs"
            ),
            "winit-0.30.13/src/platform_impl/linux/mod.rs"
        );
        assert_eq!(
            short_source_path(
                "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/option.rs"
            ),
            "library/core/src/option.rs"
        );
        assert_eq!(
            short_source_path("/home/build/fluxo/src/main.rs"),
            "main.rs"
        );
        assert_eq!(short_source_path("src/cli/mod.rs"), "src/cli/mod.rs");
    }

    #[test]
    fn build_paths_are_never_shown() {
        let winit = "winit EventLoopError: os error at /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/winit-0.30.13/src/platform_impl/linux/mod.rs:765: neither WAYLAND_DISPLAY nor WAYLAND_SOCKET nor DISPLAY is set.";
        let clean = strip_build_paths(winit);
        assert_eq!(
            clean,
            "winit EventLoopError: os error neither WAYLAND_DISPLAY nor WAYLAND_SOCKET nor DISPLAY is set."
        );
        let message = window_error_message(
            Lang::PtBr,
            &format!("cannot open the editor window: {winit}"),
        );
        assert!(
            !message.contains(".cargo") && !message.contains(".rs:"),
            "{message}"
        );
        assert!(
            message.starts_with("não foi possível abrir a janela"),
            "{message}"
        );
    }
}
