//! `fluxo load`, through the real binary: the report in text and JSON, both languages, the
//! flags over the file's `load` section, the problems, exit codes.
// Test helpers outside `#[test]` functions: failing there is failing the test.
#![allow(clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// A menu in front of Suporte (Sequential), Vendas (gives up after 120 s, then the queue) and
/// the Atendimento queue, with a day of 540 chats or so.
const FLOW: &str = r#"(
    format: 1,
    name: "Atendimento",
    nodes: [
        (id: "inicio", pos: (0.0, 0.0), kind: Entry()),
        (id: "menu", pos: (0.0, 0.0), kind: Ask(prompt: "1 Suporte, 2 Vendas, 3 Atendimento", save_as: "opcao", timeout_s: 90)),
        (id: "roteia", pos: (0.0, 0.0), kind: Condition(cases: [
            (port: "suporte", mode: All, rules: [(var: "opcao", op: Equals, value: "1")]),
            (port: "vendas", mode: All, rules: [(var: "opcao", op: Equals, value: "2")]),
            (port: "fila", mode: All, rules: [(var: "opcao", op: Equals, value: "3")]),
        ])),
        (id: "lc_suporte", pos: (0.0, 0.0), kind: LiveChat(department: "Suporte", route: Sequential)),
        (id: "lc_vendas", pos: (0.0, 0.0), kind: LiveChat(department: "Vendas", wait_timeout_s: 120)),
        (id: "fila", pos: (0.0, 0.0), kind: Queue(queue: "Atendimento")),
        (id: "fim", pos: (0.0, 0.0), kind: End()),
    ],
    edges: [
        (from: "inicio", port: "next", to: "menu"),
        (from: "menu", port: "answered", to: "roteia"),
        (from: "menu", port: "timeout", to: "lc_suporte"),
        (from: "roteia", port: "suporte", to: "lc_suporte"),
        (from: "roteia", port: "vendas", to: "lc_vendas"),
        (from: "roteia", port: "fila", to: "fila"),
        (from: "roteia", port: "else", to: "fim"),
        (from: "lc_suporte", port: "agent_closed", to: "fim"),
        (from: "lc_vendas", port: "agent_closed", to: "fim"),
        (from: "lc_vendas", port: "timeout", to: "fila"),
    ],
    team: (
        departments: ["Suporte", "Vendas", "Atendimento"],
        agents: [
            (id: "ana", name: "Ana Souza", departments: ["Suporte"], capacity: 2),
            (id: "bia", name: "Beatriz Lima", departments: ["Suporte"], capacity: 2),
            (id: "caio", name: "Caio Dias", departments: ["Vendas"], status: Away, capacity: 2),
            (id: "duda", name: "Eduarda Reis", departments: ["Atendimento"], capacity: 3),
        ],
    ),
    scenarios: [
        (name: "Suporte", replies: [Text("1")]),
        (name: "Vendas", replies: [Text("2")]),
        (name: "Atendimento", replies: [Text("3")]),
        (name: "Desiste", replies: [Text("9")]),
    ],
    LOAD
)"#;

const LOAD: &str = r#"load: (
        start: "2026-11-23T08:00:00-03:00",
        hours: 10,
        arrivals_per_hour: [20, 40, 60, 80, 80, 60, 40, 40, 60, 40],
        mix: {"Suporte": 4, "Vendas": 2, "Atendimento": 2, "Desiste": 1},
        handle_time_s: 420,
        patience_s: 600,
        service_level_s: 120,
        seed: 1,
    ),"#;

/// A flow file in a fresh folder: the flow above with `load` as its load section.
fn write(test: &str, load: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fluxo-load-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp folder");
    let path = dir.join("atendimento.flow.ron");
    std::fs::write(&path, FLOW.replace("LOAD", load)).expect("the flow is written");
    path
}

fn fluxo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fluxo"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("the fluxo binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON document")
}

