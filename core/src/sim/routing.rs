//! Who gets a LiveChat's chat (SPEC.md section 2 "route", docs/decisions.md "LiveChat
//! routing"). Agents "of the department" list it in `departments`; "available" is `Online` and
//! under capacity.
//!
//! A chat that goes to a department (the `Department` route, and every fallback to it) is
//! assigned to nobody unless the team's `auto_assign` says the department assigns automatically:
//! it opens for the department and its available agents may take it (seed 004); with nobody
//! available it waits. `LeastBusy` picks the available agent with the fewest active chats (ties
//! by id); `RoundRobin` the next available one after the department's Sequential cursor, and
//! moves it. `Unassigned` opens the chat for anyone: every available agent of the team may take
//! it. A named agent (Agent, AgentFromField, LastAgent) who is not available falls back to the
//! department. Random draws once among the department's available agents in id order;
//! Sequential takes the first available agent after the department's cursor, wrapping around,
//! and moves the cursor.

use crate::flow::AutoAssign;

use super::event::{AssignedBy, Candidate, Fallback};
use super::program::RouteOp;
use super::text::{SharedStr, push_u64};
use super::world::World;

/// The routing decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Routed {
    /// An agent gets the chat. `department` is what the chat was opened for: the department
    /// when it went there (and was assigned automatically), "" when the route named the agent.
    Agent {
        index: usize,
        by: AssignedBy,
        why: String,
        department: SharedStr,
    },
    /// The chat opens without an agent for `department` ("" = for anyone) and these agents
    /// (indices, in id order; never empty) may take it.
    Open {
        department: SharedStr,
        fallback: Option<Fallback>,
        candidates: Vec<usize>,
    },
    /// Nobody who may take the chat is available: it waits, open for `department`.
    Nobody { department: SharedStr, why: String },
}

/// Decides who gets the chat. `field_value` is the contact's custom field for AgentFromField.
/// Moves the Sequential cursor and draws from the generator (Random) as the rules say.
pub(crate) fn route(
    world: &mut World,
    route: &RouteOp,
    department: &SharedStr,
    field_value: Option<&str>,
) -> Routed {
    match route {
        RouteOp::Department => to_department(world, department, None),
        RouteOp::Unassigned => to_anyone(world),
        RouteOp::Agent(id) => named(world, department, id, &format!("the route names {id}")),
        RouteOp::AgentFromField(key, _) => match field_value.map(str::trim) {
            Some(id) if !id.is_empty() => named(
                world,
                department,
                id,
                &format!("contact.custom.{key} names {id}"),
            ),
            _ => to_department(
                world,
                department,
                Some(Fallback::EmptyField {
                    key: key.as_str().into(),
                }),
            ),
        },
        RouteOp::LastAgent => {
            let last = world.contact.last_agent.clone();
            if world.is_tainted(super::vars::Var::ContactLastAgent) {
                world.dirty = true;
            }
            if last.is_empty() {
                to_department(world, department, Some(Fallback::NoLastAgent))
            } else {
                named(
                    world,
                    department,
                    &last,
                    &format!("{last} served the contact last"),
                )
            }
        }
        RouteOp::Random => random(world, department),
        RouteOp::Sequential => match sequential(world, department) {
            Ok((index, why)) => Routed::Agent {
                index,
                by: AssignedBy::Route,
                why: format!("sequential in {department}: {why}"),
                department: SharedStr::default(),
            },
            Err(why) => Routed::Nobody {
                department: department.clone(),
                why,
            },
        },
    }
}

/// Indices of the department's agents, in id order.
fn members<'a>(world: &'a World, department: &str) -> impl Iterator<Item = usize> + 'a {
    world.team.members(department).iter().copied()
}

fn id_of(world: &World, index: usize) -> &str {
    world
        .team
        .team
        .agents
        .get(index)
        .map_or("", |agent| agent.id.as_str())
}

fn active(world: &World, index: usize) -> u32 {
    world
        .agents
        .get(index)
        .map_or(0, |state| state.active_chats)
}

/// Agent `index` as a candidate for a chat opened without an agent.
pub(crate) fn candidate(world: &World, index: usize) -> Candidate {
    let (agent, name) = world.team.labels.get(index).cloned().unwrap_or_default();
    Candidate {
        agent,
        name,
        active_chats: active(world, index),
        capacity: world
            .team
            .team
            .agents
            .get(index)
            .map_or(0, |agent| agent.capacity),
    }
}

/// The chat goes to the department: assigned when the department assigns automatically, else
/// opened for it. `fallback` says why the route's own agent did not get it (none for the
/// Department route).
fn to_department(world: &mut World, department: &SharedStr, fallback: Option<Fallback>) -> Routed {
    let by = if fallback.is_some() {
        AssignedBy::Fallback
    } else {
        AssignedBy::Route
    };
    let prefix = match &fallback {
        Some(fallback) => format!("{fallback}; fallback to "),
        None => String::new(),
    };
    let auto = world
        .team
        .team
        .auto_assign
        .get(department.as_str())
        .copied();
    let picked = match auto {
        Some(AutoAssign::LeastBusy) => least_busy(world, department),
        Some(AutoAssign::RoundRobin) => sequential(world, department).ok(),
        None => {
            let candidates: Vec<usize> = members(world, department)
                .filter(|&index| world.is_available(index))
                .collect();
            if candidates.is_empty() {
                return Routed::Nobody {
                    department: department.clone(),
                    why: format!("{prefix}{}", nobody_in(world, department)),
                };
            }
            return Routed::Open {
                department: department.clone(),
                fallback,
                candidates,
            };
        }
    };
    match (picked, auto) {
        (Some((index, reason)), Some(auto)) => {
            let mut why = String::with_capacity(prefix.len() + department.len() + 64);
            for piece in [
                &prefix,
                "department ",
                department,
                " assigns automatically (",
            ] {
                why.push_str(piece);
            }
            why.push_str(auto.as_str());
            why.push_str("): ");
            why.push_str(&reason);
            Routed::Agent {
                index,
                by,
                why,
                department: department.clone(),
            }
        }
        _ => Routed::Nobody {
            department: department.clone(),
            why: format!("{prefix}{}", nobody_in(world, department)),
        },
    }
}

