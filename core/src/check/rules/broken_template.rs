//! `broken-template`: a `{{` or `<?` that makes no reference: no closing mark after it, or no
//! variable name inside (`{{ two words }}`).
//!
//! - Why: the text is sent to the contact as written, braces and all.
//! - Example: `text: "Olá {{nome, tudo bem?"`.
//! - Mend: write `{{ name }}` (or `<? $name ?>`), or remove the mark.

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;
use crate::template::{PartRef, scan_parts};

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    for (node, field) in &index.broken {
        let mut opener = None;
        scan_parts(field.text, |part| {
            if let PartRef::Broken(span) = part
                && opener.is_none()
            {
                opener = field.text.get(span);
            }
        });
        let opener = opener.unwrap_or("{{");
        let close = if opener == "<?" { "?>" } else { "}}" };
        sink.node(
            *node,
            Severity::Warning,
            Code::BrokenTemplate,
            Some(field.path()),
            "",
            Args::new().text("opener", opener).text("close", close),
        );
    }
}
