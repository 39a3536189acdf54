//! What an Ask accepts: the `expect` kinds of SPEC.md section 2, exactly as docs/decisions.md
//! words them (an empty or blank reply is invalid for every kind; the saved value is the trimmed
//! reply, or for `Options` the option as written in the flow).

use regex::Regex;

use crate::flow::AskExpect;

/// An Ask's `expect`, with its regex compiled once.
#[derive(Clone, Debug)]
pub(crate) enum Expect {
    Any,
    Number,
    Email,
    Cpf,
    Phone,
    Options(Vec<String>),
    /// The regex anchored to the whole reply, or why it does not compile.
    Regex(Result<Regex, String>),
}

impl Expect {
    pub(crate) fn compile(expect: &AskExpect) -> Expect {
        match expect {
            AskExpect::Any => Expect::Any,
            AskExpect::Number => Expect::Number,
            AskExpect::Email => Expect::Email,
            AskExpect::Cpf => Expect::Cpf,
            AskExpect::Phone => Expect::Phone,
            AskExpect::Options(options) => Expect::Options(options.clone()),
            AskExpect::Regex(source) => Expect::Regex(
                Regex::new(&format!("^(?:{source})$"))
                    .map_err(|err| format!("the Ask's regex `{source}` does not compile: {err}")),
            ),
        }
    }

    /// The value to save when `reply` is valid, else why it is not.
    pub(crate) fn check<'a>(&'a self, reply: &'a str) -> Result<&'a str, String> {
        let reply = reply.trim();
        if reply.is_empty() {
            return Err("the reply is empty".into());
        }
        match self {
            Expect::Any => Ok(reply),
            Expect::Number => accept(is_number(reply), reply, "not a number"),
            Expect::Email => accept(is_email(reply), reply, "not an e-mail address"),
            Expect::Cpf => cpf_problem(reply).map_or(Ok(reply), Err),
            Expect::Phone => accept(
                is_phone(reply),
                reply,
                "not a phone number (8 to 15 digits)",
            ),
            Expect::Options(options) => pick_option(options, reply),
            Expect::Regex(Ok(regex)) => accept(
                regex.is_match(reply),
                reply,
                "does not match the expected pattern",
            ),
            Expect::Regex(Err(problem)) => Err(problem.clone()),
        }
    }
}

fn accept<'a>(valid: bool, reply: &'a str, problem: &str) -> Result<&'a str, String> {
    if valid {
        Ok(reply)
    } else {
        Err(problem.to_owned())
    }
}

/// An optional sign, digits, and an optional decimal part after `.` or `,`.
pub(crate) fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && fraction.is_none_or(digits)
}

/// `local@domain.tld`: one `@`, no blanks, a dot in the domain with no empty label.
fn is_email(text: &str) -> bool {
    if text.chars().any(char::is_whitespace) {
        return false;
    }
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|label| !label.is_empty())
}

/// Why `text` is not a CPF, or none when it is: 11 digits once `.`, `-` and blanks are removed,
/// not all the same digit, both check digits right.
fn cpf_problem(text: &str) -> Option<String> {
    let mut digits: Vec<u32> = Vec::with_capacity(11);
    for c in text.chars() {
        match c {
            '.' | '-' => {}
            c if c.is_whitespace() => {}
            c => match c.to_digit(10) {
                Some(digit) => digits.push(digit),
                None => return Some("a CPF has only digits, dots and a dash".into()),
            },
        }
    }
    let [first, ..] = digits[..] else {
        return Some("a CPF has 11 digits, not 0".into());
    };
    if digits.len() != 11 {
        return Some(format!("a CPF has 11 digits, not {}", digits.len()));
    }
    if digits.iter().all(|&digit| digit == first) {
        return Some("a CPF cannot repeat one digit".into());
    }
    // The n-th check digit weighs the n + 8 digits before it from n + 9 down to 2.
    let check = |count: usize| {
        let sum: u32 = digits
            .iter()
            .take(count)
            .zip((2..=count as u32 + 1).rev())
            .map(|(digit, weight)| digit * weight)
            .sum();
        (sum * 10 % 11) % 10
    };
    if digits.get(9) != Some(&check(9)) || digits.get(10) != Some(&check(10)) {
        return Some("the CPF's check digits are wrong".into());
    }
    None
}

/// Once blanks, `-`, `(`, `)` and a leading `+` are removed: 8 to 15 digits.
fn is_phone(text: &str) -> bool {
    let text = text.strip_prefix('+').unwrap_or(text);
    let mut count = 0;
    for c in text.chars() {
        match c {
            '-' | '(' | ')' => {}
            c if c.is_whitespace() => {}
            c if c.is_ascii_digit() => count += 1,
            _ => return false,
        }
    }
    (8..=15).contains(&count)
}

