//! The LiveChat node: every route, availability, fallback, waiting, outcomes, results.

use super::{end_node, flow, reason, run_with, var};
use crate::flow::{EndReason, Flow};
use crate::sim::{AssignedBy, Batch, Event, Options, Run};

/// A LiveChat to `department` by `route`, each outcome to its own End.
fn handoff(department: &str, route: &str, extra: &str) -> Flow {
    flow(
        &format!(
            r#"(id: "inicio", kind: Entry()),
               (id: "t", kind: LiveChat(department: "{department}", route: {route}, integration_id: 2, skill_id: "sk",
                   extra_info: {{"protocolo": "{{{{chat.id}}}}"}}, contact_info: {{"nome": "<? $contact.name ?>"}},
                   result_variable: "transferencia", closing_message: "Até mais, {{{{contact.name}}}}!"{extra})),
               (id: "ac", kind: End()), (id: "uc", kind: End()), (id: "to", kind: End()), (id: "ui", kind: End())"#
        ),
        r#"(from: "inicio", port: "next", to: "t"), (from: "t", port: "agent_closed", to: "ac"),
           (from: "t", port: "user_closed", to: "uc"), (from: "t", port: "timeout", to: "to"),
           (from: "t", port: "user_inactivity_timeout", to: "ui")"#,
        "",
    )
}

fn assigned(run: &Run) -> Option<(String, AssignedBy, String)> {
    run.events().find_map(|event| match event {
        Event::AgentAssigned { agent, by, why, .. } => Some((agent.to_string(), *by, why.clone())),
        _ => None,
    })
}

fn who(flow: &Flow, scenario: &str) -> String {
    run_with(flow, scenario)
        .assigned_agent()
        .unwrap_or("")
        .to_owned()
}

