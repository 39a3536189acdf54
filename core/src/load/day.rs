//! The discrete-event simulation of a day: a heap of timed events (a chat arrives, a chat
//! reaches a human, an agent finishes a chat, a contact's patience runs out, a handoff's wait
//! time-out runs out), processed in time order (ties in the order they were scheduled).
//!
//! A chat's bot part is [`Bot::run`] at its arrival, with the team as it is then; where it lands
//! takes effect when the simulated clock reaches that point (the arrival plus the time the bot
//! took). Then the human part, which is the load's own: an agent the route picked takes the chat
//! if still available; a chat that opens for a department goes to the department's least busy
//! available agent (ties by id), else waits in the department's line. An agent who frees up takes
//! the chat that has waited longest in the lines of the departments they belong to (and of the
//! line for no department). A contact leaves when their patience runs out; a handoff with
//! `wait_timeout_s` gives up after it and the chat goes where the flow goes from there.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, VecDeque};

use rustc_hash::FxHashMap;

use crate::flow::{AgentStatus, Flow, NodeKind, Team};
use crate::rng::Rng;
use crate::sim::Cursors;

use super::bot::{Bot, BotRun, Place, Stage};
use super::chance::{self, Stream};
use super::plan::{Day, US_PER_HOUR};
use super::report::EarlyStop;
use super::tally::Tally;

/// The most steps all the chats' bot parts may take in one day (a flow whose every chat loops
/// to the step limit would otherwise take hours): the day stops there.
pub const MAX_DAY_STEPS: u64 = 50_000_000;
/// Arrivals stop past this many chats (a Poisson day of `MAX_CHATS` expected stays well under).
pub const MAX_DAY_CHATS: u64 = super::problems::MAX_CHATS + super::problems::MAX_CHATS / 5;

/// How far a day may go: [`MAX_DAY_STEPS`] and [`MAX_DAY_CHATS`] (smaller in tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Limits {
    pub(crate) steps: u64,
    pub(crate) chats: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            steps: MAX_DAY_STEPS,
            chats: MAX_DAY_CHATS,
        }
    }
}

/// What a chat carries through the day.
#[derive(Clone, Copy, Debug)]
struct Chat {
    id: u64,
    handle_us: u64,
    /// None: never leaves the line.
    patience_us: Option<u64>,
    /// When the contact leaves, fixed the first time they wait for a human.
    leaves_at_us: Option<u64>,
    /// Whether the chat has reached a human yet.
    is_human: bool,
}

enum What {
    Arrival,
    Reach {
        chat: Chat,
        place: Place,
        rest: Vec<Stage>,
    },
    Finish {
        agent: usize,
    },
    Abandon {
        chat: u64,
        token: u64,
    },
    Deadline {
        chat: u64,
        token: u64,
    },
}

struct Timed {
    at_us: u64,
    seq: u64,
    what: What,
}

impl PartialEq for Timed {
    fn eq(&self, other: &Self) -> bool {
        (self.at_us, self.seq) == (other.at_us, other.seq)
    }
}

impl Eq for Timed {}

impl PartialOrd for Timed {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timed {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.at_us, self.seq).cmp(&(other.at_us, other.seq))
    }
}

/// An agent as the day has them.
#[derive(Clone, Debug)]
pub(crate) struct AgentLive {
    pub(crate) is_online: bool,
    pub(crate) capacity: u32,
    pub(crate) active: u32,
    /// The lines the agent takes chats from: their departments' and the line for no department.
    lines: Vec<usize>,
    pub(crate) handled: u64,
    /// Active chats × microseconds, microseconds with a chat, up to `last_us`.
    pub(crate) active_us: u128,
    pub(crate) busy_us: u64,
    last_us: u64,
}

impl AgentLive {
    fn is_available(&self) -> bool {
        self.is_online && (self.capacity == 0 || self.active < self.capacity)
    }

    fn touch(&mut self, now_us: u64) {
        let span = now_us.saturating_sub(self.last_us);
        self.active_us += u128::from(self.active) * u128::from(span);
        if self.active > 0 {
            self.busy_us += span;
        }
        self.last_us = now_us;
    }
}

/// A department's line.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub(crate) name: String,
    /// The agents who may take its chats, in id order.
    members: Vec<usize>,
    /// Chats in order of joining, each with the token of its stay; a chat that left is skipped
    /// when it reaches the front.
    queue: VecDeque<(u64, u64)>,
    pub(crate) length: u64,
}

