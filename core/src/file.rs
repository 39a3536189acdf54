//! Reading and writing flow files: RON (`.ron`, the default) and JSON (`.json`), the same serde
//! model. Loading never panics and names the line and column of what is wrong; saving is atomic.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use ron::extensions::Extensions;
use serde::Deserialize;

use crate::flow::{FORMAT_VERSION, Flow};

/// The two file formats; the file's extension picks one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Ron,
    Json,
}

impl Format {
    /// `.ron` (also `.flow.ron`) or `.json`; anything else is `None`.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "ron" => Some(Format::Ron),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Ron => "ron",
            Format::Json => "json",
        }
    }
}

/// Why a text is not a flow. Positions are 1-based; `field` is the path serde was in, if known.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}{}", field_suffix(.field.as_deref()))]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub field: Option<String>,
}

fn field_suffix(field: Option<&str>) -> String {
    match field {
        Some(field) => format!(" (at {field})"),
        None => String::new(),
    }
}

/// Why a file could not be loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Read {
        source: std::io::Error,
        path: PathBuf,
    },
    #[error("{}:{source}", path.display())]
    Parse { source: ParseError, path: PathBuf },
    #[error(
        "{}: this flow is format {found}, newer than this fluxo understands (format {supported}); update fluxo to open it",
        path.display()
    )]
    TooNew {
        found: u32,
        supported: u32,
        path: PathBuf,
    },
    #[error("{}: not a flow file: the name must end in .ron or .json", path.display())]
    UnknownExtension { path: PathBuf },
    #[error("{}: cannot write the file: {source}", path.display())]
    Write {
        source: std::io::Error,
        path: PathBuf,
    },
    #[error("cannot write the flow as {format:?}: {message}")]
    Serialize { format: Format, message: String },
}

/// A flow just read, with what the reader noticed but did not refuse.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub flow: Flow,
    /// Fields the model does not know (`nodes[2].kind.Request.timout_ms`), ignored on load and
    /// dropped on the next save: usually a typo worth a look.
    pub unknown_fields: Vec<String>,
}

/// Why parsing failed before a flow was built: a parse error, or a format too new.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    Parse(ParseError),
    TooNew(u32),
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextError::Parse(err) => err.fmt(f),
            TextError::TooNew(found) => write!(
                f,
                "this flow is format {found}, newer than this fluxo understands (format {FORMAT_VERSION})"
            ),
        }
    }
}

impl std::error::Error for TextError {}

/// RON options every reader uses: `implicit_some`, so optional fields are written bare.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Reads a flow file, picking the format by extension.
pub fn load(path: &Path) -> Result<Loaded, FileError> {
    let format = Format::from_path(path).ok_or_else(|| FileError::UnknownExtension {
        path: path.to_owned(),
    })?;
    let bytes = fs::read(path).map_err(|source| FileError::Read {
        source,
        path: path.to_owned(),
    })?;
    let text = decode_utf8(&bytes).map_err(|source| FileError::Parse {
        source,
        path: path.to_owned(),
    })?;
    parse(text, format).map_err(|err| match err {
        TextError::Parse(source) => FileError::Parse {
            source,
            path: path.to_owned(),
        },
        TextError::TooNew(found) => FileError::TooNew {
            found,
            supported: FORMAT_VERSION,
            path: path.to_owned(),
        },
    })
}

/// The text of a file, or where its first byte that is not UTF-8 stands.
fn decode_utf8(bytes: &[u8]) -> Result<&str, ParseError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|err| {
        let valid = String::from_utf8_lossy(&bytes[..err.valid_up_to()]);
        let (line, column) = line_column_at_end(&valid);
        ParseError {
            line,
            column,
            message: "the file is not UTF-8 text".into(),
            field: None,
        }
    })
}

fn line_column_at_end(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let column = 1 + text
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count());
    (line, column)
}

