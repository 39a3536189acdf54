//! A finding of the checks in the user's language: the core hands over its code, variant and
//! typed arguments (`fluxo_core::check::Args`); the words are in `assets/locales/*/findings.ftl`
//! (`finding-CODE`, or its attribute `.VARIANT`).

use fluxo_core::check::{Arg, Args, Finding, Names, Reason};

use super::{FluentArgs, Lang, text_with};

/// What `finding` says, in `lang`: what is wrong and how to mend it.
pub fn finding_message(lang: Lang, finding: &Finding) -> String {
    let id = if finding.variant.is_empty() {
        format!("finding-{}", finding.code.as_str())
    } else {
        format!("finding-{}.{}", finding.code.as_str(), finding.variant)
    };
    let args = fluent_args(lang, &finding.args);
    text_with(lang, &id, Some(&args))
}

/// The Fluent arguments of a finding or reason, each worded by its type.
fn fluent_args(lang: Lang, args: &Args) -> FluentArgs<'static> {
    let mut out = FluentArgs::new();
    for (name, arg) in args.iter() {
        match arg {
            Arg::Text(text) => out.set(name, text.clone()),
            Arg::Number(number) => out.set(name, *number),
            Arg::Kind(kind) => out.set(name, kind_name(lang, kind.as_str())),
            Arg::Suggestion(suggestion) => {
                out.set(name, suggestion_text(lang, suggestion.as_deref()));
            }
            Arg::List(names) => {
                out.set(format!("{name}_count"), names.shown.len() + names.more);
                out.set(name, list(lang, names));
            }
            Arg::Reason(reason) => out.set(name, reason_text(lang, reason)),
        }
    }
    out
}

fn reason_text(lang: Lang, reason: &Reason) -> String {
    let id = format!("finding-{}.{}", reason.group, reason.variant);
    text_with(lang, &id, Some(&fluent_args(lang, &reason.args)))
}

fn kind_name(lang: Lang, kind: &str) -> String {
    let mut args = FluentArgs::new();
    args.set("kind", kind.to_owned());
    text_with(lang, "finding-kind", Some(&args))
}

/// ` (did you mean `x`?)`, or nothing.
fn suggestion_text(lang: Lang, suggestion: Option<&str>) -> String {
    let Some(name) = suggestion else {
        return String::new();
    };
    let mut args = FluentArgs::new();
    args.set("name", name.to_owned());
    text_with(lang, "finding-suggestion", Some(&args))
}

/// `` `a`, `b` and `c` ``, `` `a`, `b` and 3 more ``, or "none", in `lang`.
fn list(lang: Lang, names: &Names) -> String {
    let quoted: Vec<String> = names.shown.iter().map(|name| format!("`{name}`")).collect();
    if names.more > 0 {
        let mut args = FluentArgs::new();
        args.set("shown", quoted.join(", "));
        args.set("more", names.more);
        return text_with(lang, "finding-list-more", Some(&args));
    }
    match quoted.split_last() {
        None => text_with(lang, "finding-list-none", None),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => {
            let mut args = FluentArgs::new();
            args.set("rest", rest.join(", "));
            args.set("last", last.clone());
            text_with(lang, "finding-list-and", Some(&args))
        }
    }
}
