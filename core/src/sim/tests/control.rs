//! Driving a run: back, reset, run_until, live edits of the team.

use super::{end_node, flow, reason, scenario};
use crate::flow::{AgentStatus, EndReason, Flow};
use crate::sim::{Options, Run, Status, Stop};

fn trainer_flow() -> Flow {
    flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "ola", kind: Message(text: "Olá")),
           (id: "p", kind: Ask(prompt: "Nome?", save_as: "nome", retries: 1)),
           (id: "v", kind: SetVariable(set: {"saudacao": "Oi {{nome}}"})),
           (id: "t", kind: LiveChat(department: "Comercial", route: Agent("ana"), result_variable: "r")),
           (id: "fim", kind: End(message: "{{saudacao}}"))"#,
        r#"(from: "inicio", port: "next", to: "ola"), (from: "ola", port: "next", to: "p"),
           (from: "p", port: "answered", to: "v"), (from: "v", port: "next", to: "t"),
           (from: "t", port: "agent_closed", to: "fim")"#,
        r#"(name: "s", replies: [Text(" "), Text("Rui")], seed: 9)"#,
    )
}

fn with_history(flow: &Flow) -> Run {
    Run::new(
        flow,
        &flow.scenarios[0],
        Options {
            history: true,
            ..Options::default()
        },
    )
}

#[test]
fn back_restores_the_exact_previous_state() {
    let flow = trainer_flow();
    let mut run = with_history(&flow);
    let mut states = Vec::new();
    loop {
        states.push(run.whole_state());
        if run.step().is_none() {
            break;
        }
    }
    assert_eq!(reason(&run), EndReason::End);
    let steps = run.step_count();
    assert_eq!(states.len(), steps + 1);
    for expected in states.iter().rev().skip(1) {
        assert!(run.back());
        assert!(
            run.whole_state() == *expected,
            "state after back() differs at step {}",
            run.step_count()
        );
    }
    assert!(!run.back(), "nothing left to undo");
    // Forward again: the same run.
    let mut again = with_history(&flow);
    again.run_to_end();
    run.run_to_end();
    assert!(run.events().eq(again.events()));
}

#[test]
fn back_is_off_without_history() {
    let flow = trainer_flow();
    let mut run = Run::new(&flow, &flow.scenarios[0], Options::default());
    run.step();
    assert!(!run.back());
    assert!(!run.can_back());
}

#[test]
fn back_over_a_given_reply() {
    let flow = trainer_flow();
    let mut run = Run::new(
        &flow,
        &scenario(r#"(name: "s")"#),
        Options {
            history: true,
            ..Options::default()
        },
    );
    run.run_to_end();
    assert_eq!(reason(&run), EndReason::WaitingReply);
    let waiting_events = run.events().count();
    assert!(run.give_reply("Ana"));
    run.step();
    assert_eq!(run.variable("nome").as_deref(), Some("Ana"));
    assert!(run.back());
    assert!(
        run.is_running(),
        "before the step that read the reply, after it was given"
    );
    assert!(run.back());
    assert_eq!(run.current_node(), Some("p"));
    assert!(run.is_running());
    run.run_to_end();
    assert_eq!(
        reason(&run),
        EndReason::WaitingReply,
        "the given reply went back with its step"
    );
    assert_eq!(run.events().count(), waiting_events);
}

#[test]
fn reset_keeps_cursors_and_trainer_edits() {
    let flow = trainer_flow();
    let mut run = with_history(&flow);
    run.run_to_end();
    assert_eq!(run.assigned_agent(), Some("ana"));
    assert!(run.set_agent_status("ana", AgentStatus::Offline));
    assert!(!run.set_agent_status("zé", AgentStatus::Offline));
    run.reset();
    assert_eq!(run.step_count(), 0);
    assert_eq!(run.status(), &Status::Running);
    assert!(!run.can_back());
    run.run_to_end();
    assert_eq!(
        reason(&run),
        EndReason::Queued,
        "ana stays offline after the reset"
    );
}

#[test]
fn turning_an_agent_offline_takes_effect_from_the_next_step() {
    let flow = trainer_flow();
    let mut run = with_history(&flow);
    let stop = run.run_until(["t"]);
    assert_eq!(stop, Stop::Breakpoint("t".into()));
    assert_eq!(run.current_node(), Some("t"));
    assert_eq!(run.path(), ["inicio", "ola", "p", "v"]);
    assert!(run.set_agent_status("ana", AgentStatus::Offline));
    assert!(!run.agents()[0].available);
    run.run_to_end();
    assert_eq!(reason(&run), EndReason::Queued);
    assert_eq!(end_node(&run), "t");
    // Back before the handoff keeps the edit: stepping again queues again.
    assert!(run.back());
    run.run_to_end();
    assert_eq!(reason(&run), EndReason::Queued);
}

#[test]
fn swapping_the_team() {
    let flow = trainer_flow();
    let mut run = with_history(&flow);
    run.run_until(["t"]);
    let mut team = flow.team.clone();
    team.agents.retain(|agent| agent.id != "ana");
    team.waiting.insert("Comercial".into(), 7);
    run.set_team(&team);
    run.run_to_end();
    let end = run.end().unwrap();
    assert_eq!((end.reason, end.position), (EndReason::Queued, Some(8)));
    assert_eq!(run.agents().len(), 3);
    // Reset keeps the edited team (and its agents line up with their states).
    assert!(run.set_agent_status("bia", AgentStatus::Away));
    run.reset();
    let agents = run.agents();
    assert_eq!(agents.len(), 3);
    assert_eq!((agents[0].id.as_str(), agents[0].active_chats), ("bia", 1));
    assert_eq!(agents[0].status, AgentStatus::Away);
    run.run_to_end();
    assert_eq!(run.end().unwrap().position, Some(8));
}

#[test]
fn run_until_does_not_stop_where_it_starts() {
    let flow = trainer_flow();
    let mut run = with_history(&flow);
    assert_eq!(run.run_until(["ola", "v"]), Stop::Breakpoint("ola".into()));
    assert_eq!(run.step_count(), 1);
    assert_eq!(run.run_until(["ola", "v"]), Stop::Breakpoint("v".into()));
    assert_eq!(run.run_until(["ola", "v"]), Stop::Ended);
    assert_eq!(run.run_until(["ola"]), Stop::Ended);
    assert_eq!(reason(&run), EndReason::End);
    assert_eq!(run.messages().last(), Some(&"Oi Rui"));
    // Unknown breakpoint ids are ignored.
    let mut other = with_history(&flow);
    assert_eq!(other.run_until(["nada"]), Stop::Ended);
}

#[test]
fn transcript_lines_carry_their_step() {
    let flow = trainer_flow();
    let mut run = Run::new(&flow, &flow.scenarios[0], Options::default());
    run.run_to_end();
    let lines = run.transcript();
    let text: Vec<(usize, &str)> = lines
        .iter()
        .map(|line| (line.step, line.text.as_str()))
        .collect();
    assert_eq!(text[0], (1, "Olá"));
    assert_eq!(text[1], (2, "Nome?"));
    assert_eq!(text[2], (2, " "));
    assert_eq!(text[3], (2, "Nome?"), "asked again");
    assert_eq!(text[4], (3, "Rui"));
    assert!(
        lines
            .iter()
            .any(|line| line.text.starts_with("agent assigned: Ana Souza (ana)"))
    );
    assert_eq!(lines.last().map(|line| line.text.as_str()), Some("Oi Rui"));
}
