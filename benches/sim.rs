//! Simulator speed. Targets: at least 2M steps per second on a realistic flow, and the work of
//! `fluxo test` (parse the file, run and check every scenario, coverage, the report) on 1,000
//! scenarios of a 200-node flow in at most 1 s. Run with `cargo bench --bench sim`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use fluxo_core::file::{self, Format};
use fluxo_core::flow::{
    Agent, Case, Edge, Flow, Method, Mode, Node, NodeKind, Op, Reply, Route, Rule, Scenario,
    TemplateMap,
};
use fluxo_core::generator;
use fluxo_core::sim::{Batch, Options, Run, test_flow};

/// Segments of 7 nodes, every exit leading to the next segment: no loop, every step executes a
/// node with real work (templates, a reply, rules, a request and its JSON, hours, a handoff).
fn long_flow(segments: usize) -> Flow {
    let mut flow = generator::flow(3, 1);
    flow.nodes.clear();
    flow.edges.clear();
    flow.team.agents.push(Agent {
        id: "zeca".into(),
        name: "Zeca".into(),
        departments: vec!["Suporte".into()],
        ..Agent::default()
    });
    let node = |flow: &mut Flow, id: String, kind: NodeKind| {
        flow.nodes.push(Node::new(id, (0.0, 0.0), kind));
    };
    node(
        &mut flow,
        "inicio".into(),
        NodeKind::Entry { channels: vec![] },
    );
    let mut previous = vec![("inicio".to_owned(), "next".to_owned())];
    for i in 0..segments {
        let id = |name: &str| format!("s{i}_{name}");
        node(
            &mut flow,
            id("msg"),
            NodeKind::Message {
                text: "Olá {{contact.name}}, protocolo {{chat.protocol}} ({{now.time}})".into(),
                buttons: vec!["Sim".into(), "{{contact.custom.plano}}".into()],
            },
        );
        node(
            &mut flow,
            id("ask"),
            NodeKind::Ask {
                prompt: "Quantos itens, {{contact.name}}?".into(),
                save_as: "n".into(),
                expect: fluxo_core::flow::AskExpect::Number,
                retries: 2,
                retry_message: String::new(),
                timeout_s: 60,
            },
        );
        let mut set = TemplateMap::new();
        set.insert("etapa".into(), format!("{i}"));
        set.insert("resumo".into(), "{{contact.custom.plano}}-{{n}}".into());
        node(&mut flow, id("set"), NodeKind::SetVariable { set });
        let rule = |var: &str, op: Op, value: &str| Rule {
            var: var.into(),
            op,
            value: value.into(),
        };
        node(
            &mut flow,
            id("cond"),
            NodeKind::Condition {
                cases: vec![
                    Case {
                        port: "alto".into(),
                        mode: Mode::All,
                        rules: vec![
                            rule("n", Op::Greater, "10"),
                            rule("contact.custom.plano", Op::In, "ouro, prata"),
                        ],
                    },
                    Case {
                        port: "texto".into(),
                        mode: Mode::Any,
                        rules: vec![
                            rule("resumo", Op::StartsWith, "{{contact.custom.plano}}"),
                            rule("resumo", Op::Contains, "bronze"),
                        ],
                    },
                ],
            },
        );
        let mut headers = TemplateMap::new();
        headers.insert("Authorization".into(), "Bearer {{secret.api_token}}".into());
        let mut save = TemplateMap::new();
        save.insert("status_gerente".into(), "status".into());
        node(
            &mut flow,
            id("req"),
            NodeKind::Request {
                method: Method::Get,
                url: "{{team.api_base}}/agents/{{contact.custom.gerente_de_contas}}".into(),
                headers,
                body: String::new(),
                timeout_ms: 5000,
                save,
            },
        );
        node(
            &mut flow,
            id("hours"),
            NodeKind::BusinessHours {
                schedule: "Expediente".into(),
            },
        );
        let mut extra_info = TemplateMap::new();
        extra_info.insert("protocolo".into(), "{{chat.protocol}}".into());
        extra_info.insert("itens".into(), "{{n}}".into());
        node(
            &mut flow,
            id("chat"),
            NodeKind::LiveChat {
                department: "Suporte".into(),
                route: Route::Department,
                integration_id: 2,
                skill_id: String::new(),
                extra_info,
                contact_info: TemplateMap::new(),
                wait_timeout_s: 0,
                inactivity_timeout_s: 0,
                include_history: true,
                result_variable: String::new(),
                closing_message: String::new(),
            },
        );
        for (from, port) in previous.drain(..) {
            flow.edges.push(Edge::new(from, port, id("msg")));
        }
        let chain = [
            ("msg", "next", "ask"),
            ("ask", "answered", "set"),
            ("set", "next", "cond"),
            ("cond", "alto", "req"),
            ("cond", "texto", "req"),
            ("cond", "else", "req"),
            ("req", "ok", "hours"),
            ("req", "error", "hours"),
            ("hours", "open", "chat"),
            ("hours", "closed", "chat"),
        ];
        for (from, port, to) in chain {
            flow.edges.push(Edge::new(id(from), port, id(to)));
        }
        previous = [
            "agent_closed",
            "user_closed",
            "timeout",
            "user_inactivity_timeout",
        ]
        .iter()
        .map(|port| (id("chat"), (*port).to_owned()))
        .chain(
            ["invalid", "timeout"]
                .iter()
                .map(|port| (id("ask"), (*port).to_owned())),
        )
        .collect();
    }
    node(
        &mut flow,
        "fim".into(),
        NodeKind::End {
            message: "Até logo!".into(),
        },
    );
    for (from, port) in previous {
        flow.edges.push(Edge::new(from, port, "fim"));
    }
    let mut scenario = generator::scenarios(1, 7).remove(0);
    scenario.agents.clear();
    scenario.mocks.clear();
    scenario.clock = Some("2026-11-23T10:15:00-03:00".into());
    scenario
        .contact
        .custom
        .insert("gerente_de_contas".into(), "ana".into());
    scenario.replies = (0..segments)
        .map(|i| Reply::Text(format!("{}", i % 20)))
        .collect();
    flow.scenarios = vec![scenario];
    flow
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() - 1) * p / 100]
}

