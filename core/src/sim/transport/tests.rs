//! Live runs through a fake transport: what is sent (real values), what is recorded (masked),
//! mocks first, the platform mock off, failures as data, "Send for real" and "Keep as mock".

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use crate::edit::History;
use crate::flow::{Flow, Method, MockFail};
use crate::sim::tests::{end_node, flow, scenario, var, warnings};
use crate::sim::{
    AnswerSource, Event, LIVE_DEFAULT_TIMEOUT_MS, LiveAnswer, LiveTransport, MASK, Options,
    Outgoing, Run, TlsReason, Transport, TransportError, keep_as_mock, keep_as_mock_command,
    request_inputs, send_one, test_flow,
};

use super::one::pretty_json;

/// A request as the fake server saw it.
#[derive(Clone, Debug)]
struct Seen {
    method: Method,
    url: String,
    headers: Vec<(String, String)>,
    body: String,
    timeout_ms: u64,
}

type Answer = dyn Fn(&Outgoing<'_>) -> Result<LiveAnswer, TransportError> + Send + Sync;

/// Answers every request with `answer` and remembers what it was sent.
struct Fake {
    answer: Box<Answer>,
    seen: Mutex<Vec<Seen>>,
}

impl Transport for Fake {
    fn send(&self, request: &Outgoing<'_>) -> Result<LiveAnswer, TransportError> {
        self.seen.lock().unwrap().push(Seen {
            method: request.method,
            url: request.url.to_owned(),
            headers: request
                .headers
                .iter()
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect(),
            body: request.body.to_owned(),
            timeout_ms: request.timeout_ms,
        });
        (self.answer)(request)
    }
}

fn fake(
    answer: impl Fn(&Outgoing<'_>) -> Result<LiveAnswer, TransportError> + Send + Sync + 'static,
) -> Arc<Fake> {
    Arc::new(Fake {
        answer: Box::new(answer),
        seen: Mutex::new(Vec::new()),
    })
}

fn answer(status: u16, body: &str, elapsed_ms: u64) -> LiveAnswer {
    LiveAnswer {
        status,
        headers: vec![("content-type".into(), "application/json".into())],
        body: body.into(),
        cut: false,
        elapsed_ms,
    }
}

const SECRET: &str = "tok-123-secreto";

fn env() -> BTreeMap<String, String> {
    BTreeMap::from([("API_TOKEN".to_owned(), SECRET.to_owned())])
}

/// inicio -> consulta (GET url with the token in its query, Authorization header, save) -> ok |
/// erro.
fn live_flow(url: &str, timeout_ms: u64) -> Flow {
    live_flow_with("Post", url, timeout_ms)
}

fn live_flow_with(method: &str, url: &str, timeout_ms: u64) -> Flow {
    flow(
        &format!(
            r#"(id: "inicio", kind: Entry()),
               (id: "consulta", kind: Request(method: {method}, url: "{url}", headers: {{"Authorization": "Bearer {{{{secret.api_token}}}}"}}, body: "{{\"cliente\": \"{{{{contact.name}}}}\"}}", timeout_ms: {timeout_ms}, save: {{"status_gerente": "data.status", "tudo": ""}})),
               (id: "ok", kind: End(message: "status {{{{status_gerente}}}}")), (id: "erro", kind: End())"#
        ),
        r#"(from: "inicio", port: "next", to: "consulta"), (from: "consulta", port: "ok", to: "ok"), (from: "consulta", port: "error", to: "erro")"#,
        r#"(name: "Gerente", contact: (name: "Maria"))"#,
    )
}

fn live_run(flow: &Flow, scenario_text: &str, transport: &Arc<Fake>) -> Run {
    let options = Options {
        env_secrets: env(),
        live: Some(LiveTransport::from_arc(transport.clone())),
        ..Options::default()
    };
    let mut run = Run::new(flow, &scenario(scenario_text), options);
    run.run_to_end();
    run
}

fn all_text(run: &Run) -> String {
    let mut text = String::new();
    for event in run.events() {
        text.push_str(&event.to_string());
        text.push('\n');
        text.push_str(&serde_json::to_string(event).unwrap());
        text.push('\n');
    }
    text.push_str(&serde_json::to_string(&run.variables()).unwrap());
    text
}

fn live_failure(run: &Run) -> Option<&TransportError> {
    run.events().find_map(|event| match event {
        Event::LiveFailed { error } => Some(error),
        _ => None,
    })
}

#[test]
fn an_unmocked_request_goes_out_with_real_values_and_is_recorded_masked() {
    let flow = live_flow_with(
        "Get",
        "https://api.test/v1/agents/ana?token={{secret.api_token}}",
        5000,
    );
    let server = fake(|request| {
        // The server echoes the Authorization header: the echo must be masked too.
        let auth = request
            .headers
            .iter()
            .find(|(name, _)| name.as_str() == "Authorization")
            .map(|(_, value)| value.to_string())
            .unwrap_or_default();
        Ok(answer(
            200,
            &format!(r#"{{"data": {{"status": "online"}}, "echo": "{auth}"}}"#),
            84,
        ))
    });
    let run = live_run(&flow, r#"(name: "s", contact: (name: "Maria"))"#, &server);
    let seen = server.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, Method::Get);
    assert_eq!(
        seen[0].url,
        format!("https://api.test/v1/agents/ana?token={SECRET}"),
        "the platform mock is off under live: the api_base url goes out"
    );
    assert_eq!(
        seen[0].headers,
        vec![("Authorization".to_owned(), format!("Bearer {SECRET}"))]
    );
    assert_eq!(seen[0].body, r#"{"cliente": "Maria"}"#);
    assert_eq!(seen[0].timeout_ms, 5000);

    assert_eq!(end_node(&run), "ok");
    assert_eq!(var(&run, "status_gerente"), "online");
    assert_eq!(var(&run, "http.status"), "200");
    assert!(run.is_live());
    assert_eq!(run.live_calls(), 1);
    let answered = run.events().any(|event| {
        matches!(
            event,
            Event::AnswerReceived {
                source: AnswerSource::Live,
                status: Some(200),
                delay_ms: 84,
                ..
            }
        )
    });
    assert!(answered, "{}", all_text(&run));
    assert_eq!(
        run.clock().unix_ms % 1000,
        84,
        "the time it took moves the clock"
    );
    let text = all_text(&run);
    assert!(!text.contains(SECRET), "{text}");
    assert!(text.contains(&format!("Bearer {MASK}")), "{text}");
    assert!(text.contains(&format!("token={MASK}")), "{text}");
    assert!(text.contains(r#"\"echo\": \"Bearer ••••\""#), "{text}");
    assert!(!var(&run, "tudo").contains(SECRET));
    assert!(text.contains("\"by\":\"live\""), "{text}");
}

#[test]
fn scenario_mocks_answer_first_and_an_offline_run_sends_nothing() {
    let flow = live_flow_with("Get", "https://api.test/v1/agents/ana", 5000);
    let server = fake(|_| Ok(answer(200, "{}", 1)));
    let mocked =
        r#"(name: "s", mocks: [(url: "*/agents/*", body: "{\"data\": {\"status\": \"away\"}}")])"#;
    let run = live_run(&flow, mocked, &server);
    assert!(server.seen.lock().unwrap().is_empty());
    assert_eq!(var(&run, "status_gerente"), "away");
    assert_eq!(run.live_calls(), 0);
    assert!(run.is_live());

    // Without a transport the platform mock answers, as always.
    let mut offline = Run::new(&flow, &scenario(r#"(name: "s")"#), Options::default());
    offline.run_to_end();
    assert!(!offline.is_live());
    assert_eq!(offline.live_calls(), 0);
    assert!(offline.events().any(|event| matches!(
        event,
        Event::AnswerReceived {
            source: AnswerSource::PlatformApi,
            ..
        }
    )));
}

#[test]
fn error_statuses_leave_by_error_with_status_and_body() {
    let flow = live_flow("https://erp.test/x", 5000);
    for status in [404, 500] {
        let server = fake(move |_| Ok(answer(status, r#"{"error": "nope"}"#, 3)));
        let run = live_run(&flow, r#"(name: "s")"#, &server);
        assert_eq!(end_node(&run), "erro");
        assert_eq!(var(&run, "http.status"), status.to_string());
        assert_eq!(var(&run, "http.body"), r#"{"error": "nope"}"#);
        assert_eq!(var(&run, "status_gerente"), "", "save only from a 2xx");
    }
}

#[test]
fn failures_leave_by_error_as_data_and_masked() {
    let flow = live_flow("https://{{secret.api_token}}.invalid/x", 2000);
    let server = fake(|request| {
        let host = request
            .url
            .trim_start_matches("https://")
            .split('/')
            .next()
            .unwrap_or("")
            .to_owned();
        Err(TransportError::NameNotResolved { host })
    });
    let run = live_run(&flow, r#"(name: "s")"#, &server);
    assert_eq!(end_node(&run), "erro");
    assert_eq!(var(&run, "http.status"), "");
    assert_eq!(var(&run, "http.body"), "");
    assert_eq!(
        live_failure(&run),
        Some(&TransportError::NameNotResolved {
            host: format!("{MASK}.invalid")
        })
    );
    let json = serde_json::to_string(
        run.events()
            .find(|event| matches!(event, Event::LiveFailed { .. }))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        json,
        r#"{"event":"live_failed","error":{"kind":"name_not_resolved","host":"••••.invalid"}}"#
    );
    assert!(!all_text(&run).contains(SECRET));
    assert_eq!(run.live_calls(), 1, "a failed call was still a live call");

    let tls = fake(|_| {
        Err(TransportError::Tls {
            host: "erp.test".into(),
            reason: TlsReason::WrongName,
            detail: "outro.test".into(),
        })
    });
    let run = live_run(
        &live_flow("https://erp.test/x", 2000),
        r#"(name: "s")"#,
        &tls,
    );
    let json = serde_json::to_value(live_failure(&run).unwrap()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"kind": "tls", "host": "erp.test", "reason": "wrong_name", "detail": "outro.test"})
    );
}

#[test]
fn a_time_out_moves_the_clock_by_the_limit_and_zero_means_thirty_seconds() {
    for (node_timeout, limit) in [(2000, 2000), (0, LIVE_DEFAULT_TIMEOUT_MS)] {
        let flow = live_flow("https://erp.test/x", node_timeout);
        let server = fake(move |request| {
            Err(TransportError::TimedOut {
                after_ms: request.timeout_ms,
            })
        });
        let run = live_run(&flow, r#"(name: "s")"#, &server);
        assert_eq!(server.seen.lock().unwrap()[0].timeout_ms, limit);
        assert_eq!(end_node(&run), "erro");
        assert!(run.events().any(|event| matches!(
            event,
            Event::AnswerReceived {
                source: AnswerSource::Live,
                timed_out: true,
                ..
            }
        )));
        assert!(
            run.events().any(
                |event| matches!(event, Event::ClockAdvanced { by_ms, .. } if *by_ms == limit)
            ),
            "the clock moved by the time limit"
        );
    }
}

#[test]
fn a_cut_answer_says_so() {
    let flow = live_flow("https://erp.test/x", 2000);
    let server = fake(|_| {
        Ok(LiveAnswer {
            cut: true,
            ..answer(200, "xxxx", 9)
        })
    });
    let run = live_run(&flow, r#"(name: "s")"#, &server);
    let cut = run.events().find_map(|event| match event {
        Event::AnswerCut { limit_bytes } => Some(*limit_bytes),
        _ => None,
    });
    assert_eq!(cut, Some(5 * 1024 * 1024));
    assert!(warnings(&run).iter().any(|w| w.contains("not JSON")));
}

#[test]
fn a_live_batch_reports_live_calls_per_scenario() {
    let flow = live_flow("https://erp.test/x", 2000);
    let server = fake(|_| Ok(answer(200, r#"{"data": {"status": "online"}}"#, 1)));
    let options = Options {
        live: Some(LiveTransport::from_arc(server.clone())),
        ..Options::default()
    };
    let report = test_flow(&flow, &options);
    assert!(report.live);
    assert_eq!(report.results[0].live_calls, 1);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["live"], true);
    assert_eq!(json["results"][0]["live_calls"], 1);

    let offline = test_flow(&flow, &Options::default());
    assert!(!offline.live);
    assert_eq!(offline.results[0].live_calls, 0);
    let json = serde_json::to_value(&offline).unwrap();
    assert!(json["results"][0].get("live_calls").is_none());
}

#[test]
fn send_one_expands_like_a_run_and_keeps_the_answer_as_a_mock() {
    let flow = flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "pede", kind: Ask(prompt: "CPF?", save_as: "cpf")),
           (id: "consulta", kind: Request(method: Get, url: "https://erp.test/clientes/{{cpf}}?key={{secret.api_token}}&gerente={{contact.custom.gerente_de_contas}}", headers: {"Authorization": "Bearer {{secret.api_token}}"}, save: {"plano": "plano"})),
           (id: "ok", kind: End()), (id: "erro", kind: End())"#,
        r#"(from: "inicio", port: "next", to: "pede"), (from: "pede", port: "answered", to: "consulta"), (from: "consulta", port: "ok", to: "ok"), (from: "consulta", port: "error", to: "erro")"#,
        r#"(name: "Cliente", contact: (name: "Maria", custom: {"gerente_de_contas": "ana"}), replies: [Text("39053344705")], mocks: [(url: "*", status: 500)])"#,
    );
    assert_eq!(
        request_inputs(&flow, "consulta"),
        vec!["cpf", "contact.custom.gerente_de_contas"]
    );
    let server = fake(|request| {
        Ok(LiveAnswer {
            headers: vec![("x-echo".into(), request.url.to_owned())],
            ..answer(
                200,
                &format!(r#"{{"plano":"ouro","k":"{SECRET}","n":[1, {{}}]}}"#),
                120,
            )
        })
    });
    let vars = BTreeMap::from([("cpf".to_owned(), "39053344705".to_owned())]);
    let sent = send_one(
        &flow,
        "consulta",
        &flow.scenarios[0],
        &vars,
        &env(),
        server.clone(),
    )
    .unwrap();
    let seen = server.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "the scenario's mocks are not asked");
    assert_eq!(
        seen[0].url,
        format!("https://erp.test/clientes/39053344705?key={SECRET}&gerente=ana")
    );
    assert_eq!(
        sent.request.url.as_str(),
        format!("https://erp.test/clientes/39053344705?key={MASK}&gerente=ana")
    );
    assert_eq!(
        sent.mock_url,
        "https://erp.test/clientes/39053344705?key=*&gerente=ana"
    );
    assert_eq!(sent.request.headers[0].1.as_str(), format!("Bearer {MASK}"));
    let received = sent.outcome.clone().unwrap();
    assert!(received.is_success());
    assert_eq!(received.elapsed_ms, 120);
    assert!(!received.body.contains(SECRET) && received.body.contains(MASK));
    assert!(!received.headers[0].1.contains(SECRET));
    assert_eq!(
        received.shown_body(),
        "{\n  \"plano\": \"ouro\",\n  \"k\": \"••••\",\n  \"n\": [\n    1,\n    {}\n  ]\n}"
    );

    let mock = keep_as_mock(&sent).unwrap();
    assert_eq!(mock.method, Some(Method::Get));
    assert_eq!(mock.url, sent.mock_url);
    assert_eq!((mock.status, mock.delay_ms), (200, 120));
    assert_eq!(mock.body, received.body);

    // One undo step; then the scenario runs offline and takes the same branch.
    let mut history = History::new(100);
    let mut edited = flow.clone();
    let command = keep_as_mock_command(&edited, 0, &sent).unwrap();
    history.apply(&mut edited, command).unwrap();
    assert_eq!(edited.scenarios[0].mocks[0], mock, "kept first, before `*`");
    assert_eq!(edited.scenarios[0].mocks.len(), 2);
    let mut run = Run::new(
        &edited,
        &edited.scenarios[0],
        Options {
            env_secrets: env(),
            ..Options::default()
        },
    );
    run.run_to_end();
    assert_eq!(end_node(&run), "ok");
    assert_eq!(var(&run, "plano"), "ouro");
    assert!(history.undo(&mut edited));
    assert_eq!(edited, flow);

    // Kept again: in place, not twice.
    let mut twice = edited.clone();
    for _ in 0..2 {
        let command = keep_as_mock_command(&twice, 0, &sent).unwrap();
        history.apply(&mut twice, command).unwrap();
    }
    assert_eq!(twice.scenarios[0].mocks.len(), 2);
}

#[test]
fn send_one_errors_and_failures() {
    let flow = live_flow("https://erp.test/x", 1000);
    let server = fake(|_| Err(TransportError::TimedOut { after_ms: 1000 }));
    let scenario = &flow.scenarios[0];
    let none = BTreeMap::new();
    let sent = send_one(&flow, "consulta", scenario, &none, &none, server.clone()).unwrap();
    assert_eq!(
        sent.outcome,
        Err(TransportError::TimedOut { after_ms: 1000 })
    );
    let mock = keep_as_mock(&sent).unwrap();
    assert_eq!(mock.fail, Some(MockFail::Timeout));
    assert_eq!(
        sent.warnings
            .iter()
            .filter(|w| w.contains("secret.api_token"))
            .count(),
        1,
        "a secret with no value is said, once: {:?}",
        sent.warnings
    );

    let refused = fake(|_| {
        Err(TransportError::ConnectionRefused {
            address: "127.0.0.1:9".into(),
        })
    });
    let sent = send_one(&flow, "consulta", scenario, &none, &none, refused).unwrap();
    assert!(keep_as_mock(&sent).is_none(), "nothing to keep");
    assert!(keep_as_mock_command(&flow, 0, &sent).is_none());

    let err = send_one(&flow, "ok", scenario, &none, &none, server.clone()).unwrap_err();
    assert_eq!(err.to_string(), "`ok` is not a Request node");
    let err = send_one(&flow, "nada", scenario, &none, &none, server).unwrap_err();
    assert_eq!(err.to_string(), "the flow has no node `nada`");
}

#[test]
fn pretty_json_keeps_order_and_strings() {
    assert_eq!(
        pretty_json(r#"{"b":1,"a":"x{,}[\"]:","c":[],"d":{ }}"#).unwrap(),
        "{\n  \"b\": 1,\n  \"a\": \"x{,}[\\\"]:\",\n  \"c\": [],\n  \"d\": {}\n}"
    );
    assert_eq!(pretty_json("[1.50e3]").unwrap(), "[\n  1.50e3\n]");
    assert_eq!(pretty_json("nope"), None);
    assert_eq!(pretty_json(r#"{"a": "#), None);
}
