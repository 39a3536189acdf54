//! `check` against `reference::check` (the checks as they were before the single-pass rewrite)
//! on thousands of flows: generated ones, the samples, and both after random mutations of every
//! kind of field (ids, ports, templates, names, maps, lists, numbers, scenarios, the team) and of
//! the graph (rewired, repeated, dropped and reordered edges and nodes). Any difference, byte for
//! byte, fails with both lists and the flow that showed it.

use serde_json::Value;

use crate::file::{Format, parse};
use crate::flow::{Edge, Flow};
use crate::generator;
use crate::rng::Rng;

use super::testing::render;
use super::{check, check_loaded, reference};

/// A random graph of nodes that set and read a few variables, with loops, branches, dangling
/// ports and repeated edges: the data-flow analysis and the loop check at work.
fn random_graph(rng: &mut Rng) -> Flow {
    use crate::flow::{Node, NodeKind};
    let most_nodes = if rng.chance(20) { 200 } else { 40 };
    let size = 2 + rng.below(most_nodes);
    let most_vars = if rng.chance(30) { 30 } else { 5 };
    let vars = 1 + rng.below(most_vars);
    let var = |rng: &mut Rng| format!("v{}", rng.below(vars));
    let mut flow = super::testing::spec();
    flow.team = generator::team();
    flow.nodes = vec![Node::new(
        "n0",
        (0.0, 0.0),
        NodeKind::Entry { channels: vec![] },
    )];
    for i in 1..size {
        let kind = random_kind(rng, &var);
        flow.nodes
            .push(Node::new(format!("n{i}"), (0.0, 0.0), kind));
    }
    flow.edges.clear();
    for i in 0..size {
        let ports: Vec<String> = flow.nodes[i]
            .kind
            .ports()
            .into_iter()
            .map(str::to_owned)
            .collect();
        for port in ports {
            if rng.chance(5) {
                continue;
            }
            // Mostly forward, sometimes back: loops.
            let to = if rng.chance(80) && i + 1 < size {
                i + 1 + rng.below((size - i - 1).min(4))
            } else {
                rng.below(size)
            };
            flow.edges
                .push(Edge::new(format!("n{i}"), port, format!("n{to}")));
        }
    }
    flow
}

/// A random node that reads and sets the variables `var` names.
fn random_kind(rng: &mut Rng, var: &impl Fn(&mut Rng) -> String) -> crate::flow::NodeKind {
    use crate::flow::{KindTag, NodeKind, TemplateMap};
    match rng.below(7) {
        0 => super::testing::ask_kind(
            &format!("{{{{{}}}}}", var(rng)),
            &var(rng),
            crate::flow::AskExpect::Any,
        ),
        1 => {
            let mut set = TemplateMap::new();
            for _ in 0..=rng.below(3) {
                set.insert(var(rng), format!("{{{{{}}}}}", var(rng)));
            }
            NodeKind::SetVariable { set }
        }
        2 => NodeKind::Condition {
            cases: (0..=rng.below(2))
                .map(|c| crate::flow::Case {
                    port: format!("p{c}"),
                    mode: crate::flow::Mode::All,
                    rules: vec![crate::flow::Rule {
                        var: var(rng),
                        op: crate::flow::Op::Matches,
                        value: ["", "^(a|b$", "[0-9]+", "({{v0}}"][rng.below(4)].into(),
                    }],
                })
                .collect(),
        },
        3 => {
            let mut save = TemplateMap::new();
            save.insert(var(rng), "x".into());
            NodeKind::Request {
                method: crate::flow::Method::Get,
                url: format!("https://x.com/{{{{{}}}}}/{{{{http.status}}}}", var(rng)),
                headers: TemplateMap::new(),
                body: String::new(),
                timeout_ms: 5000,
                save,
            }
        }
        4 => {
            let mut kind = KindTag::LiveChat.default_kind();
            if let NodeKind::LiveChat {
                department,
                route,
                result_variable,
                closing_message,
                ..
            } = &mut kind
            {
                *department = ["Suporte", "Vendas"][rng.below(2)].into();
                *route = match rng.below(4) {
                    0 => crate::flow::Route::Agent(["ana", "zé"][rng.below(2)].into()),
                    1 => crate::flow::Route::AgentFromField(
                        ["plano", "gerente_de_contas", "nada"][rng.below(3)].into(),
                    ),
                    _ => crate::flow::Route::Department,
                };
                *result_variable = var(rng);
                *closing_message = "{{live_chat.status}}".into();
            }
            kind
        }
        5 => NodeKind::End {
            message: format!("{{{{{}}}}}", var(rng)),
        },
        _ => NodeKind::Message {
            text: format!("{{{{{}}}}} {{{{{}}}}}", var(rng), var(rng)),
            buttons: vec![],
        },
    }
}

