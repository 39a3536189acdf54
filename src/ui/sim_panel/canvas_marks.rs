//! What the simulator draws on the canvas, through the canvas's `Overlay`: the run (the node it
//! stands on glows, visited nodes and taken wires are tinted and numbered in order, a branch is
//! labelled with the rule that decided it, nodes the run can no longer reach are dimmed), or the
//! coverage of the last "run all" (runs per node, wires no scenario took). Breakpoints show in
//! both. Built only when something it shows changed, never every frame.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

use egui::Color32;
use fluxo_core::Flow;
use fluxo_core::flow::{ELSE_PORT, NodeId, NodeKind};
use fluxo_core::sim::{Event, Run};

use super::run_all::Report;
use crate::i18n::Lang;
use crate::ui::canvas::summary;
use crate::ui::canvas::{Coverage, EdgeMark, NodeMark, Overlay};

/// Visited nodes and taken wires.
const PATH: Color32 = Color32::from_rgb(0x22, 0xC5, 0x5E);
/// Wires no scenario took.
const MISSED: Color32 = Color32::from_rgb(0xE5, 0x48, 0x4D);
/// Longest branch label on a wire; the step's event list has the whole reason.
const LABEL_CHARS: usize = 40;

/// Breakpoints only.
pub(crate) fn breakpoints_only(breakpoints: &BTreeSet<NodeId>) -> Overlay {
    Overlay {
        breakpoints: breakpoints.clone(),
        ..Overlay::default()
    }
}

/// The marks of a run.
pub(crate) fn run_marks(
    w: Lang,
    flow: &Flow,
    run: &Run,
    breakpoints: &BTreeSet<NodeId>,
) -> Overlay {
    let mut overlay = breakpoints_only(breakpoints);
    let mut visits: HashMap<&str, Vec<usize>> = HashMap::new();
    for (order, id) in run.path().into_iter().enumerate() {
        visits.entry(id).or_default().push(order + 1);
    }
    for (id, orders) in &visits {
        overlay.nodes.insert(
            (*id).to_owned(),
            NodeMark {
                label: Some(order_label(orders)),
                ..NodeMark::visited()
            },
        );
    }
    for step in run.steps() {
        let (Some(port), Some(_)) = (step.port, step.to) else {
            continue;
        };
        let branch = step.events.iter().find_map(|event| match event {
            Event::BranchTaken {
                port,
                case,
                rule,
                why,
            } => Some(
                rule_text(w, flow, step.node, *case, *rule)
                    .unwrap_or_else(|| branch_label(w, port, *case, why)),
            ),
            _ => None,
        });
        let mark = overlay
            .edges
            .entry((step.node.to_owned(), port.to_owned()))
            .or_default();
        mark.tint = Some(PATH);
        mark.is_emphasized = true;
        if branch.is_some() {
            mark.label = branch;
        }
    }
    let current = run.current_node().map(str::to_owned);
    if let Some(current) = &current {
        let mark = overlay.nodes.entry(current.clone()).or_default();
        mark.glow = NodeMark::current().glow;
    }
    let reachable = reachable_from(flow, current.as_deref());
    for node in &flow.nodes {
        if !reachable.contains(node.id.as_str()) && !visits.contains_key(node.id.as_str()) {
            overlay.nodes.entry(node.id.clone()).or_default().is_dimmed = true;
        }
    }
    overlay
}

/// `3`, or `3 · 7` for a node visited twice, or `3 · 7 · … (5×)`.
fn order_label(orders: &[usize]) -> String {
    match orders {
        [one] => one.to_string(),
        [first, second] => format!("{first} · {second}"),
        [first, second, ..] => format!("{first} · {second} · … ({}×)", orders.len()),
        [] => String::new(),
    }
}

