//! A scenario whose outcome changed, its two runs side by side: what it did on the version
//! compared with (left) and what it does now (right), step by step in the simulator's words, the
//! lines where they part coloured. Each run is made as the comparison made it: in its file's
//! batch, after the scenarios before it (so Sequential cursors are the same).

use egui::{Color32, RichText, Ui};
use fluxo_core::Flow;
use fluxo_core::diff::{Diff, Version};
use fluxo_core::flow::Scenario;
use fluxo_core::sim::{Batch, Event, Options, Run};

use crate::i18n::Lang;
use crate::i18n::events::{end_line, event_line};
use crate::tr;

/// Most lines a column shows (a run to the step limit has tens of thousands).
const MAX_LINES: usize = 2_000;

/// One line of a run: the node of its step and what happened, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunLine {
    pub node: String,
    pub text: String,
}

/// The two runs of one scenario.
pub struct SideBySide {
    pub scenario: String,
    /// The comparison's index of this scenario.
    pub index: usize,
    before: Run,
    now: Run,
    /// The lines, worded in a language (made again when it changes).
    lines: Option<(Lang, [Vec<RunLine>; 2])>,
}

impl SideBySide {
    /// The runs of the comparison's scenario `index` on `old` and `new`; none for an index the
    /// comparison does not have.
    pub fn new(
        old: &Flow,
        new: &Flow,
        diff: &Diff,
        index: usize,
        options: &Options,
    ) -> Option<Self> {
        let comparison = diff.scenarios.get(index)?;
        // The file whose scenario ran, and its scenarios in order (the batch before it).
        let scenarios: &[Scenario] = match comparison.version {
            Version::Old => &old.scenarios,
            Version::Both | Version::New => &new.scenarios,
        };
        let position = scenarios
            .iter()
            .position(|scenario| scenario.name == comparison.scenario)?;
        let upto = scenarios.get(..=position)?;
        Some(Self {
            scenario: comparison.scenario.clone(),
            index,
            before: run_in_batch(old, upto, options)?,
            now: run_in_batch(new, upto, options)?,
            lines: None,
        })
    }

    /// The lines of each run, before and now, in `lang`.
    pub fn lines(&mut self, lang: Lang) -> &[Vec<RunLine>; 2] {
        if self
            .lines
            .as_ref()
            .is_some_and(|(made_in, _)| *made_in != lang)
        {
            self.lines = None;
        }
        let (before, now) = (&self.before, &self.now);
        &self
            .lines
            .get_or_insert_with(|| (lang, [run_lines(lang, before), run_lines(lang, now)]))
            .1
    }

    pub fn before(&self) -> &Run {
        &self.before
    }

    pub fn now(&self) -> &Run {
        &self.now
    }
}

/// The last of `scenarios` run on `flow`, after the ones before it, in one batch.
fn run_in_batch(flow: &Flow, scenarios: &[Scenario], options: &Options) -> Option<Run> {
    let mut batch = Batch::new(flow, options.clone());
    let mut last = None;
    for scenario in scenarios {
        last = Some(batch.run(scenario));
    }
    last
}

/// A run as lines: each event of each step, in words.
pub fn run_lines(lang: Lang, run: &Run) -> Vec<RunLine> {
    let mut lines = Vec::new();
    for step in run.steps() {
        let route = step.events.iter().find_map(|event| match event {
            Event::HandoffStarted(handoff) => Some(handoff.route.as_str()),
            _ => None,
        });
        for event in step.events {
            let text = event_line(lang, event, route);
            if text.is_empty() {
                continue;
            }
            if lines.len() == MAX_LINES {
                return lines;
            }
            lines.push(RunLine {
                node: step.node.to_owned(),
                text,
            });
        }
    }
    lines
}

/// The window with the two runs; false once closed.
pub fn side_by_side_ui(
    ctx: &egui::Context,
    lang: Lang,
    base_name: &str,
    runs: &mut SideBySide,
) -> bool {
    let mut open = true;
    let title = tr!(
        lang,
        "compare-runs-title",
        scenario = runs.scenario.as_str()
    );
    let before_end = runs
        .before()
        .end()
        .map(|end| end_line(lang, end))
        .unwrap_or_default();
    let now_end = runs
        .now()
        .end()
        .map(|end| end_line(lang, end))
        .unwrap_or_default();
    egui::Window::new(title)
        .id(egui::Id::unique("fluxo.compare.runs"))
        .open(&mut open)
        .default_size([760.0, 540.0])
        .collapsible(false)
        .show(ctx, |ui| {
            let lines = runs.lines(lang);
            let headings = [
                tr!(lang, "compare-runs-before", name = base_name),
                lang.tr("compare-runs-now").to_owned(),
            ];
            let ends = [before_end, now_end];
            ui.columns(2, |columns| {
                for (side, column) in columns.iter_mut().enumerate() {
                    let other = lines.get(1 - side).map_or(&[][..], Vec::as_slice);
                    let mine = lines.get(side).map_or(&[][..], Vec::as_slice);
                    // A column is laid out justified: its lines would stretch to its width.
                    column.with_layout(egui::Layout::top_down(egui::Align::Min), |column| {
                        column_ui(
                            column,
                            side,
                            headings.get(side).map_or("", String::as_str),
                            ends.get(side).map_or("", String::as_str),
                            mine,
                            other,
                        );
                    });
                }
            });
        });
    open
}

fn column_ui(
    ui: &mut Ui,
    side: usize,
    heading: &str,
    end: &str,
    mine: &[RunLine],
    other: &[RunLine],
) {
    let parted = if side == 0 {
        Color32::from_rgb(0xEF, 0x44, 0x44).gamma_multiply(0.18)
    } else {
        Color32::from_rgb(0x22, 0xC5, 0x5E).gamma_multiply(0.18)
    };
    ui.label(RichText::new(heading).strong());
    ui.label(RichText::new(end).small());
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt(("fluxo.compare.runs.column", side))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut node = "";
            for (index, line) in mine.iter().enumerate() {
                if line.node != node {
                    node = &line.node;
                    ui.label(RichText::new(node).monospace().small().weak());
                }
                let same = other.get(index) == Some(line);
                let text = RichText::new(&line.text).size(12.5);
                let text = if same {
                    text
                } else {
                    text.background_color(parted)
                };
                ui.add(egui::Label::new(text).wrap());
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_scenario_opens_its_two_runs() {
        let old: Flow = fluxo_core::file::parse(
            r#"(format: 1, nodes: [
                (id: "inicio", kind: Entry()),
                (id: "oi", kind: Message(text: "Olá")),
                (id: "fim", kind: End(message: "Tchau")),
            ], edges: [(from: "inicio", port: "next", to: "oi"), (from: "oi", port: "next", to: "fim")],
            scenarios: [(name: "a"), (name: "b")])"#,
            fluxo_core::Format::Ron,
        )
        .unwrap()
        .flow;
        let mut new = old.clone();
        new.edges.pop();
        let diff = fluxo_core::diff::diff(&old, &new, &Options::default()).unwrap();
        let mut runs = SideBySide::new(&old, &new, &diff, 1, &Options::default()).unwrap();
        assert_eq!(runs.scenario, "b");
        let [before, now] = runs.lines(Lang::En).clone();
        assert!(before.len() > now.len(), "{before:?} {now:?}");
        assert!(before.iter().any(|line| line.text.contains("Tchau")));
        assert!(SideBySide::new(&old, &new, &diff, 9, &Options::default()).is_none());
    }
}
