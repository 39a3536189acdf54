//! The mocked team as the rules read it: its names in sets, built once per check (the team's own
//! lookups walk its lists, and a flow can name the team thousands of times), and the reason a
//! name the team lacks is wrong (`team-lacks.*`), with the team's names and a near name (for the
//! first hundred such findings of a check: each search reads up to a thousand names).

use std::cell::Cell;
use std::collections::{HashMap, HashSet};

use crate::flow::{Agent, CustomField, Team};

use super::finding::{Arg, Args, Names, Reason};
use super::suggest::did_you_mean;

/// Names of the team listed in a finding.
const NAMES_SHOWN: usize = 8;
/// Candidates a suggestion is looked for among (the first of a list): each costs an edit
/// distance, and a finding about a huge team stays cheap.
const CANDIDATES: usize = 1_000;
/// Findings that get a suggestion in one check (the first, in the rules' order).
const SUGGESTIONS: usize = 100;

/// One kind of name of the team, in order and as a set.
#[derive(Default)]
struct NameList<'a> {
    names: Vec<&'a str>,
    set: HashSet<&'a str>,
}

impl<'a> NameList<'a> {
    fn new(names: impl Iterator<Item = &'a str>) -> Self {
        let names: Vec<&str> = names.collect();
        let set = names.iter().copied().collect();
        NameList { names, set }
    }

    fn has(&self, name: &str) -> bool {
        self.set.contains(name)
    }

    /// Why the team lacks `what` called `name`: the name, a near one (while `suggestions` last),
    /// and some of the names.
    fn lacks(&self, what: &'static str, name: &str, suggestions: &Cell<usize>) -> Reason {
        let shown = self.names.get(..NAMES_SHOWN).unwrap_or(&self.names);
        let near = match suggestions.get() {
            0 => None,
            left => {
                suggestions.set(left - 1);
                did_you_mean(name, self.names.iter().take(CANDIDATES).copied())
            }
        };
        Reason::new(
            "team-lacks",
            what,
            Args::new()
                .text("name", name)
                .suggestion("suggestion", near)
                .with(
                    "names",
                    Arg::List(Names {
                        shown: shown.iter().map(|name| (*name).to_owned()).collect(),
                        more: self.names.len() - shown.len(),
                    }),
                ),
        )
    }
}

/// The team, indexed. See the module documentation.
pub(crate) struct TeamIndex<'a> {
    departments: NameList<'a>,
    agents: NameList<'a>,
    fields: NameList<'a>,
    schedules: NameList<'a>,
    /// The first custom field with each key.
    field_of: HashMap<&'a str, &'a CustomField>,
    /// Suggestions left for this check.
    suggestions: Cell<usize>,
}

impl<'a> TeamIndex<'a> {
    pub(crate) fn new(team: &'a Team) -> Self {
        let mut field_of = HashMap::with_capacity(team.custom_fields.len());
        for field in &team.custom_fields {
            field_of.entry(field.key.as_str()).or_insert(field);
        }
        TeamIndex {
            departments: NameList::new(team.departments.iter().map(String::as_str)),
            agents: NameList::new(team.agents.iter().map(|agent: &Agent| agent.id.as_str())),
            fields: NameList::new(team.custom_fields.iter().map(|field| field.key.as_str())),
            schedules: NameList::new(team.schedules.iter().map(|schedule| schedule.name.as_str())),
            field_of,
            suggestions: Cell::new(SUGGESTIONS),
        }
    }

    pub(crate) fn has_department(&self, name: &str) -> bool {
        self.departments.has(name)
    }

    pub(crate) fn has_agent(&self, id: &str) -> bool {
        self.agents.has(id)
    }

    pub(crate) fn has_schedule(&self, name: &str) -> bool {
        self.schedules.has(name)
    }

    /// The custom field with this key (the first, when keys repeat).
    pub(crate) fn custom_field(&self, key: &str) -> Option<&'a CustomField> {
        self.field_of.get(key).copied()
    }

    /// Why the team lacks `department`, if it does (an empty name is `empty-field`'s).
    pub(crate) fn lacks_department(&self, department: &str) -> Option<Reason> {
        if department.trim().is_empty() || self.has_department(department) {
            return None;
        }
        Some(
            self.departments
                .lacks("department", department, &self.suggestions),
        )
    }

    /// The team lacks an agent with this id.
    pub(crate) fn lacks_agent(&self, id: &str) -> Reason {
        self.agents.lacks("agent", id, &self.suggestions)
    }

    /// The team lacks a custom field with this key.
    pub(crate) fn lacks_custom_field(&self, key: &str) -> Reason {
        self.fields.lacks("custom-field", key, &self.suggestions)
    }

    /// The team lacks a schedule of this name.
    pub(crate) fn lacks_schedule(&self, name: &str) -> Reason {
        self.schedules.lacks("schedule", name, &self.suggestions)
    }
}
