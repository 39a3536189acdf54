//! Who gets a LiveChat's chat (SPEC.md section 2 "route", docs/decisions.md "LiveChat
//! routing"). Agents "of the department" list it in `departments`; "available" is `Online` and
//! under capacity. The department rule picks the available agent with the fewest active chats,
//! ties broken by id. A named agent (Agent, AgentFromField, LastAgent) who is not available
//! falls back to the department rule. Random draws once among the available agents in id order;
//! Sequential takes the first available agent after the department's cursor, wrapping around,
//! and moves the cursor.

use super::event::AssignedBy;
use super::program::RouteOp;
use super::text::push_u64;
use super::world::World;

/// The routing decision, with its reason in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Routed {
    Agent {
        index: usize,
        by: AssignedBy,
        why: String,
    },
    Nobody {
        why: String,
    },
}

/// Decides who gets the chat. `field_value` is the contact's custom field for AgentFromField.
/// Moves the Sequential cursor and draws from the generator (Random) as the rules say.
pub(crate) fn route(
    world: &mut World,
    route: &RouteOp,
    department: &str,
    field_value: Option<&str>,
) -> Routed {
    match route {
        RouteOp::Department => by_department(world, department, "", AssignedBy::Route),
        RouteOp::Agent(id) => named(world, department, id, &format!("the route names {id}")),
        RouteOp::AgentFromField(key, _) => match field_value.map(str::trim) {
            Some(id) if !id.is_empty() => named(
                world,
                department,
                id,
                &format!("contact.custom.{key} names {id}"),
            ),
            _ => by_department(
                world,
                department,
                &format!("contact.custom.{key} is empty; "),
                AssignedBy::Fallback,
            ),
        },
        RouteOp::LastAgent => {
            let last = world.contact.last_agent.clone();
            if world.is_tainted(super::vars::Var::ContactLastAgent) {
                world.dirty = true;
            }
            if last.is_empty() {
                by_department(
                    world,
                    department,
                    "the contact has no last agent; ",
                    AssignedBy::Fallback,
                )
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
        RouteOp::Sequential => sequential(world, department),
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

/// The department rule; `prefix` says why it was used (empty for the Department route).
fn by_department(world: &World, department: &str, prefix: &str, by: AssignedBy) -> Routed {
    // Members come in id order and `min_by_key` keeps the first of equals: ties go by id.
    let best = members(world, department)
        .filter(|&index| world.is_available(index))
        .min_by_key(|&index| active(world, index));
    match best {
        Some(index) => {
            let id = id_of(world, index);
            let mut why = String::with_capacity(prefix.len() + department.len() + id.len() + 48);
            for piece in [prefix, "department ", department, ": ", id] {
                why.push_str(piece);
            }
            why.push_str(" has the fewest active chats (");
            push_u64(&mut why, u64::from(active(world, index)));
            why.push(')');
            Routed::Agent { index, by, why }
        }
        None => Routed::Nobody {
            why: format!("{prefix}{}", nobody_in(world, department)),
        },
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

/// A named agent when available (even outside the department), else the department rule.
fn named(world: &World, department: &str, id: &str, reason: &str) -> Routed {
    match world.team.agent_index(id) {
        Some(index) if world.is_available(index) => Routed::Agent {
            index,
            by: AssignedBy::Route,
            why: format!("{reason}: {}", world.availability(index)),
        },
        Some(index) => by_department(
            world,
            department,
            &format!("{reason}, but {}; fallback to ", world.availability(index)),
            AssignedBy::Fallback,
        ),
        None => by_department(
            world,
            department,
            &format!("{reason}, but `{id}` is not in the team; fallback to "),
            AssignedBy::Fallback,
        ),
    }
}

fn random(world: &mut World, department: &str) -> Routed {
    let candidates: Vec<usize> = members(world, department)
        .filter(|&index| world.is_available(index))
        .collect();
    if candidates.is_empty() {
        return Routed::Nobody {
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
    }
}

fn sequential(world: &mut World, department: &str) -> Routed {
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
        .map(|step| order[(start + step) % count])
        .find(|&index| world.is_available(index));
    let Some(index) = picked else {
        return Routed::Nobody {
            why: nobody_in(world, department),
        };
    };
    let id = id_of(world, index).to_owned();
    let after = match &cursor {
        Some(last) => format!("the next available after {last}"),
        None => "the first available".to_owned(),
    };
    world.cursors.insert(department.to_owned(), id.clone());
    Routed::Agent {
        index,
        by: AssignedBy::Route,
        why: format!("sequential in {department}: {id} is {after} in id order"),
    }
}
