//! Variable names resolved once, when a flow is compiled for running.
//!
//! Every name a flow mentions (in a template, a rule, a `save_as`, a `set` key...) becomes a
//! [`Var`]: a built-in (`contact.name`, `now.date`, `secret.NAME`...) or a numbered slot in the
//! run's variable table (flow variables, `http.status`, `live_chat.status`, `contact.custom.KEY`).
//! A step therefore never looks a name up by its text, and templates are parsed once.

use std::collections::HashMap;

use crate::template::{Part, Template};

use super::text::SharedStr;

/// Where a variable's value lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Var {
    /// A slot of the run's variable table (flow variables and every other settable name).
    Slot(u32),
    ContactName,
    ContactPhone,
    ContactEmail,
    ContactChannel,
    ContactLastAgent,
    ChatId,
    ChatProtocol,
    TeamApiBase,
    NowDate,
    NowTime,
    NowWeekday,
    NowHour,
    /// `secret.NAME`: index into the program's secret names.
    Secret(u32),
    /// A name the compiled flow never mentions (a scenario's template or expectation): no value.
    Absent,
}

/// A variable a node sets, with its name shared (events name it without allocating).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct VarRef {
    pub(crate) var: Var,
    pub(crate) name: SharedStr,
}

/// The names built into every run, by their dotted name.
fn builtin(name: &str) -> Option<Var> {
    Some(match name {
        "contact.name" => Var::ContactName,
        "contact.phone" => Var::ContactPhone,
        "contact.email" => Var::ContactEmail,
        "contact.channel" => Var::ContactChannel,
        "contact.last_agent" => Var::ContactLastAgent,
        "chat.id" => Var::ChatId,
        "chat.protocol" => Var::ChatProtocol,
        "team.api_base" => Var::TeamApiBase,
        "now.date" => Var::NowDate,
        "now.time" => Var::NowTime,
        "now.weekday" => Var::NowWeekday,
        "now.hour" => Var::NowHour,
        _ => return None,
    })
}

/// The prefix of secret names.
pub(crate) const SECRET_PREFIX: &str = "secret.";

/// The registry of names a compiled flow uses: slots and secrets, numbered in order of first use.
#[derive(Clone, Debug, Default)]
pub(crate) struct Names {
    slots: Vec<Box<str>>,
    slot_of: HashMap<Box<str>, u32>,
    secrets: Vec<Box<str>>,
    secret_of: HashMap<Box<str>, u32>,
    shared: HashMap<Box<str>, SharedStr>,
    /// Each template source compiled so far: a flow repeats the same texts in many nodes, and
    /// they share one template and its memo slot.
    templates: HashMap<Box<str>, CTemplate>,
    memo_count: u32,
}

impl Names {
    /// The variable for `name`, giving it a slot (or a secret number) if it has none yet.
    pub(crate) fn register(&mut self, name: &str) -> Var {
        let name = name.trim();
        if let Some(var) = builtin(name) {
            return var;
        }
        if let Some(secret) = name.strip_prefix(SECRET_PREFIX) {
            return Var::Secret(intern(&mut self.secrets, &mut self.secret_of, secret));
        }
        Var::Slot(intern(&mut self.slots, &mut self.slot_of, name))
    }

    /// The variable for `name`, registered, with its name shared.
    pub(crate) fn register_ref(&mut self, name: &str) -> VarRef {
        let var = self.register(name);
        let name = name.trim();
        let shared = if let Some(shared) = self.shared.get(name) {
            shared.clone()
        } else {
            let shared = SharedStr::from(name);
            self.shared.insert(name.into(), shared.clone());
            shared
        };
        VarRef { var, name: shared }
    }

    /// The variable for `name` without registering it: a name the flow never mentions is
    /// [`Var::Absent`].
    pub(crate) fn find(&self, name: &str) -> Var {
        let name = name.trim();
        if let Some(var) = builtin(name) {
            return var;
        }
        if let Some(secret) = name.strip_prefix(SECRET_PREFIX) {
            return self
                .secret_of
                .get(secret)
                .map_or(Var::Absent, |&index| Var::Secret(index));
        }
        self.slot_of
            .get(name)
            .map_or(Var::Absent, |&index| Var::Slot(index))
    }

    pub(crate) fn slot_count(&self) -> usize {
        self.slots.len()
    }

    pub(crate) fn slot_name(&self, slot: u32) -> &str {
        self.slots.get(slot as usize).map_or("", |name| name)
    }

    pub(crate) fn secret_names(&self) -> &[Box<str>] {
        &self.secrets
    }

    /// Parses `source` once, registering every name it reads. A template that must be expanded
    /// at each run (it reads a variable and is not that variable alone) gets a memo slot, shared
    /// by every template of the same source.
    pub(crate) fn template(&mut self, source: &str) -> CTemplate {
        if let Some(template) = self.templates.get(source) {
            return template.clone();
        }
        let mut template = compile_template(source, |name| self.register(name));
        if template.plain.is_none() && !matches!(&*template.parts, [CPart::Var(..)]) {
            template.memo = self.memo_count;
            self.memo_count = self.memo_count.saturating_add(1);
        }
        self.templates.insert(source.into(), template.clone());
        template
    }

