//! Why a flow file could not be loaded, as data: a kind, its arguments and a position, so that
//! the binary can word it in the user's language (`fluxo::i18n::files::load_error_message`).
//!
//! ron and serde_json report problems as their own English sentences; [`Problem::from_ron`] and
//! [`Problem::from_json`] turn the common ones (a missing comma, an unexpected end, an unknown
//! variant with the list of known ones, a missing field, a wrong type, trailing characters, too
//! deep a nesting...) into [`Problem`]s, and keep the rest as the library says it
//! ([`Problem::Other`]). The `Display` impls are English, for logs and tests only.

use std::fmt;
use std::path::PathBuf;

mod library;

/// How deep brackets may nest in a flow file (ron's and serde_json's own limit). The model
/// needs fewer than 10 levels; a deeper file is refused by line and column, never a crash.
pub const NESTING_LIMIT: usize = 128;

/// The largest file read as a flow: 64 MiB (a 10,000-node flow is about 7 MB of RON).
pub const SIZE_LIMIT_BYTES: u64 = 64 * 1024 * 1024;

/// At most this many characters of a name or value from a file are kept in an error: a file
/// may hold a 10 MB variant name, and a message should stay a line.
pub const QUOTE_LIMIT_CHARS: usize = 120;

/// Why a file could not be loaded as a flow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file as it was named (not resolved).
    pub path: PathBuf,
    pub kind: LoadErrorKind,
}

/// What went wrong while loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The name ends in neither `.ron` nor `.json`.
    UnknownExtension,
    /// No such file (or a link to nothing).
    Missing,
    /// The operating system refused to let us read it.
    Denied,
    /// Another error of the operating system, as it words it.
    Unreadable { os_message: String },
    /// Not a regular file once links are followed: refused without reading a byte.
    NotRegular(Special),
    /// Larger than [`SIZE_LIMIT_BYTES`] (however large its size says it is: the read stops there).
    TooBig { limit_bytes: u64 },
    /// Not a flow: where and what.
    Parse(Box<ParseError>),
    /// A flow of a newer format than this build reads.
    TooNew { found: u32, supported: u32 },
}

/// A file that is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    Folder,
    /// A named pipe: reading it would wait for a writer forever.
    Fifo,
    /// A character or block device (`/dev/zero` never ends).
    Device,
    Socket,
    Other,
}

impl Special {
    /// A stable word for the kind (`folder`, `fifo`, ...), for JSON and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Special::Folder => "folder",
            Special::Fifo => "fifo",
            Special::Device => "device",
            Special::Socket => "socket",
            Special::Other => "other",
        }
    }
}

/// Why a text is not a flow. Positions are 1-based; `field` is the path serde was in, if known
/// (`nodes[3].kind.Request.timeout_ms`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub problem: Problem,
    pub field: Option<String>,
}

/// What is wrong at a position of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A byte that is not UTF-8.
    NotUtf8,
    /// Brackets nested deeper than `limit`.
    TooDeep {
        limit: usize,
    },
    /// The text ends in the middle of something.
    UnexpectedEnd,
    /// Something else stands where this was expected.
    Expected(Expected),
    /// Text after the end of the flow.
    TrailingCharacters,
    UnexpectedChar(char),
    /// An enum value (a node kind, a channel, an operator...) this build does not know.
    UnknownVariant {
        found: String,
        expected: Vec<String>,
    },
    MissingField {
        field: String,
    },
    DuplicateField {
        field: String,
    },
    /// A value of the wrong type (a text where a number goes, say).
    WrongType {
        found: Found,
        expected: Expected,
    },
    /// A list or tuple of the wrong length (`pos: (1.0)`).
    WrongLength {
        found: usize,
        expected: Expected,
    },
    /// A number too large (or too small) for its field.
    NumberOutOfRange,
    InvalidNumber,
    /// A `\` escape in a text that means nothing.
    InvalidEscape,
    /// A raw control character inside a JSON text.
    ControlCharacter,
    UnclosedComment,
    /// `format: 0`: no fluxo ever wrote it.
    FormatZero {
        supported: u32,
    },
    /// Anything else, as the library words it.
    Other(String),
}

/// What a position should hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    Comma,
    Colon,
    /// `"`: JSON keys are texts in double quotes.
    Quote,
    OpenList,
    CloseList,
    OpenGroup,
    CloseGroup,
    OpenMap,
    CloseMap,
    /// The closing `"` of a text.
    StringEnd,
    /// A name (a field, a variant).
    Name,
    /// Any value.
    Value,
    /// A whole number, in a range when known.
    Integer {
        min: Option<String>,
        max: Option<String>,
    },
    /// Any number.
    Number,
    Text,
    Bool,
    List,
    Map,
    /// A `( ... )` group of fields.
    Group,
    /// One of the kinds of an enum (`NodeKind`, `Channel`).
    Variant {
        name: String,
    },
    /// A tuple of `len` values (`pos: (x, y)`).
    Tuple {
        len: usize,
    },
    /// As the library words it.
    Other(String),
}

/// What a position held instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Bool(bool),
    Number(String),
    Text(String),
    Null,
    List,
    Map,
    /// A variant of an enum (`Entry(...)`).
    Variant,
    /// As the library words it.
    Other(String),
}

