use super::*;
use crate::flow::{
    Agent, AgentStatus, AskExpect, AutoAssign, Case, Channel, ChatList, Contact, CustomField, Edge,
    EndReason, Expectations, FieldKind, KindTag, LiveChatOutcome, Method, Mock, MockFail, Mode,
    Node, NodeKind, Op, Reply, Route, Rule, Scenario, Schedule, Team, TemplateMap, Weekday,
    WeeklyHours,
};
use proptest::prelude::*;
use std::fs;

const SPEC_EXAMPLE: &str = include_str!("../../tests/data/spec_example.flow.ron");

fn spec_flow() -> Flow {
    match parse(SPEC_EXAMPLE, Format::Ron) {
        Ok(loaded) => loaded.flow,
        Err(err) => panic!("the SPEC example must load: {err}"),
    }
}

#[test]
fn spec_example_loads_as_written() {
    let loaded = parse(SPEC_EXAMPLE, Format::Ron).unwrap();
    assert!(
        loaded.unknown_fields.is_empty(),
        "{:?}",
        loaded.unknown_fields
    );
    let flow = loaded.flow;
    assert_eq!(flow.format, 1);
    assert_eq!(flow.name, "Carteirização de clientes");
    assert_eq!(flow.nodes.len(), 6);
    assert_eq!(flow.edges.len(), 7);
    let NodeKind::Request {
        method,
        timeout_ms,
        save,
        ..
    } = &flow.node("consulta").unwrap().kind
    else {
        panic!("consulta is a Request");
    };
    assert_eq!(*method, Method::Get);
    assert_eq!(*timeout_ms, 5000);
    assert_eq!(save["status_gerente"], "status");
    let NodeKind::Request { timeout_ms, .. } = &flow.node("transferir").unwrap().kind else {
        panic!("transferir is a Request");
    };
    assert_eq!(*timeout_ms, 5000, "default timeout");
    assert_eq!(flow.team.agents[1].status, AgentStatus::Away);
    assert_eq!(flow.team.agents[1].capacity, 0);
    assert_eq!(flow.team.waiting["Atendimento"], 3);
    assert_eq!(flow.team.schedules[0].utc_offset_min, -180);
    let scenario = &flow.scenarios[0];
    assert_eq!(scenario.contact.channel, Some(Channel::WhatsApp));
    assert_eq!(scenario.agents["ana"], AgentStatus::Online);
    assert_eq!(scenario.expect.end_reason, Some(EndReason::End));
    assert_eq!(scenario.expect.agent.as_deref(), Some("ana"));
    assert_eq!(scenario.expect.path.as_ref().unwrap().len(), 5);
    assert!(matches!(
        flow.node("fim").unwrap().kind,
        NodeKind::End { ref message } if message.is_empty()
    ));
}

#[test]
fn spec_example_loads_as_json() {
    let flow = spec_flow();
    let json = to_text(&flow, Format::Json).unwrap();
    assert!(json.contains(r#""Entry": {"#), "externally tagged: {json}");
    let again = parse(&json, Format::Json).unwrap().flow;
    assert_eq!(again, flow);
    let ron = to_text(&flow, Format::Ron).unwrap();
    assert_eq!(parse(&ron, Format::Ron).unwrap().flow, flow);
}

#[test]
fn json_as_the_spec_writes_it() {
    let json = r#"{"format": 1, "nodes": [{"id": "inicio", "pos": [40.0, 120.0], "kind":
        {"Entry": {"channels": ["WhatsApp", "Web"]}}}, {"id": "fim", "pos": [1, 2], "kind": {"End": {}}}],
        "edges": [{"from": "inicio", "port": "next", "to": "fim"}]}"#;
    let flow = parse(json, Format::Json).unwrap().flow;
    assert_eq!(flow.nodes.len(), 2);
    assert_eq!(flow.nodes[1].pos, (1.0, 2.0));
}

#[test]
fn ron_may_enable_implicit_some_itself_or_write_some() {
    let text = "#![enable(implicit_some)]\n(format: 1, scenarios: [(name: \"a\", clock: \"2026-01-05T10:00:00Z\")])";
    let flow = parse(text, Format::Ron).unwrap().flow;
    assert!(flow.scenarios[0].clock.is_some());
    let text = "(format: 1, scenarios: [(name: \"a\", clock: Some(\"2026-01-05T10:00:00Z\"))])";
    let flow = parse(text, Format::Ron).unwrap().flow;
    assert!(flow.scenarios[0].clock.is_some());
}

