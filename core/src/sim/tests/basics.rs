//! Entry, Message, SetVariable, Condition, BusinessHours, Queue, End; ends and broken flows.

use super::{end_node, flow, reason, run, run_with, var, warnings};
use crate::flow::{EndReason, Flow, Node, Scenario};
use crate::sim::{Event, Options, Run};

fn greeting() -> Flow {
    flow(
        r#"(id: "inicio", kind: Entry(channels: [WhatsApp, Web])),
           (id: "ola", kind: Message(text: "Olá {{contact.name}}! Protocolo {{chat.protocol}}", buttons: ["Sim", "{{contact.custom.plano}}"])),
           (id: "fim", kind: End(message: "Até logo, <? $contact.name ?>."))"#,
        r#"(from: "inicio", port: "next", to: "ola"), (from: "ola", port: "next", to: "fim")"#,
        r#"(name: "whats", contact: (name: "Maria", custom: {"plano": "ouro"}), clock: "2026-11-23T10:15:00-03:00"),
           (name: "insta", contact: (name: "Maria", channel: Instagram))"#,
    )
}

#[test]
fn entry_message_end() {
    let flow = greeting();
    let run = run(&flow, "whats");
    assert_eq!(reason(&run), EndReason::End);
    assert_eq!(end_node(&run), "fim");
    assert_eq!(run.path(), ["inicio", "ola", "fim"]);
    let messages = run.messages();
    let protocol = var(&run, "chat.protocol");
    assert!(protocol.starts_with("20261123"), "{protocol}");
    assert_eq!(protocol.len(), 8 + 7);
    assert_eq!(messages[0], format!("Olá Maria! Protocolo {protocol}"));
    assert_eq!(messages[1], "Até logo, Maria.");
    let step = run.step_at(1).unwrap();
    assert_eq!(step.node, "ola");
    assert_eq!(step.port, Some("next"));
    assert_eq!(step.to, Some("fim"));
    assert!(
        matches!(&step.events[0], Event::MessageSent { buttons, .. } if buttons == &["Sim", "ouro"])
    );
    assert!(warnings(&run).is_empty(), "{:?}", warnings(&run));
}

#[test]
fn channel_not_served_ends_on_the_entry() {
    let flow = greeting();
    let run = run(&flow, "insta");
    assert_eq!(reason(&run), EndReason::ChannelNotServed);
    assert_eq!(end_node(&run), "inicio");
    assert_eq!(run.path(), ["inicio"]);
    assert!(run.end().unwrap().message.contains("Instagram"));
    // No channels listed: all four.
    let mut open = greeting();
    open.nodes[0].kind = crate::flow::KindTag::Entry.default_kind();
    assert_eq!(reason(&super::run(&open, "insta")), EndReason::End);
    // A contact without a channel writes on WhatsApp.
    let only_web = flow_with_channels("[Web]");
    assert_eq!(
        reason(&run_with(&only_web, "(name: \"x\")")),
        EndReason::ChannelNotServed
    );
}

fn flow_with_channels(channels: &str) -> Flow {
    flow(
        &format!(r#"(id: "inicio", kind: Entry(channels: {channels})), (id: "fim", kind: End())"#),
        r#"(from: "inicio", port: "next", to: "fim")"#,
        "",
    )
}

#[test]
fn missing_values_expand_to_nothing_with_a_warning() {
    let flow = greeting();
    let run = run_with(&flow, "(name: \"anon\")");
    assert_eq!(run.messages()[1], "Até logo, .");
    let warnings = warnings(&run);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`contact.name` has no value")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`contact.custom.plano`")),
        "{warnings:?}"
    );
}

#[test]
fn now_and_chat_variables() {
    let flow = flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "v", kind: SetVariable(set: {"quando": "{{now.weekday}} {{now.date}} {{now.time}} h{{now.hour}}", "id": "{{chat.id}}"})),
           (id: "fim", kind: End())"#,
        r#"(from: "inicio", port: "next", to: "v"), (from: "v", port: "next", to: "fim")"#,
        r#"(name: "utc", clock: "2026-11-24T02:05:00Z"), (name: "padrão")"#,
    );
    let utc = run(&flow, "utc");
    assert_eq!(
        var(&utc, "quando"),
        "Tue 2026-11-24 02:05 h2",
        "read at the clock's own offset"
    );
    let default = run(&flow, "padrão");
    assert_eq!(var(&default, "quando"), "Mon 2026-01-05 10:00 h10");
    assert!(var(&default, "chat.protocol").starts_with("20260105"));
    assert_eq!(var(&default, "id"), var(&default, "chat.id"));
    assert_ne!(
        var(&utc, "chat.id"),
        var(&default, "chat.id"),
        "derived from the scenario"
    );
}

