//! SubFlow ("Nó de Fluxo"): a flow of the library runs from its Entry with the same world; its
//! End goes on by the caller's `done`, any other end ends the whole run; a flow that calls itself
//! ends the run `Error` at the call; inner nodes are `CALLER/NODE` everywhere.

use super::{end_node, flow, reason};
use crate::flow::{EndReason, Flow, Scenario};
use crate::sim::{
    Batch, CallProblem, EndCause, Event, FlowShelf, Library, LibraryError, MAX_CALL_DEPTH, Options,
    Run, Stop, expect,
};

/// The shared step: asks a CPF; a valid one ends by End, three invalid ones queue in Suporte.
fn coleta() -> Flow {
    let mut flow = flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "pede_cpf", kind: Ask(prompt: "Qual o seu CPF?", save_as: "cpf", expect: Cpf, retries: 1)),
           (id: "fila", kind: Queue(queue: "Suporte")),
           (id: "fim", kind: End(message: "CPF anotado."))"#,
        r#"(from: "inicio", port: "next", to: "pede_cpf"), (from: "pede_cpf", port: "answered", to: "fim"),
           (from: "pede_cpf", port: "invalid", to: "fila")"#,
        "",
    );
    flow.name = "Coleta de CPF".into();
    // The called flow's own team is not used: the caller's world goes on.
    flow.team.waiting.insert("Suporte".into(), 40);
    flow
}

/// Greets, calls the shared step, then reads what it set.
fn caller(call: &str) -> Flow {
    let mut flow = flow(
        &format!(
            r#"(id: "inicio", kind: Entry()),
               (id: "ola", kind: Message(text: "Olá!")),
               (id: "coleta", kind: SubFlow(flow: "{call}")),
               (id: "depois", kind: Message(text: "Seu CPF: {{{{cpf}}}}")),
               (id: "fim", kind: End(message: "Tchau"))"#
        ),
        r#"(from: "inicio", port: "next", to: "ola"), (from: "ola", port: "next", to: "coleta"),
           (from: "coleta", port: "done", to: "depois"), (from: "depois", port: "next", to: "fim")"#,
        "",
    );
    flow.name = "Atendimento".into();
    flow
}

fn library() -> Library {
    FlowShelf::new()
        .with("coleta.flow.ron", coleta())
        .with("atendimento.flow.ron", caller("Coleta de CPF"))
        .library("atendimento.flow.ron")
}

fn options() -> Options {
    Options {
        library: library(),
        ..Options::default()
    }
}

fn run(flow: &Flow, scenario: &str) -> Run {
    let mut run = Run::new(flow, &super::scenario(scenario), options());
    run.run_to_end();
    run
}

#[test]
fn a_called_flow_runs_with_the_same_world_and_goes_on_by_done() {
    let flow = caller("Coleta de CPF");
    let run = run(&flow, r#"(name: "s", replies: [Text("123.456.789-09")])"#);
    assert_eq!(reason(&run), EndReason::End);
    assert_eq!(end_node(&run), "fim");
    assert_eq!(
        run.path(),
        [
            "inicio",
            "ola",
            "coleta",
            "coleta/inicio",
            "coleta/pede_cpf",
            "coleta/fim",
            "depois",
            "fim"
        ]
    );
    assert_eq!(
        run.messages(),
        [
            "Olá!",
            "Qual o seu CPF?",
            "CPF anotado.",
            "Seu CPF: 123.456.789-09",
            "Tchau"
        ],
        "the called End's message is sent; what it set is visible after"
    );
    let steps: Vec<(String, Option<String>, Option<String>)> = run
        .steps()
        .map(|step| {
            (
                step.node.to_owned(),
                step.port.map(str::to_owned),
                step.to.map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        steps[2],
        ("coleta".into(), None, Some("coleta/inicio".into())),
        "the SubFlow enters the called flow"
    );
    assert_eq!(
        steps[5],
        (
            "coleta/fim".into(),
            Some("done".into()),
            Some("depois".into())
        ),
        "the called End leaves by the caller's done"
    );
    let marks: Vec<String> = run
        .events()
        .filter(|event| {
            matches!(
                event,
                Event::SubFlowStarted { .. } | Event::SubFlowDone { .. }
            )
        })
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        marks,
        [
            "enters the flow \"Coleta de CPF\" (called by coleta)",
            "the flow \"Coleta de CPF\" ended: back to coleta by done"
        ]
    );
    let scenario = super::scenario(
        r#"(name: "x", expect: (end_node: "fim", path: ["inicio", "ola", "coleta", "coleta/inicio",
            "coleta/pede_cpf", "coleta/fim", "depois", "fim"], vars: {"cpf": "123.456.789-09"}))"#,
    );
    assert_eq!(expect::check(&scenario.expect, &run), vec![]);
}

