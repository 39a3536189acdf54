//! Templates: `{{ name }}` and the ALTU form `<? $name ?>` (SPEC.md section 3).
//!
//! A template is parsed once into parts with their byte spans (the editor colours them, the
//! checks read the names, the simulator renders them). A `{{` or `<?` with no closing mark, or
//! with no valid name inside, is kept as text and reported as [`Part::Broken`].

use std::ops::Range;

/// One piece of a template's source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Literal text.
    Text(Range<usize>),
    /// A variable reference; `span` covers the marks too (`{{ a }}`), `name` is trimmed and has
    /// no `$`.
    Var { name: String, span: Range<usize> },
    /// An opening mark that does not make a reference (no closing mark, or no valid name):
    /// rendered as the text it is.
    Broken(Range<usize>),
}

impl Part {
    pub fn span(&self) -> Range<usize> {
        match self {
            Part::Text(span) | Part::Broken(span) | Part::Var { span, .. } => span.clone(),
        }
    }
}

/// A parsed template.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Template {
    source: String,
    parts: Vec<Part>,
}

/// The text a template gives, and the names that had no value (they expand to "").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub missing: Vec<String>,
}

/// Whether `name` can be a variable name: letters, digits, `_`, `-` and `.` between parts.
pub fn is_valid_name(name: &str) -> bool {
    // Names are nearly always ASCII: one table lookup per byte, and only a name with another
    // character is decoded.
    let mut is_after_dot = true;
    for &byte in name.as_bytes() {
        match NAME_BYTES[usize::from(byte)] {
            ByteClass::NameChar => is_after_dot = false,
            ByteClass::Dot if !is_after_dot => is_after_dot = true,
            ByteClass::NotAscii => return is_valid_name_decoded(name),
            ByteClass::Dot | ByteClass::Other => return false,
        }
    }
    !is_after_dot
}

/// What a byte can be in a name.
#[derive(Clone, Copy)]
enum ByteClass {
    /// An ASCII letter or digit, `_` or `-`.
    NameChar,
    Dot,
    /// Part of a character that is not ASCII: decode to know.
    NotAscii,
    Other,
}

/// The class of every byte (a `u8` cannot index out of it).
const NAME_BYTES: [ByteClass; 256] = {
    let mut table = [ByteClass::Other; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            ByteClass::NameChar
        } else if b == b'.' {
            ByteClass::Dot
        } else if b.is_ascii() {
            ByteClass::Other
        } else {
            ByteClass::NotAscii
        };
        byte += 1;
    }
    table
};

/// [`is_valid_name`] character by character: for names that are not all ASCII.
fn is_valid_name_decoded(name: &str) -> bool {
    name.split('.').all(|part| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    })
}

impl Template {
    pub fn parse(source: &str) -> Template {
        Template {
            source: source.to_owned(),
            parts: parse_parts(source),
        }
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// Whether the template has no reference at all (renders to its source).
    pub fn is_plain(&self) -> bool {
        !self
            .parts
            .iter()
            .any(|part| matches!(part, Part::Var { .. }))
    }

    /// The names it reads, in order, with repeats.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|part| match part {
            Part::Var { name, .. } => Some(name.as_str()),
            _ => None,
        })
    }

    /// Whether some opening mark does not make a reference.
    pub fn has_broken(&self) -> bool {
        self.parts
            .iter()
            .any(|part| matches!(part, Part::Broken(_)))
    }

    /// Expands every reference with `lookup`; a name it has no value for expands to "".
    pub fn render(&self, mut lookup: impl FnMut(&str) -> Option<String>) -> Rendered {
        let mut rendered = Rendered::default();
        self.render_into(
            &mut rendered.text,
            |name, out| match lookup(name) {
                Some(value) => {
                    out.push_str(&value);
                    true
                }
                None => false,
            },
            &mut rendered.missing,
        );
        rendered
    }

    /// Like [`Template::render`], writing into `out`; `lookup` appends a value and says whether
    /// it had one. Names without a value are pushed to `missing`.
    pub fn render_into(
        &self,
        out: &mut String,
        mut lookup: impl FnMut(&str, &mut String) -> bool,
        missing: &mut Vec<String>,
    ) {
        for part in &self.parts {
            match part {
                Part::Text(span) | Part::Broken(span) => out.push_str(&self.source[span.clone()]),
                Part::Var { name, .. } => {
                    if !lookup(name, out) {
                        missing.push(name.clone());
                    }
                }
            }
        }
    }

    /// The source with every reference replaced by what `replace` says (the checks' samples).
    pub fn replace_vars(&self, mut replace: impl FnMut(&Part, &str) -> String) -> String {
        let mut out = String::with_capacity(self.source.len());
        for part in &self.parts {
            match part {
                Part::Text(span) | Part::Broken(span) => out.push_str(&self.source[span.clone()]),
                Part::Var { name, .. } => out.push_str(&replace(part, name)),
            }
        }
        out
    }
}