fn steps_per_second() {
    let flow = long_flow(1_000);
    let scenario: &Scenario = &flow.scenarios[0];
    let options = Options {
        step_limit: 1_000_000,
        ..Options::default()
    };
    let program = std::sync::Arc::new(fluxo_core::sim::Program::new(&flow));
    let mut times = Vec::new();
    let mut steps = 0;
    let mut setup = Vec::new();
    for _ in 0..30 {
        let start = Instant::now();
        let mut run = Run::with_program(program.clone(), scenario, options.clone());
        setup.push(start.elapsed());
        // Steps only: the run's setup (here: copying 1,000 scripted replies) is timed apart.
        let start = Instant::now();
        run.run_to_end();
        times.push(start.elapsed());
        steps = run.step_count();
        assert_eq!(
            run.end().map(|end| end.reason),
            Some(fluxo_core::flow::EndReason::End),
            "{:?}",
            run.end()
        );
        black_box(run);
    }
    times.sort();
    setup.sort();
    let per_second = |time: Duration| steps as f64 / time.as_secs_f64() / 1e6;
    println!(
        "steps: {} nodes, {steps} steps per run; p50 {:.2?} ({:.2} M steps/s), p95 {:.2?} ({:.2} M steps/s)",
        program.len(),
        percentile(&times, 50),
        per_second(percentile(&times, 50)),
        percentile(&times, 95),
        per_second(percentile(&times, 95)),
    );
    println!(
        "run setup (compile the scenario, {} replies): p50 {:.2?}",
        scenario.replies.len(),
        percentile(&setup, 50)
    );

    let mut with_history = Vec::new();
    for _ in 0..10 {
        let mut run = Run::with_program(
            program.clone(),
            scenario,
            Options {
                history: true,
                ..options.clone()
            },
        );
        let start = Instant::now();
        run.run_to_end();
        with_history.push(start.elapsed());
        black_box(run);
    }
    with_history.sort();
    println!(
        "steps with history (the window): p50 {:.2?} ({:.2} M steps/s)",
        percentile(&with_history, 50),
        per_second(percentile(&with_history, 50)),
    );
}

fn test_command() {
    let mut flow = generator::flow(200, 42);
    flow.scenarios = generator::scenarios(1_000, 43);
    let text = file::to_text(&flow, Format::Ron).expect("the flow writes");
    let mut times = Vec::new();
    let mut steps = 0;
    for _ in 0..10 {
        let start = Instant::now();
        let flow = file::parse(&text, Format::Ron)
            .expect("the flow reads")
            .flow;
        let report = test_flow(&flow, &Options::default());
        let json = serde_json::to_string(&report).expect("the report writes");
        times.push(start.elapsed());
        black_box((report, json));
    }
    let mut batch = Batch::new(&flow, Options::default());
    for scenario in &flow.scenarios {
        steps += batch.run(scenario).step_count();
    }
    times.sort();
    println!(
        "test: 1000 scenarios of a 200-node flow ({steps} steps, parse + run + check + coverage + report): p50 {:.2?}, p95 {:.2?}",
        percentile(&times, 50),
        percentile(&times, 95),
    );
}

fn main() {
    steps_per_second();
    test_command();
}
