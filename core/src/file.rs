//! Reading and writing flow files: RON (`.ron`, the default) and JSON (`.json`), the same serde
//! model. Loading never panics, reads only regular files of at most 64 MiB and names the line
//! and column of what is wrong ([`LoadError`], data for the binary to word); saving is atomic
//! and writes RON as a person would ([`layout`]).

mod comments;
mod error;
pub mod layout;
mod read;
mod temp;

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::Deserialize;

use crate::flow::{FORMAT_VERSION, Flow};

pub use comments::count_ron_comments;
pub use error::{
    Expected, Found, LoadError, LoadErrorKind, NESTING_LIMIT, ParseError, Problem,
    QUOTE_LIMIT_CHARS, SIZE_LIMIT_BYTES, Special, quote,
};
pub use read::read_text;
pub use temp::{remove_orphans, write_atomic};

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

/// Why a flow could not be saved. (Why one could not be loaded is a [`LoadError`].)
#[derive(Debug, thiserror::Error)]
pub enum FileError {
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

/// At most this many unknown fields are kept by name on load (a file may hold millions).
pub const UNKNOWN_FIELDS_KEPT: usize = 1_000;

/// A flow just read, with what the reader noticed but did not refuse.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub flow: Flow,
    /// Fields the model does not know (`nodes[2].kind.Request.timout_ms`), ignored on load and
    /// dropped on the next save: usually a typo worth a look. The first [`UNKNOWN_FIELDS_KEPT`].
    pub unknown_fields: Vec<String>,
    /// How many unknown fields there were in all.
    pub unknown_field_count: usize,
    /// How many `//` and `/* */` comments the file holds (RON only). A save cannot keep them:
    /// say so before the first save.
    pub comments: usize,
}

impl Loaded {
    /// Whether saving this flow would drop comments of its file.
    pub fn has_comments(&self) -> bool {
        self.comments > 0
    }
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

impl From<TextError> for LoadErrorKind {
    fn from(err: TextError) -> Self {
        match err {
            TextError::Parse(err) => LoadErrorKind::Parse(Box::new(err)),
            TextError::TooNew(found) => LoadErrorKind::TooNew {
                found,
                supported: FORMAT_VERSION,
            },
        }
    }
}

/// RON options every reader uses: `implicit_some`, so optional fields are written bare, and
/// brackets nested at most [`NESTING_LIMIT`] deep.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(NESTING_LIMIT)
}

/// Reads a flow file, picking the format by extension. The one way every command and the
/// window read a flow: only a regular file (links followed) of at most [`SIZE_LIMIT_BYTES`].
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let error = |kind| LoadError {
        path: path.to_owned(),
        kind,
    };
    let format = Format::from_path(path).ok_or_else(|| error(LoadErrorKind::UnknownExtension))?;
    let bytes = read::read_bounded(path, SIZE_LIMIT_BYTES).map_err(error)?;
    let text = decode_utf8(&bytes).map_err(|err| error(LoadErrorKind::Parse(Box::new(err))))?;
    parse(text, format).map_err(|err| error(err.into()))
}

