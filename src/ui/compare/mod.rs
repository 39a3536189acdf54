//! "Compare with saved" and "Compare with file…" (SPEC.md section 12): what the flow being edited
//! changes against another version of it, before it is saved. Mosia's flows are live the moment
//! they are saved, so the designer sees, on the canvas, the nodes added, the ones removed (as
//! ghosts where they were), the ones changed, the wires rewired, with a list that jumps to each,
//! and the scenarios that now end differently, each opening its two runs side by side.
//!
//! The comparison is `fluxo_core::diff` (the structure, then every scenario of either version run
//! on both, with the open file's library of flows), made on a worker thread and made again after
//! each edit, so the marks follow the designer's work. While it is open the canvas shows its
//! marks instead of the simulator's.
//!
//! Files: this one (the state and the worker), `marks.rs` (what the canvas shows), `ghosts.rs`
//! (removed nodes and wires painted over the canvas), `panel.rs` (the list), `runs.rs` (two runs
//! side by side).

mod ghosts;
mod marks;
mod panel;
mod runs;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use fluxo_core::Flow;
use fluxo_core::diff::{self, Diff};
use fluxo_core::sim::Options;

pub use ghosts::ghosts_ui;
pub use marks::{Marks, NodeStatus};
pub use panel::{PanelAnswer, panel_ui};
pub use runs::{SideBySide, side_by_side_ui};

use crate::i18n::Lang;
use crate::ui::context::Overlay;

/// What the flow is compared with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Against {
    /// The open file as it is on disk.
    Saved(PathBuf),
    /// Another flow file.
    File(PathBuf),
}

impl Against {
    pub fn path(&self) -> &Path {
        match self {
            Against::Saved(path) | Against::File(path) => path,
        }
    }
}

/// The version compared with, as titles name it: its file's name.
pub fn against_name(against: &Against) -> String {
    let path = against.path();
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// A comparison made: the diff, the version of the flow it was made on, and its marks.
pub struct Shown {
    pub revision: u64,
    pub diff: Diff,
    /// The flow as it was when compared (the "now" side).
    pub flow: Arc<Flow>,
    pub marks: Marks,
}

/// A comparison being made on a worker thread.
struct Job {
    revision: u64,
    flow: Arc<Flow>,
    rx: Receiver<Box<Result<Diff, String>>>,
}

/// The open comparison.
pub struct Comparison {
    against: Against,
    /// The version compared with (the "before" side).
    base: Arc<Flow>,
    options: Options,
    job: Option<Job>,
    shown: Option<Shown>,
    /// Why the last comparison could not be made, and on which revision.
    error: Option<String>,
    failed_revision: Option<u64>,
    /// The two runs of a scenario, when opened.
    pub runs: Option<SideBySide>,
    /// Grows with each new comparison shown (the canvas marks follow it).
    pub version: u64,
    /// The marks as last given to the canvas: (version, language).
    pub marked: Option<(u64, Lang)>,
}

impl Comparison {
    /// A comparison of the flow with `base`; runs call SubFlows from `file`'s folder.
    pub fn new(against: Against, base: Flow, file: Option<&Path>) -> Self {
        let library = file.map_or_else(fluxo_core::sim::Library::default, |path| {
            crate::library::library_for(path)
        });
        let options = Options {
            env_secrets: crate::secrets::env_secrets(),
            library,
            ..Options::default()
        };
        Self {
            against,
            base: Arc::new(base),
            options,
            job: None,
            shown: None,
            error: None,
            failed_revision: None,
            runs: None,
            version: 0,
            marked: None,
        }
    }

    pub fn against(&self) -> &Against {
        &self.against
    }

    /// The version compared with.
    pub fn base(&self) -> &Flow {
        &self.base
    }

    /// The last comparison made (it may be older than the flow: one is on its way then).
    pub fn shown(&self) -> Option<&Shown> {
        self.shown.as_ref()
    }

    /// Whether a comparison is being made.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Whether the comparison shown is of `revision` of the flow.
    pub fn is_current(&self, revision: u64) -> bool {
        self.shown
            .as_ref()
            .is_some_and(|shown| shown.revision == revision)
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Once a frame: picks up a finished comparison, and starts one when the flow changed since
    /// the last (one at a time: an edit during a comparison waits for it). A comparison that
    /// failed is not tried again until the flow changes.
    pub fn tick(&mut self, ctx: &egui::Context, flow: &Flow, revision: u64) {
        self.poll(ctx);
        if self.job.is_some() || self.is_current(revision) || self.failed_revision == Some(revision)
        {
            return;
        }
        self.start(flow, revision);
    }

    fn start(&mut self, flow: &Flow, revision: u64) {
        let (tx, rx) = mpsc::channel();
        let base = Arc::clone(&self.base);
        let now = Arc::new(flow.clone());
        let worker_flow = Arc::clone(&now);
        let options = self.options.clone();
        let spawned = std::thread::Builder::new()
            .name("fluxo-compare".into())
            .spawn(move || {
                let result =
                    diff::diff(&base, &worker_flow, &options).map_err(|err| err.to_string());
                let _ = tx.send(Box::new(result));
            });
        match spawned {
            Ok(_) => {
                self.job = Some(Job {
                    revision,
                    flow: now,
                    rx,
                });
            }
            Err(err) => {
                self.error = Some(err.to_string());
                self.failed_revision = Some(revision);
            }
        }
    }

    fn poll(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else {
            return;
        };
        let result = match job.rx.try_recv() {
            Ok(result) => *result,
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(Duration::from_millis(50));
                return;
            }
            Err(TryRecvError::Disconnected) => Err("the comparison stopped".to_owned()),
        };
        let Some(job) = self.job.take() else {
            return;
        };
        match result {
            Ok(diff) => {
                let marks = Marks::new(&diff, &self.base, &job.flow);
                self.shown = Some(Shown {
                    revision: job.revision,
                    diff,
                    flow: job.flow,
                    marks,
                });
                self.error = None;
                self.failed_revision = None;
                self.version += 1;
            }
            Err(error) => {
                self.error = Some(error);
                self.failed_revision = Some(job.revision);
            }
        }
        ctx.request_repaint();
    }

    /// The marks the canvas draws for the comparison shown, worded in `lang`.
    pub fn overlay(&self, lang: Lang) -> Overlay {
        self.shown
            .as_ref()
            .map(|shown| shown.marks.overlay(lang))
            .unwrap_or_default()
    }

    /// Opens the two runs of the comparison's scenario at `index`.
    pub fn open_runs(&mut self, index: usize) {
        let Some(shown) = &self.shown else {
            return;
        };
        self.runs = SideBySide::new(&self.base, &shown.flow, &shown.diff, index, &self.options);
    }
}