#[test]
fn a_readable_report_of_the_day() {
    let path = write("text", LOAD);
    let output = fluxo(&["load", path.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let text = stdout(&output);
    assert!(
        text.starts_with("Atendimento: a day from 2026-11-23 08:00 (-03:00), 10 hours, seed 1\n"),
        "{text}"
    );
    assert!(text.contains("chats arrived: "), "{text}");
    assert!(
        text.contains(
            "Mean handle time 7 min, patience 10 min, service level: answered within 2 min"
        ),
        "{text}"
    );
    for heading in [
        "Departments",
        "Agents",
        "Chats that ended in the bot",
        "Scenarios drawn",
        "Hour by hour",
    ] {
        assert!(
            text.contains(&format!("\n{heading}\n")),
            "{heading}: {text}"
        );
    }
    assert!(text.contains("Caio Dias (caio), away all day"), "{text}");
    assert!(text.contains("  End at fim  "), "{text}");
    // One row per department, in the team's order, and one per hour from 08:00 to 17:00.
    let suporte = text.find("\n  Suporte ").expect("a Suporte row");
    let vendas = text.find("\n  Vendas ").expect("a Vendas row");
    assert!(suporte < vendas);
    assert!(
        text.contains("\n  08:00 ") && text.contains("\n  17:00 "),
        "{text}"
    );
    assert!(!text.contains("\n  18:00 "), "{text}");
}

#[test]
fn json_with_the_keys_spec_names_and_the_same_day_byte_for_byte() {
    let path = write("json", LOAD);
    let path = path.to_str().expect("a UTF-8 path");
    let output = fluxo(&["load", path, "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let again = fluxo(&["load", path, "--format", "json"]);
    assert_eq!(output.stdout, again.stdout);
    let report = json(&output);
    assert_eq!(report["file"], path);
    assert_eq!(report["hours"], 10);
    let departments = report["departments"].as_array().expect("departments");
    assert_eq!(departments.len(), 3);
    for department in departments {
        for key in [
            "offered",
            "answered",
            "abandoned",
            "service_level",
            "waited_share",
            "mean_wait_s",
            "p90_wait_s",
        ] {
            assert!(department.get(key).is_some(), "{key} in {department}");
        }
        let level = department["service_level"].as_f64().unwrap_or(0.0);
        assert!((0.0..=1.0).contains(&level), "{department}");
    }
    // Nobody takes Vendas (Caio is away): its chats give up after 120 s or leave.
    let vendas = &departments[1];
    assert_eq!(vendas["department"], "Vendas");
    assert_eq!(vendas["answered"], 0);
    assert!(vendas["timed_out"].as_u64() > Some(0), "{vendas}");
    let agents = report["agents"].as_array().expect("agents");
    assert_eq!(agents.len(), 4);
    assert!(agents[0]["occupancy"].as_f64() > Some(0.0));
    assert_eq!(report["hourly"].as_array().map(Vec::len), Some(10));
    assert_eq!(report["bot_ends"][0]["reason"], "End");
    assert_eq!(report["warnings"], serde_json::json!([]));
    // Another seed, another day.
    let other = fluxo(&["load", path, "--format", "json", "--seed", "2"]);
    assert_ne!(output.stdout, other.stdout);
    assert_eq!(json(&other)["seed"], 2);
}

#[test]
fn portuguese_words_the_report_and_keeps_the_json_keys() {
    let path = write("pt", LOAD);
    let path = path.to_str().expect("a UTF-8 path");
    let output = fluxo(&["load", path, "--lang", "pt-BR"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "Atendimento: um dia a partir de 2026-11-23 08:00 (-03:00), 10 horas, semente 1\n"
        ),
        "{text}"
    );
    for words in [
        "Departamentos",
        "Atendentes",
        "desistências",
        "nível de serviço",
        "TME",
        "ausente o dia todo",
        "Hora a hora",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    assert!(text.contains(" %"), "{text}");
    let english = json(&fluxo(&["load", path, "--format", "json"]));
    let portuguese = json(&fluxo(&[
        "load", path, "--format", "json", "--lang", "pt-BR",
    ]));
    assert_eq!(english, portuguese);
}

#[test]
fn the_flags_override_the_section_and_a_file_without_one_needs_a_rate() {
    let with = write("flags", LOAD);
    let with = with.to_str().expect("a UTF-8 path");
    let report = json(&fluxo(&[
        "load", with, "--rate", "10", "--hours", "3", "--format", "json",
    ]));
    assert_eq!(report["hours"], 3);
    assert_eq!(
        report["arrivals_per_hour"],
        serde_json::json!([10.0, 10.0, 10.0])
    );
    assert_eq!(report["seed"], 1, "the file's seed stays");

    let without = write("no-section", "");
    let without = without.to_str().expect("a UTF-8 path");
    let output = fluxo(&["load", without]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains("has no load section: give --rate N"),
        "{}",
        stderr(&output)
    );
    let output = fluxo(&["load", without, "--rate", "30", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    // Every scenario, weight 1, for the default 10 hours from Monday 08:00.
    let scenarios: Vec<&str> = report["scenarios"]
        .as_array()
        .expect("scenarios")
        .iter()
        .filter_map(|s| s["scenario"].as_str())
        .collect();
    assert_eq!(scenarios, ["Suporte", "Vendas", "Atendimento", "Desiste"]);
    assert_eq!(report["hours"], 10);
    assert_eq!(report["start"], "2026-01-05T08:00:00-03:00");
}

#[test]
fn problems_go_to_stderr_and_a_plan_that_cannot_run_exits_2() {
    let mixed = LOAD.replace(r#""Desiste": 1"#, r#""Desistiu": 1"#);
    let path = write("warn", &mixed);
    let path = path.to_str().expect("a UTF-8 path");
    let output = fluxo(&["load", path]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr(&output),
        format!(
            "{path}: warning[load-unknown-scenario] load.mix: the mix names `Desistiu`, which is not a scenario of this flow: its chats are left out\n"
        )
    );
    let report = json(&fluxo(&["load", path, "--format", "json"]));
    assert_eq!(report["warnings"][0]["code"], "load-unknown-scenario");
    assert_eq!(report["warnings"][0]["field"], "load.mix");
    assert_eq!(report["warnings"][0]["scenario"], "Desistiu");

    let output = fluxo(&["load", path, "--rate", "-5", "--lang", "pt-BR"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output)
            .contains("error[load-bad-rate] load.arrivals_per_hour[0]: a taxa da hora 1 é -5"),
        "{}",
        stderr(&output)
    );
    let output = fluxo(&["load", path, "--rate", "1e9"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("error[load-too-many-chats]"),
        "{}",
        stderr(&output)
    );
    let output = fluxo(&["load", path, "--hours", "100000"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("error[load-too-many-hours]"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unreadable_file_or_a_bad_flag_exits_2() {
    let dir = std::env::temp_dir().join(format!("fluxo-load-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp folder");
    let path = dir.join("quebrado.flow.ron");
    std::fs::write(&path, "(\n    format: 1,\n    load: (hours: -3),\n)").expect("written");
    let output = fluxo(&["load", path.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("quebrado.flow.ron:3:"),
        "{}",
        stderr(&output)
    );
    let output = fluxo(&[
        "load",
        path.to_str().expect("a UTF-8 path"),
        "--rate",
        "muitos",
    ]);
    assert_eq!(output.status.code(), Some(2));
}