/// Parses a flow from text in the given format.
pub fn parse(text: &str, format: Format) -> Result<Loaded, TextError> {
    let parsed = match format {
        Format::Ron => parse_ron::<Flow>(text),
        Format::Json => parse_json::<Flow>(text),
    };
    match parsed {
        Ok((flow, unknown_fields)) => {
            if flow.format > FORMAT_VERSION {
                return Err(TextError::TooNew(flow.format));
            }
            if flow.format == 0 {
                return Err(TextError::Parse(ParseError {
                    line: 1,
                    column: 1,
                    message: format!(
                        "`format: 0` is not a fluxo format: this build writes format {FORMAT_VERSION}"
                    ),
                    field: Some("format".into()),
                }));
            }
            Ok(Loaded {
                flow,
                unknown_fields,
            })
        }
        Err(err) => {
            // A newer file may fail to parse for reasons this build cannot know: say so by name.
            if let Some(found) = probe_format(text, format).filter(|&found| found > FORMAT_VERSION)
            {
                return Err(TextError::TooNew(found));
            }
            Err(TextError::Parse(err))
        }
    }
}

/// Just the `format` number of a file, if that much can be read.
fn probe_format(text: &str, format: Format) -> Option<u32> {
    #[derive(Deserialize)]
    struct Probe {
        format: u32,
    }
    let probe: Probe = match format {
        Format::Ron => ron_options().from_str(text).ok()?,
        Format::Json => serde_json::from_str(text).ok()?,
    };
    Some(probe.format)
}

/// Parses any model value from RON, with the unknown fields it skipped.
pub fn parse_ron<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<(T, Vec<String>), ParseError> {
    let options = ron_options();
    let mut de = ron::Deserializer::from_str_with_options(text, &options)
        .map_err(|err| ron_parse_error(&err))?;
    let mut unknown = Vec::new();
    let result: Result<T, serde_path_to_error::Error<ron::Error>> = {
        let mut note_unknown = |path: serde_ignored::Path<'_>| unknown.push(path.to_string());
        let ignoring = serde_ignored::Deserializer::new(&mut de, &mut note_unknown);
        serde_path_to_error::deserialize(ignoring)
    };
    match result {
        Ok(value) => {
            de.end()
                .map_err(|err| ron_parse_error(&de.span_error(err)))?;
            Ok((value, unknown))
        }
        Err(err) => {
            let field = field_path(err.path());
            let mut parse_error = ron_parse_error(&de.span_error(err.into_inner()));
            parse_error.field = field;
            Err(parse_error)
        }
    }
}

/// Parses any model value from JSON, with the unknown fields it skipped.
pub fn parse_json<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<(T, Vec<String>), ParseError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut unknown = Vec::new();
    let result: Result<T, serde_path_to_error::Error<serde_json::Error>> = {
        let mut note_unknown = |path: serde_ignored::Path<'_>| unknown.push(path.to_string());
        let ignoring = serde_ignored::Deserializer::new(&mut de, &mut note_unknown);
        serde_path_to_error::deserialize(ignoring)
    };
    let value = match result {
        Ok(value) => value,
        Err(err) => {
            let field = field_path(err.path());
            let mut parse_error = json_parse_error(&err.into_inner());
            parse_error.field = field;
            return Err(parse_error);
        }
    };
    de.end().map_err(|err| json_parse_error(&err))?;
    Ok((value, unknown))
}

fn field_path(path: &serde_path_to_error::Path) -> Option<String> {
    let text = path.to_string();
    (!text.is_empty() && text != ".").then_some(text)
}

fn ron_parse_error(err: &ron::error::SpannedError) -> ParseError {
    ParseError {
        line: err.span.start.line.max(1),
        column: err.span.start.col.max(1),
        message: err.code.to_string(),
        field: None,
    }
}

fn json_parse_error(err: &serde_json::Error) -> ParseError {
    // serde_json appends " at line L column C" to its messages: we say that ourselves.
    let message = err.to_string();
    let message = message
        .rfind(" at line ")
        .map_or(message.as_str(), |cut| &message[..cut])
        .to_owned();
    ParseError {
        line: err.line().max(1),
        column: err.column().max(1),
        message,
        field: None,
    }
}

/// The pretty RON every save writes: stable field order (the model's), `implicit_some` declared
/// at the top, positions and short lists on one line, so that a saved flow diffs well in git.
pub fn ron_pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .separate_tuple_members(false)
        .extensions(Extensions::IMPLICIT_SOME)
}

