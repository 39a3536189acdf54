//! A LiveChat node as the ALTU Builder's `start_live_chat` action (seed 002, SPEC.md section 13),
//! ready to paste into the Builder: `fluxo export altu` prints it and the window's "Copy as ALTU
//! action" copies the same text.
//!
//! The shape is the seed's, key for key: a one-element array holding `name`, `parameters`
//! (`skillId`, `extra_info`, `contact_info`, `integration_id`) and `result_variable` beside
//! `parameters`. Templates are written in ALTU's form, `<? $name ?>`. What the action has no place
//! for (the department and route, the timeouts and history that ALTU sets on the integration, the
//! closing message that goes in `before_action_messages`) is listed in [`Export::left_out`] so
//! that the caller can say so.

use serde::Serialize;

use crate::flow::{Flow, KindTag, NodeKind, Route, TemplateMap};
use crate::template::{Part, parse_parts};

/// The action's `name`.
pub const ACTION_NAME: &str = "start_live_chat";

/// One `start_live_chat` action, serialised in the seed's key order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Action {
    pub name: String,
    pub parameters: Parameters,
    pub result_variable: String,
}

/// The action's `parameters`, in the seed's key order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Parameters {
    #[serde(rename = "skillId")]
    pub skill_id: String,
    pub extra_info: TemplateMap,
    pub contact_info: TemplateMap,
    pub integration_id: i64,
}

/// A field of the LiveChat node that the action cannot carry (only when it holds a value).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeftOut {
    /// ALTU routes by `skillId`; the department is fluxo's.
    Department,
    /// The route (agent, carteirização, ...) is fluxo's simulation of the platform.
    Route,
    /// "Tempo de espera": set on the ALTU integration.
    WaitTimeout,
    /// "Tempo de inatividade do usuário": set on the ALTU integration.
    InactivityTimeout,
    /// "Incluir histórico": set on the ALTU integration (here: turned off).
    IncludeHistory,
    /// Goes in the node's `before_action_messages` in the Builder.
    ClosingMessage,
}

impl LeftOut {
    /// The node's field name.
    pub fn field(self) -> &'static str {
        match self {
            LeftOut::Department => "department",
            LeftOut::Route => "route",
            LeftOut::WaitTimeout => "wait_timeout_s",
            LeftOut::InactivityTimeout => "inactivity_timeout_s",
            LeftOut::IncludeHistory => "include_history",
            LeftOut::ClosingMessage => "closing_message",
        }
    }
}

/// The export of one node: the action array and what it left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    /// Always one action; an array because the Builder's node holds a list of actions.
    pub actions: Vec<Action>,
    pub left_out: Vec<LeftOut>,
}

impl Export {
    /// The action array as pretty JSON, as the Builder takes it.
    pub fn to_json(&self) -> String {
        // Strings, integers and string maps always serialise.
        serde_json::to_string_pretty(&self.actions).unwrap_or_default()
    }
}

/// Why a node cannot be exported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("the flow has no node `{node}`")]
    NoSuchNode { node: String },
    #[error("the node `{node}` is a {} node, not a LiveChat", kind.as_str())]
    NotLiveChat { node: String, kind: KindTag },
}

/// The node `node_id` of `flow` as ALTU's `start_live_chat` action.
pub fn start_live_chat(flow: &Flow, node_id: &str) -> Result<Export, ExportError> {
    let node = flow.node(node_id).ok_or_else(|| ExportError::NoSuchNode {
        node: node_id.to_owned(),
    })?;
    let NodeKind::LiveChat {
        department,
        route,
        integration_id,
        skill_id,
        extra_info,
        contact_info,
        wait_timeout_s,
        inactivity_timeout_s,
        include_history,
        result_variable,
        closing_message,
    } = &node.kind
    else {
        return Err(ExportError::NotLiveChat {
            node: node_id.to_owned(),
            kind: node.kind.tag(),
        });
    };
    let action = Action {
        name: ACTION_NAME.to_owned(),
        parameters: Parameters {
            skill_id: skill_id.clone(),
            extra_info: altu_map(extra_info),
            contact_info: altu_map(contact_info),
            integration_id: *integration_id,
        },
        result_variable: result_variable.clone(),
    };
    let mut left_out = Vec::new();
    if !department.trim().is_empty() {
        left_out.push(LeftOut::Department);
    }
    if *route != Route::Department {
        left_out.push(LeftOut::Route);
    }
    if *wait_timeout_s != 0 {
        left_out.push(LeftOut::WaitTimeout);
    }
    if *inactivity_timeout_s != 0 {
        left_out.push(LeftOut::InactivityTimeout);
    }
    if !include_history {
        left_out.push(LeftOut::IncludeHistory);
    }
    if !closing_message.trim().is_empty() {
        left_out.push(LeftOut::ClosingMessage);
    }
    Ok(Export {
        actions: vec![action],
        left_out,
    })
}

