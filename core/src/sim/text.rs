//! Cheap text for events. A step writes several explanations ("why" a branch or an agent was
//! chosen); `format!` guesses capacities and reallocates, which costs more than the rest of the
//! step. These helpers allocate once, and [`SharedStr`] lets ids, names and ports that come from
//! the flow or the team appear in every event without a copy.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// Text shared between the compiled flow, the team and the events: cloning it does not allocate.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SharedStr(Arc<str>);

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl SharedStr {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `n` in decimal, in one allocation.
    pub(crate) fn decimal(n: u64) -> SharedStr {
        let mut digits = [0_u8; 20];
        let start = write_digits(&mut digits, n);
        SharedStr::from(std::str::from_utf8(&digits[start..]).unwrap_or("0"))
    }
}

/// Writes `n`'s digits at the end of `digits`; returns where they start.
fn write_digits(digits: &mut [u8; 20], n: u64) -> usize {
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            return at;
        }
    }
}

impl Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> Self {
        SharedStr(text.into())
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> Self {
        SharedStr(text.into())
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// `text` without leading and trailing whitespace, like [`str::trim`], at once for the common
/// text that starts and ends with a visible ASCII character.
pub(crate) fn trim(text: &str) -> &str {
    match text.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        [only] if only.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// The pieces joined, in one allocation.
pub(crate) fn concat(pieces: &[&str]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|piece| piece.len()).sum());
    for piece in pieces {
        out.push_str(piece);
    }
    out
}

/// Appends `n` in decimal.
pub(crate) fn push_u64(out: &mut String, n: u64) {
    let mut digits = [0_u8; 20];
    let start = write_digits(&mut digits, n);
    out.push_str(std::str::from_utf8(&digits[start..]).unwrap_or("0"));
}

/// Appends `n` (0..100) as two digits: `07`.
pub(crate) fn push_two_digits(out: &mut String, n: u32) {
    let n = n % 100;
    out.push(char::from(b'0' + (n / 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_pieces() {
        for n in [0, 7, 10, 200, 404, u64::MAX] {
            let mut out = String::new();
            push_u64(&mut out, n);
            assert_eq!(out, n.to_string());
            assert_eq!(SharedStr::decimal(n), n.to_string().as_str());
        }
        let mut out = String::new();
        push_two_digits(&mut out, 7);
        push_two_digits(&mut out, 59);
        assert_eq!(out, "0759");
        assert_eq!(concat(&["a", "", "bc"]), "abc");
        assert_eq!(concat(&["a", "bc"]).capacity(), 3);
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "ab",
            " a b ",
            "\u{a0}x\u{a0}",
            "x\u{2003}",
            "\tb",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
        let shared = SharedStr::from("ana");
        assert_eq!(shared, "ana");
        assert_eq!(serde_json::to_string(&shared).unwrap(), "\"ana\"");
    }
}
