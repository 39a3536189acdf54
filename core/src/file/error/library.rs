//! ron's and serde_json's own English messages as [`Problem`]s: the common kinds in our terms,
//! the rest kept as the library words it ([`Problem::Other`]).

use super::{Expected, Found, NESTING_LIMIT, Problem, quote};

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
