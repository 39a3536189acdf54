use super::*;
use crate::flow::{Case, Expectations, Mode, Scenario};

fn sample() -> Flow {
    let mut flow = Flow::new("t");
    flow.nodes.push(Node::new(
        "msg",
        (200.0, 0.0),
        KindTag::Message.default_kind(),
    ));
    flow.nodes.push(Node::new(
        "cond",
        (400.0, 0.0),
        KindTag::Condition.default_kind(),
    ));
    flow.nodes
        .push(Node::new("fim", (600.0, 0.0), KindTag::End.default_kind()));
    flow.edges.push(Edge::new("inicio", "next", "msg"));
    flow.edges.push(Edge::new("msg", "next", "cond"));
    flow.edges.push(Edge::new("cond", "sim", "fim"));
    flow.edges.push(Edge::new("cond", "else", "fim"));
    flow.scenarios.push(Scenario {
        name: "s".into(),
        expect: Expectations {
            end_node: Some("fim".into()),
            path: Some(vec![
                "inicio".into(),
                "msg".into(),
                "cond".into(),
                "fim".into(),
            ]),
            ..Expectations::default()
        },
        ..Scenario::default()
    });
    flow
}

/// Applies, undoes and redoes a command; checks that undo restores the exact flow.
fn round_trip(command: Command) -> Flow {
    let before = sample();
    let mut flow = before.clone();
    let mut history = History::default();
    history.apply(&mut flow, command).unwrap();
    let after = flow.clone();
    assert_ne!(after, before, "the command changed nothing");
    assert!(history.undo(&mut flow));
    assert_eq!(flow, before, "undo must restore the exact flow");
    assert!(history.redo(&mut flow));
    assert_eq!(flow, after, "redo must give the same result");
    assert!(history.undo(&mut flow));
    assert_eq!(flow, before);
    after
}

#[test]
fn every_command_undoes_exactly() {
    let after = round_trip(Command::AddNodes {
        nodes: vec![Node::new("novo", (1.0, 2.0), KindTag::Ask.default_kind())],
        edges: vec![Edge::new("novo", "answered", "fim")],
    });
    assert!(after.node("novo").is_some());

    let after = round_trip(Command::RemoveNodes {
        ids: vec!["msg".into(), "cond".into()],
    });
    assert_eq!(after.edges.len(), 0, "the edges of removed nodes go too");

    round_trip(Command::MoveNodes {
        moves: vec![("msg".into(), (5.0, 5.0)), ("fim".into(), (9.0, 9.0))],
    });
    round_trip(Command::SetKind {
        id: "msg".into(),
        kind: NodeKind::Message {
            text: "Olá".into(),
            buttons: vec![],
        },
    });

    let after = round_trip(Command::Rename {
        from: "fim".into(),
        to: "final".into(),
    });
    assert!(after.edges.iter().all(|edge| edge.to != "fim"));
    assert_eq!(after.scenarios[0].expect.end_node.as_deref(), Some("final"));
    assert_eq!(after.scenarios[0].expect.path.as_ref().unwrap()[3], "final");

    let after = round_trip(Command::RenamePort {
        node: "cond".into(),
        from: "sim".into(),
        to: "yes".into(),
    });
    assert!(after.edge_from("cond", "yes").is_some());

    // Rewiring an occupied port.
    let after = round_trip(Command::Connect {
        from: "msg".into(),
        port: "next".into(),
        to: "fim".into(),
    });
    assert_eq!(after.edge_from("msg", "next").unwrap().to, "fim");
    assert_eq!(after.edges.len(), 4);

    // Disconnecting keeps the order of the other edges on undo.
    let after = round_trip(Command::Disconnect {
        from: "msg".into(),
        port: "next".into(),
    });
    assert!(after.edge_from("msg", "next").is_none());

    round_trip(Command::SetName("novo nome".into()));
    round_trip(Command::SetDescription("nota".into()));
    round_trip(Command::SetTeam(Team {
        api_base: "https://x".into(),
        ..Team::default()
    }));
    round_trip(Command::SetScenarios(vec![]));
    let after = round_trip(Command::SetLoad(Some(crate::flow::LoadPlan {
        hours: 4,
        ..crate::flow::LoadPlan::default()
    })));
    assert_eq!(after.load.as_ref().map(|plan| plan.hours), Some(4));
    round_trip(Command::Batch(vec![
        Command::SetKind {
            id: "cond".into(),
            kind: NodeKind::Condition {
                cases: vec![Case {
                    port: "yes".into(),
                    mode: Mode::Any,
                    rules: vec![],
                }],
            },
        },
        Command::RenamePort {
            node: "cond".into(),
            from: "sim".into(),
            to: "yes".into(),
        },
    ]));
}

#[test]
fn connecting_a_free_port_appends_and_undo_removes_it() {
    let mut flow = sample();
    flow.edges.retain(|edge| edge.port != "else");
    let before = flow.clone();
    let mut history = History::default();
    history
        .apply(
            &mut flow,
            Command::Connect {
                from: "cond".into(),
                port: "else".into(),
                to: "msg".into(),
            },
        )
        .unwrap();
    assert_eq!(flow.edges.len(), before.edges.len() + 1);
    history.undo(&mut flow);
    assert_eq!(flow, before);
}

