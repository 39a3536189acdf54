//! `fluxo diff OLD NEW [--format json]`: what changed between two versions of a flow, and which
//! scenarios now end differently (SPEC.md section 12). Text for people: the structural changes
//! grouped by node, then the scenarios whose outcome changed with before and now, then a verdict
//! line. JSON for tools. Exit 0 when no scenario's outcome changed, 1 when one did, 2 on bad
//! input.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use fluxo_core::diff::{self, Change, ChangeKind, Comparison, Diff, Effect, Outcome, Target, Tree};
use fluxo_core::flow::Flow;
use fluxo_core::sim::{Options, SharedStr};
use serde::Serialize;

use super::OutputFormat;
use super::load_flow;
use super::run::print;
use crate::i18n::Lang;
use crate::secrets::env_secrets;
use crate::tr;

/// Text output shows a value up to this many characters, then how many were left out.
const SHOWN_CHARS: usize = 1_000;

/// The outcome fields the "before" and "now" lines sum up.
const SUMMED_UP: [&str; 6] = [
    "end_reason",
    "end_node",
    "error",
    "agent",
    "queue",
    "position",
];

pub fn main(old_path: &Path, new_path: &Path, format: OutputFormat, lang: Lang) -> ExitCode {
    // Both files are read, so that each unreadable one is reported.
    let old = load_flow("diff", old_path, lang);
    let new = load_flow("diff", new_path, lang);
    let (Ok(old), Ok(new)) = (old, new) else {
        return ExitCode::from(2);
    };
    let options = Options {
        env_secrets: env_secrets(),
        ..Options::default()
    };
    let diff = match diff::diff(&old, &new, &options) {
        Ok(diff) => diff,
        Err(err) => {
            say!(
                "fluxo diff: {}",
                tr!(lang, "diff-cannot-compare", error = err.to_string())
            );
            return ExitCode::from(2);
        }
    };
    let printed = match format {
        OutputFormat::Text => print(&text(&diff, &old, &new, lang)),
        OutputFormat::Json => write_json(&diff, old_path, new_path, lang),
    };
    if !printed {
        return ExitCode::from(2);
    }
    if diff.outcome_changed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Counts for tools that only want the verdict.
#[derive(Serialize)]
struct Summary {
    changes: usize,
    behaviour: usize,
    test: usize,
    cosmetic: usize,
    /// Something changed, and only what no run reads.
    cosmetic_only: bool,
    /// Scenario runs compared (a scenario the two files write differently counts twice).
    scenarios: usize,
    outcomes_changed: usize,
}

impl Summary {
    fn of(diff: &Diff) -> Summary {
        let count = |effect: Effect| {
            diff.changes
                .iter()
                .filter(|change| change.effect == effect)
                .count()
        };
        Summary {
            changes: diff.changes.len(),
            behaviour: count(Effect::Behaviour),
            test: count(Effect::Test),
            cosmetic: count(Effect::Cosmetic),
            cosmetic_only: diff.is_cosmetic_only(),
            scenarios: diff.scenarios.len(),
            outcomes_changed: diff.changed_scenarios().count(),
        }
    }
}

#[derive(Serialize)]
struct DiffJson<'a> {
    old: String,
    new: String,
    summary: Summary,
    changes: &'a [Change],
    scenarios: &'a [Comparison],
}

/// Writes the JSON document to stdout as it is made: runs that send long texts many times make
/// a long document, which is never held whole in memory. False when it could not be written.
fn write_json(diff: &Diff, old: &Path, new: &Path, lang: Lang) -> bool {
    let document = DiffJson {
        old: old.display().to_string(),
        new: new.display().to_string(),
        summary: Summary::of(diff),
        changes: &diff.changes,
        scenarios: &diff.scenarios,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, &document)
        .map_err(|err| err.to_string())
        .and_then(|()| {
            out.write_all(b"\n")
                .and_then(|()| out.flush())
                .map_err(|err| err.to_string())
        });
    match written {
        Ok(()) => true,
        Err(error) => {
            say!(
                "fluxo diff: {}",
                tr!(lang, "diff-cannot-write-json", error = error)
            );
            false
        }
    }
}