impl ParseError {
    /// A problem at a position, without a field.
    pub fn at(line: usize, column: usize, problem: Problem) -> Self {
        Self {
            line,
            column,
            problem,
            field: None,
        }
    }
}

/// `text` cut to [`QUOTE_LIMIT_CHARS`] characters (with `…` when cut).
pub fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_LIMIT_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

// English, for logs and tests; people read `fluxo::i18n::files::load_error_message`.

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.kind {
            LoadErrorKind::Parse(err) => write!(f, "{path}:{err}"),
            kind => write!(f, "{path}: {kind}"),
        }
    }
}

impl std::error::Error for LoadError {}

impl fmt::Display for LoadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadErrorKind::UnknownExtension => {
                f.write_str("not a flow file: the name must end in .ron or .json")
            }
            LoadErrorKind::Missing => f.write_str("cannot read the file: no such file"),
            LoadErrorKind::Denied => f.write_str("cannot read the file: permission denied"),
            LoadErrorKind::Unreadable { os_message } => {
                write!(f, "cannot read the file: {os_message}")
            }
            LoadErrorKind::NotRegular(special) => write!(
                f,
                "not a regular file ({}): only regular files are read as flows",
                special.as_str()
            ),
            LoadErrorKind::TooBig { limit_bytes } => write!(
                f,
                "the file is larger than {} MiB, the most a flow may be",
                limit_bytes / (1024 * 1024)
            ),
            LoadErrorKind::Parse(err) => err.fmt(f),
            LoadErrorKind::TooNew { found, supported } => write!(
                f,
                "this flow is format {found}, newer than this fluxo understands (format {supported}); update fluxo to open it"
            ),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.problem)?;
        match &self.field {
            Some(field) => write!(f, " (at {field})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for ParseError {}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotUtf8 => f.write_str("the file is not UTF-8 text"),
            Problem::TooDeep { limit } => write!(f, "brackets nested more than {limit} deep"),
            Problem::UnexpectedEnd => f.write_str("the text ends too early"),
            Problem::Expected(expected) => write!(f, "expected {expected}"),
            Problem::TrailingCharacters => f.write_str("text after the end of the flow"),
            Problem::UnexpectedChar(c) => write!(f, "unexpected {c:?}"),
            Problem::UnknownVariant { found, expected } => {
                write!(
                    f,
                    "unknown `{found}`; expected one of {}",
                    expected.join(", ")
                )
            }
            Problem::MissingField { field } => write!(f, "missing field `{field}`"),
            Problem::DuplicateField { field } => write!(f, "field `{field}` given twice"),
            Problem::WrongType { found, expected } => {
                write!(f, "expected {expected}, found {found}")
            }
            Problem::WrongLength { found, expected } => {
                write!(f, "expected {expected}, found {found} values")
            }
            Problem::NumberOutOfRange => f.write_str("number out of range"),
            Problem::InvalidNumber => f.write_str("not a number"),
            Problem::InvalidEscape => f.write_str("invalid `\\` escape"),
            Problem::ControlCharacter => f.write_str("control character inside a text"),
            Problem::UnclosedComment => f.write_str("unclosed comment"),
            Problem::FormatZero { supported } => write!(
                f,
                "`format: 0` is not a fluxo format: this build writes format {supported}"
            ),
            Problem::Other(message) => f.write_str(message),
        }
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Comma => f.write_str("`,`"),
            Expected::Colon => f.write_str("`:`"),
            Expected::Quote | Expected::StringEnd => f.write_str("`\"`"),
            Expected::OpenList => f.write_str("`[`"),
            Expected::CloseList => f.write_str("`]`"),
            Expected::OpenGroup => f.write_str("`(`"),
            Expected::CloseGroup => f.write_str("`)`"),
            Expected::OpenMap => f.write_str("`{`"),
            Expected::CloseMap => f.write_str("`}`"),
            Expected::Name => f.write_str("a name"),
            Expected::Value => f.write_str("a value"),
            Expected::Integer {
                min: Some(min),
                max: Some(max),
            } => write!(f, "a whole number from {min} to {max}"),
            Expected::Integer { .. } => f.write_str("a whole number"),
            Expected::Number => f.write_str("a number"),
            Expected::Text => f.write_str("a text"),
            Expected::Bool => f.write_str("true or false"),
            Expected::List => f.write_str("a list"),
            Expected::Map => f.write_str("a map"),
            Expected::Group => f.write_str("a group `( ... )`"),
            Expected::Variant { name } => write!(f, "a {name}"),
            Expected::Tuple { len } => write!(f, "{len} values"),
            Expected::Other(text) => f.write_str(text),
        }
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Bool(value) => write!(f, "{value}"),
            Found::Number(value) => f.write_str(value),
            Found::Text(text) => write!(f, "the text \"{text}\""),
            Found::Null => f.write_str("nothing"),
            Found::List => f.write_str("a list"),
            Found::Map => f.write_str("a map"),
            Found::Variant => f.write_str("a variant"),
            Found::Other(text) => f.write_str(text),
        }
    }
}
