//! The variable names a flow reads or sets, numbered, with what each one is: classified and
//! validated once per name, not once per read.

use crate::check::interner::Interner;
use crate::check::variables::{Name, classify};
use crate::template::is_valid_name;

/// What a name is, without the borrowed key of [`Name::Custom`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Tracked,
    Custom,
    Given,
    Unknown,
}

/// How many bytes `contact.custom.` takes: a [`Class::Custom`] name's key follows.
const CUSTOM_PREFIX: usize = "contact.custom.".len();

/// The names, numbered in the order they are first read or set. See the module documentation.
#[derive(Default)]
pub(crate) struct Names {
    texts: Interner,
    classes: Vec<Class>,
    /// Whether the name could be written in a template (`is_valid_name`).
    is_valid: Vec<bool>,
    is_read: Vec<bool>,
    is_set: Vec<bool>,
}

impl Names {
    /// Room for about `names` names without growing.
    pub(crate) fn with_capacity(names: usize) -> Self {
        Self {
            texts: Interner::with_capacity(names, names * 16),
            classes: Vec::with_capacity(names),
            is_valid: Vec::with_capacity(names),
            is_read: Vec::with_capacity(names),
            is_set: Vec::with_capacity(names),
        }
    }

    /// The number of a name some node reads.
    pub(crate) fn read(&mut self, name: &str) -> u32 {
        let id = self.number(name);
        set_flag(&mut self.is_read, id);
        id
    }

    /// The number of a name some node sets.
    pub(crate) fn set(&mut self, name: &str) -> u32 {
        let id = self.number(name);
        set_flag(&mut self.is_set, id);
        id
    }

    fn number(&mut self, name: &str) -> u32 {
        let (id, is_new) = self.texts.intern(name);
        if is_new {
            self.classes.push(match classify(name) {
                Name::Tracked => Class::Tracked,
                Name::Custom(_) => Class::Custom,
                Name::Given => Class::Given,
                Name::Unknown => Class::Unknown,
            });
            self.is_valid.push(is_valid_name(name));
            self.is_read.push(false);
            self.is_set.push(false);
        }
        id
    }

    /// Adds the names of `other` (with their marks) and says what each of its numbers became.
    pub(crate) fn absorb(&mut self, other: &Names) -> Vec<u32> {
        (0..other.texts.len())
            .map(|k| {
                let k = u32::try_from(k).unwrap_or(u32::MAX);
                let id = self.number(other.text(k));
                if other.is_read(k) {
                    set_flag(&mut self.is_read, id);
                }
                if other.is_set(k) {
                    set_flag(&mut self.is_set, id);
                }
                id
            })
            .collect()
    }

    /// The number of a name read or set, if some node reads or sets it.
    pub(crate) fn id(&self, name: &str) -> Option<u32> {
        self.texts.get(name)
    }

    /// How many names (read or set).
    pub(crate) fn len(&self) -> usize {
        self.texts.len()
    }

    pub(crate) fn text(&self, id: u32) -> &str {
        self.texts.text(id)
    }

    /// What name number `id` is.
    pub(crate) fn kind(&self, id: u32) -> Name<'_> {
        match self.classes.get(id as usize) {
            Some(Class::Tracked) => Name::Tracked,
            Some(Class::Given) => Name::Given,
            Some(Class::Custom) => Name::Custom(self.text(id).get(CUSTOM_PREFIX..).unwrap_or("")),
            Some(Class::Unknown) | None => Name::Unknown,
        }
    }

    /// Whether a template could name it (a rule's `var` may not be such a name).
    pub(crate) fn is_valid(&self, id: u32) -> bool {
        flag(&self.is_valid, id)
    }

    pub(crate) fn is_read(&self, id: u32) -> bool {
        flag(&self.is_read, id)
    }

    /// Whether some node of the flow sets it.
    pub(crate) fn is_set(&self, id: u32) -> bool {
        flag(&self.is_set, id)
    }

    /// The flow variables (no dot) some node sets, sorted: what a suggestion may offer.
    pub(crate) fn flow_variables_set(&self) -> Vec<&str> {
        let mut names: Vec<&str> = (0..self.texts.len())
            .filter_map(|k| u32::try_from(k).ok())
            .filter(|&k| self.is_set(k))
            .map(|k| self.text(k))
            .filter(|name| !name.contains('.'))
            .collect();
        names.sort_unstable();
        names
    }
}

fn flag(flags: &[bool], id: u32) -> bool {
    flags.get(id as usize).copied().unwrap_or(false)
}

fn set_flag(flags: &mut [bool], id: u32) {
    if let Some(flag) = flags.get_mut(id as usize) {
        *flag = true;
    }
}
