//! `unknown-field`: a field the loader did not know and ignored (only [`check_loaded`]: `fluxo
//! check` and the editor, which know how the file was read).
//!
//! - Why: a typo such as `timout_ms` leaves the real field at its default, silently; the
//!   field is dropped on the next save.
//! - Example: `Request(url: "...", timout_ms: 3000)`; a top-level `colour: "blue"`.
//! - Mend: check its spelling against SPEC.md, or remove it.
//!
//! The loader names the field by its path (`nodes.2.kind.Request.timout_ms`); a field inside a
//! node becomes a finding on that node (`consulta`, field `timout_ms`), any other a flow-level
//! finding with the path as written in the file (`scenarios[0].expect.x`).
//!
//! [`check_loaded`]: crate::check::check_loaded

use crate::check::finding::{Args, Code, Severity};
use crate::check::sink::Sink;
use crate::flow::{Flow, KindTag};

/// One `unknown-field` warning for a path as the loader reports it (dot-separated, numbers for
/// list items, `?` for an optional value).
pub(crate) fn check(flow: &Flow, path: &str, sink: &mut Sink<'_>) {
    let parts: Vec<&str> = path.split('.').filter(|part| *part != "?").collect();
    let name = parts.last().copied().unwrap_or(path);
    let node = match parts.as_slice() {
        ["nodes", number, ..] => number
            .parse::<usize>()
            .ok()
            .filter(|&index| index < flow.nodes.len()),
        _ => None,
    };
    let Some(node) = node else {
        let field = readable_path(&parts);
        sink.flow(
            Severity::Warning,
            Code::UnknownField,
            Some(field.clone()),
            "",
            Args::new().text("name", name).text("path", field),
        );
        return;
    };
    // `nodes.2.kind.timout_ms` (or `nodes.2.kind.Request.timout_ms`): the field inside the node.
    let mut inner: &[&str] = parts.get(2..).unwrap_or(&[]);
    if let ["kind", rest @ ..] = inner
        && !rest.is_empty()
    {
        inner = rest;
        if let [tag, rest @ ..] = inner
            && !rest.is_empty()
            && KindTag::ALL.iter().any(|kind| kind.as_str() == *tag)
        {
            inner = rest;
        }
    }
    let mut args = Args::new().text("name", name);
    if let Some(node) = flow.nodes.get(node) {
        args = args.kind("kind", node.kind.tag());
    }
    sink.node(
        node,
        Severity::Warning,
        Code::UnknownField,
        Some(readable_path(inner)),
        "node",
        args,
    );
}

/// `["scenarios", "0", "expect", "x"]` as `scenarios[0].expect.x`.
fn readable_path(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        if part.bytes().all(|b| b.is_ascii_digit()) && !part.is_empty() && !out.is_empty() {
            out.push('[');
            out.push_str(part);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::readable_path;

    #[test]
    fn paths_read_well() {
        assert_eq!(
            readable_path(&["scenarios", "0", "expect", "x"]),
            "scenarios[0].expect.x"
        );
        assert_eq!(
            readable_path(&["team", "agents", "1", "nome"]),
            "team.agents[1].nome"
        );
    }
}
