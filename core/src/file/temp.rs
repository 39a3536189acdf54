//! Atomic saves and the temporary files they leave when killed.
//!
//! A save writes `.NAME.fluxo-PID-START-BOOT-N.tmp` in the target's folder, syncs it and renames
//! it over the target. Nothing can clean up after `kill -9`, so every save first removes the
//! temporary files of ours in that folder whose writer no longer runs: the same boot of the
//! same machine (`BOOT`, from `/proc/sys/kernel/random/boot_id`) and no process `PID` started at
//! `START` (its start time in clock ticks since boot, `/proc/PID/stat`), so that a pid reused by
//! another program does not keep a dead writer's file alive, and a live writer's file is never
//! touched. A file of another boot (or another machine sharing the folder) is removed once it
//! is a day old: no save takes that long. Without `/proc` we cannot tell who runs, and nothing
//! is removed.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// A temporary file of another boot or machine is removed once it is this old.
const FOREIGN_AGE: Duration = Duration::from_hours(24);

/// At most this much of the target's name goes into a temporary file's name (names have a
/// length limit, 255 bytes on most file systems).
const NAME_PART_BYTES: usize = 100;

/// Who writes a temporary file: enough to tell later whether that process still runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Writer {
    pub pid: u32,
    /// Start time of the process in clock ticks after boot; 0 when unknown.
    pub start: u64,
    /// The first hex digits of the boot id; `x` when unknown.
    pub boot: String,
}

impl Writer {
    /// This process.
    pub fn current() -> &'static Writer {
        static CURRENT: OnceLock<Writer> = OnceLock::new();
        CURRENT.get_or_init(|| {
            let pid = std::process::id();
            Writer {
                pid,
                start: start_time(pid).unwrap_or(0),
                boot: boot_token().unwrap_or_else(|| "x".to_owned()),
            }
        })
    }

    /// Whether we can tell if another writer runs (we know our own boot and start).
    fn is_known(&self) -> bool {
        self.start != 0 && self.boot != "x"
    }

    /// The temporary file's name for a save of `target_name`.
    pub fn temp_name(&self, target_name: &str, counter: u64) -> String {
        let mut cut = target_name.len().min(NAME_PART_BYTES);
        while !target_name.is_char_boundary(cut) {
            cut -= 1;
        }
        format!(
            ".{}.fluxo-{}-{}-{}-{counter}.tmp",
            &target_name[..cut],
            self.pid,
            self.start,
            self.boot
        )
    }

    /// The writer named in one of our temporary files' names, or `None` for any other name.
    pub fn from_temp_name(name: &str) -> Option<Writer> {
        let stem = name.strip_prefix('.')?.strip_suffix(".tmp")?;
        let (_, ids) = stem.rsplit_once(".fluxo-")?;
        let mut parts = ids.split('-');
        let pid = parts.next()?;
        let start = parts.next()?;
        let boot = parts.next()?;
        let counter = parts.next()?;
        let is_digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        let is_boot =
            boot == "x" || (!boot.is_empty() && boot.bytes().all(|b| b.is_ascii_hexdigit()));
        if parts.next().is_some() || !is_digits(counter) || !is_boot {
            return None;
        }
        Some(Writer {
            pid: pid.parse().ok().filter(|_| is_digits(pid))?,
            start: start.parse().ok().filter(|_| is_digits(start))?,
            boot: boot.to_owned(),
        })
    }
}

/// The start time of process `pid` (field 22 of `/proc/PID/stat`), if it runs and we can see it.
fn start_time(pid: u32) -> Option<u64> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
    let (_, rest) = stat.rsplit_once(')')?;
    rest.split_whitespace().nth(19)?.parse().ok()
}

fn boot_token() -> Option<String> {
    let id = fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    let token: String = id
        .chars()
        .filter(char::is_ascii_hexdigit)
        .take(12)
        .collect();
    (token.len() == 12).then_some(token.to_ascii_lowercase())
}

/// What became of a temporary file's writer.
#[derive(Debug, PartialEq, Eq)]
enum Fate {
    /// Runs, or we cannot tell: keep the file.
    MayRun,
    /// No longer runs: the file is an orphan.
    Gone,
    /// Of another boot or machine: an orphan once old enough.
    Foreign,
}

fn fate(writer: &Writer, me: &Writer) -> Fate {
    if !me.is_known() || writer == me {
        return Fate::MayRun;
    }
    if writer.boot != me.boot {
        return Fate::Foreign;
    }
    if writer.start == 0 {
        return Fate::MayRun;
    }
    match fs::read_to_string(format!("/proc/{}/stat", writer.pid)) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Fate::Gone,
        Err(_) => Fate::MayRun,
        // The pid runs: the same process only when it started at the same tick.
        Ok(_) => match start_time(writer.pid) {
            Some(start) if start != writer.start => Fate::Gone,
            _ => Fate::MayRun,
        },
    }
}

/// Removes the temporary files of ours in `folder` whose writer no longer runs; returns how
/// many. Best effort: a file that cannot be removed stays.
pub fn remove_orphans(folder: &Path) -> usize {
    remove_orphans_as(folder, Writer::current(), SystemTime::now())
}

