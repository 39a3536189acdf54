//! `fluxo import typebot` and `fluxo export altu`, through the real binary: the written flow,
//! the report in text and JSON and in both languages, the notes, the refusals, and the ALTU
//! action of the ALTU sample's handoff read back through the core's template parser.
// Test helpers outside `#[test]` functions: failing there is failing the test.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use fluxo_core::flow::NodeKind;
use fluxo_core::template::names_in;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("core/tests/fixtures/typebot")
        .join(name)
}

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_flows")
        .join(name)
}

fn fluxo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fluxo"))
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the fluxo binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh folder for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fluxo-cli-interop-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn text(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn import_writes_a_flow_that_loads_checks_and_runs_and_reports_what_was_left_out() {
    let dir = scratch("text");
    let out = dir.join("pizzaria.flow.ron");
    let output = fluxo(&[
        "import",
        "typebot",
        &text(&fixture("pizzaria.json")),
        &text(&out),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = stdout(&output);
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "Typebot “Pizzaria Napoli” (version 6.1) imported into {}: 26 nodes, 35 edges.",
            out.display()
        )
    );
    assert_eq!(
        lines[1],
        "Blocks: 24 in all; 13 as they were, 3 in part, 2 as pass-through nodes, 1 as edges, 5 as the text of a question."
    );
    assert_eq!(lines[2], "Not carried over:");
    assert!(
        report.contains("  pedido_7 [Pedido] Email: Typebot block “Email” (Novo pedido de {{Nome completo}}): fluxo cannot run it; this node only passes the run on."),
        "{report}"
    );
    assert!(
        report.contains("  status_4 [Status] openai: Typebot block “openai” (Create chat completion, gpt-4o): fluxo cannot run it; this node only passes the run on."),
        "{report}"
    );
    assert!(report.contains("  pedido_4 [Pedido] Set variable: Typebot computed total with JavaScript ({{quantidade}} * 45); fluxo sets that text as it is."), "{report}");
    assert!(
        report.contains("  valores_iniciais: token, telefone: no node of this flow sets them"),
        "{report}"
    );
    assert!(
        report.contains("Variables: “Nome completo” → nome_completo, “Opção” → opcao,"),
        "{report}"
    );
    assert!(
        report.contains("First scenario “First path”: 4 replies, ends End at fim_2."),
        "{report}"
    );
    assert!(
        report.contains("Tidy up recommended: 19 pairs of nodes overlap"),
        "{report}"
    );

    // The flow: notes on the nodes that stand for what was left out.
    let flow = fluxo_core::file::load(&out).expect("the flow loads").flow;
    let email = flow.node("pedido_7").expect("the Email block's node");
    assert!(matches!(&email.kind, NodeKind::SetVariable { set } if set.is_empty()));
    assert_eq!(
        email.note,
        "Typebot block “Email” (Novo pedido de {{Nome completo}}): fluxo cannot run it; this node only passes the run on."
    );
    let ask = flow.node("menu_1").expect("the menu");
    assert_eq!(ask.note, "", "an imported block has no note");
    assert_eq!(flow.scenarios[0].name, "First path");

    let check = fluxo(&["check", &text(&out)]);
    assert_eq!(
        check.status.code(),
        Some(1),
        "the Email placeholder sets nothing: an error"
    );
    assert!(
        stdout(&check).contains("error[empty-field] pedido_7.set"),
        "{}",
        stdout(&check)
    );
    let run = fluxo(&["run", &text(&out)]);
    assert_eq!(run.status.code(), Some(0), "{}", stdout(&run));
    assert!(stdout(&run).contains("bot: Obrigado! Seu pedido está a caminho."));
    let test = fluxo(&["test", &text(&out)]);
    assert_eq!(test.status.code(), Some(0), "{}", stdout(&test));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_speaks_portuguese_and_names_the_scenario_in_it() {
    let dir = scratch("pt");
    let out = dir.join("pizzaria.flow.json");
    let output = fluxo(&[
        "import",
        "typebot",
        &text(&fixture("pizzaria.json")),
        &text(&out),
        "--lang",
        "pt-BR",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(
        report.contains("Typebot “Pizzaria Napoli” (versão 6.1) importado em"),
        "{report}"
    );
    assert!(report.contains("O que não veio:"), "{report}");
    assert!(
        report.contains("atendente_2 [Atendente] Chatwoot: Chatwoot “Show widget”: o atendimento abre para qualquer atendente, sem departamento nem agente"),
        "{report}"
    );
    assert!(
        report.contains("Primeiro cenário “Primeiro caminho”: 4 respostas"),
        "{report}"
    );
    let flow = fluxo_core::file::load(&out)
        .expect("JSON by extension")
        .flow;
    assert_eq!(flow.scenarios[0].name, "Primeiro caminho");
    assert!(
        flow.node("status_4")
            .expect("openai")
            .note
            .starts_with("Bloco “openai” do Typebot")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_report_as_json() {
    let dir = scratch("json");
    let out = dir.join("pizzaria.flow.ron");
    let output = fluxo(&[
        "import",
        "typebot",
        &text(&fixture("pizzaria.json")),
        &text(&out),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&output)).expect("one JSON document");
    assert_eq!(json["typebot"]["name"], "Pizzaria Napoli");
    assert_eq!(json["typebot"]["version"], "6.1");
    assert_eq!(json["nodes"], 26);
    assert_eq!(json["counts"]["total"], 24);
    assert_eq!(json["counts"]["placeholder"], 2);
    assert_eq!(json["tidy_up_recommended"], true);
    assert_eq!(json["scenario"]["end_reason"], "End");
    let blocks = json["blocks"].as_array().expect("blocks");
    assert_eq!(blocks.len(), 24);
    assert_eq!(blocks[0]["block_type"], "text");
    assert_eq!(blocks[0]["status"], "merged");
    assert_eq!(blocks[0]["node"], "boas_vindas_1");
    assert_eq!(blocks[0]["kind"], "Ask");
    let items = json["items"].as_array().expect("items");
    let email = items
        .iter()
        .find(|item| item["block_type"] == "Email")
        .expect("the Email block is reported");
    assert_eq!(email["code"], "placeholder");
    assert_eq!(email["args"]["detail"], "Novo pedido de {{Nome completo}}");
    assert_eq!(email["group"], "Pedido");
    assert_eq!(email["node"], "pedido_7");
    assert_eq!(email["block_id"], "b-email");
    assert!(
        email["message"]
            .as_str()
            .expect("worded")
            .contains("fluxo cannot run it")
    );
    assert_eq!(json["variables"][0]["typebot"], "Nome completo");
    assert_eq!(json["variables"][0]["fluxo"], "nome_completo");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_refuses_what_is_not_a_typebot_export_and_writes_nothing() {
    let dir = scratch("refuse");
    let out = dir.join("out.flow.ron");
    let broken = fluxo(&[
        "import",
        "typebot",
        &text(&fixture("broken.json")),
        &text(&out),
    ]);
    assert_eq!(broken.status.code(), Some(2));
    assert_eq!(
        stderr(&broken),
        format!(
            "fluxo import: {}:4:28: not JSON: {}\n",
            fixture("broken.json").display(),
            "expected a value here"
        )
    );
    let flow = fluxo(&[
        "import",
        "typebot",
        &text(&fixture("not-typebot.json")),
        &text(&out),
    ]);
    assert_eq!(flow.status.code(), Some(2));
    assert!(
        stderr(&flow).contains("not a Typebot export: it has no `groups` list"),
        "{}",
        stderr(&flow)
    );
    let pt = fluxo(&[
        "import",
        "typebot",
        &text(&fixture("not-typebot.json")),
        &text(&out),
        "--lang",
        "pt-BR",
    ]);
    assert!(
        stderr(&pt).contains("não é uma exportação do Typebot: falta a lista `groups`"),
        "{}",
        stderr(&pt)
    );
    let missing = fluxo(&[
        "import",
        "typebot",
        &text(&dir.join("none.json")),
        &text(&out),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("cannot read the file: no such file"),
        "{}",
        stderr(&missing)
    );
    let folder = fluxo(&["import", "typebot", &text(&dir), &text(&out)]);
    assert_eq!(folder.status.code(), Some(2));
    assert_eq!(
        stderr(&folder),
        format!(
            "fluxo import: {}: this is a folder, not a Typebot export\n",
            dir.display()
        )
    );
    let bad_name = fluxo(&[
        "import",
        "typebot",
        &text(&fixture("pizzaria.json")),
        &text(&dir.join("out.txt")),
    ]);
    assert_eq!(bad_name.status.code(), Some(2));
    assert!(
        stderr(&bad_name).contains("must end in .ron or .json"),
        "{}",
        stderr(&bad_name)
    );
    let unknown = fluxo(&[
        "import",
        "landbot",
        &text(&fixture("pizzaria.json")),
        &text(&out),
    ]);
    assert_eq!(
        unknown.status.code(),
        Some(2),
        "a source fluxo does not know"
    );
    assert!(!out.exists(), "nothing was written");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_never_overwrites_its_input() {
    let dir = scratch("same");
    let input = dir.join("bot.json");
    std::fs::copy(fixture("pizzaria.json"), &input).expect("a copy");
    let before = std::fs::read(&input).expect("readable");
    let link = dir.join("link.json");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, &link).expect("a link");
    for out in [input.clone(), dir.join(".").join("bot.json"), link] {
        if !out.exists() {
            continue;
        }
        let output = fluxo(&["import", "typebot", &text(&input), &text(&out)]);
        assert_eq!(output.status.code(), Some(2), "{}", out.display());
        assert!(
            stderr(&output).contains("would overwrite the Typebot export"),
            "{}",
            stderr(&output)
        );
    }
    assert_eq!(std::fs::read(&input).expect("readable"), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_altu_prints_the_seed_action_and_its_templates_read_back() {
    let flow_path = sample("transbordo_altu.flow.ron");
    let output = fluxo(&["export", "altu", &text(&flow_path), "--node", "transbordo"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let printed = stdout(&output);
    let json: serde_json::Value = serde_json::from_str(&printed).expect("JSON on stdout");
    // Seed 002's shape: one action; name, parameters (skillId, extra_info, contact_info,
    // integration_id) and result_variable beside parameters, in that order.
    let order: Vec<usize> = [
        "\"name\"",
        "\"parameters\"",
        "\"skillId\"",
        "\"extra_info\"",
        "\"contact_info\"",
        "\"integration_id\"",
        "\"result_variable\"",
    ]
    .iter()
    .map(|key| printed.find(key).expect("every key of the seed"))
    .collect();
    assert!(order.is_sorted(), "{printed}");
    let actions = json.as_array().expect("an array of actions");
    assert_eq!(actions.len(), 1);
    let action = actions[0].as_object().expect("an action");
    let mut keys: Vec<&String> = action.keys().collect();
    keys.sort();
    assert_eq!(keys, ["name", "parameters", "result_variable"]);
    assert_eq!(action["name"], "start_live_chat");
    assert_eq!(action["result_variable"], "transfer_response");
    let parameters = action["parameters"].as_object().expect("parameters");
    let mut keys: Vec<&String> = parameters.keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["contact_info", "extra_info", "integration_id", "skillId"]
    );
    assert_eq!(parameters["skillId"], "adf003438nsfmvof9d0s0emds");
    assert_eq!(parameters["integration_id"], 2);
    assert_eq!(parameters["extra_info"]["matricula"], "<? $matricula ?>");
    // The templates read back through the core's parser give the node's names.
    let flow = fluxo_core::file::load(&flow_path)
        .expect("the sample loads")
        .flow;
    let Some(NodeKind::LiveChat {
        extra_info,
        contact_info,
        ..
    }) = flow.node("transbordo").map(|node| &node.kind)
    else {
        panic!("the sample's handoff is a LiveChat");
    };
    for (field, map) in [("extra_info", extra_info), ("contact_info", contact_info)] {
        for (key, template) in map {
            let exported = parameters[field][key].as_str().expect("a text");
            assert!(exported.contains("<? $"), "{exported}");
            assert_eq!(names_in(exported), names_in(template), "{field}.{key}");
        }
    }
    let said = stderr(&output);
    assert!(
        said.contains("Not in the action (set it in the ALTU Builder):"),
        "{said}"
    );
    assert!(said.contains("wait_timeout_s: “Tempo de espera”"), "{said}");
    assert!(
        said.contains("closing_message: goes in the node's before_action_messages"),
        "{said}"
    );
}

#[test]
fn export_altu_writes_fluxo_templates_in_altu_form() {
    let dir = scratch("export");
    let out = dir.join("pizzaria.flow.ron");
    let import = fluxo(&[
        "import",
        "typebot",
        &text(&fixture("pizzaria.json")),
        &text(&out),
    ]);
    assert_eq!(import.status.code(), Some(0), "{}", stderr(&import));
    let output = fluxo(&["export", "altu", &text(&out), "--node", "atendente_2"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(
        json[0]["parameters"]["contact_info"],
        serde_json::json!({"name": "<? $nome_completo ?>", "phone": "<? $telefone ?>"})
    );
    assert_eq!(json[0]["result_variable"], "");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_altu_refuses_a_missing_node_or_another_kind() {
    let flow_path = sample("transbordo_altu.flow.ron");
    let missing = fluxo(&["export", "altu", &text(&flow_path), "--node", "nada"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stdout(&missing).is_empty());
    assert_eq!(
        stderr(&missing),
        format!(
            "fluxo export: {}: the flow has no node `nada`\n",
            flow_path.display()
        )
    );
    let other = fluxo(&[
        "export",
        "altu",
        &text(&flow_path),
        "--node",
        "inicio",
        "--lang",
        "pt-BR",
    ]);
    assert_eq!(other.status.code(), Some(2));
    assert_eq!(
        stderr(&other),
        format!(
            "fluxo export: {}: o nó `inicio` é do tipo Entry, não um LiveChat (transbordo)\n",
            flow_path.display()
        )
    );
    let unreadable = fluxo(&["export", "altu", "nao-existe.flow.ron", "--node", "x"]);
    assert_eq!(unreadable.status.code(), Some(2));
    let no_node = fluxo(&["export", "altu", &text(&flow_path)]);
    assert_eq!(no_node.status.code(), Some(2), "--node is required");
}

#[test]
fn a_linked_bot_imported_beside_the_flow_is_called_and_walked_into() {
    let dir = scratch("link");
    let main = dir.join("main.flow.ron");
    let called = dir.join("coleta-cpf.flow.ron");
    let first = fluxo(&[
        "import",
        "typebot",
        &text(&fixture("link-main.json")),
        &text(&main),
    ]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let report = stdout(&first);
    assert!(
        report.contains("inicio_2 [Início] Typebot link: Link to the Typebot bot coleta-cpf: calls the flow in coleta-cpf.flow.ron of this folder"),
        "{report}"
    );
    assert!(report.contains("ends Error at inicio_2"), "{report}");
    // Not there yet: the run ends at the call, and the scenario expects nothing of the end.
    let run = fluxo(&["run", &text(&main)]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(fluxo(&["test", &text(&main)]).status.code(), Some(0));

    let second = fluxo(&[
        "import",
        "typebot",
        &text(&fixture("link-called.json")),
        &text(&called),
    ]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let run = fluxo(&["run", &text(&main), "--reply", "123.456.789-09"]);
    assert_eq!(run.status.code(), Some(0), "{}", stdout(&run));
    assert!(
        stdout(&run).contains("bot: Obrigado, CPF 123.456.789-09 anotado."),
        "{}",
        stdout(&run)
    );

    // Imported again now that the called bot is there, the first scenario walks into it.
    let again = fluxo(&[
        "import",
        "typebot",
        &text(&fixture("link-main.json")),
        &text(&main),
    ]);
    assert!(
        stdout(&again).contains("First scenario “First path”: 1 reply, ends End at fim."),
        "{}",
        stdout(&again)
    );
    assert_eq!(fluxo(&["test", &text(&main)]).status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}