/// Strings a mutation may write anywhere: the hard cases of every check.
const SPECIAL: &[&str] = &[
    "",
    " ",
    "else",
    "next",
    "ok",
    "answered",
    "{{",
    "{{ a b }}",
    "<? $",
    "<?$x?>",
    "{{x}}",
    "{{nome}}",
    "{{ http.status }}",
    "{{http.body}}",
    "{{live_chat.status}}",
    "{{contact.custom.nada}}",
    "{{contact.custom.plano}}",
    "{{contact.custom.}}",
    "{{huggy.chat.contact.custom.plano}}",
    "{{team.api_base}}",
    "{{team.api_base}}/x/{{id}}",
    "{{base}}/x",
    "{{secret.api_token}}",
    "contact.custom.nada",
    "contact.custom.gerente_de_contas",
    "contact.custom.plano",
    "contact.name",
    "http.status",
    "live_chat.status",
    "a b",
    "ação",
    "minha var",
    "x.y",
    "Atendimento",
    "atendimento",
    "Atendimento ",
    "Vendas",
    "Expediente",
    "ana",
    "Ana",
    "gerente_de_contas",
    "plano",
    "Bearer abc123",
    "Bearer {{secret.x}}",
    "Authorization",
    "X-Api-Key",
    "Content-Type",
    "application/json",
    "https://x.com/a?api_key=abc&b=1",
    "https://x.com/a b",
    "http://[::1]:80/x",
    "https://x.com:99999/",
    "ftp://x.com",
    "{\"a\": {{x}}}",
    "{\"a\": \"{{x}}\"",
    "[1, 2,]",
    "^(a|b$",
    "[0-9]+",
    "08:00",
    "24:00",
    "25:00",
    "2026-02-30",
    "2026-01-05T10:00:00-03:00",
    "yesterday",
    "*/agents/*",
    "*",
    "s1_resposta",
    "protocolo",
    "transferencia",
];

/// The flows every round starts from.
fn bases() -> Vec<Flow> {
    let mut flows = vec![
        super::testing::spec(),
        generator::flow_with_scenarios(3, 1, 2),
        generator::flow_with_scenarios(13, 2, 2),
        generator::flow_with_scenarios(40, 3, 3),
        generator::flow_with_scenarios(120, 4, 3),
    ];
    let texts = [
        include_str!("../../../tests/data/clean.flow.ron"),
        include_str!("../../../tests/data/errors.flow.ron"),
        include_str!("../../../tests/data/warnings.flow.ron"),
        include_str!("../../../sample_flows/carteirizacao.flow.ron"),
        include_str!("../../../sample_flows/expediente.flow.ron"),
        include_str!("../../../sample_flows/rotas_livechat.flow.ron"),
        include_str!("../../../sample_flows/tour.flow.ron"),
        include_str!("../../../sample_flows/transbordo_altu.flow.ron"),
    ];
    flows.extend(
        texts
            .iter()
            .filter_map(|text| parse(text, Format::Ron).ok())
            .map(|loaded| loaded.flow),
    );
    flows
}

/// Every string in a JSON value: what mutations pick names from (ids, ports, variables...).
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) => out.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| strings(item, out)),
        Value::Object(map) => {
            for (key, item) in map {
                out.push(key.clone());
                strings(item, out);
            }
        }
        _ => {}
    }
}

/// How many places of each kind a value has (strings, arrays, objects, numbers).
#[derive(Default)]
struct Counts {
    strings: usize,
    arrays: usize,
    objects: usize,
    numbers: usize,
}

fn count(value: &Value, counts: &mut Counts) {
    match value {
        Value::String(_) => counts.strings += 1,
        Value::Number(_) => counts.numbers += 1,
        Value::Array(items) => {
            counts.arrays += 1;
            for item in items {
                count(item, counts);
            }
        }
        Value::Object(map) => {
            counts.objects += 1;
            map.values().for_each(|item| count(item, counts));
        }
        _ => {}
    }
}