/// The text of a file, or where its first byte that is not UTF-8 stands.
fn decode_utf8(bytes: &[u8]) -> Result<&str, ParseError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|err| {
        let valid = String::from_utf8_lossy(&bytes[..err.valid_up_to()]);
        let (line, column) = line_column_at_end(&valid);
        ParseError::at(line, column, Problem::NotUtf8)
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
        Format::Ron => parse_ron_counted::<Flow>(text),
        Format::Json => parse_json_counted::<Flow>(text),
    };
    match parsed {
        Ok((flow, unknown)) => {
            if flow.format > FORMAT_VERSION {
                return Err(TextError::TooNew(flow.format));
            }
            if flow.format == 0 {
                return Err(TextError::Parse(ParseError {
                    line: 1,
                    column: 1,
                    problem: Problem::FormatZero {
                        supported: FORMAT_VERSION,
                    },
                    field: Some("format".into()),
                }));
            }
            Ok(Loaded {
                flow,
                unknown_fields: unknown.kept,
                unknown_field_count: unknown.count,
                comments: match format {
                    Format::Ron => count_ron_comments(text),
                    Format::Json => 0,
                },
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

/// The unknown fields met while parsing: the first [`UNKNOWN_FIELDS_KEPT`] and how many.
#[derive(Default)]
struct Unknown {
    kept: Vec<String>,
    count: usize,
}

impl Unknown {
    fn note(&mut self, path: &serde_ignored::Path<'_>) {
        self.count += 1;
        if self.kept.len() < UNKNOWN_FIELDS_KEPT {
            self.kept.push(quote(&path.to_string()));
        }
    }
}

/// Parses any model value from RON, with the unknown fields it skipped (the first
/// [`UNKNOWN_FIELDS_KEPT`]).
pub fn parse_ron<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<(T, Vec<String>), ParseError> {
    parse_ron_counted(text).map(|(value, unknown)| (value, unknown.kept))
}

fn parse_ron_counted<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<(T, Unknown), ParseError> {
    let options = ron_options();
    let mut de = ron::Deserializer::from_str_with_options(text, &options)
        .map_err(|err| ron_parse_error(&err))?;
    let mut unknown = Unknown::default();
    let result: Result<T, serde_path_to_error::Error<ron::Error>> = {
        let mut note_unknown = |path: serde_ignored::Path<'_>| unknown.note(&path);
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

/// Parses any model value from JSON, with the unknown fields it skipped (the first
/// [`UNKNOWN_FIELDS_KEPT`]).
pub fn parse_json<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<(T, Vec<String>), ParseError> {
    parse_json_counted(text).map(|(value, unknown)| (value, unknown.kept))
}

fn parse_json_counted<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<(T, Unknown), ParseError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut unknown = Unknown::default();
    let result: Result<T, serde_path_to_error::Error<serde_json::Error>> = {
        let mut note_unknown = |path: serde_ignored::Path<'_>| unknown.note(&path);
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

/// The field path serde was in, without the `?` it writes for a place it could not name, cut
/// to a line's length (a deeply nested file has a very long one).
fn field_path(path: &serde_path_to_error::Path) -> Option<String> {
    let text = path.to_string().replace(".?", "");
    (!text.is_empty() && text != "." && text != "?").then(|| quote(&text))
}

fn ron_parse_error(err: &ron::error::SpannedError) -> ParseError {
    ParseError::at(
        err.span.start.line.max(1),
        err.span.start.col.max(1),
        Problem::from_ron(&err.code),
    )
}

fn json_parse_error(err: &serde_json::Error) -> ParseError {
    // serde_json appends " at line L column C" to its messages: we say that ourselves.
    let message = err.to_string();
    let message = message
        .rfind(" at line ")
        .map_or(message.as_str(), |cut| &message[..cut]);
    ParseError::at(
        err.line().max(1),
        err.column().max(1),
        Problem::from_json(message),
    )
}

/// The pretty RON of [`to_text_any`]: stable field order (the model's), `implicit_some`
/// declared at the top.
pub fn ron_pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .separate_tuple_members(false)
        .extensions(Extensions::IMPLICIT_SOME)
}

/// A flow as the text of a file in `format`. Secret values are never written.
///
/// RON is laid out as a person writes it ([`layout`]): `#![enable(implicit_some)]` on top, the
/// top level one field per line, small structs (an edge, a rule, an agent, a mock) on one line.
pub fn to_text(flow: &Flow, format: Format) -> Result<String, FileError> {
    match format {
        Format::Json => to_text_any(flow, format),
        Format::Ron => {
            let body = layout::to_ron(flow).map_err(|err| FileError::Serialize {
                format,
                message: err.to_string(),
            })?;
            Ok(format!("#![enable(implicit_some)]\n{body}\n"))
        }
    }
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

#[cfg(test)]
mod tests;
