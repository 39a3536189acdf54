//! Live requests (SPEC.md section 11), through the real binary and a server on 127.0.0.1 started
//! by each test: `--live` sends what no mock answers and says so in the text, the JSON and the
//! JUnit report; without `--live` nothing leaves; answers, errors, time-outs, redirects, cut
//! answers, refused connections, unresolvable names, TLS and proxies; secrets masked everywhere.
//! "Send for real" and "Keep as mock" through the library the window uses. No test reaches
//! outside the machine: `.invalid` names are never asked to the DNS, and proxies are local.
// Test helpers outside `#[test]` functions: failing there is failing the test.
#![allow(clippy::expect_used)]

mod server;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fluxo_core::sim::{Options, Run, TransportError, keep_as_mock, keep_as_mock_command};
use serde_json::Value;
use server::Server;

const SECRET: &str = "s3cr3t-live-token";
const MASK: &str = "••••";

/// A folder of its own for each test, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "fluxo-live-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        TempDir(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// inicio -> consulta (GET `url`, Authorization from a secret, save `status_gerente`) -> ok |
/// erro, with `team.api_base` at `api_base` and `scenarios` (RON list body).
fn flow_text(url: &str, timeout_ms: u64, api_base: &str, scenarios: &str) -> String {
    format!(
        r#"(
    format: 1,
    name: "Carteirização ao vivo",
    nodes: [
        (id: "inicio", kind: Entry()),
        (id: "consulta", kind: Request(method: Get, url: "{url}", headers: {{"Authorization": "Bearer {{{{secret.api_token}}}}"}}, timeout_ms: {timeout_ms}, save: {{"status_gerente": "data.status"}})),
        (id: "ok", kind: End(message: "Gerente {{{{status_gerente}}}}")),
        (id: "erro", kind: End(message: "Erro {{{{http.status}}}}")),
    ],
    edges: [
        (from: "inicio", port: "next", to: "consulta"),
        (from: "consulta", port: "ok", to: "ok"),
        (from: "consulta", port: "error", to: "erro"),
    ],
    team: (api_base: "{api_base}"),
    scenarios: [{scenarios}],
)"#
    )
}

const ONE_SCENARIO: &str = r#"(name: "Gerente", expect: (end_node: "ok"))"#;

/// Writes a flow that calls `url` into `dir`; returns its path.
fn write_flow(dir: &TempDir, url: &str, timeout_ms: u64) -> PathBuf {
    let path = dir.path("live.flow.ron");
    std::fs::write(
        &path,
        flow_text(url, timeout_ms, "https://api.huggy.test/v3", ONE_SCENARIO),
    )
    .expect("the flow is written");
    path
}

