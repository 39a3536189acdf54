//! What a simulated day reports (SPEC.md section 10), as data with the JSON keys `fluxo load
//! --format json` prints. Times are seconds, shares 0 to 1; a share or a mean with nothing to
//! divide by is `null`.

use serde::Serialize;

use crate::flow::{AgentStatus, EndReason};

use super::problems::LoadProblem;

/// The whole day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LoadReport {
    /// The flow's name.
    pub flow: String,
    /// When the day started (RFC 3339) and how many hours it lasted.
    pub start: String,
    pub hours: u32,
    pub seed: u64,
    /// The rate of each hour, chats per hour.
    pub arrivals_per_hour: Vec<f64>,
    pub handle_time_s: f64,
    pub patience_s: f64,
    pub service_level_s: f64,
    /// Chats that arrived.
    pub chats: u64,
    /// Chats the bot handed to a human (an agent, a department, a line).
    pub to_human: u64,
    /// Chats whose flow ended without a human.
    pub bot_only: u64,
    /// Chats still in the bot part when the day ended (a time-out or a delay past the end).
    pub in_bot_at_close: u64,
    /// Per department: the team's, in its order, then any other a chat opened for ("" is a
    /// chat for no department: the `Unassigned` route, a transfer through the platform API).
    pub departments: Vec<DepartmentLoad>,
    /// Per agent, in the team's order.
    pub agents: Vec<AgentLoad>,
    /// How the bot-only chats ended, by reason and node, most first.
    pub bot_ends: Vec<BotEndCount>,
    /// Chats per scenario drawn, in the mix's order.
    pub scenarios: Vec<ScenarioCount>,
    /// Per hour of the day.
    pub hourly: Vec<HourLoad>,
    /// What was wrong with the plan and was run around.
    pub warnings: Vec<LoadProblem>,
    /// Set when the day was cut short (see [`EarlyStop`]); figures then cover the day up to
    /// that moment.
    pub stopped_early: Option<EarlyStop>,
}

/// One department's day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DepartmentLoad {
    pub department: String,
    /// Chats that opened for the department (taken at once or put in its line).
    pub offered: u64,
    /// Chats an agent took.
    pub answered: u64,
    /// Chats whose contact left the line (patience ran out).
    pub abandoned: u64,
    /// Chats that left the line when the handoff's `wait_timeout_s` ran out (the flow went on
    /// by `timeout`).
    pub timed_out: u64,
    /// Chats still in the line when the day ended.
    pub still_waiting: u64,
    /// Chats answered within `service_level_s`, of those answered, abandoned or timed out.
    pub service_level: Option<f64>,
    /// The share of answered chats that waited at all.
    pub waited_share: Option<f64>,
    /// The wait of the answered chats (0 for a chat taken at once).
    pub mean_wait_s: Option<f64>,
    pub p90_wait_s: Option<f64>,
    pub longest_wait_s: Option<f64>,
    /// The most chats in the line at once.
    pub longest_line: u64,
    /// How long the answered chats waited, in the buckets of [`WAIT_BUCKETS_S`] (for the Load
    /// tab's chart of the wait distribution): the chats of each bucket sum to `answered`.
    pub wait_histogram: Vec<WaitBucket>,
}

/// The upper bounds of the wait histogram's buckets, in seconds: taken at once, then up to 15 s,
/// 30 s, 1, 2, 5, 10 and 30 minutes; a last bucket holds the longer waits.
pub const WAIT_BUCKETS_S: [f64; 8] = [0.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0];

/// Answered chats that waited at most `up_to_s` (and more than the bucket before); `None` is
/// the last bucket, longer than the last bound.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WaitBucket {
    pub up_to_s: Option<f64>,
    pub chats: u64,
}

/// One agent's day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgentLoad {
    pub agent: String,
    pub name: String,
    pub status: AgentStatus,
    pub capacity: u32,
    /// Chats the agent took.
    pub handled: u64,
    /// Chats in hand, on average over the day.
    pub mean_active_chats: f64,
    /// `mean_active_chats` against capacity; with no limit (capacity 0), the share of the day
    /// with at least one chat.
    pub occupancy: f64,
}

/// Bot-only chats that ended one way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BotEndCount {
    pub reason: EndReason,
    pub node: Option<String>,
    pub chats: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScenarioCount {
    /// "" for the empty scenario a flow without scenarios runs.
    pub scenario: String,
    pub chats: u64,
}

/// One hour of the day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HourLoad {
    /// 0-based.
    pub hour: u32,
    /// Local time the hour starts, `HH:MM`, at the start's offset.
    pub from: String,
    pub arrivals: u64,
    /// Chats that opened for a department in the hour.
    pub to_human: u64,
    pub answered: u64,
    pub abandoned: u64,
    /// Chats in the lines, on average over the hour, and at most.
    pub chats_waiting: f64,
    pub chats_waiting_max: u64,
    /// Agents with at least one chat, on average over the hour.
    pub agents_busy: f64,
}

/// Why a day stopped before its end.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum EarlyStop {
    /// The chats' bot parts took more steps than the day allows (a flow that loops).
    StepBudget { at_s: f64, steps: u64 },
    /// More chats arrived than the day allows.
    ChatCap { at_s: f64, chats: u64 },
}
