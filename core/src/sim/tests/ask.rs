//! The Ask node: expect kinds in a run, retries, NoReply, WaitingReply.

use super::{end_node, flow, reason, run, run_with, var};
use crate::flow::{EndReason, Flow};
use crate::sim::{Event, MessageKind, Options, Run};

fn ask_flow(expect: &str, extra: &str) -> Flow {
    flow(
        &format!(
            r#"(id: "inicio", kind: Entry()),
               (id: "p", kind: Ask(prompt: "Seu CPF, {{{{contact.name}}}}?", save_as: "cpf", expect: {expect}{extra})),
               (id: "ok", kind: End(message: "Obrigado: {{{{cpf}}}}")),
               (id: "invalido", kind: End(message: "Não deu.")),
               (id: "silencio", kind: End(message: "Sumiu?"))"#
        ),
        r#"(from: "inicio", port: "next", to: "p"), (from: "p", port: "answered", to: "ok"),
           (from: "p", port: "invalid", to: "invalido"), (from: "p", port: "timeout", to: "silencio")"#,
        "",
    )
}

fn kinds(run: &Run) -> Vec<MessageKind> {
    run.events()
        .filter_map(|event| match event {
            Event::MessageSent { kind, .. } => Some(*kind),
            _ => None,
        })
        .collect()
}

