//! `fluxo diff`'s wording: cuts, message lists, and every kind of change and outcome in both
//! languages.

use super::*;

#[test]
fn a_long_value_is_cut_with_the_count_left_out() {
    let long = "é".repeat(1_005);
    let shown = cut(&long, Lang::En);
    assert!(shown.starts_with(&"é".repeat(1_000)));
    assert!(shown.ends_with("… (+5 characters)"), "{shown}");
    assert_eq!(cut("curto", Lang::En), "curto");
}

#[test]
fn messages_show_only_what_differs_between_the_same_start_and_end() {
    let list = |items: &[&str]| {
        items
            .iter()
            .map(|s| SharedStr::from(*s))
            .collect::<Vec<_>>()
    };
    let mut out = String::new();
    messages_text(
        &mut out,
        &list(&["Olá", "Obrigado!", "Até logo"]),
        &list(&["Olá", "Fila", "Até logo"]),
        Lang::En,
    );
    assert_eq!(
        out,
        "    messages the contact receives (- before only, + now only):\n      (1 message the same)\n      - Obrigado!\n      + Fila\n      (1 message the same)\n"
    );
}

fn tree(json: &str) -> Tree {
    serde_json::from_str(json).unwrap_or(Tree::Null)
}

fn change(target: &Target, kind: ChangeKind) -> Change {
    Change {
        target: target.clone(),
        kind,
        effect: Effect::Behaviour,
    }
}

