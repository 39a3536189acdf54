//! "Run all": every scenario of the flow through the core's batch (so Sequential cursors carry
//! from run to run as in `fluxo test`), on a worker thread so that a big flow with many
//! scenarios never freezes the window. The report lists pass or fail with the failing
//! expectations, and the coverage that the canvas draws. A report made before the latest edit is
//! kept and marked stale; it is not re-run on every keystroke.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::Duration;

use egui::{Color32, RichText, Ui};
use fluxo_core::Flow;
use fluxo_core::flow::NodeId;
use fluxo_core::sim::{Batch, CoverageReport, Cursors, End, Failure, Options, expect};

use crate::i18n::Lang;
use crate::i18n::events::end_line;
use crate::tr;
use crate::ui::theme;

const PASS: Color32 = Color32::from_rgb(0x22, 0xA0, 0x55);

/// One scenario's result.
#[derive(Clone, Debug)]
pub struct Row {
    pub name: String,
    /// The scenario's index in the flow.
    pub index: usize,
    pub passed: bool,
    pub end: Option<End>,
    pub failures: Vec<Failure>,
    /// The Sequential cursors the run started with (to open the same run again).
    pub cursors: Cursors,
}

/// The results of one "run all".
#[derive(Clone, Debug)]
pub struct Report {
    /// The flow revision it ran on.
    pub revision: u64,
    pub rows: Vec<Row>,
    pub coverage: CoverageReport,
    /// How many runs executed each node.
    pub node_runs: HashMap<NodeId, u32>,
    /// (node, port) some run left by.
    pub ports_taken: HashSet<(NodeId, String)>,
}

impl Report {
    pub fn passed(&self) -> usize {
        self.rows.iter().filter(|row| row.passed).count()
    }

    pub fn failed(&self) -> usize {
        self.rows.len() - self.passed()
    }
}

enum Msg {
    Progress(usize),
    Done(Box<Report>),
}

struct Job {
    rx: Receiver<Msg>,
    done: usize,
    total: usize,
    cancel: Arc<AtomicBool>,
}

/// The "run all" state: a job under way, the last report.
#[derive(Default)]
pub struct RunAll {
    job: Option<Job>,
    pub report: Option<Report>,
    /// Grows with each new report (the canvas marks follow it).
    pub version: u64,
}

impl RunAll {
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Stops a job under way and forgets the report (another flow was opened).
    pub fn clear(&mut self) {
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
        }
        self.report = None;
        self.version += 1;
    }

    /// Starts running every scenario of `flow` (a job under way is dropped).
    pub fn start(
        &mut self,
        flow: &Flow,
        revision: u64,
        env_secrets: &BTreeMap<String, String>,
        library: &fluxo_core::sim::Library,
    ) {
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
        }
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let options = Options {
            env_secrets: env_secrets.clone(),
            library: library.clone(),
            ..Options::default()
        };
        let flow = flow.clone();
        let total = flow.scenarios.len();
        let stop = Arc::clone(&cancel);
        std::thread::spawn(move || run_batch(&flow, options, revision, &tx, &stop));
        self.job = Some(Job {
            rx,
            done: 0,
            total,
            cancel,
        });
    }

    /// Picks up the worker's news. True when a new report arrived.
    pub fn poll(&mut self, ctx: &egui::Context) -> bool {
        let Some(job) = self.job.as_mut() else {
            return false;
        };
        loop {
            match job.rx.try_recv() {
                Ok(Msg::Progress(done)) => job.done = done,
                Ok(Msg::Done(report)) => {
                    self.report = Some(*report);
                    self.version += 1;
                    self.job = None;
                    return true;
                }
                Err(TryRecvError::Empty) => {
                    ctx.request_repaint_after(Duration::from_millis(40));
                    return false;
                }
                Err(TryRecvError::Disconnected) => {
                    self.job = None;
                    return false;
                }
            }
        }
    }
}

fn run_batch(flow: &Flow, options: Options, revision: u64, tx: &Sender<Msg>, cancel: &AtomicBool) {
    let mut batch = Batch::new(flow, options);
    let mut rows = Vec::with_capacity(flow.scenarios.len());
    let mut node_runs: HashMap<NodeId, u32> = HashMap::new();
    let mut ports_taken = HashSet::new();
    for (index, scenario) in flow.scenarios.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        let cursors = batch.cursors().clone();
        let run = batch.run(scenario);
        let failures = expect::check(&scenario.expect, &run);
        let visited: HashSet<&str> = run.path().into_iter().collect();
        for id in visited {
            *node_runs.entry(id.to_owned()).or_default() += 1;
        }
        for step in run.steps() {
            if let Some(port) = step.port {
                ports_taken.insert((step.node.to_owned(), port.to_owned()));
            }
        }
        rows.push(Row {
            name: scenario.name.clone(),
            index,
            passed: failures.is_empty(),
            end: run.end().cloned(),
            failures,
            cursors,
        });
        // The window may be gone; nothing to do then.
        let _ = tx.send(Msg::Progress(index + 1));
    }
    let report = Report {
        revision,
        rows,
        coverage: batch.coverage().report(),
        node_runs,
        ports_taken,
    };
    let _ = tx.send(Msg::Done(Box::new(report)));
}

