//! The one place where the load simulation meets the step simulator: [`Bot::run`] runs a chat's
//! bot part with the team as it is at that moment, on the simulated clock, and says where the
//! chat landed. The route's decision (who gets the chat, or that nobody may) is the simulator's;
//! what happens to the chat afterwards (lines, taking, handle time, patience) is the load's.
//!
//! Where a chat lands is read from the run's events, step by step: an agent assigned (by the
//! route, its fallback or a transfer through the platform API), a handoff or a Queue that opens
//! the chat for a department (nobody available, or nobody assigned), or the run's end without a
//! human. A handoff that found nobody and gives up after `wait_timeout_s` is a wait with a limit;
//! the run goes on past it by `timeout`, and where it lands next is what happens to the chat if
//! nobody takes it in time.

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::clock::Clock;
use crate::flow::{EndReason, Flow, NodeKind, Scenario, Team};
use crate::sim::{Cursors, Event, Options, Program, Run};

/// A chat's bot part stops after this many handoffs that gave up waiting: a flow that hands a
/// chat from one timed wait to the next forever would otherwise run to its step limit.
pub(crate) const MAX_STAGES: usize = 16;

/// Where a chat goes, once the bot lets go of it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Place {
    /// An agent got the chat; `department` is the handoff's ("" for a platform API transfer).
    Agent { agent: usize, department: String },
    /// The chat opens for a department without an agent (a Queue, a handoff that found nobody
    /// or assigned nobody): the department's least busy available agent takes it, else it waits
    /// in line. With `wait_limit_ms` the handoff gives up after that long.
    Department {
        department: String,
        wait_limit_ms: Option<u64>,
    },
    /// The run ended without a human.
    BotEnd {
        reason: EndReason,
        node: Option<String>,
    },
}

/// One landing: where, and how long after the previous point of the chat (its arrival, or the
/// end of the previous wait) the bot got there.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Stage {
    pub(crate) after_ms: u64,
    pub(crate) place: Place,
}

/// A chat's bot part: its landings in order (each but the last a wait with a limit), and the
/// steps it took.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct BotRun {
    pub(crate) stages: Vec<Stage>,
    pub(crate) steps: usize,
}

/// The flow compiled once for every chat of the day.
pub(crate) struct Bot {
    program: Arc<Program>,
    /// Nodes that never read the team (the team need not be handed to the run before them).
    team_free: FxHashSet<String>,
    agents: FxHashMap<String, usize>,
    env_secrets: BTreeMap<String, String>,
}

impl Bot {
    pub(crate) fn new(flow: &Flow, env_secrets: &BTreeMap<String, String>) -> Bot {
        let team_free = flow
            .nodes
            .iter()
            .filter(|node| {
                matches!(
                    node.kind,
                    NodeKind::Entry { .. }
                        | NodeKind::Message { .. }
                        | NodeKind::Ask { .. }
                        | NodeKind::Condition { .. }
                        | NodeKind::SetVariable { .. }
                        | NodeKind::BusinessHours { .. }
                        | NodeKind::Queue { .. }
                        | NodeKind::End { .. }
                )
            })
            .map(|node| node.id.clone())
            .collect();
        let mut agents = FxHashMap::default();
        for (index, agent) in flow.team.agents.iter().enumerate() {
            agents.entry(agent.id.clone()).or_insert(index);
        }
        Bot {
            program: Arc::new(Program::new(flow)),
            team_free,
            agents,
            env_secrets: env_secrets.clone(),
        }
    }

