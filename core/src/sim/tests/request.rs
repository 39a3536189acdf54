//! The Request node: mocks, the built-in platform API, time-outs, saves, secrets.

use std::collections::BTreeMap;

use super::{end_node, flow, run_with, var, warnings};
use crate::flow::Flow;
use crate::sim::{AnswerSource, Event, MASK, Options, Run};

fn request_flow(method: &str, url: &str, body: &str, save: &str) -> Flow {
    flow(
        &format!(
            r#"(id: "inicio", kind: Entry()),
               (id: "r", kind: Request(method: {method}, url: "{url}", headers: {{"Authorization": "Bearer {{{{secret.api_token}}}}"}}, body: "{body}", timeout_ms: 1000, save: {{{save}}})),
               (id: "ok", kind: End()), (id: "erro", kind: End())"#
        ),
        r#"(from: "inicio", port: "next", to: "r"), (from: "r", port: "ok", to: "ok"), (from: "r", port: "error", to: "erro")"#,
        "",
    )
}

fn source(run: &Run) -> AnswerSource {
    run.events()
        .find_map(|event| match event {
            Event::AnswerReceived { source, .. } => Some(*source),
            _ => None,
        })
        .expect("an answer")
}

#[test]
fn mocks_in_order_method_and_glob_and_saves_with_arrays() {
    let flow = request_flow(
        "Post",
        "https://erp.test/pedidos/{{contact.custom.pedido}}",
        "",
        r#""estado": "data.items[1].status", "total": "data.total", "pago": "data.pago", "tudo": "", "falta": "data.nada""#,
    );
    let scenario = r#"(name: "s", contact: (custom: {"pedido": "77"}), clock: "2026-11-23T10:00:00-03:00", mocks: [
        (method: Get, url: "*/pedidos/*", status: 500),
        (method: Post, url: "https://erp.test/pedidos/*", body: "{\"data\": {\"items\": [{\"status\": \"a\"}, {\"status\": \"enviado\"}], \"total\": 10.5, \"pago\": true}}", delay_ms: 250),
        (url: "*", status: 404),
    ])"#;
    let run = run_with(&flow, scenario);
    assert_eq!(end_node(&run), "ok");
    assert_eq!(
        source(&run),
        AnswerSource::Mock { index: 1 },
        "the GET mock is skipped by method"
    );
    assert_eq!(var(&run, "estado"), "enviado");
    assert_eq!(var(&run, "total"), "10.5");
    assert_eq!(var(&run, "pago"), "true");
    assert!(var(&run, "tudo").starts_with("{\"data\""));
    assert_eq!(var(&run, "falta"), "");
    assert!(warnings(&run).iter().any(|w| w.contains("save `falta`")));
    assert_eq!(var(&run, "http.status"), "200");
    assert_eq!(run.clock().unix_ms % 1000, 250, "delay_ms moves the clock");
}

#[test]
fn a_mock_that_matches_only_by_method() {
    let flow = request_flow("Delete", "https://x.test/a", "", "");
    let scenario =
        r#"(name: "s", mocks: [(method: Get, status: 200), (method: Delete, status: 204)])"#;
    let run = run_with(&flow, scenario);
    assert_eq!(source(&run), AnswerSource::Mock { index: 1 });
    assert_eq!(
        (end_node(&run), var(&run, "http.status")),
        ("ok", "204".to_owned())
    );
}

