//! Simulator speed. Targets: at least 2M steps per second on a realistic flow, and the work of
//! `fluxo test` (parse the file, run and check every scenario, coverage, the report) on 1,000
//! scenarios of a 200-node flow in at most 1 s. Run with `cargo bench --bench sim`.
//!
//! Times are wall clock on a shared machine: p50 and p95 show the spread, "best" is the run
//! least disturbed by other processes.

// A benchmark whose generated input does not build must stop loudly.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fluxo_core::file::{self, Format};
use fluxo_core::flow::{
    Agent, AskExpect, Case, Edge, EndReason, Flow, Method, Mode, Node, NodeKind, Op, Reply, Route,
    Rule, TemplateMap,
};
use fluxo_core::generator;
use fluxo_core::sim::{Batch, Options, Program, Run, test_flow};

/// A loop-free flow of `segments` segments of 7 nodes; every exit leads to the next segment, so
/// every step executes a node with real work: templates, a reply to check, rules, a request to
/// the platform API with a secret header and a JSON path, business hours, a handoff.
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
    add(&mut flow, "inicio", NodeKind::Entry { channels: vec![] });
    let mut exits = vec![("inicio".to_owned(), "next".to_owned())];
    for i in 0..segments {
        exits = segment(&mut flow, i, exits);
    }
    add(
        &mut flow,
        "fim",
        NodeKind::End {
            message: "Até logo!".into(),
        },
    );
    for (from, port) in exits {
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

fn add(flow: &mut Flow, id: &str, kind: NodeKind) {
    flow.nodes.push(Node::new(id, (0.0, 0.0), kind));
}

fn map(entries: &[(&str, &str)]) -> TemplateMap {
    entries
        .iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect()
}

fn rule(var: &str, op: Op, value: &str) -> Rule {
    Rule {
        var: var.into(),
        op,
        value: value.into(),
    }
}

/// Adds segment `i`, linking `exits` to its first node; returns its own exits.
fn segment(flow: &mut Flow, i: usize, exits: Vec<(String, String)>) -> Vec<(String, String)> {
    let id = |name: &str| format!("s{i}_{name}");
    for (from, port) in exits {
        flow.edges.push(Edge::new(from, port, id("msg")));
    }
    segment_nodes(flow, i);
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
    let chat = [
        "agent_closed",
        "user_closed",
        "timeout",
        "user_inactivity_timeout",
    ];
    chat.iter()
        .map(|port| (id("chat"), (*port).to_owned()))
        .chain(
            ["invalid", "timeout"]
                .iter()
                .map(|port| (id("ask"), (*port).to_owned())),
        )
        .collect()
}

/// The seven nodes of segment `i`.
fn segment_nodes(flow: &mut Flow, i: usize) {
    let id = |name: &str| format!("s{i}_{name}");
    let text = |text: &str| text.to_owned();
    add(
        flow,
        &id("msg"),
        NodeKind::Message {
            text: text("Olá {{contact.name}}, protocolo {{chat.protocol}} ({{now.time}})"),
            buttons: vec![text("Sim"), text("{{contact.custom.plano}}")],
        },
    );
    add(
        flow,
        &id("ask"),
        NodeKind::Ask {
            prompt: text("Quantos itens, {{contact.name}}?"),
            save_as: text("n"),
            expect: AskExpect::Number,
            retries: 2,
            retry_message: String::new(),
            timeout_s: 60,
        },
    );
    let set = map(&[
        ("etapa", &i.to_string()),
        ("resumo", "{{contact.custom.plano}}-{{n}}"),
    ]);
    add(flow, &id("set"), NodeKind::SetVariable { set });
    add(
        flow,
        &id("cond"),
        NodeKind::Condition {
            cases: vec![
                Case {
                    port: text("alto"),
                    mode: Mode::All,
                    rules: vec![
                        rule("n", Op::Greater, "10"),
                        rule("contact.custom.plano", Op::In, "ouro, prata"),
                    ],
                },
                Case {
                    port: text("texto"),
                    mode: Mode::Any,
                    rules: vec![
                        rule("resumo", Op::StartsWith, "{{contact.custom.plano}}"),
                        rule("resumo", Op::Contains, "bronze"),
                    ],
                },
            ],
        },
    );
    add(
        flow,
        &id("req"),
        NodeKind::Request {
            method: Method::Get,
            url: text("{{team.api_base}}/agents/{{contact.custom.gerente_de_contas}}"),
            headers: map(&[("Authorization", "Bearer {{secret.api_token}}")]),
            body: String::new(),
            timeout_ms: 5000,
            save: map(&[("status_gerente", "status")]),
        },
    );
    add(
        flow,
        &id("hours"),
        NodeKind::BusinessHours {
            schedule: text("Expediente"),
        },
    );
    add(
        flow,
        &id("chat"),
        NodeKind::LiveChat {
            department: text("Suporte"),
            route: Route::Department,
            integration_id: 2,
            skill_id: String::new(),
            extra_info: map(&[("protocolo", "{{chat.protocol}}"), ("itens", "{{n}}")]),
            contact_info: TemplateMap::new(),
            wait_timeout_s: 0,
            inactivity_timeout_s: 0,
            include_history: true,
            result_variable: String::new(),
            closing_message: String::new(),
        },
    );
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() - 1) * p / 100]
}