    /// Runs `scenario` from `clock` with the chat's own `seed`, against `team` (statuses and
    /// active chats as they are now) and the day's Sequential `cursors` (moved as the route
    /// moves them), until the chat lands.
    ///
    /// The scenario's `clock` and `seed` are set in place (a copy per chat would cost more than
    /// the rest of the chat's bot part).
    pub(crate) fn run(
        &self,
        chat: &mut Scenario,
        clock: Clock,
        seed: u64,
        team: &Team,
        cursors: &mut Cursors,
    ) -> BotRun {
        write_rfc3339(clock, chat.clock.get_or_insert_with(String::new));
        chat.seed = seed;
        let chat = &*chat;
        let options = Options {
            env_secrets: self.env_secrets.clone(),
            cursors: std::mem::take(cursors),
            ..Options::default()
        };
        let mut run = Run::with_program(Arc::clone(&self.program), chat, options);
        let mut stages = Vec::new();
        let mut mark = run.clock();
        let mut has_team = false;
        loop {
            if !has_team
                && run
                    .current_node()
                    .is_some_and(|id| !self.team_free.contains(id))
            {
                run.set_team(team);
                has_team = true;
            }
            let before = run.clock();
            let Some(step) = run.step() else {
                let (reason, node) = run.end().map_or((EndReason::Error, None), |end| {
                    (end.reason, end.node.clone())
                });
                stages.push(Stage {
                    after_ms: ms_between(mark, run.clock()),
                    place: Place::BotEnd { reason, node },
                });
                break;
            };
            let Some(landed) = self.landing(step.events) else {
                continue;
            };
            let after_ms = ms_between(mark, before);
            let waits = matches!(
                landed,
                Place::Department {
                    wait_limit_ms: Some(_),
                    ..
                }
            );
            stages.push(Stage {
                after_ms,
                place: landed,
            });
            if !waits || stages.len() >= MAX_STAGES {
                break;
            }
            mark = run.clock();
        }
        cursors.clone_from(run.cursors());
        BotRun {
            stages,
            steps: run.step_count(),
        }
    }

    /// Where a step's events put the chat, if anywhere.
    fn landing(&self, events: &[Event]) -> Option<Place> {
        let mut handoff: Option<&str> = None;
        let mut nobody: Option<&str> = None;
        let mut waited_ms: Option<u64> = None;
        let mut gave_up = false;
        for event in events {
            match event {
                Event::HandoffStarted(started) => handoff = Some(started.department.as_str()),
                Event::AgentAssigned { agent, .. } => {
                    let department = handoff.unwrap_or_default().trim().to_owned();
                    return Some(match self.agents.get(agent.as_str()) {
                        Some(&agent) => Place::Agent { agent, department },
                        None => Place::Department {
                            department,
                            wait_limit_ms: None,
                        },
                    });
                }
                Event::NoAgentAvailable { department, .. } => nobody = Some(department.as_str()),
                Event::Queued { queue, .. } => {
                    return Some(Place::Department {
                        department: queue.trim().to_owned(),
                        wait_limit_ms: None,
                    });
                }
                Event::ClockAdvanced { by_ms, .. } if nobody.is_some() => waited_ms = Some(*by_ms),
                Event::HandoffEnded { agent: None, .. } if nobody.is_some() => gave_up = true,
                _ => {}
            }
        }
        if let Some(department) = nobody {
            return Some(Place::Department {
                department: department.trim().to_owned(),
                wait_limit_ms: gave_up.then_some(waited_ms.unwrap_or(0)),
            });
        }
        // A handoff that assigned nobody while someone could take the chat: it opens for the
        // department and the department's least busy available agent takes it.
        handoff.map(|department| Place::Department {
            department: department.trim().to_owned(),
            wait_limit_ms: None,
        })
    }
}

/// `clock` as RFC 3339 at its own offset, to the second, into `out` (what `Clock::to_rfc3339`
/// writes, without its allocations: one per chat adds up over a day).
pub(crate) fn write_rfc3339(clock: Clock, out: &mut String) {
    fn digits(out: &mut String, value: u32, width: u32) {
        for place in (0..width).rev() {
            let digit = (value / 10_u32.pow(place)) % 10;
            out.push(char::from(b'0' + digit as u8));
        }
    }
    out.clear();
    let local = clock.local();
    if !(0..=9999).contains(&local.date.year) {
        out.push_str(&clock.to_rfc3339());
        return;
    }
    digits(out, local.date.year.unsigned_abs(), 4);
    out.push('-');
    digits(out, local.date.month, 2);
    out.push('-');
    digits(out, local.date.day, 2);
    out.push('T');
    digits(out, local.minute_of_day / 60, 2);
    out.push(':');
    digits(out, local.minute_of_day % 60, 2);
    out.push(':');
    digits(out, local.second, 2);
    if clock.offset_min == 0 {
        out.push('Z');
    } else {
        out.push(if clock.offset_min < 0 { '-' } else { '+' });
        let offset = clock.offset_min.unsigned_abs();
        digits(out, offset / 60, 2);
        out.push(':');
        digits(out, offset % 60, 2);
    }
}

