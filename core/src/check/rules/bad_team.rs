//! `bad-team`: the mocked team contradicts itself. Flow-level: the field is a path from the top
//! of the file (`team.agents[2].id`).
//!
//! - Why: routes, queues and scenarios find agents, departments and custom fields by name; a
//!   name that is empty or listed twice reaches only the first, and an agent in a department the
//!   team lacks is never routed there.
//! - Example: two agents with the id `ana`; `waiting: {"Vendas": 3}` without a `Vendas`
//!   department.
//! - Mend: give each its own name, remove the repeat, or add the missing department.

use std::collections::HashSet;

use crate::check::finding::{Args, Code, Severity};
use crate::check::flow_index::FlowIndex;
use crate::check::sink::Sink;

pub(crate) fn check(index: &FlowIndex<'_>, sink: &mut Sink<'_>) {
    let team = &index.flow.team;
    let mut bad = |field: String, variant: &'static str, args: Args| {
        sink.flow(Severity::Error, Code::BadTeam, Some(field), variant, args);
    };
    let mut seen = HashSet::new();
    for (i, department) in team.departments.iter().enumerate() {
        let field = format!("team.departments[{i}]");
        if department.trim().is_empty() {
            bad(field, "department-unnamed", Args::new());
        } else if !seen.insert(department.as_str()) {
            bad(
                field,
                "department-twice",
                Args::new().text("name", department),
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, agent) in team.agents.iter().enumerate() {
        let field = format!("team.agents[{i}].id");
        if agent.id.trim().is_empty() {
            bad(field, "agent-unnamed", Args::new());
        } else if !seen.insert(agent.id.as_str()) {
            bad(field, "agent-twice", Args::new().text("id", &agent.id));
        }
        for (j, department) in agent.departments.iter().enumerate() {
            if !index.team.has_department(department) {
                bad(
                    format!("team.agents[{i}].departments[{j}]"),
                    "agent-department",
                    Args::new()
                        .text("id", &agent.id)
                        .text("department", department),
                );
            }
        }
    }
    let mut seen = HashSet::new();
    for (i, field) in team.custom_fields.iter().enumerate() {
        let path = format!("team.custom_fields[{i}].key");
        if field.key.trim().is_empty() {
            bad(path, "field-unnamed", Args::new());
        } else if !seen.insert(field.key.as_str()) {
            bad(path, "field-twice", Args::new().text("key", &field.key));
        }
    }
    for department in team.waiting.keys() {
        if !index.team.has_department(department) {
            bad(
                format!("team.waiting.{department}"),
                "waiting",
                Args::new().text("department", department),
            );
        }
    }
}
