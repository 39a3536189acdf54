//! Expectations, coverage and whole-flow test reports.

use super::flow;
use crate::flow::Flow;
use crate::sim::{Options, test_flow};

fn support_flow(scenarios: &str) -> Flow {
    flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "h", kind: BusinessHours(schedule: "Expediente")),
           (id: "t", kind: LiveChat(department: "Suporte", closing_message: "Tchau")),
           (id: "fila", kind: Queue(queue: "Suporte", message: "Fora do horário")),
           (id: "fim", kind: End(message: "Fim")),
           (id: "solto", kind: End())"#,
        r#"(from: "inicio", port: "next", to: "h"), (from: "h", port: "open", to: "t"),
           (from: "h", port: "closed", to: "fila"), (from: "t", port: "agent_closed", to: "fim"),
           (from: "t", port: "user_closed", to: "fim")"#,
        scenarios,
    )
}

#[test]
fn passing_expectations() {
    let flow = support_flow(
        r#"(name: "aberto", expect: (end_reason: End, end_node: "fim", agent: "", department: "Suporte",
              lists: [All], path: ["inicio", "h", "t", "fim"],
              vars: {"live_chat.status": "agent_closed", "nunca": ""}, messages: ["Tchau", "Fim"])),
           (name: "fechado", clock: "2026-11-23T20:00:00-03:00",
              expect: (end_reason: Queued, end_node: "fila", agent: "", department: "Suporte", lists: [Open, All],
                       queue: "Suporte", position: 5, messages: ["Fora"]))"#,
    );
    let report = test_flow(&flow, &Options::default());
    assert_eq!((report.passed(), report.failed()), (2, 0), "{report:#?}");
}

#[test]
fn failing_expectations_say_expected_and_got() {
    let flow = support_flow(
        r#"(name: "errado", expect: (end_reason: Queued, end_node: "fila", agent: "ana", department: "Comercial",
              lists: [All, Mine, InService], queue: "Suporte", position: 1,
              path: ["inicio", "t"], vars: {"live_chat.status": "user_closed", "contact.custom.x": "1"}, messages: ["Fim", "Tchau"]))"#,
    );
    let report = test_flow(&flow, &Options::default());
    let failures: Vec<String> = report.results[0]
        .failures
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        failures,
        [
            "end_reason: expected Queued, got End at fim",
            "end_node: expected \"fila\", got \"fim\"",
            "agent: expected \"ana\", got nobody (\"\")",
            "department: expected \"Comercial\", got \"Suporte\"",
            "lists: expected [\"All\", \"Mine\", \"InService\"], got [\"All\"]",
            "queue: expected \"Suporte\", got not queued (the run ended End)",
            "position: expected 1, got not queued (the run ended End)",
            "path: expected [\"inicio\", \"t\"], got [\"inicio\", \"h\", \"t\", \"fim\"] (first difference at position 2)",
            "vars.contact.custom.x: expected \"1\", got no value (\"\")",
            "vars.live_chat.status: expected \"user_closed\", got \"agent_closed\"",
            "messages: expected [\"Fim\", \"Tchau\"] in this order, got \"Tchau\" was not received in order; received [\"Tchau\", \"Fim\"]",
        ]
    );
    assert!(!report.results[0].passed);
}

#[test]
fn coverage_lists_what_no_scenario_reached() {
    let flow = support_flow(r#"(name: "aberto")"#);
    let report = test_flow(&flow, &Options::default());
    let coverage = &report.coverage;
    assert_eq!(coverage.uncovered_nodes, ["fila", "solto"]);
    let branches: Vec<(&str, &str)> = coverage
        .uncovered_branches
        .iter()
        .map(|b| (b.from.as_str(), b.port.as_str()))
        .collect();
    assert_eq!(branches, [("h", "closed"), ("t", "user_closed")]);
    assert_eq!(
        coverage.to_string(),
        "4 of 6 nodes reached, 3 of 5 branches covered"
    );

    let both = support_flow(
        r#"(name: "a"), (name: "b", clock: "2026-11-23T20:00:00-03:00", live_chat: [UserClosed])"#,
    );
    let coverage = test_flow(&both, &Options::default()).coverage;
    assert_eq!(coverage.uncovered_nodes, ["solto"]);
    assert_eq!(coverage.branches_covered, 4, "{coverage:?}");
}

#[test]
fn generated_flows_run_clean() {
    // A large realistic flow and many varied scenarios: every run ends, nothing panics, and no
    // run ends in Error (the generator's flows are valid).
    let mut flow = crate::generator::flow(400, 11);
    flow.scenarios = crate::generator::scenarios(200, 12);
    let report = test_flow(&flow, &Options::default());
    assert_eq!(report.results.len(), 200);
    for result in &report.results {
        let end = result.end.as_ref().unwrap();
        assert_ne!(
            end.reason,
            crate::flow::EndReason::Error,
            "{}: {end}",
            result.name
        );
        assert_ne!(
            end.reason,
            crate::flow::EndReason::DeadEnd,
            "{}: {end}",
            result.name
        );
    }
    assert!(report.coverage.branches_covered > 10);
}
