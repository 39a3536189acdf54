//! The simulator dock's Load tab (SPEC.md section 10): the flow's `load` section edited like any
//! other field (one undo step per field, `Command::SetLoad`), a day simulated on a worker thread
//! with its progress and a Cancel (`fluxo_core::load::simulate_with`), and the day's figures as
//! charts and tables. The day before stays beside the new one, so that a trainer who changes a
//! route or an agent and runs again sees the two days side by side, with what changed between
//! them.
//!
//! Files: this one (the state, the worker, the tab's layout), `load_tab/plan.rs` (the plan's
//! form), `load_tab/charts.rs` (egui_plot) and `load_tab/tables.rs`.

mod charts;
mod plan;
mod tables;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use egui::{RichText, Ui};
use fluxo_core::Flow;
use fluxo_core::diff::{self, Change, ChangeKind, Effect, Target};
use fluxo_core::load::{LoadError, LoadOptions, LoadProblem, LoadReport, simulate_with};

use crate::cli::load::{early_stop, problem_message};
use crate::i18n::Lang;
use crate::tr;
use crate::ui::context::{AppCommand, FrameCx};
use crate::ui::theme;

/// One simulated day, and the flow it ran on (to say what changed before the next one).
pub(crate) struct Day {
    /// 1 for the first day run in this window, then 2...
    pub number: u32,
    pub report: LoadReport,
    pub flow: Flow,
    pub revision: u64,
}

enum Msg {
    /// Thousandths of the day simulated.
    Progress(u32),
    Done(Box<Result<LoadReport, LoadError>>),
}

/// A day being simulated.
struct Job {
    rx: Receiver<Msg>,
    cancel: Arc<AtomicBool>,
    /// Thousandths of the day simulated.
    progress: u32,
    flow: Flow,
    revision: u64,
}

/// Why the last run gave no day.
#[derive(Clone, Debug, PartialEq)]
enum Failure {
    Invalid(Vec<LoadProblem>),
    Cancelled,
}

/// The Load tab's state: a day being simulated, the last day and the one before it.
#[derive(Default)]
pub struct LoadTab {
    job: Option<Job>,
    current: Option<Day>,
    previous: Option<Day>,
    /// Show the day before beside the last one (on by default once there are two).
    hide_previous: bool,
    failure: Option<Failure>,
    days_run: u32,
    /// The plan's form folds away once, when a day arrives, to make room for the figures.
    fold_plan: bool,
}

impl LoadTab {
    /// Whether a day is being simulated.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// The last day simulated.
    pub fn day(&self) -> Option<&LoadReport> {
        self.current.as_ref().map(|day| &day.report)
    }

    /// The day before it.
    pub fn day_before(&self) -> Option<&LoadReport> {
        self.previous.as_ref().map(|day| &day.report)
    }

    /// Starts simulating the flow's day on a worker thread (a day under way is dropped).
    pub(crate) fn start(
        &mut self,
        flow: &Flow,
        revision: u64,
        env_secrets: &std::collections::BTreeMap<String, String>,
    ) {
        let Some(plan) = flow.load.clone() else {
            return;
        };
        self.stop();
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let options = LoadOptions {
            env_secrets: env_secrets.clone(),
        };
        let day_flow = flow.clone();
        let spawned = std::thread::Builder::new()
            .name("fluxo-load-day".into())
            .spawn(move || {
                let mut last = u32::MAX;
                let result = simulate_with(&day_flow, &plan, &options, |progress| {
                    let done = if progress.day_us == 0 {
                        0
                    } else {
                        (u128::from(progress.done_us) * 1000 / u128::from(progress.day_us)) as u32
                    };
                    if done != last {
                        last = done;
                        // The window may be gone: then the day goes on to its end unseen.
                        let _ = tx.send(Msg::Progress(done));
                    }
                    !stop.load(Ordering::Relaxed)
                });
                let _ = tx.send(Msg::Done(Box::new(result)));
            });
        if spawned.is_ok() {
            self.failure = None;
            self.job = Some(Job {
                rx,
                cancel,
                progress: 0,
                flow: flow.clone(),
                revision,
            });
        }
    }

