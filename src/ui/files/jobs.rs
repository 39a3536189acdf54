//! Work off the UI thread (saves, recovery files): a thread that reports back through a channel
//! the app polls each frame, and that wakes the window when done.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

/// A piece of work running on its own thread.
#[derive(Debug)]
pub struct Job<T> {
    receiver: Receiver<T>,
}

/// Why a job gave no result: its thread ended without sending one (it panicked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JobLost;

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a new thread; `ctx` is repainted when it is done, so the result is seen at
    /// once. Without a context (headless use) the caller polls.
    pub fn spawn(ctx: Option<&egui::Context>, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.cloned();
        let spawned = std::thread::Builder::new()
            .name("fluxo-io".into())
            .spawn(move || {
                let _ = sender.send(work());
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            });
        // A thread that cannot start drops its sender: the job then reports `JobLost`.
        drop(spawned);
        Self { receiver }
    }
}

impl<T> Job<T> {
    /// The result once the work is done; `None` while it runs.
    pub fn poll(&self) -> Option<Result<T, JobLost>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(Ok(result)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(JobLost)),
        }
    }

    /// Waits up to `timeout` for the result (leaving the window or the document).
    pub fn wait(&self, timeout: Duration) -> Option<Result<T, JobLost>> {
        match self.receiver.recv_timeout(timeout) {
            Ok(result) => Some(Ok(result)),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Err(JobLost)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_its_result() {
        let job = Job::spawn(None, || 6 * 7);
        assert_eq!(job.wait(Duration::from_secs(5)), Some(Ok(42)));
    }

    #[test]
    fn a_job_that_dies_is_lost_not_pending() {
        #[allow(clippy::panic)] // the point of the test
        let job: Job<u8> = Job::spawn(None, || panic!("boom"));
        assert_eq!(job.wait(Duration::from_secs(5)), Some(Err(JobLost)));
    }
}
