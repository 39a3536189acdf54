//! Names a node gives that the team must have: departments (Queue, LiveChat), agents
//! (`Route::Agent`), schedules (BusinessHours) and contact custom fields (`contact.custom.KEY`
//! read or set, `Route::AgentFromField`, which also needs a field of kind Agent).

use crate::flow::{FieldKind, NodeKind, Route, Team};

use super::index::FlowIndex;
use super::variables::Name;
use super::{Code, Severity, Sink, did_you_mean, quote_list};

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let team = &index.flow.team;
    for (i, node) in index.flow.nodes.iter().enumerate() {
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
                if !schedule.trim().is_empty() && team.schedule(schedule).is_none() =>
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
    for read in &index.reads {
        if let Name::Custom(key) = index.names.kind(read.name_id)
            && team.custom_field(key).is_none()
        {
            sink.node(
                read.node(),
                Severity::Error,
                Code::UnknownCustomField,
                Some(read.path(index.flow)),
                unknown_custom_field(team, key),
            );
        }
    }
}

fn route_names(team: &Team, node: usize, route: &Route, sink: &mut Sink<'_>) {
    match route {
        Route::Agent(id) if !id.trim().is_empty() && team.agent(id).is_none() => {
            sink.node(
                node,
                Severity::Error,
                Code::UnknownAgent,
                Some("route".into()),
                unknown_agent(team, id),
            );
        }
        Route::AgentFromField(key) if !key.trim().is_empty() => match team.custom_field(key) {
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
    if department.trim().is_empty() || team.has_department(department) {
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