    /// Stops the day under way.
    pub fn stop(&mut self) {
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
            self.failure = Some(Failure::Cancelled);
        }
    }

    /// Picks up the worker's news.
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some(job) = self.job.as_mut() else {
            return;
        };
        loop {
            match job.rx.try_recv() {
                Ok(Msg::Progress(done)) => job.progress = done,
                Ok(Msg::Done(result)) => {
                    if let Some(job) = self.job.take() {
                        self.finished(job, *result);
                    }
                    ctx.request_repaint();
                    return;
                }
                Err(TryRecvError::Empty) => {
                    ctx.request_repaint_after(Duration::from_millis(50));
                    return;
                }
                Err(TryRecvError::Disconnected) => {
                    self.job = None;
                    return;
                }
            }
        }
    }

    fn finished(&mut self, job: Job, result: Result<LoadReport, LoadError>) {
        match result {
            Ok(report) => {
                self.days_run += 1;
                self.previous = self.current.take();
                self.current = Some(Day {
                    number: self.days_run,
                    report,
                    flow: job.flow,
                    revision: job.revision,
                });
                self.hide_previous = false;
                self.fold_plan = true;
            }
            Err(LoadError::Invalid(problems)) => self.failure = Some(Failure::Invalid(problems)),
            Err(LoadError::Cancelled) => self.failure = Some(Failure::Cancelled),
        }
    }

    /// The tab: the plan, the run, the day's figures.
    pub(crate) fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &FrameCx<'_>,
        env_secrets: &std::collections::BTreeMap<String, String>,
        out: &mut Vec<AppCommand>,
    ) {
        self.poll(ui.ctx());
        let lang = cx.lang;
        egui::ScrollArea::vertical()
            .id_salt("fluxo.sim.load")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.spacing_mut().item_spacing.y = 5.0;
                let Some(load) = &cx.flow.load else {
                    plan::no_plan_ui(ui, lang, out);
                    return;
                };
                let open = std::mem::take(&mut self.fold_plan).then_some(false);
                egui::CollapsingHeader::new(RichText::new(lang.tr("load-window-plan")).strong())
                    .id_salt("fluxo.sim.load.plan")
                    .default_open(true)
                    .open(open)
                    .show(ui, |ui| plan::plan_ui(ui, lang, cx.flow, load, out));
                ui.add_space(4.0);
                self.run_ui(ui, cx, env_secrets);
                if let Some(failure) = &self.failure {
                    failure_ui(ui, lang, failure);
                }
                if self.current.is_some() {
                    ui.separator();
                    self.day_heading_ui(ui, lang, cx.revision);
                }
                if let Some(current) = &self.current {
                    let previous = self.previous.as_ref().filter(|_| !self.hide_previous);
                    results_ui(ui, lang, current, previous);
                }
            });
    }

    /// The run button, or the progress and Cancel.
    fn run_ui(
        &mut self,
        ui: &mut Ui,
        cx: &FrameCx<'_>,
        env_secrets: &std::collections::BTreeMap<String, String>,
    ) {
        let lang = cx.lang;
        if let Some(job) = &self.job {
            let fraction = job.progress as f32 / 1000.0;
            let mut cancel = false;
            ui.horizontal(|ui| {
                ui.spinner();
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(ui.available_width() - 90.0)
                        .text(tr!(
                            lang,
                            "load-window-running",
                            percent = (fraction * 100.0).round() as u32
                        )),
                );
                cancel = ui.button(lang.tr("window-cancel")).clicked();
            });
            if cancel {
                self.stop();
            }
            return;
        }
        let label = if self.current.is_some() {
            lang.tr("load-window-run-again")
        } else {
            lang.tr("load-window-run")
        };
        let button = egui::Button::new(RichText::new(format!("▶ {label}")).strong());
        if ui
            .add(button)
            .on_hover_text(lang.tr("load-window-run-tooltip"))
            .clicked()
        {
            self.start(cx.flow, cx.revision, env_secrets);
        }
    }

    /// Which days are shown, whether they are older than the flow, what changed between them.
    fn day_heading_ui(&mut self, ui: &mut Ui, lang: Lang, revision: u64) {
        let Some(current) = &self.current else {
            return;
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(tr!(lang, "load-window-day", number = current.number))
                    .strong()
                    .size(14.0),
            );
            if let Some(previous) = &self.previous {
                let mut show = !self.hide_previous;
                let text = tr!(lang, "load-window-compare", number = previous.number);
                if ui.checkbox(&mut show, text).changed() {
                    self.hide_previous = !show;
                }
            }
        });
        if current.revision != revision {
            ui.label(
                RichText::new(lang.tr("load-window-older-than-flow"))
                    .small()
                    .color(theme::severity_color(fluxo_core::Severity::Warning)),
            );
        }
        if let (Some(previous), false) = (&self.previous, self.hide_previous) {
            changes_between_ui(ui, lang, previous, current);
        }
    }
}

