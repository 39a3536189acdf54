//! Whole days: determinism, the rules of the human part (lines, patience, wait time-outs, the
//! bot's own time), the report's parts, the bounds.

use crate::flow::{Arrivals, EndReason, Flow, LoadPlan};
use crate::load::day::Limits;
use crate::load::{EarlyStop, LoadError, LoadOptions, LoadProblem, LoadReport, simulate_with};

use super::{department, flow, handoff_flow, plan, run};

/// A menu in front of three departments: Suporte (Sequential, two agents), Vendas (its only
/// agent away; the handoff gives up after 120 s and the chat goes to the Atendimento queue) and
/// the Atendimento queue itself; a wrong option ends the chat, silence hands it to Suporte after
/// the Ask's 90 s time-out.
const MENU: &str = r#"(
    format: 1,
    name: "Atendimento",
    nodes: [
        (id: "inicio", pos: (0.0, 0.0), kind: Entry()),
        (id: "menu", pos: (0.0, 0.0), kind: Ask(prompt: "1 Suporte, 2 Vendas, 3 Atendimento", save_as: "opcao", timeout_s: 90)),
        (id: "roteia", pos: (0.0, 0.0), kind: Condition(cases: [
            (port: "suporte", mode: All, rules: [(var: "opcao", op: Equals, value: "1")]),
            (port: "vendas", mode: All, rules: [(var: "opcao", op: Equals, value: "2")]),
            (port: "fila", mode: All, rules: [(var: "opcao", op: Equals, value: "3")]),
        ])),
        (id: "lc_suporte", pos: (0.0, 0.0), kind: LiveChat(department: "Suporte", route: Sequential)),
        (id: "lc_vendas", pos: (0.0, 0.0), kind: LiveChat(department: "Vendas", wait_timeout_s: 120)),
        (id: "fila", pos: (0.0, 0.0), kind: Queue(queue: "Atendimento")),
        (id: "fim", pos: (0.0, 0.0), kind: End()),
    ],
    edges: [
        (from: "inicio", port: "next", to: "menu"),
        (from: "menu", port: "answered", to: "roteia"),
        (from: "menu", port: "timeout", to: "lc_suporte"),
        (from: "roteia", port: "suporte", to: "lc_suporte"),
        (from: "roteia", port: "vendas", to: "lc_vendas"),
        (from: "roteia", port: "fila", to: "fila"),
        (from: "roteia", port: "else", to: "fim"),
        (from: "lc_suporte", port: "agent_closed", to: "fim"),
        (from: "lc_vendas", port: "agent_closed", to: "fim"),
        (from: "lc_vendas", port: "timeout", to: "fila"),
    ],
    team: (
        departments: ["Suporte", "Vendas", "Atendimento"],
        agents: [
            (id: "bia", departments: ["Suporte"], capacity: 2, active_chats: 2),
            (id: "ana", departments: ["Suporte"], capacity: 2),
            (id: "caio", departments: ["Vendas"], status: Away, capacity: 2),
            (id: "duda", departments: ["Atendimento"], capacity: 3),
        ],
    ),
    scenarios: [
        (name: "Suporte", replies: [Text("1")], agents: {"ana": Away}),
        (name: "Vendas", replies: [Text("2")]),
        (name: "Fila", replies: [Text("3")]),
        (name: "Desiste", replies: [Text("9")]),
        (name: "Calado", replies: [NoReply]),
        (name: "Sem resposta"),
    ],
)"#;

fn menu() -> Flow {
    flow(MENU)
}

fn menu_day(seed: u64) -> LoadPlan {
    LoadPlan {
        start: "2026-11-23T08:00:00-03:00".into(),
        hours: 10,
        arrivals_per_hour: Arrivals::PerHour(vec![
            30.0, 60.0, 90.0, 120.0, 120.0, 90.0, 60.0, 60.0, 90.0, 60.0,
        ]),
        handle_time_s: 420.0,
        patience_s: 600.0,
        service_level_s: 120.0,
        seed,
        ..LoadPlan::default()
    }
}