fn ms_between(from: Clock, to: Clock) -> u64 {
    u64::try_from(to.unix_ms.saturating_sub(from.unix_ms)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_rfc3339;
    use crate::file::{Format, parse};

    const FLOW: &str = r#"(
        format: 1,
        nodes: [
            (id: "inicio", pos: (0.0, 0.0), kind: Entry()),
            (id: "menu", pos: (0.0, 0.0), kind: Ask(prompt: "1 Suporte, 2 fila, 3 espera, 4 fim", save_as: "opcao", timeout_s: 90)),
            (id: "roteia", pos: (0.0, 0.0), kind: Condition(cases: [
                (port: "suporte", mode: All, rules: [(var: "opcao", op: Equals, value: "1")]),
                (port: "fila", mode: All, rules: [(var: "opcao", op: Equals, value: "2")]),
                (port: "espera", mode: All, rules: [(var: "opcao", op: Equals, value: "3")]),
            ])),
            (id: "lc", pos: (0.0, 0.0), kind: LiveChat(department: "Suporte", route: Sequential)),
            (id: "lc_espera", pos: (0.0, 0.0), kind: LiveChat(department: "Vendas", wait_timeout_s: 120)),
            (id: "fila", pos: (0.0, 0.0), kind: Queue(queue: "Atendimento")),
            (id: "fim", pos: (0.0, 0.0), kind: End()),
        ],
        edges: [
            (from: "inicio", port: "next", to: "menu"),
            (from: "menu", port: "answered", to: "roteia"),
            (from: "menu", port: "timeout", to: "lc"),
            (from: "roteia", port: "suporte", to: "lc"),
            (from: "roteia", port: "fila", to: "fila"),
            (from: "roteia", port: "espera", to: "lc_espera"),
            (from: "roteia", port: "else", to: "fim"),
            (from: "lc", port: "agent_closed", to: "fim"),
            (from: "lc_espera", port: "agent_closed", to: "fim"),
            (from: "lc_espera", port: "timeout", to: "fila"),
        ],
        team: (
            departments: ["Suporte", "Atendimento", "Vendas"],
            agents: [
                (id: "bia", departments: ["Suporte"], capacity: 1),
                (id: "ana", departments: ["Suporte"], capacity: 1),
                (id: "caio", departments: ["Vendas"], capacity: 1),
            ],
        ),
    )"#;

    fn flow() -> Flow {
        parse(FLOW, Format::Ron).unwrap().flow
    }

    fn says(reply: &str) -> Scenario {
        Scenario {
            name: format!("responde {reply}"),
            replies: vec![crate::flow::Reply::Text(reply.into())],
            ..Scenario::default()
        }
    }

    fn at() -> Clock {
        parse_rfc3339("2026-01-05T09:00:00-03:00").unwrap()
    }

    #[test]
    fn an_agent_the_route_picks_with_the_team_as_it_is_now() {
        let flow = flow();
        let bot = Bot::new(&flow, &BTreeMap::new());
        let mut cursors = Cursors::new();
        let mut team = flow.team.clone();
        let first = bot.run(&mut says("1"), at(), 1, &team, &mut cursors);
        // Sequential in id order: ana (index 1) first, then bia (index 0).
        assert_eq!(
            first.stages,
            vec![Stage {
                after_ms: 0,
                place: Place::Agent {
                    agent: 1,
                    department: "Suporte".into()
                }
            }]
        );
        assert_eq!(cursors.get("Suporte").map(String::as_str), Some("ana"));
        let second = bot.run(&mut says("1"), at(), 2, &team, &mut cursors);
        assert!(matches!(
            second.stages[0].place,
            Place::Agent { agent: 0, .. }
        ));
        // Both busy now: nobody may take the chat, which opens for Suporte.
        team.agents[0].active_chats = 1;
        team.agents[1].active_chats = 1;
        let third = bot.run(&mut says("1"), at(), 3, &team, &mut cursors);
        assert_eq!(
            third.stages[0].place,
            Place::Department {
                department: "Suporte".into(),
                wait_limit_ms: None
            }
        );
        assert_eq!(third.steps, 4);
    }

    #[test]
    fn a_queue_a_bot_end_and_the_bot_time() {
        let flow = flow();
        let bot = Bot::new(&flow, &BTreeMap::new());
        let mut cursors = Cursors::new();
        let queued = bot.run(&mut says("2"), at(), 1, &flow.team, &mut cursors);
        assert_eq!(
            queued.stages[0].place,
            Place::Department {
                department: "Atendimento".into(),
                wait_limit_ms: None
            }
        );
        let ended = bot.run(&mut says("9"), at(), 1, &flow.team, &mut cursors);
        assert_eq!(
            ended.stages[0].place,
            Place::BotEnd {
                reason: EndReason::End,
                node: Some("fim".into())
            }
        );
        // The contact stays silent: the Ask's 90 s time-out passes before the handoff.
        let mut silent = Scenario {
            replies: vec![crate::flow::Reply::NoReply],
            ..says("")
        };
        let late = bot.run(&mut silent, at(), 1, &flow.team, &mut cursors);
        assert_eq!(late.stages[0].after_ms, 90_000);
        assert!(matches!(late.stages[0].place, Place::Agent { .. }));
        let waiting = bot.run(&mut Scenario::default(), at(), 1, &flow.team, &mut cursors);
        assert!(matches!(
            waiting.stages[0].place,
            Place::BotEnd {
                reason: EndReason::WaitingReply,
                ..
            }
        ));
    }

    #[test]
    fn a_timed_wait_then_where_the_flow_goes_after_it() {
        let flow = flow();
        let bot = Bot::new(&flow, &BTreeMap::new());
        let mut team = flow.team.clone();
        team.agents[2].active_chats = 1;
        let run = bot.run(&mut says("3"), at(), 1, &team, &mut Cursors::new());
        assert_eq!(
            run.stages,
            vec![
                Stage {
                    after_ms: 0,
                    place: Place::Department {
                        department: "Vendas".into(),
                        wait_limit_ms: Some(120_000)
                    }
                },
                Stage {
                    after_ms: 0,
                    place: Place::Department {
                        department: "Atendimento".into(),
                        wait_limit_ms: None
                    }
                },
            ]
        );
    }

    #[test]
    fn clocks_are_written_as_to_rfc3339_writes_them() {
        let mut out = String::from("old");
        for text in [
            "2026-01-05T09:00:00-03:00",
            "2026-11-23T23:59:59+05:30",
            "1999-12-31T00:00:07Z",
        ] {
            let clock = parse_rfc3339(text).unwrap();
            write_rfc3339(clock, &mut out);
            assert_eq!(out, clock.to_rfc3339());
            assert_eq!(out, text);
        }
    }

    #[test]
    fn statuses_overridden_by_a_scenario_do_not_change_the_day() {
        let flow = flow();
        let bot = Bot::new(&flow, &BTreeMap::new());
        // The day's scenarios come without overrides (see `plan.rs`); a team agent who is away
        // takes nothing.
        let mut team = flow.team.clone();
        team.agents[1].status = crate::flow::AgentStatus::Away;
        let run = bot.run(&mut says("1"), at(), 1, &team, &mut Cursors::new());
        assert!(matches!(run.stages[0].place, Place::Agent { agent: 0, .. }));
    }
}