    /// How many memo slots the templates have (see [`CTemplate::memo`]).
    pub(crate) fn memo_count(&self) -> usize {
        self.memo_count as usize
    }

    /// Parses `source` once, resolving names without registering them (scenario templates).
    pub(crate) fn template_found(&self, source: &str) -> CTemplate {
        compile_template(source, |name| self.find(name))
    }
}

fn intern(list: &mut Vec<Box<str>>, index: &mut HashMap<Box<str>, u32>, name: &str) -> u32 {
    if let Some(&found) = index.get(name) {
        return found;
    }
    let next = u32::try_from(list.len()).unwrap_or(u32::MAX);
    list.push(name.into());
    index.insert(name.into(), next);
    next
}

/// One piece of a compiled template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CPart {
    Text(Box<str>),
    /// A reference: where its value lives, and its name for warnings.
    Var(Var, Box<str>),
}

/// A template parsed once, its names resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CTemplate {
    parts: Box<[CPart]>,
    /// The text, shared, when the template reads no variable: rendering it costs nothing.
    plain: Option<SharedStr>,
    /// Where a run keeps this template's last expansion ([`NO_MEMO`] for none): an expansion
    /// equal to the last one shares it instead of allocating a copy.
    memo: u32,
}

/// The memo slot of a template that has none.
pub(crate) const NO_MEMO: u32 = u32::MAX;

impl Default for CTemplate {
    fn default() -> Self {
        CTemplate {
            parts: Box::default(),
            plain: None,
            memo: NO_MEMO,
        }
    }
}

impl CTemplate {
    pub(crate) fn parts(&self) -> &[CPart] {
        &self.parts
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The text when the template reads no variable.
    pub(crate) fn plain_text(&self) -> Option<&str> {
        self.plain.as_ref().map(SharedStr::as_str)
    }

    /// The text, shared, when the template reads no variable.
    pub(crate) fn plain(&self) -> Option<&SharedStr> {
        self.plain.as_ref()
    }

    /// The memo slot of the template's last expansion in a run ([`NO_MEMO`] for none).
    pub(crate) fn memo(&self) -> usize {
        self.memo as usize
    }
}

fn compile_template(source: &str, mut resolve: impl FnMut(&str) -> Var) -> CTemplate {
    let template = Template::parse(source);
    let mut parts: Vec<CPart> = Vec::with_capacity(template.parts().len());
    for part in template.parts() {
        match part {
            Part::Text(span) | Part::Broken(span) => {
                let text = source.get(span.clone()).unwrap_or("");
                if let Some(CPart::Text(last)) = parts.last_mut() {
                    let mut joined = String::from(std::mem::take(last));
                    joined.push_str(text);
                    *last = joined.into();
                } else if !text.is_empty() {
                    parts.push(CPart::Text(text.into()));
                }
            }
            Part::Var { name, .. } => parts.push(CPart::Var(resolve(name), name.as_str().into())),
        }
    }
    let plain = match &parts[..] {
        [] => Some(SharedStr::from("")),
        [CPart::Text(text)] => Some(SharedStr::from(&**text)),
        _ => None,
    };
    CTemplate {
        parts: parts.into(),
        plain,
        memo: NO_MEMO,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_to_builtins_slots_and_secrets() {
        let mut names = Names::default();
        assert_eq!(names.register("contact.name"), Var::ContactName);
        assert_eq!(names.register("now.hour"), Var::NowHour);
        assert_eq!(names.register("protocolo"), Var::Slot(0));
        assert_eq!(names.register("contact.custom.plano"), Var::Slot(1));
        assert_eq!(names.register(" protocolo "), Var::Slot(0));
        assert_eq!(names.register("secret.api_token"), Var::Secret(0));
        assert_eq!(names.find("nunca"), Var::Absent);
        assert_eq!(names.find("secret.outro"), Var::Absent);
        assert_eq!(names.find("contact.custom.plano"), Var::Slot(1));
        assert_eq!(names.slot_name(1), "contact.custom.plano");
    }

    #[test]
    fn templates_compile_once() {
        let mut names = Names::default();
        let template = names.template("Olá {{ contact.name }}, <? $protocolo ?>!");
        assert_eq!(
            template.parts(),
            [
                CPart::Text("Olá ".into()),
                CPart::Var(Var::ContactName, "contact.name".into()),
                CPart::Text(", ".into()),
                CPart::Var(Var::Slot(0), "protocolo".into()),
                CPart::Text("!".into()),
            ]
        );
        assert_eq!(names.template("só texto").plain_text(), Some("só texto"));
        assert_eq!(names.template("").plain_text(), Some(""));
        let found = names.template_found("{{desconhecido}} {{protocolo}}");
        assert_eq!(
            found.parts()[0],
            CPart::Var(Var::Absent, "desconhecido".into())
        );
        assert_eq!(names.find("desconhecido"), Var::Absent, "not registered");
        // A broken opener stays text, joined with its neighbours.
        assert_eq!(names.template("a {{ b").plain_text(), Some("a {{ b"));
    }
}
