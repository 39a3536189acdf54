//! `fluxo test`, through the real binary: pass/fail lines, coverage, the last line, JSON, JUnit,
//! exit codes.
// Test helpers outside `#[test]` functions: failing there is failing the test.
#![allow(clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn path(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

fn fluxo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fluxo"))
        .args(args)
        .output()
        .expect("the fluxo binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn all_passing_exits_0_with_coverage_and_the_count_last() {
    let output = fluxo(&["test", &path("atendimento.flow.ron")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].ends_with("atendimento.flow.ron (Atendimento de teste)"));
    assert_eq!(lines[1], "  PASS  Financeiro com a gerente");
    assert!(
        text.contains("  coverage: 8 of 9 nodes reached, 8 of 11 branches covered\n"),
        "{text}"
    );
    assert!(
        text.contains("    nodes no scenario reached: invalido\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "menu.invalid -> invalido, menu.timeout -> invalido, gerente.user_closed -> fim"
        ),
        "{text}"
    );
    assert_eq!(lines.last(), Some(&"4 passed, 0 failed"));
}

#[test]
fn failures_say_expected_and_got_and_exit_1() {
    let output = fluxo(&[
        "test",
        &path("atendimento.flow.ron"),
        &path("falhas.flow.ron"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("  FAIL  Espera <errada> & \"aspas\" (ended DeadEnd at ouro: the port `else` has no edge)\n"), "{text}");
    assert!(
        text.contains("        vars.plano: expected \"ouro\", got \"prata\"\n"),
        "{text}"
    );
    assert!(
        text.contains("        end_node: expected \"vip\", got \"ouro\"\n"),
        "{text}"
    );
    assert_eq!(text.lines().last(), Some("6 passed, 1 failed"));
    assert!(!text.contains("segredo-do-cenario"));
    // A scenario may expect the run not to start at all.
    let output = fluxo(&["test", &path("sem_entrada.flow.ron")]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("  PASS  Não começa\n"));
}

#[test]
fn bad_input_exits_2_and_still_reports_the_rest() {
    let output = fluxo(&[
        "test",
        &path("quebrado.flow.ron"),
        &path("atendimento.flow.ron"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("quebrado.flow.ron:6:"));
    assert_eq!(stdout(&output).lines().last(), Some("4 passed, 0 failed"));
}

#[test]
fn an_unreadable_file_is_in_the_json_and_the_junit_not_a_clean_pass() {
    let dir = std::env::temp_dir().join(format!("fluxo-unreadable-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp folder");
    let junit = dir.join("r.xml");
    let output = fluxo(&[
        "test",
        &path("quebrado.flow.ron"),
        &path("atendimento.flow.ron"),
        "--format",
        "json",
        "--junit",
        &junit.display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["unreadable"], 1);
    assert_eq!(json["passed"], 4);
    let files = json["files"].as_array().expect("files");
    assert_eq!(files.len(), 2);
    assert!(
        files[0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("quebrado.flow.ron"))
    );
    assert!(
        files[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("quebrado.flow.ron:6:")),
        "{}",
        files[0]
    );
    assert_eq!(files[1]["flow"], "Atendimento de teste");
    let xml = std::fs::read_to_string(&junit).expect("the JUnit report");
    let document = roxmltree::Document::parse(&xml).expect("well-formed XML");
    assert_eq!(document.root_element().attribute("errors"), Some("1"));
    assert!(
        document.descendants().any(|node| node.has_tag_name("error")
            && node.attribute("message").is_some_and(|m| m.contains(":6:"))),
        "{xml}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_closed_stderr_is_not_a_crash() {
    use std::process::Stdio;
    // The flow has errors, so `check` has a summary to say on stderr; nobody reads it.
    let mut child = Command::new(env!("CARGO_BIN_EXE_fluxo"))
        .args(["check", &path("errors.flow.ron")])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the fluxo binary runs");
    drop(child.stderr.take());
    let status = child.wait().expect("fluxo ends");
    assert_eq!(status.code(), Some(1), "errors found, no panic (101)");
}

#[test]
fn json_is_one_document() {
    let output = fluxo(&[
        "test",
        &path("atendimento.flow.ron"),
        &path("falhas.flow.ron"),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["passed"], 6);
    assert_eq!(json["failed"], 1);
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["flow"], "Atendimento de teste");
    assert_eq!(files[0]["coverage"]["branches_covered"], 8);
    let failing = &files[1]["results"][1];
    assert_eq!(failing["passed"], false);
    assert_eq!(failing["failures"][0]["expectation"], "end_reason");
    assert_eq!(failing["failures"][0]["expected"], "End");
}

#[test]
fn junit_is_well_formed_xml() {
    let dir = std::env::temp_dir().join(format!("fluxo-junit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("resultado.xml");
    let output = fluxo(&[
        "test",
        &path("atendimento.flow.ron"),
        &path("falhas.flow.ron"),
        "--junit",
        &out.display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let xml = std::fs::read_to_string(&out).unwrap();
    let document = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("tests"), Some("7"));
    assert_eq!(root.attribute("failures"), Some("1"));
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 2);
    assert_eq!(suites[1].attribute("failures"), Some("1"));
    let cases: Vec<_> = suites[1]
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 3);
    assert_eq!(
        cases[1].attribute("name"),
        Some("Espera <errada> & \"aspas\"")
    );
    let failure = cases[1]
        .children()
        .find(|n| n.has_tag_name("failure"))
        .expect("a failure");
    assert_eq!(
        failure.attribute("message"),
        Some("end_reason: expected End, got DeadEnd at ouro: the port `else` has no edge")
    );
    assert!(
        failure
            .text()
            .unwrap()
            .contains("vars.plano: expected \"ouro\", got \"prata\"")
    );
    assert!(cases[0].children().all(|n| !n.has_tag_name("failure")));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn coverage_counts_the_called_flows_nodes_under_the_caller() {
    let tour = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_flows/tour.flow.ron")
        .display()
        .to_string();
    let output = fluxo(&["test", &tour, "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let coverage = &json["files"][0]["coverage"];
    assert_eq!(
        coverage["nodes_total"], 34,
        "28 of the tour, 6 of Coleta de CPF"
    );
    assert_eq!(coverage["nodes_covered"], 34);
    assert_eq!(coverage["branches_total"], coverage["branches_covered"]);
}
