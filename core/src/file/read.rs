//! The one way a flow file is read: only a regular file (after following links), and at most
//! [`SIZE_LIMIT_BYTES`]. A FIFO, a device or a folder is refused before a byte is read, by what
//! it is; the read itself stops one byte past the limit, whatever size the file claims (files
//! under `/proc` say 0, a link to `/dev/zero` never ends).

use std::fs;
use std::io::Read;
use std::path::Path;

use super::error::{LoadError, LoadErrorKind, SIZE_LIMIT_BYTES, Special};

/// The bytes of the regular file at `path`, at most `limit_bytes` of them.
pub(super) fn read_bounded(path: &Path, limit_bytes: u64) -> Result<Vec<u8>, LoadErrorKind> {
    let meta = fs::metadata(path).map_err(|err| io_kind(&err))?;
    check_regular(&meta)?;
    if meta.len() > limit_bytes {
        return Err(LoadErrorKind::TooBig { limit_bytes });
    }
    let file = fs::File::open(path).map_err(|err| io_kind(&err))?;
    // The path may name something else by now: look at what was opened.
    let meta = file.metadata().map_err(|err| io_kind(&err))?;
    check_regular(&meta)?;
    // The size is a hint for the first allocation only, never more than the limit.
    let hint = usize::try_from(meta.len().min(limit_bytes)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(hint.saturating_add(1));
    file.take(limit_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| io_kind(&err))?;
    if bytes.len() as u64 > limit_bytes {
        return Err(LoadErrorKind::TooBig { limit_bytes });
    }
    Ok(bytes)
}

/// The text of a regular file of at most 64 MiB (a leading byte-order mark dropped), for any
/// reader of fluxo's files besides flows (recovery files, say): the same limits as a flow.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let error = |kind| LoadError {
        path: path.to_owned(),
        kind,
    };
    let bytes = read_bounded(path, SIZE_LIMIT_BYTES).map_err(error)?;
    super::decode_utf8(&bytes)
        .map(ToOwned::to_owned)
        .map_err(|err| error(LoadErrorKind::Parse(Box::new(err))))
}

fn check_regular(meta: &fs::Metadata) -> Result<(), LoadErrorKind> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    Err(LoadErrorKind::NotRegular(special(kind)))
}

#[cfg(unix)]
fn special(kind: fs::FileType) -> Special {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_dir() {
        Special::Folder
    } else if kind.is_fifo() {
        Special::Fifo
    } else if kind.is_char_device() || kind.is_block_device() {
        Special::Device
    } else if kind.is_socket() {
        Special::Socket
    } else {
        Special::Other
    }
}

#[cfg(not(unix))]
fn special(kind: fs::FileType) -> Special {
    if kind.is_dir() {
        Special::Folder
    } else {
        Special::Other
    }
}