/// A part as [`scan_parts`] hands it over: like [`Part`], with the name borrowed from the
/// source, so that reading the names of many templates allocates nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartRef<'a> {
    Text(Range<usize>),
    Var { name: &'a str, span: Range<usize> },
    Broken(Range<usize>),
}

impl PartRef<'_> {
    fn into_owned(self) -> Part {
        match self {
            PartRef::Text(span) => Part::Text(span),
            PartRef::Var { name, span } => Part::Var {
                name: name.to_owned(),
                span,
            },
            PartRef::Broken(span) => Part::Broken(span),
        }
    }
}

/// Parses a template source into parts. Adjacent text is merged into one part.
pub fn parse_parts(source: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    scan_parts(source, |part| parts.push(part.into_owned()));
    parts
}

/// Hands each part of a template source to `emit`, in order (what [`parse_parts`] collects).
/// Adjacent text is merged into one part.
pub fn scan_parts<'a>(source: &'a str, mut emit: impl FnMut(PartRef<'a>)) {
    let mut text_start = 0;
    let mut cursor = 0;
    let bytes = source.as_bytes();
    // The first `}}` and `?>` found, with where the search began: a text of many openers and no
    // closer would otherwise search its whole rest once per opener (quadratic).
    let mut closers: [Option<(usize, Option<usize>)>; 2] = [None, None];
    while cursor + 1 < bytes.len() {
        // Jump to the next character that may open a mark (it needs one after it).
        match memchr::memchr2(b'{', b'<', &bytes[cursor..bytes.len() - 1]) {
            Some(offset) => cursor += offset,
            None => break,
        }
        let opener = &bytes[cursor..cursor + 2];
        let (close_mark, is_altu) = match opener {
            b"{{" => (*b"}}", false),
            b"<?" => (*b"?>", true),
            _ => {
                cursor += 1;
                continue;
            }
        };
        let inner_start = cursor + 2;
        let memo = &mut closers[usize::from(is_altu)];
        let close_at = match *memo {
            Some((from, found))
                if from <= inner_start && found.is_none_or(|at| at >= inner_start) =>
            {
                found
            }
            _ => {
                let found = find_pair(&bytes[inner_start..], close_mark).map(|at| inner_start + at);
                *memo = Some((inner_start, found));
                found
            }
        };
        let Some(close_offset) = close_at.map(|at| at - inner_start) else {
            // No closing mark anywhere after: the rest is text, this opener is broken.
            emit_text(&mut emit, text_start, cursor);
            emit(PartRef::Broken(cursor..cursor + 2));
            cursor += 2;
            text_start = cursor;
            continue;
        };
        let inner_end = inner_start + close_offset;
        let end = inner_end + 2;
        let inner = source[inner_start..inner_end].trim();
        let name = if is_altu {
            inner.strip_prefix('$').unwrap_or(inner).trim()
        } else {
            inner
        };
        if bytes.get(inner_start) == Some(&opener[1]) {
            // `{{{a}}}`: the first brace is text (a JSON object around a reference).
            cursor += 1;
            continue;
        }
        emit_text(&mut emit, text_start, cursor);
        if is_valid_name(name) {
            emit(PartRef::Var {
                name,
                span: cursor..end,
            });
            cursor = end;
        } else {
            emit(PartRef::Broken(cursor..cursor + 2));
            cursor += 2;
        }
        text_start = cursor;
    }
    emit_text(&mut emit, text_start, source.len());
}

