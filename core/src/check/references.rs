//! Names a node gives that the team must have: departments (Queue, LiveChat), agents
//! (`Route::Agent`), schedules (BusinessHours) and contact custom fields (`contact.custom.KEY`
//! read or set, `Route::AgentFromField`, which also needs a field of kind Agent). [`node`] runs
//! from the pass that indexes the node; [`reads`] on the reads that pass collected.

use crate::flow::{FieldKind, Node, NodeKind, Route, Team};

use super::index::{FlowIndex, number};
use super::variables::Name;
use super::{Code, Severity, Sink, did_you_mean, is_blank, quote_list};

/// The names node `i` gives (run from the pass that indexes the node).
pub(crate) fn node(team: &Team, i: usize, node: &Node, sink: &mut Sink<'_>) {
    match &node.kind {
        NodeKind::Queue { queue, .. } => {
            if let Some(message) = department_problem(team, queue) {
                sink.node(
                    i,
                    Severity::Error,
                    Code::UnknownDepartment,
                    Some("queue".into()),
                    message,
                );
            }
        }
        NodeKind::LiveChat {
            department, route, ..
        } => {
            if let Some(message) = department_problem(team, department) {
                sink.node(
                    i,
                    Severity::Error,
                    Code::UnknownDepartment,
                    Some("department".into()),
                    message,
                );
            }
            route_names(team, i, route, sink);
        }
        NodeKind::BusinessHours { schedule }
            if !is_blank(schedule) && team.schedule(schedule).is_none() =>
        {
            let names = team.schedules.iter().map(|s| s.name.as_str());
            sink.node(
                i,
                Severity::Error,
                Code::UnknownSchedule,
                Some("schedule".into()),
                format!(
                    "the team has no schedule `{schedule}`{}: {}",
                    did_you_mean(schedule, names.clone()),
                    pick_or_add(names, "schedules"),
                ),
            );
        }
        NodeKind::SetVariable { set } => {
            for key in set.keys() {
                if let Some(field) = key.strip_prefix("contact.custom.")
                    && !field.is_empty()
                    && team.custom_field(field).is_none()
                {
                    sink.node(
                        i,
                        Severity::Error,
                        Code::UnknownCustomField,
                        Some(format!("set.{key}")),
                        unknown_custom_field(team, field),
                    );
                }
            }
        }
        _ => {}
    }
}

/// `contact.custom.KEY` read by a template or a rule, when the team has no field KEY. Decided
/// once per name; the reads are walked only when some name is unknown.
pub(crate) fn reads(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let team = &index.flow.team;
    let names = &index.names;
    let unknown: Vec<bool> = (0..names.len())
        .map(|k| match names.kind(number(k)) {
            Name::Custom(key) => names.is_read(number(k)) && team.custom_field(key).is_none(),
            _ => false,
        })
        .collect();
    if !unknown.contains(&true) {
        return;
    }
    for read in &index.reads {
        if !unknown.get(read.name_id as usize).copied().unwrap_or(false) {
            continue;
        }
        let Name::Custom(key) = names.kind(read.name_id) else {
            continue;
        };
        sink.node(
            read.node(),
            Severity::Error,
            Code::UnknownCustomField,
            Some(read.path(index.flow)),
            unknown_custom_field(team, key),
        );
    }
}

fn route_names(team: &Team, node: usize, route: &Route, sink: &mut Sink<'_>) {
    match route {
        Route::Agent(id) if !is_blank(id) && team.agent(id).is_none() => {
            sink.node(
                node,
                Severity::Error,
                Code::UnknownAgent,
                Some("route".into()),
                unknown_agent(team, id),
            );
        }
        Route::AgentFromField(key) if !is_blank(key) => match team.custom_field(key) {
            None => sink.node(
                node,
                Severity::Error,
                Code::UnknownCustomField,
                Some("route".into()),
                unknown_custom_field(team, key),
            ),
            Some(field) if field.kind != FieldKind::Agent => sink.node(
                node,
                Severity::Error,
                Code::WrongFieldKind,
                Some("route".into()),
                format!(
                    "`{key}` is a {:?} field, but AgentFromField routes by a field that holds an agent's id: make it of kind Agent in the team, or pick another field",
                    field.kind
                ),
            ),
            Some(_) => {}
        },
        _ => {}
    }
}

/// The message when `department` is named but the team lacks it.
pub(crate) fn department_problem(team: &Team, department: &str) -> Option<String> {
    if is_blank(department) || team.has_department(department) {
        return None;
    }
    let names = team.departments.iter().map(String::as_str);
    Some(format!(
        "the team has no department `{department}`{}: {}",
        did_you_mean(department, names.clone()),
        pick_or_add(names, "departments"),
    ))
}

/// The message when an agent id is named but the team lacks it.
pub(crate) fn unknown_agent(team: &Team, id: &str) -> String {
    let ids = team.agents.iter().map(|agent| agent.id.as_str());
    format!(
        "the team has no agent with the id `{id}`{}: {}",
        did_you_mean(id, ids.clone()),
        pick_or_add(ids, "agents"),
    )
}

/// The message when a custom field key is named but the team lacks it.
pub(crate) fn unknown_custom_field(team: &Team, key: &str) -> String {
    let keys = team.custom_fields.iter().map(|field| field.key.as_str());
    format!(
        "the team has no contact custom field `{key}`{}: {}",
        did_you_mean(key, keys.clone()),
        pick_or_add(keys, "custom fields"),
    )
}

fn pick_or_add<'s>(names: impl Iterator<Item = &'s str>, what: &str) -> String {
    let names: Vec<&str> = names.collect();
    if names.is_empty() {
        format!("the team has no {what} yet; add it to the team")
    } else {
        format!(
            "pick one of {}, or add it to the team's {what}",
            quote_list(names, 8)
        )
    }
}

#[cfg(test)]
mod tests;
