//! `bad-url`: a Request url that is not an absolute http(s) URL with a host once
//! `{{team.api_base}}` is expanded and every other reference holds `sample`; also the team's
//! `api_base` itself (flow-level, `team.api_base`).
//!
//! - Why: the platform calls the url as written; a missing scheme, a space or a bad host fails
//!   every call, and the simulator's mocks never match it.
//! - Example: `url: "api.huggy.app/v3/agents"`, `url: "{{base}}/x"` (the check cannot know
//!   what `base` holds), `api_base: "https//api"`.
//! - Mend: start the url with `https://`, `http://` or `{{team.api_base}}`; write `%20` for a
//!   space; mend the team's api base.
//!
//! A url may have no space, control character or `<>"{}\` `` ` ``; the host is letters, digits,
//! `-`, `_` and dots (or an IPv6 address in brackets); a port is 1 to 65535.

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::samples::{url_problem, url_sample};
use crate::check::sink::Sink;
use crate::flow::NodeKind;
use crate::template::{Part, Template};

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let team = &index.flow.team;
    let base = team.api_base.trim();
    if !base.is_empty()
        && let Some(problem) = url_problem(base)
    {
        sink.flow(
            Severity::Error,
            Code::BadUrl,
            Some("team.api_base".into()),
            "team",
            Args::new().reason("problem", problem),
        );
    }
    for (i, node) in index.flow.nodes.iter().enumerate() {
        let NodeKind::Request { url, .. } = &node.kind else {
            continue;
        };
        if url.trim().is_empty() {
            continue; // empty-field
        }
        if let Some((variant, args)) = url_finding(url, base) {
            sink.node(
                i,
                Severity::Error,
                Code::BadUrl,
                Some("url".into()),
                variant,
                args,
            );
        }
    }
}

fn url_finding(url: &str, base: &str) -> Option<(&'static str, Args)> {
    let template = Template::parse(url);
    let uses_base = template.names().any(|name| name == "team.api_base");
    if uses_base && base.is_empty() {
        return Some(("api-base-empty", Args::new()));
    }
    let sample = url_sample(&template, base);
    let problem = url_problem(&sample)?;
    let starts_unknown = match template.parts().first() {
        Some(Part::Var { name, .. }) => (name != "team.api_base").then_some(name.as_str()),
        _ => None,
    };
    Some(if let Some(name) = starts_unknown {
        ("starts-unknown", Args::new().text("name", name))
    } else if uses_base && url_problem(base).is_some() {
        ("api-base-bad", Args::new().text("base", base))
    } else {
        (
            "",
            Args::new()
                .text("sample", sample)
                .reason("problem", problem),
        )
    })
}
