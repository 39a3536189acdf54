use std::fmt::Write as _;

use crate::check::testing::{assert_clean, at, flow, place, with_code};
use crate::check::{Code, Severity};

/// A flow of these nodes and edges (`from port to` triples) with the SPEC team.
fn graph(nodes: &str, edges: &[(&str, &str, &str)]) -> crate::flow::Flow {
    let mut text = String::new();
    for (from, port, to) in edges {
        let _ = write!(text, "(from: \"{from}\", port: \"{port}\", to: \"{to}\"),");
    }
    let edges = text;
    flow(&format!(
        "(format: 1, nodes: [(id: \"inicio\", kind: Entry()), {nodes}], edges: [{edges}])"
    ))
}

const ASK: &str = r#"(id: "q", kind: Ask(prompt: "Nome?", save_as: "nome")),"#;

fn diamond(else_branch: &str) -> crate::flow::Flow {
    graph(
        &format!(
            r#"{ASK}
            (id: "c", kind: Condition(cases: [(port: "vip", rules: [(var: "nome", op: Equals, value: "Ana")])])),
            (id: "a", kind: SetVariable(set: {{"saudacao": "Olá VIP"}})),
            (id: "b", kind: {else_branch}),
            (id: "fim", kind: End(message: "{{{{saudacao}}}}, {{{{nome}}}}")),
            (id: "sair", kind: End()),"#
        ),
        &[
            ("inicio", "next", "q"),
            ("q", "answered", "c"),
            ("q", "invalid", "sair"),
            ("q", "timeout", "sair"),
            ("c", "vip", "a"),
            ("c", "else", "b"),
            ("a", "next", "fim"),
            ("b", "next", "fim"),
        ],
    )
}

#[test]
fn a_diamond_needs_the_variable_on_both_branches() {
    let bad = diamond(r#"Message(text: "Oi")"#);
    let found = with_code(&bad, Code::MaybeUnsetVariable);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(
        (found[0].node.clone(), found[0].field.clone()),
        place("fim", "message")
    );
    assert!(
        found[0].message.contains("`saudacao`"),
        "{}",
        found[0].message
    );
    assert!(
        found[0]
            .message
            .contains("inicio -next-> q -answered-> c -else-> b -next-> fim"),
        "{}",
        found[0].message
    );
    // `nome` is set on `answered`, the only way to `c` and `fim`: not reported.
    let good = diamond(r#"SetVariable(set: {"saudacao": "Olá"})"#);
    assert_clean(&good);
}

#[test]
fn an_ask_sets_its_variable_only_when_answered() {
    let nodes = format!(
        r#"{ASK}
        (id: "ok", kind: End(message: "Obrigado, {{{{nome}}}}")),
        (id: "falhou", kind: End(message: "Até logo, {{{{nome}}}}")),"#
    );
    let bad = graph(
        &nodes,
        &[
            ("inicio", "next", "q"),
            ("q", "answered", "ok"),
            ("q", "invalid", "falhou"),
            ("q", "timeout", "falhou"),
        ],
    );
    let found = with_code(&bad, Code::MaybeUnsetVariable);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].node.as_deref(), Some("falhou"));
    assert!(
        found[0]
            .message
            .contains("`q` sets it only when it leaves by answered"),
        "{}",
        found[0].message
    );
    let good = graph(
        &nodes.replace("Até logo, {{nome}}", "Até logo"),
        &[
            ("inicio", "next", "q"),
            ("q", "answered", "ok"),
            ("q", "invalid", "falhou"),
            ("q", "timeout", "falhou"),
        ],
    );
    assert_clean(&good);
    // A node no path reaches does not read anything the analysis cares about.
    let unreachable = graph(
        &nodes,
        &[
            ("inicio", "next", "q"),
            ("q", "answered", "ok"),
            ("q", "invalid", "ok"),
            ("q", "timeout", "ok"),
        ],
    );
    let found = with_code(&unreachable, Code::MaybeUnsetVariable);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].node.as_deref(),
        Some("ok"),
        "only the reachable read"
    );
}

#[test]
fn a_request_saves_only_on_ok_but_sets_http_on_both() {
    let nodes = r#"
        (id: "r", kind: Request(url: "https://x.com/a", save: {"status": "data.status"})),
        (id: "bom", kind: End(message: "{{status}} {{http.status}}")),
        (id: "ruim", kind: End(message: "{{http.status}} {{http.body}} {{status}}")),"#;
    let flow = graph(
        nodes,
        &[
            ("inicio", "next", "r"),
            ("r", "ok", "bom"),
            ("r", "error", "ruim"),
        ],
    );
    let found = with_code(&flow, Code::MaybeUnsetVariable);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].node.as_deref(), Some("ruim"));
    assert!(
        found[0].message.starts_with("`status`"),
        "{}",
        found[0].message
    );
    assert!(
        found[0]
            .message
            .contains("`r` sets it only when it leaves by ok"),
        "{}",
        found[0].message
    );
}

