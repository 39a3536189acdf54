//! Condition operators (SPEC.md section 2, docs/decisions.md "Condition").
//!
//! Both sides are trimmed. Two numbers (`.` or `,` as decimal mark) compare as numbers; anything
//! else compares as text ignoring case (`Greater`, `Less`... alphabetically). `Contains`,
//! `StartsWith` and `EndsWith` always compare text. `Matches` searches the trimmed value with a
//! regex (case-sensitive unless it says `(?i)`). `In` splits its value at commas.

use std::cmp::Ordering;

use regex::Regex;

use crate::flow::Op;

use super::text::trim;
use super::validate::is_number;

/// The value of `text` as a number, when it is one (`1,5` is 1.5).
pub(crate) fn number(text: &str) -> Option<f64> {
    let text = trim(text);
    // Whole numbers of up to 15 digits (most values compared) are read exactly without the
    // float parser.
    let (negative, digits) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] | rest => (false, rest),
    };
    if !digits.is_empty() && digits.len() <= 15 && digits.iter().all(u8::is_ascii_digit) {
        let value = digits
            .iter()
            .fold(0_u64, |value, digit| value * 10 + u64::from(digit - b'0'));
        #[allow(clippy::cast_precision_loss)] // at most 15 digits: exact in an f64
        let value = value as f64;
        return Some(if negative { -value } else { value });
    }
    // Every number has a digit right after its sign: most texts are refused here.
    if !digits.first().is_some_and(u8::is_ascii_digit) || !is_number(text) {
        return None;
    }
    if text.contains(',') {
        text.replace(',', ".").parse().ok()
    } else {
        text.parse().ok()
    }
}

/// A text with its value as a number, read once.
#[derive(Clone, Copy, Debug)]
struct Side<'a> {
    text: &'a str,
    number: Option<f64>,
}

impl<'a> Side<'a> {
    /// `text`, trimmed, and its number.
    fn new(text: &'a str) -> Side<'a> {
        let text = trim(text);
        Side {
            text,
            number: number(text),
        }
    }
}

fn equal(left: Side<'_>, right: Side<'_>) -> bool {
    if let (Some(a), Some(b)) = (left.number, right.number) {
        return a.partial_cmp(&b) == Some(Ordering::Equal);
    }
    let (left, right) = (left.text, right.text);
    if left.is_ascii() && right.is_ascii() {
        left.eq_ignore_ascii_case(right)
    } else {
        left.to_lowercase() == right.to_lowercase()
    }
}

fn order(left: Side<'_>, right: Side<'_>) -> Ordering {
    if let (Some(a), Some(b)) = (left.number, right.number) {
        return a.partial_cmp(&b).unwrap_or(Ordering::Equal);
    }
    let (left, right) = (left.text, right.text);
    if left.is_ascii() && right.is_ascii() {
        return left
            .bytes()
            .map(|b| b.to_ascii_lowercase())
            .cmp(right.bytes().map(|b| b.to_ascii_lowercase()));
    }
    left.to_lowercase().cmp(&right.to_lowercase())
}

/// Where `needle` stands in `haystack`, ignoring case: `contains`, `starts_with`, `ends_with`.
#[derive(Clone, Copy)]
enum Place {
    Anywhere,
    Start,
    End,
}

fn has_text(haystack: &str, needle: &str, place: Place) -> bool {
    if haystack.is_ascii() && needle.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle.as_bytes());
        if n.is_empty() {
            return true;
        }
        if n.len() > h.len() {
            return false;
        }
        return match place {
            Place::Anywhere => h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n)),
            Place::Start => h[..n.len()].eq_ignore_ascii_case(n),
            Place::End => h[h.len() - n.len()..].eq_ignore_ascii_case(n),
        };
    }
    let (h, n) = (haystack.to_lowercase(), needle.to_lowercase());
    match place {
        Place::Anywhere => h.contains(&n),
        Place::Start => h.starts_with(&n),
        Place::End => h.ends_with(&n),
    }
}

/// A rule's value that reads no variable, read once when the flow is compiled: trimmed, as a
/// number, and for `In` split into its items.
#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    text: Box<str>,
    number: Option<f64>,
    items: Box<[(Box<str>, Option<f64>)]>,
}

impl Prepared {
    pub(crate) fn new(op: Op, value: &str) -> Prepared {
        let value = trim(value);
        let items = if op == Op::In {
            value
                .split(',')
                .map(|item| {
                    let item = item.trim();
                    (item.into(), number(item))
                })
                .collect()
        } else {
            Box::default()
        };
        Prepared {
            text: value.into(),
            number: number(value),
            items,
        }
    }
}

/// Whether `left op right` holds. `regex` is the compiled `right` for `Matches` (none when it
/// does not compile: the rule does not hold).
pub(crate) fn holds(op: Op, left: &str, right: &str, regex: Option<&Regex>) -> bool {
    if op == Op::In {
        let left = Side::new(left);
        return trim(right)
            .split(',')
            .any(|item| equal(left, Side::new(item)));
    }
    holds_sides(op, left, Side::new(right), regex)
}

/// [`holds`] with a value read beforehand.
pub(crate) fn holds_prepared(op: Op, left: &str, right: &Prepared, regex: Option<&Regex>) -> bool {
    if op == Op::In {
        let left = Side::new(left);
        return right.items.iter().any(|(text, number)| {
            equal(
                left,
                Side {
                    text,
                    number: *number,
                },
            )
        });
    }
    let right = Side {
        text: &right.text,
        number: right.number,
    };
    holds_sides(op, left, right, regex)
}

