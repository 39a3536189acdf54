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
