//! `fluxo run`, through the real binary: transcript, JSON, replies, exit codes, secrets.
// Test helpers outside `#[test]` functions: failing there is failing the test.
#![allow(clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn fluxo(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fluxo"));
    command.args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("the fluxo binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn path(name: &str) -> String {
    data(name).display().to_string()
}

#[test]
fn transcript_step_by_step_then_the_end() {
    let output = fluxo(&["run", &path("atendimento.flow.ron")], &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "scenario: Financeiro com a gerente");
    assert_eq!(lines[1], "step 1  inicio (Entry)");
    assert_eq!(lines[2], "  -> next: expediente");
    assert!(text.contains("step 2  expediente (BusinessHours)\n  branch `open`: Mon 2026-01-05 10:00 at UTC-03:00: open"), "{text}");
    assert!(text.contains("  bot asks: Olá Maria! 1) Financeiro 2) Suporte\n  contact: 3  (invalid: not one of the options (Financeiro, Suporte))\n  bot asks again: Responda 1 ou 2, por favor."), "{text}");
    assert!(text.contains("  agent assigned: Ana Souza (ana): contact.custom.gerente_de_contas names ana: ana is online with 0 of 3 chats"), "{text}");
    assert!(
        text.contains("  handoff ended: agent_closed (agent ana)"),
        "{text}"
    );
    assert_eq!(lines[lines.len() - 2], "ended: End at fim");
    assert_eq!(
        lines.last(),
        Some(&"lists: All"),
        "the chat's lists on the agents' screen come last"
    );
}