#[test]
fn any_other_end_inside_ends_the_whole_run_there() {
    let flow = caller("Coleta de CPF");
    let queued = run(&flow, r#"(name: "s", replies: [Text("1"), Text("2")])"#);
    let end = queued.end().unwrap();
    assert_eq!(
        (
            end.reason,
            end.node.as_deref(),
            end.queue.as_deref(),
            end.position
        ),
        (
            EndReason::Queued,
            Some("coleta/fila"),
            Some("Suporte"),
            Some(5)
        ),
        "the caller's team: 4 waiting, not the called flow's 40"
    );
    let waiting = run(&flow, r#"(name: "s")"#);
    assert_eq!(
        (reason(&waiting), end_node(&waiting)),
        (EndReason::WaitingReply, "coleta/pede_cpf")
    );
    // A reply typed then goes on inside the called flow, and back out.
    let mut waiting = waiting;
    assert!(waiting.give_reply("123.456.789-09"));
    waiting.run_to_end();
    assert_eq!(end_node(&waiting), "fim");
}

#[test]
fn a_missing_done_edge_is_a_dead_end_on_the_subflow() {
    let mut flow = caller("Coleta de CPF");
    flow.edges.retain(|edge| edge.from != "coleta");
    let run = run(&flow, r#"(name: "s", replies: [Text("123.456.789-09")])"#);
    let end = run.end().unwrap();
    assert_eq!(
        (end.reason, end.node.as_deref()),
        (EndReason::DeadEnd, Some("coleta"))
    );
    assert!(end.message.contains("`done`"), "{}", end.message);
}

#[test]
fn a_flow_that_calls_itself_ends_the_run_at_the_call() {
    // Directly.
    let itself = caller("Atendimento");
    let run = run(&itself, r#"(name: "s")"#);
    let end = run.end().unwrap();
    assert_eq!(
        (end.reason, end.node.as_deref()),
        (EndReason::Error, Some("coleta"))
    );
    assert_eq!(
        end.cause.as_deref(),
        Some(&EndCause::SubFlow {
            flow: "Atendimento".into(),
            problem: CallProblem::Cycle {
                chain: vec!["Atendimento".into(), "Atendimento".into()]
            }
        })
    );
    assert_eq!(
        end.message,
        "the flow `Atendimento` is already running: it calls itself (Atendimento -> Atendimento)"
    );
    // Through another flow.
    let mut back = coleta();
    back.nodes.push(crate::flow::Node::new(
        "volta",
        (0.0, 0.0),
        crate::flow::NodeKind::SubFlow {
            flow: "atendimento.flow.ron".into(),
        },
    ));
    back.edges.retain(|edge| edge.from != "inicio");
    back.edges
        .push(crate::flow::Edge::new("inicio", "next", "volta"));
    let library = FlowShelf::new()
        .with("coleta.flow.ron", back)
        .with("atendimento.flow.ron", caller("Coleta de CPF"))
        .library("atendimento.flow.ron");
    let mut run = Run::new(
        &caller("Coleta de CPF"),
        &super::scenario(r#"(name: "s")"#),
        Options {
            library,
            ..Options::default()
        },
    );
    run.run_to_end();
    let end = run.end().unwrap();
    assert_eq!(end.node.as_deref(), Some("coleta/volta"));
    assert!(matches!(
        end.cause.as_deref(),
        Some(EndCause::SubFlow { problem: CallProblem::Cycle { chain }, .. })
            if chain == &["Atendimento", "Coleta de CPF", "Atendimento"]
    ));
}

#[test]
fn a_flow_that_cannot_be_had_ends_the_run_at_the_call() {
    let lost = caller("Sumiu");
    let end = run(&lost, r#"(name: "s")"#).end().cloned().unwrap();
    assert_eq!(
        (end.reason, end.node.as_deref()),
        (EndReason::Error, Some("coleta"))
    );
    assert!(matches!(
        end.cause.as_deref(),
        Some(EndCause::SubFlow {
            problem: CallProblem::Library {
                error: LibraryError::NotFound { .. }
            },
            ..
        })
    ));
    // Before the call the run goes as usual.
    let mut no_library = Run::new(
        &caller("Coleta de CPF"),
        &super::scenario(r#"(name: "s")"#),
        Options::default(),
    );
    no_library.run_to_end();
    let end = no_library.end().unwrap();
    assert_eq!(no_library.messages(), ["Olá!"]);
    assert!(
        end.message.contains("save it first"),
        "a flow in no folder: {}",
        end.message
    );
    let empty = caller(" ");
    let end = run(&empty, r#"(name: "s")"#).end().cloned().unwrap();
    assert_eq!(
        end.cause.as_deref(),
        Some(&EndCause::SubFlow {
            flow: String::new(),
            problem: CallProblem::NoFlow
        })
    );
}

#[test]
fn nested_calls_are_named_by_their_whole_chain_and_bounded() {
    // atendimento -> meio (node `etapa`) -> coleta (node `coleta`).
    let mut meio = caller("Coleta de CPF");
    meio.name = "Meio".into();
    let mut top = caller("Meio");
    top.nodes.iter_mut().for_each(|node| {
        if node.id == "coleta" {
            node.id = "etapa".into();
        }
    });
    for edge in &mut top.edges {
        for end in [&mut edge.from, &mut edge.to] {
            if end == "coleta" {
                *end = "etapa".into();
            }
        }
    }
    let library = FlowShelf::new()
        .with("meio.flow.ron", meio)
        .with("coleta.flow.ron", coleta())
        .library("top.flow.ron");
    let options = Options {
        library: library.clone(),
        ..Options::default()
    };
    let mut run = Run::new(
        &top,
        &super::scenario(r#"(name: "s", replies: [Text("123.456.789-09")])"#),
        options,
    );
    run.run_to_end();
    assert_eq!(
        run.path(),
        [
            "inicio",
            "ola",
            "etapa",
            "etapa/inicio",
            "etapa/ola",
            "etapa/coleta",
            "etapa/coleta/inicio",
            "etapa/coleta/pede_cpf",
            "etapa/coleta/fim",
            "etapa/depois",
            "etapa/fim",
            "depois",
            "fim"
        ]
    );
    // A chain of distinct flows deeper than the limit stops at the call that goes too deep.
    let mut shelf = FlowShelf::new();
    for level in 0..MAX_CALL_DEPTH + 5 {
        let mut flow = caller(&format!("n{}", level + 1));
        flow.name = format!("n{level}");
        shelf = shelf.with(format!("n{level}.flow.ron"), flow);
    }
    let mut deep_top = caller("n1");
    deep_top.name = "n0".into();
    let mut run = Run::new(
        &deep_top,
        &super::scenario(r#"(name: "s")"#),
        Options {
            library: shelf.library("n0.flow.ron"),
            ..Options::default()
        },
    );
    run.run_to_end();
    let end = run.end().unwrap();
    assert!(
        matches!(
            end.cause.as_deref(),
            Some(EndCause::SubFlow {
                problem: CallProblem::TooDeep { .. },
                ..
            })
        ),
        "{end}"
    );
    assert_eq!(
        end.node.as_deref().map(|id| id.matches('/').count()),
        Some(MAX_CALL_DEPTH - 1),
        "the SubFlow at depth {MAX_CALL_DEPTH} ends the run"
    );
}

#[test]
fn called_flows_are_bounded_in_size() {
    let mut big = flow(r#"(id: "inicio", kind: Entry())"#, "", "");
    big.name = "Grande".into();
    big.nodes
        .extend((0..crate::sim::MAX_CALLED_NODES / 2).map(|n| {
            crate::flow::Node::new(
                format!("n{n}"),
                (0.0, 0.0),
                crate::flow::NodeKind::End {
                    message: String::new(),
                },
            )
        }));
    let mut twice = caller("Grande");
    twice.nodes.push(crate::flow::Node::new(
        "de_novo",
        (0.0, 0.0),
        crate::flow::NodeKind::SubFlow {
            flow: "Grande".into(),
        },
    ));
    twice.edges.retain(|edge| edge.from != "inicio");
    twice
        .edges
        .push(crate::flow::Edge::new("inicio", "next", "de_novo"));
    let mut run = Run::new(
        &twice,
        &super::scenario(r#"(name: "s")"#),
        Options {
            library: FlowShelf::new()
                .with("g.flow.ron", big)
                .library("t.flow.ron"),
            ..Options::default()
        },
    );
    run.run_to_end();
    let end = run.end().unwrap();
    assert_eq!(
        end.node.as_deref(),
        Some("de_novo"),
        "the second copy is one too many"
    );
    assert!(matches!(
        end.cause.as_deref(),
        Some(EndCause::SubFlow {
            problem: CallProblem::TooLarge { .. },
            ..
        })
    ));
}

#[test]
fn coverage_breakpoints_back_and_start_see_the_called_nodes() {
    let mut flow = caller("Coleta de CPF");
    flow.scenarios = vec![super::scenario(
        r#"(name: "ok", replies: [Text("123.456.789-09")])"#,
    )];
    let mut batch = Batch::new(&flow, options());
    batch.run(&flow.scenarios[0]);
    let report = batch.coverage().report();
    assert_eq!(report.uncovered_nodes, ["coleta/fila"]);
    let branches: Vec<String> = report
        .uncovered_branches
        .iter()
        .map(|b| format!("{}.{} -> {}", b.from, b.port, b.to))
        .collect();
    assert_eq!(branches, ["coleta/pede_cpf.invalid -> coleta/fila"]);
    assert_eq!(
        report.branches_total, 7,
        "4 of the caller (done counted once), 3 of the called flow"
    );
    let program = batch.program();
    assert!(
        batch
            .coverage()
            .is_port_covered(program.node_index("coleta").unwrap(), "done")
    );

    // A breakpoint inside the called flow, and back across the call.
    let scenario = Scenario {
        name: "b".into(),
        replies: vec![crate::flow::Reply::Text("123.456.789-09".into())],
        ..Scenario::default()
    };
    let mut run = Run::new(
        &flow,
        &scenario,
        Options {
            history: true,
            ..options()
        },
    );
    assert_eq!(
        run.run_until(["coleta/pede_cpf"]),
        Stop::Breakpoint("coleta/pede_cpf".into())
    );
    assert!(run.back());
    assert!(run.back());
    assert_eq!(run.current_node(), Some("coleta"));
    assert!(run.back());
    assert_eq!(run.current_node(), Some("ola"));
    run.run_to_end();
    assert_eq!(end_node(&run), "fim");

    // Run from here, inside the called flow: it goes back out by done.
    let inside = super::scenario(
        r#"(name: "x", start: "coleta/pede_cpf", replies: [Text("123.456.789-09")])"#,
    );
    let mut run = Run::new(&flow, &inside, options());
    run.run_to_end();
    assert_eq!(
        run.path(),
        ["coleta/pede_cpf", "coleta/fim", "depois", "fim"]
    );
}

#[test]
fn a_flow_called_twice_is_compiled_twice() {
    let mut flow = caller("Coleta de CPF");
    flow.nodes.push(crate::flow::Node::new(
        "confirma",
        (0.0, 0.0),
        crate::flow::NodeKind::SubFlow {
            flow: "coleta.flow.ron".into(),
        },
    ));
    flow.edges.retain(|edge| edge.from != "depois");
    flow.edges
        .push(crate::flow::Edge::new("depois", "next", "confirma"));
    flow.edges
        .push(crate::flow::Edge::new("confirma", "done", "fim"));
    let run = run(
        &flow,
        r#"(name: "s", replies: [Text("123.456.789-09"), Text("529.982.247-25")])"#,
    );
    assert_eq!(end_node(&run), "fim");
    assert!(run.path().contains(&"confirma/pede_cpf"));
    assert_eq!(run.variable("cpf").as_deref(), Some("529.982.247-25"));
}