/// An OS error as a load error: missing and denied by name, the rest as the OS words it.
pub(super) fn io_kind(err: &std::io::Error) -> LoadErrorKind {
    match err.kind() {
        std::io::ErrorKind::NotFound => LoadErrorKind::Missing,
        std::io::ErrorKind::PermissionDenied => LoadErrorKind::Denied,
        std::io::ErrorKind::IsADirectory => LoadErrorKind::NotRegular(Special::Folder),
        _ => {
            let message = err.to_string();
            // "Input/output error (os error 5)": the number says nothing to a person.
            let message = match message.rfind(" (os error ") {
                Some(cut) => message[..cut].to_owned(),
                None => message,
            };
            LoadErrorKind::Unreadable {
                os_message: message,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use std::time::{Duration, Instant};

    use super::super::{LoadErrorKind, Problem, SIZE_LIMIT_BYTES, Special, UNKNOWN_FIELDS_KEPT};
    use super::super::{load, read_text};
    use super::*;

    fn scratch(test: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("fluxo-read-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn kind_of(path: &Path) -> LoadErrorKind {
        match load(path) {
            Ok(_) => panic!("{} loaded", path.display()),
            Err(err) => err.kind,
        }
    }

    #[test]
    #[cfg(unix)]
    fn what_is_not_a_regular_file_is_refused_at_once_by_name() {
        let dir = scratch("special");
        let folder = dir.join("pasta.flow.ron");
        fs::create_dir(&folder).unwrap();
        assert_eq!(kind_of(&folder), LoadErrorKind::NotRegular(Special::Folder));
        // A link to /dev/zero: a device, refused without reading (it would never end).
        let zero = dir.join("zero.flow.ron");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert_eq!(kind_of(&zero), LoadErrorKind::NotRegular(Special::Device));
        // A FIFO with no writer: opening it would wait forever.
        let fifo = dir.join("fila.flow.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|status| status.success()) {
            let started = Instant::now();
            assert_eq!(kind_of(&fifo), LoadErrorKind::NotRegular(Special::Fifo));
            assert!(started.elapsed() < Duration::from_secs(5));
        }
        let missing = dir.join("nada.flow.ron");
        assert_eq!(kind_of(&missing), LoadErrorKind::Missing);
        let dangling = dir.join("solto.flow.ron");
        std::os::unix::fs::symlink(&missing, &dangling).unwrap();
        assert_eq!(kind_of(&dangling), LoadErrorKind::Missing);
        assert!(read_text(&zero).is_err());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_past_the_limit_is_refused_without_being_read() {
        let dir = scratch("big");
        let big = dir.join("grande.flow.ron");
        // Sparse: 64 MiB and one byte that take no disk.
        let file = fs::File::create(&big).unwrap();
        file.set_len(SIZE_LIMIT_BYTES + 1).unwrap();
        drop(file);
        assert_eq!(
            kind_of(&big),
            LoadErrorKind::TooBig {
                limit_bytes: SIZE_LIMIT_BYTES
            }
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_read_stops_at_the_limit_whatever_the_size_says() {
        let dir = scratch("cap");
        let path = dir.join("a.flow.ron");
        fs::write(&path, vec![b' '; 2000]).unwrap();
        assert_eq!(read_bounded(&path, 2000).unwrap().len(), 2000);
        assert_eq!(
            read_bounded(&path, 1999),
            Err(LoadErrorKind::TooBig { limit_bytes: 1999 })
        );
        // A file whose size says 0 but that has content (/proc): read up to the limit only.
        #[cfg(target_os = "linux")]
        {
            let proc_file = Path::new("/proc/self/status");
            assert_eq!(fs::metadata(proc_file).unwrap().len(), 0);
            let bytes = read_bounded(proc_file, 64 * 1024).unwrap();
            assert!(!bytes.is_empty());
            assert_eq!(
                read_bounded(proc_file, 10),
                Err(LoadErrorKind::TooBig { limit_bytes: 10 })
            );
        }
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn comments_and_unknown_fields_are_counted_on_load() {
        let dir = scratch("counts");
        let path = dir.join("a.flow.ron");
        let mut text = String::from("// a flow\n(format: 1, /* inline */ name: \"x\", team: (");
        for i in 0..UNKNOWN_FIELDS_KEPT + 5 {
            text.push_str("extra_");
            text.push_str(&i.to_string());
            text.push_str(": 1, ");
        }
        text.push_str("))\n");
        fs::write(&path, &text).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.comments, 2);
        assert!(loaded.has_comments());
        assert_eq!(loaded.unknown_fields.len(), UNKNOWN_FIELDS_KEPT);
        assert_eq!(loaded.unknown_field_count, UNKNOWN_FIELDS_KEPT + 5);
        let json = dir.join("a.flow.json");
        fs::write(&json, "{\"format\": 1, \"name\": \"// not a comment\"}").unwrap();
        assert_eq!(load(&json).unwrap().comments, 0);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn deep_nesting_is_refused_by_line_and_column_on_a_small_stack() {
        // Threads other than main (a test's, the window's workers) have 2 MiB of stack.
        let handle = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(|| {
                let dir = scratch("deep");
                let mut results = Vec::new();
                for (name, text) in [
                    (
                        "a.flow.ron",
                        format!(
                            "(format: 1,\n x: {}{})",
                            "[".repeat(100_000),
                            "]".repeat(100_000)
                        ),
                    ),
                    (
                        "b.flow.ron",
                        format!("(format: 1,\n x: {}", "(a: ".repeat(100_000)),
                    ),
                    (
                        "c.flow.json",
                        format!("{{\"format\": 1, \"x\": {}}}", "{\"a\": ".repeat(100_000)),
                    ),
                    (
                        "d.flow.ron",
                        format!(
                            "(format: 1, x: {}1{})",
                            "Some(".repeat(100_000),
                            ")".repeat(100_000)
                        ),
                    ),
                ] {
                    let path = dir.join(name);
                    fs::write(&path, text).unwrap();
                    results.push((name, load(&path).map(|_| ()).map_err(|err| err.kind)));
                }
                fs::remove_dir_all(&dir).unwrap();
                results
            })
            .unwrap();
        for (name, result) in handle.join().unwrap() {
            match result {
                Err(LoadErrorKind::Parse(err)) => {
                    assert!(err.line >= 1 && err.column >= 1, "{name}: {err:?}");
                    if Path::new(name).extension().is_some_and(|ext| ext == "ron") {
                        assert!(
                            matches!(err.problem, Problem::TooDeep { limit: 128 }),
                            "{name}: {err:?}"
                        );
                    }
                }
                other => panic!("{name}: {other:?}"),
            }
        }
    }
}