#[test]
fn pick_a_scenario_by_name_or_fail_listing_the_names() {
    let output = fluxo(
        &[
            "run",
            &path("atendimento.flow.ron"),
            "--scenario",
            "Fora do horário",
        ],
        &[],
    );
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("queued in Suporte at position 3"), "{text}");
    assert!(
        text.ends_with(
            "ended: Queued at fila (queue Suporte, position 3): 2 chats were already waiting\nlists: All, Open (Suporte)\n"
        ),
        "{text}"
    );

    let output = fluxo(
        &["run", &path("atendimento.flow.ron"), "--scenario", "Nenhum"],
        &[],
    );
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("no scenario named `Nenhum`"), "{message}");
    assert!(
        message.contains("`Financeiro com a gerente`, `Suporte em sequência 1`"),
        "{message}"
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn replies_from_the_command_line_come_after_the_scenario() {
    let file = path("sem_cenarios.flow.ron");
    let waiting = fluxo(&["run", &file], &[]);
    assert_eq!(
        waiting.status.code(),
        Some(0),
        "WaitingReply is an ended run"
    );
    assert!(stdout(&waiting).ends_with(
        "ended: WaitingReply at nome: no scripted reply left: the contact's next reply is awaited\nlists: All\n"
    ));
    assert!(stdout(&waiting).starts_with("scenario: (empty scenario)\n"));

    let answered = fluxo(&["run", &file, "--reply", "  ", "--reply", "Rui"], &[]);
    let text = stdout(&answered);
    assert!(text.contains("  contact: Rui\n"), "{text}");
    assert!(text.contains("bot (end): Prazer, Rui!"), "{text}");
    assert!(text.ends_with("ended: End at fim\nlists: All\n"), "{text}");
}

#[test]
fn broken_runs_exit_1_bad_input_exits_2() {
    let looped = fluxo(&["run", &path("laco.flow.ron")], &[]);
    assert_eq!(looped.status.code(), Some(1));
    assert!(stdout(&looped).contains("step 10000  "));
    assert!(stdout(&looped).ends_with(
        "ended: StepLimit at de_novo: 10000 steps without ending: a loop that never waits?\nlists: All\n"
    ));

    let dead = fluxo(
        &["run", &path("falhas.flow.ron"), "--scenario", "Sem mock"],
        &[],
    );
    assert_eq!(dead.status.code(), Some(1));
    assert!(
        stdout(&dead).contains("warning: no mock answers GET https://erp.exemplo.test/clientes/")
    );

    let no_entry = fluxo(&["run", &path("sem_entrada.flow.ron")], &[]);
    assert_eq!(no_entry.status.code(), Some(1));
    assert_eq!(
        stdout(&no_entry),
        "scenario: Não começa\nended: Error: the flow has no Entry node: add one, every run starts there\nlists: All\n"
    );
    let json = fluxo(
        &["run", &path("sem_entrada.flow.ron"), "--format", "json"],
        &[],
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(json["end"]["reason"], "Error");
    assert_eq!(json["steps"].as_array().map(Vec::len), Some(0));

    let broken = fluxo(&["run", &path("quebrado.flow.ron")], &[]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        stderr(&broken).contains("quebrado.flow.ron:6:"),
        "{}",
        stderr(&broken)
    );
    let missing = fluxo(&["run", &path("nao_existe.flow.ron")], &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read the file"));
}

#[test]
fn json_is_one_document() {
    let output = fluxo(
        &["run", &path("atendimento.flow.ron"), "--format", "json"],
        &[],
    );
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["scenario"], "Financeiro com a gerente");
    assert_eq!(json["end"]["reason"], "End");
    assert_eq!(json["end"]["node"], "fim");
    assert_eq!(json["agent"], "ana");
    assert_eq!(json["path"].as_array().unwrap().len(), 6);
    let steps = json["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 7, "the Ask took two steps");
    assert_eq!(steps[0]["node"], "inicio");
    assert_eq!(steps[0]["kind"], "Entry");
    assert_eq!(steps[0]["port"], "next");
    assert_eq!(steps[0]["to"], "expediente");
    assert_eq!(steps[2]["events"][0]["event"], "message_sent");
    assert_eq!(steps[2]["events"][0]["kind"], "prompt");
    assert_eq!(json["variables"]["opcao"], "Financeiro");
    assert_eq!(json["department"], "", "opened for the agent");
    assert_eq!(json["lists"]["lists"], serde_json::json!(["All"]));
}

#[test]
fn secrets_are_never_printed() {
    let file = path("falhas.flow.ron");
    for format in ["text", "json"] {
        let from_scenario = fluxo(&["run", &file, "--format", format], &[]);
        let text = stdout(&from_scenario);
        assert!(!text.contains("segredo-do-cenario"), "{text}");
        assert!(text.contains("Bearer ••••"), "{text}");
        let from_env = fluxo(
            &["run", &file, "--format", format],
            &[("FLUXO_SECRET_ERP_TOKEN", "s3nha-do-ambiente")],
        );
        let text = stdout(&from_env) + &stderr(&from_env);
        assert!(
            !text.contains("s3nha-do-ambiente") && !text.contains("segredo-do-cenario"),
            "{text}"
        );
        assert!(text.contains("Bearer ••••"), "{text}");
    }
}

fn sample(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_flows")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn a_subflow_calls_a_flow_of_the_same_folder() {
    let output = fluxo(&["run", &sample("tour.flow.ron")], &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains(
            "step 3  coleta_cpf (SubFlow)\n  enters the flow \"Coleta de CPF\" (called by coleta_cpf)\n  -> coleta_cpf/inicio\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("step 5  coleta_cpf/pede_cpf (Ask)"),
        "the called flow's nodes are named under the caller: {text}"
    );
    assert!(
        text.contains(
            "  the flow \"Coleta de CPF\" ended: back to coleta_cpf by done\n  -> done: tem_cpf"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("ended: End at fim_atendimento\nlists: All\n"),
        "{text}"
    );
    let json = fluxo(&["run", &sample("tour.flow.ron"), "--format", "json"], &[]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(json["path"][3], "coleta_cpf/inicio");
    assert_eq!(json["department"], "Suporte");
}

#[test]
fn the_lists_say_where_the_chat_ended_up() {
    let queued = fluxo(
        &[
            "run",
            &sample("carteirizacao.flow.ron"),
            "--scenario",
            "Gerente ausente: fila do atendimento",
        ],
        &[],
    );
    assert!(
        stdout(&queued).ends_with("\nlists: All, Open (Atendimento)\n"),
        "{}",
        stdout(&queued)
    );
    let transferred = fluxo(
        &["run", &sample("carteirizacao.flow.ron"), "--format", "json"],
        &[],
    );
    let json: serde_json::Value = serde_json::from_slice(&transferred.stdout).expect("valid JSON");
    assert_eq!(
        json["lists"],
        serde_json::json!({"lists": ["All", "Mine", "InService"], "department": "", "agent": "ana"})
    );
    let text = stdout(&fluxo(&["run", &sample("carteirizacao.flow.ron")], &[]));
    assert!(
        text.ends_with("\nlists: All, Mine (ana), InService\n"),
        "{text}"
    );
}

#[test]
fn a_call_that_cannot_run_ends_the_run_with_an_error() {
    let dir = std::env::temp_dir().join(format!("fluxo-cli-subflow-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temp folder");
    let flow = |name: &str, call: &str| {
        format!(
            "(format: 1, name: {name:?}, nodes: [(id: \"inicio\", kind: Entry()), \
             (id: \"chama\", kind: SubFlow(flow: {call:?})), (id: \"fim\", kind: End())], \
             edges: [(from: \"inicio\", port: \"next\", to: \"chama\"), (from: \"chama\", port: \"done\", to: \"fim\")])"
        )
    };
    std::fs::write(dir.join("a.flow.ron"), flow("A", "B")).expect("written");
    std::fs::write(dir.join("b.flow.ron"), flow("B", "a.flow.ron")).expect("written");
    std::fs::write(dir.join("c.flow.ron"), flow("C", "Nenhum")).expect("written");
    let cycle = fluxo(&["run", &dir.join("a.flow.ron").display().to_string()], &[]);
    assert_eq!(cycle.status.code(), Some(1));
    assert!(
        stdout(&cycle).contains(
            "ended: Error at chama/chama: the flow `a.flow.ron` is already running: it calls itself (A -> B -> A)"
        ),
        "{}",
        stdout(&cycle)
    );
    let missing = fluxo(
        &[
            "run",
            &dir.join("c.flow.ron").display().to_string(),
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(missing.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&missing.stdout).expect("valid JSON");
    assert_eq!(json["end"]["cause"]["cause"], "sub_flow");
    assert_eq!(json["end"]["cause"]["problem"]["problem"], "library");
    assert_eq!(
        json["end"]["cause"]["problem"]["error"]["kind"],
        "not_found"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