#[test]
fn http_read_before_any_request() {
    let nodes = r#"
        (id: "m", kind: Message(text: "{{http.status}}")),
        (id: "r", kind: Request(url: "https://x.com/a")),
        (id: "fim", kind: End()),"#;
    let flow = graph(
        nodes,
        &[
            ("inicio", "next", "m"),
            ("m", "next", "r"),
            ("r", "ok", "fim"),
            ("r", "error", "fim"),
        ],
    );
    let found = with_code(&flow, Code::MaybeUnsetVariable);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.contains("no Request runs before it"),
        "{}",
        found[0].message
    );
}

#[test]
fn loops_reach_a_fixpoint() {
    // inicio -> m (reads tentativa) -> q (sets it when answered) -> back to m.
    let nodes = r#"
        (id: "m", kind: Message(text: "Tentativa {{tentativa}}")),
        (id: "q", kind: Ask(prompt: "De novo?", save_as: "tentativa")),
        (id: "fim", kind: End()),"#;
    let edges = [
        ("m", "next", "q"),
        ("q", "answered", "m"),
        ("q", "invalid", "fim"),
        ("q", "timeout", "fim"),
    ];
    let mut bad_edges = vec![("inicio", "next", "m")];
    bad_edges.extend(edges);
    let bad = graph(nodes, &bad_edges);
    let found = with_code(&bad, Code::MaybeUnsetVariable);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].node.as_deref(), Some("m"));
    assert!(
        found[0].message.contains("on the path inicio -next-> m,"),
        "{}",
        found[0].message
    );

    // Set before the loop: set on entry to m from both sides.
    let good_nodes = format!(r#"{nodes} (id: "v", kind: SetVariable(set: {{"tentativa": "0"}})),"#);
    let mut good_edges = vec![("inicio", "next", "v"), ("v", "next", "m")];
    good_edges.extend(edges);
    assert_clean(&graph(&good_nodes, &good_edges));
}

#[test]
fn set_variable_entries_read_the_ones_above() {
    let ordered = r#"(id: "v", kind: SetVariable(set: {"a": "1", "b": "{{a}}"})), (id: "fim", kind: End(message: "{{b}}")),"#;
    let edges = [("inicio", "next", "v"), ("v", "next", "fim")];
    assert_clean(&graph(ordered, &edges));
    let reversed = r#"(id: "v", kind: SetVariable(set: {"b": "{{a}}", "a": "1"})), (id: "fim", kind: End(message: "{{b}}")),"#;
    assert_eq!(
        at(&graph(reversed, &edges), Code::MaybeUnsetVariable),
        [place("v", "set.b")]
    );
    let itself = r#"(id: "v", kind: SetVariable(set: {"c": "{{c}}x"})), (id: "fim", kind: End(message: "{{c}}")),"#;
    assert_eq!(
        at(&graph(itself, &edges), Code::MaybeUnsetVariable),
        [place("v", "set.c")]
    );
}

#[test]
fn a_node_reads_before_it_sets() {
    let nodes = r#"(id: "q", kind: Ask(prompt: "Antes: {{nome}}", save_as: "nome")), (id: "fim", kind: End()),"#;
    let flow = graph(
        nodes,
        &[
            ("inicio", "next", "q"),
            ("q", "answered", "fim"),
            ("q", "invalid", "fim"),
            ("q", "timeout", "fim"),
        ],
    );
    assert_eq!(at(&flow, Code::MaybeUnsetVariable), [place("q", "prompt")]);
}

#[test]
fn live_chat_status_and_rules() {
    let nodes = r#"
        (id: "c", kind: Condition(cases: [(port: "sim", rules: [(var: "live_chat.status", op: Equals, value: "agent_closed")])])),
        (id: "lc", kind: LiveChat(department: "Suporte")),
        (id: "fim", kind: End(message: "{{live_chat.status}}")),"#;
    let flow = graph(
        nodes,
        &[
            ("inicio", "next", "c"),
            ("c", "sim", "lc"),
            ("c", "else", "lc"),
            ("lc", "agent_closed", "fim"),
            ("lc", "user_closed", "fim"),
            ("lc", "timeout", "fim"),
            ("lc", "user_inactivity_timeout", "fim"),
        ],
    );
    // The rule reads it before any LiveChat; the End after every port of the LiveChat is fine.
    assert_eq!(
        at(&flow, Code::MaybeUnsetVariable),
        [place("c", "cases[0].rules[0].var")]
    );
}

#[test]
fn a_closing_message_reads_what_its_own_live_chat_set() {
    let nodes = r#"
        (id: "lc", kind: LiveChat(department: "Suporte", result_variable: "resultado",
            extra_info: {"status": "{{live_chat.status}}"},
            closing_message: "Encerrado: {{live_chat.status}} {{resultado}}")),
        (id: "fim", kind: End()),"#;
    let flow = graph(
        nodes,
        &[
            ("inicio", "next", "lc"),
            ("lc", "agent_closed", "fim"),
            ("lc", "user_closed", "fim"),
            ("lc", "timeout", "fim"),
            ("lc", "user_inactivity_timeout", "fim"),
        ],
    );
    // The closing message goes out after the conversation ended; extra_info before it began.
    assert_eq!(
        at(&flow, Code::MaybeUnsetVariable),
        [place("lc", "extra_info.status")]
    );
}