/// Where the two bytes `pair` first stand together in `bytes`.
fn find_pair(bytes: &[u8], pair: [u8; 2]) -> Option<usize> {
    let mut from = 0;
    while let Some(offset) = memchr::memchr(pair[0], bytes.get(from..)?) {
        let at = from + offset;
        if bytes.get(at + 1) == Some(&pair[1]) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether `source` has a `{{` or `<?` at all: a quick test before parsing, as most texts have
/// no reference.
pub fn has_opening_mark(source: &str) -> bool {
    let bytes = source.as_bytes();
    let mut from = 0;
    while let Some(offset) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr2(b'{', b'<', rest))
    {
        let at = from + offset;
        match (bytes.get(at), bytes.get(at + 1)) {
            (Some(b'{'), Some(b'{')) | (Some(b'<'), Some(b'?')) => return true,
            (_, None) => return false,
            _ => from = at + 1,
        }
    }
    false
}

fn emit_text<'a>(emit: &mut impl FnMut(PartRef<'a>), start: usize, end: usize) {
    if start < end {
        emit(PartRef::Text(start..end));
    }
}

/// The names a template source reads, in order, with repeats.
pub fn names_in(source: &str) -> Vec<String> {
    parse_parts(source)
        .into_iter()
        .filter_map(|part| match part {
            Part::Var { name, .. } => Some(name),
            _ => None,
        })
        .collect()
}

