//! The routes over a day: who gets the chats. The route's decision is the step simulator's; these
//! tests hold the day to what each route promises.
//!
//! After the fidelity work lands (`auto_assign` on departments), two more belong here: a
//! department with `auto_assign: RoundRobin` spreads like Sequential, and one with `LeastBusy`
//! behaves as the `Department` route does below.

use super::{handoff_flow, plan, run};
use crate::load::LoadReport;

fn handled(report: &LoadReport) -> Vec<u64> {
    report.agents.iter().map(|agent| agent.handled).collect()
}

fn spread(counts: &[u64]) -> u64 {
    counts.iter().max().unwrap_or(&0) - counts.iter().min().unwrap_or(&0)
}

#[test]
fn sequential_spreads_chats_evenly() {
    // No capacity limit: every agent is always available, so the cursor goes round exactly.
    let report = run(
        &handoff_flow("Sequential", 4, 0),
        &plan(120.0, 10, 300.0, 0.0),
    );
    let counts = handled(&report);
    assert_eq!(counts.iter().sum::<u64>(), report.chats);
    assert!(spread(&counts) <= 1, "{counts:?}");
    // Capacity 1 at load 0.5: the cursor skips the busy and still spreads evenly.
    let report = run(
        &handoff_flow("Sequential", 4, 1),
        &plan(24.0, 100, 300.0, 0.0),
    );
    let counts = handled(&report);
    let mean = report.chats as f64 / 4.0;
    assert!(
        counts
            .iter()
            .all(|&n| (n as f64 - mean).abs() < 0.05 * mean),
        "{counts:?}"
    );
}

#[test]
fn department_goes_to_the_least_busy_and_ties_to_the_first_id() {
    // A trickle (a chat every 30 minutes, each done in about a minute): every chat finds everyone
    // free, and the least busy is the first by id. Sequential spreads the same day evenly.
    let trickle = plan(2.0, 50, 60.0, 0.0);
    let least_busy = run(&handoff_flow("Department", 4, 0), &trickle);
    let counts = handled(&least_busy);
    assert!(
        counts[0] as f64 > 0.95 * least_busy.chats as f64,
        "{counts:?}"
    );
    let sequential = run(&handoff_flow("Sequential", 4, 0), &trickle);
    assert!(
        spread(&handled(&sequential)) <= 1,
        "{:?}",
        handled(&sequential)
    );
    // Under load, each chat goes to whoever has the fewest in hand: the chats in hand even out.
    let busy = run(
        &handoff_flow("Department", 4, 0),
        &plan(240.0, 20, 300.0, 0.0),
    );
    let active: Vec<f64> = busy.agents.iter().map(|a| a.mean_active_chats).collect();
    let mean = active.iter().sum::<f64>() / 4.0;
    assert!(mean > 4.0, "{active:?}");
    assert!(
        active.iter().all(|&a| (a - mean).abs() < 0.1 * mean),
        "{active:?}"
    );
}

#[test]
fn random_spreads_by_chance() {
    let report = run(&handoff_flow("Random", 4, 0), &plan(4.0, 500, 60.0, 0.0));
    let counts = handled(&report);
    let mean = report.chats as f64 / 4.0;
    assert!(
        counts.iter().all(|&n| (n as f64 - mean).abs() < 0.1 * mean),
        "{counts:?}"
    );
    // Not a rotation: Sequential's even counts would be a suspicious coincidence.
    assert!(spread(&counts) > 1, "{counts:?}");
}

#[test]
fn a_named_agent_gets_the_chats_while_available_then_the_department_does() {
    let flow = handoff_flow(r#"Agent("a03")"#, 3, 1);
    let report = run(&flow, &plan(12.0, 200, 300.0, 0.0));
    let counts = handled(&report);
    // a03 at load 1 alone: busy most of the time, and the overflow to the least busy of the rest.
    assert!(counts[2] > counts[0] && counts[2] > counts[1], "{counts:?}");
    assert!(counts[0] > counts[1], "ties go to the first id: {counts:?}");
    assert!(report.agents[2].occupancy > 0.5, "{:?}", report.agents[2]);
}

#[test]
fn changing_the_route_keeps_the_same_chats() {
    let day = plan(60.0, 10, 300.0, 120.0);
    let a = run(&handoff_flow("Sequential", 3, 2), &day);
    let b = run(&handoff_flow("Department", 3, 2), &day);
    let arrivals = |r: &LoadReport| r.hourly.iter().map(|h| h.arrivals).collect::<Vec<_>>();
    assert_eq!(arrivals(&a), arrivals(&b));
    assert_eq!(a.chats, b.chats);
    assert_ne!(handled(&a), handled(&b));
}

/// The contact's own agent (carteirização, or the last agent who served them) gets the chats
/// while available, else the department does.
#[test]
fn the_contacts_own_agent_first_then_the_department() {
    for (route, contact) in [
        (
            r#"AgentFromField("consultor")"#,
            r#"(custom: {"consultor": "a02"})"#,
        ),
        ("LastAgent", r#"(last_agent: "a02")"#),
    ] {
        let flow = super::flow(&format!(
            r#"(
                format: 1,
                nodes: [
                    (id: "inicio", pos: (0.0, 0.0), kind: Entry()),
                    (id: "lc", pos: (0.0, 0.0), kind: LiveChat(department: "Suporte", route: {route})),
                    (id: "fim", pos: (0.0, 0.0), kind: End()),
                ],
                edges: [
                    (from: "inicio", port: "next", to: "lc"),
                    (from: "lc", port: "agent_closed", to: "fim"),
                ],
                team: (
                    departments: ["Suporte"],
                    agents: [
                        (id: "a01", departments: ["Suporte"], capacity: 1),
                        (id: "a02", departments: ["Suporte"], capacity: 1),
                    ],
                    custom_fields: [(key: "consultor", kind: Agent)],
                ),
                scenarios: [(name: "Cliente da a02", contact: {contact})],
            )"#
        ));
        // A trickle: a02 is nearly always free and gets nearly every chat (the department rule
        // would give them to a01, the first by id); a01 only when two chats overlap.
        let report = run(&flow, &plan(2.0, 50, 60.0, 0.0));
        let counts = handled(&report);
        assert!(
            counts[1] as f64 > 0.9 * report.chats as f64,
            "{route}: {counts:?}"
        );
        // Busy: a02 takes what she can, a01 the overflow.
        let report = run(&flow, &plan(90.0, 20, 60.0, 0.0));
        let counts = handled(&report);
        assert!(
            counts[1] > counts[0] && counts[0] > 0,
            "{route}: {counts:?}"
        );
    }
}