/// The real binary, with the secret in the environment and no proxy from the machine.
fn fluxo(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fluxo"));
    command.args(args).env("FLUXO_SECRET_API_TOKEN", SECRET);
    for name in [
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
    ] {
        command.env_remove(name);
    }
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

fn run_text(flow: &Path, live: bool) -> (Output, String) {
    let flow = flow.display().to_string();
    let mut args = vec!["run", flow.as_str(), "--lang", "en"];
    if live {
        args.push("--live");
    }
    let output = fluxo(&args, &[]);
    let text = stdout(&output);
    (output, text)
}

fn run_json(flow: &Path) -> Value {
    let flow = flow.display().to_string();
    let output = fluxo(&["run", &flow, "--live", "--format", "json"], &[]);
    assert!(!stdout(&output).contains(SECRET), "{}", stdout(&output));
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

/// Every event of a run's JSON, flattened.
fn events(json: &Value) -> Vec<Value> {
    json["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .flat_map(|step| step["events"].as_array().cloned().unwrap_or_default())
        .collect()
}

fn event(json: &Value, name: &str) -> Option<Value> {
    events(json)
        .into_iter()
        .find(|event| event["event"] == name)
}

#[test]
fn a_200_with_json_is_saved_and_marked_live_with_the_secret_masked() {
    let server = Server::start();
    let dir = TempDir::new();
    let flow = write_flow(&dir, &format!("{}/agents/ana", server.base()), 5000);
    let (output, text) = run_text(&flow, true);
    assert_eq!(output.status.code(), Some(0), "{text}{}", stderr(&output));
    let seen = server.seen();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].method, "GET");
    assert_eq!(seen[0].path, "/agents/ana");
    assert_eq!(seen[0].body, "", "a GET without a body sends none");
    assert_eq!(
        seen[0].header("authorization"),
        Some(format!("Bearer {SECRET}").as_str()),
        "the server gets the secret's real value"
    );
    assert!(
        text.starts_with("LIVE: requests that no scenario mock answers were sent to the network"),
        "{text}"
    );
    assert!(
        text.contains(&format!("  Authorization: Bearer {MASK}")),
        "{text}"
    );
    assert!(
        text.contains("  answer: 200 from the live API after "),
        "{text}"
    );
    assert!(text.contains("  set status_gerente = \"online\""), "{text}");
    assert!(text.contains("bot (end): Gerente online"), "{text}");
    assert!(text.contains("ended: End at ok"), "{text}");
    assert!(
        text.contains("\n1 live call:\n  step 2 consulta: GET http://127.0.0.1:"),
        "{text}"
    );
    assert!(text.contains("/agents/ana -> 200 after "), "{text}");
    assert!(
        !text.contains(SECRET),
        "the echoed secret is masked: {text}"
    );
    assert!(
        text.contains(&format!("\\\"echo\\\": \\\"Bearer {MASK}\\\""))
            || text.contains(&format!("\"echo\": \"Bearer {MASK}\"")),
        "{text}"
    );

    let json = run_json(&flow);
    assert_eq!(json["live"], true);
    assert_eq!(json["live_calls"], 1);
    let answer = event(&json, "answer_received").expect("an answer");
    assert_eq!(answer["source"]["by"], "live");
    assert_eq!(answer["status"], 200);
    assert_eq!(json["variables"]["status_gerente"], "online");
    assert_eq!(json["end"]["node"], "ok");
}

#[test]
fn without_live_the_server_gets_nothing_and_the_platform_mock_answers() {
    let server = Server::start();
    let dir = TempDir::new();
    // The url is under team.api_base: offline, the built-in platform mock answers it.
    let api_base = server.base();
    let path = dir.path("offline.flow.ron");
    std::fs::write(
        &path,
        flow_text(
            &format!("{api_base}/agents/ana"),
            5000,
            &api_base,
            ONE_SCENARIO,
        ),
    )
    .expect("written");
    let (output, text) = run_text(&path, false);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!text.contains("LIVE"), "{text}");
    assert!(text.contains("answer: 404 from platform API"), "{text}");
    let flow = path.display().to_string();
    let json: Value =
        serde_json::from_slice(&fluxo(&["run", &flow, "--format", "json"], &[]).stdout)
            .expect("JSON");
    assert_eq!(json["live"], false);
    assert_eq!(json["live_calls"], 0);
    let junit = dir.path("offline.xml");
    let output = fluxo(
        &["test", &flow, "--junit", &junit.display().to_string()],
        &[],
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "the platform mock says 404: erro"
    );
    let report = std::fs::read_to_string(&junit).expect("the JUnit report");
    assert!(!report.contains("name=\"live\""), "{report}");
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(server.connections(), 0, "nothing left the machine");

    // With --live the platform mock is off and the server answers.
    let (output, text) = run_text(&path, true);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(text.contains("answer: 200 from the live API"), "{text}");
    assert_eq!(server.seen().len(), 1);
}

