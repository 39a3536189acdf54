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

impl Problem {
    /// ron's error as a problem.
    pub fn from_ron(error: &ron::Error) -> Problem {
        use ron::Error as E;
        match error {
            E::Eof => Problem::UnexpectedEnd,
            E::ExpectedComma => Problem::Expected(Expected::Comma),
            E::ExpectedMapColon => Problem::Expected(Expected::Colon),
            E::ExpectedArray => Problem::Expected(Expected::OpenList),
            E::ExpectedArrayEnd => Problem::Expected(Expected::CloseList),
            E::ExpectedMap => Problem::Expected(Expected::OpenMap),
            E::ExpectedMapEnd => Problem::Expected(Expected::CloseMap),
            E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
                Problem::Expected(Expected::OpenGroup)
            }
            E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => {
                Problem::Expected(Expected::CloseGroup)
            }
            E::ExpectedBoolean => Problem::Expected(Expected::Bool),
            E::ExpectedInteger => Problem::Expected(Expected::Integer {
                min: None,
                max: None,
            }),
            E::ExpectedFloat => Problem::Expected(Expected::Number),
            E::ExpectedString | E::ExpectedChar => Problem::Expected(Expected::Text),
            E::ExpectedStringEnd => Problem::Expected(Expected::StringEnd),
            E::ExpectedIdentifier => Problem::Expected(Expected::Name),
            E::IntegerOutOfBounds => Problem::NumberOutOfRange,
            E::InvalidIntegerDigit { .. } | E::FloatUnderscore | E::UnderscoreAtBeginning => {
                Problem::InvalidNumber
            }
            E::InvalidEscape(_) => Problem::InvalidEscape,
            E::UnclosedBlockComment | E::UnclosedLineComment => Problem::UnclosedComment,
            E::UnexpectedChar(c) => Problem::UnexpectedChar(*c),
            E::TrailingCharacters => Problem::TrailingCharacters,
            E::Utf8Error(_) => Problem::NotUtf8,
            E::ExceededRecursionLimit => Problem::TooDeep {
                limit: NESTING_LIMIT,
            },
            E::InvalidValueForType { expected, found } => Problem::WrongType {
                found: Found::from_ron(found),
                expected: Expected::from_serde(expected),
            },
            E::ExpectedDifferentLength { expected, found } => Problem::WrongLength {
                found: *found,
                expected: Expected::from_serde(expected),
            },
            E::NoSuchEnumVariant {
                expected, found, ..
            } => Problem::UnknownVariant {
                found: quote(found),
                expected: expected.iter().map(|name| (*name).to_owned()).collect(),
            },
            E::MissingStructField { field, .. } => Problem::MissingField {
                field: (*field).to_owned(),
            },
            E::DuplicateStructField { field, .. } => Problem::DuplicateField {
                field: (*field).to_owned(),
            },
            E::Message(message) => Problem::from_serde_message(message),
            other => Problem::Other(quote(&other.to_string())),
        }
    }

    /// serde_json's error as a problem (its message without " at line L column C").
    pub fn from_json(message: &str) -> Problem {
        match message {
            "EOF while parsing a list"
            | "EOF while parsing an object"
            | "EOF while parsing a string"
            | "EOF while parsing a value"
            | "unexpected end of hex escape" => Problem::UnexpectedEnd,
            "expected `:`" => Problem::Expected(Expected::Colon),
            "expected `,` or `]`" | "expected `,` or `}`" => Problem::Expected(Expected::Comma),
            "expected ident" | "expected value" => Problem::Expected(Expected::Value),
            "expected `\"`" | "key must be a string" => Problem::Expected(Expected::Quote),
            "invalid escape"
            | "invalid unicode code point"
            | "lone leading surrogate in hex escape" => Problem::InvalidEscape,
            "invalid number" => Problem::InvalidNumber,
            "number out of range" => Problem::NumberOutOfRange,
            "control character (\\u0000-\\u001F) found while parsing a string" => {
                Problem::ControlCharacter
            }
            "trailing characters" | "trailing comma" => Problem::TrailingCharacters,
            "recursion limit exceeded" => Problem::TooDeep {
                limit: NESTING_LIMIT,
            },
            other => Problem::from_serde_message(other),
        }
    }

    /// serde's own messages (`invalid type: ..., expected ...`, `missing field `x``...), which
    /// serde_json and custom deserializers use.
    fn from_serde_message(message: &str) -> Problem {
        let wrong = message
            .strip_prefix("invalid type: ")
            .or_else(|| message.strip_prefix("invalid value: "));
        if let Some((found, expected)) = wrong.and_then(|rest| rest.split_once(", expected ")) {
            return Problem::WrongType {
                found: Found::from_serde(found),
                expected: Expected::from_serde(expected),
            };
        }
        let length = message
            .strip_prefix("invalid length ")
            .and_then(|rest| rest.split_once(", expected "))
            .and_then(|(found, expected)| Some((found.parse().ok()?, expected)));
        if let Some((found, expected)) = length {
            return Problem::WrongLength {
                found,
                expected: Expected::from_serde(expected),
            };
        }
        if let Some(rest) = message.strip_prefix("unknown variant `") {
            // The list of known names never holds "`, expected ": the last one ends the name.
            if let Some((found, expected)) = rest.rsplit_once("`, expected ") {
                return Problem::UnknownVariant {
                    found: quote(found),
                    expected: backticked(expected),
                };
            }
            if let Some((found, _)) = rest.rsplit_once("`, there are no variants") {
                return Problem::UnknownVariant {
                    found: quote(found),
                    expected: Vec::new(),
                };
            }
        }
        if let Some(field) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.strip_suffix('`'))
        {
            return Problem::MissingField {
                field: quote(field),
            };
        }
        if let Some(field) = message
            .strip_prefix("duplicate field `")
            .and_then(|rest| rest.strip_suffix('`'))
        {
            return Problem::DuplicateField {
                field: quote(field),
            };
        }
        Problem::Other(quote(message))
    }
}