#[test]
fn department_picks_the_fewest_chats_then_id() {
    let flow = handoff("Suporte", "Department", "");
    // bia 1 chat, duda 2, caio away.
    assert_eq!(who(&flow, r#"(name: "s")"#), "bia");
    assert_eq!(
        who(&flow, r#"(name: "s", agents: {"caio": Online})"#),
        "caio",
        "0 chats"
    );
    assert_eq!(
        who(&flow, r#"(name: "s", agents: {"bia": Offline})"#),
        "duda"
    );
    let run = run_with(&flow, r#"(name: "s")"#);
    assert_eq!(run.agents()[1].active_chats, 2, "bia took one more chat");
    assert_eq!(end_node(&run), "ac", "default outcome agent_closed");
    // A tie goes by id, whatever the order in the file; listing a department twice counts once.
    let mut tied = flow.clone();
    tied.team.agents[3].active_chats = 1;
    tied.team.agents.swap(1, 3);
    tied.team.agents[1].departments.push("Suporte".into());
    assert_eq!(who(&tied, r#"(name: "s")"#), "bia");
    let run = run_with(&tied, r#"(name: "s", agents: {"bia": Away})"#);
    assert_eq!(run.assigned_agent(), Some("duda"));
    assert_eq!(run.agents()[1].active_chats, 2);
}

#[test]
fn named_agents_and_their_fallback() {
    let agent = handoff("Suporte", r#"Agent("ana")"#, "");
    let run = run_with(&agent, r#"(name: "s")"#);
    assert_eq!(
        assigned(&run).map(|a| (a.0, a.1)),
        Some(("ana".into(), AssignedBy::Route)),
        "even outside the department"
    );
    // An agent at capacity falls back to the department.
    let full = handoff("Suporte", r#"Agent("duda")"#, "");
    let full_team = run_with(&full, r#"(name: "s", agents: {"bia": Offline})"#);
    assert_eq!(
        full_team.assigned_agent(),
        Some("duda"),
        "duda has no capacity limit"
    );
    let capped = handoff("Comercial", r#"Agent("ana")"#, "");
    let mut flow = capped.clone();
    flow.team.agents[0].active_chats = 2;
    let run = run_with(&flow, r#"(name: "s")"#);
    assert_eq!(
        reason(&run),
        EndReason::Queued,
        "ana at capacity, nobody else in Comercial"
    );
    let why = run.events().find_map(|e| match e {
        Event::NoAgentAvailable { why, .. } => Some(why.clone()),
        _ => None,
    });
    assert!(why.unwrap().contains("ana is at capacity (2 of 2 chats)"));

    let offline = run_with(&agent, r#"(name: "s", agents: {"ana": Offline})"#);
    let (id, by, why) = assigned(&offline).unwrap();
    assert_eq!((id.as_str(), by), ("bia", AssignedBy::Fallback));
    assert!(
        why.contains("ana is offline; fallback to department Suporte"),
        "{why}"
    );
    let unknown = handoff("Suporte", r#"Agent("zé")"#, "");
    let (_, by, why) = assigned(&run_with(&unknown, r#"(name: "s")"#)).unwrap();
    assert_eq!(by, AssignedBy::Fallback);
    assert!(why.contains("`zé` is not in the team"), "{why}");
}

#[test]
fn agent_from_field_and_last_agent() {
    let field = handoff("Suporte", r#"AgentFromField("gerente")"#, "");
    assert_eq!(
        who(
            &field,
            r#"(name: "s", contact: (custom: {"gerente": "ana"}))"#
        ),
        "ana"
    );
    assert_eq!(
        who(
            &field,
            r#"(name: "s", contact: (custom: {"gerente": "caio"}))"#
        ),
        "bia",
        "caio is away"
    );
    assert_eq!(
        who(&field, r#"(name: "s")"#),
        "bia",
        "empty field: the department"
    );
    let last = handoff("Suporte", "LastAgent", "");
    assert_eq!(
        who(&last, r#"(name: "s", contact: (last_agent: "duda"))"#),
        "duda"
    );
    assert_eq!(who(&last, r#"(name: "s")"#), "bia");
    let (_, by, why) = assigned(&run_with(&last, r#"(name: "s")"#)).unwrap();
    assert_eq!(by, AssignedBy::Fallback);
    assert!(why.contains("no last agent"), "{why}");
}

#[test]
fn random_is_seeded() {
    let flow = handoff("Suporte", "Random", "");
    let everyone = r#"agents: {"caio": Online}"#;
    let picks: Vec<String> = (0..40)
        .map(|seed| who(&flow, &format!(r#"(name: "s", seed: {seed}, {everyone})"#)))
        .collect();
    for (seed, pick) in picks.iter().enumerate() {
        assert_eq!(
            &who(&flow, &format!(r#"(name: "s", seed: {seed}, {everyone})"#)),
            pick,
            "replayable"
        );
    }
    for id in ["bia", "caio", "duda"] {
        assert!(
            picks.iter().any(|p| p == id),
            "{id} never drawn in 40 seeds: {picks:?}"
        );
    }
    assert!(!picks.iter().any(|p| p == "ana"), "ana is not of Suporte");
    assert_eq!(
        reason(&run_with(
            &flow,
            r#"(name: "s", agents: {"bia": Away, "duda": Away})"#
        )),
        EndReason::Queued
    );
}

#[test]
fn sequential_skips_unavailable_agents_wraps_and_carries_across_a_batch() {
    let mut flow = handoff("Suporte", "Sequential", "");
    flow.team.agents.push(crate::flow::Agent {
        id: "beto".into(),
        departments: vec!["Suporte".into()],
        ..Default::default()
    });
    // In id order: beto, bia, caio (away), duda.
    flow.scenarios = (0..5)
        .map(|i| super::scenario(&format!(r#"(name: "{i}")"#)))
        .collect();
    let mut batch = Batch::new(&flow, Options::default());
    let picks: Vec<String> = flow
        .scenarios
        .iter()
        .map(|scenario| {
            batch
                .run(scenario)
                .assigned_agent()
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    assert_eq!(
        picks,
        ["beto", "bia", "duda", "beto", "bia"],
        "caio skipped, wraps after duda"
    );
    assert_eq!(
        batch.cursors().get("Suporte").map(String::as_str),
        Some("bia")
    );

    // A cursor on the last agent wraps to the first available; unavailable agents after it are skipped.
    let mut run = Run::new(
        &flow,
        &super::scenario(r#"(name: "x", agents: {"beto": Offline})"#),
        Options {
            cursors: [("Suporte".to_owned(), "caio".to_owned())].into(),
            ..Options::default()
        },
    );
    run.run_to_end();
    assert_eq!(run.assigned_agent(), Some("duda"));
    let (_, _, why) = assigned(&run).unwrap();
    assert!(why.contains("after caio"), "{why}");
    // The cursor moves only when Sequential gives a chat.
    let mut nobody = Run::new(
        &flow,
        &super::scenario(r#"(name: "x", agents: {"beto": Offline, "bia": Offline, "duda": Away})"#),
        Options {
            cursors: [("Suporte".to_owned(), "bia".to_owned())].into(),
            ..Options::default()
        },
    );
    nobody.run_to_end();
    assert_eq!(reason(&nobody), EndReason::Queued);
    assert_eq!(
        nobody.cursors().get("Suporte").map(String::as_str),
        Some("bia")
    );
}

#[test]
fn nobody_available_queues_or_times_out() {
    let flow = handoff("Comercial", "Department", "");
    let queued = run_with(&flow, r#"(name: "s", agents: {"ana": Away})"#);
    let end = queued.end().unwrap();
    assert_eq!(
        (end.reason, end.queue.as_deref(), end.position),
        (EndReason::Queued, Some("Comercial"), Some(1))
    );
    assert_eq!(end_node(&queued), "t");
    assert_eq!(
        queued.variable("live_chat.status"),
        None,
        "the handoff did not end"
    );

    let waiting = handoff("Comercial", "Department", ", wait_timeout_s: 600");
    let run = run_with(
        &waiting,
        r#"(name: "s", agents: {"ana": Away}, live_chat: [UserClosed], clock: "2026-11-23T10:00:00-03:00")"#,
    );
    assert_eq!(end_node(&run), "to");
    assert_eq!(var(&run, "live_chat.status"), "timeout");
    assert_eq!(run.clock().to_rfc3339(), "2026-11-23T10:10:00-03:00");
    assert!(
        !run.messages().iter().any(|m| m.contains("Até mais")),
        "no closing message on timeout"
    );
    let json: serde_json::Value = serde_json::from_str(&var(&run, "transferencia")).unwrap();
    assert_eq!(json["agent"], "");
    assert_eq!(json["status"], "timeout");
}

#[test]
fn the_four_outcomes_closing_message_and_result() {
    let flow = handoff(
        "Suporte",
        "Department",
        ", wait_timeout_s: 60, inactivity_timeout_s: 120",
    );
    let scenario = r#"(name: "s", contact: (name: "Rui"), clock: "2026-11-23T10:00:00-03:00", live_chat: [LIVE])"#;
    for (outcome, node, closing, minutes) in [
        ("AgentClosed", "ac", true, "00"),
        ("UserClosed", "uc", true, "00"),
        ("Timeout", "to", false, "01"),
        ("UserInactivityTimeout", "ui", false, "02"),
    ] {
        let run = run_with(&flow, &scenario.replace("LIVE", outcome));
        assert_eq!(end_node(&run), node, "{outcome}");
        assert_eq!(
            run.messages().contains(&"Até mais, Rui!"),
            closing,
            "{outcome}"
        );
        assert_eq!(
            run.clock().to_rfc3339(),
            format!("2026-11-23T10:{minutes}:00-03:00"),
            "{outcome}"
        );
        let word = crate::flow::LiveChatOutcome::ALL
            .iter()
            .find(|o| format!("{o:?}") == outcome)
            .unwrap()
            .as_str();
        assert_eq!(var(&run, "live_chat.status"), word);
    }
    let run = run_with(&flow, &scenario.replace("LIVE", "UserClosed"));
    let result = var(&run, "transferencia");
    let chat_id = var(&run, "chat.id");
    assert_eq!(
        result,
        format!(
            r#"{{"status":"user_closed","agent":"bia","department":"Suporte","route":"Department","integration_id":2,"skill_id":"sk","extra_info":{{"protocolo":"{chat_id}"}},"contact_info":{{"nome":"Rui"}}}}"#
        )
    );
    let started = run.events().find_map(|e| match e {
        Event::HandoffStarted(handoff) => {
            Some((handoff.extra_info.clone(), handoff.contact_info.clone()))
        }
        _ => None,
    });
    let (extra, contact) = started.unwrap();
    assert_eq!(extra, [("protocolo".into(), chat_id.as_str().into())]);
    assert_eq!(contact, [("nome".into(), "Rui".into())]);
}

#[test]
fn the_closing_message_knows_how_the_conversation_ended() {
    let mut flow = handoff("Suporte", "Department", "");
    if let Some(node) = flow.nodes.iter_mut().find(|node| node.id == "t")
        && let crate::flow::NodeKind::LiveChat {
            closing_message, ..
        } = &mut node.kind
    {
        *closing_message = "Encerrado ({{live_chat.status}}) {{transferencia}}".into();
    }
    let run = run_with(&flow, r#"(name: "s", live_chat: [UserClosed])"#);
    let closing = run
        .messages()
        .into_iter()
        .find(|text| text.starts_with("Encerrado"))
        .map(str::to_owned)
        .unwrap_or_default();
    assert!(
        closing.starts_with("Encerrado (user_closed) {\"status\":\"user_closed\""),
        "{closing}"
    );
    assert!(
        !run.events()
            .any(|event| matches!(event, Event::Warning { message }
            if message.contains("live_chat.status") || message.contains("transferencia"))),
        "no empty-variable warning for what the node itself sets"
    );
}

#[test]
fn outcomes_are_used_in_order_and_chats_add_up() {
    let flow = flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "t1", kind: LiveChat(department: "Comercial")),
           (id: "t2", kind: LiveChat(department: "Comercial")),
           (id: "fim", kind: End()), (id: "fim2", kind: End())"#,
        r#"(from: "inicio", port: "next", to: "t1"), (from: "t1", port: "user_closed", to: "t2"),
           (from: "t2", port: "agent_closed", to: "fim"), (from: "t2", port: "user_closed", to: "fim2")"#,
        "",
    );
    // ana: capacity 2, 1 chat. The first handoff fills her up; the second finds nobody.
    let run = run_with(&flow, r#"(name: "s", live_chat: [UserClosed, UserClosed])"#);
    assert_eq!(reason(&run), EndReason::Queued);
    assert_eq!(end_node(&run), "t2");
    assert_eq!(run.assigned_agent(), Some("ana"), "who got the chat last");
    let mut roomy = flow.clone();
    roomy.team.agents[0].capacity = 0;
    let run = run_with(&roomy, r#"(name: "s", live_chat: [UserClosed])"#);
    assert_eq!(end_node(&run), "fim", "outcomes ran out: agent_closed");
    assert_eq!(run.agents()[0].active_chats, 3);
}
