//! The real `fluxo` binary: `check` (text and JSON, exit codes), `convert` and `gen`.

// The helpers below are test code too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fluxo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fluxo"))
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("cannot run fluxo: {err}"))
}

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

/// A fresh folder for one test's files.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fluxo-cli-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
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
fn a_clean_file_exits_0_and_prints_nothing() {
    let output = fluxo(&["check", &data("clean.flow.ron")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
}

#[test]
fn warnings_alone_exit_0() {
    let file = data("warnings.flow.ron");
    let output = fluxo(&["check", &file]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(&format!(
            "{file}: warning[dangling-port] pergunta.timeout: "
        )),
        "{out}"
    );
    assert!(
        lines[1].starts_with(&format!("{file}: warning[unreachable] esquecido: ")),
        "{out}"
    );
}

#[test]
fn errors_exit_1_with_one_exact_line_per_finding() {
    let file = data("errors.flow.ron");
    let output = fluxo(&["check", &file]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(
        lines[0],
        format!(
            "{file}: error[unknown-department] fila.queue: the team has no department `Vendas`: pick one of `Atendimento`, or add it to the team's departments"
        )
    );
    assert!(
        lines[1].starts_with(&format!(
            "{file}: warning[maybe-unset-variable] fim.message: `nome` may be empty here: on the path inicio -next-> pergunta -invalid-> fim, nothing sets it"
        )),
        "{out}"
    );
    assert!(
        stderr(&output).contains("1 error, 1 warning"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_missing_file_exits_2_and_says_so_on_stderr() {
    let missing = data("no_such.flow.ron");
    let output = fluxo(&["check", &missing]);
    assert_eq!(code(&output), 2);
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).starts_with(&format!("{missing}: cannot read the file")),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_malformed_file_exits_2_with_path_line_and_column() {
    let file = data("malformed.flow.ron");
    let output = fluxo(&["check", &file]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    let first = err.lines().next().unwrap_or_default();
    let rest = first
        .strip_prefix(&format!("{file}:4:"))
        .unwrap_or_else(|| panic!("not PATH:4:COLUMN: {first}"));
    let (column, message) = rest.split_once(": ").unwrap_or_default();
    assert!(column.parse::<u32>().is_ok(), "{first}");
    assert!(!message.is_empty(), "{first}");
}

#[test]
fn a_file_that_is_not_a_flow_exits_2() {
    let dir = temp_dir("not-a-flow");
    let path = dir.join("notas.txt");
    std::fs::write(&path, "hello").unwrap();
    let output = fluxo(&["check", &path.display().to_string()]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains(".ron or .json"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn several_files_are_all_checked_and_the_worst_exit_wins() {
    let (clean, errors, missing) = (
        data("clean.flow.ron"),
        data("errors.flow.ron"),
        data("nenhum.flow.ron"),
    );
    let output = fluxo(&["check", &clean, &errors]);
    assert_eq!(code(&output), 1);
    let out = stdout(&output);
    assert!(
        out.lines()
            .all(|line| line.starts_with(&format!("{errors}: "))),
        "{out}"
    );
    assert_eq!(out.lines().count(), 2);

    let output = fluxo(&["check", &missing, &errors, &clean]);
    assert_eq!(code(&output), 2, "an unreadable file wins over errors");
    assert_eq!(
        stdout(&output).lines().count(),
        2,
        "the other files are still checked"
    );
    assert!(stderr(&output).contains(&missing));
}

#[test]
fn no_file_is_a_usage_error() {
    let output = fluxo(&["check"]);
    assert_eq!(code(&output), 2);
    let output = fluxo(&["check", "--format", "xml", &data("clean.flow.ron")]);
    assert_eq!(code(&output), 2);
}

#[test]
fn json_output_is_one_document() {
    let (errors, warnings, missing) = (
        data("errors.flow.ron"),
        data("warnings.flow.ron"),
        data("nenhum.flow.ron"),
    );
    let output = fluxo(&["check", &errors, &warnings, "--format", "json"]);
    assert_eq!(code(&output), 1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["errors"], 1);
    assert_eq!(json["warnings"], 3);
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["file"], errors.as_str());
    assert_eq!(files[0]["error"], serde_json::Value::Null);
    let first = &files[0]["findings"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "unknown-department");
    assert_eq!(first["node"], "fila");
    assert_eq!(first["field"], "queue");
    assert!(first["message"].as_str().unwrap().contains("`Vendas`"));
    assert_eq!(files[1]["findings"].as_array().unwrap().len(), 2);
    assert_eq!(files[1]["findings"][1]["field"], serde_json::Value::Null);

    // The JSON says the same as the text.
    let text = stdout(&fluxo(&["check", &errors, &warnings]));
    let from_json: Vec<String> = files
        .iter()
        .flat_map(|file| {
            let name = file["file"].as_str().unwrap().to_owned();
            file["findings"].as_array().unwrap().iter().map(move |f| {
                let place = match (f["node"].as_str(), f["field"].as_str()) {
                    (Some(node), Some(field)) => format!("{node}.{field}"),
                    (Some(node), None) => node.to_owned(),
                    (None, Some(field)) => field.to_owned(),
                    (None, None) => "flow".to_owned(),
                };
                format!(
                    "{name}: {}[{}] {place}: {}",
                    f["severity"].as_str().unwrap(),
                    f["code"].as_str().unwrap(),
                    f["message"].as_str().unwrap()
                )
            })
        })
        .collect();
    assert_eq!(text.lines().collect::<Vec<_>>(), from_json);

    let output = fluxo(&["check", "--format", "json", &missing]);
    assert_eq!(code(&output), 2);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(
        json["files"][0]["error"]
            .as_str()
            .unwrap()
            .contains("cannot read")
    );
    assert_eq!(json["files"][0]["findings"], serde_json::json!([]));
}

#[test]
fn unknown_fields_are_warnings() {
    let dir = temp_dir("unknown-field");
    let path = dir.join("typo.flow.ron");
    let text = std::fs::read_to_string(data("clean.flow.ron"))
        .unwrap()
        .replace("timeout_ms: 5000", "timout_ms: 5000");
    std::fs::write(&path, text).unwrap();
    let file = path.display().to_string();
    let output = fluxo(&["check", &file]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with(&format!(
            "{file}: warning[unknown-field] consulta.timout_ms: "
        )),
        "{out}"
    );
}

#[test]
fn scenario_findings_print_their_path() {
    let dir = temp_dir("scenario");
    let path = dir.join("cenario.flow.ron");
    let text = std::fs::read_to_string(data("clean.flow.ron"))
        .unwrap()
        .replace("end_node: \"fim\"", "end_node: \"fimm\"");
    std::fs::write(&path, text).unwrap();
    let file = path.display().to_string();
    let output = fluxo(&["check", &file]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).starts_with(&format!(
            "{file}: error[bad-scenario] scenarios[0].expect.end_node: the flow has no node `fimm`"
        )),
        "{}",
        stdout(&output)
    );
}

#[test]
fn convert_round_trips_ron_json_ron() {
    let dir = temp_dir("convert");
    let json = dir.join("carteirizacao.flow.json");
    let ron = dir.join("de_volta.flow.ron");
    let original = data("clean.flow.ron");
    let output = fluxo(&["convert", &original, &json.display().to_string()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = std::fs::read_to_string(&json).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], 1);
    assert_eq!(
        value["nodes"][0]["kind"]["Entry"]["channels"][0],
        "WhatsApp"
    );
    let output = fluxo(&[
        "convert",
        &json.display().to_string(),
        &ron.display().to_string(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let before = fluxo_core::file::load(Path::new(&original)).unwrap().flow;
    let after = fluxo_core::file::load(&ron).unwrap().flow;
    assert_eq!(before, after);
    // And the result checks as clean as the original.
    assert_eq!(code(&fluxo(&["check", &ron.display().to_string()])), 0);
}

#[test]
fn convert_refuses_a_bad_output_name_and_a_missing_input() {
    let dir = temp_dir("convert-bad");
    let out = dir.join("fluxo.txt");
    let output = fluxo(&[
        "convert",
        &data("clean.flow.ron"),
        &out.display().to_string(),
    ]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains(".ron or .json"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists(), "nothing is written");
    let output = fluxo(&[
        "convert",
        &data("nenhum.flow.ron"),
        &dir.join("x.flow.json").display().to_string(),
    ]);
    assert_eq!(code(&output), 2);
    let output = fluxo(&[
        "convert",
        &data("malformed.flow.ron"),
        &dir.join("x.flow.json").display().to_string(),
    ]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("malformed.flow.ron:4:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn generated_flows_load_and_check_clean() {
    let dir = temp_dir("gen");
    for (to, name) in [("ron", "gerado.flow.ron"), ("json", "gerado.flow.json")] {
        let output = fluxo(&["gen", "--nodes", "300", "--seed", "4", "--to", to]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let path = dir.join(name);
        std::fs::write(&path, &output.stdout).unwrap();
        let loaded = fluxo_core::file::load(&path).unwrap();
        assert_eq!(loaded.flow.nodes.len(), 300);
        assert!(loaded.unknown_fields.is_empty());
        let output = fluxo(&["check", &path.display().to_string()]);
        assert_eq!(code(&output), 0, "{}", stdout(&output));
        assert_eq!(stdout(&output), "", "no warnings either");
    }
    let same = fluxo(&["gen", "--nodes", "50", "--seed", "9"]);
    assert_eq!(
        same.stdout,
        fluxo(&["gen", "--nodes", "50", "--seed", "9"]).stdout
    );
    assert_eq!(code(&fluxo(&["gen", "--to", "xml"])), 2);
}
