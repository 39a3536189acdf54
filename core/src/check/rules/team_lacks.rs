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
use crate::flow::{FieldKind, NodeKind, Route};

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let team = &index.team;
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
                if let Some(reason) = team.lacks_department(queue) {
                    found.push(lacks(Code::UnknownDepartment, "queue", reason));
                }
            }
            NodeKind::LiveChat {
                department, route, ..
            } => {
                if let Some(reason) = team.lacks_department(department) {
                    found.push(lacks(Code::UnknownDepartment, "department", reason));
                }
                match route {
                    Route::Agent(id) if !id.trim().is_empty() && !team.has_agent(id) => {
                        found.push(lacks(Code::UnknownAgent, "route", team.lacks_agent(id)));
                    }
                    Route::AgentFromField(key) if !key.trim().is_empty() => {
                        match team.custom_field(key) {
                            None => found.push(lacks(
                                Code::UnknownCustomField,
                                "route",
                                team.lacks_custom_field(key),
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
                if !schedule.trim().is_empty() && !team.has_schedule(schedule) =>
            {
                found.push(lacks(
                    Code::UnknownSchedule,
                    "schedule",
                    team.lacks_schedule(schedule),
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
                            team.lacks_custom_field(field),
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
                Some(read.path()),
                "",
                Args::new().reason("problem", team.lacks_custom_field(key)),
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
