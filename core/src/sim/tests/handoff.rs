//! What a handoff carries and what closing it leaves: the conversation so far
//! (`include_history`, ALTU's OPEN_CONVERSATION), the custom fields the agent fills when closing
//! (the scenario's `closing`), and the chat's place on the agents' screen when a run ends.

use super::{end_node, flow, reason, run_with, var};
use crate::flow::{AutoAssign, ChatList, EndReason, Flow};
use crate::sim::{Event, Options, Run, Speaker};

/// Greets, asks a CPF (retrying once), hands off to Suporte (LeastBusy), then a second handoff.
fn chat_flow(include_history: bool) -> Flow {
    let mut flow = flow(
        &format!(
            r#"(id: "inicio", kind: Entry()),
               (id: "ola", kind: Message(text: "Olá, {{{{contact.name}}}}!")),
               (id: "cpf", kind: Ask(prompt: "Qual o seu CPF?", save_as: "cpf", expect: Cpf,
                   retry_message: "CPF inválido, de novo:")),
               (id: "t", kind: LiveChat(department: "Suporte", include_history: {include_history},
                   result_variable: "r", closing_message: "Até logo")),
               (id: "t2", kind: LiveChat(department: "Suporte", result_variable: "r2")),
               (id: "fim", kind: End(message: "Tchau"))"#
        ),
        r#"(from: "inicio", port: "next", to: "ola"), (from: "ola", port: "next", to: "cpf"),
           (from: "cpf", port: "answered", to: "t"), (from: "t", port: "agent_closed", to: "t2"),
           (from: "t2", port: "agent_closed", to: "fim")"#,
        "",
    );
    flow.team
        .auto_assign
        .insert("Suporte".into(), AutoAssign::LeastBusy);
    flow
}

const REPLIES: &str =
    r#"(name: "s", contact: (name: "Rui"), replies: [Text("abc"), Text("123.456.789-09")])"#;