#[test]
fn a_post_sends_its_json_body_as_json() {
    let server = Server::start();
    let dir = TempDir::new();
    let text = flow_text(
        &format!("{}/chats/{{{{chat.id}}}}/transfer", server.base()),
        5000,
        "https://api.huggy.test/v3",
        r#"(name: "Gerente", contact: (name: "ana"))"#,
    )
    .replace("method: Get", "method: Post")
    .replace(
        "timeout_ms: 5000",
        r#"body: "{\"agentId\": \"{{contact.name}}\"}", timeout_ms: 5000"#,
    );
    let path = dir.path("post.flow.ron");
    std::fs::write(&path, text).expect("written");
    let (output, text) = run_text(&path, true);
    assert_eq!(output.status.code(), Some(0), "{text}{}", stderr(&output));
    let seen = server.seen();
    assert_eq!(seen.len(), 1, "{text}");
    assert_eq!(seen[0].method, "POST");
    assert!(seen[0].path.starts_with("/chats/") && seen[0].path.ends_with("/transfer"));
    assert_eq!(seen[0].body, r#"{"agentId": "ana"}"#);
    assert_eq!(seen[0].header("content-type"), Some("application/json"));
    assert!(text.contains("/transfer -> 404 after "), "{text}");
}

#[test]
fn error_statuses_leave_by_error_with_their_body() {
    let server = Server::start();
    let dir = TempDir::new();
    for (path, status, body) in [
        ("/missing", 404, r#"{"error": "agent not found"}"#),
        ("/boom", 500, r#"{"error": "internal"}"#),
    ] {
        let flow = write_flow(&dir, &format!("{}{path}", server.base()), 5000);
        let (output, text) = run_text(&flow, true);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(
            text.contains(&format!("bot (end): Erro {status}")),
            "{text}"
        );
        assert!(text.contains("ended: End at erro"), "{text}");
        assert!(
            text.contains(&format!("{path} -> {status} after "))
                && text.contains(&format!(
                    "ms: the API refused the request; its answer: {body}"
                )),
            "{text}"
        );
        let json = run_json(&flow);
        assert_eq!(json["variables"]["http.status"], status.to_string());
        assert_eq!(json["variables"]["http.body"], body);
    }
}

#[test]
fn a_time_out_is_said_and_leaves_by_error() {
    let server = Server::start();
    let dir = TempDir::new();
    let flow = write_flow(&dir, &format!("{}/slow", server.base()), 300);
    let (output, text) = run_text(&flow, true);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(text.contains("ended: End at erro"), "{text}");
    assert!(
        text.contains("/slow -> no answer within 300 ms (the node's timeout_ms; 0 means 30 s)"),
        "{text}"
    );
    let json = run_json(&flow);
    let failed = event(&json, "live_failed").expect("a failure");
    assert_eq!(
        failed["error"],
        serde_json::json!({"kind": "timed_out", "after_ms": 300})
    );
    let answer = event(&json, "answer_received").expect("an answer event");
    assert_eq!(answer["timed_out"], true);
}

#[test]
fn five_redirects_are_followed_and_a_sixth_is_refused() {
    let server = Server::start();
    let dir = TempDir::new();
    let flow = write_flow(&dir, &format!("{}/hop/5", server.base()), 5000);
    let (output, text) = run_text(&flow, true);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(text.contains("ended: End at ok"), "{text}");
    assert_eq!(server.seen().len(), 6, "/hop/5 .. /hop/0");

    let flow = write_flow(&dir, &format!("{}/hop/6", server.base()), 5000);
    let (_, text) = run_text(&flow, true);
    assert!(text.contains("ended: End at erro"), "{text}");
    assert!(
        text.contains("/hop/6 -> more than 5 redirects: the url probably loops between addresses"),
        "{text}"
    );
}

#[test]
fn a_6_mib_answer_is_cut_at_5_mib_and_said_so() {
    let server = Server::start();
    let dir = TempDir::new();
    let flow = write_flow(&dir, &format!("{}/big", server.base()), 10_000);
    let (output, text) = run_text(&flow, true);
    assert!(output.status.code().is_some(), "{}", stderr(&output));
    assert!(
        text.contains("the answer was longer than 5 MiB: only its first 5 MiB were kept"),
        "{}",
        &text[..text.len().min(2000)]
    );
    let json = run_json(&flow);
    let cut = event(&json, "answer_cut").expect("the cut is in the events");
    assert_eq!(cut["limit_bytes"], 5 * 1024 * 1024);
    let answer = event(&json, "answer_received").expect("an answer");
    assert_eq!(
        answer["body"].as_str().map(str::len),
        Some(5 * 1024 * 1024),
        "the body kept is exactly 5 MiB"
    );
}

#[test]
fn a_refused_connection_names_the_address() {
    // A port that was just free: nothing listens there.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        listener.local_addr().expect("address").port()
    };
    let dir = TempDir::new();
    let flow = write_flow(&dir, &format!("http://127.0.0.1:{port}/agents/ana"), 5000);
    let (output, text) = run_text(&flow, true);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(text.contains("ended: End at erro"), "{text}");
    assert!(
        text.contains(&format!(
            "127.0.0.1:{port} refused the connection: is the server running, and is the port right?"
        )),
        "{text}"
    );
    let json = run_json(&flow);
    assert_eq!(
        event(&json, "live_failed").expect("a failure")["error"],
        serde_json::json!({"kind": "connection_refused", "address": format!("127.0.0.1:{port}")})
    );
}

#[test]
fn a_name_that_does_not_resolve_is_said_in_both_languages() {
    let dir = TempDir::new();
    // `.invalid` never resolves (RFC 6761) and is never asked to the DNS.
    let flow = write_flow(&dir, "https://api.fluxo-test.invalid/agents/ana", 5000);
    let (_, text) = run_text(&flow, true);
    assert!(
        text.contains("the name api.fluxo-test.invalid does not resolve: check the url's host"),
        "{text}"
    );
    let flow_arg = flow.display().to_string();
    let output = fluxo(&["run", &flow_arg, "--live", "--lang", "pt-BR"], &[]);
    let text = stdout(&output);
    assert!(text.starts_with("AO VIVO: "), "{text}");
    assert!(text.contains("1 chamada real:"), "{text}");
    assert!(
        text.contains("o nome api.fluxo-test.invalid não foi encontrado"),
        "{text}"
    );
}

#[test]
fn a_self_signed_certificate_is_refused_and_named() {
    let port = server::start_tls();
    let dir = TempDir::new();
    let flow = write_flow(&dir, &format!("https://127.0.0.1:{port}/agents/ana"), 5000);
    let (_, text) = run_text(&flow, true);
    assert!(text.contains("ended: End at erro"), "{text}");
    assert!(
        text.contains(
            "the certificate of 127.0.0.1 is not signed by an authority fluxo trusts (self-signed, or from a private authority?)"
        ),
        "{text}"
    );
    let json = run_json(&flow);
    let error = &event(&json, "live_failed").expect("a failure")["error"];
    assert_eq!(error["kind"], "tls");
    assert_eq!(error["reason"], "unknown_issuer");
}

#[test]
fn https_proxy_is_used_and_no_proxy_bypasses_it() {
    let (proxy, lines) = server::start_proxy();
    let proxy_url = format!("http://{proxy}");
    let dir = TempDir::new();
    // An address literal: even without the proxy no name would be looked up.
    let flow = write_flow(&dir, "https://127.0.0.2:8443/agents/ana", 5000);
    let flow_arg = flow.display().to_string();
    let output = fluxo(
        &["run", &flow_arg, "--live", "--lang", "en"],
        &[("HTTPS_PROXY", &proxy_url)],
    );
    let text = stdout(&output);
    assert_eq!(
        lines.lock().expect("lines").first().map(String::as_str),
        Some("CONNECT 127.0.0.2:8443 HTTP/1.1")
    );
    assert!(
        text.contains(&format!("the proxy {proxy_url} failed: ")),
        "{text}"
    );
    assert!(text.contains("(check HTTPS_PROXY and NO_PROXY)"), "{text}");

    // NO_PROXY: straight to the server, the proxy sees nothing more.
    let server = Server::start();
    let flow = write_flow(&dir, &format!("{}/agents/ana", server.base()), 5000);
    let flow_arg = flow.display().to_string();
    let output = fluxo(
        &["run", &flow_arg, "--live"],
        &[
            ("HTTP_PROXY", &proxy_url),
            ("HTTPS_PROXY", &proxy_url),
            ("NO_PROXY", "localhost,127.0.0.1"),
        ],
    );
    assert!(
        stdout(&output).contains("ended: End at ok"),
        "{}",
        stdout(&output)
    );
    assert_eq!(server.seen().len(), 1);
    assert_eq!(lines.lock().expect("lines").len(), 1);
}

#[test]
fn a_live_test_says_so_in_text_json_and_junit_with_secrets_masked() {
    let server = Server::start();
    let dir = TempDir::new();
    let base = server.base();
    let scenarios = r#"(name: "Gerente", expect: (end_node: "ok", vars: {"status_gerente": "online"})),
        (name: "Eco", expect: (vars: {"http.body": "outra coisa"})),
        (name: "Mockado", mocks: [(url: "*/agents/*", body: "{\"data\": {\"status\": \"away\"}}")], expect: (end_node: "ok"))"#;
    let path = dir.path("teste.flow.ron");
    std::fs::write(
        &path,
        flow_text(
            &format!("{base}/agents/ana"),
            5000,
            "https://api.huggy.test/v3",
            scenarios,
        ),
    )
    .expect("written");
    let flow = path.display().to_string();
    let junit = dir.path("report.xml");
    let junit_arg = junit.display().to_string();

    let output = fluxo(
        &[
            "test", &flow, "--live", "--junit", &junit_arg, "--lang", "en",
        ],
        &[],
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "Eco fails: {text}");
    assert_eq!(server.seen().len(), 2, "the mocked scenario sends nothing");
    assert!(text.starts_with("LIVE: "), "{text}");
    assert!(text.contains("  PASS  Gerente\n"), "{text}");
    assert!(text.contains("  FAIL  Eco"), "{text}");
    assert!(
        text.contains(&format!(
            "Live calls per scenario:\n  {flow}\n    Gerente: 1 live call\n    Eco: 1 live call\n    Mockado: no live calls\n2 passed, 1 failed\n"
        )),
        "{text}"
    );
    assert!(text.ends_with("2 passed, 1 failed\n"), "{text}");
    assert!(!text.contains(SECRET), "{text}");
    assert!(text.contains(MASK), "the echo is shown masked: {text}");

    let report = std::fs::read_to_string(&junit).expect("the JUnit report");
    assert!(!report.contains(SECRET), "{report}");
    assert!(report.contains(MASK), "{report}");
    let document = roxmltree::Document::parse(&report).expect("well-formed XML");
    let suite = document
        .descendants()
        .find(|node| node.has_tag_name("testsuite"))
        .expect("a suite");
    let suite_live = suite
        .children()
        .filter(|node| node.has_tag_name("properties"))
        .flat_map(|properties| properties.children())
        .any(|property| {
            property.attribute("name") == Some("live")
                && property.attribute("value") == Some("true")
        });
    assert!(suite_live, "{report}");
    let calls: Vec<(String, String)> = document
        .descendants()
        .filter(|node| node.has_tag_name("testcase"))
        .map(|case| {
            let property = |name: &str| {
                case.descendants()
                    .find(|node| {
                        node.has_tag_name("property") && node.attribute("name") == Some(name)
                    })
                    .and_then(|node| node.attribute("value"))
                    .unwrap_or("")
                    .to_owned()
            };
            assert_eq!(property("live"), "true", "{report}");
            (
                case.attribute("name").unwrap_or("").to_owned(),
                property("live_calls"),
            )
        })
        .collect();
    assert_eq!(
        calls,
        vec![
            ("Gerente".to_owned(), "1".to_owned()),
            ("Eco".to_owned(), "1".to_owned()),
            ("Mockado".to_owned(), "0".to_owned()),
        ]
    );

    let output = fluxo(&["test", &flow, "--live", "--format", "json"], &[]);
    let text = stdout(&output);
    assert!(!text.contains(SECRET), "{text}");
    let json: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(json["live"], true);
    assert_eq!(json["files"][0]["live"], true);
    assert_eq!(json["files"][0]["results"][0]["live_calls"], 1);
    assert!(json["files"][0]["results"][2].get("live_calls").is_none());

    let output = fluxo(&["test", &flow, "--format", "json"], &[]);
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["live"], false, "offline by default");
    assert_eq!(
        server.seen().len(),
        4,
        "only the two live runs reached the server"
    );
}

/// A scenario for "Send for real" with the secret in it (the test process's environment is
/// left alone).
fn scenario_with_secret(flow: &fluxo_core::Flow) -> fluxo_core::flow::Scenario {
    let mut scenario = flow.scenarios[0].clone();
    scenario.secrets.insert("api_token".into(), SECRET.into());
    scenario
}

#[test]
fn send_for_real_then_keep_as_mock_then_run_offline_to_the_same_branch() {
    let server = Server::start();
    let text = flow_text(
        &format!("{}/agents/{{{{gerente}}}}", server.base()),
        5000,
        "https://api.huggy.test/v3",
        ONE_SCENARIO,
    );
    let flow = fluxo_core::file::parse(&text, fluxo_core::Format::Ron)
        .expect("the flow parses")
        .flow;
    let scenario = scenario_with_secret(&flow);
    let vars = BTreeMap::from([("gerente".to_owned(), "ana".to_owned())]);
    let sent = fluxo::live::send_for_real(
        &flow,
        "consulta",
        &scenario,
        &vars,
        Arc::new(AtomicBool::new(false)),
    )
    .expect("sent");
    assert_eq!(server.seen()[0].path, "/agents/ana");
    assert_eq!(
        server.seen()[0].header("authorization"),
        Some(format!("Bearer {SECRET}").as_str())
    );
    assert_eq!(
        sent.request.headers[0].1.as_str(),
        format!("Bearer {MASK}"),
        "what was sent is shown masked"
    );
    let received = sent.outcome.clone().expect("an answer");
    assert_eq!(received.status, 200);
    assert!(
        received
            .headers
            .iter()
            .any(|(name, value)| name == "x-echo" && value == &format!("Bearer {MASK}")),
        "{:?}",
        received.headers
    );
    assert_eq!(
        received.shown_body(),
        format!(
            "{{\n  \"data\": {{\n    \"status\": \"online\"\n  }},\n  \"echo\": \"Bearer {MASK}\"\n}}"
        )
    );

    let mock = keep_as_mock(&sent).expect("a mock");
    assert_eq!(mock.url, format!("{}/agents/ana", server.base()));
    assert_eq!(mock.delay_ms, received.elapsed_ms);
    let mut history = fluxo_core::History::new(10);
    let mut edited = flow.clone();
    let command = keep_as_mock_command(&edited, 0, &sent).expect("a command");
    history.apply(&mut edited, command).expect("applied");
    // Offline now, with the flow's own url: the kept mock answers, the same branch is taken.
    let offline_flow = fluxo_core::file::parse(
        &flow_text(
            &format!("{}/agents/ana", server.base()),
            5000,
            "https://api.huggy.test/v3",
            ONE_SCENARIO,
        ),
        fluxo_core::Format::Ron,
    )
    .expect("parses")
    .flow;
    let mut run = Run::new(&offline_flow, &edited.scenarios[0], Options::default());
    run.run_to_end();
    assert_eq!(run.end().and_then(|end| end.node.as_deref()), Some("ok"));
    assert_eq!(run.variable("status_gerente").as_deref(), Some("online"));
    assert_eq!(server.seen().len(), 1, "the replay stays offline");
    assert!(history.undo(&mut edited));
    assert_eq!(edited, flow, "one undo step");
}

#[test]
fn send_for_real_can_be_cancelled_while_it_waits() {
    let server = Server::start();
    let text = flow_text(
        &format!("{}/slow", server.base()),
        60_000,
        "https://api.huggy.test/v3",
        ONE_SCENARIO,
    );
    let flow = fluxo_core::file::parse(&text, fluxo_core::Format::Ron)
        .expect("parses")
        .flow;
    let scenario = scenario_with_secret(&flow);
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        flag.store(true, Ordering::Relaxed);
    });
    let started = Instant::now();
    let sent = fluxo::live::send_for_real(&flow, "consulta", &scenario, &BTreeMap::new(), cancel)
        .expect("sent");
    canceller.join().expect("the canceller ends");
    assert_eq!(sent.outcome, Err(TransportError::Cancelled));
    // The server holds its answer for 10 s and the node allows 60 s: only Cancel ends it early.
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    assert!(keep_as_mock(&sent).is_none());
}