fn remove_orphans_as(folder: &Path, me: &Writer, now: SystemTime) -> usize {
    if !me.is_known() {
        return 0;
    }
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(writer) = name.to_str().and_then(Writer::from_temp_name) else {
            continue;
        };
        // Never follow a link, never a folder.
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.file_type().is_file() {
            continue;
        }
        let is_orphan = match fate(&writer, me) {
            Fate::MayRun => false,
            Fate::Gone => true,
            Fate::Foreign => meta
                .modified()
                .ok()
                .and_then(|at| now.duration_since(at).ok())
                .is_some_and(|age| age > FOREIGN_AGE),
        };
        if is_orphan && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Writes `bytes` to `path` so that the file is always either the old or the new content: a
/// temporary file in the same folder, flushed and synced, renamed over `path`, then the folder
/// synced. An existing file's permissions are kept. On error the temporary file is removed;
/// before writing, the orphans of killed saves in that folder are removed ([`remove_orphans`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    remove_orphans(&folder);
    let temp = folder
        .join(Writer::current().temp_name(&name, TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)));
    let result = write_then_rename(&temp, path, &folder, bytes);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_then_rename(temp: &Path, path: &Path, folder: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)?;
    file.write_all(bytes)?;
    file.flush()?;
    if let Ok(meta) = fs::metadata(path) {
        file.set_permissions(meta.permissions())?;
    }
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)?;
    sync_folder(folder);
    Ok(())
}

/// Makes the rename durable. Folders cannot be opened for sync on every platform: best effort.
fn sync_folder(folder: &Path) {
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    fn scratch(test: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("fluxo-temp-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A pid that ran and no longer runs (a child that exited).
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[test]
    fn names_round_trip_and_other_names_are_not_ours() {
        let me = Writer {
            pid: 42,
            start: 9001,
            boot: "0123456789ab".into(),
        };
        let name = me.temp_name("a.flow.ron", 3);
        assert_eq!(name, ".a.flow.ron.fluxo-42-9001-0123456789ab-3.tmp");
        assert_eq!(Writer::from_temp_name(&name), Some(me.clone()));
        // A target whose own name looks like ours still parses by its last part.
        let odd = me.temp_name("x.fluxo-1-2-3-4.tmp", 0);
        assert_eq!(Writer::from_temp_name(&odd), Some(me.clone()));
        for other in [
            "a.flow.ron",
            ".a.flow.ron.42.0.tmp", // the old pattern: no start time, never removed
            ".a.flow.ron.fluxo-42-9001-0123456789ab-3.tmp.bak",
            ".a.flow.ron.fluxo-42-9001-0123456789ab.tmp",
            ".a.flow.ron.fluxo-42-9001-0123456789ab-3-4.tmp",
            ".a.flow.ron.fluxo--9001-0123456789ab-3.tmp",
            ".a.flow.ron.fluxo-+42-9001-0123456789ab-3.tmp",
            ".a.flow.ron.fluxo-42-9001-zz-3.tmp",
            "a.flow.ron.fluxo-42-9001-0123456789ab-3.tmp",
        ] {
            assert_eq!(Writer::from_temp_name(other), None, "{other}");
        }
        let long = "é".repeat(200);
        let name = me.temp_name(&long, 1);
        assert!(name.len() < 255, "{}", name.len());
        assert_eq!(Writer::from_temp_name(&name), Some(me));
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn orphans_of_dead_writers_go_and_live_ones_stay() {
        let me = Writer::current();
        assert!(me.is_known(), "this test needs /proc: {me:?}");
        let dir = scratch("orphans");
        let dead = Writer {
            pid: dead_pid(),
            ..me.clone()
        };
        // Our own pid with another start time: a dead writer whose pid we got again.
        let reused = Writer {
            start: me.start + 1,
            ..me.clone()
        };
        let parent = std::os::unix::process::parent_id();
        let alive = Writer {
            pid: parent,
            start: start_time(parent).unwrap(),
            boot: me.boot.clone(),
        };
        let foreign = Writer {
            boot: "ffffffffffff".into(),
            ..dead.clone()
        };
        let files = [
            (dead.temp_name("a.flow.ron", 0), false),
            (reused.temp_name("a.flow.ron", 1), false),
            (alive.temp_name("a.flow.ron", 2), true),
            (me.temp_name("b.flow.json", 3), true),
            (foreign.temp_name("a.flow.ron", 4), true),
            ("a.flow.ron".to_owned(), true),
            (".a.flow.ron.12.3.tmp".to_owned(), true),
        ];
        for (name, _) in &files {
            fs::write(dir.join(name), b"x").unwrap();
        }
        // A folder with our pattern is never removed.
        fs::create_dir(dir.join(dead.temp_name("c", 5))).unwrap();
        assert_eq!(remove_orphans(&dir), 2);
        for (name, is_kept) in &files {
            assert_eq!(dir.join(name).exists(), *is_kept, "{name}");
        }
        assert!(dir.join(dead.temp_name("c", 5)).is_dir());
        // A day later the other boot's file is an orphan too.
        let later = SystemTime::now() + FOREIGN_AGE + Duration::from_mins(1);
        assert_eq!(remove_orphans_as(&dir, me, later), 1);
        assert!(!dir.join(foreign.temp_name("a.flow.ron", 4)).exists());
        // Without knowing who we are, nothing is removed.
        let unknown = Writer {
            start: 0,
            ..me.clone()
        };
        fs::write(dir.join(dead.temp_name("a.flow.ron", 6)), b"x").unwrap();
        assert_eq!(remove_orphans_as(&dir, &unknown, later), 0);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn a_save_removes_orphans_and_leaves_no_temporary_file() {
        let dir = scratch("save");
        let me = Writer::current();
        let orphan = Writer {
            pid: dead_pid(),
            ..me.clone()
        };
        let orphan_name = orphan.temp_name("a.flow.ron", 0);
        fs::write(dir.join(&orphan_name), vec![b'x'; 1000]).unwrap();
        write_atomic(&dir.join("a.flow.ron"), b"hello").unwrap();
        let names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.flow.ron"]);
        fs::remove_dir_all(&dir).unwrap();
    }
}