#[test]
fn paths_are_shown_for_the_first_variables() {
    // q's answer is read on its `invalid` branch by 25 nodes, each also reading its own variable
    // set only on the other branch.
    let mut nodes = String::from(ASK);
    let mut set = String::new();
    let mut edges = vec![
        ("inicio".to_owned(), "next".to_owned(), "q".to_owned()),
        ("q".into(), "answered".into(), "v".into()),
        ("q".into(), "timeout".into(), "m0".into()),
        ("q".into(), "invalid".into(), "m0".into()),
        ("v".into(), "next".into(), "m0".into()),
    ];
    for i in 0..25 {
        let _ = write!(
            nodes,
            r#"(id: "m{i}", kind: Message(text: "{{{{nome}}}} {{{{x{i}}}}}")),"#
        );
        let _ = write!(set, r#""x{i}": "1","#);
        let next = if i == 24 {
            "fim".to_owned()
        } else {
            format!("m{}", i + 1)
        };
        edges.push((format!("m{i}"), "next".into(), next));
    }
    let _ = write!(
        nodes,
        r#"(id: "v", kind: SetVariable(set: {{{set}}})), (id: "fim", kind: End()),"#
    );
    let edges: Vec<(&str, &str, &str)> = edges
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    let found = with_code(&graph(&nodes, &edges), Code::MaybeUnsetVariable);
    assert_eq!(found.len(), 50);
    let with_path = found
        .iter()
        .filter(|f| f.message.contains("on the path"))
        .count();
    // `nome` (25 reads, one search) and 19 of the x variables show a path.
    assert_eq!(with_path, 25 + 19, "{found:#?}");
    assert!(found.iter().any(|f| {
        f.message
            .contains("some path from the Entry reaches this node")
    }));
}

/// Random flows with loops and branches: the backward searches, the fixpoint alone and the
/// searches alone all give the same verdicts.
#[test]
fn searches_and_fixpoint_agree() {
    use crate::check::dataflow::Analysis;
    use crate::check::index::FlowIndex;
    use crate::rng::Rng;

    let mut rng = Rng::new(11);
    let (mut set, mut unset) = (0, 0);
    for round in 0..300 {
        let size = 3 + rng.below(40);
        let mut text = String::new();
        for i in 1..size {
            let var = rng.below(4);
            let _ = match rng.below(4) {
                0 => write!(
                    text,
                    r#"(id: "n{i}", kind: Ask(prompt: "{{{{v{}}}}}", save_as: "v{var}")),"#,
                    rng.below(4)
                ),
                1 => write!(
                    text,
                    r#"(id: "n{i}", kind: SetVariable(set: {{"v{var}": "{{{{v{}}}}}"}})),"#,
                    rng.below(4)
                ),
                2 => write!(
                    text,
                    r#"(id: "n{i}", kind: Condition(cases: [(port: "a", rules: [(var: "v{var}", op: IsEmpty)])])),"#
                ),
                _ => write!(
                    text,
                    r#"(id: "n{i}", kind: Request(url: "https://x.com/{{{{v{var}}}}}", save: {{"v{}": ""}})),"#,
                    rng.below(4)
                ),
            };
        }
        let mut flow = flow(&format!(
            "(format: 1, nodes: [(id: \"n0\", kind: Entry()), {text}])"
        ));
        for i in 0..size {
            let ports: Vec<String> = flow.nodes[i]
                .kind
                .ports()
                .into_iter()
                .map(str::to_owned)
                .collect();
            for port in ports {
                let to = 1 + rng.below(size - 1);
                flow.edges.push(crate::flow::Edge::new(
                    format!("n{i}"),
                    port,
                    format!("n{to}"),
                ));
            }
        }
        let index = FlowIndex::new(&flow);
        let Some(analysis) = Analysis::new(&index) else {
            continue;
        };
        let entry = index.entry.unwrap();
        let order = std::sync::OnceLock::new();
        let mixed = analysis.verdicts(&index, entry, &order, 3);
        let fixpoint_only = analysis.verdicts(&index, entry, &order, 0);
        let search_only = analysis.verdicts(&index, entry, &order, usize::MAX);
        assert_eq!(mixed, fixpoint_only, "round {round}");
        assert_eq!(search_only, fixpoint_only, "round {round}");
        set += mixed.iter().filter(|v| **v == super::Verdict::Set).count();
        unset += mixed
            .iter()
            .filter(|v| **v == super::Verdict::MaybeUnset)
            .count();
    }
    assert!(
        set > 300 && unset > 300,
        "{set} set, {unset} unset: too few to compare"
    );
}
