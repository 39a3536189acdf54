//! The layout keeps the samples near their hand-written size, loses nothing, and writes every
//! shape serde can produce in a form ron reads back.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::float_cmp,
    clippy::option_option
)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{RECORD_WIDTH, WIDTH, to_ron};
use crate::file::{Format, count_ron_comments, parse, parse_ron, to_text};
use crate::flow::AgentStatus;
use crate::generator;

fn samples() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../sample_flows");
    let mut found: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".flow.ron"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    found.sort();
    assert!(found.len() >= 5, "the samples: {found:?}");
    found
}

/// Lines that hold something besides a comment.
fn content_lines(text: &str) -> usize {
    text.lines()
        .filter(|line| {
            let line = line.trim();
            !line.is_empty() && !line.starts_with("//")
        })
        .count()
}

#[test]
fn samples_save_near_their_hand_written_size_and_lose_nothing() {
    for (name, text) in samples() {
        let loaded = parse(&text, Format::Ron).unwrap();
        assert!(
            loaded.comments > 0,
            "{name} has comments, and the load says so"
        );
        let saved = to_text(&loaded.flow, Format::Ron).unwrap();
        let (before, after) = (content_lines(&text), content_lines(&saved));
        // "A few percent more lines, comments aside": at most 5 %.
        assert!(
            after * 100 <= before * 105,
            "{name}: {before} lines written by hand, {after} saved"
        );
        let again = parse(&saved, Format::Ron).unwrap();
        assert_eq!(again.flow, loaded.flow, "{name}");
        assert_eq!(again.comments, 0, "{name}: a save writes no comment");
        assert_eq!(
            to_text(&again.flow, Format::Ron).unwrap(),
            saved,
            "{name}: stable"
        );
        let json = to_text(&loaded.flow, Format::Json).unwrap();
        assert_eq!(
            parse(&json, Format::Json).unwrap().flow,
            loaded.flow,
            "{name}"
        );
    }
}

#[test]
fn generated_flows_round_trip_in_both_formats() {
    for (nodes, seed) in [(3, 1), (40, 2), (300, 3), (1200, 4)] {
        let mut flow = generator::flow_with_scenarios(nodes, seed, 3);
        // Secret values are never written: only their names come back.
        for scenario in &mut flow.scenarios {
            scenario.secrets.values_mut().for_each(String::clear);
        }
        for format in [Format::Ron, Format::Json] {
            let text = to_text(&flow, format).unwrap();
            let loaded = parse(&text, format).unwrap();
            assert!(loaded.unknown_fields.is_empty());
            assert_eq!(loaded.flow, flow, "{nodes} nodes, {format:?}");
        }
    }
}

#[test]
fn lines_stay_within_the_width_unless_one_value_is_longer() {
    for (name, text) in samples() {
        let flow = parse(&text, Format::Ron).unwrap().flow;
        let saved = to_text(&flow, Format::Ron).unwrap();
        for line in saved.lines() {
            let width = line.chars().count();
            // A line past the record width holds one long text (a message, a url, a body).
            let quotes = line.matches('"').count() - line.matches("\\\"").count();
            assert!(
                width <= RECORD_WIDTH || quotes <= 4,
                "{name}: {width} characters: {line}"
            );
        }
    }
}

#[test]
fn small_structs_are_one_line_and_big_ones_open_on_their_line() {
    let text = samples()
        .into_iter()
        .find(|(name, _)| name == "carteirizacao.flow.ron")
        .unwrap()
        .1;
    let saved = to_text(&parse(&text, Format::Ron).unwrap().flow, Format::Ron).unwrap();
    for line in [
        "#![enable(implicit_some)]",
        "(",
        "    format: 1,",
        "    nodes: [",
        "        (id: \"inicio\", pos: (40.0, 120.0), kind: Entry(channels: [WhatsApp, Web])),",
        "        (id: \"fim\", pos: (1600.0, 120.0), kind: End(",
        "        )),",
        "        (from: \"inicio\", port: \"next\", to: \"boas_vindas\"),",
        "        (id: \"tem_gerente\", pos: (560.0, 120.0), kind: Condition(cases: [",
        "        ])),",
        "    team: (",
        "            (id: \"ana\", name: \"Ana Souza\", departments: [\"Comercial\"], status: Online, capacity: 5, active_chats: 1),",
        "        custom_fields: [(key: \"gerente_de_contas\", label: \"Gerente de Contas\", kind: Agent)],",
        "            mocks: [(method: Get, url: \"*/agents/*\", fail: Timeout)],",
        ")",
    ] {
        assert!(
            saved.lines().any(|saved| saved == line),
            "no line `{line}` in\n{saved}"
        );
    }
}