/// Every chat is somewhere, every department's chats too.
fn adds_up(report: &LoadReport) {
    assert_eq!(
        report.chats,
        report.to_human + report.bot_only + report.in_bot_at_close,
        "{report:#?}"
    );
    let ends: u64 = report.bot_ends.iter().map(|end| end.chats).sum();
    assert_eq!(ends, report.bot_only);
    let drawn: u64 = report.scenarios.iter().map(|s| s.chats).sum();
    assert_eq!(drawn, report.chats);
    let arrived: u64 = report.hourly.iter().map(|h| h.arrivals).sum();
    assert_eq!(arrived, report.chats);
    for d in &report.departments {
        assert_eq!(
            d.offered,
            d.answered + d.abandoned + d.timed_out + d.still_waiting,
            "{d:?}"
        );
        let bucketed: u64 = d.wait_histogram.iter().map(|bucket| bucket.chats).sum();
        assert_eq!(bucketed, d.answered, "{d:?}");
    }
    let answered: u64 = report.departments.iter().map(|d| d.answered).sum();
    let handled: u64 = report.agents.iter().map(|a| a.handled).sum();
    assert_eq!(answered, handled);
}

#[test]
fn the_same_seed_gives_the_same_day_byte_for_byte() {
    let flow = menu();
    let first = serde_json::to_string(&run(&flow, &menu_day(7))).unwrap();
    let again = serde_json::to_string(&run(&flow, &menu_day(7))).unwrap();
    assert_eq!(first, again);
    let other = serde_json::to_string(&run(&flow, &menu_day(8))).unwrap();
    assert_ne!(first, other);
}

#[test]
fn a_day_through_the_menu() {
    let report = run(&menu(), &menu_day(1));
    adds_up(&report);
    assert_eq!(report.start, "2026-11-23T08:00:00-03:00");
    assert_eq!(report.hourly.len(), 10);
    assert_eq!(report.hourly[0].from, "08:00");
    assert_eq!(report.hourly[9].from, "17:00");
    let names: Vec<&str> = report
        .departments
        .iter()
        .map(|d| d.department.as_str())
        .collect();
    assert_eq!(names, ["Suporte", "Vendas", "Atendimento"]);
    // The day starts with nobody in a chat (bia's active chats in the file are one moment's);
    // and scenarios' status overrides are theirs, not the day's: ana takes chats.
    let suporte = department(&report, "Suporte");
    assert!(suporte.answered > 0);
    assert!(
        report.agents.iter().take(2).all(|a| a.handled > 0),
        "{:?}",
        report.agents
    );
    // Sequential spreads Suporte's chats between bia and ana.
    let (bia, ana) = (report.agents[0].handled, report.agents[1].handled);
    assert!(bia.abs_diff(ana) * 10 < bia + ana, "{bia} {ana}");
    // Nobody takes Vendas' chats: each waits its 120 s (or leaves first) and goes on to the queue.
    let vendas = department(&report, "Vendas");
    assert_eq!(vendas.answered, 0);
    assert!(vendas.timed_out > 0);
    assert!(
        vendas.abandoned > 0,
        "patience of 600 s on average: some leave within 120 s"
    );
    assert_eq!(report.agents[2].handled, 0, "caio is away all day");
    // The queue gets its own chats and those Vendas gave up on.
    let atendimento = department(&report, "Atendimento");
    let fila_chats = report.scenarios[2].chats;
    assert!(atendimento.offered > fila_chats, "{atendimento:?}");
    // Bot-only chats end by reason, most first.
    let reasons: Vec<EndReason> = report.bot_ends.iter().map(|e| e.reason).collect();
    assert_eq!(reasons.len(), 2, "{:?}", report.bot_ends);
    assert!(reasons.contains(&EndReason::End) && reasons.contains(&EndReason::WaitingReply));
    assert!(report.bot_ends[0].chats >= report.bot_ends[1].chats);
    assert_eq!(
        report
            .bot_ends
            .iter()
            .find(|e| e.reason == EndReason::End)
            .and_then(|e| e.node.as_deref()),
        Some("fim")
    );
}

#[test]
fn the_bot_takes_its_time_before_the_human() {
    // Silent contacts reach Suporte 90 s after arriving (the Ask's time-out): those who arrive
    // in the day's last 90 s are still in the bot at the close.
    let day = LoadPlan {
        mix: [("Calado".to_owned(), 1.0)].into(),
        hours: 2,
        arrivals_per_hour: Arrivals::Each(1200.0),
        ..menu_day(3)
    };
    let report = run(&menu(), &day);
    adds_up(&report);
    assert!(report.in_bot_at_close > 10, "{}", report.in_bot_at_close);
    assert!(report.in_bot_at_close < 60, "{}", report.in_bot_at_close);
    assert_eq!(report.bot_only, 0);
}

