use crate::check::testing::{around, ask_kind, assert_clean, at, place, spec, with_code};
use crate::check::{Code, Severity};
use crate::flow::{
    AskExpect, Case, Flow, KindTag, Method, Mode, NodeKind, Op, Route, Rule, TemplateMap,
};

fn map(pairs: &[(&str, &str)]) -> TemplateMap {
    pairs
        .iter()
        .map(|&(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn request(url: &str, headers: &[(&str, &str)], body: &str) -> NodeKind {
    NodeKind::Request {
        method: Method::Post,
        url: url.into(),
        headers: map(headers),
        body: body.into(),
        timeout_ms: 5000,
        save: TemplateMap::new(),
    }
}

fn ask(prompt: &str, save_as: &str, expect: AskExpect) -> NodeKind {
    ask_kind(prompt, save_as, expect)
}

fn condition(cases: Vec<Case>) -> NodeKind {
    NodeKind::Condition { cases }
}

fn case(port: &str, rules: Vec<Rule>) -> Case {
    Case {
        port: port.into(),
        mode: Mode::All,
        rules,
    }
}

fn rule(var: &str, op: Op, value: &str) -> Rule {
    Rule {
        var: var.into(),
        op,
        value: value.into(),
    }
}

fn live_chat(department: &str, route: Route) -> NodeKind {
    let NodeKind::LiveChat {
        integration_id,
        skill_id,
        wait_timeout_s,
        inactivity_timeout_s,
        include_history,
        result_variable,
        closing_message,
        ..
    } = KindTag::LiveChat.default_kind()
    else {
        unreachable!()
    };
    NodeKind::LiveChat {
        department: department.into(),
        route,
        integration_id,
        skill_id,
        extra_info: TemplateMap::new(),
        contact_info: TemplateMap::new(),
        wait_timeout_s,
        inactivity_timeout_s,
        include_history,
        result_variable,
        closing_message,
    }
}

/// `(node, field)` pairs of the `empty-field` findings of a flow around `kind`.
fn empty_fields(kind: NodeKind) -> Vec<(Option<String>, Option<String>)> {
    at(&around(kind), Code::EmptyField)
}

// One table of (bad, good, fields) per kind: splitting it would scatter the cases.
#[allow(clippy::too_many_lines)]
#[test]
fn empty_fields_of_each_kind() {
    let n = |field: &str| place("n", field);
    let cases: Vec<(NodeKind, NodeKind, Vec<&str>)> = vec![
        (
            request("", &[], ""),
            request("https://x.com", &[], ""),
            vec!["url"],
        ),
        (
            NodeKind::Queue {
                queue: " ".into(),
                message: String::new(),
            },
            NodeKind::Queue {
                queue: "Atendimento".into(),
                message: String::new(),
            },
            vec!["queue"],
        ),
        (
            live_chat("", Route::Department),
            live_chat("Suporte", Route::Department),
            vec!["department"],
        ),
        (
            live_chat("Suporte", Route::Agent(String::new())),
            live_chat("Suporte", Route::Agent("ana".into())),
            vec!["route"],
        ),
        (
            live_chat("Suporte", Route::AgentFromField(String::new())),
            live_chat("Suporte", Route::AgentFromField("gerente_de_contas".into())),
            vec!["route"],
        ),
        (
            ask("", "", AskExpect::Any),
            ask("Nome?", "nome", AskExpect::Any),
            vec!["prompt", "save_as"],
        ),
        (
            ask("Plano?", "plano", AskExpect::Options(vec![])),
            ask("Plano?", "plano", AskExpect::Options(vec!["Ouro".into()])),
            vec!["expect"],
        ),
        (
            ask(
                "Plano?",
                "plano",
                AskExpect::Options(vec!["Ouro".into(), " ".into()]),
            ),
            ask(
                "Plano?",
                "plano",
                AskExpect::Options(vec!["Ouro".into(), "Prata".into()]),
            ),
            vec!["expect[1]"],
        ),
        (
            ask("Código?", "codigo", AskExpect::Regex(String::new())),
            ask("Código?", "codigo", AskExpect::Regex("[0-9]+".into())),
            vec!["expect"],
        ),
        (
            NodeKind::BusinessHours {
                schedule: String::new(),
            },
            NodeKind::BusinessHours {
                schedule: "Expediente".into(),
            },
            vec!["schedule"],
        ),
        (
            NodeKind::Message {
                text: String::new(),
                buttons: vec![],
            },
            NodeKind::Message {
                text: String::new(),
                buttons: vec!["Sim".into()],
            },
            vec!["text"],
        ),
        (
            NodeKind::Message {
                text: "Escolha".into(),
                buttons: vec!["Sim".into(), String::new()],
            },
            NodeKind::Message {
                text: "Escolha".into(),
                buttons: vec!["Sim".into(), "Não".into()],
            },
            vec!["buttons[1]"],
        ),
        (
            NodeKind::SetVariable {
                set: TemplateMap::new(),
            },
            NodeKind::SetVariable {
                set: map(&[("etapa", "1")]),
            },
            vec!["set"],
        ),
        (
            NodeKind::SetVariable {
                set: map(&[("", "1")]),
            },
            NodeKind::SetVariable {
                set: map(&[("etapa", "1")]),
            },
            vec!["set"],
        ),
        (
            condition(vec![]),
            condition(vec![case(
                "sim",
                vec![rule("contact.name", Op::IsEmpty, "")],
            )]),
            vec!["cases"],
        ),
        (
            condition(vec![case("sim", vec![])]),
            condition(vec![case(
                "sim",
                vec![rule("contact.name", Op::IsEmpty, "")],
            )]),
            vec!["cases[0].rules"],
        ),
        (
            condition(vec![case("", vec![rule("contact.name", Op::IsEmpty, "")])]),
            condition(vec![case(
                "sim",
                vec![rule("contact.name", Op::IsEmpty, "")],
            )]),
            vec!["cases[0].port"],
        ),
        (
            condition(vec![case("sim", vec![rule(" ", Op::IsEmpty, "")])]),
            condition(vec![case(
                "sim",
                vec![rule("contact.name", Op::IsEmpty, "")],
            )]),
            vec!["cases[0].rules[0].var"],
        ),
        (
            request("https://x.com", &[("", "a")], ""),
            request("https://x.com", &[("Accept", "a")], ""),
            vec!["headers"],
        ),
    ];
    for (bad, good, fields) in cases {
        let expected: Vec<_> = fields.iter().map(|field| n(field)).collect();
        assert_eq!(empty_fields(bad.clone()), expected, "{bad:?}");
        assert!(empty_fields(good.clone()).is_empty(), "{good:?}");
        assert_eq!(
            with_code(&around(bad), Code::EmptyField)[0].severity,
            Severity::Error
        );
    }
}

#[test]
fn an_unassigned_handoff_needs_no_department() {
    // "Abrir conversa sem atribuir departamento ou agente": the department is not used.
    assert!(empty_fields(live_chat("", Route::Unassigned)).is_empty());
    assert_eq!(empty_fields(live_chat("", Route::Department)).len(), 1);
}

#[test]
fn a_zero_time_out_means_no_limit_not_an_empty_field() {
    // As in the simulator: `timeout_ms: 0` waits for the answer however long it takes.
    let mut kind = request("https://x.com", &[], "");
    if let NodeKind::Request { timeout_ms, .. } = &mut kind {
        *timeout_ms = 0;
    }
    assert!(empty_fields(kind).is_empty());
}

#[test]
fn empty_keys_of_every_map() {
    let mut kind = live_chat("Suporte", Route::Department);
    if let NodeKind::LiveChat {
        extra_info,
        contact_info,
        ..
    } = &mut kind
    {
        *extra_info = map(&[("", "x")]);
        *contact_info = map(&[("", "y")]);
    }
    assert_eq!(
        empty_fields(kind),
        [place("n", "contact_info"), place("n", "extra_info")]
    );
    let mut kind = request("https://x.com", &[], "");
    if let NodeKind::Request { save, .. } = &mut kind {
        *save = map(&[("", "data")]);
    }
    assert_eq!(empty_fields(kind), [place("n", "save")]);
}

#[test]
fn duplicate_case_ports_and_else() {
    let rules = || vec![rule("contact.name", Op::IsNotEmpty, "")];
    let bad = around(condition(vec![
        case("sim", rules()),
        case("sim", rules()),
        case("else", rules()),
    ]));
    assert_eq!(
        at(&bad, Code::DuplicatePort),
        [place("n", "cases[1].port"), place("n", "cases[2].port")]
    );
    // The repeated ports are not reported as dangling on top.
    assert!(
        at(&bad, Code::DanglingPort).is_empty(),
        "{:?}",
        at(&bad, Code::DanglingPort)
    );
    let good = around(condition(vec![case("sim", rules()), case("nao", rules())]));
    assert_clean(&good);
}

#[test]
fn bad_url() {
    let cases = [
        ("api.huggy.app/agents", "must start with https://"),
        ("https://x.com/a b", "space"),
        ("{{base}}/agents", "cannot know"),
        ("https://{{host}}:porta/x", "port"),
    ];
    for (url, says) in cases {
        let found = with_code(&around(request(url, &[], "")), Code::BadUrl);
        assert_eq!(found.len(), 1, "{url}: {found:?}");
        assert_eq!(found[0].field.as_deref(), Some("url"));
        assert!(
            found[0].message.contains(says),
            "{url}: {}",
            found[0].message
        );
    }
    for url in [
        "{{team.api_base}}/agents/{{contact.custom.gerente_de_contas}}",
        "https://{{contact.custom.gerente_de_contas}}.example.com:8443/x?y={{chat.id}}",
        "http://localhost:3000",
    ] {
        assert!(
            at(&around(request(url, &[], "")), Code::BadUrl).is_empty(),
            "{url}"
        );
    }
}

#[test]
fn bad_url_says_to_set_the_api_base() {
    let mut flow = around(request("{{team.api_base}}/agents", &[], ""));
    flow.team.api_base = String::new();
    let found = with_code(&flow, Code::BadUrl);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.contains("set the team's api base"),
        "{}",
        found[0].message
    );

    flow.team.api_base = "api.huggy.app".into();
    let found = with_code(&flow, Code::BadUrl);
    let places: Vec<_> = found
        .iter()
        .map(|f| (f.node.clone(), f.field.clone()))
        .collect();
    assert_eq!(
        places,
        [(None, Some("team.api_base".to_owned())), place("n", "url")]
    );
    assert!(
        found[1].message.contains("mend the team's api base"),
        "{}",
        found[1].message
    );
}

#[test]
fn bad_json_names_the_position_in_the_body() {
    let body = "{\n  \"agentId\": \"{{contact.custom.gerente_de_contas}}\"\n  \"nota\": 1\n}";
    let found = with_code(&around(request("https://x.com", &[], body)), Code::BadJson);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field.as_deref(), Some("body"));
    assert!(
        found[0].message.contains("line 3, column 3"),
        "{}",
        found[0].message
    );

    let good =
        "{\n  \"agentId\": \"{{contact.custom.gerente_de_contas}}\",\n  \"nota\": {{chat.id}}\n}";
    assert!(at(&around(request("https://x.com", &[], good)), Code::BadJson).is_empty());
    // Not JSON at all: plain text is left alone, unless the Content-Type says JSON.
    let text = "nome={{contact.name}}";
    assert!(at(&around(request("https://x.com", &[], text)), Code::BadJson).is_empty());
    let json_header = [("Content-Type", "application/json")];
    assert_eq!(
        at(
            &around(request("https://x.com", &json_header, text)),
            Code::BadJson
        ),
        [place("n", "body")]
    );
}

#[test]
fn bad_regex_in_rules_and_asks() {
    let bad_rule = around(condition(vec![case(
        "sim",
        vec![rule("contact.name", Op::Matches, "^(ana|bia$")],
    )]));
    let found = with_code(&bad_rule, Code::BadRegex);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field.as_deref(), Some("cases[0].rules[0].value"));
    assert!(
        found[0].message.contains("unclosed group"),
        "{}",
        found[0].message
    );
    assert!(!found[0].message.contains('\n'));
    let good_rule = around(condition(vec![case(
        "sim",
        vec![rule("contact.name", Op::Matches, "^(ana|bia)$")],
    )]));
    assert_clean(&good_rule);
    // A value with a template is only known at run time: not checked.
    let templated = around(condition(vec![case(
        "sim",
        vec![rule("contact.name", Op::Matches, "^({{contact.phone}}")],
    )]));
    assert!(at(&templated, Code::BadRegex).is_empty());
    // Another operator's value is not a regex.
    let other = around(condition(vec![case(
        "sim",
        vec![rule("contact.name", Op::Equals, "(")],
    )]));
    assert!(at(&other, Code::BadRegex).is_empty());

    let bad_ask = around(ask("CEP?", "cep", AskExpect::Regex("[0-9{5}".into())));
    assert_eq!(at(&bad_ask, Code::BadRegex), [place("n", "expect")]);
    let good_ask = around(ask(
        "CEP?",
        "cep",
        AskExpect::Regex("[0-9]{5}-?[0-9]{3}".into()),
    ));
    assert_clean(&good_ask);
}