/// `text` cut at [`SHOWN_CHARS`] characters, saying how many were left out.
pub(crate) fn cut(text: &str, lang: Lang) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        None => text.to_owned(),
        Some((at, _)) => {
            let left_out = text.get(at..).unwrap_or_default().chars().count();
            format!(
                "{}{}",
                text.get(..at).unwrap_or_default(),
                tr!(lang, "diff-cut", count = left_out)
            )
        }
    }
}

/// A value as the JSON file would write it, compact.
fn value_text(value: &Tree, lang: Lang) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    cut(&text, lang)
}

fn maybe_value(value: Option<&Tree>, lang: Lang) -> String {
    value.map_or_else(
        || tr!(lang, "diff-not-set"),
        |value| value_text(value, lang),
    )
}

/// A coordinate without a useless `.0`.
fn number(value: f64) -> String {
    format!("{value}")
}

/// The whole comparison for people.
pub fn text(diff: &Diff, old: &Flow, new: &Flow, lang: Lang) -> String {
    let mut out = String::new();
    structure_text(&mut out, diff, lang);
    outcomes_text(&mut out, diff, old, new, lang);
    let _ = writeln!(out);
    let changed = diff.changed_scenarios().count();
    let total = diff.scenarios.len();
    let verdict = if total == 0 {
        tr!(lang, "diff-verdict-no-scenarios")
    } else if changed > 0 {
        tr!(
            lang,
            "diff-verdict-changed",
            changed = changed,
            total = total
        )
    } else {
        tr!(lang, "diff-verdict-same", total = total)
    };
    let _ = writeln!(out, "{verdict}");
    out
}

pub(crate) fn heading(target: &Target, lang: Lang) -> String {
    match target {
        Target::Flow => tr!(lang, "diff-target-flow"),
        Target::Team => tr!(lang, "diff-target-team"),
        Target::Scenario { scenario } => {
            tr!(lang, "diff-target-scenario", scenario = scenario.as_str())
        }
        Target::Node {
            node,
            node_kind: Some(kind),
        } => tr!(
            lang,
            "diff-target-node",
            node = node.as_str(),
            kind = kind.as_str()
        ),
        Target::Node {
            node,
            node_kind: None,
        } => tr!(lang, "diff-target-node-unknown", node = node.as_str()),
    }
}

fn structure_text(out: &mut String, diff: &Diff, lang: Lang) {
    if diff.changes.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "diff-no-changes"));
        return;
    }
    let _ = writeln!(out, "{}", tr!(lang, "diff-heading-changes"));
    let mut current: Option<&Target> = None;
    for change in &diff.changes {
        if current != Some(&change.target) {
            let _ = writeln!(out, "  {}", heading(&change.target, lang));
            current = Some(&change.target);
        }
        for line in change_lines(change, lang) {
            let _ = writeln!(out, "    {line}");
        }
    }
    let summary = Summary::of(diff);
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "diff-summary",
            count = summary.changes,
            behaviour = summary.behaviour,
            test = summary.test,
            cosmetic = summary.cosmetic
        )
    );
    if summary.cosmetic_only {
        let _ = writeln!(out, "{}", tr!(lang, "diff-cosmetic-only"));
    }
}

/// The fields of a node's kind, as `name: value` lines (for a node added or removed).
fn kind_fields(node: &Tree, lang: Lang) -> Vec<String> {
    let Some(Tree::Object(kind)) = node.get("kind") else {
        return Vec::new();
    };
    let Some((_, Tree::Object(fields))) = kind.first() else {
        return Vec::new();
    };
    fields
        .iter()
        .map(|(name, value)| format!("  {name}: {}", value_text(value, lang)))
        .collect()
}

