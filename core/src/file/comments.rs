//! Comments in a RON text. serde cannot carry them into the model, so a save drops them: the
//! window and `fluxo convert` count them on load to say so before it happens.

/// How many comments (`// ...` lines and `/* ... */` blocks, nested blocks counted once) `text`
/// holds outside of strings and characters.
pub fn count_ron_comments(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                count += 1;
                at = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |end| at + end);
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => {
                count += 1;
                at = skip_block_comment(bytes, at + 2);
            }
            b'"' => at = skip_string(bytes, at + 1, 0),
            b'r' if !is_ident_byte(at.checked_sub(1).and_then(|before| bytes.get(before))) => {
                // A raw string: r"..." or r#"..."# with any number of #.
                let hashes = bytes[at + 1..].iter().take_while(|&&b| b == b'#').count();
                if bytes.get(at + 1 + hashes) == Some(&b'"') {
                    at = skip_string(bytes, at + 2 + hashes, hashes + 1);
                } else {
                    at += 1;
                }
            }
            b'\'' => at = skip_char(bytes, at + 1),
            _ => at += 1,
        }
    }
    count
}

fn is_ident_byte(byte: Option<&u8>) -> bool {
    byte.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
}

/// Past the end of a `/* */` comment that starts before `at` (RON nests them).
fn skip_block_comment(bytes: &[u8], mut at: usize) -> usize {
    let mut depth = 1_usize;
    while at < bytes.len() {
        match (bytes[at], bytes.get(at + 1)) {
            (b'*', Some(b'/')) => {
                depth -= 1;
                at += 2;
                if depth == 0 {
                    return at;
                }
            }
            (b'/', Some(b'*')) => {
                depth += 1;
                at += 2;
            }
            _ => at += 1,
        }
    }
    bytes.len()
}

/// Past the end of a string whose text starts at `at`. `raw_hashes` 0 is a plain string (with
/// `\` escapes); n > 0 is a raw string closed by `"` and n - 1 hashes (`r"..."` passes 1).
fn skip_string(bytes: &[u8], mut at: usize, raw_hashes: usize) -> usize {
    if raw_hashes == 0 {
        while at < bytes.len() {
            match bytes[at] {
                b'\\' => at += 2,
                b'"' => return at + 1,
                _ => at += 1,
            }
        }
        return bytes.len();
    }
    let hashes = raw_hashes - 1;
    while at < bytes.len() {
        if bytes[at] == b'"'
            && bytes[at + 1..]
                .iter()
                .take(hashes)
                .filter(|&&b| b == b'#')
                .count()
                == hashes
        {
            return at + 1 + hashes;
        }
        at += 1;
    }
    bytes.len()
}

/// Past a character literal whose content starts at `at` (`'a'`, `'\''`).
fn skip_char(bytes: &[u8], at: usize) -> usize {
    let mut end = at;
    if bytes.get(end) == Some(&b'\\') {
        end += 2;
    } else {
        end += 1;
    }
    // A multi-byte character, or an escape like `\u{e9}`: up to the closing quote, briefly.
    match bytes[end.min(bytes.len())..]
        .iter()
        .take(12)
        .position(|&b| b == b'\'')
    {
        Some(offset) => end + offset + 1,
        None => at,
    }
}

#[cfg(test)]
mod tests {
    use super::count_ron_comments;

    #[test]
    fn comments_are_counted_outside_strings() {
        assert_eq!(count_ron_comments("(a: 1)"), 0);
        assert_eq!(count_ron_comments("// one\n(a: 1) // two\n"), 2);
        assert_eq!(count_ron_comments("(a: /* x /* nested */ y */ 1)"), 1);
        assert_eq!(count_ron_comments(r#"(url: "http://x/*y*/")"#), 0);
        assert_eq!(count_ron_comments(r#"(t: "a \" // b")"#), 0);
        assert_eq!(count_ron_comments(r##"(t: r#"a " // b"#) // c"##), 1);
        assert_eq!(count_ron_comments(r#"(t: r"// b") // c"#), 1);
        assert_eq!(count_ron_comments("(c: '\"', d: 1) // e"), 1);
        assert_eq!(count_ron_comments("(c: '/', d: '/') /* e */"), 1);
        assert_eq!(count_ron_comments("(var: 1) // e"), 1);
        assert_eq!(count_ron_comments("#![enable(implicit_some)]\n(a: 1)"), 0);
        // Unclosed things never loop or panic.
        for text in ["/*", "\"", "r#\"", "'", "'\\", "/* /*", "r", "//"] {
            let _ = count_ron_comments(text);
        }
    }
}