/// Parses and renders in one go (for one-off texts; the simulator keeps parsed templates).
pub fn render(source: &str, lookup: impl FnMut(&str) -> Option<String>) -> Rendered {
    if !has_opening_mark(source) {
        return Rendered {
            text: source.to_owned(),
            missing: Vec::new(),
        };
    }
    Template::parse(source).render(lookup)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(name: &str) -> Option<String> {
        match name {
            "contact.name" => Some("Maria".into()),
            "matricula" => Some("123".into()),
            _ => None,
        }
    }

    #[test]
    fn both_syntaxes_render() {
        let out = render(
            "Olá {{ contact.name }}, matrícula <? $matricula ?>!",
            lookup,
        );
        assert_eq!(out.text, "Olá Maria, matrícula 123!");
        assert!(out.missing.is_empty());
    }

    #[test]
    fn missing_names_expand_to_nothing_and_are_reported() {
        let out = render("a{{x}}b{{contact.name}}", lookup);
        assert_eq!(out.text, "abMaria");
        assert_eq!(out.missing, ["x"]);
    }

    #[test]
    fn spans_cover_marks_and_text() {
        let source = "Oi {{ contact.name }}!";
        let parts = parse_parts(source);
        assert_eq!(
            parts,
            [
                Part::Text(0..3),
                Part::Var {
                    name: "contact.name".into(),
                    span: 3..21
                },
                Part::Text(21..22),
            ]
        );
        assert_eq!(&source[3..21], "{{ contact.name }}");
    }

    #[test]
    fn spans_are_bytes_with_accents() {
        let source = "ção{{a}}";
        let parts = parse_parts(source);
        assert_eq!(parts[1].span(), 5..10);
    }

    #[test]
    fn broken_openers_stay_text() {
        let source = "a {{ b";
        let out = render(source, lookup);
        assert_eq!(out.text, source);
        assert!(Template::parse(source).has_broken());
        let source = "{{ not a name }} {{ok}}";
        let template = Template::parse(source);
        assert!(template.has_broken());
        assert_eq!(template.names().collect::<Vec<_>>(), ["ok"]);
        assert_eq!(template.render(|_| None).text, "{{ not a name }} ");
    }

    #[test]
    fn json_braces_are_not_templates() {
        let source = r#"{"agentId": "{{contact.custom.gerente}}", "n": {"a": 1}}"#;
        assert_eq!(names_in(source), ["contact.custom.gerente"]);
        let out = render(source, |_| Some("ana".into()));
        assert_eq!(out.text, r#"{"agentId": "ana", "n": {"a": 1}}"#);
    }

    #[test]
    fn names_are_listed_in_order() {
        assert_eq!(
            names_in("{{a}} <?$b?> {{ a }}"),
            ["a".to_string(), "b".into(), "a".into()]
        );
        assert!(Template::parse("plain").is_plain());
    }

    #[test]
    fn names() {
        for good in [
            "a",
            "contact.custom.x",
            "a-b_c",
            "é",
            "a.b.c",
            "x1",
            "ação.nº",
            "日本",
        ] {
            assert!(is_valid_name(good), "{good}");
        }
        for bad in [
            "", ".", ".a", "a.", "a..b", "a b", "{{a}}", "a$", "é.", "a\u{a0}b", "a—b",
        ] {
            assert!(!is_valid_name(bad), "{bad}");
        }
    }

    /// The table and the decoding agree on every short string over bytes that matter.
    #[test]
    fn names_by_table_and_by_characters_agree() {
        let pieces = [
            "a", "Z", "0", "_", "-", ".", " ", "$", "é", "\u{a0}", "—", "日", "{",
        ];
        let mut texts = vec![String::new()];
        let mut layer = texts.clone();
        for _ in 0..4 {
            layer = layer
                .iter()
                .flat_map(|text| pieces.iter().map(move |piece| format!("{text}{piece}")))
                .collect();
            texts.extend_from_slice(&layer);
        }
        for text in &texts {
            assert_eq!(is_valid_name(text), is_valid_name_decoded(text), "{text:?}");
        }
    }

    #[test]
    fn opening_marks_are_found_quickly() {
        for (text, has) in [
            ("", false),
            ("{", false),
            ("{ {", false),
            ("a {{", true),
            ("<", false),
            ("x <? y", true),
            ("{<{<", false),
            ("{\"a\": 1}", false),
            ("{{{a}}}", true),
        ] {
            assert_eq!(has_opening_mark(text), has, "{text}");
        }
    }

    #[test]
    fn borrowed_parts_name_the_same_text() {
        let source = "Olá {{ contact.name }}, <?$x?>! {{ two words }}";
        let mut names = Vec::new();
        let mut broken = 0;
        scan_parts(source, |part| match part {
            PartRef::Var { name, span } => names.push((name, &source[span])),
            PartRef::Broken(_) => broken += 1,
            PartRef::Text(_) => {}
        });
        assert_eq!(
            names,
            [("contact.name", "{{ contact.name }}"), ("x", "<?$x?>")]
        );
        assert_eq!(broken, 1);
    }

    #[test]
    fn nothing_panics_on_odd_text() {
        for source in [
            "{", "{{", "}}", "<?", "?>", "{{}}", "<??>", "<? $ ?>", "{{{a}}}", "é{{é}}",
        ] {
            let _ = render(source, lookup);
        }
        assert_eq!(names_in("{{{a}}}"), ["a"]);
        assert_eq!(render("{{{a}}}", |_| Some("1".into())).text, "{1}");
    }

    #[test]
    fn many_openers_without_closers_are_each_broken_once() {
        // Each opener used to search the whole rest for its closer: quadratic in the text.
        for (source, broken) in [
            ("<? $".repeat(100_000) + "<?$x?>", 100_000),
            ("{{ ".repeat(100_000) + "{{x}}", 100_000),
            ("{{a}} {{ ?> <? }}".repeat(1_000), 2_000),
        ] {
            let mut count = 0;
            let mut names = 0;
            scan_parts(&source, |part| match part {
                PartRef::Broken(_) => count += 1,
                PartRef::Var { .. } => names += 1,
                PartRef::Text(_) => {}
            });
            assert_eq!((count, names.min(1)), (broken, 1));
        }
    }
}
