//! Properties of the checks over thousands of flows: generated ones, the samples, random graphs
//! of nodes that set and read a few variables, and all of them after random changes to every kind
//! of field (ids, ports, templates, names, maps, lists, numbers, scenarios, the team) and to the
//! graph (rewired, repeated, dropped and reordered edges and nodes).
//!
//! - `check` never panics; its findings are sorted (errors first, then file order, then code)
//!   and never repeated, and the same flow gives the same findings.
//! - The checks agree with the simulator: a node that some run executes is never reported
//!   `unreachable`, and every "has no value" warning a run logs for a flow variable,
//!   `http.*`, `live_chat.status` or a dotted name fluxo does not know is covered by an
//!   `unknown-variable` or `maybe-unset-variable` finding about that name at that node.
//!
//! `FLUXO_CHECK_ROUNDS` runs more rounds (while changing the checks).

// The helpers below are test code too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use fluxo_core::check::{Arg, Code, Finding, Severity, check};
use fluxo_core::file::{Format, parse};
use fluxo_core::flow::{AskExpect, Edge, Flow, NodeKind, Scenario};
use fluxo_core::generator;
use fluxo_core::rng::Rng;
use fluxo_core::sim::{Event, Options, Run};

fn spec() -> Flow {
    parse(include_str!("data/spec_example.flow.ron"), Format::Ron)
        .unwrap()
        .flow
}

fn ask_kind(prompt: &str, save_as: &str, expect: AskExpect) -> NodeKind {
    NodeKind::Ask {
        prompt: prompt.into(),
        save_as: save_as.into(),
        expect,
        retries: 2,
        retry_message: String::new(),
        timeout_s: 0,
    }
}