/// The available agent of the department with the fewest active chats, ties by id, and why.
fn least_busy(world: &World, department: &str) -> Option<(usize, String)> {
    // Members come in id order and `min_by_key` keeps the first of equals: ties go by id.
    let index = members(world, department)
        .filter(|&index| world.is_available(index))
        .min_by_key(|&index| active(world, index))?;
    let id = id_of(world, index);
    let mut why = String::with_capacity(id.len() + 40);
    why.push_str(id);
    why.push_str(" has the fewest active chats (");
    push_u64(&mut why, u64::from(active(world, index)));
    why.push(')');
    Some((index, why))
}

/// The Unassigned route: open for anyone; every available agent of the team may take it.
fn to_anyone(world: &World) -> Routed {
    let mut candidates: Vec<usize> = (0..world.agents.len())
        .filter(|&index| world.is_available(index))
        .collect();
    candidates.sort_by(|&a, &b| id_of(world, a).cmp(id_of(world, b)));
    if candidates.is_empty() {
        let states: Vec<String> = (0..world.agents.len())
            .map(|index| world.availability(index))
            .collect();
        let why = if states.is_empty() {
            "the team has no agents".to_owned()
        } else {
            format!("nobody in the team is available ({})", states.join("; "))
        };
        return Routed::Nobody {
            department: SharedStr::default(),
            why,
        };
    }
    Routed::Open {
        department: SharedStr::default(),
        fallback: None,
        candidates,
    }
}

/// Why nobody of the department is available: each member's state, or that it has none.
fn nobody_in(world: &World, department: &str) -> String {
    let states: Vec<String> = members(world, department)
        .map(|index| world.availability(index))
        .collect();
    if states.is_empty() {
        return format!("department {department} has no agents");
    }
    format!(
        "nobody of {department} is available ({})",
        states.join("; ")
    )
}

/// A named agent when available (even outside the department), else the department.
fn named(world: &mut World, department: &SharedStr, id: &str, reason: &str) -> Routed {
    match world.team.agent_index(id) {
        Some(index) if world.is_available(index) => Routed::Agent {
            index,
            by: AssignedBy::Route,
            why: format!("{reason}: {}", world.availability(index)),
            department: SharedStr::default(),
        },
        Some(index) => {
            let (agent, _) = world.team.labels.get(index).cloned().unwrap_or_default();
            let fallback = Fallback::Unavailable {
                agent,
                status: world
                    .agents
                    .get(index)
                    .map(|state| state.status)
                    .unwrap_or_default(),
                active_chats: active(world, index),
                capacity: world
                    .team
                    .team
                    .agents
                    .get(index)
                    .map_or(0, |agent| agent.capacity),
            };
            to_department(world, department, Some(fallback))
        }
        None => to_department(
            world,
            department,
            Some(Fallback::NotInTeam { agent: id.into() }),
        ),
    }
}

fn random(world: &mut World, department: &SharedStr) -> Routed {
    let candidates: Vec<usize> = members(world, department)
        .filter(|&index| world.is_available(index))
        .collect();
    if candidates.is_empty() {
        return Routed::Nobody {
            department: department.clone(),
            why: nobody_in(world, department),
        };
    }
    let draw = world.rng.below(candidates.len());
    let index = candidates[draw.min(candidates.len() - 1)];
    Routed::Agent {
        index,
        by: AssignedBy::Route,
        why: format!(
            "random draw {} of {} available agents of {department} (seeded)",
            draw + 1,
            candidates.len()
        ),
        department: SharedStr::default(),
    }
}

/// The first available agent of the department after its cursor, in id order and wrapping
/// around; moves the cursor. Err: why nobody is available.
fn sequential(world: &mut World, department: &str) -> Result<(usize, String), String> {
    let order: Vec<usize> = members(world, department).collect();
    let cursor = world.cursors.get(department).cloned();
    let start = cursor.as_deref().map_or(0, |last| {
        order
            .iter()
            .position(|&index| id_of(world, index) > last)
            .unwrap_or(0)
    });
    let count = order.len();
    let picked = (0..count)
        .filter_map(|step| order.get((start + step) % count).copied())
        .find(|&index| world.is_available(index));
    let Some(index) = picked else {
        return Err(nobody_in(world, department));
    };
    let id = id_of(world, index).to_owned();
    let after = match &cursor {
        Some(last) => format!("the next available after {last}"),
        None => "the first available".to_owned(),
    };
    world.cursors.insert(department.to_owned(), id.clone());
    Ok((index, format!("{id} is {after} in id order")))
}