#[test]
fn inline_secret_in_headers_and_query() {
    let literal = [
        ("Authorization", "Bearer abc123"),
        ("X-Api-Key", "minha-chave"),
        ("senha", "1234"),
    ];
    for (name, value) in literal {
        let flow = around(request("https://x.com", &[(name, value)], ""));
        let found = with_code(&flow, Code::InlineSecret);
        assert_eq!(found.len(), 1, "{name}: {value}");
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(
            found[0].field.as_deref(),
            Some(format!("headers.{name}").as_str())
        );
        assert!(
            found[0].message.contains("{{secret."),
            "{}",
            found[0].message
        );
        assert!(
            !found[0].message.contains(value),
            "a message never repeats the secret"
        );
    }
    let found = with_code(
        &around(request(
            "https://x.com",
            &[("Authorization", "Bearer abc123")],
            "",
        )),
        Code::InlineSecret,
    );
    assert!(
        found[0].message.contains("`Bearer {{secret.api_token}}`"),
        "{}",
        found[0].message
    );
    for (name, value) in [
        ("Authorization", "Bearer {{secret.api_token}}"),
        ("Authorization", "Bearer {{token_de_sessao}}"),
        ("X-Api-Key", "{{secret.chave}}"),
        ("Accept", "application/json"),
    ] {
        let flow = around(request("https://x.com", &[(name, value)], ""));
        assert!(at(&flow, Code::InlineSecret).is_empty(), "{name}: {value}");
    }
    let query = around(request("https://x.com/a?api_key=abc&x=1", &[], ""));
    assert_eq!(at(&query, Code::InlineSecret), [place("n", "url")]);
    let query = around(request("https://x.com/a?api_key={{secret.k}}&x=1", &[], ""));
    assert!(at(&query, Code::InlineSecret).is_empty());
}

