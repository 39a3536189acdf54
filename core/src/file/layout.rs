//! RON as a person writes it: small things on one line, big things one part per line.
//!
//! Any serde value is first turned into a tree of [`Piece`]s (a serializer of our own that
//! records the shape: groups, keys, atoms rendered by ron itself), then laid out by one rule
//! that knows no model type, so new fields and kinds lay out like the old ones:
//!
//! - the file's top level and each of its fields (`nodes`, `edges`, `team`, ...) are always one
//!   part per line, so that adding a node or an edge is a one-line diff;
//! - below that, a group that fits on its line within [`WIDTH`] characters is written on one line
//!   (`(id: "ana", name: "Ana Souza", departments: ["Comercial"], status: Online)`);
//! - a group that does not fit, whose last part is itself a block of fields or of groups, keeps
//!   its first parts on the opening line and opens the last one there
//!   (`(id: "fim", pos: (1.0, 2.0), kind: End(` ... `)),`), as the samples are written;
//! - anything else is one part per line, each ending with a comma.

use serde::Serialize;

mod pieces;
mod top;

use pieces::{PieceSerializer, identifier};

/// The widest line the layout aims for, in characters (an atom longer than that has a line of
/// its own).
pub const WIDTH: usize = 120;

/// The widest line a record may take (see [`line_limit`]).
pub const RECORD_WIDTH: usize = 200;

const INDENT: &str = "    ";

/// A value's shape.
#[derive(Debug)]
enum Piece {
    /// A scalar as ron writes it: `"text"`, `40.0`, `true`, `Online`, `()`.
    Atom(String),
    /// `None`, as an `Option`.
    None,
    /// `Some(..)` of an `Option`: written bare (`implicit_some`), unless it holds an option.
    Some(Box<Piece>),
    Group(Group),
}

#[derive(Debug)]
struct Group {
    /// A variant's name before the bracket (`Message(`); none for structs, tuples, lists, maps.
    name: Option<String>,
    open: char,
    close: char,
    items: Vec<(Option<String>, Piece)>,
}

impl Piece {
    /// The piece as written, looking through `Some`.
    fn shown(&self) -> Shown<'_> {
        match self {
            Piece::Atom(text) => Shown::Atom(text),
            Piece::None => Shown::Atom("None"),
            Piece::Some(inner) => match **inner {
                // `Some(None)` and `Some(Some(x))` must say so.
                Piece::None | Piece::Some(_) => Shown::Wrapped(inner),
                _ => inner.shown(),
            },
            Piece::Group(group) => Shown::Group(group),
        }
    }
}

enum Shown<'a> {
    Atom(&'a str),
    /// `Some(` .. `)` around an option.
    Wrapped(&'a Piece),
    Group(&'a Group),
}

/// `value` as RON text laid out by the rule above, without a trailing newline.
pub fn to_ron<T: Serialize + ?Sized>(value: &T) -> Result<String, ron::Error> {
    let mut out = String::new();
    value.serialize(top::TopSerializer {
        out: &mut out,
        level: 0,
    })?;
    Ok(out)
}

/// The width of `piece` on one line, or `None` once it passes `budget` (so that a huge value
/// costs no more than `budget` to measure).
fn flat_width(piece: &Piece, budget: usize) -> Option<usize> {
    let width = match piece.shown() {
        Shown::Atom(text) => text.chars().take(budget.saturating_add(1)).count(),
        Shown::Wrapped(inner) => "Some()".len() + flat_width(inner, budget)?,
        Shown::Group(group) => {
            let mut width = group.name.as_ref().map_or(0, |name| name.chars().count()) + 2;
            for (index, (key, value)) in group.items.iter().enumerate() {
                if index > 0 {
                    width += 2;
                }
                if let Some(key) = key {
                    width += key.chars().count() + 2;
                }
                if width > budget {
                    return None;
                }
                width += flat_width(value, budget - width)?;
            }
            width
        }
    };
    (width <= budget).then_some(width)
}

fn write_flat(out: &mut String, piece: &Piece) {
    match piece.shown() {
        Shown::Atom(text) => out.push_str(text),
        Shown::Wrapped(inner) => {
            out.push_str("Some(");
            write_flat(out, inner);
            out.push(')');
        }
        Shown::Group(group) => {
            if let Some(name) = &group.name {
                out.push_str(name);
            }
            out.push(group.open);
            for (index, (key, value)) in group.items.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                write_key(out, key.as_deref());
                write_flat(out, value);
            }
            out.push(group.close);
        }
    }
}

fn write_key(out: &mut String, key: Option<&str>) {
    if let Some(key) = key {
        out.push_str(key);
        out.push_str(": ");
    }
}

fn push_indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str(INDENT);
    }
}

/// The column `out` has reached on its last line.
fn column(out: &str) -> usize {
    out.rsplit('\n')
        .next()
        .map_or(0, |line| line.chars().count())
}

