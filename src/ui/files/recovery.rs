//! Recovery files: what autosave writes while a flow has unsaved changes, so that a crash never
//! loses more than the autosave interval. They live in the app's data folder (never next to or
//! over the user's file), one per document, written atomically, and say which file they belong
//! to and when they were written. A clean close, or a save that leaves nothing unsaved, removes
//! them; a start that finds one offers to recover it.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fluxo_core::Flow;
use fluxo_core::clock::Clock;
use fluxo_core::file::{self, Format};
use serde::{Deserialize, Serialize};

/// The recovery format this build writes.
pub const RECOVERY_VERSION: u32 = 1;

/// One recovery file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecoveryFile {
    pub fluxo_recovery: u32,
    /// The flow file these changes belong to; `None` for a flow never saved.
    #[serde(default)]
    pub file: Option<PathBuf>,
    /// When it was written, RFC 3339 in UTC (for people reading the file).
    pub saved_at: String,
    /// When it was written, in milliseconds since 1970 (for "5 minutes ago").
    pub saved_at_ms: i64,
    /// The process that wrote it: a window still running is not a crash.
    #[serde(default)]
    pub pid: u32,
    pub flow: Flow,
}

impl RecoveryFile {
    /// The unsaved state of `flow`, written now by this process.
    pub fn now(flow: Flow, file: Option<PathBuf>) -> Self {
        let saved_at_ms = now_ms();
        Self {
            fluxo_recovery: RECOVERY_VERSION,
            file,
            saved_at: Clock {
                unix_ms: saved_at_ms,
                offset_min: 0,
            }
            .to_rfc3339(),
            saved_at_ms,
            pid: std::process::id(),
            flow,
        }
    }

    /// How long ago it was written, in whole minutes (0 for the future: clocks move).
    pub fn minutes_ago(&self) -> i64 {
        ((now_ms() - self.saved_at_ms) / 60_000).max(0)
    }

    /// `2026-11-23 13:15 UTC`.
    pub fn saved_at_text(&self) -> String {
        let local = Clock {
            unix_ms: self.saved_at_ms,
            offset_min: 0,
        }
        .local();
        format!("{} {} UTC", local.date, local.hhmm())
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| {
            i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
        })
}

/// Where recovery files go and how often autosave writes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryStore {
    pub dir: PathBuf,
    /// Unsaved changes wait this long before they are written.
    pub interval: Duration,
}

impl RecoveryStore {
    /// Autosave's interval in the window.
    pub const INTERVAL: Duration = Duration::from_secs(30);

    pub fn new(dir: PathBuf, interval: Duration) -> Self {
        Self { dir, interval }
    }

    /// The app's own: `recovery/` in eframe's storage folder for "fluxo"
    /// (`~/.local/share/fluxo/recovery` on Linux).
    pub fn in_app_data() -> Option<Self> {
        eframe::storage_dir("fluxo").map(|dir| Self::new(dir.join("recovery"), Self::INTERVAL))
    }

    /// The recovery file of a document: one per flow file (named by a hash of its path), and one
    /// per window for a flow never saved.
    pub fn path_for(&self, file: Option<&Path>) -> PathBuf {
        let name = match file {
            Some(path) => {
                let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
                format!(
                    "recovery-{:016x}.ron",
                    fnv1a(path.to_string_lossy().as_bytes())
                )
            }
            None => format!("recovery-untitled-{}.ron", std::process::id()),
        };
        self.dir.join(name)
    }

    /// Writes `recovery` atomically to its document's recovery file; returns that file.
    pub fn write(&self, recovery: &RecoveryFile) -> std::io::Result<PathBuf> {
        let path = self.path_for(recovery.file.as_deref());
        std::fs::create_dir_all(&self.dir)?;
        let text = file::to_text_any(recovery, Format::Ron)
            .map_err(|err| std::io::Error::other(err.to_string()))?;
        file::write_atomic(&path, text.as_bytes())?;
        Ok(path)
    }

    /// The recovery files left by windows that are no longer running, newest first. Files that
    /// cannot be read are skipped (and left alone).
    pub fn pending(&self) -> Vec<(PathBuf, RecoveryFile)> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<(PathBuf, RecoveryFile)> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                let is_ron = path.extension().is_some_and(|ext| ext == "ron");
                let is_ours = path
                    .file_name()
                    .and_then(|name| name.to_str())
                    .is_some_and(|name| name.starts_with("recovery-"));
                is_ron && is_ours
            })
            .filter_map(|path| {
                let text = file::read_text(&path).ok()?;
                let (recovery, _) = file::parse_ron::<RecoveryFile>(&text).ok()?;
                Some((path, recovery))
            })
            .filter(|(_, recovery)| !is_other_live_process(recovery.pid))
            .collect();
        found.sort_by_key(|(_, recovery)| std::cmp::Reverse(recovery.saved_at_ms));
        found
    }
}

/// Removes a recovery file; one already gone is fine.
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}

/// Whether `pid` is another process still running (Linux and others with `/proc`; elsewhere we
/// cannot tell and offer the file).
fn is_other_live_process(pid: u32) -> bool {
    pid != 0 && pid != std::process::id() && Path::new("/proc").join(pid.to_string()).exists()
}

/// FNV-1a, 64 bits: a stable name for a path (std's hasher may change between releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_files_are_found_and_name_their_flow_file() {
        let dir = std::env::temp_dir().join(format!("fluxo-recovery-{}", std::process::id()));
        let store = RecoveryStore::new(dir.clone(), Duration::from_secs(1));
        let file = PathBuf::from("/tmp/fluxo-x/a.flow.ron");
        let recovery = RecoveryFile {
            pid: 0,
            ..RecoveryFile::now(Flow::new("Recuperado"), Some(file.clone()))
        };
        let written = store.write(&recovery).unwrap();
        assert_eq!(written, store.path_for(Some(&file)));
        assert!(written.starts_with(&dir));
        let pending = store.pending();
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].1, recovery);
        assert!(pending[0].1.saved_at.ends_with('Z'));
        remove(&written);
        assert!(store.pending().is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_running_window_is_not_a_crash() {
        assert!(!is_other_live_process(std::process::id()));
        assert!(!is_other_live_process(0));
        // PID 1 runs as long as the machine does.
        assert_eq!(is_other_live_process(1), Path::new("/proc/1").exists());
    }

    #[test]
    fn names_are_stable_and_differ_by_path() {
        let store = RecoveryStore::new(PathBuf::from("/r"), Duration::ZERO);
        let a = store.path_for(Some(Path::new("/x/a.flow.ron")));
        assert_eq!(a, store.path_for(Some(Path::new("/x/a.flow.ron"))));
        assert_ne!(a, store.path_for(Some(Path::new("/x/b.flow.ron"))));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    }
}
