//! `unknown-department`, `unknown-agent`, `unknown-schedule`, `unknown-custom-field` and
//! `wrong-field-kind`: a node names what the mocked team does not have.
//!
//! - Why: the flow is designed for this team; a Queue for a department it lacks, a route to an
//!   agent it lacks or a schedule it lacks ends the run `Error` or routes nowhere, and a custom
//!   field it lacks is always empty. `AgentFromField` needs a field of kind Agent: any other
//!   kind does not hold an agent's id.
//! - Example: `Queue(queue: "atendimento")` when the team has `Atendimento`;
//!   `{{contact.custom.plano}}` without a `plano` field.
//! - Mend: pick one of the team's names (the finding suggests a near one), or add it to the team.
//!
//! Names compare exactly (case and blanks count), as the simulator compares them. Scenarios
//! naming what the team lacks are `bad-scenario` (see `bad_scenario`), with the same reasons.

use crate::check::finding::{Args, Code, Reason, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::names::Name;
use crate::check::sink::Sink;
use crate::check::suggest::did_you_mean;
use crate::flow::{FieldKind, NodeKind, Route, Team};

/// Names of the team listed in a finding.
const NAMES_SHOWN: usize = 8;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let team = &index.flow.team;
    for (i, node) in index.flow.nodes.iter().enumerate() {
        let mut push = |code: Code, field: String, variant: &'static str, args: Args| {
            sink.node(i, Severity::Error, code, Some(field), variant, args);
        };
        let lacks = |code: Code, field: &str, reason: Reason| {
            (
                code,
                field.to_owned(),
                "",
                Args::new().reason("problem", reason),
            )
        };
        let mut found = Vec::new();
        match &node.kind {
            NodeKind::Queue { queue, .. } => {
                if let Some(reason) = lacks_department(team, queue) {
                    found.push(lacks(Code::UnknownDepartment, "queue", reason));
                }
            }
            NodeKind::LiveChat {
                department, route, ..
            } => {
                if let Some(reason) = lacks_department(team, department) {
                    found.push(lacks(Code::UnknownDepartment, "department", reason));
                }
                match route {
                    Route::Agent(id) if !id.trim().is_empty() && team.agent(id).is_none() => {
                        found.push(lacks(Code::UnknownAgent, "route", lacks_agent(team, id)));
                    }
                    Route::AgentFromField(key) if !key.trim().is_empty() => {
                        match team.custom_field(key) {
                            None => found.push(lacks(
                                Code::UnknownCustomField,
                                "route",
                                lacks_custom_field(team, key),
                            )),
                            Some(field) if field.kind != FieldKind::Agent => found.push((
                                Code::WrongFieldKind,
                                "route".to_owned(),
                                "",
                                Args::new()
                                    .text("key", key)
                                    .text("field_kind", field_kind(field.kind)),
                            )),
                            Some(_) => {}
                        }
                    }
                    _ => {}
                }
            }
            NodeKind::BusinessHours { schedule }
                if !schedule.trim().is_empty() && team.schedule(schedule).is_none() =>
            {
                found.push(lacks(
                    Code::UnknownSchedule,
                    "schedule",
                    lacks_schedule(team, schedule),
                ));
            }
            NodeKind::SetVariable { set } => {
                for key in set.keys() {
                    if let Some(field) = key.strip_prefix("contact.custom.")
                        && !field.is_empty()
                        && team.custom_field(field).is_none()
                    {
                        found.push(lacks(
                            Code::UnknownCustomField,
                            &format!("set.{key}"),
                            lacks_custom_field(team, field),
                        ));
                    }
                }
            }
            _ => {}
        }
        for (code, field, variant, args) in found {
            push(code, field, variant, args);
        }
    }
    for read in &index.reads {
        if let Name::Custom(key) = index.names.kind(read.name_id)
            && team.custom_field(key).is_none()
        {
            sink.node(
                read.node,
                Severity::Error,
                Code::UnknownCustomField,
                Some(read.path(index.flow)),
                "",
                Args::new().reason("problem", lacks_custom_field(team, key)),
            );
        }
    }
}

/// `Text`, `Number`...: the kind as the file writes it.
fn field_kind(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Text => "Text",
        FieldKind::Number => "Number",
        FieldKind::Date => "Date",
        FieldKind::Boolean => "Boolean",
        FieldKind::Agent => "Agent",
    }
}

/// The team lacks `what` called `name`: the name, a near one, and the team's names of that kind.
fn lacks<'s>(
    what: &'static str,
    name: &str,
    names: impl Iterator<Item = &'s str> + Clone,
) -> Reason {
    Reason::new(
        "team-lacks",
        what,
        Args::new()
            .text("name", name)
            .suggestion("suggestion", did_you_mean(name, names.clone()))
            .list("names", names, NAMES_SHOWN),
    )
}

/// Why the team lacks `department`, if it does (an empty name is `empty-field`'s).
pub(crate) fn lacks_department(team: &Team, department: &str) -> Option<Reason> {
    if department.trim().is_empty() || team.has_department(department) {
        return None;
    }
    Some(lacks(
        "department",
        department,
        team.departments.iter().map(String::as_str),
    ))
}

/// The team lacks an agent with this id.
pub(crate) fn lacks_agent(team: &Team, id: &str) -> Reason {
    lacks(
        "agent",
        id,
        team.agents.iter().map(|agent| agent.id.as_str()),
    )
}

/// The team lacks a custom field with this key.
pub(crate) fn lacks_custom_field(team: &Team, key: &str) -> Reason {
    lacks(
        "custom-field",
        key,
        team.custom_fields.iter().map(|field| field.key.as_str()),
    )
}

fn lacks_schedule(team: &Team, name: &str) -> Reason {
    lacks(
        "schedule",
        name,
        team.schedules.iter().map(|schedule| schedule.name.as_str()),
    )
}
