//! `fluxo import typebot IN.json OUT.flow.ron [--format json]`: a Typebot export as a flow
//! (SPEC.md section 13), written atomically, with a report of what was not carried over on
//! stdout. The nodes that stand for what fluxo cannot run carry the report's words as their
//! `note`. Exit 0 when the flow was written, 2 on bad input (not JSON, not a Typebot export,
//! OUT being IN, a file that cannot be read or written).

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use fluxo_core::file;
use fluxo_core::flow::Flow;
use fluxo_core::interop::typebot::{
    self, BlockReport, BlockStatus, ImportError, ImportOptions, Imported, Issue, Item, NotTypebot,
    Renamed, Report, RunSummary,
};
use serde::Serialize;

use super::OutputFormat;
use crate::i18n::files::{clean, load_error_message, problem_message, save_error_message};
use crate::i18n::{FluentArgs, Lang, text_with};
use crate::tr;

/// Where a flow is imported from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Source {
    /// A Typebot v6 export (the JSON of "Export flow").
    Typebot,
}

pub fn main(
    source: Source,
    input: &Path,
    output: &Path,
    format: OutputFormat,
    lang: Lang,
) -> ExitCode {
    match source {
        Source::Typebot => import_typebot(input, output, format, lang),
    }
}

fn import_typebot(input: &Path, output: &Path, format: OutputFormat, lang: Lang) -> ExitCode {
    let fail = |message: String| {
        say!("fluxo import: {message}");
        ExitCode::from(2)
    };
    let output_name = clean(&output.display().to_string());
    if file::Format::from_path(output).is_none() {
        return fail(tr!(lang, "interop-error-output-name", path = output_name));
    }
    if is_same_file(input, output) {
        return fail(tr!(lang, "interop-error-same-file", path = output_name));
    }
    // Read as a flow file is: a regular file of at most 64 MiB of UTF-8.
    let text = match file::read_text(input) {
        Ok(text) => text,
        Err(err) => return fail(read_error(&err, lang)),
    };
    let options = ImportOptions {
        scenario_name: tr!(lang, "interop-scenario-name"),
        // A linked bot already imported beside the output is walked into.
        library: crate::library::library_for(output),
    };
    let Imported { mut flow, report } = match typebot::import(&text, &options) {
        Ok(imported) => imported,
        Err(err) => return fail(import_error(input, &err, lang)),
    };
    write_notes(&mut flow, &report, lang);
    if let Err(err) = file::save(&flow, output) {
        return fail(save_error_message(lang, &err));
    }
    let text = match format {
        OutputFormat::Text => report_text(&flow, &report, output, lang),
        OutputFormat::Json => match report_json(&flow, &report, input, output, lang) {
            Ok(text) => text,
            Err(err) => return fail(err.to_string()),
        },
    };
    if super::run::print(&text) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// Whether `output` is the file `input` (the same file once links are resolved).
fn is_same_file(input: &Path, output: &Path) -> bool {
    let (Ok(input), Ok(output)) = (std::fs::canonicalize(input), std::fs::canonicalize(output))
    else {
        return false;
    };
    if input == output {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(&input), std::fs::metadata(&output)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// Why the export could not be read: in the loader's words, but for what is said of flow files.
fn read_error(err: &file::LoadError, lang: Lang) -> String {
    let path = clean(&err.path.display().to_string());
    match &err.kind {
        file::LoadErrorKind::NotRegular(special) => tr!(
            lang,
            "interop-error-not-regular",
            path = path,
            kind = special.as_str()
        ),
        file::LoadErrorKind::TooBig { limit_bytes } => tr!(
            lang,
            "interop-error-too-big",
            path = path,
            limit_mib = limit_bytes / (1024 * 1024)
        ),
        _ => load_error_message(lang, err),
    }
}

fn import_error(path: &Path, err: &ImportError, lang: Lang) -> String {
    let shown = clean(&path.display().to_string());
    match err {
        ImportError::Json {
            line,
            column,
            problem,
        } => tr!(
            lang,
            "interop-error-not-json",
            path = shown,
            line = *line,
            column = *column,
            error = problem_message(lang, problem)
        ),
        ImportError::NotTypebot(reason) => {
            let reason = match reason {
                NotTypebot::NotAnObject => tr!(lang, "interop-not-typebot-not-an-object"),
                NotTypebot::NoGroups => tr!(lang, "interop-not-typebot-no-groups"),
            };
            tr!(
                lang,
                "interop-error-not-typebot",
                path = shown,
                reason = reason
            )
        }
    }
}

/// The words for one item of the report: a line of the report and the node's note.
pub fn issue_text(item: &Item, lang: Lang) -> String {
    let (id, args) = issue_message(item);
    text_with(lang, &id, Some(&args))
}

/// The Fluent message for an item, and its arguments.
fn issue_message(item: &Item) -> (String, FluentArgs<'static>) {
    let mut args = FluentArgs::new();
    args.set("block_type", item.block_type.clone());
    args.set("group", item.group.clone());
    for (name, value) in item.issue.args() {
        args.set(name, value);
    }
    let id = match &item.issue {
        Issue::Placeholder { detail } if !detail.is_empty() => {
            "interop-issue-placeholder-detail".to_owned()
        }
        Issue::ComputedValue { value, .. } if value.is_empty() => {
            "interop-issue-computed-value-empty".to_owned()
        }
        Issue::ListOperation { operation, .. } if operation == "Append value(s)" => {
            "interop-issue-list-operation-append".to_owned()
        }
        issue => format!("interop-issue-{}", issue.code()),
    };
    (id, args)
}

/// Each node's note: the words of the report's items about it, one per line.
pub fn write_notes(flow: &mut Flow, report: &Report, lang: Lang) {
    for node in &mut flow.nodes {
        let lines: Vec<String> = report
            .items_of(&node.id)
            .map(|item| issue_text(item, lang))
            .collect();
        if !lines.is_empty() {
            node.note = lines.join("\n");
        }
    }
}

fn report_text(flow: &Flow, report: &Report, output: &Path, lang: Lang) -> String {
    let mut lines = vec![
        tr!(
            lang,
            "interop-report-imported",
            name = report.typebot_name.clone(),
            version = report.version.clone(),
            path = output.display().to_string(),
            nodes = flow.nodes.len(),
            edges = flow.edges.len()
        ),
        tr!(
            lang,
            "interop-report-blocks",
            total = report.blocks.len(),
            imported = report.count(BlockStatus::Imported),
            partial = report.count(BlockStatus::Partial),
            placeholders = report.count(BlockStatus::Placeholder),
            edges = report.count(BlockStatus::Edge),
            merged = report.count(BlockStatus::Merged)
        ),
    ];
    if report.items.is_empty() {
        lines.push(tr!(lang, "interop-report-all-carried"));
    } else {
        lines.push(tr!(lang, "interop-report-not-carried"));
        for item in &report.items {
            let message = issue_text(item, lang);
            let group = if item.group.is_empty() {
                "-".to_owned()
            } else {
                item.group.clone()
            };
            let line = match (&item.node, &item.block_id) {
                (Some(node), None) => tr!(
                    lang,
                    "interop-report-item-flow",
                    node = node.clone(),
                    message = message
                ),
                (Some(node), Some(_)) => tr!(
                    lang,
                    "interop-report-item-node",
                    node = node.clone(),
                    group = group,
                    block_type = item.block_type.clone(),
                    message = message
                ),
                (None, Some(_)) => tr!(
                    lang,
                    "interop-report-item-block",
                    group = group,
                    block_type = item.block_type.clone(),
                    message = message
                ),
                (None, None) => tr!(lang, "interop-report-item-export", message = message),
            };
            lines.push(format!("  {}", one_line(&line)));
        }
    }
    let renamed: Vec<String> = report
        .variables
        .iter()
        .filter(|renamed| renamed.typebot != renamed.fluxo)
        .map(|renamed| format!("“{}” → {}", renamed.typebot, renamed.fluxo))
        .collect();
    if !renamed.is_empty() {
        lines.push(tr!(
            lang,
            "interop-report-variables",
            list = renamed.join(", ")
        ));
    }
    if let Some(run) = &report.scenario {
        lines.push(tr!(
            lang,
            "interop-report-scenario",
            name = run.name.clone(),
            replies = run.replies,
            end_reason = run.end_reason.map_or("-", |reason| reason.as_str()),
            end_node = run.end_node.clone().unwrap_or_else(|| "-".to_owned())
        ));
    }
    if report.is_tidy_up_recommended() {
        lines.push(tr!(lang, "interop-report-tidy", count = report.overlaps));
    }
    let mut text = lines
        .iter()
        .map(|line| one_line(line))
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    text
}

/// `text` as one line of a terminal: control characters (a new line in a code snippet, an
/// escape sequence in a title) written as escapes (`\n`, `\u{1b}`).
fn one_line(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
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

#[derive(Serialize)]
struct JsonReport<'a> {
    input: String,
    output: String,
    typebot: JsonTypebot<'a>,
    nodes: usize,
    edges: usize,
    counts: JsonCounts,
    blocks: &'a [BlockReport],
    items: Vec<JsonItem<'a>>,
    variables: &'a [Renamed],
    overlaps: usize,
    tidy_up_recommended: bool,
    scenario: Option<&'a RunSummary>,
}

#[derive(Serialize)]
struct JsonTypebot<'a> {
    name: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct JsonCounts {
    total: usize,
    imported: usize,
    partial: usize,
    placeholder: usize,
    edge: usize,
    merged: usize,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    #[serde(flatten)]
    item: &'a Item,
    message: String,
}

fn report_json(
    flow: &Flow,
    report: &Report,
    input: &Path,
    output: &Path,
    lang: Lang,
) -> Result<String, serde_json::Error> {
    let json = JsonReport {
        input: input.display().to_string(),
        output: output.display().to_string(),
        typebot: JsonTypebot {
            name: &report.typebot_name,
            version: &report.version,
        },
        nodes: flow.nodes.len(),
        edges: flow.edges.len(),
        counts: JsonCounts {
            total: report.blocks.len(),
            imported: report.count(BlockStatus::Imported),
            partial: report.count(BlockStatus::Partial),
            placeholder: report.count(BlockStatus::Placeholder),
            edge: report.count(BlockStatus::Edge),
            merged: report.count(BlockStatus::Merged),
        },
        blocks: &report.blocks,
        items: report
            .items
            .iter()
            .map(|item| JsonItem {
                item,
                message: issue_text(item, lang),
            })
            .collect(),
        variables: &report.variables,
        overlaps: report.overlaps,
        tidy_up_recommended: report.is_tidy_up_recommended(),
        scenario: report.scenario.as_ref(),
    };
    let mut text = serde_json::to_string_pretty(&json)?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluxo_core::interop::altu::LeftOut;

    fn every_issue() -> Vec<Issue> {
        let s = |text: &str| text.to_owned();
        vec![
            Issue::Placeholder { detail: s("") },
            Issue::Placeholder { detail: s("x") },
            Issue::UnknownBlock,
            Issue::LinkedBot {
                typebot_id: s("b"),
                group_id: s("g"),
                file: s("b.flow.ron"),
            },
            Issue::ChatwootWidget,
            Issue::ComputedValue {
                variable: s("v"),
                value_type: s("Today"),
                value: s("{{now.date}}"),
            },
            Issue::ComputedValue {
                variable: s("v"),
                value_type: s("Tomorrow"),
                value: s(""),
            },
            Issue::Expression {
                variable: s("v"),
                expression: s("1 + 1"),
            },
            Issue::Code { variable: s("v") },
            Issue::ListOperation {
                variable: s("v"),
                operation: s("Append value(s)"),
            },
            Issue::ListOperation {
                variable: s("v"),
                operation: s("Pop"),
            },
            Issue::MultipleChoice,
            Issue::DynamicChoice { variable: s("v") },
            Issue::ItemCondition {
                items: s("“A”")
            },
            Issue::FileReply,
            Issue::ResponsePath {
                variable: s("v"),
                path: s("data.x.map(f)"),
                saved: s("x"),
            },
            Issue::Method { method: s("HEAD") },
            Issue::DefaultBody,
            Issue::InlineCode { code: s("1") },
            Issue::ConditionRule {
                operator: s("Does not contain"),
            },
            Issue::ConditionIncomplete,
            Issue::AbTest { percent: s("50") },
            Issue::EmbedEvent,
            Issue::MissingTarget { target: s("g") },
            Issue::EventIgnored {
                event: s("command"),
            },
            Issue::NoStart,
            Issue::StartEmpty {
                variables: s("a, b"),
            },
            Issue::Version { version: s("5") },
        ]
    }

    #[test]
    fn every_issue_and_left_out_field_is_worded_in_both_languages() {
        for lang in [Lang::En, Lang::PtBr] {
            let mut seen = std::collections::HashSet::new();
            for issue in every_issue() {
                let item = Item {
                    block_id: Some("b".into()),
                    block_type: "openai".into(),
                    group: "Grupo".into(),
                    node: Some("n".into()),
                    issue,
                };
                let (id, args) = issue_message(&item);
                let (text, errors) = crate::i18n::format(lang, &id, Some(&args));
                assert_eq!(errors, Vec::<String>::new(), "{id}");
                assert_eq!(text, issue_text(&item, lang));
                assert!(!text.contains("{$"), "{text}");
                assert!(
                    seen.insert(text.clone()),
                    "two issues read the same: {text}"
                );
            }
            for left_out in [
                LeftOut::Department,
                LeftOut::Route,
                LeftOut::WaitTimeout,
                LeftOut::InactivityTimeout,
                LeftOut::IncludeHistory,
                LeftOut::ClosingMessage,
            ] {
                let text = super::super::export::left_out_text(left_out, lang);
                assert!(text.starts_with(left_out.field()), "{text}");
            }
        }
    }

    #[test]
    fn notes_go_on_the_nodes_the_items_are_about() {
        let mut flow = Flow::new("t");
        flow.nodes.push(fluxo_core::flow::Node::new(
            "n",
            (0.0, 0.0),
            fluxo_core::flow::KindTag::End.default_kind(),
        ));
        let item = |node: &str, issue| Item {
            block_id: Some("b".into()),
            block_type: "Wait".into(),
            group: "G".into(),
            node: Some(node.into()),
            issue,
        };
        let report = Report {
            items: vec![
                item(
                    "n",
                    Issue::Placeholder {
                        detail: "2 s".into(),
                    },
                ),
                item("other", Issue::EmbedEvent),
                item("n", Issue::FileReply),
            ],
            ..Report::default()
        };
        write_notes(&mut flow, &report, Lang::PtBr);
        assert_eq!(flow.nodes[0].note, "", "the Entry has no item");
        assert_eq!(
            flow.nodes[1].note,
            "Bloco “Wait” do Typebot (2 s): o fluxo não consegue executá-lo; este nó só deixa a execução passar.\nAqui o Typebot recebe um arquivo ou um áudio; no fluxo, o texto do contato faz esse papel."
        );
    }
}