/// The Condition rule that decided a branch, as written in the flow (`status_gerente = online`).
fn rule_text(
    lang: Lang,
    flow: &Flow,
    node: &str,
    case: Option<u32>,
    rule: Option<u32>,
) -> Option<String> {
    let NodeKind::Condition { cases } = &flow.node(node)?.kind else {
        return None;
    };
    let rule = cases
        .get(usize::try_from(case?).ok()?)?
        .rules
        .get(usize::try_from(rule?).ok()?)?;
    Some(shortened(&summary::rule_text(rule, lang)))
}

fn shortened(text: &str) -> String {
    let mut label: String = text.chars().take(LABEL_CHARS).collect();
    if label.len() < text.len() {
        label.push('…');
    }
    label
}

/// A branch's label when the flow has no rule for it: `else`, or business hours' reason.
fn branch_label(w: Lang, port: &str, case: Option<u32>, why: &str) -> String {
    if case.is_none() && port == ELSE_PORT {
        return w.tr("sim-else-no-case-held").to_owned();
    }
    // Business hours (no case): the reason after the clock reading ("open (Mon-Fri ...)").
    let why = match case {
        None => why.split_once(": ").map_or(why, |(_, reason)| reason),
        Some(_) => why,
    };
    shortened(if why.is_empty() { port } else { why })
}

/// Nodes a path from `from` can still reach (itself included), following the flow's wires.
fn reachable_from<'a>(flow: &'a Flow, from: Option<&str>) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    let Some(start) = from.and_then(|id| flow.node(id)) else {
        return seen;
    };
    let mut next: HashMap<&str, Vec<&str>> = HashMap::new();
    for edge in &flow.edges {
        next.entry(edge.from.as_str())
            .or_default()
            .push(edge.to.as_str());
    }
    let mut queue = VecDeque::from([start.id.as_str()]);
    seen.insert(start.id.as_str());
    while let Some(id) = queue.pop_front() {
        for &to in next.get(id).map_or(&[][..], Vec::as_slice) {
            if let Some(node) = flow.node(to)
                && seen.insert(node.id.as_str())
            {
                queue.push_back(node.id.as_str());
            }
        }
    }
    seen
}

/// The coverage of a "run all": per node how many runs went through it, and the wires no run
/// took in red.
pub(crate) fn coverage_marks(
    flow: &Flow,
    report: &Report,
    breakpoints: &BTreeSet<NodeId>,
) -> Overlay {
    let mut overlay = breakpoints_only(breakpoints);
    for node in &flow.nodes {
        let runs = report.node_runs.get(&node.id).copied().unwrap_or(0);
        let mark = if runs > 0 {
            Coverage::Covered(runs)
        } else {
            Coverage::Missed
        };
        overlay.coverage.insert(node.id.clone(), mark);
        if runs == 0 {
            overlay.nodes.insert(node.id.clone(), NodeMark::dimmed());
        }
    }
    let missed: HashSet<(&str, &str)> = report
        .coverage
        .uncovered_branches
        .iter()
        .map(|branch| (branch.from.as_str(), branch.port.as_str()))
        .collect();
    for edge in &flow.edges {
        let is_missed = missed.contains(&(edge.from.as_str(), edge.port.as_str()));
        let mark = if is_missed {
            // No label: on a bundle of wires they pile up; the dock's legend says what red is.
            EdgeMark {
                tint: Some(MISSED),
                is_emphasized: true,
                label: None,
            }
        } else if report
            .ports_taken
            .contains(&(edge.from.clone(), edge.port.clone()))
        {
            EdgeMark {
                tint: Some(PATH.gamma_multiply(0.8)),
                is_emphasized: false,
                label: None,
            }
        } else {
            continue;
        };
        overlay
            .edges
            .insert((edge.from.clone(), edge.port.clone()), mark);
    }
    overlay
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visit_orders_read_well() {
        assert_eq!(order_label(&[3]), "3");
        assert_eq!(order_label(&[3, 7]), "3 · 7");
        assert_eq!(order_label(&[3, 7, 9, 11, 13]), "3 · 7 · … (5×)");
    }
}