#[test]
fn set_variable_in_order_and_contact_fields() {
    let flow = flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "v", kind: SetVariable(set: {"a": "1", "b": "{{a}}+1", "contact.custom.plano": "prata", "contact.name": "Ana", "chat.id": "x"})),
           (id: "fim", kind: End(message: "{{contact.custom.plano}} {{contact.name}}"))"#,
        r#"(from: "inicio", port: "next", to: "v"), (from: "v", port: "next", to: "fim")"#,
        r#"(name: "s", contact: (custom: {"plano": "ouro"}))"#,
    );
    let run = run(&flow, "s");
    assert_eq!(var(&run, "b"), "1+1");
    assert_eq!(run.messages(), ["prata Ana"]);
    let set: Vec<(&str, Option<&str>)> = run
        .events()
        .filter_map(|event| match event {
            Event::VariableSet { name, old, .. } => Some((&**name, old.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        set,
        [
            ("a", None),
            ("b", None),
            ("contact.custom.plano", Some("ouro")),
            ("contact.name", None)
        ]
    );
    assert!(
        warnings(&run)
            .iter()
            .any(|w| w.contains("`chat.id` cannot be set"))
    );
}

#[test]
fn a_text_sent_again_is_expanded_again() {
    // Three nodes share one template (and its memo of the last expansion): the second sends the
    // same text, the third must see the variable changed in between.
    let flow = flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "m1", kind: Message(text: "Plano {{contact.custom.plano}}.")),
           (id: "m2", kind: Message(text: "Plano {{contact.custom.plano}}.")),
           (id: "v", kind: SetVariable(set: {"contact.custom.plano": "prata"})),
           (id: "m3", kind: Message(text: "Plano {{contact.custom.plano}}.")),
           (id: "fim", kind: End(message: "Plano {{contact.custom.plano}}."))"#,
        r#"(from: "inicio", port: "next", to: "m1"), (from: "m1", port: "next", to: "m2"),
           (from: "m2", port: "next", to: "v"), (from: "v", port: "next", to: "m3"),
           (from: "m3", port: "next", to: "fim")"#,
        r#"(name: "s", contact: (custom: {"plano": "ouro"}))"#,
    );
    let run = run(&flow, "s");
    assert_eq!(
        run.messages(),
        ["Plano ouro.", "Plano ouro.", "Plano prata.", "Plano prata."]
    );
}

fn condition_flow(cases: &str) -> Flow {
    flow(
        &format!(
            r#"(id: "inicio", kind: Entry()),
               (id: "c", kind: Condition(cases: [{cases}])),
               (id: "a", kind: End()), (id: "b", kind: End()), (id: "senao", kind: End())"#
        ),
        r#"(from: "inicio", port: "next", to: "c"), (from: "c", port: "a", to: "a"),
           (from: "c", port: "b", to: "b"), (from: "c", port: "else", to: "senao")"#,
        r#"(name: "s", contact: (custom: {"idade": "42", "plano": " Ouro "}))"#,
    )
}

fn branch(run: &Run) -> (String, Option<u32>, Option<u32>, String) {
    run.events()
        .find_map(|event| match event {
            Event::BranchTaken {
                port,
                case,
                rule,
                why,
            } => Some((port.to_string(), *case, *rule, why.clone())),
            _ => None,
        })
        .expect("a branch")
}

#[test]
fn condition_first_case_that_holds_names_the_deciding_rule() {
    let flow = condition_flow(
        r#"(port: "a", mode: All, rules: [(var: "contact.custom.idade", op: Greater, value: "9"), (var: "contact.custom.plano", op: Equals, value: "ouro")]),
           (port: "b", mode: Any, rules: [(var: "contact.custom.plano", op: In, value: "prata, ouro")])"#,
    );
    let run = run(&flow, "s");
    assert_eq!(end_node(&run), "a");
    let (port, case, rule, why) = branch(&run);
    assert_eq!(
        (port.as_str(), case, rule),
        ("a", Some(0), Some(1)),
        "All: the last rule"
    );
    assert!(why.contains("contact.custom.plano"), "{why}");

    let any = condition_flow(
        r#"(port: "a", mode: All, rules: [(var: "contact.custom.idade", op: Less, value: "9")]),
           (port: "b", mode: Any, rules: [(var: "nada", op: IsNotEmpty), (var: "contact.custom.plano", op: StartsWith, value: "OU"), (var: "contact.custom.idade", op: Equals, value: "42")])"#,
    );
    let run = super::run(&any, "s");
    let (port, case, rule, _) = branch(&run);
    assert_eq!(
        (port.as_str(), case, rule),
        ("b", Some(1), Some(1)),
        "Any: the first that held"
    );
    assert!(
        warnings(&run).is_empty(),
        "IsNotEmpty on an unset variable is not worth a warning"
    );
}