#[test]
fn errors_name_line_and_column() {
    let text = "(\n    format: 1,\n    nodes: [\n        (id: \"a\", kind: Entry(channels: [Telegram])),\n    ],\n)";
    let TextError::Parse(err) = parse(text, Format::Ron).unwrap_err() else {
        panic!("a parse error");
    };
    assert_eq!(err.line, 4, "{err}");
    assert!(
        matches!(&err.problem, Problem::UnknownVariant { found, expected }
            if found == "Telegram" && expected.len() == 4 && expected[0] == "WhatsApp"),
        "{err:?}"
    );
    assert!(
        err.field.as_deref().unwrap_or("").contains("nodes"),
        "{err:?}"
    );

    let json = "{\n  \"format\": 1,\n  \"nodes\": [\n    {\"id\": 3}\n  ]\n}";
    let TextError::Parse(err) = parse(json, Format::Json).unwrap_err() else {
        panic!("a parse error");
    };
    assert_eq!((err.line, err.column > 1), (4, true), "{err}");
    assert_eq!(
        err.problem,
        Problem::WrongType {
            found: Found::Number("3".into()),
            expected: Expected::Text
        },
        "{err}"
    );
    assert_eq!(err.field.as_deref(), Some("nodes[0].id"));
}

#[test]
fn missing_format_is_an_error() {
    assert!(parse("(name: \"x\")", Format::Ron).is_err());
    assert!(parse("{}", Format::Json).is_err());
}

