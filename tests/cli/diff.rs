//! `fluxo diff`, through the real binary: the structural changes grouped by node, the scenarios
//! that now end differently, JSON, languages, secrets and exit codes.
// Test helpers outside `#[test]` functions: failing there is failing the test.
#![allow(clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

fn flow(name: &str) -> String {
    data(&format!("diff/{name}.flow.ron"))
}

fn fluxo(args: &[&str]) -> Output {
    fluxo_with(args, &[])
}

fn fluxo_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fluxo"))
        .args(args)
        .envs(env.iter().copied())
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

fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

#[test]
fn changes_grouped_by_node_then_the_scenarios_that_end_differently_exit_1() {
    let output = fluxo(&["diff", &flow("clientes"), &flow("clientes_alterado")]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let text = stdout(&output);
    let expected_structure = "\
Changes:
  node cliente (Condition)
    cases[0].rules[0].value: \"sim\" -> \"s\"
    cliente.else: fila -> aviso
  node consulta (Request)
    consulta.error: fila -> fim
  node fila (Queue)
    moved from (600, 200) to (640, 240)
  node aviso (Message)
    added
      text: \"Vou chamar o suporte.\"
    aviso.next: now connected to fila
  team
    agents[ana].status: \"Online\" -> \"Offline\"
7 changes: 6 to what the flow or its team does, 0 to the scenarios, 1 cosmetic
";
    assert!(text.starts_with(expected_structure), "{text}");
    let expected_cliente = "
These scenarios now end differently (4 of 4):
  \"Cliente\"
    before: End at fim, agent ana
    now:    Queued at fila, queue Suporte, position 3, no agent
    path before: inicio > menu > cliente > consulta > gerente > fim
    path now:    inicio > menu > cliente > aviso > fila
    messages the contact receives (- before only, + now only):
      (1 message the same)
      - Obrigado, Maria!
      - Até logo!
      + Vou chamar o suporte.
      + Você está na fila do suporte.
";
    assert!(text.contains(expected_cliente), "{text}");
    // The same end, another way there: the end line says so, the path shows how.
    assert!(
        text.contains(
            "  \"Não cliente\"\n    same end: Queued at fila, queue Suporte, position 3, no agent\n    path before: inicio > menu > cliente > fila\n"
        ),
        "{text}"
    );
    assert_eq!(
        text.lines().last(),
        Some("4 of 4 scenarios now end differently.")
    );
}

#[test]
fn a_pure_move_and_a_reworded_description_exit_0() {
    let output = fluxo(&["diff", &flow("clientes"), &flow("clientes_movido")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("  node fim (End)\n    moved from (1000, 0) to (1000, 120)\n"),
        "{text}"
    );
    assert!(
        text.contains("3 changes: 0 to what the flow or its team does, 0 to the scenarios, 3 cosmetic\nOnly positions, notes or the description changed: no run can see it.\n"),
        "{text}"
    );
    assert!(!text.contains("end differently ("), "{text}");
    assert_eq!(
        text.lines().last(),
        Some("No scenario ends differently (4 compared).")
    );
}

#[test]
fn ron_against_json_compares_the_flows_not_the_formats() {
    let dir = std::env::temp_dir().join(format!("fluxo-diff-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let json = dir.join("clientes.flow.json").display().to_string();
    let converted = fluxo(&["convert", &flow("clientes"), &json]);
    assert_eq!(code(&converted), 0, "{}", stderr(&converted));
    let output = fluxo(&["diff", &json, &flow("clientes")]);
    let back = fluxo(&["diff", &json, &json]);
    let _ = std::fs::remove_dir_all(&dir);
    // A converted file keeps a secret's name, never its value: the only change, masked.
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "Changes:\n  scenario \"Cliente\"\n    secrets.token: \"\" -> \"••••\"\n\
         1 change: 0 to what the flow or its team does, 1 to the scenarios, 0 cosmetic\n\n\
         No scenario ends differently (5 compared).\n"
    );
    assert_eq!(code(&back), 0);
    assert_eq!(
        stdout(&back),
        "The two files describe the same flow.\n\nNo scenario ends differently (4 compared).\n"
    );
}

#[test]
fn json_has_stable_keys_for_tools() {
    let output = fluxo(&[
        "diff",
        &flow("clientes"),
        &flow("clientes_alterado"),
        "--format",
        "json",
    ]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&output)).expect("one JSON document");
    assert_eq!(
        json["summary"],
        serde_json::json!({"changes": 7, "behaviour": 6, "test": 0, "cosmetic": 1,
            "cosmetic_only": false, "scenarios": 4, "outcomes_changed": 4})
    );
    assert!(
        json["old"]
            .as_str()
            .is_some_and(|old| old.ends_with("clientes.flow.ron"))
    );
    assert_eq!(
        json["changes"][0],
        serde_json::json!({"section": "node", "node": "cliente", "node_kind": "Condition",
            "change": "field", "path": "cases[0].rules[0].value", "old": "sim", "new": "s",
            "effect": "behaviour"})
    );
    assert_eq!(
        json["changes"][2],
        serde_json::json!({"section": "node", "node": "consulta", "node_kind": "Request",
            "change": "wire", "port": "error", "old": "fila", "new": "fim", "effect": "behaviour"})
    );
    let cliente = &json["scenarios"][0];
    assert_eq!(cliente["scenario"], "Cliente");
    assert_eq!(cliente["version"], "both");
    assert_eq!(cliente["old"]["end_reason"], "End");
    assert_eq!(cliente["old"]["agent"], "ana");
    assert_eq!(cliente["new"]["end_reason"], "Queued");
    assert_eq!(cliente["new"]["queue"], "Suporte");
    assert_eq!(cliente["new"]["position"], 3);
    assert_eq!(
        cliente["differences"],
        serde_json::json!([
            "end_reason",
            "end_node",
            "agent",
            "queue",
            "position",
            "messages",
            "path"
        ])
    );
    // A move only: JSON says so and the exit is 0.
    let output = fluxo(&[
        "diff",
        &flow("clientes"),
        &flow("clientes_movido"),
        "--format",
        "json",
    ]);
    assert_eq!(code(&output), 0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json["summary"]["cosmetic_only"], true);
    assert_eq!(json["summary"]["outcomes_changed"], 0);
    assert_eq!(json["changes"][1]["change"], "moved");
    assert_eq!(json["changes"][1]["effect"], "cosmetic");
}

#[test]
fn a_scenario_only_in_the_new_file_runs_on_the_old_one_and_secrets_stay_masked() {
    let env = [("FLUXO_SECRET_TOKEN", "env-s3cr3t")];
    let output = fluxo_with(
        &["diff", &flow("clientes"), &flow("clientes_segredo")],
        &env,
    );
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("  scenario \"Só no arquivo novo\"\n    added\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  \"Só no arquivo novo\" (only in the new file)\n    same end: End at fim, agent ana\n"
        ),
        "{text}"
    );
    assert!(text.contains("      + Seu token: ••••\n"), "{text}");
    let json = fluxo_with(
        &[
            "diff",
            &flow("clientes"),
            &flow("clientes_segredo"),
            "--format",
            "json",
        ],
        &env,
    );
    for shown in [text, stdout(&json), stderr(&output), stderr(&json)] {
        assert!(!shown.contains("s3cr3t"), "{shown}");
    }
}

#[test]
fn portuguese_reads_naturally() {
    let output = fluxo(&[
        "diff",
        "--lang",
        "pt-BR",
        &flow("clientes"),
        &flow("clientes_alterado"),
    ]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "Alterações:\n",
        "  nó aviso (Message)\n    adicionado\n",
        "    aviso.next: agora ligado a fila\n",
        "  equipe\n",
        "7 alterações: 6 no que o fluxo ou a equipe faz, 0 nos cenários, 1 só visual\n",
        "Estes cenários agora terminam de outro jeito (4 de 4):\n",
        "    antes: End no nó fim, atendente ana\n",
        "    agora: Queued no nó fila, fila Suporte, posição 3, sem atendente\n",
        "    caminho antes: inicio > menu > cliente > consulta > gerente > fim\n",
        "      (1 mensagem igual)\n",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    assert_eq!(
        text.lines().last(),
        Some("4 de 4 cenários agora terminam de outro jeito.")
    );
    let output = fluxo(&[
        "diff",
        "--lang",
        "pt-BR",
        &flow("clientes"),
        &flow("clientes_movido"),
    ]);
    assert_eq!(code(&output), 0);
    assert!(
        stdout(&output).ends_with(
            "Só mudaram posições, notas ou a descrição: nenhum atendimento percebe a diferença.\n\nNenhum cenário termina de outro jeito (4 comparados).\n"
        ),
        "{}",
        stdout(&output)
    );
}

#[test]
fn bad_input_exits_2_and_names_each_unreadable_file() {
    let missing = data("diff/no_such.flow.ron");
    let output = fluxo(&["diff", &missing, &flow("clientes")]);
    assert_eq!(code(&output), 2);
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).starts_with(&format!("{missing}: cannot read the file")),
        "{}",
        stderr(&output)
    );
    // Both sides are read: each problem is told.
    let malformed = data("malformed.flow.ron");
    let output = fluxo(&["diff", &missing, &malformed, "--format", "json"]);
    assert_eq!(code(&output), 2);
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    assert!(err.contains(&format!("{missing}: ")), "{err}");
    assert!(err.contains(&format!("{malformed}:4:")), "{err}");
    // Usage: two files are needed.
    let output = fluxo(&["diff", &flow("clientes")]);
    assert_eq!(code(&output), 2);
    assert_eq!(stdout(&output), "");
}