fn histories(run: &Run) -> Vec<(Vec<(Speaker, String)>, usize)> {
    run.events()
        .filter_map(|event| match event {
            Event::HandoffStarted(handoff) => Some((
                handoff
                    .history
                    .lines()
                    .iter()
                    .map(|line| (line.from, line.text.to_string()))
                    .collect(),
                handoff.history_omitted,
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn a_handoff_carries_every_message_and_reply_since_the_start() {
    let run = run_with(&chat_flow(true), REPLIES);
    assert_eq!(reason(&run), EndReason::End);
    let bot = |text: &str| (Speaker::Bot, text.to_owned());
    let contact = |text: &str| (Speaker::Contact, text.to_owned());
    let first = vec![
        bot("Olá, Rui!"),
        bot("Qual o seu CPF?"),
        contact("abc"),
        bot("CPF inválido, de novo:"),
        contact("123.456.789-09"),
    ];
    let mut second = first.clone();
    second.push(bot("Até logo"));
    assert_eq!(
        histories(&run),
        [(first, 0), (second, 0)],
        "the second handoff also carries the first one's closing message"
    );
    let json: serde_json::Value = serde_json::from_str(&var(&run, "r")).unwrap();
    assert_eq!(
        json["history"],
        serde_json::json!([
            {"from": "bot", "text": "Olá, Rui!"},
            {"from": "bot", "text": "Qual o seu CPF?"},
            {"from": "contact", "text": "abc"},
            {"from": "bot", "text": "CPF inválido, de novo:"},
            {"from": "contact", "text": "123.456.789-09"},
        ])
    );
    let text = run
        .events()
        .find(|event| matches!(event, Event::HandoffStarted(_)))
        .unwrap()
        .to_string();
    assert!(
        text.contains(
            "\n  history: bot: Olá, Rui!\n  history: bot: Qual o seu CPF?\n  history: contact: abc"
        ),
        "{text}"
    );
}

#[test]
fn without_include_history_nothing_is_sent() {
    let run = run_with(&chat_flow(false), REPLIES);
    let all = histories(&run);
    assert_eq!(all[0], (vec![], 0));
    assert_eq!(
        all[1].0.len(),
        6,
        "the other handoff keeps the default (true)"
    );
    let json: serde_json::Value = serde_json::from_str(&var(&run, "r")).unwrap();
    assert!(json.get("history").is_none(), "{json}");
    let json: serde_json::Value = serde_json::from_str(&var(&run, "r2")).unwrap();
    assert_eq!(json["history"].as_array().map(Vec::len), Some(6));
}

#[test]
fn a_secret_in_the_history_stays_masked() {
    let mut flow = chat_flow(true);
    if let Some(node) = flow.node_mut("ola") {
        node.kind = crate::flow::NodeKind::Message {
            text: "Seu token é {{secret.token}}".into(),
            buttons: vec![],
        };
    }
    let run = run_with(
        &flow,
        r#"(name: "s", secrets: {"token": "s3cr3t"}, replies: [Text("123.456.789-09")])"#,
    );
    let (lines, _) = &histories(&run)[0];
    assert_eq!(lines[0].1, "Seu token é ••••");
    assert!(!var(&run, "r").contains("s3cr3t"));
}

/// A handoff whose closing fields decide a survey.
fn survey_flow() -> Flow {
    flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "t", kind: LiveChat(department: "Suporte", closing_message: "Motivo: {{contact.custom.motivo}}")),
           (id: "motivo", kind: Condition(cases: [(port: "resolvido", rules: [(var: "contact.custom.motivo", op: Equals, value: "resolvido")])])),
           (id: "pesquisa", kind: End(message: "Avalie de 1 a 5")),
           (id: "fim", kind: End(message: "Tchau"))"#,
        r#"(from: "inicio", port: "next", to: "t"), (from: "t", port: "agent_closed", to: "motivo"),
           (from: "t", port: "user_closed", to: "motivo"), (from: "motivo", port: "resolvido", to: "pesquisa"),
           (from: "motivo", port: "else", to: "fim")"#,
        "",
    )
}

#[test]
fn closing_fields_are_set_before_the_flow_goes_on() {
    let flow = survey_flow();
    let run = run_with(
        &flow,
        r#"(name: "s", closing: [{"motivo": "resolvido", "nota": "5"}])"#,
    );
    assert_eq!(end_node(&run), "pesquisa");
    assert_eq!(var(&run, "contact.custom.motivo"), "resolvido");
    assert_eq!(
        var(&run, "contact.custom.nota"),
        "5",
        "a field the flow never reads is kept too"
    );
    assert!(run.messages().contains(&"Motivo: resolvido"));
    assert!(run.events().any(|event| matches!(event,
        Event::VariableSet { name, new, .. } if name == "contact.custom.nota" && new == "5")));
    assert_eq!(
        crate::sim::expect::check(
            &super::scenario(
                r#"(name: "x", expect: (vars: {"contact.custom.nota": "5", "contact.custom.motivo": "resolvido"}))"#
            )
            .expect,
            &run
        ),
        vec![]
    );
    // Only the agent fills them: a conversation the contact closed sets nothing.
    let run = run_with(
        &flow,
        r#"(name: "s", live_chat: [UserClosed], closing: [{"motivo": "resolvido"}])"#,
    );
    assert_eq!(end_node(&run), "fim");
    assert_eq!(run.variable("contact.custom.motivo"), None);
    // No closing fields: the contact's own value stays.
    let run = run_with(
        &flow,
        r#"(name: "s", contact: (custom: {"motivo": "resolvido"}))"#,
    );
    assert_eq!(end_node(&run), "pesquisa");
}

#[test]
fn each_conversation_takes_its_own_closing_fields() {
    let mut flow = survey_flow();
    // The survey's else goes to a second handoff, then to the survey's condition again.
    flow.nodes.push(crate::flow::Node::new(
        "t2",
        (0.0, 0.0),
        crate::flow::KindTag::LiveChat.default_kind(),
    ));
    if let Some(node) = flow.node_mut("t2")
        && let crate::flow::NodeKind::LiveChat { department, .. } = &mut node.kind
    {
        *department = "Suporte".into();
    }
    flow.edges
        .retain(|edge| edge.from != "motivo" || edge.port != "else");
    flow.edges
        .push(crate::flow::Edge::new("motivo", "else", "t2"));
    flow.edges
        .push(crate::flow::Edge::new("t2", "agent_closed", "motivo"));
    let run = run_with(
        &flow,
        r#"(name: "s", closing: [{"motivo": "desistiu"}, {"motivo": "resolvido"}])"#,
    );
    assert_eq!(
        run.path(),
        ["inicio", "t", "motivo", "t2", "motivo", "pesquisa"]
    );
    assert!(run.messages().contains(&"Motivo: desistiu"));
    // A handoff nobody took (the wait ran out) uses no outcome and no closing fields.
    let mut waiting = survey_flow();
    if let Some(node) = waiting.node_mut("t")
        && let crate::flow::NodeKind::LiveChat { wait_timeout_s, .. } = &mut node.kind
    {
        *wait_timeout_s = 30;
    }
    waiting
        .edges
        .push(crate::flow::Edge::new("t", "timeout", "motivo"));
    let run = run_with(
        &waiting,
        r#"(name: "s", agents: {"bia": Away, "duda": Away}, closing: [{"motivo": "resolvido"}])"#,
    );
    assert_eq!(end_node(&run), "fim");
}

fn lists(run: &Run) -> Vec<&'static str> {
    run.chat_lists().names()
}

#[test]
fn the_chat_lists_when_a_run_ends() {
    let flow = flow(
        r#"(id: "inicio", kind: Entry()),
           (id: "menu", kind: Ask(prompt: "1, 2, 3, 4 ou 5?", save_as: "op", expect: Options(["1", "2", "3", "4", "5"]))),
           (id: "rota", kind: Condition(cases: [
               (port: "fila", rules: [(var: "op", op: Equals, value: "1")]),
               (port: "humano", rules: [(var: "op", op: Equals, value: "2")]),
               (port: "ana", rules: [(var: "op", op: Equals, value: "3")]),
               (port: "api", rules: [(var: "op", op: Equals, value: "4")]),
           ])),
           (id: "fila", kind: Queue(queue: "Suporte")),
           (id: "humano", kind: LiveChat(department: "Suporte")),
           (id: "ana", kind: LiveChat(department: "Comercial", route: Agent("ana"))),
           (id: "api", kind: Request(method: Post, url: "{{team.api_base}}/chats/{{chat.id}}/transfer", body: "{\"agentId\": \"ana\"}")),
           (id: "fim", kind: End())"#,
        r#"(from: "inicio", port: "next", to: "menu"), (from: "menu", port: "answered", to: "rota"),
           (from: "rota", port: "fila", to: "fila"), (from: "rota", port: "humano", to: "humano"),
           (from: "rota", port: "ana", to: "ana"), (from: "rota", port: "api", to: "api"),
           (from: "rota", port: "else", to: "fim"), (from: "humano", port: "agent_closed", to: "fim"),
           (from: "api", port: "ok", to: "fim")"#,
        "",
    );
    let with = |reply: &str, more: &str| {
        run_with(
            &flow,
            &format!(r#"(name: "s", replies: [Text("{reply}")]{more})"#),
        )
    };
    // Still in the flow: All only.
    let waiting = run_with(&flow, r#"(name: "s")"#);
    assert_eq!(reason(&waiting), EndReason::WaitingReply);
    assert_eq!(lists(&waiting), ["All"]);
    assert_eq!(waiting.department(), "");
    // A Queue end: open, tagged with the department.
    let queued = with("1", "");
    assert_eq!(lists(&queued), ["All", "Open"]);
    assert_eq!(queued.chat_lists().department, "Suporte");
    assert_eq!(queued.department(), "Suporte");
    // A handoff whose conversation closed before the flow ended: All only.
    let closed = with("2", "");
    assert_eq!((end_node(&closed), lists(&closed)), ("fim", vec!["All"]));
    assert_eq!(
        closed.department(),
        "Suporte",
        "the department it was opened for"
    );
    // A handoff still waiting (nobody available, no wait time): open for the department.
    let nobody = with("2", r#", agents: {"bia": Away, "duda": Away}"#);
    assert_eq!(reason(&nobody), EndReason::Queued);
    assert_eq!(lists(&nobody), ["All", "Open"]);
    // The run ends on a handoff whose outcome has no edge: the chat stays where it went.
    let with_agent = with("3", "");
    assert_eq!(reason(&with_agent), EndReason::DeadEnd);
    let screen = with_agent.chat_lists();
    assert_eq!(
        (
            screen.names(),
            screen.agent.as_str(),
            with_agent.department()
        ),
        (vec!["All", "Mine", "InService"], "ana", "")
    );
    let open = with("2", ", live_chat: [UserClosed]");
    assert_eq!(reason(&open), EndReason::DeadEnd);
    assert_eq!(lists(&open), ["All", "Open"]);
    // A transfer through the platform API gives the chat to the agent.
    let transferred = with("4", "");
    assert_eq!(end_node(&transferred), "fim");
    assert_eq!(lists(&transferred), ["All", "Mine", "InService"]);
    assert_eq!(transferred.chat_lists().agent, "ana");
    // Never handed to people.
    assert_eq!(lists(&with("5", "")), ["All"]);
    let set: std::collections::BTreeSet<ChatList> =
        [ChatList::InService, ChatList::All, ChatList::Mine].into();
    assert_eq!(transferred.chat_lists().lists, set, "a set: any order");
}

#[test]
fn lists_follow_a_run_stepped_back() {
    let flow = survey_flow();
    let mut run = Run::new(
        &flow,
        &super::scenario(r#"(name: "s", live_chat: [UserClosed])"#),
        Options {
            history: true,
            ..Options::default()
        },
    );
    run.step();
    run.step();
    let before = run.whole_state();
    run.run_to_end();
    assert!(run.back());
    run.run_to_end();
    assert_eq!(lists(&run), ["All"]);
    while run.step_count() > 2 {
        assert!(run.back());
    }
    assert_eq!(run.whole_state(), before);
}