/// Times `run_to_end` alone (the run's setup is timed apart) over `iterations` runs.
fn time_steps(
    program: &Arc<Program>,
    flow: &Flow,
    options: &Options,
    iterations: usize,
) -> (Vec<Duration>, usize) {
    let mut times = Vec::with_capacity(iterations);
    let mut steps = 0;
    for _ in 0..iterations {
        let mut run = Run::with_program(Arc::clone(program), &flow.scenarios[0], options.clone());
        let start = Instant::now();
        run.run_to_end();
        times.push(start.elapsed());
        steps = run.step_count();
        assert_eq!(
            run.end().map(|end| end.reason),
            Some(EndReason::End),
            "{:?}",
            run.end()
        );
        black_box(run);
    }
    times.sort();
    (times, steps)
}

fn steps_per_second() {
    let flow = long_flow(1_000);
    let options = Options {
        step_limit: 1_000_000,
        ..Options::default()
    };
    let program = Arc::new(Program::new(&flow));
    let (times, steps) = time_steps(&program, &flow, &options, 50);
    let rate = |time: Duration| steps as f64 / time.as_secs_f64() / 1e6;
    println!(
        "steps, realistic loop-free flow ({} nodes, {steps} steps a run, every node kind but Queue):",
        program.len()
    );
    for (label, time) in [
        ("p50", percentile(&times, 50)),
        ("p95", percentile(&times, 95)),
        ("best", times[0]),
    ] {
        println!(
            "  {label:4} {time:>9.2?} a run, {:.2} M steps/s",
            rate(time)
        );
    }
    let history = Options {
        history: true,
        ..options
    };
    let (times, _) = time_steps(&program, &flow, &history, 20);
    println!(
        "  with history (the window's Back): p50 {:.2?}, {:.2} M steps/s",
        percentile(&times, 50),
        rate(percentile(&times, 50))
    );
}

fn test_command() {
    let mut flow = generator::flow(200, 42);
    flow.scenarios = generator::scenarios(1_000, 43);
    let text = file::to_text(&flow, Format::Ron).expect("the flow writes");
    let mut times = Vec::new();
    let mut batch_times = Vec::new();
    for _ in 0..15 {
        let start = Instant::now();
        let flow = file::parse(&text, Format::Ron)
            .expect("the flow reads")
            .flow;
        let parsed = start.elapsed();
        let report = test_flow(&flow, &Options::default());
        let json = serde_json::to_string(&report).expect("the report writes");
        let total = start.elapsed();
        times.push(total);
        batch_times.push(total.saturating_sub(parsed));
        black_box((report, json));
    }
    let mut batch = Batch::new(&flow, Options::default());
    let steps: usize = flow
        .scenarios
        .iter()
        .map(|scenario| batch.run(scenario).step_count())
        .sum();
    times.sort();
    batch_times.sort();
    println!(
        "test: 1,000 scenarios of a 200-node generated flow ({steps} steps), parse + run + check + coverage + JSON report:"
    );
    println!(
        "  p50 {:.2?}, p95 {:.2?}, best {:.2?} (target: 1 s); without the parse: p50 {:.2?}",
        percentile(&times, 50),
        percentile(&times, 95),
        times[0],
        percentile(&batch_times, 50)
    );
}

fn main() {
    steps_per_second();
    test_command();
}
