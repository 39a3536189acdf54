use super::*;
use crate::check::testing::spec;
use crate::check::variables::Name;
use crate::flow::{KindTag, NodeKind, Route, TemplateMap};

#[test]
fn only_ask_and_request_set_differently_by_port() {
    let mut set = TemplateMap::new();
    set.insert("a".into(), "1".into());
    set.insert("contact.custom.b".into(), "2".into());
    let mut kinds: Vec<NodeKind> = KindTag::ALL.iter().map(|tag| tag.default_kind()).collect();
    kinds.push(NodeKind::SetVariable { set });
    let mut live_chat = KindTag::LiveChat.default_kind();
    if let NodeKind::LiveChat {
        result_variable,
        route,
        ..
    } = &mut live_chat
    {
        *result_variable = "r".into();
        *route = Route::Random;
    }
    kinds.push(live_chat);
    for kind in kinds {
        if matches!(kind, NodeKind::Ask { .. } | NodeKind::Request { .. }) {
            continue;
        }
        for port in kind.ports() {
            assert_eq!(
                kind.variables_set_on(port),
                kind.variables_set(),
                "{kind:?} {port}"
            );
        }
    }
}

#[test]
fn the_index_of_the_spec_example() {
    let flow = spec();
    let index = FlowIndex::new(&flow);
    assert_eq!(index.entry, Some(0));
    assert!(
        index.reachable.iter().all(|&r| r),
        "every node is reachable"
    );
    let consulta = index.node_index("consulta").unwrap();
    let ports: Vec<&str> = index
        .slot_range(consulta)
        .map(|slot| index.port(slot))
        .collect();
    assert_eq!(ports, ["ok", "error"]);
    let fila = index.node_index("fila").unwrap();
    let into_fila: Vec<&str> = index
        .preds_of(fila)
        .iter()
        .map(|&slot| flow.nodes[index.node_of(slot)].id.as_str())
        .collect();
    assert_eq!(into_fila, ["consulta", "disponivel", "transferir"]);
    assert!(index.edge_problems.is_empty(), "{:?}", index.edge_problems);
    // Names read: numbered once each, with what they are.
    let id = index.names.id("contact.custom.gerente_de_contas").unwrap();
    assert_eq!(index.names.kind(id), Name::Custom("gerente_de_contas"));
    let status = index.names.id("status_gerente").unwrap();
    assert!(index.names.is_set(status));
    let ok = index.slot_range(consulta).start;
    assert_eq!(index.sets_on(ok), [status]);
    assert!(index.sets_on(ok + 1).is_empty(), "error saves nothing");
}
