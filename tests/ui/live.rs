//! "Send for real" in the window, against a server on 127.0.0.1 started by the test: the answer
//! shown (secrets masked), "Keep as mock" as one undo step, and the scenario then run offline
//! taking the same branch. Nothing here reaches outside the machine.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fluxo::ui::app::FluxoApp;

use crate::common::select;
use crate::server::Server;

const SECRET: &str = "s3cr3t-do-teste";

/// A flow whose Request reads the Ask's answer and a secret, and branches on what it saves.
fn flow_text(base: &str, path: &str) -> String {
    format!(
        r#"(
    format: 1,
    name: "Gerente",
    nodes: [
        (id: "inicio", pos: (0.0, 0.0), kind: Entry()),
        (id: "pede", pos: (220.0, 0.0), kind: Ask(prompt: "Seu gerente?", save_as: "gerente")),
        (id: "consulta", pos: (440.0, 0.0), kind: Request(method: Get,
            url: "{base}{path}{{{{gerente}}}}",
            headers: {{"Authorization": "Bearer {{{{secret.api_token}}}}"}},
            save: {{"status_gerente": "data.status"}})),
        (id: "disponivel", pos: (660.0, 0.0), kind: Condition(cases: [
            (port: "sim", mode: All, rules: [(var: "status_gerente", op: Equals, value: "online")]),
        ])),
        (id: "fim_gerente", pos: (880.0, 0.0), kind: End(message: "Seu gerente já vem.")),
        (id: "fila", pos: (880.0, 200.0), kind: Queue(queue: "Atendimento")),
    ],
    edges: [
        (from: "inicio", port: "next", to: "pede"),
        (from: "pede", port: "answered", to: "consulta"),
        (from: "consulta", port: "ok", to: "disponivel"),
        (from: "consulta", port: "error", to: "fila"),
        (from: "disponivel", port: "sim", to: "fim_gerente"),
        (from: "disponivel", port: "else", to: "fila"),
    ],
    team: (departments: ["Atendimento"]),
    scenarios: [
        (name: "Cliente da Ana", replies: [Text("ana")], secrets: {{"api_token": "{SECRET}"}}),
    ],
)"#
    )
}

fn write_flow(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fluxo-ui-live-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("gerente.flow.ron");
    std::fs::write(&path, text).unwrap();
    path
}

fn window(path: &std::path::Path) -> Harness<'static, FluxoApp> {
    let app = FluxoApp::open(path);
    assert!(app.banners().is_empty(), "{:?}", app.banners());
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1440.0, 1000.0))
        .build_ui_state(|ui, app: &mut FluxoApp| app.show(ui), app);
    harness.run();
    harness
}

/// Lets frames go by until the live request has come back.
fn wait_for_answer(harness: &mut Harness<'_, FluxoApp>) {
    let started = Instant::now();
    while harness.state().is_sending_live() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no answer in 20 s"
        );
        std::thread::sleep(Duration::from_millis(20));
        // A spinner repaints for ever: frames one at a time while the request is out.
        harness.step();
    }
    harness.run();
}

#[test]
fn send_for_real_then_keep_as_mock_then_the_offline_run_takes_the_same_branch() {
    let server = Server::start();
    let path = write_flow("keep", &flow_text(&server.base(), "/agents/"));
    let mut harness = window(&path);
    select(&mut harness, "consulta");
    assert!(server.seen().is_empty(), "nothing is sent before the click");

    // The Ask's answer is not set by the scenario: it is asked for.
    harness.get_by_label("gerente").focus();
    harness.run();
    harness.get_by_label("gerente").type_text("ana");
    harness.run();
    harness.get_by_label("Send for real").click();
    harness.step();
    wait_for_answer(&mut harness);

    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path, "/agents/ana");
    assert_eq!(
        seen[0].header("authorization"),
        Some(format!("Bearer {SECRET}").as_str())
    );
    assert_eq!(harness.state().live_status("consulta"), Some(200));
    harness.get_by_label_contains("200 in ");
    harness.get_by_label("the node would leave by “ok”");
    // The body, pretty-printed, its echo of the secret masked.
    harness.get_by_label_contains("\"status\": \"online\"");
    harness.get_by_label_contains("\"echo\": \"Bearer ••••\"");
    assert!(harness.query_by_label_contains(SECRET).is_none());

    // Keep as mock: one undo step on the scenario.
    let before = harness.state().doc().flow.clone();
    // Below the answer: scrolled to, as a user would.
    harness.get_by_label("Keep as mock").scroll_to_me();
    harness.run();
    harness.get_by_label("Keep as mock").click();
    harness.run();
    let flow = harness.state().doc().flow.clone();
    let mock = &flow.scenarios[0].mocks[0];
    assert_eq!(mock.url, format!("{}/agents/ana", server.base()));
    assert_eq!(mock.status, 200);
    assert!(mock.body.contains("online") && !mock.body.contains(SECRET));
    harness.get_by_label_contains("Kept in the mocks of \"Cliente da Ana\"");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc().flow, before, "one undo step");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc().flow, flow);

    // The scenario run offline in the simulator: the kept mock answers, the same branch.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    let run = harness.state().sim().run().unwrap();
    let end = run.end().unwrap();
    assert_eq!(end.node.as_deref(), Some("fim_gerente"), "{end:?}");
    assert_eq!(server.seen().len(), 1, "the run stayed offline");
}

#[test]
fn a_slow_request_can_be_cancelled_and_an_error_is_said_in_words() {
    let server = Server::start();
    let path = write_flow("slow", &flow_text(&server.base(), "/slow?"));
    let mut harness = window(&path);
    select(&mut harness, "consulta");
    harness.get_by_label("Send for real").click();
    harness.run_steps(3);
    assert!(harness.state().is_sending_live());
    // While it is out: the spinner, Cancel, and the window says a live request runs.
    assert!(harness.query_by_label("Send for real").is_none());
    assert!(
        harness.query_all_by_label("● LIVE").count() >= 2,
        "the top bar and the inspector"
    );
    harness.get_by_label("Cancel").click();
    harness.step();
    wait_for_answer(&mut harness);
    harness.get_by_label_contains("cancelled");
    harness.get_by_label("Nothing to keep: only an answer or a time-out becomes a mock.");

    // A 404 is an answer: said, with the exit it leaves by, and kept like any other.
    let path = write_flow("missing", &flow_text(&server.base(), "/missing?"));
    let mut harness = window(&path);
    select(&mut harness, "consulta");
    harness.get_by_label("Send for real").click();
    harness.step();
    wait_for_answer(&mut harness);
    assert_eq!(harness.state().live_status("consulta"), Some(404));
    harness.get_by_label("the node would leave by “error”");
    harness.get_by_label_contains("agent not found");
}