/// A chat in a line.
struct Waiting {
    line: usize,
    token: u64,
    joined_us: u64,
    chat: Chat,
    /// Where the flow takes the chat if the handoff's wait time-out runs out.
    rest: Vec<Stage>,
}

/// Where the simulation reports how far it got; returns false to stop it.
pub(crate) type Progress<'p> = &'p mut dyn FnMut(u64, u64) -> bool;

/// A day being simulated.
pub(crate) struct Engine<'a> {
    day: &'a Day,
    bot: &'a Bot,
    now_us: u64,
    end_us: u64,
    events: BinaryHeap<Reverse<Timed>>,
    seq: u64,
    pub(crate) agents: Vec<AgentLive>,
    pub(crate) lines: Vec<Line>,
    by_name: FxHashMap<String, usize>,
    anyone: usize,
    waiting: FxHashMap<u64, Waiting>,
    waiting_total: u64,
    busy_agents: u64,
    /// The team as the chats' runs see it (see [`day_team`]).
    team: Team,
    /// The day's scenarios, each run in place with the chat's clock and seed.
    scenarios: Vec<crate::flow::Scenario>,
    cursors: Cursors,
    arrivals: Rng,
    mix: Rng,
    handle: Rng,
    patience: Rng,
    chat_seeds: Rng,
    /// The next arrival is drawn from here on, at this hour's rate.
    arrival_from_us: u64,
    pub(crate) tally: Tally,
    steps: u64,
    limits: Limits,
    pub(crate) stopped: Option<EarlyStop>,
}