/// Why the last run gave no day.
fn failure_ui(ui: &mut Ui, lang: Lang, failure: &Failure) {
    let color = theme::severity_color(fluxo_core::Severity::Error);
    match failure {
        Failure::Cancelled => {
            ui.label(
                RichText::new(lang.tr("load-window-cancelled"))
                    .small()
                    .weak(),
            );
        }
        Failure::Invalid(problems) => {
            ui.colored_label(color, lang.tr("load-window-cannot-run"));
            for problem in problems.iter().filter(|problem| problem.blocks_run()) {
                ui.label(
                    RichText::new(problem_message(problem, lang))
                        .small()
                        .color(color),
                );
            }
        }
    }
}

/// "Between day 1 and day 2:" and the changes a run can see (positions and notes left out).
fn changes_between_ui(ui: &mut Ui, lang: Lang, previous: &Day, current: &Day) {
    let Ok(changes) = diff::structure(&previous.flow, &current.flow) else {
        return;
    };
    let seen: Vec<String> = changes
        .iter()
        .filter(|change| change.effect != Effect::Cosmetic)
        .map(change_label)
        .collect();
    let text = if seen.is_empty() {
        tr!(
            lang,
            "load-window-same-flow",
            before = previous.number,
            now = current.number
        )
    } else {
        const SHOWN: usize = 4;
        let mut listed = seen
            .iter()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if seen.len() > SHOWN {
            listed.push_str(&tr!(lang, "load-window-more", count = seen.len() - SHOWN));
        }
        tr!(
            lang,
            "load-window-changed",
            before = previous.number,
            now = current.number,
            changes = listed
        )
    };
    ui.label(RichText::new(text).small());
}

/// A change named by where it is: `atendimento.route`, `team.agents[ana].capacity`.
fn change_label(change: &Change) -> String {
    let place = match &change.target {
        Target::Node { node, .. } => node.clone(),
        Target::Flow => String::new(),
        Target::Team => "team".to_owned(),
        Target::Scenario { scenario } => format!("\"{scenario}\""),
    };
    let path = match &change.kind {
        ChangeKind::Field { path, .. }
        | ChangeKind::ItemAdded { path, .. }
        | ChangeKind::ItemRemoved { path, .. }
        | ChangeKind::Reordered { path, .. } => path.clone(),
        ChangeKind::Wire { port, .. } => port.clone(),
        ChangeKind::KindChanged { .. } => "kind".to_owned(),
        ChangeKind::Added { .. } => "+".to_owned(),
        ChangeKind::Removed { .. } => "−".to_owned(),
        ChangeKind::Moved { .. } => "pos".to_owned(),
    };
    match (place.is_empty(), path.as_str()) {
        (true, _) => path,
        (false, "+" | "−") => format!("{path}{place}"),
        (false, _) => format!("{place}.{path}"),
    }
}

/// The day's figures: a summary line, the charts, the tables.
fn results_ui(ui: &mut Ui, lang: Lang, current: &Day, previous: Option<&Day>) {
    let report = &current.report;
    ui.label(tr!(
        lang,
        "load-chats",
        chats = report.chats,
        to_human = report.to_human,
        bot_only = report.bot_only,
        in_bot = report.in_bot_at_close
    ));
    if let Some(previous) = previous {
        let before = &previous.report;
        ui.label(
            RichText::new(tr!(
                lang,
                "load-window-before-chats",
                number = previous.number,
                chats = before.chats,
                to_human = before.to_human
            ))
            .small()
            .weak(),
        );
    }
    if let Some(stop) = &report.stopped_early {
        ui.colored_label(
            theme::severity_color(fluxo_core::Severity::Warning),
            early_stop(stop, lang),
        );
    }
    for problem in &report.warnings {
        ui.label(
            RichText::new(problem_message(problem, lang))
                .small()
                .color(theme::severity_color(fluxo_core::Severity::Warning)),
        );
    }
    charts::charts_ui(ui, lang, current, previous);
    tables::tables_ui(ui, lang, current, previous);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_named_by_where_they_are() {
        let mut old = Flow::new("f");
        old.nodes.push(fluxo_core::flow::Node::new(
            "fila",
            (0.0, 0.0),
            fluxo_core::flow::KindTag::Queue.default_kind(),
        ));
        let mut new = old.clone();
        if let Some(node) = new.node_mut("fila") {
            node.kind = fluxo_core::flow::NodeKind::Queue {
                queue: "Suporte".into(),
                message: String::new(),
            };
        }
        new.team.departments.push("Suporte".into());
        let labels: Vec<String> = diff::structure(&old, &new)
            .unwrap()
            .iter()
            .map(change_label)
            .collect();
        assert_eq!(labels, ["fila.queue", "team.departments"]);
    }
}