/// A random graph of nodes that set and read a few variables, with loops, branches, dangling
/// ports and repeated edges: the data-flow analysis and the loop check at work.
fn random_graph(rng: &mut Rng) -> Flow {
    use fluxo_core::flow::{Node, NodeKind};
    let most_nodes = if rng.chance(20) { 200 } else { 40 };
    let size = 2 + rng.below(most_nodes);
    let most_vars = if rng.chance(30) { 30 } else { 5 };
    let vars = 1 + rng.below(most_vars);
    let var = |rng: &mut Rng| format!("v{}", rng.below(vars));
    let mut flow = spec();
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
fn random_kind(rng: &mut Rng, var: &impl Fn(&mut Rng) -> String) -> fluxo_core::flow::NodeKind {
    use fluxo_core::flow::{KindTag, NodeKind, TemplateMap};
    match rng.below(7) {
        0 => ask_kind(
            &format!("{{{{{}}}}}", var(rng)),
            &var(rng),
            fluxo_core::flow::AskExpect::Any,
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
                .map(|c| fluxo_core::flow::Case {
                    port: format!("p{c}"),
                    mode: fluxo_core::flow::Mode::All,
                    rules: vec![fluxo_core::flow::Rule {
                        var: var(rng),
                        op: fluxo_core::flow::Op::Matches,
                        value: ["", "^(a|b$", "[0-9]+", "({{v0}}"][rng.below(4)].into(),
                    }],
                })
                .collect(),
        },
        3 => {
            let mut save = TemplateMap::new();
            save.insert(var(rng), "x".into());
            NodeKind::Request {
                method: fluxo_core::flow::Method::Get,
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
                    0 => fluxo_core::flow::Route::Agent(["ana", "zé"][rng.below(2)].into()),
                    1 => fluxo_core::flow::Route::AgentFromField(
                        ["plano", "gerente_de_contas", "nada"][rng.below(3)].into(),
                    ),
                    _ => fluxo_core::flow::Route::Department,
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
        spec(),
        generator::flow_with_scenarios(3, 1, 2),
        generator::flow_with_scenarios(13, 2, 2),
        generator::flow_with_scenarios(40, 3, 3),
        generator::flow_with_scenarios(120, 4, 3),
    ];
    let texts = [
        include_str!("../../tests/data/clean.flow.ron"),
        include_str!("../../tests/data/errors.flow.ron"),
        include_str!("../../tests/data/warnings.flow.ron"),
        include_str!("../../sample_flows/carteirizacao.flow.ron"),
        include_str!("../../sample_flows/expediente.flow.ron"),
        include_str!("../../sample_flows/rotas_livechat.flow.ron"),
        include_str!("../../sample_flows/tour.flow.ron"),
        include_str!("../../sample_flows/transbordo_altu.flow.ron"),
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
    match rng.below(9) {
        // A second Entry in the middle of an edge: a run goes through it (issue 9).
        8 if !flow.edges.is_empty() => {
            let at = rng.below(flow.edges.len());
            let entry = format!("entrada_{}", flow.nodes.len());
            let to = std::mem::replace(&mut flow.edges[at].to, entry.clone());
            flow.nodes.push(fluxo_core::flow::Node::new(
                entry.clone(),
                (0.0, 0.0),
                NodeKind::Entry { channels: vec![] },
            ));
            flow.edges.push(Edge::new(entry, "next", to));
        }
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

/// Rounds to run: `FLUXO_CHECK_ROUNDS`, else a number that keeps `cargo test` quick.
fn rounds(default: usize) -> usize {
    std::env::var("FLUXO_CHECK_ROUNDS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
}

/// The flows of a round: the bases, then mutated ones (random graphs among them).
fn flows(seed: u64, count: usize, max_changes: usize) -> impl Iterator<Item = Flow> {
    let bases = bases();
    let mut rng = Rng::new(seed);
    let mut round = 0;
    std::iter::from_fn(move || {
        round += 1;
        if round <= bases.len() {
            return bases.get(round - 1).cloned();
        }
        (round <= bases.len() + count).then(|| mutated(&mut rng, &bases, max_changes))
    })
}

/// Where the flow is written when a property fails, to replay it by hand.
fn keep(flow: &Flow, name: &str) -> String {
    let path = std::env::temp_dir().join(format!("fluxo-check-{name}.flow.json"));
    let _ = std::fs::write(
        &path,
        serde_json::to_string_pretty(flow).unwrap_or_default(),
    );
    path.display().to_string()
}

/// Sorted as `check` promises: severity, then a node's place in the file (flow-level first),
/// then code. Two nodes may share an id, so a finding's place is the first node with its id that
/// keeps the order, at or after the last finding's.
fn is_sorted(flow: &Flow, findings: &[Finding]) -> bool {
    let mut last: Option<(Severity, Option<usize>, Code)> = None;
    for finding in findings {
        let fits = |place: Option<usize>| {
            last.is_none_or(|before| before <= (finding.severity, place, finding.code))
        };
        let place = match &finding.node {
            None => None,
            Some(id) => {
                let found = flow
                    .nodes
                    .iter()
                    .enumerate()
                    .filter(|(_, node)| node.id == *id)
                    .map(|(at, _)| Some(at))
                    .find(|&place| fits(place));
                match found {
                    Some(place) => place,
                    None => return false,
                }
            }
        };
        if !fits(place) {
            return false;
        }
        last = Some((finding.severity, place, finding.code));
    }
    true
}

#[test]
fn findings_are_sorted_unique_and_deterministic() {
    let mut seen = BTreeSet::new();
    for (round, flow) in flows(2024, rounds(1000), 12).enumerate() {
        let findings = check(&flow);
        assert_eq!(
            findings,
            check(&flow.clone()),
            "round {round}: {}",
            keep(&flow, "round")
        );
        let distinct: HashSet<&Finding> = findings.iter().collect();
        assert_eq!(
            distinct.len(),
            findings.len(),
            "round {round}: repeated ({})",
            keep(&flow, "round")
        );
        assert!(
            is_sorted(&flow, &findings),
            "round {round}: not sorted ({}): {findings:#?}",
            keep(&flow, "round")
        );
        seen.extend(findings.iter().map(|finding| finding.code));
    }
    // The changes are worth something only if they reach every check.
    for code in Code::ALL {
        if *code != Code::UnknownField {
            assert!(seen.contains(code), "no {code} in {seen:?}");
        }
    }
}

#[test]
fn heavily_changed_flows_never_upset_the_checks() {
    for (round, flow) in flows(77, rounds(200), 60).enumerate() {
        let findings = check(&flow);
        assert!(
            is_sorted(&flow, &findings),
            "round {round}: {}",
            keep(&flow, "heavy")
        );
    }
}

/// What a name read by a template is, for the simulator's "has no value": a name the checks
/// follow or do not know, as opposed to a contact field, chat, team, clock or secret value that a
/// scenario may leave empty (the checks do not speak of scenarios' data).
fn is_flow_name(name: &str) -> bool {
    const GIVEN: [&str; 4] = ["contact.", "chat.", "team.", "now."];
    let known_dotted = ["http.status", "http.body", "live_chat.status"].contains(&name);
    let given = GIVEN.iter().any(|head| {
        name.strip_prefix(head).is_some_and(|rest| {
            matches!(
                rest,
                "name"
                    | "phone"
                    | "email"
                    | "channel"
                    | "last_agent"
                    | "id"
                    | "protocol"
                    | "api_base"
                    | "date"
                    | "time"
                    | "weekday"
                    | "hour"
            ) || (*head == "contact." && rest.starts_with("custom."))
        })
    }) || name.starts_with("secret.");
    (known_dotted || !given) && fluxo_core::template::is_valid_name(name)
}

/// The name of a "`NAME` has no value" warning.
fn unset_name(event: &Event) -> Option<&str> {
    let Event::Warning { message } = event else {
        return None;
    };
    message
        .strip_prefix('`')?
        .split_once("` has no value")?
        .0
        .into()
}

#[test]
fn the_checks_agree_with_what_runs_do() {
    let mut warnings_seen = 0;
    let mut steps_seen = 0;
    for (round, flow) in flows(99, rounds(400), 12).enumerate() {
        let findings = check(&flow);
        let unreachable: HashSet<&str> = findings
            .iter()
            .filter(|finding| finding.code == Code::Unreachable)
            .filter_map(|finding| finding.node.as_deref())
            .collect();
        let unset: HashSet<(&str, &str)> = findings
            .iter()
            .filter(|finding| {
                matches!(
                    finding.code,
                    Code::UnknownVariable | Code::MaybeUnsetVariable
                )
            })
            .filter_map(|finding| match (&finding.node, finding.arg("name")) {
                (Some(node), Some(Arg::Text(name))) => Some((node.as_str(), name.as_str())),
                _ => None,
            })
            .collect();
        // A step names its node by id: where ids repeat, which node ran is not known.
        let mut ids = HashSet::new();
        let repeated: HashSet<&str> = flow
            .nodes
            .iter()
            .filter(|node| !ids.insert(node.id.as_str()))
            .map(|node| node.id.as_str())
            .collect();
        let mut scenarios: Vec<Scenario> = flow.scenarios.iter().take(4).cloned().collect();
        scenarios.push(Scenario::default());
        scenarios.extend(generator::scenarios(2, round as u64));
        for scenario in &scenarios {
            let options = Options {
                step_limit: 300,
                history: false,
                ..Options::default()
            };
            let mut run = Run::new(&flow, scenario, options);
            run.run_to_end();
            for step in run.steps() {
                steps_seen += 1;
                if repeated.contains(step.node) {
                    continue;
                }
                assert!(
                    !unreachable.contains(step.node),
                    "round {round}: `{}` runs in scenario `{}` but is reported unreachable ({})",
                    step.node,
                    scenario.name,
                    keep(&flow, "agree")
                );
                for name in step.events.iter().filter_map(unset_name) {
                    if !is_flow_name(name) {
                        continue;
                    }
                    warnings_seen += 1;
                    assert!(
                        unset.contains(&(step.node, name)),
                        "round {round}: `{name}` has no value at `{}` in scenario `{}`, and no finding says it may ({}): {:#?}",
                        step.node,
                        scenario.name,
                        keep(&flow, "agree"),
                        findings
                            .iter()
                            .filter(|f| f.node.as_deref() == Some(step.node))
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
    }
    // The property means something only if runs went somewhere and met unset names.
    assert!(steps_seen > 10_000, "{steps_seen} steps");
    assert!(warnings_seen > 100, "{warnings_seen} warnings");
}
