//! A generator of valid, realistic flows of any size, for benchmarks and stress tests.
//!
//! A generated flow is a chain of "atendimento" segments, each using the node kinds the way real
//! flows do (a greeting, a question, a condition on the answer, a request to the platform API, a
//! variable, business hours, a handoff), with side exits to End and Queue nodes. Every port is
//! connected, every node is reachable and every variable is set before it is read, so the flow
//! checks clean and the checks and the simulator do their full work on it. Same size and seed,
//! same flow.

use crate::flow::{
    Agent, AgentStatus, AskExpect, Case, Channel, Contact, CustomField, Edge, FieldKind,
    LiveChatOutcome, Method, Mock, Mode, Node, NodeKind, Op, Reply, Route, Rule, Scenario,
    Schedule, Team, TemplateMap, Weekday, WeeklyHours,
};
use crate::flow::{Expectations, Flow};
use crate::rng::Rng;

mod loop_free;
pub use loop_free::loop_free;

const COLUMN_PX: f32 = 260.0;
const ROW_PX: f32 = 260.0;

/// A flow of exactly `nodes` nodes (at least 3: Entry, a SetVariable and End).
pub fn flow(nodes: usize, seed: u64) -> Flow {
    let mut builder = Builder {
        flow: Flow {
            name: format!("Fluxo gerado ({nodes} nós, semente {seed})"),
            description: "Gerado por `fluxo gen` para medir desempenho.".into(),
            team: team(),
            ..Flow::default()
        },
        rng: Rng::new(seed),
        target: nodes.max(3),
    };
    builder.build();
    builder.flow
}

/// A flow of exactly `nodes` nodes with `count` scenarios (what `fluxo gen` writes). A flow too
/// small to hold a Request gets scenarios without HTTP mocks, so that it still checks clean.
pub fn flow_with_scenarios(nodes: usize, seed: u64, count: usize) -> Flow {
    let mut flow = flow(nodes, seed);
    flow.scenarios = scenarios(count, seed);
    let has_request = flow
        .nodes
        .iter()
        .any(|node| matches!(node.kind, NodeKind::Request { .. }));
    if !has_request {
        for scenario in &mut flow.scenarios {
            scenario.mocks.clear();
        }
    }
    flow
}

/// The team every generated flow is designed for.
pub fn team() -> Team {
    let departments = ["Atendimento", "Comercial", "Suporte", "Financeiro"];
    let names = [
        ("ana", "Ana Souza"),
        ("bruno", "Bruno Lima"),
        ("carla", "Carla Dias"),
        ("diego", "Diego Alves"),
        ("elisa", "Elisa Rocha"),
        ("fabio", "Fábio Nunes"),
        ("gabi", "Gabriela Melo"),
        ("heitor", "Heitor Prado"),
    ];
    Team {
        api_base: "https://api.huggy.app/v3".into(),
        departments: departments.iter().map(|&d| d.to_owned()).collect(),
        agents: names
            .iter()
            .enumerate()
            .map(|(i, &(id, name))| Agent {
                id: id.into(),
                name: name.into(),
                departments: vec![
                    departments[i % departments.len()].into(),
                    departments[(i + 1) % departments.len()].into(),
                ],
                status: [AgentStatus::Online, AgentStatus::Online, AgentStatus::Away][i % 3],
                capacity: 3 + (i as u32 % 3),
                active_chats: i as u32 % 4,
            })
            .collect(),
        custom_fields: vec![
            CustomField {
                key: "gerente_de_contas".into(),
                label: "Gerente de Contas".into(),
                kind: FieldKind::Agent,
            },
            CustomField {
                key: "plano".into(),
                label: "Plano".into(),
                kind: FieldKind::Text,
            },
        ],
        schedules: vec![Schedule {
            name: "Expediente".into(),
            utc_offset_min: -180,
            weekly: vec![
                WeeklyHours {
                    days: vec![
                        Weekday::Mon,
                        Weekday::Tue,
                        Weekday::Wed,
                        Weekday::Thu,
                        Weekday::Fri,
                    ],
                    open: "08:00".into(),
                    close: "18:00".into(),
                },
                WeeklyHours {
                    days: vec![Weekday::Sat],
                    open: "09:00".into(),
                    close: "13:00".into(),
                },
            ],
            holidays: vec!["2026-12-25".into(), "2027-01-01".into()],
        }],
        waiting: [("Atendimento".to_owned(), 3), ("Suporte".to_owned(), 1)].into(),
        auto_assign: std::collections::BTreeMap::new(),
    }
}