fn altu_map(map: &TemplateMap) -> TemplateMap {
    map.iter()
        .map(|(key, value)| (key.clone(), altu_template(value)))
        .collect()
}

/// A template with every reference written in ALTU's form: `{{ nome }}` and `<?nome?>` become
/// `<? $nome ?>`; literal text and marks that make no reference stay as they are.
pub fn altu_template(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for part in parse_parts(source) {
        match part {
            Part::Var { name, .. } => {
                out.push_str("<? $");
                out.push_str(&name);
                out.push_str(" ?>");
            }
            Part::Text(span) | Part::Broken(span) => {
                out.push_str(source.get(span).unwrap_or_default());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{KindTag, Node};
    use crate::template::names_in;

    fn flow_with(kind: NodeKind) -> Flow {
        let mut flow = Flow::new("t");
        flow.nodes.push(Node::new("humano", (0.0, 0.0), kind));
        flow
    }

    fn live_chat() -> NodeKind {
        NodeKind::LiveChat {
            department: "Atendimento".into(),
            route: Route::Department,
            integration_id: 2,
            skill_id: "abc".into(),
            extra_info: [("matricula".to_owned(), "{{ matricula }}".to_owned())].into(),
            contact_info: [
                ("nome".to_owned(), "Sr(a). {{contact.name}}".to_owned()),
                ("plano".to_owned(), "<?plano?>".to_owned()),
            ]
            .into(),
            wait_timeout_s: 0,
            inactivity_timeout_s: 0,
            include_history: true,
            result_variable: "transfer_response".into(),
            closing_message: String::new(),
        }
    }

    #[test]
    fn templates_are_written_in_altu_form_and_read_back() {
        assert_eq!(altu_template("{{ a }} e {{b.c}}"), "<? $a ?> e <? $b.c ?>");
        assert_eq!(altu_template("<?x?>"), "<? $x ?>");
        assert_eq!(altu_template("sem nada"), "sem nada");
        assert_eq!(altu_template("{{ dois nomes }}"), "{{ dois nomes }}");
        let source = "Olá {{contact.name}}, pedido {{ pedido }}";
        assert_eq!(names_in(&altu_template(source)), names_in(source));
    }

    #[test]
    fn a_live_chat_becomes_the_seed_action() {
        let export = start_live_chat(&flow_with(live_chat()), "humano").unwrap();
        let value: serde_json::Value = serde_json::from_str(&export.to_json()).unwrap();
        assert_eq!(
            value,
            serde_json::json!([{
                "name": "start_live_chat",
                "parameters": {
                    "skillId": "abc",
                    "extra_info": {"matricula": "<? $matricula ?>"},
                    "contact_info": {"nome": "Sr(a). <? $contact.name ?>", "plano": "<? $plano ?>"},
                    "integration_id": 2
                },
                "result_variable": "transfer_response"
            }])
        );
        let text = export.to_json();
        let order: Vec<usize> = [
            "\"name\"",
            "\"parameters\"",
            "\"skillId\"",
            "\"extra_info\"",
            "\"contact_info\"",
            "\"integration_id\"",
            "\"result_variable\"",
        ]
        .iter()
        .map(|key| text.find(key).unwrap())
        .collect();
        assert!(order.is_sorted(), "keys in the seed's order: {text}");
        assert_eq!(export.left_out, vec![LeftOut::Department]);
    }

    #[test]
    fn what_the_action_cannot_carry_is_listed() {
        let mut kind = live_chat();
        if let NodeKind::LiveChat {
            department,
            route,
            wait_timeout_s,
            inactivity_timeout_s,
            include_history,
            closing_message,
            ..
        } = &mut kind
        {
            department.clear();
            *route = Route::LastAgent;
            *wait_timeout_s = 300;
            *inactivity_timeout_s = 600;
            *include_history = false;
            *closing_message = "Tchau".into();
        }
        let export = start_live_chat(&flow_with(kind), "humano").unwrap();
        assert_eq!(
            export.left_out,
            vec![
                LeftOut::Route,
                LeftOut::WaitTimeout,
                LeftOut::InactivityTimeout,
                LeftOut::IncludeHistory,
                LeftOut::ClosingMessage
            ]
        );
    }

    #[test]
    fn a_missing_node_or_another_kind_is_refused() {
        let flow = flow_with(live_chat());
        assert_eq!(
            start_live_chat(&flow, "nada"),
            Err(ExportError::NoSuchNode {
                node: "nada".into()
            })
        );
        assert_eq!(
            start_live_chat(&flow, "inicio"),
            Err(ExportError::NotLiveChat {
                node: "inicio".into(),
                kind: KindTag::Entry
            })
        );
    }
}