#[test]
fn broken_templates_are_warnings() {
    let bad = around(NodeKind::Message {
        text: "Olá {{contact.name, tudo bem?".into(),
        buttons: vec!["<? $x".into()],
    });
    let found = with_code(&bad, Code::BrokenTemplate);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].severity, Severity::Warning);
    // Sorted by field: buttons before text.
    assert_eq!(found[0].field.as_deref(), Some("buttons[0]"));
    assert!(found[0].message.contains("`?>`"), "{}", found[0].message);
    assert_eq!(found[1].field.as_deref(), Some("text"));
    assert!(found[1].message.contains("`}}`"), "{}", found[1].message);
    let good = around(NodeKind::Message {
        text: "Olá {{contact.name}}, tudo bem?".into(),
        buttons: vec![],
    });
    assert_clean(&good);
}

#[test]
fn bad_variable_names() {
    let bad = around(ask("Nome?", "nome do cliente", AskExpect::Any));
    let found = with_code(&bad, Code::BadVariableName);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field.as_deref(), Some("save_as"));
    assert!(
        found[0].message.contains("`nome_do_cliente`"),
        "{}",
        found[0].message
    );
    assert_clean(&around(ask("Nome?", "nome_do_cliente", AskExpect::Any)));

    // The contact's writable fields may be set, as the simulator does; read-only names not.
    let contact = around(ask("E-mail?", "contact.email", AskExpect::Email));
    assert!(at(&contact, Code::BadVariableName).is_empty());
    let dotted = around(ask("Canal?", "contact.channel", AskExpect::Any));
    assert_eq!(at(&dotted, Code::BadVariableName), [place("n", "save_as")]);
    let chat = around(ask("Id?", "chat.id", AskExpect::Any));
    assert_eq!(at(&chat, Code::BadVariableName), [place("n", "save_as")]);

    let set = |key: &str| {
        around(NodeKind::SetVariable {
            set: map(&[(key, "1")]),
        })
    };
    assert_eq!(
        at(&set("http.status"), Code::BadVariableName),
        [place("n", "set.http.status")]
    );
    assert!(
        at(
            &set("contact.custom.gerente_de_contas"),
            Code::BadVariableName
        )
        .is_empty()
    );
    for name in ["contact.name", "contact.phone", "contact.last_agent"] {
        assert!(at(&set(name), Code::BadVariableName).is_empty(), "{name}");
    }
    assert_eq!(
        at(&set("now.hour"), Code::BadVariableName),
        [place("n", "set.now.hour")]
    );
    assert_eq!(
        at(&set("contact.custom."), Code::BadVariableName),
        [place("n", "set.contact.custom.")]
    );

    let braces = around(condition(vec![case(
        "sim",
        vec![rule("{{status}}", Op::IsEmpty, "")],
    )]));
    let found = with_code(&braces, Code::BadVariableName);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.contains("`status`"),
        "{}",
        found[0].message
    );
    // The rule's unreadable name is not also an unknown variable.
    assert!(at(&braces, Code::UnknownVariable).is_empty());
}

#[test]
fn the_spec_request_nodes_are_clean() {
    let flow: Flow = spec();
    for code in [
        Code::BadUrl,
        Code::BadJson,
        Code::InlineSecret,
        Code::EmptyField,
    ] {
        assert!(at(&flow, code).is_empty(), "{code}");
    }
}
