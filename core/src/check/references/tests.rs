use crate::check::Code;
use crate::check::testing::{around, assert_clean, at, place, spec, with_code};
use crate::flow::{CustomField, FieldKind, KindTag, NodeKind, Route, TemplateMap};

fn live_chat(department: &str, route: Route) -> NodeKind {
    let mut kind = KindTag::LiveChat.default_kind();
    if let NodeKind::LiveChat {
        department: d,
        route: r,
        ..
    } = &mut kind
    {
        *d = department.into();
        *r = route;
    }
    kind
}

fn queue(name: &str) -> NodeKind {
    NodeKind::Queue {
        queue: name.into(),
        message: String::new(),
    }
}

fn message(text: &str) -> NodeKind {
    NodeKind::Message {
        text: text.into(),
        buttons: vec![],
    }
}

#[test]
fn unknown_department_in_queue_and_live_chat() {
    let found = with_code(&around(queue("atendimento")), Code::UnknownDepartment);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field.as_deref(), Some("queue"));
    assert!(
        found[0].message.contains("did you mean `Atendimento`"),
        "{}",
        found[0].message
    );
    assert_clean(&around(queue("Atendimento")));

    let bad = around(live_chat("Vendas", Route::Department));
    assert_eq!(
        at(&bad, Code::UnknownDepartment),
        [place("n", "department")]
    );
    assert_clean(&around(live_chat("Comercial", Route::Department)));
}

#[test]
fn unknown_agent_in_a_route() {
    let bad = around(live_chat("Comercial", Route::Agent("carla".into())));
    let found = with_code(&bad, Code::UnknownAgent);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field.as_deref(), Some("route"));
    assert!(
        found[0].message.contains("`ana` and `bruno`"),
        "{}",
        found[0].message
    );
    assert_clean(&around(live_chat("Comercial", Route::Agent("ana".into()))));
}

#[test]
fn unknown_schedule() {
    let bad = around(NodeKind::BusinessHours {
        schedule: "Plantão".into(),
    });
    assert_eq!(at(&bad, Code::UnknownSchedule), [place("n", "schedule")]);
    assert_clean(&around(NodeKind::BusinessHours {
        schedule: "Expediente".into(),
    }));
}

#[test]
fn unknown_custom_field_wherever_it_is_named() {
    let read = around(message("Seu gerente: {{contact.custom.gerente}}"));
    let found = with_code(&read, Code::UnknownCustomField);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field.as_deref(), Some("text"));
    assert!(
        found[0]
            .message
            .contains("did you mean `gerente_de_contas`"),
        "{}",
        found[0].message
    );
    assert_clean(&around(message(
        "Seu gerente: {{contact.custom.gerente_de_contas}}",
    )));

    let mut set = TemplateMap::new();
    set.insert("contact.custom.plano".into(), "ouro".into());
    let bad = around(NodeKind::SetVariable { set: set.clone() });
    assert_eq!(
        at(&bad, Code::UnknownCustomField),
        [place("n", "set.contact.custom.plano")]
    );
    let mut good = around(NodeKind::SetVariable { set });
    good.team.custom_fields.push(CustomField {
        key: "plano".into(),
        label: "Plano".into(),
        kind: FieldKind::Text,
    });
    assert_clean(&good);

    let rule = around(NodeKind::Condition {
        cases: vec![crate::flow::Case {
            port: "sim".into(),
            mode: crate::flow::Mode::All,
            rules: vec![crate::flow::Rule {
                var: "contact.custom.vip".into(),
                op: crate::flow::Op::IsNotEmpty,
                value: String::new(),
            }],
        }],
    });
    assert_eq!(
        at(&rule, Code::UnknownCustomField),
        [place("n", "cases[0].rules[0].var")]
    );

    let route = around(live_chat(
        "Comercial",
        Route::AgentFromField("gerente".into()),
    ));
    assert_eq!(at(&route, Code::UnknownCustomField), [place("n", "route")]);
    assert_clean(&around(live_chat(
        "Comercial",
        Route::AgentFromField("gerente_de_contas".into()),
    )));
}

#[test]
fn agent_from_field_needs_a_field_of_kind_agent() {
    let mut bad = around(live_chat(
        "Comercial",
        Route::AgentFromField("gerente_de_contas".into()),
    ));
    bad.team.custom_fields[0].kind = FieldKind::Text;
    let found = with_code(&bad, Code::WrongFieldKind);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field.as_deref(), Some("route"));
    assert!(found[0].message.contains("Text"), "{}", found[0].message);
    assert!(at(&spec(), Code::WrongFieldKind).is_empty());
}