#[test]
fn the_hours_follow_the_rates_and_the_plan_problems_are_reported() {
    let day = LoadPlan {
        hours: 4,
        arrivals_per_hour: Arrivals::PerHour(vec![30.0, 0.0, 60.0]),
        mix: [("Fila".to_owned(), 1.0), ("Inexistente".to_owned(), 5.0)].into(),
        ..menu_day(1)
    };
    let report = run(&menu(), &day);
    adds_up(&report);
    assert_eq!(report.hourly[1].arrivals, 0);
    assert_eq!(report.hourly[3].arrivals, 0);
    assert!(report.hourly[2].arrivals > report.hourly[0].arrivals);
    assert_eq!(report.arrivals_per_hour, vec![30.0, 0.0, 60.0, 0.0]);
    assert_eq!(
        report.warnings,
        vec![
            LoadProblem::HoursBeyondRates { hours: 4, rates: 3 },
            LoadProblem::UnknownScenario {
                scenario: "Inexistente".into()
            },
        ]
    );
    assert_eq!(report.scenarios.len(), 1);
    assert_eq!(report.scenarios[0].scenario, "Fila");
}

#[test]
fn a_plan_that_cannot_run_is_refused_with_every_problem() {
    let day = LoadPlan {
        hours: 12,
        arrivals_per_hour: Arrivals::PerHour(vec![30.0, -1.0]),
        ..menu_day(1)
    };
    let err = crate::load::simulate(&menu(), &day, &LoadOptions::default()).unwrap_err();
    let LoadError::Invalid(problems) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(problems[0].code(), "load-bad-rate");
    assert_eq!(problems[1].code(), "load-hours-beyond-rates");
    assert_eq!(
        err.to_string(),
        "the load plan cannot run: the rate of hour 2 is -1: a rate is 0 or more chats per hour"
    );
}

#[test]
fn patience_runs_out_in_an_overloaded_line() {
    // One agent, three times more work than they can do, contacts who wait 60 s on average.
    let report = run(
        &handoff_flow("Department", 1, 1),
        &plan(360.0, 20, 30.0, 60.0),
    );
    adds_up(&report);
    let suporte = department(&report, "Suporte");
    let settled = (suporte.answered + suporte.abandoned) as f64;
    assert!(suporte.abandoned as f64 > 0.5 * settled, "{suporte:?}");
    assert!(report.agents[0].occupancy > 0.97, "{:?}", report.agents[0]);
    // Without patience nobody leaves: the line grows all day.
    let report = run(
        &handoff_flow("Department", 1, 1),
        &plan(360.0, 2, 30.0, 0.0),
    );
    let suporte = department(&report, "Suporte");
    assert_eq!(suporte.abandoned, 0);
    assert!(suporte.still_waiting > 200, "{suporte:?}");
    assert!(suporte.longest_line >= suporte.still_waiting);
    assert!(report.hourly[1].chats_waiting > report.hourly[0].chats_waiting);
    assert!(report.hourly[1].chats_waiting_max >= suporte.still_waiting);
    assert!(suporte.service_level.unwrap_or(1.0) < 0.2, "{suporte:?}");
}

#[test]
fn occupancy_and_busy_agents_follow_the_load() {
    // Load 0.5 on one agent of capacity 1: busy half the time.
    let report = run(
        &handoff_flow("Department", 1, 1),
        &plan(60.0, 200, 30.0, 0.0),
    );
    let agent = &report.agents[0];
    assert!((agent.occupancy - 0.5).abs() < 0.03, "{agent:?}");
    assert!((agent.mean_active_chats - 0.5).abs() < 0.03, "{agent:?}");
    let busy: f64 = report.hourly.iter().map(|h| h.agents_busy).sum::<f64>() / 200.0;
    assert!((busy - 0.5).abs() < 0.03, "{busy}");
    // Capacity 4: occupancy is the chats in hand against the capacity.
    let report = run(
        &handoff_flow("Department", 1, 4),
        &plan(240.0, 100, 30.0, 0.0),
    );
    let agent = &report.agents[0];
    assert!((agent.mean_active_chats - 2.0).abs() < 0.1, "{agent:?}");
    assert!((agent.occupancy - 0.5).abs() < 0.03, "{agent:?}");
}