/// An option (case and surrounding blanks ignored) or its 1-based number.
fn pick_option<'a>(options: &'a [String], reply: &str) -> Result<&'a str, String> {
    let lower = reply.to_lowercase();
    if let Some(option) = options
        .iter()
        .find(|option| option.trim().to_lowercase() == lower)
    {
        return Ok(option);
    }
    if let Ok(number) = reply.parse::<usize>()
        && let Some(option) = number.checked_sub(1).and_then(|index| options.get(index))
    {
        return Ok(option);
    }
    Err(format!("not one of the options ({})", options.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(expect: &AskExpect, reply: &str) -> Result<String, String> {
        Expect::compile(expect).check(reply).map(str::to_owned)
    }

    #[test]
    fn blank_is_invalid_for_every_kind() {
        for expect in [
            AskExpect::Any,
            AskExpect::Number,
            AskExpect::Regex(".*".into()),
            AskExpect::Options(vec![String::new()]),
        ] {
            assert!(check(&expect, "   ").is_err(), "{expect:?}");
        }
        assert_eq!(check(&AskExpect::Any, "  oi  ").unwrap(), "oi");
    }

    #[test]
    fn numbers() {
        for good in ["42", "-3", "+7", "1.5", "1,5", "007"] {
            assert!(check(&AskExpect::Number, good).is_ok(), "{good}");
        }
        for bad in ["1.", ".5", "1.000,5", "abc", "1e3", "--1", "1 2"] {
            assert!(check(&AskExpect::Number, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(check(&AskExpect::Email, "maria@exemplo.com.br").is_ok());
        for bad in [
            "maria",
            "maria@exemplo",
            "@x.com",
            "a b@x.com",
            "a@x..com",
            "a@@x.com",
            "a@x.com.",
        ] {
            assert!(check(&AskExpect::Email, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn cpf_check_digits() {
        for good in [
            "123.456.789-09",
            "12345678909",
            " 529.982.247-25 ",
            "529 982 247 25",
        ] {
            assert!(check(&AskExpect::Cpf, good).is_ok(), "{good}");
        }
        assert_eq!(
            check(&AskExpect::Cpf, "123.456.789-09").unwrap(),
            "123.456.789-09"
        );
        // One digit off in either check digit, or in the body.
        for bad in [
            "123.456.789-08",
            "123.456.789-19",
            "123.456.788-09",
            "111.111.111-11",
            "1234567890",
            "123.456.789-0a",
            "",
            "١٢٣",
        ] {
            assert!(check(&AskExpect::Cpf, bad).is_err(), "{bad}");
        }
        assert_eq!(
            check(&AskExpect::Cpf, "123.456.789-08").unwrap_err(),
            "the CPF's check digits are wrong"
        );
    }

    #[test]
    fn phones() {
        for good in ["+55 (11) 99999-0000", "99990000", "123456789012345"] {
            assert!(check(&AskExpect::Phone, good).is_ok(), "{good}");
        }
        for bad in [
            "1234567",
            "1234567890123456",
            "+55 11 abc",
            "++5511999990000",
        ] {
            assert!(check(&AskExpect::Phone, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn options_by_text_or_number() {
        let options = AskExpect::Options(vec!["Boleto".into(), "Pix ".into(), "Cartão".into()]);
        assert_eq!(check(&options, "  boleto ").unwrap(), "Boleto");
        assert_eq!(check(&options, "PIX").unwrap(), "Pix ");
        assert_eq!(check(&options, "cartão").unwrap(), "Cartão");
        assert_eq!(check(&options, "3").unwrap(), "Cartão");
        assert!(check(&options, "4").is_err());
        assert!(check(&options, "0").is_err());
        // Text before number: an option that is itself a number wins.
        let numeric = AskExpect::Options(vec!["2".into(), "1".into()]);
        assert_eq!(check(&numeric, "1").unwrap(), "1");
    }

    #[test]
    fn regex_must_match_the_whole_reply() {
        let expect = AskExpect::Regex("[0-9]{3}".into());
        assert!(check(&expect, " 123 ").is_ok());
        assert!(check(&expect, "1234").is_err());
        assert!(check(&expect, "a123").is_err());
        let alternatives = AskExpect::Regex("sim|não".into());
        assert!(check(&alternatives, "não").is_ok());
        assert!(
            check(&alternatives, "sim não").is_err(),
            "anchoring wraps alternatives"
        );
        let broken = AskExpect::Regex("(".into());
        assert!(
            check(&broken, "x")
                .unwrap_err()
                .contains("does not compile")
        );
    }
}