pub(crate) fn change_lines(change: &Change, lang: Lang) -> Vec<String> {
    let node_id = match &change.target {
        Target::Node { node, .. } => node.as_str(),
        _ => "",
    };
    let is_node = matches!(change.target, Target::Node { .. });
    match &change.kind {
        ChangeKind::Added { value } if is_node => {
            let mut lines = vec![tr!(lang, "diff-node-added")];
            lines.extend(kind_fields(value, lang));
            lines
        }
        ChangeKind::Added { .. } => vec![tr!(lang, "diff-scenario-added")],
        ChangeKind::Removed { value } if is_node => {
            let mut lines = vec![tr!(lang, "diff-node-removed")];
            lines.extend(kind_fields(value, lang));
            lines
        }
        ChangeKind::Removed { .. } => vec![tr!(lang, "diff-scenario-removed")],
        ChangeKind::Moved { from, to } => vec![tr!(
            lang,
            "diff-node-moved",
            from_x = number(from.0),
            from_y = number(from.1),
            to_x = number(to.0),
            to_y = number(to.1)
        )],
        ChangeKind::KindChanged { old, new } => vec![tr!(
            lang,
            "diff-kind-changed",
            old = old.as_str(),
            new = new.as_str()
        )],
        ChangeKind::Field { path, old, new } => vec![tr!(
            lang,
            "diff-field",
            path = path.as_str(),
            old = maybe_value(old.as_ref(), lang),
            new = maybe_value(new.as_ref(), lang)
        )],
        ChangeKind::ItemAdded { path, value } => vec![tr!(
            lang,
            "diff-item-added",
            path = path.as_str(),
            value = value_text(value, lang)
        )],
        ChangeKind::ItemRemoved { path, value } => vec![tr!(
            lang,
            "diff-item-removed",
            path = path.as_str(),
            value = value_text(value, lang)
        )],
        ChangeKind::Reordered { path, old, new } => vec![tr!(
            lang,
            "diff-reordered",
            path = path.as_str(),
            old = cut(&old.join(", "), lang),
            new = cut(&new.join(", "), lang)
        )],
        ChangeKind::Wire {
            port,
            old: Some(old),
            new: Some(new),
        } => vec![tr!(
            lang,
            "diff-wire-rewired",
            node = node_id,
            port = port.as_str(),
            old = old.as_str(),
            new = new.as_str()
        )],
        ChangeKind::Wire {
            port,
            old: None,
            new: Some(new),
        } => vec![tr!(
            lang,
            "diff-wire-connected",
            node = node_id,
            port = port.as_str(),
            new = new.as_str()
        )],
        ChangeKind::Wire {
            port,
            old: Some(old),
            new: None,
        } => vec![tr!(
            lang,
            "diff-wire-disconnected",
            node = node_id,
            port = port.as_str(),
            old = old.as_str()
        )],
        ChangeKind::Wire {
            old: None,
            new: None,
            ..
        } => Vec::new(),
    }
}

/// "Queued at fila, queue Suporte, position 3, no agent".
pub(crate) fn outcome_line(outcome: &Outcome, lang: Lang) -> String {
    let reason = outcome.end_reason.map_or("-", |reason| reason.as_str());
    let mut parts = vec![match &outcome.end_node {
        Some(node) => tr!(lang, "diff-end-at", reason = reason, node = node.as_str()),
        None => reason.to_owned(),
    }];
    if let Some(queue) = &outcome.queue {
        let position = outcome
            .position
            .map_or_else(|| "-".to_owned(), |position| position.to_string());
        parts.push(tr!(
            lang,
            "diff-queue",
            queue = queue.as_str(),
            position = position
        ));
    }
    parts.push(if outcome.agent.is_empty() {
        tr!(lang, "diff-no-agent")
    } else {
        tr!(lang, "diff-agent", agent = outcome.agent.as_str())
    });
    let mut line = parts.join(", ");
    if let Some(error) = &outcome.error {
        let _ = write!(line, ": {}", cut(error, lang));
    }
    line
}

/// A text on one line of the listing: its own line breaks indented under it.
fn indented(text: &str, lang: Lang) -> String {
    cut(text, lang).replace('\n', "\n          ")
}

