//! Nothing the loader accepts makes the simulator panic or run forever: generated flows are
//! broken in every way a file can be (edges to nowhere, unknown ports, duplicate ids, missing or
//! extra Entries, empty cases, bad regexes, bad schedules, odd scenarios) and every run must end.

use crate::flow::{
    AskExpect, Case, Edge, KindTag, Mode, Node, NodeKind, Op, Reply, Route, Rule, Scenario,
};
use crate::rng::Rng;
use crate::sim::{Batch, Options, Run, test_flow};

fn break_flow(flow: &mut crate::flow::Flow, rng: &mut Rng) {
    for _ in 0..=rng.below(6) {
        match rng.below(12) {
            0 if !flow.edges.is_empty() => {
                let at = rng.below(flow.edges.len());
                flow.edges.remove(at);
            }
            1 if !flow.edges.is_empty() => {
                let at = rng.below(flow.edges.len());
                flow.edges[at].to = "nao_existe".into();
            }
            2 if !flow.edges.is_empty() => {
                let at = rng.below(flow.edges.len());
                flow.edges[at].port = "porta_estranha".into();
            }
            3 if flow.nodes.len() > 2 => {
                let id = flow.nodes[1].id.clone();
                flow.nodes[2].id = id;
            }
            4 => flow.nodes.retain(|node| node.kind.tag() != KindTag::Entry),
            5 => flow.nodes.push(Node::new(
                "outra_entrada",
                (0.0, 0.0),
                KindTag::Entry.default_kind(),
            )),
            6 => flow.nodes.push(Node::new(
                "vazio",
                (0.0, 0.0),
                NodeKind::Condition {
                    cases: vec![Case {
                        port: "x".into(),
                        mode: Mode::Any,
                        rules: vec![],
                    }],
                },
            )),
            7 => {
                for node in &mut flow.nodes {
                    if let NodeKind::Condition { cases } = &mut node.kind {
                        cases.push(Case {
                            port: "re".into(),
                            mode: Mode::All,
                            rules: vec![Rule {
                                var: "{{".into(),
                                op: Op::Matches,
                                value: "([".into(),
                            }],
                        });
                    }
                }
            }
            8 => {
                for node in &mut flow.nodes {
                    if let NodeKind::Ask {
                        expect, retries, ..
                    } = &mut node.kind
                    {
                        *expect = AskExpect::Regex("(".into());
                        *retries = u32::MAX;
                    }
                }
            }
            9 => {
                flow.team.schedules.clear();
                flow.team.agents.clear();
            }
            10 => {
                for node in &mut flow.nodes {
                    if let NodeKind::LiveChat {
                        route, department, ..
                    } = &mut node.kind
                    {
                        *route = Route::Agent(String::new());
                        department.clear();
                    }
                }
                flow.edges.push(Edge::new("inicio", "next", "inicio"));
            }
            _ => {
                if let Some(schedule) = flow.team.schedules.first_mut() {
                    schedule.holidays.push("31/12".into());
                    if let Some(hours) = schedule.weekly.first_mut() {
                        hours.open = "25:99".into();
                    }
                }
            }
        }
    }
}

fn odd_scenarios(rng: &mut Rng) -> Vec<Scenario> {
    let mut scenarios = crate::generator::scenarios(6, rng.next_u64());
    scenarios[0].clock = Some("ontem".into());
    scenarios[1].replies = vec![Reply::NoReply; 3];
    scenarios[2].replies = (0..50).map(|_| Reply::Text(" ".into())).collect();
    scenarios[3].mocks = vec![crate::flow::Mock {
        url: "***".into(),
        body: "{{ nao fecha".into(),
        delay_ms: u64::MAX,
        ..crate::flow::Mock::default()
    }];
    scenarios[4].agents = [("ninguem".to_owned(), crate::flow::AgentStatus::Offline)].into();
    scenarios[5].seed = u64::MAX;
    scenarios
}

#[test]
fn broken_flows_end_without_panicking() {
    let mut rng = Rng::new(2026);
    for round in 0..60 {
        let mut flow = crate::generator::flow(40 + round, rng.next_u64());
        break_flow(&mut flow, &mut rng);
        flow.scenarios = odd_scenarios(&mut rng);
        let options = Options {
            step_limit: 500,
            history: round % 2 == 0,
            ..Options::default()
        };
        let report = test_flow(&flow, &options);
        assert_eq!(report.results.len(), flow.scenarios.len());
        for result in &report.results {
            assert!(
                result.end.is_some(),
                "round {round}: {} did not end",
                result.name
            );
        }
        let mut run = Run::new(&flow, &flow.scenarios[1], options.clone());
        run.run_to_end();
        while run.back() {}
        run.give_reply("de novo");
        run.reset();
        run.run_to_end();
        assert!(run.end().is_some());
        let _ = serde_json::to_string(&run.steps().collect::<Vec<_>>()).unwrap();
        let _ = run.transcript();
        let _ = run.variables();
        let mut batch = Batch::new(&flow, options);
        for scenario in &flow.scenarios {
            batch.run(scenario);
        }
        let _ = batch.coverage().report();
    }
}