impl<'a> Engine<'a> {
    pub(crate) fn new(flow: &Flow, day: &'a Day, bot: &'a Bot, limits: Limits) -> Engine<'a> {
        let team = day_team(flow);
        let mut engine = Engine {
            day,
            bot,
            now_us: 0,
            end_us: day.end_us(),
            events: BinaryHeap::new(),
            seq: 0,
            agents: Vec::new(),
            lines: Vec::new(),
            by_name: FxHashMap::default(),
            anyone: 0,
            waiting: FxHashMap::default(),
            waiting_total: 0,
            busy_agents: 0,
            scenarios: day.scenarios.clone(),
            cursors: Cursors::new(),
            arrivals: chance::stream(day.seed, Stream::Arrivals),
            mix: chance::stream(day.seed, Stream::Mix),
            handle: chance::stream(day.seed, Stream::Handle),
            patience: chance::stream(day.seed, Stream::Patience),
            chat_seeds: chance::stream(day.seed, Stream::ChatSeed),
            arrival_from_us: 0,
            tally: Tally::new(day.hours, day.scenarios.len(), Day::us(day.service_level_s)),
            steps: 0,
            limits,
            stopped: None,
            team,
        };
        engine.build_lines(&flow.team);
        engine
    }

    /// The team's departments in order, those only agents name, then the line for no
    /// department; each with its members in id order.
    fn build_lines(&mut self, team: &Team) {
        let mut by_id: Vec<usize> = (0..team.agents.len()).collect();
        by_id.sort_by(|&a, &b| team.agents[a].id.cmp(&team.agents[b].id));
        let mut names: Vec<String> = team
            .departments
            .iter()
            .map(|name| name.trim().to_owned())
            .collect();
        for agent in &team.agents {
            names.extend(agent.departments.iter().map(|name| name.trim().to_owned()));
        }
        for name in names {
            if !name.is_empty() {
                self.line_of(&name);
            }
        }
        self.anyone = self.line_of("");
        for line in &mut self.lines {
            line.members = by_id
                .iter()
                .copied()
                .filter(|&index| {
                    line.name.is_empty()
                        || team.agents[index]
                            .departments
                            .iter()
                            .any(|name| name.trim() == line.name)
                })
                .collect();
        }
        self.agents = team
            .agents
            .iter()
            .enumerate()
            .map(|(index, agent)| AgentLive {
                is_online: agent.status == AgentStatus::Online,
                capacity: agent.capacity,
                active: 0,
                lines: (0..self.lines.len())
                    .filter(|&line| self.lines[line].members.contains(&index))
                    .collect(),
                handled: 0,
                active_us: 0,
                busy_us: 0,
                last_us: 0,
            })
            .collect();
    }

    /// The line of a department by name, made (with no members) the first time it is named.
    fn line_of(&mut self, name: &str) -> usize {
        let name = name.trim();
        if let Some(&index) = self.by_name.get(name) {
            return index;
        }
        let index = self.lines.len();
        self.lines.push(Line {
            name: name.to_owned(),
            members: Vec::new(),
            queue: VecDeque::new(),
            length: 0,
        });
        self.by_name.insert(name.to_owned(), index);
        index
    }

    fn schedule(&mut self, at_us: u64, what: What) {
        if at_us >= self.end_us {
            return;
        }
        self.seq += 1;
        self.events.push(Reverse(Timed {
            at_us,
            seq: self.seq,
            what,
        }));
    }

    /// Runs the day to its end (or until `progress` says stop: then false).
    pub(crate) fn run(&mut self, progress: Progress<'_>) -> bool {
        self.schedule_next_arrival();
        let mut handled_events: u64 = 0;
        while let Some(Reverse(event)) = self.events.pop() {
            self.tally
                .advance(event.at_us, self.waiting_total, self.busy_agents);
            self.now_us = event.at_us;
            match event.what {
                What::Arrival => self.arrive(),
                What::Reach { chat, place, rest } => self.apply(chat, place, rest),
                What::Finish { agent } => self.finish(agent),
                What::Abandon { chat, token } => self.abandon(chat, token),
                What::Deadline { chat, token } => self.give_up(chat, token),
            }
            if self.stopped.is_some() {
                break;
            }
            handled_events += 1;
            if handled_events.is_multiple_of(4096) && !progress(self.now_us, self.end_us) {
                return false;
            }
        }
        let close = if self.stopped.is_some() {
            self.now_us
        } else {
            self.end_us
        };
        self.tally
            .advance(close, self.waiting_total, self.busy_agents);
        for agent in &mut self.agents {
            agent.touch(close);
        }
        self.now_us = close;
        // The day is done: a stop asked for now comes too late to matter.
        let _ = progress(self.end_us, self.end_us);
        true
    }

    /// How long the day ran (its whole length, or up to an early stop).
    pub(crate) fn covered_us(&self) -> u64 {
        self.now_us
    }

    /// Chats still in each line at the close, by line.
    pub(crate) fn still_waiting(&self) -> Vec<u64> {
        self.lines.iter().map(|line| line.length).collect()
    }

    fn schedule_next_arrival(&mut self) {
        while let Some(&rate) = self.day.rates.get(hour_index(self.arrival_from_us)) {
            let hour_end = (self.arrival_from_us / US_PER_HOUR + 1) * US_PER_HOUR;
            if rate > 0.0 {
                let gap = chance::exponential_us(&mut self.arrivals, 3600.0 / rate);
                let at = self.arrival_from_us.saturating_add(gap);
                if at < hour_end {
                    self.arrival_from_us = at;
                    self.schedule(at, What::Arrival);
                    return;
                }
            }
            // Memoryless: the next hour's stream starts at its beginning.
            self.arrival_from_us = hour_end;
        }
    }

    fn arrive(&mut self) {
        self.schedule_next_arrival();
        if self.tally.chats >= self.limits.chats {
            self.stopped = Some(EarlyStop::ChatCap {
                at_s: self.now_us as f64 / 1e6,
                chats: self.tally.chats,
            });
            return;
        }
        self.tally.chats += 1;
        let id = self.tally.chats;
        if let Some(hour) = self.tally.hour_mut(self.now_us) {
            hour.arrivals += 1;
        }
        let scenario = self.day.draw(&mut self.mix);
        if let Some(count) = self.tally.scenarios.get_mut(scenario) {
            *count += 1;
        }
        let handle_us = chance::exponential_us(&mut self.handle, self.day.handle_time_s);
        let patience_us = chance::exponential_us(&mut self.patience, self.day.patience_s.max(0.0));
        let seed = self.chat_seeds.next_u64();
        let chat = Chat {
            id,
            handle_us,
            patience_us: (self.day.patience_s > 0.0).then_some(patience_us),
            leaves_at_us: None,
            is_human: false,
        };
        let Some(template) = self.scenarios.get_mut(scenario) else {
            return;
        };
        let clock = self.day.start.plus_ms(self.now_us / 1000);
        let BotRun { stages, steps } =
            self.bot
                .run(template, clock, seed, &self.team, &mut self.cursors);
        self.steps += steps as u64;
        let mut stages = stages.into_iter();
        if let Some(first) = stages.next() {
            self.reach(chat, first, stages.collect());
        }
        if self.steps > self.limits.steps {
            self.stopped = Some(EarlyStop::StepBudget {
                at_s: self.now_us as f64 / 1e6,
                steps: self.steps,
            });
        }
    }

    /// The chat gets to `stage`'s place after the bot's time.
    fn reach(&mut self, chat: Chat, stage: Stage, rest: Vec<Stage>) {
        let at = self
            .now_us
            .saturating_add(stage.after_ms.saturating_mul(1000));
        if at == self.now_us {
            self.apply(chat, stage.place, rest);
        } else if at < self.end_us {
            self.schedule(
                at,
                What::Reach {
                    chat,
                    place: stage.place,
                    rest,
                },
            );
        } else if !chat.is_human {
            self.tally.in_bot_at_close += 1;
        }
    }

    fn apply(&mut self, mut chat: Chat, place: Place, rest: Vec<Stage>) {
        let (line, preferred, wait_limit_ms) = match place {
            Place::BotEnd { reason, node } => {
                if !chat.is_human {
                    self.tally.bot_end(reason, node);
                }
                return;
            }
            Place::Agent { agent, department } => (self.line_of(&department), Some(agent), None),
            Place::Department {
                department,
                wait_limit_ms,
            } => (self.line_of(&department), None, wait_limit_ms),
        };
        if !chat.is_human {
            chat.is_human = true;
            self.tally.to_human += 1;
        }
        self.tally.offered(line, self.now_us);
        let taker = preferred
            .filter(|&agent| self.agents.get(agent).is_some_and(AgentLive::is_available))
            .or_else(|| self.least_busy(line));
        if let Some(agent) = taker {
            self.take(agent, chat, line, self.now_us);
            return;
        }
        self.join(chat, line, wait_limit_ms, rest);
    }

    /// The line's available member with the fewest active chats, ties by id.
    fn least_busy(&self, line: usize) -> Option<usize> {
        self.lines
            .get(line)?
            .members
            .iter()
            .copied()
            .filter(|&agent| self.agents[agent].is_available())
            .min_by_key(|&agent| self.agents[agent].active)
    }

    fn join(&mut self, mut chat: Chat, line: usize, wait_limit_ms: Option<u64>, rest: Vec<Stage>) {
        self.seq += 1;
        let token = self.seq;
        let leaves_at = chat.patience_us.map(|patience| {
            *chat
                .leaves_at_us
                .get_or_insert(self.now_us.saturating_add(patience))
        });
        if leaves_at.is_some_and(|at| at <= self.now_us) {
            // Patience already spent in an earlier line: the contact is gone.
            self.tally.abandoned(line, self.now_us);
            return;
        }
        let Some(queue) = self.lines.get_mut(line) else {
            return;
        };
        queue.queue.push_back((chat.id, token));
        queue.length += 1;
        let length = queue.length;
        self.waiting_total += 1;
        self.tally
            .line_grew(line, length, self.waiting_total, self.now_us);
        self.waiting.insert(
            chat.id,
            Waiting {
                line,
                token,
                joined_us: self.now_us,
                chat,
                rest,
            },
        );
        if let Some(at) = leaves_at {
            self.schedule(
                at,
                What::Abandon {
                    chat: chat.id,
                    token,
                },
            );
        }
        if let Some(limit) = wait_limit_ms {
            let at = self.now_us.saturating_add(limit.saturating_mul(1000));
            self.schedule(
                at,
                What::Deadline {
                    chat: chat.id,
                    token,
                },
            );
        }
    }

    /// Takes the chat out of its line, if it is still there on this stay.
    fn leave_line(&mut self, chat: u64, token: u64) -> Option<Waiting> {
        if self.waiting.get(&chat)?.token != token {
            return None;
        }
        let waiting = self.waiting.remove(&chat)?;
        if let Some(line) = self.lines.get_mut(waiting.line) {
            line.length = line.length.saturating_sub(1);
        }
        self.waiting_total = self.waiting_total.saturating_sub(1);
        Some(waiting)
    }

    fn abandon(&mut self, chat: u64, token: u64) {
        if let Some(waiting) = self.leave_line(chat, token) {
            self.tally.abandoned(waiting.line, self.now_us);
        }
    }

    fn give_up(&mut self, chat: u64, token: u64) {
        let Some(waiting) = self.leave_line(chat, token) else {
            return;
        };
        self.tally.line_mut(waiting.line).timed_out += 1;
        let mut rest = waiting.rest.into_iter();
        if let Some(next) = rest.next() {
            self.reach(waiting.chat, next, rest.collect());
        }
    }

    fn take(&mut self, agent: usize, chat: Chat, line: usize, joined_us: u64) {
        let now = self.now_us;
        self.tally.answered(line, now - joined_us.min(now), now);
        let Some(live) = self.agents.get_mut(agent) else {
            return;
        };
        live.touch(now);
        if live.active == 0 {
            self.busy_agents += 1;
        }
        live.active += 1;
        live.handled += 1;
        let active = live.active;
        if let Some(member) = self.team.agents.get_mut(agent) {
            member.active_chats = active;
        }
        self.schedule(now.saturating_add(chat.handle_us), What::Finish { agent });
    }

    fn finish(&mut self, agent: usize) {
        let now = self.now_us;
        let Some(live) = self.agents.get_mut(agent) else {
            return;
        };
        live.touch(now);
        live.active = live.active.saturating_sub(1);
        if live.active == 0 {
            self.busy_agents = self.busy_agents.saturating_sub(1);
        }
        let active = live.active;
        if let Some(member) = self.team.agents.get_mut(agent) {
            member.active_chats = active;
        }
        self.serve(agent);
    }

    /// The agent takes the longest-waiting chats of their lines while they can.
    fn serve(&mut self, agent: usize) {
        while self.agents[agent].is_available() {
            let mut oldest: Option<(u64, u64, usize)> = None;
            for index in 0..self.agents[agent].lines.len() {
                let line = self.agents[agent].lines[index];
                if let Some((joined, token)) = self.head(line)
                    && oldest.is_none_or(|(at, seq, _)| (joined, token) < (at, seq))
                {
                    oldest = Some((joined, token, line));
                }
            }
            let Some((_, _, line)) = oldest else {
                return;
            };
            let Some(&(chat, token)) = self.lines[line].queue.front() else {
                return;
            };
            self.lines[line].queue.pop_front();
            let Some(waiting) = self.leave_line(chat, token) else {
                continue;
            };
            self.take(agent, waiting.chat, line, waiting.joined_us);
        }
    }

    /// When the chat at the front of a line joined it, and its token; chats that left are
    /// dropped from the front first.
    fn head(&mut self, line: usize) -> Option<(u64, u64)> {
        let queue = &mut self.lines.get_mut(line)?.queue;
        while let Some(&(chat, token)) = queue.front() {
            match self.waiting.get(&chat) {
                Some(waiting) if waiting.token == token => return Some((waiting.joined_us, token)),
                _ => {
                    queue.pop_front();
                }
            }
        }
        None
    }
}