/// One change of every kind.
fn every_change() -> Vec<Change> {
    let node = Target::Node {
        node: "consulta".into(),
        node_kind: Some("Request".into()),
    };
    let ghost = Target::Node {
        node: "fantasma".into(),
        node_kind: None,
    };
    let scenario = Target::Scenario {
        scenario: "Novo".into(),
    };
    let wire = |old: Option<&str>, new: Option<&str>| ChangeKind::Wire {
        port: "ok".into(),
        old: old.map(Into::into),
        new: new.map(Into::into),
    };
    vec![
        change(
            &Target::Flow,
            ChangeKind::Field {
                path: "name".into(),
                old: Some(tree(r#""a""#)),
                new: None,
            },
        ),
        change(
            &node,
            ChangeKind::Added {
                value: tree(r#"{"id": "consulta", "kind": {"Request": {"url": "u"}}}"#),
            },
        ),
        change(
            &node,
            ChangeKind::Removed {
                value: tree(r#"{"id": "consulta", "kind": {"Request": {"url": "v"}}}"#),
            },
        ),
        change(
            &node,
            ChangeKind::Moved {
                from: (0.0, 0.5),
                to: (-10.0, 20.0),
            },
        ),
        change(
            &node,
            ChangeKind::KindChanged {
                old: "Message".into(),
                new: "End".into(),
            },
        ),
        change(&node, wire(Some("a"), Some("b"))),
        change(&node, wire(None, Some("b"))),
        change(&node, wire(Some("a"), None)),
        change(&ghost, wire(Some("a"), None)),
        change(
            &Target::Team,
            ChangeKind::ItemAdded {
                path: "agents[ana]".into(),
                value: tree(r#"{"id": "ana"}"#),
            },
        ),
        change(
            &Target::Team,
            ChangeKind::ItemRemoved {
                path: "agents[bia]".into(),
                value: tree(r#"{"id": "bia"}"#),
            },
        ),
        change(
            &Target::Team,
            ChangeKind::Reordered {
                path: "agents".into(),
                old: vec!["a".into(), "b".into()],
                new: vec!["b".into(), "a".into()],
            },
        ),
        change(&scenario, ChangeKind::Added { value: Tree::Null }),
        change(&scenario, ChangeKind::Removed { value: Tree::Null }),
    ]
}

/// A comparison with one change of every kind, and outcomes of every shape.
fn every_kind() -> (Diff, Flow, Flow) {
    let ended = Outcome {
        end_reason: Some(fluxo_core::flow::EndReason::End),
        end_node: Some("fim".into()),
        agent: "ana".into(),
        messages: vec!["Olá".into(), "linha 1\nlinha 2".into()],
        path: vec!["inicio".into(), "fim".into()],
        ..Outcome::default()
    };
    let queued = Outcome {
        end_reason: Some(fluxo_core::flow::EndReason::Queued),
        end_node: Some("fila".into()),
        queue: Some("Suporte".into()),
        position: Some(2),
        messages: vec!["Olá".into()],
        path: vec!["inicio".into(), "fila".into()],
        ..Outcome::default()
    };
    let failed = Outcome {
        end_reason: Some(fluxo_core::flow::EndReason::Error),
        error: Some("the flow has no Entry".into()),
        ..Outcome::default()
    };
    let comparison = |name: &str, version, old: &Outcome, new: &Outcome| Comparison {
        scenario: name.into(),
        version,
        differences: old.differences(new),
        old: old.clone(),
        new: new.clone(),
    };
    let scenarios = vec![
        comparison("Mudou", diff::Version::New, &ended, &queued),
        comparison("Mudou", diff::Version::Old, &ended, &failed),
        comparison("Novo", diff::Version::New, &queued, &ended),
        comparison("Velho", diff::Version::Old, &ended, &ended),
        comparison("Igual", diff::Version::Both, &ended, &ended),
    ];
    let with = |names: &[&str]| Flow {
        scenarios: names
            .iter()
            .map(|name| fluxo_core::flow::Scenario {
                name: (*name).into(),
                ..Default::default()
            })
            .collect(),
        ..Flow::default()
    };
    (
        Diff {
            changes: every_change(),
            scenarios,
        },
        with(&["Mudou", "Velho"]),
        with(&["Mudou", "Novo"]),
    )
}

#[test]
fn every_kind_of_change_and_outcome_is_worded_in_both_languages() {
    let (diff, old, new) = every_kind();
    crate::i18n::record_gaps();
    let english = text(&diff, &old, &new, Lang::En);
    let portuguese = text(&diff, &old, &new, Lang::PtBr);
    let gaps: Vec<String> = crate::i18n::take_gaps()
        .into_iter()
        .filter(|gap| gap.contains("diff-"))
        .collect();
    assert_eq!(gaps, Vec::<String>::new());
    for line in [
        "  flow\n    name: \"a\" -> (not set)\n",
        "  node consulta (Request)\n    added\n      url: \"u\"\n    removed\n      url: \"v\"\n",
        "    moved from (0, 0.5) to (-10, 20)\n",
        "    kind: Message -> End\n",
        "    consulta.ok: a -> b\n",
        "    consulta.ok: now connected to b\n",
        "    consulta.ok: no longer connected (it led to a)\n",
        "  node fantasma (not in either file)\n    fantasma.ok: no longer connected (it led to a)\n",
        "    agents[ana]: added {\"id\":\"ana\"}\n",
        "    agents: new order a, b -> b, a\n",
        "  scenario \"Novo\"\n    added\n    removed\n",
        "These scenarios now end differently (3 of 5):\n",
        "  \"Mudou\" (as the new file writes it)\n    before: End at fim, agent ana\n    now:    Queued at fila, queue Suporte, position 2, no agent\n",
        "  \"Mudou\" (as the old file writes it)\n    before: End at fim, agent ana\n    now:    Error, no agent: the flow has no Entry\n",
        "  \"Novo\" (only in the new file)\n",
        "      - linha 1\n          linha 2\n",
        "3 of 5 scenarios now end differently.\n",
    ] {
        assert!(english.contains(line), "{line:?} in\n{english}");
    }
    assert!(!english.contains("\"Velho\" (only"), "{english}");
    for line in [
        "  fluxo\n    name: \"a\" -> (não definido)\n",
        "    movido de (0, 0.5) para (-10, 20)\n",
        "    consulta.ok: não está mais ligado (ia para a)\n",
        "  \"Mudou\" (como estava no arquivo antigo)\n",
        "    agora: Error, sem atendente: the flow has no Entry\n",
    ] {
        assert!(portuguese.contains(line), "{line:?} in\n{portuguese}");
    }
}
