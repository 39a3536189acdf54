//! The mocked account a flow is designed for: agents, departments, custom fields, schedules and
//! queue counts. The checks validate names against it and the simulator routes chats through it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Whether an agent can take chats. Only `Online` agents under capacity are available.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum AgentStatus {
    #[default]
    Online,
    Away,
    Offline,
}

impl AgentStatus {
    pub const ALL: [AgentStatus; 3] =
        [AgentStatus::Online, AgentStatus::Away, AgentStatus::Offline];

    /// The word the platform API uses: `online`, `away`, `offline`.
    pub fn as_str(self) -> &'static str {
        match self {
            AgentStatus::Online => "online",
            AgentStatus::Away => "away",
            AgentStatus::Offline => "offline",
        }
    }
}

/// A human who can take chats.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agent {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<String>,
    /// Defaults to `Online`: an agent written without a status is at work.
    #[serde(default)]
    pub status: AgentStatus,
    /// Most chats at once; 0 means no limit.
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    pub capacity: u32,
    /// Chats the agent is already in.
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    pub active_chats: u32,
}

impl Agent {
    /// Online and under capacity (capacity 0 = no limit).
    pub fn is_available(&self) -> bool {
        self.status == AgentStatus::Online
            && (self.capacity == 0 || self.active_chats < self.capacity)
    }

    /// The name to show: the name, or the id when the name is empty.
    pub fn display_name(&self) -> &str {
        if self.name.is_empty() {
            &self.id
        } else {
            &self.name
        }
    }
}

/// How a department gives its chats to agents by itself (Huggy's and Chatwoot's automatic
/// distribution). A department without one assigns nobody: its chats open for the department and
/// any available agent of it may take them (seed 004).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AutoAssign {
    /// The available agent with the fewest active chats; ties go by id.
    LeastBusy,
    /// The next available agent after the department's Sequential cursor, in id order (and the
    /// cursor moves).
    RoundRobin,
}

impl AutoAssign {
    pub const ALL: [AutoAssign; 2] = [AutoAssign::LeastBusy, AutoAssign::RoundRobin];

    pub fn as_str(self) -> &'static str {
        match self {
            AutoAssign::LeastBusy => "LeastBusy",
            AutoAssign::RoundRobin => "RoundRobin",
        }
    }
}

/// The kind of a contact custom field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FieldKind {
    #[default]
    Text,
    Number,
    Date,
    Boolean,
    /// Holds an agent id ("Gerente de Contas"): what `AgentFromField` routes by.
    Agent,
}

impl FieldKind {
    pub const ALL: [FieldKind; 5] = [
        FieldKind::Text,
        FieldKind::Number,
        FieldKind::Date,
        FieldKind::Boolean,
        FieldKind::Agent,
    ];
}

/// A custom field of the account's contacts (`contact.custom.KEY`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomField {
    pub key: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default)]
    pub kind: FieldKind,
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// Monday is 0.
    pub fn index(self) -> usize {
        self as usize
    }

    /// From a Monday-based index, modulo 7.
    pub fn from_index(index: usize) -> Weekday {
        Weekday::ALL[index % 7]
    }

    /// The English three-letter name (`Mon`), as in files and `now.weekday`.
    pub fn as_str(self) -> &'static str {
        match self {
            Weekday::Mon => "Mon",
            Weekday::Tue => "Tue",
            Weekday::Wed => "Wed",
            Weekday::Thu => "Thu",
            Weekday::Fri => "Fri",
            Weekday::Sat => "Sat",
            Weekday::Sun => "Sun",
        }
    }
}

/// Opening hours on some days: `open` to `close` as `HH:MM` local to the schedule.
///
/// Open includes the `open` minute and excludes the `close` minute (open 08:00 to 18:00 is closed
/// at 18:00). `close` may be `24:00`; a `close` earlier than `open` runs past midnight into the
/// next day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklyHours {
    #[serde(default)]
    pub days: Vec<Weekday>,
    #[serde(default)]
    pub open: String,
    #[serde(default)]
    pub close: String,
}

/// "Expediente": when the team works.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub name: String,
    /// Offset of the schedule's local time from UTC, in minutes (Brasília: -180).
    #[serde(default)]
    pub utc_offset_min: i32,
    #[serde(default)]
    pub weekly: Vec<WeeklyHours>,
    /// Whole days closed, `YYYY-MM-DD` in the schedule's local time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<String>,
}

/// The mocked account.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    /// Base URL of the platform's own API, answered by the simulator from this team.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub api_base: String,
    #[serde(default)]
    pub departments: Vec<String>,
    #[serde(default)]
    pub agents: Vec<Agent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<Schedule>,
    /// Chats already waiting in each department's queue.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub waiting: BTreeMap<String, u32>,
    /// Departments that assign their chats automatically, and how. Others assign nobody.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub auto_assign: BTreeMap<String, AutoAssign>,
}

impl Team {
    pub fn agent(&self, id: &str) -> Option<&Agent> {
        self.agents.iter().find(|agent| agent.id == id)
    }

    pub fn has_department(&self, name: &str) -> bool {
        self.departments.iter().any(|department| department == name)
    }

    pub fn custom_field(&self, key: &str) -> Option<&CustomField> {
        self.custom_fields.iter().find(|field| field.key == key)
    }

    pub fn schedule(&self, name: &str) -> Option<&Schedule> {
        self.schedules.iter().find(|schedule| schedule.name == name)
    }
}

// serde's `skip_serializing_if` hands a reference to the field.
#[allow(clippy::trivially_copy_pass_by_ref)]
pub(crate) fn is_zero_u32(value: &u32) -> bool {
    *value == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn availability() {
        let mut agent = Agent {
            id: "ana".into(),
            capacity: 2,
            active_chats: 1,
            ..Agent::default()
        };
        assert!(agent.is_available());
        agent.active_chats = 2;
        assert!(!agent.is_available(), "at capacity");
        agent.capacity = 0;
        assert!(agent.is_available(), "capacity 0 is no limit");
        agent.status = AgentStatus::Away;
        assert!(!agent.is_available());
    }
}