#[test]
fn a_transfer_through_the_platform_api_is_a_chat_for_no_department() {
    let text = r#"(
        format: 1,
        nodes: [
            (id: "inicio", pos: (0.0, 0.0), kind: Entry()),
            (id: "transferir", pos: (0.0, 0.0), kind: Request(method: Post,
                url: "{{team.api_base}}/chats/{{chat.id}}/transfer", body: "{\"agentId\": \"ana\"}")),
            (id: "fim", pos: (0.0, 0.0), kind: End()),
            (id: "fila", pos: (0.0, 0.0), kind: Queue(queue: "Atendimento")),
        ],
        edges: [
            (from: "inicio", port: "next", to: "transferir"),
            (from: "transferir", port: "ok", to: "fim"),
            (from: "transferir", port: "error", to: "fila"),
        ],
        team: (
            api_base: "https://api.exemplo.com",
            departments: ["Atendimento"],
            agents: [(id: "ana", capacity: 1), (id: "bia", departments: ["Atendimento"], capacity: 1)],
        ),
    )"#;
    let report = run(&flow(text), &plan(60.0, 50, 60.0, 0.0));
    adds_up(&report);
    // Ana takes what the transfer gives her (409 when she is busy: the queue's agent takes it).
    let direct = department(&report, "");
    assert_eq!(direct.offered, direct.answered);
    assert_eq!(direct.answered, report.agents[0].handled);
    assert_eq!(
        department(&report, "Atendimento").answered,
        report.agents[1].handled
    );
    assert!(report.agents[1].handled > 0);
    assert_eq!(report.bot_only, 0);
}

#[test]
fn a_day_stops_at_its_bounds() {
    let looping = r#"(
        format: 1,
        nodes: [
            (id: "inicio", pos: (0.0, 0.0), kind: Entry()),
            (id: "conta", pos: (0.0, 0.0), kind: SetVariable(set: {"n": "1"})),
        ],
        edges: [
            (from: "inicio", port: "next", to: "conta"),
            (from: "conta", port: "next", to: "conta"),
        ],
    )"#;
    let limits = Limits {
        steps: 50_000,
        chats: 1_000,
    };
    let day = plan(100.0, 10, 60.0, 0.0);
    let report = crate::load::simulate_limited(
        &flow(looping),
        &day,
        &LoadOptions::default(),
        limits,
        |_| true,
    )
    .unwrap();
    // Each chat loops to the 10,000-step limit: the sixth passes the budget.
    assert_eq!(report.chats, 6);
    assert!(matches!(
        report.stopped_early,
        Some(EarlyStop::StepBudget { steps: 60_000, .. })
    ));
    assert_eq!(report.bot_ends[0].reason, EndReason::StepLimit);
    let report = crate::load::simulate_limited(
        &handoff_flow("Department", 2, 0),
        &day,
        &LoadOptions::default(),
        Limits {
            steps: u64::MAX,
            chats: 50,
        },
        |_| true,
    )
    .unwrap();
    assert_eq!(report.chats, 50);
    assert!(matches!(
        report.stopped_early,
        Some(EarlyStop::ChatCap { chats: 50, .. })
    ));
}

#[test]
fn progress_is_told_and_may_stop_the_day() {
    let flow = handoff_flow("Department", 2, 0);
    let day = plan(3600.0, 10, 60.0, 0.0);
    let mut seen = Vec::new();
    let report = simulate_with(&flow, &day, &LoadOptions::default(), |progress| {
        seen.push(progress.done_us);
        assert_eq!(progress.day_us, 10 * 3_600_000_000);
        true
    });
    assert!(report.is_ok());
    assert!(seen.len() > 2, "{seen:?}");
    assert!(seen.windows(2).all(|pair| pair[0] <= pair[1]), "{seen:?}");
    assert_eq!(seen.last(), Some(&(10 * 3_600_000_000)));
    let stopped = simulate_with(&flow, &day, &LoadOptions::default(), |_| false);
    assert_eq!(stopped, Err(LoadError::Cancelled));
}