#[test]
fn condition_else_and_odd_cases() {
    let flow = condition_flow(
        r#"(port: "a", mode: All, rules: []),
           (port: "b", mode: All, rules: [(var: "contact.custom.plano", op: Matches, value: "(")])"#,
    );
    let run = run(&flow, "s");
    assert_eq!(end_node(&run), "senao");
    let (port, case, rule, _) = branch(&run);
    assert_eq!((port.as_str(), case, rule), ("else", None, None));
    let warnings = warnings(&run);
    assert!(
        warnings.iter().any(|w| w.contains("case `a` has no rules")),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("does not compile")),
        "{warnings:?}"
    );
    // No cases at all: else.
    let empty = condition_flow("");
    assert_eq!(end_node(&super::run(&empty, "s")), "senao");
}

#[test]
fn condition_value_is_a_template_and_matches_can_read_variables() {
    let flow = condition_flow(
        r#"(port: "a", mode: All, rules: [(var: "contact.custom.idade", op: Equals, value: "{{contact.custom.idade}}.0")]),
           (port: "b", mode: All, rules: [])"#,
    );
    assert_eq!(end_node(&run(&flow, "s")), "a");
    let regex = condition_flow(
        r#"(port: "a", mode: All, rules: [(var: "contact.custom.idade", op: Matches, value: "^{{contact.custom.idade}}$")])"#,
    );
    assert_eq!(end_node(&run(&regex, "s")), "a");
}

fn hours_flow(scenarios: &str) -> Flow {
    flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "h", kind: BusinessHours(schedule: "Expediente")),
           (id: "aberto", kind: End()), (id: "fechado", kind: End())"#,
        r#"(from: "inicio", port: "next", to: "h"), (from: "h", port: "open", to: "aberto"), (from: "h", port: "closed", to: "fechado")"#,
        scenarios,
    )
}

#[test]
fn business_hours_against_the_scenario_clock() {
    let flow = hours_flow(
        r#"(name: "17:59", clock: "2026-11-23T17:59:00-03:00"),
           (name: "18:00", clock: "2026-11-23T18:00:00-03:00"),
           (name: "08:00", clock: "2026-11-23T08:00:00-03:00"),
           (name: "natal", clock: "2026-12-25T10:00:00-03:00"),
           (name: "utc aberto", clock: "2026-11-23T20:59:00Z"),
           (name: "utc fechado", clock: "2026-11-23T21:00:00Z"),
           (name: "sábado", clock: "2026-11-28T10:00:00-03:00"),
           (name: "padrão")"#,
    );
    for (name, expected) in [
        ("17:59", "aberto"),
        ("18:00", "fechado"),
        ("08:00", "aberto"),
        ("natal", "fechado"),
        ("utc aberto", "aberto"),
        ("utc fechado", "fechado"),
        ("sábado", "fechado"),
        ("padrão", "aberto"),
    ] {
        assert_eq!(end_node(&run(&flow, name)), expected, "{name}");
    }
    let (_, _, _, why) = branch(&run(&flow, "natal"));
    assert!(why.contains("holiday 2026-12-25"), "{why}");
}