#[test]
fn a_one_field_change_is_a_one_line_diff() {
    for (name, text) in samples() {
        let mut flow = parse(&text, Format::Ron).unwrap().flow;
        let before = to_text(&flow, Format::Ron).unwrap();
        if let Some(agent) = flow.team.agents.first_mut() {
            agent.status = if agent.status == AgentStatus::Away {
                AgentStatus::Online
            } else {
                AgentStatus::Away
            };
        }
        if let Some(node) = flow.nodes.last_mut() {
            node.pos.0 += 20.0;
        }
        let after = to_text(&flow, Format::Ron).unwrap();
        let changed = before
            .lines()
            .zip(after.lines())
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(before.lines().count(), after.lines().count(), "{name}");
        assert_eq!(changed, 2, "{name}: one line per changed field");
    }
}

#[test]
fn comments_are_counted() {
    let counts: BTreeMap<String, usize> = samples()
        .into_iter()
        .map(|(name, text)| (name, count_ron_comments(&text)))
        .collect();
    // The tour's URL (`https://`) is no comment.
    assert_eq!(counts["tour.flow.ron"], 44, "{counts:?}");
    assert_eq!(counts["carteirizacao.flow.ron"], 19, "{counts:?}");
}

/// Every shape serde has, for the writer to get right without the model's help.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Shapes {
    unit: (),
    unit_struct: UnitStruct,
    newtype: Newtype,
    tuple_struct: TupleStruct,
    variants: Vec<Variant>,
    nested: Option<Option<u8>>,
    outer_none: Option<Option<u8>>,
    inner_none: Option<Option<u8>>,
    some: Option<String>,
    none: Option<String>,
    chars: Vec<char>,
    numbers: (i8, i64, u64, u32, f32, f64),
    tricky: String,
    map: BTreeMap<u32, Vec<(bool, String)>>,
    keys: BTreeMap<String, Newtype>,
    empty: Vec<u8>,
    empty_map: BTreeMap<String, u8>,
    r#type: u8,
    deep: Vec<Vec<Vec<Option<Variant>>>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct UnitStruct;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Newtype(String);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct TupleStruct(u8, String, Option<u8>);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Variant {
    Unit,
    Newtype(Vec<String>),
    Tuple(u8, u8),
    Struct { a: u8, b: Option<String> },
    Empty {},
}

fn shapes() -> Shapes {
    let long = "x".repeat(150);
    Shapes {
        unit: (),
        unit_struct: UnitStruct,
        newtype: Newtype("n".into()),
        tuple_struct: TupleStruct(1, long.clone(), None),
        variants: vec![
            Variant::Unit,
            Variant::Newtype(vec![long.clone(), "b".into()]),
            Variant::Newtype(vec![long.clone(); 3]),
            Variant::Tuple(1, 2),
            Variant::Struct {
                a: 3,
                b: Some(long.clone()),
            },
            Variant::Struct { a: 4, b: None },
            Variant::Empty {},
        ],
        nested: Some(Some(5)),
        outer_none: None,
        inner_none: Some(None),
        some: Some("s".into()),
        none: None,
        chars: vec!['a', '\'', '"', '\\', 'é', '\n'],
        numbers: (i8::MIN, i64::MIN, u64::MAX, u32::MAX, 1.5e-30, -0.0),
        tricky: "quote \" backslash \\ new\nline tab\t nul\0 é 🚀 // not a comment /* */".into(),
        map: BTreeMap::from([
            (1, vec![(true, long.clone())]),
            (2, vec![(false, String::new()); 30]),
        ]),
        keys: BTreeMap::from([
            ("a b".to_owned(), Newtype(long.clone())),
            (String::new(), Newtype(String::new())),
        ]),
        empty: Vec::new(),
        empty_map: BTreeMap::new(),
        r#type: 7,
        deep: vec![vec![vec![
            Some(Variant::Struct {
                a: 1,
                b: Some(long),
            }),
            None,
        ]]],
    }
}

#[test]
fn every_serde_shape_reads_back() {
    let value = shapes();
    let text = to_ron(&value).unwrap();
    let text = format!("#![enable(implicit_some)]\n{text}");
    let (again, unknown) = parse_ron::<Shapes>(&text).unwrap_or_else(|err| panic!("{err}\n{text}"));
    assert!(unknown.is_empty());
    assert_eq!(again, value, "{text}");
    // The nested option says so; a plain one is bare.
    assert!(text.contains("nested: Some(5)"), "{text}");
    assert!(text.contains("inner_none: Some(None)"), "{text}");
    assert!(text.contains("some: \"s\""), "{text}");
    assert!(text.contains("\n    type: 7,"), "{text}");
    assert!(
        text.lines()
            .all(|line| line.chars().count() <= WIDTH || line.contains("xxxxx")),
        "{text}"
    );
}
