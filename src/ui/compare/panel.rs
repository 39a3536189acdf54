//! The comparison's list, in a window over the canvas: what changed, node by node (a click shows
//! the node), then the scenarios that now end differently, each with its before and now and a
//! button that opens its two runs side by side.

use egui::{Color32, RichText, Ui};
use fluxo_core::diff::{Change, Comparison as ScenarioComparison, Effect, Target};

use super::Comparison;
use super::marks::NodeStatus;
use crate::cli::diff::{change_lines, heading, outcome_line, version_note};
use crate::i18n::Lang;
use crate::tr;
use crate::ui::theme;

/// What the user asked for in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PanelAnswer {
    ShowNode(String),
    ShowRuns(usize),
    Close,
}

/// The list, in a panel beside the canvas: a title, then the contents.
pub fn panel_ui(
    ui: &mut Ui,
    lang: Lang,
    comparison: &Comparison,
    revision: u64,
) -> Option<PanelAnswer> {
    let name = super::against_name(comparison.against());
    let title = match comparison.against() {
        super::Against::Saved(_) => tr!(lang, "compare-title-saved", name = name.as_str()),
        super::Against::File(_) => tr!(lang, "compare-title-file", name = name.as_str()),
    };
    ui.add_space(4.0);
    ui.label(RichText::new(title).strong().size(15.0));
    contents_ui(ui, lang, comparison, revision)
}

fn contents_ui(
    ui: &mut Ui,
    lang: Lang,
    comparison: &Comparison,
    revision: u64,
) -> Option<PanelAnswer> {
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui.button(lang.tr("compare-close")).clicked() {
            answer = Some(PanelAnswer::Close);
        }
        if comparison.is_busy() || !comparison.is_current(revision) {
            ui.spinner();
            ui.label(RichText::new(lang.tr("compare-updating")).small().weak());
        }
    });
    if let Some(error) = comparison.error() {
        ui.colored_label(
            theme::severity_color(fluxo_core::Severity::Error),
            tr!(lang, "compare-failed", error = error),
        );
    }
    let Some(shown) = comparison.shown() else {
        return answer;
    };
    legend_ui(ui, lang);
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("fluxo.compare.list")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if let Some(request) = changes_ui(ui, lang, &shown.diff.changes, &shown.marks) {
                answer = Some(request);
            }
            ui.separator();
            if let Some(request) = scenarios_ui(ui, lang, comparison) {
                answer = Some(request);
            }
        });
    answer
}

fn chip(ui: &mut Ui, color: Color32, text: &str) {
    ui.label(RichText::new("■").color(color));
    ui.label(RichText::new(text).small());
}

fn legend_ui(ui: &mut Ui, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        for status in [
            NodeStatus::Added,
            NodeStatus::Changed,
            NodeStatus::Removed,
            NodeStatus::Rewired,
            NodeStatus::Moved,
        ] {
            chip(ui, status.color(), lang.tr(status.label()));
            ui.add_space(6.0);
        }
    });
}

/// The structural changes, grouped by what they are about; a node's heading shows it.
fn changes_ui(
    ui: &mut Ui,
    lang: Lang,
    changes: &[Change],
    marks: &super::Marks,
) -> Option<PanelAnswer> {
    let mut answer = None;
    ui.label(RichText::new(lang.tr("diff-heading-changes")).strong());
    if changes.is_empty() {
        ui.label(lang.tr("diff-no-changes"));
        return None;
    }
    let count = |effect: Effect| changes.iter().filter(|c| c.effect == effect).count();
    ui.label(
        RichText::new(tr!(
            lang,
            "diff-summary",
            count = changes.len(),
            behaviour = count(Effect::Behaviour),
            test = count(Effect::Test),
            cosmetic = count(Effect::Cosmetic)
        ))
        .small(),
    );
    if changes
        .iter()
        .all(|change| change.effect == Effect::Cosmetic)
    {
        ui.label(RichText::new(lang.tr("diff-cosmetic-only")).small().weak());
    }
    // The diff lists each target's changes together: one group each.
    for group in changes.chunk_by(|a, b| a.target == b.target) {
        let Some(first) = group.first() else {
            continue;
        };
        ui.add_space(3.0);
        if let Some(request) = group_ui(ui, lang, &first.target, group, marks) {
            answer = Some(request);
        }
    }
    answer
}