/// The names between backticks in serde's "one of `A`, `B`" or "`A` or `B`".
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(ToOwned::to_owned)
        .collect()
}

impl Expected {
    /// serde's `Expected` as it words it: `u32`, `a string`, `struct Node`, `a tuple of size 2`...
    pub fn from_serde(text: &str) -> Expected {
        let integer = |min: &str, max: &str| Expected::Integer {
            min: Some(min.to_owned()),
            max: Some(max.to_owned()),
        };
        match text {
            "u8" => integer("0", "255"),
            "u16" => integer("0", "65535"),
            "u32" => integer("0", "4294967295"),
            "u64" | "usize" => integer("0", "18446744073709551615"),
            "i8" => integer("-128", "127"),
            "i16" => integer("-32768", "32767"),
            "i32" => integer("-2147483648", "2147483647"),
            "i64" | "isize" => integer("-9223372036854775808", "9223372036854775807"),
            "f32" | "f64" => Expected::Number,
            "a string" | "a borrowed string" | "a character" | "a char" | "string" => {
                Expected::Text
            }
            "a boolean" => Expected::Bool,
            "a sequence" | "a list" => Expected::List,
            "a map" => Expected::Map,
            _ => {
                if text.starts_with("struct ") {
                    return Expected::Group;
                }
                if let Some(name) = text.strip_prefix("enum ") {
                    return Expected::Variant { name: quote(name) };
                }
                let len = text
                    .strip_prefix("a tuple of size ")
                    .or_else(|| text.strip_prefix("tuple of "))
                    .and_then(|rest| rest.split(' ').next())
                    .and_then(|len| len.parse().ok());
                match len {
                    Some(len) => Expected::Tuple { len },
                    None => Expected::Other(quote(text)),
                }
            }
        }
    }
}

impl Found {
    /// ron's words for a value (`the string "x"`, `the unsigned integer `3``).
    fn from_ron(text: &str) -> Found {
        let text = text.strip_prefix("the ").unwrap_or(text);
        let text = text
            .strip_prefix("unsigned ")
            .or_else(|| text.strip_prefix("signed "))
            .unwrap_or(text);
        let text = match text.strip_prefix("floating point number ") {
            Some(rest) => return Found::Number(between_backticks(rest)),
            None => text,
        };
        let text = match text.strip_prefix("UTF-8 character ") {
            Some(rest) => return Found::Text(between_backticks(rest)),
            None => text,
        };
        match text {
            "a unit value" => Found::Null,
            other => Found::from_serde(other),
        }
    }

    /// serde's words for a value (`string "x"`, `integer `3``, `sequence`, `null`).
    fn from_serde(text: &str) -> Found {
        if let Some(rest) = text.strip_prefix("boolean ") {
            return Found::Bool(rest.contains("true"));
        }
        if let Some(rest) = text
            .strip_prefix("integer ")
            .or_else(|| text.strip_prefix("floating point "))
        {
            return Found::Number(between_backticks(rest));
        }
        if let Some(rest) = text.strip_prefix("character ") {
            return Found::Text(between_backticks(rest));
        }
        if let Some(rest) = text.strip_prefix("string ") {
            // `{:?}` of the text: drop the quotes, keep the escapes (they show what is there).
            let inner = rest
                .strip_prefix('"')
                .and_then(|rest| rest.strip_suffix('"'))
                .unwrap_or(rest);
            return Found::Text(quote(inner));
        }
        match text {
            "null" | "unit value" | "a unit value" => Found::Null,
            "sequence" | "a sequence" => Found::List,
            "map" | "a map" => Found::Map,
            "enum" | "an enum" | "unit variant" | "a unit variant" | "newtype variant"
            | "a newtype variant" | "tuple variant" | "a tuple variant" | "struct variant"
            | "a struct variant" => Found::Variant,
            other => Found::Other(quote(other)),
        }
    }
}

fn between_backticks(text: &str) -> String {
    quote(
        text.strip_prefix('`')
            .and_then(|rest| rest.strip_suffix('`'))
            .unwrap_or(text),
    )
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