/// The `target`-th value of the kind `pick` selects, in a depth-first walk.
fn nth<'v>(
    value: &'v mut Value,
    pick: fn(&Value) -> bool,
    target: &mut usize,
) -> Option<&'v mut Value> {
    if pick(value) {
        if *target == 0 {
            return Some(value);
        }
        *target -= 1;
    }
    match value {
        Value::Array(items) => items.iter_mut().find_map(|item| nth(item, pick, target)),
        Value::Object(map) => map.values_mut().find_map(|item| nth(item, pick, target)),
        _ => None,
    }
}

fn pick_text(rng: &mut Rng, pool: &[String]) -> String {
    if rng.chance(50) || pool.is_empty() {
        SPECIAL[rng.below(SPECIAL.len())].to_owned()
    } else {
        let base = pool[rng.below(pool.len())].clone();
        match rng.below(6) {
            0 => format!("{base} "),
            1 => base.to_uppercase(),
            2 => format!("{{{{{base}}}}}"),
            3 => base.chars().skip(1).collect(),
            _ => base,
        }
    }
}

/// One random change somewhere in the value.
fn mutate_value(rng: &mut Rng, value: &mut Value, pool: &[String]) {
    let mut counts = Counts::default();
    count(value, &mut counts);
    match rng.below(10) {
        0..=4 if counts.strings > 0 => {
            let mut at = rng.below(counts.strings);
            if let Some(leaf) = nth(value, Value::is_string, &mut at) {
                *leaf = Value::String(pick_text(rng, pool));
            }
        }
        5 | 6 if counts.arrays > 0 => {
            let mut at = rng.below(counts.arrays);
            if let Some(Value::Array(items)) = nth(value, Value::is_array, &mut at)
                && !items.is_empty()
            {
                let i = rng.below(items.len());
                match rng.below(3) {
                    0 => {
                        items.remove(i);
                    }
                    1 => {
                        let copy = items[i].clone();
                        items.insert(rng.below(items.len() + 1), copy);
                    }
                    _ => {
                        let j = rng.below(items.len());
                        items.swap(i, j);
                    }
                }
            }
        }
        7 | 8 if counts.objects > 0 => {
            let mut at = rng.below(counts.objects);
            if let Some(Value::Object(map)) = nth(value, Value::is_object, &mut at) {
                if rng.chance(50) && !map.is_empty() {
                    let key = map.keys().nth(rng.below(map.len())).cloned();
                    if let Some(key) = key {
                        map.remove(&key);
                    }
                } else {
                    map.insert(pick_text(rng, pool), Value::String(pick_text(rng, pool)));
                }
            }
        }
        _ if counts.numbers > 0 => {
            let mut at = rng.below(counts.numbers);
            if let Some(leaf) = nth(value, Value::is_number, &mut at) {
                let numbers = [0, 1, 2, 599, 600, 99, -1000, 70_000];
                *leaf = Value::from(numbers[rng.below(numbers.len())]);
            }
        }
        _ => {}
    }
}

/// One random change to the graph: rewired, added, repeated or dropped edges and nodes.
fn mutate_graph(rng: &mut Rng, flow: &mut Flow) {
    let nodes = flow.nodes.len();
    if nodes == 0 {
        return;
    }
    let id = |rng: &mut Rng, flow: &Flow| flow.nodes[rng.below(flow.nodes.len())].id.clone();
    match rng.below(8) {
        0 if !flow.edges.is_empty() => {
            let at = rng.below(flow.edges.len());
            flow.edges[at].to = id(rng, flow);
        }
        1 if !flow.edges.is_empty() => {
            flow.edges.remove(rng.below(flow.edges.len()));
        }
        2 => {
            let from = id(rng, flow);
            let ports: Vec<String> = flow
                .node(&from)
                .map(|node| node.kind.ports().into_iter().map(str::to_owned).collect())
                .unwrap_or_default();
            let port = if ports.is_empty() || rng.chance(20) {
                "porta".to_owned()
            } else {
                ports[rng.below(ports.len())].clone()
            };
            let to = if rng.chance(10) {
                "ninguem".to_owned()
            } else {
                id(rng, flow)
            };
            let at = rng.below(flow.edges.len() + 1);
            flow.edges.insert(at, Edge::new(from, port, to));
        }
        3 => {
            let copy = flow.nodes[rng.below(nodes)].clone();
            flow.nodes.insert(rng.below(nodes + 1), copy);
        }
        4 => {
            flow.nodes.remove(rng.below(nodes));
        }
        5 => {
            let (a, b) = (rng.below(nodes), rng.below(nodes));
            flow.nodes.swap(a, b);
        }
        6 if !flow.edges.is_empty() => {
            let (a, b) = (rng.below(flow.edges.len()), rng.below(flow.edges.len()));
            flow.edges.swap(a, b);
        }
        _ => {
            let at = rng.below(nodes);
            flow.nodes[at].id = id(rng, flow);
        }
    }
}

