//! Autosave: once a document has had unsaved changes for the store's interval, they are written
//! to its recovery file (off the UI thread). A document with nothing unsaved has none.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::Document;
use crate::ui::files::recovery;
use crate::ui::files::{Job, RecoveryFile, RecoveryStore};

/// How long leaving a document waits for a recovery write in flight, so that it cannot land
/// after the file was removed.
const WRITE_WAIT: Duration = Duration::from_secs(2);

#[derive(Default)]
pub(super) struct Autosave {
    /// Where recovery files go; `None`: no autosave (tests that do not ask for it).
    pub(super) store: Option<RecoveryStore>,
    /// The recovery file of the current document, once written (or adopted from a crash).
    written: Option<PathBuf>,
    /// `(document generation, history state)` last written.
    done: Option<(u64, u64)>,
    /// Input time since when unsaved changes have waited to be written.
    since: Option<f64>,
    job: Option<Job<std::io::Result<PathBuf>>>,
    /// An error was shown: say it once, not every interval.
    has_failed: bool,
}

impl Autosave {
    pub(super) fn written(&self) -> Option<&Path> {
        self.written.as_deref()
    }

    /// Each frame: writes the recovery file when changes have waited long enough; removes it
    /// when nothing is unsaved. Returns an error to show, once.
    pub(super) fn tick(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        generation: u64,
        is_editing: bool,
    ) -> Option<String> {
        let error = self.poll();
        let Some(store) = &self.store else {
            return error;
        };
        if !is_editing || !doc.is_dirty() {
            if self.written.is_some() || self.job.is_some() {
                self.discard();
            }
            self.since = None;
            return error;
        }
        let key = (generation, doc.history.state());
        if self.done == Some(key) {
            return error;
        }
        let now = ctx.input(|i| i.time);
        let since = *self.since.get_or_insert(now);
        let waited = Duration::from_secs_f64((now - since).max(0.0));
        if waited < store.interval || self.job.is_some() {
            ctx.request_repaint_after(
                store
                    .interval
                    .saturating_sub(waited)
                    .max(Duration::from_millis(50)),
            );
            return error;
        }
        let recovery = RecoveryFile::now(doc.flow.clone(), doc.path.clone());
        let store = store.clone();
        self.job = Some(Job::spawn(Some(ctx), move || store.write(&recovery)));
        self.done = Some(key);
        self.since = None;
        error
    }

    /// A finished write: remember the file (removing an older one of this document).
    fn poll(&mut self) -> Option<String> {
        let result = self.job.as_ref()?.poll()?;
        self.job = None;
        self.finish(result)
    }

    fn finish(
        &mut self,
        result: Result<std::io::Result<PathBuf>, crate::ui::files::jobs::JobLost>,
    ) -> Option<String> {
        match result {
            Ok(Ok(path)) => {
                if let Some(old) = self.written.replace(path.clone())
                    && old != path
                {
                    recovery::remove(&old);
                }
                self.has_failed = false;
                None
            }
            Ok(Err(err)) => self.failed(err.to_string()),
            Err(_) => self.failed("the write stopped unexpectedly".to_owned()),
        }
    }

    fn failed(&mut self, error: String) -> Option<String> {
        let is_new = !self.has_failed;
        self.has_failed = true;
        is_new.then_some(error)
    }

    /// The document is left (saved, discarded, closed): its recovery file goes.
    pub(super) fn discard(&mut self) {
        if let Some(job) = self.job.take()
            && let Some(result) = job.wait(WRITE_WAIT)
        {
            let _ = self.finish(result);
        }
        if let Some(path) = self.written.take() {
            recovery::remove(&path);
        }
        self.done = None;
        self.since = None;
    }

    /// A recovered document owns the recovery file it came from until it writes its own.
    pub(super) fn adopt(&mut self, from: PathBuf) {
        self.written = Some(from);
        self.done = None;
        self.since = None;
    }
}
