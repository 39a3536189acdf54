//! The team as runs read it: the flow's team (or an edited one) with its schedules parsed, its
//! departments' members in id order, and the platform API's answers about each agent built once
//! per state. Immutable and shared by every run of a batch; a run keeps only what changes (see
//! `world.rs`).

use std::sync::OnceLock;

use crate::flow::{AgentStatus, Team};

use super::hours::Hours;
use super::text::SharedStr;

/// The team a program was compiled with, its schedules parsed. Runs share it until a trainer
/// swaps in an edited team.
#[derive(Clone, Debug)]
pub(crate) struct TeamData {
    pub(crate) team: Team,
    pub(crate) hours: Vec<Hours>,
    /// `team.api_base` without blanks and trailing `/`, as the platform API matches urls.
    pub(crate) api_base: String,
    /// Each department named by an agent, with its agents' indices in id order.
    pub(crate) members: Vec<(String, Vec<usize>)>,
    /// Each agent's id and name to show, shared by the events that name them.
    pub(crate) labels: Vec<(SharedStr, SharedStr)>,
    /// The platform API's `GET /agents/{id}` answer per agent, status and availability (a pure
    /// function of them), built on first use and shared by every run of the team.
    agent_answers: Vec<[OnceLock<AgentAnswer>; 6]>,
}

/// A `GET /agents/{id}` answer: its body and its parsed JSON.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct AgentAnswer {
    pub(crate) body: SharedStr,
    pub(crate) json: serde_json::Value,
}

impl PartialEq for TeamData {
    /// Two team data are equal when their teams are (the answers are derived from them).
    fn eq(&self, other: &Self) -> bool {
        self.team == other.team
    }
}

impl TeamData {
    pub(crate) fn new(team: &Team) -> TeamData {
        let mut by_id: Vec<usize> = (0..team.agents.len()).collect();
        by_id.sort_by(|&a, &b| {
            let id = |index: usize| team.agents.get(index).map_or("", |agent| agent.id.as_str());
            id(a).cmp(id(b))
        });
        let mut members: Vec<(String, Vec<usize>)> = Vec::new();
        for &index in &by_id {
            let departments = team
                .agents
                .get(index)
                .map_or(&[][..], |agent| &agent.departments);
            for department in departments {
                let department = department.trim();
                match members.iter_mut().find(|(name, _)| name == department) {
                    Some((_, agents)) if agents.last() != Some(&index) => agents.push(index),
                    Some(_) => {}
                    None => members.push((department.to_owned(), vec![index])),
                }
            }
        }
        TeamData {
            team: team.clone(),
            hours: team.schedules.iter().map(Hours::parse).collect(),
            api_base: team.api_base.trim().trim_end_matches('/').to_owned(),
            members,
            labels: team
                .agents
                .iter()
                .map(|agent| (agent.id.as_str().into(), agent.display_name().into()))
                .collect(),
            agent_answers: team.agents.iter().map(|_| Default::default()).collect(),
        }
    }

    /// The platform API's answer about agent `index` in this status and availability.
    pub(crate) fn agent_answer(
        &self,
        index: usize,
        status: AgentStatus,
        available: bool,
    ) -> Option<&AgentAnswer> {
        let agent = self.team.agents.get(index)?;
        let slot = self
            .agent_answers
            .get(index)?
            .get(status as usize * 2 + usize::from(available))?;
        Some(slot.get_or_init(|| {
            let json = serde_json::json!({
                "id": agent.id,
                "name": agent.name,
                "status": status.as_str(),
                "departments": agent.departments,
                "available": available,
            });
            AgentAnswer {
                body: serde_json::to_string(&json).unwrap_or_default().into(),
                json,
            }
        }))
    }

    /// The department's agents in id order (an agent listing it twice counts once).
    pub(crate) fn members(&self, department: &str) -> &[usize] {
        self.members
            .iter()
            .find(|(name, _)| name == department.trim())
            .map_or(&[], |(_, agents)| agents)
    }

    pub(crate) fn agent_index(&self, id: &str) -> Option<usize> {
        self.team.agents.iter().position(|agent| agent.id == id)
    }
}