#[test]
fn newer_format_is_refused_by_name() {
    let err = parse("(format: 2, nodes: [])", Format::Ron).unwrap_err();
    assert_eq!(err, TextError::TooNew(2));
    assert!(err.to_string().contains("format 2"));
    // Even when the rest of the file is something this build cannot read.
    let err = parse(
        "(format: 7, nodes: [(id: \"a\", kind: Teleport(to: \"mars\"))])",
        Format::Ron,
    )
    .unwrap_err();
    assert_eq!(err, TextError::TooNew(7));
    let err = parse(r#"{"format": 3, "nodes": 5}"#, Format::Json).unwrap_err();
    assert_eq!(err, TextError::TooNew(3));
}

#[test]
fn unknown_fields_are_reported_not_fatal() {
    let text = "(format: 1, colour: \"blue\", nodes: [(id: \"r\", kind: Request(url: \"http://x\", timout_ms: 3))])";
    let loaded = parse(text, Format::Ron).unwrap();
    assert_eq!(
        loaded.unknown_fields.len(),
        2,
        "{:?}",
        loaded.unknown_fields
    );
    assert!(
        loaded
            .unknown_fields
            .iter()
            .any(|f| f.contains("timout_ms"))
    );
}

#[test]
fn load_and_save_files() {
    let dir = std::env::temp_dir().join(format!("fluxo-file-test-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let flow = spec_flow();
    for name in ["a.flow.ron", "a.flow.json"] {
        let path = dir.join(name);
        save(&flow, &path).unwrap();
        assert_eq!(load(&path).unwrap().flow, flow);
    }
    let err = load(&dir.join("missing.flow.ron")).unwrap_err();
    assert_eq!(err.kind, LoadErrorKind::Missing, "{err}");
    assert!(err.to_string().contains("missing.flow.ron"));
    let err = save(&flow, &dir.join("a.txt")).unwrap_err();
    assert!(matches!(err, FileError::UnknownExtension { .. }), "{err}");
    let bad = dir.join("bad.flow.ron");
    fs::write(&bad, "(format: 1,\n nodes: [(id: 1)])").unwrap();
    let message = load(&bad).unwrap_err().to_string();
    assert!(
        message.starts_with(&format!("{}:2:", bad.display())),
        "{message}"
    );
    fs::write(&bad, b"(format: 1, name: \"\xff\")").unwrap();
    let message = load(&bad).unwrap_err().to_string();
    assert!(
        message.contains(":1:") && message.contains("UTF-8"),
        "{message}"
    );
    // No temporary file is left behind.
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn failed_save_leaves_the_old_file() {
    let dir = std::env::temp_dir().join(format!("fluxo-file-ro-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("x.flow.ron");
    save(&spec_flow(), &path).unwrap();
    let before = fs::read(&path).unwrap();
    // A folder in the way of the temporary file's folder makes the write fail.
    let err = save(
        &Flow::new("n"),
        &dir.join("no-such-folder").join("x.flow.ron"),
    )
    .unwrap_err();
    assert!(matches!(err, FileError::Write { .. }), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn secret_values_are_never_written() {
    let mut flow = spec_flow();
    flow.scenarios[0]
        .secrets
        .insert("api_token".into(), "s3cr3t-value".into());
    for format in [Format::Ron, Format::Json] {
        let text = to_text(&flow, format).unwrap();
        assert!(!text.contains("s3cr3t-value"), "{text}");
        assert!(text.contains("api_token"));
        let again = parse(&text, format).unwrap().flow;
        assert_eq!(again.scenarios[0].secrets["api_token"], "");
    }
}

#[test]
fn saved_ron_is_tidy() {
    let text = to_text(&spec_flow(), Format::Ron).unwrap();
    assert!(text.starts_with("#![enable(implicit_some)]"), "{text}");
    assert!(text.contains("pos: (40.0, 120.0)"), "{text}");
    assert!(
        text.contains("kind: End()") || text.contains("kind: End("),
        "{text}"
    );
    // Defaults are left out.
    assert!(!text.contains("timeout_ms: 5000"), "{text}");
    // The first key comes first in the file: the model's field order.
    assert!(text.find("format").unwrap() < text.find("nodes").unwrap());
}

#[test]
fn truncated_and_garbled_files_never_panic() {
    let sources = [
        SPEC_EXAMPLE.to_owned(),
        to_text(&spec_flow(), Format::Json).unwrap(),
    ];
    for (source, format) in sources.iter().zip([Format::Ron, Format::Json]) {
        let bytes = source.as_bytes();
        for cut in (0..bytes.len()).step_by(7) {
            if let Ok(text) = std::str::from_utf8(&bytes[..cut]) {
                let _ = parse(text, format);
            }
        }
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..400 {
            let mut garbled = bytes.to_vec();
            for _ in 0..4 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let at = (seed % garbled.len() as u64) as usize;
                garbled[at] = b"(){}[]:,\"\\ 0aZ-#/*\n"[(seed >> 32) as usize % 19];
            }
            let text = String::from_utf8_lossy(&garbled);
            let _ = parse(&text, format);
            let _ = parse(&text, Format::Ron);
            let _ = parse(&text, Format::Json);
        }
    }
}

// ---- property test: load(save(flow)) == flow, in both formats ----

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z_]{1,8}",
        "[ -~]{0,16}",
        "[\\PC]{0,12}",
        Just("Olá {{contact.name}}, \"ação\" \\ <? $x ?>\n\tfim".to_owned()),
    ]
}

fn id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9_-]{0,8}"
}

fn map() -> impl Strategy<Value = TemplateMap> {
    prop::collection::vec((id(), text()), 0..3).prop_map(|pairs| pairs.into_iter().collect())
}

fn kind() -> impl Strategy<Value = NodeKind> {
    let channels = prop::collection::vec(prop::sample::select(Channel::ALL.to_vec()), 0..3);
    let expect = prop_oneof![
        Just(AskExpect::Any),
        Just(AskExpect::Cpf),
        Just(AskExpect::Number),
        prop::collection::vec(text(), 0..3).prop_map(AskExpect::Options),
        text().prop_map(AskExpect::Regex),
    ];
    let rule = (id(), prop::sample::select(Op::ALL.to_vec()), text())
        .prop_map(|(var, op, value)| Rule { var, op, value });
    let case = (id(), any::<bool>(), prop::collection::vec(rule, 0..3)).prop_map(
        |(port, is_any, rules)| Case {
            port,
            mode: if is_any { Mode::Any } else { Mode::All },
            rules,
        },
    );
    let route = prop_oneof![
        Just(Route::Department),
        Just(Route::Unassigned),
        id().prop_map(Route::Agent),
        id().prop_map(Route::AgentFromField),
        Just(Route::Random),
        Just(Route::LastAgent),
        Just(Route::Sequential),
    ];
    prop_oneof![
        channels.prop_map(|channels| NodeKind::Entry { channels }),
        (text(), prop::collection::vec(text(), 0..3))
            .prop_map(|(text, buttons)| NodeKind::Message { text, buttons }),
        (text(), id(), expect, 0..5_u32, text(), 0..100_u64).prop_map(
            |(prompt, save_as, expect, retries, retry_message, timeout_s)| NodeKind::Ask {
                prompt,
                save_as,
                expect,
                retries,
                retry_message,
                timeout_s,
            }
        ),
        (
            prop::sample::select(Method::ALL.to_vec()),
            text(),
            map(),
            text(),
            0..10_000_u64,
            map()
        )
            .prop_map(
                |(method, url, headers, body, timeout_ms, save)| NodeKind::Request {
                    method,
                    url,
                    headers,
                    body,
                    timeout_ms,
                    save,
                }
            ),
        prop::collection::vec(case, 0..3).prop_map(|cases| NodeKind::Condition { cases }),
        map().prop_map(|set| NodeKind::SetVariable { set }),
        text().prop_map(|schedule| NodeKind::BusinessHours { schedule }),
        (text(), text()).prop_map(|(queue, message)| NodeKind::Queue { queue, message }),
        (
            text(),
            route,
            any::<i64>(),
            map(),
            0..600_u64,
            any::<bool>(),
            text()
        )
            .prop_map(
                |(department, route, integration_id, extra_info, wait, include_history, result)| {
                    NodeKind::LiveChat {
                        department,
                        route,
                        integration_id,
                        skill_id: result.clone(),
                        contact_info: extra_info.clone(),
                        extra_info,
                        wait_timeout_s: wait,
                        inactivity_timeout_s: wait / 2,
                        include_history,
                        result_variable: result,
                        closing_message: "Obrigado!".into(),
                    }
                }
            ),
        text().prop_map(|message| NodeKind::End { message }),
        text().prop_map(|flow| NodeKind::SubFlow { flow }),
    ]
}

fn node() -> impl Strategy<Value = Node> {
    (id(), -1.0e6_f32..1.0e6, -1.0e6_f32..1.0e6, kind(), text()).prop_map(
        |(id, x, y, kind, note)| Node {
            id,
            pos: (x, y),
            kind,
            note,
        },
    )
}

fn team() -> impl Strategy<Value = Team> {
    let agent = (
        id(),
        text(),
        prop::collection::vec(text(), 0..2),
        0..3_usize,
        0..5_u32,
        0..5_u32,
    )
        .prop_map(
            |(id, name, departments, status, capacity, active_chats)| Agent {
                id,
                name,
                departments,
                status: AgentStatus::ALL[status],
                capacity,
                active_chats,
            },
        );
    (
        text(),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(agent, 0..3),
        -720..840_i32,
        prop::collection::btree_map(text(), 0..9_u32, 0..2),
    )
        .prop_map(|(api_base, departments, agents, offset, waiting)| Team {
            api_base,
            departments,
            agents,
            custom_fields: vec![CustomField {
                key: "gerente".into(),
                label: "Gerente".into(),
                kind: FieldKind::Agent,
            }],
            schedules: vec![Schedule {
                name: "Expediente".into(),
                utc_offset_min: offset,
                weekly: vec![WeeklyHours {
                    days: vec![Weekday::Mon, Weekday::Sat],
                    open: "08:00".into(),
                    close: "18:00".into(),
                }],
                holidays: vec!["2026-12-25".into()],
            }],
            auto_assign: [("Suporte".to_owned(), AutoAssign::RoundRobin)].into(),
            waiting,
        })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let reply = prop_oneof![text().prop_map(Reply::Text), Just(Reply::NoReply)];
    let mock = (
        any::<bool>(),
        text(),
        100..600_u16,
        text(),
        0..500_u64,
        any::<bool>(),
    )
        .prop_map(|(has_method, url, status, body, delay_ms, fails)| Mock {
            method: has_method.then_some(Method::Post),
            url,
            status,
            body,
            delay_ms,
            fail: fails.then_some(MockFail::Timeout),
        });
    (
        text(),
        prop::collection::vec(reply, 0..3),
        prop::collection::vec(mock, 0..2),
        any::<u64>(),
        any::<bool>(),
        prop::collection::vec(id(), 0..4),
    )
        .prop_map(|(name, replies, mocks, seed, has_clock, path)| Scenario {
            contact: Contact {
                name: name.clone(),
                channel: has_clock.then_some(Channel::Web),
                custom: [("gerente".to_owned(), "ana".to_owned())].into(),
                ..Contact::default()
            },
            name,
            agents: [("ana".to_owned(), AgentStatus::Away)].into(),
            clock: has_clock.then(|| "2026-11-23T10:15:00-03:00".to_owned()),
            seed,
            replies,
            live_chat: vec![LiveChatOutcome::UserClosed],
            start: path.first().cloned(),
            vars: [("cpf".to_owned(), "123.456.789-09".to_owned())].into(),
            closing: vec![[("motivo".to_owned(), "resolvido".to_owned())].into()],
            mocks,
            // Secret values are never written; only names survive a save.
            secrets: [("api_token".to_owned(), String::new())].into(),
            expect: Expectations {
                end_reason: has_clock.then_some(EndReason::Queued),
                path: (!path.is_empty()).then_some(path),
                position: has_clock.then_some(4),
                department: has_clock.then(|| "Suporte".to_owned()),
                lists: has_clock.then(|| [ChatList::All, ChatList::Open].into()),
                ..Expectations::default()
            },
        })
}

fn flow() -> impl Strategy<Value = Flow> {
    (
        text(),
        text(),
        prop::collection::vec(node(), 0..8),
        prop::collection::vec((id(), id(), id()), 0..8),
        team(),
        prop::collection::vec(scenario(), 0..3),
    )
        .prop_map(|(name, description, nodes, edges, team, scenarios)| Flow {
            format: 1,
            name,
            description,
            nodes,
            edges: edges
                .into_iter()
                .map(|(from, port, to)| Edge { from, port, to })
                .collect(),
            team,
            scenarios,
            load: None,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn save_then_load_gives_the_same_flow(flow in flow()) {
        for format in [Format::Ron, Format::Json] {
            let text = to_text(&flow, format).unwrap();
            let loaded = parse(&text, format);
            prop_assert!(loaded.is_ok(), "{format:?}: {:?}\n{text}", loaded.err());
            let loaded = loaded.unwrap();
            prop_assert!(loaded.unknown_fields.is_empty());
            prop_assert_eq!(&loaded.flow, &flow, "{:?}", format);
        }
    }
}

#[test]
fn every_kind_has_a_default_that_round_trips() {
    let mut flow = Flow::new("todos");
    for (i, tag) in KindTag::ALL.iter().enumerate().skip(1) {
        flow.nodes.push(Node::new(
            format!("n{i}"),
            (i as f32, 0.0),
            tag.default_kind(),
        ));
    }
    for format in [Format::Ron, Format::Json] {
        let text = to_text(&flow, format).unwrap();
        assert_eq!(parse(&text, format).unwrap().flow, flow, "{text}");
    }
}

#[test]
#[ignore = "prints the saved form of the SPEC example, for a look"]
fn show_saved_form() {
    println!("{}", to_text(&spec_flow(), Format::Ron).unwrap());
}

#[test]
fn non_finite_positions_are_refused_where_they_are() {
    let ron = "(format: 1, nodes: [\n  (id: \"a\", pos: (inf, NaN), kind: Entry()),\n])";
    let err = parse(ron, Format::Ron).expect_err("inf and NaN are not positions");
    let message = err.to_string();
    assert!(message.starts_with("2:"), "{message}");
    assert!(message.contains("finite"), "{message}");
    let json = "{\"format\": 1, \"nodes\": [{\"id\": \"a\", \"pos\": [1e39, 0], \"kind\": {\"Entry\": {}}}]}";
    let err = parse(json, Format::Json).expect_err("1e39 overflows f32");
    assert!(err.to_string().contains("finite"), "{err}");
}
