//! The LiveChat node: every route, availability, fallback, waiting, outcomes, results.

use super::{end_node, flow, reason, run_with, var};
use crate::flow::{AgentStatus, AutoAssign, EndReason, Flow};
use crate::sim::{AssignedBy, Batch, Event, Fallback, Options, Run};

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

/// `flow` with `department` assigning its chats automatically.
fn auto(mut flow: Flow, department: &str, how: AutoAssign) -> Flow {
    flow.team.auto_assign.insert(department.to_owned(), how);
    flow
}

/// The chat-opened event of a run: department, fallback and candidates as `id (chats)`.
fn opened(run: &Run) -> Option<(String, Option<Fallback>, Vec<String>)> {
    run.events().find_map(|event| match event {
        Event::ChatOpened(opened) => Some((
            opened.department.to_string(),
            opened.fallback.clone(),
            opened
                .candidates
                .iter()
                .map(|c| format!("{} ({}/{})", c.agent, c.active_chats, c.capacity))
                .collect(),
        )),
        _ => None,
    })
}

#[test]
fn a_department_assigns_nobody_and_names_who_may_take_it() {
    let flow = handoff("Suporte", "Department", "");
    // bia 1 of 3 chats, duda 2 (no limit), caio away.
    let run = run_with(&flow, r#"(name: "s")"#);
    assert_eq!(run.assigned_agent(), None, "nobody in particular");
    assert_eq!(assigned(&run), None);
    assert_eq!(
        opened(&run),
        Some((
            "Suporte".into(),
            None,
            vec!["bia (1/3)".into(), "duda (2/0)".into()]
        ))
    );
    assert_eq!(run.agents()[1].active_chats, 1, "nobody took one more chat");
    assert_eq!(
        end_node(&run),
        "ac",
        "it does not wait: default outcome agent_closed"
    );
    assert_eq!(run.department(), "Suporte");
    let json: serde_json::Value = serde_json::from_str(&var(&run, "transferencia")).unwrap();
    assert_eq!(json["agent"], "");
    assert_eq!(json["department"], "Suporte");
    let text = run
        .events()
        .find(|event| matches!(event, Event::ChatOpened(_)))
        .unwrap()
        .to_string();
    assert_eq!(
        text,
        "chat opened for department Suporte without an agent; may take it: Bia Lima (bia, 1 of 3 chats), Duda (duda, 2 chats, no limit)"
    );
    // Nobody available: it waits, as before.
    let run = run_with(
        &flow,
        r#"(name: "s", agents: {"bia": Away, "duda": Offline})"#,
    );
    assert_eq!(reason(&run), EndReason::Queued);
    assert_eq!(opened(&run), None);
}

#[test]
fn least_busy_picks_the_fewest_chats_then_id() {
    let flow = auto(
        handoff("Suporte", "Department", ""),
        "Suporte",
        AutoAssign::LeastBusy,
    );
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
    assert_eq!(
        run.department(),
        "Suporte",
        "assigned, the department stays"
    );
    let (_, by, why) = assigned(&run).unwrap();
    assert_eq!(by, AssignedBy::Route);
    assert!(
        why.contains("department Suporte assigns automatically (LeastBusy): bia has the fewest active chats (1)"),
        "{why}"
    );
    // A tie goes by id, whatever the order in the file; listing a department twice counts once.
    let mut tied = flow.clone();
    tied.team.agents[3].active_chats = 1;
    tied.team.agents.swap(1, 3);
    tied.team.agents[1].departments.push("Suporte".into());
    assert_eq!(who(&tied, r#"(name: "s")"#), "bia");
    let run = run_with(&tied, r#"(name: "s", agents: {"bia": Away})"#);
    assert_eq!(run.assigned_agent(), Some("duda"));
    assert_eq!(run.agents()[1].active_chats, 2);
    // Another department is not assigned automatically.
    let other = auto(
        handoff("Comercial", "Department", ""),
        "Suporte",
        AutoAssign::LeastBusy,
    );
    assert_eq!(who(&other, r#"(name: "s")"#), "");
}

#[test]
fn round_robin_takes_the_next_after_the_sequential_cursor_and_moves_it() {
    let mut flow = auto(
        handoff("Suporte", "Department", ""),
        "Suporte",
        AutoAssign::RoundRobin,
    );
    flow.scenarios = (0..3)
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
    assert_eq!(picks, ["bia", "duda", "bia"], "caio is away");
    assert_eq!(
        batch.cursors().get("Suporte").map(String::as_str),
        Some("bia")
    );
    // The cursor is the one Sequential uses: a Sequential chat moves it too.
    let run = Run::new(
        &flow,
        &super::scenario(r#"(name: "x")"#),
        Options {
            cursors: [("Suporte".to_owned(), "bia".to_owned())].into(),
            ..Options::default()
        },
    );
    let mut run = run;
    run.run_to_end();
    assert_eq!(run.assigned_agent(), Some("duda"));
    let (_, _, why) = assigned(&run).unwrap();
    assert!(
        why.contains("RoundRobin): duda is the next available after bia"),
        "{why}"
    );
    // Nobody available: the cursor stays and the chat waits.
    let mut nobody = Run::new(
        &flow,
        &super::scenario(r#"(name: "x", agents: {"bia": Offline, "duda": Away})"#),
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
fn named_agents_and_their_fallback() {
    let agent = handoff("Suporte", r#"Agent("ana")"#, "");
    let run = run_with(&agent, r#"(name: "s")"#);
    assert_eq!(
        assigned(&run).map(|a| (a.0, a.1)),
        Some(("ana".into(), AssignedBy::Route)),
        "even outside the department"
    );
    assert_eq!(
        run.department(),
        "",
        "opened for the agent, not the department"
    );
    // An agent without capacity limit takes it.
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

    // Not available: the chat opens for the department, which assigns nobody.
    let offline = run_with(&agent, r#"(name: "s", agents: {"ana": Offline})"#);
    assert_eq!(offline.assigned_agent(), None);
    assert_eq!(
        opened(&offline),
        Some((
            "Suporte".into(),
            Some(Fallback::Unavailable {
                agent: "ana".into(),
                status: AgentStatus::Offline,
                active_chats: 1,
                capacity: 2
            }),
            vec!["bia (1/3)".into(), "duda (2/0)".into()]
        ))
    );
    assert_eq!(offline.department(), "Suporte");
    let line = offline
        .events()
        .find(|event| matches!(event, Event::ChatOpened(_)))
        .unwrap()
        .to_string();
    assert!(
        line.starts_with("ana is offline; chat opened for department Suporte"),
        "{line}"
    );
    // ...unless it assigns automatically.
    let assigning = auto(agent.clone(), "Suporte", AutoAssign::LeastBusy);
    let offline = run_with(&assigning, r#"(name: "s", agents: {"ana": Offline})"#);
    let (id, by, why) = assigned(&offline).unwrap();
    assert_eq!((id.as_str(), by), ("bia", AssignedBy::Fallback));
    assert!(
        why.contains("ana is offline; fallback to department Suporte assigns automatically"),
        "{why}"
    );
    assert_eq!(offline.department(), "Suporte");
    let unknown = handoff("Suporte", r#"Agent("zé")"#, "");
    let run = run_with(&unknown, r#"(name: "s")"#);
    assert_eq!(
        opened(&run).and_then(|o| o.1),
        Some(Fallback::NotInTeam {
            agent: "zé".into()
        })
    );
    let (_, by, why) = assigned(&run_with(
        &auto(unknown, "Suporte", AutoAssign::LeastBusy),
        r#"(name: "s")"#,
    ))
    .unwrap();
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
    let away = run_with(
        &field,
        r#"(name: "s", contact: (custom: {"gerente": "caio"}))"#,
    );
    assert_eq!(away.assigned_agent(), None, "caio is away: the department");
    assert!(matches!(
        opened(&away).and_then(|o| o.1),
        Some(Fallback::Unavailable {
            status: AgentStatus::Away,
            ..
        })
    ));
    let empty = run_with(&field, r#"(name: "s")"#);
    assert_eq!(
        opened(&empty).and_then(|o| o.1),
        Some(Fallback::EmptyField {
            key: "gerente".into()
        }),
        "empty field: the department"
    );
    let auto_field = auto(field, "Suporte", AutoAssign::LeastBusy);
    assert_eq!(who(&auto_field, r#"(name: "s")"#), "bia");
    let last = handoff("Suporte", "LastAgent", "");
    assert_eq!(
        who(&last, r#"(name: "s", contact: (last_agent: "duda"))"#),
        "duda"
    );
    let none = run_with(&last, r#"(name: "s")"#);
    assert_eq!(none.assigned_agent(), None);
    assert_eq!(opened(&none).and_then(|o| o.1), Some(Fallback::NoLastAgent));
    let last = auto(last, "Suporte", AutoAssign::LeastBusy);
    assert_eq!(who(&last, r#"(name: "s")"#), "bia");
    let (_, by, why) = assigned(&run_with(&last, r#"(name: "s")"#)).unwrap();
    assert_eq!(by, AssignedBy::Fallback);
    assert!(why.contains("no last agent"), "{why}");
}

#[test]
fn unassigned_opens_for_anyone_in_the_team() {
    // The department is left empty: the route opens the chat for no department.
    let flow = handoff("", "Unassigned", "");
    let run = run_with(&flow, r#"(name: "s")"#);
    assert_eq!(run.assigned_agent(), None);
    assert_eq!(
        opened(&run),
        Some((
            String::new(),
            None,
            vec!["ana (1/2)".into(), "bia (1/3)".into(), "duda (2/0)".into()]
        )),
        "every available agent of the team, in id order"
    );
    assert_eq!(run.department(), "");
    assert_eq!(end_node(&run), "ac");
    let json: serde_json::Value = serde_json::from_str(&var(&run, "transferencia")).unwrap();
    assert_eq!(
        (json["route"].as_str(), json["department"].as_str()),
        (Some("Unassigned"), Some(""))
    );
    // A department written anyway is not used, even one that assigns automatically.
    let named = auto(
        handoff("Suporte", "Unassigned", ""),
        "Suporte",
        AutoAssign::LeastBusy,
    );
    let run = run_with(&named, r#"(name: "s")"#);
    assert_eq!(run.assigned_agent(), None);
    assert_eq!(opened(&run).map(|o| o.0), Some(String::new()));
    // Nobody in the team: the chat waits open for anyone (no queue), or times out.
    let everyone_away = r#"(name: "s", agents: {"ana": Away, "bia": Away, "duda": Offline})"#;
    let run = run_with(&flow, everyone_away);
    let end = run.end().unwrap();
    assert_eq!(
        (
            end.reason,
            end.queue.as_deref(),
            end.position,
            end.node.as_deref()
        ),
        (EndReason::Queued, None, None, Some("t"))
    );
    assert_eq!(
        end.cause.as_deref(),
        Some(&crate::sim::EndCause::OpenForAnyone)
    );
    let screen = run.chat_lists();
    assert_eq!(
        (screen.names(), screen.department.as_str()),
        (vec!["All", "Open"], "")
    );
    let waiting = handoff("", "Unassigned", ", wait_timeout_s: 60");
    assert_eq!(end_node(&run_with(&waiting, everyone_away)), "to");
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
    let flow = auto(
        handoff(
            "Suporte",
            "Department",
            ", wait_timeout_s: 60, inactivity_timeout_s: 120",
        ),
        "Suporte",
        AutoAssign::LeastBusy,
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
            r#"{{"status":"user_closed","agent":"bia","department":"Suporte","route":"Department","integration_id":2,"skill_id":"sk","extra_info":{{"protocolo":"{chat_id}"}},"contact_info":{{"nome":"Rui"}},"history":[]}}"#
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
    let flow = auto(flow, "Comercial", AutoAssign::LeastBusy);
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