/// Writes `piece` where `out` stands, at indent `level` (its inner lines one deeper), at
/// `depth` from the top (0 and 1 are always one part per line), with `trailer` characters to
/// follow it on its closing line.
fn write_piece(
    out: &mut String,
    piece: &Piece,
    level: usize,
    depth: usize,
    trailer: usize,
    is_hung: bool,
) {
    let group = match piece.shown() {
        Shown::Group(group) => group,
        Shown::Atom(_) => return write_flat(out, piece),
        Shown::Wrapped(inner) => {
            out.push_str("Some(");
            write_piece(out, inner, level, depth, trailer + 1, is_hung);
            out.push(')');
            return;
        }
    };
    if group.items.is_empty() {
        return write_flat(out, piece);
    }
    let is_forced = depth < 2;
    if !is_forced {
        // A group opened at the end of its parent's line is not a record of its own: the line
        // is its parent's.
        let limit = if is_hung { WIDTH } else { line_limit(group) };
        let room = limit.saturating_sub(column(out) + trailer);
        if flat_width(piece, room).is_some() {
            return write_flat(out, piece);
        }
        if try_hang(out, group, level, depth, trailer) {
            return;
        }
        if group.open == '[' && group.items.iter().all(|(_, item)| is_atom(item)) {
            return write_filled(out, group, level);
        }
    }
    if let Some(name) = &group.name {
        out.push_str(name);
    }
    out.push(group.open);
    for (key, value) in &group.items {
        out.push('\n');
        push_indent(out, level + 1);
        write_key(out, key.as_deref());
        write_piece(out, value, level + 1, depth + 1, 1, false);
        out.push(',');
    }
    out.push('\n');
    push_indent(out, level);
    out.push(group.close);
}

/// How wide a group's line may be: [`RECORD_WIDTH`] for a record, else [`WIDTH`].
fn line_limit(group: &Group) -> usize {
    if is_record(group) {
        RECORD_WIDTH
    } else {
        WIDTH
    }
}

/// A record is what people keep on one line even when it runs long: atoms, and lists, tuples or
/// variants of atoms (an agent, a rule, a mock, a path, a map of variables), or a list of one
/// record (`mocks: [(...)]`). A group with fields inside (a node's `kind`) is not.
fn is_record(group: &Group) -> bool {
    if let ([(None, only)], '[') = (group.items.as_slice(), group.open)
        && let Shown::Group(inner) = only.shown()
    {
        return is_record(inner);
    }
    group.items.iter().all(|(_, item)| match item.shown() {
        Shown::Atom(_) => true,
        Shown::Wrapped(inner) => is_atom(inner),
        Shown::Group(inner) => inner
            .items
            .iter()
            .all(|(key, item)| key.is_none() && is_atom(item)),
    })
}

fn is_atom(piece: &Piece) -> bool {
    matches!(piece.shown(), Shown::Atom(_))
}

/// A list of atoms too long for one line: as many atoms per line as fit.
fn write_filled(out: &mut String, group: &Group, level: usize) {
    out.push(group.open);
    let mut at_line_start = true;
    for (_, item) in &group.items {
        let width = flat_width(item, usize::MAX).unwrap_or(0);
        if !at_line_start && column(out) + 1 + width + 1 > WIDTH {
            out.push(',');
            at_line_start = true;
        } else if !at_line_start {
            out.push_str(", ");
        }
        if at_line_start {
            out.push('\n');
            push_indent(out, level + 1);
            at_line_start = false;
        }
        write_flat(out, item);
    }
    out.push_str(",\n");
    push_indent(out, level);
    out.push(group.close);
}

/// The first parts on the opening line and the last one opened there, when the last is a
/// block and the rest fits; false (and nothing written) otherwise.
fn try_hang(out: &mut String, group: &Group, level: usize, depth: usize, trailer: usize) -> bool {
    let Some(((last_key, last), first)) = group.items.split_last() else {
        return false;
    };
    // Fields hang their last one, and so does a variant around one value (`Options([`); a
    // list never does: its items are one per line.
    let is_keyed = group.items.iter().all(|(key, _)| key.is_some());
    let is_wrapper = group.name.is_some() && first.is_empty();
    if !(is_keyed || is_wrapper) || !is_block(last) {
        return false;
    }
    let mut head = String::new();
    if let Some(name) = &group.name {
        head.push_str(name);
    }
    head.push(group.open);
    for (key, value) in first {
        let room = WIDTH.saturating_sub(column(out) + head.chars().count());
        if flat_width(value, room).is_none() {
            return false;
        }
        write_key(&mut head, key.as_deref());
        write_flat(&mut head, value);
        head.push_str(", ");
    }
    write_key(&mut head, last_key.as_deref());
    if column(out) + head.chars().count() + 1 > WIDTH {
        return false;
    }
    out.push_str(&head);
    write_piece(out, last, level, depth + 1, trailer + 1, true);
    out.push(group.close);
    true
}

/// A group worth opening at the end of a line: fields, entries, or a list of groups.
fn is_block(piece: &Piece) -> bool {
    let Shown::Group(group) = piece.shown() else {
        return false;
    };
    match group.items.as_slice() {
        [] => false,
        // A newtype variant (`Options([..])`): its content decides.
        [(None, only)] if group.name.is_some() => is_block(only),
        items => items
            .iter()
            .any(|(key, value)| key.is_some() || matches!(value.shown(), Shown::Group(_))),
    }
}

#[cfg(test)]
mod tests;