#[test]
fn refused_commands_change_nothing_and_say_why() {
    let before = sample();
    let cases = [
        (
            Command::RemoveNodes {
                ids: vec!["inicio".into()],
            },
            EditError::LastEntry,
        ),
        (
            Command::Rename {
                from: "msg".into(),
                to: "fim".into(),
            },
            EditError::IdTaken("fim".into()),
        ),
        (
            Command::Rename {
                from: "msg".into(),
                to: "a b".into(),
            },
            EditError::InvalidId("a b".into()),
        ),
        (
            Command::Connect {
                from: "msg".into(),
                port: "next".into(),
                to: "inicio".into(),
            },
            EditError::IntoEntry,
        ),
        (
            Command::Connect {
                from: "msg".into(),
                port: "nope".into(),
                to: "fim".into(),
            },
            EditError::NoSuchPort {
                node: "msg".into(),
                port: "nope".into(),
            },
        ),
        (
            Command::AddNodes {
                nodes: vec![Node::new("x", (0.0, 0.0), KindTag::Entry.default_kind())],
                edges: vec![],
            },
            EditError::SecondEntry,
        ),
        (
            Command::Batch(vec![
                Command::SetName("changed".into()),
                Command::RemoveNodes {
                    ids: vec!["ghost".into()],
                },
            ]),
            EditError::NoSuchNode("ghost".into()),
        ),
    ];
    for (command, expected) in cases {
        let mut flow = before.clone();
        let mut history = History::default();
        let err = history.apply(&mut flow, command).unwrap_err();
        assert_eq!(err, expected);
        assert!(!err.to_string().is_empty());
        assert_eq!(flow, before, "a refused command changes nothing");
        assert!(!history.can_undo());
    }
}

#[test]
fn typing_merges_until_sealed() {
    let mut flow = sample();
    let before = flow.clone();
    let mut history = History::default();
    for text in ["O", "Ol", "Olá"] {
        let kind = NodeKind::Message {
            text: text.into(),
            buttons: vec![],
        };
        history
            .apply_merged(
                &mut flow,
                Command::SetKind {
                    id: "msg".into(),
                    kind,
                },
                "msg.text",
            )
            .unwrap();
    }
    assert_eq!(history.undo_len(), 1);
    history.seal();
    history
        .apply_merged(&mut flow, Command::SetName("x".into()), "msg.text")
        .unwrap();
    assert_eq!(history.undo_len(), 2, "sealed: a new step");
    history.undo(&mut flow);
    history.undo(&mut flow);
    assert_eq!(flow, before);
}

#[test]
fn state_tells_when_undo_leads_back_to_the_saved_flow() {
    let mut flow = sample();
    let mut history = History::default();
    let saved = history.state();
    history
        .apply(&mut flow, Command::SetName("a".into()))
        .unwrap();
    let after_a = history.state();
    assert_ne!(after_a, saved);
    history.undo(&mut flow);
    assert_eq!(history.state(), saved);
    history.redo(&mut flow);
    assert_eq!(history.state(), after_a);
    // A merged edit after a save is a new state.
    history
        .apply_merged(&mut flow, Command::SetName("b".into()), "name")
        .unwrap();
    let typed = history.state();
    history
        .apply_merged(&mut flow, Command::SetName("bc".into()), "name")
        .unwrap();
    assert_ne!(history.state(), typed);
}

#[test]
fn keeps_at_least_a_hundred_steps() {
    let mut flow = sample();
    let before = flow.clone();
    let mut history = History::default();
    for i in 0..150 {
        history
            .apply(
                &mut flow,
                Command::MoveNodes {
                    moves: vec![("msg".into(), (i as f32, 0.0))],
                },
            )
            .unwrap();
    }
    let mut undone = 0;
    while history.undo(&mut flow) {
        undone += 1;
    }
    assert_eq!(undone, 150);
    assert_eq!(flow, before);

    let mut small = History::new(3);
    for i in 0..5 {
        small
            .apply(&mut flow, Command::SetName(i.to_string()))
            .unwrap();
    }
    assert_eq!(small.undo_len(), 3);
}

#[test]
fn a_rename_moves_the_start_and_the_ids_inside_a_called_flow() {
    let mut flow = sample();
    flow.nodes.push(Node::new(
        "coleta",
        (300.0, 100.0),
        NodeKind::SubFlow {
            flow: "Coleta de CPF".into(),
        },
    ));
    flow.scenarios[0].start = Some("coleta/pede_cpf".into());
    flow.scenarios[0].expect.path = Some(vec![
        "coleta".into(),
        "coleta/inicio".into(),
        "coletar".into(),
        "coleta-x/fim".into(),
    ]);
    flow.scenarios[0].expect.end_node = Some("coleta/fim".into());
    let mut history = History::default();
    history
        .apply(
            &mut flow,
            Command::Rename {
                from: "coleta".into(),
                to: "cpf".into(),
            },
        )
        .unwrap();
    let scenario = &flow.scenarios[0];
    assert_eq!(scenario.start.as_deref(), Some("cpf/pede_cpf"));
    assert_eq!(scenario.expect.end_node.as_deref(), Some("cpf/fim"));
    assert_eq!(
        scenario.expect.path.as_deref().unwrap(),
        ["cpf", "cpf/inicio", "coletar", "coleta-x/fim"],
        "only the node and its own inner ids"
    );
    assert!(history.undo(&mut flow));
    assert_eq!(flow.scenarios[0].start.as_deref(), Some("coleta/pede_cpf"));
}