/// A base flow after `1..=max_changes` random changes.
fn mutated(rng: &mut Rng, bases: &[Flow], max_changes: usize) -> Flow {
    let mut flow = if rng.chance(30) {
        random_graph(rng)
    } else {
        bases[rng.below(bases.len())].clone()
    };
    for _ in 0..=rng.below(max_changes) {
        if rng.chance(35) {
            mutate_graph(rng, &mut flow);
            continue;
        }
        let Ok(mut value) = serde_json::to_value(&flow) else {
            continue;
        };
        let mut pool = Vec::new();
        strings(&value, &mut pool);
        // Most changes go inside the nodes, where most checks look.
        let part = match rng.below(10) {
            0..=5 => "nodes",
            6 => "edges",
            7 => "scenarios",
            8 => "team",
            _ => "",
        };
        match value.get_mut(part) {
            Some(inner) => mutate_value(rng, inner, &pool),
            None => mutate_value(rng, &mut value, &pool),
        }
        if let Ok(changed) = serde_json::from_value::<Flow>(value) {
            flow = changed;
        }
    }
    flow
}

/// Fails with both lists, and the flow written to a file, when the two implementations differ;
/// on one thread, and on three reading the nodes in small ranges.
fn assert_same(flow: &Flow, round: usize) {
    let old = reference::check(flow);
    let ranges = 1 + round % 7;
    for new in [check(flow), super::passes::run_on(flow, 3, ranges).finish()] {
        compare(flow, round, &new, &old);
    }
}

fn compare(flow: &Flow, round: usize, new: &[super::Finding], old: &[super::Finding]) {
    if new != old {
        let path = std::env::temp_dir().join(format!("fluxo-equivalence-{round}.flow.json"));
        let _ = std::fs::write(
            &path,
            serde_json::to_string_pretty(flow).unwrap_or_default(),
        );
        panic!(
            "round {round}: check differs from the reference (flow in {})\n--- new\n{}--- reference\n{}",
            path.display(),
            render(new),
            render(old)
        );
    }
}

/// Rounds to run: `FLUXO_EQUIVALENCE_ROUNDS` (for long runs while changing the checks), else a
/// number that keeps `cargo test` quick.
fn rounds(default: usize) -> usize {
    std::env::var("FLUXO_EQUIVALENCE_ROUNDS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
}

#[test]
fn the_bases_give_the_same_findings() {
    for (round, flow) in bases().iter().enumerate() {
        assert_same(flow, round);
    }
}

/// The mutations are worth something only if they reach every check: the test also fails when
/// some code never shows up.
#[test]
fn mutated_flows_give_the_same_findings() {
    let bases = bases();
    let mut rng = Rng::new(2024);
    let mut seen = std::collections::BTreeSet::new();
    for round in 0..rounds(1000) {
        let flow = mutated(&mut rng, &bases, 12);
        assert_same(&flow, round);
        seen.extend(check(&flow).into_iter().map(|finding| finding.code));
    }
    for code in super::Code::ALL {
        // Only `check_loaded` reports unknown fields.
        if code != super::Code::UnknownField {
            assert!(seen.contains(&code), "no {code} in {seen:?}");
        }
    }
}

#[test]
fn heavily_mutated_flows_give_the_same_findings() {
    let bases = bases();
    let mut rng = Rng::new(77);
    for round in 0..rounds(200) {
        let flow = mutated(&mut rng, &bases, 60);
        assert_same(&flow, round);
    }
}

#[test]
fn loaded_flows_give_the_same_findings() {
    let mut rng = Rng::new(5);
    let paths = [
        "nodes.1.kind.Request.timout_ms",
        "nodes.2.kind.x",
        "nodes.99.y",
        "nodes.0.?.z",
        "team.foo",
        "scenarios.0.expect.bar",
        "extra",
    ];
    for (round, flow) in bases().into_iter().enumerate() {
        let mut loaded = parse(
            &crate::file::to_text(&flow, Format::Ron).unwrap_or_default(),
            Format::Ron,
        )
        .unwrap_or_else(|err| panic!("{err}"));
        loaded.unknown_fields = (0..rng.below(4))
            .map(|_| paths[rng.below(paths.len())].to_owned())
            .collect();
        assert_eq!(
            check_loaded(&loaded),
            reference::check_loaded(&loaded),
            "round {round}"
        );
    }
}
