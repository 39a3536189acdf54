//! The simulator benchmark's flow: long, loop-free, every step doing real work. Shared by
//! `benches/sim.rs` and `core/examples/simprof.rs`, which must time the same thing.

use crate::flow::{
    Agent, AskExpect, Case, Edge, Flow, Method, Mode, Node, NodeKind, Op, Reply, Route, Rule,
    TemplateMap,
};

/// A loop-free flow of `segments` segments of 7 nodes; every exit leads to the next segment, so
/// every step executes a node with real work: templates, a reply to check, rules, a request to
/// the platform API with a secret header and a JSON path, business hours, a handoff.
pub fn loop_free(segments: usize) -> Flow {
    let mut flow = super::flow(3, 1);
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
    let mut scenario = super::scenarios(1, 7).remove(0);
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