#[test]
fn non_2xx_timeouts_and_unmocked_leave_by_error() {
    let flow = request_flow("Get", "https://x.test/a", "", r#""v": "x""#);
    let run = run_with(
        &flow,
        r#"(name: "s", mocks: [(status: 503, body: "{\"x\": 1}")])"#,
    );
    assert_eq!(
        (end_node(&run), var(&run, "http.status")),
        ("erro", "503".to_owned())
    );
    assert_eq!(run.variable("v"), None, "save only from a 2xx answer");

    for scenario in [
        r#"(name: "s", clock: "2026-11-23T10:00:00Z", mocks: [(fail: Timeout)])"#,
        r#"(name: "s", clock: "2026-11-23T10:00:00Z", mocks: [(delay_ms: 1000)])"#,
    ] {
        let run = run_with(&flow, scenario);
        assert_eq!(end_node(&run), "erro", "{scenario}");
        assert_eq!(
            run.clock().to_rfc3339(),
            "2026-11-23T10:00:01Z",
            "moved by timeout_ms"
        );
        assert_eq!(run.variable("http.status").as_deref(), Some(""));
    }
    let just_in_time = run_with(&flow, r#"(name: "s", mocks: [(delay_ms: 999)])"#);
    assert_eq!(end_node(&just_in_time), "ok");

    let unmocked = run_with(&flow, r#"(name: "s")"#);
    assert_eq!(end_node(&unmocked), "erro");
    assert_eq!(source(&unmocked), AnswerSource::Unmocked);
    assert!(
        warnings(&unmocked)
            .iter()
            .any(|w| w.contains("no mock answers GET https://x.test/a"))
    );
}

#[test]
fn platform_api_answers_from_the_run_team() {
    let get = request_flow(
        "Get",
        "{{team.api_base}}/agents/{{contact.custom.gerente}}?x=1",
        "",
        r#""st": "status", "livre": "available", "deps": "departments[0]""#,
    );
    let run = run_with(
        &get,
        r#"(name: "s", contact: (custom: {"gerente": "caio"}), agents: {"caio": Online})"#,
    );
    assert_eq!(source(&run), AnswerSource::PlatformApi);
    assert_eq!(
        (var(&run, "st"), var(&run, "livre"), var(&run, "deps")),
        ("online".into(), "true".into(), "Suporte".into())
    );
    let away = run_with(
        &get,
        r#"(name: "s", contact: (custom: {"gerente": "caio"}))"#,
    );
    assert_eq!(
        (var(&away, "st"), var(&away, "livre")),
        ("away".into(), "false".into())
    );
    let unknown = run_with(&get, r#"(name: "s", contact: (custom: {"gerente": "zé"}))"#);
    assert_eq!(
        (end_node(&unknown), var(&unknown, "http.status")),
        ("erro", "404".into())
    );
    let mocked_first = run_with(
        &get,
        r#"(name: "s", contact: (custom: {"gerente": "ana"}), mocks: [(url: "*/agents/*", body: "{\"status\": \"offline\"}")])"#,
    );
    assert_eq!(
        var(&mocked_first, "st"),
        "offline",
        "scenario mocks come before the platform API"
    );
    // Another path under api_base is unmocked.
    let other = request_flow("Get", "{{team.api_base}}/contacts/1", "", "");
    assert_eq!(
        source(&run_with(&other, r#"(name: "s")"#)),
        AnswerSource::Unmocked
    );
}

#[test]
fn platform_transfer_assigns_or_refuses() {
    let transfer = request_flow(
        "Post",
        "{{team.api_base}}/chats/{{chat.id}}/transfer",
        r#"{\"agentId\": \"{{contact.custom.gerente}}\"}"#,
        "",
    );
    let ok = run_with(
        &transfer,
        r#"(name: "s", contact: (custom: {"gerente": "ana"}))"#,
    );
    assert_eq!(
        (end_node(&ok), var(&ok, "http.status")),
        ("ok", "200".into())
    );
    assert_eq!(ok.assigned_agent(), Some("ana"));
    assert_eq!(ok.agents()[0].active_chats, 2);
    assert!(!ok.agents()[0].available, "ana reached her capacity of 2");
    let busy = run_with(
        &transfer,
        r#"(name: "s", contact: (custom: {"gerente": "caio"}))"#,
    );
    assert_eq!(
        (end_node(&busy), var(&busy, "http.status")),
        ("erro", "409".into())
    );
    assert_eq!(busy.assigned_agent(), None);
    let nobody = run_with(
        &transfer,
        r#"(name: "s", contact: (custom: {"gerente": "zé"}))"#,
    );
    assert_eq!(var(&nobody, "http.status"), "404");
    let no_body = request_flow("Post", "{{team.api_base}}/chats/1/transfer", "oops", "");
    assert_eq!(
        var(&run_with(&no_body, r#"(name: "s")"#), "http.status"),
        "400"
    );
}

#[test]
fn secrets_come_from_the_environment_first_and_are_masked() {
    let flow = request_flow(
        "Get",
        "https://x.test/?t={{secret.api_token}}",
        "",
        r#""eco": "token""#,
    );
    let scenario = super::scenario(
        r#"(name: "s", secrets: {"api_token": "do-cenario"}, mocks: [(body: "{\"token\": \"{{secret.api_token}}\"}")])"#,
    );
    let run_env = |env: &[(&str, &str)]| {
        let env: BTreeMap<String, String> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let mut run = Run::new(
            &flow,
            &scenario,
            Options {
                env_secrets: env,
                ..Options::default()
            },
        );
        run.run_to_end();
        run
    };
    let scenario_only = run_env(&[]);
    let everything = serde_json::to_string(&scenario_only.events().collect::<Vec<_>>()).unwrap();
    assert!(!everything.contains("do-cenario"), "{everything}");
    assert!(everything.contains(&format!("Bearer {MASK}")));
    assert_eq!(scenario_only.variable("eco").as_deref(), Some(MASK));
    assert_eq!(
        scenario_only.raw_value("eco").as_deref(),
        Some("do-cenario"),
        "the run itself uses the value"
    );
    assert_eq!(
        scenario_only
            .variables()
            .get("secret.api_token")
            .map(String::as_str),
        Some(MASK)
    );

    let from_env = run_env(&[("API_TOKEN", "do-ambiente")]);
    assert_eq!(from_env.raw_value("eco").as_deref(), Some("do-ambiente"));
    let text: String = from_env.events().map(ToString::to_string).collect();
    assert!(
        !text.contains("do-ambiente") && !text.contains("do-cenario"),
        "{text}"
    );
}

#[test]
fn a_secret_copied_into_variables_stays_masked_in_later_steps() {
    let flow = flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "copia", kind: SetVariable(set: {"token": "{{secret.api_token}}", "limpo": "ok"})),
           (id: "outra", kind: SetVariable(set: {"derivado": "x-{{token}}", "contact.name": "{{token}}"})),
           (id: "limpa", kind: SetVariable(set: {"token": "trocado"})),
           (id: "diz", kind: Message(text: "{{derivado}} / {{contact.name}} / {{token}} / {{limpo}}")),
           (id: "c", kind: Condition(cases: [(port: "sim", rules: [(var: "derivado", op: Contains, value: "x-")])])),
           (id: "fim", kind: End())"#,
        r#"(from: "inicio", port: "next", to: "copia"), (from: "copia", port: "next", to: "outra"),
           (from: "outra", port: "next", to: "limpa"), (from: "limpa", port: "next", to: "diz"),
           (from: "diz", port: "next", to: "c"), (from: "c", port: "sim", to: "fim")"#,
        "",
    );
    let run = run_with(&flow, r#"(name: "s", secrets: {"api_token": "s3gr3d0"})"#);
    let everything = serde_json::to_string(&run.events().collect::<Vec<_>>()).unwrap();
    assert!(!everything.contains("s3gr3d0"), "{everything}");
    assert_eq!(
        run.messages(),
        [format!("x-{MASK} / {MASK} / trocado / ok")]
    );
    assert!(
        everything.contains(&format!("derivado (\\\"x-{MASK}\\\") contains")),
        "{everything}"
    );
    assert_eq!(run.raw_value("derivado").as_deref(), Some("x-s3gr3d0"));
    // A variable overwritten by a clean step is clean again.
    assert!(!run.world().is_tainted(run.program().names.find("token")));
    assert!(run.world().is_tainted(run.program().names.find("derivado")));
}

#[test]
fn a_secret_in_a_header_is_masked_there_and_taints_nothing_else() {
    let flow = request_flow(
        "Get",
        "{{team.api_base}}/agents/ana",
        "",
        r#""st": "status""#,
    );
    let run = run_with(&flow, r#"(name: "s", secrets: {"api_token": "h3ad3r"})"#);
    let events: Vec<&Event> = run.events().collect();
    let everything = serde_json::to_string(&events).unwrap();
    assert!(!everything.contains("h3ad3r"), "{everything}");
    assert!(everything.contains(&format!("Bearer {MASK}")));
    for name in ["st", "http.status", "http.body"] {
        let var = run.program().names.find(name);
        assert!(!run.world().is_tainted(var), "{name}");
    }
    assert_eq!(var(&run, "st"), "online");

    // A header reading a variable derived from a secret is masked too.
    let copied = super::flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "v", kind: SetVariable(set: {"tok": "T-{{secret.api_token}}"})),
           (id: "r", kind: Request(url: "https://x.test/", headers: {"X-Token": "{{tok}}!"})),
           (id: "ok", kind: End())"#,
        r#"(from: "inicio", port: "next", to: "v"), (from: "v", port: "next", to: "r"),
           (from: "r", port: "ok", to: "ok")"#,
        "",
    );
    let run = run_with(
        &copied,
        r#"(name: "s", secrets: {"api_token": "h3ad3r"}, mocks: [()])"#,
    );
    let everything = serde_json::to_string(&run.events().collect::<Vec<_>>()).unwrap();
    assert!(!everything.contains("h3ad3r"), "{everything}");
    assert!(
        everything.contains(&format!("\"X-Token\":\"T-{MASK}!\"")),
        "{everything}"
    );
}