/// `count` scenarios for a generated flow: varied contacts, replies, agent statuses, clocks,
/// outcomes and mocks. They state no expectations (a benchmark runs them for their work).
pub fn scenarios(count: usize, seed: u64) -> Vec<Scenario> {
    let mut rng = Rng::new(seed ^ 0x5CE4_A210);
    let agents = [
        "ana", "bruno", "carla", "diego", "elisa", "fabio", "gabi", "heitor",
    ];
    let answers = [
        "1",
        "2",
        "3",
        "sim",
        "não",
        "123.456.789-09",
        "maria@exemplo.com",
        "42",
    ];
    (0..count)
        .map(|i| {
            let replies = (0..=rng.below(12))
                .map(|_| {
                    if rng.chance(8) {
                        Reply::NoReply
                    } else {
                        Reply::Text(answers[rng.below(answers.len())].into())
                    }
                })
                .collect();
            let overrides = (0..rng.below(3))
                .map(|_| {
                    (
                        agents[rng.below(agents.len())].to_owned(),
                        AgentStatus::ALL[rng.below(3)],
                    )
                })
                .collect();
            let hour = 6 + rng.below(14);
            let day = 5 + rng.below(7);
            Scenario {
                name: format!("cenário {i}"),
                contact: Contact {
                    name: format!("Contato {i}"),
                    phone: format!("+55119{:08}", rng.below(100_000_000)),
                    email: format!("contato{i}@exemplo.com"),
                    channel: Some(Channel::ALL[rng.below(2)]),
                    custom: [
                        (
                            "gerente_de_contas".to_owned(),
                            agents[rng.below(agents.len())].to_owned(),
                        ),
                        (
                            "plano".to_owned(),
                            ["ouro", "prata", "bronze"][rng.below(3)].into(),
                        ),
                    ]
                    .into(),
                    last_agent: agents[rng.below(agents.len())].into(),
                },
                agents: overrides,
                clock: Some(format!("2026-01-{day:02}T{hour:02}:15:00-03:00")),
                seed: rng.next_u64(),
                replies,
                live_chat: (0..rng.below(3))
                    .map(|_| LiveChatOutcome::ALL[rng.below(4)])
                    .collect(),
                mocks: if rng.chance(30) {
                    vec![Mock {
                        method: Some(Method::Get),
                        url: "*/agents/*".into(),
                        status: [200, 200, 404, 500][rng.below(4)],
                        body: "{\"status\": \"online\", \"available\": true}".into(),
                        delay_ms: 120,
                        fail: None,
                    }]
                } else {
                    vec![]
                },
                secrets: [("api_token".to_owned(), "tok-bench".to_owned())].into(),
                expect: Expectations::default(),
                ..Scenario::default()
            }
        })
        .collect()
}

struct Builder {
    flow: Flow,
    rng: Rng,
    target: usize,
}

/// Nodes one segment adds: seven on the spine, three side exits.
const SEGMENT_NODES: usize = 10;