fn messages_text(out: &mut String, old: &[SharedStr], new: &[SharedStr], lang: Lang) {
    let _ = writeln!(out, "    {}", tr!(lang, "diff-messages"));
    let same_start = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let old_rest = old.get(same_start..).unwrap_or_default();
    let new_rest = new.get(same_start..).unwrap_or_default();
    let same_end = old_rest
        .iter()
        .rev()
        .zip(new_rest.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let same = |out: &mut String, count: usize| {
        if count > 0 {
            let _ = writeln!(
                out,
                "      {}",
                tr!(lang, "diff-messages-same", count = count)
            );
        }
    };
    same(out, same_start);
    for text in old_rest.iter().take(old_rest.len() - same_end) {
        let _ = writeln!(out, "      - {}", indented(text, lang));
    }
    for text in new_rest.iter().take(new_rest.len() - same_end) {
        let _ = writeln!(out, "      + {}", indented(text, lang));
    }
    same(out, same_end);
}

/// The note after a scenario's name that says which file's scenario ran, when not both.
pub(crate) fn version_note(
    comparison: &Comparison,
    old: &Flow,
    new: &Flow,
    lang: Lang,
) -> Option<String> {
    let name = comparison.scenario.as_str();
    let id = match comparison.version {
        diff::Version::Both => return None,
        diff::Version::New if old.scenario(name).is_some() => "diff-version-new-changed",
        diff::Version::New => "diff-version-new-only",
        diff::Version::Old if new.scenario(name).is_some() => "diff-version-old-changed",
        diff::Version::Old => "diff-version-old-only",
    };
    Some(tr!(lang, id))
}

fn outcomes_text(out: &mut String, diff: &Diff, old: &Flow, new: &Flow, lang: Lang) {
    let changed: Vec<&Comparison> = diff.changed_scenarios().collect();
    if changed.is_empty() {
        return;
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "diff-heading-outcomes",
            changed = changed.len(),
            total = diff.scenarios.len()
        )
    );
    for comparison in changed {
        let name = serde_json::to_string(&comparison.scenario).unwrap_or_default();
        match version_note(comparison, old, new, lang) {
            Some(note) => {
                let _ = writeln!(out, "  {name} {note}");
            }
            None => {
                let _ = writeln!(out, "  {name}");
            }
        }
        let differs = |field: &str| comparison.differences.iter().any(|f| f == field);
        if SUMMED_UP.iter().any(|field| differs(field)) {
            let before = outcome_line(&comparison.old, lang);
            let now = outcome_line(&comparison.new, lang);
            let _ = writeln!(out, "    {}", tr!(lang, "diff-before", outcome = before));
            let _ = writeln!(out, "    {}", tr!(lang, "diff-now", outcome = now));
        } else {
            let same = outcome_line(&comparison.new, lang);
            let _ = writeln!(out, "    {}", tr!(lang, "diff-same-end", outcome = same));
        }
        // Fields the lines above do not show (new ones included), as the JSON writes them.
        for field in &comparison.differences {
            if SUMMED_UP.contains(&field.as_str()) || field == "messages" || field == "path" {
                continue;
            }
            let value = |outcome: &Outcome| {
                outcome
                    .field(field)
                    .map_or_else(String::new, |value| value_text(&value, lang))
            };
            let (before, now) = (value(&comparison.old), value(&comparison.new));
            let field = field.as_str();
            let _ = writeln!(
                out,
                "    {}",
                tr!(lang, "diff-field-before", field = field, value = before)
            );
            let _ = writeln!(
                out,
                "    {}",
                tr!(lang, "diff-field-now", field = field, value = now)
            );
        }
        if differs("path") {
            let before = cut(&comparison.old.path.join(" > "), lang);
            let now = cut(&comparison.new.path.join(" > "), lang);
            let _ = writeln!(out, "    {}", tr!(lang, "diff-path-before", path = before));
            let _ = writeln!(out, "    {}", tr!(lang, "diff-path-now", path = now));
        }
        if differs("messages") {
            messages_text(
                out,
                &comparison.old.messages,
                &comparison.new.messages,
                lang,
            );
        }
    }
}

#[cfg(test)]
mod tests;
