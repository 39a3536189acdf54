//! Every text a person reads, in English and Brazilian Portuguese, from the Fluent files under
//! `assets/locales/` (one file per area: window, canvas, inspector, simulator, team, findings,
//! events, cli, diff, explore, load, interop, live). The files are embedded in the binary, so a
//! copied or `cargo install`ed binary still
//! speaks both languages.
//!
//! Code asks for a message by id with its arguments: `tr!(lang, "cli-count-errors", count = 2)`.
//! Plurals and numbers follow Fluent's own rules ("1 erro", "2 erros"). A message id missing
//! from a bundle comes out as the id itself, so a gap is visible and never a crash; the tests
//! (`tests` below, and the UI and CLI walks) fail on any gap or missing argument.

pub mod events;
pub mod files;
pub mod findings;
mod labels;
mod lang;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

pub use fluent_bundle::{FluentArgs, FluentValue};
use fluent_bundle::{FluentResource, concurrent::FluentBundle};
pub use lang::Lang;

/// Every Fluent file of one language, by area, in load order.
type Files = [(&'static str, &'static str); AREAS];

/// How many area files each language has (the list in `locale_files!`).
const AREAS: usize = 13;

/// `(area, embedded text)` for each area name, for one language tag.
macro_rules! locale_files {
    ($tag:literal: $($area:literal),+ $(,)?) => {
        [$(($area, include_str!(concat!("../../assets/locales/", $tag, "/", $area, ".ftl")))),+]
    };
    ($tag:literal) => {
        locale_files!($tag: "window", "canvas", "inspector", "simulator", "team", "findings",
            "events", "cli", "diff", "explore", "load", "interop", "live")
    };
}

/// The embedded sources of `lang`'s Fluent files: `(area, text)`.
pub fn sources(lang: Lang) -> &'static Files {
    static EN_US: Files = locale_files!("en-US");
    static PT_BR: Files = locale_files!("pt-BR");
    match lang {
        Lang::En => &EN_US,
        Lang::PtBr => &PT_BR,
    }
}

type Bundle = FluentBundle<FluentResource>;

fn build(lang: Lang) -> Bundle {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: they show as stray characters in a terminal
    // and in egui, and every argument here is a short id, name or number.
    bundle.set_use_isolating(false);
    for (_, source) in sources(lang) {
        // A syntax error drops only the broken entry; the tests below fail on any.
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(res, _)| res);
        // A duplicate id keeps the first; the tests below fail on any.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn bundle(lang: Lang) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static PT: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| build(Lang::En)),
        Lang::PtBr => PT.get_or_init(|| build(Lang::PtBr)),
    }
}

/// Whether `id` is a message of `lang`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The message `id` (or its attribute `id.attr`) in `lang`, with `args`; what went wrong, if
/// anything (a missing message or argument), beside the best text Fluent could make.
pub fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> (String, Vec<String>) {
    let (message_id, attribute) = match id.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (id, None),
    };
    let bundle = bundle(lang);
    let Some(message) = bundle.get_message(message_id) else {
        return (
            id.to_owned(),
            vec![format!("{}: no message `{id}`", lang.tag())],
        );
    };
    let pattern = match attribute {
        Some(attribute) => message.get_attribute(attribute).map(|a| a.value()),
        None => message.value(),
    };
    let Some(pattern) = pattern else {
        return (
            id.to_owned(),
            vec![format!("{}: `{id}` has no value", lang.tag())],
        );
    };
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned();
    let errors = errors
        .iter()
        .map(|err| format!("{}: `{id}`: {err}", lang.tag()))
        .collect();
    (text, errors)
}

/// The message `id` in `lang` with `args`. Never fails: a gap shows as the id or as `{$name}`.
pub fn text_with(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let (text, errors) = format(lang, id, args);
    record_if_strict(errors);
    text
}

/// Remembers `errors` when gaps are being recorded ([`record_gaps`]).
fn record_if_strict(errors: Vec<String>) {
    if !errors.is_empty() && STRICT.load(Ordering::Relaxed) {
        record(errors);
    }
}

/// The message `id` in `lang`, without arguments.
pub fn text(lang: Lang, id: &str) -> String {
    text_with(lang, id, None)
}

/// `tr!(lang, "id")` or `tr!(lang, "id", name = value, count = n)`: the message in `lang`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr $(,)?) => {
        $crate::i18n::text($lang, $id)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $(args.set(stringify!($name), $value);)+
        $crate::i18n::text_with($lang, $id, Some(&args))
    }};
}

static STRICT: AtomicBool = AtomicBool::new(false);
static GAPS: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// At most this many gaps are kept: a test needs the first few, not a million.
const GAPS_KEPT: usize = 1_000;

fn record(errors: Vec<String>) {
    if let Ok(mut gaps) = GAPS.lock() {
        for error in errors {
            if gaps.len() < GAPS_KEPT && !gaps.contains(&error) {
                gaps.push(error);
            }
        }
    }
}

/// From now on, remember every message that was asked for and could not be made whole (a
/// missing id, a missing argument). For tests: walk the UI or a command, then [`take_gaps`].
pub fn record_gaps() {
    STRICT.store(true, Ordering::Relaxed);
}

/// The gaps met since [`record_gaps`] (or the last call), and forget them.
pub fn take_gaps() -> Vec<String> {
    GAPS.lock()
        .map(|mut gaps| std::mem::take(&mut *gaps))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