impl Builder {
    fn build(&mut self) {
        self.add("inicio", 0, 0, NodeKind::Entry { channels: vec![] });
        // Everything downstream reads these: set once, before any branch.
        let mut set = TemplateMap::new();
        set.insert("protocolo".into(), "{{chat.protocol}}".into());
        set.insert("canal".into(), "{{contact.channel}}".into());
        self.add("preparar", 0, 1, NodeKind::SetVariable { set });
        self.link("inicio", "next", "preparar");
        let mut previous = ("preparar".to_owned(), "next".to_owned());
        let mut row = 1;
        // Leave room for the final End.
        while self.flow.nodes.len() + SEGMENT_NODES < self.target {
            let start = self.segment(row);
            self.link(&previous.0, &previous.1, &start);
            // Every exit of the segment that goes on points at the next segment's start, which
            // is linked once it exists: remember them as pending.
            previous = (format!("s{row}_transbordo"), "agent_closed".into());
            row += 1;
        }
        // Pad with messages, then the final End.
        let mut column = 0;
        while self.flow.nodes.len() + 1 < self.target {
            let id = format!("aviso_{column}");
            self.add(
                &id,
                row,
                column,
                NodeKind::Message {
                    text: "Seu protocolo é {{protocolo}}.".into(),
                    buttons: vec![],
                },
            );
            self.link(&previous.0, &previous.1, &id);
            previous = (id, "next".into());
            column += 1;
        }
        self.add(
            "fim",
            row,
            column,
            NodeKind::End {
                message: "Obrigado pelo contato, {{contact.name}}!".into(),
            },
        );
        self.link(&previous.0, &previous.1, "fim");
        self.resolve_pending();
    }