/// The team the chats' runs are handed, with the day's active chats: the flow's, without what
/// no run reads (the department list, custom fields, queue counts, agents' display names, and the
/// schedules when no BusinessHours needs them), since the simulator copies the team it is handed
/// for every chat that reaches a handoff or a request. The day starts with nobody in a chat.
fn day_team(flow: &Flow) -> Team {
    let mut team = flow.team.clone();
    team.departments.clear();
    team.custom_fields.clear();
    team.waiting.clear();
    let reads_hours = flow.nodes.iter().any(|node| {
        !matches!(
            node.kind,
            NodeKind::Entry { .. }
                | NodeKind::Message { .. }
                | NodeKind::Ask { .. }
                | NodeKind::Request { .. }
                | NodeKind::Condition { .. }
                | NodeKind::SetVariable { .. }
                | NodeKind::Queue { .. }
                | NodeKind::LiveChat { .. }
                | NodeKind::End { .. }
        )
    });
    if !reads_hours {
        team.schedules.clear();
    }
    for agent in &mut team.agents {
        agent.name.clear();
        agent.active_chats = 0;
    }
    team
}

fn hour_index(at_us: u64) -> usize {
    usize::try_from(at_us / US_PER_HOUR).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{Arrivals, LoadPlan};
    use crate::load::tests::flow;

    fn chat(id: u64) -> Chat {
        Chat {
            id,
            handle_us: 1_000_000,
            patience_us: None,
            leaves_at_us: None,
            is_human: false,
        }
    }

    fn to(department: &str) -> Place {
        Place::Department {
            department: department.into(),
            wait_limit_ms: None,
        }
    }

    /// An agent of two departments frees up: they take the chat that has waited longest in
    /// either line; a chat that left its line is skipped.
    #[test]
    fn the_longest_waiting_first_across_an_agents_lines() {
        let flow = flow(
            r#"(format: 1, team: (departments: ["A", "B"], agents: [
                (id: "x", departments: ["A", "B"], capacity: 1),
            ]))"#,
        );
        let plan = LoadPlan {
            hours: 1,
            arrivals_per_hour: Arrivals::Each(0.0),
            ..LoadPlan::default()
        };
        let (day, _) = Day::new(&flow, &plan).unwrap();
        let bot = Bot::new(&flow, &std::collections::BTreeMap::new());
        let mut engine = Engine::new(&flow, &day, &bot, Limits::default());
        let (a, b) = (engine.line_of("A"), engine.line_of("B"));
        for (at_us, id, line) in [
            (0, 1, "A"),
            (10, 2, "B"),
            (20, 3, "A"),
            (30, 4, "B"),
            (35, 5, "A"),
        ] {
            engine.now_us = at_us;
            engine.apply(chat(id), to(line), Vec::new());
        }
        assert_eq!(engine.agents[0].active, 1, "x took chat 1 at once");
        assert_eq!((engine.lines[a].length, engine.lines[b].length), (2, 2));
        engine.now_us = 40;
        engine.finish(0);
        assert!(
            !engine.waiting.contains_key(&2),
            "chat 2 (B, since 10) first"
        );
        assert_eq!(engine.tally.lines[b].waits_us, vec![30]);
        // Chat 3 (A, since 20) leaves; chat 4 (B, since 30) is next, then chat 5.
        let token = engine.waiting.get(&3).map(|w| w.token).unwrap();
        engine.abandon(3, token);
        engine.now_us = 50;
        engine.finish(0);
        assert_eq!(engine.tally.lines[b].waits_us, vec![30, 20]);
        engine.now_us = 60;
        engine.finish(0);
        assert_eq!(engine.tally.lines[a].waits_us, vec![0, 25]);
        assert_eq!(engine.tally.lines[a].abandoned, 1);
        assert!(engine.waiting.is_empty());
        assert_eq!(engine.waiting_total, 0);
    }

    /// A chat the route gave an agent who is no longer free when it gets there (the bot took its
    /// time) goes to the department's least busy available agent, else its line.
    #[test]
    fn a_picked_agent_busy_by_then_falls_back_to_the_department() {
        let flow = flow(
            r#"(format: 1, team: (departments: ["A"], agents: [
                (id: "x", departments: ["A"], capacity: 1),
                (id: "y", departments: ["A"], capacity: 2),
                (id: "z", departments: ["A"], capacity: 2),
            ]))"#,
        );
        let plan = LoadPlan {
            hours: 1,
            arrivals_per_hour: Arrivals::Each(0.0),
            ..LoadPlan::default()
        };
        let (day, _) = Day::new(&flow, &plan).unwrap();
        let bot = Bot::new(&flow, &std::collections::BTreeMap::new());
        let mut engine = Engine::new(&flow, &day, &bot, Limits::default());
        let picked = |agent| Place::Agent {
            agent,
            department: "A".into(),
        };
        engine.apply(chat(1), picked(0), Vec::new());
        engine.apply(chat(2), picked(1), Vec::new());
        // x is busy: the least busy available of A is z (y has one chat).
        engine.apply(chat(3), picked(0), Vec::new());
        let active: Vec<u32> = engine.agents.iter().map(|a| a.active).collect();
        assert_eq!(active, [1, 1, 1]);
        engine.apply(chat(4), picked(0), Vec::new());
        engine.apply(chat(5), picked(0), Vec::new());
        engine.apply(chat(6), picked(0), Vec::new());
        let active: Vec<u32> = engine.agents.iter().map(|a| a.active).collect();
        assert_eq!(active, [1, 2, 2]);
        let line = engine.line_of("A");
        assert_eq!(engine.lines[line].length, 1);
        assert_eq!(engine.team.agents[1].active_chats, 2, "the runs see it");
    }
}