/// What the user asked for in the "run all" tab.
pub(crate) enum RunAllRequest {
    Start,
    /// Open this scenario's run (index in the flow, and the cursors it started with).
    Open(usize, Cursors),
    ShowCoverage(bool),
}

/// The tab: the button, progress, pass/fail list, coverage.
pub(crate) fn run_all_ui(
    ui: &mut Ui,
    w: Lang,
    state: &RunAll,
    revision: u64,
    shows_coverage: bool,
) -> Option<RunAllRequest> {
    let mut request = None;
    ui.horizontal(|ui| {
        let button = egui::Button::new(format!("▶ {}", w.tr("action-sim-run-all")));
        let hover = crate::ui::actions::hover_text(
            ui.ctx(),
            w,
            crate::ui::actions::Action::Sim(crate::ui::actions::SimAction::RunAll),
        );
        if ui
            .add_enabled(!state.is_busy(), button)
            .on_hover_text(hover)
            .clicked()
        {
            request = Some(RunAllRequest::Start);
        }
        if let Some(job) = &state.job {
            ui.spinner();
            ui.label(tr!(
                w,
                "sim-running-done-of-total",
                done = job.done,
                total = job.total
            ));
        }
    });
    let Some(report) = &state.report else {
        if !state.is_busy() {
            ui.label(RichText::new(w.tr("sim-runs-every-scenario-flow-file")).weak());
        }
        return request;
    };
    if report.revision != revision {
        ui.label(
            RichText::new(w.tr("sim-flow-changed-since-run-run"))
                .color(theme::severity_color(fluxo_core::Severity::Warning)),
        );
    }
    summary_ui(ui, w, report);
    let mut shows = shows_coverage;
    if ui
        .checkbox(&mut shows, w.tr("sim-show-coverage-canvas"))
        .changed()
    {
        request = Some(RunAllRequest::ShowCoverage(shows));
    }
    if shows {
        ui.label(
            RichText::new(w.tr("sim-canvas-n-runs-through-node"))
                .small()
                .weak(),
        );
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("fluxo.sim.results")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for row in &report.rows {
                if let Some(open) = row_ui(ui, w, row) {
                    request = Some(open);
                }
            }
            uncovered_ui(ui, w, &report.coverage);
        });
    request
}

fn summary_ui(ui: &mut Ui, w: Lang, report: &Report) {
    let failed = report.failed();
    let color = if failed == 0 {
        PASS
    } else {
        theme::severity_color(fluxo_core::Severity::Error)
    };
    ui.label(
        RichText::new(tr!(
            w,
            "sim-passed-passed-failed-failed",
            passed = report.passed(),
            failed = failed
        ))
        .strong()
        .size(15.0)
        .color(color),
    );
    let coverage = &report.coverage;
    ui.label(tr!(
        w,
        "sim-n-m-branches-covered",
        n = coverage.branches_covered,
        m = coverage.branches_total
    ));
    ui.label(
        RichText::new(tr!(
            w,
            "sim-n-m-nodes-reached",
            n = coverage.nodes_covered,
            m = coverage.nodes_total
        ))
        .weak(),
    );
}

fn row_ui(ui: &mut Ui, w: Lang, row: &Row) -> Option<RunAllRequest> {
    let mut request = None;
    ui.horizontal(|ui| {
        let (mark, color) = if row.passed {
            ("✔", PASS)
        } else {
            ("✖", theme::severity_color(fluxo_core::Severity::Error))
        };
        ui.label(RichText::new(mark).color(color).strong());
        let response = ui
            .add(egui::Button::new(RichText::new(&row.name)).frame(false))
            .on_hover_text(w.tr("sim-open-scenario-run"));
        if response.clicked() {
            request = Some(RunAllRequest::Open(row.index, row.cursors.clone()));
        }
    });
    ui.indent(("fluxo.sim.row", row.index), |ui| {
        if let Some(end) = &row.end {
            ui.label(RichText::new(end_line(w, end)).small().weak());
        }
        for failure in &row.failures {
            ui.add(
                egui::Label::new(
                    RichText::new(tr!(
                        w,
                        "sim-what-expected-expected-got-got",
                        what = failure.expectation.as_str(),
                        expected = failure.expected.as_str(),
                        got = failure.got.as_str()
                    ))
                    .small()
                    .color(theme::severity_color(fluxo_core::Severity::Error)),
                )
                .wrap(),
            );
        }
    });
    request
}

fn uncovered_ui(ui: &mut Ui, w: Lang, coverage: &CoverageReport) {
    if coverage.uncovered_nodes.is_empty() && coverage.uncovered_branches.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(RichText::new(w.tr("sim-not-covered")).strong());
    if !coverage.uncovered_nodes.is_empty() {
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "{} {}",
                    w.tr("sim-nodes-no-scenario-reached"),
                    coverage.uncovered_nodes.join(", ")
                ))
                .small(),
            )
            .wrap(),
        );
    }
    if !coverage.uncovered_branches.is_empty() {
        let list: Vec<String> = coverage
            .uncovered_branches
            .iter()
            .map(|branch| format!("{}.{} ➡ {}", branch.from, branch.port, branch.to))
            .collect();
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "{} {}",
                    w.tr("sim-branches-no-scenario-took"),
                    list.join(", ")
                ))
                .small(),
            )
            .wrap(),
        );
    }
}