fn group_ui(
    ui: &mut Ui,
    lang: Lang,
    target: &Target,
    group: &[Change],
    marks: &super::Marks,
) -> Option<PanelAnswer> {
    let mut answer = None;
    let title = heading(target, lang);
    match target {
        Target::Node { node, .. } => {
            let status = marks.status(node);
            let color = status.map_or(ui.visuals().text_color(), NodeStatus::color);
            ui.horizontal(|ui| {
                ui.label(RichText::new("■").color(color));
                if status == Some(NodeStatus::Removed) {
                    ui.label(RichText::new(&title).strong());
                } else if ui
                    .link(RichText::new(&title).strong())
                    .on_hover_text(lang.tr("compare-show-node"))
                    .clicked()
                {
                    answer = Some(PanelAnswer::ShowNode(node.clone()));
                }
            });
        }
        _ => {
            ui.label(RichText::new(&title).strong());
        }
    }
    ui.indent(("fluxo.compare.group", title.as_str()), |ui| {
        for change in group {
            for line in change_lines(change, lang) {
                ui.add(egui::Label::new(RichText::new(line).small().monospace()).wrap());
            }
        }
    });
    answer
}

/// The scenarios whose outcome changed, before and now, each with its two runs.
fn scenarios_ui(ui: &mut Ui, lang: Lang, comparison: &Comparison) -> Option<PanelAnswer> {
    let shown = comparison.shown()?;
    let diff = &shown.diff;
    let total = diff.scenarios.len();
    let changed: Vec<(usize, &ScenarioComparison)> = diff
        .scenarios
        .iter()
        .enumerate()
        .filter(|(_, scenario)| scenario.is_changed())
        .collect();
    let verdict = if total == 0 {
        lang.tr("diff-verdict-no-scenarios").to_owned()
    } else if changed.is_empty() {
        tr!(lang, "diff-verdict-same", total = total)
    } else {
        tr!(
            lang,
            "diff-verdict-changed",
            changed = changed.len(),
            total = total
        )
    };
    let color = if changed.is_empty() {
        ui.visuals().text_color()
    } else {
        theme::severity_color(fluxo_core::Severity::Warning)
    };
    ui.label(RichText::new(verdict).strong().color(color));
    let mut answer = None;
    for (index, scenario) in changed {
        ui.add_space(4.0);
        // A scenario the two files write differently is compared twice: the note tells which.
        let note = version_note(scenario, comparison.base(), &shown.flow, lang)
            .map(|note| format!(" {note}"))
            .unwrap_or_default();
        ui.label(RichText::new(format!("“{}”{note}", scenario.scenario)).strong());
        ui.indent(("fluxo.compare.scenario", index), |ui| {
            let before = outcome_line(&scenario.old, lang);
            let now = outcome_line(&scenario.new, lang);
            ui.label(RichText::new(tr!(lang, "diff-before", outcome = before)).small());
            ui.label(RichText::new(tr!(lang, "diff-now", outcome = now)).small());
            let differs = scenario.differences.join(", ");
            ui.label(
                RichText::new(tr!(lang, "compare-differs-in", fields = differs))
                    .small()
                    .weak(),
            );
            let open = tr!(
                lang,
                "compare-open-runs",
                scenario = scenario.scenario.as_str()
            );
            if ui.button(format!("{open}{note}")).clicked() {
                answer = Some(PanelAnswer::ShowRuns(index));
            }
        });
    }
    answer
}