/// A flow as the text of a file in `format`. Secret values are never written.
///
/// RON is laid out for reading and diffing: each node pretty, one edge per line.
pub fn to_text(flow: &Flow, format: Format) -> Result<String, FileError> {
    match format {
        Format::Json => to_text_any(flow, format),
        Format::Ron => flow_to_ron(flow).map_err(|err| FileError::Serialize {
            format,
            message: err.to_string(),
        }),
    }
}

/// The RON of one value, pretty or on one line, without the `#![enable]` header.
fn ron_piece<T: serde::Serialize>(value: &T, is_compact: bool) -> Result<String, ron::Error> {
    let config = if is_compact {
        ron_pretty().compact_structs(true).compact_arrays(true)
    } else {
        ron_pretty()
    };
    let text = ron::ser::to_string_pretty(value, config)?;
    Ok(match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("#![") => rest.to_owned(),
        _ => text,
    })
}

/// Indents every line after the first by `indent`.
fn indent_rest(text: &str, indent: &str) -> String {
    text.replace('\n', &format!("\n{indent}"))
}

fn flow_to_ron(flow: &Flow) -> Result<String, ron::Error> {
    use std::fmt::Write as _;
    const I1: &str = "    ";
    const I2: &str = "        ";
    let mut out = String::from("#![enable(implicit_some)]\n(\n");
    // Writing to a String cannot fail.
    let _ = writeln!(out, "{I1}format: {},", flow.format);
    let _ = writeln!(out, "{I1}name: {},", ron_piece(&flow.name, true)?);
    if !flow.description.is_empty() {
        let _ = writeln!(
            out,
            "{I1}description: {},",
            ron_piece(&flow.description, true)?
        );
    }
    let _ = writeln!(out, "{I1}nodes: [");
    for node in &flow.nodes {
        let _ = writeln!(out, "{I2}{},", indent_rest(&ron_piece(node, false)?, I2));
    }
    let _ = writeln!(out, "{I1}],\n{I1}edges: [");
    for edge in &flow.edges {
        let _ = writeln!(out, "{I2}{},", ron_piece(edge, true)?);
    }
    let _ = writeln!(out, "{I1}],");
    let _ = writeln!(
        out,
        "{I1}team: {},",
        indent_rest(&ron_piece(&flow.team, false)?, I1)
    );
    if !flow.scenarios.is_empty() {
        let _ = writeln!(out, "{I1}scenarios: [");
        for scenario in &flow.scenarios {
            let _ = writeln!(
                out,
                "{I2}{},",
                indent_rest(&ron_piece(scenario, false)?, I2)
            );
        }
        let _ = writeln!(out, "{I1}],");
    }
    if let Some(load) = &flow.load {
        let _ = writeln!(out, "{I1}load: {},", indent_rest(&load.to_ron()?, I1));
    }
    out.push_str(")\n");
    Ok(out)
}

/// Any model value as text (for the clipboard, scenarios, ...), as a flow file would write it.
pub fn to_text_any<T: serde::Serialize>(value: &T, format: Format) -> Result<String, FileError> {
    let mut text = match format {
        Format::Ron => {
            ron::ser::to_string_pretty(value, ron_pretty()).map_err(|err| FileError::Serialize {
                format,
                message: err.to_string(),
            })?
        }
        Format::Json => {
            serde_json::to_string_pretty(value).map_err(|err| FileError::Serialize {
                format,
                message: err.to_string(),
            })?
        }
    };
    text.push('\n');
    Ok(text)
}

/// Saves a flow atomically, in the format its extension picks.
pub fn save(flow: &Flow, path: &Path) -> Result<(), FileError> {
    let format = Format::from_path(path).ok_or_else(|| FileError::UnknownExtension {
        path: path.to_owned(),
    })?;
    let text = to_text(flow, format)?;
    write_atomic(path, text.as_bytes()).map_err(|source| FileError::Write {
        source,
        path: path.to_owned(),
    })
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` so that the file is always either the old or the new content: a
/// temporary file in the same folder, flushed and synced, renamed over `path`, then the folder
/// synced. An existing file's permissions are kept. On error the temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = folder.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
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
mod tests;