    // One table of nodes and wires: splitting it would scatter what belongs together.
    #[allow(clippy::too_many_lines)]
    /// Adds one segment on `row` and returns the id of its first node. Its exits that go on
    /// are left pointing at the placeholder `next`, resolved to the following segment.
    fn segment(&mut self, row: usize) -> String {
        let id = |name: &str| format!("s{row}_{name}");
        let next = "\u{0}next".to_owned();
        let rng = &mut self.rng;
        let expect = match rng.below(6) {
            0 => AskExpect::Options(vec!["1".into(), "2".into(), "3".into()]),
            1 => AskExpect::Number,
            2 => AskExpect::Cpf,
            3 => AskExpect::Email,
            4 => AskExpect::Regex("^[0-9a-z ]+$".into()),
            _ => AskExpect::Any,
        };
        let route = match rng.below(6) {
            0 => Route::Department,
            1 => Route::Agent("ana".into()),
            2 => Route::AgentFromField("gerente_de_contas".into()),
            3 => Route::Random,
            4 => Route::LastAgent,
            _ => Route::Sequential,
        };
        let department = ["Atendimento", "Comercial", "Suporte", "Financeiro"][rng.below(4)];
        let answer = id("resposta");
        let status = id("status");

        self.add(
            &id("boas_vindas"),
            row,
            0,
            NodeKind::Message {
                text: "Olá {{contact.name}}! Protocolo {{protocolo}}, canal {{canal}}.".into(),
                buttons: vec!["Financeiro".into(), "Suporte".into()],
            },
        );
        self.add(
            &id("pergunta"),
            row,
            1,
            NodeKind::Ask {
                prompt: "Como podemos ajudar? 1) Segunda via 2) Suporte 3) Outros".into(),
                save_as: answer.clone(),
                expect,
                retries: 2,
                retry_message: "Não entendi, {{contact.name}}. Pode repetir?".into(),
                timeout_s: 300,
            },
        );
        self.add(
            &id("condicao"),
            row,
            2,
            NodeKind::Condition {
                cases: vec![
                    Case {
                        port: "segunda_via".into(),
                        mode: Mode::Any,
                        rules: vec![
                            rule(&answer, Op::Equals, "1"),
                            rule(&answer, Op::Contains, "boleto"),
                        ],
                    },
                    Case {
                        port: "outros".into(),
                        mode: Mode::All,
                        rules: vec![
                            rule(&answer, Op::In, "2, 3, sim"),
                            rule("contact.custom.plano", Op::IsNotEmpty, ""),
                        ],
                    },
                ],
            },
        );
        let mut headers = TemplateMap::new();
        headers.insert("Authorization".into(), "Bearer {{secret.api_token}}".into());
        let mut save = TemplateMap::new();
        save.insert(status.clone(), "status".into());
        self.add(
            &id("consulta"),
            row,
            3,
            NodeKind::Request {
                method: Method::Get,
                url: "{{team.api_base}}/agents/{{contact.custom.gerente_de_contas}}".into(),
                headers,
                body: String::new(),
                timeout_ms: 5000,
                save,
            },
        );
        let mut set = TemplateMap::new();
        set.insert("etapa".into(), row.to_string());
        set.insert(
            "ultimo_status".into(),
            format!("{{{{{status}}}}} ({{{{http.status}}}})"),
        );
        self.add(&id("registro"), row, 4, NodeKind::SetVariable { set });
        self.add(
            &id("expediente"),
            row,
            5,
            NodeKind::BusinessHours {
                schedule: "Expediente".into(),
            },
        );
        let mut extra_info = TemplateMap::new();
        extra_info.insert("protocolo".into(), "{{protocolo}}".into());
        extra_info.insert("resposta".into(), format!("{{{{{answer}}}}}"));
        let mut contact_info = TemplateMap::new();
        contact_info.insert("nome".into(), "<? $contact.name ?>".into());
        self.add(
            &id("transbordo"),
            row,
            6,
            NodeKind::LiveChat {
                department: department.into(),
                route,
                integration_id: 2,
                skill_id: "adf003438nsfmvof9d0s0emds".into(),
                extra_info,
                contact_info,
                wait_timeout_s: 600,
                inactivity_timeout_s: 900,
                include_history: true,
                result_variable: "transferencia".into(),
                closing_message: "Atendimento encerrado. Obrigado!".into(),
            },
        );
        self.side(
            &id("invalido"),
            row,
            2,
            "Não conseguimos entender. Até logo!",
        );
        self.add(
            &id("fila"),
            row,
            4,
            NodeKind::Queue {
                queue: department.into(),
                message: "Aguarde, {{contact.name}}: já vamos atender você.".into(),
            },
        );
        if let Some(node) = self.flow.nodes.last_mut() {
            node.pos.1 += ROW_PX / 2.0;
        }
        self.side(
            &id("encerrado"),
            row,
            6,
            "Conversa encerrada por você. Até mais!",
        );

        self.link(&id("boas_vindas"), "next", &id("pergunta"));
        self.link(&id("pergunta"), "answered", &id("condicao"));
        self.link(&id("pergunta"), "invalid", &id("invalido"));
        self.link(&id("pergunta"), "timeout", &next);
        self.link(&id("condicao"), "segunda_via", &id("consulta"));
        self.link(&id("condicao"), "outros", &next);
        self.link(&id("condicao"), "else", &id("consulta"));
        self.link(&id("consulta"), "ok", &id("registro"));
        self.link(&id("consulta"), "error", &id("fila"));
        self.link(&id("registro"), "next", &id("expediente"));
        self.link(&id("expediente"), "open", &id("transbordo"));
        self.link(&id("expediente"), "closed", &next);
        self.link(&id("transbordo"), "user_closed", &id("encerrado"));
        self.link(&id("transbordo"), "timeout", &id("fila"));
        self.link(&id("transbordo"), "user_inactivity_timeout", &next);
        id("boas_vindas")
    }

    fn side(&mut self, id: &str, row: usize, column: usize, message: &str) {
        self.add(
            id,
            row,
            column,
            NodeKind::End {
                message: message.into(),
            },
        );
        if let Some(node) = self.flow.nodes.last_mut() {
            node.pos.1 += ROW_PX / 2.0;
        }
    }