#[test]
fn unknown_schedule_and_bad_clock_are_errors() {
    let mut flow = hours_flow(r#"(name: "s"), (name: "relógio", clock: "amanhã")"#);
    let run = run(&flow, "relógio");
    assert_eq!(reason(&run), EndReason::Error);
    assert_eq!(run.step_count(), 0);
    assert!(run.end().unwrap().message.contains("clock"));
    if let crate::flow::NodeKind::BusinessHours { schedule } = &mut flow.nodes[1].kind {
        *schedule = "Plantão".into();
    }
    let run = super::run(&flow, "s");
    assert_eq!(reason(&run), EndReason::Error);
    assert_eq!(end_node(&run), "h");
    assert!(run.end().unwrap().message.contains("`Plantão`"));
}

#[test]
fn queue_ends_at_waiting_plus_one() {
    let flow = flow(
        r#"(id: "inicio", kind: Entry()), (id: "fila", kind: Queue(queue: "Suporte", message: "Aguarde, {{contact.name}}.")),
           (id: "fila2", kind: Queue(queue: "Comercial"))"#,
        r#"(from: "inicio", port: "next", to: "fila")"#,
        r#"(name: "s", contact: (name: "Rui"))"#,
    );
    let run = run(&flow, "s");
    let end = run.end().unwrap();
    assert_eq!(
        (end.reason, end.queue.as_deref(), end.position),
        (EndReason::Queued, Some("Suporte"), Some(5))
    );
    assert_eq!(run.messages(), ["Aguarde, Rui."]);
}

#[test]
fn dead_end_missing_node_no_entry_two_entries() {
    let flow = flow(
        r#"(id: "inicio", kind: Entry()), (id: "m", kind: Message(text: "oi"))"#,
        r#"(from: "inicio", port: "next", to: "m")"#,
        r#"(name: "s")"#,
    );
    let run = run(&flow, "s");
    assert_eq!((reason(&run), end_node(&run)), (EndReason::DeadEnd, "m"));
    assert_eq!(
        run.path(),
        ["inicio", "m"],
        "the node with the port is executed"
    );
    assert!(run.end().unwrap().message.contains("`next`"));

    let mut broken = flow.clone();
    broken
        .edges
        .push(crate::flow::Edge::new("m", "next", "sumiu"));
    let run = super::run(&broken, "s");
    assert_eq!((reason(&run), end_node(&run)), (EndReason::Error, "m"));
    assert!(run.end().unwrap().message.contains("`sumiu`"));

    let mut headless = flow.clone();
    headless.nodes.remove(0);
    let mut run = Run::new(&headless, &Scenario::default(), Options::default());
    assert!(run.step().is_none());
    assert_eq!(reason(&run), EndReason::Error);
    assert!(run.end().unwrap().message.contains("no Entry"));

    let mut twice = flow.clone();
    twice.nodes.push(Node::new(
        "outra",
        (0.0, 0.0),
        crate::flow::KindTag::Entry.default_kind(),
    ));
    let run = super::run(&twice, "s");
    assert_eq!(run.path(), ["inicio", "m"], "starts at the first Entry");
    assert!(warnings(&run)[0].contains("2 Entry nodes"));
}

#[test]
fn step_limit_on_a_loop() {
    let flow = flow(
        r#"(id: "inicio", kind: Entry()), (id: "a", kind: SetVariable(set: {"x": "{{x}}."})), (id: "b", kind: Message(text: "volta"))"#,
        r#"(from: "inicio", port: "next", to: "a"), (from: "a", port: "next", to: "b"), (from: "b", port: "next", to: "a")"#,
        r#"(name: "s")"#,
    );
    let run = run(&flow, "s");
    assert_eq!(reason(&run), EndReason::StepLimit);
    assert_eq!(run.step_count(), crate::sim::DEFAULT_STEP_LIMIT);
    // 10,000 steps: inicio, then a/b alternately; the next would be `b`.
    assert_eq!(end_node(&run), "b");
    let mut short = Run::new(
        &flow,
        &flow.scenarios[0],
        Options {
            step_limit: 5,
            ..Options::default()
        },
    );
    short.run_to_end();
    assert_eq!(short.step_count(), 5);
    assert_eq!(short.path(), ["inicio", "a", "b", "a", "b"]);
    assert_eq!(var(&short, "x"), "..");
}

#[test]
fn the_same_scenario_gives_the_same_run() {
    let flow = crate::generator::flow(200, 3);
    for scenario in crate::generator::scenarios(20, 5) {
        let mut a = Run::new(&flow, &scenario, Options::default());
        let mut b = Run::new(&flow, &scenario, Options::default());
        a.run_to_end();
        b.run_to_end();
        let json = |run: &Run| serde_json::to_string(&run.steps().collect::<Vec<_>>()).unwrap();
        assert_eq!(json(&a), json(&b), "{}", scenario.name);
        assert_eq!(a.end(), b.end());
        assert_eq!(a.variables(), b.variables());
    }
}