fn holds_sides(op: Op, left: &str, right: Side<'_>, regex: Option<&Regex>) -> bool {
    let left = trim(left);
    // The left side's number only for the operators that compare numbers.
    let left_side = || Side {
        text: left,
        number: number(left),
    };
    match op {
        Op::Equals => equal(left_side(), right),
        Op::NotEquals => !equal(left_side(), right),
        Op::Contains => has_text(left, right.text, Place::Anywhere),
        Op::StartsWith => has_text(left, right.text, Place::Start),
        Op::EndsWith => has_text(left, right.text, Place::End),
        Op::Greater => order(left_side(), right) == Ordering::Greater,
        Op::GreaterOrEqual => order(left_side(), right) != Ordering::Less,
        Op::Less => order(left_side(), right) == Ordering::Less,
        Op::LessOrEqual => order(left_side(), right) != Ordering::Greater,
        Op::IsEmpty => left.is_empty(),
        Op::IsNotEmpty => !left.is_empty(),
        Op::Matches => regex.is_some_and(|regex| regex.is_match(left)),
        Op::In => trim(right.text)
            .split(',')
            .any(|item| equal(left_side(), Side::new(item))),
    }
}

/// Compiles a `Matches` value, or says why it does not compile.
pub(crate) fn compile_regex(source: &str) -> Result<Regex, String> {
    Regex::new(source.trim())
        .map_err(|err| format!("the regex `{}` does not compile: {err}", source.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Holds both ways, with the value read at each run and read beforehand.
    fn h(op: Op, left: &str, right: &str) -> bool {
        let regex = (op == Op::Matches)
            .then(|| compile_regex(right).ok())
            .flatten();
        let held = holds(op, left, right, regex.as_ref());
        let prepared = Prepared::new(op, right);
        assert_eq!(
            held,
            holds_prepared(op, left, &prepared, regex.as_ref()),
            "{op:?} {left:?} {right:?}"
        );
        held
    }

    #[test]
    fn numbers_compare_as_numbers() {
        assert_eq!(number(" 42 "), Some(42.0));
        assert_eq!(number("-7"), Some(-7.0));
        assert_eq!(number("+0"), Some(0.0));
        assert_eq!(number("999999999999999"), Some(999_999_999_999_999.0));
        assert_eq!(
            number("12345678901234567890"),
            Some(12_345_678_901_234_567_890.0)
        );
        assert_eq!(number("-"), None);
        assert_eq!(number("4a"), None);
        assert!(h(Op::Equals, "10", "10.0"));
        assert!(h(Op::Equals, "1,5", "1.5"));
        assert!(h(Op::Greater, "10", "9"), "not alphabetical");
        assert!(h(Op::Less, "-3", "2"));
        assert!(h(Op::GreaterOrEqual, " 7 ", "7"));
        assert!(h(Op::LessOrEqual, "7", "7,0"));
        assert!(!h(Op::NotEquals, "007", "7"));
    }

    #[test]
    fn text_ignores_case_and_blanks() {
        assert!(h(Op::Equals, "  Online ", "online"));
        assert!(h(Op::Equals, "ÇÃO", "ção"));
        assert!(h(Op::NotEquals, "online", "offline"));
        assert!(h(Op::Contains, "Quero o BOLETO", "boleto"));
        assert!(h(Op::StartsWith, "Segunda via", "segunda"));
        assert!(h(Op::EndsWith, "Segunda VIA", "via"));
        assert!(h(Op::Greater, "banana", "Abacaxi"), "alphabetical");
        assert!(
            !h(Op::Greater, "10", "9a"),
            "one side is text: alphabetical"
        );
        assert!(h(Op::Contains, "12345", "234"), "Contains is always text");
        assert!(
            h(Op::Contains, "abc", ""),
            "the empty text is in every text"
        );
        assert!(!h(Op::Contains, "ab", "abc"));
        assert!(!h(Op::StartsWith, "a", "abc"));
        assert!(h(Op::EndsWith, "Pedido FINAL", "final"));
        assert!(
            h(Op::Contains, "Atenção Já", "ÇÃO"),
            "non-ASCII ignores case too"
        );
        assert!(h(Op::Less, "abc", "ABD"));
    }

    #[test]
    fn emptiness() {
        assert!(h(Op::IsEmpty, "   ", ""));
        assert!(h(Op::IsEmpty, "", "ignored"));
        assert!(!h(Op::IsEmpty, "x", ""));
        assert!(h(Op::IsNotEmpty, "x", ""));
    }

    #[test]
    fn in_splits_at_commas() {
        assert!(h(Op::In, "Sim", "2, 3, sim"));
        assert!(h(Op::In, "3", "2,3.0"));
        assert!(!h(Op::In, "4", "2, 3, sim"));
        assert!(!h(Op::In, "", "a,b"));
        assert!(
            h(Op::In, "", "a,,b"),
            "an empty item matches an empty value"
        );
    }

    #[test]
    fn matches_is_a_case_sensitive_search() {
        assert!(h(Op::Matches, "pedido 123", "[0-9]+"));
        assert!(!h(Op::Matches, "pedido 123", "^[0-9]+$"));
        assert!(!h(Op::Matches, "ABC", "abc"));
        assert!(h(Op::Matches, "ABC", "(?i)abc"));
        assert!(!h(Op::Matches, "x", "("), "a broken regex never holds");
    }
}