    /// Points every placeholder edge at the start of the segment after its own (or the end).
    fn resolve_pending(&mut self) {
        let starts: Vec<(usize, String)> = self
            .flow
            .edges
            .iter()
            .filter(|edge| edge.from.ends_with("_transbordo") && edge.port == "agent_closed")
            .map(|edge| (segment_row(&edge.from), edge.to.clone()))
            .collect();
        for edge in &mut self.flow.edges {
            if edge.to == "\u{0}next" {
                let row = segment_row(&edge.from);
                if let Some((_, to)) = starts.iter().find(|(r, _)| *r == row) {
                    edge.to.clone_from(to);
                }
            }
        }
    }

    fn add(&mut self, id: &str, row: usize, column: usize, kind: NodeKind) {
        self.flow.nodes.push(Node::new(
            id,
            (column as f32 * COLUMN_PX + 40.0, row as f32 * ROW_PX + 40.0),
            kind,
        ));
    }

    fn link(&mut self, from: &str, port: &str, to: &str) {
        self.flow.edges.push(Edge::new(from, port, to));
    }
}

fn segment_row(id: &str) -> usize {
    id.strip_prefix('s')
        .and_then(|rest| rest.split('_').next())
        .and_then(|row| row.parse().ok())
        .unwrap_or(0)
}

fn rule(var: &str, op: Op, value: &str) -> Rule {
    Rule {
        var: var.into(),
        op,
        value: value.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::KindTag;

    #[test]
    fn exact_size_every_kind_and_deterministic() {
        for size in [3, 4, 12, 13, 50, 200, 2000] {
            let flow = flow(size, 7);
            assert_eq!(flow.nodes.len(), size, "size {size}");
            assert_eq!(
                flow.node("inicio").map(|n| n.kind.tag()),
                Some(KindTag::Entry)
            );
        }
        let big = flow(200, 7);
        // A generated flow has no folder of flows for a SubFlow to call.
        for tag in KindTag::ALL
            .into_iter()
            .filter(|tag| *tag != KindTag::SubFlow)
        {
            assert!(big.nodes.iter().any(|n| n.kind.tag() == tag), "{tag:?}");
        }
        assert_eq!(flow(500, 3), flow(500, 3));
        assert_ne!(flow(500, 3), flow(500, 4));
    }

    #[test]
    fn the_loop_free_bench_flow_runs_every_segment_to_its_end() {
        let flow = loop_free(3);
        assert_eq!(
            flow.nodes.len(),
            1 + 3 * 7 + 1,
            "Entry, three segments, End"
        );
        let scenario = &flow.scenarios[0];
        let mut run = crate::sim::Run::new(&flow, scenario, crate::sim::Options::default());
        run.run_to_end();
        assert_eq!(
            run.end().map(|end| end.reason),
            Some(crate::flow::EndReason::End),
            "{:?}",
            run.end()
        );
        assert_eq!(
            run.step_count(),
            flow.nodes.len(),
            "one step per node, none skipped"
        );
    }

    #[test]
    fn every_port_is_connected_to_an_existing_node() {
        let flow = flow(300, 1);
        for node in &flow.nodes {
            for port in node.kind.ports() {
                let edge = flow.edge_from(&node.id, port);
                let edge = edge.unwrap_or_else(|| panic!("{}.{port} is dangling", node.id));
                assert!(flow.node(&edge.to).is_some(), "{} -> {}", node.id, edge.to);
            }
        }
        let ids: std::collections::HashSet<_> = flow.nodes.iter().map(|n| &n.id).collect();
        assert_eq!(ids.len(), flow.nodes.len(), "ids are unique");
    }

    #[test]
    fn scenarios_are_varied_and_deterministic() {
        let a = scenarios(50, 9);
        assert_eq!(a, scenarios(50, 9));
        assert_eq!(a.len(), 50);
        assert!(a.iter().any(|s| !s.mocks.is_empty()));
        assert!(a.iter().any(|s| s.replies.contains(&Reply::NoReply)));
    }
}