#[test]
fn a_reply_valid_only_after_retries() {
    let flow = ask_flow("Cpf", r#", retry_message: "CPF inválido, tente de novo""#);
    let run = run_with(
        &flow,
        r#"(name: "s", contact: (name: "Rui"), replies: [Text("123"), Text("123.456.789-08"), Text(" 123.456.789-09 ")])"#,
    );
    assert_eq!(end_node(&run), "ok");
    assert_eq!(var(&run, "cpf"), "123.456.789-09", "trimmed");
    assert_eq!(run.path(), ["inicio", "p", "ok"], "the Ask counts once");
    assert_eq!(run.step_count(), 5, "one step per reply read");
    assert_eq!(
        kinds(&run),
        [
            MessageKind::Prompt,
            MessageKind::Retry,
            MessageKind::Retry,
            MessageKind::End
        ]
    );
    assert_eq!(run.messages()[1], "CPF inválido, tente de novo");
    assert_eq!(run.step_at(1).unwrap().to, None, "stayed on the Ask");
    let problems: Vec<&str> = run
        .events()
        .filter_map(|event| match event {
            Event::ReplyRead {
                problem: Some(problem),
                ..
            } => Some(problem.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        problems,
        [
            "a CPF has 11 digits, not 3",
            "the CPF's check digits are wrong"
        ]
    );
}

#[test]
fn retries_two_means_three_invalid_replies_leave_by_invalid() {
    let flow = ask_flow("Number", "");
    let three = run_with(
        &flow,
        r#"(name: "s", replies: [Text("a"), Text("b"), Text("c"), Text("4")])"#,
    );
    assert_eq!(end_node(&three), "invalido");
    assert_eq!(
        kinds(&three),
        [
            MessageKind::Prompt,
            MessageKind::Retry,
            MessageKind::Retry,
            MessageKind::End
        ]
    );
    assert!(
        three.messages()[1].starts_with("Seu CPF"),
        "no retry message: the prompt again"
    );
    assert_eq!(var(&three, "cpf"), "", "nothing saved");
    let zero = ask_flow("Number", ", retries: 0");
    assert_eq!(
        end_node(&run_with(&zero, r#"(name: "s", replies: [Text("a")])"#)),
        "invalido"
    );
    // After leaving, a new visit to the Ask sends the prompt again and counts again in the path.
    let looped = flow_with_loop();
    let run = run_with(&looped, r#"(name: "s", replies: [Text("x"), Text("7")])"#);
    assert_eq!(run.path(), ["inicio", "p", "p", "ok"]);
    assert_eq!(kinds(&run)[..2], [MessageKind::Prompt, MessageKind::Prompt]);
}

fn flow_with_loop() -> Flow {
    flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "p", kind: Ask(prompt: "Número?", save_as: "n", expect: Number, retries: 0)),
           (id: "ok", kind: End())"#,
        r#"(from: "inicio", port: "next", to: "p"), (from: "p", port: "answered", to: "ok"), (from: "p", port: "invalid", to: "p")"#,
        "",
    )
}

#[test]
fn options_save_the_option_as_written() {
    let flow = ask_flow(r#"Options(["Boleto", "Pix"])"#, "");
    assert_eq!(
        var(
            &run_with(&flow, r#"(name: "s", replies: [Text(" pix ")])"#),
            "cpf"
        ),
        "Pix"
    );
    assert_eq!(
        var(
            &run_with(&flow, r#"(name: "s", replies: [Text("1")])"#),
            "cpf"
        ),
        "Boleto"
    );
    let regex = ask_flow(r#"Regex("[A-Z]{2}-[0-9]{4}")"#, "");
    assert_eq!(
        end_node(&run_with(
            &regex,
            r#"(name: "s", replies: [Text("AB-1234")])"#
        )),
        "ok"
    );
    let bad = ask_flow(r#"Regex("(")"#, ", retries: 0");
    let run = run_with(&bad, r#"(name: "s", replies: [Text("x")])"#);
    assert_eq!(end_node(&run), "invalido");
    for (expect, reply) in [
        ("Email", "a@b.co"),
        ("Phone", "(11) 9999-0000"),
        ("Any", "oi"),
    ] {
        let flow = ask_flow(expect, "");
        let run = run_with(
            &flow,
            &format!(r#"(name: "s", replies: [Text("{reply}")])"#),
        );
        assert_eq!(end_node(&run), "ok", "{expect}");
    }
}

#[test]
fn no_reply_with_timeout_leaves_by_timeout_and_moves_the_clock() {
    let flow = ask_flow("Any", ", timeout_s: 300");
    let run = run_with(
        &flow,
        r#"(name: "s", clock: "2026-11-23T10:00:00-03:00", replies: [NoReply])"#,
    );
    assert_eq!(end_node(&run), "silencio");
    assert_eq!(run.clock().to_rfc3339(), "2026-11-23T10:05:00-03:00");
    assert!(
        run.events()
            .any(|e| matches!(e, Event::Silence { timeout_s: 300 }))
    );
    // NoReply after an invalid reply: still the timeout.
    let run = run_with(&flow, r#"(name: "s", replies: [Text(" "), NoReply])"#);
    assert_eq!(end_node(&run), "silencio");
}

#[test]
fn no_reply_without_timeout_waits() {
    let flow = ask_flow("Any", "");
    let run = run_with(&flow, r#"(name: "s", replies: [NoReply])"#);
    assert_eq!(
        (reason(&run), end_node(&run)),
        (EndReason::WaitingReply, "p")
    );
    assert_eq!(
        run.clock().to_rfc3339(),
        "2026-01-05T10:00:00-03:00",
        "the clock did not move"
    );
    let out_of_replies = run_with(&flow, r#"(name: "s")"#);
    assert_eq!(
        (reason(&out_of_replies), end_node(&out_of_replies)),
        (EndReason::WaitingReply, "p")
    );
    assert_eq!(
        out_of_replies.messages(),
        ["Seu CPF, ?"],
        "the prompt was sent"
    );
}

#[test]
fn waiting_reply_then_give_reply_goes_on_from_the_ask() {
    let flow = ask_flow("Number", "");
    let mut run = Run::new(
        &flow,
        &super::super::tests::scenario(r#"(name: "s")"#),
        Options::default(),
    );
    run.run_to_end();
    assert_eq!(reason(&run), EndReason::WaitingReply);
    assert_eq!(run.current_node(), Some("p"));
    assert!(run.give_reply("abc"));
    assert!(run.is_running());
    run.run_to_end();
    assert_eq!(
        reason(&run),
        EndReason::WaitingReply,
        "invalid: asked again, waits again"
    );
    assert_eq!(run.messages().len(), 2);
    assert!(run.give_reply("12"));
    run.run_to_end();
    assert_eq!(end_node(&run), "ok");
    assert_eq!(run.path(), ["inicio", "p", "ok"]);
    assert_eq!(var(&run, "cpf"), "12");
    assert!(!run.give_reply("late"), "an ended run takes no reply");
    // Extra replies from the caller come after the scenario's.
    let mut extra = Run::new(
        &flow,
        &super::scenario(r#"(name: "s", replies: [Text("x")])"#),
        Options {
            extra_replies: vec!["5".into()],
            ..Options::default()
        },
    );
    extra.run_to_end();
    assert_eq!(var(&extra, "cpf"), "5");
}

#[test]
fn an_empty_scenario_on_the_spec_example_runs() {
    let flow = crate::file::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/spec_example.flow.ron"
    )))
    .unwrap()
    .flow;
    let run = run(&flow, "Gerente disponível");
    assert_eq!(reason(&run), EndReason::End);
    assert_eq!(
        run.path(),
        ["inicio", "consulta", "disponivel", "transferir", "fim"]
    );
    assert_eq!(run.assigned_agent(), Some("ana"));
    assert_eq!(var(&run, "status_gerente"), "online");
    assert!(crate::sim::expect::check(&flow.scenarios[0].expect, &run).is_empty());
}
